/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "ui/chair/jp-ballot-page.h"
#include "ui/chair/jp-paper-entry.h"
#include "ui/chair/jp-projector-window.h"
#include "ui/widgets/jp-store-watch.h"

G_BEGIN_DECLS

struct _JpBallotPage
{
  AdwBin             parent_instance;

  /* template children */
  GtkWidget         *host_box;
  GtkSpinButton     *port_spin;
  GtkButton         *host_button;
  GtkWidget         *hosted_box;
  GtkLabel          *address_label;
  GtkLabel          *fingerprint_label;
  GtkLabel          *stations_label;
  GtkButton         *end_button;
  GtkDropDown       *monitor_dropdown;
  GtkButton         *projector_button;
  GtkSwitch         *dark_switch;
  GtkWidget         *freeze_banner;
  GtkWidget         *open_box;
  GtkDropDown       *trade_dropdown;
  GtkSpinButton     *seats_spin;
  GtkSpinButton     *choices_spin;
  GtkSpinButton     *present_spin;
  GtkButton         *open_button;
  GtkLabel          *open_hint;
  GtkListBox        *rounds_list;
  GtkWidget         *round_box;
  GtkLabel          *round_title;
  GtkLabel          *round_error;   /* why part of the round cannot be shown (store errors) */
  GtkWidget         *progress_box;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *not_voted_label;
  GtkWidget         *tally_box;
  GtkLabel          *void_label;
  GtkGrid           *tally_grid;
  GtkLabel          *counts_label;
  GtkLabel          *digest_label;
  GtkButton         *close_button;
  GtkButton         *publish_button;
  GtkButton         *seal_button;
  GtkButton         *runoff_button;
  GtkButton         *report_button;
  GtkLabel          *close_hint;
  GtkDropDown       *current_dropdown;
  GtkButton         *current_button;
  GtkButton         *clear_current_button;
  GtkLabel          *step_out_label;
  GtkWidget         *paper_box;
  JpPaperEntry      *paper_entry;
  GtkLabel          *finalists_label;

  JpStore           *store;
  JpStoreWatch      *watch;          /* JpStore::changed */
  GSettings         *settings;
  JpMeetingService  *service;
  JpMeetingServer   *server;
  JpProjectorWindow *projector;      /* weak */
  GStrv              trade_codes;    /* parallel to trade_dropdown */
  GHashTable        *published;      /* gint64* round ids published in this session */
  gint64             round_id;       /* the selected round, 0 if none */
  guint              stations_timeout;
  char              *last_error;
};

/* jp-ballot-page.c */
void     jp_ballot_page_reload_rounds (JpBallotPage *self);
void     jp_ballot_page_report        (JpBallotPage *self,
                                       const char   *heading,
                                       const GError *error);

void     jp_ballot_page_release_focus (JpBallotPage *self,
                                       GtkWidget    *box,
                                       GtkWidget    *to);

/* jp-ballot-page-round.c: the selected round */
void     jp_ballot_page_show_round     (JpBallotPage *self);
void     jp_ballot_page_update_progress (JpBallotPage *self,
                                         int           n_cast,
                                         int           n_panel);
void     jp_ballot_page_connect_round_signals (JpBallotPage *self);
void     jp_ballot_page_round_class_init (GtkWidgetClass *widget_class);

/* The round of a row of the rounds list, 0 for any other widget. */
gint64   jp_ballot_page_row_round_id    (GtkWidget    *row);
/* for tests: selects round `round_id` in the list; TRUE if found */
gboolean jp_ballot_page_select_round    (JpBallotPage *self,
                                         gint64        round_id);
gint64   jp_ballot_page_get_round_id    (JpBallotPage *self);
/* the confirmed halves of the buttons that ask first; `reason` is the chair's written
 * reason for a round the rules do not call for (NULL when they do) */
gboolean jp_ballot_page_open_confirmed  (JpBallotPage *self,
                                         const char   *reason);
/* the body of the close confirmation: who has not voted, the quorum (transfer full) */
char    *jp_ballot_page_close_question  (JpBallotPage *self);
/* the confirmed halves of the buttons that ask first */
gboolean jp_ballot_page_close_confirmed (JpBallotPage *self);
gboolean jp_ballot_page_seal_confirmed  (JpBallotPage *self);
/* the last refusal shown to the chair (the store's message), or NULL */
const char *jp_ballot_page_get_last_error (JpBallotPage *self);
JpProjectorWindow *jp_ballot_page_get_projector (JpBallotPage *self);

G_END_DECLS
