/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>

#include "demo/jp-demo.h"
#include "ui/setup/jp-setup-private.h"
#include "jp-setup-test-util.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The setup sub-pages follow the store (JpStore::changed): a write made elsewhere (here
 * straight through the store, as another page, a restore, an import or the console does) shows
 * in the visible sub-page without switching pages, and the reload keeps the person's place:
 * what is typed in the form, the focus, the choices made. Each case writes names of its own,
 * so it runs alone too (`-p`). */

static char    *tmpdir;
static JpStore *store;

typedef SetupTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  setup_test_window_open (fixture, store, 1366, 768);
  jp_setup_page_show (fixture->page, data);
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *shot = g_strdelimit (g_strdup (g_test_get_path () + 1), "/", '-');

  /* the sub-page as the change left it, drawn */
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (fixture->window), shot);
  gtk_window_destroy (fixture->window);
  jp_test_spin ();
}

static void
add_member (const char *code,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  JpMember m = { 0, (char *) code, (char *) name, (char *) "包头市观察研究院",
                 JP_MEMBER_ROLE_MEMBER, NULL };

  g_assert_cmpint (jp_store_add_member (store, &m, "test", &error), >, 0);
  g_assert_no_error (error);
}

static JpTrade *
trade_at (guint index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trades = jp_store_list_trades (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trades->len, >, index);
  return jp_trade_copy (g_ptr_array_index (trades, index));
}

static void
rename_trade (const JpTrade *t,
              const char    *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_update_trade (store, t->id, t->code, name, t->priority, "test",
                                        &error));
  g_assert_no_error (error);
}

/* The widget holding the keyboard focus is `widget` or inside it. */
static gboolean
holds_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_member_added (Fixture       *fixture,
                   gconstpointer  data)
{
  JpMembersPage *page = jp_setup_page_get_members_page (fixture->page);

  g_assert_null (jp_test_find_label (GTK_WIDGET (page), "W01  观察评委甲", FALSE));
  add_member ("W01", "观察评委甲");
  jp_test_wait_for_label (GTK_WIDGET (jp_members_page_get_list (page)), "W01  观察评委甲");
}

static void
test_trade_renamed (Fixture       *fixture,
                    gconstpointer  data)
{
  JpTradesPage *page = jp_setup_page_get_trades_page (fixture->page);
  g_autoptr(JpTrade) t = trade_at (0);
  g_autofree char *name = g_strconcat (t->name, "（改名）", NULL);

  jp_test_wait_for_label (GTK_WIDGET (jp_trades_page_get_column_view (page)), t->name);
  rename_trade (t, name);
  jp_test_wait_for_label (GTK_WIDGET (jp_trades_page_get_column_view (page)), name);
  g_assert_null (jp_test_find_label (GTK_WIDGET (page), t->name, TRUE));
}

/* A trade code the store refuses: the cell shows the stored code again (the row itself did not
 * change), and the page says why. */
static void
test_refused_code_reset (Fixture       *fixture,
                         gconstpointer  data)
{
  JpTradesPage *page = jp_setup_page_get_trades_page (fixture->page);
  g_autoptr(JpTrade) t = trade_at (0);
  GtkWidget *entry;

  g_assert_nonnull (t->code);
  entry = find_trade_control (GTK_WIDGET (jp_trades_page_get_column_view (page)), t->id,
                              GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "坏代码");
  g_signal_emit_by_name (entry, "activate");   /* what Enter does */
  jp_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (jp_trades_page_get_message (page))));
  entry = find_trade_control (GTK_WIDGET (jp_trades_page_get_column_view (page)), t->id,
                              GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, t->code);
}

static void
test_unit_added (Fixture       *fixture,
                 gconstpointer  data)
{
  JpUnitsPage *page = jp_setup_page_get_units_page (fixture->page);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (jp_store_add_unit (store, "鄂尔多斯市观察单位", FALSE, 0, "test", &error),
                   >, 0);
  g_assert_no_error (error);
  jp_test_wait_for_label (GTK_WIDGET (jp_units_page_get_list (page)), "鄂尔多斯市观察单位");
}

/* The members page reloads (a member added, a trade renamed) while a member is being typed:
 * the text, the focus and the ticked trade stay. */
static void
test_form_kept (Fixture       *fixture,
                gconstpointer  data)
{
  JpMembersPage *page = jp_setup_page_get_members_page (fixture->page);
  GtkEditable *code_entry = jp_members_page_get_code_entry (page);
  GtkEditable *name_entry = jp_members_page_get_name_entry (page);
  g_autoptr(JpTrade) ticked = trade_at (0);
  g_autoptr(JpTrade) other = trade_at (1);
  g_autofree char *renamed = g_strconcat (other->name, "（新）", NULL);
  g_autofree char *renamed_label = NULL;

  g_assert_nonnull (ticked->code);
  gtk_editable_set_text (code_entry, "W10");
  jp_members_page_set_trade_checked (page, ticked->code, TRUE);
  gtk_editable_set_text (name_entry, "正在输入的名字");
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (name_entry)));
  g_assert_true (holds_focus (GTK_WIDGET (name_entry)));

  add_member ("W11", "观察评委乙");
  rename_trade (other, renamed);
  jp_test_wait_for_label (GTK_WIDGET (jp_members_page_get_list (page)), "W11  观察评委乙");
  /* the popover was refilled from the store: the renamed trade is offered under its name */
  renamed_label = g_strdup_printf ("%s (%s)", renamed,
                                   other->code != NULL ? other->code : renamed);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (page), renamed_label, FALSE));

  g_assert_cmpstr (gtk_editable_get_text (code_entry), ==, "W10");
  g_assert_cmpstr (gtk_editable_get_text (name_entry), ==, "正在输入的名字");
  g_assert_true (holds_focus (GTK_WIDGET (name_entry)));
  /* the trade ticked before the reload is still ticked: the member gets it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.add", NULL));
  jp_test_spin ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) members = jp_store_list_members (store, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < members->len; i++)
      {
        const JpMember *m = g_ptr_array_index (members, i);

        if (g_strcmp0 (m->code, "W10") != 0)
          continue;
        found = TRUE;
        g_assert_cmpstr (m->name, ==, "正在输入的名字");
        g_assert_nonnull (m->trades);
        g_assert_true (g_strv_contains ((const char * const *) m->trades, ticked->code));
      }
    g_assert_true (found);
  }
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The focus is on a row's edit button when a member sorted before it is added (the rows move
 * down by one): the same member's edit button has the focus after the reload. */
