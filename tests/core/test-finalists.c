/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-finalists"

#include "config.h"

#include <string.h>

#include "jp-core.h"

/* A closed ballot round of trade 1 ("XT") with `codes` (space-separated) in drawn order;
 * a candidate's id is 100 + the number of its code (XT-03: 103). */
static JpRound *
make_round (gint64        id,
            gint64        parent_id,
            JpRoundState  state,
            const char   *codes,
            int           seats,
            int           max_choices,
            int           present)
{
  g_auto(GStrv) list = g_strsplit (codes, " ", -1);
  JpRound *r = g_new0 (JpRound, 1);

  r->id = id;
  r->kind = JP_ROUND_KIND_BALLOT;
  r->trade_id = 1;
  r->trade_code = g_strdup ("XT");
  r->trade_name = g_strdup ("Xiangtan");
  r->state = state;
  r->seats = seats;
  r->max_choices = max_choices;
  r->present = present;
  r->parent_id = parent_id;
  r->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_candidate_free);
  for (guint i = 0; list[i] != NULL; i++)
    {
      JpRoundCandidate *c = g_new0 (JpRoundCandidate, 1);

      c->candidate_id = 100 + g_ascii_strtoll (list[i] + 3, NULL, 10);
      c->code = g_strdup (list[i]);
      c->position = i + 1;
      g_ptr_array_add (r->candidates, c);
    }
  return r;
}

/* The tally of `round` with `ballots`: "|"-separated, marks space-separated. */
static JpTally *
count (const JpRound *round,
       const char    *ballots)
{
  g_auto(GStrv) ballot_list = g_strsplit (ballots, "|", -1);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) b = g_ptr_array_new ();
  JpTallyInput input = { 0 };
  JpTally *tally;

  for (guint i = 0; i < round->candidates->len; i++)
    g_ptr_array_add (codes, ((JpRoundCandidate *) round->candidates->pdata[i])->code);
  for (guint i = 0; ballot_list[i] != NULL; i++)
    {
      JpTallyBallot *tb = g_new0 (JpTallyBallot, 1);

      tb->serial = 10 + i;
      tb->marks = g_strsplit (ballot_list[i], " ", -1);
      g_ptr_array_add (b, tb);
    }
  input.seats = round->seats;
  input.max_choices = round->max_choices;
  input.present = round->present;
  input.codes = codes;
  input.ballots = b;
  tally = jp_tally_compute (&input, round->id, round->trade_code);
  for (guint i = 0; i < b->len; i++)
    {
      g_strfreev (((JpTallyBallot *) b->pdata[i])->marks);
      g_free (b->pdata[i]);
    }
  return tally;
}

static char *
candidate_codes (GPtrArray *candidates)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      JpRoundCandidate *c = candidates->pdata[i];

      g_string_append_printf (s, "%s%s:%lld:%d", i > 0 ? " " : "", c->code,
                              (long long) c->candidate_id, c->position);
    }
  return g_string_free (s, FALSE);
}

