/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>
#include "evidence/jp-evidence-document.h"

G_BEGIN_DECLS

/* Resolution of the rasterised pages of an anonymised copy. */
#define JP_MEETING_ANON_DPI 150.0

/* Makes the anonymised copy of one evidence file (PDF or image): every page is rendered at
 * JP_MEETING_ANON_DPI, black boxes are burnt over every occurrence of each of `terms` that the
 * text layer holds, also when it wraps to the next line or has spaces or line breaks between
 * its characters (jp_evidence_page_find_terms; terms shorter than two characters are
 * ignored: they would black out whole pages) and over each of `boxes` (JpEvidenceHit:
 * 0-based page and rectangle in unrotated page points, added by the chair for scans), and
 * the images are assembled into a new PDF with one image page per page. The copy has no
 * text layer. Blocking: call it on a worker thread. Returns: (transfer full): the PDF bytes,
 * or NULL with `error` naming the file and page. */
GBytes *jp_meeting_anonymise (GBytes             *data,
                              const char         *mime,
                              const char         *sha256,
                              const char *const  *terms,
                              GArray             *boxes,
                              GCancellable       *cancellable,
                              GError            **error);

#define JP_TYPE_MEETING_ANON_CACHE (jp_meeting_anon_cache_get_type ())
G_DECLARE_FINAL_TYPE (JpMeetingAnonCache, jp_meeting_anon_cache, JP, MEETING_ANON_CACHE, GObject)

/* A cache of anonymised copies keyed by content (sha256 of the original, the terms and the
 * boxes), holding at most `max_bytes` of copies (least recently used dropped first). Used
 * from one thread (the main context); the copies are made on worker threads. */
JpMeetingAnonCache *jp_meeting_anon_cache_new (gsize max_bytes);

/* Gets the copy from the cache or makes it on a worker thread. Concurrent requests for the
 * same key share one build. `data` is referenced; `terms` and `boxes` are copied. */
void    jp_meeting_anon_cache_get_async  (JpMeetingAnonCache  *self,
                                          GBytes              *data,
                                          const char          *mime,
                                          const char          *sha256,
                                          const char *const   *terms,
                                          GArray              *boxes,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Returns: (transfer full): the PDF bytes, or NULL with `error` set. */
GBytes *jp_meeting_anon_cache_get_finish (JpMeetingAnonCache  *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Bytes held and number of copies, for tests and the chair's status line. */
gsize   jp_meeting_anon_cache_get_size    (JpMeetingAnonCache *self);
guint   jp_meeting_anon_cache_get_n_items (JpMeetingAnonCache *self);

G_END_DECLS
