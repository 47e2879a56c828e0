/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-defence"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-canonical.h"
#include "jp-enums.h"
#include "jp-score.h"
#include "jp-settings.h"
#include "jp-defence.h"

const char *
jp_defence_drop_to_key (JpDefenceDrop drop)
{
  switch (drop)
    {
    case JP_DEFENCE_DROPPED_HIGH: return "high";
    case JP_DEFENCE_DROPPED_LOW:  return "low";
    case JP_DEFENCE_KEPT:
    default:
      return NULL;
    }
}

static void
defence_total_free (JpDefenceTotal *t)
{
  if (t == NULL)
    return;
  g_free (t->member);
  g_free (t);
}

void
jp_defence_score_free (JpDefenceScore *score)
{
  if (score == NULL)
    return;
  g_clear_pointer (&score->totals, g_ptr_array_unref);
  g_free (score);
}

static int
compare_by_member (gconstpointer a,
                   gconstpointer b)
{
  const JpDefenceTotal *x = *(JpDefenceTotal *const *) a;
  const JpDefenceTotal *y = *(JpDefenceTotal *const *) b;

  return strcmp (x->member, y->member);
}

static int
compare_by_total (gconstpointer a,
                  gconstpointer b)
{
  const JpDefenceTotal *x = *(JpDefenceTotal *const *) a;
  const JpDefenceTotal *y = *(JpDefenceTotal *const *) b;

  if (x->total_halves != y->total_halves)
    return x->total_halves < y->total_halves ? -1 : 1;
  return strcmp (x->member, y->member);
}

JpDefenceScore *
jp_defence_score_compute (const JpDefenceSheetTotal *sheets,
                          guint                      n_sheets,
                          guint                      drop_min_totals,
                          gint64                     alert_hundredths,
                          GError                   **error)
{
  g_autoptr(JpDefenceScore) score = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  gint64 sum = 0;
  guint kept;

  g_return_val_if_fail (sheets != NULL || n_sheets == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  score = g_new0 (JpDefenceScore, 1);
  score->totals = g_ptr_array_new_with_free_func ((GDestroyNotify) defence_total_free);
  for (guint i = 0; i < n_sheets; i++)
    {
      JpDefenceTotal *t;

      if (sheets[i].member == NULL || sheets[i].total_halves < 0)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("The total of member %s is below zero."),
                       sheets[i].member != NULL ? sheets[i].member : "?");
          return NULL;
        }
      t = g_new0 (JpDefenceTotal, 1);
      t->member = g_strdup (sheets[i].member);
      t->total_halves = sheets[i].total_halves;
      g_ptr_array_add (score->totals, t);
    }
  g_ptr_array_sort (score->totals, compare_by_member);
  for (guint i = 1; i < score->totals->len; i++)
    if (compare_by_member (&score->totals->pdata[i - 1], &score->totals->pdata[i]) == 0)
      {
        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("Member %s has two sheets for the same candidate."),
                     ((JpDefenceTotal *) score->totals->pdata[i])->member);
        return NULL;
      }

  score->n = n_sheets;
  if (n_sheets == 0)
    return g_steal_pointer (&score);
  score->has_score = TRUE;

  /* not g_ptr_array_copy(): that would inherit the free function */
  sorted = g_ptr_array_sized_new (n_sheets);
  for (guint i = 0; i < n_sheets; i++)
    g_ptr_array_add (sorted, score->totals->pdata[i]);
  g_ptr_array_sort (sorted, compare_by_total);

  if (n_sheets % 2 == 1)
    score->median = ((JpDefenceTotal *) sorted->pdata[n_sheets / 2])->total_halves * (gint64) 50;
  else
    score->median = (((JpDefenceTotal *) sorted->pdata[n_sheets / 2 - 1])->total_halves
                     + (gint64) ((JpDefenceTotal *) sorted->pdata[n_sheets / 2])->total_halves)
                    * 25;

  score->trimmed = n_sheets >= MAX (drop_min_totals, 3);
  if (score->trimmed)
    {
      int max_total = ((JpDefenceTotal *) sorted->pdata[n_sheets - 1])->total_halves;
      int min_total = ((JpDefenceTotal *) sorted->pdata[0])->total_halves;
      JpDefenceTotal *high = NULL, *low = NULL;

      /* sorted by (total, member): the first of the highest group has the first code */
      for (guint i = 0; i < n_sheets && high == NULL; i++)
        if (((JpDefenceTotal *) sorted->pdata[i])->total_halves == max_total)
          high = sorted->pdata[i];
      /* the last of the lowest group that is not the dropped highest has the last code */
      for (guint i = 0; i < n_sheets; i++)
        {
          JpDefenceTotal *t = sorted->pdata[i];

          if (t->total_halves == min_total && t != high)
            low = t;
        }
      g_assert (high != NULL && low != NULL);
      high->dropped = JP_DEFENCE_DROPPED_HIGH;
      low->dropped = JP_DEFENCE_DROPPED_LOW;
    }

  kept = 0;
  for (guint i = 0; i < n_sheets; i++)
    {
      JpDefenceTotal *t = score->totals->pdata[i];

      if (t->dropped == JP_DEFENCE_KEPT)
        {
          sum += t->total_halves;
          kept++;
        }
      t->deviation = t->total_halves * (gint64) 50 - score->median;
      t->alert = ABS (t->deviation) > alert_hundredths;
      if (t->alert)
        score->n_alerts++;
    }
  score->d = jp_round_div (sum * 50, kept);
  return g_steal_pointer (&score);
}

