/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jp-operator.h"
#include "jp-review-page-private.h"

typedef enum {
  COL_NAME,
  COL_TRADE,
  COL_UNIT,
  COL_DECISION,
  COL_DECIDED_BY,
  COL_DECIDED_AT,
  N_COLS
} Column;

struct _JpReviewPage
{
  GtkWidget           parent_instance;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *frozen_revealer;
  GtkLabel           *frozen_label;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkGrid            *trade_grid;
  GtkStack           *mode_stack;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *trade_dropdown;
  GtkColumnView      *column_view;
  GtkStack           *walk_stack;
  JpDossierView      *dossier_view;
  GtkLabel           *position_label;
  GtkListBox         *criteria_list;
  GtkListBox         *exclusions_list;
  GtkWidget          *warnings_box;
  GtkListBox         *warnings_list;
  GtkCheckButton     *qualified_check;
  GtkCheckButton     *returned_check;
  GtkEntry           *reason_entry;
  GtkLabel           *save_hint;
  GtkWidget          *save_button;
  GtkWidget          *save_next_button;
  GtkLabel           *decided_label;
  GtkListBox         *history_list;

  /* built in code */
  GtkCheckButton     *criterion_checks[JP_N_CRITERIA + 1];
  GtkMenuButton      *evidence_buttons[JP_N_CRITERIA + 1];
  GtkBox             *evidence_boxes[JP_N_CRITERIA + 1];
  GPtrArray          *evidence_checks[JP_N_CRITERIA + 1];  /* GtkCheckButton*, borrowed */
  GtkCheckButton     *exclusion_checks[JP_N_EXCLUSIONS];
  GtkEntry           *exclusion_entries[JP_N_EXCLUSIONS];

  JpStore            *store;
  GListStore         *empty;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkStringList      *trades;
  GHashTable         *reviews;     /* candidate id (gint64*) -> JpReview* */
  JpCandidate        *candidate;   /* the one being reviewed, with its documents */
  gboolean            loading;     /* filling the form: no change handlers */
  char               *last_message;
};

G_DEFINE_FINAL_TYPE (JpReviewPage, jp_review_page, GTK_TYPE_WIDGET)

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

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (unix_time);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

static void
show_message (JpReviewPage *self,
              const char   *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- the table ---- */

static JpReview *
review_of (JpReviewPage *self,
           JpCandidate  *c)
{
  return self->reviews != NULL ? g_hash_table_lookup (self->reviews, &c->id) : NULL;
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           JpReviewPage             *self)
{
  JpCandidate *c = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jp-column"));
  JpReview *review = review_of (self, c);
  g_autofree char *when = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  switch (column)
    {
    case COL_NAME:
      gtk_label_set_text (label, c->name != NULL ? c->name : "");
      break;
    case COL_TRADE:
      gtk_label_set_text (label, c->trade != NULL ? c->trade : "");
      break;
    case COL_UNIT:
      gtk_label_set_text (label, c->unit != NULL ? c->unit : "");
      break;
    case COL_DECISION:
      gtk_label_set_text (label, jp_status_label (c->status));
      if (c->status == JP_STATUS_QUALIFIED)
        gtk_widget_add_css_class (GTK_WIDGET (label), "success");
      else if (c->status == JP_STATUS_RETURNED)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      break;
    case COL_DECIDED_BY:
      gtk_label_set_text (label, review != NULL && review->decided_by != NULL
                                 ? review->decided_by : "");
      break;
    case COL_DECIDED_AT:
    case N_COLS:
    default:
      when = format_time (review != NULL ? review->decided_at : 0);
      gtk_label_set_text (label, when);
      break;
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
add_column (JpReviewPage *self,
            Column        column,
            const char   *title,
            int           width)   /* fixed width in pixels, or -1 to take the free space */
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "jp-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
}

static gboolean
candidate_visible (gpointer item,
                   gpointer user_data)
{
  JpReviewPage *self = user_data;
  JpCandidate *c = item;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint trade = gtk_drop_down_get_selected (self->trade_dropdown);

  /* state positions: 0 all, then JpCandidateStatus + 1 */
  if (state != 0 && state != GTK_INVALID_LIST_POSITION && (guint) c->status + 1 != state)
    return FALSE;
  if (trade != 0 && trade != GTK_INVALID_LIST_POSITION
      && g_strcmp0 (c->trade, gtk_string_list_get_string (self->trades, trade)) != 0)
    return FALSE;
  return TRUE;
}

static void
on_filter_changed (JpReviewPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- progress ---- */

static void
update_progress (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpReviewProgress) progress = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trade_grid))) != NULL)
    gtk_grid_remove (self->trade_grid, child);
  progress = self->store != NULL ? jp_store_get_review_progress (self->store, &store_error)
                                 : NULL;
  if (progress == NULL && store_error != NULL)
    {
      show_message (self, store_error->message);
      g_clear_error (&store_error);
    }
  if (progress == NULL)
    {
      gtk_label_set_text (self->progress_label, "");
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      return;
    }

  /* TRANSLATORS: "Reviewed 12 of 20 · 10 qualified · 2 returned" */
  text = g_strdup_printf (_("Reviewed %u of %u · %u qualified · %u returned"),
                          progress->reviewed, progress->total, progress->qualified,
                          progress->returned);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, progress->total > 0
                                 ? (double) progress->reviewed / progress->total : 0);

  for (guint i = 0; progress->trades != NULL && i < progress->trades->len; i++)
    {
      JpReviewTradeProgress *t = g_ptr_array_index (progress->trades, i);
      guint reviewed = t->qualified + t->returned;
      GtkWidget *name = gtk_label_new (*t->trade != '\0' ? t->trade : _("(no trade)"));
      GtkWidget *bar = gtk_progress_bar_new ();
      g_autofree char *count = g_strdup_printf (_("%u / %u"), reviewed, t->total);
      GtkWidget *count_label = gtk_label_new (count);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (count_label), 1);
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 120, -1);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                     t->total > 0 ? (double) reviewed / t->total : 0);
      gtk_grid_attach (self->trade_grid, name, 0, (int) i, 1, 1);
      gtk_grid_attach (self->trade_grid, bar, 1, (int) i, 1, 1);
      gtk_grid_attach (self->trade_grid, count_label, 2, (int) i, 1, 1);
    }
}

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
static JpReview *
form_review (JpReviewPage *self)
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
            jp_review_link_evidence (review, n, g_object_get_data (G_OBJECT (check),
                                                                   "jp-sha256"));
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
static void
update_form_state (JpReviewPage *self)
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

  review = form_review (self);
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

  clear_list (self->warnings_list);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const JpFinding *w = g_ptr_array_index (warnings, i);

      add_warning_row (self, w->message, w->severity == JP_SEVERITY_ERROR);
    }
  gtk_widget_set_visible (self->warnings_box, warnings != NULL && warnings->len > 0);
}

