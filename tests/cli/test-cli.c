/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli"

#include "cli-test-util.h"

#include <signal.h>
#include <gio/gio.h>

static void
test_no_command (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Usage"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
}

static void
test_missing_db (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "candidates", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "--db"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* a file that does not exist is named */
  g_assert_cmpint (run_cli (&out, &err, "candidates", "--db", f->db, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "test.jiangping"));
}

/* Starts `serve --local --port 0 --json`, reads what it prints, stops it with SIGTERM. */
static JsonNode *
serve_once (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  char *line;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JP_CLI"), "serve", "--db",
                                      f->db, "--local", "--port", "0", "--json", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  /* the JSON object, printed over several lines, ends with a "}" line */
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      gboolean end = g_str_equal (line, "}");

      g_string_append (text, line);
      g_free (line);
      if (end)
        break;
    }
  g_assert_no_error (error);
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  return parse_json (text->str);
}

/* serve prints the certificate fingerprint members check; it is kept in the election, so a
 * second start shows the same one. */
static void
test_serve_fingerprint (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  const char *fp;

  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, NULL), ==, 0);
  first = serve_once (f);
  fp = json_object_get_string_member (json_node_get_object (first), "fingerprint");
  g_assert_nonnull (fp);
  g_assert_cmpuint (strlen (fp), ==, 19);
  g_assert_true (g_regex_match_simple ("^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$", fp, 0, 0));
  second = serve_once (f);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second), "fingerprint"),
                   ==, fp);
}

static void
test_init_and_empty_list (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, "--title", "测试选树",
                            "--year", "2024", "--quota", "10", NULL), ==, 0);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* init refuses to overwrite */
  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "test.jiangping"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "candidates", "--db", f->db, "--json", NULL), ==, 0);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

static void
test_not_ours (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (f->db, "姓名,性别\n张三,男\n", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "candidates", "--db", f->db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "test.jiangping"));
  /* nothing lost: the file is untouched */
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (f->db, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "姓名,性别\n张三,男\n");
  }
}

static void
test_demo_json (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;
  guint with_findings = 0;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "24", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "candidates", "--db", f->db, "--json", NULL), ==, 0);
  root = parse_json (out);
  arr = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (arr), ==, 24);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      const char *sex = json_object_get_string_member (o, "sex");
      const char *route = json_object_get_string_member (o, "route");

      g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
      g_assert_cmpuint (g_utf8_strlen (json_object_get_string_member (o, "name"), -1), >=, 2);
      g_assert_true (g_strcmp0 (sex, "male") == 0 || g_strcmp0 (sex, "female") == 0);
      g_assert_cmpuint (strlen (json_object_get_string_member (o, "id_number")), ==, 18);
      g_assert_nonnull (json_object_get_string_member (o, "unit"));
      g_assert_nonnull (json_object_get_string_member (o, "trade"));
      g_assert_true (g_strcmp0 (route, "unit") == 0 || g_strcmp0 (route, "social") == 0 ||
                     g_strcmp0 (route, "self") == 0);
      g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "submitted");
      g_assert_true (json_object_has_member (o, "warnings"));
      if (json_array_get_length (json_object_get_array_member (o, "warnings")) > 0)
        with_findings++;
    }
  /* the demo carries deliberate problems, but most candidates are clean of errors */
  g_assert_cmpuint (with_findings, >, 0);
}

static void
test_stats_and_check (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) stats = NULL, check = NULL;
  JsonObject *o;
  JsonArray *by_trade, *findings;
  gint64 sum = 0;
  gboolean saw_id_error = FALSE;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "30", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "stats", "--db", f->db, "--json", NULL), ==, 0);
  stats = parse_json (out);
  o = json_node_get_object (stats);
  g_assert_cmpint (json_object_get_int_member (o, "candidates"), ==, 30);
  by_trade = json_object_get_array_member (o, "by_trade");
  g_assert_cmpuint (json_array_get_length (by_trade), ==, 6);
  for (guint i = 0; i < json_array_get_length (by_trade); i++)
    sum += json_object_get_int_member (json_array_get_object_element (by_trade, i), "count");
  g_assert_cmpint (sum, ==, 30);
  g_assert_cmpint (json_object_get_int_member (o, "priority_candidates"), >, 0);
  g_assert_cmpint (json_object_get_int_member (o, "priority_candidates"), <, 30);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "check", "--db", f->db, "--json", NULL), ==, 0);
  check = parse_json (out);
  findings = json_object_get_array_member (json_node_get_object (check), "findings");
  g_assert_cmpuint (json_array_get_length (findings), >, 0);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *fo = json_array_get_object_element (findings, i);
      if (g_str_equal (json_object_get_string_member (fo, "code"), "id-number-invalid"))
        {
          saw_id_error = TRUE;
          g_assert_cmpstr (json_object_get_string_member (fo, "severity"), ==, "error");
          g_assert_cmpstr (json_object_get_string_member (fo, "field"), ==, "id_number");
        }
    }
  g_assert_true (saw_id_error);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --strict turns errors into a failing exit status */
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", f->db, "--strict", NULL), ==, 1);
}

