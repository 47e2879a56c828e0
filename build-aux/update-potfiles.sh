#!/usr/bin/env bash
# Regenerates po/POTFILES.in: every tracked source with translatable strings, sorted.
set -eu
cd "$(dirname "$0")/.."
{
  echo "# Files with translatable strings; regenerate with build-aux/update-potfiles.sh"
  {
    git ls-files 'src/*.c' | xargs grep -lE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)[[:space:]]*\(' || true
    git ls-files 'ui/*.ui' | xargs grep -l 'translatable="yes"' || true
    git ls-files 'data/*.desktop.in' 'data/*.metainfo.xml.in' 'data/*.gschema.xml'
  } | sort -u
} > po/POTFILES.in
