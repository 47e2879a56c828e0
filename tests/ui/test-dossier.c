/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

#define N_CANDIDATES 20

static char    *tmpdir;
static JpStore *store;

typedef struct {
  JpWindow      *window;
  JpDossierView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  jp_window_set_store (fixture->window, store);
  fixture->view = jp_window_get_dossier_view (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  jp_test_spin ();
}

/* The first stored candidate for which `pred` holds (a new reference with documents). */
static JpCandidate *
find_candidate (gboolean (*pred) (JpCandidate *c))
{
  g_autoptr(GListModel) all = jp_store_list_candidates (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (all, i);
      JpCandidate *c = jp_store_get_candidate (store, item->id, NULL);

      if (c != NULL && pred (c))
        return c;
      g_clear_object (&c);
    }
  return NULL;
}

static gboolean
has_finding (JpCandidate *c,
             const char  *prefix)
{
  for (guint i = 0; c->findings != NULL && i < c->findings->len; i++)
    if (g_str_has_prefix (((JpFinding *) g_ptr_array_index (c->findings, i))->code, prefix))
      return TRUE;
  return FALSE;
}

static gboolean
is_plain (JpCandidate *c)
{
  return c->n_photos == 3 && c->n_evidence >= 2 && c->summary != NULL;
}

static gboolean
has_short_summary (JpCandidate *c)
{
  return has_finding (c, "summary-");
}

static gboolean
has_few_photos (JpCandidate *c)
{
  return has_finding (c, "photos-few");
}

/* Selects `c` in the candidate list, as a click on its row does. */
static void
select_in_list (Fixture     *fixture,
                JpCandidate *c)
{
  JpCandidateList *list = jp_window_get_candidate_list (fixture->window);
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

static gboolean
thumbnails_loaded (gpointer data)
{
  JpPhotoGallery *gallery = data;

  return jp_photo_gallery_get_n_loaded (gallery) == jp_photo_gallery_get_n_photos (gallery);
}

static glong
stripped_length (const char *s)
{
  g_autofree char *copy = g_strstrip (g_strdup (s));

  return g_utf8_strlen (copy, -1);
}

static void
test_shows_candidate (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JpCandidate) c = find_candidate (is_plain);
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JpPhotoGallery *gallery;
  const char *summary_label;

  g_assert_nonnull (c);
  select_in_list (fixture, c);
  g_assert_cmpint (jp_dossier_view_get_candidate_id (fixture->view), ==, c->id);

  /* the form: name, ID number and unit as the dossier has them */
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fixture->view), c->name, TRUE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fixture->view), c->id_number, TRUE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fixture->view), c->unit, TRUE));
  g_assert_nonnull (jp_test_find_label (jp_dossier_view_get_field_row (fixture->view, "id_number"),
                                        c->id_number, FALSE));
  g_assert_nonnull (jp_test_find_label (jp_dossier_view_get_field_row (fixture->view, "employer"),
                                        c->employer, FALSE));

  /* the summary count is the number of characters, blanks around it excluded */
  count = g_strdup_printf (" %ld ", stripped_length (c->summary));
  summary_label = gtk_label_get_text (jp_dossier_view_get_summary_count (fixture->view));
  g_assert_nonnull (strstr (summary_label, count));
  g_assert_nonnull (strstr (summary_label, "200–400"));
  g_assert_false (gtk_widget_has_css_class (
                    GTK_WIDGET (jp_dossier_view_get_summary_count (fixture->view)), "error"));

  /* three photos, decoded off the main thread */
  gallery = jp_dossier_view_get_gallery (fixture->view);
  g_assert_cmpuint (jp_photo_gallery_get_n_photos (gallery), ==, 3);
  g_assert_true (jp_test_wait_until (thumbnails_loaded, gallery, 5000));
  g_assert_nonnull (gtk_picture_get_paintable (
                      GTK_PICTURE (jp_photo_gallery_get_thumbnail (gallery, 0))));

  /* evidence grouped by criterion: each document comes after its group's heading */
  jp_test_collect_labels (GTK_WIDGET (jp_dossier_view_get_evidence_list (fixture->view)), texts);
  for (guint i = 0; i < c->documents->len; i++)
    {
      const JpDocumentRef *ref = g_ptr_array_index (c->documents, i);
      g_autofree char *heading = NULL;
      g_autofree char *pages = g_strdup_printf ("%d page%s", ref->pages,
                                                ref->pages == 1 ? "" : "s");
      guint doc_at = G_MAXUINT, heading_at = G_MAXUINT;

      if (ref->kind == JP_DOC_PHOTO)
        continue;
      if (ref->kind == JP_DOC_NO_CRIMINAL_RECORD)
        heading = g_strdup ("No-Criminal-Record Certificate");
      else if (ref->criterion == 0)
        heading = g_strdup ("Not Tagged with a Criterion");
      else
        heading = g_strdup_printf ("Criterion %d — %s", ref->criterion,
                                   jp_criterion_short_title (ref->criterion));
      for (guint k = 0; k < texts->len; k++)
        {
          if (g_strcmp0 (g_ptr_array_index (texts, k), heading) == 0 && heading_at == G_MAXUINT)
            heading_at = k;
          if (g_strcmp0 (g_ptr_array_index (texts, k), ref->filename) == 0)
            {
              doc_at = k;
              /* the page count follows the name */
              g_assert_cmpstr (g_ptr_array_index (texts, k + 1), ==, pages);
            }
        }
      g_assert_cmpuint (heading_at, <, doc_at);
      g_assert_cmpuint (doc_at, <, texts->len);
    }
  jp_test_screenshot (GTK_WIDGET (fixture->window), "dossier");
}

