/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ui/chair/jp-projector-window.h"
#include "ui/chair/jp-ranking-page.h"
#include "core/jp-core.h"
#include "jp-ballot-test-util.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

static char    *tmpdir;
static JpStore *store;

typedef struct {
  GtkLabel   *label;
  const char *expected;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *w = data;

  return g_strcmp0 (gtk_label_get_text (w->label), w->expected) == 0;
}

static void
test_projector (void)
{
  g_autoptr(JpMeetingService) service = jp_meeting_service_new (store);
  JpProjectorWindow *projector = jp_projector_window_new (service);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *code = NULL;
  g_autofree char *stepping = NULL;
  const JpRoundCandidate *discussed;
  const JpMember *conflicted = NULL;
  const JpMember *elsewhere = NULL;
  LabelWait wait;
  gint64 round_id, start, elapsed;
  const char *trade;

  gtk_window_set_default_size (GTK_WINDOW (projector), 1280, 720);
  gtk_window_present (GTK_WINDOW (projector));
  jp_test_spin ();
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "idle");

  /* a round opened by the chair takes the screen with 0 / M */
  trades = jp_store_list_rounds (store, NULL, NULL);
  g_assert_cmpuint (trades->len, ==, 0);
  {
    g_autoptr(JpSeatPlan) plan = jp_store_get_seat_plan (store, NULL);

    trade = NULL;
    for (guint i = 0; i < plan->rows->len && trade == NULL; i++)
      if (((JpSeatRow *) plan->rows->pdata[i])->qualified >= 3)
        trade = ((JpSeatRow *) plan->rows->pdata[i])->code;
    g_assert_nonnull (trade);
    round_id = jp_meeting_service_open_round (service, trade, 2, 2, -1, &error);
  }
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, NULL);
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "round");
  expected = g_strdup_printf ("Ballots received: 0 / %d", round->n_panel);
  g_assert_cmpstr (gtk_label_get_text (jp_projector_window_get_count_label (projector)), ==,
                   expected);
  g_assert_nonnull (strstr (gtk_label_get_text (jp_projector_window_get_round_label (projector)),
                            round->trade_name));
  for (guint i = 0; i < round->candidates->len; i++)
    g_assert_nonnull (strstr (gtk_label_get_text (jp_projector_window_get_codes_label (projector)),
                              ((JpRoundCandidate *) round->candidates->pdata[i])->code));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (projector), "projector-open-dark");

  /* a member's ballot arrives through the service: the label follows at once */
  panel = jp_store_round_panel (store, round_id, NULL);
  start = g_get_monotonic_time ();
  code = ballot_test_markable (store, round_id, ((JpPanelMember *) panel->pdata[0])->code,
                               NULL);
  ballot_test_service_vote (service, store, round_id,
                            ((JpPanelMember *) panel->pdata[0])->code, code);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Ballots received: 1 / %d", round->n_panel);
  wait.label = jp_projector_window_get_count_label (projector);
  wait.expected = expected;
  g_assert_true (jp_test_wait_until (label_is, &wait, 1000));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("projector update after a ballot: %.2f ms", elapsed / 1000.0);

  /* closed but not published: no tally anywhere */
  g_assert_true (jp_meeting_service_close_round (service, round_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "round");
  g_assert_cmpuint (jp_tally_chart_get_n_bars (jp_projector_window_get_chart (projector)), ==, 0);

  /* published: one bar per code with its votes */
  g_assert_true (jp_meeting_service_publish_results (service, round_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "tally");
  tally = jp_store_get_tally (store, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jp_tally_chart_get_n_bars (jp_projector_window_get_chart (projector)), ==,
                    round->candidates->len);
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      const JpTallyCandidate *c = tally->candidates->pdata[i];
      const char *bar_code = NULL;
      int votes = -1;
      JpTallyOutcome outcome;

      g_assert_true (jp_tally_chart_get_bar (jp_projector_window_get_chart (projector), i,
                                             &bar_code, &votes, &outcome));
      g_assert_cmpstr (bar_code, ==, c->code);
      g_assert_cmpint (votes, ==, c->votes);
      g_assert_cmpint (outcome, ==, c->outcome);
      g_assert_cmpint (votes, ==, g_strcmp0 (c->code, code) == 0 ? 1 : 0);
    }
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (projector), "projector-tally-dark");
  jp_projector_window_set_dark (projector, FALSE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (projector), "jp-projector-light"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (projector), "jp-projector-dark"));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (projector), "projector-tally-light");

  /* current candidate: the code and the names of the members who must step out */
  discussed = round->candidates->pdata[0];
  members = jp_store_list_members (store, NULL);
  /* one member of the trade's panel and one of another trade, both declared relatives:
   * only the first is in the room for this candidate */
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = members->pdata[i];
      gboolean on_panel = FALSE;

      if (is_conflicted (store, m->code, discussed->candidate_id))
        continue;
      for (guint k = 0; k < panel->len; k++)
        on_panel |= g_strcmp0 (((JpPanelMember *) panel->pdata[k])->code, m->code) == 0;
      if (on_panel && conflicted == NULL)
        conflicted = m;
      else if (!on_panel && elsewhere == NULL)
        elsewhere = m;
    }
  g_assert_nonnull (conflicted);
  g_assert_nonnull (elsewhere);
  g_assert_cmpint (jp_store_add_conflict (store, conflicted->code, discussed->candidate_id,
                                          JP_CONFLICT_RELATIVE, "表亲", "test", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (jp_store_add_conflict (store, elsewhere->code, discussed->candidate_id,
                                          JP_CONFLICT_RELATIVE, "表亲", "test", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (jp_meeting_service_set_current_candidate (service, discussed->code, &error));
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "candidate");
  g_assert_cmpstr (gtk_label_get_text (jp_projector_window_get_candidate_label (projector)), ==,
                   discussed->code);
  stepping = g_strdup (gtk_label_get_text (jp_projector_window_get_step_out_label (projector)));
  g_assert_nonnull (strstr (stepping, conflicted->name));
  g_assert_null (strstr (stepping, elsewhere->name));
  g_assert_true (g_str_has_prefix (stepping, "Step out: "));
  jp_projector_window_set_dark (projector, TRUE);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (projector), "projector-candidate-dark");

  /* the mode ends: back to the tally */
  g_assert_true (jp_meeting_service_set_current_candidate (service, NULL, &error));
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "tally");

  /* the meeting ends while a candidate is discussed: the 回避 line goes with it */
  g_assert_true (jp_meeting_service_set_current_candidate (service, discussed->code, &error));
  g_assert_cmpstr (jp_projector_window_get_mode (projector), ==, "candidate");
  jp_meeting_service_end_meeting (service);
  g_assert_cmpstr (jp_projector_window_get_mode (projector), !=, "candidate");
  g_assert_cmpstr (gtk_label_get_text (jp_projector_window_get_step_out_label (projector)), ==,
                   "");

  gtk_window_destroy (GTK_WINDOW (projector));
  jp_test_spin ();
}

