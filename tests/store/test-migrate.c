/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-store"

#include "config.h"

#include "store-test-util.h"
#include "jp-store-console.h"
#include "jp-store-tls.h"

/* Opening files that are not (yet) what this build writes. */

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Files as released versions of Jiangping wrote them, kept under tests/data/migrate/ and
 * never regenerated, so that editing a released migration step cannot pass unnoticed.
 * v1: an election, a unit, a trade, a qualified candidate with a photo.
 * v2: a trade with a code, a qualified and a pending candidate, a member with a PIN hash of
 *     the old kind and a declared teacher-apprentice conflict.
 * v4: a candidate with a scanned evidence document (a page rotated), no redaction boxes.
 * v5: the v4 file as version 5 migrated it. */
static void
copy_fixture (const char *name,
              const char *path)
{
  g_autofree char *src = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "tests", "data",
                                           "migrate", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_file_get_contents (src, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* The document of the v4 and v5 files whose page is rotated. */
#define SCANNED_SHA "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* The released file `name` copied into a fresh temporary directory (*dir); its path. */
static char *
released_copy (const char *name,
               char      **dir)
{
  char *path;

  *dir = test_tmp_dir ();
  path = g_build_filename (*dir, name, NULL);
  copy_fixture (name, path);
  return path;
}

static void
write_v1_file (const char *path,
               gboolean    with_stray_conflict_table)
{
  copy_fixture ("v1.jiangping", path);
  if (with_stray_conflict_table)
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      raw_exec (db, "CREATE TABLE conflict (x)");
      sqlite3_close (db);
    }
}

/* Opens `path`, which must migrate to this build's version without an error. */
static JpStore *
open_migrated (const char *path)
{
  g_autoptr(GError) error = NULL;
  JpStore *store = jp_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (jp_store_get_schema_version (store), ==, JP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (store, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);
  return store;
}

/* The third entry of `store`'s audit (after the old one and its chaining) records the
 * migration from version `from` to this build's. */
static void
assert_migrated_from (JpStore *store,
                      int      from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = jp_store_list_audit (store, &error);
  g_autoptr(JsonObject) payload = NULL;
  JpAuditEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 3);
  entry = audit->pdata[2];
  g_assert_cmpstr (entry->action, ==, "schema.migrate");
  payload = test_parse_object (entry->payload);
  g_assert_cmpint (json_object_get_int_member (payload, "from"), ==, from);
  g_assert_cmpint (json_object_get_int_member (payload, "to"), ==, JP_STORE_SCHEMA_VERSION);
}

static void
test_v1_to_v3 (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.jiangping", NULL);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(JpElection) e = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  write_v1_file (path, FALSE);
  store = open_migrated (path);

  /* the data survived */
  e = jp_store_get_election (store);
  g_assert_cmpstr (e->title, ==, "第一版选树");
  g_assert_cmpint (e->year, ==, 2022);
  c = jp_store_get_candidate (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->name, ==, "老王");
  g_assert_cmpstr (c->unit, ==, "包钢集团");
  g_assert_cmpstr (c->trade_code, ==, "XT");
  g_assert_cmpint (c->status, ==, JP_STATUS_QUALIFIED);
  g_assert_cmpuint (c->criteria, ==, 2);
  g_assert_cmpuint (c->documents->len, ==, 1);
  g_assert_cmpuint (c->n_photos, ==, 1);

  /* the new table and indexes exist and work */
  g_assert_cmpint (test_query_int (store, "SELECT count (*) FROM sqlite_master WHERE "
                                          "name IN ('conflict', 'candidate_trade', "
                                          "'candidate_unit')"), ==, 3);
  raw_exec (store->db, "INSERT INTO member (id, code, name) VALUES (1, 'M01', '评委')");
  raw_exec (store->db, "INSERT INTO conflict (member_id, candidate_id, kind, type, note, "
                       "created_at) VALUES (1, 7, 'declared', 'teacher', '师徒', 0)");
  g_assert_cmpint (sqlite3_exec (store->db, "INSERT INTO conflict (member_id, candidate_id, "
                                            "kind, created_at) VALUES (1, 7, 'friend', 0)",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);

  audit = jp_store_list_audit (store, &error);
  g_assert_no_error (error);
  /* the old entry, the chaining of it (docs/audit-chain.md), the migration */
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpstr (((JpAuditEntry *) audit->pdata[1])->action, ==, "audit.chain");
  assert_migrated_from (store, 1);

  /* step 3 ran too: the review of the v1 qualified candidate follows its status */
  {
    g_autoptr(JpReview) review = jp_store_get_review (store, 7, &error);

    g_assert_no_error (error);
    g_assert_cmpint (review->decision, ==, JP_REVIEW_DECISION_QUALIFIED);
    g_assert_null (c->code);
  }

  /* opening again does not migrate again */
  g_clear_object (&store);
  g_clear_pointer (&audit, g_ptr_array_unref);
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  audit = jp_store_list_audit (store, NULL);
  g_assert_cmpuint (audit->len, ==, 3);

  g_clear_object (&store);
  test_rm_rf (dir);
}

static void
test_failed_migration_keeps_v1 (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "odd.jiangping", NULL);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A table in the way makes step 2 fail half-way: nothing of it may remain. */
  write_v1_file (path, TRUE);
  store = jp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_cmpint (test_file_query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_file_query_int (path, "SELECT count (*) FROM sqlite_master "
                                              "WHERE name = 'candidate_trade'"), ==, 0);
  g_assert_cmpint (test_file_query_int (path, "SELECT count (*) FROM audit"), ==, 1);
  test_rm_rf (dir);
}

static void
test_v2_to_v3 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = released_copy ("v2.jiangping", &dir);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JpReview) review = NULL;
  g_autoptr(JpSettings) settings = NULL;
  g_autoptr(JpSeatPlan) plan = NULL;
  JpConflict *conflict;

  store = open_migrated (path);
  g_assert_cmpint (test_query_int (store, "SELECT count (*) FROM sqlite_master WHERE name IN "
                                          "('review', 'review_evidence', 'document_rotation', "
                                          "'candidate_code')"), ==, 4);

  /* old data reads through the new functions */
  g_assert_false (test_is_frozen (store));
  review = jp_store_get_review (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (review->decision, ==, JP_REVIEW_DECISION_QUALIFIED);
  settings = jp_store_get_settings (store);
  g_assert_cmpfloat (settings->weight_defence, ==, 0.60);
  conflicts = jp_store_list_conflicts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpint (conflict->type, ==, JP_CONFLICT_TEACHER_APPRENTICE);
  g_assert_cmpstr (conflict->note, ==, "师徒关系");
  plan = jp_store_get_seat_plan (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->rows->len, ==, 1);
  g_assert_cmpint (((JpSeatRow *) plan->rows->pdata[0])->qualified, ==, 1);
  g_assert_false (((JpSeatRow *) plan->rows->pdata[0])->edited);

  /* the new columns work: the pending candidate blocks the freeze, a PIN can be set */
  g_assert_null (jp_store_freeze (store, "test", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (jp_store_member_new_pin (store, "M01", "test", &error));
  g_assert_no_error (error);
  g_assert_true (test_has_pin (store, "M01"));

  assert_migrated_from (store, 2);
  g_clear_object (&store);
  test_rm_rf (dir);
}

static void
test_v4_to_v5 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = released_copy ("v4.jiangping", &dir);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(GArray) rotations = NULL;

  g_assert_cmpint (test_file_query_int (path, "SELECT count (*) FROM sqlite_master WHERE "
                                              "name = 'redaction_box'"), ==, 0);
  store = open_migrated (path);

  /* old data is still there */
  rotations = jp_store_get_page_rotations (store, SCANNED_SHA, NULL);
  g_assert_cmpuint (rotations->len, ==, 2);
  g_assert_cmpint (g_array_index (rotations, int, 1), ==, 90);

  /* the new table starts empty and takes boxes */
  boxes = jp_store_list_redaction_boxes (store, SCANNED_SHA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (boxes->len, ==, 0);
  g_clear_pointer (&boxes, g_ptr_array_unref);
  g_assert_cmpint (jp_store_add_redaction_box (store, SCANNED_SHA, 1, 10, 10, 50, 20, "chair",
                                               &error), >, 0);
  g_assert_no_error (error);
  boxes = jp_store_list_redaction_boxes (store, SCANNED_SHA, &error);
  g_assert_cmpuint (boxes->len, ==, 1);

  assert_migrated_from (store, 4);

  g_clear_object (&store);
  test_rm_rf (dir);
}

/* The newest released file opens in this build with its data, and is migrated once. */
static void
test_v5_to_current (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = released_copy ("v5.jiangping", &dir);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(GArray) rotations = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  guint n_audit_before;

  g_assert_cmpint (test_file_query_int (path, "PRAGMA user_version"), ==, 5);
  n_audit_before = test_file_query_int (path, "SELECT count (*) FROM audit");

  store = open_migrated (path);

  c = jp_store_get_candidate (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->name, ==, "丙");
  g_assert_cmpstr (c->trade_code, ==, "XT");
  rotations = jp_store_get_page_rotations (store, SCANNED_SHA, NULL);
  g_assert_cmpint (g_array_index (rotations, int, 1), ==, 90);

  audit = jp_store_list_audit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, n_audit_before + 2);

  g_clear_object (&store);
  test_rm_rf (dir);
}

/* Version 6 keeps the host's TLS certificate: a released v5 file takes one, once. */
static void
test_v5_to_v6 (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = released_copy ("v5.jiangping", &dir);
  g_autofree char *cert = NULL, *key = NULL, *fp = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_store_get_schema_version (store), >=, 6);
  g_assert_false (jp_store_get_host_tls (store, &cert, &key, &fp, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_host_tls (store, "CERT-A", "KEY-A", "AAAA-AAAA-AAAA-AAAA",
                                        &error));
  g_assert_true (jp_store_set_host_tls (store, "CERT-B", "KEY-B", "BBBB-BBBB-BBBB-BBBB",
                                        &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_get_host_tls (store, &cert, &key, &fp, &error));
  g_assert_cmpstr (cert, ==, "CERT-A");
  g_assert_cmpstr (key, ==, "KEY-A");
  g_assert_cmpstr (fp, ==, "AAAA-AAAA-AAAA-AAAA");
  g_assert_cmpint (test_query_int (store, "SELECT count (*) FROM audit WHERE action = "
                                          "'host.certificate'"), ==, 1);
  g_clear_object (&store);
  test_rm_rf (dir);
}

static char *
make_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(JpStore) store = jp_store_create (path, NULL, &error);

  g_assert_no_error (error);
  return path;
}

static void
test_too_new (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = make_store (dir, "future.jiangping");
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);

  store = jp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "schema 99"));
  {
    g_autofree char *up_to = g_strdup_printf ("up to %d", JP_STORE_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, up_to));
  }
  g_assert_cmpint (test_file_query_int (path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (test_file_query_int (path, "SELECT count (*) FROM audit"), ==, 1);
  test_rm_rf (dir);
}

static void
assert_not_ours (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "is not a Jiangping election file"));
}

