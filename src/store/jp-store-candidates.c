/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"

/* Candidates, their documents, and the intake statistics. */

JpDocumentData *
jp_document_data_new (JpDocumentRef *ref,
                      GBytes        *data)
{
  JpDocumentData *d = g_new0 (JpDocumentData, 1);

  d->ref = ref;
  d->data = data != NULL ? g_bytes_ref (data) : NULL;
  return d;
}

void
jp_document_data_free (JpDocumentData *d)
{
  if (d == NULL)
    return;
  g_clear_pointer (&d->ref, jp_document_ref_free);
  g_clear_pointer (&d->data, g_bytes_unref);
  g_free (d);
}

/* ---- reading ---- */

/* Every candidate column, the unit's rule inputs and the document counts; ?1..?3 are the
 * keys of the photo, evidence and no-criminal-record kinds. */
#define CANDIDATE_SELECT \
  "SELECT c.id, c.name, c.sex, c.ethnicity, c.birth, c.political, c.education, " \
  "  c.work_start, c.id_number, c.employer, c.position, c.work_type, c.years_in_trade, " \
  "  c.skill_level, c.phone, c.union_member, c.criteria, c.honours, c.summary, c.deeds, " \
  "  c.fill_date, u.name, c.route, t.name, t.code, c.status, " \
  "  u.pilot, u.nomination_limit, c.unit_id, " \
  "  coalesce (n.photos, 0), coalesce (n.evidence, 0), coalesce (n.pages, 0), " \
  "  coalesce (n.ncr, 0), c.code " \
  "FROM candidate c " \
  "LEFT JOIN unit u ON u.id = c.unit_id " \
  "LEFT JOIN trade t ON t.id = c.trade_id " \
  "LEFT JOIN (SELECT cd.candidate_id AS candidate_id, " \
  "                  sum (cd.kind = ?1) AS photos, " \
  "                  sum (cd.kind = ?2) AS evidence, " \
  "                  sum (CASE WHEN cd.kind = ?2 THEN d.pages ELSE 0 END) AS pages, " \
  "                  max (cd.kind = ?3) AS ncr " \
  "           FROM candidate_document cd JOIN document d ON d.sha256 = cd.sha256 " \
  "           GROUP BY cd.candidate_id) n ON n.candidate_id = c.id "

enum {
  COL_ID, COL_NAME, COL_SEX, COL_ETHNICITY, COL_BIRTH, COL_POLITICAL, COL_EDUCATION,
  COL_WORK_START, COL_ID_NUMBER, COL_EMPLOYER, COL_POSITION, COL_WORK_TYPE, COL_YEARS,
  COL_SKILL_LEVEL, COL_PHONE, COL_UNION_MEMBER, COL_CRITERIA, COL_HONOURS, COL_SUMMARY,
  COL_DEEDS, COL_FILL_DATE, COL_UNIT, COL_ROUTE, COL_TRADE, COL_TRADE_CODE, COL_STATUS,
  COL_UNIT_PILOT, COL_UNIT_LIMIT, COL_UNIT_ID,
  COL_N_PHOTOS, COL_N_EVIDENCE, COL_N_PAGES, COL_NCR, COL_CODE,
};

static void
bind_kind_keys (sqlite3_stmt *stmt)
{
  sqlite3_bind_text (stmt, 1, jp_doc_kind_to_key (JP_DOC_PHOTO), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, jp_doc_kind_to_key (JP_DOC_EVIDENCE), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, jp_doc_kind_to_key (JP_DOC_NO_CRIMINAL_RECORD), -1,
                     SQLITE_STATIC);
}

