/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-cli-publicity"

#include "cli-test-util.h"
#include <poppler.h>

/* Publicity and objections from the command line, as the office drives them: the dates of
 * a period, publicity from the sealed ranking, objections logged and decided, the close that
 * seals the final list. */

#define HEADER "member,candidate,职业素养与工匠精神,技能水平与技术专长,创新成果与攻关贡献," \
               "带徒传技与示范引领,陈述与答辩表现\n"

static const char *const panel[7] = { "M03", "M05", "M06", "M09", "M11", "M12", "M15" };

static void
write_file (Fixture *f, const char *name, const char *text, char **path)
{
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (f->dir, name, NULL);
  g_file_set_contents (*path, text, -1, &error);
  g_assert_no_error (error);
}

/* Runs a command that must succeed and prints JSON; returns the parsed output. */
static JsonNode *
ok_json (const char *first, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  while (args->len < 16)
    g_ptr_array_add (args, NULL);
  if (run_cli (&out, &err, args->pdata[0], args->pdata[1],
               args->pdata[2], args->pdata[3], args->pdata[4], args->pdata[5], args->pdata[6],
               args->pdata[7], args->pdata[8], args->pdata[9], args->pdata[10],
               args->pdata[11], args->pdata[12], args->pdata[13], args->pdata[14],
               args->pdata[15], NULL) != 0)
    g_error ("%s %s failed: %s", (char *) args->pdata[0], (char *) args->pdata[1], err);
  return parse_json (out);
}

/* The demo, FW's ballot (FW-01 and FW-02 advance), FW's defence session scored on paper
 * (FW-01 90 from everyone, FW-02 80) and closed, and the ranking sealed. */
static void
make_sealed_ranking (Fixture *f)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *ballots = NULL, *sheets = NULL;
  g_autoptr(GString) paper = g_string_new (HEADER);
  g_autoptr(JsonNode) frozen = NULL, opened = NULL, entered = NULL;
  g_autoptr(JsonNode) session = NULL, scored = NULL, seal = NULL;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "12", NULL), ==,
                   0);
  test_cli_qualify_all (f->db);
  frozen = ok_json ("freeze", "--db", f->db, "--json", NULL);
  opened = ok_json ("round", "open", "--db", f->db, "--json", "--kind", "ballot", "--trade",
                    "FW", "--seats", "2", "--max-choices", "2", "--present", "5", NULL);
  write_file (f, "ballots.csv", "serial,marks\n1,FW-01 FW-02\n2,FW-01 FW-02\n3,FW-01 FW-02\n"
              "4,FW-01 FW-03\n5,FW-02 FW-03\n", &ballots);
  entered = ok_json ("ballots", "enter", "--db", f->db, "--json", "--round", "1", "--file",
                     ballots, "--entered-by", "M15", "--confirm-file", ballots,
                     "--confirmed-by", "M12", NULL);
  g_assert_cmpint (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", "1", NULL),
                   ==, 0);

  session = ok_json ("round", "open", "--db", f->db, "--json", "--kind", "defence", "--trade",
                     "FW", NULL);
  for (int m = 0; m < 7; m++)
    {
      g_string_append_printf (paper, "%s,FW-01,15,23,22,17,13\n", panel[m]);
      g_string_append_printf (paper, "%s,FW-02,12,20,20,16,12\n", panel[m]);
    }
  write_file (f, "sheets.csv", paper->str, &sheets);
  scored = ok_json ("scores", "enter", "--db", f->db, "--json", "--round", "2", "--file", sheets,
                    "--entered-by", "M03", "--confirm-file", sheets, "--confirmed-by", "M05",
                    NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run_cli (&out, &err, "round", "close", "--db", f->db, "--round", "2", NULL) != 0)
    g_error ("round close: %s", err);
  seal = ok_json ("rank", "seal", "--db", f->db, "--json", NULL);
}

/* The text of every page of a PDF, and the page count. */
static char *
pdf_text (const char *path, int *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr(GObject) doc = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  doc = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (doc));
  for (int i = 0; i < *n_pages; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), i));
      g_autofree char *t = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (text, t);
      g_string_append_c (text, '\f');
    }
  return g_string_free (text, FALSE);
}

