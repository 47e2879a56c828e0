/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-intake.h"

G_BEGIN_DECLS

/* A tree of files: a folder on disk (entries == NULL, paths are file names), or the
 * regular files of a zip unpacked one at a time into temporary files under `root` (paths
 * are '/'-separated entry names), so that memory does not grow with the archive. */
typedef struct {
  char   *file;   /* the temporary file holding the entry */
  gint64  size;
} JpTreeFile;

typedef struct {
  GHashTable *entries;    /* char* path -> JpTreeFile* */
  GHashTable *oversized;  /* char* path -> gint64* size: entries not kept, over the limit */
  char       *root;       /* temporary folder, removed with the tree */
} JpTree;

void jp_tree_free (JpTree *tree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTree, jp_tree_free)

/* What all the zips of one import may unpack to together (zip bombs). */
#define JP_IMPORT_MAX_UNPACKED_BYTES ((gint64) 2 * 1024 * 1024 * 1024)

/* Unpacks the regular files of the zip at `path` into a new tree (see jp-intake-zip.c).
 * `unpacked` counts the bytes unpacked by the import so far, across its zips. */
JpTree    *jp_intake_read_zip       (const char  *path,
                                     gint64      *unpacked,
                                     GError     **error);
gboolean   jp_intake_zip_has_file   (JpTree     *tree,
                                     const char *prefix,
                                     const char *name);
GPtrArray *jp_intake_zip_child_dirs (JpTree     *tree,
                                     const char *prefix,
                                     guint      *n_files);

/* Adds a warning to `notes` (JpFinding*) for each candidate of the same unit whose name is
 * one character away from the candidate's (jp_name_is_near). */
void jp_intake_note_near_names         (JpStore     *store,
                                        JpCandidate *candidate,
                                        GPtrArray   *notes);
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

/* jp-intake-tree.c: finding dossiers and reading their files */

/* One dossier to import, or a place that was found not to be one. */
typedef struct {
  JpTree *tree;     /* borrowed from the import's list of trees; NULL for the disk */
  char   *dir;      /* disk: the dossier folder; zip: the entry prefix ("" or "a/b/") */
  char   *label;    /* the entry's source */
  char   *reject;   /* non-NULL: reject with this reason without reading anything */
} JpJob;

void       jp_job_free                (JpJob       *job);
JpJob     *jp_job_new                 (JpTree      *tree,
                                       const char  *dir,
                                       const char  *label,
                                       const char  *reject);
/* TRUE when `rel` is a regular file of the dossier; its size in *size. */
gboolean   jp_intake_tree_stat        (JpJob       *job,
                                       const char  *rel,
                                       gint64      *size);
/* The bytes of the dossier's file `rel`, or NULL with `error` set. */
GBytes    *jp_intake_tree_read        (JpJob       *job,
                                       const char  *rel,
                                       GError     **error);
/* The regular files directly inside `subdir` ("" for the dossier folder itself), as paths
 * relative to the dossier ("photos/1.jpg"), sorted. */
GPtrArray *jp_intake_tree_list        (JpJob       *job,
                                       const char  *subdir);
/* The regular files anywhere below `subdir`, relative to the dossier, sorted. */
GPtrArray *jp_intake_tree_list_deep   (JpJob       *job,
                                       const char  *subdir);
/* The criterion a sub-folder of evidence/ names ("evidence/条件4/x.pdf" gives 4), or 0. */
int        jp_intake_folder_criterion (const char  *rel);
/* Expands one path into jobs. FALSE (with an error) when the path cannot be read at all. */
gboolean   jp_intake_discover_path    (const char  *path,
                                       gint64      *unpacked,
                                       GPtrArray   *trees,
                                       GPtrArray   *jobs,
                                       GError     **error);

G_END_DECLS
