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

/* Opening a store: creating a new election file, opening (and migrating) an existing one,
 * read-only opening, and the connection's configuration. */

/* ---- opening ---- */

/* Whether the current user may write `path`. root passes every access() check, so for root
 * the owner's write bit decides: a file someone made read-only (chmod a-w) is treated as
 * read-only even for root, which is what the secretariat means by it. access() still catches
 * read-only mounts for root. */
static gboolean
path_is_writable (const char *path)
{
  GStatBuf st;

  if (g_access (path, W_OK) != 0)
    return FALSE;
#ifdef G_OS_UNIX
  if (geteuid () == 0)
    {
      if (g_stat (path, &st) != 0)
        return FALSE;
      return (st.st_mode & S_IWUSR) != 0;
    }
#endif
  return TRUE;
}

static gboolean
check_writable (const char  *path,
                gboolean     check_file,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (check_file && !path_is_writable (path))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only. Make it writable, or copy it to a folder where you "
                     "may write, and open the copy."),
                   path);
      return FALSE;
    }
  /* WAL keeps its -wal and -shm files beside the database. */
  if (!path_is_writable (dir))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                   _("The folder of “%s” is read-only, and Jiangping needs to write its "
                     "journal there. Copy the file to a folder where you may write, and open "
                     "the copy."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (JpStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
open_connection (JpStore  *self,
         int       flags,
         GError  **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    return jp_store_set_error (self, rc, error);
  sqlite3_extended_result_codes (self->db, 1);
  /* A second connection (the import worker) waits for the writer instead of failing. */
  sqlite3_busy_timeout (self->db, 5000);
  return jp_store_register_functions (self, error);
}

/* Settings that live in the connection, or (WAL) in the file once set. */
static gboolean
configure (JpStore  *self,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;

  if (!jp_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  /* The secret ballot on disk (docs/ballot-secrecy.md): deleted cells, freed pages and the
   * free space inside pages are overwritten with zeros, so a ballot moved or removed leaves
   * no trace in the file; temporary data stays in memory, never in a temporary file; and a
   * WAL reset after a checkpoint cuts the -wal file back to nothing instead of leaving old
   * frames behind the new ones. */
  if (!jp_store_exec (self, "PRAGMA secure_delete = ON", error) ||
      !jp_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !jp_store_exec (self, "PRAGMA journal_size_limit = 0", error))
    return FALSE;

  stmt = jp_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return jp_store_set_error (self, sqlite3_errcode (self->db), error);
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("%s: journal mode is %s, not wal", self->path, mode);
  return TRUE;
}

static gboolean
insert_election (JpStore           *self,
                 const JpElection  *election,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self,
                           "INSERT INTO election (id, title, award, year, organiser, quota, "
                           "ratio, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, election->title ? election->title : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, election->award ? election->award : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, election->year);
  sqlite3_bind_text (stmt, 4, election->organiser ? election->organiser : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, election->quota);
  sqlite3_bind_double (stmt, 6, election->ratio);
  sqlite3_bind_int64 (stmt, 7, jp_store_now (self));
  return jp_store_step_done (self, stmt, error);
}

/* Builds the schema of a new (empty) file and its election row in one transaction. */
static gboolean
initialise (JpStore           *self,
            const JpElection  *election,
            GError           **error)
{
  g_autoptr(JpElection) defaults = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  if (election == NULL)
    election = defaults = jp_election_new ();

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "title");
  json_builder_add_string_value (payload, election->title ? election->title : "");
  json_builder_set_member_name (payload, "schema");
  json_builder_add_int_value (payload, JP_STORE_SCHEMA_VERSION);
  json_builder_end_object (payload);

  if (!jp_store_begin (self, error))
    return FALSE;
  if (!jp_store_schema_migrate (self, 0, JP_STORE_SCHEMA_VERSION, error) ||
      !insert_election (self, election, error) ||
      !jp_store_audit (self, NULL, "election.create", payload, error) ||
      !jp_store_commit (self, error))
    {
      jp_store_rollback (self);
      return FALSE;
    }
  self->schema_version = JP_STORE_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
migrate (JpStore  *self,
         int       from,
         GError  **error)
{
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "from");
  json_builder_add_int_value (payload, from);
  json_builder_set_member_name (payload, "to");
  json_builder_add_int_value (payload, JP_STORE_SCHEMA_VERSION);
  json_builder_end_object (payload);

  if (!jp_store_begin (self, error))
    return FALSE;
  if (!jp_store_schema_migrate (self, from, JP_STORE_SCHEMA_VERSION, error) ||
      !jp_store_audit (self, NULL, "schema.migrate", payload, error) ||
      !jp_store_commit (self, error))
    {
      jp_store_rollback (self);
      return FALSE;
    }
  g_info ("Migrated %s from schema %d to %d", self->path, from, JP_STORE_SCHEMA_VERSION);
  self->schema_version = JP_STORE_SCHEMA_VERSION;
  return TRUE;
}

/**
 * jp_store_create:
 *
 * Creates the file (never overwrites one), builds the schema and writes the election row.
 * On failure the half-made file is removed. Returns a new store, or NULL with `error`.
 */
JpStore *
jp_store_create (const char        *path,
                 const JpElection  *election,
                 GError           **error)
{
  g_autoptr(JpStore) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or open the existing file."),
                   path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("The folder of “%s” does not exist. Choose an existing folder."), path);
      return NULL;
    }
  if (!check_writable (path, FALSE, error))
    return NULL;

  self = g_object_new (JP_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) ||
      !configure (self, error) ||
      !initialise (self, election, error))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_pointer (&self->db, sqlite3_close_v2);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * jp_store_open:
 *
 * See the header for the errors. Every check that can refuse the file runs before anything
 * is written to it.
 */
