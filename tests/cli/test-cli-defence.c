/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-defence"

#include "cli-test-util.h"

/* The second half of the meeting day from the command line, as a user drives it: the
 * ballot decides the finalists, the defence session is scored at the stations (`score`) and
 * on paper (`scores enter`), closed, and the composite ranking adjusted and sealed. */

#define HEADER "member,candidate,职业素养与工匠精神,技能水平与技术专长,创新成果与攻关贡献," \
               "带徒传技与示范引领,陈述与答辩表现\n"

static const char *const panel[7] = { "M03", "M05", "M06", "M09", "M11", "M12", "M15" };

/* FW-01: 90, 88.5, 87, 86, 85, 84, 60: drop 90 (M03) and 60 (M15); D = 430.5 / 5 = 86.10;
 * the median is 86, M15 is 26 away: an alert. */
static const char *const fw01[7] = { "15,23,22,17,13", "14,23,22.5,16,13", "14,22,22,16,13",
                                     "14,22,21,16,13", "13,21,21,17,13", "13,21,20,17,13",
                                     "10,15,15,10,10" };

static void
write_file (Fixture *f, const char *name, const char *text, char **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (f->dir, name, NULL);
  g_file_set_contents (*path, text, -1, &error);
  g_assert_no_error (error);
}

/* Runs a command expecting failure with `status`; returns stderr. */
static char *
run_fail (int status, const char *db, const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  char *err = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  while (args->len < 13)
    g_ptr_array_add (args, NULL);
  g_assert_cmpint (run_cli (&out, &err, args->pdata[0], "--db", db, args->pdata[1],
                            args->pdata[2], args->pdata[3], args->pdata[4], args->pdata[5],
                            args->pdata[6], args->pdata[7], args->pdata[8], args->pdata[9],
                            args->pdata[10], args->pdata[11], NULL), ==, status);
  return err;
}

static void
score_ok (Fixture *f, const char *member, const char *candidate, const char *values)
{
  g_autoptr(JsonNode) node = run_json (f->db, "score", "--round", "2", "--member", member,
                                       "--candidate", candidate, "--values", values, "--submit",
                                       NULL);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "state"), ==,
                   "submitted");
}

