/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-console.h"
#include "jp-store-defence.h"

/* Defence sessions (issue 7): opening with a drawn order, sheets, the chair's unlocks,
 * revisions and absences, paper entry, close and seal, results. The rules are core's. */

/* ---- boxed types ---- */

const char *
jp_defence_sheet_state_to_key (JpDefenceSheetState state)
{
  switch (state)
    {
    case JP_DEFENCE_SHEET_DRAFT: return "draft";
    case JP_DEFENCE_SHEET_SUBMITTED: return "submitted";
    case JP_DEFENCE_SHEET_NONE:
    default: return "none";
    }
}

void
jp_defence_sheet_free (JpDefenceSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->member);
  g_free (sheet->candidate);
  g_free (sheet->halves);
  g_free (sheet);
}

static JpDefenceSheet *
sheet_copy (const JpDefenceSheet *s)
{
  JpDefenceSheet *c = g_memdup2 (s, sizeof *s);

  c->member = g_strdup (s->member);
  c->candidate = g_strdup (s->candidate);
  c->halves = g_memdup2 (s->halves, sizeof (int) * MAX (s->n_criteria, 1));
  return c;
}

void
jp_defence_panel_member_free (JpDefencePanelMember *m)
{
  if (m == NULL)
    return;
  g_free (m->code);
  g_free (m->name);
  g_free (m->absence_reason);
  g_free (m);
}

void
jp_defence_candidate_free (JpDefenceCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_strfreev (c->conflicted);
  g_strfreev (c->scorers);
  g_strfreev (c->pending);
  g_free (c);
}

void
jp_defence_session_free (JpDefenceSession *s)
{
  if (s == NULL)
    return;
  g_free (s->trade_code);
  g_free (s->trade_name);
  g_clear_pointer (&s->rubric, g_ptr_array_unref);
  g_free (s->seed);
  g_clear_pointer (&s->panel, g_ptr_array_unref);
  g_clear_pointer (&s->candidates, g_ptr_array_unref);
  g_free (s->digest);
  g_free (s);
}

const JpDefenceCandidate *
jp_defence_session_current (const JpDefenceSession *s)
{
  g_return_val_if_fail (s != NULL, NULL);

  for (guint i = 0; i < s->candidates->len; i++)
    {
      const JpDefenceCandidate *c = g_ptr_array_index (s->candidates, i);

      if (c->order == s->current)
        return c;
    }
  return NULL;
}

const JpDefenceCandidate *
jp_defence_session_find (const JpDefenceSession *s,
                         const char             *code)
{
  g_return_val_if_fail (s != NULL, NULL);

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < s->candidates->len; i++)
    {
      const JpDefenceCandidate *c = g_ptr_array_index (s->candidates, i);

      if (g_ascii_strcasecmp (c->code, code) == 0)
        return c;
    }
  return NULL;
}

void
jp_defence_alert_free (JpDefenceAlert *a)
{
  if (a == NULL)
    return;
  g_free (a->candidate);
  g_free (a->member);
  g_free (a);
}

void
jp_defence_candidate_results_free (JpDefenceCandidateResults *r)
{
  if (r == NULL)
    return;
  g_free (r->code);
  g_clear_pointer (&r->score, jp_defence_score_free);
  g_clear_pointer (&r->sheets, g_ptr_array_unref);
  g_clear_pointer (&r->alerts, g_ptr_array_unref);
  g_free (r);
}

void
jp_defence_results_free (JpDefenceResults *r)
{
  if (r == NULL)
    return;
  g_free (r->trade_code);
  g_clear_pointer (&r->rubric, g_ptr_array_unref);
  g_clear_pointer (&r->candidates, g_ptr_array_unref);
  g_clear_pointer (&r->consistency, g_ptr_array_unref);
  g_free (r->digest);
  g_free (r);
}

/* ---- scores as stored: halves, space-separated, -1 for an empty field ---- */

static char *
scores_to_text (const int *halves,
                guint      n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, i > 0 ? " %d" : "%d", halves[i]);
  return g_string_free (s, FALSE);
}

