/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "ui/review/jp-review-page-private.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The main pages at the sizes offices have: the commonest laptop and a full-HD monitor. The
 * widgets are measured: names and ID numbers whole, the primary buttons on screen, an opened
 * document with the content area to itself. */

#define N_CANDIDATES 40

static char    *tmpdir;
static JpStore *store;

typedef struct {
  const JpTestSize *size;
  JpWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->size = data;
  if (!jp_test_screen_holds (fixture->size))
    {
      g_test_skip ("the screen is smaller than the window size to measure");
      return;
    }
  fixture->window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), fixture->size->width,
                               fixture->size->height);
  jp_window_set_store (fixture->window, store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (jp_test_wait_until (jp_test_is_allocated,
                                     jp_window_get_candidate_list (fixture->window), 5000));
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  jp_test_spin ();
}

static void
shot (Fixture    *fixture,
      const char *what)
{
  g_autofree char *name = g_strdup_printf ("layout-%s-%s", what, fixture->size->name);

  jp_test_screenshot (GTK_WIDGET (fixture->window), name);
}

static gboolean
label_is_ellipsized (GtkWidget *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

static int
label_lines (GtkWidget *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label)));
}

/* TRUE when `widget` is shown whole inside `container` (both allocated). */
static gboolean
inside (GtkWidget *widget,
        GtkWidget *container)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget)
      || !gtk_widget_compute_bounds (widget, container, &bounds))
    return FALSE;
  return bounds.origin.x >= 0 && bounds.origin.y >= 0
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (container) + 0.5
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (container) + 0.5;
}

/* TRUE when `widget` is shown whole across `container`. */
static gboolean
inside_across (GtkWidget *widget,
               GtkWidget *container)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, container, &bounds))
    return FALSE;
  return bounds.origin.x >= 0
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (container) + 0.5;
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  jp_test_spin ();
}

/* Selects the first row of the candidate list; returns that candidate (full, new ref). */
static JpCandidate *
select_first (Fixture *fixture,
              gboolean (*pred) (JpCandidate *c))
{
  GtkColumnView *view = jp_candidate_list_get_column_view (
                          jp_window_get_candidate_list (fixture->window));
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(JpCandidate) c = jp_store_get_candidate (store, item->id, NULL);

      if (c != NULL && (pred == NULL || pred (c)))
        {
          gtk_selection_model_select_item (model, i, TRUE);
          jp_test_spin ();
          return g_steal_pointer (&c);
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static void
collect_mapped_labels (GtkWidget *widget,
                       GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped_labels (child, labels);
}

/* Names, trades and error badges in the list: not ellipsized, not clipped by their column,
 * and when `in_sight` not by the list's edge either. */
static void
assert_list_whole (Fixture    *fixture,
                   GtkWidget  *view,
                   GtkWidget  *scrolled,
                   GHashTable *names,
                   GPtrArray  *labels,
                   guint      *n_names,
                   guint      *n_badges,
                   gboolean    in_sight)
{
  collect_mapped_labels (view, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *l = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (GTK_LABEL (l));
      gboolean is_name = g_hash_table_contains (names, text);
      gboolean is_badge = gtk_widget_has_css_class (l, "jp-error-badge");
      GtkWidget *cell = gtk_widget_get_parent (is_badge ? gtk_widget_get_parent (l) : l);

      if (!is_name && !is_badge)
        continue;
      if (is_name)
        (*n_names)++;
      else
        (*n_badges)++;
      /* (the last row may be half under the bottom edge: across, it is whole) */
      if (label_is_ellipsized (l) || !inside (l, cell)
          || (in_sight && !inside_across (l, scrolled)))
        g_error ("“%s” is cut at %s", text, fixture->size->name);
    }
}

/* Every name in the list is whole: not ellipsized, not clipped by its column; so are the
 * error badges; the candidate's name and ID number in the dossier are whole and on one line. */
static void
test_candidates (Fixture       *fixture,
                 gconstpointer  data)
{
  JpCandidateList *list = jp_window_get_candidate_list (fixture->window);
  GtkWidget *view = GTK_WIDGET (jp_candidate_list_get_column_view (list));
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  JpDossierView *dossier = jp_window_get_dossier_view (fixture->window);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) all = jp_store_list_candidates (store, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(JpCandidate) c = NULL;
  GtkWidget *label;
  guint n_names = 0, n_badges = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      JpCandidate *item = g_list_model_get_item (all, i);

      g_ptr_array_add (items, item);
      /* names and trades are read whole (units may give way, whole in their tooltip) */
      g_hash_table_add (names, item->name);
      if (item->trade != NULL)
        g_hash_table_add (names, item->trade);
    }
  c = select_first (fixture, NULL);
  shot (fixture, "candidates");

  /* as laid out, then with the dossier pane dragged as wide as it goes */
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          gtk_paned_set_position (GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (list),
                                                                      GTK_TYPE_PANED)), 0);
          jp_test_spin ();
          shot (fixture, "candidates-narrow");
        }
      n_names = n_badges = 0;
      g_ptr_array_set_size (labels, 0);
      /* (narrower than its columns, the list scrolls across: whole, but maybe out of sight) */
      assert_list_whole (fixture, view, scrolled, names, labels, &n_names, &n_badges, pass == 0);
      g_assert_cmpuint (n_names, >, 20);
      g_assert_cmpuint (n_badges, >, 0);
    }

  /* the dossier: name heading and the ID number */
  label = jp_test_find_label (GTK_WIDGET (dossier), c->name, TRUE);
  g_assert_nonnull (label);
  g_assert_false (label_is_ellipsized (label));
  g_assert_nonnull (c->id_number);
  label = jp_test_find_label (GTK_WIDGET (dossier), c->id_number, TRUE);
  g_assert_nonnull (label);
  g_assert_false (label_is_ellipsized (label));
  g_assert_cmpint (label_lines (label), ==, 1);
  g_assert_true (inside (label, GTK_WIDGET (dossier)));
}

