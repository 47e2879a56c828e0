/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-protocol-util.h"
#include "store/jp-store-private.h"   /* jp_store_exec: the tests edit the file as an attacker */

/* The meeting protocol end to end: real clients against a host on 127.0.0.1, both in this
 * process's main loop. */

/* ---- login ---- */

static void
test_login (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) client = new_client (f, "q.json");
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = NULL;
  JsonObject *member;

  jp_meeting_client_login_async (client, "M01", g_hash_table_lookup (f->pins, "M01"), NULL,
                                 test_async_done, &res);
  reply = jp_meeting_client_login_finish (client, test_wait (&res), &error);
  g_object_unref (res);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (json_object_get_string_member (reply, "token")), ==, 64);
  member = json_object_get_object_member (reply, "member");
  g_assert_cmpstr (json_object_get_string_member (member, "code"), ==, "M01");
  g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, "评委甲");
  g_assert_cmpstr (json_object_get_string_member (member, "role"), ==, "member");
  g_assert_true (json_object_has_member (json_object_get_object_member (reply, "election"),
                                         "title"));
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 1);
}

static gint64
test_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
test_wrong_pin_and_rate_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) client = new_client (f, "q.json");
  const char *pin = g_hash_table_lookup (f->pins, "M02");
  g_autofree char *wrong = g_strdup_printf ("%06d", (atoi (pin) + 1) % 1000000);
  gint64 now = 1000 * G_USEC_PER_SEC;

  jp_meeting_service_set_clock (f->service, test_clock, &now);
  for (int attempt = 1; attempt <= 6; attempt++)
    {
      GAsyncResult *res = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) reply = NULL;

      /* the 6th attempt is the right PIN, refused while locked */
      jp_meeting_client_login_async (client, "M02", attempt < 6 ? wrong : pin, NULL,
                                     test_async_done, &res);
      reply = jp_meeting_client_login_finish (client, test_wait (&res), &error);
      g_assert_null (reply);
      if (attempt < 6)
        {
          g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_UNAUTHORIZED);
          g_assert_cmpstr (jp_meeting_client_request_reason (res), ==, "wrong-pin");
        }
      else
        {
          g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_REFUSED);
          g_assert_cmpstr (jp_meeting_client_request_reason (res), ==, "too-many-attempts");
          g_assert_nonnull (strstr (error->message, "M02"));
        }
      g_object_unref (res);
    }
  g_assert_null (jp_meeting_client_get_token (client));

  /* the lock-out (1 s in tests) passes; the right PIN works again */
  now += G_USEC_PER_SEC;
  g_object_unref (logged_in (f, "M02"));
  jp_meeting_service_set_clock (f->service, NULL, NULL);
}

static void
test_token_after_meeting_ended (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) client = logged_in (f, "M01");
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JsonObject) state = NULL;
  JsonObject *reply = NULL;

  jp_meeting_service_end_meeting (f->service);
  state = client_get (client, "/state", &error, &reason);
  g_assert_null (state);
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (reason, ==, "session-ended");
  /* an unknown token is "not logged in"; a new login is refused */
  g_assert_cmpuint (raw_request (f, "GET", "/state", "abc", NULL, 0, &reply), ==, 401);
  g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, "not-logged-in");
  json_object_unref (reply);
  g_assert_cmpuint (raw_request (f, "GET", "/state", NULL, NULL, 0, &reply), ==, 401);
  json_object_unref (reply);
  {
    g_autofree char *body = g_strdup_printf ("{\"member_code\":\"M02\",\"pin\":\"%s\"}",
                                             (char *) g_hash_table_lookup (f->pins, "M02"));

    g_assert_cmpuint (raw_request (f, "POST", "/session", NULL, body, strlen (body), &reply),
                      ==, 403);
    g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, "meeting-ended");
    json_object_unref (reply);
  }
}

/* ---- reading ---- */

