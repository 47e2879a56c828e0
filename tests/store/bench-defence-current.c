/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench-defence-current"

#include "config.h"

#include <string.h>

#include "store-defence-test-util.h"

/* GET /defence as the host answered it before (jp_store_get_defence_session, then
 * jp_store_defence_get_sheet: two loads) and now (jp_store_defence_get_current: one load),
 * best of several runs of 60 requests (every station asks when the chair calls a candidate),
 * on the defence tests' election (store-defence-test-util.h). */

#define N_REQUESTS 60
#define N_RUNS 10

static void
bench_current (TestDefence *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  double best_two = G_MAXDOUBLE, best_one = G_MAXDOUBLE;

  g_assert_true (jp_store_defence_set_current (f->store, f->session, f->code[1], "chair",
                                               &error));
  g_assert_no_error (error);
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();

      for (guint i = 0; i < N_REQUESTS; i++)
        {
          g_autofree char *member = g_strdup_printf ("M%02u", i % 5 + 1);
          g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (f->store, f->session,
                                                                        &error);
          g_autoptr(JpDefenceSheet) sheet = NULL;

          g_assert_nonnull (s);
          sheet = jp_store_defence_get_sheet (f->store, f->session, member,
                                              jp_defence_session_current (s)->code, &error);
          g_assert_nonnull (sheet);
        }
      best_two = MIN (best_two, g_timer_elapsed (timer, NULL));

      g_timer_start (timer);
      for (guint i = 0; i < N_REQUESTS; i++)
        {
          g_autofree char *member = g_strdup_printf ("M%02u", i % 5 + 1);
          g_autoptr(JpDefenceSheet) sheet = NULL;
          g_autoptr(JpDefenceSession) s = jp_store_defence_get_current (f->store, f->session,
                                                                        member, &sheet, &error);

          g_assert_nonnull (s);
          g_assert_nonnull (sheet);
        }
      best_one = MIN (best_one, g_timer_elapsed (timer, NULL));
    }
  g_test_message ("60 requests, session loaded twice each: %.2f ms", best_two * 1000);
  g_test_message ("60 requests, session loaded once each: %.2f ms", best_one * 1000);
  g_test_minimized_result (best_one, "60 GET /defence store reads: %.2f ms", best_one * 1000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST_DEFENCE_ADD ("/store/bench/defence-current", bench_current);
  return g_test_run ();
}
