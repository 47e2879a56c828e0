/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/jp-score.h"
#include "core/jp-settings.h"
#include "core/jp-sheet-model.h"
#include "jp-resources.h"
#include "ui/app/jp-ui-error.h"
#include "ui/chair/jp-defence-paper.h"
#include "ui/chair/jp-paper-pass.h"

typedef struct {
  JpDefencePaper *self;     /* borrowed */
  guint           index;
  GtkWidget      *entry;
  GtkLabel       *message;
} Field;

struct _JpDefencePaper
{
  GtkBox           parent_instance;

  GtkDropDown     *scrutineer_dropdown;
  GtkDropDown     *pass_dropdown;
  GtkButton       *import_button;
  GtkDropDown     *member_dropdown;
  GtkDropDown     *candidate_dropdown;
  GtkLabel        *total_label;
  GtkBox          *fields_box;
  GtkLabel        *error_label;
  GtkButton       *add_button;
  GtkLabel        *count_label;
  GtkListBox      *sheet_list;
  GtkLabel        *differences_label;

  JpStore         *store;
  gint64           round_id;
  GPtrArray       *rubric;         /* JpRubricCriterion*, the session's frozen rubric */
  JpSheetModel    *model;          /* the sheet being typed (core reads each field) */
  GPtrArray       *fields;         /* Field*, one per criterion */
  GStrv            panel;          /* member codes, parallel to the member dropdown */
  GStrv            candidates;     /* codes in order of appearance, parallel to its dropdown */
  JpPaperPass      pass;           /* the pass, its scrutineer, the error line, the import */
};

G_DEFINE_FINAL_TYPE (JpDefencePaper, jp_defence_paper, GTK_TYPE_BOX)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
points (int halves)
{
  return jp_decimal_format_short (halves * (gint64) 5, 1);
}

static const char *
selected_code (GtkDropDown *dropdown,
               GStrv        codes)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (codes == NULL || i == GTK_INVALID_LIST_POSITION || i >= g_strv_length (codes))
    return NULL;
  return codes[i];
}

static gboolean
select_code (GtkDropDown *dropdown,
             GStrv        codes,
             const char  *code)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_ascii_strcasecmp (codes[i], code) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}

static void
update_total (JpDefencePaper *self)
{
  int max_halves = 0;
  g_autofree char *total = NULL;
  g_autofree char *max = NULL;
  g_autofree char *text = NULL;

  if (self->model == NULL)
    {
      gtk_label_set_text (self->total_label, "");
      return;
    }
  for (guint i = 0; i < jp_sheet_model_get_n_criteria (self->model); i++)
    max_halves += jp_sheet_model_get_max (self->model, i);
  total = points (jp_sheet_model_get_total (self->model));
  max = points (max_halves);
  text = g_strdup_printf (_("Total %s of %s"), total, max);
  gtk_label_set_text (self->total_label, text);
}

