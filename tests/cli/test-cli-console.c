/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-console"

#include "cli-test-util.h"

static void
make_demo (Fixture *f)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "6", NULL), ==, 0);
}

static JsonObject *
find_by_int (JsonArray *array, const char *member, gint64 value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (json_object_get_int_member (o, member) == value)
        return o;
    }
  return NULL;
}

/* Qualifies a candidate with the criteria of its form, which the demo backs with evidence. */
static void
qualify_by_form (Fixture *f, JsonObject *candidate)
{
  JsonArray *criteria = json_object_get_array_member (candidate, "criteria");
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         json_object_get_int_member (candidate, "id"));
  g_autoptr(JsonNode) saved = NULL;
  JsonObject *o;

  for (guint k = 0; k < json_array_get_length (criteria); k++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, k > 0 ? "," : "",
                            json_array_get_int_element (criteria, k));
  saved = run_json (f->db, "qualify", "--candidate", id, "--criteria", list->str, NULL);
  o = json_node_get_object (saved);
  g_assert_cmpstr (json_object_get_string_member (o, "decision"), ==, "qualified");
  g_assert_cmpint (json_object_get_int_member (o, "candidate_id"), ==,
                   json_object_get_int_member (candidate, "id"));
  g_assert_cmpstr (json_object_get_string_member (o, "decided_by"), ==, "cli");
  /* every ticked criterion is linked to at least one document */
  for (guint k = 0; k < json_array_get_length (criteria); k++)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              json_array_get_int_element (criteria, k));

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
        json_object_get_object_member (o, "evidence"), key)), >=, 1);
    }
  g_assert_true (json_object_has_member (o, "warnings"));
}

