/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-rounds.h"
#include "jp-store-private.h"
#include "jp-store-rounds-private.h"
#include "jp-store-defence.h"

/* Rounds: creation with a fresh random order, states, the tally, run-offs and finalists.
 * Ballots and paper entry live in jp-store-ballots.c. */

void
jp_panel_member_free (JpPanelMember *m)
{
  if (m == NULL)
    return;
  g_free (m->code);
  g_free (m->name);
  g_free (m);
}

/* ---- reading ---- */

/* Runs a one-row count with `id` bound to its parameter. FALSE with `error` set when the
 * query fails: a failed count is never taken for 0 (it would let a second round open). */
gboolean
jp_store_round_count (JpStore     *self,
                      const char  *sql,
                      gint64       id,
                      int         *count,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, sql, error);
  gint64 value;

  *count = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!jp_store_query_int (self, stmt, &value, error))
    return FALSE;
  *count = (int) value;
  return TRUE;
}

gboolean
jp_store_panel_size (JpStore  *self,
                     gint64    trade_id,
                     int      *size,
                     GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);

  return jp_store_round_count (self, "SELECT count (*) FROM member_trade WHERE trade_id = ?",
                               trade_id, size, error);
}

JpRound *
jp_store_load_round (JpStore  *self,
                     gint64    round_id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JpRound) round = NULL;
  gboolean ok;

  stmt = jp_store_prepare (self,
                           "SELECT r.id, r.kind, r.trade_id, t.code, t.name, r.state, r.seats, "
                           "r.max_choices, r.present, r.majority_threshold, r.number, "
                           "coalesce (r.parent_round_id, 0), coalesce (r.opened_at, 0), "
                           "coalesce (r.closed_at, 0), coalesce (r.sealed_at, 0), r.digest, "
                           "r.digest_version "
                           "FROM round r JOIN trade t ON t.id = r.trade_id WHERE r.id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no round %lld in this election; check the round number."),
                   (long long) round_id);
      return NULL;
    }
  round = g_new0 (JpRound, 1);
  round->id = sqlite3_column_int64 (stmt, 0);
  round->kind = jp_round_kind_from_key ((const char *) sqlite3_column_text (stmt, 1), NULL);
  round->trade_id = sqlite3_column_int64 (stmt, 2);
  round->trade_code = jp_store_column_dup (stmt, 3);
  round->trade_name = jp_store_column_dup (stmt, 4);
  round->state = jp_round_state_from_key ((const char *) sqlite3_column_text (stmt, 5), NULL);
  round->seats = sqlite3_column_int (stmt, 6);
  round->max_choices = sqlite3_column_int (stmt, 7);
  round->present = sqlite3_column_int (stmt, 8);
  round->majority_threshold = sqlite3_column_int (stmt, 9) != 0;
  round->number = sqlite3_column_int (stmt, 10);
  round->parent_id = sqlite3_column_int64 (stmt, 11);
  round->opened_at = sqlite3_column_int64 (stmt, 12);
  round->closed_at = sqlite3_column_int64 (stmt, 13);
  round->sealed_at = sqlite3_column_int64 (stmt, 14);
  round->digest = jp_store_column_dup (stmt, 15);
  round->digest_version = sqlite3_column_int (stmt, 16);
  g_clear_pointer (&stmt, sqlite3_finalize);

  round->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_candidate_free);
  stmt = jp_store_prepare (self,
                           "SELECT candidate_id, code, position FROM round_candidate "
                           "WHERE round_id = ? ORDER BY position",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      JpRoundCandidate *c = g_new0 (JpRoundCandidate, 1);

      c->candidate_id = sqlite3_column_int64 (stmt, 0);
      c->code = jp_store_column_dup (stmt, 1);
      c->position = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (round->candidates, c);
    }
  if (!ok ||
      !jp_store_round_count (self, "SELECT count (*) FROM ballot_roster WHERE round_id = ?", round_id,
                             &round->n_cast, error) ||
      !jp_store_panel_size (self, round->trade_id, &round->n_panel, error))
    return NULL;
  return g_steal_pointer (&round);
}

JpRound *
jp_store_get_round (JpStore  *self,
                    gint64    round_id,
                    GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return jp_store_load_round (self, round_id, error);
}

