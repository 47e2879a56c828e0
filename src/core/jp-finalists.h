/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-round.h"
#include "jp-tally.h"

G_BEGIN_DECLS

/* What follows a closed ballot round (RULES.md "Committee ballot"): the run-off it calls
 * for, what a trade's rounds so far mean for a new one, and the finalists summed across a
 * trade's rounds. Pure: the store reads the rounds and tallies and feeds them here. */

/* The run-off of a closed ballot round `round` with its `tally`. A void round is repeated
 * as it was: the same candidates, seats and choices. Otherwise the run-off is among the
 * tied boundary group (tally->runoff_codes) for the places left (tally->runoff_seats), with
 * as many choices as places. `*candidates` receives (transfer full) JpRoundCandidate* copies
 * in the round's drawn order. FALSE with JP_CORE_ERROR_INVALID naming the round when it has
 * no tie at the cut-off (nothing to hold); the outputs are then untouched. */
gboolean   jp_round_runoff_plan (const JpRound   *round,
                                 const JpTally   *tally,
                                 GPtrArray      **candidates,
                                 int             *seats,
                                 int             *max_choices,
                                 GError         **error);

/* Fills `out` with what jp_round_may_open_new needs from a trade's rounds: `rounds` holds
 * the trade's JpRound* by number (other kinds are skipped); `last_tally` is the tally of
 * the last closed ballot round (NULL when there is none) and `last_runoffs` the number of
 * run-offs created from it; `seats` and `seats_open` come from the trade's finalists
 * (jp_finalists_compute) and are left 0 when the trade has no ballot round. */
void       jp_trade_rounds_summarise (GPtrArray       *rounds,
                                      const JpTally   *last_tally,
                                      int              last_runoffs,
                                      int              seats,
                                      int              seats_open,
                                      JpTradeRounds   *out);

/* The last closed (or sealed) ballot round of `rounds` (JpRound* by number), or NULL: the
 * round whose tally jp_trade_rounds_summarise needs. (transfer none) */
const JpRound *jp_trade_rounds_last_closed (GPtrArray *rounds);

/* Finalists of one trade so far. */
typedef struct {
  gint64     trade_id;
  char      *trade_code;
  char      *trade_name;
  int        seats;          /* the seats of the trade's first ballot round (else seat plan) */
  int        seats_open;     /* seats - finalists */
  GPtrArray *finalists;      /* JpRoundCandidate* advanced (position = 0), by code */
  gint64     pending_round;  /* an open round, or a closed round with a run-off not yet
                              * created, or a void round not yet repeated; 0 if none */
  gboolean   runoff_pending; /* a run-off is needed or running */
} JpTradeFinalists;

void       jp_trade_finalists_free (JpTradeFinalists *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTradeFinalists, jp_trade_finalists_free)

/* Finalists per trade: `rounds` holds JpRound* by trade then number (as the store lists
 * them), `tallies` in step with it the JpTally* of each closed or sealed ballot round and
 * NULL for the others. Per trade with a ballot round: the candidates who advanced in any of
 * its closed rounds (a main round plus its run-offs sum up; a void round decides nobody),
 * by code, with position 0; the seats of its first ballot round and those still open; the
 * pending round (a draft or open one, or the last closed one when it is void or calls for a
 * run-off) and whether a run-off is needed or running.
 * Returns: (transfer full): JpTradeFinalists*. */
GPtrArray *jp_finalists_compute (GPtrArray *rounds,
                                 GPtrArray *tallies);

G_END_DECLS
