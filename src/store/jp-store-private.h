/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Internals shared by the store's .c files (and its tests). Only the store includes this. */

#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "jp-store.h"
#include "jp-store-rounds.h"
#include "core/jp-ranking.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _JpStore {
  GObject  parent_instance;

  gboolean in_batch;   /* inside jp_store_batch_begin: each write is a savepoint */
  GArray  *ballot_rounds;  /* gint64: rounds whose ballots the running batch wrote, to
                            * lay out again before its commit (docs/ballot-secrecy.md) */
  gboolean wal_has_ballots; /* the -wal file may hold ballot pages: empty it when we can */
  GHashTable *tally_memo;   /* round id -> checked JpTally, only between
                             * jp_store_tally_memo_begin and _end (jp-store-round-tally.c) */
  guint    tally_memo_depth;
  GPtrArray  *rounds_memo;     /* every round (JpRound*), and the finalists */
  GPtrArray  *finalists_memo;  /* (JpTradeFinalists*), kept like tally_memo */

  /* change signals (jp-store-changes.c) */
  GMainContext *context;      /* where JpStore::changed is emitted */
  guint    changes_write;     /* JpStoreChange of the running write */
  guint    changes_batch;     /* of the writes a running batch has released */
  JpStore *changes_target;    /* jp_store_forward_changes */

  char    *path;
  sqlite3 *db;
  int      schema_version;
  gint64   fixed_time;
  int      auto_backup_keep;  /* > 0: a backup at every stage change (jp_store_stage_changed) */
};

/* jp-store-changes.c */

/* What a write with audit action `action` changed (JpStoreChange bits). */
guint       jp_store_changes_for_action    (const char *action);
/* Marks `changes` (JpStoreChange bits) as written by the running write. */
void        jp_store_mark_changed          (JpStore *self,
                                            guint    changes);
/* Transaction hooks, called by jp_store_begin / commit / rollback and the batch. */
void        jp_store_changes_begin         (JpStore *self);
void        jp_store_changes_released      (JpStore *self);
void        jp_store_changes_discard       (JpStore *self);
void        jp_store_changes_discard_batch (JpStore *self);
/* After COMMIT: announces what the transaction changed (and clears it). */
void        jp_store_changes_committed     (JpStore *self);
/* jp-store.c: emits JpStore::changed with `detail`. */
void        jp_store_emit_changed          (JpStore    *self,
                                            const char *detail);
/* jp-store-round-tally.c */

/* Inside begin .. end (nested calls allowed), jp_store_get_tally counts a closed round once
 * and hands out copies of that checked tally: for one read-only computation (the composite
 * ranking) that asks for the same tallies several times. Nothing writes in between; the
 * memo is dropped at the outermost end, so no later call sees it. */
void        jp_store_tally_memo_begin (JpStore *self);
void        jp_store_tally_memo_end   (JpStore *self);
/* Every round (jp_store_list_rounds (self, NULL)), listed once between memo begin and end,
 * and a new reference to that list (read-only) for each caller; outside, a fresh list. */
GPtrArray  *jp_store_memo_rounds      (JpStore  *self,
                                       GError  **error);

/* jp-store-schema.c */

/* Number of migration steps; step i (1-based) takes a file from version i-1 to i. */
guint       jp_store_schema_n_steps (void);
/* SQL of step `version` (1..n), for the migration code and for tests that write old files. */
const char *jp_store_schema_step    (guint version);
/* Runs steps from+1..to inside the caller's transaction and sets user_version and
 * application_id. */
gboolean    jp_store_schema_migrate (JpStore  *self,
                                     int       from,
                                     int       to,
                                     GError  **error);

/* jp-store.c */

gint64      jp_store_now       (JpStore *self);
/* Sets `error` from the connection's last error for `rc`, with a message naming the file
 * and saying what to do. Always returns FALSE. */
gboolean    jp_store_set_error (JpStore   *self,
                                int        rc,
                                GError   **error);
gboolean    jp_store_exec      (JpStore    *self,
                                const char *sql,
                                GError    **error);
sqlite3_stmt *jp_store_prepare (JpStore    *self,
                                const char *sql,
                                GError    **error);
/* Steps a statement that returns no rows (SQLITE_DONE expected). */
gboolean    jp_store_step_done (JpStore      *self,
                                sqlite3_stmt *stmt,
                                GError      **error);
