/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-defence"

#include "config.h"

#include <string.h>

#include "store-defence-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-likes.h"
#include "jp-store-defence.h"
#include "jp-store-ranking.h"

/* The election of store-defence-test-util.h: A, B and C are the finalists. */
typedef TestDefence Fixture;

static void
test_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (f->store, f->session, &error);
  g_autoptr(JsonObject) audit = test_last_audit (f->store, "defence.open");
  g_autoptr(JpSettings) settings = NULL;
  const JpDefenceCandidate *c;
  gboolean seen[4] = { FALSE };

  g_assert_no_error (error);
  /* the finalists, run-off included: A, B and C, not D */
  g_assert_cmpuint (s->candidates->len, ==, 3);
  for (guint i = 0; i < s->candidates->len; i++)
    {
      c = g_ptr_array_index (s->candidates, i);
      g_assert_cmpint (c->order, ==, (int) i + 1);
      for (int k = 0; k < 4; k++)
        if (g_str_equal (c->code, f->code[k]))
          seen[k] = TRUE;
    }
  g_assert_true (seen[0] && seen[1] && seen[2] && !seen[3]);
  /* the seed of the draw is in the audit, and the drawn order with it */
  g_assert_nonnull (audit);
  g_assert_cmpstr (json_object_get_string_member (audit, "random"), ==, s->seed);
  g_assert_cmpuint (strlen (s->seed), >=, 16);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (audit, "order")), ==, 3);
  /* frozen rubric and times; the settings are locked */
  g_assert_cmpuint (s->rubric->len, ==, 5);
  g_assert_cmpint (s->presentation_minutes, ==, 8);
  g_assert_cmpint (s->alert_hundredths, ==, 1500);
  g_assert_true (jp_store_get_stage_locks (f->store) & JP_STAGE_LOCK_DEFENCE_OPENED);
  settings = jp_store_get_settings (f->store);
  ((JpRubricCriterion *) settings->rubric->pdata[0])->max = 20;
  g_assert_false (jp_store_update_settings (f->store, settings, "chair", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* panel and 回避 */
  g_assert_cmpuint (s->panel->len, ==, 5);
  c = jp_defence_session_find (s, f->code[2]);
  g_assert_cmpstr (c->conflicted[0], ==, "M05");
  g_assert_null (c->conflicted[1]);
  g_assert_cmpuint (c->n_expected, ==, 4);
  g_assert_cmpuint (jp_defence_session_find (s, f->code[0])->n_expected, ==, 5);
  g_assert_null (jp_defence_session_current (s));

  /* one session per trade */
  g_assert_cmpint (jp_store_open_defence_session (f->store, "XT", "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
}

static void
test_open_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (jp_store_open_defence_session (f->store, "ZZ", "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
}

static void
test_sheets_and_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSheet) draft = NULL;
  g_autoptr(JpDefenceSession) s = NULL;
  int before;

  /* nobody is presenting yet */
  g_assert_false (test_defence_score (f, "M01", 0, "13,21.5,22,17,12", FALSE, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not the current candidate"));
  g_clear_error (&error);
  test_defence_set_current (f, 0);
  /* a sheet for a candidate who is not current */
  g_assert_false (test_defence_score (f, "M01", 1, "13,21.5,22,17,12", FALSE, &error));
  g_assert_nonnull (strstr (error->message, f->code[0]));
  g_clear_error (&error);

  /* a draft as the member types: the empty field is kept empty; a restart gets it back */
  g_assert_true (test_defence_score (f, "M01", 0, "13,21.5,,17,12", FALSE, &error));
  g_assert_no_error (error);
  draft = jp_store_defence_get_sheet (f->store, f->session, "M01", f->code[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (draft->state, ==, JP_DEFENCE_SHEET_DRAFT);
  g_assert_cmpint (draft->halves[1], ==, 43);
  g_assert_cmpint (draft->halves[2], ==, -1);
  g_assert_cmpint (draft->total_halves, ==, 127);
  /* but a submit needs every field */
  g_assert_false (test_defence_score (f, "M01", 0, "13,21.5,,17,12", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "Criterion 3"));
  g_clear_error (&error);

  before = test_query_int (f->store, "SELECT count (*) FROM audit");
  /* bad values, each named; nothing written */
  g_assert_false (test_defence_score (f, "M01", 0, "16,21.5,22,17,12", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "above the maximum"));
  g_clear_error (&error);
  g_assert_false (test_defence_score (f, "M01", 0, "-1,21.5,22,17,12", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "below zero"));
  g_clear_error (&error);
  g_assert_false (test_defence_score (f, "M01", 0, "12.3,21.5,22,17,12", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "multiple of 0.5"));
  g_clear_error (&error);
  g_assert_false (test_defence_score (f, "M01", 0, "abc,21.5,22,17,12", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "not a score"));
  g_clear_error (&error);
  g_assert_false (test_defence_score (f, "M01", 0, "13,21.5,22,17", TRUE, &error));
  g_assert_nonnull (strstr (error->message, "4 scores but the rubric has 5"));
  g_clear_error (&error);
  {
    int halves[5] = { 26, 43, 44, 34, 31 };   /* 15.5 > 15 */

    g_assert_false (jp_store_defence_save_sheet (f->store, f->session, "M01", f->code[0],
                                                 halves, 5, TRUE, "station", &error));
    g_assert_nonnull (strstr (error->message, "Criterion 5"));
    g_clear_error (&error);
  }
  /* a member of another trade, an unknown member, an unknown candidate */
  g_assert_false (test_defence_score (f, "M99", 0, "13,21.5,22,17,12", TRUE, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (jp_store_defence_save_sheet_text (f->store, f->session, "M01", f->code[3],
                                                    (const char *const[]) { "1", "1", "1", "1",
                                                                            "1", NULL },
                                                    TRUE, "station", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit"), ==, before);
  g_clear_pointer (&draft, jp_defence_sheet_free);
  draft = jp_store_defence_get_sheet (f->store, f->session, "M01", f->code[0], &error);
  g_assert_cmpint (draft->halves[2], ==, -1);

  /* submit; a second submit is refused */
  g_assert_true (test_defence_score (f, "M01", 0, "13,21.5,22,17,12", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (test_defence_score (f, "M01", 0, "13,21.5,22,17,12", TRUE, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* 回避: M05 cannot score C */
  test_defence_set_current (f, 2);
  g_assert_false (test_defence_score (f, "M05", 2, "13,21.5,22,17,12", FALSE, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "conflicted"));
  g_clear_error (&error);

  /* N of M; no score shown before all are in */
  s = jp_store_get_defence_session (f->store, f->session, &error);
  g_assert_cmpuint (jp_defence_session_find (s, f->code[0])->n_submitted, ==, 1);
  g_assert_cmpuint (jp_defence_session_find (s, f->code[0])->n_expected, ==, 5);
  {
    g_autoptr(JpDefenceResults) r = jp_store_defence_results (f->store, f->session, &error);

    g_assert_null (test_defence_result_of (r, f->code[0])->score);
    g_assert_cmpuint (test_defence_result_of (r, f->code[0])->sheets->len, ==, 0);
  }

  /* the chair unlocks M01's sheet with a reason: it may be scored again, though not current */
  g_assert_false (jp_store_defence_unlock_sheet (f->store, f->session, "M01", f->code[0], " ",
                                                 "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (jp_store_defence_unlock_sheet (f->store, f->session, "M01", f->code[0],
                                                "typed 13 for 15", "chair", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM defence_unlock"), ==, 1);
  g_assert_true (test_defence_score (f, "M01", 0, "15,21.5,22,17,12", TRUE, &error));
  g_assert_no_error (error);
}

static void
test_alert_revise (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(JpDefenceResults) r = NULL;
  JpDefenceAlert *a;
  JpDefenceCandidateResults *cr;

  test_defence_set_current (f, 0);
  for (int m = 0; m < 4; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (test_defence_score (f, member, 0, test_sheets_a[m], TRUE, &error));
    }
  /* no revision before every sheet is in */
  g_assert_true (test_defence_score (f, "M05", 0, test_sheets_a[4], FALSE, &error));
  g_assert_false (jp_store_defence_request_revision (f->store, f->session, "M05", f->code[0],
                                                     NULL, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (test_defence_score (f, "M05", 0, test_sheets_a[4], TRUE, &error));

  alerts = jp_store_defence_alerts (f->store, f->session, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 1);
  a = alerts->pdata[0];
  g_assert_cmpstr (a->member, ==, "M05");
  g_assert_cmpint (a->total_halves, ==, 120);
  g_assert_cmpint (a->median, ==, 8700);
  g_assert_false (a->requested);

  /* no alert for M04 (1 point from the median) */
  g_assert_false (jp_store_defence_request_revision (f->store, f->session, "M04", f->code[0],
                                                     NULL, "chair", &error));
  g_assert_nonnull (strstr (error->message, "no deviation alert"));
  g_clear_error (&error);

  g_assert_true (jp_store_defence_request_revision (f->store, f->session, "M05", f->code[0],
                                                    "please check", "chair", &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_defence_request_revision (f->store, f->session, "M05", f->code[0],
                                                     NULL, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* the member revises (the candidate is no longer current, the sheet is reopened) */
  test_defence_set_current (f, 1);
  g_assert_true (test_defence_score (f, "M05", 0, "14,22,21,16,12", TRUE, &error));   /* 85 */
  g_assert_no_error (error);

  r = jp_store_defence_results (f->store, f->session, &error);
  cr = test_defence_result_of (r, f->code[0]);
  g_assert_nonnull (cr->score);
  /* 90 (dropped) 88.5 87 86 85 (dropped): (88.5 + 87 + 86) / 3 = 87.1666 -> 87.17 */
  g_assert_cmpint (cr->score->d, ==, 8717);
  g_assert_cmpuint (cr->alerts->len, ==, 1);
  a = cr->alerts->pdata[0];
  g_assert_cmpstr (a->member, ==, "M05");
  g_assert_cmpint (a->total_halves, ==, 120);
  g_assert_true (a->requested);
  g_assert_true (a->revised);
  g_assert_cmpint (a->revised_total_halves, ==, 170);
}

static void
test_close_seal (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceResults) r = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(JpRound) round = NULL;

  test_defence_set_current (f, 0);
  for (int m = 0; m < 5; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (test_defence_score (f, member, 0, test_sheets_a[m], TRUE, &error));
    }
  /* closing names what is missing */
  g_assert_false (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "M03"));
  g_assert_nonnull (strstr (error->message, f->code[1]));
  g_clear_error (&error);

  test_defence_set_current (f, 1);
  for (int m = 0; m < 5; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (test_defence_score (f, member, 1, test_sheets_b[m], TRUE, &error));
    }
  test_defence_set_current (f, 2);
  for (int m = 0; m < 3; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (test_defence_score (f, member, 2, test_sheets_c[m], TRUE, &error));
    }
  /* M04 left: with the recorded reason C's sheets are complete (3 of 3) */
  g_assert_false (jp_store_defence_record_absence (f->store, f->session, "M04", "", "chair",
                                                   &error));
  g_clear_error (&error);
  g_assert_true (jp_store_defence_record_absence (f->store, f->session, "M04", "taken ill",
                                                  "chair", &error));
  g_assert_no_error (error);
  g_assert_false (test_defence_score (f, "M04", 2, test_sheets_c[3], TRUE, &error));
  g_clear_error (&error);
  g_assert_true (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);

  r = jp_store_defence_results (f->store, f->session, &error);
  g_assert_cmpint (test_defence_result_of (r, f->code[0])->score->d, ==, 8717);
  g_assert_cmpint (test_defence_result_of (r, f->code[1])->score->d, ==, 8033);
  /* 85 + 86.5 + 84 = 255.5 / 3 = 85.1666 -> 85.17 */
  g_assert_cmpint (test_defence_result_of (r, f->code[2])->score->d, ==, 8517);
  g_assert_false (test_defence_result_of (r, f->code[2])->score->trimmed);

  /* the digest is the SHA-256 of the canonical text */
  text = jp_store_defence_canonical_text (f->store, f->session, &error);
  g_assert_no_error (error);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  round = jp_store_get_round (f->store, f->session, &error);
  g_assert_cmpstr (round->digest, ==, sha);
  g_assert_nonnull (strstr (text, "\"D\":87.17"));
  g_assert_cmpstr (json_object_get_string_member (test_last_audit (f->store, "defence.close"),
                                                  "digest"), ==, sha);

  /* closed is immutable, even for SQL written by hand */
  g_assert_false (test_defence_score (f, "M01", 0, test_sheets_a[0], TRUE, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (jp_store_exec (f->store, "UPDATE defence_sheet SET total_halves = 200", NULL));
  g_assert_false (jp_store_exec (f->store, "DELETE FROM defence_sheet", NULL));
  g_assert_false (jp_store_exec (f->store, "UPDATE defence_session SET current_candidate_id = "
                                           "NULL", NULL));

  /* a defence session has sheets, not ballots: no tally (not "the file was altered") */
  g_assert_null (jp_store_get_tally (f->store, f->session, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "defence session"));
  g_clear_error (&error);

  g_assert_true (jp_store_seal_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);
  g_clear_pointer (&round, jp_round_free);
  round = jp_store_get_round (f->store, f->session, &error);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_SEALED);
}

static char *
paper_csv (Fixture *f, const char *c_b_m02)
{
  GString *s = g_string_new ("member,candidate,职业素养与工匠精神,技能水平与技术专长,"
                             "创新成果与攻关贡献,带徒传技与示范引领,陈述与答辩表现\n");

  for (int m = 0; m < 5; m++)
    g_string_append_printf (s, "M%02d,%s,%s\n", m + 1, f->code[1],
                            m == 1 && c_b_m02 != NULL ? c_b_m02 : test_sheets_b[m]);
  return g_string_free (s, FALSE);
}

static void
test_paper (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = paper_csv (f, NULL);
  g_autofree char *typo = paper_csv (f, "12.5,21,21,16,11");
  g_autofree char *bad = g_strdup_printf ("member,candidate,职业素养与工匠精神,技能水平与技术专长,"
                                          "创新成果与攻关贡献,带徒传技与示范引领,陈述与答辩表现\n"
                                          "M05,%s,1,1,1,1,1\n", f->code[2]);
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(JpDefenceResults) r = NULL;
  JpDefenceSheet *sheet;

  /* M05 is conflicted with C: the line is named, nothing entered */
  g_assert_cmpint (jp_store_defence_enter_paper (f->store, f->session, 1, bad, strlen (bad),
                                                 "c.csv", "M01", &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "c.csv, line 2"));
  g_clear_error (&error);

  g_assert_cmpint (jp_store_defence_enter_paper (f->store, f->session, 1, good, strlen (good),
                                                 "a.csv", "M01", &error), ==, 5);
  g_assert_no_error (error);
  /* the same scrutineer cannot confirm */
  g_assert_cmpint (jp_store_defence_enter_paper (f->store, f->session, 2, typo, strlen (typo),
                                                 "b.csv", "M01", &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "second scrutineer"));
  g_clear_error (&error);
  g_assert_cmpint (jp_store_defence_enter_paper (f->store, f->session, 2, typo, strlen (typo),
                                                 "b.csv", "M02", &error), ==, 5);
  diffs = jp_store_defence_paper_differences (f->store, f->session, &error);
  g_assert_cmpuint (diffs->len, ==, 1);
  g_assert_nonnull (strstr (diffs->pdata[0], "M02"));

  /* the other candidates at the stations */
  test_defence_set_current (f, 0);
  for (int m = 0; m < 5; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (test_defence_score (f, member, 0, test_sheets_a[m], TRUE, &error));
    }
  test_defence_set_current (f, 2);
  for (int m = 0; m < 4; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m + 1);

      g_assert_true (test_defence_score (f, member, 2, test_sheets_c[m], TRUE, &error));
    }
  /* the mismatch blocks the close */
  g_assert_false (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_nonnull (strstr (error->message, "M02"));
  g_clear_error (&error);
  g_assert_cmpint (jp_store_defence_enter_paper (f->store, f->session, 2, good, strlen (good),
                                                 "b2.csv", "M02", &error), ==, 5);
  g_assert_true (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);
  r = jp_store_defence_results (f->store, f->session, &error);
  g_assert_cmpint (test_defence_result_of (r, f->code[1])->score->d, ==, 8033);
  sheet = test_defence_result_of (r, f->code[1])->sheets->pdata[0];
  g_assert_true (sheet->paper);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM defence_sheet "
                                             "WHERE source = 'paper'"), ==, 5);
}

static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) early = NULL, ranking = NULL, sealed = NULL, again = NULL;
  g_autoptr(JpLikesFile) likes = NULL;
  g_autofree char *csv = g_strdup_printf ("code,likes\n%s,1520\n%s,760\n%s,3000\n", f->code[0],
                                          f->code[1], f->code[2]);
  g_autofree char *digest = NULL;
  JpRankedCandidate *a, *b, *c;

  /* no D before the session is closed */
  early = jp_store_compute_ranking (f->store, &error);
  g_assert_null (early);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not closed"));
  g_clear_error (&error);

  test_defence_score_all (f);
  g_assert_true (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);
  likes = jp_store_import_likes (f->store, csv, strlen (csv), "likes.csv", "chair", NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_zero_likes (f->store, f->code[2], "刷票", "chair", &error));

  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  a = test_ranked (ranking, f->code[0]);
  b = test_ranked (ranking, f->code[1]);
  c = test_ranked (ranking, f->code[2]);
  /* V from round 1 (the run-off only decided the cut-off): 5/5, 4/5, 3/5 */
  g_assert_cmpint (a->v, ==, 10000);
  g_assert_cmpint (b->v, ==, 8000);
  g_assert_cmpint (c->v, ==, 6000);
  /* O: the zeroed 3000 does not set the maximum */
  g_assert_cmpint (a->o, ==, 10000);
  g_assert_cmpint (b->o, ==, 5000);
  g_assert_cmpint (c->o, ==, 0);
  g_assert_cmpint (a->d, ==, 8717);
  g_assert_cmpint (b->d, ==, 8033);
  g_assert_cmpint (c->d, ==, 8588);
  /* C: 30 + 10 + 52.302 = 92.302; 24 + 5 + 48.198 = 77.198; 18 + 0 + 51.528 = 69.528 */
  g_assert_cmpint (a->c, ==, 9230);
  g_assert_cmpint (b->c, ==, 7720);
  g_assert_cmpint (c->c, ==, 6953);
  g_assert_cmpint (a->rank, ==, 1);
  g_assert_cmpint (c->rank, ==, 3);
  g_assert_true (a->recommended && b->recommended && !c->recommended);

  /* the chair's adjustment needs a reason and a change */
  g_assert_false (jp_store_rank_adjust (f->store, f->code[2], TRUE, "  ", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_store_rank_adjust (f->store, f->code[0], TRUE, "why", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (jp_store_rank_adjust (f->store, f->code[2], TRUE, "国家级技能大师工作室",
                                       "chair", &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_rank_adjust (f->store, f->code[2], FALSE, "again", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  sealed = jp_store_rank_seal (f->store, "chair", &error);
  g_assert_no_error (error);
  c = test_ranked (sealed, f->code[2]);
  g_assert_true (c->recommended);
  g_assert_cmpint (c->adjustment, ==, 1);
  g_assert_cmpstr (c->adjustment_reason, ==, "国家级技能大师工作室");
  g_assert_true (jp_store_ranking_is_sealed (f->store, &digest, NULL));
  g_assert_cmpstr (digest, ==, sealed->digest);
  g_assert_true (jp_store_get_stage_locks (f->store) & JP_STAGE_LOCK_RANKING_DONE);

  /* sealed: no adjustment, no second seal, no new likes */
  g_assert_false (jp_store_rank_adjust (f->store, f->code[1], FALSE, "late", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (jp_store_rank_seal (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (jp_store_import_likes (f->store, csv, strlen (csv), "likes2.csv", "chair", NULL,
                                        &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (jp_store_exec (f->store, "DELETE FROM ranking_adjustment", NULL));
  again = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->digest, ==, digest);
}

/* A ranking counts each closed round once and forgets the count when it returns: ballots
 * altered after one ranking are caught by the next, never hidden by the earlier count. */
static void
test_ranking_counts_again (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) ranking = NULL, twice = NULL, altered = NULL;

  test_defence_score_all (f);
  g_assert_true (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);
  ranking = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_ranked (ranking, f->code[0])->v, ==, 10000);
  twice = jp_store_compute_ranking (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (twice->digest, ==, ranking->digest);

  g_assert_true (jp_store_exec (f->store, "DROP TRIGGER ballot_no_update;"
                                          "UPDATE ballot SET marks = ''", &error));
  g_assert_no_error (error);
  altered = jp_store_compute_ranking (f->store, &error);
  g_assert_null (altered);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "altered"));
}

/* Publishing is a recorded act: the audit keeps who, when and the digest; a host opened
 * again gets the same ranking back, and sees when the ranking changed since. */
static void
test_publish (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) published = NULL, now = NULL, second = NULL;
  g_autoptr(JpRankingPublication) none = NULL, back = NULL, after = NULL, last = NULL;
  g_autoptr(JsonObject) audit = NULL;
  g_autoptr(JpStore) reopened = NULL;
  g_autofree char *path = g_strdup (jp_store_get_path (f->store));

  none = jp_store_ranking_last_published (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  /* nothing to publish before the session is closed, and nothing recorded */
  g_assert_null (jp_store_rank_publish (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (test_last_audit (f->store, "ranking.publish"));

  test_defence_score_all (f);
  g_assert_true (jp_store_close_round (f->store, f->session, "chair", &error));
  g_assert_no_error (error);
  jp_store_set_fixed_time (f->store, 1780000000);
  published = jp_store_rank_publish (f->store, "chair", &error);
  g_assert_no_error (error);
  g_assert_nonnull (published);
  audit = test_last_audit (f->store, "ranking.publish");
  g_assert_nonnull (audit);
  g_assert_cmpstr (json_object_get_string_member (audit, "digest"), ==, published->digest);

  /* the host restarts: the same ranking, to the digest and every row */
  g_clear_object (&f->store);
  reopened = jp_store_open (path, &error);
  g_assert_no_error (error);
  back = jp_store_ranking_last_published (reopened, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->digest, ==, published->digest);
  g_assert_cmpstr (back->ranking->digest, ==, published->digest);
  g_assert_cmpstr (back->actor, ==, "chair");
  g_assert_cmpint (back->published_at, ==, 1780000000);
  g_assert_cmpuint (back->ranking->candidates->len, ==, published->candidates->len);
  for (guint i = 0; i < published->candidates->len; i++)
    {
      JpRankedCandidate *p = published->candidates->pdata[i];
      JpRankedCandidate *b = back->ranking->candidates->pdata[i];

      g_assert_cmpstr (b->code, ==, p->code);
      g_assert_cmpint (b->c, ==, p->c);
      g_assert_cmpint (b->rank, ==, p->rank);
      g_assert_cmpint (b->recommended, ==, p->recommended);
    }
  g_assert_false (test_ranked (back->ranking, f->code[2])->recommended);

  /* an adjustment changes the ranking; the publication stays what it was */
  g_assert_true (jp_store_rank_adjust (reopened, f->code[2], TRUE, "国家级技能大师工作室",
                                       "chair", &error));
  g_assert_no_error (error);
  now = jp_store_compute_ranking (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now->digest, !=, published->digest);
  after = jp_store_ranking_last_published (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->digest, ==, published->digest);
  g_assert_false (test_ranked (after->ranking, f->code[2])->recommended);

  /* published again: the adjusted list, with its reason, is the one remembered */
  second = jp_store_rank_publish (reopened, "M01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->digest, ==, now->digest);
  last = jp_store_ranking_last_published (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (last->digest, ==, now->digest);
  g_assert_cmpstr (last->actor, ==, "M01");
  g_assert_true (test_ranked (last->ranking, f->code[2])->recommended);
  g_assert_cmpstr (test_ranked (last->ranking, f->code[2])->adjustment_reason, ==,
                   "国家级技能大师工作室");
  f->store = g_steal_pointer (&reopened);
}

static void
test_caps_setting (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(JpSettings) back = NULL;
  g_autoptr(JpSettings) copy = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (s->trade_caps, g_strdup ("XT"), GINT_TO_POINTER (3));
  data = jp_settings_to_data (s, NULL);
  back = jp_settings_from_data (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (back->trade_caps, "XT")), ==, 3);
  copy = jp_settings_copy (back);
  g_assert_cmpuint (g_hash_table_size (copy->trade_caps), ==, 1);
  g_hash_table_insert (copy->trade_caps, g_strdup ("GD"), GINT_TO_POINTER (-1));
  findings = jp_settings_validate (copy);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((JpFinding *) findings->pdata[0])->code, ==, "trade-cap");
  g_assert_false (jp_settings_change_allowed (back, copy, JP_STAGE_LOCK_RANKING_DONE, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* each case on the election of store-defence-test-util.h, its defence session opened */
  TEST_DEFENCE_ADD ("/store/defence/open", test_open);
  g_test_add ("/store/defence/open-refused", Fixture, NULL, test_defence_setup, test_open_refused,
              test_defence_teardown);
  TEST_DEFENCE_ADD ("/store/defence/sheets-and-refusals", test_sheets_and_refusals);
  TEST_DEFENCE_ADD ("/store/defence/alert-revise", test_alert_revise);
  TEST_DEFENCE_ADD ("/store/defence/close-seal", test_close_seal);
  TEST_DEFENCE_ADD ("/store/defence/paper", test_paper);
  TEST_DEFENCE_ADD ("/store/ranking/compute-adjust-seal", test_ranking);
  TEST_DEFENCE_ADD ("/store/ranking/counts-again", test_ranking_counts_again);
  TEST_DEFENCE_ADD ("/store/ranking/publish", test_publish);
  g_test_add_func ("/store/ranking/caps-setting", test_caps_setting);
  return g_test_run ();
}
