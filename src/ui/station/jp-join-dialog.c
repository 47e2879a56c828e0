/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "meeting/jp-meeting-client.h"
#include "meeting/jp-meeting-tls.h"
#include "ui/app/jp-application.h"
#include "ui/station/jp-join-dialog.h"
#include "ui/station/jp-station-window.h"

struct _JpJoinDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *host_row;
  AdwEntryRow     *code_row;
  AdwEntryRow     *pin_row;
  GtkButton       *join_button;
  GtkLabel        *busy_label;
  GtkLabel        *error_label;
  GtkWidget       *fingerprint_box;
  GtkLabel        *fingerprint_prompt;
  GtkLabel        *fingerprint_label;

  GSettings       *settings;
  GCancellable    *cancellable;
  JpMeetingClient *client;       /* the login under way */
  char            *host_text;    /* the address as typed, for the messages */
  char            *unconfirmed;  /* the fingerprint the member is asked to compare, or NULL */
  char            *unconfirmed_host;   /* its "host:port" */
};

G_DEFINE_FINAL_TYPE (JpJoinDialog, jp_join_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_JOINED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
jp_join_parse_host (const char  *text,
                    char       **base_uri,
                    GError     **error)
{
  g_autofree char *host = NULL;
  g_autofree char *trimmed = NULL;
  const char *rest;
  const char *colon;
  guint64 port = JP_MEETING_DEFAULT_PORT;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (base_uri != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  rest = trimmed;
  /* whatever scheme is typed, the station speaks only HTTPS */
  if (g_ascii_strncasecmp (rest, "http://", 7) == 0)
    rest += 7;
  else if (g_ascii_strncasecmp (rest, "https://", 8) == 0)
    rest += 8;
  if (*rest == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Type the address of the host computer, for example "
                             "192.168.1.10:8765, as shown on the chair’s screen."));
      return FALSE;
    }

  if (*rest == '[')
    {
      const char *end = strchr (rest, ']');

      if (end == NULL)
        goto bad;
      host = g_strndup (rest, end - rest + 1);
      colon = end[1] == ':' ? end + 1 : NULL;
      if (end[1] != '\0' && colon == NULL)
        goto bad;
    }
  else
    {
      colon = strchr (rest, ':');
      host = colon != NULL ? g_strndup (rest, colon - rest) : g_strdup (rest);
      if (colon != NULL && strchr (colon + 1, ':') != NULL)
        goto bad;
    }
  if (*host == '\0' || strpbrk (host, "/ ?#@") != NULL)
    goto bad;
  if (colon != NULL)
    {
      const char *digits = colon + 1;
      g_autofree char *p = NULL;
      gsize len = strlen (digits);

      if (len > 0 && digits[len - 1] == '/')
        len--;
      p = g_strndup (digits, len);
      if (!g_ascii_string_to_unsigned (p, 10, 1, 65535, &port, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a valid port in the host address “%s”: use a number "
                         "from 1 to 65535, for example %d."), p, text,
                       JP_MEETING_DEFAULT_PORT);
          return FALSE;
        }
    }
  *base_uri = g_strdup_printf ("https://%s:%u", host, (guint) port);
  return TRUE;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a host address. Type it as shown on the chair’s screen, for "
                 "example 192.168.1.10:8765."), text);
  return FALSE;
}

/* The offline queue of one member at one host: a ballot queued for M02 must never be sent
 * with another member's token, nor to another host. */
static char *
queue_path_for (const char *base_uri,
                const char *member_code)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.json", strstr (base_uri, "://") + 3,
                                           member_code);

  g_strcanon (name, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.", '_');
  return g_build_filename (g_get_user_data_dir (), "jiangping", "station-queue", name, NULL);
}

