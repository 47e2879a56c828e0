/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "evidence/jp-evidence-document.h"
#include "evidence/jp-evidence-renderer.h"

G_BEGIN_DECLS

typedef enum {
  JP_EVIDENCE_FIT_NONE,   /* the zoom set by the user */
  JP_EVIDENCE_FIT_WIDTH,  /* widest page fills the view's width, up to 150 % */
  JP_EVIDENCE_FIT_PAGE,   /* the current page fits whole in the view */
} JpEvidenceFitMode;

#define JP_TYPE_EVIDENCE_VIEWER (jp_evidence_viewer_get_type ())
G_DECLARE_FINAL_TYPE (JpEvidenceViewer, jp_evidence_viewer, JP, EVIDENCE_VIEWER, GtkWidget)

/* A document viewer for PDF and image evidence: continuous pages, zoom and fit, page
 * navigation, thumbnails, search with highlights, per-page rotation. Pages are rendered by
 * a JpEvidenceRenderer on worker threads; the widget never renders.
 *
 * Signal "rotation-changed" (const char *sha256, int page, int degrees): the user rotated
 * a page (0-based); save it and give it back with jp_evidence_viewer_set_rotations(). */
GtkWidget          *jp_evidence_viewer_new            (void);

/* Shares `renderer` (e.g. one per application). Without one the viewer makes its own. */
void                jp_evidence_viewer_set_renderer   (JpEvidenceViewer   *self,
                                                       JpEvidenceRenderer *renderer);
/* Shows `document` (nullable), from its first page. The viewer keeps a reference. */
void                jp_evidence_viewer_set_document   (JpEvidenceViewer   *self,
                                                       JpEvidenceDocument *document);
JpEvidenceDocument *jp_evidence_viewer_get_document   (JpEvidenceViewer   *self);

/* Pages are 0-based; the page entry shows them 1-based. */
void                jp_evidence_viewer_go_to_page     (JpEvidenceViewer   *self,
                                                       int                 page);
int                 jp_evidence_viewer_get_page       (JpEvidenceViewer   *self);

/* Zoom in logical pixels per point (1.0 = 100 %), clamped to 0.1 .. 8; sets fit mode none. */
void                jp_evidence_viewer_set_zoom       (JpEvidenceViewer   *self,
                                                       double              zoom);
double              jp_evidence_viewer_get_zoom       (JpEvidenceViewer   *self);
void                jp_evidence_viewer_set_fit_mode   (JpEvidenceViewer   *self,
                                                       JpEvidenceFitMode   mode);
JpEvidenceFitMode   jp_evidence_viewer_get_fit_mode   (JpEvidenceViewer   *self);
/* Shows or hides the page thumbnails beside the pages (the toolbar's toggle). */
void                jp_evidence_viewer_set_thumbnails_visible (JpEvidenceViewer *self,
                                                               gboolean          visible);
gboolean            jp_evidence_viewer_get_thumbnails_visible (JpEvidenceViewer *self);

/* Opens the search bar and searches `text` (asynchronously; the hit count is known when
 * "notify::n-hits" is emitted). An empty text clears the highlights. */
void                jp_evidence_viewer_search         (JpEvidenceViewer   *self,
                                                       const char         *text);
guint               jp_evidence_viewer_get_n_hits     (JpEvidenceViewer   *self);
/* Index of the current hit in document order, or -1. */
int                 jp_evidence_viewer_get_current_hit (JpEvidenceViewer  *self);

/* Applies saved rotations (0/90/180/270 per 0-based page, `n` entries) of the document with
 * `sha256`, now if it is shown or when it is set later. */
void                jp_evidence_viewer_set_rotations  (JpEvidenceViewer   *self,
                                                       const char         *sha256,
                                                       const int          *degrees,
                                                       guint               n);
int                 jp_evidence_viewer_get_rotation   (JpEvidenceViewer   *self,
                                                       int                 page);

/* ---- the chair's redaction boxes (jp-evidence-viewer-redact.c) ----
 *
 * Signals:
 *   "redaction-box-drawn" (const char *sha256, int page, double x, double y, double width,
 *     double height): the chair dragged a box in redaction mode; rectangle in unrotated page
 *     points, top-left origin, clipped to the page. Store it and give the boxes back with
 *     jp_evidence_viewer_set_redaction_boxes().
 *   "redaction-box-removed" (const char *sha256, gint64 id): the chair chose "Remove Box" on
 *     a box (right click in redaction mode).
 *   "preview-requested" (const char *sha256): the chair asked for the anonymised copy
 *     (action viewer.preview-anonymised). */

/* Shows the "Redact" toggle and the "Preview anonymised copy" button (the chair's viewer). */
void                jp_evidence_viewer_set_redaction_enabled (JpEvidenceViewer *self,
                                                              gboolean          enabled);
/* In redaction mode a drag on a page draws a box instead of nothing. */
void                jp_evidence_viewer_set_redaction_mode    (JpEvidenceViewer *self,
                                                              gboolean          mode);
gboolean            jp_evidence_viewer_get_redaction_mode    (JpEvidenceViewer *self);
/* The boxes of the shown document: JpRedactionBox* (store/jp-store-console.h), copied;
 * NULL for none. */
void                jp_evidence_viewer_set_redaction_boxes   (JpEvidenceViewer *self,
                                                              GPtrArray        *boxes);
guint               jp_evidence_viewer_get_n_redaction_boxes (JpEvidenceViewer *self);
/* What a drag from (x0, y0) to (x1, y1) on page `page` does in redaction mode; coordinates
 * in the page widget's pixels (zoomed and rotated as shown). Emits "redaction-box-drawn"
 * and returns TRUE unless the box is under 3 points on a side or not on the page. */
gboolean            jp_evidence_viewer_drag_box              (JpEvidenceViewer *self,
                                                              int               page,
                                                              double            x0,
                                                              double            y0,
                                                              double            x1,
                                                              double            y1);
/* The id of the box under (x, y) in page `page`'s widget pixels, 0 when none. */
gint64              jp_evidence_viewer_get_box_at            (JpEvidenceViewer *self,
                                                              int               page,
                                                              double            x,
                                                              double            y);

/* Number of pages whose texture is on screen now (tests and timing). */
guint               jp_evidence_viewer_get_n_pages_ready (JpEvidenceViewer *self);

G_END_DECLS
