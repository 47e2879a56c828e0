/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-cli.h"
#include "documents/jp-documents.h"
#include "store/jp-store-audit.h"
#include "store/jp-store-rounds.h"

/* The record anyone can re-check (issue 9): audit verify, backup, restore, archive. */

static char *opt_anchor;
static char *opt_output;
static char *opt_from;

static JsonNode *
report_to_json (JpAuditReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, report->ok);
  json_builder_set_member_name (b, "entries");
  json_builder_add_int_value (b, report->entries);
  json_builder_set_member_name (b, "head");
  json_builder_add_string_value (b, report->head);
  json_builder_set_member_name (b, "rounds");
  json_builder_add_int_value (b, report->rounds);
  json_builder_set_member_name (b, "sessions");
  json_builder_add_int_value (b, report->sessions);
  json_builder_set_member_name (b, "rankings");
  json_builder_add_int_value (b, report->rankings);
  json_builder_set_member_name (b, "final_lists");
  json_builder_add_int_value (b, report->final_lists);
  if (report->anchor != NULL)
    {
      json_builder_set_member_name (b, "anchor");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "hash");
      json_builder_add_string_value (b, report->anchor);
      json_builder_set_member_name (b, "found");
      json_builder_add_boolean_value (b, report->anchor_seq > 0);
      json_builder_set_member_name (b, "seq");
      if (report->anchor_seq > 0)
        json_builder_add_int_value (b, report->anchor_seq);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->problems->len; i++)
    {
      JpAuditProblem *p = g_ptr_array_index (report->problems, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, p->kind);
      if (p->subject != NULL)
        {
          json_builder_set_member_name (b, p->subject);
          json_builder_add_int_value (b, p->id);
        }
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
audit_verify (GError **error)
{
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpAuditReport) report = NULL;

  store = jp_store_open_read_only (jp_cli_opt_db, error);
  if (store == NULL)
    return 1;
  report = jp_store_verify (store, opt_anchor, error);
  if (report == NULL)
    return 1;

  if (jp_cli_opt_json)
    {
      g_autoptr(JsonNode) root = report_to_json (report);

      jp_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < report->problems->len; i++)
        {
          JpAuditProblem *p = g_ptr_array_index (report->problems, i);

          printf ("%s: %s\n", _("FAILED"), p->message);
        }
      printf (_("%lld audit entries, %u ballot rounds checked; chain head %s\n"),
              (long long) report->entries, report->rounds, report->head);
      printf (_("%u defence sessions, %u sealed rankings and %u final lists checked\n"),
              report->sessions, report->rankings, report->final_lists);
      if (report->anchor != NULL && report->anchor_seq > 0)
        printf (_("The printed head %s is audit entry %lld.\n"), report->anchor,
                (long long) report->anchor_seq);
      if (report->ok)
        printf ("%s\n", _("The record holds: every entry and every sealed result checks."));
    }
  if (!report->ok)
    {
      JpAuditProblem *p = g_ptr_array_index (report->problems, 0);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE, "The record of “%s” does not hold (%u problem; "
                                "the first: %s)",
                                "The record of “%s” does not hold (%u problems; the first: %s)",
                                report->problems->len),
                   jp_cli_opt_db, report->problems->len, p->message);
      return 1;
    }
  return 0;
}

int
jp_cli_cmd_audit (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &opt_anchor,
      N_("verify: a chain head printed on a document, which must still be in the chain"),
      N_("HEX") },
    { NULL }
  };

  if (!jp_cli_parse_options (entries, _("verify"), &argc, &argv, error))
    return 2;
  if (jp_cli_opt_db == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No election file given: add --db FILE"));
      return 2;
    }
  if (argc != 2 || !g_str_equal (argv[1], "verify"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say what to do: audit verify"));
      return 2;
    }
  return audit_verify (error);
}

int
jp_cli_cmd_backup (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The backup file to write"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (opt_output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say where to write the backup: add -o FILE"));
      return 2;
    }
  if (!jp_store_backup_to (store, opt_output, error))
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "backup");
      json_builder_add_string_value (b, opt_output);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    printf (_("Backup written to %s\n"), opt_output);
  return 0;
}

int
jp_cli_cmd_restore (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &opt_from, N_("The backup to restore"),
      N_("FILE") },
    { NULL }
  };
  g_autofree char *kept = NULL;
  gboolean ok;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error))
    return 2;
  if (jp_cli_opt_db == NULL || opt_from == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say which file to replace and from which backup: add --db FILE "
                             "--from BACKUP"));
      return 2;
    }
  /* never under a running host */
  if (!jp_store_take_host_lock (jp_cli_opt_db, error))
    return 1;
  ok = jp_store_restore (jp_cli_opt_db, opt_from, &kept, error);
  if (ok)
    {
      /* the restored record says so, as a restore from the console does */
      g_autoptr(JpStore) restored = jp_store_open (jp_cli_opt_db, error);

      ok = restored != NULL && jp_store_audit_restore (restored, opt_from, kept, NULL, error);
      if (!ok)
        g_prefix_error (error, _("%s was restored from %s, but the restore is not in its "
                                 "audit log: "), jp_cli_opt_db, opt_from);
    }
  jp_store_release_host_lock (jp_cli_opt_db);
  if (!ok)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "restored");
      json_builder_add_string_value (b, opt_from);
      json_builder_set_member_name (b, "kept");
      if (kept != NULL)
        json_builder_add_string_value (b, kept);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    {
      printf (_("%s restored from %s\n"), jp_cli_opt_db, opt_from);
      if (kept != NULL)
        printf (_("The replaced file is kept as %s\n"), kept);
    }
  return 0;
}

