/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-test-util.h"
#include "meeting/jp-meeting-service-defence.h"
#include "store/jp-random.h"
#include "store/jp-store-private.h"   /* the connection, to make a read fail */
#include "../common/store-checks.h"
#include "../common/sqlite-deny.h"

/* Logins under attack: a host on 127.0.0.1 and a client in this process's main loop. */

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  GIOStream        *conn;         /* raw logins from 127.0.0.1 (http_login_from) */
  GIOStream        *other_conn;   /* and from a second computer, 127.0.0.2 */
  gint64            now;       /* the lock-outs' clock, moved by the tests */
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

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
  f->now = 1000 * G_USEC_PER_SEC;
  jp_meeting_service_set_clock (f->service, fixture_clock, f);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->conn);
  g_clear_object (&f->other_conn);
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_hash_table_unref (f->pins);
}

/* POST /session over HTTPS from `local` (127.0.0.1 or, as another computer, 127.0.0.2), on
 * one kept-alive TLS connection `*conn` (opened again when the host closed it); returns the
 * status, `*reason` and `*message` of the reply. */
static guint
http_login_from (Fixture *f, const char *local, GIOStream **conn, const char *code,
                 const char *pin, char **reason, char **message)
{
  g_autofree char *body = g_strdup_printf ("{\"member_code\":\"%s\",\"pin\":\"%s\"}", code, pin);
  g_autofree char *request = g_strdup_printf ("POST /api/v1/session HTTP/1.1\r\n"
                                              "Host: 127.0.0.1\r\n"
                                              "Content-Type: application/json\r\n"
                                              "Content-Length: %zu\r\n\r\n%s",
                                              strlen (body), body);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *head = NULL;
      g_autofree char *reply = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;

      if (*conn == NULL)
        {
          *conn = test_raw_open_from (jp_meeting_server_get_port (f->server), local,
                                      jp_meeting_server_get_fingerprint (f->server));
          g_assert_nonnull (*conn);
        }
      head = test_raw_exchange (*conn, request);
      if (!g_str_has_prefix (head, "HTTP/1.1 "))
        {
          g_clear_object (conn);
          continue;
        }
      reply = test_raw_body (*conn, test_raw_content_length (head));
      if (strstr (head, "Connection: close") != NULL)
        g_clear_object (conn);
      g_assert_true (json_parser_load_from_data (parser, reply, -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      if (reason != NULL)
        *reason = g_strdup (json_object_get_string_member_with_default (o, "reason", ""));
      if (message != NULL)
        *message = g_strdup (json_object_get_string_member_with_default (o, "message", ""));
      return (guint) g_ascii_strtoull (head + strlen ("HTTP/1.1 "), NULL, 10);
    }
  g_assert_not_reached ();
}

static guint
http_login (Fixture *f, const char *code, const char *pin, char **reason, char **message)
{
  return http_login_from (f, "127.0.0.1", &f->conn, code, pin, reason, message);
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
      guint status = http_login_from (f, "127.0.0.2", &f->other_conn, code, "000000", NULL,
                                      NULL);

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
  g_assert_cmpuint (checked, <=, JP_MEETING_MAX_WRONG_PINS_PER_PEER);
}

/* ---- the service, with peers named by the test ---- */

/* A login from `peer` straight to the service; returns its reply (never NULL) and the
 * status in `*status`. */
static JsonNode *
login_reply (Fixture *f, const char *peer, const char *code, const char *pin, guint *status)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  JsonNode *reply;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member_code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, pin);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  jp_meeting_service_login_async (f->service, peer, body, NULL, test_async_done, &res);
  reply = jp_meeting_service_login_finish (f->service, test_wait (&res), status, &error);
  g_object_unref (res);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  return reply;
}

/* The same; returns the status, `*reason` and the reply's retry_after (0 without). */
static guint
login_from (Fixture *f, const char *peer, const char *code, const char *pin, char **reason,
            gint64 *retry_after)
{
  guint status = 0;
  g_autoptr(JsonNode) reply = login_reply (f, peer, code, pin, &status);
  JsonObject *o = json_node_get_object (reply);

  if (reason != NULL)
    *reason = g_strdup (json_object_get_string_member_with_default (o, "reason", ""));
  if (retry_after != NULL)
    *retry_after = json_object_get_int_member_with_default (o, "retry_after", 0);
  return status;
}

