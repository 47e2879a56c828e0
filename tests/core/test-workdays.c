/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>
#include "jp-core.h"

/* Working days over the shipped holiday calendars (data/holidays) and the calendar parser. */

static JpHolidayYear *
load_shipped_year (int year)
{
  g_autofree char *name = g_strdup_printf ("%d.txt", year);
  const char *top = g_getenv ("JP_SOURCE_DIR") != NULL ? g_getenv ("JP_SOURCE_DIR") : JP_SOURCE_DIR;
  g_autofree char *path = g_build_filename (top, "data", "holidays", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JpHolidayYear *parsed;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);
  parsed = jp_holiday_year_parse (text, length, path, year, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  return parsed;
}

/* A calendar of the shipped years listed, 0-terminated. */
static JpHolidayCalendar *
shipped (int first, ...)
{
  JpHolidayCalendar *calendar = jp_holiday_calendar_new ();
  va_list args;

  va_start (args, first);
  for (int y = first; y != 0; y = va_arg (args, int))
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (jp_holiday_calendar_add_year (calendar, load_shipped_year (y), &error));
      g_assert_no_error (error);
    }
  va_end (args);
  return calendar;
}

static GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (jp_date_parse_iso (iso, &d));
  return d;
}

/* The counted days as "YYYY-MM-DD YYYY-MM-DD ...". */
static char *
days_text (JpWorkdays *w)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < w->days->len; i++)
    {
      g_autofree char *iso = jp_date_format_iso (&g_array_index (w->days, GDate, i));

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", iso);
    }
  return g_string_free (out, FALSE);
}

