/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include "ui/chair/jp-projector-defence.h"
#include "jp-resources.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

#include <adwaita.h>

/* The projector's defence view: the code, "3 / 7", the countdown (amber in the last minute,
 * red and counting up past zero) and who steps out. Times are given, not waited for. */
static void
test_countdown (void)
{
  GtkWidget *window = gtk_window_new ();
  JpProjectorDefence *view = JP_PROJECTOR_DEFENCE (jp_projector_defence_new ());
  GtkWidget *timer_label;
  JpTimer timer;
  /* the view also ticks by itself on the monotonic clock: the times given are near it */
  gint64 t0 = g_get_monotonic_time () / 1000 - 7 * 60000 - 30000;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_add_css_class (window, "jp-projector");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  jp_timer_init (&timer, 8 * 60000);
  jp_timer_start (&timer, t0);
  jp_projector_defence_set (view, "稀土 · 陈述", "XT-03", 3, 7, &timer, "回避：评委丙");
  gtk_window_present (GTK_WINDOW (window));
  timer_label = GTK_WIDGET (jp_projector_defence_get_timer_label (view));

  jp_projector_defence_tick (view, t0 + 60000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (timer_label)), ==, "07:00");
  g_assert_false (gtk_widget_has_css_class (timer_label, "jp-timer-warning"));
  g_assert_cmpstr (gtk_label_get_text (jp_projector_defence_get_position_label (view)), ==,
                   "3 / 7");
  g_assert_cmpstr (gtk_label_get_text (jp_projector_defence_get_step_out_label (view)), ==,
                   "回避：评委丙");

  jp_projector_defence_tick (view, t0 + 7 * 60000 + 30000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (timer_label)), ==, "00:30");
  g_assert_true (gtk_widget_has_css_class (timer_label, "jp-timer-warning"));
  jp_test_spin ();
  jp_test_screenshot (window, "projector-defence-amber");

  /* the same timer 42.5 s later in the room */
  t0 -= 42500;
  jp_timer_init (&timer, 8 * 60000);
  jp_timer_start (&timer, t0);
  jp_projector_defence_set (view, "稀土 · 陈述", "XT-03", 3, 7, &timer, "回避：评委丙");
  jp_projector_defence_tick (view, t0 + 8 * 60000 + 12500);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (timer_label)), ==, "+00:12");
  g_assert_false (gtk_widget_has_css_class (timer_label, "jp-timer-warning"));
  g_assert_true (gtk_widget_has_css_class (timer_label, "jp-timer-overrun"));
  jp_test_spin ();
  jp_test_screenshot (window, "projector-defence-overrun");
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (jp_get_resource ());
  jp_test_load_style ();
  g_test_add_func ("/ui/projector/defence-countdown", test_countdown);
  return g_test_run ();
}
