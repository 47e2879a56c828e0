/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gio/gio.h>

#include "jp-meeting.h"
#include "store/jp-store.h"

G_BEGIN_DECLS

/* TLS of the meeting (docs/protocol.md, "Transport"): the host's self-signed certificate,
 * its short fingerprint, and the fingerprints a station has pinned. */

/* Length of a fingerprint: "XXXX-XXXX-XXXX-XXXX". */
#define JP_MEETING_FINGERPRINT_LENGTH 19

/* FALSE with a message saying what to install when GIO has no TLS backend
 * (glib-networking is missing): then neither the host nor a station can work. */
gboolean         jp_meeting_tls_check_backend  (GError **error);

/* The fingerprint of a certificate (DER bytes): the first 80 bits of SHA-256 over the DER,
 * in RFC 4648 base32 (A-Z, 2-7), as four groups of four separated by '-'.
 * Returns: (transfer full). */
char            *jp_meeting_tls_fingerprint_der (const guint8 *der,
                                                 gsize         length);
/* The same for a GTlsCertificate. Returns: (transfer full) (nullable). */
char            *jp_meeting_tls_fingerprint    (GTlsCertificate *certificate);

/* Normalises what a person typed as a fingerprint (any case, spaces or dashes anywhere,
 * '0' for 'O', '1' for 'I', '8' for 'B') to the canonical form, or NULL (with
 * G_IO_ERROR_INVALID_ARGUMENT naming the text) when it is not 16 base32 characters.
 * Returns: (transfer full). */
char            *jp_meeting_tls_parse_fingerprint (const char  *text,
                                                   GError     **error);

/* Makes a new self-signed certificate with its private key (ECDSA P-256, CN "Jiangping
 * host", valid for 30 years) as PEM text. */
gboolean         jp_meeting_tls_generate       (char   **certificate_pem,
                                                char   **private_key_pem,
                                                GError **error);

/* The host's certificate for the election in `store`: the kept one, or a new one made and
 * kept now (the first time an election is hosted). Returns: (transfer full). */
GTlsCertificate *jp_meeting_tls_host_certificate (JpStore  *store,
                                                  GError  **error);

/* ---- the station's pins ----
 * A key file (NULL `path`: "jiangping/pins.ini" in the user's config dir) with one group
 * [pins] mapping "host:port" to the fingerprint the member confirmed. */

/* The pinned fingerprint of `host_port`, or NULL when none is pinned (or the file is
 * unreadable: then `error` is set). Returns: (transfer full) (nullable). */
char            *jp_meeting_pins_lookup        (const char  *path,
                                                const char  *host_port,
                                                GError     **error);
/* Pins `fingerprint` for `host_port` (replacing an old pin), written atomically, 0600. */
gboolean         jp_meeting_pins_save          (const char  *path,
                                                const char  *host_port,
                                                const char  *fingerprint,
                                                GError     **error);

G_END_DECLS
