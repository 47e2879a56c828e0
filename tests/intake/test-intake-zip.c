/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-intake-zip"

#include "config.h"

#include <locale.h>

#include "intake-test-util.h"

/* ---- zips ---- */

static void
test_zip_batch (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "src", NULL);
  g_autofree char *zip = g_build_filename (f->dir, "第一批.zip", NULL);
  g_autofree char *id1 = id_for (51);
  g_autofree char *id2 = id_for (52);
  g_autofree char *id3 = id_for (53);
  g_autofree char *d1 = write_dossier (batch, "王建华", "王建华", id1, NULL);
  g_autofree char *d2 = write_dossier (batch, "李红", "李红", id2, NULL);
  g_autofree char *d3 = write_dossier (batch, "张伟", "张伟", id3, NULL);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpCandidate) c = NULL;
  struct archive *a = zip_begin (zip);
  guint i;

  /* wrapped in one top folder, as "compress this folder" makes it */
  zip_add_tree (a, batch, "第一批/");
  zip_end (a);

  report = import_one (f, zip);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (report->rejected, ==, 0);
  for (i = 0; i < 3; i++)
    g_assert_true (g_str_has_prefix (entry_at (report, i)->source, zip));
  g_assert_nonnull (strstr (entry_at (report, 0)->source, ":第一批/"));
  c = get_by_id_number (f, id2);
  g_assert_cmpuint (c->n_photos, ==, 3);
  g_assert_cmpint (find_doc (c, "evidence/技术攻关证明.pdf")->criterion, ==, 4);
}

static void
test_zip_single_at_root (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = id_for (54);
  g_autofree char *dir = write_dossier (f->dir, "one", "刘洋", id, NULL);
  g_autofree char *zip = g_build_filename (f->dir, "one.zip", NULL);
  g_autoptr(JpImportReport) report = NULL;
  struct archive *a = zip_begin (zip);

  zip_add_tree (a, dir, "");
  zip_end (a);

  report = import_one (f, zip);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpstr (entry_at (report, 0)->source, ==, zip);
  g_assert_cmpstr (entry_at (report, 0)->name, ==, "刘洋");
}

static void
test_zip_unsafe (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = id_for (55);
  g_autofree char *dir = write_dossier (f->dir, "good", "马丽", id, NULL);
  g_autofree char *zip = g_build_filename (f->dir, "evil.zip", NULL);
  g_autofree char *zip2 = g_build_filename (f->dir, "link.zip", NULL);
  g_autofree char *zip3 = g_build_filename (f->dir, "abs.zip", NULL);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) report2 = NULL;
  g_autoptr(JpImportReport) report3 = NULL;
  struct archive *a = zip_begin (zip);

  zip_add_tree (a, dir, "good/");
  zip_add (a, "../evil", "x", 1, AE_IFREG, NULL);
  zip_end (a);
  report = import_one (f, zip);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (report, 0)->reason, "../evil"));
  g_assert_cmpstr (entry_at (report, 0)->source, ==, zip);

  a = zip_begin (zip2);
  zip_add_tree (a, dir, "good/");
  zip_add (a, "good/evidence/passwd.pdf", NULL, 0, AE_IFLNK, "/etc/passwd");
  zip_end (a);
  report2 = import_one (f, zip2);
  g_assert_cmpuint (report2->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (report2, 0)->reason, "good/evidence/passwd.pdf"));

  a = zip_begin (zip3);
  zip_add_tree (a, dir, "good/");
  zip_add (a, "/tmp/owned", "x", 1, AE_IFREG, NULL);
  zip_end (a);
  report3 = import_one (f, zip3);
  g_assert_cmpuint (report3->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (report3, 0)->reason, "/tmp/owned"));

  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
  g_assert_cmpuint (jp_store_count_documents (f->store), ==, 0);
}

static void
test_zip_not_a_dossier (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *zip = g_build_filename (f->dir, "photos.zip", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "broken.zip", NULL);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpImportReport) report2 = NULL;
  struct archive *a = zip_begin (zip);

  zip_add (a, "holiday/readme.txt", "hello", 5, AE_IFREG, NULL);
  zip_end (a);
  report = import_one (f, zip);
  g_assert_cmpuint (report->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (report, 0)->reason, "photos.zip"));
  g_assert_nonnull (strstr (entry_at (report, 0)->reason, "not a dossier package"));

  write_text (f->dir, "broken.zip", "PK\x03\x04 this is not really a zip archive at all");
  report2 = import_one (f, junk);
  g_assert_cmpuint (report2->rejected, ==, 1);
  g_assert_nonnull (strstr (entry_at (report2, 0)->reason, "broken.zip"));
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
}

/* ---- files as offices send them (issue 11) ---- */

/* Writes `src` into the zip `path` with GBK names and checks that no entry has the UTF-8
 * flag (bit 11 of the local header's flags). */
static void
write_gbk_zip (const char *path,
               const char *src,
               const char *prefix)
{
  locale_t c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  locale_t old = uselocale (c_locale);
  struct archive *a = archive_write_new ();
  g_autofree char *bytes = NULL;
  gsize len = 0, i, headers = 0;

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  zip_add_tree_named (a, src, prefix, TRUE);
  zip_end (a);
  uselocale (old);
  freelocale (c_locale);

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  for (i = 0; i + 8 < len; i++)
    if (memcmp (bytes + i, "PK\x03\x04", 4) == 0)
      {
        g_assert_cmpint (((guchar) bytes[i + 7]) & 0x08, ==, 0);
        headers++;
      }
  g_assert_cmpuint (headers, >, 0);
}

