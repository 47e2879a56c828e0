/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "demo/jp-demo.h"
#include "store/jp-store-rounds.h"
#include "ui/setup/jp-setup-private.h"
#include "ui/setup/jp-rubric-row.h"
#include "ui/setup/jp-unit-row.h"
#include "jp-ui3a-shot.h"
#include "jp-ui-test-util.h"
#include "jp-setup-test-util.h"

#define N_CANDIDATES 30

/* One demo election for all the cases, which run in order: generating it is the slow part. */
static char    *tmpdir;
static JpStore *store;

typedef SetupTestWindow Fixture;

static JpMember *find_member (const char *code);

/* Cases that need a member of their own get its code as test data: the member is added to the
 * store before the page is built, so each case runs alone too (`-p`). */
static void
ensure_member (const char *code)
{
  g_autoptr(JpMember) existing = find_member (code);
  g_autoptr(GError) error = NULL;
  JpMember m = { 0, (char *) code, (char *) "测试评委", (char *) "包头市测试研究院",
                 JP_MEMBER_ROLE_MEMBER, NULL };

  if (existing != NULL)
    return;
  jp_store_add_member (store, &m, "test", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (data != NULL)
    ensure_member (data);
  setup_test_window_open (fixture, store, 1200, 800);
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  jp_test_spin ();
}

static JpMember *
find_member (const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = jp_store_list_members (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = g_ptr_array_index (members, i);

      if (g_strcmp0 (m->code, code) == 0)
        return jp_member_copy (m);
    }
  return NULL;
}

static gboolean
label_visible_with_text (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) && *gtk_label_get_text (label) != '\0';
}

static void
test_member_add (Fixture       *fixture,
                 gconstpointer  data)
{
  JpMembersPage *page = jp_setup_page_get_members_page (fixture->page);
  g_autoptr(GPtrArray) trades = jp_store_list_trades (store, NULL);
  g_autoptr(GPtrArray) before = jp_store_list_members (store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(JpMember) m = NULL;
  const JpTrade *trade;

  g_assert_nonnull (trades);
  g_assert_cmpuint (trades->len, >, 0);
  trade = g_ptr_array_index (trades, 0);
  g_assert_nonnull (trade->code);

  jp_setup_page_show (fixture->page, "members");
  jp_test_spin ();
  gtk_editable_set_text (jp_members_page_get_code_entry (page), "T01");
  gtk_editable_set_text (jp_members_page_get_name_entry (page), "测试评委");
  gtk_editable_set_text (jp_members_page_get_unit_entry (page), "包头市测试研究院");
  gtk_drop_down_set_selected (jp_members_page_get_role_dropdown (page), 2);   /* scrutineer */
  jp_members_page_set_trade_checked (page, trade->code, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.add", NULL));
  jp_test_spin ();

  g_assert_false (label_visible_with_text (jp_members_page_get_message (page)));
  m = find_member ("T01");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->name, ==, "测试评委");
  g_assert_cmpstr (m->unit, ==, "包头市测试研究院");
  g_assert_cmpint (m->role, ==, JP_MEMBER_ROLE_SCRUTINEER);
  g_assert_nonnull (m->trades);
  g_assert_true (g_strv_contains ((const char * const *) m->trades, trade->code));
  /* the form is emptied and the new member's row is on the page */
  g_assert_cmpstr (gtk_editable_get_text (jp_members_page_get_code_entry (page)), ==, "");
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (jp_members_page_get_list (page)),
                                        "T01  测试评委", TRUE));

  /* the same code again: the store refuses and the page says why, nothing is added */
  gtk_editable_set_text (jp_members_page_get_code_entry (page), "T01");
  gtk_editable_set_text (jp_members_page_get_name_entry (page), "另一位评委");
  gtk_widget_activate_action (GTK_WIDGET (page), "members.add", NULL);
  jp_test_spin ();
  g_assert_true (label_visible_with_text (jp_members_page_get_message (page)));
  after = jp_store_list_members (store, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
}

