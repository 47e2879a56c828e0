/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-full-disk"

#include "config.h"

#include <string.h>

#include "store/jp-store-private.h"
#include "store/jp-store-defence.h"
#include "meeting/jp-meeting-service-defence.h"
#include "meeting-test-util.h"
#include "meeting-disk-test-util.h"

/* A full disk (issue 9): the election file cannot grow (SQLite's max_page_count on the host's
 * connection, after every free page was used, which is how SQLITE_FULL reaches the store on
 * a full disk) while a station submits a ballot or a defence sheet: the station gets the
 * host's refusal with the message, nothing of the submission is stored, and once space
 * returns the same submission (its idempotency key) is stored exactly once. The backup
 * command on a disk that fills up (RLIMIT_FSIZE, SIGXFSZ ignored): exit 1 with the message,
 * no file left. */

/* extra members of the XT panel (X004 ...): enough writes to fill the last pages */
#define N_EXTRA 120

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jp-full-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (path, N_EXTRA, f->pins);
  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_hash_table_unref (f->pins);
}

static JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

static gboolean
submit (JpMeetingClient  *client,
        gint64            round_id,
        const char       *mark,
        GError          **error)
{
  const char *marks[] = { mark, NULL };
  GAsyncResult *res = NULL;
  gboolean ok;

  jp_meeting_client_submit_ballot_async (client, round_id, marks, "full-disk-ballot-1", NULL,
                                         test_async_done, &res);
  ok = jp_meeting_client_submit_ballot_finish (client, test_wait (&res), error);
  g_object_unref (res);
  return ok;
}

static void
test_ballot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMeetingClient) station = logged_in (f, "X004");
  g_autoptr(JpRound) round = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *ballots = NULL;
  gint64 round_id, audit, before;
  GLogLevelFlags fatal;

  round_id = jp_meeting_service_open_round (f->service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
  round = jp_store_get_round (f->store, round_id, &error);
  g_assert_no_error (error);
  codes = jp_round_get_codes (round);
  ballots = g_strdup_printf ("SELECT count (*) FROM ballot WHERE round_id = %" G_GINT64_FORMAT,
                             round_id);

  /* the disk fills up. Other members' ballots, of the same size as the station's (a mark,
   * a key of the same length), are cast through the store until one no longer fits: the
   * station's, the same write on the same file, cannot fit either */
  test_fill_disk (f->store);
  for (guint i = 5; ; i++)
    {
      g_autofree char *member = g_strdup_printf ("X%03u", i);
      g_autofree char *key = g_strdup_printf ("full-disk-ballot-%u", i);

      g_assert_cmpuint (i, <=, 3 + N_EXTRA);
      if (!jp_store_submit_ballot (f->store, round_id, member,
                                   (const char *const[]) { codes[0], NULL }, key, NULL,
                                   &error))
        break;
      g_assert_no_error (error);
    }
  g_assert_nonnull (strstr (error->message, "is full"));
  g_clear_error (&error);
  before = test_count (f->store, ballots);
  audit = test_count (f->store, "SELECT count (*) FROM audit");

  /* the station is told why, and nothing of its ballot is stored */
  /* the host logs the failure as a warning, which a test would otherwise treat as fatal */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_false (submit (station, round_id, codes[0], &error));
  g_log_set_always_fatal (fatal);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "is full. Free some space"));
  g_clear_error (&error);
  g_assert_cmpint (test_count (f->store, ballots), ==, before);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM ballot_roster"), ==, before);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM audit"), ==, audit);

  /* space returns: the same ballot (same key) is stored once, a resend changes nothing */
  test_free_disk (f->store);
  g_assert_true (submit (station, round_id, codes[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->store, ballots), ==, before + 1);
  g_assert_true (submit (station, round_id, codes[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->store, ballots), ==, before + 1);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM ballot_roster"), ==, before + 1);
}

/* POST (submit) or PUT (draft) a sheet; returns the reply or NULL with `error`. */
static JsonObject *
send_sheet (JpMeetingClient  *client,
            gint64            session,
            const char       *method,
            const char       *code,
            const char       *key,
            GError          **error)
{
  static const char *const values[] = { "13", "21.5", "22", "17", "12", NULL };
  g_autoptr(JsonNode) body = test_sheet_body (code, values, key);
  g_autofree char *path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/scores", session);
  GAsyncResult *res = NULL;
  JsonObject *reply;

  jp_meeting_client_send_async (client, method, path, body, NULL, test_async_done, &res);
  reply = jp_meeting_client_get_finish (client, test_wait (&res), error);
  g_object_unref (res);
  return reply;
}

static void
test_defence_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMeetingClient) station = logged_in (f, "M01");
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JpDefenceSheet) sheet = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gint64 session, audit, before;
  GLogLevelFlags fatal;

  /* a closed ballot round makes finalists (张三丰, on whom M03 steps out, and B); the
   * defence session opens on them, B called */
  test_xt_finalists (f->store, f->service, &a, &b);
  session = jp_meeting_service_defence_open (f->service, "XT", &error);
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_defence_set_current (f->service, session, b, &error));
  g_assert_no_error (error);

  /* the disk fills up: the other members' drafts of the same values, through the store,
   * until one no longer fits (the station's draft is the same write) */
  test_fill_disk (f->store);
  for (guint i = 2; ; i++)
    {
      static const char *values[] = { "13", "21.5", "22", "17", "12", NULL };
      /* M02, M03, then the extra members of the XT panel, X004 ... */
      g_autofree char *member = i <= 3 ? g_strdup_printf ("M%02u", i)
                                       : g_strdup_printf ("X%03u", i);

      g_assert_cmpuint (i, <=, 3 + N_EXTRA);
      if (!jp_store_defence_save_sheet_text (f->store, session, member, b, values, FALSE,
                                             member, &error))
        break;
    }
  if (strstr (error->message, "is full") == NULL)
    g_error ("%s", error->message);
  g_clear_error (&error);
  before = test_count (f->store, "SELECT count (*) FROM defence_sheet");
  audit = test_count (f->store, "SELECT count (*) FROM audit");

  /* neither a draft nor the submission is stored; the station is told why */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  reply = send_sheet (station, session, "PUT", b, "full-disk-draft-1", &error);
  g_assert_null (reply);
  g_assert_nonnull (strstr (error->message, "is full. Free some space"));
  g_clear_error (&error);
  reply = send_sheet (station, session, "POST", b, "full-disk-sheet-1", &error);
  g_log_set_always_fatal (fatal);
  g_assert_null (reply);
  g_assert_nonnull (strstr (error->message, "is full. Free some space"));
  g_clear_error (&error);
  sheet = jp_store_defence_get_sheet (f->store, session, "M01", b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_NONE);
  g_clear_pointer (&sheet, jp_defence_sheet_free);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM defence_sheet"), ==, before);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM audit"), ==, audit);

  /* space returns: the same submission is stored once */
  test_free_disk (f->store);
  reply = send_sheet (station, session, "POST", b, "full-disk-sheet-1", &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, json_object_unref);
  reply = send_sheet (station, session, "POST", b, "full-disk-sheet-1", &error);
  g_assert_no_error (error);
  sheet = jp_store_defence_get_sheet (f->store, session, "M01", b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_SUBMITTED);
  g_assert_cmpint (sheet->total_halves, ==, 2 * 85 + 1);
  g_assert_cmpint (test_count (f->store, "SELECT count (*) FROM defence_sheet"), ==, before + 1);
}