static void
test_review_and_freeze (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) cands = NULL;
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) seats = NULL;
  g_autoptr(JsonNode) trades = NULL;
  g_autoptr(JsonNode) frozen = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  JsonArray *list, *arr;
  JsonObject *o;
  gint64 returned_id, first_id;
  g_autofree char *returned = NULL, *first = NULL;
  guint n, qualified = 0;
  gint64 sum = 0;

  make_demo (f);
  cands = run_json (f->db, "candidates", NULL);
  list = json_node_get_array (cands);
  n = json_array_get_length (list);
  g_assert_cmpuint (n, ==, 6);
  first_id = json_object_get_int_member (json_array_get_object_element (list, 0), "id");
  returned_id = json_object_get_int_member (json_array_get_object_element (list, 1), "id");
  first = g_strdup_printf ("%" G_GINT64_FORMAT, first_id);
  returned = g_strdup_printf ("%" G_GINT64_FORMAT, returned_id);

  /* a criterion without evidence is refused with the core's message */
  g_assert_cmpint (run_cli (&out, &err, "qualify", "--db", f->db, "--candidate", first,
                            "--criteria", "1,2,3,4,5,6", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no evidence"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* returned needs a reason; bad options are named */
  g_assert_cmpint (run_cli (&out, &err, "qualify", "--db", f->db, "--candidate", returned,
                            "--return", " ", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "reason"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "qualify", "--db", f->db, "--candidate", first,
                            "--criteria", "9", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--criteria"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "qualify", "--db", f->db, "--candidate", first,
                            "--criteria", "1", "--exclusion", "bribery", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--exclusion"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  qualify_by_form (f, json_array_get_object_element (list, 0));
  {
    g_autoptr(JsonNode) r = run_json (f->db, "qualify", "--candidate", returned, "--return",
                                      "推荐材料缺少公示证明", NULL);

    o = json_node_get_object (r);
    g_assert_cmpstr (json_object_get_string_member (o, "decision"), ==, "returned");
    g_assert_cmpstr (json_object_get_string_member (o, "reason"), ==, "推荐材料缺少公示证明");
  }

  status = run_json (f->db, "review-status", NULL);
  o = json_node_get_object (status);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (o, "reviewed"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "qualified"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "returned"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "pending"), ==, 4);
  arr = json_object_get_array_member (o, "trades");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *t = json_array_get_object_element (arr, i);

      g_assert_nonnull (json_object_get_string_member (t, "code"));
      g_assert_cmpint (json_object_get_int_member (t, "total"), ==,
                       json_object_get_int_member (t, "qualified") +
                       json_object_get_int_member (t, "returned") +
                       json_object_get_int_member (t, "pending"));
    }

  /* the freeze waits for the review */
  g_assert_cmpint (run_cli (&out, &err, "freeze", "--db", f->db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "4 candidates are still pending review"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 2; i < n; i++)
    qualify_by_form (f, json_array_get_object_element (list, i));
  qualified = n - 1;

  trades = run_json (f->db, "trades", NULL);
  arr = json_node_get_array (trades);
  g_assert_cmpuint (json_array_get_length (arr), >=, 1);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *t = json_array_get_object_element (arr, i);

      g_assert_nonnull (json_object_get_string_member (t, "code"));
      g_assert_nonnull (json_object_get_string_member (t, "name"));
      g_assert_true (json_object_has_member (t, "priority"));
      g_assert_cmpint (json_object_get_int_member (t, "seats"), <=,
                       json_object_get_int_member (t, "qualified"));
      sum += json_object_get_int_member (t, "qualified");
    }
  g_assert_cmpint (sum, ==, qualified);

  /* 5 qualified, fewer than the 30 seats: every one of them gets a seat */
  seats = run_json (f->db, "seats", NULL);
  o = json_node_get_object (seats);
  g_assert_cmpint (json_object_get_int_member (o, "target"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (o, "sum"), ==, qualified);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "notes")), >=, 1);
  sum = 0;
  arr = json_object_get_array_member (o, "trades");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    sum += json_object_get_int_member (json_array_get_object_element (arr, i), "seats");
  g_assert_cmpint (sum, ==, json_object_get_int_member (o, "sum"));
  /* more seats than qualified candidates is refused, naming nothing changed */
  g_assert_cmpint (run_cli (&out, &err, "seats", "--db", f->db, "--set", "XT=9", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "XT"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "seats", "--db", f->db, "--set", "NOPE=1", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "NOPE"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  frozen = run_json (f->db, "freeze", NULL);
  o = json_node_get_object (frozen);
  g_assert_cmpint (json_object_get_int_member (o, "frozen_at"), >, 0);
  arr = json_object_get_array_member (o, "trades");
  sum = 0;
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *t = json_array_get_object_element (arr, i);
      JsonArray *codes = json_object_get_array_member (t, "codes");

      for (guint k = 0; k < json_array_get_length (codes); k++)
        {
          JsonObject *c = json_array_get_object_element (codes, k);
          g_autofree char *expect = g_strdup_printf ("%s-%02u",
                                                     json_object_get_string_member (t, "code"),
                                                     k + 1);

          g_assert_cmpstr (json_object_get_string_member (c, "code"), ==, expect);
          sum++;
        }
    }
  g_assert_cmpint (sum, ==, qualified);

  /* the candidates carry their codes; the returned one has none */
  after = run_json (f->db, "candidates", NULL);
  list = json_node_get_array (after);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);
      gint64 id = json_object_get_int_member (c, "id");

      if (id == returned_id)
        {
          g_assert_true (json_object_get_null_member (c, "code"));
          continue;
        }
      g_assert_cmpstr (json_object_get_string_member (c, "status"), ==, "qualified");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "code"),
                                       json_object_get_string_member (c, "trade_code")));
      /* the code the freeze printed for this candidate */
      {
        JsonObject *drawn = NULL;

        for (guint t = 0; t < json_array_get_length (arr) && drawn == NULL; t++)
          drawn = find_by_int (json_object_get_array_member (
                                 json_array_get_object_element (arr, t), "codes"),
                               "candidate_id", id);
        g_assert_nonnull (drawn);
        g_assert_cmpstr (json_object_get_string_member (drawn, "code"), ==,
                         json_object_get_string_member (c, "code"));
      }
    }

  /* no second freeze */
  g_assert_cmpint (run_cli (&out, &err, "freeze", "--db", f->db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already frozen"));
}

static void
test_members_conflicts_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) members = NULL;
  g_autoptr(JsonNode) pin1 = NULL;
  g_autoptr(JsonNode) pin2 = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) conflicts = NULL;
  g_autoptr(JsonNode) conflicts2 = NULL;
  g_autoptr(JsonNode) settings = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id = NULL;
  JsonObject *m16 = NULL, *o;
  JsonArray *arr;
  const char *p1, *p2;
  guint before;

  make_demo (f);
  g_assert_cmpint (run_cli (&out, &err, "member", "add", "--db", f->db, "--code", "M16",
                            "--name", "测试评委", "--unit", "测试单位", "--role", "member",
                            "--trades", "XT,GF", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "member", "add", "--db", f->db, "--code", "M17",
                            "--name", "某", "--role", "boss", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--role"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  pin1 = run_json (f->db, "member", "pin", "--member", "M16", NULL);
  pin2 = run_json (f->db, "member", "pin", "--member", "M16", NULL);
  p1 = json_object_get_string_member (json_node_get_object (pin1), "pin");
  p2 = json_object_get_string_member (json_node_get_object (pin2), "pin");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (pin1), "member"), ==,
                   "M16");
  g_assert_cmpuint (strlen (p1), ==, 6);
  g_assert_cmpuint (strspn (p1, "0123456789"), ==, 6);
  g_assert_cmpuint (strspn (p2, "0123456789"), ==, 6);
  /* two draws from 10^6 PINs: equal only once in a million runs */
  g_assert_cmpstr (p1, !=, p2);
  g_assert_cmpint (run_cli (&out, &err, "member", "pin", "--db", f->db, "--member", "M99",
                            NULL), ==, 1);
  g_assert_nonnull (strstr (err, "M99"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  members = run_json (f->db, "members", NULL);
  arr = json_node_get_array (members);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (arr, i),
                                                  "code"), "M16") == 0)
      m16 = json_array_get_object_element (arr, i);
  g_assert_nonnull (m16);
  g_assert_cmpstr (json_object_get_string_member (m16, "name"), ==, "测试评委");
  g_assert_cmpstr (json_object_get_string_member (m16, "role"), ==, "member");
  g_assert_cmpstr (json_object_get_string_member (m16, "unit"), ==, "测试单位");
  g_assert_true (json_object_get_boolean_member (m16, "has_pin"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m16, "trades")), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (arr, 0),
                                                  "has_pin"));

  conflicts = run_json (f->db, "conflicts", NULL);
  before = json_array_get_length (json_node_get_array (conflicts));
  added = run_json (f->db, "conflict", "add", "--member", "M16", "--candidate", "1", "--type",
                    "relative", "--note", "表兄弟", NULL);
  id = g_strdup_printf ("%" G_GINT64_FORMAT,
                        json_object_get_int_member (json_node_get_object (added), "id"));
  conflicts2 = run_json (f->db, "conflicts", NULL);
  arr = json_node_get_array (conflicts2);
  g_assert_cmpuint (json_array_get_length (arr), ==, before + 1);
  o = find_by_int (arr, "candidate_id", 1);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *c = json_array_get_object_element (arr, i);

      if (g_strcmp0 (json_object_get_string_member (c, "member"), "M16") == 0)
        o = c;
    }
  g_assert_cmpstr (json_object_get_string_member (o, "member"), ==, "M16");
  g_assert_cmpstr (json_object_get_string_member (o, "member_name"), ==, "测试评委");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "declared");
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "relative");
  g_assert_cmpstr (json_object_get_string_member (o, "note"), ==, "表兄弟");
  g_assert_nonnull (json_object_get_string_member (o, "candidate_name"));
  g_assert_cmpint (run_cli (&out, &err, "conflict", "add", "--db", f->db, "--member", "M16",
                            "--candidate", "1", "--type", "cousin", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--type"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "conflict", "remove", "--db", f->db, "--id", id, NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&conflicts2, json_node_unref);
  conflicts2 = run_json (f->db, "conflicts", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (conflicts2)), ==, before);
  g_assert_cmpint (run_cli (&out, &err, "conflict", "remove", "--db", f->db, "--id", id, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, id));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* settings: a valid change is kept, a bad value is refused naming it */
  settings = run_json (f->db, "settings", "--set", "publicity_days=7", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (settings),
                                               "publicity_days"), ==, 7);
  g_assert_cmpint (run_cli (&out, &err, "settings", "--db", f->db, "--set",
                            "weights.ballot=0.5", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "add up to 1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "settings", "--db", f->db, "--set",
                            "publicity.working_days=many", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "working_days"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "settings", "--db", f->db, "--set", "colour=red", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "colour"));
  g_clear_pointer (&settings, json_node_unref);
  settings = run_json (f->db, "settings", NULL);
  o = json_node_get_object (settings);
  g_assert_cmpint (json_object_get_int_member (o, "publicity_days"), ==, 7);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (
                                    json_object_get_object_member (o, "weights"), "votes"),
                                  0.3, 1e-9);
}

