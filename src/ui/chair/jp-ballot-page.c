/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-resources.h"
#include "ui/chair/jp-ballot-page-private.h"
#include "store/jp-store-ranking.h"
#include "ui/app/jp-application.h"
#include "ui/app/jp-operator.h"
#include "ui/app/jp-window.h"
#include "ui/app/jp-window-private.h"

G_DEFINE_FINAL_TYPE (JpBallotPage, jp_ballot_page, ADW_TYPE_BIN)

void
jp_ballot_page_report (JpBallotPage *self,
                       const char   *heading,
                       const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  if (JP_IS_WINDOW (root))
    jp_window_show_error (JP_WINDOW (root), heading, error->message);
  else
    g_message ("%s: %s", heading, error->message);
}

/* ---- the meeting ---- */

static void
update_stations (JpBallotPage *self)
{
  guint n = self->server != NULL ? jp_meeting_server_get_n_stations (self->server) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u station connected",
                                                     "%u stations connected", n), n);

  gtk_label_set_text (self->stations_label, text);
}

/* The count of WebSockets has no signal of its own; once a second is plenty for a label. */
static gboolean
on_stations_timeout (gpointer user_data)
{
  update_stations (user_data);
  return G_SOURCE_CONTINUE;
}

/* Moves the focus out of `box` before it is disabled: a text field that loses
 * sensitivity while focused never gets its focus-out. */
void
jp_ballot_page_release_focus (JpBallotPage *self,
                              GtkWidget    *box,
                              GtkWidget    *to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == box || gtk_widget_is_ancestor (focus, box)))
    {
      if (to == NULL || !gtk_widget_grab_focus (to))
        gtk_root_set_focus (root, NULL);
    }
}

static void
update_meeting (JpBallotPage *self)
{
  gboolean hosted = self->server != NULL;

  gtk_widget_set_visible (self->hosted_box, hosted);
  if (hosted)
    jp_ballot_page_release_focus (self, self->host_box, GTK_WIDGET (self->end_button));
  gtk_widget_set_sensitive (self->host_box, !hosted && self->store != NULL);
  if (hosted)
    {
      g_autoptr(GPtrArray) addresses = jp_meeting_host_addresses ();
      g_autoptr(GString) where = g_string_new (NULL);
      g_autofree char *text = NULL;
      guint port = jp_meeting_server_get_port (self->server);

      for (guint i = 0; i < addresses->len; i++)
        {
          g_autofree char *ip = g_inet_address_to_string (addresses->pdata[i]);

          /* loopback is listed last and only useful when it is all there is */
          if (g_inet_address_get_is_loopback (addresses->pdata[i]) && where->len > 0)
            continue;
          g_string_append_printf (where, "%s%s:%u", where->len > 0 ? "  " : "", ip, port);
        }
      /* TRANSLATORS: %s is one or more host:port addresses */
      text = g_strdup_printf (_("Members, type on your voting computer: %s"), where->str);
      gtk_label_set_text (self->address_label, text);
      g_clear_pointer (&text, g_free);
      /* TRANSLATORS: %s is the host certificate's fingerprint, e.g. 7F3A-XC2K-QW5M-RT6P */
      text = g_strdup_printf (_("Check the fingerprint: %s"),
                              jp_meeting_server_get_fingerprint (self->server));
      gtk_label_set_text (self->fingerprint_label, text);
      if (self->projector != NULL)
        jp_projector_window_set_host (self->projector, where->str,
                                      jp_meeting_server_get_fingerprint (self->server));
      update_stations (self);
    }
}

/* Tells the application which meeting this program serves, so that its member window logs
 * in over loopback to the right port. */
static void
publish_local_server (JpBallotPage    *self,
                      JpMeetingServer *server)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  if (JP_IS_APPLICATION (app))
    jp_application_set_local_server (JP_APPLICATION (app), server);
}