/* What a mouse click on the button does. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
jump_button_for (JpDossierView *view,
                 const char    *message)
{
  GtkWidget *label = jp_test_find_label (GTK_WIDGET (jp_dossier_view_get_findings_list (view)),
                                         message, FALSE);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = gtk_widget_get_last_child (gtk_widget_get_parent (label));
  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

static const JpFinding *
finding_with_prefix (JpCandidate *c,
                     const char  *prefix)
{
  for (guint i = 0; i < c->findings->len; i++)
    if (g_str_has_prefix (((JpFinding *) g_ptr_array_index (c->findings, i))->code, prefix))
      return g_ptr_array_index (c->findings, i);
  return NULL;
}

static void
assert_in_sight (JpDossierView *view,
                 GtkWidget     *widget)
{
  GtkAdjustment *adj = jp_dossier_view_get_vadjustment (view);
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t p;

  /* the top of the target is inside the scrolled window's visible area */
  g_assert_true (gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &p));
  g_assert_cmpfloat (p.y, >=, -1);
  g_assert_cmpfloat (p.y, <, gtk_adjustment_get_page_size (adj));
}

typedef struct
{
  JpDossierView *view;
  GtkWidget     *widget;
} SightWait;

/* TRUE once the view has scrolled and the top of the widget is inside its visible area;
 * the scroll lands after a layout, which takes a variable number of frames under load. */
