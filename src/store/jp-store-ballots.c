/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-rounds.h"
#include "jp-store-private.h"

/* The secret ballot: electronic ballots with their roster, and the two-pass paper entry. */

/* A random serial in 1..2^63-1: the ballot table is ordered by it, so its order is noise. */
static gboolean
random_serial (gint64   *serial,
               GError  **error)
{
  guint8 bytes[8];
  guint64 value;

  do
    {
      if (!jp_store_random_bytes (bytes, sizeof bytes, error))
        return FALSE;
      value = 0;
      for (guint i = 0; i < sizeof bytes; i++)
        value = (value << 8) | bytes[i];
      value &= G_MAXINT64;
    }
  while (value == 0);
  *serial = (gint64) value;
  return TRUE;
}

static gboolean
insert_ballot (JpStore     *self,
               gint64       round_id,
               const char  *marks,
               gboolean     invalid,
               const char  *idem_hash,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self,
                           "INSERT INTO ballot (round_id, serial, marks, invalid, idem_hash) "
                           "VALUES (?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  /* A clash of two 63-bit random serials is next to impossible; try again rather than fail. */
  for (int attempt = 0; attempt < 4; attempt++)
    {
      gint64 serial;
      int rc;

      if (!random_serial (&serial, error))
        return FALSE;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, serial);
      sqlite3_bind_text (stmt, 3, marks, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, invalid ? 1 : 0);
      jp_store_bind_text (stmt, 5, idem_hash);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_CONSTRAINT || idem_hash != NULL)
        return jp_store_set_error (self, rc, error);
    }
  return jp_store_set_error (self, SQLITE_CONSTRAINT, error);
}

static gboolean
find_member (JpStore     *self,
             const char  *member_code,
             gint64      *member_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self, "SELECT id FROM member WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, member_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no committee member with the code “%s”; check the member list."),
                   member_code);
      return FALSE;
    }
  *member_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* What is stored of an idempotency key: a hash over the member's row id and the key, so a
 * key is the sender's own and the file keeps neither the key nor anything that matches it
 * without the key. */
static char *
ballot_key_hash (gint64       member_id,
                 const char  *key)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *id = g_strdup_printf ("jiangping-ballot-key\n%" G_GINT64_FORMAT "\n",
                                         member_id);

  g_checksum_update (sum, (const guchar *) id, -1);
  g_checksum_update (sum, (const guchar *) key, -1);
  return g_strdup (g_checksum_get_string (sum));
}

/* The marks in the round's spelling, in the round's drawn order, joined by spaces. */
static char *
normal_marks (JpRound           *round,
              const char *const *marks)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *c = g_ptr_array_index (round->candidates, i);

      for (guint j = 0; marks != NULL && marks[j] != NULL; j++)
        if (g_ascii_strcasecmp (marks[j], c->code) == 0)
          {
            g_ptr_array_add (out, c->code);
            break;
          }
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv (" ", (char **) out->pdata);
}

/* ---- the ballot on disk (docs/ballot-secrecy.md) ---- */

/* Writes the rows of `table` (all of them, or those of one round) again in the order of
 * `key`, through a copy in memory (temp_store = MEMORY). Without a WHERE the whole table is
 * cleared at once: its pages are freed (and zeroed) and the rows go into an empty tree,
 * whose layout follows the keys alone. `table` and `key` are the caller's constants. */
static gboolean
lay_out_table (JpStore     *self,
               const char  *table,
               const char  *key,
               gint64       round_id,
               GError     **error)
{
  g_autofree char *where = round_id == 0 ? g_strdup ("")
                           : g_strdup_printf (" WHERE round_id = %" G_GINT64_FORMAT, round_id);
  g_autofree char *sql =
    g_strdup_printf ("CREATE TEMP TABLE lay_out AS SELECT * FROM %s%s;"
                     "DELETE FROM %s%s;"
                     "INSERT INTO %s SELECT * FROM temp.lay_out ORDER BY %s;"
                     "DROP TABLE temp.lay_out;",
                     table, where, table, where, table, key);

  return jp_store_exec (self, sql, error);
}