gboolean
jp_ballot_page_host (JpBallotPage  *self,
                     guint          port,
                     GError       **error)
{
  g_autoptr(JpMeetingServer) server = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JP_IS_BALLOT_PAGE (self), FALSE);
  g_return_val_if_fail (self->service != NULL, FALSE);

  if (self->server != NULL)
    return TRUE;
  server = jp_meeting_server_new (self->service);
  if (!jp_meeting_server_listen (server, port, &local_error))
    {
      jp_ballot_page_report (self, _("Could Not Host the Meeting"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->server = g_steal_pointer (&server);
  self->stations_timeout = g_timeout_add_seconds (1, on_stations_timeout, self);
  publish_local_server (self, self->server);
  update_meeting (self);
  return TRUE;
}

static void
connect_service (JpBallotPage *self);

void
jp_ballot_page_end_meeting (JpBallotPage *self)
{
  g_return_if_fail (JP_IS_BALLOT_PAGE (self));

  if (self->service == NULL)
    return;
  g_clear_handle_id (&self->stations_timeout, g_source_remove);
  jp_meeting_service_end_meeting (self->service);
  if (self->server != NULL)
    jp_meeting_server_disconnect (self->server);
  g_clear_object (&self->server);
  publish_local_server (self, NULL);
  if (self->projector != NULL)
    gtk_window_destroy (GTK_WINDOW (self->projector));
  /* an ended service refuses logins for good: the next meeting gets a fresh one */
  g_clear_object (&self->service);
  if (self->store != NULL)
    connect_service (self);
  update_meeting (self);
}

static void
on_host_button_clicked (JpBallotPage *self)
{
  guint port = (guint) gtk_spin_button_get_value_as_int (self->port_spin);

  if (jp_ballot_page_host (self, port, NULL))
    g_settings_set_uint (self->settings, "meeting-port", port);
}

gboolean
jp_ballot_page_revoke_pins (JpBallotPage  *self,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JP_IS_BALLOT_PAGE (self), FALSE);
  g_return_val_if_fail (self->service != NULL, FALSE);

  if (!jp_meeting_service_revoke_pins (self->service, NULL, &local_error))
    {
      jp_ballot_page_report (self, _("Could Not Revoke the PINs"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
on_end_response (AdwMessageDialog *dialog,
                 const char       *response,
                 JpBallotPage     *self)
{
  GtkWidget *revoke = adw_message_dialog_get_extra_child (dialog);

  if (g_strcmp0 (response, "end") != 0)
    return;
  /* a failed revocation is shown; the meeting ends all the same */
  if (GTK_IS_CHECK_BUTTON (revoke) && gtk_check_button_get_active (GTK_CHECK_BUTTON (revoke)) &&
      self->service != NULL)
    jp_ballot_page_revoke_pins (self, NULL);
  jp_ballot_page_end_meeting (self);
}

static void
on_end_button_clicked (JpBallotPage *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("End the Meeting?"),
                                   _("Every station is logged out and cannot vote again in "
                                     "this meeting. Ballots already received are kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "end", _("_End the Meeting"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      gtk_check_button_new_with_mnemonic (
                                          _("Also _revoke every PIN (new PINs are needed for "
                                            "the next meeting)")));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the projector ---- */

static void
rebuild_monitors (JpBallotPage *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (monitors);

  gtk_string_list_append (names, _("In a window"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;
      g_autofree char *label = NULL;

      gdk_monitor_get_geometry (monitor, &geometry);
      label = g_strdup_printf (_("Screen %u: %s (%d × %d)"), i + 1,
                               gdk_monitor_get_model (monitor) != NULL
                               ? gdk_monitor_get_model (monitor) : _("unknown"),
                               geometry.width, geometry.height);
      gtk_string_list_append (names, label);
    }
  gtk_drop_down_set_model (self->monitor_dropdown, G_LIST_MODEL (names));
  /* a second screen is what the room sees: pick it when there is one */
  gtk_drop_down_set_selected (self->monitor_dropdown, n > 1 ? n : 0);
}

/* A projector opened after a restart (or opened again) shows the ranking the chair last
 * published, not a newer one the chair has not published yet, nor nothing. */
static void
show_last_published_ranking (JpBallotPage      *self,
                             JpProjectorWindow *projector)
{
  g_autoptr(JpRankingPublication) publication = NULL;
  g_autoptr(GError) error = NULL;

  publication = jp_store_ranking_last_published (self->store, &error);
  if (publication != NULL)
    jp_projector_window_show_ranking (projector, publication->ranking);
  else if (error != NULL)
    jp_ballot_page_report (self, _("The Last Publication of the Ranking Cannot Be Read"), error);
}

static void
on_projector_button_clicked (JpBallotPage *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint selected = gtk_drop_down_get_selected (self->monitor_dropdown);
  g_autoptr(GdkMonitor) monitor = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->service == NULL)
    return;
  if (self->projector == NULL)
    {
      JpProjectorWindow *projector = jp_projector_window_new (self->service);

      g_set_weak_pointer (&self->projector, projector);
      g_hash_table_iter_init (&iter, self->published);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        jp_projector_window_mark_published (projector, *(gint64 *) key);
      if (self->round_id != 0)
        jp_projector_window_set_round (projector, self->round_id);
      show_last_published_ranking (self, projector);
      update_meeting (self);
    }
  jp_projector_window_set_dark (self->projector, gtk_switch_get_active (self->dark_switch));
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    monitor = g_list_model_get_item (monitors, selected - 1);
  jp_projector_window_show_on (self->projector, monitor);
}

static void
on_dark_switch_notify_active (JpBallotPage *self)
{
  if (self->projector != NULL)
    jp_projector_window_set_dark (self->projector, gtk_switch_get_active (self->dark_switch));
}

/* ---- rounds ---- */

static void
on_setup_button_clicked (JpBallotPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (JP_IS_WINDOW (root))
    jp_window_show_stage (JP_WINDOW (root), "setup");
}

/* The trade's panel as the host counts it (jp_store_trade_panel_size); a failure is shown
 * and the count is 0. */
static int
panel_size (JpBallotPage *self,
            const char   *code,
            const char   *name)
{
  g_autoptr(GError) store_error = NULL;
  int n = 0;

  if (!jp_store_trade_panel_size (self->store, code != NULL ? code : name, &n, &store_error))
    jp_ballot_page_report (self, _("Could Not Read the Election"), store_error);
  return n;
}

/* The rule of new rounds (jp_round_may_open_new) for the selected trade: the host enforces
 * it; here the button only says what it will do. Sets `*why`; FALSE when nothing may open. */
static gboolean
selected_trade_case (JpBallotPage    *self,
                     JpNewRoundCase  *why,
                     char           **message)
{
  guint i = gtk_drop_down_get_selected (self->trade_dropdown);
  JpTradeRounds state;
  g_autoptr(GError) error = NULL;

  *why = JP_NEW_ROUND_FIRST;
  if (message != NULL)
    *message = NULL;
  if (self->store == NULL || self->trade_codes == NULL || i == GTK_INVALID_LIST_POSITION
      || i >= g_strv_length (self->trade_codes))
    return FALSE;
  if (!jp_store_trade_rounds (self->store, self->trade_codes[i], &state, &error)
      || !jp_round_may_open_new (&state, self->trade_codes[i], NULL, why, &error))
    {
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

static void
update_open_button (JpBallotPage *self)
{
  g_autofree char *message = NULL;
  JpNewRoundCase why;
  gboolean ok = selected_trade_case (self, &why, &message);
  gboolean with_reason = !ok && (why == JP_NEW_ROUND_REASON || why == JP_NEW_ROUND_RUNOFF_DUE);

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button),
                            ok || with_reason);
  gtk_button_set_label (self->open_button, with_reason ? _("_Open a New Round With a Reason…")
                        : why == JP_NEW_ROUND_REPEAT_VOID ? _("_Repeat the Void Round")
                        : _("_Open a Ballot Round"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), message);
  gtk_label_set_text (self->open_hint, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->open_hint), message != NULL);
}

static void
on_trade_dropdown_notify_selected (JpBallotPage *self)
{
  g_autoptr(GError) store_error = NULL;
  guint i = gtk_drop_down_get_selected (self->trade_dropdown);
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(JpSettings) settings = NULL;

  if (self->store == NULL || self->trade_codes == NULL || i == GTK_INVALID_LIST_POSITION
      || i >= g_strv_length (self->trade_codes))
    return;
  plan = jp_store_get_seat_plan (self->store, &store_error);
  if (plan == NULL && store_error != NULL)
    {
      jp_ballot_page_report (self, _("Could Not Read the Election"), store_error);
      g_clear_error (&store_error);
    }
  settings = jp_store_get_settings (self->store);
  for (guint r = 0; plan != NULL && r < plan->rows->len; r++)
    {
      const JpSeatRow *row = plan->rows->pdata[r];
      int present;

      if (g_strcmp0 (row->code, self->trade_codes[i]) != 0)
        continue;
      gtk_spin_button_set_value (self->seats_spin, MAX (1, row->seats));
      gtk_spin_button_set_value (self->choices_spin,
                                 jp_round_default_max_choices (settings->max_choices,
                                                               MAX (1, row->seats)));
      present = panel_size (self, row->code, row->name);
      gtk_spin_button_set_value (self->present_spin, MAX (1, present));
    }
  update_open_button (self);
}

static void
rebuild_trades (JpBallotPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->trade_codes, g_strfreev);
  if (self->store != NULL)
    plan = jp_store_get_seat_plan (self->store, &store_error);
  if (plan == NULL && store_error != NULL)
    {
      jp_ballot_page_report (self, _("Could Not Read the Election"), store_error);
      g_clear_error (&store_error);
    }
  for (guint r = 0; plan != NULL && r < plan->rows->len; r++)
    {
      const JpSeatRow *row = plan->rows->pdata[r];
      g_autofree char *label = NULL;

      if (row->code == NULL || row->qualified == 0)
        continue;
      label = g_strdup_printf ("%s (%s)", row->name, row->code);
      g_strv_builder_add (codes, row->code);
      gtk_string_list_append (names, label);
    }
  self->trade_codes = g_strv_builder_end (codes);
  gtk_drop_down_set_model (self->trade_dropdown, G_LIST_MODEL (names));
  on_trade_dropdown_notify_selected (self);
}

static const char *
state_label (JpRoundState state)
{
  switch (state)
    {
    case JP_ROUND_STATE_DRAFT:
      return C_("round state", "Draft");
    case JP_ROUND_STATE_OPEN:
      return C_("round state", "Open");
    case JP_ROUND_STATE_CLOSED:
      return C_("round state", "Closed");
    case JP_ROUND_STATE_SEALED:
      return C_("round state", "Sealed");
    default:
      return "";
    }
}

static char *
round_row_subtitle (const JpRound *r)
{
  return g_strdup_printf (_("%d seats · up to %d choices · %d present · %d of %d ballots "
                            "received"), r->seats, r->max_choices, r->present, r->n_cast,
                          r->n_panel);
}

/* A row of the rounds list, knowing its round. */
#define JP_TYPE_ROUND_ROW (jp_round_row_get_type ())
G_DECLARE_FINAL_TYPE (JpRoundRow, jp_round_row, JP, ROUND_ROW, AdwActionRow)

struct _JpRoundRow
{
  AdwActionRow parent_instance;

  gint64       round_id;
};

G_DEFINE_FINAL_TYPE (JpRoundRow, jp_round_row, ADW_TYPE_ACTION_ROW)

static void
jp_round_row_class_init (JpRoundRowClass *klass)
{
}

static void
jp_round_row_init (JpRoundRow *self)
{
}

gint64
jp_ballot_page_row_round_id (GtkWidget *row)
{
  return JP_IS_ROUND_ROW (row) ? JP_ROUND_ROW (row)->round_id : 0;
}

static GtkWidget *
create_round_row (const JpRound *r)
{
  JpRoundRow *round_row = g_object_new (JP_TYPE_ROUND_ROW, NULL);
  GtkWidget *row = GTK_WIDGET (round_row);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *state = gtk_label_new (state_label (r->state));

  title = r->parent_id != 0
    ? g_strdup_printf (_("%s (%s) · round %d (run-off)"), r->trade_name, r->trade_code, r->number)
    : g_strdup_printf (_("%s (%s) · round %d"), r->trade_name, r->trade_code, r->number);
  subtitle = round_row_subtitle (r);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (state, "jp-round-state");
  gtk_widget_add_css_class (state, r->state == JP_ROUND_STATE_OPEN ? "success" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  round_row->round_id = r->id;
  return row;
}

static void
reload_finalists (JpBallotPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) finalists = jp_store_finalists (self->store, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (finalists == NULL)
    {
      gtk_label_set_text (self->finalists_label, error->message);
      return;
    }
  for (guint i = 0; i < finalists->len; i++)
    {
      const JpTradeFinalists *f = finalists->pdata[i];
      g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;
      g_autofree char *joined = NULL;

      for (guint j = 0; j < f->finalists->len; j++)
        g_strv_builder_add (codes, ((JpRoundCandidate *) f->finalists->pdata[j])->code);
      list = g_strv_builder_end (codes);
      joined = list[0] != NULL ? g_strjoinv ("、", list) : g_strdup (_("none yet"));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s (%s): %s — %d of %d seats still open"),
                              f->trade_name, f->trade_code, joined, f->seats_open, f->seats);
      if (f->runoff_pending)
        g_string_append_printf (text, " · %s", _("run-off pending"));
    }
  gtk_label_set_text (self->finalists_label,
                      text->len > 0 ? text->str : _("No ballot round has been closed yet."));
}

void
jp_ballot_page_reload_rounds (JpBallotPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  GtkWidget *child;
  GtkListBoxRow *select = NULL;
  gint64 keep = self->round_id;
  gboolean frozen = FALSE;

  if (self->store != NULL && !jp_store_is_frozen (self->store, &frozen, &store_error))
    {
      jp_ballot_page_report (self, _("Could Not Read the Election"), store_error);
      g_clear_error (&store_error);
    }
  gtk_widget_set_visible (self->freeze_banner, self->store != NULL && !frozen);
  if (!frozen)
    jp_ballot_page_release_focus (self, self->open_box, NULL);
  gtk_widget_set_sensitive (self->open_box, frozen);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list))) != NULL)
    gtk_list_box_remove (self->rounds_list, child);
  if (self->store == NULL)
    return;
  rounds = jp_store_list_rounds (self->store, NULL, &store_error);
  if (rounds == NULL && store_error != NULL)
    {
      jp_ballot_page_report (self, _("Could Not Read the Election"), store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      const JpRound *r = rounds->pdata[i];
      GtkWidget *row;

      if (r->kind != JP_ROUND_KIND_BALLOT)
        continue;
      row = create_round_row (r);
      gtk_list_box_append (self->rounds_list, row);
      if (r->id == keep)
        select = GTK_LIST_BOX_ROW (row);
    }
  self->round_id = 0;
  gtk_list_box_select_row (self->rounds_list, select);
  self->round_id = select != NULL ? keep : 0;
  jp_ballot_page_show_round (self);
  reload_finalists (self);
  update_open_button (self);
}

