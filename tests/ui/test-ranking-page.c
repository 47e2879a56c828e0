/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "core/jp-core.h"
#include "ui/chair/jp-ranking-page.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

typedef struct {
  GtkWidget     *window;
  JpRankingPage *page;
} Fixture;

static void
fixture_set_up (Fixture *fx, gconstpointer data)
{
  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1366, 768);
  fx->page = JP_RANKING_PAGE (jp_ranking_page_new ());
  gtk_window_set_child (GTK_WINDOW (fx->window), GTK_WIDGET (fx->page));
  gtk_window_present (GTK_WINDOW (fx->window));
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture *fx, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jp_test_spin ();
}

/* The worked example of docs/ranking.md: quota 2, XT-01 and GD-01 in, XT-02 out. */
static void
test_worked_example (Fixture *fx, gconstpointer data)
{
  JpRankingParams params = { 30, 10, 60, 2, NULL };
  JpRankingEntry entries[] = {
    { "XT-01", "XT", 8182, 10000, 8717 },
    { "XT-02", "XT", 5455, 5000, 8033 },
    { "GD-01", "GD", 6250, 0, 8588 },
  };
  JpDefenceSheetTotal xt01[] = {
    { "M01", 180 }, { "M02", 177 }, { "M03", 174 }, { "M04", 172 }, { "M05", 120 },
  };
  JpDefenceSheetTotal xt02[] = {
    { "M01", 160 }, { "M02", 165 }, { "M03", 158 }, { "M04", 162 }, { "M05", 160 },
  };
  g_autoptr(GError) error = NULL;
  JpRanking *ranking = jp_ranking_compute (&params, entries, 3, NULL, 0, &error);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (
      (GDestroyNotify) jp_defence_score_free);
  GPtrArray *consistency;
  g_autofree char *row0 = NULL;
  g_autofree char *row2 = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (scores, jp_defence_score_compute (xt01, 5, 5, 1500, &error));
  g_ptr_array_add (scores, jp_defence_score_compute (xt02, 5, 5, 1500, &error));
  consistency = jp_judge_consistency_compute (scores);
  jp_ranking_page_show (fx->page, ranking, consistency, NULL);
  jp_test_spin ();

  g_assert_cmpstr (jp_ranking_page_get_formula_text (fx->page), ==,
                   "C = 0.30 × V + 0.10 × O + 0.60 × D");
  g_assert_nonnull (strstr (jp_ranking_page_get_cutoff_text (fx->page), "70.28"));
  row0 = jp_ranking_page_get_row_text (fx->page, 0);
  g_assert_cmpstr (row0, ==,
                   "1|XT-01|XT|81.82|100.00|87.17|86.85|+16.57||Recommended|Move Out…");
  row2 = jp_ranking_page_get_row_text (fx->page, 2);
  g_assert_cmpstr (row2, ==,
                   "3|XT-02|XT|54.55|50.00|80.33|69.56|−0.72||Not recommended|Move In…");
  /* the recommended are marked as such on screen */
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (GTK_GRID (
      jp_ranking_page_get_table (fx->page)), 9, 1), "jp-ranking-recommended"));

  jp_ranking_page_select (fx->page, "XT-01");
  g_assert_cmpstr (jp_ranking_page_get_breakdown_text (fx->page), ==,
                   "XT-01: C = 0.30 × 81.82 + 0.10 × 100.00 + 0.60 × 87.17 = 24.546 + 10.0 + "
                   "52.302 = 86.848 → 86.85");
  jp_test_spin ();
  jp_test_screenshot (fx->window, "ranking-page");
  g_assert_false (jp_test_any_label_ellipsized (fx->window));

  /* the consistency view: M05 is −13.75 with one alert (docs/ranking.md) */
  g_assert_nonnull (jp_test_find_label (jp_ranking_page_get_consistency_table (fx->page),
                                        "−13.75", FALSE));
  g_assert_nonnull (jp_test_find_label (jp_ranking_page_get_consistency_table (fx->page),
                                        "+1.25", FALSE));
}

/* The page says when the ranking was last published and whether the one it shows is still
 * the one published: the chair moves XT-02 in, and the page asks for a new publication. */
