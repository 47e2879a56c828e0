/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-round"

#include "config.h"

#include <string.h>

#include "jp-core.h"

static const char *const codes[] = { "XT-01", "XT-02", "XT-03", "XT-04", NULL };

static void
test_transitions (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_round_can_transition (JP_ROUND_STATE_DRAFT, JP_ROUND_STATE_OPEN, NULL));
  g_assert_true (jp_round_can_transition (JP_ROUND_STATE_OPEN, JP_ROUND_STATE_CLOSED, NULL));
  g_assert_true (jp_round_can_transition (JP_ROUND_STATE_CLOSED, JP_ROUND_STATE_SEALED, NULL));
  g_assert_false (jp_round_can_transition (JP_ROUND_STATE_DRAFT, JP_ROUND_STATE_CLOSED, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_round_can_transition (JP_ROUND_STATE_CLOSED, JP_ROUND_STATE_OPEN, &error));
  g_assert_nonnull (strstr (error->message, "new round"));
  g_clear_error (&error);
  g_assert_false (jp_round_can_transition (JP_ROUND_STATE_SEALED, JP_ROUND_STATE_OPEN, NULL));
  g_assert_false (jp_round_can_transition (JP_ROUND_STATE_OPEN, JP_ROUND_STATE_OPEN, NULL));
  g_assert_cmpstr (jp_round_state_to_key (JP_ROUND_STATE_SEALED), ==, "sealed");
  g_assert_cmpint (jp_round_state_from_key ("closed", NULL), ==, JP_ROUND_STATE_CLOSED);
  g_assert_cmpint (jp_round_kind_from_key ("defence", NULL), ==, JP_ROUND_KIND_DEFENCE);
}

static JpBallotRefusal
check (JpRoundState state, gboolean panel, gboolean voted, const char *const *marks,
       const char *const *conflicted, char **message)
{
  JpBallotRequest req = { state, panel, voted, marks, codes, 2, conflicted };
  g_autoptr(GError) error = NULL;

  if (jp_ballot_check (&req, &error))
    return JP_BALLOT_REFUSAL_NONE;
  g_assert_true (error->domain == JP_BALLOT_ERROR);
  if (message != NULL)
    *message = g_strdup (error->message);
  return (JpBallotRefusal) error->code;
}

static void
test_ballot_check (void)
{
  const char *ok[] = { "XT-01", "XT-03", NULL };
  const char *blank[] = { NULL };
  const char *three[] = { "XT-01", "XT-02", "XT-03", NULL };
  const char *unknown[] = { "XT-09", NULL };
  const char *twice[] = { "XT-02", "xt-02", NULL };
  const char *conflict[] = { "XT-03", NULL };
  g_autofree char *msg_many = NULL;
  g_autofree char *msg_conflict = NULL;

  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, ok, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_NONE);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, blank, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_NONE);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, NULL, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_NONE);
  g_assert_cmpint (check (JP_ROUND_STATE_CLOSED, TRUE, FALSE, ok, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_NOT_OPEN);
  g_assert_cmpint (check (JP_ROUND_STATE_DRAFT, TRUE, FALSE, ok, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_NOT_OPEN);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, FALSE, FALSE, ok, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_NOT_ON_PANEL);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, TRUE, ok, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_ALREADY_VOTED);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, three, NULL, &msg_many), ==,
                   JP_BALLOT_REFUSAL_TOO_MANY);
  g_assert_nonnull (strstr (msg_many, "at most 2 candidates"));
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, unknown, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_UNKNOWN_CODE);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, twice, NULL, NULL), ==,
                   JP_BALLOT_REFUSAL_DUPLICATE);
  g_assert_cmpint (check (JP_ROUND_STATE_OPEN, TRUE, FALSE, ok, conflict, &msg_conflict), ==,
                   JP_BALLOT_REFUSAL_CONFLICTED);
  g_assert_nonnull (strstr (msg_conflict, "XT-03"));
  g_assert_cmpstr (jp_ballot_refusal_to_key (JP_BALLOT_REFUSAL_TOO_MANY), ==, "too-many-marks");
}

static GPtrArray *
parse (const char *text, GError **error)
{
  return jp_paper_ballots_parse (text, strlen (text), "a.csv", codes, error);
}

