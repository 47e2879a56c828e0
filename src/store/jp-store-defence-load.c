/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-defence-private.h"

/* Defence sessions: loading a session with everything the rules need, the stored forms of
 * scores and rubric, and the checks every change starts with (Target). */

/* ---- scores as stored: halves, space-separated, -1 for an empty field ---- */

char *
jp_store_defence_scores_to_text (const int *halves,
                                 guint      n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, i > 0 ? " %d" : "%d", halves[i]);
  return g_string_free (s, FALSE);
}

int *
jp_store_defence_scores_from_text (const char *text,
                                   guint       n)
{
  int *halves = g_new (int, MAX (n, 1));
  const char *p = text != NULL ? text : "";

  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      while (*p == ' ')
        p++;
      halves[i] = *p != '\0' ? (int) g_ascii_strtoll (p, &end, 10) : -1;
      if (end != NULL)
        p = end;
    }
  return halves;
}

/* ---- the frozen rubric: JSON [{"name": .., "max_halves": ..}, ...] ---- */

char *
jp_store_defence_rubric_to_json (GPtrArray *rubric)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < rubric->len; i++)
    {
      JpRubricCriterion *c = g_ptr_array_index (rubric, i);
      int max = 0;

      jp_halves_from_double (c->max, &max);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->name);
      json_builder_set_member_name (b, "max_halves");
      json_builder_add_int_value (b, max);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static GPtrArray *
rubric_from_json (const char  *text,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rubric = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 jp_rubric_criterion_free);
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text != NULL ? text : "", -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                           _("The rubric stored with the defence session cannot be read; the "
                             "file was altered. Use the archived copy."));
      return NULL;
    }
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      g_ptr_array_add (rubric, jp_rubric_criterion_new (
                         json_object_get_string_member_with_default (o, "name", ""),
                         json_object_get_int_member_with_default (o, "max_halves", 0) / 2.0));
    }
  return g_steal_pointer (&rubric);
}

int
jp_store_defence_criterion_max_halves (GPtrArray *rubric,
                                       guint      i)
{
  int max = 0;

  jp_halves_from_double (((JpRubricCriterion *) g_ptr_array_index (rubric, i))->max, &max);
  return max;
}

/* ---- loading a session with everything the rules need ---- */


void
jp_store_defence_revision_free (Revision *r)
{
  g_free (r->member);
  g_free (r->candidate);
  g_free (r->scores);
  g_free (r);
}


void
jp_store_defence_loaded_free (Loaded *l)
{
  if (l == NULL)
    return;
  g_clear_pointer (&l->round, jp_round_free);
  g_clear_pointer (&l->session, jp_defence_session_free);
  g_clear_pointer (&l->sheet_of, g_hash_table_unref);
  g_clear_pointer (&l->sheets, g_ptr_array_unref);
  g_clear_pointer (&l->conflicts, g_hash_table_unref);
  g_clear_pointer (&l->member_ids, g_hash_table_unref);
  g_clear_pointer (&l->revisions, g_ptr_array_unref);
  g_free (l);
}

static char *
pair_key (const char *member,
          const char *candidate)
{
  return g_strconcat (member, "\n", candidate, NULL);
}

/* The key of pair_key() in `buf` without allocating (lookups run for every pair of member
 * and candidate on every load, so no printf either); codes longer than the buffer fall back
 * to pair_key(). */
static const char *
pair_key_buf (char       *buf,
              gsize       size,
              const char *member,
              const char *candidate,
              char      **heap)
{
  gsize m = strlen (member), c = strlen (candidate);

  if (m + c + 2 > size)
    {
      *heap = pair_key (member, candidate);
      return *heap;
    }
  memcpy (buf, member, m);
  buf[m] = '\n';
  memcpy (buf + m + 1, candidate, c + 1);
  return buf;
}