static void
test_member_pin (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *code = data;
  JpMembersPage *page = jp_setup_page_get_members_page (fixture->page);
  g_autoptr(JpMember) m = find_member (data);
  g_autofree char *pin = NULL;
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row_label;

  g_assert_nonnull (m);
  g_assert_false (test_has_pin (store, code));
  jp_setup_page_show (fixture->page, "members");
  jp_test_spin ();
  gtk_widget_activate_action (GTK_WIDGET (page), "members.pin", "s", code);
  jp_test_spin ();

  g_assert_nonnull (jp_members_page_get_pin_dialog (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (jp_members_page_get_pin_dialog (page))));
  pin = g_strdup (gtk_label_get_text (jp_members_page_get_pin_label (page)));
  g_assert_cmpuint (strlen (pin), ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_true (g_ascii_isdigit (pin[i]));
  g_assert_true (test_check_pin (store, code, pin));
  /* the row now says a PIN is set, and offers to regenerate it */
  row_label = jp_test_find_label (GTK_WIDGET (jp_members_page_get_list (page)), "PIN set", TRUE);
  g_assert_nonnull (row_label);

  /* regenerating replaces the PIN: the old one no longer opens */
  first = g_steal_pointer (&pin);
  gtk_widget_activate_action (GTK_WIDGET (page), "members.pin", "s", code);
  jp_test_spin ();
  pin = g_strdup (gtk_label_get_text (jp_members_page_get_pin_label (page)));
  g_assert_true (test_check_pin (store, code, pin));
  if (g_strcmp0 (pin, first) != 0)
    g_assert_false (test_check_pin (store, code, first));
}

/* Removing a member asks first; "Remove" removes the member the dialog named. */
static void
test_member_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JpMember) before = find_member (data);
  g_autoptr(JpMember) after = NULL;
  GListModel *toplevels;    /* owned by GTK */
  AdwMessageDialog *dialog = NULL;

  g_assert_nonnull (before);
  jp_setup_page_show (fixture->page, "members");
  jp_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jp_setup_page_get_members_page (
                                               fixture->page)), "members.delete", "s", data));
  jp_test_spin ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  jp_test_spin ();
  after = find_member (data);
  g_assert_null (after);
}

static void
test_conflict_add (Fixture       *fixture,
                   gconstpointer  data)
{
  JpConflictsPage *page = jp_setup_page_get_conflicts_page (fixture->page);
  g_autoptr(GListModel) candidates = jp_store_list_candidates (store, NULL);
  g_autoptr(JpCandidate) candidate = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *title = NULL;
  GtkDropDown *member_dd = jp_conflicts_page_get_member_dropdown (page);
  GtkDropDown *candidate_dd = jp_conflicts_page_get_candidate_dropdown (page);
  JpConflict *found = NULL;
  guint member_pos = GTK_INVALID_LIST_POSITION;
  g_autofree char *label = g_strdup_printf ("%s 测试评委", (const char *) data);

  jp_setup_page_show (fixture->page, "conflicts");
  jp_test_spin ();
  /* the member added above, found by what the dropdown shows */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (member_dd)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (
                                                                  member_dd)), i),
                   label) == 0)
      member_pos = i;
  g_assert_cmpuint (member_pos, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (candidate_dd)), ==,
                    g_list_model_get_n_items (candidates));
  candidate = g_list_model_get_item (candidates, 3);

  gtk_drop_down_set_selected (member_dd, member_pos);
  gtk_drop_down_set_selected (candidate_dd, 3);
  gtk_drop_down_set_selected (jp_conflicts_page_get_type_dropdown (page), 2);   /* supervisor */
  gtk_editable_set_text (jp_conflicts_page_get_note_entry (page), "曾为其直接上级");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "conflicts.add", NULL));
  jp_test_spin ();

  g_assert_false (label_visible_with_text (jp_conflicts_page_get_message (page)));
  conflicts = jp_store_list_conflicts (store, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      JpConflict *c = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (c->member_code, data) == 0 && c->candidate_id == candidate->id)
        found = c;
    }
  g_assert_nonnull (found);
  g_assert_cmpint (found->kind, ==, JP_CONFLICT_DECLARED);
  g_assert_cmpint (found->type, ==, JP_CONFLICT_SUPERVISOR);
  g_assert_cmpstr (found->note, ==, "曾为其直接上级");
  title = g_strdup_printf ("%s ↔ %s", label, candidate->name);
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (jp_conflicts_page_get_list (page)), title,
                                        TRUE));

  /* removing it through its row's action takes it out of the store and off the page */
  gtk_widget_activate_action (GTK_WIDGET (page), "conflicts.remove", "x", found->id);
  jp_test_spin ();
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = jp_store_list_conflicts (store, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      JpConflict *c = g_ptr_array_index (conflicts, i);

      g_assert_false (c->kind == JP_CONFLICT_DECLARED && g_strcmp0 (c->member_code, data) == 0);
    }
  g_assert_null (jp_test_find_label (GTK_WIDGET (jp_conflicts_page_get_list (page)), title,
                                     TRUE));
}

