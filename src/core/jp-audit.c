/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-core"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-audit.h"
#include "jp-canonical.h"
#include "jp-enums.h"

void
jp_audit_entry_free (JpAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->actor);
  g_free (e->action);
  g_free (e->payload);
  g_free (e->prev_hash);
  g_free (e->hash);
  g_free (e);
}

char *
jp_audit_entry_canonical (gint64       seq,
                          gint64       at,
                          const char  *actor,
                          const char  *action,
                          const char  *payload,
                          const char  *prev_hash)
{
  GString *out = g_string_new ("{\"action\":");

  /* keys in byte order, written by hand: the object is small and fixed */
  jp_canonical_append_string (out, action != NULL ? action : "");
  g_string_append (out, ",\"actor\":");
  jp_canonical_append_string (out, actor != NULL ? actor : "");
  g_string_append_printf (out, ",\"at\":%" G_GINT64_FORMAT ",\"payload\":", at);
  jp_canonical_append_string (out, payload != NULL ? payload : "");
  g_string_append (out, ",\"prev\":");
  jp_canonical_append_string (out, prev_hash != NULL ? prev_hash : "");
  g_string_append_printf (out, ",\"seq\":%" G_GINT64_FORMAT "}", seq);
  return g_string_free (out, FALSE);
}

char *
jp_audit_entry_hash (gint64       seq,
                     gint64       at,
                     const char  *actor,
                     const char  *action,
                     const char  *payload,
                     const char  *prev_hash)
{
  g_autofree char *text = jp_audit_entry_canonical (seq, at, actor, action, payload, prev_hash);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

JpAuditProblem *
jp_audit_problem_new (const char *kind,
                      const char *subject,
                      gint64      id,
                      const char *format,
                      ...)
{
  JpAuditProblem *p = g_new0 (JpAuditProblem, 1);
  va_list args;

  p->kind = g_strdup (kind);
  p->subject = g_strdup (subject);
  p->id = id;
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  return p;
}

void
jp_audit_problem_free (JpAuditProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->kind);
  g_free (p->subject);
  g_free (p->message);
  g_free (p);
}

char *
jp_audit_check_chain (GPtrArray *entries,
                      gint64     last_seq,
                      GPtrArray *problems)
{
  g_autofree char *prev = g_strdup (JP_AUDIT_GENESIS);
  gint64 expected = 1;

  g_return_val_if_fail (entries != NULL && problems != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *hash = NULL;

      if (e->seq != expected)
        {
          if (e->seq > expected)
            g_ptr_array_add (problems,
                             jp_audit_problem_new ("gap", "seq", e->seq,
                                                   e->seq - expected == 1
                                                   ? _("Audit entry %lld is missing: it was "
                                                       "removed before entry %lld.")
                                                   : _("Audit entries %lld to %lld are "
                                                       "missing: they were removed."),
                                                   (long long) expected,
                                                   (long long) (e->seq - expected == 1
                                                                ? e->seq : e->seq - 1)));
          else
            g_ptr_array_add (problems,
                             jp_audit_problem_new ("gap", "seq", e->seq,
                                                   _("Audit entry %lld is out of order."),
                                                   (long long) e->seq));
        }
      expected = e->seq + 1;

      hash = jp_audit_entry_hash (e->seq, e->at, e->actor, e->action, e->payload,
                                  e->prev_hash);
      if (e->hash == NULL || e->prev_hash == NULL)
        g_ptr_array_add (problems,
                         jp_audit_problem_new ("unchained", "seq", e->seq,
                                               _("Audit entry %lld (%s) carries no hash: it "
                                                 "was inserted outside Jiangping."),
                                               (long long) e->seq, e->action));
      else if (g_ascii_strcasecmp (e->hash, hash) != 0)
        g_ptr_array_add (problems,
                         jp_audit_problem_new ("hash", "seq", e->seq,
                                               _("Audit entry %lld (%s) was changed after it "
                                                 "was written: its hash does not match its "
                                                 "contents."),
                                               (long long) e->seq, e->action));
      else if (g_ascii_strcasecmp (e->prev_hash, prev) != 0)
        g_ptr_array_add (problems,
                         jp_audit_problem_new ("link", "seq", e->seq,
                                               _("Audit entry %lld (%s) does not follow the "
                                                 "entry before it: an entry was removed, "
                                                 "inserted or moved there."),
                                               (long long) e->seq, e->action));
      /* the next entry must link to this one's hash as stored: an entry edited alone is
       * one problem (its hash), an entry edited and rehashed breaks the next link too */
      g_free (prev);
      prev = e->hash != NULL ? g_ascii_strdown (e->hash, -1) : g_steal_pointer (&hash);
      if (i + 1 == entries->len)
        {
          g_free (prev);
          prev = jp_audit_entry_hash (e->seq, e->at, e->actor, e->action, e->payload,
                                      e->prev_hash);
        }
    }

  if (last_seq > expected - 1)
    g_ptr_array_add (problems,
                     jp_audit_problem_new ("truncated", "seq", expected,
                                           _("Audit entries from %lld to %lld were removed "
                                             "from the end of the log."),
                                           (long long) expected, (long long) last_seq));
  return g_steal_pointer (&prev);
}

gboolean
jp_audit_find_anchor (GPtrArray  *entries,
                      const char *anchor,
                      gint64     *seq)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (entries != NULL, FALSE);

  if (anchor == NULL)
    return FALSE;
  wanted = g_ascii_strdown (g_strstrip (g_strdup (anchor)), -1);
  for (guint i = 0; i < entries->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (entries, i);

      if (e->hash != NULL && g_ascii_strcasecmp (e->hash, wanted) == 0)
        {
          if (seq != NULL)
            *seq = e->seq;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (haystack == NULL)
    return FALSE;
  h = g_utf8_casefold (haystack, -1);
  n = g_utf8_casefold (needle, -1);
  return strstr (h, n) != NULL;
}

gboolean
jp_audit_entry_matches (const JpAuditEntry  *entry,
                        const JpAuditFilter *filter)
{
  g_return_val_if_fail (entry != NULL && filter != NULL, FALSE);

  if (filter->from != 0 && entry->at < filter->from)
    return FALSE;
  if (filter->until != 0 && entry->at >= filter->until)
    return FALSE;
  return contains_casefold (entry->actor, filter->actor)
         && contains_casefold (entry->action, filter->action)
         && contains_casefold (entry->payload, filter->candidate);
}

gboolean
jp_audit_parse_day (const char  *text,
                    const char  *field,
                    gboolean     next_day,
                    GTimeZone   *tz,
                    gint64      *unix_time,
                    GError     **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *clean = NULL;
  int y = 0, m = 0, d = 0;
  char extra;

  *unix_time = 0;
  if (text == NULL)
    return TRUE;
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    return TRUE;
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  if (sscanf (clean, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3)
    day = g_date_time_new (tz, y, m, d, 0, 0, 0);
  if (day == NULL)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a date; write it as YYYY-MM-DD, for example 2026-05-20."),
                   field, clean);
      return FALSE;
    }
  if (next_day)
    {
      GDateTime *after = g_date_time_add_days (day, 1);

      g_date_time_unref (day);
      day = after;
    }
  *unix_time = g_date_time_to_unix (day);
  return TRUE;
}
