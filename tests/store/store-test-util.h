/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Helpers shared by the store tests. */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jp-store-private.h"
#include "jp-store-console.h"

/* jp_store_member_has_pin and jp_store_member_check_pin, which must not fail here. */
G_GNUC_UNUSED static gboolean
test_has_pin (JpStore    *store,
              const char *member_code)
{
  g_autoptr(GError) error = NULL;
  gboolean has_pin = FALSE;

  g_assert_true (jp_store_member_has_pin (store, member_code, &has_pin, &error));
  g_assert_no_error (error);
  return has_pin;
}

G_GNUC_UNUSED static gboolean
test_check_pin (JpStore    *store,
                const char *member_code,
                const char *pin)
{
  g_autoptr(GError) error = NULL;
  gboolean matches = FALSE;

  g_assert_true (jp_store_member_check_pin (store, member_code, pin, &matches, &error));
  g_assert_no_error (error);
  return matches;
}

/* jp_store_is_frozen, which must not fail here. */
G_GNUC_UNUSED static gboolean
test_is_frozen (JpStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean frozen = FALSE;

  g_assert_true (jp_store_is_frozen (store, &frozen, &error));
  g_assert_no_error (error);
  return frozen;
}

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

static inline GPtrArray *
test_documents_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_data_free);
}
