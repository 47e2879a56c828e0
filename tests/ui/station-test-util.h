/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The member station tests' host (a small frozen demo election with an open ballot round,
 * served in this process) and the helpers that join it and wait for the station. */

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "demo/jp-demo.h"
#include "meeting/jp-meeting-server.h"
#include "meeting/jp-meeting-tls.h"
#include "store/jp-store-rounds.h"
#include "ui/app/jp-application.h"
#include "ui/station/jp-join-dialog.h"
#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/station/jp-station-dossier.h"
#include "ui/station/jp-station-window.h"
#include "ui/app/jp-window.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* jp_store_is_conflicted, which must not fail here. */
static inline gboolean
is_conflicted (JpStore    *store,
               const char *member_code,
               gint64      candidate_id)
{
  g_autoptr(GError) error = NULL;
  gboolean conflicted = FALSE;

  g_assert_true (jp_store_is_conflicted (store, member_code, candidate_id, &conflicted, &error));
  g_assert_no_error (error);
  return conflicted;
}

/* One host for every case, in this process: a small frozen demo election with one open
 * ballot round of a trade of member M02. */
static struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  guint             port;
  char             *host;          /* "127.0.0.1:PORT" */
  gint64            round;
  char             *pin_m02;
  char             *other;         /* another member of the round's panel */
  char             *pin_other;
  int               max_choices;
} host;

static inline void
qualify_all (JpStore *store)
{
  g_autoptr(GListModel) list = jp_store_list_candidates (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (list, i);
      g_autoptr(JpCandidate) c = jp_store_get_candidate (store, item->id, NULL);
      g_autoptr(JpReview) review = jp_review_new (c->id);
      g_autoptr(GError) error = NULL;

      for (guint d = 0; c->documents != NULL && d < c->documents->len; d++)
        {
          JpDocumentRef *ref = g_ptr_array_index (c->documents, d);

          if (ref->kind == JP_DOC_EVIDENCE)
            {
              jp_review_link_evidence (review, ref->criterion > 0 ? ref->criterion : 1,
                                       ref->sha256);
              break;
            }
        }
      review->decision = JP_REVIEW_DECISION_QUALIFIED;
      if (!jp_store_save_review (store, review, "test", NULL, &error))
        g_test_message ("candidate %s not qualified: %s", c->name, error->message);
    }
}

/* Number of qualified candidates of `trade` that `member` may mark. */
static inline int
n_markable (const char *trade, const char *member)
{
  g_autoptr(GListModel) list = jp_store_list_candidates (host.store, NULL);
  int n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      if (c->status == JP_STATUS_QUALIFIED &&
          (g_strcmp0 (c->trade_code, trade) == 0 || g_strcmp0 (c->trade, trade) == 0) &&
          !is_conflicted (host.store, member, c->id))
        n++;
    }
  return n;
}

