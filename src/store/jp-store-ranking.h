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

/* The chair published the ranking to the projector. */
typedef struct {
  JpRanking *ranking;        /* as published: recomputed from the audit entry, whose digest
                              * it gives */
  char      *digest;         /* the published ranking's digest */
  char      *actor;          /* who published it */
  gint64     published_at;   /* unix seconds */
} JpRankingPublication;

void jp_ranking_publication_free (JpRankingPublication *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRankingPublication, jp_ranking_publication_free)

/* Publishes the ranking as it is now (jp_store_compute_ranking, refused the same way): the
 * act is recorded in the audit ("ranking.publish" {digest, ranking: the inputs that give it
 * again: weights, quota, caps, each finalist's V, O, D and the chair's adjustments}), so the
 * last published ranking survives a restart of the host and can be shown again exactly.
 * Returns: (transfer full): the published ranking, or NULL. */
JpRanking  *jp_store_rank_publish    (JpStore     *self,
                                      const char  *actor,
                                      GError     **error);

/* The last publication, recomputed from its audit entry (FAILED when the entry does not give
 * the digest it records). NULL without an error when the ranking was never published.
 * Whether it changed since is the caller's comparison of the digests.
 * Returns: (transfer full). */
JpRankingPublication *jp_store_ranking_last_published (JpStore  *self,
                                                       GError  **error);

G_END_DECLS
