/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "ui/review/jp-review-page-private.h"

/* The widgets a test drives and reads on JpReviewPage (jp-review-page-private.h). */

/* ---- for tests ---- */

GtkCheckButton *
jp_review_page_get_criterion_check (JpReviewPage *self,
                                    int           criterion)
{
  g_return_val_if_fail (criterion >= 1 && criterion <= JP_N_CRITERIA, NULL);
  return self->criterion_checks[criterion];
}

GPtrArray *
jp_review_page_get_evidence_checks (JpReviewPage *self,
                                    int           criterion)
{
  g_return_val_if_fail (criterion >= 1 && criterion <= JP_N_CRITERIA, NULL);
  return self->evidence_checks[criterion];
}

GtkCheckButton *
jp_review_page_get_exclusion_check (JpReviewPage *self,
                                    JpExclusion   exclusion)
{
  g_return_val_if_fail (exclusion < JP_N_EXCLUSIONS, NULL);
  return self->exclusion_checks[exclusion];
}

GtkCheckButton *
jp_review_page_get_qualified_check (JpReviewPage *self)
{
  return self->qualified_check;
}

GtkCheckButton *
jp_review_page_get_returned_check (JpReviewPage *self)
{
  return self->returned_check;
}

GtkEditable *
jp_review_page_get_reason_entry (JpReviewPage *self)
{
  return GTK_EDITABLE (self->reason_entry);
}

GtkWidget *
jp_review_page_get_save_button (JpReviewPage *self)
{
  return self->save_button;
}

GtkWidget *
jp_review_page_get_save_next_button (JpReviewPage *self)
{
  return self->save_next_button;
}

GtkLabel *
jp_review_page_get_save_hint (JpReviewPage *self)
{
  return self->save_hint;
}

GtkLabel *
jp_review_page_get_progress_label (JpReviewPage *self)
{
  return self->progress_label;
}

GtkLabel *
jp_review_page_get_decided_label (JpReviewPage *self)
{
  return self->decided_label;
}

GtkListBox *
jp_review_page_get_history_list (JpReviewPage *self)
{
  return self->history_list;
}

GtkListBox *
jp_review_page_get_warnings_list (JpReviewPage *self)
{
  return self->warnings_list;
}

GtkColumnView *
jp_review_page_get_column_view (JpReviewPage *self)
{
  return self->column_view;
}

JpDossierView *
jp_review_page_get_dossier_view (JpReviewPage *self)
{
  return self->dossier_view;
}

gint64
jp_review_page_get_candidate_id (JpReviewPage *self)
{
  return self->candidate != NULL ? self->candidate->id : 0;
}

const char *
jp_review_page_get_last_message (JpReviewPage *self)
{
  return self->last_message;
}
