/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The composite ranking (RULES.md "Composite ranking", docs/ranking.md). Pure and exact:
 * stage scores and C in hundredths, weights in hundredths (jp-score.h). */

/* V in hundredths: round(votes * 10000 / valid), half away from zero; 0 when valid is 0. */
gint64 jp_ranking_vote_score (int votes,
                              int valid);

/* One closed ballot round of a trade, as input to jp_ranking_main_round(). */
typedef struct {
  gint64   id;
  gboolean void_round;
  gboolean runoff;          /* a run-off among tied candidates */
  guint    n_candidates;    /* candidates on the round's ballot */
} JpBallotRoundInfo;

/* The main ballot round of a trade: the last (highest id) round that is not void, not a
 * run-off, and had all `trade_candidates` on its ballot. Returns its id, or 0 if none. */
gint64 jp_ranking_main_round (const JpBallotRoundInfo *rounds,
                              guint                    n_rounds,
                              guint                    trade_candidates);

/* The parameters of a ranking. */
typedef struct {
  int         weight_v;     /* wV in hundredths [30] */
  int         weight_o;     /* wO [10] */
  int         weight_d;     /* wD [60]; the three sum to 100 */
  int         quota;        /* places on the recommended list [20], >= 0 */
  GHashTable *caps;         /* trade code (char*) -> GINT_TO_POINTER (cap >= 0); trades
                             * without an entry have no cap. May be NULL. Borrowed. */
} JpRankingParams;

/* Reads the weights of JpSettings (doubles) exactly: FALSE with an error naming the weight
 * when one is not a value with two decimals in 0..1, or when they do not sum to 1. */
gboolean jp_ranking_weights_from_doubles (double   wv,
                                          double   wo,
                                          double   wd,
                                          int     *weight_v,
                                          int     *weight_o,
                                          int     *weight_d,
                                          GError **error);

/* One finalist, as input. Stage scores are already rounded (hundredths, 0..10000). */
typedef struct {
  const char *code;
  const char *trade;
  gint64      v;
  gint64      o;
  gint64      d;
} JpRankingEntry;

/* A chair's adjustment, as input. */
typedef struct {
  const char *code;
  gboolean    in;           /* TRUE: moved into the list; FALSE: moved out */
  const char *reason;       /* required, non-blank */
} JpRankingAdjustment;

/* What the rule (before the chair's adjustments) made of a candidate. */
typedef enum {
  JP_RANK_RULE_OUT = 0,     /* below the cut-off */
  JP_RANK_RULE_IN,          /* recommended by the rule */
  JP_RANK_RULE_TIE,         /* in a tie that crosses the quota or a trade's cap: the chair
                             * decides; not recommended until moved in */
  JP_RANK_RULE_CAPPED,      /* above the cut-off but its trade was at its cap */
} JpRankRule;

/* "out", "in", "tie", "capped" */
const char *jp_rank_rule_to_key (JpRankRule rule);

/* The deepest tie-break key needed to separate a candidate from a neighbour with the same
 * C: NONE (its C is unique, or it is tied on all four), D, V or O. */
typedef enum {
  JP_RANK_KEY_NONE = 0,
  JP_RANK_KEY_D,
  JP_RANK_KEY_V,
  JP_RANK_KEY_O,
} JpRankKey;

/* NULL, "D", "V", "O" */
const char *jp_rank_key_to_string (JpRankKey key);

typedef struct {
  char       *code;
  char       *trade;
  gint64      v, o, d;      /* hundredths, as given */
  gint64      term_v;       /* wV * V in ten-thousandths (exact), for the breakdown */
  gint64      term_o;
  gint64      term_d;
  gint64      c;            /* hundredths: round((term_v + term_o + term_d) / 100) */
  int         rank;         /* competition rank over (C, D, V, O) descending: 1, 2, 2, 4 */
  gboolean    tied;         /* equal on C, D, V and O with another candidate */
  JpRankKey   decided_by;
  JpRankRule  rule;
  gboolean    recommended;  /* final: the rule's IN, changed by an adjustment */
  int         adjustment;   /* 0 none, +1 moved in, -1 moved out */
  char       *adjustment_reason;
  gboolean    has_margin;   /* FALSE when there is no cut-off */
  gint64      margin;       /* hundredths: C - the cut-off C (>= 0 inside, <= 0 outside) */
} JpRankedCandidate;

typedef struct {
  int         weight_v, weight_o, weight_d;
  int         quota;
  GHashTable *caps;           /* owned copy: char* -> GINT_TO_POINTER (cap) */
  GPtrArray  *candidates;     /* JpRankedCandidate*, by rank then code (byte order) */
  gboolean    has_cutoff;
  gint64      cutoff;         /* hundredths: C of the last place the rule fills, or of the
                               * tied group that crosses the quota */
  gboolean    cutoff_tie;     /* a tie crosses the quota: left to the chair */
  guint       n_recommended;  /* after adjustments */
  char       *digest;         /* jp_ranking_digest(), hex */
} JpRanking;

void        jp_ranking_free (JpRanking *ranking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRanking, jp_ranking_free)

/* Ranks the finalists (docs/ranking.md has the rule step by step): C from the rounded stage
 * scores, competition ranks over (C, D, V, O), the recommended list (top `quota` in rank
 * order, a trade at its cap skipped; a group tied on all four keys that does not fit in
 * the places left, or in its trade's cap, becomes JP_RANK_RULE_TIE), the margins, then the
 * chair's adjustments on top. Fails (JP_CORE_ERROR_INVALID) on weights that are negative
 * or do not sum to 100, a negative quota or cap, a stage score outside 0..100, a code given
 * twice, an adjustment for an unknown code, given twice, or without a reason.
 * The digest is filled. Returns: (transfer full): the ranking, or NULL. */
JpRanking  *jp_ranking_compute (const JpRankingParams     *params,
                                const JpRankingEntry      *entries,
                                guint                      n_entries,
                                const JpRankingAdjustment *adjustments,
                                guint                      n_adjustments,
                                GError                   **error);

/* Whether the chair may record `adjustment` on `ranking` now: FALSE with an error when the
 * code is unknown, the reason is blank, or the move changes nothing (moving in a candidate
 * who is already recommended, or out one who is not). */
gboolean    jp_ranking_adjustment_check (const JpRanking           *ranking,
                                         const JpRankingAdjustment *adjustment,
                                         GError                   **error);

/* The canonical text of the ranking (docs/ranking.md): one line of JSON, keys in byte
 * order, no white space, decimals with exactly two digits. Returns: (transfer full). */
char       *jp_ranking_canonical_text (const JpRanking *ranking);

/* SHA-256 (lowercase hex) of jp_ranking_canonical_text(). Returns: (transfer full). */
char       *jp_ranking_digest (const JpRanking *ranking);

G_END_DECLS