static void
test_state_round_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JpMeetingClient) m04 = logged_in (f, "M04");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonObject) round = NULL;
  g_autoptr(JsonObject) round3 = NULL;
  g_autoptr(JsonObject) dossier = NULL;
  g_autoptr(JsonObject) state4 = NULL;
  g_autofree char *round_path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT, f->round);
  g_autofree char *dossier_path = g_strdup_printf ("/dossiers/%s", f->zhang_code);
  g_autofree char *other_path = g_strdup_printf ("/dossiers/%s", other_code (f));
  g_autofree char *reason = NULL;
  g_autoptr(JsonNode) dossier_node = NULL;
  g_autofree char *dossier_text = NULL;
  JsonArray *rounds, *candidates, *conflicted, *evidence;

  state = client_get (m01, "/state", &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (state, "stage"), ==, "voting");
  rounds = json_object_get_array_member (state, "rounds");
  g_assert_cmpuint (json_array_get_length (rounds), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rounds, 0), "id"),
                   ==, f->round);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (rounds, 0),
                                                  "voted"));
  /* M04 judges GF: no open round for them */
  state4 = client_get (m04, "/state", &error, NULL);
  g_assert_cmpstr (json_object_get_string_member (state4, "stage"), ==, "waiting");

  round = client_get (m01, round_path, &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (round, "max_choices"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (round, "seats"), ==, 2);
  candidates = json_object_get_array_member (round, "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (candidates, i),
                                                    "code"), ==, f->xt_codes[i]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (round, "conflicted")),
                    ==, 0);
  round3 = client_get (m03, round_path, &error, NULL);
  conflicted = json_object_get_array_member (round3, "conflicted");
  g_assert_cmpuint (json_array_get_length (conflicted), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (conflicted, 0), ==, f->zhang_code);
  g_assert_null (client_get (m04, round_path, &error, &reason));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_REFUSED);
  g_assert_cmpstr (reason, ==, "not-on-panel");
  g_clear_error (&error);

  dossier = client_get (m01, dossier_path, &error, NULL);
  g_assert_no_error (error);
  dossier_node = json_node_init_object (json_node_alloc (), dossier);
  dossier_text = json_to_string (dossier_node, FALSE);
  for (guint i = 0; i < 1; i++)
    {
      g_assert_null (strstr (dossier_text, test_people[i].name));
      g_assert_null (strstr (dossier_text, test_people[i].id_number));
      g_assert_null (strstr (dossier_text, test_people[i].phone));
      g_assert_null (strstr (dossier_text, test_people[i].unit));
    }
  g_assert_null (strstr (dossier_text, "技术能手"));   /* honours are not shown */
  g_assert_null (strstr (dossier_text, "证书.pdf"));  /* file names may name the person */
  g_assert_nonnull (strstr (json_object_get_string_member (dossier, "summary"),
                            "工作二十年，攻克多项技术难题"));
  g_assert_cmpstr (json_object_get_string_member (dossier, "code"), ==, f->zhang_code);
  evidence = json_object_get_array_member (dossier, "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (evidence, 0),
                                               "pages"), ==, 2);
  g_assert_cmpuint (strlen (json_object_get_string_member (
                      json_array_get_object_element (evidence, 0), "sha256")), ==, 64);

  /* the conflicted member does not see that dossier, but sees the others */
  g_clear_pointer (&reason, g_free);
  g_assert_null (client_get (m03, dossier_path, &error, &reason));
  g_assert_cmpstr (reason, ==, "conflicted");
  g_clear_error (&error);
  json_object_unref (client_get (m03, other_path, &error, NULL));
  g_assert_no_error (error);

  /* unknown code and round: 404 */
  g_clear_pointer (&reason, g_free);
  g_assert_null (client_get (m01, "/dossiers/XT-99", &error, &reason));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND);
  g_assert_cmpstr (reason, ==, "unknown-code");
  g_clear_error (&error);
  g_clear_pointer (&reason, g_free);
  g_assert_null (client_get (m01, "/rounds/999", &error, &reason));
  g_assert_cmpstr (reason, ==, "unknown-round");
  g_clear_error (&error);
  g_clear_pointer (&reason, g_free);
  g_assert_null (client_get (m01, "/rounds/abc", &error, &reason));
  g_assert_cmpstr (reason, ==, "unknown-round");
}

