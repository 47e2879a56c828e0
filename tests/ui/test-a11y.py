#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Jiangping authors
"""The console as a screen reader sees it (issue 12): the program is started on a demo
election under a virtual display and its own session bus, and its controls are found over
AT-SPI by role and Chinese name. Fails when a control on the main window, the review walk,
the evidence viewer or a later stage (the chair's defence page, the ranking, the publicity
page and its holiday calendar editor, the documents, the audit log with its backups) has no
name, a toolkit class name ("GtkMenuButton", "GtkImage") or a raw mnemonic ("新建评审(_N)")
as its name. For the defence page, one trade of the demo is brought to an open defence
session with jiangping-cli (its paper score sheet section shows only then).

usage: test-a11y.py JIANGPING JIANGPING-CLI LOCALEDIR SCHEMADIR [SCREENSHOT-DIR]"""

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TEXT,
}

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message, flush=True)


def wait_for(what, predicate, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            found = predicate()
        except Exception:  # the tree changes under the walk
            found = None
        if found:
            return found
        time.sleep(0.2)
    print('TIMEOUT waiting for ' + what, flush=True)
    return None


def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid and app.childCount > 0:
            return app
    return None


def walk(node):
    try:
        children = list(node)
    except Exception:
        return
    yield node
    for child in children:
        if child is not None:
            yield from walk(child)


def showing(node):
    # GTK 4.8 does not set SHOWING; a hidden page's controls are listed too, and checked
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def controls(root):
    for node in walk(root):
        try:
            if node.getRole() in CONTROL_ROLES and showing(node):
                yield node
        except Exception:
            continue


def find(root, role, name):
    for node in walk(root):
        try:
            if node.getRole() == role and node.name == name and showing(node):
                return node
        except Exception:
            continue
    return None


def context(node):
    names = []
    try:
        parent = node.parent
        for _ in range(4):
            if parent is None:
                break
            names.append('%s %r' % (parent.getRoleName(), parent.name))
            parent = parent.parent
    except Exception:
        pass
    return ' in ' + ' < '.join(names)


def check_names(root, where):
    n = 0
    for node in controls(root):
        n += 1
        name = node.name or ''
        role = node.getRoleName()
        if not name.strip():
            fail('%s: a %s has no name' % (where, role))
        elif name.startswith('Gtk') or name.startswith('Adw'):
            fail('%s: a %s is named by its class, %r%s' % (where, role, name, context(node)))
        elif '(_' in name or '（_' in name:
            fail('%s: a %s is named with its mnemonic, %r' % (where, role, name))
    print('%s: %d controls checked' % (where, n), flush=True)
    if n == 0:
        fail('%s: no controls found' % where)


def require(root, role, name, where):
    node = wait_for('%s %r' % (pyatspi.Role(role), name), lambda: find(root, role, name), 20)
    if node is None:
        fail('%s: no %s named %r' % (where, pyatspi.Role(role), name))
    return node


def select_stage(frame, title):
    """Selects the sidebar row of the stage titled `title`; returns it, or None."""
    # the row whose label is the title exactly (other lists mention the stages too)
    stage = wait_for('the stage ' + title, lambda: next(
        (n for n in walk(frame) if n.getRole() == pyatspi.ROLE_LIST_ITEM
         and (n.name == title or any(c.name == title for c in walk(n)))), None), 20)
    if stage is None:
        fail('sidebar: no stage named ' + title)
        return None
    stage.parent.querySelection().selectChild(stage.getIndexInParent())
    time.sleep(2)
    return stage


def find_any(root, role, part):
    for node in walk(root):
        try:
            if node.getRole() == role and part in (node.name or '') and showing(node):
                return node
        except Exception:
            continue
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'press', 'activate'):
            action.doAction(i)
            return
    action.doAction(0)


def screenshot(shots, name):
    if shots:
        subprocess.run(['import', '-window', 'root', os.path.join(shots, name + '.png')],
                       check=False)


