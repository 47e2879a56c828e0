/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-election"

#include "config.h"

#include "jp-election.h"

/* Returns: (transfer full): settings with the defaults of RULES.md (quota 20, ratio 1.5). */
JpElection *
jp_election_new (void)
{
  JpElection *e = g_new0 (JpElection, 1);

  e->quota = JP_DEFAULT_QUOTA;
  e->ratio = JP_DEFAULT_RATIO;
  return e;
}

/* Returns: (transfer full): a deep copy. */
JpElection *
jp_election_copy (const JpElection *e)
{
  JpElection *copy;

  g_return_val_if_fail (e != NULL, NULL);

  copy = g_new0 (JpElection, 1);
  *copy = *e;
  copy->title = g_strdup (e->title);
  copy->award = g_strdup (e->award);
  copy->organiser = g_strdup (e->organiser);
  return copy;
}

void
jp_election_free (JpElection *e)
{
  if (e == NULL)
    return;
  g_free (e->title);
  g_free (e->award);
  g_free (e->organiser);
  g_free (e);
}

/* Returns: (transfer full): a deep copy. */
JpTrade *
jp_trade_copy (const JpTrade *t)
{
  JpTrade *copy;

  g_return_val_if_fail (t != NULL, NULL);

  copy = g_new0 (JpTrade, 1);
  *copy = *t;
  copy->code = g_strdup (t->code);
  copy->name = g_strdup (t->name);
  return copy;
}

void
jp_trade_free (JpTrade *t)
{
  if (t == NULL)
    return;
  g_free (t->code);
  g_free (t->name);
  g_free (t);
}

/* Returns: (transfer full): a deep copy. */
JpUnit *
jp_unit_copy (const JpUnit *u)
{
  JpUnit *copy;

  g_return_val_if_fail (u != NULL, NULL);

  copy = g_new0 (JpUnit, 1);
  *copy = *u;
  copy->name = g_strdup (u->name);
  return copy;
}

void
jp_unit_free (JpUnit *u)
{
  if (u == NULL)
    return;
  g_free (u->name);
  g_free (u);
}

/* Returns: (transfer full): a deep copy. */
JpMember *
jp_member_copy (const JpMember *m)
{
  JpMember *copy;

  g_return_val_if_fail (m != NULL, NULL);

  copy = g_new0 (JpMember, 1);
  *copy = *m;
  copy->code = g_strdup (m->code);
  copy->name = g_strdup (m->name);
  copy->unit = g_strdup (m->unit);
  copy->trades = g_strdupv (m->trades);
  return copy;
}

void
jp_member_free (JpMember *m)
{
  if (m == NULL)
    return;
  g_free (m->code);
  g_free (m->name);
  g_free (m->unit);
  g_strfreev (m->trades);
  g_free (m);
}
