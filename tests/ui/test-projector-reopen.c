/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>

#include "../meeting/meeting-test-util.h"
#include "store/jp-store-defence.h"
#include "store/jp-store-ranking.h"
#include "ui/chair/jp-ballot-page-private.h"
#include "jp-ballot-test-util.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* Every sheet of the XT defence session submitted, each scorer with other values; the
 * session closed. */
static void
score_and_close (JpStore *store)
{
  static const char *const sheets[] = { "15,23,22,17,13", "12,20,19,16,12", "10,15,15,10,10" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) session = NULL;
  gint64 id = jp_store_open_defence_session (store, "XT", "chair", &error);

  g_assert_no_error (error);
  session = jp_store_get_defence_session (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < session->candidates->len; i++)
    {
      const JpDefenceCandidate *c = session->candidates->pdata[i];

      g_assert_true (jp_store_defence_set_current (store, id, c->code, "chair", &error));
      g_assert_no_error (error);
      for (guint m = 0; c->scorers[m] != NULL; m++)
        {
          g_auto(GStrv) values = g_strsplit (sheets[(i + m) % G_N_ELEMENTS (sheets)], ",", -1);

          g_assert_true (jp_store_defence_save_sheet_text (store, id, c->scorers[m], c->code,
                                                           (const char *const *) values, TRUE,
                                                           "station", &error));
          g_assert_no_error (error);
        }
    }
  g_assert_true (jp_store_close_round (store, id, "chair", &error));
  g_assert_no_error (error);
}

static gboolean
shows_ranking (gpointer data)
{
  return g_strcmp0 (jp_projector_window_get_mode (data), "ranking") == 0;
}

static gboolean
laid_out (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static gboolean
has_projector (gpointer page)
{
  return jp_ballot_page_get_projector (page) != NULL;
}

/* Hosts the meeting on `store` in a chair's ballot page and opens the projector, as the chair
 * does with its button; returns the page's window. */
static GtkWindow *
host_and_open_projector (JpStore *store)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpBallotPage *page = JP_BALLOT_PAGE (jp_ballot_page_new ());

  ballot_test_host_page (window, page, store, 1366, 768);
  gtk_widget_activate (GTK_WIDGET (page->projector_button));
  g_assert_true (jp_test_wait_until (has_projector, page, 5000));
  return window;
}

static void
close_page (GtkWindow *window)
{
  JpBallotPage *page = JP_BALLOT_PAGE (gtk_window_get_child (window));

  gtk_window_destroy (GTK_WINDOW (jp_ballot_page_get_projector (page)));
  jp_ballot_page_end_meeting (page);
  gtk_window_destroy (window);
  jp_test_spin ();
}

/* The host restarts after the chair published the ranking: the projector opened again shows
 * the ranking as published (rows and order), where before publication it showed none. */
static void
test_reopened_projector_shows_published (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-projector-reopen-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "election.jiangping", NULL);
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JpStore) store = test_meeting_store (path, 0, pins);
  g_autoptr(JpRanking) published = NULL;
  g_autofree char *a = NULL, *b = NULL;
  JpProjectorWindow *projector;
  GtkGrid *grid;
  GtkWindow *window;

  /* the XT ballot makes 张三丰 and B the finalists; their defence is scored and closed */
  test_xt_finalists (store, NULL, &a, &b);
  score_and_close (store);

  /* nothing published yet: the projector shows no ranking */
  window = host_and_open_projector (store);
  projector = jp_ballot_page_get_projector (JP_BALLOT_PAGE (gtk_window_get_child (window)));
  jp_test_spin ();
  g_assert_cmpstr (jp_projector_window_get_mode (projector), !=, "ranking");
  g_assert_null (gtk_grid_get_child_at (jp_projector_window_get_ranking_grid (projector), 1, 1));
  close_page (window);

  published = jp_store_rank_publish (store, "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (published->candidates->len, ==, 2);

  /* the host restarts */
  g_clear_object (&store);
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  window = host_and_open_projector (store);
  projector = jp_ballot_page_get_projector (JP_BALLOT_PAGE (gtk_window_get_child (window)));
  g_assert_true (jp_test_wait_until (shows_ranking, projector, 5000));
  grid = jp_projector_window_get_ranking_grid (projector);
  for (guint i = 0; i < published->candidates->len; i++)
    {
      const JpRankedCandidate *c = published->candidates->pdata[i];
      GtkWidget *code = gtk_grid_get_child_at (grid, 1, (int) i + 1);

      g_assert_true (GTK_IS_LABEL (code));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (code)), ==, c->code);
    }
  g_assert_null (gtk_grid_get_child_at (grid, 1, (int) published->candidates->len + 1));
  jp_test_wait_until (laid_out, projector, 5000);
  jp_test_screenshot (GTK_WIDGET (projector), "projector-reopened-ranking");
  g_assert_null (jp_ballot_page_get_last_error (JP_BALLOT_PAGE (gtk_window_get_child (window))));
  close_page (window);

  g_clear_object (&store);
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/ui/projector/reopened-shows-published-ranking",
                   test_reopened_projector_shows_published);
  return g_test_run ();
}
