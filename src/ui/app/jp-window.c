/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-resources.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/setup/jp-setup-page.h"
#include "ui/app/jp-operator.h"
#include "ui/app/jp-window-private.h"
#include "store/jp-store-audit.h"
#include "ui/widgets/jp-accessible.h"
#include "ui/widgets/jp-tooltip.h"

G_DEFINE_FINAL_TYPE (JpWindow, jp_window, ADW_TYPE_APPLICATION_WINDOW)

/* The stages of a selection, in the order they happen, then the election's setup. Stages
 * not implemented yet say what they will do so the sidebar already shows the whole
 * process; implemented ones have no description (their page is in the template). */
static const struct {
  const char *name;
  const char *icon;
  const char *title;
  const char *description;
} stages[] = {
  { "candidates", "system-users-symbolic", N_("Candidates"), NULL },
  { "qualification", "emblem-ok-symbolic", N_("Qualification"), NULL },
  { "ballot", "jp-ballot-symbolic", N_("Committee Ballot"), NULL },
  { "likes", "jp-thumb-up-symbolic", N_("Online Likes"),
    N_("The online like counts of each finalist will be entered and turned into a score. "
       "It will be available in a later version.") },
  { "defence", "audio-input-microphone-symbolic", N_("Defence"), NULL },
  { "ranking", "jp-podium-symbolic", N_("Ranking"), NULL },
  { "publicity", "x-office-presentation-symbolic", N_("Publicity"), NULL },
  { "documents", "jp-seal-symbolic", N_("Certificates and Printing"), NULL },
  { "setup", "emblem-system-symbolic", N_("Setup"), NULL },
  { "audit", "document-properties-symbolic", N_("Audit Log"), NULL },
};

/* A line between the stages of the selection and the setup row. */
static void
stage_list_header (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  if (before != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), "setup") == 0)
    {
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

      gtk_widget_set_margin_top (separator, 6);
      gtk_widget_set_margin_bottom (separator, 6);
      gtk_list_box_row_set_header (row, separator);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
on_candidate_selected (JpWindow           *self,
                       GParamSpec         *pspec,
                       GtkSingleSelection *selection)
{
  JpCandidate *c = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GError) error = NULL;

  if (!jp_dossier_view_show_candidate (self->dossier_view, c != NULL ? c->id : 0, &error))
    jp_window_show_error (self, _("Could Not Read the Dossier"), error->message);
}

/* The list and the dossier share the width, the list a little more (its columns sized to
 * their content); set at the first allocation, then kept in proportion by GtkPaned. */
static void
on_candidates_paned_max_position (GtkPaned   *paned,
                                  GParamSpec *pspec,
                                  JpWindow   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));

  if (width <= 0)
    return;
  g_signal_handlers_disconnect_by_func (paned, on_candidates_paned_max_position, self);
  gtk_paned_set_position (paned, width * 11 / 20);
}

static GtkWidget *
create_stage_row (guint i)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (gettext (stages[i].title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (stages[i].icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, stages[i].name);
  return row;
}

static void
jp_window_build_stages (JpWindow *self)
{
  GtkWidget *scroller;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      gtk_list_box_append (self->stage_list, create_stage_row (i));
      if (stages[i].description != NULL)
        {
          GtkWidget *page = adw_status_page_new ();

          adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), stages[i].icon);
          adw_status_page_set_title (ADW_STATUS_PAGE (page), gettext (stages[i].title));
          adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                           gettext (stages[i].description));
          gtk_stack_add_named (self->stage_stack, page, stages[i].name);
        }
    }
  self->ballot_page = JP_BALLOT_PAGE (jp_ballot_page_new ());
  gtk_stack_add_named (self->stage_stack, GTK_WIDGET (self->ballot_page), "ballot");
  jp_window_defence_build (self);
  self->publicity_page = JP_PUBLICITY_PAGE (jp_publicity_page_new ());
  gtk_stack_add_named (self->stage_stack, GTK_WIDGET (self->publicity_page), "publicity");
  self->documents_page = JP_DOCUMENTS_PAGE (jp_documents_page_new ());
  gtk_stack_add_named (self->stage_stack, GTK_WIDGET (self->documents_page), "documents");
  /* the setup forms are wide; scrolling keeps them from widening the whole window */
  self->setup_page = jp_setup_page_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->setup_page);
  gtk_stack_add_named (self->stage_stack, scroller, "setup");
  self->audit_page = JP_AUDIT_PAGE (jp_audit_page_new ());
  gtk_stack_add_named (self->stage_stack, GTK_WIDGET (self->audit_page), "audit");
  gtk_list_box_set_header_func (self->stage_list, stage_list_header, NULL, NULL);
  gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, 0));
}

