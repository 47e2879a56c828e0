/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The tables the secretariat exports for spreadsheets (issue 8): the candidate list and the
 * results of the ballot rounds, as plain JpSheet tables with translated column titles. The
 * documents layer writes them (jp_export_write). */

#include "jp-store.h"
#include "core/jp-sheet.h"

G_BEGIN_DECLS

typedef enum {
  JP_EXPORT_CANDIDATES = 0,   /* every candidate: unit, trade, ID number, qualification */
  JP_EXPORT_RESULTS,          /* each closed ballot round: votes per candidate, finalists */
} JpExportWhat;

/* "candidates", "results"; parse returns FALSE for anything else. */
const char *jp_export_what_to_key   (JpExportWhat  what);
gboolean    jp_export_what_from_key (const char   *key,
                                     JpExportWhat *what);

/* The table of `what`, read in one go from the election.
 * Candidates: one row per candidate, by trade then name (jp_store_list_candidates), with the
 * anonymous code once frozen, the ID number and phone as DIGITS columns, the years in the
 * trade and the evidence count as numbers, the qualification state and the reviewer's note.
 * Results: one row per candidate of every closed or sealed ballot round (by trade name, then
 * round number; within a round by votes as in the tally), with the round's ballot counts,
 * the candidate's votes, rank and outcome, and whether the candidate is a finalist of the
 * trade so far (jp_store_finalists). A round whose tally no longer matches its digest fails
 * the whole export (the file was altered): nothing is exported that a recount would refute.
 * Returns: (transfer full): the sheet, or NULL with `error` set. */
JpSheet    *jp_store_export_sheet (JpStore       *self,
                                   JpExportWhat   what,
                                   GError       **error);

G_END_DECLS
