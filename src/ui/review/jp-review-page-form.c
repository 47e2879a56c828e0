/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ui/review/jp-criterion-row.h"
#include "ui/review/jp-evidence-check.h"
#include "ui/review/jp-exclusion-row.h"
#include "ui/review/jp-review-page-private.h"

/* The review form of JpReviewPage: the criteria and exclusion rows, the evidence popovers,
 * the warnings, the decision and the history of the candidate shown. */

/* Abbreviated from RULES.md "Eligibility". */
static const char * const criterion_texts[JP_N_CRITERIA + 1] = {
  NULL,
  N_("Honours: city-level or higher model worker, May Day Labour Medal or Lucheng Talent; "
     "government special allowance"),
  N_("Skill competitions: national top 20, autonomous-region top 3, city first place, or "
     "city-level or higher technical expert"),
  N_("National or autonomous-region science and technology progress award with major benefit"),
  N_("Major invention, key production problem solved or outstanding use of advanced "
     "technology; recognised industry leader"),
  N_("Unique skills with patents in key fields, or major contribution to passing on ethnic "
     "traditional crafts"),
  N_("Main member of a national, regional or city major science and technology project"),
};

/* ---- the review form ---- */

static JpReviewDecision
form_decision (JpReviewPage *self)
{
  if (gtk_check_button_get_active (self->qualified_check))
    return JP_REVIEW_DECISION_QUALIFIED;
  if (gtk_check_button_get_active (self->returned_check))
    return JP_REVIEW_DECISION_RETURNED;
  return JP_REVIEW_DECISION_NONE;
}

/* The review as the form shows it. */
JpReview *
jp_review_page_form_review (JpReviewPage *self)
{
  g_autoptr(JpReview) review = jp_review_new (self->candidate->id);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));

  for (int n = 1; n <= JP_N_CRITERIA; n++)
    {
      if (!gtk_check_button_get_active (self->criterion_checks[n]))
        continue;
      review->criteria_met |= 1u << n;
      for (guint i = 0; i < self->evidence_checks[n]->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (self->evidence_checks[n], i);

          if (gtk_check_button_get_active (check))
            jp_review_link_evidence (review, n,
                                     jp_evidence_check_get_sha256 (JP_EVIDENCE_CHECK (check)));
        }
    }
  for (int e = 0; e < JP_N_EXCLUSIONS; e++)
    jp_review_set_exclusion (review, e, gtk_check_button_get_active (self->exclusion_checks[e]),
                             gtk_editable_get_text (GTK_EDITABLE (self->exclusion_entries[e])));
  review->decision = form_decision (self);
  review->reason = *reason != '\0' ? g_strdup (reason) : NULL;
  return g_steal_pointer (&review);
}

static void
update_evidence_button (JpReviewPage *self,
                        int           n)
{
  guint linked = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->evidence_checks[n]->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks[n], i)))
      linked++;
  text = g_strdup_printf (ngettext ("%u document", "%u documents", linked), linked);
  gtk_menu_button_set_label (self->evidence_buttons[n], text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_buttons[n]),
                            gtk_check_button_get_active (self->criterion_checks[n]));
}

static void
add_warning_row (JpReviewPage *self,
                 const char   *message,
                 gboolean      error)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                  : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (message);

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 8, "margin-bottom", 8,
                NULL);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->warnings_list, row);
}

/* Re-checks the form with the core rule: the save button is sensitive only when the store
 * would accept the decision, and the hint beside it says why not. */
void
jp_review_page_update_form_state (JpReviewPage *self)
{
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  const char *hint = NULL;

  if (self->candidate == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-next", FALSE);
      return;
    }
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    update_evidence_button (self, n);

  review = jp_review_page_form_review (self);
  ok = jp_review_check_decision (review, self->candidate, &warnings, &error);
  if (review->decision == JP_REVIEW_DECISION_NONE)
    {
      ok = FALSE;
      hint = _("Choose “Qualified” or “Returned” to save a decision.");
    }
  else if (!ok)
    hint = error->message;
  else
    hint = _("Ctrl+S saves the decision, Ctrl+Enter saves and goes to the next candidate.");
  gtk_label_set_text (self->save_hint, hint);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-next", ok);
  gtk_widget_set_tooltip_text (self->save_button, ok ? NULL : hint);

  jp_review_page_clear_list (self->warnings_list);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const JpFinding *w = g_ptr_array_index (warnings, i);

      add_warning_row (self, w->message, w->severity == JP_SEVERITY_ERROR);
    }
  gtk_widget_set_visible (self->warnings_box, warnings != NULL && warnings->len > 0);
}

void
jp_review_page_on_form_changed (JpReviewPage *self)
{
  if (!self->loading)
    jp_review_page_update_form_state (self);
}

