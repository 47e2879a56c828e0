/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-member-rules"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static char *
hex (const guint8 *bytes,
     gsize         len)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%02x", bytes[i]);
  return g_string_free (s, FALSE);
}

static void
check_vector (const char *password,
              const char *salt,
              guint       iterations,
              gsize       len,
              const char *expected)
{
  g_autofree guint8 *out = g_malloc (len);
  g_autofree char *actual = NULL;

  jp_pbkdf2_hmac_sha256 ((const guint8 *) password, strlen (password),
                         (const guint8 *) salt, strlen (salt), iterations, out, len);
  actual = hex (out, len);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_pbkdf2_vectors (void)
{
  /* RFC 7914, section 11 */
  check_vector ("passwd", "salt", 1, 64,
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  check_vector ("Password", "NaCl", 80000, 64,
                "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  /* the widely published PBKDF2-HMAC-SHA256 vectors (RFC 6070 inputs) */
  check_vector ("password", "salt", 1, 32,
                "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
  check_vector ("password", "salt", 4096, 32,
                "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
  check_vector ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40,
                "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
}

static void
test_pin_hash_verify (void)
{
  guint8 salt[16];
  guint8 other_salt[16];
  g_autofree char *hash = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *fewer = NULL;
  g_autofree char *salted = NULL;

  for (guint i = 0; i < sizeof salt; i++)
    {
      salt[i] = (guint8) i;
      other_salt[i] = (guint8) (i + 1);
    }

  /* the default is 20000 iterations (value computed independently with Python hashlib) */
  hash = jp_pin_hash ("123456", salt, sizeof salt, 0);
  g_assert_cmpstr (hash, ==, "437dbb1231a338815f7e94db9542b7c5eb954b190b236a5e185740e4f267329d");
  g_assert_true (jp_pin_verify ("123456", salt, sizeof salt, JP_PIN_ITERATIONS, hash));
  upper = g_ascii_strup (hash, -1);
  g_assert_true (jp_pin_verify ("123456", salt, sizeof salt, 0, upper));

  g_assert_false (jp_pin_verify ("123457", salt, sizeof salt, 0, hash));
  g_assert_false (jp_pin_verify ("", salt, sizeof salt, 0, hash));
  g_assert_false (jp_pin_verify ("123456", other_salt, sizeof other_salt, 0, hash));
  g_assert_false (jp_pin_verify ("123456", salt, sizeof salt, 1000, hash));
  g_assert_false (jp_pin_verify ("123456", salt, sizeof salt, 0, ""));
  g_assert_false (jp_pin_verify ("123456", salt, sizeof salt, 0, "437dbb"));

  fewer = jp_pin_hash ("123456", salt, sizeof salt, 1000);
  salted = jp_pin_hash ("123456", other_salt, sizeof other_salt, 0);
  g_assert_cmpstr (fewer, !=, hash);
  g_assert_cmpstr (salted, !=, hash);
  g_assert_cmpuint (strlen (fewer), ==, 64);
}

static void
test_pin_generate (void)
{
  /* 0xffffffff and 0xfff30000 lie beyond 4294000000 (the largest multiple of 10^6 below
   * 2^32) and are skipped; 0x0001e240 is 123456 */
  const guint8 rejected_first[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xf3, 0, 0,
                                    0x00, 0x01, 0xe2, 0x40 };
  const guint8 small[] = { 0, 0, 0, 7 };
  const guint8 all_rejected[] = { 0xff, 0xff, 0xff, 0xff };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *a = jp_pin_generate (rejected_first, sizeof rejected_first);
  g_autofree char *b = jp_pin_generate (small, sizeof small);
  g_autofree char *c = jp_pin_generate (all_rejected, sizeof all_rejected);
  g_autofree char *d = jp_pin_generate (small, 3);
  guint first_digit[10] = { 0 };

  g_assert_cmpstr (a, ==, "123456");
  g_assert_cmpstr (b, ==, "000007");      /* leading zeros kept: always 6 digits */
  g_assert_null (c);
  g_assert_null (d);

  for (guint i = 0; i < 5000; i++)
    {
      guint8 bytes[JP_PIN_RANDOM_BYTES];
      g_autofree char *pin = NULL;

      for (guint k = 0; k < sizeof bytes; k++)
        bytes[k] = (guint8) g_rand_int_range (rand, 0, 256);
      pin = jp_pin_generate (bytes, sizeof bytes);
      g_assert_nonnull (pin);
      g_assert_cmpuint (strlen (pin), ==, 6);
      for (guint k = 0; k < 6; k++)
        g_assert_true (g_ascii_isdigit (pin[k]));
      first_digit[pin[0] - '0']++;
    }
  for (guint k = 0; k < 10; k++)
    {
      g_assert_cmpuint (first_digit[k], >, 400);
      g_assert_cmpuint (first_digit[k], <, 600);
    }
}

static void
test_conflict_keys (void)
{
  gboolean ok;

  g_assert_cmpstr (jp_conflict_type_to_key (JP_CONFLICT_RELATIVE), ==, "relative");
  g_assert_cmpstr (jp_conflict_type_to_key (JP_CONFLICT_TEACHER_APPRENTICE), ==,
                   "teacher-apprentice");
  g_assert_cmpstr (jp_conflict_type_to_key (JP_CONFLICT_SUPERVISOR), ==, "supervisor");
  g_assert_cmpstr (jp_conflict_type_to_key (JP_CONFLICT_OTHER), ==, "other");
  g_assert_cmpint (jp_conflict_type_from_string ("师徒", &ok), ==,
                   JP_CONFLICT_TEACHER_APPRENTICE);
  g_assert_true (ok);
  g_assert_cmpint (jp_conflict_type_from_string ("直接上下级", &ok), ==, JP_CONFLICT_SUPERVISOR);
  g_assert_true (ok);
  g_assert_cmpint (jp_conflict_type_from_string ("Relative", &ok), ==, JP_CONFLICT_RELATIVE);
  g_assert_true (ok);
  g_assert_cmpint (jp_conflict_type_from_string ("同学", &ok), ==, JP_CONFLICT_OTHER);
  g_assert_false (ok);

  g_assert_cmpstr (jp_conflict_kind_to_key (JP_CONFLICT_SAME_UNIT), ==, "same-unit");
  g_assert_cmpstr (jp_conflict_kind_to_key (JP_CONFLICT_DECLARED), ==, "declared");
  g_assert_cmpint (jp_conflict_kind_from_string ("declared", &ok), ==, JP_CONFLICT_DECLARED);
  g_assert_true (ok);
  jp_conflict_kind_from_string ("x", &ok);
  g_assert_false (ok);
}

static void
test_same_unit (void)
{
  g_autoptr(JpCandidate) c = jp_candidate_new ();
  g_autofree char *normal = jp_unit_name_normalize ("ＡＢＣ 公司（一厂）");
  JpMember m = { 0 };

  c->unit = g_strdup ("包头钢铁（集团）有限责任公司工会");
  c->employer = g_strdup ("内蒙古包钢钢联股份有限公司 (稀土钢板材厂)");

  m.unit = (char *) " 包头钢铁(集团)有限责任公司工会 ";
  g_assert_true (jp_conflict_same_unit (&m, c));
  m.unit = (char *) "内蒙古包钢钢联股份有限公司（稀土钢板材厂）";
  g_assert_true (jp_conflict_same_unit (&m, c));
  m.unit = (char *) "内蒙古包钢钢联股份有限公司　（稀土钢板材厂）";   /* ideographic space */
  g_assert_true (jp_conflict_same_unit (&m, c));
  m.unit = (char *) "包头钢铁（集团）有限责任公司";
  g_assert_false (jp_conflict_same_unit (&m, c));
  m.unit = (char *) "";
  g_assert_false (jp_conflict_same_unit (&m, c));
  m.unit = NULL;
  g_assert_false (jp_conflict_same_unit (&m, c));

  /* an empty candidate unit never matches an empty member unit */
  g_clear_pointer (&c->unit, g_free);
  g_clear_pointer (&c->employer, g_free);
  m.unit = (char *) " ";
  g_assert_false (jp_conflict_same_unit (&m, c));

  g_assert_cmpstr (normal, ==, "abc公司(一厂)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/member-rules/pbkdf2-vectors", test_pbkdf2_vectors);
  g_test_add_func ("/core/member-rules/pin-hash-verify", test_pin_hash_verify);
  g_test_add_func ("/core/member-rules/pin-generate", test_pin_generate);
  g_test_add_func ("/core/member-rules/conflict-keys", test_conflict_keys);
  g_test_add_func ("/core/member-rules/same-unit", test_same_unit);

  return g_test_run ();
}
