/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"

static double
span_width (const char *text, gsize from, gsize to, JpCharWidthFunc measure, gpointer data)
{
  double w = 0;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\r')
        w += measure (c, data);
    }
  return w;
}

/* The end of `text[from, to)` without trailing blanks and newlines. */
static gsize
trim_end (const char *text, gsize from, gsize to)
{
  while (to > from)
    {
      const char *prev = g_utf8_find_prev_char (text + from, text + to);
      gunichar c;

      if (prev == NULL)
        prev = text + from;
      c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c))
        break;
      to = prev - text;
    }
  return to;
}

static void
push_line (GArray *lines, gsize start, gsize end, gsize next, gboolean para_end)
{
  JpLine line = { start, end, next, para_end };

  g_array_append_val (lines, line);
}

/* Boundaries of `text` from ICU, with a flag for hard (mandatory) breaks. */
static GArray *
icu_boundaries (const char *text, gsize len, GArray **hard)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  UErrorCode status = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, text, len, &status);
  UBreakIterator *bi = NULL;

  *hard = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (U_SUCCESS (status))
    bi = ubrk_open (UBRK_LINE, "zh", NULL, 0, &status);
  if (U_SUCCESS (status))
    ubrk_setUText (bi, ut, &status);
  if (U_SUCCESS (status))
    {
      for (int32_t b = ubrk_next (bi); b != UBRK_DONE; b = ubrk_next (bi))
        {
          gsize pos = b;
          gboolean is_hard = ubrk_getRuleStatus (bi) >= UBRK_LINE_HARD;

          g_array_append_val (bounds, pos);
          g_array_append_val (*hard, is_hard);
        }
    }
  else
    {
      /* Without ICU's data (should not happen on Debian) break at every character: never
       * wrong about cutting, only about punctuation. */
      for (const char *p = g_utf8_next_char (text); p <= text + len; p = g_utf8_next_char (p))
        {
          gsize pos = p - text;
          gboolean is_hard = p[-1] == '\n';

          g_array_append_val (bounds, pos);
          g_array_append_val (*hard, is_hard);
          if (p == text + len)
            break;
        }
    }
  if (bi != NULL)
    ubrk_close (bi);
  utext_close (ut);
  return bounds;
}

/**
 * jp_line_break:
 * See jp-print-private.h.
 */
GArray *
jp_line_break (const char      *text,
               double           width,
               JpCharWidthFunc  measure,
               gpointer         data)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (JpLine));
  g_autoptr(GArray) bounds = NULL;
  g_autoptr(GArray) hard = NULL;
  gsize len = strlen (text);
  gsize line_start = 0, seg_start = 0;
  double line_width = 0;   /* width of text[line_start, seg_start) including its blanks */

  if (len == 0)
    {
      push_line (lines, 0, 0, 0, TRUE);
      return lines;
    }
  bounds = icu_boundaries (text, len, &hard);

  for (guint i = 0; i < bounds->len; i++)
    {
      gsize seg_end = g_array_index (bounds, gsize, i);
      gboolean is_hard = g_array_index (hard, gboolean, i);
      gsize vis_end = trim_end (text, seg_start, seg_end);
      double seg_vis = span_width (text, seg_start, vis_end, measure, data);
      double seg_all = span_width (text, seg_start, seg_end, measure, data);

      if (line_width + seg_vis > width && seg_start > line_start)
        {
          /* The segment does not fit: the line ends before it. */
          push_line (lines, line_start, trim_end (text, line_start, seg_start), seg_start,
                     FALSE);
          line_start = seg_start;
          line_width = 0;
        }
      if (line_width + seg_vis > width && seg_start == line_start)
        {
          /* One piece wider than a whole line (a very long number or word): cut it between
           * characters, as few times as needed. */
          const char *p = text + seg_start;
          double w = 0;

          while (p < text + vis_end)
            {
              double cw = measure (g_utf8_get_char (p), data);

              if (w + cw > width && p > text + line_start)
                {
                  const char *cut = p;

                  /* Not before closing nor after opening punctuation: move the cut back a
                   * character or two when the line keeps something. */
                  for (int tries = 0; tries < 2; tries++)
                    {
                      const char *prev = g_utf8_find_prev_char (text + line_start, cut);

                      if (prev == NULL || prev <= text + line_start)
                        break;
                      if (!jp_pdf_is_closing_punct (g_utf8_get_char (cut))
                          && !jp_pdf_is_opening_punct (g_utf8_get_char (prev)))
                        break;
                      cut = prev;
                    }
                  push_line (lines, line_start, cut - text, cut - text, FALSE);
                  line_start = cut - text;
                  w = span_width (text, line_start, p - text, measure, data);
                }
              w += cw;
              p = g_utf8_next_char (p);
            }
          line_width = w + (seg_all - seg_vis);
        }
      else
        line_width += seg_all;

      seg_start = seg_end;
      if (is_hard)
        {
          push_line (lines, line_start, trim_end (text, line_start, seg_end), seg_end, TRUE);
          line_start = seg_end;
          line_width = 0;
        }
    }
  if (line_start < len || lines->len == 0)
    push_line (lines, line_start, trim_end (text, line_start, len), len, TRUE);
  else
    g_array_index (lines, JpLine, lines->len - 1).para_end = TRUE;
  return lines;
}
