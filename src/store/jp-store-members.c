/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-private.h"

/* Committee members, their PINs and conflicts of interest. */

#define PIN_SALT_BYTES 16
G_STATIC_ASSERT (PIN_SALT_BYTES == JP_STORE_PIN_SALT_BYTES);

/* Links member row `member_id` to the trades `member` names (code or name, as
 * jp_store_find_trade), replacing its links; NOT_FOUND names the trade that does not exist. */
gboolean
jp_store_member_set_trades (JpStore         *self,
                            gint64           member_id,
                            const JpMember  *member,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;

  clear = jp_store_prepare (self, "DELETE FROM member_trade WHERE member_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, member_id);
  if (!jp_store_step_done (self, clear, error))
    return FALSE;

  find = jp_store_prepare (self,
                           "SELECT id FROM trade WHERE code = ?1 OR name = ?1 "
                           "ORDER BY (code = ?1) DESC LIMIT 1",
                           error);
  link = jp_store_prepare (self,
                           "INSERT OR IGNORE INTO member_trade (member_id, trade_id) VALUES (?, ?)",
                           error);
  if (find == NULL || link == NULL)
    return FALSE;
  for (guint i = 0; member->trades != NULL && member->trades[i] != NULL; i++)
    {
      int rc;

      sqlite3_reset (find);
      sqlite3_bind_text (find, 1, member->trades[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (find);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                       _("Committee member %s: there is no trade “%s”. Add the trade first, "
                         "or correct its code or name."),
                       member->code, member->trades[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return jp_store_set_error (self, rc, error);
      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, member_id);
      sqlite3_bind_int64 (link, 2, sqlite3_column_int64 (find, 0));
      if (!jp_store_step_done (self, link, error))
        return FALSE;
    }
  return TRUE;
}

/* The audit payload of "member.add" and "member.update": the member row `id` as written. */
void
jp_store_member_payload (JsonBuilder    *payload,
                         gint64          id,
                         const JpMember *member)
{
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "code");
  json_builder_add_string_value (payload, member->code);
  json_builder_set_member_name (payload, "name");
  json_builder_add_string_value (payload, member->name != NULL ? member->name : "");
  json_builder_set_member_name (payload, "role");
  json_builder_add_string_value (payload, jp_member_role_to_key (member->role));
  json_builder_end_object (payload);
}

/**
 * jp_store_update_member:
 *
 * Replaces the code, name, unit, role and trades of the member with `member->id`.
 * NOT_FOUND (no such member, or an unknown trade), CONFLICT (code taken), INVALID (empty
 * code). Audit "member.update".
 */
gboolean
jp_store_update_member (JpStore         *self,
                        const JpMember  *member,
                        const char      *actor,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (member->code == NULL || *member->code == '\0')
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("A committee member needs a member code, for example M01."));
      return FALSE;
    }
  if (!jp_store_begin (self, error))
    return FALSE;

  stmt = jp_store_prepare (self, "SELECT 1 FROM member WHERE code = ? AND id <> ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, member->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, member->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("There is already a committee member with the code “%s”. Choose another "
                     "code."),
                   member->code);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "UPDATE member SET code = ?, name = ?, unit = ?, role = ? "
                                 "WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, member->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, member->name != NULL ? member->name : "", -1, SQLITE_TRANSIENT);
  jp_store_bind_text (stmt, 3, member->unit);
  sqlite3_bind_text (stmt, 4, jp_member_role_to_key (member->role), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, member->id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no committee member number %lld. Reload the list of members."),
                   (long long) member->id);
      goto fail;
    }
  if (!jp_store_member_set_trades (self, member->id, member, error))
    goto fail;

  jp_store_member_payload (payload, member->id, member);
  return jp_store_audit_commit (self, actor, "member.update", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/**
 * jp_store_delete_member:
 *
 * Removes the member, their trades and declared conflicts. Audit "member.delete".
 */
gboolean
jp_store_delete_member (JpStore     *self,
                        gint64       member_id,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *code = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self, "SELECT code FROM member WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no committee member number %lld. Reload the list of members."),
                   (long long) member_id);
      goto fail;
    }
  code = jp_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* The roster of every round refers to the panel as it was. */
  stmt = jp_store_prepare (self, "SELECT 1 FROM round LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Committee member %s cannot be removed: voting rounds have been held with "
                     "this committee."),
                   code);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jp_store_prepare (self, "DELETE FROM member WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, member_id);
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, member_id);
  json_builder_set_member_name (payload, "code");
  json_builder_add_string_value (payload, code);
  json_builder_end_object (payload);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  return jp_store_audit_commit (self, actor, "member.delete", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- PINs ---- */

static gboolean
bytes_of_hex (const char *hex,
              guint8     *out,
              gsize       len)
{
  if (hex == NULL || strlen (hex) != len * 2)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      out[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/**
 * jp_store_member_new_pin:
 *
 * See the header. Returns: (transfer full): the new 6-digit PIN, or NULL with `error`.
 */
char *
jp_store_member_new_pin (JpStore     *self,
                         const char  *member_code,
                         const char  *actor,
                         GError     **error)
{
  guint8 random[JP_PIN_RANDOM_BYTES];
  guint8 salt[PIN_SALT_BYTES];
  g_autofree char *pin = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *salt_hex = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (member_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every value rejected is next to impossible; draw again rather than fail. */
  while (pin == NULL)
    {
      if (!jp_store_random_bytes (random, sizeof random, error))
        return NULL;
      pin = jp_pin_generate (random, sizeof random);
    }
  if (!jp_store_random_bytes (salt, sizeof salt, error))
    return NULL;
  hash = jp_pin_hash (pin, salt, sizeof salt, JP_PIN_ITERATIONS);
  salt_hex = jp_store_hex (salt, sizeof salt);

  if (!jp_store_begin (self, error))
    return NULL;
  stmt = jp_store_prepare (self,
                           "UPDATE member SET pin_hash = ?, pin_salt = ?, pin_iterations = ?, "
                           "  pin_set_at = ? WHERE code = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, salt_hex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, JP_PIN_ITERATIONS);
  sqlite3_bind_int64 (stmt, 4, jp_store_now (self));
  sqlite3_bind_text (stmt, 5, member_code, -1, SQLITE_TRANSIENT);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no committee member with the code “%s”. Check the code."),
                   member_code);
      goto fail;
    }
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "member");
  json_builder_add_string_value (payload, member_code);
  json_builder_end_object (payload);
  if (!jp_store_audit_commit (self, actor, "member.pin", payload, error))
    return NULL;
  return g_steal_pointer (&pin);

fail:
  jp_store_rollback (self);
  return NULL;
}

gboolean
jp_store_member_check_pin (JpStore     *self,
                           const char  *member_code,
                           const char  *pin,
                           gboolean    *matches,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 salt[PIN_SALT_BYTES];
  const char *hash;
  int iterations;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (matches != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *matches = FALSE;
  if (member_code == NULL || pin == NULL)
    return TRUE;
  stmt = jp_store_prepare (self,
                           "SELECT pin_hash, pin_salt, pin_iterations FROM member WHERE code = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;   /* no such member */
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  hash = (const char *) sqlite3_column_text (stmt, 0);
  if (hash == NULL ||
      !bytes_of_hex ((const char *) sqlite3_column_text (stmt, 1), salt, sizeof salt))
    return TRUE;   /* no PIN */
  iterations = sqlite3_column_int (stmt, 2);
  *matches = jp_pin_verify (pin, salt, sizeof salt, (guint) MAX (iterations, 0), hash);
  return TRUE;
}

gboolean
jp_store_member_has_pin (JpStore     *self,
                         const char  *member_code,
                         gboolean    *has_pin,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (has_pin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *has_pin = FALSE;
  if (member_code == NULL)
    return TRUE;
  stmt = jp_store_prepare (self, "SELECT pin_hash IS NOT NULL FROM member WHERE code = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  if (!jp_store_query_int (self, stmt, &value, error))
    return FALSE;
  *has_pin = value != 0;
  return TRUE;
}

gboolean
jp_store_member_get_pin (JpStore     *self,
                         const char  *member_code,
                         char       **hash,
                         guint8      *salt,
                         guint       *iterations,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *stored;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (member_code != NULL && hash != NULL, FALSE);
  g_return_val_if_fail (salt != NULL && iterations != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *hash = NULL;
  *iterations = 0;
  stmt = jp_store_prepare (self,
                           "SELECT pin_hash, pin_salt, pin_iterations FROM member "
                           "WHERE code = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no committee member with the code “%s”. Check the code."),
                   member_code);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  stored = (const char *) sqlite3_column_text (stmt, 0);
  if (stored == NULL ||
      !bytes_of_hex ((const char *) sqlite3_column_text (stmt, 1), salt, PIN_SALT_BYTES))
    return TRUE;
  *iterations = (guint) MAX (sqlite3_column_int (stmt, 2), 0);
  *hash = g_strdup (stored);
  return TRUE;
}

gboolean
jp_store_revoke_pins (JpStore     *self,
                      const char  *actor,
                      guint       *n_revoked,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  guint n;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self,
                           "UPDATE member SET pin_hash = NULL, pin_salt = NULL, "
                           "  pin_iterations = NULL, pin_set_at = NULL "
                           "WHERE pin_hash IS NOT NULL OR pin_salt IS NOT NULL",
                           error);
  if (stmt == NULL || !jp_store_step_done (self, stmt, error))
    goto fail;
  n = (guint) sqlite3_changes (self->db);
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "revoked");
  json_builder_add_int_value (payload, n);
  json_builder_end_object (payload);
  if (!jp_store_audit_commit (self, actor, "member.pins-revoked", payload, error))
    return FALSE;
  if (n_revoked != NULL)
    *n_revoked = n;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- conflicts ---- */

/* Schema 2 spells the teacher-apprentice relation 'teacher'. */
static const char *
type_to_column (JpConflictType type)
{
  return type == JP_CONFLICT_TEACHER_APPRENTICE ? "teacher" : jp_conflict_type_to_key (type);
}

static JpConflictType
type_from_column (const char *s)
{
  if (g_strcmp0 (s, "teacher") == 0)
    return JP_CONFLICT_TEACHER_APPRENTICE;
  return jp_conflict_type_from_string (s, NULL);
}

void
jp_conflict_free (JpConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->member_code);
  g_free (c->member_name);
  g_free (c->candidate_name);
  g_free (c->note);
  g_free (c);
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const JpConflict *x = *(const JpConflict * const *) a;
  const JpConflict *y = *(const JpConflict * const *) b;
  int r = g_ascii_strcasecmp (x->member_code, y->member_code);

  if (r == 0)
    r = g_strcmp0 (x->candidate_name, y->candidate_name);
  if (r == 0)
    r = (x->candidate_id > y->candidate_id) - (x->candidate_id < y->candidate_id);
  if (r == 0)
    r = (int) x->kind - (int) y->kind;
  return r;
}

/**
 * jp_store_list_conflicts:
 *
 * Returns: (transfer full): JpConflict*, declared ones and automatic same-unit ones, by
 * member code then candidate name; NULL with `error`.
 */
GPtrArray *
jp_store_list_conflicts (JpStore  *self,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GListModel) candidates = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_conflict_free);
  stmt = jp_store_prepare (self,
                           "SELECT f.id, m.code, m.name, c.id, c.name, f.type, f.note "
                           "FROM conflict f JOIN member m ON m.id = f.member_id "
                           "JOIN candidate c ON c.id = f.candidate_id "
                           "WHERE f.kind = 'declared'",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpConflict *c = g_new0 (JpConflict, 1);
      g_autofree char *type = jp_store_column_dup (stmt, 5);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->member_code = jp_store_column_dup (stmt, 1);
      c->member_name = jp_store_column_dup (stmt, 2);
      c->candidate_id = sqlite3_column_int64 (stmt, 3);
      c->candidate_name = jp_store_column_dup (stmt, 4);
      c->kind = JP_CONFLICT_DECLARED;
      c->type = type_from_column (type);
      c->note = jp_store_column_dup (stmt, 6);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  members = jp_store_list_members (self, error);
  if (members == NULL)
    return NULL;
  candidates = jp_store_list_candidates (self, error);
  if (candidates == NULL)
    return NULL;
  for (guint m = 0; m < members->len; m++)
    {
      JpMember *member = g_ptr_array_index (members, m);

      for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
        {
          g_autoptr(JpCandidate) cand = g_list_model_get_item (candidates, i);
          JpConflict *c;

          if (!jp_conflict_same_unit (member, cand))
            continue;
          c = g_new0 (JpConflict, 1);
          c->member_code = g_strdup (member->code);
          c->member_name = g_strdup (member->name);
          c->candidate_id = cand->id;
          c->candidate_name = g_strdup (cand->name);
          c->kind = JP_CONFLICT_SAME_UNIT;
          c->type = JP_CONFLICT_OTHER;
          g_ptr_array_add (out, c);
        }
    }
  g_ptr_array_sort (out, compare_conflicts);
  return g_steal_pointer (&out);
}

/**
 * jp_store_add_conflict:
 *
 * Records a declared conflict. NOT_FOUND naming the member code or candidate number,
 * CONFLICT when the same member already declared one for this candidate. Audit
 * "conflict.add". Returns the row id, or 0 with `error`.
 */
gint64
jp_store_add_conflict (JpStore         *self,
                       const char      *member_code,
                       gint64           candidate_id,
                       JpConflictType   type,
                       const char      *note,
                       const char      *actor,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  gint64 member_id;
  gint64 id;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (member_code != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!jp_store_begin (self, error))
    return 0;
  stmt = jp_store_prepare (self, "SELECT id FROM member WHERE code = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no committee member with the code “%s”. Check the code."),
                   member_code);
      goto fail;
    }
  member_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "SELECT 1 FROM candidate WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no candidate number %lld in “%s”."),
                   (long long) candidate_id, self->path);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "SELECT 1 FROM conflict WHERE member_id = ? AND candidate_id = ? "
                           "AND kind = 'declared'",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, candidate_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("Committee member %s has already declared a conflict with candidate "
                     "number %lld. Remove it first to record it differently."),
                   member_code, (long long) candidate_id);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "INSERT INTO conflict (member_id, candidate_id, kind, type, note, "
                           "  created_at) VALUES (?, ?, 'declared', ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, candidate_id);
  sqlite3_bind_text (stmt, 3, type_to_column (type), -1, SQLITE_STATIC);
  jp_store_bind_text (stmt, 4, note);
  sqlite3_bind_int64 (stmt, 5, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, id);
  json_builder_set_member_name (payload, "member");
  json_builder_add_string_value (payload, member_code);
  json_builder_set_member_name (payload, "candidate_id");
  json_builder_add_int_value (payload, candidate_id);
  json_builder_set_member_name (payload, "type");
  json_builder_add_string_value (payload, jp_conflict_type_to_key (type));
  json_builder_end_object (payload);
  if (!jp_store_audit_commit (self, actor, "conflict.add", payload, error))
    return 0;
  return id;

