/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-likes"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-likes.h"

/* A frozen election, trade XT with 4 candidates, members M01..M04 on the panel; with
 * `data` non-zero, a closed ballot round in which candidates 0, 1, 2 advanced and 3 did
 * not. */
typedef TestXt Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *three = NULL;
  gint64 round;

  f->store = test_store_new (&f->dir, "likes.jiangping");
  test_add_xt_candidates (f->store, f->cand);
  for (int m = 1; m <= 4; m++)
    {
      g_autofree char *code = g_strdup_printf ("M%02d", m);
      g_autofree char *unit = g_strdup_printf ("别处%s", code);

      test_add_xt_member (f->store, code, unit, TRUE);
    }
  test_qualify_and_freeze (f->store, f->cand, f->code);
  if (GPOINTER_TO_INT (data) == 0)
    return;

  round = jp_store_open_ballot_round (f->store, "XT", 3, 3, -1, "chair", &error);
  g_assert_no_error (error);
  three = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[2]);
  for (int m = 1; m <= 4; m++)
    {
      g_autofree char *member = g_strdup_printf ("M%02d", m);

      test_vote (f->store, round, member, three);
    }
  g_assert_true (jp_store_close_round (f->store, round, "chair", &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  test_xt_clear (f);
}

static JpLikesRow *
row_of (GPtrArray  *rows,
        const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((JpLikesRow *) rows->pdata[i])->code, code))
      return rows->pdata[i];
  return NULL;
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

static void
test_import_replace_zero (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_strdup_printf ("code,likes\n%s,1520\n%s,760\n", f->code[0],
                                            f->code[1]);
  g_autofree char *second = g_strdup_printf ("code,likes\n%s,100\n%s,3000\n%s,50\n", f->code[0],
                                             f->code[1], f->code[2]);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, second, -1);
  g_autoptr(JpLikesFile) file = NULL;
  g_autoptr(JpLikesFile) file2 = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonObject) payload = NULL;

  file = jp_store_import_likes (f->store, first, strlen (first), "likes-1.csv", "secretary",
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->entries->len, ==, 2);
  g_assert_cmpuint (g_strv_length (file->missing), ==, 1);
  g_assert_cmpstr (file->missing[0], ==, f->code[2]);

  rows = jp_store_list_likes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);   /* the finalists only */
  g_assert_null (row_of (rows, f->code[3]));
  g_assert_cmpint (row_of (rows, f->code[0])->o, ==, 10000);
  g_assert_cmpint (row_of (rows, f->code[1])->o, ==, 5000);
  g_assert_false (row_of (rows, f->code[2])->imported);
  g_assert_cmpint (row_of (rows, f->code[2])->o, ==, 0);
  g_assert_cmpstr (row_of (rows, f->code[0])->trade_code, ==, "XT");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a later import replaces the earlier one; both are in the audit */
  file2 = jp_store_import_likes (f->store, second, strlen (second), "likes-2.csv", "secretary",
                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM online_likes"), ==, 3);
  g_assert_cmpuint (count_audit (f->store, "likes.import"), ==, 2);
  payload = test_last_audit (f->store, "likes.import");
  g_assert_cmpstr (json_object_get_string_member (payload, "sha256"), ==, sha);
  g_assert_cmpstr (json_object_get_string_member (payload, "file"), ==, "likes-2.csv");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (payload, "likes"),
                                               f->code[1]), ==, 3000);
  g_clear_pointer (&payload, json_object_unref);

  /* zero the 3000 for ballot stuffing: the maximum becomes 100 */
  g_assert_true (jp_store_zero_likes (f->store, f->code[1], " 同一IP大量点赞 ", "chair", &error));
  g_assert_no_error (error);
  rows = jp_store_list_likes (f->store, &error);
  g_assert_true (row_of (rows, f->code[1])->zeroed);
  g_assert_cmpstr (row_of (rows, f->code[1])->zero_reason, ==, "同一IP大量点赞");
  g_assert_cmpint (row_of (rows, f->code[1])->likes, ==, 3000);
  g_assert_cmpint (row_of (rows, f->code[1])->o, ==, 0);
  g_assert_cmpint (row_of (rows, f->code[0])->o, ==, 10000);
  g_assert_cmpint (row_of (rows, f->code[2])->o, ==, 5000);
  payload = test_last_audit (f->store, "likes.zero");
  g_assert_cmpstr (json_object_get_string_member (payload, "reason"), ==, "同一IP大量点赞");
  g_assert_cmpint (json_object_get_int_member (payload, "likes"), ==, 3000);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the zeroing survives a re-import */
  g_clear_pointer (&file2, jp_likes_file_free);
  file2 = jp_store_import_likes (f->store, second, strlen (second), "likes-2.csv", "secretary",
                                 NULL, &error);
  g_assert_no_error (error);
  rows = jp_store_list_likes (f->store, &error);
  g_assert_true (row_of (rows, f->code[1])->zeroed);
  g_assert_cmpint (row_of (rows, f->code[1])->o, ==, 0);
}

