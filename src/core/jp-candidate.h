/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib-object.h>
#include "jp-enums.h"
#include "jp-finding.h"

G_BEGIN_DECLS

/* A file attached to a candidate. The bytes live in the store, keyed by sha256. */
typedef struct {
  char      *sha256;     /* 64 lowercase hex digits */
  JpDocKind  kind;
  int        criterion;  /* 1..6 for evidence supporting a criterion, 0 untagged / n.a. */
  char      *filename;   /* name in the dossier, e.g. "evidence/patent.pdf" */
  char      *mime;       /* "application/pdf", "image/jpeg", "image/png" */
  int        pages;      /* PDF page count; 1 for images */
  gint64     bytes;
} JpDocumentRef;

#define JP_TYPE_DOCUMENT_REF (jp_document_ref_get_type ())
GType          jp_document_ref_get_type (void) G_GNUC_CONST;
JpDocumentRef *jp_document_ref_new  (void);
JpDocumentRef *jp_document_ref_copy (const JpDocumentRef *ref);
void           jp_document_ref_free (JpDocumentRef *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDocumentRef, jp_document_ref_free)

#define JP_TYPE_CANDIDATE (jp_candidate_get_type ())
G_DECLARE_FINAL_TYPE (JpCandidate, jp_candidate, JP, CANDIDATE, GObject)

/* A nominee: every field of the 推荐审批表 plus the nomination data. Plain data: the fields
 * are public and owned by the object (strings are g_free'd in finalize; NULL means empty).
 * Dates are strings: months "YYYY-MM", days "YYYY-MM-DD". */
struct _JpCandidate {
  GObject parent_instance;

  gint64   id;               /* store row id, 0 when not stored yet */

  /* 推荐审批表 */
  char    *name;             /* 姓名 */
  JpSex    sex;              /* 性别 */
  char    *ethnicity;        /* 民族 */
  char    *birth;            /* 出生年月 YYYY-MM */
  char    *political;        /* 政治面貌 */
  char    *education;        /* 文化程度 */
  char    *work_start;       /* 参加工作时间 YYYY-MM */
  char    *id_number;        /* 身份证号, 18 characters, upper-case X */
  char    *employer;         /* 工作单位 (full name) */
  char    *position;         /* 职务/岗位 */
  char    *work_type;        /* 工种 */
  int      years_in_trade;   /* 从事本工种年限, -1 unknown */
  char    *skill_level;      /* 技能等级/职称 */
  char    *phone;            /* 联系电话 */
  JpTristate union_member;   /* 是否工会会员 */
  guint    criteria;         /* 符合选树条件: bit n set for criterion n (1..6) */
  char    *honours;          /* 主要荣誉 */
  char    *summary;          /* 事迹简介 (~300 characters) */
  char    *deeds;            /* 事迹材料 (~2000 characters) */
  char    *fill_date;        /* 填报日期 YYYY-MM-DD */

  /* nomination */
  char    *unit;             /* 推荐单位 (nominating unit name) */
  JpRoute  route;            /* 推荐方式 */
  char    *trade;            /* trade group name (行业组), e.g. "稀土" */
  char    *trade_code;       /* its code prefix ("XT"), NULL while unset */
  JpCandidateStatus status;
  char    *code;             /* anonymous code ("XT-07") once the list is frozen, else NULL */

  /* attachments: documents may be NULL in list views; the counts are always filled */
  GPtrArray *documents;      /* JpDocumentRef*, owned */
  guint    n_photos;
  guint    n_evidence;
  guint    n_evidence_pages;
  gboolean has_no_criminal_record;

  /* findings of the last validation (JpFinding*, owned), NULL when never validated */
  GPtrArray *findings;
};

JpCandidate *jp_candidate_new            (void);
/* number of findings of the given severity (warnings, errors) */
guint        jp_candidate_count_findings (JpCandidate *self,
                                          JpSeverity   severity);
/* "1,4" style list of the criteria bits, newly allocated ("" when none) */
char        *jp_criteria_to_string       (guint criteria);
/* the translated short name of criterion 1..6 ("" otherwise), static */
const char  *jp_criterion_short_label    (int criterion);
/* "2 Skill competitions, 5 Unique skills and crafts": the criteria bits with their short
 * names, translated, newly allocated ("" when none) */
char        *jp_criteria_describe        (guint criteria);
/* parses "1,4", "1、4", "1 4", "①④"; FALSE with an error naming the bad part */
gboolean     jp_criteria_from_string     (const char *s,
                                          guint      *criteria,
                                          GError    **error);
/* recount n_photos, n_evidence, n_evidence_pages, has_no_criminal_record from documents */
void         jp_candidate_update_counts  (JpCandidate *self);

/* Normalises a month written as "1978-04", "1978-4", "1978.04", "1978/04", "1978年4月",
 * "197804" (a day, if given, is ignored) to "1978-04"; NULL when it is not a month.
 * Newly allocated. */
char        *jp_month_normalize          (const char *s);
/* Normalises a day written as "2023-03-05", "2023.3.5", "2023年3月5日", "20230305" to
 * "2023-03-05" (a real calendar date); NULL otherwise. Newly allocated. */
char        *jp_date_normalize           (const char *s);
/* Folds a value typed into a form before it is checked: bytes that are not UTF-8 replaced,
 * NFKC (full-width digits and letters become ASCII, U+3000 a space), blanks trimmed.
 * Newly allocated. */
char        *jp_text_fold                (const char *s);
/* A person's name as typed into a form, tidied: folded like jp_text_fold, blanks next to a
 * Chinese character dropped ("赵　大勇" is 赵大勇), other runs of blanks made one space
 * ("Li  Na" is "Li Na"). Newly allocated. */
char        *jp_name_normalize           (const char *s);
/* Whether two names, tidied by jp_name_normalize, are one character apart (one character
 * changed, added or dropped: 赵大勇 and 赵大永, 李娜 and 李小娜), the kind of difference a
 * typing slip makes; equal names and names of fewer than two characters are not near. */
gboolean     jp_name_is_near             (const char *a,
                                          const char *b);

G_END_DECLS
