/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-setup-private.h"
#include "ui/app/jp-ui-error.h"

/* The order of the role dropdown: chair first, as a committee list is written. */
static const JpMemberRole roles[] = {
  JP_MEMBER_ROLE_CHAIR, JP_MEMBER_ROLE_MEMBER, JP_MEMBER_ROLE_SCRUTINEER,
};

struct _JpMembersPage
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *form_group;
  AdwEntryRow          *code_entry;
  AdwEntryRow          *name_entry;
  AdwEntryRow          *unit_entry;
  GtkDropDown          *role_dropdown;
  GtkMenuButton        *trades_button;
  GtkBox               *trades_box;
  GtkButton            *add_button;
  GtkButton            *cancel_button;
  GtkLabel             *message;
  AdwPreferencesGroup  *list_group;
  GtkListBox           *list;

  JpStore              *store;
  JpStoreWatch         *watch;        /* JpStore::changed: members, trades */
  GListStore           *members;      /* JpSetupItem of JpMember, as listed by the store */
  gint64                editing_id;   /* member being edited in the form, 0 when adding */
  GtkWindow            *pin_dialog;   /* weak */
  GtkLabel             *pin_label;    /* weak, inside pin_dialog */
};

G_DEFINE_FINAL_TYPE (JpMembersPage, jp_members_page, ADW_TYPE_BIN)

/* A check button of the trades popover, knowing the trade's key (its code, else its name). */
#define JP_TYPE_TRADE_CHECK (jp_trade_check_get_type ())
G_DECLARE_FINAL_TYPE (JpTradeCheck, jp_trade_check, JP, TRADE_CHECK, GtkCheckButton)

struct _JpTradeCheck
{
  GtkCheckButton parent_instance;

  char          *key;
};

G_DEFINE_FINAL_TYPE (JpTradeCheck, jp_trade_check, GTK_TYPE_CHECK_BUTTON)

static void
jp_trade_check_finalize (GObject *object)
{
  g_free (JP_TRADE_CHECK (object)->key);
  G_OBJECT_CLASS (jp_trade_check_parent_class)->finalize (object);
}

static void
jp_trade_check_class_init (JpTradeCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_trade_check_finalize;
}

static void
jp_trade_check_init (JpTradeCheck *self)
{
}

static GtkWidget *
jp_trade_check_new (const char *label,
                    const char *key)
{
  JpTradeCheck *self = g_object_new (JP_TYPE_TRADE_CHECK, "label", label, NULL);

  self->key = g_strdup (key);
  return GTK_WIDGET (self);
}

/* The key of a ticked trade check, NULL for anything else. */
static const char *
ticked_trade_key (GtkWidget *widget)
{
  if (!JP_IS_TRADE_CHECK (widget) || !gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)))
    return NULL;
  return JP_TRADE_CHECK (widget)->key;
}

static char *
member_trades_text (const JpMember *m)
{
  if (m->trades == NULL || m->trades[0] == NULL)
    return g_strdup (_("no trade"));
  return g_strjoinv ("、", m->trades);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  JpMembersPage *self = user_data;
  const JpMember *m = jp_setup_item_get (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pin_state;
  GtkWidget *pin_button;
  GtkWidget *edit_button;
  GtkWidget *delete_button;
  g_autoptr(GError) error = NULL;
  gboolean has_pin = FALSE;
  g_autofree char *title = g_strdup_printf ("%s  %s", m->code, m->name != NULL ? m->name : "");
  g_autofree char *trades = member_trades_text (m);
  g_autofree char *subtitle = NULL;

  if (!jp_store_member_has_pin (self->store, m->code, &has_pin, &error))
    jp_setup_show_message (self->message, error->message);
  subtitle = g_strdup_printf (_("%s · %s · Trades: %s"),
                              m->unit != NULL && *m->unit != '\0' ? m->unit : _("(no unit)"),
                              jp_member_role_label (m->role), trades);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  pin_state = jp_setup_dim_label (has_pin ? _("PIN set") : _("No PIN"));
  if (!has_pin)
    gtk_widget_add_css_class (pin_state, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin_state);

  pin_button = gtk_button_new_with_label (has_pin ? _("Regenerate PIN") : _("Generate PIN"));
  gtk_widget_set_valign (pin_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pin_button), "members.pin");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (pin_button), "s", m->code);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin_button);

  edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit_button, "flat");
  gtk_widget_set_tooltip_text (edit_button, _("Edit this member"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit_button), "members.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit_button), "s", m->code);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);

  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Remove this member and their conflicts"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "members.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "s", m->code);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  return row;
}