static void
test_published (Fixture *fx, gconstpointer data)
{
  JpRankingParams params = { 30, 10, 60, 2, NULL };
  JpRankingEntry entries[] = {
    { "XT-01", "XT", 8182, 10000, 8717 },
    { "XT-02", "XT", 5455, 5000, 8033 },
    { "GD-01", "GD", 6250, 0, 8588 },
  };
  JpRankingAdjustment move = { "XT-02", TRUE, "国家级技能大师工作室" };
  g_autoptr(GError) error = NULL;
  JpRanking *ranking = jp_ranking_compute (&params, entries, 3, NULL, 0, &error);
  JpRanking *adjusted = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 12, 4, 15, 30, 0);

  g_assert_no_error (error);
  digest = g_strdup (ranking->digest);
  jp_ranking_page_show (fx->page, ranking, NULL, NULL);
  g_assert_cmpstr (jp_ranking_page_get_published_text (fx->page), ==, "");

  jp_ranking_page_set_published (fx->page, digest, "主任", g_date_time_to_unix (at));
  jp_test_spin ();
  g_assert_nonnull (strstr (jp_ranking_page_get_published_text (fx->page),
                            "2026-12-04 15:30:00 by 主任"));
  g_assert_nonnull (strstr (jp_ranking_page_get_published_text (fx->page),
                            "is the one published"));
  jp_test_screenshot (fx->window, "ranking-page-published");

  adjusted = jp_ranking_compute (&params, entries, 3, &move, 1, &error);
  g_assert_no_error (error);
  jp_ranking_page_show (fx->page, adjusted, NULL, NULL);
  jp_test_spin ();
  g_assert_nonnull (strstr (jp_ranking_page_get_published_text (fx->page),
                            "has changed since"));
  jp_test_screenshot (fx->window, "ranking-page-changed");
  g_assert_false (jp_test_any_label_ellipsized (fx->window));
}

/* Two candidates equal on C, D, V and O across a quota of 2: shown as tied, neither
 * recommended, and the page says that the chair decides. */
static void
test_tie_at_quota (Fixture *fx, gconstpointer data)
{
  JpRankingParams params = { 30, 10, 60, 2, NULL };
  JpRankingEntry entries[] = {
    { "XT-01", "XT", 9000, 9000, 9000 },
    { "XT-02", "XT", 8000, 8000, 8000 },
    { "GD-01", "GD", 8000, 8000, 8000 },
    { "GD-02", "GD", 7000, 7000, 7000 },
  };
  JpRankingAdjustment adjust[] = { { "GD-02", TRUE, "现场表现突出，委员会一致同意" } };
  g_autoptr(GError) error = NULL;
  JpRanking *ranking = jp_ranking_compute (&params, entries, 4, adjust, 1, &error);
  g_autofree char *row1 = NULL;
  g_autofree char *row3 = NULL;

  g_assert_no_error (error);
  jp_ranking_page_show (fx->page, ranking, NULL, NULL);
  jp_test_spin ();
  row1 = jp_ranking_page_get_row_text (fx->page, 1);
  g_assert_cmpstr (row1, ==,
                   "2=|GD-01|GD|80.00|80.00|80.00|80.00|0.00|Tied|Tie at the cut-off: the chair "
                   "decides|Move In…");
  g_assert_nonnull (strstr (jp_ranking_page_get_cutoff_text (fx->page),
                            "A tie crosses the quota at C = 80.00"));
  row3 = jp_ranking_page_get_row_text (fx->page, 3);
  g_assert_nonnull (strstr (row3, "Recommended (moved in by the chair)"));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fx->page),
                                        "The chair's adjustments:\nGD-02 moved into the list: "
                                        "现场表现突出，委员会一致同意", TRUE));
  jp_test_screenshot (fx->window, "ranking-page-tie");
  g_assert_false (jp_test_any_label_ellipsized (fx->window));

  /* sealed: no more adjustments offered */
  jp_ranking_page_set_sealed (fx->page, ranking->digest);
  g_assert_null (gtk_grid_get_child_at (GTK_GRID (jp_ranking_page_get_table (fx->page)),
                                        10, 1));
  g_assert_nonnull (strstr (row3, "GD-02"));
}

int
main (int argc, char *argv[])
{
  jp_test_init_ui (&argc, &argv);
  g_test_add ("/ui/ranking-page/worked-example", Fixture, NULL, fixture_set_up,
              test_worked_example, fixture_tear_down);
  g_test_add ("/ui/ranking-page/published", Fixture, NULL, fixture_set_up, test_published,
              fixture_tear_down);
  g_test_add ("/ui/ranking-page/tie-at-quota", Fixture, NULL, fixture_set_up,
              test_tie_at_quota, fixture_tear_down);
  return g_test_run ();
}
