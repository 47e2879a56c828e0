/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

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

  /* built in code */
  AdwEntryRow         *title_entry;
  AdwEntryRow         *award_entry;
  AdwEntryRow         *organiser_entry;
  GtkSpinButton       *year_spin;
  GtkSpinButton       *quota_spin;
  GtkSpinButton       *ratio_spin;
  GtkSpinButton       *weight_spins[3];
  GtkLabel            *weight_sum;
  AdwPreferencesGroup *rubric_group;
  GtkListBox          *rubric_list;
  GtkLabel            *rubric_total;
  GtkSpinButton       *presentation_spin;
  GtkSpinButton       *questions_spin;
  GtkSpinButton       *drop_spin;
  GtkSpinButton       *deviation_spin;
  GtkSpinButton       *max_choices_spin;
  GtkSwitch           *majority_switch;
  GtkDropDown         *quorum_dropdown;
  int                  quorum_custom[2];   /* a fraction not in the list, as loaded */
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

/* ---- building the form ---- */

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

static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              double               min,
              double               max,
              double               step,
              guint                digits,
              JpSettingsPage      *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (spin), "jp-row", row);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (form_changed), self);
  return GTK_SPIN_BUTTON (spin);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               JpSettingsPage      *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (form_changed), self);
  return ADW_ENTRY_ROW (row);
}

static AdwPreferencesGroup *
add_group (JpSettingsPage *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->prefs, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
on_rubric_name_changed (GtkEditable    *entry,
                        JpSettingsPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "jp-index"));
  JpRubricCriterion *c = g_ptr_array_index (self->rubric, i);

  g_free (c->name);
  c->name = g_strdup (gtk_editable_get_text (entry));
  form_changed (self);
}

static void
on_rubric_max_changed (GtkSpinButton  *spin,
                       JpSettingsPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "jp-index"));
  JpRubricCriterion *c = g_ptr_array_index (self->rubric, i);

  c->max = gtk_spin_button_get_value (spin);
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

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
rebuild_rubric (JpSettingsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rubric_list))) != NULL)
    gtk_list_box_remove (self->rubric_list, child);
  for (guint i = 0; i < self->rubric->len; i++)
    {
      const JpRubricCriterion *c = g_ptr_array_index (self->rubric, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);
      GtkWidget *points = jp_setup_dim_label (_("points"));
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), jp_setup_dim_label (number));
      gtk_editable_set_text (GTK_EDITABLE (entry), c->name != NULL ? c->name : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Criterion name"));
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), c->max);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (entry), "jp-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (spin), "jp-index", GUINT_TO_POINTER (i));
      g_signal_connect (entry, "changed", G_CALLBACK (on_rubric_name_changed), self);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_rubric_max_changed), self);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), spin);
      gtk_box_append (GTK_BOX (box), points);
      gtk_box_append (GTK_BOX (box), icon_button ("go-up-symbolic", _("Move up"),
                                                  "settings.rubric-move",
                                                  g_variant_new ("(ii)", (int) i, -1)));
      gtk_box_append (GTK_BOX (box), icon_button ("go-down-symbolic", _("Move down"),
                                                  "settings.rubric-move",
                                                  g_variant_new ("(ii)", (int) i, 1)));
      gtk_box_append (GTK_BOX (box), icon_button ("list-remove-symbolic",
                                                  _("Remove this criterion"),
                                                  "settings.rubric-remove",
                                                  g_variant_new_int32 ((int) i)));
      gtk_list_box_append (self->rubric_list, box);
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

static void
on_font_response (GtkNativeDialog *dialog,
                  int              response,
                  JpSettingsPage  *self)
{
  guint font = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "jp-font"));

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
  g_object_set_data (G_OBJECT (dialog), "jp-font", GUINT_TO_POINTER (font));
  g_signal_connect (dialog, "response", G_CALLBACK (on_font_response), self);
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

