/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-station-model.h"

/* ---- reading one reply ----
 * A Reader names the request the reply answers ("GET /state") and the path of the object
 * being read ("rounds[1]"), so an error says which field of which reply. */

typedef struct {
  const char *request;
  const char *prefix;   /* "" at the top */
} Reader;

typedef enum {
  OPTIONAL = 1 << 0,    /* may be absent */
  NULLABLE = 1 << 1,    /* may be JSON null */
} Flags;

static char *
field_path (const Reader *r,
            const char   *name)
{
  return *r->prefix != '\0' ? g_strconcat (r->prefix, ".", name, NULL) : g_strdup (name);
}

static void
set_missing (const Reader  *r,
             const char    *name,
             GError       **error)
{
  g_autofree char *path = field_path (r, name);

  g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL,
               _("The host’s reply to %s cannot be read by this station: the field “%s” is "
                 "missing."), r->request, path);
}

static void
set_wrong_type (const Reader  *r,
                const char    *name,
                const char    *expected,
                GError       **error)
{
  g_autofree char *path = field_path (r, name);

  g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL,
               _("The host’s reply to %s cannot be read by this station: the field “%s” is "
                 "not %s."), r->request, path, expected);
}

/* The member `name`: FALSE with an error when it is missing (and not OPTIONAL) or null
 * (and not NULLABLE); *node NULL when absent or null and allowed. */
static gboolean
member (const Reader  *r,
        JsonObject    *o,
        const char    *name,
        Flags          flags,
        JsonNode     **node,
        GError       **error)
{
  JsonNode *n = json_object_get_member (o, name);

  *node = NULL;
  if (n == NULL)
    {
      if (flags & OPTIONAL)
        return TRUE;
      set_missing (r, name, error);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_NULL (n))
    {
      if (flags & NULLABLE)
        return TRUE;
      set_missing (r, name, error);
      return FALSE;
    }
  *node = n;
  return TRUE;
}

/* What a member must hold, and the words of the error when it does not. */
typedef enum {
  TEXT,
  WHOLE,
  SMALL,   /* an int-sized whole number (counts, positions) */
  TRUTH,
  LIST,
  OBJECT,
} Kind;

static const struct {
  JsonNodeType  node;
  GType         value;   /* for JSON_NODE_VALUE */
  const char   *expected;
} kinds[] = {
  [TEXT]   = { JSON_NODE_VALUE, G_TYPE_STRING, N_("a text") },
  [WHOLE]  = { JSON_NODE_VALUE, G_TYPE_INT64, N_("a whole number") },
  [SMALL]  = { JSON_NODE_VALUE, G_TYPE_INT64, N_("a whole number") },
  [TRUTH]  = { JSON_NODE_VALUE, G_TYPE_BOOLEAN, N_("true or false") },
  [LIST]   = { JSON_NODE_ARRAY, G_TYPE_INVALID, N_("a list") },
  [OBJECT] = { JSON_NODE_OBJECT, G_TYPE_INVALID, N_("an object") },
};

/* Reads the member `name` of `o` into `out`, whose type `kind` says: a new string (the old
 * one freed), a gint64, an int, a gboolean, or a JsonArray / JsonObject owned by `o`. An
 * absent or null member allowed by `flags` reads as NULL, 0 or FALSE. FALSE with an error
 * naming the field when it is missing, null or of another type (or, for SMALL, too big). */
