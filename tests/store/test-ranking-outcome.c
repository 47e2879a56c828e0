/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ranking-outcome"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-likes.h"
#include "jp-store-defence.h"
#include "jp-store-ranking.h"

#include "jp-store-audit.h"

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
} Fixture;

/* Hand-written sheets (docs/ranking.md worked example): A 90, 88.5, 87, 86, 60 -> D 87.17;
 * B 80, 82.5, 79, 81, 80 -> D 80.33; C (M05 conflicted) 85, 86.5, 84, 88 -> D 85.88. */
static const char *const sheets_a[5] = { "15,23,22,17,13", "14,23,22.5,16,13", "14,22,22,16,13",
                                         "14,22,21,16,13", "10,15,15,10,10" };
static const char *const sheets_b[5] = { "12,20,20,16,12", "12.5,21,21,16,12", "12,20,19,16,12",
                                         "12,21,20,16,12", "12,20,20,16,12" };
static const char *const sheets_c[4] = { "13,21,21,17,13", "13,21.5,21,17,14", "13,21,20,17,13",
                                         "14,22,21,17,14" };

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

static JsonObject *
last_audit (JpStore    *store,
            const char *action)
{
  g_autoptr(GPtrArray) audit = jp_store_list_audit (store, NULL);

  for (guint i = audit->len; i > 0; i--)
    {
      JpAuditEntry *e = g_ptr_array_index (audit, i - 1);

      if (g_str_equal (e->action, action))
        return test_parse_object (e->payload);
    }
  return NULL;
}

static gboolean
score (Fixture *f, const char *member, int cand, const char *values, gboolean submit,
       GError **error)
{
  g_auto(GStrv) parts = g_strsplit (values, ",", -1);

  return jp_store_defence_save_sheet_text (f->store, f->session, member, f->code[cand],
                                           (const char *const *) parts, submit, "station",
                                           error);
}

static void
set_current (Fixture *f, int cand)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_defence_set_current (f->store, f->session, f->code[cand], "chair",
                                               &error));
  g_assert_no_error (error);
}

/* Every sheet of the worked example, submitted at the stations. */
static void
score_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  set_current (f, 0);
  for (int m = 0; m < 5; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (score (f, member, 0, sheets_a[m], TRUE, &error));
      g_assert_no_error (error);
    }
  set_current (f, 1);
  for (int m = 0; m < 5; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (score (f, member, 1, sheets_b[m], TRUE, &error));
      g_assert_no_error (error);
    }
  set_current (f, 2);
  for (int m = 0; m < 4; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (score (f, member, 2, sheets_c[m], TRUE, &error));
      g_assert_no_error (error);
    }
}

static JpDefenceCandidateResults *
result_of (JpDefenceResults *r, const char *code)
{
  for (guint i = 0; i < r->candidates->len; i++)
    if (g_str_equal (((JpDefenceCandidateResults *) r->candidates->pdata[i])->code, code))
      return r->candidates->pdata[i];
  g_assert_not_reached ();
  return NULL;
}
static JpRankedCandidate *
ranked (JpRanking *ranking, const char *code)
{
  for (guint i = 0; i < ranking->candidates->len; i++)
    if (g_str_equal (((JpRankedCandidate *) ranking->candidates->pdata[i])->code, code))
      return ranking->candidates->pdata[i];
  g_assert_not_reached ();
  return NULL;
}


/* The outcome the close stored, read back through SQL. */
static gint64
stored_d (Fixture *f, int cand)
{
  g_autofree char *sql = g_strdup_printf ("SELECT d FROM defence_result WHERE round_id = %"
                                          G_GINT64_FORMAT " AND candidate_id = %"
                                          G_GINT64_FORMAT, f->session, f->cand[cand]);

  return test_query_int (f->store, sql);
}

static void
close_session (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);
}

/* Closing stores each candidate's D and the digest of the outcome text, which names the
 * session's digest; the ranking reads them; nothing writes them again. */
