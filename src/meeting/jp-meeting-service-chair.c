/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"
#include "jp-meeting-service-private.h"
#include "store/jp-random.h"

/* The chair's commands on the meeting (open, close, seal, publish, the run-off, the
 * candidate discussed) and the speaking timer. */

/* ---- the chair ---- */

static void
emit_round_event (JpMeetingService *self,
                  const char       *type,
                  gint64            round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) r = jp_store_get_round (self->store, round_id, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_ROUND_CHANGED], 0, round_id);
  if (r == NULL)
    {
      /* the chair's page reads the round again on round-changed and shows why */
      g_warning ("Cannot tell the stations about round %" G_GINT64_FORMAT ": %s", round_id,
                 error->message);
      return;
    }
  json_builder_begin_object (b);
  jp_meeting_service_add_round_summary (b, r);
  json_builder_end_object (b);
  jp_meeting_service_emit_event (self, type, b);
}

gint64
jp_meeting_service_open_round (JpMeetingService  *self,
                               const char        *trade,
                               int                seats,
                               int                max_choices,
                               int                present,
                               GError           **error)
{
  gint64 id;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), 0);
  id = jp_store_open_ballot_round (self->store, trade, seats, max_choices, present, self->actor,
                                   error);
  if (id != 0)
    emit_round_event (self, "round_opened", id);
  return id;
}

gint64
jp_meeting_service_open_round_with_reason (JpMeetingService  *self,
                                           const char        *trade,
                                           int                seats,
                                           int                max_choices,
                                           int                present,
                                           const char        *reason,
                                           GError           **error)
{
  gint64 id;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), 0);
  id = jp_store_open_ballot_round_with_reason (self->store, trade, seats, max_choices, present,
                                               reason, self->actor, error);
  if (id != 0)
    emit_round_event (self, "round_opened", id);
  return id;
}

gint64
jp_meeting_service_create_runoff (JpMeetingService  *self,
                                  gint64             round_id,
                                  GError           **error)
{
  gint64 id;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), 0);
  id = jp_store_create_runoff (self->store, round_id, self->actor, error);
  if (id != 0)
    emit_round_event (self, "round_opened", id);
  return id;
}

gboolean
jp_meeting_service_close_round (JpMeetingService  *self,
                                gint64             round_id,
                                GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  if (!jp_store_close_round (self->store, round_id, self->actor, error))
    return FALSE;
  emit_round_event (self, "round_closed", round_id);
  return TRUE;
}

gboolean
jp_meeting_service_seal_round (JpMeetingService  *self,
                               gint64             round_id,
                               GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  if (!jp_store_seal_round (self->store, round_id, self->actor, error))
    return FALSE;
  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_ROUND_CHANGED], 0, round_id);
  return TRUE;
}

gboolean
jp_meeting_service_publish_results (JpMeetingService  *self,
                                    gint64             round_id,
                                    GError           **error)
{
  g_autofree char *result = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  result = jp_store_get_round_result_json (self->store, round_id, error);
  if (result == NULL)
    return FALSE;
  node = json_from_string (result, error);
  if (node == NULL)
    return FALSE;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "result");
  json_builder_add_value (b, g_steal_pointer (&node));
  json_builder_end_object (b);
  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_RESULTS_PUBLISHED], 0, round_id);
  jp_meeting_service_emit_event (self, "results_published", b);
  return TRUE;
}

gboolean
jp_meeting_service_set_current_candidate (JpMeetingService  *self,
                                          const char        *code,
                                          GError           **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_auto(GStrv) out = NULL;
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  if (code != NULL && !jp_meeting_service_candidate_id (self, code, &id, error))
    return FALSE;
  if (code != NULL && id == 0)
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NOT_FOUND,
                   _("There is no candidate with the code %s."), code);
      return FALSE;
    }
  if (g_strcmp0 (code, self->current_code) == 0)
    return TRUE;
  g_free (self->current_code);
  self->current_code = g_strdup (code);
  out = jp_meeting_service_get_stepping_out (self);
  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_CURRENT_CANDIDATE_CHANGED], 0);

  /* from here on only our own copy: `code` may belong to a widget that a handler of
   * current-candidate-changed has just rebuilt (the chair's drop-down), and is then freed */
  code = NULL;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  if (self->current_code != NULL)
    json_builder_add_string_value (b, self->current_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "step_out");
  json_builder_begin_array (b);
  for (guint i = 0; out[i] != NULL; i++)
    json_builder_add_string_value (b, out[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  jp_meeting_service_emit_event (self, "current_candidate", b);
  return TRUE;
}

const char *
jp_meeting_service_get_current_candidate (JpMeetingService *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  return self->current_code;
}

GStrv
jp_meeting_service_get_stepping_out (JpMeetingService *self)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(JpCandidate) candidate = NULL;
  g_autoptr(JpTrade) trade = NULL;
  gint64 id;

  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  /* Who must step out is shown to the chair beside the current candidate; a failed read
   * names nobody there and is logged (the chair's page reads the members itself). */
  if (self->current_code == NULL ||
      !jp_meeting_service_candidate_id (self, self->current_code, &id, &error) || id == 0 ||
      (candidate = jp_store_get_candidate (self->store, id, &error)) == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot tell who steps out for %s: %s", self->current_code, error->message);
      return g_strv_builder_end (out);
    }
  trade = candidate != NULL && candidate->trade != NULL
          ? jp_store_find_trade (self->store, candidate->trade) : NULL;
  if (trade == NULL)
    return g_strv_builder_end (out);
  /* only the members of the candidate's trade panel are in the room for it */
  members = jp_store_list_members (self->store, &error);
  if (members == NULL)
    g_warning ("Cannot tell who steps out for %s: %s", self->current_code, error->message);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      JpMember *m = members->pdata[i];
      const char *const *trades = (const char *const *) m->trades;
      gboolean conflicted;

      if (trades == NULL || !((trade->code != NULL && g_strv_contains (trades, trade->code))
                              || (trade->name != NULL && g_strv_contains (trades, trade->name))))
        continue;
      if (!jp_store_is_conflicted (self->store, m->code, id, &conflicted, &error))
        {
          g_warning ("Cannot tell who steps out for %s: %s", self->current_code,
                     error->message);
          break;
        }
      if (conflicted)
        g_strv_builder_add (out, m->code);
    }
  return g_strv_builder_end (out);
}

static void
send_timer (JpMeetingService *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  jp_meeting_service_add_timer (self, b);
  jp_meeting_service_emit_event (self, "timer", b);
}

static gboolean
timer_expired (gpointer user_data)
{
  JpMeetingService *self = user_data;

  self->timer_source = 0;
  send_timer (self);
  return G_SOURCE_REMOVE;
}

void
jp_meeting_service_set_timer (JpMeetingService *self,
                              guint             seconds)
{
  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  g_clear_handle_id (&self->timer_source, g_source_remove);
  self->timer_total = seconds;
  if (seconds > 0)
    {
      self->timer_ends_at = g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC;
      self->timer_source = g_timeout_add_seconds (seconds, timer_expired, self);
    }
  send_timer (self);
}