static void
test_bad_file_stores_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *good = g_strdup_printf ("code,likes\n%s,10\n", f->code[0]);
  /* code[3] did not advance: unknown here */
  g_autofree char *bad = g_strdup_printf ("code,likes\n%s,5\n%s,7\n%s,-1\n", f->code[0],
                                          f->code[3], f->code[1]);
  g_autoptr(JpLikesFile) ok = NULL;
  g_autoptr(JpLikesFile) refused = NULL;
  guint audits;

  ok = jp_store_import_likes (f->store, good, strlen (good), "good.csv", "secretary", NULL,
                              &error);
  g_assert_no_error (error);
  audits = count_audit (f->store, "likes.import");

  refused = jp_store_import_likes (f->store, bad, strlen (bad), "bad.csv", "secretary",
                                   &problems, &error);
  g_assert_null (refused);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.csv, line 3"));
  g_assert_nonnull (strstr (error->message, "bad.csv, line 4"));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((JpLikesProblem *) problems->pdata[0])->kind, ==, "unknown-code");
  g_assert_cmpstr (((JpLikesProblem *) problems->pdata[1])->kind, ==, "negative");
  /* the earlier import is untouched, no audit row was added */
  g_assert_cmpint (test_query_int (f->store, "SELECT likes FROM online_likes"), ==, 10);
  g_assert_cmpuint (count_audit (f->store, "likes.import"), ==, audits);
}

static void
test_zero_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_store_zero_likes (f->store, f->code[0], "   ", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_store_zero_likes (f->store, f->code[3], "x", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* zeroing before any import is allowed (the count is 0 in the audit) */
  g_assert_true (jp_store_zero_likes (f->store, f->code[0], "刷票", "chair", &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_zero_likes (f->store, f->code[0], "again", "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM online_likes_zeroed"),
                   ==, 1);
}

static void
test_no_finalists (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("code,likes\n%s,10\n", f->code[0]);
  g_autoptr(JpLikesFile) file = jp_store_import_likes (f->store, text, strlen (text), "l.csv",
                                                       "secretary", NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_null (file);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no finalists"));
  g_clear_error (&error);
  rows = jp_store_list_likes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* A released version-5 file (before online likes, tests/data/migrate) opens, migrates and
 * takes the likes tables. */
static void
test_migrate_from_v5 (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v5.jiangping", NULL);
  g_autofree char *src = g_build_filename (g_getenv ("JP_SOURCE_DIR"), "tests", "data",
                                           "migrate", "v5.jiangping", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_file_get_contents (src, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_file_query_int (path, "SELECT count (*) FROM sqlite_master WHERE "
                                              "name LIKE 'online_likes%'"), ==, 0);

  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jp_store_get_schema_version (store), ==, JP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (test_query_int (store, "SELECT count (*) FROM sqlite_master WHERE "
                                          "name IN ('online_likes', 'online_likes_zeroed')"),
                   ==, 2);
  rows = jp_store_list_likes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_object (&store);
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/likes/import-replace-zero", Fixture, GINT_TO_POINTER (1), setup,
              test_import_replace_zero, teardown);
  g_test_add ("/store/likes/bad-file-stores-nothing", Fixture, GINT_TO_POINTER (1), setup,
              test_bad_file_stores_nothing, teardown);
  g_test_add ("/store/likes/zero-refusals", Fixture, GINT_TO_POINTER (1), setup,
              test_zero_refusals, teardown);
  g_test_add ("/store/likes/no-finalists", Fixture, GINT_TO_POINTER (0), setup,
              test_no_finalists, teardown);
  g_test_add_func ("/store/likes/migrate-from-v5", test_migrate_from_v5);
  return g_test_run ();
}
