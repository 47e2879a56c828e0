/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "meeting/jp-meeting-server.h"

G_BEGIN_DECLS

#define JP_TYPE_JOIN_DIALOG (jp_join_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpJoinDialog, jp_join_dialog, JP, JOIN_DIALOG, AdwWindow)

/* "Join a meeting": asks the host address (host or host:port), the member code and the PIN,
 * logs in with a JpMeetingClient over TLS and, on success, opens a JpStationWindow (in the
 * application of `parent`, if any), remembers the host in the "last-host" setting and
 * closes itself. `host` (nullable) prefills the address; NULL uses the last host.
 *
 * Signal "joined" (JpStationWindow *window): the station window just presented. */
GtkWidget   *jp_join_dialog_new             (GtkWindow  *parent,
                                             const char *host);

GtkEditable *jp_join_dialog_get_host_entry  (JpJoinDialog *self);
GtkEditable *jp_join_dialog_get_code_entry  (JpJoinDialog *self);
GtkEditable *jp_join_dialog_get_pin_entry   (JpJoinDialog *self);

/* TLS pinning: the first time a station joins a host (no fingerprint pinned for its
 * host:port) nothing is sent; the dialog shows the fingerprint the host presented, in large
 * type, and asks the member to check it against the chair's screen. A host presenting
 * another certificate than the pinned one gets a warning naming both fingerprints. The
 * fingerprint awaiting the member's confirmation, or NULL (borrowed): */
const char  *jp_join_dialog_get_unconfirmed_fingerprint (JpJoinDialog *self);
/* Same as pressing "The Fingerprints Match": pins it for the host:port and joins. */
void         jp_join_dialog_trust_fingerprint (JpJoinDialog *self);

/* Same as pressing "Join". */
void         jp_join_dialog_join            (JpJoinDialog *self);
/* TRUE while a login is under way. */
gboolean     jp_join_dialog_is_busy         (JpJoinDialog *self);
/* The error shown under the form, or NULL when none is shown (borrowed). */
const char  *jp_join_dialog_get_error       (JpJoinDialog *self);

/* Parses what the member typed as the host: "host", "host:port", "[v6]:port", optionally
 * with "http://" or "https://" in front; the port defaults to JP_MEETING_DEFAULT_PORT. Sets
 * `base_uri` ("https://host:port", newly allocated: TLS whatever was typed). FALSE with a G_IO_ERROR_INVALID_ARGUMENT message
 * naming the text when it is empty or the port is not 1-65535. */
gboolean     jp_join_parse_host             (const char  *text,
                                             char       **base_uri,
                                             GError     **error);

G_END_DECLS
