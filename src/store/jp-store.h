/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>
#include "core/jp-core.h"

G_BEGIN_DECLS

#define JP_STORE_ERROR (jp_store_error_quark ())
GQuark jp_store_error_quark (void);

typedef enum {
  JP_STORE_ERROR_FAILED,        /* any other SQLite failure, message translated */
  JP_STORE_ERROR_NOT_OURS,      /* the file is not a Jiangping election (or not SQLite) */
  JP_STORE_ERROR_TOO_NEW,       /* written by a newer Jiangping: schema version unknown */
  JP_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  JP_STORE_ERROR_EXISTS,        /* create: the file already exists */
  JP_STORE_ERROR_NOT_FOUND,     /* no such candidate / document / file */
  JP_STORE_ERROR_CONFLICT,      /* a unique value is already taken */
  JP_STORE_ERROR_LOCKED,        /* refused: a stage that fixes this has started (freeze, round) */
  JP_STORE_ERROR_INVALID,       /* a value is malformed or breaks a rule; the message says which */
} JpStoreError;

/* SQLite PRAGMA application_id of every Jiangping file ('JPGP'). */
#define JP_STORE_APPLICATION_ID 0x4A504750
/* PRAGMA user_version this build writes. */
#define JP_STORE_SCHEMA_VERSION 12

#define JP_TYPE_STORE (jp_store_get_type ())
G_DECLARE_FINAL_TYPE (JpStore, jp_store, JP, STORE, GObject)

/* Creates a new election file at `path` (fails with EXISTS if it exists), with `election`
 * settings (NULL for the defaults). Schema at the current version, WAL, foreign keys. */
JpStore    *jp_store_create (const char        *path,
                             const JpElection  *election,
                             GError           **error);

/* Opens an existing election file, migrating it forward in one transaction if it is older.
 * Errors: NOT_FOUND (no such file), NOT_OURS (not SQLite, or another application's
 * database), TOO_NEW (schema version newer than this build), READ_ONLY (the file or its
 * folder is not writable; nothing is changed). Messages name the file. Writability is
 * decided by access(2) and, when running as root (which access(2) lets write anything), by
 * the owner's write bit, so a file made read-only (chmod a-w) is refused even for root.
 * A zero-length file is taken as a new election (default settings). Several JpStore objects
 * may be open on one file (WAL; a writer waits up to 5 s for another); each is used from one
 * thread at a time. */
JpStore    *jp_store_open   (const char  *path,
                             GError     **error);

const char *jp_store_get_path           (JpStore *self);
int         jp_store_get_schema_version (JpStore *self);

/* Fixes the clock used for timestamps (audit, created/updated) to `unix_time`, for
 * reproducible files (demo) and tests. 0 returns to the real clock. */
void        jp_store_set_fixed_time (JpStore *self,
                                     gint64   unix_time);

/* ---- change signals (docs/internals.md, "Change signals") ----
 *
 * JpStore::changed (detailed): emitted after a write's transaction commits, once per
 * transaction for each kind of data it changed, never for a write that failed or was rolled
 * back; the writes of a batch are announced together at jp_store_batch_commit. The detail
 * (and the string argument) is one of: "candidates", "reviews", "settings", "trades",
 * "units", "members", "conflicts", "rounds", "defence", "ranking", "publicity", "audit"
 * (every write: the log grew), "evidence" (page rotations, redaction boxes). Emitted on the main context the store was opened in: at once
 * when the commit runs on it, otherwise from an idle source there. Connect to
 * "changed::rounds" for one kind, or to "changed" for all. */
typedef enum {
  JP_STORE_CHANGE_CANDIDATES = 1 << 0,
  JP_STORE_CHANGE_REVIEWS    = 1 << 1,
  JP_STORE_CHANGE_SETTINGS   = 1 << 2,
  JP_STORE_CHANGE_TRADES     = 1 << 3,
  JP_STORE_CHANGE_UNITS      = 1 << 4,
  JP_STORE_CHANGE_MEMBERS    = 1 << 5,
  JP_STORE_CHANGE_CONFLICTS  = 1 << 6,
  JP_STORE_CHANGE_ROUNDS     = 1 << 7,
  JP_STORE_CHANGE_DEFENCE    = 1 << 8,
  JP_STORE_CHANGE_RANKING    = 1 << 9,
  JP_STORE_CHANGE_PUBLICITY  = 1 << 10,
  JP_STORE_CHANGE_AUDIT      = 1 << 11,
  JP_STORE_CHANGE_EVIDENCE   = 1 << 12,
} JpStoreChange;
#define JP_STORE_N_CHANGES 13
#define JP_STORE_CHANGE_ALL ((1u << JP_STORE_N_CHANGES) - 1)

/* The detail string of one change ("candidates", ...). */
const char *jp_store_change_name     (JpStoreChange change);
/* Announces what `self` (a worker's own connection) commits on `target` too (NULL: stop). */
void        jp_store_forward_changes (JpStore *self,
                                      JpStore *target);

/* Group commit: writes between these share one transaction and one sync; each write still
 * succeeds or fails alone (see jp_store_batch_begin). */
gboolean    jp_store_batch_begin  (JpStore  *self,
                                   GError  **error);
gboolean    jp_store_batch_commit (JpStore  *self,
                                   GError  **error);

/* ---- election settings ---- */
JpElection *jp_store_get_election    (JpStore          *self);   /* owned copy */
gboolean    jp_store_update_election (JpStore          *self,
                                      const JpElection *election,
                                      const char       *actor,
                                      GError          **error);