/* Ticking a criterion pre-selects the evidence tagged with it, when nothing is linked yet. */
static void
on_criterion_row_toggled (JpCriterionRow *row,
                          JpReviewPage   *self)
{
  int n = jp_criterion_row_get_criterion (row);
  gboolean any = FALSE;

  if (self->loading)
    return;
  if (gtk_check_button_get_active (jp_criterion_row_get_check (row)))
    {
      for (guint i = 0; i < self->evidence_checks[n]->len; i++)
        any |= gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks[n], i));
      self->loading = TRUE;
      for (guint i = 0; !any && i < self->evidence_checks[n]->len; i++)
        {
          JpEvidenceCheck *e = g_ptr_array_index (self->evidence_checks[n], i);

          if (jp_evidence_check_is_tagged (e))
            gtk_check_button_set_active (GTK_CHECK_BUTTON (e), TRUE);
        }
      self->loading = FALSE;
    }
  jp_review_page_update_form_state (self);
}

/* The rows are templates (jp-criterion-row.ui, jp-exclusion-row.ui); the page keeps their
 * controls to read the form. */
void
jp_review_page_build_criteria (JpReviewPage *self)
{
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    {
      g_autofree char *text = g_strdup_printf (_("%d. %s"), n, gettext (criterion_texts[n]));
      JpCriterionRow *row = JP_CRITERION_ROW (jp_criterion_row_new (n, text));

      g_signal_connect_object (row, "toggled", G_CALLBACK (on_criterion_row_toggled), self, 0);
      gtk_list_box_append (self->criteria_list, GTK_WIDGET (row));
      self->criterion_checks[n] = jp_criterion_row_get_check (row);
      self->evidence_buttons[n] = jp_criterion_row_get_evidence_button (row);
      self->evidence_boxes[n] = jp_criterion_row_get_evidence_box (row);
      self->evidence_checks[n] = g_ptr_array_new ();
    }
}

void
jp_review_page_build_exclusions (JpReviewPage *self)
{
  for (int e = 0; e < JP_N_EXCLUSIONS; e++)
    {
      JpExclusionRow *row = JP_EXCLUSION_ROW (jp_exclusion_row_new (e));

      g_signal_connect_object (row, "changed", G_CALLBACK (jp_review_page_on_form_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->exclusions_list, GTK_WIDGET (row));
      self->exclusion_checks[e] = jp_exclusion_row_get_check (row);
      self->exclusion_entries[e] = jp_exclusion_row_get_note (row);
    }
}

static gboolean
review_links (const JpReview *review,
              int             n,
              const char     *sha256)
{
  for (guint i = 0; review != NULL && i < review->evidence[n]->len; i++)
    if (g_strcmp0 (g_ptr_array_index (review->evidence[n], i), sha256) == 0)
      return TRUE;
  return FALSE;
}

static void
fill_evidence_popovers (JpReviewPage   *self,
                        const JpReview *review)
{
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    {
      GtkWidget *child;
      gboolean stored = review != NULL && review->evidence[n]->len > 0;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_boxes[n]))) != NULL)
        gtk_box_remove (self->evidence_boxes[n], child);
      g_ptr_array_set_size (self->evidence_checks[n], 0);

      for (guint i = 0; self->candidate->documents != NULL
                        && i < self->candidate->documents->len; i++)
        {
          const JpDocumentRef *ref = g_ptr_array_index (self->candidate->documents, i);
          g_autofree char *text = NULL;
          GtkWidget *check;
          gboolean tagged;

          if (ref->kind != JP_DOC_EVIDENCE)
            continue;
          tagged = ref->criterion == n;
          text = tagged ? g_strdup_printf (_("%s (tagged %d)"), ref->filename, n)
                        : g_strdup (ref->filename);
          check = jp_evidence_check_new (text, ref->sha256, tagged);
          /* a stored review says what is linked; ticking the criterion later pre-selects the
           * tagged documents (on_criterion_toggled) */
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       stored && review_links (review, n, ref->sha256));
          g_signal_connect_object (check, "toggled", G_CALLBACK (jp_review_page_on_form_changed), self,
                                   G_CONNECT_SWAPPED);
          gtk_box_append (self->evidence_boxes[n], check);
          g_ptr_array_add (self->evidence_checks[n], check);
        }
      if (self->evidence_checks[n]->len == 0)
        gtk_box_append (self->evidence_boxes[n],
                        gtk_label_new (_("This dossier has no evidence documents.")));
    }
}

static const char *
history_action_label (const char *action)
{
  if (g_strcmp0 (action, "review.decide") == 0)
    return _("Review decision");
  if (g_strcmp0 (action, "candidate.add") == 0)
    return _("Dossier imported");
  if (g_strcmp0 (action, "candidate.update") == 0)
    return _("Dossier updated");
  return action;
}

