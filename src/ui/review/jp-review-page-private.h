/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "ui/review/jp-review-page.h"
#include "ui/widgets/jp-store-watch.h"
#include "ui/candidates/jp-dossier-view.h"

G_BEGIN_DECLS

/* for tests: the widgets a reviewer uses, 1-based criteria */
GtkCheckButton *jp_review_page_get_criterion_check (JpReviewPage *self,
                                                    int           criterion);
/* the evidence check buttons of a criterion's popover (JpEvidenceCheck*, borrowed), which
 * know their document's sha256 */
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

/* Internals shared by jp-review-page.c (the table, progress, loading, actions),
 * jp-review-page-form.c (the review form and history) and jp-review-page-testing.c. */

struct _JpReviewPage
{
  GtkWidget           parent_instance;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *frozen_revealer;
  GtkLabel           *frozen_label;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkGrid            *trade_grid;
  GtkStack           *mode_stack;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *trade_dropdown;
  GtkColumnView      *column_view;
  GtkStack           *walk_stack;
  JpDossierView      *dossier_view;
  GtkLabel           *position_label;
  GtkListBox         *criteria_list;
  GtkListBox         *exclusions_list;
  GtkWidget          *warnings_box;
  GtkListBox         *warnings_list;
  GtkCheckButton     *qualified_check;
  GtkCheckButton     *returned_check;
  GtkEntry           *reason_entry;
  GtkLabel           *save_hint;
  GtkWidget          *save_button;
  GtkWidget          *save_next_button;
  GtkLabel           *decided_label;
  GtkListBox         *history_list;

  /* built in code */
  GtkCheckButton     *criterion_checks[JP_N_CRITERIA + 1];
  GtkMenuButton      *evidence_buttons[JP_N_CRITERIA + 1];
  GtkBox             *evidence_boxes[JP_N_CRITERIA + 1];
  GPtrArray          *evidence_checks[JP_N_CRITERIA + 1];  /* GtkCheckButton*, borrowed */
  GtkCheckButton     *exclusion_checks[JP_N_EXCLUSIONS];
  GtkEntry           *exclusion_entries[JP_N_EXCLUSIONS];

  JpStore            *store;
  GListStore         *empty;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkStringList      *trades;
  GHashTable         *reviews;     /* candidate id (gint64*) -> JpReview* */
  JpCandidate        *candidate;   /* the one being reviewed, with its documents */
  gboolean            loading;     /* filling the form: no change handlers */
  char               *last_message;
  JpStoreWatch       *watch;       /* JpStore::changed */
};

/* jp-review-page.c */
void      jp_review_page_clear_list        (GtkListBox   *list);
/* "YYYY-MM-DD HH:MM" in local time, "" for none. Returns: (transfer full). */
char     *jp_review_page_format_time       (gint64        unix_time);
/* Shows `message` as a toast and keeps it as the last message. */
void      jp_review_page_show_message      (JpReviewPage *self,
                                            const char   *message);

/* jp-review-page-form.c */
/* The review the form shows now. Returns: (transfer full). */
JpReview *jp_review_page_form_review       (JpReviewPage *self);
/* Re-checks the form: warnings, the decision's hint, the save buttons. */
void      jp_review_page_update_form_state (JpReviewPage *self);
/* Template callback "on_form_changed". */
void      jp_review_page_on_form_changed   (JpReviewPage *self);
/* Builds the criteria and exclusion rows once, at init. */
void      jp_review_page_build_criteria    (JpReviewPage *self);
void      jp_review_page_build_exclusions  (JpReviewPage *self);
/* Fills the form, the dossier and the history for the selected candidate. */
void      jp_review_page_load_selected     (JpReviewPage *self);

G_END_DECLS