/* Gives a stage page the election the first time it is needed: opening an election then
 * costs only the candidate list, whatever the other stages hold. */
static void
ensure_stage_loaded (JpWindow   *self,
                     const char *stage)
{
  if (self->store == NULL)
    return;
  if (g_strcmp0 (stage, "qualification") == 0 && !self->review_loaded)
    {
      self->review_loaded = TRUE;
      jp_review_page_set_store (self->review_page, self->store);
    }
  else if (g_strcmp0 (stage, "setup") == 0 && !self->setup_loaded)
    {
      self->setup_loaded = TRUE;
      jp_setup_page_set_store (JP_SETUP_PAGE (self->setup_page), self->store);
    }
  else if (g_strcmp0 (stage, "ballot") == 0 && !self->ballot_loaded)
    {
      self->ballot_loaded = TRUE;
      jp_ballot_page_set_store (self->ballot_page, self->store);
    }
  else if (g_strcmp0 (stage, "publicity") == 0 && !self->publicity_loaded)
    {
      self->publicity_loaded = TRUE;
      jp_publicity_page_set_store (self->publicity_page, self->store);
    }
  else if (g_strcmp0 (stage, "documents") == 0 && !self->documents_loaded)
    {
      self->documents_loaded = TRUE;
      jp_documents_page_set_store (self->documents_page, self->store);
    }
  else if (g_strcmp0 (stage, "audit") == 0 && !self->audit_loaded)
    {
      self->audit_loaded = TRUE;
      jp_audit_page_set_store (self->audit_page, self->store);
    }
}

/* Takes the election away from every stage page (closing it, or before another opens). */
static void
unload_stages (JpWindow *self)
{
  jp_review_page_set_store (self->review_page, NULL);
  jp_setup_page_set_store (JP_SETUP_PAGE (self->setup_page), NULL);
  jp_ballot_page_set_store (self->ballot_page, NULL);
  jp_window_defence_unload (self);
  jp_publicity_page_set_store (self->publicity_page, NULL);
  self->publicity_loaded = FALSE;
  jp_documents_page_set_store (self->documents_page, NULL);
  self->documents_loaded = FALSE;
  jp_audit_page_set_store (self->audit_page, NULL);
  self->review_loaded = self->setup_loaded = self->ballot_loaded = FALSE;
  self->audit_loaded = FALSE;
}

static void
on_stage_list_row_selected (JpWindow      *self,
                            GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  ensure_stage_loaded (self, gtk_widget_get_name (GTK_WIDGET (row)));
  if (self->store != NULL)
    jp_window_defence_load (self, gtk_widget_get_name (GTK_WIDGET (row)));
  /* no page is reloaded here: each follows JpStore::changed (docs/internals.md) */
  gtk_stack_set_visible_child_name (self->stage_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_stage_list_row_activated (JpWindow      *self,
                             GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_button_clicked (JpWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_start_page_open_file (JpWindow    *self,
                         const char  *path)
{
  jp_window_load_file (self, path);
}

/* ---- the host lock (one host per election file, docs/audit-chain.md) ----
 * The lock file names this process, so it cannot tell two windows of one Jiangping apart:
 * which window holds which file is kept here, so that a second window is refused as a
 * second computer is, and a window lets go only of the files it holds. */

static GHashTable *held_files;   /* path -> JpWindow* holding its lock (not a reference) */

static gboolean
window_take_host_lock (JpWindow    *self,
                       const char  *path,
                       GError     **error)
{
  JpWindow *holder = held_files != NULL ? g_hash_table_lookup (held_files, path) : NULL;

  if (holder != NULL && holder != self)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                   _("“%s” is already open in another window of Jiangping on this "
                     "computer: use that window, or close it first."), path);
      return FALSE;
    }
  if (!jp_store_take_host_lock (path, error))
    return FALSE;
  if (held_files == NULL)
    held_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (held_files, g_strdup (path), self);
  return TRUE;
}

static void
window_release_host_lock (JpWindow   *self,
                          const char *path)
{
  if (held_files == NULL || g_hash_table_lookup (held_files, path) != self)
    return;
  g_hash_table_remove (held_files, path);
  jp_store_release_host_lock (path);
}

void
jp_window_release_file_lock (JpWindow   *self,
                             const char *path)
{
  g_return_if_fail (JP_IS_WINDOW (self));

  window_release_host_lock (self, path);
  if (self->store == NULL)
    self->host_locked = FALSE;
}

/* Forgets the file being opened (its load, if still running, is cancelled by the caller). */
static void
window_clear_loading (JpWindow *self)
{
  g_clear_object (&self->loading);
  g_clear_pointer (&self->loading_path, g_free);
}

/* Whether the window still needs the lock of `path`: its election, or the file it opens. */
static gboolean
window_wants_file (JpWindow   *self,
                   const char *path)
{
  if (self->store != NULL && self->host_locked
      && g_strcmp0 (jp_store_get_path (self->store), path) == 0)
    return TRUE;
  return self->loading != NULL
         && g_strcmp0 (self->loading_path, path) == 0;
}

/* Lets go of the lock of the election shown (closed, replaced, or the window closing). */
static void
window_release_store_lock (JpWindow *self)
{
  if (self->store != NULL && self->host_locked)
    window_release_host_lock (self, jp_store_get_path (self->store));
  self->host_locked = FALSE;
}

static void
jp_window_dispose (GObject *object)
{
  JpWindow *self = JP_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  window_clear_loading (self);
  g_clear_pointer (&self->ranking_watch, jp_store_watch_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_WINDOW);
  window_release_store_lock (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->last_dialog);

  G_OBJECT_CLASS (jp_window_parent_class)->dispose (object);
}

static void
jp_window_class_init (JpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_window_dispose;
  /* tooltips as wide as their Chinese text, every control named for a screen reader (also
   * when no JpApplication runs) */
  jp_tooltips_install ();
  jp_accessible_install ();

  /* referencing the resource keeps its object file (and its constructor) in the link */
  g_assert (jp_get_resource () != NULL);
  g_type_ensure (JP_TYPE_START_PAGE);
  g_type_ensure (JP_TYPE_CANDIDATE_LIST);
  g_type_ensure (JP_TYPE_DOSSIER_VIEW);
  g_type_ensure (JP_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, election_title);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, stage_list);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, stage_stack);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, dossier_view);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, candidates_paned);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, review_page);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_page_open_file);

  jp_window_class_actions_init (klass);
}