static void
publish_to (JpRankingPage     *page,
            JpProjectorWindow *projector)
{
  jp_projector_window_show_ranking (projector, jp_ranking_page_get_ranking (page));
}

static const char *
grid_text (GtkGrid *grid,
           int      col,
           int      row)
{
  GtkWidget *w = gtk_grid_get_child_at (grid, col, row);

  return GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w)) : NULL;
}

static gboolean
shows_ranking (gpointer data)
{
  return g_strcmp0 (jp_projector_window_get_mode (data), "ranking") == 0;
}

static gboolean
has_row_25 (gpointer data)
{
  return gtk_grid_get_child_at (data, 1, 25) != NULL;
}

static gboolean
fits_768 (gpointer data)
{
  return gtk_widget_get_height (data) > 0 && gtk_widget_get_height (data) <= 768;
}

static JpRanking *
make_ranking (guint n,
              int   quota)
{
  JpRankingParams params = { 30, 10, 60, quota, NULL };
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (JpRankingEntry));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  JpRanking *ranking;

  for (guint i = 0; i < n; i++)
    {
      JpRankingEntry e = { 0 };
      char *code = g_strdup_printf ("%s-%02u", i % 2 ? "GD" : "XT", i + 1);

      g_ptr_array_add (codes, code);
      e.code = code;
      e.trade = i % 2 ? "GD" : "XT";
      e.v = 9000 - (gint64) i * 100;
      e.o = 5000;
      /* the second and third are equal on every score: a tie */
      e.d = i == 2 ? 9000 - 100 : 9000 - (gint64) i * 100;
      if (i == 2)
        e.v = 9000 - 100;
      g_array_append_val (entries, e);
    }
  ranking = jp_ranking_compute (&params, (JpRankingEntry *) entries->data, n, NULL, 0, &error);
  g_assert_no_error (error);
  return ranking;
}

/* The chair publishes the ranking from the ranking page (issue 7): before, the projector
 * shows no ranking; after, its rows in ranking order by code, with the recommended and the
 * tied marked; publishing a changed ranking again updates the screen; beyond 25 rows the
 * list is shown page by page. */
