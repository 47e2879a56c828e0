/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/jp-store-console.h"
#include "jp-cli.h"

/* The panel's members and their conflicts: members, member, pins, conflicts, conflict. */

#define ACTOR "cli"

/* ---- members, member add / pin ---- */

int
jp_cli_cmd_members (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  members = jp_store_list_members (store, error);
  if (members == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = g_ptr_array_index (members, i);
      gboolean has_pin;

      if (!jp_store_member_has_pin (store, m->code, &has_pin, error))
        return 1;
      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          jp_cli_add_string (b, "code", m->code);
          jp_cli_add_string (b, "name", m->name);
          jp_cli_add_string (b, "role", jp_member_role_to_key (m->role));
          jp_cli_add_string (b, "unit", m->unit);
          json_builder_set_member_name (b, "trades");
          json_builder_begin_array (b);
          for (guint k = 0; m->trades != NULL && m->trades[k] != NULL; k++)
            json_builder_add_string_value (b, m->trades[k]);
          json_builder_end_array (b);
          jp_cli_add_bool (b, "has_pin", has_pin);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *trades = m->trades != NULL ? g_strjoinv (",", m->trades)
                                                      : g_strdup ("");
          g_autofree char *name = jp_cli_pad (m->name, 10);
          g_autofree char *role = jp_cli_pad (jp_member_role_label (m->role), 10);
          g_autofree char *unit = jp_cli_pad (m->unit, 30);

          printf ("%-6s %s %s %s %-16s %s\n", m->code, name, role, unit, trades,
                  has_pin ? _("PIN set") : _("no PIN"));
        }
    }
  json_builder_end_array (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  return 0;
}

int
jp_cli_cmd_member (int argc, char **argv, GError **error)
{
  g_autofree char *code = NULL, *name = NULL, *unit = NULL, *role = NULL, *trades = NULL;
  g_autofree char *member = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("add: member code, e.g. M16"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("add: name"), N_("NAME") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("add: the member's unit"), N_("UNIT") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("add: chair, member or scrutineer"), N_("ROLE") },
    { "trades", 0, 0, G_OPTION_ARG_STRING, &trades, N_("add: trades judged, e.g. XT,GF"), N_("LIST") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("pin: the member's code"), N_("CODE") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, _("add|pin"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;

  if (argc == 2 && g_str_equal (argv[1], "pin"))
    {
      g_autofree char *pin = NULL;

      if (member == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Say whose PIN: add --member CODE"));
          return 2;
        }
      pin = jp_store_member_new_pin (store, member, ACTOR, error);
      if (pin == NULL)
        return 1;
      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          jp_cli_add_string (b, "member", member);
          jp_cli_add_string (b, "pin", pin);
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      else
        printf (_("New PIN of %s: %s (shown only now; hand it to the member)\n"), member, pin);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "add"))
    {
      g_autoptr(JpMember) m = g_new0 (JpMember, 1);
      gboolean ok = TRUE;
      gint64 id;

      if (code == NULL || *code == '\0' || name == NULL || *name == '\0')
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("A member needs --code and --name"));
          return 2;
        }
      m->code = g_strdup (code);
      m->name = g_strdup (name);
      m->unit = g_strdup (unit);
      m->role = role != NULL ? jp_member_role_from_string (role, &ok) : JP_MEMBER_ROLE_MEMBER;
      if (!ok)
        {
          jp_cli_bad_value (error, "--role", role, _("use chair, member or scrutineer."));
          return 2;
        }
      m->trades = trades != NULL ? g_strsplit (trades, ",", -1) : NULL;
      id = jp_store_add_member (store, m, ACTOR, error);
      if (id <= 0)
        return 1;
      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          jp_cli_add_int (b, "id", id);
          jp_cli_add_string (b, "code", m->code);
          jp_cli_add_string (b, "name", m->name);
          jp_cli_add_string (b, "role", jp_member_role_to_key (m->role));
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      else
        printf (_("Added committee member %s %s\n"), m->code, m->name);
      return 0;
    }

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Use “member add --code M16 --name NAME …” or “member pin --member "
                         "M01”"));
  return 2;
}

/* ---- pins revoke ---- */

