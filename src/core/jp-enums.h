/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JP_CORE_ERROR (jp_core_error_quark ())
GQuark jp_core_error_quark (void);

typedef enum {
  JP_CORE_ERROR_INVALID,    /* a value is malformed (the message names it) */
  JP_CORE_ERROR_PARSE,      /* a file could not be parsed (the message names file and line) */
  JP_CORE_ERROR_ENCODING,   /* text is neither UTF-8 nor GB18030 */
} JpCoreError;

typedef enum {
  JP_SEX_UNKNOWN = 0,
  JP_SEX_MALE,
  JP_SEX_FEMALE,
} JpSex;

/* 推荐方式 */
typedef enum {
  JP_ROUTE_UNKNOWN = 0,
  JP_ROUTE_UNIT,            /* 单位推荐 */
  JP_ROUTE_SOCIAL,          /* 社会推荐 */
  JP_ROUTE_SELF,            /* 个人自荐 */
} JpRoute;

typedef enum {
  JP_STATUS_SUBMITTED = 0,  /* 待审查 */
  JP_STATUS_QUALIFIED,      /* 合格 */
  JP_STATUS_RETURNED,       /* 退回 */
} JpCandidateStatus;

typedef enum {
  JP_DOC_PHOTO = 0,
  JP_DOC_EVIDENCE,
  JP_DOC_NO_CRIMINAL_RECORD, /* 无违法犯罪记录证明 */
} JpDocKind;

typedef enum {
  JP_TRISTATE_UNKNOWN = -1,
  JP_TRISTATE_NO = 0,
  JP_TRISTATE_YES = 1,
} JpTristate;

typedef enum {
  JP_MEMBER_ROLE_MEMBER = 0,
  JP_MEMBER_ROLE_CHAIR,
  JP_MEMBER_ROLE_SCRUTINEER,
} JpMemberRole;

/* Stable English keys used in the database and in JSON ("male", "unit", "qualified", ...).
 * Each *_to_key returns a static string; each *_from_string accepts the key, the Chinese
 * label and common variants, and returns the UNKNOWN / default value when nothing matches
 * (check with the `ok` out-parameter). */
const char        *jp_sex_to_key          (JpSex sex);
const char        *jp_sex_label           (JpSex sex);
JpSex              jp_sex_from_string     (const char *s, gboolean *ok);

const char        *jp_route_to_key        (JpRoute route);
const char        *jp_route_label         (JpRoute route);
JpRoute            jp_route_from_string   (const char *s, gboolean *ok);

const char        *jp_status_to_key       (JpCandidateStatus status);
const char        *jp_status_label        (JpCandidateStatus status);
JpCandidateStatus  jp_status_from_string  (const char *s, gboolean *ok);

const char        *jp_doc_kind_to_key     (JpDocKind kind);
const char        *jp_doc_kind_label      (JpDocKind kind);
JpDocKind          jp_doc_kind_from_string (const char *s, gboolean *ok);

const char        *jp_member_role_to_key  (JpMemberRole role);
const char        *jp_member_role_label   (JpMemberRole role);
JpMemberRole       jp_member_role_from_string (const char *s, gboolean *ok);

/* "是/否/yes/no/true/false/1/0" -> tristate; anything else UNKNOWN with *ok = FALSE */
JpTristate         jp_tristate_from_string (const char *s, gboolean *ok);
const char        *jp_tristate_label      (JpTristate t);

G_END_DECLS