static void
test_paper_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ok = parse ("serial,marks\n7,xt-01 XT-02\n8,\n9,invalid\n"
                                   "10,XT-01 XT-02 XT-03\n11\n", &error);
  JpPaperBallot *b;

  g_assert_no_error (error);
  g_assert_cmpuint (ok->len, ==, 5);
  b = ok->pdata[0];
  g_assert_cmpint (b->serial, ==, 7);
  g_assert_cmpstr (b->marks[0], ==, "XT-01");   /* the round's spelling */
  g_assert_cmpuint (g_strv_length (b->marks), ==, 2);
  g_assert_cmpuint (b->line, ==, 2);
  g_assert_cmpuint (g_strv_length (((JpPaperBallot *) ok->pdata[1])->marks), ==, 0);
  g_assert_true (((JpPaperBallot *) ok->pdata[2])->invalid);
  /* more marks than allowed is valid input: it was cast, the tally makes it 废票 */
  g_assert_cmpuint (g_strv_length (((JpPaperBallot *) ok->pdata[3])->marks), ==, 3);
  g_assert_cmpuint (g_strv_length (((JpPaperBallot *) ok->pdata[4])->marks), ==, 0);

  g_assert_null (parse ("7,XT-01\n", &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "a.csv, line 1"));
  g_clear_error (&error);
  g_assert_null (parse ("serial,marks\n1,XT-01\n2,XT-99\n", &error));
  g_assert_nonnull (strstr (error->message, "a.csv, line 3"));
  g_assert_nonnull (strstr (error->message, "XT-99"));
  g_clear_error (&error);
  g_assert_null (parse ("serial,marks\n1,XT-01\n\n1,XT-02\n", &error));
  g_assert_nonnull (strstr (error->message, "a.csv, line 4"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_null (parse ("serial,marks\n0,XT-01\n", &error));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_null (parse ("serial,marks\nabc,XT-01\n", &error));
  g_assert_nonnull (strstr (error->message, "abc"));
  g_clear_error (&error);
  g_assert_null (parse ("serial,marks\n1,XT-01 XT-01\n", &error));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_null (parse ("serial,marks\n1,XT-01,XT-02\n", &error));
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_paper_compare (void)
{
  g_autoptr(GPtrArray) a = parse ("serial,marks\n1,XT-01 XT-02\n2,\n3,invalid\n4,XT-03\n", NULL);
  g_autoptr(GPtrArray) same = parse ("serial,marks\n4,XT-03\n3,INVALID\n1,XT-02 XT-01\n2,\n",
                                     NULL);
  g_autoptr(GPtrArray) other = parse ("serial,marks\n1,XT-01\n2,\n3,invalid\n5,XT-03\n", NULL);
  g_autoptr(GPtrArray) none = jp_paper_entries_compare (a, same);
  g_autoptr(GPtrArray) diffs = jp_paper_entries_compare (a, other);
  JpFinding *f;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (diffs->len, ==, 3);
  f = diffs->pdata[0];
  g_assert_cmpstr (f->code, ==, "paper-differs");
  g_assert_nonnull (strstr (f->message, "serial 1 "));
  f = diffs->pdata[1];
  g_assert_cmpstr (f->code, ==, "paper-missing");
  g_assert_nonnull (strstr (f->message, "serial 4 "));
  f = diffs->pdata[2];
  g_assert_nonnull (strstr (f->message, "serial 5 "));
}


static void
test_new_round (void)
{
  JpTradeRounds first = { 0, FALSE, FALSE, FALSE, 3, 3 };
  JpTradeRounds pending = { 1, TRUE, FALSE, FALSE, 3, 3 };
  JpTradeRounds void_round = { 1, FALSE, TRUE, FALSE, 3, 3 };
  JpTradeRounds runoff = { 1, FALSE, FALSE, TRUE, 3, 1 };
  JpTradeRounds filled = { 1, FALSE, FALSE, FALSE, 3, 0 };
  JpTradeRounds short_of_seats = { 2, FALSE, FALSE, FALSE, 3, 1 };
  g_autoptr(GError) error = NULL;
  JpNewRoundCase why;

  g_assert_true (jp_round_may_open_new (&first, "XT", NULL, &why, &error));
  g_assert_no_error (error);
  g_assert_cmpint (why, ==, JP_NEW_ROUND_FIRST);
  g_assert_true (jp_round_may_open_new (&void_round, "XT", NULL, &why, NULL));
  g_assert_cmpint (why, ==, JP_NEW_ROUND_REPEAT_VOID);

  /* a pending round refuses everything, even with a reason */
  g_assert_false (jp_round_may_open_new (&pending, "XT", "评委会决定", &why, &error));
  g_assert_cmpint (why, ==, JP_NEW_ROUND_PENDING);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "XT"));
  g_clear_error (&error);

  /* seats filled: only with a written reason; blanks and a word too short do not count */
  g_assert_false (jp_round_may_open_new (&filled, "XT", NULL, &why, &error));
  g_assert_cmpint (why, ==, JP_NEW_ROUND_REASON);
  g_assert_nonnull (strstr (error->message, "All 3 seats"));
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_false (jp_round_may_open_new (&filled, "XT", "   \n ", NULL, NULL));
  g_assert_false (jp_round_may_open_new (&filled, "XT", "复议", NULL, NULL));
  g_assert_true (jp_round_may_open_new (&filled, "XT", "评委会决定复议", &why, NULL));
  g_assert_cmpint (why, ==, JP_NEW_ROUND_REASON);

  /* a result that stands with seats open (threshold): still a reason */
  g_assert_false (jp_round_may_open_new (&short_of_seats, "XT", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "1 of 3 seats"));
  g_clear_error (&error);

  /* a tie at the cut-off: the run-off, not a new round */
  g_assert_false (jp_round_may_open_new (&runoff, "XT", NULL, &why, &error));
  g_assert_cmpint (why, ==, JP_NEW_ROUND_RUNOFF_DUE);
  g_assert_nonnull (strstr (error->message, "run-off"));
  g_clear_error (&error);
}

