/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-defence-group"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "store/jp-store-private.h"
#include "store/jp-store-defence.h"
#include "meeting/jp-meeting-service-defence.h"
#include "meeting-test-util.h"
#include "meeting-disk-test-util.h"

/* Score sheets from several stations at once (issue 7, 60 stations): the host stores the
 * sheets that arrive together in one group commit. Every station gets its own answer only
 * once its sheet is on disk; the chair's "N of M" (defence_progress) goes out only after the
 * commit that holds the sheets; when the file cannot take the group (a full disk: SQLite's
 * max_page_count, as in test-full-disk.c) every station is refused with the reason, nothing
 * of the group is stored, and each sheet sent again is stored once. Drafts are grouped too
 * and stay each member's own: a restarted station gets its draft back.
 * The test election (meeting-test-util.h): XT with 张三丰 (A, M03 is conflicted with him), B
 * and C; panel M01, M02, M03 and the extra members X004 ...; the ballot makes A and B the
 * finalists and the defence session calls B, on whom nobody steps out. */

/* extra members of the XT panel: the stations and enough drafts to fill the last pages */
#define N_EXTRA 120
#define N_STATIONS 8

static const char *sheet_values[] = { "13", "21.5", "22", "17", "12", NULL };

typedef struct {
  char             *dir;
  char             *path;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  char             *b;
  gint64            session;
  guint             n_progress;     /* defence_progress events */
  gint64            last_submitted; /* "submitted" of the last one */
  gint64            on_disk;        /* submitted sheets of B another reader saw then */
} Fixture;

/* What another reader of the file sees: only what was committed. */
static gint64
committed_count (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

#define SUBMITTED_SQL "SELECT count (*) FROM defence_sheet WHERE state = 'submitted'"

static void
on_event (JpMeetingService *service, const char *type, JsonNode *data, Fixture *f)
{
  if (!g_str_equal (type, "defence_progress"))
    return;
  f->n_progress++;
  f->last_submitted = json_object_get_int_member (json_node_get_object (data), "submitted");
  /* when the chair hears "N of M", the N sheets are in the file for everyone */
  f->on_disk = committed_count (f, SUBMITTED_SQL);
  g_assert_cmpint (f->on_disk, >=, f->last_submitted);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;

  f->dir = g_dir_make_tmp ("jp-defence-group-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (f->path, N_EXTRA, f->pins);
  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);

  test_xt_finalists (f->store, f->service, &a, &f->b);
  f->session = jp_meeting_service_defence_open (f->service, "XT", &error);
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->session, f->b,
                                                         &error));
  g_assert_no_error (error);
  g_signal_connect (f->service, "event", G_CALLBACK (on_event), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->base);
  g_free (f->b);
  g_hash_table_unref (f->pins);
}

/* The members at the stations: M01, M02, then X004 ... */
static char *
station_code (guint i)
{
  return i < 2 ? g_strdup_printf ("M%02u", i + 1) : g_strdup_printf ("X%03u", i + 2);
}

static JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

/* One sheet from each station, all sent before any reply is read (they reach the host in
 * the same turn of its main loop); the replies in `replies`, the errors in `errors`. */
static void
send_all (Fixture          *f,
          JpMeetingClient **stations,
          const char       *method,
          const char       *values[N_STATIONS][6],
          JsonObject      **replies,
          GError          **errors)
{
  g_autofree char *path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/scores", f->session);
  GAsyncResult *res[N_STATIONS] = { NULL };

  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("group-sheet-%u", i);
      g_autoptr(JsonNode) body = test_sheet_body (f->b, values[i], key);

      jp_meeting_client_send_async (stations[i], method, path, body, NULL, test_async_done,
                                    &res[i]);
    }
  for (guint i = 0; i < N_STATIONS; i++)
    {
      replies[i] = jp_meeting_client_get_finish (stations[i], test_wait (&res[i]), &errors[i]);
      g_object_unref (res[i]);
    }
}

/* Every station the same sheet (13 + 21.5 + 22 + 17 + 12 = 85.5). */
static void
same_values (const char *values[N_STATIONS][6])
{
  for (guint i = 0; i < N_STATIONS; i++)
    memcpy (values[i], sheet_values, sizeof sheet_values);
}

static void
login_all (Fixture *f, JpMeetingClient **stations)
{
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_autofree char *code = station_code (i);

      stations[i] = logged_in (f, code);
    }
}

static void
free_all (JpMeetingClient **stations, JsonObject **replies, GError **errors)
{
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_clear_object (&stations[i]);
      g_clear_pointer (&replies[i], json_object_unref);
      g_clear_error (&errors[i]);
    }
}

