/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-client-private.h"

/* ---- events ---- */

static void ws_connect (JpMeetingClient *self);

static gboolean
ws_retry (gpointer user_data)
{
  JpMeetingClient *self = user_data;

  self->ws_retry_source = 0;
  ws_connect (self);
  return G_SOURCE_REMOVE;
}

static void
ws_schedule_retry (JpMeetingClient *self)
{
  if (!self->ws_wanted || self->ws_retry_source != 0)
    return;
  self->ws_retry_source = g_timeout_add (self->ws_delay_ms, ws_retry, self);
  self->ws_delay_ms = MIN (self->ws_delay_ms * 2, RECONNECT_MAX_MS);
}

static void
ws_set_connected (JpMeetingClient *self,
                  gboolean         connected)
{
  if (self->ws_connected == connected)
    return;
  self->ws_connected = connected;
  jp_meeting_client_emit_connected (self, connected);
}

static void
flush_after_reconnect (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* a ballot refused for good is told by "ballot-refused"; what is left here is a flush
   * that could not run at all */
  jp_meeting_client_flush_queue_finish (JP_MEETING_CLIENT (source), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The ballots kept on this station could not be sent again: %s", error->message);
}

static void
on_ws_message (SoupWebsocketConnection *conn,
               int                      type,
               GBytes                  *message,
               JpMeetingClient         *self)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *o;
  const char *event;

  if (type != SOUP_WEBSOCKET_DATA_TEXT ||
      !json_parser_load_from_data (parser, g_bytes_get_data (message, NULL),
                                   g_bytes_get_size (message), NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  o = json_node_get_object (root);
  event = json_object_get_string_member_with_default (o, "type", NULL);
  if (event == NULL)
    return;
  if (g_str_equal (event, "hello"))
    {
      self->ws_delay_ms = RECONNECT_FIRST_MS;
      ws_set_connected (self, TRUE);
      if (self->queue->len > 0 && !self->flushing)
        jp_meeting_client_flush_queue_async (self, NULL, flush_after_reconnect, NULL);
      return;
    }
  if (g_str_equal (event, "meeting_ended"))
    self->ws_wanted = FALSE;
  jp_meeting_client_emit_event (self, event, json_object_get_member (o, "data"));
}

static void
on_ws_closed (SoupWebsocketConnection *conn,
              JpMeetingClient         *self)
{
  gushort code = soup_websocket_connection_get_close_code (conn);

  g_signal_handlers_disconnect_by_data (conn, self);
  g_clear_object (&self->ws);
  ws_set_connected (self, FALSE);
  if (code == 4401)
    self->ws_wanted = FALSE;
  ws_schedule_retry (self);
}

static void
ws_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JpMeetingClient) self = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn = soup_session_websocket_connect_finish (SOUP_SESSION (source),
                                                                          result, &error);

  if (conn == NULL)
    {
      if (self->ws_refused)
        {
          g_autoptr(GError) refusal = NULL;

          /* another certificate: retrying would not change it; the requests say why */
          jp_meeting_client_set_certificate_error (self, &refusal);
          g_warning ("%s", refusal->message);
          self->ws_wanted = FALSE;
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ws_schedule_retry (self);
      return;
    }
  self->ws = conn;
  soup_websocket_connection_set_keepalive_interval (conn, 15);
  g_signal_connect (conn, "message", G_CALLBACK (on_ws_message), self);
  g_signal_connect (conn, "closed", G_CALLBACK (on_ws_closed), self);
}

static gboolean
on_ws_accept_certificate (SoupMessage          *msg,
                          GTlsCertificate      *certificate,
                          GTlsCertificateFlags  errors,
                          JpMeetingClient      *self)
{
  gboolean accepted = jp_meeting_client_accept_certificate (self, certificate);

  self->ws_refused = !accepted;
  return accepted;
}

static void
ws_connect (JpMeetingClient *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  if (!self->ws_wanted || self->ws != NULL || self->token == NULL)
    return;
  escaped = g_uri_escape_string (self->token, NULL, FALSE);
  uri = g_strconcat (self->base_uri, "/api/v1/events?token=", escaped, NULL);
  msg = soup_message_new ("GET", uri);
  if (msg == NULL || g_ascii_strncasecmp (uri, "https://", 8) != 0)
    return;
  self->ws_refused = FALSE;
  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (on_ws_accept_certificate),
                           self, 0);
  g_clear_object (&self->ws_cancel);
  self->ws_cancel = g_cancellable_new ();
  soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->ws_cancel, ws_connected, g_object_ref (self));
}

void
jp_meeting_client_connect_events (JpMeetingClient *self)
{
  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  self->ws_wanted = TRUE;
  self->ws_delay_ms = RECONNECT_FIRST_MS;
  ws_connect (self);
}

void
jp_meeting_client_disconnect_events (JpMeetingClient *self)
{
  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  self->ws_wanted = FALSE;
  g_clear_handle_id (&self->ws_retry_source, g_source_remove);
  if (self->ws_cancel != NULL)
    g_cancellable_cancel (self->ws_cancel);
  g_clear_object (&self->ws_cancel);
  if (self->ws != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ws, self);
      if (soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      g_clear_object (&self->ws);
    }
  ws_set_connected (self, FALSE);
}

gboolean
jp_meeting_client_is_events_connected (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), FALSE);
  return self->ws_connected;
}
