/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "meeting/jp-meeting-client.h"

G_BEGIN_DECLS

typedef enum {
  JP_STATION_BALLOT_LOADING,   /* GET /rounds/{id} under way */
  JP_STATION_BALLOT_CHOOSING,  /* ticking codes */
  JP_STATION_BALLOT_REVIEW,    /* the review step before submitting */
  JP_STATION_BALLOT_SENDING,   /* submitted, no answer yet */
  JP_STATION_BALLOT_RECEIVED,  /* the host stored it (or had stored it before) */
  JP_STATION_BALLOT_QUEUED,    /* the host could not be reached: kept in the offline queue */
  JP_STATION_BALLOT_REFUSED,   /* the host refused it; the message says why */
  JP_STATION_BALLOT_CLOSED,    /* the round closed before this member's ballot arrived */
  JP_STATION_BALLOT_FAILED,    /* the round could not be loaded; the message says why */
} JpStationBallotState;

#define JP_TYPE_STATION_BALLOT (jp_station_ballot_get_type ())
G_DECLARE_FINAL_TYPE (JpStationBallot, jp_station_ballot, JP, STATION_BALLOT, AdwBin)

/* The ballot of one round at a member station: the anonymised candidates in the round's
 * drawn order (codes only), a check button per code except the conflicted ones (回避), a
 * live count that refuses the tick after max_choices with an explanation, a review step,
 * then the submission through `client` with an idempotency key made once for this ballot.
 * The host checks every rule again.
 *
 * Signals: "open-dossier" (const char *code): the member asked for a candidate's dossier;
 * "state-changed" (): see jp_station_ballot_get_state. */
GtkWidget           *jp_station_ballot_new         (JpMeetingClient *client,
                                                    gint64           round_id);

gint64               jp_station_ballot_get_round_id (JpStationBallot *self);
JpStationBallotState jp_station_ballot_get_state   (JpStationBallot *self);

/* The codes as listed, in the drawn order. Returns: (transfer full). */
GStrv                jp_station_ballot_get_codes   (JpStationBallot *self);
/* The check button of a code, NULL for a conflicted or unknown code (borrowed). */
GtkCheckButton      *jp_station_ballot_get_check   (JpStationBallot *self,
                                                    const char      *code);
gboolean             jp_station_ballot_is_conflicted (JpStationBallot *self,
                                                      const char      *code);
/* The codes ticked, in the drawn order. Returns: (transfer full). */
GStrv                jp_station_ballot_get_marks   (JpStationBallot *self);

/* Texts shown (borrowed): the live count, the refusal of an extra tick ("" when none), the
 * review step, and the title and description of the outcome. */
const char          *jp_station_ballot_get_count_text   (JpStationBallot *self);
const char          *jp_station_ballot_get_message_text (JpStationBallot *self);
const char          *jp_station_ballot_get_review_text  (JpStationBallot *self);
const char          *jp_station_ballot_get_status_title (JpStationBallot *self);
const char          *jp_station_ballot_get_status_text  (JpStationBallot *self);
/* The "Review Ballot" button of the choosing step (borrowed). */
GtkWidget           *jp_station_ballot_get_review_button (JpStationBallot *self);

/* The steps, as the buttons do (also the widget actions ballot.review, ballot.back and
 * ballot.submit). */
void                 jp_station_ballot_review      (JpStationBallot *self);
void                 jp_station_ballot_back        (JpStationBallot *self);
void                 jp_station_ballot_submit      (JpStationBallot *self);

/* Told by the window: the host says the member voted (a queued ballot arrived), or the
 * round was closed. */
void                 jp_station_ballot_set_voted   (JpStationBallot *self);
void                 jp_station_ballot_set_closed  (JpStationBallot *self);

G_END_DECLS
