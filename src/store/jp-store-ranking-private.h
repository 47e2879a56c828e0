/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Shared by the parts of the ranking's store (jp-store-ranking*.c). Not for use outside
 * src/store. */

#include "jp-store-private.h"

G_BEGIN_DECLS

/* D of every scored candidate of closed defence session `round_id`, into `d_of` (code ->
 * gint64* hundredths, both owned by the table). With `sheets` FALSE, from the outcome stored
 * at the close, checked against its digest (which names the session's digest); with
 * `sheets` TRUE (the audit's recomputation), scored from the sheets and checked against the
 * stored outcome. A session closed before outcomes were stored is scored from its sheets,
 * checked against the session's digest. FALSE with `error` (FAILED: the file was altered). */
gboolean jp_store_ranking_session_d (JpStore     *self,
                                     gint64       round_id,
                                     gboolean     sheets,
                                     GHashTable  *d_of,
                                     GError     **error);

/* For the audit's check of a closed session whose sheets give its digest: the outcome
 * stored at its close (if any) must be the one its sheets give, and give its own digest.
 * FALSE with `error` (FAILED) otherwise. */
gboolean jp_store_defence_outcome_check (JpStore  *self,
                                         gint64    round_id,
                                         GError  **error);

G_END_DECLS