static gboolean
read_member (const Reader  *r,
             JsonObject    *o,
             const char    *name,
             Flags          flags,
             Kind           kind,
             gpointer       out,
             GError       **error)
{
  JsonNode *n;
  gint64 v;

  if (!member (r, o, name, flags, &n, error))
    return FALSE;
  if (n != NULL
      && (JSON_NODE_TYPE (n) != kinds[kind].node
          || (kinds[kind].node == JSON_NODE_VALUE
              && json_node_get_value_type (n) != kinds[kind].value)))
    {
      set_wrong_type (r, name, _(kinds[kind].expected), error);
      return FALSE;
    }
  switch (kind)
    {
    case TEXT:
      g_free (*(char **) out);
      *(char **) out = n != NULL ? g_strdup (json_node_get_string (n)) : NULL;
      break;
    case WHOLE:
      *(gint64 *) out = n != NULL ? json_node_get_int (n) : 0;
      break;
    case SMALL:
      v = n != NULL ? json_node_get_int (n) : 0;
      if (v < G_MININT || v > G_MAXINT)
        {
          set_wrong_type (r, name, _(kinds[kind].expected), error);
          return FALSE;
        }
      *(int *) out = (int) v;
      break;
    case TRUTH:
      *(gboolean *) out = n != NULL && json_node_get_boolean (n);
      break;
    case LIST:
      *(JsonArray **) out = n != NULL ? json_node_get_array (n) : NULL;
      break;
    case OBJECT:
      *(JsonObject **) out = n != NULL ? json_node_get_object (n) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* The typed fronts of read_member: the conditional has the compiler check `out`'s type. */
#define read_string(r, o, name, flags, out, error) \
  read_member (r, o, name, flags, TEXT, 1 ? (out) : (char **) NULL, error)
#define read_int(r, o, name, flags, out, error) \
  read_member (r, o, name, flags, WHOLE, 1 ? (out) : (gint64 *) NULL, error)
#define read_small(r, o, name, flags, out, error) \
  read_member (r, o, name, flags, SMALL, 1 ? (out) : (int *) NULL, error)
#define read_bool(r, o, name, flags, out, error) \
  read_member (r, o, name, flags, TRUTH, 1 ? (out) : (gboolean *) NULL, error)
#define read_array(r, o, name, flags, out, error) \
  read_member (r, o, name, flags, LIST, 1 ? (out) : (JsonArray **) NULL, error)
#define read_object(r, o, name, flags, out, error) \
  read_member (r, o, name, flags, OBJECT, 1 ? (out) : (JsonObject **) NULL, error)

/* Element `i` of `array` (the member `name`) as an object; `path` gets "name[i]". */
static JsonObject *
element_object (const Reader  *r,
                JsonArray     *array,
                const char    *name,
                guint          i,
                char         **path,
                GError       **error)
{
  JsonNode *n = json_array_get_element (array, i);
  g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);

  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      set_wrong_type (r, item, _("an object"), error);
      return NULL;
    }
  *path = field_path (r, item);
  return json_node_get_object (n);
}

/* Element `i` of `array` (the member `name`) as a string. */
static const char *
element_string (const Reader  *r,
                JsonArray     *array,
                const char    *name,
                guint          i,
                GError       **error)
{
  JsonNode *n = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);

      set_wrong_type (r, item, _("a text"), error);
      return NULL;
    }
  return json_node_get_string (n);
}

static void
not_an_object (const char  *request,
               GError     **error)
{
  g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL,
               _("The host’s reply to %s cannot be read by this station: it is not a JSON "
                 "object."), request);
}

/* ---- rounds ---- */

static void
remote_candidate_free (JpRemoteCandidate *c)
{
  g_free (c->code);
  g_free (c);
}

void
jp_remote_round_free (JpRemoteRound *round)
{
  if (round == NULL)
    return;
  g_free (round->trade);
  g_free (round->trade_name);
  g_ptr_array_unref (round->candidates);
  g_strfreev (round->conflicted);
  g_free (round);
}

static JpRemoteRound *
remote_round_new (void)
{
  JpRemoteRound *round = g_new0 (JpRemoteRound, 1);

  round->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) remote_candidate_free);
  round->conflicted = g_new0 (char *, 1);
  return round;
}

/* The summary of a round (add_round_summary on the host) and, when `full`, its candidates
 * and conflicts; "voted" is read when present (the summaries of GET /state carry it). */