static void
test_not_ours_text (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.jiangping", NULL);
  g_autofree char *contents = NULL;
  const char *text = "候选人名单\n王建国,包钢集团\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  assert_not_ours (path);
  /* nothing was written to it */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
  /* a folder is not an election file either */
  assert_not_ours (dir);
  test_rm_rf (dir);
}

static void
test_not_ours_foreign_db (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *plain = g_build_filename (dir, "contacts.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other-app.db", NULL);
  sqlite3 *db = NULL;

  /* another program's database: tables, no application id */
  g_assert_cmpint (sqlite3_open (plain, &db), ==, SQLITE_OK);
  raw_exec (db, "CREATE TABLE contact (name TEXT, phone TEXT)");
  raw_exec (db, "INSERT INTO contact VALUES ('a', '1')");
  sqlite3_close (db);
  assert_not_ours (plain);
  g_assert_cmpint (test_file_query_int (plain, "SELECT count (*) FROM contact"), ==, 1);
  g_assert_cmpint (test_file_query_int (plain, "SELECT count (*) FROM sqlite_master "
                                               "WHERE name = 'candidate'"), ==, 0);
  g_assert_cmpint (test_file_query_int (plain, "PRAGMA application_id"), ==, 0);

  /* another application's id, even with our user_version and no tables */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  raw_exec (db, "PRAGMA application_id = 305419896");
  raw_exec (db, "PRAGMA user_version = 2");
  sqlite3_close (db);
  assert_not_ours (other);
  test_rm_rf (dir);
}

