/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <json-glib/json-glib.h>
#include "store/jp-store-rounds.h"
#include "jp-meeting.h"
#include "jp-meeting-anon.h"

G_BEGIN_DECLS

/* The wrong-PIN lock-outs (the rule is jp-lockout in core). Wrong PINs allowed within the
 * window for one member code, for one peer address (any codes, made-up ones included) and
 * for all logins together, before logins are refused for a while: 30 s first, twice as long
 * each time after, up to the cap; a member's right PIN clears that member's count. After an
 * hour without a wrong PIN a subject starts over. */
#define JP_MEETING_MAX_WRONG_PINS 5
#define JP_MEETING_MAX_WRONG_PINS_PER_PEER 10
#define JP_MEETING_MAX_WRONG_PINS_ALL 200
#define JP_MEETING_WRONG_PIN_WINDOW_SECONDS 900
#define JP_MEETING_LOCKOUT_SECONDS 30
#define JP_MEETING_MAX_LOCKOUT_SECONDS 1800
#define JP_MEETING_WRONG_PIN_FORGIVE_SECONDS 3600

/* The clock of the lock-outs: monotonic microseconds. */
typedef gint64 (*JpMeetingClock) (gpointer user_data);
/* Called on the worker thread before each PIN check (tests hold a check with it). */
typedef void (*JpMeetingVerifyHook) (gpointer user_data);

#define JP_TYPE_MEETING_SERVICE (jp_meeting_service_get_type ())
G_DECLARE_FINAL_TYPE (JpMeetingService, jp_meeting_service, JP, MEETING_SERVICE, GObject)

/* The host side of a meeting, independent of the transport: it owns the store (used from the
 * main context only), the sessions (token -> member code, in memory), the wrong-PIN counters
 * and the meeting state (current candidate, timer, ended). Every rule is checked here with
 * the store and the core.
 *
 * Signals (emitted on the main context):
 *   "progress" (gint64 round_id, int n_cast, int n_panel): a ballot was stored;
 *   "round-changed" (gint64 round_id): a round was opened, closed or sealed;
 *   "current-candidate-changed" (): see jp_meeting_service_get_current_candidate;
 *   "results-published" (gint64 round_id);
 *   "meeting-ended" ();
 *   "logged-out" (const char *token): a station logged out (DELETE /session); the server
 *     closes that token's event socket;
 *   "event" (const char *type, JsonNode *data): every event the stations receive, with its
 *     JSON object (round_opened, round_closed, current_candidate, timer, progress,
 *     results_published, meeting_ended); the server forwards them to the WebSockets. */
JpMeetingService *jp_meeting_service_new (JpStore *store);

JpStore    *jp_meeting_service_get_store (JpMeetingService *self);

/* Who the audit log names for the host's own actions (rounds, redactions, PINs): the
 * console's operator; "chair" until set. `actor` is copied. */
void        jp_meeting_service_set_actor (JpMeetingService *self,
                                          const char       *actor);

/* Sets the first lock-out (JP_MEETING_LOCKOUT_SECONDS; tests use a short one). */
void        jp_meeting_service_set_lockout (JpMeetingService *self,
                                            guint             seconds);
/* Replaces the lock-outs' clock (NULL: g_get_monotonic_time): tests move time themselves. */
void        jp_meeting_service_set_clock   (JpMeetingService *self,
                                            JpMeetingClock    clock,
                                            gpointer          user_data);
/* For tests: `hook` runs on the worker thread before each PIN check (NULL: none). */
void        jp_meeting_service_set_verify_hook (JpMeetingService    *self,
                                                JpMeetingVerifyHook  hook,
                                                gpointer             user_data);

/* POST /session {member_code, pin} from `peer` (the client's address). The lock-outs of the
 * member code, the peer and all logins are checked on the calling (main) context; the PIN
 * is verified on a worker thread, so the main loop keeps serving. The reply is the one the
 * protocol sends: {token, member, election} with status 200, or an error reply (401
 * "wrong-pin", 403 "meeting-ended", 429 "too-many-attempts" with "retry_after" seconds).
 * Finish: (transfer full): the reply with `*status`; NULL with `error` only when cancelled. */
