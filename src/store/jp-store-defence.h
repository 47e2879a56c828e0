/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The store's part of the defence sessions (现场答辩, issue 7; RULES.md "Defence scoring",
 * docs/defence.md). A defence session is a round of kind JP_ROUND_KIND_DEFENCE: its
 * candidates (round_candidate, position = order of appearance) are the trade's finalists.
 * The rules are core's (jp-score.h, jp-defence.h, jp-paper-sheets.h); this stores, checks
 * who may do what, and audits. Every write is one transaction with its audit row: a refused
 * call writes nothing.
 *
 * Defence scores are not secret: sheets are named (they are signed on paper). What is held
 * back is the score: no D and no alert of a candidate is given out before every sheet due
 * for that candidate is in (the "N of M").
 *
 * Who scores a candidate: the session's panel (the members of the trade) minus the members
 * conflicted with that candidate (回避, jp_store_round_conflicted_codes) minus the members
 * recorded absent (who left, with a reason). A sheet is a draft (saved as the member types,
 * a restarted station gets it back) until it is submitted; a submitted sheet is locked. A
 * draft may be saved and a sheet submitted only for the current candidate, or for a sheet
 * the chair has reopened (unlock, or a request to revise after a deviation alert).
 *
 * Schema 8 adds: defence_session (frozen rubric and times, the seed of the draw, the current
 * candidate), defence_sheet, defence_unlock, defence_revision, defence_absence,
 * defence_paper_entry; triggers refuse any change to them once the round is closed. */

#include "jp-store.h"
#include "jp-store-rounds.h"
#include "core/jp-defence.h"
#include "core/jp-paper-sheets.h"

G_BEGIN_DECLS

typedef enum {
  JP_DEFENCE_SHEET_NONE = 0,     /* nothing saved yet */
  JP_DEFENCE_SHEET_DRAFT,        /* saved, not submitted (also after an unlock / revise) */
  JP_DEFENCE_SHEET_SUBMITTED,    /* locked */
} JpDefenceSheetState;

/* "none", "draft", "submitted" */
const char *jp_defence_sheet_state_to_key (JpDefenceSheetState state);

/* One member's sheet for one candidate. */
typedef struct {
  char                *member;        /* member code */
  char                *candidate;     /* candidate code */
  JpDefenceSheetState  state;
  guint                n_criteria;    /* the session's rubric length */
  int                 *halves;        /* n_criteria scores in halves; -1 = not filled in
                                       * (drafts only) */
  int                  total_halves;  /* sum of the filled-in scores */
  gboolean             paper;         /* came from the paper entry (two scrutineers) */
  gboolean             reopened;      /* the chair unlocked it or asked for a revision, and it
                                       * has not been submitted again yet */
  gboolean             revision_requested;  /* the chair asked for a revision (once) */
  gboolean             revised;       /* submitted again after that request */
  gint64               updated_at;    /* unix seconds; 0 for NONE */
  gint64               submitted_at;  /* 0 unless submitted */
} JpDefenceSheet;

void            jp_defence_sheet_free (JpDefenceSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceSheet, jp_defence_sheet_free)

/* One member of the session's panel. */
typedef struct {
  gint64    member_id;
  char     *code;
  char     *name;
  gboolean  absent;            /* recorded as having left */
  char     *absence_reason;    /* NULL unless absent */
} JpDefencePanelMember;

void jp_defence_panel_member_free (JpDefencePanelMember *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefencePanelMember, jp_defence_panel_member_free)

/* One candidate of a session, as the chair's console and the projector show it. */
typedef struct {
  gint64    candidate_id;
  char     *code;
  int       order;             /* place in the drawn order of appearance, from 1 */
  GStrv     conflicted;        /* member codes who step out (回避) for this candidate */
  GStrv     scorers;           /* member codes who score it: panel - conflicted - absent
                                * (absent members who did submit stay: their sheet counts) */
  guint     n_expected;        /* M: the sheets due (length of scorers) */
  guint     n_submitted;       /* N: of those, submitted (station, or agreed paper entry) */
  GStrv     pending;           /* scorers whose sheet is not in yet, by code */
  gboolean  complete;          /* N == M and M > 0: its score may be shown */
} JpDefenceCandidate;