static int *
scores_from_text (const char *text,
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

static char *
rubric_to_json (GPtrArray *rubric)
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

static int
criterion_max_halves (GPtrArray *rubric,
                      guint      i)
{
  int max = 0;

  jp_halves_from_double (((JpRubricCriterion *) g_ptr_array_index (rubric, i))->max, &max);
  return max;
}

/* ---- loading a session with everything the rules need ---- */

typedef struct {
  char     *member;
  char     *candidate;
  char     *scores;
  int       total_halves;
  gint64    median;
  gboolean  revised;
} Revision;

static void
revision_free (Revision *r)
{
  g_free (r->member);
  g_free (r->candidate);
  g_free (r->scores);
  g_free (r);
}

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

static void
loaded_free (Loaded *l)
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

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

static JpDefenceSheet *
find_sheet (Loaded     *l,
            const char *member,
            const char *candidate)
{
  char buf[96];
  g_autofree char *heap = NULL;

  return g_hash_table_lookup (l->sheet_of, pair_key_buf (buf, sizeof buf, member, candidate,
                                                         &heap));
}

static gboolean
is_conflicted (Loaded     *l,
               const char *member,
               const char *candidate)
{
  char buf[96];
  g_autofree char *heap = NULL;

  return g_hash_table_contains (l->conflicts, pair_key_buf (buf, sizeof buf, member, candidate,
                                                            &heap));
}

static JpDefencePanelMember *
find_panel_member (Loaded     *l,
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

static Revision *
find_revision (Loaded     *l,
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

static gboolean
sheet_counts (const JpDefenceSheet *s)
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
      s->halves = scores_from_text ((const char *) sqlite3_column_text (stmt, 2), n);
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
      JpDefenceSheet *old = find_sheet (l, member, candidate);
      JpDefenceSheet *s;

      if (old != NULL && (old->state == JP_DEFENCE_SHEET_SUBMITTED || old->paper))
        continue;
      s = g_new0 (JpDefenceSheet, 1);
      s->member = g_strdup (member);
      s->candidate = g_strdup (candidate);
      s->n_criteria = n;
      s->halves = scores_from_text ((const char *) sqlite3_column_text (stmt, 2), n);
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
      s = find_sheet (l, r->member, r->candidate);
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
static void
compute_status (Loaded *l)
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
          JpDefenceSheet *sheet = find_sheet (l, m->code, c->code);

          if (is_conflicted (l, m->code, c->code))
            {
              g_strv_builder_add (conflicted, m->code);
              continue;
            }
          if (m->absent && !sheet_counts (sheet))
            continue;
          g_strv_builder_add (scorers, m->code);
          c->n_expected++;
          if (sheet_counts (sheet))
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

static Loaded *
load (JpStore  *self,
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
  l->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) revision_free);

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
  compute_status (l);
  return g_steal_pointer (&l);
}

static JpDefenceCandidate *
need_candidate (Loaded      *l,
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

static gboolean
member_exists (JpStore     *self,
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
static JpDefencePanelMember *
need_panel_member (JpStore     *self,
                   Loaded      *l,
                   const char  *code,
                   GError     **error)
{
  JpDefencePanelMember *m = find_panel_member (l, code);

  if (m != NULL)
    return m;
  if (!member_exists (self, code, error))
    return NULL;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
               _("Member %s is not on the panel of trade %s and cannot score in its defence "
                 "session."),
               code, l->session->trade_code != NULL ? l->session->trade_code : "");
  return NULL;
}

static gboolean
need_open (Loaded  *l,
           GError **error)
{
  if (l->round->state == JP_ROUND_STATE_OPEN)
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
               _("Defence session %lld is %s; it cannot be changed."),
               (long long) l->round->id, jp_round_state_to_key (l->round->state));
  return FALSE;
}

static gboolean
need_reason (const char  *reason,
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

/* What a change of one member's sheet works on: the session loaded in the write
 * transaction, the member, the candidate (NULL when the change is not about one) and the
 * member's sheet for it (NULL when there is none). */
typedef struct {
  Loaded               *l;
  JpDefencePanelMember *m;
  JpDefenceCandidate   *c;
  JpDefenceSheet       *sheet;
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->l, loaded_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* Starts the write transaction and loads the session; FALSE with `error` and nothing left
 * open when either fails. */
static gboolean
target_begin (JpStore  *self,
              gint64    round_id,
              Target   *t,
              GError  **error)
{
  if (!jp_store_begin (self, error))
    return FALSE;
  t->l = load (self, round_id, error);
  if (t->l != NULL)
    return TRUE;
  jp_store_rollback (self);
  return FALSE;
}

/* The checks every change of a sheet starts with, in the order a person would ask them: the
 * session is open, `candidate` (unless NULL) is one of its candidates, `member` is on its
 * panel; then finds the member's sheet for the candidate. */
static gboolean
target_resolve (JpStore     *self,
                Target      *t,
                const char  *member,
                const char  *candidate,
                GError     **error)
{
  if (!need_open (t->l, error))
    return FALSE;
  if (candidate != NULL && (t->c = need_candidate (t->l, candidate, error)) == NULL)
    return FALSE;
  if ((t->m = need_panel_member (self, t->l, member, error)) == NULL)
    return FALSE;
  t->sheet = t->c != NULL ? find_sheet (t->l, t->m->code, t->c->code) : NULL;
  return TRUE;
}

/* target_begin() then target_resolve(): the one sequence of sheet save, unlock, revise and
 * absence. FALSE with `error` and nothing left open on failure; on success the caller
 * commits or rolls back. */
static gboolean
target_open (JpStore     *self,
             gint64       round_id,
             const char  *member,
             const char  *candidate,
             Target      *t,
             GError     **error)
{
  if (!target_begin (self, round_id, t, error))
    return FALSE;
  if (target_resolve (self, t, member, candidate, error))
    return TRUE;
  jp_store_rollback (self);
  return FALSE;
}

static void
add_str (JsonBuilder *b,
         const char  *key,
         const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

/* ---- opening ---- */

static gint64
find_defence_round (JpStore *self,
                    gint64   trade_id)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                   "SELECT id FROM round WHERE kind = 'defence' "
                                                   "AND trade_id = ? ORDER BY number DESC",
                                                   NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, trade_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gint64
jp_store_open_defence_session (JpStore     *self,
                               const char  *trade,
                               const char  *actor,
                               GError     **error)
{
  g_autoptr(JpTrade) t = NULL;
  g_autoptr(GPtrArray) finalists = NULL;
  g_autoptr(JpSettings) settings = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) code_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree guint8 *random = NULL;
  g_autofree char *random_hex = NULL;
  g_autofree char *rubric_json = NULL;
  JpTradeFinalists *f = NULL;
  const char *tname;
  gint64 alert = 0, round_id, now, existing;
  gsize n_random;
  int panel = 0, number = 1;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  t = trade != NULL ? jp_store_find_trade (self, trade) : NULL;
  if (t == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no trade “%s”; give the trade's code as shown in the seat "
                     "plan."), trade != NULL ? trade : "");
      return 0;
    }
  tname = t->code != NULL ? t->code : t->name;
  finalists = jp_store_finalists (self, error);
  if (finalists == NULL)
    return 0;
  for (guint i = 0; i < finalists->len; i++)
    if (((JpTradeFinalists *) finalists->pdata[i])->trade_id == t->id)
      f = finalists->pdata[i];
  if (f == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Trade %s has no closed ballot round yet: its finalists are decided by "
                     "the committee ballot before the defence."), tname);
      return 0;
    }
  if (f->pending_round != 0)
    {
      if (f->runoff_pending)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("The finalists of trade %s are not decided yet: round %lld still needs "
                       "its run-off. Finish the ballot before the defence."),
                     tname, (long long) f->pending_round);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("The finalists of trade %s are not decided yet: round %lld is still to "
                       "be closed or repeated. Finish the ballot before the defence."),
                     tname, (long long) f->pending_round);
      return 0;
    }
  if (f->finalists->len == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Trade %s has no finalist; there is nobody to present."), tname);
      return 0;
    }

  settings = jp_store_get_settings (self);
  if (settings->rubric == NULL || settings->rubric->len == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The settings have no defence rubric; add its criteria first."));
      return 0;
    }
  for (guint i = 0; i < settings->rubric->len; i++)
    {
      JpRubricCriterion *c = g_ptr_array_index (settings->rubric, i);
      int h;

      if (!jp_halves_from_double (c->max, &h) || h <= 0)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("Criterion %u “%s”: its maximum %g is not a positive multiple of "
                         "0.5; correct the rubric in the settings."), i + 1, c->name, c->max);
          return 0;
        }
    }
  if (!jp_hundredths_from_double (settings->deviation_alert, &alert) || alert < 0
      || settings->drop_min_totals < 3 || settings->presentation_minutes < 1
      || settings->questions_minutes < 1)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The defence settings are not valid (times, drop rule or deviation "
                     "alert); correct them in the settings first."));
      return 0;
    }
  rubric_json = rubric_to_json (settings->rubric);

  for (guint i = 0; i < f->finalists->len; i++)
    {
      JpRoundCandidate *c = g_ptr_array_index (f->finalists, i);

      g_array_append_val (ids, c->candidate_id);
      g_hash_table_insert (code_of, &c->candidate_id, c->code);
    }
  n_random = jp_codes_random_bytes_needed (ids->len);
  random = g_malloc0 (MAX (n_random, 1));
  if (!jp_store_random_bytes (random, n_random, error))
    return 0;
  {
    g_autoptr(GError) core_error = NULL;

    /* the same unbiased draw as the codes; only its order is used */
    order = jp_codes_draw ("D", ids, random, n_random, &core_error);
    if (order == NULL)
      {
        jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
        return 0;
      }
  }
  random_hex = jp_store_hex (random, n_random);

  if (!jp_store_begin (self, error))
    return 0;
  existing = find_defence_round (self, t->id);
  if (existing != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("Trade %s already has its defence session (round %lld)."), tname,
                   (long long) existing);
      goto fail;
    }
  stmt = jp_store_prepare (self, "SELECT count (*) FROM member_trade WHERE trade_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, t->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    panel = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (panel < 1)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Trade %s has no panel: add the members who judge it first."), tname);
      goto fail;
    }
  stmt = jp_store_prepare (self, "SELECT coalesce (max (number), 0) + 1 FROM round "
                                 "WHERE kind = 'defence' AND trade_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, t->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  now = jp_store_now (self);
  stmt = jp_store_prepare (self,
                           "INSERT INTO round (kind, trade_id, state, seats, max_choices, present,"
                           " majority_threshold, number, order_random, created_at, opened_at) "
                           "VALUES ('defence', ?, 'open', ?, ?, ?, 0, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, t->id);
  sqlite3_bind_int (stmt, 2, (int) ids->len);
  sqlite3_bind_int (stmt, 3, (int) ids->len);
  sqlite3_bind_int (stmt, 4, panel);
  sqlite3_bind_int (stmt, 5, number);
  sqlite3_bind_text (stmt, 6, random_hex, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  round_id = sqlite3_last_insert_rowid (self->db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_session (round_id, rubric, presentation_minutes, "
                           " questions_minutes, drop_min_totals, alert_hundredths) "
                           "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, rubric_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, settings->presentation_minutes);
  sqlite3_bind_int (stmt, 4, settings->questions_minutes);
  sqlite3_bind_int (stmt, 5, settings->drop_min_totals);
  sqlite3_bind_int64 (stmt, 6, alert);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "trade", tname);
  add_str (payload, "random", random_hex);
  add_str (payload, "rubric", rubric_json);
  add_int (payload, "presentation_minutes", settings->presentation_minutes);
  add_int (payload, "questions_minutes", settings->questions_minutes);
  add_int (payload, "drop_min_totals", settings->drop_min_totals);
  add_int (payload, "alert_hundredths", alert);
  json_builder_set_member_name (payload, "order");
  json_builder_begin_array (payload);
  stmt = jp_store_prepare (self,
                           "INSERT INTO round_candidate (round_id, candidate_id, code, position) "
                           "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < order->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (order, i);
      const char *code = g_hash_table_lookup (code_of, &a->candidate_id);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, a->candidate_id);
      sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, a->position);
      if (!jp_store_step_done (self, stmt, error))
        goto fail;
      json_builder_add_string_value (payload, code);
    }
  json_builder_end_array (payload);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.open", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return round_id;

fail:
  jp_store_rollback (self);
  return 0;
}

/* ---- reading ---- */

JpDefenceSession *
jp_store_get_defence_session (JpStore  *self,
                              gint64    round_id,
                              GError  **error)
{
  g_autoptr(Loaded) l = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return g_steal_pointer (&l->session);
}

JpDefenceSession *
jp_store_find_defence_session (JpStore     *self,
                               const char  *trade,
                               GError     **error)
{
  g_autoptr(JpTrade) t = NULL;
  gint64 id;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  t = trade != NULL ? jp_store_find_trade (self, trade) : NULL;
  id = t != NULL ? find_defence_round (self, t->id) : 0;
  if (id == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("Trade “%s” has no defence session yet."), trade != NULL ? trade : "");
      return NULL;
    }
  return jp_store_get_defence_session (self, id, error);
}

