/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-round"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-csv.h"
#include "jp-enums.h"
#include "jp-round.h"

int
jp_round_default_max_choices (int setting,
                              int seats)
{
  return setting > 0 ? setting : seats;
}

G_DEFINE_QUARK (jp-ballot-error-quark, jp_ballot_error)

/* ---- kinds and states ---- */

static const char *const kind_keys[] = { "ballot", "defence" };
static const char *const state_keys[] = { "draft", "open", "closed", "sealed" };

const char *
jp_round_kind_to_key (JpRoundKind kind)
{
  g_return_val_if_fail (kind <= JP_ROUND_KIND_DEFENCE, "ballot");
  return kind_keys[kind];
}

const char *
jp_round_kind_label (JpRoundKind kind)
{
  switch (kind)
    {
    case JP_ROUND_KIND_DEFENCE:
      return _("Defence scoring");
    case JP_ROUND_KIND_BALLOT:
    default:
      return _("Committee ballot");
    }
}

JpRoundKind
jp_round_kind_from_key (const char *key,
                        gboolean   *ok)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (key != NULL && g_ascii_strcasecmp (key, kind_keys[i]) == 0)
      {
        if (ok != NULL)
          *ok = TRUE;
        return (JpRoundKind) i;
      }
  if (ok != NULL)
    *ok = FALSE;
  return JP_ROUND_KIND_BALLOT;
}

const char *
jp_round_state_to_key (JpRoundState state)
{
  g_return_val_if_fail (state <= JP_ROUND_STATE_SEALED, "draft");
  return state_keys[state];
}

const char *
jp_round_state_label (JpRoundState state)
{
  switch (state)
    {
    case JP_ROUND_STATE_OPEN:
      return _("Open");
    case JP_ROUND_STATE_CLOSED:
      return _("Closed");
    case JP_ROUND_STATE_SEALED:
      return _("Sealed");
    case JP_ROUND_STATE_DRAFT:
    default:
      return _("Draft");
    }
}

JpRoundState
jp_round_state_from_key (const char *key,
                         gboolean   *ok)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_keys); i++)
    if (key != NULL && g_ascii_strcasecmp (key, state_keys[i]) == 0)
      {
        if (ok != NULL)
          *ok = TRUE;
        return (JpRoundState) i;
      }
  if (ok != NULL)
    *ok = FALSE;
  return JP_ROUND_STATE_DRAFT;
}

gboolean
jp_round_can_transition (JpRoundState   from,
                         JpRoundState   to,
                         GError       **error)
{
  g_return_val_if_fail (from <= JP_ROUND_STATE_SEALED && to <= JP_ROUND_STATE_SEALED, FALSE);

  if ((int) to == (int) from + 1)
    return TRUE;

  if (from == JP_ROUND_STATE_SEALED || from == JP_ROUND_STATE_CLOSED)
    g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                 _("The round is %s and can no longer be changed to %s; a repeated vote is a "
                   "new round."),
                 jp_round_state_label (from), jp_round_state_label (to));
  else
    g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                 _("A round cannot go from %s to %s: it goes draft, open, closed, sealed, one "
                   "step at a time."),
                 jp_round_state_label (from), jp_round_state_label (to));
  return FALSE;
}

/* ---- new rounds and the quorum ---- */

