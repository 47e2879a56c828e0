/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file's base name and contents, or with `error` set when it could not
 * be read (never when the person cancelled). */
typedef void (*JpCsvChosen) (GtkWidget   *owner,
                             gpointer     data,
                             const char  *name,
                             const char  *contents,
                             gsize        length,
                             const GError *error);

/* Asks for one CSV file to import (a native chooser over `owner`'s window, titled `title`,
 * filtered to `filter_name` *.csv) and hands its contents to `chosen` with `data` (which must
 * live as long as `owner`). The chooser lives as long as it is open; `owner` going away first
 * cancels the callback. */
void jp_csv_chooser_open (GtkWidget   *owner,
                          const char  *title,
                          const char  *filter_name,
                          JpCsvChosen  chosen,
                          gpointer     data);

G_END_DECLS
