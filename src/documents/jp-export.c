/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "jp-export.h"
#include "jp-pdf.h"

/* Excel's limits: a column is at most 255 characters wide; keep long texts readable at 60
 * and let the cell wrap what is longer. */
#define MIN_WIDTH 6.0
#define MAX_WIDTH 60.0

gboolean
jp_export_format_for_path (const char      *path,
                           JpExportFormat  *format,
                           GError         **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_utf8_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    *format = JP_EXPORT_FORMAT_XLSX;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = JP_EXPORT_FORMAT_CSV;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s”: the file name must end in .xlsx (Excel) or .csv"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* TRUE with *value when `text` is a whole number as the store writes it. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0';
}

static const JpSheetColumn *
column_at (const JpSheet *sheet,
           guint          i)
{
  return g_ptr_array_index (sheet->columns, i);
}

static void
csv_append_text (GString    *out,
                 const char *text)
{
  g_autoptr(GString) field = g_string_new (NULL);

  /* an apostrophe makes Excel and LibreOffice show the text instead of evaluating it */
  if (jp_sheet_text_is_formula_like (text))
    g_string_append_c (field, '\'');
  g_string_append (field, text);
  if (strpbrk (field->str, ",\"\r\n") != NULL || field->str[0] == ' ' ||
      (field->len > 0 && field->str[field->len - 1] == ' '))
    {
      g_string_append_c (out, '"');
      for (const char *p = field->str; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append_len (out, field->str, field->len);
}

static void
csv_append_cell (GString             *out,
                 const JpSheetColumn *column,
                 const char          *text)
{
  double number;

  if (text == NULL)
    return;
  if (column->kind == JP_SHEET_NUMBER && parse_number (text, &number))
    g_string_append (out, text);
  else if (column->kind == JP_SHEET_DIGITS && all_digits (text))
    {
      /* a trailing tab keeps Excel from reading 18 digits as a number (and losing the last
       * three) or dropping leading zeros; a leading one would be a formula trigger */
      g_string_append (out, text);
      g_string_append_c (out, '\t');
    }
  else
    csv_append_text (out, text);
}

GBytes *
jp_export_csv_bytes (const JpSheet *sheet)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (sheet != NULL, NULL);

  for (guint c = 0; c < sheet->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      csv_append_text (out, column_at (sheet, c)->title);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      for (guint c = 0; c < sheet->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          csv_append_cell (out, column_at (sheet, c), jp_sheet_get (sheet, r, c));
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}

/* An error for a file that could not be created or renamed in its folder, in words a person
 * can act on. */
static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error (error, G_IO_ERROR, code,
                 _("Could not save “%s”: the folder “%s” does not exist"), path, dir);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, G_IO_ERROR, code,
                 _("Could not save “%s”: the folder “%s” cannot be written; choose another "
                   "folder"), path, dir);
  else
    g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: %s"), path,
                 g_strerror (saved_errno));
}

/* Creates an empty temporary file next to `path` (same folder, so the rename is atomic).
 * Returns: (transfer full): its name, with the open descriptor in *fd. */
static char *
create_temp_beside (const char  *path,
                    int         *fd,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);

  *fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (*fd < 0)
    {
      set_save_error (error, errno, path);
      return NULL;
    }
  return g_steal_pointer (&tmp);
}

static gboolean
finish_temp (const char  *tmp,
             const char  *path,
             GError     **error)
{
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      set_save_error (error, saved, path);
      return FALSE;
    }
  return TRUE;
}

gboolean
jp_export_write_bytes (GBytes      *bytes,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *tmp = NULL;
  const char *data;
  gsize length;
  int fd;

  g_return_val_if_fail (bytes != NULL && path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not save “%s”: it is a folder; give a file name"), path);
      return FALSE;
    }
  tmp = create_temp_beside (path, &fd, error);
  if (tmp == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (tmp);
          set_save_error (error, saved, path);
          return FALSE;
        }
      data += n;
      length -= n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      set_save_error (error, saved, path);
      return FALSE;
    }
  return finish_temp (tmp, path, error);
}

static gboolean
write_csv (const JpSheet  *sheet,
           const char     *path,
           GError        **error)
{
  g_autoptr(GBytes) bytes = jp_export_csv_bytes (sheet);

  return jp_export_write_bytes (bytes, path, error);
}

