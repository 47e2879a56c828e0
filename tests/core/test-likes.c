/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-likes"

#include "config.h"

#include <string.h>

#include "jp-core.h"

static const char *codes[] = { "XT-01", "XT-02", "GD-01", NULL };

static JpLikesFile *
parse (const char  *text,
       gssize       length,
       GPtrArray  **problems,
       GError     **error)
{
  return jp_likes_parse (text, length < 0 ? strlen (text) : (gsize) length, "likes.csv", codes,
                         problems, error);
}

static void
test_parse_utf8 (void)
{
  const char *text = "code,likes\nXT-01,1520\nXT-02,760\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JpLikesFile) f = parse (text, -1, &problems, &error);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  JpLikesEntry *e;

  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_nonnull (f);
  g_assert_cmpstr (f->encoding, ==, "UTF-8");
  g_assert_cmpstr (f->sha256, ==, sha);
  g_assert_cmpuint (f->entries->len, ==, 2);
  e = f->entries->pdata[1];
  g_assert_cmpstr (e->code, ==, "XT-02");
  g_assert_cmpint (e->likes, ==, 760);
  g_assert_cmpuint (e->line, ==, 3);
  /* GD-01 is not in the file: listed as missing, not an error */
  g_assert_cmpuint (g_strv_length (f->missing), ==, 1);
  g_assert_cmpstr (f->missing[0], ==, "GD-01");
}

static void
test_parse_bom_crlf_fullwidth (void)
{
  const char *text = "\xEF\xBB\xBF" " Code , LIKES \r\nxt-01,\"１５２０\"\r\nＧＤ－０１, 0 \r\n"
                     "XT-02,7,\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JpLikesFile) f = parse (text, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (f->encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpuint (f->entries->len, ==, 3);
  g_assert_cmpstr (((JpLikesEntry *) f->entries->pdata[0])->code, ==, "XT-01");
  g_assert_cmpint (((JpLikesEntry *) f->entries->pdata[0])->likes, ==, 1520);
  g_assert_cmpstr (((JpLikesEntry *) f->entries->pdata[1])->code, ==, "GD-01");
  g_assert_cmpint (((JpLikesEntry *) f->entries->pdata[1])->likes, ==, 0);
  /* a trailing empty column from a spreadsheet is tolerated */
  g_assert_cmpint (((JpLikesEntry *) f->entries->pdata[2])->likes, ==, 7);
  g_assert_cmpuint (g_strv_length (f->missing), ==, 0);
}

static void
test_gb18030 (void)
{
  const char *utf8 = "code,likes\nXT-01,15\n稀土-01,3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  g_autoptr(JpLikesFile) f = NULL;
  JpLikesProblem *p;

  g_assert_nonnull (gb);
  f = jp_likes_parse (gb, len, "likes.csv", codes, &problems, &error);
  g_assert_null (f);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_cmpuint (problems->len, ==, 1);
  p = problems->pdata[0];
  g_assert_cmpstr (p->kind, ==, "unknown-code");
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_cmpstr (p->code, ==, "稀土-01");   /* decoded from GB18030 */
  g_assert_nonnull (strstr (error->message, "稀土-01"));
}

static void
test_every_problem_by_line (void)
{
  const char *text = "code,likes\n"
                     "XX-99,10\n"        /* 2 unknown */
                     "XT-01,5\n"         /* 3 fine */
                     "XT-01,6\n"         /* 4 duplicate of line 3 */
                     "XT-02,-3\n"        /* 5 negative */
                     "GD-01,12k\n"       /* 6 not a number */
                     ",4\n"              /* 7 empty code */
                     "XT-03\n"           /* 8 one field */
                     "XT-04,1.5\n"       /* 9 not a whole number */
                     "XT-05,10000000000000\n"; /* 10 too large */
  const char *more_codes[] = { "XT-01", "XT-02", "XT-03", "XT-04", "XT-05", "GD-01", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JpLikesFile) f = jp_likes_parse (text, strlen (text), "likes.csv", more_codes,
                                             &problems, &error);
  const struct { guint line; const char *kind; } expected[] = {
    { 2, "unknown-code" }, { 4, "duplicate" }, { 5, "negative" }, { 6, "not-a-number" },
    { 7, "empty-code" }, { 8, "fields" }, { 9, "not-a-number" }, { 10, "too-large" },
  };

  g_assert_null (f);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "8 problems"));
  g_assert_nonnull (strstr (error->message, "likes.csv, line 4"));
  g_assert_nonnull (strstr (error->message, "first on line 3"));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JpLikesProblem *p = problems->pdata[i];

      g_assert_cmpuint (p->line, ==, expected[i].line);
      g_assert_cmpstr (p->kind, ==, expected[i].kind);
      g_assert_nonnull (strstr (p->message, "likes.csv"));
    }
}

