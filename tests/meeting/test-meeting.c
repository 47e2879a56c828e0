/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-test-util.h"
#include "store/jp-store-private.h"   /* jp_store_exec: the tests edit the file as an attacker */

/* The meeting protocol end to end: real clients against a host on 127.0.0.1, both in this
 * process's main loop. */

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

static void
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

static void
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

static JpMeetingClient *
new_client (Fixture *f, const char *queue_name)
{
  g_autofree char *queue = g_build_filename (f->dir, queue_name, NULL);

  return test_client_new (f->server, f->base, queue);
}

static JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

static JsonObject *
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

static gboolean
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
static guint
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

static const char *
other_code (Fixture *f)
{
  for (guint i = 0; f->xt_codes[i] != NULL; i++)
    if (!g_str_equal (f->xt_codes[i], f->zhang_code))
      return f->xt_codes[i];
  g_assert_not_reached ();
}

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

/* ---- events ---- */

typedef struct {
  GPtrArray *types;
  GPtrArray *texts;
} Events;

static void
on_event (JpMeetingClient *client, const char *type, JsonNode *data, Events *ev)
{
  g_ptr_array_add (ev->types, g_strdup (type));
  g_ptr_array_add (ev->texts, data != NULL ? json_to_string (data, FALSE) : g_strdup ("null"));
}

