/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Holiday calendars (RULES.md "Publicity"; format in docs/holidays.md): one text file per
 * year with the public holidays and the make-up working days (调休) of the State Council's
 * notice. Pure: the caller reads the files (store/jp-holiday-files.h) and hands over text. */

/* What a day is for counting working days. */
typedef enum {
  JP_DAY_WORKDAY = 0,      /* Monday to Friday, not a day off */
  JP_DAY_WEEKEND,          /* Saturday or Sunday, not a make-up working day */
  JP_DAY_HOLIDAY,          /* a public holiday or a day off of its 调休 */
  JP_DAY_MAKEUP_WORKDAY,   /* a Saturday or Sunday worked (调休上班) */
} JpDayKind;

/* One line of a calendar file: a day off (a range is expanded to one entry a day) or a
 * make-up working day. */
typedef struct {
  guint32   julian;   /* g_date_get_julian () of the day */
  gboolean  work;     /* TRUE: make-up working day; FALSE: day off */
  char     *name;     /* the holiday, e.g. "春节"; "" when the line gives none */
  guint     line;     /* 1-based line of the file */
} JpHolidayEntry;

/* One year's calendar as read from its file. */
typedef struct {
  int        year;
  char      *notice;       /* the "notice" line (title and number), or NULL */
  char      *source_name;  /* the file, for messages */
  GPtrArray *entries;      /* JpHolidayEntry*, by date */
} JpHolidayYear;

void           jp_holiday_entry_free (JpHolidayEntry *entry);
void           jp_holiday_year_free  (JpHolidayYear *year);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpHolidayYear, jp_holiday_year_free)

/* Parses one calendar file. `expected_year` (0: any) is the year the file name says; a file
 * whose "year" line differs is refused. Dates must lie in the year, in the December before
 * it or in the January after it (a notice may put New Year's days across the boundary). Any
 * problem fails with JP_CORE_ERROR_PARSE, message "FILE:LINE: what is wrong" (the first
 * problem found): an unknown keyword, a bad date or range, a range over 31 days, a date
 * listed twice, a "work" day that is not a Saturday or Sunday, a missing or repeated "year".
 * Returns: (transfer full): the year, or NULL. */
JpHolidayYear *jp_holiday_year_parse   (const char  *text,
                                        gssize       length,
                                        const char  *source_name,
                                        int          expected_year,
                                        GError     **error);

/* The year written back in the file format (consecutive days off with one name become one
 * range). Parsing the text gives the same entries.
 * Returns: (transfer full): UTF-8 text. */
char          *jp_holiday_year_to_text (const JpHolidayYear *year);

/* A year as the secretariat edits it (the publicity page's holiday editor): the days off
 * and the make-up working days as two lists, one "DATE [NAME]" a line, days off also
 * "DATE..DATE [NAME]"; blank lines are skipped. The rules are the file's (jp_holiday_year_parse);
 * a problem fails with JP_CORE_ERROR_PARSE, message "LIST, line N: what is wrong": a date
 * outside the year (and its December before / January after), a day both a day off and a
 * make-up working day, a date listed twice, a make-up working day on a weekday, a range.
 * Returns: (transfer full): the year, or NULL. */
JpHolidayYear *jp_holiday_year_from_lists (int          year,
                                           const char  *notice,
                                           const char  *days_off,
                                           const char  *workdays,
                                           GError     **error);
/* The inverse: the two lists of `year` (consecutive days off of one name as one range).
 * Both (transfer full). */
void           jp_holiday_year_to_lists   (const JpHolidayYear  *year,
                                           char                **days_off,
                                           char                **workdays);

/* Several years' calendars together. */
typedef struct _JpHolidayCalendar JpHolidayCalendar;

JpHolidayCalendar *jp_holiday_calendar_new  (void);
void               jp_holiday_calendar_free (JpHolidayCalendar *calendar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpHolidayCalendar, jp_holiday_calendar_free)

/* Adds a year (takes ownership). Fails with JP_CORE_ERROR_INVALID (nothing added) when the
 * year is already there, or when a date it shares with another year's file (New Year across
 * the boundary) is given the other meaning there. */
gboolean   jp_holiday_calendar_add_year  (JpHolidayCalendar  *calendar,
                                          JpHolidayYear      *year,
                                          GError            **error);
gboolean   jp_holiday_calendar_has_year  (const JpHolidayCalendar *calendar,
                                          int                      year);
/* The years with a calendar, ascending. Returns: (transfer full): GArray of int. */
GArray    *jp_holiday_calendar_years     (const JpHolidayCalendar *calendar);
/* One year's calendar, or NULL. Returns: (transfer none). */
const JpHolidayYear *jp_holiday_calendar_get_year (const JpHolidayCalendar *calendar,
                                                   int                      year);
/* What `date` is. Weekends and weekdays by the week alone when no calendar lists the date;
 * `name` (may be NULL) receives the holiday's name for a listed date, else NULL. Whether the
 * year's calendar is present is the caller's question (jp_holiday_calendar_has_year). */
JpDayKind  jp_holiday_calendar_day_kind  (const JpHolidayCalendar  *calendar,
                                          const GDate              *date,
                                          const char              **name);

/* Parses "YYYY-MM-DD" (strictly: four-digit year, two-digit month and day) into `date`.
 * FALSE for anything else, including a day that does not exist. */
gboolean   jp_date_parse_iso  (const char *text,
                               GDate      *date);
/* "YYYY-MM-DD". Returns: (transfer full). */
char      *jp_date_format_iso (const GDate *date);

G_END_DECLS
