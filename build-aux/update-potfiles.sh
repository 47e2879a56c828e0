#!/usr/bin/env bash
# Regenerates po/POTFILES.in: every source with translatable strings, sorted.
set -eu
cd "$(dirname "$0")/.."
{
  echo "# Files with translatable strings; regenerate with build-aux/update-potfiles.sh"
  {
    grep -rlE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)[[:space:]]*\(' src --include='*.c'
    grep -rl 'translatable="yes"' ui --include='*.ui' 2>/dev/null || true
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
  } | sort -u
} > po/POTFILES.in