static JpWorkdays *
count (JpHolidayCalendar *calendar,
       const char        *start,
       guint              n)
{
  g_autoptr(GError) error = NULL;
  GDate d = date (start);
  JpWorkdays *w = jp_workdays_count (calendar, &d, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (w);
  g_assert_cmpuint (w->days->len, ==, n);
  return w;
}

/* RULES.md's example: 5 working days from Thursday 2024-02-08 end on Tuesday 2024-02-20
 * (Feb 10-17 off, Sunday Feb 18 worked; Feb 9, 除夕, is a working day in the notice). */
static void
test_spring_festival_2024 (void)
{
  g_autoptr(JpHolidayCalendar) calendar = shipped (2024, 0);
  g_autoptr(JpWorkdays) w = count (calendar, "2024-02-08", 5);
  g_autofree char *days = days_text (w);
  g_autofree char *end = jp_date_format_iso (&w->end);

  g_assert_cmpstr (days, ==, "2024-02-08 2024-02-09 2024-02-18 2024-02-19 2024-02-20");
  g_assert_cmpstr (end, ==, "2024-02-20");
  g_assert_cmpuint (w->missing_years->len, ==, 0);
}

/* Both make-up Sundays of the 2024 Spring Festival count, and a day off of the holiday
 * that is a weekday does not; starting on a day off starts on the next working day. */
static void
test_makeup_sunday (void)
{
  g_autoptr(JpHolidayCalendar) calendar = shipped (2024, 0);
  g_autoptr(JpWorkdays) from_sunday = count (calendar, "2024-02-04", 3);
  g_autoptr(JpWorkdays) from_holiday = count (calendar, "2024-02-12", 1);
  g_autoptr(JpWorkdays) plain_sunday = count (calendar, "2024-03-03", 1);
  g_autofree char *a = days_text (from_sunday);
  g_autofree char *b = days_text (from_holiday);
  g_autofree char *c = days_text (plain_sunday);
  GDate feb4 = date ("2024-02-04"), feb12 = date ("2024-02-12"), mar3 = date ("2024-03-03");
  const char *name = NULL;

  g_assert_cmpstr (a, ==, "2024-02-04 2024-02-05 2024-02-06");
  g_assert_cmpstr (b, ==, "2024-02-18");
  g_assert_cmpstr (c, ==, "2024-03-04");
  g_assert_cmpint (jp_holiday_calendar_day_kind (calendar, &feb4, &name), ==,
                   JP_DAY_MAKEUP_WORKDAY);
  g_assert_cmpstr (name, ==, "春节");
  g_assert_cmpint (jp_holiday_calendar_day_kind (calendar, &feb12, NULL), ==, JP_DAY_HOLIDAY);
  g_assert_cmpint (jp_holiday_calendar_day_kind (calendar, &mar3, NULL), ==, JP_DAY_WEEKEND);
}

/* New Year across years: 2024-12-30 counts past 2025-01-01 (a Wednesday off, no 调休);
 * 2025-12-29 counts the make-up Sunday 2026-01-04 of the 2026 notice. */
static void
test_new_year (void)
{
  g_autoptr(JpHolidayCalendar) calendar = shipped (2024, 2025, 2026, 0);
  g_autoptr(JpWorkdays) w1 = count (calendar, "2024-12-30", 5);
  g_autoptr(JpWorkdays) w2 = count (calendar, "2025-12-29", 5);
  g_autofree char *a = days_text (w1);
  g_autofree char *b = days_text (w2);

  g_assert_cmpstr (a, ==, "2024-12-30 2024-12-31 2025-01-02 2025-01-03 2025-01-06");
  g_assert_cmpstr (b, ==, "2025-12-29 2025-12-30 2025-12-31 2026-01-04 2026-01-05");
  g_assert_cmpuint (w1->missing_years->len, ==, 0);
  g_assert_cmpuint (w2->missing_years->len, ==, 0);
}

/* 2022-12-31 is in the 2023 notice (元旦 2022-12-31 to 2023-01-02). */
static void
test_notice_across_years (void)
{
  g_autoptr(JpHolidayCalendar) calendar = shipped (2023, 0);
  g_autoptr(JpWorkdays) w = count (calendar, "2022-12-30", 2);
  g_autofree char *days = days_text (w);
  GDate dec31 = date ("2022-12-31");

  g_assert_cmpint (jp_holiday_calendar_day_kind (calendar, &dec31, NULL), ==, JP_DAY_HOLIDAY);
  g_assert_cmpstr (days, ==, "2022-12-30 2023-01-03");
  /* 2022 has no calendar of its own: a day of 2022 was counted, so it is named */
  g_assert_cmpuint (w->missing_years->len, ==, 1);
  g_assert_cmpint (g_array_index (w->missing_years, int, 0), ==, 2022);
}

/* A year without a calendar is counted by the week alone, and named. */
static void
test_missing_year (void)
{
  g_autoptr(JpHolidayCalendar) calendar = shipped (2023, 2024, 2025, 2026, 0);
  g_autoptr(JpWorkdays) w = count (calendar, "2031-01-06", 5);
  g_autoptr(JpWorkdays) across = count (calendar, "2026-12-30", 5);
  g_autofree char *days = days_text (w);
  g_autofree char *across_days = days_text (across);
  g_autofree char *message = jp_workdays_missing_message (2031);

  g_assert_cmpstr (days, ==, "2031-01-06 2031-01-07 2031-01-08 2031-01-09 2031-01-10");
  g_assert_cmpuint (w->missing_years->len, ==, 1);
  g_assert_cmpint (g_array_index (w->missing_years, int, 0), ==, 2031);
  g_assert_nonnull (strstr (message, "2031"));

  /* New Year's Day 2027 is unknown: it is counted, and 2027 is named */
  g_assert_cmpstr (across_days, ==, "2026-12-30 2026-12-31 2027-01-01 2027-01-04 2027-01-05");
  g_assert_cmpuint (across->missing_years->len, ==, 1);
  g_assert_cmpint (g_array_index (across->missing_years, int, 0), ==, 2027);
}

static void
test_count_refuses (void)
{
  g_autoptr(JpHolidayCalendar) calendar = jp_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate d = date ("2024-02-08");

  g_assert_null (jp_workdays_count (calendar, &d, 0, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

/* Every shipped year parses, with the days of its notice. */
static void
test_shipped_files (void)
{
  struct { int year; guint off, work; } expect[] = {
    { 2023, 27, 7 },   /* 3+7+1+5+3+8 days off (2022-12-31 included); 2+2+1+2 worked */
    { 2024, 28, 8 },   /* 1+8+3+5+1+3+7; 2+1+2+1+2 */
    { 2025, 28, 5 },   /* 1+8+3+5+3+8; 2+1+2 */
    { 2026, 33, 6 },   /* 3+9+3+5+3+3+7; 1+2+1+2 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(JpHolidayYear) y = load_shipped_year (expect[i].year);
      guint off = 0, work = 0;

      for (guint j = 0; j < y->entries->len; j++)
        {
          JpHolidayEntry *e = g_ptr_array_index (y->entries, j);

          if (e->work)
            work++;
          else
            off++;
        }
      g_assert_cmpint (y->year, ==, expect[i].year);
      g_assert_nonnull (y->notice);
      g_assert_cmpuint (off, ==, expect[i].off);
      g_assert_cmpuint (work, ==, expect[i].work);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(JpHolidayYear) y = load_shipped_year (2024);
  g_autofree char *text = jp_holiday_year_to_text (y);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpHolidayYear) again = jp_holiday_year_parse (text, -1, "2024.txt", 2024, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (again->entries->len, ==, y->entries->len);
  g_assert_cmpstr (again->notice, ==, y->notice);
  for (guint i = 0; i < y->entries->len; i++)
    {
      JpHolidayEntry *a = g_ptr_array_index (y->entries, i);
      JpHolidayEntry *b = g_ptr_array_index (again->entries, i);

      g_assert_cmpuint (a->julian, ==, b->julian);
      g_assert_cmpint (a->work, ==, b->work);
      g_assert_cmpstr (a->name, ==, b->name);
    }
  g_assert_nonnull (strstr (text, "off  2024-02-10..2024-02-17  春节"));
}

/* Each bad line is refused with the file and line in the message. */
static void
test_bad_lines (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { "year 2024\nof 2024-01-01 元旦\n", "x.txt:2: unknown line “of”" },
    { "year 2024\noff 2024-02-30 春节\n", "x.txt:2: “2024-02-30” is not a date" },
    { "year 2024\noff 2024-2-10 春节\n", "x.txt:2: “2024-2-10” is not a date" },
    { "year 2024\n\n# c\noff 2024-02-17..2024-02-10\n", "x.txt:4: the range" },
    { "year 2024\noff 2024-01-01..2024-03-01\n", "x.txt:2: the range 2024-01-01..2024-03-01 is longer" },
    { "year 2024\noff 2024-02-10\noff 2024-02-09..2024-02-11\n",
      "x.txt:3: 2024-02-10 is already listed on line 2" },
    { "year 2024\nwork 2024-02-05 春节\n", "x.txt:2: 2024-02-05 is a weekday" },
    { "year 2024\nwork 2024-02-03..2024-02-04\n", "x.txt:2: list make-up working days one a line" },
    { "year 2024\noff 2023-06-01\n", "x.txt:2: 2023-06-01 is outside 2024" },
    { "off 2024-01-01\nyear 2024\n", "x.txt:1: the “year” line must come before" },
    { "year 2025\n", "x.txt:1: the file says year 2025 but is the calendar of 2024" },
    { "year 2024\nyear 2024\n", "x.txt:2: a second “year” line" },
    { "year twenty\n", "x.txt:1: “twenty” is not a year" },
    { "# nothing\n", "x.txt: no “year” line" },
    { "year 2024\noff\n", "x.txt:2: “off” needs a date" },
    { "year 2024\n\xff\n", "x.txt: the file is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JpHolidayYear) y = jp_holiday_year_parse (cases[i].text, -1, "x.txt", 2024,
                                                          &error);

      g_assert_null (y);
      g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
}

/* CRLF, a BOM and blanks are accepted; a name is optional. */
static void
test_lenient_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpHolidayYear) y =
    jp_holiday_year_parse ("\xEF\xBB\xBFyear 2027\r\n  off\t2027-01-01  \r\nwork 2027-01-03 元旦\r\n",
                           -1, "2027.txt", 2027, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (y->entries->len, ==, 2);
  g_assert_cmpstr (((JpHolidayEntry *) y->entries->pdata[0])->name, ==, "");
  g_assert_cmpstr (((JpHolidayEntry *) y->entries->pdata[1])->name, ==, "元旦");
}

/* Two years that disagree about a shared date cannot be loaded together; a year twice
 * neither. */
static void
test_calendar_conflict (void)
{
  g_autoptr(JpHolidayCalendar) calendar = jp_holiday_calendar_new ();
  g_autoptr(GError) error = NULL;
  JpHolidayYear *a = jp_holiday_year_parse ("year 2029\noff 2029-12-30\n", -1, "2029.txt", 0,
                                            &error);
  JpHolidayYear *b = jp_holiday_year_parse ("year 2030\nwork 2029-12-30\n", -1, "2030.txt", 0,
                                            &error);
  JpHolidayYear *c = jp_holiday_year_parse ("year 2029\n", -1, "2029.txt", 0, &error);

  g_assert_no_error (error);
  g_assert_true (jp_holiday_calendar_add_year (calendar, a, &error));
  g_assert_false (jp_holiday_calendar_add_year (calendar, b, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2030.txt:2"));
  g_clear_error (&error);
  g_assert_false (jp_holiday_calendar_add_year (calendar, c, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_false (jp_holiday_calendar_has_year (calendar, 2030));
  g_assert_true (jp_holiday_calendar_has_year (calendar, 2029));
}

static void
test_parse_iso (void)
{
  GDate d;

  g_assert_true (jp_date_parse_iso ("2024-02-29", &d));
  g_assert_false (jp_date_parse_iso ("2023-02-29", &d));
  g_assert_false (jp_date_parse_iso ("2024-02-1", &d));
  g_assert_false (jp_date_parse_iso ("2024/02/10", &d));
  g_assert_false (jp_date_parse_iso (" 2024-02-10", &d));
  g_assert_false (jp_date_parse_iso (NULL, &d));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/workdays/spring-festival-2024", test_spring_festival_2024);
  g_test_add_func ("/core/workdays/makeup-sunday", test_makeup_sunday);
  g_test_add_func ("/core/workdays/new-year", test_new_year);
  g_test_add_func ("/core/workdays/notice-across-years", test_notice_across_years);
  g_test_add_func ("/core/workdays/missing-year", test_missing_year);
  g_test_add_func ("/core/workdays/refuses", test_count_refuses);
  g_test_add_func ("/core/holidays/shipped-files", test_shipped_files);
  g_test_add_func ("/core/holidays/round-trip", test_round_trip);
  g_test_add_func ("/core/holidays/bad-lines", test_bad_lines);
  g_test_add_func ("/core/holidays/lenient-text", test_lenient_text);
  g_test_add_func ("/core/holidays/calendar-conflict", test_calendar_conflict);
  g_test_add_func ("/core/holidays/parse-iso", test_parse_iso);
  return g_test_run ();
}
