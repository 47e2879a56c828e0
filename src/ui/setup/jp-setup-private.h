/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Shared by the pages of the setup page and by tests/ui/test-setup.c. */

#include <adwaita.h>

#include "store/jp-store-console.h"
#include "ui/setup/jp-setup-page.h"
#include "ui/app/jp-operator.h"
#include "ui/widgets/jp-store-watch.h"

G_BEGIN_DECLS

/* Who the setup pages record in the audit log. */
#define JP_SETUP_ACTOR (jp_operator_get_actor ())

/* A list-model item holding one plain struct of the store (JpSeatRow, JpUnit, ...). */
#define JP_TYPE_SETUP_ITEM (jp_setup_item_get_type ())
G_DECLARE_FINAL_TYPE (JpSetupItem, jp_setup_item, JP, SETUP_ITEM, GObject)

/* Takes ownership of `data`, freed with `free_func`. */
JpSetupItem *jp_setup_item_new  (gpointer       data,
                                 GDestroyNotify free_func);
gpointer     jp_setup_item_get  (JpSetupItem   *item);
/* Moves every element of `array` (whose free function must be `free_func`) into a new
 * GListStore of JpSetupItem and unrefs `array`. NULL gives an empty store. */
GListStore  *jp_setup_items_from_array (GPtrArray     *array,
                                        GDestroyNotify free_func);

/* Shows `message` in `label` (an inline error line), or hides it for NULL. */
void         jp_setup_show_message (GtkLabel   *label,
                                    const char *message);
/* An AdwActionRow-like suffix label dimmed. */
GtkWidget   *jp_setup_dim_label    (const char *text);

/* What identifies an item of a setup list across reloads (a member's code, a unit's name...),
 * newly allocated; NULL if it has none. */
typedef char *(*JpSetupKeyFunc) (JpSetupItem *item);
/* Binds `list` to `model` (in place of `old_model`, the model it showed, or NULL) keeping the
 * user's place: the scroll position stays and, if the focus was inside a row, the same control
 * of the row with the same key gets it back. */
void         jp_setup_rebind_list  (GtkListBox                 *list,
                                    GListModel                 *old_model,
                                    GListModel                 *model,
                                    GtkListBoxCreateWidgetFunc  create,
                                    gpointer                    data,
                                    JpSetupKeyFunc              key);

/* ---- the five pages ---- */
#define JP_TYPE_SETTINGS_PAGE (jp_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (JpSettingsPage, jp_settings_page, JP, SETTINGS_PAGE, AdwBin)
void jp_settings_page_set_store (JpSettingsPage *self, JpStore *store);

#define JP_TYPE_TRADES_PAGE (jp_trades_page_get_type ())
G_DECLARE_FINAL_TYPE (JpTradesPage, jp_trades_page, JP, TRADES_PAGE, AdwBin)
void jp_trades_page_set_store (JpTradesPage *self, JpStore *store);
void jp_trades_page_reload    (JpTradesPage *self);

#define JP_TYPE_UNITS_PAGE (jp_units_page_get_type ())
G_DECLARE_FINAL_TYPE (JpUnitsPage, jp_units_page, JP, UNITS_PAGE, AdwBin)
void jp_units_page_set_store (JpUnitsPage *self, JpStore *store);
void jp_units_page_reload    (JpUnitsPage *self);

#define JP_TYPE_MEMBERS_PAGE (jp_members_page_get_type ())
G_DECLARE_FINAL_TYPE (JpMembersPage, jp_members_page, JP, MEMBERS_PAGE, AdwBin)
void jp_members_page_set_store (JpMembersPage *self, JpStore *store);
void jp_members_page_reload    (JpMembersPage *self);

#define JP_TYPE_CONFLICTS_PAGE (jp_conflicts_page_get_type ())
G_DECLARE_FINAL_TYPE (JpConflictsPage, jp_conflicts_page, JP, CONFLICTS_PAGE, AdwBin)
void jp_conflicts_page_set_store (JpConflictsPage *self, JpStore *store);
void jp_conflicts_page_reload    (JpConflictsPage *self);

