/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-export"

#include "cli-test-util.h"

#include <archive.h>
#include <archive_entry.h>

#include "core/jp-csv.h"

#define BOM "\xEF\xBB\xBF"

static void
write_file (Fixture *f, const char *name, const char *text, char **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (f->dir, name, NULL);
  g_file_set_contents (*path, text, -1, &error);
  g_assert_no_error (error);
}

/* A 12-candidate demo with every candidate qualified and the list frozen. */
static void
make_frozen (Fixture *f)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) frozen = NULL;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==, 0);
  test_cli_qualify_all (f->db);
  frozen = run_json (f->db, "freeze", NULL);
}

/* The name of the candidate with anonymous code `code`. */
static char *
name_of_code (Fixture *f, const char *code)
{
  g_autoptr(JsonNode) list = run_json (f->db, "candidates", NULL);
  JsonArray *a = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *c = json_array_get_object_element (a, i);

      if (g_strcmp0 (json_object_get_string_member (c, "code"), code) == 0)
        return g_strdup (json_object_get_string_member (c, "name"));
    }
  g_error ("no candidate %s", code);
  return NULL;
}

static JpCsvTable *
read_csv (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JpCsvTable *table;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, BOM));
  /* every line ends in CRLF */
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  table = jp_csv_parse (text, length, path, &error);
  g_assert_no_error (error);
  return table;
}

static const char *
field (JpCsvTable *table, guint row, const char *title)
{
  GPtrArray *header = g_ptr_array_index (table->rows, 0);
  GPtrArray *cells = g_ptr_array_index (table->rows, row);

  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), title) == 0)
      return i < cells->len ? g_ptr_array_index (cells, i) : "";
  g_error ("no column “%s”", title);
  return NULL;
}

static guint
row_of (JpCsvTable *table, const char *title, const char *value)
{
  for (guint r = 1; r < table->rows->len; r++)
    if (g_strcmp0 (field (table, r, title), value) == 0)
      return r;
  g_error ("no row with %s = %s", title, value);
  return 0;
}

static char *
zip_member (const char *path, const char *member)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  char *found = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (found == NULL && archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      if (g_strcmp0 (archive_entry_pathname (entry), member) == 0)
        {
          GString *s = g_string_new (NULL);
          char buf[8192];
          la_ssize_t n;

          while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
            g_string_append_len (s, buf, n);
          found = g_string_free (s, FALSE);
        }
      else
        archive_read_data_skip (a);
    }
  archive_read_free (a);
  return found;
}

/* The results of a closed round: one row per candidate with the votes, the outcome and
 * whether the candidate is a finalist; the same in .xlsx with number cells. */
