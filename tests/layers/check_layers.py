#!/usr/bin/env python3
"""Fails on an #include that points up vsh's layers (ARCHITECTURE.md, "Layers").

Each folder of shell/, builtins/ and backends/ has a place in the order below, bottom up. A
file may include headers of its own folder and of folders below it, never above: so the
folders form an acyclic graph by construction. Also fails when fork() for shell code appears
outside shell/exec/fork_shell.cpp (the backends create processes for programs; they are the
only other place that may call it). Run from the repository root; `./dev test` runs it.
Prints one line per violation, `file:line: ...`, and exits 1 if there is any.
"""
import os
import re
import sys

# Bottom up. A new folder must be placed here, where its includes allow.
LAYERS = [
    ('shell/base', 'base utilities: output, locale, user database, quoting, input sources'),
    ('backends', 'process creation'),
    ('shell/ast', 'front end: the syntax tree'),
    ('shell/lexer', 'front end: tokens'),
    ('shell/parser', 'front end: grammar'),
    ('shell/vars', 'state: variables'),
    ('shell/traps', 'state: the trap table'),
    ('shell/timing', 'state: timing records and reports'),
    ('shell/jobs', 'state: the job table'),
    ('shell/history', 'state: history'),
    ('shell/core', 'the shell: Shell and what needs all of it'),
    ('shell/expand', 'expansion'),
    ('shell/exec', 'execution'),
    ('builtins', 'builtins'),
    ('shell/interactive', 'interactive use'),
    ('shell/main', 'entry: shell/main.cpp'),
]
RANK = {name: i for i, (name, _) in enumerate(LAYERS)}
TOPS = ('shell', 'builtins', 'backends')
FORK_SHELL_CODE = 'shell/exec/fork_shell.cpp'


def folder(path):
    parts = path.split('/')
    if parts[0] == 'shell':
        return 'shell/' + parts[1] if len(parts) > 2 else 'shell/main'
    return parts[0]


def sources():
    for top in TOPS:
        for d, _, files in os.walk(top):
            for f in sorted(files):
                if f.endswith(('.cpp', '.hpp', '.h')):
                    yield os.path.join(d, f)


def main():
    problems = []
    for path in sources():
        own = folder(path)
        if own not in RANK:
            problems.append(f'{path}:1: folder {own} has no layer (tests/layers/check_layers.py)')
            continue
        lines = open(path, errors='replace').read().split('\n')
        for number, line in enumerate(lines, 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m and m.group(1).split('/')[0] in TOPS:
                target = folder(m.group(1))
                if target not in RANK:
                    problems.append(f'{path}:{number}: includes {m.group(1)}, in no layer')
                elif RANK[target] > RANK[own]:
                    problems.append(f'{path}:{number}: includes {m.group(1)}: {target} '
                                    f'({LAYERS[RANK[target]][1]}) is above {own} '
                                    f'({LAYERS[RANK[own]][1]})')
            code = line.split('//')[0]
            if (not path.startswith('backends/') and path != FORK_SHELL_CODE and
                    re.search(r'(?<![\w.>:])fork\s*\(\s*\)', code)):
                problems.append(f'{path}:{number}: calls fork(); shell code is forked only in '
                                f'{FORK_SHELL_CODE}')
    for p in problems:
        print(p)
    if problems:
        print(f'check_layers: {len(problems)} violation(s); see ARCHITECTURE.md, "Layers"',
              file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
