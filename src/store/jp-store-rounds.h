/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The store's part of the meeting (issue 4): ballot rounds, the secret ballot, paper-ballot
 * entry, the tally, run-offs and finalists. Every write is one transaction with its audit row;
 * the rules are the core's (jp_round_can_transition, jp_ballot_check, jp_paper_ballots_parse,
 * jp_tally_compute).
 *
 * Secrecy: the ballot table holds no member and no time, is keyed by (round, random 63-bit
 * serial) WITHOUT ROWID; the roster holds only (round, member); an idempotency key is stored
 * only as a SHA-256 over the member's row id and the key. Every commit that stores ballots
 * writes the round's ballot and roster rows again in key order and empties the WAL, and the
 * close does so for the whole file, so neither the pages nor the WAL keep the casting order
 * (docs/ballot-secrecy.md). Audit rows of ballots name the member and the round, never the
 * marks. */

#include "jp-store.h"
#include "jp-store-console.h"
#include "core/jp-round.h"
#include "core/jp-tally.h"
#include "core/jp-finalists.h"

G_BEGIN_DECLS

/* Schema 4 adds: round, round_candidate, ballot, ballot_roster, paper_entry. */

/* JpRound and JpRoundCandidate are the core's (core/jp-round.h). */

/* Creates a ballot round in state draft for the trade (code or name): requires the freeze
 * (LOCKED otherwise); candidates are the trade's qualified candidates with their anonymous
 * codes, in a fresh order drawn from getrandom(2) (the draw is audited). `seats` -1 = the
 * trade's seats from the seat plan; `max_choices` -1 = the settings' max_choices, or the
 * seats when that is 0; `present` -1 = the size of the trade's panel. Refused (INVALID) when
 * seats < 1, max_choices < 1, present < 1, or the trade has no qualified candidate;
 * NOT_FOUND naming the trade. Audit "round.create". Returns the round id, 0 on error. */
gint64     jp_store_create_round (JpStore     *self,
                                  const char  *trade,
                                  int          seats,
                                  int          max_choices,
                                  int          present,
                                  const char  *actor,
                                  GError     **error);

/* Moves a round to `state` (jp_round_can_transition). To CLOSED it does what
 * jp_store_close_round does, to SEALED what jp_store_seal_round does. Audit "round.open",
 * "round.close", "round.seal". NOT_FOUND if there is no such round; INVALID with the core's
 * message for a forbidden transition. */
gboolean   jp_store_set_round_state (JpStore       *self,
                                     gint64         round_id,
                                     JpRoundState   state,
                                     const char    *actor,
                                     GError       **error);

/* jp_store_create_round then open, in one transaction. Returns the round id, 0 on error. */
gint64     jp_store_open_ballot_round (JpStore     *self,
                                       const char  *trade,
                                       int          seats,
                                       int          max_choices,
                                       int          present,
                                       const char  *actor,
                                       GError     **error);

/* jp_store_open_ballot_round for a round the rules do not call for (jp_round_may_open_new):
 * `reason` is the chair's written reason, kept in the audit row "round.open". Every opening
 * goes through the rule: a draft or open round of the trade refuses (CONFLICT); a first
 * round or the repeat of a void round needs no reason; otherwise INVALID with the core's
 * message unless `reason` is given. Opening also checks the quorum of the settings
 * (jp_round_quorum_check of `present` against the trade's panel; INVALID). */
gint64     jp_store_open_ballot_round_with_reason (JpStore     *self,
                                                   const char  *trade,
                                                   int          seats,
                                                   int          max_choices,
                                                   int          present,
                                                   const char  *reason,
                                                   const char  *actor,
                                                   GError     **error);

/* What jp_round_may_open_new needs of a trade (code or name): its ballot rounds, whether one
 * is pending, whether the last closed one is void or has a run-off due, its seats and those
 * still open. NOT_FOUND naming the trade; the tally's errors. */
gboolean   jp_store_trade_rounds (JpStore        *self,
                                  const char     *trade,
                                  JpTradeRounds  *out,
                                  GError        **error);

/* One round; NOT_FOUND naming the id. Returns: (transfer full). */
JpRound   *jp_store_get_round   (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error);
/* Rounds of a trade (code or name), or of every trade for NULL, by trade name then number.
 * Returns: (transfer full): JpRound*. */
GPtrArray *jp_store_list_rounds (JpStore     *self,
                                 const char  *trade,
                                 GError     **error);

/* The size of a trade's panel: the members whose trades include it (member_trade). This is
 * the one count of a panel; rounds, defence sessions and the chair's ballot page use it.
 * FALSE with `error` set when it cannot be read (never a silent 0). */
gboolean   jp_store_panel_size       (JpStore     *self,
                                      gint64       trade_id,
                                      int         *size,
                                      GError     **error);
/* The same for the trade with this code (or name); NOT_FOUND when there is none. */
gboolean   jp_store_trade_panel_size (JpStore     *self,
                                      const char  *trade,
                                      int         *size,
                                      GError     **error);

/* One member of a round's panel: whether they have voted, never what. */
typedef struct {
  gint64    member_id;
  char     *code;
  char     *name;
  gboolean  voted;
} JpPanelMember;

void       jp_panel_member_free (JpPanelMember *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPanelMember, jp_panel_member_free)

/* The members who may vote in the round: the members whose trades include the round's trade
 * (by code or name; the chair only when on the panel), by code, each with voted yes/no.
 * Returns: (transfer full): JpPanelMember*. */
GPtrArray *jp_store_round_panel (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error);

