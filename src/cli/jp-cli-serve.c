/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "jp-cli.h"
#include "jp-cli-serve.h"
#include "meeting/jp-meeting-server.h"
#include "store/jp-store-audit.h"

/* a backup that was not written reaches the person running the host */
static void
on_backup_failed (JpStore    *store,
                  const char *message,
                  gpointer    user_data)
{
  g_printerr ("%s\n", message);
}

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
jp_cli_cmd_serve (int argc, char **argv, GError **error)
{
  g_autofree char *db = NULL;
  int port = JP_MEETING_DEFAULT_PORT;
  gboolean local = FALSE, json = FALSE;
  int backups = JP_STORE_BACKUP_KEEP;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Election file"), N_("FILE") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("TCP port (0: any free port)"), N_("P") },
    { "local", 0, 0, G_OPTION_ARG_NONE, &local, N_("Accept only this computer (127.0.0.1)"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "backups", 0, 0, G_OPTION_ARG_INT, &backups,
      N_("Automatic backups kept beside the file (0: none)"), N_("N") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpMeetingService) service = NULL;
  g_autoptr(JpMeetingServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GPtrArray) addresses = NULL;
  guint bound, sigint, sigterm;

  if (!jp_cli_parse_options (entries, NULL, &argc, &argv, error))
    return 2;
  if (db == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say which election file to serve: add --db FILE"));
      return 2;
    }
  if (port < 0 || port > 65535)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--port %d is not a TCP port; give a number from 1 to 65535."), port);
      return 2;
    }
  /* one host per election file: a second one is told which computer holds it */
  if (!jp_store_take_host_lock (db, error))
    return 1;
  store = jp_cli_open_store (db, error);
  if (store == NULL)
    {
      jp_store_release_host_lock (db);
      return 1;
    }
  /* a backup beside the file at every stage change (docs/audit-chain.md) */
  jp_store_set_auto_backup (store, backups);
  g_signal_connect (store, "backup-failed", G_CALLBACK (on_backup_failed), NULL);

  /* before anything is printed: whoever reads the address may stop us right away */
  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, on_signal, loop);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, loop);

  service = jp_meeting_service_new (store);
  server = jp_meeting_server_new (service);
  if (local ? !jp_meeting_server_listen_local (server, port, error)
            : !jp_meeting_server_listen (server, port, error))
    {
      g_source_remove (sigint);
      g_source_remove (sigterm);
      jp_store_release_host_lock (db);
      return 1;
    }
  bound = jp_meeting_server_get_port (server);
  if (local)
    {
      addresses = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (addresses, g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4));
    }
  else
    addresses = jp_meeting_host_addresses ();

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "port");
      json_builder_add_int_value (b, bound);
      json_builder_set_member_name (b, "addresses");
      json_builder_begin_array (b);
      for (guint i = 0; i < addresses->len; i++)
        {
          g_autofree char *text = g_inet_address_to_string (addresses->pdata[i]);

          json_builder_add_string_value (b, text);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "fingerprint");
      json_builder_add_string_value (b, jp_meeting_server_get_fingerprint (server));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    {
      printf (_("Serving the meeting on port %u. Stations connect to:\n"), bound);
      for (guint i = 0; i < addresses->len; i++)
        {
          g_autofree char *text = g_inet_address_to_string (addresses->pdata[i]);

          printf ("  https://%s:%u\n", text, bound);
        }
      printf (_("Members check this certificate fingerprint before they log in: %s\n"),
              jp_meeting_server_get_fingerprint (server));
      printf (_("Press Ctrl+C to stop.\n"));
    }
  fflush (stdout);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  jp_meeting_service_end_meeting (service);
  jp_meeting_server_disconnect (server);
  jp_store_release_host_lock (db);
  return 0;
}
