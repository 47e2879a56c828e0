/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"


#include "../meeting/meeting-test-util.h"
#include "store/jp-store-defence.h"
#include "store/jp-store-likes.h"
#include "ui/app/jp-window-private.h"
#include "ui/chair/jp-defence-page.h"
#include "ui/chair/jp-ranking-page.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The defence and ranking pages follow the store (JpStore::changed) when no meeting is
 * hosted: paper sheets entered, the current candidate set, a session closed, likes imported,
 * all written straight through the store (as the console, a restore or another page does),
 * show without anybody reloading the page. XT's finalists are A (张三丰, M03 conflicted) and
 * B, chosen on paper ballots; the panel is M01, M02, M03. */

typedef struct {
  char    *dir;
  char    *path;
  JpStore *store;
  char    *code_a, *code_b;
  gint64   session;
} Fixture;

static void
enter_ballots (JpStore    *store,
               gint64      round,
               int         pass,
               const char *csv,
               const char *by)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (jp_store_enter_paper_ballots (store, round, pass, csv, strlen (csv),
                                                 "ballots.csv", by, &error), ==, 3);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  char *code[3];
  gint64 round;

  fx->dir = g_dir_make_tmp ("jp-defence-watch-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "election.jiangping", NULL);
  fx->store = test_meeting_store (fx->path, 0, NULL);
  test_xt_codes (fx->store, code, NULL);
  fx->code_a = code[0];
  fx->code_b = code[1];
  g_free (code[2]);

  /* the ballot on paper: every ballot marks A and B, two passes by two members */
  round = jp_store_open_ballot_round (fx->store, "XT", 2, 2, 3, "test", &error);
  g_assert_no_error (error);
  csv = g_strdup_printf ("serial,marks\n1,%s %s\n2,%s %s\n3,%s %s\n", fx->code_a, fx->code_b,
                         fx->code_a, fx->code_b, fx->code_a, fx->code_b);
  enter_ballots (fx->store, round, 1, csv, "M01");
  enter_ballots (fx->store, round, 2, csv, "M02");
  g_assert_true (jp_store_close_round (fx->store, round, "test", &error));
  g_assert_no_error (error);
}

static void
open_session (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  fx->session = jp_store_open_defence_session (fx->store, "XT", "test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fx->session, >, 0);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  jp_test_spin ();
  g_clear_object (&fx->store);
  jp_test_remove_election (fx->dir, fx->path);
  g_free (fx->path);
  g_free (fx->dir);
  g_free (fx->code_a);
  g_free (fx->code_b);
}

/* The five sheets due (M03 steps out for A), as a paper file of the session's rubric. */
static char *
paper_csv (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (fx->store, fx->session, &error);
  GString *csv = g_string_new ("member,candidate");
  const char *lines[][2] = {
    { "M01", fx->code_a }, { "M02", fx->code_a },
    { "M01", fx->code_b }, { "M02", fx->code_b }, { "M03", fx->code_b },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < s->rubric->len; i++)
    g_string_append_printf (csv, ",%s", ((JpRubricCriterion *) s->rubric->pdata[i])->name);
  g_string_append_c (csv, '\n');
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      g_string_append_printf (csv, "%s,%s", lines[l][0], lines[l][1]);
      /* a different score per line: the totals differ */
      for (guint i = 0; i < s->rubric->len; i++)
        g_string_append_printf (csv, ",%u", i == 0 ? 5 + l : 10);
      g_string_append_c (csv, '\n');
    }
  return g_string_free (csv, FALSE);
}

static void
enter_paper (Fixture    *fx,
             int         pass,
             const char *by)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = paper_csv (fx);

  g_assert_cmpint (jp_store_defence_enter_paper (fx->store, fx->session, pass, csv, strlen (csv),
                                                 "sheets.csv", by, &error), ==, 5);
  g_assert_no_error (error);
}

typedef struct {
  const char *(*get) (gpointer object);
  gpointer     object;
  const char  *expected;
} TextWait;

static gboolean
text_is (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (wait->get (wait->object), wait->expected) == 0;
}

static void
assert_becomes (const char *(*get) (gpointer object),
                gpointer     object,
                const char  *expected)
{
  TextWait wait = { get, object, expected };

  if (!jp_test_wait_until (text_is, &wait, 5000))
    g_error ("expected “%s”, the page shows “%s”", expected, get (object));
}

typedef struct {
  JpDefencePage *page;
  const char    *code;
} PresentingWait;

