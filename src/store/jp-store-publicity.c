/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-store-private.h"
#include "jp-store-console.h"
#include "jp-store-publicity.h"
#include "jp-holiday-files.h"
#include "jp-store-ranking.h"
#include "jp-store-publicity-private.h"

/* Publicity (公示): its period, its start, its close and the final list (RULES.md
 * "Publicity"). The objections register is in jp-store-objections.c. */


void
jp_publicity_candidate_free (JpPublicityCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c->name);
  g_free (c->unit);
  g_free (c->trade);
  g_free (c->reason);
  g_free (c->decided_by);
  g_free (c);
}

void
jp_publicity_free (JpPublicity *p)
{
  if (p == NULL)
    return;
  g_free (p->start);
  g_free (p->end);
  g_clear_pointer (&p->missing_years, g_array_unref);
  g_free (p->ranking_digest);
  g_free (p->approved_by);
  g_free (p->approved_at);
  g_free (p->started_by);
  g_free (p->closed_by);
  g_free (p->final_digest);
  g_clear_pointer (&p->candidates, g_ptr_array_unref);
  g_free (p);
}

const char *
jp_publicity_actor (const char *actor)
{
  return actor != NULL && *actor != '\0' ? actor : "system";
}

/* Today by the store's clock, in local time. */
void
jp_publicity_today (JpStore *self,
             GDate   *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (jp_store_now (self));

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
jp_publicity_parse_date (const char  *text,
                const char  *what,
                GDate       *date,
                GError     **error)
{
  if (jp_date_parse_iso (text, date))
    return TRUE;
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
               _("The %s “%s” is not a date; write it as YYYY-MM-DD."), what,
               text != NULL ? text : "");
  return FALSE;
}

/* A trimmed copy, NULL when blank. */
char *
jp_publicity_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static char *
missing_years_text (GArray *years)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; years != NULL && i < years->len; i++)
    g_string_append_printf (out, "%s%d", i > 0 ? " " : "", g_array_index (years, int, i));
  return g_string_free (out, FALSE);
}

JpWorkdays *
jp_store_publicity_dates (JpStore                  *self,
                          const char               *start,
                          guint                     days,
                          const JpHolidayCalendar  *calendar,
                          GError                  **error)
{
  g_autoptr(GError) core_error = NULL;
  g_autoptr(JpHolidayCalendar) loaded = NULL;
  JpWorkdays *result;
  GDate date;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!jp_publicity_parse_date (start, _("start date"), &date, error))
    return NULL;
  if (days == 0)
    {
      g_autoptr(JpSettings) settings = jp_store_get_settings (self);

      days = settings->publicity_days;
    }
  if (calendar == NULL)
    {
      loaded = jp_holiday_files_load (error);
      if (loaded == NULL)
        return NULL;
      calendar = loaded;
    }
  result = jp_workdays_count (calendar, &date, days, &core_error);
  if (result == NULL)
    jp_store_take_core_error (error, JP_STORE_ERROR_INVALID, g_steal_pointer (&core_error));
  return result;
}

/* The stored publicity row's closed state: -1 on error, 0 none, 1 open, 2 closed. */
static int
publicity_state (JpStore  *self,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                   "SELECT closed_at FROM publicity", error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      return -1;
    }
  return sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 1 : 2;
}

/* FALSE with LOCKED unless publicity is running (started, not closed). */
gboolean
jp_publicity_require_running (JpStore  *self,
                 GError  **error)
{
  int state = publicity_state (self, error);

  if (state < 0)
    return FALSE;
  if (state == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Publicity (公示) has not started in “%s”; the chair starts it after the "
                     "chair's meeting approves the list."), self->path);
      return FALSE;
    }
  if (state == 2)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Publicity (公示) in “%s” is closed and its final list sealed; nothing of "
                     "it can change."), self->path);
      return FALSE;
    }
  return TRUE;
}

/* The candidate id of each code, in order. */
static GArray *
ids_of_codes (JpStore    *self,
              GPtrArray  *codes,
              GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                   "SELECT id FROM candidate WHERE code = ?",
                                                   error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      gint64 id;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                       _("The ranking names %s, but “%s” has no candidate with that code."),
                       code, self->path);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          jp_store_set_error (self, rc, error);
          return NULL;
        }
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

