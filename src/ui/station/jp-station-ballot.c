/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/station/jp-confirm-page.h"
#include "ui/station/jp-station-ballot.h"
#include "ui/station/jp-station-flow.h"
#include "meeting/jp-submission.h"

typedef struct {
  char           *code;
  GtkCheckButton *check;      /* NULL when conflicted */
} BallotRow;

struct _JpStationBallot
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkLabel        *hint_label;
  GtkListBox      *list;
  GtkLabel        *count_label;
  GtkLabel        *message_label;
  GtkWidget       *review_button;
  JpConfirmPage   *review_page;
  AdwStatusPage   *status_page;

  JpMeetingClient *client;
  GCancellable    *cancellable;
  gint64           round_id;
  char            *round_title;
  int              max_choices;
  JpSubmission     submission;   /* its key: drawn at the first submit, then kept */
  GPtrArray       *rows;         /* BallotRow*, in the drawn order */
  JpStationBallotState state;
  gboolean         reverting;    /* un-ticking a refused tick */
};

G_DEFINE_FINAL_TYPE (JpStationBallot, jp_station_ballot, ADW_TYPE_BIN)

enum {
  SIGNAL_OPEN_DOSSIER,
  SIGNAL_STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ballot_row_free (BallotRow *row)
{
  g_free (row->code);
  g_free (row);
}

static guint
count_marks (JpStationBallot *self)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      BallotRow *row = self->rows->pdata[i];

      if (row->check != NULL && gtk_check_button_get_active (row->check))
        n++;
    }
  return n;
}

static void
update_actions (JpStationBallot *self)
{
  jp_station_flow_update (GTK_WIDGET (self), "ballot", self->state == JP_STATION_BALLOT_CHOOSING,
                          self->state == JP_STATION_BALLOT_REVIEW);
  for (guint i = 0; i < self->rows->len; i++)
    {
      BallotRow *row = self->rows->pdata[i];

      if (row->check != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (row->check),
                                  self->state == JP_STATION_BALLOT_CHOOSING);
    }
}

static void
set_state (JpStationBallot      *self,
           JpStationBallotState  state)
{
  const char *page = "status";

  self->state = state;
  switch (state)
    {
    case JP_STATION_BALLOT_LOADING:
      page = "loading";
      break;
    case JP_STATION_BALLOT_CHOOSING:
      page = "choose";
      break;
    case JP_STATION_BALLOT_REVIEW:
    case JP_STATION_BALLOT_SENDING:
      page = "review";
      break;
    case JP_STATION_BALLOT_RECEIVED:
    case JP_STATION_BALLOT_QUEUED:
    case JP_STATION_BALLOT_REFUSED:
    case JP_STATION_BALLOT_CLOSED:
    case JP_STATION_BALLOT_FAILED:
    default:
      break;
    }
  gtk_stack_set_visible_child_name (self->stack, page);
  update_actions (self);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
}

static void
show_status (JpStationBallot      *self,
             JpStationBallotState  state,
             const char           *icon,
             const char           *title,
             const char           *description)
{
  jp_station_show_status (self->status_page, icon, title, description);
  set_state (self, state);
}

static void
show_received (JpStationBallot *self)
{
  g_autofree char *text = g_strdup_printf (_("Your ballot in %s has been stored by the host. "
                                             "It cannot be changed."),
                                           self->round_title != NULL ? self->round_title : "");

  show_status (self, JP_STATION_BALLOT_RECEIVED, "emblem-ok-symbolic", _("Ballot received"),
               text);
}

static void
update_count (JpStationBallot *self)
{
  g_autofree char *text = g_strdup_printf (_("%u chosen, at most %d"), count_marks (self),
                                           self->max_choices);

  gtk_label_set_text (self->count_label, text);
}

