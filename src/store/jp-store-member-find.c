/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"

/* Reading committee members with the trades they judge: every member (the list) or one
 * by code (a station login looks its member up on every attempt, without listing them all). */

/* The members `sql` selects (id, code, name, unit, role; `code` bound to its one parameter
 * when not NULL), each with the codes (or names) of the trades it judges. */
static GPtrArray *
read_members (JpStore     *self,
              const char  *sql,
              const char  *code,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, sql, error);
  g_autoptr(sqlite3_stmt) trades = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gboolean ok = FALSE;

  if (stmt == NULL)
    return NULL;
  if (code != NULL)
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  trades = jp_store_prepare (self,
                             "SELECT coalesce (t.code, t.name) FROM member_trade mt "
                             "JOIN trade t ON t.id = mt.trade_id WHERE mt.member_id = ? "
                             "ORDER BY t.sort, t.name",
                             error);
  if (trades == NULL)
    return NULL;
  members = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_member_free);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      JpMember *m = g_new0 (JpMember, 1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *role = NULL;
      gboolean trades_ok = FALSE;

      g_ptr_array_add (members, m);
      m->id = sqlite3_column_int64 (stmt, 0);
      m->code = jp_store_column_dup (stmt, 1);
      m->name = jp_store_column_dup (stmt, 2);
      m->unit = jp_store_column_dup (stmt, 3);
      role = jp_store_column_dup (stmt, 4);
      m->role = jp_member_role_from_string (role, NULL);

      sqlite3_reset (trades);
      sqlite3_bind_int64 (trades, 1, m->id);
      while (jp_store_rows_next (self, trades, &trades_ok, error))
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (trades, 0));
      if (!trades_ok)
        return NULL;
      m->trades = g_strv_builder_end (builder);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&members);
}

/**
 * jp_store_list_members:
 *
 * Returns: (transfer full): JpMember*, ordered by code, each with the codes (or, while a
 * trade has no code, the names) of the trades the member judges; NULL with `error`.
 */
GPtrArray *
jp_store_list_members (JpStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_members (self, "SELECT id, code, name, unit, role FROM member ORDER BY code",
                       NULL, error);
}

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
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *member = NULL;
  if (code == NULL || *code == '\0')
    return TRUE;
  found = read_members (self, "SELECT id, code, name, unit, role FROM member WHERE code = ?",
                        code, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    *member = g_ptr_array_steal_index (found, 0);
  return TRUE;
}
