/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "jp-meeting-server.h"
#include "jp-meeting-server-defence.h"
#include "jp-meeting-service-defence.h"
#include "jp-meeting-tls.h"
#include "jp-meeting-server-private.h"

#define API_PREFIX "/api/v1"
#define EVENTS_PATH API_PREFIX "/events"
/* A station must authenticate its event connection within this time. */
#define WS_AUTH_SECONDS 10
/* WebSocket close code for a refused token (private range 4000-4999). */
#define WS_CLOSE_UNAUTHORIZED 4401

typedef struct _Station Station;

struct _Station {
  JpMeetingServer         *server;   /* not owned: the server owns the station */
  SoupWebsocketConnection *conn;
  char                    *member_code;   /* NULL until authenticated */
  char                    *token;         /* the session it authenticated with */
  guint                    auth_timeout;
};

G_DEFINE_FINAL_TYPE (JpMeetingServer, jp_meeting_server, G_TYPE_OBJECT)

static void
station_free (Station *st)
{
  g_clear_handle_id (&st->auth_timeout, g_source_remove);
  g_signal_handlers_disconnect_by_data (st->conn, st);
  if (soup_websocket_connection_get_state (st->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (st->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (st->conn);
  g_free (st->member_code);
  g_free (st->token);
  g_free (st);
}

static gboolean flush_ballots (gpointer user_data);

static void
jp_meeting_server_dispose (GObject *object)
{
  JpMeetingServer *self = JP_MEETING_SERVER (object);

  jp_meeting_server_stop_listening (self);

  /* ballots that arrived are stored before the server goes */
  if (self->ballots_idle != 0)
    {
      g_clear_handle_id (&self->ballots_idle, g_source_remove);
      flush_ballots (self);
    }
  g_clear_pointer (&self->ballots, g_ptr_array_unref);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->service);
  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->conns, g_hash_table_unref);
  g_clear_pointer (&self->peers, g_hash_table_unref);
  g_clear_object (&self->address);
  G_OBJECT_CLASS (jp_meeting_server_parent_class)->dispose (object);
}

static void
jp_meeting_server_class_init (JpMeetingServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jp_meeting_server_dispose;
}

static void
jp_meeting_server_init (JpMeetingServer *self)
{
  const char *env;

  self->stations = g_ptr_array_new_with_free_func ((GDestroyNotify) station_free);
  self->ballots = g_ptr_array_new ();
  self->peers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->conns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) jp_meeting_server_conn_free);
  self->max_per_peer = JP_MEETING_MAX_PER_PEER;
  self->request_timeout_ms = JP_MEETING_REQUEST_SECONDS * 1000;
  self->retry_ms = ACCEPT_RETRY_MIN_MS;
  /* for tests and diagnosis of `jiangping-cli serve` (docs/protocol.md) */
  if ((env = g_getenv ("JP_MEETING_MAX_PER_PEER")) != NULL)
    self->max_per_peer = (guint) g_ascii_strtoull (env, NULL, 10);
  if ((env = g_getenv ("JP_MEETING_REQUEST_TIMEOUT_MS")) != NULL &&
      g_ascii_strtoull (env, NULL, 10) > 0)
    self->request_timeout_ms = (guint) g_ascii_strtoull (env, NULL, 10);
}

/* ---- replies ---- */

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  gsize length = 0;
  char *text = json_to_string (node, FALSE);

  length = strlen (text);
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static JsonNode *
error_node (const char *kind,
            const char *reason,
            const char *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, kind);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, reason);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
reply_error (SoupServerMessage *msg,
             guint              status,
             const char        *kind,
             const char        *reason,
             const char        *message)
{
  g_autoptr(JsonNode) node = error_node (kind, reason, message);

  reply_json (msg, status, node);
}

static char *
bearer_token (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return NULL;
  return g_strstrip (g_strdup (auth + 7));
}

/* ---- requests ---- */

/* ---- refusing from the headers ----
 * libsoup reads a request's whole body before it answers, even when an early handler has
 * already set the status. A body that must be refused is therefore never read: the message
 * is paused, its connection taken from libsoup, the error written on it, and closed. */

typedef struct {
  SoupServerMessage *msg;
  gulong             disconnected_id;
  gboolean           disconnected;
  GIOStream         *stream;
  char              *response;
} Refusal;

