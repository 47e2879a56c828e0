/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-meeting-service.h"
#include "jp-meeting-service-private.h"

/* Logins: POST /session with its wrong-PIN lock-outs (the rule is jp-lockout in core). */

/* Peer addresses whose wrong PINs are kept at most; beyond, idle ones are dropped, and when
 * none is idle the newcomers share one counter (so no flood can push a counter out). */
#define MAX_PEER_COUNTERS 4096
/* Logins waiting for the attempts in flight (of their code, peer or all) at most. */
#define MAX_WAITING_LOGINS 256

#define LOGINS(service) (jp_meeting_service_get_logins (service))

#define reply_error jp_meeting_service_reply_error

typedef struct _WaitingLogin WaitingLogin;
static void waiting_login_free (WaitingLogin *w);

struct _JpMeetingLogins {
  GHashTable         *pin_counters;   /* known member code -> JpLockout: never evicted */
  GHashTable         *peer_counters;  /* peer address -> JpLockout */
  JpLockout           overflow_peers; /* peers beyond MAX_PEER_COUNTERS */
  JpLockout           all_logins;     /* the global cap, the last line */
  GQueue             *waiting_logins; /* WaitingLogin*: admitted when attempts settle */
  JpLockoutPolicy     code_policy;
  JpLockoutPolicy     peer_policy;
  JpLockoutPolicy     global_policy;
  JpMeetingClock      clock;
  gpointer            clock_data;
  JpMeetingVerifyHook verify_hook;
  gpointer            verify_hook_data;
};

JpMeetingLogins *
jp_meeting_logins_new (void)
{
  JpMeetingLogins *logins = g_new0 (JpMeetingLogins, 1);

  logins->pin_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  logins->peer_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  logins->waiting_logins = g_queue_new ();
  logins->code_policy = (JpLockoutPolicy) {
    .max_failures = JP_MEETING_MAX_WRONG_PINS,
    .window = (gint64) JP_MEETING_WRONG_PIN_WINDOW_SECONDS * G_USEC_PER_SEC,
    .first_lock = (gint64) JP_MEETING_LOCKOUT_SECONDS * G_USEC_PER_SEC,
    .max_lock = (gint64) JP_MEETING_MAX_LOCKOUT_SECONDS * G_USEC_PER_SEC,
    .forgive = (gint64) JP_MEETING_WRONG_PIN_FORGIVE_SECONDS * G_USEC_PER_SEC,
    .success_resets = TRUE,
  };
  /* a member's right PIN does not clear the computer: a hostile member could otherwise mix
   * their own login into guesses at the others' PINs */
  logins->peer_policy = logins->code_policy;
  logins->peer_policy.max_failures = JP_MEETING_MAX_WRONG_PINS_PER_PEER;
  logins->peer_policy.success_resets = FALSE;
  logins->global_policy = logins->peer_policy;
  logins->global_policy.max_failures = JP_MEETING_MAX_WRONG_PINS_ALL;
  return logins;
}

void
jp_meeting_logins_free (JpMeetingLogins *logins)
{
  if (logins == NULL)
    return;
  g_hash_table_unref (logins->pin_counters);
  g_hash_table_unref (logins->peer_counters);
  g_queue_free_full (logins->waiting_logins, (GDestroyNotify) waiting_login_free);
  g_free (logins);
}

void
jp_meeting_service_set_lockout (JpMeetingService *self,
                                guint             seconds)
{
  JpMeetingLogins *logins = LOGINS (self);
  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  logins->code_policy.first_lock = (gint64) seconds * G_USEC_PER_SEC;
  logins->peer_policy.first_lock = logins->code_policy.first_lock;
  logins->global_policy.first_lock = logins->code_policy.first_lock;
}

void
jp_meeting_service_set_clock (JpMeetingService *self,
                              JpMeetingClock    clock,
                              gpointer          user_data)
{
  JpMeetingLogins *logins = LOGINS (self);
  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  logins->clock = clock;
  logins->clock_data = user_data;
}