JpDefenceSheet *
jp_store_defence_find_sheet (Loaded     *l,
                             const char *member,
                             const char *candidate)
{
  char buf[96];
  g_autofree char *heap = NULL;

  return g_hash_table_lookup (l->sheet_of, pair_key_buf (buf, sizeof buf, member, candidate,
                                                         &heap));
}

gboolean
jp_store_defence_is_conflicted (Loaded     *l,
                                const char *member,
                                const char *candidate)
{
  char buf[96];
  g_autofree char *heap = NULL;

  return g_hash_table_contains (l->conflicts, pair_key_buf (buf, sizeof buf, member, candidate,
                                                            &heap));
}

JpDefencePanelMember *
jp_store_defence_find_panel_member (Loaded     *l,
                                    const char *code)
{
  for (guint i = 0; code != NULL && i < l->session->panel->len; i++)
    {
      JpDefencePanelMember *m = g_ptr_array_index (l->session->panel, i);

      if (g_ascii_strcasecmp (m->code, code) == 0)
        return m;
    }
  return NULL;
}

Revision *
jp_store_defence_find_revision (Loaded     *l,
                                const char *member,
                                const char *candidate)
{
  for (guint i = 0; i < l->revisions->len; i++)
    {
      Revision *r = g_ptr_array_index (l->revisions, i);

      if (g_strcmp0 (r->member, member) == 0 && g_strcmp0 (r->candidate, candidate) == 0)
        return r;
    }
  return NULL;
}

gboolean
jp_store_defence_sheet_counts (const JpDefenceSheet *s)
{
  return s != NULL && s->state == JP_DEFENCE_SHEET_SUBMITTED;
}

static void
add_sheet (Loaded         *l,
           JpDefenceSheet *sheet)
{
  g_ptr_array_add (l->sheets, sheet);
  g_hash_table_replace (l->sheet_of, pair_key (sheet->member, sheet->candidate), sheet);
}

void
jp_store_defence_put_sheet (Loaded         *l,
                            JpDefenceSheet *sheet)
{
  JpDefenceSheet *old = jp_store_defence_find_sheet (l, sheet->member, sheet->candidate);

  add_sheet (l, sheet);
  if (old != NULL)
    g_ptr_array_remove (l->sheets, old);
}

/* The codes of every member by id (sheets are read by id: no join per row). */
static GHashTable *
member_codes_by_id (JpStore  *self,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, "SELECT id, code FROM member", error);
  g_autoptr(GHashTable) codes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (codes, g_memdup2 (&id, sizeof id), jp_store_column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&codes);
}

