/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-qualify"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-qualify.h"

const char *
jp_criterion_short_title (int criterion)
{
  static const char * const titles[JP_N_CRITERIA + 1] = {
    NULL,
    N_("Honours"),
    N_("Skill competitions"),
    N_("Science and technology awards"),
    N_("Inventions and key problems solved"),
    N_("Unique skills and traditional crafts"),
    N_("Major science and technology projects"),
  };

  g_return_val_if_fail (criterion >= 1 && criterion <= JP_N_CRITERIA, "");
  return gettext (titles[criterion]);
}

static gboolean
key_matches (const char *s,
             const char *key,
             const char *label)
{
  g_autofree char *copy = g_strstrip (g_strdup (s));

  return g_ascii_strcasecmp (copy, key) == 0 || g_strcmp0 (copy, label) == 0;
}

const char *
jp_exclusion_to_key (JpExclusion exclusion)
{
  switch (exclusion)
    {
    case JP_EXCLUSION_MISCONDUCT: return "misconduct";
    case JP_EXCLUSION_CADRE_OR_HEAD:
    case JP_N_EXCLUSIONS:
    default: return "cadre-or-head";
    }
}

const char *
jp_exclusion_label (JpExclusion exclusion)
{
  switch (exclusion)
    {
    case JP_EXCLUSION_MISCONDUCT:
      return _("Violation of law or professional ethics with bad influence, or a criminal record");
    case JP_EXCLUSION_CADRE_OR_HEAD:
    case JP_N_EXCLUSIONS:
    default:
      return _("Deputy county-level or higher cadre, or enterprise head");
    }
}

JpExclusion
jp_exclusion_from_string (const char *s,
                          gboolean   *ok)
{
  if (ok != NULL)
    *ok = FALSE;
  if (s == NULL)
    return JP_EXCLUSION_CADRE_OR_HEAD;
  for (int e = 0; e < JP_N_EXCLUSIONS; e++)
    if (key_matches (s, jp_exclusion_to_key (e), jp_exclusion_label (e)))
      {
        if (ok != NULL)
          *ok = TRUE;
        return e;
      }
  return JP_EXCLUSION_CADRE_OR_HEAD;
}

const char *
jp_review_decision_to_key (JpReviewDecision decision)
{
  switch (decision)
    {
    case JP_REVIEW_DECISION_QUALIFIED: return "qualified";
    case JP_REVIEW_DECISION_RETURNED: return "returned";
    case JP_REVIEW_DECISION_NONE:
    default: return "pending";
    }
}

const char *
jp_review_decision_label (JpReviewDecision decision)
{
  switch (decision)
    {
    case JP_REVIEW_DECISION_QUALIFIED: return _("Qualified");
    case JP_REVIEW_DECISION_RETURNED: return _("Returned");
    case JP_REVIEW_DECISION_NONE:
    default: return _("Pending review");
    }
}

JpReviewDecision
jp_review_decision_from_string (const char *s,
                                gboolean   *ok)
{
  if (ok != NULL)
    *ok = FALSE;
  if (s == NULL)
    return JP_REVIEW_DECISION_NONE;
  for (int d = JP_REVIEW_DECISION_NONE; d <= JP_REVIEW_DECISION_RETURNED; d++)
    if (key_matches (s, jp_review_decision_to_key (d), jp_review_decision_label (d)))
      {
        if (ok != NULL)
          *ok = TRUE;
        return d;
      }
  return JP_REVIEW_DECISION_NONE;
}

/* Returns: (transfer full): an empty review of `candidate_id` (decision pending). */
JpReview *
jp_review_new (gint64 candidate_id)
{
  JpReview *review = g_new0 (JpReview, 1);

  review->candidate_id = candidate_id;
  for (guint i = 0; i <= JP_N_CRITERIA; i++)
    review->evidence[i] = g_ptr_array_new_with_free_func (g_free);
  return review;
}

/* See the header. */
JpReview *
jp_review_new_from_claims (const JpCandidate *candidate)
{
  JpReview *review;

  g_return_val_if_fail (candidate != NULL, NULL);

  review = jp_review_new (candidate->id);
  for (int n = 1; n <= JP_N_CRITERIA; n++)
    {
      if ((candidate->criteria & (1u << n)) == 0)
        continue;
      review->criteria_met |= 1u << n;
      for (guint i = 0; candidate->documents != NULL && i < candidate->documents->len; i++)
        {
          const JpDocumentRef *ref = g_ptr_array_index (candidate->documents, i);

          if (ref->kind == JP_DOC_EVIDENCE && ref->criterion == n && ref->sha256 != NULL)
            jp_review_link_evidence (review, n, ref->sha256);
        }
    }
  return review;
}

