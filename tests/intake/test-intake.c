/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-intake"

#include "config.h"

#include <fcntl.h>
#include <sys/resource.h>

#include "intake-test-util.h"

/* ---- dossier folders ---- */

static void
test_single_dossier (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = id_for (31);
  g_autofree char *dir = write_dossier (f->dir, "王建华", "王建华", id, "nickname=老王\n");
  g_autoptr(GBytes) extra = make_pdf (1, "Extra");
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpCandidate) c = NULL;
  JpImportEntry *e;
  JpDocumentRef *ref;

  write_bytes (dir, "evidence/其他材料.pdf", extra);
  report = import_one (f, dir);

  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->updated, ==, 0);
  g_assert_cmpuint (report->rejected, ==, 0);
  e = entry_at (report, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_cmpstr (e->name, ==, "王建华");
  g_assert_cmpstr (e->id_number, ==, id);
  g_assert_cmpstr (e->source, ==, dir);
  g_assert_null (e->reason);
  /* intake notes: the unknown key, the untagged file, the new trade and unit */
  g_assert_true (findings_mention (e->findings, "nickname"));
  g_assert_true (findings_mention (e->findings, "evidence/其他材料.pdf"));
  g_assert_true (findings_mention (e->findings, "稀土"));
  g_assert_true (findings_mention (e->findings, "包头市稀土高新区总工会"));

  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 1);
  c = get_by_id_number (f, id);
  g_assert_cmpstr (c->name, ==, "王建华");
  g_assert_cmpstr (c->unit, ==, "包头市稀土高新区总工会");
  g_assert_cmpstr (c->trade, ==, "稀土");
  g_assert_cmpuint (c->n_photos, ==, 3);
  g_assert_cmpuint (c->documents->len, ==, 7);
  g_assert_true (c->has_no_criminal_record);
  /* BOM dropped, trailing blanks and newlines trimmed */
  g_assert_true (g_str_has_prefix (c->summary, "长期扎根"));
  g_assert_true (g_str_has_suffix (c->summary, "难题。"));
  g_assert_cmpuint (g_utf8_strlen (c->summary, -1), ==, 20 * 20);
  g_assert_nonnull (c->deeds);

  /* the files by their place in the dossier; -1 and NULL: not looked at */
  {
    static const struct {
      const char *path;
      int         kind;
      int         criterion;
      int         pages;
      const char *mime;
    } docs[] = {
      { "evidence/劳模证书.pdf", JP_DOC_EVIDENCE, 1, 2, "application/pdf" },
      { "evidence/技术攻关证明.pdf", -1, 4, 3, NULL },
      { "evidence/无犯罪记录证明.pdf", JP_DOC_NO_CRIMINAL_RECORD, -1, -1, NULL },
      { "evidence/其他材料.pdf", JP_DOC_EVIDENCE, 0, -1, NULL },
      { "photos/2.png", JP_DOC_PHOTO, -1, -1, "image/png" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
      {
        ref = find_doc (c, docs[i].path);
        g_assert_nonnull (ref);
        if (docs[i].kind >= 0)
          g_assert_cmpint (ref->kind, ==, docs[i].kind);
        if (docs[i].criterion >= 0)
          g_assert_cmpint (ref->criterion, ==, docs[i].criterion);
        if (docs[i].pages >= 0)
          g_assert_cmpint (ref->pages, ==, docs[i].pages);
        if (docs[i].mime != NULL)
          g_assert_cmpstr (ref->mime, ==, docs[i].mime);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (dir, "evidence", "劳模证书.pdf", NULL);
    g_autoptr(GBytes) stored = NULL;
    g_autoptr(GBytes) original = NULL;
    g_autofree char *contents = NULL;
    gsize len = 0;

    stored = jp_store_get_document_data (f->store, find_doc (c, "evidence/劳模证书.pdf")->sha256,
                                         &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    original = g_bytes_new (contents, len);
    g_assert_true (g_bytes_equal (stored, original));
  }
}

static void
test_missing_summary_is_a_finding (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *id = id_for (41);
  g_autofree char *dir = write_dossier (f->dir, "d", "李明", id, NULL);
  g_autofree char *summary = g_build_filename (dir, "summary.txt", NULL);
  g_autofree char *deeds = g_build_filename (dir, "deeds.txt", NULL);
  g_autofree char *gbk = NULL;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpCandidate) c = NULL;
  gsize gbk_len = 0;

  g_assert_cmpint (g_remove (summary), ==, 0);
  /* deeds in GB18030, as saved by Notepad on a Chinese Windows */
  gbk = g_convert ("事迹材料：带徒传技。  \n", -1, "GB18030", "UTF-8", NULL, &gbk_len, NULL);
  g_assert_nonnull (gbk);
  g_assert_true (g_file_set_contents (deeds, gbk, (gssize) gbk_len, NULL));

  report = import_one (f, dir);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_true (findings_mention (entry_at (report, 0)->findings, "summary.txt"));
  c = get_by_id_number (f, id);
  g_assert_true (c->summary == NULL || c->summary[0] == '\0');
  g_assert_cmpstr (c->deeds, ==, "事迹材料：带徒传技。");
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "batch", NULL);
  g_autofree char *id1 = id_for (1);
  g_autofree char *id2 = id_for (2);
  g_autofree char *id3 = id_for (3);
  g_autofree char *d1 = write_dossier (batch, "c-张三", "张三", id1, NULL);
  g_autofree char *d2 = write_dossier (batch, "a-李四", "李四", id2, NULL);
  g_autofree char *d3 = write_dossier (batch, "b-王五", "王五", id3, NULL);
  g_autoptr(JpImportReport) report = NULL;

  write_text (batch, "z-notes/readme.txt", "not a dossier");
  write_text (batch, "cover-letter.txt", "ignored");
  report = import_one (f, batch);

  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (report->rejected, ==, 1);
  g_assert_cmpuint (report->entries->len, ==, 4);
  /* subfolders in name order */
  g_assert_cmpstr (entry_at (report, 0)->name, ==, "李四");
  g_assert_cmpstr (entry_at (report, 0)->source, ==, d2);
  g_assert_cmpstr (entry_at (report, 1)->name, ==, "王五");
  g_assert_cmpstr (entry_at (report, 2)->name, ==, "张三");
  g_assert_cmpint (entry_at (report, 3)->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_true (g_str_has_suffix (entry_at (report, 3)->source, "z-notes"));
  g_assert_nonnull (strstr (entry_at (report, 3)->reason, "no dossier.ini"));
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 3);
}

static void
test_reimport_updates (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = id_for (77);
  g_autofree char *dir = write_dossier (f->dir, "赵六", "赵六", id, NULL);
  g_autoptr(JpImportReport) first = import_one (f, dir);
  g_autoptr(JpImportReport) second = NULL;
  g_autoptr(JpCandidate) c = NULL;
  g_autofree char *ini_path = g_build_filename (dir, "dossier.ini", NULL);
  g_autofree char *ini = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_cmpuint (first->added, ==, 1);
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  parts = g_strsplit (ini, "phone=13800000000", 2);
  changed = g_strjoinv ("phone=13911112222", parts);
  write_text (dir, "dossier.ini", changed);

  second = import_one (f, dir);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpint (entry_at (second, 0)->outcome, ==, JP_IMPORT_UPDATED);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 1);
  c = get_by_id_number (f, id);
  g_assert_cmpstr (c->phone, ==, "13911112222");
  g_assert_cmpuint (c->n_photos, ==, 3);
}

