/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-evidence"

#include "config.h"

#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "evidence/jp-evidence.h"

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* An A4 PDF of `n_pages` pages with a line of text on each, made with cairo. */
static GBytes *
make_pdf (int n_pages)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  int i;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, buf, 595, 842);
  cr = cairo_create (surface);
  for (i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Evidence page %d", i + 1);

      cairo_move_to (cr, 72, 72);
      cairo_set_font_size (cr, 14);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (buf);
}

static GBytes *
make_png (int width,
          int height)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, buf), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (buf);
}

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "80", NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, size);
}

/* A hand-written PDF made of `objects` (bodies of objects 1..n), with a correct xref table
 * and `trailer_extra` added to the trailer dictionary. */
static GBytes *
make_raw_pdf (const char * const *objects,
              const char         *trailer_extra)
{
  GString *s = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint i, n;

  for (n = 0; objects[n] != NULL; n++)
    {
      gsize off = s->len;

      g_array_append_val (offsets, off);
      g_string_append_printf (s, "%u 0 obj\n%s\nendobj\n", n + 1, objects[n]);
    }
  xref = s->len;
  g_string_append_printf (s, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (i = 0; i < n; i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (offsets, gsize, i));
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", n + 1, trailer_extra, xref);

  return g_string_free_to_bytes (s);
}

static void
test_pdf_pages (void)
{
  g_autoptr(GBytes) pdf = make_pdf (3);
  g_autoptr(GError) error = NULL;
  JpEvidenceInfo info = { 0 };

  g_assert_true (jp_evidence_probe (pdf, "evidence/certificate.pdf", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.mime, ==, "application/pdf");
  g_assert_cmpint (info.pages, ==, 3);
  g_assert_cmpint (info.width, ==, 595);
  g_assert_cmpint (info.height, ==, 842);
}

static void
test_pdf_junk_before_header (void)
{
  g_autoptr(GBytes) pdf = make_pdf (2);
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GBytes) shifted = NULL;
  g_autoptr(GError) error = NULL;
  JpEvidenceInfo info = { 0 };
  gsize len;
  const guint8 *p = g_bytes_get_data (pdf, &len);

  /* scanners sometimes prefix a few bytes; the header is still within the first 1024 */
  g_byte_array_append (buf, (const guint8 *) "SCANNER-PREFIX\r\n", 16);
  g_byte_array_append (buf, p, len);
  shifted = g_bytes_new (buf->data, buf->len);

  g_assert_true (jp_evidence_probe (shifted, "scan.pdf", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.mime, ==, "application/pdf");
  g_assert_cmpint (info.pages, ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  JpEvidenceInfo info = { 0 };

  g_assert_false (jp_evidence_probe (empty, "evidence/empty.pdf", &info, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "evidence/empty.pdf"));
}

static void
test_pdf_truncated (void)
{
  g_autoptr(GBytes) pdf = make_pdf (3);
  g_autoptr(GBytes) half = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 3);
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_evidence_probe (half, "evidence/cut.pdf", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "evidence/cut.pdf"));
}

static void
test_pdf_garbage (void)
{
  static const char garbage[] = "%PDF-1.7\nthis is not a PDF at all, only some words\n%%EOF\n";
  g_autoptr(GBytes) data = g_bytes_new_static (garbage, sizeof garbage - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_evidence_probe (data, "garbage.pdf", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "garbage.pdf"));
}

static void
test_pdf_encrypted (void)
{
  /* Standard security handler, RC4 40-bit, with O and U strings that match no password:
   * poppler must ask for one. */
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44"
    " /O <8c2f1a7e55d39b04e6a1f07c3d9e2b5a41c77e0f9a3b6d2e15f4a8c0b7e3d196>"
    " /U <3e9a7b1c04d5f6e2a8b90c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b> >>",
    NULL,
  };
  g_autoptr(GBytes) pdf = make_raw_pdf (objects,
                                        "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
                                        " <0123456789abcdef0123456789abcdef>]");
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_evidence_probe (pdf, "evidence/locked.pdf", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "evidence/locked.pdf"));
  g_assert_nonnull (strstr (error->message, "password"));
}

