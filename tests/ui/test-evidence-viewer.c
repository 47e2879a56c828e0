/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-evidence-viewer"

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "jp-ui-test-util.h"
#include "../evidence/jp-evidence-test-util.h"
#include "ui/evidence/jp-evidence-viewer.h"

/* 12 A4 pages; "Craftsman" on pages 3 and 11 once, on page 7 twice: 4 hits on 3 pages. */
static void
draw_twelve (cairo_t *cr,
             int      page,
             gpointer data)
{
  g_autofree char *heading = g_strdup_printf ("Award file, page %d", page + 1);

  jp_test_draw_word (cr, 72, 60, heading);
  if (page == 2 || page == 6 || page == 10)
    jp_test_draw_word (cr, 72, 400, "Craftsman");
  if (page == 6)
    jp_test_draw_word (cr, 300, 700, "craftsman");
}

static void
draw_shapes (cairo_t *cr,
             int      page,
             gpointer data)
{
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_rectangle (cr, 60, 60, 400, 300);
  cairo_fill (cr);
}

typedef struct {
  GtkWidget        *window;
  JpEvidenceViewer *viewer;
} Fixture;

static JpEvidenceDocument *
make_document (JpTestPageFunc draw,
               int            n_pages,
               const char    *name)
{
  g_autoptr(GBytes) pdf = jp_test_make_pdf (n_pages, 595, 842, draw, NULL);
  g_autoptr(GError) error = NULL;
  JpEvidenceDocument *doc = jp_evidence_document_new (pdf, "application/pdf", NULL, name,
                                                      &error);

  g_assert_no_error (error);
  return doc;
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
first_page_ready (gpointer data)
{
  return jp_evidence_viewer_get_n_pages_ready (data) > 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JpEvidenceDocument) doc = make_document (draw_twelve, 12, "award.pdf");
  gint64 t0;

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->viewer = JP_EVIDENCE_VIEWER (jp_evidence_viewer_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->viewer));
  jp_evidence_viewer_set_document (f->viewer, doc);

  t0 = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (jp_test_wait_until (first_page_ready, f->viewer, 10000));
  g_test_message ("viewer shown -> first page texture: %.1f ms",
                  (g_get_monotonic_time () - t0) / 1000.0);
  jp_test_spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  jp_test_spin ();
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *entry;

  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "/ 12", TRUE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "award.pdf", TRUE));
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 0);
  /* the default is fit width, so the first page is sharp and visible */
  g_assert_cmpint (jp_evidence_viewer_get_fit_mode (f->viewer), ==, JP_EVIDENCE_FIT_WIDTH);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.next-page", NULL));
  jp_test_spin ();
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 1);
  entry = find_entry (GTK_WIDGET (f->viewer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2");

  /* typing a page number */
  gtk_editable_set_text (GTK_EDITABLE (entry), "9");
  g_signal_emit_by_name (entry, "activate");
  jp_test_spin ();
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 8);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.last-page", NULL);
  jp_test_spin ();
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 11);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.next-page", NULL);
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 11);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.first-page", NULL);
  jp_test_spin ();
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 0);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  double before = jp_evidence_viewer_get_zoom (f->viewer);
  double expected;
  int width;

  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.zoom-in", NULL);
  jp_test_spin ();
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (f->viewer), >, before);
  g_assert_cmpint (jp_evidence_viewer_get_fit_mode (f->viewer), ==, JP_EVIDENCE_FIT_NONE);

  jp_evidence_viewer_set_zoom (f->viewer, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.zoom-out", NULL);
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (f->viewer), <, 1.0);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "75%", TRUE));

  jp_evidence_viewer_set_fit_mode (f->viewer, JP_EVIDENCE_FIT_WIDTH);
  jp_test_spin ();
  /* the page column is the viewer's width less a 12 px margin on each side */
  width = gtk_widget_get_width (GTK_WIDGET (f->viewer));
  expected = (width - 24) / 595.0;
  g_assert_cmpfloat (fabs (jp_evidence_viewer_get_zoom (f->viewer) - expected) / expected, <,
                     0.03);

  /* fit page: the whole A4 page fits in the view's height, so the zoom is smaller */
  jp_evidence_viewer_set_fit_mode (f->viewer, JP_EVIDENCE_FIT_PAGE);
  jp_test_spin ();
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (f->viewer) * 842, <,
                     gtk_widget_get_height (GTK_WIDGET (f->viewer)));
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;

  return jp_test_find_label (w->widget, w->text, TRUE) != NULL;
}

