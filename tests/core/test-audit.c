/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-audit"

#include "config.h"

#include <string.h>

#include "jp-core.h"
#include "jp-audit-actions.h"

/* The chain check and the browser's filter, on entries made here. */

static JpAuditEntry *
entry (gint64      seq,
       gint64      at,
       const char *actor,
       const char *action,
       const char *payload,
       const char *prev)
{
  JpAuditEntry *e = g_new0 (JpAuditEntry, 1);

  e->seq = seq;
  e->at = at;
  e->actor = g_strdup (actor);
  e->action = g_strdup (action);
  e->payload = g_strdup (payload);
  e->prev_hash = g_strdup (prev);
  e->hash = jp_audit_entry_hash (seq, at, actor, action, payload, prev);
  return e;
}

/* Five chained entries. */
static GPtrArray *
chain (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_audit_entry_free);
  const char *prev = JP_AUDIT_GENESIS;

  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *payload = g_strdup_printf ("{\"candidate\":%d,\"code\":\"XT-0%d\"}", i, i);
      JpAuditEntry *e = entry (i, 1772355600 + i * 3600, i % 2 ? "秘书处" : "王主任",
                               i < 3 ? "candidate.add" : "round.open", payload, prev);

      g_ptr_array_add (entries, e);
      prev = e->hash;
    }
  return entries;
}

static char *
kinds (GPtrArray *problems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      JpAuditProblem *p = problems->pdata[i];

      g_string_append_printf (s, "%s%s:%" G_GINT64_FORMAT, i > 0 ? " " : "", p->kind, p->id);
    }
  return g_string_free (s, FALSE);
}

static void
test_chain_checks (void)
{
  g_autoptr(GPtrArray) entries = chain ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  jp_audit_problem_free);
  g_autofree char *head = jp_audit_check_chain (entries, 5, problems);
  g_autofree char *k = NULL;
  gint64 seq = 0;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (head, ==, ((JpAuditEntry *) entries->pdata[4])->hash);
  g_assert_true (jp_audit_find_anchor (entries, ((JpAuditEntry *) entries->pdata[2])->hash,
                                       &seq));
  g_assert_cmpint (seq, ==, 3);

  /* an edited actor, a removed entry, two removed at the end */
  g_free (((JpAuditEntry *) entries->pdata[1])->actor);
  ((JpAuditEntry *) entries->pdata[1])->actor = g_strdup ("别人");
  g_ptr_array_remove_index (entries, 3);
  g_free (jp_audit_check_chain (entries, 7, problems));
  k = kinds (problems);
  g_assert_cmpstr (k, ==, "hash:2 gap:5 link:5 truncated:6");
}

static guint
count (GPtrArray           *entries,
       const JpAuditFilter *f)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += jp_audit_entry_matches (entries->pdata[i], f);
  return n;
}

static void
test_filter (void)
{
  g_autoptr(GPtrArray) entries = chain ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  JpAuditFilter f = { 0 };
  gint64 t = 0;

  g_assert_cmpuint (count (entries, &f), ==, 5);
  f.actor = "王";
  g_assert_cmpuint (count (entries, &f), ==, 2);
  f.actor = NULL;
  f.action = "ROUND.";
  g_assert_cmpuint (count (entries, &f), ==, 3);
  f.action = NULL;
  f.candidate = "xt-04";
  g_assert_cmpuint (count (entries, &f), ==, 1);
  f.candidate = NULL;

  /* from 11:00 until the end of the day: entries at 11:00 and 12:00 and 13:00, 14:00 */
  f.from = 1772355600 + 2 * 3600;
  g_assert_cmpuint (count (entries, &f), ==, 4);
  g_assert_true (jp_audit_parse_day ("2026-03-01", "Until", TRUE, utc, &t, &error));
  g_assert_cmpint (t, ==, 1772323200 + 86400);
  f.until = t;
  g_assert_cmpuint (count (entries, &f), ==, 4);
  g_assert_true (jp_audit_parse_day ("2026-03-01", "From", FALSE, utc, &t, &error));
  g_assert_cmpint (t, ==, 1772323200);
  g_assert_true (jp_audit_parse_day ("  ", "From", FALSE, utc, &t, &error));
  g_assert_cmpint (t, ==, 0);
  g_assert_false (jp_audit_parse_day ("2026-02-30", "From", FALSE, utc, &t, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "From"));
}

/* The audit browser names an action in words; an action of a newer version has none (the
 * page then shows its code). */
static void
test_action_labels (void)
{
  g_assert_cmpstr (jp_audit_action_label ("round.close"), ==, "Round closed");
  g_assert_cmpstr (jp_audit_action_label ("ballot.cast"), ==, "Ballot cast");
  g_assert_cmpstr (jp_audit_action_label ("unit.update"), ==, "Nominating unit changed");
  g_assert_null (jp_audit_action_label ("round.reopen"));
  g_assert_null (jp_audit_action_label (""));
  g_assert_null (jp_audit_action_label (NULL));
}

int
main (int argc, char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/audit/chain-checks", test_chain_checks);
  g_test_add_func ("/core/audit/filter", test_filter);
  g_test_add_func ("/core/audit/action-labels", test_action_labels);
  return g_test_run ();
}