static gboolean
resolve_trade (JpStore     *self,
               const char  *trade,
               JpTrade    **out,
               GError     **error)
{
  JpTrade *t = trade != NULL ? jp_store_find_trade (self, trade) : NULL;

  if (t == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no trade “%s”; give the trade's code as shown in the seat "
                     "plan."),
                   trade != NULL ? trade : "");
      return FALSE;
    }
  *out = t;
  return TRUE;
}

gboolean
jp_store_trade_panel_size (JpStore     *self,
                           const char  *trade,
                           int         *size,
                           GError     **error)
{
  g_autoptr(JpTrade) t = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *size = 0;
  if (!resolve_trade (self, trade, &t, error))
    return FALSE;
  return jp_store_panel_size (self, t->id, size, error);
}

GPtrArray *
jp_store_list_rounds (JpStore     *self,
                      const char  *trade,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(JpTrade) t = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trade != NULL && !resolve_trade (self, trade, &t, error))
    return NULL;
  stmt = jp_store_prepare (self,
                           "SELECT r.id FROM round r JOIN trade t ON t.id = r.trade_id "
                           "WHERE ?1 IS NULL OR r.trade_id = ?1 "
                           "ORDER BY t.name, r.kind, r.number",
                           error);
  if (stmt == NULL)
    return NULL;
  if (t != NULL)
    sqlite3_bind_int64 (stmt, 1, t->id);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;
  rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_free);
  for (guint i = 0; i < ids->len; i++)
    {
      JpRound *r = jp_store_load_round (self, g_array_index (ids, gint64, i), error);

      if (r == NULL)
        return NULL;
      g_ptr_array_add (rounds, r);
    }
  return g_steal_pointer (&rounds);
}

GPtrArray *
jp_store_round_panel (JpStore  *self,
                      gint64    round_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JpRound) round = NULL;
  GPtrArray *panel;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  round = jp_store_load_round (self, round_id, error);
  if (round == NULL)
    return NULL;
  stmt = jp_store_prepare (self,
                           "SELECT m.id, m.code, m.name, r.member_id IS NOT NULL "
                           "FROM member m JOIN member_trade mt ON mt.member_id = m.id "
                           "LEFT JOIN ballot_roster r ON r.member_id = m.id AND r.round_id = ? "
                           "WHERE mt.trade_id = ? ORDER BY m.code",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, round->trade_id);
  panel = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_panel_member_free);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      JpPanelMember *m = g_new0 (JpPanelMember, 1);

      m->member_id = sqlite3_column_int64 (stmt, 0);
      m->code = jp_store_column_dup (stmt, 1);
      m->name = jp_store_column_dup (stmt, 2);
      m->voted = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (panel, m);
    }
  if (!ok)
    {
      g_ptr_array_unref (panel);
      return NULL;
    }
  return panel;
}

gboolean
jp_store_member_on_panel (JpStore     *self,
                          gint64       round_id,
                          const char  *member_code,
                          gboolean    *on_panel,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_panel != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *on_panel = FALSE;
  if (member_code == NULL)
    return TRUE;
  stmt = jp_store_prepare (self,
                           "SELECT 1 FROM member m JOIN member_trade mt ON mt.member_id = m.id "
                           "JOIN round r ON r.trade_id = mt.trade_id "
                           "WHERE r.id = ? AND m.code = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, member_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  *on_panel = rc == SQLITE_ROW;
  return TRUE;
}

/* ---- creating and opening ---- */

static gboolean
trade_seats (JpStore  *self,
             gint64    trade_id,
             int      *seats,
             GError  **error)
{
  g_autoptr(JpSeatPlan) plan = jp_store_get_seat_plan (self, error);

  if (plan == NULL)
    return FALSE;
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      if (row->trade_id == trade_id)
        {
          *seats = row->seats;
          return TRUE;
        }
    }
  *seats = 0;
  return TRUE;
}

/* Inserts a round and its candidates in a fresh random order (inside the caller's
 * transaction). `candidates` holds JpRoundCandidate* (candidate_id, code). */
