/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-validate.h"
#include "store/jp-store-console.h"
#include "meeting/jp-meeting-service.h"
#include "ui/candidates/jp-dossier-view-private.h"
#include "ui/app/jp-ui-error.h"
#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/app/jp-operator.h"

G_DEFINE_FINAL_TYPE (JpDossierView, jp_dossier_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
jp_dossier_view_get_document_open (JpDossierView *self)
{
  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") == 0;
}

/* Shows `page` of the stack, and tells whether the document page came or went. */
void
jp_dossier_view_show_page (JpDossierView *self,
                           const char    *page)
{
  gboolean was_open = jp_dossier_view_get_document_open (self);

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.back",
                                 jp_dossier_view_get_document_open (self));
  if (was_open != jp_dossier_view_get_document_open (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_OPEN]);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
or_dash (const char *s)
{
  return s != NULL && *s != '\0' ? s : "—";
}

/* ---- the form ---- */

static void
add_field_row (JpDossierView *self,
               const char    *field,
               const char    *label,
               const char    *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (or_dash (value));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_yalign (GTK_LABEL (title), 0);
  gtk_widget_set_size_request (title, 130, -1);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  /* an ID number, a phone number or a date is read whole: it never wraps */
  if (g_strv_contains ((const char * const[]) { "id_number", "phone", "birth", "work_start",
                                                "fill_date", "code", NULL }, field))
    gtk_widget_add_css_class (text, "numeric");
  else
    {
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
    }
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, field);
  gtk_list_box_append (self->form_list, row);
  g_hash_table_insert (self->field_rows, g_strdup (field), row);
}

static void
fill_form (JpDossierView *self,
           JpCandidate   *c)
{
  g_autofree char *years = c->years_in_trade >= 0
                           ? g_strdup_printf (ngettext ("%d year", "%d years", c->years_in_trade),
                                              c->years_in_trade)
                           : NULL;
  g_autofree char *criteria = jp_criteria_describe (c->criteria);

  clear_list (self->form_list);
  g_hash_table_remove_all (self->field_rows);

  /* the order of the 推荐审批表, then the nomination data printed above it */
  add_field_row (self, "name", _("Name"), c->name);
  add_field_row (self, "sex", _("Sex"), c->sex != JP_SEX_UNKNOWN ? jp_sex_label (c->sex) : NULL);
  add_field_row (self, "ethnicity", _("Ethnicity"), c->ethnicity);
  add_field_row (self, "birth", _("Date of Birth"), c->birth);
  add_field_row (self, "political", _("Political Affiliation"), c->political);
  add_field_row (self, "education", _("Education"), c->education);
  add_field_row (self, "work_start", _("Started Work"), c->work_start);
  add_field_row (self, "id_number", _("ID Number"), c->id_number);
  add_field_row (self, "employer", _("Employer"), c->employer);
  add_field_row (self, "position", _("Position"), c->position);
  add_field_row (self, "work_type", _("Work Type"), c->work_type);
  add_field_row (self, "years_in_trade", _("Years in This Work Type"), years);
  add_field_row (self, "skill_level", _("Skill Level / Title"), c->skill_level);
  add_field_row (self, "phone", _("Phone"), c->phone);
  add_field_row (self, "union_member", _("Union Member"),
                 c->union_member != JP_TRISTATE_UNKNOWN ? jp_tristate_label (c->union_member)
                                                        : NULL);
  add_field_row (self, "criteria", _("Criteria Met"), criteria);
  add_field_row (self, "honours", _("Main Honours"), c->honours);
  add_field_row (self, "unit", _("Nominating Unit"), c->unit);
  add_field_row (self, "route", _("Nomination Route"),
                 c->route != JP_ROUTE_UNKNOWN ? jp_route_label (c->route) : NULL);
  add_field_row (self, "trade", _("Trade"), c->trade);
  add_field_row (self, "fill_date", _("Date Filled In"), c->fill_date);
  if (c->code != NULL)
    add_field_row (self, "code", _("Anonymous Code"), c->code);
}

/* ---- summary and deeds ---- */

