/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-settings"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-score.h"
#include "jp-settings.h"

#define WEIGHT_EPSILON 1e-9

JpRubricCriterion *
jp_rubric_criterion_new (const char *name,
                         double      max)
{
  JpRubricCriterion *c = g_new0 (JpRubricCriterion, 1);

  c->name = g_strdup (name);
  c->max = max;
  return c;
}

JpRubricCriterion *
jp_rubric_criterion_copy (const JpRubricCriterion *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  return jp_rubric_criterion_new (c->name, c->max);
}

void
jp_rubric_criterion_free (JpRubricCriterion *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c);
}

static GPtrArray *
rubric_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) jp_rubric_criterion_free);
}

JpSettings *
jp_settings_new (void)
{
  JpSettings *s = g_new0 (JpSettings, 1);

  s->weight_votes = 0.30;
  s->weight_online = 0.10;
  s->weight_defence = 0.60;
  /* The rubric names are data stored with the election, in the language of the forms. */
  s->rubric = rubric_new ();
  g_ptr_array_add (s->rubric, jp_rubric_criterion_new ("职业素养与工匠精神", 15));
  g_ptr_array_add (s->rubric, jp_rubric_criterion_new ("技能水平与技术专长", 25));
  g_ptr_array_add (s->rubric, jp_rubric_criterion_new ("创新成果与攻关贡献", 25));
  g_ptr_array_add (s->rubric, jp_rubric_criterion_new ("带徒传技与示范引领", 20));
  g_ptr_array_add (s->rubric, jp_rubric_criterion_new ("陈述与答辩表现", 15));
  s->presentation_minutes = 8;
  s->questions_minutes = 5;
  s->drop_min_totals = 5;
  s->deviation_alert = 15;
  s->max_choices = 0;
  s->majority_threshold = FALSE;
  s->quorum_num = 2;
  s->quorum_den = 3;
  s->publicity_days = 5;
  s->trade_caps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return s;
}

JpSettings *
jp_settings_copy (const JpSettings *settings)
{
  JpSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_new0 (JpSettings, 1);
  *copy = *settings;
  copy->rubric = rubric_new ();
  for (guint i = 0; i < settings->rubric->len; i++)
    g_ptr_array_add (copy->rubric, jp_rubric_criterion_copy (settings->rubric->pdata[i]));
  copy->font_song = g_strdup (settings->font_song);
  copy->font_kai = g_strdup (settings->font_kai);
  copy->contact_person = g_strdup (settings->contact_person);
  copy->contact_phone = g_strdup (settings->contact_phone);
  copy->contact_address = g_strdup (settings->contact_address);
  copy->trade_caps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (settings->trade_caps != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, settings->trade_caps);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy->trade_caps, g_strdup (key), value);
    }
  return copy;
}

void
jp_settings_free (JpSettings *settings)
{
  if (settings == NULL)
    return;
  g_clear_pointer (&settings->rubric, g_ptr_array_unref);
  g_free (settings->font_song);
  g_free (settings->font_kai);
  g_free (settings->contact_person);
  g_free (settings->contact_phone);
  g_free (settings->contact_address);
  g_clear_pointer (&settings->trade_caps, g_hash_table_unref);
  g_free (settings);
}

double
jp_settings_rubric_total (const JpSettings *settings)
{
  double total = 0;

  g_return_val_if_fail (settings != NULL, 0);

  for (guint i = 0; i < settings->rubric->len; i++)
    total += ((JpRubricCriterion *) settings->rubric->pdata[i])->max;
  return total;
}

static void
add_error (GPtrArray  *out,
           const char *code,
           const char *field,
           char       *message)
{
  g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_ERROR, code, field, "%s", message));
  g_free (message);
}

static void
check_range (GPtrArray  *out,
             const char *code,
             const char *field,
             const char *label,
             int         value,
             int         lo,
             int         hi)
{
  if (value < lo || value > hi)
    add_error (out, code, field,
               g_strdup_printf (_("%s is %d; enter a whole number from %d to %d."),
                                label, value, lo, hi));
}