gboolean
jp_store_start_publicity (JpStore                  *self,
                          const char               *start,
                          const char               *approved_by,
                          const char               *approved_at,
                          const JpHolidayCalendar  *calendar,
                          const char               *actor,
                          JpWorkdays              **workdays,
                          GError                  **error)
{
  g_autofree char *digest = NULL;
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (workdays != NULL)
    *workdays = NULL;
  /* Publicity follows stage 7: the composite ranking sealed, its recommended list approved
   * by the chair's meeting. */
  if (!jp_store_ranking_is_sealed (self, &digest, NULL))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Publicity (公示) starts from the sealed composite ranking's recommended "
                     "list (stage 7, 综合考量); “%s” has no sealed ranking yet. Seal the "
                     "ranking first."), self->path);
      return FALSE;
    }
  /* recomputed from the stored stages and checked against the seal */
  ranking = jp_store_compute_ranking (self, error);
  if (ranking == NULL)
    return FALSE;
  for (guint i = 0; i < ranking->candidates->len; i++)
    {
      JpRankedCandidate *c = g_ptr_array_index (ranking->candidates, i);

      if (c->recommended)
        g_ptr_array_add (codes, c->code);
    }
  ids = ids_of_codes (self, codes, error);
  if (ids == NULL)
    return FALSE;
  return jp_store_start_publicity_with (self, start, approved_by, approved_at,
                                        (const gint64 *) ids->data, ids->len, digest, calendar,
                                        actor, workdays, error);
}

gboolean
jp_store_start_publicity_with (JpStore                  *self,
                               const char               *start,
                               const char               *approved_by,
                               const char               *approved_at,
                               const gint64             *candidate_ids,
                               guint                     n_candidates,
                               const char               *ranking_digest,
                               const JpHolidayCalendar  *calendar,
                               const char               *actor,
                               JpWorkdays              **workdays,
                               GError                  **error)
{
  g_autoptr(JpWorkdays) period = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *approver = jp_publicity_trimmed (approved_by);
  g_autofree char *approval = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *missing = NULL;
  GDate start_date, approval_date;
  int state;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (candidate_ids != NULL || n_candidates == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (workdays != NULL)
    *workdays = NULL;
  if (!jp_publicity_parse_date (start, _("start date"), &start_date, error))
    return FALSE;
  if (approver == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("Say who approved the list: the chair's meeting (主席会议) that "
                             "approved it, e.g. its chair."));
      return FALSE;
    }
  if (approved_at != NULL)
    {
      if (!jp_publicity_parse_date (approved_at, _("approval date"), &approval_date, error))
        return FALSE;
    }
  else
    jp_publicity_today (self, &approval_date);
  approval = jp_date_format_iso (&approval_date);
  start_iso = jp_date_format_iso (&start_date);
  if (g_date_compare (&approval_date, &start_date) > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The chair's meeting approved the list on %s, after the start of "
                     "publicity on %s; give the date of the meeting (--approved-at)."),
                   approval, start_iso);
      return FALSE;
    }
  if (n_candidates == 0)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("The recommended list is empty: there is nobody to publicize."));
      return FALSE;
    }

  period = jp_store_publicity_dates (self, start_iso, 0, calendar, error);
  if (period == NULL)
    return FALSE;
  end = jp_date_format_iso (&period->end);
  missing = missing_years_text (period->missing_years);

  if (!jp_store_begin (self, error))
    return FALSE;
  state = publicity_state (self, error);
  if (state < 0)
    goto fail;
  if (state > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Publicity (公示) has already started in “%s”."), self->path);
      goto fail;
    }
  stmt = jp_store_prepare (self,
                           "INSERT INTO publicity (id, start_date, end_date, working_days, "
                           "  missing_years, ranking_digest, approved_by, approved_at, "
                           "  started_by, started_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, start_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) period->days->len);
  sqlite3_bind_text (stmt, 4, missing, -1, SQLITE_TRANSIENT);
  jp_store_bind_text (stmt, 5, ranking_digest);
  sqlite3_bind_text (stmt, 6, approver, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, approval, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, jp_publicity_actor (actor), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "INSERT INTO publicity_candidate (candidate_id, position) "
                           "SELECT id, ? FROM candidate WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_candidates; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_int64 (stmt, 2, candidate_ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_CONSTRAINT)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("Candidate %lld is twice on the list."),
                       (long long) candidate_ids[i]);
          goto fail;
        }
      if (rc != SQLITE_DONE)
        {
          jp_store_set_error (self, rc, error);
          goto fail;
        }
      if (sqlite3_changes (self->db) != 1)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                       _("There is no candidate %lld in “%s”."),
                       (long long) candidate_ids[i], self->path);
          goto fail;
        }
    }

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "start");
  json_builder_add_string_value (payload, start_iso);
  json_builder_set_member_name (payload, "end");
  json_builder_add_string_value (payload, end);
  json_builder_set_member_name (payload, "working_days");
  json_builder_add_int_value (payload, period->days->len);
  json_builder_set_member_name (payload, "missing_years");
  json_builder_add_string_value (payload, missing);
  json_builder_set_member_name (payload, "approved_by");
  json_builder_add_string_value (payload, approver);
  json_builder_set_member_name (payload, "approved_at");
  json_builder_add_string_value (payload, approval);
  json_builder_set_member_name (payload, "ranking_digest");
  if (ranking_digest != NULL)
    json_builder_add_string_value (payload, ranking_digest);
  else
    json_builder_add_null_value (payload);
  json_builder_set_member_name (payload, "candidates");
  json_builder_begin_array (payload);
  for (guint i = 0; i < n_candidates; i++)
    json_builder_add_int_value (payload, candidate_ids[i]);
  json_builder_end_array (payload);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "publicity.start", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  jp_store_stage_changed (self, "publicity-started");
  if (workdays != NULL)
    *workdays = g_steal_pointer (&period);
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

