/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-rounds"

#include "cli-test-util.h"

static void
make_demo (Fixture *f)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==, 0);
}


static void
write_file (Fixture *f, const char *name, const char *text, char **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (f->dir, name, NULL);
  g_file_set_contents (*path, text, -1, &error);
  g_assert_no_error (error);
}

/* The demo with every candidate qualified (criteria of the form) and frozen. */
static void
make_frozen (Fixture *f)
{
  g_autoptr(JsonNode) frozen = NULL;

  make_demo (f);
  test_cli_qualify_all (f->db);
  frozen = run_json (f->db, "freeze", NULL);
}

static void
test_whole_round (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *a = NULL, *b = NULL, *b_bad = NULL;
  g_autoptr(JsonNode) opened = NULL, entered = NULL, tally = NULL, runoff = NULL;
  g_autoptr(JsonNode) tally2 = NULL, fin = NULL;
  g_autofree char *round = NULL, *round2 = NULL;
  JsonObject *t, *ballots, *c0;
  JsonArray *cands;

  make_frozen (f);
  opened = run_json (f->db, "round", "open", "--kind", "ballot", "--trade", "FW", "--seats", "2",
                     "--max-choices", "2", "--present", "8", NULL);
  round = g_strdup_printf ("%" G_GINT64_FORMAT,
                           json_object_get_int_member (json_node_get_object (opened), "round"));
  g_assert_cmpstr (round, ==, "1");

  /* FW-01 4, FW-02 2, FW-03 2, FW-04 0; one blank, one invalid word, one over-vote */
  write_file (f, "a.csv", "serial,marks\n1,FW-01 FW-02\n2,FW-01 FW-03\n3,\n4,invalid\n"
              "5,FW-01 FW-02 FW-03\n6,FW-02 FW-03\n7,FW-01\n8,FW-01\n", &a);
  write_file (f, "b-bad.csv", "serial,marks\n1,FW-01 FW-02\n2,FW-01 FW-04\n3,\n4,invalid\n"
              "5,FW-01 FW-02 FW-03\n6,FW-03 FW-02\n8,FW-01\n", &b_bad);
  write_file (f, "b.csv", "serial,marks\n8,FW-01\n7,FW-01\n6,FW-03 FW-02\n5,FW-03 FW-02 FW-01\n"
              "4,INVALID\n3,\n2,FW-03 FW-01\n1,FW-02 FW-01\n", &b);

  /* the tally is refused while open */
  g_assert_cmpint (run_cli (&out, &err, "tally", "--db", f->db, "--round", round, "--json", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "not closed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  entered = run_json (f->db, "ballots", "enter", "--round", round, "--file", a, "--entered-by",
                      "M15", "--confirm-file", b_bad, "--confirmed-by", "M12", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (entered), "differences")), ==, 2);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", round, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "serial 2 "));
  g_assert_nonnull (strstr (err, "serial 7 "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_clear_pointer (&entered, json_node_unref);
  entered = run_json (f->db, "ballots", "enter", "--round", round, "--confirm-file", b,
                      "--confirmed-by", "M12", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (entered), "differences")), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", round, NULL),
                   ==, 0);

  tally = run_json (f->db, "tally", "--round", round, NULL);
  t = json_node_get_object (tally);
  g_assert_cmpint (json_object_get_int_member (t, "round"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (t, "trade"), ==, "FW");
  g_assert_cmpint (json_object_get_int_member (t, "seats"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (t, "max_choices"), ==, 2);
  g_assert_false (json_object_get_boolean_member (t, "void"));
  ballots = json_object_get_object_member (t, "ballots");
  g_assert_cmpint (json_object_get_int_member (ballots, "present"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (ballots, "cast"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (ballots, "valid"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (ballots, "invalid"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (ballots, "blank"), ==, 1);
  cands = json_object_get_array_member (t, "candidates");
  g_assert_cmpuint (json_array_get_length (cands), ==, 4);
  c0 = json_array_get_object_element (cands, 0);
  g_assert_cmpstr (json_object_get_string_member (c0, "code"), ==, "FW-01");
  g_assert_cmpint (json_object_get_int_member (c0, "votes"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (c0, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (c0, "outcome"), ==, "advanced");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cands, 1),
                                                  "outcome"), ==, "runoff");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cands, 2),
                                                  "code"), ==, "FW-03");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (cands, 2),
                                               "rank"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cands, 3),
                                                  "outcome"), ==, "out");
  /* the digest is SHA-256 of the canonical form (docs/result-digest.md) */
  {
    g_autofree char *canon = g_strdup (
      "{\"ballots\":{\"blank\":1,\"cast\":8,\"invalid\":2,\"present\":8,\"valid\":6},"
      "\"candidates\":[{\"code\":\"FW-01\",\"outcome\":\"advanced\",\"rank\":1,\"votes\":4},"
      "{\"code\":\"FW-02\",\"outcome\":\"runoff\",\"rank\":2,\"votes\":2},"
      "{\"code\":\"FW-03\",\"outcome\":\"runoff\",\"rank\":2,\"votes\":2},"
      "{\"code\":\"FW-04\",\"outcome\":\"out\",\"rank\":4,\"votes\":0}],"
      "\"max_choices\":2,\"round\":1,\"seats\":2,\"trade\":\"FW\",\"void\":false}");
    g_autofree char *list = json_to_string (json_object_get_member (t, "ballot_list"), FALSE);
    g_autofree char *sealed = NULL;
    g_autofree char *hex = NULL;

    /* version 2: the ballots by serial, then the result */
    g_assert_cmpint (json_object_get_int_member (t, "digest_version"), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (t, "ballot_list")),
                      ==, 8);
    sealed = g_strdup_printf ("{\"ballots\":%s,\"result\":%s,\"version\":2}", list, canon);
    hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sealed, -1);
    g_assert_cmpstr (json_object_get_string_member (t, "digest"), ==, hex);
  }

  runoff = run_json (f->db, "round", "runoff", "--round", round, NULL);
  round2 = g_strdup_printf ("%" G_GINT64_FORMAT,
                            json_object_get_int_member (json_node_get_object (runoff), "round"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "vote", "--db", f->db, "--round", round2, "--member",
                            "M03", "--marks", "FW-02", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* the run-off is for 1 seat: two marks are refused */
  g_assert_cmpint (run_cli (&out, &err, "vote", "--db", f->db, "--round", round2, "--member",
                            "M06", "--marks", "FW-02 FW-03", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "at most 1 candidate"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", round2, NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "seal", "--db", f->db, "--round", round2, NULL),
                   ==, 0);
  tally2 = run_json (f->db, "tally", "--round", round2, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (tally2), "candidates"), 0), "code"),
                   ==, "FW-02");

  fin = run_json (f->db, "finalists", NULL);
  {
    JsonObject *fw = json_array_get_object_element (json_object_get_array_member (
      json_node_get_object (fin), "trades"), 0);
    JsonArray *names = json_object_get_array_member (fw, "finalists");

    g_assert_cmpstr (json_object_get_string_member (fw, "trade"), ==, "FW");
    g_assert_cmpint (json_object_get_int_member (fw, "seats"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (fw, "seats_open"), ==, 0);
    g_assert_cmpuint (json_array_get_length (names), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (names, 0),
                                                    "code"), ==, "FW-01");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (names, 1),
                                                    "code"), ==, "FW-02");
  }

  /* the seats are filled: no new round by accident, only with a written reason */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "open", "--db", f->db, "--kind", "ballot",
                            "--trade", "FW", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "reason"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "open", "--db", f->db, "--kind", "ballot",
                            "--trade", "FW", "--reason", "评委会决定复议", NULL), ==, 0);
}

