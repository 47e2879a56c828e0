/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-settings.h"
#include "ui/station/jp-station-defence.h"
#include "meeting/jp-submission.h"

/* Typing is saved this long after the last key: a draft per pause, not per key. */
#define SAVE_DELAY_MS 300

struct _JpStationDefence
{
  AdwBin           parent_instance;

  JpScoreSheet    *sheet;
  JpMeetingClient *client;
  GCancellable    *cancellable;
  gint64           round_id;
  char            *candidate;
  JpSubmission     submission;     /* the key of this candidate's sheet */
  guint            save_source;
  gboolean         saving;         /* a PUT is under way */
  gboolean         save_again;     /* typed while it was */
  gboolean         loading;
  gboolean         load_again;
};

G_DEFINE_FINAL_TYPE (JpStationDefence, jp_station_defence, ADW_TYPE_BIN)

enum {
  SIGNAL_LOADED,
  SIGNAL_DRAFT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The texts of the sheet shown, one per criterion. (transfer none) */
static const char * const *
sheet_texts (JpStationDefence *self)
{
  return jp_sheet_model_get_texts (jp_score_sheet_get_model (self->sheet));
}

static void save_draft (JpStationDefence *self);

static void
draft_saved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JpStationDefence) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = jp_meeting_client_save_sheet_finish (JP_MEETING_CLIENT (source), result,
                                                        &error);

  self->saving = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->save_again)
    {
      self->save_again = FALSE;
      save_draft (self);
      return;
    }
  if (!saved)
    {
      /* a draft the host did not keep is only typing: say so, the sheet stays as typed */
      g_autofree char *text = g_strdup_printf (_("Your draft could not be saved on the host: "
                                                 "%s"), error->message);

      jp_score_sheet_set_message (self->sheet, text);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_DRAFT_SAVED], 0);
}

static void
save_draft (JpStationDefence *self)
{
  if (self->round_id == 0 || self->candidate == NULL ||
      jp_score_sheet_get_model (self->sheet) == NULL ||
      !jp_sheet_model_is_editable (jp_score_sheet_get_model (self->sheet)))
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  self->saving = TRUE;
  jp_meeting_client_save_sheet_async (self->client, self->round_id, self->candidate,
                                      sheet_texts (self), NULL, self->cancellable, draft_saved,
                                      g_object_ref (self));
}

