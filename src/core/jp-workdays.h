/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-holidays.h"

G_BEGIN_DECLS

/* Working days (RULES.md "Publicity"): the end of a period of N working days. Pure. */

/* The longest period counted, in working days. */
#define JP_WORKDAYS_MAX 366

typedef struct {
  GDate   start;          /* as asked */
  GDate   end;            /* the last working day counted */
  GArray *days;           /* GDate: the working days counted, in order (N of them) */
  GArray *missing_years;  /* int: years the period touches with no calendar, ascending */
} JpWorkdays;

void jp_workdays_free (JpWorkdays *workdays);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpWorkdays, jp_workdays_free)

/* Counts `n` working days from `start`: the start day is day 1 when it is a working day;
 * Saturdays and Sundays are off unless the calendar makes them make-up working days; days
 * off of the calendar are skipped. A year the period touches (from `start` to the end) that
 * has no calendar in `calendar` is still counted by the week alone, and listed in
 * `missing_years`: the caller must show jp_workdays_missing_message() for each, never a
 * silent weekday count. INVALID for n outside 1..JP_WORKDAYS_MAX or an invalid date.
 * Returns: (transfer full): the period, or NULL. */
JpWorkdays *jp_workdays_count (const JpHolidayCalendar  *calendar,
                               const GDate              *start,
                               guint                     n,
                               GError                  **error);

/* The warning for a year without a calendar, translated; names the year and the file to add.
 * Returns: (transfer full). */
char       *jp_workdays_missing_message (int year);

G_END_DECLS
