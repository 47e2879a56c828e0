/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exact decimal arithmetic for scores (RULES.md "Composite ranking", docs/ranking.md).
 *
 * No score is ever a binary floating-point number. Units:
 * - criterion scores and sheet totals: halves of a point (int), 12.5 points = 25;
 * - stage scores V, O, D, the composite C, medians and deviations: hundredths (gint64),
 *   87.65 = 8765;
 * - weights: hundredths (int), 0.30 = 30; the three weights sum to 100.
 * Rounding is always half away from zero, by jp_round_div(). */

/* The integer nearest to num / den; an exact half goes away from zero (2.5 -> 3,
 * -2.5 -> -3). `den` must be > 0. Exact for |num| < 2^62. */
gint64    jp_round_div (gint64 num,
                        gint64 den);

/* Formats a fixed-point value with exactly `decimals` decimals: (8765, 2) -> "87.65",
 * (-50, 2) -> "-0.50", (25, 1) -> "2.5". Locale-independent. Returns: (transfer full). */
char     *jp_decimal_format       (gint64 value,
                                   guint  decimals);

/* As jp_decimal_format() but trailing zeros dropped, keeping at least one decimal:
 * (10000, 2) -> "100.0", (8850, 2) -> "88.5", (8765, 2) -> "87.65". This is how the CLI's
 * JSON writes scores. Returns: (transfer full). */
char     *jp_decimal_format_short (gint64 value,
                                   guint  decimals);

/* Parses a non-negative decimal number strictly into a fixed point of `decimals` decimals
 * ("12.5", 2 -> 1250). The text is NFKC-normalised first, so full-width digits and the
 * full-width full stop are accepted; blanks around it are ignored. Refused
 * (JP_CORE_ERROR_INVALID, message naming `field` and the text): empty text, signs,
 * exponents, thousands separators, a bare ".", more decimals than `decimals` (unless they
 * are zeros), more than 12 integer digits. `decimals` is at most 6. */
gboolean  jp_decimal_parse        (const char *text,
                                   guint       decimals,
                                   const char *field,
                                   gint64     *value,
                                   GError    **error);

/* Parses one criterion score: a number from 0 to `max_halves` / 2 in steps of 0.5
 * ("12.5" -> 25). Errors name `field` (e.g. the criterion) and say what is wrong: not a
 * number, below zero, above the maximum, not a multiple of 0.5. */
gboolean  jp_points_parse         (const char *text,
                                   int         max_halves,
                                   const char *field,
                                   int        *halves,
                                   GError    **error);

/* The same check for a number that arrives as a double (a JSON body): accepted only when
 * it is exactly a multiple of 0.5 (those are exact in binary) within 0..max. */
gboolean  jp_points_from_double   (double      value,
                                   int         max_halves,
                                   const char *field,
                                   int        *halves,
                                   GError    **error);

/* Converts a setting stored as a double (a weight 0.3, a deviation alert 15, a criterion
 * maximum 12.5) to hundredths or halves. FALSE when the double is not, within 1e-6, a
 * value with at most two decimals (resp. a multiple of 0.5), or is out of range. */
gboolean  jp_hundredths_from_double (double  value,
                                     gint64 *hundredths);
gboolean  jp_halves_from_double     (double  value,
                                     int    *halves);

/* Checks one member's defence score sheet against the rubric: `values` holds one text per
 * criterion (as typed, NULL-terminated); each must pass jp_points_parse() with that
 * criterion's maximum. `rubric` is a GPtrArray of JpRubricCriterion* (jp-settings.h).
 * On success fills `halves` (rubric->len entries, may be NULL) and `total_halves` (may be
 * NULL). Fails (JP_CORE_ERROR_INVALID) when the number of values differs from the number
 * of criteria, naming both, or when a value is refused, naming the criterion's number and
 * name. */
gboolean  jp_score_sheet_parse    (const GPtrArray    *rubric,
                                   const char * const *values,
                                   int                *halves,
                                   int                *total_halves,
                                   GError            **error);

/* As jp_score_sheet_parse() for values that arrive as doubles (`n_values` of them). */
gboolean  jp_score_sheet_check    (const GPtrArray *rubric,
                                   const double    *values,
                                   guint            n_values,
                                   int             *halves,
                                   int             *total_halves,
                                   GError         **error);

G_END_DECLS
