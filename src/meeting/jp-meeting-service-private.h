/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

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

G_END_DECLS
