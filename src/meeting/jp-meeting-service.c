/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"
#include "jp-meeting-service-private.h"
#include "jp-meeting-service-defence.h"
#include "store/jp-random.h"

/* Anonymised copies kept in memory at most (bytes). */
#define ANON_CACHE_BYTES (256 * 1024 * 1024)

G_DEFINE_QUARK (jp-meeting-error-quark, jp_meeting_error)

struct _JpMeetingService {
  GObject             parent_instance;

  JpStore            *store;
  GHashTable         *sessions;       /* token -> member code */
  GHashTable         *revoked;        /* token -> NULL: tokens of an ended meeting */
  JpMeetingLogins    *logins;         /* wrong-PIN lock-outs (jp-meeting-login.c) */
  gboolean            ended;

  GHashTable         *code_to_id;     /* anonymous code -> candidate id (gint64*) */
  GHashTable         *sha_owner;      /* evidence sha256 -> candidate id (gint64*) */
  JpMeetingAnonCache *anon;

  char               *current_code;
  char               *actor;          /* who the audit log names for the host's actions */
  GArray             *batch_rounds;   /* gint64: progress owed after the batch commits, or
                                       * NULL outside a batch */
  guint               timer_source;
  guint               timer_total;
  gint64              timer_ends_at;  /* real time, microseconds */
};

G_DEFINE_FINAL_TYPE (JpMeetingService, jp_meeting_service, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  SIGNAL_ROUND_CHANGED,
  SIGNAL_CURRENT_CANDIDATE_CHANGED,
  SIGNAL_RESULTS_PUBLISHED,
  SIGNAL_MEETING_ENDED,
  SIGNAL_EVENT,
  SIGNAL_LOGGED_OUT,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
jp_meeting_service_dispose (GObject *object)
{
  JpMeetingService *self = JP_MEETING_SERVICE (object);

  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->anon);
  G_OBJECT_CLASS (jp_meeting_service_parent_class)->dispose (object);
}

static void
jp_meeting_service_finalize (GObject *object)
{
  JpMeetingService *self = JP_MEETING_SERVICE (object);

  g_hash_table_unref (self->sessions);
  g_hash_table_unref (self->revoked);
  jp_meeting_logins_free (self->logins);
  g_hash_table_unref (self->code_to_id);
  g_hash_table_unref (self->sha_owner);
  g_free (self->current_code);
  g_free (self->actor);
  G_OBJECT_CLASS (jp_meeting_service_parent_class)->finalize (object);
}