/* Steps `stmt` to its next row. TRUE: a row is ready to read. FALSE: no more rows, and
 * `*ok` says how the rows ended: TRUE when all were read, FALSE with `error` set when
 * stepping failed (busy, interrupted, a damaged file), so a loop never mistakes a failure
 * for the end of its rows:
 *   while (jp_store_rows_next (self, stmt, &ok, error)) { ... }
 *   if (!ok) return NULL; */
gboolean    jp_store_rows_next (JpStore      *self,
                                sqlite3_stmt *stmt,
                                gboolean     *ok,
                                GError      **error);
/* Runs a prepared one-row query and reads its first column as an integer into `*value`
 * (0 when it returns no row). FALSE with `error` set when the query fails. */
gboolean    jp_store_query_int (JpStore      *self,
                                sqlite3_stmt *stmt,
                                gint64       *value,
                                GError      **error);
gboolean    jp_store_begin     (JpStore *self,
                                GError **error);
gboolean    jp_store_commit    (JpStore *self,
                                GError **error);
void        jp_store_rollback  (JpStore *self);
/* Appends an audit row; `payload` (may be NULL for "{}") is a finished builder. */
gboolean    jp_store_audit     (JpStore     *self,
                                const char  *actor,
                                const char  *action,
                                JsonBuilder *payload,
                                GError     **error);
/* The end of a write: appends its audit row (as jp_store_audit) and commits the transaction
 * jp_store_begin opened. On failure the transaction is rolled back and FALSE returned with
 * `error`, so a caller returns at once. */