static void
on_rounds_list_row_selected (JpBallotPage  *self,
                             GtkListBoxRow *row)
{
  gint64 id = row != NULL ? jp_ballot_page_row_round_id (GTK_WIDGET (row)) : 0;

  if (id == self->round_id)
    return;
  self->round_id = id;
  jp_ballot_page_show_round (self);
}

gboolean
jp_ballot_page_select_round (JpBallotPage *self,
                             gint64        round_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (jp_ballot_page_row_round_id (row) == round_id)
      {
        gtk_list_box_select_row (self->rounds_list, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

gboolean
jp_ballot_page_open_confirmed (JpBallotPage *self,
                               const char   *reason)
{
  guint i = gtk_drop_down_get_selected (self->trade_dropdown);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->service == NULL || self->trade_codes == NULL || i == GTK_INVALID_LIST_POSITION
      || i >= g_strv_length (self->trade_codes))
    return FALSE;
  id = jp_meeting_service_open_round_with_reason (
         self->service, self->trade_codes[i],
         gtk_spin_button_get_value_as_int (self->seats_spin),
         gtk_spin_button_get_value_as_int (self->choices_spin),
         gtk_spin_button_get_value_as_int (self->present_spin), reason, &error);
  if (id == 0)
    {
      jp_ballot_page_report (self, _("Could Not Open the Round"), error);
      return FALSE;
    }
  self->round_id = id;
  jp_ballot_page_reload_rounds (self);
  return TRUE;
}

static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JpBallotPage     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "open") == 0)
    jp_ballot_page_open_confirmed (self, gtk_editable_get_text (entry));
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "open",
                                           g_utf8_strlen (text, -1) >= JP_NEW_ROUND_REASON_MIN);
}