static void
fill_history (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  jp_review_page_clear_list (self->history_list);
  entries = jp_store_list_candidate_history (self->store, self->candidate->id, &store_error);
  if (entries == NULL && store_error != NULL)
    {
      jp_review_page_show_message (self, store_error->message);
      g_clear_error (&store_error);
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *when = jp_review_page_format_time (e->at);
      g_autofree char *detail = NULL;
      g_autofree char *text = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      GtkWidget *row, *label;

      if (g_strcmp0 (e->action, "review.decide") == 0 && e->payload != NULL
          && json_parser_load_from_data (parser, e->payload, -1, NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *o = json_node_get_object (json_parser_get_root (parser));
          const char *decision = json_object_get_string_member_with_default (o, "decision", "");
          const char *reason = json_object_get_string_member_with_default (o, "reason", "");

          detail = *reason != '\0'
                   ? g_strdup_printf (_("%s: %s"),
                                      jp_review_decision_label (
                                        jp_review_decision_from_string (decision, NULL)),
                                      reason)
                   : g_strdup (jp_review_decision_label (
                                 jp_review_decision_from_string (decision, NULL)));
        }
      /* TRANSLATORS: "2026-03-05 14:20 · 张三 · Review decision · Returned: …" */
      text = detail != NULL
             ? g_strdup_printf (_("%s · %s · %s · %s"), when, e->actor, history_action_label (e->action), detail)
             : g_strdup_printf (_("%s · %s · %s"), when, e->actor,
                                history_action_label (e->action));
      row = gtk_list_box_row_new ();
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 8,
                    "margin-bottom", 8, NULL);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->history_list, row);
    }
}

/* Fills the form from the stored review of the selected candidate. */
void
jp_review_page_load_selected (JpReviewPage *self)
{
  JpCandidate *item = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *position = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *when = NULL;

  g_clear_object (&self->candidate);
  if (item != NULL && self->store != NULL)
    self->candidate = jp_store_get_candidate (self->store, item->id, &error);
  if (error != NULL)
    jp_review_page_show_message (self, error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous",
                                 gtk_single_selection_get_selected (self->selection) > 0
                                 && self->candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next", self->candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next-pending",
                                 self->candidate != NULL);
  if (self->candidate == NULL)
    {
      jp_dossier_view_show_candidate (self->dossier_view, 0, NULL);
      gtk_stack_set_visible_child_name (self->walk_stack, "empty");
      jp_review_page_update_form_state (self);
      return;
    }
  review = jp_store_get_review (self->store, self->candidate->id, &error);
  if (review == NULL)
    {
      jp_review_page_show_message (self, error->message);
      review = jp_review_new (self->candidate->id);
    }
  else if (review->decided_at == 0 && review->criteria_met == 0)
    {
      /* nothing stored yet: start from the criteria the form claims, with their tagged
       * evidence; the reviewer confirms or unticks */
      JpReviewDecision decision = review->decision;

      g_clear_pointer (&review, jp_review_free);
      review = jp_review_new_from_claims (self->candidate);
      review->decision = decision;
    }

  self->loading = TRUE;
  position = g_strdup_printf (_("%s (%u of %u)"), self->candidate->name,
                              gtk_single_selection_get_selected (self->selection) + 1,
                              g_list_model_get_n_items (G_LIST_MODEL (self->selection)));
  gtk_label_set_text (self->position_label, position);
  fill_evidence_popovers (self, review);
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    gtk_check_button_set_active (self->criterion_checks[n],
                                 (review->criteria_met & (1u << n)) != 0);
  for (int e = 0; e < JP_N_EXCLUSIONS; e++)
    {
      gtk_check_button_set_active (self->exclusion_checks[e],
                                   (review->exclusions & (1u << e)) != 0);
      gtk_editable_set_text (GTK_EDITABLE (self->exclusion_entries[e]),
                             review->exclusion_notes[e] != NULL ? review->exclusion_notes[e]
                                                                : "");
    }
  gtk_check_button_set_active (self->qualified_check,
                               review->decision == JP_REVIEW_DECISION_QUALIFIED);
  gtk_check_button_set_active (self->returned_check,
                               review->decision == JP_REVIEW_DECISION_RETURNED);
  if (review->decision == JP_REVIEW_DECISION_NONE)
    {
      /* radio buttons in a group cannot be cleared one by one */
      gtk_check_button_set_active (self->qualified_check, FALSE);
      gtk_check_button_set_active (self->returned_check, FALSE);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry),
                         review->reason != NULL ? review->reason : "");
  self->loading = FALSE;

  when = jp_review_page_format_time (review->decided_at);
  if (review->decision != JP_REVIEW_DECISION_NONE)
    decided = g_strdup_printf (_("%s by %s on %s."), jp_review_decision_label (review->decision),
                               review->decided_by != NULL ? review->decided_by : "—", when);
  else
    decided = g_strdup (_("Not reviewed yet."));
  gtk_label_set_text (self->decided_label, decided);
  fill_history (self);
  if (jp_dossier_view_get_candidate_id (self->dossier_view) != self->candidate->id)
    jp_dossier_view_show_candidate (self->dossier_view, self->candidate->id, NULL);
  gtk_stack_set_visible_child_name (self->walk_stack, "review");
  jp_review_page_update_form_state (self);
}
