/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One candidate's anonymous code in a drawn order. */
typedef struct {
  gint64  candidate_id;
  char   *code;          /* "XT-07" */
  int     position;      /* 1-based place in the drawn order; the number in the code */
} JpCodeAssignment;

JpCodeAssignment *jp_code_assignment_copy (const JpCodeAssignment *a);
void              jp_code_assignment_free (JpCodeAssignment *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpCodeAssignment, jp_code_assignment_free)

/* Whether `code` is a valid trade code, the prefix of the anonymous codes ("XT"): 1 to 6
 * capital ASCII letters or digits. FALSE with a JP_CORE_ERROR_INVALID naming the value and
 * showing the form otherwise. Callers upper-case what a person typed first. */
gboolean  jp_trade_code_check (const char  *code,
                               GError     **error);
/* A trade code as a person typed it, upper-cased and checked by jp_trade_code_check():
 * the code to store (free with g_free()), or NULL with its error. */
char     *jp_trade_code_normalize (const char  *typed,
                                   GError     **error);

/* A generous upper bound of the random bytes jp_codes_draw() needs for `n` candidates.
 * Each of the n - 1 draws of Fisher–Yates consumes 4 bytes and is repeated only when the
 * 32-bit value falls in the short biased tail (probability below n / 2^32); the bound
 * allows every draw to be repeated once plus 8 spare draws. Ask the cryptographic source for
 * this many bytes. */
gsize      jp_codes_random_bytes_needed (guint n);

/* Draws the order of `candidate_ids` (gint64) and gives each the code
 * "<trade_code>-NN" of its place: two digits (01..99), three when more than 99 candidates
 * (four beyond 999). The ids are sorted first, so the result depends only on the set of ids
 * and the random bytes: the same bytes always give the same order. Fisher–Yates from the
 * last place down; each index in 0..i is taken from a big-endian 32-bit value of `random`,
 * rejecting values in the biased tail (never modulo-biased).
 * Fails (JP_CORE_ERROR_INVALID) when `trade_code` is empty or holds spaces, ';' or '=', when
 * an id appears twice, or when `random` runs out (the message says how many bytes to give).
 * Returns: (transfer full): JpCodeAssignment* in drawn order (position 1 first). */
GPtrArray *jp_codes_draw (const char    *trade_code,
                          GArray        *candidate_ids,
                          const guint8  *random,
                          gsize          random_len,
                          GError       **error);

/* The canonical text of a draw for the audit log (no JSON here: the store wraps it):
 * "XT-01=17;XT-02=5;...;random=<lowercase hex of all `random` bytes given>" with the
 * assignments in drawn order, "XT-01=17" meaning code XT-01 went to candidate id 17.
 * Replaying jp_codes_draw() on the same ids and bytes gives the same text.
 * Returns: (transfer full): a new string. */
char      *jp_codes_draw_record (GPtrArray    *assignments,
                                 const guint8 *random,
                                 gsize         random_len);

G_END_DECLS
