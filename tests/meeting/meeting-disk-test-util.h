/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* A full disk for the meeting tests (issue 9): the election file may grow no more (SQLite's
 * max_page_count on the host's connection, after every free page was used, which is how
 * SQLITE_FULL reaches the store on a full disk), and space returning. */

#include <string.h>

#include "store/jp-store-private.h"

/* One integer from a query on the store's own connection. */
static inline gint64
test_count (JpStore    *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (store, sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  g_assert_true (jp_store_query_int (store, stmt, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* Lets the file grow no more and uses up every free byte a filler row can take. */
static inline void
test_fill_disk (JpStore *store)
{
  static const int sizes[] = { 8000, 2000, 500, 100, 20, 1 };
  g_autofree char *limit = NULL;

  jp_store_exec (store, "CREATE TABLE IF NOT EXISTS test_filler (x BLOB)", NULL);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           test_count (store, "PRAGMA page_count"));
  g_assert_true (jp_store_exec (store, limit, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO test_filler VALUES (randomblob (%d))",
                                              sizes[i]);

      for (;;)
        {
          g_autoptr(GError) error = NULL;

          if (jp_store_exec (store, sql, &error))
            continue;
          g_assert_nonnull (strstr (error->message, "is full"));
          break;
        }
    }
}

/* Space returns. */
static inline void
test_free_disk (JpStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_exec (store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (jp_store_exec (store, "DROP TABLE test_filler", &error));
  g_assert_no_error (error);
}
