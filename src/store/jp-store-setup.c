/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"

/* Trades, units and committee members. */

/* ---- trades ---- */

static JpTrade *
trade_from_row (sqlite3_stmt *stmt)
{
  JpTrade *t = g_new0 (JpTrade, 1);

  t->id = sqlite3_column_int64 (stmt, 0);
  t->code = jp_store_column_dup (stmt, 1);
  t->name = jp_store_column_dup (stmt, 2);
  t->priority = sqlite3_column_int (stmt, 3) != 0;
  return t;
}

/**
 * jp_store_list_trades:
 *
 * Returns: (transfer full): JpTrade*, ordered by name, or NULL with `error`.
 */
GPtrArray *
jp_store_list_trades (JpStore  *self,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, "SELECT id, code, name, priority FROM trade ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  trades = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_trade_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (trades, trade_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&trades);
}

/* Finds a trade; a code match wins over a name match. Returns the row id, 0 if none, -1 on
 * error. */
static gint64
lookup_trade (JpStore     *self,
              const char  *code_or_name,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT id FROM trade WHERE code = ?1 OR name = ?1 "
                           "ORDER BY (code = ?1) DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code_or_name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return -1;
    }
  return 0;
}

/**
 * jp_store_find_trade:
 *
 * Returns: (transfer full) (nullable): the trade whose code (any case) or name is
 * `code_or_name`, or NULL.
 */
JpTrade *
jp_store_find_trade (JpStore    *self,
                     const char *code_or_name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  if (code_or_name == NULL || *code_or_name == '\0')
    return NULL;
  stmt = jp_store_prepare (self,
                           "SELECT id, code, name, priority FROM trade "
                           "WHERE code = ?1 OR name = ?1 ORDER BY (code = ?1) DESC LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code_or_name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return trade_from_row (stmt);
}

static gint64
insert_trade (JpStore     *self,
              const char  *code,
              const char  *name,
              gboolean     priority,
              const char  *actor,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 id;

  stmt = jp_store_prepare (self,
                           "INSERT INTO trade (code, name, priority, sort) "
                           "VALUES (?, ?, ?, (SELECT coalesce (max (sort), 0) + 1 FROM trade))",
                           error);
  if (stmt == NULL)
    return 0;
  jp_store_bind_text (stmt, 1, code);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, priority ? 1 : 0);
  if (!jp_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "code");
  if (code != NULL && *code != '\0')
    json_builder_add_string_value (payload, code);
  else
    json_builder_add_null_value (payload);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, name);
  json_builder_set_member_name (payload, "priority");
  json_builder_add_boolean_value (payload, priority);
  json_builder_end_object (payload);

  if (!jp_store_audit (self, actor, "trade.add", payload, error))
    return 0;
  return id;
}

/**
 * jp_store_add_trade:
 *
 * Returns: the new trade's row id, or 0 with `error` (CONFLICT when the name or the code is
 * taken).
 */
gint64
jp_store_add_trade (JpStore     *self,
                    const char  *code,
                    const char  *name,
                    gboolean     priority,
                    const char  *actor,
                    GError     **error)
{
  g_autofree char *upper = NULL;
  gint64 existing;
  gint64 id;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && *name != '\0', 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (code != NULL && *code != '\0')
    {
      g_autoptr(GError) core_error = NULL;

      upper = jp_trade_code_normalize (code, &core_error);
      if (upper == NULL)
        {
          jp_store_take_core_error (error, JP_STORE_ERROR_INVALID,
                                    g_steal_pointer (&core_error));
          return 0;
        }
      code = upper;
    }
  if (!jp_store_begin (self, error))
    return 0;

  existing = lookup_trade (self, name, error);
  if (existing == 0 && code != NULL && *code != '\0')
    existing = lookup_trade (self, code, error);
  if (existing < 0)
    goto fail;
  if (existing > 0)
    {
      if (code != NULL && *code != '\0')
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                     _("There is already a trade named “%s” or with the code “%s”. Choose "
                       "another name and code."),
                     name, code);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                     _("There is already a trade named “%s”. Choose another name."), name);
      goto fail;
    }

  id = insert_trade (self, code, name, priority, actor, error);
  if (id == 0 || !jp_store_commit (self, error))
    goto fail;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

gboolean
jp_store_ensure_trade (JpStore     *self,
                       const char  *code,
                       const char  *name,
                       const char  *actor,
                       gint64      *id,
                       GError     **error)
{
  gint64 found = 0;

  *id = 0;
  if (code != NULL && *code != '\0')
    {
      found = lookup_trade (self, code, error);
      if (found < 0)
        return FALSE;
    }
  if (found == 0 && name != NULL && *name != '\0')
    {
      found = lookup_trade (self, name, error);
      if (found < 0)
        return FALSE;
      /* New trades get no code: codes are assigned in the setup, where they are checked. */
      if (found == 0)
        found = insert_trade (self, NULL, name, FALSE, actor, error);
      if (found == 0)
        return FALSE;
    }
  if (found == 0 && code != NULL && *code != '\0')
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no trade with the code “%s”. Give the trade's name, or add the "
                     "trade in the setup first."),
                   code);
      return FALSE;
    }
  *id = found;
  return TRUE;
}