static void
test_weights (Fixture       *fixture,
              gconstpointer  data)
{
  JpSettingsPage *page = jp_setup_page_get_settings_page (fixture->page);
  GtkLabel *sum = jp_settings_page_get_weight_sum (page);
  g_autoptr(JpSettings) stored = NULL;
  g_autoptr(JpSettings) saved = NULL;

  jp_setup_page_show (fixture->page, "settings");
  jp_test_spin ();
  /* the quorum of ballot rounds is shown, at its default */
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (page), "Quorum", TRUE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (page), "At least two thirds (default)",
                                        TRUE));
  g_assert_cmpstr (gtk_label_get_text (sum), ==, "1.00");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (sum), "error"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (jp_settings_page_get_apply_button (page))));

  gtk_spin_button_set_value (jp_settings_page_get_weight_spin (page, 0), 0.5);
  jp_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (sum), ==, "1.20");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sum), "error"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (jp_settings_page_get_apply_button (
                                                         page))));
  g_assert_false (jp_settings_page_apply (page));
  g_assert_true (label_visible_with_text (jp_settings_page_get_message (page)));
  stored = jp_store_get_settings (store);
  g_assert_cmpfloat_with_epsilon (stored->weight_votes, 0.30, 1e-9);

  /* weights that sum to 1 again are applied */
  gtk_spin_button_set_value (jp_settings_page_get_weight_spin (page, 0), 0.4);
  gtk_spin_button_set_value (jp_settings_page_get_weight_spin (page, 2), 0.5);
  jp_test_spin ();
  g_assert_cmpstr (gtk_label_get_text (sum), ==, "1.00");
  g_assert_true (jp_settings_page_apply (page));
  g_assert_false (label_visible_with_text (jp_settings_page_get_message (page)));
  saved = jp_store_get_settings (store);
  g_assert_cmpfloat_with_epsilon (saved->weight_votes, 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (saved->weight_defence, 0.5, 1e-9);
  g_clear_pointer (&saved, jp_settings_free);

  /* the publicity office's contact, printed on the notice */
  gtk_editable_set_text (jp_settings_page_get_contact_entry (page, 0), " 王喆 ");
  gtk_editable_set_text (jp_settings_page_get_contact_entry (page, 1), "0472-5123456");
  gtk_editable_set_text (jp_settings_page_get_contact_entry (page, 2), "钢铁大街1号");
  jp_test_spin ();
  g_assert_true (jp_settings_page_apply (page));
  saved = jp_store_get_settings (store);
  g_assert_cmpstr (saved->contact_person, ==, "王喆");
  g_assert_cmpstr (saved->contact_phone, ==, "0472-5123456");
  g_assert_cmpstr (saved->contact_address, ==, "钢铁大街1号");
}

