/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-review-page.h"
#include "jp-dossier-view.h"

G_BEGIN_DECLS

/* for tests: the widgets a reviewer uses, 1-based criteria */
GtkCheckButton *jp_review_page_get_criterion_check (JpReviewPage *self,
                                                    int           criterion);
/* the evidence check buttons of a criterion's popover (GtkCheckButton*, borrowed); each
 * carries its document's sha256 as object data "jp-sha256" */
GPtrArray      *jp_review_page_get_evidence_checks (JpReviewPage *self,
                                                    int           criterion);
GtkCheckButton *jp_review_page_get_exclusion_check (JpReviewPage *self,
                                                    JpExclusion   exclusion);
GtkCheckButton *jp_review_page_get_qualified_check (JpReviewPage *self);
GtkCheckButton *jp_review_page_get_returned_check  (JpReviewPage *self);
GtkEditable    *jp_review_page_get_reason_entry    (JpReviewPage *self);
GtkWidget      *jp_review_page_get_save_button     (JpReviewPage *self);
GtkWidget      *jp_review_page_get_save_next_button (JpReviewPage *self);
GtkLabel       *jp_review_page_get_save_hint       (JpReviewPage *self);
GtkLabel       *jp_review_page_get_progress_label  (JpReviewPage *self);
GtkLabel       *jp_review_page_get_decided_label   (JpReviewPage *self);
GtkListBox     *jp_review_page_get_history_list    (JpReviewPage *self);
GtkListBox     *jp_review_page_get_warnings_list   (JpReviewPage *self);
GtkColumnView  *jp_review_page_get_column_view     (JpReviewPage *self);
JpDossierView  *jp_review_page_get_dossier_view    (JpReviewPage *self);
gint64          jp_review_page_get_candidate_id    (JpReviewPage *self);
/* the last refusal or error shown (toast and banner), NULL if none */
const char     *jp_review_page_get_last_message    (JpReviewPage *self);
/* Saves as the review.save action does; FALSE when refused. */
gboolean        jp_review_page_save                (JpReviewPage *self);
/* Saves as the review.save-next action does (Ctrl+Enter), then shows the next candidate of
 * the walk; FALSE when refused (the walk stays). */
gboolean        jp_review_page_save_and_next       (JpReviewPage *self);

G_END_DECLS