/* What a window shows while an election file opens: its name and a spinner. */
static void
jp_window_build_loading_page (JpWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *header = adw_header_bar_new ();

  self->loading_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->loading_page, _("Opening the Election…"));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 48, 48);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Opening the Election…"), -1);
  adw_status_page_set_child (self->loading_page, spinner);
  gtk_widget_set_vexpand (GTK_WIDGET (self->loading_page), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->loading_page));
  gtk_stack_add_named (self->main_stack, box, "loading");
}

static void
jp_window_init (JpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  jp_window_build_stages (self);
  jp_window_build_loading_page (self);
  g_signal_connect_object (gtk_column_view_get_model (
                             jp_candidate_list_get_column_view (self->candidate_list)),
                           "notify::selected-item", G_CALLBACK (on_candidate_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->candidates_paned, "notify::max-position",
                           G_CALLBACK (on_candidates_paned_max_position), self, 0);
  /* an open evidence document gets the whole content area, as in a document reader */
  g_object_bind_property (self->dossier_view, "document-open", self->candidate_list, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  jp_window_update_actions (self);
}

JpWindow *
jp_window_new (GtkApplication *app)
{
  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);

  return g_object_new (JP_TYPE_WINDOW, "application", app, NULL);
}

/* The operator dialog's fields, owned by its "response" handler (freed with the dialog). */
typedef struct {
  GtkEditable    *entry;   /* the name; a child of the dialog */
  GtkCheckButton *chair;   /* the chair's role; a child of the dialog */
} OperatorForm;

static void
operator_form_free (gpointer  data,
                    GClosure *closure)
{
  g_free (data);
}

static void
on_operator_response (AdwMessageDialog *dialog,
                      const char       *response,
                      OperatorForm     *form)
{
  jp_operator_set (gtk_editable_get_text (form->entry),
                   gtk_check_button_get_active (form->chair) ? JP_OPERATOR_ROLE_CHAIR
                                                             : JP_OPERATOR_ROLE_SECRETARIAT);
}

static void
on_operator_entry_changed (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *name != '\0');
}

/* Asks who operates this console (name and role); the answer is remembered on this
 * computer and named by the audit log and review decisions (jp-operator.h). */
