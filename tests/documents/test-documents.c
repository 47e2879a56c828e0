/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "documents-test-util.h"

/* The documents of issue 8, generated from a demo election and read back with poppler. */

/* ---- line breaking ---- */

static double
unit_width (gunichar c, gpointer data)
{
  return c < 0x1100 ? 0.5 : 1.0;
}

static GStrv
break_text (const char *text, double width)
{
  g_autoptr(GArray) lines = jp_line_break (text, width, unit_width, NULL);
  GStrv out = g_new0 (char *, lines->len + 1);

  for (guint i = 0; i < lines->len; i++)
    {
      JpLine *l = &g_array_index (lines, JpLine, i);

      out[i] = g_strndup (text + l->start, l->end - l->start);
    }
  return out;
}

static double
line_width (const char *line)
{
  double w = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    w += unit_width (g_utf8_get_char (p), NULL);
  return w;
}

static void
test_linebreak_punctuation (void)
{
  const char *closing = "，。、；：？！）》」";
  const char *opening = "（《「";
  g_autofree char *text = make_text (1500, 3);
  g_autofree char *expected = squeeze (text);

  for (double width = 6; width <= 31; width += 1)
    {
      g_auto(GStrv) lines = break_text (text, width);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          gunichar first = g_utf8_get_char (lines[i]);
          const char *last = g_utf8_find_prev_char (lines[i], lines[i] + strlen (lines[i]));

          g_assert_true (g_utf8_validate (lines[i], -1, NULL));
          g_assert_cmpfloat (line_width (lines[i]), <=, width);
          if (i > 0)
            g_assert_null (g_utf8_strchr (closing, -1, first));
          if (last != NULL && lines[i + 1] != NULL)
            g_assert_null (g_utf8_strchr (opening, -1, g_utf8_get_char (last)));
          g_string_append (joined, lines[i]);
        }
      /* nothing lost, nothing doubled */
      g_assert_cmpstr (joined->str, ==, expected);
    }
}

static void
test_linebreak_words (void)
{
  const char *text = "他在2023年获得ISO9001认证，专利号ZL202112345678，效益3860万元。Quality "
                     "control is key.";
  const char *whole[] = { "2023", "ISO9001", "ZL202112345678", "3860", "Quality", "control",
                          NULL };

  for (double width = 8; width <= 20; width += 1)
    {
      g_auto(GStrv) lines = break_text (text, width);
      g_autofree char *joined = g_strjoinv ("|", lines);

      for (guint w = 0; whole[w] != NULL; w++)
        if (strstr (joined, whole[w]) == NULL)
          g_error ("“%s” was split at width %g: %s", whole[w], width, joined);
    }
}

static void
test_linebreak_long_word (void)
{
  /* a number longer than the line is cut between characters, nothing is lost */
  const char *text = "编号12345678901234567890123456789结束";
  g_auto(GStrv) lines = break_text (text, 6);
  g_autofree char *joined = g_strjoinv ("", lines);

  g_assert_cmpstr (joined, ==, text);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpfloat (line_width (lines[i]), <=, 6);
}

static void
test_linebreak_paragraphs (void)
{
  g_auto(GStrv) lines = break_text ("第一段。\n\n第三段文字较长需要换行。", 6);

  g_assert_cmpstr (lines[0], ==, "第一段。");
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_cmpstr (lines[2], ==, "第三段文字较");
  g_assert_cmpstr (lines[3], ==, "长需要换行。");
  g_assert_null (lines[4]);
}

/* ---- approval form ---- */

