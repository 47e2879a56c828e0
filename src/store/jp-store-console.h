/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The store's part of the host console (issue 3): qualification review, settings, trades and
 * seats, units, members and PINs, conflicts, freezing the candidate list, page rotations.
 * Every write runs in one transaction with its audit row; every rule is checked with the
 * core function that owns it (jp_review_check_decision, jp_settings_change_allowed,
 * jp_seats_check, jp_conflict_same_unit, ...), never re-implemented here. */

#include <json-glib/json-glib.h>

#include "jp-store.h"
#include "core/jp-codes.h"
#include "core/jp-member-rules.h"
#include "core/jp-qualify.h"
#include "core/jp-seats.h"
#include "core/jp-settings.h"

G_BEGIN_DECLS

/* Schema 3 adds: review, review_evidence, election.settings_ini, election.frozen_at,
 * trade.seats (NULL = automatic), candidate.code / code_position (unique), member.pin_iterations
 * and pin_set_at, document_rotation. */

/* ---- what has started (drives the setting locks) ---- */

/* The locks in force: none until issue 4 adds rounds; the freeze does not lock settings but
 * fixes the candidate list (see jp_store_is_frozen). */
JpStageLocks jp_store_get_stage_locks (JpStore *self);
/* The same locks, or FALSE with `error` set when the file cannot be read. Use this where a
 * lock refuses a change: an unread lock must not read as "unlocked". */
gboolean     jp_store_read_stage_locks (JpStore       *self,
                                        JpStageLocks  *locks,
                                        GError       **error);
/* Whether the candidate list is frozen, in `*frozen`. FALSE with `error` set when it cannot
 * be read: an unread freeze must not read as "not frozen". */
gboolean     jp_store_is_frozen       (JpStore   *self,
                                       gboolean  *frozen,
                                       GError   **error);
/* When the candidate list was frozen (unix seconds), 0 while it is not. */
gint64       jp_store_get_frozen_at   (JpStore *self);

/* ---- qualification review ---- */

/* The stored review of a candidate, or a new pending one (decision NONE) if none yet.
 * NOT_FOUND if the candidate does not exist. */
JpReview  *jp_store_get_review   (JpStore  *self,
                                  gint64    candidate_id,
                                  GError  **error);

/* The review as JSON, the one form of it: the payload audit "review.decide" records and what
 * `jiangping-cli qualify --json` prints. An object {candidate_id, name, decision, criteria
 * [n...], evidence {"n": [sha256...]}, exclusions [{key, note}], reason, decided_by,
 * decided_at}. Returns: (transfer full). */
JsonNode  *jp_store_review_to_json (const JpReview    *review,
                                    const JpCandidate *candidate);

/* Records `review` (its criteria, evidence links, exclusions, decision and reason) after
 * jp_review_check_decision on the stored candidate; sets decided_by = actor and decided_at =
 * now; sets the candidate's status (qualified / returned / submitted for NONE). Refused
 * (JP_STORE_ERROR_LOCKED) after the freeze when it would change the candidate's decision.
 * `warnings` (may be NULL) receives the non-blocking findings. Audit "review.decide" with the
 * whole review as payload; a re-review is a new audit row (history). */
gboolean   jp_store_save_review  (JpStore    *self,
                                  JpReview   *review,
                                  const char *actor,
                                  GPtrArray **warnings,
                                  GError    **error);

/* All reviews that exist (JpReview*), by candidate id. */
GPtrArray *jp_store_list_reviews (JpStore *self, GError **error);

/* Reviewed N of M overall and per trade (trade names). */
JpReviewProgress *jp_store_get_review_progress (JpStore *self, GError **error);

/* The audit entries about one candidate (candidate.add/update, review.decide), oldest first. */
GPtrArray *jp_store_list_candidate_history (JpStore  *self,
                                            gint64    candidate_id,
                                            GError  **error);

/* ---- settings ---- */

JpSettings *jp_store_get_settings    (JpStore *self);   /* owned copy; defaults if unset */
/* Validates (errors from jp_settings_validate refuse), checks jp_settings_change_allowed
 * against the current locks, stores, audits "settings.update" with the changed keys. */
gboolean    jp_store_update_settings (JpStore          *self,
                                      const JpSettings *settings,
                                      const char       *actor,
                                      GError          **error);