void
jp_meeting_service_set_verify_hook (JpMeetingService    *self,
                                    JpMeetingVerifyHook  hook,
                                    gpointer             user_data)
{
  JpMeetingLogins *logins = LOGINS (self);
  g_return_if_fail (JP_IS_MEETING_SERVICE (self));
  logins->verify_hook = hook;
  logins->verify_hook_data = user_data;
}

static gint64
service_now (JpMeetingService *self)
{
  JpMeetingLogins *logins = LOGINS (self);
  return logins->clock != NULL ? logins->clock (logins->clock_data) : g_get_monotonic_time ();
}

/* ---- POST /session ----
 * The lock-outs are checked and reserved on the main context, the PIN is hashed on a worker
 * thread (PBKDF2 takes milliseconds: the room's other requests go on meanwhile), and the
 * outcome is counted back on the main context. Every failure counts against the peer and
 * all logins; only a known member code has a counter of its own, so made-up codes cannot
 * fill or flush the table of member counters. */

typedef struct {
  char               *pin;
  char               *code;        /* the member's code as stored; NULL when unknown */
  char               *peer;
  JpLockout          *peer_lockout;  /* reserved: never dropped while an attempt is pending */
  JpLockout          *code_lockout;  /* NULL when the code is unknown */
  char               *hash;        /* NULL: unknown code or no PIN (checked against nothing) */
  guint8              salt[JP_STORE_PIN_SALT_BYTES];
  guint               iterations;
  JpMeetingVerifyHook hook;
  gpointer            hook_data;
  gboolean            verified;
} LoginCheck;

typedef struct {
  JsonNode *reply;
  guint     status;
} LoginReply;

static void
login_check_free (LoginCheck *check)
{
  if (check->pin != NULL)
    memset (check->pin, 0, strlen (check->pin));
  g_free (check->pin);
  g_free (check->code);
  g_free (check->peer);
  g_free (check->hash);
  g_free (check);
}

static void
login_reply_free (LoginReply *r)
{
  g_clear_pointer (&r->reply, json_node_unref);
  g_free (r);
}

static void
login_return (GTask    *task,
              JsonNode *reply,
              guint     status)
{
  LoginReply *r = g_new0 (LoginReply, 1);

  r->reply = reply;
  r->status = status;
  g_task_return_pointer (task, r, (GDestroyNotify) login_reply_free);
}

static JpLockout *
peer_counter (JpMeetingService *self,
              const char       *peer,
              gint64            now)
{
  JpMeetingLogins *logins = LOGINS (self);
  JpLockout *l = g_hash_table_lookup (logins->peer_counters, peer);
  GHashTableIter iter;

  if (l != NULL)
    return l;
  if (g_hash_table_size (logins->peer_counters) >= MAX_PEER_COUNTERS)
    {
      g_hash_table_iter_init (&iter, logins->peer_counters);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &l))
        if (jp_lockout_is_idle (l, &logins->peer_policy, now))
          g_hash_table_iter_remove (&iter);
      if (g_hash_table_size (logins->peer_counters) >= MAX_PEER_COUNTERS)
        return &logins->overflow_peers;
    }
  l = g_new0 (JpLockout, 1);
  g_hash_table_insert (logins->peer_counters, g_strdup (peer), l);
  return l;
}

