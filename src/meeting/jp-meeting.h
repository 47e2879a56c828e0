/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* The meeting layer: the host's HTTP/WebSocket server (JpMeetingServer) over the meeting
 * state (JpMeetingService), the anonymised evidence copies, and the protocol client of the
 * member stations (JpMeetingClient). No GTK here: libsoup, json-glib, cairo and GIO. */

#include <gio/gio.h>

G_BEGIN_DECLS

#define JP_MEETING_ERROR (jp_meeting_error_quark ())
GQuark jp_meeting_error_quark (void);

typedef enum {
  JP_MEETING_ERROR_FAILED,        /* anything else; the message says what */
  JP_MEETING_ERROR_UNAUTHORIZED,  /* not logged in, wrong PIN, session ended (reason key) */
  JP_MEETING_ERROR_REFUSED,       /* a ballot refused by the host (reason key) */
  JP_MEETING_ERROR_NOT_FOUND,     /* unknown round, code or evidence */
  JP_MEETING_ERROR_BAD_REQUEST,   /* malformed request (should not happen with this client) */
  JP_MEETING_ERROR_NETWORK,       /* the host cannot be reached; the ballot stays queued */
  JP_MEETING_ERROR_CERTIFICATE,   /* the host's TLS certificate is not the pinned one (or none
                                   * is pinned yet); nothing was sent, the ballot stays queued */
  JP_MEETING_ERROR_PROTOCOL,      /* a reply of the host this station cannot read (a field
                                   * missing or of the wrong type); the message names it */
} JpMeetingError;

/* The default TCP port of the host. */
#define JP_MEETING_DEFAULT_PORT 8765
/* Request bodies larger than this are refused with 413 before they are parsed. */
#define JP_MEETING_MAX_BODY (64 * 1024)
/* Connections the host keeps open at once from one peer address (HTTP and WebSocket); more
 * are closed as soon as they are accepted (docs/protocol.md). */
#define JP_MEETING_MAX_PER_PEER 16
/* A connection that has not sent a complete request this many seconds after it opened (or
 * after the previous reply) is closed by the host. */
#define JP_MEETING_REQUEST_SECONDS 5

G_END_DECLS
