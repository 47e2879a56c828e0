/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-fault"

#include "config.h"

#include <sqlite3.h>

#include "meeting-test-util.h"
#include "store/jp-store-defence.h"

/* Surviving faults (issue 9): the real host, `jiangping-cli serve`, runs as a separate
 * process under load from stations (protocol clients on loopback) and is killed with SIGKILL
 * at random moments, then restarted on the same file. Every ballot the host acknowledged is
 * stored, none twice, and the open round is still open after each restart. The same for the
 * defence: stations save drafts and submit score sheets; every acknowledged sheet is stored
 * once, every acknowledged draft kept. The moments come from the test's random seed (--seed
 * reproduces a run). */

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

/* Kills the host when it has given run->kill_at answers (at once when that is 0) or, when
 * every request was answered before that moment, now while it is idle; waits for it and
 * checks that it died of SIGKILL. */
static void
kill_host (Run *run)
{
  g_autoptr(GError) error = NULL;

  if (run->kill_at == 0)
    {
      run->killed = TRUE;
      g_subprocess_force_exit (run->child);
    }
  while (run->pending > 0)
    g_main_context_iteration (NULL, TRUE);
  if (!run->killed)
    {
      run->killed = TRUE;
      g_subprocess_force_exit (run->child);
    }
  g_subprocess_wait (run->child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (run->child));
  g_assert_cmpint (g_subprocess_get_term_sig (run->child), ==, SIGKILL);
  g_clear_object (&run->child);
  g_clear_pointer (&run->fingerprint, g_free);
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
      kill_host (&run);
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

/* ---- defence sheets ---- */

#define N_SCORERS   24   /* extra XT members X004 ... who score; every 4th keeps a draft only */
#define N_SHEET_KILLS 12

typedef struct {
  char     *code;
  char     *pin;
  gboolean  draft_only;   /* saves a draft and never submits: the draft must survive */
  gboolean  draft_acked;
  gboolean  sheet_acked;
} Scorer;

typedef struct {
  Run             *run;
  Scorer          *scorer;
  JpMeetingClient *client;
  gint64           session;
  const char      *candidate;
} Desk;

static const char *sheet_values[] = { "13", "21.5", "22", "17", "12" };

static void desk_send (Desk *d);

static void
desk_free (Desk *d)
{
  g_clear_object (&d->client);
  g_free (d);
}

/* The body of a PUT (draft: the first two criteria filled in) or POST (all of them); the key
 * is the station's for that sheet, the same on every resend. */
static JsonNode *
sheet_body (Desk     *d,
            gboolean  submit)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *key = g_strdup_printf ("%s-%s-%s", submit ? "sheet" : "draft",
                                          d->scorer->code, d->candidate);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "candidate");
  json_builder_add_string_value (b, d->candidate);
  json_builder_set_member_name (b, "values");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (sheet_values); i++)
    json_builder_add_string_value (b, submit || i < 2 ? sheet_values[i] : "");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "idempotency_key");
  json_builder_add_string_value (b, key);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
on_sheet_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Desk *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = jp_meeting_client_get_finish (d->client, result, &error);
  gboolean draft = !d->scorer->draft_acked;

  if (reply == NULL)
    {
      if (!d->run->killed)
        g_error ("%s: %s refused while the host ran: %s", d->scorer->code,
                 draft ? "draft" : "sheet", error->message);
      /* only a failure to reach a killed host is allowed, never a refusal */
      g_assert_true (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK));
      answered (d->run);
      desk_free (d);
      return;
    }
  if (draft)
    d->scorer->draft_acked = TRUE;
  else
    d->scorer->sheet_acked = TRUE;
  answered (d->run);
  if (d->run->killed || (d->scorer->draft_acked && (d->scorer->draft_only
                                                    || d->scorer->sheet_acked)))
    {
      desk_free (d);
      return;
    }
  desk_send (d);
}

