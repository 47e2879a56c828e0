/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-score.h"
#include "core/jp-settings.h"
#include "jp-meeting-service-defence.h"
#include "jp-meeting-service-private.h"

static void
send_event (JpMeetingService *self,
            const char       *type,
            JsonBuilder      *data)
{
  g_autoptr(JsonNode) node = json_builder_get_root (data);

  g_signal_emit_by_name (self, "event", type, node);
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  return strv != NULL && s != NULL && g_strv_contains (strv, s);
}

static gboolean
on_panel (const JpDefenceSession *session,
          const char             *member)
{
  for (guint i = 0; i < session->panel->len; i++)
    if (g_strcmp0 (((JpDefencePanelMember *) session->panel->pdata[i])->code, member) == 0)
      return TRUE;
  return FALSE;
}

/* The open defence session whose panel has the member, with the member's sheet for its
 * current candidate (NULL when none is current), each session loaded once: FALSE with
 * `error` when the rounds cannot be read, else TRUE with `*session` NULL when there is
 * none. */
static gboolean
member_session (JpMeetingService  *self,
                const char        *member,
                JpDefenceSession **session,
                JpDefenceSheet   **sheet,
                GError           **error)
{
  JpStore *store = jp_meeting_service_get_store (self);
  g_autoptr(GPtrArray) rounds = jp_store_list_rounds (store, NULL, error);

  *session = NULL;
  *sheet = NULL;
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];
      g_autoptr(JpDefenceSession) s = NULL;
      g_autoptr(JpDefenceSheet) own = NULL;

      if (r->kind != JP_ROUND_KIND_DEFENCE || r->state != JP_ROUND_STATE_OPEN)
        continue;
      s = jp_store_defence_get_current (store, r->id, member, &own, error);
      if (s == NULL)
        return FALSE;
      if (on_panel (s, member))
        {
          *session = g_steal_pointer (&s);
          *sheet = g_steal_pointer (&own);
          return TRUE;
        }
    }
  return TRUE;
}

static char *
points_text (int halves)
{
  g_autofree char *text = jp_decimal_format_short (halves * (gint64) 5, 1);

  if (g_str_has_suffix (text, ".0"))
    text[strlen (text) - 2] = '\0';
  return g_steal_pointer (&text);
}

static void
add_points (JsonBuilder *b,
            int          halves)
{
  json_builder_add_double_value (b, halves / 2.0);   /* multiples of 0.5 are exact */
}

/* GET /defence: the member's current defence candidate, the rubric and the member's sheet. */
static JsonNode *
handle_current (JpMeetingService *self,
                const char       *member,
                guint            *status)
{
  g_autoptr(JpDefenceSession) session = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JpDefenceSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  const JpDefenceCandidate *current;
  gboolean step_out;

  if (!member_session (self, member, &session, &sheet, &error))
    return jp_meeting_service_reply_error (status, 500, "error", "store-failed",
                                           error->message);
  *status = 200;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "round");
  if (session == NULL)
    {
      json_builder_add_null_value (b);
      json_builder_set_member_name (b, "candidate");
      json_builder_add_null_value (b);
      json_builder_end_object (b);
      return json_builder_get_root (b);
    }
  json_builder_add_int_value (b, session->round_id);
  json_builder_set_member_name (b, "trade");
  json_builder_add_string_value (b, session->trade_code);
  json_builder_set_member_name (b, "trade_name");
  json_builder_add_string_value (b, session->trade_name);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, session->candidates->len);
  json_builder_set_member_name (b, "rubric");
  json_builder_begin_array (b);
  for (guint i = 0; i < session->rubric->len; i++)
    {
      const JpRubricCriterion *c = session->rubric->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->name);
      json_builder_set_member_name (b, "max");
      json_builder_add_double_value (b, c->max);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  current = jp_defence_session_current (session);
  json_builder_set_member_name (b, "candidate");
  if (current == NULL)
    {
      json_builder_add_null_value (b);
      json_builder_end_object (b);
      return json_builder_get_root (b);
    }
  json_builder_add_string_value (b, current->code);
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, current->order);
  step_out = strv_has ((const char * const *) current->conflicted, member);
  json_builder_set_member_name (b, "step_out");
  json_builder_add_boolean_value (b, step_out);
  /* a conflicted member gets nothing of the candidate's sheet, not even an empty one */
  if (!step_out)
    {
      /* on the panel with a current candidate: member_session gave the sheet */
      g_assert (sheet != NULL);
      json_builder_set_member_name (b, "sheet");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, jp_defence_sheet_state_to_key (sheet->state));
      json_builder_set_member_name (b, "values");
      json_builder_begin_array (b);
      for (guint i = 0; i < sheet->n_criteria; i++)
        {
          g_autofree char *text = sheet->halves[i] >= 0 ? points_text (sheet->halves[i])
                                                        : g_strdup ("");

          json_builder_add_string_value (b, text);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "total");
      add_points (b, sheet->total_halves);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Whether the stored submitted sheet has exactly `values`: a station's replay of its own
 * submission after a lost reply. */
