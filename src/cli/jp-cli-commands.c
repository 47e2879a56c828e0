/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "demo/jp-demo.h"
#include "jp-cli-serve.h"
#include "jp-cli.h"

/* Options every command takes. */
static gboolean
require_db (GError **error)
{
  if (jp_cli_opt_db != NULL)
    return TRUE;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("No election file given: add --db FILE"));
  return FALSE;
}

/* ---- init ---- */

/* The JSON answer of `init` and `demo`: the election file made and one or two numbers
 * about it (`key2` NULL for one). */
static void
print_created_json (const char *key1,
                    gint64      value1,
                    const char *key2,
                    gint64      value2)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  jp_cli_add_string (b, "db", jp_cli_opt_db);
  jp_cli_add_int (b, key1, value1);
  if (key2 != NULL)
    jp_cli_add_int (b, key2, value2);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  jp_cli_print_json (root);
}

static int
cmd_init (int argc, char **argv, GError **error)
{
  g_autofree char *title = NULL, *organiser = NULL, *award = NULL;
  int year = 0, quota = 0;
  double ratio = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Election title"), N_("TEXT") },
    { "award", 0, 0, G_OPTION_ARG_STRING, &award, N_("Title awarded, e.g. 包头工匠"), N_("TEXT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year of the selection"), N_("YEAR") },
    { "organiser", 0, 0, G_OPTION_ARG_STRING, &organiser, N_("Organiser"), N_("TEXT") },
    { "quota", 0, 0, G_OPTION_ARG_INT, &quota, N_("Titles to award (default 20)"), N_("N") },
    { "ratio", 0, 0, G_OPTION_ARG_DOUBLE, &ratio, N_("Finalist ratio (default 1.5)"), N_("R") },
    { NULL }
  };
  g_autoptr(JpElection) election = jp_election_new ();
  g_autoptr(JpStore) store = NULL;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error) || !require_db (error))
    return 2;

  if (title != NULL)
    { g_free (election->title); election->title = g_strdup (title); }
  if (award != NULL)
    { g_free (election->award); election->award = g_strdup (award); }
  if (organiser != NULL)
    { g_free (election->organiser); election->organiser = g_strdup (organiser); }
  if (year != 0)
    election->year = year;
  if (quota != 0)
    election->quota = quota;
  if (ratio != 0)
    election->ratio = ratio;
  if (election->quota < 1 || election->ratio < 1.0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--quota must be at least 1 and --ratio at least 1.0 (got %d and %g)"),
                   election->quota, election->ratio);
      return 2;
    }

  store = jp_store_create (jp_cli_opt_db, election, error);
  if (store == NULL)
    return 1;
  if (jp_cli_opt_json)
    print_created_json ("schema_version", jp_store_get_schema_version (store), NULL, 0);
  else
    printf (_("Created election file %s\n"), jp_cli_opt_db);
  return 0;
}

/* ---- demo ---- */

static void
demo_progress (guint done, guint total, gpointer user_data)
{
  if (isatty (fileno (stderr)))
    fprintf (stderr, "\r%u / %u", done, total);
}

static int
cmd_demo (int argc, char **argv, GError **error)
{
  int candidates = JP_DEMO_DEFAULT_CANDIDATES, pages = 0;
  gint64 seed = JP_DEMO_DEFAULT_SEED;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "candidates", 0, 0, G_OPTION_ARG_INT, &candidates, N_("Number of candidates (default 60)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Random seed; the same seed gives the same election"), N_("S") },
    { "evidence-pages", 0, 0, G_OPTION_ARG_INT, &pages, N_("Evidence pages per candidate (default: 2-4 short documents)"), N_("N") },
    { NULL }
  };
  JpDemoOptions options = { 0 };
  g_autoptr(JpStore) store = NULL;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error) || !require_db (error))
    return 2;
  if (candidates < 1 || candidates > 5000 || pages < 0 || seed < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--candidates must be between 1 and 5000, --seed and --evidence-pages not negative"));
      return 2;
    }
  options.candidates = candidates;
  options.seed = seed;
  options.evidence_pages = pages;
  store = jp_demo_create (jp_cli_opt_db, &options, demo_progress, NULL, error);
  if (isatty (fileno (stderr)))
    fputc ('\n', stderr);
  if (store == NULL)
    return 1;
  if (jp_cli_opt_json)
    print_created_json ("candidates", jp_store_count_candidates (store),
                        "documents", jp_store_count_documents (store));
  else
    printf (ngettext ("Created demo election %s with %u candidate\n",
                      "Created demo election %s with %u candidates\n",
                      jp_store_count_candidates (store)),
            jp_cli_opt_db, jp_store_count_candidates (store));
  return 0;
}

