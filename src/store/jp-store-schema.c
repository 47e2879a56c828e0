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

  /* audit chain (step 10 of the merged list): every audit row carries the SHA-256 of the row
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
