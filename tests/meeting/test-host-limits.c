/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "meeting-test-util.h"

/* A host nobody on the LAN can stop: idle connections, a descriptor flood, a huge declared
 * body and many connections from one address, made with raw connections on 127.0.0.1 only,
 * over TLS (meeting-test-util.h) but for the flood, which never sends a byte.
 * Some cases run the real `jiangping-cli serve` as a child with the desktop's default limit
 * on open files (1,024), the others a host in this process. */

typedef struct {
  char             *dir;
  char             *db;
  GHashTable       *pins;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;   /* in-process cases */
  GSubprocess      *child;    /* `jiangping-cli serve` cases */
  guint             port;
  char             *fingerprint;   /* of the host's certificate, as it printed it */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jp-host-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (f->db, 0, f->pins);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->child != NULL)
    {
      g_subprocess_send_signal (f->child, SIGTERM);
      g_subprocess_wait (f->child, NULL, NULL);
      g_clear_object (&f->child);
    }
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->fingerprint);
  g_hash_table_unref (f->pins);
}

static void
start_in_process (Fixture *f, guint max_per_peer, guint timeout_ms)
{
  g_autoptr(GError) error = NULL;

  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  jp_meeting_server_set_limits (f->server, max_per_peer, timeout_ms);
  g_assert_true (jp_meeting_server_listen_local (f->server, 0, &error));
  g_assert_no_error (error);
  f->port = jp_meeting_server_get_port (f->server);
  f->fingerprint = g_strdup (jp_meeting_server_get_fingerprint (f->server));
}

typedef struct {
  rlim_t soft, hard;
} Limits;

static void
child_limits (gpointer user_data)
{
  Limits *l = user_data;
  struct rlimit r = { l->soft, l->hard };

  setrlimit (RLIMIT_NOFILE, &r);
  prctl (PR_SET_PDEATHSIG, SIGTERM);   /* no host left behind by a failed test */
}

/* Runs `jiangping-cli serve --local --port 0` on the election, with the given limits on
 * open files and extra environment (NAME=VALUE, NULL-terminated). */
static void
start_child (Fixture *f, rlim_t soft, rlim_t hard, const char *const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  static Limits limits;
  const char *cli = g_getenv ("JP_CLI");

  g_assert_nonnull (cli);
  g_clear_object (&f->store);   /* the child owns the election now */
  limits.soft = soft;
  limits.hard = hard;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  g_subprocess_launcher_set_child_setup (launcher, child_limits, &limits, NULL);
  f->child = g_subprocess_launcher_spawn (launcher, &error, cli, "serve", "--db", f->db,
                                          "--local", "--port", "0", "--json", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->child));
  /* the JSON object, pretty-printed: up to its closing line */
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_string_append (text, line);
      if (g_str_equal (line, "}"))
        break;
    }
  g_assert_true (json_parser_load_from_data (parser, text->str, -1, NULL));
  f->port = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                        "port");
  g_assert_cmpuint (f->port, >, 0);
  f->fingerprint = g_strdup (json_object_get_string_member (
      json_node_get_object (json_parser_get_root (parser)), "fingerprint"));
  g_assert_nonnull (f->fingerprint);
}

static guint64
child_rss_kib (Fixture *f)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status",
                                           g_subprocess_get_identifier (f->child));
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static guint
child_open_files (Fixture *f)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd", g_subprocess_get_identifier (f->child));
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* This test process needs more than 1,100 descriptors for its own ends. */
static gboolean
raise_own_limit (rlim_t needed)
{
  struct rlimit r;

  g_assert_cmpint (getrlimit (RLIMIT_NOFILE, &r), ==, 0);
  if (r.rlim_max != RLIM_INFINITY && r.rlim_max < needed)
    return FALSE;
  r.rlim_cur = r.rlim_max;
  return setrlimit (RLIMIT_NOFILE, &r) == 0;
}

static int
raw_connect (guint port, gboolean wait)
{
  struct sockaddr_in sa = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | (wait ? 0 : SOCK_NONBLOCK), 0);
  int rc;

  g_assert_cmpint (fd, >=, 0);
  sa.sin_family = AF_INET;
  sa.sin_port = htons (port);
  sa.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  rc = connect (fd, (struct sockaddr *) &sa, sizeof sa);
  g_assert_true (rc == 0 || (!wait && errno == EINPROGRESS));
  return fd;
}

