/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "core/jp-csv.h"
#include "core/jp-sheet.h"
#include "demo/jp-demo.h"
#include "documents/jp-export.h"
#include "store/jp-store-export.h"

#define BOM "\xEF\xBB\xBF"

typedef struct {
  char *dir;
} Fixture;

static void
rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  g_chmod (dir, 0755);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jp-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rm_rf (f->dir);
  g_free (f->dir);
}

/* The names in `dir`, sorted, joined by spaces: what a person sees in the folder. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* One member of a zip (an .xlsx is one), read with libarchive; NULL if absent. */
static char *
zip_member (const char *path,
            const char *member)
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
          g_assert_cmpint (n, ==, 0);
          found = g_string_free (s, FALSE);
        }
      else
        archive_read_data_skip (a);
    }
  archive_read_free (a);
  return found;
}

/* The <c> element of cell `ref` ("C2") in a worksheet's XML, or NULL. */
static char *
cell_xml (const char *sheet_xml,
          const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = strstr (sheet_xml, needle);
  const char *end;

  if (start == NULL)
    return NULL;
  end = strstr (start, "</c>");
  if (end == NULL || (strstr (start, "/>") != NULL && strstr (start, "/>") < end &&
                      strchr (start, '>') == strstr (start, "/>") + 1))
    end = strstr (start, "/>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start + 2);
}

static JpSheet *
sample_sheet (void)
{
  JpSheet *sheet = jp_sheet_new ("候选人", "测试名单");

  jp_sheet_add_column (sheet, "姓名", JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, "身份证号", JP_SHEET_DIGITS);
  jp_sheet_add_column (sheet, "得票数", JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, "推荐单位", JP_SHEET_TEXT);
  jp_sheet_new_row (sheet);
  jp_sheet_add_text (sheet, "王喆");
  jp_sheet_add_text (sheet, "150203198507120019");
  jp_sheet_add_int (sheet, 12);
  jp_sheet_add_text (sheet, "包头\"北方\"重工, 分厂");
  jp_sheet_new_row (sheet);
  jp_sheet_add_text (sheet, "=HYPERLINK(\"http://x\",\"点我\")");
  jp_sheet_add_text (sheet, "15020319850712001X");
  jp_sheet_add_int (sheet, -3);
  jp_sheet_add_text (sheet, "第一行\n第二行");
  jp_sheet_new_row (sheet);
  jp_sheet_add_text (sheet, "@SUM(A1)");
  jp_sheet_add_text (sheet, NULL);
  jp_sheet_add_text (sheet, NULL);
  jp_sheet_add_text (sheet, "+1");
  jp_sheet_new_row (sheet);
  jp_sheet_add_text (sheet, "-2+3");
  jp_sheet_add_text (sheet, "0472");
  jp_sheet_add_int (sheet, 0);
  jp_sheet_add_text (sheet, "\t=1");
  return sheet;
}

/* The whole CSV, byte for byte: BOM, CRLF, RFC 4180 quotes, apostrophe before anything that
 * starts like a formula, a tab after digit-only identifiers, numbers left alone. */
static void
test_csv_bytes (Fixture *f, gconstpointer data)
{
  g_autoptr(JpSheet) sheet = sample_sheet ();
  g_autoptr(GBytes) bytes = jp_export_csv_bytes (sheet);
  g_autofree char *path = g_build_filename (f->dir, "名单.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected =
    BOM "姓名,身份证号,得票数,推荐单位\r\n"
    "王喆,150203198507120019\t,12,\"包头\"\"北方\"\"重工, 分厂\"\r\n"
    "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",15020319850712001X,-3,\"第一行\n第二行\"\r\n"
    "'@SUM(A1),,,'+1\r\n"
    "'-2+3,0472\t,0,'\t=1\r\n";
  gsize length;

  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected);

  g_assert_true (jp_export_write (sheet, path, JP_EXPORT_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  /* no temporary file is left beside it */
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "名单.csv");
}

/* The CSV reads back (our own RFC 4180 reader) into the same fields. */
static void
test_csv_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(JpSheet) sheet = sample_sheet ();
  g_autoptr(GBytes) bytes = jp_export_csv_bytes (sheet);
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);
  GPtrArray *row;

  table = jp_csv_parse (text, length, "名单.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (table->encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpuint (table->rows->len, ==, 5);
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "王喆");
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "包头\"北方\"重工, 分厂");
  row = g_ptr_array_index (table->rows, 2);
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "第一行\n第二行");
}

