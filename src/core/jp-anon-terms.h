/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words that identify a candidate in the copies the members read, and how they are found
 * in a text. The rule is written down in docs/anonymisation.md; keep the two in step. */

/* A found occurrence: characters [start, end) of the searched text (character offsets, not
 * bytes), from the first to the last character of the term; what lies between them in the
 * text (spaces, line breaks) is part of the span. */
typedef struct {
  guint start;
  guint end;
} JpAnonSpan;

/* Whether `c` is skipped when terms are matched: white space and line breaks (a PDF's text
 * often has them between the characters of one word, and a wrapped word has a line break in
 * it), invisible format characters, dashes and the middle dots of transliterated names. */
gboolean jp_anon_char_is_ignorable (gunichar c);

/* The usual forms of a person's name: the name itself; for a Chinese name of two to four Han
 * characters also the given name alone when it has two characters, and the surname (a
 * compound one such as 欧阳 or 司马 when the name starts with it and has three characters or
 * more) with 师傅, 同志 and 工 (not when surname + 工 is an everyday word such as 施工 or
 * 车工); for a name with a middle dot (阿尔斯楞·巴特尔) its parts of two characters or more.
 * No form is shorter than two characters. Returns: (transfer full): the forms, full name
 * first; empty for an empty name. */
GStrv    jp_anon_name_forms (const char *name);

/* The forms under which an evidence text names a unit or employer: the full name and the
 * short forms without the place in front (province, city, league, county or banner, e.g.
 * 内蒙古, 包头, 包头市) and without the company suffixes at the end (有限公司, 有限责任公司,
 * 分公司, 总公司, 公司, 股份, 集团, 控股 and their combinations such as 股份有限公司), and
 * every combination of the two. A short form is dropped when it is shorter than two
 * characters, when it is only a place or only a suffix, or when it is a generic trade word
 * (稀土, 钢铁, ...); when the name without place and suffix is a generic trade word only the
 * forms that keep the place are made. Returns: (transfer full): the forms, full name first;
 * empty for an empty name. */
GStrv    jp_anon_unit_forms (const char *unit);

/* All the terms to burn for one candidate: the forms of the name, the ID number, the phone
 * (also without +86 and, for a landline, without its area code), and the forms of the
 * nominating unit and of the employer. NULL or empty fields are skipped; terms that match
 * the same text are given once; longer terms come first. Returns: (transfer full). */
GStrv    jp_anon_terms (const char *name,
                        const char *id_number,
                        const char *phone,
                        const char *unit,
                        const char *employer);

/* Finds every occurrence of each of `terms` in `text` (UTF-8, `length` bytes or -1 for
 * NUL-terminated), skipping ignorable characters (jp_anon_char_is_ignorable) on both sides,
 * so "包头嘉衡特钢有\n限公司" and "张 三 丰" are found; case-insensitive, full-width ASCII
 * equal to ASCII. Terms with fewer than two characters that count are never matched.
 * Returns: (transfer full): a GArray of JpAnonSpan, sorted, overlapping ones merged. */
GArray  *jp_anon_find (const char        *text,
                       gssize             length,
                       const char *const *terms);

/* `text` with each span jp_anon_find() returns replaced by `mark`; line breaks inside a span
 * are kept after the mark so the text keeps its lines. Returns: (transfer full). */
char    *jp_anon_redact_text (const char        *text,
                              const char *const *terms,
                              const char        *mark);

G_END_DECLS
