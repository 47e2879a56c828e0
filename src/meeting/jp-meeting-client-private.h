/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* What the files of JpMeetingClient share: jp-meeting-client.c (the object, TLS pinning,
 * requests, login), jp-meeting-client-queue.c (the offline ballot queue and ballots),
 * jp-meeting-client-events.c (the events WebSocket), jp-meeting-client-station.c (the typed
 * requests of a station). Not for use outside src/meeting. */

#include <libsoup/soup.h>

#include "jp-meeting-client.h"
#include "jp-station-model.h"

#define RECONNECT_FIRST_MS 500
#define RECONNECT_MAX_MS   10000

G_BEGIN_DECLS

typedef struct {
  gint64  round_id;
  GStrv   marks;
  char   *key;
} QueuedBallot;

struct _JpMeetingClient {
  GObject                  parent_instance;
  SoupSession             *session;
  char                    *base_uri;
  const char              *host_port;    /* in base_uri, after the scheme */
  char                    *pinned;       /* the fingerprint trusted for this host, or NULL */
  char                    *host_fingerprint;   /* what the host presented last, or NULL */
  gboolean                 ws_refused;   /* the events' TLS handshake met another certificate */
  char                    *queue_path;
  char                    *token;
  char                    *member_code;
  JpRemoteLogin           *login;        /* the last login's reply, NULL when logged out */
  GPtrArray               *queue;        /* QueuedBallot* */

  SoupWebsocketConnection *ws;
  GCancellable            *ws_cancel;
  gboolean                 ws_wanted;
  gboolean                 ws_connected;
  guint                    ws_retry_source;
  guint                    ws_delay_ms;
  gboolean                 flushing;
};


typedef struct {
  JpMeetingClient *client;   /* borrowed: the task holds it */
  SoupMessage *msg;
  char        *reason;
  gboolean     want_bytes;
  gboolean     refused;    /* the host's certificate was refused (not the pinned one) */
  QueuedBallot *ballot;    /* submit: the queued entry (borrowed from the queue) */
} Request;

void     jp_meeting_client_queued_ballot_free (QueuedBallot *q);
void     jp_meeting_client_queue_save         (JpMeetingClient *self);
void     jp_meeting_client_queue_load         (JpMeetingClient *self);

void     jp_meeting_client_request_free       (Request *r);
/* A task for `method` `path` (below /api/v1) with `body`, its Request as task data; NULL when
 * it cannot be sent (the callback is then already told why). */
GTask   *jp_meeting_client_request_start      (JpMeetingClient     *self,
                                               const char          *method,
                                               const char          *path,
                                               JsonNode            *body,
                                               gboolean             want_bytes,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data,
                                               gpointer             source_tag);
void     jp_meeting_client_request_send       (JpMeetingClient *self,
                                               GTask           *task);

/* The only gate of TLS (see jp-meeting-client.c). */
gboolean jp_meeting_client_accept_certificate (JpMeetingClient *self,
                                               GTlsCertificate *certificate);
void     jp_meeting_client_set_certificate_error (JpMeetingClient  *self,
                                                  GError          **error);

void     jp_meeting_client_emit_event         (JpMeetingClient *self,
                                               const char      *type,
                                               JsonNode        *data);
void     jp_meeting_client_emit_connected     (JpMeetingClient *self,
                                               gboolean         connected);
void     jp_meeting_client_emit_ballot_refused (JpMeetingClient *self,
                                                gint64           round_id,
                                                const char      *message);

G_END_DECLS
