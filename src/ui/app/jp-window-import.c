/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-import-dialog.h"
#include "ui/app/jp-operator.h"
#include "ui/app/jp-window-private.h"

/* Who the audit log names for imports made at this console. */
static const char *
import_actor (void)
{
  return jp_operator_get_actor ();
}

typedef struct {
  JpWindow       *window;   /* owned */
  JpImportDialog *dialog;   /* owned */
  guint           pulse_id;
} ImportOp;

static void
import_op_free (ImportOp *op)
{
  g_clear_handle_id (&op->pulse_id, g_source_remove);
  g_clear_object (&op->window);
  g_clear_object (&op->dialog);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportOp, import_op_free)

static ImportOp *
import_op_new (JpWindow   *self,
               const char *title)
{
  ImportOp *op = g_new0 (ImportOp, 1);

  op->window = g_object_ref (self);
  op->dialog = g_object_ref_sink (jp_import_dialog_new (GTK_WINDOW (self), title));
  gtk_window_present (GTK_WINDOW (op->dialog));
  return op;
}

static void
import_op_finish (ImportOp       *op,
                  JpImportReport *report,
                  const GError   *error)
{
  if (report != NULL)
    jp_import_dialog_show_report (op->dialog, report);
  else
    jp_import_dialog_show_error (op->dialog, error);
  /* the pages have followed the import's writes already (JpStore::changed) */
}

/* ---- dossier folders and zips ---- */

static void
on_paths_progress (guint       done,
                   guint       total,
                   const char *current,
                   gpointer    user_data)
{
  ImportOp *op = user_data;

  jp_import_dialog_set_progress (op->dialog, done, total, current);
}

static void
on_paths_imported (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ImportOp) op = user_data;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = jp_intake_import_paths_finish (JP_STORE (object), result, &error);
  import_op_finish (op, report, error);
}

void
jp_window_import_paths (JpWindow           *self,
                        const char * const *paths)
{
  ImportOp *op;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  op = import_op_new (self, _("Import Dossiers"));
  jp_import_dialog_set_progress (op->dialog, 0, g_strv_length ((char **) paths), paths[0]);
  jp_intake_import_paths_async (self->store, paths, import_actor (), on_paths_progress, op,
                                jp_import_dialog_get_cancellable (op->dialog),
                                on_paths_imported, op);
}

/* ---- the candidate summary table, in a worker thread on its own connection ---- */

static void
roster_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char **args = task_data;   /* store path, csv path, actor; the source is the window's store */
  g_autoptr(JpStore) store = NULL;
  JpImportReport *report;
  GError *error = NULL;

  store = jp_store_open (args[0], &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* the window's pages hear these writes on their own store, in the main thread */
  jp_store_forward_changes (store, source_object);
  report = jp_intake_import_roster (store, args[1], args[2], cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
}

static void
on_roster_imported (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ImportOp) op = user_data;
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  import_op_finish (op, report, error);
}

static gboolean
pulse_cb (gpointer user_data)
{
  ImportOp *op = user_data;

  jp_import_dialog_pulse (op->dialog);
  return G_SOURCE_CONTINUE;
}

void
jp_window_import_roster_file (JpWindow   *self,
                              const char *csv_path)
{
  ImportOp *op;
  g_autoptr(GTask) task = NULL;
  char **args;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (csv_path != NULL);

  op = import_op_new (self, _("Import Candidate Summary Table"));
  jp_import_dialog_set_progress (op->dialog, 0, 0, csv_path);
  op->pulse_id = g_timeout_add (120, pulse_cb, op);

  args = g_new0 (char *, 4);
  args[0] = g_strdup (jp_store_get_path (self->store));
  args[1] = g_strdup (csv_path);
  args[2] = g_strdup (import_actor ());
  task = g_task_new (self->store, jp_import_dialog_get_cancellable (op->dialog),
                     on_roster_imported, op);
  g_task_set_source_tag (task, jp_window_import_roster_file);
  g_task_set_task_data (task, args, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, roster_thread);
}

/* ---- choosing what to import ---- */

typedef enum {
  IMPORT_FOLDER,
  IMPORT_ZIP,
  IMPORT_ROSTER,
} ImportKind;

static void
on_import_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            JpWindowRequest *request)
{
  g_autoptr(JpWindow) self = jp_window_request_get_window (request);
  ImportKind kind = request->kind;

  if (response == GTK_RESPONSE_ACCEPT && self != NULL && self->store != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      jp_window_chooser_save_folder (self, GTK_FILE_CHOOSER (chooser));

      if (paths[0] != NULL)
        {
          if (kind == IMPORT_ROSTER)
            jp_window_import_roster_file (self, paths[0]);
          else
            jp_window_import_paths (self, (const char * const *) paths);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
run_import_chooser (JpWindow   *self,
                    ImportKind  kind)
{
  GtkFileChooserNative *chooser;
  GtkFileChooserAction action = kind == IMPORT_FOLDER ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                      : GTK_FILE_CHOOSER_ACTION_OPEN;
  const char *title = kind == IMPORT_FOLDER ? _("Import Dossier Folders")
                      : kind == IMPORT_ZIP ? _("Import Dossier Zip Files")
                      : _("Import Candidate Summary Table");

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), kind != IMPORT_ROSTER);

  if (kind != IMPORT_FOLDER)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      if (kind == IMPORT_ZIP)
        {
          gtk_file_filter_set_name (filter, _("Zip Archives"));
          gtk_file_filter_add_suffix (filter, "zip");
          gtk_file_filter_add_mime_type (filter, "application/zip");
        }
      else
        {
          gtk_file_filter_set_name (filter, _("CSV Tables"));
          gtk_file_filter_add_suffix (filter, "csv");
          gtk_file_filter_add_mime_type (filter, "text/csv");
        }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  jp_window_chooser_restore_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_import_chooser_response),
                         jp_window_request_new (self, kind, NULL, NULL), jp_window_request_free,
                         0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
jp_window_import_folder (JpWindow *self)
{
  run_import_chooser (self, IMPORT_FOLDER);
}

void
jp_window_import_zip (JpWindow *self)
{
  run_import_chooser (self, IMPORT_ZIP);
}

void
jp_window_import_roster (JpWindow *self)
{
  run_import_chooser (self, IMPORT_ROSTER);
}