static void
on_entry_changed (GtkEditable *entry,
                  Field       *f)
{
  JpDefencePaper *self = f->self;
  const char *message;

  if (self->model == NULL)
    return;
  jp_sheet_model_set_text (self->model, f->index, gtk_editable_get_text (entry));
  message = jp_sheet_model_get_message (self->model, f->index);
  gtk_label_set_text (f->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (f->message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (f->entry, "error");
  else
    gtk_widget_remove_css_class (f->entry, "error");
  update_total (self);
}

static void
on_entry_activate (GtkEntry *entry,
                   Field    *f)
{
  JpDefencePaper *self = f->self;

  /* Enter moves on, like the station's sheet; in the last field it adds the sheet */
  if (f->index + 1 < self->fields->len)
    gtk_widget_grab_focus (((Field *) self->fields->pdata[f->index + 1])->entry);
  else
    jp_defence_paper_add (self);
}

static void
rebuild_fields (JpDefencePaper *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);
  g_ptr_array_set_size (self->fields, 0);
  g_clear_pointer (&self->model, jp_sheet_model_free);
  if (self->rubric == NULL)
    {
      update_total (self);
      return;
    }
  self->model = jp_sheet_model_new (self->rubric);
  for (guint i = 0; i < self->rubric->len; i++)
    {
      const JpRubricCriterion *c = self->rubric->pdata[i];
      Field *f = g_new0 (Field, 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (c->name);
      g_autofree char *max = points (jp_sheet_model_get_max (self->model, i));
      /* TRANSLATORS: the range of a criterion's field on a paper sheet, e.g. "0–25" */
      g_autofree char *range_text = g_strdup_printf (_("0–%s"), max);
      GtkWidget *range = gtk_label_new (range_text);
      g_autofree char *accessible = g_strdup_printf (_("%s, 0 to %s points"), c->name, max);

      f->self = self;
      f->index = i;
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_add_css_class (name, "caption-heading");
      gtk_box_append (GTK_BOX (box), name);
      gtk_label_set_xalign (GTK_LABEL (range), 0);
      gtk_widget_add_css_class (range, "dim-label");
      gtk_widget_add_css_class (range, "caption");
      gtk_box_append (GTK_BOX (box), range);
      f->entry = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (f->entry), 5);
      gtk_editable_set_alignment (GTK_EDITABLE (f->entry), 1.0);
      gtk_entry_set_input_purpose (GTK_ENTRY (f->entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect (f->entry, "changed", G_CALLBACK (on_entry_changed), f);
      g_signal_connect (f->entry, "activate", G_CALLBACK (on_entry_activate), f);
      gtk_box_append (GTK_BOX (box), f->entry);
      f->message = GTK_LABEL (gtk_label_new (""));
      gtk_label_set_xalign (f->message, 0);
      gtk_label_set_wrap (f->message, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (f->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (f->message), "caption");
      gtk_widget_set_visible (GTK_WIDGET (f->message), FALSE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->message));
      gtk_box_append (self->fields_box, box);
      g_ptr_array_add (self->fields, f);
    }
  update_total (self);
}

static void
clear_fields (JpDefencePaper *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    gtk_editable_set_text (GTK_EDITABLE (((Field *) self->fields->pdata[i])->entry), "");
}

static char *
sheet_text (const JpPaperSheet *p)
{
  g_autoptr(GString) scores = g_string_new (NULL);
  g_autofree char *total = points (p->total_halves);

  for (guint i = 0; i < p->n_criteria; i++)
    {
      g_autofree char *v = points (p->halves[i]);

      if (i > 0)
        g_string_append (scores, " + ");
      g_string_append (scores, v);
    }
  /* TRANSLATORS: a typed paper sheet: member, candidate, the scores added up, the total */
  return g_strdup_printf (_("%s → %s: %s = %s"), p->member, p->candidate, scores->str, total);
}

/* The two passes as the store has them, and what still blocks the close. */
static void
update_differences (JpDefencePaper *self,
                    guint           n1,
                    guint           n2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean bad = FALSE;

  if (n1 == 0 && n2 == 0)
    {
      gtk_label_set_text (self->differences_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->differences_label), "error");
      return;
    }
  findings = jp_store_defence_paper_differences (self->store, self->round_id, &error);
  if (findings == NULL)
    {
      g_string_append (text, error->message);
      bad = TRUE;
    }
  else if (n2 == 0 || n1 == 0)
    {
      g_string_append_printf (text, ngettext ("Pass %d holds %u sheet; a second scrutineer "
                                              "must type it again in pass %d before the "
                                              "session can be closed.",
                                              "Pass %d holds %u sheets; a second scrutineer "
                                              "must type them again in pass %d before the "
                                              "session can be closed.", MAX (n1, n2)),
                              n2 == 0 ? 1 : 2, MAX (n1, n2), n2 == 0 ? 2 : 1);
      bad = TRUE;
    }
  else if (findings->len == 0)
    g_string_append_printf (text, ngettext ("The two passes agree (%u sheet): it counts as "
                                            "submitted when the session is closed.",
                                            "The two passes agree (%u sheets): they count as "
                                            "submitted when the session is closed.", n1), n1);
  else
    {
      g_string_append_printf (text, ngettext ("The two passes differ in %u place; the session "
                                              "cannot be closed until they agree. Check the "
                                              "signed sheet and type it again in the pass that "
                                              "is wrong:",
                                              "The two passes differ in %u places; the session "
                                              "cannot be closed until they agree. Check the "
                                              "signed sheets and type them again in the pass "
                                              "that is wrong:", findings->len), findings->len);
      for (guint i = 0; i < findings->len; i++)
        g_string_append_printf (text, "\n• %s", (const char *) findings->pdata[i]);
      bad = TRUE;
    }
  gtk_label_set_text (self->differences_label, text->str);
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (self->differences_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->differences_label), "error");
}

static GPtrArray *
load_pass (JpDefencePaper  *self,
           int              pass,
           char           **entered_by,
           GError         **error)
{
  return jp_store_defence_list_paper (self->store, self->round_id, pass, entered_by, error);
}

static void
update_list (JpDefencePaper *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pass1 = NULL;
  g_autoptr(GPtrArray) pass2 = NULL;
  GPtrArray *sheets[2];
  g_autofree char *by = NULL;
  g_autofree char *count = NULL;
  GPtrArray *shown;
  GtkWidget *child;
  int pass = jp_paper_pass_get_pass (&self->pass);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_list))) != NULL)
    gtk_list_box_remove (self->sheet_list, child);
  if (self->store == NULL || self->round_id == 0)
    {
      gtk_label_set_text (self->count_label, "");
      gtk_label_set_text (self->differences_label, "");
      return;
    }
  pass1 = load_pass (self, 1, pass == 1 ? &by : NULL, &error);
  if (pass1 != NULL)
    pass2 = load_pass (self, 2, pass == 2 ? &by : NULL, &error);
  sheets[0] = pass1;
  sheets[1] = pass2;
  for (int i = 0; i < 2; i++)
    {
      if (sheets[i] == NULL)
        {
          jp_paper_pass_show_error (&self->pass, error->message);
          gtk_label_set_text (self->count_label, "");
          gtk_label_set_text (self->differences_label, "");
          return;
        }
    }
  shown = sheets[pass - 1];
  /* newest first: the scrutineer checks what was just typed */
  for (guint i = shown->len; i > 0; i--)
    {
      g_autofree char *text = sheet_text (shown->pdata[i - 1]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->sheet_list, label);
    }
  if (by != NULL)
    count = g_strdup_printf (ngettext ("Pass %d: %u sheet typed by %s",
                                       "Pass %d: %u sheets typed by %s", shown->len),
                             pass, shown->len, by);
  else
    count = g_strdup_printf (_("Pass %d: no sheet typed yet"), pass);
  gtk_label_set_text (self->count_label, count);
  update_differences (self, sheets[0]->len, sheets[1]->len);
}

