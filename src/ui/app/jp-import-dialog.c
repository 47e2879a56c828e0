/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-import-dialog.h"

struct _JpImportDialog
{
  AdwWindow       parent_instance;

  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkLabel       *progress_heading;
  GtkProgressBar *progress_bar;
  GtkLabel       *current_label;
  GtkButton      *cancel_button;
  GtkLabel       *summary_label;
  GtkListBox     *entries_list;
  GtkButton      *close_button;

  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (JpImportDialog, jp_import_dialog, ADW_TYPE_WINDOW)

static void
on_cancel_button_clicked (JpImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_label_set_text (self->current_label, _("Stopping after the current dossier…"));
}

static void
on_close_button_clicked (JpImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* The window may only be closed once the import has ended. */
static gboolean
jp_import_dialog_close_request (GtkWindow *window)
{
  JpImportDialog *self = JP_IMPORT_DIALOG (window);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "progress"))
    {
      on_cancel_button_clicked (self);
      return TRUE;
    }
  return FALSE;
}

static void
jp_import_dialog_dispose (GObject *object)
{
  JpImportDialog *self = JP_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jp_import_dialog_parent_class)->dispose (object);
}

static void
jp_import_dialog_class_init (JpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jp_import_dialog_dispose;
  window_class->close_request = jp_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, progress_heading);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, current_label);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, entries_list);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_import_dialog_init (JpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

JpImportDialog *
jp_import_dialog_new (GtkWindow  *parent,
                      const char *title)
{
  JpImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JP_TYPE_IMPORT_DIALOG, "transient-for", parent, "title", title, NULL);
  adw_window_title_set_title (self->window_title, title);
  return self;
}

GCancellable *
jp_import_dialog_get_cancellable (JpImportDialog *self)
{
  g_return_val_if_fail (JP_IS_IMPORT_DIALOG (self), NULL);

  return self->cancellable;
}

void
jp_import_dialog_set_progress (JpImportDialog *self,
                               guint           done,
                               guint           total,
                               const char     *current)
{
  g_autofree char *text = NULL;
  g_autofree char *basename = NULL;

  g_return_if_fail (JP_IS_IMPORT_DIALOG (self));

  if (total == 0)
    {
      jp_import_dialog_pulse (self);
      return;
    }

  text = g_strdup_printf ("%u / %u", done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (done, total) / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  if (current != NULL)
    {
      basename = g_path_get_basename (current);
      gtk_label_set_text (self->current_label, basename);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->current_label), current);
    }
}

void
jp_import_dialog_pulse (JpImportDialog *self)
{
  g_return_if_fail (JP_IS_IMPORT_DIALOG (self));

  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_pulse (self->progress_bar);
}

static GtkWidget *
create_entry_row (const JpImportEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *outcome = gtk_label_new (jp_import_outcome_label (entry->outcome));
  g_autofree char *title = g_markup_escape_text (entry->name != NULL && *entry->name
                                                 ? entry->name : entry->source, -1);
  g_autofree char *detail = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon;
  guint n_findings = entry->findings != NULL ? entry->findings->len : 0;

  switch (entry->outcome)
    {
    case JP_IMPORT_ADDED:
      icon = "list-add-symbolic";
      break;
    case JP_IMPORT_UPDATED:
      icon = "view-refresh-symbolic";
      break;
    case JP_IMPORT_REJECTED:
    default:
      icon = "dialog-error-symbolic";
      gtk_widget_add_css_class (outcome, "error");
      break;
    }

  if (entry->outcome == JP_IMPORT_REJECTED && entry->reason != NULL)
    detail = g_strdup_printf ("%s\n%s", entry->source, entry->reason);
  else if (n_findings > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u finding to check",
                                                          "%u findings to check",
                                                          n_findings), n_findings);
      detail = g_strdup_printf ("%s\n%s", entry->source, count);
    }
  else
    detail = g_strdup (entry->source);
  subtitle = g_markup_escape_text (detail, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);
  return row;
}

static GtkWidget *
create_problem_row (const JpFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (finding->message, -1);
  gboolean error = finding->severity == JP_SEVERITY_ERROR;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic"));
  return row;
}

void
jp_import_dialog_show_report (JpImportDialog *self,
                              JpImportReport *report)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (JP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (report != NULL);

  summary = g_strdup_printf (_("Added %u, updated %u, rejected %u"),
                             report->added, report->updated, report->rejected);
  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    gtk_list_box_append (self->entries_list,
                         create_problem_row (g_ptr_array_index (report->problems, i)));
  for (guint i = 0; report->entries != NULL && i < report->entries->len; i++)
    gtk_list_box_append (self->entries_list,
                         create_entry_row (g_ptr_array_index (report->entries, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->entries_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->entries_list)) != NULL);

  gtk_stack_set_visible_child_name (self->stack, "report");
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

void
jp_import_dialog_show_error (JpImportDialog *self,
                             const GError   *error)
{
  g_return_if_fail (JP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_text (self->summary_label, _("The import was cancelled."));
  else
    gtk_label_set_text (self->summary_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->entries_list), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "report");
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

GtkListBox *
jp_import_dialog_get_entries_list (JpImportDialog *self)
{
  return self->entries_list;
}

const char *
jp_import_dialog_get_summary (JpImportDialog *self)
{
  return gtk_label_get_text (self->summary_label);
}
