/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The documents engine behind jp-documents.h: one JpPrint per document, owning the libharu
 * document, its fonts (loaded once each, per-character fallback chosen through fontconfig),
 * ICU line breaking, pages with "第 N 页 共 M 页", bordered tables with a repeated header,
 * images and QR codes. Only files of src/documents include this header.
 *
 * Coordinates are in points from the TOP-LEFT corner of the page (y grows downwards); text
 * is placed by its baseline. Drawing calls never fail on their own: the first problem (a
 * libharu error, a character no font has) is recorded and returned by jp_print_check, which
 * builders call at least once per form or page. */

#include <hpdf.h>
#include "jp-documents.h"
#include "store/jp-store-console.h"
#include "store/jp-store-rounds.h"

G_BEGIN_DECLS

/* ---- line breaking (jp-linebreak.c) ---- */

typedef double (*JpCharWidthFunc) (gunichar c, gpointer data);

typedef struct {
  gsize    start;     /* byte offset of the line's first character */
  gsize    end;       /* byte offset just after its last visible character */
  gsize    next;      /* where the following line starts (after spaces / the newline) */
  gboolean para_end;  /* the line ends a paragraph ('\n' or the end of the text) */
} JpLine;

/* Breaks `text` (UTF-8) into lines no wider than `width` with ICU's line break iterator
 * (UAX #14: no line starts with closing punctuation ，。、；：？！）》」, none ends with
 * opening punctuation （《「, Latin words and numbers stay whole) and greedy filling; `measure`
 * gives a character's width. '\n' ends a paragraph. Only a single unbreakable piece wider than
 * the whole line is cut, between characters. Never cuts inside a UTF-8 character.
 * Returns: (transfer full): JpLine array (at least one line, possibly empty). */
GArray     *jp_line_break (const char      *text,
                           double           width,
                           JpCharWidthFunc  measure,
                           gpointer         data);

/* ---- the document ---- */

typedef struct _JpPrint JpPrint;

typedef enum {
  JP_PRINT_SONG = 0,
  JP_PRINT_KAI  = 1,
} JpPrintStyle;

typedef enum {
  JP_ALIGN_LEFT,
  JP_ALIGN_CENTER,
  JP_ALIGN_RIGHT,
} JpAlign;

/* A new document of `kind`: reads the election and settings of `store`, finds the fonts
 * (NO_FONT when there is none; nothing is loaded yet). */
JpPrint    *jp_print_new            (JpStore                  *store,
                                     JpDocumentKind            kind,
                                     const JpDocumentOptions  *options,
                                     GCancellable             *cancellable,
                                     JpDocumentProgress        progress,
                                     gpointer                  progress_data,
                                     GError                  **error);
void        jp_print_free           (JpPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPrint, jp_print_free)

/* Page numbers, metadata (title = `title` set with jp_print_set_title, author = organiser,
 * creation date), then the PDF bytes. */
GBytes     *jp_print_finish         (JpPrint  *print,
                                     GError  **error);
GPtrArray  *jp_print_steal_findings (JpPrint *print);

JpStore          *jp_print_get_store    (JpPrint *print);
JpDocumentKind    jp_print_get_kind     (JpPrint *print);
const JpDocumentOptions *jp_print_get_options (JpPrint *print);
const JpElection *jp_print_get_election (JpPrint *print);
const JpSettings *jp_print_get_settings (JpPrint *print);
/* The document's date (options->date or now), unix seconds. */
gint64      jp_print_get_date       (JpPrint *print);
/* "2023年4月15日" of the document's date. */
char       *jp_print_date_text      (JpPrint *print);

void        jp_print_set_title      (JpPrint *print, const char *title);
/* Whether to print "第 N 页 共 M 页" at the foot of every page (default TRUE). */
void        jp_print_set_page_numbers (JpPrint *print, gboolean numbers);
/* Starts a new section: pages added from now on are numbered from 1 ("第 1 页 共 2 页" of
 * each approval form in a file of all forms). */
void        jp_print_begin_section  (JpPrint *print);
/* Names the field and the person the text drawn next belongs to, for the message of a
 * character no font has ("姓名", "王喆"). Borrowed until the next call. */
void        jp_print_set_subject    (JpPrint    *print,
                                     const char *field,
                                     const char *person);
void        jp_print_add_finding    (JpPrint   *print,
                                     JpFinding *finding /* owned */);

/* FALSE with the first recorded error, or G_IO_ERROR_CANCELLED. */
gboolean    jp_print_check          (JpPrint  *print,
                                     GError  **error);
void        jp_print_progress       (JpPrint *print,
                                     guint    done,
                                     guint    total);

/* Checks that every character of `text` has a glyph in some font (without drawing); FALSE
 * with MISSING_GLYPH naming the character, `field` and `person`. */
gboolean    jp_print_check_text     (JpPrint      *print,
                                     JpPrintStyle  style,
                                     const char   *text,
                                     const char   *field,
                                     const char   *person,
                                     GError      **error);

/* ---- pages ---- */
void        jp_print_add_page       (JpPrint  *print,
                                     gboolean  landscape);
double      jp_print_page_width     (JpPrint *print);
double      jp_print_page_height    (JpPrint *print);
guint       jp_print_page_count     (JpPrint *print);
gboolean    jp_print_is_landscape   (JpPrint *print);
HPDF_Page   jp_print_page           (JpPrint *print);
/* Margins of the body; the foot below `bottom` holds the page number. */
#define JP_PRINT_MARGIN 56.0
#define JP_PRINT_FOOT   40.0
double      jp_print_body_bottom    (JpPrint *print);

