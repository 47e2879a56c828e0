/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-validate.h"
#include "store/jp-store-console.h"
#include "meeting/jp-meeting-service.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "ui/app/jp-ui-error.h"
#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/app/jp-operator.h"

/* The evidence viewer of JpDossierView: opening a document off the main thread, the chair's
 * redaction boxes and the preview of the anonymised copy. */

/* ---- the evidence viewer ---- */

void
jp_dossier_view_clear_viewer (JpDossierView *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->viewer != NULL)
    jp_evidence_viewer_set_document (self->viewer, NULL);
  g_clear_pointer (&self->open_sha256, g_free);
}

/* Leaves the document page for the dossier, where it was, with the focus on the document's
 * Open button. FALSE when no document is shown. */
gboolean
jp_dossier_view_close_document (JpDossierView *self)
{
  GtkWidget *row;

  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), FALSE);

  if (!jp_dossier_view_get_document_open (self))
    return FALSE;
  jp_dossier_view_show_page (self, "dossier");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled),
                            self->dossier_scroll);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), self->open_sha256) == 0)
      {
        gtk_widget_grab_focus (gtk_widget_get_last_child (
                                 gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
        break;
      }
  return TRUE;
}

void
jp_dossier_view_back_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  jp_dossier_view_close_document (JP_DOSSIER_VIEW (widget));
}

/* "Criterion 4 — Inventions…", or what else the document is to the dossier. */
static char *
document_role (const JpDocumentRef *ref)
{
  if (ref->kind == JP_DOC_NO_CRIMINAL_RECORD)
    return g_strdup (_("No-Criminal-Record Certificate"));
  if (ref->kind == JP_DOC_EVIDENCE && ref->criterion >= 1 && ref->criterion <= JP_N_CRITERIA)
    return g_strdup_printf (_("Criterion %d — %s"), ref->criterion,
                            jp_criterion_short_title (ref->criterion));
  return g_strdup (_("Not Tagged with a Criterion"));
}

static void
on_viewer_rotation_changed (JpEvidenceViewer *viewer,
                            const char       *sha256,
                            int               page,
                            int               degrees,
                            JpDossierView    *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL
      && !jp_store_set_page_rotation (self->store, sha256, page, degrees, &error))
    g_warning ("Could not keep the rotation of page %d: %s", page + 1, error->message);
}

/* ---- the chair's redaction boxes and the preview of the copy ---- */

#define PREVIEW_CACHE_BYTES (64 * 1024 * 1024)

static void
reload_boxes (JpDossierView *self)
{
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(GError) error = NULL;
  JpEvidenceDocument *document;

  if (self->viewer == NULL || self->store == NULL
      || (document = jp_evidence_viewer_get_document (self->viewer)) == NULL)
    return;
  boxes = jp_store_list_redaction_boxes (self->store, jp_evidence_document_get_sha256 (document),
                                         &error);
  if (boxes == NULL)
    g_warning ("Could not read the redaction boxes: %s", error->message);
  jp_evidence_viewer_set_redaction_boxes (self->viewer, boxes);
}

static void
show_viewer_error (JpDossierView *self,
                   const GError  *error)
{
  gtk_label_set_text (self->viewer_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->viewer_error), TRUE);
}

static void
on_viewer_box_drawn (JpEvidenceViewer *viewer,
                     const char       *sha256,
                     int               page,
                     double            x,
                     double            y,
                     double            width,
                     double            height,
                     JpDossierView    *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (jp_store_add_redaction_box (self->store, sha256, page, x, y, width, height,
                                  jp_operator_get_actor (),
                                  &error) == 0)
    show_viewer_error (self, error);
  reload_boxes (self);
}

static void
on_viewer_box_removed (JpEvidenceViewer *viewer,
                       const char       *sha256,
                       gint64            id,
                       JpDossierView    *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!jp_store_remove_redaction_box (self->store, id, jp_operator_get_actor (), &error))
    show_viewer_error (self, error);
  reload_boxes (self);
}

static void
on_preview_made (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JpDossierView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = jp_meeting_preview_finish (result, &error);
  g_autoptr(JpEvidenceDocument) document = NULL;
  g_autofree char *title = NULL;
  GtkWidget *viewer;
  int n_pages;

  if (copy != NULL)
    document = jp_evidence_document_new (copy, "application/pdf", NULL,
                                         _("Anonymised copy"), &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->viewer != NULL)
        show_viewer_error (self, error);
      return;
    }
  if (self->preview_window == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      self->preview_window = GTK_WINDOW (gtk_window_new ());
      g_object_add_weak_pointer (G_OBJECT (self->preview_window),
                                 (gpointer *) &self->preview_window);
      gtk_window_set_default_size (self->preview_window, 760, 860);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (self->preview_window, GTK_WINDOW (root));
      gtk_window_set_child (self->preview_window, jp_evidence_viewer_new ());
    }
  n_pages = jp_evidence_document_get_n_pages (document);
  title = g_strdup_printf (ngettext ("Anonymised copy as the member stations receive it "
                                     "(%d page)",
                                     "Anonymised copy as the member stations receive it "
                                     "(%d pages)", n_pages), n_pages);
  gtk_window_set_title (self->preview_window, title);
  viewer = gtk_window_get_child (self->preview_window);
  jp_evidence_viewer_set_document (JP_EVIDENCE_VIEWER (viewer), document);
  gtk_window_present (self->preview_window);
}

