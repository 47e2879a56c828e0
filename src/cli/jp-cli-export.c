/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "jp-cli.h"
#include "store/jp-store-export.h"
#include "documents/jp-export.h"

/* jiangping-cli export --db F --what candidates|results -o FILE.xlsx|FILE.csv (issue 8). */

int
jp_cli_cmd_export (int argc, char **argv, GError **error)
{
  g_autofree char *what_key = NULL, *output = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "what", 0, 0, G_OPTION_ARG_STRING, &what_key,
      N_("What to export: candidates or results"), N_("WHAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The spreadsheet to write (.xlsx or .csv)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpSheet) sheet = NULL;
  JpExportFormat format;
  JpExportWhat what;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (what_key == NULL || !jp_export_what_from_key (what_key, &what))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Say what to export: --what candidates or --what results (not “%s”)"),
                   what_key != NULL ? what_key : "");
      return 2;
    }
  if (output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say where to write: -o FILE.xlsx or -o FILE.csv"));
      return 2;
    }
  if (!jp_export_format_for_path (output, &format, error))
    return 2;
  sheet = jp_store_export_sheet (store, what, error);
  if (sheet == NULL || !jp_export_write (sheet, output, format, error))
    return 1;

  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "what");
      json_builder_add_string_value (b, jp_export_what_to_key (what));
      json_builder_set_member_name (b, "format");
      json_builder_add_string_value (b, format == JP_EXPORT_FORMAT_CSV ? "csv" : "xlsx");
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, output);
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, sheet->rows->len);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    printf (ngettext ("%s: %u row written.\n", "%s: %u rows written.\n", sheet->rows->len),
            output, sheet->rows->len);
  return 0;
}
