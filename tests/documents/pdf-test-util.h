/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Helpers shared by the documents tests: PDFs read back with poppler, as text or as the
 * lines a reader sees. */

#include <string.h>
#include <poppler.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)

/* `s` without its blanks (spaces, new lines). */
static inline char *
squeeze (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The PDF file at `path`, which poppler must read. */
static inline PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Page `i`'s text as poppler extracts it. */
static inline char *
page_text (PopplerDocument *doc, int i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

  return poppler_page_get_text (page);
}

/* Every page's text, squeezed, concatenated. */
static inline char *
all_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);
      g_autofree char *sq = squeeze (t);

      g_string_append (s, sq);
    }
  return g_string_free (s, FALSE);
}

typedef struct {
  double   y, x;
  gunichar c;
} TestGlyph;

static inline int
test_compare_glyphs (gconstpointer a, gconstpointer b)
{
  const TestGlyph *p = a, *q = b;

  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return p->x < q->x ? -1 : p->x > q->x ? 1 : 0;
}

/* The page's text line by line as it is seen (characters grouped by their vertical middle
 * within 3 points, then left to right, blanks dropped), lines joined by '\n': a table row
 * reads as one line whatever order poppler extracts its cells in. */
static inline char *
page_lines (PopplerDocument *doc, int i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (TestGlyph));
  GString *out = g_string_new (NULL);
  const char *p = text;
  double line_y = -100;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint k = 0; k < n_rects && *p != '\0'; k++, p = g_utf8_next_char (p))
    {
      TestGlyph g = { (rects[k].y1 + rects[k].y2) / 2, rects[k].x1, g_utf8_get_char (p) };

      if (!g_unichar_isspace (g.c))
        g_array_append_val (glyphs, g);
    }
  g_free (rects);
  /* cluster the middles: sort by y, then give each cluster the y of its first glyph */
  g_array_sort (glyphs, test_compare_glyphs);
  for (guint k = 0; k < glyphs->len; k++)
    {
      TestGlyph *g = &g_array_index (glyphs, TestGlyph, k);

      if (g->y - line_y > 3)
        line_y = g->y;
      g->y = line_y;
    }
  g_array_sort (glyphs, test_compare_glyphs);
  line_y = -100;
  for (guint k = 0; k < glyphs->len; k++)
    {
      TestGlyph *g = &g_array_index (glyphs, TestGlyph, k);

      if (g->y != line_y && out->len > 0)
        g_string_append_c (out, '\n');
      line_y = g->y;
      g_string_append_unichar (out, g->c);
    }
  return g_string_free (out, FALSE);
}

/* Every font of the document is embedded (and there is one); with `must_have`, one of them
 * is named like it. */
static inline void
assert_fonts_embedded (PopplerDocument *doc, const char *must_have)
{
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  guint n = 0;
  gboolean found = must_have == NULL;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (doc), &iter));
  g_assert_nonnull (iter);
  do
    {
      const char *name = poppler_fonts_iter_get_name (iter);

      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      if (must_have != NULL && name != NULL && strstr (name, must_have) != NULL)
        found = TRUE;
      n++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_assert_cmpuint (n, >, 0);
  if (!found)
    g_error ("no embedded font named like %s", must_have);
}

/* Every page is `w` by `h` points (within half a point). */
static inline void
assert_page_size (PopplerDocument *doc, double w, double h)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      double pw, ph;

      poppler_page_get_size (page, &pw, &ph);
      g_assert_cmpfloat_with_epsilon (pw, w, 0.5);
      g_assert_cmpfloat_with_epsilon (ph, h, 0.5);
    }
}

/* `needle`, squeezed, is in the squeezed text `haystack`. */
static inline void
assert_contains (const char *haystack, const char *needle)
{
  g_autofree char *sq = squeeze (needle);

  if (strstr (haystack, sq) == NULL)
    g_error ("expected text not found in the PDF: %s\n--- text:\n%s", needle, haystack);
}

/* How many times `needle` is in `haystack`. */
static inline guint
count_of (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}