static gboolean
save_timeout (gpointer user_data)
{
  JpStationDefence *self = user_data;

  self->save_source = 0;
  save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
on_sheet_changed (JpStationDefence *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
sheet_submitted (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JpStationDefence) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean accepted = jp_meeting_client_save_sheet_finish (JP_MEETING_CLIENT (source), result,
                                                           &error);
  g_autofree char *text = NULL;

  switch (jp_submission_outcome (accepted, error, result))
    {
    case JP_SUBMISSION_CANCELLED:
      break;
    case JP_SUBMISSION_ACCEPTED:
    case JP_SUBMISSION_STORED_BEFORE:
      jp_score_sheet_set_state (self->sheet, JP_SHEET_SUBMITTED, NULL);
      break;
    case JP_SUBMISSION_NOT_SENT:
      /* no queue of sheets: the member submits it again */
      text = g_strdup_printf (_("The sheet was not sent: %s Submit it again when the "
                                "connection is back."), error->message);
      jp_score_sheet_set_state (self->sheet, JP_SHEET_EDITING, NULL);
      jp_score_sheet_set_message (self->sheet, text);
      break;
    case JP_SUBMISSION_REFUSED:
    default:
      jp_score_sheet_set_state (self->sheet, JP_SHEET_REFUSED, error->message);
      break;
    }
}

static void
on_sheet_submit (JpStationDefence *self)
{
  g_autoptr(GError) error = NULL;
  const char *key = jp_submission_key (&self->submission, &error);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (key == NULL)
    {
      /* nothing was sent; the draft is on the host, the member may try again */
      jp_score_sheet_set_state (self->sheet, JP_SHEET_EDITING, NULL);
      jp_score_sheet_set_message (self->sheet, error->message);
      return;
    }
  /* no cancellable: a sheet in flight finishes even if the window closes */
  jp_meeting_client_save_sheet_async (self->client, self->round_id, self->candidate,
                                      sheet_texts (self), key, NULL, sheet_submitted,
                                      g_object_ref (self));
}

static void
defence_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JpStationDefence) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRemoteDefence) defence = jp_meeting_client_get_defence_finish (
    JP_MEETING_CLIENT (source), result, &error);
  JpSheetModel *model;
  const char *candidate;
  gint64 round_id;

  self->loading = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->load_again)
    {
      self->load_again = FALSE;
      jp_station_defence_reload (self);
      return;
    }
  if (defence == NULL)
    {
      jp_score_sheet_set_idle (self->sheet, error->message);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  round_id = defence->round_id;
  candidate = defence->candidate;
  if (round_id == 0 || candidate == NULL)
    {
      self->round_id = round_id;
      g_clear_pointer (&self->candidate, g_free);
      jp_score_sheet_set_idle (self->sheet,
                               round_id == 0
                               ? _("No defence session of your trade is open. The sheet "
                                   "appears here when the chair opens one and calls a "
                                   "candidate.")
                               : NULL);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  /* another candidate's sheet is another submission, with its own key */
  if (self->round_id != round_id || g_strcmp0 (self->candidate, candidate) != 0)
    jp_submission_reset (&self->submission);
  self->round_id = round_id;
  g_free (self->candidate);
  self->candidate = g_strdup (candidate);

  model = jp_sheet_model_new (defence->rubric);
  /* a member who steps out gets no sheet: its values are empty */
  jp_sheet_model_set_texts (model, (const char * const *) defence->values);
  if (defence->step_out)
    jp_sheet_model_set_state (model, JP_SHEET_STEP_OUT);
  else if (defence->sheet_state == JP_REMOTE_SHEET_SUBMITTED)
    jp_sheet_model_set_state (model, JP_SHEET_SUBMITTED);
  jp_score_sheet_set_model (self->sheet, candidate, defence->position, defence->count, model);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
jp_station_defence_reload (JpStationDefence *self)
{
  g_return_if_fail (JP_IS_STATION_DEFENCE (self));

  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }
  self->loading = TRUE;
  jp_meeting_client_get_defence_async (self->client, self->cancellable, defence_loaded,
                                       g_object_ref (self));
}

static void
on_client_event (JpStationDefence *self,
                 const char       *type,
                 JsonNode         *data)
{
  if (g_str_equal (type, "current_candidate") || g_str_has_prefix (type, "defence") ||
      g_str_equal (type, "round_opened") || g_str_equal (type, "round_closed"))
    jp_station_defence_reload (self);
}

static void
jp_station_defence_dispose (GObject *object)
{
  JpStationDefence *self = JP_STATION_DEFENCE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->candidate, g_free);
  jp_submission_reset (&self->submission);

  G_OBJECT_CLASS (jp_station_defence_parent_class)->dispose (object);
}

static void
jp_station_defence_class_init (JpStationDefenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_station_defence_dispose;

  signals[SIGNAL_LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DRAFT_SAVED] =
    g_signal_new ("draft-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
jp_station_defence_init (JpStationDefence *self)
{
  self->cancellable = g_cancellable_new ();
  self->sheet = JP_SCORE_SHEET (jp_score_sheet_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->sheet));
  g_signal_connect_object (self->sheet, "changed", G_CALLBACK (on_sheet_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet, "submit", G_CALLBACK (on_sheet_submit), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
jp_station_defence_new (JpMeetingClient *client)
{
  JpStationDefence *self;

  g_return_val_if_fail (JP_IS_MEETING_CLIENT (client), NULL);

  self = g_object_new (JP_TYPE_STATION_DEFENCE, NULL);
  self->client = g_object_ref (client);
  g_signal_connect_object (client, "event", G_CALLBACK (on_client_event), self,
                           G_CONNECT_SWAPPED);
  jp_station_defence_reload (self);
  return GTK_WIDGET (self);
}

JpScoreSheet *
jp_station_defence_get_sheet (JpStationDefence *self)
{
  g_return_val_if_fail (JP_IS_STATION_DEFENCE (self), NULL);
  return self->sheet;
}

gint64
jp_station_defence_get_round (JpStationDefence *self)
{
  g_return_val_if_fail (JP_IS_STATION_DEFENCE (self), 0);
  return self->round_id;
}

gboolean
jp_station_defence_is_saving (JpStationDefence *self)
{
  g_return_val_if_fail (JP_IS_STATION_DEFENCE (self), FALSE);
  return self->saving || self->save_source != 0;
}
