/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-defence-private.h"
#include "jp-store-ranking-private.h"
#include "jp-store-rounds-private.h"

/* Defence sessions: the canonical text and its digest, close and seal. */

/* ---- canonical text, close and seal ---- */

static char *
results_text (Loaded           *l,
              JpDefenceResults *r,
              GError          **error)
{
  g_autofree JpDefenceCandidateResult *cands = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) core_error = NULL;
  char *text;

  cands = g_new0 (JpDefenceCandidateResult, MAX (r->candidates->len, 1));
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpDefenceCandidateResults *cr = g_ptr_array_index (r->candidates, i);
      JpDefenceSheetScores *sheets = g_new0 (JpDefenceSheetScores, MAX (cr->sheets->len, 1));

      g_ptr_array_add (keep, sheets);
      for (guint j = 0; j < cr->sheets->len; j++)
        {
          JpDefenceSheet *s = g_ptr_array_index (cr->sheets, j);

          sheets[j].member = s->member;
          sheets[j].halves = s->halves;
          sheets[j].revised = s->revised;
        }
      cands[i].code = cr->code;
      cands[i].order = cr->order;
      cands[i].score = cr->score;
      cands[i].sheets = sheets;
      cands[i].n_sheets = cr->sheets->len;
    }
  text = jp_defence_canonical_text (l->round->id, l->session->trade_code, l->session->rubric,
                                    cands, r->candidates->len, &core_error);
  if (text == NULL)
    jp_store_take_core_error (error, JP_STORE_ERROR_FAILED, g_steal_pointer (&core_error));
  return text;
}

static char *
canonical_text (Loaded  *l,
                GError **error)
{
  g_autoptr(JpDefenceResults) r = jp_store_defence_compute_results (l, error);

  if (r == NULL)
    return NULL;
  return results_text (l, r, error);
}

/* Each candidate's D and the digest of the outcome text (jp_defence_outcome_text), in the
 * close's transaction, while the round is still open (the triggers refuse it afterwards):
 * what the ranking reads instead of scoring every sheet again. Returns the outcome digest. */
