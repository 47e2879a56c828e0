/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ranking-outcome"

#include "config.h"

#include <string.h>

#include "store-defence-test-util.h"
#include "jp-store-audit.h"

typedef TestDefence Fixture;

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

  test_defence_score_all (f);
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
      if (test_defence_result_of (r, f->code[k])->order == order)
        g_string_append_printf (text, "%s{\"D\":%s,\"code\":\"%s\",\"order\":%d}",
                                order > 1 ? "," : "", d_text[k], f->code[k], order);
  g_string_append_printf (text, "],\"round\":%" G_GINT64_FORMAT ",\"session\":\"%s\"}",
                          f->session, round->digest);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);
  close = test_last_audit (f->store, "defence.close");
  g_assert_cmpstr (json_object_get_string_member (close, "outcome"), ==, sha);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM defence_outcome WHERE round_id = %"
                         G_GINT64_FORMAT " AND digest = '%s'", f->session, sha);
  g_assert_cmpint (test_query_int (f->store, sql), ==, 1);
  json_object_unref (close);

  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_ranked (ranking, f->code[0])->d, ==, 8717);
  g_assert_cmpint (test_ranked (ranking, f->code[1])->d, ==, 8033);
  g_assert_cmpint (test_ranked (ranking, f->code[2])->d, ==, 8588);

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

  test_defence_score_all (f);
  before = jp_store_defence_results (f->store, f->session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_defence_result_of (before, f->code[1])->score->d, ==, 8033);

  /* M02 gave B 82.5; the chair reopens the sheet, M02 submits 80: B's totals are 80, 80,
   * 79, 81, 80 -> drop 81 (M04) and 79 (M03): D = 240 / 3 = 80.00 */
  g_assert_true (jp_store_defence_unlock_sheet (f->store, f->session, "M02", f->code[1],
                                                "wrong field", "chair", &error));
  g_assert_no_error (error);
  g_assert_true (test_defence_score (f, "M02", 1, "12,20,20,16,12", TRUE, &error));
  g_assert_no_error (error);
  close_session (f);

  after = jp_store_defence_results (f->store, f->session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_defence_result_of (after, f->code[1])->score->d, ==, 8000);
  g_assert_cmpint (stored_d (f, 1), ==, 8000);
  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_ranked (ranking, f->code[1])->d, ==, 8000);
  g_assert_cmpint (test_ranked (ranking, f->code[0])->d, ==, 8717);
}

/* The ranking is refused: a stored outcome or sheet no longer gives its digest. */
static void
assert_ranking_altered (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) altered = jp_store_compute_ranking (f->store, &error);

  g_assert_null (altered);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "altered"));
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
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(JpDefenceResults) r = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sql = NULL;
  JpDefenceOutcome outcomes[3];

  test_defence_score_all (f);
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
  assert_ranking_altered (f);

  /* the outcome digest forged to match: the sheets still say 80.33 */
  r = jp_store_defence_results (f->store, f->session, &error);
  round = jp_store_get_round (f->store, f->session, &error);
  for (int k = 0; k < 3; k++)
    {
      outcomes[k].code = f->code[k];
      outcomes[k].order = test_defence_result_of (r, f->code[k])->order;
      outcomes[k].has_score = TRUE;
      outcomes[k].d = k == 1 ? 9033 : test_defence_result_of (r, f->code[k])->score->d;
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
  g_autoptr(JpRanking) ranking = NULL, legacy = NULL;
  g_autofree char *sql = NULL;

  test_defence_score_all (f);
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
  g_assert_cmpint (test_ranked (legacy, f->code[1])->d, ==, 8033);

  /* M02's 82.5 for B becomes 80 (scores and total together) */
  sql = g_strdup_printf ("DROP TRIGGER defence_sheet_frozen_update;"
                         "UPDATE defence_sheet SET scores = '24 40 40 32 24', total_halves = 160 "
                         "WHERE candidate_id = %" G_GINT64_FORMAT " AND member_id = "
                         "(SELECT id FROM member WHERE code = 'M02')", f->cand[1]);
  g_assert_true (jp_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  assert_ranking_altered (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* each case on the election of store-defence-test-util.h, its defence session opened */
  TEST_DEFENCE_ADD ("/store/ranking/outcome-stored", test_outcome_stored);
  TEST_DEFENCE_ADD ("/store/ranking/outcome-after-unlock", test_outcome_after_unlock);
  TEST_DEFENCE_ADD ("/store/ranking/outcome-altered", test_outcome_altered);
  TEST_DEFENCE_ADD ("/store/ranking/outcome-legacy", test_outcome_legacy);
  return g_test_run ();
}
