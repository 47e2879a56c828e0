#!/usr/bin/env bash
# Quick start: install what is missing, build, and open the host console on a demo election.
set -euo pipefail
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
build-aux/build.sh

demo="${JP_DEMO_DB:-build/demo.jiangping}"
if [ ! -f "$demo" ]; then
  echo "Creating the demo election $demo"
  JP_LOCALEDIR="$PWD/build/po" LANG=zh_CN.UTF-8 build/src/cli/jiangping-cli demo --db "$demo"
fi

export LANG=zh_CN.UTF-8 LANGUAGE=zh_CN
export JP_LOCALEDIR="$PWD/build/po"
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec build/src/ui/jiangping "$demo"
