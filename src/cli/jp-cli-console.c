/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/jp-store-console.h"
#include "jp-cli.h"

/* The host console's commands: qualify, review-status, trades, trade, seats, freeze,
 * members, member, conflicts, conflict, settings. */

#define ACTOR "cli"

static gboolean
bad_value (GError     **error,
           const char  *option,
           const char  *value,
           const char  *hint)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s: “%s” is not valid; %s"), option, value != NULL ? value : "", hint);
  return FALSE;
}

/* Pads by display columns: CJK characters take two. */
static char *
pad (const char *s,
     int         width)
{
  GString *out = g_string_new (s != NULL ? s : "");
  int cols = 0;

  for (const char *p = out->str; *p != '\0'; p = g_utf8_next_char (p))
    cols += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  while (cols++ < width)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
print_findings (GPtrArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      JpFinding *f = g_ptr_array_index (findings, i);

      printf ("  %s: %s\n", f->severity == JP_SEVERITY_ERROR ? _("error") : _("warning"),
              f->message);
    }
}

/* ---- qualify ---- */

static gboolean
parse_evidence (JpReview    *review,
                char       **specs,
                guint       *given,
                GError     **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      const char *eq = strchr (specs[i], '=');
      char *end = NULL;
      gint64 n = eq != NULL ? g_ascii_strtoll (specs[i], &end, 10) : 0;
      const char *sha = eq != NULL ? eq + 1 : NULL;
      gsize len = sha != NULL ? strlen (sha) : 0;
      gboolean hex = len == 64;

      for (gsize k = 0; hex && k < len; k++)
        hex = g_ascii_isxdigit (sha[k]);
      if (eq == NULL || end != eq || n < 1 || n > JP_N_CRITERIA || !hex)
        return bad_value (error, "--evidence", specs[i],
                          _("write CRITERION=SHA256, for example 1=<64 hex digits>."));
      jp_review_link_evidence (review, (int) n, sha);
      *given |= 1u << n;
    }
  return TRUE;
}

static gboolean
parse_exclusions (JpReview   *review,
                  char      **specs,
                  GError    **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], ":", 2);
      gboolean ok = FALSE;
      JpExclusion x = jp_exclusion_from_string (parts[0], &ok);

      if (!ok)
        return bad_value (error, "--exclusion", specs[i],
                          _("use cadre-or-head or misconduct, optionally followed by :note."));
      jp_review_set_exclusion (review, x, TRUE, parts[1]);
    }
  return TRUE;
}

