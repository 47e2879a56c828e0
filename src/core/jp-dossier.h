/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-candidate.h"

G_BEGIN_DECLS

/* A file a dossier.ini refers to, before it is read. */
typedef struct {
  char      *path;          /* relative to the dossier folder, '/' separated */
  JpDocKind  kind;
  int        criterion;     /* 1..6 or 0 */
} JpDossierFile;

/* The parsed dossier.ini (see docs/dossier-format.md). */
typedef struct {
  JpCandidate *candidate;   /* form fields and nomination; summary/deeds not yet read */
  char        *summary_path;  /* default "summary.txt" */
  char        *deeds_path;    /* default "deeds.txt" */
  GPtrArray   *files;       /* JpDossierFile*: photos and tagged evidence listed in the ini */
  gboolean     photos_listed; /* FALSE: the reader takes every image at the top level */
  GPtrArray   *problems;    /* JpFinding*: unknown keys, bad values (naming ini key) */
} JpDossierIni;

void          jp_dossier_file_free (JpDossierFile *file);
void          jp_dossier_ini_free  (JpDossierIni *ini);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDossierIni, jp_dossier_ini_free)

/* Parses dossier.ini text. Fails (JP_CORE_ERROR, message naming `source_name` and the key)
 * when the text is not a key file, when [candidate] name or id_number is missing, or when a
 * path is absolute or contains "..". */
JpDossierIni *jp_dossier_ini_parse (const char *data,
                                    gsize       length,
                                    const char *source_name,
                                    GError    **error);

/* Writes the ini text for a candidate and its files (used by the demo and tests). */
char         *jp_dossier_ini_write (JpCandidate *candidate,
                                    GPtrArray   *files);

/* TRUE when `path` is relative, has no ".." component and no backslash/drive prefix. */
gboolean      jp_path_is_safe      (const char *path);

G_END_DECLS