gboolean
jp_round_may_open_new (const JpTradeRounds  *state,
                       const char           *trade_label,
                       const char           *reason,
                       JpNewRoundCase       *why,
                       GError              **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gboolean has_reason = g_utf8_strlen (trimmed, -1) >= JP_NEW_ROUND_REASON_MIN;
  JpNewRoundCase c;

  g_return_val_if_fail (state != NULL, FALSE);

  if (trade_label == NULL)
    trade_label = "";
  if (state->pending)
    c = JP_NEW_ROUND_PENDING;
  else if (state->n_rounds == 0)
    c = JP_NEW_ROUND_FIRST;
  else if (state->last_void)
    c = JP_NEW_ROUND_REPEAT_VOID;
  else if (state->runoff_due)
    c = JP_NEW_ROUND_RUNOFF_DUE;
  else
    c = JP_NEW_ROUND_REASON;
  if (why != NULL)
    *why = c;

  switch (c)
    {
    case JP_NEW_ROUND_FIRST:
    case JP_NEW_ROUND_REPEAT_VOID:
      return TRUE;
    case JP_NEW_ROUND_PENDING:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("Trade %s already has a round that is not closed; close it before opening "
                     "another."), trade_label);
      return FALSE;
    case JP_NEW_ROUND_RUNOFF_DUE:
      if (has_reason)
        return TRUE;
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("Trade %s has a tie at the cut-off: hold the run-off among the tied "
                     "candidates instead of a new round. A new round of all candidates needs a "
                     "written reason."), trade_label);
      return FALSE;
    case JP_NEW_ROUND_REASON:
    default:
      if (has_reason)
        return TRUE;
      if (state->seats_open <= 0)
        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("All %d seats of trade %s are filled and its result stands: the rules "
                       "call for no new round. Open one only with a written reason."),
                     state->seats, trade_label);
      else
        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("The last round of trade %s was valid and has no tie to break: the rules "
                       "call for no new round (%d of %d seats are still open). Open one only "
                       "with a written reason."),
                     trade_label, state->seats_open, state->seats);
      return FALSE;
    }
}

int
jp_round_quorum_needed (int panel,
                        int num,
                        int den)
{
  g_return_val_if_fail (panel >= 0 && num >= 0 && den > 0, 0);

  if (num == 0 || panel == 0)
    return 0;
  return (int) (((gint64) panel * num + den - 1) / den);
}

gboolean
jp_round_quorum_check (int          present,
                       int          panel,
                       int          num,
                       int          den,
                       const char  *trade_label,
                       GError     **error)
{
  int needed = jp_round_quorum_needed (panel, num, den);

  if (present >= needed)
    return TRUE;
  g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
               _("Trade %s: only %d of the %d panel members are present; the quorum (%d/%d of "
                 "the panel) needs at least %d. The round cannot open."),
               trade_label != NULL ? trade_label : "", present, panel, num, den, needed);
  return FALSE;
}

gboolean
jp_round_may_close (int      n_cast,
                    GError **error)
{
  if (n_cast > 0)
    return TRUE;
  g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("No ballot has been received: a round with no ballot cannot be closed "
                         "as a result. Wait for the members to vote, or enter the paper "
                         "ballots."));
  return FALSE;
}

/* ---- electronic ballots ---- */

const char *
jp_ballot_refusal_to_key (JpBallotRefusal refusal)
{
  switch (refusal)
    {
    case JP_BALLOT_REFUSAL_NOT_OPEN:      return "not-open";
    case JP_BALLOT_REFUSAL_NOT_ON_PANEL:  return "not-on-panel";
    case JP_BALLOT_REFUSAL_ALREADY_VOTED: return "already-voted";
    case JP_BALLOT_REFUSAL_TOO_MANY:      return "too-many-marks";
    case JP_BALLOT_REFUSAL_UNKNOWN_CODE:  return "unknown-code";
    case JP_BALLOT_REFUSAL_DUPLICATE:     return "duplicate-code";
    case JP_BALLOT_REFUSAL_CONFLICTED:    return "conflicted";
    case JP_BALLOT_REFUSAL_NONE:
    default:
      return "none";
    }
}

static gboolean
strv_has_code (const char *const *strv,
               const char        *code)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_ascii_strcasecmp (strv[i], code) == 0)
      return TRUE;
  return FALSE;
}

