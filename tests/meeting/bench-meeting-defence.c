/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include "meeting-test-util.h"
#include "bench-stations.h"
#include "meeting/jp-meeting-service-defence.h"

/* 60 member stations (one SoupSession each) log in and submit their defence score sheets
 * for the current candidate at once, on loopback, to one defence session with a panel of 60
 * (issue 7; DESIGN.md: p95 under 50 ms). Built like bench-meeting.c, the ballot's: the host
 * (service, server, store) runs in this process; the stations in a child process, as they
 * would on other computers, so their own work is not counted as the host's; both use the
 * monotonic clock. Prints the 95th percentile reply time of the sheets, checks that every
 * sheet was accepted and stored as submitted. */

#define N_STATIONS 60

static void
sheet_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  BenchStation *st = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = jp_meeting_client_get_finish (st->client, res, &error);

  st->replied = g_get_monotonic_time ();
  st->ok = reply != NULL;
  if (!st->ok)
    g_printerr ("sheet refused: %s\n", error->message);
  st->done = TRUE;
}

/* ---- the stations (child process) ---- */

static JsonNode *
sheet_body (const char *candidate,
            guint       i)
{
  g_autofree char *key = g_uuid_string_random ();
  /* five criteria of the default rubric (15, 25, 25, 20, 15), a spread of totals */
  g_autofree char *last = g_strdup_printf ("%u.%u", 8 + i % 7, (i % 2) * 5);
  const char *values[] = { "13", "21.5", "22", "17", last, NULL };

  return test_sheet_body (candidate, values, key);
}

/* Reads the plan the host wrote (base URL, session, candidate, members and PINs), logs every
 * station in, submits every sheet at once and prints "<sent> <replied> <ok>" in monotonic
 * microseconds, one line per station. */
static int
run_stations (const char *plan_path)
{
  g_autoptr(GKeyFile) plan = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *path = NULL;
  BenchStation stations[N_STATIONS] = { 0 };
  JsonNode *bodies[N_STATIONS];
  gint64 session;
  gsize n = 0;

  if (!g_key_file_load_from_file (plan, plan_path, G_KEY_FILE_NONE, &error))
    g_error ("%s", error->message);
  candidate = g_key_file_get_string (plan, "plan", "candidate", NULL);
  session = g_key_file_get_int64 (plan, "plan", "session", NULL);
  codes = g_key_file_get_keys (plan, "pins", &n, NULL);
  g_assert_cmpuint (n, ==, N_STATIONS);
  path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/scores", session);

  for (guint i = 0; i < N_STATIONS; i++)
    bodies[i] = sheet_body (candidate, i);
  bench_login_all (plan, (const char **) codes, stations, N_STATIONS);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      stations[i].done = FALSE;
      stations[i].started = g_get_monotonic_time ();
      jp_meeting_client_send_async (stations[i].client, "POST", path, bodies[i], NULL,
                                    sheet_done, &stations[i]);
    }
  bench_wait_all (stations, N_STATIONS);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d\n", stations[i].started,
              stations[i].replied, stations[i].ok);
      json_node_unref (bodies[i]);
      g_object_unref (stations[i].client);
    }
  return 0;
}

/* ---- the host (this process) ---- */

