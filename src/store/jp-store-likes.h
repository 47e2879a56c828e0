/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-store.h"
#include "core/jp-likes.h"

G_BEGIN_DECLS

/* Online likes (RULES.md "Online likes"; schema 8: online_likes, online_likes_zeroed). The
 * rules (file checks, O) are core's jp-likes.h; this stores and audits them. */

/* One finalist's likes. */
typedef struct {
  gint64    candidate_id;
  char     *code;
  char     *trade_code;
  gboolean  imported;      /* the last import listed the candidate */
  gint64    likes;         /* as imported; 0 when not listed */
  gboolean  zeroed;        /* zeroed by the chair: counts as 0 */
  char     *zero_reason;
  gint64    o;             /* O in hundredths (jp_likes_scores over all finalists) */
} JpLikesRow;

void jp_likes_row_free (JpLikesRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpLikesRow, jp_likes_row_free)

/* Imports a likes CSV (`data`, `length` bytes, named `source_name` in messages) against the
 * finalists decided so far (jp_store_finalists). On any problem nothing is stored: INVALID
 * with core's summary, and `problems` (may be NULL) receives JpLikesProblem* by line. INVALID
 * too when there are no finalists yet. On success the previous import is replaced in one
 * transaction, and the audit row "likes.import" records the file name, its SHA-256, the
 * encoding and every count. Zeroings stay.
 * Returns: (transfer full): the accepted file (entries, missing codes, sha256), or NULL. */
JpLikesFile *jp_store_import_likes (JpStore     *self,
                                    const char  *data,
                                    gsize        length,
                                    const char  *source_name,
                                    const char  *actor,
                                    GPtrArray  **problems,
                                    GError     **error);

/* Zeroes one finalist's likes for ballot stuffing (刷票) with the chair's written reason
 * (audited as "likes.zero" with the count it had). NOT_FOUND when `code` is not a finalist,
 * INVALID for a blank reason, CONFLICT when already zeroed. */
gboolean     jp_store_zero_likes   (JpStore     *self,
                                    const char  *code,
                                    const char  *reason,
                                    const char  *actor,
                                    GError     **error);

/* Every finalist with likes, zeroing and O. Returns: (transfer full): JpLikesRow*, by code;
 * NULL on error. */
GPtrArray   *jp_store_list_likes   (JpStore  *self,
                                    GError  **error);

G_END_DECLS
