/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The defence tests' election and sheets, shared by the defence and ranking store tests. */

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-defence.h"
#include "jp-store-ranking.h"

/* A frozen election with quota 2: trade XT with candidates A, B, C, D (cand[0..3]), members
 * M01..M05 on its panel; M05 works at C's unit, so is conflicted with C (回避). The ballot
 * (3 seats): A 5 votes, B 4, C 3, D 3 -> a run-off between C and D, which C wins 4 : 1.
 * So the finalists are A, B, C and the main round is round 1 (valid 5): V = 100, 80, 60. */
typedef struct {
  char    *dir;
  JpStore *store;
  gint64   cand[4];
  char    *code[4];
  gint64   session;
} TestDefence;

/* Hand-written sheets (docs/ranking.md worked example): A 90, 88.5, 87, 86, 60 -> D 87.17;
 * B 80, 82.5, 79, 81, 80 -> D 80.33; C (M05 conflicted) 85, 86.5, 84, 88 -> D 85.88. */
static const char *const test_sheets_a[5] = { "15,23,22,17,13", "14,23,22.5,16,13",
                                              "14,22,22,16,13", "14,22,21,16,13",
                                              "10,15,15,10,10" };
static const char *const test_sheets_b[5] = { "12,20,20,16,12", "12.5,21,21,16,12",
                                              "12,20,19,16,12", "12,21,20,16,12",
                                              "12,20,20,16,12" };
static const char *const test_sheets_c[4] = { "13,21,21,17,13", "13,21.5,21,17,14",
                                              "13,21,20,17,13", "14,22,21,17,14" };

/* The election above, its ballot and run-off closed; XT's defence session opened (its id in
 * f->session) when `open_session`. */
static inline void
test_defence_init (TestDefence *f,
                   gboolean     open_session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpElection) election = NULL;
  g_autofree char *m1 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL;
  gint64 round, runoff;

  f->store = test_store_new (&f->dir, "defence.jiangping");
  election = jp_store_get_election (f->store);
  election->quota = 2;
  jp_store_update_election (f->store, election, "test", &error);
  g_assert_no_error (error);
  test_add_xt_candidates (f->store, f->cand);
  for (int m = 1; m <= 5; m++)
    {
      g_autofree char *code = g_strdup_printf ("M%02d", m);
      g_autofree char *unit = m == 5 ? g_strdup ("单位3") : g_strdup_printf ("别处%d", m);

      test_add_xt_member (f->store, code, unit, TRUE);
    }
  test_qualify_and_freeze (f->store, f->cand, f->code);

  round = jp_store_open_ballot_round (f->store, "XT", 3, 3, -1, "chair", &error);
  g_assert_no_error (error);
  m1 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[2]);
  m3 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[3]);
  m4 = g_strdup_printf ("%s %s %s", f->code[0], f->code[2], f->code[3]);
  m5 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[3]);
  test_vote (f->store, round, "M01", m1);
  test_vote (f->store, round, "M02", m1);
  test_vote (f->store, round, "M03", m3);
  test_vote (f->store, round, "M04", m4);
  test_vote (f->store, round, "M05", m5);
  g_assert_true (jp_store_close_round (f->store, round, "chair", &error));
  g_assert_no_error (error);
  runoff = jp_store_create_runoff (f->store, round, "chair", &error);
  g_assert_no_error (error);
  test_vote (f->store, runoff, "M01", f->code[2]);
  test_vote (f->store, runoff, "M02", f->code[2]);
  test_vote (f->store, runoff, "M03", f->code[2]);
  test_vote (f->store, runoff, "M04", f->code[2]);
  test_vote (f->store, runoff, "M05", f->code[3]);
  g_assert_true (jp_store_close_round (f->store, runoff, "chair", &error));
  g_assert_no_error (error);

  if (!open_session)
    return;
  f->session = jp_store_open_defence_session (f->store, "XT", "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->session, >, 0);
}

static inline void
test_defence_clear (TestDefence *f)
{
  g_clear_object (&f->store);
  for (int i = 0; i < 4; i++)
    g_clear_pointer (&f->code[i], g_free);
  test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* As a g_test_add () fixture: `open_session` is GINT_TO_POINTER (1) for a session opened,
 * NULL for none. */
static inline void
test_defence_setup (TestDefence   *f,
                    gconstpointer  open_session)
{
  test_defence_init (f, open_session != NULL);
}

static inline void
test_defence_teardown (TestDefence   *f,
                       gconstpointer  data)
{
  test_defence_clear (f);
}

/* Registers case `func` at `path` on this election, its defence session opened (the test
 * program's Fixture is TestDefence). */
#define TEST_DEFENCE_ADD(path, func) \
  g_test_add (path, TestDefence, GINT_TO_POINTER (1), test_defence_setup, func, \
              test_defence_teardown)

/* `member`'s sheet for cand[`cand`] ("13,21.5,,17,12": one field a criterion), saved as a
 * draft or submitted. */
static inline gboolean
test_defence_score (TestDefence *f,
                    const char  *member,
                    int          cand,
                    const char  *values,
                    gboolean     submit,
                    GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (values, ",", -1);

  return jp_store_defence_save_sheet_text (f->store, f->session, member, f->code[cand],
                                           (const char *const *) parts, submit, "station",
                                           error);
}

/* The chair calls cand[`cand`] to present. */
static inline void
test_defence_set_current (TestDefence *f,
                          int          cand)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_defence_set_current (f->store, f->session, f->code[cand], "chair",
                                               &error));
  g_assert_no_error (error);
}

/* Every sheet of the worked example, submitted at the stations. */
static inline void
test_defence_score_all (TestDefence *f)
{
  const char *const *sheets[3] = { test_sheets_a, test_sheets_b, test_sheets_c };
  const int n_sheets[3] = { 5, 5, 4 };

  for (int k = 0; k < 3; k++)
    {
      test_defence_set_current (f, k);
      for (int m = 0; m < n_sheets[k]; m++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

          g_assert_true (test_defence_score (f, member, k, sheets[k][m], TRUE, &error));
          g_assert_no_error (error);
        }
    }
}

static inline JpDefenceCandidateResults *
test_defence_result_of (JpDefenceResults *r,
                        const char       *code)
{
  for (guint i = 0; i < r->candidates->len; i++)
    if (g_str_equal (((JpDefenceCandidateResults *) r->candidates->pdata[i])->code, code))
      return r->candidates->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

static inline JpRankedCandidate *
test_ranked (JpRanking  *ranking,
             const char *code)
{
  for (guint i = 0; i < ranking->candidates->len; i++)
    if (g_str_equal (((JpRankedCandidate *) ranking->candidates->pdata[i])->code, code))
      return ranking->candidates->pdata[i];
  g_assert_not_reached ();
  return NULL;
}