static JpRemoteRound *
read_round (const Reader  *r,
            JsonObject    *o,
            gboolean       full,
            GError       **error)
{
  g_autoptr(JpRemoteRound) round = remote_round_new ();
  g_autofree char *kind = NULL;
  g_autofree char *state = NULL;
  JsonArray *candidates, *conflicted;
  gboolean ok = TRUE;

  if (!read_int (r, o, "id", 0, &round->id, error) ||
      !read_string (r, o, "kind", OPTIONAL, &kind, error) ||
      !read_string (r, o, "trade", 0, &round->trade, error) ||
      !read_string (r, o, "trade_name", 0, &round->trade_name, error) ||
      !read_small (r, o, "number", 0, &round->number, error) ||
      !read_string (r, o, "state", 0, &state, error) ||
      !read_small (r, o, "seats", 0, &round->seats, error) ||
      !read_small (r, o, "max_choices", 0, &round->max_choices, error) ||
      !read_bool (r, o, "voted", full ? 0 : OPTIONAL, &round->voted, error))
    return NULL;
  if (kind != NULL)
    {
      round->kind = jp_round_kind_from_key (kind, &ok);
      if (!ok)
        {
          set_wrong_type (r, "kind", _("a known key"), error);
          return NULL;
        }
    }
  round->state = jp_round_state_from_key (state, &ok);
  if (!ok)
    {
      set_wrong_type (r, "state", _("a known key"), error);
      return NULL;
    }
  if (!full)
    return g_steal_pointer (&round);

  if (!read_array (r, o, "candidates", 0, &candidates, error) ||
      !read_array (r, o, "conflicted", 0, &conflicted, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (candidates); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *c = element_object (r, candidates, "candidates", i, &path, error);
      Reader inner = { r->request, path };
      JpRemoteCandidate *rc;

      if (c == NULL)
        return NULL;
      rc = g_new0 (JpRemoteCandidate, 1);
      g_ptr_array_add (round->candidates, rc);
      if (!read_string (&inner, c, "code", 0, &rc->code, error) ||
          !read_small (&inner, c, "position", 0, &rc->position, error))
        return NULL;
    }
  g_strfreev (round->conflicted);
  round->conflicted = g_new0 (char *, json_array_get_length (conflicted) + 1);
  for (guint i = 0; i < json_array_get_length (conflicted); i++)
    {
      const char *code = element_string (r, conflicted, "conflicted", i, error);

      if (code == NULL)
        return NULL;
      round->conflicted[i] = g_strdup (code);
    }
  return g_steal_pointer (&round);
}

/**
 * jp_remote_round_from_json:
 * @object: the reply of GET /rounds/{id}
 *
 * Returns: (transfer full): the round with its candidates in the drawn order, or NULL with
 * JP_MEETING_ERROR_PROTOCOL.
 */
JpRemoteRound *
jp_remote_round_from_json (JsonObject  *object,
                           GError     **error)
{
  Reader r = { "GET /rounds", "" };

  if (object == NULL)
    {
      not_an_object (r.request, error);
      return NULL;
    }
  return read_round (&r, object, TRUE, error);
}

gboolean
jp_remote_round_is_open (const JpRemoteRound *round)
{
  g_return_val_if_fail (round != NULL, FALSE);
  return round->state == JP_ROUND_STATE_OPEN;
}

gboolean
jp_remote_round_is_conflicted (const JpRemoteRound *round,
                               const char          *code)
{
  g_return_val_if_fail (round != NULL, FALSE);
  return code != NULL && g_strv_contains ((const char * const *) round->conflicted, code);
}

JpRemoteRound *
jp_remote_rounds_find (GPtrArray *rounds,
                       gint64     id)
{
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    if (((JpRemoteRound *) rounds->pdata[i])->id == id)
      return rounds->pdata[i];
  return NULL;
}

gboolean
jp_remote_event_round_id (JsonNode  *data,
                          gint64    *round_id,
                          GError   **error)
{
  Reader r = { "events", "data" };

  *round_id = 0;
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    {
      not_an_object (r.request, error);
      return FALSE;
    }
  return read_int (&r, json_node_get_object (data), "id", 0, round_id, error);
}

/* ---- GET /state ---- */

void
jp_remote_state_free (JpRemoteState *state)
{
  if (state == NULL)
    return;
  g_ptr_array_unref (state->rounds);
  g_free (state->current_candidate);
  g_free (state);
}

/**
 * jp_remote_state_from_json:
 * @object: the reply of GET /state
 *
 * Returns: (transfer full): the state, or NULL with JP_MEETING_ERROR_PROTOCOL.
 */
JpRemoteState *
jp_remote_state_from_json (JsonObject  *object,
                           GError     **error)
{
  Reader r = { "GET /state", "" };
  g_autoptr(JpRemoteState) state = g_new0 (JpRemoteState, 1);
  g_autofree char *stage = NULL;
  JsonArray *rounds;

  state->rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_remote_round_free);
  if (object == NULL)
    {
      not_an_object (r.request, error);
      return NULL;
    }
  if (!read_string (&r, object, "stage", 0, &stage, error) ||
      !read_array (&r, object, "rounds", 0, &rounds, error) ||
      !read_string (&r, object, "current_candidate", NULLABLE, &state->current_candidate,
                    error) ||
      !read_bool (&r, object, "step_out", 0, &state->step_out, error))
    return NULL;
  if (g_str_equal (stage, "waiting"))
    state->stage = JP_REMOTE_STAGE_WAITING;
  else if (g_str_equal (stage, "voting"))
    state->stage = JP_REMOTE_STAGE_VOTING;
  else if (g_str_equal (stage, "ended"))
    state->stage = JP_REMOTE_STAGE_ENDED;
  else
    {
      set_wrong_type (&r, "stage", _("a known key"), error);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (rounds); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (&r, rounds, "rounds", i, &path, error);
      Reader inner = { r.request, path };
      JpRemoteRound *round;

      if (o == NULL)
        return NULL;
      /* "voted" is part of every round of /state */
      if (!json_object_has_member (o, "voted"))
        {
          set_missing (&inner, "voted", error);
          return NULL;
        }
      round = read_round (&inner, o, FALSE, error);
      if (round == NULL)
        return NULL;
      g_ptr_array_add (state->rounds, round);
    }
  return g_steal_pointer (&state);
}

