/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-audit"

#include "cli-test-util.h"

#include <sqlite3.h>
#include <archive.h>
#include <archive_entry.h>

/* `audit verify` on a clean election and on files changed behind Jiangping's back, the way
 * someone holding the file would: with sqlite3, triggers dropped first. Every change must
 * fail the check and the message must name the entry or the round. Also backup, restore
 * and archive. */

static char *template_dir;
static char *template_db;   /* demo, qualified, frozen, one ballot round closed and sealed */

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
make_template (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) frozen = NULL, opened = NULL, entered = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;

  template_dir = g_dir_make_tmp ("jp-cli-audit-XXXXXX", &error);
  g_assert_no_error (error);
  template_db = g_build_filename (template_dir, "template.jiangping", NULL);
  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", template_db, "--candidates", "12", NULL),
                   ==, 0);
  test_cli_qualify_all (template_db);
  frozen = run_json (template_db, "freeze", NULL);
  opened = run_json (template_db, "round", "open", "--kind", "ballot", "--trade", "FW",
                     "--seats", "2", "--max-choices", "2", "--present", "5", NULL);
  a = g_build_filename (template_dir, "a.csv", NULL);
  b = g_build_filename (template_dir, "b.csv", NULL);
  write_text (a, "serial,marks\n11,FW-01 FW-02\n12,FW-01 FW-03\n13,\n14,FW-01\n15,FW-02\n");
  write_text (b, "serial,marks\n11,FW-01 FW-02\n12,FW-01 FW-03\n13,\n14,FW-01\n15,FW-02\n");
  entered = run_json (template_db, "ballots", "enter", "--round", "1", "--file", a,
                      "--entered-by", "M15", "--confirm-file", b, "--confirmed-by", "M12", NULL);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", template_db, "--round", "1",
                            NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "round", "seal", "--db", template_db, "--round", "1",
                            NULL), ==, 0);
}

#define HEADER "member,candidate,职业素养与工匠精神,技能水平与技术专长,创新成果与攻关贡献," \
               "带徒传技与示范引领,陈述与答辩表现\n"

static char *late_db;   /* to the end: defence sealed, ranking sealed, publicity closed */

static void
must_run (const char *what,
          int         status,
          const char *err)
{
  if (status != 0)
    g_error ("%s: %s", what, err);
}

/* The demo to its end: FW's ballot, online likes, FW's defence session scored on paper,
 * closed and sealed, an adjustment with its reason, the ranking sealed, publicity started
 * and closed. */