static void
test_pins_revoke (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) revoked = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) members = NULL;
  g_autofree char *out = NULL, *err = NULL;
  JsonArray *arr;
  guint with_pin = 0;

  make_demo (f);
  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%02d", i);
      g_autoptr(JsonNode) pin = run_json (f->db, "member", "pin", "--member", code, NULL);
    }
  members = run_json (f->db, "members", NULL);
  arr = json_node_get_array (members);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    with_pin += json_object_get_boolean_member (json_array_get_object_element (arr, i),
                                                "has_pin");
  g_assert_cmpuint (with_pin, >=, 3);

  revoked = run_json (f->db, "pins", "revoke", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (revoked), "revoked"), ==,
                   with_pin);
  g_clear_pointer (&members, json_node_unref);
  members = run_json (f->db, "members", NULL);
  arr = json_node_get_array (members);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (arr, i),
                                                    "has_pin"));
  /* nothing left to revoke; the text form says so */
  again = run_json (f->db, "pins", "revoke", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (again), "revoked"), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "pins", "revoke", "--db", f->db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "pins", "--db", f->db, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "pins revoke"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/console/review-and-freeze", Fixture, NULL, fixture_set_up,
              test_review_and_freeze, fixture_tear_down);
  g_test_add ("/cli/console/members-conflicts-settings", Fixture, NULL, fixture_set_up,
              test_members_conflicts_settings, fixture_tear_down);
  g_test_add ("/cli/console/pins-revoke", Fixture, NULL, fixture_set_up, test_pins_revoke,
              fixture_tear_down);
  return g_test_run ();
}
