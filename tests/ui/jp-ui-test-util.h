/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

/* Spins the default main context until `done (data)` is TRUE or `timeout_ms` passed;
 * returns the last value of `done`. */
static inline gboolean
jp_test_wait_until (gboolean (*done) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return done (data);
}

typedef struct
{
  GtkWidget **windows;   /* weak: NULL once a window is gone */
  gint64     *frames;    /* each window's frame counter before the wait */
  guint       n;
} JpTestFrames;

static inline gboolean
jp_test_frames_drawn (gpointer data)
{
  JpTestFrames *f = data;

  for (guint i = 0; i < f->n; i++)
    {
      GdkFrameClock *clock;

      /* a window closed or hidden meanwhile draws no more frames: nothing to wait for */
      if (f->windows[i] == NULL || !gtk_widget_get_mapped (f->windows[i]))
        continue;
      clock = gtk_widget_get_frame_clock (f->windows[i]);
      if (clock != NULL && gdk_frame_clock_get_frame_counter (clock) <= f->frames[i])
        return FALSE;
    }
  return TRUE;
}

/* Lets the UI catch up with what the test just did: handles everything pending (idle
 * handlers, signals), then waits until every shown window has drawn a new frame (so layout,
 * scrolling and allocation reflect the change), then handles what that frame queued. A
 * condition, not a fixed pause: a slow machine waits longer, a fast one not at all. */
static inline void
jp_test_spin (void)
{
  GListModel *toplevels;
  JpTestFrames f = { NULL, NULL, 0 };
  guint n;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (gdk_display_get_default () == NULL)
    return;
  toplevels = gtk_window_get_toplevels ();
  n = g_list_model_get_n_items (toplevels);
  f.windows = g_new0 (GtkWidget *, n + 1);
  f.frames = g_new0 (gint64, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_mapped (window)
                               ? gtk_widget_get_frame_clock (window) : NULL;

      if (clock == NULL)
        continue;
      f.windows[f.n] = window;
      f.frames[f.n] = gdk_frame_clock_get_frame_counter (clock);
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &f.windows[f.n]);
      gtk_widget_queue_draw (window);
      f.n++;
    }
  if (!jp_test_wait_until (jp_test_frames_drawn, &f, 10000))
    g_test_message ("a window drew no new frame within 10 s");
  for (guint i = 0; i < f.n; i++)
    if (f.windows[i] != NULL)
      g_object_remove_weak_pointer (G_OBJECT (f.windows[i]), (gpointer *) &f.windows[i]);
  g_free (f.windows);
  g_free (f.frames);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A descendant GtkLabel (or the widget itself) showing exactly `text`, or NULL. When
 * `mapped_only`, only labels on screen count. */
static inline GtkWidget *
jp_test_find_label (GtkWidget  *widget,
                    const char *text,
                    gboolean    mapped_only)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && (!mapped_only || gtk_widget_get_mapped (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jp_test_find_label (child, text, mapped_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Appends the text of every GtkLabel under `widget` to `texts`. */
static inline void
jp_test_collect_labels (GtkWidget *widget,
                        GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    jp_test_collect_labels (child, texts);
}

/* What the key `keyval` + `mods` does on `widget`: the widget's own shortcuts (class key
 * bindings included) are looked up by their trigger and activated as a key press would. */
static inline gboolean
jp_test_press_key (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                            0, widget,
                                                            gtk_shortcut_get_arguments (shortcut));

              jp_test_spin ();
              return done;
            }
        }
    }
  return FALSE;
}

/* The application's style sheet on the default display: the application loads it, so the
 * tests look the same. */
static inline void
jp_test_load_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/cn/jiangping/Jiangping/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The program's translation of the environment's locale (LC_ALL=""), from the built
 * translations in JP_LOCALEDIR. */
static inline void
jp_test_bind_locale (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The language of a test that compares what the page shows with the translated texts: the
 * environment's locale when screenshots are asked for (JP_TEST_SCREENSHOT_DIR, e.g. with
 * LC_ALL=zh_CN.UTF-8) and the translations are built (JP_LOCALEDIR), else C.UTF-8. Call
 * before gtk_test_init () or g_test_init (). */
static inline void
jp_test_choose_language (void)
{
  if (g_getenv ("JP_TEST_SCREENSHOT_DIR") == NULL || g_getenv ("JP_LOCALEDIR") == NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      return;
    }
  jp_test_bind_locale ();
}

/* g_test_init with isolated folders, libadwaita and the style sheet. When screenshots are
 * asked for (JP_TEST_SCREENSHOT_DIR) and the built translations are given (JP_LOCALEDIR),
 * the pages speak the locale's language, as the people who look at the pictures read them. */
static inline void
jp_test_init_ui (int    *argc,
                 char ***argv)
{
  if (g_getenv ("JP_LOCALEDIR") != NULL && g_getenv ("JP_TEST_SCREENSHOT_DIR") != NULL)
    jp_test_bind_locale ();
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  jp_test_load_style ();
}

/* The two screens every page is checked at. */
typedef struct {
  int         width;
  int         height;
  const char *name;
} JpTestSize;

static const JpTestSize jp_test_sizes[] = {
  { 1366, 768, "1366x768" },
  { 1920, 1080, "1920x1080" },
};

/* For jp_test_wait_until: the widget `data` has been given a width. */
static inline gboolean
jp_test_is_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* The monitor must hold the size, or GTK clamps the window to it. */
static inline gboolean
jp_test_screen_holds (const JpTestSize *size)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return FALSE;
  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width >= size->width && geometry.height >= size->height;
}

/* The pages in Chinese, the language the offices read, when the translations are built
 * (JP_LOCALEDIR) and the system has the locale; call after gtk_test_init, which sets its
 * own locale. */
static inline void
jp_test_use_chinese (void)
{
  if (g_getenv ("JP_LOCALEDIR") != NULL && setlocale (LC_ALL, "zh_CN.UTF-8") != NULL)
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
}

/* TRUE when a label on screen in `widget` (or `widget` itself) is ellipsized: its text is
 * cut, which the test message names. */
static inline gboolean
jp_test_any_label_ellipsized (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      g_test_message ("ellipsised: %s", gtk_label_get_text (GTK_LABEL (widget)));
      return TRUE;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (jp_test_any_label_ellipsized (c))
      return TRUE;
  return FALSE;
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
