/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include "jp-core.h"

/* The final list's canonical text and digest: the worked vector of docs/final-list.md. */

static JpFinalEntry *
entry (const char *code,
       const char *name,
       const char *unit,
       const char *trade,
       gboolean    by_chair,
       gint64      objection_id)
{
  JpFinalEntry *e = g_new0 (JpFinalEntry, 1);

  e->code = g_strdup (code);
  e->name = g_strdup (name);
  e->unit = g_strdup (unit);
  e->trade = g_strdup (trade);
  e->by_chair = by_chair;
  e->objection_id = objection_id;
  return e;
}

static JpFinalList *
vector (void)
{
  JpFinalList *list = jp_final_list_new ();

  list->election = g_strdup ("2024年“包头工匠”");
  list->start = g_strdup ("2024-02-08");
  list->end = g_strdup ("2024-02-20");
  list->working_days = 5;
  list->approved_by = g_strdup ("市总工会主席会议");
  list->approved_at = g_strdup ("2024-02-06");
  list->ranking_digest = NULL;
  g_ptr_array_add (list->entries, entry ("XT-01", "张伟", "包钢集团", "XT", FALSE, 0));
  g_ptr_array_add (list->entries, entry ("XT-02", "李娜", "北方重工", "XT", FALSE, 1));
  g_ptr_array_add (list->entries, entry ("GF-01", "王强", NULL, "GF", FALSE, 0));
  g_ptr_array_add (list->entries, entry ("XT-04", "赵敏", "包钢集团", "XT", TRUE, 0));
  return list;
}

static void
test_vector (void)
{
  g_autoptr(JpFinalList) list = vector ();
  g_autofree char *text = jp_final_list_canonical (list);
  g_autofree char *digest = jp_final_list_digest (list);

  g_assert_cmpstr (text, ==,
                   "{\"approved\":{\"at\":\"2024-02-06\",\"by\":\"市总工会主席会议\"},\"days\":5,"
                   "\"disqualified\":[{\"code\":\"XT-02\",\"name\":\"李娜\",\"objection\":1}],"
                   "\"election\":\"2024年“包头工匠”\",\"end\":\"2024-02-20\","
                   "\"final\":[{\"code\":\"XT-01\",\"name\":\"张伟\",\"place\":1,"
                   "\"source\":\"ranking\",\"trade\":\"XT\",\"unit\":\"包钢集团\"},"
                   "{\"code\":\"GF-01\",\"name\":\"王强\",\"place\":2,\"source\":\"ranking\","
                   "\"trade\":\"GF\",\"unit\":null},"
                   "{\"code\":\"XT-04\",\"name\":\"赵敏\",\"place\":3,\"source\":\"chair\","
                   "\"trade\":\"XT\",\"unit\":\"包钢集团\"}],"
                   "\"ranking\":null,\"start\":\"2024-02-08\"}");
  /* printf '%s' "$text" | sha256sum, as docs/final-list.md shows */
  g_assert_cmpstr (digest, ==,
                   "6b68df7bf03a1d0107ff931da273b053d6a8cc622057fb32d8620b6845f636bf");
}

/* Every field is covered: changing any one changes the digest. */
static void
test_sensitive (void)
{
  g_autoptr(JpFinalList) list = vector ();
  g_autofree char *before = jp_final_list_digest (list);
  g_autofree char *after = NULL;

  ((JpFinalEntry *) list->entries->pdata[1])->objection_id = 0;   /* objection not upheld */
  after = jp_final_list_digest (list);
  g_assert_cmpstr (before, !=, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/final-list/vector", test_vector);
  g_test_add_func ("/core/final-list/sensitive", test_sensitive);
  return g_test_run ();
}
