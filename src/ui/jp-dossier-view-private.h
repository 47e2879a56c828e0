/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-dossier-view.h"
#include "jp-photo-gallery.h"
#include "jp-evidence-viewer.h"

G_BEGIN_DECLS

/* Where a finding's jump button leads: a section or a form field row. */
typedef enum {
  JP_DOSSIER_TARGET_NONE = 0,
  JP_DOSSIER_TARGET_FIELD,
  JP_DOSSIER_TARGET_PHOTOS,
  JP_DOSSIER_TARGET_SUMMARY,
  JP_DOSSIER_TARGET_DEEDS,
  JP_DOSSIER_TARGET_EVIDENCE,
} JpDossierTarget;

/* Maps a finding (code, field) to its target; for FIELD, *field_out is the field key. */
JpDossierTarget jp_dossier_target_for_finding (const JpFinding *finding,
                                               const char     **field_out);

/* Scrolls to and highlights `target` (for FIELD, the row of `field`); FALSE if absent. */
gboolean        jp_dossier_view_jump           (JpDossierView   *self,
                                                JpDossierTarget  target,
                                                const char      *field);
/* Shows the evidence document `sha256` of the candidate in the embedded viewer (parsed on a
 * worker thread); FALSE when the candidate has no such document. */
gboolean        jp_dossier_view_open_document  (JpDossierView *self,
                                                const char    *sha256);
/* Back from the document page to the dossier (Back, Esc, Alt+Left); FALSE if none shown. */
gboolean        jp_dossier_view_close_document (JpDossierView *self);

/* for tests */
JpPhotoGallery  *jp_dossier_view_get_gallery        (JpDossierView *self);
GtkLabel        *jp_dossier_view_get_summary_count  (JpDossierView *self);
GtkLabel        *jp_dossier_view_get_deeds_count    (JpDossierView *self);
GtkWidget       *jp_dossier_view_get_field_row      (JpDossierView *self,
                                                     const char    *field);
GtkListBox      *jp_dossier_view_get_evidence_list  (JpDossierView *self);
GtkListBox      *jp_dossier_view_get_findings_list  (JpDossierView *self);
/* the section the last jump went to, its widget (highlighted), and for FIELD the field key */
JpDossierTarget  jp_dossier_view_get_jump_target    (JpDossierView *self);
GtkWidget       *jp_dossier_view_get_jump_widget    (JpDossierView *self);
const char      *jp_dossier_view_get_jump_field     (JpDossierView *self);
GtkWidget       *jp_dossier_view_get_section        (JpDossierView *self,
                                                     JpDossierTarget target);
JpEvidenceViewer *jp_dossier_view_get_viewer        (JpDossierView *self);   /* NULL until opened */
const char      *jp_dossier_view_get_open_document  (JpDossierView *self);   /* sha256 */
GtkAdjustment   *jp_dossier_view_get_vadjustment    (JpDossierView *self);
/* the document page: its Back button, the document's name and its criterion */
GtkWidget       *jp_dossier_view_get_back_button        (JpDossierView *self);
GtkLabel        *jp_dossier_view_get_document_title     (JpDossierView *self);
GtkLabel        *jp_dossier_view_get_document_criterion (JpDossierView *self);
/* the window of the last "Preview anonymised copy", NULL until one is shown or once closed */
GtkWindow       *jp_dossier_view_get_preview_window (JpDossierView *self);

/* photo gallery internals */
guint            jp_photo_gallery_get_n_loaded      (JpPhotoGallery *self);
GtkWindow       *jp_photo_gallery_get_viewer        (JpPhotoGallery *self);
guint            jp_photo_gallery_get_viewer_index  (JpPhotoGallery *self);
GtkWidget       *jp_photo_gallery_get_thumbnail     (JpPhotoGallery *self,
                                                     guint           index);

G_END_DECLS
