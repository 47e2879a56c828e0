/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/station/jp-station-defence.h"
#include "ui/station/jp-station-dossier.h"
#include "ui/station/jp-station-window.h"
#include "ui/app/jp-window.h"
#include "ui/widgets/jp-accessible.h"
#include "ui/widgets/jp-tooltip.h"

/* How often the window looks at the client's offline queue: the client flushes it by
 * itself after a reconnect and says nothing, so the count in the header is polled. */
#define QUEUE_POLL_MS 400

struct _JpStationWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkImage        *connection_icon;
  GtkLabel        *connection_label;
  GtkStack        *stack;
  GtkStack        *rounds_stack;
  GtkListBox      *rounds_list;
  AdwStatusPage   *rounds_error_page;
  AdwBin          *ballot_bin;
  AdwBin          *dossier_bin;
  JpEvidenceViewer *viewer;
  JpStationDefence *defence;       /* the defence's score sheet: page "defence" */

  JpMeetingClient *client;
  GCancellable    *cancellable;
  GPtrArray       *rounds;         /* JpRemoteRound*: the open rounds of GET /state */
  GHashTable      *ballots;        /* round id (gint64*) -> JpStationBallot (kept, so a
                                    * queued ballot is not cast twice) */
  gint64           ballot_round;   /* round of the ballot shown, 0 if none */
  gint64           opened_round;   /* a round_opened event not yet matched with GET /state */
  GHashTable      *round_titles;   /* round id (gint64*) -> "稀土, 第 1 轮" of every round
                                    * listed, to name it after it closed */
  GtkWindow       *refusal_dialog; /* weak: the last "Ballot Not Accepted" */
  guint            poll_source;
  guint            last_queued;
  gboolean         ever_connected;
  gboolean         ready;
  gboolean         refreshing;
  gboolean         refresh_again;
  gboolean         ended;
};

G_DEFINE_FINAL_TYPE (JpStationWindow, jp_station_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  SIGNAL_MEETING_ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_state (JpStationWindow *self);

static void
update_connection (JpStationWindow *self)
{
  gboolean connected = jp_meeting_client_is_events_connected (self->client);
  guint n = jp_meeting_client_get_n_queued (self->client);
  const char *base;
  g_autofree char *text = NULL;

  if (self->ended)
    base = _("Meeting ended");
  else if (connected)
    base = _("Connected");
  else if (self->ever_connected)
    base = _("Reconnecting…");
  else
    base = _("Connecting…");
  if (n > 0)
    text = g_strdup_printf (ngettext ("%s · %u ballot waiting to be sent",
                                      "%s · %u ballots waiting to be sent", n), base, n);
  else
    text = g_strdup (base);
  gtk_label_set_text (self->connection_label, text);
  gtk_image_set_from_icon_name (self->connection_icon, connected ? "network-wired-symbolic"
                                                                 : "network-offline-symbolic");
  if (connected && n == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->connection_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->connection_icon), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->connection_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->connection_icon), "warning");
    }
}

static void
rebuild_rounds (JpStationWindow *self)
{
  GtkWidget *child;
  guint n = self->rounds != NULL ? self->rounds->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list))) != NULL)
    gtk_list_box_remove (self->rounds_list, child);

  for (guint i = 0; i < n; i++)
    {
      const JpRemoteRound *r = self->rounds->pdata[i];
      gint64 id = r->id;
      JpStationBallot *ballot = g_hash_table_lookup (self->ballots, &id);
      gboolean voted = r->voted;
      int max = r->max_choices;
      int seats = r->seats;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("%s, round %d"), r->trade_name, r->number);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *subtitle = NULL;
      const char *icon = "go-next-symbolic";

      g_hash_table_replace (self->round_titles, g_memdup2 (&id, sizeof id), g_strdup (title));

      if (voted)
        {
          subtitle = g_strdup (_("Voted: your ballot was received"));
          icon = "emblem-ok-symbolic";
        }
      else if (ballot != NULL &&
               jp_station_ballot_get_state (ballot) == JP_STATION_BALLOT_QUEUED)
        {
          subtitle = g_strdup (_("Saved; it will be sent automatically when the network is "
                                 "back"));
          icon = "network-offline-symbolic";
        }
      else
        subtitle = g_strdup_printf (ngettext ("Not voted yet · choose up to %d for %d seat",
                                              "Not voted yet · choose up to %d for %d seats",
                                              seats), max, seats);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("jp-ballot-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "station.open-round");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
      gtk_list_box_append (self->rounds_list, row);
    }
  gtk_stack_set_visible_child_name (self->rounds_stack, n > 0 ? "list" : "empty");
}