static void
fill_text (GtkLabel   *count_label,
           GtkLabel   *text_label,
           const char *text,
           gboolean    summary,
           int         min,
           int         max)
{
  glong n = jp_text_count_chars (text);
  g_autofree char *count = NULL;

  /* TRANSLATORS: "Summary of deeds: 286 characters (required: 200–400)" */
  count = g_strdup_printf (summary
                           ? ngettext ("Summary of deeds: %ld character (required: %d–%d)",
                                       "Summary of deeds: %ld characters (required: %d–%d)", n)
                           : ngettext ("Deeds material: %ld character (required: %d–%d)",
                                       "Deeds material: %ld characters (required: %d–%d)", n),
                           n, min, max);
  gtk_label_set_text (count_label, count);
  if (n < min || n > max)
    gtk_widget_add_css_class (GTK_WIDGET (count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (count_label), "error");
  gtk_label_set_text (text_label, n > 0 ? text : _("(not filled in)"));
}

/* ---- evidence ---- */

static void
add_group_header (GtkListBox *list,
                  const char *title,
                  const char *css_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "jp-group-header");
  gtk_list_box_append (list, row);
}

static void add_document_row (JpDossierView *self, const JpDocumentRef *ref);

static void scroll_to_widget (JpDossierView *self, GtkWidget *widget);


static gboolean
ref_in_group (const JpDocumentRef *ref,
              int                  group)
{
  /* groups: 1..6 criteria, 0 untagged evidence, -1 the no-criminal-record certificate */
  if (group < 0)
    return ref->kind == JP_DOC_NO_CRIMINAL_RECORD;
  return ref->kind == JP_DOC_EVIDENCE && ref->criterion == group;
}

static void
fill_evidence (JpDossierView *self,
               JpCandidate   *c)
{
  static const int groups[] = { 1, 2, 3, 4, 5, 6, 0, -1 };
  guint shown = 0;

  clear_list (self->evidence_list);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *title = NULL;
      guint n = 0;

      for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
        if (ref_in_group (g_ptr_array_index (c->documents, i), groups[g]))
          n++;
      if (n == 0)
        {
          if (groups[g] == -1)
            {
              add_group_header (self->evidence_list, _("No-Criminal-Record Certificate"),
                                "heading");
              add_group_header (self->evidence_list,
                                _("Missing: ask the nominating unit to send the certificate."),
                                "error");
            }
          continue;
        }
      if (groups[g] > 0)
        title = g_strdup_printf (_("Criterion %d — %s"), groups[g],
                                 jp_criterion_short_title (groups[g]));
      else if (groups[g] == 0)
        title = g_strdup (_("Not Tagged with a Criterion"));
      else
        title = g_strdup (_("No-Criminal-Record Certificate"));
      add_group_header (self->evidence_list, title, "heading");
      for (guint i = 0; i < c->documents->len; i++)
        {
          const JpDocumentRef *ref = g_ptr_array_index (c->documents, i);

          if (ref_in_group (ref, groups[g]))
            {
              add_document_row (self, ref);
              shown++;
            }
        }
    }
  if (shown == 0)
    add_group_header (self->evidence_list, _("No evidence documents in this dossier."),
                      "dim-label");
}

/* dossier.open-document (s: the document's sha256), the Open button of a document row */
static void
dossier_open_document (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  jp_dossier_view_open_document (JP_DOSSIER_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
add_document_row (JpDossierView       *self,
                  const JpDocumentRef *ref)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gboolean image = ref->mime != NULL && g_str_has_prefix (ref->mime, "image/");
  GtkWidget *icon = gtk_image_new_from_icon_name (image ? "image-x-generic-symbolic"
                                                  : "x-office-document-symbolic");
  GtkWidget *name = gtk_label_new (ref->filename != NULL ? ref->filename : ref->sha256);
  g_autofree char *pages_text = g_strdup_printf (ngettext ("%d page", "%d pages", ref->pages),
                                                 ref->pages);
  GtkWidget *pages = gtk_label_new (pages_text);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (name, ref->filename);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (pages, "dim-label");
  gtk_widget_add_css_class (pages, "numeric");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "dossier.open-document");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", ref->sha256);
  tooltip = g_strdup_printf (_("Read %s in the evidence viewer"),
                             ref->filename != NULL ? ref->filename : "");
  gtk_widget_set_tooltip_text (open, tooltip);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), pages);
  gtk_box_append (GTK_BOX (box), open);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, ref->sha256);
  gtk_list_box_append (self->evidence_list, row);
}

/* ---- findings and jumps ---- */