/* ---- GET /dossiers/{code} ---- */

static void
remote_evidence_free (JpRemoteEvidence *e)
{
  g_free (e->sha256);
  g_free (e);
}

void
jp_remote_dossier_free (JpRemoteDossier *dossier)
{
  if (dossier == NULL)
    return;
  g_free (dossier->code);
  g_free (dossier->trade);
  g_free (dossier->trade_name);
  g_free (dossier->work_type);
  g_free (dossier->skill_level);
  g_free (dossier->education);
  g_free (dossier->summary);
  g_free (dossier->deeds);
  g_array_unref (dossier->criteria);
  g_ptr_array_unref (dossier->evidence);
  g_free (dossier);
}

/**
 * jp_remote_dossier_from_json:
 * @object: the reply of GET /dossiers/{code}
 *
 * Returns: (transfer full): the anonymised dossier, or NULL with JP_MEETING_ERROR_PROTOCOL.
 */
JpRemoteDossier *
jp_remote_dossier_from_json (JsonObject  *object,
                             GError     **error)
{
  Reader r = { "GET /dossiers", "" };
  g_autoptr(JpRemoteDossier) d = g_new0 (JpRemoteDossier, 1);
  JsonArray *criteria, *evidence;

  d->criteria = g_array_new (FALSE, FALSE, sizeof (int));
  d->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) remote_evidence_free);
  if (object == NULL)
    {
      not_an_object (r.request, error);
      return NULL;
    }
  /* the texts a candidate may have left empty come as null */
  if (!read_string (&r, object, "code", 0, &d->code, error) ||
      !read_string (&r, object, "trade", 0, &d->trade, error) ||
      !read_string (&r, object, "trade_name", NULLABLE, &d->trade_name, error) ||
      !read_string (&r, object, "work_type", NULLABLE, &d->work_type, error) ||
      !read_string (&r, object, "skill_level", NULLABLE, &d->skill_level, error) ||
      !read_int (&r, object, "years_in_trade", 0, &d->years_in_trade, error) ||
      !read_string (&r, object, "education", NULLABLE, &d->education, error) ||
      !read_array (&r, object, "criteria", 0, &criteria, error) ||
      !read_string (&r, object, "summary", NULLABLE, &d->summary, error) ||
      !read_string (&r, object, "deeds", NULLABLE, &d->deeds, error) ||
      !read_array (&r, object, "evidence", 0, &evidence, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonNode *n = json_array_get_element (criteria, i);
      int criterion;

      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
        {
          g_autofree char *item = g_strdup_printf ("criteria[%u]", i);

          set_wrong_type (&r, item, _("a whole number"), error);
          return NULL;
        }
      criterion = (int) CLAMP (json_node_get_int (n), G_MININT, G_MAXINT);
      g_array_append_val (d->criteria, criterion);
    }
  for (guint i = 0; i < json_array_get_length (evidence); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (&r, evidence, "evidence", i, &path, error);
      Reader inner = { r.request, path };
      JpRemoteEvidence *e;

      if (o == NULL)
        return NULL;
      e = g_new0 (JpRemoteEvidence, 1);
      g_ptr_array_add (d->evidence, e);
      if (!read_string (&inner, o, "sha256", 0, &e->sha256, error) ||
          !read_small (&inner, o, "pages", 0, &e->pages, error) ||
          !read_small (&inner, o, "criterion", 0, &e->criterion, error))
        return NULL;
    }
  return g_steal_pointer (&d);
}

