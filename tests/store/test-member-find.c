/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-member-find"

#include "config.h"

#include "store-test-util.h"

/* jp_store_find_member: one member by code, as a station login looks it up. */

typedef struct {
  char    *dir;
  JpStore *store;
} Fixture;

static void
add_member (JpStore            *store,
            const char         *code,
            const char         *name,
            JpMemberRole        role,
            const char * const *trades)
{
  g_autoptr(GError) error = NULL;
  JpMember m = { 0 };

  m.code = (char *) code;
  m.name = (char *) name;
  m.unit = (char *) "包头市总工会";
  m.role = role;
  m.trades = (GStrv) trades;
  g_assert_cmpint (jp_store_add_member (store, &m, "tester", &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *trades[] = { "XT", "光伏", NULL };

  f->dir = test_tmp_dir ();
  path = g_build_filename (f->dir, "test.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  jp_store_add_trade (f->store, "XT", "电工", TRUE, "tester", &error);
  g_assert_no_error (error);
  jp_store_add_trade (f->store, NULL, "光伏", TRUE, "tester", &error);
  g_assert_no_error (error);
  add_member (f->store, "M01", "陈评委", JP_MEMBER_ROLE_MEMBER, NULL);
  add_member (f->store, "M02", "刘评委", JP_MEMBER_ROLE_CHAIR, trades);
  add_member (f->store, "M03", "王评委", JP_MEMBER_ROLE_MEMBER, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_found (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMember) m = NULL;

  g_assert_true (jp_store_find_member (f->store, "M02", &m, &error));
  g_assert_no_error (error);
  g_assert_nonnull (m);
  g_assert_cmpint (m->id, >, 0);
  g_assert_cmpstr (m->code, ==, "M02");
  g_assert_cmpstr (m->name, ==, "刘评委");
  g_assert_cmpstr (m->unit, ==, "包头市总工会");
  g_assert_cmpint (m->role, ==, JP_MEMBER_ROLE_CHAIR);
  /* the same trades, in the same order, as the member list gives */
  g_assert_cmpuint (g_strv_length (m->trades), ==, 2);
  g_assert_cmpstr (m->trades[0], ==, "XT");
  g_assert_cmpstr (m->trades[1], ==, "光伏");
}

/* The lookup gives what the list gives for every member. */
static void
test_same_as_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = jp_store_list_members (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  for (guint i = 0; i < members->len; i++)
    {
      const JpMember *listed = members->pdata[i];
      g_autoptr(JpMember) m = NULL;

      g_assert_true (jp_store_find_member (f->store, listed->code, &m, &error));
      g_assert_no_error (error);
      g_assert_nonnull (m);
      g_assert_cmpint (m->id, ==, listed->id);
      g_assert_cmpstr (m->name, ==, listed->name);
      g_assert_cmpint (m->role, ==, listed->role);
      g_assert_cmpstrv (m->trades, listed->trades);
    }
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JpMember *m = (JpMember *) 0x1;

  g_assert_true (jp_store_find_member (f->store, "M99", &m, &error));
  g_assert_no_error (error);
  g_assert_null (m);

  m = (JpMember *) 0x1;
  g_assert_true (jp_store_find_member (f->store, "", &m, &error));
  g_assert_no_error (error);
  g_assert_null (m);

  /* a prefix is not a code */
  m = (JpMember *) 0x1;
  g_assert_true (jp_store_find_member (f->store, "M0", &m, &error));
  g_assert_no_error (error);
  g_assert_null (m);
}

/* Member codes compare without case in the store (adding "m02" next to "M02" is refused);
 * the lookup follows that rule and gives the code as stored. */
static void
test_case (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMember) m = NULL;

  g_assert_true (jp_store_find_member (f->store, "m02", &m, &error));
  g_assert_no_error (error);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->code, ==, "M02");
  g_assert_cmpstr (m->name, ==, "刘评委");
}

/* A file that cannot be read is an error, not "no such member". */
static void
test_read_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JpMember *m = NULL;

  g_assert_true (jp_store_exec (f->store, "DROP TABLE member_trade", &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_find_member (f->store, "M02", &m, &error));
  g_assert_nonnull (error);
  g_assert_null (m);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/member-find/found", test_found);
  ADD ("/store/member-find/same-as-list", test_same_as_list);
  ADD ("/store/member-find/unknown", test_unknown);
  ADD ("/store/member-find/case", test_case);
  ADD ("/store/member-find/read-error", test_read_error);
  return g_test_run ();
}