static void
on_refused_disconnected (SoupServerMessage *msg,
                         Refusal           *r)
{
  r->disconnected = TRUE;
}

static void
refusal_free (Refusal *r)
{
  if (r->disconnected_id != 0)
    g_signal_handler_disconnect (r->msg, r->disconnected_id);
  g_clear_object (&r->msg);
  g_clear_object (&r->stream);
  g_free (r->response);
  g_free (r);
}

static void
refusal_closed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
  refusal_free (user_data);
}

static void
refusal_close_later (gpointer user_data)
{
  Refusal *r = user_data;

  g_io_stream_close_async (r->stream, G_PRIORITY_DEFAULT, NULL, refusal_closed, r);
}

static void
refusal_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Refusal *r = user_data;

  /* the peer may already be gone: close in any case, but a moment later. Closing a socket
   * whose unread input holds the refused body makes the kernel reset the connection, and a
   * reset can throw away the refusal the peer has not read yet. The body is still not read:
   * the kernel's buffers fill and the sender waits. */
  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_timeout_add_once (1000, refusal_close_later, r);
}

static gboolean
refusal_send (gpointer user_data)
{
  Refusal *r = user_data;

  /* the peer may have gone in the meantime: then libsoup has let the connection go */
  if (!r->disconnected)
    r->stream = soup_server_message_steal_connection (r->msg);
  if (r->stream == NULL)
    {
      refusal_free (r);
      return G_SOURCE_REMOVE;
    }
  g_output_stream_write_all_async (g_io_stream_get_output_stream (r->stream), r->response,
                                   strlen (r->response), G_PRIORITY_DEFAULT, NULL,
                                   refusal_written, r);
  return G_SOURCE_REMOVE;
}

static void
refuse_unread (SoupServerMessage *msg,
               guint              status,
               const char        *reason,
               const char        *message)
{
  g_autoptr(JsonNode) node = error_node ("error", reason, message);
  g_autofree char *text = json_to_string (node, FALSE);
  Refusal *r = g_new0 (Refusal, 1);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  /* the status also keeps the handlers from running should libsoup go on */
  soup_server_message_set_status (msg, status, NULL);
  r->msg = g_object_ref (msg);
  r->disconnected_id = g_signal_connect (msg, "disconnected",
                                         G_CALLBACK (on_refused_disconnected), r);
  r->response = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                                 "Content-Type: application/json\r\n"
                                 "Content-Length: %zu\r\n"
                                 "Cache-Control: no-store\r\n"
                                 "Connection: close\r\n"
                                 "\r\n%s",
                                 status, soup_status_get_phrase (status), strlen (text), text);
  soup_server_message_pause (msg);
  g_idle_add (refusal_send, r);
}

/* Runs when the headers are in, before the body is read: refuses bodies that are too large
 * (or of unknown length) so that nobody can make the host read or buffer them. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);
  g_autofree char *message = NULL;

  if (encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF)
    {
      refuse_unread (msg, 411, "length-required",
                     _("The request must say its length (Content-Length)."));
      return;
    }
  if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > JP_MEETING_MAX_BODY)
    {
      message = g_strdup_printf (_("The request body is larger than %d KiB and was refused."),
                                 JP_MEETING_MAX_BODY / 1024);
      refuse_unread (msg, 413, "too-large", message);
    }
}

typedef struct {
  JpMeetingServer   *self;
  SoupServerMessage *msg;
  gboolean           finished;
  gulong             finished_id;
} PendingReply;

static void
on_pending_finished (SoupServerMessage *msg,
                     PendingReply      *pending)
{
  pending->finished = TRUE;
}

static void
evidence_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PendingReply *pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = jp_meeting_service_evidence_finish (JP_MEETING_SERVICE (source),
                                                               result, &error);

  /* The station may have gone while the copy was made: then the message is finished and
   * must not be touched beyond dropping our reference. */
  if (!pending->finished)
    {
      if (copy != NULL)
        {
          soup_server_message_set_status (pending->msg, 200, NULL);
          soup_server_message_set_response (pending->msg, "application/pdf", SOUP_MEMORY_COPY,
                                            g_bytes_get_data (copy, NULL),
                                            g_bytes_get_size (copy));
        }
      else if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_UNAUTHORIZED))
        reply_error (pending->msg, 403, "refused", "conflicted", error->message);
      else if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND) ||
               g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
        reply_error (pending->msg, 404, "error", "unknown-evidence", error->message);
      else
        reply_error (pending->msg, 500, "error", "copy-failed", error->message);
      soup_server_message_unpause (pending->msg);
    }
  g_signal_handler_disconnect (pending->msg, pending->finished_id);
  g_object_unref (pending->msg);
  g_object_unref (pending->self);
  g_free (pending);
}

