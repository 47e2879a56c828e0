/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-resources.h"
#include "store/jp-store-publicity.h"
#include "store/jp-holiday-files.h"
#include "ui/records/jp-holiday-editor.h"
#include "ui/records/jp-publicity-page-private.h"


G_DEFINE_FINAL_TYPE (JpPublicityPage, jp_publicity_page, GTK_TYPE_BOX)

static const char *const channels[] = { "letter", "phone", "visit" };

static void
show_error (JpPublicityPage *self,
            const char      *heading,
            const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const JpHolidayCalendar *
get_calendar (JpPublicityPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->calendar == NULL)
    {
      self->calendar = jp_holiday_files_load (&error);
      if (self->calendar == NULL)
        {
          gtk_label_set_text (self->warning_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->warning_label), TRUE);
        }
    }
  return self->calendar;
}

static char *
calendar_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return g_date_time_format (dt, "%Y-%m-%d");
}

/* The period from the selected day, with the warning for a year without a calendar. */
static void
update_period (JpPublicityPage *self)
{
  g_autofree char *start = calendar_iso (self->start_calendar);
  g_autoptr(JpWorkdays) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *end = NULL;
  g_autofree char *period = NULL;
  const JpHolidayCalendar *calendar;

  if (self->store == NULL)
    return;
  calendar = get_calendar (self);
  if (calendar == NULL)
    return;
  w = jp_store_publicity_dates (self->store, start, 0, calendar, &error);
  if (w == NULL)
    {
      gtk_label_set_text (self->period_label, error->message);
      return;
    }
  end = jp_date_format_iso (&w->end);
  period = g_strdup_printf (_("From %s to %s"), start, end);
  gtk_label_set_text (self->period_label, period);
  for (guint i = 0; i < w->days->len; i++)
    {
      g_autofree char *day = jp_date_format_iso (&g_array_index (w->days, GDate, i));

      g_string_append_printf (days, "%s%s", i > 0 ? "  " : "", day);
    }
  gtk_label_set_text (self->days_label, days->str);
  for (guint i = 0; i < w->missing_years->len; i++)
    {
      g_autofree char *m = jp_workdays_missing_message (g_array_index (w->missing_years, int, i));

      g_string_append_printf (warnings, "%s%s", i > 0 ? "\n" : "", m);
    }
  gtk_label_set_text (self->warning_label, warnings->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warnings->len > 0);
  self->missing_year = w->missing_years->len > 0 ? g_array_index (w->missing_years, int, 0) : 0;
  /* the warning names the year; the button opens it */
  if (self->missing_year != 0)
    {
      g_autofree char *label = g_strdup_printf (_("_Enter the Holidays of %d…"),
                                                self->missing_year);

      gtk_button_set_label (self->holidays_button, label);
    }
  else
    gtk_button_set_label (self->holidays_button, _("_Holiday Calendar…"));
}

static void
on_holidays_saved (JpPublicityPage *self,
                   int              year)
{
  /* read the folders again: the saved year hides a shipped one */
  g_clear_pointer (&self->calendar, jp_holiday_calendar_free);
  update_period (self);
}

GtkWindow *
jp_publicity_page_edit_holidays (JpPublicityPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) start = gtk_calendar_get_date (self->start_calendar);
  JpHolidayEditor *editor;
  int year = self->missing_year != 0 ? self->missing_year : g_date_time_get_year (start);

  editor = jp_holiday_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  get_calendar (self), year);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_holidays_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
on_holidays_button_clicked (JpPublicityPage *self)
{
  jp_publicity_page_edit_holidays (self);
}

static void
on_start_calendar_day_selected (JpPublicityPage *self)
{
  update_period (self);
}

/* publicity.decide ((xs): objection id, "upheld" or "rejected"), the buttons of an open
 * objection's row */
static void
publicity_decide (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpPublicityPage *self = JP_PUBLICITY_PAGE (widget);
  gint64 id = 0;
  const char *outcome = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(x&s)", &id, &outcome);
  if (!jp_store_decide_objection (self->store, id, outcome,
                                  gtk_editable_get_text (GTK_EDITABLE (self->investigation_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->handled_by_row)),
                                  "chair", &error))
    {
      show_error (self, _("Could Not Decide the Objection"), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->investigation_row), "");
  jp_publicity_page_reload (self);
}