/* ---- for tests ---- */
JpSettingsPage  *jp_setup_page_get_settings_page  (JpSetupPage *self);
JpTradesPage    *jp_setup_page_get_trades_page    (JpSetupPage *self);
JpUnitsPage     *jp_setup_page_get_units_page     (JpSetupPage *self);
JpMembersPage   *jp_setup_page_get_members_page   (JpSetupPage *self);
JpConflictsPage *jp_setup_page_get_conflicts_page (JpSetupPage *self);
/* Shows page "settings", "trades", "units", "members" or "conflicts". */
void             jp_setup_page_show (JpSetupPage *self, const char *name);

GtkSpinButton   *jp_settings_page_get_weight_spin   (JpSettingsPage *self, guint i); /* V O D */
/* 0 contact person, 1 contact phone, 2 postal address of the publicity office */
GtkEditable     *jp_settings_page_get_contact_entry (JpSettingsPage *self, guint i);
GtkLabel        *jp_settings_page_get_weight_sum    (JpSettingsPage *self);
/* the rubric's rows, JpRubricRow */
GtkListBox      *jp_settings_page_get_rubric_list   (JpSettingsPage *self);
GtkButton       *jp_settings_page_get_apply_button  (JpSettingsPage *self);
GtkLabel        *jp_settings_page_get_message       (JpSettingsPage *self);
/* Applies the form as the Apply button does; FALSE if refused (message shown). */
gboolean         jp_settings_page_apply             (JpSettingsPage *self);

GtkColumnView   *jp_trades_page_get_column_view     (JpTradesPage *self);
/* A cell of the trades page's column view: the trade it shows and its control (a label, the
 * code entry, the priority switch, the seats spin button or the delete button). */
#define JP_TYPE_TRADE_CELL (jp_trade_cell_get_type ())
G_DECLARE_FINAL_TYPE (JpTradeCell, jp_trade_cell, JP, TRADE_CELL, AdwBin)
JpSeatRow       *jp_trade_cell_get_row              (JpTradeCell *self);
GtkWidget       *jp_trade_cell_get_control          (JpTradeCell *self);
GtkLabel        *jp_trades_page_get_sum_label       (JpTradesPage *self);
GtkButton       *jp_trades_page_get_freeze_button   (JpTradesPage *self);
GtkLabel        *jp_trades_page_get_message         (JpTradesPage *self);
GtkWidget       *jp_trades_page_get_codes_box       (JpTradesPage *self);
/* Sets a trade's seats as the spin button of its row does. */
void             jp_trades_page_set_seats           (JpTradesPage *self,
                                                     gint64        trade_id,
                                                     int           seats);
/* Freezes as the confirmation dialog's "Freeze" response does. */
void             jp_trades_page_freeze_confirmed    (JpTradesPage *self);

GtkListBox      *jp_units_page_get_list             (JpUnitsPage *self);

GtkEditable     *jp_members_page_get_code_entry     (JpMembersPage *self);
GtkEditable     *jp_members_page_get_name_entry     (JpMembersPage *self);
GtkEditable     *jp_members_page_get_unit_entry     (JpMembersPage *self);
GtkDropDown     *jp_members_page_get_role_dropdown  (JpMembersPage *self);
GtkListBox      *jp_members_page_get_list           (JpMembersPage *self);
GtkLabel        *jp_members_page_get_message        (JpMembersPage *self);
/* Ticks the trade `code` in the trades popover of the form. */
void             jp_members_page_set_trade_checked  (JpMembersPage *self,
                                                     const char    *code,
                                                     gboolean       checked);
/* The dialog showing the last generated PIN (NULL if none is open) and its PIN label. */
GtkWindow       *jp_members_page_get_pin_dialog     (JpMembersPage *self);
GtkLabel        *jp_members_page_get_pin_label      (JpMembersPage *self);

GtkDropDown     *jp_conflicts_page_get_member_dropdown    (JpConflictsPage *self);
GtkDropDown     *jp_conflicts_page_get_candidate_dropdown (JpConflictsPage *self);
GtkDropDown     *jp_conflicts_page_get_type_dropdown      (JpConflictsPage *self);
GtkEditable     *jp_conflicts_page_get_note_entry         (JpConflictsPage *self);
GtkListBox      *jp_conflicts_page_get_list               (JpConflictsPage *self);
GtkLabel        *jp_conflicts_page_get_message            (JpConflictsPage *self);

G_END_DECLS
