/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ui/setup/jp-rubric-row.h"
#include "ui/setup/jp-setup-private.h"

enum { FONT_SONG, FONT_KAI, N_FONTS };

struct _JpSettingsPage
{
  AdwBin               parent_instance;

  AdwPreferencesPage  *prefs;
  GtkLabel            *message;
  GtkLabel            *status;
  GtkButton           *apply_button;
  GtkButton           *revert_button;

  AdwEntryRow         *title_entry;
  AdwEntryRow         *award_entry;
  AdwEntryRow         *organiser_entry;
  AdwActionRow        *year_row;
  GtkSpinButton       *year_spin;
  AdwActionRow        *quota_row;
  GtkSpinButton       *quota_spin;
  AdwActionRow        *ratio_row;
  GtkSpinButton       *ratio_spin;
  AdwActionRow        *weight_rows[3];   /* V O D */
  GtkSpinButton       *weight_spins[3];
  GtkLabel            *weight_sum;
  AdwPreferencesGroup *rubric_group;
  GtkListBox          *rubric_list;
  GtkLabel            *rubric_total;
  AdwActionRow        *presentation_row;
  GtkSpinButton       *presentation_spin;
  AdwActionRow        *questions_row;
  GtkSpinButton       *questions_spin;
  AdwActionRow        *drop_row;
  GtkSpinButton       *drop_spin;
  AdwActionRow        *deviation_row;
  GtkSpinButton       *deviation_spin;
  AdwActionRow        *max_choices_row;
  GtkSpinButton       *max_choices_spin;
  AdwActionRow        *majority_row;
  GtkSwitch           *majority_switch;
  AdwActionRow        *quorum_row;
  GtkDropDown         *quorum_dropdown;
  int                  quorum_custom[2];   /* a fraction not in the list, as loaded */
  AdwActionRow        *publicity_row;
  GtkSpinButton       *publicity_spin;
  AdwEntryRow         *contact_person_entry;
  AdwEntryRow         *contact_phone_entry;
  AdwEntryRow         *contact_address_entry;
  AdwActionRow        *font_rows[N_FONTS];
  GtkLabel            *findings_label;
  GPtrArray           *locked_rows;    /* rows made insensitive by the locks */

  JpStore             *store;
  GPtrArray           *rubric;         /* JpRubricCriterion*: the form's rubric */
  char                *fonts[N_FONTS]; /* the form's font paths, NULL for the system's */
  gboolean             loading;
  gboolean             has_errors;     /* jp_settings_validate found errors in the form */
};

G_DEFINE_FINAL_TYPE (JpSettingsPage, jp_settings_page, ADW_TYPE_BIN)

static void form_changed (JpSettingsPage *self);
static void rebuild_rubric (JpSettingsPage *self);

/* ---- the form (its rows are in jp-settings-page.ui) ---- */

/* The quorums offered: at least num/den of the panel; 0/1 is none. */
static const int quorums[][2] = { { 2, 3 }, { 1, 2 }, { 3, 4 }, { 0, 1 } };

static void
quorum_to_dropdown (JpSettingsPage *self,
                    int             num,
                    int             den)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = G_N_ELEMENTS (quorums);

  gtk_string_list_append (list, _("At least two thirds (default)"));
  gtk_string_list_append (list, _("At least half"));
  gtk_string_list_append (list, _("At least three quarters"));
  gtk_string_list_append (list, _("No quorum"));
  for (guint i = 0; i < G_N_ELEMENTS (quorums); i++)
    if ((num == 0 && quorums[i][0] == 0) || (num * quorums[i][1] == quorums[i][0] * den
                                             && num != 0))
      selected = i;
  self->quorum_custom[0] = num;
  self->quorum_custom[1] = den;
  if (selected == G_N_ELEMENTS (quorums))
    {
      g_autofree char *label = g_strdup_printf (_("At least %d/%d"), num, den);

      gtk_string_list_append (list, label);
    }
  gtk_drop_down_set_model (self->quorum_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->quorum_dropdown, selected);
}

