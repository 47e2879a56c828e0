/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-private.h"

/* Trades and seats, units, members and PINs, conflicts, the freeze, page rotations. */

gboolean
jp_store_take_core_error (GError       **error,
                          JpStoreError   code,
                          GError        *core_error)
{
  g_set_error_literal (error, JP_STORE_ERROR, code, core_error->message);
  g_error_free (core_error);
  return FALSE;
}

/* Runs a one-row query and returns its first column; `found` says whether there was a row. */
static gboolean
query_id (JpStore     *self,
          const char  *sql,
          const char  *text,
          gint64       number,
          gint64      *value,
          gboolean    *found,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}

/* ---- trades ---- */

/**
 * jp_store_update_trade:
 *
 * See the header. `code` NULL or "" leaves the trade without a code; a lower-case code is
 * taken in upper case. Audit "trade.update".
 */
gboolean
jp_store_update_trade (JpStore     *self,
                       gint64       trade_id,
                       const char  *code,
                       const char  *name,
                       gboolean     priority,
                       const char  *actor,
                       GError     **error)
{
  g_autofree char *upper = NULL;
  g_autofree char *name_s = NULL;
  g_autofree char *old_code = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gboolean found = FALSE, frozen = FALSE;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name_s = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*name_s == '\0')
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("A trade needs a name. Fill in the trade's name."));
      return FALSE;
    }
  if (code != NULL && *code != '\0')
    {
      g_autoptr(GError) core_error = NULL;

      upper = jp_trade_code_normalize (code, &core_error);
      if (upper == NULL)
        {
          jp_store_take_core_error (error, JP_STORE_ERROR_INVALID,
                                    g_steal_pointer (&core_error));
          return FALSE;
        }
    }

  if (!jp_store_begin (self, error))
    return FALSE;

  stmt = jp_store_prepare (self, "SELECT code FROM trade WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                     _("There is no trade number %lld. Reload the list of trades."),
                     (long long) trade_id);
      else
        jp_store_set_error (self, rc, error);
      goto fail;
    }
  old_code = jp_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_strcmp0 (old_code, upper) != 0 && !jp_store_is_frozen (self, &frozen, error))
    goto fail;
  if (g_strcmp0 (old_code, upper) != 0 && frozen)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("The candidate list is frozen, so the code of the trade “%s” can no longer "
                     "change: the anonymous codes are built from it."),
                   name_s);
      goto fail;
    }

  {
    g_autoptr(sqlite3_stmt) dup = NULL;

    dup = jp_store_prepare (self,
                            "SELECT 1 FROM trade WHERE id <> ?1 AND (name = ?2 OR code = ?3)",
                            error);
    if (dup == NULL)
      goto fail;
    sqlite3_bind_int64 (dup, 1, trade_id);
    sqlite3_bind_text (dup, 2, name_s, -1, SQLITE_TRANSIENT);
    jp_store_bind_text (dup, 3, upper);
    found = sqlite3_step (dup) == SQLITE_ROW;
  }
  if (found)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("Another trade already has the name “%s” or the code “%s”. Choose another "
                     "name or code."),
                   name_s, upper != NULL ? upper : "");
      goto fail;
    }

  stmt = jp_store_prepare (self, "UPDATE trade SET code = ?, name = ?, priority = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  jp_store_bind_text (stmt, 1, upper);
  sqlite3_bind_text (stmt, 2, name_s, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, priority ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, trade_id);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, trade_id);
  json_builder_set_member_name (payload, "code");
  if (upper != NULL)
    json_builder_add_string_value (payload, upper);
  else
    json_builder_add_null_value (payload);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, name_s);
  json_builder_set_member_name (payload, "priority");
  json_builder_add_boolean_value (payload, priority);
  json_builder_end_object (payload);

  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  return jp_store_audit_commit (self, actor, "trade.update", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/**
 * jp_store_delete_trade:
 *
 * Removes a trade that no candidate belongs to (and the members' links to it).
 */
gboolean
jp_store_delete_trade (JpStore     *self,
                       gint64       trade_id,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  if (!query_id (self, "SELECT count (*) FROM candidate WHERE trade_id = ?", NULL, trade_id, &n,
                 &found, error))
    goto fail;
  if (n > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   ngettext ("The trade still has %lld candidate. Move the candidate to another "
                             "trade first.",
                             "The trade still has %lld candidates. Move them to another trade "
                             "first.",
                             (gulong) n),
                   (long long) n);
      goto fail;
    }
  stmt = jp_store_prepare (self, "DELETE FROM member_trade WHERE trade_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jp_store_prepare (self, "DELETE FROM trade WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no trade number %lld. Reload the list of trades."),
                   (long long) trade_id);
      goto fail;
    }
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, trade_id);
  json_builder_end_object (payload);
  return jp_store_audit_commit (self, actor, "trade.delete", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- seats ---- */

static void
seat_row_free (JpSeatRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

/* The plan's trades as the core sees them; a trade without a code is known by its name. */
static JpSeatTrade *
seat_trades (JpSeatPlan *plan)
{
  JpSeatTrade *trades = g_new0 (JpSeatTrade, MAX (plan->rows->len, 1));

  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      trades[i].code = row->code != NULL ? row->code : row->name;
      trades[i].qualified = row->qualified;
    }
  return trades;
}

static GArray *
plan_seats (JpSeatPlan *plan)
{
  GArray *seats = g_array_sized_new (FALSE, TRUE, sizeof (int), plan->rows->len);

  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      g_array_append_val (seats, row->seats);
    }
  return seats;
}

