/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-score.h"
#include "core/jp-settings.h"
#include "ui/station/jp-confirm-page.h"
#include "jp-resources.h"
#include "ui/station/jp-score-sheet.h"
#include "ui/station/jp-station-flow.h"

typedef struct {
  JpScoreSheet *self;     /* borrowed */
  guint         index;
  GtkWidget    *entry;
  GtkWidget    *minus;
  GtkWidget    *plus;
  GtkLabel     *message;
} Field;

struct _JpScoreSheet
{
  AdwBin         parent_instance;

  GtkStack      *stack;
  AdwStatusPage *idle_page;
  GtkLabel      *title_label;
  GtkLabel      *position_label;
  GtkLabel      *hint_label;
  GtkLabel      *locked_label;
  GtkListBox    *list;
  GtkLabel      *total_label;
  GtkLabel      *message_label;
  GtkWidget     *review_button;
  JpConfirmPage *confirm_page;
  AdwStatusPage *status_page;

  JpSheetModel  *model;
  char          *candidate;
  GPtrArray     *fields;      /* Field*, one per criterion */
  gboolean       filling;     /* setting texts from the model: no "changed" */
};

G_DEFINE_FINAL_TYPE (JpScoreSheet, jp_score_sheet, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  SIGNAL_SUBMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
points_text (int halves)
{
  return jp_decimal_format_short (halves * (gint64) 5, 1);
}

static void
update_actions (JpScoreSheet *self)
{
  JpSheetState state = self->model != NULL ? jp_sheet_model_get_state (self->model)
                                           : JP_SHEET_NO_CANDIDATE;
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean editing = state == JP_SHEET_EDITING;

  jp_station_flow_update (GTK_WIDGET (self), "sheet", editing && g_strcmp0 (page, "sheet") == 0,
                          editing && g_strcmp0 (page, "confirm") == 0);
  gtk_widget_set_visible (self->review_button, editing);
  /* how to type is for a sheet that can still be typed in */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), editing);
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *f = self->fields->pdata[i];

      gtk_editable_set_editable (GTK_EDITABLE (f->entry), editing);
      gtk_widget_set_sensitive (f->minus, editing);
      gtk_widget_set_sensitive (f->plus, editing);
    }
}

static void
show_message (JpScoreSheet *self,
              const char   *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message);
}

static void
update_total (JpScoreSheet *self)
{
  g_autofree char *total = NULL;
  g_autofree char *max = NULL;
  g_autofree char *text = NULL;
  int max_halves = 0;

  if (self->model == NULL)
    return;
  for (guint i = 0; i < jp_sheet_model_get_n_criteria (self->model); i++)
    max_halves += jp_sheet_model_get_max (self->model, i);
  total = points_text (jp_sheet_model_get_total (self->model));
  max = points_text (max_halves);
  /* TRANSLATORS: the running total of a score sheet, e.g. "Total 83.5 of 100" */
  text = g_strdup_printf (_("Total %s of %s"), total, max);
  gtk_label_set_text (self->total_label, text);
}

