/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-resources.h"
#include "ui/app/jp-ui-error.h"
#include "ui/chair/jp-paper-entry.h"
#include "ui/chair/jp-paper-pass.h"

struct _JpPaperEntry
{
  GtkBox           parent_instance;

  GtkDropDown     *scrutineer_dropdown;
  GtkDropDown     *pass_dropdown;
  GtkEntry        *serial_entry;
  GtkEntry        *marks_entry;
  GtkCheckButton  *invalid_check;
  GtkButton       *add_button;
  GtkButton       *import_button;
  GtkFlowBox      *code_box;
  GtkLabel        *error_label;
  GtkLabel        *count_label;
  GtkListBox      *ballot_list;
  GtkLabel        *differences_label;

  JpStore         *store;
  gint64           round_id;
  GStrv            codes;         /* the round's codes in drawn order */
  GPtrArray       *typed[2];      /* JpPaperBallot* per pass, as stored */
  JpPaperPass      pass;          /* the pass, its scrutineer, the error line, the import */
};

G_DEFINE_FINAL_TYPE (JpPaperEntry, jp_paper_entry, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
ballot_text (const JpPaperBallot *b)
{
  if (b->invalid)
    return g_strdup (_("Invalid"));
  if (b->marks == NULL || b->marks[0] == NULL)
    return g_strdup (_("Blank"));
  return g_strjoinv (" ", b->marks);
}

static void
update_differences (JpPaperEntry *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int n1, n2;

  if (self->store == NULL || self->round_id == 0)
    {
      gtk_label_set_text (self->differences_label, "");
      return;
    }
  n1 = jp_store_count_paper_entries (self->store, self->round_id, 1);
  n2 = jp_store_count_paper_entries (self->store, self->round_id, 2);
  if (n1 == 0 && n2 == 0)
    {
      gtk_label_set_text (self->differences_label, "");
      return;
    }
  findings = jp_store_paper_differences (self->store, self->round_id, &error);
  if (findings == NULL)
    g_string_append (text, error->message);
  else if (findings->len == 0)
    g_string_append_printf (text, ngettext ("The two passes agree (%d ballot).",
                                            "The two passes agree (%d ballots).", n1), n1);
  else
    {
      g_string_append_printf (text, ngettext ("The two passes differ in %u place:",
                                              "The two passes differ in %u places:",
                                              findings->len), findings->len);
      for (guint i = 0; i < findings->len; i++)
        g_string_append_printf (text, "\n• %s", ((JpFinding *) findings->pdata[i])->message);
    }
  gtk_label_set_text (self->differences_label, text->str);
  if (findings != NULL && findings->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->differences_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->differences_label), "error");
}

static void
update_list (JpPaperEntry *self)
{
  GPtrArray *typed = self->typed[jp_paper_pass_get_pass (&self->pass) - 1];
  GtkWidget *child;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ballot_list))) != NULL)
    gtk_list_box_remove (self->ballot_list, child);
  /* newest first: the scrutineer checks what was just typed */
  for (guint i = typed->len; i > 0; i--)
    {
      const JpPaperBallot *b = typed->pdata[i - 1];
      g_autofree char *marks = ballot_text (b);
      g_autofree char *serial = g_strdup_printf ("%" G_GINT64_FORMAT, b->serial);
      /* TRANSLATORS: serial number of a paper ballot, then its marks */
      g_autofree char *text = g_strdup_printf (_("No. %s: %s"), serial, marks);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->ballot_list, label);
    }
  count = g_strdup_printf (ngettext ("Pass %d: %u ballot entered", "Pass %d: %u ballots entered",
                                     typed->len), jp_paper_pass_get_pass (&self->pass), typed->len);
  gtk_label_set_text (self->count_label, count);
  update_differences (self);
}

/* `ballots` as the CSV jp_store_enter_paper_ballots reads (header serial,marks). */
static char *
ballots_to_csv (GPtrArray *ballots)
{
  GString *csv = g_string_new ("serial,marks\n");

  for (guint i = 0; i < ballots->len; i++)
    {
      const JpPaperBallot *b = ballots->pdata[i];
      g_autofree char *marks = b->marks != NULL ? g_strjoinv (" ", b->marks) : g_strdup ("");

      g_string_append_printf (csv, "%" G_GINT64_FORMAT ",%s\n", b->serial,
                              b->invalid ? "invalid" : marks);
    }
  return g_string_free (csv, FALSE);
}

static gboolean
store_pass (JpPaperEntry  *self,
            int            pass,
            const char    *data,
            gsize          length,
            const char    *source_name,
            GError       **error)
{
  const char *scrutineer = jp_paper_pass_get_scrutineer (&self->pass);

  if (self->store == NULL || self->round_id == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Choose an open round before entering paper ballots."));
      return FALSE;
    }
  if (scrutineer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Choose the scrutineer who enters this pass."));
      return FALSE;
    }
  return jp_store_enter_paper_ballots (self->store, self->round_id, pass, data, length,
                                       source_name, scrutineer, error) >= 0;
}

