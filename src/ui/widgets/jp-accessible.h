/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Accessible names for the controls GTK 4.8 leaves unnamed or names wrongly, read by a screen
 * reader and found by the UI tests: an icon-only button (or a menu button, a drop-down) is
 * named by its tooltip without the keyboard hint ("主菜单", not "GtkMenuButton"), a button or
 * check button by its label without the mnemonic ("新建评审……", not "新建评审(_N)……"), an
 * entry by its tooltip; an icon beside text is hidden from the reader. Applied to every
 * widget when it is realized. Call once per process (later calls do nothing). */
void  jp_accessible_install         (void);

/* `label` without its mnemonic: "(_N)" / "（_N）" dropped, other underscores removed. */
char *jp_accessible_strip_mnemonic  (const char *label);
/* `tooltip` without a trailing keyboard hint such as " (Ctrl+I)" or "（Esc）". */
char *jp_accessible_strip_shortcut  (const char *tooltip);

G_END_DECLS