static GArray *
parse_missing_years (const char *text)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      {
        int y = (int) g_ascii_strtoll (parts[i], NULL, 10);

        g_array_append_val (years, y);
      }
  return years;
}

static GPtrArray *
load_candidates (JpStore  *self,
                 GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jp_store_prepare (self,
                           "SELECT p.candidate_id, p.position, c.code, c.name, u.name, "
                           "  COALESCE (t.code, t.name), p.source, p.reason, p.decided_by, "
                           "  p.decided_at, p.objection_id "
                           "FROM publicity_candidate p JOIN candidate c ON c.id = p.candidate_id "
                           "LEFT JOIN unit u ON u.id = c.unit_id "
                           "LEFT JOIN trade t ON t.id = c.trade_id "
                           "ORDER BY p.position", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_publicity_candidate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpPublicityCandidate *c = g_new0 (JpPublicityCandidate, 1);

      c->candidate_id = sqlite3_column_int64 (stmt, 0);
      c->position = (guint) sqlite3_column_int (stmt, 1);
      c->code = jp_store_column_dup (stmt, 2);
      c->name = jp_store_column_dup (stmt, 3);
      c->unit = jp_store_column_dup (stmt, 4);
      c->trade = jp_store_column_dup (stmt, 5);
      c->by_chair = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "chair") == 0;
      c->reason = jp_store_column_dup (stmt, 7);
      c->decided_by = jp_store_column_dup (stmt, 8);
      c->decided_at = sqlite3_column_int64 (stmt, 9);
      c->objection_id = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

JpPublicity *
jp_store_get_publicity (JpStore  *self,
                        GError  **error)
{
  g_autoptr(JpPublicity) p = g_new0 (JpPublicity, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = jp_store_prepare (self,
                           "SELECT start_date, end_date, working_days, missing_years, "
                           "  ranking_digest, approved_by, approved_at, started_by, started_at, "
                           "  closed_by, closed_at, final_digest FROM publicity", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      p->started = TRUE;
      p->start = jp_store_column_dup (stmt, 0);
      p->end = jp_store_column_dup (stmt, 1);
      p->working_days = (guint) sqlite3_column_int (stmt, 2);
      p->missing_years = parse_missing_years ((const char *) sqlite3_column_text (stmt, 3));
      p->ranking_digest = jp_store_column_dup (stmt, 4);
      p->approved_by = jp_store_column_dup (stmt, 5);
      p->approved_at = jp_store_column_dup (stmt, 6);
      p->started_by = jp_store_column_dup (stmt, 7);
      p->started_at = sqlite3_column_int64 (stmt, 8);
      p->closed_by = jp_store_column_dup (stmt, 9);
      p->closed = sqlite3_column_type (stmt, 10) != SQLITE_NULL;
      p->closed_at = sqlite3_column_int64 (stmt, 10);
      p->final_digest = jp_store_column_dup (stmt, 11);
    }
  else if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  else
    p->missing_years = g_array_new (FALSE, FALSE, sizeof (int));
  p->candidates = load_candidates (self, error);
  if (p->candidates == NULL)
    return NULL;
  return g_steal_pointer (&p);
}

/* The publicity period's first and last day. */
gboolean
jp_publicity_period_dates (JpStore  *self,
              GDate    *start,
              GDate    *end,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = jp_store_prepare (self,
                                                   "SELECT start_date, end_date FROM publicity",
                                                   error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
  if (!jp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), start)
      || !jp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1), end))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("The publicity dates stored in “%s” are damaged."), self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
