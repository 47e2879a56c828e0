/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>
#include "core/jp-holidays.h"

G_BEGIN_DECLS

/* Reading and writing the holiday calendar files (docs/holidays.md); the format is core's
 * jp-holidays.h. A calendar file is named YYYY.txt; other files in the folders are ignored.
 *
 * Folders, in order: when the environment variable JP_HOLIDAYS_DIR is set, that folder alone
 * (tests, or an office that keeps its calendars on a share). Otherwise the user's folder
 * (XDG data dir)/jiangping/holidays, where the program saves an edited year, then the
 * shipped calendars: $JP_SOURCE_DIR/data/holidays when JP_SOURCE_DIR is set (the test suite
 * and an uninstalled build), else the installed (datadir)/jiangping/holidays. A year in an
 * earlier folder hides the same year in a later one. */

/* Returns: (transfer full): the folders searched, in order. */
GStrv              jp_holiday_dirs          (void);
/* The folder where jp_holiday_files_save_year writes. Returns: (transfer full). */
char              *jp_holiday_user_dir      (void);

/* Loads every year of every folder. A missing folder is skipped; a file that cannot be read
 * or parsed fails the whole load with an error naming the file (and line).
 * Returns: (transfer full): the calendar, or NULL. */
JpHolidayCalendar *jp_holiday_files_load     (GError **error);
/* Loads the YYYY.txt files of one folder (a missing folder gives an empty calendar). */
JpHolidayCalendar *jp_holiday_files_load_dir (const char  *dir,
                                              GError     **error);
/* Writes `year` as YYYY.txt into the user's folder (created if needed), atomically.
 * Returns the path written in `path` (may be NULL). */
gboolean           jp_holiday_files_save_year (const JpHolidayYear  *year,
                                               char                **path,
                                               GError              **error);

G_END_DECLS
