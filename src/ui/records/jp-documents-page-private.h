/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "ui/records/jp-documents-page.h"
#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/widgets/jp-store-watch.h"

G_BEGIN_DECLS

/* What the file chooser was opened for. */
typedef enum {
  JP_DOCUMENTS_CHOOSE_PDF,
  JP_DOCUMENTS_CHOOSE_CANDIDATES,
  JP_DOCUMENTS_CHOOSE_RESULTS,
} JpDocumentsChooseFor;

/* One choice of the "Which" row: a candidate, a trade or a round. */
typedef struct {
  gint64  id;
  char   *trade;
} JpDocumentsItem;

struct _JpDocumentsPage
{
  AdwBin              parent_instance;

  /* template children */
  AdwComboRow        *kind_row;
  AdwComboRow        *scope_row;
  AdwComboRow        *item_row;
  GtkButton          *generate_button;
  GtkButton          *print_button;
  GtkButton          *save_button;
  GtkWidget          *progress_box;
  GtkProgressBar     *progress_bar;
  GtkLabel           *status_label;
  GtkStack           *preview_stack;
  JpEvidenceViewer   *viewer;
  GtkButton          *export_candidates_button;
  GtkButton          *export_results_button;

  JpStore            *store;
  JpStoreWatch       *watch;        /* JpStore::changed */
  GArray             *scopes;       /* JpDocumentScopeKind of each scope_row position */
  GPtrArray          *items;        /* JpDocumentsItem* of each item_row position */
  gboolean            filling;      /* rows are being refilled: ignore their signals */

  GCancellable       *cancellable;  /* the running generation, NULL when idle */
  char               *tmp_dir;      /* where generated documents are kept until replaced */
  guint               serial;
  char               *pdf_path;     /* the document shown (in tmp_dir) */
  char               *title;        /* its name, for the print job and the file name */
  GBytes             *pdf;
  JpEvidenceDocument *document;
  guint               writing;      /* saves and exports in flight */
  GtkFileChooserNative *chooser;
  JpDocumentsChooseFor  choose_for;
};

/* The line under the buttons; `is_error` shows it in the error colour. Safe after dispose. */
void jp_documents_page_set_status (JpDocumentsPage *self,
                                   const char      *text,
                                   gboolean         is_error);

/* jp-documents-page-output.c: printing, saving, exporting */
void jp_documents_page_output_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
