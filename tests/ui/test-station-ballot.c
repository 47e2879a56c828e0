/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include "station-test-util.h"

/* The member station voting against a host in the same process: the ballot, the offline
 * queue, a new round, the meeting's end, a ballot refused after a reconnect. */

static gboolean
ballot_loaded (gpointer data)
{
  JpStationWindow *w = data;

  return jp_station_window_get_ballot (w) != NULL &&
         jp_station_ballot_get_state (jp_station_window_get_ballot (w)) !=
           JP_STATION_BALLOT_LOADING;
}

static gboolean
dossier_loaded (gpointer data)
{
  return jp_station_dossier_is_loaded (data);
}

static gboolean
on_evidence_page (gpointer data)
{
  return g_strcmp0 (jp_station_window_get_page (data), "evidence") == 0;
}

/* The evidence viewer under `widget`, or NULL. */
static JpEvidenceViewer *
find_viewer (GtkWidget *widget)
{
  if (JP_IS_EVIDENCE_VIEWER (widget))
    return JP_EVIDENCE_VIEWER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JpEvidenceViewer *found = find_viewer (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
round_voted (gpointer data)
{
  return jp_station_window_get_round_voted (data, host.round);
}

static void
async_done (GObject *source, GAsyncResult *res, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (res);
}

/* A protocol client logged in as `code`, with its own queue file. */
static JpMeetingClient *
logged_in (const char *code, const char *pin, const char *queue_name)
{
  g_autofree char *uri = g_strdup_printf ("https://%s", host.host);
  g_autofree char *queue = g_build_filename (host.dir, queue_name, NULL);
  JpMeetingClient *client = jp_meeting_client_new (uri, queue);
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = NULL;

  jp_meeting_client_set_pinned_fingerprint (client,
                                            jp_meeting_server_get_fingerprint (host.server));
  jp_meeting_client_login_async (client, code, pin, NULL, async_done, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  reply = jp_meeting_client_login_finish (client, res, &error);
  g_object_unref (res);
  g_assert_no_error (error);
  return client;
}

static void
test_vote (void)
{
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpStationWindow) station = NULL;
  g_autoptr(JpRound) round = jp_store_get_round (host.store, host.round, NULL);
  g_auto(GStrv) drawn = jp_round_get_codes (round);
  g_auto(GStrv) shown = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(JpMeetingClient) client2 = NULL;
  g_autofree char *round_title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *review = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *evidence_title = NULL;
  GtkWidget *dossier_button;
  JpStationBallot *ballot;
  JpStationBallot *stale;
  GtkCheckButton *extra = NULL;
  GtkWidget *label;
  JpStationDossier *dossier = NULL;
  JpEvidenceViewer *viewer;
  const char *open_code = NULL;

  dialog = join (host.host, "m02", host.pin_m02, &station);
  g_assert_null (jp_join_dialog_get_error (dialog));
  g_assert_nonnull (station);
  g_assert_cmpstr (g_settings_get_string (settings, "last-host"), ==, host.host);
  gtk_window_set_default_size (GTK_WINDOW (station), 900, 720);
  g_assert_true (jp_test_wait_until (station_ready, station, 10000));
  g_assert_cmpint (jp_station_window_get_round_id (station, 0), ==, host.round);
  g_assert_false (jp_station_window_get_round_voted (station, host.round));

  /* the round is listed by trade and number; choosing it opens its ballot */
  round_title = g_strdup_printf (_("%s, round %d"), round->trade_name, round->number);
  label = jp_test_find_label (GTK_WIDGET (station), round_title, TRUE);
  g_assert_nonnull (label);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-rounds");
  gtk_widget_activate (row_of_label (label));
  g_assert_true (jp_test_wait_until (ballot_loaded, station, 10000));
  ballot = jp_station_window_get_ballot (station);
  g_assert_cmpint (jp_station_ballot_get_state (ballot), ==, JP_STATION_BALLOT_CHOOSING);

  /* codes only, in the round's drawn order; conflicted ones cannot be marked */
  shown = jp_station_ballot_get_codes (ballot);
  g_assert_cmpstrv (shown, drawn);
  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *c = round->candidates->pdata[i];
      gboolean conflicted = is_conflicted (host.store, "M02", c->candidate_id);

      g_assert_cmpint (jp_station_ballot_is_conflicted (ballot, c->code), ==, conflicted);
      g_assert_true ((jp_station_ballot_get_check (ballot, c->code) == NULL) == conflicted);
      if (conflicted)
        continue;
      if (open_code == NULL)
        open_code = c->code;
      if ((int) chosen->len < host.max_choices)
        {
          gtk_check_button_set_active (jp_station_ballot_get_check (ballot, c->code), TRUE);
          g_ptr_array_add (chosen, c->code);
        }
      else if (extra == NULL)
        extra = jp_station_ballot_get_check (ballot, c->code);
    }
  g_ptr_array_add (chosen, NULL);
  count = g_strdup_printf (_("%u chosen, at most %d"), (guint) host.max_choices,
                           host.max_choices);
  g_assert_cmpstr (jp_station_ballot_get_count_text (ballot), ==, count);
  g_assert_cmpstr (jp_station_ballot_get_message_text (ballot), ==, "");

  /* one tick too many is refused with the reason */
  g_assert_nonnull (extra);
  gtk_check_button_set_active (extra, TRUE);
  g_assert_false (gtk_check_button_get_active (extra));
  refusal = g_strdup_printf (ngettext ("You may choose at most %d candidate. Untick one before "
                                       "choosing another.",
                                       "You may choose at most %d candidates. Untick one "
                                       "before choosing another.", host.max_choices),
                             host.max_choices);
  g_assert_cmpstr (jp_station_ballot_get_message_text (ballot), ==, refusal);
  g_assert_cmpstr (jp_station_ballot_get_count_text (ballot), ==, count);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-ballot");

  /* the anonymised dossier and its evidence from the host, then back to the same ticks */
  /* through the row's Dossier button */
  dossier_button = find_button (row_of_label (jp_test_find_label (GTK_WIDGET (ballot), open_code,
                                                                  FALSE)), _("Dossier"));
  g_assert_nonnull (dossier_button);
  /* what a click does (gtk_widget_activate would click after a delay) */
  g_assert_true (gtk_widget_activate_action_variant (
    dossier_button, gtk_actionable_get_action_name (GTK_ACTIONABLE (dossier_button)),
    gtk_actionable_get_action_target_value (GTK_ACTIONABLE (dossier_button))));
  dossier = JP_STATION_DOSSIER (gtk_widget_get_first_child (
    gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_parent (gtk_widget_get_parent (
      GTK_WIDGET (ballot)))), "dossier")));
  g_assert_true (jp_test_wait_until (dossier_loaded, dossier, 10000));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (dossier), open_code, FALSE));
  g_assert_cmpuint (jp_station_dossier_get_n_evidence (dossier), >, 0);
  /* the trade is among the facts; each evidence file has a row that opens it */
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (dossier), round->trade_name, FALSE));
  evidence_title = g_strdup_printf (_("Evidence %u"), 1u);
  label = jp_test_find_label (GTK_WIDGET (dossier), evidence_title, FALSE);
  g_assert_nonnull (label);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-dossier");
  gtk_widget_activate (row_of_label (label));
  g_assert_true (jp_test_wait_until (on_evidence_page, station, 20000));
  /* it opens at fit width, not wider than 150 % (more than the title in sight) */
  jp_test_spin ();
  viewer = find_viewer (GTK_WIDGET (station));
  g_assert_nonnull (viewer);
  g_assert_cmpint (jp_evidence_viewer_get_fit_mode (viewer), ==, JP_EVIDENCE_FIT_WIDTH);
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (viewer), <=, 1.5 + 1e-9);
  g_assert_cmpint (jp_evidence_viewer_get_thumbnails_visible (viewer), ==,
                   jp_evidence_document_get_n_pages (jp_evidence_viewer_get_document (viewer))
                   > 1);
  jp_station_window_go_back (station);
  jp_station_window_go_back (station);
  g_assert_cmpstr (jp_station_window_get_page (station), ==, "ballot");
  g_assert_cmpstr (jp_station_ballot_get_count_text (ballot), ==, count);

  /* a second station logged in as M02 too, ready to vote: it will be too late */
  client2 = logged_in ("M02", host.pin_m02, "second-m02.json");
  stale = JP_STATION_BALLOT (g_object_ref_sink (jp_station_ballot_new (client2, host.round)));
  wait_ballot (stale, JP_STATION_BALLOT_CHOOSING);
  gtk_check_button_set_active (jp_station_ballot_get_check (stale, chosen->pdata[0]), TRUE);
  jp_station_ballot_review (stale);

  /* review step, then submit */
  gtk_widget_activate (jp_station_ballot_get_review_button (ballot));
  wait_ballot (ballot, JP_STATION_BALLOT_REVIEW);
  joined = g_strjoinv (C_("list separator", ", "), (char **) chosen->pdata);
  review = g_strdup_printf (_("You chose: %s. Once submitted, the ballot cannot be changed."),
                            joined);
  g_assert_cmpstr (jp_station_ballot_get_review_text (ballot), ==, review);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-review");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ballot), "ballot.submit", NULL));
  wait_ballot (ballot, JP_STATION_BALLOT_RECEIVED);
  g_assert_cmpstr (jp_station_ballot_get_status_title (ballot), ==, _("Ballot received"));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-received");

  g_assert_cmpint (round_n_cast (), ==, 1);
  g_assert_true (panel_voted ("M02"));
  g_assert_false (gtk_widget_is_sensitive (jp_station_ballot_get_review_button (ballot)));
  g_assert_true (jp_test_wait_until (round_voted, station, 10000));

  /* the host refuses a second ballot of M02, and the station shows its words */
  jp_station_ballot_submit (stale);
  wait_ballot (stale, JP_STATION_BALLOT_REFUSED);
  g_assert_cmpstr (jp_station_ballot_get_status_title (stale), ==, _("You Have Already Voted"));
  g_assert_cmpstr (jp_station_ballot_get_status_text (stale), !=, "");
  g_assert_cmpint (round_n_cast (), ==, 1);
  g_object_unref (stale);

  gtk_window_destroy (GTK_WINDOW (station));
}

