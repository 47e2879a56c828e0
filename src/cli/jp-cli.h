/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <json-glib/json-glib.h>
#include "intake/jp-intake.h"

G_BEGIN_DECLS

/* A jiangping-cli command: parses its own options from argv (argv[0] is the command name)
 * and returns the process exit status. Errors are printed to stderr by the caller when
 * the command returns non-zero with *error set. */
typedef int (*JpCliCommandFunc) (int argc, char **argv, GError **error);

typedef struct {
  const char       *name;
  JpCliCommandFunc  func;
  const char       *summary;   /* English, translated at display */
} JpCliCommand;

const JpCliCommand *jp_cli_commands (void);   /* NULL-name terminated */

/* Shared helpers */

/* The options every command takes, --db FILE and --json, parsed into these. */
extern char     *jp_cli_opt_db;
extern gboolean  jp_cli_opt_json;
#define JP_CLI_COMMON_OPTIONS \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &jp_cli_opt_db, N_("Election file"), N_("FILE") }, \
  { "json", 0, 0, G_OPTION_ARG_NONE, &jp_cli_opt_json, N_("Print JSON"), NULL }

/* Parses a command's options and opens --db. NULL with `error` and *status set to the exit
 * status: 2 for wrong usage (including a missing --db), 1 when the file cannot be opened. */
JpStore  *jp_cli_parse_and_open (GOptionEntry   *entries,
                                 const char     *parameter_string,
                                 int            *argc,
                                 char         ***argv,
                                 int            *status,
                                 GError        **error);
JpStore  *jp_cli_open_store   (const char *db, GError **error);
void      jp_cli_print_json   (JsonNode *node);
JsonNode *jp_cli_candidate_to_json (JpCandidate *c);
JsonNode *jp_cli_findings_to_json  (GPtrArray *findings);
JsonNode *jp_cli_report_to_json    (JpImportReport *report);
/* Helpers the commands share (jp-cli.c). */
/* Sets a G_OPTION_ERROR_BAD_VALUE naming the option, its value and a hint. Returns FALSE. */
gboolean  jp_cli_bad_value      (GError     **error,
                                 const char  *option,
                                 const char  *value,
                                 const char  *hint);
/* `s` padded to `width` display columns (CJK characters take two). Returns: (transfer full). */
char     *jp_cli_pad            (const char  *s,
                                 int          width);
/* Adds the member `name`: a string, or null for NULL. */
void      jp_cli_add_string     (JsonBuilder *b,
                                 const char  *name,
                                 const char  *value);
void      jp_cli_add_int        (JsonBuilder *b,
                                 const char  *name,
                                 gint64       value);
void      jp_cli_add_bool       (JsonBuilder *b,
                                 const char  *name,
                                 gboolean     value);
/* Prints each finding on its own line: "  error: ..." or "  warning: ...". */
void      jp_cli_print_findings (GPtrArray   *findings);

gboolean  jp_cli_parse_options (GOptionEntry *entries,
                                const char   *parameter_string,
                                int          *argc,
                                char       ***argv,
                                GError      **error);

/* Returns 0 for a round id given with --round, else 2 with `error` saying to give one. */
int       jp_cli_need_round    (gint64        round,
                                GError      **error);

/* Paper entry: `ballots enter` and `scores enter` take the same options and checks; a pile
 * is typed twice (--file/--entered-by, --confirm-file/--confirmed-by) by two scrutineers. */
typedef struct {
  const char *round_help;    /* N_(): what --round names */
  const char *first_help;    /* N_(): --file */
  const char *second_help;   /* N_(): --confirm-file */
  const char *usage;         /* translated: the error when the action is not "enter" */
  /* the store's entry of one pass (jp_store_enter_paper_ballots and its like) */
  int  (*enter)   (JpStore *store, gint64 round, int pass, const char *data, gsize length,
                   const char *source_name, const char *entered_by, GError **error);
  /* the line printed after a pass was entered (not with --json) */
  void (*entered) (const char *file, int count, int pass);
} JpCliPaperEntry;

/* Parses the options and enters the passes given, first then second. Returns the exit
 * status; on 0 `*store` is open, `*round` set and `counts` holds the rows entered in pass 1
 * and 2 (-1 for a pass not given). */
int       jp_cli_paper_enter   (int                     argc,
                                char                  **argv,
                                const JpCliPaperEntry  *kind,
                                JpStore               **store,
                                gint64                 *round,
                                int                     counts[2],
                                GError                **error);

/* jp-cli-console.c: the host console's commands (issue 3) */
int  jp_cli_cmd_qualify       (int argc, char **argv, GError **error);
int  jp_cli_cmd_review_status (int argc, char **argv, GError **error);
int  jp_cli_cmd_trades        (int argc, char **argv, GError **error);
int  jp_cli_cmd_trade         (int argc, char **argv, GError **error);
int  jp_cli_cmd_seats         (int argc, char **argv, GError **error);
int  jp_cli_cmd_freeze        (int argc, char **argv, GError **error);
int  jp_cli_cmd_members       (int argc, char **argv, GError **error);
int  jp_cli_cmd_member        (int argc, char **argv, GError **error);
int  jp_cli_cmd_pins          (int argc, char **argv, GError **error);
int  jp_cli_cmd_conflicts     (int argc, char **argv, GError **error);
int  jp_cli_cmd_conflict      (int argc, char **argv, GError **error);
int  jp_cli_cmd_settings      (int argc, char **argv, GError **error);

/* jp-cli-rounds.c: ballot rounds (issue 4) */
int  jp_cli_cmd_round         (int argc, char **argv, GError **error);
int  jp_cli_cmd_ballots       (int argc, char **argv, GError **error);
int  jp_cli_cmd_vote          (int argc, char **argv, GError **error);
int  jp_cli_cmd_tally         (int argc, char **argv, GError **error);
int  jp_cli_cmd_finalists     (int argc, char **argv, GError **error);

/* jp-cli-likes.c: online likes (issue 7) */
int  jp_cli_cmd_likes         (int argc, char **argv, GError **error);

/* jp-cli-defence.c: defence sessions and the composite ranking (issue 7) */
int  jp_cli_cmd_score         (int argc, char **argv, GError **error);
int  jp_cli_cmd_scores        (int argc, char **argv, GError **error);
int  jp_cli_cmd_defence       (int argc, char **argv, GError **error);
int  jp_cli_cmd_rank          (int argc, char **argv, GError **error);

/* jp-cli-publicity.c: publicity and objections (issue 9) */
int  jp_cli_cmd_publicity     (int argc, char **argv, GError **error);
int  jp_cli_cmd_objection     (int argc, char **argv, GError **error);

/* jp-cli-print.c: documents (issue 8) */
int  jp_cli_cmd_print         (int argc, char **argv, GError **error);

/* jp-cli-export.c: spreadsheets (issue 8) */
int  jp_cli_cmd_export        (int argc, char **argv, GError **error);

/* jp-cli-audit.c: the record anyone can re-check (issue 9) */
int  jp_cli_cmd_audit         (int argc, char **argv, GError **error);
int  jp_cli_cmd_backup        (int argc, char **argv, GError **error);
int  jp_cli_cmd_restore       (int argc, char **argv, GError **error);
int  jp_cli_cmd_archive       (int argc, char **argv, GError **error);

G_END_DECLS
