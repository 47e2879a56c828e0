/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "store/jp-store-console.h"

G_BEGIN_DECLS

#define JP_TYPE_REVIEW_PAGE (jp_review_page_get_type ())
G_DECLARE_FINAL_TYPE (JpReviewPage, jp_review_page, JP, REVIEW_PAGE, GtkWidget)

/* The qualification review (资格审查): a table of every candidate with its review state, and a
 * one-by-one walk with the dossier, the criteria checklist with linked evidence, the
 * exclusions, the warnings, the decision and the history. Keys: Alt+Left/Right and
 * Ctrl+Page Up/Down for the previous/next candidate, Ctrl+S saves. */
GtkWidget *jp_review_page_new       (void);

/* The election to review (a reference is kept); NULL clears the page. */
void       jp_review_page_set_store (JpReviewPage *self,
                                     JpStore      *store);

/* Re-reads candidates, reviews and progress from the store (after an import). */
void       jp_review_page_reload    (JpReviewPage *self);

/* Switches to the one-by-one walk on the candidate with row id `candidate_id`; FALSE if it
 * is not in the (filtered) list. */
gboolean   jp_review_page_show_candidate (JpReviewPage *self,
                                          gint64        candidate_id);

G_END_DECLS