static gboolean
same_values (const JpDefenceSheet *sheet,
             const GPtrArray      *rubric,
             const char * const   *values)
{
  g_autofree int *halves = g_new0 (int, MAX (rubric->len, 1));

  if (sheet == NULL || sheet->state != JP_DEFENCE_SHEET_SUBMITTED ||
      !jp_score_sheet_parse (rubric, values, halves, NULL, NULL))
    return FALSE;
  for (guint i = 0; i < sheet->n_criteria && i < rubric->len; i++)
    if (sheet->halves[i] != halves[i])
      return FALSE;
  return TRUE;
}

static void
send_progress (JpMeetingService *self,
               gint64            round_id,
               const char       *code,
               guint             submitted,
               guint             expected)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "candidate");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "submitted");
  json_builder_add_int_value (b, submitted);
  json_builder_set_member_name (b, "expected");
  json_builder_add_int_value (b, expected);
  json_builder_end_object (b);
  send_event (self, "defence_progress", b);
}

/* A candidate's N of M owed to the room once the group that holds its sheets commits. */
typedef struct {
  gint64  round_id;
  char   *code;
  guint   submitted;
  guint   expected;
} HeldProgress;

static void
held_progress_free (HeldProgress *h)
{
  g_free (h->code);
  g_free (h);
}

/* The count after a sheet was stored: sent now, or, inside a group commit
 * (jp_meeting_service_batch_begin), when the group is on disk
 * (jp_meeting_service_defence_group_end): the room never hears of a sheet a failed commit
 * lost. The group's later sheets carry the higher count: one event per candidate. */
static void
progress_stored (JpMeetingService         *self,
                 gint64                    round_id,
                 const JpDefenceCandidate *c)
{
  HeldProgress *h;

  if (self->batch_rounds == NULL)
    {
      send_progress (self, round_id, c->code, c->n_submitted, c->n_expected);
      return;
    }
  if (self->defence_held == NULL)
    self->defence_held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_progress_free);
  for (guint i = 0; i < self->defence_held->len; i++)
    {
      h = self->defence_held->pdata[i];
      if (h->round_id == round_id && g_str_equal (h->code, c->code))
        {
          h->submitted = c->n_submitted;
          h->expected = c->n_expected;
          return;
        }
    }
  h = g_new0 (HeldProgress, 1);
  h->round_id = round_id;
  h->code = g_strdup (c->code);
  h->submitted = c->n_submitted;
  h->expected = c->n_expected;
  g_ptr_array_add (self->defence_held, h);
}

void
jp_meeting_service_defence_group_end (JpMeetingService *self,
                                      gboolean          committed)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (JP_IS_MEETING_SERVICE (self));

  g_clear_pointer (&self->defence_write, jp_store_defence_write_free);
  held = g_steal_pointer (&self->defence_held);
  for (guint i = 0; committed && held != NULL && i < held->len; i++)
    {
      HeldProgress *h = held->pdata[i];

      send_progress (self, h->round_id, h->code, h->submitted, h->expected);
    }
}

/* The count read from the store, after the chair's change of a sheet. */
static void
emit_progress (JpMeetingService *self,
               gint64            round_id,
               const char       *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (
      jp_meeting_service_get_store (self), round_id, &error);
  const JpDefenceCandidate *c = s != NULL ? jp_defence_session_find (s, code) : NULL;

  if (s == NULL)
    {
      /* the sheet itself is stored; only the live count could not be sent: the chair's
       * page reads the store again and shows the failure there */
      g_warning ("The progress of defence session %" G_GINT64_FORMAT " was not sent: %s",
                 round_id, error->message);
      return;
    }
  if (c != NULL)
    send_progress (self, round_id, c->code, c->n_submitted, c->n_expected);
}

/* The write of a station's sheet. Inside a group commit the session loaded for the group's
 * first sheet serves the next ones (each save updates it), so a group of 60 sheets loads it
 * once; outside a group each write loads it. */
