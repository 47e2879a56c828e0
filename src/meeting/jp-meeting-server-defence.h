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

G_END_DECLS