fail:
  jp_store_rollback (self);
  return 0;
}

/**
 * jp_store_remove_conflict:
 *
 * Removes a declared conflict. NOT_FOUND naming the number. Audit "conflict.remove".
 */
gboolean
jp_store_remove_conflict (JpStore     *self,
                          gint64       conflict_id,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self, "DELETE FROM conflict WHERE id = ? AND kind = 'declared'",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, conflict_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no declared conflict number %lld. List the conflicts to see "
                     "their numbers."),
                   (long long) conflict_id);
      goto fail;
    }
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "id");
  json_builder_add_int_value (payload, conflict_id);
  json_builder_end_object (payload);
  return jp_store_audit_commit (self, actor, "conflict.remove", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}

gboolean
jp_store_is_conflicted (JpStore     *self,
                        const char  *member_code,
                        gint64       candidate_id,
                        gboolean    *conflicted,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JpCandidate) candidate = NULL;
  JpMember member = { 0 };
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (conflicted != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *conflicted = FALSE;
  if (member_code == NULL)
    return TRUE;
  stmt = jp_store_prepare (self,
                           "SELECT 1 FROM conflict f JOIN member m ON m.id = f.member_id "
                           "WHERE m.code = ? AND f.candidate_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *conflicted = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);

  /* The same-unit rule needs only the two units and the employer: read just those (this
   * runs for every candidate of a round on every ballot). */
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jp_store_prepare (self,
                           "SELECT m.unit, u.name, c.employer FROM member m, candidate c "
                           "LEFT JOIN unit u ON u.id = c.unit_id "
                           "WHERE m.code = ? AND c.id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;   /* no such member or candidate: not conflicted */
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  member.unit = (char *) sqlite3_column_text (stmt, 0);
  candidate = jp_candidate_new ();
  candidate->unit = jp_store_column_dup (stmt, 1);
  candidate->employer = jp_store_column_dup (stmt, 2);
  *conflicted = jp_conflict_same_unit (&member, candidate);
  return TRUE;
}

GStrv
jp_store_round_conflicted_codes (JpStore     *self,
                                 gint64       round_id,
                                 const char  *member_code,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  JpMember member = { 0 };
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  if (member_code == NULL)
    return g_strv_builder_end (codes);
  stmt = jp_store_prepare (self,
                           "SELECT rc.code, m.unit, u.name, c.employer, "
                           "       EXISTS (SELECT 1 FROM conflict f "
                           "               WHERE f.member_id = m.id "
                           "                 AND f.candidate_id = c.id) "
                           "FROM round_candidate rc "
                           "JOIN candidate c ON c.id = rc.candidate_id "
                           "LEFT JOIN unit u ON u.id = c.unit_id, member m "
                           "WHERE rc.round_id = ? AND m.code = ? ORDER BY rc.position",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, member_code, -1, SQLITE_TRANSIENT);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      g_autoptr(JpCandidate) candidate = jp_candidate_new ();

      member.unit = (char *) sqlite3_column_text (stmt, 1);
      candidate->unit = jp_store_column_dup (stmt, 2);
      candidate->employer = jp_store_column_dup (stmt, 3);
      if (sqlite3_column_int (stmt, 4) != 0 || jp_conflict_same_unit (&member, candidate))
        g_strv_builder_add (codes, (const char *) sqlite3_column_text (stmt, 0));
    }
  if (!ok)
    return NULL;
  return g_strv_builder_end (codes);
}