JpDossierTarget
jp_dossier_target_for_finding (const JpFinding *finding,
                               const char     **field_out)
{
  const char *code = finding->code != NULL ? finding->code : "";
  const char *field = finding->field != NULL ? finding->field : "";

  if (field_out != NULL)
    *field_out = NULL;
  if (g_str_equal (code, "photos-few") || g_str_equal (field, "photos"))
    return JP_DOSSIER_TARGET_PHOTOS;
  if (g_str_has_prefix (code, "summary-") || g_str_equal (field, "summary"))
    return JP_DOSSIER_TARGET_SUMMARY;
  if (g_str_has_prefix (code, "deeds-") || g_str_equal (field, "deeds"))
    return JP_DOSSIER_TARGET_DEEDS;
  if (g_str_equal (code, "no-criminal-record-missing") || g_str_equal (code, "evidence-untagged")
      || g_str_equal (field, "evidence") || g_str_equal (field, "documents"))
    return JP_DOSSIER_TARGET_EVIDENCE;
  if (*field != '\0')
    {
      if (field_out != NULL)
        *field_out = field;
      return JP_DOSSIER_TARGET_FIELD;
    }
  return JP_DOSSIER_TARGET_NONE;
}

static void
scroll_to_widget (JpDossierView *self,
                  GtkWidget     *widget)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scrolled);
  graphene_point_t point;
  double value;

  if (!gtk_widget_compute_point (widget, self->content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  /* a little of what comes before stays in sight, so the target is not glued to the edge */
  value = MAX (point.y - 12, gtk_adjustment_get_lower (adj));
  value = MIN (value, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  gtk_adjustment_set_value (adj, value);
}

/* Scrolls to and highlights what a finding is about. FALSE when it has no place here. */
gboolean
jp_dossier_view_jump (JpDossierView   *self,
                      JpDossierTarget  target,
                      const char      *field)
{
  GtkWidget *widget;

  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), FALSE);

  if (target == JP_DOSSIER_TARGET_FIELD)
    widget = field != NULL ? g_hash_table_lookup (self->field_rows, field) : NULL;
  else
    widget = jp_dossier_view_get_section (self, target);
  if (widget == NULL)
    return FALSE;

  jp_dossier_view_close_document (self);
  if (self->jump_widget != NULL)
    gtk_widget_remove_css_class (self->jump_widget, "jp-highlight");
  self->jump_target = target;
  self->jump_widget = widget;
  g_free (self->jump_field);
  self->jump_field = g_strdup (target == JP_DOSSIER_TARGET_FIELD ? field : NULL);
  gtk_widget_add_css_class (widget, "jp-highlight");
  scroll_to_widget (self, widget);
  return TRUE;
}

/* dossier.jump ((is): a JpDossierTarget and a field name, "" for none), the button of a
 * finding row */
static void
dossier_jump (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  int target = 0;
  const char *field = NULL;

  g_variant_get (parameter, "(i&s)", &target, &field);
  jp_dossier_view_jump (JP_DOSSIER_VIEW (widget), target, *field != '\0' ? field : NULL);
}

