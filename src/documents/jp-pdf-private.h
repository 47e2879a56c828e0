/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Internal API of the documents layer: every printed form is built on it. Only files of
 * src/documents include this header (it pulls in hpdf.h). All text arguments are UTF-8. */

#include <hpdf.h>
#include "jp-pdf.h"

G_BEGIN_DECLS

/* How text is handed to libharu.
 * UTF8: HPDF_UseUTFEncodings + the "UTF-8" encoder; any Unicode text, a ToUnicode map is
 *   written so poppler extracts the text. Costs about 80 ms per document and font because
 *   libharu 2.3.0 probes all 65536 code points against the font's cmap in HPDF_GetFont.
 * GB2312: the "GB-EUC-H" CMap encoder; about 10 ms per document, text must be in GB 2312
 *   (JP_DOCUMENTS_ERROR_FAILED otherwise); poppler extracts it through the Adobe-GB1
 *   collection (poppler-data). Meant for bulk generated text such as the demo. */
typedef enum {
  JP_PDF_TEXT_UTF8,
  JP_PDF_TEXT_GB2312,
} JpPdfTextEncoding;

#define JP_PDF_A4_WIDTH  595.276
#define JP_PDF_A4_HEIGHT 841.89

typedef struct _JpPdf JpPdf;

/* A new empty document, compressed, without clock-derived metadata, so the same drawing
 * calls give the same bytes. libharu errors are recorded as the document's first error
 * (see jp_pdf_check). */
JpPdf     *jp_pdf_new        (JpPdfTextEncoding encoding,
                              GError          **error);
void       jp_pdf_free       (JpPdf *pdf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPdf, jp_pdf_free)

HPDF_Doc   jp_pdf_get_doc    (JpPdf *pdf);

/* FALSE with the first error recorded (a libharu error, or text not representable in the
 * document's encoding); the error is copied, the record stays. */
gboolean   jp_pdf_check      (JpPdf   *pdf,
                              GError **error);

/* Saves `doc` and reads the bytes libharu wrote, for JpPdf and JpPrint alike. `doc_error` is
 * the owner's record of libharu's first error: an error there fails the save (copied, the
 * record stays), except the end of the stream, which libharu reports as one. */
GBytes    *jp_pdf_doc_save   (HPDF_Doc   doc,
                              GError   **doc_error,
                              GError   **error);

/* Loads (once per document and style) the CJK font of `style`, embedded. Borrowed handle,
 * valid until jp_pdf_free; NULL with NO_FONT or FAILED. */
HPDF_Font  jp_pdf_get_font   (JpPdf       *pdf,
                              JpFontStyle  style,
                              GError     **error);

/* Appends an A4 page, portrait or landscape. Borrowed handle. */
HPDF_Page  jp_pdf_add_page   (JpPdf    *pdf,
                              gboolean  landscape);

/* Width in points of `text` set in `font` at `size`, summed character by character. */
double     jp_pdf_measure    (JpPdf      *pdf,
                              HPDF_Font   font,
                              double      size,
                              const char *text);

/* Draws one line of text with its baseline at (x, y). */
void       jp_pdf_text       (JpPdf      *pdf,
                              HPDF_Page   page,
                              HPDF_Font   font,
                              double      size,
                              double      x,
                              double      y,
                              const char *text);

/* Draws one line rotated by `angle` radians (counter-clockwise) around its origin (x, y). */
void       jp_pdf_text_rotated (JpPdf      *pdf,
                                HPDF_Page   page,
                                HPDF_Font   font,
                                double      size,
                                double      x,
                                double      y,
                                double      angle,
                                const char *text);

/* Same as jp_pdf_text, centred on cx. */
void       jp_pdf_text_centered (JpPdf      *pdf,
                                 HPDF_Page   page,
                                 HPDF_Font   font,
                                 double      size,
                                 double      cx,
                                 double      y,
                                 const char *text);

/* Same, ending at right_x. */
void       jp_pdf_text_right (JpPdf      *pdf,
                              HPDF_Page   page,
                              HPDF_Font   font,
                              double      size,
                              double      right_x,
                              double      y,
                              const char *text);

/* Splits `text` into lines no wider than `width` with Chinese line breaking: a break may fall
 * between any two CJK characters, never inside a Latin word or number, never before closing
 * punctuation (，。、；：？！）」』》…) nor after opening punctuation (（「『《…); spaces at a
 * break are dropped; '\n' ends a paragraph. `first_indent` (points) indents the first line
 * of each paragraph. Characters are never cut. Returns a NULL-terminated array of lines. */
GStrv      jp_pdf_wrap       (JpPdf      *pdf,
                              HPDF_Font   font,
                              double      size,
                              double      width,
                              double      first_indent,
                              const char *text);

/* Draws `text` wrapped as by jp_pdf_wrap, first baseline at y_top - size, one line every
 * `leading` points, and returns the height used (lines x leading). Stops before going below
 * `y_min` and stores in *rest (if non-NULL) the unprinted remainder (NULL when everything
 * fitted), so long text can flow onto the next page. */
double     jp_pdf_paragraph  (JpPdf      *pdf,
                              HPDF_Page   page,
                              HPDF_Font   font,
                              double      size,
                              double      leading,
                              double      x,
                              double      y_top,
                              double      width,
                              double      first_indent,
                              double      y_min,
                              const char *text,
                              char      **rest);

/* The finished document. NULL with the first recorded error. */
GBytes    *jp_pdf_save       (JpPdf   *pdf,
                              GError **error);

/* What a libharu error status means, translated, static. */
const char *jp_pdf_error_meaning (HPDF_STATUS status);

/* TRUE if no line may start with `c` (closing punctuation). */
gboolean   jp_pdf_is_closing_punct (gunichar c);
/* TRUE if no line may end with `c` (opening punctuation). */
gboolean   jp_pdf_is_opening_punct (gunichar c);

G_END_DECLS
