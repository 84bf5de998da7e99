Job control (XCU 2.11) and the text a job is shown with. These cases run without a terminal:
what `set -m` does there, and the job text `jobs` shows in a script. Every case ends the jobs
it starts, since a job in a process group of its own outlives the case's group.

#### jobs shows a compound command as written, on one line
# reason: XCU jobs — the command as it was given to the shell; a body written over several lines is joined with ;
# dash: differs — without job control dash keeps no command text for the jobs it lists
{ sleep 5; } &
(sleep 5) &
while :; do
  sleep 5   # a comment
done &
if true; then sleep 5; fi &
for i in 1 2; do sleep 5; done &
case x in x) sleep 5;; esac &
jobs | sed 's/^.*Running  *//'
kill %1 %2 %3 %4 %5 %6
---- stdout
{ sleep 5; }
(sleep 5)
while :; do sleep 5; done
if true; then sleep 5; fi
for i in 1 2; do sleep 5; done
case x in x) sleep 5;; esac

#### jobs shows words unexpanded, with their quotes, assignments and redirections
# reason: XCU jobs — the command as it was given to the shell, not its expansion
# dash: differs — without job control dash keeps no command text for the jobs it lists
x=1 sh -c 'sleep 5' "$HOME" 'a b' >/dev/null 2>&1 &
sleep 5 | { sleep 5; } &
sleep 5 <<EOF &
a here-document body $HOME
EOF
sleep 5 $((1 - 1)) ${HOME:+} &
jobs | sed 's/^.*Running  *//'
kill %1 %2 %3 %4
---- stdout
x=1 sh -c 'sleep 5' "$HOME" 'a b' >/dev/null 2>&1
sleep 5 | { sleep 5; }
sleep 5 <<EOF
sleep 5 $((1 - 1)) ${HOME:+}

