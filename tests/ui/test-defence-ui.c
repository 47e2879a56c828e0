/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "../meeting/meeting-test-util.h"
#include "meeting/jp-meeting-service-defence.h"
#include "ui/chair/jp-defence-page.h"
#include "ui/station/jp-station-defence.h"
#include "store/jp-random.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The chair's defence page and a member station's sheet against a host on 127.0.0.1 in
 * this process: XT's finalists are 张三丰 (A; M03 is conflicted with him) and B. */

static char *dir;
static JpStore *store;
static JpMeetingService *service;
static JpMeetingServer *server;
static GHashTable *pins;
static char *code_a, *code_b;

static void
host_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("jp-defence-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "election.jiangping", NULL);
  pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  store = test_meeting_store (path, 0, pins);
  service = jp_meeting_service_new (store);
  server = jp_meeting_server_new (service);
  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  g_assert_no_error (error);
  test_xt_finalists (store, service, &code_a, &code_b);
}

static GtkWidget *
window_with (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_spin ();
  return window;
}

/* The chair opens the session, calls B; no score until all three sheets are in. */
static void
test_chair_page (void)
{
  JpDefencePage *page = JP_DEFENCE_PAGE (jp_defence_page_new ());
  GtkWidget *window = window_with (GTK_WIDGET (page));
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  const char *members[] = { "M01", "M02", "M03" };
  const char *sheets[][6] = {
    { "13", "21.5", "22", "17", "12", NULL },
    { "12", "20", "20", "16", "12", NULL },
    { "14", "22", "21", "17", "14", NULL },
  };
  gint64 round;
  guint b_index;

  jp_defence_page_set_store (page, store, service);
  if (jp_defence_page_get_round (page) == 0)
    g_assert_true (jp_defence_page_open_session (page, "XT", &error));
  g_assert_no_error (error);
  round = jp_defence_page_get_round (page);
  g_assert_cmpint (round, >, 0);
  g_assert_true (jp_defence_page_call (page, code_b, &error));
  g_assert_no_error (error);
  jp_test_spin ();
  {
    g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (store, round, NULL);

    b_index = (guint) jp_defence_session_find (s, code_b)->order - 1;
  }
  row = jp_defence_page_get_row_text (page, b_index);
  g_assert_nonnull (strstr (row, "0 of 3 sheets submitted"));
  g_assert_nonnull (strstr (row, "now presenting"));

  /* two of three in: counts only */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (jp_store_defence_save_sheet_text (store, round, members[i], code_b,
                                                       sheets[i], TRUE, members[i], &error));
      g_assert_no_error (error);
    }
  jp_defence_page_reload (page);
  g_assert_nonnull (strstr (jp_defence_page_get_detail_text (page), "2 of 3"));
  g_assert_null (strstr (jp_defence_page_get_detail_text (page), "D ="));
  g_assert_nonnull (strstr (jp_defence_page_get_detail_text (page), "M03"));
  jp_test_screenshot (window, "defence-chair-waiting");

  g_assert_true (jp_store_defence_save_sheet_text (store, round, "M03", code_b, sheets[2],
                                                   TRUE, "M03", &error));
  jp_defence_page_reload (page);
  jp_test_spin ();
  /* three totals (85.5 + 80 + 88): none dropped below five, D = 253.5 / 3 = 84.50 */
  g_assert_nonnull (strstr (jp_defence_page_get_detail_text (page), "D = 84.50"));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (page), "M01: total 85.5", TRUE));
  jp_test_screenshot (window, "defence-chair-complete");
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

static JpMeetingClient *
station_client (const char *code)
{
  g_autofree char *base = test_base_uri (server);

  return test_logged_in (server, base, dir, pins, code);
}

static gboolean
sheet_shown (gpointer data)
{
  return g_strcmp0 (jp_score_sheet_get_page (jp_station_defence_get_sheet (data)), "sheet") == 0;
}

static gboolean
step_out_shown (gpointer data)
{
  return g_strcmp0 (jp_score_sheet_get_page (jp_station_defence_get_sheet (data)),
                    "status") == 0;
}

static gboolean
draft_on_host (gpointer data)
{
  g_autoptr(JpDefenceSheet) sheet = jp_store_defence_get_sheet (store, *(gint64 *) data, "M01",
                                                                code_a, NULL);

  return sheet != NULL && sheet->halves[1] == 43;
}

/* A station types a draft for A; it restarts; the sheet comes back as typed. M03 is told
 * to step out. */
