/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "documents-test-util.h"

/* The documents of the ballot stage and after, generated from the demo election and read
 * back with poppler: the summary table, ballot papers, tally reports, certificates. */

/* ---- summary table ---- */

static void
test_summary_table (void)
{
  g_autofree char *path = out_path ("summary.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GListModel) list = jp_store_list_candidates (store, NULL);
  g_autofree char *text = NULL;
  int pages;

  doc = written_pdf (store, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_ALL, 0, NULL, NULL, path,
                     NULL);
  pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (pages, >=, 2);
  assert_page_size (doc, A4_H, A4_W);
  assert_fonts_embedded (doc, NULL);
  for (int i = 0; i < pages; i++)
    {
      g_autofree char *t = page_text (doc, i);
      g_autofree char *sq = squeeze (t);
      g_autofree char *number = g_strdup_printf ("第%d页共%d页", i + 1, pages);

      /* the header row on every page */
      g_assert_nonnull (strstr (sq, "序号"));
      g_assert_nonnull (strstr (sq, "联系电话"));
      g_assert_nonnull (strstr (sq, number));
    }
  text = all_text (doc);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      assert_contains (text, c->name);
    }
}

/* ---- ballot papers and tally ---- */

static void
test_ballot_papers (void)
{
  g_autoptr(JpRound) round = jp_store_get_round (store, round_id, NULL);
  g_autofree char *path = out_path ("ballots.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rule = g_strdup_printf ("每张选票最多选%d人，多选无效", round->max_choices);
  JpDocumentOptions options = { .ballot_copies = 5 };

  doc = written_pdf (store, JP_DOCUMENT_BALLOT_PAPERS, JP_DOCUMENT_SCOPE_ROUND, round_id, NULL,
                     &options, path, NULL);
  /* two papers a page when they fit */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  assert_page_size (doc, A4_W, A4_H);
  assert_fonts_embedded (doc, NULL);
  text = all_text (doc);
  g_assert_cmpuint (count_of (text, rule), ==, 5);
  for (guint s = 1; s <= 5; s++)
    {
      g_autofree char *serial = g_strdup_printf ("选票编号：%04u", s);

      g_assert_cmpuint (count_of (text, serial), ==, 1);
    }
  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *rc = g_ptr_array_index (round->candidates, i);

      g_assert_cmpuint (count_of (text, rc->code), >=, 5);
    }
  assert_contains (text, trade_name);

  /* one paper a page on request */
  options.ballot_per_page = 1;
  g_clear_object (&doc);
  doc = written_pdf (store, JP_DOCUMENT_BALLOT_PAPERS, JP_DOCUMENT_SCOPE_ROUND, round_id, NULL,
                     &options, path, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 5);
}

static void
test_ballot_papers_drawn_order (void)
{
  g_autoptr(JpRound) round = jp_store_get_round (store, round_id, NULL);
  g_autofree char *path = out_path ("order.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  const char *p;
  JpDocumentOptions options = { .ballot_copies = 1, .ballot_per_page = 1 };

  doc = written_pdf (store, JP_DOCUMENT_BALLOT_PAPERS, JP_DOCUMENT_SCOPE_ROUND, round_id, NULL,
                     &options, path, NULL);
  text = all_text (doc);
  p = text;
  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *rc = g_ptr_array_index (round->candidates, i);
      g_autofree char *row = g_strdup_printf ("%u%s", i + 1, rc->code);

      p = strstr (p, row);
      if (p == NULL)
        g_error ("row %s not found in drawn order", row);
    }
}

/* A long list: each paper continues onto more pages, no row is split, every code on every
 * paper once. */
