/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "evidence/jp-evidence-document.h"
#include "evidence/jp-evidence-renderer.h"
#include "ui/evidence/jp-evidence-viewer.h"

G_BEGIN_DECLS

/* One page of the evidence viewer (or one thumbnail): sized from the page size x zoom, shows
 * its rendered texture when ready and a placeholder until then, plus search highlights.
 * It only ever asks the renderer; it never renders itself. */
#define JP_TYPE_EVIDENCE_PAGE (jp_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (JpEvidencePage, jp_evidence_page, JP, EVIDENCE_PAGE, GtkWidget)

GtkWidget *jp_evidence_page_new         (void);
/* Shows page `index` of `document` (both nullable to show nothing); drops any texture. */
void       jp_evidence_page_set_page    (JpEvidencePage     *self,
                                         JpEvidenceRenderer *renderer,
                                         JpEvidenceDocument *document,
                                         int                 index);
int        jp_evidence_page_get_index   (JpEvidencePage     *self);
void       jp_evidence_page_set_zoom    (JpEvidencePage     *self,
                                         double              zoom);
/* Requests a render at zoom x scale factor unless the texture already matches. */
void       jp_evidence_page_ensure_rendered (JpEvidencePage *self,
                                             int             priority);
/* Drops the texture and cancels a pending request (page scrolled far away). */
void       jp_evidence_page_release     (JpEvidencePage     *self);
/* Call after the document's rotation of this page changed. */
void       jp_evidence_page_rotation_changed (JpEvidencePage *self);
/* `rects`: JpEvidenceRect in unrotated page points (copied; NULL for none); `current` is the
 * index of the current hit in `rects` or -1. */
void       jp_evidence_page_set_hits    (JpEvidencePage     *self,
                                         GArray             *rects,
                                         int                 current);
gboolean   jp_evidence_page_has_texture (JpEvidencePage     *self);
/* The chair's redaction boxes of this page: JpEvidenceRect in unrotated page points (copied;
 * NULL for none), drawn as translucent black boxes. */
void       jp_evidence_page_set_redactions   (JpEvidencePage *self,
                                              GArray         *rects);
guint      jp_evidence_page_get_n_redactions (JpEvidencePage *self);
/* The rectangle being dragged, in widget coordinates; NULL when no drag is under way. */
void       jp_evidence_page_set_drag         (JpEvidencePage        *self,
                                              const graphene_rect_t *rect);
double     jp_evidence_page_get_zoom         (JpEvidencePage *self);
/* The error of the last failed render, or NULL. */
const char *jp_evidence_page_get_error  (JpEvidencePage     *self);


/* ---- JpEvidenceViewer internals, shared with jp-evidence-viewer-actions.c ---- */

/* Must match the margins and spacing of pages_box in jp-evidence-viewer.ui. */
#define PAGE_MARGIN  12
#define PAGE_SPACING 12
#define ZOOM_MIN     0.1
#define ZOOM_MAX     8.0
#define THUMB_WIDTH  120.0

#define PRIORITY_VISIBLE   (-100)
#define PRIORITY_NEAR      0
#define PRIORITY_THUMBNAIL 100

struct _JpEvidenceViewer
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *root;
  GtkWidget          *page_entry;
  GtkWidget          *n_pages_label;
  GtkWidget          *zoom_button;
  GtkWidget          *title_label;
  GtkWidget          *thumbnails_toggle;
  GtkWidget          *search_toggle;
  GtkWidget          *search_bar;
  GtkWidget          *search_entry;
  GtkWidget          *hits_label;
  GtkWidget          *thumbnails_view;
  GtkWidget          *scrolled;
  GtkWidget          *pages_box;

  JpEvidenceRenderer *renderer;
  JpEvidenceDocument *document;
  GPtrArray          *pages;             /* JpEvidencePage, children of pages_box */
  GtkStringList      *thumb_model;
  GtkSingleSelection *thumb_selection;
  gboolean            syncing_selection;

  int                 page;
  double              zoom;
  JpEvidenceFitMode   fit_mode;

  double              target_value;      /* scroll position we set; < 0 when none pending */
  double              target_hvalue;
  double              pointer_x;
  double              pointer_y;
  guint               update_id;
  guint               fit_id;

  GCancellable       *search_cancellable;
  char               *search_text;
  GArray             *hits;              /* JpEvidenceHit */
  int                 current_hit;
  gboolean            search_done;

  char               *rotations_sha256;
  GArray             *rotations;         /* int */

  /* redaction (jp-evidence-viewer-redact.c) */
  GtkWidget          *redact_toggle;
  GtkWidget          *preview_button;
  GtkWidget          *redact_popover;
  gboolean            redaction_mode;
  GArray             *redactions;        /* JpViewerRedaction */
  JpEvidencePage     *drag_page;
  double              drag_x;
  double              drag_y;
  gint64              popover_box;
};

/* One of the chair's boxes as the viewer shows it. */
typedef struct {
  gint64         id;
  int            page;
  JpEvidenceRect rect;
} JpViewerRedaction;

void     jp_evidence_viewer_class_redaction_init (GtkWidgetClass *widget_class);
void     jp_evidence_viewer_init_redaction     (JpEvidenceViewer *self);
void     jp_evidence_viewer_redaction_dispose  (JpEvidenceViewer *self);
/* Hands the boxes to the page widgets (after the document or the boxes changed). */
void     jp_evidence_viewer_distribute_redactions (JpEvidenceViewer *self);

void     jp_evidence_viewer_class_actions_init (GtkWidgetClass *widget_class);
void     jp_evidence_viewer_init_thumbnails    (JpEvidenceViewer *self);
void     jp_evidence_viewer_init_controllers   (JpEvidenceViewer *self);
int      jp_evidence_viewer_n_pages            (JpEvidenceViewer *self);
JpEvidencePage *jp_evidence_viewer_page_widget (JpEvidenceViewer *self,
                                                int               index);
void     jp_evidence_viewer_apply_zoom         (JpEvidenceViewer *self,
                                                double            zoom,
                                                double            ax,
                                                double            ay);
void     jp_evidence_viewer_rotate_current     (JpEvidenceViewer *self,
                                                int               delta);
void     jp_evidence_viewer_start_search       (JpEvidenceViewer *self,
                                                const char       *text);
void     jp_evidence_viewer_go_to_hit          (JpEvidenceViewer *self,
                                                int               index);

G_END_DECLS
