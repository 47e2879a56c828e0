#!/usr/bin/env python3
"""Every audit action the store writes has a label a person reads (src/core/jp-audit-actions.c),
and no label is left for an action nothing writes. The actions are the string literals in
the calls jp_store_audit, jp_store_audit_text, jp_store_audit_commit and jp_store_round_audit
under src/store, and the actions of the paper-entry kinds (an `.action = "..."` field)."""
import glob
import os
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
written = {}
call = re.compile(r'(?:jp_store_(?:round_)?audit(?:_text|_commit)?\s*\(([^;]*);'
                  r'|\.action = ("[^"]*"))', re.S)
literal = re.compile(r'"([a-z]+\.[a-z][a-z_-]*)"')
for path in sorted(glob.glob(os.path.join(top, 'src', 'store', '*.c'))):
    text = open(path, encoding='utf-8').read()
    for m in call.finditer(text):
        for action in literal.findall(m.group(1) or m.group(2)):
            written.setdefault(action, os.path.relpath(path, top))
table = open(os.path.join(top, 'src', 'core', 'jp-audit-actions.c'), encoding='utf-8').read()
labelled = set(re.findall(r'\{ "([a-z]+\.[a-z][a-z_-]*)", N_\(', table))
fail = False
for action in sorted(set(written) - labelled):
    print('audit action "%s" (written in %s) has no label in src/core/jp-audit-actions.c'
          % (action, written[action]))
    fail = True
for action in sorted(labelled - set(written)):
    print('src/core/jp-audit-actions.c labels "%s", which nothing in src/store writes' % action)
    fail = True
if len(written) < 20:
    print('only %d audit actions found: the pattern no longer matches the store' % len(written))
    fail = True
print('%d audit actions, each with a label' % len(written) if not fail else 'audit labels incomplete')
sys.exit(1 if fail else 0)
