/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <json-glib/json-glib.h>
#include "jp-meeting.h"
#include "jp-station-model.h"

G_BEGIN_DECLS

#define JP_TYPE_MEETING_CLIENT (jp_meeting_client_get_type ())
G_DECLARE_FINAL_TYPE (JpMeetingClient, jp_meeting_client, JP, MEETING_CLIENT, GObject)

/* The protocol client of a member station (docs/protocol.md), on its own SoupSession, used
 * from the main context. `base_uri` is "https://HOST:PORT" (TLS only: requests to any other
 * scheme fail). `queue_path` is the file of the
 * offline ballot queue (NULL: "jiangping/ballot-queue.json" in the user's data dir); queued
 * ballots found there are resent by jp_meeting_client_flush_queue_async and after each
 * reconnect of the events.
 *
 * Signals: "event" (const char *type, JsonNode *data): an event from the host
 * (round_opened, round_closed, current_candidate, timer, progress, results_published,
 * meeting_ended); "events-connected" (gboolean connected); "ballot-refused" (gint64 round,
 * const char *message): a kept (queued) ballot resent by a flush was refused for good by the
 * host (the round closed meanwhile, ...) and has left the queue; `message` is the host's
 * reason, for the member. */
JpMeetingClient *jp_meeting_client_new (const char *base_uri,
                                        const char *queue_path);

/* TLS pinning (docs/protocol.md, "Transport"): the client trusts the host's certificate only
 * when its fingerprint (jp_meeting_tls_fingerprint) is `fingerprint`; with none pinned it
 * trusts no certificate. A refused certificate ends the TLS handshake before anything is
 * sent, and the request fails with JP_MEETING_ERROR_CERTIFICATE, whose message names the
 * fingerprint seen (and the pinned one). */
void        jp_meeting_client_set_pinned_fingerprint (JpMeetingClient *self,
                                                      const char      *fingerprint);
const char *jp_meeting_client_get_pinned_fingerprint (JpMeetingClient *self);
/* The fingerprint of the certificate the host presented in the last TLS handshake, or NULL
 * before any: what "Join a meeting" asks the member to compare with the chair's screen. */
const char *jp_meeting_client_get_host_fingerprint   (JpMeetingClient *self);
/* "HOST:PORT" of base_uri: the key of the station's pin. Returns: (transfer none). */
const char *jp_meeting_client_get_host_port          (JpMeetingClient *self);

const char *jp_meeting_client_get_token       (JpMeetingClient *self);
/* The last login's reply (member, election), NULL when not logged in. (transfer none) */
const JpRemoteLogin *jp_meeting_client_get_login (JpMeetingClient *self);
const char *jp_meeting_client_get_member_code (JpMeetingClient *self);

/* Every async request fails with JP_MEETING_ERROR: NETWORK (host unreachable),
 * UNAUTHORIZED (401: wrong PIN, not logged in, session ended), REFUSED (403, 409, 429),
 * NOT_FOUND (404), BAD_REQUEST (400, 411, 413), CERTIFICATE (not the pinned host) or FAILED,
 * PROTOCOL (a reply the station cannot read), the message being the host's plain words. The
 * host's reason key is given by jp_meeting_client_request_reason(). */

/* POST /session. On success the token and the login (jp_meeting_client_get_login) are kept
 * for the other requests; a reply without them fails with JP_MEETING_ERROR_PROTOCOL.
 * finish returns (transfer full) the reply object {token, member, election}. */
