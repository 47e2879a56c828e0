/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>

#include "demo/jp-demo.h"
#include "documents/jp-documents.h"
#include "documents/jp-print-private.h"
#include "store/jp-store-private.h"
#include "store/jp-store-rounds.h"
#include "store/jp-store-publicity.h"
#include "../store/store-test-util.h"
#include "pdf-test-util.h"

/* The documents of issue 8, generated from a demo election and read back with poppler. */


#define A4_W 595.276
#define A4_H 841.89
#define DATE_2023_04_20 1681959600   /* 2023-04-20 03:00 UTC */

static char *tmp_dir;
static JpStore *store;         /* the demo election with the crafted candidates, frozen */
static char *trade_name;       /* the trade of the crafted candidates */
static char *trade_code;
static gint64 round_id;        /* a closed ballot round of that trade */
static gint64 open_round_id;   /* an open one of another trade */
static char *long_summary;     /* 2,500 characters */
static char *long_honours;
static char *huge_summary;     /* 5,000 characters */
static gint64 id_zhe, id_kun, id_rong, id_ext_a, id_huge;

/* ---- helpers ---- */

static char *
out_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Text of length `n` characters: sentences with punctuation, numbers and Latin words, every
 * character counted (no blanks, so comparing without blanks is character for character). */
static char *
make_text (guint n, guint seed)
{
  static const char *const parts[] = {
    "该同志扎根生产一线", "，", "主持完成技术攻关项目", "12", "项", "，", "获得国家发明专利",
    "ZL2021", "1234567.8", "号", "；", "带领团队实施", "QC", "小组活动", "，", "累计创效",
    "3860", "万元", "。", "他提出的", "“", "三步定位法", "”", "被写入企业标准", "（",
    "Q/BT", "0012-2022", "）", "，", "在全行业推广应用", "！", "是否还能更好", "？",
    "《", "稀土冶炼操作规程", "》", "由其主持修订", "、", "审定", "：", "精益求精",
  };
  GString *s = g_string_new (NULL);
  guint count = 0, i = seed;

  while (count < n)
    {
      const char *p = parts[i++ % G_N_ELEMENTS (parts)];

      for (const char *q = p; *q != '\0' && count < n; q = g_utf8_next_char (q))
        {
          g_string_append_unichar (s, g_utf8_get_char (q));
          count++;
        }
    }
  return g_string_free (s, FALSE);
}

/* Text of the value column of an approval form's body, on every page: where long fields
 * flow. */
static char *
value_column_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      PopplerRectangle area = { JP_PRINT_MARGIN + 93, 76, A4_W - JP_PRINT_MARGIN - 1,
                                A4_H - JP_PRINT_MARGIN };
      g_autofree char *t = poppler_page_get_text_for_area (page, &area);
      g_autofree char *sq = squeeze (t);

      g_string_append (s, sq);
    }
  return g_string_free (s, FALSE);
}

static gboolean
write_doc (JpStore *s, JpDocumentKind kind, JpDocumentScopeKind scope_kind, gint64 id,
           const char *trade, const JpDocumentOptions *options, const char *path,
           GPtrArray **findings, GError **error)
{
  JpDocumentScope scope = { scope_kind, id, trade };

  return jp_documents_write (s, kind, &scope, options, path, NULL, NULL, NULL, findings,
                             error);
}

/* The document written by write_doc (which must succeed without an error), opened. */
static PopplerDocument *
written_pdf (JpStore *s, JpDocumentKind kind, JpDocumentScopeKind scope_kind, gint64 id,
             const char *trade, const JpDocumentOptions *options, const char *path,
             GPtrArray **findings)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (write_doc (s, kind, scope_kind, id, trade, options, path, findings, &error));
  g_assert_no_error (error);
  return open_pdf (path);
}

static GBytes *
png_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 420);
  g_autofree char *buffer = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "png", NULL, NULL));
  return g_bytes_new (buffer, len);
}

static gint64
add_candidate (JpStore *s, const char *name, const char *id17, const char *trade,
               const char *summary, const char *honours, const char *photo_kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = test_id_number (id17);
  g_autoptr(JpCandidate) c = test_candidate (name, id, "包头测试工会", trade);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (
                                (GDestroyNotify) jp_document_data_free);

  c->employer = g_strdup ("包头市测试机械制造有限公司");
  c->position = g_strdup ("班组长");
  c->work_type = g_strdup ("钳工");
  c->summary = g_strdup (summary);
  c->honours = g_strdup (honours);
  c->birth = g_strdup ("1980-05");
  c->ethnicity = g_strdup ("汉族");
  c->criteria = (1 << 2) | (1 << 5);
  if (g_strcmp0 (photo_kind, "png") == 0)
    {
      JpDocumentRef *ref = jp_document_ref_new ();

      ref->kind = JP_DOC_PHOTO;
      ref->filename = g_strdup ("photos/photo.png");
      ref->mime = g_strdup ("image/png");
      ref->pages = 1;
      g_ptr_array_add (docs, jp_document_data_new (ref, png_photo ()));
    }
  else if (g_strcmp0 (photo_kind, "bad") == 0)
    g_ptr_array_add (docs, test_document (JP_DOC_PHOTO, 0, "photos/photo.jpg",
                                          "this is not a JPEG at all"));
  jp_store_save_candidate (s, c, docs, "test", NULL, &error);
  g_assert_no_error (error);
  return c->id;
}

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

