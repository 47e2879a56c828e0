/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ui/app/jp-window-private.h"
#include "ui/app/jp-operator.h"
#include "store/jp-store-audit.h"

/* Restoring the election from one of the backups kept beside its file (issue 9): the backup
 * is checked (opened, its chain and sealed results verified) before anyone is asked; the
 * current file is backed up first, then replaced, and the election reopens from it. Never
 * while a meeting is hosted or a round is open. */

typedef struct {
  JpWindow *window;   /* weak: the dialog is the window's transient */
  char     *from;
} RestoreRequest;

static void
restore_request_free (gpointer data)
{
  RestoreRequest *r = data;

  g_clear_weak_pointer (&r->window);
  g_free (r->from);
  g_free (r);
}

/* Why a restore cannot run now, or TRUE. */
static gboolean
restore_allowed (JpWindow  *self,
                 GError   **error)
{
  if (self->store == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                           _("No election is open."));
      return FALSE;
    }
  if (jp_window_get_meeting_server (self) != NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                           _("The meeting is being hosted from this election: end the meeting "
                             "before restoring a backup."));
      return FALSE;
    }
  return jp_store_restore_allowed (self->store, error);
}

static char *
format_time (gint64 unix_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

/* Backs the current file up, replaces it by `from` and reopens it. On a failure after the
 * election was closed, the file as it is is opened again. */
static gboolean
restore_now (JpWindow    *self,
             const char  *from,
             char       **kept,
             GError     **error)
{
  g_autofree char *path = g_strdup (jp_store_get_path (self->store));
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) local = NULL;
  gpointer weak = NULL;
  gboolean ok;

  if (!restore_allowed (self, error))
    return FALSE;
  backups = jp_store_list_backups (self->store, error);
  if (backups == NULL)
    return FALSE;
  /* one more than are kept, so the backup being restored is not pruned by this one */
  before = jp_store_backup_stage (self->store, "before-restore", backups->len + 1, error);
  if (before == NULL)
    {
      g_prefix_error (error, _("The current file could not be backed up, so nothing was "
                               "restored: "));
      return FALSE;
    }

  /* the connection must be closed before its file is renamed */
  g_set_weak_pointer (&weak, self->store);
  jp_window_close_election (self);
  if (weak != NULL)
    {
      g_clear_weak_pointer (&weak);
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                           _("The election is still in use (a document is being written?): "
                             "try the restore again when it is done."));
      ok = FALSE;
    }
  else
    ok = jp_store_restore (path, from, kept, error);

  store = jp_store_open (path, &local);
  if (store == NULL)
    {
      if (ok)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_prefix_error (error, "%s ", local->message);
      return FALSE;
    }
  if (ok && !jp_store_audit_restore (store, from, kept != NULL ? *kept : NULL,
                                     jp_operator_get_name (), error))
    ok = FALSE;
  jp_window_finish_open (self, path, store);
  return ok;
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RestoreRequest   *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  JpWindow *self = r->window;

  if (self == NULL || !g_str_equal (response, "restore"))
    return;
  if (!restore_now (self, r->from, &kept, &error))
    {
      jp_window_show_error (self, _("Backup Not Restored"), error->message);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (r->from);
    g_autofree char *text = g_strdup_printf (_("Restored from %s"), name);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  }
  jp_window_show_stage (self, "audit");
}

/* "win.restore-backup" (s: the backup's path) */
void
jp_window_restore_backup (JpWindow   *self,
                          const char *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) backup = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  g_autofree char *name = g_path_get_basename (from);
  g_autofree char *file = NULL;
  g_autofree char *written = NULL;
  g_autofree char *body = NULL;
  GStatBuf st;
  GtkWidget *dialog;
  RestoreRequest *r;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (from != NULL);

  if (!restore_allowed (self, &error))
    {
      jp_window_show_error (self, _("Backup Not Restored"), error->message);
      return;
    }
  /* checked before anyone is asked: a backup that does not open or verify is never offered */
  backup = jp_store_open_read_only (from, &error);
  if (backup != NULL)
    report = jp_store_verify (backup, NULL, &error);
  if (report != NULL && !report->ok)
    {
      JpAuditProblem *p = g_ptr_array_index (report->problems, 0);

      g_set_error (&error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The backup “%s” does not verify: %s"), name, p->message);
    }
  if (error != NULL)
    {
      jp_window_show_error (self, _("Backup Not Restored"), error->message);
      return;
    }

  file = g_path_get_basename (jp_store_get_path (self->store));
  written = format_time (g_stat (from, &st) == 0 ? (gint64) st.st_mtime : 0);
  body = g_strdup_printf (_("The backup “%s” (written %s) opens and verifies: %lld audit "
                            "entries, chain head %.16s….\n\n"
                            "It will replace the election file “%s”: everything recorded "
                            "after the backup was written is taken out of the election. The "
                            "current file is first backed up beside the others (reason "
                            "“before-restore”) and kept as “%s.replaced-…”, so the restore "
                            "can be undone."),
                          name, written, (long long) report->entries, report->head, file, file);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  r = g_new0 (RestoreRequest, 1);
  g_set_weak_pointer (&r->window, self);
  r->from = g_strdup (from);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response), r,
                         (GClosureNotify) (void (*) (void)) restore_request_free, 0);
  g_set_weak_pointer (&self->last_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
