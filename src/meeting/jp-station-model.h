/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* What a member station receives from the host (docs/protocol.md), as typed values: the
 * login, the state with its open rounds, a round with its candidates in the drawn order, an
 * anonymised dossier, the member's defence (rubric, own sheet, whether to step out) and a
 * refusal. The wire JSON is read here and only here; the station's widgets show these.
 *
 * Each _from_json reads one reply object strictly: a field the protocol always sends that
 * is missing, or a field of the wrong type, fails with JP_MEETING_ERROR_PROTOCOL and a
 * message naming the request and the field ("rounds[1].max_choices"), never a silent zero.
 * Fields the protocol marks optional or nullable are read as such. */

#include <json-glib/json-glib.h>

#include "core/jp-round.h"
#include "core/jp-settings.h"
#include "jp-meeting.h"

G_BEGIN_DECLS

typedef struct {
  char *code;
  int   position;                 /* 1-based place in the drawn order */
} JpRemoteCandidate;

/* A round as the host sends it: the summary (GET /state's rounds, round events) and, from
 * GET /rounds/{id}, the candidates and the member's conflicts. */
typedef struct {
  gint64             id;
  JpRoundKind        kind;         /* ballot unless the host says "kind":"defence" */
  char              *trade;        /* trade code, "XT" */
  char              *trade_name;
  int                number;       /* 1 for the first round of the trade */
  JpRoundState       state;
  int                seats;
  int                max_choices;
  gboolean           voted;        /* this member's ballot is stored */
  GPtrArray         *candidates;   /* JpRemoteCandidate*, drawn order; empty in summaries */
  GStrv              conflicted;   /* codes this member may not mark; empty in summaries */
} JpRemoteRound;

typedef enum {
  JP_REMOTE_STAGE_WAITING,
  JP_REMOTE_STAGE_VOTING,
  JP_REMOTE_STAGE_ENDED,
} JpRemoteStage;

/* GET /state */
typedef struct {
  JpRemoteStage  stage;
  GPtrArray     *rounds;           /* JpRemoteRound*: the open ballot rounds of the panel */
  char          *current_candidate;  /* NULL: none called */
  gboolean       step_out;
} JpRemoteState;

typedef struct {
  char *sha256;
  int   pages;
  int   criterion;                 /* 0: not tied to a criterion */
} JpRemoteEvidence;

/* GET /dossiers/{code}: the anonymised fields only. Texts the candidate left empty are
 * NULL. */
typedef struct {
  char      *code;
  char      *trade;
  char      *trade_name;
  char      *work_type;
  char      *skill_level;
  char      *education;
  char      *summary;
  char      *deeds;
  gint64     years_in_trade;
  GArray    *criteria;             /* int: the criterion numbers claimed */
  GPtrArray *evidence;             /* JpRemoteEvidence* */
} JpRemoteDossier;

typedef enum {
  JP_REMOTE_SHEET_NONE,
  JP_REMOTE_SHEET_DRAFT,
  JP_REMOTE_SHEET_SUBMITTED,
} JpRemoteSheetState;

/* GET /defence: the member's defence now. round_id 0: no session of the member's panel is
 * open (nothing else is set); candidate NULL: none called yet. A member who steps out has
 * has_sheet FALSE. */
typedef struct {
  gint64              round_id;
  char               *trade;
  char               *trade_name;
  int                 count;
  GPtrArray          *rubric;      /* JpRubricCriterion* (core), empty without a session */
  char               *candidate;
  int                 position;
  gboolean            step_out;
  gboolean            has_sheet;
  JpRemoteSheetState  sheet_state;
  GStrv               values;      /* one text per criterion ("" not filled in); empty
                                    * without a sheet */
} JpRemoteDefence;

/* POST /session */
typedef struct {
  char *token;
  char *member_code;
  char *member_name;
  char *member_role;
  char *election_title;
  int   election_year;
} JpRemoteLogin;

/* An error reply: {"status","reason","message"} and, for 429, "retry_after". */
typedef struct {
  guint  http_status;
  char  *reason;                   /* stable key ("already-voted"), NULL if none sent */
  char  *message;                  /* the host's words, shown as they are */
  int    retry_after;              /* seconds, 0 if none */
} JpRemoteRefusal;

JpRemoteRound   *jp_remote_round_from_json   (JsonObject  *object,
                                              GError     **error);
JpRemoteState   *jp_remote_state_from_json   (JsonObject  *object,
                                              GError     **error);
JpRemoteDossier *jp_remote_dossier_from_json (JsonObject  *object,
                                              GError     **error);
JpRemoteDefence *jp_remote_defence_from_json (JsonObject  *object,
                                              GError     **error);
JpRemoteLogin   *jp_remote_login_from_json   (JsonObject  *object,
                                              GError     **error);
/* Never fails: what an error reply lacks is left NULL / 0. */
JpRemoteRefusal *jp_remote_refusal_from_json (JsonObject  *object,
                                              guint        http_status);

/* The round id of a round_opened / round_closed event's data. */
gboolean         jp_remote_event_round_id    (JsonNode    *data,
                                              gint64      *round_id,
                                              GError     **error);

/* The request body of a defence sheet: PUT (draft, `idempotency_key` NULL) or POST
 * (submission) /rounds/{id}/scores. */
JsonNode        *jp_remote_sheet_body        (const char          *candidate,
                                              const char * const  *values,
                                              const char          *idempotency_key);

gboolean         jp_remote_round_is_open     (const JpRemoteRound *round);
/* The round of `id` in `rounds` (JpRemoteRound*), or NULL. */
JpRemoteRound   *jp_remote_rounds_find       (GPtrArray           *rounds,
                                              gint64               id);
/* Whether `code` is among the round's conflicted codes. */
gboolean         jp_remote_round_is_conflicted (const JpRemoteRound *round,
                                                const char          *code);

void jp_remote_round_free   (JpRemoteRound   *round);
void jp_remote_state_free   (JpRemoteState   *state);
void jp_remote_dossier_free (JpRemoteDossier *dossier);
void jp_remote_defence_free (JpRemoteDefence *defence);
void jp_remote_login_free   (JpRemoteLogin   *login);
void jp_remote_refusal_free (JpRemoteRefusal *refusal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRemoteRound, jp_remote_round_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRemoteState, jp_remote_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRemoteDossier, jp_remote_dossier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRemoteDefence, jp_remote_defence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRemoteLogin, jp_remote_login_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRemoteRefusal, jp_remote_refusal_free)

G_END_DECLS