static void
test_missing_required_keys (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "batch", NULL);
  g_autofree char *id = id_for (5);
  g_autofree char *d1 = write_dossier (batch, "1-no-name", NULL, id, NULL);
  g_autofree char *d2 = write_dossier (batch, "2-no-id", "孙七", NULL, NULL);
  g_autoptr(JpImportReport) report = import_one (f, batch);

  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->rejected, ==, 2);
  g_assert_nonnull (strstr (entry_at (report, 0)->reason, "name"));
  g_assert_nonnull (strstr (entry_at (report, 1)->reason, "id_number"));
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
  g_assert_cmpuint (jp_store_count_documents (f->store), ==, 0);
}

static void
test_bad_files_reject_dossier (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "batch", NULL);
  g_autofree char *id_ok = id_for (10);
  g_autofree char *id_a = id_for (11);
  g_autofree char *id_b = id_for (12);
  g_autofree char *id_c = id_for (13);
  g_autofree char *id_d = id_for (14);
  g_autofree char *ok = write_dossier (batch, "0-ok", "周八", id_ok, NULL);
  g_autofree char *empty = write_dossier (batch, "1-empty", "吴九", id_a, NULL);
  g_autofree char *corrupt = write_dossier (batch, "2-corrupt", "郑十", id_b, NULL);
  g_autofree char *locked = write_dossier (batch, "3-locked", "钱一", id_c, NULL);
  g_autofree char *big = write_dossier (batch, "4-big-photo", "冯二", id_d, NULL);
  g_autoptr(GBytes) pdf = make_pdf (3, "cut");
  g_autoptr(GBytes) encrypted = make_encrypted_pdf ();
  g_autofree char *big_path = g_build_filename (big, "photos", "2.png", NULL);
  g_autoptr(JpImportReport) report = NULL;
  JpImportEntry *e;
  int fd;

  write_file (empty, "evidence/劳模证书.pdf", "", 0);
  write_file (corrupt, "evidence/技术攻关证明.pdf", g_bytes_get_data (pdf, NULL),
              g_bytes_get_size (pdf) / 3);
  write_bytes (locked, "evidence/无犯罪记录证明.pdf", encrypted);
  /* a 20 MB photo: the size alone rejects it, before anything reads it */
  fd = g_open (big_path, O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 20 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  report = import_one (f, batch);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->rejected, ==, 4);
  g_assert_cmpstr (entry_at (report, 0)->name, ==, "周八");
  g_assert_cmpint (entry_at (report, 0)->outcome, ==, JP_IMPORT_ADDED);

  e = entry_at (report, 1);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_REJECTED);
  {
    /* each rejected dossier's reason names the file and what is wrong with it */
    static const char *const reasons[][3] = {
      { "evidence/劳模证书.pdf", "empty", NULL },
      { "evidence/技术攻关证明.pdf", "damaged", NULL },
      { "evidence/无犯罪记录证明.pdf", "password", NULL },
      { "photos/2.png", "20.0 MB", "10 MB" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      {
        e = entry_at (report, i + 1);
        for (guint k = 0; k < G_N_ELEMENTS (reasons[i]) && reasons[i][k] != NULL; k++)
          g_assert_nonnull (strstr (e->reason, reasons[i][k]));
      }
  }

  /* a rejected dossier writes nothing: only the good one and its 6 files are stored */
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 1);
  g_assert_cmpuint (jp_store_count_documents (f->store), ==, 6);
  g_assert_null (jp_store_find_candidate_by_id_number (f->store, id_a));
  g_assert_null (jp_store_find_candidate_by_id_number (f->store, id_d));
}

