/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-test-util.h"

/* Logins under attack: a host on 127.0.0.1 and a client in this process's main loop. */

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  SoupSession      *session;
  SoupSession      *other;     /* a second client, from 127.0.0.2 */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jp-login-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (path, 0, f->pins);
  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  g_assert_true (jp_meeting_server_listen_local (f->server, 0, &error));
  g_assert_no_error (error);
  f->base = g_strdup_printf ("http://127.0.0.1:%u", jp_meeting_server_get_port (f->server));
  f->session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  {
    g_autoptr(GInetAddress) address = g_inet_address_new_from_string ("127.0.0.2");
    g_autoptr(GSocketAddress) local = g_inet_socket_address_new (address, 0);

    f->other = soup_session_new_with_options ("proxy-resolver", NULL, "local-address", local,
                                              NULL);
  }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->other);
  jp_meeting_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_hash_table_unref (f->pins);
}

/* POST /session over HTTP; returns the status, `*reason` and `*message` of the reply. */
static guint
http_login_from (Fixture *f, SoupSession *session, const char *code, const char *pin, char **reason, char **message)
{
  g_autofree char *uri = g_strconcat (f->base, "/api/v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autofree char *body = g_strdup_printf ("{\"member_code\":\"%s\",\"pin\":\"%s\"}", code, pin);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GAsyncResult *res = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_async_done,
                                    &res);
  data = soup_session_send_and_read_finish (session, test_wait (&res), NULL);
  g_object_unref (res);
  g_assert_nonnull (data);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (data, NULL),
                                             g_bytes_get_size (data), NULL));
  if (reason != NULL)
    *reason = g_strdup (json_object_get_string_member_with_default (
        json_node_get_object (json_parser_get_root (parser)), "reason", ""));
  if (message != NULL)
    *message = g_strdup (json_object_get_string_member_with_default (
        json_node_get_object (json_parser_get_root (parser)), "message", ""));
  return soup_message_get_status (msg);
}

static guint
http_login (Fixture *f, const char *code, const char *pin, char **reason, char **message)
{
  return http_login_from (f, f->session, code, pin, reason, message);
}

static char *
wrong_pin (Fixture *f, const char *code)
{
  const char *pin = g_hash_table_lookup (f->pins, code);

  return g_strdup_printf ("%06d", (atoi (pin) + 1) % 1000000);
}

/* The attack of issue 10: four wrong PINs for a member, then thousands of logins with
 * made-up member codes (from another computer), which used to push the member's counter out
 * of the host's table; then the fifth wrong PIN. The member must be locked. */
static void
test_flood_keeps_counter (Fixture *f, gconstpointer data)
{
  g_autofree char *wrong = wrong_pin (f, "M02");
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  for (int i = 0; i < 4; i++)
    g_assert_cmpuint (http_login (f, "M02", wrong, NULL, NULL), ==, 401);
  for (int i = 0; i < 4200; i++)
    {
      g_autofree char *code = g_strdup_printf ("Z%05d", i);
      guint status = http_login_from (f, f->other, code, "000000", NULL, NULL);

      g_assert_true (status == 401 || status == 429);
    }
  g_assert_cmpuint (http_login (f, "M02", wrong, &reason, NULL), ==, 401);
  g_assert_cmpstr (reason, ==, "wrong-pin");
  g_clear_pointer (&reason, g_free);
  /* the right PIN of the locked member is refused, for that member's lock */
  g_assert_cmpuint (http_login (f, "M02", g_hash_table_lookup (f->pins, "M02"), &reason,
                                &message), ==, 429);
  g_assert_cmpstr (reason, ==, "too-many-attempts");
  g_assert_nonnull (strstr (message, "M02"));
}

/* One client guessing 5 PINs for each of 70 member codes (real and made up) gets only a
 * few of them checked. */
static void
test_spray_limited_per_peer (Fixture *f, gconstpointer data)
{
  guint checked = 0;

  for (int c = 0; c < 70; c++)
    {
      g_autofree char *code = c < 4 ? g_strdup_printf ("M%02d", c + 1)
                                     : g_strdup_printf ("Y%03d", c);
      g_autofree char *wrong = c < 4 ? wrong_pin (f, code) : g_strdup ("123456");

      for (int i = 0; i < 5; i++)
        {
          g_autofree char *reason = NULL;
          guint status = http_login (f, code, wrong, &reason, NULL);

          if (status == 401)
            {
              g_assert_cmpstr (reason, ==, "wrong-pin");
              checked++;
            }
          else
            {
              g_assert_cmpuint (status, ==, 429);
              g_assert_cmpstr (reason, ==, "too-many-attempts");
            }
        }
    }
  g_assert_cmpuint (checked, <=, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add ("/meeting/login/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("flood-keeps-counter", test_flood_keeps_counter);
  ADD ("spray-limited-per-peer", test_spray_limited_per_peer);
  return g_test_run ();
}