gboolean
jp_ballot_check (const JpBallotRequest  *req,
                 GError                **error)
{
  guint n_marks;

  g_return_val_if_fail (req != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_marks = req->marks != NULL ? g_strv_length ((GStrv) req->marks) : 0;

  if (req->round_state != JP_ROUND_STATE_OPEN)
    {
      g_set_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_NOT_OPEN,
                   _("This round is not open for voting (it is %s)."),
                   jp_round_state_label (req->round_state));
      return FALSE;
    }
  if (!req->on_panel)
    {
      g_set_error_literal (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_NOT_ON_PANEL,
                           _("You are not on the panel of this trade and cannot vote in this "
                             "round."));
      return FALSE;
    }
  if (req->already_voted)
    {
      g_set_error_literal (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_ALREADY_VOTED,
                           _("You have already voted in this round; a ballot cannot be cast "
                             "twice."));
      return FALSE;
    }
  if ((int) n_marks > req->max_choices)
    {
      g_set_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_TOO_MANY,
                   ngettext ("Each ballot may mark at most %d candidate; remove marks and "
                             "submit again.",
                             "Each ballot may mark at most %d candidates; remove marks and "
                             "submit again.",
                             req->max_choices),
                   req->max_choices);
      return FALSE;
    }
  for (guint i = 0; i < n_marks; i++)
    if (!strv_has_code (req->round_codes, req->marks[i]))
      {
        g_set_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_UNKNOWN_CODE,
                     _("%s is not a candidate of this round; check the code."), req->marks[i]);
        return FALSE;
      }
  for (guint i = 0; i < n_marks; i++)
    for (guint j = 0; j < i; j++)
      if (g_ascii_strcasecmp (req->marks[i], req->marks[j]) == 0)
        {
          g_set_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_DUPLICATE,
                       _("%s is marked twice; mark each candidate at most once."),
                       req->marks[i]);
          return FALSE;
        }
  for (guint i = 0; i < n_marks; i++)
    if (strv_has_code (req->conflicted_codes, req->marks[i]))
      {
        g_set_error (error, JP_BALLOT_ERROR, JP_BALLOT_REFUSAL_CONFLICTED,
                     _("You have a conflict of interest with %s and cannot mark this "
                       "candidate."),
                     req->marks[i]);
        return FALSE;
      }
  return TRUE;
}

/* ---- rounds ---- */

gboolean
jp_round_may_create (gboolean   frozen,
                     GError   **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (frozen)
    return TRUE;
  g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("The candidate list is not frozen yet; freeze it (which draws the "
                         "anonymous codes) before opening a ballot round."));
  return FALSE;
}

JpRoundCandidate *
jp_round_candidate_copy (const JpRoundCandidate *c)
{
  JpRoundCandidate *copy;

  g_return_val_if_fail (c != NULL, NULL);
  copy = g_new0 (JpRoundCandidate, 1);
  *copy = *c;
  copy->code = g_strdup (c->code);
  return copy;
}

void
jp_round_candidate_free (JpRoundCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c);
}

JpRound *
jp_round_copy (const JpRound *round)
{
  JpRound *copy;

  g_return_val_if_fail (round != NULL, NULL);
  copy = g_new0 (JpRound, 1);
  *copy = *round;
  copy->trade_code = g_strdup (round->trade_code);
  copy->trade_name = g_strdup (round->trade_name);
  copy->digest = g_strdup (round->digest);
  copy->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_candidate_free);
  for (guint i = 0; round->candidates != NULL && i < round->candidates->len; i++)
    g_ptr_array_add (copy->candidates,
                     jp_round_candidate_copy (g_ptr_array_index (round->candidates, i)));
  return copy;
}

void
jp_round_free (JpRound *round)
{
  if (round == NULL)
    return;
  g_free (round->trade_code);
  g_free (round->trade_name);
  g_free (round->digest);
  g_clear_pointer (&round->candidates, g_ptr_array_unref);
  g_free (round);
}

