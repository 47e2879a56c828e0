/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "store/jp-store.h"
#include "ui/app/jp-window.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "jp-ui-test-util.h"

/* The callbacks of the workers the window starts (photo thumbnails, documents) return
 * cleanly whatever the worker met: a photo that does not decode, a page closed before the
 * worker finished. A critical warning is fatal here (g_test_init), as it is in every UI
 * test: `g_object_unref: assertion 'G_IS_OBJECT (object)' failed` was one. */

typedef struct {
  char    *dir;
  JpStore *store;
  GPtrArray *documents;  /* JpDocumentRef* of the candidate's photos */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jp_document_data_free);
  g_autoptr(JpCandidate) c = jp_candidate_new ();
  const char *contents[] = { "not a photo at all", "neither is this one" };

  f->dir = g_dir_make_tmp ("jp-test-workers-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "a.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);

  c->name = g_strdup ("孟和");
  c->id_number = g_strdup ("11010519491231002X");
  c->unit = g_strdup ("包头钢铁公司");
  c->trade = g_strdup ("稀土");
  c->sex = JP_SEX_MALE;
  c->route = JP_ROUTE_UNIT;
  c->phone = g_strdup ("13800000000");
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      JpDocumentRef *ref = jp_document_ref_new ();
      g_autoptr(GBytes) bytes = g_bytes_new (contents[i], strlen (contents[i]));

      ref->kind = JP_DOC_PHOTO;
      ref->filename = g_strdup_printf ("photos/%u.jpg", i + 1);
      ref->mime = g_strdup ("image/jpeg");
      ref->pages = 1;
      g_ptr_array_add (docs, jp_document_data_new (ref, g_steal_pointer (&bytes)));
    }
  g_assert_true (jp_store_save_candidate (f->store, c, docs, "秘书处", NULL, &error));
  g_assert_no_error (error);
  f->documents = g_ptr_array_ref (c->documents);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_pointer (&f->documents, g_ptr_array_unref);
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static gboolean
thumbnail_explained (gpointer data)
{
  GtkWidget *thumb = jp_photo_gallery_get_thumbnail (data, 1);

  return gtk_widget_get_tooltip_text (thumb) != NULL;
}

/* Photos that do not decode: the gallery says so on each thumbnail, and the worker's
 * result (with its empty places) is freed without a warning. */
static void
test_undecodable_photos (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  JpPhotoGallery *gallery = JP_PHOTO_GALLERY (jp_photo_gallery_new ());

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (gallery));
  gtk_window_present (GTK_WINDOW (window));
  jp_photo_gallery_set_photos (gallery, f->store, f->documents);
  g_assert_cmpuint (jp_photo_gallery_get_n_photos (gallery), ==, 2);
  g_assert_true (jp_test_wait_until (thumbnail_explained, gallery, 20000));
  jp_test_spin ();
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (jp_photo_gallery_get_thumbnail (gallery, i)),
                     ==, _("This photo could not be decoded; replace it in the dossier and "
                           "import it again."));
  g_assert_cmpuint (jp_photo_gallery_get_n_loaded (gallery), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

/* The window closed while the thumbnails are being decoded: the late callback finds a
 * disposed gallery and leaves it alone. */
static void
test_closed_while_decoding (Fixture       *f,
                            gconstpointer  data)
{
  for (int round = 0; round < 20; round++)
    {
      GtkWidget *window = gtk_window_new ();
      JpPhotoGallery *gallery = JP_PHOTO_GALLERY (jp_photo_gallery_new ());

      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (gallery));
      gtk_window_present (GTK_WINDOW (window));
      jp_photo_gallery_set_photos (gallery, f->store, f->documents);
      gtk_window_destroy (GTK_WINDOW (window));
      /* the workers finish and their callbacks run */
      for (int i = 0; i < 20; i++)
        jp_test_spin ();
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  /* the window's class registers the templates' resources */
  g_type_class_unref (g_type_class_ref (JP_TYPE_WINDOW));
  g_test_add ("/ui/workers/undecodable-photos", Fixture, NULL, fixture_set_up,
              test_undecodable_photos, fixture_tear_down);
  g_test_add ("/ui/workers/closed-while-decoding", Fixture, NULL, fixture_set_up,
              test_closed_while_decoding, fixture_tear_down);
  return g_test_run ();
}
