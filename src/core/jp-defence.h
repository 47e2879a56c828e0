/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The defence score D of one candidate, the median and the deviation alert, and the judge
 * consistency view (RULES.md "Defence scoring", docs/ranking.md). Pure, exact: totals are
 * in halves of a point, D, medians and deviations in hundredths (jp-score.h). */

/* One submitted sheet's total, as input. Conflicted members must not be passed. */
typedef struct {
  const char *member;        /* member code, e.g. "M03" */
  int         total_halves;  /* the sheet's total in halves, >= 0 */
} JpDefenceSheetTotal;

typedef enum {
  JP_DEFENCE_KEPT = 0,
  JP_DEFENCE_DROPPED_HIGH,
  JP_DEFENCE_DROPPED_LOW,
} JpDefenceDrop;

/* "high", "low", or NULL for a kept total (the CLI's "dropped" field). */
const char *jp_defence_drop_to_key (JpDefenceDrop drop);

typedef struct {
  char          *member;
  int            total_halves;
  JpDefenceDrop  dropped;
  gint64         deviation;   /* hundredths: total - median, signed */
  gboolean       alert;       /* |deviation| > the alert setting */
} JpDefenceTotal;

typedef struct {
  GPtrArray *totals;        /* JpDefenceTotal*, by member code (byte order) */
  guint      n;             /* number of totals */
  gboolean   trimmed;       /* one highest and one lowest dropped (n >= drop_min_totals) */
  gboolean   has_score;     /* n > 0; when FALSE, d and median are 0 */
  gint64     d;             /* D in hundredths, rounded half away from zero */
  gint64     median;        /* exact median of all n totals, in hundredths */
  guint      n_alerts;
} JpDefenceScore;

void        jp_defence_score_free (JpDefenceScore *score);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceScore, jp_defence_score_free)

/* Computes D for one candidate from the submitted totals (RULES.md): with at least
 * `drop_min_totals` totals (a setting, >= 3), the totals are sorted, one highest and one
 * lowest are dropped and the rest averaged; with fewer, all are averaged. Among equal
 * highest totals the one dropped is that of the member whose code sorts first (byte
 * order); among equal lowest totals, of the member whose code sorts last (so with all
 * totals equal, the first and the last member by code are marked). Exactly one of each is
 * dropped. D = round(sum of kept halves * 50 / kept), half away from zero.
 * The median is over all totals (the middle one, or the exact mean of the two middle ones).
 * A total raises an alert when |total - median| > `alert_hundredths` (15 points = 1500).
 * Fails (JP_CORE_ERROR_INVALID) on a negative total or a member given twice.
 * Returns: (transfer full): the score, or NULL with `error` set. */
JpDefenceScore *jp_defence_score_compute (const JpDefenceSheetTotal *sheets,
                                          guint                      n_sheets,
                                          guint                      drop_min_totals,
                                          gint64                     alert_hundredths,
                                          GError                   **error);

/* One member's row of the judge-consistency view. */
typedef struct {
  char   *member;
  guint   n_sheets;     /* totals the member gave to candidates that have a D */
  gint64  mean_diff;    /* hundredths: mean of (total - D) over those candidates, rounded
                         * half away from zero; 0 when n_sheets is 0 */
  guint   n_alerts;     /* how many of those totals raised a deviation alert */
} JpJudgeConsistency;

void        jp_judge_consistency_free (JpJudgeConsistency *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpJudgeConsistency, jp_judge_consistency_free)

/* The consistency view over several candidates' scores (`scores`: JpDefenceScore*,
 * borrowed). The panel's trimmed mean is each candidate's D as shown (rounded), so the
 * figures can be recomputed from the printed summaries: mean_diff = round(sum over the
 * member's sheets of (total_halves * 50 - D) / n_sheets).
 * Returns: (transfer full): JpJudgeConsistency*, by member code (byte order). */
GPtrArray  *jp_judge_consistency_compute (GPtrArray *scores);

/* ---- the canonical text of a defence session (docs/ranking.md) ---- */

/* One submitted sheet with its criterion scores, as input to the canonical text. */
typedef struct {
  const char *member;
  const int  *halves;     /* one score per rubric criterion, in halves */
  gboolean    revised;    /* the member revised this sheet after a deviation alert */
} JpDefenceSheetScores;

/* One candidate of a closed session. */
typedef struct {
  const char                 *code;
  int                         order;     /* place in the drawn order of appearance, from 1 */
  const JpDefenceScore       *score;     /* jp_defence_score_compute() over these sheets */
  const JpDefenceSheetScores *sheets;
  guint                       n_sheets;
} JpDefenceCandidateResult;

/* The canonical text of a defence session: every sheet (every criterion score) and every D,
 * one line of JSON with keys in byte order, scores with two decimals (docs/ranking.md).
 * `rubric` is a GPtrArray of JpRubricCriterion*. Fails (JP_CORE_ERROR_INVALID) when a
 * sheet's member has no total in the candidate's score, when its scores do not add up to
 * that total, when the counts of sheets and totals differ, or when a criterion maximum is
 * not a multiple of 0.5. Candidates are written by order, sheets by member code.
 * Returns: (transfer full): the text, or NULL. */
char       *jp_defence_canonical_text (gint64                          round_id,
                                       const char                     *trade,
                                       const GPtrArray                *rubric,
                                       const JpDefenceCandidateResult *candidates,
                                       guint                           n_candidates,
                                       GError                        **error);

/* SHA-256 (lowercase hex) of jp_defence_canonical_text(), or NULL with `error`. */
char       *jp_defence_digest         (gint64                          round_id,
                                       const char                     *trade,
                                       const GPtrArray                *rubric,
                                       const JpDefenceCandidateResult *candidates,
                                       guint                           n_candidates,
                                       GError                        **error);

/* ---- the outcome text of a closed defence session (docs/ranking.md) ---- */

/* One candidate's outcome: D as the session's canonical text has it. */
typedef struct {
  const char *code;
  int         order;      /* place in the drawn order of appearance, from 1 */
  gboolean    has_score;
  gint64      d;          /* hundredths; ignored without a score */
} JpDefenceOutcome;

/* The outcome text of a closed session, stored with the session at its close and read by
 * the ranking: every candidate's D and the session's own digest (`session_digest`, the
 * SHA-256 of jp_defence_canonical_text()), one line of JSON with keys in byte order:
 * {"candidates":[{"D":87.17|null,"code":"XT-01","order":1},...],"round":ID,
 *  "session":"<digest>"}, candidates by order, then code.
 * Returns: (transfer full): the text. */
char       *jp_defence_outcome_text   (gint64                          round_id,
                                       const char                     *session_digest,
                                       const JpDefenceOutcome         *outcomes,
                                       guint                           n_outcomes);

G_END_DECLS