/* Sheets of several stations in one turn: each stored as submitted with its own scores,
 * each acknowledged, the chair told after the commit. */
static void
test_group_submit (Fixture *f, gconstpointer data)
{
  JpMeetingClient *stations[N_STATIONS] = { NULL };
  JsonObject *replies[N_STATIONS] = { NULL };
  GError *errors[N_STATIONS] = { NULL };
  const char *values[N_STATIONS][6];
  char last[N_STATIONS][8];
  g_autoptr(JpDefenceSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const JpDefenceCandidate *current;

  login_all (f, stations);
  /* each member's own last score: 8, 8.5, 9, ... */
  for (guint i = 0; i < N_STATIONS; i++)
    {
      memcpy (values[i], sheet_values, sizeof sheet_values);
      g_snprintf (last[i], sizeof last[i], "%u%s", 8 + i / 2, i % 2 ? ".5" : "");
      values[i][4] = last[i];
    }
  send_all (f, stations, "POST", values, replies, errors);

  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_autofree char *code = station_code (i);
      g_autoptr(JpDefenceSheet) sheet = NULL;

      g_assert_no_error (errors[i]);
      g_assert_cmpstr (json_object_get_string_member (replies[i], "status"), ==, "accepted");
      sheet = jp_store_defence_get_sheet (f->store, f->session, code, f->b, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_SUBMITTED);
      /* 13 + 21.5 + 22 + 17 = 73.5, plus the member's last score */
      g_assert_cmpint (sheet->total_halves, ==, 147 + 2 * 8 + i);
    }
  g_assert_cmpint (committed_count (f, SUBMITTED_SQL), ==, N_STATIONS);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM audit "
                                         "WHERE action = 'defence.submit'"), ==, N_STATIONS);

  /* the chair's N of M: at least one event, none before its sheets were on disk (checked in
   * on_event), the last one with every sheet of the group */
  g_assert_cmpuint (f->n_progress, >=, 1);
  g_assert_cmpuint (f->n_progress, <=, N_STATIONS);
  g_assert_cmpint (f->last_submitted, ==, N_STATIONS);
  session = jp_store_get_defence_session (f->store, f->session, &error);
  g_assert_no_error (error);
  current = jp_defence_session_current (session);
  g_assert_cmpuint (current->n_submitted, ==, N_STATIONS);

  /* a second submit of the same member with other scores is refused, the sheet unchanged */
  values[0][0] = "14";
  free_all (stations, replies, errors);
  login_all (f, stations);
  send_all (f, stations, "POST", values, replies, errors);
  g_assert_null (replies[0]);
  g_assert_nonnull (strstr (errors[0]->message, "already submitted"));
  for (guint i = 1; i < N_STATIONS; i++)
    {
      /* the same sheet again (a lost reply): accepted, stored once */
      g_assert_no_error (errors[i]);
      g_assert_cmpstr (json_object_get_string_member (replies[i], "status"), ==, "accepted");
    }
  g_assert_cmpint (committed_count (f, SUBMITTED_SQL), ==, N_STATIONS);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM audit "
                                         "WHERE action = 'defence.submit'"), ==, N_STATIONS);
  free_all (stations, replies, errors);
}

/* The file cannot take the group: every station is refused with the reason, nothing of the
 * group is stored and nobody is told of a sheet; once space returns, each sheet sent again
 * is stored once. */
