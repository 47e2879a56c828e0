/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "meeting/jp-meeting-service.h"
#include "ui/widgets/jp-tally-chart.h"
#include "ui/chair/jp-projector-defence.h"
#include "core/jp-ranking.h"

G_BEGIN_DECLS

#define JP_TYPE_PROJECTOR_WINDOW (jp_projector_window_get_type ())
G_DECLARE_FINAL_TYPE (JpProjectorWindow, jp_projector_window, JP, PROJECTOR_WINDOW, GtkWindow)

/* Returns: (transfer none): a window for the room's second screen following `service`
 * (referenced): the election title, the round opened last with its ballots received (updated
 * from the service's "progress" signal, no polling), its codes in drawn order, the tally as a
 * chart once the round is closed AND its results were published, and the current candidate
 * with the members who must step out. */
JpProjectorWindow *jp_projector_window_new       (JpMeetingService *service);

/* Shows round `round_id` (0: none) until the service opens another one. */
void               jp_projector_window_set_round (JpProjectorWindow *self,
                                                  gint64             round_id);
/* Marks a round whose results the chair published before this window was opened. */
void               jp_projector_window_mark_published (JpProjectorWindow *self,
                                                       gint64             round_id);

/* The line members join by: the host's address(es) and the fingerprint of its certificate
 * (the same the chair's page shows), or hidden for NULL `addresses`. */
void               jp_projector_window_set_host  (JpProjectorWindow *self,
                                                  const char        *addresses,
                                                  const char        *fingerprint);

/* Dark (light text on black, the default) or light theme, per window. */
void               jp_projector_window_set_dark  (JpProjectorWindow *self,
                                                  gboolean           dark);
gboolean           jp_projector_window_get_dark  (JpProjectorWindow *self);

/* Fullscreen on `monitor`, or back to a window for NULL. */
void               jp_projector_window_show_on   (JpProjectorWindow *self,
                                                  GdkMonitor        *monitor);

/* The defence view (jp-projector-defence.h) of `code` ("defence" mode), or back to the
 * ballot views for NULL `code`. */
void               jp_projector_window_show_defence (JpProjectorWindow *self,
                                                     const char        *heading,
                                                     const char        *code,
                                                     int                position,
                                                     int                count,
                                                     const JpTimer     *timer,
                                                     const char        *step_out);

/* The composite ranking as the chair published it (copied): rank, code, trade, V, O, D,
 * C, recommended and tied marked, 25 rows a page turning by itself; NULL hides it. */
void               jp_projector_window_show_ranking (JpProjectorWindow *self,
                                                     const JpRanking   *ranking);

/* for tests */
GtkGrid           *jp_projector_window_get_ranking_grid (JpProjectorWindow *self);
JpProjectorDefence *jp_projector_window_get_defence (JpProjectorWindow *self);
/* "idle", "round", "tally" or "candidate" */
const char        *jp_projector_window_get_mode          (JpProjectorWindow *self);
GtkLabel          *jp_projector_window_get_count_label   (JpProjectorWindow *self);
GtkLabel          *jp_projector_window_get_round_label   (JpProjectorWindow *self);
GtkLabel          *jp_projector_window_get_codes_label   (JpProjectorWindow *self);
GtkLabel          *jp_projector_window_get_step_out_label (JpProjectorWindow *self);
GtkLabel          *jp_projector_window_get_candidate_label (JpProjectorWindow *self);
JpTallyChart      *jp_projector_window_get_chart         (JpProjectorWindow *self);
GtkLabel          *jp_projector_window_get_host_label    (JpProjectorWindow *self);

G_END_DECLS
