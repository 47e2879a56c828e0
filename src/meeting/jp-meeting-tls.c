/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "store/jp-random.h"
#include "store/jp-store-tls.h"
#include "jp-meeting-tls.h"

#define HOST_CN "Jiangping host"
#define VALID_YEARS 30
#define FINGERPRINT_BYTES 10   /* 80 bits: 16 base32 characters */

static const char base32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

gboolean
jp_meeting_tls_check_backend (GError **error)
{
  if (g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    return TRUE;
  g_set_error_literal (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                       _("This computer cannot encrypt the meeting's network traffic: GIO has "
                         "no TLS support. Install the package glib-networking and start "
                         "Jiangping again."));
  return FALSE;
}

/* ---- fingerprints ---- */

/**
 * jp_meeting_tls_fingerprint_der:
 *
 * The one definition of the fingerprint shown beside the host's address and confirmed by
 * the members: SHA-256 over the certificate's DER; its first 10 bytes (80 bits) in base32
 * (RFC 4648 alphabet, no padding), uppercase, grouped 4-4-4-4 with '-'. 80 bits are far
 * beyond what anyone could match with a second certificate during a meeting.
 */
char *
jp_meeting_tls_fingerprint_der (const guint8 *der,
                                gsize         length)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *out = g_string_sized_new (JP_MEETING_FINGERPRINT_LENGTH);
  guint bits = 0, n_bits = 0, n_chars = 0;

  g_return_val_if_fail (der != NULL || length == 0, NULL);
  g_checksum_update (sum, der, length);
  g_checksum_get_digest (sum, digest, &digest_len);
  for (guint i = 0; i < FINGERPRINT_BYTES; i++)
    {
      bits = (bits << 8) | digest[i];
      n_bits += 8;
      while (n_bits >= 5)
        {
          if (n_chars > 0 && n_chars % 4 == 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, base32[(bits >> (n_bits - 5)) & 31]);
          n_bits -= 5;
          n_chars++;
        }
    }
  g_assert (out->len == JP_MEETING_FINGERPRINT_LENGTH);
  return g_string_free (out, FALSE);
}

char *
jp_meeting_tls_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);
  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;
  return jp_meeting_tls_fingerprint_der (der->data, der->len);
}

char *
jp_meeting_tls_parse_fingerprint (const char  *text,
                                  GError     **error)
{
  GString *out = g_string_sized_new (JP_MEETING_FINGERPRINT_LENGTH);
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '\t')
        continue;
      /* what a person misreads on the screen; none of these digits is in the alphabet */
      if (c == '0')
        c = 'O';
      else if (c == '1')
        c = 'I';
      else if (c == '8')
        c = 'B';
      if (strchr (base32, c) == NULL || n == 16)
        {
          n = 0;
          break;
        }
      if (n > 0 && n % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, c);
      n++;
    }
  if (n != 16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a certificate fingerprint: type the 16 letters and digits "
                     "shown beside the host's address, for example 7F3A-XC2K-QW5M-RT6P."),
                   text);
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* ---- the host's certificate ---- */

static gboolean
gnutls_failed (int      rc,
               GError **error)
{
  g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
               _("Cannot make the host's certificate: %s"), gnutls_strerror (rc));
  return FALSE;
}

static char *
datum_take (gnutls_datum_t *d)
{
  char *s = g_strndup ((const char *) d->data, d->size);

  gnutls_free (d->data);
  d->data = NULL;
  return s;
}

