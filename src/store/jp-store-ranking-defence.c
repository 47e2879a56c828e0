/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-defence.h"
#include "jp-store-ranking-private.h"

/* D of a closed defence session for the ranking (docs/ranking.md, "The outcome text of a
 * defence session"). A closed session is immutable, and its close stored each candidate's
 * D (defence_result) with the digest of the outcome text (defence_outcome), which names the
 * session's own digest. The ranking reads those rows and checks the text they give against
 * the stored digest (about one line per candidate to hash) instead of loading and scoring
 * every sheet again; the audit's recomputation (jp_store_ranking_recompute) scores the
 * sheets and checks the rows against them. */

typedef struct {
  char   *code;
  int     order;
  gboolean has_score;
  gint64  d;
} Row;

static void
row_clear (gpointer data)
{
  Row *r = data;

  g_free (r->code);
}

/* The session's digest and the digest of its stored outcome (NULL when it was closed before
 * outcomes were stored). FALSE with `error` on a failed read. */
static gboolean
session_digests (JpStore  *self,
                 gint64    round_id,
                 char    **session,
                 char    **outcome,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT r.digest, o.digest FROM round r "
                           "LEFT JOIN defence_outcome o ON o.round_id = r.id WHERE r.id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *session = jp_store_column_dup (stmt, 0);
      *outcome = jp_store_column_dup (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
               _("There is no round %lld in this election; check the round number."),
               (long long) round_id);
  return FALSE;
}

static GArray *
stored_rows (JpStore  *self,
             gint64    round_id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  int rc;

  g_array_set_clear_func (rows, row_clear);
  stmt = jp_store_prepare (self, "SELECT code, position, d FROM defence_result "
                                 "WHERE round_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row r = { 0 };

      r.code = jp_store_column_dup (stmt, 0);
      r.order = sqlite3_column_int (stmt, 1);
      r.has_score = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      r.d = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (rows, r);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
altered (JpStore  *self,
         gint64    round_id,
         GError  **error)
{
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
               _("The stored scores of defence session %lld are not the ones recorded when it "
                 "closed; the file %s was altered. Use the archived copy."),
               (long long) round_id, self->path);
  return FALSE;
}

/* Whether the stored rows give the outcome digest recorded at the close. */
static gboolean
rows_give (GArray      *rows,
           gint64       round_id,
           const char  *session,
           const char  *outcome)
{
  g_autofree JpDefenceOutcome *outcomes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  outcomes = g_new0 (JpDefenceOutcome, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);

      outcomes[i].code = r->code;
      outcomes[i].order = r->order;
      outcomes[i].has_score = r->has_score;
      outcomes[i].d = r->d;
    }
  text = jp_defence_outcome_text (round_id, session, outcomes, rows->len);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strcmp0 (digest, outcome) == 0;
}

/* The stored rows of `round_id`, checked against the outcome digest recorded at the close;
 * NULL (error set) when they cannot be read or no longer give that digest. */
static GArray *
checked_rows (JpStore     *self,
              gint64       round_id,
              const char  *session,
              const char  *outcome,
              GError     **error)
{
  g_autoptr(GArray) rows = stored_rows (self, round_id, error);

  if (rows == NULL)
    return NULL;
  if (!rows_give (rows, round_id, session, outcome))
    {
      altered (self, round_id, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The stored rows, checked against the outcome digest recorded at the close. */
static gboolean
checked_outcome (JpStore     *self,
                 gint64       round_id,
                 const char  *session,
                 const char  *outcome,
                 GHashTable  *d_of,
                 GError     **error)
{
  g_autoptr(GArray) rows = checked_rows (self, round_id, session, outcome, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);

      if (r->has_score)
        g_hash_table_insert (d_of, g_steal_pointer (&r->code), g_memdup2 (&r->d, sizeof r->d));
    }
  return TRUE;
}

/* D scored from the sheets; with a stored outcome, its rows must say the same and give its
 * digest. */
static gboolean
from_sheets (JpStore     *self,
             gint64       round_id,
             const char  *session,
             const char  *outcome,
             GHashTable  *d_of,
             GError     **error)
{
  g_autoptr(GHashTable) d_values = jp_store_defence_d_values (self, round_id, error);
  GHashTableIter iter;
  gpointer code, d;

  if (d_values == NULL)
    return FALSE;
  if (outcome != NULL)
    {
      g_autoptr(GArray) rows = checked_rows (self, round_id, session, outcome, error);
      guint n_scored = 0;

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          Row *r = &g_array_index (rows, Row, i);
          gint64 *sheets_d = g_hash_table_lookup (d_values, r->code);

          if (!r->has_score)
            {
              if (sheets_d != NULL)
                return altered (self, round_id, error);
              continue;
            }
          if (sheets_d == NULL || *sheets_d != r->d)
            return altered (self, round_id, error);
          n_scored++;
        }
      if (n_scored != g_hash_table_size (d_values))
        return altered (self, round_id, error);
    }
  g_hash_table_iter_init (&iter, d_values);
  while (g_hash_table_iter_next (&iter, &code, &d))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (d_of, code, d);
    }
  return TRUE;
}

gboolean
jp_store_ranking_session_d (JpStore     *self,
                            gint64       round_id,
                            gboolean     sheets,
                            GHashTable  *d_of,
                            GError     **error)
{
  g_autofree char *session = NULL;
  g_autofree char *outcome = NULL;

  if (!session_digests (self, round_id, &session, &outcome, error))
    return FALSE;
  if (outcome != NULL && !sheets)
    return checked_outcome (self, round_id, session, outcome, d_of, error);
  if (outcome == NULL)
    {
      /* closed before outcomes were stored: its sheets, checked against its digest */
      g_autofree char *text = jp_store_defence_canonical_text (self, round_id, error);

      if (text == NULL)
        return FALSE;
    }
  return from_sheets (self, round_id, session, outcome, d_of, error);
}

gboolean
jp_store_defence_outcome_check (JpStore  *self,
                                gint64    round_id,
                                GError  **error)
{
  g_autoptr(GHashTable) d_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *session = NULL;
  g_autofree char *outcome = NULL;

  if (!session_digests (self, round_id, &session, &outcome, error))
    return FALSE;
  if (outcome == NULL)
    return TRUE;
  return from_sheets (self, round_id, session, outcome, d_of, error);
}
