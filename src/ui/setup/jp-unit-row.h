/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "ui/setup/jp-setup-private.h"

G_BEGIN_DECLS

/* One nominating unit on the units page: its pilot switch and nomination limit, the count of
 * candidates it nominated and a badge when that is over the limit. The row holds the item
 * (a JpSetupItem of JpUnit) it shows; "edited" tells the page that a control changed. */
#define JP_TYPE_UNIT_ROW (jp_unit_row_get_type ())
G_DECLARE_FINAL_TYPE (JpUnitRow, jp_unit_row, JP, UNIT_ROW, AdwActionRow)

GtkWidget     *jp_unit_row_new            (JpSetupItem *item);
/* The unit as the store last kept it; owned by the row's item. */
JpUnit        *jp_unit_row_get_unit       (JpUnitRow   *self);
gboolean       jp_unit_row_get_pilot      (JpUnitRow   *self);
guint          jp_unit_row_get_limit      (JpUnitRow   *self);
/* Sets the controls to the unit's stored values (after a refused change). */
void           jp_unit_row_reset          (JpUnitRow   *self);
/* Shows `count` nominated candidates against the unit's limit. */
void           jp_unit_row_set_nominated  (JpUnitRow   *self,
                                           guint        count);
guint          jp_unit_row_get_nominated  (JpUnitRow   *self);

/* for tests */
GtkSwitch     *jp_unit_row_get_pilot_switch (JpUnitRow *self);
GtkSpinButton *jp_unit_row_get_limit_spin   (JpUnitRow *self);
gboolean       jp_unit_row_is_over_limit    (JpUnitRow *self);

G_END_DECLS