void
jp_judge_consistency_free (JpJudgeConsistency *row)
{
  if (row == NULL)
    return;
  g_free (row->member);
  g_free (row);
}

typedef struct {
  JpJudgeConsistency *row;
  gint64              sum;
} ConsistencyAcc;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const JpJudgeConsistency *x = *(JpJudgeConsistency *const *) a;
  const JpJudgeConsistency *y = *(JpJudgeConsistency *const *) b;

  return strcmp (x->member, y->member);
}

GPtrArray *
jp_judge_consistency_compute (GPtrArray *scores)
{
  g_autoptr(GHashTable) by_member = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_judge_consistency_free);
  GHashTableIter iter;
  ConsistencyAcc *acc;

  g_return_val_if_fail (scores != NULL, out);

  for (guint i = 0; i < scores->len; i++)
    {
      const JpDefenceScore *s = g_ptr_array_index (scores, i);

      if (!s->has_score)
        continue;
      for (guint j = 0; j < s->totals->len; j++)
        {
          const JpDefenceTotal *t = g_ptr_array_index (s->totals, j);

          acc = g_hash_table_lookup (by_member, t->member);
          if (acc == NULL)
            {
              acc = g_new0 (ConsistencyAcc, 1);
              acc->row = g_new0 (JpJudgeConsistency, 1);
              acc->row->member = g_strdup (t->member);
              g_ptr_array_add (out, acc->row);
              g_hash_table_insert (by_member, acc->row->member, acc);
            }
          acc->row->n_sheets++;
          acc->sum += t->total_halves * (gint64) 50 - s->d;
          if (t->alert)
            acc->row->n_alerts++;
        }
    }
  g_hash_table_iter_init (&iter, by_member);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &acc))
    acc->row->mean_diff = jp_round_div (acc->sum, acc->row->n_sheets);
  g_ptr_array_sort (out, compare_rows);
  return out;
}

/* ---- the canonical text of a defence session ---- */

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const JpDefenceCandidateResult *x = *(JpDefenceCandidateResult *const *) a;
  const JpDefenceCandidateResult *y = *(JpDefenceCandidateResult *const *) b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return strcmp (x->code, y->code);
}

static const JpDefenceSheetScores *
find_sheet (const JpDefenceCandidateResult *r,
            const char                     *member)
{
  for (guint i = 0; i < r->n_sheets; i++)
    if (g_strcmp0 (r->sheets[i].member, member) == 0)
      return &r->sheets[i];
  return NULL;
}

static gboolean
append_candidate (GString                        *out,
                  const JpDefenceCandidateResult *r,
                  guint                           n_criteria,
                  GError                        **error)
{
  const JpDefenceScore *score = r->score;

  if (score == NULL || score->totals->len != r->n_sheets)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("Candidate %s: the sheets and the defence score do not match; compute "
                     "the score again from the sheets."), r->code);
      return FALSE;
    }
  g_string_append (out, "{\"D\":");
  if (score->has_score)
    jp_canonical_append_decimal (out, score->d);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"code\":");
  jp_canonical_append_string (out, r->code);
  g_string_append (out, ",\"median\":");
  if (score->has_score)
    jp_canonical_append_decimal (out, score->median);
  else
    g_string_append (out, "null");
  g_string_append_printf (out, ",\"order\":%d,\"sheets\":[", r->order);
  for (guint i = 0; i < score->totals->len; i++)
    {
      const JpDefenceTotal *t = g_ptr_array_index (score->totals, i);
      const JpDefenceSheetScores *sheet = find_sheet (r, t->member);
      const char *drop = jp_defence_drop_to_key (t->dropped);
      int sum = 0;

      if (sheet != NULL)
        for (guint k = 0; k < n_criteria; k++)
          sum += sheet->halves[k];
      if (sheet == NULL || sum != t->total_halves)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("Candidate %s: the sheet of member %s does not match its total; "
                         "compute the score again from the sheets."), r->code, t->member);
          return FALSE;
        }
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"alert\":%s,\"dropped\":", t->alert ? "true" : "false");
      if (drop != NULL)
        jp_canonical_append_string (out, drop);
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"member\":");
      jp_canonical_append_string (out, t->member);
      g_string_append_printf (out, ",\"revised\":%s,\"scores\":[",
                              sheet->revised ? "true" : "false");
      for (guint k = 0; k < n_criteria; k++)
        {
          if (k > 0)
            g_string_append_c (out, ',');
          jp_canonical_append_decimal (out, sheet->halves[k] * (gint64) 50);
        }
      g_string_append (out, "],\"total\":");
      jp_canonical_append_decimal (out, t->total_halves * (gint64) 50);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return TRUE;
}

