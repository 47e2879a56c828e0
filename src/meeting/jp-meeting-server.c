/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "jp-meeting-server.h"
#include "jp-meeting-server-defence.h"
#include "jp-meeting-tls.h"

#define API_PREFIX "/api/v1"
#define EVENTS_PATH API_PREFIX "/events"
/* A station must authenticate its event connection within this time. */
#define WS_AUTH_SECONDS 10
/* WebSocket close code for a refused token (private range 4000-4999). */
#define WS_CLOSE_UNAUTHORIZED 4401

/* Accepting after a failure (EMFILE, a broken listening socket) is retried after this many
 * milliseconds, doubling up to the maximum; it never stops. */
#define ACCEPT_RETRY_MIN_MS 20
#define ACCEPT_RETRY_MAX_MS 1000
/* Connections accepted per wake-up of the listener before the main loop runs other work. */
#define ACCEPT_BATCH 64

typedef struct _Station Station;
typedef struct _Conn Conn;

struct _JpMeetingServer {
  GObject           parent_instance;
  JpMeetingService *service;
  SoupServer       *server;
  GPtrArray        *stations;   /* Station*, owned */
  GPtrArray        *ballots;    /* QueuedBallot*: arrived, waiting for the group commit */
  guint             ballots_idle;
  char             *fingerprint;  /* of the TLS certificate, once set (jp-meeting-tls.h) */

  /* The host accepts connections itself and hands them to libsoup, so that a failing
   * accept (EMFILE) cannot end the listening as it does inside libsoup. */
  gboolean          listening;
  GInetAddress     *address;    /* where we listen */
  guint             port;       /* the port actually bound */
  GSocket          *listener;   /* NULL while it is being re-created */
  GSource          *accept_source;
  guint             accept_retry;
  guint             retry_ms;
  GSocket          *anchor;     /* see listen_anchor () */
  GHashTable       *peers;      /* char* address -> number of open connections */
  GHashTable       *conns;      /* char* "address:port" -> Conn*, owned */
  guint             max_per_peer;        /* 0: no limit */
  guint             request_timeout_ms;
};

/* An accepted connection, from its accept until its GSocketConnection is finalized. */
struct _Conn {
  JpMeetingServer *server;
  GObject         *stream;   /* the GSocketConnection, weak */
  GSocket         *socket;   /* owned by `stream` */
  char            *peer;
  char            *key;
  guint            timeout;
  /* Until its first bytes arrive the connection is only watched here: no TLS object, no
   * handshake waiting on a worker thread, so silent connections cost a descriptor and
   * nothing else until the request timeout closes them. */
  GSource          *first_bytes;
  GIOStream        *pending;   /* owned until handed to libsoup */
  GSocketAddress   *local;
  GSocketAddress   *remote;
};

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
static void stop_listening (JpMeetingServer *self);
static void conn_gone (gpointer data, GObject *where_the_object_was);

static void
conn_free (Conn *c)
{
  g_clear_handle_id (&c->timeout, g_source_remove);
  if (c->first_bytes != NULL)
    g_source_destroy (c->first_bytes);
  g_clear_pointer (&c->first_bytes, g_source_unref);
  g_clear_object (&c->local);
  g_clear_object (&c->remote);
  /* no word from the stream any more, then drop it if libsoup never had it */
  if (c->stream != NULL)
    g_object_weak_unref (c->stream, conn_gone, c);
  g_clear_object (&c->pending);
  g_free (c->peer);
  g_free (c->key);
  g_free (c);
}

static void
jp_meeting_server_dispose (GObject *object)
{
  JpMeetingServer *self = JP_MEETING_SERVER (object);

  stop_listening (self);

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
                                       (GDestroyNotify) conn_free);
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

/* ---- ballots: group commit ----
 * Ballots that arrive together (60 members pressing "submit" within a second) are stored in
 * one transaction, synced once, instead of one sync each. Each is still checked and stored
 * or refused alone; every reply waits for the commit, so "accepted" always means on disk. */

#define MAX_BALLOT_GROUP 64

