/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The steps the two station forms share (the ballot, JpStationBallot; the defence score
 * sheet, JpScoreSheet): the member fills the form in, reviews on a confirmation page what
 * will be sent, goes back or submits; what the host answered shows on a status page. Each
 * form keeps only its own steps: it installs them as the actions "PREFIX.review",
 * "PREFIX.back" and "PREFIX.submit" and says which step it is at. */

typedef void (*JpStationStep) (GtkWidget *form);

typedef struct {
  JpStationStep review;
  JpStationStep back;
  JpStationStep submit;
} JpStationFlow;

/* Installs the three actions of `widget_class`; `flow` must be static. */
void jp_station_flow_install (GtkWidgetClass      *widget_class,
                              const char          *prefix,
                              const JpStationFlow *flow);
/* Enables "review" while the form is filled in and "back" and "submit" while the
 * confirmation page shows. */
void jp_station_flow_update  (GtkWidget           *form,
                              const char          *prefix,
                              gboolean             filling,
                              gboolean             confirming);
/* Puts `icon`, `title` and `description` on the form's status page. */
void jp_station_show_status  (AdwStatusPage       *page,
                              const char          *icon,
                              const char          *title,
                              const char          *description);

G_END_DECLS