/* The codes of `round_id`'s candidates that `member_code` is conflicted with (declared or
 * same unit, by jp_conflict_same_unit), in drawn order; an empty vector when none, NULL with
 * `error` set when the file cannot be read (never an empty list: a ballot is refused rather
 * than accepted with its conflicts unknown).
 * One query for the round: the ballot path calls it on every ballot. */
GStrv      jp_store_round_conflicted_codes (JpStore     *self,
                                            gint64       round_id,
                                            const char  *member_code,
                                            GError     **error);
/* Whether the member is on the round's panel, in `*on_panel`. FALSE with `error` set when
 * the file cannot be read: a failure is never taken for "not on the panel". */
gboolean   jp_store_member_on_panel (JpStore     *self,
                                     gint64       round_id,
                                     const char  *member_code,
                                     gboolean    *on_panel,
                                     GError     **error);

/* Casts a member's electronic ballot, in one transaction. The member must exist (NOT_FOUND);
 * when the member is on the panel, has voted, and their own key hash (SHA-256 over the
 * member's row id and `idempotency_key`) is stored for this round, `replayed` is set TRUE and
 * nothing is written (success, also after the close). Another member's key matches nothing.
 * Otherwise jp_ballot_check with the round state, panel membership, the roster and the
 * member's conflicts with the round's candidates; then a ballot row (random serial, marks in
 * the round's code spelling, sorted by position; no member, no time), a roster row and an
 * audit "ballot.cast" {member, round} without the marks.
 * Refusals: the GError is in the JP_BALLOT_ERROR domain with the JpBallotRefusal as its code
 * and the core's plain-words message (map the code with jp_ballot_refusal_to_key); NOT_FOUND
 * naming the round or member code for an unknown one; other store errors as usual.
 * `marks` NULL-terminated (NULL or empty: blank); `idempotency_key` may be NULL (no replay
 * protection); `replayed` may be NULL. */
gboolean   jp_store_submit_ballot (JpStore            *self,
                                   gint64              round_id,
                                   const char         *member_code,
                                   const char *const  *marks,
                                   const char         *idempotency_key,
                                   gboolean           *replayed,
                                   GError            **error);

/* Paper ballots: pass 1 (first scrutineer) or 2 (confirmation). Parses `data` with
 * jp_paper_ballots_parse (errors name `source_name` and the line), replaces that pass's
 * entries for the round, audits "paper.enter" {round, pass, count, entered_by}. Only while
 * the round is open (JP_BALLOT_ERROR NOT_OPEN otherwise). `member_code` must name a member
 * (NOT_FOUND). Returns the number of ballots entered, -1 on error. */
int        jp_store_enter_paper_ballots (JpStore     *self,
                                         gint64       round_id,
                                         int          pass,
                                         const char  *data,
                                         gsize        length,
                                         const char  *source_name,
                                         const char  *member_code,
                                         GError     **error);

/* Number of paper ballots entered in `pass` (0 if none). */
int        jp_store_count_paper_entries (JpStore *self, gint64 round_id, int pass);

/* jp_paper_entries_compare of pass 1 and pass 2 (a pass not entered counts as empty).
 * Returns: (transfer full): JpFinding*, empty when they agree. */
GPtrArray *jp_store_paper_differences (JpStore  *self,
                                       gint64    round_id,
                                       GError  **error);

/* Closes an open round: a round with no ballot (electronic or paper) is refused (INVALID,
 * jp_round_may_close); when paper entries exist, both passes must be present and equal
 * (INVALID, the message lists the differing serials), then they become ballot rows; the
 * tally (jp_tally_compute) is stored as canonical JSON with its digest. Audit "round.close"
 * {round, digest}. */
gboolean   jp_store_close_round (JpStore     *self,
                                 gint64       round_id,
                                 const char  *actor,
                                 GError     **error);

/* Seals a closed round: the result is final and may be printed. Audit "round.seal". */
gboolean   jp_store_seal_round  (JpStore     *self,
                                 gint64       round_id,
                                 const char  *actor,
                                 GError     **error);

/* The tally of a closed or sealed round, recomputed from the stored ballots and checked
 * against the stored digest (FAILED if they differ: the file was altered). LOCKED for a
 * round that is not closed: no tally is visible anywhere before the close.
 * Returns: (transfer full). */
JpTally   *jp_store_get_tally   (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error);

/* The stored canonical JSON of a closed round's result (what the digest is over), checked
 * before it is returned: the ballots recounted must give the stored digest and exactly the
 * stored text (FAILED naming the round, the digest and the file otherwise: it was altered).
 * Returns: (transfer full); NULL with LOCKED before the close. */
char      *jp_store_get_round_result_json (JpStore  *self,
                                           gint64    round_id,
                                           GError  **error);

/* Creates and opens a run-off of a closed (or sealed) round among its tied boundary group
 * for the remaining seats (max_choices = those seats), with its own random order; present as
 * in the parent. INVALID if the round has no run-off; CONFLICT if a run-off already exists.
 * Returns the new round id, 0 on error. */
gint64     jp_store_create_runoff (JpStore     *self,
                                   gint64       round_id,
                                   const char  *actor,
                                   GError     **error);

/* JpTradeFinalists and the rule that sums them are the core's (core/jp-finalists.h). */

/* Per trade with a ballot round (by trade name): the candidates who advanced in its closed
 * rounds, the seats and those still open. A void round decides nobody.
 * Returns: (transfer full): JpTradeFinalists*. */
GPtrArray *jp_store_finalists (JpStore *self, GError **error);

/* jp_store_get_stage_locks now reports JP_STAGE_LOCK_BALLOT_OPENED once any ballot round has
 * been opened. */

G_END_DECLS