typedef struct {
  SoupServerMessage *msg;
  gulong             finished_id;
  gboolean           finished;   /* the station went away: store, but do not reply */
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
  gboolean grouped;

  self->ballots = g_ptr_array_new ();
  self->ballots_idle = 0;
  g_ptr_array_set_free_func (group, (GDestroyNotify) queued_ballot_free);

  /* without a group transaction (the store is busy) each ballot commits on its own */
  grouped = jp_meeting_service_batch_begin (self->service, NULL);
  for (guint i = 0; i < group->len; i++)
    {
      QueuedBallot *q = group->pdata[i];

      q->reply = jp_meeting_service_handle (self->service, "POST", q->path, q->token,
                                            q->request, &q->status);
    }
  if (grouped && !jp_meeting_service_batch_end (self->service, &error))
    {
      g_warning ("A group of %u ballots could not be stored: %s", group->len, error->message);
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
              const char        *path,
              const char        *token,
              JsonNode          *request)
{
  QueuedBallot *q = g_new0 (QueuedBallot, 1);

  q->msg = g_object_ref (msg);
  q->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_queued_finished), q);
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
      queue_ballot (self, msg, sub, token, request);
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

static void on_request_started (SoupServer *server, SoupServerMessage *msg,
                                JpMeetingServer *self);
static void on_request_read (SoupServer *server, SoupServerMessage *msg,
                             JpMeetingServer *self);

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
  g_signal_connect (self->server, "request-started", G_CALLBACK (on_request_started), self);
  g_signal_connect (self->server, "request-read", G_CALLBACK (on_request_read), self);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (on_request_started), self);
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

/* TLS: the election's own certificate (made the first time the election is hosted) on the
 * SoupServer, so that every listener serves HTTPS and WSS only. Done once per server. */
static gboolean
ensure_tls (JpMeetingServer  *self,
            GError          **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;

  if (self->fingerprint != NULL)
    return TRUE;
  certificate = jp_meeting_tls_host_certificate (jp_meeting_service_get_store (self->service),
                                                 error);
  if (certificate == NULL)
    return FALSE;
  soup_server_set_tls_certificate (self->server, certificate);
  self->fingerprint = jp_meeting_tls_fingerprint (certificate);
  return TRUE;
}


/* ---- accepting connections ---- */

/* The host's end of an accepted TCP connection. Under TLS the connection object may outlive
 * its end by far (the TLS layer on top of it is not always let go), so the server learns of
 * the end from its closing, which libsoup does through the TLS connection when the peer
 * goes, the request times out or a reply closes it. */
#define JP_TYPE_HOST_CONNECTION (jp_host_connection_get_type ())
G_DECLARE_FINAL_TYPE (JpHostConnection, jp_host_connection, JP, HOST_CONNECTION, GTcpConnection)

struct _JpHostConnection {
  GTcpConnection  parent_instance;
  GWeakRef        server;
  GMainContext   *context;   /* the server's */
  char           *key;       /* "address:port" of the peer */
  gint            closed;    /* atomic */
};

G_DEFINE_FINAL_TYPE (JpHostConnection, jp_host_connection, G_TYPE_TCP_CONNECTION)

typedef struct {
  JpMeetingServer *server;   /* owned */
  gpointer         stream;   /* only compared, never followed */
  char            *key;
} ConnEnd;

static gboolean conn_ended (gpointer user_data);

