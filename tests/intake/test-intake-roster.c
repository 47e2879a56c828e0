/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-intake-roster"

#include "config.h"

#include "intake-test-util.h"

/* ---- roster ---- */

static const char roster_header[] =
  "序号,推荐单位,姓名,性别,民族,出生年月,政治面貌,文化程度,工作单位及职务,工种,技能等级/职称,"
  "主要荣誉,符合条件,联系电话,身份证号,行业\n";

static char *
roster_row (guint        n,
            const char  *name,
            const char  *id,
            const char  *phone)
{
  return g_strdup_printf ("%u,包头钢铁集团工会,%s,男,汉族,1978-04,中共党员,大专,"
                          "\"包钢稀土 冶炼班长\",稀土冶炼工,高级技师,\"2019年获五一劳动奖章，"
                          "2021年获技术能手\",\"1,4\",%s,%s,稀土\n", n, name, phone, id);
}

static char *
write_roster (Fixture    *f,
              const char *file,
              const char *text)
{
  char *path = g_build_filename (f->dir, file, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The roster header and `rows` (NULL-terminated) written to `file` and imported, which
 * must not fail. */
static JpImportReport *
import_roster_rows (Fixture    *f,
                    const char *file,
                    const char *first_row,
                    ...)
{
  g_autoptr(GString) text = g_string_new (roster_header);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  JpImportReport *report;
  va_list ap;

  va_start (ap, first_row);
  for (const char *row = first_row; row != NULL; row = va_arg (ap, const char *))
    g_string_append (text, row);
  va_end (ap);
  path = write_roster (f, file, text->str);
  report = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
check_roster_import (Fixture    *f,
                     const char *path,
                     const char *id1)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report =
    jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_autoptr(JpCandidate) c = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->rejected, ==, 0);
  g_assert_nonnull (strstr (entry_at (report, 0)->source, "line 2"));
  g_assert_nonnull (strstr (entry_at (report, 1)->source, "line 3"));
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->name, ==, "高峰");
  g_assert_cmpstr (c->unit, ==, "包头钢铁集团工会");
  g_assert_cmpstr (c->phone, ==, "13800000001");
  g_assert_cmpstr (c->employer, ==, "包钢稀土");
  g_assert_cmpstr (c->position, ==, "冶炼班长");
  g_assert_cmpuint (c->criteria, ==, (1u << 1) | (1u << 4));
}

static char *
roster_text (const char *id1,
             const char *id2)
{
  g_autofree char *r1 = roster_row (1, "高峰", id1, "13800000001");
  g_autofree char *r2 = roster_row (2, "田野", id2, "13800000002");

  return g_strconcat (roster_header, r1, r2, NULL);
}

static void
test_roster_utf8 (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id1 = id_for (101);
  g_autofree char *id2 = id_for (102);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = write_roster (f, "roster.csv", text);

  check_roster_import (f, path, id1);
}

static void
test_roster_utf8_bom (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id1 = id_for (103);
  g_autofree char *id2 = id_for (104);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
  g_autofree char *path = write_roster (f, "roster-bom.csv", bom);

  check_roster_import (f, path, id1);
}

static void
test_roster_gb18030 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id1 = id_for (105);
  g_autofree char *id2 = id_for (106);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = g_build_filename (f->dir, "roster-gbk.csv", NULL);
  g_autofree char *gbk = NULL;
  gsize len = 0;

  gbk = g_convert (text, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (gbk);
  g_assert_false (g_utf8_validate (gbk, (gssize) len, NULL));
  g_assert_true (g_file_set_contents (path, gbk, (gssize) len, NULL));

  check_roster_import (f, path, id1);
}