void
jp_window_ask_operator (JpWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *roles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *secretariat = gtk_check_button_new_with_mnemonic (_("_Secretariat worker"));
  GtkWidget *chair = gtk_check_button_new_with_mnemonic (_("C_hair"));
  OperatorForm *form;

  g_return_if_fail (JP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Who Is Operating This Console?"),
                                   _("Your name is recorded in the audit log and on the review "
                                     "decisions made here. It is remembered on this computer."));
  gtk_editable_set_text (GTK_EDITABLE (entry), jp_operator_get_name ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (chair), GTK_CHECK_BUTTON (secretariat));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (jp_operator_get_role () == JP_OPERATOR_ROLE_CHAIR
                                                 ? chair : secretariat), TRUE);
  gtk_box_append (GTK_BOX (roles), secretariat);
  gtk_box_append (GTK_BOX (roles), chair);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), roles);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_signal_connect (entry, "changed", G_CALLBACK (on_operator_entry_changed), dialog);
  on_operator_entry_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  form = g_new0 (OperatorForm, 1);
  form->entry = GTK_EDITABLE (entry);
  form->chair = GTK_CHECK_BUTTON (chair);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_operator_response), form,
                         operator_form_free, 0);
  g_set_weak_pointer (&self->last_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* a backup that was not written at a stage change: the change stands, the chair is told */
static void
on_backup_failed (JpWindow   *self,
                  const char *message)
{
  jp_window_show_error (self, _("Backup Not Written"), message);
}

/* Shows the store just opened from `path` (its host lock taken by this window). */
void
jp_window_finish_open (JpWindow   *self,
                       const char *path,
                       JpStore    *store)
{
  /* a backup beside the file at every stage change (docs/audit-chain.md) */
  jp_store_set_auto_backup (store, g_settings_get_int (self->settings, "backups-kept"));
  g_signal_connect_object (store, "backup-failed", G_CALLBACK (on_backup_failed), self,
                           G_CONNECT_SWAPPED);

  if (self->store != NULL && self->host_locked
      && g_strcmp0 (jp_store_get_path (self->store), path) != 0)
    window_release_host_lock (self, jp_store_get_path (self->store));
  jp_window_set_store (self, store);
  self->host_locked = TRUE;
  /* asked once per computer: who the audit log and review decisions will name */
  if (*jp_operator_get_name () == '\0')
    jp_window_ask_operator (self);
}

gboolean
jp_window_open_file (JpWindow   *self,
                     const char *path)
{
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* one host per election file: a second computer (or window) is told who holds it */
  if (!window_take_host_lock (self, path, &error))
    {
      jp_window_show_error (self, _("Could Not Open the Election"), error->message);
      return FALSE;
    }
  store = jp_store_open (path, &error);
  if (store == NULL)
    {
      if (!window_wants_file (self, path))
        window_release_host_lock (self, path);
      jp_window_show_error (self, _("Could Not Open the Election"), error->message);
      return FALSE;
    }
  jp_window_finish_open (self, path, store);
  return TRUE;
}

/* The election file is opened (schema check, migrations) in a worker thread; the JpStore it
 * returns is used only from the main thread afterwards, so its SQLite connection never
 * serves two threads at once. */
static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  JpStore *store = jp_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
load_file_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JpWindow *self = JP_WINDOW (source);
  GTask *task = G_TASK (result);
  const char *path = g_task_get_task_data (task);
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current = g_task_get_cancellable (task) == self->loading;

  store = g_task_propagate_pointer (task, &error);
  if (!current || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      /* another file was chosen meanwhile, or the window closed */
      if (!window_wants_file (self, path))
        window_release_host_lock (self, path);
      return;
    }
  window_clear_loading (self);
  if (store == NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), basename);

      if (!window_wants_file (self, path))
        window_release_host_lock (self, path);
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->store != NULL ? "election" : "start");
      jp_window_show_error (self, heading, error->message);
      return;
    }
  jp_window_finish_open (self, path, store);
}

void
jp_window_load_file (JpWindow   *self,
                     const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      window_clear_loading (self);
    }
  /* one host per election file: a second computer (or window) is told who holds it */
  if (!window_take_host_lock (self, path, &error))
    {
      jp_window_show_error (self, _("Could Not Open the Election"), error->message);
      return;
    }

  basename = g_path_get_basename (path);
  adw_status_page_set_title (self->loading_page, _("Opening the Election…"));
  adw_status_page_set_description (self->loading_page, basename);
  gtk_window_set_title (GTK_WINDOW (self), basename);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  self->loading = g_cancellable_new ();
  self->loading_path = g_strdup (path);
  task = g_task_new (self, self->loading, load_file_done, NULL);
  g_task_set_source_tag (task, jp_window_load_file);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_file_thread);
}

AdwStatusPage *
jp_window_get_loading_page (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return self->loading_page;
}

