/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-defence-private.h"

/* What a station asks for when the chair calls a candidate: the session and the member's
 * sheet for the current candidate, from one load of the session. */

JpDefenceSheet *
jp_store_defence_sheet_or_blank (Loaded                     *l,
                                 const JpDefencePanelMember *m,
                                 const JpDefenceCandidate   *c)
{
  JpDefenceSheet *s = jp_store_defence_find_sheet (l, m->code, c->code);

  if (s != NULL)
    return jp_store_defence_sheet_copy (s);
  s = g_new0 (JpDefenceSheet, 1);
  s->member = g_strdup (m->code);
  s->candidate = g_strdup (c->code);
  s->n_criteria = l->session->rubric->len;
  s->halves = g_new (int, MAX (s->n_criteria, 1));
  for (guint i = 0; i < s->n_criteria; i++)
    s->halves[i] = -1;
  return s;
}

JpDefenceSession *
jp_store_defence_get_current (JpStore          *self,
                              gint64            round_id,
                              const char       *member,
                              JpDefenceSheet  **sheet,
                              GError          **error)
{
  g_autoptr(Loaded) l = NULL;
  const JpDefenceCandidate *c;
  JpDefencePanelMember *m;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *sheet = NULL;
  l = jp_store_defence_load (self, round_id, error);
  if (l == NULL)
    return NULL;
  c = jp_defence_session_current (l->session);
  m = member != NULL ? jp_store_defence_find_panel_member (l, member) : NULL;
  if (c != NULL && m != NULL)
    *sheet = jp_store_defence_sheet_or_blank (l, m, c);
  return g_steal_pointer (&l->session);
}
