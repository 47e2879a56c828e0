/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

#define N_CANDIDATES 30

/* One demo election for all the cases: generating it is the slow part. */
static char     *tmpdir;
static JpStore  *store;

typedef struct {
  JpWindow        *window;
  JpCandidateList *list;
  GListModel      *all;     /* the store's candidates, for the expected values */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->window = jp_window_new (NULL);
  jp_window_set_store (fixture->window, store);
  fixture->list = jp_window_get_candidate_list (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->all = jp_store_list_candidates (store, &error);
  g_assert_no_error (error);
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->all);
  jp_test_spin ();
}

static GListModel *
view_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (
                         jp_candidate_list_get_column_view (fixture->list)));
}

static guint
count_severity (JpCandidate *c,
                JpSeverity   severity)
{
  guint n = 0;

  for (guint i = 0; c->findings != NULL && i < c->findings->len; i++)
    if (((JpFinding *) g_ptr_array_index (c->findings, i))->severity == severity)
      n++;
  return n;
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL)
    return FALSE;
  h = g_utf8_casefold (haystack, -1);
  n = g_utf8_casefold (needle, -1);
  return strstr (h, n) != NULL;
}

typedef struct {
  Fixture *fixture;
  guint    n;
} WaitCount;

static gboolean
view_has_n_items (gpointer data)
{
  WaitCount *w = data;

  return g_list_model_get_n_items (view_model (w->fixture)) == w->n;
}

static void
test_all_rows (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *model = view_model (fixture);
  JpCandidate *first;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CANDIDATES);
  g_assert_cmpstr (gtk_label_get_text (jp_candidate_list_get_count_label (fixture->list)), ==,
                   "Showing 30 of 30 candidates");
  g_assert_cmpstr (jp_window_get_visible_page (fixture->window), ==, "election");
  g_assert_cmpstr (jp_window_get_visible_stage (fixture->window), ==, "candidates");

  /* the rows are drawn from the items: the first candidate's name is on screen */
  first = g_list_model_get_item (model, 0);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (jp_candidate_list_get_column_view (
                                                      fixture->list)), first->name, TRUE));
  g_object_unref (first);
}

/* A search that matches nobody says so and offers to show everyone again. */
static void
test_no_match (Fixture       *fixture,
               gconstpointer  data)
{
  AdwStatusPage *page = jp_candidate_list_get_no_match_page (fixture->list);
  WaitCount w = { fixture, 0 };

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page)));
  gtk_editable_set_text (jp_candidate_list_get_search_entry (fixture->list), "没有这个人");
  g_assert_true (jp_test_wait_until (view_has_n_items, &w, 2000));
  jp_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "没有这个人"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "Esc"));
  jp_test_screenshot (GTK_WIDGET (fixture->window), "candidate-list-no-match");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "list.clear-filters",
                                             NULL));
  w.n = N_CANDIDATES;
  g_assert_true (jp_test_wait_until (view_has_n_items, &w, 2000));
  jp_test_spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_editable_get_text (jp_candidate_list_get_search_entry (fixture->list)),
                   ==, "");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JpCandidate) target = g_list_model_get_item (fixture->all, 7);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model;
  WaitCount w = { fixture, 0 };
  g_autofree char *label = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (fixture->all); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (fixture->all, i);

      if (contains_casefold (c->name, target->name)
          || contains_casefold (c->id_number, target->name)
          || contains_casefold (c->unit, target->name)
          || contains_casefold (c->employer, target->name)
          || contains_casefold (c->work_type, target->name))
        g_hash_table_add (expected, c->id_number);
    }
  g_assert_cmpuint (g_hash_table_size (expected), >=, 1);
  g_assert_cmpuint (g_hash_table_size (expected), <, N_CANDIDATES);

  gtk_editable_set_text (jp_candidate_list_get_search_entry (fixture->list), target->name);
  w.n = g_hash_table_size (expected);
  g_assert_true (jp_test_wait_until (view_has_n_items, &w, 2000));

  model = view_model (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      g_assert_true (g_hash_table_contains (expected, c->id_number));
    }
  label = g_strdup_printf ("Showing %u of 30 candidates", w.n);
  g_assert_cmpstr (gtk_label_get_text (jp_candidate_list_get_count_label (fixture->list)), ==,
                   label);

  /* the ID number matches too, whatever the case of its check letter */
  {
    g_autofree char *lower = g_ascii_strdown (target->id_number, -1);

    gtk_editable_set_text (jp_candidate_list_get_search_entry (fixture->list), lower);
    w.n = 1;
    g_assert_true (jp_test_wait_until (view_has_n_items, &w, 2000));
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (view_model (fixture), 0);

      g_assert_cmpstr (c->id_number, ==, target->id_number);
    }
  }

  /* nothing matches: an empty list that says so */
  gtk_editable_set_text (jp_candidate_list_get_search_entry (fixture->list), "没有这个人zzz");
  w.n = 0;
  g_assert_true (jp_test_wait_until (view_has_n_items, &w, 2000));
  g_assert_cmpstr (gtk_label_get_text (jp_candidate_list_get_count_label (fixture->list)), ==,
                   "Showing 0 of 30 candidates");

  gtk_editable_set_text (jp_candidate_list_get_search_entry (fixture->list), "");
  w.n = N_CANDIDATES;
  g_assert_true (jp_test_wait_until (view_has_n_items, &w, 2000));
}

