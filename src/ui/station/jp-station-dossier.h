/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "evidence/jp-evidence-document.h"
#include "meeting/jp-meeting-client.h"

G_BEGIN_DECLS

#define JP_TYPE_STATION_DOSSIER (jp_station_dossier_get_type ())
G_DECLARE_FINAL_TYPE (JpStationDossier, jp_station_dossier, JP, STATION_DOSSIER, AdwBin)

/* The anonymised dossier of one candidate at a member station (GET /dossiers/{code}): the
 * facts the host sends, the criteria claimed, summary and deeds, and the evidence list. A
 * chosen evidence file is downloaded (the host's anonymised copy) and handed on.
 *
 * Signal "evidence-ready" (JpEvidenceDocument *document): show it in the evidence viewer. */
GtkWidget  *jp_station_dossier_new        (JpMeetingClient *client,
                                           const char      *code);
const char *jp_station_dossier_get_code   (JpStationDossier *self);
/* TRUE once the dossier (or the host's refusal) has arrived. */
gboolean    jp_station_dossier_is_loaded  (JpStationDossier *self);
/* Number of evidence files listed. */
guint       jp_station_dossier_get_n_evidence (JpStationDossier *self);
/* Downloads evidence `index` (0-based) and emits "evidence-ready" (as its row does). */
void        jp_station_dossier_open_evidence  (JpStationDossier *self,
                                               guint             index);

G_END_DECLS