static void
update_page (JpStationWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "station.back",
                                 g_strcmp0 (page, "rounds") != 0);
  gtk_widget_set_visible (self->back_button, g_strcmp0 (page, "rounds") != 0);
}

static void
show_page (JpStationWindow *self,
           const char      *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_page (self);
}

/* Returns to the start screen with the host's words; the window then goes away. */
static void
meeting_ended (JpStationWindow *self,
               const char      *message)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *start = NULL;

  if (self->ended)
    return;
  self->ended = TRUE;
  g_cancellable_cancel (self->cancellable);
  jp_meeting_client_disconnect_events (self->client);
  update_connection (self);
  g_signal_emit (self, signals[SIGNAL_MEETING_ENDED], 0, message);

  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL;
       l = l->next)
    if (JP_IS_WINDOW (l->data))
      {
        start = l->data;
        break;
      }
  if (start == NULL)
    start = GTK_WINDOW (jp_window_new (app));
  gtk_window_present (start);
  jp_window_show_error (JP_WINDOW (start), _("The Meeting Has Ended"), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
state_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JpStationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRemoteState) state = jp_meeting_client_get_state_finish (
    JP_MEETING_CLIENT (source), result, &error);
  const char *reason = jp_meeting_client_request_reason (result);
  GHashTableIter iter;
  gpointer key, value;

  self->refreshing = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->ended)
    return;
  if (state == NULL)
    {
      if (g_strcmp0 (reason, "session-ended") == 0)
        meeting_ended (self, error->message);
      else if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL))
        {
          /* a reply this station cannot read: say so rather than show no rounds */
          adw_status_page_set_description (self->rounds_error_page, error->message);
          gtk_stack_set_visible_child_name (self->rounds_stack, "error");
        }
      /* a network failure: the header says reconnecting, and the reconnect refreshes */
      return;
    }
  if (state->stage == JP_REMOTE_STAGE_ENDED)
    {
      meeting_ended (self, _("The chair has ended the meeting. Thank you for your work."));
      return;
    }
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  self->rounds = g_ptr_array_ref (state->rounds);

  /* bring the kept ballots up to date: a queued one may have arrived, a round may have
   * closed while the events were cut off */
  g_hash_table_iter_init (&iter, self->ballots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const JpRemoteRound *r = jp_remote_rounds_find (self->rounds, *(gint64 *) key);

      if (r == NULL)
        jp_station_ballot_set_closed (value);
      else if (r->voted)
        jp_station_ballot_set_voted (value);
    }
  rebuild_rounds (self);
  /* a new round for this member while the ballot page still shows a finished one
   * (received, closed): show the new ballot instead of "Ballot received" */
  if (self->opened_round != 0)
    {
      gint64 id = self->opened_round;
      JpStationBallot *shown = g_hash_table_lookup (self->ballots, &self->ballot_round);

      self->opened_round = 0;
      if (jp_remote_rounds_find (self->rounds, id) != NULL && id != self->ballot_round
          && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "ballot") == 0
          && (shown == NULL
              || jp_station_ballot_get_state (shown) == JP_STATION_BALLOT_RECEIVED
              || jp_station_ballot_get_state (shown) == JP_STATION_BALLOT_CLOSED))
        jp_station_window_open_round (self, id);
    }
  self->ready = TRUE;
  if (self->refresh_again)
    {
      self->refresh_again = FALSE;
      refresh_state (self);
    }
}

