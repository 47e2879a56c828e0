/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-likes.h"

/* Online likes: the import (rules in core/jp-likes.c), the chair's zeroing, and O. */

void
jp_likes_row_free (JpLikesRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->trade_code);
  g_free (row->zero_reason);
  g_free (row);
}

/* The finalists decided so far as JpLikesRow* (code, trade, candidate id), by code. */
static GPtrArray *
finalist_rows (JpStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) trades = jp_store_finalists (self, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (trades == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_likes_row_free);
  for (guint i = 0; i < trades->len; i++)
    {
      JpTradeFinalists *t = g_ptr_array_index (trades, i);

      for (guint j = 0; j < t->finalists->len; j++)
        {
          JpRoundCandidate *rc = g_ptr_array_index (t->finalists, j);
          JpLikesRow *row = g_new0 (JpLikesRow, 1);

          row->candidate_id = rc->candidate_id;
          row->code = g_strdup (rc->code);
          row->trade_code = g_strdup (t->trade_code);
          g_ptr_array_add (rows, row);
        }
    }
  return g_steal_pointer (&rows);
}

static JpLikesRow *
find_row (GPtrArray  *rows,
          const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      JpLikesRow *row = g_ptr_array_index (rows, i);

      if (g_ascii_strcasecmp (row->code, code) == 0)
        return row;
    }
  return NULL;
}

static gboolean
require_finalists (JpStore    *self,
                   GPtrArray  *rows,
                   GError    **error)
{
  if (rows->len > 0)
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
               _("“%s” has no finalists yet; online likes are imported for the finalists "
                 "after the committee ballot."), self->path);
  return FALSE;
}

JpLikesFile *
jp_store_import_likes (JpStore     *self,
                       const char  *data,
                       gsize        length,
                       const char  *source_name,
                       const char  *actor,
                       GPtrArray  **problems,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(JpLikesFile) file = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems != NULL)
    *problems = NULL;
  rows = finalist_rows (self, error);
  if (rows == NULL || !require_finalists (self, rows, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (codes, ((JpLikesRow *) rows->pdata[i])->code);
  g_ptr_array_add (codes, NULL);

  file = jp_likes_parse (data, length, source_name, (const char *const *) codes->pdata,
                         problems, &core_error);
  if (file == NULL)
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
      return NULL;
    }

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "file");
  json_builder_add_string_value (payload, source_name);
  json_builder_set_member_name (payload, "sha256");
  json_builder_add_string_value (payload, file->sha256);
  json_builder_set_member_name (payload, "encoding");
  json_builder_add_string_value (payload, file->encoding);
  json_builder_set_member_name (payload, "rows");
  json_builder_add_int_value (payload, file->entries->len);
  json_builder_set_member_name (payload, "likes");
  json_builder_begin_object (payload);
  for (guint i = 0; i < file->entries->len; i++)
    {
      JpLikesEntry *e = g_ptr_array_index (file->entries, i);

      json_builder_set_member_name (payload, e->code);
      json_builder_add_int_value (payload, e->likes);
    }
  json_builder_end_object (payload);
  json_builder_set_member_name (payload, "missing");
  json_builder_begin_array (payload);
  for (guint i = 0; file->missing[i] != NULL; i++)
    json_builder_add_string_value (payload, file->missing[i]);
  json_builder_end_array (payload);
  json_builder_end_object (payload);

  now = jp_store_now (self);
  if (!jp_store_begin (self, error))
    return NULL;
  if (!jp_store_exec (self, "DELETE FROM online_likes", error))
    goto fail;
  stmt = jp_store_prepare (self,
                           "INSERT INTO online_likes (candidate_id, code, likes, line, "
                           "  file_sha256, imported_by, imported_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < file->entries->len; i++)
    {
      JpLikesEntry *e = g_ptr_array_index (file->entries, i);
      JpLikesRow *row = find_row (rows, e->code);

      g_assert (row != NULL);   /* core accepted only finalists' codes */
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->candidate_id);
      sqlite3_bind_text (stmt, 2, row->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, e->likes);
      sqlite3_bind_int (stmt, 4, (int) e->line);
      sqlite3_bind_text (stmt, 5, file->sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, actor != NULL && *actor != '\0' ? actor : "system", -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, now);
      if (!jp_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!jp_store_audit (self, actor, "likes.import", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&file);

fail:
  jp_store_rollback (self);
  return NULL;
}

gboolean
jp_store_zero_likes (JpStore     *self,
                     const char  *code,
                     const char  *reason,
                     const char  *actor,
                     GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *why = NULL;
  JpLikesRow *row;
  gint64 likes = 0;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*why == '\0')
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Write the reason for zeroing the likes of %s (for example the "
                     "evidence of ballot stuffing)."), code);
      return FALSE;
    }
  rows = finalist_rows (self, error);
  if (rows == NULL)
    return FALSE;
  row = find_row (rows, code);
  if (row == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("%s is not a finalist in “%s”; see the finalists."), code, self->path);
      return FALSE;
    }

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self, "SELECT reason FROM online_likes_zeroed WHERE candidate_id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row->candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("The likes of %s are already zeroed (%s)."), row->code,
                   (const char *) sqlite3_column_text (stmt, 0));
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "SELECT likes FROM online_likes WHERE candidate_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row->candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    likes = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "INSERT INTO online_likes_zeroed (candidate_id, reason, zeroed_by, "
                           "  zeroed_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row->candidate_id);
  sqlite3_bind_text (stmt, 2, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "candidate_id");
  json_builder_add_int_value (payload, row->candidate_id);
  json_builder_set_member_name (payload, "code");
  json_builder_add_string_value (payload, row->code);
  json_builder_set_member_name (payload, "likes");
  json_builder_add_int_value (payload, likes);
  json_builder_set_member_name (payload, "reason");
  json_builder_add_string_value (payload, why);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "likes.zero", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 ((*(JpLikesRow *const *) a)->code, (*(JpLikesRow *const *) b)->code);
}

static JpLikesRow *
find_by_id (GPtrArray *rows,
            gint64     candidate_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((JpLikesRow *) rows->pdata[i])->candidate_id == candidate_id)
      return rows->pdata[i];
  return NULL;
}

GPtrArray *
jp_store_list_likes (JpStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree JpLikesCount *counts = NULL;
  g_autofree gint64 *o = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = finalist_rows (self, error);
  if (rows == NULL)
    return NULL;

  stmt = jp_store_prepare (self, "SELECT candidate_id, likes FROM online_likes", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpLikesRow *row = find_by_id (rows, sqlite3_column_int64 (stmt, 0));

      if (row == NULL)
        continue;   /* no longer a finalist (a later round decided otherwise) */
      row->imported = TRUE;
      row->likes = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "SELECT candidate_id, reason FROM online_likes_zeroed", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpLikesRow *row = find_by_id (rows, sqlite3_column_int64 (stmt, 0));

      if (row == NULL)
        continue;
      row->zeroed = TRUE;
      row->zero_reason = jp_store_column_dup (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  g_ptr_array_sort (rows, compare_rows);
  counts = g_new0 (JpLikesCount, MAX (rows->len, 1));
  o = g_new0 (gint64, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      JpLikesRow *row = rows->pdata[i];

      counts[i].code = row->code;
      counts[i].likes = row->likes;
      counts[i].zeroed = row->zeroed;
    }
  jp_likes_scores (counts, rows->len, o);
  for (guint i = 0; i < rows->len; i++)
    ((JpLikesRow *) rows->pdata[i])->o = o[i];
  return g_steal_pointer (&rows);
}
