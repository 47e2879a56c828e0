/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-intake"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <archive.h>
#include <archive_entry.h>

#include "intake/jp-intake.h"
#include "evidence/jp-evidence.h"

typedef struct {
  char    *dir;      /* temporary folder of the test */
  JpStore *store;
} Fixture;

/* ---- test data ---- */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_pdf (int         n_pages,
          const char *text)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, buf,
                                                                  595, 842);
  cairo_t *cr = cairo_create (surface);
  int i;

  for (i = 0; i < n_pages; i++)
    {
      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buf);
}

static GBytes *
make_png (int width,
          int height,
          double shade)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, shade, 0.5, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_to_array, buf);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buf);
}

static GBytes *
make_encrypted_pdf (void)
{
  static const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -44"
    " /O <8c2f1a7e55d39b04e6a1f07c3d9e2b5a41c77e0f9a3b6d2e15f4a8c0b7e3d196>"
    " /U <3e9a7b1c04d5f6e2a8b90c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b> >>",
  };
  GString *s = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = s->len;
      g_string_append_printf (s, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = s->len;
  g_string_append_printf (s, "xref\n0 %u\n0000000000 65535 f \n",
                          (guint) G_N_ELEMENTS (objects) + 1);
  for (i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R"
                          " /ID [<00112233445566778899aabbccddeeff>"
                          " <00112233445566778899aabbccddeeff>] >>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (s);
}

/* A valid 18-digit ID number: region + birth date + `seq` (3 digits) + check digit. */
static char *
make_id_number (const char *birth8,
                guint       seq)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  char body[18];
  int sum = 0, i;

  /* an odd sequence number: a male holder, as the dossiers say 男 */
  g_snprintf (body, sizeof body, "150202%s%03u", birth8, (seq % 500) * 2 + 1);
  for (i = 0; i < 17; i++)
    sum += (body[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", body, checks[sum % 11]);
}

static void
write_file (const char *base,
            const char *rel,
            const void *data,
            gsize       len)
{
  g_autofree char *path = g_build_filename (base, rel, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
write_bytes (const char *base,
             const char *rel,
             GBytes     *bytes)
{
  write_file (base, rel, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
write_text (const char *base,
            const char *rel,
            const char *text)
{
  write_file (base, rel, text, strlen (text));
}

static char *
repeat_text (const char *unit,
             guint       n)
{
  GString *s = g_string_new (NULL);
  guint i;

  for (i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* Writes a complete dossier folder `base`/`folder`: ini with three tagged evidence files,
 * three photos in photos/, summary (with a BOM and trailing blanks) and deeds. `ini_extra`
 * is appended to [candidate]; `name` or `id_number` NULL leaves the key out. */
static char *
write_dossier (const char *base,
               const char *folder,
               const char *name,
               const char *id_number,
               const char *ini_extra)
{
  g_autofree char *dir = g_build_filename (base, folder, NULL);
  g_autoptr(GString) ini = g_string_new ("[dossier]\nformat=1\n\n[candidate]\n");
  g_autoptr(GBytes) cert = make_pdf (2, "Model worker certificate");
  g_autoptr(GBytes) proof = make_pdf (3, "Technical breakthrough");
  g_autoptr(GBytes) record = make_pdf (1, "No criminal record");
  g_autofree char *summary_body = repeat_text ("长期扎根稀土冶炼一线，攻克多项技术难题。", 20);
  g_autofree char *summary = g_strconcat ("\xef\xbb\xbf", summary_body, "  \r\n\n", NULL);
  g_autofree char *deeds = repeat_text ("带领班组开展技术革新，培养徒弟三十余名，成果显著。", 80);
  guint i;

  if (name != NULL)
    g_string_append_printf (ini, "name=%s\n", name);
  if (id_number != NULL)
    g_string_append_printf (ini, "id_number=%s\n", id_number);
  g_string_append (ini,
                   "sex=男\nethnicity=汉族\nbirth=1978-04\npolitical=中共党员\neducation=大专\n"
                   "work_start=1997-07\nemployer=包头某稀土新材料有限公司\nposition=冶炼车间班长\n"
                   "work_type=稀土冶炼工\nyears_in_trade=26\nskill_level=高级技师\n"
                   "phone=13800000000\nunion_member=是\ncriteria=1,4\n"
                   "honours=2019年获包头市五一劳动奖章\n");
  if (ini_extra != NULL)
    g_string_append (ini, ini_extra);
  g_string_append (ini,
                   "\n[nomination]\nunit=包头市稀土高新区总工会\nroute=单位推荐\ntrade=稀土\n"
                   "fill_date=2023-03-05\n\n[evidence]\n"
                   "1=evidence/劳模证书.pdf\n4=evidence/技术攻关证明.pdf\n"
                   "no_criminal_record=evidence/无犯罪记录证明.pdf\n");

  write_text (dir, "dossier.ini", ini->str);
  write_text (dir, "summary.txt", summary);
  write_text (dir, "deeds.txt", deeds);
  write_bytes (dir, "evidence/劳模证书.pdf", cert);
  write_bytes (dir, "evidence/技术攻关证明.pdf", proof);
  write_bytes (dir, "evidence/无犯罪记录证明.pdf", record);
  for (i = 1; i <= 3; i++)
    {
      g_autofree char *rel = g_strdup_printf ("photos/%u.png", i);
      g_autoptr(GBytes) png = make_png (40 + i, 30, i / 4.0);

      write_bytes (dir, rel, png);
    }
  return g_steal_pointer (&dir);
}

static char *
id_for (guint seq)
{
  return make_id_number ("19780412", seq);
}

/* ---- zips ---- */

/* Adds an entry `name` of `type` (a regular file with `data`, or a link to `link`). Its name
 * is in UTF-8 or, with `gbk`, converted to GBK byte for byte without the UTF-8 flag, the way
 * the Windows shell of a Chinese system zips. */
static void
zip_add_entry (struct archive *a,
               const char     *name,
               gboolean        gbk,
               const void     *data,
               gsize           len,
               mode_t          type,
               const char     *link)
{
  struct archive_entry *entry = archive_entry_new ();

  if (gbk)
    {
      g_autofree char *raw = g_convert (name, -1, "GBK", "UTF-8", NULL, NULL, NULL);

      g_assert_nonnull (raw);
      archive_entry_set_pathname (entry, raw);   /* raw bytes */
    }
  else
    archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, type);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, type == AE_IFREG ? (la_int64_t) len : 0);
  if (link != NULL)
    archive_entry_set_symlink_utf8 (entry, link);
  g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
  if (type == AE_IFREG && len > 0)
    g_assert_cmpint (archive_write_data (a, data, len), ==, (la_ssize_t) len);
  archive_entry_free (entry);
}

static void
zip_add (struct archive *a,
         const char     *name,
         const void     *data,
         gsize           len,
         mode_t          type,
         const char     *link)
{
  zip_add_entry (a, name, FALSE, data, len, type, link);
}

/* Adds the files under `disk_dir`, named `prefix` and their path there: in UTF-8 or, with
 * `gbk`, in GBK (zip_add_entry). */
static void
zip_add_tree_named (struct archive *a,
                    const char     *disk_dir,
                    const char     *prefix,
                    gboolean        gbk)
{
  g_autoptr(GDir) dir = g_dir_open (disk_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint i;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  for (i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *full = g_build_filename (disk_dir, n, NULL);
      g_autofree char *entry_name = g_strconcat (prefix, n, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *sub = g_strconcat (entry_name, "/", NULL);

          zip_add_tree_named (a, full, sub, gbk);
        }
      else
        {
          g_autofree char *contents = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (full, &contents, &len, NULL));
          zip_add_entry (a, entry_name, gbk, contents, len, AE_IFREG, NULL);
        }
    }
}

static void
zip_add_tree (struct archive *a,
              const char     *disk_dir,
              const char     *prefix)
{
  zip_add_tree_named (a, disk_dir, prefix, FALSE);
}

static struct archive *
zip_begin (const char *path)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_options (a, "hdrcharset=UTF-8"), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  return a;
}

static void
zip_end (struct archive *a)
{
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

/* ---- fixture and helpers ---- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("jp-intake-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "election.jiangping", NULL);
  f->store = jp_store_create (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static gboolean
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  return g_remove (path) == 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static JpImportReport *
import_one (Fixture    *f,
            const char *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  JpImportReport *report = jp_intake_import_paths (f->store, paths, "test", NULL, NULL, NULL,
                                                   &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static JpImportEntry *
entry_at (JpImportReport *report,
          guint           i)
{
  g_assert_cmpuint (i, <, report->entries->len);
  return g_ptr_array_index (report->entries, i);
}

static gboolean
findings_mention (GPtrArray  *findings,
                  const char *needle)
{
  guint i;

  for (i = 0; findings != NULL && i < findings->len; i++)
    if (strstr (((JpFinding *) g_ptr_array_index (findings, i))->message, needle) != NULL)
      return TRUE;
  return FALSE;
}

static JpDocumentRef *
find_doc (JpCandidate *c,
          const char  *filename)
{
  guint i;

  g_assert_nonnull (c->documents);
  for (i = 0; i < c->documents->len; i++)
    {
      JpDocumentRef *ref = g_ptr_array_index (c->documents, i);

      if (g_strcmp0 (ref->filename, filename) == 0)
        return ref;
    }
  return NULL;
}

static JpCandidate *
get_by_id_number (Fixture    *f,
                  const char *id_number)
{
  g_autoptr(JpCandidate) found = jp_store_find_candidate_by_id_number (f->store, id_number);
  g_autoptr(GError) error = NULL;
  JpCandidate *full;

  g_assert_nonnull (found);
  full = jp_store_get_candidate (f->store, found->id, &error);
  g_assert_no_error (error);
  return full;
}

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

/* ---- roster ---- */

static const char roster_header[] =
  "序号,推荐单位,姓名,性别,民族,出生年月,政治面貌,文化程度,工作单位及职务,工种,技能等级/职称,"
  "主要荣誉,符合条件,联系电话,身份证号,行业\n";

static char *
roster_row (guint        n,
            const char  *name,
            const char  *id,
            const char  *phone)
{
  return g_strdup_printf ("%u,包头钢铁集团工会,%s,男,汉族,1978-04,中共党员,大专,"
                          "\"包钢稀土 冶炼班长\",稀土冶炼工,高级技师,\"2019年获五一劳动奖章，"
                          "2021年获技术能手\",\"1,4\",%s,%s,稀土\n", n, name, phone, id);
}

static char *
write_roster (Fixture    *f,
              const char *file,
              const char *text)
{
  char *path = g_build_filename (f->dir, file, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The roster header and `rows` (NULL-terminated) written to `file` and imported, which
 * must not fail. */
static JpImportReport *
import_roster_rows (Fixture    *f,
                    const char *file,
                    const char *first_row,
                    ...)
{
  g_autoptr(GString) text = g_string_new (roster_header);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  JpImportReport *report;
  va_list ap;

  va_start (ap, first_row);
  for (const char *row = first_row; row != NULL; row = va_arg (ap, const char *))
    g_string_append (text, row);
  va_end (ap);
  path = write_roster (f, file, text->str);
  report = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
check_roster_import (Fixture    *f,
                     const char *path,
                     const char *id1)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report =
    jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_autoptr(JpCandidate) c = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->rejected, ==, 0);
  g_assert_nonnull (strstr (entry_at (report, 0)->source, "line 2"));
  g_assert_nonnull (strstr (entry_at (report, 1)->source, "line 3"));
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->name, ==, "高峰");
  g_assert_cmpstr (c->unit, ==, "包头钢铁集团工会");
  g_assert_cmpstr (c->phone, ==, "13800000001");
  g_assert_cmpstr (c->employer, ==, "包钢稀土");
  g_assert_cmpstr (c->position, ==, "冶炼班长");
  g_assert_cmpuint (c->criteria, ==, (1u << 1) | (1u << 4));
}

static char *
roster_text (const char *id1,
             const char *id2)
{
  g_autofree char *r1 = roster_row (1, "高峰", id1, "13800000001");
  g_autofree char *r2 = roster_row (2, "田野", id2, "13800000002");

  return g_strconcat (roster_header, r1, r2, NULL);
}

static void
test_roster_utf8 (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id1 = id_for (101);
  g_autofree char *id2 = id_for (102);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = write_roster (f, "roster.csv", text);

  check_roster_import (f, path, id1);
}

static void
test_roster_utf8_bom (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id1 = id_for (103);
  g_autofree char *id2 = id_for (104);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
  g_autofree char *path = write_roster (f, "roster-bom.csv", bom);

  check_roster_import (f, path, id1);
}

static void
test_roster_gb18030 (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id1 = id_for (105);
  g_autofree char *id2 = id_for (106);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = g_build_filename (f->dir, "roster-gbk.csv", NULL);
  g_autofree char *gbk = NULL;
  gsize len = 0;

  gbk = g_convert (text, -1, "GB18030", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (gbk);
  g_assert_false (g_utf8_validate (gbk, (gssize) len, NULL));
  g_assert_true (g_file_set_contents (path, gbk, (gssize) len, NULL));

  check_roster_import (f, path, id1);
}

static void
test_roster_unparsable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id1 = id_for (107);
  g_autofree char *text = g_strconcat (roster_header,
                                       "1,包头钢铁集团工会,高峰,男\n"
                                       "2,包头钢铁集团工会,\"田野,男\n", NULL);
  g_autofree char *quote = write_roster (f, "quote.csv", text);
  g_autofree char *empty = write_roster (f, "empty.csv", "");
  g_autofree char *binary = g_build_filename (f->dir, "binary.csv", NULL);
  g_autoptr(GBytes) png = make_png (8, 8, 0.1);
  g_autoptr(GError) error = NULL;
  JpImportReport *report;

  report = jp_intake_import_roster (f->store, quote, "test", NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "quote.csv"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  report = jp_intake_import_roster (f->store, empty, "test", NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (binary, g_bytes_get_data (png, NULL),
                                      (gssize) g_bytes_get_size (png), NULL));
  report = jp_intake_import_roster (f->store, binary, "test", NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "binary.csv"));
  g_clear_error (&error);

  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
  (void) id1;
}

static void
test_roster_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id1 = id_for (108);
  g_autofree char *id2 = id_for (109);
  g_autofree char *r1 = roster_row (1, "高峰", id1, "13800000001");
  g_autofree char *r2 = roster_row (2, "田野", id2, "13800000002");
  g_autofree char *header = g_strndup (roster_header, strlen (roster_header) - 1);
  g_autofree char *r1x = g_strndup (r1, strlen (r1) - 1);
  g_autofree char *r2x = g_strndup (r2, strlen (r2) - 1);
  g_autofree char *text = g_strdup_printf ("%s,备注栏\n%s,甲\n%s,乙\n%s,丙\n",
                                           header, r1x, r2x, r1x);
  g_autofree char *path = write_roster (f, "roster.csv", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report =
    jp_intake_import_roster (f->store, path, "test", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
  g_assert_true (findings_mention (report->problems, "备注栏"));
  /* the duplicate: the repeated row (line 4) and the line it repeats */
  g_assert_true (findings_mention (report->problems, "4"));
}

static void
test_roster_reimport_and_merge (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id1 = id_for (110);
  g_autofree char *id2 = id_for (111);
  g_autofree char *dir = write_dossier (f->dir, "高峰", "高峰", id1, NULL);
  g_autoptr(JpImportReport) dossier = import_one (f, dir);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = write_roster (f, "roster.csv", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) first = NULL;
  g_autoptr(JpImportReport) second = NULL;
  g_autoptr(JpCandidate) c = NULL;

  g_assert_cmpuint (dossier->added, ==, 1);
  first = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->updated, ==, 1);
  g_assert_cmpuint (first->added, ==, 1);

  second = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->updated, ==, 2);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);

  /* the roster's columns win, the dossier's summary, deeds and files stay */
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->phone, ==, "13800000001");
  g_assert_cmpstr (c->unit, ==, "包头钢铁集团工会");
  g_assert_true (g_str_has_prefix (c->summary, "长期扎根"));
  g_assert_cmpstr (c->ethnicity, ==, "汉族");
  g_assert_cmpint (c->years_in_trade, ==, 26);
  g_assert_cmpuint (c->n_photos, ==, 3);
  g_assert_cmpuint (c->documents->len, ==, 6);
}

static void
test_roster_sql_verbatim (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id1 = id_for (112);
  g_autofree char *row = g_strdup_printf ("1,\"x'); DROP TABLE candidate;--\",\"Robert'); "
                                          "DELETE FROM candidate; --\",男,汉族,1978-04,群众,"
                                          "大专,a,b,c,\"%%' OR 1=1 --\",1,138,%s,稀土\n", id1);
  g_autofree char *text = g_strconcat (roster_header, row, NULL);
  g_autofree char *path = write_roster (f, "sql.csv", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) report =
    jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_autoptr(JpCandidate) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->name, ==, "Robert'); DELETE FROM candidate; --");
  g_assert_cmpstr (c->unit, ==, "x'); DROP TABLE candidate;--");
  g_assert_cmpstr (c->honours, ==, "%' OR 1=1 --");
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 1);
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

/* An Excel user re-saved the roster: the ID column became a number, shown as 1.50202E+17
 * in one row and rounded to 15 significant digits in the other. */
static void
test_roster_excel_id_numbers (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id1 = id_for (120);
  g_autofree char *id2 = id_for (121);
  g_autofree char *text = roster_text (id1, id2);
  g_autofree char *path = write_roster (f, "roster.csv", text);
  g_autofree char *rounded = g_strdup_printf ("%.15s000", id2);
  g_autofree char *r1 = roster_row (1, "高峰", "1.50202E+17", "13900000001");
  g_autofree char *r2 = roster_row (2, "田野", rounded, "13900000002");
  g_autofree char *excel = g_strconcat (roster_header, r1, r2, NULL);
  g_autofree char *excel_path = write_roster (f, "roster-excel.csv", excel);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpImportReport) first = NULL;
  g_autoptr(JpImportReport) second = NULL;
  g_autoptr(JpCandidate) c = NULL;
  JpImportEntry *e;

  first = jp_intake_import_roster (f->store, path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 2);

  second = jp_intake_import_roster (f->store, excel_path, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->rejected, ==, 2);
  /* still one 高峰 and one 田野, with the phone numbers of the good file */
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
  c = get_by_id_number (f, id1);
  g_assert_cmpstr (c->name, ==, "高峰");
  g_assert_cmpstr (c->phone, ==, "13800000001");

  e = entry_at (second, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_cmpstr (e->name, ==, "高峰");
  g_assert_nonnull (strstr (e->reason, "roster-excel.csv, line 2"));
  g_assert_nonnull (strstr (e->reason, "1.50202E+17"));
  g_assert_nonnull (strstr (e->reason, "text"));
  e = entry_at (second, 1);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (e->reason, "line 3"));
  g_assert_nonnull (strstr (e->reason, rounded));
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

/* A second record for the same name and unit is never made silently. */
static void
test_roster_same_name_and_unit (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id1 = id_for (122);
  g_autofree char *id2 = id_for (123);
  g_autofree char *r1 = roster_row (1, "高峰", id1, "13800000001");
  g_autofree char *r2 = roster_row (1, "高峰", id2, "13800000001");
  g_autoptr(JpImportReport) first = import_roster_rows (f, "first.csv", r1, NULL);
  g_autoptr(JpImportReport) second = import_roster_rows (f, "second.csv", r2, NULL);
  JpImportEntry *e;

  e = entry_at (second, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_true (findings_mention (e->findings, id1));
  g_assert_true (findings_mention (e->findings, id2));
  g_assert_true (findings_mention (e->findings, "高峰"));
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

/* 赵大勇 and 赵大永 of one unit: maybe one person typed twice; the second is added with a
 * warning naming both, and a different name of the unit gets none. */
static void
test_roster_near_names (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id1 = id_for (124);
  g_autofree char *id2 = id_for (125);
  g_autofree char *id3 = id_for (126);
  g_autofree char *r1 = roster_row (1, "赵大勇", id1, "13800000001");
  g_autofree char *r2 = roster_row (1, "赵大永", id2, "13800000002");
  g_autofree char *r3 = roster_row (1, "钱伟", id3, "13800000003");
  g_autoptr(JpImportReport) first = import_roster_rows (f, "first.csv", r1, NULL);
  g_autoptr(JpImportReport) second = import_roster_rows (f, "second.csv", r2, r3, NULL);
  JpImportEntry *e;

  e = entry_at (second, 0);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_true (findings_mention (e->findings, "赵大勇"));
  g_assert_true (findings_mention (e->findings, "赵大永"));
  e = entry_at (second, 1);
  g_assert_cmpint (e->outcome, ==, JP_IMPORT_ADDED);
  g_assert_false (findings_mention (e->findings, "赵大"));
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

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
  ADD ("/intake/zip/batch", test_zip_batch);
  ADD ("/intake/zip/single-at-root", test_zip_single_at_root);
  ADD ("/intake/zip/unsafe", test_zip_unsafe);
  ADD ("/intake/zip/not-a-dossier", test_zip_not_a_dossier);
  ADD ("/intake/roster/utf8", test_roster_utf8);
  ADD ("/intake/roster/utf8-bom", test_roster_utf8_bom);
  ADD ("/intake/roster/gb18030", test_roster_gb18030);
  ADD ("/intake/roster/unparsable", test_roster_unparsable);
  ADD ("/intake/roster/problems", test_roster_problems);
  ADD ("/intake/roster/reimport-merge", test_roster_reimport_and_merge);
  ADD ("/intake/roster/sql-verbatim", test_roster_sql_verbatim);
  ADD ("/intake/zip/gbk-names", test_zip_gbk_names);
  ADD ("/intake/zip/untidy-dossier", test_untidy_dossier);
  ADD ("/intake/misleading-messages", test_misleading_messages);
  ADD ("/intake/roster/excel-id-numbers", test_roster_excel_id_numbers);
  ADD ("/intake/roster/same-name-and-unit", test_roster_same_name_and_unit);
  ADD ("/intake/roster/near-names", test_roster_near_names);
  ADD ("/intake/dossier/over-total", test_dossier_over_total);
  ADD ("/intake/dossier/same-name-and-unit", test_dossier_same_name_and_unit);
  ADD ("/intake/samples", test_shipped_samples);
  ADD ("/intake/report/text", test_report_text);
  ADD ("/intake/async", test_async);

#undef ADD

  return g_test_run ();
}
