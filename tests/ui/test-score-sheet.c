/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "core/jp-settings.h"
#include "ui/station/jp-score-sheet.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

typedef struct {
  GtkWidget    *window;
  JpScoreSheet *sheet;
  guint         n_changed;
  guint         n_submit;
} Fixture;

static void
on_changed (JpScoreSheet *sheet, Fixture *fx)
{
  fx->n_changed++;
}

static void
on_submit (JpScoreSheet *sheet, Fixture *fx)
{
  fx->n_submit++;
}

static void
fixture_set_up (Fixture *fx, gconstpointer data)
{
  g_autoptr(JpSettings) settings = jp_settings_new ();

  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1366, 768);
  fx->sheet = JP_SCORE_SHEET (jp_score_sheet_new ());
  gtk_window_set_child (GTK_WINDOW (fx->window), GTK_WIDGET (fx->sheet));
  g_signal_connect (fx->sheet, "changed", G_CALLBACK (on_changed), fx);
  g_signal_connect (fx->sheet, "submit", G_CALLBACK (on_submit), fx);
  jp_score_sheet_set_model (fx->sheet, "XT-03", 3, 7, jp_sheet_model_new (settings->rubric));
  gtk_window_present (GTK_WINDOW (fx->window));
  jp_test_spin ();
}

static void
fixture_tear_down (Fixture *fx, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  jp_test_spin ();
}

/* The key controller of an entry, as the keyboard reaches it. */
static void
press_key (GtkEditable *entry,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (entry));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        {
          g_signal_emit_by_name (c, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          if (handled)
            break;
        }
    }
  g_assert_true (handled);
}

static void
test_type_and_total (Fixture *fx, gconstpointer data)
{
  const char *values[] = { "13", "21.5", "22", "17", "12" };
  JpSheetModel *model = jp_score_sheet_get_model (fx->sheet);

  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "sheet");
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fx->sheet), "XT-03", TRUE));
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fx->sheet), "3 / 7", TRUE));
  g_assert_cmpstr (jp_score_sheet_get_total_text (fx->sheet), ==, "Total 0.0 of 100.0");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_editable_set_text (jp_score_sheet_get_entry (fx->sheet, i), values[i]);
  jp_test_spin ();
  /* 13 + 21.5 + 22 + 17 + 12 = 85.5 */
  g_assert_cmpstr (jp_score_sheet_get_total_text (fx->sheet), ==, "Total 85.5 of 100.0");
  g_assert_cmpint (jp_sheet_model_get_total (model), ==, 171);
  g_assert_cmpuint (fx->n_changed, >=, 5);
  g_assert_true (jp_sheet_model_is_complete (model));
  jp_test_screenshot (fx->window, "score-sheet-typed");
  g_assert_false (jp_test_any_label_ellipsized (fx->window));
}

static void
test_plus_minus_keys (Fixture *fx, gconstpointer data)
{
  GtkEditable *first = jp_score_sheet_get_entry (fx->sheet, 0);

  gtk_editable_set_text (first, "12");
  press_key (first, GDK_KEY_plus);
  g_assert_cmpstr (gtk_editable_get_text (first), ==, "12.5");
  press_key (first, GDK_KEY_KP_Add);
  press_key (first, GDK_KEY_plus);
  press_key (first, GDK_KEY_plus);
  press_key (first, GDK_KEY_plus);
  press_key (first, GDK_KEY_plus);
  press_key (first, GDK_KEY_plus);
  /* the first criterion's maximum is 15: + stops there */
  g_assert_cmpstr (gtk_editable_get_text (first), ==, "15");
  press_key (first, GDK_KEY_minus);
  g_assert_cmpstr (gtk_editable_get_text (first), ==, "14.5");
  g_assert_cmpstr (jp_score_sheet_get_total_text (fx->sheet), ==, "Total 14.5 of 100.0");
}