static GStrv
split_marks (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,，、]+", text, 0, 0);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (out, parts[i]);
  return g_strv_builder_end (out);
}

static void
on_add_button_clicked (JpPaperEntry *self)
{
  g_autofree char *serial_text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                     GTK_EDITABLE (self->serial_entry))));
  GPtrArray *typed = self->typed[jp_paper_pass_get_pass (&self->pass) - 1];
  g_autoptr(JpPaperBallot) ballot = g_new0 (JpPaperBallot, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  guint64 serial = 0;

  if (!g_ascii_string_to_unsigned (serial_text, 10, 1, G_MAXINT64, &serial, NULL))
    {
      jp_paper_pass_show_error (&self->pass, _("Type the serial number printed on the paper "
                                               "ballot (a whole number from 1)."));
      gtk_widget_grab_focus (GTK_WIDGET (self->serial_entry));
      return;
    }
  ballot->serial = (gint64) serial;
  ballot->invalid = gtk_check_button_get_active (self->invalid_check);
  ballot->marks = ballot->invalid ? g_new0 (char *, 1)
                  : split_marks (gtk_editable_get_text (GTK_EDITABLE (self->marks_entry)));

  g_ptr_array_add (typed, g_steal_pointer (&ballot));
  csv = ballots_to_csv (typed);
  if (!store_pass (self, jp_paper_pass_get_pass (&self->pass), csv, strlen (csv),
                   _("typed ballots"), &error))
    {
      /* the store keeps the pass as it was: so does the list */
      g_ptr_array_remove_index (typed, typed->len - 1);
      jp_paper_pass_show_error (&self->pass, error->message);
      return;
    }
  jp_paper_pass_show_error (&self->pass, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->serial_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->marks_entry), "");
  gtk_check_button_set_active (self->invalid_check, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->code_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (
                                    gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))),
                                  FALSE);
  /* ready for the next paper of the pile */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->serial_entry));
  update_list (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_code_toggled (JpPaperEntry    *self,
                 GtkToggleButton *button)
{
  g_autoptr(GStrvBuilder) marks = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->code_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        g_strv_builder_add (marks, gtk_button_get_label (GTK_BUTTON (toggle)));
    }
  list = g_strv_builder_end (marks);
  text = g_strjoinv (" ", list);
  gtk_editable_set_text (GTK_EDITABLE (self->marks_entry), text);
}

/* Completion of the word being typed against the round's codes. */
static gboolean
completion_match (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *code = NULL;
  const char *word = strrchr (key, ' ');

  word = word != NULL ? word + 1 : key;
  if (*word == '\0')
    return FALSE;
  gtk_tree_model_get (model, iter, 0, &code, -1);
  return g_ascii_strncasecmp (code, word, strlen (word)) == 0;
}

static gboolean
on_completion_match_selected (GtkEntryCompletion *completion,
                              GtkTreeModel       *model,
                              GtkTreeIter        *iter,
                              JpPaperEntry       *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->marks_entry));
  const char *space = strrchr (text, ' ');
  g_autofree char *code = NULL;
  g_autofree char *head = space != NULL ? g_strndup (text, space - text + 1) : g_strdup ("");
  g_autofree char *result = NULL;

  gtk_tree_model_get (model, iter, 0, &code, -1);
  result = g_strconcat (head, code, " ", NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->marks_entry), result);
  gtk_editable_set_position (GTK_EDITABLE (self->marks_entry), -1);
  return TRUE;
}

static void
rebuild_codes (JpPaperEntry *self)
{
  GtkWidget *child;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkListStore *list = gtk_list_store_new (1, G_TYPE_STRING);
  GtkEntryCompletion *completion = gtk_entry_completion_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->code_box))) != NULL)
    gtk_flow_box_remove (self->code_box, child);
  for (guint i = 0; self->codes != NULL && self->codes[i] != NULL; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (self->codes[i]);

      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_code_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->code_box, toggle);
      gtk_list_store_insert_with_values (list, NULL, -1, 0, self->codes[i], -1);
    }
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (list));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, completion_match, NULL, NULL);
  g_signal_connect_object (completion, "match-selected",
                           G_CALLBACK (on_completion_match_selected), self, 0);
  gtk_entry_set_completion (self->marks_entry, completion);
  g_object_unref (completion);
  g_object_unref (list);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
on_pass_dropdown_notify_selected (JpPaperEntry *self)
{
  jp_paper_pass_show_error (&self->pass, NULL);
  update_list (self);
}

static void
on_scrutineer_dropdown_notify_selected (JpPaperEntry *self)
{
  jp_paper_pass_scrutineer_changed (&self->pass);
}

