/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <string.h>

#include "jp-print-private.h"

/* Bordered tables whose rows flow onto new pages, with a header row repeated on each. */

/* ---- tables ---- */

struct _JpPrintTable {
  JpPrint            *print;
  double              x, y;
  guint               n;
  double             *widths;
  JpAlign            *align;
  double              size, leading, pad;
  char              **header;
  JpPrintNewPageFunc  new_page;
  gpointer            new_page_data;
  int                 label_column;   /* shown again with （续） on a continued row; -1 none */
};

JpPrintTable *
jp_print_table_new (JpPrint      *print,
                    double        x,
                    double        y,
                    guint         n_columns,
                    const double *widths,
                    double        size)
{
  JpPrintTable *table = g_new0 (JpPrintTable, 1);

  table->print = print;
  table->x = x;
  table->y = y;
  table->n = n_columns;
  table->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  table->align = g_new0 (JpAlign, n_columns);
  table->size = size;
  table->leading = size * 1.45;
  table->pad = size * 0.45;
  table->label_column = -1;
  return table;
}

void
jp_print_table_free (JpPrintTable *table)
{
  if (table == NULL)
    return;
  g_free (table->widths);
  g_free (table->align);
  g_strfreev (table->header);
  g_free (table);
}

void
jp_print_table_set_new_page (JpPrintTable *table, JpPrintNewPageFunc func, gpointer data)
{
  table->new_page = func;
  table->new_page_data = data;
}

void
jp_print_table_set_align (JpPrintTable *table, guint column, JpAlign align)
{
  g_return_if_fail (column < table->n);
  table->align[column] = align;
}

void
jp_print_table_set_label_column (JpPrintTable *table, guint column)
{
  g_return_if_fail (column < table->n);
  table->label_column = column;
}

double
jp_print_table_get_y (JpPrintTable *table)
{
  return table->y;
}

/* Draws lines [from[i], to[i]) of each cell as one band `height` tall at table->y. */
static void
draw_band (JpPrintTable *table, GStrv *cells, const guint *from, const guint *to,
           double height, gboolean shaded, gboolean center_vertically)
{
  JpPrint *print = table->print;
  HPDF_Page page = jp_print_page (print);
  double x = table->x;

  if (shaded)
    {
      double total = 0;

      for (guint c = 0; c < table->n; c++)
        total += table->widths[c];
      HPDF_Page_SetGrayFill (page, 0.9);
      HPDF_Page_Rectangle (page, table->x, HPDF_Page_GetHeight (page) - table->y - height,
                           total, height);
      HPDF_Page_Fill (page);
      HPDF_Page_SetGrayFill (page, 0);
    }
  for (guint c = 0; c < table->n; c++)
    {
      double w = table->widths[c];
      guint n_lines = to[c] - from[c];
      double top = table->y + table->pad;
      double tx;

      jp_print_rect (print, x, table->y, w, height, 0.6);
      if (center_vertically)
        top += (height - 2 * table->pad - n_lines * table->leading) / 2;
      tx = table->align[c] == JP_ALIGN_LEFT ? x + table->pad
           : table->align[c] == JP_ALIGN_CENTER ? x + w / 2 : x + w - table->pad;
      for (guint l = from[c]; l < to[c]; l++)
        {
          double baseline = top + (l - from[c]) * table->leading
                            + (table->leading + table->size * 0.75) / 2;

          jp_print_text (print, JP_PRINT_SONG, table->size, tx, baseline, table->align[c],
                         cells[c][l]);
        }
      x += w;
    }
  table->y += height;
}

static void table_add (JpPrintTable *table, const char *const *cells, gboolean splittable,
                       double min_height, gboolean is_header);

static void
table_new_page (JpPrintTable *table)
{
  jp_print_add_page (table->print, jp_print_is_landscape (table->print));
  table->y = table->new_page != NULL ? table->new_page (table->print, table->new_page_data)
                                     : JP_PRINT_MARGIN;
  if (table->header != NULL)
    table_add (table, (const char *const *) table->header, FALSE, 0, TRUE);
}

static void
table_add (JpPrintTable      *table,
           const char *const *cells,
           gboolean           splittable,
           double             min_height,
           gboolean           is_header)
{
  JpPrint *print = table->print;
  g_autofree GStrv *wrapped = g_new0 (GStrv, table->n);
  g_autofree guint *from = g_new0 (guint, table->n);
  g_autofree guint *to = g_new0 (guint, table->n);
  guint max_lines = 0;
  gboolean first_band = TRUE;
  double page_body = jp_print_body_bottom (print) - JP_PRINT_MARGIN;

  for (guint c = 0; c < table->n; c++)
    {
      wrapped[c] = jp_print_wrap (print, JP_PRINT_SONG, table->size,
                                  table->widths[c] - 2 * table->pad,
                                  cells[c] != NULL ? cells[c] : "");
      max_lines = MAX (max_lines, g_strv_length (wrapped[c]));
    }

  for (;;)
    {
      guint remaining = 0;
      double need, avail = jp_print_body_bottom (print) - table->y;
      guint fit;

      for (guint c = 0; c < table->n; c++)
        remaining = MAX (remaining, g_strv_length (wrapped[c]) - from[c]);
      need = MAX (remaining * table->leading + 2 * table->pad, first_band ? min_height : 0);

      if (need <= avail + 0.01)
        {
          for (guint c = 0; c < table->n; c++)
            to[c] = g_strv_length (wrapped[c]);
          draw_band (table, wrapped, from, to, need, is_header, first_band);
          break;
        }
      /* A row moves whole to the next page when it fits there; only a long one (more than a
       * third of a page) is split, so short rows are never broken. */
      if (first_band && need <= page_body - (table->header ? 30 : 0)
          && (!splittable || need <= page_body / 3))
        {
          table_new_page (table);
          continue;
        }
      fit = avail > 2 * table->pad ? (guint) ((avail - 2 * table->pad) / table->leading) : 0;
      if (fit < 2 && remaining > 1)
        {
          table_new_page (table);
          continue;
        }
      fit = MAX (fit, 1);
      for (guint c = 0; c < table->n; c++)
        to[c] = MIN (g_strv_length (wrapped[c]), from[c] + fit);
      draw_band (table, wrapped, from, to, fit * table->leading + 2 * table->pad, is_header,
                 FALSE);
      for (guint c = 0; c < table->n; c++)
        from[c] = to[c];
      if (table->label_column >= 0 && first_band)
        {
          /* The label again, marked as continued: 事迹简介（续）. */
          guint lc = table->label_column;
          const char *label = cells[lc] != NULL ? cells[lc] : "";
          g_autofree char *first = g_strndup (label, strcspn (label, "\n"));
          g_autofree char *continued = g_strdup_printf ("%s（续）", first);

          g_strfreev (wrapped[lc]);
          wrapped[lc] = jp_print_wrap (print, JP_PRINT_SONG, table->size,
                                       table->widths[lc] - 2 * table->pad, continued);
          from[lc] = 0;
        }
      first_band = FALSE;
      table_new_page (table);
    }
  for (guint c = 0; c < table->n; c++)
    g_strfreev (wrapped[c]);
}

void
jp_print_table_set_header (JpPrintTable *table, const char *const *cells)
{
  g_strfreev (table->header);
  table->header = g_new0 (char *, table->n + 1);
  for (guint c = 0; c < table->n; c++)
    table->header[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  table_add (table, cells, FALSE, 0, TRUE);
}

void
jp_print_table_add_row (JpPrintTable      *table,
                        const char *const *cells,
                        gboolean           splittable,
                        double             min_height)
{
  table_add (table, cells, splittable, min_height, FALSE);
}