/* ---- the current candidate ---- */

gboolean
jp_store_defence_set_current (JpStore     *self,
                              gint64       round_id,
                              const char  *candidate,
                              const char  *actor,
                              GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  JpDefenceCandidate *c = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  l = load (self, round_id, error);
  if (l == NULL || !need_open (l, error))
    goto fail;
  if (candidate != NULL && *candidate != '\0' && (c = need_candidate (l, candidate, error)) == NULL)
    goto fail;
  stmt = jp_store_prepare (self, "UPDATE defence_session SET current_candidate_id = ? "
                                 "WHERE round_id = ?", error);
  if (stmt == NULL)
    goto fail;
  if (c != NULL)
    sqlite3_bind_int64 (stmt, 1, c->candidate_id);
  sqlite3_bind_int64 (stmt, 2, round_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "candidate", c != NULL ? c->code : NULL);
  add_int (payload, "order", c != NULL ? c->order : 0);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.current", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- sheets ---- */

static gboolean
check_halves (GPtrArray  *rubric,
              const int  *halves,
              guint       n_halves,
              gboolean    submit,
              GError    **error)
{
  if (n_halves != rubric->len)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The sheet has %u scores but the rubric has %u criteria; give one score "
                     "per criterion, in the rubric's order."), n_halves, rubric->len);
      return FALSE;
    }
  for (guint i = 0; i < rubric->len; i++)
    {
      JpRubricCriterion *c = g_ptr_array_index (rubric, i);
      g_autofree char *field = g_strdup_printf (_("Criterion %u “%s”"), i + 1, c->name);
      int max = criterion_max_halves (rubric, i);

      if (halves[i] == -1 && !submit)
        continue;
      if (halves[i] == -1)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("%s: no score was given."), field);
          return FALSE;
        }
      if (halves[i] < 0)
        {
          g_autofree char *shown = jp_decimal_format_short (halves[i] * 50, 2);

          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("%s: %s is below zero; scores go from 0 to the maximum."), field,
                       shown);
          return FALSE;
        }
      if (halves[i] > max)
        {
          g_autofree char *shown = jp_decimal_format_short (halves[i] * 50, 2);
          g_autofree char *max_text = jp_decimal_format_short (max * 50, 2);

          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("%s: %s is above the maximum of %s points."), field, shown, max_text);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_sheet_in_tx (JpStore     *self,
                  Target      *t,
                  const int   *halves,
                  guint        n_halves,
                  gboolean     submit,
                  const char  *actor,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = NULL;
  g_autofree char *scores = NULL;
  Loaded *l = t->l;
  JpDefencePanelMember *m = t->m;
  JpDefenceCandidate *c = t->c;
  JpDefenceSheet *old = t->sheet;
  Revision *rev;
  const JpDefenceCandidate *current;
  int total = 0;
  gint64 now = jp_store_now (self);

  if (is_conflicted (l, m->code, c->code))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Member %s is conflicted with %s (回避) and cannot score this "
                     "candidate."), m->code, c->code);
      return FALSE;
    }
  if (m->absent)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Member %s was recorded as having left the session (%s) and cannot "
                     "score any more."), m->code, m->absence_reason);
      return FALSE;
    }
  if (old != NULL && old->state == JP_DEFENCE_SHEET_SUBMITTED)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Member %s has already submitted the sheet for %s; a submitted sheet "
                     "is locked. Only the chair can unlock it, with a reason."),
                   m->code, c->code);
      return FALSE;
    }
  current = jp_defence_session_current (l->session);
  if (current != c && !(old != NULL && old->reopened))
    {
      if (current != NULL)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("%s is not the current candidate (now presenting: %s); sheets are "
                       "scored for the current candidate."), c->code, current->code);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("%s is not the current candidate (the chair has not called a "
                       "candidate yet); sheets are scored for the current candidate."),
                     c->code);
      return FALSE;
    }
  if (!check_halves (l->session->rubric, halves, n_halves, submit, error))
    return FALSE;
  for (guint i = 0; i < n_halves; i++)
    if (halves[i] > 0)
      total += halves[i];
  scores = scores_to_text (halves, n_halves);

  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_sheet (round_id, candidate_id, member_id, scores,"
                           " total_halves, state, source, reopened, updated_at, submitted_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'station', ?7, ?8, ?9) "
                           "ON CONFLICT (round_id, candidate_id, member_id) DO UPDATE SET "
                           " scores = ?4, total_halves = ?5, state = ?6, source = 'station', "
                           " reopened = ?7, updated_at = ?8, submitted_at = ?9",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  sqlite3_bind_int64 (stmt, 2, c->candidate_id);
  sqlite3_bind_int64 (stmt, 3, m->member_id);
  sqlite3_bind_text (stmt, 4, scores, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, total);
  sqlite3_bind_text (stmt, 6, submit ? "submitted" : "draft", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, !submit && old != NULL && old->reopened ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, now);
  if (submit)
    sqlite3_bind_int64 (stmt, 9, now);
  if (!jp_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!submit)
    return TRUE;

  rev = find_revision (l, m->code, c->code);
  if (rev != NULL && !rev->revised)
    {
      stmt = jp_store_prepare (self, "UPDATE defence_revision SET revised_at = ? "
                                     "WHERE round_id = ? AND candidate_id = ? AND member_id = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_bind_int64 (stmt, 2, l->round->id);
      sqlite3_bind_int64 (stmt, 3, c->candidate_id);
      sqlite3_bind_int64 (stmt, 4, m->member_id);
      if (!jp_store_step_done (self, stmt, error))
        return FALSE;
    }
  payload = json_builder_new ();
  json_builder_begin_object (payload);
  add_int (payload, "round", l->round->id);
  add_str (payload, "member", m->code);
  add_str (payload, "candidate", c->code);
  add_str (payload, "scores", scores);
  add_int (payload, "total_halves", total);
  json_builder_set_member_name (payload, "revised");
  json_builder_add_boolean_value (payload, rev != NULL);
  json_builder_end_object (payload);
  return jp_store_audit (self, actor, "defence.submit", payload, error);
}

gboolean
jp_store_defence_save_sheet (JpStore     *self,
                             gint64       round_id,
                             const char  *member,
                             const char  *candidate,
                             const int   *halves,
                             guint        n_halves,
                             gboolean     submit,
                             const char  *actor,
                             GError     **error)
{
  g_auto(Target) t = { 0 };

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (halves != NULL || n_halves == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!target_open (self, round_id, member, candidate != NULL ? candidate : "", &t, error))
    return FALSE;
  if (!save_sheet_in_tx (self, &t, halves, n_halves, submit, actor, error)
      || !jp_store_commit (self, error))
    {
      jp_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
jp_store_defence_save_sheet_text (JpStore            *self,
                                  gint64              round_id,
                                  const char         *member,
                                  const char         *candidate,
                                  const char *const  *values,
                                  gboolean            submit,
                                  const char         *actor,
                                  GError            **error)
{
  g_auto(Target) t = { 0 };
  g_autofree int *halves = NULL;
  GPtrArray *rubric;
  guint n;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the values are read before the member and candidate are checked, as always */
  if (!target_begin (self, round_id, &t, error))
    return FALSE;
  rubric = t.l->session->rubric;
  n = g_strv_length ((GStrv) values);
  if (n != rubric->len)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The sheet has %u scores but the rubric has %u criteria; give one score "
                     "per criterion, in the rubric's order."), n, rubric->len);
      goto fail;
    }
  halves = g_new (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = g_strdup_printf (_("Criterion %u “%s”"), i + 1,
                                                ((JpRubricCriterion *) rubric->pdata[i])->name);
      g_autofree char *stripped = g_strstrip (g_strdup (values[i]));
      g_autoptr(GError) core_error = NULL;

      if (*stripped == '\0' && !submit)
        {
          halves[i] = -1;
          continue;
        }
      if (!jp_points_parse (values[i], criterion_max_halves (rubric, i), field, &halves[i],
                            &core_error))
        {
          jp_store_take_core_error (error, JP_STORE_ERROR_INVALID,
                                    g_steal_pointer (&core_error));
          goto fail;
        }
    }
  if (!target_resolve (self, &t, member, candidate != NULL ? candidate : "", error)
      || !save_sheet_in_tx (self, &t, halves, n, submit, actor, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

JpDefenceSheet *
jp_store_defence_get_sheet (JpStore     *self,
                            gint64       round_id,
                            const char  *member,
                            const char  *candidate,
                            GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  JpDefencePanelMember *m;
  JpDefenceCandidate *c;
  JpDefenceSheet *s;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL || (c = need_candidate (l, candidate, error)) == NULL
      || (m = need_panel_member (self, l, member, error)) == NULL)
    return NULL;
  s = find_sheet (l, m->code, c->code);
  if (s != NULL)
    return sheet_copy (s);
  s = g_new0 (JpDefenceSheet, 1);
  s->member = g_strdup (m->code);
  s->candidate = g_strdup (c->code);
  s->n_criteria = l->session->rubric->len;
  s->halves = g_new (int, MAX (s->n_criteria, 1));
  for (guint i = 0; i < s->n_criteria; i++)
    s->halves[i] = -1;
  return s;
}

GPtrArray *
jp_store_defence_list_sheets (JpStore  *self,
                              gint64    round_id,
                              GError  **error)
{
  g_autoptr(Loaded) l = NULL;
  GPtrArray *out;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_sheet_free);
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);

      for (guint j = 0; j < l->session->panel->len; j++)
        {
          JpDefencePanelMember *m = g_ptr_array_index (l->session->panel, j);
          JpDefenceSheet *s = find_sheet (l, m->code, c->code);

          if (s != NULL)
            g_ptr_array_add (out, sheet_copy (s));
        }
    }
  return out;
}