jp_store_publicity_add_candidate (JpStore     *self,
                                  const char  *code,
                                  const char  *reason,
                                  const char  *decided_by,
                                  const char  *actor,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *why = jp_publicity_trimmed (reason);
  g_autofree char *who = jp_publicity_trimmed (decided_by);
  gint64 candidate_id, disqualified = 0;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (why == NULL || who == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                           _("The chair's decision to put a candidate on the list needs its "
                             "written reason and who decided."));
      return FALSE;
    }
  if (!jp_store_begin (self, error))
    return FALSE;
  if (!jp_publicity_require_running (self, error))
    goto fail;
  stmt = jp_store_prepare (self,
                           "SELECT count(*) FROM publicity_candidate WHERE objection_id IS NOT NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  disqualified = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (disqualified == 0)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                           _("Nobody on the list is disqualified: there is no place for another "
                             "candidate."));
      goto fail;
    }

  stmt = jp_store_prepare (self,
                           "SELECT c.id, p.candidate_id FROM candidate c "
                           "LEFT JOIN publicity_candidate p ON p.candidate_id = c.id "
                           "WHERE c.code = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    goto fail;
  jp_store_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   _("There is no candidate %s in “%s”."), code != NULL ? code : "", self->path);
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT,
                   _("%s is already on the publicized list."), code);
      goto fail;
    }
  candidate_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jp_store_prepare (self,
                           "INSERT INTO publicity_candidate (candidate_id, position, source, "
                           "  reason, decided_by, decided_at) "
                           "SELECT ?, COALESCE (max (position), 0) + 1, 'chair', ?, ?, ? "
                           "FROM publicity_candidate", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  sqlite3_bind_text (stmt, 2, why, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, jp_store_now (self));
  if (!jp_store_step_done (self, stmt, error))
    goto fail;

  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "candidate_id");
  json_builder_add_int_value (payload, candidate_id);
  json_builder_set_member_name (payload, "reason");
  json_builder_add_string_value (payload, why);
  json_builder_set_member_name (payload, "decided_by");
  json_builder_add_string_value (payload, who);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "publicity.add-candidate", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  jp_store_rollback (self);
  return FALSE;
}

/* The final list from the stored publicity (started). */
static JpFinalList *
build_final_list (JpStore  *self,
                  GError  **error)
{
  g_autoptr(JpPublicity) p = jp_store_get_publicity (self, error);
  g_autoptr(JpElection) election = NULL;
  g_autoptr(JpFinalList) list = NULL;

  if (p == NULL)
    return NULL;
  if (!p->started)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Publicity (公示) has not started in “%s”; there is no list yet."),
                   self->path);
      return NULL;
    }
  election = jp_store_get_election (self);
  list = jp_final_list_new ();
  list->election = g_strdup (election->title);
  list->start = g_strdup (p->start);
  list->end = g_strdup (p->end);
  list->working_days = p->working_days;
  list->approved_by = g_strdup (p->approved_by);
  list->approved_at = g_strdup (p->approved_at);
  list->ranking_digest = g_strdup (p->ranking_digest);
  for (guint i = 0; i < p->candidates->len; i++)
    {
      JpPublicityCandidate *c = g_ptr_array_index (p->candidates, i);
      JpFinalEntry *e = g_new0 (JpFinalEntry, 1);

      e->code = g_strdup (c->code);
      e->name = g_strdup (c->name);
      e->unit = g_strdup (c->unit);
      e->trade = g_strdup (c->trade);
      e->by_chair = c->by_chair;
      e->objection_id = c->objection_id;
      g_ptr_array_add (list->entries, e);
    }
  return g_steal_pointer (&list);
}

