/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-score"

#include "config.h"

#include <math.h>
#include <string.h>

#include "jp-core.h"

static void
test_round_div (void)
{
  g_assert_cmpint (jp_round_div (5, 2), ==, 3);
  g_assert_cmpint (jp_round_div (-5, 2), ==, -3);
  g_assert_cmpint (jp_round_div (7, 2), ==, 4);
  g_assert_cmpint (jp_round_div (-7, 2), ==, -4);
  g_assert_cmpint (jp_round_div (4, 2), ==, 2);
  g_assert_cmpint (jp_round_div (1, 3), ==, 0);
  g_assert_cmpint (jp_round_div (2, 3), ==, 1);
  g_assert_cmpint (jp_round_div (-1, 3), ==, 0);
  g_assert_cmpint (jp_round_div (-2, 3), ==, -1);
  g_assert_cmpint (jp_round_div (0, 7), ==, 0);
  /* 24.525 in ten-thousandths to hundredths: the .005 case goes up, exactly */
  g_assert_cmpint (jp_round_div (245250, 100), ==, 2453);
  g_assert_cmpint (jp_round_div (245249, 100), ==, 2452);
  g_assert_cmpint (jp_round_div (-245250, 100), ==, -2453);
  /* 1.005 * 100 is 100.49999999999999 in binary; exactly it is 100.5 -> 101 */
  g_assert_cmpint (jp_round_div (100500, 1000), ==, 101);
  g_assert_cmpint ((gint64) floor (1.005 * 100 + 0.5), ==, 100);   /* why we do not use it */
}

static void
check_format (gint64      value,
              guint       decimals,
              const char *expected,
              const char *expected_short)
{
  g_autofree char *full = jp_decimal_format (value, decimals);
  g_autofree char *shortened = jp_decimal_format_short (value, decimals);

  g_assert_cmpstr (full, ==, expected);
  g_assert_cmpstr (shortened, ==, expected_short);
}

static void
test_format (void)
{
  check_format (8765, 2, "87.65", "87.65");
  check_format (8850, 2, "88.50", "88.5");
  check_format (10000, 2, "100.00", "100.0");
  check_format (0, 2, "0.00", "0.0");
  check_format (5, 2, "0.05", "0.05");
  check_format (-50, 2, "-0.50", "-0.5");
  check_format (-1, 2, "-0.01", "-0.01");
  check_format (-1375, 2, "-13.75", "-13.75");
  check_format (25, 1, "2.5", "2.5");
  check_format (42, 0, "42", "42");
  check_format (G_MININT64, 2, "-92233720368547758.08", "-92233720368547758.08");
}

