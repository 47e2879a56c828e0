/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-id-number"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static void
test_valid_with_x (void)
{
  g_autoptr(GError) error = NULL;
  JpIdInfo info = { 0 };

  g_assert_cmpint (jp_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_true (jp_id_number_parse ("11010519491231002X", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.year, ==, 1949);
  g_assert_cmpint (info.month, ==, 12);
  g_assert_cmpint (info.day, ==, 31);
  g_assert_cmpint (info.sex, ==, JP_SEX_FEMALE);
}

static void
test_valid_digit (void)
{
  g_autoptr(GError) error = NULL;
  JpIdInfo info = { 0 };

  g_assert_cmpint (jp_id_number_check_char ("15020219780412031"), ==, '4');
  g_assert_true (jp_id_number_parse ("150202197804120314", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.year, ==, 1978);
  g_assert_cmpint (info.month, ==, 4);
  g_assert_cmpint (info.day, ==, 12);
  g_assert_cmpint (info.sex, ==, JP_SEX_MALE);
  /* leap day in a leap year */
  g_assert_true (jp_id_number_parse ("110101200002290018", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.day, ==, 29);
}

static void
test_wrong_check (void)
{
  g_autoptr(GError) error = NULL;

  /* the sample of the format spec: its real check digit is 4 */
  g_assert_false (jp_id_number_parse ("15020219780412031X", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "15020219780412031X"));
  g_assert_nonnull (strstr (error->message, " 4"));
  g_clear_error (&error);
  g_assert_false (jp_id_number_parse ("150202197804120315", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

static void
test_bad_date (void)
{
  g_autoptr(GError) error = NULL;
  char id[19] = "15020219780230001";

  id[17] = jp_id_number_check_char (id);
  g_assert_false (jp_id_number_parse (id, NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "19780230"));
  g_clear_error (&error);

  /* 29 February of a year that is not a leap year (1900 is not) */
  memcpy (id, "11010119000229001", 17);
  id[17] = jp_id_number_check_char (id);
  g_assert_false (jp_id_number_parse (id, NULL, &error));
  g_assert_nonnull (strstr (error->message, "19000229"));
  g_clear_error (&error);

  memcpy (id, "11010119781301001", 17);
  id[17] = jp_id_number_check_char (id);
  g_assert_false (jp_id_number_parse (id, NULL, &error));
  g_assert_nonnull (strstr (error->message, "19781301"));
}

static void
test_wrong_length (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_id_number_parse ("15020219780412031", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "17"));
  g_assert_nonnull (strstr (error->message, "18"));
  g_clear_error (&error);
  g_assert_false (jp_id_number_parse ("1502021978041203140", NULL, &error));
  g_assert_nonnull (strstr (error->message, "19"));
  g_clear_error (&error);
  g_assert_false (jp_id_number_parse ("", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

static void
test_letters (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_id_number_parse ("1502021978O4120314", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "O"));
  g_assert_nonnull (strstr (error->message, "11"));
  g_clear_error (&error);
  /* X anywhere but last */
  g_assert_false (jp_id_number_parse ("X50202197804120314", NULL, &error));
  g_assert_nonnull (strstr (error->message, "1"));
  g_assert_cmpint (jp_id_number_check_char ("1502021978041203A"), ==, '\0');
}

static void
test_lower_x (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *norm = jp_id_number_normalize (" 110105 19491231 002x ");
  JpIdInfo info = { 0 };

  g_assert_cmpstr (norm, ==, "11010519491231002X");
  g_assert_true (jp_id_number_parse ("11010519491231002x", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.year, ==, 1949);
}

static void
test_spreadsheet_forms (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_id_number_is_spreadsheet_number ("1.50202E+17"));
  g_assert_true (jp_id_number_is_spreadsheet_number ("1.50202e17"));
  g_assert_true (jp_id_number_is_spreadsheet_number ("150202197804120000"));
  g_assert_false (jp_id_number_is_spreadsheet_number ("150202197804120314"));
  g_assert_false (jp_id_number_is_spreadsheet_number ("11010519491231002X"));
  g_assert_false (jp_id_number_is_spreadsheet_number ("1978.10"));
  g_assert_false (jp_id_number_is_spreadsheet_number ("1502021978"));

  g_assert_false (jp_id_number_parse ("1.50202E+17", NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1.50202E+17"));
  g_assert_nonnull (strstr (error->message, "spreadsheet"));
  g_assert_nonnull (strstr (error->message, "text"));
  g_clear_error (&error);
  g_assert_false (jp_id_number_parse ("150202197804120000", NULL, &error));
  g_assert_nonnull (strstr (error->message, "spreadsheet"));
}

/* An ID typed with full-width digits and a U+3000 space is the same ID, and a message
 * about a bad character quotes the whole character. */
static void
test_full_width (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *norm =
    jp_id_number_normalize ("１５０２０２１９７８０４１２\u3000０３１４");
  JpIdInfo info = { 0 };

  g_assert_cmpstr (norm, ==, "150202197804120314");
  g_assert_true (jp_id_number_parse ("１５０２０２１９７８０４１２０３１４", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.year, ==, 1978);

  g_assert_false (jp_id_number_parse ("1502021978〇4120314", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "“〇”"));
  g_clear_error (&error);
  /* bytes that are not UTF-8 never reach a message */
  g_assert_false (jp_id_number_parse ("15020219780412\xe5" "10314", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_sex_parity (void)
{
  JpIdInfo info = { 0 };
  char id[19] = "15020219800101002";

  /* 17th digit 2: female */
  id[17] = jp_id_number_check_char (id);
  g_assert_true (jp_id_number_parse (id, &info, NULL));
  g_assert_cmpint (info.sex, ==, JP_SEX_FEMALE);
  /* 17th digit 3: male */
  id[16] = '3';
  id[17] = jp_id_number_check_char (id);
  g_assert_cmpstr (id, ==, "150202198001010036");
  g_assert_true (jp_id_number_parse (id, &info, NULL));
  g_assert_cmpint (info.sex, ==, JP_SEX_MALE);
  /* 17th digit 0: female */
  id[16] = '0';
  id[17] = jp_id_number_check_char (id);
  g_assert_true (jp_id_number_parse (id, &info, NULL));
  g_assert_cmpint (info.sex, ==, JP_SEX_FEMALE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/id-number/valid-with-x", test_valid_with_x);
  g_test_add_func ("/core/id-number/valid-digit", test_valid_digit);
  g_test_add_func ("/core/id-number/wrong-check-digit", test_wrong_check);
  g_test_add_func ("/core/id-number/bad-date", test_bad_date);
  g_test_add_func ("/core/id-number/wrong-length", test_wrong_length);
  g_test_add_func ("/core/id-number/letters", test_letters);
  g_test_add_func ("/core/id-number/lower-case-x", test_lower_x);
  g_test_add_func ("/core/id-number/sex-parity", test_sex_parity);
  g_test_add_func ("/core/id-number/spreadsheet-forms", test_spreadsheet_forms);
  g_test_add_func ("/core/id-number/full-width", test_full_width);

  return g_test_run ();
}