gboolean    jp_store_audit_commit (JpStore     *self,
                                   const char  *actor,
                                   const char  *action,
                                   JsonBuilder *payload,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* jp-store-members.c: a member's trade links and the "member.*" audit payload, for
 * jp_store_add_member (jp-store-setup.c) and jp_store_update_member alike. */
gboolean    jp_store_member_set_trades (JpStore         *self,
                                        gint64           member_id,
                                        const JpMember  *member,
                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void        jp_store_member_payload (JsonBuilder    *payload,
                                     gint64          id,
                                     const JpMember *member);

/* Binds a string, NULL (or "") as SQL NULL. */
int         jp_store_bind_text (sqlite3_stmt *stmt,
                                int           index,
                                const char   *text);
/* A column's text as a newly allocated string, NULL for SQL NULL. */
/* Lowercase hex of `len` bytes, newly allocated. */
char       *jp_store_hex        (const guint8 *bytes,
                                 gsize         len);
char       *jp_store_column_dup (sqlite3_stmt *stmt,
                                 int           column);

/* jp-store-setup.c */

/* Row id of the unit / trade a candidate names, created (with an audit row) when new; 0 for
 * none given. The trade is found by code, then by name; a new trade has no code. */
gboolean    jp_store_ensure_unit  (JpStore     *self,
                                   const char  *name,
                                   const char  *actor,
                                   gint64      *id,
                                   GError     **error);
gboolean    jp_store_ensure_trade (JpStore     *self,
                                   const char  *code,
                                   const char  *name,
                                   const char  *actor,
                                   gint64      *id,
                                   GError     **error);

/* jp-random.c */

/* jp_random_bytes() under the store's older name. */
gboolean    jp_store_random_bytes (guint8  *buf,
                                   gsize    len,
                                   GError **error);

/* jp-store-console.c */

/* Rewrites a core (JP_CORE_ERROR) refusal as a store error of `code`, keeping the core's
 * message. Always returns FALSE. */
gboolean    jp_store_take_core_error (GError       **error,
                                      JpStoreError   code,
                                      GError        *core_error);

/* jp-store-rounds.c */

/* Loads a round with its candidates and counts; NOT_FOUND naming the id. */
JpRound    *jp_store_load_round (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error);
/* The tally of a round recounted from its stored ballots, its digest made with the recipe
 * the round was closed with (round->digest_version). Does not compare. */
JpTally    *jp_store_recount_round (JpStore  *self,
                                    JpRound  *round,
                                    GError  **error);
/* Appends a chained audit row (docs/audit-chain.md) with `json` as its payload text. */
gboolean    jp_store_audit_text (JpStore     *self,
                                 const char  *actor,
                                 const char  *action,
                                 const char  *json,
                                 GError     **error);
/* A stage changed (round closed, round sealed; defence sessions, the ranking and publicity
 * call it too): after the commit, writes the automatic backup when the host turned them on
 * (jp_store_set_auto_backup). A failed backup emits JpStore::backup-failed with a message
 * for the person (the change itself is done). */
void        jp_store_stage_changed (JpStore    *self,
                                    const char *reason);
/* Emits JpStore::backup-failed with `message`. */
void        jp_store_emit_backup_failed (JpStore    *self,
                                         const char *message);
/* For jp_store_verify: the recomputations behind the seals, without comparing them.
 * The canonical text of a closed defence session from its stored sheets (docs/defence.md). */
char       *jp_store_defence_recompute_text (JpStore  *self,
                                             gint64    round_id,
                                             GError  **error);
/* The ranking recomputed from the stored stages (not compared with the seal). */
JpRanking  *jp_store_ranking_recompute      (JpStore  *self,
                                             GError  **error);
/* The closed publicity's final list recomputed: its digest, and the stored one (NULL when
 * publicity is not closed). FALSE with `error` when it cannot be built. */
gboolean    jp_store_final_list_recompute   (JpStore  *self,
                                             char    **recomputed,
                                             char    **stored,
                                             GError  **error);
/* The SQL function jp_audit_chain_build() the migration "audit chain" calls. */
gboolean    jp_store_register_functions (JpStore  *self,
                                         GError  **error);

/* Checkpoints the WAL into the file and cuts the -wal file to zero bytes. With `wait` FALSE
 * it gives up at once (BUSY) when another connection still reads an older state; with TRUE it
 * waits for it as long as the connection's busy timeout. */
gboolean    jp_store_truncate_wal (JpStore  *self,
                                   gboolean  wait,
                                   GError  **error);

/* jp-store-ballots.c */

/* Paper entry, the same for paper ballots (table paper_entry) and paper score sheets
 * (defence_paper_entry): a pile is typed twice, pass 1 and pass 2, by two scrutineers, and
 * the round closes only when the passes agree. */
typedef enum {
  JP_PAPER_BALLOTS,
  JP_PAPER_SHEETS,
} JpPaperKind;

/* Who typed `pass` of round `round_id` (NULL while nobody has). */
gboolean    jp_store_paper_entered_by (JpStore      *self,
                                       JpPaperKind   kind,
                                       gint64        round_id,
                                       int           pass,
                                       char        **entered_by,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* One pass of a pile: typed by `entered_by`. */
typedef struct {
  JpPaperKind  kind;
  gint64       round_id;
  int          pass;       /* 1 or 2 */
  const char  *entered_by;
} JpPaperPass;

/* Inside the caller's transaction: refuses (INVALID) when the same person typed the other
 * pass, then empties this pass for the rows typed again. */
gboolean    jp_store_paper_pass_begin  (JpStore            *self,
                                        const JpPaperPass  *pass,
                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Audits the `count` rows of the pass typed from `source_name` ("paper.enter" or
 * "defence.paper") and commits; rolls back on failure. */
gboolean    jp_store_paper_pass_commit (JpStore            *self,
                                        const JpPaperPass  *pass,
                                        const char         *source_name,
                                        guint               count,
                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;


/* Inside the caller's transaction: deletes and writes again the ballot rows and roster rows of
 * `round_id` (0: of every round) in key order, so that their cells lie in the pages in serial
 * order and member order, not in the order they were cast; with secure_delete the old cells
 * are overwritten with zeros. The triggers that forbid changing a ballot are off for this
 * connection while it runs, and only then. */
gboolean    jp_store_ballots_lay_out (JpStore  *self,
                                      gint64    round_id,
                                      GError  **error);
/* After a commit that wrote ballots: empties the WAL without waiting when it can (see
 * docs/ballot-secrecy.md); when another reader keeps it, the next commit tries again. */
void        jp_store_ballots_committed (JpStore *self);

/* Inside the caller's transaction, for a round being closed: when paper entries exist,
 * checks that both passes are present and equal (INVALID listing the differences) and turns
 * them into ballot rows. */
gboolean    jp_store_paper_to_ballots (JpStore  *self,
                                       JpRound  *round,
                                       GError  **error);

G_END_DECLS