/* A TLS connection to the host that trusts its certificate only, handshake done. */
static GIOStream *
tls_open (Fixture *f)
{
  g_autoptr(GIOStream) stream = test_raw_open (f->port, f->fingerprint);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (stream);
  g_assert_true (test_raw_handshake (stream, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&stream);
}

#define STATE_REQUEST "GET /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

/* A real login over HTTPS (a new connection) to a host in another process; returns the
 * HTTP status (0 when the host does not answer within the session's timeout). */
static guint
login (Fixture *f, const char *code)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                  "timeout", 10, NULL);
  g_autofree char *uri = g_strdup_printf ("https://127.0.0.1:%u/api/v1/session", f->port);
  g_autofree char *body = g_strdup_printf ("{\"member_code\":\"%s\",\"pin\":\"%s\"}", code,
                                           (char *) g_hash_table_lookup (f->pins, code));
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) reply = NULL;

  test_message_trust (msg, f->fingerprint);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  if (reply != NULL && soup_message_get_status (msg) == 200)
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply),
                                    "\"token\""));
  return soup_message_get_status (msg);
}

/* Connections that send nothing (not even a TLS ClientHello), stop in the middle of the
 * TLS handshake, or send half a request, are closed by the host after the request timeout;
 * a connection that asks is kept alive between its requests. */
static void
test_idle_timeout (Fixture *f, gconstpointer data)
{
  g_autoptr(GIOStream) silent = NULL;
  g_autoptr(GIOStream) hello = NULL;
  g_autoptr(GIOStream) half = NULL;
  g_autoptr(GIOStream) alive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head1 = NULL;
  g_autofree char *head2 = NULL;
  g_autofree char *body = NULL;
  static const guint8 client_hello_start[] = { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01 };

  start_in_process (f, JP_MEETING_MAX_PER_PEER, 300);
  silent = test_raw_tcp (f->port);
  hello = test_raw_tcp (f->port);
  g_assert_true (test_raw_send (hello, client_hello_start, sizeof client_hello_start, &error));
  g_assert_no_error (error);
  half = tls_open (f);
  g_assert_true (test_raw_send (half, "GET /api/v1/state HTTP/1.1\r\nHo", 30, &error));
  g_assert_no_error (error);
  g_assert_true (test_raw_wait_closed (silent));
  g_assert_true (test_raw_wait_closed (hello));
  g_assert_true (test_raw_wait_closed (half));

  alive = tls_open (f);
  head1 = test_raw_exchange (alive, STATE_REQUEST);
  g_assert_true (g_str_has_prefix (head1, "HTTP/1.1 401"));
  body = test_raw_body (alive, test_raw_content_length (head1));
  g_assert_nonnull (strstr (body, "\"status\""));
  g_clear_pointer (&body, g_free);
  head2 = test_raw_exchange (alive, STATE_REQUEST);
  g_assert_true (g_str_has_prefix (head2, "HTTP/1.1 401"));
  body = test_raw_body (alive, test_raw_content_length (head2));
  /* and it too goes when it stays silent */
  g_assert_true (test_raw_wait_closed (alive));
}

/* One address gets JP_MEETING_MAX_PER_PEER connections; one more is closed at once while
 * the others stay open and are served; when they close, the address is served again. */
