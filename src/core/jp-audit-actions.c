/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-audit-actions.h"

typedef struct {
  const char *action;
  const char *label;
} ActionLabel;

/* sorted by action, for bsearch */
static const ActionLabel labels[] = {
  { "audit.chain", N_("Audit log chained") },
  { "backup.restore", N_("Restored from a backup") },
  { "backup.write", N_("Backup written") },
  { "ballot.cast", N_("Ballot cast") },
  { "candidate.add", N_("Candidate added") },
  { "candidate.update", N_("Candidate changed") },
  { "candidates.freeze", N_("Candidate list frozen") },
  { "conflict.add", N_("Conflict of interest recorded") },
  { "conflict.remove", N_("Conflict of interest removed") },
  { "defence.absent", N_("Member absent from a defence session") },
  { "defence.close", N_("Defence session closed") },
  { "defence.current", N_("Defence candidate called") },
  { "defence.open", N_("Defence session opened") },
  { "defence.paper", N_("Paper score sheet entered") },
  { "defence.revise", N_("Score sheet revised after an alert") },
  { "defence.submit", N_("Score sheet submitted") },
  { "defence.unlock", N_("Score sheet unlocked") },
  { "document.rotate", N_("Evidence page rotated") },
  { "election.create", N_("Election created") },
  { "election.update", N_("Election details changed") },
  { "host.certificate", N_("Host certificate created") },
  { "likes.import", N_("Online likes imported") },
  { "likes.zero", N_("Likes set to zero") },
  { "member.add", N_("Member added") },
  { "member.delete", N_("Member removed") },
  { "member.pin", N_("Member PIN set") },
  { "member.pins-revoked", N_("Member PINs revoked") },
  { "member.update", N_("Member changed") },
  { "objection.add", N_("Objection registered") },
  { "objection.decide", N_("Objection decided") },
  { "paper.enter", N_("Paper ballots entered") },
  { "publicity.add-candidate", N_("Candidate added to the publicity list") },
  { "publicity.close", N_("Publicity closed") },
  { "publicity.start", N_("Publicity started") },
  { "ranking.adjust", N_("Recommended list adjusted") },
  { "ranking.publish", N_("Ranking shown on the projector") },
  { "ranking.seal", N_("Ranking sealed") },
  { "redaction.add", N_("Redaction added") },
  { "redaction.remove", N_("Redaction removed") },
  { "review.decide", N_("Qualification decided") },
  { "round.close", N_("Round closed") },
  { "round.create", N_("Round created") },
  { "round.open", N_("Round opened") },
  { "round.seal", N_("Round sealed") },
  { "schema.migrate", N_("Election file upgraded") },
  { "settings.update", N_("Settings changed") },
  { "trade.add", N_("Trade added") },
  { "trade.delete", N_("Trade removed") },
  { "trade.seats", N_("Seats of a trade changed") },
  { "trade.update", N_("Trade changed") },
  { "unit.add", N_("Nominating unit added") },
  { "unit.pilot", N_("Pilot unit marked") },
  { "unit.update", N_("Nominating unit changed") },
};

static int
compare (const void *key,
         const void *item)
{
  return strcmp (key, ((const ActionLabel *) item)->action);
}

const char *
jp_audit_action_label (const char *action)
{
  const ActionLabel *found;

  if (action == NULL)
    return NULL;
  found = bsearch (action, labels, G_N_ELEMENTS (labels), sizeof labels[0], compare);
  return found != NULL ? _(found->label) : NULL;
}