/* Five wrong PINs for M02 from `peer`; returns the retry_after of the next refusal. */
static gint64
lock_member (Fixture *f, const char *peer, const char *code)
{
  g_autofree char *wrong = wrong_pin (f, code);
  g_autofree char *reason = NULL;
  gint64 wait = 0;

  for (int i = 0; i < JP_MEETING_MAX_WRONG_PINS; i++)
    g_assert_cmpuint (login_from (f, peer, code, wrong, NULL, NULL), ==, 401);
  g_assert_cmpuint (login_from (f, peer, code, g_hash_table_lookup (f->pins, code), &reason,
                                &wait), ==, 429);
  g_assert_cmpstr (reason, ==, "too-many-attempts");
  return wait;
}

static void
test_member_lock_grows (Fixture *f, gconstpointer data)
{
  const char *pin = g_hash_table_lookup (f->pins, "M02");
  static const gint64 expected[] = { 30, 60, 120, 240 };

  /* each round from another computer, so that only the member's count decides */
  for (guint round = 0; round < G_N_ELEMENTS (expected); round++)
    {
      g_autofree char *peer = g_strdup_printf ("10.0.0.%u", round + 1);
      gint64 wait = lock_member (f, peer, "M02");

      g_assert_cmpint (wait, ==, expected[round]);
      /* a second before the end it still holds, from any computer */
      f->now += (wait - 1) * G_USEC_PER_SEC;
      g_assert_cmpuint (login_from (f, "10.0.1.1", "M02", pin, NULL, NULL), ==, 429);
      f->now += G_USEC_PER_SEC;
    }
  /* the right PIN after the lock: the member starts over at 30 s */
  g_assert_cmpuint (login_from (f, "10.0.1.1", "M02", pin, NULL, NULL), ==, 200);
  g_assert_cmpint (lock_member (f, "10.0.2.1", "M02"), ==, 30);
}

/* Member codes compare without case in the store (adding "m02" next to "M02" is refused):
 * a login typed "m02" with M02's PIN is M02's, the session names the stored code, and
 * wrong PINs count on M02's one counter whichever case they were typed in. */
static void
test_code_any_case (Fixture *f, gconstpointer data)
{
  const char *pin = g_hash_table_lookup (f->pins, "M02");
  g_autofree char *wrong = wrong_pin (f, "M02");
  guint status = 0;
  g_autoptr(JsonNode) reply = login_reply (f, "10.0.0.1", "m02", pin, &status);
  JsonObject *member;

  g_assert_cmpuint (status, ==, 200);
  member = json_object_get_object_member (json_node_get_object (reply), "member");
  g_assert_nonnull (member);
  g_assert_cmpstr (json_object_get_string_member (member, "code"), ==, "M02");
  g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, "评委乙");

  /* wrong PINs in either case, each from another computer: one member's count */
  for (int i = 0; i < JP_MEETING_MAX_WRONG_PINS; i++)
    {
      g_autofree char *peer = g_strdup_printf ("10.0.1.%d", i + 1);

      g_assert_cmpuint (login_from (f, peer, i % 2 == 0 ? "m02" : "M02", wrong, NULL, NULL),
                        ==, 401);
    }
  g_assert_cmpuint (login_from (f, "10.0.2.1", "M02", pin, NULL, NULL), ==, 429);
  g_assert_cmpuint (login_from (f, "10.0.2.2", "m02", pin, NULL, NULL), ==, 429);
  /* an unknown code is still refused as a wrong code or PIN */
  g_assert_cmpuint (login_from (f, "10.0.3.1", "m99", pin, NULL, NULL), ==, 401);
}