static gboolean
is_sha256 (const char *s)
{
  if (strlen (s) != 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static void
handle_evidence (JpMeetingServer   *self,
                 SoupServerMessage *msg,
                 const char        *member_code,
                 const char        *sha256)
{
  PendingReply *pending;
  g_autofree char *lower = g_ascii_strdown (sha256, -1);

  if (!is_sha256 (sha256))
    {
      reply_error (msg, 404, "error", "unknown-evidence",
                   _("Evidence is named by its SHA-256 (64 hexadecimal digits)."));
      return;
    }
  pending = g_new0 (PendingReply, 1);
  pending->self = g_object_ref (self);
  pending->msg = g_object_ref (msg);
  pending->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_pending_finished),
                                           pending);
  soup_server_message_pause (msg);
  jp_meeting_service_evidence_async (self->service, member_code, lower, NULL, evidence_done,
                                     pending);
}

/* POST /session: the PIN is checked on a worker thread; the reply waits for it. */
static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PendingReply *pending = user_data;
  guint status = 500;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = jp_meeting_service_login_finish (JP_MEETING_SERVICE (source),
                                                               result, &status, &error);

  if (!pending->finished)
    {
      if (reply != NULL)
        reply_json (pending->msg, status, reply);
      else
        reply_error (pending->msg, 500, "error", "internal", error->message);
      soup_server_message_unpause (pending->msg);
    }
  g_signal_handler_disconnect (pending->msg, pending->finished_id);
  g_object_unref (pending->msg);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
handle_login (JpMeetingServer   *self,
              SoupServerMessage *msg,
              JsonNode          *request)
{
  PendingReply *pending = g_new0 (PendingReply, 1);

  pending->self = g_object_ref (self);
  pending->msg = g_object_ref (msg);
  pending->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_pending_finished),
                                           pending);
  soup_server_message_pause (msg);
  jp_meeting_service_login_async (self->service, soup_server_message_get_remote_host (msg),
                                  request, NULL, login_done, pending);
}

/* ---- ballots and score sheets: group commit ----
 * Ballots and defence sheets (drafts and submissions) that arrive together (60 members
 * pressing "submit" within a second) are stored in one transaction, synced once, instead of
 * one sync each. Each is still checked and stored or refused alone; every reply waits for
 * the commit, so "accepted" and "saved" always mean on disk, and the progress events go out
 * after it. A failed commit answers every request of the group with the error: nothing of
 * the group was written, and each station sends again. */

#define MAX_BALLOT_GROUP 64

typedef struct {
  SoupServerMessage *msg;
  gulong             finished_id;
  gboolean           finished;   /* the station went away: store, but do not reply */
  gboolean           sheet;      /* a defence sheet (PUT or POST .../scores), else a ballot */
  char              *method;
  char              *path;
  char              *token;
  JsonNode          *request;
  JsonNode          *reply;
  guint              status;
} QueuedBallot;

static void
on_queued_finished (SoupServerMessage *msg,
                    QueuedBallot      *q)
{
  q->finished = TRUE;
}

static void
queued_ballot_free (QueuedBallot *q)
{
  g_signal_handler_disconnect (q->msg, q->finished_id);
  g_object_unref (q->msg);
  g_free (q->method);
  g_free (q->path);
  g_free (q->token);
  g_clear_pointer (&q->request, json_node_unref);
  g_clear_pointer (&q->reply, json_node_unref);
  g_free (q);
}