static void
test_per_peer_cap (Fixture *f, gconstpointer data)
{
  GIOStream *streams[JP_MEETING_MAX_PER_PEER];
  g_autoptr(GIOStream) extra = NULL;
  gboolean served = FALSE;
  gint64 deadline;

  start_in_process (f, JP_MEETING_MAX_PER_PEER, 60 * 1000);
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    streams[i] = tls_open (f);
  extra = test_raw_open (f->port, f->fingerprint);
  g_assert_nonnull (extra);
  g_assert_true (test_raw_wait_closed (extra));
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      g_autofree char *h = NULL;

      g_assert_false (test_raw_closed_now (streams[i]));
      /* each is served, and stays open for its next request */
      h = test_raw_exchange (streams[i], STATE_REQUEST);
      g_assert_true (g_str_has_prefix (h, "HTTP/1.1 401"));
      g_free (test_raw_body (streams[i], test_raw_content_length (h)));
      g_assert_false (test_raw_closed_now (streams[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      g_assert_true (g_io_stream_close (streams[i], NULL, NULL));
      g_object_unref (streams[i]);
    }

  /* the host notices the closed connections in its own time: ask until it answers */
  deadline = g_get_monotonic_time () + TEST_RAW_DEADLINE_S * G_USEC_PER_SEC;
  while (!served && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GIOStream) again = test_raw_open (f->port, f->fingerprint);
      g_autofree char *head = test_raw_exchange (again, STATE_REQUEST);

      served = g_str_has_prefix (head, "HTTP/1.1 401");
    }
  g_assert_true (served);
}

/* The listening socket breaks (here: shut down under the host): the host listens again on
 * the same port. */
static void
test_listener_recreated (Fixture *f, gconstpointer data)
{
  int listener = -1;
  gboolean served = FALSE;
  gint64 deadline;

  start_in_process (f, JP_MEETING_MAX_PER_PEER, 60 * 1000);
  for (int fd = 0; fd < 1024 && listener < 0; fd++)
    {
      struct sockaddr_in sa;
      socklen_t len = sizeof sa;
      int accepting = 0;
      socklen_t alen = sizeof accepting;

      if (getsockname (fd, (struct sockaddr *) &sa, &len) == 0 && sa.sin_family == AF_INET &&
          ntohs (sa.sin_port) == f->port &&
          getsockopt (fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &alen) == 0 && accepting)
        listener = fd;
    }
  g_assert_cmpint (listener, >=, 0);
  g_assert_cmpint (shutdown (listener, SHUT_RDWR), ==, 0);

  deadline = g_get_monotonic_time () + TEST_RAW_DEADLINE_S * G_USEC_PER_SEC;
  while (!served && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GIOStream) stream = test_raw_open (f->port, f->fingerprint);

      if (stream != NULL)
        {
          g_autofree char *head = test_raw_exchange (stream, STATE_REQUEST);

          served = g_str_has_prefix (head, "HTTP/1.1 401");
        }
      else   /* the host retries on its own clock */
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (served);
  g_assert_cmpuint (jp_meeting_server_get_port (f->server), ==, f->port);
}

/* The desktop's limit of 1,024 descriptors, 1,100 idle connections (no limit per peer, so
 * the host runs out of descriptors): after they close, a member logs in. */
static void
test_descriptor_flood (Fixture *f, gconstpointer data)
{
  /* The host closes the idle connections itself after 6 s: the flood must have held every
   * descriptor it may have by then, and the logins after it are answered once it has. */
  const char *env[] = { "JP_MEETING_MAX_PER_PEER=0", "JP_MEETING_REQUEST_TIMEOUT_MS=6000",
                        NULL };
  int fds[1100];
  gint64 deadline;
  guint base, peak = 0;

  if (!raise_own_limit (G_N_ELEMENTS (fds) + 200))
    {
      g_test_skip ("this process may not open 1,300 files");
      return;
    }
  start_child (f, 1024, 1024, env);
  g_assert_cmpuint (login (f, "M01"), ==, 200);

  /* in steps, so that the host's accept queue never overflows (the kernel would drop those
   * connections): the host takes all the descriptors it may have, about 1,000 */
  base = child_open_files (f);
  deadline = g_get_monotonic_time () + 3 * TEST_RAW_DEADLINE_S * G_USEC_PER_SEC;
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    {
      fds[i] = raw_connect (f->port, FALSE);
      if ((i + 1) % 50 != 0 && i + 1 != G_N_ELEMENTS (fds))
        continue;
      while ((peak = MAX (peak, child_open_files (f))) < MIN (base + i + 1, 1000) &&
             g_get_monotonic_time () < deadline)
        {
          struct pollfd p = { fds[0], POLLIN, 0 };

          poll (&p, 1, 10);
        }
    }
  g_test_message ("the host held %u descriptors at the most", peak);
  g_assert_cmpuint (peak, >=, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (fds); i++)
    close (fds[i]);

  g_assert_cmpuint (login (f, "M02"), ==, 200);
  g_assert_cmpuint (login (f, "M01"), ==, 200);
}

/* `jiangping-cli serve` raises its soft limit on open files to the hard limit. */
static void
test_raises_limit (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *line;
  struct rlimit r;

  g_assert_cmpint (getrlimit (RLIMIT_NOFILE, &r), ==, 0);
  if (r.rlim_max != RLIM_INFINITY && r.rlim_max < 4096)
    {
      g_test_skip ("the hard limit on open files is below 4,096");
      return;
    }
  start_child (f, 1024, 4096, NULL);
  path = g_strdup_printf ("/proc/%s/limits", g_subprocess_get_identifier (f->child));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "Max open files");
  g_assert_nonnull (line);
  fields = g_strsplit_set (line + strlen ("Max open files"), " \n", -1);
  {
    g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

    for (guint i = 0; fields[i] != NULL; i++)
      if (g_ascii_isdigit (fields[i][0]))
        g_ptr_array_add (numbers, fields[i]);
    g_assert_cmpuint (numbers->len, >=, 2);
    g_assert_cmpstr (numbers->pdata[0], ==, "4096");
    g_assert_cmpstr (numbers->pdata[1], ==, "4096");
  }
}