static void
make_late_template (void)
{
  static const char *const panel[7] = { "M03", "M05", "M06", "M09", "M11", "M12", "M15" };
  g_autofree char *ballots = g_build_filename (template_dir, "late-ballots.csv", NULL);
  g_autofree char *likes = g_build_filename (template_dir, "late-likes.csv", NULL);
  g_autofree char *sheets = g_build_filename (template_dir, "late-sheets.csv", NULL);
  g_autoptr(GString) paper = g_string_new (HEADER);
  g_autoptr(JsonNode) list = NULL;

  late_db = g_build_filename (template_dir, "late.jiangping", NULL);
  {
    g_autofree char *out = NULL, *err = NULL;

    must_run ("demo", run_cli (&out, &err, "demo", "--db", late_db, "--candidates", "12",
                               NULL), err);
  }
  test_cli_qualify_all (late_db);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "freeze", NULL);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "round", "open", "--kind", "ballot", "--trade", "FW", "--seats", "2",
                   "--max-choices", "2", "--present", "5", NULL);
  write_text (ballots, "serial,marks\n1,FW-01 FW-02\n2,FW-01 FW-02\n3,FW-01 FW-02\n"
              "4,FW-01 FW-03\n5,FW-02 FW-03\n");
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "ballots", "enter", "--round", "1", "--file", ballots,
                   "--entered-by", "M15", "--confirm-file", ballots, "--confirmed-by", "M12",
                   NULL);
  {
    g_autofree char *out = NULL, *err = NULL;

    must_run ("round close 1", run_cli (&out, &err, "round", "close", "--db", late_db,
                                        "--round", "1", NULL), err);
  }
  write_text (likes, "code,likes\nFW-01,1520\nFW-02,1013\n");
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "likes", "import", "--file", likes, NULL);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "round", "open", "--kind", "defence", "--trade", "FW", NULL);
  for (int m = 0; m < 7; m++)
    {
      g_string_append_printf (paper, "%s,FW-01,15,23,22,17,13\n", panel[m]);
      g_string_append_printf (paper, "%s,FW-02,12,20,20,16,12\n", panel[m]);
    }
  write_text (sheets, paper->str);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "scores", "enter", "--round", "2", "--file", sheets,
                   "--entered-by", "M03", "--confirm-file", sheets, "--confirmed-by", "M05",
                   NULL);
  {
    g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
    g_autofree char *out3 = NULL, *err3 = NULL;

    must_run ("round close 2", run_cli (&out, &err, "round", "close", "--db", late_db,
                                        "--round", "2", NULL), err);
    must_run ("round seal 2", run_cli (&out2, &err2, "round", "seal", "--db", late_db,
                                       "--round", "2", NULL), err2);
    must_run ("rank adjust", run_cli (&out3, &err3, "rank", "adjust", "--db", late_db,
                                      "--candidate", "FW-02", "--out", "--reason",
                                      "主席会议决定：材料待核", NULL), err3);
  }
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "rank", "seal", NULL);
  g_clear_pointer (&list, json_node_unref);
  {
    g_autofree char *out = NULL, *err = NULL;

    /* the office that takes objections, printed on the notice */
    must_run ("settings contact", run_cli (&out, &err, "settings", "--db", late_db, "--set",
                                           "publicity.contact_person=王喆", "--set",
                                           "publicity.contact_phone=0472-5123456", NULL), err);
  }
  list = run_json (late_db, "publicity", "start", "--date", "2024-02-08", "--approved-by",
                   "市总工会主席会议", "--approved-at", "2024-02-06", NULL);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (late_db, "publicity", "close", NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
set_up_late (Fixture *f, gconstpointer data)
{
  fixture_set_up (f, data);
  copy_file (late_db, f->db);
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  fixture_set_up (f, data);
  g_file_get_contents (template_db, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->db, contents, length, &error);
  g_assert_no_error (error);
}

/* Changes the file as an outsider would. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Runs audit verify --json; returns the exit status and the parsed report. */
static int
verify (Fixture     *f,
        const char  *anchor,
        JsonObject **report)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status;

  if (anchor != NULL)
    status = run_cli (&out, &err, "audit", "verify", "--db", f->db, "--json", "--anchor", anchor,
                      NULL);
  else
    status = run_cli (&out, &err, "audit", "verify", "--db", f->db, "--json", NULL);
  node = parse_json (out);
  *report = json_object_ref (json_node_get_object (node));
  if (status != 0)
    g_assert_nonnull (strstr (err, "does not hold"));
  return status;
}

/* Whether the report has a problem of `kind` about `subject` = id. */
static gboolean
has_problem (JsonObject *report,
             const char *kind,
             const char *subject,
             gint64      id)
{
  JsonArray *problems = json_object_get_array_member (report, "problems");

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *p = json_array_get_object_element (problems, i);

      if (g_str_equal (json_object_get_string_member (p, "kind"), kind)
          && (subject == NULL || json_object_get_int_member_with_default (p, subject, -1) == id))
        return TRUE;
    }
  return FALSE;
}

static void
test_clean (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) anchored = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *head;

  g_assert_cmpint (verify (f, NULL, &report), ==, 0);
  g_assert_true (json_object_get_boolean_member (report, "ok"));
  g_assert_cmpint (json_object_get_int_member (report, "entries"), ==,
                   query_int (f, "SELECT count (*) FROM audit"));
  g_assert_cmpint (json_object_get_int_member (report, "rounds"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "problems")),
                    ==, 0);
  head = json_object_get_string_member (report, "head");
  g_assert_cmpuint (strlen (head), ==, 64);

  /* the head printed now is found later, after more entries */
  {
    g_autofree char *printed = g_strdup (head);
    g_autoptr(JsonNode) more = run_json (f->db, "round", "open", "--kind", "ballot", "--trade",
                                         "XT", "--seats", "1", NULL);

    g_assert_cmpint (verify (f, printed, &anchored), ==, 0);
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (anchored,
                                                                                  "anchor"),
                                                   "found"));
    g_assert_cmpstr (json_object_get_string_member (anchored, "head"), !=, printed);
  }

  /* text output */
  g_assert_cmpint (run_cli (&out, &err, "audit", "verify", "--db", f->db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "The record holds"));
}