static JsonNode *
review_to_json (const JpReview    *review,
                const JpCandidate *candidate,
                GPtrArray         *warnings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_int (b, "candidate_id", review->candidate_id);
  add_string (b, "name", candidate->name);
  add_string (b, "decision", jp_review_decision_to_key (review->decision));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (int c = 1; c <= JP_N_CRITERIA; c++)
    if (review->criteria_met & (1u << c))
      json_builder_add_int_value (b, c);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_object (b);
  for (int c = 1; c <= JP_N_CRITERIA; c++)
    {
      char key[4];

      if (review->evidence[c]->len == 0)
        continue;
      g_snprintf (key, sizeof key, "%d", c);
      json_builder_set_member_name (b, key);
      json_builder_begin_array (b);
      for (guint i = 0; i < review->evidence[c]->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (review->evidence[c], i));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "exclusions");
  json_builder_begin_array (b);
  for (int x = 0; x < JP_N_EXCLUSIONS; x++)
    if (review->exclusions & (1u << x))
      {
        json_builder_begin_object (b);
        add_string (b, "key", jp_exclusion_to_key ((JpExclusion) x));
        add_string (b, "note", review->exclusion_notes[x]);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
  add_string (b, "reason", review->reason);
  add_string (b, "decided_by", review->decided_by);
  add_int (b, "decided_at", review->decided_at);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, jp_cli_findings_to_json (warnings));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
jp_cli_cmd_qualify (int argc, char **argv, GError **error)
{
  gint64 candidate_id = 0;
  g_autofree char *criteria_text = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) evidence = NULL;
  g_auto(GStrv) exclusions = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "candidate", 0, 0, G_OPTION_ARG_INT64, &candidate_id, N_("Candidate number"), N_("ID") },
    { "criteria", 0, 0, G_OPTION_ARG_STRING, &criteria_text, N_("Qualify: the criteria met, e.g. 1,4"), N_("LIST") },
    { "return", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Return the nomination with this reason"), N_("REASON") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING_ARRAY, &evidence, N_("Link a document to a criterion"), N_("N=SHA256") },
    { "exclusion", 0, 0, G_OPTION_ARG_STRING_ARRAY, &exclusions, N_("Tick an exclusion (cadre-or-head, misconduct)"), N_("KEY[:NOTE]") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpCandidate) candidate = NULL;
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  guint criteria = 0, given = 0;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (candidate_id <= 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say which candidate: add --candidate ID"));
      return 2;
    }
  if ((criteria_text == NULL) == (reason == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give either --criteria LIST (qualify) or --return REASON, not "
                             "both"));
      return 2;
    }
  if (criteria_text != NULL && !jp_criteria_from_string (criteria_text, &criteria, NULL))
    {
      bad_value (error, "--criteria", criteria_text, _("list criteria 1 to 6, e.g. 1,4."));
      return 2;
    }
  if (criteria_text != NULL && (criteria & 0x7e) == 0)
    {
      bad_value (error, "--criteria", criteria_text, _("tick at least one criterion."));
      return 2;
    }

  candidate = jp_store_get_candidate (store, candidate_id, error);
  if (candidate == NULL)
    return 1;
  review = jp_review_new (candidate_id);
  if (!parse_evidence (review, evidence, &given, error) ||
      !parse_exclusions (review, exclusions, error))
    return 2;

  if (criteria_text != NULL)
    {
      review->decision = JP_REVIEW_DECISION_QUALIFIED;
      review->criteria_met |= criteria & 0x7e;
      /* Unless told otherwise, a criterion is backed by the documents tagged with it. */
      for (int c = 1; c <= JP_N_CRITERIA; c++)
        {
          if (!(criteria & (1u << c)) || (given & (1u << c)))
            continue;
          for (guint i = 0; candidate->documents != NULL && i < candidate->documents->len; i++)
            {
              JpDocumentRef *ref = g_ptr_array_index (candidate->documents, i);

              if (ref->kind == JP_DOC_EVIDENCE && ref->criterion == c)
                jp_review_link_evidence (review, c, ref->sha256);
            }
        }
    }
  else
    {
      review->decision = JP_REVIEW_DECISION_RETURNED;
      review->reason = g_strdup (reason);
    }

  if (!jp_store_save_review (store, review, ACTOR, &warnings, error))
    return 1;

  if (jp_cli_opt_json)
    jp_cli_print_json (review_to_json (review, candidate, warnings));
  else
    {
      g_autofree char *list = jp_criteria_to_string (review->criteria_met);

      printf (_("%s (%lld): %s\n"), candidate->name, (long long) candidate_id,
              jp_review_decision_label (review->decision));
      if (review->decision == JP_REVIEW_DECISION_QUALIFIED)
        printf (_("  Criteria met: %s\n"), list);
      if (review->reason != NULL)
        printf (_("  Reason: %s\n"), review->reason);
      print_findings (warnings);
    }
  return 0;
}

/* ---- review-status ---- */