static GtkWidget *
create_finding_row (JpDossierView   *self,
                    const JpFinding *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gboolean error = finding->severity == JP_SEVERITY_ERROR;
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                  : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (finding->message);
  const char *field = NULL;
  JpDossierTarget target = jp_dossier_target_for_finding (finding, &field);

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, error ? _("Error") : _("Warning"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  if (target == JP_DOSSIER_TARGET_EVIDENCE || target == JP_DOSSIER_TARGET_PHOTOS
      || target == JP_DOSSIER_TARGET_SUMMARY || target == JP_DOSSIER_TARGET_DEEDS
      || (target == JP_DOSSIER_TARGET_FIELD && g_hash_table_contains (self->field_rows, field)))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("find-location-symbolic");

      gtk_widget_set_tooltip_text (button, _("Show what this is about"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show what this is about"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dossier.jump");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(is)", (int) target,
                                        field != NULL ? field : "");
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
fill_findings (JpDossierView *self,
               JpCandidate   *c)
{
  clear_list (self->findings_list);
  if (c->findings == NULL || c->findings->len == 0)
    {
      gtk_widget_set_visible (self->findings_section, FALSE);
      return;
    }
  gtk_widget_set_visible (self->findings_section, TRUE);
  /* errors first: they are what blocks a candidate */
  for (int pass = JP_SEVERITY_ERROR; pass >= JP_SEVERITY_WARNING; pass--)
    for (guint i = 0; i < c->findings->len; i++)
      {
        const JpFinding *finding = g_ptr_array_index (c->findings, i);

        if ((int) finding->severity == pass)
          gtk_list_box_append (self->findings_list, create_finding_row (self, finding));
      }
}

/* ---- public ---- */

static void
set_heading (JpDossierView *self,
             JpCandidate   *c)
{
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), or_dash (c->unit),
                                               or_dash (c->trade), jp_status_label (c->status));

  gtk_label_set_text (self->name_label, or_dash (c->name));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

/* JpStore::changed: a decision saved on the qualification page (or an import) changes the
 * status the heading shows; the rest of the dossier, and an open document, stay as they are. */
static void
on_store_changed (gpointer page)
{
  JpDossierView *self = page;
  g_autoptr(JpCandidate) c = NULL;
  g_autoptr(GError) error = NULL;

  if (self->candidate_id <= 0 || self->store == NULL)
    return;
  c = jp_store_get_candidate (self->store, self->candidate_id, &error);
  if (c == NULL)
    jp_ui_report_error (GTK_WIDGET (self), _("Could Not Read the Dossier"), error);
  else
    set_heading (self, c);
}

void
jp_dossier_view_set_store (JpDossierView *self,
                           JpStore       *store)
{
  static const char * const watched[] = { "candidates", NULL };

  g_return_if_fail (JP_IS_DOSSIER_VIEW (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  if (g_set_object (&self->store, store) || store == NULL)
    {
      g_clear_pointer (&self->watch, jp_store_watch_free);
      if (store != NULL)
        self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self), on_store_changed);
      jp_dossier_view_show_candidate (self, 0, NULL);
    }
}

gboolean
jp_dossier_view_show_candidate (JpDossierView *self,
                                gint64         candidate_id,
                                GError       **error)
{
  g_autoptr(JpCandidate) c = NULL;

  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->jump_widget != NULL)
    gtk_widget_remove_css_class (self->jump_widget, "jp-highlight");
  self->jump_widget = NULL;
  self->jump_target = JP_DOSSIER_TARGET_NONE;
  g_clear_pointer (&self->jump_field, g_free);

  if (candidate_id > 0 && self->store != NULL)
    c = jp_store_get_candidate (self->store, candidate_id, error);
  if (c == NULL)
    {
      self->candidate_id = 0;
      jp_photo_gallery_set_photos (self->gallery, NULL, NULL);
      jp_dossier_view_clear_viewer (self);
      jp_dossier_view_show_page (self, "empty");
      return candidate_id <= 0 || self->store == NULL;
    }

  self->candidate_id = candidate_id;
  set_heading (self, c);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->print_button), "(sx)",
                                    "approval-form", candidate_id);
  fill_findings (self, c);
  fill_form (self, c);
  jp_photo_gallery_set_photos (self->gallery, self->store, c->documents);
  fill_text (self->summary_count, self->summary_text, c->summary, TRUE,
             JP_SUMMARY_MIN, JP_SUMMARY_MAX);
  fill_text (self->deeds_count, self->deeds_text, c->deeds, FALSE, JP_DEEDS_MIN, JP_DEEDS_MAX);
  fill_evidence (self, c);
  jp_dossier_view_clear_viewer (self);
  jp_dossier_view_show_page (self, "dossier");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  return TRUE;
}

gint64
jp_dossier_view_get_candidate_id (JpDossierView *self)
{
  g_return_val_if_fail (JP_IS_DOSSIER_VIEW (self), 0);

  return self->candidate_id;
}

static void
jp_dossier_view_dispose (GObject *object)
{
  JpDossierView *self = JP_DOSSIER_VIEW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->open_sha256, g_free);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->anon);
  if (self->preview_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preview_window),
                                    (gpointer *) &self->preview_window);
      gtk_window_destroy (self->preview_window);
      self->preview_window = NULL;
    }
  self->viewer = NULL;   /* a child of viewer_box, which the template disposes */
  g_clear_pointer (&self->watch, jp_store_watch_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_DOSSIER_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->field_rows, g_hash_table_unref);
  g_clear_pointer (&self->jump_field, g_free);
  self->jump_widget = NULL;

  G_OBJECT_CLASS (jp_dossier_view_parent_class)->dispose (object);
}