/* ---- fixture ---- */

static void
vote_round (gint64 id)
{
  g_autoptr(GPtrArray) panel = jp_store_round_panel (store, id, NULL);
  g_autoptr(JpRound) round = jp_store_get_round (store, id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (panel);
  for (guint m = 0; m < panel->len; m++)
    {
      JpPanelMember *pm = g_ptr_array_index (panel, m);
      gboolean cast = FALSE;

      for (guint k = 0; k < round->candidates->len && !cast; k++)
        {
          JpRoundCandidate *rc = g_ptr_array_index (round->candidates, (k + m) %
                                                    round->candidates->len);
          const char *marks[] = { rc->code, NULL };

          cast = jp_store_submit_ballot (store, id, pm->code, marks, NULL, NULL, NULL);
        }
      if (!cast)
        {
          jp_store_submit_ballot (store, id, pm->code, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
}

static void
setup_election (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (tmp_dir, "demo.jiangping", NULL);
  JpDemoOptions options = { .candidates = 8, .seed = 2023 };
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  JpTrade *trade, *other;

  store = jp_demo_create (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  trades = jp_store_list_trades (store, &error);
  g_assert_no_error (error);
  trade = NULL;
  for (guint i = 0; i < trades->len; i++)
    if (g_strcmp0 (((JpTrade *) g_ptr_array_index (trades, i))->code, "XT") == 0)
      trade = g_ptr_array_index (trades, i);
  g_assert_nonnull (trade);
  other = NULL;
  for (guint i = 0; i < trades->len; i++)
    if (g_strcmp0 (((JpTrade *) g_ptr_array_index (trades, i))->code, "ZB") == 0)
      other = g_ptr_array_index (trades, i);
  g_assert_nonnull (other);
  trade_name = g_strdup (trade->name);
  trade_code = g_strdup (trade->code);

  long_summary = make_text (2500, 0);
  long_honours = make_text (700, 7);
  huge_summary = make_text (5000, 11);
  id_zhe = add_candidate (store, "王喆", "15020319800101001", trade_name, long_summary,
                          long_honours, "png");
  id_kun = add_candidate (store, "李堃", "15020319800101002", trade_name, "事迹简介。",
                          "荣誉。", "bad");
  id_rong = add_candidate (store, "张镕", "15020319800101003", trade_name, "事迹简介。",
                           "荣誉。", NULL);
  id_ext_a = add_candidate (store, "陈㐂", "15020319800101004", trade_name, "事迹简介。",
                            "荣誉。", "png");
  id_huge = add_candidate (store, "赵五千", "15020319800101005", other->name, huge_summary,
                           "荣誉。", "png");

  g_assert_true (jp_store_exec (store, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (store, "test", &error);
  g_assert_no_error (error);
  round_id = jp_store_open_ballot_round (store, trade_code, 2, 2, -1, "chair", &error);
  g_assert_no_error (error);
  vote_round (round_id);
  g_assert_true (jp_store_close_round (store, round_id, "chair", &error));
  g_assert_no_error (error);
  open_round_id = jp_store_open_ballot_round (store, other->code, 1, 1, -1, "chair", &error);
  g_assert_no_error (error);
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
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jp-documents-XXXXXX", NULL);
  setup_election ();

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
  g_test_add_func ("/documents/summary-table", test_summary_table);
  g_test_add_func ("/documents/ballot-papers", test_ballot_papers);
  g_test_add_func ("/documents/ballot-papers/drawn-order", test_ballot_papers_drawn_order);
  g_test_add_func ("/documents/ballot-papers/long-list", test_ballot_papers_long_list);
  g_test_add_func ("/documents/tally-report", test_tally_report);
  g_test_add_func ("/documents/tally-report/open-round", test_tally_report_open_round);
  g_test_add_func ("/documents/certificates/layout", test_certificates_layout);
  g_test_add_func ("/documents/not-ready", test_not_ready);
  g_test_add_func ("/documents/cli-print", test_cli_print);

  status = g_test_run ();
  g_clear_object (&store);
  if (g_getenv ("JP_KEEP_OUTPUT") == NULL)
    test_rm_rf (tmp_dir);
  return status;
}
