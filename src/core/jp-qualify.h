/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib-object.h>
#include "jp-candidate.h"
#include "jp-finding.h"

G_BEGIN_DECLS

#define JP_N_CRITERIA 6

/* The short translated title of criterion 1..JP_N_CRITERIA ("Honours", ...), as the
 * dossier, the station and the documents name it. */
const char  *jp_criterion_short_title (int criterion);

/* Exclusions of the qualification review (RULES.md "Eligibility"). */
typedef enum {
  JP_EXCLUSION_CADRE_OR_HEAD = 0,  /* deputy county-level cadre or enterprise head: warn */
  JP_EXCLUSION_MISCONDUCT,         /* law / ethics violation, criminal record: hard stop */
  JP_N_EXCLUSIONS
} JpExclusion;

typedef enum {
  JP_REVIEW_DECISION_NONE = 0,     /* "pending" */
  JP_REVIEW_DECISION_QUALIFIED,    /* "qualified" */
  JP_REVIEW_DECISION_RETURNED,     /* "returned" */
} JpReviewDecision;

/* Keys are static stable strings ("cadre-or-head", "misconduct"; "pending", "qualified",
 * "returned"); labels are translated; *_from_string accepts the key or the label and sets
 * `ok` (may be NULL), returning the first value when nothing matches. */
const char       *jp_exclusion_to_key            (JpExclusion exclusion);
const char       *jp_exclusion_label             (JpExclusion exclusion);
JpExclusion       jp_exclusion_from_string       (const char *s,
                                                  gboolean   *ok);
const char       *jp_review_decision_to_key      (JpReviewDecision decision);
const char       *jp_review_decision_label       (JpReviewDecision decision);
JpReviewDecision  jp_review_decision_from_string (const char *s,
                                                  gboolean   *ok);

/* The reviewer's record of one candidate's qualification review. Plain data, owned. */
typedef struct {
  gint64           candidate_id;
  guint            criteria_met;     /* bit n set for criterion n (1..6), as JpCandidate */
  GPtrArray       *evidence[JP_N_CRITERIA + 1]; /* [n]: sha256 (char*, owned) linked to
                                                 * criterion n; [0] unused; never NULL */
  guint            exclusions;       /* bit (1 << JpExclusion) per ticked exclusion */
  char            *exclusion_notes[JP_N_EXCLUSIONS];
  JpReviewDecision decision;
  char            *reason;           /* why returned (required) or a note */
  char            *decided_by;
  gint64           decided_at;       /* unix seconds, given by the caller */
} JpReview;

JpReview *jp_review_new                (gint64 candidate_id);
JpReview *jp_review_copy               (const JpReview *review);
void      jp_review_free               (JpReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpReview, jp_review_free)

/* The review a reviewer starts from when none is stored: each criterion the candidate claims
 * on the form (candidate->criteria) ticked and linked to the evidence documents tagged with
 * it; decision pending. The reviewer confirms or unticks. `candidate`'s documents may be
 * NULL (nothing linked then).
 * Returns: (transfer full): free with jp_review_free(). */
JpReview *jp_review_new_from_claims    (const JpCandidate *candidate);

/* Ticks `criterion` (1..6) and links the evidence document `sha256` to it (no duplicates). */
void      jp_review_link_evidence      (JpReview   *review,
                                        int         criterion,
                                        const char *sha256);
/* Ticks or unticks an exclusion with its note (copied, may be NULL). */
void      jp_review_set_exclusion      (JpReview    *review,
                                        JpExclusion  exclusion,
                                        gboolean     ticked,
                                        const char  *note);

/* Checks that `review->decision` may be recorded for `candidate` (whose documents must be
 * loaded). QUALIFIED needs at least one criterion met, each met criterion backed by at least
 * one linked document that is an evidence document of this candidate, and no misconduct
 * exclusion; RETURNED needs a reason that is not blank; NONE is always allowed. On failure
 * the JP_CORE_ERROR_INVALID error says why, naming the criteria lacking evidence.
 * `warnings` (may be NULL) always receives a new array of JpFinding* that do not block:
 * "review-cadre-or-head", "review-no-criminal-record", "review-not-union-member",
 * "review-union-unknown", the candidate's own "unit-over-limit" findings (copied), and
 * "review-intake-errors" when the candidate still has intake errors. */
gboolean  jp_review_check_decision     (const JpReview    *review,
                                        const JpCandidate *candidate,
                                        GPtrArray        **warnings,
                                        GError           **error);

/* One candidate's place in the review progress: `trade` is borrowed. */
typedef struct {
  const char      *trade;
  JpReviewDecision decision;
} JpReviewItem;

typedef struct {
  char  *trade;        /* "" for candidates without a trade */
  guint  total;
  guint  qualified;
  guint  returned;
  guint  pending;
} JpReviewTradeProgress;

typedef struct {
  guint      total;     /* M */
  guint      reviewed;  /* N = qualified + returned */
  guint      qualified;
  guint      returned;
  guint      pending;
  GPtrArray *trades;    /* JpReviewTradeProgress*, owned, in order of first appearance */
} JpReviewProgress;

/* Counts "reviewed N of M" overall and per trade.
 * Returns: (transfer full): free with jp_review_progress_free(). */
JpReviewProgress *jp_review_progress_compute (const JpReviewItem *items,
                                              guint               n);
void              jp_review_progress_free    (JpReviewProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpReviewProgress, jp_review_progress_free)

G_END_DECLS
