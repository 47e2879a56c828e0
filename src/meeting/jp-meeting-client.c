/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "jp-meeting-client.h"
#include "jp-meeting-tls.h"
#include "store/jp-random.h"

#define RECONNECT_FIRST_MS 500
#define RECONNECT_MAX_MS   10000

typedef struct {
  gint64  round_id;
  GStrv   marks;
  char   *key;
} QueuedBallot;

struct _JpMeetingClient {
  GObject                  parent_instance;
  SoupSession             *session;
  char                    *base_uri;
  const char              *host_port;    /* in base_uri, after the scheme */
  char                    *pinned;       /* the fingerprint trusted for this host, or NULL */
  char                    *host_fingerprint;   /* what the host presented last, or NULL */
  gboolean                 ws_refused;   /* the events' TLS handshake met another certificate */
  char                    *queue_path;
  char                    *token;
  char                    *member_code;
  GPtrArray               *queue;        /* QueuedBallot* */

  SoupWebsocketConnection *ws;
  GCancellable            *ws_cancel;
  gboolean                 ws_wanted;
  gboolean                 ws_connected;
  guint                    ws_retry_source;
  guint                    ws_delay_ms;
  gboolean                 flushing;
};

G_DEFINE_FINAL_TYPE (JpMeetingClient, jp_meeting_client, G_TYPE_OBJECT)

enum { SIGNAL_EVENT, SIGNAL_EVENTS_CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
queued_ballot_free (QueuedBallot *q)
{
  g_strfreev (q->marks);
  g_free (q->key);
  g_free (q);
}

static void
jp_meeting_client_dispose (GObject *object)
{
  JpMeetingClient *self = JP_MEETING_CLIENT (object);

  jp_meeting_client_disconnect_events (self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jp_meeting_client_parent_class)->dispose (object);
}

static void
jp_meeting_client_finalize (GObject *object)
{
  JpMeetingClient *self = JP_MEETING_CLIENT (object);

  g_free (self->base_uri);
  g_free (self->pinned);
  g_free (self->host_fingerprint);
  g_free (self->queue_path);
  g_free (self->token);
  g_free (self->member_code);
  g_ptr_array_unref (self->queue);
  G_OBJECT_CLASS (jp_meeting_client_parent_class)->finalize (object);
}

static void
jp_meeting_client_class_init (JpMeetingClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_meeting_client_dispose;
  object_class->finalize = jp_meeting_client_finalize;
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, JSON_TYPE_NODE);
  signals[SIGNAL_EVENTS_CONNECTED] =
    g_signal_new ("events-connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
jp_meeting_client_init (JpMeetingClient *self)
{
  self->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) queued_ballot_free);
  self->ws_delay_ms = RECONNECT_FIRST_MS;
}

/* ---- the offline queue ---- */

static void
queue_save (JpMeetingClient *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->queue_path);
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < self->queue->len; i++)
    {
      QueuedBallot *q = self->queue->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, q->round_id);
      json_builder_set_member_name (b, "marks");
      json_builder_begin_array (b);
      for (guint k = 0; q->marks[k] != NULL; k++)
        json_builder_add_string_value (b, q->marks[k]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "idempotency_key");
      json_builder_add_string_value (b, q->key);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, TRUE);
  g_mkdir_with_parents (dir, 0700);
  /* g_file_set_contents writes a temporary file and renames it: never half a queue. */
  if (!g_file_set_contents_full (self->queue_path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Cannot keep the unsent ballots in %s: %s", self->queue_path, error->message);
}

static void
queue_load (JpMeetingClient *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, self->queue_path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);
      JsonObject *o;
      JsonArray *marks;
      QueuedBallot *q;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      o = json_node_get_object (n);
      if (!json_object_has_member (o, "round") || !json_object_has_member (o, "marks") ||
          !json_object_has_member (o, "idempotency_key"))
        continue;
      marks = json_object_get_array_member (o, "marks");
      if (marks == NULL)
        continue;
      q = g_new0 (QueuedBallot, 1);
      q->round_id = json_object_get_int_member (o, "round");
      q->key = g_strdup (json_object_get_string_member (o, "idempotency_key"));
      q->marks = g_new0 (char *, json_array_get_length (marks) + 1);
      for (guint k = 0; k < json_array_get_length (marks); k++)
        q->marks[k] = g_strdup (json_array_get_string_element (marks, k));
      if (q->key != NULL)
        g_ptr_array_add (self->queue, q);
      else
        queued_ballot_free (q);
    }
}

