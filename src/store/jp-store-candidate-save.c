/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"

/* Saving a candidate: finding the record it updates, writing it and its documents, and the
 * audit of the change. Reading is in jp-store-candidates.c. */

/* ---- saving ---- */

/* The row this save writes to: the candidate's own row when it has one, else the row with
 * the same ID number (without one: same name and unit); 0 for a new row. CONFLICT when the
 * candidate's own row and the ID number point at different people. */
static gboolean
find_target (JpStore      *self,
             JpCandidate  *candidate,
             gint64        unit_id,
             gint64       *target,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_id_number = candidate->id_number != NULL && *candidate->id_number != '\0';
  gint64 match = 0;
  gint64 own = 0;
  int rc;

  if (has_id_number)
    {
      stmt = jp_store_prepare (self, "SELECT id, name FROM candidate WHERE id_number = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, candidate->id_number, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = jp_store_prepare (self,
                               "SELECT id, name FROM candidate "
                               "WHERE id_number IS NULL AND name = ? AND unit_id IS ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, candidate->name, -1, SQLITE_TRANSIENT);
      if (unit_id != 0)
        sqlite3_bind_int64 (stmt, 2, unit_id);
      else
        sqlite3_bind_null (stmt, 2);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    match = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);

  if (candidate->id > 0)
    {
      g_autoptr(sqlite3_stmt) exists = jp_store_prepare (self,
                                                         "SELECT id FROM candidate WHERE id = ?",
                                                         error);
      if (exists == NULL)
        return FALSE;
      sqlite3_bind_int64 (exists, 1, candidate->id);
      rc = sqlite3_step (exists);
      if (rc == SQLITE_ROW)
        own = candidate->id;
      else if (rc != SQLITE_DONE)
        return jp_store_set_error (self, rc, error);
    }

  if (own != 0 && match != 0 && own != match)
    {
      if (has_id_number)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                     _("The ID number %s of %s is already used by another candidate (%s). "
                       "Check the ID number."),
                     candidate->id_number, candidate->name,
                     (const char *) sqlite3_column_text (stmt, 1));
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                     _("Another candidate named %s is already nominated by the same unit. "
                       "Check the name, or add the ID number."),
                     candidate->name);
      return FALSE;
    }

  *target = own != 0 ? own : match;
  return TRUE;
}