void
jp_window_set_store (JpWindow *self,
                     JpStore  *store)
{
  g_autoptr(JpElection) election = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (JP_IS_STORE (store));

  g_set_object (&self->store, store);
  election = jp_store_get_election (store);
  basename = g_path_get_basename (jp_store_get_path (store));

  adw_window_title_set_title (self->election_title,
                              election != NULL && election->title != NULL && *election->title
                              ? election->title : basename);
  adw_window_title_set_subtitle (self->election_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->election_title));

  /* the dossier view first: the list selects its first row when it gets the store */
  jp_dossier_view_set_store (self->dossier_view, store);
  jp_candidate_list_set_store (self->candidate_list, store);
  on_candidate_selected (self, NULL, GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                           jp_candidate_list_get_column_view (self->candidate_list))));
  unload_stages (self);
  gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, 0));
  gtk_stack_set_visible_child_name (self->main_stack, "election");
  jp_recent_files_add (self->settings, jp_store_get_path (store));
  jp_window_update_actions (self);
}

JpStore *
jp_window_get_store (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return self->store;
}

void
jp_window_close_election (JpWindow *self)
{
  g_return_if_fail (JP_IS_WINDOW (self));

  jp_window_unload_election (self, FALSE);
}

/* The election's pages emptied and its store let go; with `keep_lock`, the window keeps the
 * file's host lock (a restore reopens the same file: nobody may take it in between). */
void
jp_window_unload_election (JpWindow *self,
                           gboolean  keep_lock)
{
  jp_candidate_list_set_store (self->candidate_list, NULL);
  jp_dossier_view_set_store (self->dossier_view, NULL);
  unload_stages (self);
  if (!keep_lock)
    window_release_store_lock (self);
  g_clear_object (&self->store);
  gtk_window_set_title (GTK_WINDOW (self), _("Jiangping"));
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  jp_window_update_actions (self);
}

void
jp_window_show_error (JpWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (JP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_set_weak_pointer (&self->last_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

JpStartPage *
jp_window_get_start_page (JpWindow *self)
{
  return self->start_page;
}

JpCandidateList *
jp_window_get_candidate_list (JpWindow *self)
{
  return self->candidate_list;
}

const char *
jp_window_get_visible_page (JpWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
jp_window_get_visible_stage (JpWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stage_stack);
}

GtkWindow *
jp_window_get_last_dialog (JpWindow *self)
{
  return self->last_dialog;
}

void
jp_window_chooser_restore_folder (JpWindow       *self,
                                  GtkFileChooser *chooser)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");

  if (folder != NULL && *folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (chooser, file, NULL);
    }
}

void
jp_window_chooser_save_folder (JpWindow       *self,
                               GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path != NULL)
    g_settings_set_string (self->settings, "last-folder", path);
}

JpDossierView *
jp_window_get_dossier_view (JpWindow *self)
{
  return self->dossier_view;
}

JpReviewPage *
jp_window_get_review_page (JpWindow *self)
{
  ensure_stage_loaded (self, "qualification");
  return self->review_page;
}

JpMeetingServer *
jp_window_get_meeting_server (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);
  return jp_ballot_page_get_server (self->ballot_page);
}

JpBallotPage *
jp_window_get_ballot_page (JpWindow *self)
{
  ensure_stage_loaded (self, "ballot");
  return self->ballot_page;
}

JpPublicityPage *
jp_window_get_publicity_page (JpWindow *self)
{
  ensure_stage_loaded (self, "publicity");
  return self->publicity_page;
}

JpDocumentsPage *
jp_window_get_documents_page (JpWindow *self)
{
  ensure_stage_loaded (self, "documents");
  return self->documents_page;
}

void
jp_window_show_stage (JpWindow   *self,
                      const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->stage_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->stage_list, GTK_LIST_BOX_ROW (row));
}

JpWindowRequest *
jp_window_request_new (JpWindow       *window,
                       int             kind,
                       gpointer        data,
                       GDestroyNotify  free_data)
{
  JpWindowRequest *request;

  g_return_val_if_fail (JP_IS_WINDOW (window), NULL);
  request = g_new0 (JpWindowRequest, 1);
  g_weak_ref_init (&request->window, window);
  request->kind = kind;
  request->data = data;
  request->free_data = free_data;
  return request;
}

void
jp_window_request_free (gpointer  data,
                        GClosure *closure)
{
  JpWindowRequest *request = data;

  g_weak_ref_clear (&request->window);
  if (request->data != NULL && request->free_data != NULL)
    request->free_data (request->data);
  g_free (request);
}

JpWindow *
jp_window_request_get_window (JpWindowRequest *request)
{
  return g_weak_ref_get (&request->window);
}