static void
build_form (JpSettingsPage *self)
{
  AdwPreferencesGroup *g;
  GtkWidget *row;
  GtkWidget *button;
  static const char *weight_titles[3] = {
    N_("Committee vote (wV)"), N_("Online vote (wO)"), N_("Defence (wD)"),
  };

  g = add_group (self, _("Election"), NULL);
  self->title_entry = add_entry_row (g, _("Title"), self);
  self->award_entry = add_entry_row (g, _("Title awarded"), self);
  self->organiser_entry = add_entry_row (g, _("Organiser"), self);
  self->year_spin = add_spin_row (g, _("Year"), NULL, 2000, 2100, 1, 0, self);
  self->quota_spin = add_spin_row (g, _("Titles to award"), NULL, 1, 999, 1, 0, self);
  self->ratio_spin = add_spin_row (g, _("Finalist ratio"),
                                   _("Finalists = titles × ratio, rounded up"), 1, 5, 0.1, 2,
                                   self);

  g = add_group (self, _("Stage Weights"),
                 _("The final score is wV × vote + wO × online vote + wD × defence; the three "
                   "weights must add up to 1."));
  for (guint i = 0; i < 3; i++)
    self->weight_spins[i] = add_spin_row (g, _(weight_titles[i]), NULL, 0, 1, 0.01, 2, self);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sum of the weights"));
  self->weight_sum = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->weight_sum), "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->weight_sum));
  adw_preferences_group_add (g, row);

  self->rubric_group = add_group (self, _("Defence Rubric"),
                                  _("The criteria each committee member scores in the defence, "
                                    "with their maximum points (a multiple of 0.5); they should "
                                    "total 100 points."));
  self->rubric_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rubric_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rubric_list), "boxed-list");
  adw_preferences_group_add (self->rubric_group, GTK_WIDGET (self->rubric_list));
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add a criterion"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "settings.rubric-add");
  adw_preferences_group_set_header_suffix (self->rubric_group, button);
  self->rubric_total = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->rubric_total, 1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->rubric_total), 6);
  adw_preferences_group_add (self->rubric_group, GTK_WIDGET (self->rubric_total));

  g = add_group (self, _("Defence"), NULL);
  self->presentation_spin = add_spin_row (g, _("Presentation (minutes)"), NULL, 1, 60, 1, 0,
                                          self);
  self->questions_spin = add_spin_row (g, _("Questions (minutes)"), NULL, 1, 60, 1, 0, self);
  self->drop_spin = add_spin_row (g, _("Drop highest and lowest from"),
                                  _("With at least this many scores, the highest and the "
                                    "lowest are dropped"), 0, 99, 1, 0, self);
  self->deviation_spin = add_spin_row (g, _("Deviation alert (points)"),
                                       _("A score this far from the panel median is flagged"),
                                       0, 100, 0.5, 1, self);

  g = add_group (self, _("Ballot"), NULL);
  self->max_choices_spin = add_spin_row (g, _("Marks per ballot"),
                                         _("0 lets each member mark as many as the trade has "
                                           "seats"), 0, 999, 1, 0, self);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Majority threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A candidate advances only with more "
                                                       "than half of the valid ballots"));
  self->majority_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->majority_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->majority_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (self->majority_switch));
  g_object_set_data (G_OBJECT (self->majority_switch), "jp-row", row);
  g_signal_connect_swapped (self->majority_switch, "notify::active", G_CALLBACK (form_changed),
                            self);
  adw_preferences_group_add (g, row);

  /* the quorum (RULES.md: 评审会议须有三分之二以上评委出席), checked when a round opens */
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Quorum"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Members of the trade's panel who must be present for a ballot "
                                 "round to open"));
  self->quorum_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->quorum_dropdown), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->quorum_dropdown));
  g_object_set_data (G_OBJECT (self->quorum_dropdown), "jp-row", row);
  g_signal_connect_swapped (self->quorum_dropdown, "notify::selected",
                            G_CALLBACK (form_changed), self);
  adw_preferences_group_add (g, row);

  g = add_group (self, _("Publicity"), NULL);
  self->publicity_spin = add_spin_row (g, _("Publicity period (working days)"), NULL, 1, 30, 1,
                                       0, self);
  /* where objections go: printed on the notice, which is refused without them */
  self->contact_person_entry = add_entry_row (g, _("Contact person"), self);
  self->contact_phone_entry = add_entry_row (g, _("Contact phone"), self);
  self->contact_address_entry = add_entry_row (g, _("Postal address"), self);
  adw_preferences_group_set_description (g, _("The publicity notice names the contact person "
                                              "and phone of the office that takes objections; "
                                              "it cannot be printed without them."));

  g = add_group (self, _("Fonts"), _("TrueType fonts embedded in the printed documents; leave "
                                     "empty to use the system's."));
  for (guint f = 0; f < N_FONTS; f++)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     f == FONT_SONG ? _("Body font (Song)")
                                     : _("Certificate font (Kai)"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-open-symbolic", _("Choose a font file"),
                                              "settings.font-choose",
                                              g_variant_new_int32 ((int) f)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("edit-clear-symbolic", _("Use the system font"),
                                              "settings.font-clear",
                                              g_variant_new_int32 ((int) f)));
      adw_preferences_group_add (g, row);
      self->font_rows[f] = ADW_ACTION_ROW (row);
    }

  g = add_group (self, _("Checks"), NULL);
  self->findings_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->findings_label, TRUE);
  gtk_label_set_xalign (self->findings_label, 0);
  gtk_label_set_selectable (self->findings_label, TRUE);
  adw_preferences_group_add (g, GTK_WIDGET (self->findings_label));
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

#define SPIN_ROW(spin) GTK_WIDGET (g_object_get_data (G_OBJECT (spin), "jp-row"))

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

  lock_setting (self, SPIN_ROW (self->quota_spin), JP_SETTING_QUOTA, locks);
  lock_setting (self, SPIN_ROW (self->ratio_spin), JP_SETTING_RATIO, locks);
  lock_setting (self, SPIN_ROW (self->max_choices_spin), JP_SETTING_MAX_CHOICES, locks);
  lock_setting (self, SPIN_ROW (self->majority_switch), JP_SETTING_MAJORITY_THRESHOLD, locks);
  lock_setting (self, SPIN_ROW (self->quorum_dropdown), JP_SETTING_QUORUM, locks);
  if (lock_setting (self, GTK_WIDGET (self->rubric_group), JP_SETTING_RUBRIC, locks))
    adw_preferences_group_set_description (self->rubric_group,
                                           locked_text (jp_setting_locked_by (JP_SETTING_RUBRIC)));
  lock_setting (self, SPIN_ROW (self->presentation_spin), JP_SETTING_PRESENTATION_MINUTES, locks);
  lock_setting (self, SPIN_ROW (self->questions_spin), JP_SETTING_QUESTIONS_MINUTES, locks);
  lock_setting (self, SPIN_ROW (self->drop_spin), JP_SETTING_DROP_MIN_TOTALS, locks);
  lock_setting (self, SPIN_ROW (self->deviation_spin), JP_SETTING_DEVIATION_ALERT, locks);
  for (guint i = 0; i < 3; i++)
    lock_setting (self, SPIN_ROW (self->weight_spins[i]), JP_SETTING_WEIGHTS, locks);
  lock_setting (self, SPIN_ROW (self->publicity_spin), JP_SETTING_PUBLICITY_DAYS, locks);
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
  build_form (self);
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