GPtrArray *
jp_settings_validate (const JpSettings *s)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double weights[3];
  const char *weight_labels[] = { N_("Weight of the committee ballot (wV)"),
                                  N_("Weight of the online likes (wO)"),
                                  N_("Weight of the defence (wD)") };
  gboolean weights_ok = TRUE;
  double total;

  g_return_val_if_fail (s != NULL, out);

  weights[0] = s->weight_votes;
  weights[1] = s->weight_online;
  weights[2] = s->weight_defence;
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if (!(weights[i] >= 0 && weights[i] <= 1))
      {
        weights_ok = FALSE;
        add_error (out, "weights-range", "weights",
                   g_strdup_printf (_("%s is %g; enter a value from 0 to 1."),
                                    _(weight_labels[i]), weights[i]));
      }
  /* the composite is exact only for weights with two decimals (docs/ranking.md) */
  for (guint i = 0; weights_ok && i < G_N_ELEMENTS (weights); i++)
    if (!jp_hundredths_from_double (weights[i], NULL))
      {
        weights_ok = FALSE;
        add_error (out, "weights-decimals", "weights",
                   g_strdup_printf (_("%s is %g; a weight has at most two decimals "
                                      "(for example 0.35)."),
                                    _(weight_labels[i]), weights[i]));
      }
  if (weights_ok && fabs (weights[0] + weights[1] + weights[2] - 1) > WEIGHT_EPSILON)
    add_error (out, "weights-sum", "weights",
               g_strdup_printf (_("The stage weights add up to %g (%g + %g + %g); change them "
                                  "so that they add up to 1."),
                                weights[0] + weights[1] + weights[2],
                                weights[0], weights[1], weights[2]));

  if (s->rubric->len == 0)
    add_error (out, "rubric-empty", "rubric",
               g_strdup (_("The defence rubric has no criteria; add at least one criterion "
                           "with its maximum points.")));
  for (guint i = 0; i < s->rubric->len; i++)
    {
      const JpRubricCriterion *c = s->rubric->pdata[i];
      g_autofree char *name = g_strstrip (g_strdup (c->name != NULL ? c->name : ""));

      if (*name == '\0')
        add_error (out, "rubric-name", "rubric",
                   g_strdup_printf (_("Rubric criterion %u has no name; enter one."), i + 1));
      else if (!g_hash_table_add (names, g_strdup (name)))
        add_error (out, "rubric-duplicate", "rubric",
                   g_strdup_printf (_("Rubric criterion %u repeats the name “%s”; give each "
                                      "criterion its own name."), i + 1, name));
      if (!(c->max > 0) || !isfinite (c->max) || fabs (c->max * 2 - round (c->max * 2)) > 1e-9)
        add_error (out, "rubric-max", "rubric",
                   g_strdup_printf (_("Rubric criterion %u (“%s”) has a maximum of %g points; "
                                      "enter more than 0 in steps of 0.5."),
                                    i + 1, name, c->max));
    }
  total = jp_settings_rubric_total (s);
  if (s->rubric->len > 0 && fabs (total - 100) > 1e-9)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "rubric-total", "rubric",
                                          _("The defence rubric totals %g points; 100 points "
                                            "is recommended."), total));

  check_range (out, "presentation-minutes", "presentation_minutes",
               _("The presentation time (minutes)"),
               s->presentation_minutes, 1, 60);
  check_range (out, "questions-minutes", "questions_minutes",
               _("The question time (minutes)"),
               s->questions_minutes, 1, 60);
  check_range (out, "drop-min-totals", "drop_min_totals",
               _("The number of totals from which the highest and lowest are dropped"),
               s->drop_min_totals, 3, 999);
  if (!(s->deviation_alert > 0 && s->deviation_alert <= 100))
    add_error (out, "deviation-alert", "deviation_alert",
               g_strdup_printf (_("The deviation alert is %g points; enter more than 0 and at "
                                  "most 100."), s->deviation_alert));
  if (s->max_choices < 0)
    add_error (out, "max-choices", "max_choices",
               g_strdup_printf (_("The maximum marks per ballot is %d; enter 0 (the trade’s "
                                  "finalist seats) or more."), s->max_choices));
  if (s->quorum_den < 1 || s->quorum_den > 100 || s->quorum_num < 0
      || s->quorum_num > s->quorum_den)
    add_error (out, "quorum", "quorum",
               g_strdup_printf (_("The quorum is %d/%d of the panel; enter a fraction from 0 "
                                  "(no quorum) to 1, such as 2/3."),
                                s->quorum_num, s->quorum_den));
  check_range (out, "publicity-days", "publicity_days",
               _("The publicity period (working days)"),
               s->publicity_days, 1, 30);
  if (s->trade_caps != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, s->trade_caps);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *code = g_strstrip (g_strdup (key));

          if (*code == '\0')
            add_error (out, "trade-cap", "trade_caps",
                       g_strdup (_("A cap of the recommended list has no trade code; give the "
                                   "trade's code.")));
          else if (GPOINTER_TO_INT (value) < 0)
            add_error (out, "trade-cap", "trade_caps",
                       g_strdup_printf (_("The cap of trade %s on the recommended list is %d; "
                                          "enter 0 or more, or remove the cap."),
                                        code, GPOINTER_TO_INT (value)));
        }
    }
  return out;
}