static void
check_parse (const char *text,
             guint       decimals,
             gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (jp_decimal_parse (text, decimals, "Weight", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

static void
check_parse_fails (const char *text,
                   guint       decimals,
                   const char *in_message)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  g_assert_false (jp_decimal_parse (text, decimals, "Weight", &value, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Weight"));
  if (strstr (error->message, in_message) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", text, error->message, in_message);
}

static void
test_parse (void)
{
  check_parse ("12.5", 2, 1250);
  check_parse ("12.50", 2, 1250);
  check_parse ("12.500", 2, 1250);
  check_parse (" 7 ", 2, 700);
  check_parse ("0012", 2, 1200);
  check_parse ("0.30", 2, 30);
  check_parse ("０.３", 2, 30);
  check_parse ("１２．５", 2, 1250);      /* full-width digits and full stop */
  check_parse ("\u3000" "12\u3000", 0, 12);   /* ideographic spaces around */
  check_parse ("-0", 2, 0);
  check_parse ("999999999999", 0, 999999999999);

  check_parse_fails ("12.345", 2, "more than 2 decimals");
  check_parse_fails ("-1", 2, "below zero");
  check_parse_fails ("1e1", 2, "not a number");
  check_parse_fails ("+1", 2, "not a number");
  check_parse_fails (".5", 2, "not a number");
  check_parse_fails ("12.", 2, "not a number");
  check_parse_fails ("1,000", 2, "not a number");
  check_parse_fails ("12.3.4", 2, "not a number");
  check_parse_fails ("1.23x", 1, "not a number");
  check_parse_fails ("0x10", 2, "not a number");
  check_parse_fails ("", 2, "no number");
  check_parse_fails ("  ", 2, "no number");
  check_parse_fails ("1000000000000", 0, "too large");
}

static void
check_points (const char *text,
              int         max_halves,
              int         expected)
{
  g_autoptr(GError) error = NULL;
  int halves = -1;

  g_assert_true (jp_points_parse (text, max_halves, "Criterion 1", &halves, &error));
  g_assert_no_error (error);
  g_assert_cmpint (halves, ==, expected);
}

static void
check_points_fail (const char *text,
                   int         max_halves,
                   const char *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_points_parse (text, max_halves, "Criterion 1", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Criterion 1"));
  if (strstr (error->message, in_message) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", text, error->message, in_message);
}

static void
test_points (void)
{
  check_points ("12.5", 30, 25);
  check_points ("12.50", 30, 25);
  check_points ("15", 30, 30);
  check_points ("0", 30, 0);
  check_points ("０", 30, 0);
  check_points ("１２．５", 30, 25);

  check_points_fail ("12.3", 30, "not a multiple of 0.5");
  check_points_fail ("12.25", 30, "not a multiple of 0.5");
  check_points_fail ("12.5000001", 30, "not a multiple of 0.5");
  check_points_fail ("-1", 30, "below zero");
  check_points_fail ("-0.5", 30, "below zero");
  check_points_fail ("1e1", 30, "not a score");
  check_points_fail ("abc", 30, "not a score");
  check_points_fail ("15.5", 30, "above the maximum of 15.0 points");
  check_points_fail ("99999999999999", 30, "above the maximum");
  check_points_fail ("", 30, "no score");
}

static void
test_points_from_double (void)
{
  g_autoptr(GError) error = NULL;
  int halves = -1;

  g_assert_true (jp_points_from_double (12.5, 30, "C", &halves, &error));
  g_assert_cmpint (halves, ==, 25);
  g_assert_true (jp_points_from_double (0, 30, "C", &halves, &error));
  g_assert_cmpint (halves, ==, 0);
  g_assert_false (jp_points_from_double (12.3, 30, "C", NULL, &error));
  g_assert_nonnull (strstr (error->message, "multiple of 0.5"));
  g_clear_error (&error);
  g_assert_false (jp_points_from_double (-0.5, 30, "C", NULL, &error));
  g_assert_nonnull (strstr (error->message, "below zero"));
  g_clear_error (&error);
  g_assert_false (jp_points_from_double (15.5, 30, "C", NULL, &error));
  g_assert_nonnull (strstr (error->message, "above the maximum"));
  g_clear_error (&error);
  g_assert_false (jp_points_from_double (NAN, 30, "C", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

static void
test_from_double (void)
{
  gint64 h = 0;
  int halves = 0;

  g_assert_true (jp_hundredths_from_double (0.3, &h));
  g_assert_cmpint (h, ==, 30);
  g_assert_true (jp_hundredths_from_double (0.1, &h));
  g_assert_cmpint (h, ==, 10);
  g_assert_true (jp_hundredths_from_double (0.6, &h));
  g_assert_cmpint (h, ==, 60);
  g_assert_true (jp_hundredths_from_double (15, &h));
  g_assert_cmpint (h, ==, 1500);
  g_assert_false (jp_hundredths_from_double (0.333, &h));
  g_assert_false (jp_hundredths_from_double (NAN, &h));
  g_assert_true (jp_halves_from_double (12.5, &halves));
  g_assert_cmpint (halves, ==, 25);
  g_assert_false (jp_halves_from_double (12.3, &halves));
}

static void
test_sheet (void)
{
  g_autoptr(JpSettings) settings = jp_settings_new ();
  const char *good[] = { "13", "21.5", "22", "17", "12", NULL };
  const char *four[] = { "13", "21.5", "22", "17", NULL };
  const char *over[] = { "13", "25.5", "22", "17", "12", NULL };
  const double values[] = { 13, 21.5, 22, 17, 12 };
  const double bad_values[] = { 13, 21.5, 22, 17.3, 12 };
  g_autoptr(GError) error = NULL;
  int halves[5] = { 0 };
  int total = 0;

  g_assert_true (jp_score_sheet_parse (settings->rubric, good, halves, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 171);   /* 85.5 points */
  g_assert_cmpint (halves[1], ==, 43);

  g_assert_false (jp_score_sheet_parse (settings->rubric, four, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "4 scores"));
  g_assert_nonnull (strstr (error->message, "5 criteria"));
  g_clear_error (&error);

  g_assert_false (jp_score_sheet_parse (settings->rubric, over, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Criterion 2"));
  g_assert_nonnull (strstr (error->message,
                            ((JpRubricCriterion *) settings->rubric->pdata[1])->name));
  g_assert_nonnull (strstr (error->message, "above the maximum of 25.0 points"));
  g_clear_error (&error);

  total = 0;
  g_assert_true (jp_score_sheet_check (settings->rubric, values, 5, NULL, &total, &error));
  g_assert_cmpint (total, ==, 171);
  g_assert_false (jp_score_sheet_check (settings->rubric, bad_values, 5, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Criterion 4"));
  g_clear_error (&error);
  g_assert_false (jp_score_sheet_check (settings->rubric, values, 4, NULL, NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/score/round-half-away", test_round_div);
  g_test_add_func ("/core/score/format", test_format);
  g_test_add_func ("/core/score/parse-decimal", test_parse);
  g_test_add_func ("/core/score/parse-points", test_points);
  g_test_add_func ("/core/score/points-from-double", test_points_from_double);
  g_test_add_func ("/core/score/settings-from-double", test_from_double);
  g_test_add_func ("/core/score/sheet", test_sheet);
  return g_test_run ();
}