void jp_defence_candidate_free (JpDefenceCandidate *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceCandidate, jp_defence_candidate_free)

/* A defence session. */
typedef struct {
  gint64        round_id;
  gint64        trade_id;
  char         *trade_code;
  char         *trade_name;
  JpRoundState  state;                 /* open, closed or sealed */
  GPtrArray    *rubric;                /* JpRubricCriterion*, frozen when the session opened */
  int           presentation_minutes;  /* frozen */
  int           questions_minutes;     /* frozen */
  int           drop_min_totals;       /* frozen */
  gint64        alert_hundredths;      /* frozen deviation alert, 15 points = 1500 */
  char         *seed;                  /* hex of the random bytes of the draw (also audited) */
  int           current;               /* order of the current candidate, 0 = none */
  GPtrArray    *panel;                 /* JpDefencePanelMember*, by code */
  GPtrArray    *candidates;            /* JpDefenceCandidate*, by order */
  char         *digest;                /* jp_defence_digest at the close; NULL before */
  gint64        opened_at, closed_at, sealed_at;
} JpDefenceSession;

void jp_defence_session_free (JpDefenceSession *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceSession, jp_defence_session_free)

/* The current candidate of `s`, or NULL. (transfer none) */
const JpDefenceCandidate *jp_defence_session_current (const JpDefenceSession *s);
/* The candidate of `s` with `code` (case-insensitive), or NULL. (transfer none) */
const JpDefenceCandidate *jp_defence_session_find    (const JpDefenceSession *s,
                                                      const char             *code);

/* Opens a defence session for the trade (code or name): requires that the trade's finalists
 * are decided (its ballot rounds closed, no run-off or repeat pending: INVALID naming the
 * round otherwise), that it has finalists and a panel (INVALID), and that it has no defence
 * session yet (CONFLICT naming it). The finalists' order of appearance is drawn with
 * jp_codes_draw from getrandom(2) bytes (unbiased, like the codes); the settings' rubric,
 * times, drop rule and deviation alert are frozen into the session (the settings' lock
 * JP_STAGE_LOCK_DEFENCE_OPENED starts). Audit "defence.open" {round, trade, order, random,
 * rubric}. Returns the round id, 0 on error. */
gint64            jp_store_open_defence_session (JpStore     *self,
                                                 const char  *trade,
                                                 const char  *actor,
                                                 GError     **error);

/* The session with its candidates, the N of M of each, and the panel. NOT_FOUND naming the
 * id; INVALID when `round_id` is a ballot round. Returns: (transfer full). */
JpDefenceSession *jp_store_get_defence_session  (JpStore  *self,
                                                 gint64    round_id,
                                                 GError  **error);

/* The defence session of a trade (code or name), or NULL with NOT_FOUND. */
JpDefenceSession *jp_store_find_defence_session (JpStore     *self,
                                                 const char  *trade,
                                                 GError     **error);

/* Makes `candidate` (a code of the session; NULL or "" for none) the current candidate.
 * Only while the session is open (LOCKED otherwise). Audit "defence.current". */
gboolean          jp_store_defence_set_current  (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *candidate,
                                                 const char  *actor,
                                                 GError     **error);

/* Saves a member's sheet for a candidate, as a draft, or submits it (`submit`).
 * `halves` has one value per rubric criterion (`n_halves` must equal the rubric's length);
 * in a draft -1 marks a field not filled in yet, a submitted sheet needs every field. Each
 * value is checked against its criterion's maximum. Refused, nothing written, with a message
 * naming what is wrong:
 * - NOT_FOUND: no such round, member or candidate code in the session;
 * - LOCKED: the session is not open; the sheet is submitted (a second submit, or a draft
 *   over a submitted sheet) — the chair must unlock it;
 * - INVALID: the member is not on the trade's panel, is conflicted with the candidate
 *   (回避), or was recorded absent; the candidate is not the current one (and the sheet was
 *   not reopened by the chair); a wrong number of values, a value below zero, above the
 *   criterion's maximum or (for the text variant) not a number or not a multiple of 0.5.
 * Audit "defence.submit" {round, member, candidate, scores, total} on a submit (drafts are
 * not audited: they are saved as the member types). */
