/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "jp-evidence.h"

G_BEGIN_DECLS

/* Renders never allocate more than this many pixels on a side (about 256 MB at most). */
#define JP_EVIDENCE_MAX_RENDER_PIXELS 8192
/* Images are decoded to at most this many pixels on their long side. */
#define JP_EVIDENCE_MAX_IMAGE_PIXELS  4096
/* Pass as `rotation` to use the document's own rotation of the page. */
#define JP_EVIDENCE_ROTATION_DOCUMENT (-1)

/* A rectangle in page points, origin at the top-left corner of the page. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} JpEvidenceRect;

/* One search hit: a 0-based page and a rectangle in unrotated page points. */
typedef struct {
  int            page;
  JpEvidenceRect rect;
} JpEvidenceHit;

#define JP_TYPE_EVIDENCE_DOCUMENT (jp_evidence_document_get_type ())
G_DECLARE_FINAL_TYPE (JpEvidenceDocument, jp_evidence_document, JP, EVIDENCE_DOCUMENT, GObject)

/* Opens a PDF (poppler) or a JPEG/PNG image (gdk-pixbuf, decoded to at most
 * JP_EVIDENCE_MAX_IMAGE_PIXELS on its long side). `mime` may be NULL to sniff the bytes;
 * `sha256` may be NULL to compute it; `display_name` names the file in error messages.
 * The bytes are referenced, not copied. Returns a new document or NULL with `error` set
 * (JP_EVIDENCE_ERROR). Safe to call on any thread. */
JpEvidenceDocument *jp_evidence_document_new (GBytes      *data,
                                              const char  *mime,
                                              const char  *sha256,
                                              const char  *display_name,
                                              GError     **error);

const char *jp_evidence_document_get_sha256       (JpEvidenceDocument *self);
const char *jp_evidence_document_get_display_name (JpEvidenceDocument *self);
const char *jp_evidence_document_get_mime         (JpEvidenceDocument *self);
gboolean    jp_evidence_document_is_image         (JpEvidenceDocument *self);
int         jp_evidence_document_get_n_pages      (JpEvidenceDocument *self);
/* A number unique to this document object in the process (cache keys). */
guint64     jp_evidence_document_get_serial       (JpEvidenceDocument *self);

/* Page size in points (pixels for images) with the page's current rotation applied. */
void        jp_evidence_document_get_page_size    (JpEvidenceDocument *self,
                                                   int                 page,
                                                   double             *width,
                                                   double             *height);
/* Page size in points as stored in the file, before the viewer's rotation. */
void        jp_evidence_document_get_unrotated_page_size (JpEvidenceDocument *self,
                                                          int                 page,
                                                          double             *width,
                                                          double             *height);

/* Per-page rotation, clockwise, 0/90/180/270 (other values are normalised). Thread-safe. */
int         jp_evidence_document_get_page_rotation (JpEvidenceDocument *self,
                                                    int                 page);
void        jp_evidence_document_set_page_rotation (JpEvidenceDocument *self,
                                                    int                 page,
                                                    int                 degrees);

/* Renders `page` (0-based) at `scale` pixels per point, rotated by `rotation` degrees
 * (or the document's rotation with JP_EVIDENCE_ROTATION_DOCUMENT), on white, into a new
 * CAIRO_FORMAT_ARGB32 image surface (caller owns it). When the result would exceed
 * JP_EVIDENCE_MAX_RENDER_PIXELS on a side the scale is reduced; `out_scale` (nullable)
 * receives the scale actually used. Thread-safe (serialised by the document's mutex); meant
 * for worker threads. Returns NULL with `error` naming the page when it cannot be rendered. */
cairo_surface_t *jp_evidence_render_page (JpEvidenceDocument *self,
                                          int                 page,
                                          double              scale,
                                          int                 rotation,
                                          double             *out_scale,
                                          GError            **error);

/* Case-insensitive search of `text` on one page. Returns an array of JpEvidenceRect in
 * unrotated page points, top-left origin, in reading order (caller owns; empty for none or
 * for images). Thread-safe. */
GArray  *jp_evidence_page_find_text (JpEvidenceDocument *self,
                                     int                 page,
                                     const char         *text);

/* Finds what is to be blacked out on one page: every occurrence of each of `terms` (terms
 * with fewer than two characters besides white space are skipped), also where a term wraps
 * to the next line or has spaces or line breaks between its characters (poppler's
 * multi-line search and jp_anon_find over the page's text and character boxes). Returns an
 * array of JpEvidenceRect in unrotated page points, top-left origin, one or more per
 * occurrence (one per line it runs over; they may overlap); caller owns; empty for images.
 * Thread-safe. */
GArray  *jp_evidence_page_find_terms (JpEvidenceDocument *self,
                                      int                 page,
                                      const char *const  *terms);

/* Searches every page; returns a GArray of JpEvidenceHit in page order. Thread-safe but
 * slow on long documents: the UI uses the async variant. */
GArray  *jp_evidence_document_find_text (JpEvidenceDocument *self,
                                         const char         *text,
                                         GCancellable       *cancellable);

/* Searches every page on a worker thread; also works out has_text so the caller can say
 * "no text in this document" without touching poppler itself. */
void     jp_evidence_document_search_async  (JpEvidenceDocument  *self,
                                             const char          *text,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* Returns the hits (GArray of JpEvidenceHit, caller owns) or NULL with `error` set. */
GArray  *jp_evidence_document_search_finish (JpEvidenceDocument  *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* TRUE when any page has non-whitespace text (FALSE for images and scans without an OCR
 * layer). Computed once, then cached; thread-safe. */
gboolean jp_evidence_document_has_text (JpEvidenceDocument *self);

/* Maps `rect` (unrotated page points, top-left origin, on a page `page_width` x
 * `page_height` before rotation) to the page rotated clockwise by `rotation` degrees. */
void     jp_evidence_rect_rotate (const JpEvidenceRect *rect,
                                  double                page_width,
                                  double                page_height,
                                  int                   rotation,
                                  JpEvidenceRect       *out);

/* Normalises any multiple of 90 degrees to 0, 90, 180 or 270. */
int      jp_evidence_normalize_rotation (int degrees);

/* Draws `page` (0-based, unrotated) for a printer onto `cr`, one unit per point from the
 * page's top-left corner: vector output (poppler_page_render_for_printing) for a PDF, the
 * picture for an image. The caller scales and places it on the sheet. Thread-safe. FALSE
 * with `error` naming the page when it cannot be drawn. */
gboolean jp_evidence_document_print_page (JpEvidenceDocument  *self,
                                          int                  page,
                                          cairo_t             *cr,
                                          GError             **error);

G_END_DECLS
