/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/chair/jp-ballot-page-private.h"

/* The selected round of the ballot page: progress, tally, the chair's actions, the current
 * candidate and paper ballots. */

static void
update_not_voted (JpBallotPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) panel = jp_store_round_panel (self->store, self->round_id, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  if (panel == NULL)
    {
      gtk_label_set_text (self->not_voted_label, error->message);
      return;
    }
  /* who has voted, never what: the panel carries nothing else */
  for (guint i = 0; panel != NULL && i < panel->len; i++)
    {
      const JpPanelMember *m = panel->pdata[i];

      if (!m->voted)
        g_strv_builder_add (names, m->name != NULL && *m->name ? m->name : m->code);
    }
  list = g_strv_builder_end (names);
  joined = g_strjoinv ("、", list);
  text = list[0] != NULL ? g_strdup_printf (_("Not voted yet: %s"), joined)
                         : g_strdup (_("Every member of the panel has voted."));
  gtk_label_set_text (self->not_voted_label, text);
}

void
jp_ballot_page_update_progress (JpBallotPage *self,
                                int           n_cast,
                                int           n_panel)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: ballots received / members on the panel */
  text = g_strdup_printf (_("%d / %d ballots received"), n_cast, n_panel);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_panel > 0 ? CLAMP ((double) n_cast / n_panel, 0, 1) : 0);
  update_not_voted (self);
}

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
grid_cell (GtkGrid    *grid,
           int         column,
           int         row,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (column == 3)
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static const char *
outcome_class (JpTallyOutcome outcome)
{
  switch (outcome)
    {
    case JP_TALLY_ADVANCED:
      return "jp-outcome-advanced";
    case JP_TALLY_RUNOFF:
      return "jp-outcome-runoff";
    case JP_TALLY_OUT:
    default:
      return "jp-outcome-out";
    }
}

static void
show_tally (JpBallotPage  *self,
            const JpTally *tally)
{
  g_autofree char *counts = NULL;

  grid_clear (self->tally_grid);
  grid_cell (self->tally_grid, 0, 0, _("Code"), "heading");
  grid_cell (self->tally_grid, 1, 0, _("Votes"), "heading");
  grid_cell (self->tally_grid, 2, 0, _("Rank"), "heading");
  grid_cell (self->tally_grid, 3, 0, _("Outcome"), "heading");
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      const JpTallyCandidate *c = tally->candidates->pdata[i];
      g_autofree char *votes = g_strdup_printf ("%d", c->votes);
      g_autofree char *rank = g_strdup_printf ("%d", c->rank);
      const char *cls = outcome_class (c->outcome);

      grid_cell (self->tally_grid, 0, i + 1, c->code, cls);
      grid_cell (self->tally_grid, 1, i + 1, votes, "numeric");
      grid_cell (self->tally_grid, 2, i + 1, rank, "numeric");
      grid_cell (self->tally_grid, 3, i + 1,
                 tally->void_round ? _("Void") : jp_tally_outcome_label (c->outcome), cls);
    }
  counts = g_strdup_printf (_("Ballots: present %d · cast %d · valid %d · invalid %d · "
                              "blank %d"), tally->present, tally->cast, tally->valid,
                            tally->invalid, tally->blank);
  gtk_label_set_text (self->counts_label, counts);
  gtk_widget_set_visible (GTK_WIDGET (self->void_label), tally->void_round);
}

