/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-client-private.h"

/* The typed requests of a member station: each GET's reply read once into its model
 * (jp-station-model.h), so a station never reads the wire JSON itself. */

typedef gpointer (*ParseFunc) (JsonObject *object, GError **error);

typedef struct {
  Request         base;         /* first: jp_meeting_client_request_reason reads it */
  ParseFunc       parse;
  GDestroyNotify  free_result;
} Typed;

static void
typed_free (Typed *t)
{
  g_free (t->base.reason);
  g_free (t);
}

static void
typed_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Typed *t = g_task_get_task_data (task);
  Request *inner = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  g_autoptr(JsonObject) reply = g_task_propagate_pointer (G_TASK (result), &error);
  gpointer value;

  if (reply == NULL)
    {
      t->base.reason = g_strdup (inner->reason);
      g_task_return_error (task, error);
      return;
    }
  if (t->parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  value = t->parse (reply, &error);
  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, t->free_result);
}

static void
typed_start (JpMeetingClient     *self,
             const char          *method,
             const char          *path,
             JsonNode            *body,
             ParseFunc            parse,
             GDestroyNotify       free_result,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  Typed *t = g_new0 (Typed, 1);
  GTask *inner;

  g_task_set_source_tag (outer, source_tag);
  t->parse = parse;
  t->free_result = free_result;
  g_task_set_task_data (outer, t, (GDestroyNotify) typed_free);
  inner = jp_meeting_client_request_start (self, method, path, body, FALSE, cancellable,
                                           typed_done, outer, source_tag);
  if (inner != NULL)
    jp_meeting_client_request_send (self, inner);
}

static gpointer
typed_finish (JpMeetingClient  *self,
              GAsyncResult     *result,
              gpointer          source_tag,
              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
jp_meeting_client_get_state_async (JpMeetingClient     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  typed_start (self, "GET", "/state", NULL, (ParseFunc) jp_remote_state_from_json,
               (GDestroyNotify) jp_remote_state_free, cancellable, callback, user_data,
               jp_meeting_client_get_state_async);
}

JpRemoteState *
jp_meeting_client_get_state_finish (JpMeetingClient  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return typed_finish (self, result, jp_meeting_client_get_state_async, error);
}

void
jp_meeting_client_get_round_async (JpMeetingClient     *self,
                                   gint64               round_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT, round_id);
  typed_start (self, "GET", path, NULL, (ParseFunc) jp_remote_round_from_json,
               (GDestroyNotify) jp_remote_round_free, cancellable, callback, user_data,
               jp_meeting_client_get_round_async);
}

JpRemoteRound *
jp_meeting_client_get_round_finish (JpMeetingClient  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return typed_finish (self, result, jp_meeting_client_get_round_async, error);
}

void
jp_meeting_client_get_dossier_async (JpMeetingClient     *self,
                                     const char          *code,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  g_return_if_fail (code != NULL);
  escaped = g_uri_escape_string (code, NULL, FALSE);
  path = g_strconcat ("/dossiers/", escaped, NULL);
  typed_start (self, "GET", path, NULL, (ParseFunc) jp_remote_dossier_from_json,
               (GDestroyNotify) jp_remote_dossier_free, cancellable, callback, user_data,
               jp_meeting_client_get_dossier_async);
}

JpRemoteDossier *
jp_meeting_client_get_dossier_finish (JpMeetingClient  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return typed_finish (self, result, jp_meeting_client_get_dossier_async, error);
}

void
jp_meeting_client_get_defence_async (JpMeetingClient     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  typed_start (self, "GET", "/defence", NULL, (ParseFunc) jp_remote_defence_from_json,
               (GDestroyNotify) jp_remote_defence_free, cancellable, callback, user_data,
               jp_meeting_client_get_defence_async);
}

JpRemoteDefence *
jp_meeting_client_get_defence_finish (JpMeetingClient  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return typed_finish (self, result, jp_meeting_client_get_defence_async, error);
}

void
jp_meeting_client_save_sheet_async (JpMeetingClient     *self,
                                    gint64               round_id,
                                    const char          *candidate,
                                    const char * const  *values,
                                    const char          *idempotency_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  g_return_if_fail (candidate != NULL && values != NULL);
  body = jp_remote_sheet_body (candidate, values, idempotency_key);
  path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/scores", round_id);
  typed_start (self, idempotency_key != NULL ? "POST" : "PUT", path, body, NULL, NULL,
               cancellable, callback, user_data, jp_meeting_client_save_sheet_async);
}

gboolean
jp_meeting_client_save_sheet_finish (JpMeetingClient  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
