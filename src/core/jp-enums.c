/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-enums"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"

G_DEFINE_QUARK (jp-core-error-quark, jp_core_error)

/* Compares after trimming ASCII whitespace, case-insensitively for ASCII letters. */
static gboolean
matches (const char *s,
         const char *candidate)
{
  g_autofree char *copy = g_strstrip (g_strdup (s));

  return g_ascii_strcasecmp (copy, candidate) == 0;
}

static gboolean
matches_any (const char        *s,
             const char * const *candidates)
{
  for (guint i = 0; candidates[i] != NULL; i++)
    if (matches (s, candidates[i]))
      return TRUE;
  return FALSE;
}

static void
set_ok (gboolean *ok,
        gboolean  value)
{
  if (ok != NULL)
    *ok = value;
}

const char *
jp_sex_to_key (JpSex sex)
{
  switch (sex)
    {
    case JP_SEX_MALE: return "male";
    case JP_SEX_FEMALE: return "female";
    case JP_SEX_UNKNOWN:
    default: return "unknown";
    }
}

/* Returns the translated label (男/女); "" for unknown. */
const char *
jp_sex_label (JpSex sex)
{
  switch (sex)
    {
    case JP_SEX_MALE: return _("Male");
    case JP_SEX_FEMALE: return _("Female");
    case JP_SEX_UNKNOWN:
    default: return "";
    }
}

JpSex
jp_sex_from_string (const char *s,
                    gboolean   *ok)
{
  static const char * const male[] = { "male", "m", "man", "男", "男性", "1", NULL };
  static const char * const female[] = { "female", "f", "woman", "女", "女性", "2", NULL };

  set_ok (ok, FALSE);
  if (s == NULL)
    return JP_SEX_UNKNOWN;
  if (matches_any (s, male))
    {
      set_ok (ok, TRUE);
      return JP_SEX_MALE;
    }
  if (matches_any (s, female))
    {
      set_ok (ok, TRUE);
      return JP_SEX_FEMALE;
    }
  if (matches (s, "unknown"))
    set_ok (ok, TRUE);
  return JP_SEX_UNKNOWN;
}

const char *
jp_route_to_key (JpRoute route)
{
  switch (route)
    {
    case JP_ROUTE_UNIT: return "unit";
    case JP_ROUTE_SOCIAL: return "social";
    case JP_ROUTE_SELF: return "self";
    case JP_ROUTE_UNKNOWN:
    default: return "unknown";
    }
}

const char *
jp_route_label (JpRoute route)
{
  switch (route)
    {
    case JP_ROUTE_UNIT: return _("Unit nomination");
    case JP_ROUTE_SOCIAL: return _("Social nomination");
    case JP_ROUTE_SELF: return _("Self nomination");
    case JP_ROUTE_UNKNOWN:
    default: return "";
    }
}

JpRoute
jp_route_from_string (const char *s,
                      gboolean   *ok)
{
  static const char * const unit[] = { "unit", "单位推荐", "单位", "组织推荐",
                                       "unit nomination", NULL };
  static const char * const social[] = { "social", "社会推荐", "社会", "社会团体推荐",
                                         "social nomination", NULL };
  static const char * const self[] = { "self", "个人自荐", "自荐", "个人",
                                       "self nomination", NULL };

  set_ok (ok, FALSE);
  if (s == NULL)
    return JP_ROUTE_UNKNOWN;
  set_ok (ok, TRUE);
  if (matches_any (s, unit))
    return JP_ROUTE_UNIT;
  if (matches_any (s, social))
    return JP_ROUTE_SOCIAL;
  if (matches_any (s, self))
    return JP_ROUTE_SELF;
  set_ok (ok, matches (s, "unknown"));
  return JP_ROUTE_UNKNOWN;
}

const char *
jp_status_to_key (JpCandidateStatus status)
{
  switch (status)
    {
    case JP_STATUS_QUALIFIED: return "qualified";
    case JP_STATUS_RETURNED: return "returned";
    case JP_STATUS_SUBMITTED:
    default: return "submitted";
    }
}

const char *
jp_status_label (JpCandidateStatus status)
{
  switch (status)
    {
    case JP_STATUS_QUALIFIED: return _("Qualified");
    case JP_STATUS_RETURNED: return _("Returned");
    case JP_STATUS_SUBMITTED:
    default: return _("Awaiting review");
    }
}

