/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-main"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "ui/app/jp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("JP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Jiangping"));
  app = jp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