static void
test_listed_file_missing_and_pdf_photo (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "batch", NULL);
  g_autofree char *id_a = id_for (21);
  g_autofree char *id_b = id_for (22);
  g_autofree char *a = write_dossier (batch, "a", "陈一", id_a, NULL);
  g_autofree char *b = write_dossier (batch, "b", "陈二", id_b,
                                     "\n[files]\nphotos=photos/scan.pdf\n");
  g_autofree char *gone = g_build_filename (a, "evidence", "技术攻关证明.pdf", NULL);
  g_autoptr(GBytes) pdf = make_pdf (1, "not a photo");
  g_autoptr(JpImportReport) report = NULL;

  g_assert_cmpint (g_remove (gone), ==, 0);
  write_bytes (b, "photos/scan.pdf", pdf);
  report = import_one (f, batch);

  g_assert_cmpuint (report->rejected, ==, 2);
  g_assert_nonnull (strstr (entry_at (report, 0)->reason, "evidence/技术攻关证明.pdf"));
  g_assert_nonnull (strstr (entry_at (report, 1)->reason, "photos/scan.pdf"));
  g_assert_nonnull (strstr (entry_at (report, 1)->reason, "JPEG or PNG"));
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
}

static void
test_nonexistent_path (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", NULL);
  g_autofree char *id = id_for (23);
  g_autofree char *dir = write_dossier (f->dir, "real", "韩梅", id, NULL);
  const char *only_missing[] = { missing, NULL };
  const char *mixed[] = { missing, dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) none = NULL;
  g_autoptr(JpImportReport) report = NULL;

  none = jp_intake_import_paths (f->store, only_missing, "test", NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_NOT_A_DOSSIER);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  report = jp_intake_import_paths (f->store, mixed, "test", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (report, 0)->reason, missing));
}