JpFinalList *
jp_store_get_final_list (JpStore  *self,
                         GError  **error)
{
  g_autoptr(JpFinalList) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *digest = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = build_final_list (self, error);
  if (list == NULL)
    return NULL;
  stmt = jp_store_prepare (self, "SELECT final_digest FROM publicity", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      jp_store_set_error (self, rc, error);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      g_autofree char *recomputed = jp_final_list_digest (list);

      digest = jp_store_column_dup (stmt, 0);
      if (g_strcmp0 (digest, recomputed) != 0)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("The final list in “%s” does not match its seal: sealed %s, "
                         "recomputed %s. The file was changed after publicity closed."),
                       self->path, digest, recomputed);
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

JpFinalList *
jp_store_close_publicity (JpStore     *self,
                          const char  *actor,
                          char       **digest,
                          GError     **error)
{
  g_autoptr(JpFinalList) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;
  GDate start, end, today;
  guint final = 0;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (digest != NULL)
    *digest = NULL;
  if (!jp_store_begin (self, error))
    return NULL;
  if (!jp_publicity_require_running (self, error) || !jp_publicity_period_dates (self, &start, &end, error))
    goto fail;
  jp_publicity_today (self, &today);
  if (g_date_compare (&today, &end) <= 0)
    {
      g_autofree char *last = jp_date_format_iso (&end);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Publicity runs until %s inclusive; it can be closed from the day after."),
                   last);
      goto fail;
    }
  stmt = jp_store_prepare (self, "SELECT id FROM objection WHERE outcome IS NULL ORDER BY id",
                           error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (pending, "%s%" G_GINT64_FORMAT, pending->len > 0 ? ", " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      jp_store_set_error (self, rc, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (pending->len > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("Objections not yet decided: %s. Decide every objection before closing "
                     "publicity."), pending->str);
      goto fail;
    }

  list = build_final_list (self, error);
  if (list == NULL)
    goto fail;
  text = jp_final_list_canonical (list);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  stmt = jp_store_prepare (self,
                           "UPDATE publicity SET closed_by = ?, closed_at = ?, final_digest = ?, "
                           "  final_text = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, jp_publicity_actor (actor), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, jp_store_now (self));
  sqlite3_bind_text (stmt, 3, sum, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  if (!jp_store_step_done (self, stmt, error))
    goto fail;

  for (guint i = 0; i < list->entries->len; i++)
    if (((JpFinalEntry *) list->entries->pdata[i])->objection_id <= 0)
      final++;
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "digest");
  json_builder_add_string_value (payload, sum);
  json_builder_set_member_name (payload, "final");
  json_builder_add_int_value (payload, final);
  json_builder_set_member_name (payload, "disqualified");
  json_builder_add_int_value (payload, list->entries->len - final);
  json_builder_end_object (payload);
  if (!jp_store_audit (self, actor, "publicity.close", payload, error)
      || !jp_store_commit (self, error))
    goto fail;
  jp_store_stage_changed (self, "publicity-closed");
  if (digest != NULL)
    *digest = g_steal_pointer (&sum);
  return g_steal_pointer (&list);

fail:
  jp_store_rollback (self);
  return NULL;
}

gboolean
jp_store_final_list_recompute (JpStore  *self,
                               char    **recomputed,
                               char    **stored,
                               GError  **error)
{
  g_autoptr(JpFinalList) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);

  *recomputed = NULL;
  *stored = NULL;
  stmt = jp_store_prepare (self, "SELECT final_digest FROM publicity", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return jp_store_set_error (self, rc, error);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return TRUE;
  *stored = jp_store_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  list = build_final_list (self, error);
  if (list == NULL)
    {
      g_clear_pointer (stored, g_free);
      return FALSE;
    }
  *recomputed = jp_final_list_digest (list);
  return TRUE;
}
