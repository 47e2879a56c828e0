/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include "jp-core.h"

/* 8 minutes: started at 1000, paused after 2 minutes, resumed, then run past zero. */
static void
test_start_pause_resume (void)
{
  JpTimer t;

  jp_timer_init (&t, 8 * 60000);
  g_assert_cmpint (jp_timer_remaining (&t, 5000), ==, 480000);
  jp_timer_start (&t, 1000);
  g_assert_cmpint (jp_timer_remaining (&t, 121000), ==, 360000);
  jp_timer_pause (&t, 121000);
  /* paused: time does not run */
  g_assert_cmpint (jp_timer_remaining (&t, 900000), ==, 360000);
  jp_timer_start (&t, 900000);
  jp_timer_start (&t, 950000);   /* a second start changes nothing */
  g_assert_cmpint (jp_timer_remaining (&t, 1200000), ==, 60000);
  g_assert_cmpint (jp_timer_level (&t, 1200000), ==, JP_TIMER_WARNING);
  g_assert_cmpint (jp_timer_level (&t, 1199999), ==, JP_TIMER_NORMAL);
  g_assert_cmpint (jp_timer_level (&t, 1260000), ==, JP_TIMER_OVERRUN);
  g_assert_cmpint (jp_timer_remaining (&t, 1272500), ==, -12500);
  jp_timer_reset (&t);
  g_assert_false (t.running);
  g_assert_cmpint (jp_timer_remaining (&t, 2000000), ==, 480000);
  g_assert_cmpint (jp_timer_level (&t, 2000000), ==, JP_TIMER_NORMAL);
}

static void
test_format (void)
{
  const struct { gint64 ms; const char *text; } cases[] = {
    { 480000, "08:00" }, { 479001, "08:00" }, { 479000, "07:59" }, { 60000, "01:00" },
    { 1, "00:01" }, { 0, "00:00" }, { -999, "00:00" }, { -1000, "+00:01" },
    { -12500, "+00:12" }, { -61000, "+01:01" }, { 4500000, "75:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jp_timer_format (cases[i].ms);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A clock that goes back (another host's clock, a resumed laptop) never adds time. */
static void
test_clock_before_start (void)
{
  JpTimer t;

  jp_timer_init (&t, 300000);
  jp_timer_start (&t, 10000);
  g_assert_cmpint (jp_timer_remaining (&t, 5000), ==, 300000);
  jp_timer_pause (&t, 5000);
  g_assert_cmpint (jp_timer_elapsed (&t, 0), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/timer/start-pause-resume", test_start_pause_resume);
  g_test_add_func ("/core/timer/format", test_format);
  g_test_add_func ("/core/timer/clock-before-start", test_clock_before_start);
  return g_test_run ();
}
