/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One eligibility criterion on the review form: its check button and the menu button whose
 * popover lists the dossier's evidence documents. "toggled" is the check button's. */
#define JP_TYPE_CRITERION_ROW (jp_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (JpCriterionRow, jp_criterion_row, JP, CRITERION_ROW, GtkListBoxRow)

GtkWidget      *jp_criterion_row_new              (int             criterion,
                                                   const char     *text);
int             jp_criterion_row_get_criterion    (JpCriterionRow *self);
GtkCheckButton *jp_criterion_row_get_check        (JpCriterionRow *self);
GtkMenuButton  *jp_criterion_row_get_evidence_button (JpCriterionRow *self);
/* the popover's box, which holds the JpEvidenceCheck buttons */
GtkBox         *jp_criterion_row_get_evidence_box (JpCriterionRow *self);

G_END_DECLS