static gboolean
reconnecting (gpointer data)
{
  return !jp_meeting_client_is_events_connected (jp_station_window_get_client (data));
}

static int wanted_cast;

static gboolean
cast_reached (gpointer data)
{
  return round_n_cast () >= wanted_cast;
}

/* The station has had the host's answer to every queued ballot. */
static gboolean
queue_empty (gpointer data)
{
  return jp_meeting_client_get_n_queued (jp_station_window_get_client (data)) == 0;
}

static void
test_offline_queue (void)
{
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpStationWindow) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *waiting = NULL;
  JpStationBallot *ballot;
  int before = round_n_cast ();

  dialog = join (host.host, host.other, host.pin_other, &station);
  g_assert_nonnull (station);
  g_assert_true (jp_test_wait_until (station_ready, station, 10000));
  jp_station_window_open_round (station, host.round);
  g_assert_true (jp_test_wait_until (ballot_loaded, station, 10000));
  ballot = jp_station_window_get_ballot (station);
  wait_ballot (ballot, JP_STATION_BALLOT_CHOOSING);
  mark_one_and_review (ballot);

  /* the host goes away: the ballot stays on the station, and the header says so */
  jp_meeting_server_disconnect (host.server);
  g_assert_true (jp_test_wait_until (reconnecting, station, 10000));
  jp_station_ballot_submit (ballot);
  wait_ballot (ballot, JP_STATION_BALLOT_QUEUED);
  g_assert_cmpstr (jp_station_ballot_get_status_title (ballot), ==,
                   _("Saved; it will be sent automatically when the network is back"));
  g_assert_cmpuint (jp_meeting_client_get_n_queued (jp_station_window_get_client (station)),
                    ==, 1);
  jp_test_spin ();
  jp_test_wait_until (reconnecting, station, 1000);
  waiting = g_strdup_printf (ngettext ("%s · %u ballot waiting to be sent",
                                       "%s · %u ballots waiting to be sent", 1),
                             _("Reconnecting…"), 1);
  g_assert_cmpstr (jp_station_window_get_connection_text (station), ==, waiting);
  jp_test_screenshot (GTK_WIDGET (station), "station-queued");
  g_assert_cmpint (round_n_cast (), ==, before);

  /* back on the same port: the queued ballot arrives by itself, once */
  g_assert_true (jp_meeting_server_listen_local (host.server, host.port, &error));
  g_assert_no_error (error);
  wanted_cast = before + 1;
  g_assert_true (jp_test_wait_until (cast_reached, NULL, 30000));
  g_assert_true (panel_voted (host.other));
  wait_ballot (ballot, JP_STATION_BALLOT_RECEIVED);
  /* the host's reply to the queued ballot may come after the event that showed it cast */
  g_assert_true (jp_test_wait_until (queue_empty, station, 10000));
  g_assert_cmpint (round_n_cast (), ==, before + 1);
  gtk_window_destroy (GTK_WINDOW (station));
}

