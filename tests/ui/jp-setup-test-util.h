/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Helpers of tests/ui/test-setup.c: the store calls that must not fail there, and the rows and
 * controls of the setup pages found by what they show. */

#include <adwaita.h>

#include "demo/jp-demo.h"
#include "ui/setup/jp-rubric-row.h"
#include "ui/setup/jp-setup-private.h"
#include "ui/setup/jp-unit-row.h"
#include "../common/store-checks.h"

static inline JpRubricRow *
rubric_row_at (JpSettingsPage *page,
               int             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (jp_settings_page_get_rubric_list (page),
                                                      index);

  g_assert_true (JP_IS_RUBRIC_ROW (row));
  return JP_RUBRIC_ROW (row);
}

/* The control of type `type` in the trades column view's cell of trade `trade_id`. */
static inline GtkWidget *
find_trade_control (GtkWidget *widget,
                    gint64     trade_id,
                    GType      type)
{
  if (JP_IS_TRADE_CELL (widget))
    {
      JpSeatRow *row = jp_trade_cell_get_row (JP_TRADE_CELL (widget));
      GtkWidget *control = jp_trade_cell_get_control (JP_TRADE_CELL (widget));

      if (row != NULL && row->trade_id == trade_id && G_TYPE_CHECK_INSTANCE_TYPE (control, type))
        return control;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_trade_control (child, trade_id, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkSpinButton *
find_seats_spin (GtkWidget *widget,
                 gint64     trade_id)
{
  if (JP_IS_TRADE_CELL (widget))
    {
      JpSeatRow *row = jp_trade_cell_get_row (JP_TRADE_CELL (widget));
      GtkWidget *control = jp_trade_cell_get_control (JP_TRADE_CELL (widget));

      if (row != NULL && row->trade_id == trade_id && GTK_IS_SPIN_BUTTON (control))
        return GTK_SPIN_BUTTON (control);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_seats_spin (child, trade_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of the settings form titled `title`. */
static inline AdwPreferencesRow *
find_settings_row (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_PREFERENCES_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_settings_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline JpUnitRow *
unit_row_at (JpUnitsPage *page,
             int          index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (jp_units_page_get_list (page), index);

  g_assert_true (JP_IS_UNIT_ROW (row));
  return JP_UNIT_ROW (row);
}

/* A demonstration election of `n_candidates` (the default seed) in a new temporary folder
 * made from `tmpl`: the folder in *dir, the file (demo.jiangping) in *path. */
static inline JpStore *
setup_test_demo_store (const char  *tmpl,
                       guint        n_candidates,
                       char       **dir,
                       char       **path)
{
  g_autoptr(GError) error = NULL;
  JpDemoOptions options = { n_candidates, JP_DEMO_DEFAULT_SEED, 0 };
  JpStore *store;

  *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, "demo.jiangping", NULL);
  store = jp_demo_create (*path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A window holding the setup page, the fixture of the setup tests. */
typedef struct {
  GtkWindow   *window;
  JpSetupPage *page;
} SetupTestWindow;

/* Shows the setup page on `store` in a new window of `width` x `height`. */
static inline void
setup_test_window_open (SetupTestWindow *fixture,
                        JpStore         *store,
                        int              width,
                        int              height)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = JP_SETUP_PAGE (jp_setup_page_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  jp_setup_page_set_store (fixture->page, store);
  gtk_window_present (fixture->window);
}
