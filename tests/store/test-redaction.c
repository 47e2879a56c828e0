/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-store"

#include "config.h"

#include <math.h>

#include "store-test-util.h"
#include "jp-store-console.h"

/* The chair's redaction boxes: kept in the election, audited, checked. */

typedef struct {
  char    *dir;
  char    *path;
  JpStore *store;
  char    *sha;      /* a three-page evidence PDF of the candidate */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCandidate) c = test_candidate ("王建国", NULL, "包钢集团", "稀土");
  g_autoptr(GPtrArray) docs = test_documents_new ();

  f->dir = test_tmp_dir ();
  f->path = g_build_filename (f->dir, "boxes.jiangping", NULL);
  f->store = jp_store_create (f->path, NULL, &error);
  g_assert_no_error (error);
  jp_store_set_fixed_time (f->store, 1767225600);
  g_ptr_array_add (docs, test_document (JP_DOC_EVIDENCE, 2, "扫描件.pdf", "%PDF-scan"));
  g_assert_true (jp_store_save_candidate (f->store, c, docs, "tester", NULL, &error));
  g_assert_no_error (error);
  f->sha = g_strdup (((JpDocumentRef *) c->documents->pdata[0])->sha256);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->sha);
}

static JsonObject *
last_audit (JpStore     *store,
            const char **action,
            const char **actor)
{
  g_autoptr(GPtrArray) audit = jp_store_list_audit (store, NULL);
  JpAuditEntry *last = audit->pdata[audit->len - 1];
  static char *kept_action, *kept_actor;

  g_free (kept_action);
  g_free (kept_actor);
  kept_action = g_strdup (last->action);
  kept_actor = g_strdup (last->actor);
  *action = kept_action;
  *actor = kept_actor;
  return test_parse_object (last->payload);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(JsonObject) payload = NULL;
  g_autofree char *upper = g_ascii_strup (f->sha, -1);
  JpRedactionBox *b;
  const char *action, *actor;
  gint64 first, second;

  boxes = jp_store_list_redaction_boxes (f->store, f->sha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (boxes->len, ==, 0);
  g_clear_pointer (&boxes, g_ptr_array_unref);

  second = jp_store_add_redaction_box (f->store, f->sha, 2, 10.5, 20, 100, 30.25, "chair",
                                       &error);
  g_assert_no_error (error);
  first = jp_store_add_redaction_box (f->store, upper, 0, 40, 60, 200, 18, "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, 0);
  g_assert_cmpint (first, !=, second);

  payload = last_audit (f->store, &action, &actor);
  g_assert_cmpstr (action, ==, "redaction.add");
  g_assert_cmpstr (actor, ==, "chair");
  g_assert_cmpstr (json_object_get_string_member (payload, "sha256"), ==, f->sha);
  g_assert_cmpint (json_object_get_int_member (payload, "page"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (payload, "id"), ==, first);
  g_assert_cmpfloat (json_object_get_double_member (payload, "width"), ==, 200);
  g_clear_pointer (&payload, json_object_unref);

  /* survives closing the file; listed by page */
  g_clear_object (&f->store);
  f->store = jp_store_open (f->path, &error);
  g_assert_no_error (error);
  boxes = jp_store_list_redaction_boxes (f->store, upper, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (boxes->len, ==, 2);
  b = boxes->pdata[0];
  g_assert_cmpint (b->id, ==, first);
  g_assert_cmpint (b->page, ==, 0);
  g_assert_cmpfloat (b->x, ==, 40);
  g_assert_cmpfloat (b->y, ==, 60);
  g_assert_cmpfloat (b->width, ==, 200);
  g_assert_cmpfloat (b->height, ==, 18);
  g_assert_cmpstr (b->created_by, ==, "chair");
  g_assert_cmpint (b->created_at, ==, 1767225600);
  g_assert_cmpstr (b->sha256, ==, f->sha);
  b = boxes->pdata[1];
  g_assert_cmpint (b->page, ==, 2);
  g_assert_cmpfloat (b->x, ==, 10.5);
  g_assert_cmpfloat (b->height, ==, 30.25);
  g_clear_pointer (&boxes, g_ptr_array_unref);

  /* removing one leaves the other, with an audit row naming the box */
  g_assert_true (jp_store_remove_redaction_box (f->store, first, "chair", &error));
  g_assert_no_error (error);
  payload = last_audit (f->store, &action, &actor);
  g_assert_cmpstr (action, ==, "redaction.remove");
  g_assert_cmpint (json_object_get_int_member (payload, "id"), ==, first);
  g_assert_cmpint (json_object_get_int_member (payload, "page"), ==, 0);
  boxes = jp_store_list_redaction_boxes (f->store, f->sha, &error);
  g_assert_cmpuint (boxes->len, ==, 1);
  g_assert_cmpint (((JpRedactionBox *) boxes->pdata[0])->id, ==, second);

  /* removing it again says it is gone, and writes no audit row */
  g_assert_false (jp_store_remove_redaction_box (f->store, first, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "removed already"));
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit WHERE action LIKE "
                                             "'redaction.%'"), ==, 3);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* test documents have three pages */
  g_assert_cmpint (jp_store_add_redaction_box (f->store, f->sha, 3, 0, 0, 10, 10, "chair",
                                               &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Page 4 does not exist"));
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_redaction_box (f->store, f->sha, -1, 0, 0, 10, 10, "chair",
                                               &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_redaction_box (f->store, f->sha, 1, 5, 5, 0, 10, "chair",
                                               &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "page 2"));
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_redaction_box (f->store, f->sha, 1, -5, 5, 10, 10, "chair",
                                               &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_redaction_box (f->store, f->sha, 1, 5, 5, NAN, 10, "chair",
                                               &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_redaction_box (f->store, "0123abcd", 0, 5, 5, 10, 10, "chair",
                                               &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "0123abcd"));

  /* nothing was stored, nothing audited */
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM redaction_box"), ==, 0);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit WHERE action LIKE "
                                             "'redaction.%'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/store/redaction/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
