/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "ui/candidates/jp-candidate-list.h"

G_BEGIN_DECLS

typedef enum {
  JP_COLUMN_NAME,
  JP_COLUMN_SEX,
  JP_COLUMN_UNIT,
  JP_COLUMN_TRADE,
  JP_COLUMN_ROUTE,
  JP_COLUMN_STATUS,
  JP_COLUMN_FINDINGS,
  JP_N_COLUMNS
} JpColumn;

/* jp-candidate-list-columns.c: factories and sorters of the column view */
GtkListItemFactory *jp_candidate_column_factory (JpColumn column);
GtkSorter          *jp_candidate_column_sorter  (JpColumn column);
int                 jp_candidate_compare_findings (JpCandidate *a,
                                                   JpCandidate *b);

/* for tests */
GtkEditable         *jp_candidate_list_get_search_entry   (JpCandidateList *self);
GtkDropDown         *jp_candidate_list_get_trade_dropdown (JpCandidateList *self);
GtkDropDown         *jp_candidate_list_get_unit_dropdown  (JpCandidateList *self);
GtkLabel            *jp_candidate_list_get_count_label    (JpCandidateList *self);
/* the empty state shown when the search and filters match nobody */
AdwStatusPage       *jp_candidate_list_get_no_match_page  (JpCandidateList *self);
GtkColumnView       *jp_candidate_list_get_column_view    (JpCandidateList *self);
GtkColumnViewColumn *jp_candidate_list_get_column         (JpCandidateList *self,
                                                           JpColumn         column);

G_END_DECLS
