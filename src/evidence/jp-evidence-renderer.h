/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-evidence-document.h"

G_BEGIN_DECLS

#define JP_EVIDENCE_RENDERER_DEFAULT_CACHE_BYTES ((gsize) 96 * 1024 * 1024)

#define JP_TYPE_EVIDENCE_RENDERER (jp_evidence_renderer_get_type ())
G_DECLARE_FINAL_TYPE (JpEvidenceRenderer, jp_evidence_renderer, JP, EVIDENCE_RENDERER, GObject)

/* Called once per request, in the main context that was the thread-default when the request
 * was made. On success `surface` (borrowed: reference it to keep it) is the page at
 * `scale` (the scale actually rendered, possibly reduced, see jp_evidence_render_page) and
 * `error` is NULL; otherwise `surface` is NULL and `error` says why (G_IO_ERROR_CANCELLED
 * for a cancelled request). */
typedef void (*JpEvidenceRenderCallback) (JpEvidenceDocument *document,
                                          int                 page,
                                          cairo_surface_t    *surface,
                                          double              scale,
                                          const GError       *error,
                                          gpointer            user_data);

/* A pool of `n_threads` worker threads (0: 2 to 4 by CPU count) and an LRU page cache
 * bounded to `cache_bytes` (0: JP_EVIDENCE_RENDERER_DEFAULT_CACHE_BYTES). One renderer is
 * meant to be shared by every viewer of the application. */
JpEvidenceRenderer *jp_evidence_renderer_new (gsize cache_bytes,
                                              guint n_threads);

/* Rounds `scale` up to the renderer's scale buckets (steps of about 9%), so that small zoom
 * or window size changes reuse cached pages. */
double   jp_evidence_renderer_bucket_scale (double scale);

/* Queues a render of `page` at (the bucket of) `scale` with the page's current rotation.
 * Lower `priority` values run first (G_PRIORITY_* style); among equals the newest request
 * runs first, which suits scrolling. A cached page is still delivered through `callback`
 * from an idle, never synchronously. `cancellable` (nullable) drops the request when it is
 * cancelled before a worker starts it. */
void     jp_evidence_renderer_request (JpEvidenceRenderer       *self,
                                       JpEvidenceDocument       *document,
                                       int                       page,
                                       double                    scale,
                                       int                       priority,
                                       GCancellable             *cancellable,
                                       JpEvidenceRenderCallback  callback,
                                       gpointer                  user_data);

/* The cached surface for this page at (the bucket of) `scale` and its current rotation, or
 * NULL. Returns a new reference; `out_scale` receives the rendered scale. Never renders. */
cairo_surface_t *jp_evidence_renderer_lookup (JpEvidenceRenderer *self,
                                              JpEvidenceDocument *document,
                                              int                 page,
                                              double              scale,
                                              double             *out_scale);

/* Statistics, for tests and benchmarks. */
gsize    jp_evidence_renderer_get_cache_bytes (JpEvidenceRenderer *self);
gsize    jp_evidence_renderer_get_cache_limit (JpEvidenceRenderer *self);
guint    jp_evidence_renderer_get_cache_count (JpEvidenceRenderer *self);
guint    jp_evidence_renderer_get_renders_done (JpEvidenceRenderer *self);

/* Empties the cache (for example after memory pressure). */
void     jp_evidence_renderer_clear_cache (JpEvidenceRenderer *self);

G_END_DECLS