gboolean          jp_store_defence_save_sheet   (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *member,
                                                 const char  *candidate,
                                                 const int   *halves,
                                                 guint        n_halves,
                                                 gboolean     submit,
                                                 const char  *actor,
                                                 GError     **error);

/* The same with the values as typed (`values` NULL-terminated, one per criterion): each is
 * read with jp_points_parse (NFKC, "12.5", steps of 0.5); in a draft an empty text is a
 * field not filled in. */
gboolean          jp_store_defence_save_sheet_text (JpStore            *self,
                                                    gint64              round_id,
                                                    const char         *member,
                                                    const char         *candidate,
                                                    const char *const  *values,
                                                    gboolean            submit,
                                                    const char         *actor,
                                                    GError            **error);

/* A station's sheet, stored with the session loaded once (the host's request: it explains a
 * refusal from the same session the write checks). jp_store_defence_write_begin() starts the
 * write transaction (a savepoint of the batch inside jp_store_batch_begin) and loads the
 * session in it; the caller reads the session and the member's sheet, then either saves
 * (jp_store_defence_write_save, which checks everything again) or frees the handle, which
 * writes nothing. */
typedef struct _JpDefenceSheetWrite JpDefenceSheetWrite;

/* NOT_FOUND naming the id, INVALID for a ballot round; FAILED when the batch this write
 * would join was already lost (nothing of it will be written). Returns: (transfer full). */
JpDefenceSheetWrite    *jp_store_defence_write_begin       (JpStore              *self,
                                                            gint64                round_id,
                                                            GError              **error);
/* The session as loaded in the write; after a successful save its N of M include the saved
 * sheet (and every earlier sheet of the same batch). (transfer none) */
const JpDefenceSession *jp_store_defence_write_get_session (JpDefenceSheetWrite  *w);
/* `member`'s saved sheet for `candidate` (exact codes), NULL when none. (transfer none) */
const JpDefenceSheet   *jp_store_defence_write_get_sheet   (JpDefenceSheetWrite  *w,
                                                            const char           *member,
                                                            const char           *candidate);
/* Saves or submits as jp_store_defence_save_sheet_text() (same checks, same errors, same
 * audit) and commits. Once per handle: afterwards the handle only reads. */
gboolean                jp_store_defence_write_save        (JpDefenceSheetWrite  *w,
                                                            const char           *member,
                                                            const char           *candidate,
                                                            const char *const    *values,
                                                            gboolean              submit,
                                                            const char           *actor,
                                                            GError              **error);
/* The round the handle loaded. */
gint64                  jp_store_defence_write_get_round   (JpDefenceSheetWrite  *w);
/* Ends the write without saving (rolls back what it started) and keeps the loaded session. */
void                    jp_store_defence_write_close       (JpDefenceSheetWrite  *w);
/* Starts another write on the session `w` loaded (after a save or a close), without loading
 * it again: only inside the batch (jp_store_batch_begin) in which `w` began, where nothing
 * but the batch's own sheet writes, each of which updated the loaded session, can have
 * changed it; never after that batch ended. FALSE with `error` when the batch was already
 * lost. */
gboolean                jp_store_defence_write_next        (JpDefenceSheetWrite  *w,
                                                            GError              **error);
/* Rolls back what was not saved, and frees. */
void                    jp_store_defence_write_free        (JpDefenceSheetWrite  *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceSheetWrite, jp_store_defence_write_free)

/* A member's sheet for a candidate (a restarted station gets its draft back): state NONE
 * with every value -1 when nothing is saved. NOT_FOUND for an unknown round, member or
 * candidate. Returns: (transfer full). */
JpDefenceSheet   *jp_store_defence_get_sheet    (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *member,
                                                 const char  *candidate,
                                                 GError     **error);

/* The session (as jp_store_get_defence_session) and, in `*sheet`, `member`'s sheet for its
 * current candidate (as jp_store_defence_get_sheet), from one load: what a station asks for
 * when the chair calls a candidate. `*sheet` is NULL when no candidate is current or the
 * member is not on the panel. Returns: (transfer full): NULL with `error`. */