static void
test_peer_lock_grows (Fixture *f, gconstpointer data)
{
  g_autofree char *reason = NULL;
  gint64 wait = 0;

  for (guint round = 0; round < 3; round++)
    {
      for (int i = 0; i < JP_MEETING_MAX_WRONG_PINS_PER_PEER; i++)
        {
          g_autofree char *code = g_strdup_printf ("Q%u%02d", round, i);

          g_assert_cmpuint (login_from (f, "10.0.0.7", code, "111111", NULL, NULL), ==, 401);
        }
      /* the computer is locked, even for a member's right PIN; another computer is not */
      g_clear_pointer (&reason, g_free);
      g_assert_cmpuint (login_from (f, "10.0.0.7", "M01", g_hash_table_lookup (f->pins, "M01"),
                                    &reason, &wait), ==, 429);
      g_assert_cmpstr (reason, ==, "too-many-attempts");
      g_assert_cmpint (wait, ==, 30 << round);
      g_assert_cmpuint (login_from (f, "10.0.0.8", "M01", g_hash_table_lookup (f->pins, "M01"),
                                    NULL, NULL), ==, 200);
      f->now += wait * G_USEC_PER_SEC;
    }
  /* a right PIN from the computer does not forgive it: its next lock lasts twice as long */
  g_assert_cmpuint (login_from (f, "10.0.0.7", "M01", g_hash_table_lookup (f->pins, "M01"),
                                NULL, NULL), ==, 200);
  for (int i = 0; i < JP_MEETING_MAX_WRONG_PINS_PER_PEER - 1; i++)
    g_assert_cmpuint (login_from (f, "10.0.0.7", "X999", "111111", NULL, NULL), ==, 401);
  g_assert_cmpuint (login_from (f, "10.0.0.7", "X999", "111111", NULL, NULL), ==, 401);
  g_assert_cmpuint (login_from (f, "10.0.0.7", "X999", "111111", NULL, &wait), ==, 429);
  g_assert_cmpint (wait, ==, 240);
}

/* Many computers guessing together hit the cap of all logins: then nobody logs in for a
 * while, the last line of defence. */
static void
test_global_cap (Fixture *f, gconstpointer data)
{
  g_autofree char *reason = NULL;
  gint64 wait = 0;
  guint peers = JP_MEETING_MAX_WRONG_PINS_ALL / JP_MEETING_MAX_WRONG_PINS_PER_PEER;

  for (guint p = 0; p < peers; p++)
    {
      g_autofree char *peer = g_strdup_printf ("10.1.%u.%u", p / 200, p % 200 + 1);

      for (int i = 0; i < JP_MEETING_MAX_WRONG_PINS_PER_PEER; i++)
        {
          g_autofree char *code = g_strdup_printf ("G%u-%d", p, i);

          g_assert_cmpuint (login_from (f, peer, code, "222222", NULL, NULL), ==, 401);
        }
    }
  g_assert_cmpuint (login_from (f, "10.2.0.1", "M01", g_hash_table_lookup (f->pins, "M01"),
                                &reason, &wait), ==, 429);
  g_assert_cmpstr (reason, ==, "too-many-attempts");
  g_assert_cmpint (wait, ==, JP_MEETING_LOCKOUT_SECONDS);
  f->now += wait * G_USEC_PER_SEC;
  g_assert_cmpuint (login_from (f, "10.2.0.1", "M01", g_hash_table_lookup (f->pins, "M01"),
                                NULL, NULL), ==, 200);
}

static JsonNode *
login_body (const char *code, const char *pin)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member_code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, pin);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Many attempts sent at once from one computer: guesses are checked no faster than one by
 * one would be, and right PINs all get in (they wait their turn). */
static void
test_burst_from_one_peer (Fixture *f, gconstpointer data)
{
  GAsyncResult *res[40] = { NULL };
  guint checked = 0, refused = 0;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *code = g_strdup_printf ("B%02u", i);
      g_autoptr(JsonNode) body = login_body (code, "999999");

      jp_meeting_service_login_async (f->service, "10.0.0.5", body, NULL, test_async_done,
                                      &res[i]);
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GError) error = NULL;
      guint status = 0;

      reply = jp_meeting_service_login_finish (f->service, test_wait (&res[i]), &status,
                                               &error);
      g_assert_no_error (error);
      g_clear_object (&res[i]);
      if (status == 401)
        checked++;
      else
        {
          g_assert_cmpuint (status, ==, 429);
          refused++;
        }
    }
  g_assert_cmpuint (checked, <=, JP_MEETING_MAX_WRONG_PINS_PER_PEER);
  g_assert_cmpuint (checked + refused, ==, 30);

  /* the committee at one computer, everybody pressing "log in" at once */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%02u", i % 4 + 1);
      g_autoptr(JsonNode) body = login_body (code, g_hash_table_lookup (f->pins, code));

      jp_meeting_service_login_async (f->service, "10.0.0.6", body, NULL, test_async_done,
                                      &res[i]);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GError) error = NULL;
      guint status = 0;

      reply = jp_meeting_service_login_finish (f->service, test_wait (&res[i]), &status,
                                               &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
      g_clear_object (&res[i]);
    }
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 40);
}

