/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-console.h"
#include "jp-store-private.h"

/* Stage locks, the qualification review and the election settings. */

/* ---- what has started ---- */

gboolean
jp_store_read_stage_locks (JpStore       *self,
                           JpStageLocks  *locks,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (locks != NULL, FALSE);

  *locks = JP_STAGE_LOCK_NONE;
  stmt = jp_store_prepare (self,
                           "SELECT kind FROM round WHERE opened_at IS NOT NULL GROUP BY kind",
                           error);
  if (stmt == NULL)
    return FALSE;
  while (jp_store_rows_next (self, stmt, &ok, error))
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (kind, "ballot") == 0)
        *locks |= JP_STAGE_LOCK_BALLOT_OPENED;
      else if (g_strcmp0 (kind, "defence") == 0)
        *locks |= JP_STAGE_LOCK_DEFENCE_OPENED;
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* a sealed ranking fixes the weights and caps it was computed with; a started publicity
   * its length */
  stmt = jp_store_prepare (self,
                           "SELECT EXISTS (SELECT 1 FROM ranking_seal),"
                           " EXISTS (SELECT 1 FROM publicity)", error);
  if (stmt == NULL)
    return FALSE;
  if (!jp_store_rows_next (self, stmt, &ok, error))
    return FALSE;
  if (sqlite3_column_int (stmt, 0) != 0)
    *locks |= JP_STAGE_LOCK_RANKING_DONE;
  if (sqlite3_column_int (stmt, 1) != 0)
    *locks |= JP_STAGE_LOCK_PUBLICITY_STARTED;
  return TRUE;
}

JpStageLocks
jp_store_get_stage_locks (JpStore *self)
{
  JpStageLocks locks;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), JP_STAGE_LOCK_NONE);

  if (!jp_store_read_stage_locks (self, &locks, &error))
    g_warning ("Cannot read the stage locks: %s", error->message);
  return locks;
}