/* ---- trades, units, members ---- */
GPtrArray  *jp_store_list_trades (JpStore *self, GError **error);   /* JpTrade*, by name */
/* Adds a trade (code may be NULL). CONFLICT if the name or code exists. Returns row id. */
gint64      jp_store_add_trade   (JpStore    *self,
                                  const char *code,
                                  const char *name,
                                  gboolean    priority,
                                  const char *actor,
                                  GError    **error);
/* Finds a trade by code or name (case-insensitive code); NULL if none. */
JpTrade    *jp_store_find_trade  (JpStore    *self,
                                  const char *code_or_name);

GPtrArray  *jp_store_list_units  (JpStore *self, GError **error);   /* JpUnit*, by name */
gint64      jp_store_add_unit    (JpStore    *self,
                                  const char *name,
                                  gboolean    pilot,
                                  guint       limit,
                                  const char *actor,
                                  GError    **error);
gboolean    jp_store_set_unit_pilot (JpStore    *self,
                                     const char *name,
                                     gboolean    pilot,
                                     const char *actor,
                                     GError    **error);

GPtrArray  *jp_store_list_members (JpStore *self, GError **error);  /* JpMember*, by code */
gint64      jp_store_add_member   (JpStore        *self,
                                   const JpMember *member,
                                   const char     *actor,
                                   GError        **error);
/* The member with this code (codes compare without case), or `*member` NULL when there is
 * none; FALSE with `error` when the file cannot be read. */
gboolean    jp_store_find_member  (JpStore     *self,
                                   const char  *code,
                                   JpMember   **member,
                                   GError     **error);

/* ---- candidates ---- */

/* A file to attach, with its bytes (already checked by the evidence layer). */
typedef struct {
  JpDocumentRef *ref;   /* sha256 may be NULL: the store computes it */
  GBytes        *data;
} JpDocumentData;

JpDocumentData *jp_document_data_new  (JpDocumentRef *ref /* owned */, GBytes *data);
void            jp_document_data_free (JpDocumentData *d);

typedef enum {
  JP_SAVE_ADDED,
  JP_SAVE_UPDATED,
} JpSaveOutcome;

/* Inserts `candidate`, or updates the stored candidate with the same ID number (never a
 * duplicate; without an ID number, the same name and unit), in one transaction together
 * with its unit and trade (created if new), its documents (blobs stored once per sha256;
 * on update the candidate's document list is replaced when `documents` is non-NULL and kept
 * when NULL) and an audit row. Sets candidate->id. On failure nothing is written.
 * Matching: when candidate->id names a stored row, that row is updated (CONFLICT if the ID
 * number belongs to another candidate). A new unit or trade is created (a new trade without
 * a code); an unknown trade_code with no trade name is NOT_FOUND. Fills in each document
 * ref's sha256 (when NULL) and bytes; on success, with `documents`, candidate->documents
 * becomes a copy of their refs and the counts are updated. */
gboolean    jp_store_save_candidate (JpStore       *self,
                                     JpCandidate   *candidate,
                                     GPtrArray     *documents,  /* JpDocumentData*, or NULL */
                                     const char    *actor,
                                     JpSaveOutcome *outcome,
                                     GError       **error);

/* All candidates, ordered by trade then name, with counts filled and findings computed
 * (jp_validate_candidate with the unit context); documents NULL. A GListStore of
 * JpCandidate, newly built on each call. */
GListModel  *jp_store_list_candidates (JpStore *self, GError **error);
/* The names of the candidates of `unit` (NULL or "": those without a unit), by id.
 * Returns: (transfer full): a NULL-terminated array, or NULL with `error` set. */
GStrv        jp_store_candidate_names_in_unit (JpStore     *self,
                                               const char  *unit,
                                               GError     **error);

/* One candidate with its documents and findings. NOT_FOUND if absent. */
JpCandidate *jp_store_get_candidate   (JpStore *self, gint64 id, GError **error);
JpCandidate *jp_store_find_candidate_by_id_number (JpStore *self, const char *id_number);
/* A candidate with this name nominated by the unit named `unit` (NULL: no unit) whose ID
 * number is not `id_number`, or NULL: a second record for one person? */
JpCandidate *jp_store_find_other_candidate_by_name_unit (JpStore    *self,
                                                         const char *name,
                                                         const char *unit,
                                                         const char *id_number);

/* The bytes of a stored document. NOT_FOUND if absent. */
GBytes      *jp_store_get_document_data (JpStore     *self,
                                         const char  *sha256,
                                         GError     **error);

guint        jp_store_count_candidates (JpStore *self);
guint        jp_store_count_documents  (JpStore *self);   /* distinct blobs */

/* ---- statistics ---- */
typedef struct {
  char  *key;       /* trade name, unit name or route key */
  guint  count;
  gboolean priority; /* trades: a priority trade */
} JpCount;

typedef struct {
  guint      candidates;
  guint      priority_candidates;  /* in priority trades */
  GPtrArray *by_trade;    /* JpCount* */
  GPtrArray *by_unit;     /* JpCount* */
  GPtrArray *by_route;    /* JpCount*, key = jp_route_to_key */
  GPtrArray *by_status;   /* JpCount*, key = jp_status_to_key */
} JpStats;

void      jp_count_free (JpCount *count);
void      jp_stats_free (JpStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpStats, jp_stats_free)
JpStats  *jp_store_get_stats (JpStore *self, GError **error);

/* ---- audit ---- */
/* JpAuditEntry (core/jp-audit.h): seq, at, actor, action ("candidate.add", ...), payload
 * (JSON text), prev_hash, hash (docs/audit-chain.md). */
GPtrArray *jp_store_list_audit (JpStore *self, GError **error);   /* oldest first */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpDocumentData, jp_document_data_free)

G_END_DECLS
