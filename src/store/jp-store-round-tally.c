/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-rounds.h"
#include "jp-store-rounds-private.h"
#include "jp-store-defence.h"

/* The tally of a round, closing and sealing it, its published result, run-offs and the
 * finalists summed across rounds. Rounds are made and opened in jp-store-rounds.c. */

/* ---- the tally ---- */

static void
tally_ballot_free (JpTallyBallot *b)
{
  g_free (b->marks);   /* one block: split_marks */
  g_free (b);
}

/* The marks of a stored ballot split at each space, exactly as g_strsplit (marks, " ", -1)
 * splits them, but in one block (the vector, then the strings) freed with one g_free:
 * a recount splits every ballot of every closed round. */
static char **
split_marks (const char *marks)
{
  size_t len = strlen (marks);
  guint n = 0, i = 0;
  char **v;
  char *buf;

  if (len > 0)
    {
      n = 1;
      for (const char *p = marks; *p != '\0'; p++)
        if (*p == ' ')
          n++;
    }
  v = g_malloc ((n + 1) * sizeof (char *) + len + 1);
  buf = (char *) (v + n + 1);
  memcpy (buf, marks, len + 1);
  if (n > 0)
    {
      v[i++] = buf;
      for (char *p = buf; *p != '\0'; p++)
        if (*p == ' ')
          {
            *p = '\0';
            v[i++] = p + 1;
          }
    }
  v[n] = NULL;
  return v;
}

/* Computes the tally of a round from its stored ballots. */
JpTally *
jp_store_compute_tally (JpStore  *self,
                        JpRound  *round,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) ballots = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  tally_ballot_free);
  JpTallyInput input = { 0 };
  int rc;

  for (guint i = 0; i < round->candidates->len; i++)
    g_ptr_array_add (codes, ((JpRoundCandidate *) g_ptr_array_index (round->candidates, i))->code);
  stmt = jp_store_prepare (self,
                           "SELECT marks, invalid, serial FROM ballot WHERE round_id = ? "
                           "ORDER BY serial",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpTallyBallot *b = g_new0 (JpTallyBallot, 1);
      const char *marks = (const char *) sqlite3_column_text (stmt, 0);

      b->marks = split_marks (marks != NULL ? marks : "");
      if (b->marks[0] != NULL && b->marks[0][0] == '\0')
        g_clear_pointer (&b->marks, g_free);
      b->invalid = sqlite3_column_int (stmt, 1) != 0;
      b->serial = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (ballots, b);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  input.seats = round->seats;
  input.max_choices = round->max_choices;
  input.present = round->present;
  input.majority_threshold = round->majority_threshold;
  input.codes = codes;
  input.ballots = ballots;
  return jp_tally_compute (&input, round->id, round->trade_code);
}

JpTally *
jp_store_recount_round (JpStore  *self,
                        JpRound  *round,
                        GError  **error)
{
  JpTally *tally = jp_store_compute_tally (self, round, error);

  /* a round sealed before the digest covered the ballots keeps the recipe it was sealed
   * with (docs/result-digest.md, version 1) */
  if (tally != NULL && round->digest_version == 1)
    {
      g_free (tally->digest);
      tally->digest = jp_tally_digest (tally);
      tally->digest_version = 1;
    }
  return tally;
}

/* After a close: the -wal file, which held the round's history commit by commit, is emptied
 * and cut to zero bytes, waiting (the busy timeout) for readers of an older state. The close
 * itself is done; when the WAL cannot be emptied now, the next ballot commit or the closing
 * of the file does it. */
static void
close_wal (JpStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->in_batch)
    {
      self->wal_has_ballots = TRUE;
      return;
    }
  if (jp_store_truncate_wal (self, TRUE, &error))
    self->wal_has_ballots = FALSE;
  else
    {
      self->wal_has_ballots = TRUE;
      g_warning ("%s: the journal of the closed round could not be emptied yet: %s",
                 self->path, error->message);
    }
}

/* Defence sessions are rounds too; closing and sealing them is jp-store-defence.c's. */
static gboolean
is_defence_round (JpStore   *self,
                  gint64     round_id,
                  gboolean  *defence,
                  GError   **error)
{
  int n = 0;

  if (!jp_store_round_count (self, "SELECT count (*) FROM round WHERE id = ? AND kind = 'defence'",
                             round_id, &n, error))
    return FALSE;
  *defence = n > 0;
  return TRUE;
}