static void
test_shipped_samples (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *samples = g_build_filename (JP_SOURCE_DIR, "data", "samples", "dossiers",
                                               NULL);
  g_autoptr(JpImportReport) report = import_one (f, samples);
  JpImportEntry *li;

  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->rejected, ==, 0);
  li = entry_at (report, 0);
  g_assert_cmpstr (li->name, ==, "李秀梅");
  g_assert_true (findings_mention (li->findings, "evidence/师带徒协议.pdf"));
}

/* ---- report text and async ---- */

static void
test_report_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "batch", NULL);
  g_autofree char *id = id_for (120);
  g_autofree char *d1 = write_dossier (batch, "a", "白雪", id, NULL);
  g_autofree char *d2 = write_dossier (batch, "b", "黑土", NULL, NULL);
  g_autoptr(JpImportReport) first = import_one (f, batch);
  g_autoptr(JpImportReport) second = import_one (f, batch);
  g_autofree char *text1 = jp_import_report_to_text (first);
  g_autofree char *text2 = jp_import_report_to_text (second);

  g_assert_true (g_str_has_prefix (text1, "Added 1, updated 0, rejected 1\n"));
  g_assert_nonnull (strstr (text1, "Added: 白雪"));
  g_assert_nonnull (strstr (text1, "Rejected: "));
  g_assert_nonnull (strstr (text1, d2));
  g_assert_nonnull (strstr (text1, "id_number"));
  g_assert_true (g_str_has_prefix (text2, "Added 0, updated 1, rejected 1\n"));
  g_assert_nonnull (strstr (text2, "Updated: 白雪"));
  g_assert_cmpstr (jp_import_outcome_to_key (JP_IMPORT_UPDATED), ==, "updated");
}

typedef struct {
  GMainLoop      *loop;
  JpImportReport *report;
  GError         *error;
  guint           calls;
  guint           last_done, last_total;
  gboolean        off_thread;
  GThread        *main_thread;
} AsyncState;

static void
on_progress (guint       done,
             guint       total,
             const char *current,
             gpointer    user_data)
{
  AsyncState *s = user_data;

  s->calls++;
  s->last_done = done;
  s->last_total = total;
  if (g_thread_self () != s->main_thread)
    s->off_thread = TRUE;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *s = user_data;

  s->report = jp_intake_import_paths_finish (JP_STORE (source), result, &s->error);
  g_main_loop_quit (s->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "batch", NULL);
  g_autofree char *id1 = id_for (131);
  g_autofree char *id2 = id_for (132);
  g_autofree char *d1 = write_dossier (batch, "a", "甲", id1, NULL);
  g_autofree char *d2 = write_dossier (batch, "b", "乙", id2, NULL);
  const char *paths[] = { batch, NULL };
  AsyncState s = { 0 };

  s.loop = g_main_loop_new (NULL, FALSE);
  s.main_thread = g_thread_self ();
  jp_intake_import_paths_async (f->store, paths, "test", on_progress, &s, NULL,
                                on_imported, &s);
  g_main_loop_run (s.loop);

  g_assert_no_error (s.error);
  g_assert_nonnull (s.report);
  g_assert_cmpuint (s.report->added, ==, 2);
  g_assert_cmpuint (s.calls, ==, 2);
  g_assert_cmpuint (s.last_done, ==, 2);
  g_assert_cmpuint (s.last_total, ==, 2);
  g_assert_false (s.off_thread);
  /* written through the worker's own connection, visible through ours */
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);

  jp_import_report_free (s.report);
  g_main_loop_unref (s.loop);
}