/* Sends what the station still holds: its draft until acknowledged, then its sheet. */
static void
desk_send (Desk *d)
{
  gboolean submit = d->scorer->draft_acked;
  g_autofree char *path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/scores", d->session);
  g_autoptr(JsonNode) body = sheet_body (d, submit);

  d->run->pending++;
  jp_meeting_client_send_async (d->client, submit ? "POST" : "PUT", path, body, NULL,
                                on_sheet_sent, d);
}

static void
on_desk_logged_in (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Desk *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = jp_meeting_client_login_finish (d->client, result, &error);

  if (reply == NULL && !d->run->killed)
    g_error ("%s: login failed while the host ran: %s", d->scorer->code, error->message);
  answered (d->run);
  if (reply == NULL || d->run->killed)
    {
      desk_free (d);
      return;
    }
  desk_send (d);
}

/* After a kill: every acknowledged sheet stored submitted, every acknowledged draft kept (as
 * a draft, or submitted when its sheet went in), never more than one row a member. */
static void
check_sheets (const char *path,
              gint64      session,
              Scorer     *scorers)
{
  sqlite3 *db = NULL;
  g_autofree char *open = g_strdup_printf ("SELECT state = 'open' FROM round WHERE id = %"
                                           G_GINT64_FORMAT, session);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (query_int64 (db, open), ==, 1);
  for (guint i = 0; i < N_SCORERS; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count (*), coalesce (sum (s.state = 'submitted'), 0) FROM defence_sheet s "
        "JOIN member m ON m.id = s.member_id WHERE s.round_id = %" G_GINT64_FORMAT
        " AND m.code = '%s'", session, scorers[i].code);
      sqlite3_stmt *stmt = NULL;
      gint64 rows, submitted;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      rows = sqlite3_column_int64 (stmt, 0);
      submitted = sqlite3_column_int64 (stmt, 1);
      sqlite3_finalize (stmt);
      g_assert_cmpint (rows, <=, 1);
      if (scorers[i].draft_acked)
        g_assert_cmpint (rows, ==, 1);
      if (scorers[i].sheet_acked)
        g_assert_cmpint (submitted, ==, 1);
      if (scorers[i].draft_only)
        g_assert_cmpint (submitted, ==, 0);
    }
  sqlite3_close (db);
}