static void
on_check_toggled (JpStationBallot *self,
                  GtkCheckButton  *check)
{
  g_autofree char *message = NULL;

  if (self->reverting)
    return;
  if (gtk_check_button_get_active (check) && (int) count_marks (self) > self->max_choices)
    {
      /* refused here for the member's sake; the host refuses an over-vote too */
      self->reverting = TRUE;
      gtk_check_button_set_active (check, FALSE);
      self->reverting = FALSE;
      message = g_strdup_printf (ngettext ("You may choose at most %d candidate. Untick one "
                                           "before choosing another.",
                                           "You may choose at most %d candidates. Untick one "
                                           "before choosing another.", self->max_choices),
                                 self->max_choices);
      gtk_label_set_text (self->message_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
  else
    {
      gtk_label_set_text (self->message_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
    }
  update_count (self);
}

/* ballot.dossier (s: the candidate's code), the Dossier button of a row */
static void
action_dossier (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_OPEN_DOSSIER], 0, g_variant_get_string (parameter, NULL));
}

static GtkWidget *
create_row (JpStationBallot *self,
            const char      *code,
            int              position,
            gboolean         conflicted)
{
  GtkWidget *row = adw_action_row_new ();
  BallotRow *info = g_new0 (BallotRow, 1);
  g_autofree char *pos = g_strdup_printf (_("No. %d in the drawn order"), position);

  info->code = g_strdup (code);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
  gtk_widget_add_css_class (row, "jp-ballot-row");
  if (conflicted)
    {
      GtkWidget *badge = gtk_label_new (_("Recused"));

      gtk_widget_add_css_class (badge, "jp-conflict-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Conflict of interest: you may not open or mark this "
                                     "candidate."));
      gtk_widget_add_css_class (row, "dim-label");
    }
  else
    {
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Dossier"));
      g_autofree char *tip = g_strdup_printf (_("Read the anonymised dossier of %s"), code);
      g_autofree char *mark = g_strdup_printf (_("Choose %s"), code);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mark, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pos);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tip);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "ballot.dossier");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", code);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      info->check = GTK_CHECK_BUTTON (check);
    }
  g_ptr_array_add (self->rows, info);
  return row;
}

static void
round_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JpStationBallot) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRemoteRound) round = jp_meeting_client_get_round_finish (
    JP_MEETING_CLIENT (source), result, &error);
  g_autofree char *hint = NULL;
  guint n_open = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (round == NULL)
    {
      show_status (self, JP_STATION_BALLOT_FAILED, "network-error-symbolic",
                   _("The Round Could Not Be Loaded"), error->message);
      return;
    }

  self->max_choices = round->max_choices;
  g_free (self->round_title);
  self->round_title = g_strdup_printf (_("%s, round %d"), round->trade_name, round->number);
  gtk_label_set_text (self->title_label, self->round_title);

  for (guint i = 0; i < round->candidates->len; i++)
    {
      const JpRemoteCandidate *c = round->candidates->pdata[i];
      gboolean is_conflicted = jp_remote_round_is_conflicted (round, c->code);

      gtk_list_box_append (self->list,
                           create_row (self, c->code, c->position, is_conflicted));
      if (!is_conflicted)
        n_open++;
    }
  hint = g_strdup_printf (ngettext ("Tick at most %d of the %u candidates below, then review "
                                    "your ballot. Ticking nobody casts a blank ballot.",
                                    "Tick at most %d of the %u candidates below, then review "
                                    "your ballot. Ticking nobody casts a blank ballot.",
                                    self->max_choices),
                          self->max_choices, n_open);
  gtk_label_set_text (self->hint_label, hint);
  update_count (self);

  if (round->voted)
    show_received (self);
  else if (!jp_remote_round_is_open (round))
    jp_station_ballot_set_closed (self);
  else
    set_state (self, JP_STATION_BALLOT_CHOOSING);
}

void
jp_station_ballot_review (JpStationBallot *self)
{
  g_auto(GStrv) marks = NULL;
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JP_IS_STATION_BALLOT (self));

  if (self->state != JP_STATION_BALLOT_CHOOSING)
    return;
  marks = jp_station_ballot_get_marks (self);
  if (marks[0] == NULL)
    text = g_strdup (_("You chose nobody: this ballot will count as blank. Once submitted, it "
                       "cannot be changed."));
  else
    {
      /* TRANSLATORS: separator between the chosen codes (Chinese uses 、) */
      list = g_strjoinv (C_("list separator", ", "), marks);
      text = g_strdup_printf (_("You chose: %s. Once submitted, the ballot cannot be changed."),
                              list);
    }
  jp_confirm_page_set_text (self->review_page, text);
  set_state (self, JP_STATION_BALLOT_REVIEW);
}

