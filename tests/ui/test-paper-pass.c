/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include "../meeting/meeting-test-util.h"
#include "ui/chair/jp-paper-pass.h"
#include "jp-ui-test-util.h"

/* JpPaperPass, the piece the chair's two paper entries (ballots, defence sheets) share: who
 * types the pass (scrutineers listed first), which pass, the error line. */

static const char *
item_text (GtkDropDown *dropdown,
           guint        i)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), i);
}

static void
test_paper_pass (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-paper-pass-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "election.jiangping", NULL);
  g_autoptr(JpStore) store = test_meeting_store (path, 0, NULL);
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkDropDown *scrutineers = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  const char *passes[] = { "Pass 1", "Pass 2", NULL };
  GtkDropDown *pass_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (passes));
  GtkLabel *error_label = GTK_LABEL (gtk_label_new (NULL));
  JpMember scrutineer = { 0, (char *) "S01", (char *) "监票人", (char *) "市总工会",
                          JP_MEMBER_ROLE_SCRUTINEER, NULL };
  JpPaperPass pass;

  g_assert_no_error (error);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (scrutineers));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pass_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (error_label));
  g_assert_cmpint (jp_store_add_member (store, &scrutineer, "test", &error), >, 0);
  g_assert_no_error (error);
  jp_paper_pass_init (&pass, box, scrutineers, pass_dropdown, error_label, NULL);
  g_signal_connect_swapped (scrutineers, "notify::selected",
                            G_CALLBACK (jp_paper_pass_scrutineer_changed), &pass);

  /* the scrutineer first, then the members by code */
  jp_paper_pass_fill_scrutineers (&pass, store);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (scrutineers)), ==, 5);
  g_assert_cmpstr (item_text (scrutineers, 0), ==, "S01 监票人 (scrutineer)");
  g_assert_cmpstr (item_text (scrutineers, 1), ==, "M01 评委甲");
  g_assert_cmpstr (jp_paper_pass_get_scrutineer (&pass), ==, "S01");
  /* member codes are matched without regard to case */
  g_assert_true (jp_paper_pass_select_scrutineer (&pass, "m03"));
  g_assert_cmpstr (jp_paper_pass_get_scrutineer (&pass), ==, "M03");
  g_assert_false (jp_paper_pass_select_scrutineer (&pass, "M99"));
  g_assert_cmpstr (jp_paper_pass_get_scrutineer (&pass), ==, "M03");

  g_assert_cmpint (jp_paper_pass_get_pass (&pass), ==, 1);
  gtk_drop_down_set_selected (pass_dropdown, 1);
  g_assert_cmpint (jp_paper_pass_get_pass (&pass), ==, 2);

  /* the error line shows until another scrutineer is chosen, not when the list is refilled */
  jp_paper_pass_show_error (&pass, "M04 is not on the panel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "M04 is not on the panel");
  jp_paper_pass_fill_scrutineers (&pass, store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (jp_paper_pass_select_scrutineer (&pass, "M02"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* no store: nobody to choose */
  jp_paper_pass_fill_scrutineers (&pass, NULL);
  g_assert_null (jp_paper_pass_get_scrutineer (&pass));

  jp_paper_pass_clear (&pass);
  g_object_unref (box);
  g_clear_object (&store);
  jp_test_remove_election (dir, path);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/paper-pass/scrutineer-pass-error", test_paper_pass);
  return g_test_run ();
}
