/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The publicity page's widgets, for its .c and its tests. */

#include "ui/records/jp-publicity-page.h"
#include "ui/widgets/jp-store-watch.h"

G_BEGIN_DECLS

struct _JpPublicityPage {
  GtkBox             parent_instance;

  JpStore           *store;
  JpStoreWatch      *watch;     /* JpStore::changed */
  JpHolidayCalendar *calendar;

  AdwPreferencesGroup *start_group;
  GtkCalendar         *start_calendar;
  GtkLabel            *period_label;
  GtkLabel            *days_label;
  GtkLabel            *warning_label;
  GtkButton           *holidays_button;
  int                  missing_year;   /* the first year without a calendar, 0 if none */
  AdwEntryRow         *approved_by_row;
  AdwEntryRow         *approved_at_row;
  GtkButton           *start_button;
  AdwPreferencesGroup *list_group;
  GtkListBox          *candidate_list;
  AdwPreferencesGroup *objection_group;
  GtkListBox          *objection_list;
  AdwEntryRow         *investigation_row;
  AdwEntryRow         *handled_by_row;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *code_row;
  AdwEntryRow         *received_row;
  AdwComboRow         *channel_row;
  AdwComboRow         *from_row;
  AdwEntryRow         *from_name_row;
  AdwEntryRow         *content_row;
  GtkButton           *add_button;
  AdwPreferencesGroup *close_group;
  GtkLabel            *close_label;
  GtkButton           *close_button;
};

/* Opens the holiday calendar editor for the year the warning names, else the year of the
 * selected start day; a year saved there reloads the calendars and recomputes the period.
 * Returns: (transfer none): the editor (tests). */
GtkWindow *jp_publicity_page_edit_holidays (JpPublicityPage *self);

G_END_DECLS