static gboolean
jp_host_connection_close (GIOStream     *stream,
                          GCancellable  *cancellable,
                          GError       **error)
{
  JpHostConnection *self = JP_HOST_CONNECTION (stream);
  gboolean ok;
  JpMeetingServer *server;

  ok = G_IO_STREAM_CLASS (jp_host_connection_parent_class)->close_fn (stream, cancellable,
                                                                       error);
  /* this may run on the TLS layer's thread: the server hears of it in its own context */
  if (g_atomic_int_compare_and_exchange (&self->closed, FALSE, TRUE) &&
      (server = g_weak_ref_get (&self->server)) != NULL)
    {
      ConnEnd *end = g_new0 (ConnEnd, 1);
      GSource *source = g_idle_source_new ();

      end->server = server;
      end->stream = self;
      end->key = g_strdup (self->key);
      g_source_set_callback (source, conn_ended, end, NULL);
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
  return ok;
}

static void
jp_host_connection_finalize (GObject *object)
{
  JpHostConnection *self = JP_HOST_CONNECTION (object);

  g_weak_ref_clear (&self->server);
  g_main_context_unref (self->context);
  g_free (self->key);
  G_OBJECT_CLASS (jp_host_connection_parent_class)->finalize (object);
}

static void
jp_host_connection_class_init (JpHostConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_host_connection_finalize;
  G_IO_STREAM_CLASS (klass)->close_fn = jp_host_connection_close;
}

static void
jp_host_connection_init (JpHostConnection *self)
{
  g_weak_ref_init (&self->server, NULL);
}

static GSocketConnection *
jp_host_connection_new (JpMeetingServer *server,
                        GSocket         *socket,
                        const char      *key)
{
  JpHostConnection *self = g_object_new (JP_TYPE_HOST_CONNECTION, "socket", socket, NULL);

  g_weak_ref_set (&self->server, server);
  self->context = g_main_context_ref_thread_default ();
  self->key = g_strdup (key);
  return G_SOCKET_CONNECTION (self);
}

static char *
address_text (GSocketAddress *address,
              gboolean        with_port)
{
  g_autofree char *ip = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (address))
    return g_strdup ("?");
  ip = g_inet_address_to_string (
      g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
  if (!with_port)
    return g_steal_pointer (&ip);
  return g_strdup_printf ("%s:%u", ip,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
}

static void
peer_release (JpMeetingServer *self,
              const char      *peer)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->peers, peer));

  if (n > 1)
    g_hash_table_insert (self->peers, g_strdup (peer), GUINT_TO_POINTER (n - 1));
  else
    g_hash_table_remove (self->peers, peer);
}

/* The connection's stream was finalized: libsoup (or the WebSocket) let it go. */
static void
conn_gone (gpointer  data,
           GObject  *where_the_object_was)
{
  Conn *c = data;

  c->stream = NULL;
  peer_release (c->server, c->peer);
  if (g_hash_table_lookup (c->server->conns, c->key) == c)
    g_hash_table_remove (c->server->conns, c->key);
  else
    conn_free (c);
}

/* The connection was closed (JpHostConnection): it no longer counts for its peer, even if
 * its object lives on. */
static gboolean
conn_ended (gpointer user_data)
{
  ConnEnd *end = user_data;
  Conn *c = end->server->conns != NULL ? g_hash_table_lookup (end->server->conns, end->key)
                                       : NULL;

  if (c != NULL && c->stream == end->stream)
    {
      peer_release (c->server, c->peer);
      g_hash_table_remove (c->server->conns, c->key);   /* frees c */
    }
  g_object_unref (end->server);
  g_free (end->key);
  g_free (end);
  return G_SOURCE_REMOVE;
}

/* Whether the peer has ended the connection (its end of input is waiting, or it was reset)
 * while libsoup has not noticed: libsoup does not always close a TLS connection whose peer
 * went away between two requests. Nothing is read. */
static gboolean
conn_is_over (Conn *c)
{
  char byte;
  ssize_t n;

  if (g_socket_is_closed (c->socket))
    return TRUE;
  n = recv (g_socket_get_fd (c->socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* Lets go the connections of `peer` that are over (conn_is_over): their counts are
 * released and their descriptors shut, so that libsoup's next look at them fails. */
static void
peer_sweep (JpMeetingServer *self,
            const char      *peer)
{
  g_autoptr(GPtrArray) over = g_ptr_array_new ();
  GHashTableIter iter;
  Conn *c;

  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &c))
    if (g_str_equal (c->peer, peer) && conn_is_over (c))
      g_ptr_array_add (over, c);
  for (guint i = 0; i < over->len; i++)
    {
      c = over->pdata[i];
      if (!g_socket_is_closed (c->socket))
        {
          g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
          g_socket_close (c->socket, NULL);
        }
      peer_release (self, c->peer);
      g_hash_table_remove (self->conns, c->key);   /* frees c */
    }
}

static gboolean
conn_timed_out (gpointer user_data)
{
  Conn *c = user_data;

  c->timeout = 0;
  /* The host closes the descriptor itself: libsoup does not always let a TLS connection go
   * when its input ends, and a descriptor it keeps is one less for the stations. libsoup's
   * next look at the connection fails and drops it. */
  g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
  g_socket_close (c->socket, NULL);
  peer_release (c->server, c->peer);
  g_hash_table_remove (c->server->conns, c->key);   /* frees c */
  return G_SOURCE_REMOVE;
}

static Conn *
conn_for_message (JpMeetingServer   *self,
                  SoupServerMessage *msg)
{
  g_autofree char *key = address_text (soup_server_message_get_remote_address (msg), TRUE);

  return g_hash_table_lookup (self->conns, key);
}

/* A request begins, or a reply was sent and the connection is kept for the next request
 * (libsoup starts that one only when its first bytes come): the request must be complete
 * within the request timeout. */
static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    JpMeetingServer   *self)
{
  Conn *c = conn_for_message (self, msg);

  if (c == NULL)
    return;
  g_clear_handle_id (&c->timeout, g_source_remove);
  c->timeout = g_timeout_add (self->request_timeout_ms, conn_timed_out, c);
}