int
jp_cli_cmd_review_status (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpReviewProgress) p = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  p = jp_store_get_review_progress (store, error);
  if (p == NULL)
    return 1;

  if (!jp_cli_opt_json)
    {
      printf (_("Reviewed %u of %u: %u qualified, %u returned, %u pending\n"), p->reviewed,
              p->total, p->qualified, p->returned, p->pending);
      for (guint i = 0; i < p->trades->len; i++)
        {
          JpReviewTradeProgress *t = g_ptr_array_index (p->trades, i);
          g_autofree char *name = pad (*t->trade != '\0' ? t->trade : _("(no trade)"), 16);

          printf (_("  %s %3u of %3u reviewed: %3u qualified, %3u returned, %3u pending\n"),
                  name, t->qualified + t->returned, t->total, t->qualified, t->returned,
                  t->pending);
        }
      return 0;
    }

  json_builder_begin_object (b);
  add_int (b, "total", p->total);
  add_int (b, "reviewed", p->reviewed);
  add_int (b, "qualified", p->qualified);
  add_int (b, "returned", p->returned);
  add_int (b, "pending", p->pending);
  json_builder_set_member_name (b, "trades");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->trades->len; i++)
    {
      JpReviewTradeProgress *t = g_ptr_array_index (p->trades, i);
      g_autoptr(JpTrade) trade = jp_store_find_trade (store, t->trade);

      json_builder_begin_object (b);
      add_string (b, "trade", t->trade);
      add_string (b, "code", trade != NULL ? trade->code : NULL);
      add_int (b, "total", t->total);
      add_int (b, "qualified", t->qualified);
      add_int (b, "returned", t->returned);
      add_int (b, "pending", t->pending);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  jp_cli_print_json (json_builder_get_root (b));
  return 0;
}

/* ---- trades, trade set ---- */

int
jp_cli_cmd_trades (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  plan = jp_store_get_seat_plan (store, error);
  if (plan == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          add_string (b, "code", row->code);
          add_string (b, "name", row->name);
          add_bool (b, "priority", row->priority);
          add_int (b, "qualified", row->qualified);
          add_int (b, "seats", row->seats);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *code = pad (row->code != NULL ? row->code : "—", 8);
          g_autofree char *name = pad (row->name, 16);

          printf (_("%s %s %s qualified %3d, seats %3d\n"), code, name,
                  row->priority ? _("priority") : "        ", row->qualified, row->seats);
        }
    }
  json_builder_end_array (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  return 0;
}

static gboolean
parse_yes_no (const char  *text,
              gboolean    *value,
              GError     **error)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_str_equal (text, "1") ||
      g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "是"))
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0 || g_str_equal (text, "0") ||
           g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "否"))
    *value = FALSE;
  else
    return bad_value (error, "--priority", text, _("use yes or no."));
  return TRUE;
}

int
jp_cli_cmd_trade (int argc, char **argv, GError **error)
{
  g_autofree char *which = NULL, *code = NULL, *name = NULL, *priority = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "trade", 0, 0, G_OPTION_ARG_STRING, &which, N_("The trade to change (code or name)"), N_("TRADE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("New code prefix, e.g. XT"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("NAME") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority, N_("Priority trade: yes or no"), N_("yes|no") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpTrade) trade = NULL;
  g_autoptr(JpTrade) after = NULL;
  gboolean prio;
  int status;

  store = jp_cli_parse_and_open (entries, _("set"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "set"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Use “trade set --trade XT [--code C] [--name N] [--priority "
                             "yes|no]”"));
      return 2;
    }
  if (which == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say which trade: add --trade CODE or --trade NAME"));
      return 2;
    }
  trade = jp_store_find_trade (store, which);
  if (trade == NULL)
    {
      bad_value (error, "--trade", which, _("there is no trade with this code or name."));
      return 1;
    }
  prio = trade->priority;
  if (priority != NULL && !parse_yes_no (priority, &prio, error))
    return 2;
  if (!jp_store_update_trade (store, trade->id, code != NULL ? code : trade->code,
                              name != NULL ? name : trade->name, prio, ACTOR, error))
    return 1;

  after = jp_store_find_trade (store, name != NULL ? name : trade->name);
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      add_string (b, "code", after->code);
      add_string (b, "name", after->name);
      add_bool (b, "priority", after->priority);
      json_builder_end_object (b);
      jp_cli_print_json (json_builder_get_root (b));
    }
  else
    printf (_("Trade %s: code %s, %s\n"), after->name, after->code != NULL ? after->code : "—",
            after->priority ? _("priority trade") : _("not a priority trade"));
  return 0;
}