static JpDefenceSheetWrite *
sheet_write (JpMeetingService  *self,
             gint64             round_id,
             GError           **error)
{
  JpDefenceSheetWrite *w;

  if (self->batch_rounds != NULL && self->defence_write != NULL &&
      jp_store_defence_write_get_round (self->defence_write) == round_id)
    {
      w = g_steal_pointer (&self->defence_write);
      if (jp_store_defence_write_next (w, error))
        return w;
      jp_store_defence_write_free (w);
      return NULL;
    }
  return jp_store_defence_write_begin (jp_meeting_service_get_store (self), round_id, error);
}

typedef struct {
  JpMeetingService    *self;
  JpDefenceSheetWrite *write;
} SheetWrite;

/* Ends the request's write (nothing more is saved) and keeps the loaded session for the
 * group's next sheet. */
static void
sheet_write_clear (SheetWrite *sw)
{
  if (sw->write == NULL)
    return;
  jp_store_defence_write_close (sw->write);
  if (sw->self->batch_rounds != NULL)
    {
      g_clear_pointer (&sw->self->defence_write, jp_store_defence_write_free);
      sw->self->defence_write = g_steal_pointer (&sw->write);
    }
  else
    g_clear_pointer (&sw->write, jp_store_defence_write_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetWrite, sheet_write_clear)

/* PUT (draft) or POST (submit) /rounds/{id}/scores {candidate, values, idempotency_key}. */
static JsonNode *
handle_sheet (JpMeetingService *self,
              const char       *member,
              gint64            round_id,
              gboolean          submit,
              JsonNode         *body,
              guint            *status)
{
  g_auto(SheetWrite) held = { self, NULL };
  JpDefenceSheetWrite *write;
  const JpDefenceSession *session;
  const JpDefenceSheet *sheet;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const JpDefenceCandidate *c, *current;
  JsonObject *o;
  JsonNode *code_node, *values_node;
  JsonArray *array;
  const char *code;
  gboolean replayed = FALSE;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return jp_meeting_service_reply_error (status, 400, "error", "bad-request",
                                           _("The score sheet must be a JSON object with "
                                             "candidate and values."));
  o = json_node_get_object (body);
  code_node = json_object_get_member (o, "candidate");
  values_node = json_object_get_member (o, "values");
  if (code_node == NULL || values_node == NULL)
    return jp_meeting_service_reply_error (status, 400, "error", "missing-field",
                                           _("The score sheet needs the fields candidate and "
                                             "values."));
  if (json_node_get_value_type (code_node) != G_TYPE_STRING || !JSON_NODE_HOLDS_ARRAY (values_node)
      || json_array_get_length (json_node_get_array (values_node)) > 64)
    return jp_meeting_service_reply_error (status, 400, "error", "wrong-type",
                                           _("In the score sheet, candidate must be a code and "
                                             "values a list of scores as text."));
  code = json_node_get_string (code_node);
  array = json_node_get_array (values_node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *v = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (v))
        g_strv_builder_add (builder, "");
      else if (json_node_get_value_type (v) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (v));
      else
        return jp_meeting_service_reply_error (status, 400, "error", "wrong-type",
                                               _("Every score of the sheet must be a text such "
                                                 "as \"12.5\"."));
    }
  values = g_strv_builder_end (builder);

  /* the session is loaded once, in the write's transaction: what the member is told and
   * what the store checks again before it writes are the same state */
  write = held.write = sheet_write (self, round_id, &error);
  if (write == NULL)
    {
      if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND) ||
          g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID))
        return jp_meeting_service_reply_error (status, 404, "error", "unknown-round",
                                               error->message);
      g_warning ("Sheet of %s not stored: %s", member, error->message);
      return jp_meeting_service_reply_error (status, 500, "error", "store-failed",
                                             error->message);
    }
  session = jp_store_defence_write_get_session (write);
  /* who may do what, in the order a person would ask it; the store checks it all again */
  if (!on_panel (session, member))
    {
      message = g_strdup_printf (_("You are not on the panel of %s; you do not score its "
                                   "defence."), session->trade_name);
      return jp_meeting_service_reply_error (status, 403, "refused", "not-on-panel", message);
    }
  if (session->state != JP_ROUND_STATE_OPEN)
    return jp_meeting_service_reply_error (status, 409, "refused", "not-open",
                                           _("This defence session is closed; no more sheets "
                                             "are accepted."));
  c = jp_defence_session_find (session, code);
  if (c == NULL)
    {
      message = g_strdup_printf (_("“%s” is not a candidate of this defence session."), code);
      return jp_meeting_service_reply_error (status, 404, "error", "unknown-code", message);
    }
  if (strv_has ((const char * const *) c->conflicted, member))
    {
      message = g_strdup_printf (_("You have a conflict of interest with %s (回避) and may not "
                                   "score this candidate."), c->code);
      return jp_meeting_service_reply_error (status, 403, "refused", "conflicted", message);
    }
  sheet = jp_store_defence_write_get_sheet (write, member, c->code);
  if (sheet != NULL && sheet->state == JP_DEFENCE_SHEET_SUBMITTED)
    {
      if (submit && same_values (sheet, session->rubric, (const char * const *) values))
        replayed = TRUE;
      else
        {
          message = g_strdup_printf (_("Your sheet for %s is already submitted and locked. "
                                       "Only the chair can unlock it."), c->code);
          return jp_meeting_service_reply_error (status, 409, "refused", "already-submitted",
                                                 message);
        }
    }
  current = jp_defence_session_current (session);
  if (!replayed && !(sheet != NULL && sheet->reopened) && current != c)
    {
      message = g_strdup_printf (_("%s is not the candidate being scored now; sheets are "
                                   "accepted only for the current candidate."), c->code);
      return jp_meeting_service_reply_error (status, 409, "refused", "not-current", message);
    }
  if (!replayed && g_strv_length (values) != session->rubric->len)
    {
      message = g_strdup_printf (_("The sheet has %u scores but the rubric has %u criteria."),
                                 g_strv_length (values), session->rubric->len);
      return jp_meeting_service_reply_error (status, 400, "error", "invalid-score", message);
    }
  if (!replayed && submit &&
      !jp_score_sheet_parse (session->rubric, (const char * const *) values, NULL, NULL,
                             &error))
    return jp_meeting_service_reply_error (status, 409, "refused", "invalid-score",
                                           error->message);
  if (!replayed &&
      !jp_store_defence_write_save (write, member, c->code, (const char * const *) values,
                                    submit, member, &error))
    {
      if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID))
        return jp_meeting_service_reply_error (status, 409, "refused", "invalid-score",
                                               error->message);
      if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED))
        return jp_meeting_service_reply_error (status, 409, "refused", "already-submitted",
                                               error->message);
      if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
        return jp_meeting_service_reply_error (status, 404, "error", "unknown-code",
                                               error->message);
      g_warning ("Sheet of %s for %s not stored: %s", member, c->code, error->message);
      return jp_meeting_service_reply_error (status, 500, "error", "store-failed",
                                             error->message);
    }
  if (submit && !replayed)
    progress_stored (self, round_id, c);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, submit ? "accepted" : "saved");
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

