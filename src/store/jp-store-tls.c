/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"


#include "jp-store-private.h"
#include "jp-store-tls.h"

gboolean
jp_store_get_host_tls (JpStore     *self,
                       char       **certificate_pem,
                       char       **private_key_pem,
                       char       **fingerprint,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (certificate_pem != NULL && private_key_pem != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = jp_store_prepare (self,
                           "SELECT certificate, private_key, fingerprint FROM host_tls "
                           "WHERE id = 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  *certificate_pem = jp_store_column_dup (stmt, 0);
  *private_key_pem = jp_store_column_dup (stmt, 1);
  if (fingerprint != NULL)
    *fingerprint = jp_store_column_dup (stmt, 2);
  return TRUE;
}

gboolean
jp_store_set_host_tls (JpStore     *self,
                       const char  *certificate_pem,
                       const char  *private_key_pem,
                       const char  *fingerprint,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (certificate_pem != NULL && private_key_pem != NULL, FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  stmt = jp_store_prepare (self,
                           "INSERT INTO host_tls (id, certificate, private_key, fingerprint, "
                           "  created_at) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, certificate_pem, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, private_key_pem, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fingerprint, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) > 0)
    {
      /* the public certificate's fingerprint only: never the key */
      json_builder_begin_object (payload);
      json_builder_set_member_name (payload, "fingerprint");
      json_builder_add_string_value (payload, fingerprint);
      json_builder_end_object (payload);
      if (!jp_store_audit (self, NULL, "host.certificate", payload, error))
        goto fail;
    }
  if (!jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}
