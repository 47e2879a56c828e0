/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-application.h"
#include "ui/station/jp-join-dialog.h"
#include "ui/widgets/jp-accessible.h"
#include "ui/widgets/jp-tooltip.h"
#include "ui/app/jp-window.h"

struct _JpApplication
{
  AdwApplication   parent_instance;

  JpMeetingServer *local_server;   /* the meeting this process serves, or NULL */
};

G_DEFINE_FINAL_TYPE (JpApplication, jp_application, ADW_TYPE_APPLICATION)

/* Every accelerator of the program, in one place (the shortcuts window mirrors it). */
static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit",                { "<Control>q", NULL } },
  { "win.new-election",        { "<Control>n", NULL } },
  { "win.open",                { "<Control>o", NULL } },
  { "win.close-election",      { "<Control>w", NULL } },
  { "win.import",              { "<Control>i", NULL } },
  { "win.find",                { "<Control>f", NULL } },
  { "win.show-help-overlay",   { "<Control>question", NULL } },
};

static void
jp_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  JpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Jiangping authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Jiangping"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Jiangping authors"),
                        "developers", developers,
                        "comments", _("Run the selection of outstanding craftsmen: dossiers, "
                                      "qualification review, ballots, defence scoring, ranking "
                                      "and certificates."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
jp_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* "Join a meeting" from the start screen: a member station of another computer's meeting. */
static void
jp_application_join_meeting (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (jp_join_dialog_new (parent, NULL)));
}

/* The host's member window: the same login as a station, over loopback to the meeting this
 * program serves (or localhost with the default port when none is running yet). */
static void
jp_application_member_window (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  JpMeetingServer *server = jp_application_get_local_server (JP_APPLICATION (user_data));
  g_autofree char *host = NULL;

  if (server != NULL && jp_meeting_server_get_port (server) > 0)
    host = g_strdup_printf ("127.0.0.1:%u", jp_meeting_server_get_port (server));
  else
    host = g_strdup ("localhost");
  gtk_window_present (GTK_WINDOW (jp_join_dialog_new (parent, host)));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = jp_application_about },
  { .name = "join-meeting", .activate = jp_application_join_meeting },
  { .name = "member-window", .activate = jp_application_member_window },
  { .name = "quit", .activate = jp_application_quit },
};

static void
jp_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (jp_application_parent_class)->startup (app);
  jp_tooltips_install ();
  jp_accessible_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accelerators[i].action,
                                           accelerators[i].accels);
}

static void
jp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Launching again opens another console window at the start page (a member window or a
   * second election beside the first); a window still on its start page is reused. */
  if (window == NULL || !JP_IS_WINDOW (window)
      || jp_window_get_store (JP_WINDOW (window)) != NULL)
    window = GTK_WINDOW (jp_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
}

static void
jp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      JpWindow *window = jp_window_new (GTK_APPLICATION (app));
      g_autofree char *path = g_file_get_path (files[i]);

      gtk_window_present (GTK_WINDOW (window));
      if (path != NULL)
        jp_window_load_file (window, path);
    }
}

static void
jp_application_dispose (GObject *object)
{
  JpApplication *self = JP_APPLICATION (object);

  g_clear_object (&self->local_server);
  G_OBJECT_CLASS (jp_application_parent_class)->dispose (object);
}

static void
jp_application_class_init (JpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = jp_application_dispose;
  app_class->startup = jp_application_startup;
  app_class->activate = jp_application_activate;
  app_class->open = jp_application_open;
}

static void
jp_application_init (JpApplication *self)
{
}

JpApplication *
jp_application_new (void)
{
  return g_object_new (JP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/cn/jiangping/Jiangping",
                       NULL);
}

void
jp_application_set_local_server (JpApplication   *self,
                                 JpMeetingServer *server)
{
  g_return_if_fail (JP_IS_APPLICATION (self));
  g_return_if_fail (server == NULL || JP_IS_MEETING_SERVER (server));

  g_set_object (&self->local_server, server);
}

JpMeetingServer *
jp_application_get_local_server (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);
  return self->local_server;
}
