/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/app/jp-start-page.h"

#define RECENT_MAX 10

struct _JpStartPage
{
  AdwBin          parent_instance;

  GtkButton      *demo_button;
  GtkProgressBar *demo_progress;
  AdwPreferencesGroup *recent_group;
  GtkListBox     *recent_list;

  GSettings      *settings;
  GtkStringList  *recent;        /* the existing recent files, most recent first */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (JpStartPage, jp_start_page, ADW_TYPE_BIN)

enum {
  SIGNAL_OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jp_recent_files_add (GSettings  *settings,
                     const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < RECENT_MAX; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *) updated);
}

char *
jp_start_page_get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiangping", "demo.jiangping", NULL);
}

static GtkWidget *
create_recent_row (const char *path)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *title = g_markup_escape_text (basename, -1);
  g_autofree char *subtitle = g_markup_escape_text (dirname, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, path);
  return row;
}

/* Shows the recent files that still exist and forgets the others. */
static void
jp_start_page_load_recent (JpStartPage *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) kept_paths = NULL;
  GtkWidget *child;
  gboolean dropped = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  gtk_string_list_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                          NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        {
          dropped = TRUE;
          continue;
        }
      g_strv_builder_add (kept, paths[i]);
      gtk_string_list_append (self->recent, paths[i]);
      gtk_list_box_append (self->recent_list, create_recent_row (paths[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->recent)) > 0);

  if (dropped)
    {
      kept_paths = g_strv_builder_end (kept);
      /* re-enters through ::changed once, with nothing left to drop */
      g_settings_set_strv (self->settings, "recent-files", (const char * const *) kept_paths);
    }
}

static void
on_recent_list_row_activated (JpStartPage   *self,
                              GtkListBoxRow *row)
{
  /* the rows are the recent list's paths, in its order */
  int index = gtk_list_box_row_get_index (row);
  const char *path = index >= 0 ? gtk_string_list_get_string (self->recent, index) : NULL;

  if (path != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_FILE], 0, path);
}

/* ---- the demo election, created in a worker thread ---- */

typedef struct {
  JpStartPage *self;     /* owned */
  guint        done;
  guint        total;
} DemoProgress;

static gboolean
demo_progress_idle (gpointer data)
{
  DemoProgress *progress = data;
  g_autofree char *text = NULL;

  if (progress->total > 0)
    {
      gtk_progress_bar_set_fraction (progress->self->demo_progress,
                                     (double) progress->done / progress->total);
      text = g_strdup_printf (_("Creating the demo election: %u / %u"), progress->done,
                              progress->total);
      gtk_progress_bar_set_text (progress->self->demo_progress, text);
    }
  g_object_unref (progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  DemoProgress *progress = g_new0 (DemoProgress, 1);

  progress->self = g_object_ref (user_data);
  progress->done = done;
  progress->total = total;
  g_idle_add (demo_progress_idle, progress);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
demo_create_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  JpDemoOptions options = { JP_DEMO_DEFAULT_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };
  g_autoptr(JpStore) store = NULL;
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"), dir,
                               g_strerror (saved_errno));
      return;
    }

  /* build it under another name so an interrupted run never leaves a half demo behind */
  remove_database (partial);
  store = jp_demo_create (partial, &options, demo_progress_cb, source_object, &error);
  if (store == NULL)
    {
      remove_database (partial);
      g_task_return_error (task, error);
      return;
    }
  g_clear_object (&store);

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not move the demo election to “%s”: %s"), path,
                               g_strerror (saved_errno));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
demo_create_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JpStartPage *self = JP_START_PAGE (object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       _("Could Not Create the Demo Election"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_OPEN_FILE], 0, path);
}

static void
on_demo_button_clicked (JpStartPage *self)
{
  g_autofree char *path = jp_start_page_get_demo_path ();
  g_autoptr(GTask) task = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_signal_emit (self, signals[SIGNAL_OPEN_FILE], 0, path);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->demo_button), FALSE);
  gtk_progress_bar_set_fraction (self->demo_progress, 0);
  gtk_progress_bar_set_text (self->demo_progress, _("Creating the demo election…"));
  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), TRUE);

  task = g_task_new (self, self->cancellable, demo_create_done, NULL);
  g_task_set_source_tag (task, on_demo_button_clicked);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, demo_create_thread);
}

static void
jp_start_page_dispose (GObject *object)
{
  JpStartPage *self = JP_START_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_START_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jp_start_page_parent_class)->dispose (object);
}

static void
jp_start_page_class_init (JpStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_start_page_dispose;

  signals[SIGNAL_OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpStartPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, JpStartPage, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, JpStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, JpStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated);
}

static void
jp_start_page_init (JpStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->recent = gtk_string_list_new (NULL);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (jp_start_page_load_recent), self, G_CONNECT_SWAPPED);
  jp_start_page_load_recent (self);
}

GtkWidget *
jp_start_page_new (void)
{
  return g_object_new (JP_TYPE_START_PAGE, NULL);
}

GListModel *
jp_start_page_get_recent_model (JpStartPage *self)
{
  g_return_val_if_fail (JP_IS_START_PAGE (self), NULL);

  return G_LIST_MODEL (self->recent);
}
