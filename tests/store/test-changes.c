/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-changes"

#include "config.h"

#include "store-test-util.h"

/* JpStore::changed: what a person sees on one page follows a change made on another. */

typedef struct {
  char      *dir;
  char      *path;
  JpStore   *store;
  GPtrArray *heard;        /* the details heard, in order */
  gboolean   in_tx;        /* set by a handler when it finds the write still uncommitted */
} Fixture;

static void
on_changed (JpStore    *store,
            const char *what,
            gpointer    user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->heard, g_strdup (what));
  /* "after the commit": the connection is back in autocommit, the row can be read */
  f->in_tx = f->in_tx || !sqlite3_get_autocommit (store->db);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_tmp_dir ();
  f->path = g_build_filename (f->dir, "test.jiangping", NULL);
  f->store = jp_store_create (f->path, NULL, &error);
  g_assert_no_error (error);
  f->heard = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->heard, g_ptr_array_unref);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
heard_count (Fixture    *f,
             const char *what)
{
  guint n = 0;

  for (guint i = 0; i < f->heard->len; i++)
    if (g_str_equal (g_ptr_array_index (f->heard, i), what))
      n++;
  return n;
}

static void
count_one (JpStore    *store,
           const char *what,
           gpointer    user_data)
{
  guint *n = user_data;

  g_assert_cmpstr (what, ==, "trades");
  (*n)++;
}

static void
save_candidate (JpStore    *store,
                const char *name,
                const char *body17)
{
  g_autofree char *idn = test_id_number (body17);
  g_autoptr(JpCandidate) c = test_candidate (name, idn, "单位甲", "稀土");
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_save_candidate (store, c, NULL, "tester", NULL, &error));
  g_assert_no_error (error);
}

/* A saved candidate is announced once, as "candidates" (and "audit", and the unit and trade
 * it created), after its commit, and not as anything it did not change. */