/* Returns: (transfer full): a deep copy. */
JpReview *
jp_review_copy (const JpReview *review)
{
  JpReview *copy;

  g_return_val_if_fail (review != NULL, NULL);

  copy = jp_review_new (review->candidate_id);
  copy->criteria_met = review->criteria_met;
  for (guint i = 0; i <= JP_N_CRITERIA; i++)
    for (guint k = 0; k < review->evidence[i]->len; k++)
      g_ptr_array_add (copy->evidence[i], g_strdup (g_ptr_array_index (review->evidence[i], k)));
  copy->exclusions = review->exclusions;
  for (guint e = 0; e < JP_N_EXCLUSIONS; e++)
    copy->exclusion_notes[e] = g_strdup (review->exclusion_notes[e]);
  copy->decision = review->decision;
  copy->reason = g_strdup (review->reason);
  copy->decided_by = g_strdup (review->decided_by);
  copy->decided_at = review->decided_at;
  return copy;
}

void
jp_review_free (JpReview *review)
{
  if (review == NULL)
    return;
  for (guint i = 0; i <= JP_N_CRITERIA; i++)
    g_clear_pointer (&review->evidence[i], g_ptr_array_unref);
  for (guint e = 0; e < JP_N_EXCLUSIONS; e++)
    g_free (review->exclusion_notes[e]);
  g_free (review->reason);
  g_free (review->decided_by);
  g_free (review);
}

void
jp_review_link_evidence (JpReview   *review,
                         int         criterion,
                         const char *sha256)
{
  GPtrArray *list;

  g_return_if_fail (review != NULL);
  g_return_if_fail (criterion >= 1 && criterion <= JP_N_CRITERIA);
  g_return_if_fail (sha256 != NULL);

  review->criteria_met |= 1u << criterion;
  list = review->evidence[criterion];
  for (guint k = 0; k < list->len; k++)
    if (g_ascii_strcasecmp (g_ptr_array_index (list, k), sha256) == 0)
      return;
  g_ptr_array_add (list, g_ascii_strdown (sha256, -1));
}

void
jp_review_set_exclusion (JpReview    *review,
                         JpExclusion  exclusion,
                         gboolean     ticked,
                         const char  *note)
{
  g_return_if_fail (review != NULL);
  g_return_if_fail (exclusion < JP_N_EXCLUSIONS);

  if (ticked)
    review->exclusions |= 1u << exclusion;
  else
    review->exclusions &= ~(1u << exclusion);
  g_free (review->exclusion_notes[exclusion]);
  review->exclusion_notes[exclusion] = g_strdup (note);
}

/* Whether `sha256` is one of the candidate's evidence documents. */
static gboolean
is_candidate_evidence (const JpCandidate *candidate,
                       const char        *sha256)
{
  if (candidate->documents == NULL)
    return FALSE;
  for (guint i = 0; i < candidate->documents->len; i++)
    {
      const JpDocumentRef *ref = g_ptr_array_index (candidate->documents, i);

      if (ref->kind == JP_DOC_EVIDENCE && ref->sha256 != NULL
          && g_ascii_strcasecmp (ref->sha256, sha256) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
collect_warnings (const JpReview    *review,
                  const JpCandidate *candidate,
                  GPtrArray         *out)
{
  guint intake_errors = 0;

  if (review->exclusions & (1u << JP_EXCLUSION_CADRE_OR_HEAD))
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "review-cadre-or-head",
                                          "exclusions",
                                          _("The candidate is marked as a deputy county-level "
                                            "or higher cadre or an enterprise head, who "
                                            "normally do not take part; record why the "
                                            "candidate is admitted.")));
  if (!candidate->has_no_criminal_record)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "review-no-criminal-record",
                                          "documents",
                                          _("The no-criminal-record certificate is missing; "
                                            "ask the nominating unit to supply it.")));
  if (candidate->union_member == JP_TRISTATE_NO)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "review-not-union-member",
                                          "union_member",
                                          _("The candidate is not a trade union member; "
                                            "candidates should normally be union members.")));
  else if (candidate->union_member == JP_TRISTATE_UNKNOWN)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "review-union-unknown",
                                          "union_member",
                                          _("The form does not say whether the candidate is a "
                                            "trade union member; ask the nominating unit.")));

  if (candidate->findings != NULL)
    for (guint i = 0; i < candidate->findings->len; i++)
      {
        const JpFinding *f = g_ptr_array_index (candidate->findings, i);

        if (g_strcmp0 (f->code, "unit-over-limit") == 0)
          g_ptr_array_add (out, jp_finding_copy (f));
        else if (f->severity == JP_SEVERITY_ERROR)
          intake_errors++;
      }
  if (intake_errors > 0)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "review-intake-errors",
                                          "findings",
                                          ngettext ("The dossier still has %u intake error; "
                                                    "check it before deciding.",
                                                    "The dossier still has %u intake errors; "
                                                    "check them before deciding.",
                                                    intake_errors),
                                          intake_errors));
}

