/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-likes"

#include "cli-test-util.h"

static void
write_file (Fixture *f, const char *name, const char *text, gssize length, char **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (f->dir, name, NULL);
  g_file_set_contents (*path, text, length, &error);
  g_assert_no_error (error);
}

static JsonObject *
row_of (JsonArray *rows, const char *code)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *o = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (o, "code"), code))
        return o;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_import_zero_list (Fixture *f, gconstpointer data)
{
  /* CRLF line ends and a lower-case code are accepted */
  const char *text = "code,likes\r\nfw-01,1520\r\nFW-02,1013\r\n";
  g_autofree char *file = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) imported = NULL, list = NULL, zeroed = NULL, list2 = NULL;
  JsonObject *o;
  JsonArray *rows;

  test_cli_fw_finalists (f);
  write_file (f, "likes.csv", text, -1, &file);
  imported = run_json (f->db, "likes", "import", "--file", file, NULL);
  o = json_node_get_object (imported);
  g_assert_true (json_object_get_boolean_member (o, "imported"));
  g_assert_cmpstr (json_object_get_string_member (o, "sha256"), ==, sha);
  g_assert_cmpint (json_object_get_int_member (o, "rows"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "missing")), ==, 0);

  list = run_json (f->db, "likes", "list", NULL);
  rows = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row_of (rows, "FW-01"), "likes"), ==, 1520);
  g_assert_cmpfloat (json_object_get_double_member (row_of (rows, "FW-01"), "O"), ==, 100.0);
  /* 1013 / 1520 = 66.644... -> 66.64, printed exactly (not 66.640000000000001) */
  g_assert_cmpfloat (json_object_get_double_member (row_of (rows, "FW-02"), "O"), ==, 66.64);
  g_assert_cmpint (run_cli (&out, &err, "likes", "list", "--db", f->db, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"O\": 66.64}"));
  g_assert_nonnull (strstr (out, "\"O\": 100.0}"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpstr (json_object_get_string_member (row_of (rows, "FW-02"), "trade"), ==, "FW");

  /* zeroing needs a reason */
  g_assert_cmpint (run_cli (&out, &err, "likes", "zero", "--db", f->db, "--candidate", "FW-01",
                            NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--reason"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  zeroed = run_json (f->db, "likes", "zero", "--candidate", "FW-01", "--reason", "刷票", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (zeroed), "zeroed"));
  list2 = run_json (f->db, "likes", "list", NULL);
  rows = json_node_get_array (list2);
  g_assert_true (json_object_get_boolean_member (row_of (rows, "FW-01"), "zeroed"));
  g_assert_cmpstr (json_object_get_string_member (row_of (rows, "FW-01"), "reason"), ==, "刷票");
  g_assert_cmpfloat (json_object_get_double_member (row_of (rows, "FW-01"), "O"), ==, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (row_of (rows, "FW-02"), "O"), ==, 100.0);

  /* a second zeroing is refused */
  g_assert_cmpint (run_cli (&out, &err, "likes", "zero", "--db", f->db, "--candidate", "FW-01",
                            "--reason", "again", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already zeroed"));
}

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  /* GB18030 bytes: line 3 names a candidate who did not advance, line 4 is negative,
   * line 5 repeats FW-01, line 6 has a non-number */
  const char *utf8 = "code,likes\nFW-01,10\nFW-03,5\nFW-02,-4\nFW-01,3\n稀土-01,很多\n";
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  g_autofree char *file = NULL, *good = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) report = NULL, list = NULL, imported = NULL;
  JsonArray *problems;

  test_cli_fw_finalists (f);
  write_file (f, "good.csv", "code,likes\nFW-01,10\nFW-02,20\n", -1, &good);
  imported = run_json (f->db, "likes", "import", "--file", good, NULL);
  write_file (f, "bad.csv", gb, len, &file);
  g_assert_cmpint (run_cli (&out, &err, "likes", "import", "--db", f->db, "--file", file,
                            "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "line 3"));
  g_assert_nonnull (strstr (err, "稀土-01"));
  report = parse_json (out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (report), "imported"));
  problems = json_object_get_array_member (json_node_get_object (report), "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (problems, 0),
                                               "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 0),
                                                  "kind"), ==, "unknown-code");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 1),
                                                  "kind"), ==, "negative");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 2),
                                                  "kind"), ==, "duplicate");

  /* nothing of the bad file was stored: the earlier import stands */
  list = run_json (f->db, "likes", NULL);
  g_assert_cmpint (json_object_get_int_member (row_of (json_node_get_array (list), "FW-02"),
                                               "likes"), ==, 20);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/likes/import-zero-list", Fixture, NULL, fixture_set_up,
              test_import_zero_list, fixture_tear_down);
  g_test_add ("/cli/likes/bad-file", Fixture, NULL, fixture_set_up, test_bad_file,
              fixture_tear_down);
  return g_test_run ();
}
