/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-defence-private.h"

/* Defence sessions (issue 7): opening with a drawn order, reading a session, the current
 * candidate; the boxed types. The rules are core's. The other parts: -load.c (a session
 * with everything the rules need), -sheets.c, -results.c, -paper.c, -close.c. */

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

JpDefenceSheet *
jp_store_defence_sheet_copy (const JpDefenceSheet *s)
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
  rubric_json = jp_store_defence_rubric_to_json (settings->rubric);

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
  /* the panel is counted as the ballot rounds count it (one rule, jp_store_panel_size) */
  if (!jp_store_panel_size (self, t->id, &panel, error))
    goto fail;
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
  jp_store_defence_add_int (payload, "round", round_id);
  jp_store_defence_add_str (payload, "trade", tname);
  jp_store_defence_add_str (payload, "random", random_hex);
  jp_store_defence_add_str (payload, "rubric", rubric_json);
  jp_store_defence_add_int (payload, "presentation_minutes", settings->presentation_minutes);
  jp_store_defence_add_int (payload, "questions_minutes", settings->questions_minutes);
  jp_store_defence_add_int (payload, "drop_min_totals", settings->drop_min_totals);
  jp_store_defence_add_int (payload, "alert_hundredths", alert);
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

  l = jp_store_defence_load (self, round_id, error);
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
  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL || !jp_store_defence_need_open (l, error))
    goto fail;
  if (candidate != NULL && *candidate != '\0'
      && (c = jp_store_defence_need_candidate (l, candidate, error)) == NULL)
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
  jp_store_defence_add_int (payload, "round", round_id);
  jp_store_defence_add_str (payload, "candidate", c != NULL ? c->code : NULL);
  jp_store_defence_add_int (payload, "order", c != NULL ? c->order : 0);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.current", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}
