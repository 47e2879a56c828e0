/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

#include "jp-store.h"

G_BEGIN_DECLS

/* The one source of secure random bytes for every layer above core: the code draw, PINs and
 * their salts, ballot keys, session tokens, TLS serial numbers, run-off orders. Core takes
 * randomness as an argument (see jp-codes.c), so its rules stay testable.
 *
 * A failure of the source is a JP_STORE_ERROR_FAILED error with a message a person can act
 * on; nothing falls back to a weaker source and nothing aborts. */

/* Fills `buf` with `len` bytes from the kernel's cryptographic source (getrandom(2), retried
 * on EINTR). On failure `buf` is zeroed and FALSE is returned. */
gboolean    jp_random_bytes   (guint8  *buf,
                               gsize    len,
                               GError **error);

/* `n_bytes` random bytes as 2 * `n_bytes` lower-case hex digits (free with g_free()), or NULL
 * with `error` set. */
char       *jp_random_hex     (gsize    n_bytes,
                               GError **error);

/* Tests only: a replacement source, so a test can make the source fail and watch the error
 * reach the person. The source fills `buf` or sets `error` and returns FALSE. NULL restores
 * the kernel's source. Not thread-safe against concurrent draws; set it before the draw. */
typedef gboolean (*JpRandomSource) (guint8   *buf,
                                    gsize     len,
                                    gpointer  user_data,
                                    GError  **error);

void        jp_random_set_source_for_testing (JpRandomSource source,
                                              gpointer       user_data);

G_END_DECLS
