#!/usr/bin/env bash
# Quick start: install what is missing, build, and run every test under a virtual X server
# with a session bus. Ends with "tests: N passed, N failed" and exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
if ! build-aux/build.sh; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

rm -f build/meson-logs/testlog.json
# a screen larger than the biggest window the UI tests ask for (1920x1080)
xvfb-run -a -s "-screen 0 1920x1200x24" dbus-run-session -- \
  meson test -C build --print-errorlogs --num-processes 2 "$@" </dev/null
status=$?

/usr/bin/python3 build-aux/count-tests.py build/meson-logs/testlog.json
counted=$?
if [ $status -ne 0 ] || [ $counted -ne 0 ]; then
  exit 1
fi
exit 0