static void
on_form_changed (JpReviewPage *self)
{
  if (!self->loading)
    update_form_state (self);
}

/* Ticking a criterion pre-selects the evidence tagged with it, when nothing is linked yet. */
static void
on_criterion_toggled (GtkCheckButton *check,
                      JpReviewPage   *self)
{
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "jp-criterion"));
  gboolean any = FALSE;

  if (self->loading)
    return;
  if (gtk_check_button_get_active (check))
    {
      for (guint i = 0; i < self->evidence_checks[n]->len; i++)
        any |= gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks[n], i));
      self->loading = TRUE;
      for (guint i = 0; !any && i < self->evidence_checks[n]->len; i++)
        {
          GtkCheckButton *e = g_ptr_array_index (self->evidence_checks[n], i);

          if (g_object_get_data (G_OBJECT (e), "jp-tagged") != NULL)
            gtk_check_button_set_active (e, TRUE);
        }
      self->loading = FALSE;
    }
  update_form_state (self);
}

static void
build_criteria (JpReviewPage *self)
{
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *text = g_strdup_printf (_("%d. %s"), n, gettext (criterion_texts[n]));
      GtkWidget *check = gtk_check_button_new_with_label (text);
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *pbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *button = gtk_menu_button_new ();
      GtkWidget *label = gtk_widget_get_last_child (check);

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        }
      gtk_widget_set_hexpand (check, TRUE);
      g_object_set_data (G_OBJECT (check), "jp-criterion", GINT_TO_POINTER (n));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_criterion_toggled), self, 0);
      g_object_set (pbox, "margin-start", 6, "margin-end", 6, "margin-top", 6,
                    "margin-bottom", 6, NULL);
      gtk_popover_set_child (GTK_POPOVER (popover), pbox);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Evidence documents that prove this criterion"));
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), button);
      g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 6,
                    "margin-bottom", 6, NULL);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->criteria_list, row);

      self->criterion_checks[n] = GTK_CHECK_BUTTON (check);
      self->evidence_buttons[n] = GTK_MENU_BUTTON (button);
      self->evidence_boxes[n] = GTK_BOX (pbox);
      self->evidence_checks[n] = g_ptr_array_new ();
    }
}

