/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-audit"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-audit.h"

/* The record anyone can re-check, in the store: the chain as written, the migration that
 * builds it, rounds under both digest recipes, backups, the host lock, faults. */

typedef TestXt Fixture;

/* The ballot tests' frozen election (test_xt_ballot_init); with `data` non-zero, not yet
 * frozen. */
static void
setup (Fixture *f, gconstpointer data)
{
  test_xt_ballot_init (f, GPOINTER_TO_INT (data) == 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  test_xt_clear (f);
}


static void
close_and_seal (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_close_round (f->store, id, "chair", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_seal_round (f->store, id, "chair", &error));
  g_assert_no_error (error);
}

static JpAuditReport *
verify (Fixture *f, const char *anchor)
{
  g_autoptr(GError) error = NULL;
  JpAuditReport *report = jp_store_verify (f->store, anchor, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Every row written is chained to the one before, in the same transaction. */
static void
test_chain_written (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autofree char *head = NULL;
  gint64 id = test_open_ballot_round (f->store, 1, 1, -1);

  test_vote (f->store, id, "M01", f->code[0]);
  test_vote (f->store, id, "M02", f->code[1]);
  close_and_seal (f, id);

  entries = jp_store_list_audit (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);
      JpAuditEntry *prev = i > 0 ? g_ptr_array_index (entries, i - 1) : NULL;
      g_autofree char *hash = jp_audit_entry_hash (e->seq, e->at, e->actor, e->action,
                                                   e->payload, e->prev_hash);

      g_assert_cmpint (e->seq, ==, i + 1);
      g_assert_cmpstr (e->prev_hash, ==, prev != NULL ? prev->hash : JP_AUDIT_GENESIS);
      g_assert_cmpstr (e->hash, ==, hash);
    }
  report = verify (f, NULL);
  g_assert_true (report->ok);
  g_assert_cmpint (report->entries, ==, entries->len);
  g_assert_cmpuint (report->rounds, ==, 1);
  head = jp_store_audit_head (f->store, &error);
  g_assert_cmpstr (report->head, ==, head);
  g_assert_cmpstr (head, ==, ((JpAuditEntry *) entries->pdata[entries->len - 1])->hash);

  /* a batch's savepoint rolled back leaves no hole in the chain */
  g_assert_true (jp_store_batch_begin (f->store, &error));
  g_assert_null (jp_store_get_tally (f->store, 999, &error));
  g_clear_error (&error);
  g_assert_true (jp_store_batch_commit (f->store, &error));
  g_clear_pointer (&report, jp_audit_report_free);
  report = verify (f, head);
  g_assert_true (report->ok);
  g_assert_cmpint (report->anchor_seq, ==, entries->len);
}

/* The worked vector of docs/audit-chain.md. */
#define CHAIN_VECTOR "f974c2da9e96f55c89570a411cfeb0a68a08f8fa417541296977386cdd9a904e"

static void
test_chain_vector (Fixture *f, gconstpointer data)
{
  g_autofree char *text = jp_audit_entry_canonical (1, 1767225600, "秘书处", "election.create",
                                                    "{\"schema\":8,\"title\":\"示例\"}",
                                                    JP_AUDIT_GENESIS);
  g_autofree char *hash = jp_audit_entry_hash (1, 1767225600, "秘书处", "election.create",
                                               "{\"schema\":8,\"title\":\"示例\"}",
                                               JP_AUDIT_GENESIS);

  g_assert_cmpstr (text, ==,
                   "{\"action\":\"election.create\",\"actor\":\"秘书处\",\"at\":1767225600,"
                   "\"payload\":\"{\\\"schema\\\":8,\\\"title\\\":\\\"示例\\\"}\","
                   "\"prev\":\"" JP_AUDIT_GENESIS "\",\"seq\":1}");
  g_assert_cmpstr (hash, ==, CHAIN_VECTOR);
}

/* A round closed before the digest covered its ballots (version 1) still verifies under its
 * recipe; changing one of its ballots is still caught (the result changes). */
static void
test_version_1_round (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *sql = NULL;
  gint64 id = test_open_ballot_round (f->store, 1, 1, -1);

  test_vote (f->store, id, "M01", f->code[0]);
  test_vote (f->store, id, "M02", f->code[0]);
  test_vote (f->store, id, "M04", f->code[1]);
  close_and_seal (f, id);
  tally = jp_store_get_tally (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->digest_version, ==, 2);
  v1 = jp_tally_digest (tally);

  /* what an older version wrote: the result's digest, in the round and in its audit */
  sql = g_strdup_printf ("DROP TRIGGER round_closed_frozen; DROP TRIGGER audit_no_update;"
                         "UPDATE round SET digest = '%s', digest_version = 1 WHERE id = %lld;"
                         "UPDATE audit SET payload = replace (payload, '%s', '%s');"
                         "UPDATE audit SET hash = NULL, prev_hash = NULL;"
                         "SELECT jp_audit_chain_build ();",
                         v1, (long long) id, tally->digest, v1);
  g_assert_true (jp_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  report = verify (f, NULL);
  for (guint i = 0; i < report->problems->len; i++)
    g_message ("%s", ((JpAuditProblem *) report->problems->pdata[i])->message);
  g_assert_true (report->ok);
  g_clear_pointer (&tally, jp_tally_free);
  tally = jp_store_get_tally (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tally->digest, ==, v1);

  g_assert_true (jp_store_exec (f->store, "DROP TRIGGER ballot_no_update;"
                                          "UPDATE ballot SET marks = ''", &error));
  g_clear_pointer (&report, jp_audit_report_free);
  report = verify (f, NULL);
  g_assert_false (report->ok);
  g_assert_cmpstr (((JpAuditProblem *) report->problems->pdata[0])->kind, ==, "digest");
  g_assert_cmpint (((JpAuditProblem *) report->problems->pdata[0])->id, ==, id);
}

/* A released file is chained once by its migration, which audits itself; it verifies. */
static void
test_migration_builds_chain (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "tests", "data",
                                               "migrate", "v5.jiangping", NULL);
  g_autofree char *path = g_build_filename (f->dir, "v5.jiangping", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonObject) payload = NULL;
  gsize length = 0;
  int before;
  JpAuditEntry *chain;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  before = test_file_query_int (path, "SELECT count (*) FROM audit WHERE hash IS NULL");
  g_assert_cmpint (before, >, 0);

  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  entries = jp_store_list_audit (store, &error);
  chain = entries->pdata[before];
  g_assert_cmpstr (chain->action, ==, "audit.chain");
  payload = test_parse_object (chain->payload);
  g_assert_cmpint (json_object_get_int_member (payload, "entries"), ==, before);
  g_assert_cmpstr (json_object_get_string_member (payload, "head"), ==,
                   ((JpAuditEntry *) entries->pdata[before - 1])->hash);
  g_assert_cmpstr (((JpAuditEntry *) entries->pdata[before + 1])->action, ==, "schema.migrate");
  report = jp_store_verify (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);

  /* once: opening again chains nothing more */
  g_clear_object (&store);
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (store, "SELECT count (*) FROM audit WHERE action = "
                                          "'audit.chain'"), ==, 1);
}

/* Automatic backups at stage changes, only the newest N kept; each opens and verifies. */
static void
test_stage_backups (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jp_store_backup_dir (f->store);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  jp_store_set_auto_backup (f->store, 3);
  for (int r = 0; r < 3; r++)
    {
      gint64 id = r == 0 ? test_open_ballot_round (f->store, 1, 1, -1)
                         : jp_store_open_ballot_round_with_reason (f->store, "XT", 1, 1, -1,
                                                                   "again", "chair", &error);

      g_assert_no_error (error);
      test_vote (f->store, id, "M01", f->code[r]);
      close_and_seal (f, id);
    }
  g_assert_true (g_str_has_suffix (dir, "r.backups"));
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JpStore) copy = NULL;
      g_autoptr(JpAuditReport) report = NULL;

      g_assert_true (g_str_has_prefix (name, "r-"));
      g_assert_true (g_str_has_suffix (name, ".jiangping"));
      copy = jp_store_open_read_only (path, &error);
      g_assert_no_error (error);
      report = jp_store_verify (copy, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (report->ok);
      n++;
    }
  /* six stage changes, three kept */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit WHERE action = "
                                             "'backup.write'"), ==, 6);
}

