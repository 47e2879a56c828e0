/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include "station-test-util.h"

/* The member station joining a host: the host text, login errors, the host's fingerprint. */

/* ---- cases ---- */

static void
test_parse_host (void)
{
  struct { const char *text, *uri; } good[] = {
    { "192.168.1.10", "https://192.168.1.10:8765" },
    { " 192.168.1.10:9000 ", "https://192.168.1.10:9000" },
    { "http://host.local:8000/", "https://host.local:8000" },
    { "https://host.local:8000/", "https://host.local:8000" },
    { "[::1]:8123", "https://[::1]:8123" },
    { "localhost", "https://localhost:8765" },
  };
  const char *bad[] = { "", "   ", "host:0", "host:70000", "host:abc", "a b", "[::1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *uri = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (jp_join_parse_host (good[i].text, &uri, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (uri, ==, good[i].uri);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *uri = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (jp_join_parse_host (bad[i], &uri, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (uri);
    }
}

static void
test_login_errors (void)
{
  JpStationWindow *station = NULL;
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpJoinDialog) unreachable = NULL;
  g_autoptr(JpJoinDialog) no_code = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *expected = NULL;

  /* a wrong PIN: the plain words, no window */
  dialog = join (host.host, "M02", "000000x", &station);
  g_assert_null (station);
  g_assert_cmpstr (jp_join_dialog_get_error (dialog), ==,
                   _("The member code or the PIN is wrong. Check both and try again."));
  jp_test_screenshot (GTK_WIDGET (dialog), "station-join-wrong-pin");
  close_dialog (dialog);

  /* nobody listens on port 1 */
  unreachable = join ("127.0.0.1:1", "M02", host.pin_m02, &station);
  g_assert_null (station);
  expected = g_strdup_printf (_("Cannot connect to the host computer at %s. Check the address "
                                "and the network."), "127.0.0.1:1");
  g_assert_cmpstr (jp_join_dialog_get_error (unreachable), ==, expected);
  close_dialog (unreachable);

  no_code = join (host.host, "", host.pin_m02, &station);
  g_assert_cmpstr (jp_join_dialog_get_error (no_code), ==,
                   _("Type your member code, for example M02."));
  close_dialog (no_code);
  g_assert_null (station);
  /* only a successful login is remembered */
  g_assert_cmpstr (g_settings_get_string (settings, "last-host"), ==, "");
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* The mapped button whose mnemonic label is `mnemonic`. */
static GtkWidget *
button_showing (GtkWidget *root, const char *mnemonic)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  GtkWidget *w;

  for (const char *p = mnemonic; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);
  w = jp_test_find_label (root, plain->str, TRUE);
  while (w != NULL && !GTK_IS_BUTTON (w))
    w = gtk_widget_get_parent (w);
  g_assert_nonnull (w);
  return w;
}

/* The first join: nothing is sent until the member confirms the fingerprint shown in large
 * type; then it is pinned and the next join goes straight through. */
static void
test_confirm_fingerprint (void)
{
  JpStationWindow *station = NULL;
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(JpJoinDialog) again = NULL;
  g_autofree char *pins = g_build_filename (g_get_user_config_dir (), "jiangping", "pins.ini",
                                            NULL);
  g_autofree char *pinned = NULL;
  const char *fp = jp_meeting_server_get_fingerprint (host.server);
  GtkWidget *shown;

  dialog = join_once (host.host, "M02", host.pin_m02, &station);
  g_assert_null (station);
  g_assert_cmpstr (jp_join_dialog_get_unconfirmed_fingerprint (dialog), ==, fp);
  g_assert_null (jp_join_dialog_get_error (dialog));
  shown = jp_test_find_label (GTK_WIDGET (dialog), fp, FALSE);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_mapped (shown));
  g_assert_false (g_file_test (pins, G_FILE_TEST_EXISTS));
  jp_test_screenshot (GTK_WIDGET (dialog), "station-join-fingerprint");

  /* the member presses "The Fingerprints Match" */
  gtk_widget_activate (button_showing (GTK_WIDGET (dialog), _("The Fingerprints _Match")));
  g_assert_true (jp_test_wait_until (pointer_set, &station, 10000));
  jp_test_spin ();
  g_assert_nonnull (station);
  pinned = jp_meeting_pins_lookup (NULL, host.host, NULL);
  g_assert_cmpstr (pinned, ==, fp);
  gtk_window_destroy (GTK_WINDOW (station));
  g_clear_object (&station);

  /* pinned: no question the second time */
  again = join_once (host.host, "M02", host.pin_m02, &station);
  g_assert_null (jp_join_dialog_get_unconfirmed_fingerprint (again));
  g_assert_nonnull (station);
  gtk_window_destroy (GTK_WINDOW (station));
  g_clear_object (&station);
}

/* A station that pinned another certificate for this address: a plain warning naming both
 * fingerprints, no login. */
static void
test_pinned_mismatch (void)
{
  JpStationWindow *station = NULL;
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  const char *fp = jp_meeting_server_get_fingerprint (host.server);
  const char *old = g_str_equal (fp, "XJ4B-NP4P-AHH6-UQKB") ? "4OYM-IQUY-7QOB-JGX3"
                                                             : "XJ4B-NP4P-AHH6-UQKB";
  const char *error_text;

  g_assert_true (jp_meeting_pins_save (NULL, host.host, old, &error));
  g_assert_no_error (error);
  dialog = join_once (host.host, "M02", host.pin_m02, &station);
  g_assert_null (station);
  error_text = jp_join_dialog_get_error (dialog);
  g_assert_nonnull (error_text);
  g_assert_nonnull (strstr (error_text, fp));
  g_assert_nonnull (strstr (error_text, old));
  jp_test_screenshot (GTK_WIDGET (dialog), "station-join-mismatch");
  close_dialog (dialog);
}

/* The chair's own member window logs in to the meeting this program serves: it trusts that
 * certificate without asking, and pins nothing. */
static void
test_member_window_trusts_own_host (void)
{
  g_autoptr(JpApplication) app = jp_application_new ();
  g_autoptr(JpJoinDialog) dialog = NULL;
  g_autofree char *pins = g_build_filename (g_get_user_config_dir (), "jiangping", "pins.ini",
                                            NULL);
  JpStationWindow *station = NULL;

  g_application_set_default (G_APPLICATION (app));
  jp_application_set_local_server (app, host.server);
  dialog = join_once (host.host, "M02", host.pin_m02, &station);
  g_assert_null (jp_join_dialog_get_unconfirmed_fingerprint (dialog));
  g_assert_nonnull (station);
  g_assert_false (g_file_test (pins, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (station));
  g_clear_object (&station);
  jp_application_set_local_server (app, NULL);
  g_application_set_default (NULL);
}

int
main (int argc, char **argv)
{
  station_test_init (&argc, &argv);

  g_test_add_func ("/ui/station/parse-host", test_parse_host);
  g_test_add_func ("/ui/station/login-errors", test_login_errors);
  g_test_add_func ("/ui/station/confirm-fingerprint", test_confirm_fingerprint);
  g_test_add_func ("/ui/station/pinned-mismatch", test_pinned_mismatch);
  g_test_add_func ("/ui/station/member-window-trusts-own-host",
                   test_member_window_trusts_own_host);
  return g_test_run ();
}