static void
test_invalid_value (Fixture *fx, gconstpointer data)
{
  GtkEditable *second = jp_score_sheet_get_entry (fx->sheet, 1);

  gtk_editable_set_text (second, "26");
  jp_test_spin ();
  /* the message stands next to the field, naming the maximum */
  g_assert_nonnull (strstr (jp_score_sheet_get_field_message (fx->sheet, 1), "25"));
  g_assert_cmpstr (jp_score_sheet_get_field_message (fx->sheet, 0), ==, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (second), "error"));
  g_assert_cmpstr (jp_score_sheet_get_total_text (fx->sheet), ==, "Total 0.0 of 100.0");
  jp_test_screenshot (fx->window, "score-sheet-invalid");

  gtk_editable_set_text (second, "12.3");
  g_assert_nonnull (strstr (jp_score_sheet_get_field_message (fx->sheet, 1), "0.5"));
  /* a sheet with a wrong field is not sent: the review names the problem */
  gtk_editable_set_text (jp_score_sheet_get_entry (fx->sheet, 0), "13");
  gtk_editable_set_text (jp_score_sheet_get_entry (fx->sheet, 2), "22");
  gtk_editable_set_text (jp_score_sheet_get_entry (fx->sheet, 3), "17");
  gtk_editable_set_text (jp_score_sheet_get_entry (fx->sheet, 4), "12");
  jp_score_sheet_review (fx->sheet);
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "sheet");
  g_assert_nonnull (strstr (jp_score_sheet_get_message_text (fx->sheet), "0.5"));
  gtk_editable_set_text (second, "12.5");
  g_assert_cmpstr (jp_score_sheet_get_field_message (fx->sheet, 1), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (second), "error"));
  g_assert_cmpuint (fx->n_submit, ==, 0);
}

static void
test_submit_locks (Fixture *fx, gconstpointer data)
{
  const char *values[] = { "13", "21.5", "22", "17", "12" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_editable_set_text (jp_score_sheet_get_entry (fx->sheet, i), values[i]);
  /* the button asks first; "Change" goes back with nothing sent */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->sheet), "sheet.review", NULL));
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "confirm");
  g_assert_nonnull (jp_test_find_label (GTK_WIDGET (fx->sheet),
                                        "Your total for XT-03 is 85.5 points. Once submitted, "
                                        "the sheet is locked and cannot be changed.", TRUE));
  jp_test_screenshot (fx->window, "score-sheet-confirm");
  gtk_widget_activate_action (GTK_WIDGET (fx->sheet), "sheet.back", NULL);
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "sheet");
  g_assert_cmpuint (fx->n_submit, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fx->sheet), "sheet.review", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fx->sheet), "sheet.submit", NULL);
  g_assert_cmpuint (fx->n_submit, ==, 1);
  g_assert_cmpint (jp_sheet_model_get_state (jp_score_sheet_get_model (fx->sheet)), ==,
                   JP_SHEET_SUBMITTING);
  jp_score_sheet_set_state (fx->sheet, JP_SHEET_SUBMITTED, NULL);
  jp_test_spin ();
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "sheet");
  /* locked: typing changes nothing, the keys do nothing, no second submit */
  g_assert_false (gtk_editable_get_editable (jp_score_sheet_get_entry (fx->sheet, 0)));
  g_assert_false (gtk_widget_get_visible (jp_score_sheet_get_review_button (fx->sheet)));
  gtk_widget_activate_action (GTK_WIDGET (fx->sheet), "sheet.review", NULL);
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "sheet");
  press_key (jp_score_sheet_get_entry (fx->sheet, 0), GDK_KEY_plus);
  g_assert_cmpstr (gtk_editable_get_text (jp_score_sheet_get_entry (fx->sheet, 0)), ==, "13");
  g_assert_cmpuint (fx->n_submit, ==, 1);
  jp_test_screenshot (fx->window, "score-sheet-locked");
  g_assert_false (jp_test_any_label_ellipsized (fx->window));
}

static void
test_step_out (Fixture *fx, gconstpointer data)
{
  jp_score_sheet_set_state (fx->sheet, JP_SHEET_STEP_OUT, NULL);
  jp_test_spin ();
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "status");
  g_assert_cmpstr (jp_score_sheet_get_status_title (fx->sheet), ==,
                   "Step Out for This Candidate");
  g_assert_false (jp_sheet_model_is_editable (jp_score_sheet_get_model (fx->sheet)));
  gtk_widget_activate_action (GTK_WIDGET (fx->sheet), "sheet.review", NULL);
  g_assert_cmpstr (jp_score_sheet_get_page (fx->sheet), ==, "status");
  jp_test_screenshot (fx->window, "score-sheet-step-out");
}

int
main (int argc, char *argv[])
{
  jp_test_init_ui (&argc, &argv);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/score-sheet/type-and-total", test_type_and_total);
  ADD ("/ui/score-sheet/plus-minus-keys", test_plus_minus_keys);
  ADD ("/ui/score-sheet/invalid-value", test_invalid_value);
  ADD ("/ui/score-sheet/submit-locks", test_submit_locks);
  ADD ("/ui/score-sheet/step-out", test_step_out);
#undef ADD
  return g_test_run ();
}
