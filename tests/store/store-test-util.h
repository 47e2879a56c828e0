/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Helpers shared by the store tests. */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jp-store-private.h"
#include "jp-store-console.h"
#include "jp-store-rounds.h"
#include "../common/store-checks.h"

/* A fresh temporary directory, removed (with what is in it) at the end of the test. */
static inline char *
test_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jp-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  g_chmod (dir, 0755);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* A valid 18-digit ID number with the given 17-digit body (check digit computed). */
static inline char *
test_id_number (const char *body17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  int sum = 0;

  g_assert_cmpuint (strlen (body17), ==, 17);
  for (int i = 0; i < 17; i++)
    sum += (body17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", body17, check[sum % 11]);
}

static inline JpCandidate *
test_candidate (const char *name,
                const char *id_number,
                const char *unit,
                const char *trade)
{
  JpCandidate *c = jp_candidate_new ();

  c->name = g_strdup (name);
  c->id_number = g_strdup (id_number);
  c->unit = g_strdup (unit);
  c->trade = g_strdup (trade);
  c->sex = JP_SEX_MALE;
  c->route = JP_ROUTE_UNIT;
  c->phone = g_strdup ("13800000000");
  return c;
}

static inline JpDocumentData *
test_document (JpDocKind   kind,
               int         criterion,
               const char *filename,
               const char *content)
{
  JpDocumentRef *ref = jp_document_ref_new ();
  g_autoptr(GBytes) data = g_bytes_new (content, strlen (content));

  ref->kind = kind;
  ref->criterion = criterion;
  ref->filename = g_strdup (filename);
  ref->mime = g_strdup (kind == JP_DOC_PHOTO ? "image/jpeg" : "application/pdf");
  ref->pages = kind == JP_DOC_PHOTO ? 1 : 3;
  return jp_document_data_new (ref, data);
}

/* One integer from a query on the store's own connection. */
static inline gint64
test_query_int (JpStore    *store,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* One integer from a query on a separate raw connection to `path`. */
static inline gint64
test_file_query_int (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static inline JsonObject *
test_parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The payload of the last audit entry of `action` (NULL if none). */
static inline JsonObject *
test_last_audit (JpStore    *store,
                 const char *action)
{
  g_autoptr(GPtrArray) audit = jp_store_list_audit (store, NULL);

  for (guint i = audit->len; i > 0; i--)
    {
      JpAuditEntry *e = g_ptr_array_index (audit, i - 1);

      if (g_str_equal (e->action, action))
        return test_parse_object (e->payload);
    }
  return NULL;
}

static inline GPtrArray *
test_documents_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_data_free);
}

/* ---- A small election on trade XT (稀土), shared by the ballot, likes, defence and audit
 * tests (and the documents tests) ---- */

/* A new election file `filename` in a fresh temporary directory (*dir). */
static inline JpStore *
test_store_new (char      **dir,
                const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpStore *store;

  *dir = test_tmp_dir ();
  path = g_build_filename (*dir, filename, NULL);
  store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  return store;
}

/* Trade XT (稀土) and four candidates 候选人1..4 from 单位1..4; their ids go in cand[]. */
static inline void
test_add_xt_candidates (JpStore *store,
                        gint64   cand[4])
{
  g_autoptr(GError) error = NULL;

  jp_store_add_trade (store, "XT", "稀土", TRUE, "test", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031980010%04d", 100 + i);
      g_autofree char *id = test_id_number (body);
      g_autofree char *name = g_strdup_printf ("候选人%d", i + 1);
      g_autofree char *unit = g_strdup_printf ("单位%d", i + 1);
      g_autoptr(JpCandidate) c = test_candidate (name, id, unit, "稀土");

      jp_store_save_candidate (store, c, NULL, "test", NULL, &error);
      g_assert_no_error (error);
      cand[i] = c->id;
    }
}

/* Member `code` (评委`code`) of `unit`, on the XT panel when `on_panel`. */
static inline void
test_add_xt_member (JpStore    *store,
                    const char *code,
                    const char *unit,
                    gboolean    on_panel)
{
  g_autoptr(JpMember) m = g_new0 (JpMember, 1);
  g_autoptr(GError) error = NULL;
  const char *trades[] = { "XT", NULL };

  m->code = g_strdup (code);
  m->name = g_strdup_printf ("评委%s", code);
  m->unit = g_strdup (unit);
  m->trades = on_panel ? g_strdupv ((GStrv) trades) : NULL;
  jp_store_add_member (store, m, "test", &error);
  g_assert_no_error (error);
}

/* Qualifies the four candidates of cand[] and freezes the list; code[k] gets cand[k]'s
 * ballot code (to be freed). */
static inline void
test_qualify_and_freeze (JpStore      *store,
                         const gint64  cand[4],
                         char         *code[4])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_assert_true (jp_store_exec (store, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (store, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 4);
  for (guint i = 0; i < codes->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (codes, i);

      for (int k = 0; k < 4; k++)
        if (cand[k] == a->candidate_id)
          code[k] = g_strdup (a->code);
    }
}

/* A ballot round of XT opened by the chair; its id. */
static inline gint64
test_open_ballot_round (JpStore *store,
                        int      seats,
                        int      max_choices,
                        int      present)
{
  g_autoptr(GError) error = NULL;
  gint64 id = jp_store_open_ballot_round (store, "XT", seats, max_choices, present, "chair",
                                          &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* `member`'s ballot in `round`: `marks` is the codes marked, separated by blanks ("" for a
 * blank ballot). */
static inline void
test_vote (JpStore    *store,
           gint64      round,
           const char *member,
           const char *marks)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = g_strsplit (marks, " ", -1);
  g_auto(GStrv) empty = g_new0 (char *, 1);

  jp_store_submit_ballot (store, round, member,
                          (const char *const *) (*marks != '\0' ? list : empty), NULL, NULL,
                          &error);
  g_assert_no_error (error);
}

/* A store in a temporary directory with XT's four candidates (test_add_xt_candidates) and,
 * once frozen, their codes. */
typedef struct {
  char    *dir;
  JpStore *store;
  gint64   cand[4];
  char    *code[4];
} TestXt;

static inline void
test_xt_clear (TestXt *t)
{
  g_clear_object (&t->store);
  for (int i = 0; i < 4; i++)
    g_clear_pointer (&t->code[i], g_free);
  test_rm_rf (t->dir);
  g_clear_pointer (&t->dir, g_free);
}

/* The ballot tests' election: XT's candidates, members M01..M04 on the XT panel (M03 from
 * 单位3, so conflicted with candidate 3), M05 on no panel; frozen when `freeze`. */
static inline void
test_xt_ballot_init (TestXt   *t,
                     gboolean  freeze)
{
  t->store = test_store_new (&t->dir, "r.jiangping");
  test_add_xt_candidates (t->store, t->cand);
  test_add_xt_member (t->store, "M01", "别处甲", TRUE);
  test_add_xt_member (t->store, "M02", "别处乙", TRUE);
  test_add_xt_member (t->store, "M03", "单位3", TRUE);
  test_add_xt_member (t->store, "M04", "别处丙", TRUE);
  test_add_xt_member (t->store, "M05", "别处丁", FALSE);
  if (freeze)
    test_qualify_and_freeze (t->store, t->cand, t->code);
  else
    g_assert_true (jp_store_exec (t->store, "UPDATE candidate SET status = 'qualified'",
                                  NULL));
}
