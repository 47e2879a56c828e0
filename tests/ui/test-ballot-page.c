/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ui/chair/jp-ballot-page-private.h"
#include "store/jp-store-private.h"   /* jp_store_exec: a test edits the file as an attacker */
#include "jp-ballot-test-util.h"
#include "ui/app/jp-operator.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

static char    *tmpdir;
static JpStore *store;

static AdwMessageDialog *find_dialog (void);

static gboolean
label_contains (GtkLabel *label, const char *text)
{
  return strstr (gtk_label_get_text (label), text) != NULL;
}

static const char *
member_name (const char *code)
{
  static char name[64];
  g_autoptr(GPtrArray) members = jp_store_list_members (store, NULL);

  for (guint i = 0; i < members->len; i++)
    if (g_strcmp0 (((JpMember *) members->pdata[i])->code, code) == 0)
      g_strlcpy (name, ((JpMember *) members->pdata[i])->name, sizeof name);
  return name;
}

static const char *
member_name_in (JpStore *st, const char *code)
{
  static char name[64];
  g_autoptr(GPtrArray) members = jp_store_list_members (st, NULL);

  for (guint i = 0; i < members->len; i++)
    if (g_strcmp0 (((JpMember *) members->pdata[i])->code, code) == 0)
      g_strlcpy (name, ((JpMember *) members->pdata[i])->name, sizeof name);
  return name;
}

