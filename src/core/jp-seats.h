/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-election.h"
#include "jp-finding.h"

G_BEGIN_DECLS

/* One trade as seen by the seat allocation: its code and its number of qualified candidates.
 * `code` is borrowed. */
typedef struct {
  const char *code;
  int         qualified;
} JpSeatTrade;

/* quota x ratio rounded UP (20 x 1.5 = 30; 21 x 1.5 = 31.5 -> 32). The product is first
 * rounded to 1e-9 so that floating error (e.g. 10 x 1.1 = 11.000000000000002) does not add a
 * seat. Returns 0 for a non-positive quota or ratio. */
int      jp_seats_target   (int          quota,
                            double       ratio);

/* Allocates `target` finalist seats to `n` trades (see docs/seats.md).
 * Largest-remainder (Hamilton) method in proportion to the qualified candidates:
 *  - a trade with 0 qualified gets 0 seats;
 *  - every trade with >= 1 qualified gets at least 1 seat: a trade whose exact share is below
 *    1 is given 1 seat and the rest is shared again among the others (repeatedly);
 *  - no trade gets more seats than it has qualified candidates (the surplus is shared again
 *    among the others by the same method);
 *  - the seats left after the whole parts go to the largest remainders; equal remainders
 *    (compared exactly, as fractions) are broken by more qualified candidates first, then by
 *    trade code in byte order (strcmp), "A" before "B".
 * When there are more trades with candidates than seats, each gets 1 and the sum exceeds
 * `target` (finding "seats-min-one-exceeds"); when fewer candidates are qualified than
 * `target`, each qualified candidate gets a seat (finding "seats-short").
 * `notes` (may be NULL) receives a new array of JpFinding* warnings (owned), possibly empty.
 * Returns: (transfer full): one int per trade, in the order of `trades`. */
GArray    *jp_seats_allocate (const JpSeatTrade *trades,
                              guint              n,
                              int                target,
                              GPtrArray        **notes);

/* Sum of an int array as returned by jp_seats_allocate(); 0 for NULL. */
int        jp_seats_sum      (GArray            *seats);

/* Checks seats edited by the chair (one int per trade in `seats`, same order as `trades`).
 * Errors: "seats-negative" (seats < 0), "seats-over-qualified" (more seats than qualified
 * candidates). Warnings: "seats-zero" (a trade with candidates has no seat), "seats-sum" (the
 * sum differs from `target`). Each finding's field is the trade code ("" for the sum).
 * Returns: (transfer full): JpFinding* (owned), empty when everything is fine. */
GPtrArray *jp_seats_check    (const JpSeatTrade *trades,
                              guint              n,
                              GArray            *seats,
                              int                target);

/* Seats per trade may be edited only before the first ballot opens. FALSE with an error
 * naming the trade whose seats would change when `locks` has JP_STAGE_LOCK_BALLOT_OPENED.
 * `old_seats`/`new_seats` are int arrays in the order of `trades`. */
gboolean   jp_seats_change_allowed (const JpSeatTrade *trades,
                                    guint              n,
                                    GArray            *old_seats,
                                    GArray            *new_seats,
                                    JpStageLocks       locks,
                                    GError           **error);

/* The seat plan as the store reads it and the console shows it. */
typedef struct {
  gint64   trade_id;
  char    *code;        /* may be NULL while unset */
  char    *name;
  gboolean priority;
  int      qualified;   /* qualified candidates */
  int      automatic;   /* seats by jp_seats_allocate */
  int      seats;       /* the chair's edit if any, else automatic */
  gboolean edited;
} JpSeatRow;

typedef struct {
  int        target;    /* jp_seats_target (quota, ratio) */
  int        sum;       /* sum of seats */
  GPtrArray *rows;      /* JpSeatRow*, by trade name */
  GPtrArray *findings;  /* JpFinding*: allocation notes and jp_seats_check results */
} JpSeatPlan;

void        jp_seat_plan_free (JpSeatPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpSeatPlan, jp_seat_plan_free)

G_END_DECLS
