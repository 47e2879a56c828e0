/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A table for spreadsheets (the candidate list, the results): a name, typed columns with
 * their titles and rows of cells as text. Plain data: the store fills one, the documents
 * layer writes it as .xlsx or .csv. */

typedef enum {
  JP_SHEET_TEXT = 0,   /* free text */
  JP_SHEET_NUMBER,     /* an integer or decimal written with '.'; a number cell */
  JP_SHEET_DIGITS,     /* an identifier (ID number, phone): text a spreadsheet must not
                        * turn into a number (no lost digits or leading zeros) */
} JpSheetColumnKind;

typedef struct {
  char              *title;
  JpSheetColumnKind  kind;
} JpSheetColumn;

typedef struct {
  char      *name;       /* the worksheet's name */
  char      *title;      /* the document's title (file properties) */
  GPtrArray *columns;    /* JpSheetColumn* */
  GPtrArray *rows;       /* GPtrArray* of char* (NULL: an empty cell), one per column */
} JpSheet;

JpSheet *jp_sheet_new        (const char *name,
                              const char *title);
void     jp_sheet_free       (JpSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpSheet, jp_sheet_free)

void     jp_sheet_add_column (JpSheet           *sheet,
                              const char        *title,
                              JpSheetColumnKind  kind);
/* Starts a new row; the cells that follow fill it from the left. */
void     jp_sheet_new_row    (JpSheet    *sheet);
/* Appends a cell (a copy of `text`; NULL or "" leaves it empty) to the last row. */
void     jp_sheet_add_text   (JpSheet    *sheet,
                              const char *text);
void     jp_sheet_add_int    (JpSheet    *sheet,
                              gint64      value);
/* The cell at row, column (0-based, not counting the header), or NULL when empty. */
const char *jp_sheet_get     (const JpSheet *sheet,
                              guint          row,
                              guint          column);

/* Whether a spreadsheet would take `text` as a formula when it is read from CSV or typed:
 * it starts with = + - @, a tab or a carriage return (formula injection). */
gboolean jp_sheet_text_is_formula_like (const char *text);

/* The width of `text` in spreadsheet character units: a CJK (wide) character counts two,
 * others one; the widest line of a multi-line text. */
guint    jp_sheet_text_width (const char *text);

G_END_DECLS
