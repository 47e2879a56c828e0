/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Shared by the parts of JpDefencePage: jp-defence-page.c (the session, the candidates, the
 * timers, construction) and jp-defence-page-actions.c (the chair's acts that ask for a
 * written reason, close and seal). */

#include "meeting/jp-meeting-service-defence.h"
#include "store/jp-store-defence.h"
#include "ui/chair/jp-defence-page.h"
#include "ui/chair/jp-defence-paper.h"
#include "ui/widgets/jp-store-watch.h"

G_BEGIN_DECLS

/* What a reason dialog is for. */
typedef enum {
  ASK_UNLOCK,
  ASK_REVISE,
  ASK_ABSENCE,
} AskKind;

struct _JpDefencePage
{
  AdwBin            parent_instance;

  GtkDropDown      *trade_dropdown;
  GtkStringList    *trade_codes;     /* parallel to the dropdown's names */
  GtkLabel         *session_label;
  GtkWidget        *open_button;
  GtkListBox       *candidate_list;
  GtkLabel         *current_label;
  GtkLabel         *phase_label;
  GtkLabel         *timer_label;
  GtkWidget        *start_button;
  GtkLabel         *detail_label;
  GtkBox           *sheets_box;
  GtkLabel         *message_label;
  GtkExpander      *paper_expander;
  JpDefencePaper   *paper;

  JpStore          *store;
  JpStoreWatch     *watch;           /* JpStore::changed: the page follows the store when
                                      * nothing is hosted (paper sheets, a restored file) */
  JpMeetingService *service;         /* the meeting's, or the page's own: live events */
  JpDefenceSession *session;
  char             *selected;        /* code of the candidate shown in detail */
  JpTimer           timers[2];       /* presentation, questions */
  int               phase;
  guint             tick_source;
  char             *step_out_text;
  char             *heading_text;
};

/* The page's message line: `message` (NULL hides it). */
void jp_defence_page_show_message (JpDefencePage *self,
                                   const char    *message);
/* The store's or the service's refusal, with the error bell. */
void jp_defence_page_show_error   (JpDefencePage *self,
                                   GError        *error);
/* The candidate `code` of the session shown, or NULL. (transfer none) */
const JpDefenceCandidate *jp_defence_page_find_candidate (JpDefencePage *self,
                                                          const char    *code);

/* the buttons' handlers (jp-defence-page-actions.c) */
void jp_defence_page_on_unlock_clicked  (GtkButton     *button,
                                         JpDefencePage *self);
void jp_defence_page_on_revise_clicked  (GtkButton     *button,
                                         JpDefencePage *self);
void jp_defence_page_on_absence_clicked (JpDefencePage *self);
void jp_defence_page_on_close_clicked   (JpDefencePage *self);
void jp_defence_page_on_seal_clicked    (JpDefencePage *self);

G_END_DECLS
