/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-sheet"

#include "config.h"

#include <string.h>

#include "jp-sheet.h"

static void
column_free (JpSheetColumn *column)
{
  g_free (column->title);
  g_free (column);
}

/**
 * jp_sheet_new:
 * Returns: (transfer full): an empty sheet, free with jp_sheet_free().
 */
JpSheet *
jp_sheet_new (const char *name,
              const char *title)
{
  JpSheet *sheet = g_new0 (JpSheet, 1);

  g_return_val_if_fail (name != NULL, NULL);

  sheet->name = g_strdup (name);
  sheet->title = g_strdup (title != NULL ? title : name);
  sheet->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return sheet;
}

void
jp_sheet_free (JpSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_free (sheet->title);
  g_ptr_array_unref (sheet->columns);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

void
jp_sheet_add_column (JpSheet           *sheet,
                     const char        *title,
                     JpSheetColumnKind  kind)
{
  JpSheetColumn *column;

  g_return_if_fail (sheet != NULL && title != NULL);
  g_return_if_fail (sheet->rows->len == 0);

  column = g_new0 (JpSheetColumn, 1);
  column->title = g_strdup (title);
  column->kind = kind;
  g_ptr_array_add (sheet->columns, column);
}

void
jp_sheet_new_row (JpSheet *sheet)
{
  g_return_if_fail (sheet != NULL);

  g_ptr_array_add (sheet->rows, g_ptr_array_new_full (sheet->columns->len, g_free));
}

void
jp_sheet_add_text (JpSheet    *sheet,
                   const char *text)
{
  GPtrArray *row;

  g_return_if_fail (sheet != NULL && sheet->rows->len > 0);

  row = g_ptr_array_index (sheet->rows, sheet->rows->len - 1);
  g_return_if_fail (row->len < sheet->columns->len);
  g_ptr_array_add (row, text != NULL && *text != '\0' ? g_strdup (text) : NULL);
}

void
jp_sheet_add_int (JpSheet *sheet,
                  gint64   value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  jp_sheet_add_text (sheet, buf);
}

const char *
jp_sheet_get (const JpSheet *sheet,
              guint          row,
              guint          column)
{
  GPtrArray *cells;

  g_return_val_if_fail (sheet != NULL && row < sheet->rows->len, NULL);

  cells = g_ptr_array_index (sheet->rows, row);
  return column < cells->len ? g_ptr_array_index (cells, column) : NULL;
}

gboolean
jp_sheet_text_is_formula_like (const char *text)
{
  return text != NULL && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
}

guint
jp_sheet_text_width (const char *text)
{
  guint widest = 0, width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\n')
        {
          widest = MAX (widest, width);
          width = 0;
        }
      else
        width += g_unichar_iswide (ch) || g_unichar_iswide_cjk (ch) ? 2 : 1;
    }
  return MAX (widest, width);
}