static gboolean
reopen_sheet (JpStore               *self,
              Loaded                *l,
              JpDefencePanelMember  *m,
              JpDefenceCandidate    *c,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self,
                           "UPDATE defence_sheet SET state = 'draft', reopened = 1, "
                           "  submitted_at = NULL, updated_at = ? "
                           "WHERE round_id = ? AND candidate_id = ? AND member_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, jp_store_now (self));
  sqlite3_bind_int64 (stmt, 2, l->round->id);
  sqlite3_bind_int64 (stmt, 3, c->candidate_id);
  sqlite3_bind_int64 (stmt, 4, m->member_id);
  return jp_store_step_done (self, stmt, error);
}

static gboolean
need_station_submitted (JpDefenceSheet        *s,
                        JpDefencePanelMember  *m,
                        JpDefenceCandidate    *c,
                        GError               **error)
{
  if (s != NULL && s->state == JP_DEFENCE_SHEET_SUBMITTED && !s->paper)
    return TRUE;
  if (s != NULL && s->paper)
    g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                 _("The sheet of %s for %s was entered from paper; correct the paper entry "
                   "instead."), m->code, c->code);
  else
    g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                 _("Member %s has not submitted a sheet for %s; there is nothing to "
                   "reopen."), m->code, c->code);
  return FALSE;
}

