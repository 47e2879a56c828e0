/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-console.h"
#include "jp-store-defence.h"
#include "jp-store-likes.h"
#include "jp-store-ranking.h"
#include "jp-store-ranking-private.h"

/* The composite ranking from the stored stages (issue 7). The rules are core's. */

/* V of every candidate of the trade's main ballot round: code -> gint64* (hundredths). */
static gboolean
trade_votes (JpStore     *self,
             gint64       trade_id,
             GHashTable  *v_of,
             GError     **error)
{
  g_autoptr(GPtrArray) rounds = jp_store_memo_rounds (self, error);
  g_autoptr(GArray) infos = g_array_new (FALSE, TRUE, sizeof (JpBallotRoundInfo));
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_tally_free);
  g_autoptr(GHashTable) void_rounds = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint trade_candidates = 0;
  gint64 main_id;

  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = g_ptr_array_index (rounds, i);
      JpBallotRoundInfo info = { 0 };
      JpTally *tally;

      /* the trade's rounds, in the order jp_store_list_rounds gives them */
      if (r->trade_id != trade_id || r->kind != JP_ROUND_KIND_BALLOT
          || (r->state != JP_ROUND_STATE_CLOSED && r->state != JP_ROUND_STATE_SEALED))
        continue;
      tally = jp_store_get_tally (self, r->id, error);
      if (tally == NULL)
        return FALSE;
      g_ptr_array_add (tallies, tally);
      if (tally->void_round)
        g_hash_table_add (void_rounds, &r->id);
      info.id = r->id;
      info.void_round = tally->void_round;
      /* the repeat of a void round has the void round as parent but is no run-off */
      info.runoff = r->parent_id != 0 && !g_hash_table_contains (void_rounds, &r->parent_id);
      info.n_candidates = r->candidates->len;
      trade_candidates = MAX (trade_candidates, info.n_candidates);
      g_array_append_val (infos, info);
    }
  main_id = jp_ranking_main_round ((JpBallotRoundInfo *) infos->data, infos->len,
                                   trade_candidates);
  for (guint i = 0; i < tallies->len; i++)
    {
      JpTally *tally = g_ptr_array_index (tallies, i);

      if (tally->round_id != main_id)
        continue;
      for (guint j = 0; j < tally->candidates->len; j++)
        {
          JpTallyCandidate *c = g_ptr_array_index (tally->candidates, j);
          gint64 v = jp_ranking_vote_score (c->votes, tally->valid);

          g_hash_table_insert (v_of, g_strdup (c->code), g_memdup2 (&v, sizeof v));
        }
    }
  return TRUE;
}

static gboolean
is_sealed (JpStore  *self,
           char    **canonical,
           char    **digest,
           gint64   *sealed_at)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                   "SELECT canonical, digest, sealed_at "
                                                   "FROM ranking_seal WHERE id = 1", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (canonical != NULL)
    *canonical = jp_store_column_dup (stmt, 0);
  if (digest != NULL)
    *digest = jp_store_column_dup (stmt, 1);
  if (sealed_at != NULL)
    *sealed_at = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* The trade's defence session (0 if none) and whether it is closed or sealed. */
static gint64
defence_session_of (JpStore  *self,
                    gint64    trade_id,
                    gboolean *closed)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                   "SELECT id, state IN ('closed', 'sealed') "
                                                   "FROM round WHERE kind = 'defence' "
                                                   "AND trade_id = ? ORDER BY number DESC",
                                                   NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *closed = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