/* The XT candidates nobody on the panel is conflicted with (张三丰 is M03's unit's). */
static GStrv
free_codes (JpStore  *store,
            JpRound  *round)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GPtrArray) members = jp_store_list_members (store, NULL);

  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *c = round->candidates->pdata[i];
      gboolean free = TRUE;

      for (guint j = 0; j < members->len && free; j++)
        {
          gboolean conflicted = FALSE;
          g_autoptr(GError) error = NULL;

          g_assert_true (jp_store_is_conflicted (store, ((JpMember *) members->pdata[j])->code,
                                                 c->candidate_id, &conflicted, &error));
          g_assert_no_error (error);
          free = !conflicted;
        }
      if (free)
        g_strv_builder_add (out, c->code);
    }
  return g_strv_builder_end (out);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *base = NULL;
  g_autofree char *stations_dir = NULL;
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GKeyFile) plan = g_key_file_new ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpMeetingService) service = NULL;
  g_autoptr(JpMeetingServer) server = NULL;
  g_autoptr(GArray) replies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpDefenceSession) session = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_auto(GStrv) finalists = NULL;
  const JpDefenceCandidate *current;
  guint accepted = 0;
  gint64 round_id, session_id;

  if (argc == 3 && g_str_equal (argv[1], "--stations"))
    return run_stations (argv[2]);

  dir = g_dir_make_tmp ("jp-bench-defence-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.jiangping", NULL);
  /* 3 XT members of the fixture + 57 = a panel of 60 */
  store = test_meeting_store (path, N_STATIONS - 3, pins);
  service = jp_meeting_service_new (store);
  server = jp_meeting_server_new (service);
  /* 60 stations on one address here, on 60 in a meeting room */
  jp_meeting_server_set_limits (server, 0, BENCH_REQUEST_TIMEOUT_MS);
  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  base = test_base_uri (server);

  /* the ballot decides two finalists nobody is conflicted with: every member marks both */
  round_id = jp_meeting_service_open_round (service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, &error);
  g_assert_no_error (error);
  finalists = free_codes (store, round);
  g_assert_cmpuint (g_strv_length (finalists), >=, 2);
  members = jp_store_list_members (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = members->pdata[i];
      const char *marks[] = { finalists[0], finalists[1], NULL };

      if (!g_strv_contains ((const char *const *) m->trades, "XT"))
        continue;
      jp_store_submit_ballot (store, round_id, m->code, marks, NULL, NULL, &error);
      g_assert_no_error (error);
      g_key_file_set_string (plan, "pins", m->code, g_hash_table_lookup (pins, m->code));
    }
  g_assert_true (jp_meeting_service_close_round (service, round_id, &error));
  g_assert_no_error (error);
  session_id = jp_meeting_service_defence_open (service, "XT", &error);
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_defence_set_current (service, session_id, finalists[0],
                                                         &error));
  g_assert_no_error (error);
  session = jp_store_get_defence_session (store, session_id, &error);
  g_assert_no_error (error);
  current = jp_defence_session_current (session);
  g_assert_cmpuint (current->n_expected, ==, N_STATIONS);

  g_key_file_set_string (plan, "plan", "base", base);
  g_key_file_set_string (plan, "plan", "fingerprint", jp_meeting_server_get_fingerprint (server));
  g_key_file_set_string (plan, "plan", "candidate", current->code);
  g_key_file_set_int64 (plan, "plan", "session", session_id);
  stations_dir = g_strdup_printf ("/dev/shm/jp-bench-defence-%d", (int) getpid ());
  if (g_mkdir_with_parents (stations_dir, 0700) != 0)
    {
      g_free (stations_dir);
      stations_dir = g_build_filename (dir, "stations", NULL);
      g_mkdir_with_parents (stations_dir, 0700);
    }
  g_key_file_set_string (plan, "plan", "dir", stations_dir);
  accepted = bench_run_stations (argv[0], plan, dir, replies, NULL);
  g_clear_pointer (&session, jp_defence_session_free);
  session = jp_store_get_defence_session (store, session_id, &error);
  g_assert_no_error (error);
  current = jp_defence_session_current (session);

  printf ("defence-60: %u stations, %u sheets accepted, %u of %u stored as submitted\n",
          N_STATIONS, accepted, current->n_submitted, current->n_expected);
  printf ("defence-60: sheet reply median %.1f ms, p95 %.1f ms (target 50 ms)\n",
          bench_percentile_ms (replies, 0.5), bench_percentile_ms (replies, 0.95));

  jp_meeting_server_disconnect (server);
  test_rm_rf (stations_dir);
  test_rm_rf (dir);
  return accepted == N_STATIONS && current->n_submitted == N_STATIONS ? 0 : 1;
}