static gboolean
load_sheets (JpStore  *self,
             Loaded   *l,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GHashTable) candidates = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n = l->session->rubric->len;
  int rc;

  /* One pass over the session's sheets by the primary key, codes resolved here: the
   * session is loaded for every sheet saved and for every ranking, and the joins and the
   * sort of the rows cost more than the rest of the load. Nothing depends on the order of
   * l->sheets (every lookup goes through l->sheet_of). */
  members = member_codes_by_id (self, error);
  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);

      g_hash_table_insert (candidates, &c->candidate_id, c->code);
    }
  stmt = jp_store_prepare (self,
                           "SELECT member_id, candidate_id, scores, total_halves, "
                           "  state = 'submitted', source = 'paper', reopened, updated_at, "
                           "  coalesce (submitted_at, 0) "
                           "FROM defence_sheet WHERE round_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member_id = sqlite3_column_int64 (stmt, 0);
      gint64 candidate_id = sqlite3_column_int64 (stmt, 1);
      const char *member = g_hash_table_lookup (members, &member_id);
      const char *candidate = g_hash_table_lookup (candidates, &candidate_id);
      JpDefenceSheet *s;

      /* as the inner joins did: a sheet is read only with its member and candidate */
      if (member == NULL || candidate == NULL)
        continue;
      s = g_new0 (JpDefenceSheet, 1);
      s->member = g_strdup (member);
      s->candidate = g_strdup (candidate);
      s->n_criteria = n;
      s->halves = jp_store_defence_scores_from_text (
          (const char *) sqlite3_column_text (stmt, 2), n);
      s->total_halves = sqlite3_column_int (stmt, 3);
      s->state = sqlite3_column_int (stmt, 4) != 0 ? JP_DEFENCE_SHEET_SUBMITTED
                                                   : JP_DEFENCE_SHEET_DRAFT;
      s->paper = sqlite3_column_int (stmt, 5) != 0;
      s->reopened = sqlite3_column_int (stmt, 6) != 0;
      s->updated_at = sqlite3_column_int64 (stmt, 7);
      s->submitted_at = sqlite3_column_int64 (stmt, 8);
      add_sheet (l, s);
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Paper sheets typed identically by both scrutineers count as submitted; they become
   * sheet rows at the close. A member's station sheet that was submitted wins here; the
   * clash is listed by jp_store_defence_paper_differences and blocks the close. */
  stmt = jp_store_prepare (self,
                           "SELECT m.code, rc.code, p1.scores, p1.total_halves "
                           "FROM defence_paper_entry p1 "
                           "JOIN defence_paper_entry p2 ON p2.round_id = p1.round_id "
                           "  AND p2.pass = 2 AND p2.member_id = p1.member_id "
                           "  AND p2.candidate_id = p1.candidate_id AND p2.scores = p1.scores "
                           "JOIN member m ON m.id = p1.member_id "
                           "JOIN round_candidate rc ON rc.round_id = p1.round_id "
                           "  AND rc.candidate_id = p1.candidate_id "
                           "WHERE p1.round_id = ? AND p1.pass = 1 ORDER BY rc.position, m.code",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *member = (const char *) sqlite3_column_text (stmt, 0);
      const char *candidate = (const char *) sqlite3_column_text (stmt, 1);
      JpDefenceSheet *old = jp_store_defence_find_sheet (l, member, candidate);
      JpDefenceSheet *s;

      if (old != NULL && (old->state == JP_DEFENCE_SHEET_SUBMITTED || old->paper))
        continue;
      s = g_new0 (JpDefenceSheet, 1);
      s->member = g_strdup (member);
      s->candidate = g_strdup (candidate);
      s->n_criteria = n;
      s->halves = jp_store_defence_scores_from_text (
          (const char *) sqlite3_column_text (stmt, 2), n);
      s->total_halves = sqlite3_column_int (stmt, 3);
      s->state = JP_DEFENCE_SHEET_SUBMITTED;
      s->paper = TRUE;
      if (old != NULL)
        g_ptr_array_remove (l->sheets, old);
      add_sheet (l, s);
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "SELECT m.code, rc.code, v.scores, v.total_halves, v.median, "
                           "  v.revised_at IS NOT NULL "
                           "FROM defence_revision v JOIN member m ON m.id = v.member_id "
                           "JOIN round_candidate rc ON rc.round_id = v.round_id "
                           "  AND rc.candidate_id = v.candidate_id "
                           "WHERE v.round_id = ? ORDER BY rc.position, m.code",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Revision *r = g_new0 (Revision, 1);
      JpDefenceSheet *s;

      r->member = jp_store_column_dup (stmt, 0);
      r->candidate = jp_store_column_dup (stmt, 1);
      r->scores = jp_store_column_dup (stmt, 2);
      r->total_halves = sqlite3_column_int (stmt, 3);
      r->median = sqlite3_column_int64 (stmt, 4);
      r->revised = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (l->revisions, r);
      s = jp_store_defence_find_sheet (l, r->member, r->candidate);
      if (s != NULL)
        {
          s->revision_requested = TRUE;
          s->revised = r->revised;
        }
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}

/* Fills each candidate's scorers, N of M and pending members. */
void
jp_store_defence_compute_status (Loaded *l)
{
  JpDefenceSession *s = l->session;

  for (guint i = 0; i < s->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (s->candidates, i);
      g_autoptr(GStrvBuilder) conflicted = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) scorers = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) pending = g_strv_builder_new ();

      c->n_expected = 0;
      c->n_submitted = 0;
      for (guint j = 0; j < s->panel->len; j++)
        {
          JpDefencePanelMember *m = g_ptr_array_index (s->panel, j);
          JpDefenceSheet *sheet = jp_store_defence_find_sheet (l, m->code, c->code);

          if (jp_store_defence_is_conflicted (l, m->code, c->code))
            {
              g_strv_builder_add (conflicted, m->code);
              continue;
            }
          if (m->absent && !jp_store_defence_sheet_counts (sheet))
            continue;
          g_strv_builder_add (scorers, m->code);
          c->n_expected++;
          if (jp_store_defence_sheet_counts (sheet))
            c->n_submitted++;
          else
            g_strv_builder_add (pending, m->code);
        }
      g_strfreev (c->conflicted);
      g_strfreev (c->scorers);
      g_strfreev (c->pending);
      c->conflicted = g_strv_builder_end (conflicted);
      c->scorers = g_strv_builder_end (scorers);
      c->pending = g_strv_builder_end (pending);
      c->complete = c->n_expected > 0 && c->n_submitted == c->n_expected;
    }
}

