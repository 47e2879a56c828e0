/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-test-util.h"
#include "meeting/jp-meeting-service-defence.h"
#include "meeting/jp-station-model.h"
#include "meeting/jp-submission.h"
#include "store/jp-random.h"

/* The station's typed model (jp-station-model.h): the host's real replies read through the
 * typed requests of JpMeetingClient (a host on 127.0.0.1 in this process), and replies the
 * station cannot read, which must fail naming the field instead of reading as zero. */

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  char             *a;          /* 张三丰's code: M03 is conflicted with him */
  char             *b;
  char             *c;
  char             *a_sha256;   /* of 张三丰's evidence file */
  gint64            round;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JpCandidate) full = NULL;
  char *code[3];
  gint64 zhang_id = 0;

  f->dir = g_dir_make_tmp ("jp-station-model-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (path, 0, f->pins);
  f->service = jp_meeting_service_new (f->store);
  f->server = jp_meeting_server_new (f->service);
  f->base = test_listen (f->server);

  test_xt_codes (f->store, code, &zhang_id);
  f->a = code[0];
  f->b = code[1];
  f->c = code[2];
  full = jp_store_get_candidate (f->store, zhang_id, &error);
  g_assert_no_error (error);
  f->a_sha256 = g_strdup (((JpDocumentRef *) full->documents->pdata[0])->sha256);
  /* XT: 2 seats, at most 2 choices */
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
  g_free (f->a);
  g_free (f->b);
  g_free (f->c);
  g_free (f->a_sha256);
  g_hash_table_unref (f->pins);
}

static JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

static JpRemoteState *
get_state (JpMeetingClient *client)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  JpRemoteState *state;

  jp_meeting_client_get_state_async (client, NULL, test_async_done, &res);
  state = jp_meeting_client_get_state_finish (client, test_wait (&res), &error);
  g_assert_no_error (error);
  g_object_unref (res);
  return state;
}

static JpRemoteDefence *
get_defence (JpMeetingClient *client)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  JpRemoteDefence *defence;

  jp_meeting_client_get_defence_async (client, NULL, test_async_done, &res);
  defence = jp_meeting_client_get_defence_finish (client, test_wait (&res), &error);
  g_assert_no_error (error);
  g_object_unref (res);
  return defence;
}

/* Sends a sheet; returns the host's reason key of a refusal, NULL when kept. */
static char *
save_sheet (Fixture *f, JpMeetingClient *client, const char *code, const char *values,
            const char *key)
{
  g_auto(GStrv) list = g_strsplit (values, ",", -1);
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  char *reason = NULL;

  jp_meeting_client_save_sheet_async (client, f->round, code, (const char * const *) list,
                                      key, NULL, test_async_done, &res);
  if (!jp_meeting_client_save_sheet_finish (client, test_wait (&res), &error))
    {
      g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_REFUSED);
      reason = g_strdup (jp_meeting_client_request_reason (res));
      g_assert_nonnull (reason);
    }
  g_object_unref (res);
  return reason;
}

