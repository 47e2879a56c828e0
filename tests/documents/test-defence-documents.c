/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "demo/jp-demo.h"
#include "documents/jp-documents.h"
#include "store/jp-store-private.h"
#include "store/jp-store-rounds.h"
#include "store/jp-store-defence.h"
#include "../store/store-test-util.h"
#include "pdf-test-util.h"

/* The defence documents of issue 8 (score sheets, defence summary), generated from the demo
 * election with a crafted trade whose defence session is scored, closed and sealed, and read
 * back with poppler. */


#define A4_W 595.276
#define A4_H 841.89

static char *tmp_dir;
static JpStore *store;
static gint64 ballot_round;     /* the closed ballot round of QT */
static gint64 session_id;       /* QT's defence session, scored, closed and sealed */
static gint64 long_session;     /* LT's session: 60 members, closed */
static char *blank_sheets;      /* score sheets printed right after the session opened */
static char *partial_sheets;    /* printed after the first candidate was scored */
static char *open_summary_error; /* the refusal of the summary while the session was open */

/* Candidates of QT: names with characters outside GB 2312. */
static const char *const cand_names[] = { "王喆", "李堃", "张镕", "刘四" };
static const char *const cand_units[] = { "单位甲", "单位乙", "单位丙", "单位丁" };
/* Members of QT; Q06 is of 单位丙, so conflicted with 张镕. */
static const char *const member_names[] = { "赵喆明", "孙堃", "钱镕", "周一", "吴二", "郑三" };

/* The sheets by member for each candidate (in order of appearance); Q04's first one is far
 * below the others (an alert) and is revised. */
static const char *const sheet_values[6] = {
  "14,23,22,17,13", "14,22.5,22,16,13", "13,22,21,16,12", "10,15,15,10,10",
  "15,24,23,18,14", "12,20,20,16,12",
};
#define Q04_REVISED "13,21,21,16,12"

/* ---- helpers ---- */

static char *
out_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
all_lines (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_lines (doc, i);

      g_string_append (s, t);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

/* `line` is a whole line of `lines` (page_lines). */
static void
assert_line (const char *lines, const char *line)
{
  g_autofree char *wrapped = g_strdup_printf ("\n%s\n", line);
  g_autofree char *padded = g_strdup_printf ("\n%s\n", lines);

  if (strstr (padded, wrapped) == NULL)
    g_error ("expected line not found in the PDF: %s\n--- lines:\n%s", line, lines);
}

/* The characters of `needle` appear in `haystack` in order (a table header whose cells
 * wrap: poppler reads their lines interleaved). */
static void
assert_in_order (const char *haystack, const char *needle)
{
  const char *h = haystack;

  for (const char *n = needle; *n != '\0'; n = g_utf8_next_char (n))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (n), buf);
      h = strstr (h, buf);
      if (h == NULL)
        g_error ("“%s” is not in the PDF in order:\n%s", needle, haystack);
      h += strlen (buf);
    }
}

static gboolean
write_doc (JpDocumentKind kind, JpDocumentScopeKind scope_kind, gint64 id, const char *trade,
           const JpDocumentOptions *options, const char *path, GError **error)
{
  JpDocumentScope scope = { scope_kind, id, trade };

  return jp_documents_write (store, kind, &scope, options, path, NULL, NULL, NULL, NULL,
                             error);
}

static char *
write_to_tmp (JpDocumentKind kind, JpDocumentScopeKind scope_kind, gint64 id,
              const char *trade, const JpDocumentOptions *options, const char *name)
{
  char *path = out_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (write_doc (kind, scope_kind, id, trade, options, path, &error));
  g_assert_no_error (error);
  return path;
}

/* "12" or "12.5" */
static char *
halves_text (int halves)
{
  return halves % 2 == 0 ? g_strdup_printf ("%d", halves / 2)
                         : g_strdup_printf ("%d.5", halves / 2);
}

static int
values_total (const char *values)
{
  g_auto(GStrv) parts = g_strsplit (values, ",", -1);
  int total = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    total += (int) (g_ascii_strtod (parts[i], NULL) * 2 + 0.5);
  return total;
}

/* ---- the election ---- */