/**
 * jp_meeting_client_new:
 * @base_uri: "https://HOST:PORT" of the host
 * @queue_path: (nullable): file of the offline ballot queue
 *
 * Returns: (transfer full): a client, not logged in.
 */
JpMeetingClient *
jp_meeting_client_new (const char *base_uri,
                       const char *queue_path)
{
  JpMeetingClient *self;

  g_return_val_if_fail (base_uri != NULL, NULL);
  self = g_object_new (JP_TYPE_MEETING_CLIENT, NULL);
  /* The host is on the room's network: never through a system proxy. No CA database: the
   * host's certificate is self-signed, and a certificate is trusted only by its pinned
   * fingerprint (on_accept_certificate), never because some CA signed it. */
  self->session = soup_session_new_with_options ("timeout", 15, "idle-timeout", 60,
                                                 "proxy-resolver", NULL, "tls-database", NULL,
                                                 NULL);
  self->base_uri = g_str_has_suffix (base_uri, "/") ? g_strndup (base_uri, strlen (base_uri) - 1)
                                                    : g_strdup (base_uri);
  self->host_port = strstr (self->base_uri, "://") != NULL ? strstr (self->base_uri, "://") + 3
                                                           : self->base_uri;
  self->queue_path = queue_path != NULL
    ? g_strdup (queue_path)
    : g_build_filename (g_get_user_data_dir (), "jiangping", "ballot-queue.json", NULL);
  queue_load (self);
  return self;
}

const char *
jp_meeting_client_get_token (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->token;
}

const char *
jp_meeting_client_get_member_code (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->member_code;
}

void
jp_meeting_client_set_pinned_fingerprint (JpMeetingClient *self,
                                          const char      *fingerprint)
{
  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  if (g_strcmp0 (self->pinned, fingerprint) == 0)
    return;
  g_free (self->pinned);
  self->pinned = g_strdup (fingerprint);
  /* a connection accepted under the old pin must not carry on under the new one */
  soup_session_abort (self->session);
}

const char *
jp_meeting_client_get_pinned_fingerprint (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->pinned;
}

const char *
jp_meeting_client_get_host_fingerprint (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->host_fingerprint;
}

const char *
jp_meeting_client_get_host_port (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->host_port;
}

/* The only gate of TLS: emitted during every handshake (there is no CA database, so every
 * certificate "fails" validation). Accepts the host's certificate only when its fingerprint
 * is the pinned one. Refusing ends the handshake before a byte of the request (PIN, token,
 * ballot) is written. */
static gboolean
accept_certificate (JpMeetingClient *self,
                    GTlsCertificate *certificate)
{
  g_autofree char *fingerprint = jp_meeting_tls_fingerprint (certificate);

  g_free (self->host_fingerprint);
  self->host_fingerprint = g_strdup (fingerprint);
  return fingerprint != NULL && self->pinned != NULL && g_str_equal (fingerprint, self->pinned);
}

static void
set_certificate_error (JpMeetingClient  *self,
                       GError          **error)
{
  if (self->pinned == NULL)
    g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE,
                 _("This station does not know the host at %s yet. Its certificate "
                   "fingerprint is %s: check that the chair’s screen shows the same "
                   "fingerprint beside the address before you log in."),
                 self->host_port, self->host_fingerprint != NULL ? self->host_fingerprint : "?");
  else
    g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE,
                 _("Warning: the host at %s shows the certificate fingerprint %s, but this "
                   "station trusts %s for that address. Nothing was sent. Do not log in: tell "
                   "the chair, someone on the network may be posing as the host."),
                 self->host_port, self->host_fingerprint != NULL ? self->host_fingerprint : "?",
                 self->pinned);
}

guint
jp_meeting_client_get_n_queued (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), 0);
  return self->queue->len;
}

/* ---- requests ---- */

typedef struct {
  JpMeetingClient *client;   /* borrowed: the task holds it */
  SoupMessage *msg;
  char        *reason;
  gboolean     want_bytes;
  gboolean     refused;    /* the host's certificate was refused (not the pinned one) */
  QueuedBallot *ballot;    /* submit: the queued entry (borrowed from the queue) */
} Request;

static void
request_free (Request *r)
{
  if (r->msg != NULL)
    g_signal_handlers_disconnect_by_data (r->msg, r);
  g_clear_object (&r->msg);
  g_free (r->reason);
  g_free (r);
}