static gboolean
has_multipage_evidence (JpCandidate *c)
{
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    {
      const JpDocumentRef *d = g_ptr_array_index (c->documents, i);

      if (d->kind == JP_DOC_EVIDENCE && d->criterion >= 1 && d->pages >= 2)
        return TRUE;
    }
  return FALSE;
}

static gboolean
viewer_ready (gpointer data)
{
  JpEvidenceViewer *viewer = jp_dossier_view_get_viewer (data);

  return viewer != NULL && jp_evidence_viewer_get_document (viewer) != NULL
         && jp_evidence_viewer_get_n_pages_ready (viewer) > 0;
}

static GtkWidget *
open_button_of (JpDossierView       *view,
                const JpDocumentRef *ref)
{
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (jp_dossier_view_get_evidence_list (view)));
       row != NULL && g_strcmp0 (gtk_widget_get_name (row), ref->sha256) != 0;
       row = gtk_widget_get_next_sibling (row))
    ;
  g_assert_nonnull (row);
  return gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

/* "Open" gives the document the content area: Back on screen, the name whole, the criterion
 * in view, the thumbnails beside it, fit to the width; Esc and Alt+Left return. */
static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  JpDossierView *view = jp_window_get_dossier_view (fixture->window);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(JpCandidate) c = select_first (fixture, has_multipage_evidence);
  g_autofree char *criterion = NULL;
  const JpDocumentRef *ref = NULL;
  JpEvidenceViewer *viewer;
  GtkWidget *open, *title;
  GtkWidget *list = GTK_WIDGET (jp_window_get_candidate_list (fixture->window));
  int list_width;

  for (guint i = 0; i < c->documents->len && ref == NULL; i++)
    {
      const JpDocumentRef *d = g_ptr_array_index (c->documents, i);

      if (d->kind == JP_DOC_EVIDENCE && d->criterion >= 1 && d->pages >= 2)
        ref = d;
    }
  open = open_button_of (view, ref);
  list_width = gtk_widget_get_width (list);
  click (open);
  g_assert_true (jp_test_wait_until (viewer_ready, view, 5000));
  jp_test_spin ();
  shot (fixture, "evidence");

  g_assert_true (jp_dossier_view_get_document_open (view));
  viewer = jp_dossier_view_get_viewer (view);
  /* most of the window: the candidate list gives way, only the stage sidebar stays */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (viewer)), >=,
                   fixture->size->width * 3 / 4);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (viewer)), >=,
                   fixture->size->height * 3 / 4);
  g_assert_true (inside (GTK_WIDGET (viewer), window));
  g_assert_true (inside (jp_dossier_view_get_back_button (view), window));
  title = GTK_WIDGET (jp_dossier_view_get_document_title (view));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, ref->filename);
  g_assert_false (label_is_ellipsized (title));
  g_assert_true (inside (title, window));
  criterion = g_strdup_printf (_("Criterion %d — %s"), ref->criterion,
                               jp_criterion_short_title (ref->criterion));
  g_assert_cmpstr (gtk_label_get_text (jp_dossier_view_get_document_criterion (view)), ==,
                   criterion);
  g_assert_true (inside (GTK_WIDGET (jp_dossier_view_get_document_criterion (view)), window));
  g_assert_true (jp_evidence_viewer_get_thumbnails_visible (viewer));
  g_assert_cmpint (jp_evidence_viewer_get_fit_mode (viewer), ==, JP_EVIDENCE_FIT_WIDTH);

  /* Esc: back to the dossier and the list, the focus on the document's Open button */
  g_assert_true (jp_test_press_key (GTK_WIDGET (view), GDK_KEY_Escape, 0));
  g_assert_false (jp_dossier_view_get_document_open (view));
  g_assert_true (gtk_widget_get_mapped (
                   GTK_WIDGET (jp_window_get_candidate_list (fixture->window))));
  g_assert_true (gtk_widget_has_focus (open));
  /* the split is where it was (the document page's wide toolbar does not push the list) */
  g_assert_true (jp_test_wait_until (jp_test_is_allocated, list, 5000));
  g_assert_cmpint (ABS (gtk_widget_get_width (list) - list_width), <=, 2);
  /* Esc on the dossier itself does nothing of the kind (and lets the key go on) */
  g_assert_false (jp_test_press_key (GTK_WIDGET (view), GDK_KEY_Escape, 0));

  /* Alt+Left and the Back button do the same */
  click (open);
  g_assert_true (jp_dossier_view_get_document_open (view));
  g_assert_true (jp_test_press_key (GTK_WIDGET (view), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_false (jp_dossier_view_get_document_open (view));
  click (open);
  click (jp_dossier_view_get_back_button (view));
  g_assert_false (jp_dossier_view_get_document_open (view));
  shot (fixture, "evidence-back");
}

/* The review walk: the decision and the save button are on screen without scrolling. */
static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  JpReviewPage *page = jp_window_get_review_page (fixture->window);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GListModel) all = jp_store_list_candidates (store, NULL);
  g_autoptr(JpCandidate) first = g_list_model_get_item (all, 0);

  jp_window_show_stage (fixture->window, "qualification");
  jp_test_spin ();
  g_assert_true (jp_review_page_show_candidate (page, first->id));
  g_assert_true (jp_test_wait_until (jp_test_is_allocated, jp_review_page_get_save_button (page),
                                     5000));
  jp_test_spin ();
  shot (fixture, "review");

  g_assert_true (inside (jp_review_page_get_save_button (page), window));
  g_assert_true (inside (GTK_WIDGET (jp_review_page_get_qualified_check (page)), window));
  g_assert_true (inside (GTK_WIDGET (jp_review_page_get_returned_check (page)), window));
  g_assert_true (inside (GTK_WIDGET (jp_review_page_get_reason_entry (page)), window));
}

