/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tells the person why something `widget` needed could not be read or done: a dialog over
 * the widget's window with `error`'s message (which names the file and what to do), or a
 * warning in the log while the widget is in no window yet. `heading` NULL means "Could Not
 * Read the Election". */
void jp_ui_report_error (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error);

G_END_DECLS