gboolean
jp_store_is_frozen (JpStore   *self,
                    gboolean  *frozen,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (frozen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *frozen = FALSE;
  stmt = jp_store_prepare (self, "SELECT frozen_at IS NOT NULL FROM election WHERE id = 1",
                           error);
  if (stmt == NULL || !jp_store_query_int (self, stmt, &value, error))
    return FALSE;
  *frozen = value != 0;
  return TRUE;
}

gint64
jp_store_get_frozen_at (JpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), 0);

  stmt = jp_store_prepare (self, "SELECT coalesce (frozen_at, 0) FROM election WHERE id = 1",
                           NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- qualification review ---- */

static JpReviewDecision
decision_of_status (JpCandidateStatus status)
{
  switch (status)
    {
    case JP_STATUS_QUALIFIED:
      return JP_REVIEW_DECISION_QUALIFIED;
    case JP_STATUS_RETURNED:
      return JP_REVIEW_DECISION_RETURNED;
    case JP_STATUS_SUBMITTED:
    default:
      return JP_REVIEW_DECISION_NONE;
    }
}

static JpCandidateStatus
status_of_decision (JpReviewDecision decision)
{
  switch (decision)
    {
    case JP_REVIEW_DECISION_QUALIFIED:
      return JP_STATUS_QUALIFIED;
    case JP_REVIEW_DECISION_RETURNED:
      return JP_STATUS_RETURNED;
    case JP_REVIEW_DECISION_NONE:
    default:
      return JP_STATUS_SUBMITTED;
    }
}

static char *
exclusion_notes_to_json (const JpReview *review)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (int x = 0; x < JP_N_EXCLUSIONS; x++)
    if (review->exclusion_notes[x] != NULL && *review->exclusion_notes[x] != '\0')
      {
        json_builder_set_member_name (b, jp_exclusion_to_key ((JpExclusion) x));
        json_builder_add_string_value (b, review->exclusion_notes[x]);
      }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static void
exclusion_notes_from_json (JpReview   *review,
                           const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  obj = json_node_get_object (json_parser_get_root (parser));
  for (int x = 0; x < JP_N_EXCLUSIONS; x++)
    {
      const char *key = jp_exclusion_to_key ((JpExclusion) x);

      if (json_object_has_member (obj, key))
        {
          g_free (review->exclusion_notes[x]);
          review->exclusion_notes[x] = g_strdup (json_object_get_string_member (obj, key));
        }
    }
}

static JpReview *
review_from_row (JpStore       *self,
                 sqlite3_stmt  *stmt,
                 sqlite3_stmt  *links,
                 GError       **error)
{
  g_autoptr(JpReview) review = jp_review_new (sqlite3_column_int64 (stmt, 0));
  g_autofree char *notes = NULL;
  g_autofree char *decision = NULL;
  int rc;

  review->criteria_met = (guint) sqlite3_column_int64 (stmt, 1);
  review->exclusions = (guint) sqlite3_column_int64 (stmt, 2);
  notes = jp_store_column_dup (stmt, 3);
  exclusion_notes_from_json (review, notes);
  decision = jp_store_column_dup (stmt, 4);
  review->decision = jp_review_decision_from_string (decision, NULL);
  review->reason = jp_store_column_dup (stmt, 5);
  review->decided_by = jp_store_column_dup (stmt, 6);
  review->decided_at = sqlite3_column_int64 (stmt, 7);

  sqlite3_reset (links);
  sqlite3_bind_int64 (links, 1, review->candidate_id);
  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    {
      int criterion = sqlite3_column_int (links, 0);

      if (criterion >= 1 && criterion <= JP_N_CRITERIA)
        g_ptr_array_add (review->evidence[criterion], jp_store_column_dup (links, 1));
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&review);
}

#define REVIEW_SELECT \
  "SELECT candidate_id, criteria, exclusions, exclusion_notes, decision, reason, decided_by, " \
  "  decided_at FROM review "
#define LINKS_SELECT \
  "SELECT criterion, sha256 FROM review_evidence WHERE candidate_id = ? " \
  "ORDER BY criterion, sort"

/**
 * jp_store_get_review:
 *
 * Returns: (transfer full): the stored review, or a new one whose decision follows the
 * candidate's status (files from before the review had only the status); NULL with
 * `error` (NOT_FOUND) when there is no such candidate.
 */
JpReview *
jp_store_get_review (JpStore  *self,
                     gint64    candidate_id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autoptr(JpCandidate) candidate = NULL;
  JpReview *review;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, REVIEW_SELECT "WHERE candidate_id = ?", error);
  links = stmt != NULL ? jp_store_prepare (self, LINKS_SELECT, error) : NULL;
  if (links == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return review_from_row (self, stmt, links, error);
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  candidate = jp_store_get_candidate (self, candidate_id, error);
  if (candidate == NULL)
    return NULL;
  review = jp_review_new (candidate_id);
  review->decision = decision_of_status (candidate->status);
  return review;
}

/**
 * jp_store_list_reviews:
 *
 * Returns: (transfer full): JpReview* of every stored review, by candidate id; NULL with
 * `error`.
 */
GPtrArray *
jp_store_list_reviews (JpStore  *self,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, REVIEW_SELECT "ORDER BY candidate_id", error);
  links = stmt != NULL ? jp_store_prepare (self, LINKS_SELECT, error) : NULL;
  if (links == NULL)
    return NULL;
  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_review_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpReview *review = review_from_row (self, stmt, links, error);

      if (review == NULL)
        return NULL;
      g_ptr_array_add (reviews, review);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&reviews);
}