static void
on_request_read (SoupServer        *server,
                 SoupServerMessage *msg,
                 JpMeetingServer   *self)
{
  Conn *c = conn_for_message (self, msg);

  if (c != NULL)
    g_clear_handle_id (&c->timeout, g_source_remove);
}

/* The peer has sent its first bytes (a TLS ClientHello, or anything): HTTPS only, so the
 * connection is wrapped in TLS here and handed to libsoup, which serves what it is handed as
 * it is (the handshake happens on its first read, within the request timeout). */
static gboolean
conn_first_bytes (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Conn *c = user_data;
  JpMeetingServer *self = c->server;
  g_autoptr(GIOStream) connection = g_steal_pointer (&c->pending);
  g_autoptr(GSocketAddress) local = g_steal_pointer (&c->local);
  g_autoptr(GSocketAddress) remote = g_steal_pointer (&c->remote);
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&c->first_bytes, g_source_unref);
  if (conn_is_over (c))
    {
      /* gone before it said anything: closed here, libsoup never sees it */
      g_socket_close (c->socket, NULL);
      peer_release (self, c->peer);
      g_hash_table_remove (self->conns, c->key);   /* frees c */
      return G_SOURCE_REMOVE;
    }
  tls = g_tls_server_connection_new (connection,
                                     soup_server_get_tls_certificate (self->server), &error);
  if (tls == NULL ||
      !soup_server_accept_iostream (self->server, tls, local, remote, &error))
    {
      g_debug ("Could not serve a connection: %s", error->message);
      g_io_stream_close (connection, NULL, NULL);
    }
  return G_SOURCE_REMOVE;
}

static void
admit (JpMeetingServer *self,
       GSocket         *socket)
{
  g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (socket, NULL);
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autofree char *peer = NULL;
  guint n;
  Conn *c, *old;

  if (remote == NULL || local == NULL)
    {
      g_socket_close (socket, NULL);
      return;
    }
  peer = address_text (remote, FALSE);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->peers, peer));
  if (self->max_per_peer > 0 && n >= self->max_per_peer)
    {
      peer_sweep (self, peer);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (self->peers, peer));
    }
  if (self->max_per_peer > 0 && n >= self->max_per_peer)
    {
      g_debug ("Refused a connection from %s: %u already open", peer, n);
      g_socket_close (socket, NULL);
      return;
    }
  g_hash_table_insert (self->peers, g_strdup (peer), GUINT_TO_POINTER (n + 1));

  c = g_new0 (Conn, 1);
  c->server = self;
  c->key = address_text (remote, TRUE);
  connection = jp_host_connection_new (self, socket, c->key);
  c->stream = G_OBJECT (connection);
  c->socket = socket;
  c->peer = g_steal_pointer (&peer);
  g_object_weak_ref (c->stream, conn_gone, c);
  /* the peer's port in use by a connection libsoup has not yet let go: that one is over */
  old = g_hash_table_lookup (self->conns, c->key);
  if (old != NULL)
    {
      peer_release (self, old->peer);
      g_hash_table_remove (self->conns, old->key);
    }
  g_hash_table_replace (self->conns, c->key, c);
  c->timeout = g_timeout_add (self->request_timeout_ms, conn_timed_out, c);

  c->pending = G_IO_STREAM (g_steal_pointer (&connection));
  c->local = g_steal_pointer (&local);
  c->remote = g_steal_pointer (&remote);
  c->first_bytes = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (c->first_bytes, G_SOURCE_FUNC (conn_first_bytes), c, NULL);
  g_source_attach (c->first_bytes, NULL);
}

