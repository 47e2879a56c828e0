/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"
#include "jp-meeting-service-private.h"
#include "store/jp-random.h"

/* Access rules of the meeting service: which rounds a member sits on, which candidates
 * a member may see, whether a member has voted (RULES.md "Ballot", "Conflicts"). */

/* The rounds (not drafts) whose panel has the member, or NULL with `error` set. */
GPtrArray *
jp_meeting_service_member_rounds (JpMeetingService  *self,
                                  const char        *member_code,
                                  gboolean           open_only,
                                  GError           **error)
{
  g_autoptr(GPtrArray) all = jp_store_list_rounds (self->store, NULL, error);
  GPtrArray *mine;

  if (all == NULL)
    return NULL;
  mine = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_free);
  for (guint i = 0; i < all->len; i++)
    {
      JpRound *r = all->pdata[i];
      gboolean on_panel;

      if (r->kind != JP_ROUND_KIND_BALLOT || r->state == JP_ROUND_STATE_DRAFT)
        continue;
      if (open_only && r->state != JP_ROUND_STATE_OPEN)
        continue;
      if (!jp_store_member_on_panel (self->store, r->id, member_code, &on_panel, error))
        {
          g_ptr_array_unref (mine);
          return NULL;
        }
      if (!on_panel)
        continue;
      g_ptr_array_add (mine, jp_round_copy (r));
    }
  return mine;
}

/* Whether the member may see the candidate's dossier and evidence: the candidate is in a
 * round (opened at least once) of the member's panel, and the member is not conflicted. */
gboolean
jp_meeting_service_member_may_see (JpMeetingService  *self,
                                   const char        *member_code,
                                   gint64             candidate_id,
                                   gboolean          *conflicted,
                                   GError           **error)
{
  g_autoptr(GPtrArray) rounds = jp_meeting_service_member_rounds (self, member_code, FALSE, error);

  *conflicted = FALSE;
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];

      for (guint k = 0; k < r->candidates->len; k++)
        if (((JpRoundCandidate *) r->candidates->pdata[k])->candidate_id == candidate_id)
          {
            if (!jp_store_is_conflicted (self->store, member_code, candidate_id, conflicted,
                                         error))
              return FALSE;
            return !*conflicted;
          }
    }
  return FALSE;
}

/* Whether the member has voted in the round, in `*voted`; FALSE with `error` set when the
 * panel cannot be read. */
gboolean
jp_meeting_service_member_voted (JpMeetingService  *self,
                                 gint64             round_id,
                                 const char        *member_code,
                                 gboolean          *voted,
                                 GError           **error)
{
  g_autoptr(GPtrArray) panel = jp_store_round_panel (self->store, round_id, error);

  *voted = FALSE;
  if (panel == NULL)
    return FALSE;
  for (guint i = 0; i < panel->len; i++)
    {
      JpPanelMember *m = panel->pdata[i];

      if (g_strcmp0 (m->code, member_code) == 0)
        *voted = m->voted;
    }
  return TRUE;
}
