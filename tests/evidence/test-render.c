/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "evidence/jp-evidence-document.h"
#include "evidence/jp-evidence-renderer.h"
#include "jp-evidence-test-util.h"

/* Five A4 pages; "Craftsman" at (72, 100) on pages 1 and 5, twice on page 3 (the second at
 * (300, 500)); page 4 is landscape. */
static void
draw_dossier_page (cairo_t *cr,
                   int      page,
                   gpointer data)
{
  if (page == 3)
    cairo_pdf_surface_set_size (cairo_get_target (cr), 842, 595);
  else
    cairo_pdf_surface_set_size (cairo_get_target (cr), 595, 842);

  jp_test_draw_word (cr, 72, 60, page == 3 ? "Landscape table" : "Certificate");
  if (page == 0 || page == 2 || page == 4)
    jp_test_draw_word (cr, 72, 100, "Craftsman");
  if (page == 2)
    jp_test_draw_word (cr, 300, 500, "CRAFTSMAN");
}

static JpEvidenceDocument *
open_dossier (void)
{
  g_autoptr(GBytes) pdf = jp_test_make_pdf (5, 595, 842, draw_dossier_page, NULL);
  g_autoptr(GError) error = NULL;
  JpEvidenceDocument *doc = jp_evidence_document_new (pdf, "application/pdf", NULL,
                                                      "dossier.pdf", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
draw_shapes_only (cairo_t *cr,
                  int      page,
                  gpointer data)
{
  cairo_set_source_rgb (cr, 0.1, 0.2, 0.7);
  cairo_rectangle (cr, 50, 50, 300, 200);
  cairo_fill (cr);
}

static void
test_pages (void)
{
  g_autoptr(JpEvidenceDocument) doc = open_dossier ();
  double w, h;

  g_assert_cmpint (jp_evidence_document_get_n_pages (doc), ==, 5);
  g_assert_cmpstr (jp_evidence_document_get_mime (doc), ==, "application/pdf");
  g_assert_false (jp_evidence_document_is_image (doc));
  g_assert_cmpuint (strlen (jp_evidence_document_get_sha256 (doc)), ==, 64);
  jp_evidence_document_get_page_size (doc, 0, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 842, 0.5);
  jp_evidence_document_get_page_size (doc, 3, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 842, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 595, 0.5);
}

typedef struct {
  gboolean         done;
  cairo_surface_t *surface;
  double           scale;
  GError          *error;
  GThread         *thread;
  guint            count;
} RenderWait;

static void
on_rendered (JpEvidenceDocument *doc,
             int                 page,
             cairo_surface_t    *surface,
             double              scale,
             const GError       *error,
             gpointer            user_data)
{
  RenderWait *w = user_data;

  w->done = TRUE;
  w->count++;
  w->thread = g_thread_self ();
  w->scale = scale;
  g_clear_pointer (&w->surface, cairo_surface_destroy);
  g_clear_error (&w->error);
  if (surface != NULL)
    w->surface = cairo_surface_reference (surface);
  if (error != NULL)
    w->error = g_error_copy (error);
}

static void
render_wait_clear (RenderWait *w)
{
  g_clear_pointer (&w->surface, cairo_surface_destroy);
  g_clear_error (&w->error);
}

static void
wait_for (RenderWait *w)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!w->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (w->done);
}

/* Counts pixels darker than mid-grey in a rectangle given in surface pixels. */
static guint
count_dark (cairo_surface_t *surface,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint dark = 0;

  x1 = MIN (x1, cairo_image_surface_get_width (surface));
  y1 = MIN (y1, cairo_image_surface_get_height (surface));
  for (int y = MAX (y0, 0); y < y1; y++)
    for (int x = MAX (x0, 0); x < x1; x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

        if (((p >> 16) & 0xff) < 128 && ((p >> 8) & 0xff) < 128 && (p & 0xff) < 128)
          dark++;
      }
  return dark;
}

static void
test_render_page_off_main_thread (void)
{
  g_autoptr(JpEvidenceDocument) doc = open_dossier ();
  g_autoptr(JpEvidenceRenderer) renderer = jp_evidence_renderer_new (0, 2);
  RenderWait w = { 0 };

  jp_evidence_renderer_request (renderer, doc, 2, 2.0, G_PRIORITY_DEFAULT, NULL,
                                on_rendered, &w);
  g_assert_false (w.done); /* never delivered synchronously */
  wait_for (&w);

  g_assert_no_error (w.error);
  g_assert_nonnull (w.surface);
  g_assert_true (w.thread == g_thread_self ());   /* delivered in the requesting context */
  g_assert_cmpint (jp_evidence_renderer_get_renders_done (renderer), ==, 1);
  g_assert_cmpfloat_with_epsilon (w.scale, 2.0, 1e-9);
  g_assert_cmpint (cairo_image_surface_get_format (w.surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (w.surface), ==, 1190);
  g_assert_cmpint (cairo_image_surface_get_height (w.surface), ==, 1684);
  /* "Craftsman" at (72, 100) pt: ink in [72, 180] x [84, 102] pt, i.e. x2 in pixels. */
  g_assert_cmpuint (count_dark (w.surface, 144, 168, 360, 204), >, 100);
  /* and the bottom margin stays white */
  g_assert_cmpuint (count_dark (w.surface, 0, 1600, 1190, 1684), ==, 0);

  /* Second request is a cache hit: no new render, still asynchronous. */
  w.done = FALSE;
  jp_evidence_renderer_request (renderer, doc, 2, 2.0, G_PRIORITY_DEFAULT, NULL,
                                on_rendered, &w);
  g_assert_false (w.done);
  wait_for (&w);
  g_assert_nonnull (w.surface);
  g_assert_cmpint (jp_evidence_renderer_get_renders_done (renderer), ==, 1);
  render_wait_clear (&w);
}

static void
test_search (void)
{
  g_autoptr(JpEvidenceDocument) doc = open_dossier ();
  g_autoptr(GArray) hits = jp_evidence_document_find_text (doc, "craftsman", NULL);
  g_autoptr(GArray) upper = jp_evidence_document_find_text (doc, "CrAfTsMaN", NULL);
  g_autoptr(GArray) none = jp_evidence_document_find_text (doc, "goldsmith", NULL);
  g_autoptr(GArray) page3 = jp_evidence_page_find_text (doc, 2, "craftsman");
  JpEvidenceHit *h;

  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpint (g_array_index (hits, JpEvidenceHit, 0).page, ==, 0);
  g_assert_cmpint (g_array_index (hits, JpEvidenceHit, 1).page, ==, 2);
  g_assert_cmpint (g_array_index (hits, JpEvidenceHit, 2).page, ==, 2);
  g_assert_cmpint (g_array_index (hits, JpEvidenceHit, 3).page, ==, 4);
  g_assert_cmpuint (upper->len, ==, 4);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (page3->len, ==, 2);

  /* Top-left origin, in points: the word's baseline is at y = 100, 20 pt high. */
  h = &g_array_index (hits, JpEvidenceHit, 0);
  g_assert_cmpfloat_with_epsilon (h->rect.x, 72, 3);
  g_assert_cmpfloat (h->rect.y, >, 75);
  g_assert_cmpfloat (h->rect.y, <, 95);
  g_assert_cmpfloat (h->rect.y + h->rect.height, >, 95);
  g_assert_cmpfloat (h->rect.y + h->rect.height, <, 110);
  g_assert_cmpfloat (h->rect.width, >, 60);
  g_assert_cmpfloat (h->rect.width, <, 160);
  h = &g_array_index (hits, JpEvidenceHit, 2);
  g_assert_cmpfloat_with_epsilon (h->rect.x, 300, 3);
  g_assert_cmpfloat_with_epsilon (h->rect.y + h->rect.height, 500, 8);

  g_assert_true (jp_evidence_document_has_text (doc));
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = jp_evidence_document_search_finish (JP_EVIDENCE_DOCUMENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_search_async (void)
{
  g_autoptr(JpEvidenceDocument) doc = open_dossier ();
  g_autoptr(GArray) hits = NULL;

  jp_evidence_document_search_async (doc, "Craftsman", NULL, on_search_done, &hits);
  while (hits == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpint (g_array_index (hits, JpEvidenceHit, 3).page, ==, 4);
}

static void
test_no_text (void)
{
  g_autoptr(GBytes) pdf = jp_test_make_pdf (3, 595, 842, draw_shapes_only, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, NULL, NULL, "scan.pdf",
                                                                &error);
  g_autoptr(GArray) hits = NULL;

  g_assert_no_error (error);
  g_assert_false (jp_evidence_document_has_text (doc));
  hits = jp_evidence_document_find_text (doc, "a", NULL);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_rotation (void)
{
  g_autoptr(JpEvidenceDocument) doc = open_dossier ();
  g_autoptr(GArray) rects = jp_evidence_page_find_text (doc, 0, "Craftsman");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  JpEvidenceRect r, rr;
  double w, h, scale;

  jp_evidence_document_set_page_rotation (doc, 0, 90);
  g_assert_cmpint (jp_evidence_document_get_page_rotation (doc, 0), ==, 90);
  jp_evidence_document_get_page_size (doc, 0, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 842, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 595, 0.5);
  jp_evidence_document_get_unrotated_page_size (doc, 0, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595, 0.5);
  /* other pages keep their own rotation */
  g_assert_cmpint (jp_evidence_document_get_page_rotation (doc, 1), ==, 0);
  jp_evidence_document_set_page_rotation (doc, 1, -90);
  g_assert_cmpint (jp_evidence_document_get_page_rotation (doc, 1), ==, 270);
  jp_evidence_document_set_page_rotation (doc, 1, 450);
  g_assert_cmpint (jp_evidence_document_get_page_rotation (doc, 1), ==, 90);

  surface = jp_evidence_render_page (doc, 0, 1.0, JP_EVIDENCE_ROTATION_DOCUMENT, &scale, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 842);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 595);

  /* The rotated hit rectangle covers the ink on the rotated render. */
  g_assert_cmpuint (rects->len, ==, 1);
  r = g_array_index (rects, JpEvidenceRect, 0);
  jp_evidence_rect_rotate (&r, 595, 842, 90, &rr);
  g_assert_cmpfloat_with_epsilon (rr.width, r.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (rr.y, r.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (rr.x, 842 - r.y - r.height, 1e-9);
  g_assert_cmpuint (count_dark (surface, (int) rr.x, (int) rr.y, (int) (rr.x + rr.width),
                                (int) (rr.y + rr.height)), >, 50);
  /* where the word was before rotation there is nothing now */
  g_assert_cmpuint (count_dark (surface, (int) r.x, (int) r.y, (int) (r.x + r.width),
                                (int) (r.y + r.height)), ==, 0);
  cairo_surface_destroy (surface);

  jp_evidence_rect_rotate (&r, 595, 842, 180, &rr);
  g_assert_cmpfloat_with_epsilon (rr.x, 595 - r.x - r.width, 1e-9);
  jp_evidence_rect_rotate (&r, 595, 842, 270, &rr);
  g_assert_cmpfloat_with_epsilon (rr.x, r.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (rr.y, 595 - r.x - r.width, 1e-9);
}

static void
draw_huge_page (cairo_t *cr,
                int      page,
                gpointer data)
{
  jp_test_draw_word (cr, 1000, 1000, "Blueprint");
}

static void
test_huge_page_clamped (void)
{
  g_autoptr(GBytes) pdf = jp_test_make_pdf (1, 20000, 20000, draw_huge_page, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, NULL, NULL, "plan.pdf",
                                                                &error);
  cairo_surface_t *surface;
  double w, h, scale = 0;

  g_assert_no_error (error);
  jp_evidence_document_get_page_size (doc, 0, &w, &h);
  g_assert_cmpfloat (w, >, 14000);   /* poppler may clamp to the PDF user-space limit */
  surface = jp_evidence_render_page (doc, 0, 2.0, 0, &scale, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (scale, <, 2.0);
  g_assert_cmpfloat_with_epsilon (scale, JP_EVIDENCE_MAX_RENDER_PIXELS / w, 1e-6);
  g_assert_cmpint (cairo_image_surface_get_width (surface), <=, JP_EVIDENCE_MAX_RENDER_PIXELS);
  g_assert_cmpint (cairo_image_surface_get_height (surface), <=, JP_EVIDENCE_MAX_RENDER_PIXELS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >=, JP_EVIDENCE_MAX_RENDER_PIXELS - 1);
  cairo_surface_destroy (surface);
}

static void
test_huge_image_downscaled (void)
{
  /* A1 keeps the 10000 x 10000 source small; the PNG compresses to a few kB. */
  cairo_surface_t *src = cairo_image_surface_create (CAIRO_FORMAT_A1, 10000, 10000);
  cairo_t *cr = cairo_create (src);
  GByteArray *buf = g_byte_array_new ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = NULL;
  cairo_surface_t *page;
  double w, h;

  cairo_rectangle (cr, 0, 0, 5000, 5000);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (src, jp_test_append_bytes, buf), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (src);
  png = g_byte_array_free_to_bytes (buf);

  doc = jp_evidence_document_new (png, "image/png", NULL, "scan.png", &error);
  g_assert_no_error (error);
  g_assert_true (jp_evidence_document_is_image (doc));
  g_assert_cmpint (jp_evidence_document_get_n_pages (doc), ==, 1);
  g_assert_false (jp_evidence_document_has_text (doc));
  jp_evidence_document_get_page_size (doc, 0, &w, &h);
  g_assert_cmpfloat (w, ==, JP_EVIDENCE_MAX_IMAGE_PIXELS);
  g_assert_cmpfloat (h, ==, JP_EVIDENCE_MAX_IMAGE_PIXELS);

  page = jp_evidence_render_page (doc, 0, 0.25, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (page), ==, 1024);
  /* cairo writes A1 as 8-bit grey: the filled top-left quarter is white, the rest black */
  g_assert_cmpuint (count_dark (page, 100, 100, 200, 200), ==, 0);
  g_assert_cmpuint (count_dark (page, 700, 700, 800, 800), ==, 100 * 100);
  cairo_surface_destroy (page);
}

static void
test_bad_input (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello, this is a letter", 23);
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GBytes) pdf = jp_test_make_pdf (1, 595, 842, draw_shapes_only, NULL);
  g_autoptr(GError) error = NULL;
  JpEvidenceDocument *doc;

  doc = jp_evidence_document_new (empty, "application/pdf", NULL, "empty.pdf", &error);
  g_assert_null (doc);
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.pdf"));
  g_clear_error (&error);

  doc = jp_evidence_document_new (text, "application/pdf", NULL, "letter.pdf", &error);
  g_assert_null (doc);
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "letter.pdf"));
  g_clear_error (&error);

  cut = g_bytes_new_from_bytes (pdf, 0, 40);
  doc = jp_evidence_document_new (cut, NULL, NULL, "cut.pdf", &error);
  g_assert_null (doc);
  g_assert_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "cut.pdf"));
}

static void
test_cache_bound (void)
{
  g_autoptr(GBytes) pdf = jp_test_make_pdf (20, 595, 842, jp_test_draw_numbered_page, NULL);
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, NULL, NULL, "long.pdf",
                                                                NULL);
  /* one A4 page at scale 1 is 2 MB: the bound holds three */
  gsize limit = 7 * 1024 * 1024;
  g_autoptr(JpEvidenceRenderer) renderer = jp_evidence_renderer_new (limit, 3);
  RenderWait w = { 0 };
  int i;

  for (i = 0; i < 20; i++)
    jp_evidence_renderer_request (renderer, doc, i, 1.0, G_PRIORITY_DEFAULT, NULL,
                                  on_rendered, &w);
  while (w.count < 20)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_no_error (w.error);
      g_assert_cmpuint (jp_evidence_renderer_get_cache_bytes (renderer), <=, limit);
    }
  g_assert_cmpint (jp_evidence_renderer_get_renders_done (renderer), ==, 20);
  g_assert_cmpuint (jp_evidence_renderer_get_cache_count (renderer), ==, 3);
  g_assert_cmpuint (jp_evidence_renderer_get_cache_bytes (renderer), <=, limit);
  g_assert_cmpuint (jp_evidence_renderer_get_cache_bytes (renderer), >, limit / 2);
  render_wait_clear (&w);
}

static void
test_cancel (void)
{
  g_autoptr(JpEvidenceDocument) doc = open_dossier ();
  g_autoptr(JpEvidenceRenderer) renderer = jp_evidence_renderer_new (0, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RenderWait w = { 0 };

  g_cancellable_cancel (cancellable);
  jp_evidence_renderer_request (renderer, doc, 1, 1.0, G_PRIORITY_DEFAULT, cancellable,
                                on_rendered, &w);
  wait_for (&w);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (w.surface);
  g_assert_cmpint (jp_evidence_renderer_get_renders_done (renderer), ==, 0);
  render_wait_clear (&w);
}

/* A hand-written PDF whose page tree claims three pages but whose second kid is a string,
 * not a page: poppler cannot give the last page. */
static GBytes *
make_broken_pdf (void)
{
  GString *s = g_string_new ("%PDF-1.4\n");
  const char *objs[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R >>",
    "(this is not a page)",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R >>",
    "<< /Length 28 >>\nstream\n0 0 0 rg 20 20 100 100 re f\nendstream",
  };
  gsize offsets[G_N_ELEMENTS (objs)];
  gsize xref;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (objs); i++)
    {
      offsets[i] = s->len;
      g_string_append_printf (s, "%u 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
  xref = s->len;
  g_string_append_printf (s, "xref\n0 %u\n0000000000 65535 f \n", i + 1);
  for (i = 0; i < G_N_ELEMENTS (objs); i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", i + 1, xref);
  return g_string_free_to_bytes (s);
}

static void
test_broken_page (void)
{
  g_autoptr(GBytes) pdf = make_broken_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, NULL, NULL, "half.pdf",
                                                                &error);
  g_autoptr(JpEvidenceRenderer) renderer = jp_evidence_renderer_new (0, 2);
  int n, i, failed = 0, good = 0;

  g_assert_no_error (error);
  n = jp_evidence_document_get_n_pages (doc);
  g_assert_cmpint (n, ==, 3);
  for (i = 0; i < n; i++)
    {
      RenderWait w = { 0 };

      jp_evidence_renderer_request (renderer, doc, i, 1.0, 0, NULL, on_rendered, &w);
      wait_for (&w);
      if (w.error != NULL)
        {
          g_autofree char *page_no = g_strdup_printf ("page %d", i + 1);

          failed++;
          g_assert_error (w.error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT);
          g_assert_nonnull (strstr (w.error->message, page_no));
          g_assert_nonnull (strstr (w.error->message, "half.pdf"));
          g_assert_null (w.surface);
        }
      else
        {
          good++;
          /* the good pages show their black square */
          g_assert_cmpuint (count_dark (w.surface, 40, 100, 100, 160), ==, 60 * 60);
        }
      render_wait_clear (&w);
    }
  g_assert_cmpint (failed, ==, 1);
  g_assert_cmpint (good, ==, 2);
}

static void
test_bucket (void)
{
  g_assert_cmpfloat_with_epsilon (jp_evidence_renderer_bucket_scale (1.0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (jp_evidence_renderer_bucket_scale (2.0), 2.0, 1e-9);
  g_assert_cmpfloat (jp_evidence_renderer_bucket_scale (1.01), >=, 1.01);
  g_assert_cmpfloat (jp_evidence_renderer_bucket_scale (1.01), <, 1.1);
  g_assert_cmpfloat_with_epsilon (jp_evidence_renderer_bucket_scale (1.02),
                                  jp_evidence_renderer_bucket_scale (1.05), 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/evidence/render/pages", test_pages);
  g_test_add_func ("/evidence/render/off-main-thread", test_render_page_off_main_thread);
  g_test_add_func ("/evidence/render/search", test_search);
  g_test_add_func ("/evidence/render/search-async", test_search_async);
  g_test_add_func ("/evidence/render/no-text", test_no_text);
  g_test_add_func ("/evidence/render/rotation", test_rotation);
  g_test_add_func ("/evidence/render/huge-page-clamped", test_huge_page_clamped);
  g_test_add_func ("/evidence/render/huge-image-downscaled", test_huge_image_downscaled);
  g_test_add_func ("/evidence/render/bad-input", test_bad_input);
  g_test_add_func ("/evidence/render/cache-bound", test_cache_bound);
  g_test_add_func ("/evidence/render/cancel", test_cancel);
  g_test_add_func ("/evidence/render/broken-page", test_broken_page);
  g_test_add_func ("/evidence/render/scale-bucket", test_bucket);

  return g_test_run ();
}