JpDefenceSession *jp_store_defence_get_current  (JpStore          *self,
                                                 gint64            round_id,
                                                 const char       *member,
                                                 JpDefenceSheet  **sheet,
                                                 GError          **error);

/* Every saved sheet of the session (drafts too), by candidate order then member code.
 * Returns: (transfer full): JpDefenceSheet*. */
GPtrArray        *jp_store_defence_list_sheets  (JpStore  *self,
                                                 gint64    round_id,
                                                 GError  **error);

/* The chair reopens one submitted sheet with a written reason (INVALID when blank): it
 * becomes a draft the member may change and submit again, for that candidate even when it
 * is no longer current. LOCKED when the session is not open; INVALID when the sheet is not
 * submitted. Kept in defence_unlock; audit "defence.unlock" {round, member, candidate,
 * reason, scores, total}. */
gboolean          jp_store_defence_unlock_sheet (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *member,
                                                 const char  *candidate,
                                                 const char  *reason,
                                                 const char  *actor,
                                                 GError     **error);

/* A deviation alert: a submitted total more than the session's alert from the median of the
 * candidate's submitted totals. */
typedef struct {
  char     *candidate;
  char     *member;
  int       total_halves;    /* the total that raised the alert (before any revision) */
  gint64    median;          /* hundredths, the median then */
  gint64    deviation;       /* hundredths, total - median */
  gboolean  requested;       /* the chair asked the member to revise */
  gboolean  revised;         /* the member submitted again after the request */
  int       revised_total_halves;  /* the revised total when revised, else -1 */
} JpDefenceAlert;

void jp_defence_alert_free (JpDefenceAlert *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceAlert, jp_defence_alert_free)

/* The alerts of the session (of one candidate when `candidate` is not NULL): for candidates
 * whose sheets are all in, every current alert, and every alert the chair asked to revise
 * (kept as it was, with the revision), by candidate order then member.
 * Returns: (transfer full): JpDefenceAlert*. */
GPtrArray        *jp_store_defence_alerts       (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *candidate,
                                                 GError     **error);

/* The chair asks `member` to revise their sheet for `candidate` after a deviation alert:
 * INVALID when the candidate's sheets are not all in or the sheet raises no alert; CONFLICT
 * when a revision was already asked (once only). The sheet is reopened; the alert (total,
 * median) is kept in defence_revision and the revision is recorded when the member submits
 * again. `reason` may be NULL. Audit "defence.revise". */
gboolean          jp_store_defence_request_revision (JpStore     *self,
                                                     gint64       round_id,
                                                     const char  *member,
                                                     const char  *candidate,
                                                     const char  *reason,
                                                     const char  *actor,
                                                     GError     **error);

/* Records that a panel member left (or is not there) with the chair's written reason
 * (INVALID when blank; CONFLICT when already recorded): the member's sheets still missing
 * are no longer due; sheets already submitted count. Audit "defence.absent". */
gboolean          jp_store_defence_record_absence (JpStore     *self,
                                                   gint64       round_id,
                                                   const char  *member,
                                                   const char  *reason,
                                                   const char  *actor,
                                                   GError     **error);

/* Paper sheets (`scores enter`): pass 1 (first scrutineer) or 2 (confirmation) of the file
 * `data` (jp_paper_sheets_parse against the session's rubric: errors name `source_name` and
 * the line). Every line must name a member who may score the candidate (panel, not
 * conflicted, not absent) and a candidate of the session (INVALID naming the line
 * otherwise). The pass replaces that pass's earlier entry. The two passes must be typed by
 * two different members (INVALID). `entered_by` must be a member's code (NOT_FOUND).
 * LOCKED when the session is not open. Audit "defence.paper" {round, pass, count,
 * entered_by}. Returns the number of sheets entered, -1 on error. */
int               jp_store_defence_enter_paper  (JpStore     *self,
                                                 gint64       round_id,
                                                 int          pass,
                                                 const char  *data,
                                                 gsize        length,
                                                 const char  *source_name,
                                                 const char  *entered_by,
                                                 GError     **error);

