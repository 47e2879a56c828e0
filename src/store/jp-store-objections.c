/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-publicity.h"
#include "jp-store-publicity-private.h"

/* The objections register (异议) of publicity (RULES.md "Publicity"). */

void
jp_objection_free (JpObjection *o)
{
  if (o == NULL)
    return;
  g_free (o->code);
  g_free (o->name);
  g_free (o->received);
  g_free (o->channel);
  g_free (o->from_kind);
  g_free (o->from_name);
  g_free (o->content);
  g_free (o->investigation);
  g_free (o->outcome);
  g_free (o->handled_by);
  g_free (o);
}

/* The columns objection_from_row reads, in its order; append a WHERE / ORDER BY. */
#define OBJECTION_SELECT \
  "SELECT o.id, o.candidate_id, c.code, c.name, o.received, o.channel, " \
  "  o.from_kind, o.from_name, o.sealed, o.content, o.investigation, " \
  "  o.outcome, o.handled_by, o.decided_at " \
  "FROM objection o JOIN candidate c ON c.id = o.candidate_id "

/* The objection on the current row of a statement that selects OBJECTION_SELECT.
 * `end` is the publicity's last day (NULL when unknown): an objection received after it is
 * late. Returns: (transfer full). */
static JpObjection *
objection_from_row (sqlite3_stmt *stmt,
                    const char   *end)
{
  JpObjection *o = g_new0 (JpObjection, 1);

  o->id = sqlite3_column_int64 (stmt, 0);
  o->candidate_id = sqlite3_column_int64 (stmt, 1);
  o->code = jp_store_column_dup (stmt, 2);
  o->name = jp_store_column_dup (stmt, 3);
  o->received = jp_store_column_dup (stmt, 4);
  o->channel = jp_store_column_dup (stmt, 5);
  o->from_kind = jp_store_column_dup (stmt, 6);
  o->from_name = jp_store_column_dup (stmt, 7);
  o->sealed = sqlite3_column_int (stmt, 8) != 0;
  o->content = jp_store_column_dup (stmt, 9);
  o->investigation = jp_store_column_dup (stmt, 10);
  o->outcome = jp_store_column_dup (stmt, 11);
  o->handled_by = jp_store_column_dup (stmt, 12);
  o->decided_at = sqlite3_column_int64 (stmt, 13);
  /* ISO dates compare as text */
  o->late = end != NULL && g_strcmp0 (o->received, end) > 0;
  return o;
}

/* The candidate with `code` on the publicity list: its id, or 0 with NOT_FOUND. */
static gint64
listed_candidate (JpStore     *self,
                  const char  *code,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT c.id FROM publicity_candidate p "
                           "JOIN candidate c ON c.id = p.candidate_id "
                           "WHERE c.code = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return 0;
  jp_store_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return 0;
    }
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
               _("%s is not on the publicized list of “%s”; objections concern the candidates "
                 "publicized."), code != NULL ? code : "", self->path);
  return 0;
}