/* A viewer that has the whole window, as on a member station: an A4 page opens at fit
 * width, but not wider than 150 %, so more than the title is in sight. */
static void
test_wide_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JpCandidate) c = select_first (fixture, has_multipage_evidence);
  g_autoptr(JpEvidenceDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const JpDocumentRef *ref = NULL;
  GtkWidget *window = gtk_window_new ();
  JpEvidenceViewer *viewer = JP_EVIDENCE_VIEWER (jp_evidence_viewer_new ());
  double w = 0, h = 0;

  for (guint i = 0; i < c->documents->len && ref == NULL; i++)
    {
      const JpDocumentRef *d = g_ptr_array_index (c->documents, i);

      if (d->kind == JP_DOC_EVIDENCE && d->criterion >= 1 && d->pages >= 2)
        ref = d;
    }
  bytes = jp_store_get_document_data (store, ref->sha256, &error);
  g_assert_no_error (error);
  document = jp_evidence_document_new (bytes, ref->mime, ref->sha256, ref->filename, &error);
  g_assert_no_error (error);
  jp_evidence_document_get_page_size (document, 0, &w, &h);

  gtk_window_set_default_size (GTK_WINDOW (window), fixture->size->width, fixture->size->height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (viewer));
  jp_evidence_viewer_set_document (viewer, document);
  jp_evidence_viewer_set_fit_mode (viewer, JP_EVIDENCE_FIT_WIDTH);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_spin ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (viewer)), >=, fixture->size->width - 20);
  g_test_message ("A4 page of %.0f pt opens at %.0f %% in %d px", w,
                  jp_evidence_viewer_get_zoom (viewer) * 100,
                  gtk_widget_get_width (GTK_WIDGET (viewer)));
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (viewer), <=, 1.5 + 1e-9);
  g_assert_cmpfloat (jp_evidence_viewer_get_zoom (viewer), >=, 1.0);
  /* so a good part of the page is in sight, not only its title */
  g_assert_cmpfloat (h * jp_evidence_viewer_get_zoom (viewer), <,
                     2 * gtk_widget_get_height (GTK_WIDGET (viewer)));
  g_assert_cmpint (jp_evidence_viewer_get_fit_mode (viewer), ==, JP_EVIDENCE_FIT_WIDTH);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

