/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The fixture of the meeting protocol tests: a host on 127.0.0.1 with an open XT round, its
 * stations' PINs, and the requests a station makes, through the client or raw. */

#include "meeting-test-util.h"

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  gint64            round;
  char             *zhang_code;   /* the XT candidate M03 is conflicted with */
  GStrv             xt_codes;
} Fixture;

static inline void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpCandidate) zhang = NULL;

  f->dir = g_dir_make_tmp ("jp-meeting-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (path, 0, f->pins);
  f->service = jp_meeting_service_new (f->store);
  jp_meeting_service_set_lockout (f->service, 1);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);

  f->round = jp_meeting_service_open_round (f->service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->round, >, 0);
  round = jp_store_get_round (f->store, f->round, &error);
  f->xt_codes = jp_round_get_codes (round);
  g_assert_cmpuint (g_strv_length (f->xt_codes), ==, 3);
  f->zhang_code = test_zhang_code (f->store);
}

static inline void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->zhang_code);
  g_strfreev (f->xt_codes);
  g_hash_table_unref (f->pins);
}

static inline JpMeetingClient *
new_client (Fixture *f, const char *queue_name)
{
  g_autofree char *queue = g_build_filename (f->dir, queue_name, NULL);

  return test_client_new (f->server, f->base, queue);
}

static inline JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

static inline JsonObject *
client_get (JpMeetingClient *client, const char *path, GError **error, char **reason)
{
  GAsyncResult *res = NULL;
  JsonObject *o;

  jp_meeting_client_get_async (client, path, NULL, test_async_done, &res);
  o = jp_meeting_client_get_finish (client, test_wait (&res), error);
  if (reason != NULL)
    *reason = g_strdup (jp_meeting_client_request_reason (res));
  g_object_unref (res);
  return o;
}

static inline gboolean
submit (JpMeetingClient *client, gint64 round, const char *const *marks, const char *key,
        GError **error, char **reason)
{
  GAsyncResult *res = NULL;
  gboolean ok;

  jp_meeting_client_submit_ballot_async (client, round, marks, key, NULL, test_async_done, &res);
  ok = jp_meeting_client_submit_ballot_finish (client, test_wait (&res), error);
  if (reason != NULL)
    *reason = g_strdup (jp_meeting_client_request_reason (res));
  g_object_unref (res);
  return ok;
}

/* A raw request with any body; returns the status and the parsed reply. */
static inline guint
raw_request (Fixture *f, const char *method, const char *path, const char *token,
             const char *body, gsize length, JsonObject **reply)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autofree char *uri = g_strconcat (f->base, "/api/v1", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GAsyncResult *res = NULL;

  test_message_trust (msg, jp_meeting_server_get_fingerprint (f->server));
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, length);

      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_async_done,
                                    &res);
  data = soup_session_send_and_read_finish (session, test_wait (&res), NULL);
  g_object_unref (res);
  if (reply != NULL)
    {
      *reply = NULL;
      if (data != NULL && json_parser_load_from_data (parser, g_bytes_get_data (data, NULL),
                                                      g_bytes_get_size (data), NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        *reply = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }
  return soup_message_get_status (msg);
}

static inline const char *
other_code (Fixture *f)
{
  for (guint i = 0; f->xt_codes[i] != NULL; i++)
    if (!g_str_equal (f->xt_codes[i], f->zhang_code))
      return f->xt_codes[i];
  g_assert_not_reached ();
}

/* A case of the fixture above, added as /meeting/`path`. */
#define ADD(path, func) \
  g_test_add ("/meeting/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