static void
csv_field (GString    *csv,
           const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* `sheets` as the CSV jp_store_defence_enter_paper reads (`scores enter`'s file). */
static char *
sheets_to_csv (JpDefencePaper *self,
               GPtrArray      *sheets)
{
  GString *csv = g_string_new ("member,candidate");

  for (guint i = 0; i < self->rubric->len; i++)
    {
      g_string_append_c (csv, ',');
      csv_field (csv, ((const JpRubricCriterion *) self->rubric->pdata[i])->name);
    }
  g_string_append_c (csv, '\n');
  for (guint i = 0; i < sheets->len; i++)
    {
      const JpPaperSheet *p = sheets->pdata[i];

      csv_field (csv, p->member);
      g_string_append_c (csv, ',');
      csv_field (csv, p->candidate);
      for (guint k = 0; k < p->n_criteria; k++)
        {
          g_autofree char *v = points (p->halves[k]);

          g_string_append_printf (csv, ",%s", v);
        }
      g_string_append_c (csv, '\n');
    }
  return g_string_free (csv, FALSE);
}

static gboolean
store_pass (JpDefencePaper  *self,
            const char      *data,
            gsize            length,
            const char      *source_name,
            GError         **error)
{
  const char *scrutineer = jp_paper_pass_get_scrutineer (&self->pass);

  if (self->store == NULL || self->round_id == 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Open the trade's defence session before entering paper sheets."));
      return FALSE;
    }
  if (scrutineer == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Choose the scrutineer who types this pass."));
      return FALSE;
    }
  return jp_store_defence_enter_paper (self->store, self->round_id,
                                       jp_paper_pass_get_pass (&self->pass), data, length,
                                       source_name, scrutineer, error) >= 0;
}

gboolean
jp_defence_paper_add (JpDefencePaper *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *csv = NULL;
  const char *member, *candidate;
  JpPaperSheet *p;

  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), FALSE);

  member = selected_code (self->member_dropdown, self->panel);
  candidate = selected_code (self->candidate_dropdown, self->candidates);
  if (self->model == NULL || self->store == NULL)
    {
      jp_paper_pass_show_error (&self->pass, _("Open the trade's defence session before "
                                               "entering paper sheets."));
      return FALSE;
    }
  if (member == NULL || candidate == NULL)
    {
      jp_paper_pass_show_error (&self->pass, _("Choose the member who signed the sheet and "
                                               "the candidate."));
      return FALSE;
    }
  problem = jp_sheet_model_describe_problem (self->model);
  if (problem != NULL)
    {
      jp_paper_pass_show_error (&self->pass, problem);
      for (guint i = 0; i < self->fields->len; i++)
        if (jp_sheet_model_get_halves (self->model, i) < 0)
          {
            gtk_widget_grab_focus (((Field *) self->fields->pdata[i])->entry);
            break;
          }
      return FALSE;
    }
  sheets = load_pass (self, jp_paper_pass_get_pass (&self->pass), NULL, &error);
  if (sheets == NULL)
    {
      jp_paper_pass_show_error (&self->pass, error->message);
      return FALSE;
    }
  /* typing a member and candidate again corrects the sheet: it replaces the earlier one */
  for (guint i = 0; i < sheets->len; i++)
    {
      const JpPaperSheet *old = sheets->pdata[i];

      if (g_ascii_strcasecmp (old->member, member) == 0
          && g_ascii_strcasecmp (old->candidate, candidate) == 0)
        {
          g_ptr_array_remove_index (sheets, i);
          break;
        }
    }
  p = g_new0 (JpPaperSheet, 1);
  p->member = g_strdup (member);
  p->candidate = g_strdup (candidate);
  p->n_criteria = jp_sheet_model_get_n_criteria (self->model);
  p->halves = g_new0 (int, p->n_criteria);
  for (guint i = 0; i < p->n_criteria; i++)
    p->halves[i] = jp_sheet_model_get_halves (self->model, i);
  p->total_halves = jp_sheet_model_get_total (self->model);
  g_ptr_array_add (sheets, p);
  csv = sheets_to_csv (self, sheets);
  /* the store checks the sheet again (rubric, panel, 回避, absence, the other pass's
   * scrutineer) and keeps the pass as it was when it refuses */
  if (!store_pass (self, csv, strlen (csv), _("typed sheets"), &error))
    {
      jp_paper_pass_show_error (&self->pass, error->message);
      return FALSE;
    }
  jp_paper_pass_show_error (&self->pass, NULL);
  clear_fields (self);
  if (self->fields->len > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (((Field *) self->fields->pdata[0])->entry);
  update_list (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
on_add_button_clicked (JpDefencePaper *self)
{
  jp_defence_paper_add (self);
}

gboolean
jp_defence_paper_import_data (JpDefencePaper  *self,
                              const char      *data,
                              gsize            length,
                              const char      *source_name,
                              GError         **error)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!store_pass (self, data, length, source_name, error))
    return FALSE;
  jp_paper_pass_show_error (&self->pass, NULL);
  update_list (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
on_import_button_clicked (JpDefencePaper *self)
{
  jp_paper_pass_import_file (&self->pass, _("Import Paper Score Sheets"),
                             _("Paper score sheets (CSV)"));
}

static void
on_pass_dropdown_notify_selected (JpDefencePaper *self)
{
  jp_paper_pass_show_error (&self->pass, NULL);
  update_list (self);
}

static void
on_scrutineer_dropdown_notify_selected (JpDefencePaper *self)
{
  jp_paper_pass_scrutineer_changed (&self->pass);
}

void
jp_defence_paper_set_session (JpDefencePaper         *self,
                              JpStore                *store,
                              const JpDefenceSession *session)
{
  gint64 round_id = store != NULL && session != NULL ? session->round_id : 0;
  g_autoptr(GStrvBuilder) panel = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) candidates = g_strv_builder_new ();
  g_autoptr(GtkStringList) panel_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) candidate_names = gtk_string_list_new (NULL);
  gboolean same, open;

  g_return_if_fail (JP_IS_DEFENCE_PAPER (self));

  same = store == self->store && round_id == self->round_id;
  if (round_id != 0)
    g_set_object (&self->store, store);
  else
    g_clear_object (&self->store);
  self->round_id = round_id;
  open = session != NULL && session->state == JP_ROUND_STATE_OPEN;
  if (!open && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = gtk_root_get_focus (root);

      /* a field that keeps the focus while it turns insensitive never gets its focus-out */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_root_set_focus (root, NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), open);
  if (!same)
    {
      g_clear_pointer (&self->rubric, g_ptr_array_unref);
      g_clear_pointer (&self->panel, g_strfreev);
      g_clear_pointer (&self->candidates, g_strfreev);
      if (round_id != 0)
        {
          self->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                         jp_rubric_criterion_free);
          for (guint i = 0; i < session->rubric->len; i++)
            g_ptr_array_add (self->rubric,
                             jp_rubric_criterion_copy (session->rubric->pdata[i]));
          for (guint i = 0; i < session->panel->len; i++)
            {
              const JpDefencePanelMember *m = session->panel->pdata[i];
              g_autofree char *label = g_strdup_printf ("%s %s", m->code, m->name);

              g_strv_builder_add (panel, m->code);
              gtk_string_list_append (panel_names, label);
            }
          for (guint i = 0; i < session->candidates->len; i++)
            {
              const JpDefenceCandidate *c = session->candidates->pdata[i];
              g_autofree char *label = g_strdup_printf ("%d  %s", c->order, c->code);

              g_strv_builder_add (candidates, c->code);
              gtk_string_list_append (candidate_names, label);
            }
        }
      self->panel = g_strv_builder_end (panel);
      self->candidates = g_strv_builder_end (candidates);
      gtk_drop_down_set_model (self->member_dropdown, G_LIST_MODEL (panel_names));
      gtk_drop_down_set_model (self->candidate_dropdown, G_LIST_MODEL (candidate_names));
      /* no session: nobody to list */
      jp_paper_pass_fill_scrutineers (&self->pass, round_id != 0 ? store : NULL);
      rebuild_fields (self);
      jp_paper_pass_show_error (&self->pass, NULL);
    }
  update_list (self);
}

