/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-store-audit.h"
#include "jp-store-private.h"
#include "jp-store-ranking.h"

void
jp_audit_report_free (JpAuditReport *report)
{
  if (report == NULL)
    return;
  g_free (report->head);
  g_free (report->anchor);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/* ---- the checkers ---- */

typedef gboolean (*Checker) (JpStore        *self,
                             JpAuditReport  *report,
                             GPtrArray      *entries,
                             GError        **error);

static gint64
last_sequence (JpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_chain (JpStore        *self,
             JpAuditReport  *report,
             GPtrArray      *entries,
             GError        **error)
{
  report->entries = entries->len;
  g_free (report->head);
  report->head = jp_audit_check_chain (entries, last_sequence (self), report->problems);
  return TRUE;
}

/* The ids of the closed or sealed rounds of `kind` ("ballot" or "defence"), in id order;
 * NULL with `error`. */
static GArray *
closed_rounds (JpStore     *self,
               const char  *kind,
               GError     **error)
{
  static const char *const sql = "SELECT id FROM round WHERE kind = ? "
                                 "AND state IN ('closed', 'sealed') ORDER BY id";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  stmt = jp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&ids);
}

/* The digest the audit recorded for a round at its close, and that entry's seq. */
static char *
audited_digest (GPtrArray  *entries,
                const char *action,
                gint64      round_id,
                gint64     *seq)
{
  char *digest = NULL;

  *seq = 0;
  for (guint i = 0; i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(JsonParser) parser = NULL;
      JsonObject *o;

      if (g_strcmp0 (e->action, action) != 0 || e->payload == NULL)
        continue;
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, e->payload, -1, NULL)
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      o = json_node_get_object (json_parser_get_root (parser));
      if (json_object_get_int_member_with_default (o, "round", 0) != round_id)
        continue;
      g_free (digest);
      digest = g_strdup (json_object_get_string_member_with_default (o, "digest", ""));
      *seq = e->seq;
    }
  return digest;
}

static gboolean
check_rounds (JpStore        *self,
              JpAuditReport  *report,
              GPtrArray      *entries,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = closed_rounds (self, "ballot", error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(JpRound) round = NULL;
      g_autoptr(JpTally) tally = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *recomputed = NULL;
      g_autofree char *close_digest = NULL;
      gint64 close_seq = 0;

      round = jp_store_load_round (self, id, error);
      if (round == NULL)
        return FALSE;
      tally = jp_store_recount_round (self, round, error);
      if (tally == NULL)
        return FALSE;
      report->rounds++;

      if (g_strcmp0 (tally->digest, round->digest) != 0)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("digest", "round", id,
                                               _("Round %lld (%s, ballot %d): the stored "
                                                 "ballots give the digest %s, not the sealed "
                                                 "%s: a ballot was changed, added or "
                                                 "removed."),
                                               (long long) id, round->trade_name,
                                               round->number, tally->digest,
                                               round->digest != NULL ? round->digest : "-"));

      stmt = jp_store_prepare (self, "SELECT result FROM round WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        stored = jp_store_column_dup (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      recomputed = jp_tally_canonical_json (tally);
      if (g_strcmp0 (stored, recomputed) != 0)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("result", "round", id,
                                               _("Round %lld (%s, ballot %d): the stored "
                                                 "result is not the count of its ballots."),
                                               (long long) id, round->trade_name,
                                               round->number));

      close_digest = audited_digest (entries, "round.close", id, &close_seq);
      if (close_digest == NULL)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("audit", "round", id,
                                               _("Round %lld (%s, ballot %d): the audit log "
                                                 "has no entry of its close."),
                                               (long long) id, round->trade_name,
                                               round->number));
      else if (g_strcmp0 (close_digest, round->digest) != 0)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("audit", "round", id,
                                               _("Round %lld (%s, ballot %d): its digest %s "
                                                 "is not the one audit entry %lld recorded at "
                                                 "its close (%s)."),
                                               (long long) id, round->trade_name,
                                               round->number,
                                               round->digest != NULL ? round->digest : "-",
                                               (long long) close_seq, close_digest));
    }
  return TRUE;
}

/* Every closed or sealed defence session: its canonical text recomputed from the stored
 * sheets (docs/defence.md) must give the stored text, the stored digest and the digest the
 * audit recorded at its close ("defence.close"). */
