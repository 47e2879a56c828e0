/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"
#include "jp-meeting-service-private.h"
#include "store/jp-random.h"

/* The stations' requests (docs/protocol.md): the dispatcher and the encoder of each endpoint
 * (GET /state, /rounds/{id}, /dossiers/{code}, POST /rounds/{id}/ballot, the group commit). */

static JsonNode *
reply_error (guint      *status,
             guint       http_status,
             const char *kind,
             const char *reason,
             const char *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  *status = http_status;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, kind);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, reason);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
jp_meeting_service_reply_error (guint      *status,
                                guint       http_status,
                                const char *kind,
                                const char *reason,
                                const char *message)
{
  return reply_error (status, http_status, kind, reason, message);
}

void
jp_meeting_service_add_round_summary (JsonBuilder *b,
                                      JpRound     *r)
{
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, r->id);
  json_builder_set_member_name (b, "trade");
  json_builder_add_string_value (b, r->trade_code);
  json_builder_set_member_name (b, "trade_name");
  json_builder_add_string_value (b, r->trade_name);
  json_builder_set_member_name (b, "number");
  json_builder_add_int_value (b, r->number);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, jp_round_state_to_key (r->state));
  json_builder_set_member_name (b, "seats");
  json_builder_add_int_value (b, r->seats);
  json_builder_set_member_name (b, "max_choices");
  json_builder_add_int_value (b, r->max_choices);
}

void
jp_meeting_service_add_timer (JpMeetingService *self,
                              JsonBuilder      *b)
{
  gint64 remaining = 0;

  if (self->timer_source != 0)
    remaining = MAX (0, (self->timer_ends_at - g_get_real_time () + 999999) / G_USEC_PER_SEC);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "running");
  json_builder_add_boolean_value (b, self->timer_source != 0);
  json_builder_set_member_name (b, "seconds");
  json_builder_add_int_value (b, self->timer_total);
  json_builder_set_member_name (b, "remaining");
  json_builder_add_int_value (b, remaining);
  json_builder_set_member_name (b, "ends_at_ms");
  json_builder_add_int_value (b, self->timer_source != 0 ? self->timer_ends_at / 1000 : 0);
  json_builder_end_object (b);
}

/* ---- GET /state, /rounds/{id}, /dossiers/{code} ---- */

