/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "jp-cli.h"
#include "store/jp-store-likes.h"

/* Online likes from the command line (issue 7): likes import, likes zero, likes list. */

#define ACTOR "cli"

/* A string as a JSON literal (quoted, escaped), or null. */
static char *
json_literal (const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) gen = NULL;

  if (value == NULL)
    return g_strdup ("null");
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, value);
  gen = json_generator_new ();
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

static void
print_problems (GPtrArray *problems)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "imported");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      JpLikesProblem *p = g_ptr_array_index (problems, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, p->line);
      jp_cli_add_string (b, "code", p->code);
      jp_cli_add_string (b, "kind", p->kind);
      jp_cli_add_string (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  jp_cli_print_json (root);
}

static int
likes_import (JpStore     *store,
              const char  *file,
              GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JpLikesFile) result = NULL;
  gsize length = 0;

  if (file == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say which file: add --file FILE.csv (header code,likes)"));
      return 2;
    }
  if (!g_file_get_contents (file, &data, &length, error))
    return 1;
  result = jp_store_import_likes (store, data, length, file, ACTOR, &problems, error);
  if (result == NULL)
    {
      if (jp_cli_opt_json && problems != NULL)
        print_problems (problems);
      return 1;
    }
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "imported");
      json_builder_add_boolean_value (b, TRUE);
      jp_cli_add_string (b, "file", file);
      jp_cli_add_string (b, "sha256", result->sha256);
      jp_cli_add_string (b, "encoding", result->encoding);
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, result->entries->len);
      json_builder_set_member_name (b, "likes");
      json_builder_begin_array (b);
      for (guint i = 0; i < result->entries->len; i++)
        {
          JpLikesEntry *e = g_ptr_array_index (result->entries, i);

          json_builder_begin_object (b);
          jp_cli_add_string (b, "code", e->code);
          json_builder_set_member_name (b, "likes");
          json_builder_add_int_value (b, e->likes);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "missing");
      json_builder_begin_array (b);
      for (guint i = 0; result->missing[i] != NULL; i++)
        json_builder_add_string_value (b, result->missing[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    {
      printf (ngettext ("%s: likes of %u finalist imported (SHA-256 %s).\n",
                        "%s: likes of %u finalists imported (SHA-256 %s).\n",
                        result->entries->len),
              file, result->entries->len, result->sha256);
      if (result->missing[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", result->missing);

          printf (_("Not in the file (0 likes): %s\n"), list);
        }
    }
  return 0;
}

static int
likes_zero (JpStore     *store,
            const char  *candidate,
            const char  *reason,
            GError     **error)
{
  if (candidate == NULL || reason == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Zeroing needs --candidate CODE and --reason TEXT"));
      return 2;
    }
  if (!jp_store_zero_likes (store, candidate, reason, ACTOR, error))
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *why = g_strstrip (g_strdup (reason));

      json_builder_begin_object (b);
      jp_cli_add_string (b, "code", candidate);
      json_builder_set_member_name (b, "zeroed");
      json_builder_add_boolean_value (b, TRUE);
      jp_cli_add_string (b, "reason", why);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    printf (_("The likes of %s are zeroed.\n"), candidate);
  return 0;
}

static int
likes_list (JpStore  *store,
            GError  **error)
{
  g_autoptr(GPtrArray) rows = jp_store_list_likes (store, error);

  if (rows == NULL)
    return 1;
  /* Written by hand: json-glib prints doubles with 17 digits (66.64 would come out as
   * 66.640000000000001); O is an exact decimal and is printed as one. */
  if (jp_cli_opt_json)
    {
      fputs ("[", stdout);
      for (guint i = 0; i < rows->len; i++)
        {
          JpLikesRow *r = g_ptr_array_index (rows, i);
          g_autofree char *code = json_literal (r->code);
          g_autofree char *trade = json_literal (r->trade_code);
          g_autofree char *reason = json_literal (r->zero_reason);
          g_autofree char *o = jp_decimal_format_short (r->o, 2);

          printf ("%s\n  {\"code\": %s, \"trade\": %s, \"likes\": %" G_GINT64_FORMAT
                  ", \"imported\": %s, \"zeroed\": %s, \"reason\": %s, \"O\": %s}",
                  i > 0 ? "," : "", code, trade, r->likes, r->imported ? "true" : "false",
                  r->zeroed ? "true" : "false", reason, o);
        }
      fputs (rows->len > 0 ? "\n]\n" : "]\n", stdout);
      return 0;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      JpLikesRow *r = g_ptr_array_index (rows, i);
      g_autofree char *o = jp_decimal_format (r->o, 2);

      printf ("%-8s %-6s %10" G_GINT64_FORMAT "  O %7s%s%s\n", r->code,
              r->trade_code != NULL ? r->trade_code : "", r->likes, o,
              r->zeroed ? _("  zeroed: ") : "", r->zeroed ? r->zero_reason : "");
    }
  return 0;
}

int
jp_cli_cmd_likes (int argc, char **argv, GError **error)
{
  g_autofree char *file = NULL, *candidate = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("import: the likes file"), N_("CSV") },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &candidate, N_("zero: the finalist's code"),
      N_("CODE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("zero: why (ballot stuffing)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("import|zero|list"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc == 2 && g_str_equal (argv[1], "import"))
    return likes_import (store, file, error);
  if (argc == 2 && g_str_equal (argv[1], "zero"))
    return likes_zero (store, candidate, reason, error);
  if (argc == 1 || (argc == 2 && g_str_equal (argv[1], "list")))
    return likes_list (store, error);
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Say what to do: likes import, likes zero or likes list"));
  return 2;
}