/* Shortest text that reads back as exactly the same double. */
static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_dtostr (buf, sizeof buf, value);
  return g_strdup (buf);
}

static void
set_double (GKeyFile   *kf,
            const char *group,
            const char *key,
            double      value)
{
  g_autofree char *text = format_double (value);

  g_key_file_set_string (kf, group, key, text);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
jp_settings_to_data (const JpSettings *s,
                     gsize            *length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_return_val_if_fail (s != NULL, NULL);

  set_double (kf, "weights", "votes", s->weight_votes);
  set_double (kf, "weights", "online", s->weight_online);
  set_double (kf, "weights", "defence", s->weight_defence);
  for (guint i = 0; i < s->rubric->len; i++)
    {
      const JpRubricCriterion *c = s->rubric->pdata[i];
      g_autofree char *key = g_strdup_printf ("criterion_%u", i + 1);
      g_autofree char *max = format_double (c->max);
      g_autofree char *value = g_strdup_printf ("%s|%s", c->name != NULL ? c->name : "", max);

      g_key_file_set_string (kf, "rubric", key, value);
    }
  g_key_file_set_integer (kf, "defence", "presentation_minutes", s->presentation_minutes);
  g_key_file_set_integer (kf, "defence", "questions_minutes", s->questions_minutes);
  g_key_file_set_integer (kf, "defence", "drop_min_totals", s->drop_min_totals);
  set_double (kf, "defence", "deviation_alert", s->deviation_alert);
  g_key_file_set_integer (kf, "ballot", "max_choices", s->max_choices);
  g_key_file_set_boolean (kf, "ballot", "majority_threshold", s->majority_threshold);
  g_key_file_set_integer (kf, "ballot", "quorum_numerator", s->quorum_num);
  g_key_file_set_integer (kf, "ballot", "quorum_denominator", s->quorum_den);
  g_key_file_set_integer (kf, "publicity", "working_days", s->publicity_days);
  g_key_file_set_string (kf, "publicity", "contact_person",
                         s->contact_person != NULL ? s->contact_person : "");
  g_key_file_set_string (kf, "publicity", "contact_phone",
                         s->contact_phone != NULL ? s->contact_phone : "");
  g_key_file_set_string (kf, "publicity", "contact_address",
                         s->contact_address != NULL ? s->contact_address : "");
  g_key_file_set_string (kf, "fonts", "song", s->font_song != NULL ? s->font_song : "");
  g_key_file_set_string (kf, "fonts", "kai", s->font_kai != NULL ? s->font_kai : "");
  if (s->trade_caps != NULL && g_hash_table_size (s->trade_caps) > 0)
    {
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (s->trade_caps, NULL);
      guint n = g_hash_table_size (s->trade_caps);

      /* by trade code, so that the same settings always give the same text */
      g_qsort_with_data (keys, n, sizeof (gpointer), (GCompareDataFunc) compare_keys, NULL);
      for (guint i = 0; i < n; i++)
        g_key_file_set_integer (kf, "caps", keys[i],
                                GPOINTER_TO_INT (g_hash_table_lookup (s->trade_caps, keys[i])));
    }
  return g_key_file_to_data (kf, length, NULL);
}

static gboolean
bad_value (GError    **error,
           const char *group,
           const char *key,
           const char *value,
           const char *expected)
{
  g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
               _("Election settings, [%s] %s: “%s” is not %s; correct the value or remove the "
                 "line to use the default."),
               group, key, value, expected);
  return FALSE;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (*copy == '\0')
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Each read_* leaves *out untouched when the key is absent. */
static gboolean
read_double (GKeyFile   *kf,
             const char *group,
             const char *key,
             double     *out,
             GError    **error)
{
  g_autofree char *value = g_key_file_get_string (kf, group, key, NULL);

  if (value == NULL || parse_double (value, out))
    return TRUE;
  return bad_value (error, group, key, value, _("a number"));
}

static gboolean
read_int (GKeyFile   *kf,
          const char *group,
          const char *key,
          int        *out,
          GError    **error)
{
  g_autofree char *value = g_key_file_get_string (kf, group, key, NULL);
  gint64 number;

  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  if (!g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &number, NULL))
    return bad_value (error, group, key, value, _("a whole number"));
  *out = (int) number;
  return TRUE;
}

