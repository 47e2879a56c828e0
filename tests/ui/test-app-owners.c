/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include "../meeting/meeting-test-util.h"
#include "meeting/jp-meeting-service.h"
#include "ui/app/jp-application.h"
#include "jp-ui-test-util.h"

/* State the application keeps has a typed owner with an explicit lifetime (issue 13): the
 * meeting server this process hosts belongs to the JpApplication while the meeting runs. */

static void
test_local_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-app-owners-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpMeetingService) service = NULL;
  JpApplication *app = jp_application_new ();
  JpMeetingServer *server;
  JpMeetingServer *watched;

  g_assert_no_error (error);
  path = g_build_filename (dir, "election.jiangping", NULL);
  store = test_meeting_store (path, 0, NULL);
  service = jp_meeting_service_new (store);
  server = jp_meeting_server_new (service);
  watched = server;
  g_object_add_weak_pointer (G_OBJECT (server), (gpointer *) &watched);

  /* none until the console hosts a meeting */
  g_assert_null (jp_application_get_local_server (app));
  jp_application_set_local_server (app, server);
  g_assert_true (jp_application_get_local_server (app) == server);
  /* the application holds the server while the meeting runs */
  g_object_unref (server);
  g_assert_nonnull (watched);
  g_assert_true (jp_application_get_local_server (app) == watched);
  /* the meeting stops: the application lets go of it */
  jp_application_set_local_server (app, NULL);
  g_assert_null (watched);
  g_assert_null (jp_application_get_local_server (app));

  /* an application that goes away lets go of the server it held */
  server = jp_meeting_server_new (service);
  watched = server;
  g_object_add_weak_pointer (G_OBJECT (server), (gpointer *) &watched);
  jp_application_set_local_server (app, server);
  g_object_unref (server);
  g_assert_nonnull (watched);
  g_object_unref (app);
  g_assert_null (watched);

  g_clear_object (&service);
  g_clear_object (&store);
  jp_test_remove_election (dir, path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/ui/app-owners/local-server", test_local_server);
  return g_test_run ();
}
