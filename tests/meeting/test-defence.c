/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-test-util.h"
#include "meeting/jp-meeting-service-defence.h"

/* The defence over the meeting protocol, end to end: stations (real clients) against a host
 * on 127.0.0.1 in this process's main loop. The test election: XT with 张三丰 (A, M03 is
 * conflicted with him), B and C; panel M01, M02, M03; M04 is on the GF panel. The ballot
 * makes A and B the finalists: A 2 votes, B 3, C 1 for 2 seats. */

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  char             *a;          /* 张三丰's code: M03 steps out */
  char             *b;
  gint64            session;
  GPtrArray        *events;     /* "type" of each event the service sent */
} Fixture;

static void
on_event (JpMeetingService *service, const char *type, JsonNode *data, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup (type));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JpRound) round = NULL;

  f->dir = g_dir_make_tmp ("jp-defence-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->events = g_ptr_array_new_with_free_func (g_free);
  f->store = test_meeting_store (path, 0, f->pins);
  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);
  g_signal_connect (f->service, "event", G_CALLBACK (on_event), f);

  test_xt_finalists (f->store, f->service, &f->a, &f->b);

  f->session = jp_meeting_service_defence_open (f->service, "XT", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->session, >, 0);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->a);
  g_free (f->b);
  g_ptr_array_unref (f->events);
  g_hash_table_unref (f->pins);
}

static JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

/* PUT (draft) or POST (submit) a sheet "13,21.5,..." for `code`; returns the host's reason
 * key of a refusal (transfer full) or NULL when accepted. */
static char *
send_sheet (Fixture         *f,
            JpMeetingClient *client,
            const char      *method,
            const char      *code,
            const char      *values,
            char           **message)
{
  g_autoptr(JsonNode) body = NULL;
  g_auto(GStrv) list = g_strsplit (values, ",", -1);
  g_autofree char *path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/scores", f->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = NULL;
  GAsyncResult *res = NULL;
  char *reason;

  body = test_sheet_body (code, (const char *const *) list, "sheet-key-0001");
  jp_meeting_client_send_async (client, method, path, body, NULL, test_async_done, &res);
  reply = jp_meeting_client_get_finish (client, test_wait (&res), &error);
  reason = reply != NULL ? NULL : g_strdup (jp_meeting_client_request_reason (res));
  if (reply == NULL)
    g_assert_nonnull (reason);
  if (message != NULL)
    *message = error != NULL ? g_strdup (error->message) : NULL;
  g_object_unref (res);
  return reason;
}

static const char *
value_at (JsonObject *defence, guint i)
{
  JsonObject *sheet = json_object_get_object_member (defence, "sheet");

  return json_array_get_string_element (json_object_get_array_member (sheet, "values"), i);
}

static guint
count_events (Fixture *f, const char *type)
{
  guint n = 0;

  for (guint i = 0; i < f->events->len; i++)
    n += g_str_equal (f->events->pdata[i], type);
  return n;
}

/* Three stations score the current candidate: drafts, then submissions; N of M follows. */
static void
test_stations_score (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JsonObject) before = test_get_defence (m01);
  g_autoptr(JsonObject) now = NULL;
  g_autoptr(JpDefenceSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const JpDefenceCandidate *c;
  JpMeetingClient *stations[] = { m01, m02, m03 };
  const char *sheets[] = { "13,21.5,22,17,12", "12,20,20,16,12", "14,22,21,17,14" };

  /* the session is open, nobody called yet */
  g_assert_cmpint (json_object_get_int_member (before, "round"), ==, f->session);
  g_assert_true (json_object_get_null_member (before, "candidate"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (before, "rubric")),
                    ==, 5);

  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->session, f->b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (f, "current_candidate"), ==, 1);
  now = test_get_defence (m02);
  g_assert_cmpstr (json_object_get_string_member (now, "candidate"), ==, f->b);
  g_assert_false (json_object_get_boolean_member (now, "step_out"));
  g_assert_cmpint (json_object_get_int_member (now, "count"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (now, "sheet"),
                                                  "state"), ==, "none");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *draft = send_sheet (f, stations[i], "PUT", f->b, "13,,,,", NULL);
      g_autofree char *reason = NULL;

      g_assert_null (draft);
      g_assert_cmpuint (count_events (f, "defence_progress"), ==, i);
      reason = send_sheet (f, stations[i], "POST", f->b, sheets[i], NULL);
      g_assert_null (reason);
      g_assert_cmpuint (count_events (f, "defence_progress"), ==, i + 1);
    }
  session = jp_store_get_defence_session (f->store, f->session, &error);
  g_assert_no_error (error);
  c = jp_defence_session_find (session, f->b);
  g_assert_cmpuint (c->n_submitted, ==, 3);
  g_assert_cmpuint (c->n_expected, ==, 3);
  g_assert_true (c->complete);
}