/* ---- import, import-roster ---- */

static int
finish_import (JpImportReport *report, GError **error)
{
  if (jp_cli_opt_json)
    jp_cli_print_json (jp_cli_report_to_json (report));
  else
    {
      g_autofree char *text = jp_import_report_to_text (report);
      fputs (text, stdout);
      if (!g_str_has_suffix (text, "\n"))
        fputc ('\n', stdout);
    }
  if (report->rejected > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                   ngettext ("%u item was rejected; see the report above",
                             "%u items were rejected; see the report above",
                             report->rejected),
                   report->rejected);
      return 1;
    }
  return 0;
}

static void
import_progress (guint done, guint total, const char *current, gpointer user_data)
{
  if (isatty (fileno (stderr)))
    fprintf (stderr, "\r%u / %u  %s\033[K", done, total, current != NULL ? current : "");
}

static int
cmd_import (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpImportReport) report = NULL;

  if (!jp_cli_parse_options (entries, _("PATH…"), &argc, &argv, error) || !require_db (error))
    return 2;
  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give at least one dossier folder, folder of dossiers or .zip file"));
      return 2;
    }
  store = jp_cli_open_store (jp_cli_opt_db, error);
  if (store == NULL)
    return 1;
  report = jp_intake_import_paths (store, (const char * const *) argv + 1, "cli",
                                   import_progress, NULL, NULL, error);
  if (isatty (fileno (stderr)))
    fputc ('\n', stderr);
  if (report == NULL)
    return 1;
  return finish_import (report, error);
}

static int
cmd_import_roster (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpImportReport) report = NULL;

  if (!jp_cli_parse_options (entries, _("FILE.csv"), &argc, &argv, error) || !require_db (error))
    return 2;
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give exactly one candidate summary table (CSV file)"));
      return 2;
    }
  store = jp_cli_open_store (jp_cli_opt_db, error);
  if (store == NULL)
    return 1;
  report = jp_intake_import_roster (store, argv[1], "cli", NULL, error);
  if (report == NULL)
    return 1;
  return finish_import (report, error);
}

/* ---- candidates, check ---- */