void        jp_meeting_client_login_async   (JpMeetingClient     *self,
                                             const char          *member_code,
                                             const char          *pin,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonObject *jp_meeting_client_login_finish  (JpMeetingClient  *self,
                                             GAsyncResult     *result,
                                             GError          **error);

/* DELETE /session: ends this station's session on the host (its token is refused from then
 * on and its event socket closes); the client forgets its token and member code. */
void        jp_meeting_client_logout_async  (JpMeetingClient     *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    jp_meeting_client_logout_finish (JpMeetingClient  *self,
                                             GAsyncResult     *result,
                                             GError          **error);

/* GET `path` below /api/v1 ("/state", "/rounds/3", "/dossiers/XT-01").
 * finish returns (transfer full) the reply object. */
void        jp_meeting_client_get_async     (JpMeetingClient     *self,
                                             const char          *path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonObject *jp_meeting_client_get_finish    (JpMeetingClient  *self,
                                             GAsyncResult     *result,
                                             GError          **error);

/* `method` ("PUT", "POST") `path` below /api/v1 with the JSON `body` (may be NULL): the
 * defence's drafts and sheets. finish with jp_meeting_client_get_finish (the reply object). */
void        jp_meeting_client_send_async    (JpMeetingClient     *self,
                                             const char          *method,
                                             const char          *path,
                                             JsonNode            *body,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);

/* GET /evidence/{sha256}: the anonymised PDF. finish returns (transfer full) its bytes. */
void        jp_meeting_client_get_evidence_async  (JpMeetingClient     *self,
                                                   const char          *sha256,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GBytes     *jp_meeting_client_get_evidence_finish (JpMeetingClient  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);

/* POST /rounds/{id}/ballot. The ballot goes into the offline queue (file written atomically)
 * before it is sent, with `idempotency_key` (NULL: a new random one); it leaves the queue
 * when the host accepts or refuses it. A network failure leaves it queued (error NETWORK:
 * it will be sent again, the host stores it once). finish: TRUE when accepted. */
void        jp_meeting_client_submit_ballot_async  (JpMeetingClient     *self,
                                                    gint64               round_id,
                                                    const char *const   *marks,
                                                    const char          *idempotency_key,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean    jp_meeting_client_submit_ballot_finish (JpMeetingClient  *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

/* ---- the typed requests of a station (jp-meeting-client-station.c) ----
 * Each reads its reply into the model of jp-station-model.h; a reply the station cannot read
 * fails with JP_MEETING_ERROR_PROTOCOL naming the field. finish returns (transfer full). */

/* GET /state */
void           jp_meeting_client_get_state_async    (JpMeetingClient     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
JpRemoteState *jp_meeting_client_get_state_finish   (JpMeetingClient  *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
/* GET /rounds/{id} */
void           jp_meeting_client_get_round_async    (JpMeetingClient     *self,
                                                     gint64               round_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
JpRemoteRound *jp_meeting_client_get_round_finish   (JpMeetingClient  *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
/* GET /dossiers/{code} */
void             jp_meeting_client_get_dossier_async  (JpMeetingClient     *self,
                                                       const char          *code,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
JpRemoteDossier *jp_meeting_client_get_dossier_finish (JpMeetingClient  *self,
                                                       GAsyncResult     *result,
                                                       GError          **error);
/* GET /defence */
void             jp_meeting_client_get_defence_async  (JpMeetingClient     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
JpRemoteDefence *jp_meeting_client_get_defence_finish (JpMeetingClient  *self,
                                                       GAsyncResult     *result,
                                                       GError          **error);
/* A defence sheet for `candidate` in session `round_id`, one text per criterion: the draft
 * (PUT /rounds/{id}/scores) when `idempotency_key` is NULL, otherwise the submission (POST,
 * the same key for every attempt). finish: TRUE when the host kept it. */
void     jp_meeting_client_save_sheet_async  (JpMeetingClient     *self,
                                              gint64               round_id,
                                              const char          *candidate,
                                              const char * const  *values,
                                              const char          *idempotency_key,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean jp_meeting_client_save_sheet_finish (JpMeetingClient  *self,
                                              GAsyncResult     *result,
                                              GError          **error);

/* The host's reason key of a failed request ("wrong-pin", "already-voted", ...), or NULL.
 * Valid for a result whose finish has been called. Returns: (transfer none). */
const char *jp_meeting_client_request_reason (GAsyncResult *result);

/* Resends the queued ballots in order; stops at the first network failure.
 * finish returns the number still queued. */
void        jp_meeting_client_flush_queue_async  (JpMeetingClient     *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
guint       jp_meeting_client_flush_queue_finish (JpMeetingClient  *self,
                                                  GAsyncResult     *result,
                                                  GError          **error);
guint       jp_meeting_client_get_n_queued       (JpMeetingClient *self);

/* Opens the events WebSocket with the token and keeps it open: after a drop it reconnects
 * with a growing delay (0.5 s doubling up to 10 s), and after each reconnect flushes the
 * queue. Stops for good when the host ends the meeting or refuses the token. */
void        jp_meeting_client_connect_events    (JpMeetingClient *self);
void        jp_meeting_client_disconnect_events (JpMeetingClient *self);
gboolean    jp_meeting_client_is_events_connected (JpMeetingClient *self);

G_END_DECLS