def open_defence_session(cli, db, env, trade='YJ'):
    """Brings one trade of the demo to an open defence session through jiangping-cli, as a
    secretariat would: its candidates qualified (with the evidence tagged to each claimed
    criterion), the others returned, the list frozen, a ballot round voted, closed and
    sealed, then the defence session opened. Returns the trade's name, or None."""
    def run(*args):
        r = subprocess.run([cli] + list(args) + ['--db', db], env=env, capture_output=True,
                           text=True, check=False)
        return r.returncode == 0, r.stdout + r.stderr

    candidates = json.loads(subprocess.run([cli, 'candidates', '--db', db, '--json'], env=env,
                                           capture_output=True, text=True, check=True).stdout)
    links = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    name = None
    for c in candidates:
        if c['trade_code'] != trade:
            ok, out = run('qualify', '--candidate', str(c['id']), '--return', '测试：退回')
        else:
            name = c['trade']
            args = ['qualify', '--candidate', str(c['id']),
                    '--criteria', ','.join(str(k) for k in c['criteria'])]
            for k in c['criteria']:
                row = links.execute('SELECT sha256 FROM candidate_document WHERE candidate_id = ? '
                                    'AND criterion = ? LIMIT 1', (c['id'], k)).fetchone()
                if row is not None:
                    args += ['--evidence', '%d=%s' % (k, row[0])]
            ok, out = run(*args)
        if not ok:
            fail('defence set-up: candidate %s: %s' % (c['id'], out.strip()))
            return None
    links.close()
    for args in (['freeze'],
                 ['round', 'open', '--kind', 'ballot', '--trade', trade, '--seats', '1',
                  '--max-choices', '1']):
        ok, out = run(*args)
        if not ok:
            fail('defence set-up: %s: %s' % (' '.join(args), out.strip()))
            return None
    # "Round 1 is open." / "第 1 号轮次已开启。"
    ballot = re.search(r'\d+', out).group(0)
    members = [line.split()[0] for line in run('members')[1].splitlines() if line[:1] == 'M']
    for m in members:
        run('vote', '--round', ballot, '--member', m, '--marks', trade + '-01')
    for args in (['round', 'close', '--round', ballot],
                 ['round', 'seal', '--round', ballot],
                 ['round', 'open', '--kind', 'defence', '--trade', trade]):
        ok, out = run(*args)
        if not ok:
            fail('defence set-up: %s: %s' % (' '.join(args), out.strip()))
            return None
    return name


