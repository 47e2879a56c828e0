/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-private.h"

/* The schema as an ordered list of forward migrations. A released step is never edited:
 * files in the field were built by it. Change the schema by appending a step and raising
 * JP_STORE_SCHEMA_VERSION. */
static const char *const migrations[] = {
  /* 1: base schema */
  "CREATE TABLE election ("
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  award       TEXT NOT NULL DEFAULT '',"
  "  year        INTEGER NOT NULL DEFAULT 0,"
  "  organiser   TEXT NOT NULL DEFAULT '',"
  "  quota       INTEGER NOT NULL DEFAULT 20,"
  "  ratio       REAL NOT NULL DEFAULT 1.5,"
  "  created_at  INTEGER NOT NULL,"
  "  settings    TEXT NOT NULL DEFAULT '{}'"
  ");"
  "CREATE TABLE trade ("
  "  id          INTEGER PRIMARY KEY,"
  "  code        TEXT UNIQUE COLLATE NOCASE,"
  "  name        TEXT NOT NULL UNIQUE,"
  "  priority    INTEGER NOT NULL DEFAULT 0,"
  "  sort        INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE unit ("
  "  id               INTEGER PRIMARY KEY,"
  "  name             TEXT NOT NULL UNIQUE,"
  "  pilot            INTEGER NOT NULL DEFAULT 0,"
  "  nomination_limit INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE candidate ("
  "  id             INTEGER PRIMARY KEY,"
  "  name           TEXT NOT NULL,"
  "  sex            TEXT NOT NULL DEFAULT 'unknown',"
  "  ethnicity      TEXT,"
  "  birth          TEXT,"
  "  political      TEXT,"
  "  education      TEXT,"
  "  work_start     TEXT,"
  "  id_number      TEXT UNIQUE,"
  "  employer       TEXT,"
  "  position       TEXT,"
  "  work_type      TEXT,"
  "  years_in_trade INTEGER NOT NULL DEFAULT -1,"
  "  skill_level    TEXT,"
  "  phone          TEXT,"
  "  union_member   INTEGER NOT NULL DEFAULT -1,"
  "  criteria       INTEGER NOT NULL DEFAULT 0,"
  "  honours        TEXT,"
  "  summary        TEXT,"
  "  deeds          TEXT,"
  "  fill_date      TEXT,"
  "  unit_id        INTEGER REFERENCES unit (id),"
  "  route          TEXT NOT NULL DEFAULT 'unknown',"
  "  trade_id       INTEGER REFERENCES trade (id),"
  "  status         TEXT NOT NULL DEFAULT 'submitted',"
  "  created_at     INTEGER NOT NULL,"
  "  updated_at     INTEGER NOT NULL"
  ");"
  "CREATE TABLE document ("
  "  sha256  TEXT PRIMARY KEY,"
  "  mime    TEXT,"
  "  pages   INTEGER NOT NULL DEFAULT 0,"
  "  bytes   INTEGER NOT NULL DEFAULT 0,"
  "  data    BLOB NOT NULL"
  ");"
  "CREATE TABLE candidate_document ("
  "  candidate_id INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,"
  "  sha256       TEXT NOT NULL REFERENCES document (sha256),"
  "  kind         TEXT NOT NULL,"
  "  criterion    INTEGER NOT NULL DEFAULT 0,"
  "  filename     TEXT,"
  "  sort         INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (candidate_id, sha256, kind)"
  ");"
  "CREATE INDEX candidate_document_sha256 ON candidate_document (sha256);"
  "CREATE TABLE member ("
  "  id        INTEGER PRIMARY KEY,"
  "  code      TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  name      TEXT NOT NULL,"
  "  unit      TEXT,"
  "  role      TEXT NOT NULL DEFAULT 'member',"
  "  pin_hash  TEXT,"
  "  pin_salt  TEXT"
  ");"
  "CREATE TABLE member_trade ("
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  trade_id  INTEGER NOT NULL REFERENCES trade (id),"
  "  PRIMARY KEY (member_id, trade_id)"
  ");"
  "CREATE TABLE audit ("
  "  seq        INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at         INTEGER NOT NULL,"
  "  actor      TEXT NOT NULL,"
  "  action     TEXT NOT NULL,"
  "  payload    TEXT NOT NULL DEFAULT '{}',"
  "  prev_hash  TEXT,"
  "  hash       TEXT"
  ");"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 2: conflicts of interest; indexes for the candidate list */
  "CREATE TABLE conflict ("
  "  id           INTEGER PRIMARY KEY,"
  "  member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('same_unit', 'declared')),"
  "  type         TEXT CHECK (type IS NULL"
  "                           OR type IN ('relative', 'teacher', 'supervisor', 'other')),"
  "  note         TEXT,"
  "  created_at   INTEGER NOT NULL,"
  "  UNIQUE (member_id, candidate_id, kind)"
  ");"
  "CREATE INDEX conflict_candidate ON conflict (candidate_id);"
  "CREATE INDEX candidate_trade ON candidate (trade_id);"
  "CREATE INDEX candidate_unit ON candidate (unit_id);",

  /* 3: the host console: qualification review, settings, seats, anonymous codes, PINs,
   * page rotations. Evidence links and rotations name documents by sha256 without a
   * foreign key: a re-import may replace a candidate's documents, and the review must
   * still show what was linked when it was decided. */
  "CREATE TABLE review ("
  "  candidate_id    INTEGER PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,"
  "  criteria        INTEGER NOT NULL DEFAULT 0,"
  "  exclusions      INTEGER NOT NULL DEFAULT 0,"
  "  exclusion_notes TEXT NOT NULL DEFAULT '{}',"
  "  decision        TEXT NOT NULL DEFAULT 'pending'"
  "                  CHECK (decision IN ('pending', 'qualified', 'returned')),"
  "  reason          TEXT,"
  "  decided_by      TEXT,"
  "  decided_at      INTEGER"
  ");"
  "CREATE TABLE review_evidence ("
  "  candidate_id INTEGER NOT NULL REFERENCES review (candidate_id) ON DELETE CASCADE,"
  "  criterion    INTEGER NOT NULL CHECK (criterion BETWEEN 1 AND 6),"
  "  sha256       TEXT NOT NULL,"
  "  sort         INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (candidate_id, criterion, sha256)"
  ");"
  "ALTER TABLE election ADD COLUMN settings_ini TEXT;"
  "ALTER TABLE election ADD COLUMN frozen_at INTEGER;"
  "ALTER TABLE trade ADD COLUMN seats INTEGER CHECK (seats IS NULL OR seats >= 0);"
  "ALTER TABLE candidate ADD COLUMN code TEXT;"
  "ALTER TABLE candidate ADD COLUMN code_position INTEGER;"
  "CREATE UNIQUE INDEX candidate_code ON candidate (code);"
  "ALTER TABLE member ADD COLUMN pin_iterations INTEGER;"
  "ALTER TABLE member ADD COLUMN pin_set_at INTEGER;"
  "CREATE TABLE document_rotation ("
  "  sha256  TEXT NOT NULL,"
  "  page    INTEGER NOT NULL CHECK (page >= 0),"
  "  degrees INTEGER NOT NULL CHECK (degrees IN (0, 90, 180, 270)),"
  "  PRIMARY KEY (sha256, page)"
  ");",

  /* 4: rounds and the secret ballot. The ballot table has no member and no time and is
   * keyed by a random serial WITHOUT ROWID, so neither its columns nor its physical order
   * tell who cast which ballot or when; the roster says only who has voted. Triggers make
   * ballots append-only while the round is open and freeze a round once closed, so a
   * bug elsewhere cannot rewrite a result. */
  "CREATE TABLE round ("
  "  id                 INTEGER PRIMARY KEY,"
  "  kind               TEXT NOT NULL CHECK (kind IN ('ballot', 'defence')),"
  "  trade_id           INTEGER NOT NULL REFERENCES trade (id),"
  "  state              TEXT NOT NULL DEFAULT 'draft'"
  "                     CHECK (state IN ('draft', 'open', 'closed', 'sealed')),"
  "  seats              INTEGER NOT NULL CHECK (seats >= 1),"
  "  max_choices        INTEGER NOT NULL CHECK (max_choices >= 1),"
  "  present            INTEGER NOT NULL CHECK (present >= 1),"
  "  majority_threshold INTEGER NOT NULL DEFAULT 0,"
  "  parent_round_id    INTEGER REFERENCES round (id),"
  "  number             INTEGER NOT NULL,"
  "  order_random       TEXT,"
  "  created_at         INTEGER NOT NULL,"
  "  opened_at          INTEGER,"
  "  closed_at          INTEGER,"
  "  sealed_at          INTEGER,"
  "  result             TEXT,"
  "  digest             TEXT,"
  "  UNIQUE (trade_id, kind, number)"
  ");"
  "CREATE TABLE round_candidate ("
  "  round_id     INTEGER NOT NULL REFERENCES round (id),"
  "  candidate_id INTEGER NOT NULL REFERENCES candidate (id),"
  "  code         TEXT NOT NULL,"
  "  position     INTEGER NOT NULL CHECK (position >= 1),"
  "  PRIMARY KEY (round_id, candidate_id),"
  "  UNIQUE (round_id, position),"
  "  UNIQUE (round_id, code)"
  ");"
  "CREATE TABLE ballot ("
  "  round_id  INTEGER NOT NULL REFERENCES round (id),"
  "  serial    INTEGER NOT NULL CHECK (serial > 0),"
  "  marks     TEXT NOT NULL DEFAULT '',"
  "  invalid   INTEGER NOT NULL DEFAULT 0,"
  "  idem_hash TEXT,"
  "  PRIMARY KEY (round_id, serial),"
  "  UNIQUE (round_id, idem_hash)"
  ") WITHOUT ROWID;"
  "CREATE TABLE ballot_roster ("
  "  round_id  INTEGER NOT NULL REFERENCES round (id),"
  "  member_id INTEGER NOT NULL REFERENCES member (id),"
  "  PRIMARY KEY (round_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE paper_entry ("
  "  round_id   INTEGER NOT NULL REFERENCES round (id),"
  "  pass       INTEGER NOT NULL CHECK (pass IN (1, 2)),"
  "  serial     INTEGER NOT NULL CHECK (serial > 0),"
  "  marks      TEXT NOT NULL DEFAULT '',"
  "  invalid    INTEGER NOT NULL DEFAULT 0,"
  "  line       INTEGER NOT NULL DEFAULT 0,"
  "  entered_by TEXT NOT NULL,"
  "  PRIMARY KEY (round_id, pass, serial)"
  ");"
  "CREATE TRIGGER ballot_only_open BEFORE INSERT ON ballot"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'ballots are accepted only while the round is open'); END;"
  "CREATE TRIGGER ballot_no_update BEFORE UPDATE ON ballot"
  "  BEGIN SELECT RAISE (ABORT, 'a cast ballot cannot be changed'); END;"
  "CREATE TRIGGER ballot_no_delete BEFORE DELETE ON ballot"
  "  BEGIN SELECT RAISE (ABORT, 'a cast ballot cannot be removed'); END;"
  "CREATE TRIGGER roster_no_delete BEFORE DELETE ON ballot_roster"
  "  BEGIN SELECT RAISE (ABORT, 'the roster of a round cannot be changed'); END;"
  "CREATE TRIGGER round_closed_frozen BEFORE UPDATE ON round"
  "  WHEN OLD.state = 'sealed' OR (OLD.state = 'closed' AND NEW.state IS NOT 'sealed')"
  "       OR (OLD.state = 'closed' AND (NEW.result IS NOT OLD.result"
  "                                     OR NEW.digest IS NOT OLD.digest))"
  "  BEGIN SELECT RAISE (ABORT, 'a closed round cannot be changed'); END;"
  "CREATE INDEX round_trade ON round (trade_id);",

  /* 5: the chair's hand-drawn redaction boxes (scans without a text layer), kept in the
   * election so that a restarted host burns the same boxes into the anonymised copies.
   * Rectangles are in unrotated page points, top-left origin, like the viewer's hits. */
  "CREATE TABLE redaction_box ("
  "  id         INTEGER PRIMARY KEY,"
  "  sha256     TEXT NOT NULL,"
  "  page       INTEGER NOT NULL CHECK (page >= 0),"
  "  x          REAL NOT NULL CHECK (x >= 0),"
  "  y          REAL NOT NULL CHECK (y >= 0),"
  "  width      REAL NOT NULL CHECK (width > 0),"
  "  height     REAL NOT NULL CHECK (height > 0),"
  "  created_by TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX redaction_box_document ON redaction_box (sha256, page);",

  /* 6: the host's own TLS identity (made by the meeting layer when the election is first
   * hosted), so that stations which pinned its fingerprint still trust a restarted host.
   * PEM text, one row. */
  "CREATE TABLE host_tls ("
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),"
  "  certificate TEXT NOT NULL,"
  "  private_key TEXT NOT NULL,"
  "  fingerprint TEXT NOT NULL,"
  "  created_at  INTEGER NOT NULL"
  ");",

  /* 7: online likes (RULES.md "Online likes"). online_likes holds the last accepted import,
   * one row per finalist it listed; a later import replaces every row (the audit keeps both,
   * with the file's SHA-256 and the counts). A chair's zeroing for ballot stuffing (刷票) is
   * a decision about the candidate, not about a file: it is kept apart and survives a
   * re-import. */
  "CREATE TABLE online_likes ("
  "  candidate_id INTEGER PRIMARY KEY REFERENCES candidate (id),"
  "  code         TEXT NOT NULL,"
  "  likes        INTEGER NOT NULL CHECK (likes >= 0),"
  "  line         INTEGER NOT NULL DEFAULT 0,"
  "  file_sha256  TEXT NOT NULL,"
  "  imported_by  TEXT NOT NULL,"
  "  imported_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE online_likes_zeroed ("
  "  candidate_id INTEGER PRIMARY KEY REFERENCES candidate (id),"
  "  reason       TEXT NOT NULL CHECK (length (trim (reason)) > 0),"
  "  zeroed_by    TEXT NOT NULL,"
  "  zeroed_at    INTEGER NOT NULL"
  ");",

  /* 8: defence sessions (RULES.md "Defence scoring", docs/defence.md). A session is a round
   * of kind 'defence' (round_candidate holds the drawn order of appearance); defence_session
   * freezes the rubric and times of the settings when it opens and names the current
   * candidate. Sheets are named (defence scores are not secret); scores are halves of a
   * point, space-separated, -1 for a field of a draft not filled in. The chair's unlocks,
   * requests to revise after an alert, recorded absences and the two passes of the paper
   * entry are kept. Triggers freeze all of it once the round is closed. */
  "CREATE TABLE defence_session ("
  "  round_id             INTEGER PRIMARY KEY REFERENCES round (id),"
  "  rubric               TEXT NOT NULL,"
  "  presentation_minutes INTEGER NOT NULL CHECK (presentation_minutes >= 1),"
  "  questions_minutes    INTEGER NOT NULL CHECK (questions_minutes >= 1),"
  "  drop_min_totals      INTEGER NOT NULL CHECK (drop_min_totals >= 3),"
  "  alert_hundredths     INTEGER NOT NULL CHECK (alert_hundredths >= 0),"
  "  current_candidate_id INTEGER REFERENCES candidate (id)"
  ");"
  "CREATE TABLE defence_sheet ("
  "  round_id      INTEGER NOT NULL REFERENCES round (id),"
  "  candidate_id  INTEGER NOT NULL REFERENCES candidate (id),"
  "  member_id     INTEGER NOT NULL REFERENCES member (id),"
  "  scores        TEXT NOT NULL,"
  "  total_halves  INTEGER NOT NULL CHECK (total_halves >= 0),"
  "  state         TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),"
  "  source        TEXT NOT NULL DEFAULT 'station' CHECK (source IN ('station', 'paper')),"
  "  reopened      INTEGER NOT NULL DEFAULT 0,"
  "  updated_at    INTEGER NOT NULL,"
  "  submitted_at  INTEGER,"
  "  PRIMARY KEY (round_id, candidate_id, member_id)"
  ");"
  "CREATE TABLE defence_unlock ("
  "  id            INTEGER PRIMARY KEY,"
  "  round_id      INTEGER NOT NULL REFERENCES round (id),"
  "  candidate_id  INTEGER NOT NULL REFERENCES candidate (id),"
  "  member_id     INTEGER NOT NULL REFERENCES member (id),"
  "  reason        TEXT NOT NULL CHECK (length (trim (reason)) > 0),"
  "  scores        TEXT NOT NULL,"
  "  total_halves  INTEGER NOT NULL,"
  "  unlocked_by   TEXT NOT NULL,"
  "  unlocked_at   INTEGER NOT NULL"
  ");"
  "CREATE TABLE defence_revision ("
  "  round_id        INTEGER NOT NULL REFERENCES round (id),"
  "  candidate_id    INTEGER NOT NULL REFERENCES candidate (id),"
  "  member_id       INTEGER NOT NULL REFERENCES member (id),"
  "  scores          TEXT NOT NULL,"
  "  total_halves    INTEGER NOT NULL,"
  "  median          INTEGER NOT NULL,"
  "  reason          TEXT,"
  "  requested_by    TEXT NOT NULL,"
  "  requested_at    INTEGER NOT NULL,"
  "  revised_at      INTEGER,"
  "  PRIMARY KEY (round_id, candidate_id, member_id)"
  ");"
  "CREATE TABLE defence_absence ("
  "  round_id     INTEGER NOT NULL REFERENCES round (id),"
  "  member_id    INTEGER NOT NULL REFERENCES member (id),"
  "  reason       TEXT NOT NULL CHECK (length (trim (reason)) > 0),"
  "  recorded_by  TEXT NOT NULL,"
  "  recorded_at  INTEGER NOT NULL,"
  "  PRIMARY KEY (round_id, member_id)"
  ");"
  "CREATE TABLE defence_paper_entry ("
  "  round_id     INTEGER NOT NULL REFERENCES round (id),"
  "  pass         INTEGER NOT NULL CHECK (pass IN (1, 2)),"
  "  member_id    INTEGER NOT NULL REFERENCES member (id),"
  "  candidate_id INTEGER NOT NULL REFERENCES candidate (id),"
  "  scores       TEXT NOT NULL,"
  "  total_halves INTEGER NOT NULL CHECK (total_halves >= 0),"
  "  line         INTEGER NOT NULL DEFAULT 0,"
  "  entered_by   TEXT NOT NULL,"
  "  PRIMARY KEY (round_id, pass, member_id, candidate_id)"
  ");"
  "CREATE TRIGGER defence_session_frozen BEFORE UPDATE ON defence_session"
  "  WHEN (SELECT state FROM round WHERE id = OLD.round_id) IN ('closed', 'sealed')"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_session_no_delete BEFORE DELETE ON defence_session"
  "  BEGIN SELECT RAISE (ABORT, 'a defence session cannot be removed'); END;"
  "CREATE TRIGGER defence_sheet_frozen_insert BEFORE INSERT ON defence_sheet"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'sheets are accepted only while the session is open'); END;"
  "CREATE TRIGGER defence_sheet_frozen_update BEFORE UPDATE ON defence_sheet"
  "  WHEN (SELECT state FROM round WHERE id = OLD.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_sheet_no_delete BEFORE DELETE ON defence_sheet"
  "  BEGIN SELECT RAISE (ABORT, 'a defence sheet cannot be removed'); END;"
  "CREATE TRIGGER defence_unlock_frozen BEFORE INSERT ON defence_unlock"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_unlock_no_update BEFORE UPDATE ON defence_unlock"
  "  BEGIN SELECT RAISE (ABORT, 'an unlock is kept as it was'); END;"
  "CREATE TRIGGER defence_unlock_no_delete BEFORE DELETE ON defence_unlock"
  "  BEGIN SELECT RAISE (ABORT, 'an unlock is kept as it was'); END;"
  "CREATE TRIGGER defence_revision_frozen_insert BEFORE INSERT ON defence_revision"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_revision_frozen_update BEFORE UPDATE ON defence_revision"
  "  WHEN (SELECT state FROM round WHERE id = OLD.round_id) IS NOT 'open'"
  "       OR NEW.scores IS NOT OLD.scores OR NEW.total_halves IS NOT OLD.total_halves"
  "       OR NEW.median IS NOT OLD.median"
  "  BEGIN SELECT RAISE (ABORT, 'an alert and its revision are kept as they were'); END;"
  "CREATE TRIGGER defence_revision_no_delete BEFORE DELETE ON defence_revision"
  "  BEGIN SELECT RAISE (ABORT, 'an alert and its revision are kept as they were'); END;"
  "CREATE TRIGGER defence_absence_frozen BEFORE INSERT ON defence_absence"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_absence_no_update BEFORE UPDATE ON defence_absence"
  "  BEGIN SELECT RAISE (ABORT, 'a recorded absence is kept as it was'); END;"
  "CREATE TRIGGER defence_absence_no_delete BEFORE DELETE ON defence_absence"
  "  BEGIN SELECT RAISE (ABORT, 'a recorded absence is kept as it was'); END;"
  "CREATE TRIGGER defence_paper_frozen_insert BEFORE INSERT ON defence_paper_entry"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_paper_frozen_update BEFORE UPDATE ON defence_paper_entry"
  "  WHEN (SELECT state FROM round WHERE id = OLD.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE TRIGGER defence_paper_frozen_delete BEFORE DELETE ON defence_paper_entry"
  "  WHEN (SELECT state FROM round WHERE id = OLD.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed defence session cannot be changed'); END;"
  "CREATE INDEX defence_sheet_member ON defence_sheet (round_id, member_id);",

  /* 9: the composite ranking's adjustments and seal (RULES.md "Composite ranking",
   * docs/ranking.md). One adjustment per candidate with the chair's written reason, kept.
   * The seal stores the canonical text and its digest; after it, triggers refuse any
   * adjustment and any change to the online likes, so the sealed ranking cannot move. */
  "CREATE TABLE ranking_adjustment ("
  "  candidate_id INTEGER PRIMARY KEY REFERENCES candidate (id),"
  "  code         TEXT NOT NULL,"
  "  direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
  "  reason       TEXT NOT NULL CHECK (length (trim (reason)) > 0),"
  "  adjusted_by  TEXT NOT NULL,"
  "  adjusted_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE ranking_seal ("
  "  id         INTEGER PRIMARY KEY CHECK (id = 1),"
  "  canonical  TEXT NOT NULL,"
  "  digest     TEXT NOT NULL,"
  "  sealed_by  TEXT NOT NULL,"
  "  sealed_at  INTEGER NOT NULL"
  ");"
  "CREATE TRIGGER ranking_seal_no_update BEFORE UPDATE ON ranking_seal"
  "  BEGIN SELECT RAISE (ABORT, 'a sealed ranking cannot be changed'); END;"
  "CREATE TRIGGER ranking_seal_no_delete BEFORE DELETE ON ranking_seal"
  "  BEGIN SELECT RAISE (ABORT, 'a sealed ranking cannot be changed'); END;"
  "CREATE TRIGGER ranking_adjustment_sealed_insert BEFORE INSERT ON ranking_adjustment"
  "  WHEN EXISTS (SELECT 1 FROM ranking_seal)"
  "  BEGIN SELECT RAISE (ABORT, 'the ranking is sealed'); END;"
  "CREATE TRIGGER ranking_adjustment_no_update BEFORE UPDATE ON ranking_adjustment"
  "  BEGIN SELECT RAISE (ABORT, 'an adjustment is kept as it was'); END;"
  "CREATE TRIGGER ranking_adjustment_no_delete BEFORE DELETE ON ranking_adjustment"
  "  BEGIN SELECT RAISE (ABORT, 'an adjustment is kept as it was'); END;"
  "CREATE TRIGGER online_likes_sealed_insert BEFORE INSERT ON online_likes"
  "  WHEN EXISTS (SELECT 1 FROM ranking_seal)"
  "  BEGIN SELECT RAISE (ABORT, 'the ranking is sealed'); END;"
  "CREATE TRIGGER online_likes_sealed_delete BEFORE DELETE ON online_likes"
  "  WHEN EXISTS (SELECT 1 FROM ranking_seal)"
  "  BEGIN SELECT RAISE (ABORT, 'the ranking is sealed'); END;"
  "CREATE TRIGGER online_likes_sealed_update BEFORE UPDATE ON online_likes"
  "  WHEN EXISTS (SELECT 1 FROM ranking_seal)"
  "  BEGIN SELECT RAISE (ABORT, 'the ranking is sealed'); END;"
  "CREATE TRIGGER online_likes_zeroed_sealed BEFORE INSERT ON online_likes_zeroed"
  "  WHEN EXISTS (SELECT 1 FROM ranking_seal)"
  "  BEGIN SELECT RAISE (ABORT, 'the ranking is sealed'); END;",

  /* 10: the audit chain: every audit row carries the SHA-256 of the row
   * before it (docs/audit-chain.md). The rows written before are chained once, in seq order,
   * by jp_audit_chain_build() (the store's SQL function), which appends an "audit.chain"
   * row for it; the update trigger is lifted for that statement only and put back as it
   * was. From now on a row without its place in the chain is refused. A ballot round's
   * digest covers its ballots from now on (docs/result-digest.md, version 2); rounds closed
   * before keep version 1. */
  "ALTER TABLE round ADD COLUMN digest_version INTEGER NOT NULL DEFAULT 1;"
  "DROP TRIGGER audit_no_update;"
  "SELECT jp_audit_chain_build ();"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_chained BEFORE INSERT ON audit"
  "  WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL"
  "  BEGIN SELECT RAISE (ABORT, 'an audit entry needs its place in the hash chain'); END;",

  /* 11: publicity (公示) and the
   * objections register (异议), RULES.md "Publicity". One publicity row per election, made
   * when the chair starts it from the sealed ranking's recommended list, which is copied into
   * publicity_candidate as it was publicized. An upheld objection sets objection_id on its
   * candidate (disqualified); a candidate enters the list later only by the chair's recorded
   * decision (source 'chair' with reason, decided_by, decided_at). Closing writes the final
   * list's digest (docs/final-list.md); from then on nothing of it changes. Decided
   * objections are frozen; none is ever deleted. */
  "CREATE TABLE publicity ("
  "  id             INTEGER PRIMARY KEY CHECK (id = 1),"
  "  start_date     TEXT NOT NULL,"
  "  end_date       TEXT NOT NULL,"
  "  working_days   INTEGER NOT NULL CHECK (working_days >= 1),"
  "  missing_years  TEXT NOT NULL DEFAULT '',"
  "  ranking_digest TEXT,"
  "  approved_by    TEXT NOT NULL CHECK (length (trim (approved_by)) > 0),"
  "  approved_at    TEXT NOT NULL,"
  "  started_by     TEXT NOT NULL,"
  "  started_at     INTEGER NOT NULL,"
  "  closed_by      TEXT,"
  "  closed_at      INTEGER,"
  "  final_digest   TEXT,"
  "  final_text     TEXT"
  ");"
  "CREATE TABLE objection ("
  "  id            INTEGER PRIMARY KEY,"
  "  candidate_id  INTEGER NOT NULL REFERENCES candidate (id),"
  "  received      TEXT NOT NULL,"
  "  channel       TEXT NOT NULL CHECK (channel IN ('letter', 'phone', 'visit')),"
  "  from_kind     TEXT NOT NULL CHECK (from_kind IN ('unit', 'person', 'anonymous')),"
  "  from_name     TEXT,"
  "  sealed        INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),"
  "  content       TEXT NOT NULL CHECK (length (trim (content)) > 0),"
  "  investigation TEXT,"
  "  outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('upheld', 'rejected')),"
  "  handled_by    TEXT,"
  "  decided_at    INTEGER,"
  "  created_by    TEXT NOT NULL,"
  "  created_at    INTEGER NOT NULL,"
  "  CHECK ((from_kind = 'anonymous') = (from_name IS NULL)),"
  "  CHECK (sealed = 0 OR from_kind = 'unit'),"
  "  CHECK ((outcome IS NULL) = (decided_at IS NULL))"
  ");"
  "CREATE INDEX objection_candidate ON objection (candidate_id);"
  "CREATE TABLE publicity_candidate ("
  "  candidate_id INTEGER PRIMARY KEY REFERENCES candidate (id),"
  "  position     INTEGER NOT NULL UNIQUE CHECK (position >= 1),"
  "  source       TEXT NOT NULL DEFAULT 'ranking' CHECK (source IN ('ranking', 'chair')),"
  "  reason       TEXT,"
  "  decided_by   TEXT,"
  "  decided_at   INTEGER,"
  "  objection_id INTEGER REFERENCES objection (id),"
  "  CHECK (source = 'ranking' OR length (trim (reason)) > 0)"
  ");"
  "CREATE TRIGGER publicity_closed_frozen BEFORE UPDATE ON publicity"
  "  WHEN OLD.closed_at IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'publicity is closed: its final list cannot change'); END;"
  "CREATE TRIGGER publicity_no_delete BEFORE DELETE ON publicity"
  "  BEGIN SELECT RAISE (ABORT, 'publicity cannot be removed'); END;"
  "CREATE TRIGGER objection_no_delete BEFORE DELETE ON objection"
  "  BEGIN SELECT RAISE (ABORT, 'an objection is never removed from the register'); END;"
  "CREATE TRIGGER objection_decided_frozen BEFORE UPDATE ON objection"
  "  WHEN OLD.outcome IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'a decided objection cannot be changed'); END;"
  "CREATE TRIGGER objection_after_close BEFORE INSERT ON objection"
  "  WHEN (SELECT closed_at FROM publicity) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'publicity is closed'); END;"
  "CREATE TRIGGER objection_update_after_close BEFORE UPDATE ON objection"
  "  WHEN (SELECT closed_at FROM publicity) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'publicity is closed'); END;"
  "CREATE TRIGGER publicity_candidate_insert_closed BEFORE INSERT ON publicity_candidate"
  "  WHEN (SELECT closed_at FROM publicity) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'publicity is closed'); END;"
  "CREATE TRIGGER publicity_candidate_update_closed BEFORE UPDATE ON publicity_candidate"
  "  WHEN (SELECT closed_at FROM publicity) IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'publicity is closed'); END;"
  "CREATE TRIGGER publicity_candidate_no_delete BEFORE DELETE ON publicity_candidate"
  "  BEGIN SELECT RAISE (ABORT, 'a publicized candidate stays on the record'); END;",

  /* 12: a closed defence session's outcome, stored at its close in the same transaction
   * (docs/defence.md "Close and seal"): each candidate's D in hundredths (NULL: no score)
   * and the SHA-256 of the outcome text, which names the session's own digest
   * (docs/ranking.md "The outcome text of a defence session"). The ranking reads D from
   * here and checks the text against that digest instead of scoring every sheet again.
   * Written only while the session is still open (by the close, just before the round's
   * state changes), never changed or removed. Sessions closed before this step have no
   * outcome rows; the ranking scores their sheets, checked against the session's digest. */
  "CREATE TABLE defence_outcome ("
  "  round_id  INTEGER PRIMARY KEY REFERENCES round (id),"
  "  digest    TEXT NOT NULL"
  ");"
  "CREATE TABLE defence_result ("
  "  round_id      INTEGER NOT NULL REFERENCES round (id),"
  "  candidate_id  INTEGER NOT NULL REFERENCES candidate (id),"
  "  code          TEXT NOT NULL,"
  "  position      INTEGER NOT NULL,"
  "  d             INTEGER,"
  "  PRIMARY KEY (round_id, candidate_id)"
  ");"
  "CREATE TRIGGER defence_outcome_insert BEFORE INSERT ON defence_outcome"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a defence outcome is written only by the close'); END;"
  "CREATE TRIGGER defence_outcome_no_update BEFORE UPDATE ON defence_outcome"
  "  BEGIN SELECT RAISE (ABORT, 'a defence outcome is kept as it was'); END;"
  "CREATE TRIGGER defence_outcome_no_delete BEFORE DELETE ON defence_outcome"
  "  BEGIN SELECT RAISE (ABORT, 'a defence outcome is kept as it was'); END;"
  "CREATE TRIGGER defence_result_insert BEFORE INSERT ON defence_result"
  "  WHEN (SELECT state FROM round WHERE id = NEW.round_id) IS NOT 'open'"
  "  BEGIN SELECT RAISE (ABORT, 'a defence outcome is written only by the close'); END;"
  "CREATE TRIGGER defence_result_no_update BEFORE UPDATE ON defence_result"
  "  BEGIN SELECT RAISE (ABORT, 'a defence outcome is kept as it was'); END;"
  "CREATE TRIGGER defence_result_no_delete BEFORE DELETE ON defence_result"
  "  BEGIN SELECT RAISE (ABORT, 'a defence outcome is kept as it was'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JP_STORE_SCHEMA_VERSION);

guint
jp_store_schema_n_steps (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
jp_store_schema_step (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}

gboolean
jp_store_schema_migrate (JpStore  *self,
                         int       from,
                         int       to,
                         GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_app_id = NULL;

  g_assert (from >= 0 && from <= to && to <= (int) G_N_ELEMENTS (migrations));

  for (int v = from + 1; v <= to; v++)
    {
      g_debug ("Migrating %s to schema %d", self->path, v);
      if (!jp_store_exec (self, migrations[v - 1], error))
        return FALSE;
    }

  /* PRAGMAs take no bound parameters; both values are integers of ours, not user data. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", to);
  set_app_id = g_strdup_printf ("PRAGMA application_id = %d", (int) JP_STORE_APPLICATION_ID);

  return jp_store_exec (self, set_version, error) && jp_store_exec (self, set_app_id, error);
}