void
jp_station_ballot_back (JpStationBallot *self)
{
  g_return_if_fail (JP_IS_STATION_BALLOT (self));

  if (self->state == JP_STATION_BALLOT_REVIEW)
    set_state (self, JP_STATION_BALLOT_CHOOSING);
}

static void
ballot_submitted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JpStationBallot) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean accepted = jp_meeting_client_submit_ballot_finish (JP_MEETING_CLIENT (source),
                                                              result, &error);
  JpSubmissionOutcome outcome = jp_submission_outcome (accepted, error, result);

  /* a ballot the window no longer waits for (received meanwhile, closed) shows no more */
  if (outcome == JP_SUBMISSION_CANCELLED || self->state != JP_STATION_BALLOT_SENDING)
    return;
  switch (outcome)
    {
    case JP_SUBMISSION_ACCEPTED:
      show_received (self);
      break;
    case JP_SUBMISSION_NOT_SENT:
      show_status (self, JP_STATION_BALLOT_QUEUED, "network-offline-symbolic",
                   _("Saved; it will be sent automatically when the network is back"),
                   _("The host cannot be reached just now. Your ballot is kept on this "
                     "station and sent as soon as the connection returns; it will be counted "
                     "once. You need not vote again."));
      break;
    case JP_SUBMISSION_STORED_BEFORE:
      show_status (self, JP_STATION_BALLOT_REFUSED, "action-unavailable-symbolic",
                   _("You Have Already Voted"), error->message);
      break;
    case JP_SUBMISSION_REFUSED:
    case JP_SUBMISSION_CANCELLED:
    default:
      show_status (self, JP_STATION_BALLOT_REFUSED, "action-unavailable-symbolic",
                   _("Ballot Refused"), error->message);
      break;
    }
}

void
jp_station_ballot_submit (JpStationBallot *self)
{
  g_auto(GStrv) marks = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;

  g_return_if_fail (JP_IS_STATION_BALLOT (self));

  if (self->state != JP_STATION_BALLOT_REVIEW)
    return;
  /* The key is drawn once and reused by every later attempt, so the host counts this
   * ballot once however often it is sent. */
  key = jp_submission_key (&self->submission, &error);
  if (key == NULL)
    {
      show_status (self, JP_STATION_BALLOT_REFUSED, "action-unavailable-symbolic",
                   _("Ballot Not Sent"), error->message);
      return;
    }
  marks = jp_station_ballot_get_marks (self);
  set_state (self, JP_STATION_BALLOT_SENDING);
  /* No cancellable: a ballot in flight must finish (or stay queued) even if the window
   * closes. */
  jp_meeting_client_submit_ballot_async (self->client, self->round_id,
                                         (const char *const *) marks, key, NULL,
                                         ballot_submitted, g_object_ref (self));
}

void
jp_station_ballot_set_voted (JpStationBallot *self)
{
  g_return_if_fail (JP_IS_STATION_BALLOT (self));

  if (self->state != JP_STATION_BALLOT_RECEIVED && self->state != JP_STATION_BALLOT_LOADING)
    show_received (self);
}

void
jp_station_ballot_set_closed (JpStationBallot *self)
{
  g_return_if_fail (JP_IS_STATION_BALLOT (self));

  if (self->state == JP_STATION_BALLOT_RECEIVED || self->state == JP_STATION_BALLOT_CLOSED)
    return;
  show_status (self, JP_STATION_BALLOT_CLOSED, "jp-ballot-symbolic",
               _("Voting in this round has ended"),
               self->state == JP_STATION_BALLOT_QUEUED
               ? _("The chair closed the round before your saved ballot reached the host.")
               : _("The chair closed the round. No more ballots are accepted."));
}

