/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hash-chained audit log (docs/audit-chain.md). Pure: canonical texts, hashes and the
 * check of a chain read by the store. */

/* The prev_hash of the first entry: 64 zeros. */
#define JP_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct {
  gint64  seq;
  gint64  at;          /* unix seconds */
  char   *actor;
  char   *action;
  char   *payload;     /* the stored JSON text, byte for byte */
  char   *prev_hash;   /* lowercase hex; NULL when the row has none */
  char   *hash;
} JpAuditEntry;

void          jp_audit_entry_free (JpAuditEntry *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpAuditEntry, jp_audit_entry_free)

/* The canonical text an entry's hash is over:
 * {"action":…,"actor":…,"at":N,"payload":"…","prev":"…","seq":N} with the strings written
 * as in docs/result-digest.md (the payload as one JSON string of its stored text).
 * Returns: (transfer full). */
char         *jp_audit_entry_canonical (gint64       seq,
                                        gint64       at,
                                        const char  *actor,
                                        const char  *action,
                                        const char  *payload,
                                        const char  *prev_hash);
/* SHA-256 (lowercase hex) of jp_audit_entry_canonical. Returns: (transfer full). */
char         *jp_audit_entry_hash      (gint64       seq,
                                        gint64       at,
                                        const char  *actor,
                                        const char  *action,
                                        const char  *payload,
                                        const char  *prev_hash);

/* One thing that does not hold. `subject` names what `id` counts: "seq" (an audit entry),
 * "round", "session" (a defence session), "ranking" and "final-list" (id 1); NULL with id 0
 * for the file as a whole. */
typedef struct {
  char   *kind;       /* "hash", "link", "gap", "unchained", "truncated", "anchor", "digest",
                       * "result", "audit", "read" */
  char   *subject;
  gint64  id;
  char   *message;    /* translated, names the entry or round */
} JpAuditProblem;

JpAuditProblem *jp_audit_problem_new  (const char  *kind,
                                       const char  *subject,
                                       gint64       id,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (4, 5);
void            jp_audit_problem_free (JpAuditProblem *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpAuditProblem, jp_audit_problem_free)

/* Checks a chain read oldest first: seq 1, 2, 3… without gaps; each prev_hash the hash of
 * the entry before (JP_AUDIT_GENESIS for the first); each hash the recomputed one.
 * `last_seq` is the highest seq the file ever handed out (SQLite's sequence; 0 if unknown):
 * entries after the last one read were removed when it is higher. Appends JpAuditProblem*
 * to `problems`, one per entry that fails (naming its seq). Returns the chain head (hash of
 * the last entry, recomputed; JP_AUDIT_GENESIS for an empty log). Returns: (transfer full). */
char           *jp_audit_check_chain  (GPtrArray   *entries,
                                       gint64       last_seq,
                                       GPtrArray   *problems);

/* Whether `anchor` (a printed chain head, hex, any case, surrounding blanks ignored) is the
 * hash of one of `entries`; sets *seq to that entry's seq. */
gboolean        jp_audit_find_anchor  (GPtrArray   *entries,
                                       const char  *anchor,
                                       gint64      *seq);

/* What the audit browser shows: every field optional (NULL, "" or 0 = any). Text matches
 * ignore case; `candidate` is looked for in the payload (a code, a name or an id). */
typedef struct {
  const char *actor;      /* part of the actor */
  const char *action;     /* part of the action ("round." for every round entry) */
  const char *candidate;  /* part of the payload */
  gint64      from;       /* unix seconds, inclusive; 0 = from the start */
  gint64      until;      /* unix seconds, exclusive; 0 = to the end */
} JpAuditFilter;

gboolean        jp_audit_entry_matches (const JpAuditEntry  *entry,
                                        const JpAuditFilter *filter);

/* Parses "YYYY-MM-DD" as the start of that day in `tz` (the local zone for NULL); with
 * `next_day` the start of the day after (an inclusive "until" date). Empty text gives 0.
 * Errors (JP_CORE_ERROR_INVALID) name `field`. */
gboolean        jp_audit_parse_day     (const char  *text,
                                        const char  *field,
                                        gboolean     next_day,
                                        GTimeZone   *tz,
                                        gint64      *unix_time,
                                        GError     **error);

G_END_DECLS
