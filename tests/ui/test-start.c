/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui/app/jp-application.h"
#include "ui/app/jp-new-election-dialog.h"
#include "ui/app/jp-window-private.h"
#include "demo/jp-demo.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

static char *tmpdir;

static char *
create_election (const char *name,
                 const char *title)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(JpElection) election = jp_election_new ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_free (election->title);
  election->title = g_strdup (title);
  store = jp_store_create (path, election, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return g_steal_pointer (&path);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkListBox *
find_list_box_with_rows (GtkWidget *widget)
{
  /* the preferences group holds a hidden list of its own: take the one on screen */
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "boxed-list")
      && gtk_widget_get_mapped (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box_with_rows (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_recent_files (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *existing = create_election ("recent.jiangping", "包头市2023年工匠选树");
  g_autofree char *missing = g_build_filename (tmpdir, "gone.jiangping", NULL);
  const char *recent[] = { missing, existing, NULL };
  g_auto(GStrv) stored = NULL;
  JpWindow *window;
  JpStartPage *start;
  GListModel *model;
  GtkListBox *list;
  GtkListBoxRow *row;

  g_settings_set_strv (settings, "recent-files", recent);
  window = jp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_spin ();

  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "start");
  start = jp_window_get_start_page (window);
  model = jp_start_page_get_recent_model (start);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, existing);

  /* the missing file is forgotten, the existing one kept */
  stored = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (stored), ==, 1);
  g_assert_cmpstr (stored[0], ==, existing);

  /* what the user sees: one row, named after the file */
  list = find_list_box_with_rows (GTK_WIDGET (start));
  g_assert_nonnull (list);
  g_assert_cmpuint (count_children (GTK_WIDGET (list)), ==, 1);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (list), "recent.jiangping", TRUE));
  g_assert_null (jp_test_find_label (GTK_WIDGET (start), "gone.jiangping", FALSE));

  /* activating the row opens the election */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_signal_emit_by_name (list, "row-activated", row);
  jp_test_spin ();
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "election");
  g_assert_nonnull (jp_window_get_store (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "包头市2023年工匠选树");

  /* closing it returns to the start screen */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-election", NULL));
  jp_test_spin ();
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "start");
  g_assert_null (jp_window_get_store (window));

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

static void
test_recent_order (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *a = create_election ("a.jiangping", "A");
  g_autofree char *b = create_election ("b.jiangping", "B");
  g_auto(GStrv) stored = NULL;
  JpWindow *window;

  g_settings_set_strv (settings, "recent-files", NULL);
  window = jp_window_new (NULL);
  g_assert_true (jp_window_open_file (window, a));
  g_assert_true (jp_window_open_file (window, b));
  g_assert_true (jp_window_open_file (window, a));
  stored = g_settings_get_strv (settings, "recent-files");

  /* most recent first, each file once */
  g_assert_cmpuint (g_strv_length (stored), ==, 2);
  g_assert_cmpstr (stored[0], ==, a);
  g_assert_cmpstr (stored[1], ==, b);

  /* at most ten are remembered */
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%d.jiangping", tmpdir, i);

      /* only files that exist stay listed while a start page is around */
      g_assert_true (g_file_set_contents (name, "", 0, NULL));
      jp_recent_files_add (settings, name);
    }
  g_clear_pointer (&stored, g_strfreev);
  stored = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (stored), ==, 10);
  g_assert_true (g_str_has_suffix (stored[0], "/11.jiangping"));
  g_assert_true (g_str_has_suffix (stored[9], "/2.jiangping"));

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

static void
test_open_not_ours (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "notes.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  JpWindow *window;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "这不是评审文件，只是一段文字。\n", -1, NULL));

  /* what the store says about this file */
  store = jp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, "notes.jiangping"));

  window = jp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (jp_window_open_file (window, path));
  jp_test_spin ();

  dialog = jp_window_get_last_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, error->message);
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "start");
  g_assert_null (jp_window_get_store (window));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

static gboolean
page_is_not_loading (gpointer data)
{
  return g_strcmp0 (jp_window_get_visible_page (data), "loading") != 0;
}

/* A cold start with a file (issue 12): the window names the file with a spinner while it
 * opens off the main thread, then shows the stages; it never shows the empty start page. */
static void
test_load_demo (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "demo-cold.jiangping", NULL);
  JpDemoOptions options = { .candidates = 60, .seed = JP_DEMO_DEFAULT_SEED };
  g_autoptr(JpStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  JpWindow *window;
  AdwStatusPage *loading;

  demo = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_load_file (window, path);

  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "loading");
  loading = jp_window_get_loading_page (window);
  g_assert_cmpstr (adw_status_page_get_description (loading), ==, "demo-cold.jiangping");
  g_assert_null (jp_window_get_store (window));
  jp_test_screenshot (GTK_WIDGET (window), "loading-1366");

  g_assert_true (jp_test_wait_until (page_is_not_loading, window, 20000));
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "election");
  g_assert_nonnull (jp_window_get_store (window));
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "candidates");

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

