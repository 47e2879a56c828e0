/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include "jp-meeting-client.h"
#include "jp-submission.h"
#include "store/jp-random.h"

const char *
jp_submission_key (JpSubmission  *submission,
                   GError       **error)
{
  g_return_val_if_fail (submission != NULL, NULL);
  if (submission->key == NULL)
    submission->key = jp_random_hex (16, error);
  return submission->key;
}

void
jp_submission_reset (JpSubmission *submission)
{
  g_return_if_fail (submission != NULL);
  g_clear_pointer (&submission->key, g_free);
}

JpSubmissionOutcome
jp_submission_outcome (gboolean      accepted,
                       const GError *error,
                       GAsyncResult *result)
{
  const char *reason;

  if (accepted)
    return JP_SUBMISSION_ACCEPTED;
  g_return_val_if_fail (error != NULL, JP_SUBMISSION_REFUSED);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return JP_SUBMISSION_CANCELLED;
  /* not a certificate refusal: resending to a host that is not the pinned one would not
   * help, the member needs its message */
  if (g_error_matches (error, JP_MEETING_ERROR, JP_MEETING_ERROR_NETWORK))
    return JP_SUBMISSION_NOT_SENT;
  reason = result != NULL ? jp_meeting_client_request_reason (result) : NULL;
  if (g_strcmp0 (reason, "already-voted") == 0 || g_strcmp0 (reason, "already-submitted") == 0)
    return JP_SUBMISSION_STORED_BEFORE;
  return JP_SUBMISSION_REFUSED;
}
