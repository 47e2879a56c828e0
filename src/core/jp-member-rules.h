/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-candidate.h"
#include "jp-election.h"

G_BEGIN_DECLS

#define JP_PIN_ITERATIONS   20000  /* default PBKDF2 iterations of jp_pin_hash() */
#define JP_PIN_RANDOM_BYTES 32     /* random bytes to give jp_pin_generate() */

/* PBKDF2 (RFC 8018) with HMAC-SHA256 (nettle's pbkdf2_hmac_sha256): derives `out_len` bytes
 * into `out`. `iterations` must be >= 1. Thread-safe: the PIN checks run on worker threads. */
void      jp_pbkdf2_hmac_sha256 (const guint8 *password,
                                 gsize         password_len,
                                 const guint8 *salt,
                                 gsize         salt_len,
                                 guint         iterations,
                                 guint8       *out,
                                 gsize         out_len);

/* A 6-digit PIN ("000000".."999999") drawn without bias from `random` (big-endian 32-bit
 * values, those in the biased tail rejected). Give JP_PIN_RANDOM_BYTES bytes from a
 * cryptographic source. Returns: (transfer full) (nullable): the PIN, NULL if the bytes
 * ran out (fewer than 4, or every value rejected). */
char     *jp_pin_generate       (const guint8 *random,
                                 gsize         len);

/* PBKDF2-HMAC-SHA256 of `pin` with `salt`, 32 bytes as 64 lowercase hex digits.
 * `iterations` 0 means JP_PIN_ITERATIONS. Returns: (transfer full): the hex. */
char     *jp_pin_hash           (const char   *pin,
                                 const guint8 *salt,
                                 gsize         salt_len,
                                 guint         iterations);

/* Whether `pin` hashes to `expected_hex` (case-insensitive); the comparison takes the same
 * time wherever the first difference is. */
gboolean  jp_pin_verify         (const char   *pin,
                                 const guint8 *salt,
                                 gsize         salt_len,
                                 guint         iterations,
                                 const char   *expected_hex);

/* How a conflict of interest (回避) arose. */
typedef enum {
  JP_CONFLICT_SAME_UNIT = 0,    /* automatic: same unit */
  JP_CONFLICT_DECLARED,         /* declared by the member */
} JpConflictKind;

/* The declared relation. */
typedef enum {
  JP_CONFLICT_RELATIVE = 0,          /* 亲属 */
  JP_CONFLICT_TEACHER_APPRENTICE,    /* 师徒 */
  JP_CONFLICT_SUPERVISOR,            /* 直接上下级 */
  JP_CONFLICT_OTHER,                 /* 其他 */
} JpConflictType;

/* Keys: "same-unit", "declared"; "relative", "teacher-apprentice", "supervisor", "other".
 * Labels are translated. *_from_string accepts key or label (and the Chinese label) and
 * sets `ok` (may be NULL); it returns SAME_UNIT / OTHER when nothing matches. */
const char     *jp_conflict_kind_to_key      (JpConflictKind kind);
const char     *jp_conflict_kind_label       (JpConflictKind kind);
JpConflictKind  jp_conflict_kind_from_string (const char *s,
                                              gboolean   *ok);
const char     *jp_conflict_type_to_key      (JpConflictType type);
const char     *jp_conflict_type_label       (JpConflictType type);
JpConflictType  jp_conflict_type_from_string (const char *s,
                                              gboolean   *ok);

/* The unit name as compared for conflicts: NFKC (full-width parentheses, letters, digits
 * and the ideographic space become their half-width forms), every white space removed,
 * ASCII letters lower-cased. Returns: (transfer full): "" for NULL. */
char           *jp_unit_name_normalize       (const char *name);

/* The automatic conflict rule: the member's unit, normalised by jp_unit_name_normalize(),
 * equals the candidate's nominating unit or the candidate's employer, normalised alike.
 * An empty unit never matches. */
gboolean        jp_conflict_same_unit        (const JpMember    *member,
                                              const JpCandidate *candidate);

G_END_DECLS