static JsonNode *
handle_state (JpMeetingService *self,
              const char       *member_code,
              guint            *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = jp_meeting_service_member_rounds (self, member_code, TRUE, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GArray) voted = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gboolean stepping_out = FALSE;

  if (rounds == NULL)
    return reply_error (status, 500, "error", "store-failed", error->message);
  g_array_set_size (voted, rounds->len);
  for (guint i = 0; i < rounds->len; i++)
    if (!jp_meeting_service_member_voted (self, ((JpRound *) rounds->pdata[i])->id, member_code,
                                          &g_array_index (voted, gboolean, i), &error))
      return reply_error (status, 500, "error", "store-failed", error->message);
  if (self->current_code != NULL)
    {
      gint64 id;

      if (!jp_meeting_service_candidate_id (self, self->current_code, &id, &error))
        return reply_error (status, 500, "error", "store-failed", error->message);
      if (id != 0
          && !jp_store_is_conflicted (self->store, member_code, id, &stepping_out, &error))
        return reply_error (status, 500, "error", "store-failed", error->message);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "stage");
  json_builder_add_string_value (b, self->ended ? "ended" : rounds->len > 0 ? "voting"
                                                                          : "waiting");
  json_builder_set_member_name (b, "rounds");
  json_builder_begin_array (b);
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];

      json_builder_begin_object (b);
      jp_meeting_service_add_round_summary (b, r);
      json_builder_set_member_name (b, "voted");
      json_builder_add_boolean_value (b, g_array_index (voted, gboolean, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "current_candidate");
  if (self->current_code != NULL)
    json_builder_add_string_value (b, self->current_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "step_out");
  json_builder_add_boolean_value (b, stepping_out);
  json_builder_set_member_name (b, "timer");
  jp_meeting_service_add_timer (self, b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

static JsonNode *
handle_round (JpMeetingService *self,
              const char       *member_code,
              gint64            round_id,
              guint            *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) r = jp_store_get_round (self->store, round_id, &error);
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) conflicted = NULL;
  gboolean voted, on_panel;

  if (r == NULL && !g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
    return reply_error (status, 500, "error", "store-failed", error->message);
  g_clear_error (&error);
  if (r == NULL || r->kind != JP_ROUND_KIND_BALLOT || r->state == JP_ROUND_STATE_DRAFT)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, round_id);

      message = g_strdup_printf (_("There is no ballot round %s. Go back to the list of "
                                   "rounds."), id);
      return reply_error (status, 404, "error", "unknown-round", message);
    }
  if (!jp_store_member_on_panel (self->store, round_id, member_code, &on_panel, &error))
    return reply_error (status, 500, "error", "store-failed", error->message);
  if (!on_panel)
    {
      message = g_strdup_printf (_("You are not on the panel of trade %s; you cannot take "
                                   "part in this round."), r->trade_name);
      return reply_error (status, 403, "refused", "not-on-panel", message);
    }
  if (!jp_meeting_service_member_voted (self, r->id, member_code, &voted, &error))
    return reply_error (status, 500, "error", "store-failed", error->message);

  b = json_builder_new ();
  json_builder_begin_object (b);
  jp_meeting_service_add_round_summary (b, r);
  json_builder_set_member_name (b, "voted");
  json_builder_add_boolean_value (b, voted);
  json_builder_set_member_name (b, "candidates");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpRoundCandidate *c = r->candidates->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, c->code);
      json_builder_set_member_name (b, "position");
      json_builder_add_int_value (b, c->position);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "conflicted");
  json_builder_begin_array (b);
  conflicted = jp_store_round_conflicted_codes (self->store, r->id, member_code, &error);
  if (conflicted == NULL)
    return reply_error (status, 500, "error", "store-failed", error->message);
  for (guint i = 0; conflicted[i] != NULL; i++)
    json_builder_add_string_value (b, conflicted[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

GStrv
jp_meeting_service_redaction_terms (JpCandidate *candidate)
{
  g_return_val_if_fail (JP_IS_CANDIDATE (candidate), NULL);
  return jp_anon_terms (candidate->name, candidate->id_number, candidate->phone,
                        candidate->unit, candidate->employer);
}

/* Text shown to members with the identifying words replaced, so that a summary that names
 * the candidate or the unit does not give them away: found also where a term has spaces or
 * line breaks between its characters. */
static char *
redact_text (const char        *text,
             const char *const *terms)
{
  return jp_anon_redact_text (text, terms, "■■■");
}

void
jp_meeting_service_remember_evidence (JpMeetingService *self,
                                      JpCandidate      *c)
{
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    {
      JpDocumentRef *ref = c->documents->pdata[i];

      if (ref->kind == JP_DOC_EVIDENCE && ref->sha256 != NULL)
        g_hash_table_insert (self->sha_owner, g_strdup (ref->sha256),
                             g_memdup2 (&c->id, sizeof c->id));
    }
}

static JsonNode *
handle_dossier (JpMeetingService *self,
                const char       *member_code,
                const char       *code,
                guint            *status)
{
  gint64 id;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_auto(GStrv) terms = NULL;
  g_autofree char *message = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *deeds = NULL;
  g_autoptr(GError) error = NULL;
  gboolean conflicted;

  if (!jp_meeting_service_candidate_id (self, code, &id, &error) ||
      (id != 0 && (c = jp_store_get_candidate (self->store, id, &error)) == NULL &&
       !g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND)))
    return reply_error (status, 500, "error", "store-failed", error->message);
  if (c == NULL)
    {
      message = g_strdup_printf (_("There is no candidate with the code %s."), code);
      return reply_error (status, 404, "error", "unknown-code", message);
    }
  if (!jp_meeting_service_member_may_see (self, member_code, id, &conflicted, &error))
    {
      if (error != NULL)
        return reply_error (status, 500, "error", "store-failed", error->message);
      if (conflicted)
        {
          message = g_strdup_printf (_("You have a conflict of interest with %s, so its "
                                       "dossier is not shown to you."), code);
          return reply_error (status, 403, "refused", "conflicted", message);
        }
      message = g_strdup_printf (_("Candidate %s is not in a round of your panel."), code);
      return reply_error (status, 403, "refused", "not-on-panel", message);
    }
  jp_meeting_service_remember_evidence (self, c);
  terms = jp_meeting_service_redaction_terms (c);
  summary = redact_text (c->summary, (const char *const *) terms);
  deeds = redact_text (c->deeds, (const char *const *) terms);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, c->code);
  json_builder_set_member_name (b, "trade");
  json_builder_add_string_value (b, c->trade_code);
  json_builder_set_member_name (b, "trade_name");
  json_builder_add_string_value (b, c->trade);
  json_builder_set_member_name (b, "work_type");
  json_builder_add_string_value (b, c->work_type);
  json_builder_set_member_name (b, "skill_level");
  json_builder_add_string_value (b, c->skill_level);
  json_builder_set_member_name (b, "years_in_trade");
  json_builder_add_int_value (b, c->years_in_trade);
  json_builder_set_member_name (b, "education");
  json_builder_add_string_value (b, c->education);
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    if (c->criteria & (1u << n))
      json_builder_add_int_value (b, n);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "summary");
  json_builder_add_string_value (b, summary);
  json_builder_set_member_name (b, "deeds");
  json_builder_add_string_value (b, deeds);
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_array (b);
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    {
      JpDocumentRef *ref = c->documents->pdata[i];

      if (ref->kind != JP_DOC_EVIDENCE)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, ref->sha256);
      json_builder_set_member_name (b, "pages");
      json_builder_add_int_value (b, ref->pages);
      json_builder_set_member_name (b, "criterion");
      json_builder_add_int_value (b, ref->criterion);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