static void
test_unknown_anchor (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;

  g_assert_cmpint (verify (f, "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12",
                           &report), ==, 1);
  g_assert_false (json_object_get_boolean_member (report, "ok"));
  g_assert_true (has_problem (report, "anchor", NULL, 0));
}

static void
test_audit_row_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;
  JsonArray *problems;

  tamper (f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 10");
  g_assert_cmpint (verify (f, NULL, &report), ==, 1);
  g_assert_true (has_problem (report, "gap", "seq", 11));
  g_assert_true (has_problem (report, "link", "seq", 11));
  problems = json_object_get_array_member (report, "problems");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (problems,
                                                                                          0),
                                                           "message"),
                            "entry 10 is missing"));
}

static void
test_last_rows_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;
  gint64 last = query_int (f, "SELECT max (seq) FROM audit");

  tamper (f, "DROP TRIGGER audit_no_delete;"
             "DELETE FROM audit WHERE seq >= (SELECT max (seq) - 1 FROM audit)");
  g_assert_cmpint (verify (f, NULL, &report), ==, 1);
  g_assert_true (has_problem (report, "truncated", "seq", last - 1));
}

/* The whole entry rewritten with a fresh hash still breaks the link to the next one. */
static void
test_payload_rewritten (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;
  gint64 seq = query_int (f, "SELECT seq FROM audit WHERE action = 'round.close'");
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_no_update;"
                                          "UPDATE audit SET payload = replace (payload, "
                                          "'\"round\":1', '\"round\":2') WHERE seq = %lld",
                                          (long long) seq);

  tamper (f, sql);
  g_assert_cmpint (verify (f, NULL, &report), ==, 1);
  g_assert_true (has_problem (report, "hash", "seq", seq));
  /* and the round has no audited close any more */
  g_assert_true (has_problem (report, "audit", "round", 1));
}

static void
test_row_inserted (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;
  gint64 seq = query_int (f, "SELECT max (seq) FROM audit") + 1;

  /* the trigger refuses a row without its place in the chain */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO audit (at, actor, action) "
                                       "VALUES (0, 'x', 'y')", NULL, NULL, NULL), !=, SQLITE_OK);
    sqlite3_close (db);
  }
  tamper (f, "DROP TRIGGER audit_chained;"
             "INSERT INTO audit (at, actor, action) VALUES (0, 'mallory', 'review.decide')");
  g_assert_cmpint (verify (f, NULL, &report), ==, 1);
  g_assert_true (has_problem (report, "unchained", "seq", seq));
}

