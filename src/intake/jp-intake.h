/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>
#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_INTAKE_ERROR (jp_intake_error_quark ())
GQuark jp_intake_error_quark (void);

typedef enum {
  JP_INTAKE_ERROR_NOT_A_DOSSIER,  /* no dossier.ini where one is expected */
  JP_INTAKE_ERROR_UNSAFE_PATH,    /* a zip entry with "..", absolute path or link */
  JP_INTAKE_ERROR_MISSING_FILE,   /* a file named in dossier.ini is not there */
  JP_INTAKE_ERROR_BAD_FILE,       /* a file that cannot be read */
} JpIntakeError;

typedef enum {
  JP_IMPORT_ADDED,
  JP_IMPORT_UPDATED,
  JP_IMPORT_REJECTED,
} JpImportOutcome;

/* One dossier (or roster row) and what became of it. */
typedef struct {
  char            *source;     /* folder, "archive.zip:folder", or "roster.csv:line 7" */
  char            *name;       /* candidate name if known */
  char            *id_number;  /* if known */
  JpImportOutcome  outcome;
  char            *reason;     /* why rejected (NULL otherwise), names the file/line/field */
  GPtrArray       *findings;   /* JpFinding*: validation warnings/errors of the candidate
                                * as imported, and notes such as a new trade created */
} JpImportEntry;

typedef struct {
  GPtrArray *entries;          /* JpImportEntry* in the order processed */
  GPtrArray *problems;         /* JpFinding*: file-level problems (unknown columns, ...) */
  guint      added, updated, rejected;
} JpImportReport;

/* A new entry for `source` (copied) with an empty findings array; free with
 * jp_import_entry_free. */
JpImportEntry  *jp_import_entry_new   (const char     *source,
                                       JpImportOutcome outcome);
void            jp_import_entry_free  (JpImportEntry  *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpImportEntry, jp_import_entry_free)
/* Appends `entry` (taking ownership) and counts its outcome. */
void            jp_import_report_take_entry (JpImportReport *report,
                                             JpImportEntry  *entry);

JpImportReport *jp_import_report_new  (void);
void            jp_import_report_free (JpImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpImportReport, jp_import_report_free)
const char     *jp_import_outcome_to_key (JpImportOutcome outcome);   /* "added", ... */
const char     *jp_import_outcome_label  (JpImportOutcome outcome);   /* 新增, 更新, 拒绝 */
/* A multi-line human summary ("新增 3，更新 1，拒绝 2" + one line per rejection). */
char           *jp_import_report_to_text (JpImportReport *report);

/* Called after each dossier with (done, total, current source). */
typedef void (*JpProgressFunc) (guint done, guint total, const char *current, gpointer user_data);

/* Imports each path: a dossier folder (holding dossier.ini), a folder of dossier folders,
 * or a .zip of either. Each dossier is read and checked completely before it is saved in
 * one transaction; a rejected dossier leaves nothing behind and the others go on. Returns
 * NULL with an error only when no path could be read at all (e.g. it does not exist), or
 * G_IO_ERROR_CANCELLED when `cancellable` is cancelled (dossiers saved so far stay saved). */
JpImportReport *jp_intake_import_paths (JpStore            *store,
                                        const char * const *paths,
                                        const char         *actor,
                                        JpProgressFunc      progress,
                                        gpointer            user_data,
                                        GCancellable       *cancellable,
                                        GError            **error);

/* Imports a 候选人汇总表 CSV: each row creates or updates a candidate (matched by ID number,
 * else by name and unit). Fails (NULL) for a file that cannot be parsed at all: empty,
 * binary, wrong encoding, unclosed quote, no header; the message names the file and line. */
JpImportReport *jp_intake_import_roster (JpStore      *store,
                                         const char   *csv_path,
                                         const char   *actor,
                                         GCancellable *cancellable,
                                         GError      **error);

/* Runs jp_intake_import_paths in a worker thread (the store is opened anew there from its
 * path, so the caller's connection is never shared); `progress` is called in the caller's
 * main context. */
void            jp_intake_import_paths_async  (JpStore             *store,
                                               const char * const  *paths,
                                               const char          *actor,
                                               JpProgressFunc       progress,
                                               gpointer             progress_data,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
JpImportReport *jp_intake_import_paths_finish (JpStore       *store,
                                               GAsyncResult  *result,
                                               GError       **error);

G_END_DECLS
