/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/candidates/jp-dossier-view.h"
#include "ui/station/jp-station-dossier.h"

struct _JpStationDossier
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkBox          *content;
  AdwStatusPage   *error_page;
  GtkLabel        *evidence_message;

  JpMeetingClient *client;
  GCancellable    *cancellable;
  char            *code;
  GPtrArray       *evidence;    /* sha256 (char*) in the order listed */
  gboolean         loaded;
};

G_DEFINE_FINAL_TYPE (JpStationDossier, jp_station_dossier, ADW_TYPE_BIN)

enum {
  SIGNAL_EVIDENCE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
text_section (const char *title,
              const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text != NULL && *text != '\0' ? text : _("(not given)"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "jp-body-text");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static void
add_fact (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value != NULL && *value != '\0'
                                                   ? value : _("(not given)"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
evidence_downloaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JpStationDossier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jp_meeting_client_get_evidence_finish (JP_MEETING_CLIENT (source),
                                                                   result, &error);
  g_autoptr(JpEvidenceDocument) document = NULL;
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (bytes != NULL)
    {
      name = g_strdup_printf (_("evidence of %s"), self->code);
      document = jp_evidence_document_new (bytes, "application/pdf", NULL, name, &error);
    }
  if (document == NULL)
    {
      gtk_label_set_text (self->evidence_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->evidence_message), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_message), FALSE);
  g_signal_emit (self, signals[SIGNAL_EVIDENCE_READY], 0, document);
}

void
jp_station_dossier_open_evidence (JpStationDossier *self,
                                  guint             index)
{
  g_return_if_fail (JP_IS_STATION_DOSSIER (self));
  g_return_if_fail (index < self->evidence->len);

  /* the host may first have to make the anonymised copy; keep the member from piling up
   * requests meanwhile */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  jp_meeting_client_get_evidence_async (self->client, self->evidence->pdata[index],
                                        self->cancellable, evidence_downloaded,
                                        g_object_ref (self));
}

static void
on_evidence_row_activated (GtkListBox       *list,
                           GtkListBoxRow    *row,
                           JpStationDossier *self)
{
  jp_station_dossier_open_evidence (self, (guint) gtk_list_box_row_get_index (row));
}

static void
build_dossier (JpStationDossier      *self,
               const JpRemoteDossier *d)
{
  GtkWidget *title = gtk_label_new (self->code);
  GtkWidget *facts = adw_preferences_group_new ();
  GtkWidget *ev_group = adw_preferences_group_new ();
  GtkWidget *ev_list = gtk_list_box_new ();
  g_autoptr(GString) crit = g_string_new (NULL);
  g_autofree char *years = NULL;

  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (self->content, title);

  add_fact (facts, _("Trade"), d->trade_name);
  add_fact (facts, _("Work type"), d->work_type);
  add_fact (facts, _("Skill level"), d->skill_level);
  years = g_strdup_printf ("%" G_GINT64_FORMAT, d->years_in_trade);
  add_fact (facts, _("Years in the trade"), years);
  add_fact (facts, _("Education"), d->education);
  for (guint i = 0; i < d->criteria->len; i++)
    {
      int n = g_array_index (d->criteria, int, i);

      if (crit->len > 0)
        g_string_append_c (crit, '\n');
      if (n >= 1 && n <= 6)
        g_string_append_printf (crit, _("Criterion %d — %s"), n, jp_criterion_short_title (n));
    }
  add_fact (facts, _("Criteria claimed"), crit->str);
  gtk_box_append (self->content, facts);

  gtk_box_append (self->content, text_section (_("Summary"), d->summary));
  gtk_box_append (self->content, text_section (_("Main deeds"), d->deeds));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (ev_group), _("Evidence"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (ev_group),
                                         _("Anonymised copies made by the host: names, ID "
                                           "numbers, phones and units are blacked out."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (ev_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (ev_list, "boxed-list");
  g_signal_connect_object (ev_list, "row-activated", G_CALLBACK (on_evidence_row_activated),
                           self, 0);
  for (guint i = 0; i < d->evidence->len; i++)
    {
      const JpRemoteEvidence *e = d->evidence->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      int criterion = e->criterion;
      int pages = e->pages;
      g_autofree char *title_text = g_strdup_printf (_("Evidence %u"), i + 1);
      g_autofree char *pages_text = g_strdup_printf (ngettext ("%d page", "%d pages", pages),
                                                     pages);
      g_autofree char *subtitle = NULL;

      if (criterion >= 1 && criterion <= 6)
        subtitle = g_strdup_printf (_("Criterion %d — %s · %s"), criterion,
                                    jp_criterion_short_title (criterion), pages_text);
      else
        subtitle = g_strdup (pages_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (ev_list), row);
      g_ptr_array_add (self->evidence, g_strdup (e->sha256));
    }
  if (self->evidence->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (ev_group),
                                           _("No evidence files in this dossier."));
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (ev_group), ev_list);
  gtk_box_append (self->content, ev_group);
  gtk_box_append (self->content, GTK_WIDGET (self->evidence_message));
}

static void
dossier_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JpStationDossier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRemoteDossier) d = jp_meeting_client_get_dossier_finish (
    JP_MEETING_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loaded = TRUE;
  if (d == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  build_dossier (self, d);
  gtk_stack_set_visible_child_name (self->stack, "dossier");
}

static void
jp_station_dossier_dispose (GObject *object)
{
  JpStationDossier *self = JP_STATION_DOSSIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_object (&self->evidence_message);

  G_OBJECT_CLASS (jp_station_dossier_parent_class)->dispose (object);
}

static void
jp_station_dossier_class_init (JpStationDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_station_dossier_dispose;

  signals[SIGNAL_EVIDENCE_READY] =
    g_signal_new ("evidence-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, JP_TYPE_EVIDENCE_DOCUMENT);
}

static void
jp_station_dossier_init (JpStationDossier *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *loading = gtk_label_new (_("Loading the dossier from the host…"));

  self->cancellable = g_cancellable_new ();
  self->evidence = g_ptr_array_new_with_free_func (g_free);
  self->stack = GTK_STACK (gtk_stack_new ());
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  self->evidence_message = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_add_css_class (loading, "dim-label");
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, loading, "loading");

  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "dossier");

  adw_status_page_set_icon_name (self->error_page, "action-unavailable-symbolic");
  adw_status_page_set_title (self->error_page, _("The Dossier Cannot Be Shown"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  gtk_label_set_wrap (self->evidence_message, TRUE);
  gtk_label_set_xalign (self->evidence_message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->evidence_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_message), FALSE);
  g_object_ref_sink (self->evidence_message);

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
jp_station_dossier_new (JpMeetingClient *client,
                        const char      *code)
{
  JpStationDossier *self;

  g_return_val_if_fail (JP_IS_MEETING_CLIENT (client), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (JP_TYPE_STATION_DOSSIER, NULL);
  self->client = g_object_ref (client);
  self->code = g_strdup (code);
  jp_meeting_client_get_dossier_async (client, code, self->cancellable, dossier_loaded,
                                       g_object_ref (self));
  return GTK_WIDGET (self);
}

const char *
jp_station_dossier_get_code (JpStationDossier *self)
{
  g_return_val_if_fail (JP_IS_STATION_DOSSIER (self), NULL);
  return self->code;
}

gboolean
jp_station_dossier_is_loaded (JpStationDossier *self)
{
  g_return_val_if_fail (JP_IS_STATION_DOSSIER (self), FALSE);
  return self->loaded;
}

guint
jp_station_dossier_get_n_evidence (JpStationDossier *self)
{
  g_return_val_if_fail (JP_IS_STATION_DOSSIER (self), 0);
  return self->evidence->len;
}