static JpCandidate *
candidate_from_row (sqlite3_stmt *stmt)
{
  JpCandidate *c = jp_candidate_new ();
  g_autofree char *sex = NULL;
  g_autofree char *route = NULL;
  g_autofree char *status = NULL;

  c->id = sqlite3_column_int64 (stmt, COL_ID);
  c->name = jp_store_column_dup (stmt, COL_NAME);
  sex = jp_store_column_dup (stmt, COL_SEX);
  c->sex = jp_sex_from_string (sex, NULL);
  c->ethnicity = jp_store_column_dup (stmt, COL_ETHNICITY);
  c->birth = jp_store_column_dup (stmt, COL_BIRTH);
  c->political = jp_store_column_dup (stmt, COL_POLITICAL);
  c->education = jp_store_column_dup (stmt, COL_EDUCATION);
  c->work_start = jp_store_column_dup (stmt, COL_WORK_START);
  c->id_number = jp_store_column_dup (stmt, COL_ID_NUMBER);
  c->employer = jp_store_column_dup (stmt, COL_EMPLOYER);
  c->position = jp_store_column_dup (stmt, COL_POSITION);
  c->work_type = jp_store_column_dup (stmt, COL_WORK_TYPE);
  c->years_in_trade = sqlite3_column_int (stmt, COL_YEARS);
  c->skill_level = jp_store_column_dup (stmt, COL_SKILL_LEVEL);
  c->phone = jp_store_column_dup (stmt, COL_PHONE);
  c->union_member = (JpTristate) CLAMP (sqlite3_column_int (stmt, COL_UNION_MEMBER), -1, 1);
  c->criteria = (guint) sqlite3_column_int (stmt, COL_CRITERIA);
  c->honours = jp_store_column_dup (stmt, COL_HONOURS);
  c->summary = jp_store_column_dup (stmt, COL_SUMMARY);
  c->deeds = jp_store_column_dup (stmt, COL_DEEDS);
  c->fill_date = jp_store_column_dup (stmt, COL_FILL_DATE);
  c->unit = jp_store_column_dup (stmt, COL_UNIT);
  route = jp_store_column_dup (stmt, COL_ROUTE);
  c->route = jp_route_from_string (route, NULL);
  c->trade = jp_store_column_dup (stmt, COL_TRADE);
  c->trade_code = jp_store_column_dup (stmt, COL_TRADE_CODE);
  status = jp_store_column_dup (stmt, COL_STATUS);
  c->status = jp_status_from_string (status, NULL);
  c->code = jp_store_column_dup (stmt, COL_CODE);

  c->n_photos = (guint) sqlite3_column_int (stmt, COL_N_PHOTOS);
  c->n_evidence = (guint) sqlite3_column_int (stmt, COL_N_EVIDENCE);
  c->n_evidence_pages = (guint) sqlite3_column_int (stmt, COL_N_PAGES);
  c->has_no_criminal_record = sqlite3_column_int (stmt, COL_NCR) != 0;
  return c;
}

static void
validate (JpCandidate  *c,
          sqlite3_stmt *stmt,
          guint         unit_nominations)
{
  JpValidationContext context = { 0, };

  context.unit_nominations = unit_nominations;
  context.unit_is_pilot = sqlite3_column_int (stmt, COL_UNIT_PILOT) != 0;
  context.unit_limit = (guint) MAX (sqlite3_column_int (stmt, COL_UNIT_LIMIT), 0);

  g_clear_pointer (&c->findings, g_ptr_array_unref);
  c->findings = jp_validate_candidate (c, &context);
}

/**
 * jp_store_list_candidates:
 *
 * Two queries (candidates with counts; nominations per unit), then the intake rules on each
 * candidate.
 *
 * Returns: (transfer full): a new GListStore of JpCandidate, or NULL with `error`.
 */
GListModel *
jp_store_list_candidates (JpStore  *self,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) per_unit = NULL;
  g_autoptr(GHashTable) unit_counts = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GListStore) model = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  per_unit = jp_store_prepare (self,
                               "SELECT unit_id, count (*) FROM candidate "
                               "WHERE unit_id IS NOT NULL GROUP BY unit_id",
                               error);
  if (per_unit == NULL)
    return NULL;
  unit_counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  while ((rc = sqlite3_step (per_unit)) == SQLITE_ROW)
    g_hash_table_insert (unit_counts,
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (per_unit, 0)),
                         GUINT_TO_POINTER ((guint) sqlite3_column_int (per_unit, 1)));
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  stmt = jp_store_prepare (self, CANDIDATE_SELECT "ORDER BY t.name, c.name, c.id", error);
  if (stmt == NULL)
    return NULL;
  bind_kind_keys (stmt);

  candidates = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpCandidate *c = candidate_from_row (stmt);
      gsize unit_id = (gsize) sqlite3_column_int64 (stmt, COL_UNIT_ID);
      guint n = 1;

      if (unit_id != 0)
        n = GPOINTER_TO_UINT (g_hash_table_lookup (unit_counts, GSIZE_TO_POINTER (unit_id)));
      validate (c, stmt, MAX (n, 1));
      g_ptr_array_add (candidates, c);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  model = g_list_store_new (JP_TYPE_CANDIDATE);
  g_list_store_splice (model, 0, 0, candidates->pdata, candidates->len);
  return G_LIST_MODEL (g_steal_pointer (&model));
}