/* A station that restarts (a new client, a new login) gets its draft back as typed. */
static void
test_restart_keeps_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) first = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) again = NULL;
  g_autoptr(JsonObject) defence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->session, f->a, &error));
  reason = send_sheet (f, first, "PUT", f->a, "13,21.5,,17.0,", NULL);
  g_assert_null (reason);
  g_clear_object (&first);

  again = logged_in (f, "M01");
  defence = test_get_defence (again);
  g_assert_cmpstr (json_object_get_string_member (defence, "candidate"), ==, f->a);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (defence,
                                                                                  "sheet"),
                                                  "state"), ==, "draft");
  g_assert_cmpstr (value_at (defence, 0), ==, "13");
  g_assert_cmpstr (value_at (defence, 1), ==, "21.5");
  g_assert_cmpstr (value_at (defence, 2), ==, "");
  g_assert_cmpstr (value_at (defence, 3), ==, "17");
}

/* What the host refuses, whatever the station's UI did. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JpMeetingClient) m04 = logged_in (f, "M04");
  g_autoptr(JsonObject) d03 = NULL;
  g_autoptr(JsonObject) d04 = NULL;
  g_autoptr(GError) error = NULL;
  char *reason, *message = NULL;

  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->session, f->a, &error));

  /* M03 is conflicted with A: told to step out, no sheet; a sheet is refused */
  d03 = test_get_defence (m03);
  g_assert_true (json_object_get_boolean_member (d03, "step_out"));
  g_assert_false (json_object_has_member (d03, "sheet"));
  reason = send_sheet (f, m03, "PUT", f->a, "13,,,,", &message);
  g_assert_cmpstr (reason, ==, "conflicted");
  g_assert_nonnull (strstr (message, f->a));
  g_clear_pointer (&reason, g_free);
  g_clear_pointer (&message, g_free);
  reason = send_sheet (f, m03, "POST", f->a, "13,21.5,22,17,12", NULL);
  g_assert_cmpstr (reason, ==, "conflicted");
  g_clear_pointer (&reason, g_free);

  /* B is not the current candidate */
  reason = send_sheet (f, m01, "POST", f->b, "13,21.5,22,17,12", &message);
  g_assert_cmpstr (reason, ==, "not-current");
  g_assert_nonnull (strstr (message, f->b));
  g_clear_pointer (&reason, g_free);
  g_clear_pointer (&message, g_free);

  /* a member of another trade's panel has no defence here */
  d04 = test_get_defence (m04);
  g_assert_true (json_object_get_null_member (d04, "round"));
  reason = send_sheet (f, m04, "POST", f->a, "13,21.5,22,17,12", NULL);
  g_assert_cmpstr (reason, ==, "not-on-panel");
  g_clear_pointer (&reason, g_free);

  /* bad values: the message names the criterion and the maximum */
  reason = send_sheet (f, m01, "POST", f->a, "13,26,22,17,12", &message);
  g_assert_cmpstr (reason, ==, "invalid-score");
  g_assert_nonnull (strstr (message, "25"));
  g_clear_pointer (&reason, g_free);
  g_clear_pointer (&message, g_free);
  reason = send_sheet (f, m01, "POST", f->a, "13,21.3,22,17,12", NULL);
  g_assert_cmpstr (reason, ==, "invalid-score");
  g_clear_pointer (&reason, g_free);
  reason = send_sheet (f, m01, "POST", f->a, "13,21.5,22,17", NULL);
  g_assert_cmpstr (reason, ==, "invalid-score");
  g_clear_pointer (&reason, g_free);

  /* submitted; the station's replay of the same sheet is accepted; a second, different
   * submit and a later draft are refused */
  reason = send_sheet (f, m01, "POST", f->a, "13,21.5,22,17,12", NULL);
  g_assert_null (reason);
  reason = send_sheet (f, m01, "POST", f->a, "13,21.5,22,17,12", NULL);
  g_assert_null (reason);
  g_assert_cmpuint (count_events (f, "defence_progress"), ==, 1);
  reason = send_sheet (f, m01, "POST", f->a, "14,21.5,22,17,12", &message);
  g_assert_cmpstr (reason, ==, "already-submitted");
  g_clear_pointer (&reason, g_free);
  g_clear_pointer (&message, g_free);
  reason = send_sheet (f, m01, "PUT", f->a, "1,,,,", NULL);
  g_assert_cmpstr (reason, ==, "already-submitted");
  g_clear_pointer (&reason, g_free);
}

/* The chair unlocks a sheet with a written reason: the member may change and submit it
 * again, even after the chair moved on to the next candidate. */
static void
test_unlock (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpDefenceSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  char *reason;

  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->session, f->a, &error));
  reason = send_sheet (f, m01, "POST", f->a, "13,21.5,22,17,12", NULL);
  g_assert_null (reason);
  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->session, f->b, &error));
  g_assert_false (jp_meeting_service_defence_unlock (f->service, f->session, "M01", f->a, "  ",
                                                     &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (jp_meeting_service_defence_unlock (f->service, f->session, "M01", f->a,
                                                    "评委误填第二项", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (f, "defence_sheet"), ==, 1);
  reason = send_sheet (f, m01, "POST", f->a, "13,23,22,17,12", NULL);
  g_assert_null (reason);
  sheet = jp_store_defence_get_sheet (f->store, f->session, "M01", f->a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_SUBMITTED);
  g_assert_cmpint (sheet->halves[1], ==, 46);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/defence/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("stations-score", test_stations_score);
  ADD ("restart-keeps-draft", test_restart_keeps_draft);
  ADD ("refusals", test_refusals);
  ADD ("unlock", test_unlock);
#undef ADD
  return g_test_run ();
}
