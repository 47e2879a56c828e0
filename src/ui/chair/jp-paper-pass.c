/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-ui-error.h"
#include "ui/widgets/jp-csv-chooser.h"
#include "ui/chair/jp-paper-pass.h"

void
jp_paper_pass_init (JpPaperPass   *pass,
                    GtkWidget     *entry,
                    GtkDropDown   *scrutineer_dropdown,
                    GtkDropDown   *pass_dropdown,
                    GtkLabel      *error_label,
                    JpPaperImport  import)
{
  *pass = (JpPaperPass) { entry, scrutineer_dropdown, pass_dropdown, error_label, import,
                          NULL, FALSE };
}

void
jp_paper_pass_clear (JpPaperPass *pass)
{
  g_clear_pointer (&pass->scrutineers, g_strfreev);
}

int
jp_paper_pass_get_pass (JpPaperPass *pass)
{
  return gtk_drop_down_get_selected (pass->pass_dropdown) == 1 ? 2 : 1;
}

const char *
jp_paper_pass_get_scrutineer (JpPaperPass *pass)
{
  guint i = gtk_drop_down_get_selected (pass->scrutineer_dropdown);

  if (pass->scrutineers == NULL || i == GTK_INVALID_LIST_POSITION
      || i >= g_strv_length (pass->scrutineers))
    return NULL;
  return pass->scrutineers[i];
}

gboolean
jp_paper_pass_select_scrutineer (JpPaperPass *pass,
                                 const char  *member_code)
{
  for (guint i = 0; pass->scrutineers != NULL && pass->scrutineers[i] != NULL; i++)
    if (g_ascii_strcasecmp (pass->scrutineers[i], member_code) == 0)
      {
        gtk_drop_down_set_selected (pass->scrutineer_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
jp_paper_pass_fill_scrutineers (JpPaperPass *pass,
                                JpStore     *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (store != NULL)
    members = jp_store_list_members (store, &error);
  if (members == NULL && error != NULL)
    jp_ui_report_error (pass->entry, NULL, error);
  /* scrutineers first: they are the ones who normally type the passes */
  for (int round = 0; round < 2; round++)
    for (guint i = 0; members != NULL && i < members->len; i++)
      {
        JpMember *m = members->pdata[i];
        gboolean scrutineer = m->role == JP_MEMBER_ROLE_SCRUTINEER;
        g_autofree char *label = NULL;

        if (scrutineer != (round == 0))
          continue;
        label = scrutineer ? g_strdup_printf (_("%s %s (scrutineer)"), m->code, m->name)
                           : g_strdup_printf ("%s %s", m->code, m->name);
        g_strv_builder_add (codes, m->code);
        gtk_string_list_append (names, label);
      }
  g_clear_pointer (&pass->scrutineers, g_strfreev);
  pass->scrutineers = g_strv_builder_end (codes);
  pass->syncing = TRUE;
  gtk_drop_down_set_model (pass->scrutineer_dropdown, G_LIST_MODEL (names));
  pass->syncing = FALSE;
}

void
jp_paper_pass_show_error (JpPaperPass *pass,
                          const char  *message)
{
  gtk_label_set_text (pass->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (pass->error_label), message != NULL);
}

void
jp_paper_pass_scrutineer_changed (JpPaperPass *pass)
{
  if (!pass->syncing)
    jp_paper_pass_show_error (pass, NULL);
}

static void
on_csv_chosen (GtkWidget    *owner,
               gpointer      data,
               const char   *name,
               const char   *contents,
               gsize         length,
               const GError *load_error)
{
  JpPaperPass *pass = data;
  g_autoptr(GError) error = NULL;

  if (load_error != NULL)
    jp_paper_pass_show_error (pass, load_error->message);
  else if (!pass->import (owner, contents, length, name, &error))
    jp_paper_pass_show_error (pass, error->message);
}

void
jp_paper_pass_import_file (JpPaperPass *pass,
                           const char  *title,
                           const char  *filter_name)
{
  jp_csv_chooser_open (pass->entry, title, filter_name, on_csv_chosen, pass);
}
