/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-fault"

#include "config.h"

#include <sqlite3.h>

#include "meeting-test-util.h"

/* Surviving faults (issue 9): the real host, `jiangping-cli serve`, runs as a separate
 * process under load from stations (protocol clients on loopback) and is killed with SIGKILL
 * at random moments, then restarted on the same file. Every ballot the host acknowledged is
 * stored, none twice, and the open round is still open after each restart. The moments come
 * from the test's random seed (--seed reproduces a run). */

#define N_VOTERS 32
#define MAX_KILL_AT 6   /* answers a run may get before its kill: the load outlasts the kills */
#define N_KILLS  12

typedef struct {
  char            *code;
  char            *pin;
  char            *key;       /* the station's idempotency key: the same on every resend */
  gboolean         acked;
} Voter;

typedef struct {
  GSubprocess     *child;
  guint            port;
  char            *fingerprint;
  guint            events;     /* answers received this run (logins and ballots) */
  guint            kill_at;    /* kill when `events` reaches it; G_MAXUINT: never */
  gboolean         killed;
  guint            pending;    /* requests not answered yet */
} Run;

typedef struct {
  Run             *run;
  Voter           *voter;
  JpMeetingClient *client;
  gint64           round_id;
  const char      *mark;
} Station;

static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* `jiangping-cli serve --local --port 0` on the election; reads the address it prints. */
static void
start_host (Run        *run,
            const char *path)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *o;
  const char *cli = g_getenv ("JP_CLI");

  g_assert_nonnull (cli);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  /* every station of the room comes from 127.0.0.1 here */
  g_subprocess_launcher_setenv (launcher, "JP_MEETING_MAX_PER_PEER", "256", TRUE);
  run->child = g_subprocess_launcher_spawn (launcher, &error, cli, "serve", "--db", path,
                                            "--local", "--port", "0", "--json", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run->child));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_string_append (text, line);
      if (g_str_equal (line, "}"))
        break;
    }
  g_assert_true (json_parser_load_from_data (parser, text->str, -1, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  run->port = json_object_get_int_member (o, "port");
  g_assert_cmpuint (run->port, >, 0);
  run->fingerprint = g_strdup (json_object_get_string_member (o, "fingerprint"));
}

static void
answered (Run *run)
{
  run->pending--;
  run->events++;
  if (!run->killed && run->events >= run->kill_at)
    {
      run->killed = TRUE;
      g_subprocess_force_exit (run->child);   /* SIGKILL */
    }
}

static void
station_free (Station *s)
{
  g_clear_object (&s->client);
  g_free (s);
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Station *s = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = jp_meeting_client_submit_ballot_finish (s->client, result, &error);

  if (ok)
    s->voter->acked = TRUE;
  else if (!s->run->killed)
    g_error ("%s: ballot refused while the host ran: %s", s->voter->code, error->message);
  else
    /* only a failure to reach a killed host is allowed, never a refusal */
    g_assert_true (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK));
  answered (s->run);
  station_free (s);
}

static void
on_logged_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Station *s = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = jp_meeting_client_login_finish (s->client, result, &error);

  if (reply == NULL)
    {
      if (!s->run->killed)
        g_error ("%s: login failed while the host ran: %s", s->voter->code, error->message);
      answered (s->run);
      station_free (s);
      return;
    }
  answered (s->run);
  if (s->run->killed)
    {
      station_free (s);
      return;
    }
  {
    const char *marks[] = { s->mark, NULL };

    s->run->pending++;
    jp_meeting_client_submit_ballot_async (s->client, s->round_id, marks, s->voter->key, NULL,
                                           on_submitted, s);
  }
}

/* After a kill: the file as the next host finds it. */
static void
check_file (const char *path,
            gint64      round_id,
            Voter      *voters)
{
  sqlite3 *db = NULL;
  g_autofree char *state = g_strdup_printf ("SELECT state = 'open' FROM round WHERE id = %"
                                            G_GINT64_FORMAT, round_id);
  g_autofree char *ballots = g_strdup_printf ("SELECT count (*) FROM ballot WHERE round_id = %"
                                              G_GINT64_FORMAT, round_id);
  guint acked = 0;

  for (guint i = 0; i < N_VOTERS; i++)
    acked += voters[i].acked;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (query_int64 (db, state), ==, 1);
  /* every acknowledged ballot is there; a ballot stored but not yet answered may be too */
  g_assert_cmpint (query_int64 (db, ballots), >=, acked);
  g_assert_cmpint (query_int64 (db, ballots), <=, N_VOTERS);
  g_assert_cmpint (query_int64 (db, "SELECT count (*) FROM ballot"), ==,
                   query_int64 (db, "SELECT count (*) FROM ballot_roster"));
  sqlite3_close (db);
}