static void
quorum_from_dropdown (JpSettingsPage *self,
                      int            *num,
                      int            *den)
{
  guint i = gtk_drop_down_get_selected (self->quorum_dropdown);

  if (i < G_N_ELEMENTS (quorums))
    {
      *num = quorums[i][0];
      *den = quorums[i][1];
    }
  else if (self->quorum_custom[1] > 0)
    {
      *num = self->quorum_custom[0];
      *den = self->quorum_custom[1];
    }
  else
    {
      *num = 2;
      *den = 3;
    }
}

static void
on_form_changed (JpSettingsPage *self)
{
  form_changed (self);
}

static void
on_rubric_row_edited (JpRubricRow    *row,
                      JpSettingsPage *self)
{
  JpRubricCriterion *c = g_ptr_array_index (self->rubric, jp_rubric_row_get_index (row));

  g_free (c->name);
  c->name = g_strdup (jp_rubric_row_get_name (row));
  c->max = jp_rubric_row_get_max (row);
  form_changed (self);
}

static void
settings_rubric_move (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (widget);
  int from;
  int delta;
  gpointer tmp;

  g_variant_get (parameter, "(ii)", &from, &delta);
  if (from < 0 || from + delta < 0 || (guint) (from + delta) >= self->rubric->len)
    return;
  tmp = self->rubric->pdata[from];
  self->rubric->pdata[from] = self->rubric->pdata[from + delta];
  self->rubric->pdata[from + delta] = tmp;
  rebuild_rubric (self);
  form_changed (self);
}

static void
settings_rubric_remove (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (widget);
  int i = g_variant_get_int32 (parameter);

  if (i < 0 || (guint) i >= self->rubric->len)
    return;
  g_ptr_array_remove_index (self->rubric, i);
  rebuild_rubric (self);
  form_changed (self);
}

static void
settings_rubric_add (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (widget);

  g_ptr_array_add (self->rubric, jp_rubric_criterion_new ("", 10));
  rebuild_rubric (self);
  form_changed (self);
}

static void
rebuild_rubric (JpSettingsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rubric_list))) != NULL)
    gtk_list_box_remove (self->rubric_list, child);
  for (guint i = 0; i < self->rubric->len; i++)
    {
      GtkWidget *row = jp_rubric_row_new (i, g_ptr_array_index (self->rubric, i));

      g_signal_connect_object (row, "edited", G_CALLBACK (on_rubric_row_edited), self, 0);
      gtk_list_box_append (self->rubric_list, row);
    }
}

static void
font_update_row (JpSettingsPage *self,
                 guint           font)
{
  const char *path = self->fonts[font];

  adw_action_row_set_subtitle (self->font_rows[font], path != NULL && *path != '\0' ? path
                               : _("System default"));
}

/* Which font a chooser dialog picks, for which page. */
typedef struct {
  JpSettingsPage *page;    /* owned */
  guint           font;
} FontChoice;

static void
font_choice_free (gpointer  data,
                  GClosure *closure)
{
  FontChoice *choice = data;

  g_object_unref (choice->page);
  g_free (choice);
}

static void
on_font_response (GtkNativeDialog *dialog,
                  int              response,
                  FontChoice      *choice)
{
  JpSettingsPage *self = choice->page;
  guint font = choice->font;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_free (self->fonts[font]);
      self->fonts[font] = file != NULL ? g_file_get_path (file) : NULL;
      font_update_row (self, font);
      form_changed (self);
    }
  g_object_unref (dialog);
}