/* ---- POST /rounds/{id}/ballot ---- */

static void
emit_progress (JpMeetingService *self,
               gint64            round_id)
{
  g_autoptr(JpRound) r = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GError) error = NULL;

  /* inside a batch the count is not durable yet: tell the room after the commit */
  if (self->batch_rounds != NULL)
    {
      for (guint i = 0; i < self->batch_rounds->len; i++)
        if (g_array_index (self->batch_rounds, gint64, i) == round_id)
          return;
      g_array_append_val (self->batch_rounds, round_id);
      return;
    }
  r = jp_store_get_round (self->store, round_id, &error);
  b = json_builder_new ();
  if (r == NULL)
    {
      /* nobody to answer here: the chair's page reads the round again and shows why */
      g_warning ("Cannot count the ballots of round %" G_GINT64_FORMAT ": %s", round_id,
                 error->message);
      return;
    }
  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_PROGRESS], 0, round_id, r->n_cast,
                 r->n_panel);
  /* Counts only: never who voted, never what. */
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "cast");
  json_builder_add_int_value (b, r->n_cast);
  json_builder_set_member_name (b, "panel");
  json_builder_add_int_value (b, r->n_panel);
  json_builder_end_object (b);
  jp_meeting_service_emit_event (self, "progress", b);
}

static JsonNode *
handle_ballot (JpMeetingService *self,
               const char       *member_code,
               gint64            round_id,
               JsonNode         *body,
               guint            *status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) marks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  JsonObject *o;
  JsonNode *marks_node, *key_node;
  JsonArray *array;
  const char *key;
  gboolean replayed = FALSE;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return reply_error (status, 400, "error", "bad-request",
                        _("The ballot must be a JSON object with marks and idempotency_key."));
  o = json_node_get_object (body);
  marks_node = json_object_get_member (o, "marks");
  key_node = json_object_get_member (o, "idempotency_key");
  if (marks_node == NULL || key_node == NULL)
    return reply_error (status, 400, "error", "missing-field",
                        _("The ballot needs the fields marks and idempotency_key."));
  if (!JSON_NODE_HOLDS_ARRAY (marks_node) ||
      json_node_get_value_type (key_node) != G_TYPE_STRING)
    return reply_error (status, 400, "error", "wrong-type",
                        _("In the ballot, marks must be a list of codes and idempotency_key "
                          "a text."));
  key = json_node_get_string (key_node);
  if (strlen (key) < 8 || strlen (key) > 128)
    return reply_error (status, 400, "error", "wrong-type",
                        _("The idempotency_key of the ballot must have 8 to 128 characters."));
  array = json_node_get_array (marks_node);
  if (json_array_get_length (array) > 256)
    return reply_error (status, 400, "error", "wrong-type",
                        _("The ballot has far too many marks."));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *mark = json_array_get_element (array, i);

      if (json_node_get_value_type (mark) != G_TYPE_STRING)
        return reply_error (status, 400, "error", "wrong-type",
                            _("Every mark of the ballot must be a candidate code (text)."));
      g_strv_builder_add (builder, json_node_get_string (mark));
    }
  marks = g_strv_builder_end (builder);

  if (!jp_store_submit_ballot (self->store, round_id, member_code, (const char *const *) marks,
                               key, &replayed, &error))
    {
      if (error->domain == JP_BALLOT_ERROR)
        return reply_error (status, 409, "refused", jp_ballot_refusal_to_key (error->code),
                            error->message);
      if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
        return reply_error (status, 404, "error", "unknown-round", error->message);
      g_warning ("Ballot of round %" G_GINT64_FORMAT " not stored: %s", round_id,
                 error->message);
      return reply_error (status, 500, "error", "store-failed", error->message);
    }
  if (!replayed)
    emit_progress (self, round_id);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "accepted");
  json_builder_end_object (b);
  *status = 200;
  return json_builder_get_root (b);
}