/* a size the screen cannot hold is skipped (set-up made no window) */
#define GUARDED(func) \
  static void \
  func##_guarded (Fixture       *fixture, \
                  gconstpointer  data) \
  { \
    if (fixture->window != NULL) \
      func (fixture, data); \
  }
GUARDED (test_candidates)
GUARDED (test_evidence)
GUARDED (test_review)
GUARDED (test_wide_document)
#undef GUARDED

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpDemoOptions options = { N_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  /* measured in the language the offices read */
  jp_test_use_chinese ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("jp-test-layout-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "demo.jiangping", NULL);
  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (jp_test_sizes); i++)
    {
      g_autofree char *p1 = g_strdup_printf ("/ui/layout/%s/candidates", jp_test_sizes[i].name);
      g_autofree char *p2 = g_strdup_printf ("/ui/layout/%s/evidence", jp_test_sizes[i].name);
      g_autofree char *p3 = g_strdup_printf ("/ui/layout/%s/review", jp_test_sizes[i].name);
      g_autofree char *p4 = g_strdup_printf ("/ui/layout/%s/wide-document", jp_test_sizes[i].name);

      g_test_add (p1, Fixture, &jp_test_sizes[i], fixture_set_up, test_candidates_guarded,
                  fixture_tear_down);
      g_test_add (p2, Fixture, &jp_test_sizes[i], fixture_set_up, test_evidence_guarded,
                  fixture_tear_down);
      g_test_add (p3, Fixture, &jp_test_sizes[i], fixture_set_up, test_review_guarded,
                  fixture_tear_down);
      g_test_add (p4, Fixture, &jp_test_sizes[i], fixture_set_up, test_wide_document_guarded,
                  fixture_tear_down);
    }

  ret = g_test_run ();

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (tmpdir);
  return ret;
}