static void
test_roster_unparsable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id1 = id_for (107);
  g_autofree char *text = g_strconcat (roster_header,
                                       "1,包头钢铁集团工会,高峰,男\n"
                                       "2,包头钢铁集团工会,\"田野,男\n", NULL);
  g_autofree char *quote = write_roster (f, "quote.csv", text);
  g_autofree char *empty = write_roster (f, "empty.csv", "");
  g_autofree char *binary = g_build_filename (f->dir, "binary.csv", NULL);
  g_autoptr(GBytes) png = make_png (8, 8, 0.1);
  g_autoptr(GError) error = NULL;
  JpImportReport *report;

  report = jp_intake_import_roster (f->store, quote, "test", NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "quote.csv"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  report = jp_intake_import_roster (f->store, empty, "test", NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (binary, g_bytes_get_data (png, NULL),
                                      (gssize) g_bytes_get_size (png), NULL));
  report = jp_intake_import_roster (f->store, binary, "test", NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "binary.csv"));
  g_clear_error (&error);

  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
  (void) id1;
}

static void
test_roster_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id1 = id_for (108);
  g_autofree char *id2 = id_for (109);
  g_autofree char *r1 = roster_row (1, "高峰", id1, "13800000001");
  g_autofree char *r2 = roster_row (2, "田野", id2, "13800000002");
  g_autofree char *header = g_strndup (roster_header, strlen (roster_header) - 1);
  g_autofree char *r1x = g_strndup (r1, strlen (r1) - 1);
  g_autofree char *r2x = g_strndup (r2, strlen (r2) - 1);
  g_autofree char *text = g_strdup_printf ("%s,备注栏\n%s,甲\n%s,乙\n%s,丙\n",
                                           header, r1x, r2x, r1x);
  g_autofree char *path = write_roster (f, "roster.csv", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report =
    jp_intake_import_roster (f->store, path, "test", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
  g_assert_true (findings_mention (report->problems, "备注栏"));
  /* the duplicate: the repeated row (line 4) and the line it repeats */
  g_assert_true (findings_mention (report->problems, "4"));
}

static void
test_roster_reimport_and_merge (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id1 = id_for (110);
  g_autofree char *id2 = id_for (111);
  g_autofree char *dir = write_dossier (f->dir, "高峰", "高峰", id1, NULL);
  g_autoptr(JpImportReport) dossier = import_one (f, dir);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = write_roster (f, "roster.csv", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) first = NULL;
  g_autoptr(JpImportReport) second = NULL;
  g_autoptr(JpCandidate) c = NULL;

  g_assert_cmpuint (dossier->added, ==, 1);
  first = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->updated, ==, 1);
  g_assert_cmpuint (first->added, ==, 1);

  second = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->updated, ==, 2);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);

  /* the roster's columns win, the dossier's summary, deeds and files stay */
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->phone, ==, "13800000001");
  g_assert_cmpstr (c->unit, ==, "包头钢铁集团工会");
  g_assert_true (g_str_has_prefix (c->summary, "长期扎根"));
  g_assert_cmpstr (c->ethnicity, ==, "汉族");
  g_assert_cmpint (c->years_in_trade, ==, 26);
  g_assert_cmpuint (c->n_photos, ==, 3);
  g_assert_cmpuint (c->documents->len, ==, 6);
}

static void
test_roster_sql_verbatim (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id1 = id_for (112);
  g_autofree char *row = g_strdup_printf ("1,\"x'); DROP TABLE candidate;--\",\"Robert'); "
                                          "DELETE FROM candidate; --\",男,汉族,1978-04,群众,"
                                          "大专,a,b,c,\"%%' OR 1=1 --\",1,138,%s,稀土\n", id1);
  g_autofree char *text = g_strconcat (roster_header, row, NULL);
  g_autofree char *path = write_roster (f, "sql.csv", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report =
    jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_autoptr(JpCandidate) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->name, ==, "Robert'); DELETE FROM candidate; --");
  g_assert_cmpstr (c->unit, ==, "x'); DROP TABLE candidate;--");
  g_assert_cmpstr (c->honours, ==, "%' OR 1=1 --");
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 1);
}

/* An Excel user re-saved the roster: the ID column became a number, shown as 1.50202E+17
 * in one row and rounded to 15 significant digits in the other. */
