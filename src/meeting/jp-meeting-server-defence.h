/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "jp-meeting-service.h"

G_BEGIN_DECLS

/* Answers `msg` when it is a defence request of the protocol (GET /defence, PUT or POST
 * /rounds/{id}/scores; `sub` is the path below /api/v1, `request` the parsed body or NULL)
 * and returns TRUE; FALSE leaves it to the other handlers. */
gboolean jp_meeting_server_defence_route (JpMeetingService  *service,
                                          SoupServerMessage *msg,
                                          const char        *method,
                                          const char        *sub,
                                          const char        *token,
                                          JsonNode          *request);

/* Whether the request is a defence sheet (PUT or POST /rounds/{id}/scores): the server
 * stores those in its group commit, with the ballots. */
gboolean  jp_meeting_server_defence_is_sheet (const char       *method,
                                              const char       *sub);

/* The reply to a defence request (or, when it is not one or has no valid session, the
 * service's own reply) with `*status`. Returns: (transfer full). */
JsonNode *jp_meeting_server_defence_answer   (JpMeetingService *service,
                                              const char       *method,
                                              const char       *sub,
                                              const char       *token,
                                              JsonNode         *request,
                                              guint            *status);

G_END_DECLS