/* The login, the state and the round as the host sends them to a member. */
static void
test_real_login_state_round (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JpRemoteState) state = get_state (m03);
  g_autoptr(JpRemoteRound) round = NULL;
  g_autoptr(GError) error = NULL;
  const JpRemoteLogin *login = jp_meeting_client_get_login (m03);
  const JpRemoteRound *summary;
  GAsyncResult *res = NULL;
  g_auto(GStrv) codes = g_new0 (char *, 4);

  g_assert_nonnull (login);
  g_assert_cmpstr (login->member_code, ==, "M03");
  g_assert_cmpstr (login->member_name, ==, "评委丙");
  g_assert_cmpstr (login->member_role, ==, "member");
  g_assert_cmpstr (login->token, ==, jp_meeting_client_get_token (m03));

  g_assert_cmpint (state->stage, ==, JP_REMOTE_STAGE_VOTING);
  g_assert_null (state->current_candidate);
  g_assert_false (state->step_out);
  g_assert_cmpuint (state->rounds->len, ==, 1);
  summary = state->rounds->pdata[0];
  g_assert_cmpint (summary->id, ==, f->round);
  g_assert_cmpint (summary->kind, ==, JP_ROUND_KIND_BALLOT);
  g_assert_cmpstr (summary->trade, ==, "XT");
  g_assert_cmpstr (summary->trade_name, ==, "稀土");
  g_assert_cmpint (summary->number, ==, 1);
  g_assert_cmpint (summary->state, ==, JP_ROUND_STATE_OPEN);
  g_assert_cmpint (summary->seats, ==, 2);
  g_assert_cmpint (summary->max_choices, ==, 2);
  g_assert_false (summary->voted);
  g_assert_true (jp_remote_rounds_find (state->rounds, f->round) == summary);
  g_assert_null (jp_remote_rounds_find (state->rounds, f->round + 1));

  jp_meeting_client_get_round_async (m03, f->round, NULL, test_async_done, &res);
  round = jp_meeting_client_get_round_finish (m03, test_wait (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);
  g_assert_true (jp_remote_round_is_open (round));
  g_assert_cmpint (round->max_choices, ==, 2);
  g_assert_cmpuint (round->candidates->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JpRemoteCandidate *c = round->candidates->pdata[i];

      g_assert_cmpint (c->position, ==, (int) i + 1);
      codes[i] = g_strdup (c->code);
    }
  g_assert_true (g_strv_contains ((const char * const *) codes, f->a));
  g_assert_true (g_strv_contains ((const char * const *) codes, f->b));
  g_assert_true (g_strv_contains ((const char * const *) codes, f->c));
  /* M03 comes from 张三丰's unit */
  g_assert_cmpuint (g_strv_length (round->conflicted), ==, 1);
  g_assert_true (jp_remote_round_is_conflicted (round, f->a));
  g_assert_false (jp_remote_round_is_conflicted (round, f->b));

  /* after the ballot, the state says voted */
  {
    const char *marks[] = { f->b, NULL };
    g_autoptr(JpRemoteState) after = NULL;

    jp_meeting_client_submit_ballot_async (m03, f->round, marks, NULL, NULL, test_async_done,
                                           &res);
    g_assert_true (jp_meeting_client_submit_ballot_finish (m03, test_wait (&res), &error));
    g_assert_no_error (error);
    g_clear_object (&res);
    after = get_state (m03);
    g_assert_true (((JpRemoteRound *) after->rounds->pdata[0])->voted);
  }

  /* a round the host does not know: refused with its reason, no model */
  jp_meeting_client_get_round_async (m03, f->round + 100, NULL, test_async_done, &res);
  g_assert_null (jp_meeting_client_get_round_finish (m03, test_wait (&res), &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND);
  g_assert_cmpstr (jp_meeting_client_request_reason (res), ==, "unknown-round");
  g_object_unref (res);
}

/* The anonymised dossier: the fields sent, the evidence list, no name in the texts. */
static void
test_real_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JpRemoteDossier) d = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  JpRemoteEvidence *e;

  jp_meeting_client_get_dossier_async (m01, f->a, NULL, test_async_done, &res);
  d = jp_meeting_client_get_dossier_finish (m01, test_wait (&res), &error);
  g_assert_no_error (error);
  g_clear_object (&res);
  g_assert_cmpstr (d->code, ==, f->a);
  g_assert_cmpstr (d->trade, ==, "XT");
  g_assert_cmpstr (d->trade_name, ==, "稀土");
  g_assert_cmpstr (d->work_type, ==, "稀土冶炼工");
  g_assert_cmpuint (d->criteria->len, ==, 1);
  g_assert_cmpint (g_array_index (d->criteria, int, 0), ==, 2);
  g_assert_nonnull (d->summary);
  g_assert_null (strstr (d->summary, "张三丰"));
  g_assert_nonnull (strstr (d->summary, "■■■"));
  g_assert_cmpstr (d->deeds, ==, "长期扎根一线，带徒传技。");
  g_assert_cmpuint (d->evidence->len, ==, 1);
  e = d->evidence->pdata[0];
  g_assert_cmpint (e->pages, ==, 2);
  g_assert_cmpint (e->criterion, ==, 2);
  g_assert_cmpstr (e->sha256, ==, f->a_sha256);

  /* the conflicted member is refused in the host's words */
  jp_meeting_client_get_dossier_async (m03, f->a, NULL, test_async_done, &res);
  g_assert_null (jp_meeting_client_get_dossier_finish (m03, test_wait (&res), &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_REFUSED);
  g_assert_cmpstr (jp_meeting_client_request_reason (res), ==, "conflicted");
  g_object_unref (res);
}

