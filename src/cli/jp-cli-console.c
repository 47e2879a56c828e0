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

/* The host console's setup commands: trades, trade, seats, freeze, settings. Members and
 * conflicts are in jp-cli-members.c, qualification in jp-cli-review.c. */

#define ACTOR "cli"

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
          jp_cli_add_string (b, "code", row->code);
          jp_cli_add_string (b, "name", row->name);
          jp_cli_add_bool (b, "priority", row->priority);
          jp_cli_add_int (b, "qualified", row->qualified);
          jp_cli_add_int (b, "seats", row->seats);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *code = jp_cli_pad (row->code != NULL ? row->code : "—", 8);
          g_autofree char *name = jp_cli_pad (row->name, 16);

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
    return jp_cli_bad_value (error, "--priority", text, _("use yes or no."));
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
      jp_cli_bad_value (error, "--trade", which, _("there is no trade with this code or name."));
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
      jp_cli_add_string (b, "code", after->code);
      jp_cli_add_string (b, "name", after->name);
      jp_cli_add_bool (b, "priority", after->priority);
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
        return jp_cli_bad_value (error, "--set", sets[i], _("write TRADE=SEATS, for example XT=5."));
      n = g_ascii_strtoll (parts[1], &end, 10);
      if (end == parts[1] || *end != '\0' || n < 0 || n > 10000)
        return jp_cli_bad_value (error, "--set", sets[i], _("the seats must be a number, 0 or more."));
      trade = jp_store_find_trade (store, parts[0]);
      if (trade == NULL)
        return jp_cli_bad_value (error, "--set", sets[i], _("there is no trade with this code or name."));
      if (!jp_store_set_trade_seats (store, trade->id, (int) n, ACTOR, error))
        return FALSE;
    }
  for (guint i = 0; resets != NULL && resets[i] != NULL; i++)
    {
      g_autoptr(JpTrade) trade = jp_store_find_trade (store, resets[i]);

      if (trade == NULL)
        return jp_cli_bad_value (error, "--reset", resets[i],
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
          g_autofree char *code = jp_cli_pad (row->code != NULL ? row->code : "—", 8);
          g_autofree char *name = jp_cli_pad (row->name, 16);

          printf (_("%s %s qualified %3d, automatic %3d, seats %3d%s\n"), code, name,
                  row->qualified, row->automatic, row->seats,
                  row->edited ? _(" (edited by the chair)") : "");
        }
      printf (_("Seats: %d of the target %d\n"), plan->sum, plan->target);
      jp_cli_print_findings (plan->findings);
      return 0;
    }

  json_builder_begin_object (b);
  jp_cli_add_int (b, "target", plan->target);
  jp_cli_add_int (b, "sum", plan->sum);
  json_builder_set_member_name (b, "trades");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      json_builder_begin_object (b);
      jp_cli_add_string (b, "code", row->code);
      jp_cli_add_string (b, "name", row->name);
      jp_cli_add_int (b, "qualified", row->qualified);
      jp_cli_add_int (b, "automatic", row->automatic);
      jp_cli_add_int (b, "seats", row->seats);
      jp_cli_add_bool (b, "edited", row->edited);
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
  jp_cli_add_int (b, "frozen_at", jp_store_get_frozen_at (store));
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
          jp_cli_add_string (b, "code", prefix);
          json_builder_set_member_name (b, "codes");
          json_builder_begin_array (b);
        }
      json_builder_begin_object (b);
      jp_cli_add_string (b, "code", a->code);
      jp_cli_add_int (b, "candidate_id", a->candidate_id);
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
      jp_cli_add_string (b, "name", c->name);
      json_builder_set_member_name (b, "max");
      json_builder_add_double_value (b, c->max);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  jp_cli_add_int (b, "presentation_minutes", s->presentation_minutes);
  jp_cli_add_int (b, "questions_minutes", s->questions_minutes);
  jp_cli_add_int (b, "drop_min_totals", s->drop_min_totals);
  json_builder_set_member_name (b, "deviation_alert");
  json_builder_add_double_value (b, s->deviation_alert);
  jp_cli_add_int (b, "max_choices", s->max_choices);
  jp_cli_add_bool (b, "majority_threshold", s->majority_threshold);
  jp_cli_add_int (b, "publicity_days", s->publicity_days);
  json_builder_set_member_name (b, "publicity_contact");
  json_builder_begin_object (b);
  jp_cli_add_string (b, "person", s->contact_person);
  jp_cli_add_string (b, "phone", s->contact_phone);
  jp_cli_add_string (b, "address", s->contact_address);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "fonts");
  json_builder_begin_object (b);
  jp_cli_add_string (b, "song", s->font_song);
  jp_cli_add_string (b, "kai", s->font_kai);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "caps");
  json_builder_begin_object (b);
  if (s->trade_caps != NULL)
    {
      g_autofree gpointer *codes = g_hash_table_get_keys_as_array (s->trade_caps, NULL);
      guint n = g_hash_table_size (s->trade_caps);

      g_qsort_with_data (codes, n, sizeof (gpointer), (GCompareDataFunc) compare_codes, NULL);
      for (guint i = 0; i < n; i++)
        jp_cli_add_int (b, codes[i], GPOINTER_TO_INT (g_hash_table_lookup (s->trade_caps, codes[i])));
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
      jp_cli_bad_value (error, "--set", assignment, _("write KEY=VALUE, e.g. weights.ballot=0.3."));
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
      jp_cli_bad_value (error, "--set", parts[0],
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
