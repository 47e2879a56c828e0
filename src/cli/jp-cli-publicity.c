/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "jp-cli.h"
#include "store/jp-store-publicity.h"
#include "store/jp-holiday-files.h"

/* Publicity (公示) and objections (异议) from the command line (issue 9): publicity dates,
 * start, show, add-candidate, close; objection add, decide, list. */

#define ACTOR "cli"

static void
print_builder (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  jp_cli_print_json (root);
}

/* The working days and the warnings of a period, as members of the object being built. */
static void
add_period (JsonBuilder *b,
            JpWorkdays  *w)
{
  g_autofree char *start = jp_date_format_iso (&w->start);
  g_autofree char *end = jp_date_format_iso (&w->end);

  jp_cli_add_string (b, "start", start);
  jp_cli_add_string (b, "end", end);
  json_builder_set_member_name (b, "working_days");
  json_builder_begin_array (b);
  for (guint i = 0; i < w->days->len; i++)
    {
      g_autofree char *day = jp_date_format_iso (&g_array_index (w->days, GDate, i));

      json_builder_add_string_value (b, day);
    }
  json_builder_end_array (b);
  if (w->missing_years->len > 0)
    {
      json_builder_set_member_name (b, "missing_years");
      json_builder_begin_array (b);
      for (guint i = 0; i < w->missing_years->len; i++)
        json_builder_add_int_value (b, g_array_index (w->missing_years, int, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "warnings");
      json_builder_begin_array (b);
      for (guint i = 0; i < w->missing_years->len; i++)
        {
          g_autofree char *m = jp_workdays_missing_message (g_array_index (w->missing_years,
                                                                           int, i));

          json_builder_add_string_value (b, m);
        }
      json_builder_end_array (b);
    }
}

/* A year without a calendar is always said on stderr, JSON or not. */
static void
warn_missing (GArray *years)
{
  for (guint i = 0; years != NULL && i < years->len; i++)
    {
      g_autofree char *m = jp_workdays_missing_message (g_array_index (years, int, i));

      fprintf (stderr, _("jiangping-cli publicity: warning: %s\n"), m);
    }
}

static void
print_period_text (JpWorkdays *w)
{
  g_autofree char *start = jp_date_format_iso (&w->start);
  g_autofree char *end = jp_date_format_iso (&w->end);

  printf (ngettext ("%u working day from %s ends on %s:", "%u working days from %s end on %s:",
                    w->days->len), w->days->len, start, end);
  for (guint i = 0; i < w->days->len; i++)
    {
      g_autofree char *day = jp_date_format_iso (&g_array_index (w->days, GDate, i));

      printf (" %s", day);
    }
  printf ("\n");
}

static int
publicity_dates (JpStore     *store,
                 const char  *start,
                 int          days,
                 GError     **error)
{
  g_autoptr(JpWorkdays) w = NULL;

  if (start == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say when publicity would start: add --start YYYY-MM-DD"));
      return 2;
    }
  if (days < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--days is a number of working days, 1 or more"));
      return 2;
    }
  w = jp_store_publicity_dates (store, start, (guint) days, NULL, error);
  if (w == NULL)
    return 1;
  warn_missing (w->missing_years);
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_period (b, w);
      json_builder_end_object (b);
      print_builder (b);
    }
  else
    print_period_text (w);
  return 0;
}