/* The defence: none open; open without a candidate; the sheet, the draft kept, the
 * conflicted member stepping out, a refusal; the submission. */
static void
test_real_defence (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m03 = logged_in (f, "M03");
  g_autoptr(JpRemoteDefence) none = get_defence (m01);
  g_autoptr(JpRemoteDefence) open = NULL;
  g_autoptr(JpRemoteDefence) sheet = NULL;
  g_autoptr(JpRemoteDefence) draft = NULL;
  g_autoptr(JpRemoteDefence) step_out = NULL;
  g_autoptr(JpRemoteDefence) submitted = NULL;
  g_autoptr(JpDefenceSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *again = NULL;
  const char *marks[][3] = { { "M01", NULL, NULL }, { "M02", NULL, NULL },
                             { "M03", NULL, NULL } };

  g_assert_cmpint (none->round_id, ==, 0);
  g_assert_null (none->candidate);
  g_assert_cmpuint (none->rubric->len, ==, 0);

  /* A (2 votes) and B (3) are the finalists, C has 1 */
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *m[] = { i < 2 ? f->a : f->c, f->b, NULL };

      jp_store_submit_ballot (f->store, f->round, marks[i][0], m, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_no_error (error);
  f->round = jp_meeting_service_defence_open (f->service, "XT", &error);
  g_assert_no_error (error);
  session = jp_store_get_defence_session (f->store, f->round, &error);
  g_assert_no_error (error);

  open = get_defence (m01);
  g_assert_cmpint (open->round_id, ==, f->round);
  g_assert_cmpstr (open->trade, ==, "XT");
  g_assert_cmpstr (open->trade_name, ==, "稀土");
  g_assert_cmpint (open->count, ==, 2);
  g_assert_null (open->candidate);
  g_assert_cmpuint (open->rubric->len, ==, session->rubric->len);
  for (guint i = 0; i < session->rubric->len; i++)
    {
      const JpRubricCriterion *want = session->rubric->pdata[i];
      const JpRubricCriterion *got = open->rubric->pdata[i];

      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpfloat (got->max, ==, want->max);
    }

  g_assert_true (jp_meeting_service_defence_set_current (f->service, f->round, f->a, &error));
  g_assert_no_error (error);
  sheet = get_defence (m01);
  g_assert_cmpstr (sheet->candidate, ==, f->a);
  g_assert_cmpint (sheet->position, >=, 1);
  g_assert_false (sheet->step_out);
  g_assert_true (sheet->has_sheet);
  g_assert_cmpint (sheet->sheet_state, ==, JP_REMOTE_SHEET_NONE);
  g_assert_cmpuint (g_strv_length (sheet->values), ==, session->rubric->len);
  g_assert_cmpstr (sheet->values[0], ==, "");

  /* the draft comes back as typed */
  kept = save_sheet (f, m01, f->a, "12.5,,,,", NULL);
  g_assert_null (kept);
  draft = get_defence (m01);
  g_assert_cmpint (draft->sheet_state, ==, JP_REMOTE_SHEET_DRAFT);
  g_assert_cmpstr (draft->values[0], ==, "12.5");
  g_assert_cmpstr (draft->values[1], ==, "");

  /* M03 steps out for 张三丰 and gets no sheet */
  step_out = get_defence (m03);
  g_assert_true (step_out->step_out);
  g_assert_false (step_out->has_sheet);
  g_assert_cmpuint (g_strv_length (step_out->values), ==, 0);

  /* a sheet for a candidate not called: refused with the host's reason */
  refused = save_sheet (f, m01, f->b, "1,1,1,1,1", NULL);
  g_assert_cmpstr (refused, ==, "not-current");

  g_assert_null (save_sheet (f, m01, f->a, "12.5,20,20,16,12", "sheet-key-0001"));
  submitted = get_defence (m01);
  g_assert_cmpint (submitted->sheet_state, ==, JP_REMOTE_SHEET_SUBMITTED);
  g_assert_cmpstr (submitted->values[1], ==, "20");
  /* other values over a submitted sheet: the host keeps the first */
  again = save_sheet (f, m01, f->a, "1,1,1,1,1", "sheet-key-0002");
  g_assert_cmpstr (again, ==, "already-submitted");
}

/* ---- replies the station cannot read ---- */

static JsonObject *
object_from (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The error names the request and the field. */
static void
assert_names (GError *error, const char *request, const char *field)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", field);

  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL);
  if (strstr (error->message, request) == NULL || strstr (error->message, quoted) == NULL)
    g_error ("“%s” does not name %s and %s", error->message, request, quoted);
}

#define ROUND_SUMMARY "\"id\":3,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"number\":1," \
                      "\"state\":\"open\",\"seats\":2"

static void
test_malformed_round (void)
{
  static const struct { const char *json, *field; } cases[] = {
    /* max_choices missing: never read as 0 or 1 */
    { "{" ROUND_SUMMARY ",\"voted\":false,\"candidates\":[],\"conflicted\":[]}",
      "max_choices" },
    /* of the wrong type */
    { "{" ROUND_SUMMARY ",\"max_choices\":\"2\",\"voted\":false,\"candidates\":[],"
      "\"conflicted\":[]}", "max_choices" },
    { "{" ROUND_SUMMARY ",\"max_choices\":2.5,\"voted\":false,\"candidates\":[],"
      "\"conflicted\":[]}", "max_choices" },
    { "{" ROUND_SUMMARY ",\"max_choices\":2,\"voted\":\"no\",\"candidates\":[],"
      "\"conflicted\":[]}", "voted" },
    { "{" ROUND_SUMMARY ",\"max_choices\":2,\"voted\":false,\"candidates\":{},"
      "\"conflicted\":[]}", "candidates" },
    { "{" ROUND_SUMMARY ",\"max_choices\":2,\"voted\":false,"
      "\"candidates\":[{\"code\":\"XT-01\",\"position\":1},{\"position\":2}],"
      "\"conflicted\":[]}", "candidates[1].code" },
    { "{" ROUND_SUMMARY ",\"max_choices\":2,\"voted\":false,"
      "\"candidates\":[{\"code\":\"XT-01\",\"position\":1}],\"conflicted\":[7]}",
      "conflicted[0]" },
    { "{\"id\":3,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"number\":1,\"state\":\"ajar\","
      "\"seats\":2,\"max_choices\":2,\"voted\":false,\"candidates\":[],\"conflicted\":[]}",
      "state" },
    { "{" ROUND_SUMMARY ",\"max_choices\":2,\"voted\":false,\"candidates\":[]}",
      "conflicted" },
  };
  g_autoptr(JsonObject) good = object_from ("{" ROUND_SUMMARY ",\"max_choices\":2,"
                                            "\"voted\":false,\"candidates\":"
                                            "[{\"code\":\"XT-02\",\"position\":1}],"
                                            "\"conflicted\":[\"XT-02\"]}");
  g_autoptr(JpRemoteRound) round = NULL;
  g_autoptr(GError) error = NULL;

  round = jp_remote_round_from_json (good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->id, ==, 3);
  g_assert_true (jp_remote_round_is_conflicted (round, "XT-02"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) o = object_from (cases[i].json);
      g_autoptr(GError) e = NULL;

      g_assert_null (jp_remote_round_from_json (o, &e));
      assert_names (e, "GET /rounds", cases[i].field);
    }
  g_assert_null (jp_remote_round_from_json (NULL, &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL);
}

static void
test_malformed_state (void)
{
  static const struct { const char *json, *field; } cases[] = {
    { "{\"rounds\":[],\"current_candidate\":null,\"step_out\":false}", "stage" },
    { "{\"stage\":\"voting\",\"rounds\":3,\"current_candidate\":null,\"step_out\":false}",
      "rounds" },
    /* every round of /state says whether the member voted */
    { "{\"stage\":\"voting\",\"rounds\":[{" ROUND_SUMMARY ",\"max_choices\":2}],"
      "\"current_candidate\":null,\"step_out\":false}", "rounds[0].voted" },
    { "{\"stage\":\"voting\",\"rounds\":[{" ROUND_SUMMARY ",\"voted\":true}],"
      "\"current_candidate\":null,\"step_out\":false}", "rounds[0].max_choices" },
    { "{\"stage\":\"voting\",\"rounds\":[\"3\"],\"current_candidate\":null,"
      "\"step_out\":false}", "rounds[0]" },
    { "{\"stage\":\"voting\",\"rounds\":[],\"current_candidate\":5,\"step_out\":false}",
      "current_candidate" },
    { "{\"stage\":\"voting\",\"rounds\":[],\"current_candidate\":null}", "step_out" },
    { "{\"stage\":\"paused\",\"rounds\":[],\"current_candidate\":null,\"step_out\":false}",
      "stage" },
  };
  g_autoptr(JsonObject) good = object_from ("{\"stage\":\"ended\",\"rounds\":[{"
                                            ROUND_SUMMARY ",\"max_choices\":2,"
                                            "\"voted\":true}],\"current_candidate\":"
                                            "\"XT-01\",\"step_out\":true}");
  g_autoptr(JpRemoteState) state = NULL;
  g_autoptr(GError) error = NULL;

  state = jp_remote_state_from_json (good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->stage, ==, JP_REMOTE_STAGE_ENDED);
  g_assert_cmpstr (state->current_candidate, ==, "XT-01");
  g_assert_true (state->step_out);
  g_assert_true (((JpRemoteRound *) state->rounds->pdata[0])->voted);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) o = object_from (cases[i].json);
      g_autoptr(GError) e = NULL;

      g_assert_null (jp_remote_state_from_json (o, &e));
      assert_names (e, "GET /state", cases[i].field);
    }
}

