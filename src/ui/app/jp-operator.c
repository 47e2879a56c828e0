/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "ui/app/jp-operator.h"

static GSettings *
operator_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (APP_ID);
  return settings;
}

static char *cached_name;

const char *
jp_operator_get_name (void)
{
  g_free (cached_name);
  cached_name = g_settings_get_string (operator_settings (), "operator-name");
  return cached_name;
}

JpOperatorRole
jp_operator_get_role (void)
{
  g_autofree char *role = g_settings_get_string (operator_settings (), "operator-role");

  return g_strcmp0 (role, "chair") == 0 ? JP_OPERATOR_ROLE_CHAIR
                                         : JP_OPERATOR_ROLE_SECRETARIAT;
}

void
jp_operator_set (const char     *name,
                 JpOperatorRole  role)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_settings_set_string (operator_settings (), "operator-name", trimmed);
  g_settings_set_string (operator_settings (), "operator-role",
                         role == JP_OPERATOR_ROLE_CHAIR ? "chair" : "secretariat");
}

const char *
jp_operator_get_actor (void)
{
  const char *name = jp_operator_get_name ();
  const char *real;

  if (*name != '\0')
    return name;
  real = g_get_real_name ();
  return real != NULL && *real != '\0' && !g_str_equal (real, "Unknown") ? real
         : g_get_user_name ();
}

void
jp_operator_connect_changed (GCallback callback,
                             gpointer  instance)
{
  g_return_if_fail (G_IS_OBJECT (instance));

  g_signal_connect_object (operator_settings (), "changed::operator-name", callback, instance,
                           G_CONNECT_SWAPPED);
}