static void
settings_font_choose (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (widget);
  guint font = (guint) g_variant_get_int32 (parameter);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  FontChoice *choice;

  dialog = gtk_file_chooser_native_new (font == FONT_SONG ? _("Choose the Body Font (Song)")
                                        : _("Choose the Certificate Font (Kai)"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("TrueType fonts"));
  gtk_file_filter_add_pattern (filter, "*.ttf");
  gtk_file_filter_add_pattern (filter, "*.ttc");
  gtk_file_filter_add_pattern (filter, "*.TTF");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  choice = g_new0 (FontChoice, 1);
  choice->page = g_object_ref (self);
  choice->font = font;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_font_response), choice,
                         font_choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
settings_font_clear (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (widget);
  guint font = (guint) g_variant_get_int32 (parameter);

  g_clear_pointer (&self->fonts[font], g_free);
  font_update_row (self, font);
  form_changed (self);
}

/* ---- form <-> store ---- */

static JpSettings *
form_settings (JpSettingsPage *self)
{
  JpSettings *s = jp_store_get_settings (self->store);

  s->weight_votes = gtk_spin_button_get_value (self->weight_spins[0]);
  s->weight_online = gtk_spin_button_get_value (self->weight_spins[1]);
  s->weight_defence = gtk_spin_button_get_value (self->weight_spins[2]);
  g_ptr_array_set_size (s->rubric, 0);
  for (guint i = 0; i < self->rubric->len; i++)
    g_ptr_array_add (s->rubric, jp_rubric_criterion_copy (g_ptr_array_index (self->rubric, i)));
  s->presentation_minutes = gtk_spin_button_get_value_as_int (self->presentation_spin);
  s->questions_minutes = gtk_spin_button_get_value_as_int (self->questions_spin);
  s->drop_min_totals = gtk_spin_button_get_value_as_int (self->drop_spin);
  s->deviation_alert = gtk_spin_button_get_value (self->deviation_spin);
  s->max_choices = gtk_spin_button_get_value_as_int (self->max_choices_spin);
  s->majority_threshold = gtk_switch_get_active (self->majority_switch);
  quorum_from_dropdown (self, &s->quorum_num, &s->quorum_den);
  s->publicity_days = gtk_spin_button_get_value_as_int (self->publicity_spin);
  g_free (s->contact_person);
  g_free (s->contact_phone);
  g_free (s->contact_address);
  s->contact_person = g_strstrip (g_strdup (gtk_editable_get_text (
                                    GTK_EDITABLE (self->contact_person_entry))));
  s->contact_phone = g_strstrip (g_strdup (gtk_editable_get_text (
                                   GTK_EDITABLE (self->contact_phone_entry))));
  s->contact_address = g_strstrip (g_strdup (gtk_editable_get_text (
                                     GTK_EDITABLE (self->contact_address_entry))));
  g_free (s->font_song);
  g_free (s->font_kai);
  s->font_song = g_strdup (self->fonts[FONT_SONG]);
  s->font_kai = g_strdup (self->fonts[FONT_KAI]);
  return s;
}

static JpElection *
form_election (JpSettingsPage *self)
{
  JpElection *e = jp_store_get_election (self->store);

  g_free (e->title);
  g_free (e->award);
  g_free (e->organiser);
  e->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  e->award = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->award_entry))));
  e->organiser = g_strstrip (g_strdup (gtk_editable_get_text (
                                         GTK_EDITABLE (self->organiser_entry))));
  e->year = gtk_spin_button_get_value_as_int (self->year_spin);
  e->quota = gtk_spin_button_get_value_as_int (self->quota_spin);
  e->ratio = gtk_spin_button_get_value (self->ratio_spin);
  return e;
}

/* Recomputes what follows from the form: the weight sum, the rubric total and the
 * findings of jp_settings_validate; Apply is offered only without errors. */
static void
form_changed (JpSettingsPage *self)
{
  g_autoptr(JpSettings) s = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sum = NULL;
  g_autofree char *total = NULL;
  gboolean errors = FALSE;
  double wsum;

  if (self->loading || self->store == NULL)
    return;
  s = form_settings (self);
  wsum = s->weight_votes + s->weight_online + s->weight_defence;
  sum = g_strdup_printf ("%.2f", wsum);
  gtk_label_set_text (self->weight_sum, sum);
  if (fabs (wsum - 1.0) > 1e-9)
    gtk_widget_add_css_class (GTK_WIDGET (self->weight_sum), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->weight_sum), "error");

  total = g_strdup_printf (_("Total %g points (100 expected)"), jp_settings_rubric_total (s));
  gtk_label_set_text (self->rubric_total, total);
  if (fabs (jp_settings_rubric_total (s) - 100) > 1e-9)
    gtk_widget_add_css_class (GTK_WIDGET (self->rubric_total), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rubric_total), "warning");

  findings = jp_settings_validate (s);
  for (guint i = 0; i < findings->len; i++)
    {
      const JpFinding *f = g_ptr_array_index (findings, i);

      errors |= f->severity == JP_SEVERITY_ERROR;
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "",
                              f->severity == JP_SEVERITY_ERROR ? "✖" : "⚠", f->message);
    }
  gtk_label_set_text (self->findings_label, text->len > 0 ? text->str
                      : _("The settings follow every rule."));
  if (errors)
    gtk_widget_add_css_class (GTK_WIDGET (self->findings_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->findings_label), "error");

  self->has_errors = errors;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.apply", !errors);
  gtk_label_set_text (self->status, errors ? _("Correct the errors under “Checks” before "
                                               "applying.") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status),
                          !gtk_widget_get_visible (GTK_WIDGET (self->message)));
}