/* Casts `member`'s ballot for the first code of the open round it may mark. */
static void
cast_first_markable (const char *member)
{
  g_autoptr(JpRound) round = jp_store_get_round (host.store, host.round, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < round->candidates->len; i++)
    {
      const JpRoundCandidate *c = round->candidates->pdata[i];
      const char *marks[] = { c->code, NULL };

      if (is_conflicted (host.store, member, c->candidate_id))
        continue;
      jp_store_submit_ballot (host.store, host.round, member, marks, NULL, NULL, &error);
      g_assert_no_error (error);
      return;
    }
  g_assert_not_reached ();
}

static void
on_meeting_ended (JpStationWindow *window, const char *message, gpointer data)
{
  *(char **) data = g_strdup (message);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_meeting_ended (void)
{
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpStationWindow) station = NULL;
  g_autofree char *message = NULL;
  g_autoptr(JpJoinDialog) late = NULL;
  JpStationWindow *none = NULL;
  gboolean start_shown = FALSE;

  /* M02 has voted (through the store, when this case runs alone) */
  if (!panel_voted ("M02"))
    cast_first_markable ("M02");
  dialog = join (host.host, "M02", host.pin_m02, &station);
  g_assert_true (jp_test_wait_until (station_ready, station, 10000));
  g_assert_true (jp_station_window_get_round_voted (station, host.round));
  g_signal_connect (station, "meeting-ended", G_CALLBACK (on_meeting_ended), &message);

  jp_meeting_service_end_meeting (host.service);
  g_assert_true (jp_test_wait_until (string_set, &message, 10000));
  g_assert_true (jp_station_window_is_ended (station));
  jp_test_spin ();
  /* back to the start screen */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (JP_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      start_shown = TRUE;
  g_assert_true (start_shown);

  /* and no one logs in any more */
  late = join (host.host, "M02", host.pin_m02, &none);
  g_assert_null (none);
  g_assert_cmpstr (jp_join_dialog_get_error (late), ==,
                   _("The meeting has ended; the host accepts no more logins."));
  close_dialog (late);
}

static gboolean
ballot_of_round (gpointer data)
{
  JpStationBallot *b = jp_station_window_get_ballot (data);

  return b != NULL && jp_station_ballot_get_round_id (b) == GPOINTER_TO_INT (
    g_object_get_data (G_OBJECT (data), "jp-test-wanted-round"));
}

static gboolean
client_forgot (gpointer data)
{
  return jp_meeting_client_get_token (data) == NULL;
}

static gboolean
no_session (gpointer data)
{
  return jp_meeting_service_get_n_sessions (data) == 0;
}

/* A station showing "Ballot received" moves to the new round the chair opens for it; its
 * log-out ends the session on the host. A meeting of its own on the same election. */
static void
test_new_round_and_logout (void)
{
  g_autoptr(JpMeetingService) service = jp_meeting_service_new (host.store);
  g_autoptr(JpMeetingServer) server = jp_meeting_server_new (service);
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpStationWindow) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = jp_store_get_round (host.store, host.round, NULL);
  g_autofree char *where = NULL;
  g_autoptr(JpMeetingClient) client = NULL;
  gint64 next;

  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  g_assert_no_error (error);
  where = g_strdup_printf ("127.0.0.1:%u", jp_meeting_server_get_port (server));
  if (!panel_voted ("M02"))
    {
      g_auto(GStrv) none = g_new0 (char *, 1);

      g_assert_true (jp_store_submit_ballot (host.store, host.round, "M02",
                                             (const char *const *) none, NULL, NULL, &error));
    }
  dialog = join (where, "M02", host.pin_m02, &station);
  g_assert_nonnull (station);
  g_assert_true (jp_test_wait_until (station_ready, station, 10000));
  jp_station_window_open_round (station, host.round);
  wait_ballot (jp_station_window_get_ballot (station), JP_STATION_BALLOT_RECEIVED);

  /* the chair closes the round and opens another for the trade, with a reason */
  if (round->state == JP_ROUND_STATE_OPEN)
    g_assert_true (jp_meeting_service_close_round (service, host.round, &error));
  g_assert_no_error (error);
  next = jp_meeting_service_open_round_with_reason (service, round->trade_code, round->seats,
                                                    round->max_choices, -1,
                                                    "测试：新一轮表决", &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, >, 0);
  g_object_set_data (G_OBJECT (station), "jp-test-wanted-round", GINT_TO_POINTER ((int) next));
  g_assert_true (jp_test_wait_until (ballot_of_round, station, 10000));
  g_assert_cmpstr (jp_station_window_get_page (station), ==, "ballot");
  wait_ballot (jp_station_window_get_ballot (station), JP_STATION_BALLOT_CHOOSING);

  /* log out: the host forgets the session */
  g_assert_cmpuint (jp_meeting_service_get_n_sessions (service), ==, 1);
  client = g_object_ref (jp_station_window_get_client (station));
  jp_station_window_log_out (station);
  g_assert_true (jp_test_wait_until (no_session, service, 10000));
  g_assert_true (jp_station_window_is_ended (station));
  g_assert_true (jp_test_wait_until (client_forgot, client, 10000));
  close_dialog (dialog);
  jp_meeting_server_disconnect (server);
}

