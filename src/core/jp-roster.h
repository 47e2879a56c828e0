/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-candidate.h"
#include "jp-csv.h"

G_BEGIN_DECLS

/* One row of a 候选人汇总表 turned into a candidate. */
typedef struct {
  guint        line;        /* line of the row in the file */
  JpCandidate *candidate;   /* owned */
  char        *refusal;     /* non-NULL: the row must not be imported, and why (names the
                             * file and line), e.g. an ID number a spreadsheet turned into
                             * a number */
} JpRosterRow;

typedef struct {
  GPtrArray *rows;          /* JpRosterRow*, owned */
  GPtrArray *problems;      /* JpFinding*: unknown columns, duplicate rows, bad values;
                             * each message names the file and line */
  GPtrArray *unknown_columns; /* char*: header names that match no field */
} JpRoster;

void      jp_roster_free (JpRoster *roster);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRoster, jp_roster_free)

/* Maps a CSV table whose first row is a header to candidates. Headers are matched to fields
 * by their Chinese names on Annex 3 (序号, 推荐单位, 姓名, 性别, 民族, 出生年月, 政治面貌, 文化程度,
 * 工作单位及职务, 工种, 技能等级/职称, 主要荣誉, 符合条件, 联系电话) and common variants and extra
 * columns (身份证号, 行业/行业组/评审组 for the trade, 推荐方式, 是否工会会员, ...); whitespace and
 * full-width punctuation in headers are ignored. "工作单位及职务" is split into employer and
 * position at the last space if there is one. Rows that repeat an earlier row (same ID number,
 * or same name and unit when there is no ID number) are dropped with a problem naming both
 * lines. Fails only when there is no usable header (no 姓名 column). */
JpRoster *jp_roster_from_csv (JpCsvTable *table,
                              const char *source_name,
                              GError    **error);

G_END_DECLS
