/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <string.h>
#include <poppler.h>

#include "documents/jp-pdf-private.h"

/* poppler-glib 22.12 declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define NAME "欧阳建华"
#define UNIT "包头瑞晟稀土材料有限公司工会"

static PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
page_text (PopplerDocument *doc, int index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);

  g_assert_nonnull (page);
  return poppler_page_get_text (page);
}

static void
test_find_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *song = NULL;
  g_autofree char *kai = NULL;

  song = jp_pdf_find_font (JP_FONT_SONG, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (song, G_FILE_TEST_IS_REGULAR));
  kai = jp_pdf_find_font (JP_FONT_KAI, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (kai, G_FILE_TEST_IS_REGULAR));
}

static void
test_find_font_env (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *song = jp_pdf_find_font (JP_FONT_SONG, NULL);

  /* an override naming a real file is used as is */
  g_setenv ("JP_FONT_KAI", song, TRUE);
  found = jp_pdf_find_font (JP_FONT_KAI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, song);
  g_clear_pointer (&found, g_free);

  /* an override naming a missing file is an error naming the file and the variable */
  g_setenv ("JP_FONT_KAI", "/nonexistent/fangsong.ttf", TRUE);
  found = jp_pdf_find_font (JP_FONT_KAI, &error);
  g_assert_null (found);
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/fangsong.ttf"));
  g_assert_nonnull (strstr (error->message, "JP_FONT_KAI"));
  g_unsetenv ("JP_FONT_KAI");
}

static void
check_evidence (JpDemoDocKind kind, int pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  bytes = jp_pdf_demo_evidence (kind, NAME, UNIT, "一种稀土熔盐电解槽阴极导电装置", "包头市总工会",
                                2022, pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_test_message ("evidence kind %d, %d pages: %" G_GSIZE_FORMAT " bytes", kind, pages,
                  g_bytes_get_size (bytes));
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 300 * 1024);

  doc = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, pages);
  first = page_text (doc, 0);
  g_assert_nonnull (strstr (first, NAME));
  g_assert_nonnull (strstr (first, UNIT));
  last = page_text (doc, pages - 1);
  g_assert_nonnull (strstr (last, NAME));
}

static void
test_demo_honour (void)
{
  check_evidence (JP_DEMO_DOC_HONOUR, 1);
}

static void
test_demo_patent (void)
{
  check_evidence (JP_DEMO_DOC_PATENT, 4);
}

static void
test_demo_competition (void)
{
  check_evidence (JP_DEMO_DOC_COMPETITION, 2);
}

static void
test_demo_no_record (void)
{
  check_evidence (JP_DEMO_DOC_NO_CRIMINAL_RECORD, 1);
}

static void
test_demo_rare_character (void)
{
  /* 堃 is outside GB 2312: the document must still carry the name (UTF-8 fallback) */
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jp_pdf_demo_evidence (JP_DEMO_DOC_HONOUR, "王堃", UNIT,
                                                  "包头市劳动模范", "包头市总工会", 2021, 1,
                                                  &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  doc = open_pdf (bytes);
  text = page_text (doc, 0);
  g_assert_nonnull (strstr (text, "王堃"));
}

static void
test_demo_deterministic (void)
{
  g_autoptr(GBytes) a = jp_pdf_demo_evidence (JP_DEMO_DOC_PATENT, NAME, UNIT, "一种焊接工装",
                                              "包头市总工会", 2020, 3, NULL);
  g_autoptr(GBytes) b = jp_pdf_demo_evidence (JP_DEMO_DOC_PATENT, NAME, UNIT, "一种焊接工装",
                                              "包头市总工会", 2020, 3, NULL);
  g_autoptr(GBytes) c = jp_pdf_demo_evidence (JP_DEMO_DOC_PATENT, "李明", UNIT, "一种焊接工装",
                                              "包头市总工会", 2020, 3, NULL);

  g_assert_nonnull (a);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
}

static const char paragraph[] =
  "他长期扎根稀土冶炼一线，先后完成“稀土熔盐电解槽阴极结构改进”等技术攻关12项，"
  "获得国家专利授权5项（其中发明专利2项），年创经济效益约320万元。他说：“工匠精神，"
  "就是把平凡的事情做到极致。”在《岗位操作规范》修订中，他提出的建议被全部采纳；"
  "同时，他带徒传技，培养高级技师3名、技师8名！ZL201910123456.7号专利已在生产中应用，"
  "产品一次合格率由91.5%提高到98.2%。\n第二段：这是新的一段，首行应当缩进两个字符，"
  "并且不能以，或。开头，也不能以（或“结尾。";

static void
check_lines (JpPdf *pdf, HPDF_Font font, double size, double width)
{
  g_auto(GStrv) lines = jp_pdf_wrap (pdf, font, size, width, 2 * size, paragraph);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      gunichar first, last;
      double indent = (i == 0 || g_str_has_prefix (lines[i], "第二段")) ? 2 * size : 0;

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_cmpstr (line, !=, "");
      first = g_utf8_get_char (line);
      last = g_utf8_get_char (g_utf8_prev_char (line + strlen (line)));
      g_assert_false (jp_pdf_is_closing_punct (first));
      g_assert_false (g_str_has_prefix (line, "，") || g_str_has_prefix (line, "。"));
      g_assert_false (jp_pdf_is_opening_punct (last) && i + 1 < n);
      g_assert_cmpfloat (jp_pdf_measure (pdf, font, size, line) + indent, <=, width + 0.01);
      g_string_append (joined, line);
    }
  /* nothing lost, nothing cut: the lines put together give the text back (less the break) */
  for (const char *p = paragraph; *p; p++)
    if (*p != '\n')
      g_string_append_c (expected, *p);
  g_assert_cmpstr (joined->str, ==, expected->str);
  /* Latin words and numbers stay whole */
  g_assert_nonnull (strstr (joined->str, "ZL201910123456.7"));
  for (guint i = 0; i < n; i++)
    g_assert_false (g_str_has_suffix (lines[i], "ZL2019") || g_str_has_prefix (lines[i], "6.7"));
}