static void
jp_meeting_service_class_init (JpMeetingServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_meeting_service_dispose;
  object_class->finalize = jp_meeting_service_finalize;

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  signals[SIGNAL_ROUND_CHANGED] =
    g_signal_new ("round-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_CURRENT_CANDIDATE_CHANGED] =
    g_signal_new ("current-candidate-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_RESULTS_PUBLISHED] =
    g_signal_new ("results-published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_MEETING_ENDED] =
    g_signal_new ("meeting-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, JSON_TYPE_NODE);
  signals[SIGNAL_LOGGED_OUT] =
    g_signal_new ("logged-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
jp_meeting_service_init (JpMeetingService *self)
{
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->revoked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->logins = jp_meeting_logins_new ();
  self->code_to_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sha_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->anon = jp_meeting_anon_cache_new (ANON_CACHE_BYTES);
  self->actor = g_strdup ("chair");
}

void
jp_meeting_service_set_actor (JpMeetingService *self,
                              const char       *actor)
{
  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

/**
 * jp_meeting_service_new:
 * @store: the open election (referenced)
 *
 * Returns: (transfer full): a new service with no sessions.
 */
const char *
jp_meeting_service_get_actor (JpMeetingService *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  return self->actor;
}

JpMeetingService *
jp_meeting_service_new (JpStore *store)
{
  JpMeetingService *self;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  self = g_object_new (JP_TYPE_MEETING_SERVICE, NULL);
  self->store = g_object_ref (store);
  return self;
}

JpStore *
jp_meeting_service_get_store (JpMeetingService *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  return self->store;
}

/* ---- helpers ---- */

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

static void
emit_event (JpMeetingService *self,
            const char       *type,
            JsonBuilder      *data)
{
  g_autoptr(JsonNode) node = json_builder_get_root (data);

  g_signal_emit (self, signals[SIGNAL_EVENT], 0, type, node);
}

/* The member with this code in `*member` (NULL when there is none); FALSE with `error` set
 * when the members cannot be read. */
static gboolean
find_member (JpMeetingService  *self,
             const char        *code,
             JpMember         **member,
             GError           **error)
{
  g_autoptr(GPtrArray) members = jp_store_list_members (self->store, error);

  *member = NULL;
  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = members->pdata[i];

      if (g_strcmp0 (m->code, code) == 0)
        {
          *member = jp_member_copy (m);
          break;
        }
    }
  return TRUE;
}

/* The id of the candidate with this code in `*id` (0 when there is none); FALSE with `error`
 * set when the candidates cannot be read. */
static gboolean
candidate_id_for_code (JpMeetingService  *self,
                       const char        *code,
                       gint64            *out,
                       GError           **error)
{
  gint64 *id;

  *out = 0;
  if (g_hash_table_size (self->code_to_id) == 0)
    {
      g_autoptr(GListModel) model = jp_store_list_candidates (self->store, error);

      if (model == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

          if (c->code != NULL)
            g_hash_table_insert (self->code_to_id, g_strdup (c->code),
                                 g_memdup2 (&c->id, sizeof c->id));
        }
    }
  id = g_hash_table_lookup (self->code_to_id, code);
  *out = id != NULL ? *id : 0;
  return TRUE;
}

/* The rounds (not drafts) whose panel has the member, or NULL with `error` set. */
static GPtrArray *
member_rounds (JpMeetingService  *self,
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

      if (r->kind != JP_ROUND_KIND_BALLOT || r->state == JP_ROUND_STATE_DRAFT)
        continue;
      if (open_only && r->state != JP_ROUND_STATE_OPEN)
        continue;
      if (!jp_store_member_on_panel (self->store, r->id, member_code))
        continue;
      g_ptr_array_add (mine, jp_round_copy (r));
    }
  return mine;
}

/* Whether the member may see the candidate's dossier and evidence: the candidate is in a
 * round (opened at least once) of the member's panel, and the member is not conflicted. */
static gboolean
member_may_see (JpMeetingService  *self,
                const char        *member_code,
                gint64             candidate_id,
                gboolean          *conflicted,
                GError           **error)
{
  g_autoptr(GPtrArray) rounds = member_rounds (self, member_code, FALSE, error);

  *conflicted = FALSE;
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];

      for (guint k = 0; k < r->candidates->len; k++)
        if (((JpRoundCandidate *) r->candidates->pdata[k])->candidate_id == candidate_id)
          {
            *conflicted = jp_store_is_conflicted (self->store, member_code, candidate_id);
            return !*conflicted;
          }
    }
  return FALSE;
}

/* Whether the member has voted in the round, in `*voted`; FALSE with `error` set when the
 * panel cannot be read. */
static gboolean
member_voted (JpMeetingService  *self,
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

static void
add_round_summary (JsonBuilder *b,
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

static void
add_timer (JpMeetingService *self,
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

/* ---- sessions ---- */

/* Opens a session for `member` (a new token) and builds the reply of POST /session. */
JsonNode *
jp_meeting_service_open_session (JpMeetingService  *self,
                                 const JpMember    *member,
                                 GError           **error)
{
  g_autoptr(JpElection) election = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *token = NULL;

  token = jp_random_hex (32, error);
  if (token == NULL)
    return NULL;
  g_hash_table_insert (self->sessions, g_strdup (token), g_strdup (member->code));
  election = jp_store_get_election (self->store);

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "token");
  json_builder_add_string_value (b, token);
  json_builder_set_member_name (b, "member");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, member->code);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, member->name);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, jp_member_role_to_key (member->role));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "election");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, election->title);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, election->year);
  json_builder_end_object (b);
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