static gboolean
flush_ballots (gpointer user_data)
{
  JpMeetingServer *self = user_data;
  g_autoptr(GPtrArray) group = g_steal_pointer (&self->ballots);
  g_autoptr(GError) error = NULL;
  gboolean grouped, committed;

  self->ballots = g_ptr_array_new ();
  self->ballots_idle = 0;
  g_ptr_array_set_free_func (group, (GDestroyNotify) queued_ballot_free);

  /* without a group transaction (the store is busy) each ballot commits on its own */
  grouped = jp_meeting_service_batch_begin (self->service, NULL);
  for (guint i = 0; i < group->len; i++)
    {
      QueuedBallot *q = group->pdata[i];

      if (q->sheet)
        q->reply = jp_meeting_server_defence_answer (self->service, q->method, q->path,
                                                     q->token, q->request, &q->status);
      else
        q->reply = jp_meeting_service_handle (self->service, q->method, q->path, q->token,
                                              q->request, &q->status);
    }
  committed = !grouped || jp_meeting_service_batch_end (self->service, &error);
  jp_meeting_service_defence_group_end (self->service, committed);
  if (!committed)
    {
      g_warning ("A group of %u ballots and sheets could not be stored: %s", group->len,
                 error->message);
      for (guint i = 0; i < group->len; i++)
        {
          QueuedBallot *q = group->pdata[i];

          g_clear_pointer (&q->reply, json_node_unref);
        }
    }
  for (guint i = 0; i < group->len; i++)
    {
      QueuedBallot *q = group->pdata[i];

      if (q->finished)
        continue;
      if (q->reply != NULL)
        reply_json (q->msg, q->status, q->reply);
      else
        reply_error (q->msg, 500, "error", "store-failed", error->message);
      soup_server_message_unpause (q->msg);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_ballot (JpMeetingServer   *self,
              SoupServerMessage *msg,
              const char        *method,
              const char        *path,
              gboolean           sheet,
              const char        *token,
              JsonNode          *request)
{
  QueuedBallot *q = g_new0 (QueuedBallot, 1);

  q->msg = g_object_ref (msg);
  q->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_queued_finished), q);
  q->sheet = sheet;
  q->method = g_strdup (method);
  q->path = g_strdup (path);
  q->token = g_strdup (token);
  q->request = request != NULL ? json_node_ref (request) : NULL;
  soup_server_message_pause (msg);
  g_ptr_array_add (self->ballots, q);

  /* The group closes when the main loop has nothing more to read (the idle runs after the
   * requests that arrived together), or when it is full. */
  if (self->ballots->len >= MAX_BALLOT_GROUP)
    {
      g_clear_handle_id (&self->ballots_idle, g_source_remove);
      flush_ballots (self);
    }
  else if (self->ballots_idle == 0)
    self->ballots_idle = g_idle_add (flush_ballots, self);
}

static void
api_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  JpMeetingServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *sub = path + strlen (API_PREFIX);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 500;

  if (soup_server_message_get_status (msg) != 0)
    return;   /* refused by the early handler */
  if (body->length > JP_MEETING_MAX_BODY)
    {
      reply_error (msg, 413, "error", "too-large", _("The request body is too large."));
      return;
    }
  token = bearer_token (msg);

  if (g_str_equal (method, "GET") && g_str_has_prefix (sub, "/evidence/"))
    {
      const char *reason = NULL;
      const char *member = jp_meeting_service_authorize (self->service, token, &reason);

      if (member == NULL)
        reply_error (msg, 401, "refused", reason,
                     g_str_equal (reason, "session-ended")
                     ? _("The meeting has ended; this session is no longer valid.")
                     : _("You are not logged in. Log in with your member code and PIN."));
      else
        handle_evidence (self, msg, member, sub + strlen ("/evidence/"));
      return;
    }

  if (body->length > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autoptr(GError) error = NULL;

      if (!g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
          !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error))
        {
          reply_error (msg, 400, "error", "malformed-json",
                       _("The request body is not valid JSON."));
          return;
        }
      request = json_node_copy (json_parser_get_root (parser));
    }

  if (g_str_equal (method, "POST") && g_str_has_prefix (sub, "/rounds/") &&
      g_str_has_suffix (sub, "/ballot"))
    {
      queue_ballot (self, msg, method, sub, FALSE, token, request);
      return;
    }
  if (jp_meeting_server_defence_is_sheet (method, sub))
    {
      queue_ballot (self, msg, method, sub, TRUE, token, request);
      return;
    }
  if (g_str_equal (method, "POST") && g_str_equal (sub, "/session"))
    {
      handle_login (self, msg, request);
      return;
    }
  if (jp_meeting_server_defence_route (self->service, msg, method, sub, token, request))
    return;
  reply = jp_meeting_service_handle (self->service, method, *sub ? sub : "/", token, request,
                                     &status);
  reply_json (msg, status, reply);
}