static void
test_backup_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *backup = g_build_filename (f->dir, "copy.jiangping", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) written = NULL, restored = NULL;
  g_autoptr(JsonObject) report = NULL;
  gint64 entries = query_int (f, "SELECT count (*) FROM audit");
  const char *kept;

  written = run_json (f->db, "backup", "-o", backup, NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  /* a second backup never overwrites */
  g_assert_cmpint (run_cli (&out, &err, "backup", "--db", f->db, "-o", backup, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the file changes, then the backup comes back and verifies */
  tamper (f, "DROP TRIGGER ballot_no_update; UPDATE ballot SET marks = 'FW-04'");
  restored = run_json (f->db, "restore", "--from", backup, NULL);
  kept = json_object_get_string_member (json_node_get_object (restored), "kept");
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (verify (f, NULL, &report), ==, 0);
  /* the backup's entries and the restore itself */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit"), ==, entries + 1);
  g_assert_cmpint (query_int (f, "SELECT action = 'backup.restore' AND payload LIKE "
                                 "'%copy.jiangping%' FROM audit ORDER BY seq DESC LIMIT 1"), ==, 1);

  /* a backup that does not verify is refused, and nothing is replaced */
  g_clear_pointer (&restored, json_node_unref);
  {
    g_autofree char *bad = g_build_filename (f->dir, "bad.jiangping", NULL);
    g_autofree char *before = NULL, *after = NULL;
    sqlite3 *db = NULL;

    written = (json_node_unref (written), run_json (f->db, "backup", "-o", bad, NULL));
    g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_delete; DELETE FROM audit "
                                       "WHERE seq = 2", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_file_get_contents (f->db, &before, NULL, NULL);
    g_assert_cmpint (run_cli (&out, &err, "restore", "--db", f->db, "--from", bad, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "does not verify"));
    g_assert_nonnull (strstr (err, "entry 2"));
    g_file_get_contents (f->db, &after, NULL, NULL);
    g_assert_true (g_strcmp0 (before, after) == 0);
  }
}

/* Unpacks `zip` into `dir`, its folders (documents/) made as needed. */
static void
unpack (const char *zip,
        const char *dir)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, zip, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      g_autofree char *path = g_build_filename (dir, archive_entry_pathname (entry), NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      char buf[16384];
      la_ssize_t n;

      while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
        g_byte_array_append (data, (const guint8 *) buf, n);
      g_assert_cmpint (n, ==, 0);
      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_file_set_contents (path, (const char *) data->data, data->len, &error);
      g_assert_no_error (error);
    }
  archive_read_free (a);
}

/* A file another computer is hosting is never replaced under it. */
static void
test_restore_while_hosted (Fixture *f, gconstpointer data)
{
  g_autofree char *backup = g_build_filename (f->dir, "copy.jiangping", NULL);
  g_autofree char *lock = g_strconcat (f->db, ".host-lock", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) written = run_json (f->db, "backup", "-o", backup, NULL);

  write_text (lock, "主席台电脑\n4242\n");
  g_assert_cmpint (run_cli (&out, &err, "restore", "--db", f->db, "--from", backup, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "主席台电脑"));
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
}

/* Whether `name` is in the JSON array `member` of `o`. */
static gboolean
json_has (JsonObject *o,
          const char *member,
          const char *name)
{
  JsonArray *array = json_object_get_array_member (o, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_has_prefix (json_array_get_string_element (array, i), name))
      return TRUE;
  return FALSE;
}

/* Archives the election, unpacks it, checks every sum of the manifest with sha256sum and
 * that the database inside verifies; returns the command's JSON and the manifest. */
static JsonObject *
archive_and_check (Fixture  *f,
                   char    **manifest_out)
{
  g_autofree char *zip = g_build_filename (f->dir, "election.zip", NULL);
  g_autofree char *unzip_dir = g_build_filename (f->dir, "unzipped", NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(JsonObject) report = NULL;
  JsonObject *o;
  JsonArray *docs;
  const char *head;

  written = run_json (f->db, "archive", "-o", zip, NULL);
  o = json_node_get_object (written);
  head = json_object_get_string_member (o, "head");
  g_assert_true (json_object_get_boolean_member (o, "verified"));

  /* every file of the manifest checks with sha256sum */
  g_assert_cmpint (g_mkdir (unzip_dir, 0700), ==, 0);
  unpack (zip, unzip_dir);
  cmd = g_strdup_printf ("cd '%s' && grep -v '^#' MANIFEST.sha256 | sha256sum -c --quiet -",
                         unzip_dir);
  g_assert_cmpint (system (cmd), ==, 0);
  path = g_build_filename (unzip_dir, "MANIFEST.sha256", NULL);
  g_assert_true (g_file_get_contents (path, &manifest, NULL, NULL));
  g_assert_nonnull (strstr (manifest, "  test.jiangping\n"));
  g_assert_nonnull (strstr (manifest, "  audit.csv\n"));
  g_assert_nonnull (strstr (manifest, head));
  g_free (path);
  path = g_build_filename (unzip_dir, "audit.csv", NULL);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "seq,at,time,actor,action,payload"));
  g_assert_nonnull (strstr (csv, head));

  /* every document listed is a PDF in documents/ with its sum in the manifest; every one
   * left out is named there with the reason */
  docs = json_object_get_array_member (o, "documents");
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      const char *name = json_array_get_string_element (docs, i);
      g_autofree char *line = g_strdup_printf ("  %s\n", name);
      g_autofree char *pdf = g_build_filename (unzip_dir, name, NULL);
      g_autofree char *data = NULL;

      g_assert_true (g_str_has_prefix (name, "documents/"));
      g_assert_nonnull (strstr (manifest, line));
      g_assert_true (g_file_get_contents (pdf, &data, NULL, NULL));
      g_assert_true (g_str_has_prefix (data, "%PDF-"));
    }
  docs = json_object_get_array_member (o, "skipped");
  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      g_autofree char *line = g_strdup_printf ("# not included: %s\n",
                                               json_array_get_string_element (docs, i));

      g_assert_nonnull (strstr (manifest, line));
    }

  /* the database inside is the election and verifies */
  g_free (f->db);
  f->db = g_build_filename (unzip_dir, "test.jiangping", NULL);
  g_assert_cmpint (verify (f, head, &report), ==, 0);
  *manifest_out = g_steal_pointer (&manifest);
  return json_object_ref (o);
}

