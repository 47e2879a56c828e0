/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <stdio.h>
#include <gio/gio.h>

#include "meeting/jp-meeting-client.h"

/* The benches' stations run in a child process (`self --stations PLAN`), as they would on
 * other computers; the child prints "<sent> <replied> <ok>" (monotonic µs) per submission. */

/* How long the benches' host waits for a station's request. The 60 logins of a bench arrive
 * at once (60 TLS handshakes, 60 PIN checks): on a build machine shared with other work they
 * can take longer than the meeting room's JP_MEETING_REQUEST_SECONDS, and a station whose
 * handshake was cut would end the run. The submissions measured come after the logins. */
#define BENCH_REQUEST_TIMEOUT_MS 60000

/* One station of the child process. */
typedef struct {
  JpMeetingClient *client;
  gint64           started;
  gint64           replied;
  gboolean         ok;
  gboolean         done;
} BenchStation;

static void
bench_login_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  BenchStation *st = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = jp_meeting_client_login_finish (st->client, res, &error);

  if (reply == NULL)
    g_error ("login failed: %s", error->message);
  st->replied = g_get_monotonic_time ();
  st->done = TRUE;
}

static int
bench_cmp_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The `p` quantile (0..1) of `us` (microseconds, sorted here), in milliseconds. */
static double
bench_percentile_ms (GArray *us, double p)
{
  g_array_sort (us, bench_cmp_gint64);
  return g_array_index (us, gint64, (guint) ((us->len - 1) * p)) / 1000.0;
}

/* Runs the main loop until every one of the `n` stations is done. */
static void
bench_wait_all (BenchStation *stations, guint n)
{
  gboolean all;

  do
    {
      g_main_context_iteration (NULL, TRUE);
      all = TRUE;
      for (guint i = 0; i < n; i++)
        all = all && stations[i].done;
    }
  while (!all);
}

/* Logs in the `n` members of the plan's [pins] (their codes in `codes`) at once, each on
 * its own client keeping its queue in the plan's dir (a new TLS connection each), waits for
 * all of them and prints the 95th percentile of their login times on stderr. */
static void
bench_login_all (GKeyFile     *plan,
                 const char  **codes,
                 BenchStation *stations,
                 guint         n)
{
  g_autofree char *base = g_key_file_get_string (plan, "plan", "base", NULL);
  g_autofree char *fingerprint = g_key_file_get_string (plan, "plan", "fingerprint", NULL);
  g_autofree char *dir = g_key_file_get_string (plan, "plan", "dir", NULL);

  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *queue = g_strdup_printf ("%s/queue-%s.json", dir, codes[i]);
      g_autofree char *pin = g_key_file_get_string (plan, "pins", codes[i], NULL);

      stations[i].started = g_get_monotonic_time ();
      stations[i].client = jp_meeting_client_new (base, queue);
      jp_meeting_client_set_pinned_fingerprint (stations[i].client, fingerprint);
      jp_meeting_client_login_async (stations[i].client, codes[i], pin, NULL,
                                     bench_login_done, &stations[i]);
    }
  bench_wait_all (stations, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 t = stations[i].replied - stations[i].started;

      g_array_append_val (times, t);
    }
  g_printerr ("stations: %u logins at once, p95 %.1f ms\n", n,
              bench_percentile_ms (times, 0.95));
}

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
