/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ui/records/jp-publicity-page-private.h"
#include "store/jp-store-publicity.h"
#include "store/jp-holiday-files.h"
#include "jp-ui-test-util.h"
#include "jp-ballot-test-util.h"
#include "jp-ui3a-shot.h"

/* The publicity page at 1366x768: the computed end date and a missing year's warning under
 * the start date, the register (log, decide), the disqualification it shows. */

static char *tmpdir;

/* A frozen demo election; `ids` and `codes` receive three candidates with codes. */
static JpStore *
make_store (const char *name,
            gint64     *ids,
            char      **codes)
{
  g_autofree char *dir = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GListModel) list = NULL;
  JpStore *store;
  guint n = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  store = ballot_test_store (dir, 8);
  list = jp_store_list_candidates (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list) && n < 3; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      if (c->code == NULL)
        continue;
      ids[n] = c->id;
      codes[n] = g_strdup (c->code);
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
  {
    /* the demo's clock stands in 2023; the office works on 2024-02-09 */
    g_autoptr(GDateTime) today = g_date_time_new_local (2024, 2, 9, 12, 0, 0);

    jp_store_set_fixed_time (store, g_date_time_to_unix (today));
  }
  return store;
}

static JpHolidayCalendar *
shipped_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "data", "holidays",
                                           NULL);
  JpHolidayCalendar *calendar = jp_holiday_files_load_dir (dir, &error);

  g_assert_no_error (error);
  return calendar;
}

static GtkWindow *
show_page (JpPublicityPage *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1366, 768);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  jp_test_spin ();
  return window;
}

static void
select_day (GtkCalendar *calendar,
            int          y,
            int          m,
            int          d)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
  jp_test_spin ();
}

static void
test_start_dates (void)
{
  gint64 ids[3];
  char *codes[3];
  g_autoptr(JpStore) store = make_store ("dates", ids, codes);
  JpPublicityPage *page = JP_PUBLICITY_PAGE (jp_publicity_page_new ());
  GtkWindow *window;

  jp_publicity_page_set_calendar (page, shipped_calendar ());
  jp_publicity_page_set_store (page, store);
  window = show_page (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->start_calendar)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->objection_group)));

  select_day (page->start_calendar, 2024, 2, 8);
  g_assert_cmpstr (gtk_label_get_text (page->period_label), ==, "From 2024-02-08 to 2024-02-20");
  g_assert_nonnull (strstr (gtk_label_get_text (page->days_label), "2024-02-18"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->warning_label)));

  select_day (page->start_calendar, 2031, 1, 6);
  g_assert_cmpstr (gtk_label_get_text (page->period_label), ==, "From 2031-01-06 to 2031-01-10");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->warning_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (page->warning_label),
                            "No holiday calendar for 2031"));
  jp_test_screenshot (GTK_WIDGET (window), "publicity-start-2031");
  gtk_window_destroy (window);
  for (guint i = 0; i < 3; i++)
    g_free (codes[i]);
}

static void
test_register (void)
{
  gint64 ids[3];
  char *codes[3];
  g_autoptr(JpStore) store = make_store ("register", ids, codes);
  g_autoptr(GError) error = NULL;
  JpPublicityPage *page = JP_PUBLICITY_PAGE (jp_publicity_page_new ());
  g_autoptr(JpHolidayCalendar) calendar = shipped_calendar ();
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row, *upheld = NULL;
  GtkWindow *window;
  gboolean disqualified_shown = FALSE;

  g_assert_true (jp_store_start_publicity_with (store, "2024-02-08", "市总工会主席会议",
                                                "2024-02-06", ids, 3, NULL, calendar, "chair",
                                                NULL, &error));
  g_assert_no_error (error);
  jp_publicity_page_set_store (page, store);
  window = show_page (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->start_group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->objection_group)));

  /* the secretary logs a sealed letter from a unit */
  gtk_editable_set_text (GTK_EDITABLE (page->code_row), codes[1]);
  gtk_editable_set_text (GTK_EDITABLE (page->received_row), "2024-02-09");
  adw_combo_row_set_selected (page->channel_row, 0);
  adw_combo_row_set_selected (page->from_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (page->from_name_row), "北方重工工会");
  gtk_editable_set_text (GTK_EDITABLE (page->content_row), "反映其专利非本人完成");
  g_signal_emit_by_name (page->add_button, "clicked");
  jp_test_spin ();
  objections = jp_store_list_objections (store, &error);
  g_assert_cmpuint (objections->len, ==, 1);
  g_assert_cmpstr (((JpObjection *) objections->pdata[0])->from_kind, ==, "unit");
  g_assert_true (((JpObjection *) objections->pdata[0])->sealed);

  /* the chair upholds it: the row's button, with the investigation and the handler */
  gtk_editable_set_text (GTK_EDITABLE (page->investigation_row), "经核实，专利发明人另有其人");
  gtk_editable_set_text (GTK_EDITABLE (page->handled_by_row), "经济部");
  row = gtk_widget_get_first_child (GTK_WIDGET (page->objection_list));
  g_assert_nonnull (row);
  for (GtkWidget *w = row; w != NULL; )
    {
      /* depth-first search for the button named "upheld" */
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_name (w), "upheld") == 0)
        {
          upheld = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == row) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (upheld);
  g_signal_emit_by_name (upheld, "clicked");
  jp_test_spin ();

  jp_test_collect_labels (GTK_WIDGET (page->candidate_list), labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (labels->pdata[i], "Disqualified: objection 1 upheld") == 0)
      disqualified_shown = TRUE;
  g_assert_true (disqualified_shown);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (page->objection_list),
                                        "2024-02-09, Letter, from 北方重工工会 (with its seal) — "
                                        "upheld: 经核实，专利发明人另有其人 (经济部)", FALSE));
  jp_test_screenshot (GTK_WIDGET (window), "publicity-register");
  gtk_window_destroy (window);
  for (guint i = 0; i < 3; i++)
    g_free (codes[i]);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  tmpdir = g_dir_make_tmp ("jp-test-publicity-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/publicity/start-dates", test_start_dates);
  g_test_add_func ("/ui/publicity/register", test_register);
  ret = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);

    if (system (cmd) != 0)
      g_warning ("could not remove %s", tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