static gboolean
has_event (Events *ev, const char *type, guint *index)
{
  for (guint i = 0; i < ev->types->len; i++)
    if (g_str_equal (ev->types->pdata[i], type))
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

static void
test_events (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  Events ev = { g_ptr_array_new_with_free_func (g_free),
                g_ptr_array_new_with_free_func (g_free) };
  const char *marks[] = { other_code (f), NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint index = 0;

  g_signal_connect (m01, "event", G_CALLBACK (on_event), &ev);
  jp_meeting_client_connect_events (m01);
  while (!jp_meeting_client_is_events_connected (m01) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (jp_meeting_client_is_events_connected (m01));
  g_assert_cmpuint (jp_meeting_server_get_n_stations (f->server), ==, 1);

  g_assert_true (submit (m02, f->round, marks, "key-events-1", &error, NULL));
  while (!has_event (&ev, "progress", &index) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_event (&ev, "progress", &index));
  g_assert_nonnull (strstr (ev.texts->pdata[index], "\"cast\":1"));
  g_assert_nonnull (strstr (ev.texts->pdata[index], "\"panel\":3"));
  g_assert_null (strstr (ev.texts->pdata[index], marks[0]));   /* never a choice */
  g_assert_null (strstr (ev.texts->pdata[index], "M02"));      /* never who */

  jp_meeting_service_set_current_candidate (f->service, f->zhang_code, &error);
  g_assert_no_error (error);
  while (!has_event (&ev, "current_candidate", &index) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_event (&ev, "current_candidate", &index));
  g_assert_nonnull (strstr (ev.texts->pdata[index], "M03"));   /* must step out */

  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_true (jp_meeting_service_publish_results (f->service, f->round, &error));
  g_assert_no_error (error);
  jp_meeting_service_end_meeting (f->service);
  while (!has_event (&ev, "meeting_ended", NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_event (&ev, "round_closed", NULL));
  g_assert_true (has_event (&ev, "results_published", NULL));
  g_assert_true (has_event (&ev, "meeting_ended", NULL));

  jp_meeting_client_disconnect_events (m01);
  g_ptr_array_unref (ev.types);
  g_ptr_array_unref (ev.texts);
}


/* ---- every event a station receives is valid UTF-8 (a raw WebSocket) ---- */

typedef struct {
  GPtrArray *frames;   /* every text frame, as received */
  gboolean   closed;
  gboolean   invalid;  /* a frame that is not UTF-8 */
} RawStation;

static void
on_raw_message (SoupWebsocketConnection *conn, int type, GBytes *message, RawStation *st)
{
  gsize size;
  const char *data = g_bytes_get_data (message, &size);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;
  if (!g_utf8_validate (data, size, NULL))
    st->invalid = TRUE;
  g_ptr_array_add (st->frames, g_strndup (data, size));
}

static void
on_raw_closed (SoupWebsocketConnection *conn, RawStation *st)
{
  st->closed = TRUE;
}

static SoupWebsocketConnection *
raw_station (Fixture *f, const char *token, RawStation *st)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autofree char *uri = g_strdup_printf ("wss://127.0.0.1:%u/api/v1/events?token=%s",
                                          jp_meeting_server_get_port (f->server), token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  SoupWebsocketConnection *conn;

  st->frames = g_ptr_array_new_with_free_func (g_free);
  test_message_trust (msg, jp_meeting_server_get_fingerprint (f->server));
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        test_async_done, &res);
  conn = soup_session_websocket_connect_finish (session, test_wait (&res), &error);
  g_object_unref (res);
  g_assert_no_error (error);
  g_signal_connect (conn, "message", G_CALLBACK (on_raw_message), st);
  g_signal_connect (conn, "closed", G_CALLBACK (on_raw_closed), st);
  return conn;
}

/* Waits until a frame of `type` has arrived; returns its text (transfer none). */
static const char *
raw_wait (RawStation *st, const char *type)
{
  g_autofree char *needle = g_strdup_printf ("{\"type\":\"%s\"", type);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < st->frames->len; i++)
        if (g_str_has_prefix (st->frames->pdata[i], needle))
          return st->frames->pdata[i];
      g_main_context_iteration (NULL, TRUE);
    }
  return NULL;
}

/* The chair's drop-down rebuilds its list when the current candidate changes, releasing the
 * string the service was called with: here the listener overwrites it instead. */
static void
on_current_scribble (JpMeetingService *service, char *caller_code)
{
  memset (caller_code, 0xff, strlen (caller_code));
}

static void
test_events_utf8 (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(SoupWebsocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *caller_code = g_strdup (f->zhang_code);
  g_auto(GStrv) out = NULL;
  RawStation st = { 0 };
  const char *marks[] = { other_code (f), NULL };
  const char *text;
  JsonArray *step_out;
  JpMember extra[] = {
    /* an XT member with a Chinese code, conflicted with 张三丰 (same unit) */
    { .code = (char *) "稀土评委戊", .name = (char *) "评委戊", .unit = (char *) "包头稀土研究院",
      .role = JP_MEMBER_ROLE_MEMBER, .trades = (char *[]) { (char *) "XT", NULL } },
    /* the same unit, on another trade's panel: not in the room for an XT candidate */
    { .code = (char *) "M05", .name = (char *) "评委己", .unit = (char *) "包头稀土研究院",
      .role = JP_MEMBER_ROLE_MEMBER, .trades = (char *[]) { (char *) "GF", NULL } },
  };
  gulong handler;

  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_assert_cmpint (jp_store_add_member (f->store, &extra[i], "t", &error), >, 0);
      g_assert_no_error (error);
    }
  conn = raw_station (f, jp_meeting_client_get_token (m01), &st);
  g_assert_nonnull (raw_wait (&st, "hello"));

  /* the events of a round's life, each driven by the service */
  g_assert_true (submit (m02, f->round, marks, "key-utf8-1", &error, NULL));
  g_assert_no_error (error);
  g_assert_nonnull (raw_wait (&st, "progress"));

  handler = g_signal_connect (f->service, "current-candidate-changed",
                              G_CALLBACK (on_current_scribble), caller_code);
  g_assert_true (jp_meeting_service_set_current_candidate (f->service, caller_code, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->service, handler);
  text = raw_wait (&st, "current_candidate");
  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  {
    JsonObject *d = json_object_get_object_member (json_node_get_object (
                                                     json_parser_get_root (parser)), "data");

    g_assert_cmpstr (json_object_get_string_member (d, "code"), ==, f->zhang_code);
    step_out = json_object_get_array_member (d, "step_out");
  }
  out = jp_meeting_service_get_stepping_out (f->service);
  g_assert_cmpstrv (out, ((const char *[]) { "M03", "稀土评委戊", NULL }));
  g_assert_cmpuint (json_array_get_length (step_out), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (step_out, 0), ==, "M03");
  g_assert_cmpstr (json_array_get_string_element (step_out, 1), ==, "稀土评委戊");

  g_assert_true (jp_meeting_service_set_current_candidate (f->service, NULL, &error));
  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_publish_results (f->service, f->round, &error));
  g_assert_no_error (error);
  jp_meeting_service_set_timer (f->service, 30);
  g_assert_nonnull (raw_wait (&st, "round_closed"));
  g_assert_nonnull (raw_wait (&st, "results_published"));
  g_assert_nonnull (raw_wait (&st, "timer"));
  g_assert_true (jp_meeting_service_set_current_candidate (f->service, f->zhang_code, &error));
  jp_meeting_service_end_meeting (f->service);
  g_assert_nonnull (raw_wait (&st, "meeting_ended"));

  /* every frame, whatever its type, was UTF-8 */
  g_assert_false (st.invalid);
  for (guint i = 0; i < st.frames->len; i++)
    g_assert_true (g_utf8_validate (st.frames->pdata[i], -1, NULL));
  g_assert_cmpuint (st.frames->len, >=, 8);

  /* the meeting is over: nobody is discussed, nobody must step out */
  g_assert_null (jp_meeting_service_get_current_candidate (f->service));
  g_clear_pointer (&out, g_strfreev);
  out = jp_meeting_service_get_stepping_out (f->service);
  g_assert_cmpuint (g_strv_length (out), ==, 0);
  g_ptr_array_unref (st.frames);
}

/* DELETE /session ends the station's session: its token is refused, its socket closes. */
static void
test_logout (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(SoupWebsocketConnection) conn = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_strdup (jp_meeting_client_get_token (m01));
  g_autofree char *reason = NULL;
  RawStation st = { 0 };
  GAsyncResult *res = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  conn = raw_station (f, token, &st);
  g_assert_nonnull (raw_wait (&st, "hello"));
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 2);

  g_assert_cmpuint (raw_request (f, "DELETE", "/session", token, NULL, 0, &reply), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply, "status"), ==, "logged-out");
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 1);
  while (!st.closed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (st.closed);
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpuint (raw_request (f, "GET", "/state", token, NULL, 0, &reply), ==, 401);
  g_clear_pointer (&reply, json_object_unref);
  /* twice: not logged in any more */
  g_assert_cmpuint (raw_request (f, "DELETE", "/session", token, NULL, 0, &reply), ==, 401);

  /* the station's own call: the host forgets the session, the client its token */
  jp_meeting_client_logout_async (m02, NULL, test_async_done, &res);
  g_assert_true (jp_meeting_client_logout_finish (m02, test_wait (&res), &error));
  g_assert_no_error (error);
  g_object_unref (res);
  g_assert_null (jp_meeting_client_get_token (m02));
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (f->service), ==, 0);
  state = client_get (m02, "/state", &error, &reason);
  g_assert_null (state);
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_UNAUTHORIZED);
  g_ptr_array_unref (st.frames);
}