static JpSeatPlan *
compute_seat_plan (JpStore  *self,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JpSeatPlan) plan = g_new0 (JpSeatPlan, 1);
  g_autoptr(JpElection) election = jp_store_get_election (self);
  g_autoptr(GArray) automatic = NULL;
  g_autoptr(GArray) effective = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree JpSeatTrade *trades = NULL;
  int rc;

  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) seat_row_free);
  plan->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  stmt = jp_store_prepare (self,
                           "SELECT t.id, t.code, t.name, t.priority, t.seats, "
                           "  (SELECT count (*) FROM candidate c WHERE c.trade_id = t.id "
                           "   AND c.status = ?) "
                           "FROM trade t ORDER BY t.name",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, jp_status_to_key (JP_STATUS_QUALIFIED), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpSeatRow *row = g_new0 (JpSeatRow, 1);

      row->trade_id = sqlite3_column_int64 (stmt, 0);
      row->code = jp_store_column_dup (stmt, 1);
      row->name = jp_store_column_dup (stmt, 2);
      row->priority = sqlite3_column_int (stmt, 3) != 0;
      row->edited = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      row->seats = row->edited ? sqlite3_column_int (stmt, 4) : 0;
      row->qualified = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (plan->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  plan->target = jp_seats_target (election->quota, election->ratio);
  trades = seat_trades (plan);
  automatic = jp_seats_allocate (trades, plan->rows->len, plan->target, &notes);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = g_ptr_array_index (plan->rows, i);

      row->automatic = g_array_index (automatic, int, i);
      if (!row->edited)
        row->seats = row->automatic;
    }
  effective = plan_seats (plan);
  plan->sum = jp_seats_sum (effective);
  checks = jp_seats_check (trades, plan->rows->len, effective, plan->target);
  g_ptr_array_extend_and_steal (plan->findings, g_steal_pointer (&notes));
  g_ptr_array_extend_and_steal (plan->findings, g_steal_pointer (&checks));
  return g_steal_pointer (&plan);
}

/**
 * jp_store_get_seat_plan:
 *
 * Returns: (transfer full): the seats of every trade (by name) against the target, with the
 * allocation notes and the checks of the chair's edits; NULL with `error`.
 */
JpSeatPlan *
jp_store_get_seat_plan (JpStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute_seat_plan (self, error);
}

/**
 * jp_store_set_trade_seats:
 *
 * See the header. Audit "trade.seats" {id, trade, seats (null = automatic), automatic}.
 */
