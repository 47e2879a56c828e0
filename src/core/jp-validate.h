/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-candidate.h"

G_BEGIN_DECLS

/* Limits from RULES.md; the election may later override them as settings. */
#define JP_SUMMARY_MIN 200
#define JP_SUMMARY_MAX 400
#define JP_DEEDS_MIN 1500
#define JP_DEEDS_MAX 2500
#define JP_MIN_PHOTOS 3
#define JP_UNIT_LIMIT 3
#define JP_PILOT_UNIT_LIMIT 5

/* What the rules need to know beyond the candidate itself. */
typedef struct {
  guint    unit_nominations; /* candidates nominated by the candidate's unit, this one included */
  gboolean unit_is_pilot;    /* 产改试点单位 */
  guint    unit_limit;       /* 0: the default for the pilot flag (3 or 5) */
} JpValidationContext;

/* Runs every intake rule on `candidate` and returns the findings (JpFinding*, owned,
 * ordered by field). Does not modify the candidate; see jp_candidate_validate_in_place. */
GPtrArray *jp_validate_candidate (JpCandidate               *candidate,
                                  const JpValidationContext *context);

/* Same, storing the result in candidate->findings. */
void       jp_candidate_validate_in_place (JpCandidate               *candidate,
                                           const JpValidationContext *context);

/* The effective limit for a unit (explicit limit, else 5 for pilot units, else 3). */
guint      jp_unit_nomination_limit (gboolean is_pilot,
                                     guint    explicit_limit);

/* The length of a text as the intake rules count it (the summary and deeds limits): Unicode
 * characters, surrounding blanks excluded; 0 for NULL or invalid UTF-8. */
glong      jp_text_count_chars (const char *s);

G_END_DECLS
