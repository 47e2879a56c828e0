/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-store-console.h"
#include "jp-store-audit.h"
#include "jp-store-private.h"

G_DEFINE_QUARK (jp-store-error-quark, jp_store_error)

G_DEFINE_FINAL_TYPE (JpStore, jp_store, G_TYPE_OBJECT)

static void
jp_store_finalize (GObject *object)
{
  JpStore *self = JP_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_clear_pointer (&self->ballot_rounds, g_array_unref);
  g_clear_object (&self->changes_target);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (jp_store_parent_class)->finalize (object);
}

static guint backup_failed_signal;
static guint changed_signal;

static void
jp_store_class_init (JpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_store_finalize;

  /* JpStore::backup-failed: an automatic backup at a stage change was not written; the
   * argument is the translated message naming the file and the cause. The change itself
   * is done; whoever shows the election to a person connects and shows the message. */
  backup_failed_signal = g_signal_new ("backup-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * JpStore::changed:
   * @what: the detail: "candidates", "reviews", "settings", "trades", "units", "members",
   *   "conflicts", "rounds", "defence", "ranking", "publicity", "audit" or "evidence"
   *
   * A committed transaction changed this kind of data (see jp-store.h, "change signals").
   */
  changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
jp_store_emit_changed (JpStore    *self,
                       const char *detail)
{
  g_signal_emit (self, changed_signal, g_quark_from_static_string (detail), detail);
}

void
jp_store_emit_backup_failed (JpStore    *self,
                             const char *message)
{
  g_signal_emit (self, backup_failed_signal, 0, message);
}

static void
jp_store_init (JpStore *self)
{
  self->context = g_main_context_ref_thread_default ();
}

/* ---- errors ---- */

static gboolean
set_sqlite_error (const char  *path,
                  int          rc,
                  const char  *detail,
                  GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The disk holding “%s” is full. Free some space on it and try again."),
                   path);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("“%s” is locked by another program. Close the other program or Jiangping "
                     "window that uses this election file and try again."),
                   path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written. Check that you may write the file and its "
                     "folder, or copy it to a folder where you may write."),
                   path);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a Jiangping election file."), path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("“%s” is damaged (%s). Restore the election from a backup copy."),
                   path, detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("“%s” cannot be opened (%s). Check that the file and its folder exist "
                     "and that you may read and write them."),
                   path, detail);
      break;

    case SQLITE_IOERR:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("A disk error occurred while reading or writing “%s” (%s). Check the "
                     "disk, or copy the file to another drive and open the copy."),
                   path, detail);
      break;

    case SQLITE_NOMEM:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("There is not enough memory to work on “%s”. Close other programs and "
                     "try again."),
                   path);
      break;

    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                     _("The change to “%s” was refused: a value is already taken (%s)."),
                     path, detail);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                     _("The change to “%s” was refused because it breaks a rule of the "
                       "election file (%s)."),
                     path, detail);
      break;

    default:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("Could not read or write “%s” (%s)."), path, detail);
      break;
    }

  return FALSE;
}

gboolean
jp_store_set_error (JpStore  *self,
                    int       rc,
                    GError  **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  return set_sqlite_error (self->path, rc, detail, error);
}

/* ---- helpers ---- */