static void
test_ballot_papers_long_list (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "long", NULL);
  g_autofree char *db = g_build_filename (dir, "l.jiangping", NULL);
  g_autofree char *path = g_build_filename (dir, "l.pdf", NULL);
  g_autoptr(JpStore) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  JpDocumentOptions options = { .ballot_copies = 2, .ballot_per_page = 1 };
  const char *trades[] = { "XT", NULL };
  gint64 id;
  int pages;

  g_mkdir_with_parents (dir, 0755);
  s = jp_store_create (db, NULL, &error);
  g_assert_no_error (error);
  jp_store_add_trade (s, "XT", "稀土", TRUE, "test", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031980010%04u", 200 + i);
      g_autofree char *name = g_strdup_printf ("候选人%u", i + 1);

      add_candidate (s, name, body, "稀土", "事迹。", "荣誉。", NULL);
    }
  for (guint m = 0; m < 3; m++)
    {
      JpMember member = { 0 };
      g_autofree char *code = g_strdup_printf ("M%02u", m + 1);
      g_autofree char *name = g_strdup_printf ("评委%u", m + 1);

      member.code = code;
      member.name = name;
      member.unit = (char *) "别处";
      member.trades = (GStrv) trades;
      jp_store_add_member (s, &member, "test", &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_store_exec (s, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (s, "test", &error);
  g_assert_no_error (error);
  id = jp_store_open_ballot_round (s, "XT", 5, 5, -1, "chair", &error);
  g_assert_no_error (error);
  round = jp_store_get_round (s, id, NULL);
  g_assert_cmpuint (round->candidates->len, ==, 45);

  doc = written_pdf (s, JP_DOCUMENT_BALLOT_PAPERS, JP_DOCUMENT_SCOPE_ROUND, id, NULL, &options,
                     path, NULL);
  pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (pages, ==, 4);
  text = all_text (doc);
  g_assert_cmpuint (count_of (text, "（接下页）"), ==, 2);
  g_assert_cmpuint (count_of (text, "选票编号：0001"), ==, 2);
  g_assert_cmpuint (count_of (text, "选票编号：0002"), ==, 2);
  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *rc = g_ptr_array_index (round->candidates, i);
      g_autofree char *row = g_strdup_printf ("%u%s", i + 1, rc->code);

      /* the position and the code of a row are on the same page, on both papers */
      g_assert_cmpuint (count_of (text, row), ==, 2);
    }
  /* two papers a page are not possible for 45 codes: one paper a page is used */
  options.ballot_per_page = 0;
  g_clear_object (&doc);
  doc = written_pdf (s, JP_DOCUMENT_BALLOT_PAPERS, JP_DOCUMENT_SCOPE_ROUND, id, NULL, &options,
                     path, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 4);
}

static void
test_tally_report (void)
{
  g_autoptr(JpTally) tally = jp_store_get_tally (store, round_id, NULL);
  g_autofree char *path = out_path ("tally.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  const char *labels[] = { "计票结果报告单", "出席评委", "发出选票", "收回选票", "有效票",
                           "无效票", "空白票", "总监票人", "监票人", "计票人", "入围", NULL };

  g_assert_nonnull (tally);
  doc = written_pdf (store, JP_DOCUMENT_TALLY_REPORT, JP_DOCUMENT_SCOPE_ROUND, round_id, NULL, NULL,
                     path, NULL);
  assert_page_size (doc, A4_W, A4_H);
  assert_fonts_embedded (doc, NULL);
  text = all_text (doc);
  for (guint i = 0; labels[i] != NULL; i++)
    assert_contains (text, labels[i]);
  assert_contains (text, tally->digest);
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      JpTallyCandidate *tc = g_ptr_array_index (tally->candidates, i);
      g_autofree char *row = g_strdup_printf ("%d%s%d", tc->rank, tc->code, tc->votes);

      assert_contains (text, row);
    }
}

