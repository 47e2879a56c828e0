/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-protocol-util.h"
#include "store/jp-store-private.h"   /* jp_store_exec: the tests edit the file as an attacker */

/* The meeting protocol's events end to end: what stations hear (progress, valid UTF-8),
 * a session ended, results not published when tampered with. */

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
int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("events/progress", test_events);
  ADD ("events/utf8", test_events_utf8);
  ADD ("session/logout", test_logout);
  ADD ("results/tampered-not-published", test_publish_tampered);
  return g_test_run ();
}