gint64
jp_store_insert_round (JpStore     *self,
                       gint64       trade_id,
                       const char  *trade_code,
                       gint64       parent_id,
                       GPtrArray   *candidates,
                       int          seats,
                       int          max_choices,
                       int          present,
                       gboolean     threshold,
                       gboolean     open,
                       const char  *reason,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) code_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree guint8 *random = NULL;
  g_autofree char *random_hex = NULL;
  gsize n_random;
  gint64 round_id;
  gint64 now = jp_store_now (self);
  int number;

  for (guint i = 0; i < candidates->len; i++)
    {
      JpRoundCandidate *c = g_ptr_array_index (candidates, i);

      g_array_append_val (ids, c->candidate_id);
      g_hash_table_insert (code_of, &c->candidate_id, c->code);
    }
  n_random = jp_codes_random_bytes_needed (ids->len);
  random = g_malloc0 (MAX (n_random, 1));
  if (!jp_store_random_bytes (random, n_random, error))
    return 0;
  /* jp_codes_draw gives an unbiased permutation; only its order is used, each candidate
   * keeps the anonymous code drawn at the freeze. */
  order = jp_codes_draw ("R", ids, random, n_random, error);
  if (order == NULL)
    return 0;
  random_hex = g_new0 (char, n_random * 2 + 1);
  for (gsize i = 0; i < n_random; i++)
    g_snprintf (random_hex + i * 2, 3, "%02x", random[i]);

  if (!jp_store_round_count (self, "SELECT coalesce (max (number), 0) FROM round "
                                  "WHERE kind = 'ballot' AND trade_id = ?", trade_id, &number, error))
    return 0;
  number++;
  stmt = jp_store_prepare (self,
                           "INSERT INTO round (kind, trade_id, state, seats, max_choices, present,"
                           " majority_threshold, parent_round_id, number, order_random,"
                           " created_at, opened_at) "
                           "VALUES ('ballot', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  sqlite3_bind_text (stmt, 2, open ? "open" : "draft", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, seats);
  sqlite3_bind_int (stmt, 4, max_choices);
  sqlite3_bind_int (stmt, 5, present);
  sqlite3_bind_int (stmt, 6, threshold ? 1 : 0);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 7, parent_id);
  sqlite3_bind_int (stmt, 8, number);
  sqlite3_bind_text (stmt, 9, random_hex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, now);
  if (open)
    sqlite3_bind_int64 (stmt, 11, now);
  if (!jp_store_step_done (self, stmt, error))
    return 0;
  round_id = sqlite3_last_insert_rowid (self->db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "round");
  json_builder_add_int_value (payload, round_id);
  json_builder_set_member_name (payload, "trade");
  json_builder_add_string_value (payload, trade_code);
  json_builder_set_member_name (payload, "number");
  json_builder_add_int_value (payload, number);
  json_builder_set_member_name (payload, "parent");
  json_builder_add_int_value (payload, parent_id);
  json_builder_set_member_name (payload, "seats");
  json_builder_add_int_value (payload, seats);
  json_builder_set_member_name (payload, "max_choices");
  json_builder_add_int_value (payload, max_choices);
  json_builder_set_member_name (payload, "present");
  json_builder_add_int_value (payload, present);
  json_builder_set_member_name (payload, "majority_threshold");
  json_builder_add_boolean_value (payload, threshold);
  json_builder_set_member_name (payload, "random");
  json_builder_add_string_value (payload, random_hex);
  if (reason != NULL)
    {
      json_builder_set_member_name (payload, "reason");
      json_builder_add_string_value (payload, reason);
    }
  json_builder_set_member_name (payload, "order");
  json_builder_begin_array (payload);

  stmt = jp_store_prepare (self,
                           "INSERT INTO round_candidate (round_id, candidate_id, code, position) "
                           "VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < order->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (order, i);
      const char *code = g_hash_table_lookup (code_of, &a->candidate_id);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, a->candidate_id);
      sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, a->position);
      if (!jp_store_step_done (self, stmt, error))
        return 0;
      json_builder_add_string_value (payload, code);
    }
  json_builder_end_array (payload);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, open ? "round.open" : "round.create", payload, error))
    return 0;
  return round_id;
}

