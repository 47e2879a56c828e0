/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* Store reads the tests of several folders (store, meeting, ui) make and that must not fail
 * there: one copy, included by each folder's own helper header or test. */

#include "store/jp-store-console.h"

/* jp_store_member_has_pin and jp_store_member_check_pin, which must not fail here. */
G_GNUC_UNUSED static inline gboolean
test_has_pin (JpStore    *store,
              const char *member_code)
{
  g_autoptr(GError) error = NULL;
  gboolean has_pin = FALSE;

  g_assert_true (jp_store_member_has_pin (store, member_code, &has_pin, &error));
  g_assert_no_error (error);
  return has_pin;
}

G_GNUC_UNUSED static inline gboolean
test_check_pin (JpStore    *store,
                const char *member_code,
                const char *pin)
{
  g_autoptr(GError) error = NULL;
  gboolean matches = FALSE;

  g_assert_true (jp_store_member_check_pin (store, member_code, pin, &matches, &error));
  g_assert_no_error (error);
  return matches;
}

/* jp_store_is_frozen, which must not fail here. */
G_GNUC_UNUSED static inline gboolean
test_is_frozen (JpStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean frozen = FALSE;

  g_assert_true (jp_store_is_frozen (store, &frozen, &error));
  g_assert_no_error (error);
  return frozen;
}