/* ---- seats ---- */

static gboolean
edit_seats (JpStore     *store,
            char       **sets,
            char       **resets,
            GError     **error)
{
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (sets[i], "=", 2);
      g_autoptr(JpTrade) trade = NULL;
      char *end = NULL;
      gint64 n;

      if (parts[1] == NULL)
        return bad_value (error, "--set", sets[i], _("write TRADE=SEATS, for example XT=5."));
      n = g_ascii_strtoll (parts[1], &end, 10);
      if (end == parts[1] || *end != '\0' || n < 0 || n > 10000)
        return bad_value (error, "--set", sets[i], _("the seats must be a number, 0 or more."));
      trade = jp_store_find_trade (store, parts[0]);
      if (trade == NULL)
        return bad_value (error, "--set", sets[i], _("there is no trade with this code or name."));
      if (!jp_store_set_trade_seats (store, trade->id, (int) n, ACTOR, error))
        return FALSE;
    }
  for (guint i = 0; resets != NULL && resets[i] != NULL; i++)
    {
      g_autoptr(JpTrade) trade = jp_store_find_trade (store, resets[i]);

      if (trade == NULL)
        return bad_value (error, "--reset", resets[i],
                          _("there is no trade with this code or name."));
      if (!jp_store_set_trade_seats (store, trade->id, -1, ACTOR, error))
        return FALSE;
    }
  return TRUE;
}

int
jp_cli_cmd_seats (int argc, char **argv, GError **error)
{
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) resets = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, N_("Set a trade's seats"), N_("TRADE=N") },
    { "reset", 0, 0, G_OPTION_ARG_STRING_ARRAY, &resets, N_("Return a trade to the automatic seats"), N_("TRADE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (!edit_seats (store, sets, resets, error))
    return 1;
  plan = jp_store_get_seat_plan (store, error);
  if (plan == NULL)
    return 1;

  if (!jp_cli_opt_json)
    {
      for (guint i = 0; i < plan->rows->len; i++)
        {
          JpSeatRow *row = g_ptr_array_index (plan->rows, i);
          g_autofree char *code = pad (row->code != NULL ? row->code : "—", 8);
          g_autofree char *name = pad (row->name, 16);

          printf (_("%s %s qualified %3d, automatic %3d, seats %3d%s\n"), code, name,
                  row->qualified, row->automatic, row->seats,
                  row->edited ? _(" (edited by the chair)") : "");
        }
      printf (_("Seats: %d of the target %d\n"), plan->sum, plan->target);
      print_findings (plan->findings);
      return 0;
    }

  json_builder_begin_object (b);
  add_int (b, "target", plan->target);
  add_int (b, "sum", plan->sum);
  json_builder_set_member_name (b, "trades");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      json_builder_begin_object (b);
      add_string (b, "code", row->code);
      add_string (b, "name", row->name);
      add_int (b, "qualified", row->qualified);
      add_int (b, "automatic", row->automatic);
      add_int (b, "seats", row->seats);
      add_bool (b, "edited", row->edited);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "notes");
  json_builder_add_value (b, jp_cli_findings_to_json (plan->findings));
  json_builder_end_object (b);
  jp_cli_print_json (json_builder_get_root (b));
  return 0;
}

/* ---- freeze ---- */

