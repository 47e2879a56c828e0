/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "ui/widgets/jp-store-watch.h"

struct _JpStoreWatch {
  JpStore          *store;
  GArray           *handlers;   /* gulong */
  GtkWidget        *page;
  gulong            map_id;
  JpStoreWatchFunc  reload;
  guint             idle_id;
  gboolean          stale;      /* changed while the page was not on screen */
};

static gboolean
reload_idle (gpointer data)
{
  JpStoreWatch *watch = data;

  watch->idle_id = 0;
  if (!gtk_widget_get_mapped (watch->page))
    {
      watch->stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  watch->stale = FALSE;
  watch->reload (watch->page);
  return G_SOURCE_REMOVE;
}

static void
on_map (GtkWidget *page,
        gpointer   data)
{
  JpStoreWatch *watch = data;

  if (watch->stale && watch->idle_id == 0)
    watch->idle_id = g_idle_add (reload_idle, watch);
}

static void
on_changed (JpStore    *store,
            const char *what,
            gpointer    data)
{
  JpStoreWatch *watch = data;

  if (watch->idle_id == 0)
    watch->idle_id = g_idle_add (reload_idle, watch);
}

JpStoreWatch *
jp_store_watch_new (JpStore            *store,
                    const char * const *details,
                    GtkWidget          *page,
                    JpStoreWatchFunc    reload)
{
  JpStoreWatch *watch;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (details != NULL && reload != NULL, NULL);

  watch = g_new0 (JpStoreWatch, 1);
  watch->store = g_object_ref (store);
  watch->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  watch->page = page;
  watch->reload = reload;
  watch->map_id = g_signal_connect (page, "map", G_CALLBACK (on_map), watch);
  for (guint i = 0; details[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", details[i], NULL);
      gulong id = g_signal_connect (store, signal, G_CALLBACK (on_changed), watch);

      g_array_append_val (watch->handlers, id);
    }
  return watch;
}

void
jp_store_watch_done (JpStoreWatch *watch)
{
  if (watch != NULL)
    g_clear_handle_id (&watch->idle_id, g_source_remove);
}

void
jp_store_watch_free (JpStoreWatch *watch)
{
  if (watch == NULL)
    return;
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  g_clear_signal_handler (&watch->map_id, watch->page);
  for (guint i = 0; i < watch->handlers->len; i++)
    g_signal_handler_disconnect (watch->store, g_array_index (watch->handlers, gulong, i));
  g_array_unref (watch->handlers);
  g_object_unref (watch->store);
  g_free (watch);
}