/* 钱伟 and 卢伟 in GBK are also valid UTF-8 (Ǯΰ, ¬ΰ): their folders must not be split from
 * their files, whose names are not. */
static void
test_zip_gbk_names (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "src", NULL);
  g_autofree char *zip = g_build_filename (f->dir, "推荐材料.zip", NULL);
  g_autofree char *id1 = id_for (130);
  g_autofree char *id2 = id_for (131);
  g_autofree char *d1 = write_dossier (batch, "钱伟", "钱伟", id1, NULL);
  g_autofree char *d2 = write_dossier (batch, "卢伟", "卢伟", id2, NULL);
  g_autofree char *gbk = g_convert ("钱伟", -1, "GBK", "UTF-8", NULL, NULL, NULL);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpCandidate) c1 = NULL;
  g_autoptr(JpCandidate) c2 = NULL;

  /* the premise: the name's GBK bytes pass for UTF-8 */
  g_assert_true (g_utf8_validate (gbk, -1, NULL));
  /* as the shell makes it when both folders are selected: no wrapper folder */
  write_gbk_zip (zip, batch, "");

  report = import_one (f, zip);
  g_assert_cmpuint (report->rejected, ==, 0);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
  c1 = get_by_id_number (f, id1);
  c2 = get_by_id_number (f, id2);
  g_assert_cmpstr (c1->name, ==, "钱伟");
  g_assert_cmpstr (c2->name, ==, "卢伟");
  g_assert_cmpuint (c1->n_photos, ==, 3);
  g_assert_cmpint (find_doc (c1, "evidence/技术攻关证明.pdf")->criterion, ==, 4);
  g_assert_nonnull (find_doc (c2, "evidence/劳模证书.pdf"));
  g_assert_true (g_str_has_suffix (entry_at (report, 0)->source, ":卢伟")
                 || g_str_has_suffix (entry_at (report, 0)->source, ":钱伟"));
}

/* Files that were dropped without a word: a PDF listed for two criteria, PDFs in
 * sub-folders of evidence/, photos named .Jpg, a zip inside the batch zip. */
static void
test_untidy_dossier (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *batch = g_build_filename (f->dir, "src", NULL);
  g_autofree char *zip = g_build_filename (f->dir, "第三批.zip", NULL);
  g_autofree char *id = id_for (140);
  g_autofree char *dir = write_dossier (batch, "孙强", "孙强", id, NULL);
  g_autofree char *ini_path = g_build_filename (dir, "dossier.ini", NULL);
  g_autofree char *ini = NULL;
  g_autofree char *ini2 = NULL;
  g_autoptr(GBytes) patent = make_pdf (1, "Patent certificate");
  g_autoptr(GBytes) note = make_pdf (1, "A note");
  g_autoptr(GBytes) photo4 = make_png (50, 30, 0.9);
  g_autoptr(GBytes) photo5 = make_png (51, 30, 0.8);
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpCandidate) c = NULL;
  JpImportEntry *dossier = NULL, *inner = NULL;
  struct archive *a;

  /* the certificate also supports criterion 2; [evidence] is the last group */
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  ini2 = g_strconcat (ini, "2=evidence/劳模证书.pdf\n", NULL);
  write_text (dir, "dossier.ini", ini2);
  write_bytes (dir, "evidence/条件4/专利证书.pdf", patent);
  write_bytes (dir, "evidence/其他/说明.pdf", note);
  write_bytes (dir, "photos/4.Jpg", photo4);
  write_bytes (dir, "photos/5.jpG", photo5);
  write_text (batch, "补充材料.zip", "PK\x05\x06");

  a = zip_begin (zip);
  zip_add_tree (a, batch, "");
  zip_end (a);
  report = import_one (f, zip);

  for (guint i = 0; i < report->entries->len; i++)
    {
      JpImportEntry *e = entry_at (report, i);

      if (g_str_has_suffix (e->source, ":孙强"))
        dossier = e;
      else if (g_str_has_suffix (e->source, ":补充材料.zip"))
        inner = e;
    }
  g_assert_nonnull (dossier);
  g_assert_cmpint (dossier->outcome, ==, JP_IMPORT_ADDED);
  c = get_by_id_number (f, id);
  g_assert_cmpuint (c->n_photos, ==, 5);
  g_assert_nonnull (find_doc (c, "photos/4.Jpg"));
  g_assert_cmpint (find_doc (c, "evidence/条件4/专利证书.pdf")->criterion, ==, 4);
  g_assert_nonnull (find_doc (c, "evidence/其他/说明.pdf"));
  g_assert_true (findings_mention (dossier->findings, "evidence/其他/说明.pdf"));
  /* the second tag cannot be kept: the report says so, naming the file */
  g_assert_true (findings_mention (dossier->findings, "“evidence/劳模证书.pdf” is listed for "
                                                      "criterion 1 and for criterion 2"));
  g_assert_nonnull (inner);
  g_assert_cmpint (inner->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (inner->reason, "zip"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/intake/zip/batch", test_zip_batch);
  ADD ("/intake/zip/single-at-root", test_zip_single_at_root);
  ADD ("/intake/zip/unsafe", test_zip_unsafe);
  ADD ("/intake/zip/not-a-dossier", test_zip_not_a_dossier);
  ADD ("/intake/zip/gbk-names", test_zip_gbk_names);
  ADD ("/intake/zip/untidy-dossier", test_untidy_dossier);

  return g_test_run ();
}