/* Messages that misled: a WebP photo was told to become a PDF, a 10000 × 10000 PNG was
 * taken (and decoded whole for its thumbnail), a zip with backslashes was called a link,
 * an encrypted zip was called damaged. */
static void
test_misleading_messages (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id1 = id_for (160);
  g_autofree char *id2 = id_for (161);
  g_autofree char *id3 = id_for (162);
  g_autofree char *webp_dir = write_dossier (f->dir, "吴敏", "吴敏", id1, NULL);
  g_autofree char *big_dir = write_dossier (f->dir, "郑华", "郑华", id2, NULL);
  g_autofree char *win_dir = write_dossier (f->dir, "src/冯军", "冯军", id3, NULL);
  g_autofree char *ini_path = g_build_filename (webp_dir, "dossier.ini", NULL);
  g_autofree char *ini = NULL;
  g_autofree char *ini2 = NULL;
  g_autofree char *win_zip = g_build_filename (f->dir, "冯军.zip", NULL);
  g_autofree char *locked_zip = g_build_filename (f->dir, "加密.zip", NULL);
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P',
                                 'V', 'P', '8', 'L', 13, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0, 0,
                                 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(GBytes) small = make_png (8, 8, 0.5);
  g_autofree guint8 *big = g_memdup2 (g_bytes_get_data (small, NULL), g_bytes_get_size (small));
  g_autoptr(JpImportReport) r1 = NULL;
  g_autoptr(JpImportReport) r2 = NULL;
  g_autoptr(JpImportReport) r3 = NULL;
  g_autoptr(JpImportReport) r4 = NULL;
  g_autoptr(GDir) dir = NULL;
  struct archive *a;
  const char *name;
  int r;

  /* a WebP work photo listed in [files] */
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  ini2 = g_strconcat (ini, "\n[files]\nphotos=photos/工作照.webp\n", NULL);
  write_text (webp_dir, "dossier.ini", ini2);
  write_file (webp_dir, "photos/工作照.webp", webp, sizeof webp);
  r1 = import_one (f, webp_dir);
  g_assert_cmpuint (r1->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (r1, 0)->reason, "photos/工作照.webp"));
  g_assert_nonnull (strstr (entry_at (r1, 0)->reason, "JPEG"));
  g_assert_null (strstr (entry_at (r1, 0)->reason, "PDF"));

  /* a PNG whose header says 10000 × 10000 pixels */
  big[16] = big[20] = 0;
  big[17] = big[21] = 0;
  big[18] = big[22] = 10000 >> 8;
  big[19] = big[23] = 10000 & 0xff;
  write_file (big_dir, "photos/1.png", big, g_bytes_get_size (small));
  r2 = import_one (f, big_dir);
  g_assert_cmpuint (r2->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (r2, 0)->reason, "photos/1.png"));
  g_assert_nonnull (strstr (entry_at (r2, 0)->reason, "10000 × 10000"));

  /* backslashes as folder separators: the dossier is read, not called a link */
  a = zip_begin (win_zip);
  dir = g_dir_open (win_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (win_dir, name, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) sub = g_dir_open (full, 0, NULL);
          const char *child;

          while ((child = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *file = g_build_filename (full, child, NULL);
              g_autofree char *entry = g_strdup_printf ("冯军\\%s\\%s", name, child);
              g_autofree char *contents = NULL;
              gsize len = 0;

              g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
              zip_add (a, entry, contents, len, AE_IFREG, NULL);
            }
        }
      else
        {
          g_autofree char *entry = g_strdup_printf ("冯军\\%s", name);
          g_autofree char *contents = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (full, &contents, &len, NULL));
          zip_add (a, entry, contents, len, AE_IFREG, NULL);
        }
    }
  zip_end (a);
  r3 = import_one (f, win_zip);
  g_assert_cmpuint (r3->rejected, ==, 0);
  g_assert_cmpuint (r3->added, ==, 1);
  g_assert_cmpstr (entry_at (r3, 0)->name, ==, "冯军");

  /* a zip with a password */
  a = archive_write_new ();
  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  archive_write_set_options (a, "hdrcharset=UTF-8");
  r = archive_write_set_options (a, "encryption=zipcrypt");
  if (r != ARCHIVE_OK || archive_write_set_passphrase (a, "1234") != ARCHIVE_OK)
    {
      archive_write_free (a);
      g_test_message ("this libarchive cannot write encrypted zips");
      return;
    }
  g_assert_cmpint (archive_write_open_filename (a, locked_zip), ==, ARCHIVE_OK);
  zip_add (a, "dossier.ini", ini, strlen (ini), AE_IFREG, NULL);
  zip_end (a);
  r4 = import_one (f, locked_zip);
  g_assert_cmpuint (r4->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (r4, 0)->reason, "password"));
  g_assert_null (strstr (entry_at (r4, 0)->reason, "damaged"));
}