static const JpMember *
find_member (JpMembersPage *self,
             const char    *code)
{
  guint n = self->members != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->members)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpSetupItem) item = g_list_model_get_item (G_LIST_MODEL (self->members), i);
      const JpMember *m = jp_setup_item_get (item);

      if (g_strcmp0 (m->code, code) == 0)
        return m;   /* the store keeps the item alive */
    }
  return NULL;
}

static void
update_trades_button (JpMembersPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *text = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->trades_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (ticked_trade_key (c) != NULL)
      g_ptr_array_add (names, (gpointer) ticked_trade_key (c));
  g_ptr_array_add (names, NULL);
  text = names->len > 1 ? g_strjoinv ("、", (char **) names->pdata) : g_strdup (_("None"));
  gtk_menu_button_set_label (self->trades_button, text);
}

/* Fills the popover with the store's trades; with `keep`, the trades ticked before stay
 * ticked (a reload must not undo what the person is entering). */
static void
fill_trades_popover (JpMembersPage *self,
                     gboolean       keep)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GHashTable) ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trades_box))) != NULL)
    {
      if (keep && ticked_trade_key (child) != NULL)
        g_hash_table_add (ticked, g_strdup (ticked_trade_key (child)));
      gtk_box_remove (self->trades_box, child);
    }
  if (self->store != NULL)
    trades = jp_store_list_trades (self->store, &store_error);
  if (trades == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; trades != NULL && i < trades->len; i++)
    {
      const JpTrade *t = g_ptr_array_index (trades, i);
      const char *key = t->code != NULL && *t->code != '\0' ? t->code : t->name;
      g_autofree char *label = g_strdup_printf ("%s (%s)", t->name, key);
      GtkWidget *check = jp_trade_check_new (label, key);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (ticked, key));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_trades_button), self);
      gtk_box_append (self->trades_box, check);
    }
  if (trades == NULL || trades->len == 0)
    gtk_box_append (self->trades_box, gtk_label_new (_("Add trades on the “Trades and Seats” page first.")));
  update_trades_button (self);
}

void
jp_members_page_set_trade_checked (JpMembersPage *self,
                                   const char    *code,
                                   gboolean       checked)
{
  g_return_if_fail (JP_IS_MEMBERS_PAGE (self));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->trades_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (JP_IS_TRADE_CHECK (c) && g_strcmp0 (JP_TRADE_CHECK (c)->key, code) == 0)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (c), checked);
}

static void
reset_form (JpMembersPage *self)
{
  self->editing_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), "");
  gtk_drop_down_set_selected (self->role_dropdown, 1);
  fill_trades_popover (self, FALSE);
  adw_preferences_group_set_title (self->form_group, _("Add a Committee Member"));
  gtk_button_set_label (self->add_button, _("_Add Member"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
}

static char *
member_key (JpSetupItem *item)
{
  const JpMember *m = jp_setup_item_get (item);

  return g_strdup (m->code);
}

void
jp_members_page_reload (JpMembersPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) old = NULL;
  GPtrArray *members = NULL;

  g_return_if_fail (JP_IS_MEMBERS_PAGE (self));

  if (self->store != NULL)
    {
      members = jp_store_list_members (self->store, &error);
      if (members == NULL)
        jp_setup_show_message (self->message, error->message);
    }
  old = g_steal_pointer (&self->members);
  self->members = jp_setup_items_from_array (members, (GDestroyNotify) jp_member_free);
  jp_setup_rebind_list (self->list, G_LIST_MODEL (old), G_LIST_MODEL (self->members),
                        create_member_row, self, member_key);
  fill_trades_popover (self, TRUE);
  jp_store_watch_done (self->watch);
}