static gboolean
check_defence (JpStore        *self,
               JpAuditReport  *report,
               GPtrArray      *entries,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = closed_rounds (self, "defence", error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GError) local = NULL;
      g_autofree char *text = NULL;
      g_autofree char *digest = NULL;
      g_autofree char *stored_text = NULL;
      g_autofree char *stored_digest = NULL;
      g_autofree char *close_digest = NULL;
      gint64 close_seq = 0;

      stmt = jp_store_prepare (self, "SELECT result, digest FROM round WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          stored_text = jp_store_column_dup (stmt, 0);
          stored_digest = jp_store_column_dup (stmt, 1);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      report->sessions++;

      text = jp_store_defence_recompute_text (self, id, &local);
      if (text == NULL)
        {
          g_ptr_array_add (report->problems,
                           jp_audit_problem_new ("read", "session", id,
                                                 _("Defence session %lld: its sheets cannot be "
                                                   "read back: %s"),
                                                 (long long) id, local->message));
          continue;
        }
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      if (g_strcmp0 (digest, stored_digest) != 0)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("digest", "session", id,
                                               _("Defence session %lld: the stored sheets give "
                                                 "the digest %s, not the sealed %s: a sheet "
                                                 "was changed, added or removed."),
                                               (long long) id, digest,
                                               stored_digest != NULL ? stored_digest : "-"));
      if (g_strcmp0 (text, stored_text) != 0)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("result", "session", id,
                                               _("Defence session %lld: the stored result is "
                                                 "not the one its sheets give."),
                                               (long long) id));
      close_digest = audited_digest (entries, "defence.close", id, &close_seq);
      if (close_digest == NULL)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("audit", "session", id,
                                               _("Defence session %lld: the audit log has no "
                                                 "entry of its close."),
                                               (long long) id));
      else if (g_strcmp0 (close_digest, stored_digest) != 0)
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("audit", "session", id,
                                               _("Defence session %lld: its digest %s is not "
                                                 "the one audit entry %lld recorded at its "
                                                 "close (%s)."),
                                               (long long) id,
                                               stored_digest != NULL ? stored_digest : "-",
                                               (long long) close_seq, close_digest));
    }
  return TRUE;
}

/* The sealed ranking, recomputed from the stored stages, adjustments and likes, must give
 * the sealed digest and the one the audit recorded ("ranking.seal"). */
static gboolean
check_ranking (JpStore        *self,
               JpAuditReport  *report,
               GPtrArray      *entries,
               GError        **error)
{
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *audited = NULL;
  gint64 seq = 0;

  if (!jp_store_ranking_is_sealed (self, &sealed, NULL))
    return TRUE;
  report->rankings++;
  ranking = jp_store_ranking_recompute (self, &local);
  if (ranking == NULL)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("read", "ranking", 1,
                                           _("The sealed ranking cannot be recomputed from "
                                             "the stored stages: %s"), local->message));
  else if (g_strcmp0 (ranking->digest, sealed) != 0)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("digest", "ranking", 1,
                                           _("The sealed ranking: the stored stages, "
                                             "adjustments and likes give the digest %s, not "
                                             "the sealed %s: they were changed after the "
                                             "seal."), ranking->digest, sealed));
  audited = audited_digest (entries, "ranking.seal", 0, &seq);
  if (audited == NULL)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("audit", "ranking", 1,
                                           _("The sealed ranking: the audit log has no entry "
                                             "of its seal.")));
  else if (g_strcmp0 (audited, sealed) != 0)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("audit", "ranking", 1,
                                           _("The sealed ranking: its digest %s is not the one "
                                             "audit entry %lld recorded at its seal (%s)."),
                                           sealed, (long long) seq, audited));
  return TRUE;
}

/* The final list of a closed publicity, recomputed, must give its sealed digest and the one
 * the audit recorded ("publicity.close"). */