static int
cmd_candidates (int argc, char **argv, GError **error)
{
  g_autofree char *trade = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "trade", 0, 0, G_OPTION_ARG_STRING, &trade, N_("Only this trade (name or code)"), N_("TRADE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint shown = 0;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error) || !require_db (error))
    return 2;
  store = jp_cli_open_store (jp_cli_opt_db, error);
  if (store == NULL)
    return 1;
  model = jp_store_list_candidates (store, error);
  if (model == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      if (trade != NULL && g_strcmp0 (c->trade, trade) != 0 &&
          (c->trade_code == NULL || g_ascii_strcasecmp (c->trade_code, trade) != 0))
        continue;
      shown++;
      if (jp_cli_opt_json)
        {
          json_builder_add_value (b, jp_cli_candidate_to_json (c));
        }
      else
        {
          g_autofree char *name = jp_cli_pad (c->name, 8);
          g_autofree char *unit = jp_cli_pad (c->unit, 36);
          g_autofree char *tr = jp_cli_pad (c->trade, 14);
          g_autofree char *route = jp_cli_pad (jp_route_label (c->route), 10);
          g_autofree char *status = jp_cli_pad (jp_status_label (c->status), 8);

          printf ("%4" G_GINT64_FORMAT "  %s %s  %s %s %s %s %u/%u\n", c->id, name,
                  jp_sex_label (c->sex), unit, tr, route, status,
                  jp_candidate_count_findings (c, JP_SEVERITY_ERROR),
                  jp_candidate_count_findings (c, JP_SEVERITY_WARNING));
        }
    }
  json_builder_end_array (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  else
    printf (ngettext ("%u candidate (last column: errors/warnings)\n",
                      "%u candidates (last column: errors/warnings)\n", shown), shown);
  return 0;
}

static int
cmd_check (int argc, char **argv, GError **error)
{
  gboolean strict = FALSE;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Exit with status 1 when there are errors"), NULL },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_errors = 0, n_warnings = 0;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error) || !require_db (error))
    return 2;
  store = jp_cli_open_store (jp_cli_opt_db, error);
  if (store == NULL)
    return 1;
  model = jp_store_list_candidates (store, error);
  if (model == NULL)
    return 1;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      for (guint j = 0; c->findings != NULL && j < c->findings->len; j++)
        {
          JpFinding *f = g_ptr_array_index (c->findings, j);

          if (f->severity == JP_SEVERITY_ERROR)
            n_errors++;
          else
            n_warnings++;
          if (jp_cli_opt_json)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "candidate_id");
              json_builder_add_int_value (b, c->id);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, c->name);
              json_builder_set_member_name (b, "severity");
              json_builder_add_string_value (b, jp_severity_to_key (f->severity));
              json_builder_set_member_name (b, "code");
              json_builder_add_string_value (b, f->code);
              json_builder_set_member_name (b, "field");
              json_builder_add_string_value (b, f->field);
              json_builder_set_member_name (b, "message");
              json_builder_add_string_value (b, f->message);
              json_builder_end_object (b);
            }
          else
            printf ("%s (%" G_GINT64_FORMAT ") %s: %s\n", c->name, c->id,
                    f->severity == JP_SEVERITY_ERROR ? _("error") : _("warning"), f->message);
        }
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "errors");
  json_builder_add_int_value (b, n_errors);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_int_value (b, n_warnings);
  json_builder_end_object (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  else
    printf (_("Errors: %u, warnings: %u\n"), n_errors, n_warnings);
  return strict && n_errors > 0 ? 1 : 0;
}

/* ---- stats ---- */

static void
counts_to_json (JsonBuilder *b, const char *member, const char *key_name, GPtrArray *counts,
                gboolean with_priority)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < counts->len; i++)
    {
      JpCount *c = g_ptr_array_index (counts, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, key_name);
      json_builder_add_string_value (b, c->key);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, c->count);
      if (with_priority)
        {
          json_builder_set_member_name (b, "priority");
          json_builder_add_boolean_value (b, c->priority);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_counts (const char *heading, GPtrArray *counts, const char *(*label) (const char *key))
{
  printf ("\n%s\n", heading);
  for (guint i = 0; i < counts->len; i++)
    {
      JpCount *c = g_ptr_array_index (counts, i);
      g_autofree char *key = jp_cli_pad (label != NULL ? label (c->key) : c->key, 40);

      printf ("  %s %4u%s\n", key, c->count, c->priority ? _("  (priority trade)") : "");
    }
}

static const char *
route_label_for_key (const char *key)
{
  return jp_route_label (jp_route_from_string (key, NULL));
}

static const char *
status_label_for_key (const char *key)
{
  return jp_status_label (jp_status_from_string (key, NULL));
}

static int
cmd_stats (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpStats) stats = NULL;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error) || !require_db (error))
    return 2;
  store = jp_cli_open_store (jp_cli_opt_db, error);
  if (store == NULL)
    return 1;
  stats = jp_store_get_stats (store, error);
  if (stats == NULL)
    return 1;

  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "candidates");
      json_builder_add_int_value (b, stats->candidates);
      json_builder_set_member_name (b, "priority_candidates");
      json_builder_add_int_value (b, stats->priority_candidates);
      counts_to_json (b, "by_trade", "trade", stats->by_trade, TRUE);
      counts_to_json (b, "by_unit", "unit", stats->by_unit, FALSE);
      counts_to_json (b, "by_route", "route", stats->by_route, FALSE);
      counts_to_json (b, "by_status", "status", stats->by_status, FALSE);
      json_builder_end_object (b);
      jp_cli_print_json (json_builder_get_root (b));
      return 0;
    }

  printf (_("Candidates: %u, in priority trades: %u\n"), stats->candidates,
          stats->priority_candidates);
  print_counts (_("By trade"), stats->by_trade, NULL);
  print_counts (_("By nomination route"), stats->by_route, route_label_for_key);
  print_counts (_("By status"), stats->by_status, status_label_for_key);
  print_counts (_("By nominating unit"), stats->by_unit, NULL);
  return 0;
}