/* After the ballot: the forms, the summary table and the sealed round's tally report are in;
 * the ranking and the publicity, which do not exist yet, are named as left out. */
static void
test_archive (Fixture *f, gconstpointer data)
{
  g_autofree char *manifest = NULL;
  g_autofree char *tally = g_strdup_printf ("documents/tally-report-round-%" G_GINT64_FORMAT
                                            ".pdf", query_int (f, "SELECT min (id) FROM round "
                                                                  "WHERE state = 'sealed'"));
  g_autoptr(JsonObject) o = archive_and_check (f, &manifest);

  g_assert_true (json_has (o, "documents", "documents/approval-form.pdf"));
  g_assert_true (json_has (o, "documents", "documents/summary-table.pdf"));
  g_assert_true (json_has (o, "documents", tally));
  g_assert_false (json_has (o, "documents", "documents/ballot-papers"));
  g_assert_true (json_has (o, "skipped", "ranking-report.pdf: "));
  g_assert_true (json_has (o, "skipped", "publicity.pdf: "));
}

/* At the end: the ranking report, the publicity notice and the certificates too. */
static void
test_archive_late (Fixture *f, gconstpointer data)
{
  g_autofree char *manifest = NULL;
  g_autoptr(JsonObject) o = archive_and_check (f, &manifest);

  g_assert_true (json_has (o, "documents", "documents/approval-form.pdf"));
  g_assert_true (json_has (o, "documents", "documents/ranking-report.pdf"));
  g_assert_true (json_has (o, "documents", "documents/publicity.pdf"));
  g_assert_true (json_has (o, "documents", "documents/certificates.pdf"));
  g_assert_true (json_has (o, "documents", "documents/tally-report-round-"));
}

/* A document that fails midway (no font can be found) fails the archive, which leaves no
 * file under its name and no partial file beside it. */
static void
test_archive_fails_whole (Fixture *f, gconstpointer data)
{
  g_autofree char *zip = g_build_filename (f->dir, "election.zip", NULL);
  g_autofree char *fonts = g_build_filename (f->dir, "fonts.conf", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *name;

  write_text (fonts, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n");
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "FONTCONFIG_FILE", fonts, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JP_CLI"), "archive",
                                      "--db", f->db, "-o", zip, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  /* the message names the document that failed */
  g_assert_nonnull (strstr (err, "approval-form.pdf"));
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "election.zip"));
}