static JpRanking *
compute_counted (JpStore                   *self,
                 const JpRankingAdjustment *extra,
                 gboolean                   sheets,
                 GError                   **error)
{
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GPtrArray) likes = NULL;
  g_autoptr(JpSettings) settings = NULL;
  g_autoptr(JpElection) election = NULL;
  g_autoptr(GHashTable) o_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) d_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) v_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (JpRankingEntry));
  g_autoptr(GArray) adjustments = g_array_new (FALSE, TRUE, sizeof (JpRankingAdjustment));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) core_error = NULL;
  JpRankingParams params = { 0 };
  JpRanking *ranking;
  int rc;

  trades = jp_store_finalists (self, error);
  if (trades == NULL)
    return NULL;
  likes = jp_store_list_likes (self, error);
  if (likes == NULL)
    return NULL;
  for (guint i = 0; i < likes->len; i++)
    {
      JpLikesRow *row = g_ptr_array_index (likes, i);

      g_hash_table_insert (o_of, row->code, &row->o);
    }

  for (guint i = 0; i < trades->len; i++)
    {
      JpTradeFinalists *f = g_ptr_array_index (trades, i);
      const char *tname = f->trade_code != NULL ? f->trade_code : f->trade_name;
      gboolean closed = FALSE;
      gint64 session_id;

      if (f->pending_round != 0)
        {
          g_string_append_printf (problems, _("\n%s: the ballot is not finished (round %lld)"),
                                  tname, (long long) f->pending_round);
          continue;
        }
      if (f->finalists->len == 0)
        continue;
      session_id = defence_session_of (self, f->trade_id, &closed);
      if (session_id == 0)
        {
          g_string_append_printf (problems, _("\n%s: no defence session yet"), tname);
          continue;
        }
      if (!closed)
        {
          g_string_append_printf (problems, _("\n%s: defence session %lld is not closed"),
                                  tname, (long long) session_id);
          continue;
        }
      /* a candidate without a score has D 0, as the entries below take it */
      if (!jp_store_ranking_session_d (self, session_id, sheets, d_of, error))
        return NULL;
      if (!trade_votes (self, f->trade_id, v_of, error))
        return NULL;
    }
  if (problems->len > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The composite ranking needs every trade's ballot and closed defence "
                     "session:%s"), problems->str);
      return NULL;
    }

  for (guint i = 0; i < trades->len; i++)
    {
      JpTradeFinalists *f = g_ptr_array_index (trades, i);

      for (guint j = 0; j < f->finalists->len; j++)
        {
          JpRoundCandidate *c = g_ptr_array_index (f->finalists, j);
          JpRankingEntry e = { 0 };
          gint64 *v = g_hash_table_lookup (v_of, c->code);
          gint64 *o = g_hash_table_lookup (o_of, c->code);
          gint64 *d = g_hash_table_lookup (d_of, c->code);

          e.code = c->code;
          e.trade = f->trade_code;
          e.v = v != NULL ? *v : 0;
          e.o = o != NULL ? *o : 0;
          e.d = d != NULL ? *d : 0;
          g_array_append_val (entries, e);
        }
    }

  stmt = jp_store_prepare (self, "SELECT code, direction, reason FROM ranking_adjustment "
                                 "ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpRankingAdjustment a = { 0 };
      char *code = jp_store_column_dup (stmt, 0);
      char *reason = jp_store_column_dup (stmt, 2);

      g_ptr_array_add (keep, code);
      g_ptr_array_add (keep, reason);
      a.code = code;
      a.in = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "in") == 0;
      a.reason = reason;
      g_array_append_val (adjustments, a);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  if (extra != NULL)
    g_array_append_val (adjustments, *extra);

  settings = jp_store_get_settings (self);
  election = jp_store_get_election (self);
  if (!jp_ranking_weights_from_doubles (settings->weight_votes, settings->weight_online,
                                        settings->weight_defence, &params.weight_v,
                                        &params.weight_o, &params.weight_d, &core_error))
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
      return NULL;
    }
  params.quota = election != NULL ? election->quota : 20;
  params.caps = settings->trade_caps;
  ranking = jp_ranking_compute (&params, (JpRankingEntry *) entries->data, entries->len,
                                (JpRankingAdjustment *) adjustments->data, adjustments->len,
                                &core_error);
  if (ranking == NULL)
    jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
  return ranking;
}

/* One ranking reads each closed round's tally three times (the finalists, the finalists
 * behind the likes, V of the main round): count each once for this call, checked against
 * its digest as always, and forget the counts when it returns. */
static JpRanking *
compute (JpStore                   *self,
         const JpRankingAdjustment *extra,
         gboolean                   sheets,
         GError                   **error)
{
  JpRanking *ranking;

  jp_store_tally_memo_begin (self);
  ranking = compute_counted (self, extra, sheets, error);
  jp_store_tally_memo_end (self);
  return ranking;
}

JpRanking *
jp_store_compute_ranking (JpStore  *self,
                          GError  **error)
{
  g_autoptr(JpRanking) ranking = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One read transaction for the dozens of queries (a savepoint also nests in a caller's
   * transaction): one snapshot of the file, taken once. */
  if (!jp_store_exec (self, "SAVEPOINT jp_ranking", error))
    return NULL;
  ranking = compute (self, NULL, FALSE, error);
  if (ranking == NULL)
    {
      /* the failure is already in `error`; ending the read cannot make it worse */
      jp_store_exec (self, "RELEASE jp_ranking", NULL);
      return NULL;
    }
  if (!jp_store_exec (self, "RELEASE jp_ranking", error))
    return NULL;
  if (is_sealed (self, NULL, &digest, NULL) && g_strcmp0 (digest, ranking->digest) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The stages no longer give the ranking sealed with digest %s; the file %s "
                     "was altered. Use the archived copy."), digest, self->path);
      return NULL;
    }
  return g_steal_pointer (&ranking);
}