static void
show_error (JpJoinDialog *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (JpJoinDialog *self,
          gboolean      busy)
{
  /* no spinner: its icon needs an SVG loader some installations lack */
  gtk_widget_set_visible (GTK_WIDGET (self->busy_label), busy);
  /* the entries stay sensitive: GTK 4.8 warns when a focused text turns insensitive, and
   * a second Join is ignored while one is under way anyway */
  gtk_widget_set_sensitive (GTK_WIDGET (self->join_button), !busy);
}

static void
show_fingerprint (JpJoinDialog *self,
                  const char   *fingerprint,
                  const char   *pinned)
{
  g_autofree char *prompt = NULL;

  g_clear_pointer (&self->unconfirmed, g_free);
  g_clear_pointer (&self->unconfirmed_host, g_free);
  gtk_widget_set_visible (self->fingerprint_box, fingerprint != NULL);
  if (fingerprint == NULL)
    return;
  self->unconfirmed = g_strdup (fingerprint);
  self->unconfirmed_host = g_strdup (self->host_text);
  if (pinned == NULL)
    prompt = g_strdup_printf (_("This is the first time this station joins the host at %s. "
                                "Check that the chair’s screen shows exactly this "
                                "fingerprint beside the address. If it does not, do not "
                                "go on: tell the chair."), self->host_text);
  else
    prompt = g_strdup_printf (_("Only if the chair’s screen now shows exactly this "
                                "fingerprint (the host has a new certificate, for example "
                                "for a new election) may this station trust it instead of "
                                "%s. Otherwise tell the chair."), pinned);
  gtk_label_set_text (self->fingerprint_prompt, prompt);
  gtk_label_set_text (self->fingerprint_label, fingerprint);
}

static char *
login_error_message (JpJoinDialog *self,
                     GError       *error,
                     const char   *reason)
{
  if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK))
    return g_strdup_printf (_("Cannot connect to the host computer at %s. Check the address "
                              "and the network."), self->host_text);
  if (g_strcmp0 (reason, "wrong-pin") == 0)
    return g_strdup (_("The member code or the PIN is wrong. Check both and try again."));
  if (g_strcmp0 (reason, "meeting-ended") == 0)
    return g_strdup (_("The meeting has ended; the host accepts no more logins."));
  /* locked out (the host says how long to wait) and anything else: the host's own words */
  return g_strdup (error->message);
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JpJoinDialog) self = user_data;
  JpMeetingClient *client = JP_MEETING_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) login = jp_meeting_client_login_finish (client, result, &error);
  g_autofree char *message = NULL;
  GtkWindow *parent;
  GtkApplication *app = NULL;
  JpStationWindow *station;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->client != client)
    return;
  set_busy (self, FALSE);
  if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE))
    {
      /* nothing was sent: the member compares the fingerprint with the chair's screen */
      const char *pinned = jp_meeting_client_get_pinned_fingerprint (client);

      show_error (self, pinned != NULL ? error->message : NULL);
      show_fingerprint (self, jp_meeting_client_get_host_fingerprint (client), pinned);
      g_clear_object (&self->client);
      return;
    }
  if (login == NULL)
    {
      message = login_error_message (self, error, jp_meeting_client_request_reason (result));
      show_error (self, message);
      g_clear_object (&self->client);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }

  g_settings_set_string (self->settings, "last-host", self->host_text);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    app = gtk_window_get_application (parent);
  if (app == NULL)
    app = gtk_window_get_application (GTK_WINDOW (self));
  station = jp_station_window_new (app, self->client);
  g_clear_object (&self->client);
  gtk_window_present (GTK_WINDOW (station));
  g_signal_emit (self, signals[SIGNAL_JOINED], 0, station);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The fingerprint this station trusts for self->host_text: the one the member confirmed
 * (pins.ini in the user's config dir), or, for the member window of the chair's own console,
 * the certificate of the meeting this program serves. */
static char *
trusted_fingerprint (JpJoinDialog  *self,
                     GError       **error)
{
  GApplication *app = g_application_get_default ();
  JpMeetingServer *local = JP_IS_APPLICATION (app)
                           ? jp_application_get_local_server (JP_APPLICATION (app)) : NULL;

  if (local != NULL && jp_meeting_server_get_fingerprint (local) != NULL)
    {
      g_autofree char *loopback = g_strdup_printf ("127.0.0.1:%u",
                                                   jp_meeting_server_get_port (local));
      g_autofree char *localhost = g_strdup_printf ("localhost:%u",
                                                    jp_meeting_server_get_port (local));

      if (g_str_equal (self->host_text, loopback) || g_str_equal (self->host_text, localhost))
        return g_strdup (jp_meeting_server_get_fingerprint (local));
    }
  return jp_meeting_pins_lookup (NULL, self->host_text, error);
}

void
jp_join_dialog_join (JpJoinDialog *self)
{
  g_autofree char *base_uri = NULL;
  g_autofree char *code = NULL;
  g_autofree char *queue = NULL;
  g_autofree char *pinned = NULL;
  g_autoptr(GError) error = NULL;
  const char *pin;

  g_return_if_fail (JP_IS_JOIN_DIALOG (self));

  if (self->client != NULL)
    return;
  if (!jp_join_parse_host (gtk_editable_get_text (GTK_EDITABLE (self->host_row)), &base_uri,
                           &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->host_row));
      return;
    }
  code = g_strstrip (g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->code_row)), -1));
  pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  if (*code == '\0')
    {
      show_error (self, _("Type your member code, for example M02."));
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      return;
    }
  if (*pin == '\0')
    {
      show_error (self, _("Type the PIN you were given with your member code."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }

  g_free (self->host_text);
  self->host_text = g_strdup (strstr (base_uri, "://") + 3);
  pinned = trusted_fingerprint (self, &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  queue = queue_path_for (base_uri, code);
  self->client = jp_meeting_client_new (base_uri, queue);
  jp_meeting_client_set_pinned_fingerprint (self->client, pinned);
  show_error (self, NULL);
  show_fingerprint (self, NULL, NULL);
  set_busy (self, TRUE);
  jp_meeting_client_login_async (self->client, code, pin, self->cancellable, login_done,
                                 g_object_ref (self));
}

static void
on_join_button_clicked (JpJoinDialog *self)
{
  jp_join_dialog_join (self);
}

void
jp_join_dialog_trust_fingerprint (JpJoinDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_JOIN_DIALOG (self));
  if (self->unconfirmed == NULL)
    return;
  if (!jp_meeting_pins_save (NULL, self->unconfirmed_host, self->unconfirmed, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_fingerprint (self, NULL, NULL);
  show_error (self, NULL);
  jp_join_dialog_join (self);
}

const char *
jp_join_dialog_get_unconfirmed_fingerprint (JpJoinDialog *self)
{
  g_return_val_if_fail (JP_IS_JOIN_DIALOG (self), NULL);
  return self->unconfirmed;
}

static void
on_trust_button_clicked (JpJoinDialog *self)
{
  jp_join_dialog_trust_fingerprint (self);
}

static void
on_cancel_button_clicked (JpJoinDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_row_entry_activated (JpJoinDialog *self,
                        AdwEntryRow  *row)
{
  if (row == self->host_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  else if (row == self->code_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
  else
    jp_join_dialog_join (self);
}

static void
jp_join_dialog_dispose (GObject *object)
{
  JpJoinDialog *self = JP_JOIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_JOIN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_pointer (&self->host_text, g_free);
  g_clear_pointer (&self->unconfirmed, g_free);
  g_clear_pointer (&self->unconfirmed_host, g_free);

  G_OBJECT_CLASS (jp_join_dialog_parent_class)->dispose (object);
}

static void
jp_join_dialog_class_init (JpJoinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_join_dialog_dispose;

  signals[SIGNAL_JOINED] =
    g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JP_TYPE_STATION_WINDOW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-join-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, join_button);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, fingerprint_box);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, fingerprint_prompt);
  gtk_widget_class_bind_template_child (widget_class, JpJoinDialog, fingerprint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_join_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_trust_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_join_dialog_init (JpJoinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->join_button));
}

GtkWidget *
jp_join_dialog_new (GtkWindow  *parent,
                    const char *host)
{
  JpJoinDialog *self;
  g_autofree char *last = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (JP_TYPE_JOIN_DIALOG, "transient-for", parent, NULL);
  if (host == NULL)
    host = last = g_settings_get_string (self->settings, "last-host");
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
  if (*host != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  return GTK_WIDGET (self);
}

GtkEditable *
jp_join_dialog_get_host_entry (JpJoinDialog *self)
{
  g_return_val_if_fail (JP_IS_JOIN_DIALOG (self), NULL);
  return GTK_EDITABLE (self->host_row);
}

GtkEditable *
jp_join_dialog_get_code_entry (JpJoinDialog *self)
{
  g_return_val_if_fail (JP_IS_JOIN_DIALOG (self), NULL);
  return GTK_EDITABLE (self->code_row);
}

GtkEditable *
jp_join_dialog_get_pin_entry (JpJoinDialog *self)
{
  g_return_val_if_fail (JP_IS_JOIN_DIALOG (self), NULL);
  return GTK_EDITABLE (self->pin_row);
}

gboolean
jp_join_dialog_is_busy (JpJoinDialog *self)
{
  g_return_val_if_fail (JP_IS_JOIN_DIALOG (self), FALSE);
  return self->client != NULL;
}

const char *
jp_join_dialog_get_error (JpJoinDialog *self)
{
  g_return_val_if_fail (JP_IS_JOIN_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
