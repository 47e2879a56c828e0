/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>
#include "core/jp-holidays.h"

G_BEGIN_DECLS

#define JP_TYPE_HOLIDAY_EDITOR (jp_holiday_editor_get_type ())
G_DECLARE_FINAL_TYPE (JpHolidayEditor, jp_holiday_editor, JP, HOLIDAY_EDITOR, AdwWindow)

/* The editor of one year's holiday calendar (docs/holidays.md): the secretariat types the
 * days off and the make-up working days of the State Council's notice; Save checks them
 * (jp_holiday_year_from_lists: the message names the list and line) and writes the year with
 * jp_holiday_files_save_year into the user's folder, then emits "saved" (int year) and
 * closes. `calendar` (may be NULL, borrowed for the call) fills in a year it already has. */
JpHolidayEditor *jp_holiday_editor_new       (GtkWindow               *parent,
                                              const JpHolidayCalendar *calendar,
                                              int                      year);

/* For tests: fills the fields as a person would type them, and presses Save. */
void             jp_holiday_editor_set_lists (JpHolidayEditor *self,
                                              const char      *notice,
                                              const char      *days_off,
                                              const char      *workdays);
void             jp_holiday_editor_save      (JpHolidayEditor *self);
/* The message shown under the lists ("" when none). */
const char      *jp_holiday_editor_get_error (JpHolidayEditor *self);
int              jp_holiday_editor_get_year  (JpHolidayEditor *self);

G_END_DECLS
