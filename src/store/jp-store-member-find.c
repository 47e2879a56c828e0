/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"

/* One committee member by code, without listing them all (a station login looks its member
 * up on every attempt). */

/**
 * jp_store_find_member:
 * @member: (out) (transfer full): the member, or NULL when no member has this code
 *
 * Looks a member up by code under the store's rule for member codes (the column compares
 * without case, so "m01" finds "M01"); the member carries its stored code and, like
 * jp_store_list_members, the codes (or names) of the trades it judges.
 *
 * Returns: TRUE (with `*member` NULL when there is none), FALSE with `error` when the file
 * cannot be read.
 */
gboolean
jp_store_find_member (JpStore     *self,
                      const char  *code,
                      JpMember   **member,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) trades = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(JpMember) m = NULL;
  g_autofree char *role = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *member = NULL;
  if (code == NULL || *code == '\0')
    return TRUE;
  stmt = jp_store_prepare (self, "SELECT id, code, name, unit, role FROM member WHERE code = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);

  m = g_new0 (JpMember, 1);
  m->id = sqlite3_column_int64 (stmt, 0);
  m->code = jp_store_column_dup (stmt, 1);
  m->name = jp_store_column_dup (stmt, 2);
  m->unit = jp_store_column_dup (stmt, 3);
  role = jp_store_column_dup (stmt, 4);
  m->role = jp_member_role_from_string (role, NULL);

  trades = jp_store_prepare (self,
                             "SELECT coalesce (t.code, t.name) FROM member_trade mt "
                             "JOIN trade t ON t.id = mt.trade_id WHERE mt.member_id = ? "
                             "ORDER BY t.sort, t.name",
                             error);
  if (trades == NULL)
    return FALSE;
  sqlite3_bind_int64 (trades, 1, m->id);
  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (trades)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (trades, 0));
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  m->trades = g_strv_builder_end (builder);
  *member = g_steal_pointer (&m);
  return TRUE;
}