/* The paper sheets stored for `pass` (1 or 2), in the order they were typed (their line),
 * and in `entered_by` (may be NULL; NULL when the pass is empty) the member who typed them:
 * what the chair's paper entry shows again after a restart. NOT_FOUND for an unknown round.
 * Returns: (transfer full): JpPaperSheet* (core/jp-paper-sheets.h), NULL on error. */
GPtrArray        *jp_store_defence_list_paper   (JpStore  *self,
                                                 gint64    round_id,
                                                 int       pass,
                                                 char    **entered_by,
                                                 GError  **error);

/* jp_paper_sheets_compare of pass 1 and pass 2 (a pass not entered counts as empty), plus a
 * sentence for each paper sheet that a member also submitted at a station.
 * Returns: (transfer full): char* sentences, empty when there is nothing to resolve. */
GPtrArray        *jp_store_defence_paper_differences (JpStore  *self,
                                                      gint64    round_id,
                                                      GError  **error);

/* Closes the session: every candidate must have every sheet due (INVALID naming, per
 * candidate, the members whose sheet is missing or still a draft, and telling the chair to
 * record an absence for a member who left); the paper passes must agree (INVALID listing the
 * differences), then the agreed paper sheets become submitted sheets. Computes every D and
 * the digest (jp_defence_digest), stores the canonical text and the digest. Afterwards the
 * session is immutable (triggers). Audit "defence.close" {round, digest}.
 * jp_store_close_round() and jp_store_set_round_state() dispatch here for defence rounds. */
gboolean          jp_store_defence_close        (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *actor,
                                                 GError     **error);

/* Seals a closed session after checking that its sheets still give the stored digest
 * (FAILED: the file was altered). Audit "round.seal". jp_store_seal_round() dispatches here
 * for defence rounds. */
gboolean          jp_store_defence_seal         (JpStore     *self,
                                                 gint64       round_id,
                                                 const char  *actor,
                                                 GError     **error);

/* One candidate's results. */
typedef struct {
  gint64           candidate_id;
  char            *code;
  int              order;
  guint            n_expected;
  guint            n_submitted;
  JpDefenceScore  *score;      /* NULL until every sheet due is in (the chair never sees a
                                * score before); then D, the median, drops and alerts */
  GPtrArray       *sheets;     /* JpDefenceSheet*, submitted ones, by member (empty while
                                * score is NULL) */
  GPtrArray       *alerts;     /* JpDefenceAlert* (jp_store_defence_alerts) */
} JpDefenceCandidateResults;

void jp_defence_candidate_results_free (JpDefenceCandidateResults *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceCandidateResults, jp_defence_candidate_results_free)

typedef struct {
  gint64        round_id;
  char         *trade_code;
  JpRoundState  state;
  GPtrArray    *rubric;        /* JpRubricCriterion* (frozen) */
  GPtrArray    *candidates;    /* JpDefenceCandidateResults*, by order */
  GPtrArray    *consistency;   /* JpJudgeConsistency* over the complete candidates, by
                                * member (jp_judge_consistency_compute) */
  char         *digest;        /* the stored digest once closed, else NULL */
} JpDefenceResults;

void jp_defence_results_free (JpDefenceResults *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDefenceResults, jp_defence_results_free)

/* The session's results so far: per candidate D (jp_defence_score_compute with the frozen
 * drop rule and alert) once its sheets are all in, with the dropped totals and the alerts;
 * the judge-consistency view. Returns: (transfer full). */
JpDefenceResults *jp_store_defence_results      (JpStore  *self,
                                                 gint64    round_id,
                                                 GError  **error);

/* D of every candidate of the session that has one (the same D as
 * jp_store_defence_results(), without the sheets, alerts and consistency view): what the
 * ranking needs. Returns: (transfer full): candidate code -> gint64* (hundredths). */
GHashTable       *jp_store_defence_d_values     (JpStore  *self,
                                                 gint64    round_id,
                                                 GError  **error);

/* The canonical text a closed session's digest is over (docs/defence.md), recomputed from
 * the stored sheets and checked against the stored digest (FAILED when they differ); LOCKED
 * before the close. Returns: (transfer full). */
char             *jp_store_defence_canonical_text (JpStore  *self,
                                                   gint64    round_id,
                                                   GError  **error);

G_END_DECLS
