/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-server-defence.h"
#include "jp-meeting-service-defence.h"

gboolean
jp_meeting_server_defence_is_sheet (const char *method,
                                    const char *sub)
{
  return (g_str_equal (method, "PUT") || g_str_equal (method, "POST")) &&
         g_str_has_prefix (sub, "/rounds/") && g_str_has_suffix (sub, "/scores");
}

JsonNode *
jp_meeting_server_defence_answer (JpMeetingService *service,
                                  const char       *method,
                                  const char       *sub,
                                  const char       *token,
                                  JsonNode         *request,
                                  guint            *status)
{
  g_auto(GStrv) parts = g_strsplit (sub + 1, "/", -1);
  const char *reason = NULL;
  const char *member = jp_meeting_service_authorize (service, token, &reason);
  JsonNode *reply = NULL;

  /* without a valid session: the service's own answer */
  if (member != NULL)
    reply = jp_meeting_service_defence_handle (service, method, (const char * const *) parts,
                                               member, request, status);
  if (reply == NULL)
    reply = jp_meeting_service_handle (service, method, *sub ? sub : "/", token, request,
                                       status);
  return reply;
}

/* The defence's requests (docs/protocol.md, "Defence"): GET /defence, PUT and POST
 * /rounds/{id}/scores. The JSON body is already parsed and the token not yet checked. */
gboolean
jp_meeting_server_defence_route (JpMeetingService  *service,
                                 SoupServerMessage *msg,
                                 const char        *method,
                                 const char        *sub,
                                 const char        *token,
                                 JsonNode          *request)
{
  g_autoptr(JsonNode) reply = NULL;
  char *text;
  gsize length;
  guint status = 500;

  if (!g_str_equal (sub, "/defence") &&
      !(g_str_has_prefix (sub, "/rounds/") && g_str_has_suffix (sub, "/scores")))
    return FALSE;
  reply = jp_meeting_server_defence_answer (service, method, sub, token, request, &status);
  text = json_to_string (reply, FALSE);
  length = strlen (text);
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text,
                                    length);
  return TRUE;
}