static void
test_wrap (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPdf) pdf = jp_pdf_new (JP_PDF_TEXT_UTF8, &error);
  HPDF_Font font;

  g_assert_no_error (error);
  font = jp_pdf_get_font (pdf, JP_FONT_SONG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (font);
  /* a CJK character is one em wide, a digit narrower */
  g_assert_cmpfloat (jp_pdf_measure (pdf, font, 10, "包头"), ==, 20);
  g_assert_cmpfloat (jp_pdf_measure (pdf, font, 10, "12"), <, 20);
  g_assert_cmpfloat (jp_pdf_measure (pdf, font, 10, "12"), >, 0);

  /* many widths, so that every punctuation mark falls at a line end somewhere */
  for (double width = 90; width <= 330; width += 7)
    check_lines (pdf, font, 12, width);
}

static void
test_paragraph_flow (void)
{
  g_autoptr(JpPdf) pdf = jp_pdf_new (JP_PDF_TEXT_UTF8, NULL);
  HPDF_Font font = jp_pdf_get_font (pdf, JP_FONT_SONG, NULL);
  HPDF_Page page = jp_pdf_add_page (pdf, FALSE);
  g_autofree char *rest = NULL;
  g_autofree char *rest2 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double used;

  /* room for three baselines (688, 668, 648) only: the remainder comes back, then fits on the next page */
  used = jp_pdf_paragraph (pdf, page, font, 12, 20, 72, 700, 200, 24, 640, paragraph, &rest);
  g_assert_cmpfloat (used, ==, 60);
  g_assert_nonnull (rest);
  page = jp_pdf_add_page (pdf, FALSE);
  used = jp_pdf_paragraph (pdf, page, font, 12, 20, 72, 780, 200, 24, 72, rest, &rest2);
  g_assert_null (rest2);
  g_assert_cmpfloat (used, >, 60);
  bytes = jp_pdf_save (pdf, NULL);
  g_assert_nonnull (bytes);
  g_test_message ("two-page UTF-8 paragraph PDF: %" G_GSIZE_FORMAT " bytes",
                  g_bytes_get_size (bytes));
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 300 * 1024);
}

static void
test_utf8_text_extractable (void)
{
  g_autoptr(JpPdf) pdf = jp_pdf_new (JP_PDF_TEXT_UTF8, NULL);
  HPDF_Font font = jp_pdf_get_font (pdf, JP_FONT_SONG, NULL);
  HPDF_Page page = jp_pdf_add_page (pdf, FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  jp_pdf_text (pdf, page, font, 14, 72, 700, "推荐单位：" UNIT "　姓名：" NAME);
  bytes = jp_pdf_save (pdf, NULL);
  doc = open_pdf (bytes);
  text = page_text (doc, 0);
  /* the UTF-8 encoder writes a ToUnicode map: text comes back as written */
  g_assert_nonnull (strstr (text, UNIT));
  g_assert_nonnull (strstr (text, NAME));
}

static void
test_gb2312_rejects_other_text (void)
{
  g_autoptr(JpPdf) pdf = jp_pdf_new (JP_PDF_TEXT_GB2312, NULL);
  HPDF_Font font = jp_pdf_get_font (pdf, JP_FONT_SONG, NULL);
  HPDF_Page page = jp_pdf_add_page (pdf, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  jp_pdf_text (pdf, page, font, 14, 72, 700, "王堃");
  bytes = jp_pdf_save (pdf, &error);
  g_assert_null (bytes);
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "王堃"));
}

static void
test_libharu_error (void)
{
  g_autoptr(JpPdf) pdf = jp_pdf_new (JP_PDF_TEXT_UTF8, NULL);
  HPDF_Page page = jp_pdf_add_page (pdf, FALSE);
  g_autoptr(GError) error = NULL;

  /* an invalid font size is reported by libharu and turned into a GError */
  HPDF_Page_SetFontAndSize (page, jp_pdf_get_font (pdf, JP_FONT_SONG, NULL), -5);
  g_assert_false (jp_pdf_check (pdf, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "0x1050"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/documents/font/find", test_find_font);
  g_test_add_func ("/documents/font/env-override", test_find_font_env);
  g_test_add_func ("/documents/demo/honour", test_demo_honour);
  g_test_add_func ("/documents/demo/patent-pages", test_demo_patent);
  g_test_add_func ("/documents/demo/competition", test_demo_competition);
  g_test_add_func ("/documents/demo/no-criminal-record", test_demo_no_record);
  g_test_add_func ("/documents/demo/rare-character", test_demo_rare_character);
  g_test_add_func ("/documents/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/documents/wrap/cjk-rules", test_wrap);
  g_test_add_func ("/documents/wrap/flow-to-next-page", test_paragraph_flow);
  g_test_add_func ("/documents/text/utf8-extractable", test_utf8_text_extractable);
  g_test_add_func ("/documents/text/gb2312-out-of-range", test_gb2312_rejects_other_text);
  g_test_add_func ("/documents/error/libharu", test_libharu_error);

  return g_test_run ();
}