static JsonBuilder *
review_payload (const JpReview    *review,
                const JpCandidate *candidate)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "candidate_id");
  json_builder_add_int_value (b, review->candidate_id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, candidate->name);
  json_builder_set_member_name (b, "decision");
  json_builder_add_string_value (b, jp_review_decision_to_key (review->decision));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (int c = 1; c <= JP_N_CRITERIA; c++)
    if (review->criteria_met & (1u << c))
      json_builder_add_int_value (b, c);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_object (b);
  for (int c = 1; c <= JP_N_CRITERIA; c++)
    {
      g_autofree char *key = NULL;

      if (review->evidence[c]->len == 0)
        continue;
      key = g_strdup_printf ("%d", c);
      json_builder_set_member_name (b, key);
      json_builder_begin_array (b);
      for (guint i = 0; i < review->evidence[c]->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (review->evidence[c], i));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "exclusions");
  json_builder_begin_array (b);
  for (int x = 0; x < JP_N_EXCLUSIONS; x++)
    if (review->exclusions & (1u << x))
      {
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "key");
        json_builder_add_string_value (b, jp_exclusion_to_key ((JpExclusion) x));
        json_builder_set_member_name (b, "note");
        if (review->exclusion_notes[x] != NULL)
          json_builder_add_string_value (b, review->exclusion_notes[x]);
        else
          json_builder_add_null_value (b);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "reason");
  if (review->reason != NULL)
    json_builder_add_string_value (b, review->reason);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "decided_by");
  json_builder_add_string_value (b, review->decided_by != NULL ? review->decided_by : "");
  json_builder_set_member_name (b, "decided_at");
  json_builder_add_int_value (b, review->decided_at);
  json_builder_end_object (b);
  return b;
}

JsonNode *
jp_store_review_to_json (const JpReview    *review,
                         const JpCandidate *candidate)
{
  g_autoptr(JsonBuilder) b = NULL;

  g_return_val_if_fail (review != NULL && candidate != NULL, NULL);

  b = review_payload (review, candidate);
  return json_builder_get_root (b);
}