/* `jiangping-cli backup` on a disk that fills up while it writes. */
static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *out = g_build_filename (f->dir, "copy.jiangping", NULL);
  g_autofree char *script = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  const char *path = jp_store_get_path (f->store);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* room for the -shm index and half the file: the copy fills the "disk" */
  script = g_strdup_printf ("trap '' XFSZ; ulimit -f %ld; exec \"$0\" backup --db \"$1\" -o \"$2\"",
                            (long) (st.st_size / 2 / 512));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c", script, g_getenv ("JP_CLI"),
                                      path, out, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_test_message ("%s", stderr_text);
  g_assert_nonnull (strstr (stderr_text, "The disk holding"));
  g_assert_nonnull (strstr (stderr_text, "copy.jiangping"));
  g_assert_nonnull (strstr (stderr_text, "is full"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* space returns: the same command writes it */
  g_clear_object (&proc);
  g_clear_pointer (&stderr_text, g_free);
  g_clear_pointer (&stdout_text, g_free);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JP_CLI"), "backup", "--db",
                                      path, "-o", out, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

/* Runs jiangping-cli with `args`; returns the exit status, stderr in *err. */
static int
run_cli (char **err, const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err_bytes = NULL;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("JP_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err_bytes, &error);
  g_assert_no_error (error);
  *err = g_bytes_get_size (err_bytes) == 0
         ? g_strdup ("")
         : g_utf8_make_valid (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes));
  g_test_message ("%s", *err);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

/* Another process (this test) holds the write lock while the CLI changes a setting: exit 1
 * with the message, the setting unchanged; once the other lets go, the same command works. */
static void
test_locked_by_other_process (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup (jp_store_get_path (f->store));
  const char *const args[] = { "settings", "--db", path, "--set", "publicity.working_days=7", NULL };
  g_autofree char *err = NULL;
  sqlite3 *other = NULL;
  gint64 audit;

  g_clear_object (&f->store);   /* only the CLI and the other process use the file */
  jp_meeting_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->service);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (run_cli (&err, args), ==, 1);
  g_assert_nonnull (strstr (err, "is locked by another program"));
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (other, "SELECT count (*) FROM audit", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    audit = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&err, args), ==, 0);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (other, "SELECT count (*) FROM audit", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, audit + 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (other);
}

/* A file made read-only: the CLI refuses to change it with the message; the file is as it
 * was; reading still works. */
static void
test_read_only_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup (jp_store_get_path (f->store));
  const char *const change[] = { "settings", "--db", path, "--set", "publicity.working_days=7", NULL };
  const char *const verify[] = { "audit", "verify", "--db", path, NULL };
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;

  jp_meeting_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (run_cli (&err, change), ==, 1);
  g_assert_nonnull (strstr (err, "is read-only"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&err, verify), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/meeting/full-disk/ballot", Fixture, NULL, fixture_setup, test_ballot,
              fixture_teardown);
  g_test_add ("/meeting/full-disk/defence-sheet", Fixture, NULL, fixture_setup,
              test_defence_sheet, fixture_teardown);
  g_test_add ("/meeting/full-disk/backup", Fixture, NULL, fixture_setup, test_backup,
              fixture_teardown);
  g_test_add ("/meeting/full-disk/locked-by-other-process", Fixture, NULL, fixture_setup,
              test_locked_by_other_process, fixture_teardown);
  g_test_add ("/meeting/full-disk/read-only-cli", Fixture, NULL, fixture_setup,
              test_read_only_cli, fixture_teardown);
  return g_test_run ();
}