static void
on_open_button_clicked (JpBallotPage *self)
{
  g_autofree char *message = NULL;
  JpNewRoundCase why;
  GtkWidget *dialog, *entry;

  if (selected_trade_case (self, &why, &message) || message == NULL)
    {
      jp_ballot_page_open_confirmed (self, NULL);
      return;
    }
  /* the rules call for no round: the chair writes why, and it goes into the audit log */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Open a Round the Rules Do Not Call For?"), message);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("The reason, kept in the audit log"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "open", _("_Open With This Reason"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the service ---- */

static void
on_round_changed (JpBallotPage *self,
                  gint64        round_id)
{
  jp_ballot_page_reload_rounds (self);
}

static void
on_progress (JpBallotPage *self,
             gint64        round_id,
             int           n_cast,
             int           n_panel)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpRound) round = NULL;

  round = jp_store_get_round (self->store, round_id, &store_error);
  if (round == NULL && store_error != NULL)
    {
      jp_ballot_page_report (self, _("Could Not Read the Election"), store_error);
      g_clear_error (&store_error);
    }
  if (round_id == self->round_id)
    jp_ballot_page_update_progress (self, n_cast, n_panel);
  /* the round's row in the list counts too, not only the live card */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list));
       round != NULL && row != NULL; row = gtk_widget_get_next_sibling (row))
    if (jp_ballot_page_row_round_id (row) == round_id)
      {
        g_autofree char *subtitle = round_row_subtitle (round);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
}