gboolean
jp_store_defence_unlock_sheet (JpStore     *self,
                               gint64       round_id,
                               const char  *member,
                               const char  *candidate,
                               const char  *reason,
                               const char  *actor,
                               GError     **error)
{
  g_auto(Target) t = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *why = NULL;
  g_autofree char *scores = NULL;
  JpDefencePanelMember *m;
  JpDefenceCandidate *c;
  JpDefenceSheet *s;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!need_reason (reason, _("unlocking a submitted sheet"), &why, error))
    return FALSE;
  if (!target_open (self, round_id, member, candidate != NULL ? candidate : "", &t, error))
    return FALSE;
  m = t.m;
  c = t.c;
  s = t.sheet;
  if (!need_station_submitted (s, m, c, error))
    goto fail;
  scores = scores_to_text (s->halves, s->n_criteria);
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_unlock (round_id, candidate_id, member_id, "
                           " reason, scores, total_halves, unlocked_by, unlocked_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, c->candidate_id);
  sqlite3_bind_int64 (stmt, 3, m->member_id);
  sqlite3_bind_text (stmt, 4, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, scores, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, s->total_halves);
  sqlite3_bind_text (stmt, 7, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error) || !reopen_sheet (self, t.l, m, c, error))
    goto fail;
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "member", m->code);
  add_str (payload, "candidate", c->code);
  add_str (payload, "reason", why);
  add_str (payload, "scores", scores);
  add_int (payload, "total_halves", s->total_halves);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.unlock", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- scores and alerts ---- */

/* D of candidate `c` over its submitted sheets (the scorers' ones). */
static JpDefenceScore *
score_candidate (Loaded              *l,
                 JpDefenceCandidate  *c,
                 GPtrArray          **sheets_out,
                 GError             **error)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (JpDefenceSheetTotal));
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  g_autoptr(GError) core_error = NULL;
  JpDefenceScore *score;

  for (guint j = 0; c->scorers[j] != NULL; j++)
    {
      JpDefenceSheet *s = find_sheet (l, c->scorers[j], c->code);
      JpDefenceSheetTotal t;

      if (!sheet_counts (s))
        continue;
      t.member = s->member;
      t.total_halves = s->total_halves;
      g_array_append_val (totals, t);
      g_ptr_array_add (sheets, s);
    }
  score = jp_defence_score_compute ((JpDefenceSheetTotal *) totals->data, totals->len,
                                    (guint) l->session->drop_min_totals,
                                    l->session->alert_hundredths, &core_error);
  if (score == NULL)
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_FAILED, g_steal_pointer (&core_error));
      return NULL;
    }
  if (sheets_out != NULL)
    *sheets_out = g_steal_pointer (&sheets);
  return score;
}

static JpDefenceTotal *
score_total (JpDefenceScore *score,
             const char     *member)
{
  for (guint i = 0; i < score->totals->len; i++)
    {
      JpDefenceTotal *t = g_ptr_array_index (score->totals, i);

      if (g_strcmp0 (t->member, member) == 0)
        return t;
    }
  return NULL;
}

/* The alerts of one candidate: the kept revision requests, then the current alerts of a
 * complete candidate (`score` may be NULL). */
static void
candidate_alerts (Loaded             *l,
                  JpDefenceCandidate *c,
                  JpDefenceScore     *score,
                  GPtrArray          *out)
{
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint i = 0; i < l->revisions->len; i++)
    {
      Revision *r = g_ptr_array_index (l->revisions, i);
      JpDefenceAlert *a;
      JpDefenceSheet *s;

      if (g_strcmp0 (r->candidate, c->code) != 0)
        continue;
      a = g_new0 (JpDefenceAlert, 1);
      a->candidate = g_strdup (c->code);
      a->member = g_strdup (r->member);
      a->total_halves = r->total_halves;
      a->median = r->median;
      a->deviation = (gint64) r->total_halves * 50 - r->median;
      a->requested = TRUE;
      a->revised = r->revised;
      s = find_sheet (l, r->member, c->code);
      a->revised_total_halves = r->revised && s != NULL ? s->total_halves : -1;
      g_ptr_array_add (mine, a);
    }
  for (guint i = 0; score != NULL && i < score->totals->len; i++)
    {
      JpDefenceTotal *t = g_ptr_array_index (score->totals, i);
      JpDefenceAlert *a;

      if (!t->alert || find_revision (l, t->member, c->code) != NULL)
        continue;
      a = g_new0 (JpDefenceAlert, 1);
      a->candidate = g_strdup (c->code);
      a->member = g_strdup (t->member);
      a->total_halves = t->total_halves;
      a->median = score->median;
      a->deviation = t->deviation;
      a->revised_total_halves = -1;
      g_ptr_array_add (mine, a);
    }
  /* by member code */
  for (guint i = 0; i < mine->len; i++)
    for (guint j = i + 1; j < mine->len; j++)
      if (g_strcmp0 (((JpDefenceAlert *) mine->pdata[j])->member,
                     ((JpDefenceAlert *) mine->pdata[i])->member) < 0)
        {
          gpointer tmp = mine->pdata[i];

          mine->pdata[i] = mine->pdata[j];
          mine->pdata[j] = tmp;
        }
  for (guint i = 0; i < mine->len; i++)
    g_ptr_array_add (out, mine->pdata[i]);
}

static gboolean
candidate_visible (Loaded             *l,
                   JpDefenceCandidate *c)
{
  return c->complete || l->round->state == JP_ROUND_STATE_CLOSED
         || l->round->state == JP_ROUND_STATE_SEALED;
}