static GPtrArray *
load_documents (JpStore  *self,
                gint64    id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT cd.sha256, cd.kind, cd.criterion, cd.filename, d.mime, "
                           "  d.pages, d.bytes "
                           "FROM candidate_document cd JOIN document d ON d.sha256 = cd.sha256 "
                           "WHERE cd.candidate_id = ?4 "
                           "ORDER BY CASE cd.kind WHEN ?1 THEN 0 WHEN ?2 THEN 1 WHEN ?3 THEN 2 "
                           "  ELSE 3 END, cd.sort",
                           error);
  if (stmt == NULL)
    return NULL;
  bind_kind_keys (stmt);
  sqlite3_bind_int64 (stmt, 4, id);

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_ref_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpDocumentRef *ref = jp_document_ref_new ();
      g_autofree char *kind = jp_store_column_dup (stmt, 1);

      ref->sha256 = jp_store_column_dup (stmt, 0);
      ref->kind = jp_doc_kind_from_string (kind, NULL);
      ref->criterion = sqlite3_column_int (stmt, 2);
      ref->filename = jp_store_column_dup (stmt, 3);
      ref->mime = jp_store_column_dup (stmt, 4);
      ref->pages = sqlite3_column_int (stmt, 5);
      ref->bytes = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (docs, ref);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&docs);
}

static gboolean
count_unit (JpStore  *self,
            gint64    unit_id,
            guint    *count,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *count = 1;
  if (unit_id == 0)
    return TRUE;
  stmt = jp_store_prepare (self, "SELECT count (*) FROM candidate WHERE unit_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  *count = MAX ((guint) sqlite3_column_int (stmt, 0), 1);
  return TRUE;
}

/**
 * jp_store_get_candidate:
 *
 * Returns: (transfer full): the candidate with its documents (by kind, then their order in
 * the dossier) and findings, or NULL with `error` (NOT_FOUND if there is no such id).
 */
JpCandidate *
jp_store_get_candidate (JpStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JpCandidate) c = NULL;
  guint n = 1;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, CANDIDATE_SELECT "WHERE c.id = ?4", error);
  if (stmt == NULL)
    return NULL;
  bind_kind_keys (stmt);
  sqlite3_bind_int64 (stmt, 4, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no candidate number %lld in “%s”."),
                   (long long) id, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }

  c = candidate_from_row (stmt);
  c->documents = load_documents (self, id, error);
  if (c->documents == NULL)
    return NULL;
  if (!count_unit (self, sqlite3_column_int64 (stmt, COL_UNIT_ID), &n, error))
    return NULL;
  validate (c, stmt, n);
  return g_steal_pointer (&c);
}

/**
 * jp_store_find_candidate_by_id_number:
 *
 * Returns: (transfer full) (nullable): the candidate with this ID number, as
 * jp_store_get_candidate gives it, or NULL.
 */