/* Outside /api/v1. */
static void
other_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  if (soup_server_message_get_status (msg) != 0)
    return;
  reply_error (msg, 404, "error", "unknown-path", _("There is nothing at this address."));
}

/* ---- events ---- */

static void
station_send (Station    *st,
              const char *text)
{
  if (st->member_code != NULL &&
      soup_websocket_connection_get_state (st->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (st->conn, text);
}

static char *
event_text (const char *type,
            JsonNode   *data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "data");
  json_builder_add_value (b, data != NULL ? json_node_copy (data)
                                          : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  return json_to_string (node, FALSE);
}

static void
on_service_event (JpMeetingService *service,
                  const char       *type,
                  JsonNode         *data,
                  JpMeetingServer  *self)
{
  g_autofree char *text = event_text (type, data);

  for (guint i = 0; i < self->stations->len; i++)
    station_send (self->stations->pdata[i], text);
  if (g_str_equal (type, "meeting_ended"))
    {
      g_autoptr(GPtrArray) conns = g_ptr_array_new_with_free_func (g_object_unref);

      /* Closing may remove stations from the array: close from a copy. */
      for (guint i = 0; i < self->stations->len; i++)
        g_ptr_array_add (conns, g_object_ref (((Station *) self->stations->pdata[i])->conn));
      for (guint i = 0; i < conns->len; i++)
        if (soup_websocket_connection_get_state (conns->pdata[i]) == SOUP_WEBSOCKET_STATE_OPEN)
          soup_websocket_connection_close (conns->pdata[i], SOUP_WEBSOCKET_CLOSE_NORMAL,
                                           "meeting-ended");
    }
}

/* A station logged out (DELETE /session): its event socket closes, nothing more reaches it. */
static void
on_service_logged_out (JpMeetingService *service,
                       const char       *token,
                       JpMeetingServer  *self)
{
  g_autoptr(GPtrArray) conns = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->stations->len; i++)
    {
      Station *st = self->stations->pdata[i];

      if (st->token != NULL && g_strcmp0 (st->token, token) == 0)
        g_ptr_array_add (conns, g_object_ref (st->conn));
    }
  for (guint i = 0; i < conns->len; i++)
    if (soup_websocket_connection_get_state (conns->pdata[i]) == SOUP_WEBSOCKET_STATE_OPEN)
      soup_websocket_connection_close (conns->pdata[i], SOUP_WEBSOCKET_CLOSE_NORMAL,
                                       "logged-out");
}

static gboolean
station_authenticate (Station    *st,
                      const char *token)
{
  const char *reason = NULL;
  const char *code = jp_meeting_service_authorize (st->server->service, token, &reason);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *text = NULL;

  g_clear_handle_id (&st->auth_timeout, g_source_remove);
  if (code == NULL)
    {
      soup_websocket_connection_close (st->conn, WS_CLOSE_UNAUTHORIZED, reason);
      return FALSE;
    }
  st->member_code = g_strdup (code);
  st->token = g_strdup (token);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member");
  json_builder_add_string_value (b, code);
  json_builder_end_object (b);
  data = json_builder_get_root (b);
  text = event_text ("hello", data);
  station_send (st, text);
  return TRUE;
}

static void
on_station_message (SoupWebsocketConnection *conn,
                    int                      type,
                    GBytes                  *message,
                    Station                 *st)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root, *token;

  if (st->member_code != NULL || type != SOUP_WEBSOCKET_DATA_TEXT)
    return;   /* stations only speak to authenticate; requests go over HTTP */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (message, NULL),
                                   g_bytes_get_size (message), NULL))
    goto refuse;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto refuse;
  token = json_object_get_member (json_node_get_object (root), "token");
  if (token == NULL || json_node_get_value_type (token) != G_TYPE_STRING)
    goto refuse;
  station_authenticate (st, json_node_get_string (token));
  return;

refuse:
  g_clear_handle_id (&st->auth_timeout, g_source_remove);
  soup_websocket_connection_close (conn, WS_CLOSE_UNAUTHORIZED, "not-logged-in");
}