static void
test_header_and_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JpLikesFile) f = parse ("编号,点赞\nXT-01,3\n", -1, &problems, &error);

  g_assert_null (f);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((JpLikesProblem *) problems->pdata[0])->kind, ==, "header");
  g_assert_nonnull (strstr (error->message, "code,likes"));
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  f = parse ("code,likes\n", -1, &problems, &error);
  g_assert_null (f);
  g_assert_cmpstr (((JpLikesProblem *) problems->pdata[0])->kind, ==, "no-rows");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* not CSV at all: jp_csv_parse's error, no problem list */
  f = parse ("", 0, &problems, &error);
  g_assert_null (f);
  g_assert_null (problems);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
}

static void
test_scores (void)
{
  JpLikesCount counts[] = {
    { "XT-01", 1520, FALSE }, { "XT-02", 760, FALSE }, { "GD-01", 3000, TRUE },
    { "GD-02", 0, FALSE }, { "GD-03", 1013, FALSE }, { "GD-04", 507, FALSE },
  };
  gint64 o[G_N_ELEMENTS (counts)];

  jp_likes_scores (counts, G_N_ELEMENTS (counts), o);
  /* the zeroed 3000 does not set the maximum: 1520 does */
  g_assert_cmpint (o[0], ==, 10000);
  g_assert_cmpint (o[1], ==, 5000);
  g_assert_cmpint (o[2], ==, 0);
  g_assert_cmpint (o[3], ==, 0);
  /* 1013 / 1520 * 100 = 66.644... -> 66.64; 507 / 1520 * 100 = 33.355... -> 33.36 */
  g_assert_cmpint (o[4], ==, 6664);
  g_assert_cmpint (o[5], ==, 3336);
}

static void
test_scores_no_likes (void)
{
  JpLikesCount counts[] = { { "A", 0, FALSE }, { "B", 500, TRUE } };
  gint64 o[2] = { -1, -1 };

  jp_likes_scores (counts, 2, o);
  g_assert_cmpint (o[0], ==, 0);
  g_assert_cmpint (o[1], ==, 0);
  jp_likes_scores (NULL, 0, NULL);
}

static void
test_scores_half (void)
{
  /* 1 / 20000 * 100 = 0.005 exactly -> 0.01; 3 / 40000 * 100 = 0.0075 -> 0.01;
   * 1 / 40000 * 100 = 0.0025 -> 0.00 */
  JpLikesCount counts[] = { { "A", 20000, FALSE }, { "B", 1, FALSE } };
  JpLikesCount counts2[] = { { "A", 40000, FALSE }, { "B", 3, FALSE }, { "C", 1, FALSE } };
  gint64 o[3];

  jp_likes_scores (counts, 2, o);
  g_assert_cmpint (o[1], ==, 1);
  jp_likes_scores (counts2, 3, o);
  g_assert_cmpint (o[1], ==, 1);
  g_assert_cmpint (o[2], ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/likes/parse-utf8", test_parse_utf8);
  g_test_add_func ("/core/likes/parse-bom-crlf-fullwidth", test_parse_bom_crlf_fullwidth);
  g_test_add_func ("/core/likes/gb18030", test_gb18030);
  g_test_add_func ("/core/likes/problems-by-line", test_every_problem_by_line);
  g_test_add_func ("/core/likes/header-and-empty", test_header_and_empty);
  g_test_add_func ("/core/likes/score", test_scores);
  g_test_add_func ("/core/likes/score-no-likes", test_scores_no_likes);
  g_test_add_func ("/core/likes/score-half", test_scores_half);
  return g_test_run ();
}