static gboolean
refusal_shown (gpointer data)
{
  return jp_station_window_get_refusal_dialog (data) != NULL;
}

/* A ballot kept on the station while the host was away, for a round the chair closed
 * meanwhile: when the host is back and the ballot is resent, the host refuses it for good,
 * and the member is told which round's ballot was not accepted and why (it no longer
 * waits on the station). A meeting of its own on the same election. */
static void
test_refused_after_reconnect (void)
{
  g_autoptr(JpMeetingService) service = jp_meeting_service_new (host.store);
  g_autoptr(JpMeetingServer) server = jp_meeting_server_new (service);
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpStationWindow) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) first = jp_store_get_round (host.store, host.round, NULL);
  g_autoptr(JpRound) round = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) none = g_new0 (char *, 1);
  JpStationBallot *ballot;
  GtkWindow *refusal;
  const char *body;
  gint64 id;
  guint port;

  /* the trade's open round, if an earlier case left one, is closed: a fresh one is opened */
  open = jp_store_list_rounds (host.store, first->trade_code, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < open->len; i++)
    {
      JpRound *r = open->pdata[i];

      if (r->state == JP_ROUND_STATE_OPEN && g_strcmp0 (r->trade_code, first->trade_code) == 0)
        {
          if (r->n_cast == 0)
            jp_store_submit_ballot (host.store, r->id, "M02", (const char *const *) none, NULL,
                                    NULL, &error);
          g_assert_no_error (error);
          g_assert_true (jp_store_close_round (host.store, r->id, "chair", &error));
          g_assert_no_error (error);
        }
    }
  id = jp_meeting_service_open_round_with_reason (service, first->trade_code, first->seats,
                                                  first->max_choices, -1,
                                                  "测试：断线期间结束的一轮", &error);
  g_assert_no_error (error);
  round = jp_store_get_round (host.store, id, &error);
  g_assert_no_error (error);
  title = g_strdup_printf (_("%s, round %d"), round->trade_name, round->number);

  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  g_assert_no_error (error);
  port = jp_meeting_server_get_port (server);
  where = g_strdup_printf ("127.0.0.1:%u", port);
  dialog = join (where, host.other, host.pin_other, &station);
  g_assert_nonnull (station);
  g_assert_true (jp_test_wait_until (station_ready, station, 10000));
  jp_station_window_open_round (station, id);
  g_object_set_data (G_OBJECT (station), "jp-test-wanted-round", GINT_TO_POINTER ((int) id));
  g_assert_true (jp_test_wait_until (ballot_of_round, station, 10000));
  ballot = jp_station_window_get_ballot (station);
  wait_ballot (ballot, JP_STATION_BALLOT_CHOOSING);
  mark_one_and_review (ballot);

  /* the host goes away; the member's ballot is kept on the station */
  jp_meeting_server_disconnect (server);
  g_assert_true (jp_test_wait_until (reconnecting, station, 10000));
  jp_station_ballot_submit (ballot);
  wait_ballot (ballot, JP_STATION_BALLOT_QUEUED);
  g_assert_cmpuint (jp_meeting_client_get_n_queued (jp_station_window_get_client (station)),
                    ==, 1);

  /* meanwhile the chair closes the round (with the other member's ballot) */
  g_assert_true (jp_store_submit_ballot (host.store, id, "M02", (const char *const *) none,
                                         NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_close_round (host.store, id, "chair", &error));
  g_assert_no_error (error);
  g_assert_null (jp_station_window_get_refusal_dialog (station));

  /* the host is back: the kept ballot is resent, refused, and the member is told */
  g_assert_true (jp_meeting_server_listen_local (server, port, &error));
  g_assert_no_error (error);
  g_assert_true (jp_test_wait_until (refusal_shown, station, 30000));
  refusal = jp_station_window_get_refusal_dialog (station);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (refusal)), ==,
                   _("Ballot Not Accepted"));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal));
  g_assert_nonnull (strstr (body, title));
  g_test_message ("%s", body);
  g_assert_cmpuint (jp_meeting_client_get_n_queued (jp_station_window_get_client (station)),
                    ==, 0);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (refusal), "station-ballot-refused");
  jp_test_screenshot (GTK_WIDGET (station), "station-after-refusal");
  {
    g_autoptr(JpRound) after = jp_store_get_round (host.store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (after->n_cast, ==, 1);
  }
  gtk_window_destroy (refusal);
  gtk_window_destroy (GTK_WINDOW (station));
  close_dialog (dialog);
  jp_meeting_server_disconnect (server);
}

int
main (int argc, char **argv)
{
  station_test_init (&argc, &argv);

  g_test_add_func ("/ui/station/vote", test_vote);
  g_test_add_func ("/ui/station/offline-queue", test_offline_queue);
  g_test_add_func ("/ui/station/meeting-ended", test_meeting_ended);
  g_test_add_func ("/ui/station/new-round-and-logout", test_new_round_and_logout);
  g_test_add_func ("/ui/station/refused-after-reconnect", test_refused_after_reconnect);
  return g_test_run ();
}
