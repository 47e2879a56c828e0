/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JP_DOCUMENTS_ERROR (jp_documents_error_quark ())
GQuark jp_documents_error_quark (void);

typedef enum {
  JP_DOCUMENTS_ERROR_NO_FONT,    /* no usable CJK TrueType font found */
  JP_DOCUMENTS_ERROR_FAILED,     /* libharu reported an error (message says which) */
  JP_DOCUMENTS_ERROR_SCOPE,      /* the document kind does not take this scope */
  JP_DOCUMENTS_ERROR_NOT_FOUND,  /* no such candidate, trade or round */
  JP_DOCUMENTS_ERROR_NOT_READY,  /* the stage the document reports on has not happened yet */
  JP_DOCUMENTS_ERROR_MISSING_GLYPH, /* a character no installed font has */
  JP_DOCUMENTS_ERROR_WRITE,      /* the output file cannot be written */
} JpDocumentsError;

typedef enum {
  JP_FONT_SONG,   /* body text: gbsn00lp.ttf, else uming.ttc */
  JP_FONT_KAI,    /* certificates: gkai00mp.ttf, else ukai.ttc */
} JpFontStyle;

/* Path of a TrueType font of that style that libharu can embed: $JP_FONT_SONG / $JP_FONT_KAI
 * if set, else Debian's arphic fonts. NULL with NO_FONT naming the packages to install. */
char   *jp_pdf_find_font (JpFontStyle style, GError **error);

/* A fictional evidence document for the demo: a certificate (荣誉证书), a patent
 * certificate (专利证书) or a skill competition award, `pages` pages long, whose text
 * carries the holder's name and unit, deterministic for the same arguments (no dates from
 * the clock). Returns the PDF bytes. */
typedef enum {
  JP_DEMO_DOC_HONOUR,
  JP_DEMO_DOC_PATENT,
  JP_DEMO_DOC_COMPETITION,
  JP_DEMO_DOC_NO_CRIMINAL_RECORD,
} JpDemoDocKind;

GBytes *jp_pdf_demo_evidence (JpDemoDocKind  kind,
                              const char    *holder_name,
                              const char    *holder_unit,
                              const char    *title,      /* e.g. the honour or patent title */
                              const char    *issuer,
                              int            year,
                              int            pages,
                              GError       **error);

G_END_DECLS
