/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-paper-sheets"

#include "config.h"

#include <string.h>

#include "jp-core.h"

static GPtrArray *
parse (const char *text,
       GError    **error)
{
  g_autoptr(JpSettings) s = jp_settings_new ();

  return jp_paper_sheets_parse (text, strlen (text), "a.csv", s->rubric, error);
}

#define HEADER "member,candidate,职业素养与工匠精神,技能水平与技术专长,创新成果与攻关贡献," \
               "带徒传技与示范引领,陈述与答辩表现\n"

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = parse (HEADER "M01,XT-03,13,21.5,22,17,12\n"
                                       " M02 ,xt-03,15,25,25,20,15\n", &error);
  JpPaperSheet *s;

  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 2);
  s = sheets->pdata[0];
  g_assert_cmpstr (s->member, ==, "M01");
  g_assert_cmpstr (s->candidate, ==, "XT-03");
  g_assert_cmpint (s->halves[1], ==, 43);
  g_assert_cmpint (s->total_halves, ==, 171);
  g_assert_cmpuint (s->line, ==, 2);
  s = sheets->pdata[1];
  g_assert_cmpstr (s->member, ==, "M02");
  g_assert_cmpstr (s->candidate, ==, "XT-03");
  g_assert_cmpint (s->total_halves, ==, 200);
}

static void
test_problems_by_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = parse (HEADER
                                       "M01,XT-03,13,21.5,22,17,12\n"     /* 2 fine */
                                       "M01,XT-03,13,21.5,22,17,12\n"     /* 3 again */
                                       "M02,XT-03,16,21.5,22,17,12\n"     /* 4 over 15 */
                                       "M03,XT-03,13,21.3,22,17,12\n"     /* 5 not .5 */
                                       "M04,XT-03,13,21.5,22,17\n"        /* 6 fields */
                                       ",XT-03,13,21.5,22,17,abc\n",      /* 7 empty, nan */
                                       &error);

  g_assert_null (sheets);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "6 problems"));
  g_assert_nonnull (strstr (error->message, "a.csv, line 3: a second sheet of M01 for XT-03 "
                                            "(first on line 2)"));
  g_assert_nonnull (strstr (error->message, "a.csv, line 4, “职业素养与工匠精神”: 16 is above "
                                            "the maximum of 15.0 points"));
  g_assert_nonnull (strstr (error->message, "a.csv, line 5, “技能水平与技术专长”: 21.3 is not "
                                            "a multiple of 0.5"));
  g_assert_nonnull (strstr (error->message, "a.csv, line 6: 6 fields"));
  g_assert_nonnull (strstr (error->message, "a.csv, line 7: the member or the candidate is "
                                            "empty"));
  g_assert_nonnull (strstr (error->message, "“abc” is not a score"));
}

static void
test_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = parse ("member,candidate,a,b,c,d,e\nM01,XT-03,1,1,1,1,1\n",
                                       &error);

  g_assert_null (sheets);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_assert_nonnull (strstr (error->message, "member,candidate,职业素养与工匠精神"));
}

static void
test_compare (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(GPtrArray) a = parse (HEADER "M01,XT-03,13,21.5,22,17,12\n"
                                  "M02,XT-03,15,25,25,20,15\n"
                                  "M03,XT-03,10,10,10,10,10\n", NULL);
  g_autoptr(GPtrArray) same = parse (HEADER "M02,XT-03,15,25,25,20,15\n"
                                     "M03,XT-03,10,10,10,10,10\n"
                                     "M01,XT-03,13,21.5,22,17,12\n", NULL);
  g_autoptr(GPtrArray) b = parse (HEADER "M01,XT-03,13,22,22,17,12\n"
                                  "M03,XT-03,10,10,10,10,10\n"
                                  "M04,XT-03,10,10,10,10,10\n", NULL);
  g_autoptr(GPtrArray) none = jp_paper_sheets_compare (a, same, s->rubric);
  g_autoptr(GPtrArray) diffs = jp_paper_sheets_compare (a, b, s->rubric);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (diffs->len, ==, 3);
  g_assert_cmpstr (diffs->pdata[0], ==, "M01 for XT-03, “技能水平与技术专长”: 21.5 in the first "
                                        "entry, 22.0 in the second.");
  g_assert_cmpstr (diffs->pdata[1], ==, "M02 for XT-03: only in the first entry (line 3).");
  g_assert_cmpstr (diffs->pdata[2], ==, "M04 for XT-03: only in the second entry (line 4).");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/paper-sheets/parse", test_parse);
  g_test_add_func ("/core/paper-sheets/problems-by-line", test_problems_by_line);
  g_test_add_func ("/core/paper-sheets/header", test_header);
  g_test_add_func ("/core/paper-sheets/compare", test_compare);
  return g_test_run ();
}