gboolean
jp_store_set_trade_seats (JpStore     *self,
                          gint64       trade_id,
                          int          seats,
                          const char  *actor,
                          GError     **error)
{
  JpStageLocks locks;
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(GArray) old_seats = NULL;
  g_autoptr(GArray) new_seats = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree JpSeatTrade *trades = NULL;
  JpSeatRow *row = NULL;
  guint index = 0;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  plan = compute_seat_plan (self, error);
  if (plan == NULL)
    goto fail;
  for (guint i = 0; i < plan->rows->len && row == NULL; i++)
    if (((JpSeatRow *) g_ptr_array_index (plan->rows, i))->trade_id == trade_id)
      {
        row = g_ptr_array_index (plan->rows, i);
        index = i;
      }
  if (row == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no trade number %lld. Reload the list of trades."),
                   (long long) trade_id);
      goto fail;
    }

  trades = seat_trades (plan);
  old_seats = plan_seats (plan);
  new_seats = plan_seats (plan);
  g_array_index (new_seats, int, index) = seats == -1 ? row->automatic : seats;
  if (!jp_store_read_stage_locks (self, &locks, error))
    goto fail;
  if (!jp_seats_change_allowed (trades, plan->rows->len, old_seats, new_seats, locks,
                                &core_error))
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_LOCKED, g_steal_pointer (&core_error));
      goto fail;
    }
  checks = jp_seats_check (trades, plan->rows->len, new_seats, plan->target);
  for (guint i = 0; i < checks->len; i++)
    {
      JpFinding *f = g_ptr_array_index (checks, i);

      if (f->severity != JP_SEVERITY_ERROR)
        continue;
      if (problems->len > 0)
        g_string_append_c (problems, ' ');
      g_string_append (problems, f->message);
    }
  if (problems->len > 0)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID, problems->str);
      goto fail;
    }

  stmt = jp_store_prepare (self, "UPDATE trade SET seats = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  if (seats == -1)
    sqlite3_bind_null (stmt, 1);
  else
    sqlite3_bind_int (stmt, 1, seats);
  sqlite3_bind_int64 (stmt, 2, trade_id);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, trade_id);
  json_builder_set_member_name (payload, "trade");
  json_builder_add_string_value (payload, row->name);
  json_builder_set_member_name (payload, "seats");
  if (seats == -1)
    json_builder_add_null_value (payload);
  else
    json_builder_add_int_value (payload, seats);
  json_builder_set_member_name (payload, "automatic");
  json_builder_add_int_value (payload, row->automatic);
  json_builder_end_object (payload);

  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  return jp_store_audit_commit (self, actor, "trade.seats", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- units ---- */

/**
 * jp_store_update_unit:
 *
 * Renames a unit and sets its pilot flag and nomination limit. NOT_FOUND, CONFLICT (name
 * taken), INVALID (empty name). Audit "unit.update".
 */
gboolean
jp_store_update_unit (JpStore     *self,
                      gint64       unit_id,
                      const char  *name,
                      gboolean     pilot,
                      guint        limit,
                      const char  *actor,
                      GError     **error)
{
  g_autofree char *name_s = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 other = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*name_s == '\0')
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("A nominating unit needs a name. Fill in the unit's name."));
      return FALSE;
    }
  if (!jp_store_begin (self, error))
    return FALSE;
  if (!query_id (self, "SELECT id FROM unit WHERE name = ?", name_s, 0, &other, &found, error))
    goto fail;
  if (found && other != unit_id)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("There is already a nominating unit named “%s”."), name_s);
      goto fail;
    }
  stmt = jp_store_prepare (self,
                           "UPDATE unit SET name = ?, pilot = ?, nomination_limit = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name_s, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, pilot ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, unit_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no nominating unit number %lld. Reload the list of units."),
                   (long long) unit_id);
      goto fail;
    }
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, unit_id);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, name_s);
  json_builder_set_member_name (payload, "pilot");
  json_builder_add_boolean_value (payload, pilot);
  json_builder_set_member_name (payload, "limit");
  json_builder_add_int_value (payload, limit);
  json_builder_end_object (payload);
  return jp_store_audit_commit (self, actor, "unit.update", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- freezing the candidate list ---- */

/* Refuses the freeze with a message saying what to do, or returns TRUE when it may go on. */
static gboolean
check_freeze (JpStore  *self,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = 0;
  gboolean found = FALSE, frozen = FALSE;
  const char *qualified = jp_status_to_key (JP_STATUS_QUALIFIED);

  if (!jp_store_is_frozen (self, &frozen, error))
    return FALSE;
  if (frozen)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                           _("The candidate list is already frozen; its anonymous codes are "
                             "final and cannot be drawn again."));
      return FALSE;
    }
  if (!query_id (self, "SELECT count (*) FROM candidate WHERE status = ?",
                 jp_status_to_key (JP_STATUS_SUBMITTED), 0, &n, &found, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   ngettext ("%lld candidate is still pending review. Finish the qualification "
                             "review (qualify or return every candidate) before freezing the "
                             "list.",
                             "%lld candidates are still pending review. Finish the "
                             "qualification review (qualify or return every candidate) before "
                             "freezing the list.",
                             (gulong) n),
                   (long long) n);
      return FALSE;
    }
  if (!query_id (self, "SELECT count (*) FROM candidate WHERE status = ? AND trade_id IS NULL",
                 qualified, 0, &n, &found, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   ngettext ("%lld qualified candidate has no trade. Put every qualified "
                             "candidate in a trade before freezing the list.",
                             "%lld qualified candidates have no trade. Put every qualified "
                             "candidate in a trade before freezing the list.",
                             (gulong) n),
                   (long long) n);
      return FALSE;
    }
  stmt = jp_store_prepare (self,
                           "SELECT t.name FROM trade t WHERE (t.code IS NULL OR t.code = '') "
                           "AND EXISTS (SELECT 1 FROM candidate c WHERE c.trade_id = t.id "
                           "  AND c.status = ?) ORDER BY t.name LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qualified, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The trade “%s” has qualified candidates but no code for the anonymous "
                     "codes. Give the trade a code (for example XT) in the setup first."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (!query_id (self, "SELECT count (*) FROM candidate WHERE status = ?", qualified, 0, &n,
                 &found, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("No candidate is qualified, so there is nothing to freeze. Finish "
                             "the qualification review first."));
      return FALSE;
    }
  return TRUE;
}