/* The conflicts (回避) of the panel with the session's candidates, by the same rule as
 * jp_store_round_conflicted_codes (a declared conflict, or the member's unit is the
 * candidate's nominating unit or employer, by jp_unit_name_normalize), in two queries for
 * the whole session rather than one per member: the session is loaded on every sheet. */
static gboolean
load_conflicts (JpStore  *self,
                Loaded   *l,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);   /* per member */
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT m.code, rc.code FROM conflict f "
                           "JOIN member m ON m.id = f.member_id "
                           "JOIN round_candidate rc ON rc.candidate_id = f.candidate_id "
                           "WHERE rc.round_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (l->conflicts, pair_key ((const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "SELECT m.code, m.unit FROM member m "
                                 "JOIN member_trade mt ON mt.member_id = m.id "
                                 "WHERE mt.trade_id = ? ORDER BY m.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->trade_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (units, jp_store_column_dup (stmt, 0));
      g_ptr_array_add (units, jp_unit_name_normalize ((const char *) sqlite3_column_text (stmt,
                                                                                          1)));
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self, "SELECT rc.code, u.name, c.employer FROM round_candidate rc "
                                 "JOIN candidate c ON c.id = rc.candidate_id "
                                 "LEFT JOIN unit u ON u.id = c.unit_id WHERE rc.round_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *nominating = jp_unit_name_normalize ((const char *)
                                                            sqlite3_column_text (stmt, 1));
      g_autofree char *employer = jp_unit_name_normalize ((const char *)
                                                          sqlite3_column_text (stmt, 2));

      for (guint i = 0; i + 1 < units->len; i += 2)
        {
          const char *unit = units->pdata[i + 1];

          if (*unit != '\0' && (strcmp (unit, nominating) == 0 || strcmp (unit, employer) == 0))
            g_hash_table_add (l->conflicts, pair_key (units->pdata[i], code));
        }
    }
  if (rc != SQLITE_DONE)
    return jp_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
not_defence (JpRound  *round,
             GError  **error)
{
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
               _("Round %lld is a ballot round, not a defence session."),
               (long long) round->id);
  return FALSE;
}

