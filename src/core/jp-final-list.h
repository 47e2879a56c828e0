/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The final list (RULES.md "Publicity"; docs/final-list.md): the candidates publicized, less
 * those an upheld objection disqualified, plus those the chair moved up by a recorded
 * decision; sealed at the close of publicity with a digest over a canonical text. Pure. */

typedef struct {
  char     *code;
  char     *name;
  char     *unit;           /* the nominating unit, or NULL */
  char     *trade;          /* the trade's code (its name when it has none), or NULL */
  gboolean  by_chair;       /* moved up by the chair's recorded decision, not on the list */
  gint64    objection_id;   /* > 0: disqualified by this upheld objection */
} JpFinalEntry;

typedef struct {
  char      *election;        /* the election's title */
  char      *start;           /* publicity, YYYY-MM-DD */
  char      *end;
  guint      working_days;
  char      *approved_by;     /* the chair's meeting (主席会议): who approved the list */
  char      *approved_at;     /* and when, YYYY-MM-DD */
  char      *ranking_digest;  /* the sealed ranking the list came from, or NULL */
  GPtrArray *entries;         /* JpFinalEntry*, in the order publicized (chair's additions
                               * after the list, in the order decided) */
} JpFinalList;

void         jp_final_entry_free (JpFinalEntry *entry);
JpFinalList *jp_final_list_new   (void);
void         jp_final_list_free  (JpFinalList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpFinalList, jp_final_list_free)

/* The canonical text: one line of JSON, keys in byte order, no white space (strings as
 * jp_canonical_append_string):
 * {"approved":{"at":…,"by":…},"days":N,"disqualified":[{"code":…,"name":…,"objection":ID},…],
 *  "election":…,"end":…,"final":[{"code":…,"name":…,"place":1,"source":"ranking"|"chair",
 *  "trade":…,"unit":…},…],"ranking":…|null,"start":…}
 * "final" lists the entries not disqualified, numbered 1.. in list order; "disqualified"
 * the others, in list order. A missing unit or trade is null.
 * Returns: (transfer full). */
char        *jp_final_list_canonical (const JpFinalList *list);
/* SHA-256 of the canonical text, 64 lowercase hex digits. Returns: (transfer full). */
char        *jp_final_list_digest    (const JpFinalList *list);

G_END_DECLS