gint64
jp_store_now (JpStore *self)
{
  if (self->fixed_time != 0)
    return self->fixed_time;
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
jp_store_exec (JpStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}

sqlite3_stmt *
jp_store_prepare (JpStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      g_debug ("%s: cannot prepare %s: %s", self->path, sql, sqlite3_errmsg (self->db));
      jp_store_set_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
jp_store_step_done (JpStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
jp_store_rows_next (JpStore       *self,
                    sqlite3_stmt  *stmt,
                    gboolean      *ok,
                    GError       **error)
{
  int rc;

  g_assert (ok != NULL);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *ok = TRUE;
      return TRUE;
    }
  *ok = rc == SQLITE_DONE;
  if (!*ok)
    jp_store_set_error (self, rc, error);
  return FALSE;
}

gboolean
jp_store_query_int (JpStore       *self,
                    sqlite3_stmt  *stmt,
                    gint64        *value,
                    GError       **error)
{
  gboolean ok;

  *value = 0;
  if (jp_store_rows_next (self, stmt, &ok, error))
    *value = sqlite3_column_int64 (stmt, 0);
  return ok;
}

gboolean
jp_store_begin (JpStore  *self,
                GError  **error)
{
  /* Inside a batch each write is a savepoint of the batch's transaction: it can fail and
   * roll back alone, and the batch commits (and syncs) once for all of them. */
  jp_store_changes_begin (self);
  return jp_store_exec (self, self->in_batch ? "SAVEPOINT jp_write" : "BEGIN IMMEDIATE", error);
}

gboolean
jp_store_commit (JpStore  *self,
                 GError  **error)
{
  if (self->in_batch)
    {
      if (!jp_store_exec (self, "RELEASE jp_write", error))
        return FALSE;
      jp_store_changes_released (self);
      return TRUE;
    }
  if (!jp_store_exec (self, "COMMIT", error))
    return FALSE;
  jp_store_changes_committed (self);
  return TRUE;
}

void
jp_store_rollback (JpStore *self)
{
  jp_store_changes_discard (self);
  /* A failed statement may already have ended the transaction. */
  if (sqlite3_get_autocommit (self->db))
    return;
  if (self->in_batch)
    sqlite3_exec (self->db, "ROLLBACK TO jp_write; RELEASE jp_write", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * jp_store_batch_begin:
 *
 * Starts a group commit: the writes made until jp_store_batch_commit() each run as before
 * (their own checks, their own audit rows, each one succeeding or failing alone) but share
 * one transaction, so the file is synced once for all of them. Nothing written in the batch
 * is durable, nor visible to other connections, before the commit. Batches do not nest.
 */
gboolean
jp_store_batch_begin (JpStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);

  if (!jp_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_batch = TRUE;
  jp_store_changes_discard_batch (self);
  if (self->ballot_rounds != NULL)
    g_array_set_size (self->ballot_rounds, 0);
  return TRUE;
}

/**
 * jp_store_batch_commit:
 *
 * Ends a group commit, making every write of the batch durable at once. On failure nothing
 * of the batch is written and the error says why.
 */
gboolean
jp_store_batch_commit (JpStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);

  self->in_batch = FALSE;
  if (sqlite3_get_autocommit (self->db))
    {
      /* a failed statement (disk full, I/O error) ended the transaction under us */
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The changes to %s could not be saved; nothing of them was written."),
                   self->path);
      jp_store_changes_discard_batch (self);
      return FALSE;
    }
  /* the batch's ballots go into the pages in serial order, not in the order they came */
  for (guint i = 0; self->ballot_rounds != NULL && i < self->ballot_rounds->len; i++)
    if (!jp_store_ballots_lay_out (self, g_array_index (self->ballot_rounds, gint64, i), error))
      {
        g_array_set_size (self->ballot_rounds, 0);
        jp_store_rollback (self);
        jp_store_changes_discard_batch (self);
        return FALSE;
      }
  if (!jp_store_exec (self, "COMMIT", error))
    {
      jp_store_rollback (self);
      jp_store_changes_discard_batch (self);
      return FALSE;
    }
  if (self->ballot_rounds != NULL && self->ballot_rounds->len > 0)
    {
      g_array_set_size (self->ballot_rounds, 0);
      self->wal_has_ballots = TRUE;
    }
  if (self->wal_has_ballots)
    jp_store_ballots_committed (self);
  jp_store_changes_committed (self);
  return TRUE;
}

gboolean
jp_store_truncate_wal (JpStore   *self,
                       gboolean   wait,
                       GError   **error)
{
  int rc;

  if (!wait)
    sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (!wait)
    sqlite3_busy_timeout (self->db, 5000);
  if (rc != SQLITE_OK)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}

int
jp_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL || *text == '\0')
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
jp_store_column_dup (sqlite3_stmt *stmt,
                     int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* The chain's head: the seq and hash of the last entry (0 and JP_AUDIT_GENESIS when the log
 * is empty). Inside the write transaction, so nobody appends in between. */
static gboolean
audit_tail (JpStore  *self,
            gint64   *seq,
            char    **hash,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jp_store_prepare (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      *hash = jp_store_column_dup (stmt, 1);
      if (*hash == NULL)
        *hash = g_strdup (JP_AUDIT_GENESIS);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  *seq = 0;
  *hash = g_strdup (JP_AUDIT_GENESIS);
  return TRUE;
}

/* The one place that writes an audit row: each row carries the hash of the row before it
 * and its own (docs/audit-chain.md), computed inside the caller's transaction. */
gboolean
jp_store_audit_text (JpStore     *self,
                     const char  *actor,
                     const char  *action,
                     const char  *json,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0;
  gint64 at = jp_store_now (self);

  if (actor == NULL || *actor == '\0')
    actor = "system";
  if (json == NULL)
    json = "{}";
  if (!audit_tail (self, &seq, &prev, error))
    return FALSE;
  seq++;
  hash = jp_audit_entry_hash (seq, at, actor, action, json, prev);

  stmt = jp_store_prepare (self,
                           "INSERT INTO audit (seq, at, actor, action, payload, prev_hash, hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_text (stmt, 3, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, prev, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, hash, -1, SQLITE_TRANSIENT);
  if (!jp_store_step_done (self, stmt, error))
    return FALSE;
  /* every write audits: its action says what it changed (jp-store-changes.c) */
  jp_store_mark_changed (self, jp_store_changes_for_action (action));
  return TRUE;
}

gboolean
jp_store_audit (JpStore      *self,
                const char   *actor,
                const char   *action,
                JsonBuilder  *payload,
                GError      **error)
{
  g_autofree char *json = NULL;

  if (payload != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (payload);

      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
    }
  return jp_store_audit_text (self, actor, action, json, error);
}

gboolean
jp_store_audit_commit (JpStore      *self,
                       const char   *actor,
                       const char   *action,
                       JsonBuilder  *payload,
                       GError      **error)
{
  if (jp_store_audit (self, actor, action, payload, error) && jp_store_commit (self, error))
    return TRUE;
  jp_store_rollback (self);
  return FALSE;
}

/* jp_audit_chain_build(): chains the entries written before the log was chained, once, in
 * seq order, and appends an "audit.chain" entry saying how many and the head. Called by the
 * migration "audit chain" with the update trigger lifted (the migration puts it back). */
static void
chain_build_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  JpStore *self = sqlite3_user_data (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autofree char *prev = g_strdup (JP_AUDIT_GENESIS);
  g_autofree char *json = NULL;
  gint64 n = 0;
  int rc;

  read = jp_store_prepare (self,
                           "SELECT seq, at, actor, action, payload FROM audit "
                           "WHERE hash IS NULL ORDER BY seq",
                           &error);
  write = jp_store_prepare (self, "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                            &error);
  if (read == NULL || write == NULL)
    goto fail;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      g_autofree char *hash =
        jp_audit_entry_hash (sqlite3_column_int64 (read, 0), sqlite3_column_int64 (read, 1),
                             (const char *) sqlite3_column_text (read, 2),
                             (const char *) sqlite3_column_text (read, 3),
                             (const char *) sqlite3_column_text (read, 4), prev);

      sqlite3_reset (write);
      sqlite3_bind_text (write, 1, prev, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 2, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (write, 3, sqlite3_column_int64 (read, 0));
      if (!jp_store_step_done (self, write, &error))
        goto fail;
      g_free (prev);
      prev = g_steal_pointer (&hash);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, &error);
      goto fail;
    }
  if (n > 0)
    {
      json = g_strdup_printf ("{\"entries\":%" G_GINT64_FORMAT ",\"head\":\"%s\"}", n, prev);
      if (!jp_store_audit_text (self, NULL, "audit.chain", json, &error))
        goto fail;
    }
  sqlite3_result_int64 (context, n);
  return;

fail:
  sqlite3_result_error (context, error->message, -1);
}

gboolean
jp_store_register_functions (JpStore  *self,
                             GError  **error)
{
  int rc = sqlite3_create_function (self->db, "jp_audit_chain_build", 0, SQLITE_UTF8, self,
                                    chain_build_func, NULL, NULL);

  if (rc != SQLITE_OK)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}


/* ---- election ---- */

/**
 * jp_store_get_election:
 *
 * Returns: (transfer full): the election settings; the defaults if they cannot be read
 * (a warning is logged).
 */
JpElection *
jp_store_get_election (JpStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JpElection *e;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  e = jp_election_new ();
  stmt = jp_store_prepare (self,
                           "SELECT title, award, year, organiser, quota, ratio "
                           "FROM election WHERE id = 1",
                           &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return e;
    }
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("%s: no election row", self->path);
      return e;
    }

  g_free (e->title);
  e->title = jp_store_column_dup (stmt, 0);
  g_free (e->award);
  e->award = jp_store_column_dup (stmt, 1);
  e->year = sqlite3_column_int (stmt, 2);
  g_free (e->organiser);
  e->organiser = jp_store_column_dup (stmt, 3);
  e->quota = sqlite3_column_int (stmt, 4);
  e->ratio = sqlite3_column_double (stmt, 5);
  return e;
}

/**
 * jp_store_update_election:
 *
 * Replaces the election settings, with an "election.update" audit row. LOCKED (with the
 * core's message) when jp_election_change_allowed refuses the change under the current locks.
 */
gboolean
jp_store_update_election (JpStore           *self,
                          const JpElection  *election,
                          const char        *actor,
                          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (election != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "title");
  json_builder_add_string_value (payload, election->title ? election->title : "");
  json_builder_set_member_name (payload, "award");
  json_builder_add_string_value (payload, election->award ? election->award : "");
  json_builder_set_member_name (payload, "year");
  json_builder_add_int_value (payload, election->year);
  json_builder_set_member_name (payload, "organiser");
  json_builder_add_string_value (payload, election->organiser ? election->organiser : "");
  json_builder_set_member_name (payload, "quota");
  json_builder_add_int_value (payload, election->quota);
  json_builder_set_member_name (payload, "ratio");
  json_builder_add_double_value (payload, election->ratio);
  json_builder_end_object (payload);

  if (!jp_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(JpElection) old = jp_store_get_election (self);
    g_autoptr(GError) locked = NULL;
    JpStageLocks locks;

    if (!jp_store_read_stage_locks (self, &locks, error))
      goto fail;
    if (!jp_election_change_allowed (old, election, locks, &locked))
      {
        g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED, locked->message);
        goto fail;
      }
  }

  stmt = jp_store_prepare (self,
                           "UPDATE election SET title = ?, award = ?, year = ?, organiser = ?, "
                           "quota = ?, ratio = ? WHERE id = 1",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, election->title ? election->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, election->award ? election->award : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, election->year);
  sqlite3_bind_text (stmt, 4, election->organiser ? election->organiser : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, election->quota);
  sqlite3_bind_double (stmt, 6, election->ratio);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  return jp_store_audit_commit (self, actor, "election.update", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- audit ---- */

/**
 * jp_store_list_audit:
 *
 * Returns: (transfer full): JpAuditEntry*, oldest first, or NULL with `error`.
 */
GPtrArray *
jp_store_list_audit (JpStore  *self,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self,
                           "SELECT seq, at, actor, action, payload, prev_hash, hash "
                           "FROM audit ORDER BY seq",
                           error);
  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpAuditEntry *e = g_new0 (JpAuditEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->at = sqlite3_column_int64 (stmt, 1);
      e->actor = jp_store_column_dup (stmt, 2);
      e->action = jp_store_column_dup (stmt, 3);
      e->payload = jp_store_column_dup (stmt, 4);
      e->prev_hash = jp_store_column_dup (stmt, 5);
      e->hash = jp_store_column_dup (stmt, 6);
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

char *
jp_store_hex (const guint8 *bytes,
              gsize         len)
{
  GString *hex = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}
