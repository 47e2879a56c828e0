/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Paper defence score sheets typed in by a scrutineer (`scores enter`, issue 7): the file
 * and the comparison of the two entries. Pure; who may score whom is the store's check. */

typedef struct {
  char  *member;        /* as written, trimmed (NFKC) */
  char  *candidate;     /* code, trimmed (NFKC), ASCII upper case */
  int   *halves;        /* one score per rubric criterion, in halves */
  guint  n_criteria;
  int    total_halves;
  guint  line;          /* 1-based line of the file */
} JpPaperSheet;

void jp_paper_sheet_free (JpPaperSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPaperSheet, jp_paper_sheet_free)

/* Parses a CSV of sheets (jp_csv_parse(): UTF-8 with or without BOM, or GB18030) with the
 * header `member,candidate,<criterion 1 name>,...,<criterion n name>`: the rubric's names in
 * its order (compared after NFKC and trimming; "member" and "candidate" case-insensitively).
 * Every line is checked: the number of fields, an empty member or candidate, each score by
 * jp_points_parse() against its criterion's maximum, a member and candidate given twice.
 * If anything is wrong nothing is accepted: NULL with a JP_CORE_ERROR_PARSE error that names
 * the file and the line of each problem (the first 10, then how many more).
 * `rubric` is a GPtrArray of JpRubricCriterion*.
 * Returns: (transfer full): JpPaperSheet*, in file order; NULL on error. */
GPtrArray *jp_paper_sheets_parse (const char      *data,
                                  gsize            length,
                                  const char      *source_name,
                                  const GPtrArray *rubric,
                                  GError         **error);

/* The differences between two entries of the same paper sheets, as sentences (translated)
 * naming the member, the candidate and the criterion: a sheet in one entry only, or a score
 * that differs. Empty when they agree (the order of the lines does not matter).
 * Returns: (transfer full): char*, sorted by member then candidate. */
GPtrArray *jp_paper_sheets_compare (GPtrArray       *first,
                                    GPtrArray       *second,
                                    const GPtrArray *rubric);

G_END_DECLS