int
jp_cli_cmd_freeze (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *current = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  codes = jp_store_freeze (store, ACTOR, error);
  if (codes == NULL)
    return 1;

  if (!jp_cli_opt_json)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (jp_store_get_frozen_at (store));
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%d %H:%M");

      printf (_("The candidate list was frozen at %s. Anonymous codes:\n"), when);
      for (guint i = 0; i < codes->len; i++)
        {
          JpCodeAssignment *a = g_ptr_array_index (codes, i);
          g_autoptr(JpCandidate) c = jp_store_get_candidate (store, a->candidate_id, NULL);

          printf ("  %-8s %s (%" G_GINT64_FORMAT ")\n", a->code, c != NULL ? c->name : "?",
                  a->candidate_id);
        }
      return 0;
    }

  json_builder_begin_object (b);
  add_int (b, "frozen_at", jp_store_get_frozen_at (store));
  json_builder_set_member_name (b, "trades");
  json_builder_begin_array (b);
  for (guint i = 0; i < codes->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (codes, i);
      const char *dash = strrchr (a->code, '-');
      g_autofree char *prefix = g_strndup (a->code, dash != NULL ? (gsize) (dash - a->code)
                                                                  : strlen (a->code));

      if (g_strcmp0 (prefix, current) != 0)
        {
          if (current != NULL)
            {
              json_builder_end_array (b);
              json_builder_end_object (b);
            }
          g_free (current);
          current = g_strdup (prefix);
          json_builder_begin_object (b);
          add_string (b, "code", prefix);
          json_builder_set_member_name (b, "codes");
          json_builder_begin_array (b);
        }
      json_builder_begin_object (b);
      add_string (b, "code", a->code);
      add_int (b, "candidate_id", a->candidate_id);
      json_builder_end_object (b);
    }
  if (current != NULL)
    {
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  jp_cli_print_json (json_builder_get_root (b));
  return 0;
}

/* ---- members, member add / pin ---- */

int
jp_cli_cmd_members (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  members = jp_store_list_members (store, error);
  if (members == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = g_ptr_array_index (members, i);
      gboolean has_pin = jp_store_member_has_pin (store, m->code);

      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          add_string (b, "code", m->code);
          add_string (b, "name", m->name);
          add_string (b, "role", jp_member_role_to_key (m->role));
          add_string (b, "unit", m->unit);
          json_builder_set_member_name (b, "trades");
          json_builder_begin_array (b);
          for (guint k = 0; m->trades != NULL && m->trades[k] != NULL; k++)
            json_builder_add_string_value (b, m->trades[k]);
          json_builder_end_array (b);
          add_bool (b, "has_pin", has_pin);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *trades = m->trades != NULL ? g_strjoinv (",", m->trades)
                                                      : g_strdup ("");
          g_autofree char *name = pad (m->name, 10);
          g_autofree char *role = pad (jp_member_role_label (m->role), 10);
          g_autofree char *unit = pad (m->unit, 30);

          printf ("%-6s %s %s %s %-16s %s\n", m->code, name, role, unit, trades,
                  has_pin ? _("PIN set") : _("no PIN"));
        }
    }
  json_builder_end_array (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  return 0;
}

