/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-core"

#include "config.h"

#include "jp-canonical.h"
#include "jp-score.h"

void
jp_canonical_append_string (GString    *out,
                            const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar ch = (guchar) *p;

      if (ch == '"')
        g_string_append (out, "\\\"");
      else if (ch == '\\')
        g_string_append (out, "\\\\");
      else if (ch < 0x20)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_c (out, (char) ch);
    }
  g_string_append_c (out, '"');
}

void
jp_canonical_append_decimal (GString *out,
                             gint64   hundredths)
{
  g_autofree char *text = jp_decimal_format (hundredths, 2);

  g_string_append (out, text);
}
