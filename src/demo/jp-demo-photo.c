/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-demo"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>

#include "documents/jp-pdf.h"
#include "jp-demo-private.h"

#define PHOTO_W 450
#define PHOTO_H 600

static cairo_status_t
write_to_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
jp_demo_photo (guint32 variant, guint number, GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PHOTO_W, PHOTO_H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *caption = g_strdup_printf ("工作照 %u", number);
  double hue = (variant % 7) / 7.0;
  cairo_status_t status;

  /* Workshop-like backdrop: a wall darkening upwards in bands (bands compress far better in
   * PNG than a smooth gradient), a floor, and a machine block. */
  for (int band = 0; band < 20; band++)
    {
      double t = band / 20.0;

      cairo_set_source_rgb (cr, 0.25 + 0.35 * t, 0.30 + 0.30 * t + 0.1 * hue, 0.38 + 0.25 * t);
      cairo_rectangle (cr, 0, band * 22, PHOTO_W, 22);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.42, 0.40, 0.36);
  cairo_rectangle (cr, 0, 440, PHOTO_W, PHOTO_H - 440);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2 + 0.4 * hue, 0.35, 0.5 - 0.3 * hue);
  cairo_rectangle (cr, 20 + (variant >> 4) % 60, 300, 150, 160);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.9, 0.7, 0.1);
  cairo_rectangle (cr, 40 + (variant >> 4) % 60, 320, 40, 20);
  cairo_fill (cr);

  /* A worker: helmet, head, body in overalls. */
  cairo_set_source_rgb (cr, 0.12, 0.22, 0.45);
  cairo_rectangle (cr, 245, 300, 120, 190);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.93, 0.78, 0.64);
  cairo_arc (cr, 305, 250, 42, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.95, 0.6 + 0.3 * ((variant >> 8) % 2), 0.05);
  cairo_arc (cr, 305, 238, 46, G_PI, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  /* The toy font API does no per-glyph fallback: name a CJK face (fonts-noto-cjk), or the
   * caption comes out as empty boxes. */
  cairo_select_font_face (cr, JP_DEMO_PHOTO_FONT, CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 22);
  cairo_move_to (cr, 20, PHOTO_H - 24);
  cairo_show_text (cr, caption);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png_stream (surface, write_to_array, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not draw the demo photo: %s."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
