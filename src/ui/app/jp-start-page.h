/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JP_TYPE_START_PAGE (jp_start_page_get_type ())
G_DECLARE_FINAL_TYPE (JpStartPage, jp_start_page, JP, START_PAGE, AdwBin)

/* The start screen: new / open / demo buttons and the recent elections. Emits
 * ::open-file (const char *path) when the user picks a recent file or the demo is ready. */
GtkWidget  *jp_start_page_new           (void);

/* Puts `path` first in the recent-files setting (at most 10 entries, no duplicates). */
void        jp_recent_files_add         (GSettings  *settings,
                                         const char *path);

/* Paths shown in the recent list, most recent first (borrowed model of GtkStringObject). */
GListModel *jp_start_page_get_recent_model (JpStartPage *self);

/* Where the demo election lives: <user data dir>/jiangping/demo.jiangping (newly allocated). */
char       *jp_start_page_get_demo_path (void);

G_END_DECLS