static const char *
channel_label (const char *key)
{
  if (g_strcmp0 (key, "letter") == 0)
    return _("Letter");
  if (g_strcmp0 (key, "phone") == 0)
    return _("Phone");
  return _("Visit");
}

static GtkWidget *
objection_row (JpPublicityPage *self,
               JpObjection     *o,
               gboolean         closed)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *from = NULL;

  if (o->from_name == NULL)
    from = g_strdup (_("anonymous (logged as such)"));
  else if (o->sealed)
    from = g_strdup_printf (_("%s (with its seal)"), o->from_name);
  else
    from = g_strdup (o->from_name);
  title = g_strdup_printf ("%lld · %s %s · %s", (long long) o->id, o->code, o->name, o->content);
  if (o->outcome != NULL)
    subtitle = g_strdup_printf (_("%s, %s, from %s — %s: %s (%s)"), o->received,
                                channel_label (o->channel), from,
                                g_str_equal (o->outcome, "upheld") ? _("upheld") : _("rejected"),
                                o->investigation, o->handled_by);
  else
    subtitle = g_strdup_printf (_("%s, %s, from %s — not decided"), o->received,
                                channel_label (o->channel), from);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (o->outcome == NULL && !closed)
    {
      const char *outcomes[] = { "upheld", "rejected" };
      const char *labels[] = { N_("Upheld"), N_("Rejected") };

      for (guint i = 0; i < 2; i++)
        {
          GtkWidget *button = gtk_button_new_with_label (gettext (labels[i]));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "publicity.decide");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", (gint64) o->id,
                                            outcomes[i]);
          gtk_widget_set_name (button, outcomes[i]);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
jp_publicity_page_reload (JpPublicityPage *self)
{
  g_autoptr(JpPublicity) p = NULL;
  g_autoptr(GPtrArray) objections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (JP_IS_PUBLICITY_PAGE (self));

  clear_list (self->candidate_list);
  clear_list (self->objection_list);
  if (self->store == NULL)
    return;
  p = jp_store_get_publicity (self->store, &error);
  objections = p != NULL ? jp_store_list_objections (self->store, &error) : NULL;
  if (p == NULL || objections == NULL)
    {
      show_error (self, _("Could Not Read the Publicity"), error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->start_group), !p->started);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), p->started);
  gtk_widget_set_visible (GTK_WIDGET (self->objection_group), p->started);
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), p->started && !p->closed);
  gtk_widget_set_visible (GTK_WIDGET (self->close_group), p->started);
  if (!p->started)
    {
      update_period (self);
      return;
    }

  description = g_strdup_printf (_("From %s to %s (%u working days); approved by %s on %s."),
                                 p->start, p->end, p->working_days, p->approved_by,
                                 p->approved_at);
  adw_preferences_group_set_description (self->list_group, description);
  for (guint i = 0; i < p->candidates->len; i++)
    {
      JpPublicityCandidate *c = g_ptr_array_index (p->candidates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%u · %s %s", c->position, c->code, c->name);
      g_autofree char *subtitle = NULL;

      if (c->objection_id > 0)
        subtitle = g_strdup_printf (_("Disqualified: objection %lld upheld"),
                                    (long long) c->objection_id);
      else if (c->by_chair)
        subtitle = g_strdup_printf (_("Put on the list by the chair's decision: %s"), c->reason);
      else
        subtitle = g_strdup_printf ("%s · %s", c->unit != NULL ? c->unit : "",
                                    c->trade != NULL ? c->trade : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (c->objection_id > 0)
        gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->candidate_list, row);
    }
  for (guint i = 0; i < objections->len; i++)
    gtk_list_box_append (self->objection_list,
                         objection_row (self, g_ptr_array_index (objections, i), p->closed));
  if (objections->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No objection received"));
      gtk_list_box_append (self->objection_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->close_button), !p->closed);
  if (p->closed)
    {
      g_autofree char *text = g_strdup_printf (_("Closed. The final list is sealed; its digest "
                                                 "(SHA-256) is %s."), p->final_digest);

      gtk_label_set_text (self->close_label, text);
    }
  else
    gtk_label_set_text (self->close_label,
                        _("From the day after the last day, with every objection decided, "
                          "closing fixes the final list and seals it with its digest."));
}

