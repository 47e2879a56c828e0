/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Spreadsheet files from a JpSheet (issue 8): .xlsx written with libxlsxwriter (real number
 * cells, a bold frozen header row, column widths fitted to Chinese text, an autofilter) and
 * .csv in UTF-8 with a BOM and CRLF line ends (RFC 4180 quoting) so that Excel opens it
 * right. Text that a spreadsheet would take for a formula (= + - @ tab CR at the start) is
 * written as text in .xlsx (a string cell, never a formula) and prefixed with an apostrophe
 * in .csv. Digit-only identifiers (ID numbers, phones) stay text: a text-formatted cell in
 * .xlsx, a trailing tab in .csv (Excel keeps all 18 digits and the leading zeros).
 * The file is written next to `path` under a temporary name and renamed over it when it is
 * complete: a failure never leaves a half-written file. */

#include <gio/gio.h>
#include "core/jp-sheet.h"

G_BEGIN_DECLS

typedef enum {
  JP_EXPORT_FORMAT_XLSX = 0,
  JP_EXPORT_FORMAT_CSV,
} JpExportFormat;

/* The format `path` asks for by its extension (.xlsx or .csv, any case); FALSE with a
 * G_IO_ERROR_NOT_SUPPORTED naming the file otherwise. */
gboolean  jp_export_format_for_path (const char      *path,
                                     JpExportFormat  *format,
                                     GError         **error);

/* The CSV text of `sheet`: BOM, header line, one line per row, CRLF after each line.
 * Returns: (transfer full). */
GBytes   *jp_export_csv_bytes (const JpSheet *sheet);

/* Writes `sheet` to `path` in `format`. Errors: G_IO_ERROR (from errno) with a message
 * naming the file and, when its folder is missing or cannot be written, the folder;
 * JP_DOCUMENTS_ERROR_FAILED when libxlsxwriter fails (its reason in the message). */
gboolean  jp_export_write (const JpSheet   *sheet,
                           const char      *path,
                           JpExportFormat   format,
                           GError         **error);

/* Writes `bytes` to `path` the same way (a temporary file beside it, renamed over it when
 * complete) with the same errors: for saving a generated PDF elsewhere. Thread-safe. */
gboolean  jp_export_write_bytes (GBytes      *bytes,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