static gboolean
check_qualified (const JpReview    *review,
                 const JpCandidate *candidate,
                 GError           **error)
{
  g_autoptr(GString) lacking = g_string_new (NULL);
  guint n_lacking = 0;

  if ((review->criteria_met & 0x7e) == 0)
    {
      g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                           _("The candidate cannot be qualified: no eligibility criterion is "
                             "ticked. Tick the criteria (1 to 6) the candidate meets and link "
                             "the evidence for each."));
      return FALSE;
    }

  if (review->exclusions & (1u << JP_EXCLUSION_MISCONDUCT))
    {
      g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                           _("The candidate cannot be qualified: a violation of law or "
                             "professional ethics, or a criminal record, is recorded. Return "
                             "the nomination with this reason."));
      return FALSE;
    }

  for (int c = 1; c <= JP_N_CRITERIA; c++)
    {
      gboolean backed = FALSE;

      if (!(review->criteria_met & (1u << c)))
        continue;
      for (guint k = 0; k < review->evidence[c]->len && !backed; k++)
        backed = is_candidate_evidence (candidate, g_ptr_array_index (review->evidence[c], k));
      if (!backed)
        {
          g_string_append_printf (lacking, "%s%d", n_lacking > 0 ? ", " : "", c);
          n_lacking++;
        }
    }
  if (n_lacking > 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   ngettext ("The candidate cannot be qualified: criterion %s has no evidence "
                             "document of this candidate linked to it. Link the certificate "
                             "or other evidence, or untick the criterion.",
                             "The candidate cannot be qualified: criteria %s have no evidence "
                             "document of this candidate linked to them. Link the certificates "
                             "or other evidence, or untick the criteria.",
                             n_lacking),
                   lacking->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
jp_review_check_decision (const JpReview    *review,
                          const JpCandidate *candidate,
                          GPtrArray        **warnings,
                          GError           **error)
{
  g_autoptr(GPtrArray) found = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (JP_IS_CANDIDATE ((JpCandidate *) candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  collect_warnings (review, candidate, found);

  switch (review->decision)
    {
    case JP_REVIEW_DECISION_QUALIFIED:
      ok = check_qualified (review, candidate, error);
      break;

    case JP_REVIEW_DECISION_RETURNED:
      {
        g_autofree char *reason = g_strstrip (g_strdup (review->reason != NULL
                                                        ? review->reason : ""));

        if (*reason == '\0')
          {
            g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                                 _("A returned nomination needs a reason; write why it is "
                                   "returned, for example which condition is not met."));
            ok = FALSE;
          }
      }
      break;

    case JP_REVIEW_DECISION_NONE:
    default:
      break;
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&found);
  return ok;
}

static void
trade_progress_free (JpReviewTradeProgress *p)
{
  g_free (p->trade);
  g_free (p);
}

static void
count (JpReviewDecision decision,
       guint           *qualified,
       guint           *returned,
       guint           *pending)
{
  if (decision == JP_REVIEW_DECISION_QUALIFIED)
    (*qualified)++;
  else if (decision == JP_REVIEW_DECISION_RETURNED)
    (*returned)++;
  else
    (*pending)++;
}

JpReviewProgress *
jp_review_progress_compute (const JpReviewItem *items,
                            guint               n)
{
  JpReviewProgress *progress;
  g_autoptr(GHashTable) by_trade = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (items != NULL || n == 0, NULL);

  progress = g_new0 (JpReviewProgress, 1);
  progress->trades = g_ptr_array_new_with_free_func ((GDestroyNotify) trade_progress_free);
  for (guint i = 0; i < n; i++)
    {
      const char *name = items[i].trade != NULL ? items[i].trade : "";
      JpReviewTradeProgress *t = g_hash_table_lookup (by_trade, name);

      if (t == NULL)
        {
          t = g_new0 (JpReviewTradeProgress, 1);
          t->trade = g_strdup (name);
          g_ptr_array_add (progress->trades, t);
          g_hash_table_insert (by_trade, t->trade, t);
        }
      t->total++;
      count (items[i].decision, &t->qualified, &t->returned, &t->pending);
      progress->total++;
      count (items[i].decision, &progress->qualified, &progress->returned, &progress->pending);
    }
  progress->reviewed = progress->qualified + progress->returned;
  return progress;
}

void
jp_review_progress_free (JpReviewProgress *progress)
{
  if (progress == NULL)
    return;
  g_clear_pointer (&progress->trades, g_ptr_array_unref);
  g_free (progress);
}