GHashTable *
jp_store_defence_d_values (JpStore  *self,
                           gint64    round_id,
                           GError  **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(GHashTable) d_of = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  d_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* what compute_results() gives as each score's D, without the copies of the sheets, the
   * alerts and the consistency view that the ranking does not use */
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);
      g_autoptr(JpDefenceScore) score = NULL;

      if (!candidate_visible (l, c))
        continue;
      score = score_candidate (l, c, NULL, error);
      if (score == NULL)
        return NULL;
      if (score->has_score)
        g_hash_table_insert (d_of, g_strdup (c->code), g_memdup2 (&score->d, sizeof (gint64)));
    }
  return g_steal_pointer (&d_of);
}

GPtrArray *
jp_store_defence_alerts (JpStore     *self,
                         gint64       round_id,
                         const char  *candidate,
                         GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  if (candidate != NULL && need_candidate (l, candidate, error) == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_alert_free);
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);
      g_autoptr(JpDefenceScore) score = NULL;

      if (candidate != NULL && g_ascii_strcasecmp (c->code, candidate) != 0)
        continue;
      if (candidate_visible (l, c))
        {
          score = score_candidate (l, c, NULL, error);
          if (score == NULL)
            return NULL;
        }
      candidate_alerts (l, c, score, out);
    }
  return g_steal_pointer (&out);
}

gboolean
jp_store_defence_request_revision (JpStore     *self,
                                   gint64       round_id,
                                   const char  *member,
                                   const char  *candidate,
                                   const char  *reason,
                                   const char  *actor,
                                   GError     **error)
{
  g_auto(Target) target = { 0 };
  g_autoptr(JpDefenceScore) score = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *scores = NULL;
  g_autofree char *why = NULL;
  Loaded *l;
  JpDefencePanelMember *m;
  JpDefenceCandidate *c;
  JpDefenceTotal *t;
  JpDefenceSheet *s;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  why = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  if (!target_open (self, round_id, member, candidate != NULL ? candidate : "", &target,
                    error))
    return FALSE;
  l = target.l;
  m = target.m;
  c = target.c;
  if (find_revision (l, m->code, c->code) != NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("Member %s was already asked to revise the sheet for %s; a sheet is "
                     "revised once."), m->code, c->code);
      goto fail;
    }
  if (!c->complete)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Not every sheet for %s is in yet (%u of %u); the deviation alert is "
                     "known only then."), c->code, c->n_submitted, c->n_expected);
      goto fail;
    }
  s = target.sheet;
  if (!need_station_submitted (s, m, c, error))
    goto fail;
  score = score_candidate (l, c, NULL, error);
  if (score == NULL)
    goto fail;
  t = score_total (score, m->code);
  if (t == NULL || !t->alert)
    {
      g_autofree char *limit = jp_decimal_format_short (l->session->alert_hundredths, 2);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The total of %s for %s is within %s points of the median; there is no "
                     "deviation alert to revise."), m->code, c->code, limit);
      goto fail;
    }
  scores = scores_to_text (s->halves, s->n_criteria);
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_revision (round_id, candidate_id, member_id, "
                           " scores, total_halves, median, reason, requested_by, requested_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, c->candidate_id);
  sqlite3_bind_int64 (stmt, 3, m->member_id);
  sqlite3_bind_text (stmt, 4, scores, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, s->total_halves);
  sqlite3_bind_int64 (stmt, 6, score->median);
  jp_store_bind_text (stmt, 7, why);
  sqlite3_bind_text (stmt, 8, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error) || !reopen_sheet (self, l, m, c, error))
    goto fail;
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "member", m->code);
  add_str (payload, "candidate", c->code);
  add_int (payload, "total_halves", s->total_halves);
  add_int (payload, "median_hundredths", score->median);
  add_str (payload, "reason", why != NULL && *why != '\0' ? why : NULL);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.revise", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

gboolean
jp_store_defence_record_absence (JpStore     *self,
                                 gint64       round_id,
                                 const char  *member,
                                 const char  *reason,
                                 const char  *actor,
                                 GError     **error)
{
  g_auto(Target) t = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *why = NULL;
  JpDefencePanelMember *m;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!need_reason (reason, _("a member's absence"), &why, error))
    return FALSE;
  if (!target_open (self, round_id, member, NULL, &t, error))
    return FALSE;
  m = t.m;
  if (m->absent)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("The absence of %s is already recorded (%s)."), m->code,
                   m->absence_reason);
      goto fail;
    }
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_absence (round_id, member_id, reason, "
                           " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, m->member_id);
  sqlite3_bind_text (stmt, 3, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, actor != NULL && *actor != '\0' ? actor : "system", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "member", m->code);
  add_str (payload, "reason", why);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.absent", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- paper ---- */

int
jp_store_defence_enter_paper (JpStore     *self,
                              gint64       round_id,
                              int          pass,
                              const char  *data,
                              gsize        length,
                              const char  *source_name,
                              const char  *entered_by,
                              GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *other = NULL;
  guint n_problems = 0;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), -1);
  g_return_val_if_fail (pass == 1 || pass == 2, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!member_exists (self, entered_by, error))
    return -1;
  if (!jp_store_begin (self, error))
    return -1;
  l = load (self, round_id, error);
  if (l == NULL || !need_open (l, error))
    goto fail;
  parsed = jp_paper_sheets_parse (data, length, source_name, l->session->rubric, &core_error);
  if (parsed == NULL)
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
      goto fail;
    }
  for (guint i = 0; i < parsed->len; i++)
    {
      JpPaperSheet *p = g_ptr_array_index (parsed, i);
      JpDefencePanelMember *m = find_panel_member (l, p->member);
      const JpDefenceCandidate *c = jp_defence_session_find (l->session, p->candidate);
      g_autofree char *problem = NULL;

      if (c == NULL)
        problem = g_strdup_printf (_("%s is not a candidate of this session (trade %s)"),
                                   p->candidate, l->session->trade_code);
      else if (m == NULL)
        problem = g_strdup_printf (_("member %s is not on the panel of trade %s"), p->member,
                                   l->session->trade_code);
      else if (is_conflicted (l, m->code, c->code))
        problem = g_strdup_printf (_("member %s is conflicted with %s (回避)"), m->code,
                                   c->code);
      else if (m->absent)
        problem = g_strdup_printf (_("member %s was recorded as having left"), m->code);
      if (problem == NULL)
        continue;
      if (n_problems++ < 10)
        g_string_append_printf (problems, _("\n%s, line %u: %s"), source_name, p->line,
                                problem);
    }
  if (n_problems > 0)
    {
      if (n_problems > 10)
        g_string_append_printf (problems, _("\n… and %u more."), n_problems - 10);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("%s: nothing was entered:%s"), source_name, problems->str);
      goto fail;
    }

  stmt = jp_store_prepare (self, "SELECT entered_by FROM defence_paper_entry "
                                 "WHERE round_id = ? AND pass = ? LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, 3 - pass);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    other = jp_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (other != NULL && g_ascii_strcasecmp (other, entered_by) == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("%s typed the other entry of these paper sheets; the confirmation must be "
                     "typed by a second scrutineer."), entered_by);
      goto fail;
    }

  stmt = jp_store_prepare (self, "DELETE FROM defence_paper_entry WHERE round_id = ? AND pass = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, pass);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_paper_entry (round_id, pass, member_id, "
                           " candidate_id, scores, total_halves, line, entered_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < parsed->len; i++)
    {
      JpPaperSheet *p = g_ptr_array_index (parsed, i);
      JpDefencePanelMember *m = find_panel_member (l, p->member);
      const JpDefenceCandidate *c = jp_defence_session_find (l->session, p->candidate);
      g_autofree char *scores = scores_to_text (p->halves, p->n_criteria);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int (stmt, 2, pass);
      sqlite3_bind_int64 (stmt, 3, m->member_id);
      sqlite3_bind_int64 (stmt, 4, c->candidate_id);
      sqlite3_bind_text (stmt, 5, scores, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, p->total_halves);
      sqlite3_bind_int (stmt, 7, (int) p->line);
      sqlite3_bind_text (stmt, 8, entered_by, -1, SQLITE_TRANSIENT);
      if (!jp_store_step_done (self, stmt, error))
        goto fail;
    }
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_int (payload, "pass", pass);
  add_int (payload, "count", parsed->len);
  add_str (payload, "entered_by", entered_by);
  add_str (payload, "file", source_name);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, entered_by, "defence.paper", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return (int) parsed->len;

fail:
  jp_store_rollback (self);
  return -1;
}

