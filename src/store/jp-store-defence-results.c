/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-defence-private.h"

/* Defence sessions: D, the deviation alerts and the requests to revise, the results and
 * the judge-consistency view. */

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
      JpDefenceSheet *s = jp_store_defence_find_sheet (l, c->scorers[j], c->code);
      JpDefenceSheetTotal t;

      if (!jp_store_defence_sheet_counts (s))
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
      s = jp_store_defence_find_sheet (l, r->member, c->code);
      a->revised_total_halves = r->revised && s != NULL ? s->total_halves : -1;
      g_ptr_array_add (mine, a);
    }
  for (guint i = 0; score != NULL && i < score->totals->len; i++)
    {
      JpDefenceTotal *t = g_ptr_array_index (score->totals, i);
      JpDefenceAlert *a;

      if (!t->alert || jp_store_defence_find_revision (l, t->member, c->code) != NULL)
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

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  d_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* what jp_store_defence_compute_results() gives as each score's D, without the copies
   * of the sheets, the alerts and the consistency view that the ranking does not use */
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

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  if (candidate != NULL && jp_store_defence_need_candidate (l, candidate, error) == NULL)
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
  if (!jp_store_defence_target_open (self, round_id, member,
                                     candidate != NULL ? candidate : "", &target, error))
    return FALSE;
  l = target.l;
  m = target.m;
  c = target.c;
  if (jp_store_defence_find_revision (l, m->code, c->code) != NULL)
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
  if (!jp_store_defence_need_station_submitted (s, m, c, error))
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
  scores = jp_store_defence_scores_to_text (s->halves, s->n_criteria);
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
  if (!jp_store_step_done (self, stmt, error)
      || !jp_store_defence_reopen_sheet (self, l, m, c, error))
    goto fail;
  json_builder_begin_object (payload);
  jp_store_defence_add_int (payload, "round", round_id);
  jp_store_defence_add_str (payload, "member", m->code);
  jp_store_defence_add_str (payload, "candidate", c->code);
  jp_store_defence_add_int (payload, "total_halves", s->total_halves);
  jp_store_defence_add_int (payload, "median_hundredths", score->median);
  jp_store_defence_add_str (payload, "reason", why != NULL && *why != '\0' ? why : NULL);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "defence.revise", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* ---- results ---- */

JpDefenceResults *
jp_store_defence_compute_results (Loaded  *l,
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
            g_ptr_array_add (cr->sheets, jp_store_defence_sheet_copy (sheets->pdata[j]));
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

  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  return jp_store_defence_compute_results (l, error);
}

/* The canonical text over every submitted sheet and every D (jp_defence_canonical_text). */