static void
rebuild_current (JpBallotPage  *self,
                 const JpRound *round)
{
  g_autoptr(GtkStringList) codes = gtk_string_list_new (NULL);
  const char *current = jp_meeting_service_get_current_candidate (self->service);
  g_auto(GStrv) stepping = jp_meeting_service_get_stepping_out (self->service);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = jp_store_list_members (self->store, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  guint selected = 0;

  for (guint i = 0; i < round->candidates->len; i++)
    {
      const JpRoundCandidate *c = round->candidates->pdata[i];

      gtk_string_list_append (codes, c->code);
      if (g_strcmp0 (c->code, current) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->current_dropdown, G_LIST_MODEL (codes));
  gtk_drop_down_set_selected (self->current_dropdown, selected);

  for (guint i = 0; stepping[i] != NULL; i++)
    {
      const char *name = stepping[i];

      for (guint j = 0; members != NULL && j < members->len; j++)
        if (g_strcmp0 (((JpMember *) members->pdata[j])->code, stepping[i]) == 0)
          name = ((JpMember *) members->pdata[j])->name;
      g_strv_builder_add (names, name);
    }
  list = g_strv_builder_end (names);
  joined = g_strjoinv ("、", list);
  if (current == NULL)
    text = g_strdup ("");
  else if (list[0] == NULL)
    text = g_strdup_printf (_("Discussing %s: no member needs to step out."), current);
  else
    /* TRANSLATORS: %s code, then the names of the conflicted members */
    text = g_strdup_printf (_("Discussing %s. Step out: %s"), current, joined);
  if (members == NULL && current != NULL)
    {
      /* the codes stand in for the names; say why */
      g_autofree char *with_error = g_strdup_printf ("%s\n%s", text, error->message);

      gtk_label_set_text (self->step_out_label, with_error);
      return;
    }
  gtk_label_set_text (self->step_out_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_current_button), current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.end-discussion", current != NULL);
}

static void
update_close_hint (JpBallotPage  *self,
                   const JpRound *round)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GError) error = NULL;
  int n1, n2;

  gtk_label_set_text (self->close_hint, "");
  if (round->state != JP_ROUND_STATE_OPEN)
    return;
  n1 = jp_store_count_paper_entries (self->store, round->id, 1);
  n2 = jp_store_count_paper_entries (self->store, round->id, 2);
  if (n1 == 0 && n2 == 0)
    return;
  diffs = jp_store_paper_differences (self->store, round->id, &error);
  if (diffs == NULL)
    gtk_label_set_text (self->close_hint, error->message);
  else if (n1 == 0 || n2 == 0)
    gtk_label_set_text (self->close_hint,
                        _("The round cannot close until a second scrutineer has entered the "
                          "paper ballots again (pass 2)."));
  else if (diffs != NULL && diffs->len > 0)
    gtk_label_set_text (self->close_hint,
                        _("The round cannot close while the two passes of paper ballots "
                          "differ. Check the listed serials against the paper and correct "
                          "the wrong pass."));
}

