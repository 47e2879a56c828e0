/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "core/jp-ranking.h"

G_BEGIN_DECLS

#define JP_TYPE_RANKING_PAGE (jp_ranking_page_get_type ())
G_DECLARE_FINAL_TYPE (JpRankingPage, jp_ranking_page, JP, RANKING_PAGE, AdwBin)

/* The chair's composite ranking (综合排名, docs/ranking.md): the weights and the formula
 * above the table; per finalist the rank, code, trade, V, O, D, C, the margin to the
 * cut-off, tie flags and whether the candidate is recommended (the rule's outcome and the
 * chair's adjustment, with its reason); a tie that crosses the quota said as such; the
 * breakdown of how the selected candidate's C was reached; and, on its own tab, the judge
 * consistency view.
 *
 * The page shows a core JpRanking; where it comes from (the store, a test) is the
 * caller's. Signals: "adjust" (const char *code, gboolean in, const char *reason): the chair
 * asked to move a candidate in or out with a written reason; "seal" (): the
 * button; "publish" (): the chair asked to show the ranking on the projector. */
GtkWidget     *jp_ranking_page_new               (void);

/* Shows `ranking` (the page takes ownership; NULL: nothing to show, `message` says why)
 * and `consistency` (JpJudgeConsistency*, owned, may be NULL). */
void           jp_ranking_page_show              (JpRankingPage *self,
                                                  JpRanking     *ranking,
                                                  GPtrArray     *consistency,
                                                  const char    *message);
/* Sealed: adjustments and sealing are no longer offered; `digest` is shown. */
void           jp_ranking_page_set_sealed        (JpRankingPage *self,
                                                  const char    *digest);
const JpRanking *jp_ranking_page_get_ranking     (JpRankingPage *self);
/* The last publication to the projector (`digest` NULL: never published): the page says
 * when and by whom, and whether the ranking it shows is still the one published. */
void           jp_ranking_page_set_published     (JpRankingPage *self,
                                                  const char    *digest,
                                                  const char    *actor,
                                                  gint64         published_at);
/* The text about the last publication, "" when there is none (borrowed). */
const char    *jp_ranking_page_get_published_text (JpRankingPage *self);

/* Selects the candidate `code` and shows its breakdown. */
void           jp_ranking_page_select            (JpRankingPage *self,
                                                  const char    *code);
/* How C of `candidate` was reached, one line: "C = 0.30 × 81.82 + ... = 86.848 → 86.85".
 * Returns: (transfer full). */
char          *jp_ranking_breakdown_text         (const JpRanking         *ranking,
                                                  const JpRankedCandidate *candidate);

/* for tests (borrowed) */
const char    *jp_ranking_page_get_formula_text  (JpRankingPage *self);
const char    *jp_ranking_page_get_cutoff_text   (JpRankingPage *self);
const char    *jp_ranking_page_get_breakdown_text (JpRankingPage *self);
/* The texts of row `index` (0-based, ranking order) as shown, columns joined by "|". */
char          *jp_ranking_page_get_row_text      (JpRankingPage *self,
                                                  guint          index);
GtkWidget     *jp_ranking_page_get_table         (JpRankingPage *self);
GtkWidget     *jp_ranking_page_get_consistency_table (JpRankingPage *self);
GtkWidget     *jp_ranking_page_get_publish_button (JpRankingPage *self);

G_END_DECLS