/* ---- memory and speed ---- */

/* The peak resident set of this process so far, in kB (VmHWM), or -1. */
static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* A zip of one dossier and a folder of 40 scans of 10 MB each that compress to almost
 * nothing (a 40 MB-per-entry zip took 1.98 GB when entries were unpacked into memory). */
static void
test_memory_zip_inflates_large (Fixture       *f,
                                gconstpointer  data)
{
  const gsize entry_bytes = 10 * 1024 * 1024;
  const guint n_entries = 40;
  g_autofree char *src = g_build_filename (f->dir, "src", NULL);
  g_autofree char *zip = g_build_filename (f->dir, "扫描件.zip", NULL);
  g_autofree char *id = id_for (150);
  g_autofree char *dir = write_dossier (src, "周勇", "周勇", id, NULL);
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
  g_autoptr(JpImportReport) report = NULL;
  struct archive *a = zip_begin (zip);
  gint64 before, after;

  zip_add_tree (a, src, "");
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      g_autofree char *name = g_strdup_printf ("扫描件/%02u.pdf", i + 1);

      archive_entry_set_pathname_utf8 (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) entry_bytes);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      for (gsize done = 0; done < entry_bytes; done += 1024 * 1024)
        g_assert_cmpint (archive_write_data (a, zeros, 1024 * 1024), ==, 1024 * 1024);
      archive_entry_free (entry);
    }
  zip_end (a);

  before = peak_rss_kb ();
  g_assert_cmpint (before, >, 0);
  report = import_one (f, zip);
  after = peak_rss_kb ();

  g_test_message ("peak RSS %" G_GINT64_FORMAT " kB before, %" G_GINT64_FORMAT " kB after "
                  "importing %u entries of %" G_GSIZE_FORMAT " MB", before, after, n_entries,
                  entry_bytes / (1024 * 1024));
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 1);
  /* 400 MB of entries: the import may not hold them; 100 MB leaves room for the dossier */
  g_assert_cmpint (after - before, <, 100 * 1024);
}

/* Writes `n` complete dossiers into `base`, named 候选人001... */
static void
write_many_dossiers (const char *base,
                     guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folder = g_strdup_printf ("候选人%03u", i + 1);
      g_autofree char *id = make_id_number ("19800101", i);
      g_autofree char *dir = write_dossier (base, folder, folder, id, NULL);
    }
}

static void
report_bench (const char *what,
              GTimer     *timer,
              gint64      before)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "%s: %.2f s", what,
                           g_timer_elapsed (timer, NULL));
  g_test_message ("%s: %.2f s, peak RSS %ld kB (ru_maxrss), VmHWM %" G_GINT64_FORMAT
                  " kB before, %" G_GINT64_FORMAT " kB after", what,
                  g_timer_elapsed (timer, NULL), usage.ru_maxrss, before, peak_rss_kb ());
  g_printerr ("%s: %.2f s, peak RSS %ld kB\n", what, g_timer_elapsed (timer, NULL),
              usage.ru_maxrss);
}

static void
bench_folder_200 (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "第一批", NULL);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GTimer) timer = NULL;
  gint64 before;

  write_many_dossiers (batch, 200);
  before = peak_rss_kb ();
  timer = g_timer_new ();
  report = import_one (f, batch);
  g_timer_stop (timer);
  g_assert_cmpuint (report->added, ==, 200);
  report_bench ("import 200 dossiers from a folder", timer, before);
}