static void
add_candidates (JsonBuilder *b,
                GPtrArray   *candidates)
{
  json_builder_set_member_name (b, "candidates");
  json_builder_begin_array (b);
  for (guint i = 0; i < candidates->len; i++)
    {
      JpPublicityCandidate *c = g_ptr_array_index (candidates, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "position");
      json_builder_add_int_value (b, c->position);
      jp_cli_add_string (b, "code", c->code);
      jp_cli_add_string (b, "name", c->name);
      jp_cli_add_string (b, "unit", c->unit);
      jp_cli_add_string (b, "trade", c->trade);
      jp_cli_add_string (b, "source", c->by_chair ? "chair" : "ranking");
      if (c->by_chair)
        {
          jp_cli_add_string (b, "reason", c->reason);
          jp_cli_add_string (b, "decided_by", c->decided_by);
        }
      json_builder_set_member_name (b, "disqualified");
      json_builder_add_boolean_value (b, c->objection_id > 0);
      json_builder_set_member_name (b, "objection");
      if (c->objection_id > 0)
        json_builder_add_int_value (b, (long long) c->objection_id);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static int
print_publicity (JpStore  *store,
                 GError  **error)
{
  g_autoptr(JpPublicity) p = jp_store_get_publicity (store, error);

  if (p == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "started");
      json_builder_add_boolean_value (b, p->started);
      if (p->started)
        {
          jp_cli_add_string (b, "start", p->start);
          jp_cli_add_string (b, "end", p->end);
          json_builder_set_member_name (b, "days");
          json_builder_add_int_value (b, p->working_days);
          json_builder_set_member_name (b, "missing_years");
          json_builder_begin_array (b);
          for (guint i = 0; i < p->missing_years->len; i++)
            json_builder_add_int_value (b, g_array_index (p->missing_years, int, i));
          json_builder_end_array (b);
          jp_cli_add_string (b, "approved_by", p->approved_by);
          jp_cli_add_string (b, "approved_at", p->approved_at);
          jp_cli_add_string (b, "ranking_digest", p->ranking_digest);
          json_builder_set_member_name (b, "closed");
          json_builder_add_boolean_value (b, p->closed);
          jp_cli_add_string (b, "digest", p->final_digest);
          add_candidates (b, p->candidates);
        }
      json_builder_end_object (b);
      print_builder (b);
      return 0;
    }
  if (!p->started)
    {
      printf ("%s\n", _("Publicity has not started."));
      return 0;
    }
  printf (_("Publicity %s to %s (%u working days), approved by %s on %s.\n"), p->start, p->end,
          p->working_days, p->approved_by, p->approved_at);
  if (p->closed)
    printf (_("Closed; final list digest %s\n"), p->final_digest);
  for (guint i = 0; i < p->candidates->len; i++)
    {
      JpPublicityCandidate *c = g_ptr_array_index (p->candidates, i);
      g_autofree char *note = NULL;

      if (c->objection_id > 0)
        note = g_strdup_printf (_("disqualified (objection %lld)"),
                                (long long) c->objection_id);
      else if (c->by_chair)
        note = g_strdup_printf (_("added by the chair: %s"), c->reason);
      printf ("%3u  %-8s %s  %s\n", c->position, c->code != NULL ? c->code : "", c->name,
              note != NULL ? note : "");
    }
  return 0;
}

static int
publicity_start (JpStore     *store,
                 const char  *date,
                 const char  *approved_by,
                 const char  *approved_at,
                 GError     **error)
{
  g_autoptr(JpWorkdays) w = NULL;

  if (date == NULL || approved_by == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Starting publicity needs --date YYYY-MM-DD and --approved-by NAME "
                             "(the chair's meeting that approved the list)"));
      return 2;
    }
  if (!jp_store_start_publicity (store, date, approved_by, approved_at, NULL, ACTOR, &w, error))
    return 1;
  warn_missing (w->missing_years);
  return print_publicity (store, error);
}

static int
publicity_add_candidate (JpStore     *store,
                         const char  *candidate,
                         const char  *reason,
                         const char  *decided_by,
                         GError     **error)
{
  if (candidate == NULL || reason == NULL || decided_by == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("The chair's decision needs --candidate CODE, --reason TEXT and "
                             "--decided-by NAME"));
      return 2;
    }
  if (!jp_store_publicity_add_candidate (store, candidate, reason, decided_by, ACTOR, error))
    return 1;
  return print_publicity (store, error);
}