static void
test_pdf_no_pages (void)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [] /Count 0 >>",
    NULL,
  };
  g_autoptr(GBytes) pdf = make_raw_pdf (objects, "");
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_evidence_probe (pdf, "evidence/blank.pdf", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_NO_PAGES);
  g_assert_nonnull (strstr (error->message, "evidence/blank.pdf"));
}

static void
test_text_unsupported (void)
{
  static const char text[] = "劳模证书扫描件见附件。\nThis is a plain text file.\n";
  g_autoptr(GBytes) data = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_evidence_probe (data, "evidence/notes.txt", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "evidence/notes.txt"));
  g_assert_nonnull (strstr (error->message, "PDF"));
  g_assert_nonnull (strstr (error->message, "JPEG"));
  g_assert_nonnull (strstr (error->message, "PNG"));
}

static void
test_png (void)
{
  g_autoptr(GBytes) png = make_png (120, 80);
  g_autoptr(GError) error = NULL;
  JpEvidenceInfo info = { 0 };

  g_assert_true (jp_evidence_probe (png, "photos/1.png", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.mime, ==, "image/png");
  g_assert_cmpint (info.pages, ==, 1);
  g_assert_cmpint (info.width, ==, 120);
  g_assert_cmpint (info.height, ==, 80);
}

static void
test_png_truncated (void)
{
  g_autoptr(GBytes) png = make_png (64, 48);
  g_autoptr(GBytes) header_cut = g_bytes_new_from_bytes (png, 0, 20);
  g_autoptr(GBytes) body_cut = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) - 10);
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_evidence_probe (header_cut, "photos/cut.png", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "photos/cut.png"));
  g_clear_error (&error);

  g_assert_false (jp_evidence_probe (body_cut, "photos/cut2.png", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "photos/cut2.png"));
}

static void
test_jpeg (void)
{
  g_autoptr(GBytes) jpeg = make_jpeg (200, 150);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (jpeg, 0, 30);
  g_autoptr(GError) error = NULL;
  JpEvidenceInfo info = { 0 };

  g_assert_true (jp_evidence_probe (jpeg, "photos/2.jpg", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.mime, ==, "image/jpeg");
  g_assert_cmpint (info.width, ==, 200);
  g_assert_cmpint (info.height, ==, 150);
  g_assert_cmpint (info.pages, ==, 1);

  g_assert_false (jp_evidence_probe (cut, "photos/2-cut.jpg", NULL, &error));
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "photos/2-cut.jpg"));
}

static void
test_type_from_magic_not_name (void)
{
  g_autoptr(GBytes) png = make_png (10, 10);
  g_autoptr(GError) error = NULL;
  JpEvidenceInfo info = { 0 };

  g_assert_true (jp_evidence_probe (png, "evidence/misnamed.pdf", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info.mime, ==, "image/png");
}

static void
test_sha256 (void)
{
  g_autoptr(GBytes) abc = g_bytes_new_static ("abc", 3);
  g_autofree char *hex = jp_evidence_sha256 (abc);

  g_assert_cmpstr (hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/evidence/probe/pdf-pages", test_pdf_pages);
  g_test_add_func ("/evidence/probe/pdf-junk-before-header", test_pdf_junk_before_header);
  g_test_add_func ("/evidence/probe/empty", test_empty);
  g_test_add_func ("/evidence/probe/pdf-truncated", test_pdf_truncated);
  g_test_add_func ("/evidence/probe/pdf-garbage", test_pdf_garbage);
  g_test_add_func ("/evidence/probe/pdf-encrypted", test_pdf_encrypted);
  g_test_add_func ("/evidence/probe/pdf-no-pages", test_pdf_no_pages);
  g_test_add_func ("/evidence/probe/text-unsupported", test_text_unsupported);
  g_test_add_func ("/evidence/probe/png", test_png);
  g_test_add_func ("/evidence/probe/png-truncated", test_png_truncated);
  g_test_add_func ("/evidence/probe/jpeg", test_jpeg);
  g_test_add_func ("/evidence/probe/type-from-magic", test_type_from_magic_not_name);
  g_test_add_func ("/evidence/sha256", test_sha256);

  return g_test_run ();
}
