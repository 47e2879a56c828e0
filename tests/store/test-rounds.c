/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-rounds"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "../common/sqlite-deny.h"

typedef TestXt Fixture;

/* The ballot tests' frozen election (test_xt_ballot_init); with `data` non-zero, not yet
 * frozen. */
static void
setup (Fixture *f, gconstpointer data)
{
  test_xt_ballot_init (f, GPOINTER_TO_INT (data) == 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  test_xt_clear (f);
}

static void
test_open_requires_freeze (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = jp_store_open_ballot_round (f->store, "XT", 2, -1, -1, "chair", &error);

  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "freeze"));
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM round"), ==, 0);
  g_assert_false (jp_store_get_stage_locks (f->store) & JP_STAGE_LOCK_BALLOT_OPENED);
}

static void
test_open_order (Fixture *f, gconstpointer data)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen_orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 id = test_open_ballot_round (f->store, 2, -1, -1);

  round = jp_store_get_round (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_OPEN);
  g_assert_cmpint (round->seats, ==, 2);
  g_assert_cmpint (round->max_choices, ==, 2);   /* settings 0 -> seats */
  g_assert_cmpint (round->present, ==, 4);       /* the panel */
  g_assert_cmpint (round->n_panel, ==, 4);
  g_assert_cmpint (round->number, ==, 1);
  g_assert_cmpstr (round->trade_code, ==, "XT");
  g_assert_true (jp_store_get_stage_locks (f->store) & JP_STAGE_LOCK_BALLOT_OPENED);

  /* a permutation of the frozen codes, positions 1..4 */
  g_assert_cmpuint (round->candidates->len, ==, 4);
  for (int k = 0; k < 4; k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < 4; i++)
        {
          JpRoundCandidate *c = g_ptr_array_index (round->candidates, i);

          g_assert_cmpint (c->position, ==, (int) i + 1);
          if (c->candidate_id == f->cand[k])
            {
              g_assert_cmpstr (c->code, ==, f->code[k]);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* fresh orders: 12 more rounds do not all come out in one order (4! = 24 orders; the
   * chance of 13 equal draws is 24^-12) */
  /* a second round of the trade waits for the first to close */
  g_assert_cmpint (jp_store_open_ballot_round (f->store, "XT", 2, -1, -1, "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  for (int r = 0; r < 13; r++)
    {
      g_autoptr(JpRound) other = NULL;
      g_auto(GStrv) codes = NULL;

      /* the rules call for no further round: each needs a written reason */
      if (r > 0)
        id = jp_store_open_ballot_round_with_reason (f->store, "XT", 2, -1, -1,
                                                     "测试抽签顺序", "chair", &error);
      g_assert_no_error (error);
      other = jp_store_get_round (f->store, id, NULL);
      codes = jp_round_get_codes (other);
      g_hash_table_add (seen_orders, g_strjoinv (" ", codes));
      test_vote (f->store, id, "M01", "");
      g_assert_true (jp_store_close_round (f->store, id, "chair", NULL));
    }
  g_assert_cmpuint (g_hash_table_size (seen_orders), >, 1);
}

/* Group commit: ballots in one batch each pass or fail alone, nothing is visible to another
 * connection (or durable) before the commit, and all of them are after it. */
static void
test_batch (Fixture *f, gconstpointer data)
{
  gint64 id = test_open_ballot_round (f->store, 2, 2, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) other = NULL;
  g_autoptr(JpRound) seen = NULL;
  const char *ok[] = { f->code[0], NULL };

  other = jp_store_open (jp_store_get_path (f->store), &error);
  g_assert_no_error (error);

  g_assert_true (jp_store_batch_begin (f->store, &error));
  g_assert_true (jp_store_submit_ballot (f->store, id, "M01", ok, "batch-1", NULL, &error));
  g_assert_no_error (error);
  /* a double vote inside the batch is refused alone */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M01", ok, "batch-2", NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_ALREADY_VOTED);
  g_clear_error (&error);
  g_assert_true (jp_store_submit_ballot (f->store, id, "M02", ok, "batch-3", NULL, &error));
  g_assert_no_error (error);

  seen = jp_store_get_round (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seen->n_cast, ==, 0);
  g_clear_pointer (&seen, jp_round_free);

  g_assert_true (jp_store_batch_commit (f->store, &error));
  g_assert_no_error (error);
  seen = jp_store_get_round (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seen->n_cast, ==, 2);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot"), ==, 2);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit WHERE "
                                             "action = 'ballot.cast'"), ==, 2);

  /* and the store is back to one transaction per write */
  g_assert_true (jp_store_submit_ballot (f->store, id, "M04", ok, "after", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&seen, jp_round_free);
  seen = jp_store_get_round (other, id, &error);
  g_assert_cmpint (seen->n_cast, ==, 3);
}

/* Once a ballot round has opened, the settings it uses cannot change; the others can. */
static void
test_settings_locked_while_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpSettings) settings = jp_store_get_settings (f->store);
  g_autoptr(JpElection) election = jp_store_get_election (f->store);
  g_autoptr(JpSettings) stored = NULL;
  g_autoptr(JpElection) stored_election = NULL;
  g_autoptr(GPtrArray) trades = NULL;

  test_open_ballot_round (f->store, 2, 2, -1);

  settings->max_choices = 3;
  g_assert_false (jp_store_update_settings (f->store, settings, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_assert_nonnull (error->message);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  election->quota += 1;
  g_assert_false (jp_store_update_election (f->store, election, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  trades = jp_store_list_trades (f->store, &error);
  g_assert_no_error (error);
  g_assert_false (jp_store_set_trade_seats (f->store, ((JpTrade *) trades->pdata[0])->id, 1,
                                            "chair", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* nothing was changed */
  stored = jp_store_get_settings (f->store);
  g_assert_cmpint (stored->max_choices, !=, 3);
  stored_election = jp_store_get_election (f->store);
  g_assert_cmpint (stored_election->quota, ==, election->quota - 1);

  /* a setting no round depends on still changes */
  g_clear_pointer (&settings, jp_settings_free);
  settings = jp_store_get_settings (f->store);
  g_free (settings->font_song);
  settings->font_song = g_strdup ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
  g_assert_true (jp_store_update_settings (f->store, settings, "chair", &error));
  g_assert_no_error (error);
}

static void
test_submit_rules (Fixture *f, gconstpointer data)
{
  gint64 id = test_open_ballot_round (f->store, 2, 2, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const char *ok[] = { f->code[0], f->code[1], NULL };
  const char *three[] = { f->code[0], f->code[1], f->code[3], NULL };
  const char *conflicted[] = { f->code[2], NULL };
  const char *unknown[] = { "ZZ-99", NULL };
  gboolean replayed = TRUE;

  g_assert_true (jp_store_submit_ballot (f->store, id, "M01", ok, "key-1", &replayed, &error));
  g_assert_no_error (error);
  g_assert_false (replayed);

  /* replay of the same key: success, nothing new */
  g_assert_true (jp_store_submit_ballot (f->store, id, "M01", ok, "key-1", &replayed, &error));
  g_assert_no_error (error);
  g_assert_true (replayed);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot"), ==, 1);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot_roster"), ==, 1);
  /* the key is kept only as its hash */
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot WHERE "
                                             "idem_hash = 'key-1'"), ==, 0);
  g_assert_cmpint (test_query_int (f->store, "SELECT length (idem_hash) FROM ballot"), ==, 64);

  /* double vote with another key */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M01", ok, "key-2", NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_ALREADY_VOTED);
  g_clear_error (&error);
  /* not on the panel */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M05", ok, NULL, NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_NOT_ON_PANEL);
  g_clear_error (&error);
  /* over-vote */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M02", three, NULL, NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_TOO_MANY);
  g_clear_error (&error);
  /* unknown code */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M02", unknown, NULL, NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_UNKNOWN_CODE);
  g_clear_error (&error);
  /* conflicted: M03 shares candidate 3's unit */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M03", conflicted, NULL, NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_CONFLICTED);
  g_assert_nonnull (strstr (error->message, f->code[2]));
  g_clear_error (&error);
  /* unknown member */
  g_assert_false (jp_store_submit_ballot (f->store, id, "M99", ok, NULL, NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot"), ==, 1);

  /* the panel says who voted, not what */
  panel = jp_store_round_panel (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panel->len, ==, 4);
  g_assert_cmpstr (((JpPanelMember *) panel->pdata[0])->code, ==, "M01");
  g_assert_true (((JpPanelMember *) panel->pdata[0])->voted);
  g_assert_false (((JpPanelMember *) panel->pdata[1])->voted);

  /* the audit names the member, never the marks */
  audit = jp_store_list_audit (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_str_equal (e->action, "ballot.cast"))
        {
          g_assert_nonnull (strstr (e->payload, "M01"));
          g_assert_null (strstr (e->payload, f->code[0]));
        }
    }

  /* no tally while open */
  g_assert_null (jp_store_get_tally (f->store, id, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* after close: refused, and the replay of a stored key still says replayed */
  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_submit_ballot (f->store, id, "M02", ok, "key-3", NULL, &error));
  g_assert_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_NOT_OPEN);
  g_clear_error (&error);
  g_assert_true (jp_store_submit_ballot (f->store, id, "M01", ok, "key-1", &replayed, &error));
  g_assert_true (replayed);
}

static gboolean
has_column (JpStore *store, const char *table, const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM pragma_table_info ('%s') "
                                          "WHERE name = '%s'", table, column);

  return test_query_int (store, sql) > 0;
}

static void
test_schema_secrecy (Fixture *f, gconstpointer data)
{
  g_assert_true (has_column (f->store, "ballot", "marks"));
  g_assert_true (has_column (f->store, "ballot", "serial"));
  g_assert_false (has_column (f->store, "ballot", "member_id"));
  g_assert_false (has_column (f->store, "ballot", "member"));
  g_assert_false (has_column (f->store, "ballot", "cast_at"));
  g_assert_false (has_column (f->store, "ballot", "created_at"));
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM pragma_table_info "
                                             "('ballot_roster')"), ==, 2);
  g_assert_false (has_column (f->store, "ballot_roster", "marks"));
  /* WITHOUT ROWID: no physical insertion order */
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM sqlite_master WHERE "
                                             "name = 'ballot' AND sql LIKE '%WITHOUT ROWID%'"),
                   ==, 1);
}

