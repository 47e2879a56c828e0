/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>
#include "store/jp-store.h"
#include "core/jp-holidays.h"

G_BEGIN_DECLS

/* The publicity (公示) stage: the start date with its computed end date and any missing
 * year's warning, the publicized list, the objections register (log, decide), the close
 * that seals the final list. Everything goes through store/jp-store-publicity.h. */

#define JP_TYPE_PUBLICITY_PAGE (jp_publicity_page_get_type ())
G_DECLARE_FINAL_TYPE (JpPublicityPage, jp_publicity_page, JP, PUBLICITY_PAGE, GtkBox)

GtkWidget *jp_publicity_page_new          (void);
/* Shows `store`'s publicity (NULL: none). */
void       jp_publicity_page_set_store    (JpPublicityPage   *self,
                                           JpStore           *store);
/* The holiday calendars to count with (takes ownership); by default they are loaded from the
 * calendar folders (store/jp-holiday-files.h) the first time they are needed. */
void       jp_publicity_page_set_calendar (JpPublicityPage   *self,
                                           JpHolidayCalendar *calendar);
/* Re-reads the publicity and the register from the store. */
void       jp_publicity_page_reload       (JpPublicityPage   *self);

G_END_DECLS
