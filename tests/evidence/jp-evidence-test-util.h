/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>

/* Draws page `page` (0-based) on `cr`; may call cairo_pdf_surface_set_size first. */
typedef void (*JpTestPageFunc) (cairo_t *cr,
                                int      page,
                                gpointer data);

static inline cairo_status_t
jp_test_append_bytes (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of `n_pages` pages of `width` x `height` points made with cairo. */
static inline GBytes *
jp_test_make_pdf (int            n_pages,
                  double         width,
                  double         height,
                  JpTestPageFunc draw,
                  gpointer       data)
{
  GByteArray *buf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (jp_test_append_bytes, buf, width, height);
  cr = cairo_create (surface);
  for (int i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      draw (cr, i, data);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buf);
}

/* Draws `word` in 20 pt Sans with its baseline starting at (x, y) points. */
static inline void
jp_test_draw_word (cairo_t    *cr,
                   double      x,
                   double      y,
                   const char *word)
{
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 20);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, word);
}

/* A page of a "typical" dossier: a heading with the page number and a few lines. */
static inline void
jp_test_draw_numbered_page (cairo_t *cr,
                            int      page,
                            gpointer data)
{
  g_autofree char *heading = g_strdup_printf ("Evidence page %d", page + 1);

  jp_test_draw_word (cr, 72, 72, heading);
  for (int line = 0; line < 20; line++)
    {
      cairo_set_font_size (cr, 11);
      cairo_move_to (cr, 72, 120 + line * 16);
      cairo_show_text (cr, "The candidate restored the loom and trained twelve apprentices.");
    }
}
