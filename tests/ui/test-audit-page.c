/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "store/jp-store-private.h"
#include "ui/records/jp-audit-page.h"
#include "jp-ui-test-util.h"

/* The audit browser: the log filtered by who, action, candidate and day, and the check. */

typedef struct {
  char        *dir;
  JpStore     *store;
  GtkWindow   *window;
  JpAuditPage *page;
} Fixture;

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("jp-test-audit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "a.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  /* 2026-03-01 09:00 UTC: three entries by two people */
  jp_store_set_fixed_time (f->store, 1772355600);
  jp_store_add_trade (f->store, "XT", "稀土", TRUE, "秘书处", &error);
  g_assert_no_error (error);
  jp_store_set_fixed_time (f->store, 1772355600 + 3 * 86400);
  jp_store_add_trade (f->store, "FW", "服务", FALSE, "王主任", &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->page = JP_AUDIT_PAGE (jp_audit_page_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  jp_audit_page_set_store (f->page, f->store);
  gtk_window_present (f->window);
  jp_test_spin ();
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list,
                                                                                          index)));
}

static const char *
row_subtitle (GtkListBox *list,
              int         index)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list,
                                                                                   index)));
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  GtkListBox *list = jp_audit_page_get_list (f->page);

  /* election.create, trade.add XT, trade.add FW; newest first */
  g_assert_cmpuint (n_rows (list), ==, 3);
  /* the action in words, who did it; its code (what the filter matches) below */
  g_assert_nonnull (strstr (row_title (list, 0), "Trade added"));
  g_assert_nonnull (strstr (row_title (list, 0), "王主任"));
  g_assert_nonnull (strstr (row_subtitle (list, 0), "trade.add"));
  g_assert_nonnull (strstr (row_title (list, 2), "Election created"));

  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "actor"), "秘书");
  jp_test_spin ();
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_nonnull (strstr (row_title (list, 0), "秘书处"));
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "actor"), "");

  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "action"), "trade.");
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "candidate"), "服务");
  jp_test_spin ();
  g_assert_cmpuint (n_rows (list), ==, 1);
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "candidate"), "");

  /* days, inclusive; a wrong date says which field */
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "until"), "2026-03-02");
  jp_test_spin ();
  g_assert_cmpuint (n_rows (list), ==, 1);
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "until"), "");
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "from"), "2026-03-04");
  jp_test_spin ();
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_nonnull (strstr (row_title (list, 0), "王主任"));
  gtk_editable_set_text (jp_audit_page_get_filter (f->page, "from"), "3月4日");
  jp_test_spin ();
  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (f->page),
                                        "From date: “3月4日” is not a date; write it as YYYY-MM-DD, "
                                        "for example 2026-05-20.", TRUE));
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  GtkLabel *status = jp_audit_page_get_status (f->page);
  GtkListBox *problems = jp_audit_page_get_problems (f->page);

  jp_audit_page_verify (f->page);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "success"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "The record holds: 3 entries"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problems)));

  /* someone edits the second entry behind the program's back */
  g_assert_true (jp_store_exec (f->store, "DROP TRIGGER audit_no_update;"
                                          "UPDATE audit SET actor = '别人' WHERE seq = 2", NULL));
  jp_audit_page_verify (f->page);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "The record does not hold"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_cmpuint (n_rows (problems), ==, 1);
  g_assert_nonnull (strstr (row_title (problems, 0), "Audit entry 2 (trade.add) was changed"));
}

int
main (int argc, char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/audit/filters", Fixture, NULL, set_up, test_filters, tear_down);
  g_test_add ("/ui/audit/verify", Fixture, NULL, set_up, test_verify, tear_down);
  return g_test_run ();
}