static gboolean
check_final_list (JpStore        *self,
                  JpAuditReport  *report,
                  GPtrArray      *entries,
                  GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *recomputed = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *audited = NULL;
  gint64 seq = 0;

  if (!jp_store_final_list_recompute (self, &recomputed, &stored, &local))
    {
      g_ptr_array_add (report->problems,
                       jp_audit_problem_new ("read", "final-list", 1,
                                             _("The final list cannot be rebuilt from the "
                                               "stored publicity: %s"), local->message));
      return TRUE;
    }
  if (stored == NULL)
    return TRUE;
  report->final_lists++;
  if (g_strcmp0 (recomputed, stored) != 0)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("digest", "final-list", 1,
                                           _("The final list: the stored publicity gives the "
                                             "digest %s, not the sealed %s: the list was "
                                             "changed after publicity closed."),
                                           recomputed, stored));
  audited = audited_digest (entries, "publicity.close", 0, &seq);
  if (audited == NULL)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("audit", "final-list", 1,
                                           _("The final list: the audit log has no entry of "
                                             "the close of publicity.")));
  else if (g_strcmp0 (audited, stored) != 0)
    g_ptr_array_add (report->problems,
                     jp_audit_problem_new ("audit", "final-list", 1,
                                           _("The final list: its digest %s is not the one "
                                             "audit entry %lld recorded at the close of "
                                             "publicity (%s)."),
                                           stored, (long long) seq, audited));
  return TRUE;
}

/* Each checker adds its problems to the report. */
static const struct {
  const char *name;
  Checker     check;
} checkers[] = {
  { "chain", check_chain },
  { "rounds", check_rounds },
  { "defence", check_defence },
  { "ranking", check_ranking },
  { "final list", check_final_list },
};

JpAuditReport *
jp_store_verify (JpStore     *self,
                 const char  *anchor,
                 GError     **error)
{
  g_autoptr(JpAuditReport) report = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* one read transaction: every checker sees the same state of the file */
  if (!jp_store_exec (self, self->in_batch ? "SAVEPOINT jp_verify" : "BEGIN", error))
    return NULL;
  entries = jp_store_list_audit (self, error);
  report = g_new0 (JpAuditReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_audit_problem_free);
  for (guint i = 0; entries != NULL && i < G_N_ELEMENTS (checkers); i++)
    if (!checkers[i].check (self, report, entries, error))
      {
        g_prefix_error (error, _("Checking %s: "), checkers[i].name);
        g_clear_pointer (&entries, g_ptr_array_unref);
      }
  jp_store_exec (self, self->in_batch ? "RELEASE jp_verify" : "COMMIT", NULL);
  if (entries == NULL)
    return NULL;

  if (anchor != NULL && *anchor != '\0')
    {
      report->anchor = g_ascii_strdown (g_strstrip (g_strdup (anchor)), -1);
      if (!jp_audit_find_anchor (entries, report->anchor, &report->anchor_seq))
        g_ptr_array_add (report->problems,
                         jp_audit_problem_new ("anchor", NULL, 0,
                                               _("The printed chain head %s is not in the "
                                                 "audit log: the log was rewritten after it "
                                                 "was printed."),
                                               report->anchor));
    }
  report->ok = report->problems->len == 0;
  return g_steal_pointer (&report);
}

char *
jp_store_audit_head (JpStore  *self,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  stmt = jp_store_prepare (self, "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return jp_store_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strdup (JP_AUDIT_GENESIS);
}

/* ---- backups ---- */

static gboolean
backup_db (sqlite3     *from,
           const char  *from_path,
           const char  *dest,
           GError     **error)
{
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name for the backup."), dest);
      return FALSE;
    }
  rc = sqlite3_open_v2 (dest, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (to);
      else
        {
          /* the whole file in one step: one consistent state, whatever others write */
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK)
            rc = sqlite3_errcode (to);
        }
    }
  if (rc == SQLITE_OK)
    /* a backup is one self-contained file: no -wal beside it */
    rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_strdup (to != NULL ? sqlite3_errmsg (to)
                                                     : sqlite3_errstr (rc));
      /* a write past the space left or the file size allowed comes back as an I/O error */
      int os_errno = to != NULL ? sqlite3_system_errno (to) : 0;

      sqlite3_close_v2 (to);
      g_unlink (dest);
      if ((rc & 0xff) == SQLITE_FULL || os_errno == ENOSPC || os_errno == EFBIG
          || os_errno == EDQUOT)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                     _("The disk holding “%s” is full: the backup of “%s” was not written."),
                     dest, from_path);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                     _("The backup of “%s” could not be written to “%s” (%s)."),
                     from_path, dest, detail);
      return FALSE;
    }
  sqlite3_close_v2 (to);
  return TRUE;
}

gboolean
jp_store_backup_to (JpStore     *self,
                    const char  *dest,
                    GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return backup_db (self->db, self->path, dest, error);
}

