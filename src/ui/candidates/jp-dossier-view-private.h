/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "ui/candidates/jp-dossier-view.h"
#include "ui/widgets/jp-photo-gallery.h"
#include "ui/widgets/jp-store-watch.h"
#include "ui/evidence/jp-evidence-viewer.h"
#include "meeting/jp-meeting-anon.h"

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

/* Internals shared by jp-dossier-view.c (the form, texts, evidence list, findings) and
 * jp-dossier-view-viewer.c (the evidence viewer, redaction boxes, the preview). */

struct _JpDossierView
{
  GtkWidget        parent_instance;

  /* template children */
  GtkStack        *stack;
  GtkScrolledWindow *scrolled;
  GtkWidget       *content;
  GtkLabel        *name_label;
  GtkLabel        *subtitle_label;
  GtkButton       *print_button;
  GtkWidget       *findings_section;
  GtkListBox      *findings_list;
  GtkWidget       *form_section;
  GtkListBox      *form_list;
  GtkWidget       *photos_section;
  JpPhotoGallery  *gallery;
  GtkWidget       *summary_section;
  GtkLabel        *summary_count;
  GtkLabel        *summary_text;
  GtkWidget       *deeds_section;
  GtkLabel        *deeds_count;
  GtkLabel        *deeds_text;
  GtkWidget       *evidence_section;
  GtkListBox      *evidence_list;
  GtkBox          *viewer_box;
  GtkLabel        *viewer_error;
  GtkWidget       *back_button;
  GtkLabel        *document_title;
  GtkLabel        *document_criterion;
  double           dossier_scroll;  /* where the dossier was when a document opened */
  JpEvidenceViewer *viewer;         /* created on the first open */
  GCancellable    *open_cancellable;
  char            *open_sha256;     /* the document shown in the viewer */
  JpMeetingAnonCache *anon;         /* the chair's previews, made on first use */
  GtkWindow       *preview_window;  /* weak: closing it destroys it */
  GCancellable    *preview_cancellable;

  JpStore         *store;
  JpStoreWatch    *watch;          /* JpStore::changed::candidates: the heading follows */
  gint64           candidate_id;
  GHashTable      *field_rows;     /* field key -> GtkListBoxRow (borrowed) */
  JpDossierTarget  jump_target;
  GtkWidget       *jump_widget;    /* borrowed, highlighted */
  char            *jump_field;
};

/* jp-dossier-view.c */
/* Shows `page` of the stack, and tells whether the document page came or went. */
void jp_dossier_view_show_page      (JpDossierView *self,
                                     const char    *page);

/* jp-dossier-view-viewer.c */
/* Cancels an opening and empties the viewer. */
void jp_dossier_view_clear_viewer   (JpDossierView *self);
/* The dossier.back action: closes the document. */
void jp_dossier_view_back_activated (GtkWidget     *widget,
                                     const char    *action_name,
                                     GVariant      *parameter);

G_END_DECLS