static JsonNode *
reply_locked (JpMeetingService *self,
              guint            *status,
              JpLockoutCheck    check,
              gint64            wait_us,
              const char       *code)
{
  g_autofree char *message = NULL;
  gint64 wait = (wait_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  JsonNode *reply;

  if (check == JP_LOCKOUT_BUSY)
    {
      wait = 1;
      message = g_strdup (_("Too many logins are being checked at once. Wait a moment and try "
                            "again."));
    }
  else if (code != NULL)
    message = g_strdup_printf (ngettext ("Too many wrong PINs for member %s. Wait %d second "
                                         "and try again.",
                                         "Too many wrong PINs for member %s. Wait %d seconds "
                                         "and try again.", (gulong) wait),
                               code, (int) wait);
  else
    message = g_strdup_printf (ngettext ("Too many wrong PINs were tried. Logins are paused "
                                         "for %d second.",
                                         "Too many wrong PINs were tried. Logins are paused "
                                         "for %d seconds.", (gulong) wait),
                               (int) wait);
  reply = reply_error (status, 429, "refused", "too-many-attempts", message);
  json_object_set_int_member (json_node_get_object (reply), "retry_after", wait);
  return reply;
}

static void
login_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  static const guint8 no_salt[JP_STORE_PIN_SALT_BYTES] = { 0 };
  LoginCheck *check = task_data;

  if (check->hook != NULL)
    check->hook (check->hook_data);
  if (check->hash != NULL)
    check->verified = jp_pin_verify (check->pin, check->salt, sizeof check->salt,
                                     check->iterations, check->hash);
  else
    {
      /* the same work as a real check: the time of the reply tells nothing about the code */
      g_autofree char *unused = jp_pin_hash (check->pin, no_salt, sizeof no_salt, 0);

      check->verified = FALSE;
    }
  g_task_return_boolean (task, TRUE);
}

static void admit_waiting_logins (JpMeetingService *self);

static void
login_checked (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JpMeetingService *self = JP_MEETING_SERVICE (source);
  JpMeetingLogins *logins = LOGINS (self);
  JpStore *store = jp_meeting_service_get_store (self);
  g_autoptr(GTask) outer = user_data;
  LoginCheck *check = g_task_get_task_data (G_TASK (result));
  gint64 now = service_now (self);
  gboolean ok = check->verified;
  g_autoptr(JpMember) member = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *session;
  guint status = 500;

  /* the PIN may have been revoked or renewed while it was hashed */
  if (ok)
    {
      g_autofree char *hash = NULL;
      guint8 salt[JP_STORE_PIN_SALT_BYTES];
      guint iterations = 0;

      if (!jp_store_member_get_pin (store, check->code, &hash, salt, &iterations, &error) ||
          (g_strcmp0 (hash, check->hash) == 0 &&
           !jp_meeting_service_find_member (self, check->code, &member, &error)))
        {
          JsonNode *reply = NULL;

          /* nobody's fault: the attempt is not counted either way */
          jp_lockout_cancel (&logins->all_logins);
          jp_lockout_cancel (check->peer_lockout);
          if (check->code_lockout != NULL)
            jp_lockout_cancel (check->code_lockout);
          reply = reply_error (&status, 500, "error", "store-failed", error->message);
          login_return (outer, reply, status);
          admit_waiting_logins (self);
          return;
        }
      ok = g_strcmp0 (hash, check->hash) == 0 && member != NULL;
    }
  jp_lockout_end (&logins->all_logins, &logins->global_policy, now, ok);
  jp_lockout_end (check->peer_lockout, &logins->peer_policy, now, ok);
  if (check->code_lockout != NULL)
    jp_lockout_end (check->code_lockout, &logins->code_policy, now, ok);

  if (!ok)
    {
      JsonNode *reply = reply_error (&status, 401, "refused", "wrong-pin",
                                     _("The member code or the PIN is wrong. Check both and "
                                       "try again."));
      login_return (outer, reply, status);
      admit_waiting_logins (self);
      return;
    }
  if (jp_meeting_service_is_ended (self))
    {
      JsonNode *reply = reply_error (&status, 403, "refused", "meeting-ended",
                                     _("The meeting has ended. No more logins are accepted."));
      login_return (outer, reply, status);
      admit_waiting_logins (self);
      return;
    }

  session = jp_meeting_service_open_session (self, member, &error);
  if (session == NULL)
    login_return (outer, reply_error (&status, 500, "error", "random-failed", error->message),
                  status);
  else
    login_return (outer, session, 200);
  admit_waiting_logins (self);
}

/* A login waiting for the attempts in flight to settle (JP_LOCKOUT_BUSY). */
struct _WaitingLogin {
  GTask *task;
  char  *peer;
  char  *code;
  char  *pin;
};

