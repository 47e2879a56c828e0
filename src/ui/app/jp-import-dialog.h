/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "intake/jp-intake.h"

G_BEGIN_DECLS

#define JP_TYPE_IMPORT_DIALOG (jp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpImportDialog, jp_import_dialog, JP, IMPORT_DIALOG, AdwWindow)

/* A modal dialog showing an import's progress and then its report. */
JpImportDialog *jp_import_dialog_new          (GtkWindow  *parent,
                                               const char *title);
/* Cancelled by the dialog's Cancel button (borrowed). */
GCancellable   *jp_import_dialog_get_cancellable (JpImportDialog *self);
/* done/total known: "N / M" with the current dossier; total 0: pulses. */
void            jp_import_dialog_set_progress (JpImportDialog *self,
                                               guint           done,
                                               guint           total,
                                               const char     *current);
void            jp_import_dialog_pulse        (JpImportDialog *self);
void            jp_import_dialog_show_report  (JpImportDialog *self,
                                               JpImportReport *report);
void            jp_import_dialog_show_error   (JpImportDialog *self,
                                               const GError   *error);

/* for tests */
GtkListBox     *jp_import_dialog_get_entries_list (JpImportDialog *self);
const char     *jp_import_dialog_get_summary      (JpImportDialog *self);

G_END_DECLS
