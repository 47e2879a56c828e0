/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "store-test-util.h"
#include "jp-store-publicity.h"
#include "jp-holiday-files.h"
#include "jp-store-audit.h"

/* Publicity, the objections register and the sealed final list. */

typedef struct {
  char              *dir;
  JpStore           *store;
  JpHolidayCalendar *calendar;
  gint64             ids[5];   /* candidates XT-01..XT-05 */
} Fixture;

static gint64
local_noon (int year, int month, int day)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (t);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *holidays = NULL;
  const char *top = g_getenv ("JP_SOURCE_DIR") != NULL ? g_getenv ("JP_SOURCE_DIR")
                                                        : JP_SOURCE_DIR;
  const char *names[] = { "张伟", "李娜", "王强", "赵敏", "刘洋" };

  f->dir = test_tmp_dir ();
  path = g_build_filename (f->dir, "e.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  jp_store_set_fixed_time (f->store, local_noon (2024, 2, 7));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031980010100%u", i + 1);
      g_autofree char *id = test_id_number (body);
      g_autoptr(JpCandidate) c = test_candidate (names[i], id, "包钢集团", "稀土");
      g_autofree char *sql = NULL;

      g_assert_true (jp_store_save_candidate (f->store, c, NULL, "test", NULL, &error));
      g_assert_no_error (error);
      f->ids[i] = c->id;
      sql = g_strdup_printf ("UPDATE candidate SET code = 'XT-%02u' WHERE id = %" G_GINT64_FORMAT,
                             i + 1, c->id);
      g_assert_true (jp_store_exec (f->store, sql, &error));
      g_assert_no_error (error);
    }
  holidays = g_build_filename (top, "data", "holidays", NULL);
  f->calendar = jp_holiday_files_load_dir (holidays, &error);
  g_assert_no_error (error);
  g_assert_true (jp_holiday_calendar_has_year (f->calendar, 2024));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->calendar, jp_holiday_calendar_free);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Publicity from 2024-02-08 of XT-01, XT-02, XT-03, approved on 2024-02-06. */
static void
start (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpWorkdays) period = NULL;
  g_autofree char *end = NULL;

  g_assert_true (jp_store_start_publicity_with (f->store, "2024-02-08", "市总工会主席会议",
                                                "2024-02-06", f->ids, 3, NULL, f->calendar,
                                                "chair", &period, &error));
  g_assert_no_error (error);
  end = jp_date_format_iso (&period->end);
  g_assert_cmpstr (end, ==, "2024-02-20");
  jp_store_set_fixed_time (f->store, local_noon (2024, 2, 9));
}