static void
refresh_state (JpStationWindow *self)
{
  if (self->ended)
    return;
  if (self->refreshing)
    {
      self->refresh_again = TRUE;
      return;
    }
  self->refreshing = TRUE;
  self->ready = FALSE;
  jp_meeting_client_get_state_async (self->client, self->cancellable, state_loaded,
                                     g_object_ref (self));
}

static void
on_client_event (JpStationWindow *self,
                 const char      *type,
                 JsonNode        *data)
{
  gboolean round_event = g_str_equal (type, "round_opened") || g_str_equal (type, "round_closed");
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (round_event && !jp_remote_event_round_id (data, &id, &error))
    g_warning ("%s", error->message);   /* GET /state, read again below, says what changed */
  if (g_str_equal (type, "meeting_ended"))
    {
      meeting_ended (self, _("The chair has ended the meeting. Thank you for your work."));
      return;
    }
  if (g_str_equal (type, "round_closed") && id != 0)
    {
      JpStationBallot *ballot = g_hash_table_lookup (self->ballots, &id);

      if (ballot != NULL)
        jp_station_ballot_set_closed (ballot);
    }
  if (g_str_equal (type, "round_opened") && id != 0)
    self->opened_round = id;
  if (round_event || g_str_equal (type, "progress"))
    refresh_state (self);
}

/* A candidate to score (or to step out for) takes the screen from the list of rounds;
 * a ballot, a dossier or the evidence being read stay where they are. */
static void
on_defence_loaded (JpStationWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  JpScoreSheet *sheet = jp_station_defence_get_sheet (self->defence);

  if (g_strcmp0 (page, "rounds") == 0 &&
      g_strcmp0 (jp_score_sheet_get_page (sheet), "idle") != 0)
    show_page (self, "defence");
  else if (g_strcmp0 (page, "defence") == 0 &&
           jp_station_defence_get_round (self->defence) == 0)
    show_page (self, "rounds");
}

static void
on_client_events_connected (JpStationWindow *self,
                            gboolean         connected)
{
  if (connected)
    {
      self->ever_connected = TRUE;
      /* events may have been missed while cut off */
      refresh_state (self);
    }
  update_connection (self);
}

static gboolean
poll_queue (gpointer user_data)
{
  JpStationWindow *self = user_data;
  guint n = jp_meeting_client_get_n_queued (self->client);

  if (n != self->last_queued)
    {
      gboolean sent = n < self->last_queued;

      self->last_queued = n;
      update_connection (self);
      if (sent)
        refresh_state (self);
    }
  return G_SOURCE_CONTINUE;
}

/* A kept ballot, resent after a reconnect, that the host refused for good (the round was
 * closed while the station was cut off): it is no longer on the station, so the member is
 * told which round's ballot was not accepted and why, and the rounds are read again. */