/* Certificates go to the recommended list once the ranking is sealed, and to the final list
 * once the publicity is closed; before the seal they are refused naming the stage. */
static void
test_certificates (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "certificates.pdf", NULL);
  g_autoptr(JsonNode) started = NULL, upheld = NULL, decided = NULL, closed = NULL;
  int n = 0;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--db", f->db, "--candidates", "4", NULL), ==,
                   0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "print", "certificates", "--db", f->db, "-o", pdf,
                            NULL), !=, 0);
  g_assert_nonnull (strstr (err, "sealed"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_remove (f->db);

  make_sealed_ranking (f);
  if (run_cli (&out, &err, "print", "certificates", "--db", f->db, "-o", pdf, NULL) != 0)
    g_error ("print certificates: %s", err);
  text = pdf_text (pdf, &n);
  g_assert_cmpint (n, ==, 2);
  g_assert_nonnull (strstr (text, "荣誉证书"));
  g_assert_nonnull (strstr (text, "-001"));
  g_assert_nonnull (strstr (text, "-002"));
  g_clear_pointer (&text, g_free);

  started = ok_json ("publicity", "start", "--db", f->db, "--json", "--date", "2024-02-08",
                     "--approved-by", "市总工会主席会议", "--approved-at", "2024-02-06", NULL);
  /* the notice: the list publicized, its period, how to object */
  {
    g_autofree char *notice = g_build_filename (f->dir, "publicity.pdf", NULL);
    JsonArray *a = json_object_get_array_member (json_node_get_object (started), "candidates");

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    /* without a contact to object to, the notice is refused naming the settings */
    g_assert_cmpint (run_cli (&out, &err, "print", "publicity", "--db", f->db, "-o", notice,
                              NULL), !=, 0);
    g_assert_nonnull (strstr (err, "publicity.contact_person"));
    g_assert_nonnull (strstr (err, "publicity.contact_phone"));
    g_assert_false (g_file_test (notice, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    if (run_cli (&out, &err, "settings", "--db", f->db, "--set",
                 "publicity.contact_person=王喆", "--set", "contact_phone=0472-5123456",
                 "--set", "publicity.contact_address=包头市昆区钢铁大街1号305室", NULL) != 0)
      g_error ("settings --set: %s", err);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    if (run_cli (&out, &err, "print", "publicity", "--db", f->db, "-o", notice, NULL) != 0)
      g_error ("print publicity: %s", err);
    text = pdf_text (notice, &n);
    g_assert_cmpint (n, ==, 1);
    g_assert_nonnull (strstr (text, "联系人：王喆"));
    g_assert_nonnull (strstr (text, "联系电话：0472-5123456"));
    g_assert_nonnull (strstr (text, "通讯地址：包头市昆区钢铁大街1号305室"));
    g_assert_null (strstr (text, "____"));
    /* issued on the first day of the period, by the organiser */
    g_assert_nonnull (strstr (text, "2024年2月8日"));
    g_assert_nonnull (strstr (text, "包头市总工会"));
    for (guint i = 0; i < json_array_get_length (a); i++)
      g_assert_nonnull (strstr (text, json_object_get_string_member (
                                  json_array_get_object_element (a, i), "name")));
    g_assert_nonnull (strstr (text, "2024-02-08 至 2024-02-20"));
    g_assert_nonnull (strstr (text, "按姓氏笔画排序"));
    g_assert_nonnull (strstr (text, "加盖单位公章"));
    g_assert_nonnull (strstr (text, "真实姓名"));
    g_clear_pointer (&text, g_free);
  }
  /* the ranking report: every stage score, C, the list and the digest of the seal */
  {
    g_autofree char *report = g_build_filename (f->dir, "ranking.pdf", NULL);
    const char *digest = json_object_get_string_member (json_node_get_object (started),
                                                        "ranking_digest");

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    if (run_cli (&out, &err, "print", "ranking-report", "--db", f->db, "-o", report, NULL) != 0)
      g_error ("print ranking-report: %s", err);
    text = pdf_text (report, &n);
    g_assert_cmpint (n, ==, 1);
    g_assert_nonnull (strstr (text, "FW-01"));
    g_assert_nonnull (strstr (text, "FW-02"));
    g_assert_nonnull (strstr (text, "推荐名单（2 名）：FW-01、FW-02"));
    g_assert_cmpuint (strlen (digest), ==, 64);
    g_assert_nonnull (strstr (text, digest));
    g_clear_pointer (&text, g_free);
  }

  upheld = ok_json ("objection", "add", "--db", f->db, "--json", "--candidate", "FW-01",
                    "--received", "2024-02-19", "--channel", "letter", "--unit", "某某公司工会",
                    "--sealed", "--content", "反映其专利非本人完成", NULL);
  decided = ok_json ("objection", "decide", "--db", f->db, "--json", "--id", "1", "--outcome",
                     "upheld", "--investigation", "经核实，专利发明人另有其人", "--handled-by",
                     "经济部", NULL);
  closed = ok_json ("publicity", "close", "--db", f->db, "--json", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run_cli (&out, &err, "print", "certificates", "--db", f->db, "-o", pdf, NULL) != 0)
    g_error ("print certificates: %s", err);
  text = pdf_text (pdf, &n);
  /* FW-01 is disqualified: FW-02 alone, first on the final list */
  g_assert_cmpint (n, ==, 1);
  g_assert_nonnull (strstr (text, "-001"));
  g_assert_null (strstr (text, "-002"));

  /* the page carries the audit chain head, and the chain verifies against it */
  {
    const char *at = strstr (text, "记录链 ");
    g_autofree char *anchor = NULL;

    g_assert_nonnull (at);
    anchor = g_strndup (at + strlen ("记录链 "), 64);
    g_assert_cmpuint (strspn (anchor, "0123456789abcdef"), ==, 64);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    if (run_cli (&out, &err, "audit", "verify", "--db", f->db, "--anchor", anchor, NULL) != 0)
      g_error ("audit verify --anchor %s: %s %s", anchor, out, err);
    g_assert_nonnull (strstr (out, "is audit entry"));
  }
}

static void
test_dates (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;
  JsonArray *days;

  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* RULES.md's example across the 2024 Spring Festival */
  g_assert_cmpint (run_cli (&out, &err, "publicity", "dates", "--db", f->db, "--start",
                            "2024-02-08", "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  node = parse_json (out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "start"), ==, "2024-02-08");
  g_assert_cmpstr (json_object_get_string_member (o, "end"), ==, "2024-02-20");
  days = json_object_get_array_member (o, "working_days");
  g_assert_cmpuint (json_array_get_length (days), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (days, 2), ==, "2024-02-18");
  g_assert_false (json_object_has_member (o, "warnings"));
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --days overrides the setting */
  g_assert_cmpint (run_cli (&out, &err, "publicity", "dates", "--db", f->db, "--start",
                            "2024-02-08", "--days", "3", "--json", NULL), ==, 0);
  node = parse_json (out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "end"), ==,
                   "2024-02-18");
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a year without a calendar: counted by the week, and named on stderr and in JSON */
  g_assert_cmpint (run_cli (&out, &err, "publicity", "dates", "--db", f->db, "--start",
                            "2031-01-06", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "No holiday calendar for 2031"));
  node = parse_json (out);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "end"), ==, "2031-01-10");
  g_assert_nonnull (strstr (json_array_get_string_element (
                              json_object_get_array_member (o, "warnings"), 0), "2031"));
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* nothing changed: publicity has not started */
  g_assert_cmpint (run_cli (&out, &err, "publicity", "show", "--db", f->db, "--json", NULL), ==,
                   0);
  g_assert_nonnull (strstr (out, "\"started\" : false"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "publicity", "dates", "--db", f->db, "--start",
                            "2024-02-30", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2024-02-30"));
}

static void
test_needs_ranking (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "init", "--db", f->db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "publicity", "start", "--db", f->db, "--date",
                            "2024-02-08", "--approved-by", "主席会议", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no sealed ranking"));
  g_assert_nonnull (strstr (err, "stage 7"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "publicity", "start", "--db", f->db, "--date",
                            "2024-02-08", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--approved-by"));
}

static void
test_end_to_end (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) started = NULL, anon = NULL, unit = NULL, decided = NULL, list = NULL;
  g_autoptr(JsonNode) closed = NULL, shown = NULL;
  g_autofree char *recomputed = NULL;
  JsonObject *o;
  JsonArray *a;

  make_sealed_ranking (f);

  started = ok_json ("publicity", "start", "--db", f->db, "--json", "--date", "2024-02-08",
                     "--approved-by", "市总工会主席会议", "--approved-at", "2024-02-06", NULL);
  o = json_node_get_object (started);
  g_assert_cmpstr (json_object_get_string_member (o, "end"), ==, "2024-02-20");
  g_assert_cmpstr (json_object_get_string_member (o, "approved_by"), ==, "市总工会主席会议");
  g_assert_cmpuint (strlen (json_object_get_string_member (o, "ranking_digest")), ==, 64);
  a = json_object_get_array_member (o, "candidates");
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "code"),
                   ==, "FW-01");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 1), "code"),
                   ==, "FW-02");

  anon = ok_json ("objection", "add", "--db", f->db, "--json", "--candidate", "FW-01",
                  "--received", "2024-02-09", "--channel", "phone", "--anonymous", "--content",
                  "来电反映其荣誉材料有误", NULL);
  o = json_node_get_object (anon);
  g_assert_true (json_object_get_boolean_member (o, "anonymous"));
  g_assert_true (json_object_get_null_member (o, "from_name"));
  unit = ok_json ("objection", "add", "--db", f->db, "--json", "--candidate", "FW-02",
                  "--received", "2024-02-19", "--channel", "letter", "--unit", "某某公司工会",
                  "--sealed", "--content", "反映其专利非本人完成", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (unit), "sealed"));

  /* one sender only */
  g_assert_cmpint (run_cli (&out, &err, "objection", "add", "--db", f->db, "--candidate",
                            "FW-02", "--received", "2024-02-19", "--channel", "letter",
                            "--person", "张三", "--anonymous", "--content", "x", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* not closable with objections pending */
  g_assert_cmpint (run_cli (&out, &err, "publicity", "close", "--db", f->db, "--json", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "1, 2"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  decided = ok_json ("objection", "decide", "--db", f->db, "--json", "--id", "1", "--outcome",
                     "rejected", "--investigation", "经核实，材料无误", "--handled-by", "经济部",
                     NULL);
  g_clear_pointer (&decided, json_node_unref);
  decided = ok_json ("objection", "decide", "--db", f->db, "--json", "--id", "2", "--outcome",
                     "upheld", "--investigation", "经核实，专利发明人另有其人", "--handled-by",
                     "经济部", NULL);
  list = ok_json ("objection", "list", "--db", f->db, "--json", NULL);
  a = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 1),
                                                  "outcome"), ==, "upheld");

  closed = ok_json ("publicity", "close", "--db", f->db, "--json", NULL);
  o = json_node_get_object (closed);
  a = json_object_get_array_member (o, "final");
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "code"),
                   ==, "FW-01");
  a = json_object_get_array_member (o, "disqualified");
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 0),
                                               "objection"), ==, 2);
  /* the digest is the SHA-256 of the canonical text, as docs/final-list.md says */
  recomputed = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                              json_object_get_string_member (o, "canonical"),
                                              -1);
  g_assert_cmpstr (json_object_get_string_member (o, "digest"), ==, recomputed);

  shown = ok_json ("publicity", "show", "--db", f->db, "--json", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (shown), "closed"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "digest"), ==,
                   recomputed);

  /* closed: the register is frozen */
  g_assert_cmpint (run_cli (&out, &err, "objection", "add", "--db", f->db, "--candidate",
                            "FW-01", "--received", "2024-02-21", "--channel", "visit",
                            "--person", "李四", "--content", "x", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "closed"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/publicity/dates", Fixture, NULL, fixture_set_up, test_dates,
              fixture_tear_down);
  g_test_add ("/cli/publicity/needs-ranking", Fixture, NULL, fixture_set_up, test_needs_ranking,
              fixture_tear_down);
  g_test_add ("/cli/publicity/end-to-end", Fixture, NULL, fixture_set_up, test_end_to_end,
              fixture_tear_down);
  g_test_add ("/cli/publicity/certificates", Fixture, NULL, fixture_set_up, test_certificates,
              fixture_tear_down);
  return g_test_run ();
}
