/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

/* Test-only: when JP_TEST_SCREENSHOT_DIR is set, renders `window` as it is now to
 * <dir>/<name>.png, so a person can look at what the test drove the UI to. */
static inline void
jp_test_screenshot (GtkWidget  *window,
                    const char *name)
{
  const char *dir = g_getenv ("JP_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  graphene_rect_t bounds;
  int width, height;

  if (dir == NULL)
    return;
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &bounds);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
  g_message ("screenshot: %s", file);
}