gboolean
jp_paper_entry_import_data (JpPaperEntry  *self,
                            const char    *data,
                            gsize          length,
                            const char    *source_name,
                            GError       **error)
{
  int pass;
  g_autoptr(GPtrArray) parsed = NULL;

  g_return_val_if_fail (JP_IS_PAPER_ENTRY (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  pass = jp_paper_pass_get_pass (&self->pass);
  if (!store_pass (self, pass, data, length, source_name, error))
    return FALSE;
  /* the store accepted it, so it parses; keep the ballots to list them */
  parsed = jp_paper_ballots_parse (data, length, source_name,
                                   (const char *const *) self->codes, NULL);
  g_clear_pointer (&self->typed[pass - 1], g_ptr_array_unref);
  self->typed[pass - 1] = parsed != NULL ? g_steal_pointer (&parsed)
    : g_ptr_array_new_with_free_func ((GDestroyNotify) jp_paper_ballot_free);
  jp_paper_pass_show_error (&self->pass, NULL);
  update_list (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
on_import_button_clicked (JpPaperEntry *self)
{
  jp_paper_pass_import_file (&self->pass, _("Import Paper Ballots"), _("Paper ballots (CSV)"));
}

static void
jp_paper_entry_dispose (GObject *object)
{
  JpPaperEntry *self = JP_PAPER_ENTRY (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->codes, g_strfreev);
  jp_paper_pass_clear (&self->pass);
  g_clear_pointer (&self->typed[0], g_ptr_array_unref);
  g_clear_pointer (&self->typed[1], g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PAPER_ENTRY);
  G_OBJECT_CLASS (jp_paper_entry_parent_class)->dispose (object);
}

static void
jp_paper_entry_class_init (JpPaperEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_paper_entry_dispose;

  /* "changed" (): a pass was stored; the differences may have changed */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-paper-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, scrutineer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, pass_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, serial_entry);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, marks_entry);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, invalid_check);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, add_button);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, import_button);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, code_box);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, count_label);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, ballot_list);
  gtk_widget_class_bind_template_child (widget_class, JpPaperEntry, differences_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_pass_dropdown_notify_selected);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_scrutineer_dropdown_notify_selected);
}

static void
jp_paper_entry_init (JpPaperEntry *self)
{
  self->typed[0] = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_paper_ballot_free);
  self->typed[1] = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_paper_ballot_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  jp_paper_pass_init (&self->pass, GTK_WIDGET (self), self->scrutineer_dropdown,
                      self->pass_dropdown, self->error_label,
                      (JpPaperImport) (void (*) (void)) jp_paper_entry_import_data);
}

GtkWidget *
jp_paper_entry_new (void)
{
  return g_object_new (JP_TYPE_PAPER_ENTRY, NULL);
}

void
jp_paper_entry_set_round (JpPaperEntry *self,
                          JpStore      *store,
                          gint64        round_id)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpRound) round = NULL;
  gboolean same;

  g_return_if_fail (JP_IS_PAPER_ENTRY (self));

  same = store == self->store && round_id == self->round_id;
  g_set_object (&self->store, store);
  self->round_id = store != NULL ? round_id : 0;
  if (!same)
    {
      for (int i = 0; i < 2; i++)
        g_ptr_array_set_size (self->typed[i], 0);
      g_clear_pointer (&self->codes, g_strfreev);
      if (self->round_id != 0)
        round = jp_store_get_round (store, round_id, &store_error);
      if (round == NULL && store_error != NULL)
        {
          jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
          g_clear_error (&store_error);
        }
      if (round != NULL)
        self->codes = jp_round_get_codes (round);
      rebuild_codes (self);
      jp_paper_pass_fill_scrutineers (&self->pass, store);
      jp_paper_pass_show_error (&self->pass, NULL);
    }
  update_list (self);
}

void
jp_paper_entry_set_pass (JpPaperEntry *self,
                         int           pass)
{
  g_return_if_fail (JP_IS_PAPER_ENTRY (self));
  g_return_if_fail (pass == 1 || pass == 2);
  gtk_drop_down_set_selected (self->pass_dropdown, pass - 1);
}

gboolean
jp_paper_entry_select_scrutineer (JpPaperEntry *self,
                                  const char   *member_code)
{
  g_return_val_if_fail (JP_IS_PAPER_ENTRY (self), FALSE);
  return jp_paper_pass_select_scrutineer (&self->pass, member_code);
}

GtkEditable *
jp_paper_entry_get_serial_entry (JpPaperEntry *self)
{
  return GTK_EDITABLE (self->serial_entry);
}

GtkEditable *
jp_paper_entry_get_marks_entry (JpPaperEntry *self)
{
  return GTK_EDITABLE (self->marks_entry);
}

GtkCheckButton *
jp_paper_entry_get_invalid_check (JpPaperEntry *self)
{
  return self->invalid_check;
}

GtkButton *
jp_paper_entry_get_add_button (JpPaperEntry *self)
{
  return self->add_button;
}

GtkLabel *
jp_paper_entry_get_error_label (JpPaperEntry *self)
{
  return self->error_label;
}

GtkLabel *
jp_paper_entry_get_differences_label (JpPaperEntry *self)
{
  return self->differences_label;
}

guint
jp_paper_entry_get_n_typed (JpPaperEntry *self)
{
  return self->typed[jp_paper_pass_get_pass (&self->pass) - 1]->len;
}
