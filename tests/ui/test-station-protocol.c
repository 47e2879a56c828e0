/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "meeting/jp-meeting-client.h"
#include "meeting/jp-meeting-tls.h"
#include "ui/station/jp-station-ballot.h"
#include "ui/station/jp-station-window.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* A member station against a host whose replies it cannot read (a field missing): each
 * screen says which field of which reply, instead of showing no rounds, a ballot of one
 * choice or an empty dossier. The "host" is a plain HTTPS server of this test answering the
 * protocol's paths with fixed texts. */

static const char *state_reply =
  "{\"stage\":\"voting\",\"rounds\":[{\"id\":3,\"trade\":\"XT\",\"trade_name\":\"稀土\","
  "\"number\":1,\"state\":\"open\",\"seats\":2,\"voted\":false}],"
  "\"current_candidate\":null,\"step_out\":false}";
static const char *round_reply =
  "{\"id\":3,\"trade\":\"XT\",\"trade_name\":\"稀土\",\"number\":1,\"state\":\"open\","
  "\"seats\":2,\"max_choices\":2,\"voted\":false,\"conflicted\":[]}";

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  const char *body = NULL;

  if (g_str_equal (path, "/api/v1/session"))
    body = "{\"token\":\"0123456789abcdef\",\"member\":{\"code\":\"M01\",\"name\":\"评委甲\","
           "\"role\":\"member\"},\"election\":{\"title\":\"测试选树\",\"year\":2026}}";
  else if (g_str_equal (path, "/api/v1/state"))
    body = state_reply;
  else if (g_str_equal (path, "/api/v1/rounds/3"))
    body = round_reply;
  else if (g_str_equal (path, "/api/v1/defence"))
    body = "{\"round\":null,\"candidate\":null}";
  if (body == NULL)
    {
      body = "{\"status\":\"error\",\"reason\":\"unknown-path\",\"message\":\"No such path.\"}";
      soup_server_message_set_status (msg, 404, NULL);
    }
  else
    soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

typedef struct {
  SoupServer *server;
  char       *fingerprint;
  char       *uri;
} Host;

static void
host_start (Host *host)
{
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *pem = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_assert_true (jp_meeting_tls_generate (&cert_pem, &key_pem, &error));
  g_assert_no_error (error);
  pem = g_strconcat (cert_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);
  host->fingerprint = jp_meeting_tls_fingerprint (certificate);
  host->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (host->server, NULL, on_request, NULL, NULL);
  g_assert_true (soup_server_listen_local (host->server, 0,
                                           SOUP_SERVER_LISTEN_HTTPS |
                                           SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (host->server);
  host->uri = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
host_stop (Host *host)
{
  soup_server_disconnect (host->server);
  g_clear_object (&host->server);
  g_free (host->fingerprint);
  g_free (host->uri);
}

static void
async_done (GObject *source, GAsyncResult *res, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (res);
}

static gboolean
shows_text (gpointer data)
{
  GtkWidget *widget = g_object_get_data (data, "test-widget");
  const char *text = g_object_get_data (data, "test-text");
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  jp_test_collect_labels (widget, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (labels->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Waits until a label under `widget` contains `text`. */
static gboolean
wait_for_text (GtkWidget *widget, const char *text)
{
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (probe, "test-widget", widget);
  g_object_set_data (probe, "test-text", (gpointer) text);
  return jp_test_wait_until (shows_text, probe, 10000);
}

static gboolean
ballot_settled (gpointer data)
{
  return jp_station_ballot_get_state (data) != JP_STATION_BALLOT_LOADING;
}

static void
test_unreadable_replies (void)
{
  Host host = { 0 };
  g_autofree char *queue = NULL;
  g_autoptr(JpMeetingClient) client = NULL;
  g_autoptr(JpStationWindow) station = NULL;
  g_autoptr(JsonObject) login = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  JpStationBallot *ballot;

  host_start (&host);
  queue = g_build_filename (g_get_user_data_dir (), "queue.json", NULL);
  client = jp_meeting_client_new (host.uri, queue);
  jp_meeting_client_set_pinned_fingerprint (client, host.fingerprint);
  jp_meeting_client_login_async (client, "M01", "123456", NULL, async_done, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  login = jp_meeting_client_login_finish (client, res, &error);
  g_clear_object (&res);
  g_assert_no_error (error);

  station = g_object_ref_sink (jp_station_window_new (NULL, client));
  gtk_window_set_default_size (GTK_WINDOW (station), 900, 720);
  gtk_window_present (GTK_WINDOW (station));
  /* GET /state without max_choices: the rounds page names the field, no list of nothing */
  g_assert_true (wait_for_text (GTK_WIDGET (station), "rounds[0].max_choices"));
  g_assert_true (wait_for_text (GTK_WIDGET (station), "GET /state"));
  g_assert_cmpuint (jp_station_window_get_n_rounds (station), ==, 0);
  g_assert_cmpstr (jp_station_window_get_page (station), ==, "rounds");
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-rounds-unreadable");

  /* GET /rounds/3 without its candidates: the ballot fails with the field, no empty list */
  jp_station_window_open_round (station, 3);
  ballot = jp_station_window_get_ballot (station);
  g_assert_true (jp_test_wait_until (ballot_settled, ballot, 10000));
  g_assert_cmpint (jp_station_ballot_get_state (ballot), ==, JP_STATION_BALLOT_FAILED);
  g_assert_nonnull (strstr (jp_station_ballot_get_status_text (ballot), "“candidates”"));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (station), "station-ballot-unreadable");

  gtk_window_destroy (GTK_WINDOW (station));
  host_stop (&host);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_test_add_func ("/ui/station/unreadable-replies", test_unreadable_replies);
  return g_test_run ();
}