gboolean
jp_store_close_round (JpStore     *self,
                      gint64       round_id,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  gboolean defence = FALSE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_defence_round (self, round_id, &defence, error))
    return FALSE;
  if (defence)
    return jp_store_defence_close (self, round_id, actor, error);
  if (!jp_store_begin (self, error))
    return FALSE;
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !jp_store_check_round_transition (round, JP_ROUND_STATE_CLOSED, error))
    goto fail;
  if (!jp_store_paper_to_ballots (self, round, error))
    goto fail;
  /* Every ballot and roster row of the file is written again into emptied tables, in key
   * order; the old cells are zeroed (docs/ballot-secrecy.md). */
  if (!jp_store_ballots_lay_out (self, 0, error))
    goto fail;
  tally = jp_store_compute_tally (self, round, error);
  if (tally == NULL)
    goto fail;
  {
    g_autoptr(GError) core_error = NULL;

    if (!jp_round_may_close (tally->cast, &core_error))
      {
        jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
        goto fail;
      }
  }
  json = jp_tally_canonical_json (tally);
  stmt = jp_store_prepare (self,
                           "UPDATE round SET state = 'closed', closed_at = ?, result = ?, "
                           "digest = ?, digest_version = 2 WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, jp_store_now (self));
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, tally->digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, round_id);
  if (!jp_store_step_done (self, stmt, error)
      || !jp_store_round_audit (self, actor, "round.close", round_id, tally->digest, error)
      || !jp_store_commit (self, error))
    goto fail;
  close_wal (self);
  jp_store_stage_changed (self, "round-closed");
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

gboolean
jp_store_round_seal_commit (JpStore     *self,
                            gint64       round_id,
                            const char  *digest,
                            const char  *actor,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self, "UPDATE round SET state = 'sealed', sealed_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, jp_store_now (self));
  sqlite3_bind_int64 (stmt, 2, round_id);
  return jp_store_step_done (self, stmt, error)
         && jp_store_round_audit (self, actor, "round.seal", round_id, digest, error)
         && jp_store_commit (self, error);
}

gboolean
jp_store_seal_round (JpStore     *self,
                     gint64       round_id,
                     const char  *actor,
                     GError     **error)
{
  g_autoptr(JpRound) round = NULL;
  gboolean defence = FALSE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_defence_round (self, round_id, &defence, error))
    return FALSE;
  if (defence)
    return jp_store_defence_seal (self, round_id, actor, error);
  if (!jp_store_begin (self, error))
    return FALSE;
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !jp_store_check_round_transition (round, JP_ROUND_STATE_SEALED, error))
    goto fail;
  if (!jp_store_round_seal_commit (self, round_id, round->digest, actor, error))
    goto fail;
  jp_store_stage_changed (self, "round-sealed");
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

static gboolean
check_closed (JpRound  *round,
              GError  **error)
{
  if (round->state == JP_ROUND_STATE_CLOSED || round->state == JP_ROUND_STATE_SEALED)
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
               _("Round %lld is not closed yet: no tally is shown before the chair closes the "
                 "round."),
               (long long) round->id);
  return FALSE;
}

void
jp_store_tally_memo_begin (JpStore *self)
{
  if (self->tally_memo_depth++ == 0)
    self->tally_memo = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) jp_tally_free);
}

void
jp_store_tally_memo_end (JpStore *self)
{
  g_return_if_fail (self->tally_memo_depth > 0);
  if (--self->tally_memo_depth == 0)
    {
      g_clear_pointer (&self->tally_memo, g_hash_table_unref);
      g_clear_pointer (&self->rounds_memo, g_ptr_array_unref);
      g_clear_pointer (&self->finalists_memo, g_ptr_array_unref);
    }
}

GPtrArray *
jp_store_memo_rounds (JpStore  *self,
                      GError  **error)
{
  GPtrArray *rounds;

  if (self->tally_memo != NULL && self->rounds_memo != NULL)
    return g_ptr_array_ref (self->rounds_memo);
  rounds = jp_store_list_rounds (self, NULL, error);
  if (rounds != NULL && self->tally_memo != NULL)
    self->rounds_memo = g_ptr_array_ref (rounds);
  return rounds;
}

/* A tally counted and checked earlier in the same memo, if the round still has the digest
 * it was checked against (one query instead of loading the round again). */
static JpTally *
memo_tally (JpStore *self,
            gint64   round_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JpTally *kept;

  if (self->tally_memo == NULL)
    return NULL;
  kept = g_hash_table_lookup (self->tally_memo, &round_id);
  if (kept == NULL)
    return NULL;
  stmt = jp_store_prepare (self, "SELECT digest FROM round WHERE id = ? AND kind = 'ballot' "
                                 "AND state IN ('closed', 'sealed')", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), kept->digest) != 0)
    return NULL;
  return jp_tally_copy (kept);
}