static void
test_station_restart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = NULL;
  g_autoptr(JpMeetingClient) client = station_client ("M01");
  g_autoptr(JpMeetingClient) again = NULL;
  g_autoptr(JpMeetingClient) m03 = NULL;
  JpStationDefence *station;
  GtkWidget *window;
  gint64 round;

  /* the session, whether or not the chair's test opened it */
  s = jp_store_find_defence_session (store, "XT", NULL);
  round = s != NULL ? s->round_id : jp_meeting_service_defence_open (service, "XT", &error);
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_defence_set_current (service, round, code_a, &error));
  g_assert_no_error (error);

  station = JP_STATION_DEFENCE (jp_station_defence_new (client));
  window = window_with (GTK_WIDGET (station));
  g_assert_true (jp_test_wait_until (sheet_shown, station, 10000));
  gtk_editable_set_text (jp_score_sheet_get_entry (jp_station_defence_get_sheet (station), 0),
                         "13");
  gtk_editable_set_text (jp_score_sheet_get_entry (jp_station_defence_get_sheet (station), 1),
                         "21.5");
  g_assert_true (jp_test_wait_until (draft_on_host, &round, 10000));
  jp_test_screenshot (window, "defence-station-draft");
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&client);
  jp_test_spin ();

  again = station_client ("M01");
  station = JP_STATION_DEFENCE (jp_station_defence_new (again));
  window = window_with (GTK_WIDGET (station));
  g_assert_true (jp_test_wait_until (sheet_shown, station, 10000));
  g_assert_cmpstr (gtk_editable_get_text (jp_score_sheet_get_entry (
                     jp_station_defence_get_sheet (station), 1)), ==, "21.5");
  g_assert_cmpstr (jp_score_sheet_get_total_text (jp_station_defence_get_sheet (station)), ==,
                   "Total 34.5 of 100.0");
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();

  m03 = station_client ("M03");
  station = JP_STATION_DEFENCE (jp_station_defence_new (m03));
  window = window_with (GTK_WIDGET (station));
  g_assert_true (jp_test_wait_until (step_out_shown, station, 10000));
  jp_test_spin ();
  g_assert_cmpstr (jp_score_sheet_get_page (jp_station_defence_get_sheet (station)), ==,
                   "status");
  jp_test_screenshot (window, "defence-station-step-out");
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}


static gboolean
sheet_locked (gpointer data)
{
  JpSheetModel *model = jp_score_sheet_get_model (jp_station_defence_get_sheet (data));

  return model != NULL && jp_sheet_model_get_state (model) == JP_SHEET_SUBMITTED;
}

static gboolean
failing_source (guint8 *buf, gsize len, gpointer user_data, GError **error)
{
  g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED, "no entropy today");
  return FALSE;
}

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  jp_test_collect_labels (widget, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (labels->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* A station fills in the sheet, confirms it and submits it: the key comes from the secure
 * source (a failing source leaves the sheet unsent and says why), the host stores the sheet
 * and the station shows it locked. */
static void
test_station_submit (void)
{
  static const char *values[] = { "13", "21.5", "20", "16", "12" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = NULL;
  g_autoptr(JpDefenceSheet) stored = NULL;
  g_autoptr(JpMeetingClient) client = station_client ("M02");
  JpStationDefence *station;
  JpScoreSheet *sheet;
  GtkWidget *window;
  gint64 round;

  s = jp_store_find_defence_session (store, "XT", NULL);
  round = s != NULL ? s->round_id : jp_meeting_service_defence_open (service, "XT", &error);
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_defence_set_current (service, round, code_a, &error));
  g_assert_no_error (error);

  station = JP_STATION_DEFENCE (jp_station_defence_new (client));
  sheet = jp_station_defence_get_sheet (station);
  window = window_with (GTK_WIDGET (station));
  g_assert_true (jp_test_wait_until (sheet_shown, station, 10000));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_editable_set_text (jp_score_sheet_get_entry (sheet, i), values[i]);

  /* the confirmation says what is about to be sent */
  jp_score_sheet_review (sheet);
  g_assert_cmpstr (jp_score_sheet_get_page (sheet), ==, "confirm");
  g_assert_true (shows_text (GTK_WIDGET (sheet), "82.5"));

  /* no key, nothing sent: the member reads why and may submit again */
  jp_random_set_source_for_testing (failing_source, NULL);
  jp_score_sheet_submit (sheet);
  jp_random_set_source_for_testing (NULL, NULL);
  g_assert_cmpstr (jp_score_sheet_get_page (sheet), ==, "sheet");
  g_assert_nonnull (strstr (jp_score_sheet_get_message_text (sheet), "no entropy today"));
  stored = jp_store_defence_get_sheet (store, round, "M02", code_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, !=, JP_DEFENCE_SHEET_SUBMITTED);
  g_clear_pointer (&stored, jp_defence_sheet_free);

  jp_score_sheet_review (sheet);
  jp_score_sheet_submit (sheet);
  g_assert_true (jp_test_wait_until (sheet_locked, station, 10000));
  stored = jp_store_defence_get_sheet (store, round, "M02", code_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->state, ==, JP_DEFENCE_SHEET_SUBMITTED);
  g_assert_cmpint (stored->total_halves, ==, 165);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

int
main (int argc, char *argv[])
{
  int status;

  jp_test_init_ui (&argc, &argv);
  host_start ();
  g_test_add_func ("/ui/defence/chair-page", test_chair_page);
  g_test_add_func ("/ui/defence/station-restart", test_station_restart);
  g_test_add_func ("/ui/defence/station-submit", test_station_submit);
  status = g_test_run ();
  jp_meeting_server_disconnect (server);
  g_clear_object (&server);
  g_clear_object (&service);
  g_clear_object (&store);
  test_rm_rf (dir);
  return status;
}