JpCandidateStatus
jp_status_from_string (const char *s,
                       gboolean   *ok)
{
  static const char * const submitted[] = { "submitted", "待审查", "待审", "已提交", NULL };
  static const char * const qualified[] = { "qualified", "合格", "审查合格", "通过", NULL };
  static const char * const returned[] = { "returned", "退回", "不合格", NULL };

  set_ok (ok, FALSE);
  if (s == NULL)
    return JP_STATUS_SUBMITTED;
  set_ok (ok, TRUE);
  if (matches_any (s, submitted))
    return JP_STATUS_SUBMITTED;
  if (matches_any (s, qualified))
    return JP_STATUS_QUALIFIED;
  if (matches_any (s, returned))
    return JP_STATUS_RETURNED;
  set_ok (ok, FALSE);
  return JP_STATUS_SUBMITTED;
}

const char *
jp_doc_kind_to_key (JpDocKind kind)
{
  switch (kind)
    {
    case JP_DOC_EVIDENCE: return "evidence";
    case JP_DOC_NO_CRIMINAL_RECORD: return "no_criminal_record";
    case JP_DOC_PHOTO:
    default: return "photo";
    }
}

const char *
jp_doc_kind_label (JpDocKind kind)
{
  switch (kind)
    {
    case JP_DOC_EVIDENCE: return _("Evidence");
    case JP_DOC_NO_CRIMINAL_RECORD: return _("No-criminal-record certificate");
    case JP_DOC_PHOTO:
    default: return _("Work photo");
    }
}

JpDocKind
jp_doc_kind_from_string (const char *s,
                         gboolean   *ok)
{
  static const char * const photo[] = { "photo", "照片", "工作照片", "图片", NULL };
  static const char * const evidence[] = { "evidence", "证明材料", "佐证材料", "材料", NULL };
  static const char * const ncr[] = { "no_criminal_record", "no-criminal-record",
                                      "无违法犯罪记录证明", "无犯罪记录证明", NULL };

  set_ok (ok, FALSE);
  if (s == NULL)
    return JP_DOC_PHOTO;
  set_ok (ok, TRUE);
  if (matches_any (s, photo))
    return JP_DOC_PHOTO;
  if (matches_any (s, evidence))
    return JP_DOC_EVIDENCE;
  if (matches_any (s, ncr))
    return JP_DOC_NO_CRIMINAL_RECORD;
  set_ok (ok, FALSE);
  return JP_DOC_PHOTO;
}

const char *
jp_member_role_to_key (JpMemberRole role)
{
  switch (role)
    {
    case JP_MEMBER_ROLE_CHAIR: return "chair";
    case JP_MEMBER_ROLE_SCRUTINEER: return "scrutineer";
    case JP_MEMBER_ROLE_MEMBER:
    default: return "member";
    }
}

const char *
jp_member_role_label (JpMemberRole role)
{
  switch (role)
    {
    case JP_MEMBER_ROLE_CHAIR: return _("Chair");
    case JP_MEMBER_ROLE_SCRUTINEER: return _("Scrutineer");
    case JP_MEMBER_ROLE_MEMBER:
    default: return _("Committee member");
    }
}

JpMemberRole
jp_member_role_from_string (const char *s,
                            gboolean   *ok)
{
  static const char * const member[] = { "member", "评委", "委员", "评审委员", NULL };
  static const char * const chair[] = { "chair", "主任", "主持人", "评审委员会主任", NULL };
  static const char * const scrutineer[] = { "scrutineer", "监票人", "计票人", "总监票人", NULL };

  set_ok (ok, FALSE);
  if (s == NULL)
    return JP_MEMBER_ROLE_MEMBER;
  set_ok (ok, TRUE);
  if (matches_any (s, member))
    return JP_MEMBER_ROLE_MEMBER;
  if (matches_any (s, chair))
    return JP_MEMBER_ROLE_CHAIR;
  if (matches_any (s, scrutineer))
    return JP_MEMBER_ROLE_SCRUTINEER;
  set_ok (ok, FALSE);
  return JP_MEMBER_ROLE_MEMBER;
}

JpTristate
jp_tristate_from_string (const char *s,
                         gboolean   *ok)
{
  static const char * const yes[] = { "是", "yes", "y", "true", "1", "会员", NULL };
  static const char * const no[] = { "否", "no", "n", "false", "0", "不是", "非会员", NULL };

  set_ok (ok, FALSE);
  if (s == NULL)
    return JP_TRISTATE_UNKNOWN;
  set_ok (ok, TRUE);
  if (matches_any (s, yes))
    return JP_TRISTATE_YES;
  if (matches_any (s, no))
    return JP_TRISTATE_NO;
  set_ok (ok, FALSE);
  return JP_TRISTATE_UNKNOWN;
}

const char *
jp_tristate_label (JpTristate t)
{
  switch (t)
    {
    case JP_TRISTATE_YES: return _("Yes");
    case JP_TRISTATE_NO: return _("No");
    case JP_TRISTATE_UNKNOWN:
    default: return "";
    }
}