gboolean
jp_meeting_service_find_member (JpMeetingService  *self,
                                const char        *code,
                                JpMember         **member,
                                GError           **error)
{
  return find_member (self, code, member, error);
}

JpMeetingLogins *
jp_meeting_service_get_logins (JpMeetingService *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);
  return self->logins;
}

const char *
jp_meeting_service_authorize (JpMeetingService  *self,
                              const char        *token,
                              const char       **reason)
{
  const char *code;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), NULL);

  *reason = "not-logged-in";
  if (token == NULL || *token == '\0')
    return NULL;
  code = g_hash_table_lookup (self->sessions, token);
  if (code != NULL)
    return code;
  if (g_hash_table_contains (self->revoked, token))
    *reason = "session-ended";
  return NULL;
}

/* ---- GET /state, /rounds/{id}, /dossiers/{code} ---- */

static JsonNode *
handle_state (JpMeetingService *self,
              const char       *member_code,
              guint            *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = member_rounds (self, member_code, TRUE, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GArray) voted = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gboolean stepping_out = FALSE;

  if (rounds == NULL)
    return reply_error (status, 500, "error", "store-failed", error->message);
  g_array_set_size (voted, rounds->len);
  for (guint i = 0; i < rounds->len; i++)
    if (!member_voted (self, ((JpRound *) rounds->pdata[i])->id, member_code,
                       &g_array_index (voted, gboolean, i), &error))
      return reply_error (status, 500, "error", "store-failed", error->message);
  if (self->current_code != NULL)
    {
      gint64 id;

      if (!candidate_id_for_code (self, self->current_code, &id, &error))
        return reply_error (status, 500, "error", "store-failed", error->message);
      stepping_out = id != 0 && jp_store_is_conflicted (self->store, member_code, id);
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
      add_round_summary (b, r);
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
  add_timer (self, b);
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
  gboolean voted;

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
  if (!jp_store_member_on_panel (self->store, round_id, member_code))
    {
      message = g_strdup_printf (_("You are not on the panel of trade %s; you cannot take "
                                   "part in this round."), r->trade_name);
      return reply_error (status, 403, "refused", "not-on-panel", message);
    }
  if (!member_voted (self, r->id, member_code, &voted, &error))
    return reply_error (status, 500, "error", "store-failed", error->message);

  b = json_builder_new ();
  json_builder_begin_object (b);
  add_round_summary (b, r);
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

static void
remember_evidence (JpMeetingService *self,
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

  if (!candidate_id_for_code (self, code, &id, &error) ||
      (id != 0 && (c = jp_store_get_candidate (self->store, id, &error)) == NULL &&
       !g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND)))
    return reply_error (status, 500, "error", "store-failed", error->message);
  if (c == NULL)
    {
      message = g_strdup_printf (_("There is no candidate with the code %s."), code);
      return reply_error (status, 404, "error", "unknown-code", message);
    }
  if (!member_may_see (self, member_code, id, &conflicted, &error))
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
  remember_evidence (self, c);
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
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, round_id, r->n_cast, r->n_panel);
  /* Counts only: never who voted, never what. */
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, round_id);
  json_builder_set_member_name (b, "cast");
  json_builder_add_int_value (b, r->n_cast);
  json_builder_set_member_name (b, "panel");
  json_builder_add_int_value (b, r->n_panel);
  json_builder_end_object (b);
  emit_event (self, "progress", b);
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
  g_signal_emit (self, signals[SIGNAL_LOGGED_OUT], 0, token);
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
    rounds = member_rounds (self, member_code, FALSE, error);
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
          remember_evidence (self, c);
        }
    }
  if (member_code == NULL && g_hash_table_lookup (self->sha_owner, sha256) == NULL)
    {
      /* The chair may preview before any round: look at every candidate with a code. */
      GHashTableIter iter;
      gint64 *cid;
      gint64 unused;

      if (!candidate_id_for_code (self, "", &unused, error))
        return FALSE;
      g_hash_table_iter_init (&iter, self->code_to_id);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &cid))
        {
          g_autoptr(JpCandidate) c = jp_store_get_candidate (self->store, *cid, error);

          if (c == NULL)
            return FALSE;
          remember_evidence (self, c);
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
    may_see = member_may_see (self, member_code, owner, &conflicted, &error);
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

/* ---- the chair ---- */

static void
emit_round_event (JpMeetingService *self,
                  const char       *type,
                  gint64            round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) r = jp_store_get_round (self->store, round_id, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_signal_emit (self, signals[SIGNAL_ROUND_CHANGED], 0, round_id);
  if (r == NULL)
    {
      /* the chair's page reads the round again on round-changed and shows why */
      g_warning ("Cannot tell the stations about round %" G_GINT64_FORMAT ": %s", round_id,
                 error->message);
      return;
    }
  json_builder_begin_object (b);
  add_round_summary (b, r);
  json_builder_end_object (b);
  emit_event (self, type, b);
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
  g_signal_emit (self, signals[SIGNAL_ROUND_CHANGED], 0, round_id);
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
  g_signal_emit (self, signals[SIGNAL_RESULTS_PUBLISHED], 0, round_id);
  emit_event (self, "results_published", b);
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
  if (code != NULL && !candidate_id_for_code (self, code, &id, error))
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
  g_signal_emit (self, signals[SIGNAL_CURRENT_CANDIDATE_CHANGED], 0);

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
  emit_event (self, "current_candidate", b);
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
      !candidate_id_for_code (self, self->current_code, &id, &error) || id == 0 ||
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

      if (trades == NULL || !((trade->code != NULL && g_strv_contains (trades, trade->code))
                              || (trade->name != NULL && g_strv_contains (trades, trade->name))))
        continue;
      if (jp_store_is_conflicted (self->store, m->code, id))
        g_strv_builder_add (out, m->code);
    }
  return g_strv_builder_end (out);
}

