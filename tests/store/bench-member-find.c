/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench-member-find"

#include "config.h"

#include "store-test-util.h"

/* 60 station logins look up their member: each used to list every member (with their
 * trades) and compare codes; jp_store_find_member reads the one row. A committee of 60
 * members judging 4 trades each; the best of several runs of 60 lookups each way. */

#define N_MEMBERS 60
#define N_RUNS 20

static void
bench_lookups (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_create (path, NULL, &error);
  const char *trades[] = { "TA", "TB", "TC", "TD", NULL };
  double best_list = G_MAXDOUBLE, best_find = G_MAXDOUBLE;

  g_assert_no_error (error);
  for (guint t = 0; trades[t] != NULL; t++)
    {
      g_autofree char *name = g_strdup_printf ("行业%u", t);

      jp_store_add_trade (store, trades[t], name, FALSE, "bench", &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      JpMember m = { 0 };
      g_autofree char *code = g_strdup_printf ("M%02u", i + 1);
      g_autofree char *name = g_strdup_printf ("评委%u", i + 1);

      m.code = code;
      m.name = name;
      m.unit = (char *) "包头市总工会";
      m.trades = (GStrv) trades;
      g_assert_cmpint (jp_store_add_member (store, &m, "bench", &error), >, 0);
      g_assert_no_error (error);
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();
      guint found = 0;

      for (guint i = 0; i < N_MEMBERS; i++)
        {
          g_autofree char *code = g_strdup_printf ("M%02u", i + 1);
          g_autoptr(GPtrArray) members = jp_store_list_members (store, &error);

          g_assert_no_error (error);
          for (guint k = 0; k < members->len; k++)
            if (g_strcmp0 (((JpMember *) members->pdata[k])->code, code) == 0)
              {
                found++;
                break;
              }
        }
      best_list = MIN (best_list, g_timer_elapsed (timer, NULL));
      g_assert_cmpuint (found, ==, N_MEMBERS);

      found = 0;
      g_timer_start (timer);
      for (guint i = 0; i < N_MEMBERS; i++)
        {
          g_autofree char *code = g_strdup_printf ("M%02u", i + 1);
          g_autoptr(JpMember) m = NULL;

          g_assert_true (jp_store_find_member (store, code, &m, &error));
          found += m != NULL;
        }
      best_find = MIN (best_find, g_timer_elapsed (timer, NULL));
      g_assert_cmpuint (found, ==, N_MEMBERS);
    }
  g_test_message ("60 lookups by listing every member: %.2f ms", best_list * 1000);
  g_test_message ("60 lookups of one member: %.2f ms", best_find * 1000);
  g_test_minimized_result (best_find, "60 member lookups by code: %.2f ms", best_find * 1000);
  g_clear_object (&store);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/bench/member-find", bench_lookups);
  return g_test_run ();
}