static void
jp_dossier_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JpDossierView *self = JP_DOSSIER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_OPEN:
      g_value_set_boolean (value, jp_dossier_view_get_document_open (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_dossier_view_class_init (JpDossierViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_dossier_view_dispose;
  object_class->get_property = jp_dossier_view_get_property;

  /* TRUE while an evidence document has the pane (the dossier is one Back away) */
  properties[PROP_DOCUMENT_OPEN] =
    g_param_spec_boolean ("document-open", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JP_TYPE_PHOTO_GALLERY);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-dossier-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, stack);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, content);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, name_label);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, print_button);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, findings_section);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, form_section);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, form_list);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, photos_section);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, gallery);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, summary_section);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, summary_count);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, summary_text);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, deeds_section);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, deeds_count);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, deeds_text);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, evidence_section);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, viewer_box);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, viewer_error);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, back_button);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, document_title);
  gtk_widget_class_bind_template_child (widget_class, JpDossierView, document_criterion);

  gtk_widget_class_install_action (widget_class, "dossier.back", NULL, jp_dossier_view_back_activated);
  gtk_widget_class_install_action (widget_class, "dossier.open-document", "s",
                                   dossier_open_document);
  gtk_widget_class_install_action (widget_class, "dossier.jump", "(is)", dossier_jump);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dossier.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "dossier.back", NULL);
}

static void
jp_dossier_view_init (JpDossierView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.back", FALSE);
  self->field_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
jp_dossier_view_new (void)
{
  return g_object_new (JP_TYPE_DOSSIER_VIEW, NULL);
}

/* ---- for tests ---- */

JpPhotoGallery *
jp_dossier_view_get_gallery (JpDossierView *self)
{
  return self->gallery;
}

GtkLabel *
jp_dossier_view_get_summary_count (JpDossierView *self)
{
  return self->summary_count;
}

GtkLabel *
jp_dossier_view_get_deeds_count (JpDossierView *self)
{
  return self->deeds_count;
}

GtkWidget *
jp_dossier_view_get_field_row (JpDossierView *self,
                               const char    *field)
{
  return g_hash_table_lookup (self->field_rows, field);
}

GtkListBox *
jp_dossier_view_get_evidence_list (JpDossierView *self)
{
  return self->evidence_list;
}

GtkListBox *
jp_dossier_view_get_findings_list (JpDossierView *self)
{
  return self->findings_list;
}

JpDossierTarget
jp_dossier_view_get_jump_target (JpDossierView *self)
{
  return self->jump_target;
}

GtkWidget *
jp_dossier_view_get_jump_widget (JpDossierView *self)
{
  return self->jump_widget;
}

const char *
jp_dossier_view_get_jump_field (JpDossierView *self)
{
  return self->jump_field;
}

GtkWidget *
jp_dossier_view_get_section (JpDossierView   *self,
                             JpDossierTarget  target)
{
  switch (target)
    {
    case JP_DOSSIER_TARGET_PHOTOS:
      return self->photos_section;
    case JP_DOSSIER_TARGET_SUMMARY:
      return self->summary_section;
    case JP_DOSSIER_TARGET_DEEDS:
      return self->deeds_section;
    case JP_DOSSIER_TARGET_EVIDENCE:
      return self->evidence_section;
    case JP_DOSSIER_TARGET_FIELD:
      return self->form_section;
    case JP_DOSSIER_TARGET_NONE:
    default:
      return NULL;
    }
}

JpEvidenceViewer *
jp_dossier_view_get_viewer (JpDossierView *self)
{
  return self->viewer;
}

const char *
jp_dossier_view_get_open_document (JpDossierView *self)
{
  return self->open_sha256;
}

GtkAdjustment *
jp_dossier_view_get_vadjustment (JpDossierView *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scrolled);
}

GtkWidget *
jp_dossier_view_get_back_button (JpDossierView *self)
{
  return self->back_button;
}

GtkLabel *
jp_dossier_view_get_document_title (JpDossierView *self)
{
  return self->document_title;
}

GtkLabel *
jp_dossier_view_get_document_criterion (JpDossierView *self)
{
  return self->document_criterion;
}
