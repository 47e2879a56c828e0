/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "core/jp-qualify.h"
#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_DOSSIER_VIEW (jp_dossier_view_get_type ())
G_DECLARE_FINAL_TYPE (JpDossierView, jp_dossier_view, JP, DOSSIER_VIEW, GtkWidget)

/* The whole dossier of one candidate: every field of the 推荐审批表, the photos, the summary
 * and deeds with their character counts, the evidence grouped by criterion and the intake
 * findings, each with a button that jumps to what it is about. */
GtkWidget   *jp_dossier_view_new           (void);

/* The store the candidates come from (a reference is kept); NULL clears the view. */
void         jp_dossier_view_set_store     (JpDossierView *self,
                                            JpStore       *store);

/* Shows the candidate with row id `candidate_id` (0 shows the empty state). The candidate is
 * read from the store with its documents and findings; FALSE with an error if it cannot be. */
gboolean     jp_dossier_view_show_candidate (JpDossierView *self,
                                             gint64         candidate_id,
                                             GError       **error);

/* The row id of the candidate shown, 0 if none. */
gint64       jp_dossier_view_get_candidate_id (JpDossierView *self);

/* Property "document-open": an evidence document has the whole view (opened with its Open
 * button), the dossier is one Back (Esc, Alt+Left) away. */
gboolean     jp_dossier_view_get_document_open (JpDossierView *self);

/* The criterion titles are core's: jp_criterion_short_title() in core/jp-qualify.h. */

G_END_DECLS