/* ---- archive ---- */

typedef struct {
  struct archive *zip;
  GString        *manifest;   /* sha256sum format: "HEX  NAME\n" */
  const char     *output;
} Archive;

static gboolean
archive_add (Archive     *a,
             const char  *name,
             const char  *data,
             gsize        length,
             GError     **error)
{
  struct archive_entry *entry = archive_entry_new ();
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) data, length);
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, g_get_real_time () / G_USEC_PER_SEC, 0);
  ok = archive_write_header (a->zip, entry) == ARCHIVE_OK
       && (length == 0 || archive_write_data (a->zip, data, length) == (la_ssize_t) length);
  archive_entry_free (entry);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” could not be written into %s: %s"), name, a->output,
                   archive_error_string (a->zip));
      return FALSE;
    }
  if (a->manifest != NULL)
    g_string_append_printf (a->manifest, "%s  %s\n", sha, name);
  return TRUE;
}

/* Writes one document into the archive under documents/NAME. A document whose data does not
 * exist (NOT_READY) is not an error: it is named in `skipped` with the reason. */
static gboolean
archive_add_document (Archive                *a,
                      JpStore                *store,
                      JpDocumentKind          kind,
                      const JpDocumentScope  *scope,
                      const char             *name,
                      const char             *tmpdir,
                      GPtrArray              *skipped,
                      GError                **error)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *entry = g_strconcat ("documents/", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  gboolean ok;

  if (!jp_documents_write (store, kind, scope, NULL, path, NULL, NULL, NULL, NULL, &local))
    {
      if (g_error_matches (local, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY))
        {
          g_ptr_array_add (skipped, g_strdup_printf ("%s: %s", name, local->message));
          return TRUE;
        }
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _("The document %s could not be made for the archive: "),
                                  name);
      return FALSE;
    }
  ok = g_file_get_contents (path, &data, &length, error)
       && archive_add (a, entry, data, length, error);
  g_unlink (path);
  return ok;
}

/* Every document of the final state whose data exists, under documents/ (docs/archive.md):
 * each kind for the whole election, and the kinds made per round for every closed or sealed
 * round of their kind. The blank ballot papers are no record and are left out. What could not
 * be made yet is named in `skipped`. */
