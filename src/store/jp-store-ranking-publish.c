/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-ranking.h"

/* Publishing the ranking to the projector is a recorded act (issue 7): the audit entry
 * "ranking.publish" holds the digest and the inputs of the ranking (the weights, the quota,
 * the caps, each finalist's V, O and D, the adjustments), from which jp_ranking_compute()
 * gives the same ranking again, to the digest. The audit log is append-only and chained, so
 * the last publication is remembered without a table of its own. */

void
jp_ranking_publication_free (JpRankingPublication *p)
{
  if (p == NULL)
    return;
  g_clear_pointer (&p->ranking, jp_ranking_free);
  g_free (p->digest);
  g_free (p->actor);
  g_free (p);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_str (JsonBuilder *b,
         const char  *name,
         const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_inputs (JsonBuilder     *b,
            const JpRanking *r)
{
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (b);
  add_int (b, "weight_v", r->weight_v);
  add_int (b, "weight_o", r->weight_o);
  add_int (b, "weight_d", r->weight_d);
  add_int (b, "quota", r->quota);
  json_builder_set_member_name (b, "caps");
  json_builder_begin_object (b);
  if (r->caps != NULL)
    {
      g_hash_table_iter_init (&iter, r->caps);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_int (b, key, GPOINTER_TO_INT (value));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "candidates");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->candidates->len; i++)
    {
      const JpRankedCandidate *c = r->candidates->pdata[i];

      json_builder_begin_object (b);
      add_str (b, "code", c->code);
      add_str (b, "trade", c->trade);
      add_int (b, "v", c->v);
      add_int (b, "o", c->o);
      add_int (b, "d", c->d);
      add_int (b, "adjustment", c->adjustment);
      add_str (b, "reason", c->adjustment_reason);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

JpRanking *
jp_store_rank_publish (JpStore     *self,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!jp_store_begin (self, error))
    return NULL;
  ranking = jp_store_compute_ranking (self, error);
  if (ranking == NULL)
    goto fail;
  json_builder_begin_object (payload);
  add_str (payload, "digest", ranking->digest);
  add_int (payload, "recommended", ranking->n_recommended);
  json_builder_set_member_name (payload, "ranking");
  add_inputs (payload, ranking);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "ranking.publish", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&ranking);

fail:
  jp_store_rollback (self);
  return NULL;
}

static gint64
member_int (JsonObject *o,
            const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_int (n) : 0;
}

static const char *
member_str (JsonObject *o,
            const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_string (n) : NULL;
}

/* The ranking the inputs of an audit entry give; NULL when they are not readable. */
static JpRanking *
ranking_from_inputs (JsonObject  *inputs,
                     GError     **error)
{
  g_autoptr(GHashTable) caps = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (JpRankingEntry));
  g_autoptr(GArray) adjustments = g_array_new (FALSE, TRUE, sizeof (JpRankingAdjustment));
  JpRankingParams params = { 0 };
  JsonObject *caps_object;
  JsonArray *candidates;

  caps_object = json_object_has_member (inputs, "caps")
                ? json_object_get_object_member (inputs, "caps") : NULL;
  candidates = json_object_has_member (inputs, "candidates")
               ? json_object_get_array_member (inputs, "candidates") : NULL;
  if (candidates == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The audit entry of the last publication of the ranking lists no "
                     "candidates."));
      return NULL;
    }
  params.weight_v = (int) member_int (inputs, "weight_v");
  params.weight_o = (int) member_int (inputs, "weight_o");
  params.weight_d = (int) member_int (inputs, "weight_d");
  params.quota = (int) member_int (inputs, "quota");
  if (caps_object != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (caps_object);

      for (GList *l = names; l != NULL; l = l->next)
        g_hash_table_insert (caps, l->data,
                             GINT_TO_POINTER ((int) member_int (caps_object, l->data)));
    }
  params.caps = caps;
  for (guint i = 0; i < json_array_get_length (candidates); i++)
    {
      JsonObject *c = json_array_get_object_element (candidates, i);
      JpRankingEntry e = { 0 };
      gint64 adjustment;

      if (c == NULL)
        continue;
      e.code = member_str (c, "code");
      e.trade = member_str (c, "trade");
      e.v = member_int (c, "v");
      e.o = member_int (c, "o");
      e.d = member_int (c, "d");
      g_array_append_val (entries, e);
      adjustment = member_int (c, "adjustment");
      if (adjustment != 0)
        {
          JpRankingAdjustment a = { e.code, adjustment > 0, member_str (c, "reason") };

          g_array_append_val (adjustments, a);
        }
    }
  return jp_ranking_compute (&params, (JpRankingEntry *) entries->data, entries->len,
                             (JpRankingAdjustment *) adjustments->data, adjustments->len,
                             error);
}

JpRankingPublication *
jp_store_ranking_last_published (JpStore  *self,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JpRankingPublication) p = g_new0 (JpRankingPublication, 1);
  g_autoptr(GError) core_error = NULL;
  JsonObject *root, *inputs;
  gint64 seq;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, "SELECT seq, at, actor, payload FROM audit "
                                 "WHERE action = 'ranking.publish' ORDER BY seq DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  seq = sqlite3_column_int64 (stmt, 0);
  p->published_at = sqlite3_column_int64 (stmt, 1);
  p->actor = jp_store_column_dup (stmt, 2);
  if (!json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 3), -1,
                                   NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("Audit entry %lld (the last publication of the ranking) cannot be read."),
                   (long long) seq);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  p->digest = g_strdup (member_str (root, "digest"));
  inputs = json_object_has_member (root, "ranking")
           ? json_object_get_object_member (root, "ranking") : NULL;
  if (inputs != NULL)
    p->ranking = ranking_from_inputs (inputs, &core_error);
  if (p->ranking == NULL || g_strcmp0 (p->ranking->digest, p->digest) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("Audit entry %lld (the last publication of the ranking) does not give the "
                     "digest it records (%s)%s%s."), (long long) seq,
                   p->digest != NULL ? p->digest : "?", core_error != NULL ? ": " : "",
                   core_error != NULL ? core_error->message : "");
      return NULL;
    }
  return g_steal_pointer (&p);
}
