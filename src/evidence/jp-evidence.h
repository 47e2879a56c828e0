/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JP_EVIDENCE_ERROR (jp_evidence_error_quark ())
GQuark jp_evidence_error_quark (void);

typedef enum {
  JP_EVIDENCE_ERROR_EMPTY,       /* 0 bytes */
  JP_EVIDENCE_ERROR_UNSUPPORTED, /* not PDF, JPEG or PNG */
  JP_EVIDENCE_ERROR_CORRUPT,     /* poppler / image header cannot read it */
  JP_EVIDENCE_ERROR_ENCRYPTED,   /* password protected PDF */
  JP_EVIDENCE_ERROR_NO_PAGES,    /* a PDF with no pages */
  JP_EVIDENCE_ERROR_TOO_LARGE,   /* over the size limit for its kind */
} JpEvidenceError;

/* Size limits: a photo over 10 MB or an evidence file over 50 MB is refused at intake. */
#define JP_PHOTO_MAX_BYTES   (10 * 1024 * 1024)
#define JP_EVIDENCE_MAX_BYTES (50 * 1024 * 1024)

typedef struct {
  const char *mime;     /* static: "application/pdf", "image/jpeg", "image/png" */
  int         pages;    /* PDF pages, 1 for images */
  int         width;    /* images: pixels; PDFs: first page in points */
  int         height;
} JpEvidenceInfo;

/* Identifies and checks a file's bytes: the type from its magic bytes (not its name); PDFs
 * opened with poppler (page count, encrypted, corrupt), images by their header (size).
 * `filename` is only used in error messages, which name it and say what to do. */
gboolean jp_evidence_probe (GBytes         *data,
                            const char     *filename,
                            JpEvidenceInfo *info,
                            GError        **error);

/* Lowercase hex SHA-256 of the bytes, newly allocated. */
char    *jp_evidence_sha256 (GBytes *data);

G_END_DECLS