static void
on_results_published (JpBallotPage *self,
                      gint64        round_id)
{
  g_hash_table_add (self->published, g_memdup2 (&round_id, sizeof round_id));
  if (round_id == self->round_id)
    jp_ballot_page_show_round (self);
}

/* The operator changed mid-meeting (main menu): the host's next audit entries name them. */
static void
on_operator_changed (JpBallotPage *self)
{
  if (self->service != NULL)
    jp_meeting_service_set_actor (self->service, jp_operator_get_actor ());
}

static void
connect_service (JpBallotPage *self)
{
  self->service = jp_meeting_service_new (self->store);
  jp_meeting_service_set_actor (self->service, jp_operator_get_actor ());
  g_signal_connect_object (self->service, "progress", G_CALLBACK (on_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "round-changed", G_CALLBACK (on_round_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "results-published",
                           G_CALLBACK (on_results_published), self, G_CONNECT_SWAPPED);
  jp_ballot_page_connect_round_signals (self);
}

/* ---- the page ---- */

static void
jp_ballot_page_dispose (GObject *object)
{
  JpBallotPage *self = JP_BALLOT_PAGE (object);

  if (self->server != NULL)
    jp_ballot_page_end_meeting (self);
  /* the list empties itself while the template goes: nothing to show any more */
  self->round_id = 0;
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->stations_timeout, g_source_remove);
  if (self->projector != NULL)
    gtk_window_destroy (GTK_WINDOW (self->projector));
  g_clear_weak_pointer (&self->projector);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->trade_codes, g_strfreev);
  g_clear_pointer (&self->published, g_hash_table_unref);
  g_clear_pointer (&self->last_error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_BALLOT_PAGE);
  G_OBJECT_CLASS (jp_ballot_page_parent_class)->dispose (object);
}