/* A ballot round needs the frozen list: the codes it shows are drawn at the freeze. */
static void
test_may_create (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_round_may_create (TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (jp_round_may_create (FALSE, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not frozen"));
  g_assert_nonnull (strstr (error->message, "freeze it"));
}

/* 2 seats, 5 present: A has 4 votes, B and C tie with 2 at the last seat. The run-off is
 * between B and C for 1 seat with 1 choice, in the round's drawn order. */
static void
test_runoff_tie (void)
{
  g_autoptr(JpRound) round = make_round (5, 0, JP_ROUND_STATE_CLOSED, "XT-03 XT-01 XT-02 XT-04",
                                         2, 2, 5);
  g_autoptr(JpTally) tally = count (round, "XT-01 XT-02|XT-01 XT-03|XT-01|XT-01 XT-02|XT-03");
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int seats = -1, max_choices = -1;

  g_assert_false (tally->void_round);
  g_assert_cmpint (tally->runoff_seats, ==, 1);
  g_assert_true (jp_round_runoff_plan (round, tally, &group, &seats, &max_choices, &error));
  g_assert_no_error (error);
  text = candidate_codes (group);
  /* the round's order (XT-03 drawn first), each keeping its id and place */
  g_assert_cmpstr (text, ==, "XT-03:103:1 XT-02:102:3");
  g_assert_cmpint (seats, ==, 1);
  g_assert_cmpint (max_choices, ==, 1);
}

/* More ballots than members present: the round is void and repeated as it was. */
static void
test_runoff_void (void)
{
  g_autoptr(JpRound) round = make_round (6, 0, JP_ROUND_STATE_CLOSED, "XT-01 XT-02 XT-03", 2, 1,
                                         2);
  g_autoptr(JpTally) tally = count (round, "XT-01|XT-02|XT-03");
  g_autoptr(GPtrArray) group = NULL;
  g_autofree char *text = NULL;
  int seats = -1, max_choices = -1;

  g_assert_true (tally->void_round);
  g_assert_true (jp_round_runoff_plan (round, tally, &group, &seats, &max_choices, NULL));
  text = candidate_codes (group);
  g_assert_cmpstr (text, ==, "XT-01:101:1 XT-02:102:2 XT-03:103:3");
  g_assert_cmpint (seats, ==, 2);
  g_assert_cmpint (max_choices, ==, 1);
}

/* A clear result has nothing to hold: refused with the round named, outputs untouched. */
static void
test_runoff_none (void)
{
  g_autoptr(JpRound) round = make_round (7, 0, JP_ROUND_STATE_CLOSED, "XT-01 XT-02 XT-03", 1, 1,
                                         3);
  g_autoptr(JpTally) tally = count (round, "XT-01|XT-01|XT-02");
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(GError) error = NULL;
  int seats = -1, max_choices = -1;

  g_assert_false (jp_round_runoff_plan (round, tally, &group, &seats, &max_choices, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Round 7 has no tie"));
  g_assert_null (group);
  g_assert_cmpint (seats, ==, -1);
}

/* A main round that seats one of two and a run-off that seats the other: the trade's
 * finalists are both, by code, with no seat open and nothing pending. Before the run-off
 * closes, the main round's finalist is there and the run-off is pending. */
static void
test_finalists_summed (void)
{
  g_autoptr(JpRound) main_round = make_round (5, 0, JP_ROUND_STATE_CLOSED,
                                              "XT-03 XT-01 XT-02 XT-04", 2, 2, 5);
  g_autoptr(JpTally) main_tally = count (main_round,
                                         "XT-01 XT-02|XT-01 XT-03|XT-01|XT-01 XT-02|XT-03");
  g_autoptr(JpRound) runoff = make_round (8, 5, JP_ROUND_STATE_OPEN, "XT-02 XT-03", 1, 1, 5);
  g_autoptr(JpTally) runoff_tally = NULL;
  g_autoptr(GPtrArray) rounds = g_ptr_array_new ();
  g_autoptr(GPtrArray) tallies = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = NULL;
  JpTradeFinalists *f;
  g_autofree char *text = NULL;
  JpTradeRounds state;

  g_ptr_array_add (rounds, main_round);
  g_ptr_array_add (rounds, runoff);
  g_ptr_array_add (tallies, main_tally);
  g_ptr_array_add (tallies, NULL);
  out = jp_finalists_compute (rounds, tallies);
  g_assert_cmpuint (out->len, ==, 1);
  f = out->pdata[0];
  text = candidate_codes (f->finalists);
  g_assert_cmpstr (text, ==, "XT-01:101:0");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (f->seats, ==, 2);
  g_assert_cmpint (f->seats_open, ==, 1);
  g_assert_cmpint (f->pending_round, ==, 8);
  g_assert_true (f->runoff_pending);

  /* the trade's state for a new round: the run-off is pending */
  jp_trade_rounds_summarise (rounds, main_tally, 1, f->seats, f->seats_open, &state);
  g_assert_cmpint (state.n_rounds, ==, 2);
  g_assert_true (state.pending);
  g_assert_false (state.runoff_due);
  g_assert_true (jp_trade_rounds_last_closed (rounds) == main_round);
  g_clear_pointer (&out, g_ptr_array_unref);

  /* the run-off closes: XT-03 wins it */
  runoff->state = JP_ROUND_STATE_CLOSED;
  runoff_tally = count (runoff, "XT-03|XT-03|XT-02|XT-03|XT-03");
  g_ptr_array_index (tallies, 1) = runoff_tally;
  out = jp_finalists_compute (rounds, tallies);
  f = out->pdata[0];
  text = candidate_codes (f->finalists);
  g_assert_cmpstr (text, ==, "XT-01:101:0 XT-03:103:0");
  g_assert_cmpint (f->seats, ==, 2);
  g_assert_cmpint (f->seats_open, ==, 0);
  g_assert_cmpint (f->pending_round, ==, 0);
  g_assert_false (f->runoff_pending);
  g_assert_true (jp_trade_rounds_last_closed (rounds) == runoff);
}

/* A void round decides nobody; the trade waits for its repeat, which a new round may be. */
static void
test_finalists_void (void)
{
  g_autoptr(JpRound) round = make_round (6, 0, JP_ROUND_STATE_CLOSED, "XT-01 XT-02 XT-03", 2, 1,
                                         2);
  g_autoptr(JpTally) tally = count (round, "XT-01|XT-02|XT-03");
  g_autoptr(GPtrArray) rounds = g_ptr_array_new ();
  g_autoptr(GPtrArray) tallies = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = NULL;
  JpTradeFinalists *f;
  JpTradeRounds state;
  JpNewRoundCase why;

  g_ptr_array_add (rounds, round);
  g_ptr_array_add (tallies, tally);
  out = jp_finalists_compute (rounds, tallies);
  f = out->pdata[0];
  g_assert_cmpuint (f->finalists->len, ==, 0);
  g_assert_cmpint (f->seats_open, ==, 2);
  g_assert_cmpint (f->pending_round, ==, 6);
  g_assert_false (f->runoff_pending);

  jp_trade_rounds_summarise (rounds, tally, 0, f->seats, f->seats_open, &state);
  g_assert_true (state.last_void);
  g_assert_false (state.runoff_due);
  g_assert_true (jp_round_may_open_new (&state, "XT", NULL, &why, NULL));
  g_assert_cmpint (why, ==, JP_NEW_ROUND_REPEAT_VOID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/round/may-create", test_may_create);
  g_test_add_func ("/core/round/runoff-tie", test_runoff_tie);
  g_test_add_func ("/core/round/runoff-void", test_runoff_void);
  g_test_add_func ("/core/round/runoff-none", test_runoff_none);
  g_test_add_func ("/core/finalists/summed", test_finalists_summed);
  g_test_add_func ("/core/finalists/void", test_finalists_void);
  return g_test_run ();
}