/* The file carried to its end verifies, with every sealed stage checked. */
static void
test_late_clean (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) report = NULL;

  g_assert_cmpint (verify (f, NULL, &report), ==, 0);
  g_assert_true (json_object_get_boolean_member (report, "ok"));
  g_assert_cmpint (json_object_get_int_member (report, "sessions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "rankings"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "final_lists"), ==, 1);
}

/* ---- changes behind Jiangping's back that `audit verify` must find ---- */

/* Each problem of `list` ("kind subject id;...") is reported (`reported`) or not. */
static void
assert_problems (JsonObject  *report,
                 const char  *group,
                 char       **list,
                 gboolean     reported)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_auto(GStrv) p = g_strsplit (g_strstrip (list[i]), " ", 3);

      g_assert_cmpuint (g_strv_length (p), ==, 3);
      if (has_problem (report, p[0], p[1], g_ascii_strtoll (p[2], NULL, 10)) != reported)
        g_error ("%s: %s %s", group, list[i], reported ? "not reported" : "reported, wrongly");
    }
}

/* The change `data` names, a group of tests/data/audit-tampering.ini, made to the file: the
 * check fails, reporting the problems the group lists and not those it rules out. */
static void
test_tampered (Fixture *f, gconstpointer data)
{
  const char *group = data;
  g_autofree char *path = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "tests", "data",
                                            "audit-tampering.ini", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *holds = NULL, *sql = NULL;
  g_auto(GStrv) reported = NULL, not_reported = NULL;

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  sql = g_key_file_get_string (file, group, "sql", &error);
  g_assert_no_error (error);
  reported = g_key_file_get_string_list (file, group, "reported", NULL, &error);
  g_assert_no_error (error);
  holds = g_key_file_get_string (file, group, "holds", NULL);
  not_reported = g_key_file_get_string_list (file, group, "not-reported", NULL, NULL);

  if (holds != NULL)
    g_assert_cmpint (query_int (f, holds), ==, 1);
  tamper (f, sql);
  g_assert_cmpint (verify (f, NULL, &report), ==, 1);
  assert_problems (report, group, reported, TRUE);
  assert_problems (report, group, not_reported, FALSE);
}

int
main (int argc, char **argv)
{
  int status;
  g_autofree char *cmd = NULL;

  g_test_init (&argc, &argv, NULL);
  make_template ();
  make_late_template ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, set_up, fn, fixture_tear_down)
#define ADD_TAMPERED(group, setup) \
  g_test_add ("/cli/audit/" group, Fixture, group, setup, test_tampered, fixture_tear_down)
  ADD ("/cli/audit/clean", test_clean);
  ADD ("/cli/audit/unknown-anchor", test_unknown_anchor);
  ADD_TAMPERED ("ballot-changed", set_up);
  ADD_TAMPERED ("ballots-swapped", set_up);
  ADD ("/cli/audit/audit-row-deleted", test_audit_row_deleted);
  ADD ("/cli/audit/last-rows-deleted", test_last_rows_deleted);
  ADD_TAMPERED ("payloads-swapped", set_up);
  ADD ("/cli/audit/payload-rewritten", test_payload_rewritten);
  ADD ("/cli/audit/row-inserted", test_row_inserted);
  ADD_TAMPERED ("digest-rewritten", set_up);
  ADD ("/cli/audit/backup-restore", test_backup_restore);
  ADD ("/cli/audit/restore-while-hosted", test_restore_while_hosted);
  ADD ("/cli/audit/archive", test_archive);
  ADD ("/cli/audit/archive-fails-whole", test_archive_fails_whole);
#define ADD_LATE(path, fn) \
  g_test_add (path, Fixture, NULL, set_up_late, fn, fixture_tear_down)
  ADD_LATE ("/cli/audit/late-clean", test_late_clean);
  ADD_LATE ("/cli/audit/archive-late", test_archive_late);
  ADD_TAMPERED ("sheet-changed", set_up_late);
  ADD_TAMPERED ("adjustment-changed", set_up_late);
  ADD_TAMPERED ("likes-changed", set_up_late);
  ADD_TAMPERED ("final-list-changed", set_up_late);
  status = g_test_run ();

  cmd = g_strdup_printf ("rm -rf '%s'", template_dir);
  g_assert_cmpint (system (cmd), ==, 0);
  return status;
}
