/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Online likes (RULES.md "Online likes", docs/ranking.md): the import file and the score O.
 * Pure; the caller reads the file and stores the result. */

/* The largest like count accepted: keeps likes * 10000 exact in 64 bits. */
#define JP_LIKES_MAX G_GINT64_CONSTANT (1000000000000)

typedef struct {
  char   *code;     /* the candidate code, normalised (NFKC, trimmed, upper case) */
  gint64  likes;
  guint   line;     /* 1-based line of the file */
} JpLikesEntry;

/* One thing wrong with a likes file, by line. `kind` is a stable key: "header", "fields",
 * "empty-code", "unknown-code", "duplicate", "negative", "not-a-number", "too-large",
 * "no-rows". `line` is 0 for the whole file ("no-rows"). */
typedef struct {
  guint  line;
  char  *code;      /* the code on that line as written, or NULL */
  char  *kind;
  char  *message;   /* translated, names the file, line, and value */
} JpLikesProblem;

void jp_likes_problem_free (JpLikesProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpLikesProblem, jp_likes_problem_free)

typedef struct {
  char      *source_name;
  char      *encoding;   /* "UTF-8", "UTF-8 (BOM)" or "GB18030" */
  char      *sha256;     /* lowercase hex of the file's bytes, for the audit */
  GPtrArray *entries;    /* JpLikesEntry*, in file order */
  GStrv      missing;    /* known codes the file does not list (they get 0 likes), sorted */
} JpLikesFile;

void jp_likes_file_free (JpLikesFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpLikesFile, jp_likes_file_free)

/* Parses a likes CSV: header `code,likes` (case and blanks ignored), one candidate a line;
 * UTF-8 with or without BOM, or GB18030 (jp_csv_parse()). Codes are compared after NFKC,
 * trimming and ASCII upper-casing against `codes` (the finalists' codes). Counts are
 * non-negative integers (full-width digits accepted) up to JP_LIKES_MAX.
 * Every problem of every line is collected; if there is any, nothing is accepted: returns
 * NULL with a JP_CORE_ERROR_PARSE error summarising them and, when `problems` is not NULL,
 * the full list (JpLikesProblem*, by line). A file that cannot be read as CSV at all fails
 * with jp_csv_parse()'s error and no problems.
 * Returns: (transfer full): the accepted file, or NULL. */
JpLikesFile *jp_likes_parse (const char         *data,
                             gsize               length,
                             const char         *source_name,
                             const char * const *codes,
                             GPtrArray         **problems,
                             GError            **error);

/* One finalist's likes as input to O. */
typedef struct {
  const char *code;
  gint64      likes;    /* >= 0; 0 when not imported */
  gboolean    zeroed;   /* zeroed by the chair for ballot stuffing: counts as 0 likes */
} JpLikesCount;

/* O for each finalist, in hundredths, into `o` (n entries):
 * O = round(likes * 10000 / max), half away from zero, where max is the largest like count
 * among the finalists after zeroing. When max is 0 (nobody has likes) every O is 0. */
void jp_likes_scores (const JpLikesCount *counts,
                      guint               n,
                      gint64             *o);

G_END_DECLS
