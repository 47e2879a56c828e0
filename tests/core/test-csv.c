/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static const char *
cell (JpCsvTable *t,
      guint       row,
      guint       col)
{
  GPtrArray *r;

  g_assert_cmpuint (row, <, t->rows->len);
  r = g_ptr_array_index (t->rows, row);
  g_assert_cmpuint (col, <, r->len);
  return g_ptr_array_index (r, col);
}

static guint
row_len (JpCsvTable *t,
         guint       row)
{
  return ((GPtrArray *) g_ptr_array_index (t->rows, row))->len;
}

static guint
line_of (JpCsvTable *t,
         guint       row)
{
  return g_array_index (t->row_lines, guint, row);
}

static JpCsvTable *
parse_ok (const char *data,
          gssize      len)
{
  g_autoptr(GError) error = NULL;
  JpCsvTable *t = jp_csv_parse (data, len < 0 ? strlen (data) : (gsize) len, "名单.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static void
test_utf8 (void)
{
  g_autoptr(JpCsvTable) t = parse_ok ("姓名,性别\n王建华,男\n", -1);

  g_assert_cmpstr (t->encoding, ==, "UTF-8");
  g_assert_cmpuint (t->rows->len, ==, 2);
  g_assert_cmpstr (cell (t, 1, 0), ==, "王建华");
  g_assert_cmpstr (cell (t, 1, 1), ==, "男");
  g_assert_cmpuint (line_of (t, 1), ==, 2);
}

static void
test_utf8_bom (void)
{
  g_autoptr(JpCsvTable) t = parse_ok ("\xEF\xBB\xBF姓名,性别\r\n李娜,女\r\n", -1);

  g_assert_cmpstr (t->encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpstr (cell (t, 0, 0), ==, "姓名");
  g_assert_cmpstr (cell (t, 1, 0), ==, "李娜");
}

static void
test_gb18030 (void)
{
  const char *utf8 = "姓名,推荐单位\n张伟,包头钢铁（集团）有限责任公司\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autoptr(JpCsvTable) t = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, len, NULL));
  t = parse_ok (gb, len);
  g_assert_cmpstr (t->encoding, ==, "GB18030");
  g_assert_cmpstr (cell (t, 1, 0), ==, "张伟");
  g_assert_cmpstr (cell (t, 1, 1), ==, "包头钢铁（集团）有限责任公司");
}

static void
test_quoting (void)
{
  g_autoptr(JpCsvTable) t = parse_ok ("姓名,主要荣誉,备注\n"
                                      "\"王, 建华\",\"获\"\"五一劳动奖章\"\"\",\"第一行\n第二行\"\n"
                                      "赵六,a\"b,\"\"\n", -1);

  g_assert_cmpuint (t->rows->len, ==, 3);
  g_assert_cmpstr (cell (t, 1, 0), ==, "王, 建华");
  g_assert_cmpstr (cell (t, 1, 1), ==, "获\"五一劳动奖章\"");
  g_assert_cmpstr (cell (t, 1, 2), ==, "第一行\n第二行");
  /* the row after a field with a newline starts on line 4 */
  g_assert_cmpuint (line_of (t, 2), ==, 4);
  /* a quote inside an unquoted field is literal */
  g_assert_cmpstr (cell (t, 2, 1), ==, "a\"b");
  g_assert_cmpstr (cell (t, 2, 2), ==, "");
}

static void
test_line_ends (void)
{
  g_autoptr(JpCsvTable) crlf = parse_ok ("a,b\r\n1,2\r\n\r\n3,4", -1);
  g_autoptr(JpCsvTable) cr = parse_ok ("a,b\r1,\"x\r\ny\"\r3,4\r", -1);

  /* the empty line is skipped, the last line has no line end */
  g_assert_cmpuint (crlf->rows->len, ==, 3);
  g_assert_cmpstr (cell (crlf, 1, 1), ==, "2");
  g_assert_cmpstr (cell (crlf, 2, 0), ==, "3");
  g_assert_cmpstr (cell (crlf, 2, 1), ==, "4");
  g_assert_cmpuint (line_of (crlf, 2), ==, 4);
  g_assert_cmpuint (row_len (crlf, 2), ==, 2);

  g_assert_cmpuint (cr->rows->len, ==, 3);
  g_assert_cmpstr (cell (cr, 1, 1), ==, "x\ny");
  g_assert_cmpuint (line_of (cr, 2), ==, 4);
}

static void
test_excel_padding (void)
{
  g_autoptr(JpCsvTable) t = parse_ok ("姓名 , 身份证号 ,电话\n"
                                      "  王建华  , =\"150202197804120314\" , \"138 0000\"  \n"
                                      ",,\n", -1);

  g_assert_cmpuint (t->rows->len, ==, 2);
  g_assert_cmpstr (cell (t, 0, 1), ==, "身份证号");
  g_assert_cmpstr (cell (t, 1, 0), ==, "王建华");
  g_assert_cmpstr (cell (t, 1, 1), ==, "150202197804120314");
  g_assert_cmpstr (cell (t, 1, 2), ==, "138 0000");
}

static void
test_unclosed (void)
{
  g_autoptr(GError) error = NULL;
  const char *data = "姓名,荣誉\n王建华,好\n李娜,\"未闭合\n的字段\n";
  g_autoptr(JpCsvTable) t = jp_csv_parse (data, strlen (data), "名单.csv", &error);

  g_assert_null (t);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "名单.csv"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_null (strstr (error->message, "4"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCsvTable) t = jp_csv_parse ("", 0, "空.csv", &error);
  g_autoptr(JpCsvTable) t2 = NULL;

  g_assert_null (t);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "空.csv"));
  g_clear_error (&error);

  t2 = jp_csv_parse ("\xEF\xBB\xBF", 3, "bom.csv", &error);
  g_assert_null (t2);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "bom.csv"));
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char controls[] = "a\x01,b\x02\nc\x03,d\x04\x05\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCsvTable) t = jp_csv_parse (png, sizeof png - 1, "photo.csv", &error);
  g_autoptr(JpCsvTable) t2 = NULL;

  g_assert_null (t);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "photo.csv"));
  g_clear_error (&error);

  t2 = jp_csv_parse (controls, sizeof controls - 1, "ctl.csv", &error);
  g_assert_null (t2);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "ctl.csv"));
}