char *
jp_defence_canonical_text (gint64                          round_id,
                           const char                     *trade,
                           const GPtrArray                *rubric,
                           const JpDefenceCandidateResult *candidates,
                           guint                           n_candidates,
                           GError                        **error)
{
  g_autoptr(GString) out = g_string_new ("{\"candidates\":[");
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (n_candidates);

  g_return_val_if_fail (rubric != NULL, NULL);
  g_return_val_if_fail (candidates != NULL || n_candidates == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_candidates; i++)
    g_ptr_array_add (sorted, (gpointer) &candidates[i]);
  g_ptr_array_sort (sorted, compare_results);
  for (guint i = 0; i < sorted->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (!append_candidate (out, sorted->pdata[i], rubric->len, error))
        return NULL;
    }
  g_string_append_printf (out, "],\"round\":%" G_GINT64_FORMAT ",\"rubric\":[", round_id);
  for (guint k = 0; k < rubric->len; k++)
    {
      const JpRubricCriterion *c = g_ptr_array_index ((GPtrArray *) rubric, k);
      int max;

      if (!jp_halves_from_double (c->max, &max) || max <= 0)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("Criterion %u of the rubric has the maximum %g, not a positive "
                         "multiple of 0.5."), k + 1, c->max);
          return NULL;
        }
      if (k > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"max\":");
      jp_canonical_append_decimal (out, max * (gint64) 50);
      g_string_append (out, ",\"name\":");
      jp_canonical_append_string (out, c->name != NULL ? c->name : "");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"trade\":");
  if (trade != NULL)
    jp_canonical_append_string (out, trade);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
jp_defence_digest (gint64                          round_id,
                   const char                     *trade,
                   const GPtrArray                *rubric,
                   const JpDefenceCandidateResult *candidates,
                   guint                           n_candidates,
                   GError                        **error)
{
  g_autofree char *text = jp_defence_canonical_text (round_id, trade, rubric, candidates,
                                                     n_candidates, error);

  if (text == NULL)
    return NULL;
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* ---- the outcome text of a closed defence session ---- */

static int
compare_outcomes (gconstpointer a,
                  gconstpointer b)
{
  const JpDefenceOutcome *x = *(JpDefenceOutcome *const *) a;
  const JpDefenceOutcome *y = *(JpDefenceOutcome *const *) b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return strcmp (x->code, y->code);
}

char *
jp_defence_outcome_text (gint64                  round_id,
                         const char             *session_digest,
                         const JpDefenceOutcome *outcomes,
                         guint                   n_outcomes)
{
  g_autoptr(GString) out = g_string_sized_new (64 + n_outcomes * 48);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (n_outcomes);

  g_return_val_if_fail (outcomes != NULL || n_outcomes == 0, NULL);

  for (guint i = 0; i < n_outcomes; i++)
    g_ptr_array_add (sorted, (gpointer) &outcomes[i]);
  g_ptr_array_sort (sorted, compare_outcomes);
  g_string_append (out, "{\"candidates\":[");
  for (guint i = 0; i < sorted->len; i++)
    {
      const JpDefenceOutcome *o = sorted->pdata[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"D\":");
      if (o->has_score)
        jp_canonical_append_decimal (out, o->d);
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"code\":");
      jp_canonical_append_string (out, o->code != NULL ? o->code : "");
      g_string_append_printf (out, ",\"order\":%d}", o->order);
    }
  g_string_append_printf (out, "],\"round\":%" G_GINT64_FORMAT ",\"session\":", round_id);
  if (session_digest != NULL)
    jp_canonical_append_string (out, session_digest);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
