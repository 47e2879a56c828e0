/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-finding.h"

G_BEGIN_DECLS

/* Rounds of the committee (RULES.md "Committee ballot"): their kinds and states, the
 * host-side acceptance rule of an electronic ballot, and paper-ballot entry. Pure. */

typedef enum {
  JP_ROUND_KIND_BALLOT = 0,   /* 投票 */
  JP_ROUND_KIND_DEFENCE,      /* 答辩评分 */
} JpRoundKind;

typedef enum {
  JP_ROUND_STATE_DRAFT = 0,
  JP_ROUND_STATE_OPEN,
  JP_ROUND_STATE_CLOSED,
  JP_ROUND_STATE_SEALED,
} JpRoundState;

/* Keys "ballot", "defence"; "draft", "open", "closed", "sealed". Labels are translated.
 * *_from_key sets `ok` (may be NULL) and returns BALLOT / DRAFT when nothing matches. */
const char   *jp_round_kind_to_key    (JpRoundKind kind);
const char   *jp_round_kind_label     (JpRoundKind kind);
JpRoundKind   jp_round_kind_from_key  (const char *key, gboolean *ok);
const char   *jp_round_state_to_key   (JpRoundState state);
const char   *jp_round_state_label    (JpRoundState state);
JpRoundState  jp_round_state_from_key (const char *key, gboolean *ok);

/* Whether a round may go from `from` to `to`: only draft -> open -> closed -> sealed, one step
 * at a time (the caller checks that the chair asks). Closed and sealed rounds are immutable
 * except for sealing a closed one. FALSE with JP_CORE_ERROR_INVALID naming both states. */
/* The number of choices on a ballot when none is given: the election's setting when it is
 * set (> 0), otherwise one per seat. */
int           jp_round_default_max_choices (int setting,
                                            int seats);

gboolean      jp_round_can_transition (JpRoundState   from,
                                       JpRoundState   to,
                                       GError       **error);

/* ---- a round and its candidates (the store reads them, the rules use them) ---- */

typedef struct {
  gint64   candidate_id;
  char    *code;        /* the candidate's anonymous code ("XT-07") */
  int      position;    /* 1-based place in THIS round's drawn order */
} JpRoundCandidate;

typedef struct _JpRound {
  gint64        id;
  JpRoundKind   kind;
  gint64        trade_id;
  char         *trade_code;
  char         *trade_name;
  JpRoundState  state;
  int           seats;
  int           max_choices;
  int           present;
  gboolean      majority_threshold;
  int           number;          /* 1, 2, ... within the trade and kind */
  gint64        parent_id;       /* the round this is a run-off of; 0 if none */
  gint64        opened_at;       /* unix seconds; 0 if not yet */
  gint64        closed_at;
  gint64        sealed_at;
  GPtrArray    *candidates;      /* JpRoundCandidate*, by position */
  int           n_cast;          /* members on the roster (ballots received) */
  int           n_panel;         /* members on the trade's panel */
  char         *digest;          /* result digest once closed; NULL before */
  int           digest_version;  /* 2: over the ballots and the result; 1: the result
                                  * alone (closed before schema "audit chain") */
} JpRound;

JpRoundCandidate *jp_round_candidate_copy (const JpRoundCandidate *c);
void              jp_round_candidate_free (JpRoundCandidate *c);
JpRound          *jp_round_copy (const JpRound *round);
void              jp_round_free (JpRound *round);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRoundCandidate, jp_round_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRound, jp_round_free)

/* The NULL-terminated codes of a round in drawn order. Returns: (transfer full). */
GStrv      jp_round_get_codes (const JpRound *round);

/* Whether a ballot round may be created at all: only once the candidate list is frozen
 * (the freeze draws the anonymous codes the ballot shows). FALSE with JP_CORE_ERROR_INVALID
 * and a translated message saying to freeze first otherwise. */
gboolean      jp_round_may_create (gboolean   frozen,
                                   GError   **error);

/* ---- may a new round be opened for a trade, and why (RULES.md "Committee ballot") ---- */

/* Why a new ballot round of a trade may (or may not) be opened. */
typedef enum {
  JP_NEW_ROUND_FIRST = 0,   /* the trade has no ballot round yet: its first vote */
  JP_NEW_ROUND_REPEAT_VOID, /* the last round was void (more ballots than present): repeat */
  JP_NEW_ROUND_REASON,      /* the rules do not call for one: only with a written reason */
  JP_NEW_ROUND_RUNOFF_DUE,  /* a tie at the cut-off: hold the run-off, not a new round */
  JP_NEW_ROUND_PENDING,     /* a round of the trade is not closed yet: never */
} JpNewRoundCase;

/* What the host knows of a trade's ballot rounds so far. */
typedef struct {
  int       n_rounds;      /* ballot rounds of the trade, any state */
  gboolean  pending;       /* one of them is a draft or open */
  gboolean  last_void;     /* the last closed round is void */
  gboolean  runoff_due;    /* the last closed round has a tie at the cut-off and no run-off */
  int       seats;         /* the trade's finalist seats */
  int       seats_open;    /* seats not yet filled by closed rounds */
} JpTradeRounds;

/* The rule: a first round, or the repeat of a void round, may be opened; a pending round
 * forbids any other; otherwise (seats filled, a result that stands, a run-off due) a new
 * round needs a written reason (at least JP_NEW_ROUND_REASON_MIN characters once trimmed),
 * which the caller audits. `*why` (may be NULL) receives the case whatever the answer.
 * FALSE with JP_CORE_ERROR_INVALID and a plain-words, translated message naming
 * `trade_label` that says why and what to do. */