static void
jp_defence_paper_dispose (GObject *object)
{
  JpDefencePaper *self = JP_DEFENCE_PAPER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rubric, g_ptr_array_unref);
  g_clear_pointer (&self->model, jp_sheet_model_free);
  g_clear_pointer (&self->panel, g_strfreev);
  g_clear_pointer (&self->candidates, g_strfreev);
  jp_paper_pass_clear (&self->pass);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_DEFENCE_PAPER);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  G_OBJECT_CLASS (jp_defence_paper_parent_class)->dispose (object);
}

static void
jp_defence_paper_class_init (JpDefencePaperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_defence_paper_dispose;

  /* "changed" (): a pass was stored; the differences may have changed */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-defence-paper.ui");
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, scrutineer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, pass_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, import_button);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, candidate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, total_label);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, fields_box);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, add_button);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, count_label);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, sheet_list);
  gtk_widget_class_bind_template_child (widget_class, JpDefencePaper, differences_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_pass_dropdown_notify_selected);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_scrutineer_dropdown_notify_selected);
}

static void
jp_defence_paper_init (JpDefencePaper *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  jp_paper_pass_init (&self->pass, GTK_WIDGET (self), self->scrutineer_dropdown,
                      self->pass_dropdown, self->error_label,
                      (JpPaperImport) (void (*) (void)) jp_defence_paper_import_data);
}