static char *
store_outcome (JpStore          *self,
               JpDefenceResults *r,
               const char       *session_digest,
               GError          **error)
{
  g_autofree JpDefenceOutcome *outcomes = g_new0 (JpDefenceOutcome, MAX (r->candidates->len, 1));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_result (round_id, candidate_id, code, position, "
                           " d) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpDefenceCandidateResults *cr = g_ptr_array_index (r->candidates, i);
      gboolean has_score = cr->score != NULL && cr->score->has_score;

      outcomes[i].code = cr->code;
      outcomes[i].order = cr->order;
      outcomes[i].has_score = has_score;
      outcomes[i].d = has_score ? cr->score->d : 0;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, r->round_id);
      sqlite3_bind_int64 (stmt, 2, cr->candidate_id);
      sqlite3_bind_text (stmt, 3, cr->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, cr->order);
      if (has_score)
        sqlite3_bind_int64 (stmt, 5, cr->score->d);
      else
        sqlite3_bind_null (stmt, 5);
      if (!jp_store_step_done (self, stmt, error))
        return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  text = jp_defence_outcome_text (r->round_id, session_digest, outcomes, r->candidates->len);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  stmt = jp_store_prepare (self, "INSERT INTO defence_outcome (round_id, digest) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, r->round_id);
  sqlite3_bind_text (stmt, 2, digest, -1, SQLITE_TRANSIENT);
  if (!jp_store_step_done (self, stmt, error))
    return NULL;
  return g_steal_pointer (&digest);
}

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

gboolean
jp_store_defence_close (JpStore     *self,
                        gint64       round_id,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(JpDefenceResults) results = NULL;
  gint64 now;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    goto fail;
  if (l->round->state != JP_ROUND_STATE_OPEN)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Defence session %lld is already %s."), (long long) round_id,
                   jp_round_state_to_key (l->round->state));
      goto fail;
    }
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);

      if (c->pending != NULL && c->pending[0] != NULL)
        {
          g_autofree char *who = g_strjoinv (", ", c->pending);

          g_string_append_printf (missing, _("\n%s: %u of %u sheets submitted; missing: %s"),
                                  c->code, c->n_submitted, c->n_expected, who);
        }
    }
  if (missing->len > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Defence session %lld cannot be closed: not every sheet is in.%s\n"
                     "Wait for the sheets, or record the absence of a member who left, with "
                     "the reason."), (long long) round_id, missing->str);
      goto fail;
    }
  diffs = jp_store_defence_paper_compare (self, l, error);
  if (diffs == NULL)
    goto fail;
  if (diffs->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < diffs->len; i++)
        g_string_append_printf (list, "\n%s", (const char *) diffs->pdata[i]);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Defence session %lld cannot be closed: the two entries of the paper "
                     "sheets differ; resolve them first:%s"), (long long) round_id, list->str);
      goto fail;
    }

  /* the agreed paper sheets become sheets */
  now = jp_store_now (self);
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_sheet (round_id, candidate_id, member_id, scores,"
                           " total_halves, state, source, reopened, updated_at, submitted_at) "
                           "SELECT p1.round_id, p1.candidate_id, p1.member_id, p1.scores, "
                           "  p1.total_halves, 'submitted', 'paper', 0, ?2, ?2 "
                           "FROM defence_paper_entry p1 JOIN defence_paper_entry p2 "
                           "  ON p2.round_id = p1.round_id AND p2.pass = 2 "
                           "  AND p2.member_id = p1.member_id AND p2.candidate_id = p1.candidate_id "
                           "WHERE p1.round_id = ?1 AND p1.pass = 1 AND true "
                           "ON CONFLICT (round_id, candidate_id, member_id) DO UPDATE SET "
                           "  scores = excluded.scores, total_halves = excluded.total_halves, "
                           "  state = 'submitted', source = 'paper', reopened = 0, "
                           "  updated_at = excluded.updated_at, "
                           "  submitted_at = excluded.submitted_at",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* the text is computed from what the file now holds, as the seal will recompute it */
  g_clear_pointer (&l, jp_store_defence_loaded_free);
  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    goto fail;
  l->round->state = JP_ROUND_STATE_CLOSED;
  results = jp_store_defence_compute_results (l, error);
  if (results == NULL)
    goto fail;
  text = results_text (l, results, error);
  if (text == NULL)
    goto fail;
  digest = sha256_hex (text);
  outcome = store_outcome (self, results, digest, error);
  if (outcome == NULL)
    goto fail;
  stmt = jp_store_prepare (self,
                           "UPDATE round SET state = 'closed', closed_at = ?, result = ?, "
                           "digest = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, round_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  jp_store_defence_add_int (payload, "round", round_id);
  jp_store_defence_add_str (payload, "trade", l->session->trade_code);
  jp_store_defence_add_str (payload, "digest", digest);
  jp_store_defence_add_str (payload, "outcome", outcome);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.close", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  jp_store_stage_changed (self, "defence-closed");
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* Recomputes a closed session's canonical text and checks it against the stored one. */
static char *
checked_text (JpStore  *self,
              Loaded   *l,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  if (l->round->state != JP_ROUND_STATE_CLOSED && l->round->state != JP_ROUND_STATE_SEALED)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Defence session %lld is not closed yet."), (long long) l->round->id);
      return NULL;
    }
  stmt = jp_store_prepare (self, "SELECT result FROM round WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = jp_store_column_dup (stmt, 0);
  text = canonical_text (l, error);
  if (text == NULL)
    return NULL;
  digest = sha256_hex (text);
  if (g_strcmp0 (stored, text) != 0 || g_strcmp0 (digest, l->round->digest) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The sheets of defence session %lld no longer give the result recorded "
                     "when it closed (digest %s); the file %s was altered. Use the archived "
                     "copy."), (long long) l->round->id,
                   l->round->digest != NULL ? l->round->digest : "-", self->path);
      return NULL;
    }
  return g_steal_pointer (&text);
}

gboolean
jp_store_defence_seal (JpStore     *self,
                       gint64       round_id,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    goto fail;
  if (l->round->state != JP_ROUND_STATE_CLOSED)
    {
      if (l->round->state == JP_ROUND_STATE_SEALED)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                     _("Defence session %lld is already sealed."), (long long) round_id);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("Defence session %lld is not closed yet; close it before sealing."),
                     (long long) round_id);
      goto fail;
    }
  text = checked_text (self, l, error);
  if (text == NULL)
    goto fail;
  if (!jp_store_round_seal_commit (self, round_id, l->round->digest, actor, error))
    goto fail;
  jp_store_stage_changed (self, "defence-sealed");
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

char *
jp_store_defence_canonical_text (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error)
{
  g_autoptr(Loaded) l = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return checked_text (self, l, error);
}

char *
jp_store_defence_recompute_text (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  text = canonical_text (l, error);
  if (text == NULL)
    return NULL;
  /* sheets that give the session's digest must also give the outcome the ranking reads
   * (otherwise the caller reports the digest that differs) */
  digest = sha256_hex (text);
  if (g_strcmp0 (digest, l->round->digest) == 0
      && !jp_store_defence_outcome_check (self, round_id, error))
    return NULL;
  return g_steal_pointer (&text);
}
