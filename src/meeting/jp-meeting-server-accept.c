/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "jp-meeting-server-private.h"
#include "jp-meeting-tls.h"

/* The accept path of the meeting server and its bookkeeping of connections: the host accepts
 * connections itself (a failing accept cannot end the listening), watches each until its
 * first bytes, hands it to libsoup under TLS, and counts connections per peer. */

static void conn_gone (gpointer data, GObject *where_the_object_was);

void
jp_meeting_server_conn_free (Conn *c)
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
    jp_meeting_server_conn_free (c);
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
void
jp_meeting_server_on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    JpMeetingServer   *self)
{
  Conn *c = conn_for_message (self, msg);

  if (c == NULL)
    return;
  g_clear_handle_id (&c->timeout, g_source_remove);
  c->timeout = g_timeout_add (self->request_timeout_ms, conn_timed_out, c);
}

void
jp_meeting_server_on_request_read (SoupServer        *server,
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
  /* No trust database: the host asks no station for a certificate (a station proves who
   * it is with its PIN), and glib-networking 2.74 would otherwise parse the system's whole
   * CA list into the credentials of every connection: about 25 ms of the main loop per
   * connection on a loaded machine (0.01 ms without), for 60 stations connecting at once. */
  tls = g_initable_new (g_tls_backend_get_server_connection_type (g_tls_backend_get_default ()),
                        NULL, &error,
                        "base-io-stream", connection,
                        "certificate", soup_server_get_tls_certificate (self->server),
                        "database", NULL,
                        NULL);
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

void
jp_meeting_server_stop_listening (JpMeetingServer *self)
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
  jp_meeting_server_stop_listening (self);
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
  jp_meeting_server_stop_listening (self);
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