static void
test_evidence_copy (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m04 = logged_in (f, "M04");
  g_autofree char *dossier_path = g_strdup_printf ("/dossiers/%s", f->zhang_code);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) dossier = client_get (m01, dossier_path, &error, NULL);
  const char *sha;
  GAsyncResult *res = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JpEvidenceDocument) doc = NULL;
  g_autoptr(JpEvidenceDocument) original = NULL;
  g_autoptr(GBytes) original_data = NULL;

  g_assert_no_error (error);
  sha = json_object_get_string_member (json_array_get_object_element (
          json_object_get_array_member (dossier, "evidence"), 0), "sha256");

  /* the original does have the name in its text layer */
  original_data = jp_store_get_document_data (f->store, sha, &error);
  original = jp_evidence_document_new (original_data, "application/pdf", sha, "o", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) hits = jp_evidence_document_find_text (original, "张三丰", NULL);

    g_assert_cmpuint (hits->len, ==, 2);
  }

  jp_meeting_client_get_evidence_async (m01, sha, NULL, test_async_done, &res);
  copy = jp_meeting_client_get_evidence_finish (m01, test_wait (&res), &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (copy, NULL), "%PDF"));
  doc = jp_evidence_document_new (copy, "application/pdf", NULL, "copy", &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_evidence_document_get_n_pages (doc), ==, 2);
  g_assert_false (jp_evidence_document_has_text (doc));
  {
    g_autoptr(GArray) hits = jp_evidence_document_find_text (doc, "张三丰", NULL);

    g_assert_cmpuint (hits->len, ==, 0);
  }
  {
    /* the black box sits where the name was: the rendered copy is dark there */
    g_autoptr(GArray) rects = jp_evidence_page_find_text (original, 0, "张三丰");
    JpEvidenceRect *r = &g_array_index (rects, JpEvidenceRect, 0);
    double scale = 0;
    cairo_surface_t *img = jp_evidence_render_page (doc, 0, 1.0, 0, &scale, &error);
    int x = (int) ((r->x + r->width / 2) * scale);
    int y = (int) ((r->y + r->height / 2) * scale);
    guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (img) +
                                  y * cairo_image_surface_get_stride (img) + x * 4);

    g_assert_cmphex (pixel & 0xffffff, <, 0x202020);
    cairo_surface_destroy (img);
  }

  /* served again from the cache */
  jp_meeting_client_get_evidence_async (m01, sha, NULL, test_async_done, &res);
  again = jp_meeting_client_get_evidence_finish (m01, test_wait (&res), &error);
  g_clear_object (&res);
  g_assert_true (g_bytes_equal (copy, again));

  /* a member of another panel cannot fetch it */
  jp_meeting_client_get_evidence_async (m04, sha, NULL, test_async_done, &res);
  g_assert_null (jp_meeting_client_get_evidence_finish (m04, test_wait (&res), &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND);
  g_clear_object (&res);
}

/* ---- ballots ---- */

