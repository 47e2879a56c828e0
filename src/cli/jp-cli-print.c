/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-cli.h"
#include "documents/jp-documents.h"

/* jiangping-cli print KIND --db F [--candidate ID | --trade CODE | --round ID] -o FILE.pdf
 * (issue 8). */

static char *opt_candidate;
static char *opt_trade;
static gint64 opt_round;
static char *opt_output;
static int opt_copies;
static int opt_per_page;
static char *opt_prefix;
static int opt_number;
static char *opt_date;
static char *opt_member;

static GOptionEntry print_entries[] = {
  JP_CLI_COMMON_OPTIONS,
  { "candidate", 0, 0, G_OPTION_ARG_STRING, &opt_candidate,
    N_("Only this candidate (row id or ID number)"), N_("ID") },
  { "trade", 0, 0, G_OPTION_ARG_STRING, &opt_trade, N_("Only this trade (code or name)"),
    N_("CODE") },
  { "round", 0, 0, G_OPTION_ARG_INT64, &opt_round, N_("The round (id)"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The PDF file to write"),
    N_("FILE") },
  { "copies", 0, 0, G_OPTION_ARG_INT, &opt_copies,
    N_("Ballot papers to print (default: one per panel member)"), N_("N") },
  { "per-page", 0, 0, G_OPTION_ARG_INT, &opt_per_page, N_("Ballot papers per page (1 or 2)"),
    N_("N") },
  { "prefix", 0, 0, G_OPTION_ARG_STRING, &opt_prefix,
    N_("Certificate number prefix (e.g. BTGJ-2023)"), N_("PREFIX") },
  { "number", 0, 0, G_OPTION_ARG_INT, &opt_number,
    N_("Certificate number of a reprint"), N_("N") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date,
    N_("Date printed on the document (YYYY-MM-DD, default today)"), N_("DATE") },
  { "member", 0, 0, G_OPTION_ARG_STRING, &opt_member,
    N_("Score sheets: only this panel member (code or name)"), N_("M") },
  { NULL }
};

static gboolean
parse_date (const char *text, gint64 *out, GError **error)
{
  g_autofree char *day = jp_date_normalize (text);
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (day == NULL || sscanf (day, "%d-%d-%d", &y, &m, &d) != 3
      || (dt = g_date_time_new_local (y, m, d, 12, 0, 0)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--date: “%s” is not a date (write YYYY-MM-DD)"), text);
      return FALSE;
    }
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static void
print_findings_json (const char *path, GPtrArray *findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "findings");
  json_builder_add_value (b, jp_cli_findings_to_json (findings));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  jp_cli_print_json (root);
}

int
jp_cli_cmd_print (int argc, char **argv, GError **error)
{
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  JpDocumentScope scope = { JP_DOCUMENT_SCOPE_ALL, 0, NULL };
  JpDocumentOptions options = { 0 };
  JpDocumentKind kind;
  int status = 2;
  guint n_scopes;

  store = jp_cli_parse_and_open (print_entries,
                                 _("KIND — approval-form, summary-table, certificates, "
                                   "ballot-papers, tally-report, score-sheets, "
                                   "defence-summary, ranking-report, publicity"),
                                 &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc != 2 || !jp_document_kind_from_key (argv[1], &kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Name one document: approval-form, summary-table, certificates, "
                     "ballot-papers, tally-report, score-sheets, defence-summary, "
                     "ranking-report or publicity"));
      return 2;
    }
  if (opt_output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No output file given: add -o FILE.pdf"));
      return 2;
    }
  n_scopes = (opt_candidate != NULL) + (opt_trade != NULL) + (opt_round != 0);
  if (n_scopes > 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give at most one of --candidate, --trade and --round"));
      return 2;
    }
  if (opt_candidate != NULL)
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (opt_candidate, &end, 10);

      scope.kind = JP_DOCUMENT_SCOPE_CANDIDATE;
      if (end != NULL && *end == '\0' && id > 0 && strlen (opt_candidate) < 18)
        scope.id = id;
      else
        {
          g_autoptr(JpCandidate) c = jp_store_find_candidate_by_id_number (store,
                                                                           opt_candidate);

          if (c == NULL)
            {
              g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                           _("There is no candidate “%s” (give the row id or the ID number)"),
                           opt_candidate);
              return 1;
            }
          scope.id = c->id;
        }
    }
  else if (opt_trade != NULL)
    {
      scope.kind = JP_DOCUMENT_SCOPE_TRADE;
      scope.trade = opt_trade;
    }
  else if (opt_round != 0)
    {
      scope.kind = JP_DOCUMENT_SCOPE_ROUND;
      scope.id = opt_round;
    }
  else if (jp_document_kind_accepts_scope (kind, JP_DOCUMENT_SCOPE_ROUND)
           && !jp_document_kind_accepts_scope (kind, JP_DOCUMENT_SCOPE_ALL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("The %s is printed per round: add --round ID"),
                   jp_document_kind_label (kind));
      return 2;
    }

  if (opt_copies < 0 || opt_per_page < 0 || opt_per_page > 2 || opt_number < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--copies and --number must be positive, --per-page 1 or 2"));
      return 2;
    }
  options.ballot_copies = opt_copies;
  options.ballot_per_page = opt_per_page;
  options.certificate_prefix = opt_prefix;
  options.certificate_number = opt_number;
  options.member = opt_member;
  if (opt_date != NULL && !parse_date (opt_date, &options.date, error))
    return 2;

  if (!jp_documents_write (store, kind, &scope, &options, opt_output, NULL, NULL, NULL,
                           &findings, error))
    return 1;
  if (jp_cli_opt_json)
    print_findings_json (opt_output, findings);
  else
    {
      for (guint i = 0; findings != NULL && i < findings->len; i++)
        {
          JpFinding *f = g_ptr_array_index (findings, i);

          g_printerr ("%s: %s\n", _("warning"), f->message);
        }
      g_print (_("Wrote %s\n"), opt_output);
    }
  return 0;
}
