/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Helpers of the issue-13 UI tests (test-setup-watch, test-defence-watch, test-app-owners,
 * test-paper-pass): a widget found by a test of its own, a wait for a page to show a text, and
 * the removal of a test election with its WAL files. */

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The language of the test: the program's translation of the environment's locale when
 * screenshots are asked for (JP_TEST_SCREENSHOT_DIR, e.g. with LC_ALL=zh_CN.UTF-8), else
 * C.UTF-8. The cases compare what the page shows with the translated texts, so they hold in
 * either. Call before gtk_test_init (). */
static inline void
jp_test_choose_language (void)
{
  if (g_getenv ("JP_TEST_SCREENSHOT_DIR") == NULL || g_getenv ("JP_LOCALEDIR") == NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      return;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

typedef gboolean (*JpTestMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under `widget` (depth first, itself included) that `match` accepts. */
static inline GtkWidget *
jp_test_find_widget (GtkWidget     *widget,
                     JpTestMatch    match,
                     gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = jp_test_find_widget (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} JpTestLabelWait;

static inline gboolean
jp_test_label_shown (gpointer data)
{
  JpTestLabelWait *wait = data;

  return jp_test_find_label (wait->widget, wait->text, TRUE) != NULL;
}

/* Waits (at most 5 s, spinning the main loop) until `widget` shows a label reading `text`;
 * fails the test otherwise. */
static inline void
jp_test_wait_for_label (GtkWidget  *widget,
                        const char *text)
{
  JpTestLabelWait wait = { widget, text };

  if (!jp_test_wait_until (jp_test_label_shown, &wait, 5000))
    g_error ("the page did not show “%s” after the store changed", text);
}

/* Removes the election file `path` (and its -wal and -shm) and the folder `dir`. */
static inline void
jp_test_remove_election (const char *dir,
                         const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}