static void
test_results (Fixture *f, gconstpointer data)
{
  g_autofree char *ballots = NULL, *csv = NULL, *xlsx = NULL, *out = NULL, *err = NULL;
  g_autofree char *name1 = NULL, *xml = NULL, *strings = NULL;
  g_autoptr(JsonNode) opened = NULL, entered = NULL, confirmed = NULL, done = NULL;
  g_autoptr(JpCsvTable) table = NULL;
  guint r;

  make_frozen (f);
  opened = run_json (f->db, "round", "open", "--kind", "ballot", "--trade", "FW", "--seats", "2",
                     "--max-choices", "2", "--present", "8", NULL);
  /* FW-01 4, FW-02 2, FW-03 2, FW-04 0; a blank, an invalid and an over-vote */
  write_file (f, "a.csv", "serial,marks\n1,FW-01 FW-02\n2,FW-01 FW-03\n3,\n4,invalid\n"
              "5,FW-01 FW-02 FW-03\n6,FW-02 FW-03\n7,FW-01\n8,FW-01\n", &ballots);
  entered = run_json (f->db, "ballots", "enter", "--round", "1", "--file", ballots,
                      "--entered-by", "M15", "--confirm-file", ballots, "--confirmed-by", "M12",
                      NULL);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", "1", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  csv = g_build_filename (f->dir, "results.csv", NULL);
  done = run_json (f->db, "export", "--what", "results", "-o", csv, NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (done), "rows"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (done), "format"), ==,
                   "csv");
  table = read_csv (csv);
  g_assert_cmpuint (table->rows->len, ==, 5);
  name1 = name_of_code (f, "FW-01");
  r = row_of (table, "Code", "FW-01");
  g_assert_cmpuint (r, ==, 1);
  g_assert_cmpstr (field (table, r, "Name"), ==, name1);
  g_assert_cmpstr (field (table, r, "Round"), ==, "1");
  g_assert_cmpstr (field (table, r, "Votes"), ==, "4");
  g_assert_cmpstr (field (table, r, "Rank"), ==, "1");
  g_assert_cmpstr (field (table, r, "Outcome"), ==, "Advanced");
  g_assert_cmpstr (field (table, r, "Finalist"), ==, "Yes");
  g_assert_cmpstr (field (table, r, "Present"), ==, "8");
  g_assert_cmpstr (field (table, r, "Ballots cast"), ==, "8");
  g_assert_cmpstr (field (table, r, "Valid"), ==, "6");
  g_assert_cmpstr (field (table, r, "Invalid"), ==, "2");
  g_assert_cmpstr (field (table, r, "Blank"), ==, "1");
  r = row_of (table, "Code", "FW-02");
  g_assert_cmpstr (field (table, r, "Votes"), ==, "2");
  g_assert_cmpstr (field (table, r, "Outcome"), ==, "Run-off");
  g_assert_cmpstr (field (table, r, "Finalist"), ==, "");
  r = row_of (table, "Code", "FW-04");
  g_assert_cmpstr (field (table, r, "Votes"), ==, "0");
  g_assert_cmpstr (field (table, r, "Outcome"), ==, "Out");

  xlsx = g_build_filename (f->dir, "results.xlsx", NULL);
  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "results", "-o", xlsx,
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "4 rows written"));
  xml = zip_member (xlsx, "xl/worksheets/sheet1.xml");
  strings = zip_member (xlsx, "xl/sharedStrings.xml");
  g_assert_nonnull (xml);
  /* M2 (Votes of the first row) is the number 4, not the text "4" */
  g_assert_nonnull (strstr (xml, "<c r=\"M2\"><v>4</v></c>"));
  g_assert_nonnull (strstr (strings, name1));
}

/* The candidate list: every candidate, the header and the BOM; in .xlsx too. */
static void
test_candidates (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL, *csv = NULL, *xlsx = NULL, *xml = NULL;
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *c0;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==, 0);
  csv = g_build_filename (f->dir, "名单.csv", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "candidates", "-o", csv,
                            NULL), ==, 0);
  table = read_csv (csv);
  g_assert_cmpuint (table->rows->len, ==, 13);
  list = run_json (f->db, "candidates", NULL);
  c0 = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (field (table, 1, "Name"), ==, json_object_get_string_member (c0, "name"));
  g_assert_cmpstr (field (table, 1, "Trade"), ==, json_object_get_string_member (c0, "trade"));
  g_assert_cmpstr (field (table, 1, "Nominating unit"), ==,
                   json_object_get_string_member (c0, "unit"));

  xlsx = g_build_filename (f->dir, "名单.xlsx", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "candidates", "-o", xlsx,
                            NULL), ==, 0);
  xml = zip_member (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (xml, "ySplit=\"1\""));
}

/* Wrong usage says what to give; an unwritable place says which folder; neither leaves a
 * file. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-folder", "x.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "x.pdf", NULL);

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "ballots", "-o", pdf,
                            NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--what candidates or --what results"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "results", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "-o FILE.xlsx"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "results", "-o", pdf,
                            NULL), ==, 2);
  g_assert_nonnull (strstr (err, ".xlsx (Excel) or .csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", "--db", f->db, "--what", "candidates", "-o",
                            missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_assert_nonnull (strstr (err, missing));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/export/results", Fixture, NULL, fixture_set_up, test_results,
              fixture_tear_down);
  g_test_add ("/cli/export/candidates", Fixture, NULL, fixture_set_up, test_candidates,
              fixture_tear_down);
  g_test_add ("/cli/export/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  return g_test_run ();
}