/* ---- group commit ---- */

/**
 * jp_meeting_service_batch_begin:
 *
 * Starts handling a group of requests that arrived together (jp_store_batch_begin): their
 * writes share one sync. Progress events are held until jp_meeting_service_batch_end()
 * commits, so the room never sees a count that is not on disk.
 */
gboolean
jp_meeting_service_batch_begin (JpMeetingService  *self,
                                GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  g_return_val_if_fail (self->batch_rounds == NULL, FALSE);

  if (!jp_store_batch_begin (self->store, error))
    return FALSE;
  self->batch_rounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  return TRUE;
}

/**
 * jp_meeting_service_batch_end:
 *
 * Commits the group. On success the held progress events go out; on failure nothing of the
 * group was written, and the caller must answer each request of the group with an error.
 */
gboolean
jp_meeting_service_batch_end (JpMeetingService  *self,
                              GError           **error)
{
  g_autoptr(GArray) rounds = NULL;
  gboolean ok;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  g_return_val_if_fail (self->batch_rounds != NULL, FALSE);

  rounds = g_steal_pointer (&self->batch_rounds);
  ok = jp_store_batch_commit (self->store, error);
  if (ok)
    for (guint i = 0; i < rounds->len; i++)
      emit_progress (self, g_array_index (rounds, gint64, i));
  return ok;
}

/* ---- the dispatcher ---- */

/* DELETE /session: the station logs out; its token is no longer valid and its event socket
 * is closed (signal "logged-out"). */
static JsonNode *
handle_logout (JpMeetingService *self,
               const char       *token,
               guint            *status)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *reason = NULL;

  if (jp_meeting_service_authorize (self, token, &reason) == NULL)
    return reply_error (status, 401, "refused", reason,
                        _("You are not logged in. Log in with your member code and PIN."));
  g_hash_table_remove (self->sessions, token);
  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_LOGGED_OUT], 0, token);
  *status = 200;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "logged-out");
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
jp_meeting_service_handle (JpMeetingService *self,
                           const char       *method,
                           const char       *path,
                           const char       *token,
                           JsonNode         *body,
                           guint            *status)
{
  g_auto(GStrv) parts = NULL;
  const char *member_code;
  const char *reason = NULL;
  guint n;
  gboolean get, post;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && status != NULL, NULL);

  get = g_str_equal (method, "GET");
  post = g_str_equal (method, "POST");
  parts = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  n = g_strv_length (parts);

  if (n == 1 && g_str_equal (parts[0], "session") && g_str_equal (method, "DELETE"))
    return handle_logout (self, token, status);
  if (n == 1 && g_str_equal (parts[0], "session"))
    {
      if (!post)
        return reply_error (status, 405, "error", "method-not-allowed",
                            _("Log in with POST /api/v1/session."));
      /* the PIN is checked off the main thread: jp_meeting_service_login_async() */
      g_critical ("POST /session goes through jp_meeting_service_login_async()");
      return reply_error (status, 500, "error", "internal",
                          _("The request could not be handled."));
    }

  member_code = jp_meeting_service_authorize (self, token, &reason);
  if (member_code == NULL)
    return reply_error (status, 401, "refused", reason,
                        g_str_equal (reason, "session-ended")
                        ? _("The meeting has ended; this session is no longer valid.")
                        : _("You are not logged in. Log in with your member code and PIN."));

  if (n == 1 && g_str_equal (parts[0], "state") && get)
    return handle_state (self, member_code, status);
  if (n == 2 && g_str_equal (parts[0], "dossiers") && get)
    return handle_dossier (self, member_code, parts[1], status);
  if ((n == 2 || (n == 3 && g_str_equal (parts[2], "ballot"))) &&
      g_str_equal (parts[0], "rounds"))
    {
      gint64 id = 0;
      g_autofree char *message = NULL;

      if (!g_ascii_string_to_signed (parts[1], 10, 1, G_MAXINT64, &id, NULL))
        {
          message = g_strdup_printf (_("“%s” is not a round number."), parts[1]);
          return reply_error (status, 404, "error", "unknown-round", message);
        }
      if (n == 2 && get)
        return handle_round (self, member_code, id, status);
      if (n == 3 && post)
        return handle_ballot (self, member_code, id, body, status);
      return reply_error (status, 405, "error", "method-not-allowed",
                          _("This request method is not allowed here."));
    }
  return reply_error (status, 404, "error", "unknown-path",
                      _("There is no such request in the meeting protocol."));
}
