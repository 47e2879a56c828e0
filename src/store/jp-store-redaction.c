/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-console.h"

/* The chair's hand-drawn redaction boxes: what poppler cannot find in a scan. */

void
jp_redaction_box_free (JpRedactionBox *box)
{
  if (box == NULL)
    return;
  g_free (box->sha256);
  g_free (box->created_by);
  g_free (box);
}

static void
add_box_payload (JsonBuilder *payload,
                 gint64       id,
                 const char  *sha256,
                 int          page,
                 double       x,
                 double       y,
                 double       width,
                 double       height)
{
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "sha256");
  json_builder_add_string_value (payload, sha256);
  json_builder_set_member_name (payload, "page");
  json_builder_add_int_value (payload, page);
  json_builder_set_member_name (payload, "x");
  json_builder_add_double_value (payload, x);
  json_builder_set_member_name (payload, "y");
  json_builder_add_double_value (payload, y);
  json_builder_set_member_name (payload, "width");
  json_builder_add_double_value (payload, width);
  json_builder_set_member_name (payload, "height");
  json_builder_add_double_value (payload, height);
  json_builder_end_object (payload);
}

/**
 * jp_store_add_redaction_box:
 *
 * Checks the document and the page inside the write transaction, so a box never names a
 * page the document does not have.
 */
gint64
jp_store_add_redaction_box (JpStore     *self,
                            const char  *sha256,
                            int          page,
                            double       x,
                            double       y,
                            double       width,
                            double       height,
                            const char  *actor,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *lower = NULL;
  gint64 id;
  int pages;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (sha256 != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!isfinite (x) || !isfinite (y) || !isfinite (width) || !isfinite (height)
      || x < 0 || y < 0 || width <= 0 || height <= 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The redaction box on page %d is not on the page or has no size. Draw "
                     "it again inside the page."), page + 1);
      return 0;
    }
  lower = g_ascii_strdown (sha256, -1);
  if (!jp_store_begin (self, error))
    return 0;
  stmt = jp_store_prepare (self, "SELECT pages FROM document WHERE sha256 = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no document %s in “%s”. Reload the candidate's dossier."),
                   lower, self->path);
      goto fail;
    }
  pages = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (page < 0 || (pages > 0 && page >= pages))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Page %d does not exist: the document has %d pages."), page + 1, pages);
      goto fail;
    }

  stmt = jp_store_prepare (self,
                           "INSERT INTO redaction_box (sha256, page, x, y, width, height, "
                           "  created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, page);
  sqlite3_bind_double (stmt, 3, x);
  sqlite3_bind_double (stmt, 4, y);
  sqlite3_bind_double (stmt, 5, width);
  sqlite3_bind_double (stmt, 6, height);
  sqlite3_bind_text (stmt, 7, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);
  add_box_payload (payload, id, lower, page, x, y, width, height);
  if (!jp_store_audit (self, actor, "redaction.add", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

GPtrArray *
jp_store_list_redaction_boxes (JpStore     *self,
                               const char  *sha256,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = jp_store_prepare (self,
                           "SELECT id, sha256, page, x, y, width, height, created_by, "
                           "  created_at FROM redaction_box WHERE sha256 = lower (?) "
                           "ORDER BY page, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_redaction_box_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpRedactionBox *box = g_new0 (JpRedactionBox, 1);

      box->id = sqlite3_column_int64 (stmt, 0);
      box->sha256 = jp_store_column_dup (stmt, 1);
      box->page = sqlite3_column_int (stmt, 2);
      box->x = sqlite3_column_double (stmt, 3);
      box->y = sqlite3_column_double (stmt, 4);
      box->width = sqlite3_column_double (stmt, 5);
      box->height = sqlite3_column_double (stmt, 6);
      box->created_by = jp_store_column_dup (stmt, 7);
      box->created_at = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (out, box);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
jp_store_remove_redaction_box (JpStore     *self,
                               gint64       id,
                               const char  *actor,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *sha256 = NULL;
  int page;
  double x, y, width, height;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self,
                           "SELECT sha256, page, x, y, width, height FROM redaction_box "
                           "WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("That redaction box is no longer in “%s”: it was removed already. "
                     "Reopen the document to see its boxes."), self->path);
      goto fail;
    }
  sha256 = jp_store_column_dup (stmt, 0);
  page = sqlite3_column_int (stmt, 1);
  x = sqlite3_column_double (stmt, 2);
  y = sqlite3_column_double (stmt, 3);
  width = sqlite3_column_double (stmt, 4);
  height = sqlite3_column_double (stmt, 5);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "DELETE FROM redaction_box WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  add_box_payload (payload, id, sha256, page, x, y, width, height);
  if (!jp_store_step_done (self, stmt, error)
      || !jp_store_audit (self, actor, "redaction.remove", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

gint64
jp_store_document_candidate (JpStore    *self,
                             const char *sha256)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (sha256 != NULL, 0);

  stmt = jp_store_prepare (self,
                           "SELECT min (candidate_id) FROM candidate_document "
                           "WHERE sha256 = lower (?)",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}
