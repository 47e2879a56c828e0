/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Helpers shared by the intake tests: the fixture (a temporary folder and store), dossiers,
 * PDFs, photos and zips written for a case, and lookups in the import report and the store. */

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

static inline cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static inline GBytes *
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

static inline GBytes *
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

static inline GBytes *
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
static inline char *
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

static inline void
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

static inline void
write_bytes (const char *base,
             const char *rel,
             GBytes     *bytes)
{
  write_file (base, rel, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static inline void
write_text (const char *base,
            const char *rel,
            const char *text)
{
  write_file (base, rel, text, strlen (text));
}

static inline char *
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
static inline char *
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

static inline char *
id_for (guint seq)
{
  return make_id_number ("19780412", seq);
}

/* ---- zips ---- */

/* Adds an entry `name` of `type` (a regular file with `data`, or a link to `link`). Its name
 * is in UTF-8 or, with `gbk`, converted to GBK byte for byte without the UTF-8 flag, the way
 * the Windows shell of a Chinese system zips. */
static inline void
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

static inline void
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
static inline void
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

static inline void
zip_add_tree (struct archive *a,
              const char     *disk_dir,
              const char     *prefix)
{
  zip_add_tree_named (a, disk_dir, prefix, FALSE);
}

static inline struct archive *
zip_begin (const char *path)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_options (a, "hdrcharset=UTF-8"), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  return a;
}

static inline void
zip_end (struct archive *a)
{
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

/* ---- fixture and helpers ---- */

static inline void
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

static inline gboolean
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

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static inline JpImportReport *
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

static inline JpImportEntry *
entry_at (JpImportReport *report,
          guint           i)
{
  g_assert_cmpuint (i, <, report->entries->len);
  return g_ptr_array_index (report->entries, i);
}

static inline gboolean
findings_mention (GPtrArray  *findings,
                  const char *needle)
{
  guint i;

  for (i = 0; findings != NULL && i < findings->len; i++)
    if (strstr (((JpFinding *) g_ptr_array_index (findings, i))->message, needle) != NULL)
      return TRUE;
  return FALSE;
}

static inline JpDocumentRef *
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

static inline JpCandidate *
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

/* A case of the fixture above, added under `path`. */
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