gboolean
jp_store_ballots_lay_out (JpStore  *self,
                          gint64    round_id,
                          GError  **error)
{
  int triggers = 1;
  gboolean ok;

  g_assert (!sqlite3_get_autocommit (self->db));

  /* The triggers that keep a cast ballot and the roster from being changed stay in the file
   * for every other program and every other statement; only these statements, on this
   * connection, inside the caller's transaction, write the same rows again. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &triggers);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  ok = lay_out_table (self, "ballot", "round_id, serial", round_id, error) &&
        lay_out_table (self, "ballot_roster", "round_id, member_id", round_id, error);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, triggers, NULL);
  return ok;
}

void
jp_store_ballots_committed (JpStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->in_batch)
    return;
  self->wal_has_ballots = TRUE;
  if (jp_store_truncate_wal (self, FALSE, &error))
    self->wal_has_ballots = FALSE;
  else
    g_debug ("%s: the WAL is kept for now: %s", self->path, error->message);
}

gboolean
jp_store_submit_ballot (JpStore            *self,
                        gint64              round_id,
                        const char         *member_code,
                        const char *const  *marks,
                        const char         *idempotency_key,
                        gboolean           *replayed,
                        GError            **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_auto(GStrv) conflicted_codes = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *idem_hash = NULL;
  g_autofree char *text = NULL;
  JpBallotRequest req = { 0 };
  gint64 member_id = 0;
  guint i;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (member_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (replayed != NULL)
    *replayed = FALSE;
  if (!jp_store_begin (self, error))
    return FALSE;
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL)
    goto fail;

  /* Who sends it comes first: a key proves nothing about the sender. */
  if (!find_member (self, member_code, &member_id, error))
    goto fail;
  conflicted_codes = jp_store_round_conflicted_codes (self, round_id, member_code, error);
  if (conflicted_codes == NULL)
    goto fail;
  codes = jp_round_get_codes (round);

  req.round_state = round->state;
  if (!jp_store_member_on_panel (self, round_id, member_code, &req.on_panel, error))
    goto fail;
  stmt = jp_store_prepare (self,
                           "SELECT 1 FROM ballot_roster WHERE round_id = ? AND member_id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  req.already_voted = sqlite3_step (stmt) == SQLITE_ROW;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* A resend of the member's own ballot succeeds without a second ballot, even after the
   * round closed: the ballot did arrive. The stored hash covers the member and the key, so
   * the same key from another member never matches: that member's ballot is checked and
   * stored as their own. Only a member on the panel who has voted can have one to resend. */
  if (idempotency_key != NULL && *idempotency_key != '\0')
    {
      idem_hash = ballot_key_hash (member_id, idempotency_key);
      if (req.on_panel && req.already_voted)
        {
          stmt = jp_store_prepare (self,
                                   "SELECT 1 FROM ballot WHERE round_id = ? AND idem_hash = ?",
                                   error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, round_id);
          sqlite3_bind_text (stmt, 2, idem_hash, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              if (replayed != NULL)
                *replayed = TRUE;
              jp_store_rollback (self);
              return TRUE;
            }
          g_clear_pointer (&stmt, sqlite3_finalize);
        }
    }

  req.marks = marks;
  req.round_codes = (const char *const *) codes;
  req.max_choices = round->max_choices;
  req.conflicted_codes = (const char *const *) conflicted_codes;
  if (round->kind != JP_ROUND_KIND_BALLOT)
    req.round_state = JP_ROUND_STATE_DRAFT;
  if (!jp_ballot_check (&req, error))
    goto fail;

  text = normal_marks (round, marks);
  if (!insert_ballot (self, round_id, text, FALSE, idem_hash, error))
    goto fail;
  stmt = jp_store_prepare (self, "INSERT INTO ballot_roster (round_id, member_id) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;

  /* The audit says who voted, never what. */
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "round");
  json_builder_add_int_value (payload, round_id);
  json_builder_set_member_name (payload, "member");
  json_builder_add_string_value (payload, member_code);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, member_code, "ballot.cast", payload, error))
    goto fail;
  /* The new cell goes into the page in serial order among the round's ballots, and the
   * roster row in member order: no committed state of the file lies in casting order. A
   * batch does this once for all its ballots, before its commit. */
  if (self->in_batch)
    {
      if (self->ballot_rounds == NULL)
        self->ballot_rounds = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (i = 0; i < self->ballot_rounds->len; i++)
        if (g_array_index (self->ballot_rounds, gint64, i) == round_id)
          break;
      if (i == self->ballot_rounds->len)
        g_array_append_val (self->ballot_rounds, round_id);
    }
  else if (!jp_store_ballots_lay_out (self, round_id, error))
    goto fail;
  if (!jp_store_commit (self, error))
    goto fail;
  jp_store_ballots_committed (self);
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- paper ballots ---- */