static void
test_invalid_bytes (void)
{
  /* 0xFF can start no GB18030 character and is never UTF-8 */
  static const char bad[] = "name\n\xFF\xFF\xFF\n";
  /* invalid UTF-8 after a UTF-8 BOM is not taken as GB18030 */
  static const char bom_bad[] = "\xEF\xBB\xBFname\n\xD5\xC5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCsvTable) t = jp_csv_parse (bad, sizeof bad - 1, "bad.csv", &error);
  g_autoptr(JpCsvTable) t2 = NULL;

  g_assert_null (t);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "bad.csv"));
  g_clear_error (&error);

  t2 = jp_csv_parse (bom_bad, sizeof bom_bad - 1, "bom.csv", &error);
  g_assert_null (t2);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_ENCODING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv/utf8", test_utf8);
  g_test_add_func ("/core/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/csv/gb18030", test_gb18030);
  g_test_add_func ("/core/csv/quoting", test_quoting);
  g_test_add_func ("/core/csv/line-ends", test_line_ends);
  g_test_add_func ("/core/csv/excel-padding", test_excel_padding);
  g_test_add_func ("/core/csv/unclosed-quote", test_unclosed);
  g_test_add_func ("/core/csv/empty", test_empty);
  g_test_add_func ("/core/csv/binary", test_binary);
  g_test_add_func ("/core/csv/invalid-bytes", test_invalid_bytes);

  return g_test_run ();
}
