/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/chair/jp-defence-page-private.h"

/* The chair's acts on the defence page that ask for a written reason (unlock a sheet, ask
 * for a revision, record a member who left), and close and seal; the service and the store
 * decide, the page shows their refusals. */

/* ---- reasons ---- */

typedef struct {
  JpDefencePage *self;
  AskKind        kind;
  char          *member;
  char          *candidate;
  GtkEditable   *entry;
} Ask;

static void
ask_free (gpointer data,
          GClosure *closure)
{
  Ask *ask = data;

  g_free (ask->member);
  g_free (ask->candidate);
  g_free (ask);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *reason != '\0');
}

static void
on_ask_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Ask              *ask)
{
  JpDefencePage *self = ask->self;
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  gint64 round = self->session != NULL ? self->session->round_id : 0;

  if (g_strcmp0 (response, "ok") != 0 || round == 0)
    return;
  switch (ask->kind)
    {
    case ASK_UNLOCK:
      ok = jp_meeting_service_defence_unlock (self->service, round, ask->member, ask->candidate,
                                              reason, &error);
      break;
    case ASK_REVISE:
      ok = jp_meeting_service_defence_request_revision (self->service, round, ask->member,
                                                        ask->candidate, reason, &error);
      break;
    case ASK_ABSENCE:
    default:
      ok = jp_meeting_service_defence_record_absence (self->service, round, ask->member, reason,
                                                      &error);
      break;
    }
  if (!ok)
    jp_defence_page_show_error (self, error);
  else
    jp_defence_page_show_message (self, NULL);
  jp_defence_page_reload (self);
}

static void
ask_reason (JpDefencePage *self,
            AskKind        kind,
            const char    *member,
            const char    *heading,
            const char    *body,
            const char    *ok_label)
{
  Ask *ask = g_new0 (Ask, 1);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (
                                                GTK_WIDGET (self))), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  ask->self = self;
  ask->kind = kind;
  ask->member = g_strdup (member);
  ask->candidate = g_strdup (self->selected);
  ask->entry = GTK_EDITABLE (entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", ok_label, NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_ask_response), ask,
                         ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jp_defence_page_on_unlock_clicked (GtkButton     *button,
                                   JpDefencePage *self)
{
  const char *member = gtk_widget_get_name (GTK_WIDGET (button));
  g_autofree char *heading = g_strdup_printf (_("Unlock the Sheet of %s for %s?"), member,
                                              self->selected);

  ask_reason (self, ASK_UNLOCK, member, heading,
              _("The member can then change the sheet and submit it again. The reason is "
                "kept in the audit log."), _("_Unlock"));
}

void
jp_defence_page_on_revise_clicked (GtkButton     *button,
                                   JpDefencePage *self)
{
  const char *member = gtk_widget_get_name (GTK_WIDGET (button));
  g_autofree char *heading = g_strdup_printf (_("Ask %s to Revise the Sheet for %s?"), member,
                                              self->selected);

  ask_reason (self, ASK_REVISE, member, heading,
              _("A member may revise a sheet once after a deviation alert. The alert, the "
                "request and the revision are kept and shown in the results."),
              _("Ask to _Revise"));
}

void
jp_defence_page_on_absence_clicked (JpDefencePage *self)
{
  const JpDefenceCandidate *c = jp_defence_page_find_candidate (self, self->selected);
  g_autofree char *heading = NULL;

  if (c == NULL || c->pending == NULL || c->pending[0] == NULL)
    {
      jp_defence_page_show_message (self, _("Choose a candidate whose sheets are not all "
                                            "in: the member to record is the first one "
                                            "still missing."));
      return;
    }
  heading = g_strdup_printf (_("Record That %s Has Left?"), c->pending[0]);
  ask_reason (self, ASK_ABSENCE, c->pending[0], heading,
              _("The member's missing sheets are then no longer due; the sheets already "
                "submitted count."), _("_Record"));
}

void
jp_defence_page_on_close_clicked (JpDefencePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!jp_meeting_service_defence_close (self->service, self->session->round_id, &error))
    jp_defence_page_show_error (self, error);
  else
    jp_defence_page_show_message (self, NULL);
  jp_defence_page_reload (self);
}

void
jp_defence_page_on_seal_clicked (JpDefencePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!jp_meeting_service_defence_seal (self->service, self->session->round_id, &error))
    jp_defence_page_show_error (self, error);
  else
    jp_defence_page_show_message (self, NULL);
  jp_defence_page_reload (self);
}
