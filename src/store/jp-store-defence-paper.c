/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-defence-private.h"

/* Defence sessions: paper score sheets typed by two scrutineers (`scores enter`). */

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
  g_autoptr(GString) problems = g_string_new (NULL);
  JpPaperPass typed = { JP_PAPER_SHEETS, round_id, pass, entered_by };
  guint n_problems = 0;

  g_return_val_if_fail (JP_IS_STORE (self), -1);
  g_return_val_if_fail (pass == 1 || pass == 2, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!jp_store_defence_member_exists (self, entered_by, error))
    return -1;
  if (!jp_store_begin (self, error))
    return -1;
  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL || !jp_store_defence_need_open (l, error))
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
      JpDefencePanelMember *m = jp_store_defence_find_panel_member (l, p->member);
      const JpDefenceCandidate *c = jp_defence_session_find (l->session, p->candidate);
      g_autofree char *problem = NULL;

      if (c == NULL)
        problem = g_strdup_printf (_("%s is not a candidate of this session (trade %s)"),
                                   p->candidate, l->session->trade_code);
      else if (m == NULL)
        problem = g_strdup_printf (_("member %s is not on the panel of trade %s"), p->member,
                                   l->session->trade_code);
      else if (jp_store_defence_is_conflicted (l, m->code, c->code))
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

  if (!jp_store_paper_pass_begin (self, &typed, error))
    goto fail;
  stmt = jp_store_prepare (self,
                           "INSERT INTO defence_paper_entry (round_id, pass, member_id, "
                           " candidate_id, scores, total_halves, line, entered_by) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < parsed->len; i++)
    {
      JpPaperSheet *p = g_ptr_array_index (parsed, i);
      JpDefencePanelMember *m = jp_store_defence_find_panel_member (l, p->member);
      const JpDefenceCandidate *c = jp_defence_session_find (l->session, p->candidate);
      g_autofree char *scores = jp_store_defence_scores_to_text (p->halves, p->n_criteria);

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
  if (!jp_store_paper_pass_commit (self, &typed, source_name, parsed->len, error))
    return -1;
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
      p->halves = jp_store_defence_scores_from_text (
          (const char *) sqlite3_column_text (stmt, 2), n);
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

GPtrArray *
jp_store_defence_paper_compare (JpStore  *self,
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
      JpDefenceSheet *s = jp_store_defence_find_sheet (l, p->member, p->candidate);

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

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (pass == 1 || pass == 2, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL || (sheets = paper_pass (self, l, pass, error)) == NULL)
    return NULL;
  if (entered_by != NULL
      && !jp_store_paper_entered_by (self, JP_PAPER_SHEETS, round_id, pass, entered_by, error))
    return NULL;
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

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return jp_store_defence_paper_compare (self, l, error);
}
