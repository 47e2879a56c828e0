/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-setup-private.h"
#include "ui/app/jp-ui-error.h"

static const JpConflictType types[] = {
  JP_CONFLICT_RELATIVE, JP_CONFLICT_TEACHER_APPRENTICE, JP_CONFLICT_SUPERVISOR,
  JP_CONFLICT_OTHER,
};

struct _JpConflictsPage
{
  AdwBin               parent_instance;

  GtkDropDown         *member_dropdown;
  GtkDropDown         *candidate_dropdown;
  GtkDropDown         *type_dropdown;
  AdwEntryRow         *note_entry;
  GtkButton           *add_button;
  GtkLabel            *message;
  AdwPreferencesGroup *list_group;
  GtkListBox          *list;

  JpStore             *store;
  JpStoreWatch        *watch;          /* JpStore::changed: conflicts, members, candidates */
  GListStore          *conflicts;      /* JpSetupItem of JpConflict */
  GPtrArray           *member_codes;   /* char*, parallel to the member dropdown */
  GArray              *candidate_ids;  /* gint64, parallel to the candidate dropdown */
};

G_DEFINE_FINAL_TYPE (JpConflictsPage, jp_conflicts_page, ADW_TYPE_BIN)

static GtkWidget *
create_conflict_row (gpointer item,
                     gpointer user_data)
{
  const JpConflict *c = jp_setup_item_get (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  title = g_strdup_printf (_("%s %s ↔ %s"), c->member_code,
                           c->member_name != NULL ? c->member_name : "",
                           c->candidate_name != NULL ? c->candidate_name : "");
  if (c->kind == JP_CONFLICT_SAME_UNIT)
    subtitle = g_strdup (jp_conflict_kind_label (c->kind));
  else if (c->note != NULL && *c->note != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", jp_conflict_kind_label (c->kind),
                                jp_conflict_type_label (c->type), c->note);
  else
    subtitle = g_strdup_printf ("%s · %s", jp_conflict_kind_label (c->kind),
                                jp_conflict_type_label (c->type));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (c->kind == JP_CONFLICT_SAME_UNIT)
    {
      GtkWidget *label = jp_setup_dim_label (_("Automatic, cannot be removed"));

      gtk_widget_set_tooltip_text (label, _("The member and the candidate belong to the same "
                                            "unit, so this conflict cannot be removed. Correct "
                                            "the member's unit if it is wrong."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove this declared conflict"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflicts.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", c->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
fill_dropdowns (JpConflictsPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GtkStringList) members = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) candidates = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GListModel) cands = NULL;
  guint m_sel = gtk_drop_down_get_selected (self->member_dropdown);
  guint c_sel = gtk_drop_down_get_selected (self->candidate_dropdown);
  g_autofree char *member_code = m_sel < self->member_codes->len
    ? g_strdup (g_ptr_array_index (self->member_codes, m_sel)) : NULL;
  gint64 candidate_id = c_sel < self->candidate_ids->len
    ? g_array_index (self->candidate_ids, gint64, c_sel) : 0;
  guint m_keep = 0, c_keep = 0;

  g_ptr_array_set_size (self->member_codes, 0);
  g_array_set_size (self->candidate_ids, 0);
  if (self->store != NULL)
    {
      list = jp_store_list_members (self->store, &store_error);
      if (list == NULL && store_error != NULL)
        {
          jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
          g_clear_error (&store_error);
        }
      cands = jp_store_list_candidates (self->store, &store_error);
      if (cands == NULL && store_error != NULL)
        {
          jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
          g_clear_error (&store_error);
        }
    }
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const JpMember *m = g_ptr_array_index (list, i);
      g_autofree char *label = g_strdup_printf ("%s %s", m->code, m->name != NULL ? m->name : "");

      if (g_strcmp0 (m->code, member_code) == 0)
        m_keep = self->member_codes->len;
      gtk_string_list_append (members, label);
      g_ptr_array_add (self->member_codes, g_strdup (m->code));
    }
  for (guint i = 0; cands != NULL && i < g_list_model_get_n_items (cands); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (cands, i);
      g_autofree char *label = g_strdup_printf ("%s（%s）", c->name != NULL ? c->name : "",
                                                c->unit != NULL ? c->unit : "");

      if (c->id == candidate_id)
        c_keep = self->candidate_ids->len;
      gtk_string_list_append (candidates, label);
      g_array_append_val (self->candidate_ids, c->id);
    }
  /* the choices being made stay chosen (by member code and candidate id) */
  gtk_drop_down_set_model (self->member_dropdown, G_LIST_MODEL (members));
  gtk_drop_down_set_model (self->candidate_dropdown, G_LIST_MODEL (candidates));
  gtk_drop_down_set_selected (self->member_dropdown, m_keep);
  gtk_drop_down_set_selected (self->candidate_dropdown, c_keep);
}

static char *
conflict_key (JpSetupItem *item)
{
  const JpConflict *c = jp_setup_item_get (item);

  /* automatic ones have no id: the member and the candidate name them */
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, c->member_code,
                          c->candidate_id, c->id);
}