static void
on_client_ballot_refused (JpStationWindow *self,
                          gint64           round_id,
                          const char      *message)
{
  const char *title = g_hash_table_lookup (self->round_titles, &round_id);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (title != NULL)
    body = g_strdup_printf (_("The ballot kept on this station for %s was sent again when the "
                              "connection came back, and the host did not accept it: %s"),
                            title, message);
  else
    body = g_strdup_printf (_("The ballot kept on this station for ballot round %lld was sent "
                              "again when the connection came back, and the host did not "
                              "accept it: %s"), (long long) round_id, message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Ballot Not Accepted"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_set_weak_pointer (&self->refusal_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  self->last_queued = jp_meeting_client_get_n_queued (self->client);
  update_connection (self);
  refresh_state (self);
}

static void
on_ballot_open_dossier (JpStationWindow *self,
                        const char      *code)
{
  jp_station_window_open_dossier (self, code);
}

/* A ballot sent, queued or refused: the queue count in the header changes now. */
static void
on_ballot_state_changed (JpStationWindow *self)
{
  self->last_queued = jp_meeting_client_get_n_queued (self->client);
  update_connection (self);
  rebuild_rounds (self);
}

static void
on_dossier_evidence_ready (JpStationWindow    *self,
                           JpEvidenceDocument *document)
{
  jp_evidence_viewer_set_document (self->viewer, document);
  /* fit width (up to 150 %, so more than the title shows), its pages beside it */
  jp_evidence_viewer_set_fit_mode (self->viewer, JP_EVIDENCE_FIT_WIDTH);
  jp_evidence_viewer_set_thumbnails_visible (self->viewer,
                                             jp_evidence_document_get_n_pages (document) > 1);
  show_page (self, "evidence");
}

void
jp_station_window_open_round (JpStationWindow *self,
                              gint64           round_id)
{
  JpStationBallot *ballot;

  g_return_if_fail (JP_IS_STATION_WINDOW (self));

  ballot = g_hash_table_lookup (self->ballots, &round_id);
  if (ballot == NULL || jp_station_ballot_get_state (ballot) == JP_STATION_BALLOT_FAILED)
    {
      ballot = JP_STATION_BALLOT (jp_station_ballot_new (self->client, round_id));
      g_signal_connect_object (ballot, "open-dossier", G_CALLBACK (on_ballot_open_dossier),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ballot, "state-changed", G_CALLBACK (on_ballot_state_changed),
                               self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->ballots, g_memdup2 (&round_id, sizeof round_id),
                           g_object_ref_sink (ballot));
    }
  self->ballot_round = round_id;
  adw_bin_set_child (self->ballot_bin, GTK_WIDGET (ballot));
  show_page (self, "ballot");
}

void
jp_station_window_open_dossier (JpStationWindow *self,
                                const char      *code)
{
  GtkWidget *dossier;

  g_return_if_fail (JP_IS_STATION_WINDOW (self));
  g_return_if_fail (code != NULL);

  dossier = jp_station_dossier_new (self->client, code);
  g_signal_connect_object (dossier, "evidence-ready", G_CALLBACK (on_dossier_evidence_ready),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->dossier_bin, dossier);
  show_page (self, "dossier");
}

void
jp_station_window_go_back (JpStationWindow *self)
{
  const char *page;

  g_return_if_fail (JP_IS_STATION_WINDOW (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "evidence") == 0)
    {
      jp_evidence_viewer_set_document (self->viewer, NULL);
      show_page (self, "dossier");
    }
  else if (g_strcmp0 (page, "dossier") == 0 && adw_bin_get_child (self->ballot_bin) != NULL)
    show_page (self, "ballot");
  else
    show_page (self, "rounds");
}

static void
logged_out (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(JpStationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *start = NULL;

  /* the client has forgotten its token whatever the host answered: back to the start */
  if (!jp_meeting_client_logout_finish (JP_MEETING_CLIENT (source), result, &error))
    g_message ("log-out: %s", error->message);
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL;
       l = l->next)
    if (JP_IS_WINDOW (l->data))
      {
        start = l->data;
        break;
      }
  if (app != NULL && start == NULL)
    start = GTK_WINDOW (jp_window_new (app));
  if (start != NULL)
    gtk_window_present (start);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
jp_station_window_log_out (JpStationWindow *self)
{
  g_return_if_fail (JP_IS_STATION_WINDOW (self));

  if (self->ended)
    return;
  self->ended = TRUE;
  g_cancellable_cancel (self->cancellable);
  jp_meeting_client_disconnect_events (self->client);
  update_connection (self);
  jp_meeting_client_logout_async (self->client, NULL, logged_out, g_object_ref (self));
}

static void
action_log_out (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  jp_station_window_log_out (JP_STATION_WINDOW (widget));
}

static void
action_back (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  jp_station_window_go_back (JP_STATION_WINDOW (widget));
}

/* station.open-round(x): a row of the round list opens its round's ballot */
static void
action_open_round (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  gint64 id = g_variant_get_int64 (param);

  if (id > 0)
    jp_station_window_open_round (JP_STATION_WINDOW (widget), id);
}

static void
jp_station_window_dispose (GObject *object)
{
  JpStationWindow *self = JP_STATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      jp_meeting_client_disconnect_events (self->client);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_STATION_WINDOW);
  g_clear_pointer (&self->ballots, g_hash_table_unref);
  g_clear_pointer (&self->round_titles, g_hash_table_unref);
  g_clear_weak_pointer (&self->refusal_dialog);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jp_station_window_parent_class)->dispose (object);
}

