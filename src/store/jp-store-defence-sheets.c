/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-defence-private.h"

/* Defence sessions: the members' sheets and drafts, the chair's unlock, a member's
 * absence. */

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
      int max = jp_store_defence_criterion_max_halves (rubric, i);

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

  if (jp_store_defence_is_conflicted (l, m->code, c->code))
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
  scores = jp_store_defence_scores_to_text (halves, n_halves);

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

  rev = jp_store_defence_find_revision (l, m->code, c->code);
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
  jp_store_defence_add_int (payload, "round", l->round->id);
  jp_store_defence_add_str (payload, "member", m->code);
  jp_store_defence_add_str (payload, "candidate", c->code);
  jp_store_defence_add_str (payload, "scores", scores);
  jp_store_defence_add_int (payload, "total_halves", total);
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

  if (!jp_store_defence_target_open (self, round_id, member,
                                     candidate != NULL ? candidate : "", &t, error))
    return FALSE;
  if (!save_sheet_in_tx (self, &t, halves, n_halves, submit, actor, error)
      || !jp_store_commit (self, error))
    {
      jp_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* ---- a station's sheet: one load per write ---- */

struct _JpDefenceSheetWrite {
  JpStore  *store;
  Target    t;
  gboolean  open;   /* the transaction (or the batch's savepoint) is open */
};

/* A failed statement (disk full, I/O error) may have rolled the whole batch back: a write
 * now would start a transaction of its own and commit alone, outside the group whose commit
 * is about to report that nothing was written. */
static gboolean
batch_still_open (JpStore  *self,
                  GError  **error)
{
  if (!self->in_batch || !sqlite3_get_autocommit (self->db))
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
               _("The changes to %s could not be saved; nothing of them was written."),
               self->path);
  return FALSE;
}

JpDefenceSheetWrite *
jp_store_defence_write_begin (JpStore  *self,
                              gint64    round_id,
                              GError  **error)
{
  g_autoptr(JpDefenceSheetWrite) w = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!batch_still_open (self, error))
    return NULL;
  w = g_new0 (JpDefenceSheetWrite, 1);
  w->store = g_object_ref (self);
  if (!jp_store_defence_target_begin (self, round_id, &w->t, error))
    return NULL;
  w->open = TRUE;
  return g_steal_pointer (&w);
}

const JpDefenceSession *
jp_store_defence_write_get_session (JpDefenceSheetWrite *w)
{
  g_return_val_if_fail (w != NULL && w->t.l != NULL, NULL);
  return w->t.l->session;
}

const JpDefenceSheet *
jp_store_defence_write_get_sheet (JpDefenceSheetWrite *w,
                                  const char          *member,
                                  const char          *candidate)
{
  g_return_val_if_fail (w != NULL && w->t.l != NULL, NULL);
  return jp_store_defence_find_sheet (w->t.l, member, candidate);
}

/* The values as typed, read with jp_points_parse: `halves` gets one per criterion (-1 for
 * an empty field of a draft). */