static void
add_member (const char *code, const char *name, const char *unit, const char *trade)
{
  g_autoptr(JpMember) m = g_new0 (JpMember, 1);
  g_autoptr(GError) error = NULL;
  const char *trades[] = { trade, NULL };

  m->code = g_strdup (code);
  m->name = g_strdup (name);
  m->unit = g_strdup (unit);
  m->trades = g_strdupv ((GStrv) trades);
  jp_store_add_member (store, m, "test", &error);
  g_assert_no_error (error);
}

static void
submit (gint64 session, const char *member, const char *candidate, const char *values)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (values, ",", -1);

  g_assert_true (jp_store_defence_save_sheet_text (store, session, member, candidate,
                                                   (const char *const *) parts, TRUE,
                                                   "station", &error));
  g_assert_no_error (error);
}

static void
set_current (gint64 session, const char *code)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_defence_set_current (store, session, code, "chair", &error));
  g_assert_no_error (error);
}

/* A ballot round of `trade` where every member marks `marks` minus its conflicts. */
static gint64
ballot (const char *trade, int seats, GPtrArray *marks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  gint64 round = jp_store_open_ballot_round (store, trade, seats, seats, -1, "chair", &error);

  g_assert_no_error (error);
  panel = jp_store_round_panel (store, round, &error);
  g_assert_no_error (error);
  for (guint m = 0; m < panel->len; m++)
    {
      JpPanelMember *pm = g_ptr_array_index (panel, m);
      g_auto(GStrv) conflicted = jp_store_round_conflicted_codes (store, round, pm->code,
                                                                  &error);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      g_assert_no_error (error);
      for (guint k = 0; k < marks->len; k++)
        if (!g_strv_contains ((const char *const *) conflicted, marks->pdata[k]))
          g_ptr_array_add (mine, marks->pdata[k]);
      g_ptr_array_add (mine, NULL);
      jp_store_submit_ballot (store, round, pm->code, (const char *const *) mine->pdata, NULL,
                              NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_store_close_round (store, round, "chair", &error));
  g_assert_no_error (error);
  return round;
}

static void
setup_election (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (tmp_dir, "demo.jiangping", NULL);
  JpDemoOptions options = { .candidates = 8, .seed = 2023 };
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) qt_marks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lt_marks = g_ptr_array_new_with_free_func (g_free);
  gint64 qt_ids[4], lt_ids[2];
  g_autoptr(JpDefenceSession) session = NULL;
  JpDocumentOptions doc_options = { .date = 1681959600 };

  store = jp_demo_create (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  jp_store_add_trade (store, "QT", "汽车维修", FALSE, "test", &error);
  g_assert_no_error (error);
  jp_store_add_trade (store, "LT", "炉前工", FALSE, "test", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031981020%04u", 300 + i);
      g_autofree char *id = test_id_number (body);
      g_autoptr(JpCandidate) c = test_candidate (cand_names[i], id, cand_units[i], "汽车维修");

      jp_store_save_candidate (store, c, NULL, "test", NULL, &error);
      g_assert_no_error (error);
      qt_ids[i] = c->id;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031982030%04u", 500 + i);
      g_autofree char *id = test_id_number (body);
      g_autofree char *name = g_strdup_printf ("炉前%s", i == 0 ? "甲" : "乙");
      g_autoptr(JpCandidate) c = test_candidate (name, id, "炉前单位", "炉前工");

      jp_store_save_candidate (store, c, NULL, "test", NULL, &error);
      g_assert_no_error (error);
      lt_ids[i] = c->id;
    }
  for (guint m = 0; m < 6; m++)
    {
      g_autofree char *code = g_strdup_printf ("Q%02u", m + 1);

      add_member (code, member_names[m], m == 5 ? "单位丙" : "评委单位", "QT");
    }
  for (guint m = 0; m < 60; m++)
    {
      g_autofree char *code = g_strdup_printf ("L%02u", m + 1);
      g_autofree char *name = g_strdup_printf ("评委%02u", m + 1);

      add_member (code, name, "评委单位", "LT");
    }
  g_assert_true (jp_store_exec (store, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (store, "test", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < codes->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (codes, i);

      for (guint k = 0; k < 3; k++)   /* 刘四 is left out of the finalists */
        if (qt_ids[k] == a->candidate_id)
          g_ptr_array_add (qt_marks, g_strdup (a->code));
      for (guint k = 0; k < 2; k++)
        if (lt_ids[k] == a->candidate_id)
          g_ptr_array_add (lt_marks, g_strdup (a->code));
    }
  g_assert_cmpuint (qt_marks->len, ==, 3);
  ballot_round = ballot ("QT", 3, qt_marks);
  ballot ("LT", 2, lt_marks);

  /* QT: the paper fallback right after the opening, then every sheet. */
  session_id = jp_store_open_defence_session (store, "QT", "chair", &error);
  g_assert_no_error (error);
  blank_sheets = write_to_tmp (JP_DOCUMENT_SCORE_SHEETS, JP_DOCUMENT_SCOPE_ROUND, session_id,
                               NULL, &doc_options, "sheets-blank.pdf");
  {
    g_autofree char *path = out_path ("summary-open.pdf");
    g_autoptr(GError) refused = NULL;

    g_assert_false (write_doc (JP_DOCUMENT_DEFENCE_SUMMARY, JP_DOCUMENT_SCOPE_ROUND,
                               session_id, NULL, NULL, path, &refused));
    g_assert_error (refused, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    open_summary_error = g_strdup (refused->message);
  }
  session = jp_store_get_defence_session (store, session_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < session->candidates->len; i++)
    {
      JpDefenceCandidate *dc = g_ptr_array_index (session->candidates, i);

      if (i == 2)
        {
          /* 吴二 leaves before the last candidate */
          g_assert_true (jp_store_defence_record_absence (store, session_id, "Q05",
                                                          "身体不适，提前离场", "chair",
                                                          &error));
          g_assert_no_error (error);
        }
      set_current (session_id, dc->code);
      for (guint m = 0; m < 6; m++)
        {
          g_autofree char *member = g_strdup_printf ("Q%02u", m + 1);

          if (g_strv_contains ((const char *const *) dc->conflicted, member)
              || (i == 2 && m == 4))
            continue;
          submit (session_id, member, dc->code, sheet_values[m]);
        }
      if (i == 0)
        {
          g_assert_true (jp_store_defence_request_revision (store, session_id, "Q04",
                                                            dc->code, "请复核", "chair",
                                                            &error));
          g_assert_no_error (error);
          submit (session_id, "Q04", dc->code, Q04_REVISED);
          partial_sheets = write_to_tmp (JP_DOCUMENT_SCORE_SHEETS, JP_DOCUMENT_SCOPE_ROUND,
                                         session_id, NULL, &doc_options,
                                         "sheets-partial.pdf");
        }
    }
  g_assert_true (jp_store_defence_close (store, session_id, "chair", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_defence_seal (store, session_id, "chair", &error));
  g_assert_no_error (error);

  /* LT: 60 members score both candidates; closed, not sealed. */
  long_session = jp_store_open_defence_session (store, "LT", "chair", &error);
  g_assert_no_error (error);
  {
    g_autoptr(JpDefenceSession) lt = jp_store_get_defence_session (store, long_session,
                                                                   &error);

    g_assert_no_error (error);
    for (guint i = 0; i < lt->candidates->len; i++)
      {
        JpDefenceCandidate *dc = g_ptr_array_index (lt->candidates, i);

        set_current (long_session, dc->code);
        for (guint m = 0; m < 60; m++)
          {
            g_autofree char *member = g_strdup_printf ("L%02u", m + 1);
            g_autofree char *values = g_strdup_printf ("12,20,%u,16,12", 10 + (m + i) % 16);

            submit (long_session, member, dc->code, values);
          }
      }
  }
  g_assert_true (jp_store_defence_close (store, long_session, "chair", &error));
  g_assert_no_error (error);
}

/* ---- score sheets ---- */

static void
test_score_sheets_blank (void)
{
  g_autoptr(PopplerDocument) doc = open_pdf (blank_sheets);
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (store, session_id, NULL);
  int n_pages = poppler_document_get_n_pages (doc);

  g_assert_nonnull (s);
  /* one sheet of one page per member */
  g_assert_cmpint (n_pages, ==, 6);
  assert_page_size (doc, A4_W, A4_H);
  assert_fonts_embedded (doc, NULL);
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *raw = page_text (doc, p);
      g_autofree char *text = squeeze (raw);
      g_autofree char *lines = page_lines (doc, p);
      g_autofree char *member = g_strdup_printf ("评委：%s（Q%02d）", member_names[p], p + 1);

      assert_contains (text, "现场答辩评分表");
      assert_contains (text, "行业组：汽车维修（QT）");
      assert_contains (text, member);
      for (guint c = 0; c < s->rubric->len; c++)
        {
          JpRubricCriterion *rc = g_ptr_array_index (s->rubric, c);
          g_autofree char *name = g_strdup_printf ("%s%g分", rc->name, rc->max);

          assert_in_order (text, name);
        }
      g_assert_cmpuint (count_of (text, "分）"), ==, s->rubric->len + 1);
      assert_in_order (text, "总分（100分）");
      assert_line (lines, "评委签名：年月日");
      assert_contains (text, "记录链");
      g_assert_null (strstr (text, "缺席"));
      for (guint i = 0; i < s->candidates->len; i++)
        {
          JpDefenceCandidate *dc = g_ptr_array_index (s->candidates, i);
          g_autoptr(JpCandidate) c = jp_store_get_candidate (store, dc->candidate_id, NULL);
          g_autofree char *code = g_strdup_printf ("Q%02d", p + 1);
          gboolean conflicted = g_strv_contains ((const char *const *) dc->conflicted, code);
          /* blank cells: the row is order, code and name and nothing else, unless 回避 */
          g_autofree char *row = g_strdup_printf ("%d%s%s%s", dc->order, dc->code, c->name,
                                                  conflicted ? "回避回避回避回避回避回避" : "");

          assert_line (lines, row);
        }
    }
  {
    g_autofree char *q6 = page_lines (doc, 5);

    g_assert_cmpuint (count_of (q6, "回避"), ==, 7);   /* 张镕's row of 郑三, and the note */
    g_assert_nonnull (strstr (q6, "张镕回避回避回避回避回避回避\n"));
  }
}

static void
test_score_sheets_partial (void)
{
  g_autoptr(PopplerDocument) doc = open_pdf (partial_sheets);
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (store, session_id, NULL);
  JpDefenceCandidate *first = g_ptr_array_index (s->candidates, 1 - 1);
  JpDefenceCandidate *second = g_ptr_array_index (s->candidates, 1);
  g_autoptr(JpCandidate) c1 = jp_store_get_candidate (store, first->candidate_id, NULL);
  g_autoptr(JpCandidate) c2 = jp_store_get_candidate (store, second->candidate_id, NULL);

  for (int p = 0; p < 6; p++)
    {
      g_autofree char *text = page_lines (doc, p);
      g_autofree char *member = g_strdup_printf ("Q%02d", p + 1);
      const char *values = p == 3 ? Q04_REVISED : sheet_values[p];
      g_autofree char *total = halves_text (values_total (values));
      g_auto(GStrv) parts = g_strsplit (values, ",", -1);
      g_autofree char *cells = g_strjoinv ("", parts);
      g_autofree char *filled = g_strdup_printf ("1%s%s%s%s", first->code, c1->name, cells,
                                                 total);
      g_autofree char *blank = g_strdup_printf ("2%s%s", second->code, c2->name);

      if (g_strv_contains ((const char *const *) first->conflicted, member))
        {
          g_autofree char *avoid = g_strdup_printf ("1%s%s回避回避回避回避回避回避",
                                                    first->code, c1->name);

          assert_line (text, avoid);
        }
      else
        assert_line (text, filled);   /* the submitted (revised) values, in order */
      if (!g_strv_contains ((const char *const *) second->conflicted, member))
        assert_line (text, blank);    /* not scored yet: blank */
    }
}

static void
test_score_sheets_sealed_absent (void)
{
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  JpDocumentOptions options = { .member = "Q05" };
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (store, session_id, NULL);
  JpDefenceCandidate *last = g_ptr_array_index (s->candidates, 2);
  g_autoptr(JpCandidate) c = jp_store_get_candidate (store, last->candidate_id, NULL);
  g_autofree char *row = g_strdup_printf ("3%s%s缺席", last->code, c->name);

  path = write_to_tmp (JP_DOCUMENT_SCORE_SHEETS, JP_DOCUMENT_SCOPE_ROUND, session_id, NULL,
                       &options, "sheets-q05.pdf");
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  text = all_text (doc);
  assert_contains (text, "评委：吴二（Q05）");
  assert_contains (text, "缺席：身体不适，提前离场");
  {
    g_autofree char *lines = all_lines (doc);

    assert_line (lines, row);
  }
  g_assert_null (strstr (text, "孙堃"));   /* only Q05's sheet */
}

static void
test_score_sheets_refused (void)
{
  g_autofree char *path = out_path ("refused.pdf");
  g_autoptr(GError) error = NULL;
  JpDocumentOptions nobody = { .member = "Q99" };

  g_assert_false (write_doc (JP_DOCUMENT_SCORE_SHEETS, JP_DOCUMENT_SCOPE_ROUND, ballot_round,
                             NULL, NULL, path, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "ballot round"));
  g_assert_nonnull (strstr (error->message, "defence session must be opened first"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (write_doc (JP_DOCUMENT_SCORE_SHEETS, JP_DOCUMENT_SCOPE_ROUND, 999999, NULL,
                             NULL, path, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (write_doc (JP_DOCUMENT_SCORE_SHEETS, JP_DOCUMENT_SCOPE_ROUND, session_id,
                             NULL, &nobody, path, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Q99"));
  g_clear_error (&error);

  /* a trade of the demo without a defence session */
  g_assert_false (write_doc (JP_DOCUMENT_DEFENCE_SUMMARY, JP_DOCUMENT_SCOPE_TRADE, 0, "XT",
                             NULL, path, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "defence session must be opened first"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- defence summary ---- */

static void
test_defence_summary (void)
{
  g_autoptr(JpDefenceResults) r = jp_store_defence_results (store, session_id, NULL);
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (store, session_id, NULL);
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lines = NULL;
  guint n_dropped = 0, n_trimmed = 0;

  g_assert_nonnull (r);
  g_assert_nonnull (r->digest);
  /* by trade: the same session */
  path = write_to_tmp (JP_DOCUMENT_DEFENCE_SUMMARY, JP_DOCUMENT_SCOPE_TRADE, 0, "QT", NULL,
                       "summary.pdf");
  doc = open_pdf (path);
  assert_page_size (doc, A4_H, A4_W);
  assert_fonts_embedded (doc, NULL);
  text = all_text (doc);
  lines = all_lines (doc);
  assert_contains (text, "答辩评分汇总表");
  assert_contains (text, "行业组：汽车维修（QT）");
  for (guint m = 0; m < 6; m++)
    assert_contains (text, member_names[m]);
  assert_contains (text, "方括号[]内为去掉的一个最高分和一个最低分");
  assert_contains (text, "主持人：");
  assert_contains (text, "计分人：");
  assert_contains (text, "监督人：");
  assert_contains (text, r->digest);
  assert_contains (text, "已封存");
  /* the alert and its revision, the absence */
  assert_contains (text, "孙堃Q02");
  assert_contains (text, "周一（Q04）总分60");
  assert_contains (text, "修改后总分83");
  assert_contains (text, "缺席：评委吴二（Q05），原因：身体不适，提前离场");

  /* each candidate's row: every member's total, dropped ones in brackets, then D */
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpDefenceCandidateResults *cr = g_ptr_array_index (r->candidates, i);
      const JpDefenceCandidate *dc = jp_defence_session_find (s, cr->code);
      g_autoptr(JpCandidate) c = jp_store_get_candidate (store, cr->candidate_id, NULL);
      GString *row = g_string_new (NULL);
      g_autofree char *row_text = NULL;

      g_assert_nonnull (cr->score);
      g_string_append_printf (row, "%d%s%s", cr->order, cr->code, c->name);
      if (cr->score->n >= 5)   /* the default drop rule: from 5 totals */
        n_trimmed++;
      for (guint m = 0; m < s->panel->len; m++)
        {
          JpDefencePanelMember *pm = g_ptr_array_index (s->panel, m);
          const JpDefenceTotal *t = NULL;

          for (guint k = 0; k < cr->score->totals->len; k++)
            if (g_str_equal (((JpDefenceTotal *) cr->score->totals->pdata[k])->member,
                             pm->code))
              t = cr->score->totals->pdata[k];
          if (g_strv_contains ((const char *const *) dc->conflicted, pm->code))
            g_string_append (row, "回避");
          else if (t == NULL)
            g_string_append (row, "缺席");
          else
            {
              g_autofree char *v = halves_text (t->total_halves);

              g_string_append_printf (row, t->dropped ? "[%s]" : "%s", v);
              if (g_str_equal (pm->code, "Q04") && i == 0)
                g_string_append (row, "*");
              n_dropped += t->dropped != JP_DEFENCE_KEPT;
            }
        }
      g_string_append_printf (row, "%" G_GINT64_FORMAT ".%02d", cr->score->d / 100,
                              (int) (cr->score->d % 100));
      row_text = g_string_free (row, FALSE);
      assert_line (lines, row_text);
    }
  /* one high and one low dropped of each candidate with 5 totals or more (two at least: only
   * the last one can lose both 吴二, who left, and 郑三, conflicted with 张镕) */
  g_assert_cmpuint (n_trimmed, >=, 2);
  g_assert_cmpuint (n_dropped, ==, 2 * n_trimmed);
}

static void
test_defence_summary_long_panel (void)
{
  g_autoptr(JpDefenceResults) r = jp_store_defence_results (store, long_session, NULL);
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  int n_pages;

  path = write_to_tmp (JP_DOCUMENT_DEFENCE_SUMMARY, JP_DOCUMENT_SCOPE_ROUND, long_session,
                       NULL, NULL, "summary-60.pdf");
  doc = open_pdf (path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >=, 2);   /* six groups of ten columns do not fit on one page */
  assert_page_size (doc, A4_H, A4_W);
  text = all_text (doc);
  /* every member's column is printed, none cut */
  for (guint m = 0; m < 60; m++)
    {
      g_autofree char *head = g_strdup_printf ("评委%02uL%02u", m + 1, m + 1);

      g_assert_cmpuint (count_of (text, head), ==, 1);
    }
  /* every column group (10 members each) repeats the header and the candidates' rows */
  g_assert_cmpuint (count_of (text, "（共60人，第"), ==, 6);
  g_assert_cmpuint (count_of (text, "序号编号姓名"), ==, 6);
  assert_contains (text, "评委51至60（共60人，第6组共6组）");
  assert_contains (text, "已结束未封存");
  assert_contains (text, r->digest);
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpDefenceCandidateResults *cr = g_ptr_array_index (r->candidates, i);
      g_autofree char *d = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cr->score->d / 100,
                                            (int) (cr->score->d % 100));

      g_assert_cmpuint (count_of (text, d), >=, 6);   /* D on each column group */
    }
}

static void
test_defence_summary_refused (void)
{
  g_autofree char *path = out_path ("refused-summary.pdf");
  g_autoptr(GError) error = NULL;

  /* while the session was open (written in the setup) */
  g_assert_nonnull (open_summary_error);
  g_assert_nonnull (strstr (open_summary_error, "defence session must be closed first"));
  /* a ballot round */
  g_assert_false (write_doc (JP_DOCUMENT_DEFENCE_SUMMARY, JP_DOCUMENT_SCOPE_ROUND,
                             ballot_round, NULL, NULL, path, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "defence session must be opened first"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_cli_score_sheets (void)
{
  const char *cli = g_getenv ("JP_CLI");
  g_autofree char *path = out_path ("cli-sheets.pdf");
  g_autofree char *round = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  int status = 0;
  const char *argv[] = { cli, "print", "score-sheets", "--db", jp_store_get_path (store),
                         "--round", round, "--member", "Q02", "-o", path, NULL };

  if (cli == NULL)
    {
      g_test_skip ("JP_CLI not set");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("jiangping-cli failed: %s", err);
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  text = all_text (doc);
  assert_contains (text, "评委：孙堃（Q02）");
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jp-defence-documents-XXXXXX", NULL);
  setup_election ();

  g_test_add_func ("/documents/score-sheets/blank", test_score_sheets_blank);
  g_test_add_func ("/documents/score-sheets/partial", test_score_sheets_partial);
  g_test_add_func ("/documents/score-sheets/absent", test_score_sheets_sealed_absent);
  g_test_add_func ("/documents/score-sheets/refused", test_score_sheets_refused);
  g_test_add_func ("/documents/score-sheets/cli", test_cli_score_sheets);
  g_test_add_func ("/documents/defence-summary", test_defence_summary);
  g_test_add_func ("/documents/defence-summary/60-members", test_defence_summary_long_panel);
  g_test_add_func ("/documents/defence-summary/refused", test_defence_summary_refused);

  status = g_test_run ();
  g_clear_object (&store);
  if (g_getenv ("JP_KEEP_OUTPUT") == NULL)
    test_rm_rf (tmp_dir);
  g_free (blank_sheets);
  g_free (partial_sheets);
  return status;
}
