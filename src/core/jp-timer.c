/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-core"

#include "config.h"

#include "jp-timer.h"

void
jp_timer_init (JpTimer *timer,
               gint64   duration_ms)
{
  g_return_if_fail (timer != NULL);

  timer->duration_ms = MAX (duration_ms, 0);
  timer->running = FALSE;
  timer->started_ms = 0;
  timer->elapsed_ms = 0;
}

void
jp_timer_start (JpTimer *timer,
                gint64   now_ms)
{
  g_return_if_fail (timer != NULL);

  if (timer->running)
    return;
  timer->running = TRUE;
  timer->started_ms = now_ms;
}

void
jp_timer_pause (JpTimer *timer,
                gint64   now_ms)
{
  g_return_if_fail (timer != NULL);

  if (!timer->running)
    return;
  timer->elapsed_ms = jp_timer_elapsed (timer, now_ms);
  timer->running = FALSE;
  timer->started_ms = 0;
}

void
jp_timer_reset (JpTimer *timer)
{
  g_return_if_fail (timer != NULL);

  jp_timer_init (timer, timer->duration_ms);
}

gint64
jp_timer_elapsed (const JpTimer *timer,
                  gint64         now_ms)
{
  g_return_val_if_fail (timer != NULL, 0);

  if (!timer->running)
    return timer->elapsed_ms;
  return timer->elapsed_ms + MAX (now_ms - timer->started_ms, 0);
}

gint64
jp_timer_remaining (const JpTimer *timer,
                    gint64         now_ms)
{
  g_return_val_if_fail (timer != NULL, 0);

  return timer->duration_ms - jp_timer_elapsed (timer, now_ms);
}

JpTimerLevel
jp_timer_level (const JpTimer *timer,
                gint64         now_ms)
{
  gint64 remaining = jp_timer_remaining (timer, now_ms);

  if (remaining <= 0)
    return JP_TIMER_OVERRUN;
  if (remaining <= JP_TIMER_WARNING_MS)
    return JP_TIMER_WARNING;
  return JP_TIMER_NORMAL;
}

char *
jp_timer_format (gint64 remaining_ms)
{
  gint64 seconds;

  if (remaining_ms > 0)
    {
      seconds = (remaining_ms + 999) / 1000;
      return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                              seconds / 60, seconds % 60);
    }
  seconds = -remaining_ms / 1000;
  if (seconds == 0)
    return g_strdup ("00:00");
  return g_strdup_printf ("+%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                          seconds / 60, seconds % 60);
}