static void
test_row_focus_kept (Fixture       *fixture,
                     gconstpointer  data)
{
  JpMembersPage *page = jp_setup_page_get_members_page (fixture->page);
  GtkWidget *list = GTK_WIDGET (jp_members_page_get_list (page));
  GtkWidget *row;
  GtkWidget *edit;
  int index;

  add_member ("W20", "观察评委丙");
  jp_test_wait_for_label (list, "W20  观察评委丙");
  row = jp_test_find_widget (list, row_titled, "W20  观察评委丙");
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  edit = jp_test_find_widget (row, has_action, "members.edit");
  g_assert_nonnull (edit);
  g_assert_true (gtk_widget_grab_focus (edit));

  add_member ("A20", "观察评委丁");
  jp_test_wait_for_label (list, "A20  观察评委丁");
  row = jp_test_find_widget (list, row_titled, "W20  观察评委丙");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, index + 1);
  g_assert_true (holds_focus (jp_test_find_widget (row, has_action, "members.edit")));
}

/* The members list is scrolled down when a member is added through the store: it stays where
 * the person scrolled to. */
static void
test_scroll_kept (Fixture       *fixture,
                  gconstpointer  data)
{
  JpMembersPage *page = jp_setup_page_get_members_page (fixture->page);
  GtkWidget *list = GTK_WIDGET (jp_members_page_get_list (page));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
    list, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (scrolled);
  double scrolled_to;

  /* the demo's members do not fit on the screen */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >,
                     gtk_adjustment_get_page_size (vadj) + 200);
  gtk_adjustment_set_value (vadj, 200);
  jp_test_spin ();
  scrolled_to = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (scrolled_to, ==, 200);

  add_member ("A40", "观察评委己");    /* sorted first: a row is added above */
  jp_test_wait_for_label (list, "A40  观察评委己");
  jp_test_spin ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, scrolled_to);
}

typedef struct {
  GtkDropDown *dropdown;
  guint        n_items;
} CountWait;

static gboolean
dropdown_counts (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (gtk_drop_down_get_model (wait->dropdown)) == wait->n_items;
}

/* The conflicts form keeps the member and the candidate chosen when the lists are refilled. */
static void
test_conflict_choice_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  JpConflictsPage *page = jp_setup_page_get_conflicts_page (fixture->page);
  GtkDropDown *members = jp_conflicts_page_get_member_dropdown (page);
  GtkDropDown *candidates = jp_conflicts_page_get_candidate_dropdown (page);
  guint n_members = g_list_model_get_n_items (gtk_drop_down_get_model (members));
  g_autofree char *member = NULL;
  g_autofree char *candidate = NULL;

  g_assert_cmpuint (n_members, >, 3);
  gtk_drop_down_set_selected (members, 2);
  gtk_drop_down_set_selected (candidates, 3);
  member = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (members)));
  candidate = g_strdup (gtk_string_object_get_string (
    gtk_drop_down_get_selected_item (candidates)));

  add_member ("A30", "观察评委戊");    /* sorted first: the chosen member moves down */
  {
    CountWait wait = { members, n_members + 1 };

    g_assert_true (jp_test_wait_until (dropdown_counts, &wait, 5000));
  }
  g_assert_cmpuint (gtk_drop_down_get_selected (members), ==, 3);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (members)), ==,
                   member);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (candidates)),
                   ==, candidate);
}

/* Each case and the sub-page it shows. */
static const struct {
  const char *name;
  const char *page;
  void      (*func) (Fixture *fixture, gconstpointer data);
} cases[] = {
  { "member-added", "members", test_member_added },
  { "trade-renamed", "trades", test_trade_renamed },
  { "unit-added", "units", test_unit_added },
  { "form-kept", "members", test_form_kept },
  { "row-focus-kept", "members", test_row_focus_kept },
  { "conflict-choice-kept", "conflicts", test_conflict_choice_kept },
  { "scroll-kept", "members", test_scroll_kept },
  { "refused-code-reset", "trades", test_refused_code_reset },
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int ret;

  jp_test_choose_language ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  store = setup_test_demo_store ("jp-test-setup-watch-XXXXXX", 8, &tmpdir, &path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat ("/ui/setup-watch/", cases[i].name, NULL);

      g_test_add (name, Fixture, cases[i].page, fixture_set_up, cases[i].func,
                  fixture_tear_down);
    }
  ret = g_test_run ();

  g_clear_object (&store);
  jp_test_remove_election (tmpdir, path);
  g_free (tmpdir);
  return ret;
}