/* Waits for the asynchronous search to put `text` in the hit label. */
static void
assert_label_appears (Fixture    *f,
                      const char *text)
{
  LabelWait w = { GTK_WIDGET (f->viewer), text };

  if (!jp_test_wait_until (label_shown, &w, 5000))
    g_error ("no label “%s” appeared", text);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  jp_evidence_viewer_search (f->viewer, "CRAFTSMAN");
  assert_label_appears (f, "Match 1 of 4");
  jp_test_spin ();

  g_assert_cmpuint (jp_evidence_viewer_get_n_hits (f->viewer), ==, 4);
  g_assert_cmpint (jp_evidence_viewer_get_current_hit (f->viewer), ==, 0);
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.next-hit", NULL);
  jp_test_spin ();
  g_assert_cmpint (jp_evidence_viewer_get_current_hit (f->viewer), ==, 1);
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 6);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "Match 2 of 4", TRUE));

  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.previous-hit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.previous-hit", NULL);
  jp_test_spin ();
  /* wraps around to the last hit */
  g_assert_cmpint (jp_evidence_viewer_get_current_hit (f->viewer), ==, 3);
  g_assert_cmpint (jp_evidence_viewer_get_page (f->viewer), ==, 10);

  jp_evidence_viewer_search (f->viewer, "goldsmith");
  assert_label_appears (f, "No matches");
  g_assert_cmpuint (jp_evidence_viewer_get_n_hits (f->viewer), ==, 0);
  g_assert_cmpint (jp_evidence_viewer_get_current_hit (f->viewer), ==, -1);

  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.close-search", NULL);
  jp_test_spin ();
  g_assert_null (jp_test_find_label (GTK_WIDGET (f->viewer), "No matches", TRUE));
}

static void
test_no_text (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JpEvidenceDocument) doc = make_document (draw_shapes, 2, "scan.pdf");

  jp_evidence_viewer_set_document (f->viewer, doc);
  jp_test_spin ();
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "/ 2", TRUE));
  jp_evidence_viewer_search (f->viewer, "craftsman");
  assert_label_appears (f, "This document has no searchable text");
  g_assert_cmpuint (jp_evidence_viewer_get_n_hits (f->viewer), ==, 0);
  g_assert_null (jp_test_find_label (GTK_WIDGET (f->viewer), "No matches", TRUE));
}

typedef struct {
  char *sha256;
  int   page;
  int   degrees;
  int   count;
} Rotation;

static void
on_rotation_changed (JpEvidenceViewer *viewer,
                     const char       *sha256,
                     int               page,
                     int               degrees,
                     Rotation         *r)
{
  g_free (r->sha256);
  r->sha256 = g_strdup (sha256);
  r->page = page;
  r->degrees = degrees;
  r->count++;
}

static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  JpEvidenceDocument *doc = jp_evidence_viewer_get_document (f->viewer);
  Rotation r = { 0 };
  const int saved[] = { 0, 0, 180 };

  g_signal_connect (f->viewer, "rotation-changed", G_CALLBACK (on_rotation_changed), &r);
  jp_evidence_viewer_go_to_page (f->viewer, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.rotate-right", NULL);
  jp_test_spin ();
  g_assert_cmpint (r.count, ==, 1);
  g_assert_cmpstr (r.sha256, ==, jp_evidence_document_get_sha256 (doc));
  g_assert_cmpint (r.page, ==, 1);
  g_assert_cmpint (r.degrees, ==, 90);
  g_assert_cmpint (jp_evidence_viewer_get_rotation (f->viewer, 1), ==, 90);
  g_assert_cmpint (jp_evidence_viewer_get_rotation (f->viewer, 0), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.rotate-left", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.rotate-left", NULL);
  g_assert_cmpint (r.count, ==, 3);
  g_assert_cmpint (r.degrees, ==, 270);

  /* saved rotations come back without being reported as new changes */
  jp_evidence_viewer_set_rotations (f->viewer, jp_evidence_document_get_sha256 (doc), saved,
                                    G_N_ELEMENTS (saved));
  g_assert_cmpint (jp_evidence_viewer_get_rotation (f->viewer, 2), ==, 180);
  g_assert_cmpint (jp_evidence_viewer_get_rotation (f->viewer, 1), ==, 0);
  g_assert_cmpint (r.count, ==, 3);
  /* rotations for another document are left alone */
  jp_evidence_viewer_set_rotations (f->viewer, "0000", (const int[]) { 90 }, 1);
  g_assert_cmpint (jp_evidence_viewer_get_rotation (f->viewer, 0), ==, 0);
  g_free (r.sha256);
}

static void
test_image (Fixture       *f,
            gconstpointer  data)
{
  cairo_surface_t *src = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  GByteArray *buf = g_byte_array_new ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = NULL;

  cairo_surface_write_to_png_stream (src, jp_test_append_bytes, buf);
  cairo_surface_destroy (src);
  png = g_byte_array_free_to_bytes (buf);
  doc = jp_evidence_document_new (png, "image/png", NULL, "photo.png", &error);
  g_assert_no_error (error);

  jp_evidence_viewer_set_document (f->viewer, doc);
  g_assert_true (jp_test_wait_until (first_page_ready, f->viewer, 5000));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "/ 1", TRUE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->viewer), "photo.png", TRUE));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/evidence-viewer/open-and-page", Fixture, NULL, fixture_setup, test_open,
              fixture_teardown);
  g_test_add ("/ui/evidence-viewer/zoom", Fixture, NULL, fixture_setup, test_zoom,
              fixture_teardown);
  g_test_add ("/ui/evidence-viewer/search", Fixture, NULL, fixture_setup, test_search,
              fixture_teardown);
  g_test_add ("/ui/evidence-viewer/no-text", Fixture, NULL, fixture_setup, test_no_text,
              fixture_teardown);
  g_test_add ("/ui/evidence-viewer/rotate", Fixture, NULL, fixture_setup, test_rotate,
              fixture_teardown);
  g_test_add ("/ui/evidence-viewer/image", Fixture, NULL, fixture_setup, test_image,
              fixture_teardown);

  return g_test_run ();
}