static const JpCliCommand commands[] = {
  { "init", cmd_init, N_("Create a new, empty election file") },
  { "demo", cmd_demo, N_("Create a fictional demo election") },
  { "import", cmd_import, N_("Import dossier folders or .zip files") },
  { "import-roster", cmd_import_roster, N_("Import a candidate summary table (CSV)") },
  { "candidates", cmd_candidates, N_("List the candidates") },
  { "check", cmd_check, N_("List every validation finding") },
  { "stats", cmd_stats, N_("Counts per trade, unit, route and status") },
  { "qualify", jp_cli_cmd_qualify, N_("Record the qualification review of a candidate") },
  { "review-status", jp_cli_cmd_review_status, N_("Progress of the qualification review") },
  { "trades", jp_cli_cmd_trades, N_("List the trades with their codes and seats") },
  { "trade", jp_cli_cmd_trade, N_("Change a trade: trade set") },
  { "seats", jp_cli_cmd_seats, N_("Finalist seats per trade; --set and --reset edit them") },
  { "freeze", jp_cli_cmd_freeze, N_("Freeze the candidate list and draw the anonymous codes") },
  { "members", jp_cli_cmd_members, N_("List the committee members") },
  { "member", jp_cli_cmd_member, N_("Committee member: member add, member pin") },
  { "pins", jp_cli_cmd_pins, N_("Revoke every member's PIN: pins revoke") },
  { "conflicts", jp_cli_cmd_conflicts, N_("List the conflicts of interest") },
  { "conflict", jp_cli_cmd_conflict, N_("Declared conflicts: conflict add, conflict remove") },
  { "settings", jp_cli_cmd_settings, N_("Show the election settings; --set KEY=VALUE changes one") },
  { "round", jp_cli_cmd_round, N_("Ballot rounds: round open, close, seal, runoff") },
  { "ballots", jp_cli_cmd_ballots, N_("Enter paper ballots: ballots enter") },
  { "vote", jp_cli_cmd_vote, N_("Cast a member's ballot (scripting aid)") },
  { "tally", jp_cli_cmd_tally, N_("The tally of a closed round") },
  { "finalists", jp_cli_cmd_finalists, N_("Finalists per trade decided so far") },
  { "likes", jp_cli_cmd_likes, N_("Online likes: likes import, likes zero, likes list") },
  { "score", jp_cli_cmd_score, N_("A member's defence score sheet, as a station sends it") },
  { "scores", jp_cli_cmd_scores, N_("Enter paper defence score sheets: scores enter") },
  { "defence", jp_cli_cmd_defence,
    N_("Defence session: results, status, current, unlock, revise, absent") },
  { "rank", jp_cli_cmd_rank, N_("The composite ranking: rank, rank adjust, rank seal") },
  { "publicity", jp_cli_cmd_publicity,
    N_("Publicity (公示): publicity dates, start, show, add-candidate, close") },
  { "objection", jp_cli_cmd_objection, N_("Objections (异议): objection add, decide, list") },
  { "print", jp_cli_cmd_print, N_("Print a document to PDF: print KIND -o FILE.pdf") },
  { "export", jp_cli_cmd_export, N_("Export the candidates or the results as .xlsx or .csv") },
  { "audit", jp_cli_cmd_audit, N_("Check the audit chain and every sealed result: audit verify") },
  { "backup", jp_cli_cmd_backup, N_("Write a consistent backup copy of the election") },
  { "restore", jp_cli_cmd_restore, N_("Replace the election by a backup that verifies") },
  { "archive", jp_cli_cmd_archive, N_("Archive the election: database, audit CSV, SHA-256 manifest") },
  { "serve", jp_cli_cmd_serve, N_("Serve the meeting to the member stations (no window)") },
  { NULL, NULL, NULL }
};

const JpCliCommand *
jp_cli_commands (void)
{
  return commands;
}
