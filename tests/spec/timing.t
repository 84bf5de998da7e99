The time reserved word, timing mode and VSH_TIMING_LOG (DESIGN.md "Timing mode").
Durations vary, so the cases check the shape of the output, never a figure.

#### time -p writes real/user/sys to stderr and leaves stdout alone
# reason: XCU time -p: "real %f\nuser %f\nsys %f\n" on standard error
# dash: differs — dash has no time reserved word
{ time -p /bin/echo out; } 2>err
cat err | sed 's/[0-9][0-9]*\.[0-9][0-9]*/N/'
---- stdout
out
real N
user N
sys N

#### time gives the status of its pipeline
# dash: differs — dash has no time reserved word
{ time -p /bin/sh -c 'exit 7'; } 2>/dev/null
echo "status $?"
{ time -p /bin/true | /bin/sh -c 'exit 3'; } 2>/dev/null
echo "status $?"
---- stdout
status 7
status 3

#### the default format is bash's: a blank line, then real/user/sys in NmN.NNNs
# dash: differs — dash has no time reserved word
{ time /bin/true; } 2>err
sed 's/[0-9]m[0-9.]*s/T/' err
---- stdout

real	T
user	T
sys	T

#### the last command of a -c string is not exec'd away when it is timed
# dash: differs — dash has no time reserved word
"$TEST_SHELL" -c 'time -p /bin/true' 2>&1 | grep -c '^real '
---- stdout
1

#### timing mode adds one line per process, with the backend that created it
# dash: differs — vsh extension (set -o timing)
set -o timing
{ time -p /bin/echo a | /bin/cat >/dev/null; } 2>err
grep -c '^/bin/echo  ' err
grep -c '^/bin/cat   ' err
grep -c '^command' err
---- stdout
1
1
1

#### a process killed by a signal shows the signal's name
# dash: differs — vsh extension (set -o timing)
set -o timing
{ time -p /bin/sh -c 'kill -9 $$'; } 2>err
grep -c 'SIGKILL$' err
---- stdout
1

#### VSH_TIMING_LOG gets one JSON line per external command
# dash: differs — vsh extension (VSH_TIMING_LOG)
VSH_TIMING_LOG=$PWD/t.log
/bin/true
/bin/echo x >/dev/null
/bin/true | /bin/cat
unset VSH_TIMING_LOG
/bin/true
wc -l < t.log | tr -d ' '
grep -c '^{"time":[0-9.]*,"shell_pid":[0-9]*,.*"argv0":"/bin/[a-z]*","shell_rss_kb":[0-9]*,"mono":[0-9.]*,"host":"[^"]*"}$' t.log
---- stdout
4
4

#### background jobs get their records when the shell reaps them
# reason: an external job through the backend, a subshell job forked (shell_code), and the subshell's own command logged by the subshell; a job still running at `wait` is logged after it ends
# dash: differs — vsh extension (VSH_TIMING_LOG)
VSH_TIMING_LOG=$PWD/t.log
/bin/sleep 0.1 &
(/bin/true; exit 3) &
wait
unset VSH_TIMING_LOG
grep -c '"shell_code":false,.*"status":0,"argv0":"/bin/sleep"' t.log
grep -c '"backend":"fork","fallback":null,"shell_code":true,.*"status":3,"argv0":"(shell code)"' t.log
grep -c '"argv0":"/bin/true"' t.log
wc -l < t.log | tr -d ' '
---- stdout
1
1
1
3

#### the timing log is created with mode 0600
# dash: differs — vsh extension (VSH_TIMING_LOG)
umask 000
VSH_TIMING_LOG=$PWD/t.log
/bin/true
ls -l t.log | cut -c1-10
---- stdout
-rw-------

#### an unwritable timing log warns once and fails no command
# dash: differs — vsh extension (VSH_TIMING_LOG)
VSH_TIMING_LOG=/nonexistent-dir/t.log
/bin/true
/bin/true
echo "status $?"
---- stdout
status 0
---- stderr-matches
vsh: timing log /nonexistent-dir/t.log: No such file or directory

#### --timing-report summarises a log
# dash: differs — vsh extension (--timing-report)
VSH_TIMING_LOG=$PWD/t.log
/bin/true
/bin/true
unset VSH_TIMING_LOG
echo 'not json' >> t.log
"$TEST_SHELL" --timing-report t.log | head -2
---- stdout
timing report for t.log: 2 processes from 1 shell
note: skipped 1 malformed line(s), the first at line 3

#### a user's redirection onto the timing log's descriptor moves the log out of the way
# reason: the log lives at fd 10 or above; `exec 10>file` is the user's to take (as in bash); three records: two /bin/true and the cat
# dash: differs — dash has no timing log
VSH_TIMING_LOG=$PWD/log; export VSH_TIMING_LOG
/bin/true
exec 10>other 11>more 12>yetmore
/bin/true
echo mine >&10
cat other
unset VSH_TIMING_LOG
wc -l < log | tr -d ' '
---- stdout
mine
3