static void
test_host_lock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *path = jp_store_get_path (f->store);
  g_autofree char *lock = g_strconcat (path, ".host-lock", NULL);
  g_autofree char *dead = NULL;
  g_autofree char *text = NULL;
  GPid child;
  int status;

  /* held by another computer: refused, naming it */
  g_assert_true (g_file_set_contents (lock, "会议室二号机\n4242\n", -1, &error));
  g_assert_false (jp_store_take_host_lock (path, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "会议室二号机"));
  g_clear_error (&error);

  /* held by a process of this computer that is gone: stale, taken over */
  child = fork ();
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  dead = g_strdup_printf ("%s\n%d\n", g_get_host_name (), (int) child);
  g_assert_true (g_file_set_contents (lock, dead, -1, &error));
  g_assert_true (jp_store_take_host_lock (path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (lock, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, g_get_host_name ()));

  /* held by a live process of this computer (the parent of this test): refused */
  g_clear_pointer (&dead, g_free);
  dead = g_strdup_printf ("%s\n%d\n", g_get_host_name (), (int) getppid ());
  g_assert_true (g_file_set_contents (lock, dead, -1, &error));
  g_assert_false (jp_store_take_host_lock (path, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* and releasing what is not ours leaves it */
  jp_store_release_host_lock (path);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_unlink (lock);
  g_assert_true (jp_store_take_host_lock (path, &error));
  jp_store_release_host_lock (path);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

/* A database locked by another process's write transaction: a clear message, nothing half
 * written, and the next try works. (The store waits its busy timeout, 5 s, first.) */
static void
test_locked_by_other (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  sqlite3 *other = NULL;
  int before = test_query_int (f->store, "SELECT count (*) FROM audit");
  g_autofree char *backup = g_build_filename (f->dir, "b.jiangping", NULL);

  g_assert_cmpint (sqlite3_open (jp_store_get_path (f->store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (jp_store_open_ballot_round (f->store, "XT", 1, 1, -1, "chair", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "locked by another program"));
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit"), ==, before);
  /* reading and a backup still work while the other holds its write lock */
  report = verify (f, NULL);
  g_assert_true (report->ok);
  g_assert_true (jp_store_backup_to (f->store, backup, &error));
  g_assert_no_error (error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (test_open_ballot_round (f->store, 1, 1, -1), >, 0);
}

/* A read-only file: opening it to work says so; it can still be verified. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autofree char *path = g_strdup (jp_store_get_path (f->store));

  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  store = jp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  store = jp_store_open_read_only (path, &error);
  g_assert_no_error (error);
  report = jp_store_verify (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);
  g_chmod (path, 0644);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/store/audit/chain-written", test_chain_written);
  ADD ("/store/audit/chain-vector", test_chain_vector);
  ADD ("/store/audit/version-1-round", test_version_1_round);
  ADD ("/store/audit/migration-builds-chain", test_migration_builds_chain);
  ADD ("/store/audit/stage-backups", test_stage_backups);
  ADD ("/store/audit/host-lock", test_host_lock);
  ADD ("/store/audit/locked-by-other", test_locked_by_other);
  ADD ("/store/audit/read-only", test_read_only);
  return g_test_run ();
}
