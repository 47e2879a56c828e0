/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-score.h"
#include "jp-settings.h"
#include "jp-sheet-model.h"

struct _JpSheetModel {
  GPtrArray    *rubric;     /* JpRubricCriterion*, owned */
  char        **texts;      /* NULL-terminated, one per criterion */
  char        **messages;   /* one per criterion, NULL when none */
  int          *halves;     /* -1: not a score */
  int          *max;        /* halves */
  JpSheetState  state;
};

JpSheetModel *
jp_sheet_model_new (const GPtrArray *rubric)
{
  JpSheetModel *model;

  g_return_val_if_fail (rubric != NULL, NULL);

  model = g_new0 (JpSheetModel, 1);
  model->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_rubric_criterion_free);
  model->texts = g_new0 (char *, rubric->len + 1);
  model->messages = g_new0 (char *, rubric->len + 1);
  model->halves = g_new0 (int, MAX (rubric->len, 1));
  model->max = g_new0 (int, MAX (rubric->len, 1));
  for (guint i = 0; i < rubric->len; i++)
    {
      const JpRubricCriterion *c = rubric->pdata[i];

      g_ptr_array_add (model->rubric, jp_rubric_criterion_copy (c));
      model->texts[i] = g_strdup ("");
      model->halves[i] = -1;
      if (!jp_halves_from_double (c->max, &model->max[i]))
        model->max[i] = 0;
    }
  model->state = JP_SHEET_EDITING;
  return model;
}

void
jp_sheet_model_free (JpSheetModel *model)
{
  if (model == NULL)
    return;
  g_ptr_array_unref (model->rubric);
  g_strfreev (model->texts);
  for (guint i = 0; i < model->rubric->len; i++)
    g_free (model->messages[i]);
  g_free (model->messages);
  g_free (model->halves);
  g_free (model->max);
  g_free (model);
}

const GPtrArray *
jp_sheet_model_get_rubric (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  return model->rubric;
}

guint
jp_sheet_model_get_n_criteria (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, 0);
  return model->rubric->len;
}

int
jp_sheet_model_get_max (const JpSheetModel *model,
                        guint               index)
{
  g_return_val_if_fail (model != NULL && index < model->rubric->len, 0);
  return model->max[index];
}

gboolean
jp_sheet_model_set_text (JpSheetModel *model,
                         guint         index,
                         const char   *text)
{
  const JpRubricCriterion *c;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  int h = -1;

  g_return_val_if_fail (model != NULL && index < model->rubric->len, FALSE);

  c = model->rubric->pdata[index];
  if (text == NULL)
    text = "";
  if (model->texts[index] != text)
    {
      g_free (model->texts[index]);
      model->texts[index] = g_strdup (text);
    }
  g_clear_pointer (&model->messages[index], g_free);
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      model->halves[index] = -1;
      return FALSE;
    }
  if (!jp_points_parse (text, model->max[index], c->name, &h, &error))
    {
      model->messages[index] = g_strdup (error->message);
      model->halves[index] = -1;
      return FALSE;
    }
  model->halves[index] = h;
  return TRUE;
}

const char *
jp_sheet_model_get_text (const JpSheetModel *model,
                         guint               index)
{
  g_return_val_if_fail (model != NULL && index < model->rubric->len, NULL);
  return model->texts[index];
}

const char *
jp_sheet_model_get_message (const JpSheetModel *model,
                            guint               index)
{
  g_return_val_if_fail (model != NULL && index < model->rubric->len, NULL);
  return model->messages[index];
}

int
jp_sheet_model_get_halves (const JpSheetModel *model,
                           guint               index)
{
  g_return_val_if_fail (model != NULL && index < model->rubric->len, -1);
  return model->halves[index];
}

int
jp_sheet_model_step (JpSheetModel *model,
                     guint         index,
                     int           steps)
{
  g_autofree char *text = NULL;
  int value;

  g_return_val_if_fail (model != NULL && index < model->rubric->len, 0);

  value = MAX (model->halves[index], 0) + steps;
  value = CLAMP (value, 0, model->max[index]);
  text = jp_decimal_format_short (value * (gint64) 5, 1);
  /* "12.0" reads as 12: a whole score is typed without its decimal */
  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  jp_sheet_model_set_text (model, index, text);
  return value;
}

int
jp_sheet_model_get_total (const JpSheetModel *model)
{
  int total = 0;

  g_return_val_if_fail (model != NULL, 0);
  for (guint i = 0; i < model->rubric->len; i++)
    if (model->halves[i] >= 0)
      total += model->halves[i];
  return total;
}

gboolean
jp_sheet_model_is_complete (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  for (guint i = 0; i < model->rubric->len; i++)
    if (model->halves[i] < 0)
      return FALSE;
  return TRUE;
}

char *
jp_sheet_model_describe_problem (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  for (guint i = 0; i < model->rubric->len; i++)
    {
      const JpRubricCriterion *c = model->rubric->pdata[i];

      if (model->messages[i] != NULL)
        return g_strdup (model->messages[i]);
      if (model->halves[i] < 0)
        return g_strdup_printf (_("%s: no score was given."), c->name);
    }
  return NULL;
}

const char * const *
jp_sheet_model_get_texts (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  return (const char * const *) model->texts;
}

void
jp_sheet_model_set_texts (JpSheetModel       *model,
                          const char * const *texts)
{
  g_return_if_fail (model != NULL);
  for (guint i = 0; i < model->rubric->len; i++)
    {
      const char *t = "";

      if (texts != NULL)
        {
          guint k;

          for (k = 0; k < i && texts[k] != NULL; k++)
            ;
          if (k == i && texts[i] != NULL)
            t = texts[i];
        }
      jp_sheet_model_set_text (model, i, t);
    }
}

JpSheetState
jp_sheet_model_get_state (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, JP_SHEET_NO_CANDIDATE);
  return model->state;
}

void
jp_sheet_model_set_state (JpSheetModel *model,
                          JpSheetState  state)
{
  g_return_if_fail (model != NULL);
  model->state = state;
}

gboolean
jp_sheet_model_is_editable (const JpSheetModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return model->state == JP_SHEET_EDITING;
}