/* Draws one trade's codes, stores them and adds the trade's record to the payload. */
static gboolean
draw_trade (JpStore      *self,
            gint64        trade_id,
            const char   *trade_code,
            const char   *trade_name,
            GPtrArray    *all,
            JsonBuilder  *payload,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) set = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) drawn = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autofree guint8 *random = NULL;
  g_autofree char *record = NULL;
  g_autofree char *hex = NULL;
  gsize n_random;
  int rc;

  stmt = jp_store_prepare (self, "SELECT id FROM candidate WHERE trade_id = ? AND status = ? "
                                 "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  sqlite3_bind_text (stmt, 2, jp_status_to_key (JP_STATUS_QUALIFIED), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  if (ids->len == 0)
    return TRUE;

  n_random = jp_codes_random_bytes_needed (ids->len);
  random = g_malloc (MAX (n_random, 1));
  if (!jp_store_random_bytes (random, n_random, error))
    return FALSE;
  drawn = jp_codes_draw (trade_code, ids, random, n_random, &core_error);
  if (drawn == NULL)
    return jp_store_take_core_error (error, JP_STORE_ERROR_INVALID,
                                     g_steal_pointer (&core_error));
  record = jp_codes_draw_record (drawn, random, n_random);
  hex = jp_store_hex (random, n_random);

  set = jp_store_prepare (self, "UPDATE candidate SET code = ?, code_position = ? WHERE id = ?",
                          error);
  if (set == NULL)
    return FALSE;

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "trade");
  json_builder_add_string_value (payload, trade_name);
  json_builder_set_member_name (payload, "code");
  json_builder_add_string_value (payload, trade_code);
  json_builder_set_member_name (payload, "draw");
  json_builder_add_string_value (payload, record);
  json_builder_set_member_name (payload, "random");
  json_builder_add_string_value (payload, hex);
  json_builder_set_member_name (payload, "codes");
  json_builder_begin_array (payload);
  for (guint i = 0; i < drawn->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (drawn, i);

      sqlite3_reset (set);
      sqlite3_bind_text (set, 1, a->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (set, 2, a->position);
      sqlite3_bind_int64 (set, 3, a->candidate_id);
      if (!jp_store_step_done (self, set, error))
        return FALSE;

      json_builder_begin_object (payload);
      json_builder_set_member_name (payload, "code");
      json_builder_add_string_value (payload, a->code);
      json_builder_set_member_name (payload, "candidate_id");
      json_builder_add_int_value (payload, a->candidate_id);
      json_builder_end_object (payload);
      g_ptr_array_add (all, jp_code_assignment_copy (a));
    }
  json_builder_end_array (payload);
  json_builder_end_object (payload);
  return TRUE;
}