static GPtrArray *
paper_pass (JpStore  *self,
            Loaded   *l,
            int       pass,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                             jp_paper_sheet_free);
  guint n = l->session->rubric->len;
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT m.code, rc.code, p.scores, p.total_halves, p.line "
                           "FROM defence_paper_entry p JOIN member m ON m.id = p.member_id "
                           "JOIN round_candidate rc ON rc.round_id = p.round_id "
                           "  AND rc.candidate_id = p.candidate_id "
                           "WHERE p.round_id = ? AND p.pass = ? ORDER BY p.line", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  sqlite3_bind_int (stmt, 2, pass);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpPaperSheet *p = g_new0 (JpPaperSheet, 1);

      p->member = jp_store_column_dup (stmt, 0);
      p->candidate = jp_store_column_dup (stmt, 1);
      p->halves = scores_from_text ((const char *) sqlite3_column_text (stmt, 2), n);
      p->n_criteria = n;
      p->total_halves = sqlite3_column_int (stmt, 3);
      p->line = (guint) sqlite3_column_int (stmt, 4);
      g_ptr_array_add (out, p);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static GPtrArray *
paper_differences (JpStore  *self,
                   Loaded   *l,
                   GError  **error)
{
  g_autoptr(GPtrArray) first = paper_pass (self, l, 1, error);
  g_autoptr(GPtrArray) second = NULL;
  GPtrArray *out;

  if (first == NULL || (second = paper_pass (self, l, 2, error)) == NULL)
    return NULL;
  if (first->len == 0 && second->len == 0)
    return g_ptr_array_new_with_free_func (g_free);
  out = jp_paper_sheets_compare (first, second, l->session->rubric);
  for (guint i = 0; i < first->len; i++)
    {
      JpPaperSheet *p = g_ptr_array_index (first, i);
      JpDefenceSheet *s = find_sheet (l, p->member, p->candidate);

      if (s != NULL && !s->paper && s->state == JP_DEFENCE_SHEET_SUBMITTED)
        g_ptr_array_add (out, g_strdup_printf (_("%s submitted a sheet for %s at the station "
                                                 "and it was also entered from paper (line "
                                                 "%u); keep one of them."),
                                               p->member, p->candidate, p->line));
    }
  return out;
}

GPtrArray *
jp_store_defence_list_paper (JpStore  *self,
                             gint64    round_id,
                             int       pass,
                             char    **entered_by,
                             GError  **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (pass == 1 || pass == 2, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL || (sheets = paper_pass (self, l, pass, error)) == NULL)
    return NULL;
  if (entered_by == NULL)
    return g_steal_pointer (&sheets);
  *entered_by = NULL;
  stmt = jp_store_prepare (self, "SELECT entered_by FROM defence_paper_entry "
                                 "WHERE round_id = ? AND pass = ? LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, pass);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *entered_by = jp_store_column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

GPtrArray *
jp_store_defence_paper_differences (JpStore  *self,
                                    gint64    round_id,
                                    GError  **error)
{
  g_autoptr(Loaded) l = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return paper_differences (self, l, error);
}

/* ---- results, canonical text, close and seal ---- */

static JpDefenceResults *
compute_results (Loaded  *l,
                 GError **error)
{
  g_autoptr(JpDefenceResults) r = g_new0 (JpDefenceResults, 1);
  g_autoptr(GPtrArray) scores = g_ptr_array_new ();

  r->round_id = l->round->id;
  r->trade_code = g_strdup (l->session->trade_code);
  r->state = l->round->state;
  r->digest = g_strdup (l->round->digest);
  r->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_rubric_criterion_free);
  for (guint i = 0; i < l->session->rubric->len; i++)
    g_ptr_array_add (r->rubric, jp_rubric_criterion_copy (l->session->rubric->pdata[i]));
  r->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                  jp_defence_candidate_results_free);
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);
      JpDefenceCandidateResults *cr = g_new0 (JpDefenceCandidateResults, 1);

      g_ptr_array_add (r->candidates, cr);
      cr->candidate_id = c->candidate_id;
      cr->code = g_strdup (c->code);
      cr->order = c->order;
      cr->n_expected = c->n_expected;
      cr->n_submitted = c->n_submitted;
      cr->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_sheet_free);
      cr->alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_alert_free);
      if (candidate_visible (l, c))
        {
          g_autoptr(GPtrArray) sheets = NULL;

          cr->score = score_candidate (l, c, &sheets, error);
          if (cr->score == NULL)
            return NULL;
          for (guint j = 0; j < sheets->len; j++)
            g_ptr_array_add (cr->sheets, sheet_copy (sheets->pdata[j]));
          if (cr->score->has_score)
            g_ptr_array_add (scores, cr->score);
        }
      candidate_alerts (l, c, cr->score, cr->alerts);
    }
  r->consistency = jp_judge_consistency_compute (scores);
  return g_steal_pointer (&r);
}

JpDefenceResults *
jp_store_defence_results (JpStore  *self,
                          gint64    round_id,
                          GError  **error)
{
  g_autoptr(Loaded) l = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return compute_results (l, error);
}