static void
test_outcome_stored (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceResults) r = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(GString) text = g_string_new ("{\"candidates\":[");
  g_autofree char *sha = NULL;
  g_autofree char *sql = NULL;
  const char *d_text[3] = { "87.17", "80.33", "85.88" };
  JsonObject *close;

  score_all (f);
  close_session (f);
  r = jp_store_defence_results (f->store, f->session, &error);
  g_assert_no_error (error);
  round = jp_store_get_round (f->store, f->session, &error);
  g_assert_no_error (error);

  g_assert_cmpint (stored_d (f, 0), ==, 8717);
  g_assert_cmpint (stored_d (f, 1), ==, 8033);
  g_assert_cmpint (stored_d (f, 2), ==, 8588);
  sql = g_strdup_printf ("SELECT count (*) FROM defence_result WHERE round_id = %"
                         G_GINT64_FORMAT, f->session);
  g_assert_cmpint (test_query_int (f->store, sql), ==, 3);

  /* the outcome text written by hand, candidates in their drawn order */
  for (int order = 1; order <= 3; order++)
    for (int k = 0; k < 3; k++)
      if (result_of (r, f->code[k])->order == order)
        g_string_append_printf (text, "%s{\"D\":%s,\"code\":\"%s\",\"order\":%d}",
                                order > 1 ? "," : "", d_text[k], f->code[k], order);
  g_string_append_printf (text, "],\"round\":%" G_GINT64_FORMAT ",\"session\":\"%s\"}",
                          f->session, round->digest);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
  close = last_audit (f->store, "defence.close");
  g_assert_cmpstr (json_object_get_string_member (close, "outcome"), ==, sha);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM defence_outcome WHERE round_id = %"
                         G_GINT64_FORMAT " AND digest = '%s'", f->session, sha);
  g_assert_cmpint (test_query_int (f->store, sql), ==, 1);
  json_object_unref (close);

  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ranked (ranking, f->code[0])->d, ==, 8717);
  g_assert_cmpint (ranked (ranking, f->code[1])->d, ==, 8033);
  g_assert_cmpint (ranked (ranking, f->code[2])->d, ==, 8588);

  /* written once, by the close: not again, not changed, not removed, even by hand */
  g_assert_false (jp_store_exec (f->store, "UPDATE defence_result SET d = 9000", NULL));
  g_assert_false (jp_store_exec (f->store, "DELETE FROM defence_result", NULL));
  g_assert_false (jp_store_exec (f->store, "UPDATE defence_outcome SET digest = 'x'", NULL));
  g_assert_false (jp_store_exec (f->store, "DELETE FROM defence_outcome", NULL));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO defence_result (round_id, candidate_id, code, position, d) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'X', 9, 1)",
                         f->session, f->cand[3]);
  g_assert_false (jp_store_exec (f->store, sql, NULL));
  g_assert_cmpint (stored_d (f, 1), ==, 8033);
}

/* A D seen before the close (the chair's results page) is not what the ranking reads: a
 * sheet unlocked and submitted again before the close gives the stored D. */
static void
test_outcome_after_unlock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceResults) before = NULL, after = NULL;
  g_autoptr(JpRanking) ranking = NULL;

  score_all (f);
  before = jp_store_defence_results (f->store, f->session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result_of (before, f->code[1])->score->d, ==, 8033);

  /* M02 gave B 82.5; the chair reopens the sheet, M02 submits 80: B's totals are 80, 80,
   * 79, 81, 80 -> drop 81 (M04) and 79 (M03): D = 240 / 3 = 80.00 */
  g_assert_true (jp_store_defence_unlock_sheet (f->store, f->session, "M02", f->code[1],
                                                "wrong field", "chair", &error));
  g_assert_no_error (error);
  g_assert_true (score (f, "M02", 1, "12,20,20,16,12", TRUE, &error));
  g_assert_no_error (error);
  close_session (f);

  after = jp_store_defence_results (f->store, f->session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result_of (after, f->code[1])->score->d, ==, 8000);
  g_assert_cmpint (stored_d (f, 1), ==, 8000);
  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ranked (ranking, f->code[1])->d, ==, 8000);
  g_assert_cmpint (ranked (ranking, f->code[0])->d, ==, 8717);
}