void        jp_meeting_service_login_async  (JpMeetingService    *self,
                                             const char          *peer,
                                             JsonNode            *body,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonNode   *jp_meeting_service_login_finish (JpMeetingService  *self,
                                             GAsyncResult      *result,
                                             guint             *status,
                                             GError           **error);

/* Handles one API request of the protocol (docs/protocol.md) except GET /evidence and
 * POST /session (jp_meeting_service_login_async):
 * `method` "GET"/"POST", `path` below /api/v1 (e.g. "/rounds/3"), `token` the bearer token
 * or NULL, `body` the parsed JSON body or NULL. Sets `*status` to the HTTP status.
 * Returns: (transfer full): the JSON reply (an error reply is {"status":"refused"|"error",
 * "reason":KEY,"message":TEXT}). */
JsonNode   *jp_meeting_service_handle (JpMeetingService *self,
                                       const char       *method,
                                       const char       *path,
                                       const char       *token,
                                       JsonNode         *body,
                                       guint            *status);

/* The member code of a valid session, or NULL with `*reason` set to "not-logged-in" or
 * "session-ended" (static strings). Returns: (transfer none). */
const char *jp_meeting_service_authorize (JpMeetingService  *self,
                                          const char        *token,
                                          const char       **reason);

/* The anonymised copy of evidence `sha256` for the member, from the cache or built on a
 * worker thread. Errors: NOT_FOUND (unknown, or not evidence of a candidate of a round the
 * member takes part in), UNAUTHORIZED (conflicted with the candidate). */
void        jp_meeting_service_evidence_async  (JpMeetingService    *self,
                                                const char          *member_code,
                                                const char          *sha256,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GBytes     *jp_meeting_service_evidence_finish (JpMeetingService  *self,
                                                GAsyncResult      *result,
                                                GError           **error);

/* Same, without a member check: the chair's preview of what the stations receive. */
void        jp_meeting_service_preview_async   (JpMeetingService    *self,
                                                const char          *sha256,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);

/* The words blacked out in a candidate's evidence and dossier text: name, ID number, phone,
 * nominating unit and employer with their usual short forms (jp_anon_terms: given name,
 * 张师傅/张工/张同志, the unit without place and company suffix). Returns: (transfer full). */
GStrv       jp_meeting_service_redaction_terms (JpCandidate *candidate);

/* Manual boxes of the chair for one evidence file (scans without text), kept in the store
 * (jp_store_add_redaction_box, audited as the chair): adds a box on a 0-based page in
 * unrotated page points and returns its id (0 with `error` set); lists them (JpEvidenceHit,
 * transfer full, empty on a database failure); removes all of them. The next copy of the
 * file is made anew: the copy cache is keyed by the boxes too. */
gint64      jp_meeting_service_add_redaction_box    (JpMeetingService     *self,
                                                     const char           *sha256,
                                                     int                   page,
                                                     const JpEvidenceRect *rect,
                                                     GError              **error);
GArray     *jp_meeting_service_get_redaction_boxes  (JpMeetingService *self,
                                                     const char       *sha256);
gboolean    jp_meeting_service_clear_redaction_boxes (JpMeetingService  *self,
                                                      const char        *sha256,
                                                      GError           **error);

/* ---- without a meeting (jp-meeting-preview.c) ---- */

/* The chair's boxes of `sha256` in the store as JpEvidenceHit. Returns: (transfer full), or
 * NULL with `error` on a database failure. */
GArray     *jp_meeting_redaction_boxes (JpStore     *store,
                                        const char  *sha256,
                                        GError     **error);

/* The anonymised copy of evidence `sha256` exactly as the stations would get it (the owning
 * candidate's terms and the stored boxes), through `cache`, with no meeting running.
 * Errors: NOT_FOUND (no candidate has the file), the store's and the anonymiser's. */
void        jp_meeting_preview_async   (JpStore             *store,
                                        JpMeetingAnonCache  *cache,
                                        const char          *sha256,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Returns: (transfer full): the PDF bytes, or NULL with `error` set. */
GBytes     *jp_meeting_preview_finish  (GAsyncResult        *result,
                                        GError             **error);

/* Group commit of requests that arrived together: their writes share one sync, and
 * progress events wait for the commit. On a failed end, answer every request of the group
 * with an error: none of them was stored. */
gboolean    jp_meeting_service_batch_begin (JpMeetingService  *self,
                                            GError           **error);
gboolean    jp_meeting_service_batch_end   (JpMeetingService  *self,
                                            GError           **error);

/* ---- the chair's console (direct calls, no HTTP) ---- */

/* Creates and opens a ballot round (jp_store_open_ballot_round) and tells the stations.
 * Returns the round id, 0 on error. */
gint64      jp_meeting_service_open_round  (JpMeetingService  *self,
                                            const char        *trade,
                                            int                seats,
                                            int                max_choices,
                                            int                present,
                                            GError           **error);
/* The same for a round the rules do not call for: `reason` is the chair's written reason
 * (jp_store_open_ballot_round_with_reason). Returns the round id, 0 on error. */
gint64      jp_meeting_service_open_round_with_reason (JpMeetingService  *self,
                                                       const char        *trade,
                                                       int                seats,
                                                       int                max_choices,
                                                       int                present,
                                                       const char        *reason,
                                                       GError           **error);
/* Creates the run-off of a closed round (jp_store_create_runoff), opened among the tied
 * candidates, and tells the stations (round_opened) like any other round. Returns the new
 * round id, 0 on error. */
gint64      jp_meeting_service_create_runoff (JpMeetingService *self,
                                              gint64            round_id,
                                              GError          **error);
/* Closes an open round (jp_store_close_round) and tells the stations (round_closed). */
gboolean    jp_meeting_service_close_round (JpMeetingService  *self,
                                            gint64             round_id,
                                            GError           **error);
/* Seals a closed round. */
gboolean    jp_meeting_service_seal_round  (JpMeetingService  *self,
                                            gint64             round_id,
                                            GError           **error);
/* Sends the stored result of a closed round to the stations (results_published), after
 * checking it against its digest (jp_store_get_round_result_json): an altered file sends
 * nothing and fails with the store's FAILED error naming the round. LOCKED before. */
gboolean    jp_meeting_service_publish_results (JpMeetingService  *self,
                                                gint64             round_id,
                                                GError           **error);

/* The candidate under discussion ("current candidate" mode), by anonymous code; NULL ends
 * the mode. Stations conflicted with the candidate are told to step out (回避). */
gboolean    jp_meeting_service_set_current_candidate (JpMeetingService  *self,
                                                      const char        *code,
                                                      GError           **error);
const char *jp_meeting_service_get_current_candidate (JpMeetingService *self);
/* Member codes of the current candidate's trade panel conflicted with the candidate (must
 * step out); members of other trades are not in the room for it. Returns: (transfer
 * full): NULL-terminated, empty without a current candidate (and after the meeting ends). */
GStrv       jp_meeting_service_get_stepping_out      (JpMeetingService *self);

/* Starts a countdown of `seconds` shown on the projector and the stations (0 stops it). */
void        jp_meeting_service_set_timer (JpMeetingService *self,
                                          guint             seconds);

/* Ends the meeting: revokes every token (their requests then get 401 "session-ended"),
 * refuses new logins and sends meeting_ended. */
void        jp_meeting_service_end_meeting (JpMeetingService *self);
/* Revokes every member's PIN (jp_store_revoke_pins, audited as the chair): nobody can log in
 * until new PINs are issued; a login being checked meanwhile is refused. Sessions already
 * open are not touched (jp_meeting_service_end_meeting() ends them). `n_revoked` may be
 * NULL. */
gboolean    jp_meeting_service_revoke_pins (JpMeetingService  *self,
                                            guint             *n_revoked,
                                            GError           **error);
gboolean    jp_meeting_service_is_ended    (JpMeetingService *self);
guint       jp_meeting_service_get_n_sessions (JpMeetingService *self);

G_END_DECLS
