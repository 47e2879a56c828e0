/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-store.h"
#include "core/jp-holidays.h"
#include "core/jp-workdays.h"
#include "core/jp-final-list.h"

G_BEGIN_DECLS

/* Publicity (公示) and the objections register (异议), RULES.md "Publicity" (schema step
 * "publicity": publicity, publicity_candidate, objection). Working days are core's
 * jp-workdays.h; the final list's digest core's jp-final-list.h (docs/final-list.md).
 * Every change is audited: publicity.start, objection.add, objection.decide,
 * publicity.add-candidate, publicity.close. */

/* One candidate as publicized. */
typedef struct {
  gint64    candidate_id;
  guint     position;       /* place on the list publicized (chair's additions after it) */
  char     *code;
  char     *name;
  char     *unit;
  char     *trade;          /* trade code, or its name when it has none */
  gboolean  by_chair;       /* added by the chair's recorded decision */
  char     *reason;         /* that decision: why, who, when */
  char     *decided_by;
  gint64    decided_at;
  gint64    objection_id;   /* > 0: disqualified by this upheld objection */
} JpPublicityCandidate;

typedef struct {
  gboolean   started;
  char      *start;           /* YYYY-MM-DD */
  char      *end;
  guint      working_days;
  GArray    *missing_years;   /* int: years counted without a calendar at the start */
  char      *ranking_digest;  /* the sealed ranking it came from, or NULL */
  char      *approved_by;     /* the chair's meeting (主席会议) */
  char      *approved_at;     /* YYYY-MM-DD */
  char      *started_by;
  gint64     started_at;
  gboolean   closed;
  char      *closed_by;
  gint64     closed_at;
  char      *final_digest;    /* set at the close */
  GPtrArray *candidates;      /* JpPublicityCandidate*, by position */
} JpPublicity;

/* One objection of the register. */
typedef struct {
  gint64    id;
  gint64    candidate_id;
  char     *code;            /* the candidate's */
  char     *name;
  char     *received;        /* YYYY-MM-DD */
  char     *channel;         /* "letter", "phone", "visit" */
  char     *from_kind;       /* "unit", "person", "anonymous" */
  char     *from_name;       /* NULL when anonymous */
  gboolean  sealed;          /* a unit's letter bearing its seal */
  char     *content;
  char     *investigation;   /* NULL until decided */
  char     *outcome;         /* NULL (pending), "upheld", "rejected" */
  char     *handled_by;
  gint64    decided_at;      /* 0 while pending */
  gboolean  late;            /* received after the last day of publicity */
} JpObjection;

void jp_publicity_candidate_free (JpPublicityCandidate *c);
void jp_publicity_free           (JpPublicity *p);
void jp_objection_free           (JpObjection *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPublicity, jp_publicity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpObjection, jp_objection_free)

/* The period publicity would have when started on `start` (YYYY-MM-DD), with the election's
 * publicity_days setting (`days` > 0 overrides it) over `calendar`. Changes nothing.
 * INVALID for a bad date. Returns: (transfer full). */
JpWorkdays  *jp_store_publicity_dates (JpStore                  *self,
                                       const char               *start,
                                       guint                     days,
                                       const JpHolidayCalendar  *calendar,
                                       GError                  **error);

/* Starts publicity on `start` with the sealed ranking's recommended list, approved by the
 * chair's meeting (`approved_by`, on `approved_at`, YYYY-MM-DD; NULL: today). LOCKED naming
 * the stage when the ranking is not sealed or publicity has already started; INVALID for a
 * bad date, a blank approver, or an approval dated after the start. The end date is
 * computed now over `calendar` and stored; `workdays` (may be NULL) receives the period, and
 * its missing_years must be shown to the person. */
gboolean     jp_store_start_publicity (JpStore                  *self,
                                       const char               *start,
                                       const char               *approved_by,
                                       const char               *approved_at,
                                       const JpHolidayCalendar  *calendar,
                                       const char               *actor,
                                       JpWorkdays              **workdays,
                                       GError                  **error);

/* As jp_store_start_publicity, with an explicit list (candidate ids in list order) and the
 * digest of the ranking it came from (may be NULL). jp_store_start_publicity calls it with
 * the sealed ranking's recommended list; tests call it directly. NOT_FOUND for an unknown
 * candidate, INVALID for an empty list or one that names a candidate twice. */
gboolean     jp_store_start_publicity_with (JpStore                  *self,
                                            const char               *start,
                                            const char               *approved_by,
                                            const char               *approved_at,
                                            const gint64             *candidate_ids,
                                            guint                     n_candidates,
                                            const char               *ranking_digest,
                                            const JpHolidayCalendar  *calendar,
                                            const char               *actor,
                                            JpWorkdays              **workdays,
                                            GError                  **error);

/* The publicity state (started FALSE before the start). NULL only on a database error.
 * Returns: (transfer full). */
JpPublicity *jp_store_get_publicity (JpStore  *self,
                                     GError  **error);

/* Logs an objection to the candidate `code` on the list. `from_kind` "unit" (with
 * `from_name` and `sealed`), "person" (with `from_name`) or "anonymous" (no name: logged,
 * marked as such). LOCKED before the start or after the close; NOT_FOUND when `code` is not
 * on the list; INVALID for a bad date (or one before the start or after today), channel or
 * sender, or blank content. Returns the objection's id, 0 on error. */
gint64       jp_store_add_objection (JpStore     *self,
                                     const char  *code,
                                     const char  *received,
                                     const char  *channel,
                                     const char  *from_kind,
                                     const char  *from_name,
                                     gboolean     sealed,
                                     const char  *content,
                                     const char  *actor,
                                     GError     **error);

/* Decides objection `id`: `outcome` "upheld" (the candidate is disqualified; nobody moves
 * up) or "rejected", with the investigation's result and who handled it. NOT_FOUND for an
 * unknown id, CONFLICT when already decided, LOCKED after the close, INVALID for a blank
 * investigation or handler or an unknown outcome. */
gboolean     jp_store_decide_objection (JpStore     *self,
                                        gint64       id,
                                        const char  *outcome,
                                        const char  *investigation,
                                        const char  *handled_by,
                                        const char  *actor,
                                        GError     **error);

/* Every objection, by id. Returns: (transfer full): JpObjection*, or NULL on error. */
GPtrArray   *jp_store_list_objections (JpStore  *self,
                                       GError  **error);

/* The chair's recorded decision to put candidate `code` on the list (after a
 * disqualification: nobody moves up otherwise). LOCKED before the start, after the close, or
 * while nobody is disqualified; CONFLICT when already on the list; NOT_FOUND for an unknown
 * code; INVALID for a blank reason or decider. */
gboolean     jp_store_publicity_add_candidate (JpStore     *self,
                                               const char  *code,
                                               const char  *reason,
                                               const char  *decided_by,
                                               const char  *actor,
                                               GError     **error);

/* The final list as it stands (provisional before the close). When closed, the stored digest
 * is checked against a recomputation: INVALID naming both when they differ.
 * Returns: (transfer full), or NULL. */
JpFinalList *jp_store_get_final_list (JpStore  *self,
                                      GError  **error);

/* Closes publicity and seals the final list with its digest. LOCKED before the start, when
 * already closed, before the day after the end date (by the store's clock), or while an
 * objection is undecided (naming them). Returns: (transfer full): the sealed list; `digest`
 * (may be NULL) receives its digest. */
JpFinalList *jp_store_close_publicity (JpStore     *self,
                                       const char  *actor,
                                       char       **digest,
                                       GError     **error);

G_END_DECLS