static gboolean
station_free_idle (gpointer user_data)
{
  station_free (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_station_closed (SoupWebsocketConnection *conn,
                   Station                 *st)
{
  guint index;

  /* Freed later: the connection is still emitting this signal. */
  if (g_ptr_array_find (st->server->stations, st, &index))
    g_ptr_array_steal_index_fast (st->server->stations, index);
  g_clear_handle_id (&st->auth_timeout, g_source_remove);
  g_signal_handlers_disconnect_by_data (conn, st);
  g_idle_add (station_free_idle, st);
}

static gboolean
station_auth_timeout (gpointer user_data)
{
  Station *st = user_data;

  st->auth_timeout = 0;
  soup_websocket_connection_close (st->conn, WS_CLOSE_UNAUTHORIZED, "not-logged-in");
  return G_SOURCE_REMOVE;
}

static void
websocket_handler (SoupServer              *server,
                   SoupServerMessage       *msg,
                   const char              *path,
                   SoupWebsocketConnection *conn,
                   gpointer                 user_data)
{
  JpMeetingServer *self = user_data;
  Station *st = g_new0 (Station, 1);
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GHashTable) params = NULL;
  const char *token = NULL;

  st->server = self;
  st->conn = g_object_ref (conn);
  soup_websocket_connection_set_keepalive_interval (conn, 15);
  g_ptr_array_add (self->stations, st);
  g_signal_connect (conn, "message", G_CALLBACK (on_station_message), st);
  g_signal_connect (conn, "closed", G_CALLBACK (on_station_closed), st);

  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params != NULL)
    token = g_hash_table_lookup (params, "token");
  if (token != NULL)
    station_authenticate (st, token);
  else
    st->auth_timeout = g_timeout_add_seconds (WS_AUTH_SECONDS, station_auth_timeout, st);
}

/* ---- public ---- */


/**
 * jp_meeting_server_new:
 * @service: the meeting (referenced)
 *
 * Returns: (transfer full): a server, not yet listening.
 */
JpMeetingServer *
jp_meeting_server_new (JpMeetingService *service)
{
  JpMeetingServer *self;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (service), NULL);
  self = g_object_new (JP_TYPE_MEETING_SERVER, NULL);
  self->service = g_object_ref (service);
  self->server = soup_server_new ("server-header", "jiangping-meeting/1 ", NULL);
  /* every path, so that no body anywhere is read when it must be refused */
  soup_server_add_early_handler (self->server, NULL, early_handler, self, NULL);
  soup_server_add_early_handler (self->server, API_PREFIX, early_handler, self, NULL);
  soup_server_add_early_handler (self->server, EVENTS_PATH, early_handler, self, NULL);
  soup_server_add_handler (self->server, NULL, other_handler, self, NULL);
  soup_server_add_handler (self->server, API_PREFIX, api_handler, self, NULL);
  soup_server_add_websocket_handler (self->server, EVENTS_PATH, NULL, NULL, websocket_handler,
                                     self, NULL);
  g_signal_connect (self->server, "request-started",
                    G_CALLBACK (jp_meeting_server_on_request_started), self);
  g_signal_connect (self->server, "request-read",
                    G_CALLBACK (jp_meeting_server_on_request_read), self);
  g_signal_connect (self->server, "request-finished",
                    G_CALLBACK (jp_meeting_server_on_request_started), self);
  g_signal_connect (service, "event", G_CALLBACK (on_service_event), self);
  g_signal_connect (service, "logged-out", G_CALLBACK (on_service_logged_out), self);
  return self;
}

JpMeetingService *
jp_meeting_server_get_service (JpMeetingServer *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVER (self), NULL);
  return self->service;
}
void
jp_meeting_server_disconnect (JpMeetingServer *self)
{
  g_return_if_fail (JP_IS_MEETING_SERVER (self));
  g_ptr_array_set_size (self->stations, 0);
  jp_meeting_server_stop_listening (self);
  soup_server_disconnect (self->server);
}

const char *
jp_meeting_server_get_fingerprint (JpMeetingServer *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVER (self), NULL);
  return self->fingerprint;
}

guint
jp_meeting_server_get_n_stations (JpMeetingServer *self)
{
  guint n = 0;

  g_return_val_if_fail (JP_IS_MEETING_SERVER (self), 0);
  for (guint i = 0; i < self->stations->len; i++)
    if (((Station *) self->stations->pdata[i])->member_code != NULL)
      n++;
  return n;
}
