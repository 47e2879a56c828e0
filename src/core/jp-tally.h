/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tally of a committee ballot round, RULES.md "Committee ballot" exactly. Pure. */

/* One ballot as stored: the marked codes, or the invalid flag (declared invalid on paper). */
typedef struct {
  GStrv     marks;     /* may be NULL or empty: a blank ballot */
  gboolean  invalid;
  gint64    serial;    /* the ballot's serial (printed on paper); part of the sealed digest */
} JpTallyBallot;

typedef struct {
  int         seats;              /* finalist places at stake, >= 0 */
  int         max_choices;        /* marks allowed per ballot, >= 1 */
  int         present;            /* members present */
  gboolean    majority_threshold; /* votes * 2 > valid needed to advance */
  GPtrArray  *codes;              /* char*: the round's codes in drawn order (borrowed) */
  GPtrArray  *ballots;            /* JpTallyBallot* (borrowed) */
} JpTallyInput;

typedef enum {
  JP_TALLY_OUT = 0,
  JP_TALLY_ADVANCED,
  JP_TALLY_RUNOFF,
} JpTallyOutcome;

/* "advanced", "runoff", "out"; labels translated (入围, 再次投票, 未入围). */
const char *jp_tally_outcome_to_key (JpTallyOutcome outcome);
const char *jp_tally_outcome_label  (JpTallyOutcome outcome);

typedef struct {
  char           *code;
  int             votes;
  int             rank;      /* competition rank: 1, 2, 2, 4 */
  JpTallyOutcome  outcome;
} JpTallyCandidate;

typedef struct {
  /* identification, filled by the caller (store) for the JSON and digest; 0 / NULL if none */
  gint64      round_id;
  char       *trade;          /* trade code */
  int         seats;
  int         max_choices;
  gboolean    majority_threshold;
  gboolean    void_round;     /* cast > present: nobody advances, the round is repeated */
  int         present;
  int         cast;
  int         valid;          /* cast - invalid (blank ballots are valid) */
  int         invalid;
  int         blank;
  GPtrArray  *candidates;     /* JpTallyCandidate*, by votes descending then code (bytes) */
  GStrv       runoff_codes;   /* the tied boundary group, by code; empty if none */
  int         runoff_seats;   /* places left for the run-off; 0 if none */
  char       *digest;         /* the sealed digest, hex: jp_tally_sealed_digest (version 2)
                               * from jp_tally_compute; a round sealed under version 1 keeps
                               * jp_tally_digest (the store says which) */
  int         digest_version; /* 2: over the ballots and the result; 1: the result alone */
  char       *ballot_list;    /* canonical JSON array of the ballots, by serial */
} JpTally;

JpTally    *jp_tally_copy (const JpTally *tally);
void        jp_tally_free (JpTally *tally);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTally, jp_tally_free)

/* Counts `input`. A ballot with more than max_choices marks, or flagged invalid, is invalid
 * as a whole; a ballot without marks is valid and blank. Marks that are not codes of the
 * round are ignored in the count (the store never stores them). Ranks and cut-off as in
 * RULES.md (see docs/result-digest.md for the exact outcome rule). `round_id` and `trade`
 * only label the result. The digest is filled.
 * Returns: (transfer full): the tally. */
JpTally    *jp_tally_compute (const JpTallyInput *input,
                              gint64              round_id,
                              const char         *trade);

/* The canonical JSON of the result (docs/result-digest.md): the object printed by
 * `jiangping-cli tally --json` without "digest", keys sorted by byte order, no white space,
 * integers as integers, strings JSON-escaped. Returns: (transfer full). */
char       *jp_tally_canonical_json (const JpTally *tally);

/* SHA-256 (lowercase hex) of jp_tally_canonical_json: the digest of version 1, kept for the
 * rounds sealed before the digest covered the ballots. Returns: (transfer full). */
char       *jp_tally_digest         (const JpTally *tally);

/* The canonical JSON array of `ballots` (JpTallyBallot*), by serial ascending:
 * [{"invalid":false,"marks":["XT-01","XT-03"],"serial":123},...] (docs/result-digest.md).
 * Returns: (transfer full). */
char       *jp_tally_ballot_list    (GPtrArray *ballots);

/* The text the sealed digest (version 2) is over:
 * {"ballots":BALLOT_LIST,"result":CANONICAL_JSON,"version":2}. Returns: (transfer full). */
char       *jp_tally_sealed_text    (const JpTally *tally);

/* SHA-256 (lowercase hex) of jp_tally_sealed_text. Returns: (transfer full). */
char       *jp_tally_sealed_digest  (const JpTally *tally);

G_END_DECLS
