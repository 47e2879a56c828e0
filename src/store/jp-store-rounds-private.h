/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Internals shared by jp-store-rounds.c (reading, creating, opening rounds) and
 * jp-store-round-tally.c (tally, close, seal, result, run-offs, finalists). Store only. */

#include "jp-store-private.h"

G_BEGIN_DECLS

/* Runs a one-row count with `id` bound to its parameter. FALSE with `error` set when the
 * query fails: a failed count is never taken for 0 (it would let a second round open). */
gboolean jp_store_round_count            (JpStore     *self,
                                          const char  *sql,
                                          gint64       id,
                                          int         *count,
                                          GError     **error);
/* Inserts a round and its candidates in a fresh random order (inside the caller's
 * transaction). `candidates` holds JpRoundCandidate* (candidate_id, code). Returns the
 * round's id, 0 on error. */
gint64   jp_store_insert_round           (JpStore     *self,
                                          gint64       trade_id,
                                          const char  *trade_code,
                                          gint64       parent_id,
                                          GPtrArray   *candidates,
                                          int          seats,
                                          int          max_choices,
                                          int          present,
                                          gboolean     threshold,
                                          gboolean     open,
                                          const char  *reason,
                                          const char  *actor,
                                          GError     **error);
/* The tally of `round` recomputed from its stored ballots. Returns: (transfer full). */
JpTally *jp_store_compute_tally          (JpStore     *self,
                                          JpRound     *round,
                                          GError     **error);
/* Audits `action` on a round, with its digest when there is one. */
gboolean jp_store_round_audit            (JpStore     *self,
                                          const char  *actor,
                                          const char  *action,
                                          gint64       round_id,
                                          const char  *digest,
                                          GError     **error);
/* Inside the caller's transaction: marks the round sealed now, audits "round.seal" with its
 * `digest` and commits; a ballot round and a defence session are sealed alike. FALSE with
 * `error` (the caller rolls back). */
gboolean jp_store_round_seal_commit      (JpStore     *self,
                                          gint64       round_id,
                                          const char  *digest,
                                          const char  *actor,
                                          GError     **error);
/* Whether the round may go to state `to` (core's rule), as a store error. */
gboolean jp_store_check_round_transition (JpRound       *round,
                                          JpRoundState   to,
                                          GError       **error);

G_END_DECLS
