/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-audit-actions.h"
#include "ui/records/jp-audit-page.h"
#include "jp-resources.h"
#include "store/jp-store-audit.h"
#include "ui/widgets/jp-store-watch.h"

/* Rows shown at most: a long log is narrowed with the filters, not scrolled through. */
#define MAX_ROWS 500

struct _JpAuditPage
{
  AdwBin       parent_instance;

  GtkLabel    *status;
  GtkButton   *verify_button;
  GtkListBox  *problems;
  GtkEditable *actor_entry;
  GtkEditable *action_entry;
  GtkEditable *candidate_entry;
  GtkEditable *from_entry;
  GtkEditable *until_entry;
  GtkLabel    *count;
  GtkListBox  *list;
  GtkLabel    *backups_status;
  GtkListBox  *backups;

  JpStore     *store;
  JpStoreWatch *watch;    /* JpStore::changed::audit: the log grows behind the page */
  GPtrArray   *entries;   /* JpAuditEntry*, oldest first */
};

G_DEFINE_FINAL_TYPE (JpAuditPage, jp_audit_page, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
entry_row (JpAuditEntry *e)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (e->at);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S")
                                        : g_strdup ("?");
  const char *label = jp_audit_action_label (e->action);
  /* the action in words; its code (what the filter matches) and the recorded details below */
  g_autofree char *title = g_markup_printf_escaped ("%" G_GINT64_FORMAT "  %s  %s", e->seq,
                                                    label != NULL ? label : e->action,
                                                    e->actor != NULL ? e->actor : "");
  g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s · %s", when, e->action,
                                                       e->payload);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, e->hash);
  return row;
}

/* What a backup's reason word (jp_store_backup_stage) says to a person. */
static const char *
reason_label (const char *reason)
{
  static const struct { const char *reason; const char *label; } reasons[] = {
    { "round-closed", N_("A ballot round was closed") },
    { "round-sealed", N_("A ballot round was sealed") },
    { "defence-closed", N_("A defence session was closed") },
    { "defence-sealed", N_("A defence session was sealed") },
    { "ranking-sealed", N_("The ranking was sealed") },
    { "publicity-started", N_("Publicity started") },
    { "publicity-closed", N_("Publicity closed") },
    { "before-restore", N_("Before a restore") },
    { "manual", N_("Written on request") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i].reason))
      return _(reasons[i].label);
  return reason;
}

static GtkWidget *
backup_row (JpBackupInfo *b)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (b->time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S")
                                        : g_strdup ("?");
  g_autofree char *size = g_format_size (b->size);
  g_autofree char *subtitle = g_markup_printf_escaped ("%s · %s · %s", reason_label (b->reason),
                                                       size, b->name);
  g_autofree char *button_name = g_strdup_printf (_("Restore the backup of %s"), when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-backup");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", b->path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The backups kept beside the election file, newest first. */
static void
reload_backups (JpAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = NULL;

  clear_list (self->backups);
  gtk_widget_set_visible (GTK_WIDGET (self->backups), FALSE);
  if (self->store == NULL)
    {
      gtk_label_set_text (self->backups_status, "");
      return;
    }
  backups = jp_store_list_backups (self->store, &error);
  if (backups == NULL)
    {
      gtk_label_set_text (self->backups_status, error->message);
      return;
    }
  dir = jp_store_backup_dir (self->store);
  if (backups->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No backup yet. One is written to %s at "
                                                 "every stage change (a round closed or "
                                                 "sealed, a session sealed, the ranking "
                                                 "sealed, publicity started or closed)."),
                                               dir);

      gtk_label_set_text (self->backups_status, text);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (ngettext ("%u backup in %s. Restoring one "
                                                       "checks it first and backs up the "
                                                       "current file.",
                                                       "%u backups in %s. Restoring one "
                                                       "checks it first and backs up the "
                                                       "current file.", backups->len),
                                             backups->len, dir);

    gtk_label_set_text (self->backups_status, text);
  }
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backups, backup_row (g_ptr_array_index (backups, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->backups), TRUE);
}

