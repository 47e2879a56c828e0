/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench-ui"

#include "config.h"

#include <adwaita.h>

#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/app/jp-window-private.h"
#include "demo/jp-demo.h"
#include "jp-ui-test-util.h"

/* Time from opening a 200-candidate election to its candidate rows on screen. */

typedef struct {
  GtkWidget  *view;
  const char *first_name;
} Shown;

static gboolean
rows_realised (gpointer data)
{
  Shown *shown = data;

  return shown->first_name != NULL
         && jp_test_find_label (shown->view, shown->first_name, TRUE) != NULL;
}

int
main (int   argc,
      char *argv[])
{
  const char *path = g_getenv ("JP_BENCH_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpCandidate) first = NULL;
  JpWindow *window;
  GListModel *model;
  Shown shown = { NULL, NULL };
  gint64 start, opened, shown_at;

  g_autofree char *cached = NULL;

  /* The same cached 200-candidate election as the open-200 benchmark, made if missing. */
  if (path == NULL)
    {
      const char *dir = g_getenv ("JP_BENCH_DIR");

      cached = g_build_filename (dir != NULL ? dir : ".", "bench-200.jiangping", NULL);
      path = cached;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      JpDemoOptions options = { 200, JP_DEMO_DEFAULT_SEED, 20 };
      g_autoptr(JpStore) made = jp_demo_create (path, &options, NULL, NULL, &error);

      if (made == NULL)
        {
          g_printerr ("open-ui-200: could not create %s: %s\n", path, error->message);
          return 1;
        }
    }

  gtk_init ();
  adw_init ();
  window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_spin ();

  start = g_get_monotonic_time ();
  store = jp_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("open-ui-200: %s\n", error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();
  jp_window_set_store (window, store);

  shown.view = GTK_WIDGET (jp_candidate_list_get_column_view (
                             jp_window_get_candidate_list (window)));
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (shown.view)));
  if (g_list_model_get_n_items (model) > 0)
    {
      first = g_list_model_get_item (model, 0);
      shown.first_name = first->name;
    }
  if (!jp_test_wait_until (rows_realised, &shown, 10000))
    {
      g_printerr ("open-ui-200: the candidate rows never appeared\n");
      return 1;
    }
  shown_at = g_get_monotonic_time ();

  g_print ("open-ui-200: %u candidates, store open %.1f ms, rows on screen %.1f ms "
           "(target 500 ms)\n",
           g_list_model_get_n_items (model), (opened - start) / 1000.0,
           (shown_at - start) / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
