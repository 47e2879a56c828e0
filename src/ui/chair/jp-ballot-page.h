/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "store/jp-store-rounds.h"
#include "meeting/jp-meeting-server.h"

G_BEGIN_DECLS

#define JP_TYPE_BALLOT_PAGE (jp_ballot_page_get_type ())
G_DECLARE_FINAL_TYPE (JpBallotPage, jp_ballot_page, JP, BALLOT_PAGE, AdwBin)

/* Returns: (transfer floating): the chair's committee-ballot stage: hosting the meeting,
 * opening, watching, closing, publishing and sealing the rounds of each trade, paper ballots,
 * the current candidate and the projector. Empty until a store is set. */
GtkWidget        *jp_ballot_page_new        (void);

/* Shows `store` (a reference is kept; NULL clears). A running meeting is ended first. */
void              jp_ballot_page_set_store  (JpBallotPage *self,
                                             JpStore      *store);

/* Reads the trades, seats, freeze and rounds again (after a change in the setup). */
void              jp_ballot_page_reload     (JpBallotPage *self);

/* The meeting service over the store (exists while a store is set; borrowed). */
JpMeetingService *jp_ballot_page_get_service (JpBallotPage *self);
/* The running server, NULL when the meeting is not hosted (borrowed). */
JpMeetingServer  *jp_ballot_page_get_server  (JpBallotPage *self);

/* Hosts the meeting on `port` (0: any free port) on every IPv4 address, as the "Host the
 * meeting" button does with the port spin. FALSE with the server's error (shown too). */
gboolean          jp_ballot_page_host        (JpBallotPage  *self,
                                              guint          port,
                                              GError       **error);
/* Ends the meeting without asking: every token is revoked, the server stops. */
void              jp_ballot_page_end_meeting (JpBallotPage *self);
/* Revokes every member's PIN (jp_meeting_service_revoke_pins), as the end-meeting
 * confirmation does when its check button is on. FALSE with the error (shown too). */
gboolean          jp_ballot_page_revoke_pins (JpBallotPage  *self,
                                              GError       **error);

G_END_DECLS