static void
test_bad_paper_files (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *unknown = NULL, *dup = NULL;
  g_autoptr(JsonNode) opened = NULL;

  make_frozen (f);
  opened = run_json (f->db, "round", "open", "--kind", "ballot", "--trade", "FW", NULL);
  write_file (f, "unknown.csv", "serial,marks\n1,FW-01\n2,FW-77\n", &unknown);
  write_file (f, "dup.csv", "serial,marks\n1,FW-01\n2,FW-02\n2,FW-03\n", &dup);
  g_assert_cmpint (run_cli (&out, &err, "ballots", "enter", "--db", f->db, "--round", "1",
                            "--file", unknown, "--entered-by", "M15", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "unknown.csv, line 3"));
  g_assert_nonnull (strstr (err, "FW-77"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "ballots", "enter", "--db", f->db, "--round", "1",
                            "--file", dup, "--entered-by", "M15", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "dup.csv, line 4"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* a defence session waits for the ballot to finish; an unknown kind is wrong usage */
  g_assert_cmpint (run_cli (&out, &err, "round", "open", "--db", f->db, "--kind", "defence",
                            "--trade", "FW", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not decided yet"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "open", "--db", f->db, "--kind", "vote",
                            "--trade", "FW", NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/rounds/whole-round", Fixture, NULL, fixture_set_up, test_whole_round,
              fixture_tear_down);
  g_test_add ("/cli/rounds/bad-paper-files", Fixture, NULL, fixture_set_up,
              test_bad_paper_files, fixture_tear_down);
  return g_test_run ();
}