static void
type_ballot (JpPaperEntry *entry, const char *serial, const char *marks, gboolean invalid)
{
  gtk_editable_set_text (jp_paper_entry_get_serial_entry (entry), serial);
  gtk_editable_set_text (jp_paper_entry_get_marks_entry (entry), marks);
  gtk_check_button_set_active (jp_paper_entry_get_invalid_check (entry), invalid);
  g_signal_emit_by_name (jp_paper_entry_get_add_button (entry), "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (jp_paper_entry_get_error_label (entry))));
}

static void
test_ballot_stage (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpBallotPage *page = JP_BALLOT_PAGE (jp_ballot_page_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *code1 = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *port = NULL;
  g_autofree char *pass2 = NULL;
  const JpPanelMember *voter1, *voter2, *waiting;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gint64 round_id, runoff_id;
  guint server_port;

  /* host the meeting on a free port: the address members type is shown */
  ballot_test_host_page (window, page, store, 1100, 1400);
  server_port = jp_meeting_server_get_port (jp_ballot_page_get_server (page));
  g_assert_cmpuint (server_port, >, 0);
  port = g_strdup_printf (":%u", server_port);
  g_assert_true (gtk_widget_get_visible (page->hosted_box));
  g_assert_true (label_contains (page->address_label, port));
  /* the certificate's fingerprint beside it, and on the projector, for members to check */
  g_assert_nonnull (jp_meeting_server_get_fingerprint (jp_ballot_page_get_server (page)));
  g_assert_true (label_contains (page->fingerprint_label,
                                 jp_meeting_server_get_fingerprint (
                                   jp_ballot_page_get_server (page))));
  g_signal_emit_by_name (page->projector_button, "clicked");
  g_assert_nonnull (page->projector);
  g_assert_true (gtk_widget_get_visible (
    GTK_WIDGET (jp_projector_window_get_host_label (page->projector))));
  g_assert_true (label_contains (jp_projector_window_get_host_label (page->projector),
                                 jp_meeting_server_get_fingerprint (
                                   jp_ballot_page_get_server (page))));
  g_assert_true (label_contains (jp_projector_window_get_host_label (page->projector), port));
  gtk_window_destroy (GTK_WINDOW (page->projector));
  jp_test_spin ();
  g_assert_true (label_contains (page->stations_label, "0"));
  g_assert_false (gtk_widget_get_visible (page->freeze_banner));

  /* open a round for the first trade: one seat, one choice */
  gtk_drop_down_set_selected (page->trade_dropdown, 0);
  gtk_spin_button_set_value (page->seats_spin, 1);
  gtk_spin_button_set_value (page->choices_spin, 1);
  g_signal_emit_by_name (page->open_button, "clicked");
  rounds = jp_store_list_rounds (store, page->trade_codes[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  round = jp_round_copy (rounds->pdata[0]);
  round_id = round->id;
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_OPEN);
  g_assert_cmpint (round->seats, ==, 1);
  g_assert_cmpint (round->max_choices, ==, 1);
  g_assert_cmpint (round->present, ==, round->n_panel);
  g_assert_cmpint (jp_ballot_page_get_round_id (page), ==, round_id);
  g_assert_cmpint (round->n_panel, >=, 3);
  expected = g_strdup_printf ("0 / %d ballots received", round->n_panel);
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, expected);
  g_assert_false (gtk_widget_get_visible (page->tally_box));

  /* two members' ballots through the service, as their stations send them */
  panel = jp_store_round_panel (store, round_id, &error);
  g_assert_no_error (error);
  voter1 = panel->pdata[0];
  voter2 = panel->pdata[1];
  waiting = panel->pdata[2];
  code1 = ballot_test_markable (store, round_id, voter1->code, NULL);
  ballot_test_service_vote (jp_ballot_page_get_service (page), store, round_id, voter1->code,
                            code1);
  code2 = ballot_test_markable (store, round_id, voter2->code, code1);
  ballot_test_service_vote (jp_ballot_page_get_service (page), store, round_id, voter2->code,
                            code2);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("2 / %d ballots received", round->n_panel);
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, expected);
  g_assert_false (label_contains (page->not_voted_label, member_name (voter1->code)));
  g_assert_false (label_contains (page->not_voted_label, member_name (voter2->code)));
  g_assert_true (label_contains (page->not_voted_label, member_name (waiting->code)));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (window), "ballot-open-round");

  /* paper ballots: two passes that differ in serial 2 */
  jp_paper_entry_set_pass (page->paper_entry, 1);
  g_assert_true (jp_paper_entry_select_scrutineer (page->paper_entry, waiting->code));
  type_ballot (page->paper_entry, "1", "", TRUE);
  type_ballot (page->paper_entry, "2", "", FALSE);
  g_assert_cmpint (jp_store_count_paper_entries (store, round_id, 1), ==, 2);
  jp_paper_entry_set_pass (page->paper_entry, 2);
  g_assert_true (jp_paper_entry_select_scrutineer (page->paper_entry, voter1->code));
  type_ballot (page->paper_entry, "1", "", TRUE);
  type_ballot (page->paper_entry, "2", code1, FALSE);
  g_assert_cmpint (jp_store_count_paper_entries (store, round_id, 2), ==, 2);
  g_assert_true (label_contains (jp_paper_entry_get_differences_label (page->paper_entry),
                                 "2"));
  g_assert_true (gtk_widget_has_css_class (
                   GTK_WIDGET (jp_paper_entry_get_differences_label (page->paper_entry)),
                   "error"));
  g_assert_cmpstr (gtk_label_get_text (page->close_hint), !=, "");
  /* an unknown code is refused with the store's message naming it */
  gtk_editable_set_text (jp_paper_entry_get_serial_entry (page->paper_entry), "3");
  gtk_editable_set_text (jp_paper_entry_get_marks_entry (page->paper_entry), "ZZ-99");
  g_signal_emit_by_name (jp_paper_entry_get_add_button (page->paper_entry), "clicked");
  g_assert_true (label_contains (jp_paper_entry_get_error_label (page->paper_entry), "ZZ-99"));
  g_assert_cmpint (jp_store_count_paper_entries (store, round_id, 2), ==, 2);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (window), "ballot-paper-differ");

  g_assert_false (jp_ballot_page_close_confirmed (page));
  {
    g_autoptr(GError) store_error = NULL;

    g_assert_false (jp_store_close_round (store, round_id, "test", &store_error));
    g_assert_cmpstr (jp_ballot_page_get_last_error (page), ==, store_error->message);
  }

  /* fix pass 2 from a file: they agree, the round closes */
  pass2 = g_strdup ("serial,marks\n1,invalid\n2,\n");
  g_assert_true (jp_paper_entry_import_data (page->paper_entry, pass2, strlen (pass2),
                                             "pass2.csv", &error));
  g_assert_no_error (error);
  g_assert_true (label_contains (jp_paper_entry_get_differences_label (page->paper_entry),
                                 "agree"));
  g_assert_true (jp_ballot_page_close_confirmed (page));
  g_clear_pointer (&round, jp_round_free);
  round = jp_store_get_round (store, round_id, NULL);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_CLOSED);

  /* the tally table: every code with its votes; the counts */
  tally = jp_store_get_tally (store, round_id, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (page->tally_box));
  jp_test_collect_labels (GTK_WIDGET (page->tally_grid), texts);
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      const JpTallyCandidate *c = tally->candidates->pdata[i];
      g_autofree char *votes = g_strdup_printf ("%d", c->votes);

      /* row i+1: code, votes, rank, outcome */
      g_assert_cmpstr (texts->pdata[4 * (i + 1)], ==, c->code);
      g_assert_cmpstr (texts->pdata[4 * (i + 1) + 1], ==, votes);
    }
  g_assert_cmpint (tally->cast, ==, 4);
  g_assert_cmpint (tally->invalid, ==, 1);
  g_assert_cmpint (tally->blank, ==, 1);
  g_assert_true (label_contains (page->counts_label, "cast 4"));
  g_assert_true (label_contains (page->counts_label, "invalid 1"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->close_button)));
  /* a closed round cannot be closed again, not even from the keyboard */
  jp_test_press_key (GTK_WIDGET (page), GDK_KEY_w, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_null (find_dialog ());

  /* a tie of 1 : 1 for one seat: run-off, publish and seal are offered */
  g_assert_cmpstrv (tally->runoff_codes, ((const char *[]) {
                      g_strcmp0 (code1, code2) < 0 ? code1 : code2,
                      g_strcmp0 (code1, code2) < 0 ? code2 : code1, NULL }));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->runoff_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->publish_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->seal_button)));
  g_assert_true (label_contains (page->digest_label, tally->digest));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (window), "ballot-closed-tally");

  g_signal_emit_by_name (page->publish_button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->publish_button)));
  g_assert_true (jp_ballot_page_seal_confirmed (page));
  g_clear_pointer (&round, jp_round_free);
  round = jp_store_get_round (store, round_id, NULL);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_SEALED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->seal_button)));

  g_signal_emit_by_name (page->runoff_button, "clicked");
  runoff_id = jp_ballot_page_get_round_id (page);
  g_assert_cmpint (runoff_id, !=, round_id);
  g_clear_pointer (&round, jp_round_free);
  round = jp_store_get_round (store, runoff_id, NULL);
  g_assert_cmpint (round->parent_id, ==, round_id);
  g_assert_cmpint (round->state, ==, JP_ROUND_STATE_OPEN);
  g_assert_cmpuint (round->candidates->len, ==, 2);
  /* a second run-off of the same round is refused with the store's message */
  jp_ballot_page_select_round (page, round_id);
  g_signal_emit_by_name (page->runoff_button, "clicked");
  g_assert_nonnull (jp_ballot_page_get_last_error (page));

  /* the current candidate: who must step out is named */
  jp_ballot_page_select_round (page, runoff_id);
  g_signal_emit_by_name (page->current_button, "clicked");
  g_assert_cmpstr (jp_meeting_service_get_current_candidate (jp_ballot_page_get_service (page)),
                   ==, ((JpRoundCandidate *) round->candidates->pdata[0])->code);
  g_assert_true (label_contains (page->step_out_label,
                                 ((JpRoundCandidate *) round->candidates->pdata[0])->code));

  /* end the meeting: the server stops */
  jp_ballot_page_end_meeting (page);
  g_assert_null (jp_ballot_page_get_server (page));
  g_assert_false (gtk_widget_get_visible (page->hosted_box));

  gtk_window_destroy (window);
  jp_test_spin ();
}


