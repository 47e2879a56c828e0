/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_WINDOW (jp_window_get_type ())
G_DECLARE_FINAL_TYPE (JpWindow, jp_window, JP, WINDOW, AdwApplicationWindow)

/* A new window showing the start screen; `app` may be NULL (tests). */
JpWindow *jp_window_new        (GtkApplication *app);

/* Opens the election file at `path` in this window (replacing any open election). On
 * failure the store's message is shown in a message dialog and FALSE is returned. */
gboolean  jp_window_open_file  (JpWindow   *self,
                                const char *path);

/* Opens the election file at `path` without blocking the window: a loading state naming
 * the file is shown while the file opens in a worker thread, then the election's stages.
 * A failure is shown in a message dialog naming the file, and the window returns to what
 * it showed before. */
void      jp_window_load_file  (JpWindow   *self,
                                const char *path);

/* Shows `store` (a reference is taken) and records its path in the recent files. */
void      jp_window_set_store  (JpWindow *self,
                                JpStore  *store);

/* The open election, or NULL on the start screen (borrowed). */
JpStore  *jp_window_get_store  (JpWindow *self);

/* Closes the election and returns to the start screen. */
void      jp_window_close_election (JpWindow *self);

/* Presents a modal message dialog with `heading` and `body`. */
void      jp_window_show_error (JpWindow   *self,
                                const char *heading,
                                const char *body);

G_END_DECLS
