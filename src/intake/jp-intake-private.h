/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-intake.h"

G_BEGIN_DECLS

/* A tree of files: a folder on disk (entries == NULL, paths are file names), or the
 * regular files of a zip read into memory (paths are '/'-separated entry names). */
typedef struct {
  GHashTable *entries;    /* char* path -> GBytes* */
  GHashTable *oversized;  /* char* path -> gint64* size: entries not kept, over the limit */
} JpTree;

void jp_tree_free (JpTree *tree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTree, jp_tree_free)

/* Reads the regular files of the zip at `path` into a new tree (see jp-intake-zip.c). */
JpTree    *jp_intake_read_zip       (const char  *path,
                                     GError     **error);
gboolean   jp_intake_zip_has_file   (JpTree     *tree,
                                     const char *prefix,
                                     const char *name);
GPtrArray *jp_intake_zip_child_dirs (JpTree     *tree,
                                     const char *prefix,
                                     guint      *n_files);

/* Resolves the candidate's trade (by name or code) to the stored one, and adds a note to
 * `notes` (JpFinding*) for a trade or unit the save will create. */
void jp_intake_note_new_trade_and_unit (JpStore     *store,
                                        JpCandidate *candidate,
                                        GPtrArray   *notes);

/* Saves `candidate` with `documents` (JpDocumentData*, or NULL to keep the stored ones) and
 * fills `entry`: outcome (or reason when the save fails), then the stored candidate's
 * validation findings followed by copies of `notes`. */
void jp_intake_save_into_entry         (JpStore       *store,
                                        JpCandidate   *candidate,
                                        GPtrArray     *documents,
                                        const char    *actor,
                                        GPtrArray     *notes,
                                        JpImportEntry *entry);

G_END_DECLS