/* A rubric row's name and maximum reach the store; moving a criterion keeps its data. */
static void
test_rubric_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  JpSettingsPage *page = jp_setup_page_get_settings_page (fixture->page);
  g_autoptr(JpSettings) original = jp_store_get_settings (store);
  g_autoptr(JpSettings) saved = NULL;
  g_autoptr(JpSettings) moved = NULL;
  g_autoptr(GError) error = NULL;
  const JpRubricCriterion *c0;
  const JpRubricCriterion *c1;
  JpRubricRow *row;

  jp_setup_page_show (fixture->page, "settings");
  jp_test_spin ();
  g_assert_cmpuint (original->rubric->len, >=, 2);
  c0 = g_ptr_array_index (original->rubric, 0);
  c1 = g_ptr_array_index (original->rubric, 1);
  for (guint i = 0; i < original->rubric->len; i++)
    {
      const JpRubricCriterion *c = g_ptr_array_index (original->rubric, i);

      row = rubric_row_at (page, (int) i);
      g_assert_cmpuint (jp_rubric_row_get_index (row), ==, i);
      g_assert_cmpstr (gtk_editable_get_text (jp_rubric_row_get_name_entry (row)), ==, c->name);
      g_assert_cmpfloat (gtk_spin_button_get_value (jp_rubric_row_get_max_spin (row)), ==,
                         c->max);
    }

  /* half a point moves from the second criterion to the renamed first; the total stays */
  row = rubric_row_at (page, 0);
  gtk_widget_grab_focus (GTK_WIDGET (jp_rubric_row_get_name_entry (row)));
  gtk_editable_set_text (jp_rubric_row_get_name_entry (row), "测试标准");
  gtk_spin_button_set_value (jp_rubric_row_get_max_spin (row), c0->max + 0.5);
  gtk_spin_button_set_value (jp_rubric_row_get_max_spin (rubric_row_at (page, 1)),
                             c1->max - 0.5);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (fixture->window), "setup-rubric");
  g_assert_true (jp_settings_page_apply (page));
  saved = jp_store_get_settings (store);
  g_assert_cmpstr (((JpRubricCriterion *) g_ptr_array_index (saved->rubric, 0))->name, ==,
                   "测试标准");
  g_assert_cmpfloat (((JpRubricCriterion *) g_ptr_array_index (saved->rubric, 0))->max, ==,
                     c0->max + 0.5);
  g_assert_cmpfloat (((JpRubricCriterion *) g_ptr_array_index (saved->rubric, 1))->max, ==,
                     c1->max - 0.5);

  /* moved down, the criterion's row is rebuilt second with its own name and maximum */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "settings.rubric-move", "(ii)",
                                             0, 1));
  jp_test_spin ();
  row = rubric_row_at (page, 1);
  g_assert_cmpstr (gtk_editable_get_text (jp_rubric_row_get_name_entry (row)), ==, "测试标准");
  g_assert_cmpfloat (gtk_spin_button_get_value (jp_rubric_row_get_max_spin (row)), ==,
                     c0->max + 0.5);
  g_assert_true (jp_settings_page_apply (page));
  moved = jp_store_get_settings (store);
  g_assert_cmpstr (((JpRubricCriterion *) g_ptr_array_index (moved->rubric, 1))->name, ==,
                   "测试标准");
  g_assert_cmpfloat (((JpRubricCriterion *) g_ptr_array_index (moved->rubric, 0))->max, ==,
                     c1->max - 0.5);

  /* leave the election as it was for the cases that follow */
  g_assert_true (jp_store_update_settings (store, original, "test", &error));
  g_assert_no_error (error);
}

/* Qualifies each pending candidate with evidence for a criterion, returns the others;
 * `keep` candidates stay pending. */