static void
on_viewer_preview_requested (JpEvidenceViewer *viewer,
                             const char       *sha256,
                             JpDossierView    *self)
{
  if (self->store == NULL)
    return;
  /* The same terms, stored boxes and anonymiser as the host's GET /evidence, so it works
   * with or without a meeting running. */
  if (self->anon == NULL)
    self->anon = jp_meeting_anon_cache_new (PREVIEW_CACHE_BYTES);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  jp_meeting_preview_async (self->store, self->anon, sha256, self->preview_cancellable,
                            on_preview_made, g_object_ref (self));
}

GtkWindow *
jp_dossier_view_get_preview_window (JpDossierView *self)
{
  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), NULL);
  return self->preview_window;
}

/* What the thread opening a document works on: the document and its bytes. */
typedef struct {
  JpDocumentRef *ref;
  GBytes        *bytes;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  jp_document_ref_free (job->ref);
  g_bytes_unref (job->bytes);
  g_free (job);
}

static void
open_document_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  OpenJob *job = task_data;
  JpDocumentRef *ref = job->ref;
  GBytes *bytes = job->bytes;
  g_autoptr(GError) error = NULL;
  JpEvidenceDocument *document;

  document = jp_evidence_document_new (bytes, ref->mime, ref->sha256, ref->filename, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
on_document_opened (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  JpDossierView *self = JP_DOSSIER_VIEW (source);
  g_autoptr(JpEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rotations = NULL;
  const char *sha256;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  /* cancelled: another document was opened, or the view was disposed (its template
   * children gone) */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL)
    {
      gtk_label_set_text (self->viewer_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->viewer_error), TRUE);
      return;
    }
  sha256 = jp_evidence_document_get_sha256 (document);
  if (self->store != NULL &&
      (rotations = jp_store_get_page_rotations (self->store, sha256, &error)) == NULL)
    {
      /* the document still shows, upright; the person learns why it is not turned */
      gtk_label_set_text (self->viewer_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->viewer_error), TRUE);
      jp_evidence_viewer_set_document (self->viewer, document);
      return;
    }
  if (rotations != NULL && rotations->len > 0)
    jp_evidence_viewer_set_rotations (self->viewer, sha256, (const int *) rotations->data,
                                      rotations->len);
  jp_evidence_viewer_set_document (self->viewer, document);
  /* a document of several pages shows its pages beside it, as a document reader does */
  jp_evidence_viewer_set_thumbnails_visible (self->viewer,
                                             jp_evidence_document_get_n_pages (document) > 1);
  reload_boxes (self);
  gtk_widget_set_visible (GTK_WIDGET (self->viewer_error), FALSE);
}

/* Reads the bytes (a short SQLite lookup) here, and parses the document on a worker. */
gboolean
jp_dossier_view_open_document (JpDossierView *self,
                               const char    *sha256)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  OpenJob *job;
  g_autofree char *role = NULL;
  const JpDocumentRef *ref = NULL;

  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  if (self->store == NULL || self->candidate_id == 0)
    return FALSE;
  c = jp_store_get_candidate (self->store, self->candidate_id, &store_error);
  if (c == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; c != NULL && c->documents != NULL && i < c->documents->len; i++)
    if (g_strcmp0 (((JpDocumentRef *) g_ptr_array_index (c->documents, i))->sha256, sha256) == 0)
      ref = g_ptr_array_index (c->documents, i);
  if (ref == NULL)
    return FALSE;

  if (self->viewer == NULL)
    {
      self->viewer = JP_EVIDENCE_VIEWER (jp_evidence_viewer_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (self->viewer), TRUE);
      g_signal_connect_object (self->viewer, "rotation-changed",
                               G_CALLBACK (on_viewer_rotation_changed), self, 0);
      jp_evidence_viewer_set_redaction_enabled (self->viewer, TRUE);
      g_signal_connect_object (self->viewer, "redaction-box-drawn",
                               G_CALLBACK (on_viewer_box_drawn), self, 0);
      g_signal_connect_object (self->viewer, "redaction-box-removed",
                               G_CALLBACK (on_viewer_box_removed), self, 0);
      g_signal_connect_object (self->viewer, "preview-requested",
                               G_CALLBACK (on_viewer_preview_requested), self, 0);
      gtk_box_append (self->viewer_box, GTK_WIDGET (self->viewer));
    }
  g_free (self->open_sha256);
  self->open_sha256 = g_strdup (sha256);
  /* the document gets the whole pane; the dossier is one Back (Esc, Alt+Left) away */
  gtk_label_set_text (self->document_title, ref->filename != NULL ? ref->filename : ref->sha256);
  role = document_role (ref);
  gtk_label_set_text (self->document_criterion, role);
  jp_evidence_viewer_set_fit_mode (self->viewer, JP_EVIDENCE_FIT_WIDTH);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dossier") == 0)
    self->dossier_scroll = gtk_adjustment_get_value (
                             gtk_scrolled_window_get_vadjustment (self->scrolled));
  jp_dossier_view_show_page (self, "document");
  gtk_widget_grab_focus (self->back_button);

  bytes = jp_store_get_document_data (self->store, sha256, &error);
  if (bytes == NULL)
    {
      gtk_label_set_text (self->viewer_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->viewer_error), TRUE);
      return FALSE;
    }
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->open_cancellable, on_document_opened, NULL);
  job = g_new0 (OpenJob, 1);
  job->ref = jp_document_ref_copy (ref);
  job->bytes = g_steal_pointer (&bytes);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_document_thread);
  return TRUE;
}
