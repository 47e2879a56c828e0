/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "documents/jp-export.h"
#include "ui/records/jp-documents-page-private.h"

/* The documents stage's output: printing the document shown through GtkPrintOperation,
 * saving it as PDF, exporting the spreadsheets (written in worker threads). */

/* ---- printing ---- */

static void
on_request_page_setup (GtkPrintOperation  *op,
                       GtkPrintContext    *context,
                       int                 page_nr,
                       GtkPageSetup       *setup,
                       JpEvidenceDocument *document)
{
  double w, h;

  if (page_nr >= jp_evidence_document_get_n_pages (document))
    return;
  jp_evidence_document_get_unrotated_page_size (document, page_nr, &w, &h);
  /* a landscape form (the summary table) goes on landscape paper, not shrunk onto portrait */
  gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                               : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page (GtkPrintOperation  *op,
              GtkPrintContext    *context,
              int                 page_nr,
              JpEvidenceDocument *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_w = gtk_print_context_get_width (context);
  double paper_h = gtk_print_context_get_height (context);
  double w, h, scale;
  g_autoptr(GError) error = NULL;

  jp_evidence_document_get_unrotated_page_size (document, page_nr, &w, &h);
  if (w <= 0 || h <= 0)
    return;
  /* the paper the form was made for prints at 100 %; other paper scales to fit, centred */
  scale = MIN (paper_w / w, paper_h / h);
  if (fabs (scale - 1.0) < 0.01)
    scale = 1.0;
  cairo_save (cr);
  cairo_translate (cr, (paper_w - w * scale) / 2, (paper_h - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (!jp_evidence_document_print_page (document, page_nr, cr, &error))
    g_warning ("%s", error->message);
  cairo_restore (cr);
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               JpDocumentsPage         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      jp_documents_page_set_status (self, error != NULL ? error->message : _("Printing failed."), TRUE);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    jp_documents_page_set_status (self, _("Sent to the printer."), FALSE);
}

gboolean
jp_documents_page_print (JpDocumentsPage          *self,
                         GtkPrintOperationAction   action,
                         const char               *export_path,
                         GError                  **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  GtkPrintOperationResult result;
  GtkRoot *root;
  double w, h;

  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL,
                        FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Generate the document first."));
      return FALSE;
    }
  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, self->title);
  gtk_print_operation_set_n_pages (op, jp_evidence_document_get_n_pages (self->document));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  /* the forms carry their own margins: the whole sheet is the page */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  jp_evidence_document_get_unrotated_page_size (self->document, 0, &w, &h);
  gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                               : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  g_signal_connect_object (op, "request-page-setup", G_CALLBACK (on_request_page_setup),
                           self->document, 0);
  g_signal_connect_object (op, "draw-page", G_CALLBACK (on_draw_page), self->document, 0);
  if (action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    gtk_print_operation_set_export_filename (op, export_path);
  else
    {
      gtk_print_operation_set_allow_async (op, TRUE);
      g_signal_connect_object (op, "done", G_CALLBACK (on_print_done), self, 0);
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (op, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  return TRUE;
}

static void
on_print_button_clicked (JpDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_documents_page_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    jp_documents_page_set_status (self, error->message, TRUE);
}

/* ---- saving and exporting (written in a worker thread) ---- */

typedef struct {
  GBytes  *bytes;     /* a PDF to save, or */
  JpSheet *sheet;     /* a table to export */
  char    *path;
  guint    rows;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->sheet, jp_sheet_free);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->bytes != NULL)
    ok = jp_export_write_bytes (job->bytes, job->path, &error);
  else
    {
      JpExportFormat format;

      ok = jp_export_format_for_path (job->path, &format, &error) &&
           jp_export_write (job->sheet, job->path, format, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_write_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JpDocumentsPage *self = JP_DOCUMENTS_PAGE (source);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->writing--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      jp_documents_page_set_status (self, error->message, TRUE);
      return;
    }
  if (job->sheet != NULL)
    text = g_strdup_printf (ngettext ("Saved “%s” (%u row).", "Saved “%s” (%u rows).",
                                      job->rows), job->path, job->rows);
  else
    text = g_strdup_printf (_("Saved “%s”."), job->path);
  jp_documents_page_set_status (self, text, FALSE);
}

static void
start_write (JpDocumentsPage *self,
             WriteJob        *job)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_write_done, NULL);

  self->writing++;
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

void
jp_documents_page_save_to (JpDocumentsPage *self,
                           const char      *path)
{
  WriteJob *job;

  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->pdf == NULL)
    return;
  job = g_new0 (WriteJob, 1);
  job->bytes = g_bytes_ref (self->pdf);
  job->path = g_strdup (path);
  start_write (self, job);
}

void
jp_documents_page_export_to (JpDocumentsPage *self,
                             JpExportWhat     what,
                             const char      *path)
{
  g_autoptr(GError) error = NULL;
  WriteJob *job;
  JpSheet *sheet;
  JpExportFormat format;

  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  if (!jp_export_format_for_path (path, &format, &error))
    {
      jp_documents_page_set_status (self, error->message, TRUE);
      return;
    }
  sheet = jp_store_export_sheet (self->store, what, &error);
  if (sheet == NULL)
    {
      jp_documents_page_set_status (self, error->message, TRUE);
      return;
    }
  job = g_new0 (WriteJob, 1);
  job->sheet = sheet;
  job->rows = sheet->rows->len;
  job->path = g_strdup (path);
  start_write (self, job);
}

gboolean
jp_documents_page_is_writing (JpDocumentsPage *self)
{
  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), FALSE);

  return self->writing > 0;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     JpDocumentsPage *self)
{
  JpDocumentsChooseFor what = self->choose_for;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  if (what == JP_DOCUMENTS_CHOOSE_PDF)
    {
      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with;
        }
      jp_documents_page_save_to (self, path);
    }
  else
    {
      JpExportFormat format;

      /* no extension typed: the workbook */
      if (!jp_export_format_for_path (path, &format, NULL))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with;
        }
      jp_documents_page_export_to (self, what == JP_DOCUMENTS_CHOOSE_RESULTS ? JP_EXPORT_RESULTS
                                                                : JP_EXPORT_CANDIDATES, path);
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (JpDocumentsPage      *self,
             JpDocumentsChooseFor  what,
             const char           *title,
             const char           *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *safe = g_strdelimit (g_strdup (name), "/\\:", '-');

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), safe);
  if (what == JP_DOCUMENTS_CHOOSE_PDF)
    add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF documents"), "*.pdf");
  else
    {
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("Excel workbooks (.xlsx)"), "*.xlsx");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV files (.csv)"), "*.csv");
    }
  self->choose_for = what;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_save_button_clicked (JpDocumentsPage *self)
{
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  name = g_strconcat (self->title, ".pdf", NULL);
  choose_file (self, JP_DOCUMENTS_CHOOSE_PDF, _("Save the Document"), name);
}

static void
on_export_candidates_button_clicked (JpDocumentsPage *self)
{
  g_autofree char *name = g_strconcat (_("Candidate list"), ".xlsx", NULL);

  choose_file (self, JP_DOCUMENTS_CHOOSE_CANDIDATES, _("Export the Candidate List"), name);
}

static void
on_export_results_button_clicked (JpDocumentsPage *self)
{
  g_autofree char *name = g_strconcat (_("Ballot results"), ".xlsx", NULL);

  choose_file (self, JP_DOCUMENTS_CHOOSE_RESULTS, _("Export the Ballot Results"), name);
}

void
jp_documents_page_output_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_candidates_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_results_button_clicked);
}
