/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "store/jp-store-defence.h"
#include "jp-meeting-service.h"

G_BEGIN_DECLS

/* The defence (现场答辩) in the meeting service (docs/protocol.md, "Defence"): the stations'
 * requests and the chair's direct calls. The rules are core's and the store's; the host
 * checks every one of them before a sheet is stored, whatever the station's UI did.
 * Events sent to the stations ("event" signal of the service): "current_candidate"
 * {code, step_out, round, position, count} when the chair moves the defence's current
 * candidate; "defence_progress" {round, candidate, submitted, expected} when a sheet is
 * submitted (counts only); "defence_sheet" {round, member, candidate} when the chair
 * reopens a member's sheet; "round_opened" / "round_closed" {id, kind: "defence", trade}. */

/* Handles a station's defence request when `parts` (the path below /api/v1 split at "/")
 * is one: GET /defence; PUT or POST /rounds/{id}/scores. Returns: (transfer full) the reply
 * with `*status`, or NULL when the path is not a defence request (the caller goes on).
 * `member_code` is the authorized member. */
JsonNode *jp_meeting_service_defence_handle (JpMeetingService  *self,
                                             const char        *method,
                                             const char *const *parts,
                                             const char        *member_code,
                                             JsonNode          *body,
                                             guint             *status);

/* Ends a group of requests (right after jp_meeting_service_batch_end, or when no batch could
 * be started; every group must end with it): the N of M of the group's submitted sheets go
 * out when `committed`, and are dropped when the group's commit failed (nothing of it was
 * written); the defence session loaded for the group's sheets is let go. */
void      jp_meeting_service_defence_group_end   (JpMeetingService  *self,
                                                  gboolean           committed);

/* ---- the chair's console ---- */

/* Opens the defence session of `trade` (jp_store_open_defence_session) and tells the
 * stations. Returns the round id, 0 on error. */
gint64    jp_meeting_service_defence_open        (JpMeetingService  *self,
                                                  const char        *trade,
                                                  GError           **error);
/* Makes `code` (NULL: none) the session's current candidate and tells the stations (the
 * conflicted ones step out). */
gboolean  jp_meeting_service_defence_set_current (JpMeetingService  *self,
                                                  gint64             round_id,
                                                  const char        *code,
                                                  GError           **error);
/* Reopens a submitted sheet with the chair's written reason; the member's station
 * reloads it. */
gboolean  jp_meeting_service_defence_unlock      (JpMeetingService  *self,
                                                  gint64             round_id,
                                                  const char        *member,
                                                  const char        *candidate,
                                                  const char        *reason,
                                                  GError           **error);
/* Asks a member to revise a sheet that raised a deviation alert (once). */
gboolean  jp_meeting_service_defence_request_revision (JpMeetingService  *self,
                                                       gint64             round_id,
                                                       const char        *member,
                                                       const char        *candidate,
                                                       const char        *reason,
                                                       GError           **error);
/* Records that a member left, with a written reason. */
gboolean  jp_meeting_service_defence_record_absence (JpMeetingService  *self,
                                                     gint64             round_id,
                                                     const char        *member,
                                                     const char        *reason,
                                                     GError           **error);
/* Closes (every sheet in, digest computed) and tells the stations. */
gboolean  jp_meeting_service_defence_close       (JpMeetingService  *self,
                                                  gint64             round_id,
                                                  GError           **error);
gboolean  jp_meeting_service_defence_seal        (JpMeetingService  *self,
                                                  gint64             round_id,
                                                  GError           **error);

/* Who the audit log names for the chair's actions (jp_meeting_service_set_actor). */
const char *jp_meeting_service_get_actor          (JpMeetingService  *self);

G_END_DECLS