static gboolean
read_bool (GKeyFile   *kf,
           const char *group,
           const char *key,
           gboolean   *out,
           GError    **error)
{
  g_autofree char *value = g_key_file_get_string (kf, group, key, NULL);

  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  if (g_ascii_strcasecmp (value, "true") == 0 || strcmp (value, "1") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (value, "false") == 0 || strcmp (value, "0") == 0)
    *out = FALSE;
  else
    return bad_value (error, group, key, value, _("true or false"));
  return TRUE;
}

static void
read_string (GKeyFile   *kf,
             const char *group,
             const char *key,
             char      **out)
{
  char *value = g_key_file_get_string (kf, group, key, NULL);

  if (value == NULL)
    return;
  g_free (*out);
  *out = value;
}

typedef struct {
  guint64            n;
  JpRubricCriterion *criterion;
} NumberedCriterion;

static int
compare_numbered (gconstpointer a,
                  gconstpointer b)
{
  const NumberedCriterion *x = a;
  const NumberedCriterion *y = b;

  return x->n < y->n ? -1 : (x->n > y->n ? 1 : 0);
}

static gboolean
read_rubric (GKeyFile   *kf,
             JpSettings *s,
             GError    **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (kf, "rubric", NULL, NULL);
  g_autoptr(GArray) numbered = g_array_new (FALSE, FALSE, sizeof (NumberedCriterion));
  g_autoptr(GPtrArray) rubric = rubric_new ();

  if (keys == NULL)
    return TRUE;  /* no [rubric] group: keep the default */

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      NumberedCriterion item;
      const char *bar;
      double max;
      guint64 n;

      if (!g_str_has_prefix (keys[i], "criterion_"))
        continue;
      if (!g_ascii_string_to_unsigned (keys[i] + strlen ("criterion_"), 10, 1, G_MAXUINT,
                                       &n, NULL))
        continue;
      value = g_key_file_get_string (kf, "rubric", keys[i], NULL);
      if (value == NULL)
        continue;
      bar = strrchr (value, '|');
      if (bar == NULL || !parse_double (bar + 1, &max))
        {
          bad_value (error, "rubric", keys[i], value, _("“name|maximum points”"));
          for (guint k = 0; k < numbered->len; k++)
            jp_rubric_criterion_free (g_array_index (numbered, NumberedCriterion, k).criterion);
          return FALSE;
        }
      item.n = n;
      item.criterion = g_new0 (JpRubricCriterion, 1);
      item.criterion->name = g_strstrip (g_strndup (value, bar - value));
      item.criterion->max = max;
      g_array_append_val (numbered, item);
    }

  g_array_sort (numbered, compare_numbered);
  for (guint k = 0; k < numbered->len; k++)
    g_ptr_array_add (rubric, g_array_index (numbered, NumberedCriterion, k).criterion);
  g_ptr_array_unref (s->rubric);
  s->rubric = g_steal_pointer (&rubric);
  return TRUE;
}

