/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/candidates/jp-dossier-view.h"
#include "ui/station/jp-station-dossier.h"

struct _JpStationDossier
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkLabel            *title;
  AdwActionRow        *trade_row;
  AdwActionRow        *work_type_row;
  AdwActionRow        *skill_level_row;
  AdwActionRow        *years_row;
  AdwActionRow        *education_row;
  AdwActionRow        *criteria_row;
  GtkLabel            *summary;
  GtkLabel            *deeds;
  AdwPreferencesGroup *evidence_group;
  GtkListBox          *evidence_list;
  AdwStatusPage       *error_page;
  GtkLabel            *evidence_message;

  JpMeetingClient     *client;
  GCancellable        *cancellable;
  char                *code;
  GPtrArray           *evidence;    /* sha256 (char*) in the order listed */
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (JpStationDossier, jp_station_dossier, ADW_TYPE_BIN)

enum {
  SIGNAL_EVIDENCE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
or_not_given (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("(not given)");
}

/* Row subtitles are markup in libadwaita 1.2. */
static void
set_fact (AdwActionRow *row,
          const char   *value)
{
  g_autofree char *escaped = g_markup_escape_text (or_not_given (value), -1);

  adw_action_row_set_subtitle (row, escaped);
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
on_evidence_list_row_activated (GtkListBox       *list,
                                GtkListBoxRow    *row,
                                JpStationDossier *self)
{
  jp_station_dossier_open_evidence (self, (guint) gtk_list_box_row_get_index (row));
}

static GtkWidget *
evidence_row_new (const JpRemoteEvidence *e,
                  guint                   i)
{
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
  return row;
}

/* Fills the template's rows; the structure is in jp-station-dossier.ui. */
static void
show_dossier (JpStationDossier      *self,
              const JpRemoteDossier *d)
{
  g_autoptr(GString) crit = g_string_new (NULL);
  g_autofree char *years = NULL;

  gtk_label_set_text (self->title, self->code);
  set_fact (self->trade_row, d->trade_name);
  set_fact (self->work_type_row, d->work_type);
  set_fact (self->skill_level_row, d->skill_level);
  years = g_strdup_printf ("%" G_GINT64_FORMAT, d->years_in_trade);
  set_fact (self->years_row, years);
  set_fact (self->education_row, d->education);
  for (guint i = 0; i < d->criteria->len; i++)
    {
      int n = g_array_index (d->criteria, int, i);

      if (crit->len > 0)
        g_string_append_c (crit, '\n');
      if (n >= 1 && n <= 6)
        g_string_append_printf (crit, _("Criterion %d — %s"), n, jp_criterion_short_title (n));
    }
  set_fact (self->criteria_row, crit->str);
  gtk_label_set_text (self->summary, or_not_given (d->summary));
  gtk_label_set_text (self->deeds, or_not_given (d->deeds));

  for (guint i = 0; i < d->evidence->len; i++)
    {
      const JpRemoteEvidence *e = d->evidence->pdata[i];

      gtk_list_box_append (self->evidence_list, evidence_row_new (e, i));
      g_ptr_array_add (self->evidence, g_strdup (e->sha256));
    }
  if (self->evidence->len == 0)
    {
      adw_preferences_group_set_description (self->evidence_group,
                                             _("No evidence files in this dossier."));
      gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), FALSE);
    }
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
  show_dossier (self, d);
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
  /* the stack is both the bin's child and a bound template child: unparent it once */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_STATION_DOSSIER);

  G_OBJECT_CLASS (jp_station_dossier_parent_class)->dispose (object);
}

static void
jp_station_dossier_class_init (JpStationDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_station_dossier_dispose;

  signals[SIGNAL_EVIDENCE_READY] =
    g_signal_new ("evidence-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, JP_TYPE_EVIDENCE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-station-dossier.ui");
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, stack);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, title);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, trade_row);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, work_type_row);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, skill_level_row);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, years_row);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, education_row);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, summary);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, deeds);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, error_page);
  gtk_widget_class_bind_template_child (widget_class, JpStationDossier, evidence_message);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_list_row_activated);
}

static void
jp_station_dossier_init (JpStationDossier *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->evidence = g_ptr_array_new_with_free_func (g_free);
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