static void
bench_zip_200 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "第一批", NULL);
  g_autofree char *zip = g_build_filename (f->dir, "第一批.zip", NULL);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GTimer) timer = NULL;
  struct archive *a;
  gint64 before;

  write_many_dossiers (batch, 200);
  a = zip_begin (zip);
  zip_add_tree (a, batch, "第一批/");
  zip_end (a);
  g_assert_true (remove_tree (batch));
  before = peak_rss_kb ();
  timer = g_timer_new ();
  report = import_one (f, zip);
  g_timer_stop (timer);
  g_assert_cmpuint (report->added, ==, 200);
  report_bench ("import 200 dossiers from one zip", timer, before);
}
/* A dossier with a new ID number for a name and unit already stored: warned, naming both. */
static void
test_dossier_same_name_and_unit (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id1 = id_for (124);
  g_autofree char *id2 = id_for (125);
  g_autofree char *d1 = write_dossier (f->dir, "a/高峰", "高峰", id1, NULL);
  g_autofree char *d2 = write_dossier (f->dir, "b/高峰", "高峰", id2, NULL);
  g_autoptr(JpImportReport) first = import_one (f, d1);
  g_autoptr(JpImportReport) second = import_one (f, d2);
  JpImportEntry *e = entry_at (second, 0);

  g_assert_cmpuint (first->added, ==, 1);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_true (findings_mention (e->findings, id1));
  g_assert_true (findings_mention (e->findings, id2));
  g_assert_false (findings_mention (entry_at (first, 0)->findings, "same unit"));
}

/* Three evidence files of 45 MB each: every one under the limit for a file, together over
 * the limit for a dossier, whose files are held in memory while it is saved. The dossier is
 * refused with the total, before anything is read (the files are sparse: nothing to read). */
static void
test_dossier_over_total (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = id_for (127);
  g_autofree char *dir = write_dossier (f->dir, "巨卷", "孙大成", id, NULL);
  g_autoptr(JpImportReport) report = NULL;
  JpImportEntry *e;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("扫描件%u.pdf", i);
      g_autofree char *path = g_build_filename (dir, "evidence", name, NULL);
      int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, (off_t) 45 * 1024 * 1024), ==, 0);
      close (fd);
    }
  report = import_one (f, dir);
  g_assert_cmpuint (report->rejected, ==, 1);
  e = entry_at (report, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (e->reason, "120 MB"));
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
}

int
main (int argc, char **argv)
{
  gboolean memory = argc > 1 && g_str_equal (argv[1], "--memory");

  /* the memory check runs alone in its own process (meson test intake-memory), so that
   * the peak of the other cases does not hide its own */
  if (memory)
    {
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (memory)
    {
      ADD ("/intake/memory/zip-inflates-large", test_memory_zip_inflates_large);
      return g_test_run ();
    }
  if (g_test_perf ())
    {
      ADD ("/intake/bench/folder-200", bench_folder_200);
      ADD ("/intake/bench/zip-200", bench_zip_200);
      return g_test_run ();
    }

  ADD ("/intake/dossier/single", test_single_dossier);
  ADD ("/intake/dossier/missing-summary", test_missing_summary_is_a_finding);
  ADD ("/intake/dossier/batch", test_batch);
  ADD ("/intake/dossier/reimport-updates", test_reimport_updates);
  ADD ("/intake/dossier/missing-name-or-id", test_missing_required_keys);
  ADD ("/intake/dossier/bad-files", test_bad_files_reject_dossier);
  ADD ("/intake/dossier/listed-missing-pdf-photo", test_listed_file_missing_and_pdf_photo);
  ADD ("/intake/dossier/nonexistent-path", test_nonexistent_path);
  ADD ("/intake/misleading-messages", test_misleading_messages);
  ADD ("/intake/dossier/over-total", test_dossier_over_total);
  ADD ("/intake/dossier/same-name-and-unit", test_dossier_same_name_and_unit);
  ADD ("/intake/samples", test_shipped_samples);
  ADD ("/intake/report/text", test_report_text);
  ADD ("/intake/async", test_async);

  return g_test_run ();
}
