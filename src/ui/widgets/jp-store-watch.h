/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "store/jp-store.h"

G_BEGIN_DECLS

/* A page's subscription to JpStore::changed (docs/internals.md, "Change signals"): after one
 * or more of the watched details, `reload (page)` runs once, from an idle source, so what
 * one write changed (often several kinds) costs one reload, and never in the middle of the
 * handler that wrote. A page that is not on screen then reloads when it is shown again
 * (GtkWidget::map), not at every write of a running meeting. The page owns the watch and
 * frees it when it takes another store and in its dispose. */
typedef struct _JpStoreWatch JpStoreWatch;

typedef void (*JpStoreWatchFunc) (gpointer page);

/* `details`: NULL-terminated, e.g. { "candidates", "rounds", NULL }. */
JpStoreWatch *jp_store_watch_new  (JpStore            *store,
                                   const char * const *details,
                                   GtkWidget          *page,
                                   JpStoreWatchFunc    reload);
void          jp_store_watch_free (JpStoreWatch       *watch);
/* Drops a reload queued but not yet run (the page has just reloaded itself). */
void          jp_store_watch_done (JpStoreWatch       *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpStoreWatch, jp_store_watch_free)

G_END_DECLS