static void
build_exclusions (JpReviewPage *self)
{
  for (int e = 0; e < JP_N_EXCLUSIONS; e++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *check = gtk_check_button_new_with_label (jp_exclusion_label (e));
      GtkWidget *explain = gtk_label_new (e == JP_EXCLUSION_MISCONDUCT
        ? _("A hard stop: a candidate with this exclusion cannot be qualified.")
        : _("Normally not nominated; a warning only, the reviewer decides."));
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (explain), 0);
      gtk_label_set_wrap (GTK_LABEL (explain), TRUE);
      gtk_widget_add_css_class (explain, e == JP_EXCLUSION_MISCONDUCT ? "error" : "dim-label");
      gtk_widget_add_css_class (explain, "caption");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note (what was found, where)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      jp_exclusion_label (e), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_form_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_form_changed), self,
                               G_CONNECT_SWAPPED);
      g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 8,
                    "margin-bottom", 8, NULL);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), explain);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->exclusions_list, row);
      self->exclusion_checks[e] = GTK_CHECK_BUTTON (check);
      self->exclusion_entries[e] = GTK_ENTRY (entry);
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
          check = gtk_check_button_new_with_label (text);
          g_object_set_data_full (G_OBJECT (check), "jp-sha256", g_strdup (ref->sha256), g_free);
          if (tagged)
            g_object_set_data (G_OBJECT (check), "jp-tagged", GINT_TO_POINTER (TRUE));
          /* a stored review says what is linked; ticking the criterion later pre-selects the
           * tagged documents (on_criterion_toggled) */
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                       stored && review_links (review, n, ref->sha256));
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_form_changed), self,
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

  clear_list (self->history_list);
  entries = jp_store_list_candidate_history (self->store, self->candidate->id, &store_error);
  if (entries == NULL && store_error != NULL)
    {
      show_message (self, store_error->message);
      g_clear_error (&store_error);
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *when = format_time (e->at);
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
static void
load_selected (JpReviewPage *self)
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
    show_message (self, error->message);
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
      update_form_state (self);
      return;
    }
  review = jp_store_get_review (self->store, self->candidate->id, &error);
  if (review == NULL)
    {
      show_message (self, error->message);
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

  when = format_time (review->decided_at);
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
  update_form_state (self);
}

/* ---- loading from the store ---- */

static void
reload_reviews (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;

  g_hash_table_remove_all (self->reviews);
  reviews = self->store != NULL ? jp_store_list_reviews (self->store, &store_error) : NULL;
  if (reviews == NULL && store_error != NULL)
    {
      show_message (self, store_error->message);
      g_clear_error (&store_error);
    }
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      JpReview *r = g_ptr_array_index (reviews, i);

      g_hash_table_insert (self->reviews, g_memdup2 (&r->candidate_id, sizeof (gint64)),
                           jp_review_copy (r));
    }
}

