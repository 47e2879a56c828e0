/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A parsed CSV file: rows of fields, all UTF-8. */
typedef struct {
  GPtrArray *rows;          /* GPtrArray* of char* (one per field), owned */
  GArray    *row_lines;     /* guint: the 1-based line each row starts on */
  char      *encoding;      /* "UTF-8", "UTF-8 (BOM)" or "GB18030" */
} JpCsvTable;

void        jp_csv_table_free (JpCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpCsvTable, jp_csv_table_free)

/* Parses RFC 4180 CSV (commas, quotes doubled inside quoted fields, newlines inside quoted
 * fields; CRLF or LF) after detecting the encoding: a UTF-8 BOM, else valid UTF-8, else
 * GB18030. Fails with a JP_CORE_ERROR naming `source_name` for: empty data, binary data
 * (NUL bytes or control characters), text that is neither encoding, an unclosed quote (the
 * message gives the line where the quoted field starts). Completely empty lines are skipped. */
JpCsvTable *jp_csv_parse (const char *data,
                          gsize       length,
                          const char *source_name,
                          GError    **error);

G_END_DECLS