/* ---- GET /defence ---- */

void
jp_remote_defence_free (JpRemoteDefence *defence)
{
  if (defence == NULL)
    return;
  g_free (defence->trade);
  g_free (defence->trade_name);
  g_ptr_array_unref (defence->rubric);
  g_free (defence->candidate);
  g_strfreev (defence->values);
  g_free (defence);
}

/* A number of the rubric: whole or with a fraction ("max": 12.5). */
static gboolean
read_number (const Reader  *r,
             JsonObject    *o,
             const char    *name,
             double        *out,
             GError       **error)
{
  JsonNode *n;

  if (!member (r, o, name, 0, &n, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (n) || (json_node_get_value_type (n) != G_TYPE_INT64 &&
                                     json_node_get_value_type (n) != G_TYPE_DOUBLE))
    {
      set_wrong_type (r, name, _("a number"), error);
      return FALSE;
    }
  *out = json_node_get_double (n);
  return TRUE;
}

static gboolean
read_sheet (const Reader     *r,
            JsonObject       *sheet,
            JpRemoteDefence  *d,
            GError          **error)
{
  Reader inner = { r->request, "sheet" };
  g_autofree char *state = NULL;
  JsonArray *values;

  if (!read_string (&inner, sheet, "state", 0, &state, error) ||
      !read_array (&inner, sheet, "values", 0, &values, error))
    return FALSE;
  if (g_str_equal (state, "none"))
    d->sheet_state = JP_REMOTE_SHEET_NONE;
  else if (g_str_equal (state, "draft"))
    d->sheet_state = JP_REMOTE_SHEET_DRAFT;
  else if (g_str_equal (state, "submitted"))
    d->sheet_state = JP_REMOTE_SHEET_SUBMITTED;
  else
    {
      set_wrong_type (&inner, "state", _("a known key"), error);
      return FALSE;
    }
  g_strfreev (d->values);
  d->values = g_new0 (char *, json_array_get_length (values) + 1);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      const char *text = element_string (&inner, values, "values", i, error);

      if (text == NULL)
        return FALSE;
      d->values[i] = g_strdup (text);
    }
  d->has_sheet = TRUE;
  return TRUE;
}

/**
 * jp_remote_defence_from_json:
 * @object: the reply of GET /defence
 *
 * Returns: (transfer full): the member's defence, or NULL with JP_MEETING_ERROR_PROTOCOL.
 */
