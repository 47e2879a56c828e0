/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "jp-cli.h"

char *jp_cli_opt_db;
gboolean jp_cli_opt_json;

JpStore *
jp_cli_parse_and_open (GOptionEntry   *entries,
                       const char     *parameter_string,
                       int            *argc,
                       char         ***argv,
                       int            *status,
                       GError        **error)
{
  *status = 2;
  if (!jp_cli_parse_options (entries, parameter_string, argc, argv, error))
    return NULL;
  if (jp_cli_opt_db == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No election file given: add --db FILE"));
      return NULL;
    }
  *status = 1;
  return jp_cli_open_store (jp_cli_opt_db, error);
}

JpStore *
jp_cli_open_store (const char  *db,
                   GError     **error)
{
  if (db == NULL || *db == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No election file given: add --db FILE"));
      return NULL;
    }
  return jp_store_open (db, error);
}

void
jp_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

JsonNode *
jp_cli_findings_to_json (GPtrArray *findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      JpFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (b);
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
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

JsonNode *
jp_cli_candidate_to_json (JpCandidate *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  jp_cli_add_int (b, "id", c->id);
  jp_cli_add_string (b, "name", c->name);
  jp_cli_add_string (b, "sex", c->sex == JP_SEX_UNKNOWN ? NULL : jp_sex_to_key (c->sex));
  jp_cli_add_string (b, "id_number", c->id_number);
  jp_cli_add_string (b, "ethnicity", c->ethnicity);
  jp_cli_add_string (b, "birth", c->birth);
  jp_cli_add_string (b, "political", c->political);
  jp_cli_add_string (b, "education", c->education);
  jp_cli_add_string (b, "work_start", c->work_start);
  jp_cli_add_string (b, "employer", c->employer);
  jp_cli_add_string (b, "position", c->position);
  jp_cli_add_string (b, "work_type", c->work_type);
  json_builder_set_member_name (b, "years_in_trade");
  if (c->years_in_trade >= 0)
    json_builder_add_int_value (b, c->years_in_trade);
  else
    json_builder_add_null_value (b);
  jp_cli_add_string (b, "skill_level", c->skill_level);
  jp_cli_add_string (b, "phone", c->phone);
  json_builder_set_member_name (b, "union_member");
  if (c->union_member == JP_TRISTATE_UNKNOWN)
    json_builder_add_null_value (b);
  else
    json_builder_add_boolean_value (b, c->union_member == JP_TRISTATE_YES);
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (int i = 1; i <= 6; i++)
    if (c->criteria & (1u << i))
      json_builder_add_int_value (b, i);
  json_builder_end_array (b);
  jp_cli_add_string (b, "honours", c->honours);
  jp_cli_add_string (b, "fill_date", c->fill_date);
  jp_cli_add_string (b, "unit", c->unit);
  jp_cli_add_string (b, "trade", c->trade);
  jp_cli_add_string (b, "trade_code", c->trade_code);
  jp_cli_add_string (b, "route", c->route == JP_ROUTE_UNKNOWN ? NULL : jp_route_to_key (c->route));
  jp_cli_add_string (b, "status", jp_status_to_key (c->status));
  jp_cli_add_string (b, "code", c->code);
  jp_cli_add_int (b, "summary_chars", c->summary != NULL ? g_utf8_strlen (c->summary, -1) : 0);
  jp_cli_add_int (b, "deeds_chars", c->deeds != NULL ? g_utf8_strlen (c->deeds, -1) : 0);
  jp_cli_add_int (b, "photos", c->n_photos);
  jp_cli_add_int (b, "evidence", c->n_evidence);
  jp_cli_add_int (b, "evidence_pages", c->n_evidence_pages);
  json_builder_set_member_name (b, "no_criminal_record");
  json_builder_add_boolean_value (b, c->has_no_criminal_record);
  jp_cli_add_int (b, "error_count", jp_candidate_count_findings (c, JP_SEVERITY_ERROR));
  jp_cli_add_int (b, "warning_count", jp_candidate_count_findings (c, JP_SEVERITY_WARNING));
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, jp_cli_findings_to_json (c->findings));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
jp_cli_report_to_json (JpImportReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  jp_cli_add_int (b, "added", report->added);
  jp_cli_add_int (b, "updated", report->updated);
  jp_cli_add_int (b, "rejected", report->rejected);
  json_builder_set_member_name (b, "entries");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->entries->len; i++)
    {
      JpImportEntry *e = g_ptr_array_index (report->entries, i);

      json_builder_begin_object (b);
      jp_cli_add_string (b, "source", e->source);
      jp_cli_add_string (b, "name", e->name);
      jp_cli_add_string (b, "id_number", e->id_number);
      jp_cli_add_string (b, "outcome", jp_import_outcome_to_key (e->outcome));
      jp_cli_add_string (b, "reason", e->reason);
      json_builder_set_member_name (b, "findings");
      json_builder_add_value (b, jp_cli_findings_to_json (e->findings));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems");
  json_builder_add_value (b, jp_cli_findings_to_json (report->problems));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
jp_cli_parse_options (GOptionEntry *entries,
                      const char   *parameter_string,
                      int          *argc,
                      char       ***argv,
                      GError      **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

/* ---- helpers the commands share ---- */

gboolean
jp_cli_bad_value (GError     **error,
                  const char  *option,
                  const char  *value,
                  const char  *hint)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s: “%s” is not valid; %s"), option, value != NULL ? value : "", hint);
  return FALSE;
}

/* Pads by display columns: CJK characters take two. */
char *
jp_cli_pad (const char *s,
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

void
jp_cli_add_string (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
jp_cli_add_int (JsonBuilder *b,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
jp_cli_add_bool (JsonBuilder *b,
                 const char  *name,
                 gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

void
jp_cli_print_findings (GPtrArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      JpFinding *f = g_ptr_array_index (findings, i);

      printf ("  %s: %s\n", f->severity == JP_SEVERITY_ERROR ? _("error") : _("warning"),
              f->message);
    }
}

int
jp_cli_need_round (gint64    round,
                   GError  **error)
{
  if (round > 0)
    return 0;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Say which round: add --round ID"));
  return 2;
}

int
jp_cli_paper_enter (int                     argc,
                    char                  **argv,
                    const JpCliPaperEntry  *kind,
                    JpStore               **store,
                    gint64                 *round,
                    int                     counts[2],
                    GError                **error)
{
  g_autofree char *file = NULL, *entered_by = NULL, *confirm_file = NULL, *confirmed_by = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { .long_name = "round", .arg = G_OPTION_ARG_INT64, .arg_data = round,
      .description = kind->round_help, .arg_description = N_("ID") },
    { .long_name = "file", .arg = G_OPTION_ARG_FILENAME, .arg_data = &file,
      .description = kind->first_help, .arg_description = N_("CSV") },
    { .long_name = "entered-by", .arg = G_OPTION_ARG_STRING, .arg_data = &entered_by,
      .description = N_("Scrutineer of the first entry"), .arg_description = N_("MEMBER") },
    { .long_name = "confirm-file", .arg = G_OPTION_ARG_FILENAME, .arg_data = &confirm_file,
      .description = kind->second_help, .arg_description = N_("CSV") },
    { .long_name = "confirmed-by", .arg = G_OPTION_ARG_STRING, .arg_data = &confirmed_by,
      .description = N_("Scrutineer of the second entry"), .arg_description = N_("MEMBER") },
    { NULL }
  };
  g_autoptr(JpStore) opened = NULL;
  int status;

  *round = 0;
  counts[0] = counts[1] = -1;
  opened = jp_cli_parse_and_open (entries, _("enter"), &argc, &argv, &status, error);
  if (opened == NULL)
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "enter"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, kind->usage);
      return 2;
    }
  if ((status = jp_cli_need_round (*round, error)) != 0)
    return status;
  if ((file == NULL) != (entered_by == NULL) || (confirm_file == NULL) != (confirmed_by == NULL)
      || (file == NULL && confirm_file == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give --file A.csv --entered-by MEMBER, and for the second entry "
                             "--confirm-file B.csv --confirmed-by MEMBER"));
      return 2;
    }
  /* pass 1, then pass 2: a failed pass stops before the next */
  for (int pass = 1; pass <= 2; pass++)
    {
      const char *path = pass == 1 ? file : confirm_file;
      g_autofree char *data = NULL;
      gsize length = 0;

      if (path == NULL)
        continue;
      if (!g_file_get_contents (path, &data, &length, error))
        return 1;
      counts[pass - 1] = kind->enter (opened, *round, pass, data, length, path,
                                      pass == 1 ? entered_by : confirmed_by, error);
      if (counts[pass - 1] < 0)
        return 1;
      if (!jp_cli_opt_json)
        kind->entered (path, counts[pass - 1], pass);
    }
  *store = g_steal_pointer (&opened);
  return 0;
}
