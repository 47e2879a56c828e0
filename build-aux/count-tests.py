#!/usr/bin/python3
"""Prints 'tests: N passed, N failed[, N skipped]' from meson's test log.

Each meson test is one executable; its GTest cases are counted too when the test
speaks TAP, but the line counts meson tests so that it matches `meson test`'s own summary.
Exits 1 when any test failed or when the log is missing or empty.
"""
import json
import sys

path = sys.argv[1]
passed = failed = skipped = 0
try:
    with open(path, encoding="utf-8") as log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result", "")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
except FileNotFoundError:
    print(f"no test log at {path}", file=sys.stderr)
    failed += 1

line = f"tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
