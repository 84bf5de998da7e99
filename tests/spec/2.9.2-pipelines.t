XCU 2.9.2 Pipelines.

#### output flows through a pipeline
echo hello | tr a-z A-Z
---- stdout
HELLO

#### three-stage pipeline
printf 'c\na\nb\n' | sort | head -n 2
---- stdout
a
b

#### status is the last command's
false | true
echo $?
true | false
echo $?
---- stdout
0
1

#### bang inverts the status
! true
echo $?
! false
echo $?
! sh -c 'exit 3'
echo $?
---- stdout
1
0
0

#### bang on the last command of a shell
# reason: XCU 2.9.2 — the shell inverts the status, so it may not become the last program
$TEST_SHELL -c '! /bin/false'
echo $?
$TEST_SHELL -c 'true && ! /bin/true'
echo $?
printf '%s\n' 'echo script' '! /bin/false' > s.sh
$TEST_SHELL s.sh
echo $?
---- stdout
0
1
script
0

#### bang applies to the whole pipeline
! false | true
echo $?
---- stdout
1

#### pipeline stages run in subshells
x=outer
echo inner | read x
echo $x
---- stdout
outer

#### builtin in a pipeline writes to the pipe
printf '%s\n' a b | wc -l | tr -d ' '
---- stdout
2

#### compound command in a pipeline
{ echo one; echo two; } | while read l; do echo "[$l]"; done
---- stdout
[one]
[two]

#### function in a pipeline
f() { echo "from f"; }
f | cat
---- stdout
from f

#### pipeline waits for all stages
{ sleep 0.1; echo late > f; } | true
cat f
---- stdout
late

#### newline allowed after the pipe
echo split |
tr s S
---- stdout
Split

#### stderr does not enter the pipe
{ echo out; echo err >&2; } 2>/dev/null | cat
---- stdout
out

#### 2>&1 before the pipe sends stderr in
{ echo err >&2; } 2>&1 | tr e E
---- stdout
Err

#### pipefail: status of the rightmost failing command
# reason: XCU 2.9.2 (POSIX.1-2024) — set -o pipefail
# dash: differs — dash 0.5.12 predates POSIX.1-2024 and has no pipefail
set -o pipefail
sh -c 'exit 3' | sh -c 'exit 4' | true
echo $?
false | true
echo $?
true | true
echo $?
---- stdout
4
1
0

#### pipefail off by default
false | true
echo $?
---- stdout
0

#### pipefail with bang
# dash: differs — dash 0.5.12 has no pipefail
set -o pipefail
! false | true
echo $?
---- stdout
0

#### a stage that exits early does not hang the pipeline
yes | head -n 2
---- stdout
y
y

#### exit in a pipeline stage leaves only that stage
exit 5 | true
echo "still $?"
---- stdout
still 0

#### a stage running shell code gets SIGPIPE when the reader is gone
# reason: XCU 2.9.2 — each stage's output is the pipe to the next; a forked stage that kept
# the pipe's read end open would write forever (or block) after the reader exits
f() { while :; do echo y; done; }
f | head -n 1
{ while :; do echo w; done; } | head -n 1
g() { awk 'BEGIN { for (;;) print "z" }'; }
g | head -n 1
echo done
---- stdout
y
w
z
done

#### a pipeline whose pipe cannot be made fails with status 2
# reason: XCU 2.8.1 — the pipeline could not run; dash says "Pipe call failed" and fails too
# dash: differs — dash exits the shell there; vsh reports it and goes on, as bash does
exec 3</dev/null 4</dev/null 5</dev/null 6</dev/null 7</dev/null 8</dev/null
ulimit -n 10
/bin/echo a | /bin/cat; echo "external=$?"
f() { :; }; f | f; echo "shell code=$?"
---- stdout
external=2
shell code=2
---- stderr-matches
pipe: Too many open files

#### a stage other than the last that a signal killed is reported on the shell's stderr
# reason: dash reports every process of a foreground pipeline that a signal killed, whichever stage; the status stays the last stage's
exec 2>err
sh -c 'kill -TERM $$' | cat
echo "status $?"
sh -c 'kill -KILL $$' 2>/dev/null | cat
echo "status $?"
exec 2>&1
cat err
---- stdout
status 0
status 0
Terminated
Killed

#### every stage a signal killed is reported, in the order they ended
# reason: as dash; the second stage waits until the shell has reaped the first (kill -0 still finds a process that is not yet reaped)
exec 2>err
sh -c 'echo $$ > first; kill -TERM $$' |
    sh -c 'cat; while kill -0 "$(cat first)" 2>/dev/null; do :; done; kill -HUP $$'
echo "status $?"
exec 2>&1
cat err
---- stdout
status 129
Terminated
Hangup

#### a stage killed by SIGINT or SIGPIPE is not reported
# reason: dash leaves out the signals a Ctrl-C or a reader that went away sends
exec 2>err
sh -c 'kill -INT $$' | cat
sh -c 'kill -PIPE $$' | cat
yes | head -n 1
exec 2>&1
cat err
---- stdout
y

#### a stage running shell code that a signal killed is reported too
exec 2>err
{ sh -c 'kill -TERM $$'; } | cat
f() { exec sh -c 'kill -HUP $$'; }
f | cat
exec 2>&1
cat err
---- stdout
Terminated
Hangup

#### echo and printf as a pipeline's first stages: output, status, and no change to the shell
# reason: XCU 2.9.2 — each stage runs in a subshell environment, whatever runs it (vsh runs these builtins in the shell, their output into the pipe)
x=1
echo "${x:-} ${y-unset}" | cat
printf '%s\n' c a b | sort | tr '\n' ' '; echo
echo ${z=set} | cat; echo "z=${z-unset}"
printf '%s\n' "$(i=0; while [ $i -lt 30000 ]; do printf 'row %d\n' $i; i=$((i+1)); done)" | tail -2
printf '%s\n' "$(i=0; while [ $i -lt 30000 ]; do echo row; i=$((i+1)); done)" | head -1; echo "head: $?"
false | echo after-false | cat
printf '%d\n' notanumber 2>/dev/null | cat; echo "status ok"
f() { echo "f:$1"; }; f one | cat
echo=shadowed; echo() { printf 'fn-echo %s\n' "$*"; }; echo via function | cat; unset -f echo
echo done | cat
---- stdout
1 unset
a b c 
set
z=unset
row 29998
row 29999
row
head: 0
after-false
0
status ok
f:one
fn-echo via function
done