static void
test_ballots (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JpMeetingClient) m04 = logged_in (f, "M04");
  const char *one[] = { other_code (f), NULL };
  const char *zhang[] = { f->zhang_code, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(JpRound) round = NULL;

  /* over-vote: 3 marks, max 2 */
  g_assert_false (submit (m02, f->round, (const char *const *) f->xt_codes, "key-m02-over",
                          &error, &reason));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_REFUSED);
  g_assert_cmpstr (reason, ==, "too-many-marks");
  g_assert_cmpuint (jp_meeting_client_get_n_queued (m02), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&reason, g_free);

  /* accepted; the replay with the same key is accepted and stored once */
  g_assert_true (submit (m01, f->round, one, "key-m01-first", &error, NULL));
  g_assert_no_error (error);
  g_assert_true (submit (m01, f->round, one, "key-m01-first", &error, NULL));
  g_assert_no_error (error);
  /* double vote with a new key */
  g_assert_false (submit (m01, f->round, one, "key-m01-second", &error, &reason));
  g_assert_cmpstr (reason, ==, "already-voted");
  g_assert_nonnull (error->message);
  g_clear_error (&error);
  g_clear_pointer (&reason, g_free);

  /* a member of another panel */
  g_assert_false (submit (m04, f->round, one, "key-m04-first", &error, &reason));
  g_assert_cmpstr (reason, ==, "not-on-panel");
  g_clear_error (&error);
  g_clear_pointer (&reason, g_free);

  /* a conflicted candidate */
  g_assert_false (submit (m03, f->round, zhang, "key-m03-first", &error, &reason));
  g_assert_cmpstr (reason, ==, "conflicted");
  g_assert_nonnull (strstr (error->message, f->zhang_code));
  g_clear_error (&error);
  g_clear_pointer (&reason, g_free);

  round = jp_store_get_round (f->store, f->round, NULL);
  g_assert_cmpint (round->n_cast, ==, 1);

  /* after the close */
  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_no_error (error);
  g_assert_false (submit (m02, f->round, one, "key-m02-late", &error, &reason));
  g_assert_cmpstr (reason, ==, "not-open");
  g_clear_error (&error);

  tally = jp_store_get_tally (f->store, f->round, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->cast, ==, 1);   /* one ballot row for the replayed ballot */
}

/* Ballots sent together are stored as one group: each gets its own answer (a double vote
 * among them refused alone), and the progress event comes once the group is on disk. */
typedef struct {
  JpMeetingService *service;
  JpStore          *store;
  gint64            round;
  int               cast_at_signal;
  guint             n_signals;
} ProgressSeen;

static void
on_group_progress (JpMeetingService *service, gint64 round, int cast, int panel,
                   ProgressSeen *seen)
{
  g_autoptr(JpStore) other = jp_store_open (jp_store_get_path (seen->store), NULL);
  g_autoptr(JpRound) r = other != NULL ? jp_store_get_round (other, round, NULL) : NULL;

  /* another connection sees the ballots: they were committed before the event */
  seen->cast_at_signal = r != NULL ? r->n_cast : -1;
  seen->n_signals++;
}

static void
test_ballot_group (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m01b = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  const char *one[] = { other_code (f), NULL };
  GAsyncResult *r1 = NULL, *r2 = NULL, *r3 = NULL;
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
  g_autoptr(JpRound) round = NULL;
  ProgressSeen seen = { f->service, f->store, f->round, 0, 0 };
  gboolean ok1, ok2, ok3;

  g_signal_connect (f->service, "progress", G_CALLBACK (on_group_progress), &seen);
  /* three requests in flight at once: M01, M01 again from a second station, M02 */
  jp_meeting_client_submit_ballot_async (m01, f->round, one, "group-m01-a", NULL,
                                         test_async_done, &r1);
  jp_meeting_client_submit_ballot_async (m01b, f->round, one, "group-m01-b", NULL,
                                         test_async_done, &r2);
  jp_meeting_client_submit_ballot_async (m02, f->round, one, "group-m02", NULL,
                                         test_async_done, &r3);
  ok1 = jp_meeting_client_submit_ballot_finish (m01, test_wait (&r1), &e1);
  ok2 = jp_meeting_client_submit_ballot_finish (m01b, test_wait (&r2), &e2);
  ok3 = jp_meeting_client_submit_ballot_finish (m02, test_wait (&r3), &e3);

  /* exactly one of M01's two ballots is stored, the other refused as a double vote */
  g_assert_true (ok1 != ok2);
  g_assert_cmpstr (jp_meeting_client_request_reason (ok1 ? r2 : r1), ==, "already-voted");
  g_assert_true (ok3);
  g_assert_no_error (e3);
  round = jp_store_get_round (f->store, f->round, NULL);
  g_assert_cmpint (round->n_cast, ==, 2);
  g_assert_cmpuint (seen.n_signals, >=, 1);
  g_assert_cmpint (seen.cast_at_signal, ==, 2);
  g_signal_handlers_disconnect_by_data (f->service, &seen);
  g_object_unref (r1);
  g_object_unref (r2);
  g_object_unref (r3);
}