Loaded *
jp_store_defence_load (JpStore  *self,
                       gint64    round_id,
                       GError  **error)
{
  g_autoptr(Loaded) l = g_new0 (Loaded, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JpDefenceSession *s;
  int rc;

  l->round = jp_store_load_round (self, round_id, error);
  if (l->round == NULL)
    return NULL;
  if (l->round->kind != JP_ROUND_KIND_DEFENCE)
    {
      not_defence (l->round, error);
      return NULL;
    }
  l->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_sheet_free);
  l->sheet_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l->conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l->member_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_store_defence_revision_free);

  s = l->session = g_new0 (JpDefenceSession, 1);
  s->round_id = round_id;
  s->trade_id = l->round->trade_id;
  s->trade_code = g_strdup (l->round->trade_code);
  s->trade_name = g_strdup (l->round->trade_name);
  s->state = l->round->state;
  s->digest = g_strdup (l->round->digest);
  s->opened_at = l->round->opened_at;
  s->closed_at = l->round->closed_at;
  s->sealed_at = l->round->sealed_at;

  stmt = jp_store_prepare (self,
                           "SELECT d.rubric, d.presentation_minutes, d.questions_minutes, "
                           "  d.drop_min_totals, d.alert_hundredths, "
                           "  coalesce (d.current_candidate_id, 0), r.order_random "
                           "FROM defence_session d JOIN round r ON r.id = d.round_id "
                           "WHERE d.round_id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("Defence session %lld has no stored rubric; the file %s was altered. "
                     "Use the archived copy."), (long long) round_id, self->path);
      return NULL;
    }
  s->rubric = rubric_from_json ((const char *) sqlite3_column_text (stmt, 0), error);
  if (s->rubric == NULL)
    return NULL;
  s->presentation_minutes = sqlite3_column_int (stmt, 1);
  s->questions_minutes = sqlite3_column_int (stmt, 2);
  s->drop_min_totals = sqlite3_column_int (stmt, 3);
  s->alert_hundredths = sqlite3_column_int64 (stmt, 4);
  l->current_id = sqlite3_column_int64 (stmt, 5);
  s->seed = jp_store_column_dup (stmt, 6);
  g_clear_pointer (&stmt, sqlite3_finalize);

  s->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_candidate_free);
  for (guint i = 0; i < l->round->candidates->len; i++)
    {
      JpRoundCandidate *rc_ = g_ptr_array_index (l->round->candidates, i);
      JpDefenceCandidate *c = g_new0 (JpDefenceCandidate, 1);

      c->candidate_id = rc_->candidate_id;
      c->code = g_strdup (rc_->code);
      c->order = rc_->position;
      if (rc_->candidate_id == l->current_id)
        s->current = rc_->position;
      g_ptr_array_add (s->candidates, c);
    }

  s->panel = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_panel_member_free);
  stmt = jp_store_prepare (self,
                           "SELECT m.id, m.code, m.name, a.reason "
                           "FROM member m JOIN member_trade mt ON mt.member_id = m.id "
                           "LEFT JOIN defence_absence a ON a.member_id = m.id AND a.round_id = ? "
                           "WHERE mt.trade_id = ? ORDER BY m.code",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, l->round->trade_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpDefencePanelMember *m = g_new0 (JpDefencePanelMember, 1);

      m->member_id = sqlite3_column_int64 (stmt, 0);
      m->code = jp_store_column_dup (stmt, 1);
      m->name = jp_store_column_dup (stmt, 2);
      m->absence_reason = jp_store_column_dup (stmt, 3);
      m->absent = m->absence_reason != NULL;
      g_ptr_array_add (s->panel, m);
      g_hash_table_insert (l->member_ids, g_strdup (m->code), g_memdup2 (&m->member_id,
                                                                         sizeof (gint64)));
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!load_conflicts (self, l, error))
    return NULL;

  if (!load_sheets (self, l, error))
    return NULL;
  jp_store_defence_compute_status (l);
  return g_steal_pointer (&l);
}

JpDefenceCandidate *
jp_store_defence_need_candidate (Loaded      *l,
                                 const char  *code,
                                 GError     **error)
{
  const JpDefenceCandidate *c = jp_defence_session_find (l->session, code);

  if (c == NULL)
    g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                 _("%s is not a candidate of defence session %lld (trade %s); check the "
                   "code."),
                 code != NULL ? code : "", (long long) l->round->id,
                 l->session->trade_code != NULL ? l->session->trade_code : "");
  return (JpDefenceCandidate *) c;
}