static void
add_final_list (JsonBuilder *b,
                JpFinalList *list)
{
  guint place = 0;

  json_builder_set_member_name (b, "final");
  json_builder_begin_array (b);
  for (guint i = 0; i < list->entries->len; i++)
    {
      JpFinalEntry *e = g_ptr_array_index (list->entries, i);

      if (e->objection_id > 0)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "place");
      json_builder_add_int_value (b, ++place);
      jp_cli_add_string (b, "code", e->code);
      jp_cli_add_string (b, "name", e->name);
      jp_cli_add_string (b, "unit", e->unit);
      jp_cli_add_string (b, "trade", e->trade);
      jp_cli_add_string (b, "source", e->by_chair ? "chair" : "ranking");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "disqualified");
  json_builder_begin_array (b);
  for (guint i = 0; i < list->entries->len; i++)
    {
      JpFinalEntry *e = g_ptr_array_index (list->entries, i);

      if (e->objection_id <= 0)
        continue;
      json_builder_begin_object (b);
      jp_cli_add_string (b, "code", e->code);
      jp_cli_add_string (b, "name", e->name);
      json_builder_set_member_name (b, "objection");
      json_builder_add_int_value (b, e->objection_id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static int
publicity_close (JpStore  *store,
                 GError  **error)
{
  g_autofree char *digest = NULL;
  g_autoptr(JpFinalList) list = jp_store_close_publicity (store, ACTOR, &digest, error);

  if (list == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autofree char *canonical = jp_final_list_canonical (list);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "closed");
      json_builder_add_boolean_value (b, TRUE);
      jp_cli_add_string (b, "digest", digest);
      add_final_list (b, list);
      jp_cli_add_string (b, "canonical", canonical);
      json_builder_end_object (b);
      print_builder (b);
      return 0;
    }
  printf (_("Publicity closed. Final list digest (SHA-256): %s\n"), digest);
  for (guint i = 0, place = 0; i < list->entries->len; i++)
    {
      JpFinalEntry *e = g_ptr_array_index (list->entries, i);

      if (e->objection_id <= 0)
        printf ("%3u  %-8s %s\n", ++place, e->code != NULL ? e->code : "", e->name);
    }
  return 0;
}

int
jp_cli_cmd_publicity (int argc, char **argv, GError **error)
{
  g_autofree char *start = NULL, *date = NULL, *approved_by = NULL, *approved_at = NULL;
  g_autofree char *candidate = NULL, *reason = NULL, *decided_by = NULL;
  int days = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("dates: the first day"), N_("YYYY-MM-DD") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      N_("dates: working days (default: the election's setting)"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("start: the first day of publicity"),
      N_("YYYY-MM-DD") },
    { "approved-by", 0, 0, G_OPTION_ARG_STRING, &approved_by,
      N_("start: who approved the list (the chair's meeting)"), N_("NAME") },
    { "approved-at", 0, 0, G_OPTION_ARG_STRING, &approved_at,
      N_("start: the date of that meeting (default today)"), N_("YYYY-MM-DD") },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &candidate,
      N_("add-candidate: the candidate the chair puts on the list"), N_("CODE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("add-candidate: the written reason"),
      N_("TEXT") },
    { "decided-by", 0, 0, G_OPTION_ARG_STRING, &decided_by,
      N_("add-candidate: who decided"), N_("NAME") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("dates|start|show|add-candidate|close"), &argc,
                                 &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc == 2 && g_str_equal (argv[1], "dates"))
    return publicity_dates (store, start, days, error);
  if (argc == 2 && g_str_equal (argv[1], "start"))
    return publicity_start (store, date, approved_by, approved_at, error);
  if (argc == 2 && g_str_equal (argv[1], "add-candidate"))
    return publicity_add_candidate (store, candidate, reason, decided_by, error);
  if (argc == 2 && g_str_equal (argv[1], "close"))
    return publicity_close (store, error);
  if (argc == 1 || (argc == 2 && g_str_equal (argv[1], "show")))
    return print_publicity (store, error);
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Say what to do: publicity dates, start, show, add-candidate or close"));
  return 2;
}

static void
add_objection_json (JsonBuilder *b,
                    JpObjection *o)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, o->id);
  jp_cli_add_string (b, "candidate", o->code);
  jp_cli_add_string (b, "name", o->name);
  jp_cli_add_string (b, "received", o->received);
  jp_cli_add_string (b, "channel", o->channel);
  jp_cli_add_string (b, "from", o->from_kind);
  jp_cli_add_string (b, "from_name", o->from_name);
  json_builder_set_member_name (b, "sealed");
  json_builder_add_boolean_value (b, o->sealed);
  json_builder_set_member_name (b, "anonymous");
  json_builder_add_boolean_value (b, g_strcmp0 (o->from_kind, "anonymous") == 0);
  json_builder_set_member_name (b, "late");
  json_builder_add_boolean_value (b, o->late);
  jp_cli_add_string (b, "content", o->content);
  jp_cli_add_string (b, "investigation", o->investigation);
  jp_cli_add_string (b, "outcome", o->outcome);
  jp_cli_add_string (b, "handled_by", o->handled_by);
  json_builder_end_object (b);
}