const char *
jp_meeting_client_request_reason (GAsyncResult *result)
{
  Request *r;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  r = g_task_get_task_data (G_TASK (result));
  return r != NULL ? r->reason : NULL;
}

static JpMeetingError
error_for_status (guint status)
{
  switch (status)
    {
    case 401:
      return JP_MEETING_ERROR_UNAUTHORIZED;
    case 403: case 409: case 429:
      return JP_MEETING_ERROR_REFUSED;
    case 404:
      return JP_MEETING_ERROR_NOT_FOUND;
    case 400: case 405: case 411: case 413:
      return JP_MEETING_ERROR_BAD_REQUEST;
    default:
      return status >= 500 ? JP_MEETING_ERROR_NETWORK : JP_MEETING_ERROR_FAILED;
    }
}

static void
request_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                               &error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  guint status;
  JsonNode *root = NULL;

  if (body == NULL && r->refused)
    {
      GError *refusal = NULL;

      set_certificate_error (r->client, &refusal);
      g_task_return_error (task, refusal);
      return;
    }
  if (body == NULL)
    {
      g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK,
                               _("The host cannot be reached: %s"), error->message);
      return;
    }
  status = soup_message_get_status (r->msg);
  if (status == 200 && r->want_bytes)
    {
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      return;
    }
  if (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                  g_bytes_get_size (body), NULL))
    root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, JP_MEETING_ERROR, error_for_status (status),
                               _("The host sent a reply this station does not understand "
                                 "(HTTP %u)."), status);
      return;
    }
  if (status >= 200 && status < 300)
    {
      g_task_return_pointer (task, json_object_ref (json_node_get_object (root)),
                             (GDestroyNotify) json_object_unref);
      return;
    }
  r->reason = g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                                     "reason", NULL));
  g_task_return_new_error (task, JP_MEETING_ERROR, error_for_status (status), "%s",
                           json_object_get_string_member_with_default (
                             json_node_get_object (root), "message", _("Refused by the host.")));
}

static gboolean
on_request_accept_certificate (SoupMessage          *msg,
                               GTlsCertificate      *certificate,
                               GTlsCertificateFlags  errors,
                               Request              *r)
{
  gboolean accepted = accept_certificate (r->client, certificate);

  r->refused = !accepted;
  return accepted;
}

static GTask *
request_start (JpMeetingClient     *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               gboolean             want_bytes,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autofree char *uri = g_strconcat (self->base_uri, "/api/v1", path, NULL);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  r->client = self;
  r->want_bytes = want_bytes;
  if (!jp_meeting_tls_check_backend (&error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return NULL;
    }
  /* PINs, tokens and ballots never cross the room's network in the clear */
  if (g_ascii_strncasecmp (self->base_uri, "https://", 8) != 0)
    {
      g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                               _("“%s” is not an encrypted (https://) host address."),
                               self->base_uri);
      g_object_unref (task);
      return NULL;
    }
  r->msg = soup_message_new (method, uri);
  if (r->msg == NULL)
    {
      g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                               _("“%s” is not a valid host address."), self->base_uri);
      g_object_unref (task);
      return NULL;
    }
  g_signal_connect (r->msg, "accept-certificate", G_CALLBACK (on_request_accept_certificate),
                    r);
  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (r->msg),
                                    "Authorization", auth);
    }
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      soup_message_set_request_body_from_bytes (r->msg, "application/json", bytes);
    }
  return task;
}

static void
request_send (JpMeetingClient *self,
              GTask           *task)
{
  Request *r = g_task_get_task_data (task);

  soup_session_send_and_read_async (self->session, r->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_done, task);
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpMeetingClient *self = g_task_get_source_object (task);
  GError *error = NULL;
  JsonObject *reply = g_task_propagate_pointer (G_TASK (result), &error);
  Request *inner = g_task_get_task_data (G_TASK (result));
  Request *outer = g_task_get_task_data (task);

  if (reply == NULL)
    {
      outer->reason = g_strdup (inner->reason);
      g_task_return_error (task, error);
      return;
    }
  g_free (self->token);
  self->token = g_strdup (json_object_get_string_member_with_default (reply, "token", NULL));
  g_free (self->member_code);
  if (json_object_has_member (reply, "member"))
    self->member_code = g_strdup (json_object_get_string_member_with_default (
                                    json_object_get_object_member (reply, "member"),
                                    "code", NULL));
  g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
}

