/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/records/jp-holiday-editor.h"
#include "jp-resources.h"
#include "store/jp-holiday-files.h"

struct _JpHolidayEditor
{
  AdwWindow      parent_instance;

  GtkSpinButton *year_spin;
  AdwEntryRow   *notice_row;
  GtkTextView   *off_view;
  GtkTextView   *work_view;
  GtkLabel      *error_label;
  GtkButton     *save_button;
  GtkButton     *cancel_button;

  JpHolidayCalendar *calendar;   /* a copy of the years known when opened (for prefill) */
};

G_DEFINE_FINAL_TYPE (JpHolidayEditor, jp_holiday_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_error (JpHolidayEditor *self,
           const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

/* Fills the fields with the year's calendar when one is known, else empties them. */
static void
fill (JpHolidayEditor *self,
      int              year)
{
  const JpHolidayYear *known = self->calendar != NULL
                               ? jp_holiday_calendar_get_year (self->calendar, year) : NULL;
  g_autofree char *off = NULL;
  g_autofree char *work = NULL;

  if (known != NULL)
    jp_holiday_year_to_lists (known, &off, &work);
  gtk_editable_set_text (GTK_EDITABLE (self->notice_row),
                         known != NULL && known->notice != NULL ? known->notice : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->off_view), off != NULL ? off : "",
                            -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->work_view),
                            work != NULL ? work : "", -1);
  set_error (self, NULL);
}

static void
on_year_spin_value_changed (JpHolidayEditor *self)
{
  fill (self, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
on_cancel_button_clicked (JpHolidayEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

void
jp_holiday_editor_save (JpHolidayEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpHolidayYear) year = NULL;
  g_autofree char *off = NULL;
  g_autofree char *work = NULL;
  g_autofree char *path = NULL;
  int number;

  g_return_if_fail (JP_IS_HOLIDAY_EDITOR (self));

  number = gtk_spin_button_get_value_as_int (self->year_spin);
  off = view_text (self->off_view);
  work = view_text (self->work_view);
  /* the rules are core's; the editor only shows what it says */
  year = jp_holiday_year_from_lists (number, gtk_editable_get_text (GTK_EDITABLE (self->notice_row)),
                                     off, work, &error);
  if (year == NULL || !jp_holiday_files_save_year (year, &path, &error))
    {
      set_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, number);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_button_clicked (JpHolidayEditor *self)
{
  jp_holiday_editor_save (self);
}

static void
jp_holiday_editor_dispose (GObject *object)
{
  JpHolidayEditor *self = JP_HOLIDAY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_HOLIDAY_EDITOR);
  g_clear_pointer (&self->calendar, jp_holiday_calendar_free);
  G_OBJECT_CLASS (jp_holiday_editor_parent_class)->dispose (object);
}

static void
jp_holiday_editor_class_init (JpHolidayEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_holiday_editor_dispose;

  /**
   * JpHolidayEditor::saved:
   * @year: the year written
   *
   * The year was checked and written to the user's holiday folder.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-holiday-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, year_spin);
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, notice_row);
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, off_view);
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, work_view);
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, JpHolidayEditor, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_holiday_editor_init (JpHolidayEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->off_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Days off"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->work_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Make-up working days"), -1);
}

JpHolidayEditor *
jp_holiday_editor_new (GtkWindow               *parent,
                       const JpHolidayCalendar *calendar,
                       int                      year)
{
  JpHolidayEditor *self = g_object_new (JP_TYPE_HOLIDAY_EDITOR, "transient-for", parent, NULL);

  /* a private copy of the years: the page may reload its calendar while this is open */
  if (calendar != NULL)
    {
      g_autoptr(GArray) years = jp_holiday_calendar_years (calendar);

      self->calendar = jp_holiday_calendar_new ();
      for (guint i = 0; i < years->len; i++)
        {
          const JpHolidayYear *y = jp_holiday_calendar_get_year (calendar,
                                                                 g_array_index (years, int, i));
          g_autofree char *text = jp_holiday_year_to_text (y);
          JpHolidayYear *copy = jp_holiday_year_parse (text, -1, y->source_name, y->year, NULL);

          if (copy != NULL && !jp_holiday_calendar_add_year (self->calendar, copy, NULL))
            jp_holiday_year_free (copy);
        }
    }
  g_signal_handlers_block_by_func (self->year_spin, on_year_spin_value_changed, self);
  gtk_spin_button_set_value (self->year_spin, year);
  g_signal_handlers_unblock_by_func (self->year_spin, on_year_spin_value_changed, self);
  fill (self, year);
  return self;
}

void
jp_holiday_editor_set_lists (JpHolidayEditor *self,
                             const char      *notice,
                             const char      *days_off,
                             const char      *workdays)
{
  g_return_if_fail (JP_IS_HOLIDAY_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->notice_row), notice != NULL ? notice : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->off_view), days_off, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->work_view), workdays, -1);
}

const char *
jp_holiday_editor_get_error (JpHolidayEditor *self)
{
  g_return_val_if_fail (JP_IS_HOLIDAY_EDITOR (self), NULL);

  return gtk_label_get_text (self->error_label);
}

int
jp_holiday_editor_get_year (JpHolidayEditor *self)
{
  g_return_val_if_fail (JP_IS_HOLIDAY_EDITOR (self), 0);

  return gtk_spin_button_get_value_as_int (self->year_spin);
}
