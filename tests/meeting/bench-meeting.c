/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include "meeting-test-util.h"

/* 60 member stations (one SoupSession each) log in and submit their ballots at once on
 * loopback to one round of 60 members. Prints the 95th percentile reply time of the ballots
 * and the 95th percentile time from a ballot to the host's "progress" signal (what the
 * projector draws). Targets (DESIGN.md): 50 ms and 200 ms. */

#define N_STATIONS 60

typedef struct {
  JpMeetingClient *client;
  gint64           started;
  gint64           replied;
  gboolean         ok;
  gboolean         done;
} Station;

static GArray *progress_times;

static void
on_progress (JpMeetingService *service, gint64 round, int cast, int panel, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (progress_times, now);
}

static void
login_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  Station *st = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = jp_meeting_client_login_finish (st->client, res, &error);

  if (reply == NULL)
    g_error ("login failed: %s", error->message);
  st->done = TRUE;
}

static void
ballot_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  Station *st = user_data;
  g_autoptr(GError) error = NULL;

  st->replied = g_get_monotonic_time ();
  st->ok = jp_meeting_client_submit_ballot_finish (st->client, res, &error);
  if (!st->ok)
    g_printerr ("ballot refused: %s\n", error->message);
  st->done = TRUE;
}

static int
cmp_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
p95_ms (GArray *us)
{
  g_array_sort (us, cmp_gint64);
  return g_array_index (us, gint64, (guint) ((us->len - 1) * 0.95)) / 1000.0;
}

static void
wait_all (Station *stations)
{
  gboolean all;

  do
    {
      g_main_context_iteration (NULL, TRUE);
      all = TRUE;
      for (guint i = 0; i < N_STATIONS; i++)
        all = all && stations[i].done;
    }
  while (!all);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-bench-meeting-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.jiangping", NULL);
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpMeetingService) service = NULL;
  g_autoptr(JpMeetingServer) server = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) replies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) to_progress = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JpRound) round = NULL;
  g_autofree char *base = NULL;
  g_autofree char *first_code = NULL;
  Station stations[N_STATIONS] = { 0 };
  guint n = 0, accepted = 0;
  gint64 round_id;

  g_assert_no_error (error);
  progress_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* 3 XT members of the fixture + 57 = a panel of 60 */
  store = test_meeting_store (path, N_STATIONS - 3, pins);
  service = jp_meeting_service_new (store);
  server = jp_meeting_server_new (service);
  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  base = g_strdup_printf ("http://127.0.0.1:%u", jp_meeting_server_get_port (server));
  round_id = jp_meeting_service_open_round (service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, NULL);
  g_assert_cmpint (round->n_panel, ==, N_STATIONS);
  g_signal_connect (service, "progress", G_CALLBACK (on_progress), NULL);

  members = jp_store_list_members (store, NULL);
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = members->pdata[i];
      g_autofree char *queue = NULL;

      if (!g_strv_contains ((const char *const *) m->trades, "XT"))
        continue;
      queue = g_strdup_printf ("%s/queue-%s.json", dir, m->code);
      stations[n].client = jp_meeting_client_new (base, queue);
      jp_meeting_client_login_async (stations[n].client, m->code,
                                     g_hash_table_lookup (pins, m->code), NULL, login_done,
                                     &stations[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, N_STATIONS);
  wait_all (stations);

  /* M03 is conflicted with one XT candidate: everybody marks one that nobody is
   * conflicted with (the member's choice does not change the host's work). */
  for (guint i = 0; i < round->candidates->len && first_code == NULL; i++)
    {
      JpRoundCandidate *c = round->candidates->pdata[i];

      if (!jp_store_is_conflicted (store, "M03", c->candidate_id))
        first_code = g_strdup (c->code);
    }
  for (guint i = 0; i < N_STATIONS; i++)
    {
      const char *marks[] = { first_code, NULL };

      stations[i].done = FALSE;
      stations[i].started = g_get_monotonic_time ();
      jp_meeting_client_submit_ballot_async (stations[i].client, round_id, marks, NULL, NULL,
                                             ballot_done, &stations[i]);
    }
  wait_all (stations);

  for (guint i = 0; i < N_STATIONS; i++)
    {
      gint64 reply = stations[i].replied - stations[i].started;

      accepted += stations[i].ok;
      g_array_append_val (replies, reply);
    }
  /* the k-th progress signal answers (at the latest) the k-th ballot sent */
  for (guint i = 0; i < progress_times->len && i < N_STATIONS; i++)
    {
      gint64 d = g_array_index (progress_times, gint64, i) - stations[i].started;

      g_array_append_val (to_progress, d);
    }
  g_clear_pointer (&round, jp_round_free);
  round = jp_store_get_round (store, round_id, NULL);

  printf ("meeting-60: %u stations, %u ballots accepted, %d stored, %u progress signals\n",
          N_STATIONS, accepted, round->n_cast, progress_times->len);
  printf ("meeting-60: ballot reply p95 %.1f ms (target 50 ms)\n", p95_ms (replies));
  printf ("meeting-60: ballot to progress signal p95 %.1f ms (target 200 ms)\n",
          p95_ms (to_progress));

  for (guint i = 0; i < N_STATIONS; i++)
    g_object_unref (stations[i].client);
  jp_meeting_server_disconnect (server);
  test_rm_rf (dir);
  g_array_unref (progress_times);
  return accepted == N_STATIONS && round->n_cast == N_STATIONS ? 0 : 1;
}