JpStore *
jp_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(JpStore) self = NULL;
  int app_id = 0;
  int version = 0;
  int n_objects = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Check the name and folder of the election file."),
                   path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a Jiangping election file."), path);
      return NULL;
    }
  if (!check_writable (path, TRUE, error))
    return NULL;

  self = g_object_new (JP_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, SQLITE_OPEN_READWRITE, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return NULL;

  if (app_id == 0 && version == 0 && n_objects == 0)
    {
      /* An empty file (for example made by a file chooser) becomes a new election. */
      if (!configure (self, error) || !initialise (self, NULL, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (app_id != JP_STORE_APPLICATION_ID)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a Jiangping election file."), path);
      return NULL;
    }
  if (version > JP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Jiangping (schema %d); this "
                     "version reads up to %d. Update Jiangping."),
                   path, version, JP_STORE_SCHEMA_VERSION);
      return NULL;
    }
  if (version < 1)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a Jiangping election file."), path);
      return NULL;
    }

  if (!configure (self, error))
    return NULL;
  self->schema_version = version;
  if (version < JP_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

JpStore *
jp_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_autoptr(JpStore) self = NULL;
  int app_id = 0;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Check the name and folder of the election file."),
                   path);
      return NULL;
    }
  self = g_object_new (JP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, SQLITE_OPEN_READONLY, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  if (app_id != JP_STORE_APPLICATION_ID || version < 1)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a Jiangping election file."), path);
      return NULL;
    }
  if (version > JP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Jiangping (schema %d); this "
                     "version reads up to %d. Update Jiangping."),
                   path, version, JP_STORE_SCHEMA_VERSION);
      return NULL;
    }
  if (version < JP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("“%s” was written by an older version of Jiangping (schema %d) and has "
                     "no hash chain yet. Open it once with this version to upgrade it."),
                   path, version);
      return NULL;
    }
  self->schema_version = version;
  return g_steal_pointer (&self);
}

const char *
jp_store_get_path (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  return self->path;
}

int
jp_store_get_schema_version (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);

  return self->schema_version;
}

void
jp_store_set_fixed_time (JpStore *self,
                         gint64   unix_time)
{
  g_return_if_fail (JP_IS_STORE (self));

  self->fixed_time = unix_time;
}