#define DOSSIER_HEAD "\"code\":\"XT-01\",\"trade\":\"XT\",\"trade_name\":\"稀土\"," \
                     "\"work_type\":null,\"skill_level\":\"高级工\",\"education\":null," \
                     "\"summary\":\"■■■同志\",\"deeds\":null"

static void
test_malformed_dossier (void)
{
  static const struct { const char *json, *field; } cases[] = {
    { "{" DOSSIER_HEAD ",\"criteria\":[2],\"evidence\":[]}", "years_in_trade" },
    { "{" DOSSIER_HEAD ",\"years_in_trade\":\"20\",\"criteria\":[2],\"evidence\":[]}",
      "years_in_trade" },
    { "{" DOSSIER_HEAD ",\"years_in_trade\":20,\"criteria\":[\"2\"],\"evidence\":[]}",
      "criteria[0]" },
    { "{" DOSSIER_HEAD ",\"years_in_trade\":20,\"criteria\":[2],\"evidence\":"
      "[{\"sha256\":\"ab\",\"pages\":\"2\",\"criterion\":2}]}", "evidence[0].pages" },
    { "{" DOSSIER_HEAD ",\"years_in_trade\":20,\"criteria\":[2],\"evidence\":"
      "[{\"pages\":2,\"criterion\":2}]}", "evidence[0].sha256" },
    { "{" DOSSIER_HEAD ",\"years_in_trade\":20,\"criteria\":[2]}", "evidence" },
  };
  g_autoptr(JsonObject) good = object_from ("{" DOSSIER_HEAD ",\"years_in_trade\":20,"
                                            "\"criteria\":[2,5],\"evidence\":[{\"sha256\":"
                                            "\"ab\",\"pages\":3,\"criterion\":5}]}");
  g_autoptr(JpRemoteDossier) d = NULL;
  g_autoptr(GError) error = NULL;

  d = jp_remote_dossier_from_json (good, &error);
  g_assert_no_error (error);
  /* null texts the candidate left empty stay NULL, not "" or a crash */
  g_assert_null (d->work_type);
  g_assert_null (d->deeds);
  g_assert_cmpstr (d->skill_level, ==, "高级工");
  g_assert_cmpint (d->years_in_trade, ==, 20);
  g_assert_cmpint (g_array_index (d->criteria, int, 1), ==, 5);
  g_assert_cmpint (((JpRemoteEvidence *) d->evidence->pdata[0])->pages, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) o = object_from (cases[i].json);
      g_autoptr(GError) e = NULL;

      g_assert_null (jp_remote_dossier_from_json (o, &e));
      assert_names (e, "GET /dossiers", cases[i].field);
    }
}