static void
test_quorum (void)
{
  g_autoptr(GError) error = NULL;

  /* at least two thirds, rounded up, exactly */
  g_assert_cmpint (jp_round_quorum_needed (7, 2, 3), ==, 5);
  g_assert_cmpint (jp_round_quorum_needed (3, 2, 3), ==, 2);
  g_assert_cmpint (jp_round_quorum_needed (9, 2, 3), ==, 6);
  g_assert_cmpint (jp_round_quorum_needed (4, 2, 3), ==, 3);
  g_assert_cmpint (jp_round_quorum_needed (4, 1, 2), ==, 2);
  g_assert_cmpint (jp_round_quorum_needed (7, 0, 3), ==, 0);
  g_assert_cmpint (jp_round_quorum_needed (0, 2, 3), ==, 0);
  g_assert_true (jp_round_quorum_check (5, 7, 2, 3, "XT", &error));
  g_assert_no_error (error);
  g_assert_false (jp_round_quorum_check (4, 7, 2, 3, "XT", &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only 4 of the 7"));
  g_assert_nonnull (strstr (error->message, "at least 5"));
  g_clear_error (&error);
  g_assert_true (jp_round_quorum_check (1, 7, 0, 1, "XT", NULL));

  /* closing: never without a ballot */
  g_assert_false (jp_round_may_close (0, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_true (jp_round_may_close (1, NULL));
}

/* Choices default to the election's setting, or one per seat when it is not set. */
static void
test_default_max_choices (void)
{
  g_assert_cmpint (jp_round_default_max_choices (0, 3), ==, 3);
  g_assert_cmpint (jp_round_default_max_choices (-1, 2), ==, 2);
  g_assert_cmpint (jp_round_default_max_choices (5, 3), ==, 5);
  g_assert_cmpint (jp_round_default_max_choices (1, 4), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/round/transitions", test_transitions);
  g_test_add_func ("/core/ballot/check", test_ballot_check);
  g_test_add_func ("/core/round/new-round", test_new_round);
  g_test_add_func ("/core/round/quorum", test_quorum);
  g_test_add_func ("/core/round/default-max-choices", test_default_max_choices);
  g_test_add_func ("/core/ballot/paper-parse", test_paper_parse);
  g_test_add_func ("/core/ballot/paper-compare", test_paper_compare);
  return g_test_run ();
}