/* The open dialog of the page, if one is presented. */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
close_dialogs (void)
{
  AdwMessageDialog *d;

  while ((d = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (d));
  jp_test_spin ();
}

static const char *
row_subtitle (JpBallotPage *page, gint64 round_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (page->rounds_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (jp_ballot_page_row_round_id (row) == round_id)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}

/* The chair's meeting day: the quorum, no close without a ballot, the summary row counting
 * real ballots, the non-voters named before the close, no second round by accident after
 * the seats are filled, and a tampered result refused at publishing. */
static void
test_chair_flow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jp-test-chair-XXXXXX", NULL);
  g_autoptr(JpStore) st = ballot_test_store (dir, 24);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpBallotPage *page = JP_BALLOT_PAGE (jp_ballot_page_new ());
  JpMeetingService *service;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  AdwMessageDialog *dialog;
  const char *body, *code;
  gint64 round_id;

  gtk_window_set_default_size (window, 1100, 1400);
  gtk_window_set_child (window, GTK_WIDGET (page));
  jp_ballot_page_set_store (page, st);
  gtk_window_present (window);
  jp_test_spin ();
  service = jp_ballot_page_get_service (page);

  gtk_drop_down_set_selected (page->trade_dropdown, 0);
  gtk_spin_button_set_value (page->seats_spin, 1);
  gtk_spin_button_set_value (page->choices_spin, 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->open_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->open_hint)));

  /* below the quorum nothing opens, and the chair is told why */
  gtk_spin_button_set_value (page->present_spin, 1);
  g_assert_false (jp_ballot_page_open_confirmed (page, NULL));
  g_assert_nonnull (strstr (jp_ballot_page_get_last_error (page), "quorum"));
  gtk_drop_down_set_selected (page->trade_dropdown, 1);
  gtk_drop_down_set_selected (page->trade_dropdown, 0);
  gtk_spin_button_set_value (page->seats_spin, 1);
  gtk_spin_button_set_value (page->choices_spin, 1);

  g_signal_emit_by_name (page->open_button, "clicked");
  g_assert_null (find_dialog ());
  round_id = jp_ballot_page_get_round_id (page);
  g_assert_cmpint (round_id, >, 0);
  round = jp_store_get_round (st, round_id, &error);
  g_assert_no_error (error);
  /* while it is open, the button says why nothing else may open */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->open_button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (page->open_button)),
                            "not closed"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->open_hint)));

  /* no ballot: the close is refused */
  g_assert_false (jp_ballot_page_close_confirmed (page));
  g_assert_nonnull (strstr (jp_ballot_page_get_last_error (page), "no ballot"));

  /* a real ballot through the service: the live card and the round's row both count it */
  panel = jp_store_round_panel (st, round_id, &error);
  g_assert_cmpuint (panel->len, >=, 3);
  code = ((JpRoundCandidate *) round->candidates->pdata[0])->code;
  for (guint i = 0; i < round->candidates->len; i++)
    {
      const JpRoundCandidate *c = round->candidates->pdata[i];
      gboolean free_of_conflicts = TRUE;

      for (guint k = 0; k < panel->len; k++)
        if (is_conflicted (st, ((JpPanelMember *) panel->pdata[k])->code,
                           c->candidate_id))
          free_of_conflicts = FALSE;
      if (free_of_conflicts)
        {
          code = c->code;
          break;
        }
    }
  ballot_test_service_vote (service, st, round_id, ((JpPanelMember *) panel->pdata[0])->code, code);
  expected = g_strdup_printf ("1 of %d ballots received", round->n_panel);
  g_assert_nonnull (strstr (row_subtitle (page, round_id), expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("1 / %d ballots received", round->n_panel);
  g_assert_cmpstr (gtk_label_get_text (page->progress_label), ==, expected);

  /* the close confirmation names who has not voted */
  g_signal_emit_by_name (page->close_button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "have not voted"));
  g_assert_null (strstr (body, member_name_in (st, ((JpPanelMember *) panel->pdata[0])->code)));
  for (guint k = 1; k < panel->len; k++)
    g_assert_nonnull (strstr (body, member_name_in (st, ((JpPanelMember *) panel->pdata[k])->code)));
  g_assert_nonnull (strstr (body, "quorum"));
  close_dialogs ();
  /* the same command from the keyboard (the shortcuts window lists it) */
  g_assert_true (jp_test_press_key (GTK_WIDGET (page), GDK_KEY_w,
                                    GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Close the Round?");
  close_dialogs ();

  /* two more for the same code: the one seat is filled; close and seal */
  ballot_test_service_vote (service, st, round_id, ((JpPanelMember *) panel->pdata[1])->code, code);
  ballot_test_service_vote (service, st, round_id, ((JpPanelMember *) panel->pdata[2])->code, code);
  g_assert_true (jp_ballot_page_close_confirmed (page));
  g_assert_true (jp_ballot_page_seal_confirmed (page));

  /* the trade's result stands: a click asks for a reason, opens nothing by itself */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->open_button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (page->open_button)),
                            "reason"));
  g_signal_emit_by_name (page->open_button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "评委会决定复议");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  close_dialogs ();
  rounds = jp_store_list_rounds (st, page->trade_codes[0], NULL);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_false (jp_ballot_page_open_confirmed (page, NULL));
  g_assert_nonnull (strstr (jp_ballot_page_get_last_error (page), "reason"));

  /* someone edits the stored result: publishing refuses, on the page */
  jp_ballot_page_select_round (page, round_id);
  sql = g_strdup_printf ("DROP TRIGGER round_closed_frozen; UPDATE round SET result = "
                         "replace (result, '\"votes\":3', '\"votes\":4') WHERE id = %lld",
                         (long long) round_id);
  g_assert_true (jp_store_exec (st, sql, NULL));
  g_signal_emit_by_name (page->publish_button, "clicked");
  g_assert_nonnull (strstr (jp_ballot_page_get_last_error (page), "altered"));
  g_assert_nonnull (strstr (gtk_label_get_text (page->close_hint), "altered"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->publish_button)));

  /* someone edits a ballot: the chair reads why there is no tally, not an empty tally */
  g_assert_true (gtk_widget_get_visible (page->tally_box));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->round_error)));
  g_free (sql);
  sql = g_strdup_printf ("DROP TRIGGER ballot_no_update; UPDATE ballot SET marks = '' "
                         "WHERE round_id = %lld", (long long) round_id);
  g_assert_true (jp_store_exec (st, sql, NULL));
  jp_ballot_page_reload_rounds (page);
  jp_ballot_page_select_round (page, round_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->round_error)));
  g_assert_true (label_contains (page->round_error, "altered"));
  g_assert_false (gtk_widget_get_visible (page->tally_box));

  jp_ballot_page_end_meeting (page);
  gtk_window_destroy (window);
  jp_test_spin ();
  g_clear_object (&st);
  ballot_test_rm (dir);
}

