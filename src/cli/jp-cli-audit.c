/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-cli.h"
#include "store/jp-store-audit.h"

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

/* The hook for the printed documents of the final state: the documents engine adds each
 * PDF here (archive_add under "documents/") when it lands. Nothing yet. */
static gboolean
archive_add_documents (Archive  *a,
                       JpStore  *store,
                       GError  **error)
{
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
  g_autofree char *tmpdir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *base = NULL;
  gsize db_length = 0, csv_length = 0;
  Archive a = { 0 };
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

  /* the database as a consistent backup copy */
  tmpdir = g_dir_make_tmp ("jp-archive-XXXXXX", error);
  if (tmpdir == NULL)
    return 1;
  base = g_path_get_basename (jp_cli_opt_db);
  copy = g_build_filename (tmpdir, base, NULL);
  ok = jp_store_backup_to (store, copy, error)
       && g_file_get_contents (copy, &db, &db_length, error);
  g_unlink (copy);
  g_rmdir (tmpdir);
  if (!ok)
    return 1;
  csv = jp_store_audit_csv (store, &csv_length, error);
  if (csv == NULL)
    return 1;
  report = jp_store_verify (store, NULL, error);
  if (report == NULL)
    return 1;

  a.output = opt_output;
  a.manifest = g_string_new (NULL);
  a.zip = archive_write_new ();
  archive_write_set_format_zip (a.zip);
  archive_write_set_options (a.zip, "zip:hdrcharset=UTF-8");
  if (archive_write_open_filename (a.zip, opt_output) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written: %s"),
                   opt_output, archive_error_string (a.zip));
      archive_write_free (a.zip);
      g_string_free (a.manifest, TRUE);
      return 1;
    }
  ok = archive_add (&a, base, db, db_length, error)
       && archive_add (&a, "audit.csv", csv, csv_length, error)
       && archive_add_documents (&a, store, error);
  if (ok)
    {
      g_autofree char *manifest = NULL;

      /* sha256sum -c MANIFEST.sha256 re-checks every file; the chain head at the time of the
       * archive is written beside it */
      g_string_append_printf (a.manifest, "# chain head %s (%lld audit entries)%s\n",
                              report->head, (long long) report->entries,
                              report->ok ? "" : " DOES NOT VERIFY");
      manifest = g_string_free (g_steal_pointer (&a.manifest), FALSE);
      ok = archive_add (&a, "MANIFEST.sha256", manifest, strlen (manifest), error);
    }
  if (archive_write_close (a.zip) != ARCHIVE_OK && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written: %s"),
                   opt_output, archive_error_string (a.zip));
      ok = FALSE;
    }
  archive_write_free (a.zip);
  if (a.manifest != NULL)
    g_string_free (a.manifest, TRUE);
  if (!ok)
    {
      g_unlink (opt_output);
      return 1;
    }
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
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    printf (_("Archive written to %s (chain head %s)\n"), opt_output, report->head);
  return 0;
}