#define DEFENCE_HEAD "\"round\":9,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"count\":2," \
                     "\"rubric\":[{\"name\":\"操作\",\"max\":40},{\"name\":\"答辩\",\"max\":12.5}]"

static void
test_malformed_defence (void)
{
  static const struct { const char *json, *field; } cases[] = {
    { "{\"round\":\"9\",\"candidate\":null}", "round" },
    { "{\"round\":9,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"count\":2,\"candidate\":null}",
      "rubric" },
    { "{\"round\":9,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"count\":2,"
      "\"rubric\":[{\"name\":\"操作\"}],\"candidate\":null}", "rubric[0].max" },
    { "{\"round\":9,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"count\":2,"
      "\"rubric\":[{\"name\":\"操作\",\"max\":\"40\"}],\"candidate\":null}", "rubric[0].max" },
    { "{" DEFENCE_HEAD ",\"candidate\":\"XT-01\",\"step_out\":false,\"sheet\":"
      "{\"state\":\"none\",\"values\":[\"\",\"\"]}}", "position" },
    /* a member who does not step out always gets a sheet */
    { "{" DEFENCE_HEAD ",\"candidate\":\"XT-01\",\"position\":1,\"step_out\":false}",
      "sheet" },
    { "{" DEFENCE_HEAD ",\"candidate\":\"XT-01\",\"position\":1,\"step_out\":false,"
      "\"sheet\":{\"state\":\"none\",\"values\":[\"\",12]}}", "sheet.values[1]" },
    { "{" DEFENCE_HEAD ",\"candidate\":\"XT-01\",\"position\":1,\"step_out\":false,"
      "\"sheet\":{\"state\":\"locked\",\"values\":[\"\",\"\"]}}", "sheet.state" },
  };
  g_autoptr(JsonObject) none = object_from ("{\"round\":null,\"candidate\":null}");
  g_autoptr(JsonObject) step_out = object_from ("{" DEFENCE_HEAD ",\"candidate\":\"XT-01\","
                                                "\"position\":2,\"step_out\":true}");
  g_autoptr(JsonObject) short_sheet = object_from ("{" DEFENCE_HEAD ",\"candidate\":\"XT-01\","
                                                   "\"position\":1,\"step_out\":false,"
                                                   "\"sheet\":{\"state\":\"draft\","
                                                   "\"values\":[\"3\"]}}");
  g_autoptr(JpRemoteDefence) d = NULL;
  g_autoptr(JpRemoteDefence) s = NULL;
  g_autoptr(GError) error = NULL;

  d = jp_remote_defence_from_json (none, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->round_id, ==, 0);
  s = jp_remote_defence_from_json (step_out, &error);
  g_assert_no_error (error);
  g_assert_true (s->step_out);
  g_assert_false (s->has_sheet);
  g_assert_cmpint (s->position, ==, 2);
  g_assert_cmpfloat (((JpRubricCriterion *) s->rubric->pdata[1])->max, ==, 12.5);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) o = object_from (cases[i].json);
      g_autoptr(GError) e = NULL;

      g_assert_null (jp_remote_defence_from_json (o, &e));
      assert_names (e, "GET /defence", cases[i].field);
    }
  /* one value for two criteria: a sheet the station could not show field by field */
  g_assert_null (jp_remote_defence_from_json (short_sheet, &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "GET /defence"));
}