static gboolean
has_session_problem (JpStore *store, gint64 session, const char *word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpAuditReport) report = jp_store_verify (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    {
      JpAuditProblem *p = g_ptr_array_index (report->problems, i);

      if (g_str_equal (p->subject, "session") && p->id == session
          && strstr (p->message, word) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A stored D changed by hand is caught by the next ranking (its text no longer gives the
 * outcome digest); changed together with that digest, by the audit's check (the sheets). */
static void
test_outcome_altered (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) ranking = NULL, altered = NULL;
  g_autoptr(JpDefenceResults) r = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sql = NULL;
  JpDefenceOutcome outcomes[3];

  score_all (f);
  close_session (f);
  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_false (has_session_problem (f->store, f->session, "altered"));

  g_assert_true (jp_store_exec (f->store, "DROP TRIGGER defence_result_no_update;"
                                          "DROP TRIGGER defence_outcome_no_update", &error));
  sql = g_strdup_printf ("UPDATE defence_result SET d = 9033 WHERE candidate_id = %"
                         G_GINT64_FORMAT, f->cand[1]);
  g_assert_true (jp_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  altered = jp_store_compute_ranking (f->store, &error);
  g_assert_null (altered);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "altered"));
  g_clear_error (&error);

  /* the outcome digest forged to match: the sheets still say 80.33 */
  r = jp_store_defence_results (f->store, f->session, &error);
  round = jp_store_get_round (f->store, f->session, &error);
  for (int k = 0; k < 3; k++)
    {
      outcomes[k].code = f->code[k];
      outcomes[k].order = result_of (r, f->code[k])->order;
      outcomes[k].has_score = TRUE;
      outcomes[k].d = k == 1 ? 9033 : result_of (r, f->code[k])->score->d;
    }
  text = jp_defence_outcome_text (f->session, round->digest, outcomes, 3);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE defence_outcome SET digest = '%s'", sha);
  g_assert_true (jp_store_exec (f->store, sql, &error));
  g_assert_true (has_session_problem (f->store, f->session, "altered"));
}

/* A session closed before outcomes were stored is scored from its sheets, and those are
 * checked against the session's digest: the same ranking, and an altered sheet fails. */
static void
test_outcome_legacy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) ranking = NULL, legacy = NULL, altered = NULL;
  g_autofree char *sql = NULL;

  score_all (f);
  close_session (f);
  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_exec (f->store, "DROP TRIGGER defence_result_no_delete;"
                                          "DROP TRIGGER defence_outcome_no_delete;"
                                          "DELETE FROM defence_result;"
                                          "DELETE FROM defence_outcome", &error));
  g_assert_no_error (error);
  legacy = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (legacy->digest, ==, ranking->digest);
  g_assert_cmpint (ranked (legacy, f->code[1])->d, ==, 8033);

  /* M02's 82.5 for B becomes 80 (scores and total together) */
  sql = g_strdup_printf ("DROP TRIGGER defence_sheet_frozen_update;"
                         "UPDATE defence_sheet SET scores = '24 40 40 32 24', total_halves = 160 "
                         "WHERE candidate_id = %" G_GINT64_FORMAT " AND member_id = "
                         "(SELECT id FROM member WHERE code = 'M02')", f->cand[1]);
  g_assert_true (jp_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  altered = jp_store_compute_ranking (f->store, &error);
  g_assert_null (altered);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "altered"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/ranking/outcome-stored", Fixture, GINT_TO_POINTER (1), setup,
              test_outcome_stored, teardown);
  g_test_add ("/store/ranking/outcome-after-unlock", Fixture, GINT_TO_POINTER (1), setup,
              test_outcome_after_unlock, teardown);
  g_test_add ("/store/ranking/outcome-altered", Fixture, GINT_TO_POINTER (1), setup,
              test_outcome_altered, teardown);
  g_test_add ("/store/ranking/outcome-legacy", Fixture, GINT_TO_POINTER (1), setup,
              test_outcome_legacy, teardown);
  return g_test_run ();
}