void
jp_ballot_page_show_round (JpBallotPage *self)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean open, closed, published, runoff;

  gtk_widget_set_visible (GTK_WIDGET (self->round_error), FALSE);
  if (self->store != NULL && self->round_id != 0)
    {
      round = jp_store_get_round (self->store, self->round_id, &error);
      if (round == NULL)
        jp_ballot_page_report (self, _("Could Not Show the Round"), error);
    }
  if (round == NULL)
    jp_ballot_page_release_focus (self, self->round_box, NULL);
  gtk_widget_set_visible (self->round_box, round != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.discuss", round != NULL);
  if (round == NULL)
    {
      static const char *const commands[] = { "round.close", "round.publish", "round.seal",
                                              "round.runoff", "round.end-discussion" };

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), commands[i], FALSE);
      jp_paper_entry_set_round (self->paper_entry, NULL, 0);
      return;
    }
  open = round->state == JP_ROUND_STATE_OPEN;
  closed = round->state >= JP_ROUND_STATE_CLOSED;
  published = g_hash_table_contains (self->published, &round->id);

  title = g_strdup_printf (_("%s (%s) · round %d — %s"), round->trade_name, round->trade_code,
                           round->number,
                           open ? _("voting is open")
                           : round->state == JP_ROUND_STATE_SEALED ? _("sealed")
                           : closed ? _("closed") : _("not opened"));
  gtk_label_set_text (self->round_title, title);

  /* the live count of electronic ballots while voting; once closed, the tally's counts
   * (paper ballots included) are the ones that matter */
  gtk_widget_set_visible (self->progress_box, open);
  jp_ballot_page_update_progress (self, round->n_cast, round->n_panel);
  gtk_widget_set_visible (GTK_WIDGET (self->not_voted_label), open);

  /* no tally anywhere before the close */
  /* A tally that cannot be computed (the file was altered, it cannot be read) is said so
   * on the page: an empty tally would look like a round nobody voted in. */
  if (closed && (tally = jp_store_get_tally (self->store, round->id, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The tally cannot be shown. %s"),
                                               error->message);

      gtk_label_set_text (self->round_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->round_error), TRUE);
    }
  gtk_widget_set_visible (self->tally_box, tally != NULL);
  if (tally != NULL)
    {
      g_autofree char *digest = g_strdup_printf (_("Result digest (SHA-256): %s"),
                                                 tally->digest);

      show_tally (self, tally);
      gtk_label_set_text (self->digest_label, digest);
    }

  runoff = tally != NULL && tally->runoff_codes != NULL && tally->runoff_codes[0] != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.close", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.publish", closed && !published);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.seal",
                                 round->state == JP_ROUND_STATE_CLOSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "round.runoff", runoff);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), open);
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), closed);
  gtk_button_set_label (self->publish_button,
                        published ? _("Results Published") : _("_Publish Results"));
  gtk_widget_set_visible (GTK_WIDGET (self->seal_button),
                          round->state == JP_ROUND_STATE_CLOSED);
  gtk_widget_set_visible (GTK_WIDGET (self->runoff_button), runoff);
  gtk_widget_set_visible (GTK_WIDGET (self->report_button), tally != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->report_button), "(sx)", "tally-report",
                                    round->id);
  update_close_hint (self, round);
  rebuild_current (self, round);

  if (!open)
    jp_ballot_page_release_focus (self, self->paper_box, NULL);
  gtk_widget_set_visible (self->paper_box, open);
  jp_paper_entry_set_round (self->paper_entry, open ? self->store : NULL,
                            open ? round->id : 0);
  if (self->projector != NULL)
    jp_projector_window_set_round (self->projector, round->id);
}

gboolean
jp_ballot_page_close_confirmed (JpBallotPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_meeting_service_close_round (self->service, self->round_id, &error))
    {
      jp_ballot_page_report (self, _("Could Not Close the Round"), error);
      return FALSE;
    }
  jp_ballot_page_reload_rounds (self);
  return TRUE;
}

gboolean
jp_ballot_page_seal_confirmed (JpBallotPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_meeting_service_seal_round (self->service, self->round_id, &error))
    {
      jp_ballot_page_report (self, _("Could Not Seal the Round"), error);
      return FALSE;
    }
  jp_ballot_page_reload_rounds (self);
  return TRUE;
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     JpBallotPage     *self)
{
  if (g_strcmp0 (response, "close") == 0)
    jp_ballot_page_close_confirmed (self);
  else if (g_strcmp0 (response, "seal") == 0)
    jp_ballot_page_seal_confirmed (self);
}

