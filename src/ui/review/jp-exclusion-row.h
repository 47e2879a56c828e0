/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "core/jp-qualify.h"

G_BEGIN_DECLS

/* One exclusion on the review form: its check button, what ticking it means, and a note.
 * "changed" is emitted when the check or the note changes. */
#define JP_TYPE_EXCLUSION_ROW (jp_exclusion_row_get_type ())
G_DECLARE_FINAL_TYPE (JpExclusionRow, jp_exclusion_row, JP, EXCLUSION_ROW, GtkListBoxRow)

GtkWidget      *jp_exclusion_row_new       (JpExclusion     exclusion);
JpExclusion     jp_exclusion_row_get_exclusion (JpExclusionRow *self);
GtkCheckButton *jp_exclusion_row_get_check (JpExclusionRow *self);
GtkEntry       *jp_exclusion_row_get_note  (JpExclusionRow *self);

G_END_DECLS
