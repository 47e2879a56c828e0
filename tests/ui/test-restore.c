/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "store/jp-store-audit.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"
#include "jp-ballot-test-util.h"

/* Restoring a backup from the audit stage (issue 9): the backups beside the file are listed,
 * one is checked and confirmed, the current file is backed up first, and the election reopens
 * from the backup; refused while a round is open; a file that is not a backup is refused. */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jp-test-restore-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (system (cmd), ==, 0);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static guint
n_trades (JpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trades = jp_store_list_trades (store, &error);

  g_assert_no_error (error);
  return trades->len;
}

static guint
n_replaced (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".replaced-") != NULL)
      n++;
  return n;
}

static gboolean
dialog_shown (gpointer data)
{
  return jp_window_get_last_dialog (data) != NULL;
}

static gboolean
election_back (gpointer data)
{
  JpWindow *window = data;

  return jp_window_get_store (window) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "election") == 0;
}

/* The window's loading page is up, with `title` and the backup's name: the file work runs
 * on a worker, the window stays responsive. */
static void
assert_loading (JpWindow   *window,
                const char *title,
                const char *backup_name)
{
  AdwStatusPage *page = jp_window_get_loading_page (window);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_cmpstr (adw_status_page_get_description (page), ==, backup_name);
}

static void
test_restore (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.jiangping", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *backup_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  JpAuditEntry *last;
  JpWindow *window;
  GtkWindow *dialog;
  GtkListBox *backups;
  JpStore *store;

  {
    g_autoptr(JpStore) st = jp_store_create (path, NULL, &error);

    g_assert_no_error (error);
    jp_store_add_trade (st, "XT", "稀土", TRUE, "秘书处", &error);
    g_assert_no_error (error);
    /* the stage change that wrote the backup, then a trade added after it */
    backup = jp_store_backup_stage (st, "round-closed", 0, &error);
    g_assert_no_error (error);
    jp_store_add_trade (st, "FW", "服务", FALSE, "秘书处", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_trades (st), ==, 2);
  }
  backup_name = g_path_get_basename (backup);

  window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jp_window_open_file (window, path));
  /* the operator question of a first start is not what this test is about */
  if (jp_window_get_last_dialog (window) != NULL)
    gtk_window_destroy (jp_window_get_last_dialog (window));
  jp_window_show_stage (window, "audit");
  jp_test_spin ();

  /* the backup is listed with the stage change that wrote it */
  backups = jp_audit_page_get_backups (window->audit_page);
  g_assert_cmpuint (n_rows (backups), ==, 1);
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (backups, 0);
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

    g_assert_nonnull (strstr (subtitle, backup_name));
    g_assert_nonnull (strstr (subtitle, _("A ballot round was closed")));
  }
  jp_test_screenshot (GTK_WIDGET (window), "restore-list");

  /* the row's button asks; nothing is replaced before the answer */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", "s", backup);
  /* the backup is checked on a worker, behind the loading page */
  g_assert_null (jp_window_get_last_dialog (window));
  assert_loading (window, _("Checking the Backup…"), backup_name);
  g_assert_true (jp_test_wait_until (dialog_shown, window, 60000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "election");
  dialog = jp_window_get_last_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Restore This Backup?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            backup_name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "a.jiangping"));
  jp_test_screenshot (GTK_WIDGET (dialog), "restore-confirm");
  g_assert_cmpuint (n_trades (jp_window_get_store (window)), ==, 2);
  g_assert_cmpuint (n_replaced (dir), ==, 0);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* the copy runs on a worker behind the loading page */
  assert_loading (window, _("Restoring the Backup…"), backup_name);
  g_assert_null (jp_window_get_store (window));
  jp_test_screenshot (GTK_WIDGET (window), "restore-loading");
  g_assert_true (jp_test_wait_until (election_back, window, 60000));
  jp_test_spin ();

  /* the election is the backup's: the trade added after it is gone */
  store = jp_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_cmpstr (jp_store_get_path (store), ==, path);
  g_assert_cmpuint (n_trades (store), ==, 1);
  /* the replaced file is kept, and backed up beside the others first */
  g_assert_cmpuint (n_replaced (dir), ==, 1);
  g_assert_cmpuint (n_rows (jp_audit_page_get_backups (window->audit_page)), ==, 2);
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (
      jp_audit_page_get_backups (window->audit_page), 0);

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              _("Before a restore")));
  }
  /* the restored file says so in its log, and still verifies */
  entries = jp_store_list_audit (store, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (last->action, ==, "backup.restore");
  g_assert_nonnull (strstr (last->payload, backup_name));
  report = jp_store_verify (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "audit");
  jp_test_screenshot (GTK_WIDGET (window), "restore-done");

  /* the same page on a 1920x1080 screen */
  {
    JpWindow *wide = jp_window_new (NULL);

    gtk_window_set_default_size (GTK_WINDOW (wide), 1920, 1080);
    gtk_window_present (GTK_WINDOW (wide));
    jp_window_set_store (wide, store);
    jp_window_show_stage (wide, "audit");
    jp_test_spin ();
    g_assert_cmpuint (n_rows (jp_audit_page_get_backups (wide->audit_page)), ==, 2);
    jp_test_screenshot (GTK_WIDGET (wide), "restore-done-1920");
    gtk_window_destroy (GTK_WINDOW (wide));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  rm_rf (dir);
}

/* A round open: its ballots exist in this file only, so no restore. */
static void
test_refused_round_open (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *backup = g_build_filename (dir, "copy.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  JpWindow *window;
  GtkWindow *dialog;
  gint64 round_id = 0;
  g_autoptr(JpStore) st = ballot_test_store (dir, 6);

  {
    g_autoptr(GPtrArray) trades = jp_store_list_trades (st, &error);

    g_assert_no_error (error);
    jp_store_backup_to (st, backup, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < trades->len && round_id == 0; i++)
      round_id = jp_store_open_ballot_round (st, ((JpTrade *) trades->pdata[i])->name, 1, 1,
                                             -1, "test", NULL);
    g_assert_cmpint (round_id, >, 0);
    g_assert_false (jp_store_restore_allowed (st, &expected));
    g_assert_error (expected, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  }

  window = jp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_set_store (window, st);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", "s", backup);
  jp_test_spin ();
  dialog = jp_window_get_last_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Backup Not Restored"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   expected->message);
  jp_test_screenshot (GTK_WIDGET (dialog), "restore-refused");
  {
    g_autoptr(JpRound) round = jp_store_get_round (jp_window_get_store (window), round_id,
                                                   &error);

    g_assert_no_error (error);
    g_assert_cmpint (round->state, ==, JP_ROUND_STATE_OPEN);
  }
  g_assert_cmpuint (n_replaced (dir), ==, 0);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  rm_rf (dir);
}

/* A meeting hosted from this window: the stations' connection is to this file. */
static void
test_refused_while_hosting (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *backup = g_build_filename (dir, "copy.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) st = ballot_test_store (dir, 6);
  JpWindow *window;
  GtkWindow *dialog;

  jp_store_backup_to (st, backup, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_restore_allowed (st, &error));
  window = jp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_set_store (window, st);
  g_assert_true (jp_ballot_page_host (jp_window_get_ballot_page (window), 0, &error));
  g_assert_no_error (error);
  g_assert_nonnull (jp_window_get_meeting_server (window));
  jp_test_spin ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", "s", backup);
  jp_test_spin ();
  dialog = jp_window_get_last_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Backup Not Restored"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("The meeting is being hosted from this election: end the meeting before "
                     "restoring a backup."));
  g_assert_cmpuint (n_replaced (dir), ==, 0);
  g_assert_true (jp_window_get_store (window) == st);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  rm_rf (dir);
}

/* A file that is not an election is checked before anyone is asked, and refused. */
static void
test_refused_not_a_backup (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.jiangping", NULL);
  g_autofree char *junk = g_build_filename (dir, "a.backups", "a-20260301-090000-manual.jiangping",
                                            NULL);
  g_autoptr(GError) error = NULL;
  JpWindow *window;
  GtkWindow *dialog;

  {
    g_autoptr(JpStore) st = jp_store_create (path, NULL, &error);

    g_assert_no_error (error);
    jp_store_add_trade (st, "XT", "稀土", TRUE, "秘书处", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir_with_parents (g_path_get_dirname (junk), 0700), ==, 0);
  g_assert_true (g_file_set_contents (junk, "not an election\n", -1, NULL));

  window = jp_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jp_window_open_file (window, path));
  if (jp_window_get_last_dialog (window) != NULL)
    gtk_window_destroy (jp_window_get_last_dialog (window));
  jp_window_show_stage (window, "audit");
  jp_test_spin ();
  g_assert_cmpuint (n_rows (jp_audit_page_get_backups (window->audit_page)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", "s", junk);
  assert_loading (window, _("Checking the Backup…"), "a-20260301-090000-manual.jiangping");
  g_assert_true (jp_test_wait_until (dialog_shown, window, 60000));
  /* the election is shown again, with the reason named */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "election");
  dialog = jp_window_get_last_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Backup Not Restored"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "a-20260301-090000-manual.jiangping"));
  g_assert_cmpuint (n_trades (jp_window_get_store (window)), ==, 1);
  g_assert_cmpuint (n_replaced (dir), ==, 0);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  const char *const *data_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  if (g_getenv ("JP_LOCALEDIR") != NULL && g_getenv ("JP_TEST_SCREENSHOT_DIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  /* the data folders of the machine, for its MIME database (kept below) */
  for (guint i = 0; data_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (data_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* the isolated data folders hold no MIME database, which GTK needs to load the loading
   * page's spinner (an SVG): the machine's is used, as GLib advises for isolated tests */
  g_content_type_set_mime_dirs ((const char *const *) mime_dirs->pdata);
  adw_init ();
  g_test_add_func ("/ui/restore/backup", test_restore);
  g_test_add_func ("/ui/restore/refused-round-open", test_refused_round_open);
  g_test_add_func ("/ui/restore/refused-while-hosting", test_refused_while_hosting);
  g_test_add_func ("/ui/restore/refused-not-a-backup", test_refused_not_a_backup);
  return g_test_run ();
}
