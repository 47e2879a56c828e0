#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Jiangping authors
"""Fails when two buttons shown together in one dialog share a mnemonic, in English or in
the zh_CN translation: the responses of every AdwMessageDialog (the <responses> of a .ui
template, the labels of adw_message_dialog_add_response(s) calls in one C function, and the
labels given to a helper that adds a response next to its own)."""

import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'


def unquote(parts):
    return ''.join(bytes(p, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
                   for p in parts)


def load_po(path):
    table = {}
    text = open(path, encoding='utf-8').read()
    for block in text.split('\n\n'):
        m = re.search(r'^msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)', block, re.M)
        s = re.search(r'^msgstr(?:\[0\])? ((?:"(?:[^"\\]|\\.)*"\s*)+)', block, re.M)
        if m and s:
            table[unquote(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))] = \
                unquote(re.findall(r'"((?:[^"\\]|\\.)*)"', s.group(1)))
    return table


def mnemonic(label):
    m = re.search(r'_(\w)', label)
    return m.group(1).lower() if m else None


po = load_po(os.path.join(root, 'po', 'zh_CN.po'))
groups = []   # (where, [labels])

for path in sorted(glob.glob(os.path.join(root, 'ui', '**', '*.ui'), recursive=True)):
    text = open(path, encoding='utf-8').read()
    for block in re.findall(r'<responses>(.*?)</responses>', text, re.S):
        groups.append((path, re.findall(r'<response[^>]*>([^<]*)</response>', block)))

literal = r'_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)'
helpers = {}   # helper function name -> its own literal labels
bodies = []
for path in sorted(glob.glob(os.path.join(root, 'src', 'ui', '**', '*.c'), recursive=True)):
    text = open(path, encoding='utf-8').read()
    for m in re.finditer(r'^(\w+) \([^)]*\)\n\{\n(.*?)\n\}\n', text, re.S | re.M):
        name, body = m.group(1), m.group(2)
        labels = []
        variable = False
        for call in re.finditer(r'adw_message_dialog_add_responses? \((.*?)\);', body, re.S):
            found = [unquote(re.findall(r'"((?:[^"\\]|\\.)*)"', q))
                     for q in re.findall(literal, call.group(1))]
            labels += found
            if 'add_responses' in call.group(0):
                n_args = len(re.findall(r',', call.group(1)))
                if len(found) * 2 < n_args - 1:
                    variable = True
            elif not found:
                variable = True
        if variable:
            helpers[name] = labels
        elif len(labels) > 1:
            groups.append((path + ':' + name, labels))
        bodies.append((path, body))

for path, body in bodies:
    for name, own in helpers.items():
        for call in re.finditer(r'\b' + name + r' \((.*?)\);', body, re.S):
            found = [unquote(re.findall(r'"((?:[^"\\]|\\.)*)"', q))
                     for q in re.findall(literal, call.group(1))]
            if found:
                groups.append((path + ':' + name + '()', own + [found[-1]]))

failed = False
for where, labels in groups:
    for lang, texts in (('C', labels), ('zh_CN', [po.get(l, l) for l in labels])):
        seen = {}
        for label, text in zip(labels, texts):
            key = mnemonic(text)
            if key is None:
                continue
            if key in seen:
                print(f'{where}: {lang}: "{seen[key]}" and "{text}" share the mnemonic {key}')
                failed = True
            seen[key] = text

print(f'{len(groups)} dialogs checked')
sys.exit(1 if failed else 0)
