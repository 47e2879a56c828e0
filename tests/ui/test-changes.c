/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/review/jp-review-page-private.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* Pages follow JpStore::changed: a change made through one page shows on the others without
 * anybody reloading them by hand. */

typedef struct {
  char     *tmpdir;
  char     *path;
  JpStore  *store;
  JpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JpDemoOptions options = { 8, JP_DEMO_DEFAULT_SEED, 0 };

  fixture->tmpdir = g_dir_make_tmp ("jp-test-changes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->tmpdir, "demo.jiangping", NULL);
  fixture->store = jp_demo_create (fixture->path, &options, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  jp_window_set_store (fixture->window, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  jp_test_spin ();
  g_clear_object (&fixture->store);
  g_remove (fixture->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

/* The status the candidate list (the election's first page) shows for `id`. */
static JpCandidateStatus
listed_status (Fixture *fixture,
               gint64   id)
{
  GtkColumnView *view = jp_candidate_list_get_column_view (jp_window_get_candidate_list (
                                                             fixture->window));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      if (c->id == id)
        return c->status;
    }
  g_assert_not_reached ();
}

/* A decision saved on the qualification page shows in the candidate list at once: before,
 * the list kept the old status until the election was opened again. */
static void
test_review_shows_in_list (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListModel) all = jp_store_list_candidates (fixture->store, NULL);
  g_autoptr(JpCandidate) first = g_list_model_get_item (all, 0);
  g_autofree char *heading = NULL;
  JpReviewPage *page;

  g_assert_cmpint (listed_status (fixture, first->id), !=, JP_STATUS_RETURNED);

  jp_window_show_stage (fixture->window, "qualification");
  page = jp_window_get_review_page (fixture->window);
  jp_test_spin ();
  g_assert_true (jp_review_page_show_candidate (page, first->id));
  gtk_check_button_set_active (jp_review_page_get_returned_check (page), TRUE);
  gtk_editable_set_text (jp_review_page_get_reason_entry (page), "推荐材料不全，请补充证明材料");
  jp_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.save", NULL));
  jp_test_spin ();
  g_assert_null (jp_review_page_get_last_message (page));

  /* the dossier beside the form: its heading says Returned, as the progress does */
  heading = g_strdup_printf ("%s · %s · %s", first->unit, first->trade,
                             jp_status_label (JP_STATUS_RETURNED));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (page), heading, TRUE));

  /* back on the candidate list: it shows the decision */
  jp_window_show_stage (fixture->window, "candidates");
  jp_test_spin ();
  g_assert_cmpint (listed_status (fixture, first->id), ==, JP_STATUS_RETURNED);
  jp_test_screenshot (GTK_WIDGET (fixture->window), "changes-list-after-review");
}

/* The audit log, filled when it was first visited, shows a decision saved since on another
 * stage: the window no longer reloads it on the stage switch, the page follows the store. */
static void
test_audit_follows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) all = jp_store_list_candidates (fixture->store, NULL);
  g_autoptr(JpCandidate) first = g_list_model_get_item (all, 0);
  GtkListBox *list = jp_audit_page_get_list (fixture->window->audit_page);
  GtkListBoxRow *newest;
  JpReviewPage *page;

  jp_window_show_stage (fixture->window, "audit");
  jp_test_spin ();
  newest = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (newest);
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (newest)),
                         "review.decide"));

  jp_window_show_stage (fixture->window, "qualification");
  page = jp_window_get_review_page (fixture->window);
  jp_test_spin ();
  g_assert_true (jp_review_page_show_candidate (page, first->id));
  gtk_check_button_set_active (jp_review_page_get_returned_check (page), TRUE);
  gtk_editable_set_text (jp_review_page_get_reason_entry (page), "推荐材料不全，请补充证明材料");
  jp_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.save", NULL));
  jp_test_spin ();

  jp_window_show_stage (fixture->window, "audit");
  jp_test_spin ();
  newest = gtk_list_box_get_row_at_index (list, 0);
  /* the action in words, its code beside the details */
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (newest)),
                            "Qualification decided"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (newest)),
                            "review.decide"));
}

/* A candidate saved from elsewhere (here the store, as the import's worker does on its own
 * connection) shows on the qualification page's progress without a reload. */
static gboolean
progress_counts (gpointer data)
{
  Fixture *fixture = data;
  JpReviewPage *page = jp_window_get_review_page (fixture->window);
  g_autofree char *want = g_strdup_printf ("Reviewed 0 of %u",
                                           jp_store_count_candidates (fixture->store));

  return g_str_has_prefix (gtk_label_get_text (jp_review_page_get_progress_label (page)), want);
}

typedef struct {
  const char *path;
  JpStore    *target;
} Worker;

static gpointer
worker_thread (gpointer user_data)
{
  Worker *w = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (w->path, &error);
  g_autoptr(JpCandidate) c = jp_candidate_new ();

  g_assert_no_error (error);
  jp_store_forward_changes (store, w->target);
  c->name = g_strdup ("新候选人");
  c->unit = g_strdup ("新单位");
  g_assert_true (jp_store_save_candidate (store, c, NULL, "worker", NULL, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_worker_write_shows (Fixture       *fixture,
                         gconstpointer  data)
{
  Worker w = { fixture->path, fixture->store };
  guint before = jp_store_count_candidates (fixture->store);
  GtkColumnView *view = jp_candidate_list_get_column_view (jp_window_get_candidate_list (
                                                             fixture->window));

  jp_window_show_stage (fixture->window, "qualification");
  jp_test_spin ();
  g_assert_true (progress_counts (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, before);

  g_thread_join (g_thread_new ("import", worker_thread, &w));
  g_assert_cmpuint (jp_store_count_candidates (fixture->store), ==, before + 1);
  g_assert_true (jp_test_wait_until (progress_counts, fixture, 10000));
  jp_window_show_stage (fixture->window, "candidates");
  jp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/ui/changes/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("review-shows-in-list", test_review_shows_in_list);
  ADD ("audit-follows", test_audit_follows);
  ADD ("worker-write-shows", test_worker_write_shows);
#undef ADD

  return g_test_run ();
}