static void
apply_filter (JpAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  JpAuditFilter filter = { 0 };
  guint shown = 0, matching = 0;

  clear_list (self->list);
  if (self->entries == NULL)
    {
      gtk_label_set_text (self->count, "");
      return;
    }
  filter.actor = gtk_editable_get_text (self->actor_entry);
  filter.action = gtk_editable_get_text (self->action_entry);
  filter.candidate = gtk_editable_get_text (self->candidate_entry);
  if (!jp_audit_parse_day (gtk_editable_get_text (self->from_entry), _("From date"), FALSE, NULL,
                           &filter.from, &error)
      || !jp_audit_parse_day (gtk_editable_get_text (self->until_entry), _("Until"), TRUE,
                              NULL, &filter.until, &error))
    {
      gtk_label_set_text (self->count, error->message);
      return;
    }

  /* newest first */
  for (guint i = self->entries->len; i > 0; i--)
    {
      JpAuditEntry *e = g_ptr_array_index (self->entries, i - 1);

      if (!jp_audit_entry_matches (e, &filter))
        continue;
      matching++;
      if (shown < MAX_ROWS)
        {
          gtk_list_box_append (self->list, entry_row (e));
          shown++;
        }
    }
  if (shown < matching)
    {
      g_autofree char *text = g_strdup_printf (_("%u of %u entries match; the newest %u are "
                                                 "shown. Narrow the filters to see the others."),
                                               matching, self->entries->len, shown);

      gtk_label_set_text (self->count, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u of %u entry matches.",
                                                         "%u of %u entries match.", matching),
                                               matching, self->entries->len);

      gtk_label_set_text (self->count, text);
    }
}

static void
on_filter_changed (JpAuditPage *self)
{
  apply_filter (self);
}

void
jp_audit_page_reload (JpAuditPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_AUDIT_PAGE (self));

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->entries = jp_store_list_audit (self->store, &error);
      if (self->entries == NULL)
        gtk_label_set_text (self->status, error->message);
    }
  apply_filter (self);
  reload_backups (self);
}

void
jp_audit_page_verify (JpAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpAuditReport) report = NULL;

  g_return_if_fail (JP_IS_AUDIT_PAGE (self));

  clear_list (self->problems);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  if (self->store == NULL)
    return;
  report = jp_store_verify (self->store, NULL, &error);
  if (report == NULL)
    {
      gtk_label_set_text (self->status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
      return;
    }
  if (report->ok)
    {
      g_autofree char *text = g_strdup_printf (_("The record holds: %lld entries and %u ballot "
                                                 "rounds check. Chain head: %s"),
                                               (long long) report->entries, report->rounds,
                                               report->head);

      gtk_label_set_text (self->status, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "success");
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (ngettext ("The record does not hold: %u problem. "
                                                       "Use the archived copy or a backup, and "
                                                       "find out who changed the file.",
                                                       "The record does not hold: %u problems. "
                                                       "Use the archived copy or a backup, and "
                                                       "find out who changed the file.",
                                                       report->problems->len),
                                             report->problems->len);

    gtk_label_set_text (self->status, text);
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  }
  for (guint i = 0; i < report->problems->len; i++)
    {
      JpAuditProblem *p = g_ptr_array_index (report->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (p->message, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->problems, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems), TRUE);
}

static void
on_verify_clicked (JpAuditPage *self)
{
  jp_audit_page_reload (self);
  jp_audit_page_verify (self);
}

static void
jp_audit_page_dispose (GObject *object)
{
  JpAuditPage *self = JP_AUDIT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_AUDIT_PAGE);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (jp_audit_page_parent_class)->dispose (object);
}

static void
jp_audit_page_class_init (JpAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_audit_page_dispose;

  /* links the resources in, for programs that use this page alone */
  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, status);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, verify_button);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, problems);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, action_entry);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, candidate_entry);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, count);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, list);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, backups_status);
  gtk_widget_class_bind_template_child (widget_class, JpAuditPage, backups);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
}

static void
jp_audit_page_init (JpAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_audit_page_new (void)
{
  return g_object_new (JP_TYPE_AUDIT_PAGE, NULL);
}

void
jp_audit_page_set_store (JpAuditPage *self,
                         JpStore     *store)
{
  static const char * const watched[] = { "audit", NULL };

  g_return_if_fail (JP_IS_AUDIT_PAGE (self));

  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_audit_page_reload);
  clear_list (self->problems);
  gtk_widget_set_visible (GTK_WIDGET (self->problems), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  gtk_label_set_text (self->status,
                      _("Check that no entry of the audit log and no sealed result was changed "
                        "since it was written."));
  jp_audit_page_reload (self);
}

GtkListBox *
jp_audit_page_get_list (JpAuditPage *self)
{
  return self->list;
}

GtkListBox *
jp_audit_page_get_problems (JpAuditPage *self)
{
  return self->problems;
}

GtkLabel *
jp_audit_page_get_status (JpAuditPage *self)
{
  return self->status;
}

GtkEditable *
jp_audit_page_get_filter (JpAuditPage *self,
                          const char  *name)
{
  if (g_str_equal (name, "actor"))
    return self->actor_entry;
  if (g_str_equal (name, "action"))
    return self->action_entry;
  if (g_str_equal (name, "candidate"))
    return self->candidate_entry;
  if (g_str_equal (name, "from"))
    return self->from_entry;
  return self->until_entry;
}

GtkListBox *
jp_audit_page_get_backups (JpAuditPage *self)
{
  return self->backups;
}
