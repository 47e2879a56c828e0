/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* An SQLite authorizer for tests that make a read fail, as a damaged or busy file would. */

#include <string.h>
#include <sqlite3.h>
#include <glib.h>

/* Denies reading what `data` names: a table ("round") or one column ("member.pin_hash").
 * Set with sqlite3_set_authorizer (db, test_deny_read, (void *) "table.column"). */
G_GNUC_UNUSED static int
test_deny_read (void *data, int action, const char *table, const char *column,
                const char *database, const char *trigger)
{
  const char *what = data;
  const char *dot = strchr (what, '.');

  if (action != SQLITE_READ || table == NULL)
    return SQLITE_OK;
  if (dot == NULL)
    return g_str_equal (table, what) ? SQLITE_DENY : SQLITE_OK;
  return strlen (table) == (gsize) (dot - what) && strncmp (table, what, dot - what) == 0
         && g_strcmp0 (column, dot + 1) == 0 ? SQLITE_DENY : SQLITE_OK;
}