static void
test_killed_serve_defence (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-fault-defence-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "election.jiangping", NULL);
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  const char *members[] = { "M01", "M02", "M03" };
  Scorer scorers[N_SCORERS];
  gint64 round_id, session;
  guint kills = 0;

  g_assert_no_error (error);
  store = test_meeting_store (path, N_SCORERS, pins);
  /* the ballot makes 张三丰 (A) and B the finalists; the session opens on them, B called */
  model = jp_store_list_candidates (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) cand = g_list_model_get_item (model, i);

      if (g_strcmp0 (cand->trade_code, "XT") != 0)
        continue;
      if (g_str_equal (cand->name, "张三丰"))
        a = g_strdup (cand->code);
      else if (b == NULL)
        b = g_strdup (cand->code);
      else if (c == NULL)
        c = g_strdup (cand->code);
    }
  g_assert_nonnull (c);
  round_id = jp_store_open_ballot_round (store, "XT", 2, 2, -1, "chair", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *marks[] = { i < 2 ? a : c, b, NULL };

      jp_store_submit_ballot (store, round_id, members[i], marks, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_store_close_round (store, round_id, "chair", &error));
  g_assert_no_error (error);
  session = jp_store_open_defence_session (store, "XT", "chair", &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_defence_set_current (store, session, b, "chair", &error));
  g_assert_no_error (error);
  g_clear_object (&store);   /* the host owns the file from now on */

  for (guint i = 0; i < N_SCORERS; i++)
    {
      scorers[i].code = g_strdup_printf ("X%03u", i + 4);
      scorers[i].pin = g_strdup (g_hash_table_lookup (pins, scorers[i].code));
      g_assert_nonnull (scorers[i].pin);
      scorers[i].draft_only = i % 4 == 3;
      scorers[i].draft_acked = scorers[i].sheet_acked = FALSE;
    }

  for (guint r = 0; ; r++)
    {
      Run run = { 0 };
      g_autofree char *base = NULL;
      guint waiting = 0, answers = 0;
      gboolean last = kills >= N_SHEET_KILLS;

      start_host (&run, path);
      base = g_strdup_printf ("https://127.0.0.1:%u", run.port);
      for (guint i = 0; i < N_SCORERS; i++)
        {
          gboolean draft = !scorers[i].draft_acked;
          gboolean sheet = !scorers[i].draft_only && !scorers[i].sheet_acked;

          if (draft || sheet)
            answers += 1 + draft + sheet;   /* login, draft, sheet */
          waiting += draft || sheet;
        }
      /* kill at a random answer among the first two thirds of the run (0: while the first
       * requests are on their way): kills land among the logins, the drafts and the sheets,
       * and a run seldom finishes all the work before its kill */
      last = last || answers == 0;   /* everything acknowledged before the last kill */
      run.kill_at = last ? G_MAXUINT
                         : (guint) g_test_rand_int_range (0, MAX (2 * answers / 3, 1));
      for (guint i = 0; i < N_SCORERS; i++)
        {
          Desk *d;
          g_autofree char *queue = NULL;

          if (scorers[i].draft_acked && (scorers[i].draft_only || scorers[i].sheet_acked))
            continue;
          queue = g_strdup_printf ("%s/queue-%s-%u.json", dir, scorers[i].code, r);
          d = g_new0 (Desk, 1);
          d->run = &run;
          d->scorer = &scorers[i];
          d->session = session;
          d->candidate = b;
          d->client = jp_meeting_client_new (base, queue);
          jp_meeting_client_set_pinned_fingerprint (d->client, run.fingerprint);
          run.pending++;
          jp_meeting_client_login_async (d->client, scorers[i].code, scorers[i].pin, NULL,
                                         on_desk_logged_in, d);
        }
      kill_host (&run);
      check_sheets (path, session, scorers);
      {
        guint drafts = 0, sheets_acked = 0;

        for (guint i = 0; i < N_SCORERS; i++)
          {
            drafts += scorers[i].draft_acked;
            sheets_acked += scorers[i].sheet_acked;
          }
        g_test_message ("run %u: %u stations had something to send, killed at answer %u of "
                        "%u; %u drafts and %u sheets acknowledged in all", r, waiting,
                        run.kill_at, answers, drafts, sheets_acked);
      }
      if (last)
        break;
      kills++;
    }

  /* the last run answered every station: each sheet once, the drafts as typed */
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  sheets = jp_store_defence_list_sheets (store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, N_SCORERS);
  for (guint i = 0; i < N_SCORERS; i++)
    {
      g_autoptr(JpDefenceSheet) sheet = jp_store_defence_get_sheet (store, session,
                                                                    scorers[i].code, b,
                                                                    &error);

      g_assert_no_error (error);
      g_assert_true (scorers[i].draft_acked);
      g_assert_cmpint (sheet->halves[0], ==, 26);
      g_assert_cmpint (sheet->halves[1], ==, 43);
      if (scorers[i].draft_only)
        {
          g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_DRAFT);
          g_assert_cmpint (sheet->halves[2], ==, -1);
        }
      else
        {
          g_assert_true (scorers[i].sheet_acked);
          g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_SUBMITTED);
          g_assert_cmpint (sheet->total_halves, ==, 2 * 85 + 1);
        }
    }
  g_test_message ("%u kills", kills);
  g_clear_object (&store);
  for (guint i = 0; i < N_SCORERS; i++)
    {
      g_free (scorers[i].code);
      g_free (scorers[i].pin);
    }
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/meeting/fault/killed-serve", test_killed_serve);
  g_test_add_func ("/meeting/fault/killed-serve-defence", test_killed_serve_defence);
  return g_test_run ();
}