static void
test_roster_excel_id_numbers (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id1 = id_for (120);
  g_autofree char *id2 = id_for (121);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = write_roster (f, "roster.csv", text);
  g_autofree char *rounded = g_strdup_printf ("%.15s000", id2);
  g_autofree char *r1 = roster_row (1, "高峰", "1.50202E+17", "13900000001");
  g_autofree char *r2 = roster_row (2, "田野", rounded, "13900000002");
  g_autofree char *excel = g_strconcat (roster_header, r1, r2, NULL);
  g_autofree char *excel_path = write_roster (f, "roster-excel.csv", excel);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) first = NULL;
  g_autoptr(JpImportReport) second = NULL;
  g_autoptr(JpCandidate) c = NULL;
  JpImportEntry *e;

  first = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 2);

  second = jp_intake_import_roster (f->store, excel_path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->rejected, ==, 2);
  /* still one 高峰 and one 田野, with the phone numbers of the good file */
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->name, ==, "高峰");
  g_assert_cmpstr (c->phone, ==, "13800000001");

  e = entry_at (second, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_cmpstr (e->name, ==, "高峰");
  g_assert_nonnull (strstr (e->reason, "roster-excel.csv, line 2"));
  g_assert_nonnull (strstr (e->reason, "1.50202E+17"));
  g_assert_nonnull (strstr (e->reason, "text"));
  e = entry_at (second, 1);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (e->reason, "line 3"));
  g_assert_nonnull (strstr (e->reason, rounded));
}

/* A second record for the same name and unit is never made silently. */
static void
test_roster_same_name_and_unit (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id1 = id_for (122);
  g_autofree char *id2 = id_for (123);
  g_autofree char *r1 = roster_row (1, "高峰", id1, "13800000001");
  g_autofree char *r2 = roster_row (1, "高峰", id2, "13800000001");
  g_autoptr(JpImportReport) first = import_roster_rows (f, "first.csv", r1, NULL);
  g_autoptr(JpImportReport) second = import_roster_rows (f, "second.csv", r2, NULL);
  JpImportEntry *e;

  e = entry_at (second, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_true (findings_mention (e->findings, id1));
  g_assert_true (findings_mention (e->findings, id2));
  g_assert_true (findings_mention (e->findings, "高峰"));
}

/* 赵大勇 and 赵大永 of one unit: maybe one person typed twice; the second is added with a
 * warning naming both, and a different name of the unit gets none. */
static void
test_roster_near_names (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id1 = id_for (124);
  g_autofree char *id2 = id_for (125);
  g_autofree char *id3 = id_for (126);
  g_autofree char *r1 = roster_row (1, "赵大勇", id1, "13800000001");
  g_autofree char *r2 = roster_row (1, "赵大永", id2, "13800000002");
  g_autofree char *r3 = roster_row (1, "钱伟", id3, "13800000003");
  g_autoptr(JpImportReport) first = import_roster_rows (f, "first.csv", r1, NULL);
  g_autoptr(JpImportReport) second = import_roster_rows (f, "second.csv", r2, r3, NULL);
  JpImportEntry *e;

  e = entry_at (second, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_true (findings_mention (e->findings, "赵大勇"));
  g_assert_true (findings_mention (e->findings, "赵大永"));
  e = entry_at (second, 1);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_false (findings_mention (e->findings, "赵大"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/intake/roster/utf8", test_roster_utf8);
  ADD ("/intake/roster/utf8-bom", test_roster_utf8_bom);
  ADD ("/intake/roster/gb18030", test_roster_gb18030);
  ADD ("/intake/roster/unparsable", test_roster_unparsable);
  ADD ("/intake/roster/problems", test_roster_problems);
  ADD ("/intake/roster/reimport-merge", test_roster_reimport_and_merge);
  ADD ("/intake/roster/sql-verbatim", test_roster_sql_verbatim);
  ADD ("/intake/roster/excel-id-numbers", test_roster_excel_id_numbers);
  ADD ("/intake/roster/same-name-and-unit", test_roster_same_name_and_unit);
  ADD ("/intake/roster/near-names", test_roster_near_names);

  return g_test_run ();
}
