/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-workdays"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-workdays.h"

void
jp_workdays_free (JpWorkdays *workdays)
{
  if (workdays == NULL)
    return;
  g_clear_pointer (&workdays->days, g_array_unref);
  g_clear_pointer (&workdays->missing_years, g_array_unref);
  g_free (workdays);
}

static void
note_year (JpWorkdays              *result,
           const JpHolidayCalendar *calendar,
           int                      year)
{
  if (jp_holiday_calendar_has_year (calendar, year))
    return;
  for (guint i = 0; i < result->missing_years->len; i++)
    if (g_array_index (result->missing_years, int, i) == year)
      return;
  g_array_append_val (result->missing_years, year);   /* days run forward: stays ascending */
}

JpWorkdays *
jp_workdays_count (const JpHolidayCalendar  *calendar,
                   const GDate              *start,
                   guint                     n,
                   GError                  **error)
{
  g_autoptr(JpWorkdays) result = NULL;
  GDate day;

  g_return_val_if_fail (calendar != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_date_valid (start))
    {
      g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                           _("The start date is not a valid date."));
      return NULL;
    }
  if (n < 1 || n > JP_WORKDAYS_MAX)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%u working days: the period is from 1 to %d working days."), n,
                   JP_WORKDAYS_MAX);
      return NULL;
    }

  result = g_new0 (JpWorkdays, 1);
  result->start = *start;
  result->days = g_array_sized_new (FALSE, FALSE, sizeof (GDate), n);
  result->missing_years = g_array_new (FALSE, FALSE, sizeof (int));

  /* n <= 366 working days lie within a few years: the loop is bounded by the count */
  for (day = *start; result->days->len < n; g_date_add_days (&day, 1))
    {
      JpDayKind kind = jp_holiday_calendar_day_kind (calendar, &day, NULL);

      note_year (result, calendar, g_date_get_year (&day));
      if (kind == JP_DAY_WORKDAY || kind == JP_DAY_MAKEUP_WORKDAY)
        g_array_append_val (result->days, day);
    }
  result->end = g_array_index (result->days, GDate, result->days->len - 1);
  return g_steal_pointer (&result);
}

char *
jp_workdays_missing_message (int year)
{
  return g_strdup_printf (_("No holiday calendar for %d: its public holidays and make-up working "
                            "days are not known, so only Saturdays and Sundays were skipped in "
                            "%d. Add the State Council's calendar as holidays/%d.txt (see "
                            "docs/holidays.md)."), year, year, year);
}