static inline void
host_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpDemoOptions options = { 40, JP_DEMO_DEFAULT_SEED, 0 };
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  JpMember *m02 = NULL;
  const char *best = NULL;
  int best_n = 0;

  host.dir = g_dir_make_tmp ("jp-station-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (host.dir, "demo.jiangping", NULL);
  host.store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  qualify_all (host.store);
  codes = jp_store_freeze (host.store, "chair", &error);
  g_assert_no_error (error);

  members = jp_store_list_members (host.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    if (g_strcmp0 (((JpMember *) members->pdata[i])->code, "M02") == 0)
      m02 = members->pdata[i];
  g_assert_nonnull (m02);
  g_assert_nonnull (m02->trades);

  /* the trade of M02 with the most candidates M02 may mark, to tick one past the limit */
  for (guint t = 0; m02->trades[t] != NULL; t++)
    {
      int n = n_markable (m02->trades[t], "M02");

      if (n > best_n)
        {
          best_n = n;
          best = m02->trades[t];
        }
    }
  g_assert_cmpint (best_n, >=, 2);
  host.max_choices = MIN (3, best_n - 1);
  host.round = jp_store_open_ballot_round (host.store, best, host.max_choices,
                                           host.max_choices, -1, "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpint (host.round, >, 0);

  panel = jp_store_round_panel (host.store, host.round, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < panel->len && host.other == NULL; i++)
    if (g_strcmp0 (((JpPanelMember *) panel->pdata[i])->code, "M02") != 0)
      host.other = g_strdup (((JpPanelMember *) panel->pdata[i])->code);
  g_assert_nonnull (host.other);

  host.pin_m02 = jp_store_member_new_pin (host.store, "M02", "chair", &error);
  g_assert_no_error (error);
  host.pin_other = jp_store_member_new_pin (host.store, host.other, "chair", &error);
  g_assert_no_error (error);

  host.service = jp_meeting_service_new (host.store);
  host.server = jp_meeting_server_new (host.service);
  g_assert_true (jp_meeting_server_listen_local (host.server, 0, &error));
  g_assert_no_error (error);
  host.port = jp_meeting_server_get_port (host.server);
  host.host = g_strdup_printf ("127.0.0.1:%u", host.port);
}

static inline int
round_n_cast (void)
{
  g_autoptr(JpRound) r = jp_store_get_round (host.store, host.round, NULL);

  return r->n_cast;
}

static inline gboolean
panel_voted (const char *member)
{
  g_autoptr(GPtrArray) panel = jp_store_round_panel (host.store, host.round, NULL);

  for (guint i = 0; i < panel->len; i++)
    if (g_strcmp0 (((JpPanelMember *) panel->pdata[i])->code, member) == 0)
      return ((JpPanelMember *) panel->pdata[i])->voted;
  return FALSE;
}

/* ---- waiting ---- */

static inline gboolean
dialog_idle (gpointer data)
{
  return !jp_join_dialog_is_busy (data);
}

static inline gboolean
station_ready (gpointer data)
{
  return jp_station_window_is_ready (data) &&
         jp_station_window_get_n_rounds (data) == 1 &&
         g_str_has_prefix (jp_station_window_get_connection_text (data), _("Connected"));
}

static JpStationBallotState wanted_state;

static inline gboolean
ballot_in_state (gpointer data)
{
  return jp_station_ballot_get_state (data) == wanted_state;
}

static inline void
wait_ballot (JpStationBallot *ballot, JpStationBallotState state)
{
  wanted_state = state;
  if (!jp_test_wait_until (ballot_in_state, ballot, 15000))
    g_error ("ballot in state %d, not %d (%s: %s)", jp_station_ballot_get_state (ballot), state,
             jp_station_ballot_get_status_title (ballot),
             jp_station_ballot_get_status_text (ballot));
}

/* Marks the first code the member may mark (conflicted ones have no check box) and goes on
 * to the review. */
static inline void
mark_one_and_review (JpStationBallot *ballot)
{
  g_auto(GStrv) codes = jp_station_ballot_get_codes (ballot);

  for (guint i = 0; codes[i] != NULL; i++)
    if (jp_station_ballot_get_check (ballot, codes[i]) != NULL)
      {
        gtk_check_button_set_active (jp_station_ballot_get_check (ballot, codes[i]), TRUE);
        break;
      }
  jp_station_ballot_review (ballot);
}

static inline void
on_joined (JpJoinDialog *dialog, JpStationWindow *window, gpointer data)
{
  *(JpStationWindow **) data = g_object_ref (window);
}

/* Fills in the join dialog and presses Join, as a member would; returns when the host has
 * answered (or the station refused its certificate). */
static inline JpJoinDialog *
join_once (const char *host_text, const char *code, const char *pin, JpStationWindow **station)
{
  JpJoinDialog *dialog = JP_JOIN_DIALOG (jp_join_dialog_new (NULL, host_text));

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "joined", G_CALLBACK (on_joined), station);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (jp_join_dialog_get_code_entry (dialog), code);
  gtk_editable_set_text (jp_join_dialog_get_pin_entry (dialog), pin);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (dialog), "station-join");
  jp_join_dialog_join (dialog);
  g_assert_true (jp_test_wait_until (dialog_idle, dialog, 10000));
  jp_test_spin ();
  return dialog;
}

/* Logs in through the join dialog as a member would: the first time this station meets the
 * host (each case starts with no pins), the member checks the fingerprint against the
 * chair's screen (the host's) and confirms it. */
static inline JpJoinDialog *
join (const char *host_text, const char *code, const char *pin, JpStationWindow **station)
{
  JpJoinDialog *dialog = join_once (host_text, code, pin, station);

  if (jp_join_dialog_get_unconfirmed_fingerprint (dialog) != NULL)
    {
      g_assert_null (*station);
      g_assert_cmpstr (jp_join_dialog_get_unconfirmed_fingerprint (dialog), ==,
                       jp_meeting_server_get_fingerprint (host.server));
      jp_join_dialog_trust_fingerprint (dialog);
      g_assert_true (jp_test_wait_until (dialog_idle, dialog, 10000));
      jp_test_spin ();
    }
  return dialog;
}

/* Closes a dialog the way its Cancel button does; focus leaves the entries first, so GTK
 * does not warn about a text entry losing its window while focused. */
static inline void
close_dialog (JpJoinDialog *dialog)
{
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  jp_test_spin ();
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static inline GtkWidget *
row_of_label (GtkWidget *label)
{
  GtkWidget *w = label;

  while (w != NULL && !GTK_IS_LIST_BOX_ROW (w))
    w = gtk_widget_get_parent (w);
  return w;
}

/* The button labelled `label` under `widget`, or NULL. */
static inline GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (widget == NULL)
    return NULL;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The start of every station test program: the Chinese UI when screenshots are asked for,
 * libadwaita, and the host. */
static inline void
station_test_init (int *argc, char ***argv)
{
  if (g_getenv ("JP_LOCALEDIR") != NULL && g_getenv ("JP_TEST_SCREENSHOT_DIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  host_start ();
}