JpRemoteDefence *
jp_remote_defence_from_json (JsonObject  *object,
                             GError     **error)
{
  Reader r = { "GET /defence", "" };
  g_autoptr(JpRemoteDefence) d = g_new0 (JpRemoteDefence, 1);
  JsonArray *rubric;
  JsonObject *sheet;

  d->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_rubric_criterion_free);
  d->values = g_new0 (char *, 1);
  if (object == NULL)
    {
      not_an_object (r.request, error);
      return NULL;
    }
  if (!read_int (&r, object, "round", NULLABLE, &d->round_id, error))
    return NULL;
  if (d->round_id == 0)
    return g_steal_pointer (&d);
  if (!read_string (&r, object, "trade", 0, &d->trade, error) ||
      !read_string (&r, object, "trade_name", 0, &d->trade_name, error) ||
      !read_small (&r, object, "count", 0, &d->count, error) ||
      !read_array (&r, object, "rubric", 0, &rubric, error) ||
      !read_string (&r, object, "candidate", NULLABLE, &d->candidate, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (rubric); i++)
    {
      g_autofree char *path = NULL;
      JsonObject *o = element_object (&r, rubric, "rubric", i, &path, error);
      Reader inner = { r.request, path };
      g_autofree char *name = NULL;
      double max = 0;

      if (o == NULL || !read_string (&inner, o, "name", 0, &name, error) ||
          !read_number (&inner, o, "max", &max, error))
        return NULL;
      g_ptr_array_add (d->rubric, jp_rubric_criterion_new (name, max));
    }
  if (d->candidate == NULL)
    return g_steal_pointer (&d);
  if (!read_small (&r, object, "position", 0, &d->position, error) ||
      !read_bool (&r, object, "step_out", 0, &d->step_out, error) ||
      /* a member who steps out gets no sheet, every other member one */
      !read_object (&r, object, "sheet", d->step_out ? OPTIONAL : 0, &sheet, error))
    return NULL;
  if (sheet != NULL && !read_sheet (&r, sheet, d, error))
    return NULL;
  if (d->has_sheet && g_strv_length (d->values) != d->rubric->len)
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_PROTOCOL,
                   _("The host’s reply to %s cannot be read by this station: the sheet has "
                     "%u values for %u criteria."), r.request, g_strv_length (d->values),
                   d->rubric->len);
      return NULL;
    }
  return g_steal_pointer (&d);
}

JsonNode *
jp_remote_sheet_body (const char         *candidate,
                      const char * const *values,
                      const char         *idempotency_key)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (candidate != NULL && values != NULL, NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "candidate");
  json_builder_add_string_value (b, candidate);
  json_builder_set_member_name (b, "values");
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
  if (idempotency_key != NULL)
    {
      json_builder_set_member_name (b, "idempotency_key");
      json_builder_add_string_value (b, idempotency_key);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- POST /session ---- */

void
jp_remote_login_free (JpRemoteLogin *login)
{
  if (login == NULL)
    return;
  g_free (login->token);
  g_free (login->member_code);
  g_free (login->member_name);
  g_free (login->member_role);
  g_free (login->election_title);
  g_free (login);
}

/**
 * jp_remote_login_from_json:
 * @object: the reply of POST /session
 *
 * Returns: (transfer full): the login, or NULL with JP_MEETING_ERROR_PROTOCOL.
 */
JpRemoteLogin *
jp_remote_login_from_json (JsonObject  *object,
                           GError     **error)
{
  Reader r = { "POST /session", "" };
  Reader rm = { "POST /session", "member" };
  Reader re = { "POST /session", "election" };
  g_autoptr(JpRemoteLogin) login = g_new0 (JpRemoteLogin, 1);
  JsonObject *m, *e;

  if (object == NULL)
    {
      not_an_object (r.request, error);
      return NULL;
    }
  if (!read_string (&r, object, "token", 0, &login->token, error) ||
      !read_object (&r, object, "member", 0, &m, error) ||
      !read_object (&r, object, "election", 0, &e, error) ||
      !read_string (&rm, m, "code", 0, &login->member_code, error) ||
      !read_string (&rm, m, "name", 0, &login->member_name, error) ||
      !read_string (&rm, m, "role", 0, &login->member_role, error) ||
      !read_string (&re, e, "title", 0, &login->election_title, error) ||
      !read_small (&re, e, "year", 0, &login->election_year, error))
    return NULL;
  return g_steal_pointer (&login);
}

/* ---- refusals ---- */

void
jp_remote_refusal_free (JpRemoteRefusal *refusal)
{
  if (refusal == NULL)
    return;
  g_free (refusal->reason);
  g_free (refusal->message);
  g_free (refusal);
}

JpRemoteRefusal *
jp_remote_refusal_from_json (JsonObject *object,
                             guint       http_status)
{
  JpRemoteRefusal *refusal = g_new0 (JpRemoteRefusal, 1);
  JsonNode *n;

  refusal->http_status = http_status;
  if (object == NULL)
    return refusal;
  n = json_object_get_member (object, "reason");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    refusal->reason = g_strdup (json_node_get_string (n));
  n = json_object_get_member (object, "message");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    refusal->message = g_strdup (json_node_get_string (n));
  n = json_object_get_member (object, "retry_after");
  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64)
    refusal->retry_after = (int) CLAMP (json_node_get_int (n), 0, G_MAXINT);
  return refusal;
}