def display_ready():
    """The X server of DISPLAY answers a client (xvfb-run may return before it does)."""
    return subprocess.run(['import', '-window', 'root', '-crop', '1x1+0+0', 'png:-'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          check=False).returncode == 0


def main():
    jiangping, cli, localedir, schemadir = sys.argv[1:5]
    shots = sys.argv[5] if len(sys.argv) > 5 else os.environ.get('JP_TEST_SCREENSHOT_DIR')
    tmp = tempfile.mkdtemp(prefix='jp-test-a11y-')
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env.update({
        'LANG': 'zh_CN.UTF-8', 'LANGUAGE': 'zh_CN', 'LC_ALL': 'zh_CN.UTF-8',
        'JP_LOCALEDIR': localedir, 'GSETTINGS_SCHEMA_DIR': schemadir,
        # the operator is named already, as on a computer used before
        'GSETTINGS_BACKEND': 'keyfile', 'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
        'XDG_DATA_HOME': os.path.join(tmp, 'data'), 'GTK_A11Y': 'atspi',
    })
    keyfile = os.path.join(tmp, 'config', 'glib-2.0', 'settings', 'keyfile')
    os.makedirs(os.path.dirname(keyfile))
    with open(keyfile, 'w', encoding='utf-8') as f:
        f.write("[cn/jiangping/Jiangping]\noperator-name='测试员'\n")
    db = os.path.join(tmp, 'demo.jiangping')
    subprocess.run([cli, 'demo', '--db', db, '--candidates', '20'], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    # a backup beside the file, so the audit page lists one
    backups = os.path.join(tmp, 'demo.backups')
    os.makedirs(backups)
    subprocess.run([cli, 'backup', '--db', db, '-o',
                    os.path.join(backups, 'demo-20260301-090000-manual.jiangping')],
                   env=env, check=True, stdout=subprocess.DEVNULL)

    if not wait_for('the X server', display_ready, 30):
        fail('the X server of %s did not start' % os.environ.get('DISPLAY'))
        return
    program = subprocess.Popen([jiangping, db], env=env)
    try:
        app = wait_for('the program on the accessibility bus', lambda: find_app(program.pid), 90)
        if app is None:
            fail('the program did not appear on the accessibility bus')
            return
        frame = app[0]
        # the main window: candidates, search, filters, menu, import
        require(frame, pyatspi.ROLE_PUSH_BUTTON, '主菜单', 'main window')
        require(frame, pyatspi.ROLE_PUSH_BUTTON, '导入', 'main window')
        require(frame, pyatspi.ROLE_COMBO_BOX, '只显示一个行业', 'main window')
        require(frame, pyatspi.ROLE_COMBO_BOX, '只显示一个推荐单位', 'main window')
        screenshot(shots, 'a11y-main')
        check_names(frame, 'main window')

        # the evidence viewer: its toolbar and page number
        open_button = require(frame, pyatspi.ROLE_PUSH_BUTTON, '打开', 'dossier')
        if open_button is not None:
            click(open_button)
            for name in ('缩小', '放大', '上一页', '下一页'):
                require(frame, pyatspi.ROLE_PUSH_BUTTON, name, 'evidence viewer')
            # GTK 4.8 gives an entry the role of a text
            require(frame, pyatspi.ROLE_TEXT, '页码', 'evidence viewer')
            require(frame, pyatspi.ROLE_ENTRY, '在文档中搜索', 'evidence viewer')
            screenshot(shots, 'a11y-evidence')
            check_names(frame, 'evidence viewer')
            back = require(frame, pyatspi.ROLE_PUSH_BUTTON, '返回候选人材料', 'evidence viewer')
            if back is not None:
                click(back)

        # the review walk
        stage = wait_for('the review stage', lambda: next(
            (n for n in walk(frame) if n.getRole() == pyatspi.ROLE_LIST_ITEM
             and '资格审查' in (n.name or '') + ''.join(c.name or '' for c in n)), None), 20)
        if stage is None:
            fail('sidebar: no stage named 资格审查')
        else:
            stage.querySelection if False else None
            parent = stage.parent
            parent.querySelection().selectChild(stage.getIndexInParent())
            walk_tab = require(frame, pyatspi.ROLE_PAGE_TAB, '逐人审查', 'review')
            if walk_tab is not None:
                walk_tab.parent.querySelection().selectChild(walk_tab.getIndexInParent())
            require(frame, pyatspi.ROLE_PUSH_BUTTON, '保存并下一位', 'review walk')
            screenshot(shots, 'a11y-review')
            check_names(frame, 'review walk')

        # the chair's defence page with a session open, and its paper score sheet section
        trade = open_defence_session(cli, db, env)
        if trade is not None and select_stage(frame, '现场答辩') is not None:
            # the section's expander, named by its title
            paper = wait_for('the paper score sheet section', lambda: next(
                (n for n in walk(frame) if n.getRole() in CONTROL_ROLES
                 and (n.name or '').startswith('纸质评分表') and showing(n)), None), 20)
            if paper is None:
                fail('defence page: no paper score sheet section (纸质评分表…) with a session open')
            else:
                click(paper)
                # the scrutineer's and the member's choices of the form, now shown
                wait_for('the paper score sheet form', lambda: sum(
                    1 for n in controls(paper.parent)) > 3, 10)
            screenshot(shots, 'a11y-defence')
            check_names(frame, 'defence page')

        # the ranking
        if select_stage(frame, '综合排名') is not None:
            screenshot(shots, 'a11y-ranking')
            check_names(frame, 'ranking page')

        # publicity, and its holiday calendar editor
        if select_stage(frame, '公示') is not None:
            screenshot(shots, 'a11y-publicity')
            check_names(frame, 'publicity page')
            # "节假日安排…", or "填写 2026 年节假日…" when a year's calendar is missing
            holidays = wait_for('the holiday calendar button', lambda: find_any(
                frame, pyatspi.ROLE_PUSH_BUTTON, '节假日'), 10)
            if holidays is None:
                fail('publicity page: no button opening the holiday calendar')
            else:
                click(holidays)
                editor = wait_for('the holiday calendar editor', lambda: next(
                    (w for w in app if w is not None and w.getRole() in (
                        pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_WINDOW)
                     and '节假日' in (w.name or '')), None), 20)
                if editor is None:
                    fail('publicity page: the holiday calendar editor did not open')
                else:
                    screenshot(shots, 'a11y-holidays')
                    check_names(editor, 'holiday calendar editor')
                    cancel = find(editor, pyatspi.ROLE_PUSH_BUTTON, '取消')
                    if cancel is not None:
                        click(cancel)
                        time.sleep(1)

        # the documents
        if select_stage(frame, '证书/打印') is not None:
            screenshot(shots, 'a11y-documents')
            check_names(frame, 'documents page')

        # the audit log, with the backups beside the file
        if select_stage(frame, '审计日志') is not None:
            backup_row = wait_for('the backup row', lambda: next(
                (n for n in walk(frame) if 'demo-20260301-090000-manual' in (n.description or '')
                 + (n.name or '') + ''.join(c.name or '' for c in n)), None), 20)
            if backup_row is None:
                fail('audit page: the backup beside the file is not listed')
            screenshot(shots, 'a11y-audit')
            check_names(frame, 'audit page')
    finally:
        program.terminate()
        try:
            program.wait(10)
        except subprocess.TimeoutExpired:
            program.kill()


if __name__ == '__main__':
    main()
    if failures:
        print('%d failure(s)' % len(failures))
        sys.exit(1)
    print('all controls named')