GtkWidget *
jp_defence_paper_new (void)
{
  return g_object_new (JP_TYPE_DEFENCE_PAPER, NULL);
}

void
jp_defence_paper_set_pass (JpDefencePaper *self,
                           int             pass)
{
  g_return_if_fail (JP_IS_DEFENCE_PAPER (self));
  g_return_if_fail (pass == 1 || pass == 2);
  gtk_drop_down_set_selected (self->pass_dropdown, pass - 1);
}

gboolean
jp_defence_paper_select_scrutineer (JpDefencePaper *self,
                                    const char     *member_code)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), FALSE);
  return jp_paper_pass_select_scrutineer (&self->pass, member_code);
}

gboolean
jp_defence_paper_select_member (JpDefencePaper *self,
                                const char     *member_code)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), FALSE);
  return select_code (self->member_dropdown, self->panel, member_code);
}

gboolean
jp_defence_paper_select_candidate (JpDefencePaper *self,
                                   const char     *candidate_code)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), FALSE);
  return select_code (self->candidate_dropdown, self->candidates, candidate_code);
}

GtkEditable *
jp_defence_paper_get_entry (JpDefencePaper *self,
                            guint           index)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  return index < self->fields->len
         ? GTK_EDITABLE (((Field *) self->fields->pdata[index])->entry) : NULL;
}

const char *
jp_defence_paper_get_field_message (JpDefencePaper *self,
                                    guint           index)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  if (index >= self->fields->len)
    return NULL;
  return gtk_label_get_text (((Field *) self->fields->pdata[index])->message);
}

const char *
jp_defence_paper_get_error_text (JpDefencePaper *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : "";
}

const char *
jp_defence_paper_get_total_text (JpDefencePaper *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  return gtk_label_get_text (self->total_label);
}

const char *
jp_defence_paper_get_count_text (JpDefencePaper *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
jp_defence_paper_get_differences_text (JpDefencePaper *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  return gtk_label_get_text (self->differences_label);
}

char *
jp_defence_paper_get_row_text (JpDefencePaper *self,
                               guint           index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (JP_IS_DEFENCE_PAPER (self), NULL);
  row = gtk_list_box_get_row_at_index (self->sheet_list, (int) index);
  if (row == NULL)
    return NULL;
  return g_strdup (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))));
}
