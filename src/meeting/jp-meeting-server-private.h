/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Internals shared by jp-meeting-server.c (routing requests, station events, the ballot group
 * commit) and jp-meeting-server-accept.c (accepting connections, per-peer bookkeeping,
 * listening). Only these two include it. */

#include <libsoup/soup.h>

#include "jp-meeting-server.h"

G_BEGIN_DECLS

/* Accepting after a failure (EMFILE, a broken listening socket) is retried after this many
 * milliseconds, doubling up to the maximum; it never stops. */
#define ACCEPT_RETRY_MIN_MS 20
#define ACCEPT_RETRY_MAX_MS 1000
/* Connections accepted per wake-up of the listener before the main loop runs other work. */
#define ACCEPT_BATCH 64

typedef struct _Conn Conn;

struct _JpMeetingServer {
  GObject           parent_instance;
  JpMeetingService *service;
  SoupServer       *server;
  GPtrArray        *stations;   /* Station*, owned */
  GPtrArray        *ballots;    /* QueuedBallot*: arrived, waiting for the group commit */
  guint             ballots_idle;
  char             *fingerprint;  /* of the TLS certificate, once set (jp-meeting-tls.h) */

  /* The host accepts connections itself and hands them to libsoup, so that a failing
   * accept (EMFILE) cannot end the listening as it does inside libsoup. */
  gboolean          listening;
  GInetAddress     *address;    /* where we listen */
  guint             port;       /* the port actually bound */
  GSocket          *listener;   /* NULL while it is being re-created */
  GSource          *accept_source;
  guint             accept_retry;
  guint             retry_ms;
  GSocket          *anchor;     /* see listen_anchor () */
  GHashTable       *peers;      /* char* address -> number of open connections */
  GHashTable       *conns;      /* char* "address:port" -> Conn*, owned */
  guint             max_per_peer;        /* 0: no limit */
  guint             request_timeout_ms;
};

/* An accepted connection, from its accept until its GSocketConnection is finalized. */
struct _Conn {
  JpMeetingServer *server;
  GObject         *stream;   /* the GSocketConnection, weak */
  GSocket         *socket;   /* owned by `stream` */
  char            *peer;
  char            *key;
  guint            timeout;
  /* Until its first bytes arrive the connection is only watched here: no TLS object, no
   * handshake waiting on a worker thread, so silent connections cost a descriptor and
   * nothing else until the request timeout closes them. */
  GSource          *first_bytes;
  GIOStream        *pending;   /* owned until handed to libsoup */
  GSocketAddress   *local;
  GSocketAddress   *remote;
};

/* jp-meeting-server-accept.c */

/* Frees an accepted connection's bookkeeping (the value of `conns`). */
void jp_meeting_server_conn_free           (Conn              *c);
/* Stops accepting and closes the listening sockets; the connections already served go on. */
void jp_meeting_server_stop_listening      (JpMeetingServer   *self);
/* SoupServer "request-started" / "request-finished": arms the request timeout. */
void jp_meeting_server_on_request_started  (SoupServer        *server,
                                            SoupServerMessage *msg,
                                            JpMeetingServer   *self);
/* SoupServer "request-read": the request is complete, its timeout disarmed. */
void jp_meeting_server_on_request_read     (SoupServer        *server,
                                            SoupServerMessage *msg,
                                            JpMeetingServer   *self);

G_END_DECLS
