/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-new-election-dialog.h"

struct _JpNewElectionDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *title_row;
  GtkSpinButton    *year_spin;
  AdwEntryRow      *organiser_row;
};

G_DEFINE_FINAL_TYPE (JpNewElectionDialog, jp_new_election_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
jp_new_election_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_NEW_ELECTION_DIALOG);

  G_OBJECT_CLASS (jp_new_election_dialog_parent_class)->dispose (object);
}

static void
jp_new_election_dialog_class_init (JpNewElectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_new_election_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-new-election-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpNewElectionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpNewElectionDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, JpNewElectionDialog, organiser_row);
}

static void
jp_new_election_dialog_init (JpNewElectionDialog *self)
{
  g_autoptr(JpElection) defaults = jp_election_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* a new election is almost always this year's */
  if (defaults->year <= 0)
    defaults->year = g_date_time_get_year (now);
  /* TRANSLATORS: the default title of a new election, %d is the year */
  title = g_strdup_printf (_("%d Craftsman Selection"), defaults->year);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         defaults->title != NULL ? defaults->title : title);
  gtk_spin_button_set_value (self->year_spin, defaults->year);
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row),
                         defaults->organiser != NULL ? defaults->organiser : "");
}

JpNewElectionDialog *
jp_new_election_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (JP_TYPE_NEW_ELECTION_DIALOG, "transient-for", parent, NULL);
}

JpElection *
jp_new_election_dialog_get_election (JpNewElectionDialog *self)
{
  JpElection *election;

  g_return_val_if_fail (JP_IS_NEW_ELECTION_DIALOG (self), NULL);

  election = jp_election_new ();
  g_free (election->title);
  election->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  election->year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_free (election->organiser);
  election->organiser = g_strstrip (g_strdup (gtk_editable_get_text (
                                      GTK_EDITABLE (self->organiser_row))));
  return election;
}