#### a $(...) that runs a function or a builtin in a forked child gets its record
# reason: every process the shell creates has exactly one record (DESIGN.md "Timing mode"); `me` prints the pid of the process it runs in, so each record is matched to the process it counts; $(echo y), $(exit 5) and $(inside) run in the shell and create none
# dash: differs — vsh extension (VSH_TIMING_LOG)
VSH_TIMING_LOG=$PWD/t.log
me() { read -r pid rest < /proc/self/stat; echo "$pid"; }
inside() { v=1; echo "$v"; }
a=$(me)
b=$(me; exit 3)
c=$(cd / && exit 4)
d=$(echo y)
e=$(exit 5)
f=$(inside)
unset VSH_TIMING_LOG
grep "\"child_pid\":$a," t.log | grep -c -F '"backend":"fork","fallback":null,"shell_code":true,'
grep "\"child_pid\":$b," t.log | grep -c -F '"status":3,"argv0":"$( ... )"'
grep -c -F '"shell_code":true,' t.log
grep -c -F '"status":4,"argv0":"$( ... )"' t.log
wc -l < t.log | tr -d ' '
---- stdout
1
1
3
1
3

#### subshells, shell-code pipeline stages and background shell code get one record each
# reason: every process the shell creates has exactly one record; each `me` names the process it runs in
# dash: differs — vsh extension (VSH_TIMING_LOG)
VSH_TIMING_LOG=$PWD/t.log
me() { read -r pid rest < /proc/self/stat; echo "$pid" >> pids; }
me | me
{ me; } | { me; :; }
(me)
(me; :)
{ me; :; } &
me &
wait
unset VSH_TIMING_LOG
sort -u pids | wc -l | tr -d ' '
while read -r pid; do grep -c "\"child_pid\":$pid,.*\"shell_code\":true," t.log; done < pids | sort | uniq -c | tr -s ' '
wc -l < t.log | tr -d ' '
---- stdout
8
 8 1
8

#### a disowned job still gets its record when the shell reaps it
# reason: every process the shell creates has a record, written when it really ends; the /bin/true loop reaps the job while it waits for /bin/true
# dash: differs — vsh extension (VSH_TIMING_LOG); dash has no disown
VSH_TIMING_LOG=$PWD/t.log
/bin/sleep 0.2 &
pid=$!
disown
while kill -0 $pid 2>/dev/null; do /bin/true; done
unset VSH_TIMING_LOG
grep -c "\"child_pid\":$pid,.*\"argv0\":\"/bin/sleep\"" t.log
---- stdout
1

#### a make -j2 build's timing log exports as a trace with one slice per record
# dash: differs — dash has no timing log
# (Each recipe ends in `:`, so vsh spawns the compiler rather than exec'ing it in place.)
mkdir src
i=0
while [ "$i" -lt 12 ]; do
    printf 'int f_%s(int x) { return x + %s; }\n' "$i" "$i" > "src/f_$i.c"
    i=$((i + 1))
done
printf '%s\n' 'OBJS := $(patsubst src/%.c,obj/%.o,$(wildcard src/*.c))' \
    'lib.a: $(OBJS)' '	@ar rcs $@ $(OBJS); :' \
    'obj/%.o: src/%.c | obj' '	@cc -O0 -c -o $@ $<; :' \
    'obj:' '	@mkdir -p obj' > Makefile
VSH_TIMING_LOG=$PWD/log make -s -j2 SHELL="$TEST_SHELL" || echo "make failed"
"$TEST_SHELL" --timing-report --trace log > trace.json || echo "export failed"
records=$(wc -l < log)
[ "$records" -ge 13 ] && echo "13 or more records"
# One event per line: process slices (not spawn) match the records, each spawn slice too.
slices=$(grep -c '"ph":"X"' trace.json)
spawns=$(grep -c '"cat":"spawn"' trace.json)
[ "$slices" -eq $((2 * records)) ] && [ "$spawns" -eq "$records" ] && echo "one slice per record"
# Every event has the fields Perfetto needs, with numbers where numbers go (each event line
# is parsed as JSON, and children checked to lie in their shell's slice, by the unit tests).
grep '"ph":' trace.json | grep -v '"pid":[0-9][0-9]*,"tid":[0-9][0-9]*' | head -n 3
grep '"ph":"X"' trace.json | grep -v '"ts":[0-9][0-9]*,"dur":[0-9][0-9]*' | head -n 3
grep -c '"name":"process_name"' trace.json | sed 's/^[1-9][0-9]*$/named shells/'
head -n 1 trace.json
tail -n 1 trace.json | sed 's/"epoch_unix_us":[0-9]*/"epoch_unix_us":N/; s/"records":[0-9]*/"records":R/'
---- stdout
13 or more records
one slice per record
named shells
{"traceEvents":[
],"displayTimeUnit":"ms","otherData":{"epoch_unix_us":N,"records":R,"skipped_lines":0}}