char *
jp_store_backup_dir (JpStore *self)
{
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  char *dot;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  base = g_path_get_basename (self->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  dir = g_path_get_dirname (self->path);
  return g_strdup_printf ("%s%c%s.backups", dir, G_DIR_SEPARATOR, base);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Removes all but the newest `keep` backups of `dir` (names sort by their time). */
static void
prune_backups (const char *dir,
               const char *prefix,
               int         keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".jiangping"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; (int) names->len - (int) i > keep; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_unlink (path) != 0)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

char *
jp_store_backup_stage (JpStore     *self,
                       const char  *reason,
                       int          keep,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *data = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) now = NULL;
  gsize length = 0;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (reason != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (keep <= 0)
    keep = JP_STORE_BACKUP_KEEP;
  dir = jp_store_backup_dir (self);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The backup folder “%s” cannot be made: %s"), dir, g_strerror (saved));
      return NULL;
    }
  base = g_path_get_basename (dir);
  base[strlen (base) - strlen (".backups")] = '\0';
  prefix = g_strconcat (base, "-", NULL);
  now = self->fixed_time != 0 ? g_date_time_new_from_unix_utc (self->fixed_time)
                              : g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  path = g_strdup_printf ("%s%c%s%s-%s.jiangping", dir, G_DIR_SEPARATOR, prefix, stamp, reason);
  for (int n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s%c%s%s-%s-%d.jiangping", dir, G_DIR_SEPARATOR, prefix, stamp,
                              reason, n);
    }
  if (!backup_db (self->db, self->path, path, error))
    return NULL;
  prune_backups (dir, prefix, keep);

  if (g_file_get_contents (path, &data, &length, NULL))
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  {
    g_autoptr(JsonBuilder) payload = json_builder_new ();
    g_autofree char *file = g_path_get_basename (path);

    json_builder_begin_object (payload);
    json_builder_set_member_name (payload, "file");
    json_builder_add_string_value (payload, file);
    json_builder_set_member_name (payload, "reason");
    json_builder_add_string_value (payload, reason);
    json_builder_set_member_name (payload, "sha256");
    json_builder_add_string_value (payload, sha != NULL ? sha : "");
    json_builder_end_object (payload);
    if (!jp_store_begin (self, error))
      return NULL;
    if (!jp_store_audit (self, NULL, "backup.write", payload, error)
        || !jp_store_commit (self, error))
      {
        jp_store_rollback (self);
        return NULL;
      }
  }
  return g_steal_pointer (&path);
}

void
jp_store_set_auto_backup (JpStore *self,
                          int      keep)
{
  g_return_if_fail (JP_IS_STORE (self));

  self->auto_backup_keep = MAX (keep, 0);
}

void
jp_store_stage_changed (JpStore    *self,
                        const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->auto_backup_keep <= 0 || self->in_batch)
    return;
  /* Two copies taken while a round is open link the ballots cast between them to the members
   * who voted between them (docs/ballot-secrecy.md): no automatic backup while any round is
   * open; the stage change that leaves none open writes it. */
  {
    g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                     "SELECT count (*) FROM round "
                                                     "WHERE state = 'open'", NULL);

    if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) > 0)
      {
        g_info ("Backup of %s postponed: a round is open", self->path);
        return;
      }
  }
  path = jp_store_backup_stage (self, reason, self->auto_backup_keep, &error);
  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The automatic backup of “%s” was not "
                                                    "written: %s"), self->path,
                                                  error->message);

      g_debug ("%s", message);
      jp_store_emit_backup_failed (self, message);
    }
  else
    g_info ("Backup of %s written to %s", self->path, path);
}