typedef struct {
  JpWindow     *window;
  GMainContext *held;
} HeldLoad;

static gboolean
loading_page_drawn (gpointer data)
{
  JpWindow *window = data;
  GtkWidget *loading = GTK_WIDGET (jp_window_get_loading_page (window));
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (loading, GTK_TYPE_STACK));

  return gtk_widget_get_mapped (loading) && gtk_widget_get_width (loading) > 0
         && !gtk_stack_get_transition_running (stack);
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
held_load_done (gpointer data)
{
  HeldLoad *held = data;

  g_main_context_iteration (held->held, FALSE);
  return page_is_not_loading (held->window);
}

/* What a person sees while an election opens: the loading page, laid out (not the start
 * page under the election's title), naming the file, at both office screen sizes. The test
 * holds back the worker's answer (its GTask reports to a main context the test iterates
 * only after the screenshot), so the page is caught however fast the file opens. */
static void
test_load_shown (gconstpointer data)
{
  const int *size = data;
  g_autofree char *name = g_strdup_printf ("demo-shown-%d.jiangping", size[0]);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *shot = g_strdup_printf ("loading-%dx%d", size[0], size[1]);
  JpDemoOptions options = { .candidates = 20, .seed = JP_DEMO_DEFAULT_SEED };
  g_autoptr(JpStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  HeldLoad held = { NULL, g_main_context_new () };

  demo = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  held.window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (held.window), size[0], size[1]);
  gtk_window_present (GTK_WINDOW (held.window));
  g_assert_true (jp_test_wait_until (window_mapped, held.window, 4000));
  g_main_context_push_thread_default (held.held);
  jp_window_load_file (held.window, path);
  g_main_context_pop_thread_default (held.held);

  g_assert_true (jp_test_wait_until (loading_page_drawn, held.window, 4000));
  g_assert_cmpstr (jp_window_get_visible_page (held.window), ==, "loading");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (held.window)), ==, name);
  g_assert_cmpstr (adw_status_page_get_title (jp_window_get_loading_page (held.window)), ==,
                   "Opening the Election…");
  g_assert_cmpstr (adw_status_page_get_description (jp_window_get_loading_page (held.window)),
                   ==, name);
  g_assert_null (jp_window_get_store (held.window));
  jp_test_screenshot (GTK_WIDGET (held.window), shot);

  g_assert_true (jp_test_wait_until (held_load_done, &held, 20000));
  g_assert_cmpstr (jp_window_get_visible_page (held.window), ==, "election");
  g_assert_nonnull (jp_window_get_store (held.window));

  gtk_window_destroy (GTK_WINDOW (held.window));
  jp_test_spin ();
  while (g_main_context_iteration (held.held, FALSE))
    ;
  g_main_context_unref (held.held);
}

/* A file that is not an election, opened the same way: the person is told which file, and
 * the start page comes back. */
static void
test_load_not_ours (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "letter.jiangping", NULL);
  g_autofree char *lock = g_strconcat (path, ".host-lock", NULL);
  JpWindow *window;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "一封信，不是评审文件。\n", -1, NULL));
  window = jp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_load_file (window, path);
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "loading");
  g_assert_true (jp_test_wait_until (page_is_not_loading, window, 20000));

  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "start");
  g_assert_null (jp_window_get_store (window));
  dialog = jp_window_get_last_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "letter.jiangping"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "letter.jiangping"));
  /* the lock taken for the attempt is given back */
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

static void
test_open_missing (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "does-not-exist.jiangping", NULL);
  JpWindow *window = jp_window_new (NULL);
  GtkWindow *dialog;

  g_assert_false (jp_window_open_file (window, path));
  dialog = jp_window_get_last_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "does-not-exist.jiangping"));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

/* Another computer hosts the file: the console says which and leaves it alone; once that
 * host is gone, the file opens and the window holds the lock until it closes. */