static void
count_event (JpMeetingService *service, const char *type, JsonNode *data, guint *n)
{
  if (g_str_equal (type, "results_published"))
    (*n)++;
}

/* An edited stored result is not sent: the chair gets the error, the stations nothing. */
static void
test_publish_tampered (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *marks[] = { other_code (f), NULL };
  guint published = 0;

  g_assert_true (submit (m01, f->round, marks, "key-tamper-1", &error, NULL));
  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_no_error (error);
  /* someone edits the file: one more vote in the stored result */
  sql = g_strdup_printf ("DROP TRIGGER round_closed_frozen; UPDATE round SET result = "
                         "replace (result, '\"votes\":1', '\"votes\":2') WHERE id = %lld",
                         (long long) f->round);
  g_assert_true (jp_store_exec (f->store, sql, NULL));
  g_signal_connect (f->service, "event", G_CALLBACK (count_event), &published);
  g_assert_false (jp_meeting_service_publish_results (f->service, f->round, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "altered"));
  g_assert_cmpuint (published, ==, 0);
  g_signal_handlers_disconnect_by_data (f->service, &published);
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

#define ADD(path, func) \
  g_test_add ("/meeting/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
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
  ADD ("events/progress", test_events);
  ADD ("events/utf8", test_events_utf8);
  ADD ("session/logout", test_logout);
  ADD ("results/tampered-not-published", test_publish_tampered);
#undef ADD
  g_test_add_func ("/meeting/host-addresses", test_host_addresses);
  return g_test_run ();
}
