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

/* The file operations run on a worker behind the window's loading page, as opening a file
 * does (jp_window_load_file): the check of the backup (open read-only, verify the chain and
 * the sealed results), then the copy over the election file and its reopening. The window's
 * `loading` cancellable is the task's: closing the window or opening another file drops the
 * result. A JpStore made on the worker is used only from the main thread afterwards. */

static void
show_loading (JpWindow   *self,
              const char *title,
              const char *file)
{
  g_autofree char *name = g_path_get_basename (file);

  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  adw_status_page_set_title (self->loading_page, title);
  adw_status_page_set_description (self->loading_page, name);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  self->loading = g_cancellable_new ();
}

/* Back from the loading page to what the window holds. */
static void
hide_loading (JpWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, self->store != NULL ? "election" : "start");
}

/* ---- checking the backup, before anyone is asked ---- */

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *from = task_data;
  g_autofree char *name = g_path_get_basename (from);
  g_autoptr(JpStore) backup = NULL;
  g_autoptr(JpAuditReport) report = NULL;
  GError *error = NULL;

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
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&report),
                           (GDestroyNotify) jp_audit_report_free);
}

static void on_confirm_response (AdwMessageDialog *dialog,
                                 const char       *response,
                                 RestoreRequest   *r);

static void
ask_to_confirm (JpWindow      *self,
                const char    *from,
                JpAuditReport *report)
{
  g_autofree char *name = g_path_get_basename (from);
  g_autofree char *file = g_path_get_basename (jp_store_get_path (self->store));
  g_autofree char *written = NULL;
  g_autofree char *body = NULL;
  GStatBuf st;
  GtkWidget *dialog;
  RestoreRequest *r;

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

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  JpWindow *self = JP_WINDOW (source);
  GTask *task = G_TASK (result);
  const char *from = g_task_get_task_data (task);
  g_autoptr(JpAuditReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (task, &error);
  /* the window closed, or another file was opened meanwhile */
  if (g_task_get_cancellable (task) != self->loading
      || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  g_clear_object (&self->loading);
  hide_loading (self);
  if (report == NULL)
    {
      jp_window_show_error (self, _("Backup Not Restored"), error->message);
      return;
    }
  /* a meeting may have been started, or the election closed, while the backup was read */
  if (!restore_allowed (self, &error))
    {
      jp_window_show_error (self, _("Backup Not Restored"), error->message);
      return;
    }
  ask_to_confirm (self, from, report);
}

/* ---- the restore itself ---- */

typedef struct {
  char    *path;      /* the election file */
  char    *from;      /* the backup */
  char    *operator;  /* who restores, for the audit entry */
} RestoreJob;

typedef struct {
  JpStore *store;     /* the election reopened, or NULL */
  char    *kept;      /* where the replaced file was kept */
  GError  *error;     /* why the restore failed (the store may still be there) */
} RestoreOutcome;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->path);
  g_free (job->from);
  g_free (job->operator);
  g_free (job);
}

static void
restore_outcome_free (RestoreOutcome *o)
{
  g_clear_object (&o->store);
  g_free (o->kept);
  g_clear_error (&o->error);
  g_free (o);
}

/* Replaces the file by the backup and reopens it; on a failure of the copy, the file as it
 * is is opened again. */
static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  RestoreOutcome *o = g_new0 (RestoreOutcome, 1);
  g_autoptr(GError) local = NULL;
  gboolean ok;

  ok = jp_store_restore (job->path, job->from, &o->kept, &o->error);
  o->store = jp_store_open (job->path, &local);
  if (o->store == NULL)
    {
      if (ok)
        o->error = g_steal_pointer (&local);
      else
        g_prefix_error (&o->error, "%s ", local->message);
    }
  else if (ok && !jp_store_audit_restore (o->store, job->from, o->kept, job->operator,
                                          &o->error))
    ok = FALSE;
  g_task_return_pointer (task, o, (GDestroyNotify) restore_outcome_free);
}

static void
restore_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JpWindow *self = JP_WINDOW (source);
  GTask *task = G_TASK (result);
  RestoreJob *job = g_task_get_task_data (task);
  RestoreOutcome *o;
  gboolean current = g_task_get_cancellable (task) == self->loading
                     && !g_cancellable_is_cancelled (g_task_get_cancellable (task));

  /* never cancelled on the worker: the copy, once started, ends */
  g_task_set_check_cancellable (task, FALSE);
  o = g_task_propagate_pointer (task, NULL);
  if (!current)
    {
      /* the window closed meanwhile: the file is let go, restored or not */
      jp_window_release_file_lock (self, job->path);
      restore_outcome_free (o);
      return;
    }
  g_clear_object (&self->loading);
  if (o->store != NULL)
    jp_window_finish_open (self, job->path, o->store);
  else
    {
      jp_window_release_file_lock (self, job->path);
      hide_loading (self);
    }
  if (o->error != NULL)
    jp_window_show_error (self, _("Backup Not Restored"), o->error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (job->from);
      g_autofree char *text = g_strdup_printf (_("Restored from %s"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      jp_window_show_stage (self, "audit");
    }
  restore_outcome_free (o);
}

/* Backs the current file up (on its connection, here), lets the election go and starts the
 * copy on a worker. FALSE with `error` when nothing was started. */
static gboolean
restore_start (JpWindow    *self,
               const char  *from,
               GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GTask) task = NULL;
  gpointer weak = NULL;
  RestoreJob *job;

  if (!restore_allowed (self, error))
    return FALSE;
  path = g_strdup (jp_store_get_path (self->store));
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

  /* the connection must be closed before its file is renamed; the window keeps the file's
   * host lock so that nobody takes it in between */
  g_set_weak_pointer (&weak, self->store);
  jp_window_unload_election (self, TRUE);
  if (weak != NULL)
    {
      g_autoptr(JpStore) again = NULL;
      g_autoptr(GError) local = NULL;

      g_clear_weak_pointer (&weak);
      again = jp_store_open (path, &local);
      if (again != NULL)
        jp_window_finish_open (self, path, again);
      else
        jp_window_release_file_lock (self, path);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED, "%s%s%s",
                   _("The election is still in use (a document is being written?): "
                     "try the restore again when it is done."),
                   local != NULL ? " " : "", local != NULL ? local->message : "");
      return FALSE;
    }

  show_loading (self, _("Restoring the Backup…"), from);
  job = g_new0 (RestoreJob, 1);
  job->path = g_strdup (path);
  job->from = g_strdup (from);
  job->operator = g_strdup (jp_operator_get_name ());
  task = g_task_new (self, self->loading, restore_done, NULL);
  g_task_set_source_tag (task, restore_start);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, restore_thread);
  return TRUE;
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RestoreRequest   *r)
{
  g_autoptr(GError) error = NULL;
  JpWindow *self = r->window;

  if (self == NULL || !g_str_equal (response, "restore"))
    return;
  if (!restore_start (self, r->from, &error))
    jp_window_show_error (self, _("Backup Not Restored"), error->message);
}

/* "win.restore-backup" (s: the backup's path) */
void
jp_window_restore_backup (JpWindow   *self,
                          const char *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (from != NULL);

  if (!restore_allowed (self, &error))
    {
      jp_window_show_error (self, _("Backup Not Restored"), error->message);
      return;
    }
  /* checked before anyone is asked: a backup that does not open or verify is never offered */
  show_loading (self, _("Checking the Backup…"), from);
  task = g_task_new (self, self->loading, check_done, NULL);
  g_task_set_source_tag (task, jp_window_restore_backup);
  g_task_set_task_data (task, g_strdup (from), g_free);
  g_task_run_in_thread (task, check_thread);
}