static gboolean start_accepting (JpMeetingServer *self, GError **error);

static gboolean
retry_accepting (gpointer user_data)
{
  JpMeetingServer *self = user_data;
  g_autoptr(GError) error = NULL;

  self->accept_retry = 0;
  if (!start_accepting (self, &error))
    {
      g_debug ("Still not accepting connections: %s", error->message);
      self->retry_ms = MIN (self->retry_ms * 2, ACCEPT_RETRY_MAX_MS);
      self->accept_retry = g_timeout_add (self->retry_ms, retry_accepting, self);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
on_incoming (GSocket      *listener,
             GIOCondition  condition,
             gpointer      user_data)
{
  JpMeetingServer *self = user_data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) socket = g_socket_accept (listener, NULL, &error);

      if (socket != NULL)
        {
          self->retry_ms = ACCEPT_RETRY_MIN_MS;
          admit (self, socket);
          continue;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        break;
      /* Out of descriptors (EMFILE) or memory, or the listening socket broke: stop
       * watching it for a moment (the waiting connections stay in the backlog) and try
       * again; start_accepting re-creates the socket if it no longer listens. */
      g_message ("Not accepting connections for %u ms: %s", self->retry_ms, error->message);
      self->accept_source = NULL;
      self->accept_retry = g_timeout_add (self->retry_ms, retry_accepting, self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static GSocket *
new_listener (GInetAddress  *address,
              guint          port,
              GError       **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) where = g_inet_socket_address_new (address, port);

  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  /* A meeting room has up to about sixty stations connecting in the same second, more
   * than GSocket's default backlog of 10. */
  g_socket_set_listen_backlog (socket, 256);
  g_socket_set_blocking (socket, FALSE);
  if (!g_socket_bind (socket, where, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

static gboolean
still_listening (GSocket *socket)
{
  int listening = 0;

  return socket != NULL && !g_socket_is_closed (socket) &&
         g_socket_get_option (socket, SOL_SOCKET, SO_ACCEPTCONN, &listening, NULL) &&
         listening;
}

/* Watches the listening socket, first (re-)creating it on the same address and port if it
 * is gone or no longer listens. */
static gboolean
start_accepting (JpMeetingServer  *self,
                 GError          **error)
{
  if (!still_listening (self->listener))
    {
      g_autoptr(GSocket) fresh = NULL;

      if (self->listener != NULL)
        g_socket_close (self->listener, NULL);
      g_clear_object (&self->listener);
      fresh = new_listener (self->address, self->port, error);
      if (fresh == NULL)
        return FALSE;
      self->listener = g_steal_pointer (&fresh);
    }
  if (self->accept_source == NULL)
    {
      self->accept_source = g_socket_create_source (self->listener, G_IO_IN, NULL);
      g_source_set_callback (self->accept_source, G_SOURCE_FUNC (on_incoming), self, NULL);
      g_source_attach (self->accept_source, NULL);
      g_source_unref (self->accept_source);   /* the context holds it until it is removed */
    }
  return TRUE;
}

/* libsoup keeps a connection alive after a reply only while it has a listener of its own.
 * It gets one that never accepts anything: a loopback socket that is shut down at once
 * (libsoup drops its watch on the first failed accept, and the port is released). */
static gboolean
listen_anchor (JpMeetingServer  *self,
               GError          **error)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocket) anchor = NULL;

  if (self->anchor != NULL)
    return TRUE;
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  anchor = new_listener (loopback, 0, error);
  if (anchor == NULL || !soup_server_listen_socket (self->server, anchor, 0, error))
    return FALSE;
  g_socket_shutdown (anchor, TRUE, TRUE, NULL);
  self->anchor = g_steal_pointer (&anchor);
  return TRUE;
}

static void
stop_listening (JpMeetingServer *self)
{
  g_clear_handle_id (&self->accept_retry, g_source_remove);
  if (self->accept_source != NULL)
    g_source_destroy (self->accept_source);
  self->accept_source = NULL;
  if (self->listener != NULL)
    g_socket_close (self->listener, NULL);
  g_clear_object (&self->listener);
  g_clear_object (&self->anchor);
  self->listening = FALSE;
  self->port = 0;
}

/* A host serves many stations, each with a few connections: the soft limit on descriptors
 * (1,024 on a desktop) is raised to the hard limit. */
static void
raise_descriptor_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
        g_debug ("Could not raise the limit on open files: %s", g_strerror (errno));
    }
}

static gboolean
listen_on (JpMeetingServer  *self,
           GInetAddress     *address,
           guint             port,
           GError          **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;

  if (!ensure_tls (self, error))
    goto failed;
  raise_descriptor_limit ();
  stop_listening (self);
  socket = new_listener (address, port, error);
  if (socket == NULL)
    goto failed;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL || !listen_anchor (self, error))
    goto failed;
  g_set_object (&self->address, address);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  self->listener = g_steal_pointer (&socket);
  self->retry_ms = ACCEPT_RETRY_MIN_MS;
  if (!start_accepting (self, error))
    goto failed;
  self->listening = TRUE;
  return TRUE;

failed:
  stop_listening (self);
  g_prefix_error (error, _("Cannot serve the meeting on port %u: "), port);
  return FALSE;
}

gboolean
jp_meeting_server_listen (JpMeetingServer  *self,
                          guint             port,
                          GError          **error)
{
  g_autoptr(GInetAddress) any = g_inet_address_new_any (G_SOCKET_FAMILY_IPV4);

  g_return_val_if_fail (JP_IS_MEETING_SERVER (self), FALSE);
  return listen_on (self, any, port, error);
}

gboolean
jp_meeting_server_listen_local (JpMeetingServer  *self,
                                guint             port,
                                GError          **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

  g_return_val_if_fail (JP_IS_MEETING_SERVER (self), FALSE);
  return listen_on (self, loopback, port, error);
}

guint
jp_meeting_server_get_port (JpMeetingServer *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVER (self), 0);
  return self->listening ? self->port : 0;
}

