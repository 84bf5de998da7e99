#!/usr/bin/env python3
"""Checks what the "real scripts" step's shells produced against dash's, after the timing
(bench/run-all, step scripts). usage: check.py WORK_DIR RESULTS_JSON
WORK_DIR holds shells.txt ("label|path" lines, dash among them), packages.txt ("name|source
dir" lines), configure/<package>/<label>/ (one build directory per shell) and .log files,
shellspec.<label>.log, heavy.<label>.out and .log. Writes RESULTS_JSON and prints a line per
difference."""
import json
import os
import re
import sys

WORK, OUT = sys.argv[1], sys.argv[2]
BASE = "dash"
# The files whose contents are the configure's results: config.h (wherever the package puts
# it), config.status (the substitutions and the commands it would run) and the top Makefile.
CONFIGURE_FILES = ["config.h", "lib/config.h", "src/config.h", "config.status", "Makefile"]


def read_pairs(name):
    with open(os.path.join(WORK, name)) as f:
        return [line.rstrip("\n").split("|", 1) for line in f if "|" in line]


def slug(label):
    return label.replace(" ", "_")


def exit_status(log):
    if not os.path.exists(log):
        return None
    status = None
    with open(log, errors="replace") as f:
        for line in f:
            m = re.match(r"exit status: (\d+)$", line.strip())
            if m:
                status = int(m.group(1))
    return status


def normalised(path, shell, build_dir):
    """The file's lines with the shell's path and the build directory replaced by
    placeholders: those differ by design."""
    with open(path, errors="replace") as f:
        text = f.read()
    text = text.replace(build_dir, "@BUILD@").replace(shell, "@SHELL@")
    if path.endswith("config.status"):
        # A shell without LINENO (dash) gets a config.status with the line numbers written
        # in by autoconf's lineno fallback: "6044" where other shells keep "$LINENO".
        text = re.sub(r"\$\{as_lineno-\d+\}", "${as_lineno-$LINENO}", text)
        text = re.sub(r'"\d+" (\d+)', r'"$LINENO" \1', text)
    return text.splitlines()


def differing_lines(ours, theirs, limit=4):
    """Up to `limit` lines of ours not in theirs and of theirs not in ours, and the count."""
    a, b = set(ours), set(theirs)
    only_ours = [line for line in ours if line not in b]
    only_theirs = [line for line in theirs if line not in a]
    sample = [f"+ {line}" for line in only_ours[:limit]] + [f"- {line}" for line in only_theirs[:limit]]
    return len(only_ours) + len(only_theirs), sample


shells = read_pairs("shells.txt")
packages = read_pairs("packages.txt")
path_of = dict(shells)
result = {"configure": {}, "shellspec": {}, "heavy": {}}
problems = []

for package, _ in packages:
    per_shell = result["configure"][package] = {}
    root = os.path.join(WORK, "configure", package)
    base_dir = os.path.join(root, slug(BASE))
    for label, shell in shells:
        build_dir = os.path.join(root, slug(label))
        entry = per_shell[label] = {"status": exit_status(build_dir + ".log"), "differs": {}}
        if entry["status"] != 0:
            problems.append(f"configure {package}: {label} exited with {entry['status']}"
                            f" (log: {build_dir}.log)")
        if label == BASE:
            continue
        for name in CONFIGURE_FILES:
            ours, theirs = os.path.join(build_dir, name), os.path.join(base_dir, name)
            if not os.path.exists(ours) and not os.path.exists(theirs):
                continue
            if not os.path.exists(ours) or not os.path.exists(theirs):
                entry["differs"][name] = {"count": -1, "sample": ["missing in " +
                                          (label if not os.path.exists(ours) else BASE)]}
                continue
            count, sample = differing_lines(normalised(ours, shell, build_dir),
                                            normalised(theirs, path_of[BASE], base_dir))
            if count:
                entry["differs"][name] = {"count": count, "sample": sample}
        for name, d in entry["differs"].items():
            problems.append(f"configure {package}: {label}'s {name} differs from dash's in"
                            f" {d['count']} line(s): " + " | ".join(d["sample"]))

for label, _ in shells:
    log = os.path.join(WORK, f"shellspec.{slug(label)}.log")
    summary = ""
    if not os.path.exists(log):  # not run (--quick runs only vsh auto and dash)
        continue
    if os.path.exists(log):
        with open(log, errors="replace") as f:
            for line in f:
                # "1234 examples, 0 failures, 16 skips" (the colours stripped)
                plain = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
                if re.match(r"\d+ examples?, \d+ failures?", plain):
                    summary = plain
    entry = result["shellspec"][label] = {"status": exit_status(log), "summary": summary}
    if entry["status"] != 0:
        problems.append(f"shellspec: {label} exited with {entry['status']}: {summary} (log: {log})")

base_output = None
for label, _ in shells:
    path = os.path.join(WORK, f"heavy.{slug(label)}.out")
    output = open(path).read().strip() if os.path.exists(path) else ""
    if label == BASE:
        base_output = output
    result["heavy"][label] = {"status": exit_status(os.path.join(WORK, f"heavy.{slug(label)}.log")),
                              "output": output}
for label, entry in result["heavy"].items():
    entry["same"] = entry["output"] == base_output and entry["status"] == 0
    if not entry["same"]:
        problems.append(f"script_heavy: {label} wrote '{entry['output']}' (status"
                        f" {entry['status']}), dash '{base_output}'")

with open(OUT, "w") as f:
    json.dump(result, f, indent=1)
for p in problems:
    print("    " + p)
print(f"    {len(problems)} difference(s) from dash")