static void
jp_station_window_class_init (JpStationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  /* tooltips as wide as their Chinese text, every control named for a screen reader (also
   * when no JpApplication runs) */
  jp_tooltips_install ();
  jp_accessible_install ();

  object_class->dispose = jp_station_window_dispose;

  signals[SIGNAL_MEETING_ENDED] =
    g_signal_new ("meeting-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (JP_TYPE_EVIDENCE_VIEWER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-station-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, rounds_stack);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, rounds_error_page);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, ballot_bin);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, dossier_bin);
  gtk_widget_class_bind_template_child (widget_class, JpStationWindow, viewer);

  gtk_widget_class_install_action (widget_class, "station.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "station.open-round", "x", action_open_round);
  gtk_widget_class_install_action (widget_class, "station.log-out", NULL, action_log_out);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "station.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "station.back", NULL);
}

static void
jp_station_window_init (JpStationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->ballots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->round_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  update_page (self);
}

JpStationWindow *
jp_station_window_new (GtkApplication  *app,
                       JpMeetingClient *client)
{
  JpStationWindow *self;
  const JpRemoteLogin *login;
  g_autofree char *title = NULL;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (client), NULL);
  login = jp_meeting_client_get_login (client);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (JP_TYPE_STATION_WINDOW, "application", app, NULL);
  self->client = g_object_ref (client);

  title = g_strdup_printf (_("%s (%s)"), login->member_name, login->member_code);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, login->election_title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  g_signal_connect_object (client, "event", G_CALLBACK (on_client_event), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "events-connected", G_CALLBACK (on_client_events_connected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "ballot-refused", G_CALLBACK (on_client_ballot_refused),
                           self, G_CONNECT_SWAPPED);
  self->defence = JP_STATION_DEFENCE (jp_station_defence_new (client));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->defence), "defence");
  g_signal_connect_object (self->defence, "loaded", G_CALLBACK (on_defence_loaded), self,
                           G_CONNECT_SWAPPED);
  self->last_queued = jp_meeting_client_get_n_queued (client);
  self->poll_source = g_timeout_add (QUEUE_POLL_MS, poll_queue, self);
  update_connection (self);
  rebuild_rounds (self);
  jp_meeting_client_connect_events (client);
  refresh_state (self);
  return self;
}

JpStationDefence *
jp_station_window_get_defence (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), NULL);
  return self->defence;
}

JpMeetingClient *
jp_station_window_get_client (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), NULL);
  return self->client;
}

guint
jp_station_window_get_n_rounds (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), 0);
  return self->rounds != NULL ? self->rounds->len : 0;
}

gint64
jp_station_window_get_round_id (JpStationWindow *self,
                                guint            index)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), 0);
  g_return_val_if_fail (index < jp_station_window_get_n_rounds (self), 0);
  return ((JpRemoteRound *) self->rounds->pdata[index])->id;
}

gboolean
jp_station_window_get_round_voted (JpStationWindow *self,
                                   gint64           round_id)
{
  const JpRemoteRound *r;

  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), FALSE);
  r = jp_remote_rounds_find (self->rounds, round_id);
  return r != NULL && r->voted;
}

gboolean
jp_station_window_is_ready (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), FALSE);
  return self->ready;
}

JpStationBallot *
jp_station_window_get_ballot (JpStationWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), NULL);
  child = adw_bin_get_child (self->ballot_bin);
  return child != NULL ? JP_STATION_BALLOT (child) : NULL;
}

const char *
jp_station_window_get_page (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
jp_station_window_get_connection_text (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), NULL);
  return gtk_label_get_text (self->connection_label);
}

gboolean
jp_station_window_is_ended (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), FALSE);
  return self->ended;
}

GtkWindow *
jp_station_window_get_refusal_dialog (JpStationWindow *self)
{
  g_return_val_if_fail (JP_IS_STATION_WINDOW (self), NULL);
  return self->refusal_dialog;
}