/* jp_store_update_election also checks jp_election_change_allowed from now on. */

/* ---- trades and seats ---- */

/* Changes a trade's code, name and priority flag. CONFLICT if the code or name is taken;
 * LOCKED when changing the code after the freeze. Codes are upper-case ASCII letters and
 * digits, 1-6 characters (else JP_STORE_ERROR_INVALID naming the value). */
gboolean    jp_store_update_trade (JpStore    *self,
                                   gint64      trade_id,
                                   const char *code,
                                   const char *name,
                                   gboolean    priority,
                                   const char *actor,
                                   GError    **error);
/* Removes a trade without candidates; CONFLICT otherwise. */
gboolean    jp_store_delete_trade (JpStore *self, gint64 trade_id, const char *actor, GError **error);

/* JpSeatRow and JpSeatPlan are the core's (core/jp-seats.h). */
JpSeatPlan *jp_store_get_seat_plan  (JpStore *self, GError **error);
/* Sets a trade's seats (-1 returns it to automatic). Refused with the core's message when
 * jp_seats_change_allowed says no (locks) or jp_seats_check gives an error for the new plan. */
gboolean    jp_store_set_trade_seats (JpStore    *self,
                                      gint64      trade_id,
                                      int         seats,
                                      const char *actor,
                                      GError    **error);

/* ---- units ---- */
gboolean    jp_store_update_unit (JpStore    *self,
                                  gint64      unit_id,
                                  const char *name,
                                  gboolean    pilot,
                                  guint       limit,   /* 0 = default for the pilot flag */
                                  const char *actor,
                                  GError    **error);

/* ---- members ---- */
gboolean    jp_store_update_member (JpStore        *self,
                                    const JpMember *member,   /* matched by id */
                                    const char     *actor,
                                    GError        **error);
/* Removes a member (and their conflicts); refused once a round exists (issue 4). */
gboolean    jp_store_delete_member (JpStore *self, gint64 member_id, const char *actor,
                                    GError **error);
/* Generates a new PIN for the member (cryptographic randomness, jp_pin_generate), stores only
 * its salted hash (jp_pin_hash, 16 random salt bytes, JP_PIN_ITERATIONS), audits "member.pin"
 * (without the PIN) and returns the PIN: the only time it is ever shown. NOT_FOUND naming the
 * code if there is no such member. */
char       *jp_store_member_new_pin   (JpStore    *self,
                                       const char *member_code,
                                       const char *actor,
                                       GError    **error);
/* `*matches` TRUE when the member exists, has a PIN and `pin` matches (jp_pin_verify).
 * FALSE with `error` set when the member cannot be read. */
gboolean    jp_store_member_check_pin (JpStore     *self,
                                       const char  *member_code,
                                       const char  *pin,
                                       gboolean    *matches,
                                       GError     **error);
/* `*has_pin` TRUE when the member exists and has a PIN. FALSE with `error` set when the
 * member cannot be read. */
gboolean    jp_store_member_has_pin   (JpStore     *self,
                                       const char  *member_code,
                                       gboolean    *has_pin,
                                       GError     **error);
/* The stored PIN of the member with exactly this code, to check off the main thread with
 * jp_pin_verify(): `*hash` (transfer full) the hex hash, `salt` JP_STORE_PIN_SALT_BYTES bytes,
 * `*iterations`. TRUE with `*hash` NULL when the member has no PIN (none issued, or revoked);
 * FALSE with NOT_FOUND for an unknown code, or a database error. */
#define JP_STORE_PIN_SALT_BYTES 16
gboolean    jp_store_member_get_pin   (JpStore     *self,
                                       const char  *member_code,
                                       char       **hash,
                                       guint8      *salt,
                                       guint       *iterations,
                                       GError     **error);
/* Revokes every member's PIN (clears hash and salt): nobody can log in until new PINs are
 * issued. Audits "member.pins-revoked" with the number revoked, which goes to
 * `n_revoked` (may be NULL). */
gboolean    jp_store_revoke_pins      (JpStore     *self,
                                       const char  *actor,
                                       guint       *n_revoked,
                                       GError     **error);

/* ---- conflicts (回避) ---- */
typedef struct {
  gint64          id;             /* 0 for automatic ones (not stored) */
  char           *member_code;
  char           *member_name;
  gint64          candidate_id;
  char           *candidate_name;
  JpConflictKind  kind;
  JpConflictType  type;           /* declared ones */
  char           *note;
} JpConflict;