static void
test_killed_serve (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-fault-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "election.jiangping", NULL);
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_auto(GStrv) codes = NULL;
  Voter voters[N_VOTERS];
  gint64 round_id;
  guint kills = 0;

  g_assert_no_error (error);
  store = test_meeting_store (path, N_VOTERS, pins);
  round_id = jp_store_open_ballot_round (store, "XT", 2, 2, -1, "chair", &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, &error);
  g_assert_no_error (error);
  codes = jp_round_get_codes (round);
  g_clear_pointer (&round, jp_round_free);
  g_clear_object (&store);   /* the host owns the file from now on */

  for (guint i = 0; i < N_VOTERS; i++)
    {
      voters[i].code = g_strdup_printf ("X%03u", i + 4);
      voters[i].pin = g_strdup (g_hash_table_lookup (pins, voters[i].code));
      g_assert_nonnull (voters[i].pin);
      voters[i].key = g_strdup_printf ("fault-%s", voters[i].code);
      voters[i].acked = FALSE;
    }

  for (guint r = 0; ; r++)
    {
      Run run = { 0 };
      g_autofree char *base = NULL;
      guint waiting = 0;
      gboolean last = kills >= N_KILLS;

      start_host (&run, path);
      base = g_strdup_printf ("https://127.0.0.1:%u", run.port);
      for (guint i = 0; i < N_VOTERS; i++)
        waiting += !voters[i].acked;
      /* each station logs in and sends: up to 2 answers each; kill at a random one of the
       * first answers (0: while the first requests are on their way), while most stations
       * still wait for theirs */
      run.kill_at = last ? G_MAXUINT
                         : (guint) g_test_rand_int_range (0, MIN (2 * waiting, MAX_KILL_AT) + 1);
      for (guint i = 0; i < N_VOTERS; i++)
        {
          Station *s;
          g_autofree char *queue = NULL;

          if (voters[i].acked)
            continue;
          queue = g_strdup_printf ("%s/queue-%s-%u.json", dir, voters[i].code, r);
          s = g_new0 (Station, 1);
          s->run = &run;
          s->voter = &voters[i];
          s->round_id = round_id;
          s->mark = codes[i % 2];
          s->client = jp_meeting_client_new (base, queue);
          jp_meeting_client_set_pinned_fingerprint (s->client, run.fingerprint);
          run.pending++;
          jp_meeting_client_login_async (s->client, voters[i].code, voters[i].pin, NULL,
                                         on_logged_in, s);
        }
      if (run.kill_at == 0)
        {
          run.killed = TRUE;
          g_subprocess_force_exit (run.child);
        }
      while (run.pending > 0)
        g_main_context_iteration (NULL, TRUE);
      if (!run.killed)
        {
          /* everything answered before the chosen moment: kill it now, idle */
          run.killed = TRUE;
          g_subprocess_force_exit (run.child);
        }
      g_subprocess_wait (run.child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (run.child));
      g_assert_cmpint (g_subprocess_get_term_sig (run.child), ==, SIGKILL);
      g_clear_object (&run.child);
      g_free (run.fingerprint);
      check_file (path, round_id, voters);
      {
        guint acked = 0;

        for (guint i = 0; i < N_VOTERS; i++)
          acked += voters[i].acked;
        g_test_message ("run %u: %u of %u ballots sent were answered before the kill at "
                        "answer %u; %u acknowledged in all", r, waiting - (N_VOTERS - acked),
                        waiting, run.kill_at, acked);
      }
      if (last)
        break;
      kills++;
    }

  /* the last run answered every station: each ballot once, the round still open */
  for (guint i = 0; i < N_VOTERS; i++)
    g_assert_true (voters[i].acked);
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_OPEN);
  g_assert_true (jp_store_close_round (store, round_id, "chair", &error));
  g_assert_no_error (error);
  tally = jp_store_get_tally (store, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->cast, ==, N_VOTERS);
  g_test_message ("%u kills", kills);
  g_clear_object (&store);
  for (guint i = 0; i < N_VOTERS; i++)
    {
      g_free (voters[i].code);
      g_free (voters[i].pin);
      g_free (voters[i].key);
    }
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/meeting/fault/killed-serve", test_killed_serve);
  return g_test_run ();
}