JpTally *
jp_store_get_tally (JpStore  *self,
                    gint64    round_id,
                    GError  **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* counted and checked against this very digest earlier in the same computation (a
   * failed look-up falls through to the full path, which says why) */
  tally = memo_tally (self, round_id);
  if (tally != NULL)
    return g_steal_pointer (&tally);
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !check_closed (round, error))
    return NULL;
  if (round->kind != JP_ROUND_KIND_BALLOT)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Round %lld is a defence session: it has sheets, not ballots; see its "
                     "results instead of a tally."), (long long) round_id);
      return NULL;
    }
  tally = jp_store_recount_round (self, round, error);
  if (tally == NULL)
    return NULL;
  if (g_strcmp0 (tally->digest, round->digest) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The ballots of round %lld no longer give the result recorded when it "
                     "closed (digest %s); the file %s was altered. Use the archived copy."),
                   (long long) round_id, round->digest != NULL ? round->digest : "-",
                   self->path);
      return NULL;
    }
  if (self->tally_memo != NULL)
    g_hash_table_insert (self->tally_memo, g_memdup2 (&round_id, sizeof round_id),
                         jp_tally_copy (tally));
  return g_steal_pointer (&tally);
}

char *
jp_store_get_round_result_json (JpStore  *self,
                                gint64    round_id,
                                GError  **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *recomputed = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !check_closed (round, error))
    return NULL;
  stmt = jp_store_prepare (self, "SELECT result FROM round WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("Round %lld has no stored result."), (long long) round_id);
      return NULL;
    }
  stored = jp_store_column_dup (stmt, 0);
  /* what is sent must be what the digest is over: the ballots recounted give the stored
   * digest (jp_store_get_tally) and exactly the stored text */
  tally = jp_store_get_tally (self, round_id, error);
  if (tally == NULL)
    return NULL;
  recomputed = jp_tally_canonical_json (tally);
  if (g_strcmp0 (stored, recomputed) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The stored result of round %lld does not match its digest %s: the file "
                     "%s was altered. Nothing was sent; use the archived copy."),
                   (long long) round_id, round->digest != NULL ? round->digest : "-",
                   self->path);
      return NULL;
    }
  return g_steal_pointer (&stored);
}

/* ---- run-offs ---- */

gint64
jp_store_create_runoff (JpStore     *self,
                        gint64       round_id,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GPtrArray) group = NULL;
  int seats, max_choices;
  int n_runoffs;
  gint64 id;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!jp_store_begin (self, error))
    return 0;
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !check_closed (round, error))
    goto fail;
  tally = jp_store_compute_tally (self, round, error);
  if (tally == NULL)
    goto fail;
  if (!jp_store_round_count (self, "SELECT count (*) FROM round WHERE parent_round_id = ?", round_id,
                             &n_runoffs, error))
    goto fail;
  if (n_runoffs > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("Round %lld already has its run-off; see the list of rounds."),
                   (long long) round_id);
      goto fail;
    }

  {
    g_autoptr(GError) core_error = NULL;

    if (!jp_round_runoff_plan (round, tally, &group, &seats, &max_choices, &core_error))
      {
        jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
        goto fail;
      }
  }
  id = jp_store_insert_round (self, round->trade_id, round->trade_code, round->id, group, seats,
                              max_choices, round->present, round->majority_threshold, TRUE, NULL, actor,
                              error);
  if (id == 0 || !jp_store_commit (self, error))
    goto fail;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

/* ---- finalists ---- */

GPtrArray *
jp_store_finalists (JpStore  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) tallies = NULL;
  GPtrArray *finalists;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* inside a memo (one ranking), the finalists are computed once; callers only read them */
  if (self->tally_memo != NULL && self->finalists_memo != NULL)
    return g_ptr_array_ref (self->finalists_memo);
  rounds = jp_store_memo_rounds (self, error);
  if (rounds == NULL)
    return NULL;
  /* the checked tally of every closed ballot round: a file altered since its close fails
   * here rather than counting wrong finalists */
  tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_tally_free);
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = g_ptr_array_index (rounds, i);
      JpTally *tally = NULL;

      if (r->kind == JP_ROUND_KIND_BALLOT
          && (r->state == JP_ROUND_STATE_CLOSED || r->state == JP_ROUND_STATE_SEALED))
        {
          tally = jp_store_get_tally (self, r->id, error);
          if (tally == NULL)
            return NULL;
        }
      g_ptr_array_add (tallies, tally);
    }
  finalists = jp_finalists_compute (rounds, tallies);
  if (self->tally_memo != NULL)
    self->finalists_memo = g_ptr_array_ref (finalists);
  return finalists;
}
