/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "meeting/jp-meeting-server.h"

G_BEGIN_DECLS

#define JP_TYPE_APPLICATION (jp_application_get_type ())
G_DECLARE_FINAL_TYPE (JpApplication, jp_application, JP, APPLICATION, AdwApplication)

/* A new application object for the id cn.jiangping.Jiangping (full reference). */
JpApplication *jp_application_new (void);

/* The meeting server running in this process (the chair's
 * console hosts the meeting), so that the host's member window logs in over loopback to the
 * right port and trusts that certificate. The ballot page sets it when the meeting starts and
 * clears it (NULL) when it stops; the application holds a reference meanwhile. */
void             jp_application_set_local_server (JpApplication   *self,
                                                  JpMeetingServer *server);
/* Returns: (transfer none) (nullable). */
JpMeetingServer *jp_application_get_local_server (JpApplication   *self);

G_END_DECLS