static gboolean
archive_add_documents (Archive    *a,
                       JpStore    *store,
                       const char *tmpdir,
                       GPtrArray  *skipped,
                       GError    **error)
{
  g_autoptr(GPtrArray) rounds = jp_store_list_rounds (store, NULL, error);

  if (rounds == NULL)
    return FALSE;
  for (int k = 0; k < JP_DOCUMENT_N_KINDS; k++)
    {
      const char *key = jp_document_kind_to_key (k);

      if (k == JP_DOCUMENT_BALLOT_PAPERS)
        continue;
      if (jp_document_kind_accepts_scope (k, JP_DOCUMENT_SCOPE_ALL))
        {
          JpDocumentScope scope = { JP_DOCUMENT_SCOPE_ALL, 0, NULL };
          g_autofree char *name = g_strconcat (key, ".pdf", NULL);

          if (!archive_add_document (a, store, k, &scope, name, tmpdir, skipped, error))
            return FALSE;
          continue;
        }
      if (!jp_document_kind_accepts_scope (k, JP_DOCUMENT_SCOPE_ROUND))
        continue;
      for (guint i = 0; i < rounds->len; i++)
        {
          JpRound *r = g_ptr_array_index (rounds, i);
          JpRoundKind wanted = k == JP_DOCUMENT_TALLY_REPORT ? JP_ROUND_KIND_BALLOT
                                                             : JP_ROUND_KIND_DEFENCE;
          JpDocumentScope scope = { JP_DOCUMENT_SCOPE_ROUND, r->id, NULL };
          g_autofree char *name = NULL;

          if (r->kind != wanted
              || (r->state != JP_ROUND_STATE_CLOSED && r->state != JP_ROUND_STATE_SEALED))
            continue;
          name = g_strdup_printf ("%s-round-%" G_GINT64_FORMAT ".pdf", key, r->id);
          if (!archive_add_document (a, store, k, &scope, name, tmpdir, skipped, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Removes the archive's scratch folder and what is left in it. */
static void
remove_tmpdir (const char *dir)
{
  g_autoptr(GDir) d = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
archive_write (JpStore     *store,
               const char  *output,
               const char  *tmpdir,
               GPtrArray   *skipped,
               GPtrArray   *documents,
               JpAuditReport **report_out,
               GError     **error)
{
  g_autoptr(JpAuditReport) report = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  gsize db_length = 0, csv_length = 0;
  Archive a = { 0 };
  gboolean ok;
  int fd;

  /* the database as a consistent backup copy */
  base = g_path_get_basename (jp_cli_opt_db);
  copy = g_build_filename (tmpdir, base, NULL);
  ok = jp_store_backup_to (store, copy, error)
       && g_file_get_contents (copy, &db, &db_length, error);
  g_unlink (copy);
  if (!ok)
    return FALSE;
  csv = jp_store_audit_csv (store, &csv_length, error);
  if (csv == NULL)
    return FALSE;
  report = jp_store_verify (store, NULL, error);
  if (report == NULL)
    return FALSE;

  /* written beside the target under another name and renamed over it once complete: a
   * failure (or a kill) never leaves a half-written archive under the name asked for */
  partial = g_strconcat (output, ".partial-XXXXXX", NULL);
  fd = g_mkstemp_full (partial, O_WRONLY, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s cannot be written: %s"), output, g_strerror (saved));
      return FALSE;
    }
  a.output = output;
  a.manifest = g_string_new (NULL);
  a.zip = archive_write_new ();
  archive_write_set_format_zip (a.zip);
  archive_write_set_options (a.zip, "zip:hdrcharset=UTF-8");
  if (archive_write_open_fd (a.zip, fd) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written: %s"),
                   output, archive_error_string (a.zip));
      archive_write_free (a.zip);
      g_string_free (a.manifest, TRUE);
      close (fd);
      g_unlink (partial);
      return FALSE;
    }
  ok = archive_add (&a, base, db, db_length, error)
       && archive_add (&a, "audit.csv", csv, csv_length, error)
       && archive_add_documents (&a, store, tmpdir, skipped, error);
  if (ok)
    {
      g_autofree char *manifest = NULL;

      /* sha256sum -c MANIFEST.sha256 re-checks every file (comment lines left out); the
       * chain head at the time of the archive and the documents not made are written beside
       * them */
      for (guint i = 0; i < skipped->len; i++)
        g_string_append_printf (a.manifest, "# not included: %s\n",
                                (const char *) skipped->pdata[i]);
      g_string_append_printf (a.manifest, "# chain head %s (%lld audit entries)%s\n",
                              report->head, (long long) report->entries,
                              report->ok ? "" : " DOES NOT VERIFY");
      {
        /* the documents included, for the caller's summary */
        g_auto(GStrv) lines = g_strsplit (a.manifest->str, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          {
            const char *name = strstr (lines[i], "  documents/");

            if (lines[i][0] != '#' && name != NULL)
              g_ptr_array_add (documents, g_strdup (name + 2));
          }
      }
      manifest = g_string_free (g_steal_pointer (&a.manifest), FALSE);
      ok = archive_add (&a, "MANIFEST.sha256", manifest, strlen (manifest), error);
    }
  if (archive_write_close (a.zip) != ARCHIVE_OK && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written: %s"),
                   output, archive_error_string (a.zip));
      ok = FALSE;
    }
  archive_write_free (a.zip);
  if (a.manifest != NULL)
    g_string_free (a.manifest, TRUE);
  if (ok && (fsync (fd) != 0 || close (fd) != 0))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s cannot be written: %s"), output, g_strerror (saved));
      ok = FALSE;
      fd = -1;
    }
  else if (!ok)
    close (fd);
  if (ok && g_rename (partial, output) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s cannot be written: %s"), output, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (partial);
      return FALSE;
    }
  *report_out = g_steal_pointer (&report);
  return TRUE;
}

int
jp_cli_cmd_archive (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The .zip file to write"),
      N_("FILE.zip") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmpdir = NULL;
  gboolean ok;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (opt_output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say where to write the archive: add -o FILE.zip"));
      return 2;
    }
  if (g_file_test (opt_output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name for the archive."), opt_output);
      return 1;
    }
  tmpdir = g_dir_make_tmp ("jp-archive-XXXXXX", error);
  if (tmpdir == NULL)
    return 1;
  ok = archive_write (store, opt_output, tmpdir, skipped, documents, &report, error);
  remove_tmpdir (tmpdir);
  if (!ok)
    return 1;

  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "archive");
      json_builder_add_string_value (b, opt_output);
      json_builder_set_member_name (b, "head");
      json_builder_add_string_value (b, report->head);
      json_builder_set_member_name (b, "verified");
      json_builder_add_boolean_value (b, report->ok);
      json_builder_set_member_name (b, "documents");
      json_builder_begin_array (b);
      for (guint i = 0; i < documents->len; i++)
        json_builder_add_string_value (b, documents->pdata[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "skipped");
      json_builder_begin_array (b);
      for (guint i = 0; i < skipped->len; i++)
        json_builder_add_string_value (b, skipped->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    {
      printf (_("Archive written to %s (chain head %s)\n"), opt_output, report->head);
      for (guint i = 0; i < documents->len; i++)
        printf ("  %s\n", (const char *) documents->pdata[i]);
      for (guint i = 0; i < skipped->len; i++)
        printf (_("Not included: %s\n"), (const char *) skipped->pdata[i]);
    }
  return 0;
}