void
jp_conflicts_page_reload (JpConflictsPage *self)
{
  g_autoptr(GListStore) old = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = NULL;

  g_return_if_fail (JP_IS_CONFLICTS_PAGE (self));

  if (self->store != NULL)
    {
      conflicts = jp_store_list_conflicts (self->store, &error);
      if (conflicts == NULL)
        jp_setup_show_message (self->message, error->message);
    }
  old = g_steal_pointer (&self->conflicts);
  self->conflicts = jp_setup_items_from_array (conflicts, (GDestroyNotify) jp_conflict_free);
  jp_setup_rebind_list (self->list, G_LIST_MODEL (old), G_LIST_MODEL (self->conflicts),
                        create_conflict_row, self, conflict_key);
  fill_dropdowns (self);
  jp_store_watch_done (self->watch);
}

static void
conflicts_add (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JpConflictsPage *self = JP_CONFLICTS_PAGE (widget);
  guint m = gtk_drop_down_get_selected (self->member_dropdown);
  guint c = gtk_drop_down_get_selected (self->candidate_dropdown);
  guint t = gtk_drop_down_get_selected (self->type_dropdown);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (self->store == NULL)
    return;
  if (m >= self->member_codes->len || c >= self->candidate_ids->len)
    {
      jp_setup_show_message (self->message, _("Choose a committee member and a candidate "
                                              "first."));
      return;
    }
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  if (jp_store_add_conflict (self->store, g_ptr_array_index (self->member_codes, m),
                             g_array_index (self->candidate_ids, gint64, c),
                             t < G_N_ELEMENTS (types) ? types[t] : JP_CONFLICT_OTHER,
                             note, JP_SETUP_ACTOR, &error) <= 0)
    {
      jp_setup_show_message (self->message, error != NULL ? error->message
                             : _("The conflict could not be saved."));
      return;
    }
  jp_setup_show_message (self->message, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  jp_conflicts_page_reload (self);
}

static void
conflicts_remove (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpConflictsPage *self = JP_CONFLICTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!jp_store_remove_conflict (self->store, g_variant_get_int64 (parameter), JP_SETUP_ACTOR,
                                 &error))
    {
      jp_setup_show_message (self->message, error->message);
      return;
    }
  jp_setup_show_message (self->message, NULL);
  jp_conflicts_page_reload (self);
}

static void
jp_conflicts_page_dispose (GObject *object)
{
  JpConflictsPage *self = JP_CONFLICTS_PAGE (object);

  g_clear_pointer (&self->watch, jp_store_watch_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CONFLICTS_PAGE);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->member_codes, g_ptr_array_unref);
  g_clear_pointer (&self->candidate_ids, g_array_unref);
  G_OBJECT_CLASS (jp_conflicts_page_parent_class)->dispose (object);
}

static void
jp_conflicts_page_class_init (JpConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_conflicts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, candidate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, message);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, list_group);
  gtk_widget_class_bind_template_child (widget_class, JpConflictsPage, list);

  gtk_widget_class_install_action (widget_class, "conflicts.add", NULL, conflicts_add);
  gtk_widget_class_install_action (widget_class, "conflicts.remove", "x", conflicts_remove);
}

static void
jp_conflicts_page_init (JpConflictsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) member_expr = NULL;
  g_autoptr(GtkExpression) candidate_expr = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->member_codes = g_ptr_array_new_with_free_func (g_free);
  self->candidate_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_string_list_append (labels, jp_conflict_type_label (types[i]));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (labels));
  /* the search of the dropdowns matches the shown text */
  member_expr = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  candidate_expr = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->member_dropdown, member_expr);
  gtk_drop_down_set_expression (self->candidate_dropdown, candidate_expr);
}

void
jp_conflicts_page_set_store (JpConflictsPage *self,
                             JpStore         *store)
{
  static const char * const watched[] = { "conflicts", "members", "candidates", NULL };

  g_return_if_fail (JP_IS_CONFLICTS_PAGE (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_conflicts_page_reload);
  jp_setup_show_message (self->message, NULL);
  jp_conflicts_page_reload (self);
}

GtkDropDown *
jp_conflicts_page_get_member_dropdown (JpConflictsPage *self)
{
  return self->member_dropdown;
}

GtkDropDown *
jp_conflicts_page_get_candidate_dropdown (JpConflictsPage *self)
{
  return self->candidate_dropdown;
}

GtkDropDown *
jp_conflicts_page_get_type_dropdown (JpConflictsPage *self)
{
  return self->type_dropdown;
}

GtkEditable *
jp_conflicts_page_get_note_entry (JpConflictsPage *self)
{
  return GTK_EDITABLE (self->note_entry);
}

GtkListBox *
jp_conflicts_page_get_list (JpConflictsPage *self)
{
  return self->list;
}

GtkLabel *
jp_conflicts_page_get_message (JpConflictsPage *self)
{
  return self->message;
}