int
jp_cli_cmd_member (int argc, char **argv, GError **error)
{
  g_autofree char *code = NULL, *name = NULL, *unit = NULL, *role = NULL, *trades = NULL;
  g_autofree char *member = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("add: member code, e.g. M16"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("add: name"), N_("NAME") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("add: the member's unit"), N_("UNIT") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("add: chair, member or scrutineer"), N_("ROLE") },
    { "trades", 0, 0, G_OPTION_ARG_STRING, &trades, N_("add: trades judged, e.g. XT,GF"), N_("LIST") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("pin: the member's code"), N_("CODE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, _("add|pin"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;

  if (argc == 2 && g_str_equal (argv[1], "pin"))
    {
      g_autofree char *pin = NULL;

      if (member == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Say whose PIN: add --member CODE"));
          return 2;
        }
      pin = jp_store_member_new_pin (store, member, ACTOR, error);
      if (pin == NULL)
        return 1;
      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          add_string (b, "member", member);
          add_string (b, "pin", pin);
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      else
        printf (_("New PIN of %s: %s (shown only now; hand it to the member)\n"), member, pin);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "add"))
    {
      g_autoptr(JpMember) m = g_new0 (JpMember, 1);
      gboolean ok = TRUE;
      gint64 id;

      if (code == NULL || *code == '\0' || name == NULL || *name == '\0')
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("A member needs --code and --name"));
          return 2;
        }
      m->code = g_strdup (code);
      m->name = g_strdup (name);
      m->unit = g_strdup (unit);
      m->role = role != NULL ? jp_member_role_from_string (role, &ok) : JP_MEMBER_ROLE_MEMBER;
      if (!ok)
        {
          bad_value (error, "--role", role, _("use chair, member or scrutineer."));
          return 2;
        }
      m->trades = trades != NULL ? g_strsplit (trades, ",", -1) : NULL;
      id = jp_store_add_member (store, m, ACTOR, error);
      if (id <= 0)
        return 1;
      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          add_int (b, "id", id);
          add_string (b, "code", m->code);
          add_string (b, "name", m->name);
          add_string (b, "role", jp_member_role_to_key (m->role));
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      else
        printf (_("Added committee member %s %s\n"), m->code, m->name);
      return 0;
    }

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Use “member add --code M16 --name NAME …” or “member pin --member "
                         "M01”"));
  return 2;
}

/* ---- pins revoke ---- */

int
jp_cli_cmd_pins (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n = 0;
  int status;

  store = jp_cli_parse_and_open (entries, _("revoke"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "revoke"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Use “pins revoke” to revoke every member’s PIN"));
      return 2;
    }
  if (!jp_store_revoke_pins (store, ACTOR, &n, error))
    return 1;
  if (jp_cli_opt_json)
    {
      json_builder_begin_object (b);
      add_int (b, "revoked", n);
      json_builder_end_object (b);
      jp_cli_print_json (json_builder_get_root (b));
    }
  else
    printf (ngettext ("Revoked %u PIN. Nobody can log in until new PINs are issued.\n",
                      "Revoked %u PINs. Nobody can log in until new PINs are issued.\n", n),
            n);
  return 0;
}

/* ---- conflicts, conflict add / remove ---- */

int
jp_cli_cmd_conflicts (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  list = jp_store_list_conflicts (store, error);
  if (list == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      JpConflict *c = g_ptr_array_index (list, i);
      gboolean declared = c->kind == JP_CONFLICT_DECLARED;

      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          if (declared)
            json_builder_add_int_value (b, c->id);
          else
            json_builder_add_null_value (b);
          add_string (b, "member", c->member_code);
          add_string (b, "member_name", c->member_name);
          add_int (b, "candidate_id", c->candidate_id);
          add_string (b, "candidate_name", c->candidate_name);
          add_string (b, "kind", jp_conflict_kind_to_key (c->kind));
          add_string (b, "type", declared ? jp_conflict_type_to_key (c->type) : NULL);
          add_string (b, "note", c->note);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *member = pad (c->member_name, 10);
          g_autofree char *cand = pad (c->candidate_name, 10);
          g_autofree char *id = declared ? g_strdup_printf ("%" G_GINT64_FORMAT, c->id)
                                         : g_strdup ("—");

          printf ("%5s  %-6s %s %s %s%s%s\n", id, c->member_code, member, cand,
                  declared ? jp_conflict_type_label (c->type)
                           : jp_conflict_kind_label (c->kind),
                  c->note != NULL ? "  " : "", c->note != NULL ? c->note : "");
        }
    }
  json_builder_end_array (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  else
    printf (ngettext ("%u conflict of interest\n", "%u conflicts of interest\n", list->len),
            list->len);
  return 0;
}

int
jp_cli_cmd_conflict (int argc, char **argv, GError **error)
{
  g_autofree char *member = NULL, *type = NULL, *note = NULL;
  gint64 candidate = 0, id = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("add: the member's code"), N_("CODE") },
    { "candidate", 0, 0, G_OPTION_ARG_INT64, &candidate, N_("add: candidate number"), N_("ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("add: relative, teacher-apprentice, supervisor or other"), N_("TYPE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("add: note"), N_("TEXT") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("remove: the conflict's number"), N_("N") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("add|remove"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;

  if (argc == 2 && g_str_equal (argv[1], "add"))
    {
      gboolean ok = TRUE;
      JpConflictType t = type != NULL ? jp_conflict_type_from_string (type, &ok)
                                      : JP_CONFLICT_OTHER;
      gint64 new_id;

      if (member == NULL || candidate <= 0)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("A conflict needs --member CODE and --candidate ID"));
          return 2;
        }
      if (!ok)
        {
          bad_value (error, "--type", type,
                     _("use relative, teacher-apprentice, supervisor or other."));
          return 2;
        }
      new_id = jp_store_add_conflict (store, member, candidate, t, note, ACTOR, error);
      if (new_id <= 0)
        return 1;
      if (jp_cli_opt_json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();

          json_builder_begin_object (b);
          add_int (b, "id", new_id);
          add_string (b, "member", member);
          add_int (b, "candidate_id", candidate);
          add_string (b, "type", jp_conflict_type_to_key (t));
          add_string (b, "note", note);
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      else
        printf (_("Recorded conflict %lld: member %s, candidate %lld\n"), (long long) new_id,
                member, (long long) candidate);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "remove"))
    {
      if (id <= 0)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Say which conflict: add --id N (see “conflicts”)"));
          return 2;
        }
      if (!jp_store_remove_conflict (store, id, ACTOR, error))
        return 1;
      if (!jp_cli_opt_json)
        printf (_("Removed conflict %lld\n"), (long long) id);
      else
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();

          json_builder_begin_object (b);
          add_int (b, "removed", id);
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      return 0;
    }

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Use “conflict add --member M03 --candidate 17 --type relative” or "
                         "“conflict remove --id N”"));
  return 2;
}

