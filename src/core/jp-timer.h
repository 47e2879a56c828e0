/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The defence's presentation and question timers (RULES.md "Defence scoring"), as a pure
 * function of times: the caller passes the clock (milliseconds, any monotonic origin), so a
 * test can move time itself and the host, the projector and the stations agree on what
 * they show. A timer counts down from its duration; past zero it keeps counting (overrun). */

typedef struct {
  gint64   duration_ms;   /* the phase's time, >= 0 */
  gboolean running;
  gint64   started_ms;    /* when running: the clock at the last start */
  gint64   elapsed_ms;    /* time run before the last start */
} JpTimer;

/* How the time left is shown: normal, amber in the last minute, red at zero and after. */
typedef enum {
  JP_TIMER_NORMAL = 0,
  JP_TIMER_WARNING,       /* 0 < remaining <= 60 s */
  JP_TIMER_OVERRUN,       /* remaining <= 0: red, counting up */
} JpTimerLevel;

#define JP_TIMER_WARNING_MS 60000

/* A stopped timer of `duration_ms` with nothing run. */
void         jp_timer_init      (JpTimer *timer,
                                 gint64   duration_ms);
/* Starts (or resumes) at `now_ms`; a running timer is left as it is. */
void         jp_timer_start     (JpTimer *timer,
                                 gint64   now_ms);
/* Pauses at `now_ms`, keeping the time run; a paused timer is left as it is. */
void         jp_timer_pause     (JpTimer *timer,
                                 gint64   now_ms);
/* Stops and forgets the time run: back to the full duration. */
void         jp_timer_reset     (JpTimer *timer);

/* Time run at `now_ms` (a clock before the start counts as no time). */
gint64       jp_timer_elapsed   (const JpTimer *timer,
                                 gint64         now_ms);
/* duration - elapsed: negative once the time is over (by how much). */
gint64       jp_timer_remaining (const JpTimer *timer,
                                 gint64         now_ms);
JpTimerLevel jp_timer_level     (const JpTimer *timer,
                                 gint64         now_ms);

/* The clock face of a remaining time: "mm:ss" counting down, whole seconds rounded up
 * (so "00:01" until the very end, and "08:00" at the start of 8 minutes); at zero
 * "00:00", then "+mm:ss" counting up in whole seconds run over. Hours, rare, add
 * minutes past 59 ("75:00"). Returns: (transfer full). */
char        *jp_timer_format    (gint64 remaining_ms);

G_END_DECLS