/* The row of `code` on the page says it is presenting. */
static gboolean
presenting (gpointer data)
{
  PresentingWait *wait = data;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *row = jp_defence_page_get_row_text (wait->page, i);

      if (row != NULL && strstr (row, wait->code) != NULL
          && g_str_has_suffix (row, _(" · now presenting")))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_dropdown (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static void
choose_trade (JpDefencePage *page,
              const char    *label)
{
  /* the first dropdown of the page is the trade */
  GtkDropDown *dropdown = GTK_DROP_DOWN (jp_test_find_widget (GTK_WIDGET (page), is_dropdown,
                                                              NULL));
  GListModel *model;

  g_assert_nonnull (dropdown);
  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("no trade “%s” on the defence page", label);
}

typedef struct {
  JpDefencePage *page;
  gint64         round;
} SessionWait;

static gboolean
shows_session (gpointer data)
{
  SessionWait *wait = data;

  return jp_defence_page_get_round (wait->page) == wait->round;
}

/* No meeting hosted: the page has a service of its own, so only the store tells it. */
static void
test_defence_follows (Fixture       *fx,
                      gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  JpDefencePage *page = JP_DEFENCE_PAGE (jp_defence_page_new ());
  JpDefencePaper *paper;
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *five = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  jp_defence_page_set_store (page, fx->store, NULL);
  choose_trade (page, "稀土 (XT)");
  jp_test_spin ();
  g_assert_cmpint (jp_defence_page_get_round (page), ==, 0);

  /* the session opened through the store shows on the page */
  open_session (fx);
  {
    SessionWait wait = { page, fx->session };

    g_assert_true (jp_test_wait_until (shows_session, &wait, 5000));
  }
  paper = jp_defence_page_show_paper (page);
  jp_test_spin ();
  none = g_strdup_printf (_("Pass %d: no sheet typed yet"), 1);
  five = g_strdup_printf (ngettext ("Pass %d: %u sheet typed by %s",
                                    "Pass %d: %u sheets typed by %s", 5), 1, 5, "M04");
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, none);

  /* the first pass of the paper sheets, typed by M04 */
  enter_paper (fx, 1, "M04");
  assert_becomes ((const char *(*) (gpointer)) jp_defence_paper_get_count_text, paper,
                  five);

  /* the current candidate, set through the store */
  g_assert_true (jp_store_defence_set_current (fx->store, fx->session, fx->code_a, "test",
                                               &error));
  g_assert_no_error (error);
  {
    PresentingWait wait = { page, fx->code_a };

    if (!jp_test_wait_until (presenting, &wait, 5000))
      g_error ("the defence page does not show %s as presenting", fx->code_a);
  }
  jp_test_spin ();
  jp_test_screenshot (window, "defence-watch-paper-and-current");

  gtk_window_destroy (GTK_WINDOW (window));
}

static const JpRankedCandidate *
ranked (JpRankingPage *page,
        const char    *code)
{
  const JpRanking *ranking = jp_ranking_page_get_ranking (page);

  for (guint i = 0; ranking != NULL && i < ranking->candidates->len; i++)
    {
      const JpRankedCandidate *c = ranking->candidates->pdata[i];

      if (g_strcmp0 (c->code, code) == 0)
        return c;
    }
  return NULL;
}

typedef struct {
  JpRankingPage *page;
  const char    *code;
  gint64         o;
} RankWait;

static gboolean
ranked_with_o (gpointer data)
{
  RankWait *wait = data;
  const JpRankedCandidate *c = ranked (wait->page, wait->code);

  return c != NULL && c->o == wait->o;
}

/* The window's ranking page: the session closed, then likes imported, through the store. */
static void
test_ranking_follows (Fixture       *fx,
                      gconstpointer  data)
{
  JpWindow *window = jp_window_new (NULL);
  JpRankingPage *page = window->ranking_page;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpLikesFile) likes = NULL;
  g_autofree char *csv = NULL;
  RankWait wait = { page, NULL, 0 };

  open_session (fx);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  jp_window_set_store (window, fx->store);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_show_stage (window, "ranking");
  jp_test_spin ();
  /* the defence is not closed yet: no ranking */
  g_assert_null (jp_ranking_page_get_ranking (page));

  enter_paper (fx, 1, "M04");
  enter_paper (fx, 2, "M01");
  g_assert_true (jp_store_defence_close (fx->store, fx->session, "test", &error));
  g_assert_no_error (error);
  wait.code = fx->code_a;
  wait.o = 0;
  g_assert_true (jp_test_wait_until (ranked_with_o, &wait, 5000));
  g_assert_nonnull (ranked (page, fx->code_b));

  /* likes: B has all of them, so its O is 100 and A's stays 0 */
  csv = g_strdup_printf ("code,likes\n%s,0\n%s,120\n", fx->code_a, fx->code_b);
  likes = jp_store_import_likes (fx->store, csv, strlen (csv), "likes.csv", "test", NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (likes);
  wait.code = fx->code_b;
  wait.o = 10000;
  if (!jp_test_wait_until (ranked_with_o, &wait, 5000))
    g_error ("the ranking page shows O = %" G_GINT64_FORMAT " for %s after the likes import",
             ranked (page, fx->code_b) != NULL ? ranked (page, fx->code_b)->o : -1, fx->code_b);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (window), "defence-watch-ranking-after-likes");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  jp_test_choose_language ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/ui/defence-watch/defence-follows", Fixture, NULL, fixture_set_up,
              test_defence_follows, fixture_tear_down);
  g_test_add ("/ui/defence-watch/ranking-follows", Fixture, NULL, fixture_set_up,
              test_ranking_follows, fixture_tear_down);
  return g_test_run ();
}