static void
lock_row (JpSettingsPage *self,
          GtkWidget      *row,
          const char     *why)
{
  gtk_widget_set_sensitive (row, FALSE);
  gtk_widget_set_tooltip_text (row, why);
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
  g_ptr_array_add (self->locked_rows, row);
}

/* What the page says on a row that `lock` has locked. Which setting locks at which stage is
 * core's rule (jp_setting_locked_by); the page only explains it. */
static const char *
locked_text (JpStageLocks lock)
{
  switch (lock)
    {
    case JP_STAGE_LOCK_BALLOT_OPENED: return _("Locked: the first ballot has opened");
    case JP_STAGE_LOCK_DEFENCE_OPENED: return _("Locked: the defence has opened");
    case JP_STAGE_LOCK_RANKING_DONE: return _("Locked: the ranking is done");
    case JP_STAGE_LOCK_PUBLICITY_STARTED: return _("Locked: the publicity has started");
    case JP_STAGE_LOCK_NONE:
    default: return NULL;
    }
}

/* Locks `row` when core says `setting` is locked by `locks`; TRUE then. */
static gboolean
lock_setting (JpSettingsPage *self,
              GtkWidget      *row,
              JpSetting       setting,
              JpStageLocks    locks)
{
  if (!jp_setting_is_locked (setting, locks))
    return FALSE;
  lock_row (self, row, locked_text (jp_setting_locked_by (setting)));
  return TRUE;
}

static void
apply_locks (JpSettingsPage *self)
{
  g_autoptr(GError) error = NULL;
  JpStageLocks locks = 0;

  /* what cannot be read is shown, and nothing is offered for editing meanwhile */
  if (self->store != NULL && !jp_store_read_stage_locks (self->store, &locks, &error))
    {
      jp_setup_show_message (self->message, error->message);
      locks = JP_STAGE_LOCK_BALLOT_OPENED | JP_STAGE_LOCK_DEFENCE_OPENED
              | JP_STAGE_LOCK_RANKING_DONE | JP_STAGE_LOCK_PUBLICITY_STARTED;
    }

  for (guint i = 0; i < self->locked_rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->locked_rows, i), TRUE);
  g_ptr_array_set_size (self->locked_rows, 0);

  lock_setting (self, GTK_WIDGET (self->quota_row), JP_SETTING_QUOTA, locks);
  lock_setting (self, GTK_WIDGET (self->ratio_row), JP_SETTING_RATIO, locks);
  lock_setting (self, GTK_WIDGET (self->max_choices_row), JP_SETTING_MAX_CHOICES, locks);
  lock_setting (self, GTK_WIDGET (self->majority_row), JP_SETTING_MAJORITY_THRESHOLD, locks);
  lock_setting (self, GTK_WIDGET (self->quorum_row), JP_SETTING_QUORUM, locks);
  if (lock_setting (self, GTK_WIDGET (self->rubric_group), JP_SETTING_RUBRIC, locks))
    adw_preferences_group_set_description (self->rubric_group,
                                           locked_text (jp_setting_locked_by (JP_SETTING_RUBRIC)));
  lock_setting (self, GTK_WIDGET (self->presentation_row), JP_SETTING_PRESENTATION_MINUTES, locks);
  lock_setting (self, GTK_WIDGET (self->questions_row), JP_SETTING_QUESTIONS_MINUTES, locks);
  lock_setting (self, GTK_WIDGET (self->drop_row), JP_SETTING_DROP_MIN_TOTALS, locks);
  lock_setting (self, GTK_WIDGET (self->deviation_row), JP_SETTING_DEVIATION_ALERT, locks);
  for (guint i = 0; i < 3; i++)
    lock_setting (self, GTK_WIDGET (self->weight_rows[i]), JP_SETTING_WEIGHTS, locks);
  lock_setting (self, GTK_WIDGET (self->publicity_row), JP_SETTING_PUBLICITY_DAYS, locks);
}

