#!/usr/bin/env bash
# The layer rules of DESIGN.md, checked by grep: core uses neither GTK nor SQLite nor any
# other layer; only store includes sqlite3.h; only ui (and src/main.c) include GTK; only
# evidence includes poppler; only documents includes hpdf.h; each layer includes only layers
# below it. documents sits above store: a document is printed from an open election.
set -u
top="${1:-$(dirname "$0")/..}"
cd "$top/src" || exit 1
fail=0
report() { echo "layer rule broken: $*"; fail=1; }

hits=$(grep -rlE '#include[[:space:]]*[<"](gtk/|adwaita|sqlite3\.h|poppler|hpdf|libsoup|archive)' core)
[ -n "$hits" ] && report "core includes GTK, SQLite or an I/O library: $hits"
hits=$(grep -rlE '#include[[:space:]]*[<"]sqlite3\.h' . | grep -v '^\./store/')
[ -n "$hits" ] && report "sqlite3.h outside src/store: $hits"
hits=$(grep -rlE '#include[[:space:]]*[<"](gtk/gtk\.h|adwaita\.h)' . | grep -vE '^\./(ui/|main\.c$)')
[ -n "$hits" ] && report "GTK outside src/ui: $hits"
hits=$(grep -rlE '#include[[:space:]]*[<"]poppler' . | grep -vE '^\./(evidence)/')
[ -n "$hits" ] && report "poppler outside src/evidence: $hits"
hits=$(grep -rlE '#include[[:space:]]*[<"]hpdf' . | grep -vE '^\./documents/')
[ -n "$hits" ] && report "libharu outside src/documents: $hits"

# layer order: a layer may include only the layers listed after it here
check_order() {
  local layer=$1; shift
  local forbidden="$*"
  for f in $forbidden; do
    hits=$(grep -rlE "#include[[:space:]]*\"$f/" "$layer" 2>/dev/null)
    [ -n "$hits" ] && report "$layer includes $f (a higher layer): $hits"
  done
}
check_order core store evidence documents intake demo meeting ui cli
check_order store evidence documents intake demo meeting ui cli
check_order evidence store documents intake demo meeting ui cli
check_order documents evidence intake demo meeting ui cli
check_order intake documents demo meeting ui cli
check_order demo meeting ui cli
check_order meeting ui cli
[ $fail -eq 0 ] && echo "layer rules hold"
exit $fail
