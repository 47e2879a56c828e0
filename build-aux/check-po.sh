#!/usr/bin/env bash
# Checks that po/POTFILES.in lists every source with translatable strings (and nothing that
# does not exist), and that the zh_CN translation covers every current string, none fuzzy.
set -u
top="${1:-$(dirname "$0")/..}"
cd "$top" || exit 1
fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u > "$tmp/listed"
{
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files() { git ls-files "$@"; }
  else
    files() { find "${@%%/*}" -path "$*" 2>/dev/null; }
  fi
  files 'src/*.c' | xargs grep -lE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)[[:space:]]*\(' || true
  files 'ui/*.ui' | xargs grep -l 'translatable="yes"' || true
  files 'data/*.desktop.in'; files 'data/*.metainfo.xml.in'; files 'data/*.gschema.xml'
} | sort -u > "$tmp/needed"
# gschema summaries are translated through gettext-domain only if present; keep them listed
missing=$(comm -13 "$tmp/listed" "$tmp/needed")
stale=$(while read -r f; do [ -e "$f" ] || echo "$f"; done < "$tmp/listed")
[ -n "$missing" ] && { echo "not in po/POTFILES.in:"; echo "$missing"; fail=1; }
[ -n "$stale" ] && { echo "in po/POTFILES.in but missing:"; echo "$stale"; fail=1; }

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 \
  --files-from=<(grep -v '^#' po/POTFILES.in | sed '/^$/d') -o "$tmp/jiangping.pot" 2>"$tmp/xg.err" \
  || { cat "$tmp/xg.err"; fail=1; }
if [ -f "$tmp/jiangping.pot" ]; then
  msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$tmp/jiangping.pot" -o "$tmp/merged.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  echo "zh_CN: $stats"
  if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
    echo "untranslated or fuzzy strings:"
    msgattrib --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep -A1 '^msgid' | head -40
    msgattrib --untranslated "$tmp/merged.po" 2>/dev/null | grep -A1 '^msgid' | head -80
    fail=1
  fi
fi
exit $fail