static void
decide_candidates (guint keep)
{
  g_autoptr(GListModel) list = jp_store_list_candidates (store, NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i + keep < n; i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (list, i);
      g_autoptr(JpCandidate) c = NULL;
      g_autoptr(JpReview) review = NULL;
      g_autoptr(GError) error = NULL;
      const char *sha = NULL;
      int criterion = 1;

      if (item->status != JP_STATUS_SUBMITTED)
        continue;
      c = jp_store_get_candidate (store, item->id, &error);
      g_assert_no_error (error);
      for (guint d = 0; c->documents != NULL && d < c->documents->len; d++)
        {
          JpDocumentRef *ref = g_ptr_array_index (c->documents, d);

          if (ref->kind == JP_DOC_EVIDENCE && sha == NULL)
            {
              sha = ref->sha256;
              criterion = ref->criterion > 0 ? ref->criterion : 1;
            }
        }
      review = jp_review_new (c->id);
      if (sha != NULL)
        {
          jp_review_link_evidence (review, criterion, sha);
          review->decision = JP_REVIEW_DECISION_QUALIFIED;
          if (jp_store_save_review (store, review, "test", NULL, &error))
            continue;
          g_clear_error (&error);
        }
      review->decision = JP_REVIEW_DECISION_RETURNED;
      review->reason = g_strdup ("材料不全");
      jp_store_save_review (store, review, "test", NULL, &error);
      g_assert_no_error (error);
    }
}

static gboolean
trade_priority (gint64 trade_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trades = jp_store_list_trades (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < trades->len; i++)
    {
      JpTrade *t = g_ptr_array_index (trades, i);

      if (t->id == trade_id)
        return t->priority;
    }
  g_assert_not_reached ();
}

/* The priority switch of a trade's row reaches the store, and the row shows it after the
 * page reloads. */
static void
test_trade_priority (Fixture       *fixture,
                     gconstpointer  data)
{
  JpTradesPage *page = jp_setup_page_get_trades_page (fixture->page);
  GtkWidget *view = GTK_WIDGET (jp_trades_page_get_column_view (page));
  g_autoptr(GError) error = NULL;
  g_autoptr(JpSeatPlan) plan = jp_store_get_seat_plan (store, &error);
  const JpSeatRow *target;
  gboolean before;
  GtkWidget *sw;

  jp_setup_page_show (fixture->page, "trades");
  jp_test_spin ();
  g_assert_no_error (error);
  g_assert_cmpuint (plan->rows->len, >, 0);
  target = g_ptr_array_index (plan->rows, 0);
  before = trade_priority (target->trade_id);
  sw = find_trade_control (view, target->trade_id, GTK_TYPE_SWITCH);
  g_assert_nonnull (sw);
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (sw)), ==, before);

  gtk_switch_set_active (GTK_SWITCH (sw), !before);
  jp_test_spin ();
  g_assert_false (label_visible_with_text (jp_trades_page_get_message (page)));
  g_assert_cmpint (trade_priority (target->trade_id), ==, !before);
  sw = find_trade_control (view, target->trade_id, GTK_TYPE_SWITCH);
  g_assert_nonnull (sw);
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (sw)), ==, !before);

  gtk_switch_set_active (GTK_SWITCH (sw), before);
  jp_test_spin ();
  g_assert_cmpint (trade_priority (target->trade_id), ==, before);
}

