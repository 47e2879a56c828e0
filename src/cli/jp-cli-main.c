/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "jp-cli.h"

static void
print_usage (FILE *out)
{
  const JpCliCommand *cmd;

  fprintf (out, "%s\n\n", _("Usage: jiangping-cli COMMAND --db FILE [OPTIONS]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (cmd = jp_cli_commands (); cmd->name != NULL; cmd++)
    fprintf (out, "  %-14s %s\n", cmd->name, _(cmd->summary));
  fprintf (out, "\n%s\n", _("Run “jiangping-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const JpCliCommand *cmd;
  const char *localedir = g_getenv ("JP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("jiangping-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (cmd = jp_cli_commands (); cmd->name != NULL; cmd++)
    {
      if (g_str_equal (cmd->name, argv[1]))
        {
          g_autoptr(GError) error = NULL;
          int status = cmd->func (argc - 1, argv + 1, &error);

          if (status != 0 && error != NULL)
            fprintf (stderr, "jiangping-cli %s: %s\n", cmd->name, error->message);
          return status;
        }
    }

  fprintf (stderr, _("jiangping-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
