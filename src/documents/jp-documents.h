/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The official documents of an election as PDF (RULES.md "Forms and documents"): one call
 * writes one document of one kind for a scope of an open election file. This is the public
 * API of the documents layer for the UI and the command line; it is stable: kinds, scopes,
 * option fields and error codes are only ever added.
 *
 * Every document embeds its fonts (a Song-style body font, a Kai-style certificate font,
 * and per character a fallback font that has the glyph, all found through fontconfig or the
 * election's font settings), carries title, author (the organiser) and creation date as PDF
 * metadata, and is written to a temporary file next to the target that is renamed over it
 * only when complete: on any error or cancellation no file is left at `path`. */

#include <gio/gio.h>
#include "jp-pdf.h"
#include "store/jp-store.h"

G_BEGIN_DECLS

/* The documents. The key of each is the KIND of `jiangping-cli print KIND`. */
typedef enum {
  JP_DOCUMENT_APPROVAL_FORM = 0,   /* "approval-form":   推荐审批表, per candidate or all */
  JP_DOCUMENT_SUMMARY_TABLE,       /* "summary-table":   候选人汇总表, A4 landscape */
  JP_DOCUMENT_CERTIFICATES,        /* "certificates":    荣誉证书, one per page */
  JP_DOCUMENT_BALLOT_PAPERS,       /* "ballot-papers":   选票 of a ballot round */
  JP_DOCUMENT_TALLY_REPORT,        /* "tally-report":    计票结果报告单 of a round */
  JP_DOCUMENT_SCORE_SHEETS,        /* "score-sheets":    答辩评分表 per member */
  JP_DOCUMENT_DEFENCE_SUMMARY,     /* "defence-summary": 答辩评分汇总表 per trade */
  JP_DOCUMENT_RANKING_REPORT,      /* "ranking-report":  综合排名报告 */
  JP_DOCUMENT_PUBLICITY,           /* "publicity":       公示 */
  JP_DOCUMENT_N_KINDS
} JpDocumentKind;

/* The stable key of a kind ("approval-form", ...); NULL for an unknown value. Static. */
const char *jp_document_kind_to_key   (JpDocumentKind  kind);
/* Parses a key; FALSE (and *kind untouched) when it names no kind. */
gboolean    jp_document_kind_from_key (const char     *key,
                                       JpDocumentKind *kind);
/* The translated name of the document ("推荐审批表"), static; also the PDF title's base. */
const char *jp_document_kind_label    (JpDocumentKind  kind);

/* What a document covers. */
typedef enum {
  JP_DOCUMENT_SCOPE_ALL = 0,    /* every candidate / the whole list / every round */
  JP_DOCUMENT_SCOPE_CANDIDATE,  /* one candidate: `id` is the candidate's row id */
  JP_DOCUMENT_SCOPE_TRADE,      /* one trade: `trade` is its code or name */
  JP_DOCUMENT_SCOPE_ROUND,      /* one round: `id` is the round's row id */
} JpDocumentScopeKind;

typedef struct {
  JpDocumentScopeKind  kind;
  gint64               id;      /* candidate or round row id */
  const char          *trade;   /* trade code or name (borrowed) */
} JpDocumentScope;

/* Whether `kind` can be made for a scope of `scope_kind`:
 *   approval-form  ALL, CANDIDATE, TRADE      summary-table  ALL, TRADE
 *   certificates   ALL, CANDIDATE, TRADE      ballot-papers  ROUND
 *   tally-report   ROUND                      score-sheets   ROUND
 *   defence-summary ROUND, TRADE              ranking-report ALL, TRADE
 *   publicity      ALL */
gboolean    jp_document_kind_accepts_scope (JpDocumentKind      kind,
                                            JpDocumentScopeKind scope_kind);

/* Options; zero-initialise (`JpDocumentOptions o = { 0 };`) and set what you need, or pass
 * NULL for every default. Fields are only ever appended. */
typedef struct {
  /* ballot-papers: number of papers (serials 1..n); 0 = one per member of the round's panel */
  guint        ballot_copies;
  /* ballot-papers: 1 or 2 papers on each A4 page; 0 = two when they fit, else one */
  guint        ballot_per_page;
  /* certificates: number prefix ("BTGJ-2023"; numbers become BTGJ-2023-001); NULL = the
   * election's setting, else derived from the award's year */
  const char  *certificate_prefix;
  /* certificates, scope CANDIDATE (a reprint): the number to print, 0 = its place in the
   * list */
  guint        certificate_number;
  /* the date printed on the document and its PDF creation date, as unix seconds;
   * 0 = now (tests and reproducible output set it) */
  gint64       date;
  /* score-sheets: only the sheet of this panel member (code or name); NULL = every member */
  const char  *member;
} JpDocumentOptions;

/* Progress: `done` of `total` units (forms, pages or papers) are drawn. Called from the
 * thread that runs the writer (for the async variant: in the caller's thread-default main
 * context). */
typedef void (*JpDocumentProgress) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* Writes the document `kind` for `scope` of the election in `store` to `path` (a temporary
 * file in the same folder, renamed over `path` once complete).
 * `findings` (may be NULL) receives JpFinding* (owned) about things that printed but need a
 * look, e.g. a missing or unreadable photo (the photo box stays empty), code "photo-missing"
 * or "photo-unreadable", field "photos", message naming the candidate.
 * Errors, each with a message a person can act on (no file is left at `path`):
 *   JP_DOCUMENTS_ERROR_SCOPE        the kind does not take this scope
 *   JP_DOCUMENTS_ERROR_NOT_FOUND    no such candidate, trade or round (named)
 *   JP_DOCUMENTS_ERROR_NOT_READY    the data does not exist yet: the message names the stage
 *                                   that must come first ("the ranking must be sealed first")
 *   JP_DOCUMENTS_ERROR_NO_FONT      no usable font (names the packages or the setting)
 *   JP_DOCUMENTS_ERROR_MISSING_GLYPH a character no installed font has: names the character
 *                                   (and its U+ code), the field and the candidate
 *   JP_DOCUMENTS_ERROR_WRITE        the file cannot be written (names the path and why)
 *   JP_DOCUMENTS_ERROR_FAILED       libharu failed (the message says how)
 *   G_IO_ERROR_CANCELLED            `cancellable` was cancelled
 *   JP_STORE_ERROR_*                reading the election failed
 * `store` is used from the calling thread only. */
gboolean    jp_documents_write (JpStore                  *store,
                                JpDocumentKind            kind,
                                const JpDocumentScope    *scope,
                                const JpDocumentOptions  *options,
                                const char               *path,
                                GCancellable             *cancellable,
                                JpDocumentProgress        progress,
                                gpointer                  progress_data,
                                GPtrArray               **findings,
                                GError                  **error);

/* jp_documents_write in a worker thread on its own connection to the election file of
 * `store` (opened with jp_store_open on jp_store_get_path; `store` itself is not touched
 * from the worker). `progress` is called in the thread-default main context of the caller
 * (it may be NULL); `progress_data` must stay valid until `callback` ran. */
void        jp_documents_write_async  (JpStore                  *store,
                                       JpDocumentKind            kind,
                                       const JpDocumentScope    *scope,
                                       const JpDocumentOptions  *options,
                                       const char               *path,
                                       GCancellable             *cancellable,
                                       JpDocumentProgress        progress,
                                       gpointer                  progress_data,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
/* `findings` as for jp_documents_write. */
gboolean    jp_documents_write_finish (JpStore       *store,
                                       GAsyncResult  *result,
                                       GPtrArray    **findings,
                                       GError       **error);

G_END_DECLS
