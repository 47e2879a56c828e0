/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "meeting/jp-meeting-client.h"
#include "ui/station/jp-score-sheet.h"

G_BEGIN_DECLS

#define JP_TYPE_STATION_DEFENCE (jp_station_defence_get_type ())
G_DECLARE_FINAL_TYPE (JpStationDefence, jp_station_defence, JP, STATION_DEFENCE, AdwBin)

/* The defence at a member station: the JpScoreSheet of the current candidate, loaded from
 * the host (GET /defence: the rubric, the member's draft, whether the member must step
 * out), the draft saved on the host as the member types (PUT /rounds/{id}/scores), the
 * submission (POST /rounds/{id}/scores). Reloads when the host says the current candidate
 * changed. The host checks every rule again; its refusals are shown in its words.
 *
 * Signals: "loaded" (): a reply of GET /defence was shown; "draft-saved" (): the host
 * stored the draft last typed. */
GtkWidget    *jp_station_defence_new       (JpMeetingClient *client);

/* Loads GET /defence again. */
void          jp_station_defence_reload    (JpStationDefence *self);

JpScoreSheet *jp_station_defence_get_sheet (JpStationDefence *self);
/* The defence round shown, 0 when none. */
gint64        jp_station_defence_get_round (JpStationDefence *self);
/* Whether a draft is waiting to be saved or being saved. */
gboolean      jp_station_defence_is_saving (JpStationDefence *self);

G_END_DECLS