JsonNode *
jp_meeting_service_defence_handle (JpMeetingService  *self,
                                   const char        *method,
                                   const char *const *parts,
                                   const char        *member_code,
                                   JsonNode          *body,
                                   guint             *status)
{
  guint n;
  gint64 id = 0;
  g_autofree char *message = NULL;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  g_return_val_if_fail (parts != NULL && status != NULL, NULL);

  n = g_strv_length ((GStrv) parts);
  if (n == 1 && g_str_equal (parts[0], "defence"))
    {
      if (!g_str_equal (method, "GET"))
        return jp_meeting_service_reply_error (status, 405, "error", "method-not-allowed",
                                               _("This request method is not allowed here."));
      return handle_current (self, member_code, status);
    }
  if (n != 3 || !g_str_equal (parts[0], "rounds") || !g_str_equal (parts[2], "scores"))
    return NULL;
  if (!g_ascii_string_to_signed (parts[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      message = g_strdup_printf (_("“%s” is not a round number."), parts[1]);
      return jp_meeting_service_reply_error (status, 404, "error", "unknown-round", message);
    }
  if (g_str_equal (method, "PUT") || g_str_equal (method, "POST"))
    return handle_sheet (self, member_code, id, g_str_equal (method, "POST"), body, status);
  return jp_meeting_service_reply_error (status, 405, "error", "method-not-allowed",
                                         _("This request method is not allowed here."));
}

/* ---- the chair ---- */

static void
emit_round (JpMeetingService *self,
            const char       *type,
            gint64            round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (
      jp_meeting_service_get_store (self), round_id, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (s == NULL)
    g_warning ("Defence session %" G_GINT64_FORMAT " could not be read for its %s event: %s",
               round_id, type, error->message);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "defence");
  json_builder_set_member_name (b, "trade");
  json_builder_add_string_value (b, s != NULL ? s->trade_code : "");
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, s != NULL ? jp_round_state_to_key (s->state) : "");
  json_builder_end_object (b);
  /* not "round-changed": that signal is the ballot's (its page and the projector read a
   * ballot round from it) */
  send_event (self, type, b);
}

gint64
jp_meeting_service_defence_open (JpMeetingService  *self,
                                 const char        *trade,
                                 GError           **error)
{
  gint64 id;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), 0);

  id = jp_store_open_defence_session (jp_meeting_service_get_store (self), trade,
                                      jp_meeting_service_get_actor (self), error);
  if (id > 0)
    emit_round (self, "round_opened", id);
  return id;
}

