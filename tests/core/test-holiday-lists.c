/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-core"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"
#include "core/jp-holidays.h"

/* The holiday editor's lists (jp_holiday_year_from_lists): the rules of a calendar file, with
 * messages that name the list and the line. */

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpHolidayYear) year = NULL;
  g_autoptr(JpHolidayYear) again = NULL;
  g_autofree char *off = NULL, *work = NULL, *text = NULL;

  /* the 2024 Spring Festival as the State Council gave it */
  year = jp_holiday_year_from_lists (2024, "  国办发明电〔2023〕7号\n",
                                     "2024-01-01 元旦\n\n2024-02-10..2024-02-17 春节\n",
                                     "2024-02-04 春节\n2024-02-18 春节\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (year->year, ==, 2024);
  g_assert_cmpstr (year->notice, ==, "国办发明电〔2023〕7号");
  g_assert_cmpuint (year->entries->len, ==, 1 + 8 + 2);
  /* by date: the make-up Sunday of 4 February comes before the Festival */
  g_assert_true (((JpHolidayEntry *) year->entries->pdata[1])->work);

  /* written as a file and read back, the same year; the lists come back as typed */
  text = jp_holiday_year_to_text (year);
  again = jp_holiday_year_parse (text, -1, "2024.txt", 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->entries->len, ==, year->entries->len);
  jp_holiday_year_to_lists (again, &off, &work);
  g_assert_cmpstr (off, ==, "2024-01-01 元旦\n2024-02-10..2024-02-17 春节\n");
  g_assert_cmpstr (work, ==, "2024-02-04 春节\n2024-02-18 春节\n");
}

static void
expect_refused (const char *off,
                const char *work,
                const char *prefix,
                const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpHolidayYear) year = jp_holiday_year_from_lists (2027, NULL, off, work, &error);

  g_assert_null (year);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, date) == NULL)
    g_error ("unexpected message: %s", error->message);
}

static void
test_refused (void)
{
  /* a day both off and worked */
  expect_refused ("2027-01-01 元旦\n2027-01-09 x\n", "2027-01-09 x\n",
                  "Make-up working days, line 1: ", "2027-01-09");
  /* a date outside the year (the December before and January after may appear) */
  expect_refused ("2027-01-01\n2028-03-01 x\n", "", "Days off, line 2: ", "2028-03-01");
  expect_refused ("2026-11-30\n", "", "Days off, line 1: ", "2026-11-30");
  /* a make-up working day on a weekday, a range of them, a date twice, not a date */
  expect_refused ("", "2027-01-04\n", "Make-up working days, line 1: ", "2027-01-04");
  expect_refused ("", "2027-01-09..2027-01-10\n", "Make-up working days, line 1: ",
                  "2027-01-09");
  expect_refused ("2027-01-01..2027-01-03\n2027-01-02\n", "", "Days off, line 2: ",
                  "2027-01-02");
  expect_refused ("2027-13-01 x\n", "", "Days off, line 1: ", "2027-13-01");
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/holidays/lists-valid", test_valid);
  g_test_add_func ("/core/holidays/lists-refused", test_refused);
  return g_test_run ();
}
