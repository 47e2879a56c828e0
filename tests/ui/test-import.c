/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/app/jp-import-dialog.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"

/* The import flows of the election window, as a secretary meets them: a progress dialog,
 * then the report with what was added, updated and rejected, and the list reloaded. */

typedef struct {
  char     *dir;
  JpStore  *store;
  JpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jp-ui-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "import.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  f->window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  jp_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  jp_test_spin ();
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static JpImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (JP_IS_IMPORT_DIALOG (w))
        return JP_IMPORT_DIALOG (w);
    }
  return NULL;
}

static gboolean
report_shown (gpointer data)
{
  JpImportDialog *dialog = find_import_dialog ();
  const char *summary;

  if (dialog == NULL)
    return FALSE;
  summary = jp_import_dialog_get_summary (dialog);
  return summary != NULL && *summary != '\0';
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static guint
shown_candidates (Fixture *f)
{
  GtkColumnView *view = jp_candidate_list_get_column_view (jp_window_get_candidate_list (f->window));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* Whether any label of the dialog contains `text`. */
static gboolean
dialog_mentions (JpImportDialog *dialog,
                 const char     *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  jp_test_collect_labels (GTK_WIDGET (dialog), texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
close_import_dialog (void)
{
  JpImportDialog *dialog = find_import_dialog ();

  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_spin ();
}

static void
test_import_dossiers_report (Fixture *f, gconstpointer data)
{
  g_autofree char *samples = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "data", "samples",
                                               "dossiers", NULL);
  g_autofree char *bad_zip = g_build_filename (f->dir, "坏包.zip", NULL);
  const char *paths[] = { samples, bad_zip, NULL };
  JpImportDialog *dialog;
  const char *summary;

  g_assert_true (g_file_set_contents (bad_zip, "this is not a zip file", -1, NULL));
  g_assert_cmpuint (shown_candidates (f), ==, 0);

  jp_window_import_paths (f->window, paths);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (jp_test_wait_until (report_shown, NULL, 20000));

  /* the report: the two sample dossiers added, the broken zip rejected and named */
  summary = jp_import_dialog_get_summary (dialog);
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "2"));
  g_assert_nonnull (strstr (summary, "1"));
  g_assert_cmpuint (count_rows (jp_import_dialog_get_entries_list (dialog)), >=, 3);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (dialog), "王建华", FALSE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (dialog), "李秀梅", FALSE));
  g_assert_true (dialog_mentions (dialog, "坏包.zip"));
  close_import_dialog ();

  /* the list reloaded with the two new candidates; nothing was written for the bad zip */
  g_assert_cmpuint (shown_candidates (f), ==, 2);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);

  /* importing the same folder again updates, never duplicates */
  jp_window_import_paths (f->window, (const char *[]) { samples, NULL });
  g_assert_true (jp_test_wait_until (report_shown, NULL, 20000));
  close_import_dialog ();
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
  g_assert_cmpuint (shown_candidates (f), ==, 2);
}

static void
test_import_roster_report (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "候选人汇总表.csv", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "坏表.csv", NULL);
  JpImportDialog *dialog;

  g_assert_true (g_file_set_contents (csv,
      "\xEF\xBB\xBF序号,推荐单位,姓名,性别,身份证号,行业\n"
      "1,甲工会,赵一,男,11010519491231002X,稀土\n"
      "2,乙工会,钱二,女,,风电\n", -1, NULL));
  jp_window_import_roster_file (f->window, csv);
  g_assert_true (jp_test_wait_until (report_shown, NULL, 20000));
  dialog = find_import_dialog ();
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (dialog), "赵一", FALSE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (dialog), "钱二", FALSE));
  close_import_dialog ();
  g_assert_cmpuint (shown_candidates (f), ==, 2);

  /* a file that cannot be read at all: the dialog names the file and the line */
  g_assert_true (g_file_set_contents (broken, "姓名,推荐单位\n\"赵一,甲工会\n", -1, NULL));
  jp_window_import_roster_file (f->window, broken);
  g_assert_true (jp_test_wait_until (report_shown, NULL, 20000));
  dialog = find_import_dialog ();
  g_test_message ("summary: %s", jp_import_dialog_get_summary (dialog));
  g_assert_true (dialog_mentions (dialog, "坏表.csv"));
  g_assert_true (dialog_mentions (dialog, "2"));
  close_import_dialog ();
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/import/dossiers-report", Fixture, NULL, fixture_set_up,
              test_import_dossiers_report, fixture_tear_down);
  g_test_add ("/ui/import/roster-report", Fixture, NULL, fixture_set_up,
              test_import_roster_report, fixture_tear_down);
  return g_test_run ();
}
