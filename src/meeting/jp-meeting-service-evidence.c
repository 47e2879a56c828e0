/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"
#include "jp-meeting-service-private.h"
#include "store/jp-random.h"

/* Evidence for the stations: the anonymised copies, their owners and the redaction boxes. */

/* ---- evidence ---- */

static void
evidence_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *copy = jp_meeting_anon_cache_get_finish (JP_MEETING_ANON_CACHE (source), result,
                                                   &error);

  if (copy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, copy, (GDestroyNotify) g_bytes_unref);
}

static void
start_copy (JpMeetingService *self,
            GTask            *task,
            gint64            candidate_id,
            const char       *sha256)
{
  GError *error = NULL;
  g_autoptr(JpCandidate) c = jp_store_get_candidate (self->store, candidate_id, &error);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_auto(GStrv) terms = NULL;
  const char *mime = NULL;

  if (c == NULL || (data = jp_store_get_document_data (self->store, sha256, &error)) == NULL
      || (boxes = jp_meeting_redaction_boxes (self->store, sha256, &error)) == NULL)
    {
      if (error == NULL)
        error = g_error_new (JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND,
                             _("Evidence %s is not in this election."), sha256);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    if (g_strcmp0 (((JpDocumentRef *) c->documents->pdata[i])->sha256, sha256) == 0)
      mime = ((JpDocumentRef *) c->documents->pdata[i])->mime;
  terms = jp_meeting_service_redaction_terms (c);
  jp_meeting_anon_cache_get_async (self->anon, data, mime, sha256, (const char *const *) terms,
                                   boxes,
                                   g_task_get_cancellable (task), evidence_built, task);
}

/* The candidate whose evidence `sha256` is, looking through the rounds of the member (or of
 * everybody, for the chair's preview) when it is not known yet. */
/* The candidate whose evidence `sha256` is, in `*owner` (0 when none); FALSE with `error` set
 * when the rounds or candidates cannot be read. */
static gboolean
evidence_owner (JpMeetingService  *self,
                const char        *member_code,
                const char        *sha256,
                gint64            *owner,
                GError           **error)
{
  g_autoptr(GPtrArray) rounds = NULL;
  gint64 *id = g_hash_table_lookup (self->sha_owner, sha256);

  *owner = 0;
  if (id != NULL)
    {
      *owner = *id;
      return TRUE;
    }
  if (member_code != NULL)
    rounds = jp_meeting_service_member_rounds (self, member_code, FALSE, error);
  else
    rounds = jp_store_list_rounds (self->store, NULL, error);
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];

      for (guint k = 0; k < r->candidates->len; k++)
        {
          gint64 cid = ((JpRoundCandidate *) r->candidates->pdata[k])->candidate_id;
          g_autoptr(JpCandidate) c = jp_store_get_candidate (self->store, cid, error);

          if (c == NULL)
            return FALSE;
          jp_meeting_service_remember_evidence (self, c);
        }
    }
  if (member_code == NULL && g_hash_table_lookup (self->sha_owner, sha256) == NULL)
    {
      /* The chair may preview before any round: look at every candidate with a code. */
      GHashTableIter iter;
      gint64 *cid;
      gint64 unused;

      if (!jp_meeting_service_candidate_id (self, "", &unused, error))
        return FALSE;
      g_hash_table_iter_init (&iter, self->code_to_id);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &cid))
        {
          g_autoptr(JpCandidate) c = jp_store_get_candidate (self->store, *cid, error);

          if (c == NULL)
            return FALSE;
          jp_meeting_service_remember_evidence (self, c);
        }
    }
  id = g_hash_table_lookup (self->sha_owner, sha256);
  *owner = id != NULL ? *id : 0;
  return TRUE;
}

void
jp_meeting_service_evidence_async (JpMeetingService    *self,
                                   const char          *member_code,
                                   const char          *sha256,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  gint64 owner;
  gboolean conflicted = FALSE;
  gboolean may_see = FALSE;
  GError *error = NULL;

  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  g_return_if_fail (member_code != NULL && sha256 != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_service_evidence_async);
  if (evidence_owner (self, member_code, sha256, &owner, &error) && owner != 0)
    may_see = jp_meeting_service_member_may_see (self, member_code, owner, &conflicted, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (!may_see)
    {
      if (conflicted)
        g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_UNAUTHORIZED,
                                 _("You have a conflict of interest with this candidate, so "
                                   "the evidence is not shown to you."));
      else
        g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND,
                                 _("Evidence %s is not evidence of a candidate in your "
                                   "rounds."), sha256);
      g_object_unref (task);
      return;
    }
  start_copy (self, task, owner, sha256);
}

void
jp_meeting_service_preview_async (JpMeetingService    *self,
                                  const char          *sha256,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  gint64 owner;
  GError *error = NULL;

  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  g_return_if_fail (sha256 != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_service_evidence_async);
  if (!evidence_owner (self, NULL, sha256, &owner, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (owner == 0)
    {
      g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND,
                               _("Evidence %s is not evidence of a candidate with a code."),
                               sha256);
      g_object_unref (task);
      return;
    }
  start_copy (self, task, owner, sha256);
}

GBytes *
jp_meeting_service_evidence_finish (JpMeetingService  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
jp_meeting_service_add_redaction_box (JpMeetingService     *self,
                                      const char           *sha256,
                                      int                   page,
                                      const JpEvidenceRect *rect,
                                      GError              **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), 0);
  g_return_val_if_fail (sha256 != NULL && rect != NULL, 0);

  return jp_store_add_redaction_box (self->store, sha256, page, rect->x, rect->y, rect->width,
                                     rect->height, self->actor, error);
}

GArray *
jp_meeting_service_get_redaction_boxes (JpMeetingService *self,
                                        const char       *sha256)
{
  g_autoptr(GError) error = NULL;
  GArray *boxes;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  boxes = jp_meeting_redaction_boxes (self->store, sha256, &error);
  if (boxes == NULL)
    {
      g_warning ("Could not read the redaction boxes of %s: %s", sha256, error->message);
      boxes = g_array_new (FALSE, FALSE, sizeof (JpEvidenceHit));
    }
  return boxes;
}

gboolean
jp_meeting_service_clear_redaction_boxes (JpMeetingService  *self,
                                          const char        *sha256,
                                          GError           **error)
{
  g_autoptr(GPtrArray) boxes = NULL;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  boxes = jp_store_list_redaction_boxes (self->store, sha256, error);
  if (boxes == NULL)
    return FALSE;
  for (guint i = 0; i < boxes->len; i++)
    if (!jp_store_remove_redaction_box (self->store, ((JpRedactionBox *) boxes->pdata[i])->id,
                                        self->actor, error))
      return FALSE;
  return TRUE;
}
