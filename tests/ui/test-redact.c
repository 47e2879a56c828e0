/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "ui/evidence/jp-evidence-viewer-private.h"
#include "ui/app/jp-operator.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The chair's redaction mode in the dossier's evidence viewer and the preview of the copy,
 * with no meeting running. */

static char    *tmpdir;
static JpStore *store;

static gboolean
viewer_has_document (gpointer data)
{
  JpEvidenceViewer *viewer = jp_dossier_view_get_viewer (data);

  return viewer != NULL && jp_evidence_viewer_get_document (viewer) != NULL;
}

static gboolean
preview_shown (gpointer data)
{
  GtkWindow *window = jp_dossier_view_get_preview_window (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window))
         && jp_evidence_viewer_get_document (
              JP_EVIDENCE_VIEWER (gtk_window_get_child (window))) != NULL;
}

static gboolean
pages_ready (gpointer data)
{
  return jp_evidence_viewer_get_n_pages_ready (data) > 0;
}

static const JpDocumentRef *
first_evidence (JpCandidate *c)
{
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    if (((JpDocumentRef *) c->documents->pdata[i])->kind == JP_DOC_EVIDENCE)
      return c->documents->pdata[i];
  return NULL;
}

/* Selects `c` in the candidate list, as a click on its row does. */
static void
select_in_list (JpWindow    *window,
                JpCandidate *c)
{
  JpCandidateList *list = jp_window_get_candidate_list (window);
  GtkSelectionModel *model = gtk_column_view_get_model (jp_candidate_list_get_column_view (list));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item->id == c->id)
        {
          gtk_selection_model_select_item (model, i, TRUE);
          jp_test_spin ();
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_draw_and_preview (void)
{
  GtkWidget *window = GTK_WIDGET (jp_window_new (NULL));
  JpDossierView *view = jp_window_get_dossier_view (JP_WINDOW (window));
  g_autoptr(GListModel) all = jp_store_list_candidates (store, NULL);
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(GError) error = NULL;
  const JpDocumentRef *evidence = NULL;
  JpEvidenceViewer *viewer, *preview;
  JpRedactionBox *box;
  GtkWindow *preview_window;
  double zoom;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  jp_window_set_store (JP_WINDOW (window), store);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_spin ();

  for (guint i = 0; i < g_list_model_get_n_items (all) && evidence == NULL; i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (all, i);

      g_clear_object (&c);
      c = jp_store_get_candidate (store, item->id, NULL);
      evidence = first_evidence (c);
    }
  g_assert_nonnull (evidence);
  select_in_list (JP_WINDOW (window), c);
  g_assert_cmpint (jp_dossier_view_get_candidate_id (view), ==, c->id);
  g_assert_true (jp_dossier_view_open_document (view, evidence->sha256));
  g_assert_true (jp_test_wait_until (viewer_has_document, view, 5000));
  viewer = jp_dossier_view_get_viewer (view);
  g_assert_true (jp_test_wait_until (pages_ready, viewer, 5000));

  /* the chair's toolbar has the toggle; a drag does nothing until it is on */
  g_assert_true (gtk_widget_get_visible (viewer->redact_toggle));
  g_assert_true (gtk_widget_get_visible (viewer->preview_button));
  g_assert_false (jp_evidence_viewer_drag_box (viewer, 0, 40, 60, 240, 160));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (viewer->redact_toggle), TRUE);
  g_assert_true (jp_evidence_viewer_get_redaction_mode (viewer));

  /* a click is not a box */
  g_assert_false (jp_evidence_viewer_drag_box (viewer, 0, 40, 60, 41, 61));
  zoom = jp_evidence_viewer_get_zoom (viewer);
  /* dragged from bottom-right to top-left: the box is the same */
  g_assert_true (jp_evidence_viewer_drag_box (viewer, 0, 240 * zoom, 160 * zoom,
                                              40 * zoom, 60 * zoom));
  jp_test_spin ();

  boxes = jp_store_list_redaction_boxes (store, evidence->sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (boxes->len, ==, 1);
  box = boxes->pdata[0];
  g_assert_cmpint (box->page, ==, 0);
  g_assert_cmpfloat_with_epsilon (box->x, 40, 0.01);
  g_assert_cmpfloat_with_epsilon (box->y, 60, 0.01);
  g_assert_cmpfloat_with_epsilon (box->width, 200, 0.01);
  g_assert_cmpfloat_with_epsilon (box->height, 100, 0.01);
  g_assert_cmpstr (box->created_by, ==, jp_operator_get_actor ());
  /* and the viewer draws it on that page */
  g_assert_cmpuint (jp_evidence_viewer_get_n_redaction_boxes (viewer), ==, 1);
  g_assert_cmpuint (jp_evidence_page_get_n_redactions (
                      jp_evidence_viewer_page_widget (viewer, 0)), ==, 1);
  g_assert_cmpint (jp_evidence_viewer_get_box_at (viewer, 0, 100 * zoom, 100 * zoom), ==,
                   box->id);
  g_assert_cmpint (jp_evidence_viewer_get_box_at (viewer, 0, 300 * zoom, 300 * zoom), ==, 0);
  g_assert_true (jp_test_wait_until (pages_ready, viewer, 5000));
  jp_test_spin ();
  jp_test_screenshot (window, "redact-viewer-box");

  /* the preview shows the copy the stations get, page for page */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.preview-anonymised",
                                             NULL));
  g_assert_true (jp_test_wait_until (preview_shown, view, 20000));
  preview_window = jp_dossier_view_get_preview_window (view);
  preview = JP_EVIDENCE_VIEWER (gtk_window_get_child (preview_window));
  g_assert_cmpint (jp_evidence_document_get_n_pages (jp_evidence_viewer_get_document (preview)),
                   ==,
                   jp_evidence_document_get_n_pages (jp_evidence_viewer_get_document (viewer)));
  g_assert_false (jp_evidence_document_has_text (jp_evidence_viewer_get_document (preview)));
  /* the preview is not the chair's editing viewer */
  g_assert_false (gtk_widget_get_visible (preview->redact_toggle));
  g_assert_true (jp_test_wait_until (pages_ready, preview, 5000));
  jp_test_spin ();
  /* fitting the width re-renders the page once */
  g_assert_true (jp_test_wait_until (pages_ready, preview, 5000));
  jp_test_screenshot (GTK_WIDGET (preview_window), "redact-preview");

  /* removing the box through the viewer's signal takes it out of the store */
  g_signal_emit_by_name (viewer, "redaction-box-removed", evidence->sha256, box->id);
  jp_test_spin ();
  g_clear_pointer (&boxes, g_ptr_array_unref);
  boxes = jp_store_list_redaction_boxes (store, evidence->sha256, &error);
  g_assert_cmpuint (boxes->len, ==, 0);
  g_assert_cmpuint (jp_evidence_viewer_get_n_redaction_boxes (viewer), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpDemoOptions options = { 6, JP_DEMO_DEFAULT_SEED, 0 };
  int ret;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmpdir = g_dir_make_tmp ("jp-test-redact-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "demo.jiangping", NULL);
  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/redact/draw-and-preview", test_draw_and_preview);
  ret = g_test_run ();

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (tmpdir);
  }
  return ret;
}