static void
jp_ballot_page_class_init (JpBallotPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_ballot_page_dispose;

  g_assert (jp_get_resource () != NULL);
  g_type_ensure (JP_TYPE_PAPER_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-ballot-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, JpBallotPage, name)
  BIND (host_box);
  BIND (port_spin);
  BIND (host_button);
  BIND (hosted_box);
  BIND (address_label);
  BIND (fingerprint_label);
  BIND (stations_label);
  BIND (end_button);
  BIND (monitor_dropdown);
  BIND (projector_button);
  BIND (dark_switch);
  BIND (freeze_banner);
  BIND (open_box);
  BIND (trade_dropdown);
  BIND (seats_spin);
  BIND (choices_spin);
  BIND (present_spin);
  BIND (open_button);
  BIND (open_hint);
  BIND (rounds_list);
  BIND (round_box);
  BIND (round_title);
  BIND (progress_box);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (not_voted_label);
  BIND (round_error);
  BIND (tally_box);
  BIND (void_label);
  BIND (tally_grid);
  BIND (counts_label);
  BIND (digest_label);
  BIND (close_button);
  BIND (publish_button);
  BIND (seal_button);
  BIND (runoff_button);
  BIND (report_button);
  BIND (close_hint);
  BIND (current_dropdown);
  BIND (current_button);
  BIND (clear_current_button);
  BIND (step_out_label);
  BIND (paper_box);
  BIND (paper_entry);
  BIND (finalists_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_host_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_end_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_projector_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dark_switch_notify_active);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_trade_dropdown_notify_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_open_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_rounds_list_row_selected);
  jp_ballot_page_round_class_init (widget_class);
}