static void
test_group_full_disk (Fixture *f, gconstpointer data)
{
  JpMeetingClient *stations[N_STATIONS] = { NULL };
  JsonObject *replies[N_STATIONS] = { NULL };
  GError *errors[N_STATIONS] = { NULL };
  const char *values[N_STATIONS][6];
  g_autoptr(GError) error = NULL;
  gint64 sheets, audit;
  GLogLevelFlags fatal;

  login_all (f, stations);
  same_values (values);
  /* the disk fills up: drafts of the same scores by the members not at a station, through
   * the store, until one no longer fits (each station's sheet is that write and more) */
  test_fill_disk (f->store);
  for (guint i = N_STATIONS + 2; ; i++)
    {
      g_autofree char *member = g_strdup_printf ("X%03u", i);

      g_assert_cmpuint (i, <=, 3 + N_EXTRA);
      if (!jp_store_defence_save_sheet_text (f->store, f->session, member, f->b,
                                             sheet_values, FALSE, member, &error))
        break;
    }
  if (strstr (error->message, "is full") == NULL)
    g_error ("%s", error->message);
  g_clear_error (&error);
  sheets = test_count (f->store, "SELECT count (*) FROM defence_sheet");
  audit = test_count (f->store, "SELECT count (*) FROM audit");

  /* the host logs the failure as a warning, which a test would otherwise treat as fatal */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  send_all (f, stations, "POST", values, replies, errors);
  g_log_set_always_fatal (fatal);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_assert_null (replies[i]);
      g_assert_nonnull (errors[i]);
      g_test_message ("station %u: %s", i, errors[i]->message);
      g_assert_true (strstr (errors[i]->message, "is full. Free some space") != NULL ||
                     strstr (errors[i]->message, "nothing of them was written") != NULL);
    }
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM defence_sheet"), ==, sheets);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM audit"), ==, audit);
  g_assert_cmpint (committed_count (f, SUBMITTED_SQL), ==, 0);
  g_assert_cmpuint (f->n_progress, ==, 0);
  free_all (stations, replies, errors);

  /* space returns: each sheet sent again is stored, once, even when sent twice */
  test_free_disk (f->store);
  login_all (f, stations);
  send_all (f, stations, "POST", values, replies, errors);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_assert_no_error (errors[i]);
      g_assert_cmpstr (json_object_get_string_member (replies[i], "status"), ==, "accepted");
    }
  free_all (stations, replies, errors);
  login_all (f, stations);
  send_all (f, stations, "POST", values, replies, errors);
  for (guint i = 0; i < N_STATIONS; i++)
    g_assert_no_error (errors[i]);
  free_all (stations, replies, errors);
  g_assert_cmpint (committed_count (f, SUBMITTED_SQL), ==, N_STATIONS);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM audit "
                                         "WHERE action = 'defence.submit'"), ==, N_STATIONS);
  g_assert_cmpint (f->last_submitted, ==, N_STATIONS);
}

/* Drafts typed at several stations at once are each member's own and durable: a restarted
 * station (a new client, logged in again) gets its member's draft back. */
static void
test_group_drafts (Fixture *f, gconstpointer data)
{
  JpMeetingClient *stations[N_STATIONS] = { NULL };
  JsonObject *replies[N_STATIONS] = { NULL };
  GError *errors[N_STATIONS] = { NULL };
  const char *values[N_STATIONS][6];
  char first[N_STATIONS][8];

  login_all (f, stations);
  /* each member has typed the first score only, a different one: 1, 2, ... and an empty
   * field for each of the others */
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_snprintf (first[i], sizeof first[i], "%u", i + 1);
      values[i][0] = first[i];
      for (guint k = 1; k < 5; k++)
        values[i][k] = "";
      values[i][5] = NULL;
    }
  send_all (f, stations, "PUT", values, replies, errors);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_assert_no_error (errors[i]);
      g_assert_cmpstr (json_object_get_string_member (replies[i], "status"), ==, "saved");
    }
  /* in the file for every reader, and no sheet counts as submitted */
  g_assert_cmpint (committed_count (f, "SELECT count (*) FROM defence_sheet "
                                       "WHERE state = 'draft'"), ==, N_STATIONS);
  g_assert_cmpuint (f->n_progress, ==, 0);
  free_all (stations, replies, errors);

  /* every station restarts: each gets its own draft back */
  login_all (f, stations);
  for (guint i = 0; i < N_STATIONS; i++)
    {
      g_autoptr(JsonObject) defence = test_get_defence (stations[i]);
      JsonObject *sheet = json_object_get_object_member (defence, "sheet");
      JsonArray *shown = json_object_get_array_member (sheet, "values");

      g_assert_cmpstr (json_object_get_string_member (defence, "candidate"), ==, f->b);
      g_assert_cmpstr (json_object_get_string_member (sheet, "state"), ==, "draft");
      g_assert_cmpstr (json_array_get_string_element (shown, 0), ==, first[i]);
      g_assert_cmpstr (json_array_get_string_element (shown, 1), ==, "");
      g_assert_cmpfloat (json_object_get_double_member (sheet, "total"), ==, i + 1.0);
    }
  free_all (stations, replies, errors);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/meeting/defence-group/submit", Fixture, NULL, fixture_setup,
              test_group_submit, fixture_teardown);
  g_test_add ("/meeting/defence-group/full-disk", Fixture, NULL, fixture_setup,
              test_group_full_disk, fixture_teardown);
  g_test_add ("/meeting/defence-group/drafts", Fixture, NULL, fixture_setup,
              test_group_drafts, fixture_teardown);
  return g_test_run ();
}
