/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <stdio.h>
#include <gio/gio.h>

/* The benches' stations run in a child process (`self --stations PLAN`), as they would on
 * other computers; the child prints "<sent> <replied> <ok>" (monotonic µs) per submission. */

static void
bench_on_stations_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), res, out, NULL, &error))
    g_error ("stations: %s", error->message);
}

/* Saves `plan` as `dir`/plan.ini, runs the stations child of `self` on it while this process
 * serves, and appends each reply time to `replies` and (when not NULL) each send time to
 * `sent`. Returns how many submissions the host accepted. */
static guint
bench_run_stations (const char *self,
                    GKeyFile   *plan,
                    const char *dir,
                    GArray     *replies,
                    GArray     *sent)
{
  g_autofree char *plan_path = g_build_filename (dir, "plan.ini", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint accepted = 0;

  g_assert_true (g_key_file_save_to_file (plan, plan_path, NULL));
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--stations",
                            plan_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, bench_on_stations_done, &out);
  while (out == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (child));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      gint64 started = 0, replied = 0;
      int ok = 0;

      if (sscanf (lines[i], "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d", &started, &replied,
                  &ok) == 3)
        {
          gint64 reply = replied - started;

          accepted += ok;
          g_array_append_val (replies, reply);
          if (sent != NULL)
            g_array_append_val (sent, started);
        }
    }
  return accepted;
}