JpCandidate *
jp_store_find_candidate_by_id_number (JpStore    *self,
                                      const char *id_number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  JpCandidate *c;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  if (id_number == NULL || *id_number == '\0')
    return NULL;
  stmt = jp_store_prepare (self, "SELECT id FROM candidate WHERE id_number = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  c = jp_store_get_candidate (self, sqlite3_column_int64 (stmt, 0), &error);
  if (c == NULL)
    g_warning ("%s", error->message);
  return c;
}

GStrv
jp_store_candidate_names_in_unit (JpStore     *self,
                                  const char  *unit,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  stmt = jp_store_prepare (self,
                           "SELECT c.name FROM candidate c LEFT JOIN unit u ON u.id = c.unit_id "
                           "WHERE u.name IS ?1 ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  if (unit != NULL && *unit != '\0')
    sqlite3_bind_text (stmt, 1, unit, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (names);
}

/**
 * jp_store_find_other_candidate_by_name_unit:
 *
 * Returns: (transfer full) (nullable): the first candidate (by id) with this name and unit
 * and another (or no) ID number, as jp_store_get_candidate gives it, or NULL.
 */
JpCandidate *
jp_store_find_other_candidate_by_name_unit (JpStore    *self,
                                            const char *name,
                                            const char *unit,
                                            const char *id_number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  JpCandidate *c;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  stmt = jp_store_prepare (self,
                           "SELECT c.id FROM candidate c LEFT JOIN unit u ON u.id = c.unit_id "
                           "WHERE c.name = ?1 AND u.name IS ?2 "
                           "  AND (c.id_number IS NULL OR c.id_number IS NOT ?3) "
                           "ORDER BY c.id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (unit != NULL && *unit != '\0')
    sqlite3_bind_text (stmt, 2, unit, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  if (id_number != NULL && *id_number != '\0')
    sqlite3_bind_text (stmt, 3, id_number, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  c = jp_store_get_candidate (self, sqlite3_column_int64 (stmt, 0), &error);
  if (c == NULL)
    g_warning ("%s", error->message);
  return c;
}

/**
 * jp_store_get_document_data:
 *
 * Returns: (transfer full): the bytes of the document with this SHA-256, or NULL with
 * `error` (NOT_FOUND).
 */
GBytes *
jp_store_get_document_data (JpStore     *self,
                            const char  *sha256,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self, "SELECT data FROM document WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no document %s in “%s”."), sha256, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

static guint
count_rows (JpStore    *self,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = jp_store_prepare (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jp_store_set_error (self, sqlite3_errcode (self->db), &error);
      g_warning ("%s", error->message);
      return 0;
    }
  return (guint) sqlite3_column_int (stmt, 0);
}

guint
jp_store_count_candidates (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);

  return count_rows (self, "SELECT count (*) FROM candidate");
}

guint
jp_store_count_documents (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);

  return count_rows (self, "SELECT count (*) FROM document");
}

/* ---- statistics ---- */

void
jp_count_free (JpCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count);
}

void
jp_stats_free (JpStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->by_trade, g_ptr_array_unref);
  g_clear_pointer (&stats->by_unit, g_ptr_array_unref);
  g_clear_pointer (&stats->by_route, g_ptr_array_unref);
  g_clear_pointer (&stats->by_status, g_ptr_array_unref);
  g_free (stats);
}

/* Runs a query of (key, count[, priority]) rows into JpCount*. */
static GPtrArray *
query_counts (JpStore     *self,
              const char  *sql,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) counts = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpCount *count = g_new0 (JpCount, 1);

      count->key = jp_store_column_dup (stmt, 0);
      count->count = (guint) sqlite3_column_int (stmt, 1);
      if (sqlite3_column_count (stmt) > 2)
        count->priority = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static void
move_count (GPtrArray  *from,
            const char *key,
            GPtrArray  *to)
{
  for (guint i = 0; i < from->len; i++)
    {
      JpCount *count = g_ptr_array_index (from, i);

      if (g_strcmp0 (count->key, key) == 0)
        {
          g_ptr_array_add (to, g_ptr_array_steal_index (from, i));
          return;
        }
    }
}

/**
 * jp_store_get_stats:
 *
 * Returns: (transfer full): candidate counts overall, in priority trades, and per trade
 * (every trade, by name, zero included), unit (every unit, by name), route and status (the
 * values present, by their order in the enum); NULL with `error`.
 */
JpStats *
jp_store_get_stats (JpStore  *self,
                    GError  **error)
{
  g_autoptr(JpStats) stats = g_new0 (JpStats, 1);
  g_autoptr(sqlite3_stmt) totals = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  totals = jp_store_prepare (self,
                             "SELECT count (*), coalesce (sum (t.priority), 0) FROM candidate c "
                             "LEFT JOIN trade t ON t.id = c.trade_id",
                             error);
  if (totals == NULL)
    return NULL;
  rc = sqlite3_step (totals);
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  stats->candidates = (guint) sqlite3_column_int (totals, 0);
  stats->priority_candidates = (guint) sqlite3_column_int (totals, 1);

  stats->by_trade = query_counts (self,
                                  "SELECT t.name, count (c.id), t.priority FROM trade t "
                                  "LEFT JOIN candidate c ON c.trade_id = t.id "
                                  "GROUP BY t.id ORDER BY t.name",
                                  error);
  if (stats->by_trade == NULL)
    return NULL;
  stats->by_unit = query_counts (self,
                                 "SELECT u.name, count (c.id) FROM unit u "
                                 "LEFT JOIN candidate c ON c.unit_id = u.id "
                                 "GROUP BY u.id ORDER BY u.name",
                                 error);
  if (stats->by_unit == NULL)
    return NULL;

  stats->by_route = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_count_free);
  stats->by_status = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_count_free);
  {
    g_autoptr(GPtrArray) routes = query_counts (self,
                                                "SELECT route, count (*) FROM candidate "
                                                "GROUP BY route",
                                                error);
    g_autoptr(GPtrArray) statuses = NULL;
    const JpRoute route_order[] = { JP_ROUTE_UNIT, JP_ROUTE_SOCIAL, JP_ROUTE_SELF,
                                    JP_ROUTE_UNKNOWN };
    const JpCandidateStatus status_order[] = { JP_STATUS_SUBMITTED, JP_STATUS_QUALIFIED,
                                               JP_STATUS_RETURNED };

    if (routes == NULL)
      return NULL;
    statuses = query_counts (self, "SELECT status, count (*) FROM candidate GROUP BY status",
                             error);
    if (statuses == NULL)
      return NULL;

    /* Present in the enum's order so reports list them the same way every time. */
    for (guint i = 0; i < G_N_ELEMENTS (route_order); i++)
      move_count (routes, jp_route_to_key (route_order[i]), stats->by_route);
    for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
      move_count (statuses, jp_status_to_key (status_order[i]), stats->by_status);
  }

  return g_steal_pointer (&stats);
}