static void
send_timer (JpMeetingService *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_timer (self, b);
  emit_event (self, "timer", b);
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

void
jp_meeting_service_end_meeting (JpMeetingService *self)
{
  GHashTableIter iter;
  char *token;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  if (self->ended)
    return;
  self->ended = TRUE;
  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, (gpointer *) &token, NULL))
    g_hash_table_add (self->revoked, g_strdup (token));
  g_hash_table_remove_all (self->sessions);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  /* nobody is discussed any more: the projector's 回避 line goes */
  if (self->current_code != NULL)
    {
      g_clear_pointer (&self->current_code, g_free);
      g_signal_emit (self, signals[SIGNAL_CURRENT_CANDIDATE_CHANGED], 0);
    }

  json_builder_begin_object (b);
  json_builder_end_object (b);
  emit_event (self, "meeting_ended", b);
  g_signal_emit (self, signals[SIGNAL_MEETING_ENDED], 0);
}

gboolean
jp_meeting_service_revoke_pins (JpMeetingService  *self,
                                guint             *n_revoked,
                                GError           **error)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return jp_store_revoke_pins (self->store, self->actor, n_revoked, error);
}

gboolean
jp_meeting_service_is_ended (JpMeetingService *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), FALSE);
  return self->ended;
}

guint
jp_meeting_service_get_n_sessions (JpMeetingService *self)
{
  g_return_val_if_fail (JP_IS_MEETING_SERVICE (self), 0);
  return g_hash_table_size (self->sessions);
}