void
jp_meeting_client_login_async (JpMeetingClient     *self,
                               const char          *member_code,
                               const char          *pin,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  GTask *outer, *inner;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  g_return_if_fail (member_code != NULL && pin != NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member_code");
  json_builder_add_string_value (b, member_code);
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, pin);
  json_builder_end_object (b);
  body = json_builder_get_root (b);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, jp_meeting_client_login_async);
  g_task_set_task_data (outer, g_new0 (Request, 1), (GDestroyNotify) request_free);
  inner = request_start (self, "POST", "/session", body, FALSE, cancellable, login_done, outer,
                         jp_meeting_client_login_async);
  if (inner != NULL)
    request_send (self, inner);
}

JsonObject *
jp_meeting_client_login_finish (JpMeetingClient  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
jp_meeting_client_get_async (JpMeetingClient     *self,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  g_return_if_fail (path != NULL);
  task = request_start (self, "GET", path, NULL, FALSE, cancellable, callback, user_data,
                        jp_meeting_client_get_async);
  if (task != NULL)
    request_send (self, task);
}

void
jp_meeting_client_send_async (JpMeetingClient     *self,
                              const char          *method,
                              const char          *path,
                              JsonNode            *body,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);
  task = request_start (self, method, path, body, FALSE, cancellable, callback, user_data,
                        jp_meeting_client_get_async);
  if (task == NULL)
    return;
  /* A draft (PUT) replaces itself and a sheet sent with its idempotency key is stored once
   * (the host answers a resent one as accepted), so, like a ballot, they may go over the open
   * connection: libsoup gives a POST a new connection otherwise, a new TLS handshake per
   * sheet when the whole panel submits at once (meeting-defence-60). */
  if (g_str_equal (method, "PUT")
      || (body != NULL && JSON_NODE_HOLDS_OBJECT (body)
          && json_object_has_member (json_node_get_object (body), "idempotency_key")))
    soup_message_add_flags (((Request *) g_task_get_task_data (task))->msg,
                            SOUP_MESSAGE_IDEMPOTENT);
  request_send (self, task);
}

static void
logout_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpMeetingClient *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(JsonObject) reply = g_task_propagate_pointer (G_TASK (result), &error);

  /* the session is over for this station either way: a token the host no longer knows is
   * as good as gone */
  jp_meeting_client_disconnect_events (self);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->member_code, g_free);
  if (reply == NULL && !g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_UNAUTHORIZED))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  g_task_return_boolean (task, TRUE);
}

void
jp_meeting_client_logout_async (JpMeetingClient     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *outer, *inner;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, jp_meeting_client_logout_async);
  g_task_set_task_data (outer, g_new0 (Request, 1), (GDestroyNotify) request_free);
  inner = request_start (self, "DELETE", "/session", NULL, FALSE, cancellable, logout_done,
                         outer, jp_meeting_client_logout_async);
  if (inner != NULL)
    request_send (self, inner);
}

gboolean
jp_meeting_client_logout_finish (JpMeetingClient  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

JsonObject *
jp_meeting_client_get_finish (JpMeetingClient  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
jp_meeting_client_get_evidence_async (JpMeetingClient     *self,
                                      const char          *sha256,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  g_return_if_fail (sha256 != NULL);
  path = g_strconcat ("/evidence/", sha256, NULL);
  task = request_start (self, "GET", path, NULL, TRUE, cancellable, callback, user_data,
                        jp_meeting_client_get_evidence_async);
  if (task != NULL)
    request_send (self, task);
}

GBytes *
jp_meeting_client_get_evidence_finish (JpMeetingClient  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- ballots ---- */

static JsonNode *
ballot_body (QueuedBallot *q)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "marks");
  json_builder_begin_array (b);
  for (guint i = 0; q->marks[i] != NULL; i++)
    json_builder_add_string_value (b, q->marks[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "idempotency_key");
  json_builder_add_string_value (b, q->key);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
ballot_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpMeetingClient *self = g_task_get_source_object (task);
  Request *inner = g_task_get_task_data (G_TASK (result));
  Request *outer = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonObject) reply = g_task_propagate_pointer (G_TASK (result), &error);

  outer->reason = g_strdup (inner->reason);
  /* Accepted or refused for good: out of the queue. A network failure, a host error or a
   * certificate this station does not trust (nothing was sent) keeps it for the next try. */
  if (reply != NULL || (!g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK) &&
                        !g_error_matches (error, JP_MEETING_ERROR,
                                          JP_MEETING_ERROR_CERTIFICATE)))
    {
      if (g_ptr_array_remove (self->queue, outer->ballot))
        queue_save (self);
    }
  outer->ballot = NULL;
  if (reply != NULL)
    g_task_return_boolean (task, TRUE);
  else
    {
      if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK))
        g_prefix_error_literal (&error, _("The ballot is kept on this station and will be "
                                          "sent again when the host is back. "));
      g_task_return_error (task, error);
    }
}

