/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "meeting-test-util.h"
#include "store/jp-store-tls.h"

/* TLS on the room's network: the host's own certificate, its fingerprint, and stations that
 * trust only the fingerprint the member confirmed. */

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  gint64            round;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jp-tls-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (path, 0, f->pins);
  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);
  f->round = jp_meeting_service_open_round (f->service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_hash_table_unref (f->pins);
}

static JsonObject *
login (JpMeetingClient *client, const char *code, const char *pin, GError **error)
{
  GAsyncResult *res = NULL;
  JsonObject *reply;

  jp_meeting_client_login_async (client, code, pin, NULL, test_async_done, &res);
  reply = jp_meeting_client_login_finish (client, test_wait (&res), error);
  g_object_unref (res);
  return reply;
}

static gboolean
submit (JpMeetingClient *client, gint64 round, const char *mark, GError **error)
{
  const char *marks[] = { mark, NULL };
  GAsyncResult *res = NULL;
  gboolean ok;

  jp_meeting_client_submit_ballot_async (client, round, marks, NULL, NULL, test_async_done,
                                         &res);
  ok = jp_meeting_client_submit_ballot_finish (client, test_wait (&res), error);
  g_object_unref (res);
  return ok;
}

static gboolean
is_fingerprint (const char *s)
{
  if (s == NULL || strlen (s) != JP_MEETING_FINGERPRINT_LENGTH)
    return FALSE;
  for (guint i = 0; i < JP_MEETING_FINGERPRINT_LENGTH; i++)
    if (i % 5 == 4 ? s[i] != '-' : !(g_ascii_isupper (s[i]) || (s[i] >= '2' && s[i] <= '7')))
      return FALSE;
  return TRUE;
}

/* ---- a fake host: TLS with another certificate, recording every byte it receives ---- */

typedef struct {
  GSocketService  *service;
  GTlsCertificate *certificate;
  GByteArray      *received;
  guint            port;
  gboolean         accepted;
  gboolean         closed;
  GIOStream       *tls;
  guint8           buffer[4096];
} Recorder;

static void
recorder_read (Recorder *r);

static void
recorder_read_done (GObject *source, GAsyncResult *res, gpointer data)
{
  Recorder *r = data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), res, NULL);

  if (n <= 0)
    {
      r->closed = TRUE;
      return;
    }
  g_byte_array_append (r->received, r->buffer, n);
  recorder_read (r);
}

static void
recorder_read (Recorder *r)
{
  g_input_stream_read_async (g_io_stream_get_input_stream (r->tls), r->buffer,
                             sizeof r->buffer, G_PRIORITY_DEFAULT, NULL, recorder_read_done, r);
}

static gboolean
on_recorder_incoming (GSocketService *service, GSocketConnection *conn, GObject *source,
                      gpointer data)
{
  Recorder *r = data;
  g_autoptr(GError) error = NULL;

  r->accepted = TRUE;
  g_clear_object (&r->tls);
  r->tls = g_tls_server_connection_new (G_IO_STREAM (conn), r->certificate, &error);
  g_assert_no_error (error);
  recorder_read (r);
  return TRUE;
}