static void
test_not_frozen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-test-ballot-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "empty.jiangping", NULL);
  g_autoptr(JpStore) empty = jp_store_create (path, NULL, &error);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpBallotPage *page = JP_BALLOT_PAGE (jp_ballot_page_new ());

  g_assert_no_error (error);
  gtk_window_set_child (window, GTK_WIDGET (page));
  jp_ballot_page_set_store (page, empty);
  gtk_window_present (window);
  jp_test_spin ();
  /* the chair is told to freeze first and cannot open a round */
  g_assert_true (gtk_widget_get_visible (page->freeze_banner));
  g_assert_false (gtk_widget_get_sensitive (page->open_box));
  gtk_window_destroy (window);
  jp_test_spin ();
  g_clear_object (&empty);
  ballot_test_rm (dir);
  jp_test_remove_election (dir, path);
}

/* The console's operator changed mid-meeting (main menu, 谁在操作本控制台): the host's next
 * chair action is recorded in the audit under the new operator, not the one who started. */
static void
test_operator_changed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jp-test-operator-XXXXXX", NULL);
  g_autoptr(JpStore) st = ballot_test_store (dir, 12);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpBallotPage *page = JP_BALLOT_PAGE (jp_ballot_page_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const JpAuditEntry *last = NULL;

  jp_operator_set ("王秘书", JP_OPERATOR_ROLE_SECRETARIAT);
  ballot_test_host_page (window, page, st, 1100, 1400);

  /* the chair takes over the console, then opens a round */
  jp_operator_set ("李主任", JP_OPERATOR_ROLE_CHAIR);
  jp_test_spin ();
  gtk_drop_down_set_selected (page->trade_dropdown, 0);
  gtk_spin_button_set_value (page->seats_spin, 1);
  gtk_spin_button_set_value (page->choices_spin, 1);
  g_signal_emit_by_name (page->open_button, "clicked");

  audit = jp_store_list_audit (st, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      const JpAuditEntry *e = audit->pdata[i];

      if (g_strcmp0 (e->action, "round.open") == 0)
        last = e;
    }
  g_assert_nonnull (last);
  g_assert_cmpstr (last->actor, ==, "李主任");

  jp_ballot_page_end_meeting (page);
  gtk_window_destroy (window);
  jp_test_spin ();
  jp_operator_set ("", JP_OPERATOR_ROLE_SECRETARIAT);
  g_clear_object (&st);
  ballot_test_rm (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  jp_test_load_style ();

  tmpdir = g_dir_make_tmp ("jp-test-ballot-XXXXXX", &error);
  g_assert_no_error (error);
  store = ballot_test_store (tmpdir, 24);

  g_test_add_func ("/ui/ballot/stage", test_ballot_stage);
  g_test_add_func ("/ui/ballot/not-frozen", test_not_frozen);
  g_test_add_func ("/ui/ballot/chair-flow", test_chair_flow);
  g_test_add_func ("/ui/ballot/operator-changed", test_operator_changed);
  ret = g_test_run ();

  g_clear_object (&store);
  ballot_test_rm (tmpdir);
  g_free (tmpdir);
  return ret;
}