static void
test_end_to_end (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *a_csv = NULL, *b_csv = NULL, *likes = NULL;
  g_autoptr(JsonNode) opened = NULL, status = NULL, entered = NULL, entered2 = NULL,
                      sheet = NULL, seal = NULL, imported = NULL;
  g_autoptr(GString) paper = g_string_new (HEADER);
  g_autoptr(GString) paper_typo = g_string_new (HEADER);
  JsonObject *o;
  JsonArray *cands;
  char *e;

  test_cli_fw_finalists (f);
  opened = run_json (f->db, "round", "open", "--kind", "defence", "--trade", "FW", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (opened), "round"), ==, 2);
  g_assert_cmpint (run_cli (&out, &err, "round", "open", "--db", f->db, "--kind", "defence",
                            "--trade", "FW", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already has its defence session"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_json (f->db, "defence", "status", "--round", "2", NULL);
  o = json_node_get_object (status);
  g_assert_true (json_object_get_null_member (o, "current"));
  cands = json_object_get_array_member (o, "candidates");
  g_assert_cmpuint (json_array_get_length (cands), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (cands, 0),
                                               "expected"), ==, 7);

  /* a sheet before the chair calls the candidate */
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                "--values", "13,21.5,22,17,12", NULL);
  g_assert_nonnull (strstr (e, "not the current candidate"));
  g_free (e);
  g_assert_cmpint (run_cli (&out, &err, "defence", "current", "--db", f->db, "--round", "2",
                            "--candidate", "FW-01", NULL), ==, 0);

  /* bad input, each named */
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                "--values", "16,21.5,22,17,12", NULL);
  g_assert_nonnull (strstr (e, "above the maximum of 15.0"));
  g_free (e);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                "--values", "13,21.3,22,17,12", NULL);
  g_assert_nonnull (strstr (e, "Criterion 2"));
  g_assert_nonnull (strstr (e, "multiple of 0.5"));
  g_free (e);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                "--values", "13,x,22,17,12", NULL);
  g_assert_nonnull (strstr (e, "not a score"));
  g_free (e);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                "--values", "13,21.5,22,17", NULL);
  g_assert_nonnull (strstr (e, "4 scores but the rubric has 5"));
  g_free (e);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-03",
                "--values", "13,21.5,22,17,12", NULL);
  g_assert_nonnull (strstr (e, "FW-03 is not a candidate of defence session 2"));
  g_free (e);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M01", "--candidate", "FW-01",
                "--values", "13,21.5,22,17,12", NULL);
  g_assert_nonnull (strstr (e, "not on the panel"));
  g_free (e);

  /* a draft comes back; then the sheets are submitted */
  sheet = run_json (f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                    "--values", "15,23,,17,13", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sheet), "state"), ==,
                   "draft");
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (sheet), "total"), ==,
                     68.0);
  for (int m = 0; m < 7; m++)
    score_ok (f, panel[m], "FW-01", fw01[m]);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-01",
                "--values", fw01[0], "--submit", NULL);
  g_assert_nonnull (strstr (e, "already submitted"));
  g_free (e);

  /* the alert: the chair asks M15 to revise once; M15 keeps 60 */
  g_assert_cmpint (run_cli (&out, &err, "defence", "revise", "--db", f->db, "--round", "2",
                            "--member", "M15", "--candidate", "FW-01", NULL), ==, 0);
  e = run_fail (1, f->db, "defence", "revise", "--round", "2", "--member", "M15", "--candidate",
                "FW-01", NULL);
  g_assert_nonnull (strstr (e, "revised once"));
  g_free (e);
  g_assert_cmpint (run_cli (&out, &err, "defence", "current", "--db", f->db, "--round", "2",
                            "--candidate", "FW-02", NULL), ==, 0);
  score_ok (f, "M15", "FW-01", fw01[6]);

  /* FW-02 on paper: 80 for everyone but M05 82.5 and M09 79 -> D = 400 / 5 = 80.00 */
  for (int m = 0; m < 7; m++)
    {
      const char *v = m == 1 ? "12.5,21,21,16,12" : m == 3 ? "12,20,19,16,12" : "12,20,20,16,12";

      g_string_append_printf (paper, "%s,FW-02,%s\n", panel[m], v);
      g_string_append_printf (paper_typo, "%s,FW-02,%s\n", panel[m],
                              m == 4 ? "12,20,20,16,11" : v);
    }
  write_file (f, "a.csv", paper->str, &a_csv);
  write_file (f, "b.csv", paper_typo->str, &b_csv);
  entered = run_json (f->db, "scores", "enter", "--round", "2", "--file", a_csv, "--entered-by",
                      "M03", "--confirm-file", b_csv, "--confirmed-by", "M05", NULL);
  o = json_node_get_object (entered);
  g_assert_cmpint (json_object_get_int_member (o, "first"), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "differences")), ==,
                    1);
  g_assert_nonnull (strstr (json_array_get_string_element (
                              json_object_get_array_member (o, "differences"), 0), "M11"));
  e = run_fail (1, f->db, "round", "close", "--round", "2", NULL);
  g_assert_nonnull (strstr (e, "M11"));
  g_free (e);
  entered2 = run_json (f->db, "scores", "enter", "--round", "2", "--confirm-file", a_csv,
                       "--confirmed-by", "M05", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (entered2), "differences")), ==, 0);

  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", "2", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  e = run_fail (1, f->db, "score", "--round", "2", "--member", "M03", "--candidate", "FW-02",
                "--values", "1,1,1,1,1", NULL);
  g_free (e);

  /* the digest is the SHA-256 of the canonical text, which anyone can print */
  {
    g_autoptr(JsonNode) closed = run_json (f->db, "defence", "status", "--round", "2", NULL);
    g_autofree char *sha = NULL;

    g_assert_cmpint (run_cli (&out, &err, "defence", "text", "--db", f->db, "--round", "2",
                              NULL), ==, 0);
    sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (closed), "digest"),
                     ==, sha);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (closed), "state"),
                     ==, "closed");
    g_assert_nonnull (strstr (out, "\"D\":86.10,"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* the results as printed: exact decimals */
  g_assert_cmpint (run_cli (&out, &err, "defence", "--db", f->db, "--round", "2", "--json",
                            NULL), ==, 0);
  /* the order of appearance is drawn: FW-01 comes first or second */
  g_assert_true (strstr (out, "{\"round\":2,\"trade\":\"FW\",\"candidates\":[{\"code\":"
                              "\"FW-01\",\"order\":1,\"n\":7,\"D\":86.1,\"totals\":[{"
                              "\"member\":\"M03\",\"total\":90.0,\"dropped\":\"high\"}") != NULL
                 || strstr (out, ",{\"code\":\"FW-01\",\"order\":2,\"n\":7,\"D\":86.1,"
                                 "\"totals\":[{\"member\":\"M03\",\"total\":90.0,"
                                 "\"dropped\":\"high\"}") != NULL);
  g_assert_nonnull (strstr (out, "{\"member\":\"M15\",\"total\":60.0,\"dropped\":\"low\"}"));
  g_assert_nonnull (strstr (out, "\"alerts\":[{\"member\":\"M15\",\"total\":60.0,"
                                 "\"median\":86.0,\"revised\":true}]"));
  g_assert_nonnull (strstr (out, "\"code\":\"FW-02\""));
  g_assert_nonnull (strstr (out, "\"D\":80.0,"));
  g_assert_nonnull (strstr (out, "{\"member\":\"M05\",\"total\":82.5,\"dropped\":\"high\"}"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* judge consistency: M15 60 - 86.10 and 80 - 80.00, mean -13.05, one alert;
   * M05 88.5 - 86.10 and 82.5 - 80.00, mean 2.45 */
  g_assert_cmpint (run_cli (&out, &err, "defence", "consistency", "--db", f->db, "--round", "2",
                            "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "{\"member\":\"M15\",\"sheets\":2,\"mean_diff\":-13.05,"
                                 "\"alerts\":1}"));
  g_assert_nonnull (strstr (out, "{\"member\":\"M05\",\"sheets\":2,\"mean_diff\":2.45,"
                                 "\"alerts\":0}"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* likes, then the ranking:
   * FW-01: 0.30 × 80 + 0.10 × 100 + 0.60 × 86.10 = 24 + 10 + 51.66 = 85.66
   * FW-02: 0.30 × 80 + 0.10 × 66.64 + 0.60 × 80 = 24 + 6.664 + 48 = 78.664 -> 78.66 */
  write_file (f, "likes.csv", "code,likes\nFW-01,1520\nFW-02,1013\n", &likes);
  imported = run_json (f->db, "likes", "import", "--file", likes, NULL);
  g_assert_cmpint (run_cli (&out, &err, "rank", "--db", f->db, "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\"weights\":{\"V\":0.3,\"O\":0.1,\"D\":0.6},\"quota\":20,\"candidates\":["
                   "{\"code\":\"FW-01\",\"trade\":\"FW\",\"V\":80.0,\"O\":100.0,\"D\":86.1,"
                   "\"C\":85.66,\"rank\":1,\"tied\":false,\"recommended\":true,"
                   "\"adjustment\":null},"
                   "{\"code\":\"FW-02\",\"trade\":\"FW\",\"V\":80.0,\"O\":66.64,\"D\":80.0,"
                   "\"C\":78.66,\"rank\":2,\"tied\":false,\"recommended\":true,"
                   "\"adjustment\":null}]}\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a cap of 1 for FW: FW-02 is capped, the place stays empty for lack of other trades */
  g_assert_cmpint (run_cli (&out, &err, "settings", "--db", f->db, "--set", "caps.FW=1", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "rank", "--db", f->db, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"C\":78.66,\"rank\":2,\"tied\":false,\"recommended\":false"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "settings", "--db", f->db, "--set", "caps.FW=5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the chair's adjustment needs a reason */
  e = run_fail (1, f->db, "rank", "adjust", "--candidate", "FW-02", "--out", NULL);
  g_assert_nonnull (strstr (e, "reason"));
  g_free (e);
  e = run_fail (2, f->db, "rank", "adjust", "--candidate", "FW-02", "--reason", "x", NULL);
  g_free (e);
  g_assert_cmpint (run_cli (&out, &err, "rank", "adjust", "--db", f->db, "--candidate", "FW-02",
                            "--out", "--reason", "材料存疑", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "rank", "--db", f->db, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"recommended\":false,\"adjustment\":{\"direction\":\"out\","
                                 "\"reason\":\"材料存疑\"}"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  seal = run_json (f->db, "rank", "seal", NULL);
  g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (seal),
                                                            "digest")), ==, 64);
  e = run_fail (1, f->db, "rank", "adjust", "--candidate", "FW-01", "--out", "--reason", "late",
                NULL);
  g_assert_nonnull (strstr (e, "sealed"));
  g_free (e);
  e = run_fail (1, f->db, "likes", "import", "--file", likes, NULL);
  g_free (e);
}

static void
test_open_before_ballot (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==,
                   0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "round", "open", "--db", f->db, "--kind", "defence",
                            "--trade", "FW", "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no closed ballot round"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "rank", "--db", f->db, "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "{\"weights\":{\"V\":0.3,\"O\":0.1,\"D\":0.6},\"quota\":20,"
                            "\"candidates\":[]}\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/defence/end-to-end", Fixture, NULL, fixture_set_up, test_end_to_end,
              fixture_tear_down);
  g_test_add ("/cli/defence/open-before-ballot", Fixture, NULL, fixture_set_up,
              test_open_before_ballot, fixture_tear_down);
  return g_test_run ();
}