static void
jp_ballot_page_init (JpBallotPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->published = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_spin_button_set_value (self->port_spin, g_settings_get_uint (self->settings,
                                                                   "meeting-port"));
  rebuild_monitors (self);
  update_meeting (self);
  jp_operator_connect_changed (G_CALLBACK (on_operator_changed), self);
}

GtkWidget *
jp_ballot_page_new (void)
{
  return g_object_new (JP_TYPE_BALLOT_PAGE, NULL);
}

void
jp_ballot_page_set_store (JpBallotPage *self,
                          JpStore      *store)
{
  /* the list frozen, seats, members and conflicts changed on the setup stage: the page
   * follows them (its own round commands and the meeting's progress reload it already) */
  static const char * const watched[] = {
    "candidates", "trades", "settings", "members", "conflicts", NULL,
  };

  g_return_if_fail (JP_IS_BALLOT_PAGE (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (self->server != NULL)
    jp_ballot_page_end_meeting (self);
  if (self->projector != NULL)
    gtk_window_destroy (GTK_WINDOW (self->projector));
  g_clear_object (&self->service);
  g_set_object (&self->store, store);
  g_hash_table_remove_all (self->published);
  self->round_id = 0;
  if (store != NULL)
    {
      connect_service (self);
      self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                        (JpStoreWatchFunc) jp_ballot_page_reload);
    }
  rebuild_trades (self);
  jp_ballot_page_reload_rounds (self);
  update_meeting (self);
}

void
jp_ballot_page_reload (JpBallotPage *self)
{
  g_return_if_fail (JP_IS_BALLOT_PAGE (self));
  rebuild_trades (self);
  jp_ballot_page_reload_rounds (self);
}

JpMeetingService *
jp_ballot_page_get_service (JpBallotPage *self)
{
  g_return_val_if_fail (JP_IS_BALLOT_PAGE (self), NULL);
  return self->service;
}

JpMeetingServer *
jp_ballot_page_get_server (JpBallotPage *self)
{
  g_return_val_if_fail (JP_IS_BALLOT_PAGE (self), NULL);
  return self->server;
}

gint64
jp_ballot_page_get_round_id (JpBallotPage *self)
{
  return self->round_id;
}

const char *
jp_ballot_page_get_last_error (JpBallotPage *self)
{
  return self->last_error;
}

JpProjectorWindow *
jp_ballot_page_get_projector (JpBallotPage *self)
{
  return self->projector;
}
