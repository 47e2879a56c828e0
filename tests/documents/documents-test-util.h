/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The fixture of the documents tests of issue 8: a frozen demo election with crafted
 * candidates (long, huge and rare fields, good and bad photos), a closed and an open ballot
 * round, and the helpers that write its documents and read them back. */

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

static inline char *
out_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Text of length `n` characters: sentences with punctuation, numbers and Latin words, every
 * character counted (no blanks, so comparing without blanks is character for character). */
static inline char *
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
static inline char *
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

static inline gboolean
write_doc (JpStore *s, JpDocumentKind kind, JpDocumentScopeKind scope_kind, gint64 id,
           const char *trade, const JpDocumentOptions *options, const char *path,
           GPtrArray **findings, GError **error)
{
  JpDocumentScope scope = { scope_kind, id, trade };

  return jp_documents_write (s, kind, &scope, options, path, NULL, NULL, NULL, findings,
                             error);
}

/* The document written by write_doc (which must succeed without an error), opened. */
static inline PopplerDocument *
written_pdf (JpStore *s, JpDocumentKind kind, JpDocumentScopeKind scope_kind, gint64 id,
             const char *trade, const JpDocumentOptions *options, const char *path,
             GPtrArray **findings)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (write_doc (s, kind, scope_kind, id, trade, options, path, findings, &error));
  g_assert_no_error (error);
  return open_pdf (path);
}

static inline GBytes *
png_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 420);
  g_autofree char *buffer = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, "png", NULL, NULL));
  return g_bytes_new (buffer, len);
}

static inline gint64
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

/* ---- fixture ---- */

static inline void
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

static inline void
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

/* Builds the election, runs the cases added, then closes the store and removes the folder
 * (kept when JP_KEEP_OUTPUT is set). */
static inline int
run_on_election (void)
{
  int status;

  tmp_dir = g_dir_make_tmp ("jp-documents-XXXXXX", NULL);
  setup_election ();

  status = g_test_run ();
  g_clear_object (&store);
  if (g_getenv ("JP_KEEP_OUTPUT") == NULL)
    test_rm_rf (tmp_dir);
  return status;
}