static const JpStationFlow flow = {
  (JpStationStep) (void (*) (void)) jp_station_ballot_review,
  (JpStationStep) (void (*) (void)) jp_station_ballot_back,
  (JpStationStep) (void (*) (void)) jp_station_ballot_submit,
};

static void
jp_station_ballot_dispose (GObject *object)
{
  JpStationBallot *self = JP_STATION_BALLOT (object);

  g_cancellable_cancel (self->cancellable);
  /* the bin's child is the bound stack: let go of it once, here */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_STATION_BALLOT);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  jp_submission_reset (&self->submission);
  g_clear_pointer (&self->round_title, g_free);

  G_OBJECT_CLASS (jp_station_ballot_parent_class)->dispose (object);
}

static void
jp_station_ballot_class_init (JpStationBallotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_station_ballot_dispose;

  signals[SIGNAL_OPEN_DOSSIER] =
    g_signal_new ("open-dossier", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_type_ensure (JP_TYPE_CONFIRM_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-station-ballot.ui");
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, stack);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, hint_label);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, list);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, count_label);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, message_label);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, review_button);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, review_page);
  gtk_widget_class_bind_template_child (widget_class, JpStationBallot, status_page);

  jp_station_flow_install (widget_class, "ballot", &flow);
  gtk_widget_class_install_action (widget_class, "ballot.dossier", "s", action_dossier);
}

static void
jp_station_ballot_init (JpStationBallot *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ballot_row_free);
  self->max_choices = 1;
  set_state (self, JP_STATION_BALLOT_LOADING);
}

GtkWidget *
jp_station_ballot_new (JpMeetingClient *client,
                       gint64           round_id)
{
  JpStationBallot *self;

  g_return_val_if_fail (JP_IS_MEETING_CLIENT (client), NULL);

  self = g_object_new (JP_TYPE_STATION_BALLOT, NULL);
  self->client = g_object_ref (client);
  self->round_id = round_id;
  jp_meeting_client_get_round_async (client, round_id, self->cancellable, round_loaded,
                                     g_object_ref (self));
  return GTK_WIDGET (self);
}

gint64
jp_station_ballot_get_round_id (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), 0);
  return self->round_id;
}

JpStationBallotState
jp_station_ballot_get_state (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), JP_STATION_BALLOT_FAILED);
  return self->state;
}

GStrv
jp_station_ballot_get_codes (JpStationBallot *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    g_strv_builder_add (b, ((BallotRow *) self->rows->pdata[i])->code);
  return g_strv_builder_end (b);
}

static BallotRow *
find_row (JpStationBallot *self,
          const char      *code)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (((BallotRow *) self->rows->pdata[i])->code, code) == 0)
      return self->rows->pdata[i];
  return NULL;
}

GtkCheckButton *
jp_station_ballot_get_check (JpStationBallot *self,
                             const char      *code)
{
  BallotRow *row;

  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  row = find_row (self, code);
  return row != NULL ? row->check : NULL;
}

gboolean
jp_station_ballot_is_conflicted (JpStationBallot *self,
                                 const char      *code)
{
  BallotRow *row;

  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), FALSE);
  row = find_row (self, code);
  return row != NULL && row->check == NULL;
}

GStrv
jp_station_ballot_get_marks (JpStationBallot *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      BallotRow *row = self->rows->pdata[i];

      if (row->check != NULL && gtk_check_button_get_active (row->check))
        g_strv_builder_add (b, row->code);
    }
  return g_strv_builder_end (b);
}

const char *
jp_station_ballot_get_count_text (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
jp_station_ballot_get_message_text (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  return gtk_label_get_text (self->message_label);
}

const char *
jp_station_ballot_get_review_text (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  return jp_confirm_page_get_text (self->review_page);
}

const char *
jp_station_ballot_get_status_title (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  return adw_status_page_get_title (self->status_page);
}

const char *
jp_station_ballot_get_status_text (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  return adw_status_page_get_description (self->status_page);
}

GtkWidget *
jp_station_ballot_get_review_button (JpStationBallot *self)
{
  g_return_val_if_fail (JP_IS_STATION_BALLOT (self), NULL);
  return self->review_button;
}