/**
 * jp_store_freeze:
 *
 * See the header. Audit "candidates.freeze" {"frozen_at", "trades": [{"trade", "code",
 * "draw" (jp_codes_draw_record), "random" (hex), "codes": [{"code", "candidate_id"}]}]}.
 *
 * Returns: (transfer full): JpCodeAssignment* by trade name then position, or NULL with
 * `error`.
 */
GPtrArray *
jp_store_freeze (JpStore     *self,
                 const char  *actor,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) trades = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 now;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!jp_store_begin (self, error))
    return NULL;
  if (!check_freeze (self, error))
    goto fail;

  now = jp_store_now (self);
  all = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_code_assignment_free);
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "frozen_at");
  json_builder_add_int_value (payload, now);
  json_builder_set_member_name (payload, "trades");
  json_builder_begin_array (payload);

  trades = jp_store_prepare (self, "SELECT id, code, name FROM trade ORDER BY name", error);
  if (trades == NULL)
    goto fail;
  while ((rc = sqlite3_step (trades)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (trades, 1);

      if (!draw_trade (self, sqlite3_column_int64 (trades, 0), code != NULL ? code : "",
                       (const char *) sqlite3_column_text (trades, 2), all, payload, error))
        goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  json_builder_end_array (payload);
  json_builder_end_object (payload);

  stmt = jp_store_prepare (self, "UPDATE election SET frozen_at = ? WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (!jp_store_audit_commit (self, actor, "candidates.freeze", payload, error))
    return NULL;
  return g_steal_pointer (&all);

fail:
  jp_store_rollback (self);
  return NULL;
}

/* ---- page rotations ---- */

/**
 * jp_store_get_page_rotations:
 *
 * Returns: (transfer full): int degrees per page (0-based), up to the highest saved page;
 * empty when none are saved.
 */
GArray *
jp_store_get_page_rotations (JpStore     *self,
                             const char  *sha256,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (int));
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  if (sha256 == NULL)
    return g_steal_pointer (&out);
  stmt = jp_store_prepare (self,
                           "SELECT page, degrees FROM document_rotation WHERE sha256 = lower (?) "
                           "ORDER BY page",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      int page = sqlite3_column_int (stmt, 0);
      int degrees = sqlite3_column_int (stmt, 1);

      if (page < 0 || page > 100000)
        continue;
      if ((guint) page >= out->len)
        g_array_set_size (out, (guint) page + 1);
      g_array_index (out, int, page) = degrees;
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&out);
}

/**
 * jp_store_set_page_rotation:
 *
 * Saves the rotation of one page of a stored document. INVALID for degrees other than
 * 0/90/180/270 (-90 and 360 are normalised) or a page outside the document; NOT_FOUND for
 * an unknown document. Audit "document.rotate".
 */
gboolean
jp_store_set_page_rotation (JpStore     *self,
                            const char  *sha256,
                            int          page,
                            int          degrees,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *lower = NULL;
  int normal = ((degrees % 360) + 360) % 360;
  int pages;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (normal % 90 != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("A page can be turned by 0, 90, 180 or 270 degrees, not %d."), degrees);
      return FALSE;
    }
  lower = g_ascii_strdown (sha256, -1);
  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self, "SELECT pages FROM document WHERE sha256 = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no document %s in “%s”. Reload the candidate's dossier."),
                   lower, self->path);
      goto fail;
    }
  pages = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (page < 0 || (pages > 0 && page >= pages))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Page %d does not exist: the document has %d pages."), page + 1, pages);
      goto fail;
    }

  stmt = jp_store_prepare (self,
                           "INSERT INTO document_rotation (sha256, page, degrees) VALUES (?1, ?2, "
                           "  ?3) ON CONFLICT (sha256, page) DO UPDATE SET degrees = ?3",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, page);
  sqlite3_bind_int (stmt, 3, normal);
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "sha256");
  json_builder_add_string_value (payload, lower);
  json_builder_set_member_name (payload, "page");
  json_builder_add_int_value (payload, page);
  json_builder_set_member_name (payload, "degrees");
  json_builder_add_int_value (payload, normal);
  json_builder_end_object (payload);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  return jp_store_audit_commit (self, NULL, "document.rotate", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}
