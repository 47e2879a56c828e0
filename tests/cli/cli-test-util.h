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
