/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"

/* The chair's preview of an anonymised copy when no meeting is running: the same terms and
 * the same stored boxes as jp_meeting_service_evidence_async, so what the chair sees is what
 * the stations will get. */

GArray *
jp_meeting_redaction_boxes (JpStore     *store,
                            const char  *sha256,
                            GError     **error)
{
  g_autoptr(GPtrArray) boxes = NULL;
  GArray *hits;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  boxes = jp_store_list_redaction_boxes (store, sha256, error);
  if (boxes == NULL)
    return NULL;
  hits = g_array_sized_new (FALSE, FALSE, sizeof (JpEvidenceHit), boxes->len);
  for (guint i = 0; i < boxes->len; i++)
    {
      const JpRedactionBox *b = boxes->pdata[i];
      JpEvidenceHit hit = { b->page, { b->x, b->y, b->width, b->height } };

      g_array_append_val (hits, hit);
    }
  return hits;
}

static void
preview_built (GObject      *source,
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

void
jp_meeting_preview_async (JpStore             *store,
                          JpMeetingAnonCache  *cache,
                          const char          *sha256,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GArray) boxes = NULL;
  g_auto(GStrv) terms = NULL;
  GError *error = NULL;
  const char *mime = NULL;
  gint64 owner;

  g_return_if_fail (JP_IS_STORE (store));
  g_return_if_fail (JP_IS_MEETING_ANON_CACHE (cache));
  g_return_if_fail (sha256 != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_preview_async);
  owner = jp_store_document_candidate (store, sha256);
  if (owner != 0 && (c = jp_store_get_candidate (store, owner, &error)) == NULL &&
      !g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  if (c == NULL)
    {
      g_task_return_new_error (task, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND,
                               _("Evidence %s belongs to no candidate of this election. "
                                 "Reload the candidate's dossier."), sha256);
      return;
    }
  if ((data = jp_store_get_document_data (store, sha256, &error)) == NULL
      || (boxes = jp_meeting_redaction_boxes (store, sha256, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    {
      const JpDocumentRef *ref = c->documents->pdata[i];

      if (ref->sha256 != NULL && g_ascii_strcasecmp (ref->sha256, sha256) == 0)
        mime = ref->mime;
    }
  terms = jp_meeting_service_redaction_terms (c);
  jp_meeting_anon_cache_get_async (cache, data, mime, sha256, (const char *const *) terms,
                                   boxes, cancellable, preview_built, g_steal_pointer (&task));
}

GBytes *
jp_meeting_preview_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
