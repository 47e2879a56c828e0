/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "jp-meeting-client-private.h"
#include "jp-meeting-tls.h"

G_DEFINE_FINAL_TYPE (JpMeetingClient, jp_meeting_client, G_TYPE_OBJECT)

enum { SIGNAL_EVENT, SIGNAL_EVENTS_CONNECTED, SIGNAL_BALLOT_REFUSED, N_SIGNALS };
static guint signals[N_SIGNALS];

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
  jp_remote_login_free (self->login);
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
  signals[SIGNAL_BALLOT_REFUSED] =
    g_signal_new ("ballot-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
jp_meeting_client_init (JpMeetingClient *self)
{
  self->queue = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jp_meeting_client_queued_ballot_free);
  self->ws_delay_ms = RECONNECT_FIRST_MS;
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
  jp_meeting_client_queue_load (self);
  return self;
}

const char *
jp_meeting_client_get_token (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->token;
}

const JpRemoteLogin *
jp_meeting_client_get_login (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), NULL);
  return self->login;
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
gboolean
jp_meeting_client_accept_certificate (JpMeetingClient *self,
                    GTlsCertificate *certificate)
{
  g_autofree char *fingerprint = jp_meeting_tls_fingerprint (certificate);

  g_free (self->host_fingerprint);
  self->host_fingerprint = g_strdup (fingerprint);
  return fingerprint != NULL && self->pinned != NULL && g_str_equal (fingerprint, self->pinned);
}

void
jp_meeting_client_set_certificate_error (JpMeetingClient  *self,
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

/* ---- requests ---- */

void
jp_meeting_client_request_free (Request *r)
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
  g_autoptr(JpRemoteRefusal) refusal = NULL;
  guint status;
  JsonNode *root = NULL;

  if (body == NULL && r->refused)
    {
      GError *refusal = NULL;

      jp_meeting_client_set_certificate_error (r->client, &refusal);
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
  refusal = jp_remote_refusal_from_json (json_node_get_object (root), status);
  r->reason = g_strdup (refusal->reason);
  g_task_return_new_error (task, JP_MEETING_ERROR, error_for_status (status), "%s",
                           refusal->message != NULL ? refusal->message
                                                    : _("Refused by the host."));
}

static gboolean
on_request_accept_certificate (SoupMessage          *msg,
                               GTlsCertificate      *certificate,
                               GTlsCertificateFlags  errors,
                               Request              *r)
{
  gboolean accepted = jp_meeting_client_accept_certificate (r->client, certificate);

  r->refused = !accepted;
  return accepted;
}

GTask *
jp_meeting_client_request_start (JpMeetingClient     *self,
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
  g_task_set_task_data (task, r, (GDestroyNotify) jp_meeting_client_request_free);
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
  /* A draft (PUT) replaces itself, and a submission carrying its idempotency key (a ballot, a
   * score sheet) is stored once however often it is sent, so they may go over the open
   * connection: libsoup gives any other POST a new connection, which over TLS is a new
   * handshake per submission when the whole room submits at once (meeting-60,
   * meeting-defence-60). */
  if (g_str_equal (method, "PUT")
      || (body != NULL && JSON_NODE_HOLDS_OBJECT (body)
          && json_object_has_member (json_node_get_object (body), "idempotency_key")))
    soup_message_add_flags (r->msg, SOUP_MESSAGE_IDEMPOTENT);
  return task;
}

void
jp_meeting_client_request_send (JpMeetingClient *self,
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
  g_autoptr(JsonObject) reply = g_task_propagate_pointer (G_TASK (result), &error);
  Request *inner = g_task_get_task_data (G_TASK (result));
  Request *outer = g_task_get_task_data (task);
  JpRemoteLogin *login;

  if (reply == NULL)
    {
      outer->reason = g_strdup (inner->reason);
      g_task_return_error (task, error);
      return;
    }
  /* a reply without a token would leave the station logged in to nothing */
  login = jp_remote_login_from_json (reply, &error);
  if (login == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_pointer (&self->login, jp_remote_login_free);
  self->login = login;
  g_free (self->token);
  self->token = g_strdup (login->token);
  g_free (self->member_code);
  self->member_code = g_strdup (login->member_code);
  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) json_object_unref);
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
  g_task_set_task_data (outer, g_new0 (Request, 1),
                        (GDestroyNotify) jp_meeting_client_request_free);
  inner = jp_meeting_client_request_start (self, "POST", "/session", body, FALSE, cancellable,
    login_done, outer, jp_meeting_client_login_async);
  if (inner != NULL)
    jp_meeting_client_request_send (self, inner);
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
  task = jp_meeting_client_request_start (self, "GET", path, NULL, FALSE, cancellable, callback,
    user_data, jp_meeting_client_get_async);
  if (task != NULL)
    jp_meeting_client_request_send (self, task);
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
  task = jp_meeting_client_request_start (self, method, path, body, FALSE, cancellable, callback,
    user_data, jp_meeting_client_get_async);
  if (task != NULL)
    jp_meeting_client_request_send (self, task);
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
  g_clear_pointer (&self->login, jp_remote_login_free);
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
  g_task_set_task_data (outer, g_new0 (Request, 1),
                        (GDestroyNotify) jp_meeting_client_request_free);
  inner = jp_meeting_client_request_start (self, "DELETE", "/session", NULL, FALSE, cancellable,
    logout_done, outer, jp_meeting_client_logout_async);
  if (inner != NULL)
    jp_meeting_client_request_send (self, inner);
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
  task = jp_meeting_client_request_start (self, "GET", path, NULL, TRUE, cancellable, callback,
    user_data, jp_meeting_client_get_evidence_async);
  if (task != NULL)
    jp_meeting_client_request_send (self, task);
}

GBytes *
jp_meeting_client_get_evidence_finish (JpMeetingClient  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
jp_meeting_client_emit_event (JpMeetingClient *self,
                              const char      *type,
                              JsonNode        *data)
{
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, type, data);
}

void
jp_meeting_client_emit_connected (JpMeetingClient *self,
                                  gboolean         connected)
{
  g_signal_emit (self, signals[SIGNAL_EVENTS_CONNECTED], 0, connected);
}

void
jp_meeting_client_emit_ballot_refused (JpMeetingClient *self,
                                       gint64           round_id,
                                       const char      *message)
{
  g_signal_emit (self, signals[SIGNAL_BALLOT_REFUSED], 0, round_id, message);
}


