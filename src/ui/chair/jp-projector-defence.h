/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "core/jp-timer.h"

G_BEGIN_DECLS

#define JP_TYPE_PROJECTOR_DEFENCE (jp_projector_defence_get_type ())
G_DECLARE_FINAL_TYPE (JpProjectorDefence, jp_projector_defence, JP, PROJECTOR_DEFENCE, GtkBox)

/* The projector during a defence: the candidate's code, "3 / 7" in the order of
 * appearance, the phase (presentation or questions), its countdown in very large type
 * (amber in the last minute, red and counting up past zero: jp_timer_level) and the
 * members who must step out (回避). The countdown follows the monotonic clock in
 * milliseconds (g_get_monotonic_time () / 1000), the clock of the chair's timers. */
GtkWidget   *jp_projector_defence_new  (void);

/* Shows `code` at `position` of `count`, `heading` (the trade and the phase) and
 * `step_out` (the sentence naming who steps out, or NULL); `timer` is copied. */
void         jp_projector_defence_set  (JpProjectorDefence *self,
                                        const char         *heading,
                                        const char         *code,
                                        int                 position,
                                        int                 count,
                                        const JpTimer      *timer,
                                        const char         *step_out);
/* Shows the countdown at `now_ms` (the widget does so itself every 200 ms). */
void         jp_projector_defence_tick (JpProjectorDefence *self,
                                        gint64              now_ms);

/* for tests (borrowed) */
GtkLabel    *jp_projector_defence_get_timer_label    (JpProjectorDefence *self);
GtkLabel    *jp_projector_defence_get_position_label (JpProjectorDefence *self);
GtkLabel    *jp_projector_defence_get_step_out_label (JpProjectorDefence *self);

G_END_DECLS