static void
confirm (JpBallotPage *self,
         const char   *heading,
         const char   *body,
         const char   *response,
         const char   *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (
                                                           GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    response, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
jp_ballot_page_close_question (JpBallotPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = jp_store_get_round (self->store, self->round_id, &error);
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(JpSettings) settings = jp_store_get_settings (self->store);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int needed;

  if (round == NULL || (panel = jp_store_round_panel (self->store, self->round_id, &error))
                       == NULL)
    return g_strdup (error->message);
  for (guint i = 0; panel != NULL && i < panel->len; i++)
    {
      const JpPanelMember *m = panel->pdata[i];

      if (!m->voted)
        g_strv_builder_add (names, m->name != NULL && *m->name ? m->name : m->code);
    }
  list = g_strv_builder_end (names);
  /* TRANSLATORS: ballots received / members on the panel */
  g_string_append_printf (text, _("%d of %d ballots received."), round->n_cast, round->n_panel);
  if (list[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("、", list);

      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u member has not voted: %s.",
                                              "%u members have not voted: %s.",
                                              g_strv_length (list)),
                              g_strv_length (list), joined);
    }
  needed = jp_round_quorum_needed (round->n_panel, settings->quorum_num, settings->quorum_den);
  if (round->n_cast < needed)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Fewer ballots than the quorum (%d) were cast: the "
                                      "result rests on few votes."), needed);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("No more ballots are accepted and the result is counted. A closed "
                           "round cannot be opened again."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
action_close (GtkWidget *widget, const char *name, GVariant *param)
{
  JpBallotPage *self = JP_BALLOT_PAGE (widget);
  g_autofree char *body = jp_ballot_page_close_question (self);

  confirm (self, _("Close the Round?"), body, "close", _("Close and C_ount"));
}

static void
action_seal (GtkWidget *widget, const char *name, GVariant *param)
{
  JpBallotPage *self = JP_BALLOT_PAGE (widget);
  confirm (self, _("Seal the Round?"),
           _("The result becomes final. A sealed round can never be changed."), "seal",
           _("_Seal"));
}

static void
action_publish (GtkWidget *widget, const char *name, GVariant *param)
{
  JpBallotPage *self = JP_BALLOT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!jp_meeting_service_publish_results (self->service, self->round_id, &error))
    {
      /* on the page too, beside the result the stations did not get */
      gtk_label_set_text (self->close_hint, error->message);
      jp_ballot_page_report (self, _("Could Not Publish the Results"), error);
    }
}

static void
action_runoff (GtkWidget *widget, const char *name, GVariant *param)
{
  JpBallotPage *self = JP_BALLOT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = jp_meeting_service_create_runoff (self->service, self->round_id, &error);

  if (id == 0)
    {
      jp_ballot_page_report (self, _("Could Not Start the Run-off"), error);
      return;
    }
  self->round_id = id;
  jp_ballot_page_reload_rounds (self);
}

static void
action_current (GtkWidget *widget, const char *name, GVariant *param)
{
  JpBallotPage *self = JP_BALLOT_PAGE (widget);
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->current_dropdown);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!jp_meeting_service_set_current_candidate (self->service,
                                                 gtk_string_object_get_string (item), &error))
    jp_ballot_page_report (self, _("Could Not Set the Current Candidate"), error);
}

static void
action_clear_current (GtkWidget *widget, const char *name, GVariant *param)
{
  JpBallotPage *self = JP_BALLOT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!jp_meeting_service_set_current_candidate (self->service, NULL, &error))
    jp_ballot_page_report (self, _("Could Not End the Discussion"), error);
}

static void
on_current_candidate_changed (JpBallotPage *self)
{
  jp_ballot_page_show_round (self);
}

static void
on_paper_entry_changed (JpBallotPage *self)
{
  g_autoptr(JpRound) round = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  round = jp_store_get_round (self->store, self->round_id, &error);
  if (round == NULL)
    gtk_label_set_text (self->close_hint, error->message);
  else
    update_close_hint (self, round);
}

void
jp_ballot_page_connect_round_signals (JpBallotPage *self)
{
  g_signal_connect_object (self->service, "current-candidate-changed",
                           G_CALLBACK (on_current_candidate_changed), self, G_CONNECT_SWAPPED);
}

void
jp_ballot_page_round_class_init (GtkWidgetClass *widget_class)
{
  /* The chair's commands on a round, as actions: the buttons, the keyboard and the tests all
   * go through them, and a command the round's state does not allow is disabled (so its
   * shortcut does nothing). The shortcuts are listed in the shortcuts window. */
  gtk_widget_class_install_action (widget_class, "round.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "round.publish", NULL, action_publish);
  gtk_widget_class_install_action (widget_class, "round.seal", NULL, action_seal);
  gtk_widget_class_install_action (widget_class, "round.runoff", NULL, action_runoff);
  gtk_widget_class_install_action (widget_class, "round.discuss", NULL, action_current);
  gtk_widget_class_install_action (widget_class, "round.end-discussion", NULL,
                                   action_clear_current);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "round.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "round.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "round.discuss", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "round.end-discussion", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_entry_changed);
}
