/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pieces of the canonical texts that sealed results are digested over
 * (docs/result-digest.md, docs/ranking.md): one spelling for every digest, so that a result
 * can be recomputed from paper by anyone with the documents. */

/* Appends `s` as a JSON string: in quotes, with '"' and '\' escaped and control characters
 * as \u00XX; every other byte (UTF-8 included) as it is. */
void jp_canonical_append_string  (GString    *out,
                                  const char *s);
/* Appends an exact value kept in hundredths as a decimal with two places ("87.65"). */
void jp_canonical_append_decimal (GString    *out,
                                  gint64      hundredths);

G_END_DECLS