static gboolean
parse_values (GPtrArray          *rubric,
              const char *const  *values,
              gboolean            submit,
              int                *halves,
              GError            **error)
{
  for (guint i = 0; i < rubric->len; i++)
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
      if (!jp_points_parse (values[i], jp_store_defence_criterion_max_halves (rubric, i), field,
                            &halves[i], &core_error))
        {
          jp_store_take_core_error (error, JP_STORE_ERROR_INVALID,
                                    g_steal_pointer (&core_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* The sheet as it now is in the file, for the loaded session's counts. */
static JpDefenceSheet *
saved_sheet (const Target *t,
             const int    *halves,
             guint         n,
             gboolean      submit)
{
  JpDefenceSheet *s = g_new0 (JpDefenceSheet, 1);
  const JpDefenceSheet *old = t->sheet;

  s->member = g_strdup (t->m->code);
  s->candidate = g_strdup (t->c->code);
  s->state = submit ? JP_DEFENCE_SHEET_SUBMITTED : JP_DEFENCE_SHEET_DRAFT;
  s->n_criteria = n;
  s->halves = g_memdup2 (halves, sizeof (int) * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (halves[i] > 0)
      s->total_halves += halves[i];
  s->reopened = !submit && old != NULL && old->reopened;
  s->revision_requested = old != NULL && old->revision_requested;
  s->revised = old != NULL && (old->revised || (old->revision_requested && submit));
  return s;
}

gboolean
jp_store_defence_write_save (JpDefenceSheetWrite  *w,
                             const char           *member,
                             const char           *candidate,
                             const char *const    *values,
                             gboolean              submit,
                             const char           *actor,
                             GError              **error)
{
  JpStore *self;
  Target *t;
  g_autofree int *halves = NULL;
  GPtrArray *rubric;
  Revision *rev;
  guint n;

  g_return_val_if_fail (w != NULL && w->open, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = w->store;
  t = &w->t;
  w->open = FALSE;
  /* the values are read before the member and candidate are checked, as always */
  rubric = t->l->session->rubric;
  n = g_strv_length ((GStrv) values);
  if (n != rubric->len)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The sheet has %u scores but the rubric has %u criteria; give one score "
                     "per criterion, in the rubric's order."), n, rubric->len);
      goto fail;
    }
  halves = g_new (int, MAX (n, 1));
  if (!parse_values (rubric, values, submit, halves, error)
      || !jp_store_defence_target_resolve (self, t, member, candidate != NULL ? candidate : "",
                                           error)
      || !save_sheet_in_tx (self, t, halves, n, submit, actor, error)
      || !jp_store_commit (self, error))
    goto fail;
  /* the loaded session follows the file: its N of M count this sheet */
  rev = jp_store_defence_find_revision (t->l, t->m->code, t->c->code);
  if (rev != NULL && submit)
    rev->revised = TRUE;
  jp_store_defence_put_sheet (t->l, saved_sheet (t, halves, n, submit));
  t->sheet = NULL;
  jp_store_defence_compute_status (t->l);
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

gint64
jp_store_defence_write_get_round (JpDefenceSheetWrite *w)
{
  g_return_val_if_fail (w != NULL && w->t.l != NULL, 0);
  return w->t.l->round->id;
}

void
jp_store_defence_write_close (JpDefenceSheetWrite *w)
{
  g_return_if_fail (w != NULL);

  if (w->open)
    jp_store_rollback (w->store);
  w->open = FALSE;
  w->t.m = NULL;
  w->t.c = NULL;
  w->t.sheet = NULL;
}

gboolean
jp_store_defence_write_next (JpDefenceSheetWrite  *w,
                             GError              **error)
{
  g_return_val_if_fail (w != NULL && w->t.l != NULL && !w->open, FALSE);
  g_return_val_if_fail (w->store->in_batch, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!batch_still_open (w->store, error) || !jp_store_begin (w->store, error))
    return FALSE;
  w->open = TRUE;
  return TRUE;
}

void
jp_store_defence_write_free (JpDefenceSheetWrite *w)
{
  if (w == NULL)
    return;
  if (w->open)
    jp_store_rollback (w->store);
  jp_store_defence_target_clear (&w->t);
  g_clear_object (&w->store);
  g_free (w);
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
  g_autoptr(JpDefenceSheetWrite) w = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w = jp_store_defence_write_begin (self, round_id, error);
  return w != NULL && jp_store_defence_write_save (w, member, candidate, values, submit, actor,
                                                   error);
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

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL || (c = jp_store_defence_need_candidate (l, candidate, error)) == NULL
      || (m = jp_store_defence_need_panel_member (self, l, member, error)) == NULL)
    return NULL;
  return jp_store_defence_sheet_or_blank (l, m, c);
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

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_defence_sheet_free);
  for (guint i = 0; i < l->session->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (l->session->candidates, i);

      for (guint j = 0; j < l->session->panel->len; j++)
        {
          JpDefencePanelMember *m = g_ptr_array_index (l->session->panel, j);
          JpDefenceSheet *s = jp_store_defence_find_sheet (l, m->code, c->code);

          if (s != NULL)
            g_ptr_array_add (out, jp_store_defence_sheet_copy (s));
        }
    }
  return out;
}

gboolean
jp_store_defence_reopen_sheet (JpStore               *self,
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

gboolean
jp_store_defence_need_station_submitted (JpDefenceSheet        *s,
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

  if (!jp_store_defence_need_reason (reason, _("unlocking a submitted sheet"), &why, error))
    return FALSE;
  if (!jp_store_defence_target_open (self, round_id, member,
                                     candidate != NULL ? candidate : "", &t, error))
    return FALSE;
  m = t.m;
  c = t.c;
  s = t.sheet;
  if (!jp_store_defence_need_station_submitted (s, m, c, error))
    goto fail;
  scores = jp_store_defence_scores_to_text (s->halves, s->n_criteria);
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
  if (!jp_store_step_done (self, stmt, error)
      || !jp_store_defence_reopen_sheet (self, t.l, m, c, error))
    goto fail;
  json_builder_begin_object (payload);
  jp_store_defence_add_int (payload, "round", round_id);
  jp_store_defence_add_str (payload, "member", m->code);
  jp_store_defence_add_str (payload, "candidate", c->code);
  jp_store_defence_add_str (payload, "reason", why);
  jp_store_defence_add_str (payload, "scores", scores);
  jp_store_defence_add_int (payload, "total_halves", s->total_halves);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.unlock", payload, error)
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

  if (!jp_store_defence_need_reason (reason, _("a member's absence"), &why, error))
    return FALSE;
  if (!jp_store_defence_target_open (self, round_id, member, NULL, &t, error))
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
  jp_store_defence_add_int (payload, "round", round_id);
  jp_store_defence_add_str (payload, "member", m->code);
  jp_store_defence_add_str (payload, "reason", why);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.absent", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}