static gboolean
scrolled_into_sight (gpointer data)
{
  SightWait *w = data;
  GtkAdjustment *adj = jp_dossier_view_get_vadjustment (w->view);
  GtkWidget *viewport = gtk_widget_get_ancestor (w->widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t p;

  return gtk_adjustment_get_value (adj) > 0
         && gtk_widget_compute_point (w->widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &p)
         && p.y >= -1 && p.y < gtk_adjustment_get_page_size (adj);
}

static void
test_jump_to_summary (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JpCandidate) c = find_candidate (has_short_summary);
  GtkWidget *section;

  g_assert_nonnull (c);
  select_in_list (fixture, c);
  section = jp_dossier_view_get_section (fixture->view, JP_DOSSIER_TARGET_SUMMARY);
  g_assert_cmpint (jp_dossier_view_get_jump_target (fixture->view), ==, JP_DOSSIER_TARGET_NONE);
  g_assert_false (gtk_widget_has_css_class (section, "jp-highlight"));
  /* out of range: the count is red */
  g_assert_true (gtk_widget_has_css_class (
                   GTK_WIDGET (jp_dossier_view_get_summary_count (fixture->view)), "error"));

  click (jump_button_for (fixture->view, finding_with_prefix (c, "summary-")->message));
  jp_test_wait_until (scrolled_into_sight, &(SightWait) { fixture->view, section }, 5000);
  g_assert_cmpint (jp_dossier_view_get_jump_target (fixture->view), ==,
                   JP_DOSSIER_TARGET_SUMMARY);
  g_assert_true (jp_dossier_view_get_jump_widget (fixture->view) == section);
  g_assert_true (gtk_widget_has_css_class (section, "jp-highlight"));
  g_assert_cmpfloat (gtk_adjustment_get_value (jp_dossier_view_get_vadjustment (fixture->view)),
                     >, 0);
  assert_in_sight (fixture->view, section);
  jp_test_screenshot (GTK_WIDGET (fixture->window), "dossier-jump-summary");
}

static void
test_jump_to_photos_and_field (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(JpCandidate) c = find_candidate (has_few_photos);
  GtkWidget *photos;
  const JpFinding *field_finding = NULL;
  const char *field = NULL;

  g_assert_nonnull (c);
  select_in_list (fixture, c);
  photos = jp_dossier_view_get_section (fixture->view, JP_DOSSIER_TARGET_PHOTOS);
  click (jump_button_for (fixture->view, finding_with_prefix (c, "photos-few")->message));
  jp_test_spin ();
  g_assert_cmpint (jp_dossier_view_get_jump_target (fixture->view), ==, JP_DOSSIER_TARGET_PHOTOS);
  g_assert_true (gtk_widget_has_css_class (photos, "jp-highlight"));
  g_assert_cmpuint (jp_photo_gallery_get_n_photos (jp_dossier_view_get_gallery (fixture->view)),
                    ==, c->n_photos);

  /* a field finding of any candidate leads to its form row */
  g_clear_object (&c);
  for (guint round = 0; round < 2 && field_finding == NULL; round++)
    {
      g_autoptr(GListModel) all = jp_store_list_candidates (store, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (all) && field_finding == NULL; i++)
        {
          g_autoptr(JpCandidate) item = g_list_model_get_item (all, i);

          for (guint k = 0; item->findings != NULL && k < item->findings->len; k++)
            {
              const JpFinding *f = g_ptr_array_index (item->findings, k);

              if (jp_dossier_target_for_finding (f, &field) == JP_DOSSIER_TARGET_FIELD
                  && g_strcmp0 (field, "required-missing") != 0)
                {
                  c = jp_store_get_candidate (store, item->id, NULL);
                  field_finding = finding_with_prefix (c, f->code);
                  break;
                }
            }
        }
    }
  g_assert_nonnull (field_finding);
  select_in_list (fixture, c);
  click (jump_button_for (fixture->view, field_finding->message));
  jp_test_spin ();
  g_assert_cmpint (jp_dossier_view_get_jump_target (fixture->view), ==, JP_DOSSIER_TARGET_FIELD);
  g_assert_cmpstr (jp_dossier_view_get_jump_field (fixture->view), ==, field_finding->field);
  g_assert_true (jp_dossier_view_get_jump_widget (fixture->view)
                 == jp_dossier_view_get_field_row (fixture->view, field_finding->field));
  g_assert_true (gtk_widget_has_css_class (jp_dossier_view_get_jump_widget (fixture->view),
                                           "jp-highlight"));
  assert_in_sight (fixture->view, jp_dossier_view_get_jump_widget (fixture->view));
}

static gboolean
viewer_has_document (gpointer data)
{
  JpEvidenceViewer *viewer = jp_dossier_view_get_viewer (data);

  return viewer != NULL && jp_evidence_viewer_get_document (viewer) != NULL;
}

static gboolean
viewer_has_hits (gpointer data)
{
  return jp_evidence_viewer_get_n_hits (JP_EVIDENCE_VIEWER (data)) > 0;
}