/* What the rule of new rounds needs to know of the trade's ballot rounds. */
static gboolean
trade_rounds (JpStore        *self,
              const JpTrade  *t,
              JpTradeRounds  *out,
              GError        **error)
{
  g_autoptr(GPtrArray) rounds = jp_store_list_rounds (self, t->code != NULL ? t->code : t->name,
                                                      error);
  g_autoptr(GPtrArray) finalists = NULL;
  g_autoptr(JpTally) tally = NULL;
  const JpRound *last;
  int n_runoffs = 0;
  int seats = 0, seats_open = 0;
  gboolean any_ballot = FALSE;

  memset (out, 0, sizeof *out);
  if (rounds == NULL)
    return FALSE;
  last = jp_trade_rounds_last_closed (rounds);
  if (last != NULL)
    {
      tally = jp_store_compute_tally (self, (JpRound *) last, error);
      if (tally == NULL)
        return FALSE;
      if (!jp_store_round_count (self, "SELECT count (*) FROM round WHERE parent_round_id = ?",
                                 last->id, &n_runoffs, error))
        return FALSE;
    }
  for (guint i = 0; i < rounds->len; i++)
    if (((JpRound *) rounds->pdata[i])->kind == JP_ROUND_KIND_BALLOT)
      any_ballot = TRUE;
  if (any_ballot)
    {
      finalists = jp_store_finalists (self, error);
      if (finalists == NULL)
        return FALSE;
      for (guint i = 0; i < finalists->len; i++)
        {
          JpTradeFinalists *f = finalists->pdata[i];

          if (f->trade_id == t->id)
            {
              seats = f->seats;
              seats_open = f->seats_open;
            }
        }
    }
  jp_trade_rounds_summarise (rounds, tally, n_runoffs, seats, seats_open, out);
  return TRUE;
}

gboolean
jp_store_trade_rounds (JpStore        *self,
                       const char     *trade,
                       JpTradeRounds  *out,
                       GError        **error)
{
  g_autoptr(JpTrade) t = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!resolve_trade (self, trade, &t, error))
    return FALSE;
  if (!trade_rounds (self, t, out, error))
    return FALSE;
  if (out->n_rounds == 0 && trade_seats (self, t->id, &out->seats, NULL))
    out->seats_open = out->seats;
  return TRUE;
}

static gint64
create_round (JpStore     *self,
              const char  *trade,
              int          seats,
              int          max_choices,
              int          present,
              gboolean     open,
              const char  *reason,
              const char  *actor,
              GError     **error)
{
  g_autoptr(JpTrade) t = NULL;
  g_autoptr(JpSettings) settings = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  gint64 id;
  gboolean ok;
  int n_panel;

  if (!jp_store_begin (self, error))
    return 0;
  {
    g_autoptr(GError) core_error = NULL;
    gboolean frozen;

    if (!jp_store_is_frozen (self, &frozen, error))
      goto fail;
    if (!jp_round_may_create (frozen, &core_error))
      {
        jp_store_take_core_error (error, JP_STORE_ERROR_LOCKED, g_steal_pointer (&core_error));
        goto fail;
      }
  }
  if (!resolve_trade (self, trade, &t, error))
    goto fail;
  {
    JpTradeRounds state = { 0 };
    JpNewRoundCase why;
    g_autoptr(GError) core_error = NULL;

    if (!trade_rounds (self, t, &state, error))
      goto fail;
    if (!jp_round_may_open_new (&state, t->code != NULL ? t->code : t->name, reason, &why,
                                &core_error))
      {
        jp_store_take_core_error (error, why == JP_NEW_ROUND_PENDING ? JP_STORE_ERROR_CONFLICT
                                                                     : JP_STORE_ERROR_INVALID,
                                  g_steal_pointer (&core_error));
        goto fail;
      }
    /* the reason is kept only when the rules did not call for the round */
    if (why != JP_NEW_ROUND_REASON && why != JP_NEW_ROUND_RUNOFF_DUE)
      reason = NULL;
  }
  if (seats < 0 && !trade_seats (self, t->id, &seats, error))
    goto fail;
  settings = jp_store_get_settings (self);
  if (max_choices < 0)
    max_choices = jp_round_default_max_choices (settings->max_choices, seats);
  if (!jp_store_panel_size (self, t->id, &n_panel, error))
    goto fail;
  if (present < 0)
    present = n_panel;
  if (open)
    {
      g_autoptr(GError) core_error = NULL;

      if (!jp_round_quorum_check (present, n_panel, settings->quorum_num,
                                  settings->quorum_den, t->code != NULL ? t->code : t->name,
                                  &core_error))
        {
          jp_store_take_core_error (error, JP_STORE_ERROR_INVALID,
                                    g_steal_pointer (&core_error));
          goto fail;
        }
    }
  if (seats < 1 || max_choices < 1 || present < 1)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Trade %s: a ballot needs at least 1 seat, 1 choice and 1 member present "
                     "(given %d seats, %d choices, %d present); set the trade's seats and its "
                     "panel, or give the numbers."),
                   t->code != NULL ? t->code : t->name, seats, max_choices, present);
      goto fail;
    }

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_candidate_free);
  stmt = jp_store_prepare (self,
                           "SELECT id, code FROM candidate WHERE trade_id = ? "
                           "AND status = 'qualified' AND code IS NOT NULL ORDER BY id",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, t->id);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      JpRoundCandidate *c = g_new0 (JpRoundCandidate, 1);

      c->candidate_id = sqlite3_column_int64 (stmt, 0);
      c->code = jp_store_column_dup (stmt, 1);
      g_ptr_array_add (candidates, c);
    }
  if (!ok)
    goto fail;
  if (candidates->len == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Trade %s has no qualified candidate with a code; there is nobody to vote "
                     "for."),
                   t->code != NULL ? t->code : t->name);
      goto fail;
    }
  id = jp_store_insert_round (self, t->id, t->code, 0, candidates, seats, max_choices, present,
                              settings->majority_threshold, open, reason, actor, error);
  if (id == 0 || !jp_store_commit (self, error))
    goto fail;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

