/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The record anyone can re-check (issue 9): the check of the hash-chained audit log and of
 * every sealed result against the data behind it, backups with SQLite's online backup API,
 * restore, the host lock, and the archive's audit CSV. */

#include "jp-store.h"

G_BEGIN_DECLS

typedef struct {
  gboolean   ok;            /* no problem at all (and the anchor found, when one was given) */
  gint64     entries;       /* audit entries read */
  char      *head;          /* the chain head: hash of the last entry, recomputed */
  GPtrArray *problems;      /* JpAuditProblem*, in the order of the checkers */
  char      *anchor;        /* the anchor asked for, lowercase; NULL if none */
  gint64     anchor_seq;    /* the entry whose hash it is; 0 when not in the chain */
  guint      rounds;        /* closed or sealed ballot rounds checked */
  guint      sessions;      /* closed or sealed defence sessions checked */
  guint      rankings;      /* sealed rankings checked (0 or 1) */
  guint      final_lists;   /* sealed final lists checked (0 or 1) */
} JpAuditReport;

void           jp_audit_report_free (JpAuditReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpAuditReport, jp_audit_report_free)

/* Checks the file: the checkers run one after the other, each adding what fails to the
 * report ("chain": docs/audit-chain.md; "rounds": every closed or sealed ballot round
 * recounted from its stored ballots against its digest, its stored result and the digest the
 * audit recorded; "defence": every closed or sealed defence session recomputed from its
 * stored sheets against its digest, its stored text and the "defence.close" entry;
 * "ranking": the sealed ranking recomputed against its seal and the "ranking.seal" entry;
 * "final list": a closed publicity's final list against its digest and "publicity.close"). `anchor` (may be
 * NULL) is a printed chain head that must be the hash of an entry. Writes nothing.
 * Returns: (transfer full): the report, or NULL with `error` when the file cannot be read. */
JpAuditReport *jp_store_verify (JpStore     *self,
                                const char  *anchor,
                                GError     **error);

/* The current chain head (hash of the last entry as stored). Returns: (transfer full). */
char          *jp_store_audit_head (JpStore  *self,
                                    GError  **error);

/* Opens an election file to read only: nothing is written, not migrated. Refuses a file of
 * another schema than this version's (TOO_NEW, or FAILED asking to open it once to upgrade).
 * Returns: (transfer full). */
JpStore       *jp_store_open_read_only (const char  *path,
                                        GError     **error);

/* ---- backups ---- */

/* Automatic backups kept when the setting says nothing. */
#define JP_STORE_BACKUP_KEEP 10

/* Writes a consistent copy of the open file to `dest` (SQLite's online backup API), which
 * must not exist; the copy is a complete election file (WAL contents included). A failed copy
 * leaves no file behind. */
gboolean       jp_store_backup_to (JpStore     *self,
                                   const char  *dest,
                                   GError     **error);

/* The folder of automatic backups: "NAME.backups" beside the election file. */
char          *jp_store_backup_dir (JpStore *self);

/* An automatic backup at a stage change: a copy named "NAME-YYYYMMDD-HHMMSS-REASON.jiangping"
 * in jp_store_backup_dir, then only the newest `keep` backups of the folder are kept
 * (keep <= 0: the setting "backup_keep", default 10). `reason` is a short ASCII word
 * ("round-closed", "round-sealed", "manual"). Audited "backup.write" {file, sha256}.
 * Returns: (transfer full): the path written, or NULL with `error`. */
char          *jp_store_backup_stage (JpStore     *self,
                                      const char  *reason,
                                      int          keep,
                                      GError     **error);

/* Turns the automatic backups at stage changes on (keep > 0: how many to keep) or off (0).
 * A backup that fails is reported by the signal JpStore::backup-failed (a message for the
 * person; the CLI host prints it on stderr, the window shows it): the change stands.
 * None is written while a round is open (two copies of an open round would link ballots to
 * members, docs/ballot-secrecy.md); the next stage change with no round open writes it.
 * The host turns them on; the store leaves them off. */
void           jp_store_set_auto_backup (JpStore *self,
                                         int      keep);

/* Replaces the election file `path` (closed: no store may have it open) by the backup
 * `from`: the backup must open as an election file of this version and verify
 * (jp_store_verify; FAILED naming the first problem otherwise). The replaced file is kept
 * as "PATH.replaced-YYYYMMDD-HHMMSS" (its name is returned in *kept, may be NULL). */
gboolean       jp_store_restore (const char  *path,
                                 const char  *from,
                                 char       **kept,
                                 GError     **error);

/* A backup kept beside the election file (jp_store_backup_stage). */
typedef struct {
  char   *path;     /* the file */
  char   *name;     /* its basename */
  gint64  time;     /* when it was written (unix seconds, UTC, from its name) */
  char   *reason;   /* the stage change that wrote it ("round-closed", "manual", ...) */
  gint64  size;     /* bytes */
} JpBackupInfo;

void           jp_backup_info_free (JpBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpBackupInfo, jp_backup_info_free)

/* The backups in jp_store_backup_dir, newest first (an absent folder: none); other files of
 * the folder are ignored. Returns: (transfer full) (element-type JpBackupInfo). */
GPtrArray     *jp_store_list_backups (JpStore  *self,
                                      GError  **error);

/* Whether the open election may be replaced by a backup now: LOCKED with a message while a
 * ballot or defence round is open (its ballots and sheets exist in this file only). The host
 * that serves a meeting refuses too; that is the caller's to check. */
gboolean       jp_store_restore_allowed (JpStore  *self,
                                         GError  **error);

/* Records in the restored file that it was restored: audit "backup.restore" {from, kept}
 * (basenames; `kept` may be NULL). */
gboolean       jp_store_audit_restore (JpStore     *self,
                                       const char  *from,
                                       const char  *kept,
                                       const char  *actor,
                                       GError     **error);

/* ---- the host lock ---- */

/* Takes the host lock of the election file: a file "PATH.host-lock" holding the computer's
 * name and the process id. Refuses (LOCKED) with a message naming the computer when another
 * live host holds it; a lock left by a process of this computer that is gone is taken over.
 * Released by jp_store_release_host_lock (or left stale by a crash, which is detected). */
gboolean       jp_store_take_host_lock    (const char  *path,
                                           GError     **error);
void           jp_store_release_host_lock (const char  *path);

/* ---- the audit log as CSV ---- */

/* The audit log as CSV text: UTF-8 with a byte order mark, CRLF lines, header
 * seq,at,time,actor,action,payload,prev_hash,hash (time as ISO 8601 UTC).
 * Returns: (transfer full). */
char          *jp_store_audit_csv (JpStore  *self,
                                   gsize    *length,
                                   GError  **error);

G_END_DECLS