static void
send_queued (JpMeetingClient     *self,
             QueuedBallot        *q,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/ballot", q->round_id);
  g_autoptr(JsonNode) body = ballot_body (q);
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);
  GTask *inner;

  g_task_set_source_tag (outer, jp_meeting_client_submit_ballot_async);
  r->ballot = q;
  g_task_set_task_data (outer, r, (GDestroyNotify) request_free);
  inner = request_start (self, "POST", path, body, FALSE, cancellable, ballot_done, outer,
                         jp_meeting_client_submit_ballot_async);
  if (inner != NULL)
    {
      /* The idempotency key makes a resent ballot harmless, so the ballot may go over the
       * open connection: libsoup gives a POST a new connection otherwise, which over TLS is
       * a new handshake per ballot when the whole room votes at once. */
      soup_message_add_flags (((Request *) g_task_get_task_data (inner))->msg,
                              SOUP_MESSAGE_IDEMPOTENT);
      request_send (self, inner);
    }
}

void
jp_meeting_client_submit_ballot_async (JpMeetingClient     *self,
                                       gint64               round_id,
                                       const char *const   *marks,
                                       const char          *idempotency_key,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  QueuedBallot *q;
  g_autofree char *key = NULL;
  GError *error = NULL;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  key = idempotency_key != NULL ? g_strdup (idempotency_key) : jp_random_hex (16, &error);
  if (key == NULL)
    {
      g_task_report_error (self, callback, user_data, jp_meeting_client_submit_ballot_async,
                           error);
      return;
    }
  q = g_new0 (QueuedBallot, 1);
  q->round_id = round_id;
  q->marks = marks != NULL ? g_strdupv ((char **) marks) : g_new0 (char *, 1);
  q->key = g_steal_pointer (&key);
  g_ptr_array_add (self->queue, q);
  queue_save (self);
  send_queued (self, q, cancellable, callback, user_data);
}

gboolean
jp_meeting_client_submit_ballot_finish (JpMeetingClient  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void flush_next (GTask *task);

static void
flush_one_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!jp_meeting_client_submit_ballot_finish (JP_MEETING_CLIENT (source), result, &error) &&
      (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK) ||
       g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE)))
    {
      JpMeetingClient *self = g_task_get_source_object (task);

      self->flushing = FALSE;
      g_task_return_int (task, self->queue->len);
      g_object_unref (task);
      return;
    }
  if (error != NULL)
    g_message ("A queued ballot was refused by the host: %s", error->message);
  flush_next (task);
}

static void
flush_next (GTask *task)
{
  JpMeetingClient *self = g_task_get_source_object (task);
  guint *index = g_task_get_task_data (task);

  /* Entries leave the queue when answered, so the next one is always at the front, except
   * those queued meanwhile (sent by their own call) which we leave alone. */
  if (self->queue->len == 0 || *index >= 64)
    {
      self->flushing = FALSE;
      g_task_return_int (task, self->queue->len);
      g_object_unref (task);
      return;
    }
  (*index)++;
  send_queued (self, self->queue->pdata[0], g_task_get_cancellable (task), flush_one_done,
               task);
}

void
jp_meeting_client_flush_queue_async (JpMeetingClient     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_client_flush_queue_async);
  g_task_set_task_data (task, g_new0 (guint, 1), g_free);
  self->flushing = TRUE;
  flush_next (task);
}

guint
jp_meeting_client_flush_queue_finish (JpMeetingClient  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? 0 : (guint) n;
}

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
  g_signal_emit (self, signals[SIGNAL_EVENTS_CONNECTED], 0, connected);
}

static void
flush_after_reconnect (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  jp_meeting_client_flush_queue_finish (JP_MEETING_CLIENT (source), result, NULL);
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
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, event, json_object_get_member (o, "data"));
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
          set_certificate_error (self, &refusal);
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
  gboolean accepted = accept_certificate (self, certificate);

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