/* Excel refuses a worksheet name over 31 characters or with any of []:*?/\ */
static char *
worksheet_name (const char *name)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = name; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) ch) != NULL && ch < 0x80)
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, ch);
    }
  if (out->len == 0)
    g_string_append (out, "Sheet1");
  return g_string_free (out, FALSE);
}

static double
column_width (const JpSheet *sheet,
              guint          c)
{
  guint width = jp_sheet_text_width (column_at (sheet, c)->title);

  for (guint r = 0; r < sheet->rows->len; r++)
    width = MAX (width, jp_sheet_text_width (jp_sheet_get (sheet, r, c)));
  /* the header is bold and the autofilter button takes room beside it */
  return CLAMP (width + 3.0, MIN_WIDTH, MAX_WIDTH);
}

static gboolean
write_xlsx (const JpSheet  *sheet,
            const char     *path,
            GError        **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *sheet_name = worksheet_name (sheet->name);
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *header, *text, *digits, *wrap;
  lxw_error status = LXW_NO_ERROR;
  int fd;

  tmp = create_temp_beside (path, &fd, error);
  if (tmp == NULL)
    return FALSE;
  close (fd);

  workbook = workbook_new (tmp);
  if (workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not save “%s”: the spreadsheet could not be started (out of "
                     "memory)"), path);
      return FALSE;
    }
  properties.title = sheet->title;
  workbook_set_properties (workbook, &properties);
  worksheet = workbook_add_worksheet (workbook, sheet_name);

  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_align (header, LXW_ALIGN_VERTICAL_CENTER);
  text = workbook_add_format (workbook);
  format_set_align (text, LXW_ALIGN_VERTICAL_TOP);
  wrap = workbook_add_format (workbook);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (wrap);
  digits = workbook_add_format (workbook);
  format_set_num_format (digits, "@");
  format_set_align (digits, LXW_ALIGN_VERTICAL_TOP);

  for (guint c = 0; c < sheet->columns->len && status == LXW_NO_ERROR; c++)
    {
      const JpSheetColumn *column = column_at (sheet, c);
      double width = column_width (sheet, c);

      status = worksheet_set_column (worksheet, c, c, width,
                                     column->kind == JP_SHEET_DIGITS ? digits :
                                     width >= MAX_WIDTH ? wrap : NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (worksheet, 0, c, column->title, header);
    }
  for (guint r = 0; r < sheet->rows->len && status == LXW_NO_ERROR; r++)
    for (guint c = 0; c < sheet->columns->len && status == LXW_NO_ERROR; c++)
      {
        const JpSheetColumn *column = column_at (sheet, c);
        const char *value = jp_sheet_get (sheet, r, c);
        double number;

        if (value == NULL)
          continue;
        /* text is always a string cell: never a formula, whatever its first character */
        if (column->kind == JP_SHEET_NUMBER && parse_number (value, &number))
          status = worksheet_write_number (worksheet, r + 1, c, number, NULL);
        else
          status = worksheet_write_string (worksheet, r + 1, c, value,
                                           column->kind == JP_SHEET_DIGITS ? digits :
                                           strchr (value, '\n') != NULL ? wrap : text);
      }
  if (status == LXW_NO_ERROR && sheet->columns->len > 0)
    {
      worksheet_freeze_panes (worksheet, 1, 0);
      status = worksheet_autofilter (worksheet, 0, 0, sheet->rows->len,
                                     sheet->columns->len - 1);
    }

  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not save “%s”: %s"), path, lxw_strerror (status));
      /* the workbook must still be freed; what it writes is thrown away */
      workbook_close (workbook);
      g_unlink (tmp);
      return FALSE;
    }
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not save “%s”: %s"), path, lxw_strerror (status));
      return FALSE;
    }
  return finish_temp (tmp, path, error);
}

gboolean
jp_export_write (const JpSheet   *sheet,
                 const char      *path,
                 JpExportFormat   format,
                 GError         **error)
{
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not save “%s”: it is a folder; give a file name"), path);
      return FALSE;
    }
  if (format == JP_EXPORT_FORMAT_CSV)
    return write_csv (sheet, path, error);
  return write_xlsx (sheet, path, error);
}