/* A request declaring a 1 GiB body is answered 413 from its headers and closed, while the
 * sender keeps sending; the host does not read (or keep) the body. All over TLS. */
static void
test_huge_body (Fixture *f, gconstpointer data)
{
  static const char head[] = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/json\r\n"
                             "Content-Length: 1073741824\r\n\r\n";
  g_autofree char *chunk = g_malloc0 (64 * 1024);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GString *reply = g_string_new (NULL);
  GPollableInputStream *in;
  GPollableOutputStream *out;
  guint64 before, after;
  gsize sent = 0;
  gboolean closed = FALSE;
  gint64 deadline;
  int fd;

  start_child (f, 1024, 1024, NULL);
  g_assert_cmpuint (login (f, "M01"), ==, 200);
  before = child_rss_kib (f);

  /* the host is in another process: blocking calls are fine here */
  stream = test_raw_open (f->port, f->fingerprint);
  g_assert_nonnull (stream);
  g_assert_true (g_tls_connection_handshake (G_TLS_CONNECTION (stream), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (stream), head,
                                            strlen (head), NULL, NULL, &error));
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (stream), chunk,
                                            64 * 1024, NULL, NULL, &error));
  g_assert_no_error (error);
  sent = 64 * 1024;
  in = G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (stream));
  out = G_POLLABLE_OUTPUT_STREAM (g_io_stream_get_output_stream (stream));
  {
    g_autoptr(GSocketConnection) base = NULL;

    g_object_get (stream, "base-io-stream", &base, NULL);
    fd = g_socket_get_fd (g_socket_connection_get_socket (base));
  }
  /* send up to 256 MiB of the body, reading whatever the host answers */
  deadline = g_get_monotonic_time () + TEST_RAW_DEADLINE_S * G_USEC_PER_SEC;
  while (!closed && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GError) write_error = NULL;
      struct pollfd p = { fd, POLLIN | (sent < 256 * 1024 * 1024 ? POLLOUT : 0), 0 };
      char buf[4096];
      gssize n;

      n = g_pollable_input_stream_read_nonblocking (in, buf, sizeof buf, NULL, &read_error);
      if (n > 0)
        {
          g_string_append_len (reply, buf, n);
          continue;
        }
      if (n == 0 || !g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          closed = TRUE;
          continue;
        }
      if (sent < 256 * 1024 * 1024)
        {
          n = g_pollable_output_stream_write_nonblocking (out, chunk, 64 * 1024, NULL,
                                                          &write_error);
          if (n > 0)
            {
              sent += n;
              continue;
            }
          if (!g_error_matches (write_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            {
              closed = TRUE;
              continue;
            }
        }
      poll (&p, 1, 100);
    }
  g_io_stream_close (stream, NULL, NULL);
  after = child_rss_kib (f);
  g_test_message ("sent %zu bytes of the body; host RSS %" G_GUINT64_FORMAT " -> %"
                  G_GUINT64_FORMAT " KiB", sent, before, after);
  g_assert_true (closed);
  g_assert_true (g_str_has_prefix (reply->str, "HTTP/1.1 413"));
  g_assert_nonnull (strstr (reply->str, "Connection: close"));
  g_assert_nonnull (strstr (reply->str, "\"too-large\""));
  g_assert_cmpuint (after, <, before + 50 * 1024);
  g_string_free (reply, TRUE);

  /* and the host goes on serving */
  g_assert_cmpuint (login (f, "M02"), ==, 200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/host/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("idle-timeout", test_idle_timeout);
  ADD ("per-peer-cap", test_per_peer_cap);
  ADD ("listener-recreated", test_listener_recreated);
  ADD ("descriptor-flood", test_descriptor_flood);
  ADD ("raises-descriptor-limit", test_raises_limit);
  ADD ("huge-body", test_huge_body);
#undef ADD
  return g_test_run ();
}