static int
objection_list (JpStore  *store,
                GError  **error)
{
  g_autoptr(GPtrArray) list = jp_store_list_objections (store, error);

  if (list == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        add_objection_json (b, g_ptr_array_index (list, i));
      json_builder_end_array (b);
      print_builder (b);
      return 0;
    }
  for (guint i = 0; i < list->len; i++)
    {
      JpObjection *o = g_ptr_array_index (list, i);

      printf ("%3" G_GINT64_FORMAT "  %s  %-8s %-7s %-6s %s%s  %s\n", o->id, o->received,
              o->code != NULL ? o->code : "", o->channel,
              o->outcome != NULL ? o->outcome : _("pending"),
              o->from_name != NULL ? o->from_name : _("anonymous"),
              o->sealed ? _(" (sealed)") : "", o->content);
    }
  return 0;
}

int
jp_cli_cmd_objection (int argc, char **argv, GError **error)
{
  g_autofree char *candidate = NULL, *received = NULL, *channel = NULL, *unit = NULL;
  g_autofree char *person = NULL, *content = NULL, *outcome = NULL, *investigation = NULL;
  g_autofree char *handled_by = NULL;
  gboolean sealed = FALSE, anonymous = FALSE;
  gint64 id = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &candidate, N_("add: the candidate's code"),
      N_("CODE") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, N_("add: the date received"),
      N_("YYYY-MM-DD") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("add: letter, phone or visit"),
      N_("CHANNEL") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("add: from this unit"), N_("NAME") },
    { "sealed", 0, 0, G_OPTION_ARG_NONE, &sealed, N_("add: the unit's letter bears its seal"),
      NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("add: from this named person"),
      N_("NAME") },
    { "anonymous", 0, 0, G_OPTION_ARG_NONE, &anonymous, N_("add: anonymous (logged as such)"),
      NULL },
    { "content", 0, 0, G_OPTION_ARG_STRING, &content, N_("add: what the objection says"),
      N_("TEXT") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("decide: the objection's number"), N_("N") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("decide: upheld or rejected"),
      N_("OUTCOME") },
    { "investigation", 0, 0, G_OPTION_ARG_STRING, &investigation,
      N_("decide: what the investigation found"), N_("TEXT") },
    { "handled-by", 0, 0, G_OPTION_ARG_STRING, &handled_by, N_("decide: who handled it"),
      N_("NAME") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("add|decide|list"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc == 2 && g_str_equal (argv[1], "add"))
    {
      const char *kind = NULL, *from = NULL;
      gint64 added;

      if ((unit != NULL) + (person != NULL) + (anonymous != FALSE) != 1
          || (sealed && unit == NULL) || candidate == NULL || received == NULL
          || channel == NULL || content == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("An objection needs --candidate CODE, --received YYYY-MM-DD, "
                                 "--channel letter|phone|visit, --content TEXT and one sender: "
                                 "--unit NAME [--sealed], --person NAME or --anonymous"));
          return 2;
        }
      kind = unit != NULL ? "unit" : person != NULL ? "person" : "anonymous";
      from = unit != NULL ? unit : person;
      added = jp_store_add_objection (store, candidate, received, channel, kind, from, sealed,
                                      content, ACTOR, error);
      if (added == 0)
        return 1;
      if (jp_cli_opt_json)
        {
          g_autoptr(GPtrArray) list = jp_store_list_objections (store, error);

          if (list == NULL)
            return 1;
          for (guint i = 0; i < list->len; i++)
            if (((JpObjection *) list->pdata[i])->id == added)
              {
                g_autoptr(JsonBuilder) b = json_builder_new ();

                add_objection_json (b, list->pdata[i]);
                print_builder (b);
              }
        }
      else
        printf (_("Objection %lld logged.\n"), (long long) added);
      return 0;
    }
  if (argc == 2 && g_str_equal (argv[1], "decide"))
    {
      if (id <= 0 || outcome == NULL || investigation == NULL || handled_by == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Deciding needs --id N, --outcome upheld|rejected, "
                                 "--investigation TEXT and --handled-by NAME"));
          return 2;
        }
      if (!jp_store_decide_objection (store, id, outcome, investigation, handled_by, ACTOR,
                                      error))
        return 1;
      if (jp_cli_opt_json)
        return objection_list (store, error);
      printf (g_str_equal (outcome, "upheld")
              ? _("Objection %lld upheld: the candidate is disqualified.\n")
              : _("Objection %lld rejected.\n"), (long long) id);
      return 0;
    }
  if (argc == 1 || (argc == 2 && g_str_equal (argv[1], "list")))
    return objection_list (store, error);
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Say what to do: objection add, objection decide or objection list"));
  return 2;
}