static void
load_form (JpSettingsPage *self)
{
  g_autoptr(JpSettings) s = NULL;
  g_autoptr(JpElection) e = NULL;

  if (self->store == NULL)
    return;
  s = jp_store_get_settings (self->store);
  e = jp_store_get_election (self->store);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), e->title != NULL ? e->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->award_entry), e->award != NULL ? e->award : "");
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_entry),
                         e->organiser != NULL ? e->organiser : "");
  gtk_spin_button_set_value (self->year_spin, e->year);
  gtk_spin_button_set_value (self->quota_spin, e->quota);
  gtk_spin_button_set_value (self->ratio_spin, e->ratio);
  gtk_spin_button_set_value (self->weight_spins[0], s->weight_votes);
  gtk_spin_button_set_value (self->weight_spins[1], s->weight_online);
  gtk_spin_button_set_value (self->weight_spins[2], s->weight_defence);
  g_ptr_array_set_size (self->rubric, 0);
  for (guint i = 0; i < s->rubric->len; i++)
    g_ptr_array_add (self->rubric, jp_rubric_criterion_copy (g_ptr_array_index (s->rubric, i)));
  rebuild_rubric (self);
  gtk_spin_button_set_value (self->presentation_spin, s->presentation_minutes);
  gtk_spin_button_set_value (self->questions_spin, s->questions_minutes);
  gtk_spin_button_set_value (self->drop_spin, s->drop_min_totals);
  gtk_spin_button_set_value (self->deviation_spin, s->deviation_alert);
  gtk_spin_button_set_value (self->max_choices_spin, s->max_choices);
  gtk_switch_set_active (self->majority_switch, s->majority_threshold);
  quorum_to_dropdown (self, s->quorum_num, s->quorum_den);
  gtk_spin_button_set_value (self->publicity_spin, s->publicity_days);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_person_entry),
                         s->contact_person != NULL ? s->contact_person : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_phone_entry),
                         s->contact_phone != NULL ? s->contact_phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_address_entry),
                         s->contact_address != NULL ? s->contact_address : "");
  for (guint f = 0; f < N_FONTS; f++)
    {
      const char *path = f == FONT_SONG ? s->font_song : s->font_kai;

      g_free (self->fonts[f]);
      self->fonts[f] = path != NULL && *path != '\0' ? g_strdup (path) : NULL;
      font_update_row (self, f);
    }
  self->loading = FALSE;
  apply_locks (self);
  form_changed (self);
}

gboolean
jp_settings_page_apply (JpSettingsPage *self)
{
  g_autoptr(JpSettings) s = NULL;
  g_autoptr(JpElection) e = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JP_IS_SETTINGS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  s = form_settings (self);
  e = form_election (self);
  if (self->has_errors)
    {
      jp_setup_show_message (self->message, _("The settings break a rule; correct the errors "
                                              "listed under “Checks” first."));
      return FALSE;
    }
  if (!jp_store_update_election (self->store, e, JP_SETUP_ACTOR, &error)
      || !jp_store_update_settings (self->store, s, JP_SETUP_ACTOR, &error))
    {
      jp_setup_show_message (self->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
      return FALSE;
    }
  jp_setup_show_message (self->message, NULL);
  load_form (self);
  gtk_label_set_text (self->status, _("Settings saved."));
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  return TRUE;
}

static void
settings_apply (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  jp_settings_page_apply (JP_SETTINGS_PAGE (widget));
}

static void
settings_revert (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (widget);

  jp_setup_show_message (self->message, NULL);
  load_form (self);
}

static void
jp_settings_page_dispose (GObject *object)
{
  JpSettingsPage *self = JP_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SETTINGS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rubric, g_ptr_array_unref);
  g_clear_pointer (&self->locked_rows, g_ptr_array_unref);
  for (guint f = 0; f < N_FONTS; f++)
    g_clear_pointer (&self->fonts[f], g_free);
  G_OBJECT_CLASS (jp_settings_page_parent_class)->dispose (object);
}