gboolean
jp_store_restore (const char  *path,
                  const char  *from,
                  char       **kept,
                  GError     **error)
{
  g_autoptr(JpStore) backup = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *old = NULL;
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (path != NULL && from != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  backup = jp_store_open_read_only (from, error);
  if (backup == NULL)
    {
      g_prefix_error (error, _("The backup cannot be restored: "));
      return FALSE;
    }
  report = jp_store_verify (backup, NULL, error);
  if (report == NULL)
    return FALSE;
  if (!report->ok)
    {
      JpAuditProblem *p = g_ptr_array_index (report->problems, 0);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The backup “%s” does not verify, so it was not restored: %s"),
                   from, p->message);
      return FALSE;
    }

  /* a consistent copy beside the target first, then two renames */
  tmp = g_strconcat (path, ".restoring", NULL);
  g_unlink (tmp);
  if (!backup_db (backup->db, from, tmp, error))
    return FALSE;
  g_clear_object (&backup);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      old = g_strdup_printf ("%s.replaced-%s", path, stamp);
      if (g_rename (path, old) != 0)
        {
          int saved = errno;

          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("“%s” could not be set aside before the restore: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
      /* the journal of the replaced file belongs to it */
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *old_wal = g_strconcat (old, "-wal", NULL);

          g_rename (wal, old_wal);
        }
      g_unlink (shm);
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      if (old != NULL)
        g_rename (old, path);
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The backup could not take the place of “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  if (kept != NULL)
    *kept = g_steal_pointer (&old);
  return TRUE;
}

/* ---- the host lock ---- */

static char *
lock_path (const char *path)
{
  return g_strconcat (path, ".host-lock", NULL);
}

gboolean
jp_store_take_host_lock (const char  *path,
                         GError     **error)
{
  g_autofree char *lock = lock_path (path);
  g_autofree char *mine = g_strdup_printf ("%s\n%d\n", g_get_host_name (), (int) getpid ());
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      int fd = g_open (lock, O_WRONLY | O_CREAT | O_EXCL, 0644);

      if (fd >= 0)
        {
          gboolean ok = write (fd, mine, strlen (mine)) == (gssize) strlen (mine);

          close (fd);
          if (!ok)
            {
              g_unlink (lock);
              g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                           _("The host lock “%s” could not be written."), lock);
              return FALSE;
            }
          return TRUE;
        }
      if (errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, JP_STORE_ERROR, saved == EACCES || saved == EROFS
                                              ? JP_STORE_ERROR_READ_ONLY : JP_STORE_ERROR_FAILED,
                       _("The host lock “%s” cannot be made: %s"), lock, g_strerror (saved));
          return FALSE;
        }

      g_clear_pointer (&text, g_free);
      if (g_file_get_contents (lock, &text, NULL, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (text, "\n", 3);
          const char *host = lines[0] != NULL ? lines[0] : "";
          gint64 pid = lines[0] != NULL && lines[1] != NULL
                       ? g_ascii_strtoll (lines[1], NULL, 10) : 0;

          if (g_strcmp0 (host, g_get_host_name ()) == 0 && pid == getpid ())
            return TRUE;
          /* a lock of this computer whose process is gone is stale */
          if (g_strcmp0 (host, g_get_host_name ()) == 0 && pid > 0
              && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
            {
              g_info ("Taking over the stale host lock of %s (process %" G_GINT64_FORMAT
                      " is gone)", path, pid);
              g_unlink (lock);
              continue;
            }
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                       _("“%s” is already hosted by the computer “%s” (process %lld). Close "
                         "Jiangping there first; if that computer crashed, remove “%s”."),
                       path, *host != '\0' ? host : "?", (long long) pid, lock);
          return FALSE;
        }
    }
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
               _("The host lock “%s” could not be taken."), lock);
  return FALSE;
}

void
jp_store_release_host_lock (const char *path)
{
  g_autofree char *lock = lock_path (path);
  g_autofree char *text = NULL;
  g_autofree char *mine = g_strdup_printf ("%s\n%d\n", g_get_host_name (), (int) getpid ());

  if (g_file_get_contents (lock, &text, NULL, NULL) && g_str_equal (text, mine))
    g_unlink (lock);
}

/* ---- the audit log as CSV ---- */

static void
csv_field (GString    *out,
           const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
jp_store_audit_csv (JpStore  *self,
                    gsize    *length,
                    GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GString *out;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  entries = jp_store_list_audit (self, error);
  if (entries == NULL)
    return NULL;
  out = g_string_new ("\xEF\xBB\xBF" "seq,at,time,actor,action,payload,prev_hash,hash\r\n");
  for (guint i = 0; i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (e->at);
      g_autofree char *iso = t != NULL ? g_date_time_format_iso8601 (t) : g_strdup ("");

      g_string_append_printf (out, "%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,",
                              e->seq, e->at, iso);
      csv_field (out, e->actor);
      g_string_append_c (out, ',');
      csv_field (out, e->action);
      g_string_append_c (out, ',');
      csv_field (out, e->payload);
      g_string_append_printf (out, ",%s,%s\r\n", e->prev_hash != NULL ? e->prev_hash : "",
                              e->hash != NULL ? e->hash : "");
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