JpSettings *
jp_settings_from_data (const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_load_from_data (kf, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("The election settings cannot be read (%s); restore them from a backup "
                     "or reset them to the defaults."), local_error->message);
      return NULL;
    }

  if (!read_double (kf, "weights", "votes", &s->weight_votes, error)
      || !read_double (kf, "weights", "online", &s->weight_online, error)
      || !read_double (kf, "weights", "defence", &s->weight_defence, error)
      || !read_rubric (kf, s, error)
      || !read_int (kf, "defence", "presentation_minutes", &s->presentation_minutes, error)
      || !read_int (kf, "defence", "questions_minutes", &s->questions_minutes, error)
      || !read_int (kf, "defence", "drop_min_totals", &s->drop_min_totals, error)
      || !read_double (kf, "defence", "deviation_alert", &s->deviation_alert, error)
      || !read_int (kf, "ballot", "max_choices", &s->max_choices, error)
      || !read_bool (kf, "ballot", "majority_threshold", &s->majority_threshold, error)
      || !read_int (kf, "ballot", "quorum_numerator", &s->quorum_num, error)
      || !read_int (kf, "ballot", "quorum_denominator", &s->quorum_den, error)
      || !read_int (kf, "publicity", "working_days", &s->publicity_days, error))
    return NULL;
  read_string (kf, "fonts", "song", &s->font_song);
  read_string (kf, "fonts", "kai", &s->font_kai);
  read_string (kf, "publicity", "contact_person", &s->contact_person);
  read_string (kf, "publicity", "contact_phone", &s->contact_phone);
  read_string (kf, "publicity", "contact_address", &s->contact_address);
  if (g_key_file_has_group (kf, "caps"))
    {
      g_auto(GStrv) keys = g_key_file_get_keys (kf, "caps", NULL, NULL);

      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          int cap = 0;

          if (!read_int (kf, "caps", keys[i], &cap, error))
            return NULL;
          g_hash_table_insert (s->trade_caps, g_strdup (keys[i]), GINT_TO_POINTER (cap));
        }
    }
  return g_steal_pointer (&s);
}

static gboolean
same_double (double a,
             double b)
{
  return fabs (a - b) <= 1e-12;
}

static gboolean
same_rubric (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const JpRubricCriterion *x = a->pdata[i];
      const JpRubricCriterion *y = b->pdata[i];

      if (g_strcmp0 (x->name, y->name) != 0 || !same_double (x->max, y->max))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_caps (GHashTable *a,
           GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a != NULL ? g_hash_table_size (a) : 0) != (b != NULL ? g_hash_table_size (b) : 0))
    return FALSE;
  if (a == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other) || other != value)
        return FALSE;
    }
  return TRUE;
}

static const char *
lock_reason (JpStageLocks lock)
{
  switch (lock)
    {
    case JP_STAGE_LOCK_BALLOT_OPENED: return _("the committee ballot was opened");
    case JP_STAGE_LOCK_DEFENCE_OPENED: return _("the defence session was opened");
    case JP_STAGE_LOCK_RANKING_DONE: return _("the composite ranking was computed");
    case JP_STAGE_LOCK_PUBLICITY_STARTED: return _("the publicity period started");
    case JP_STAGE_LOCK_NONE:
    default: return "";
    }
}