static void
update_field (JpScoreSheet *self,
              Field        *f)
{
  const char *message = jp_sheet_model_get_message (self->model, f->index);

  gtk_label_set_text (f->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (f->message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (f->entry, "error");
  else
    gtk_widget_remove_css_class (f->entry, "error");
}

static void
on_entry_changed (GtkEditable *editable,
                  Field       *f)
{
  JpScoreSheet *self = f->self;

  if (self->filling || self->model == NULL || !jp_sheet_model_is_editable (self->model))
    return;
  jp_sheet_model_set_text (self->model, f->index, gtk_editable_get_text (editable));
  update_field (self, f);
  update_total (self);
  show_message (self, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
step_field (Field *f,
            int    steps)
{
  JpScoreSheet *self = f->self;

  if (self->model == NULL || !jp_sheet_model_is_editable (self->model))
    return;
  jp_sheet_model_step (self->model, f->index, steps);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (f->entry), jp_sheet_model_get_text (self->model,
                                                                           f->index));
  gtk_editable_set_position (GTK_EDITABLE (f->entry), -1);
  self->filling = FALSE;
  update_field (self, f);
  update_total (self);
  show_message (self, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_minus_clicked (GtkButton *button,
                  Field     *f)
{
  step_field (f, -1);
}

static void
on_plus_clicked (GtkButton *button,
                 Field     *f)
{
  step_field (f, 1);
}

/* + and - (main keyboard or keypad), and the arrows up and down, move the score by 0.5;
 * Enter goes to the next field. */
static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      Field                 *f)
{
  JpScoreSheet *self = f->self;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step_field (f, 1);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step_field (f, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (f->index + 1 < self->fields->len)
        gtk_widget_grab_focus (((Field *) self->fields->pdata[f->index + 1])->entry);
      else
        gtk_widget_grab_focus (self->review_button);
      return TRUE;
    default:
      return FALSE;
    }
}

static GtkWidget *
create_field (JpScoreSheet *self,
              guint         index)
{
  const JpRubricCriterion *c = jp_sheet_model_get_rubric (self->model)->pdata[index];
  Field *f = g_new0 (Field, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_label_new (c->name);
  g_autofree char *max = points_text (jp_sheet_model_get_max (self->model, index));
  g_autofree char *range_text = g_strdup_printf (_("0 to %s points, in steps of 0.5"), max);
  GtkWidget *range = gtk_label_new (range_text);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *less = g_strdup_printf (_("Half a point less for %s"), c->name);
  g_autofree char *more = g_strdup_printf (_("Half a point more for %s"), c->name);

  f->self = self;
  f->index = index;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "jp-sheet-row");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), number_label, 0, 0, 1, 2);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_label_set_xalign (GTK_LABEL (range), 0);
  gtk_label_set_wrap (GTK_LABEL (range), TRUE);
  gtk_widget_add_css_class (range, "dim-label");
  gtk_widget_add_css_class (range, "caption");
  gtk_grid_attach (GTK_GRID (grid), range, 1, 1, 1, 1);

  f->minus = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (f->minus, less);
  gtk_widget_set_focusable (f->minus, FALSE);
  gtk_widget_set_valign (f->minus, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (f->minus, "circular");
  g_signal_connect (f->minus, "clicked", G_CALLBACK (on_minus_clicked), f);
  gtk_grid_attach (GTK_GRID (grid), f->minus, 2, 0, 1, 2);

  f->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (f->entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (f->entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (f->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (f->entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (f->entry, "jp-sheet-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  c->name, -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), f);
  gtk_widget_add_controller (f->entry, keys);
  g_signal_connect (f->entry, "changed", G_CALLBACK (on_entry_changed), f);
  gtk_grid_attach (GTK_GRID (grid), f->entry, 3, 0, 1, 2);

  f->plus = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (f->plus, more);
  gtk_widget_set_focusable (f->plus, FALSE);
  gtk_widget_set_valign (f->plus, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (f->plus, "circular");
  g_signal_connect (f->plus, "clicked", G_CALLBACK (on_plus_clicked), f);
  gtk_grid_attach (GTK_GRID (grid), f->plus, 4, 0, 1, 2);

  f->message = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (f->message, 0);
  gtk_label_set_wrap (f->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (f->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->message), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (f->message), 1, 2, 4, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  g_ptr_array_add (self->fields, f);
  return row;
}

static void
show_page (JpScoreSheet *self,
           const char   *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_actions (self);
}

static void
clear_fields (JpScoreSheet *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->fields, 0);
}

void
jp_score_sheet_set_model (JpScoreSheet *self,
                          const char   *candidate,
                          int           position,
                          int           count,
                          JpSheetModel *model)
{
  g_autofree char *pos = NULL;

  g_return_if_fail (JP_IS_SCORE_SHEET (self));
  g_return_if_fail (model != NULL);

  clear_fields (self);
  g_clear_pointer (&self->model, jp_sheet_model_free);
  self->model = model;
  g_free (self->candidate);
  self->candidate = g_strdup (candidate);
  gtk_label_set_text (self->title_label, candidate);
  if (position > 0 && count > 0)
    pos = g_strdup_printf ("%d / %d", position, count);
  gtk_label_set_text (self->position_label, pos != NULL ? pos : "");

  self->filling = TRUE;
  for (guint i = 0; i < jp_sheet_model_get_n_criteria (model); i++)
    {
      gtk_list_box_append (self->list, create_field (self, i));
      gtk_editable_set_text (GTK_EDITABLE (((Field *) self->fields->pdata[i])->entry),
                             jp_sheet_model_get_text (model, i));
      update_field (self, self->fields->pdata[i]);
    }
  self->filling = FALSE;
  update_total (self);
  show_message (self, NULL);
  jp_score_sheet_set_state (self, jp_sheet_model_get_state (model), NULL);
}

JpSheetModel *
jp_score_sheet_get_model (JpScoreSheet *self)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  return self->model;
}

static void
show_status (JpScoreSheet *self,
             const char   *icon,
             const char   *title,
             const char   *description)
{
  jp_station_show_status (self->status_page, icon, title, description);
  show_page (self, "status");
}

void
jp_score_sheet_set_state (JpScoreSheet *self,
                          JpSheetState  state,
                          const char   *message)
{
  g_autofree char *locked = NULL;
  g_autofree char *step_out = NULL;

  g_return_if_fail (JP_IS_SCORE_SHEET (self));

  if (self->model == NULL)
    {
      jp_score_sheet_set_idle (self, message);
      return;
    }
  jp_sheet_model_set_state (self->model, state);
  gtk_widget_set_visible (GTK_WIDGET (self->locked_label), FALSE);
  switch (state)
    {
    case JP_SHEET_EDITING:
      show_page (self, "sheet");
      break;
    case JP_SHEET_SUBMITTING:
      gtk_label_set_text (self->locked_label, _("Sending your sheet to the host…"));
      gtk_widget_set_visible (GTK_WIDGET (self->locked_label), TRUE);
      show_page (self, "sheet");
      break;
    case JP_SHEET_SUBMITTED:
      locked = g_strdup_printf (_("Submitted: the host has your sheet for %s and it is "
                                  "locked. Only the chair can unlock it, with a written "
                                  "reason."), self->candidate);
      gtk_label_set_text (self->locked_label, locked);
      gtk_widget_set_visible (GTK_WIDGET (self->locked_label), TRUE);
      show_page (self, "sheet");
      break;
    case JP_SHEET_STEP_OUT:
      step_out = g_strdup_printf (_("You have a conflict of interest with %s and do not "
                                    "score this candidate. Please step out (回避) while the "
                                    "candidate is presented."), self->candidate);
      show_status (self, "action-unavailable-symbolic", _("Step Out for This Candidate"),
                   message != NULL ? message : step_out);
      break;
    case JP_SHEET_REFUSED:
      /* the values stay visible: the member reads them with the host's reason */
      show_page (self, "sheet");
      show_message (self, message != NULL ? message : _("The host refused the sheet."));
      break;
    case JP_SHEET_NO_CANDIDATE:
    default:
      jp_score_sheet_set_idle (self, message);
      break;
    }
}

void
jp_score_sheet_set_message (JpScoreSheet *self,
                            const char   *message)
{
  g_return_if_fail (JP_IS_SCORE_SHEET (self));
  show_message (self, message);
}

void
jp_score_sheet_set_idle (JpScoreSheet *self,
                         const char   *message)
{
  g_return_if_fail (JP_IS_SCORE_SHEET (self));

  if (self->model != NULL)
    jp_sheet_model_set_state (self->model, JP_SHEET_NO_CANDIDATE);
  adw_status_page_set_description (self->idle_page,
                                   message != NULL
                                   ? message
                                   : _("The chair has not called a candidate for the defence "
                                       "yet. The sheet appears here when the chair does."));
  show_page (self, "idle");
}

void
jp_score_sheet_review (JpScoreSheet *self)
{
  g_autofree char *problem = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JP_IS_SCORE_SHEET (self));

  if (self->model == NULL || !jp_sheet_model_is_editable (self->model))
    return;
  problem = jp_sheet_model_describe_problem (self->model);
  if (problem != NULL)
    {
      show_message (self, problem);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  total = points_text (jp_sheet_model_get_total (self->model));
  text = g_strdup_printf (_("Your total for %s is %s points. Once submitted, the sheet is "
                            "locked and cannot be changed."), self->candidate, total);
  jp_confirm_page_set_text (self->confirm_page, text);
  show_page (self, "confirm");
}

void
jp_score_sheet_back (JpScoreSheet *self)
{
  g_return_if_fail (JP_IS_SCORE_SHEET (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "confirm") == 0)
    show_page (self, "sheet");
}

void
jp_score_sheet_submit (JpScoreSheet *self)
{
  g_return_if_fail (JP_IS_SCORE_SHEET (self));

  if (self->model == NULL || !jp_sheet_model_is_editable (self->model) ||
      !jp_sheet_model_is_complete (self->model) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "confirm") != 0)
    return;
  jp_score_sheet_set_state (self, JP_SHEET_SUBMITTING, NULL);
  g_signal_emit (self, signals[SIGNAL_SUBMIT], 0);
}

static const JpStationFlow flow = {
  (JpStationStep) (void (*) (void)) jp_score_sheet_review,
  (JpStationStep) (void (*) (void)) jp_score_sheet_back,
  (JpStationStep) (void (*) (void)) jp_score_sheet_submit,
};

static void
jp_score_sheet_dispose (GObject *object)
{
  JpScoreSheet *self = JP_SCORE_SHEET (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SCORE_SHEET);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->model, jp_sheet_model_free);
  g_clear_pointer (&self->candidate, g_free);

  G_OBJECT_CLASS (jp_score_sheet_parent_class)->dispose (object);
}

static void
jp_score_sheet_class_init (JpScoreSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_score_sheet_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SUBMIT] =
    g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_assert (jp_get_resource () != NULL);
  g_type_ensure (JP_TYPE_CONFIRM_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-score-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, stack);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, idle_page);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, position_label);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, hint_label);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, locked_label);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, list);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, total_label);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, message_label);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, review_button);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, JpScoreSheet, status_page);

  jp_station_flow_install (widget_class, "sheet", &flow);
}