#define JP_NEW_ROUND_REASON_MIN 4
gboolean      jp_round_may_open_new (const JpTradeRounds  *state,
                                     const char           *trade_label,
                                     const char           *reason,
                                     JpNewRoundCase       *why,
                                     GError              **error);

/* ---- quorum (RULES.md: 评审会议须有三分之二以上评委出席) ---- */

/* Members who must be present out of `panel` for a quorum of `num`/`den` (rounded up, exact
 * integers): 5 of 7, 2 of 3, 6 of 9 for 2/3. `num` 0 (no quorum) gives 0. */
int           jp_round_quorum_needed (int panel,
                                      int num,
                                      int den);

/* Whether `present` members of a `panel` reach the quorum `num`/`den`. FALSE with
 * JP_CORE_ERROR_INVALID naming `trade_label`, the numbers and the setting otherwise. */
gboolean      jp_round_quorum_check  (int          present,
                                      int          panel,
                                      int          num,
                                      int          den,
                                      const char  *trade_label,
                                      GError     **error);

/* Whether a round with `n_cast` ballots (electronic and paper) may be closed as a result:
 * a round with no ballot cannot (FALSE with JP_CORE_ERROR_INVALID saying so plainly). */
gboolean      jp_round_may_close (int      n_cast,
                                  GError **error);

/* Why an electronic ballot is refused. The error code of a refusal in the JP_BALLOT_ERROR
 * domain is the JpBallotRefusal value. */
typedef enum {
  JP_BALLOT_REFUSAL_NONE = 0,
  JP_BALLOT_REFUSAL_NOT_OPEN,       /* the round is not open */
  JP_BALLOT_REFUSAL_NOT_ON_PANEL,   /* the member is not on this trade's panel */
  JP_BALLOT_REFUSAL_ALREADY_VOTED,  /* the roster has the member */
  JP_BALLOT_REFUSAL_TOO_MANY,       /* more than max_choices marks */
  JP_BALLOT_REFUSAL_UNKNOWN_CODE,   /* a mark is not a code of the round */
  JP_BALLOT_REFUSAL_DUPLICATE,      /* the same code marked twice */
  JP_BALLOT_REFUSAL_CONFLICTED,     /* a candidate the member is conflicted with */
} JpBallotRefusal;

#define JP_BALLOT_ERROR (jp_ballot_error_quark ())
GQuark        jp_ballot_error_quark (void);

/* Stable machine keys of the refusals for protocols: "not-open", "not-on-panel",
 * "already-voted", "too-many-marks", "unknown-code", "duplicate-code", "conflicted";
 * "none" for NONE. */
const char   *jp_ballot_refusal_to_key (JpBallotRefusal refusal);

/* What the host knows when a member submits a ballot. Arrays of codes are NULL-terminated
 * and borrowed. */
typedef struct {
  JpRoundState  round_state;
  gboolean      on_panel;
  gboolean      already_voted;
  const char   *const *marks;           /* the codes the member marked (may be NULL: blank) */
  const char   *const *round_codes;     /* the codes of the round */
  int           max_choices;
  const char   *const *conflicted_codes; /* codes the member may not mark (may be NULL) */
} JpBallotRequest;

/* The host-side acceptance rule of an electronic ballot. Checked in this order: round open,
 * on the panel, not yet voted, at most max_choices marks, every mark a code of the round,
 * no code twice, no conflicted code. An empty ballot is accepted (blank). On refusal FALSE
 * with a JP_BALLOT_ERROR of the JpBallotRefusal and a plain-words, translated message the
 * member's station shows ("每张选票最多选 2 人", "您与 XT-03 存在回避关系，不能选择"). */
gboolean      jp_ballot_check (const JpBallotRequest  *req,
                               GError                **error);

/* ---- paper ballots ---- */

/* One typed paper ballot. */
typedef struct {
  gint64    serial;     /* > 0 */
  GStrv     marks;      /* codes as typed (never NULL; empty for a blank ballot) */
  gboolean  invalid;    /* the scrutineer typed the word "invalid" */
  guint     line;       /* line in the source file */
} JpPaperBallot;

JpPaperBallot *jp_paper_ballot_copy (const JpPaperBallot *b);
void           jp_paper_ballot_free (JpPaperBallot *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPaperBallot, jp_paper_ballot_free)

/* Parses a paper-ballot CSV (`serial,marks`, header required): one ballot a line; marks are
 * codes separated by spaces (a trailing comma-less line is blank), empty for a blank ballot,
 * or the word "invalid" (any case) for a ballot the scrutineers declared invalid. Serials are
 * positive integers. Codes are compared case-insensitively and stored as in `round_codes`.
 * Ballots with more marks than max_choices are valid input (they count as invalid at the
 * tally). Errors (JP_CORE_ERROR_PARSE, naming `source_name` and the line): missing header,
 * bad serial, duplicate serial (and the line of the first), unknown code, a code twice on
 * one ballot, a line with more than two fields.
 * Returns: (transfer full): JpPaperBallot* in file order, or NULL on error. */
GPtrArray    *jp_paper_ballots_parse (const char          *data,
                                      gsize                length,
                                      const char          *source_name,
                                      const char *const   *round_codes,
                                      GError             **error);

/* Compares the two entries of the same pile (JpPaperBallot* arrays): a JpFinding (ERROR,
 * code "paper-missing" or "paper-differs", field "serial") for each serial missing from one
 * entry or whose marks differ (the order of codes within a ballot does not matter), by
 * serial. Returns: (transfer full): JpFinding*, empty when the entries agree. */
GPtrArray    *jp_paper_entries_compare (GPtrArray *first,
                                        GPtrArray *second);

G_END_DECLS
