/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/widgets/jp-csv-chooser.h"

typedef struct {
  GWeakRef     owner;
  JpCsvChosen  chosen;
  gpointer     data;
} Pending;

static void
pending_free (Pending *p)
{
  g_weak_ref_clear (&p->owner);
  g_free (p);
}

static void
on_response (GtkFileChooserNative *chooser,
             int                   response,
             Pending              *p)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&p->owner);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (owner != NULL && file != NULL)
    {
      name = g_file_get_basename (file);
      if (g_file_load_contents (file, NULL, &data, &length, NULL, &error))
        p->chosen (owner, p->data, name, data, length, NULL);
      else
        p->chosen (owner, p->data, name, NULL, 0, error);
    }
  /* the reference taken when it was shown */
  g_object_unref (chooser);
}

void
jp_csv_chooser_open (GtkWidget   *owner,
                     const char  *title,
                     const char  *filter_name,
                     JpCsvChosen  chosen,
                     gpointer     data)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  Pending *p = g_new0 (Pending, 1);

  g_return_if_fail (GTK_IS_WIDGET (owner) && chosen != NULL);

  g_weak_ref_init (&p->owner, owner);
  p->chosen = chosen;
  p->data = data;
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response), p,
                         (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