static void
test_malformed_login_event (void)
{
  g_autoptr(JsonObject) no_token = object_from ("{\"member\":{\"code\":\"M01\",\"name\":\"甲\","
                                                "\"role\":\"member\"},\"election\":"
                                                "{\"title\":\"t\",\"year\":2026}}");
  g_autoptr(JsonObject) no_year = object_from ("{\"token\":\"ab\",\"member\":{\"code\":\"M01\","
                                               "\"name\":\"甲\",\"role\":\"member\"},"
                                               "\"election\":{\"title\":\"t\"}}");
  g_autoptr(JsonNode) event = json_from_string ("{\"id\":\"4\"}", NULL);
  g_autoptr(JsonNode) good = json_from_string ("{\"id\":4,\"kind\":\"defence\"}", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = -1;

  g_assert_null (jp_remote_login_from_json (no_token, &error));
  assert_names (error, "POST /session", "token");
  g_clear_error (&error);
  g_assert_null (jp_remote_login_from_json (no_year, &error));
  assert_names (error, "POST /session", "election.year");
  g_clear_error (&error);

  g_assert_false (jp_remote_event_round_id (event, &id, &error));
  assert_names (error, "events", "data.id");
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);
  g_assert_true (jp_remote_event_round_id (good, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 4);
}


/* ---- submissions: the key and the outcome of an attempt, as both widgets read them ---- */

static JpSubmissionOutcome
submit_ballot (JpMeetingClient *client, gint64 round, const char *code, const char *key)
{
  const char *marks[] = { code, NULL };
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  JpSubmissionOutcome outcome;

  jp_meeting_client_submit_ballot_async (client, round, marks, key, NULL, test_async_done,
                                         &res);
  ok = jp_meeting_client_submit_ballot_finish (client, test_wait (&res), &error);
  outcome = jp_submission_outcome (ok, error, res);
  g_object_unref (res);
  return outcome;
}

static gboolean
failing_source (guint8 *buf, gsize len, gpointer user_data, GError **error)
{
  g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED, "no entropy today");
  return FALSE;
}