void        jp_conflict_free (JpConflict *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpConflict, jp_conflict_free)
/* Declared conflicts (stored) and automatic same-unit ones (computed with
 * jp_conflict_same_unit), by member code then candidate name. */
GPtrArray  *jp_store_list_conflicts  (JpStore *self, GError **error);
gint64      jp_store_add_conflict    (JpStore        *self,
                                      const char     *member_code,
                                      gint64          candidate_id,
                                      JpConflictType  type,
                                      const char     *note,
                                      const char     *actor,
                                      GError        **error);
gboolean    jp_store_remove_conflict (JpStore *self, gint64 conflict_id, const char *actor,
                                      GError **error);
/* Whether member and candidate are conflicted (declared or same unit), in `*conflicted`
 * (FALSE for an unknown member or candidate). FALSE with `error` set when the file cannot be
 * read: a failure is never taken for "not conflicted". */
gboolean    jp_store_is_conflicted   (JpStore     *self,
                                      const char  *member_code,
                                      gint64       candidate_id,
                                      gboolean    *conflicted,
                                      GError     **error);

/* ---- freezing the candidate list ---- */
/* Draws the anonymous codes of the qualified candidates of every trade (jp_codes_draw with
 * random bytes from getrandom(2)), stores them, records the draw (codes and the random bytes
 * as hex) in the audit log ("candidates.freeze"), and sets election.frozen_at. Refused with a
 * message saying what to do when: already frozen (LOCKED), candidates still pending review
 * (names the count), a trade with qualified candidates has no code (names the trade), or no
 * candidate is qualified. Returns JpCodeAssignment* of all trades, by trade then position. */
GPtrArray  *jp_store_freeze (JpStore *self, const char *actor, GError **error);

/* ---- page rotations of evidence (viewer) ---- */
/* Rotations saved for a document: an array of int degrees (0/90/180/270) indexed by page
 * (0-based), as long as the highest saved page + 1; empty if none; NULL with `error` set when
 * they cannot be read. */
GArray     *jp_store_get_page_rotations (JpStore     *self,
                                         const char  *sha256,
                                         GError     **error);
gboolean    jp_store_set_page_rotation  (JpStore    *self,
                                         const char *sha256,
                                         int         page,
                                         int         degrees,
                                         GError    **error);

/* ---- the chair's redaction boxes (schema 5) ---- */

/* A box the chair drew over a page of an evidence document, burnt black into the anonymised
 * copies: 0-based page, rectangle in unrotated page points with a top-left origin. */
typedef struct {
  gint64  id;
  char   *sha256;
  int     page;
  double  x;
  double  y;
  double  width;
  double  height;
  char   *created_by;
  gint64  created_at;
} JpRedactionBox;

void        jp_redaction_box_free (JpRedactionBox *box);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRedactionBox, jp_redaction_box_free)

/* Adds a box to document `sha256` (any case). NOT_FOUND for an unknown document; INVALID
 * (naming the page) for a page outside the document, a negative or non-finite position, or
 * a width or height that is not positive. Audit "redaction.add" with the box. Returns the
 * new box id, 0 on error. */
gint64      jp_store_add_redaction_box    (JpStore     *self,
                                           const char  *sha256,
                                           int          page,
                                           double       x,
                                           double       y,
                                           double       width,
                                           double       height,
                                           const char  *actor,
                                           GError     **error);
/* The boxes of one document by page, then in the order they were drawn. Returns: (transfer
 * full): JpRedactionBox*, empty when none; NULL with `error` on a database failure. */
GPtrArray  *jp_store_list_redaction_boxes (JpStore     *self,
                                           const char  *sha256,
                                           GError     **error);
/* The row id of a candidate whose evidence (or other document) `sha256` is, the lowest when
 * several share the file; 0 when no candidate has it. */
gint64      jp_store_document_candidate   (JpStore     *self,
                                           const char  *sha256);
/* Removes box `id`. NOT_FOUND if there is no such box. Audit "redaction.remove". */
gboolean    jp_store_remove_redaction_box (JpStore     *self,
                                           gint64       id,
                                           const char  *actor,
                                           GError     **error);

G_END_DECLS