static void
select_candidate_id (JpReviewPage *self,
                     gint64        id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (c->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

void
jp_review_page_reload (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 keep = self->candidate != NULL ? self->candidate->id : 0;

  g_return_if_fail (JP_IS_REVIEW_PAGE (self));

  reload_reviews (self);
  if (self->store != NULL)
    {
      candidates = jp_store_list_candidates (self->store, &error);
      if (candidates == NULL)
        show_message (self, error->message);
      trades = jp_store_list_trades (self->store, &store_error);
      if (trades == NULL && store_error != NULL)
        {
          show_message (self, store_error->message);
          g_clear_error (&store_error);
        }
    }
  g_ptr_array_add (names, (gpointer) _("All trades"));
  for (guint i = 0; trades != NULL && i < trades->len; i++)
    g_ptr_array_add (names, ((JpTrade *) g_ptr_array_index (trades, i))->name);
  g_ptr_array_add (names, NULL);
  self->loading = TRUE;
  gtk_string_list_splice (self->trades, 0, g_list_model_get_n_items (G_LIST_MODEL (self->trades)),
                          (const char * const *) names->pdata);
  self->loading = FALSE;

  gtk_filter_list_model_set_model (self->filter_model, candidates != NULL
                                   ? candidates : G_LIST_MODEL (self->empty));
  gtk_revealer_set_reveal_child (self->frozen_revealer,
                                 self->store != NULL && jp_store_is_frozen (self->store));
  update_progress (self);
  if (keep != 0)
    select_candidate_id (self, keep);
  load_selected (self);
}

void
jp_review_page_set_store (JpReviewPage *self,
                          JpStore      *store)
{
  g_return_if_fail (JP_IS_REVIEW_PAGE (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_object (&self->candidate);
  jp_dossier_view_set_store (self->dossier_view, store);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->trade_dropdown, 0);
  jp_review_page_reload (self);
  gtk_single_selection_set_selected (self->selection, 0);
}

/* The walk opens with the focus on the first criterion: otherwise the window's first
 * focusable widget, the dossier's selectable name heading, takes it and shows selected. */
static void
focus_walk (JpReviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->candidate != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->criterion_checks[1]));
}

gboolean
jp_review_page_show_candidate (JpReviewPage *self,
                               gint64        candidate_id)
{
  g_return_val_if_fail (JP_IS_REVIEW_PAGE (self), FALSE);

  select_candidate_id (self, candidate_id);
  gtk_stack_set_visible_child_name (self->mode_stack, "walk");
  focus_walk (self);
  return self->candidate != NULL && self->candidate->id == candidate_id;
}

/* ---- actions ---- */

gboolean
jp_review_page_save (JpReviewPage *self)
{
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (JP_IS_REVIEW_PAGE (self), FALSE);

  if (self->candidate == NULL || self->store == NULL)
    return FALSE;
  review = form_review (self);
  if (!jp_store_save_review (self->store, review, jp_operator_get_actor (), &warnings, &error))
    {
      show_message (self, error->message);
      gtk_label_set_text (self->save_hint, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->last_message, g_free);
  done = g_strdup_printf (_("Saved: %s is %s."), self->candidate->name,
                          jp_review_decision_label (review->decision));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
  jp_review_page_reload (self);
  return TRUE;
}

static void
step (JpReviewPage *self,
      int           delta,
      gboolean      pending_only)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint at = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  gtk_stack_set_visible_child_name (self->mode_stack, "walk");
  if (at == GTK_INVALID_LIST_POSITION)
    at = 0;
  for (guint k = 1; k <= n; k++)
    {
      guint i = (guint) (((gint64) at + delta * (gint64) k + (gint64) n * k) % n);
      g_autoptr(JpCandidate) c = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (!pending_only && ((delta < 0 && i > at) || (delta > 0 && i < at)))
        return;   /* plain previous/next stop at the ends */
      if (!pending_only || c->status == JP_STATUS_SUBMITTED)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Every candidate shown has been reviewed.")));
}

/* Saves, then moves on to the candidate after the saved one in the walk (the one that took
 * its place when the saved candidate left the filtered list). */
gboolean
jp_review_page_save_and_next (JpReviewPage *self)
{
  guint at;
  gint64 saved;
  guint n;

  g_return_val_if_fail (JP_IS_REVIEW_PAGE (self), FALSE);

  at = gtk_single_selection_get_selected (self->selection);
  saved = self->candidate != NULL ? self->candidate->id : 0;
  if (!jp_review_page_save (self))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (self->candidate != NULL && self->candidate->id == saved)
    {
      if (at != GTK_INVALID_LIST_POSITION && at + 1 < n)
        gtk_single_selection_set_selected (self->selection, at + 1);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("That was the last candidate shown.")));
    }
  else if (n > 0 && at != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, MIN (at, n - 1));
  return TRUE;
}

static void
jp_review_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JpReviewPage *self = JP_REVIEW_PAGE (widget);

  if (g_str_equal (action_name, "review.previous"))
    step (self, -1, FALSE);
  else if (g_str_equal (action_name, "review.next"))
    step (self, 1, FALSE);
  else if (g_str_equal (action_name, "review.next-pending"))
    step (self, 1, TRUE);
  else if (g_str_equal (action_name, "review.save"))
    jp_review_page_save (self);
  else if (g_str_equal (action_name, "review.save-next"))
    jp_review_page_save_and_next (self);
}

static void
on_column_view_activate (JpReviewPage *self,
                         guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_stack_set_visible_child_name (self->mode_stack, "walk");
  focus_walk (self);
}

/* ---- GObject ---- */

static void
jp_review_page_dispose (GObject *object)
{
  JpReviewPage *self = JP_REVIEW_PAGE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_REVIEW_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->empty);
  g_clear_object (&self->trades);
  g_clear_object (&self->candidate);
  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_clear_pointer (&self->last_message, g_free);
  for (int n = 0; n <= JP_N_CRITERIA; n++)
    g_clear_pointer (&self->evidence_checks[n], g_ptr_array_unref);

  G_OBJECT_CLASS (jp_review_page_parent_class)->dispose (object);
}

