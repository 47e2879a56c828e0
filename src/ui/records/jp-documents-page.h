/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "documents/jp-documents.h"
#include "evidence/jp-evidence-document.h"
#include "store/jp-store-export.h"

G_BEGIN_DECLS

#define JP_TYPE_DOCUMENTS_PAGE (jp_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (JpDocumentsPage, jp_documents_page, JP, DOCUMENTS_PAGE, AdwBin)

/* Returns: (transfer floating): the secretariat's documents stage (证书/打印): pick a
 * document and what it covers, generate it (with progress, cancellable), see it in the
 * evidence viewer, print it through the system dialog or save it as PDF; export the
 * candidate list and the ballot results for spreadsheets. Empty until a store is set. */
GtkWidget          *jp_documents_page_new       (void);

/* Shows `store` (a reference is kept; NULL clears and cancels a running generation). */
void                jp_documents_page_set_store (JpDocumentsPage *self,
                                                 JpStore         *store);
/* Reads the candidates, trades and rounds again (after a change elsewhere). */
void                jp_documents_page_reload    (JpDocumentsPage *self);

/* Chooses a document and its scope as the rows do (`id`: a candidate or round row id;
 * `trade`: a trade code or name); FALSE when the kind does not take the scope or the item
 * is not in the list. */
gboolean            jp_documents_page_select    (JpDocumentsPage     *self,
                                                 JpDocumentKind       kind,
                                                 JpDocumentScopeKind  scope,
                                                 gint64               id,
                                                 const char          *trade);
/* What the "Generate" button does: makes the chosen document in a worker thread and shows
 * it when done. */
void                jp_documents_page_generate  (JpDocumentsPage *self);
/* What the "Cancel" button does. */
void                jp_documents_page_cancel    (JpDocumentsPage *self);
/* TRUE while a document is being made. */
gboolean            jp_documents_page_is_busy   (JpDocumentsPage *self);
/* The document shown in the preview, NULL before one is made (borrowed). */
JpEvidenceDocument *jp_documents_page_get_document (JpDocumentsPage *self);
/* The line under the buttons: progress, the error, findings or what was saved. */
const char         *jp_documents_page_get_status   (JpDocumentsPage *self);

/* Prints the document shown: `action` GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG (what the
 * button does: asynchronous, errors shown) or ..._EXPORT with `export_path` (a PDF file,
 * synchronous). Every page is drawn as vectors by the evidence layer, at its own size when
 * the paper is the same and scaled to fit otherwise, landscape pages on landscape paper.
 * FALSE with `error` when nothing is shown or printing failed. */
gboolean            jp_documents_page_print     (JpDocumentsPage          *self,
                                                 GtkPrintOperationAction   action,
                                                 const char               *export_path,
                                                 GError                  **error);
/* Saves the document shown at `path` as the save dialog does (in a worker thread; the status
 * says when it is done or why not). */
void                jp_documents_page_save_to   (JpDocumentsPage *self,
                                                 const char      *path);
/* Exports `what` to `path` (.xlsx or .csv) as the export buttons do after their dialog (the
 * file is written in a worker thread; the status says when it is done or why not). */
void                jp_documents_page_export_to (JpDocumentsPage *self,
                                                 JpExportWhat     what,
                                                 const char      *path);
/* TRUE while a save or an export is being written. */
gboolean            jp_documents_page_is_writing (JpDocumentsPage *self);

G_END_DECLS