static void
test_xlsx_cells (Fixture *f, gconstpointer data)
{
  g_autoptr(JpSheet) sheet = sample_sheet ();
  g_autofree char *path = g_build_filename (f->dir, "名单.xlsx", NULL);
  g_autofree char *xml = NULL, *strings = NULL, *styles = NULL, *core = NULL;
  g_autofree char *listing = NULL, *workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *c2 = NULL, *b2 = NULL, *a3 = NULL, *c3 = NULL, *b5 = NULL;

  g_assert_true (jp_export_write (sheet, path, JP_EXPORT_FORMAT_XLSX, &error));
  g_assert_no_error (error);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "名单.xlsx");

  xml = zip_member (path, "xl/worksheets/sheet1.xml");
  strings = zip_member (path, "xl/sharedStrings.xml");
  styles = zip_member (path, "xl/styles.xml");
  core = zip_member (path, "docProps/core.xml");
  workbook = zip_member (path, "xl/workbook.xml");
  g_assert_nonnull (xml);
  g_assert_nonnull (strings);

  /* the tab's name and the title */
  g_assert_nonnull (strstr (workbook, "name=\"候选人\""));
  g_assert_nonnull (strstr (core, "<dc:title>测试名单</dc:title>"));

  /* numbers are number cells (no t="s"), text and identifiers are strings */
  c2 = cell_xml (xml, "C2");
  g_assert_nonnull (c2);
  g_assert_null (strstr (c2, "t=\""));
  g_assert_nonnull (strstr (c2, "<v>12</v>"));
  c3 = cell_xml (xml, "C3");
  g_assert_nonnull (strstr (c3, "<v>-3</v>"));
  b2 = cell_xml (xml, "B2");
  g_assert_nonnull (strstr (b2, "t=\"s\""));
  b5 = cell_xml (xml, "B5");
  g_assert_nonnull (strstr (b5, "t=\"s\""));
  g_assert_nonnull (strstr (strings, "<t>150203198507120019</t>"));
  g_assert_nonnull (strstr (strings, "<t>0472</t>"));
  g_assert_nonnull (strstr (strings, "<t>王喆</t>"));
  g_assert_nonnull (strstr (strings, "<t>包头\"北方\"重工, 分厂</t>"));

  /* formula-like text is a string cell holding the text, and there is no formula anywhere */
  a3 = cell_xml (xml, "A3");
  g_assert_nonnull (strstr (a3, "t=\"s\""));
  g_assert_null (strstr (xml, "<f>"));
  g_assert_nonnull (strstr (strings, "<t>=HYPERLINK(\"http://x\",\"点我\")</t>"));

  /* a frozen header row, widths set, the header bold, identifiers formatted as text */
  g_assert_nonnull (strstr (xml, "ySplit=\"1\""));
  g_assert_nonnull (strstr (xml, "state=\"frozen\""));
  g_assert_nonnull (strstr (xml, "<cols>"));
  g_assert_nonnull (strstr (xml, "customWidth=\"1\""));
  g_assert_nonnull (strstr (xml, "<autoFilter ref=\"A1:D5\""));
  g_assert_nonnull (strstr (styles, "<b/>"));
  g_assert_nonnull (strstr (styles, "formatCode=\"@\""));
}

/* Widths follow the text: a column of Chinese text is about twice as wide as one of the same
 * number of digits. */
static void
test_text_width (void)
{
  g_assert_cmpuint (jp_sheet_text_width ("王喆"), ==, 4);
  g_assert_cmpuint (jp_sheet_text_width ("1234"), ==, 4);
  g_assert_cmpuint (jp_sheet_text_width ("包头（北方）"), ==, 12);
  g_assert_cmpuint (jp_sheet_text_width ("ab\n包头市"), ==, 6);
  g_assert_cmpuint (jp_sheet_text_width (NULL), ==, 0);
  g_assert_true (jp_sheet_text_is_formula_like ("=1"));
  g_assert_true (jp_sheet_text_is_formula_like ("-1"));
  g_assert_true (jp_sheet_text_is_formula_like ("\r=1"));
  g_assert_false (jp_sheet_text_is_formula_like ("王=1"));
  g_assert_false (jp_sheet_text_is_formula_like (""));
  g_assert_false (jp_sheet_text_is_formula_like (NULL));
}

