/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/app/jp-operator.h"
#include "ui/review/jp-evidence-check.h"
#include "ui/review/jp-exclusion-row.h"
#include "ui/review/jp-review-page-private.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

#define N_CANDIDATES 20

typedef struct {
  char         *tmpdir;
  char         *path;
  JpStore      *store;
  JpWindow     *window;
  JpReviewPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JpDemoOptions options = { N_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };

  fixture->tmpdir = g_dir_make_tmp ("jp-test-review-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->tmpdir, "demo.jiangping", NULL);
  fixture->store = jp_demo_create (fixture->path, &options, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture->window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  jp_window_set_store (fixture->window, fixture->store);
  jp_window_show_stage (fixture->window, "qualification");
  fixture->page = jp_window_get_review_page (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  jp_test_spin ();
  g_assert_cmpstr (jp_window_get_visible_stage (fixture->window), ==, "qualification");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  jp_test_spin ();
  g_clear_object (&fixture->store);
  g_remove (fixture->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

/* Candidates that can be qualified: evidence, no intake errors that matter here. */
static JpCandidate *
nth_with_evidence (Fixture *fixture,
                   guint    nth)
{
  g_autoptr(GListModel) all = jp_store_list_candidates (fixture->store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (all, i);

      if (item->n_evidence >= 2 && nth-- == 0)
        return jp_store_get_candidate (fixture->store, item->id, NULL);
    }
  return NULL;
}

static gboolean
save_enabled (Fixture *fixture)
{
  jp_test_spin ();
  return gtk_widget_get_sensitive (jp_review_page_get_save_button (fixture->page));
}

/* Ticks `criterion` and makes sure at least one evidence document is linked to it;
 * returns (a copy of) the sha256 of a linked one. */
static char *
tick_criterion (Fixture *fixture,
                int      criterion)
{
  GPtrArray *checks;

  gtk_check_button_set_active (jp_review_page_get_criterion_check (fixture->page, criterion),
                               TRUE);
  checks = jp_review_page_get_evidence_checks (fixture->page, criterion);
  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      return g_strdup (jp_evidence_check_get_sha256 (g_ptr_array_index (checks, i)));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  return g_strdup (jp_evidence_check_get_sha256 (g_ptr_array_index (checks, 0)));
}

static gboolean
review_links (JpReview   *review,
              int         criterion,
              const char *sha256)
{
  for (guint i = 0; i < review->evidence[criterion]->len; i++)
    if (g_strcmp0 (g_ptr_array_index (review->evidence[criterion], i), sha256) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_decisions (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GPtrArray) history = jp_store_list_candidate_history (fixture->store, id, NULL);
  guint n = 0;

  g_assert_nonnull (history);
  for (guint i = 0; i < history->len; i++)
    if (g_strcmp0 (((JpAuditEntry *) g_ptr_array_index (history, i))->action,
                   "review.decide") == 0)
      n++;
  return n;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
test_qualify_return_rereview (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JpCandidate) first = nth_with_evidence (fixture, 0);
  g_autoptr(JpCandidate) second = nth_with_evidence (fixture, 1);
  g_autoptr(JpReview) review = NULL;
  g_autoptr(JpCandidate) stored = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *sha1 = NULL;
  g_autofree char *sha4 = NULL;
  guint total = jp_store_count_candidates (fixture->store);

  g_assert_nonnull (first);
  g_assert_nonnull (second);

  /* 1. criteria 1 and 4 with evidence, qualified */
  g_assert_true (jp_review_page_show_candidate (fixture->page, first->id));
  g_assert_false (save_enabled (fixture));   /* no decision chosen yet */
  for (int n = 1; n <= 6; n++)   /* the reviewer unticks what the form claims */
    gtk_check_button_set_active (jp_review_page_get_criterion_check (fixture->page, n), FALSE);
  sha1 = tick_criterion (fixture, 1);
  sha4 = tick_criterion (fixture, 4);
  gtk_check_button_set_active (jp_review_page_get_qualified_check (fixture->page), TRUE);
  g_assert_true (save_enabled (fixture));
  jp_test_screenshot (GTK_WIDGET (fixture->window), "review-walk");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.save", NULL));
  jp_test_spin ();
  g_assert_null (jp_review_page_get_last_message (fixture->page));

  review = jp_store_get_review (fixture->store, first->id, NULL);
  g_assert_nonnull (review);
  g_assert_cmpint (review->decision, ==, JP_REVIEW_DECISION_QUALIFIED);
  g_assert_cmpuint (review->criteria_met, ==, (1u << 1) | (1u << 4));
  g_assert_true (review_links (review, 1, sha1));
  g_assert_true (review_links (review, 4, sha4));
  g_assert_nonnull (review->decided_by);
  stored = jp_store_get_candidate (fixture->store, first->id, NULL);
  g_assert_cmpint (stored->status, ==, JP_STATUS_QUALIFIED);
  g_clear_object (&stored);
  g_clear_pointer (&review, jp_review_free);

  /* 2. returned without a reason: save refused in the UI, and the hint says why */
  g_assert_true (jp_review_page_show_candidate (fixture->page, second->id));
  gtk_check_button_set_active (jp_review_page_get_returned_check (fixture->page), TRUE);
  gtk_editable_set_text (jp_review_page_get_reason_entry (fixture->page), "   ");
  g_assert_false (save_enabled (fixture));
  g_assert_cmpstr (gtk_label_get_text (jp_review_page_get_save_hint (fixture->page)), !=, "");
  gtk_editable_set_text (jp_review_page_get_reason_entry (fixture->page),
                         "推荐材料不全，请补充证明材料");
  g_assert_true (save_enabled (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.save", NULL));
  jp_test_spin ();
  stored = jp_store_get_candidate (fixture->store, second->id, NULL);
  g_assert_cmpint (stored->status, ==, JP_STATUS_RETURNED);
  g_clear_object (&stored);
  review = jp_store_get_review (fixture->store, second->id, NULL);
  g_assert_cmpstr (review->reason, ==, "推荐材料不全，请补充证明材料");
  g_clear_pointer (&review, jp_review_free);

  /* 3. the returned candidate re-reviewed as qualified: two decisions in the history */
  g_assert_true (jp_review_page_show_candidate (fixture->page, second->id));
  g_assert_true (gtk_check_button_get_active (jp_review_page_get_returned_check (fixture->page)));
  g_free (tick_criterion (fixture, 2));
  gtk_check_button_set_active (jp_review_page_get_qualified_check (fixture->page), TRUE);
  g_assert_true (save_enabled (fixture));
  g_assert_true (jp_review_page_save (fixture->page));
  jp_test_spin ();
  stored = jp_store_get_candidate (fixture->store, second->id, NULL);
  g_assert_cmpint (stored->status, ==, JP_STATUS_QUALIFIED);
  g_assert_cmpuint (count_decisions (fixture, second->id), ==, 2);
  g_assert_cmpuint (count_rows (jp_review_page_get_history_list (fixture->page)), >=, 2);
  g_assert_cmpint (jp_review_page_get_candidate_id (fixture->page), ==, second->id);

  /* progress: two of all reviewed, both qualified now */
  progress = g_strdup_printf ("Reviewed 2 of %u · 2 qualified · 0 returned", total);
  g_assert_cmpstr (gtk_label_get_text (jp_review_page_get_progress_label (fixture->page)), ==,
                   progress);
  jp_test_screenshot (GTK_WIDGET (fixture->window), "review-after");
}

static void
test_misconduct_blocks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JpCandidate) c = nth_with_evidence (fixture, 2);

  g_assert_true (jp_review_page_show_candidate (fixture->page, c->id));
  g_free (tick_criterion (fixture, 1));
  gtk_check_button_set_active (jp_review_page_get_qualified_check (fixture->page), TRUE);
  g_assert_true (save_enabled (fixture));
  gtk_check_button_set_active (jp_review_page_get_exclusion_check (fixture->page,
                                                                   JP_EXCLUSION_MISCONDUCT),
                               TRUE);
  g_assert_false (save_enabled (fixture));
  /* a criterion without evidence also blocks, and the hint names the reason */
  gtk_check_button_set_active (jp_review_page_get_exclusion_check (fixture->page,
                                                                   JP_EXCLUSION_MISCONDUCT),
                               FALSE);
  g_assert_true (save_enabled (fixture));
  gtk_check_button_set_active (jp_review_page_get_criterion_check (fixture->page, 5), TRUE);
  for (guint i = 0; i < jp_review_page_get_evidence_checks (fixture->page, 5)->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (jp_review_page_get_evidence_checks (fixture->page, 5), i),
                                 FALSE);
  g_assert_false (save_enabled (fixture));
  g_assert_nonnull (strstr (gtk_label_get_text (jp_review_page_get_save_hint (fixture->page)),
                            "5"));
  /* nothing was written */
  g_assert_cmpuint (count_decisions (fixture, c->id), ==, 0);
}

/* An exclusion ticked with a note is saved with the review, the note as typed; the evidence
 * linked is the document the check button stands for. */
static void
test_exclusion_note (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JpCandidate) c = nth_with_evidence (fixture, 3);
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  GtkCheckButton *check;
  GtkWidget *row;

  g_assert_true (jp_review_page_show_candidate (fixture->page, c->id));
  sha256 = tick_criterion (fixture, 1);
  gtk_check_button_set_active (jp_review_page_get_qualified_check (fixture->page), TRUE);
  check = jp_review_page_get_exclusion_check (fixture->page, JP_EXCLUSION_CADRE_OR_HEAD);
  row = gtk_widget_get_ancestor (GTK_WIDGET (check), JP_TYPE_EXCLUSION_ROW);
  g_assert_nonnull (row);
  g_assert_cmpint (jp_exclusion_row_get_exclusion (JP_EXCLUSION_ROW (row)), ==,
                   JP_EXCLUSION_CADRE_OR_HEAD);
  gtk_check_button_set_active (check, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (jp_exclusion_row_get_note (JP_EXCLUSION_ROW (row))),
                         "测试：曾任企业负责人");
  /* a warning only: the reviewer may still qualify */
  g_assert_true (save_enabled (fixture));
  g_assert_true (jp_review_page_save (fixture->page));

  review = jp_store_get_review (fixture->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
  g_assert_true ((review->exclusions & (1u << JP_EXCLUSION_CADRE_OR_HEAD)) != 0);
  g_assert_false ((review->exclusions & (1u << JP_EXCLUSION_MISCONDUCT)) != 0);
  g_assert_cmpstr (review->exclusion_notes[JP_EXCLUSION_CADRE_OR_HEAD], ==,
                   "测试：曾任企业负责人");
  g_assert_true (review_links (review, 1, sha256));
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) all = jp_store_list_candidates (fixture->store, NULL);
  g_autoptr(JpCandidate) c0 = g_list_model_get_item (all, 0);
  g_autoptr(JpCandidate) c1 = g_list_model_get_item (all, 1);
  g_autoptr(JpCandidate) c2 = g_list_model_get_item (all, 2);
  g_autoptr(JpReview) review = jp_review_new (c1->id);

  g_assert_true (jp_review_page_show_candidate (fixture->page, c0->id));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.next", NULL);
  jp_test_spin ();
  g_assert_cmpint (jp_review_page_get_candidate_id (fixture->page), ==, c1->id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.previous", NULL);
  jp_test_spin ();
  g_assert_cmpint (jp_review_page_get_candidate_id (fixture->page), ==, c0->id);

  /* "next pending" skips a reviewed candidate */
  review->decision = JP_REVIEW_DECISION_RETURNED;
  review->reason = g_strdup ("test");
  g_assert_true (jp_store_save_review (fixture->store, review, "test", NULL, NULL));
  jp_review_page_reload (fixture->page);
  g_assert_true (jp_review_page_show_candidate (fixture->page, c0->id));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.next-pending", NULL);
  jp_test_spin ();
  g_assert_cmpint (jp_review_page_get_candidate_id (fixture->page), ==, c2->id);
}

static GtkLabel *
find_selectable_label (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget))
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_is_drawable (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_selectable_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The action name a key of `widget`'s own shortcuts triggers, NULL if none. */
static const char *
shortcut_action (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods
              && GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* A candidate not yet reviewed opens with the criteria claimed on the form ticked and their
 * tagged evidence linked; "Save and Next" (Ctrl+Enter) saves them and moves on; the name
 * heading is not shown selected. */
static void
test_claims_save_next (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListModel) all = jp_store_list_candidates (fixture->store, NULL);
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(JpCandidate) next = NULL;
  g_autoptr(JpReview) review = NULL;
  g_autoptr(JpReview) claims = NULL;
  GtkLabel *heading;
  guint at = 0;
  int start, end;

  /* the first candidate of the walk who claims a criterion with tagged evidence */
  for (guint i = 0; c == NULL && i + 1 < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (all, i);
      g_autoptr(JpCandidate) full = jp_store_get_candidate (fixture->store, item->id, NULL);
      g_autoptr(JpReview) r = jp_review_new_from_claims (full);

      for (int n = 1; n <= 6 && c == NULL; n++)
        if (r->evidence[n]->len > 0)
          {
            c = g_steal_pointer (&full);
            claims = g_steal_pointer (&r);
            at = i;
          }
    }
  g_assert_nonnull (c);
  next = g_list_model_get_item (all, at + 1);

  g_assert_true (jp_review_page_show_candidate (fixture->page, c->id));
  jp_test_spin ();
  heading = find_selectable_label (GTK_WIDGET (fixture->window), c->name);
  g_assert_nonnull (heading);
  g_assert_false (gtk_label_get_selection_bounds (heading, &start, &end));
  for (int n = 1; n <= 6; n++)
    {
      GPtrArray *checks = jp_review_page_get_evidence_checks (fixture->page, n);
      guint linked = 0;

      g_assert_cmpint (gtk_check_button_get_active (jp_review_page_get_criterion_check (fixture->page, n)),
                       ==, (c->criteria & (1u << n)) != 0);
      for (guint i = 0; i < checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
          linked++;
      g_assert_cmpuint (linked, ==, claims->evidence[n]->len);
    }
  /* keep only the criteria with evidence, and qualify */
  for (int n = 1; n <= 6; n++)
    if (claims->evidence[n]->len == 0)
      gtk_check_button_set_active (jp_review_page_get_criterion_check (fixture->page, n), FALSE);
  gtk_check_button_set_active (jp_review_page_get_qualified_check (fixture->page), TRUE);
  g_assert_true (save_enabled (fixture));
  g_assert_true (gtk_widget_is_sensitive (jp_review_page_get_save_next_button (fixture->page)));
  jp_test_screenshot (GTK_WIDGET (fixture->window), "review-claims");

  /* the keyboard path: Ctrl+Enter is bound to review.save-next on the page */
  g_assert_cmpstr (shortcut_action (GTK_WIDGET (fixture->page), GDK_KEY_Return,
                                    GDK_CONTROL_MASK), ==, "review.save-next");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "review.save-next",
                                             NULL));
  jp_test_spin ();
  g_assert_null (jp_review_page_get_last_message (fixture->page));
  g_assert_cmpint (jp_review_page_get_candidate_id (fixture->page), ==, next->id);
  review = jp_store_get_review (fixture->store, c->id, NULL);
  g_assert_cmpint (review->decision, ==, JP_REVIEW_DECISION_QUALIFIED);
  for (int n = 1; n <= 6; n++)
    {
      g_assert_cmpuint (review->evidence[n]->len, ==, claims->evidence[n]->len);
      for (guint i = 0; i < claims->evidence[n]->len; i++)
        g_assert_true (review_links (review, n, claims->evidence[n]->pdata[i]));
    }
}

/* Opening an election while nobody is named asks who operates the console; the name is
 * remembered and the review decision and its audit entry name that person. */
static void
test_operator (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GtkWindow *dialog;
  GtkWidget *box, *entry, *roles;
  gboolean audited = FALSE;

  jp_operator_set ("", JP_OPERATOR_ROLE_SECRETARIAT);
  g_assert_true (jp_window_open_file (fixture->window, fixture->path));
  jp_test_spin ();
  dialog = jp_window_get_last_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Who Is Operating This Console?");
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  entry = gtk_widget_get_first_child (box);
  roles = gtk_widget_get_next_sibling (entry);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " 张秘书 ");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_last_child (roles)), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok"));
  jp_test_screenshot (GTK_WIDGET (dialog), "operator-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  gtk_window_close (dialog);   /* as the dialog's button does after the response */
  jp_test_spin ();
  g_assert_cmpstr (jp_operator_get_name (), ==, "张秘书");
  g_assert_cmpint (jp_operator_get_role (), ==, JP_OPERATOR_ROLE_CHAIR);

  /* a decision saved now names the operator */
  jp_window_show_stage (fixture->window, "qualification");
  fixture->page = jp_window_get_review_page (fixture->window);
  all = jp_store_list_candidates (jp_window_get_store (fixture->window), NULL);
  c = g_list_model_get_item (all, 0);
  g_assert_true (jp_review_page_show_candidate (fixture->page, c->id));
  gtk_check_button_set_active (jp_review_page_get_returned_check (fixture->page), TRUE);
  gtk_editable_set_text (jp_review_page_get_reason_entry (fixture->page), "材料不全");
  g_assert_true (jp_review_page_save (fixture->page));
  jp_test_spin ();
  review = jp_store_get_review (fixture->store, c->id, NULL);
  g_assert_cmpstr (review->decided_by, ==, "张秘书");
  g_assert_nonnull (strstr (gtk_label_get_text (jp_review_page_get_decided_label (fixture->page)),
                            "张秘书"));
  history = jp_store_list_candidate_history (fixture->store, c->id, NULL);
  for (guint i = 0; i < history->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (history, i);

      if (g_strcmp0 (e->action, "review.decide") == 0)
        {
          g_assert_cmpstr (e->actor, ==, "张秘书");
          audited = TRUE;
        }
    }
  g_assert_true (audited);

  /* remembered: opening again does not ask */
  g_assert_true (jp_window_open_file (fixture->window, fixture->path));
  jp_test_spin ();
  dialog = jp_window_get_last_dialog (fixture->window);
  g_assert_true (dialog == NULL
                 || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                               "Who Is Operating This Console?") != 0
                 || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
  jp_operator_set ("", JP_OPERATOR_ROLE_SECRETARIAT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/ui/review/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("qualify-return-rereview", test_qualify_return_rereview);
  ADD ("misconduct-blocks", test_misconduct_blocks);
  ADD ("exclusion-note", test_exclusion_note);
  ADD ("navigation", test_navigation);
  ADD ("claims-save-next", test_claims_save_next);
  ADD ("operator", test_operator);
#undef ADD

  return g_test_run ();
}
