/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-csv.h"

/* More stray control characters than this means the data is not text. */
#define MAX_CONTROL_CHARS 3

void
jp_csv_table_free (JpCsvTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->row_lines, g_array_unref);
  g_free (table->encoding);
  g_free (table);
}

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  guint controls = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0)
        return TRUE;
      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1A) ||
          c == 0x7F)
        {
          if (++controls > MAX_CONTROL_CHARS)
            return TRUE;
        }
    }
  return FALSE;
}

/* Returns the text as UTF-8 (newly allocated, NUL-terminated) and the encoding name. */
static char *
decode (const char  *data,
        gsize        length,
        const char  *source_name,
        const char **encoding,
        GError     **error)
{
  gboolean bom = FALSE;
  g_autofree char *converted = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      bom = TRUE;
    }

  if (length == 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("The file “%s” is empty; choose the CSV file that holds the table."),
                   source_name);
      return NULL;
    }

  /* "Unicode text" from a spreadsheet: UTF-16 with a byte order mark */
  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    converted = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    converted = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  if (converted != NULL)
    {
      *encoding = "UTF-16";
      return g_steal_pointer (&converted);
    }
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                      || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_ENCODING,
                   _("The file “%s” is UTF-16 text that cannot be read; save it again as "
                     "“CSV UTF-8” and import it once more."),
                   source_name);
      return NULL;
    }

  if (looks_binary (data, length))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("The file “%s” is not a text file; save the table as CSV "
                     "(comma-separated values) and import that file."),
                   source_name);
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = bom ? "UTF-8 (BOM)" : "UTF-8";
      return g_strndup (data, length);
    }

  if (!bom)
    converted = g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (converted == NULL)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_ENCODING,
                   _("The file “%s” is neither UTF-8 nor GB18030 text; save it again as "
                     "“CSV UTF-8” and import it once more."),
                   source_name);
      return NULL;
    }
  *encoding = "GB18030";
  return g_steal_pointer (&converted);
}

typedef enum {
  FIELD_START,
  IN_UNQUOTED,
  IN_QUOTED,
  AFTER_QUOTE,
} CsvState;

typedef struct {
  JpCsvTable *table;
  GPtrArray  *row;        /* fields of the row being read */
  GString    *field;
  guint       row_line;
  gboolean    row_started;
  CsvState    state;
  guint       pending_spaces; /* blanks inside an unquoted field, kept only if text follows */
} CsvParser;

static void
end_field (CsvParser *p)
{
  g_ptr_array_add (p->row, g_strndup (p->field->str, p->field->len));
  g_string_truncate (p->field, 0);
  p->pending_spaces = 0;
  p->state = FIELD_START;
}

static void
end_row (CsvParser *p)
{
  gboolean all_empty = TRUE;

  if (!p->row_started)
    return;
  end_field (p);

  for (guint i = 0; i < p->row->len; i++)
    if (((const char *) g_ptr_array_index (p->row, i))[0] != '\0')
      all_empty = FALSE;

  /* Completely empty lines (and lines of nothing but separators, which spreadsheets
   * write for blank rows) carry no data. */
  if (all_empty)
    g_ptr_array_set_size (p->row, 0);
  else
    {
      g_ptr_array_add (p->table->rows, p->row);
      g_array_append_val (p->table->row_lines, p->row_line);
      p->row = g_ptr_array_new_with_free_func (g_free);
    }
  p->row_started = FALSE;
}

/**
 * jp_csv_parse:
 * See the header. Beyond RFC 4180 it accepts: a lone CR as a line end, a final line without
 * a line end, a quote inside an unquoted field (kept literally), blanks around fields (dropped)
 * and Excel's ="..." text fields.
 * Returns: (transfer full): the table, or NULL with `error` set.
 */
JpCsvTable *
jp_csv_parse (const char *data,
              gsize       length,
              const char *source_name,
              GError    **error)
{
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(GString) field = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  CsvParser p = { 0 };
  guint line = 1;
  guint quote_line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (source_name == NULL)
    source_name = "CSV";

  if (data == NULL)
    data = "";
  text = decode (data, length, source_name, &encoding, error);
  if (text == NULL)
    return NULL;

  table = g_new0 (JpCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->encoding = g_strdup (encoding);

  field = g_string_new (NULL);
  p.table = table;
  p.row = g_ptr_array_new_with_free_func (g_free);
  p.field = field;
  p.state = FIELD_START;

  for (const char *s = text; *s != '\0'; s++)
    {
      char c = *s;
      gboolean newline = (c == '\n' || c == '\r');

      if (c == '\r' && s[1] == '\n')
        s++;

      if (!p.row_started && !newline)
        {
          p.row_started = TRUE;
          p.row_line = line;
        }

      switch (p.state)
        {
        case FIELD_START:
          if (c == ' ' || c == '\t')
            break;
          if (c == '"' || (c == '=' && s[1] == '"'))
            {
              if (c == '=')
                s++;
              p.state = IN_QUOTED;
              quote_line = line;
            }
          else if (c == ',')
            end_field (&p);
          else if (newline)
            end_row (&p);
          else
            {
              g_string_append_c (field, c);
              p.state = IN_UNQUOTED;
            }
          break;

        case IN_UNQUOTED:
          if (c == ',')
            end_field (&p);
          else if (newline)
            end_row (&p);
          else if (c == ' ' || c == '\t')
            p.pending_spaces++;
          else
            {
              for (; p.pending_spaces > 0; p.pending_spaces--)
                g_string_append_c (field, ' ');
              g_string_append_c (field, c);
            }
          break;

        case IN_QUOTED:
          if (c == '"' && s[1] == '"')
            {
              g_string_append_c (field, '"');
              s++;
            }
          else if (c == '"')
            p.state = AFTER_QUOTE;
          else
            g_string_append_c (field, newline ? '\n' : c);
          break;

        case AFTER_QUOTE:
          if (c == ',')
            end_field (&p);
          else if (newline)
            end_row (&p);
          else if (c != ' ' && c != '\t')
            {
              /* text after the closing quote: keep it, as spreadsheets do */
              g_string_append_c (field, c);
              p.state = IN_UNQUOTED;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      if (newline)
        line++;
    }

  if (p.state == IN_QUOTED)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("%s, line %u: a quoted field starts here but its closing quotation mark "
                     "is missing; check the quotation marks on that line."),
                   source_name, quote_line);
      g_ptr_array_unref (p.row);
      return NULL;
    }
  end_row (&p);
  g_ptr_array_unref (p.row);

  return g_steal_pointer (&table);
}
