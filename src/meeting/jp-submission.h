/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* What a station does with a submission to the host, the same for a ballot and a defence
 * score sheet: one idempotency key drawn at the first attempt and kept for every later one
 * (so the host stores the submission once however often it is sent), and the outcome of an
 * attempt read from the request's result. The widgets (JpStationBallot, JpStationDefence)
 * only say what each outcome means for the member. */

#include <gio/gio.h>

#include "jp-meeting.h"

G_BEGIN_DECLS

typedef enum {
  JP_SUBMISSION_ACCEPTED,        /* the host stored it */
  JP_SUBMISSION_STORED_BEFORE,   /* the host already has this member's (already-voted,
                                  * already-submitted): nothing more to send */
  JP_SUBMISSION_NOT_SENT,        /* the host could not be reached: a ballot stays queued, a
                                  * sheet is submitted again */
  JP_SUBMISSION_REFUSED,         /* refused (or a host that is not the pinned one); the
                                  * error's message says why */
  JP_SUBMISSION_CANCELLED,       /* the widget went away: show nothing */
} JpSubmissionOutcome;

typedef struct {
  char *key;                     /* NULL until the first attempt */
} JpSubmission;

/* The key of `submission`: drawn from the secure source (jp_random_hex) at the first call,
 * the same at every later one. NULL with an error when the source fails. (transfer none) */
const char          *jp_submission_key     (JpSubmission  *submission,
                                            GError       **error);
/* Forgets the key: the next attempt is a new submission (another candidate's sheet). */
void                 jp_submission_reset   (JpSubmission  *submission);

/* The outcome of an attempt whose finish returned `accepted` with `error`; `result` is the
 * request's result (jp_meeting_client_request_reason reads the host's reason from it). */
JpSubmissionOutcome  jp_submission_outcome (gboolean       accepted,
                                            const GError  *error,
                                            GAsyncResult  *result);

G_END_DECLS
