/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tooltips as wide as their text (up to about 50 Latin characters' width), also in Chinese.
 *
 * GTK 4.8 gives a tooltip's label a natural width of as many "approximate character widths"
 * as the text has characters. That width is a Latin letter's (about 7 px), while a Chinese
 * character is twice as wide, so "主菜单" wrapped after every character and the tall tooltip
 * covered the menu below its button. Once installed, every tooltip label gets the width its
 * text really needs, measured with its own font. Call once per process (later calls do
 * nothing). */
void jp_tooltips_install        (void);

/* The max-width-chars a tooltip label needs to show its text on one line, at most 50 of its
 * font's character widths (what GTK allows a tooltip); exposed for the tests. */
int  jp_tooltip_label_width_chars (GtkLabel *label);

G_END_DECLS
