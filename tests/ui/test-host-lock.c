/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gi18n-lib.h>

#include "store/jp-store-audit.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"

/* The election's host lock (one host per file, issue 9) is the window's while it shows the
 * election and no longer once the window closed or the election was closed: a second
 * Jiangping (another process, as on a second launch or another computer sharing the folder)
 * then opens the file. */

#define PATH_ENV "JP_TEST_HOST_LOCK_PATH"

static char *
make_election (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) st = NULL;
  char *path;

  *dir = g_dir_make_tmp ("jp-test-host-lock-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "a.jiangping", NULL);
  st = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static void
rm_rf (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (system (cmd), ==, 0);
}

static JpWindow *
open_window (const char *path)
{
  JpWindow *window = jp_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jp_window_open_file (window, path));
  if (jp_window_get_last_dialog (window) != NULL)
    gtk_window_destroy (jp_window_get_last_dialog (window));
  jp_test_spin ();
  g_assert_nonnull (jp_window_get_store (window));
  return window;
}

static const char *self_exe;

/* Run in a process of its own (main, with PATH_ENV set): a second Jiangping opens the file.
 * Exit 0 when it opened, 3 when it was refused (the reason on stderr). */
static int
second_process_opens (const char *path)
{
  JpWindow *window = jp_window_new (NULL);
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  if (!jp_window_open_file (window, path))
    {
      dialog = jp_window_get_last_dialog (window);
      g_printerr ("REFUSED: %s\n", dialog != NULL
                  ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)) : "?");
      return 3;
    }
  g_printerr ("OPENED\n");
  /* the lock is left to this process's exit (a stale lock is taken over) */
  return 0;
}

static void
expect_second_process (const char *path,
                       gboolean    opens)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { self_exe, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), PATH_ENV, path, TRUE);
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("second process: %s", err);
  if (opens)
    {
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (err, "OPENED"));
    }
  else
    {
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 3);
      g_assert_nonnull (strstr (err, "REFUSED"));
      g_assert_nonnull (strstr (err, "a.jiangping"));
    }
}

/* While the first window shows the election, a second process is refused; once the window
 * is closed (as its close button does), the second opens it. */
static void
test_released_when_window_closes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_election (&dir);
  g_autofree char *lock = g_strconcat (path, ".host-lock", NULL);
  JpWindow *window = open_window (path);

  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  expect_second_process (path, FALSE);

  gtk_window_close (GTK_WINDOW (window));
  jp_test_spin ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  expect_second_process (path, TRUE);
  rm_rf (dir);
}

/* "Close the election" keeps the window (its start page) but lets the file go. */
static void
test_released_when_election_closes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_election (&dir);
  g_autofree char *lock = g_strconcat (path, ".host-lock", NULL);
  JpWindow *window = open_window (path);

  expect_second_process (path, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-election", NULL);
  jp_test_spin ();
  g_assert_null (jp_window_get_store (window));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  expect_second_process (path, TRUE);
  rm_rf (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

/* Two windows of one Jiangping on one file: the second is refused, and closing it leaves
 * the first window's lock in place. */
static void
test_second_window_same_process (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_election (&dir);
  g_autofree char *lock = g_strconcat (path, ".host-lock", NULL);
  JpWindow *first = open_window (path);
  JpWindow *second = jp_window_new (NULL);
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (second));
  g_assert_false (jp_window_open_file (second, path));
  dialog = jp_window_get_last_dialog (second);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "a.jiangping"));
  g_assert_null (jp_window_get_store (second));
  gtk_window_destroy (GTK_WINDOW (second));
  jp_test_spin ();
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (first));
  jp_test_spin ();
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  self_exe = argv[0];
  /* the second Jiangping, started by expect_second_process */
  if (g_getenv (PATH_ENV) != NULL)
    {
      gtk_init ();
      adw_init ();
      return second_process_opens (g_getenv (PATH_ENV));
    }
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_test_add_func ("/ui/host-lock/released-when-window-closes", test_released_when_window_closes);
  g_test_add_func ("/ui/host-lock/released-when-election-closes",
                   test_released_when_election_closes);
  g_test_add_func ("/ui/host-lock/second-window-same-process", test_second_window_same_process);
  return g_test_run ();
}