static void
test_import_roster_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "汇总表.csv", NULL);

  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an unclosed quote: the message names the file and the line */
  g_assert_true (g_file_set_contents (csv, "姓名,推荐单位,性别\n张三,甲单位,男\n\"李四,乙单位,女\n", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "import-roster", "--db", f->db, csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "汇总表.csv"));
  g_assert_nonnull (strstr (err, "3"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a good file imports, and importing it again updates rather than duplicates */
  g_assert_true (g_file_set_contents (csv,
      "序号,推荐单位,姓名,性别,身份证号\n1,甲单位,张三,男,11010519491231002X\n", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "import-roster", "--db", f->db, csv, "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) r = parse_json (out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (r), "added"), ==, 1);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "import-roster", "--db", f->db, csv, "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) r = parse_json (out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (r), "added"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (r), "updated"), ==, 1);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "candidates", "--db", f->db, "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) r = parse_json (out);
    JsonArray *a = json_node_get_array (r);
    g_assert_cmpuint (json_array_get_length (a), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "name"),
                     ==, "张三");
  }
}

/* A roster typed with full-width digits: the ID, dates and numbers are folded before they
 * are checked, and a bad character is quoted whole, so the JSON stays valid UTF-8. */
static void
test_import_roster_full_width (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "全角.csv", NULL);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) check = NULL;
  JsonArray *a, *findings;
  gboolean quoted = FALSE;

  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_set_contents (csv,
      "序号,推荐单位,姓名,性别,身份证号,出生年月,从事本工种年限\n"
      "1,甲单位,张三,男,１５０２０２１９７８０４１２　０３１４,１９７８．０４,２６\n"
      "2,甲单位,李四,男,１５０２０２１９７８０４１２〇３１４,1978.04,26\n", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "import-roster", "--db", f->db, csv, "--json", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* run_cli fails on output that is not UTF-8 */
  g_assert_cmpint (run_cli (&out, &err, "candidates", "--db", f->db, "--json", NULL), ==, 0);
  list = parse_json (out);
  a = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (g_str_equal (json_object_get_string_member (o, "name"), "张三"))
        g_assert_cmpstr (json_object_get_string_member (o, "id_number"), ==,
                         "150202197804120314");
      else
        g_assert_cmpstr (json_object_get_string_member (o, "id_number"), ==,
                         "15020219780412〇314");
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_cli (&out, &err, "check", "--db", f->db, "--json", NULL);
  check = parse_json (out);
  findings = json_object_get_array_member (json_node_get_object (check), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *fo = json_array_get_object_element (findings, i);
      const char *message = json_object_get_string_member (fo, "message");

      g_assert_false (g_str_equal (json_object_get_string_member (fo, "field"), "birth"));
      if (strstr (message, "“〇”") != NULL)
        quoted = TRUE;
    }
  g_assert_true (quoted);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/usage", test_no_command);
  g_test_add ("/cli/missing-db", Fixture, NULL, fixture_set_up, test_missing_db, fixture_tear_down);
  g_test_add ("/cli/init", Fixture, NULL, fixture_set_up, test_init_and_empty_list, fixture_tear_down);
  g_test_add ("/cli/serve-fingerprint", Fixture, NULL, fixture_set_up, test_serve_fingerprint,
              fixture_tear_down);
  g_test_add ("/cli/not-ours", Fixture, NULL, fixture_set_up, test_not_ours, fixture_tear_down);
  g_test_add ("/cli/demo-json", Fixture, NULL, fixture_set_up, test_demo_json, fixture_tear_down);
  g_test_add ("/cli/stats-check", Fixture, NULL, fixture_set_up, test_stats_and_check, fixture_tear_down);
  g_test_add ("/cli/import-roster", Fixture, NULL, fixture_set_up, test_import_roster_errors, fixture_tear_down);
  g_test_add ("/cli/import-roster-full-width", Fixture, NULL, fixture_set_up, test_import_roster_full_width, fixture_tear_down);
  return g_test_run ();
}
