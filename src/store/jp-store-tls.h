/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-store.h"

G_BEGIN_DECLS

/* The host's TLS identity kept in the election (table host_tls): the certificate and its
 * private key as PEM text, and the fingerprint the meeting layer computed for it. The store
 * only keeps the bytes; the meeting layer makes and reads them (jp-meeting-tls.c). */

/* Reads the kept identity. Returns FALSE with no error set when the election has none yet;
 * FALSE with `error` set when the file cannot be read. Out strings are newly allocated. */
gboolean jp_store_get_host_tls (JpStore     *self,
                                char       **certificate_pem,
                                char       **private_key_pem,
                                char       **fingerprint,
                                GError     **error);

/* Keeps the identity, once: when the election already has one (another window of the host
 * was first), that one stays and TRUE is returned; read it back with
 * jp_store_get_host_tls. Writes an audit row "host.certificate" with the fingerprint. */
gboolean jp_store_set_host_tls (JpStore     *self,
                                const char  *certificate_pem,
                                const char  *private_key_pem,
                                const char  *fingerprint,
                                GError     **error);

G_END_DECLS