static void
test_open_evidence (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JpCandidate) c = find_candidate (is_plain);
  const JpDocumentRef *evidence = NULL;
  JpEvidenceViewer *viewer;
  GtkWidget *row;
  double zoom;

  g_assert_nonnull (c);
  select_in_list (fixture, c);
  /* a multi-page evidence PDF of the demo */
  for (guint i = 0; i < c->documents->len && evidence == NULL; i++)
    {
      const JpDocumentRef *d = g_ptr_array_index (c->documents, i);

      if (d->kind == JP_DOC_EVIDENCE && d->pages >= 2)
        evidence = d;
    }
  g_assert_nonnull (evidence);

  /* the row of the document, by its sha256, and its Open button */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (jp_dossier_view_get_evidence_list (fixture->view)));
       row != NULL && g_strcmp0 (gtk_widget_get_name (row), evidence->sha256) != 0;
       row = gtk_widget_get_next_sibling (row))
    ;
  g_assert_nonnull (row);
  click (gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  g_assert_cmpstr (jp_dossier_view_get_open_document (fixture->view), ==, evidence->sha256);
  g_assert_true (jp_test_wait_until (viewer_has_document, fixture->view, 5000));
  g_assert_cmpstr (jp_evidence_document_get_sha256 (
                     jp_evidence_viewer_get_document (jp_dossier_view_get_viewer (fixture->view))),
                   ==, evidence->sha256);
  g_assert_cmpint (jp_evidence_document_get_n_pages (
                     jp_evidence_viewer_get_document (jp_dossier_view_get_viewer (fixture->view))),
                   ==, evidence->pages);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (fixture->window), "dossier-evidence");

  /* what a committee member does with it: page, zoom, search for the holder's name, which
   * the demo's certificates carry in their text */
  viewer = jp_dossier_view_get_viewer (fixture->view);
  jp_evidence_viewer_go_to_page (viewer, 1);
  jp_test_spin ();
  g_assert_cmpint (jp_evidence_viewer_get_page (viewer), ==, 1);
  zoom = jp_evidence_viewer_get_zoom (viewer);
  jp_evidence_viewer_set_zoom (viewer, zoom * 1.5);
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (viewer), >, zoom);
  jp_evidence_viewer_search (viewer, c->name);
  g_assert_true (jp_test_wait_until (viewer_has_hits, viewer, 5000));
  g_test_message ("“%s” found %u times in %s", c->name, jp_evidence_viewer_get_n_hits (viewer),
                  evidence->filename);
}

static void
test_photo_viewer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JpCandidate) c = find_candidate (is_plain);
  JpPhotoGallery *gallery;
  GtkWindow *viewer;

  select_in_list (fixture, c);
  gallery = jp_dossier_view_get_gallery (fixture->view);
  click (gtk_widget_get_ancestor (jp_photo_gallery_get_thumbnail (gallery, 1),
                                                GTK_TYPE_BUTTON));
  jp_test_spin ();
  viewer = jp_photo_gallery_get_viewer (gallery);
  g_assert_nonnull (viewer);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (viewer)));
  g_assert_cmpuint (jp_photo_gallery_get_viewer_index (gallery), ==, 1);
  jp_test_screenshot (GTK_WIDGET (viewer), "photo-viewer");
  gtk_window_close (viewer);
  jp_test_spin ();
  g_assert_null (jp_photo_gallery_get_viewer (gallery));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpDemoOptions options = { N_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };
  int ret;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmpdir = g_dir_make_tmp ("jp-test-dossier-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "demo.jiangping", NULL);
  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) \
  g_test_add ("/ui/dossier/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shows-candidate", test_shows_candidate);
  ADD ("jump-to-summary", test_jump_to_summary);
  ADD ("jump-to-photos-and-field", test_jump_to_photos_and_field);
  ADD ("open-evidence", test_open_evidence);
  ADD ("photo-viewer", test_photo_viewer);
#undef ADD

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
  g_free (tmpdir);
  return ret;
}