static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr(JpSheet) sheet = sample_sheet ();
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.xlsx", NULL);
  g_autofree char *file = g_build_filename (f->dir, "plain", NULL);
  g_autofree char *under_file = g_build_filename (file, "x.csv", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  JpExportFormat format;

  g_assert_false (jp_export_write (sheet, missing, JP_EXPORT_FORMAT_XLSX, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_file_set_contents (file, "x", -1, &error);
  g_assert_no_error (error);
  g_assert_false (jp_export_write (sheet, under_file, JP_EXPORT_FORMAT_CSV, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  /* a folder given as the file */
  g_assert_false (jp_export_write (sheet, f->dir, JP_EXPORT_FORMAT_CSV, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* a folder without write permission (root writes anywhere: only checked for others) */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "x.xlsx", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (jp_export_write (sheet, inside, JP_EXPORT_FORMAT_XLSX, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "cannot be written"));
      g_clear_error (&error);
    }

  g_assert_false (jp_export_format_for_path ("名单.pdf", &format, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "名单.pdf"));
  g_clear_error (&error);
  g_assert_true (jp_export_format_for_path ("名单.XLSX", &format, &error));
  g_assert_cmpint (format, ==, JP_EXPORT_FORMAT_XLSX);
  g_assert_true (jp_export_format_for_path ("a.b.Csv", &format, &error));
  g_assert_cmpint (format, ==, JP_EXPORT_FORMAT_CSV);

  /* nothing was left behind by the failures */
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "plain");
}

/* An existing file is replaced whole, never truncated first: the old file stays until the
 * new one is complete. */
static void
test_replace (Fixture *f, gconstpointer data)
{
  g_autoptr(JpSheet) sheet = sample_sheet ();
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (jp_export_write (sheet, path, JP_EXPORT_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  /* a rename gives a new inode; an in-place rewrite would keep it */
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_true (g_str_has_prefix (text, BOM "姓名,"));
}

static GPtrArray *
find_row (JpCsvTable *table,
          guint       column,
          const char *value)
{
  for (guint i = 1; i < table->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, i);

      if (column < row->len && g_strcmp0 (g_ptr_array_index (row, column), value) == 0)
        return row;
    }
  return NULL;
}

static guint
column_index (JpCsvTable *table,
              const char *title)
{
  GPtrArray *header = g_ptr_array_index (table->rows, 0);

  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), title) == 0)
      return i;
  g_error ("no column “%s”", title);
  return 0;
}

/* The candidate list of a demo election, with a name outside GB 2312, a unit with a comma
 * and quotes and a position that looks like a formula, exported and read back. */
static void
test_demo_candidates (Fixture *f, gconstpointer data)
{
  g_autofree char *db = g_build_filename (f->dir, "demo.jiangping", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "candidates.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "candidates.xlsx", NULL);
  g_autofree char *text = NULL, *strings = NULL, *xml = NULL;
  g_autofree char *id_cell = NULL;
  JpDemoOptions options = { .candidates = 12, .seed = JP_DEMO_DEFAULT_SEED };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(JpCandidate) first = NULL, c = NULL;
  g_autoptr(JpSheet) sheet = NULL;
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *row;
  gsize length;

  store = jp_demo_create (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  list = jp_store_list_candidates (store, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (list, 0);
  c = jp_store_get_candidate (store, first->id, &error);
  g_assert_no_error (error);
  g_free (c->name);
  c->name = g_strdup ("王喆");
  g_free (c->unit);
  c->unit = g_strdup ("包头\"北方\"重工, 分厂");
  g_free (c->position);
  c->position = g_strdup ("=1+2");
  g_assert_true (jp_store_save_candidate (store, c, NULL, "test", NULL, &error));
  g_assert_no_error (error);

  sheet = jp_store_export_sheet (store, JP_EXPORT_CANDIDATES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 12);
  g_assert_true (jp_export_write (sheet, csv, JP_EXPORT_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (jp_export_write (sheet, xlsx, JP_EXPORT_FORMAT_XLSX, &error));
  g_assert_no_error (error);

  g_file_get_contents (csv, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, BOM));
  table = jp_csv_parse (text, length, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 13);
  row = find_row (table, column_index (table, "Name"), "王喆");
  g_assert_nonnull (row);
  g_assert_cmpstr (g_ptr_array_index (row, column_index (table, "Nominating unit")), ==,
                   "包头\"北方\"重工, 分厂");
  g_assert_cmpstr (g_ptr_array_index (row, column_index (table, "Position")), ==, "'=1+2");
  g_assert_cmpstr (g_ptr_array_index (row, column_index (table, "Qualification")), ==,
                   "Awaiting review");
  id_cell = g_strdup (g_ptr_array_index (row, column_index (table, "ID number")));
  g_assert_cmpstr (g_strstrip (id_cell), ==, c->id_number);
  g_assert_cmpstr (g_ptr_array_index (row, column_index (table, "Trade")), ==, c->trade);

  strings = zip_member (xlsx, "xl/sharedStrings.xml");
  xml = zip_member (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (strings, "<t>王喆</t>"));
  g_assert_nonnull (strstr (strings, "<t>=1+2</t>"));
  g_assert_nonnull (strstr (strings, c->id_number));
  g_assert_nonnull (strstr (xml, "<autoFilter ref=\"A1:S13\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/documents/export/text-width", test_text_width);
  g_test_add ("/documents/export/csv-bytes", Fixture, NULL, fixture_set_up, test_csv_bytes,
              fixture_tear_down);
  g_test_add ("/documents/export/csv-round-trip", Fixture, NULL, fixture_set_up,
              test_csv_round_trip, fixture_tear_down);
  g_test_add ("/documents/export/xlsx-cells", Fixture, NULL, fixture_set_up, test_xlsx_cells,
              fixture_tear_down);
  g_test_add ("/documents/export/unwritable", Fixture, NULL, fixture_set_up, test_unwritable,
              fixture_tear_down);
  g_test_add ("/documents/export/replace", Fixture, NULL, fixture_set_up, test_replace,
              fixture_tear_down);
  g_test_add ("/documents/export/demo-candidates", Fixture, NULL, fixture_set_up,
              test_demo_candidates, fixture_tear_down);
  return g_test_run ();
}
