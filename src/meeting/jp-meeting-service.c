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

G_DEFINE_FINAL_TYPE (JpMeetingService, jp_meeting_service, G_TYPE_OBJECT)

guint jp_meeting_service_signals[N_SIGNALS];

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
  g_clear_pointer (&self->defence_held, g_ptr_array_unref);
  g_clear_pointer (&self->defence_write, jp_store_defence_write_free);
  G_OBJECT_CLASS (jp_meeting_service_parent_class)->finalize (object);
}

static void
jp_meeting_service_class_init (JpMeetingServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_meeting_service_dispose;
  object_class->finalize = jp_meeting_service_finalize;

  jp_meeting_service_signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  jp_meeting_service_signals[SIGNAL_ROUND_CHANGED] =
    g_signal_new ("round-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  jp_meeting_service_signals[SIGNAL_CURRENT_CANDIDATE_CHANGED] =
    g_signal_new ("current-candidate-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  jp_meeting_service_signals[SIGNAL_RESULTS_PUBLISHED] =
    g_signal_new ("results-published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  jp_meeting_service_signals[SIGNAL_MEETING_ENDED] =
    g_signal_new ("meeting-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  jp_meeting_service_signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, JSON_TYPE_NODE);
  jp_meeting_service_signals[SIGNAL_LOGGED_OUT] =
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

void
jp_meeting_service_emit_event (JpMeetingService *self,
                               const char       *type,
                               JsonBuilder      *data)
{
  g_autoptr(JsonNode) node = json_builder_get_root (data);

  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_EVENT], 0, type, node);
}

/* The member with this code in `*member` (NULL when there is none); FALSE with `error` set
 * when the members cannot be read. */
static gboolean
find_member (JpMeetingService  *self,
             const char        *code,
             JpMember         **member,
             GError           **error)
{
  /* one row, not the whole member list: every station login asks */
  return jp_store_find_member (self->store, code, member, error);
}

/* The id of the candidate with this code in `*id` (0 when there is none); FALSE with `error`
 * set when the candidates cannot be read. */
gboolean
jp_meeting_service_candidate_id (JpMeetingService  *self,
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
      g_signal_emit (self, jp_meeting_service_signals[SIGNAL_CURRENT_CANDIDATE_CHANGED], 0);
    }

  json_builder_begin_object (b);
  json_builder_end_object (b);
  jp_meeting_service_emit_event (self, "meeting_ended", b);
  g_signal_emit (self, jp_meeting_service_signals[SIGNAL_MEETING_ENDED], 0);
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