static void
members_add (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JpMembersPage *self = JP_MEMBERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) trades = g_strv_builder_new ();
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  JpMember member = { 0 };
  guint role = gtk_drop_down_get_selected (self->role_dropdown);
  gboolean ok;

  if (self->store == NULL)
    return;

  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->trades_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (ticked_trade_key (c) != NULL)
      g_strv_builder_add (trades, ticked_trade_key (c));

  member.id = self->editing_id;
  member.code = code;
  member.name = name;
  member.unit = unit;
  member.role = role < G_N_ELEMENTS (roles) ? roles[role] : JP_MEMBER_ROLE_MEMBER;
  member.trades = g_strv_builder_end (trades);

  if (self->editing_id != 0)
    ok = jp_store_update_member (self->store, &member, JP_SETUP_ACTOR, &error);
  else
    ok = jp_store_add_member (self->store, &member, JP_SETUP_ACTOR, &error) > 0;
  g_strfreev (member.trades);

  if (!ok)
    {
      jp_setup_show_message (self->message, error != NULL ? error->message
                             : _("The member could not be saved."));
      return;
    }
  jp_setup_show_message (self->message, NULL);
  reset_form (self);
  jp_members_page_reload (self);
}

static void
members_cancel (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpMembersPage *self = JP_MEMBERS_PAGE (widget);

  jp_setup_show_message (self->message, NULL);
  reset_form (self);
}

static void
members_edit (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JpMembersPage *self = JP_MEMBERS_PAGE (widget);
  const JpMember *m = find_member (self, g_variant_get_string (parameter, NULL));

  if (m == NULL)
    return;
  fill_trades_popover (self, FALSE);
  self->editing_id = m->id;
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), m->code);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), m->name != NULL ? m->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), m->unit != NULL ? m->unit : "");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == m->role)
      gtk_drop_down_set_selected (self->role_dropdown, i);
  for (guint i = 0; m->trades != NULL && m->trades[i] != NULL; i++)
    jp_members_page_set_trade_checked (self, m->trades[i], TRUE);
  adw_preferences_group_set_title (self->form_group, _("Edit Committee Member"));
  gtk_button_set_label (self->add_button, _("_Save Changes"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* Whom a removal dialog asks about, for which page. */
typedef struct {
  JpMembersPage *page;    /* owned */
  char          *code;
} DeleteRequest;

static void
delete_request_free (gpointer  data,
                     GClosure *closure)
{
  DeleteRequest *request = data;

  g_object_unref (request->page);
  g_free (request->code);
  g_free (request);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  JpMembersPage *self = request->page;
  const JpMember *m = find_member (self, request->code);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || m == NULL)
    return;
  if (!jp_store_delete_member (self->store, m->id, JP_SETUP_ACTOR, &error))
    {
      jp_setup_show_message (self->message, error->message);
      return;
    }
  jp_setup_show_message (self->message, NULL);
  jp_members_page_reload (self);
}

static void
members_delete (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpMembersPage *self = JP_MEMBERS_PAGE (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  const JpMember *m = find_member (self, code);
  DeleteRequest *request;
  GtkWidget *dialog;

  if (m == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Remove Committee Member?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s %s and the conflicts declared for them will be removed."),
                                  m->code, m->name != NULL ? m->name : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  request = g_new0 (DeleteRequest, 1);
  request->page = g_object_ref (self);
  request->code = g_strdup (code);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), request,
                         delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_copy_clicked (GtkButton *button,
                 GtkLabel  *label)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)),
                          gtk_label_get_text (label));
  gtk_button_set_label (button, _("Copied"));
}

