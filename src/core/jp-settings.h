/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-election.h"
#include "jp-finding.h"

G_BEGIN_DECLS

/* One criterion of the defence rubric. */
typedef struct {
  char   *name;
  double  max;        /* points, > 0, a multiple of 0.5 */
} JpRubricCriterion;

JpRubricCriterion *jp_rubric_criterion_new  (const char *name,
                                             double      max);
JpRubricCriterion *jp_rubric_criterion_copy (const JpRubricCriterion *c);
void               jp_rubric_criterion_free (JpRubricCriterion *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpRubricCriterion, jp_rubric_criterion_free)

/* Election settings beyond JpElection (RULES.md defaults in brackets). Plain data, owned. */
typedef struct {
  double     weight_votes;          /* wV [0.30] */
  double     weight_online;         /* wO [0.10] */
  double     weight_defence;        /* wD [0.60]; the three sum to 1 */
  GPtrArray *rubric;                /* JpRubricCriterion*, owned [5 criteria, 100 points] */
  int        presentation_minutes;  /* [8], 1..60 */
  int        questions_minutes;     /* [5], 1..60 */
  int        drop_min_totals;       /* drop highest and lowest from this many totals [5] */
  double     deviation_alert;       /* points from the panel median [15] */
  int        max_choices;           /* marks per ballot; 0 = the trade's seats [0] */
  gboolean   majority_threshold;    /* more than half of valid ballots to advance [FALSE] */
  int        quorum_num;            /* quorum of a ballot round: at least quorum_num/quorum_den */
  int        quorum_den;            /* of the trade's panel present when it opens [2/3];
                                     * quorum_num 0 = no quorum (docs/rounds.md) */
  int        publicity_days;        /* working days [5], 1..30 */
  char      *font_song;             /* TrueType path of the body font, NULL/"" = system */
  char      *font_kai;              /* TrueType path of the certificate font, NULL/"" = system */
  GHashTable *trade_caps;           /* optional per-trade caps of the recommended list: trade
                                     * code (char*) -> GINT_TO_POINTER (cap >= 0); trades
                                     * without an entry have no cap. Never NULL. [none] */
  /* The publicity office printed on the notice (公示) as where to object; NULL or "" =
   * unset (the notice is refused until the person and the phone are set). Never locked. */
  char      *contact_person;        /* 联系人 */
  char      *contact_phone;         /* 联系电话 */
  char      *contact_address;       /* 通讯地址 (optional) */
} JpSettings;

/* Returns: (transfer full): settings with every default of RULES.md. */
JpSettings *jp_settings_new   (void);
JpSettings *jp_settings_copy  (const JpSettings *settings);
void        jp_settings_free  (JpSettings *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpSettings, jp_settings_free)

/* Checks every rule of the settings. Errors: "weights-range", "weights-decimals" (more than
 * two decimals: the composite would not be exact), "weights-sum", "rubric-empty",
 * "rubric-name", "rubric-duplicate", "rubric-max", "presentation-minutes",
 * "questions-minutes", "drop-min-totals", "deviation-alert", "max-choices",
 * "quorum", "publicity-days", "trade-cap" (a cap below 0 or without a trade code). Warning: "rubric-total" (the rubric does not total 100 points).
 * Returns: (transfer full): JpFinding* (owned), empty when the settings are valid. */
GPtrArray  *jp_settings_validate (const JpSettings *settings);

/* Sum of the rubric maxima. */
double      jp_settings_rubric_total (const JpSettings *settings);

/* Serialises to GKeyFile text (UTF-8): groups [weights] votes/online/defence, [rubric]
 * criterion_N=name|max (N from 1), [defence] presentation_minutes/questions_minutes/
 * drop_min_totals/deviation_alert, [ballot] max_choices/majority_threshold/quorum_numerator/quorum_denominator,
 * [publicity] working_days/contact_person/contact_phone/contact_address, [fonts] song/kai, [caps] <trade code>=N. Numbers are written locale-independently.
 * Returns: (transfer full): the text; `length` (may be NULL) receives its length. */
char       *jp_settings_to_data   (const JpSettings *settings,
                                   gsize            *length);

/* Parses text written by jp_settings_to_data(). Missing groups and keys keep their defaults,
 * unknown groups and keys are ignored; a [rubric] group replaces the whole default rubric
 * (criteria ordered by N). A value that is not understood fails with JP_CORE_ERROR_PARSE
 * naming the group and key. The result is not validated: call jp_settings_validate().
 * Returns: (transfer full): new settings, or NULL on error. */
JpSettings *jp_settings_from_data (const char *data,
                                   gsize       length,
                                   GError    **error);

/* The settings (and election parameters) that a stage locks. Which stage locks which is a
 * rule of core: jp_settings_change_allowed and jp_election_change_allowed enforce it, the
 * settings page asks jp_setting_locked_by to grey out what it may no longer change. */
typedef enum {
  JP_SETTING_QUOTA,                 /* election: titles to award */
  JP_SETTING_RATIO,                 /* election: finalist ratio */
  JP_SETTING_MAX_CHOICES,
  JP_SETTING_MAJORITY_THRESHOLD,
  JP_SETTING_QUORUM,
  JP_SETTING_RUBRIC,
  JP_SETTING_PRESENTATION_MINUTES,
  JP_SETTING_QUESTIONS_MINUTES,
  JP_SETTING_DROP_MIN_TOTALS,
  JP_SETTING_DEVIATION_ALERT,
  JP_SETTING_WEIGHTS,
  JP_SETTING_TRADE_CAPS,
  JP_SETTING_PUBLICITY_DAYS,
  JP_SETTING_FONTS,
  JP_N_SETTINGS
} JpSetting;

/* The stage lock under which `setting` can no longer change; JP_STAGE_LOCK_NONE for one that
 * never locks (the fonts). */
JpStageLocks jp_setting_locked_by (JpSetting setting);
/* Whether `setting` is locked once the stages in `locks` have happened. */
gboolean     jp_setting_is_locked (JpSetting    setting,
                                   JpStageLocks locks);

/* FALSE with an error naming the setting and the round that locks it when `new_settings`
 * changes a setting locked by `locks`: JP_STAGE_LOCK_BALLOT_OPENED locks max choices, the
 * majority threshold and the quorum; JP_STAGE_LOCK_DEFENCE_OPENED the rubric, the presentation and question
 * times, the drop rule and the deviation alert; JP_STAGE_LOCK_RANKING_DONE the stage
 * weights; JP_STAGE_LOCK_PUBLICITY_STARTED the publicity days. Fonts are never locked. */
gboolean    jp_settings_change_allowed (const JpSettings *old_settings,
                                        const JpSettings *new_settings,
                                        JpStageLocks      locks,
                                        GError          **error);

G_END_DECLS