GStrv
jp_round_get_codes (const JpRound *round)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (round != NULL, NULL);
  for (guint i = 0; round->candidates != NULL && i < round->candidates->len; i++)
    g_strv_builder_add (builder,
                        ((JpRoundCandidate *) g_ptr_array_index (round->candidates, i))->code);
  return g_strv_builder_end (builder);
}

/* ---- paper ballots ---- */

JpPaperBallot *
jp_paper_ballot_copy (const JpPaperBallot *b)
{
  JpPaperBallot *copy;

  g_return_val_if_fail (b != NULL, NULL);

  copy = g_new0 (JpPaperBallot, 1);
  *copy = *b;
  copy->marks = g_strdupv (b->marks);
  return copy;
}

void
jp_paper_ballot_free (JpPaperBallot *b)
{
  if (b == NULL)
    return;
  g_strfreev (b->marks);
  g_free (b);
}

static const char *
round_code_of (const char *const *round_codes,
               const char        *code)
{
  for (guint i = 0; round_codes != NULL && round_codes[i] != NULL; i++)
    if (g_ascii_strcasecmp (round_codes[i], code) == 0)
      return round_codes[i];
  return NULL;
}

static gboolean
parse_serial (const char *text,
              gint64     *serial)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  guint64 value = 0;

  if (*s == '\0' || !g_ascii_string_to_unsigned (s, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *serial = (gint64) value;
  return TRUE;
}

/* Splits marks on ASCII and ideographic spaces (scrutineers type on Chinese keyboards). */
static GStrv
split_marks (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *copy = g_strdup (text);
  g_auto(GStrv) parts = NULL;
  char *ideo;

  while ((ideo = strstr (copy, "\xe3\x80\x80")) != NULL)
    memset (ideo, ' ', 3);
  parts = g_strsplit_set (copy, " \t", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
parse_marks (const char         *field,
             const char         *source_name,
             guint               line,
             const char *const  *round_codes,
             JpPaperBallot      *ballot,
             GError            **error)
{
  g_auto(GStrv) parts = split_marks (field);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (parts);

  if (n == 1 && g_ascii_strcasecmp (parts[0], "invalid") == 0)
    {
      ballot->invalid = TRUE;
      ballot->marks = g_new0 (char *, 1);
      return TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *code = round_code_of (round_codes, parts[i]);

      if (code == NULL)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                       _("%s, line %u: “%s” is not a candidate code of this round; correct "
                         "the code or write “invalid” for a spoilt ballot."),
                       source_name, line, parts[i]);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_ascii_strcasecmp (parts[i], parts[j]) == 0)
          {
            g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                         _("%s, line %u: %s is written twice; type each marked code once."),
                         source_name, line, code);
            return FALSE;
          }
      g_strv_builder_add (builder, code);
    }
  ballot->marks = g_strv_builder_end (builder);
  return TRUE;
}