/* ---- units ---- */

/**
 * jp_store_list_units:
 *
 * Returns: (transfer full): JpUnit*, ordered by name, or NULL with `error`.
 */
GPtrArray *
jp_store_list_units (JpStore  *self,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) units = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self,
                           "SELECT id, name, pilot, nomination_limit FROM unit ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  units = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_unit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpUnit *u = g_new0 (JpUnit, 1);

      u->id = sqlite3_column_int64 (stmt, 0);
      u->name = jp_store_column_dup (stmt, 1);
      u->pilot = sqlite3_column_int (stmt, 2) != 0;
      u->limit = (guint) MAX (sqlite3_column_int (stmt, 3), 0);
      g_ptr_array_add (units, u);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

static gint64
lookup_unit (JpStore     *self,
             const char  *name,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jp_store_prepare (self, "SELECT id FROM unit WHERE name = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return -1;
    }
  return 0;
}

static gint64
insert_unit (JpStore     *self,
             const char  *name,
             gboolean     pilot,
             guint        limit,
             const char  *actor,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 id;

  stmt = jp_store_prepare (self,
                           "INSERT INTO unit (name, pilot, nomination_limit) VALUES (?, ?, ?)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, pilot ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, limit);
  if (!jp_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, name);
  json_builder_set_member_name (payload, "pilot");
  json_builder_add_boolean_value (payload, pilot);
  json_builder_set_member_name (payload, "limit");
  json_builder_add_int_value (payload, limit);
  json_builder_end_object (payload);

  if (!jp_store_audit (self, actor, "unit.add", payload, error))
    return 0;
  return id;
}

/**
 * jp_store_add_unit:
 *
 * Returns: the new unit's row id, or 0 with `error` (CONFLICT when the name is taken).
 */
gint64
jp_store_add_unit (JpStore     *self,
                   const char  *name,
                   gboolean     pilot,
                   guint        limit,
                   const char  *actor,
                   GError     **error)
{
  gint64 existing;
  gint64 id;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && *name != '\0', 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!jp_store_begin (self, error))
    return 0;
  existing = lookup_unit (self, name, error);
  if (existing < 0)
    goto fail;
  if (existing > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("There is already a nominating unit named “%s”."), name);
      goto fail;
    }
  id = insert_unit (self, name, pilot, limit, actor, error);
  if (id == 0 || !jp_store_commit (self, error))
    goto fail;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

gboolean
jp_store_ensure_unit (JpStore     *self,
                      const char  *name,
                      const char  *actor,
                      gint64      *id,
                      GError     **error)
{
  gint64 found = 0;

  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  found = lookup_unit (self, name, error);
  if (found < 0)
    return FALSE;
  if (found == 0)
    found = insert_unit (self, name, FALSE, 0, actor, error);
  if (found == 0)
    return FALSE;
  *id = found;
  return TRUE;
}

/**
 * jp_store_set_unit_pilot:
 *
 * Marks a unit as a pilot unit (产改试点单位) or not. NOT_FOUND if there is no such unit.
 */
gboolean
jp_store_set_unit_pilot (JpStore     *self,
                         const char  *name,
                         gboolean     pilot,
                         const char  *actor,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, name);
  json_builder_set_member_name (payload, "pilot");
  json_builder_add_boolean_value (payload, pilot);
  json_builder_end_object (payload);

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self, "UPDATE unit SET pilot = ? WHERE name = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, pilot ? 1 : 0);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no nominating unit named “%s”. Check the name."), name);
      goto fail;
    }
  return jp_store_audit_commit (self, actor, "unit.pilot", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- members ---- */

/**
 * jp_store_add_member:
 *
 * Adds a committee member with the trades they judge (member->trades: codes or names of
 * existing trades; NOT_FOUND naming the first unknown one). CONFLICT if the code is taken.
 * Returns the row id, or 0 with `error`; nothing is written on failure.
 */
gint64
jp_store_add_member (JpStore         *self,
                     const JpMember  *member,
                     const char      *actor,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 id;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (member != NULL, 0);
  g_return_val_if_fail (member->code != NULL && *member->code != '\0', 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!jp_store_begin (self, error))
    return 0;

  stmt = jp_store_prepare (self, "SELECT 1 FROM member WHERE code = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, member->code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("There is already a committee member with the code “%s”. Choose another "
                     "code."),
                   member->code);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "INSERT INTO member (code, name, unit, role) VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, member->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, member->name != NULL ? member->name : "", -1, SQLITE_TRANSIENT);
  jp_store_bind_text (stmt, 3, member->unit);
  sqlite3_bind_text (stmt, 4, jp_member_role_to_key (member->role), -1, SQLITE_STATIC);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  if (!jp_store_member_set_trades (self, id, member, error))
    goto fail;
  jp_store_member_payload (payload, id, member);

  if (!jp_store_audit_commit (self, actor, "member.add", payload, error))
    return 0;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}