static void
test_trade_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkDropDown *dropdown = jp_candidate_list_get_trade_dropdown (fixture->list);
  GListModel *trades = gtk_drop_down_get_model (dropdown);
  const char *trade;
  GListModel *model;
  guint expected = 0;
  g_autofree char *label = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (trades), >=, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (trades), 0), ==, "All trades");
  trade = gtk_string_list_get_string (GTK_STRING_LIST (trades), 2);

  for (guint i = 0; i < g_list_model_get_n_items (fixture->all); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (fixture->all, i);

      if (g_strcmp0 (c->trade, trade) == 0)
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);

  gtk_drop_down_set_selected (dropdown, 2);
  jp_test_spin ();

  model = view_model (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      g_assert_cmpstr (c->trade, ==, trade);
    }
  label = g_strdup_printf ("Showing %u of 30 candidates", expected);
  g_assert_cmpstr (gtk_label_get_text (jp_candidate_list_get_count_label (fixture->list)), ==,
                   label);

  /* back to every trade */
  gtk_drop_down_set_selected (dropdown, 0);
  jp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fixture)), ==, N_CANDIDATES);
}

static void
test_unit_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JpCandidate) target = g_list_model_get_item (fixture->all, 3);
  GtkDropDown *dropdown = jp_candidate_list_get_unit_dropdown (fixture->list);
  GListModel *units = gtk_drop_down_get_model (dropdown);
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (units), 0), ==,
                   "All nominating units");
  for (guint i = 1; i < g_list_model_get_n_items (units); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (units), i), target->unit) == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (dropdown, position);
  jp_test_spin ();
  model = view_model (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      g_assert_cmpstr (c->unit, ==, target->unit);
    }
}

