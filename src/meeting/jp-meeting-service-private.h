/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "store/jp-store-defence.h"
#include "jp-meeting-service.h"

G_BEGIN_DECLS

/* Shared between the parts of JpMeetingService (jp-meeting-service.c, jp-meeting-login.c). */

typedef struct _JpMeetingLogins JpMeetingLogins;

/* The wrong-PIN lock-outs and the logins waiting for their turn (jp-meeting-login.c). */
JpMeetingLogins *jp_meeting_logins_new  (void);
void             jp_meeting_logins_free (JpMeetingLogins *logins);

JpMeetingLogins *jp_meeting_service_get_logins  (JpMeetingService *self);
/* An error reply {"status":kind,"reason":reason,"message":message}; sets `*status`. */
JsonNode        *jp_meeting_service_reply_error (guint      *status,
                                                 guint       http_status,
                                                 const char *kind,
                                                 const char *reason,
                                                 const char *message);
/* The member with exactly this code in `*member` (transfer full), NULL when there is none;
 * FALSE with `error` set when the members cannot be read. */
gboolean         jp_meeting_service_find_member (JpMeetingService  *self,
                                                 const char        *code,
                                                 JpMember         **member,
                                                 GError           **error);
/* Opens a session for `member` (a new token) and returns the reply of POST /session:
 * {token, member, election}, or NULL with `error` set when no token could be drawn.
 * Returns: (transfer full). */
JsonNode        *jp_meeting_service_open_session (JpMeetingService  *self,
                                                  const JpMember    *member,
                                                  GError           **error);

/* The service's state, shared by its parts: jp-meeting-service.c (the object, sessions),
 * jp-meeting-service-access.c (access rules), jp-meeting-service-api.c (the dispatcher and
 * the endpoints' encoders), jp-meeting-service-evidence.c (evidence copies),
 * jp-meeting-service-chair.c (the chair's commands, the timer). */
struct _JpMeetingService {
  GObject             parent_instance;

  JpStore            *store;
  GHashTable         *sessions;       /* token -> member code */
  GHashTable         *revoked;        /* token -> NULL: tokens of an ended meeting */
  JpMeetingLogins    *logins;         /* wrong-PIN lock-outs (jp-meeting-login.c) */
  gboolean            ended;

  GHashTable         *code_to_id;     /* anonymous code -> candidate id (gint64*) */
  GHashTable         *sha_owner;      /* evidence sha256 -> candidate id (gint64*) */
  JpMeetingAnonCache *anon;

  char               *current_code;
  char               *actor;          /* who the audit log names for the host's actions */
  GArray             *batch_rounds;   /* gint64: progress owed after the batch commits, or
                                       * NULL outside a batch */
  JpDefenceSheetWrite *defence_write; /* the defence session loaded for the batch's sheets
                                       * (jp-meeting-service-defence.c), or NULL */
  GPtrArray          *defence_held;   /* defence progress owed after the batch commits
                                       * (jp-meeting-service-defence.c), or NULL */
  guint               timer_source;
  guint               timer_total;
  gint64              timer_ends_at;  /* real time, microseconds */
};

enum {
  SIGNAL_PROGRESS,
  SIGNAL_ROUND_CHANGED,
  SIGNAL_CURRENT_CANDIDATE_CHANGED,
  SIGNAL_RESULTS_PUBLISHED,
  SIGNAL_MEETING_ENDED,
  SIGNAL_EVENT,
  SIGNAL_LOGGED_OUT,
  N_SIGNALS
};
extern guint jp_meeting_service_signals[N_SIGNALS];

/* jp-meeting-service.c */

/* Emits the "event" signal: `type` with the object built in `data`. */
void      jp_meeting_service_emit_event      (JpMeetingService  *self,
                                              const char        *type,
                                              JsonBuilder       *data);
/* The id of the candidate with this code in `*out` (0 when there is none); FALSE with
 * `error` set when the candidates cannot be read. */
gboolean  jp_meeting_service_candidate_id    (JpMeetingService  *self,
                                              const char        *code,
                                              gint64            *out,
                                              GError           **error);

/* jp-meeting-service-access.c */

/* The rounds (not drafts) whose panel has the member, or NULL with `error` set.
 * Returns: (transfer full): JpRound*. */
GPtrArray *jp_meeting_service_member_rounds  (JpMeetingService  *self,
                                              const char        *member_code,
                                              gboolean           open_only,
                                              GError           **error);
/* Whether the member may see the candidate's dossier (sits on a round that has it, and is
 * not conflicted: `*conflicted` says so). FALSE with `error` set when it cannot be read. */
gboolean  jp_meeting_service_member_may_see  (JpMeetingService  *self,
                                              const char        *member_code,
                                              gint64             candidate_id,
                                              gboolean          *conflicted,
                                              GError           **error);
/* Whether the member has cast a ballot in the round, in `*voted`. */
gboolean  jp_meeting_service_member_voted    (JpMeetingService  *self,
                                              gint64             round_id,
                                              const char        *member_code,
                                              gboolean          *voted,
                                              GError           **error);

/* jp-meeting-service-api.c */

/* Adds a round's summary members (id, trade, state, seats, ...) to the open object `b`. */
void      jp_meeting_service_add_round_summary (JsonBuilder     *b,
                                                JpRound         *r);
/* Adds the speaking timer's members to the open object `b`. */
void      jp_meeting_service_add_timer         (JpMeetingService *self,
                                                JsonBuilder      *b);
/* Records which candidate each of `c`'s evidence files belongs to, so a station may fetch
 * only what it may see. */
void      jp_meeting_service_remember_evidence (JpMeetingService *self,
                                                JpCandidate      *c);

G_END_DECLS
