/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ui/app/jp-ui-error.h"
#include "ui/app/jp-window.h"

void
jp_ui_report_error (GtkWidget    *widget,
                    const char   *heading,
                    const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  if (heading == NULL)
    heading = _("Could Not Read the Election");
  root = gtk_widget_get_root (widget);
  if (JP_IS_WINDOW (root))
    {
      jp_window_show_error (JP_WINDOW (root), heading, error->message);
      return;
    }
  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
