/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "core/jp-settings.h"

G_BEGIN_DECLS

/* One criterion of the defence rubric on the settings page: its number, name and maximum
 * points, with buttons for the page's settings.rubric-move and settings.rubric-remove actions.
 * "edited" tells the page that the name or the maximum changed. */
#define JP_TYPE_RUBRIC_ROW (jp_rubric_row_get_type ())
G_DECLARE_FINAL_TYPE (JpRubricRow, jp_rubric_row, JP, RUBRIC_ROW, GtkListBoxRow)

GtkWidget     *jp_rubric_row_new       (guint                    index,
                                        const JpRubricCriterion *criterion);
/* The criterion's place in the rubric, from 0. */
guint          jp_rubric_row_get_index (JpRubricRow *self);
const char    *jp_rubric_row_get_name  (JpRubricRow *self);
double         jp_rubric_row_get_max   (JpRubricRow *self);

/* for tests */
GtkEditable   *jp_rubric_row_get_name_entry (JpRubricRow *self);
GtkSpinButton *jp_rubric_row_get_max_spin   (JpRubricRow *self);

G_END_DECLS