gint64
jp_store_add_objection (JpStore     *self,
                        const char  *code,
                        const char  *received,
                        const char  *channel,
                        const char  *from_kind,
                        const char  *from_name,
                        gboolean     sealed,
                        const char  *content,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *name = jp_publicity_trimmed (from_name);
  g_autofree char *text = jp_publicity_trimmed (content);
  g_autofree char *received_iso = NULL;
  GDate date, start, end, today;
  gint64 candidate_id, id;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!jp_publicity_parse_date (received, _("date received"), &date, error))
    return 0;
  if (g_strcmp0 (channel, "letter") != 0 && g_strcmp0 (channel, "phone") != 0
      && g_strcmp0 (channel, "visit") != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("“%s” is not a channel: an objection comes by letter, phone or visit."),
                   channel != NULL ? channel : "");
      return 0;
    }
  if (g_strcmp0 (from_kind, "anonymous") == 0)
    {
      if (name != NULL || sealed)
        {
          g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                               _("An anonymous objection has no sender's name or seal."));
          return 0;
        }
    }
  else if (g_strcmp0 (from_kind, "unit") == 0 || g_strcmp0 (from_kind, "person") == 0)
    {
      if (name == NULL)
        {
          g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                               g_str_equal (from_kind, "unit")
                               ? _("Name the unit the objection comes from.")
                               : _("Name the person the objection comes from."));
          return 0;
        }
      if (sealed && g_str_equal (from_kind, "person"))
        {
          g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                               _("Only a unit's objection bears a seal."));
          return 0;
        }
    }
  else
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("“%s”: an objection comes from a unit, a named person, or is anonymous."),
                   from_kind != NULL ? from_kind : "");
      return 0;
    }
  if (text == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("Write what the objection says."));
      return 0;
    }

  if (!jp_store_begin (self, error))
    return 0;
  if (!jp_publicity_require_running (self, error) || !jp_publicity_period_dates (self, &start, &end, error))
    goto fail;
  received_iso = jp_date_format_iso (&date);
  jp_publicity_today (self, &today);
  if (g_date_compare (&date, &start) < 0 || g_date_compare (&date, &today) > 0)
    {
      g_autofree char *a = jp_date_format_iso (&start);
      g_autofree char *b = jp_date_format_iso (&today);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("An objection received on %s: the date must lie between the start of "
                     "publicity, %s, and today, %s."), received_iso, a, b);
      goto fail;
    }
  candidate_id = listed_candidate (self, code, error);
  if (candidate_id == 0)
    goto fail;

  stmt = jp_store_prepare (self,
                           "INSERT INTO objection (candidate_id, received, channel, from_kind, "
                           "  from_name, sealed, content, created_by, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  sqlite3_bind_text (stmt, 2, received_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, channel, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, from_kind, -1, SQLITE_TRANSIENT);
  jp_store_bind_text (stmt, 5, name);
  sqlite3_bind_int (stmt, 6, sealed ? 1 : 0);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, jp_publicity_actor (actor), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "objection");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "candidate_id");
  json_builder_add_int_value (payload, candidate_id);
  json_builder_set_member_name (payload, "received");
  json_builder_add_string_value (payload, received_iso);
  json_builder_set_member_name (payload, "channel");
  json_builder_add_string_value (payload, channel);
  json_builder_set_member_name (payload, "from_kind");
  json_builder_add_string_value (payload, from_kind);
  json_builder_set_member_name (payload, "from_name");
  if (name != NULL)
    json_builder_add_string_value (payload, name);
  else
    json_builder_add_null_value (payload);
  json_builder_set_member_name (payload, "sealed");
  json_builder_add_boolean_value (payload, sealed);
  json_builder_set_member_name (payload, "content");
  json_builder_add_string_value (payload, text);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "objection.add", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

gboolean
jp_store_decide_objection (JpStore     *self,
                           gint64       id,
                           const char  *outcome,
                           const char  *investigation,
                           const char  *handled_by,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *found = jp_publicity_trimmed (investigation);
  g_autofree char *handler = jp_publicity_trimmed (handled_by);
  g_autoptr(JpObjection) current = NULL;
  gboolean upheld;
  gint64 candidate_id;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (outcome, "upheld") != 0 && g_strcmp0 (outcome, "rejected") != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("“%s” is not an outcome: an objection is upheld or rejected."),
                   outcome != NULL ? outcome : "");
      return FALSE;
    }
  upheld = g_str_equal (outcome, "upheld");
  if (found == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("Write what the investigation found."));
      return FALSE;
    }
  if (handler == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("Say who handled the objection."));
      return FALSE;
    }

  if (!jp_store_begin (self, error))
    return FALSE;
  if (!jp_publicity_require_running (self, error))
    goto fail;
  stmt = jp_store_prepare (self, OBJECTION_SELECT "WHERE o.id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no objection %lld in “%s”."), (long long) id, self->path);
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  current = objection_from_row (stmt, NULL);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (current->outcome != NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("Objection %lld is already decided (%s); a decision is "
                     "final."), (long long) id, current->outcome);
      goto fail;
    }
  candidate_id = current->candidate_id;

  stmt = jp_store_prepare (self,
                           "UPDATE objection SET outcome = ?, investigation = ?, handled_by = ?, "
                           "  decided_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, outcome, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, found, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, handler, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, jp_store_now (self));
  sqlite3_bind_int64 (stmt, 5, id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (upheld)
    {
      /* the first upheld objection disqualifies; nobody moves up (RULES.md) */
      stmt = jp_store_prepare (self,
                               "UPDATE publicity_candidate SET objection_id = ? "
                               "WHERE candidate_id = ? AND objection_id IS NULL", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, candidate_id);
      if (!jp_store_step_done (self, stmt, error))
        goto fail;
    }

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "objection");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "candidate_id");
  json_builder_add_int_value (payload, candidate_id);
  json_builder_set_member_name (payload, "outcome");
  json_builder_add_string_value (payload, outcome);
  json_builder_set_member_name (payload, "investigation");
  json_builder_add_string_value (payload, found);
  json_builder_set_member_name (payload, "handled_by");
  json_builder_add_string_value (payload, handler);
  json_builder_set_member_name (payload, "disqualified");
  json_builder_add_boolean_value (payload, upheld);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "objection.decide", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

GPtrArray *
jp_store_list_objections (JpStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *end = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, "SELECT end_date FROM publicity", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    end = jp_store_column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, OBJECTION_SELECT "ORDER BY o.id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_objection_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, objection_from_row (stmt, end));
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