static void
test_projector_ranking (void)
{
  g_autoptr(JpMeetingService) service = jp_meeting_service_new (store);
  JpProjectorWindow *projector = jp_projector_window_new (service);
  GtkWidget *window = gtk_window_new ();
  JpRankingPage *page = JP_RANKING_PAGE (jp_ranking_page_new ());
  GtkGrid *grid = jp_projector_window_get_ranking_grid (projector);
  const JpRanking *shown;

  gtk_window_set_default_size (GTK_WINDOW (projector), 1920, 1080);
  gtk_window_present (GTK_WINDOW (projector));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (page, "publish", G_CALLBACK (publish_to), projector);
  jp_ranking_page_show (page, make_ranking (6, 3), NULL, NULL);
  jp_test_spin ();

  /* not published yet: nothing of the ranking on the projector */
  g_assert_cmpstr (jp_projector_window_get_mode (projector), !=, "ranking");
  g_assert_null (gtk_grid_get_child_at (grid, 1, 1));
  g_assert_true (gtk_widget_get_sensitive (jp_ranking_page_get_publish_button (page)));
  jp_test_screenshot (window, "ranking-page-publish-1366");

  /* a button activated by the keyboard clicks after a short visual delay */
  gtk_widget_activate (jp_ranking_page_get_publish_button (page));
  g_assert_true (jp_test_wait_until (shows_ranking, projector, 5000));
  jp_test_spin ();
  shown = jp_ranking_page_get_ranking (page);
  for (guint i = 0; i < shown->candidates->len; i++)
    {
      const JpRankedCandidate *c = shown->candidates->pdata[i];
      const char *mark = grid_text (grid, 7, (int) i + 1);

      g_assert_cmpstr (grid_text (grid, 1, (int) i + 1), ==, c->code);
      g_assert_cmpstr (grid_text (grid, 2, (int) i + 1), ==, c->trade);
      g_assert_true (strstr (mark, _("Recommended")) != NULL || !c->recommended);
      g_assert_true (strstr (mark, _("Tied")) != NULL || !c->tied);
      if (c->tied)
        g_assert_nonnull (strchr (grid_text (grid, 0, (int) i + 1), '='));
    }
  g_assert_true (((const JpRankedCandidate *) shown->candidates->pdata[1])->tied);
  g_assert_true (((const JpRankedCandidate *) shown->candidates->pdata[0])->recommended);
  g_assert_null (gtk_grid_get_child_at (grid, 1, (int) shown->candidates->len + 1));
  jp_test_screenshot (GTK_WIDGET (projector), "projector-ranking-1920");

  /* a changed ranking is not shown until it is published again */
  jp_ranking_page_show (page, make_ranking (40, 20), NULL, NULL);
  jp_test_spin ();
  g_assert_null (gtk_grid_get_child_at (grid, 1, 7));
  gtk_widget_activate (jp_ranking_page_get_publish_button (page));
  g_assert_true (jp_test_wait_until (has_row_25, grid, 5000));
  jp_test_spin ();
  /* 40 rows: the first page of 25, the rest on the next */
  g_assert_nonnull (gtk_grid_get_child_at (grid, 1, 25));
  g_assert_null (gtk_grid_get_child_at (grid, 1, 26));
  jp_test_screenshot (GTK_WIDGET (projector), "projector-ranking-40-1920");
  /* a laptop preview: 25 rows fit a 768 px high window */
  {
    JpProjectorWindow *small = jp_projector_window_new (service);

    gtk_window_set_default_size (GTK_WINDOW (small), 1366, 768);
    gtk_window_present (GTK_WINDOW (small));
    jp_projector_window_show_ranking (small, jp_ranking_page_get_ranking (page));
    g_assert_true (jp_test_wait_until (fits_768, small, 5000));
    jp_test_spin ();
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (small)), <=, 768);
    jp_test_screenshot (GTK_WIDGET (small), "projector-ranking-40-1366");
    gtk_window_destroy (GTK_WINDOW (small));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (projector));
  jp_test_spin ();
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

  tmpdir = g_dir_make_tmp ("jp-test-projector-XXXXXX", &error);
  g_assert_no_error (error);
  store = ballot_test_store (tmpdir, 24);

  g_test_add_func ("/ui/projector/round-tally-candidate", test_projector);
  g_test_add_func ("/ui/projector/ranking-published", test_projector_ranking);
  ret = g_test_run ();

  g_clear_object (&store);
  ballot_test_rm (tmpdir);
  g_free (tmpdir);
  return ret;
}
