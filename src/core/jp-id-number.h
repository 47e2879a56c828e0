/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>
#include "jp-enums.h"

G_BEGIN_DECLS

/* What an 18-digit resident ID number (GB 11643) says about its holder. */
typedef struct {
  int   year, month, day;  /* birth date */
  JpSex sex;               /* odd 17th digit male, even female */
} JpIdInfo;

/* ISO 7064 MOD 11-2 check character ('0'..'9' or 'X') of the first 17 digits. */
char     jp_id_number_check_char (const char *first17);

/* Parses and checks `id`: 18 characters, digits with an optional final 'X'/'x', a valid
 * birth date, the right check character. On failure returns FALSE with a JP_CORE_ERROR
 * whose message says what is wrong in words ("校验位应为 X，实际为 5"). */
gboolean jp_id_number_parse (const char *id,
                             JpIdInfo   *info,
                             GError    **error);

/* Folds full-width forms (NFKC), upper-cases a final 'x' and strips spaces; newly allocated
 * and always valid UTF-8. */
char    *jp_id_number_normalize (const char *id);

/* TRUE for what a spreadsheet makes of an ID number kept as a number: "1.50202E+17", or
 * the digits rounded to 15 significant places ("150202198503122000"). */
gboolean jp_id_number_is_spreadsheet_number (const char *value);

G_END_DECLS