static void
test_open_hosted_elsewhere (void)
{
  g_autofree char *path = create_election ("hosted.jiangping", "Hosted");
  g_autofree char *lock = g_strconcat (path, ".host-lock", NULL);
  JpWindow *window = jp_window_new (NULL);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (lock, "会议室二号机\n4242\n", -1, NULL));
  g_assert_false (jp_window_open_file (window, path));
  dialog = jp_window_get_last_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "会议室二号机"));
  g_assert_null (jp_window_get_store (window));
  gtk_window_destroy (dialog);

  g_assert_cmpint (g_unlink (lock), ==, 0);
  g_assert_true (jp_window_open_file (window, path));
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
test_stages (void)
{
  g_autofree char *path = create_election ("stages.jiangping", "Stages");
  JpWindow *window = jp_window_new (NULL);
  GtkWidget *page;
  GtkListBoxRow *row;

  g_assert_true (jp_window_open_file (window, path));
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "candidates");

  /* eight stages in order, then the setup and the audit log; a stage not built yet says
   * what it will do */
  g_assert_nonnull (gtk_list_box_get_row_at_index (window->stage_list, 7));
  row = gtk_list_box_get_row_at_index (window->stage_list, 8);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "setup");
  row = gtk_list_box_get_row_at_index (window->stage_list, 9);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "audit");
  g_assert_null (gtk_list_box_get_row_at_index (window->stage_list, 10));
  gtk_list_box_select_row (window->stage_list, row);
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "audit");
  g_assert_true (JP_IS_AUDIT_PAGE (gtk_stack_get_visible_child (window->stage_stack)));
  gtk_list_box_select_row (window->stage_list, gtk_list_box_get_row_at_index (window->stage_list, 1));
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "qualification");
  g_assert_false (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (window->stage_stack)));
  row = gtk_list_box_get_row_at_index (window->stage_list, 2);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (row), "Committee Ballot", FALSE));
  gtk_list_box_select_row (window->stage_list, row);
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "ballot");
  g_assert_false (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (window->stage_stack)));
  row = gtk_list_box_get_row_at_index (window->stage_list, 3);
  gtk_list_box_select_row (window->stage_list, row);
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "likes");
  page = gtk_stack_get_visible_child (window->stage_stack);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            "later version"));
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

/* A new election defaults to this year, with a title naming it, not to year 0. */
static void
test_new_election_defaults (void)
{
  JpNewElectionDialog *dialog = jp_new_election_dialog_new (NULL);
  g_autoptr(JpElection) election = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));

  g_object_ref_sink (dialog);
  election = jp_new_election_dialog_get_election (dialog);
  g_assert_cmpint (election->year, ==, g_date_time_get_year (now));
  g_assert_nonnull (election->title);
  g_assert_true (g_str_has_prefix (election->title, year));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static guint
count_consoles (GApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += JP_IS_WINDOW (l->data) ? 1 : 0;
  return n;
}

/* Launching again while the console has an election open opens a second window at the start
 * page; launching again while that one is still on its start page just raises it. */
static void
test_second_launch (void)
{
  g_autoptr(JpApplication) app = jp_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "launch.jiangping", NULL);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpElection) election = jp_election_new ();
  GtkWindow *first, *second;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  jp_test_spin ();
  g_assert_cmpuint (count_consoles (G_APPLICATION (app)), ==, 1);
  first = gtk_application_get_active_window (GTK_APPLICATION (app));

  election->title = g_strdup ("第一届");
  election->year = 2026;
  store = jp_store_create (path, election, &error);
  g_assert_no_error (error);
  jp_window_set_store (JP_WINDOW (first), store);
  g_application_activate (G_APPLICATION (app));
  jp_test_spin ();
  g_assert_cmpuint (count_consoles (G_APPLICATION (app)), ==, 2);
  second = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (second != first);
  g_assert_cmpstr (jp_window_get_visible_page (JP_WINDOW (second)), ==, "start");
  g_assert_cmpstr (jp_window_get_visible_page (JP_WINDOW (first)), ==, "election");

  g_application_activate (G_APPLICATION (app));
  jp_test_spin ();
  g_assert_cmpuint (count_consoles (G_APPLICATION (app)), ==, 2);

  gtk_window_destroy (second);
  gtk_window_destroy (first);
  jp_test_spin ();
  g_clear_object (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  tmpdir = g_dir_make_tmp ("jp-test-start-XXXXXX", &error);
  g_assert_no_error (error);
  /* keep the user's data folder out of reach */
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/start/recent-files", test_recent_files);
  g_test_add_func ("/ui/start/recent-order", test_recent_order);
  g_test_add_func ("/ui/start/open-not-ours", test_open_not_ours);
  g_test_add_func ("/ui/start/open-missing", test_open_missing);
  g_test_add_func ("/ui/start/load-demo", test_load_demo);
  g_test_add_data_func ("/ui/start/load-shown-1366", (const int[]) { 1366, 768 }, test_load_shown);
  g_test_add_data_func ("/ui/start/load-shown-1920", (const int[]) { 1920, 1080 },
                        test_load_shown);
  g_test_add_func ("/ui/start/load-not-ours", test_load_not_ours);
  g_test_add_func ("/ui/start/open-hosted-elsewhere", test_open_hosted_elsewhere);
  g_test_add_func ("/ui/start/stages", test_stages);
  g_test_add_func ("/ui/start/new-election-defaults", test_new_election_defaults);
  g_test_add_func ("/ui/start/second-launch", test_second_launch);

  ret = g_test_run ();
  return ret;
}