static void
waiting_login_free (WaitingLogin *w)
{
  g_clear_object (&w->task);
  g_free (w->peer);
  g_free (w->code);
  if (w->pin != NULL)
    memset (w->pin, 0, strlen (w->pin));
  g_free (w->pin);
  g_free (w);
}

/* Checks the lock-outs of `w` and replies (locked, ended) or starts its PIN check; then
 * frees `w` and returns TRUE. Returns FALSE, `w` untouched, while the attempts in flight
 * would use up the failures left: `w` waits for them to settle. */
static gboolean
login_admit (JpMeetingService *self,
             WaitingLogin     *w)
{
  JpMeetingLogins *logins = LOGINS (self);
  g_autoptr(JpMember) member = NULL;
  g_autoptr(GError) error = NULL;
  GTask *worker;
  JpLockout *code_counter = NULL;
  JpLockout *peer_lockout;
  JpLockoutCheck verdict;
  LoginCheck *check;
  gint64 now = service_now (self);
  gint64 wait = 0;
  guint status = 500;

  if (jp_meeting_service_is_ended (self))
    {
      JsonNode *r = reply_error (&status, 403, "refused", "meeting-ended",
                                 _("The meeting has ended. No more logins are accepted."));

      login_return (w->task, r, status);
      waiting_login_free (w);
      return TRUE;
    }

  if (!jp_meeting_service_find_member (self, w->code, &member, &error))
    {
      JsonNode *r = reply_error (&status, 500, "error", "store-failed", error->message);

      login_return (w->task, r, status);
      waiting_login_free (w);
      return TRUE;
    }
  if (member != NULL)
    {
      code_counter = g_hash_table_lookup (logins->pin_counters, member->code);
      if (code_counter == NULL)
        {
          code_counter = g_new0 (JpLockout, 1);
          g_hash_table_insert (logins->pin_counters, g_strdup (member->code), code_counter);
        }
    }
  peer_lockout = peer_counter (self, w->peer, now);
  /* the member's own lock is named first: it is the one a member can act on */
  if ((code_counter != NULL &&
       (verdict = jp_lockout_check (code_counter, &logins->code_policy, now, &wait))
       != JP_LOCKOUT_OPEN) ||
      (verdict = jp_lockout_check (peer_lockout, &logins->peer_policy, now, &wait))
      != JP_LOCKOUT_OPEN ||
      (verdict = jp_lockout_check (&logins->all_logins, &logins->global_policy, now, &wait))
      != JP_LOCKOUT_OPEN)
    {
      gboolean own = code_counter != NULL &&
                     jp_lockout_check (code_counter, &logins->code_policy, now, NULL)
                     == JP_LOCKOUT_LOCKED;
      JsonNode *r;

      if (verdict == JP_LOCKOUT_BUSY)
        return FALSE;
      r = reply_locked (self, &status, verdict, wait, own ? member->code : NULL);
      login_return (w->task, r, status);
      waiting_login_free (w);
      return TRUE;
    }

  check = g_new0 (LoginCheck, 1);
  check->pin = g_steal_pointer (&w->pin);
  check->peer = g_strdup (w->peer);
  check->peer_lockout = peer_lockout;
  check->code_lockout = code_counter;
  check->iterations = JP_PIN_ITERATIONS;
  check->hook = logins->verify_hook;
  check->hook_data = logins->verify_hook_data;
  if (member != NULL)
    {
      check->code = g_strdup (member->code);
      if (!jp_store_member_get_pin (jp_meeting_service_get_store (self), member->code,
                                    &check->hash, check->salt, &check->iterations, &error))
        {
          JsonNode *r = reply_error (&status, 500, "error", "store-failed", error->message);

          login_check_free (check);
          login_return (w->task, r, status);
          waiting_login_free (w);
          return TRUE;
        }
    }

  jp_lockout_begin (&logins->all_logins, &logins->global_policy, now);
  jp_lockout_begin (peer_lockout, &logins->peer_policy, now);
  if (code_counter != NULL)
    jp_lockout_begin (code_counter, &logins->code_policy, now);

  worker = g_task_new (self, NULL, login_checked, g_steal_pointer (&w->task));
  g_task_set_source_tag (worker, login_check_thread);
  g_task_set_task_data (worker, check, (GDestroyNotify) login_check_free);
  g_task_run_in_thread (worker, login_check_thread);
  g_object_unref (worker);
  waiting_login_free (w);
  return TRUE;
}

