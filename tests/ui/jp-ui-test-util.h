/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

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