gint64
jp_store_create_round (JpStore     *self,
                       const char  *trade,
                       int          seats,
                       int          max_choices,
                       int          present,
                       const char  *actor,
                       GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return create_round (self, trade, seats, max_choices, present, FALSE, NULL, actor, error);
}

gint64
jp_store_open_ballot_round (JpStore     *self,
                            const char  *trade,
                            int          seats,
                            int          max_choices,
                            int          present,
                            const char  *actor,
                            GError     **error)
{
  return jp_store_open_ballot_round_with_reason (self, trade, seats, max_choices, present, NULL,
                                                 actor, error);
}

gint64
jp_store_open_ballot_round_with_reason (JpStore     *self,
                                        const char  *trade,
                                        int          seats,
                                        int          max_choices,
                                        int          present,
                                        const char  *reason,
                                        const char  *actor,
                                        GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return create_round (self, trade, seats, max_choices, present, TRUE, reason, actor, error);
}

gboolean
jp_store_round_audit (JpStore     *self,
                      const char  *actor,
                      const char  *action,
                      gint64       round_id,
                      const char  *digest,
                      GError     **error)
{
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "round");
  json_builder_add_int_value (payload, round_id);
  if (digest != NULL)
    {
      json_builder_set_member_name (payload, "digest");
      json_builder_add_string_value (payload, digest);
    }
  json_builder_end_object (payload);
  return jp_store_audit (self, actor, action, payload, error);
}

gboolean
jp_store_check_round_transition (JpRound       *round,
                                 JpRoundState   to,
                                 GError       **error)
{
  g_autoptr(GError) core_error = NULL;

  if (jp_round_can_transition (round->state, to, &core_error))
    return TRUE;
  return jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
}

gboolean
jp_store_set_round_state (JpStore       *self,
                          gint64         round_id,
                          JpRoundState   state,
                          const char    *actor,
                          GError       **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (state == JP_ROUND_STATE_CLOSED)
    return jp_store_close_round (self, round_id, actor, error);
  if (state == JP_ROUND_STATE_SEALED)
    return jp_store_seal_round (self, round_id, actor, error);

  if (!jp_store_begin (self, error))
    return FALSE;
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !jp_store_check_round_transition (round, state, error))
    goto fail;
  stmt = jp_store_prepare (self, "UPDATE round SET state = 'open', opened_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, jp_store_now (self));
  sqlite3_bind_int64 (stmt, 2, round_id);
  if (!jp_store_step_done (self, stmt, error)
      || !jp_store_round_audit (self, actor, "round.open", round_id, NULL, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}