JpStageLocks
jp_setting_locked_by (JpSetting setting)
{
  switch (setting)
    {
    case JP_SETTING_QUOTA:
    case JP_SETTING_RATIO:
    case JP_SETTING_MAX_CHOICES:
    case JP_SETTING_MAJORITY_THRESHOLD:
    case JP_SETTING_QUORUM:
      return JP_STAGE_LOCK_BALLOT_OPENED;
    case JP_SETTING_RUBRIC:
    case JP_SETTING_PRESENTATION_MINUTES:
    case JP_SETTING_QUESTIONS_MINUTES:
    case JP_SETTING_DROP_MIN_TOTALS:
    case JP_SETTING_DEVIATION_ALERT:
      return JP_STAGE_LOCK_DEFENCE_OPENED;
    case JP_SETTING_WEIGHTS:
    case JP_SETTING_TRADE_CAPS:
      return JP_STAGE_LOCK_RANKING_DONE;
    case JP_SETTING_PUBLICITY_DAYS:
      return JP_STAGE_LOCK_PUBLICITY_STARTED;
    case JP_SETTING_FONTS:
    case JP_N_SETTINGS:
    default:
      return JP_STAGE_LOCK_NONE;
    }
}

gboolean
jp_setting_is_locked (JpSetting    setting,
                      JpStageLocks locks)
{
  return (locks & jp_setting_locked_by (setting)) != 0;
}

/* Sets the error when `changed` while `setting` is locked by `locks`; returns FALSE then. */
static gboolean
check_lock (JpStageLocks locks,
            JpSetting    setting,
            gboolean     changed,
            const char  *name,
            GError     **error)
{
  if (!changed || !jp_setting_is_locked (setting, locks))
    return TRUE;
  g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
               _("%s can no longer be changed: it has been locked since %s."),
               name, lock_reason (jp_setting_locked_by (setting)));
  return FALSE;
}

gboolean
jp_settings_change_allowed (const JpSettings *o,
                            const JpSettings *n,
                            JpStageLocks      locks,
                            GError          **error)
{
  g_return_val_if_fail (o != NULL && n != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_lock (locks, JP_SETTING_MAX_CHOICES, o->max_choices != n->max_choices,
                     _("The maximum marks per ballot"), error)
      && check_lock (locks, JP_SETTING_MAJORITY_THRESHOLD,
                     !o->majority_threshold != !n->majority_threshold,
                     _("The majority threshold"), error)
      && check_lock (locks, JP_SETTING_QUORUM,
                     o->quorum_num * n->quorum_den != n->quorum_num * o->quorum_den,
                     _("The quorum"), error)
      && check_lock (locks, JP_SETTING_RUBRIC, !same_rubric (o->rubric, n->rubric),
                     _("The defence rubric"), error)
      && check_lock (locks, JP_SETTING_PRESENTATION_MINUTES,
                     o->presentation_minutes != n->presentation_minutes,
                     _("The presentation time"), error)
      && check_lock (locks, JP_SETTING_QUESTIONS_MINUTES,
                     o->questions_minutes != n->questions_minutes,
                     _("The question time"), error)
      && check_lock (locks, JP_SETTING_DROP_MIN_TOTALS,
                     o->drop_min_totals != n->drop_min_totals,
                     _("The rule for dropping the highest and lowest totals"), error)
      && check_lock (locks, JP_SETTING_DEVIATION_ALERT,
                     !same_double (o->deviation_alert, n->deviation_alert),
                     _("The deviation alert"), error)
      && check_lock (locks, JP_SETTING_WEIGHTS,
                     !same_double (o->weight_votes, n->weight_votes)
                     || !same_double (o->weight_online, n->weight_online)
                     || !same_double (o->weight_defence, n->weight_defence),
                     _("The stage weights"), error)
      && check_lock (locks, JP_SETTING_TRADE_CAPS,
                     !same_caps (o->trade_caps, n->trade_caps),
                     _("The caps per trade of the recommended list"), error)
      && check_lock (locks, JP_SETTING_PUBLICITY_DAYS,
                     o->publicity_days != n->publicity_days,
                     _("The publicity period"), error);
}

gboolean
jp_election_change_allowed (const JpElection *o,
                            const JpElection *n,
                            JpStageLocks      locks,
                            GError          **error)
{
  g_return_val_if_fail (o != NULL && n != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_lock (locks, JP_SETTING_QUOTA, o->quota != n->quota,
                     _("The quota of titles"), error)
      && check_lock (locks, JP_SETTING_RATIO, !same_double (o->ratio, n->ratio),
                     _("The finalist ratio"), error);
}
