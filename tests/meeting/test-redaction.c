/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include "meeting-test-util.h"

/* The chair's hand-drawn boxes: kept in the election, burnt into the copies the stations
 * get, and part of the copy cache's key. */

/* An empty area of the test PDF (A5, 420 x 595 pt; the text ends near y = 240), where the
 * text layer has nothing to find: like a stamp or a photo on a scan. */
static const JpEvidenceRect blank_area = { 100, 400, 150, 80 };

typedef struct {
  char             *dir;
  char             *path;
  JpStore          *store;
  JpMeetingService *service;
  char             *sha;        /* evidence of 张三丰 */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;

  f->dir = g_dir_make_tmp ("jp-redact-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->store = test_meeting_store (f->path, 0, NULL);
  f->service = jp_meeting_service_new (f->store);
  g_assert_cmpint (jp_meeting_service_open_round (f->service, "XT", 2, 2, -1, &error), >, 0);
  g_assert_no_error (error);
  model = jp_store_list_candidates (f->store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      if (g_str_equal (c->name, "张三丰"))
        {
          g_autoptr(JpCandidate) full = jp_store_get_candidate (f->store, c->id, NULL);

          f->sha = g_strdup (((JpDocumentRef *) full->documents->pdata[0])->sha256);
        }
    }
  g_assert_nonnull (f->sha);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->sha);
}

/* The grey value (0 black .. 255 white) of the copy's page `page` at the centre of `r`. */
static int
grey_at (GBytes               *copy,
         int                   page,
         const JpEvidenceRect *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (copy, "application/pdf",
                                                                 NULL, "copy", &error);
  double scale = 0;
  cairo_surface_t *img;
  guint32 pixel;
  int x, y;

  g_assert_no_error (error);
  g_assert_false (jp_evidence_document_has_text (doc));
  img = jp_evidence_render_page (doc, page, 1.0, 0, &scale, &error);
  g_assert_no_error (error);
  x = (int) ((r->x + r->width / 2) * scale);
  y = (int) ((r->y + r->height / 2) * scale);
  pixel = *(guint32 *) (cairo_image_surface_get_data (img) +
                        y * cairo_image_surface_get_stride (img) + x * 4);
  cairo_surface_destroy (img);
  return (int) (pixel & 0xff);
}

static guint
count_audit (JpStore    *store,
             const char *action)
{
  g_autoptr(GPtrArray) audit = jp_store_list_audit (store, NULL);
  guint n = 0;

  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((JpAuditEntry *) audit->pdata[i])->action, action))
      n++;
  return n;
}

static GBytes *
member_copy (JpMeetingService *service,
             const char       *member,
             const char       *sha)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  GBytes *copy;

  jp_meeting_service_evidence_async (service, member, sha, NULL, test_async_done, &res);
  copy = jp_meeting_service_evidence_finish (service, test_wait (&res), &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static GBytes *
preview_copy (JpStore            *store,
              JpMeetingAnonCache *cache,
              const char         *sha,
              GError            **error)
{
  GAsyncResult *res = NULL;
  GBytes *copy;

  jp_meeting_preview_async (store, cache, sha, NULL, test_async_done, &res);
  copy = jp_meeting_preview_finish (test_wait (&res), error);
  g_clear_object (&res);
  return copy;
}

static void
test_box_blacks_out (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) restarted = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_autoptr(JpMeetingService) second = NULL;
  g_autoptr(JpEvidenceDocument) original = NULL;
  g_autoptr(GBytes) original_data = jp_store_get_document_data (f->store, f->sha, NULL);
  gint64 id;

  /* the area is white in the original and poppler finds nothing there */
  original = jp_evidence_document_new (original_data, "application/pdf", f->sha, "o", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) hits = jp_evidence_page_find_text (original, 1, "张三丰");

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpfloat (g_array_index (hits, JpEvidenceRect, 0).y, <, blank_area.y);
  }
  before = member_copy (f->service, "M01", f->sha);
  g_assert_cmpint (grey_at (before, 1, &blank_area), >, 200);

  id = jp_meeting_service_add_redaction_box (f->service, f->sha, 1, &blank_area, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  boxes = jp_meeting_service_get_redaction_boxes (f->service, f->sha);
  g_assert_cmpuint (boxes->len, ==, 1);
  g_assert_cmpint (g_array_index (boxes, JpEvidenceHit, 0).page, ==, 1);
  g_assert_cmpfloat (g_array_index (boxes, JpEvidenceHit, 0).rect.y, ==, 400);

  /* the next copy is made anew and is black there, on that page only */
  after = member_copy (f->service, "M01", f->sha);
  g_assert_false (g_bytes_equal (before, after));
  g_assert_cmpint (grey_at (after, 1, &blank_area), <, 32);
  g_assert_cmpint (grey_at (after, 0, &blank_area), >, 200);

  /* the box is in the election file: a restarted host burns it in too */
  g_clear_object (&f->service);
  second = jp_meeting_service_new (f->store);
  restarted = member_copy (second, "M02", f->sha);
  g_assert_cmpint (grey_at (restarted, 1, &blank_area), <, 32);
  g_assert_cmpint (count_audit (f->store, "redaction.add"), ==, 1);

  /* clearing them brings back the plain copy */
  g_assert_true (jp_meeting_service_clear_redaction_boxes (second, f->sha, &error));
  g_assert_no_error (error);
  g_clear_pointer (&restarted, g_bytes_unref);
  restarted = member_copy (second, "M02", f->sha);
  g_assert_cmpint (grey_at (restarted, 1, &blank_area), >, 200);
  g_assert_cmpint (count_audit (f->store, "redaction.remove"), ==, 1);
}

