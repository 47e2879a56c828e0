/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The composite ranking (综合排名, issue 7; RULES.md "Composite ranking", docs/ranking.md)
 * from the stored stages: V from each trade's main ballot round (jp_ranking_main_round,
 * jp_ranking_vote_score), O from the online likes (jp_store_list_likes), D from the trade's
 * closed defence session; the weights and the per-trade caps of the settings, the election's
 * quota; the chair's adjustments. The rules are core's jp_ranking_compute().
 *
 * Schema 9 adds: ranking_adjustment (one per candidate, with its written reason, kept) and
 * ranking_seal (the canonical text and digest). Once sealed, triggers refuse any adjustment
 * and any change to the online likes: the sealed ranking is immutable. */

#include "jp-store.h"
#include "core/jp-ranking.h"

G_BEGIN_DECLS

/* The ranking now: every finalist of every trade with a ballot round. INVALID naming the
 * trades whose finalists are not decided or whose defence session is not closed (no D yet),
 * naming the weights when the settings' weights are not exact two-decimal values summing to
 * 1, and naming the cap when a cap is not valid. When the ranking is sealed, the ranking is
 * recomputed and must give the sealed digest (FAILED otherwise: the file was altered).
 * Returns: (transfer full): the ranking (with its digest), or NULL. */
JpRanking  *jp_store_compute_ranking (JpStore  *self,
                                      GError  **error);

/* The chair moves a finalist into (`in` TRUE) or out of the recommended list with a written
 * reason: INVALID for a blank reason or a move that changes nothing
 * (jp_ranking_adjustment_check), NOT_FOUND for a code that is not a finalist, CONFLICT when
 * the candidate already has an adjustment, LOCKED when the ranking is sealed. Audit
 * "ranking.adjust" {code, direction, reason}. */
gboolean    jp_store_rank_adjust     (JpStore     *self,
                                      const char  *code,
                                      gboolean     in,
                                      const char  *reason,
                                      const char  *actor,
                                      GError     **error);

/* Seals the ranking: computes it, stores its canonical text and digest; LOCKED when already
 * sealed. Audit "ranking.seal" {digest}. Also sets JP_STAGE_LOCK_RANKING_DONE.
 * Returns: (transfer full): the sealed ranking, or NULL. */
JpRanking  *jp_store_rank_seal       (JpStore     *self,
                                      const char  *actor,
                                      GError     **error);

/* Whether the ranking is sealed; `digest` and `sealed_at` (may be NULL) receive the seal. */
gboolean    jp_store_ranking_is_sealed (JpStore  *self,
                                        char    **digest,
                                        gint64   *sealed_at);

/* The stored canonical text of the sealed ranking, or NULL with LOCKED when not sealed.
 * Returns: (transfer full). */
char       *jp_store_ranking_sealed_text (JpStore  *self,
                                          GError  **error);

G_END_DECLS