static void
test_approval_form_all (void)
{
  g_autofree char *path = out_path ("forms.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GListModel) list = jp_store_list_candidates (store, NULL);
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (list);
  int first_pages = 0;
  JpDocumentOptions options = { .date = DATE_2023_04_20 };

  doc = written_pdf (store, JP_DOCUMENT_APPROVAL_FORM, JP_DOCUMENT_SCOPE_ALL, 0, NULL, &options,
                     path, &findings);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 2 * n);
  assert_page_size (doc, A4_W, A4_H);
  assert_fonts_embedded (doc, NULL);
  text = all_text (doc);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      assert_contains (text, c->name);
      assert_contains (text, c->id_number);
      if (c->employer != NULL)
        assert_contains (text, c->employer);
    }
  /* every form starts on its own page with its own page numbers */
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);
      g_autofree char *sq = squeeze (t);

      if (strstr (sq, "第1页共") != NULL)
        {
          first_pages++;
          g_assert_nonnull (strstr (sq, "推荐审批表"));
          g_assert_nonnull (strstr (sq, "所在单位意见") != NULL ? sq : sq);
        }
    }
  g_assert_cmpint (first_pages, ==, n);
  assert_contains (text, "市总工会审批意见");
  /* four opinion boxes and the nominating unit's line */
  g_assert_cmpuint (count_of (text, "（盖章）"), ==, 5 * n);
  /* the bad and the missing photo are reported, the forms still printed */
  {
    gboolean bad = FALSE, missing = FALSE;

    for (guint i = 0; i < findings->len; i++)
      {
        JpFinding *f = g_ptr_array_index (findings, i);

        if (g_str_equal (f->code, "photo-unreadable") && strstr (f->message, "李堃"))
          bad = TRUE;
        if (g_str_equal (f->code, "photo-missing") && strstr (f->message, "张镕"))
          missing = TRUE;
      }
    g_assert_true (bad);
    g_assert_true (missing);
  }
}