gboolean
jp_meeting_tls_generate (char   **certificate_pem,
                         char   **private_key_pem,
                         GError **error)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t cert_out = { NULL, 0 }, key_out = { NULL, 0 };
  guint8 serial[16];
  time_t now = time (NULL);
  int rc;

  g_return_val_if_fail (certificate_pem != NULL && private_key_pem != NULL, FALSE);

  if (!jp_random_bytes (serial, sizeof serial, error))
    return FALSE;
  serial[0] &= 0x7f;   /* a positive serial number */
  serial[0] |= 0x01;

  if ((rc = gnutls_x509_privkey_init (&key)) < 0 ||
      (rc = gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                          GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                          0)) < 0 ||
      (rc = gnutls_x509_crt_init (&crt)) < 0 ||
      (rc = gnutls_x509_crt_set_version (crt, 3)) < 0 ||
      (rc = gnutls_x509_crt_set_serial (crt, serial, sizeof serial)) < 0 ||
      (rc = gnutls_x509_crt_set_activation_time (crt, now - 24 * 3600)) < 0 ||
      (rc = gnutls_x509_crt_set_expiration_time (crt, now + (time_t) VALID_YEARS * 365 * 86400))
        < 0 ||
      (rc = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, HOST_CN,
                                           strlen (HOST_CN))) < 0 ||
      (rc = gnutls_x509_crt_set_key (crt, key)) < 0 ||
      (rc = gnutls_x509_crt_set_basic_constraints (crt, 0, -1)) < 0 ||
      (rc = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0 ||
      (rc = gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0)) < 0 ||
      (rc = gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0)) < 0 ||
      (rc = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &cert_out)) < 0 ||
      (rc = gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                               GNUTLS_PKCS_PLAIN, &key_out)) < 0)
    {
      gnutls_free (cert_out.data);
      if (key_out.data != NULL)
        gnutls_memset (key_out.data, 0, key_out.size);
      gnutls_free (key_out.data);
      if (crt != NULL)
        gnutls_x509_crt_deinit (crt);
      if (key != NULL)
        gnutls_x509_privkey_deinit (key);
      return gnutls_failed (rc, error);
    }
  *certificate_pem = datum_take (&cert_out);
  *private_key_pem = datum_take (&key_out);
  gnutls_x509_crt_deinit (crt);
  gnutls_x509_privkey_deinit (key);
  return TRUE;
}

GTlsCertificate *
jp_meeting_tls_host_certificate (JpStore  *store,
                                 GError  **error)
{
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *both = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  if (!jp_meeting_tls_check_backend (error))
    return NULL;
  if (!jp_store_get_host_tls (store, &cert_pem, &key_pem, NULL, &local_error))
    {
      g_autofree char *new_cert = NULL;
      g_autofree char *new_key = NULL;
      g_autoptr(GTlsCertificate) made = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* the first time this election is hosted */
      if (!jp_meeting_tls_generate (&new_cert, &new_key, error))
        return NULL;
      both = g_strconcat (new_cert, new_key, NULL);
      made = g_tls_certificate_new_from_pem (both, -1, error);
      if (made == NULL)
        return NULL;
      fingerprint = jp_meeting_tls_fingerprint (made);
      memset (both, 0, strlen (both));
      g_clear_pointer (&both, g_free);
      if (!jp_store_set_host_tls (store, new_cert, new_key, fingerprint, error))
        return NULL;
      /* read back: another window of the host may have kept its own first */
      if (!jp_store_get_host_tls (store, &cert_pem, &key_pem, NULL, &local_error))
        {
          if (local_error == NULL)
            g_set_error_literal (&local_error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                                 _("The host's certificate was not kept in the election."));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_info ("Made the host's certificate, fingerprint %s", fingerprint);
    }
  both = g_strconcat (cert_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (both, -1, &local_error);
  memset (both, 0, strlen (both));
  if (certificate == NULL)
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                   _("The host's certificate kept in the election cannot be used (%s). The "
                     "election file may be damaged."), local_error->message);
      return NULL;
    }
  return g_steal_pointer (&certificate);
}

/* ---- pins ---- */

#define PINS_GROUP "pins"

static char *
pins_path (const char *path)
{
  return path != NULL ? g_strdup (path)
                      : g_build_filename (g_get_user_config_dir (), "jiangping", "pins.ini",
                                          NULL);
}

char *
jp_meeting_pins_lookup (const char  *path,
                        const char  *host_port,
                        GError     **error)
{
  g_autofree char *file = pins_path (path);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (host_port != NULL, NULL);
  if (!g_key_file_load_from_file (kf, file, G_KEY_FILE_NONE, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                     _("Cannot read the trusted host fingerprints in %s: %s"), file,
                     local_error->message);
      return NULL;
    }
  value = g_key_file_get_string (kf, PINS_GROUP, host_port, NULL);
  if (value == NULL)
    return NULL;
  return jp_meeting_tls_parse_fingerprint (value, NULL);
}

gboolean
jp_meeting_pins_save (const char  *path,
                      const char  *host_port,
                      const char  *fingerprint,
                      GError     **error)
{
  g_autofree char *file = pins_path (path);
  g_autofree char *dir = g_path_get_dirname (file);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (host_port != NULL && fingerprint != NULL, FALSE);
  if (!g_key_file_load_from_file (kf, file, G_KEY_FILE_KEEP_COMMENTS, &local_error) &&
      !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                   _("Cannot read the trusted host fingerprints in %s: %s"), file,
                   local_error->message);
      return FALSE;
    }
  g_key_file_set_string (kf, PINS_GROUP, host_port, fingerprint);
  text = g_key_file_to_data (kf, &length, NULL);
  g_clear_error (&local_error);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (file, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                   _("Cannot keep the host's fingerprint in %s: %s"), file,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
