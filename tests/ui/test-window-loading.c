/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"

/* A second file chosen while the first still opens: which host locks the window keeps. Each
 * load's answer is held in a main context of its own (its GTask reports there), so the test
 * decides which load finishes first. */

static char *tmpdir;

static char *
create_election (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(JpElection) election = jp_election_new ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_free (election->title);
  election->title = g_strdup (name);
  store = jp_store_create (path, election, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Starts loading `path` with its answer held in `held`. */
static void
load_held (JpWindow     *window,
           const char   *path,
           GMainContext *held)
{
  g_main_context_push_thread_default (held);
  jp_window_load_file (window, path);
  g_main_context_pop_thread_default (held);
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "loading");
}

/* Lets the held answer of one load in (blocking until the worker has answered). */
static void
finish_held (GMainContext *held)
{
  g_main_context_iteration (held, TRUE);
  while (g_main_context_iteration (held, FALSE))
    ;
}

/* A, then B before A has opened: A's lock is given back when A's load ends, B's is kept and
 * B is the election shown. */
static void
test_switch (void)
{
  g_autofree char *a = create_election ("switch-a.jiangping");
  g_autofree char *b = create_election ("switch-b.jiangping");
  g_autofree char *lock_a = g_strconcat (a, ".host-lock", NULL);
  g_autofree char *lock_b = g_strconcat (b, ".host-lock", NULL);
  GMainContext *held_a = g_main_context_new ();
  GMainContext *held_b = g_main_context_new ();
  JpWindow *window = jp_window_new (NULL);

  load_held (window, a, held_a);
  g_assert_true (file_exists (lock_a));
  load_held (window, b, held_b);
  g_assert_true (file_exists (lock_b));

  finish_held (held_a);
  g_assert_false (file_exists (lock_a));
  g_assert_true (file_exists (lock_b));
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "loading");

  finish_held (held_b);
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "election");
  g_assert_cmpstr (jp_store_get_path (jp_window_get_store (window)), ==, b);
  g_assert_true (file_exists (lock_b));

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  g_assert_false (file_exists (lock_b));
  g_main_context_unref (held_a);
  g_main_context_unref (held_b);
}

/* The same file chosen again while it opens: the first load's end keeps the lock the second
 * load still needs, and the file opens holding it. */
static void
test_same_again (void)
{
  g_autofree char *a = create_election ("again.jiangping");
  g_autofree char *lock = g_strconcat (a, ".host-lock", NULL);
  GMainContext *first = g_main_context_new ();
  GMainContext *second = g_main_context_new ();
  JpWindow *window = jp_window_new (NULL);

  load_held (window, a, first);
  load_held (window, a, second);
  g_assert_true (file_exists (lock));

  finish_held (first);
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "loading");
  g_assert_true (file_exists (lock));

  finish_held (second);
  g_assert_cmpstr (jp_window_get_visible_page (window), ==, "election");
  g_assert_cmpstr (jp_store_get_path (jp_window_get_store (window)), ==, a);
  g_assert_true (file_exists (lock));

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  g_assert_false (file_exists (lock));
  g_main_context_unref (first);
  g_main_context_unref (second);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  tmpdir = g_dir_make_tmp ("jp-test-window-loading-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/loading-switch", test_switch);
  g_test_add_func ("/ui/window/loading-same-again", test_same_again);
  return g_test_run ();
}