static void
test_tally_report_open_round (void)
{
  g_autofree char *path = out_path ("open.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (write_doc (store, JP_DOCUMENT_TALLY_REPORT, JP_DOCUMENT_SCOPE_ROUND,
                             open_round_id, NULL, NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "closed first"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- certificates and the later stages ---- */

static void
test_certificates_layout (void)
{
  g_autofree char *path = out_path ("certificates.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPrint) print = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  JpDocumentOptions options = { .date = DATE_2023_04_20 };
  const gint64 ids[] = { id_zhe, id_kun, id_ext_a };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (people, jp_store_get_candidate (store, ids[i], NULL));
  print = jp_print_new (store, JP_DOCUMENT_CERTIFICATES, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jp_print_draw_certificates (print, people, 1, &error));
  g_assert_no_error (error);
  bytes = jp_print_finish (print, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  assert_page_size (doc, A4_H, A4_W);
  assert_fonts_embedded (doc, "Kai");
  text = all_text (doc);
  assert_contains (text, "荣誉证书");
  assert_contains (text, "王喆同志：");
  assert_contains (text, "陈㐂同志：");
  assert_contains (text, "被授予2023年度“包头工匠”荣誉称号。");
  assert_contains (text, "特发此证。");
  assert_contains (text, "证书编号：BTGJ-2023-001");
  assert_contains (text, "证书编号：BTGJ-2023-003");
  assert_contains (text, "2023年4月20日");
}

static void
test_not_ready (void)
{
  const struct { JpDocumentKind kind; JpDocumentScopeKind scope; const char *stage; } cases[] = {
    { JP_DOCUMENT_CERTIFICATES, JP_DOCUMENT_SCOPE_ALL, "ranking must be sealed first" },
    { JP_DOCUMENT_CERTIFICATES, JP_DOCUMENT_SCOPE_CANDIDATE, "ranking must be sealed first" },
    { JP_DOCUMENT_DEFENCE_SUMMARY, JP_DOCUMENT_SCOPE_TRADE, "defence session must be opened first" },
    { JP_DOCUMENT_RANKING_REPORT, JP_DOCUMENT_SCOPE_ALL, "ranking must be sealed first" },
    { JP_DOCUMENT_PUBLICITY, JP_DOCUMENT_SCOPE_ALL, "ranking must be sealed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = out_path ("not-ready.pdf");
      g_autoptr(GError) error = NULL;

      g_assert_false (write_doc (store, cases[i].kind, cases[i].scope, id_zhe, trade_code,
                                 NULL, path, NULL, &error));
      g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY);
      if (strstr (error->message, cases[i].stage) == NULL)
        g_error ("%s: “%s” does not name the stage “%s”",
                 jp_document_kind_to_key (cases[i].kind), error->message, cases[i].stage);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_cli_print (void)
{
  const char *cli = g_getenv ("JP_CLI");
  g_autofree char *path = out_path ("cli.pdf");
  g_autofree char *round = g_strdup_printf ("%" G_GINT64_FORMAT, round_id);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);

  if (cli == NULL)
    {
      g_test_skip ("JP_CLI not set");
      return;
    }
  {
    const char *argv[] = { cli, "print", "tally-report", "--db", jp_store_get_path (store),
                           "--round", round, "-o", path, NULL };

    g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { cli, "print", "ranking-report", "--db", jp_store_get_path (store),
                           "-o", path, NULL };

    g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "ranking must be sealed first"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/summary-table", test_summary_table);
  g_test_add_func ("/documents/ballot-papers", test_ballot_papers);
  g_test_add_func ("/documents/ballot-papers/drawn-order", test_ballot_papers_drawn_order);
  g_test_add_func ("/documents/ballot-papers/long-list", test_ballot_papers_long_list);
  g_test_add_func ("/documents/tally-report", test_tally_report);
  g_test_add_func ("/documents/tally-report/open-round", test_tally_report_open_round);
  g_test_add_func ("/documents/certificates/layout", test_certificates_layout);
  g_test_add_func ("/documents/not-ready", test_not_ready);
  g_test_add_func ("/documents/cli-print", test_cli_print);

  return run_on_election ();
}