int
jp_cli_cmd_pins (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n = 0;
  int status;

  store = jp_cli_parse_and_open (entries, _("revoke"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "revoke"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Use “pins revoke” to revoke every member’s PIN"));
      return 2;
    }
  if (!jp_store_revoke_pins (store, ACTOR, &n, error))
    return 1;
  if (jp_cli_opt_json)
    {
      json_builder_begin_object (b);
      jp_cli_add_int (b, "revoked", n);
      json_builder_end_object (b);
      jp_cli_print_json (json_builder_get_root (b));
    }
  else
    printf (ngettext ("Revoked %u PIN. Nobody can log in until new PINs are issued.\n",
                      "Revoked %u PINs. Nobody can log in until new PINs are issued.\n", n),
            n);
  return 0;
}

/* ---- conflicts, conflict add / remove ---- */

int
jp_cli_cmd_conflicts (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  list = jp_store_list_conflicts (store, error);
  if (list == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      JpConflict *c = g_ptr_array_index (list, i);
      gboolean declared = c->kind == JP_CONFLICT_DECLARED;

      if (jp_cli_opt_json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          if (declared)
            json_builder_add_int_value (b, c->id);
          else
            json_builder_add_null_value (b);
          jp_cli_add_string (b, "member", c->member_code);
          jp_cli_add_string (b, "member_name", c->member_name);
          jp_cli_add_int (b, "candidate_id", c->candidate_id);
          jp_cli_add_string (b, "candidate_name", c->candidate_name);
          jp_cli_add_string (b, "kind", jp_conflict_kind_to_key (c->kind));
          jp_cli_add_string (b, "type", declared ? jp_conflict_type_to_key (c->type) : NULL);
          jp_cli_add_string (b, "note", c->note);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *member = jp_cli_pad (c->member_name, 10);
          g_autofree char *cand = jp_cli_pad (c->candidate_name, 10);
          g_autofree char *id = declared ? g_strdup_printf ("%" G_GINT64_FORMAT, c->id)
                                         : g_strdup ("—");

          printf ("%5s  %-6s %s %s %s%s%s\n", id, c->member_code, member, cand,
                  declared ? jp_conflict_type_label (c->type)
                           : jp_conflict_kind_label (c->kind),
                  c->note != NULL ? "  " : "", c->note != NULL ? c->note : "");
        }
    }
  json_builder_end_array (b);
  if (jp_cli_opt_json)
    jp_cli_print_json (json_builder_get_root (b));
  else
    printf (ngettext ("%u conflict of interest\n", "%u conflicts of interest\n", list->len),
            list->len);
  return 0;
}

int
jp_cli_cmd_conflict (int argc, char **argv, GError **error)
{
  g_autofree char *member = NULL, *type = NULL, *note = NULL;
  gint64 candidate = 0, id = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("add: the member's code"), N_("CODE") },
    { "candidate", 0, 0, G_OPTION_ARG_INT64, &candidate, N_("add: candidate number"), N_("ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("add: relative, teacher-apprentice, supervisor or other"), N_("TYPE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("add: note"), N_("TEXT") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("remove: the conflict's number"), N_("N") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("add|remove"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;

  if (argc == 2 && g_str_equal (argv[1], "add"))
    {
      gboolean ok = TRUE;
      JpConflictType t = type != NULL ? jp_conflict_type_from_string (type, &ok)
                                      : JP_CONFLICT_OTHER;
      gint64 new_id;

      if (member == NULL || candidate <= 0)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("A conflict needs --member CODE and --candidate ID"));
          return 2;
        }
      if (!ok)
        {
          jp_cli_bad_value (error, "--type", type,
                            _("use relative, teacher-apprentice, supervisor or other."));
          return 2;
        }
      new_id = jp_store_add_conflict (store, member, candidate, t, note, ACTOR, error);
      if (new_id <= 0)
        return 1;
      if (jp_cli_opt_json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();

          json_builder_begin_object (b);
          jp_cli_add_int (b, "id", new_id);
          jp_cli_add_string (b, "member", member);
          jp_cli_add_int (b, "candidate_id", candidate);
          jp_cli_add_string (b, "type", jp_conflict_type_to_key (t));
          jp_cli_add_string (b, "note", note);
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      else
        printf (_("Recorded conflict %lld: member %s, candidate %lld\n"), (long long) new_id,
                member, (long long) candidate);
      return 0;
    }

  if (argc == 2 && g_str_equal (argv[1], "remove"))
    {
      if (id <= 0)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Say which conflict: add --id N (see “conflicts”)"));
          return 2;
        }
      if (!jp_store_remove_conflict (store, id, ACTOR, error))
        return 1;
      if (!jp_cli_opt_json)
        printf (_("Removed conflict %lld\n"), (long long) id);
      else
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();

          json_builder_begin_object (b);
          jp_cli_add_int (b, "removed", id);
          json_builder_end_object (b);
          jp_cli_print_json (json_builder_get_root (b));
        }
      return 0;
    }

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("Use “conflict add --member M03 --candidate 17 --type relative” or "
                         "“conflict remove --id N”"));
  return 2;
}
