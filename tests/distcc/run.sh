#!/bin/sh
# A build spread over two distcc daemons with vsh as make's shell, its timing log exported as
# one trace with a second build's log: the recipe README gives for builds that outgrow one
# machine, on one machine (two distccd on 127.0.0.1 stand for two hosts).
# usage: run.sh VSH WORKDIR
set -eu
vsh=$1
work=$2
for tool in distcc distccd make cc python3; do
    command -v "$tool" >/dev/null || { echo "distcc-trace: $tool is missing: skipped"; exit 77; }
done
fail() { echo "distcc-trace: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/src"
chmod 1777 "$work"  # distccd, run as nobody under root, writes its log and pid file here.
cd "$work"
# Two ports from a range unlikely to be in use, different for concurrent runs.
base=$((36000 + ($$ % 500) * 2))
user=""
[ "$(id -u)" -eq 0 ] && user="--user nobody"
for port in $base $((base + 1)); do
    # shellcheck disable=SC2086
    distccd --daemon --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" --jobs 2 \
        --pid-file "$work/d$port.pid" --log-file "$work/d$port.log" $user ||
        fail "distccd did not start on port $port"
done
stop() { for f in "$work"/d*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done; }
trap stop EXIT
i=0
while [ ! -s "d$base.pid" ] || [ ! -s "d$((base + 1)).pid" ]; do
    i=$((i + 1))
    [ "$i" -lt 100 ] || fail "distccd wrote no pid file"
    sleep 0.1
done

i=0
while [ "$i" -lt 16 ]; do
    printf 'int f_%s(int x) { return x * %s; }\n' "$i" "$i" > "src/f_$i.c"
    i=$((i + 1))
done
# `; :` keeps the compiler vsh's child (the last command of a line is otherwise exec'd in
# place, and make's child has no vsh record).
printf '%s\n' 'OBJS := $(patsubst src/%.c,obj/%.o,$(wildcard src/*.c))' \
    'lib.a: $(OBJS)' '	@ar rcs $@ $(OBJS); :' \
    'obj/%.o: src/%.c | obj' '	@$(CC) -O0 -c -o $@ $<; :' \
    'obj:' '	@mkdir -p obj' 'clean:' '	@rm -rf obj lib.a' > Makefile

# Build 1 on both daemons; build 2 on the second only, as another machine's run would be.
DISTCC_FALLBACK=0 DISTCC_HOSTS="127.0.0.1:$base/2 127.0.0.1:$((base + 1))/2" \
    VSH_TIMING_LOG=$work/one.log make -s -j4 CC="distcc cc" SHELL="$vsh" || fail "build 1 failed"
make -s clean SHELL="$vsh"
DISTCC_FALLBACK=0 DISTCC_HOSTS="127.0.0.1:$((base + 1))/2" \
    VSH_TIMING_LOG=$work/two.log make -s -j4 CC="distcc cc" SHELL="$vsh" || fail "build 2 failed"

# Every compile went to a daemon, and both daemons took some.
compiled=$(grep -h -c COMPILE_OK d*.log | awk '{ n += $1 } END { print n }')
[ "$compiled" -eq 32 ] || fail "the daemons compiled $compiled files, not 32"
grep -q COMPILE_OK "d$base.log" || fail "the first daemon compiled nothing"

# One record per distcc and ar, every one a success.
records=$(cat one.log two.log | wc -l)
[ "$records" -eq 34 ] || fail "$records records, not 34 (16 distcc and 1 ar per build)"
[ "$(grep -c '"argv0":"distcc"' one.log)" -eq 16 ] || fail "one.log lacks distcc records"
if grep -v '"status":0,' one.log two.log; then fail "a process failed"; fi

# One trace from both logs: one slice and one spawn slice per record, on tracks apart.
"$vsh" --timing-report --trace one.log two.log > trace.json || fail "the export failed"
[ "$(grep -c '"ph":"X"' trace.json)" -eq $((2 * records)) ] || fail "not one slice per record"
shells=$(grep -c '"name":"process_name"' trace.json)
[ "$shells" -ge 2 ] || fail "$shells shell tracks"
pids=$(grep '"ph":"X"' trace.json | sed 's/.*"pid":\([0-9]*\),.*/\1/' | sort -u | wc -l)
[ "$pids" -eq "$shells" ] || fail "slices on $pids tracks, $shells shells named"
# The whole file as JSON, with the types Perfetto needs: ph, pid, tid, ts and dur numbers,
# dur >= 0, every spawn slice inside its process's slice, one process slice per record.
python3 - "$records" trace.json <<'PY' || fail "the trace is not what Perfetto reads"
import json, sys
records, path = int(sys.argv[1]), sys.argv[2]
events = json.load(open(path))["traceEvents"]
slices = {}
for e in events:
    assert e["ph"] in ("X", "M"), e
    assert isinstance(e["pid"], int) and isinstance(e["tid"], int), e
    if e["ph"] == "X":
        assert isinstance(e["ts"], int) and isinstance(e["dur"], int) and e["dur"] >= 0, e
        slices.setdefault((e["pid"], e["tid"]), []).append(e)
processes = [e for e in events if e["ph"] == "X" and e["cat"] != "spawn"]
assert len(processes) == records, (len(processes), records)
for group in slices.values():
    whole = [e for e in group if e["cat"] != "spawn"][0]
    for spawn in (e for e in group if e["cat"] == "spawn"):
        assert whole["ts"] <= spawn["ts"] and spawn["ts"] + spawn["dur"] <= whole["ts"] + whole["dur"]
PY
"$vsh" --timing-report one.log two.log > report.txt || fail "the report failed"
grep -q "^timing report for one.log, two.log: 34 processes" report.txt || fail "report: $(head -n 1 report.txt)"
echo "distcc-trace: 32 compiles on two daemons, 34 records, one trace of $((2 * records)) slices"
