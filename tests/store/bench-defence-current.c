/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench-defence-current"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-likes.h"
#include "jp-store-defence.h"
#include "jp-store-ranking.h"

/* GET /defence as the host answered it before (jp_store_get_defence_session, then
 * jp_store_defence_get_sheet: two loads) and now (jp_store_defence_get_current: one load),
 * best of several runs of 60 requests (every station asks when the chair calls a candidate).
 * The fixture is tests/store/test-defence.c's:
 * a frozen election with quota 2: trade XT with candidates A, B, C, D (cand[0..3]), members
 * M01..M05 on its panel; M05 works at C's unit, so is conflicted with C (回避). The ballot
 * (3 seats): A 5 votes, B 4, C 3, D 3 -> a run-off between C and D, which C wins 4 : 1.
 * So the finalists are A, B, C and the main round is round 1 (valid 5): V = 100, 80, 60. */
typedef struct {
  char    *dir;
  JpStore *store;
  gint64   cand[4];
  char    *code[4];
  gint64   session;
} Fixture;

static void
add_member (JpStore *store, const char *code, const char *unit)
{
  g_autoptr(JpMember) m = g_new0 (JpMember, 1);
  g_autoptr(GError) error = NULL;
  const char *trades[] = { "XT", NULL };

  m->code = g_strdup (code);
  m->name = g_strdup_printf ("评委%s", code);
  m->unit = g_strdup (unit);
  m->trades = g_strdupv ((GStrv) trades);
  jp_store_add_member (store, m, "test", &error);
  g_assert_no_error (error);
}

static void
vote (Fixture *f, gint64 round, const char *member, const char *marks)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = g_strsplit (marks, " ", -1);

  jp_store_submit_ballot (f->store, round, member, (const char *const *) list, NULL, NULL,
                          &error);
  g_assert_no_error (error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(JpElection) election = NULL;
  g_autofree char *m1 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL, *run = NULL;
  gint64 round, runoff;

  f->dir = test_tmp_dir ();
  path = g_build_filename (f->dir, "defence.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  election = jp_store_get_election (f->store);
  election->quota = 2;
  jp_store_update_election (f->store, election, "test", &error);
  g_assert_no_error (error);
  jp_store_add_trade (f->store, "XT", "稀土", TRUE, "test", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031980010%04d", 100 + i);
      g_autofree char *id = test_id_number (body);
      g_autofree char *name = g_strdup_printf ("候选人%d", i + 1);
      g_autofree char *unit = g_strdup_printf ("单位%d", i + 1);
      g_autoptr(JpCandidate) c = test_candidate (name, id, unit, "稀土");

      jp_store_save_candidate (f->store, c, NULL, "test", NULL, &error);
      g_assert_no_error (error);
      f->cand[i] = c->id;
    }
  for (int m = 1; m <= 5; m++)
    {
      g_autofree char *code = g_strdup_printf ("M%02d", m);
      g_autofree char *unit = m == 5 ? g_strdup ("单位3") : g_strdup_printf ("别处%d", m);

      add_member (f->store, code, unit);
    }
  g_assert_true (jp_store_exec (f->store, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (f->store, "test", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < codes->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (codes, i);

      for (int k = 0; k < 4; k++)
        if (f->cand[k] == a->candidate_id)
          f->code[k] = g_strdup (a->code);
    }

  round = jp_store_open_ballot_round (f->store, "XT", 3, 3, -1, "chair", &error);
  g_assert_no_error (error);
  m1 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[2]);
  m3 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[3]);
  m4 = g_strdup_printf ("%s %s %s", f->code[0], f->code[2], f->code[3]);
  m5 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[3]);
  vote (f, round, "M01", m1);
  vote (f, round, "M02", m1);
  vote (f, round, "M03", m3);
  vote (f, round, "M04", m4);
  vote (f, round, "M05", m5);
  g_assert_true (jp_store_close_round (f->store, round, "chair", &error));
  g_assert_no_error (error);
  runoff = jp_store_create_runoff (f->store, round, "chair", &error);
  g_assert_no_error (error);
  vote (f, runoff, "M01", f->code[2]);
  vote (f, runoff, "M02", f->code[2]);
  vote (f, runoff, "M03", f->code[2]);
  vote (f, runoff, "M04", f->code[2]);
  vote (f, runoff, "M05", f->code[3]);
  g_assert_true (jp_store_close_round (f->store, runoff, "chair", &error));
  g_assert_no_error (error);

  if (GPOINTER_TO_INT (data) == 0)
    return;
  f->session = jp_store_open_defence_session (f->store, "XT", "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->session, >, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  for (int i = 0; i < 4; i++)
    g_free (f->code[i]);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

#define N_REQUESTS 60
#define N_RUNS 10

static void
bench_current (Fixture *f, gconstpointer data)
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

  g_test_add ("/store/bench/defence-current", Fixture, GINT_TO_POINTER (1), setup,
              bench_current, teardown);
  return g_test_run ();
}