static void
test_cache_follows_boxes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMeetingAnonCache) cache = jp_meeting_anon_cache_new (64 * 1024 * 1024);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) boxed = NULL;
  g_autoptr(GBytes) unboxed = NULL;
  g_autoptr(GPtrArray) stored = NULL;

  /* no meeting needed: the store and a cache are enough */
  first = preview_copy (f->store, cache, f->sha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jp_meeting_anon_cache_get_n_items (cache), ==, 1);
  again = preview_copy (f->store, cache, f->sha, &error);
  g_assert_true (g_bytes_equal (first, again));
  g_assert_cmpuint (jp_meeting_anon_cache_get_n_items (cache), ==, 1);

  g_assert_cmpint (jp_store_add_redaction_box (f->store, f->sha, 0, blank_area.x, blank_area.y,
                                               blank_area.width, blank_area.height, "chair",
                                               &error), >, 0);
  boxed = preview_copy (f->store, cache, f->sha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jp_meeting_anon_cache_get_n_items (cache), ==, 2);
  g_assert_false (g_bytes_equal (first, boxed));
  g_assert_cmpint (grey_at (boxed, 0, &blank_area), <, 32);
  g_assert_cmpint (grey_at (first, 0, &blank_area), >, 200);

  /* removing the box goes back to the first copy, from the cache */
  stored = jp_store_list_redaction_boxes (f->store, f->sha, &error);
  g_assert_true (jp_store_remove_redaction_box (f->store,
                                                ((JpRedactionBox *) stored->pdata[0])->id,
                                                "chair", &error));
  unboxed = preview_copy (f->store, cache, f->sha, &error);
  g_assert_true (g_bytes_equal (first, unboxed));
  g_assert_cmpuint (jp_meeting_anon_cache_get_n_items (cache), ==, 2);

  /* a file no candidate has */
  g_assert_null (preview_copy (f->store, cache, "0000", &error));
  g_assert_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "0000"));
}

static void
test_bad_box (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  JpEvidenceRect empty = { 10, 10, 0, 5 };
  g_autoptr(GArray) boxes = NULL;

  /* the test PDF has two pages */
  g_assert_cmpint (jp_meeting_service_add_redaction_box (f->service, f->sha, 2, &blank_area,
                                                         &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Page 3"));
  g_clear_error (&error);
  g_assert_cmpint (jp_meeting_service_add_redaction_box (f->service, f->sha, 0, &empty,
                                                         &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  boxes = jp_meeting_service_get_redaction_boxes (f->service, f->sha);
  g_assert_cmpuint (boxes->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/redaction/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("box-blacks-out", test_box_blacks_out);
  ADD ("cache-follows-boxes", test_cache_follows_boxes);
  ADD ("bad-box", test_bad_box);
#undef ADD
  return g_test_run ();
}