#### a job's text names it for %string and %?string
# reason: XBD 3.182 job ID — %string matches the start of the command, %?string text in it
# dash: differs — without job control dash keeps no command text, so nothing matches
{ sleep 5; } &
while :; do sleep 5; done &
jobs %{ | grep -c 'Running  *{ sleep 5; }$'
jobs %?done | grep -c '^\[2\]'
kill %1 %2
---- stdout
1
1

#### set -m without a terminal: a background job leads a process group of its own
# reason: XCU 2.11 — with -m set, each job runs in its own process group
# dash: differs — dash turns -m off when it has no terminal
set -m
sleep 5 &
read -r _ _ _ _ shell_group _ < /proc/$$/stat
read -r _ _ _ _ job_group _ < /proc/$!/stat
[ "$job_group" = "$!" ] && echo job leads its group
[ "$job_group" != "$shell_group" ] && echo apart from the shell
kill %1
wait %1
echo status $?
---- stdout
job leads its group
apart from the shell
status 143
---- stderr-matches
Terminated

#### set -m without a terminal: a foreground command runs in a group of its own
# reason: XCU 2.11 — a foreground job is a job too; it is waited for and reaped as before
# dash: differs — dash turns -m off when it has no terminal
set -m
cut -d' ' -f1,5 /proc/self/stat > ids
read -r pid group < ids
[ "$pid" = "$group" ] && echo leads its group
sh -c 'exit 7'
echo status $?
sh -c 'kill $$'
echo killed $?
set +m
cut -d' ' -f1,5 /proc/self/stat > ids
read -r pid group < ids
[ "$pid" != "$group" ] && echo without -m in the shell group
---- stdout
leads its group
status 7
killed 143
without -m in the shell group
---- stderr-matches
Terminated

#### set -m without a terminal: a pipeline is one process group, not the shell's
# reason: XCU 2.11 — the processes of one job share its process group
# dash: differs — dash turns -m off when it has no terminal
set -m
cut -d' ' -f5 /proc/self/stat | { cut -d' ' -f5 /proc/self/stat; cat; } > groups
read -r _ _ _ _ shell_group _ < /proc/$$/stat
sort -u groups | wc -l | tr -d ' '
grep -q "^$shell_group\$" groups || echo not the shell group
---- stdout
1
not the shell group

#### vsh -m -c runs even its last command as a job of its own
# reason: XCU 2.11 — with -m each job, the last one too, runs in its own process group
# dash: differs — dash turns -m off when it has no terminal
$TEST_SHELL -m -c 'cut -d" " -f1,5 /proc/self/stat' > ids 2>/dev/null
read -r pid group < ids
[ "$pid" = "$group" ] && echo leads its group
---- stdout
leads its group

#### set -m without a terminal: kill %1 and kill -- -PGID reach the whole job and only it
# reason: XCU kill — a job ID or a negative pid names the process group; the shell is not in it
# dash: differs — dash turns -m off when it has no terminal
set -m
sleep 5 | sleep 5 &
read -r _ _ _ _ group _ < /proc/$!/stat
kill -- -$group
wait $!
echo first $?
sleep 5 | sleep 5 &
kill %1
wait %1
echo second $?
---- stdout
first 143
second 143
---- stderr-matches
Terminated

#### set -m without a terminal: a stopped foreground job is kept, and fg continues it
# reason: XCU 2.11 — a stopped job goes into the job table; XCU fg writes its command and waits for it
# dash: differs — dash turns -m off when it has no terminal
set -m
sh -c 'kill -STOP $$; echo resumed; exit 3'
echo stopped $?
jobs | sed 's/^\[1\] + Stopped  *//'
fg
echo fg $?
---- stdout
stopped 147
sh -c 'kill -STOP $$; echo resumed; exit 3'
sh -c 'kill -STOP $$; echo resumed; exit 3'
resumed
fg 3
---- stderr-matches
Stopped

#### set -m without a terminal: a background job that fg finished is unknown to wait
# reason: XCU fg — the job becomes a foreground job, so its pid is no longer an asynchronous list's; XCU wait gives 127 for an unknown pid
# dash: differs — dash turns -m off when it has no terminal
set -m
sh -c 'kill -STOP $$; exit 5' &
pid=$!
while ! jobs | grep -q Stopped; do sleep 0.01; done
fg >/dev/null
echo fg $?
wait $pid
echo wait $?
---- stdout
fg 5
wait 127

#### set -m without a terminal: bg continues a stopped job in the background
# reason: XCU bg — the job runs on in the background; wait then gives its status
# dash: differs — dash turns -m off when it has no terminal
set -m
sh -c 'kill -STOP $$; echo resumed; exit 4'
bg
wait %1
echo status $?
---- stdout
[1] sh -c 'kill -STOP $$; echo resumed; exit 4'
resumed
status 4
---- stderr-matches
Stopped

#### bg with several job IDs continues every one of them
# reason: XCU bg — the operands are job IDs, each job is resumed in the background
# dash: differs — dash turns -m off when it has no terminal
set -m
sh -c 'kill -STOP $$; exit 5'
sh -c 'kill -STOP $$; exit 6'
bg %1 %2
echo "bg $?"
wait %1
echo "one $?"
wait %2
echo "two $?"
---- stdout
[1] sh -c 'kill -STOP $$; exit 5'
[2] sh -c 'kill -STOP $$; exit 6'
bg 0
one 5
two 6
---- stderr-matches
Stopped

#### bg reports a job ID that names no job and still resumes the others
# reason: XCU bg — an operand that names no job is an error; the valid one still runs on
# dash: differs — dash turns -m off when it has no terminal
set -m
sh -c 'kill -STOP $$; exit 7'
bg %9 %1 2>/dev/null
echo "bg $?"
wait %1
echo "one $?"
---- stdout
[1] sh -c 'kill -STOP $$; exit 7'
bg 1
one 7
---- stderr-matches
Stopped

#### a stopped foreground subshell is shown as written
# reason: XCU 2.11 — a subshell is a job of its own; its text is the command as written
# dash: differs — dash turns -m off when it has no terminal
set -m
(sh -c 'kill -STOP $PPID'; echo after)
echo stopped $?
jobs | sed 's/^\[1\] + Stopped  *//'
fg >/dev/null
echo fg $?
---- stdout
stopped 147
(sh -c 'kill -STOP $PPID'; echo after)
after
fg 0
---- stderr-matches
Stopped

#### set -m without a terminal: a job that stops is reported on one line
# reason: XCU jobs — the "[%d] %c %s %s" form; no blank line first, since no ^Z was echoed
# dash: differs — dash turns -m off when it has no terminal
set -m
{ sh -c 'kill -STOP $$'; } 2>notice
cat notice
kill -9 %1
---- stdout
[1] + Stopped                 sh -c 'kill -STOP $$'

#### a job started by the command builtin is shown as written
# reason: XCU jobs — the command as it was given to the shell, `command` included
# dash: differs — dash turns -m off when it has no terminal
set -m
command sh -c 'kill -STOP $$' 2>/dev/null
jobs | sed 's/^\[1\] + Stopped  *//'
kill -9 %1
---- stdout
command sh -c 'kill -STOP $$' 2>/dev/null

#### wait for a background job that a signal killed reports the signal on stderr
# reason: as dash: the shell tells of a death by a signal when it waits for that job, every process of it, in the order they ended (the second stage ends once the first is reaped)
exec 2>err
sleep 100 &
kill -KILL $!
wait $!
echo "status $?"
sh -c 'echo $$ > first; kill -TERM $$' |
    sh -c 'cat; while kill -0 "$(cat first)" 2>/dev/null; do :; done; kill -HUP $$' &
wait %1
echo "status $?"
exec 2>&1
cat err
---- stdout
status 137
status 129
Killed
Terminated
Hangup

#### wait without operands, a job reaped before its wait, SIGINT and SIGPIPE report nothing
# reason: as dash: only a wait for the job itself tells, and only of the deaths it reaps; the /bin/true loop reaps the killed job while it waits for /bin/true
exec 2>err
sh -c 'kill -TERM $$' &
wait
echo "status $?"
sleep 100 &
pid=$!
kill -TERM $pid
while kill -0 $pid 2>/dev/null; do /bin/true; done
wait $pid
echo "status $?"
sh -c 'kill -PIPE $$' &
wait $!
echo "status $?"
exec 2>&1
cat err
---- stdout
status 0
status 143
status 141

#### set -m without a terminal: fg tells of every process of the job a signal killed
# dash: differs — dash turns -m off when it has no terminal
set -m
exec 2>err
sh -c 'echo $$ > first; kill -TERM $$' |
    sh -c 'cat; while kill -0 "$(cat first)" 2>/dev/null; do :; done; kill -HUP $$' &
fg >/dev/null
echo "fg $?"
exec 2>&1
cat err
---- stdout
fg 129
Terminated
Hangup