static void
test_write_emits_once (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint trades_heard = 0;

  save_candidate (f->store, "甲", "15020519750505004");
  g_assert_cmpuint (heard_count (f, "candidates"), ==, 1);
  g_assert_cmpuint (heard_count (f, "audit"), ==, 1);
  g_assert_cmpuint (heard_count (f, "rounds"), ==, 0);
  g_assert_cmpuint (heard_count (f, "members"), ==, 0);
  g_assert_false (f->in_tx);

  /* a detailed connection hears only its own kind */
  g_signal_connect (f->store, "changed::trades", G_CALLBACK (count_one), &trades_heard);
  save_candidate (f->store, "乙", "15020519760606005");
  g_assert_cmpuint (trades_heard, ==, 0);
  g_assert_cmpuint (heard_count (f, "candidates"), ==, 2);
  g_assert_cmpint (jp_store_add_trade (f->store, "GF", "光伏", FALSE, "tester", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (trades_heard, ==, 1);
  /* the first save created the trade 稀土 with its candidate, the second found it */
  g_assert_cmpuint (heard_count (f, "trades"), ==, 2);
}

/* A write that fails (and rolls back) announces nothing. */
static void
test_failed_write_emits_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (jp_store_add_trade (f->store, "XT", "稀土", TRUE, "tester", &error), >, 0);
  g_assert_no_error (error);
  g_ptr_array_set_size (f->heard, 0);

  /* the same name again: refused with CONFLICT, nothing written */
  g_assert_cmpint (jp_store_add_trade (f->store, "XX", "稀土", TRUE, "tester", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_assert_cmpuint (f->heard->len, ==, 0);

  /* and the next good write announces only itself */
  save_candidate (f->store, "甲", "15020519750505004");
  g_assert_cmpuint (heard_count (f, "trades"), ==, 0);
  g_assert_cmpuint (heard_count (f, "candidates"), ==, 1);
}

/* A write that fails after some of its audit rows (here the new unit's "unit.add" is written,
 * then the candidate's own row is refused) announces nothing, not even the unit. */
static void
test_failed_late_emits_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *idn = test_id_number ("15020519750505004");
  g_autoptr(JpCandidate) c = test_candidate ("甲", idn, "新单位", "稀土");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (f->store->db,
                                 "CREATE TEMP TRIGGER refuse AFTER INSERT ON main.audit "
                                 "WHEN NEW.action = 'candidate.add' "
                                 "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (jp_store_save_candidate (f->store, c, NULL, "tester", NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (f->heard->len, ==, 0);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 0);
}

/* The writes of a batch are announced once, at its commit; a write that failed inside the
 * batch adds nothing; a batch that does not commit announces nothing. */
static void
test_batch_emits_once (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;

  g_assert_cmpint (jp_store_add_trade (f->store, "XT", "稀土", TRUE, "tester", &error), >, 0);
  g_assert_no_error (error);
  g_ptr_array_set_size (f->heard, 0);

  g_assert_true (jp_store_batch_begin (f->store, &error));
  g_assert_no_error (error);
  save_candidate (f->store, "甲", "15020519750505004");
  save_candidate (f->store, "乙", "15020519760606005");
  save_candidate (f->store, "丙", "15020519770707006");
  g_assert_cmpint (jp_store_add_unit (f->store, "单位乙", FALSE, 0, "tester", &error), >, 0);
  g_assert_no_error (error);
  /* refused inside the batch: its savepoint rolls back alone */
  g_assert_cmpint (jp_store_add_trade (f->store, NULL, "稀土", TRUE, "tester", &refused), ==, 0);
  g_assert_nonnull (refused);
  g_assert_cmpuint (f->heard->len, ==, 0);

  g_assert_true (jp_store_batch_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard_count (f, "candidates"), ==, 1);
  g_assert_cmpuint (heard_count (f, "units"), ==, 1);
  g_assert_cmpuint (heard_count (f, "audit"), ==, 1);
  g_assert_cmpuint (heard_count (f, "trades"), ==, 0);
  g_assert_false (f->in_tx);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 3);
}

typedef struct {
  char    *path;
  JpStore *target;
} WorkerData;

static gpointer
worker_thread (gpointer user_data)
{
  WorkerData *w = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (w->path, &error);

  g_assert_no_error (error);
  jp_store_forward_changes (store, w->target);
  save_candidate (store, "甲", "15020519750505004");
  save_candidate (store, "乙", "15020519760606005");
  return NULL;
}

static gboolean
heard_candidates (gpointer user_data)
{
  return heard_count (user_data, "candidates") > 0;
}

/* A worker's own connection (the import) is heard on the window's store, on the main
 * context, in the main thread, and only there. */
static void
test_worker_delivered_on_main (Fixture       *f,
                               gconstpointer  data)
{
  WorkerData w = { f->path, f->store };
  GThread *thread = g_thread_new ("import", worker_thread, &w);

  g_thread_join (thread);
  /* nothing ran in the worker */
  g_assert_cmpuint (f->heard->len, ==, 0);
  while (!heard_candidates (f))
    g_main_context_iteration (NULL, TRUE);
  /* one announcement per committed write, each after its commit */
  g_assert_cmpuint (heard_count (f, "candidates"), ==, 2);
  g_assert_cmpuint (heard_count (f, "rounds"), ==, 0);
  g_assert_cmpuint (jp_store_count_candidates (f->store), ==, 2);
}

/* Every action the store audits maps to what it changes. */
static void
test_action_details (void)
{
  g_assert_cmpuint (jp_store_changes_for_action ("candidate.add"), ==,
                    JP_STORE_CHANGE_CANDIDATES | JP_STORE_CHANGE_AUDIT);
  g_assert_cmpuint (jp_store_changes_for_action ("round.close"), ==,
                    JP_STORE_CHANGE_ROUNDS | JP_STORE_CHANGE_AUDIT);
  g_assert_cmpuint (jp_store_changes_for_action ("ballot.cast"), ==,
                    JP_STORE_CHANGE_ROUNDS | JP_STORE_CHANGE_AUDIT);
  g_assert_cmpuint (jp_store_changes_for_action ("objection.add"), ==,
                    JP_STORE_CHANGE_PUBLICITY | JP_STORE_CHANGE_AUDIT);
  g_assert_cmpuint (jp_store_changes_for_action ("review.decide"), ==,
                    JP_STORE_CHANGE_REVIEWS | JP_STORE_CHANGE_CANDIDATES |
                    JP_STORE_CHANGE_AUDIT);
  g_assert_cmpuint (jp_store_changes_for_action ("backup.restore"), ==, JP_STORE_CHANGE_ALL);
  g_assert_cmpuint (jp_store_changes_for_action ("redaction.add"), ==,
                    JP_STORE_CHANGE_EVIDENCE | JP_STORE_CHANGE_AUDIT);
  g_assert_cmpuint (jp_store_changes_for_action ("backup.write"), ==, JP_STORE_CHANGE_AUDIT);
  /* "candidates.freeze" is not "candidate.*" read with a longer prefix */
  g_assert_cmpuint (jp_store_changes_for_action ("candidates.freeze") & JP_STORE_CHANGE_TRADES,
                    !=, 0);
  g_assert_cmpstr (jp_store_change_name (JP_STORE_CHANGE_DEFENCE), ==, "defence");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/changes/write-once", test_write_emits_once);
  ADD ("/store/changes/failed-write", test_failed_write_emits_nothing);
  ADD ("/store/changes/failed-late", test_failed_late_emits_nothing);
  ADD ("/store/changes/batch-once", test_batch_emits_once);
  ADD ("/store/changes/worker", test_worker_delivered_on_main);
#undef ADD
  g_test_add_func ("/store/changes/actions", test_action_details);

  return g_test_run ();
}