/* ---- settings ---- */

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static JsonNode *
settings_to_json (const JpSettings *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "weights");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "votes");
  json_builder_add_double_value (b, s->weight_votes);
  json_builder_set_member_name (b, "online");
  json_builder_add_double_value (b, s->weight_online);
  json_builder_set_member_name (b, "defence");
  json_builder_add_double_value (b, s->weight_defence);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "rubric");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->rubric->len; i++)
    {
      JpRubricCriterion *c = g_ptr_array_index (s->rubric, i);

      json_builder_begin_object (b);
      add_string (b, "name", c->name);
      json_builder_set_member_name (b, "max");
      json_builder_add_double_value (b, c->max);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_int (b, "presentation_minutes", s->presentation_minutes);
  add_int (b, "questions_minutes", s->questions_minutes);
  add_int (b, "drop_min_totals", s->drop_min_totals);
  json_builder_set_member_name (b, "deviation_alert");
  json_builder_add_double_value (b, s->deviation_alert);
  add_int (b, "max_choices", s->max_choices);
  add_bool (b, "majority_threshold", s->majority_threshold);
  add_int (b, "publicity_days", s->publicity_days);
  json_builder_set_member_name (b, "publicity_contact");
  json_builder_begin_object (b);
  add_string (b, "person", s->contact_person);
  add_string (b, "phone", s->contact_phone);
  add_string (b, "address", s->contact_address);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "fonts");
  json_builder_begin_object (b);
  add_string (b, "song", s->font_song);
  add_string (b, "kai", s->font_kai);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "caps");
  json_builder_begin_object (b);
  if (s->trade_caps != NULL)
    {
      g_autofree gpointer *codes = g_hash_table_get_keys_as_array (s->trade_caps, NULL);
      guint n = g_hash_table_size (s->trade_caps);

      g_qsort_with_data (codes, n, sizeof (gpointer), (GCompareDataFunc) compare_codes, NULL);
      for (guint i = 0; i < n; i++)
        add_int (b, codes[i], GPOINTER_TO_INT (g_hash_table_lookup (s->trade_caps, codes[i])));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Short names of the command line for keys of the settings file (group.key). */
static const struct { const char *alias; const char *key; } setting_aliases[] = {
  { "weights.ballot", "weights.votes" },
  { "weights.vote", "weights.votes" },
  { "presentation_minutes", "defence.presentation_minutes" },
  { "questions_minutes", "defence.questions_minutes" },
  { "drop_min_totals", "defence.drop_min_totals" },
  { "deviation_alert", "defence.deviation_alert" },
  { "max_choices", "ballot.max_choices" },
  { "threshold", "ballot.majority_threshold" },
  { "majority_threshold", "ballot.majority_threshold" },
  { "publicity_days", "publicity.working_days" },
  { "publicity.days", "publicity.working_days" },
  { "contact_person", "publicity.contact_person" },
  { "contact_phone", "publicity.contact_phone" },
  { "contact_address", "publicity.contact_address" },
  { "fonts.body", "fonts.song" },
  { "fonts.certificate", "fonts.kai" },
};

static JpSettings *
apply_setting (const JpSettings  *settings,
               const char        *assignment,
               GError           **error)
{
  g_auto(GStrv) parts = g_strsplit (assignment, "=", 2);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *data = jp_settings_to_data (settings, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *key = parts[0];
  const char *dot;
  g_autofree char *group = NULL;
  JpSettings *result;

  if (parts[1] == NULL || *key == '\0')
    {
      bad_value (error, "--set", assignment, _("write KEY=VALUE, e.g. weights.ballot=0.3."));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (setting_aliases); i++)
    if (g_str_equal (key, setting_aliases[i].alias))
      key = setting_aliases[i].key;
  dot = strchr (key, '.');
  g_key_file_load_from_data (kf, data, (gsize) -1, G_KEY_FILE_NONE, NULL);
  if (dot != NULL)
    group = g_strndup (key, (gsize) (dot - key));
  /* rubric criteria and per-trade caps (caps.XT=3) may be added; every other key must exist
   * already */
  if (dot == NULL ||
      (!g_key_file_has_key (kf, group, dot + 1, NULL) &&
       !(g_str_equal (group, "rubric") && g_str_has_prefix (dot + 1, "criterion_")) &&
       !(g_str_equal (group, "caps") && dot[1] != '\0')))
    {
      bad_value (error, "--set", parts[0],
                 _("unknown setting; see “settings --json” for the names (weights.votes, "
                   "publicity.working_days, …)."));
      return NULL;
    }
  g_key_file_set_value (kf, group, dot + 1, parts[1]);
  text = g_key_file_to_data (kf, NULL, NULL);
  result = jp_settings_from_data (text, strlen (text), &parse_error);
  if (result == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--set %s: %s", assignment,
                   parse_error->message);
      return NULL;
    }
  return result;
}

int
jp_cli_cmd_settings (int argc, char **argv, GError **error)
{
  g_auto(GStrv) sets = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, N_("Change a setting, e.g. weights.ballot=0.3"), N_("KEY=VALUE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpSettings) settings = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  settings = jp_store_get_settings (store);

  if (sets != NULL)
    {
      for (guint i = 0; sets[i] != NULL; i++)
        {
          JpSettings *next = apply_setting (settings, sets[i], error);

          if (next == NULL)
            return 2;
          jp_settings_free (settings);
          settings = next;
        }
      if (!jp_store_update_settings (store, settings, ACTOR, error))
        return 1;
    }

  if (jp_cli_opt_json)
    jp_cli_print_json (settings_to_json (settings));
  else
    {
      g_autofree char *data = jp_settings_to_data (settings, NULL);

      fputs (data, stdout);
    }
  return 0;
}
