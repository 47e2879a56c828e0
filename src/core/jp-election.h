/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib-object.h>
#include "jp-enums.h"

G_BEGIN_DECLS

#define JP_DEFAULT_QUOTA 20
#define JP_DEFAULT_RATIO 1.5

/* Election settings (one per database). */
typedef struct {
  char   *title;       /* "包头市2023年"包头工匠"选树" */
  char   *award;       /* the title awarded, "包头工匠" */
  int     year;
  char   *organiser;   /* "包头市总工会" */
  int     quota;       /* titles to award, default 20 */
  double  ratio;       /* finalist ratio, default 1.5 */
} JpElection;

JpElection *jp_election_new  (void);   /* defaults filled */
JpElection *jp_election_copy (const JpElection *e);
void        jp_election_free (JpElection *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpElection, jp_election_free)

/* A trade group (行业/工种组). */
typedef struct {
  gint64   id;
  char    *code;       /* code prefix of anonymous codes, "XT"; NULL until set */
  char    *name;       /* "稀土" */
  gboolean priority;   /* priority trade (稀土, 硅, 风电, 光伏, key chains) */
} JpTrade;

JpTrade *jp_trade_copy (const JpTrade *t);
void     jp_trade_free (JpTrade *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTrade, jp_trade_free)

/* A nominating unit (推荐单位). */
typedef struct {
  gint64   id;
  char    *name;
  gboolean pilot;      /* 产改试点单位 */
  guint    limit;      /* explicit nomination limit, 0 for the default */
} JpUnit;

JpUnit *jp_unit_copy (const JpUnit *u);
void    jp_unit_free (JpUnit *u);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpUnit, jp_unit_free)

/* A committee member (评委). */
typedef struct {
  gint64        id;
  char         *code;      /* "M01" */
  char         *name;
  char         *unit;      /* the member's own unit, for automatic conflicts */
  JpMemberRole  role;
  GStrv         trades;    /* trade codes (or names while codes unset) the member judges */
} JpMember;

JpMember *jp_member_copy (const JpMember *m);
void      jp_member_free (JpMember *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpMember, jp_member_free)

/* What has started in an election; each flag locks the settings that stage depends on. */
typedef enum {
  JP_STAGE_LOCK_NONE              = 0,
  JP_STAGE_LOCK_BALLOT_OPENED     = 1 << 0,  /* seats, quota, ratio, max choices, threshold */
  JP_STAGE_LOCK_DEFENCE_OPENED    = 1 << 1,  /* rubric, times, drop rule, deviation alert */
  JP_STAGE_LOCK_RANKING_DONE      = 1 << 2,  /* stage weights */
  JP_STAGE_LOCK_PUBLICITY_STARTED = 1 << 3,  /* publicity working days */
} JpStageLocks;

/* FALSE with an error naming the setting and the round that locks it when `new_election`
 * changes the quota or the finalist ratio after the first ballot opened. Title, award, year
 * and organiser are never locked. (Implemented in jp-settings.c.) */
gboolean jp_election_change_allowed (const JpElection *old_election,
                                     const JpElection *new_election,
                                     JpStageLocks      locks,
                                     GError          **error);

G_END_DECLS