static gint64
add_objection (Fixture    *f,
               const char *code,
               const char *kind,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = jp_store_add_objection (f->store, code, "2024-02-09", "letter", kind, name,
                                      g_strcmp0 (kind, "unit") == 0, "反映其获奖证书有疑问",
                                      "secretary", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Before the ranking is sealed, publicity cannot start: the message names the stage. */
static void
test_needs_sealed_ranking (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPublicity) p = NULL;

  g_assert_false (jp_store_start_publicity (f->store, "2024-02-08", "主席会议", "2024-02-06",
                                            f->calendar, "chair", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "sealed"));
  g_assert_nonnull (strstr (error->message, "综合考量"));
  p = jp_store_get_publicity (f->store, NULL);
  g_assert_false (p->started);
}

static void
test_start (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPublicity) p = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  JpAuditEntry *last;

  /* an approval dated after the start is refused, and so is a blank approver */
  g_assert_false (jp_store_start_publicity_with (f->store, "2024-02-08", "主席会议",
                                                 "2024-02-09", f->ids, 3, NULL, f->calendar,
                                                 "chair", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_store_start_publicity_with (f->store, "2024-02-08", "  ", "2024-02-06",
                                                 f->ids, 3, NULL, f->calendar, "chair", NULL,
                                                 &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_get_stage_locks (f->store) & JP_STAGE_LOCK_PUBLICITY_STARTED, ==, 0);

  start (f);
  p = jp_store_get_publicity (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (p->started);
  g_assert_false (p->closed);
  g_assert_cmpstr (p->start, ==, "2024-02-08");
  g_assert_cmpstr (p->end, ==, "2024-02-20");
  g_assert_cmpuint (p->working_days, ==, 5);
  g_assert_cmpstr (p->approved_by, ==, "市总工会主席会议");
  g_assert_cmpstr (p->approved_at, ==, "2024-02-06");
  g_assert_cmpuint (p->candidates->len, ==, 3);
  g_assert_cmpstr (((JpPublicityCandidate *) p->candidates->pdata[0])->code, ==, "XT-01");
  g_assert_cmpstr (((JpPublicityCandidate *) p->candidates->pdata[2])->name, ==, "王强");
  g_assert_cmpint (jp_store_get_stage_locks (f->store) & JP_STAGE_LOCK_PUBLICITY_STARTED, !=, 0);

  audit = jp_store_list_audit (f->store, &error);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "publicity.start");
  g_assert_nonnull (strstr (last->payload, "2024-02-20"));

  /* once only */
  g_assert_false (jp_store_start_publicity_with (f->store, "2024-02-19", "主席会议", NULL,
                                                 f->ids, 3, NULL, f->calendar, "chair", NULL,
                                                 &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
}

/* The period from the setting (5 working days) and an override; nothing is written. */
static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpWorkdays) five = jp_store_publicity_dates (f->store, "2024-02-08", 0, f->calendar,
                                                         &error);
  g_autoptr(JpWorkdays) three = jp_store_publicity_dates (f->store, "2024-02-08", 3,
                                                          f->calendar, &error);
  g_autoptr(JpWorkdays) bad = NULL;
  g_autofree char *a = jp_date_format_iso (&five->end);
  g_autofree char *b = jp_date_format_iso (&three->end);
  gint64 audit = test_query_int (f->store, "SELECT count(*) FROM audit");

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "2024-02-20");
  g_assert_cmpstr (b, ==, "2024-02-18");
  bad = jp_store_publicity_dates (f->store, "2024-02-30", 0, f->calendar, &error);
  g_assert_null (bad);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_cmpint (test_query_int (f->store, "SELECT count(*) FROM audit"), ==, audit);
  g_assert_cmpint (test_query_int (f->store, "SELECT count(*) FROM publicity"), ==, 0);
}

/* An upheld objection disqualifies its candidate and nobody moves up; a rejected one leaves
 * the candidate on the list; an anonymous one is logged as anonymous. */
static void
test_upheld_disqualifies (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(JpFinalList) list = NULL;
  g_autoptr(JpPublicity) p = NULL;
  g_autofree char *text = NULL;
  gint64 by_unit, by_person, anonymous;
  JpObjection *o;

  start (f);
  by_unit = add_objection (f, "XT-02", "unit", "北方重工工会");
  by_person = add_objection (f, "xt-01", "person", "张三");
  anonymous = add_objection (f, "XT-03", "anonymous", NULL);

  g_assert_true (jp_store_decide_objection (f->store, by_unit, "upheld", "经核实，证书系伪造",
                                            "纪检组", "chair", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_decide_objection (f->store, by_person, "rejected", "经核实，证书真实",
                                            "纪检组", "chair", &error));
  g_assert_no_error (error);
  /* a decision is final */
  g_assert_false (jp_store_decide_objection (f->store, by_unit, "rejected", "改判", "纪检组",
                                             "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  objections = jp_store_list_objections (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objections->len, ==, 3);
  o = g_ptr_array_index (objections, 0);
  g_assert_cmpstr (o->code, ==, "XT-02");
  g_assert_cmpstr (o->outcome, ==, "upheld");
  g_assert_true (o->sealed);
  g_assert_cmpstr (o->from_name, ==, "北方重工工会");
  o = g_ptr_array_index (objections, 2);
  g_assert_cmpstr (o->from_kind, ==, "anonymous");
  g_assert_null (o->from_name);
  g_assert_null (o->outcome);
  g_assert_cmpint (anonymous, ==, o->id);

  p = jp_store_get_publicity (f->store, &error);
  g_assert_cmpint (((JpPublicityCandidate *) p->candidates->pdata[1])->objection_id, ==, by_unit);
  g_assert_cmpint (((JpPublicityCandidate *) p->candidates->pdata[0])->objection_id, ==, 0);
  g_assert_cmpuint (p->candidates->len, ==, 3);   /* XT-04 did not move up */

  list = jp_store_get_final_list (f->store, &error);
  g_assert_no_error (error);
  text = jp_final_list_canonical (list);
  g_assert_nonnull (strstr (text, "\"disqualified\":[{\"code\":\"XT-02\",\"name\":\"李娜\","));
  g_assert_nonnull (strstr (text, "{\"code\":\"XT-03\",\"name\":\"王强\",\"place\":2,"));
  g_assert_null (strstr (text, "XT-04"));
}

static void
test_objection_refused (Fixture       *f,
                        gconstpointer  data)
{
  struct {
    const char *code, *received, *channel, *kind, *name;
    gboolean sealed;
    const char *content;
    int code_expected;
  } cases[] = {
    { "XT-01", "2024-02-09", "email", "person", "张三", FALSE, "x", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024-02-09", "phone", "anonymous", "张三", FALSE, "x", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024-02-09", "phone", "person", " ", FALSE, "x", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024-02-09", "phone", "person", "张三", TRUE, "x", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024-02-09", "phone", "person", "张三", FALSE, "  ", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024-02-07", "phone", "person", "张三", FALSE, "x", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024-02-10", "phone", "person", "张三", FALSE, "x", JP_STORE_ERROR_INVALID },
    { "XT-01", "2024/02/09", "phone", "person", "张三", FALSE, "x", JP_STORE_ERROR_INVALID },
    { "XT-04", "2024-02-09", "phone", "person", "张三", FALSE, "x", JP_STORE_ERROR_NOT_FOUND },
  };
  g_autoptr(GError) error = NULL;

  /* before the start */
  g_assert_cmpint (jp_store_add_objection (f->store, "XT-01", "2024-02-07", "phone", "person",
                                           "张三", FALSE, "x", "s", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  start (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = jp_store_add_objection (f->store, cases[i].code, cases[i].received,
                                          cases[i].channel, cases[i].kind, cases[i].name,
                                          cases[i].sealed, cases[i].content, "s", &error);

      if (id != 0 || !g_error_matches (error, JP_STORE_ERROR, cases[i].code_expected))
        g_error ("case %u: id %" G_GINT64_FORMAT ", %s", i, id,
                 error != NULL ? error->message : "no error");
      g_clear_error (&error);
    }
  g_assert_cmpint (test_query_int (f->store, "SELECT count(*) FROM objection"), ==, 0);
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpFinalList) sealed = NULL;
  g_autoptr(JpFinalList) again = NULL;
  g_autoptr(JpPublicity) p = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *recomputed = NULL;
  gint64 objection;

  start (f);
  objection = add_objection (f, "XT-03", "person", "张三");

  /* not before the day after the end */
  jp_store_set_fixed_time (f->store, local_noon (2024, 2, 20));
  g_assert_null (jp_store_close_publicity (f->store, "chair", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "2024-02-20"));
  g_clear_error (&error);

  /* not with an objection undecided */
  jp_store_set_fixed_time (f->store, local_noon (2024, 2, 21));
  g_assert_null (jp_store_close_publicity (f->store, "chair", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_true (jp_store_decide_objection (f->store, objection, "upheld", "属实", "纪检组",
                                            "chair", &error));
  sealed = jp_store_close_publicity (f->store, "chair", &digest, &error);
  g_assert_no_error (error);
  recomputed = jp_final_list_digest (sealed);
  g_assert_cmpstr (digest, ==, recomputed);
  g_assert_cmpuint (strlen (digest), ==, 64);

  p = jp_store_get_publicity (f->store, &error);
  g_assert_true (p->closed);
  g_assert_cmpstr (p->final_digest, ==, digest);
  again = jp_store_get_final_list (f->store, &error);
  g_assert_no_error (error);

  /* closed: nothing changes any more */
  g_assert_null (jp_store_close_publicity (f->store, "chair", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_objection (f->store, "XT-01", "2024-02-21", "phone", "person",
                                           "张三", FALSE, "x", "s", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (jp_store_exec (f->store,
                                 "UPDATE publicity_candidate SET objection_id = NULL", &error));
  g_clear_error (&error);

  /* a change to a listed candidate's record after the close breaks the seal, and is named */
  g_assert_true (jp_store_exec (f->store, "UPDATE candidate SET name = '张卫' WHERE code = 'XT-01'",
                                &error));
  g_clear_pointer (&again, jp_final_list_free);
  again = jp_store_get_final_list (f->store, &error);
  g_assert_null (again);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, digest));
}

/* Nobody moves up without the chair's recorded decision, and only into a freed place. */
static void
test_chair_adds (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPublicity) p = NULL;
  g_autoptr(JpFinalList) list = NULL;
  g_autofree char *text = NULL;
  gint64 objection;

  start (f);
  g_assert_false (jp_store_publicity_add_candidate (f->store, "XT-04", "递补", "主席会议",
                                                    "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  objection = add_objection (f, "XT-02", "unit", "北方重工工会");
  g_assert_true (jp_store_decide_objection (f->store, objection, "upheld", "属实", "纪检组",
                                            "chair", &error));
  g_assert_false (jp_store_publicity_add_candidate (f->store, "XT-04", " ", "主席会议",
                                                    "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_store_publicity_add_candidate (f->store, "XT-01", "递补", "主席会议",
                                                    "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (jp_store_publicity_add_candidate (f->store, "XT-04", "主席会议决定依次递补",
                                                   "主席会议", "chair", &error));
  g_assert_no_error (error);

  p = jp_store_get_publicity (f->store, &error);
  g_assert_cmpuint (p->candidates->len, ==, 4);
  g_assert_true (((JpPublicityCandidate *) p->candidates->pdata[3])->by_chair);
  g_assert_cmpstr (((JpPublicityCandidate *) p->candidates->pdata[3])->reason, ==,
                   "主席会议决定依次递补");
  list = jp_store_get_final_list (f->store, &error);
  text = jp_final_list_canonical (list);
  g_assert_nonnull (strstr (text, "{\"code\":\"XT-04\",\"name\":\"赵敏\",\"place\":3,"
                                  "\"source\":\"chair\""));
}

/* The names of the backups in the election's backup folder. */
static GPtrArray *
backup_names (Fixture *f)
{
  g_autofree char *dir = jp_store_backup_dir (f->store);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

static gboolean
has_backup (GPtrArray  *names,
            const char *reason)
{
  g_autofree char *suffix = g_strdup_printf ("-%s.jiangping", reason);

  for (guint i = 0; i < names->len; i++)
    if (g_str_has_suffix (names->pdata[i], suffix))
      return TRUE;
  return FALSE;
}

/* Publicity started and closed are stage changes: each writes a backup. */
static void
test_stage_backups (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) started = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(JpFinalList) list = NULL;

  jp_store_set_auto_backup (f->store, 5);
  before = backup_names (f);
  g_assert_cmpuint (before->len, ==, 0);
  start (f);
  started = backup_names (f);
  g_assert_cmpuint (started->len, ==, 1);
  g_assert_true (has_backup (started, "publicity-started"));

  jp_store_set_fixed_time (f->store, local_noon (2024, 2, 21));
  list = jp_store_close_publicity (f->store, "chair", NULL, &error);
  g_assert_no_error (error);
  closed = backup_names (f);
  g_assert_cmpuint (closed->len, ==, 2);
  g_assert_true (has_backup (closed, "publicity-closed"));
}

static void
on_backup_failed (JpStore    *store,
                  const char *message,
                  gpointer    user_data)
{
  g_free (*(char **) user_data);
  *(char **) user_data = g_strdup (message);
}

/* A backup that cannot be written (its folder's name taken by a file) is told to whoever
 * shows the election, naming the file; the stage change itself stands. */
static void
test_backup_failed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jp_store_backup_dir (f->store);
  g_autofree char *message = NULL;
  g_autoptr(JpPublicity) p = NULL;

  g_file_set_contents (dir, "not a folder", -1, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "backup-failed", G_CALLBACK (on_backup_failed), &message);
  jp_store_set_auto_backup (f->store, 5);
  start (f);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "e.jiangping"));
  g_assert_nonnull (strstr (message, dir));
  p = jp_store_get_publicity (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (p->started);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/publicity/needs-sealed-ranking", test_needs_sealed_ranking);
  ADD ("/store/publicity/start", test_start);
  ADD ("/store/publicity/dates", test_dates);
  ADD ("/store/publicity/upheld-disqualifies", test_upheld_disqualifies);
  ADD ("/store/publicity/objection-refused", test_objection_refused);
  ADD ("/store/publicity/close", test_close);
  ADD ("/store/publicity/chair-adds", test_chair_adds);
  ADD ("/store/publicity/stage-backups", test_stage_backups);
  ADD ("/store/publicity/backup-failed", test_backup_failed);
#undef ADD
  return g_test_run ();
}
