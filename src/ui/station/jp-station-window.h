/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "meeting/jp-meeting-client.h"
#include "ui/station/jp-station-ballot.h"
#include "ui/station/jp-station-defence.h"

G_BEGIN_DECLS

#define JP_TYPE_STATION_WINDOW (jp_station_window_get_type ())
G_DECLARE_FINAL_TYPE (JpStationWindow, jp_station_window, JP, STATION_WINDOW,
                      AdwApplicationWindow)

/* A member station: the window of a logged-in member, holding no election data of its own.
 * Shows the member and the connection state (with the ballots waiting in the client's
 * offline queue), the ballot rounds open for the member (GET /state, updated by the
 * events), the ballot of a round, the anonymised dossiers and their evidence. `client` is
 * logged in (referenced): its login (jp_meeting_client_get_login) names the member and the
 * election.
 * `app` may be NULL (tests). The events WebSocket is opened here.
 *
 * Signal "meeting-ended" (const char *message): the host ended the meeting; the window then
 * returns to the start screen (a JpWindow of the application, or a new one) with the message
 * and closes. */
JpStationWindow *jp_station_window_new            (GtkApplication  *app,
                                                   JpMeetingClient *client);

JpMeetingClient *jp_station_window_get_client     (JpStationWindow *self);

/* The open rounds as last received from the host, in the host's order. */
guint            jp_station_window_get_n_rounds   (JpStationWindow *self);
gint64           jp_station_window_get_round_id   (JpStationWindow *self,
                                                   guint            index);
/* Whether the host says this member has voted in the round (FALSE for an unknown round). */
gboolean         jp_station_window_get_round_voted (JpStationWindow *self,
                                                    gint64           round_id);
/* TRUE once the first GET /state has been answered; goes FALSE while a refresh runs. */
gboolean         jp_station_window_is_ready       (JpStationWindow *self);

/* Shows the ballot of a round (the same as choosing it in the list). */
void             jp_station_window_open_round     (JpStationWindow *self,
                                                   gint64           round_id);
/* The ballot shown, or NULL (borrowed). */
JpStationBallot *jp_station_window_get_ballot     (JpStationWindow *self);
/* Shows the anonymised dossier of `code` (as its button in the ballot does). */
void             jp_station_window_open_dossier   (JpStationWindow *self,
                                                   const char      *code);
/* Name of the page shown: "rounds", "ballot", "dossier" or "evidence". */
const char      *jp_station_window_get_page       (JpStationWindow *self);
/* Goes one page back (as the back button). */
void             jp_station_window_go_back        (JpStationWindow *self);

/* The connection state shown in the header ("Connected", "Reconnecting…", with the number
 * of queued ballots). Borrowed. */
const char      *jp_station_window_get_connection_text (JpStationWindow *self);
gboolean         jp_station_window_is_ended       (JpStationWindow *self);
/* The last "Ballot Not Accepted" dialog (a kept ballot the host refused when it was resent),
 * or NULL. Borrowed. */
GtkWindow       *jp_station_window_get_refusal_dialog (JpStationWindow *self);
/* Ends this member's session on the host (DELETE /session, the header's log-out button) and
 * returns to the start screen; the window goes away. */
void             jp_station_window_log_out        (JpStationWindow *self);

/* The defence's score sheet of this station (page "defence"). Returns: (transfer none). */
JpStationDefence *jp_station_window_get_defence (JpStationWindow *self);

G_END_DECLS