static void
test_seats (Fixture       *fixture,
            gconstpointer  data)
{
  JpTradesPage *page = jp_setup_page_get_trades_page (fixture->page);
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(JpSeatPlan) edited = NULL;
  g_autoptr(JpSeatPlan) reset = NULL;
  g_autofree char *expected = NULL;
  const JpSeatRow *target_row = NULL;
  GtkSpinButton *spin;

  decide_candidates (1);
  jp_setup_page_show (fixture->page, "trades");
  jp_test_spin ();
  plan = jp_store_get_seat_plan (store, NULL);
  g_assert_nonnull (plan);
  expected = g_strdup_printf ("Total %d / target %d", plan->sum, plan->target);
  g_assert_cmpstr (gtk_label_get_text (jp_trades_page_get_sum_label (page)), ==, expected);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const JpSeatRow *r = g_ptr_array_index (plan->rows, i);

      if (r->seats >= 2 && target_row == NULL)
        target_row = r;
    }
  g_assert_nonnull (target_row);

  spin = find_seats_spin (GTK_WIDGET (jp_trades_page_get_column_view (page)),
                          target_row->trade_id);
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, target_row->seats);
  gtk_spin_button_set_value (spin, target_row->seats - 1);
  jp_test_spin ();

  g_assert_false (label_visible_with_text (jp_trades_page_get_message (page)));
  edited = jp_store_get_seat_plan (store, NULL);
  g_assert_cmpint (edited->sum, ==, plan->sum - 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Total %d / target %d", plan->sum - 1, plan->target);
  g_assert_cmpstr (gtk_label_get_text (jp_trades_page_get_sum_label (page)), ==, expected);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (jp_trades_page_get_sum_label (page)),
                                           "error") == (plan->sum - 1 != plan->target));
  for (guint i = 0; i < edited->rows->len; i++)
    {
      const JpSeatRow *r = g_ptr_array_index (edited->rows, i);

      if (r->trade_id == target_row->trade_id)
        {
          g_assert_true (r->edited);
          g_assert_cmpint (r->seats, ==, target_row->seats - 1);
        }
    }

  /* the reset button returns to the automatic seats */
  jp_trades_page_set_seats (page, target_row->trade_id, -1);
  jp_test_spin ();
  reset = jp_store_get_seat_plan (store, NULL);
  g_assert_cmpint (reset->sum, ==, plan->sum);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Total %d / target %d", plan->sum, plan->target);
  g_assert_cmpstr (gtk_label_get_text (jp_trades_page_get_sum_label (page)), ==, expected);
}

static void
test_freeze (Fixture       *fixture,
             gconstpointer  data)
{
  JpTradesPage *page = jp_setup_page_get_trades_page (fixture->page);
  GtkWidget *button = GTK_WIDGET (jp_trades_page_get_freeze_button (page));
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_codes = 0;

  jp_setup_page_show (fixture->page, "trades");
  jp_test_spin ();
  g_assert_false (test_is_frozen (store));
  g_assert_true (gtk_widget_get_visible (button));

  /* one candidate is still pending (test_seats kept it): the freeze action says so at once
   * and asks no confirmation */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trades.freeze", NULL));
  jp_test_spin ();
  g_assert_true (label_visible_with_text (jp_trades_page_get_message (page)));
  g_assert_nonnull (strstr (gtk_label_get_text (jp_trades_page_get_message (page)),
                            "1 candidate is still pending review"));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        g_assert_false (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)));
      }
  }

  /* the store refuses too, with its message */
  jp_trades_page_freeze_confirmed (page);
  jp_test_spin ();
  g_assert_false (test_is_frozen (store));
  g_assert_true (label_visible_with_text (jp_trades_page_get_message (page)));
  g_assert_true (gtk_widget_get_visible (button));

  decide_candidates (0);
  jp_trades_page_freeze_confirmed (page);
  jp_test_spin ();
  g_assert_false (label_visible_with_text (jp_trades_page_get_message (page)));
  g_assert_true (test_is_frozen (store));
  g_assert_false (gtk_widget_get_visible (button));

  /* every code drawn is listed, trade by trade, under an expander */
  for (GtkWidget *c = gtk_widget_get_first_child (jp_trades_page_get_codes_box (page)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    gtk_expander_set_expanded (GTK_EXPANDER (c), TRUE);
  jp_test_spin ();
  jp_test_collect_labels (jp_trades_page_get_codes_box (page), texts);
  candidates = jp_store_list_candidates (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (candidates, i);
      gboolean code_shown = FALSE;

      if (c->status != JP_STATUS_QUALIFIED)
        continue;
      g_assert_nonnull (c->code);
      n_codes++;
      for (guint t = 0; t < texts->len; t++)
        if (g_strcmp0 (g_ptr_array_index (texts, t), c->code) == 0)
          code_shown = TRUE;
      g_assert_true (code_shown);
    }
  g_assert_cmpuint (n_codes, >, 0);
}

/* Once a ballot round has opened, the settings core locks at that stage are greyed out with
 * the reason, each on its own row, and the others stay editable. */
static void
test_ballot_locks (Fixture       *fixture,
                   gconstpointer  data)
{
  JpSettingsPage *page = jp_setup_page_get_settings_page (fixture->page);
  static const char *locked[] = { "Titles to award", "Finalist ratio", "Marks per ballot",
                                  "Majority threshold", "Quorum" };
  static const char *open[] = { "Year", "Committee vote (wV)", "Online vote (wO)",
                                "Defence (wD)", "Presentation (minutes)",
                                "Publicity period (working days)" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JpSeatPlan) plan = NULL;
  gint64 round_id = 0;

  if (!test_is_frozen (store))
    {
      g_autoptr(GPtrArray) codes = NULL;

      decide_candidates (0);
      codes = jp_store_freeze (store, "test", &error);
      g_assert_no_error (error);
    }
  plan = jp_store_get_seat_plan (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->rows->len && round_id == 0; i++)
    {
      const JpSeatRow *r = g_ptr_array_index (plan->rows, i);

      if (r->qualified > 0 && r->code != NULL)
        {
          round_id = jp_store_open_ballot_round (store, r->code, -1, -1, -1, "test", &error);
          g_assert_no_error (error);
        }
    }
  g_assert_cmpint (round_id, >, 0);

  jp_settings_page_set_store (page, store);
  jp_setup_page_show (fixture->page, "settings");
  jp_test_spin ();
  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    {
      AdwPreferencesRow *row = find_settings_row (GTK_WIDGET (page), locked[i]);

      g_assert_nonnull (row);
      g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       "Locked: the first ballot has opened");
    }
  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    {
      AdwPreferencesRow *row = find_settings_row (GTK_WIDGET (page), open[i]);

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
    }
}

