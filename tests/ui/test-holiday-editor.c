/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ui/records/jp-publicity-page-private.h"
#include "ui/records/jp-holiday-editor.h"
#include "store/jp-holiday-files.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The holiday calendar editor of the publicity page (issue 9): a start day in a year without
 * a calendar warns and offers that year; what the secretariat types is checked by core (a
 * day both off and worked, a date outside the year) and nothing is written then; a year that
 * checks is saved in the user's folder and the period is counted with it at once. */

static void
select_day (GtkCalendar *calendar,
            int          y,
            int          m,
            int          d)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  g_autoptr(GDateTime) now = gtk_calendar_get_date (calendar);

  /* GtkCalendar 4.8 reports a selection only when the day of the month changes */
  if (g_date_time_get_day_of_month (now) == d)
    {
      g_autoptr(GDateTime) other = g_date_time_new_local (y, m, d == 1 ? 2 : 1, 12, 0, 0);

      gtk_calendar_select_day (calendar, other);
    }
  gtk_calendar_select_day (calendar, dt);
  jp_test_spin ();
}

static void
test_edit_missing_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-test-holidays-XXXXXX", &error);
  g_autofree char *holidays = g_build_filename (dir, "holidays", NULL);
  g_autofree char *shipped = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "data", "holidays",
                                               NULL);
  g_autofree char *db = g_build_filename (dir, "e.jiangping", NULL);
  g_autofree char *saved = g_build_filename (holidays, "2027.txt", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JpStore) store = NULL;
  JpPublicityPage *page;
  GtkWindow *window;
  JpHolidayEditor *editor;
  gpointer weak = NULL;

  g_assert_no_error (error);
  /* the calendars of this test only: the saved year lands in this folder */
  cmd = g_strdup_printf ("mkdir -p '%s' && cp '%s'/*.txt '%s'/", holidays, shipped, holidays);
  g_assert_cmpint (system (cmd), ==, 0);
  g_setenv ("JP_HOLIDAYS_DIR", holidays, TRUE);
  store = jp_store_create (db, NULL, &error);
  g_assert_no_error (error);

  page = JP_PUBLICITY_PAGE (jp_publicity_page_new ());
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1366, 768);
  gtk_window_set_child (window, GTK_WIDGET (page));
  jp_publicity_page_set_store (page, store);
  gtk_window_present (window);
  jp_test_spin ();

  /* Tuesday 2027-01-05: no calendar for 2027, weekends only, and the warning names it */
  select_day (page->start_calendar, 2027, 1, 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->warning_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (page->warning_label), "2027"));
  g_assert_nonnull (strstr (gtk_button_get_label (page->holidays_button), "2027"));
  expected = g_strdup_printf (_("From %s to %s"), "2027-01-05", "2027-01-11");
  g_assert_cmpstr (gtk_label_get_text (page->period_label), ==, expected);
  jp_test_screenshot (GTK_WIDGET (window), "holidays-missing");

  editor = JP_HOLIDAY_EDITOR (jp_publicity_page_edit_holidays (page));
  g_set_weak_pointer (&weak, editor);
  g_assert_cmpint (jp_holiday_editor_get_year (editor), ==, 2027);
  jp_test_spin ();

  /* a Saturday both off and worked: core's message names the list and line */
  jp_holiday_editor_set_lists (editor, "国务院办公厅关于2027年部分节假日安排的通知",
                               "2027-01-01 元旦\n2027-01-09 测试\n", "2027-01-09 测试\n");
  jp_holiday_editor_save (editor);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("%s, line %u"), _("Make-up working days"), 1);
  g_assert_true (g_str_has_prefix (jp_holiday_editor_get_error (editor), expected));
  g_assert_nonnull (strstr (jp_holiday_editor_get_error (editor), "2027-01-09"));
  g_assert_false (g_file_test (saved, G_FILE_TEST_EXISTS));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (editor), "holidays-editor-error");

  /* a date of another year */
  jp_holiday_editor_set_lists (editor, "", "2028-03-01 测试\n", "");
  jp_holiday_editor_save (editor);
  g_assert_nonnull (strstr (jp_holiday_editor_get_error (editor), "2028-03-01"));
  g_assert_nonnull (strstr (jp_holiday_editor_get_error (editor), _("Days off")));
  g_assert_false (g_file_test (saved, G_FILE_TEST_EXISTS));

  /* 元旦 on Friday, two days off on Tuesday and Wednesday, Saturday the 9th worked */
  jp_holiday_editor_set_lists (editor, "国务院办公厅关于2027年部分节假日安排的通知",
                               "2027-01-01 元旦\n2027-01-05..2027-01-06 测试假\n",
                               "2027-01-09 测试假\n");
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (editor), "holidays-editor");
  jp_holiday_editor_save (editor);
  jp_test_spin ();
  g_assert_null (weak);
  g_assert_true (g_file_get_contents (saved, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "year 2027"));
  g_assert_nonnull (strstr (text, "work 2027-01-09"));

  /* counted at once: 7, 8, 9 (worked), 11, 12 */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->warning_label)));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (_("From %s to %s"), "2027-01-05", "2027-01-12");
  g_assert_cmpstr (gtk_label_get_text (page->period_label), ==, expected);
  jp_test_screenshot (GTK_WIDGET (window), "holidays-saved");

  /* opened again, the editor shows the saved year */
  editor = JP_HOLIDAY_EDITOR (jp_publicity_page_edit_holidays (page));
  g_assert_cmpint (jp_holiday_editor_get_year (editor), ==, 2027);
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (window);
  jp_test_spin ();
  g_clear_pointer (&cmd, g_free);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  if (g_getenv ("JP_LOCALEDIR") != NULL && g_getenv ("JP_TEST_SCREENSHOT_DIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/holidays/edit-missing-year", test_edit_missing_year);
  return g_test_run ();
}
