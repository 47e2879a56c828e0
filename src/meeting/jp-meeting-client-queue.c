/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-client-private.h"
#include "store/jp-random.h"

void
jp_meeting_client_queued_ballot_free (QueuedBallot *q)
{
  g_strfreev (q->marks);
  g_free (q->key);
  g_free (q);
}

/* ---- the offline queue ---- */

/* Writes the queue to its file (atomically: never half a queue). */
void
jp_meeting_client_queue_save (JpMeetingClient *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->queue_path);
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < self->queue->len; i++)
    {
      QueuedBallot *q = self->queue->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, q->round_id);
      json_builder_set_member_name (b, "marks");
      json_builder_begin_array (b);
      for (guint k = 0; q->marks[k] != NULL; k++)
        json_builder_add_string_value (b, q->marks[k]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "idempotency_key");
      json_builder_add_string_value (b, q->key);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, TRUE);
  g_mkdir_with_parents (dir, 0700);
  /* g_file_set_contents writes a temporary file and renames it: never half a queue. */
  if (!g_file_set_contents_full (self->queue_path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Cannot keep the unsent ballots in %s: %s", self->queue_path, error->message);
}

void
jp_meeting_client_queue_load (JpMeetingClient *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, self->queue_path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);
      JsonObject *o;
      JsonArray *marks;
      QueuedBallot *q;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      o = json_node_get_object (n);
      if (!json_object_has_member (o, "round") || !json_object_has_member (o, "marks") ||
          !json_object_has_member (o, "idempotency_key"))
        continue;
      marks = json_object_get_array_member (o, "marks");
      if (marks == NULL)
        continue;
      q = g_new0 (QueuedBallot, 1);
      q->round_id = json_object_get_int_member (o, "round");
      q->key = g_strdup (json_object_get_string_member (o, "idempotency_key"));
      q->marks = g_new0 (char *, json_array_get_length (marks) + 1);
      for (guint k = 0; k < json_array_get_length (marks); k++)
        q->marks[k] = g_strdup (json_array_get_string_element (marks, k));
      if (q->key != NULL)
        g_ptr_array_add (self->queue, q);
      else
        jp_meeting_client_queued_ballot_free (q);
    }
}

guint
jp_meeting_client_get_n_queued (JpMeetingClient *self)
{
  g_return_val_if_fail (JP_IS_MEETING_CLIENT (self), 0);
  return self->queue->len;
}

/* ---- ballots ---- */

static JsonNode *
ballot_body (QueuedBallot *q)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "marks");
  json_builder_begin_array (b);
  for (guint i = 0; q->marks[i] != NULL; i++)
    json_builder_add_string_value (b, q->marks[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "idempotency_key");
  json_builder_add_string_value (b, q->key);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
ballot_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JpMeetingClient *self = g_task_get_source_object (task);
  Request *inner = g_task_get_task_data (G_TASK (result));
  Request *outer = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonObject) reply = g_task_propagate_pointer (G_TASK (result), &error);

  outer->reason = g_strdup (inner->reason);
  /* Accepted or refused for good: out of the queue. A network failure, a host error or a
   * certificate this station does not trust (nothing was sent) keeps it for the next try. */
  if (reply != NULL || (!g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK) &&
                        !g_error_matches (error, JP_MEETING_ERROR,
                                          JP_MEETING_ERROR_CERTIFICATE)))
    {
      if (g_ptr_array_remove (self->queue, outer->ballot))
        jp_meeting_client_queue_save (self);
    }
  outer->ballot = NULL;
  if (reply != NULL)
    g_task_return_boolean (task, TRUE);
  else
    {
      if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK))
        g_prefix_error_literal (&error, _("The ballot is kept on this station and will be "
                                          "sent again when the host is back. "));
      g_task_return_error (task, error);
    }
}

static void
send_queued (JpMeetingClient     *self,
             QueuedBallot        *q,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/rounds/%" G_GINT64_FORMAT "/ballot", q->round_id);
  g_autoptr(JsonNode) body = ballot_body (q);
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);
  GTask *inner;

  g_task_set_source_tag (outer, jp_meeting_client_submit_ballot_async);
  r->ballot = q;
  g_task_set_task_data (outer, r, (GDestroyNotify) jp_meeting_client_request_free);
  inner = jp_meeting_client_request_start (self, "POST", path, body, FALSE, cancellable,
    ballot_done, outer, jp_meeting_client_submit_ballot_async);
  /* the idempotency key lets it reuse the open connection (jp_meeting_client_request_start) */
  if (inner != NULL)
    jp_meeting_client_request_send (self, inner);
}

void
jp_meeting_client_submit_ballot_async (JpMeetingClient     *self,
                                       gint64               round_id,
                                       const char *const   *marks,
                                       const char          *idempotency_key,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  QueuedBallot *q;
  g_autofree char *key = NULL;
  GError *error = NULL;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  key = idempotency_key != NULL ? g_strdup (idempotency_key) : jp_random_hex (16, &error);
  if (key == NULL)
    {
      g_task_report_error (self, callback, user_data, jp_meeting_client_submit_ballot_async,
                           error);
      return;
    }
  q = g_new0 (QueuedBallot, 1);
  q->round_id = round_id;
  q->marks = marks != NULL ? g_strdupv ((char **) marks) : g_new0 (char *, 1);
  q->key = g_steal_pointer (&key);
  g_ptr_array_add (self->queue, q);
  jp_meeting_client_queue_save (self);
  send_queued (self, q, cancellable, callback, user_data);
}

gboolean
jp_meeting_client_submit_ballot_finish (JpMeetingClient  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void flush_next (GTask *task);

typedef struct {
  guint  n_sent;     /* ballots sent by this flush */
  gint64 round_id;   /* the round of the ballot being resent */
} FlushState;

static void
flush_one_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!jp_meeting_client_submit_ballot_finish (JP_MEETING_CLIENT (source), result, &error) &&
      (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK) ||
       g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_CERTIFICATE)))
    {
      JpMeetingClient *self = g_task_get_source_object (task);

      self->flushing = FALSE;
      g_task_return_int (task, self->queue->len);
      g_object_unref (task);
      return;
    }
  /* refused for good (the round closed meanwhile, ...): it has left the queue, and the
   * member is told which round's ballot and why */
  if (error != NULL)
    {
      FlushState *state = g_task_get_task_data (task);

      jp_meeting_client_emit_ballot_refused (g_task_get_source_object (task), state->round_id,
                                             error->message);
    }
  flush_next (task);
}

static void
flush_next (GTask *task)
{
  JpMeetingClient *self = g_task_get_source_object (task);
  FlushState *state = g_task_get_task_data (task);
  QueuedBallot *q;

  /* Entries leave the queue when answered, so the next one is always at the front, except
   * those queued meanwhile (sent by their own call) which we leave alone. */
  if (self->queue->len == 0 || state->n_sent >= 64)
    {
      self->flushing = FALSE;
      g_task_return_int (task, self->queue->len);
      g_object_unref (task);
      return;
    }
  state->n_sent++;
  q = self->queue->pdata[0];
  state->round_id = q->round_id;
  send_queued (self, q, g_task_get_cancellable (task), flush_one_done, task);
}

void
jp_meeting_client_flush_queue_async (JpMeetingClient     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (JP_IS_MEETING_CLIENT (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_client_flush_queue_async);
  g_task_set_task_data (task, g_new0 (FlushState, 1), g_free);
  self->flushing = TRUE;
  flush_next (task);
}

guint
jp_meeting_client_flush_queue_finish (JpMeetingClient  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? 0 : (guint) n;
}