/* After an attempt settled: the logins that waited for it are admitted, in order. */
static void
admit_waiting_logins (JpMeetingService *self)
{
  JpMeetingLogins *logins = LOGINS (self);
  guint n = g_queue_get_length (logins->waiting_logins);

  for (guint i = 0; i < n; i++)
    {
      WaitingLogin *w = g_queue_pop_head (logins->waiting_logins);

      if (!login_admit (self, w))
        g_queue_push_tail (logins->waiting_logins, w);
    }
}

/**
 * jp_meeting_service_login_async:
 *
 * See the header.
 */
void
jp_meeting_service_login_async (JpMeetingService    *self,
                                const char          *peer,
                                JsonNode            *body,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  JpMeetingLogins *logins = LOGINS (self);
  g_autoptr(GTask) task = NULL;
  JsonObject *o;
  JsonNode *code_node, *pin_node;
  const char *code, *pin;
  WaitingLogin *w;
  guint status = 500;

  g_return_if_fail (JP_IS_MEETING_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_service_login_async);
  if (peer == NULL || *peer == '\0')
    peer = "unknown";

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      JsonNode *r = reply_error (&status, 400, "error", "bad-request",
                                 _("The request body must be a JSON object with member_code "
                                   "and pin."));
      login_return (task, r, status);
      return;
    }
  o = json_node_get_object (body);
  code_node = json_object_get_member (o, "member_code");
  pin_node = json_object_get_member (o, "pin");
  if (code_node == NULL || pin_node == NULL)
    {
      JsonNode *r = reply_error (&status, 400, "error", "missing-field",
                                 _("The login request needs the fields member_code and pin."));
      login_return (task, r, status);
      return;
    }
  if (json_node_get_value_type (code_node) != G_TYPE_STRING ||
      json_node_get_value_type (pin_node) != G_TYPE_STRING)
    {
      JsonNode *r = reply_error (&status, 400, "error", "wrong-type",
                                 _("The fields member_code and pin must be text."));
      login_return (task, r, status);
      return;
    }
  code = json_node_get_string (code_node);
  pin = json_node_get_string (pin_node);
  if (*code == '\0' || strlen (code) > 32 || strlen (pin) > 32)
    {
      JsonNode *r = reply_error (&status, 401, "refused", "wrong-pin",
                                 _("The member code or the PIN is wrong. Check both and try "
                                   "again."));
      login_return (task, r, status);
      return;
    }

  w = g_new0 (WaitingLogin, 1);
  w->task = g_steal_pointer (&task);
  w->peer = g_strdup (peer);
  w->code = g_strdup (code);
  w->pin = g_strdup (pin);
  if (login_admit (self, w))
    return;
  /* several logins from one computer at once (one computer for the whole committee, a test
   * of sixty stations): they wait their turn, a bounded number of them */
  if (g_queue_get_length (logins->waiting_logins) < MAX_WAITING_LOGINS)
    {
      g_queue_push_tail (logins->waiting_logins, w);
      return;
    }
  login_return (w->task, reply_locked (self, &status, JP_LOCKOUT_BUSY, 0, NULL), status);
  waiting_login_free (w);
}

JsonNode *
jp_meeting_service_login_finish (JpMeetingService  *self,
                                 GAsyncResult      *result,
                                 guint             *status,
                                 GError           **error)
{
  LoginReply *r;
  JsonNode *reply;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return NULL;
  reply = g_steal_pointer (&r->reply);
  *status = r->status;
  login_reply_free (r);
  return reply;
}