static GPtrArray *
load_pass (JpStore  *self,
           gint64    round_id,
           int       pass,
           char    **entered_by,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  gboolean ok;

  stmt = jp_store_prepare (self,
                           "SELECT serial, marks, invalid, line, entered_by FROM paper_entry "
                           "WHERE round_id = ? AND pass = ? ORDER BY line",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, pass);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_paper_ballot_free);
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      JpPaperBallot *b = g_new0 (JpPaperBallot, 1);
      const char *marks = (const char *) sqlite3_column_text (stmt, 1);

      b->serial = sqlite3_column_int64 (stmt, 0);
      b->marks = g_strsplit (marks != NULL ? marks : "", " ", -1);
      if (b->marks[0] != NULL && b->marks[0][0] == '\0')
        {
          g_strfreev (b->marks);
          b->marks = g_new0 (char *, 1);
        }
      b->invalid = sqlite3_column_int (stmt, 2) != 0;
      b->line = (guint) sqlite3_column_int (stmt, 3);
      if (entered_by != NULL && *entered_by == NULL)
        *entered_by = jp_store_column_dup (stmt, 4);
      g_ptr_array_add (out, b);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&out);
}

int
jp_store_count_paper_entries (JpStore *self,
                              gint64   round_id,
                              int      pass)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), 0);

  stmt = jp_store_prepare (self,
                           "SELECT count (*) FROM paper_entry WHERE round_id = ? AND pass = ?",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, pass);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

/* ---- paper entry, shared with the defence's paper score sheets ---- */

/* A statement of `sql` bound to `round_id` (?1) and `pass` (?2). */
static sqlite3_stmt *
pass_statement (JpStore     *self,
                const char  *sql,
                gint64       round_id,
                int          pass,
                GError     **error)
{
  sqlite3_stmt *stmt = jp_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int (stmt, 2, pass);
    }
  return stmt;
}

typedef struct {
  const char *entered_by_sql;
  const char *clear_sql;
  const char *action;
} PaperTable;

static const PaperTable paper_tables[] = {
  [JP_PAPER_BALLOTS] = {
    "SELECT entered_by FROM paper_entry WHERE round_id = ? AND pass = ? ORDER BY line LIMIT 1",
    "DELETE FROM paper_entry WHERE round_id = ? AND pass = ?",
    .action = "paper.enter",
  },
  [JP_PAPER_SHEETS] = {
    "SELECT entered_by FROM defence_paper_entry WHERE round_id = ? AND pass = ? LIMIT 1",
    "DELETE FROM defence_paper_entry WHERE round_id = ? AND pass = ?",
    .action = "defence.paper",
  },
};

gboolean
jp_store_paper_pass_begin (JpStore            *self,
                           const JpPaperPass  *pass,
                           GError            **error)
{
  g_autofree char *other_by = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!jp_store_paper_entered_by (self, pass->kind, pass->round_id, 3 - pass->pass, &other_by,
                                  error))
    return FALSE;
  if (other_by != NULL && g_ascii_strcasecmp (other_by, pass->entered_by) == 0)
    {
      if (pass->kind == JP_PAPER_BALLOTS)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("%s entered the other pass of round %lld; the confirmation must be typed "
                       "by a second scrutineer."),
                     pass->entered_by, (long long) pass->round_id);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("%s typed the other entry of these paper sheets; the confirmation must be "
                       "typed by a second scrutineer."), pass->entered_by);
      return FALSE;
    }
  stmt = pass_statement (self, paper_tables[pass->kind].clear_sql, pass->round_id, pass->pass,
                         error);
  return stmt != NULL && jp_store_step_done (self, stmt, error);
}

gboolean
jp_store_paper_entered_by (JpStore      *self,
                           JpPaperKind   kind,
                           gint64        round_id,
                           int           pass,
                           char        **entered_by,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  *entered_by = NULL;
  stmt = pass_statement (self, paper_tables[kind].entered_by_sql, round_id, pass, error);
  if (stmt != NULL && jp_store_rows_next (self, stmt, &ok, error))
    *entered_by = jp_store_column_dup (stmt, 0);
  return ok;
}

gboolean
jp_store_paper_pass_commit (JpStore            *self,
                            const JpPaperPass  *pass,
                            const char         *source_name,
                            guint               count,
                            GError            **error)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) o = json_object_new ();
  g_autofree char *text = NULL;

  json_object_set_int_member (o, "round", pass->round_id);
  json_object_set_int_member (o, "pass", pass->pass);
  json_object_set_int_member (o, "count", count);
  json_object_set_string_member (o, "file", source_name);
  json_object_set_string_member (o, "entered_by", pass->entered_by);
  json_node_set_object (root, o);
  text = json_to_string (root, FALSE);
  if (jp_store_audit_text (self, pass->entered_by, paper_tables[pass->kind].action, text, error)
      && jp_store_commit (self, error))
    return TRUE;
  jp_store_rollback (self);
  return FALSE;
}