GPtrArray *
jp_paper_ballots_parse (const char          *data,
                        gsize                length,
                        const char          *source_name,
                        const char *const   *round_codes,
                        GError             **error)
{
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(GPtrArray) ballots = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *header;
  g_autofree char *h0 = NULL;
  g_autofree char *h1 = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  table = jp_csv_parse (data != NULL ? data : "", length, source_name, error);
  if (table == NULL)
    return NULL;

  header = table->rows->len > 0 ? g_ptr_array_index (table->rows, 0) : NULL;
  if (header != NULL && header->len >= 2)
    {
      h0 = g_strstrip (g_ascii_strdown (g_ptr_array_index (header, 0), -1));
      h1 = g_strstrip (g_ascii_strdown (g_ptr_array_index (header, 1), -1));
    }
  if (header == NULL || header->len != 2 || g_strcmp0 (h0, "serial") != 0
      || g_strcmp0 (h1, "marks") != 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("%s, line 1: the header “serial,marks” is missing; add it as the first "
                     "line."),
                   source_name);
      return NULL;
    }

  ballots = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_paper_ballot_free);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint r = 1; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      guint line = g_array_index (table->row_lines, guint, r);
      g_autoptr(JpPaperBallot) ballot = g_new0 (JpPaperBallot, 1);
      gpointer first_line;

      ballot->line = line;
      if (row->len > 2)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                       _("%s, line %u: a ballot has two fields, serial and marks; separate "
                         "the codes with spaces, not commas."),
                       source_name, line);
          return NULL;
        }
      if (!parse_serial (g_ptr_array_index (row, 0), &ballot->serial))
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                       _("%s, line %u: the serial “%s” is not a positive whole number; type "
                         "the number printed on the ballot paper."),
                       source_name, line, (const char *) g_ptr_array_index (row, 0));
          return NULL;
        }
      if (g_hash_table_lookup_extended (seen, &ballot->serial, NULL, &first_line))
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                       _("%s, line %u: serial %s was already entered on line %u; each ballot "
                         "paper is entered once."),
                       source_name, line, (const char *) g_ptr_array_index (row, 0),
                       GPOINTER_TO_UINT (first_line));
          return NULL;
        }
      if (!parse_marks (row->len > 1 ? g_ptr_array_index (row, 1) : "", source_name, line,
                        round_codes, ballot, error))
        return NULL;
      g_hash_table_insert (seen, g_memdup2 (&ballot->serial, sizeof (gint64)),
                           GUINT_TO_POINTER (line));
      g_ptr_array_add (ballots, g_steal_pointer (&ballot));
    }
  return g_steal_pointer (&ballots);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The marks of a paper ballot as one comparable text: "invalid", or the codes sorted. */
static char *
paper_marks_text (const JpPaperBallot *b)
{
  g_auto(GStrv) sorted = NULL;

  if (b->invalid)
    return g_strdup ("invalid");
  sorted = g_strdupv (b->marks);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_strings);
  return g_strjoinv (" ", sorted);
}

static int
compare_serials (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static GHashTable *
paper_index (GPtrArray *entry)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; entry != NULL && i < entry->len; i++)
    {
      JpPaperBallot *b = g_ptr_array_index (entry, i);

      g_hash_table_insert (index, &b->serial, b);
    }
  return index;
}

GPtrArray *
jp_paper_entries_compare (GPtrArray *first,
                          GPtrArray *second)
{
  g_autoptr(GHashTable) a = paper_index (first);
  g_autoptr(GHashTable) b = paper_index (second);
  g_autoptr(GArray) serials = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (serials, *(gint64 *) key);
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (a, key))
      g_array_append_val (serials, *(gint64 *) key);
  g_array_sort (serials, compare_serials);

  for (guint i = 0; i < serials->len; i++)
    {
      gint64 serial = g_array_index (serials, gint64, i);
      JpPaperBallot *x = g_hash_table_lookup (a, &serial);
      JpPaperBallot *y = g_hash_table_lookup (b, &serial);
      g_autofree char *tx = NULL;
      g_autofree char *ty = NULL;
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, serial);

      if (x == NULL || y == NULL)
        {
          g_ptr_array_add (findings,
                           jp_finding_new (JP_SEVERITY_ERROR, "paper-missing", "serial",
                                           x == NULL
                                           ? _("Ballot serial %s is in the "
                                               "second entry but not in the first; find the "
                                               "paper and enter it again.")
                                           : _("Ballot serial %s is in the "
                                               "first entry but not in the second; find the "
                                               "paper and enter it again."),
                                           number));
          continue;
        }
      tx = paper_marks_text (x);
      ty = paper_marks_text (y);
      if (strcmp (tx, ty) != 0)
        g_ptr_array_add (findings,
                         jp_finding_new (JP_SEVERITY_ERROR, "paper-differs", "serial",
                                         _("Ballot serial %s differs: the "
                                           "first entry has “%s”, the second “%s”; check the "
                                           "paper and correct one entry."),
                                         number, tx, ty));
    }
  return findings;
}