/* The store writes the ballots again in serial order at every commit and at the close, with
 * the triggers off on its connection for just that: afterwards they hold again, there as in
 * any other program; and deleted cells are zeroed. */
static void
test_lay_out_keeps_ballots_append_only (Fixture *f, gconstpointer data)
{
  gint64 id = test_open_ballot_round (f->store, 2, 2, -1);
  g_autoptr(GError) error = NULL;
  static const char *const forbidden[] = {
    "DELETE FROM ballot", "UPDATE ballot SET marks = ''", "DELETE FROM ballot_roster",
  };

  g_assert_cmpint (test_query_int (f->store, "PRAGMA secure_delete"), ==, 1);
  test_vote (f->store, id, "M01", f->code[0]);
  test_vote (f->store, id, "M02", f->code[1]);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
        {
          g_assert_false (jp_store_exec (f->store, forbidden[i], &error));
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot"), ==, 2);
      g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot_roster"), ==, 2);
      if (pass == 0)
        {
          g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_close_tally_runoff (Fixture *f, gconstpointer data)
{
  gint64 id = test_open_ballot_round (f->store, 2, 2, -1);
  gint64 runoff;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(JpTally) tally2 = NULL;
  g_autoptr(JpRound) r2 = NULL;
  g_autoptr(GPtrArray) fin = NULL;
  g_autofree char *m1 = g_strdup_printf ("%s %s", f->code[0], f->code[1]);
  g_autofree char *m2 = g_strdup_printf ("%s %s", f->code[0], f->code[3]);
  JpTradeFinalists *tf;

  /* votes: c0 3, c1 1, c3 1, c2 0 -> c0 advances; c1 and c3 tie for 1 seat */
  test_vote (f->store, id, "M01", m1);
  test_vote (f->store, id, "M02", m2);
  test_vote (f->store, id, "M03", f->code[0]);
  test_vote (f->store, id, "M04", "");
  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_no_error (error);
  tally = jp_store_get_tally (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->cast, ==, 4);
  g_assert_cmpint (tally->blank, ==, 1);
  g_assert_cmpint (tally->valid, ==, 4);
  g_assert_cmpstr (((JpTallyCandidate *) tally->candidates->pdata[0])->code, ==, f->code[0]);
  g_assert_cmpint (((JpTallyCandidate *) tally->candidates->pdata[0])->votes, ==, 3);
  g_assert_cmpint (tally->runoff_seats, ==, 1);
  g_assert_cmpuint (g_strv_length (tally->runoff_codes), ==, 2);
  g_assert_cmpint (test_query_int (f->store, "SELECT length (digest) FROM round WHERE id = 1"),
                   ==, 64);

  /* closed is immutable */
  g_assert_false (jp_store_exec (f->store, "UPDATE round SET result = 'x' WHERE id = 1", NULL));
  g_assert_false (jp_store_exec (f->store, "DELETE FROM ballot", NULL));

  fin = jp_store_finalists (f->store, &error);
  g_assert_no_error (error);
  tf = g_ptr_array_index (fin, 0);
  g_assert_cmpuint (tf->finalists->len, ==, 1);
  g_assert_cmpint (tf->seats_open, ==, 1);
  g_assert_true (tf->runoff_pending);
  g_clear_pointer (&fin, g_ptr_array_unref);

  runoff = jp_store_create_runoff (f->store, id, "chair", &error);
  g_assert_no_error (error);
  r2 = jp_store_get_round (f->store, runoff, &error);
  g_assert_cmpint (r2->parent_id, ==, id);
  g_assert_cmpint (r2->seats, ==, 1);
  g_assert_cmpint (r2->max_choices, ==, 1);
  g_assert_cmpint (r2->number, ==, 2);
  g_assert_cmpuint (r2->candidates->len, ==, 2);
  g_assert_cmpint (jp_store_create_runoff (f->store, id, "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  test_vote (f->store, runoff, "M01", f->code[3]);
  test_vote (f->store, runoff, "M02", f->code[3]);
  g_assert_true (jp_store_close_round (f->store, runoff, "chair", &error));
  g_assert_true (jp_store_seal_round (f->store, runoff, "chair", &error));
  g_assert_no_error (error);
  tally2 = jp_store_get_tally (f->store, runoff, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((JpTallyCandidate *) tally2->candidates->pdata[0])->outcome, ==,
                   JP_TALLY_ADVANCED);

  fin = jp_store_finalists (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fin->len, ==, 1);
  tf = g_ptr_array_index (fin, 0);
  g_assert_cmpstr (tf->trade_code, ==, "XT");
  g_assert_cmpint (tf->seats, ==, 2);
  g_assert_cmpuint (tf->finalists->len, ==, 2);
  g_assert_cmpint (tf->seats_open, ==, 0);
  g_assert_false (tf->runoff_pending);

  /* a sealed round cannot be sealed again */
  g_assert_false (jp_store_seal_round (f->store, runoff, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
}

static void
test_void_round (Fixture *f, gconstpointer data)
{
  gint64 id = test_open_ballot_round (f->store, 1, 1, 3);   /* only 3 present (the quorum of 4), 4 vote */
  g_autoptr(GError) error = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GPtrArray) fin = NULL;

  test_vote (f->store, id, "M01", f->code[0]);
  test_vote (f->store, id, "M02", f->code[0]);
  test_vote (f->store, id, "M03", f->code[1]);
  test_vote (f->store, id, "M04", f->code[1]);
  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  tally = jp_store_get_tally (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tally->void_round);
  for (guint i = 0; i < tally->candidates->len; i++)
    g_assert_cmpint (((JpTallyCandidate *) tally->candidates->pdata[i])->outcome, ==,
                     JP_TALLY_OUT);
  fin = jp_store_finalists (f->store, &error);
  g_assert_cmpuint (((JpTradeFinalists *) fin->pdata[0])->finalists->len, ==, 0);
  g_assert_cmpint (((JpTradeFinalists *) fin->pdata[0])->pending_round, ==, id);
  /* a void round is repeated without a reason: the rules call for it */
  g_assert_cmpint (test_open_ballot_round (f->store, 1, 1, -1), >, id);
}

static void
test_paper (Fixture *f, gconstpointer data)
{
  gint64 id = test_open_ballot_round (f->store, 2, 2, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autofree char *a = g_strdup_printf ("serial,marks\n1,%s %s\n2,\n3,invalid\n4,%s %s %s\n",
                                        f->code[0], f->code[1], f->code[0], f->code[1],
                                        f->code[2]);
  g_autofree char *b = g_strdup_printf ("serial,marks\n1,%s\n2,\n3,invalid\n", f->code[0]);
  g_autofree char *b_ok = g_strdup_printf ("serial,marks\n4,%s %s %s\n3,INVALID\n2,\n1,%s %s\n",
                                           f->code[2], f->code[1], f->code[0], f->code[1],
                                           f->code[0]);
  g_autofree char *bad = g_strdup_printf ("serial,marks\n1,%s\n1,%s\n", f->code[0], f->code[1]);

  g_assert_cmpint (jp_store_enter_paper_ballots (f->store, id, 1, a, strlen (a), "a.csv", "M01",
                                                 &error), ==, 4);
  g_assert_no_error (error);
  /* the second entry by the same scrutineer is refused */
  g_assert_cmpint (jp_store_enter_paper_ballots (f->store, id, 2, b, strlen (b), "b.csv", "M01",
                                                 &error), ==, -1);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a bad file names the line */
  g_assert_cmpint (jp_store_enter_paper_ballots (f->store, id, 2, bad, strlen (bad), "bad.csv",
                                                 "M02", &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "bad.csv, line 3"));
  g_clear_error (&error);
  /* only one pass: cannot close */
  g_assert_false (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (jp_store_enter_paper_ballots (f->store, id, 2, b, strlen (b), "b.csv", "M02",
                                                 &error), ==, 3);
  diffs = jp_store_paper_differences (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diffs->len, ==, 2);   /* serial 1 differs, serial 4 missing */
  g_assert_false (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "serial 1 "));
  g_assert_nonnull (strstr (error->message, "serial 4 "));
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot"), ==, 0);

  /* the corrected second pass (other order of lines and codes) agrees */
  g_assert_cmpint (jp_store_enter_paper_ballots (f->store, id, 2, b_ok, strlen (b_ok), "b.csv",
                                                 "M02", &error), ==, 4);
  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_no_error (error);
  tally = jp_store_get_tally (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->cast, ==, 4);
  g_assert_cmpint (tally->invalid, ==, 2);   /* the word, and 3 marks with max 2 */
  g_assert_cmpint (tally->blank, ==, 1);
  g_assert_cmpint (tally->valid, ==, 2);
  /* the roster stays empty: paper ballots name nobody */
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM ballot_roster"), ==, 0);
}


/* The rule of new rounds on the host: no close without a ballot, no second round once the
 * trade's result stands unless the chair writes a reason (audited), the quorum at opening. */
static void
test_new_round_rule (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = NULL;
  JpTradeRounds state;
  char *marks;
  gint64 id, again;

  /* the quorum: 2 of a panel of 4 is below two thirds (3) */
  g_assert_cmpint (jp_store_open_ballot_round (f->store, "XT", 2, 2, 2, "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "quorum"));
  g_assert_nonnull (strstr (error->message, "at least 3"));
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM round"), ==, 0);

  g_assert_true (jp_store_trade_rounds (f->store, "XT", &state, &error));
  g_assert_cmpint (state.n_rounds, ==, 0);
  id = test_open_ballot_round (f->store, 2, 2, 3);

  /* closing with no ballot is refused; the round stays open */
  g_assert_false (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no ballot"));
  g_clear_error (&error);
  round = jp_store_get_round (f->store, id, NULL);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_OPEN);

  marks = g_strdup_printf ("%s %s", f->code[0], f->code[1]);
  test_vote (f->store, id, "M01", marks);
  test_vote (f->store, id, "M02", marks);
  g_free (marks);
  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_seal_round (f->store, id, "chair", &error));
  g_assert_no_error (error);

  /* both seats filled, the result stands: no new round without a reason */
  g_assert_true (jp_store_trade_rounds (f->store, "XT", &state, &error));
  g_assert_cmpint (state.n_rounds, ==, 1);
  g_assert_false (state.pending);
  g_assert_false (state.last_void);
  g_assert_false (state.runoff_due);
  g_assert_cmpint (state.seats_open, ==, 0);
  g_assert_cmpint (jp_store_open_ballot_round (f->store, "XT", 2, 2, -1, "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_cmpint (jp_store_open_ballot_round_with_reason (f->store, "XT", 2, 2, -1, "  ",
                                                           "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM round"), ==, 1);

  again = jp_store_open_ballot_round_with_reason (f->store, "XT", 2, 2, -1,
                                                  "评委会决定复议", "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, id);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit WHERE action = "
                                   "'round.open' AND payload LIKE '%评委会决定复议%'"), ==, 1);
  /* and while it is open, nothing else opens, reason or not */
  g_assert_cmpint (jp_store_open_ballot_round_with_reason (f->store, "XT", 2, 2, -1,
                                                           "评委会决定复议", "chair", &error),
                   ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
}

/* An edited stored result is never handed out: it no longer matches its digest. */
static void
test_tampered_result (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sql = NULL;
  gint64 id = test_open_ballot_round (f->store, 1, 1, -1);

  test_vote (f->store, id, "M01", f->code[0]);
  test_vote (f->store, id, "M02", f->code[0]);
  test_vote (f->store, id, "M04", f->code[1]);
  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  json = jp_store_get_round_result_json (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, f->code[0]));

  /* swap the two codes in the stored result, as an editor of the file would (who is not
   * held by the schema's triggers) */
  sql = g_strdup_printf ("DROP TRIGGER round_closed_frozen; UPDATE round SET result = replace (replace (replace (result, '%s', "
                         "'@@'), '%s', '%s'), '@@', '%s') WHERE id = %lld",
                         f->code[0], f->code[1], f->code[0], f->code[1], (long long) id);
  g_assert_true (jp_store_exec (f->store, sql, NULL));
  g_clear_pointer (&json, g_free);
  json = jp_store_get_round_result_json (f->store, id, &error);
  g_assert_null (json);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "altered"));
}

static int
interrupt_every_step (void *data)
{
  return 1;
}

/* A query that fails is reported, never read as "no rows" or a count of 0: a round whose
 * roster cannot be read is not shown with nobody having voted, a list of rounds that cannot
 * be read is not an empty list (which would let a second round open). */
static void
test_read_failure_reported (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  JpStageLocks locks;
  gint64 id = test_open_ballot_round (f->store, 2, 2, -1);

  test_vote (f->store, id, "M01", f->code[0]);

  sqlite3_set_authorizer (f->store->db, test_deny_read, (void *) "ballot_roster");
  round = jp_store_get_round (f->store, id, &error);
  g_assert_null (round);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  sqlite3_set_authorizer (f->store->db, NULL, NULL);

  sqlite3_progress_handler (f->store->db, 1, interrupt_every_step, NULL);
  rounds = jp_store_list_rounds (f->store, "XT", &error);
  g_assert_null (rounds);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (jp_store_read_stage_locks (f->store, &locks, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_open_ballot_round_with_reason (f->store, "XT", 2, 2, -1, "again",
                                                           "chair", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  sqlite3_progress_handler (f->store->db, 0, NULL, NULL);

  /* readable again: the same calls give the round with its one ballot */
  round = jp_store_get_round (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->n_cast, ==, 1);
  rounds = jp_store_list_rounds (f->store, "XT", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_true (jp_store_read_stage_locks (f->store, &locks, &error));
  g_assert_true (locks & JP_STAGE_LOCK_BALLOT_OPENED);
}

/* The panel is counted once, in the store: M01-M04 judge XT, M05 judges nothing; by code or
 * by name; a trade that does not exist is NOT_FOUND, not a panel of 0; a round's n_panel is the
 * same count. */
static void
test_panel_size (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = NULL;
  int n = -1;

  g_assert_true (jp_store_trade_panel_size (f->store, "XT", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 4);
  n = -1;
  g_assert_true (jp_store_trade_panel_size (f->store, "稀土", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 4);

  test_add_xt_member (f->store, "M06", "别处戊", TRUE);
  g_assert_true (jp_store_trade_panel_size (f->store, "XT", &n, &error));
  g_assert_cmpint (n, ==, 5);

  g_assert_false (jp_store_trade_panel_size (f->store, "NOPE", &n, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (n, ==, 0);
  g_clear_error (&error);

  round = jp_store_get_round (f->store, test_open_ballot_round (f->store, 2, 2, 5), &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->n_panel, ==, 5);
}

/* The panel and conflict questions report a failed read instead of answering "no": a member
 * whose panel cannot be read is not refused as "not on the panel", a conflict that cannot be
 * read is not taken for none (bug: both returned FALSE and dropped the error). */
static void
test_panel_queries_report_failure (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = test_open_ballot_round (f->store, 2, 2, -1);
  gboolean answer = TRUE;
  int n = -1;

  sqlite3_progress_handler (f->store->db, 1, interrupt_every_step, NULL);
  g_assert_false (jp_store_member_on_panel (f->store, id, "M01", &answer, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (jp_store_is_conflicted (f->store, "M03", f->cand[2], &answer, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (jp_store_trade_panel_size (f->store, "XT", &n, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  sqlite3_progress_handler (f->store->db, 0, NULL, NULL);

  /* readable again: the answers a user would check */
  g_assert_true (jp_store_member_on_panel (f->store, id, "M01", &answer, &error));
  g_assert_no_error (error);
  g_assert_true (answer);
  g_assert_true (jp_store_member_on_panel (f->store, id, "M05", &answer, &error));
  g_assert_false (answer);
  /* M03 works at 单位3, 候选人3's unit */
  g_assert_true (jp_store_is_conflicted (f->store, "M03", f->cand[2], &answer, &error));
  g_assert_no_error (error);
  g_assert_true (answer);
  g_assert_true (jp_store_is_conflicted (f->store, "M01", f->cand[2], &answer, &error));
  g_assert_false (answer);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn, nofreeze) \
  g_test_add (path, Fixture, GINT_TO_POINTER (nofreeze), setup, fn, teardown)
  ADD ("/store/rounds/open-requires-freeze", test_open_requires_freeze, 1);
  ADD ("/store/rounds/open-random-order", test_open_order, 0);
  ADD ("/store/rounds/submit-rules", test_submit_rules, 0);
  ADD ("/store/rounds/batch", test_batch, 0);
  ADD ("/store/rounds/settings-locked-while-open", test_settings_locked_while_open, 0);
  ADD ("/store/rounds/schema-secrecy", test_schema_secrecy, 0);
  ADD ("/store/rounds/lay-out-keeps-ballots-append-only",
       test_lay_out_keeps_ballots_append_only, 0);
  ADD ("/store/rounds/close-tally-runoff-finalists", test_close_tally_runoff, 0);
  ADD ("/store/rounds/void", test_void_round, 0);
  ADD ("/store/rounds/paper-two-passes", test_paper, 0);
  ADD ("/store/rounds/new-round-rule", test_new_round_rule, 0);
  ADD ("/store/rounds/tampered-result", test_tampered_result, 0);
  ADD ("/store/rounds/read-failure-reported", test_read_failure_reported, 0);
  ADD ("/store/rounds/panel-size", test_panel_size, 0);
  ADD ("/store/rounds/panel-queries-report-failure", test_panel_queries_report_failure, 0);
  return g_test_run ();
}