/* Looking at it: with JP_SETUP_SHOTS=<folder>, after the cases, each page is saved as a PNG
 * (setup-<page>.png) from the widget's own rendering. */
static void
save_screenshots (const char *folder)
{
  static const char *pages[] = { "settings", "trades", "units", "members", "conflicts" };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  JpSetupPage *page = JP_SETUP_PAGE (jp_setup_page_new ());

  gtk_window_set_default_size (window, 1280, 860);
  gtk_window_set_child (window, GTK_WIDGET (page));
  jp_setup_page_set_store (page, store);
  gtk_window_present (window);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *name = g_strdup_printf ("setup-%s.png", pages[i]);
      g_autofree char *file = g_build_filename (folder, name, NULL);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      int w;
      int h;

      jp_setup_page_show (page, pages[i]);
      if (g_str_equal (pages[i], "trades"))
        {
          GtkWidget *box = jp_trades_page_get_codes_box (jp_setup_page_get_trades_page (page));
          GtkWidget *first = gtk_widget_get_first_child (box);

          if (first != NULL)
            gtk_expander_set_expanded (GTK_EXPANDER (first), TRUE);
        }
      jp_test_spin ();
      g_usleep (200000);
      jp_test_spin ();
      w = gtk_widget_get_width (GTK_WIDGET (window));
      h = gtk_widget_get_height (GTK_WIDGET (window));
      paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, w, h));
      gdk_texture_save_to_png (texture, file);
    }
  gtk_window_destroy (window);
}

/* The unit as the store keeps it now. */
static JpUnit *
find_unit (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = jp_store_list_units (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      JpUnit *u = g_ptr_array_index (units, i);

      if (g_strcmp0 (u->name, name) == 0)
        return g_ptr_array_steal_index (units, i);
    }
  return NULL;
}

static guint
count_nominated (const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) candidates = jp_store_list_candidates (store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (c->unit, unit) == 0)
        n++;
    }
  return n;
}