/* ---- text ---- */
double      jp_print_measure        (JpPrint      *print,
                                     JpPrintStyle  style,
                                     double        size,
                                     const char   *text);
void        jp_print_text           (JpPrint      *print,
                                     JpPrintStyle  style,
                                     double        size,
                                     double        x,
                                     double        baseline,
                                     JpAlign       align,
                                     const char   *text);
/* Lines of `text` wrapped to `width` (jp_line_break with this font's widths).
 * Returns: (transfer full): NULL-terminated. */
GStrv       jp_print_wrap           (JpPrint      *print,
                                     JpPrintStyle  style,
                                     double        size,
                                     double        width,
                                     const char   *text);

/* The libharu document, for the drawing primitives (jp-print-draw.c). */
HPDF_Doc    jp_print_doc            (JpPrint *print);
/* Records `error` (owned) as the document's first problem, returned by jp_print_check;
 * later ones are dropped. */
void        jp_print_record_error   (JpPrint *print, GError *error);

/* ---- drawing (jp-print-draw.c) ---- */
void        jp_print_rect           (JpPrint *print, double x, double y, double w, double h,
                                     double line_width);
void        jp_print_line           (JpPrint *print, double x1, double y1, double x2, double y2,
                                     double line_width);
void        jp_print_circle         (JpPrint *print, double cx, double cy, double r,
                                     double line_width);
/* Draws an image (JPEG, PNG, any format gdk-pixbuf reads) fitted into the box, keeping its
 * aspect ratio. FALSE (nothing drawn, nothing recorded) when the bytes are not an image. */
gboolean    jp_print_image          (JpPrint *print, GBytes *data, double x, double y,
                                     double w, double h);
/* Draws `text` as a QR code of side `side` at (x, y). */
void        jp_print_qr             (JpPrint *print, const char *text, double x, double y,
                                     double side);

/* ---- tables ---- */

typedef struct _JpPrintTable JpPrintTable;

/* A bordered table at x with columns of `widths` (points), text of `size`. Rows flow onto new
 * pages (jp_print_add_page with the current orientation); a header row set with
 * jp_print_table_set_header is drawn again at the top of each new page. `on_new_page` (may
 * be NULL) is called after a page is added, before the header, and returns the y where the
 * table continues. */
typedef double (*JpPrintNewPageFunc) (JpPrint *print, gpointer data);

JpPrintTable *jp_print_table_new     (JpPrint       *print,
                                      double         x,
                                      double         y,
                                      guint          n_columns,
                                      const double  *widths,
                                      double         size);
void          jp_print_table_free    (JpPrintTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPrintTable, jp_print_table_free)
void          jp_print_table_set_new_page (JpPrintTable       *table,
                                           JpPrintNewPageFunc  func,
                                           gpointer            data);
void          jp_print_table_set_header (JpPrintTable       *table,
                                         const char *const  *cells);
void          jp_print_table_set_align  (JpPrintTable *table,
                                         guint         column,
                                         JpAlign       align);
/* Column whose text (its first line) is shown again with "（续）" when a row continues on a
 * new page: the label of a long field. */
void          jp_print_table_set_label_column (JpPrintTable *table,
                                               guint         column);
/* Appends a row. `splittable`: a row taller than the space left is split between lines
 * (long text); otherwise it moves whole to the next page (unless taller than a page).
 * `min_height`: the row is at least this tall (room for a seal). Cells may be NULL. */
void          jp_print_table_add_row (JpPrintTable      *table,
                                      const char *const *cells,
                                      gboolean           splittable,
                                      double             min_height);
double        jp_print_table_get_y   (JpPrintTable *table);

/* ---- the documents (jp-print-forms.c, jp-print-meeting.c, jp-print-defence.c) ---- */
gboolean    jp_print_build_approval_form (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_summary_table (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_certificates  (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_ballot_papers (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_tally_report  (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_publicity     (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_ranking_report (JpPrint *print, const JpDocumentScope *scope,
                                           GError **error);
gboolean    jp_print_build_score_sheets  (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
gboolean    jp_print_build_defence_summary (JpPrint *print, const JpDocumentScope *scope,
                                            GError **error);
/* The ballot round of a ROUND scope: NOT_FOUND naming the id, SCOPE for a defence round. */
JpRound    *jp_print_scope_ballot_round  (JpPrint *print, const JpDocumentScope *scope,
                                          GError **error);
/* "行业组：稀土（XT）  第 1 轮" */
char       *jp_print_round_heading       (JpRound *round);
/* Sorts JpPublicityCandidate* by name in ICU's stroke order (zh@collation=stroke), stable. */
gboolean    jp_print_sort_by_strokes     (GPtrArray *candidates, GError **error);

/* Draws one approval form (used by the builder; tests call it with a crafted candidate). */
gboolean    jp_print_draw_approval_form  (JpPrint     *print,
                                          JpCandidate *candidate,
                                          GError     **error);
/* Draws the certificates of `candidates` (JpCandidate*), numbered from `first_number`. The
 * builder passes the recommended list; tests pass their own. */
gboolean    jp_print_draw_certificates   (JpPrint    *print,
                                          GPtrArray  *candidates,
                                          guint       first_number,
                                          GError    **error);
/* The certificate number prefix: options, else derived from the award ("包头工匠", 2023:
 * "BTGJ-2023"). Newly allocated. */
char       *jp_print_certificate_prefix  (JpPrint *print);

G_END_DECLS