static JpRankedCandidate *
find_ranked (JpRanking  *ranking,
             const char *code)
{
  for (guint i = 0; i < ranking->candidates->len; i++)
    {
      JpRankedCandidate *c = g_ptr_array_index (ranking->candidates, i);

      if (g_ascii_strcasecmp (c->code, code) == 0)
        return c;
    }
  return NULL;
}

static gboolean
refuse_sealed (JpStore  *self,
               GError  **error)
{
  g_autofree char *digest = NULL;

  if (!is_sealed (self, NULL, &digest, NULL))
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
               _("The ranking is sealed (digest %s); it can no longer be changed."), digest);
  return FALSE;
}

gboolean
jp_store_rank_adjust (JpStore     *self,
                      const char  *code,
                      gboolean     in,
                      const char  *reason,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autoptr(GError) core_error = NULL;
  g_autofree char *why = NULL;
  JpRankingAdjustment adjustment = { 0 };
  JpRankedCandidate *c;
  gint64 candidate_id = 0;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*why == '\0')
    {
      if (in)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("Write the reason for moving %s into the recommended list; it is "
                       "printed on the ranking report."), code != NULL ? code : "");
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("Write the reason for moving %s out of the recommended list; it is "
                       "printed on the ranking report."), code != NULL ? code : "");
      return FALSE;
    }
  if (!jp_store_begin (self, error))
    return FALSE;
  if (!refuse_sealed (self, error))
    goto fail;
  ranking = compute (self, NULL, FALSE, error);
  if (ranking == NULL)
    goto fail;
  c = code != NULL ? find_ranked (ranking, code) : NULL;
  if (c == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("%s is not a finalist; check the code."), code != NULL ? code : "");
      goto fail;
    }
  if (c->adjustment != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   c->adjustment > 0
                   ? _("%s was already moved into the list (%s); an adjustment is kept as it "
                       "was.")
                   : _("%s was already moved out of the list (%s); an adjustment is kept as it "
                       "was."), c->code, c->adjustment_reason);
      goto fail;
    }
  adjustment.code = c->code;
  adjustment.in = in;
  adjustment.reason = why;
  if (!jp_ranking_adjustment_check (ranking, &adjustment, &core_error))
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
      goto fail;
    }
  stmt = jp_store_prepare (self, "SELECT id FROM candidate WHERE code = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, c->code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    candidate_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jp_store_prepare (self,
                           "INSERT INTO ranking_adjustment (candidate_id, code, direction, reason,"
                           " adjusted_by, adjusted_at) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  sqlite3_bind_text (stmt, 2, c->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, in ? "in" : "out", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "code");
  json_builder_add_string_value (payload, c->code);
  json_builder_set_member_name (payload, "direction");
  json_builder_add_string_value (payload, in ? "in" : "out");
  json_builder_set_member_name (payload, "reason");
  json_builder_add_string_value (payload, why);
  json_builder_set_member_name (payload, "rule");
  json_builder_add_string_value (payload, jp_rank_rule_to_key (c->rule));
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "ranking.adjust", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

JpRanking *
jp_store_rank_seal (JpStore     *self,
                    const char  *actor,
                    GError     **error)
{
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!jp_store_begin (self, error))
    return NULL;
  if (!refuse_sealed (self, error))
    goto fail;
  ranking = compute (self, NULL, FALSE, error);
  if (ranking == NULL)
    goto fail;
  text = jp_ranking_canonical_text (ranking);
  stmt = jp_store_prepare (self,
                           "INSERT INTO ranking_seal (id, canonical, digest, sealed_by, sealed_at) "
                           "VALUES (1, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ranking->digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "digest");
  json_builder_add_string_value (payload, ranking->digest);
  json_builder_set_member_name (payload, "recommended");
  json_builder_add_int_value (payload, ranking->n_recommended);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "ranking.seal", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  jp_store_stage_changed (self, "ranking-sealed");
  return g_steal_pointer (&ranking);

fail:
  jp_store_rollback (self);
  return NULL;
}

gboolean
jp_store_ranking_is_sealed (JpStore  *self,
                            char    **digest,
                            gint64   *sealed_at)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);

  return is_sealed (self, NULL, digest, sealed_at);
}

char *
jp_store_ranking_sealed_text (JpStore  *self,
                              GError  **error)
{
  char *text = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_sealed (self, &text, NULL, NULL))
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                           _("The ranking is not sealed yet."));
      return NULL;
    }
  return text;
}

JpRanking *
jp_store_ranking_recompute (JpStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  /* the audit's check: every closed session's D scored again from its sheets */
  return compute (self, NULL, TRUE, error);
}