static Recorder *
recorder_new (void)
{
  Recorder *r = g_new0 (Recorder, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = NULL, *key = NULL, *both = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (jp_meeting_tls_generate (&cert, &key, &error));
  g_assert_no_error (error);
  both = g_strconcat (cert, key, NULL);
  r->certificate = g_tls_certificate_new_from_pem (both, -1, &error);
  g_assert_no_error (error);
  r->received = g_byte_array_new ();
  r->service = g_socket_service_new ();
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (r->service), any,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  g_assert_no_error (error);
  r->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (r->service, "incoming", G_CALLBACK (on_recorder_incoming), r);
  g_socket_service_start (r->service);
  return r;
}

static void
recorder_free (Recorder *r)
{
  g_socket_service_stop (r->service);
  g_socket_listener_close (G_SOCKET_LISTENER (r->service));
  g_clear_object (&r->service);
  if (r->tls != NULL)
    g_io_stream_close (r->tls, NULL, NULL);
  g_clear_object (&r->tls);
  g_clear_object (&r->certificate);
  g_byte_array_unref (r->received);
  g_free (r);
}

static gboolean
contains (GByteArray *data, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= data->len; i++)
    if (memcmp (data->data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* ---- cases ---- */

/* The one definition: SHA-256 of the DER, first 80 bits in RFC 4648 base32, 4-4-4-4. The
 * vectors were computed independently (Python's hashlib and base64.b32encode). */
static void
test_fingerprint_format (void)
{
  g_autofree char *abc = jp_meeting_tls_fingerprint_der ((const guint8 *) "abc", 3);
  g_autofree char *empty = jp_meeting_tls_fingerprint_der ((const guint8 *) "", 0);
  g_autofree char *typed = NULL;
  g_autofree char *misread = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (abc, ==, "XJ4B-NP4P-AHH6-UQKB");
  g_assert_cmpstr (empty, ==, "4OYM-IQUY-7QOB-JGX3");
  g_assert_true (is_fingerprint (abc));

  /* what a person types is read leniently, and means the same fingerprint */
  typed = jp_meeting_tls_parse_fingerprint (" xj4b np4p-ahh6 uqkb ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (typed, ==, abc);
  misread = jp_meeting_tls_parse_fingerprint ("4" "0YM-IQUY-7Q0B-JGX3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (misread, ==, empty);
  g_assert_null (jp_meeting_tls_parse_fingerprint ("XJ4B-NP4P-AHH6", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (jp_meeting_tls_parse_fingerprint ("XJ4B-NP4P-AHH6-UQKB-A", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (jp_meeting_tls_parse_fingerprint ("XJ4B-NP4P-AHH6-UQK9", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* The certificate is made once, kept in the election (a restarted host shows the same
 * fingerprint), self-signed for "Jiangping host", long valid, and is what the host serves. */
static void
test_certificate_kept (Fixture *f, gconstpointer data)
{
  g_autofree char *cert_pem = NULL, *key_pem = NULL, *kept_fp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMeetingServer) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gnutls_x509_crt_t crt;
  gnutls_datum_t datum;
  char cn[64];
  size_t cn_size = sizeof cn;
  guint n_made = 0;
  const char *fp = jp_meeting_server_get_fingerprint (f->server);

  g_assert_true (is_fingerprint (fp));
  g_assert_true (jp_store_get_host_tls (f->store, &cert_pem, &key_pem, &kept_fp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kept_fp, ==, fp);
  g_assert_true (g_str_has_prefix (cert_pem, "-----BEGIN CERTIFICATE-----"));
  g_assert_true (g_str_has_prefix (key_pem, "-----BEGIN PRIVATE KEY-----"));

  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  datum.data = (unsigned char *) cert_pem;
  datum.size = strlen (cert_pem);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, cn,
                                                  &cn_size), ==, 0);
  g_assert_cmpstr (cn, ==, "Jiangping host");
  g_assert_cmpint (gnutls_x509_crt_get_expiration_time (crt), >,
                   time (NULL) + (time_t) 20 * 365 * 86400);
  g_assert_cmpint (gnutls_x509_crt_get_pk_algorithm (crt, NULL), ==, GNUTLS_PK_ECDSA);
  gnutls_x509_crt_deinit (crt);

  /* a second server of the same election (the host restarted): the same certificate */
  again = jp_meeting_server_new (f->service);
  g_assert_true (jp_meeting_server_listen_local (again, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_meeting_server_get_fingerprint (again), ==, fp);
  jp_meeting_server_disconnect (again);

  audit = jp_store_list_audit (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((JpAuditEntry *) audit->pdata[i])->action, "host.certificate"))
      {
        n_made++;
        g_assert_nonnull (strstr (((JpAuditEntry *) audit->pdata[i])->payload, fp));
        g_assert_null (strstr (((JpAuditEntry *) audit->pdata[i])->payload, "PRIVATE"));
      }
  g_assert_cmpuint (n_made, ==, 1);
}

/* A station that pinned the host's fingerprint logs in, votes and gets events, all over
 * TLS; the fingerprint it saw is the one the chair shows. */
static void
test_pinned_votes (Fixture *f, gconstpointer data)
{
  g_autofree char *queue = g_build_filename (f->dir, "queue.json", NULL);
  g_autoptr(JpMeetingClient) client = test_client_new (f->server, f->base, queue);
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = jp_store_get_round (f->store, f->round, NULL);
  g_autoptr(JpRound) after = NULL;
  g_auto(GStrv) codes = jp_round_get_codes (round);

  reply = login (client, "M01", g_hash_table_lookup (f->pins, "M01"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpstr (jp_meeting_client_get_host_fingerprint (client), ==,
                   jp_meeting_server_get_fingerprint (f->server));
  g_assert_true (submit (client, f->round, codes[0], &error));
  g_assert_no_error (error);
  after = jp_store_get_round (f->store, f->round, NULL);
  g_assert_cmpint (after->n_cast, ==, 1);

  /* the events over WSS */
  jp_meeting_client_connect_events (client);
  while (!jp_meeting_client_is_events_connected (client))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (jp_meeting_server_get_n_stations (f->server), ==, 1);
  jp_meeting_client_disconnect_events (client);
}

/* The first connection to a host: nothing is sent, the station learns the fingerprint to
 * show the member; once confirmed (pinned) the login goes through. */
static void
test_first_connection (Fixture *f, gconstpointer data)
{
  g_autofree char *queue = g_build_filename (f->dir, "queue.json", NULL);
  g_autoptr(JpMeetingClient) client = jp_meeting_client_new (f->base, queue);
  g_autoptr(JsonObject) refused = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *fp = jp_meeting_server_get_fingerprint (f->server);

  g_assert_null (jp_meeting_client_get_host_fingerprint (client));
  refused = login (client, "M01", g_hash_table_lookup (f->pins, "M01"), &error);
  g_assert_null (refused);
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE);
  g_assert_cmpstr (jp_meeting_client_get_host_fingerprint (client), ==, fp);
  g_assert_nonnull (strstr (error->message, fp));
  g_assert_null (jp_meeting_client_get_token (client));
  g_clear_error (&error);

  jp_meeting_client_set_pinned_fingerprint (client, jp_meeting_client_get_host_fingerprint (
                                              client));
  reply = login (client, "M01", g_hash_table_lookup (f->pins, "M01"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_nonnull (jp_meeting_client_get_token (client));
}

/* A station that pinned one host meets another certificate at that address: refused with a
 * warning naming both fingerprints, and not one byte of the request (the PIN) is sent; a
 * ballot stays queued on the station. */
static void
test_wrong_certificate (Fixture *f, gconstpointer data)
{
  Recorder *impostor = recorder_new ();
  g_autofree char *base = g_strdup_printf ("https://127.0.0.1:%u", impostor->port);
  g_autofree char *queue = g_build_filename (f->dir, "queue.json", NULL);
  g_autoptr(JpMeetingClient) client = test_client_new (f->server, base, queue);
  g_autofree char *impostor_fp = jp_meeting_tls_fingerprint (impostor->certificate);
  const char *pin = g_hash_table_lookup (f->pins, "M01");
  const char *fp = jp_meeting_server_get_fingerprint (f->server);
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (impostor_fp, !=, fp);
  reply = login (client, "M01", pin, &error);
  g_assert_null (reply);
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, fp));
  g_assert_nonnull (strstr (error->message, impostor_fp));
  g_assert_cmpstr (jp_meeting_client_get_host_fingerprint (client), ==, impostor_fp);
  g_clear_error (&error);

  /* a ballot to that host is not sent, and not lost */
  g_assert_false (submit (client, f->round, "XT-01", &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE);
  g_assert_cmpuint (jp_meeting_client_get_n_queued (client), ==, 1);

  /* the impostor saw handshakes and nothing else */
  g_assert_true (impostor->accepted);
  while (!impostor->closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (contains (impostor->received, pin));
  g_assert_false (contains (impostor->received, "M01"));
  g_assert_cmpuint (impostor->received->len, ==, 0);
  recorder_free (impostor);
}

/* The same station, pinned to the impostor, is refused by the real host (the other way
 * round: a second real host with its own certificate). */
static void
test_second_host (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.jiangping", NULL);
  g_autoptr(JpStore) other_store = test_meeting_store (path, 0, NULL);
  g_autoptr(JpMeetingService) other_service = jp_meeting_service_new (other_store);
  g_autoptr(JpMeetingServer) other = jp_meeting_server_new (other_service);
  g_autofree char *queue = g_build_filename (f->dir, "queue.json", NULL);
  g_autoptr(JpMeetingClient) client = NULL;
  g_autofree char *other_base = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_meeting_server_listen_local (other, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_meeting_server_get_fingerprint (other), !=,
                   jp_meeting_server_get_fingerprint (f->server));
  /* pinned to the first host, talking to the second */
  other_base = test_base_uri (other);
  client = test_client_new (f->server, other_base, queue);
  reply = login (client, "M01", g_hash_table_lookup (f->pins, "M01"), &error);
  g_assert_null (reply);
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, jp_meeting_server_get_fingerprint (other)));
  g_assert_nonnull (strstr (error->message, jp_meeting_server_get_fingerprint (f->server)));
  jp_meeting_server_disconnect (other);
}

/* The host speaks only TLS: a plain HTTP request gets no reply, and the client refuses to
 * send anything to an http:// address. */
static void
test_plain_http_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                  "timeout", 10, NULL);
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/state",
                                          jp_meeting_server_get_port (f->server));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_base = g_strdup_printf ("http://127.0.0.1:%u",
                                                 jp_meeting_server_get_port (f->server));
  g_autofree char *queue = g_build_filename (f->dir, "queue.json", NULL);
  g_autoptr(JpMeetingClient) client = test_client_new (f->server, plain_base, queue);
  g_autoptr(JsonObject) reply = NULL;
  GAsyncResult *res = NULL;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_async_done,
                                    &res);
  body = soup_session_send_and_read_finish (session, test_wait (&res), &error);
  g_object_unref (res);
  g_assert_null (body);
  g_assert_nonnull (error);
  g_assert_cmpuint (soup_message_get_status (msg), !=, 200);
  g_clear_error (&error);

  reply = login (client, "M01", g_hash_table_lookup (f->pins, "M01"), &error);
  g_assert_null (reply);
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED);
}

/* The station's pins: kept per host:port, replaced by a newer confirmation, private. */
static void
test_pins_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "conf", "pins.ini", NULL);
  g_autofree char *none = NULL, *a = NULL, *b = NULL, *a2 = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  none = jp_meeting_pins_lookup (path, "10.0.0.5:8765", &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_true (jp_meeting_pins_save (path, "10.0.0.5:8765", "XJ4B-NP4P-AHH6-UQKB", &error));
  g_assert_true (jp_meeting_pins_save (path, "10.0.0.6:8765", "4OYM-IQUY-7QOB-JGX3", &error));
  g_assert_no_error (error);
  a = jp_meeting_pins_lookup (path, "10.0.0.5:8765", &error);
  b = jp_meeting_pins_lookup (path, "10.0.0.6:8765", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "XJ4B-NP4P-AHH6-UQKB");
  g_assert_cmpstr (b, ==, "4OYM-IQUY-7QOB-JGX3");
  g_assert_true (jp_meeting_pins_save (path, "10.0.0.5:8765", "4OYM-IQUY-7QOB-JGX3", &error));
  a2 = jp_meeting_pins_lookup (path, "10.0.0.5:8765", &error);
  g_assert_cmpstr (a2, ==, "4OYM-IQUY-7QOB-JGX3");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/tls/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/meeting/tls/fingerprint-format", test_fingerprint_format);
  ADD ("certificate-kept", test_certificate_kept);
  ADD ("pinned-votes", test_pinned_votes);
  ADD ("first-connection", test_first_connection);
  ADD ("wrong-certificate", test_wrong_certificate);
  ADD ("second-host", test_second_host);
  ADD ("plain-http-refused", test_plain_http_refused);
  ADD ("pins-file", test_pins_file);
#undef ADD
  return g_test_run ();
}