static void
test_empty_file_becomes_election (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.jiangping", NULL);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_store_get_schema_version (store), ==, JP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (store, "PRAGMA application_id"), ==,
                   JP_STORE_APPLICATION_ID);
  g_clear_object (&store);
  test_rm_rf (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.jiangping", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  /* a v1 file would need migrating: read-only must stop that too */
  write_v1_file (path, FALSE);
  {
    sqlite3 *db = NULL;

    /* fold the WAL into the file so the comparison below sees everything */
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    raw_exec (db, "PRAGMA journal_mode = DELETE");
    sqlite3_close (db);
  }
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  store = jp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_chmod (path, 0644);
  test_rm_rf (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "archive", NULL);
  g_autofree char *path = NULL;
  g_autofree char *other = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  path = make_store (sub, "2022.jiangping");
  other = g_build_filename (sub, "new.jiangping", NULL);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);

  store = jp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  store = jp_store_create (other, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  g_chmod (sub, 0755);
  test_rm_rf (dir);
}

static void
test_locked (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = make_store (dir, "busy.jiangping");
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpCandidate) c = test_candidate ("等待", NULL, "单位", "稀土");
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  store = jp_store_open (path, &error);
  g_assert_no_error (error);

  /* Another program holds the write lock for longer than the store waits (5 s). */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  raw_exec (other, "BEGIN IMMEDIATE");
  g_assert_false (jp_store_save_candidate (store, c, NULL, "tester", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "locked by another program"));
  raw_exec (other, "ROLLBACK");
  sqlite3_close (other);

  /* Once it lets go, saving works. */
  g_clear_error (&error);
  g_assert_true (jp_store_save_candidate (store, c, NULL, "tester", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_store_count_candidates (store), ==, 1);
  g_clear_object (&store);
  test_rm_rf (dir);
}

static void
test_create_missing_folder (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "no", "such", "x.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_create (path, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/migrate/v1-to-v3", test_v1_to_v3);
  g_test_add_func ("/store/migrate/v2-to-v3", test_v2_to_v3);
  g_test_add_func ("/store/migrate/v4-to-v5", test_v4_to_v5);
  g_test_add_func ("/store/migrate/v5-to-current", test_v5_to_current);
  g_test_add_func ("/store/migrate/v5-to-v6", test_v5_to_v6);
  g_test_add_func ("/store/migrate/failed-keeps-v1", test_failed_migration_keeps_v1);
  g_test_add_func ("/store/migrate/too-new", test_too_new);
  g_test_add_func ("/store/open/not-ours-text", test_not_ours_text);
  g_test_add_func ("/store/open/not-ours-foreign-db", test_not_ours_foreign_db);
  g_test_add_func ("/store/open/empty-file", test_empty_file_becomes_election);
  g_test_add_func ("/store/open/read-only-file", test_read_only_file);
  g_test_add_func ("/store/open/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/open/create-missing-folder", test_create_missing_folder);
  g_test_add_func ("/store/open/locked", test_locked);

  return g_test_run ();
}