static void
test_findings_pane (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = view_model (fixture);
  g_autoptr(JpCandidate) target = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n_rows = 0;
  GtkWidget *findings_list;
  JpDossierView *dossier;

  /* the demo carries deliberate problems; pick the candidate with the most errors */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      if (c->findings != NULL && c->findings->len > 0
          && (target == NULL
              || count_severity (c, JP_SEVERITY_ERROR) > count_severity (target,
                                                                         JP_SEVERITY_ERROR)))
        {
          g_set_object (&target, c);
          position = i;
        }
    }
  g_assert_nonnull (target);

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), position);
  jp_test_spin ();

  /* the dossier view beside the list shows that candidate and every finding */
  dossier = jp_window_get_dossier_view (fixture->window);
  g_assert_cmpint (jp_dossier_view_get_candidate_id (dossier), ==, target->id);
  findings_list = GTK_WIDGET (jp_dossier_view_get_findings_list (dossier));
  g_assert_true (gtk_widget_get_mapped (findings_list));
  for (GtkWidget *row = gtk_widget_get_first_child (findings_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, target->findings->len);

  jp_test_collect_labels (findings_list, texts);
  for (guint i = 0; i < target->findings->len; i++)
    {
      const JpFinding *finding = g_ptr_array_index (target->findings, i);

      g_assert_true (g_ptr_array_find_with_equal_func (texts, finding->message, g_str_equal,
                                                       NULL));
    }

  /* and the row shows its error count as a badge */
  if (count_severity (target, JP_SEVERITY_ERROR) > 0)
    {
      g_autofree char *badge = g_strdup_printf (count_severity (target, JP_SEVERITY_ERROR) == 1
                                                ? "%u error" : "%u errors",
                                                count_severity (target, JP_SEVERITY_ERROR));

      g_assert_nonnull (jp_test_find_label (GTK_WIDGET (jp_candidate_list_get_column_view (
                                                          fixture->list)), badge, FALSE));
    }
}

static void
check_sorted_by_findings (GListModel *model,
                          gboolean    descending)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) a = g_list_model_get_item (model, i - 1);
      g_autoptr(JpCandidate) b = g_list_model_get_item (model, i);
      guint ea = count_severity (a, JP_SEVERITY_ERROR), eb = count_severity (b, JP_SEVERITY_ERROR);
      guint wa = count_severity (a, JP_SEVERITY_WARNING);
      guint wb = count_severity (b, JP_SEVERITY_WARNING);

      if (descending)
        g_assert_true (ea > eb || (ea == eb && wa >= wb));
      else
        g_assert_true (ea < eb || (ea == eb && wa <= wb));
    }
}

static void
test_sort_by_warnings (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkColumnView *view = jp_candidate_list_get_column_view (fixture->list);
  GtkColumnViewColumn *column = jp_candidate_list_get_column (fixture->list,
                                                              JP_COLUMN_FINDINGS);
  g_autoptr(JpCandidate) first = NULL;
  g_autoptr(JpCandidate) last = NULL;
  GListModel *model = view_model (fixture);

  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  jp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CANDIDATES);
  check_sorted_by_findings (model, TRUE);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, N_CANDIDATES - 1);
  /* the demo has both problem dossiers and clean ones, so the order is visible */
  g_assert_cmpuint (first->findings->len, >, 0);
  g_assert_cmpuint (count_severity (first, JP_SEVERITY_ERROR) * 1000
                    + count_severity (first, JP_SEVERITY_WARNING), >,
                    count_severity (last, JP_SEVERITY_ERROR) * 1000
                    + count_severity (last, JP_SEVERITY_WARNING));

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  jp_test_spin ();
  check_sorted_by_findings (model, FALSE);

  /* sorting by name orders by name */
  gtk_column_view_sort_by_column (view, jp_candidate_list_get_column (fixture->list,
                                                                      JP_COLUMN_NAME),
                                  GTK_SORT_ASCENDING);
  jp_test_spin ();
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) a = g_list_model_get_item (model, i - 1);
      g_autoptr(JpCandidate) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_utf8_collate (a->name, b->name), <=, 0);
    }
}

static void
test_find_action (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (jp_candidate_list_get_search_entry (fixture->list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  jp_test_spin ();
  g_assert_true (gtk_widget_is_focus (entry)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                            entry));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpDemoOptions options = { N_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };
  int ret;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmpdir = g_dir_make_tmp ("jp-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "demo.jiangping", NULL);
  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

#define ADD(name, func) \
  g_test_add ("/ui/candidate-list/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("all-rows", test_all_rows);
  ADD ("search", test_search);
  ADD ("no-match", test_no_match);
  ADD ("trade-filter", test_trade_filter);
  ADD ("unit-filter", test_unit_filter);
  ADD ("findings-pane", test_findings_pane);
  ADD ("sort-by-warnings", test_sort_by_warnings);
  ADD ("find-action", test_find_action);
#undef ADD

  ret = g_test_run ();

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
