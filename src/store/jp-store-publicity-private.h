/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Internals shared by jp-store-publicity.c (period, start, close, final list) and
 * jp-store-objections.c (the objections register). Only the store includes this. */

#include "jp-store-private.h"

G_BEGIN_DECLS

/* `actor`, or "system" when it is NULL or empty. */
const char *jp_publicity_actor              (const char *actor);
/* Today by the store's clock, in local time. */
void        jp_publicity_today              (JpStore  *self,
                                             GDate    *date);
/* Parses an ISO date argument; an error names `what` and the text. */
gboolean    jp_publicity_parse_date         (const char  *text,
                                             const char  *what,
                                             GDate       *date,
                                             GError     **error);
/* A trimmed copy, NULL when blank. Returns: (transfer full) (nullable). */
char       *jp_publicity_trimmed            (const char *text);
/* FALSE with LOCKED unless publicity is running (started, not closed). */
gboolean    jp_publicity_require_running    (JpStore  *self,
                                             GError  **error);
/* The publicity period's first and last day. */
gboolean    jp_publicity_period_dates       (JpStore  *self,
                                             GDate    *start,
                                             GDate    *end,
                                             GError  **error);

G_END_DECLS