static void
jp_settings_page_class_init (JpSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_settings_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, prefs);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, message);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, status);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, revert_button);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, award_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, organiser_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, quota_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, quota_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, ratio_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, ratio_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, weight_sum);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, rubric_group);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, rubric_list);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, rubric_total);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, presentation_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, presentation_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, questions_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, questions_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, drop_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, drop_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, deviation_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, deviation_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, max_choices_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, max_choices_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, majority_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, majority_switch);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, quorum_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, publicity_row);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, publicity_spin);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, contact_person_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, contact_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, contact_address_entry);
  gtk_widget_class_bind_template_child (widget_class, JpSettingsPage, findings_label);
  gtk_widget_class_bind_template_child_full (widget_class, "weight_votes_row", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, weight_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "weight_online_row", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, weight_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "weight_defence_row", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, weight_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "weight_votes_spin", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, weight_spins[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "weight_online_spin", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, weight_spins[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "weight_defence_spin", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, weight_spins[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "font_song_row", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, font_rows[FONT_SONG]));
  gtk_widget_class_bind_template_child_full (widget_class, "font_kai_row", FALSE,
                                             G_STRUCT_OFFSET (JpSettingsPage, font_rows[FONT_KAI]));
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "settings.apply", NULL, settings_apply);
  gtk_widget_class_install_action (widget_class, "settings.revert", NULL, settings_revert);
  gtk_widget_class_install_action (widget_class, "settings.rubric-add", NULL,
                                   settings_rubric_add);
  gtk_widget_class_install_action (widget_class, "settings.rubric-remove", "i",
                                   settings_rubric_remove);
  gtk_widget_class_install_action (widget_class, "settings.rubric-move", "(ii)",
                                   settings_rubric_move);
  gtk_widget_class_install_action (widget_class, "settings.font-choose", "i",
                                   settings_font_choose);
  gtk_widget_class_install_action (widget_class, "settings.font-clear", "i",
                                   settings_font_clear);
}

static void
jp_settings_page_init (JpSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_rubric_criterion_free);
  self->locked_rows = g_ptr_array_new ();
}

void
jp_settings_page_set_store (JpSettingsPage *self,
                            JpStore        *store)
{
  g_return_if_fail (JP_IS_SETTINGS_PAGE (self));

  g_set_object (&self->store, store);
  jp_setup_show_message (self->message, NULL);
  load_form (self);
}

GtkEditable *
jp_settings_page_get_contact_entry (JpSettingsPage *self, guint i)
{
  AdwEntryRow *rows[] = { self->contact_person_entry, self->contact_phone_entry,
                          self->contact_address_entry };

  g_return_val_if_fail (i < G_N_ELEMENTS (rows), NULL);
  return GTK_EDITABLE (rows[i]);
}

GtkSpinButton *
jp_settings_page_get_weight_spin (JpSettingsPage *self,
                                  guint           i)
{
  g_return_val_if_fail (i < 3, NULL);
  return self->weight_spins[i];
}

GtkLabel *
jp_settings_page_get_weight_sum (JpSettingsPage *self)
{
  return self->weight_sum;
}

GtkListBox *
jp_settings_page_get_rubric_list (JpSettingsPage *self)
{
  return self->rubric_list;
}

GtkButton *
jp_settings_page_get_apply_button (JpSettingsPage *self)
{
  return self->apply_button;
}

GtkLabel *
jp_settings_page_get_message (JpSettingsPage *self)
{
  return self->message;
}