/* ---- the main loop while a PIN is hashed ---- */

typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean entered;
  gboolean released;
} Gate;

static void
gate_hook (gpointer user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->lock);
  gate->entered = TRUE;
  g_main_context_wakeup (NULL);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static gboolean
gate_entered (Gate *gate)
{
  gboolean entered;

  g_mutex_lock (&gate->lock);
  entered = gate->entered;
  g_mutex_unlock (&gate->lock);
  return entered;
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static void
test_main_loop_serves (Fixture *f, gconstpointer data)
{
  g_autofree char *queue1 = g_build_filename (f->dir, "queue-m01.json", NULL);
  g_autoptr(JpMeetingClient) m01 = test_client_new (f->server, f->base, queue1);
  g_autoptr(JpMeetingClient) m02 = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *queue = g_build_filename (f->dir, "queue-m02.json", NULL);
  GAsyncResult *login = NULL;
  GAsyncResult *res = NULL;
  Gate gate = { 0 };

  jp_meeting_client_login_async (m01, "M01", g_hash_table_lookup (f->pins, "M01"), NULL,
                                 test_async_done, &res);
  reply = jp_meeting_client_login_finish (m01, test_wait (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);
  g_clear_pointer (&reply, json_object_unref);

  /* M02's login is held on the worker thread, inside the PIN check */
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  jp_meeting_service_set_verify_hook (f->service, gate_hook, &gate);
  m02 = test_client_new (f->server, f->base, queue);
  jp_meeting_client_login_async (m02, "M02", g_hash_table_lookup (f->pins, "M02"), NULL,
                                 test_async_done, &login);
  while (!gate_entered (&gate))
    g_main_context_iteration (NULL, TRUE);

  /* meanwhile the host answers M01 */
  jp_meeting_client_get_async (m01, "/state", NULL, test_async_done, &res);
  state = jp_meeting_client_get_finish (m01, test_wait (&res), &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
  g_assert_true (json_object_has_member (state, "stage"));
  g_clear_object (&res);
  g_assert_null (login);
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 1);

  gate_release (&gate);
  reply = jp_meeting_client_login_finish (m02, test_wait (&login), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_object_unref (login);
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 2);
  jp_meeting_service_set_verify_hook (f->service, NULL, NULL);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

/* ---- revoking the PINs ---- */

static void
test_revoke_pins (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *pin = NULL;
  JpAuditEntry *last;
  guint n = 0;
  Gate gate = { 0 };
  GAsyncResult *res = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  g_assert_cmpuint (login_from (f, "10.0.0.1", "M01", g_hash_table_lookup (f->pins, "M01"),
                                NULL, NULL), ==, 200);

  /* a login caught in the middle of its check by the revocation is refused */
  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  jp_meeting_service_set_verify_hook (f->service, gate_hook, &gate);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member_code");
  json_builder_add_string_value (b, "M03");
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, g_hash_table_lookup (f->pins, "M03"));
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  jp_meeting_service_login_async (f->service, "10.0.0.3", body, NULL, test_async_done, &res);
  while (!gate_entered (&gate))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (jp_meeting_service_revoke_pins (f->service, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  gate_release (&gate);
  reply = jp_meeting_service_login_finish (f->service, test_wait (&res), &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 401);
  g_object_unref (res);
  jp_meeting_service_set_verify_hook (f->service, NULL, NULL);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);

  /* nobody logs in with the old PINs; the file holds no PIN; the audit says who and how many */
  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%02d", i);

      g_clear_pointer (&reason, g_free);
      g_assert_cmpuint (login_from (f, "10.0.0.2", code, g_hash_table_lookup (f->pins, code),
                                    &reason, NULL), ==, 401);
      g_assert_cmpstr (reason, ==, "wrong-pin");
      g_assert_false (test_has_pin (f->store, code));
    }
  audit = jp_store_list_audit (f->store, &error);
  g_assert_no_error (error);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpstr (last->action, ==, "member.pins-revoked");
  g_assert_cmpstr (last->actor, ==, "chair");
  g_assert_nonnull (strstr (last->payload, "\"revoked\":4"));

  /* a new PIN works again */
  pin = jp_store_member_new_pin (f->store, "M02", "t", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (login_from (f, "10.0.0.4", "M02", pin, NULL, NULL), ==, 200);
}

static gboolean
no_entropy (guint8   *buf,
            gsize     len,
            gpointer  user_data,
            GError  **error)
{
  g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED, "no entropy (test)");
  return FALSE;
}

/* A session token the host cannot draw is a server error the station shows, not a crash of
 * the host and not a token from a weaker source. */
static void
test_token_random_fails (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autofree char *again = NULL;

  jp_random_set_source_for_testing (no_entropy, NULL);
  g_assert_cmpuint (login_from (f, "10.0.0.9", "M01", g_hash_table_lookup (f->pins, "M01"),
                                &reason, NULL), ==, 500);
  g_assert_cmpstr (reason, ==, "random-failed");
  jp_random_set_source_for_testing (NULL, NULL);
  g_assert_cmpuint (login_from (f, "10.0.0.9", "M01", g_hash_table_lookup (f->pins, "M01"),
                                &again, NULL), ==, 200);
}

/* A station asking for the meeting's state while the host cannot read its file gets the
 * host's message with a server error, not "no round is open". */
static void
test_state_read_failure (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  guint status = 0;
  const char *token;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member_code");
  json_builder_add_string_value (b, "M01");
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, g_hash_table_lookup (f->pins, "M01"));
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  jp_meeting_service_login_async (f->service, "10.0.0.8", body, NULL, test_async_done, &res);
  reply = jp_meeting_service_login_finish (f->service, test_wait (&res), &status, &error);
  g_object_unref (res);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  token = json_object_get_string_member (json_node_get_object (reply), "token");

  sqlite3_set_authorizer (f->store->db, test_deny_read, (void *) "round");
  state = jp_meeting_service_handle (f->service, "GET", "/state", token, NULL, &status);
  sqlite3_set_authorizer (f->store->db, NULL, NULL);
  g_assert_cmpuint (status, ==, 500);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (state), "reason"), ==,
                   "store-failed");
  g_clear_pointer (&state, json_node_unref);

  state = jp_meeting_service_handle (f->service, "GET", "/state", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* A station asking for its defence candidate while the rounds cannot be read is told the
 * host failed, not that there is no session. */
static void
test_defence_read_failure (Fixture       *f,
                           gconstpointer  data)
{
  const char *const parts[] = { "defence", NULL };
  g_autoptr(JsonNode) reply = NULL;
  guint status = 0;

  sqlite3_set_authorizer (f->store->db, test_deny_read, (void *) "round");
  reply = jp_meeting_service_defence_handle (f->service, "GET", parts, "M01", NULL, &status);
  sqlite3_set_authorizer (f->store->db, NULL, NULL);
  g_assert_cmpuint (status, ==, 500);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply), "reason"), ==,
                   "store-failed");
  g_clear_pointer (&reply, json_node_unref);

  reply = jp_meeting_service_defence_handle (f->service, "GET", parts, "M01", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_object_get_null_member (json_node_get_object (reply), "round"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add ("/meeting/login/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("flood-keeps-counter", test_flood_keeps_counter);
  ADD ("spray-limited-per-peer", test_spray_limited_per_peer);
  ADD ("member-lock-grows", test_member_lock_grows);
  ADD ("peer-lock-grows", test_peer_lock_grows);
  ADD ("code-any-case", test_code_any_case);
  ADD ("global-cap", test_global_cap);
  ADD ("burst-from-one-peer", test_burst_from_one_peer);
  ADD ("main-loop-serves-while-hashing", test_main_loop_serves);
  ADD ("revoke-pins", test_revoke_pins);
  ADD ("token-random-fails", test_token_random_fails);
  ADD ("state-read-failure", test_state_read_failure);
  ADD ("defence-read-failure", test_defence_read_failure);
  return g_test_run ();
}