static void
test_submission_outcomes (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JpSubmission s = { NULL };
  JpSubmission broken = { NULL };
  g_autofree char *first = NULL;
  const char *none[] = { "", NULL };
  GAsyncResult *res = NULL;
  gboolean ok;

  /* one key per submission, kept for every attempt; a new one after reset */
  first = g_strdup (jp_submission_key (&s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (first), ==, 32);
  g_assert_cmpstr (jp_submission_key (&s, &error), ==, first);
  jp_submission_reset (&s);
  g_assert_cmpstr (jp_submission_key (&s, &error), !=, first);
  /* a failing random source is an error, never a weak key */
  jp_random_set_source_for_testing (failing_source, NULL);
  g_assert_null (jp_submission_key (&broken, &error));
  jp_random_set_source_for_testing (NULL, NULL);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_cmpint (submit_ballot (m01, f->round, f->b, jp_submission_key (&s, NULL)), ==,
                   JP_SUBMISSION_ACCEPTED);
  /* the same key again (a lost reply): accepted again, stored once */
  g_assert_cmpint (submit_ballot (m01, f->round, f->b, jp_submission_key (&s, NULL)), ==,
                   JP_SUBMISSION_ACCEPTED);
  /* another ballot of the same member: the host has one already */
  g_assert_cmpint (submit_ballot (m01, f->round, f->c, "another-key-0001"), ==,
                   JP_SUBMISSION_STORED_BEFORE);
  /* a code that is not on the ballot: refused for good */
  g_assert_cmpint (submit_ballot (m02, f->round, "XT-99", "m02-key-000001"), ==,
                   JP_SUBMISSION_REFUSED);

  /* a widget that went away */
  g_cancellable_cancel (cancelled);
  jp_meeting_client_save_sheet_async (m02, f->round, f->b, none, NULL, cancelled,
                                      test_async_done, &res);
  ok = jp_meeting_client_save_sheet_finish (m02, test_wait (&res), &error);
  g_assert_cmpint (jp_submission_outcome (ok, error, res), ==, JP_SUBMISSION_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&res);

  /* the host gone: not sent (the ballot stays queued) */
  jp_meeting_server_disconnect (f->server);
  g_assert_cmpint (submit_ballot (m02, f->round, f->b, "m02-key-000002"), ==,
                   JP_SUBMISSION_NOT_SENT);
  g_assert_cmpuint (jp_meeting_client_get_n_queued (m02), ==, 1);
  jp_submission_reset (&s);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/meeting/station-model/real-login-state-round", Fixture, NULL, fixture_setup,
              test_real_login_state_round, fixture_teardown);
  g_test_add ("/meeting/station-model/real-dossier", Fixture, NULL, fixture_setup,
              test_real_dossier, fixture_teardown);
  g_test_add ("/meeting/station-model/real-defence", Fixture, NULL, fixture_setup,
              test_real_defence, fixture_teardown);
  g_test_add ("/meeting/submission/outcomes", Fixture, NULL, fixture_setup,
              test_submission_outcomes, fixture_teardown);
  g_test_add_func ("/meeting/station-model/malformed-round", test_malformed_round);
  g_test_add_func ("/meeting/station-model/malformed-state", test_malformed_state);
  g_test_add_func ("/meeting/station-model/malformed-dossier", test_malformed_dossier);
  g_test_add_func ("/meeting/station-model/malformed-defence", test_malformed_defence);
  g_test_add_func ("/meeting/station-model/malformed-login-event", test_malformed_login_event);
  return g_test_run ();
}
