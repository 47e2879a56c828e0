/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-meeting-service.h"

G_BEGIN_DECLS

#define JP_TYPE_MEETING_SERVER (jp_meeting_server_get_type ())
G_DECLARE_FINAL_TYPE (JpMeetingServer, jp_meeting_server, JP, MEETING_SERVER, GObject)

/* The HTTP/1.1 + WebSocket transport of the meeting protocol (docs/protocol.md) over
 * `service` (referenced): JSON requests under /api/v1, events on /api/v1/events. Bodies over
 * JP_MEETING_MAX_BODY are refused with 413 before they are read; every reply is JSON. */
JpMeetingServer  *jp_meeting_server_new         (JpMeetingService *service);

JpMeetingService *jp_meeting_server_get_service (JpMeetingServer *self);

/* Listens on every IPv4 address of the host on `port` (0: a free port chosen by the system,
 * for tests), HTTPS and WSS only, with the election's own certificate (made and kept in the
 * election the first time it is hosted, see jp-meeting-tls.h). Fails with G_IO_ERROR (e.g.
 * ADDRESS_IN_USE) and a message naming the port, or JP_MEETING_ERROR when there is no TLS
 * (glib-networking missing) or no certificate.
 * Raises the process's soft limit on open files to its hard limit. The server accepts the
 * connections itself: at most JP_MEETING_MAX_PER_PEER from one address, each closed when it
 * has not finished its TLS handshake and sent a complete request within
 * JP_MEETING_REQUEST_SECONDS; when accepting fails (out of descriptors, a broken socket) it
 * retries, re-creating the socket, and never stops. The environment variables
 * JP_MEETING_MAX_PER_PEER (0: no limit) and JP_MEETING_REQUEST_TIMEOUT_MS change both limits
 * (tests). */
gboolean          jp_meeting_server_listen      (JpMeetingServer  *self,
                                                 guint             port,
                                                 GError          **error);
/* Listens on 127.0.0.1 only (tests, the member window of the host). */
gboolean          jp_meeting_server_listen_local (JpMeetingServer  *self,
                                                  guint             port,
                                                  GError          **error);
/* The fingerprint of the host's certificate ("7F3A-XC2K-QW5M-RT6P", jp-meeting-tls.h) that
 * the chair shows beside the address, NULL before listening. Returns: (transfer none). */
const char       *jp_meeting_server_get_fingerprint (JpMeetingServer *self);
/* Changes the limits described at jp_meeting_server_listen (tests; 0: no limit per peer). */
void              jp_meeting_server_set_limits  (JpMeetingServer *self,
                                                 guint            max_per_peer,
                                                 guint            request_timeout_ms);
/* The port actually bound, 0 before listening. */
guint             jp_meeting_server_get_port    (JpMeetingServer *self);
/* Stops listening and closes every WebSocket. */
void              jp_meeting_server_disconnect  (JpMeetingServer *self);
/* Number of stations with an authenticated event connection. */
guint             jp_meeting_server_get_n_stations (JpMeetingServer *self);

/* The IPv4 addresses of this host's network interfaces to show the stations, loopback last.
 * Returns: (transfer full): GInetAddress*. */
GPtrArray        *jp_meeting_host_addresses     (void);

G_END_DECLS