/* A unit's pilot switch and limit reach the store, and its row says what they mean. */
static void
test_unit_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  JpUnitsPage *page = jp_setup_page_get_units_page (fixture->page);
  JpUnitRow *row;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *nominated = NULL;
  g_autoptr(JpUnit) stored = NULL;
  g_autoptr(JpUnit) stored2 = NULL;
  g_autoptr(JpUnit) stored3 = NULL;
  guint count;

  jp_setup_page_show (fixture->page, "units");
  jp_test_spin ();
  row = unit_row_at (page, 0);
  name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  count = count_nominated (name);
  g_assert_cmpuint (count, >, 0);
  nominated = g_strdup_printf (ngettext ("%u candidate nominated", "%u candidates nominated",
                                         count), count);
  stored = find_unit (name);
  g_assert_nonnull (stored);
  g_assert_false (stored->pilot);
  g_assert_cmpuint (stored->limit, ==, 0);
  expected = g_strdup_printf ("%s · limit 3 (default)", nominated);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  g_assert_cmpint (jp_unit_row_is_over_limit (row), ==, count > 3);

  /* a limit set here */
  gtk_spin_button_set_value (jp_unit_row_get_limit_spin (row), 1);
  stored2 = find_unit (name);
  g_assert_cmpuint (stored2->limit, ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s · limit 1 (set here)", nominated);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  g_assert_cmpint (jp_unit_row_is_over_limit (row), ==, count > 1);

  /* back to the default, as a pilot unit */
  gtk_spin_button_set_value (jp_unit_row_get_limit_spin (row), 0);
  gtk_switch_set_active (jp_unit_row_get_pilot_switch (row), TRUE);
  stored3 = find_unit (name);
  g_assert_true (stored3->pilot);
  g_assert_cmpuint (stored3->limit, ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s · limit 5 (default)", nominated);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  /* a reloaded page shows what the store kept */
  jp_units_page_reload (page);
  jp_test_spin ();
  row = unit_row_at (page, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
  g_assert_true (gtk_switch_get_active (jp_unit_row_get_pilot_switch (row)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (jp_unit_row_get_limit_spin (row)), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  gtk_switch_set_active (jp_unit_row_get_pilot_switch (row), FALSE);
  g_clear_pointer (&stored, jp_unit_free);
  stored = find_unit (name);
  g_assert_false (stored->pilot);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int ret;

  /* the cases compare English text; screenshots may ask for another language */
  if (g_getenv ("JP_SETUP_SHOTS") == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  else if (g_getenv ("JP_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JP_LOCALEDIR"));
      textdomain (GETTEXT_PACKAGE);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  store = setup_test_demo_store ("jp-test-setup-XXXXXX", N_CANDIDATES, &tmpdir, &path);

#define ADD(name, func) \
  g_test_add ("/ui/setup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("member-add", test_member_add);
  g_test_add ("/ui/setup/member-pin", Fixture, "T02", fixture_set_up, test_member_pin,
              fixture_tear_down);
  g_test_add ("/ui/setup/member-remove", Fixture, "T04", fixture_set_up, test_member_remove,
              fixture_tear_down);
  g_test_add ("/ui/setup/conflict-add", Fixture, "T03", fixture_set_up, test_conflict_add,
              fixture_tear_down);
  ADD ("weights", test_weights);
  ADD ("rubric-edit", test_rubric_edit);
  ADD ("seats", test_seats);
  ADD ("trade-priority", test_trade_priority);
  ADD ("unit-limit", test_unit_limit);
  ADD ("freeze", test_freeze);
  /* opens a ballot round: the last case */
  ADD ("ballot-locks", test_ballot_locks);
#undef ADD

  if (g_getenv ("JP_SETUP_SHOTS") == NULL)
    ret = g_test_run ();
  else
    {
      g_autoptr(GPtrArray) codes = NULL;

      /* a decided, frozen election shows every part of the pages */
      decide_candidates (0);
      codes = jp_store_freeze (store, "test", &error);
      g_assert_no_error (error);
      save_screenshots (g_getenv ("JP_SETUP_SHOTS"));
      ret = 0;
    }

  g_clear_object (&store);
  jp_test_remove_election (tmpdir, path);
  g_free (tmpdir);
  return ret;
}