int
jp_store_enter_paper_ballots (JpStore     *self,
                              gint64       round_id,
                              int          pass,
                              const char  *data,
                              gsize        length,
                              const char  *source_name,
                              const char  *member_code,
                              GError     **error)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(GPtrArray) ballots = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) core_error = NULL;
  g_auto(GStrv) codes = NULL;
  JpPaperPass typed = { JP_PAPER_BALLOTS, round_id, pass, member_code };
  gint64 member_id;

  g_return_val_if_fail (JP_IS_STORE (self), -1);
  g_return_val_if_fail (source_name != NULL && member_code != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (pass != 1 && pass != 2)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Paper ballots are entered in pass 1 and confirmed in pass 2, not pass %d."),
                   pass);
      return -1;
    }
  if (!jp_store_begin (self, error))
    return -1;
  round = jp_store_load_round (self, round_id, error);
  if (round == NULL || !find_member (self, member_code, &member_id, error))
    goto fail;
  if (round->state != JP_ROUND_STATE_OPEN)
    {
      g_set_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_NOT_OPEN,
                   _("Round %lld is %s; paper ballots are entered while it is open."),
                   (long long) round_id, jp_round_state_label (round->state));
      goto fail;
    }
  if (!jp_store_paper_pass_begin (self, &typed, error))
    goto fail;
  codes = jp_round_get_codes (round);
  ballots = jp_paper_ballots_parse (data, length, source_name, (const char *const *) codes,
                                    &core_error);
  if (ballots == NULL)
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
      goto fail;
    }

  stmt = jp_store_prepare (self,
                           "INSERT INTO paper_entry (round_id, pass, serial, marks, invalid, line,"
                           " entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < ballots->len; i++)
    {
      JpPaperBallot *b = g_ptr_array_index (ballots, i);
      g_autofree char *marks = g_strjoinv (" ", b->marks);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int (stmt, 2, pass);
      sqlite3_bind_int64 (stmt, 3, b->serial);
      sqlite3_bind_text (stmt, 4, marks, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, b->invalid ? 1 : 0);
      sqlite3_bind_int (stmt, 6, (int) b->line);
      sqlite3_bind_text (stmt, 7, member_code, -1, SQLITE_TRANSIENT);
      if (!jp_store_step_done (self, stmt, error))
        goto fail;
    }

  if (!jp_store_paper_pass_commit (self, &typed, source_name, ballots->len, error))
    return -1;
  return (int) ballots->len;

fail:
  jp_store_rollback (self);
  return -1;
}

GPtrArray *
jp_store_paper_differences (JpStore  *self,
                            gint64    round_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first = load_pass (self, round_id, 1, NULL, error);
  if (first == NULL)
    return NULL;
  second = load_pass (self, round_id, 2, NULL, error);
  if (second == NULL)
    return NULL;
  return jp_paper_entries_compare (first, second);
}

gboolean
jp_store_paper_to_ballots (JpStore  *self,
                           JpRound  *round,
                           GError  **error)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) diffs = NULL;

  first = load_pass (self, round->id, 1, NULL, error);
  if (first == NULL)
    return FALSE;
  second = load_pass (self, round->id, 2, NULL, error);
  if (second == NULL)
    return FALSE;
  if (first->len == 0 && second->len == 0)
    return TRUE;
  if (first->len == 0 || second->len == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Round %lld: the paper ballots were entered only once; a second "
                     "scrutineer must enter the same pile again before the round can close."),
                   (long long) round->id);
      return FALSE;
    }
  diffs = jp_paper_entries_compare (first, second);
  if (diffs->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < diffs->len; i++)
        g_string_append_printf (list, "\n%s", ((JpFinding *) g_ptr_array_index (diffs, i))->message);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   ngettext ("Round %lld cannot close: the two entries of the paper ballots "
                             "differ on %u ballot:%s",
                             "Round %lld cannot close: the two entries of the paper ballots "
                             "differ on %u ballots:%s",
                             diffs->len),
                   (long long) round->id, diffs->len, list->str);
      return FALSE;
    }
  for (guint i = 0; i < first->len; i++)
    {
      JpPaperBallot *b = g_ptr_array_index (first, i);
      g_autofree char *marks = normal_marks (round, (const char *const *) b->marks);

      if (!insert_ballot (self, round->id, marks, b->invalid, NULL, error))
        return FALSE;
    }
  return TRUE;
}
