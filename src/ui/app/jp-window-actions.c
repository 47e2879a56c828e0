/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-new-election-dialog.h"
#include "ui/app/jp-window-private.h"

static GtkFileFilter *
election_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Jiangping Elections"));
  gtk_file_filter_add_suffix (filter, "jiangping");
  gtk_file_filter_add_mime_type (filter, "application/x-jiangping");
  return filter;
}

static void
on_open_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          JpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      jp_window_chooser_save_folder (self, GTK_FILE_CHOOSER (chooser));
      if (path != NULL)
        jp_window_load_file (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
jp_window_action_open (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) elections = election_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Election"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), elections);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  jp_window_chooser_restore_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- new election: settings dialog, then where to save it ---- */

/* `request`'s data is the new election waiting for its file name. */
static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          JpWindowRequest *request)
{
  g_autoptr(JpWindow) self = jp_window_request_get_window (request);
  JpElection *election = request->data;

  if (response == GTK_RESPONSE_ACCEPT && self != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(JpStore) store = NULL;
      g_autoptr(GError) error = NULL;

      jp_window_chooser_save_folder (self, GTK_FILE_CHOOSER (chooser));
      if (path != NULL && !g_str_has_suffix (path, ".jiangping"))
        {
          char *with_suffix = g_strconcat (path, ".jiangping", NULL);

          g_free (path);
          path = with_suffix;
        }

      if (path != NULL)
        {
          store = jp_store_create (path, election, &error);
          if (store == NULL)
            jp_window_show_error (self, _("Could Not Create the Election"), error->message);
          else
            jp_window_set_store (self, store);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_new_election_response (JpNewElectionDialog *dialog,
                          const char          *response,
                          JpWindow            *self)
{
  g_autoptr(JpElection) election = NULL;
  g_autofree char *name = NULL;
  g_autofree char *safe_title = NULL;
  g_autoptr(GtkFileFilter) elections = election_filter ();
  GtkFileChooserNative *chooser;

  if (g_strcmp0 (response, "create") != 0)
    return;

  election = jp_new_election_dialog_get_election (dialog);
  /* a file name must not contain the path separator the title may hold */
  safe_title = g_strdup (election->title != NULL && *election->title
                         ? election->title : _("election"));
  g_strdelimit (safe_title, "/\\", '-');
  name = g_strdup_printf ("%s.jiangping", safe_title);

  chooser = gtk_file_chooser_native_new (_("Save the New Election"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), elections);
  jp_window_chooser_restore_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_save_chooser_response),
                         jp_window_request_new (self, 0, g_steal_pointer (&election),
                                                (GDestroyNotify) jp_election_free),
                         jp_window_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
jp_window_action_new_election (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpNewElectionDialog *dialog = jp_new_election_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_election_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jp_window_action_close_election (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  jp_window_close_election (JP_WINDOW (widget));
}

static void
jp_window_action_import (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (g_str_equal (action_name, "win.import"))
    gtk_menu_button_popup (self->import_button);
  else if (g_str_equal (action_name, "win.import-folder"))
    jp_window_import_folder (self);
  else if (g_str_equal (action_name, "win.import-zip"))
    jp_window_import_zip (self);
  else if (g_str_equal (action_name, "win.import-roster"))
    jp_window_import_roster (self);
}

static void
jp_window_action_find (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, 0));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  jp_candidate_list_focus_search (self->candidate_list);
}

static void
jp_window_action_operator (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  jp_window_ask_operator (JP_WINDOW (widget));
}

/* The 打印 entries where a document belongs (a candidate's dossier, a closed round):
 * ("approval-form", candidate id), ("tally-report", round id), ... Opens the documents stage
 * on that document and generates it. */
static void
jp_window_action_print_document (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpDocumentsPage *page;
  JpDocumentScopeKind scope;
  JpDocumentKind kind;
  const char *key;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &key, &id);
  if (self->store == NULL || !jp_document_kind_from_key (key, &kind))
    return;
  scope = jp_document_kind_accepts_scope (kind, JP_DOCUMENT_SCOPE_ROUND)
          ? JP_DOCUMENT_SCOPE_ROUND : JP_DOCUMENT_SCOPE_CANDIDATE;
  jp_window_show_stage (self, "documents");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  page = jp_window_get_documents_page (self);
  if (jp_documents_page_select (page, kind, scope, id, NULL))
    jp_documents_page_generate (page);
}

static void
jp_window_action_restore_backup (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  jp_window_restore_backup (JP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Actions that need an open election are disabled on the start screen. */
void
jp_window_update_actions (JpWindow *self)
{
  static const char * const election_actions[] = {
    "win.close-election", "win.import", "win.import-folder", "win.import-zip",
    "win.import-roster", "win.find", "win.print-document", "win.restore-backup",
  };
  gboolean has_store = self->store != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (election_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), election_actions[i], has_store);
}

void
jp_window_class_actions_init (JpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-election", NULL,
                                   jp_window_action_new_election);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, jp_window_action_open);
  gtk_widget_class_install_action (widget_class, "win.close-election", NULL,
                                   jp_window_action_close_election);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, jp_window_action_import);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL,
                                   jp_window_action_import);
  gtk_widget_class_install_action (widget_class, "win.import-zip", NULL,
                                   jp_window_action_import);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL,
                                   jp_window_action_import);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, jp_window_action_find);
  gtk_widget_class_install_action (widget_class, "win.operator", NULL,
                                   jp_window_action_operator);
  gtk_widget_class_install_action (widget_class, "win.print-document", "(sx)",
                                   jp_window_action_print_document);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", "s",
                                   jp_window_action_restore_backup);
}