static void
on_start_button_clicked (JpPublicityPage *self)
{
  g_autofree char *start = calendar_iso (self->start_calendar);
  const char *approved_at = gtk_editable_get_text (GTK_EDITABLE (self->approved_at_row));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || get_calendar (self) == NULL)
    return;
  if (!jp_store_start_publicity (self->store, start,
                                 gtk_editable_get_text (GTK_EDITABLE (self->approved_by_row)),
                                 *approved_at != '\0' ? approved_at : NULL, self->calendar,
                                 "chair", NULL, &error))
    {
      show_error (self, _("Could Not Start Publicity"), error->message);
      return;
    }
  jp_publicity_page_reload (self);
}

static void
on_add_button_clicked (JpPublicityPage *self)
{
  guint from = adw_combo_row_get_selected (self->from_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  const char *kinds[] = { "unit", "unit", "person", "anonymous" };
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->from_name_row));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (from >= G_N_ELEMENTS (kinds) || channel >= G_N_ELEMENTS (channels))
    return;
  if (jp_store_add_objection (self->store,
                              gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->received_row)),
                              channels[channel], kinds[from], from == 3 ? NULL : name,
                              from == 0,
                              gtk_editable_get_text (GTK_EDITABLE (self->content_row)),
                              "secretary", &error) == 0)
    {
      show_error (self, _("Could Not Log the Objection"), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->content_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_name_row), "");
  jp_publicity_page_reload (self);
}

static void
on_close_button_clicked (JpPublicityPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpFinalList) list = NULL;

  if (self->store == NULL)
    return;
  list = jp_store_close_publicity (self->store, "chair", NULL, &error);
  if (list == NULL)
    {
      show_error (self, _("Could Not Close Publicity"), error->message);
      return;
    }
  jp_publicity_page_reload (self);
}

void
jp_publicity_page_set_store (JpPublicityPage *self,
                             JpStore         *store)
{
  /* the ranking sealed or published on its stage: the list shown for publicity follows */
  static const char * const watched[] = {
    "publicity", "ranking", "candidates", "settings", NULL,
  };

  g_return_if_fail (JP_IS_PUBLICITY_PAGE (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_publicity_page_reload);
  jp_publicity_page_reload (self);
}

void
jp_publicity_page_set_calendar (JpPublicityPage   *self,
                                JpHolidayCalendar *calendar)
{
  g_return_if_fail (JP_IS_PUBLICITY_PAGE (self));

  g_clear_pointer (&self->calendar, jp_holiday_calendar_free);
  self->calendar = calendar;
  update_period (self);
}

static void
jp_publicity_page_dispose (GObject *object)
{
  JpPublicityPage *self = JP_PUBLICITY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PUBLICITY_PAGE);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->calendar, jp_holiday_calendar_free);
  G_OBJECT_CLASS (jp_publicity_page_parent_class)->dispose (object);
}

static void
jp_publicity_page_class_init (JpPublicityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_publicity_page_dispose;
  /* links the resources (and their constructor) in with this page, whoever uses it */
  g_assert (jp_get_resource () != NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-publicity-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, JpPublicityPage, name)
  CHILD (start_group);
  CHILD (start_calendar);
  CHILD (period_label);
  CHILD (days_label);
  CHILD (warning_label);
  CHILD (holidays_button);
  CHILD (approved_by_row);
  CHILD (approved_at_row);
  CHILD (start_button);
  CHILD (list_group);
  CHILD (candidate_list);
  CHILD (objection_group);
  CHILD (objection_list);
  CHILD (investigation_row);
  CHILD (handled_by_row);
  CHILD (add_group);
  CHILD (code_row);
  CHILD (received_row);
  CHILD (channel_row);
  CHILD (from_row);
  CHILD (from_name_row);
  CHILD (content_row);
  CHILD (add_button);
  CHILD (close_group);
  CHILD (close_label);
  CHILD (close_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_start_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_start_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_holidays_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked);
  gtk_widget_class_install_action (widget_class, "publicity.decide", "(xs)", publicity_decide);
}

static void
jp_publicity_page_init (JpPublicityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_publicity_page_new (void)
{
  return g_object_new (JP_TYPE_PUBLICITY_PAGE, NULL);
}