static void
jp_score_sheet_init (JpScoreSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (g_free);
  jp_score_sheet_set_idle (self, NULL);
}

GtkWidget *
jp_score_sheet_new (void)
{
  return g_object_new (JP_TYPE_SCORE_SHEET, NULL);
}

GtkEditable *
jp_score_sheet_get_entry (JpScoreSheet *self,
                          guint         index)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);
  return GTK_EDITABLE (((Field *) self->fields->pdata[index])->entry);
}

const char *
jp_score_sheet_get_field_message (JpScoreSheet *self,
                                  guint         index)
{
  Field *f;

  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);
  f = self->fields->pdata[index];
  return gtk_widget_get_visible (GTK_WIDGET (f->message)) ? gtk_label_get_text (f->message)
                                                          : "";
}

const char *
jp_score_sheet_get_total_text (JpScoreSheet *self)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  return gtk_label_get_text (self->total_label);
}

const char *
jp_score_sheet_get_message_text (JpScoreSheet *self)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  return gtk_label_get_text (self->message_label);
}

const char *
jp_score_sheet_get_status_title (JpScoreSheet *self)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  return adw_status_page_get_title (self->status_page);
}

const char *
jp_score_sheet_get_page (JpScoreSheet *self)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
jp_score_sheet_get_review_button (JpScoreSheet *self)
{
  g_return_val_if_fail (JP_IS_SCORE_SHEET (self), NULL);
  return self->review_button;
}