static void
jp_review_page_class_init (JpReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_review_page_dispose;

  g_type_ensure (JP_TYPE_DOSSIER_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, frozen_revealer);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, frozen_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, trade_grid);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, trade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, walk_stack);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, dossier_view);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, exclusions_list);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, qualified_check);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, returned_check);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, save_hint);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, save_next_button);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, decided_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "review.previous", NULL, jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.next-pending", NULL,
                                   jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.save-next", NULL,
                                   jp_review_page_action);

  /* the page's own keys: they only make sense while it has the focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.save-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.save-next", NULL);
}

static void
jp_review_page_init (JpReviewPage *self)
{
  static const char *states[] = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GtkStringList) state_list = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  states[0] = _("All states");
  states[1] = jp_status_label (JP_STATUS_SUBMITTED);
  states[2] = jp_status_label (JP_STATUS_QUALIFIED);
  states[3] = jp_status_label (JP_STATUS_RETURNED);
  state_list = gtk_string_list_new (states);
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_list));
  self->trades = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->trade_dropdown, G_LIST_MODEL (self->trades));
  self->reviews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) jp_review_free);

  add_column (self, COL_NAME, _("Name"), 120);
  add_column (self, COL_TRADE, _("Trade"), 130);
  add_column (self, COL_UNIT, _("Nominating Unit"), -1);
  add_column (self, COL_DECISION, _("Decision"), 90);
  add_column (self, COL_DECIDED_BY, _("Decided By"), 140);
  add_column (self, COL_DECIDED_AT, _("When"), 150);

  self->empty = g_list_store_new (JP_TYPE_CANDIDATE);
  self->filter = gtk_custom_filter_new (candidate_visible, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->empty)),
                                                  GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (load_selected),
                           self, G_CONNECT_SWAPPED);

  build_criteria (self);
  build_exclusions (self);
  self->evidence_checks[0] = g_ptr_array_new ();
  update_form_state (self);
  load_selected (self);
}

GtkWidget *
jp_review_page_new (void)
{
  return g_object_new (JP_TYPE_REVIEW_PAGE, NULL);
}

/* ---- for tests ---- */

GtkCheckButton *
jp_review_page_get_criterion_check (JpReviewPage *self,
                                    int           criterion)
{
  g_return_val_if_fail (criterion >= 1 && criterion <= JP_N_CRITERIA, NULL);
  return self->criterion_checks[criterion];
}

GPtrArray *
jp_review_page_get_evidence_checks (JpReviewPage *self,
                                    int           criterion)
{
  g_return_val_if_fail (criterion >= 1 && criterion <= JP_N_CRITERIA, NULL);
  return self->evidence_checks[criterion];
}

GtkCheckButton *
jp_review_page_get_exclusion_check (JpReviewPage *self,
                                    JpExclusion   exclusion)
{
  g_return_val_if_fail (exclusion < JP_N_EXCLUSIONS, NULL);
  return self->exclusion_checks[exclusion];
}

GtkCheckButton *
jp_review_page_get_qualified_check (JpReviewPage *self)
{
  return self->qualified_check;
}

GtkCheckButton *
jp_review_page_get_returned_check (JpReviewPage *self)
{
  return self->returned_check;
}

GtkEditable *
jp_review_page_get_reason_entry (JpReviewPage *self)
{
  return GTK_EDITABLE (self->reason_entry);
}

GtkWidget *
jp_review_page_get_save_button (JpReviewPage *self)
{
  return self->save_button;
}

GtkWidget *
jp_review_page_get_save_next_button (JpReviewPage *self)
{
  return self->save_next_button;
}

GtkLabel *
jp_review_page_get_save_hint (JpReviewPage *self)
{
  return self->save_hint;
}

GtkLabel *
jp_review_page_get_progress_label (JpReviewPage *self)
{
  return self->progress_label;
}

GtkLabel *
jp_review_page_get_decided_label (JpReviewPage *self)
{
  return self->decided_label;
}

GtkListBox *
jp_review_page_get_history_list (JpReviewPage *self)
{
  return self->history_list;
}

GtkListBox *
jp_review_page_get_warnings_list (JpReviewPage *self)
{
  return self->warnings_list;
}

GtkColumnView *
jp_review_page_get_column_view (JpReviewPage *self)
{
  return self->column_view;
}

JpDossierView *
jp_review_page_get_dossier_view (JpReviewPage *self)
{
  return self->dossier_view;
}

gint64
jp_review_page_get_candidate_id (JpReviewPage *self)
{
  return self->candidate != NULL ? self->candidate->id : 0;
}

const char *
jp_review_page_get_last_message (JpReviewPage *self)
{
  return self->last_message;
}