static void
bind_candidate (sqlite3_stmt *stmt,
                JpCandidate  *c,
                gint64        unit_id,
                gint64        trade_id,
                gint64        now)
{
  sqlite3_bind_text (stmt, 1, c->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, jp_sex_to_key (c->sex), -1, SQLITE_STATIC);
  jp_store_bind_text (stmt, 3, c->ethnicity);
  jp_store_bind_text (stmt, 4, c->birth);
  jp_store_bind_text (stmt, 5, c->political);
  jp_store_bind_text (stmt, 6, c->education);
  jp_store_bind_text (stmt, 7, c->work_start);
  jp_store_bind_text (stmt, 8, c->id_number);
  jp_store_bind_text (stmt, 9, c->employer);
  jp_store_bind_text (stmt, 10, c->position);
  jp_store_bind_text (stmt, 11, c->work_type);
  sqlite3_bind_int (stmt, 12, c->years_in_trade);
  jp_store_bind_text (stmt, 13, c->skill_level);
  jp_store_bind_text (stmt, 14, c->phone);
  sqlite3_bind_int (stmt, 15, (int) c->union_member);
  sqlite3_bind_int64 (stmt, 16, c->criteria);
  jp_store_bind_text (stmt, 17, c->honours);
  jp_store_bind_text (stmt, 18, c->summary);
  jp_store_bind_text (stmt, 19, c->deeds);
  jp_store_bind_text (stmt, 20, c->fill_date);
  if (unit_id != 0)
    sqlite3_bind_int64 (stmt, 21, unit_id);
  else
    sqlite3_bind_null (stmt, 21);
  sqlite3_bind_text (stmt, 22, jp_route_to_key (c->route), -1, SQLITE_STATIC);
  if (trade_id != 0)
    sqlite3_bind_int64 (stmt, 23, trade_id);
  else
    sqlite3_bind_null (stmt, 23);
  sqlite3_bind_text (stmt, 24, jp_status_to_key (c->status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 25, now);
}

static gboolean
write_candidate (JpStore      *self,
                 JpCandidate  *c,
                 gint64        target,
                 gint64        unit_id,
                 gint64        trade_id,
                 gint64       *id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (target == 0)
    stmt = jp_store_prepare (self,
                             "INSERT INTO candidate (name, sex, ethnicity, birth, political, "
                             "  education, work_start, id_number, employer, position, "
                             "  work_type, years_in_trade, skill_level, phone, union_member, "
                             "  criteria, honours, summary, deeds, fill_date, unit_id, route, "
                             "  trade_id, status, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                             "  ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25)",
                             error);
  else
    stmt = jp_store_prepare (self,
                             "UPDATE candidate SET name = ?1, sex = ?2, ethnicity = ?3, "
                             "  birth = ?4, political = ?5, education = ?6, work_start = ?7, "
                             "  id_number = ?8, employer = ?9, position = ?10, work_type = ?11, "
                             "  years_in_trade = ?12, skill_level = ?13, phone = ?14, "
                             "  union_member = ?15, criteria = ?16, honours = ?17, "
                             "  summary = ?18, deeds = ?19, fill_date = ?20, unit_id = ?21, "
                             "  route = ?22, trade_id = ?23, updated_at = ?25, "
                             /* A re-import must not undo the qualification review. */
                             "  status = CASE WHEN EXISTS (SELECT 1 FROM review r "
                             "    WHERE r.candidate_id = ?26 AND r.decision <> 'pending') "
                             "    THEN status ELSE ?24 END "
                             "WHERE id = ?26",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_candidate (stmt, c, unit_id, trade_id, jp_store_now (self));
  if (target != 0)
    sqlite3_bind_int64 (stmt, 26, target);
  if (!jp_store_step_done (self, stmt, error))
    return FALSE;
  *id = target != 0 ? target : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static char *
sha256_of (GBytes *data)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}

static gboolean
is_sha256 (const char *s)
{
  guint i;

  for (i = 0; s[i] != '\0'; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return i == 64;
}

static gboolean
write_documents (JpStore      *self,
                 gint64        id,
                 gboolean      replace,
                 GPtrArray    *documents,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) blob = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;

  if (replace)
    {
      g_autoptr(sqlite3_stmt) clear = NULL;

      clear = jp_store_prepare (self, "DELETE FROM candidate_document WHERE candidate_id = ?",
                                error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, id);
      if (!jp_store_step_done (self, clear, error))
        return FALSE;
    }

  blob = jp_store_prepare (self,
                           "INSERT OR IGNORE INTO document (sha256, mime, pages, bytes, data) "
                           "VALUES (?, ?, ?, ?, ?)",
                           error);
  link = jp_store_prepare (self,
                           "INSERT OR IGNORE INTO candidate_document (candidate_id, sha256, "
                           "  kind, criterion, filename, sort) VALUES (?, ?, ?, ?, ?, ?)",
                           error);
  if (blob == NULL || link == NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      JpDocumentData *d = g_ptr_array_index (documents, i);
      gsize size = 0;
      const void *bytes;

      if (d == NULL || d->ref == NULL || d->data == NULL)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                       _("The document “%s” has no content. Attach the file again."),
                       d != NULL && d->ref != NULL && d->ref->filename != NULL
                         ? d->ref->filename : "?");
          return FALSE;
        }
      if (d->ref->sha256 == NULL)
        d->ref->sha256 = sha256_of (d->data);
      else if (!is_sha256 (d->ref->sha256))
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                       _("The document “%s” has a malformed SHA-256 “%s”. Attach the file "
                         "again."),
                       d->ref->filename != NULL ? d->ref->filename : "?", d->ref->sha256);
          return FALSE;
        }
      else
        {
          char *lower = g_ascii_strdown (d->ref->sha256, -1);

          g_free (d->ref->sha256);
          d->ref->sha256 = lower;
        }
      bytes = g_bytes_get_data (d->data, &size);
      d->ref->bytes = (gint64) size;

      sqlite3_reset (blob);
      sqlite3_bind_text (blob, 1, d->ref->sha256, -1, SQLITE_STATIC);
      jp_store_bind_text (blob, 2, d->ref->mime);
      sqlite3_bind_int (blob, 3, d->ref->pages);
      sqlite3_bind_int64 (blob, 4, (gint64) size);
      /* A zero-length blob must still be a blob, not NULL: data is NOT NULL. */
      if (size == 0)
        sqlite3_bind_zeroblob (blob, 5, 0);
      else
        sqlite3_bind_blob64 (blob, 5, bytes, size, SQLITE_STATIC);
      if (!jp_store_step_done (self, blob, error))
        return FALSE;

      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_text (link, 2, d->ref->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (link, 3, jp_doc_kind_to_key (d->ref->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int (link, 4, d->ref->criterion);
      jp_store_bind_text (link, 5, d->ref->filename);
      sqlite3_bind_int (link, 6, (int) i);
      if (!jp_store_step_done (self, link, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
audit_save (JpStore      *self,
            JpCandidate  *c,
            gint64        id,
            gboolean      added,
            const char   *actor,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT count (*) FROM candidate_document WHERE candidate_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, c->name);
  json_builder_set_member_name (payload, "id_number");
  if (c->id_number != NULL && *c->id_number != '\0')
    json_builder_add_string_value (payload, c->id_number);
  else
    json_builder_add_null_value (payload);
  json_builder_set_member_name (payload, "documents");
  json_builder_add_int_value (payload, sqlite3_column_int (stmt, 0));
  json_builder_end_object (payload);

  return jp_store_audit (self, actor, added ? "candidate.add" : "candidate.update", payload,
                         error);
}

/**
 * jp_store_save_candidate:
 *
 * See the header. Also fills in the sha256 (when NULL) and bytes of each document's ref,
 * and on success, when `documents` is given, replaces candidate->documents with copies of
 * their refs and recounts.
 */
gboolean
jp_store_save_candidate (JpStore        *self,
                         JpCandidate    *candidate,
                         GPtrArray      *documents,
                         const char     *actor,
                         JpSaveOutcome  *outcome,
                         GError        **error)
{
  gint64 unit_id = 0;
  gint64 trade_id = 0;
  gint64 target = 0;
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (candidate->name == NULL || *candidate->name == '\0')
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("A candidate without a name cannot be saved. Fill in the name."));
      return FALSE;
    }

  /* Hash outside the write lock: a large PDF takes a moment, and the other connection
   * (an import worker, the UI) should not wait for it. */
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      JpDocumentData *d = g_ptr_array_index (documents, i);

      if (d != NULL && d->ref != NULL && d->ref->sha256 == NULL && d->data != NULL)
        d->ref->sha256 = sha256_of (d->data);
    }

  if (!jp_store_begin (self, error))
    return FALSE;

  if (!jp_store_ensure_unit (self, candidate->unit, actor, &unit_id, error) ||
      !jp_store_ensure_trade (self, candidate->trade_code, candidate->trade, actor, &trade_id,
                              error) ||
      !find_target (self, candidate, unit_id, &target, error) ||
      !write_candidate (self, candidate, target, unit_id, trade_id, &id, error) ||
      (documents != NULL && !write_documents (self, id, target != 0, documents, error)) ||
      !audit_save (self, candidate, id, target == 0, actor, error) ||
      !jp_store_commit (self, error))
    {
      jp_store_rollback (self);
      return FALSE;
    }

  candidate->id = id;
  if (outcome != NULL)
    *outcome = target == 0 ? JP_SAVE_ADDED : JP_SAVE_UPDATED;

  if (documents != NULL)
    {
      g_autoptr(GPtrArray) refs = NULL;

      refs = g_ptr_array_new_full (documents->len, (GDestroyNotify) jp_document_ref_free);
      for (guint i = 0; i < documents->len; i++)
        {
          JpDocumentData *d = g_ptr_array_index (documents, i);

          g_ptr_array_add (refs, jp_document_ref_copy (d->ref));
        }
      g_clear_pointer (&candidate->documents, g_ptr_array_unref);
      candidate->documents = g_steal_pointer (&refs);
      jp_candidate_update_counts (candidate);
    }
  return TRUE;
}