static void
test_offline_queue (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(JpMeetingClient) reborn = NULL;
  const char *one[] = { other_code (f), NULL };
  g_autoptr(GError) error = NULL;
  guint port = jp_meeting_server_get_port (f->server);
  GAsyncResult *res = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autofree char *queue = g_build_filename (f->dir, "queue-M02.json", NULL);

  /* the host goes away: the ballot stays queued, on disk too */
  jp_meeting_server_disconnect (f->server);
  g_assert_false (submit (m02, f->round, one, "key-offline-1", &error, NULL));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK);
  g_assert_cmpuint (jp_meeting_client_get_n_queued (m02), ==, 1);
  g_clear_error (&error);

  /* the host is back on the same port; a new station process reads the queue and resends */
  g_assert_true (jp_meeting_server_listen_local (f->server, port, &error));
  g_assert_no_error (error);
  reborn = test_client_new (f->server, f->base, queue);
  g_assert_cmpuint (jp_meeting_client_get_n_queued (reborn), ==, 1);
  {
    GAsyncResult *login = NULL;
    g_autoptr(JsonObject) reply = NULL;

    jp_meeting_client_login_async (reborn, "M02", g_hash_table_lookup (f->pins, "M02"), NULL,
                                   test_async_done, &login);
    reply = jp_meeting_client_login_finish (reborn, test_wait (&login), &error);
    g_object_unref (login);
  }
  jp_meeting_client_flush_queue_async (reborn, NULL, test_async_done, &res);
  g_assert_cmpuint (jp_meeting_client_flush_queue_finish (reborn, test_wait (&res), &error),
                    ==, 0);
  g_object_unref (res);
  round = jp_store_get_round (f->store, f->round, NULL);
  g_assert_cmpint (round->n_cast, ==, 1);
}

/* ---- robustness ---- */