static gboolean
write_review (JpStore         *self,
              const JpReview  *review,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autofree char *notes = exclusion_notes_to_json (review);

  stmt = jp_store_prepare (self,
                           "INSERT INTO review (candidate_id, criteria, exclusions, "
                           "  exclusion_notes, decision, reason, decided_by, decided_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                           "ON CONFLICT (candidate_id) DO UPDATE SET criteria = ?2, "
                           "  exclusions = ?3, exclusion_notes = ?4, decision = ?5, "
                           "  reason = ?6, decided_by = ?7, decided_at = ?8",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->candidate_id);
  sqlite3_bind_int64 (stmt, 2, review->criteria_met & 0x7e);
  sqlite3_bind_int64 (stmt, 3, review->exclusions);
  sqlite3_bind_text (stmt, 4, notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, jp_review_decision_to_key (review->decision), -1, SQLITE_STATIC);
  jp_store_bind_text (stmt, 6, review->reason);
  jp_store_bind_text (stmt, 7, review->decided_by);
  sqlite3_bind_int64 (stmt, 8, review->decided_at);
  if (!jp_store_step_done (self, stmt, error))
    return FALSE;

  /* The links are replaced as a whole: the review is saved as the reviewer sees it. */
  clear = jp_store_prepare (self, "DELETE FROM review_evidence WHERE candidate_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, review->candidate_id);
  if (!jp_store_step_done (self, clear, error))
    return FALSE;

  link = jp_store_prepare (self,
                           "INSERT OR IGNORE INTO review_evidence (candidate_id, criterion, "
                           "  sha256, sort) VALUES (?, ?, lower (?), ?)",
                           error);
  if (link == NULL)
    return FALSE;
  for (int c = 1; c <= JP_N_CRITERIA; c++)
    for (guint i = 0; i < review->evidence[c]->len; i++)
      {
        sqlite3_reset (link);
        sqlite3_bind_int64 (link, 1, review->candidate_id);
        sqlite3_bind_int (link, 2, c);
        sqlite3_bind_text (link, 3, g_ptr_array_index (review->evidence[c], i), -1,
                           SQLITE_TRANSIENT);
        sqlite3_bind_int (link, 4, (int) i);
        if (!jp_store_step_done (self, link, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
write_status (JpStore            *self,
              gint64              candidate_id,
              JpCandidateStatus   status,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = jp_store_prepare (self, "UPDATE candidate SET status = ?, updated_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jp_status_to_key (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, jp_store_now (self));
  sqlite3_bind_int64 (stmt, 3, candidate_id);
  return jp_store_step_done (self, stmt, error);
}

/**
 * jp_store_save_review:
 *
 * See the header. On success `review->decided_by` and `decided_at` hold what was stored.
 * The core's refusal (jp_review_check_decision) comes back as JP_STORE_ERROR_INVALID with
 * the core's message.
 */
gboolean
jp_store_save_review (JpStore     *self,
                      JpReview    *review,
                      const char  *actor,
                      GPtrArray  **warnings,
                      GError     **error)
{
  g_autoptr(JpCandidate) candidate = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(JsonBuilder) payload = NULL;
  gboolean was_qualified, will_be_qualified, frozen = FALSE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;
  if (!jp_store_begin (self, error))
    return FALSE;

  candidate = jp_store_get_candidate (self, review->candidate_id, error);
  if (candidate == NULL)
    goto fail;

  was_qualified = candidate->status == JP_STATUS_QUALIFIED;
  will_be_qualified = review->decision == JP_REVIEW_DECISION_QUALIFIED;
  if (was_qualified != will_be_qualified && !jp_store_is_frozen (self, &frozen, error))
    goto fail;
  if (was_qualified != will_be_qualified && frozen)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("The candidate list is frozen, so the decision on %s can no longer change "
                     "whether the candidate is qualified. The anonymous codes are final."),
                   candidate->name);
      goto fail;
    }

  if (!jp_review_check_decision (review, candidate, &found, &core_error))
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
      goto fail;
    }

  g_free (review->decided_by);
  review->decided_by = g_strdup (actor != NULL && *actor != '\0' ? actor : "system");
  review->decided_at = jp_store_now (self);
  payload = review_payload (review, candidate);

  if (!write_review (self, review, error) ||
      !write_status (self, review->candidate_id, status_of_decision (review->decision), error))
    goto fail;
  if (!jp_store_audit_commit (self, actor, "review.decide", payload, error))
    return FALSE;

  if (warnings != NULL)
    *warnings = g_steal_pointer (&found);
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/**
 * jp_store_get_review_progress:
 *
 * The candidates' statuses (which follow the review decisions) counted by
 * jp_review_progress_compute, trades in name order.
 *
 * Returns: (transfer full): the progress, or NULL with `error`.
 */
JpReviewProgress *
jp_store_get_review_progress (JpStore  *self,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) items = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self,
                           "SELECT coalesce (t.name, ''), c.status FROM candidate c "
                           "LEFT JOIN trade t ON t.id = c.trade_id ORDER BY t.name, c.id",
                           error);
  if (stmt == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  items = g_array_new (FALSE, TRUE, sizeof (JpReviewItem));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *status = jp_store_column_dup (stmt, 1);
      JpReviewItem item;
      char *trade = jp_store_column_dup (stmt, 0);

      g_ptr_array_add (names, trade != NULL ? trade : g_strdup (""));
      item.trade = g_ptr_array_index (names, names->len - 1);
      item.decision = decision_of_status (jp_status_from_string (status, NULL));
      g_array_append_val (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return jp_review_progress_compute ((const JpReviewItem *) items->data, items->len);
}

/**
 * jp_store_list_candidate_history:
 *
 * Returns: (transfer full): JpAuditEntry* about the candidate (its adding, updates and
 * review decisions), oldest first; NULL with `error`.
 */
GPtrArray *
jp_store_list_candidate_history (JpStore  *self,
                                 gint64    candidate_id,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self,
                           "SELECT seq, at, actor, action, payload FROM audit "
                           "WHERE (action IN ('candidate.add', 'candidate.update') "
                           "       AND json_extract (payload, '$.id') = ?1) "
                           "   OR (action = 'review.decide' "
                           "       AND json_extract (payload, '$.candidate_id') = ?1) "
                           "ORDER BY seq",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpAuditEntry *e = g_new0 (JpAuditEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
      e->at = sqlite3_column_int64 (stmt, 1);
      e->actor = jp_store_column_dup (stmt, 2);
      e->action = jp_store_column_dup (stmt, 3);
      e->payload = jp_store_column_dup (stmt, 4);
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* ---- settings ---- */

/**
 * jp_store_get_settings:
 *
 * Returns: (transfer full): the stored settings; the defaults when none are stored or they
 * cannot be read (a warning is logged).
 */
JpSettings *
jp_store_get_settings (JpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  JpSettings *settings;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  stmt = jp_store_prepare (self, "SELECT settings_ini FROM election WHERE id = 1", &error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return jp_settings_new ();
  text = (const char *) sqlite3_column_text (stmt, 0);
  if (text == NULL || *text == '\0')
    return jp_settings_new ();
  settings = jp_settings_from_data (text, (gsize) sqlite3_column_bytes (stmt, 0), &error);
  if (settings == NULL)
    {
      g_warning ("%s: stored settings unreadable (%s); using the defaults", self->path,
                 error->message);
      return jp_settings_new ();
    }
  return settings;
}

/* "group.key" of every key whose value differs between the two serialised settings. */
static void
add_changed_keys (JsonBuilder *b,
                  const char  *old_text,
                  const char  *new_text)
{
  g_autoptr(GKeyFile) old_kf = g_key_file_new ();
  g_autoptr(GKeyFile) new_kf = g_key_file_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GKeyFile *files[2];

  g_key_file_load_from_data (old_kf, old_text, (gsize) -1, G_KEY_FILE_NONE, NULL);
  g_key_file_load_from_data (new_kf, new_text, (gsize) -1, G_KEY_FILE_NONE, NULL);
  files[0] = old_kf;
  files[1] = new_kf;

  for (int f = 0; f < 2; f++)
    {
      g_auto(GStrv) groups = g_key_file_get_groups (files[f], NULL);

      for (guint g = 0; groups[g] != NULL; g++)
        {
          g_auto(GStrv) keys = g_key_file_get_keys (files[f], groups[g], NULL, NULL);

          for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
            {
              g_autofree char *a = g_key_file_get_value (old_kf, groups[g], keys[k], NULL);
              g_autofree char *z = g_key_file_get_value (new_kf, groups[g], keys[k], NULL);
              char *name;

              if (g_strcmp0 (a, z) == 0)
                continue;
              name = g_strdup_printf ("%s.%s", groups[g], keys[k]);
              if (!g_hash_table_add (seen, name))
                continue;
              json_builder_add_string_value (b, name);
            }
        }
    }
}

/**
 * jp_store_update_settings:
 *
 * INVALID with the messages of jp_settings_validate's errors; LOCKED with the core's message
 * when jp_settings_change_allowed refuses. Audit "settings.update" {"changed": ["group.key"]}.
 */
gboolean
jp_store_update_settings (JpStore           *self,
                          const JpSettings  *settings,
                          const char        *actor,
                          GError           **error)
{
  JpStageLocks locks;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(JpSettings) old = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  findings = jp_settings_validate (settings);
  for (guint i = 0; i < findings->len; i++)
    {
      JpFinding *f = g_ptr_array_index (findings, i);

      if (f->severity != JP_SEVERITY_ERROR)
        continue;
      if (problems->len > 0)
        g_string_append_c (problems, ' ');
      g_string_append (problems, f->message);
    }
  if (problems->len > 0)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID, problems->str);
      return FALSE;
    }

  if (!jp_store_begin (self, error))
    return FALSE;
  old = jp_store_get_settings (self);
  if (!jp_store_read_stage_locks (self, &locks, error))
    goto fail;
  if (!jp_settings_change_allowed (old, settings, locks, &core_error))
    {
      jp_store_take_core_error (error, JP_STORE_ERROR_LOCKED, g_steal_pointer (&core_error));
      goto fail;
    }

  old_text = jp_settings_to_data (old, NULL);
  new_text = jp_settings_to_data (settings, NULL);
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "changed");
  json_builder_begin_array (payload);
  add_changed_keys (payload, old_text, new_text);
  json_builder_end_array (payload);
  json_builder_end_object (payload);

  stmt = jp_store_prepare (self, "UPDATE election SET settings_ini = ? WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, new_text, -1, SQLITE_TRANSIENT);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  return jp_store_audit_commit (self, actor, "settings.update", payload, error);

fail:
  jp_store_rollback (self);
  return FALSE;
}