void
jp_meeting_server_set_limits (JpMeetingServer *self,
                              guint            max_per_peer,
                              guint            request_timeout_ms)
{
  g_return_if_fail (JP_IS_MEETING_SERVER (self));
  g_return_if_fail (request_timeout_ms > 0);
  self->max_per_peer = max_per_peer;
  self->request_timeout_ms = request_timeout_ms;
}

void
jp_meeting_server_disconnect (JpMeetingServer *self)
{
  g_return_if_fail (JP_IS_MEETING_SERVER (self));
  g_ptr_array_set_size (self->stations, 0);
  stop_listening (self);
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

static int
loopback_last (gconstpointer a,
               gconstpointer b)
{
  GInetAddress *x = *(GInetAddress **) a;
  GInetAddress *y = *(GInetAddress **) b;

  return (int) g_inet_address_get_is_loopback (x) - (int) g_inet_address_get_is_loopback (y);
}

GPtrArray *
jp_meeting_host_addresses (void)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
        {
          GInetAddress *address;
          gboolean seen = FALSE;

          if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family != AF_INET)
            continue;
          address = g_inet_address_new_from_bytes (
              (const guint8 *) &((struct sockaddr_in *) ifa->ifa_addr)->sin_addr,
              G_SOCKET_FAMILY_IPV4);
          for (guint i = 0; i < out->len; i++)
            seen = seen || g_inet_address_equal (out->pdata[i], address);
          if (seen)
            g_object_unref (address);
          else
            g_ptr_array_add (out, address);
        }
      freeifaddrs (list);
    }
  if (out->len == 0)
    g_ptr_array_add (out, g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4));
  g_ptr_array_sort (out, loopback_last);
  return out;
}