static void
test_cut_off_client (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) state = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GIOStream) conn = test_raw_open (jp_meeting_server_get_port (f->server),
                                                 jp_meeting_server_get_fingerprint (f->server));
      g_autofree char *head = NULL;

      g_assert_nonnull (conn);
      head = g_strdup_printf ("POST /api/v1/rounds/%" G_GINT64_FORMAT "/ballot HTTP/1.1\r\n"
                              "Host: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                              "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n"
                              "{\"marks\":[\"XT-0",
                              f->round, jp_meeting_client_get_token (m01));
      g_assert_true (test_raw_send (conn, head, strlen (head), &error));
      g_assert_no_error (error);
      /* let the server read half the request, then vanish */
      for (int k = 0; k < 20; k++)
        g_main_context_iteration (NULL, FALSE);
      g_io_stream_close (conn, NULL, NULL);
    }
  for (int k = 0; k < 20; k++)
    g_main_context_iteration (NULL, FALSE);

  state = client_get (m01, "/state", &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (state, "stage"), ==, "voting");
  {
    g_autoptr(JpRound) round = jp_store_get_round (f->store, f->round, NULL);

    g_assert_cmpint (round->n_cast, ==, 0);
  }
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  const char *token = jp_meeting_client_get_token (m01);
  g_autofree char *ballot = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/ballot", f->round);
  g_autofree char *huge = g_malloc (1024 * 1024);
  JsonObject *reply = NULL;
  const char *login_types = "{\"member_code\": 1, \"pin\": 2}";
  static const struct { const char *body; guint status; const char *reason; } cases[] = {
    { "{\"marks\": [", 400, "malformed-json" },
    { "not json at all", 400, "malformed-json" },
    { "[1,2,3]", 400, "bad-request" },
    { "{\"marks\": \"XT-01\", \"idempotency_key\": \"abcdefgh1\"}", 400, "wrong-type" },
    { "{\"marks\": [1, 2], \"idempotency_key\": \"abcdefgh1\"}", 400, "wrong-type" },
    { "{\"marks\": [], \"idempotency_key\": 12345678}", 400, "wrong-type" },
    { "{\"marks\": []}", 400, "missing-field" },
    { "{\"marks\": [\"XT-77\"], \"idempotency_key\": \"abcdefgh1\"}", 409, "unknown-code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (raw_request (f, "POST", ballot, token, cases[i].body,
                                     strlen (cases[i].body), &reply), ==, cases[i].status);
      g_assert_nonnull (reply);
      g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, cases[i].reason);
      g_assert_cmpstr (json_object_get_string_member (reply, "message"), !=, "");
      json_object_unref (reply);
    }

  /* login with wrong types and missing fields */
  g_assert_cmpuint (raw_request (f, "POST", "/session", NULL, login_types,
                                 strlen (login_types), &reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, "wrong-type");
  json_object_unref (reply);
  g_assert_cmpuint (raw_request (f, "POST", "/session", NULL, "{}", 2, &reply), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, "missing-field");
  json_object_unref (reply);

  /* a 1 MB body is refused before it is parsed */
  memset (huge, ' ', 1024 * 1024);
  huge[0] = '{';
  huge[1024 * 1024 - 1] = '}';
  g_assert_cmpuint (raw_request (f, "POST", ballot, token, huge, 1024 * 1024, &reply), ==, 413);
  g_assert_cmpstr (json_object_get_string_member (reply, "reason"), ==, "too-large");
  json_object_unref (reply);

  /* unknown paths and methods */
  g_assert_cmpuint (raw_request (f, "GET", "/nothing", token, NULL, 0, &reply), ==, 404);
  json_object_unref (reply);
  g_assert_cmpuint (raw_request (f, "GET", ballot, token, NULL, 0, &reply), ==, 405);
  json_object_unref (reply);

  /* nothing was stored, and the server still answers */
  {
    g_autoptr(JpRound) round = jp_store_get_round (f->store, f->round, NULL);

    g_assert_cmpint (round->n_cast, ==, 0);
  }
  g_assert_cmpuint (raw_request (f, "GET", "/state", token, NULL, 0, NULL), ==, 200);
}

static void
test_host_addresses (void)
{
  g_autoptr(GPtrArray) addresses = jp_meeting_host_addresses ();

  g_assert_cmpuint (addresses->len, >, 0);
  g_assert_true (g_inet_address_get_is_loopback (addresses->pdata[addresses->len - 1]));
  for (guint i = 0; i < addresses->len; i++)
    g_assert_cmpint (g_inet_address_get_family (addresses->pdata[i]), ==,
                     G_SOCKET_FAMILY_IPV4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("login", test_login);
  ADD ("login/wrong-pin-rate-limit", test_wrong_pin_and_rate_limit);
  ADD ("session/after-meeting-ended", test_token_after_meeting_ended);
  ADD ("read/state-round-dossier", test_state_round_dossier);
  ADD ("evidence/anonymised-copy", test_evidence_copy);
  ADD ("ballot/rules", test_ballots);
  ADD ("ballot/group", test_ballot_group);
  ADD ("ballot/offline-queue", test_offline_queue);
  ADD ("robust/cut-off-client", test_cut_off_client);
  ADD ("robust/bad-input", test_bad_input);
  g_test_add_func ("/meeting/host-addresses", test_host_addresses);
  return g_test_run ();
}
