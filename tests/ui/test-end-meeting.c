/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ui/chair/jp-ballot-page-private.h"
#include "jp-ballot-test-util.h"
#include "jp-ui-test-util.h"
#include "../common/store-checks.h"

/* The chair ends the meeting from the ballot page's confirmation, with or without revoking
 * every PIN. */

static char *tmpdir;

/* The end-meeting confirmation presented over `window`, or NULL. */
static AdwMessageDialog *
end_dialog (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == window &&
          gtk_widget_get_visible (GTK_WIDGET (w)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)),
                     _("End the Meeting?")) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static guint
count_pins (JpStore *store)
{
  g_autoptr(GPtrArray) members = jp_store_list_members (store, NULL);
  guint n = 0;

  for (guint i = 0; i < members->len; i++)
    n += test_has_pin (store, ((JpMember *) members->pdata[i])->code);
  return n;
}

static void
end_meeting (gboolean revoke)
{
  g_autofree char *dir = g_build_filename (tmpdir, revoke ? "revoke" : "keep", NULL);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpBallotPage *page = JP_BALLOT_PAGE (jp_ballot_page_new ());
  AdwMessageDialog *dialog;
  GtkWidget *check;
  guint before;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  store = ballot_test_store (dir, 8);
  before = count_pins (store);
  g_assert_cmpuint (before, >, 0);
  gtk_window_set_child (window, GTK_WIDGET (page));
  jp_ballot_page_set_store (page, store);
  gtk_window_present (window);
  g_assert_true (jp_ballot_page_host (page, 0, &error));
  g_assert_no_error (error);
  jp_test_spin ();

  g_signal_emit_by_name (page->end_button, "clicked");
  jp_test_spin ();
  dialog = end_dialog (window);
  g_assert_nonnull (dialog);
  check = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  /* off unless the chair asks: PINs may be needed for the next day of the meeting */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), revoke);
  adw_message_dialog_response (dialog, "end");
  jp_test_spin ();

  g_assert_null (jp_ballot_page_get_server (page));
  g_assert_cmpuint (count_pins (store), ==, revoke ? 0 : before);
  audit = jp_store_list_audit (store, &error);
  g_assert_no_error (error);
  if (revoke)
    g_assert_cmpstr (((JpAuditEntry *) audit->pdata[audit->len - 1])->action, ==,
                     "member.pins-revoked");
  else
    g_assert_cmpstr (((JpAuditEntry *) audit->pdata[audit->len - 1])->action, !=,
                     "member.pins-revoked");
  gtk_window_destroy (window);
  jp_test_spin ();
}

static void
test_end_and_revoke (void)
{
  end_meeting (TRUE);
}

static void
test_end_and_keep (void)
{
  end_meeting (FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  tmpdir = g_dir_make_tmp ("jp-test-end-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/ballot/end-meeting-revokes-pins", test_end_and_revoke);
  g_test_add_func ("/ui/ballot/end-meeting-keeps-pins", test_end_and_keep);
  ret = g_test_run ();

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *dir = g_build_filename (tmpdir, i == 0 ? "revoke" : "keep", NULL);

      ballot_test_rm (dir);
    }
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
