/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Shared by the parts of the defence sessions' store (jp-store-defence*.c): a session loaded
 * with everything the rules need (Loaded), what a change of a sheet works on (Target), and
 * the helpers the parts share; each is documented where it is defined. Not for use outside
 * src/store. */

#include <json-glib/json-glib.h>

#include "jp-store-private.h"
#include "jp-store-defence.h"

G_BEGIN_DECLS

/* A revision the chair asked for after a deviation alert (defence_revision). */
typedef struct {
  char     *member;
  char     *candidate;
  char     *scores;
  int       total_halves;
  gint64    median;
  gboolean  revised;
} Revision;

/* A session loaded with everything the rules need (jp_store_defence_load). */
typedef struct {
  JpRound          *round;
  JpDefenceSession *session;
  GPtrArray        *sheets;       /* JpDefenceSheet*: every saved sheet and the agreed paper
                                   * sheets not yet turned into sheets */
  GHashTable       *sheet_of;     /* "member\ncandidate" -> JpDefenceSheet* (borrowed) */
  GHashTable       *conflicts;    /* "member\ncandidate" set */
  GHashTable       *member_ids;   /* member code -> gint64* */
  GPtrArray        *revisions;    /* Revision* */
  gint64            current_id;
} Loaded;

/* What a change of one member's sheet works on: the session loaded in the write
 * transaction, the member, the candidate (NULL when the change is not about one) and the
 * member's sheet for it (NULL when there is none). */
typedef struct {
  Loaded               *l;
  JpDefencePanelMember *m;
  JpDefenceCandidate   *c;
  JpDefenceSheet       *sheet;
} Target;

void
jp_store_defence_add_int (JsonBuilder *b,
                          const char  *key,
                          gint64       value);

void
jp_store_defence_add_str (JsonBuilder *b,
                          const char  *key,
                          const char  *value);

JpDefenceResults *
jp_store_defence_compute_results (Loaded  *l,
                                  GError **error);

int
jp_store_defence_criterion_max_halves (GPtrArray *rubric,
                                       guint      i);

JpDefencePanelMember *
jp_store_defence_find_panel_member (Loaded     *l,
                                    const char *code);

Revision *
jp_store_defence_find_revision (Loaded     *l,
                                const char *member,
                                const char *candidate);

JpDefenceSheet *
jp_store_defence_find_sheet (Loaded     *l,
                             const char *member,
                             const char *candidate);

gboolean
jp_store_defence_is_conflicted (Loaded     *l,
                                const char *member,
                                const char *candidate);

Loaded *
jp_store_defence_load (JpStore  *self,
                       gint64    round_id,
                       GError  **error);

void
jp_store_defence_loaded_free (Loaded *l);

/* Puts `sheet` (transfer full) in place of the member's sheet for its candidate. */
void
jp_store_defence_put_sheet (Loaded         *l,
                            JpDefenceSheet *sheet);

/* (Re)computes each candidate's scorers, N of M and pending members from l's sheets. */
void
jp_store_defence_compute_status (Loaded *l);

gboolean
jp_store_defence_member_exists (JpStore     *self,
                                const char  *code,
                                GError     **error);

JpDefenceCandidate *
jp_store_defence_need_candidate (Loaded      *l,
                                 const char  *code,
                                 GError     **error);

gboolean
jp_store_defence_need_open (Loaded  *l,
                            GError **error);

JpDefencePanelMember *
jp_store_defence_need_panel_member (JpStore     *self,
                                    Loaded      *l,
                                    const char  *code,
                                    GError     **error);

gboolean
jp_store_defence_need_reason (const char  *reason,
                              const char  *what,
                              char       **out,
                              GError     **error);

gboolean
jp_store_defence_need_station_submitted (JpDefenceSheet        *s,
                                         JpDefencePanelMember  *m,
                                         JpDefenceCandidate    *c,
                                         GError               **error);

GPtrArray *
jp_store_defence_paper_compare (JpStore  *self,
                                Loaded   *l,
                                GError  **error);

gboolean
jp_store_defence_reopen_sheet (JpStore               *self,
                               Loaded                *l,
                               JpDefencePanelMember  *m,
                               JpDefenceCandidate    *c,
                               GError               **error);

void
jp_store_defence_revision_free (Revision *r);

char *
jp_store_defence_rubric_to_json (GPtrArray *rubric);

int *
jp_store_defence_scores_from_text (const char *text,
                                   guint       n);

char *
jp_store_defence_scores_to_text (const int *halves,
                                 guint      n);

JpDefenceSheet *
jp_store_defence_sheet_copy (const JpDefenceSheet *s);

/* A copy of m's sheet for c, or a blank one (state NONE, every value -1) when nothing is
 * saved. */
JpDefenceSheet *
jp_store_defence_sheet_or_blank (Loaded                     *l,
                                 const JpDefencePanelMember *m,
                                 const JpDefenceCandidate   *c);

gboolean
jp_store_defence_sheet_counts (const JpDefenceSheet *s);

gboolean
jp_store_defence_target_begin (JpStore  *self,
                               gint64    round_id,
                               Target   *t,
                               GError  **error);

void
jp_store_defence_target_clear (Target *t);

gboolean
jp_store_defence_target_open (JpStore     *self,
                              gint64       round_id,
                              const char  *member,
                              const char  *candidate,
                              Target      *t,
                              GError     **error);

gboolean
jp_store_defence_target_resolve (JpStore     *self,
                                 Target      *t,
                                 const char  *member,
                                 const char  *candidate,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, jp_store_defence_loaded_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, jp_store_defence_target_clear)

G_END_DECLS