gboolean
jp_store_defence_member_exists (JpStore     *self,
                                const char  *code,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, "SELECT 1 FROM member WHERE code = ?",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code != NULL ? code : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
               _("There is no member %s; give the member's code as in the member list."),
               code != NULL ? code : "");
  return FALSE;
}

/* The panel member `code`, or NULL with NOT_FOUND (no such member) or INVALID (not on the
 * trade's panel). */
JpDefencePanelMember *
jp_store_defence_need_panel_member (JpStore     *self,
                                    Loaded      *l,
                                    const char  *code,
                                    GError     **error)
{
  JpDefencePanelMember *m = jp_store_defence_find_panel_member (l, code);

  if (m != NULL)
    return m;
  if (!jp_store_defence_member_exists (self, code, error))
    return NULL;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
               _("Member %s is not on the panel of trade %s and cannot score in its defence "
                 "session."),
               code, l->session->trade_code != NULL ? l->session->trade_code : "");
  return NULL;
}

gboolean
jp_store_defence_need_open (Loaded  *l,
                            GError **error)
{
  if (l->round->state == JP_ROUND_STATE_OPEN)
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
               _("Defence session %lld is %s; it cannot be changed."),
               (long long) l->round->id, jp_round_state_to_key (l->round->state));
  return FALSE;
}

gboolean
jp_store_defence_need_reason (const char  *reason,
                              const char  *what,
                              char       **out,
                              GError     **error)
{
  *out = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (**out != '\0')
    return TRUE;
  g_clear_pointer (out, g_free);
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
               _("Write the reason for %s; it is kept in the record."), what);
  return FALSE;
}


void
jp_store_defence_target_clear (Target *t)
{
  g_clear_pointer (&t->l, jp_store_defence_loaded_free);
}

/* Starts the write transaction and loads the session; FALSE with `error` and nothing left
 * open when either fails. */
gboolean
jp_store_defence_target_begin (JpStore  *self,
                               gint64    round_id,
                               Target   *t,
                               GError  **error)
{
  if (!jp_store_begin (self, error))
    return FALSE;
  t->l = jp_store_defence_load (self, round_id, error);
  if (t->l != NULL)
    return TRUE;
  jp_store_rollback (self);
  return FALSE;
}

/* The checks every change of a sheet starts with, in the order a person would ask them: the
 * session is open, `candidate` (unless NULL) is one of its candidates, `member` is on its
 * panel; then finds the member's sheet for the candidate. */
gboolean
jp_store_defence_target_resolve (JpStore     *self,
                                 Target      *t,
                                 const char  *member,
                                 const char  *candidate,
                                 GError     **error)
{
  if (!jp_store_defence_need_open (t->l, error))
    return FALSE;
  if (candidate != NULL)
    {
      t->c = jp_store_defence_need_candidate (t->l, candidate, error);
      if (t->c == NULL)
        return FALSE;
    }
  if ((t->m = jp_store_defence_need_panel_member (self, t->l, member, error)) == NULL)
    return FALSE;
  t->sheet = t->c != NULL ? jp_store_defence_find_sheet (t->l, t->m->code, t->c->code) : NULL;
  return TRUE;
}

/* jp_store_defence_target_begin() then jp_store_defence_target_resolve(): the one
 * sequence of sheet save, unlock, revise and absence. FALSE with `error` and nothing left
 * open on failure; on success the caller commits or rolls back. */
gboolean
jp_store_defence_target_open (JpStore     *self,
                              gint64       round_id,
                              const char  *member,
                              const char  *candidate,
                              Target      *t,
                              GError     **error)
{
  if (!jp_store_defence_target_begin (self, round_id, t, error))
    return FALSE;
  if (jp_store_defence_target_resolve (self, t, member, candidate, error))
    return TRUE;
  jp_store_rollback (self);
  return FALSE;
}

void
jp_store_defence_add_str (JsonBuilder *b,
                          const char  *key,
                          const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
jp_store_defence_add_int (JsonBuilder *b,
                          const char  *key,
                          gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}
