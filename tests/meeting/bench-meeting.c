/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include "meeting-test-util.h"
#include "bench-stations.h"

/* jp_store_is_conflicted, which must not fail here. */
static gboolean
is_conflicted (JpStore    *store,
               const char *member_code,
               gint64      candidate_id)
{
  g_autoptr(GError) error = NULL;
  gboolean conflicted = FALSE;

  g_assert_true (jp_store_is_conflicted (store, member_code, candidate_id, &conflicted, &error));
  g_assert_no_error (error);
  return conflicted;
}

/* 60 member stations (one SoupSession each) log in and submit their ballots at once on
 * loopback to one round of 60 members. The host (service, server, store and the "progress"
 * signal the projector draws from) runs in this process, as in the chair's console; the
 * stations run in a child process, as they would on other computers, so their own work is
 * not counted as the host's. Each station writes its offline queue durably before sending; on
 * 60 computers those writes happen side by side, in one process they would queue behind each
 * other, so the stations keep their queues in memory-backed /dev/shm when there is one.
 * Both use the monotonic clock, so times compare across the two processes.
 * Prints the 95th percentile reply time of the ballots and the 95th percentile time from a
 * ballot to the host's "progress" signal. Targets (DESIGN.md): 50 ms and 200 ms. */

#define N_STATIONS 60

static GArray *progress_times;

static void
on_progress (JpMeetingService *service, gint64 round, int cast, int panel, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (progress_times, now);
}

static void
ballot_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  BenchStation *st = user_data;
  g_autoptr(GError) error = NULL;

  st->replied = g_get_monotonic_time ();
  st->ok = jp_meeting_client_submit_ballot_finish (st->client, res, &error);
  if (!st->ok)
    g_printerr ("ballot refused: %s\n", error->message);
  st->done = TRUE;
}

static double
p95_ms (GArray *us)
{
  return bench_percentile_ms (us, 0.95);
}

/* ---- the stations (child process) ---- */

/* Reads the plan the host wrote (base URL, round, the code to mark, members and PINs), logs
 * every station in, submits every ballot at once and prints "<sent> <replied> <ok>" in
 * monotonic microseconds, one line per station. */
static int
run_stations (const char *plan_path)
{
  g_autoptr(GKeyFile) plan = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *mark = NULL;
  BenchStation stations[N_STATIONS] = { 0 };
  gint64 round_id;
  gsize n = 0;

  if (!g_key_file_load_from_file (plan, plan_path, G_KEY_FILE_NONE, &error))
    g_error ("%s", error->message);
  mark = g_key_file_get_string (plan, "plan", "mark", NULL);
  round_id = g_key_file_get_int64 (plan, "plan", "round", NULL);
  codes = g_key_file_get_keys (plan, "pins", &n, NULL);
  g_assert_cmpuint (n, ==, N_STATIONS);
  bench_login_all (plan, (const char **) codes, stations, N_STATIONS);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      const char *marks[] = { mark, NULL };

      stations[i].done = FALSE;
      stations[i].started = g_get_monotonic_time ();
      jp_meeting_client_submit_ballot_async (stations[i].client, round_id, marks, NULL, NULL,
                                             ballot_done, &stations[i]);
    }
  bench_wait_all (stations, N_STATIONS);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d\n", stations[i].started,
              stations[i].replied, stations[i].ok);
      g_object_unref (stations[i].client);
    }
  return 0;
}

/* ---- the host (this process) ---- */

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *base = NULL;
  g_autofree char *first_code = NULL, *stations_dir = NULL;
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GKeyFile) plan = g_key_file_new ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpMeetingService) service = NULL;
  g_autoptr(JpMeetingServer) server = NULL;
  g_autoptr(GArray) replies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) sent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) to_progress = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JpRound) round = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint accepted = 0;
  gint64 round_id;

  if (argc == 3 && g_str_equal (argv[1], "--stations"))
    return run_stations (argv[2]);

  dir = g_dir_make_tmp ("jp-bench-meeting-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.jiangping", NULL);
  progress_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* 3 XT members of the fixture + 57 = a panel of 60 */
  store = test_meeting_store (path, N_STATIONS - 3, pins);
  service = jp_meeting_service_new (store);
  server = jp_meeting_server_new (service);
  /* 60 stations on one address here, on 60 in a meeting room */
  jp_meeting_server_set_limits (server, 0, BENCH_REQUEST_TIMEOUT_MS);
  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  base = test_base_uri (server);
  round_id = jp_meeting_service_open_round (service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, NULL);
  g_assert_cmpint (round->n_panel, ==, N_STATIONS);
  g_signal_connect (service, "progress", G_CALLBACK (on_progress), NULL);

  /* M03 is conflicted with one XT candidate: everybody marks one that nobody is
   * conflicted with (the member's choice does not change the host's work). */
  for (guint i = 0; i < round->candidates->len && first_code == NULL; i++)
    {
      JpRoundCandidate *c = round->candidates->pdata[i];

      if (!is_conflicted (store, "M03", c->candidate_id))
        first_code = g_strdup (c->code);
    }

  g_key_file_set_string (plan, "plan", "base", base);
  g_key_file_set_string (plan, "plan", "fingerprint", jp_meeting_server_get_fingerprint (server));
  g_key_file_set_string (plan, "plan", "mark", first_code);
  stations_dir = g_strdup_printf ("/dev/shm/jp-bench-stations-%d", (int) getpid ());
  if (g_mkdir_with_parents (stations_dir, 0700) != 0)
    {
      g_free (stations_dir);
      stations_dir = g_build_filename (dir, "stations", NULL);
      g_mkdir_with_parents (stations_dir, 0700);
    }
  g_key_file_set_string (plan, "plan", "dir", stations_dir);
  g_key_file_set_int64 (plan, "plan", "round", round_id);
  g_hash_table_iter_init (&iter, pins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JpMember *m = NULL;
      g_autoptr(GPtrArray) members = jp_store_list_members (store, NULL);

      for (guint i = 0; i < members->len; i++)
        if (g_str_equal (((JpMember *) members->pdata[i])->code, key))
          m = members->pdata[i];
      if (m != NULL && g_strv_contains ((const char *const *) m->trades, "XT"))
        g_key_file_set_string (plan, "pins", key, value);
    }
  accepted = bench_run_stations (argv[0], plan, dir, replies, sent);
  /* the k-th progress signal answers (at the latest) the k-th ballot sent */
  g_array_sort (sent, bench_cmp_gint64);
  for (guint i = 0; i < progress_times->len && i < sent->len; i++)
    {
      gint64 d = g_array_index (progress_times, gint64, i) - g_array_index (sent, gint64, i);

      g_array_append_val (to_progress, d);
    }
  g_clear_pointer (&round, jp_round_free);
  round = jp_store_get_round (store, round_id, NULL);

  printf ("meeting-60: %u stations, %u ballots accepted, %d stored, %u progress signals\n",
          N_STATIONS, accepted, round->n_cast, progress_times->len);
  printf ("meeting-60: ballot reply p95 %.1f ms (target 50 ms)\n", p95_ms (replies));
  printf ("meeting-60: ballot to progress signal p95 %.1f ms (target 200 ms)\n",
          p95_ms (to_progress));

  jp_meeting_server_disconnect (server);
  test_rm_rf (stations_dir);
  test_rm_rf (dir);
  g_array_unref (progress_times);
  return accepted == N_STATIONS && round->n_cast == N_STATIONS ? 0 : 1;
}
