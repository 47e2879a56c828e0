/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>

#include "jp-store-private.h"

/* JpStore::changed (docs/internals.md, "Change signals"). Every write appends an audit row
 * inside its transaction, so the audit append is where a write says what it changed: its
 * action ("candidate.add", "round.close") names the details. They are gathered while the
 * transaction runs and announced once it has committed; a rolled-back write announces
 * nothing. */

static const char * const change_names[] = {
  "candidates", "reviews", "settings", "trades", "units", "members", "conflicts",
  "rounds", "defence", "ranking", "publicity", "audit", "evidence",
};

G_STATIC_ASSERT (G_N_ELEMENTS (change_names) == JP_STORE_N_CHANGES);

const char *
jp_store_change_name (JpStoreChange change)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_names); i++)
    if (change == (1u << i))
      return change_names[i];
  g_return_val_if_reached (NULL);
}

static const struct {
  const char *prefix;   /* the action up to its dot */
  guint       changes;
} action_changes[] = {
  { "candidate",  JP_STORE_CHANGE_CANDIDATES },
  /* how a document is shown, not what the candidate list shows */
  { "document",   JP_STORE_CHANGE_EVIDENCE },
  { "redaction",  JP_STORE_CHANGE_EVIDENCE },
  { "likes",      JP_STORE_CHANGE_CANDIDATES | JP_STORE_CHANGE_RANKING },
  /* the freeze fixes the list, and with it the seats and the settings it locks */
  { "candidates", JP_STORE_CHANGE_CANDIDATES | JP_STORE_CHANGE_TRADES | JP_STORE_CHANGE_SETTINGS },
  /* a decision changes the candidate's status too */
  { "review",     JP_STORE_CHANGE_REVIEWS | JP_STORE_CHANGE_CANDIDATES },
  { "settings",   JP_STORE_CHANGE_SETTINGS },
  { "election",   JP_STORE_CHANGE_SETTINGS },
  { "trade",      JP_STORE_CHANGE_TRADES },
  { "unit",       JP_STORE_CHANGE_UNITS },
  { "member",     JP_STORE_CHANGE_MEMBERS },
  { "conflict",   JP_STORE_CHANGE_CONFLICTS },
  { "round",      JP_STORE_CHANGE_ROUNDS },
  { "ballot",     JP_STORE_CHANGE_ROUNDS },
  { "paper",      JP_STORE_CHANGE_ROUNDS },
  { "defence",    JP_STORE_CHANGE_DEFENCE },
  { "ranking",    JP_STORE_CHANGE_RANKING },
  { "publicity",  JP_STORE_CHANGE_PUBLICITY },
  { "objection",  JP_STORE_CHANGE_PUBLICITY },
};

guint
jp_store_changes_for_action (const char *action)
{
  const char *dot = strchr (action, '.');
  gsize len = dot != NULL ? (gsize) (dot - action) : strlen (action);

  /* a restored backup replaces everything */
  if (g_str_equal (action, "backup.restore"))
    return JP_STORE_CHANGE_ALL;
  for (guint i = 0; i < G_N_ELEMENTS (action_changes); i++)
    if (strlen (action_changes[i].prefix) == len
        && strncmp (action_changes[i].prefix, action, len) == 0)
      return action_changes[i].changes | JP_STORE_CHANGE_AUDIT;
  /* backups, certificates, migrations: only the log grew */
  return JP_STORE_CHANGE_AUDIT;
}

void
jp_store_mark_changed (JpStore *self,
                       guint    changes)
{
  self->changes_write |= changes;
}

void
jp_store_changes_begin (JpStore *self)
{
  self->changes_write = 0;
  if (!self->in_batch)
    self->changes_batch = 0;
}

void
jp_store_changes_discard (JpStore *self)
{
  self->changes_write = 0;
  if (!self->in_batch)
    self->changes_batch = 0;
}

void
jp_store_changes_released (JpStore *self)
{
  self->changes_batch |= self->changes_write;
  self->changes_write = 0;
}

void
jp_store_changes_discard_batch (JpStore *self)
{
  self->changes_write = 0;
  self->changes_batch = 0;
}

static void
emit_changes (JpStore *self,
              guint    changes)
{
  g_autoptr(JpStore) keep = g_object_ref (self);   /* a handler may drop the last reference */

  for (guint i = 0; i < JP_STORE_N_CHANGES; i++)
    if (changes & (1u << i))
      jp_store_emit_changed (self, change_names[i]);
}

typedef struct {
  JpStore *store;
  guint    changes;
} Announcement;

static void
announcement_free (gpointer data)
{
  Announcement *a = data;

  g_object_unref (a->store);
  g_free (a);
}

static gboolean
announcement_dispatch (gpointer data)
{
  Announcement *a = data;

  emit_changes (a->store, a->changes);
  return G_SOURCE_REMOVE;
}

/* Emits on `store`'s main context: at once when this thread may run it (the main thread),
 * else from an idle source there, so a handler never runs in a worker. */
static void
announce_on (JpStore  *store,
             guint     changes,
             gboolean  defer)
{
  g_autoptr(GSource) source = NULL;
  Announcement *a;

  if (changes == 0)
    return;
  if (!defer && g_main_context_acquire (store->context))
    {
      emit_changes (store, changes);
      g_main_context_release (store->context);
      return;
    }
  a = g_new0 (Announcement, 1);
  a->store = g_object_ref (store);
  a->changes = changes;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, announcement_dispatch, a, announcement_free);
  g_source_set_static_name (source, "[jiangping] store changed");
  g_source_attach (source, store->context);
}

void
jp_store_changes_committed (JpStore *self)
{
  guint changes = self->changes_write | self->changes_batch;

  self->changes_write = 0;
  self->changes_batch = 0;
  announce_on (self, changes, FALSE);
  /* a worker's connection: the window's store hears it, on the window's context, later */
  if (self->changes_target != NULL)
    announce_on (self->changes_target, changes, TRUE);
}

/**
 * jp_store_forward_changes:
 * @self: a store a worker thread writes through (its own connection)
 * @target: (nullable): the store the pages listen to
 *
 * From now on what @self commits is also announced as JpStore::changed on @target, always
 * from an idle source on the main context @target was opened in (never in the worker, never
 * before the commit). NULL stops it.
 */
void
jp_store_forward_changes (JpStore *self,
                          JpStore *target)
{
  g_return_if_fail (JP_IS_STORE (self));
  g_return_if_fail (target == NULL || JP_IS_STORE (target));
  g_return_if_fail (target != self);

  g_set_object (&self->changes_target, target);
}