gboolean
jp_meeting_service_defence_set_current (JpMeetingService  *self,
                                        gint64             round_id,
                                        const char        *code,
                                        GError           **error)
{
  JpStore *store;
  g_autoptr(JpDefenceSession) s = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const JpDefenceCandidate *c;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);

  store = jp_meeting_service_get_store (self);
  if (!jp_store_defence_set_current (store, round_id, code, jp_meeting_service_get_actor (self),
                                     error))
    return FALSE;
  s = jp_store_get_defence_session (store, round_id, error);
  if (s == NULL)
    return FALSE;
  c = jp_defence_session_current (s);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  if (c != NULL)
    json_builder_add_string_value (b, c->code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "step_out");
  json_builder_begin_array (b);
  for (guint i = 0; c != NULL && c->conflicted != NULL && c->conflicted[i] != NULL; i++)
    json_builder_add_string_value (b, c->conflicted[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "position");
  json_builder_add_int_value (b, c != NULL ? c->order : 0);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, s->candidates->len);
  json_builder_end_object (b);
  send_event (self, "current_candidate", b);
  return TRUE;
}

static void
emit_sheet (JpMeetingService *self,
            gint64            round_id,
            const char       *member,
            const char       *candidate)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "member");
  json_builder_add_string_value (b, member);
  json_builder_set_member_name (b, "candidate");
  json_builder_add_string_value (b, candidate);
  json_builder_end_object (b);
  send_event (self, "defence_sheet", b);
}

gboolean
jp_meeting_service_defence_unlock (JpMeetingService  *self,
                                   gint64             round_id,
                                   const char        *member,
                                   const char        *candidate,
                                   const char        *reason,
                                   GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);

  if (!jp_store_defence_unlock_sheet (jp_meeting_service_get_store (self), round_id, member,
                                      candidate, reason, jp_meeting_service_get_actor (self),
                                      error))
    return FALSE;
  emit_sheet (self, round_id, member, candidate);
  emit_progress (self, round_id, candidate);
  return TRUE;
}

gboolean
jp_meeting_service_defence_request_revision (JpMeetingService  *self,
                                             gint64             round_id,
                                             const char        *member,
                                             const char        *candidate,
                                             const char        *reason,
                                             GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);

  if (!jp_store_defence_request_revision (jp_meeting_service_get_store (self), round_id,
                                          member, candidate, reason,
                                          jp_meeting_service_get_actor (self), error))
    return FALSE;
  emit_sheet (self, round_id, member, candidate);
  emit_progress (self, round_id, candidate);
  return TRUE;
}

gboolean
jp_meeting_service_defence_record_absence (JpMeetingService  *self,
                                           gint64             round_id,
                                           const char        *member,
                                           const char        *reason,
                                           GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);

  if (!jp_store_defence_record_absence (jp_meeting_service_get_store (self), round_id, member,
                                        reason, jp_meeting_service_get_actor (self), error))
    return FALSE;
  return TRUE;
}

gboolean
jp_meeting_service_defence_close (JpMeetingService  *self,
                                  gint64             round_id,
                                  GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);

  if (!jp_store_defence_close (jp_meeting_service_get_store (self), round_id,
                               jp_meeting_service_get_actor (self), error))
    return FALSE;
  emit_round (self, "round_closed", round_id);
  return TRUE;
}

gboolean
jp_meeting_service_defence_seal (JpMeetingService  *self,
                                 gint64             round_id,
                                 GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);

  if (!jp_store_defence_seal (jp_meeting_service_get_store (self), round_id,
                              jp_meeting_service_get_actor (self), error))
    return FALSE;
  return TRUE;
}