static void
show_pin_dialog (JpMembersPage  *self,
                 const JpMember *m,
                 const char     *pin)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (pin);
  GtkWidget *copy = gtk_button_new_with_label (_("Copy PIN"));
  g_autofree char *heading = g_strdup_printf (_("PIN of %s %s"), m->code,
                                              m->name != NULL ? m->name : "");

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading,
                                   _("Hand this PIN to the member now. It is shown only this "
                                     "once and cannot be displayed again; if it is lost, "
                                     "generate a new one."));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "jp-pin");
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_set_halign (copy, GTK_ALIGN_CENTER);
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked), label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), copy);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                   _("I Have Noted It"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  if (self->pin_dialog != NULL)
    gtk_window_destroy (self->pin_dialog);
  g_set_weak_pointer (&self->pin_dialog, GTK_WINDOW (dialog));
  g_set_weak_pointer (&self->pin_label, GTK_LABEL (label));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
members_pin (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JpMembersPage *self = JP_MEMBERS_PAGE (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  const JpMember *m = find_member (self, code);
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;

  if (m == NULL || self->store == NULL)
    return;
  pin = jp_store_member_new_pin (self->store, code, JP_SETUP_ACTOR, &error);
  if (pin == NULL)
    {
      jp_setup_show_message (self->message, error->message);
      return;
    }
  jp_setup_show_message (self->message, NULL);
  show_pin_dialog (self, m, pin);
  /* the row's PIN state changes; `m` is not used after this */
  jp_members_page_reload (self);
}

static void
jp_members_page_dispose (GObject *object)
{
  JpMembersPage *self = JP_MEMBERS_PAGE (object);

  if (self->pin_dialog != NULL)
    gtk_window_destroy (self->pin_dialog);
  g_clear_weak_pointer (&self->pin_dialog);
  g_clear_weak_pointer (&self->pin_label);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->members);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jp_members_page_parent_class)->dispose (object);
}

static void
jp_members_page_class_init (JpMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_members_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, trades_button);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, trades_box);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, message);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, list_group);
  gtk_widget_class_bind_template_child (widget_class, JpMembersPage, list);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, members_add);
  gtk_widget_class_install_action (widget_class, "members.cancel", NULL, members_cancel);
  gtk_widget_class_install_action (widget_class, "members.edit", "s", members_edit);
  gtk_widget_class_install_action (widget_class, "members.delete", "s", members_delete);
  gtk_widget_class_install_action (widget_class, "members.pin", "s", members_pin);
}

static void
jp_members_page_init (JpMembersPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (labels, jp_member_role_label (roles[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->role_dropdown, 1);
  g_signal_connect_swapped (self->code_entry, "entry-activated",
                            G_CALLBACK (gtk_widget_grab_focus), self->name_entry);
  reset_form (self);
}

void
jp_members_page_set_store (JpMembersPage *self,
                           JpStore       *store)
{
  static const char * const watched[] = { "members", "trades", NULL };

  g_return_if_fail (JP_IS_MEMBERS_PAGE (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_members_page_reload);
  reset_form (self);
  jp_members_page_reload (self);
}

GtkEditable *
jp_members_page_get_code_entry (JpMembersPage *self)
{
  return GTK_EDITABLE (self->code_entry);
}

GtkEditable *
jp_members_page_get_name_entry (JpMembersPage *self)
{
  return GTK_EDITABLE (self->name_entry);
}

GtkEditable *
jp_members_page_get_unit_entry (JpMembersPage *self)
{
  return GTK_EDITABLE (self->unit_entry);
}

GtkDropDown *
jp_members_page_get_role_dropdown (JpMembersPage *self)
{
  return self->role_dropdown;
}

GtkListBox *
jp_members_page_get_list (JpMembersPage *self)
{
  return self->list;
}

GtkLabel *
jp_members_page_get_message (JpMembersPage *self)
{
  return self->message;
}

GtkWindow *
jp_members_page_get_pin_dialog (JpMembersPage *self)
{
  return self->pin_dialog;
}

GtkLabel *
jp_members_page_get_pin_label (JpMembersPage *self)
{
  return self->pin_label;
}