static void
test_approval_form_long_text (void)
{
  g_autofree char *path = out_path ("zhe.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *column = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (g_utf8_strlen (long_summary, -1), ==, 2500);
  doc = written_pdf (store, JP_DOCUMENT_APPROVAL_FORM, JP_DOCUMENT_SCOPE_CANDIDATE, id_zhe, NULL,
                     NULL, path, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 3);
  column = value_column_text (doc);
  assert_contains (column, long_honours);
  assert_contains (column, long_summary);
  text = all_text (doc);
  assert_contains (text, "王喆");
  assert_contains (text, "第3页共");
  assert_fonts_embedded (doc, NULL);
}

static void
test_approval_form_huge_field (void)
{
  g_autofree char *path = out_path ("huge.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *column = NULL;

  doc = written_pdf (store, JP_DOCUMENT_APPROVAL_FORM, JP_DOCUMENT_SCOPE_CANDIDATE, id_huge, NULL,
                     NULL, path, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 4);
  column = value_column_text (doc);
  assert_contains (column, huge_summary);
}

static void
test_rare_names (void)
{
  const struct { gint64 *id; const char *name; } people[] = {
    { &id_zhe, "王喆" }, { &id_kun, "李堃" }, { &id_rong, "张镕" }, { &id_ext_a, "陈㐂" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *path = out_path ("rare.pdf");
      g_autoptr(GError) error = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autofree char *text = NULL;
      g_autofree char *first = NULL;

      doc = written_pdf (store, JP_DOCUMENT_APPROVAL_FORM, JP_DOCUMENT_SCOPE_CANDIDATE,
                         *people[i].id, NULL, NULL, path, NULL);
      first = page_text (doc, 0);
      text = squeeze (first);
      assert_contains (text, people[i].name);
      /* the body font lacks the character: a second, fallback font is embedded */
      assert_fonts_embedded (doc, NULL);
      {
        g_autoptr(PopplerFontInfo) info = poppler_font_info_new (doc);
        PopplerFontsIter *iter = NULL;
        guint n = 0;

        poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter);
        do
          n++;
        while (poppler_fonts_iter_next (iter));
        poppler_fonts_iter_free (iter);
        g_assert_cmpuint (n, >=, 2);
      }
    }
}

static void
test_missing_glyph (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "glyph", NULL);
  g_autofree char *db = g_build_filename (dir, "g.jiangping", NULL);
  g_autofree char *path = g_build_filename (dir, "g.pdf", NULL);
  g_autoptr(JpStore) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  gint64 id;

  g_mkdir_with_parents (dir, 0755);
  s = jp_store_create (db, NULL, &error);
  g_assert_no_error (error);
  /* U+2A6A5, a CJK Extension B character: no installed TrueType font has it */
  id = add_candidate (s, "王\xf0\xaa\x9a\xa5", "15020319800101301", "稀土", "事迹。", "荣誉。",
                      NULL);
  g_assert_false (write_doc (s, JP_DOCUMENT_APPROVAL_FORM, JP_DOCUMENT_SCOPE_CANDIDATE, id,
                             NULL, NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_MISSING_GLYPH);
  g_assert_nonnull (strstr (error->message, "U+2A6A5"));
  g_assert_nonnull (strstr (error->message, "姓名"));
  g_assert_nonnull (strstr (error->message, "王\xf0\xaa\x9a\xa5"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* and no temporary file either */
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name = g_dir_read_name (listing); name != NULL;
       name = g_dir_read_name (listing))
    g_assert_true (g_str_has_prefix (name, "g.jiangping"));
}

static void
test_unwritable (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "readonly", NULL);
  g_autofree char *path = g_build_filename (dir, "forms.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  /* a folder that does not exist */
  g_assert_false (write_doc (store, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_ALL, 0, NULL,
                             NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* a folder that exists but cannot be written (as root, a file in place of the folder) */
  g_mkdir_with_parents (dir, 0555);
  g_chmod (dir, 0555);
  if (access (dir, W_OK) == 0)
    {
      g_autofree char *file = g_build_filename (tmp_dir, "a-file", NULL);

      g_file_set_contents (file, "x", 1, NULL);
      g_free (path);
      path = g_build_filename (file, "forms.pdf", NULL);
    }
  g_assert_false (write_doc (store, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_ALL, 0, NULL,
                             NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_chmod (dir, 0755);
}

static void
test_cancelled (void)
{
  g_autofree char *path = out_path ("cancelled.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JpDocumentScope scope = { JP_DOCUMENT_SCOPE_ALL, 0, NULL };

  g_cancellable_cancel (cancellable);
  g_assert_false (jp_documents_write (store, JP_DOCUMENT_APPROVAL_FORM, &scope, NULL, path,
                                      cancellable, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
cancel_after_first (guint done, guint total, gpointer data)
{
  g_assert_cmpuint (done, <=, total);
  if (done == 1)
    g_cancellable_cancel (data);
}

/* Cancelled half-way through 13 forms: no file, not even a partial one. */
static void
test_cancelled_midway (void)
{
  g_autofree char *path = out_path ("midway.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JpDocumentScope scope = { JP_DOCUMENT_SCOPE_ALL, 0, NULL };

  g_assert_false (jp_documents_write (store, JP_DOCUMENT_APPROVAL_FORM, &scope, NULL, path,
                                      cancellable, cancel_after_first, cancellable, NULL,
                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

typedef struct {
  GMainLoop *loop;
  guint      calls;
  guint      last_done, last_total;
  gboolean   ok;
  GError    *error;
} AsyncData;

static void
on_async_progress (guint done, guint total, gpointer data)
{
  AsyncData *ad = data;

  ad->calls++;
  ad->last_done = done;
  ad->last_total = total;
}

static void
on_async_done (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncData *ad = data;

  ad->ok = jp_documents_write_finish (JP_STORE (source), result, NULL, &ad->error);
  g_main_loop_quit (ad->loop);
}

static void
test_async_progress (void)
{
  g_autofree char *path = out_path ("async.pdf");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData ad = { loop, 0, 0, 0, FALSE, NULL };
  JpDocumentScope scope = { JP_DOCUMENT_SCOPE_TRADE, 0, trade_code };
  guint n = 0;
  g_autoptr(GListModel) list = jp_store_list_candidates (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      n += g_strcmp0 (c->trade, trade_name) == 0;
    }
  jp_documents_write_async (store, JP_DOCUMENT_APPROVAL_FORM, &scope, NULL, path, NULL,
                            on_async_progress, &ad, on_async_done, &ad);
  g_main_loop_run (loop);
  g_assert_no_error (ad.error);
  g_assert_true (ad.ok);
  /* progress reached the main context, once per form, ending at total */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (ad.last_total, ==, n);
  g_assert_cmpuint (ad.last_done, ==, n);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_metadata (void)
{
  g_autofree char *path = out_path ("meta.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  JpDocumentOptions options = { .date = DATE_2023_04_20 };

  doc = written_pdf (store, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_ALL, 0, NULL, &options,
                     path, NULL);
  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  g_assert_cmpstr (title, ==, "“包头工匠”推荐候选人汇总表");
  g_assert_cmpstr (author, ==, jp_store_get_election (store)->organiser);
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, DATE_2023_04_20);
}

static void
test_kinds_and_scopes (void)
{
  const char *keys[] = { "approval-form", "summary-table", "certificates", "ballot-papers",
                         "tally-report", "score-sheets", "defence-summary", "ranking-report",
                         "publicity" };
  g_autofree char *path = out_path ("scope.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (G_N_ELEMENTS (keys), ==, JP_DOCUMENT_N_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JpDocumentKind kind;

      g_assert_true (jp_document_kind_from_key (keys[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (jp_document_kind_to_key (i), ==, keys[i]);
    }
  g_assert_false (jp_document_kind_from_key ("approval", &(JpDocumentKind) { 0 }));

  g_assert_false (write_doc (store, JP_DOCUMENT_BALLOT_PAPERS, JP_DOCUMENT_SCOPE_ALL, 0, NULL,
                             NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_false (write_doc (store, JP_DOCUMENT_APPROVAL_FORM, JP_DOCUMENT_SCOPE_CANDIDATE,
                             999999, NULL, NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999999"));
  g_clear_error (&error);
  g_assert_false (write_doc (store, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_TRADE, 0,
                             "NOPE", NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A body font chosen in the settings that does not exist: refused, naming the file. */
static void
test_no_font (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "font", NULL);
  g_autofree char *db = g_build_filename (dir, "f.jiangping", NULL);
  g_autofree char *path = g_build_filename (dir, "f.pdf", NULL);
  g_autoptr(JpStore) s = NULL;
  g_autoptr(JpSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  s = jp_store_create (db, NULL, &error);
  g_assert_no_error (error);
  add_candidate (s, "王喆", "15020319800101401", "稀土", "事迹。", "荣誉。", NULL);
  settings = jp_store_get_settings (s);
  g_free (settings->font_song);
  settings->font_song = g_strdup ("/nonexistent/fangsong.ttf");
  g_assert_true (jp_store_update_settings (s, settings, "test", &error));
  g_assert_no_error (error);
  g_assert_false (write_doc (s, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_ALL, 0, NULL,
                             NULL, path, NULL, &error));
  g_assert_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/fangsong.ttf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* the same setting naming a real TrueType file is used */
  g_free (settings->font_song);
  settings->font_song = g_strdup ("/usr/share/fonts/truetype/arphic/uming.ttc");
  if (!g_file_test (settings->font_song, G_FILE_TEST_IS_REGULAR))
    return;
  g_assert_true (jp_store_update_settings (s, settings, "test", &error));
  g_assert_true (write_doc (s, JP_DOCUMENT_SUMMARY_TABLE, JP_DOCUMENT_SCOPE_ALL, 0, NULL,
                            NULL, path, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PopplerDocument) doc = open_pdf (path);

    assert_fonts_embedded (doc, "UMing");
  }
}

/* The publicity notice's order: surnames by stroke count, checked by hand: 丁 2, 王 4,
 * 刘 6, 李 7, 周 8, 赵 9, 黄 11. Two 王 keep their place on the list among themselves only
 * when ICU finds them equal; the given names here differ, so the collator orders them. */
static void
test_stroke_order (void)
{
  const char *given[] = { "黄大年", "王进喜", "赵梦桃", "丁晓兵", "周建民", "李素丽", "刘永坦" };
  const char *expect[] = { "丁晓兵", "王进喜", "刘永坦", "李素丽", "周建民", "赵梦桃", "黄大年" };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      JpPublicityCandidate *c = g_new0 (JpPublicityCandidate, 1);

      c->name = (char *) given[i];
      g_ptr_array_add (list, c);
    }
  g_assert_true (jp_print_sort_by_strokes (list, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    g_assert_cmpstr (((JpPublicityCandidate *) g_ptr_array_index (list, i))->name, ==,
                     expect[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/linebreak/punctuation", test_linebreak_punctuation);
  g_test_add_func ("/documents/publicity/stroke-order", test_stroke_order);
  g_test_add_func ("/documents/linebreak/words-whole", test_linebreak_words);
  g_test_add_func ("/documents/linebreak/long-word", test_linebreak_long_word);
  g_test_add_func ("/documents/linebreak/paragraphs", test_linebreak_paragraphs);
  g_test_add_func ("/documents/kinds-and-scopes", test_kinds_and_scopes);
  g_test_add_func ("/documents/approval-form/all", test_approval_form_all);
  g_test_add_func ("/documents/approval-form/long-text", test_approval_form_long_text);
  g_test_add_func ("/documents/approval-form/5000-characters", test_approval_form_huge_field);
  g_test_add_func ("/documents/approval-form/rare-names", test_rare_names);
  g_test_add_func ("/documents/missing-glyph", test_missing_glyph);
  g_test_add_func ("/documents/unwritable", test_unwritable);
  g_test_add_func ("/documents/cancelled", test_cancelled);
  g_test_add_func ("/documents/cancelled-midway", test_cancelled_midway);
  g_test_add_func ("/documents/no-font", test_no_font);
  g_test_add_func ("/documents/async-progress", test_async_progress);
  g_test_add_func ("/documents/metadata", test_metadata);

  return run_on_election ();
}