/* The canonical text over every submitted sheet and every D (jp_defence_canonical_text). */
static char *
canonical_text (Loaded  *l,
                GError **error)
{
  g_autoptr(JpDefenceResults) r = compute_results (l, error);
  g_autofree JpDefenceCandidateResult *cands = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) core_error = NULL;
  char *text;

  if (r == NULL)
    return NULL;
  cands = g_new0 (JpDefenceCandidateResult, MAX (r->candidates->len, 1));
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpDefenceCandidateResults *cr = g_ptr_array_index (r->candidates, i);
      JpDefenceSheetScores *sheets = g_new0 (JpDefenceSheetScores, MAX (cr->sheets->len, 1));

      g_ptr_array_add (keep, sheets);
      for (guint j = 0; j < cr->sheets->len; j++)
        {
          JpDefenceSheet *s = g_ptr_array_index (cr->sheets, j);

          sheets[j].member = s->member;
          sheets[j].halves = s->halves;
          sheets[j].revised = s->revised;
        }
      cands[i].code = cr->code;
      cands[i].order = cr->order;
      cands[i].score = cr->score;
      cands[i].sheets = sheets;
      cands[i].n_sheets = cr->sheets->len;
    }
  text = jp_defence_canonical_text (l->round->id, l->session->trade_code, l->session->rubric,
                                    cands, r->candidates->len, &core_error);
  if (text == NULL)
    jp_store_take_core_error (error, JP_STORE_ERROR_FAILED, g_steal_pointer (&core_error));
  return text;
}

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

gboolean
jp_store_defence_close (JpStore     *self,
                        gint64       round_id,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  gint64 now;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  l = load (self, round_id, error);
  if (l == NULL)
    goto fail;
  if (l->round->state != JP_ROUND_STATE_OPEN)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Defence session %lld is already %s."), (long long) round_id,
                   jp_round_state_to_key (l->round->state));
      goto fail;
    }
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);

      if (c->pending != NULL && c->pending[0] != NULL)
        {
          g_autofree char *who = g_strjoinv (", ", c->pending);

          g_string_append_printf (missing, _("\n%s: %u of %u sheets submitted; missing: %s"),
                                  c->code, c->n_submitted, c->n_expected, who);
        }
    }
  if (missing->len > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Defence session %lld cannot be closed: not every sheet is in.%s\n"
                     "Wait for the sheets, or record the absence of a member who left, with "
                     "the reason."), (long long) round_id, missing->str);
      goto fail;
    }
  diffs = paper_differences (self, l, error);
  if (diffs == NULL)
    goto fail;
  if (diffs->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < diffs->len; i++)
        g_string_append_printf (list, "\n%s", (const char *) diffs->pdata[i]);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Defence session %lld cannot be closed: the two entries of the paper "
                     "sheets differ; resolve them first:%s"), (long long) round_id, list->str);
      goto fail;
    }

  /* the agreed paper sheets become sheets */
  now = jp_store_now (self);
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_sheet (round_id, candidate_id, member_id, scores,"
                           " total_halves, state, source, reopened, updated_at, submitted_at) "
                           "SELECT p1.round_id, p1.candidate_id, p1.member_id, p1.scores, "
                           "  p1.total_halves, 'submitted', 'paper', 0, ?2, ?2 "
                           "FROM defence_paper_entry p1 JOIN defence_paper_entry p2 "
                           "  ON p2.round_id = p1.round_id AND p2.pass = 2 "
                           "  AND p2.member_id = p1.member_id AND p2.candidate_id = p1.candidate_id "
                           "WHERE p1.round_id = ?1 AND p1.pass = 1 AND true "
                           "ON CONFLICT (round_id, candidate_id, member_id) DO UPDATE SET "
                           "  scores = excluded.scores, total_halves = excluded.total_halves, "
                           "  state = 'submitted', source = 'paper', reopened = 0, "
                           "  updated_at = excluded.updated_at, "
                           "  submitted_at = excluded.submitted_at",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* the text is computed from what the file now holds, as the seal will recompute it */
  g_clear_pointer (&l, loaded_free);
  l = load (self, round_id, error);
  if (l == NULL)
    goto fail;
  l->round->state = JP_ROUND_STATE_CLOSED;
  text = canonical_text (l, error);
  if (text == NULL)
    goto fail;
  digest = sha256_hex (text);
  stmt = jp_store_prepare (self,
                           "UPDATE round SET state = 'closed', closed_at = ?, result = ?, "
                           "digest = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, round_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "trade", l->session->trade_code);
  add_str (payload, "digest", digest);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.close", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  jp_store_stage_changed (self, "defence-closed");
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* Recomputes a closed session's canonical text and checks it against the stored one. */
static char *
checked_text (JpStore  *self,
              Loaded   *l,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  if (l->round->state != JP_ROUND_STATE_CLOSED && l->round->state != JP_ROUND_STATE_SEALED)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Defence session %lld is not closed yet."), (long long) l->round->id);
      return NULL;
    }
  stmt = jp_store_prepare (self, "SELECT result FROM round WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, l->round->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    stored = jp_store_column_dup (stmt, 0);
  text = canonical_text (l, error);
  if (text == NULL)
    return NULL;
  digest = sha256_hex (text);
  if (g_strcmp0 (stored, text) != 0 || g_strcmp0 (digest, l->round->digest) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The sheets of defence session %lld no longer give the result recorded "
                     "when it closed (digest %s); the file %s was altered. Use the archived "
                     "copy."), (long long) l->round->id,
                   l->round->digest != NULL ? l->round->digest : "-", self->path);
      return NULL;
    }
  return g_steal_pointer (&text);
}

gboolean
jp_store_defence_seal (JpStore     *self,
                       gint64       round_id,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(Loaded) l = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!jp_store_begin (self, error))
    return FALSE;
  l = load (self, round_id, error);
  if (l == NULL)
    goto fail;
  if (l->round->state != JP_ROUND_STATE_CLOSED)
    {
      if (l->round->state == JP_ROUND_STATE_SEALED)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                     _("Defence session %lld is already sealed."), (long long) round_id);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                     _("Defence session %lld is not closed yet; close it before sealing."),
                     (long long) round_id);
      goto fail;
    }
  text = checked_text (self, l, error);
  if (text == NULL)
    goto fail;
  stmt = jp_store_prepare (self, "UPDATE round SET state = 'sealed', sealed_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, jp_store_now (self));
  sqlite3_bind_int64 (stmt, 2, round_id);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  json_builder_begin_object (payload);
  add_int (payload, "round", round_id);
  add_str (payload, "digest", l->round->digest);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "round.seal", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  jp_store_stage_changed (self, "defence-sealed");
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

char *
jp_store_defence_canonical_text (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error)
{
  g_autoptr(Loaded) l = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return checked_text (self, l, error);
}

char *
jp_store_defence_recompute_text (JpStore  *self,
                                 gint64    round_id,
                                 GError  **error)
{
  g_autoptr(Loaded) l = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  l = load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return canonical_text (l, error);
}
