/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* What every jiangping-cli test needs: running the real binary ($JP_CLI) and a temporary
 * election file. Include after defining G_LOG_DOMAIN. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

/* Runs jiangping-cli with the given arguments (NULL-terminated) and returns its exit status;
 * stdout and stderr are returned in *out and *err. The environment is LANG=C so messages
 * come in English (the source strings) unless a test asks otherwise. */
static int
run_cli (char **out, char **err, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("JP_CLI");
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jp-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "test.jiangping", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
  g_free (f->db);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Runs a command expecting success and returns its stdout parsed as JSON. */
G_GNUC_UNUSED static JsonNode *
run_json (const char *db, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  va_list ap;
  int status;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_assert_cmpuint (args->len, <=, 12);
  while (args->len < 13)
    g_ptr_array_add (args, NULL);
  status = run_cli (&out, &err, args->pdata[0], "--db", db, "--json",
                    args->pdata[1], args->pdata[2], args->pdata[3], args->pdata[4],
                    args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8],
                    args->pdata[9], args->pdata[10], args->pdata[11], NULL);
  if (status != 0)
    g_error ("%s failed (%d): %s", (char *) args->pdata[0], status, err);
  return parse_json (out);
}

/* Every candidate of `db` qualified with the criteria it claims (`qualify`). */
G_GNUC_UNUSED static void
test_cli_qualify_all (const char *db)
{
  g_autoptr(JsonNode) list = run_json (db, "candidates", NULL);
  JsonArray *a = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *c = json_array_get_object_element (a, i);
      JsonArray *criteria = json_object_get_array_member (c, "criteria");
      g_autoptr(GString) crit = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (c, "id"));
      g_autoptr(JsonNode) saved = NULL;

      for (guint k = 0; k < json_array_get_length (criteria); k++)
        g_string_append_printf (crit, "%s%" G_GINT64_FORMAT, k > 0 ? "," : "",
                                json_array_get_int_element (criteria, k));
      saved = run_json (db, "qualify", "--candidate", id, "--criteria", crit->str, NULL);
    }
}

/* The demo at f->db, every candidate qualified and frozen, and a closed FW ballot round of 2
 * seats (5 valid ballots) in which FW-01 and FW-02 advanced with 4 votes each (FW-03 2). */
G_GNUC_UNUSED static void
test_cli_fw_finalists (Fixture *f)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *ballots = g_build_filename (f->dir, "ballots.csv", NULL);
  g_autoptr(JsonNode) frozen = NULL, opened = NULL, entered = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==,
                   0);
  test_cli_qualify_all (f->db);
  frozen = run_json (f->db, "freeze", NULL);
  opened = run_json (f->db, "round", "open", "--kind", "ballot", "--trade", "FW", "--seats", "2",
                     "--max-choices", "2", "--present", "5", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (opened), "round"), ==, 1);
  g_file_set_contents (ballots, "serial,marks\n1,FW-01 FW-02\n2,FW-01 FW-02\n3,FW-01 FW-02\n"
                       "4,FW-01 FW-03\n5,FW-02 FW-03\n", -1, &error);
  g_assert_no_error (error);
  entered = run_json (f->db, "ballots", "enter", "--round", "1", "--file", ballots,
                      "--entered-by", "M15", "--confirm-file", ballots, "--confirmed-by", "M12",
                      NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", "1", NULL),
                   ==, 0);
}
