XCU 2.11 Signals and Error Handling, and the trap special built-in.

#### EXIT trap runs at the end of the script
trap 'echo bye' EXIT
echo hello
---- stdout
hello
bye

#### EXIT trap keeps the exit status
trap 'echo bye' EXIT
false
---- stdout
bye
---- status
1

#### EXIT trap ending in an external command keeps the exit status
# reason: XCU trap — the shell's status after the EXIT action is the one from before it
trap '/bin/true' EXIT
false
---- status
1

#### EXIT trap ending in an external command keeps the status of -c
$TEST_SHELL -c 'trap /bin/true EXIT; false'
echo $?
---- stdout
1

#### EXIT trap with signal number 0
trap 'echo zero' 0
echo main
---- stdout
main
zero

#### EXIT trap runs on exit from set -e
set -e
trap 'echo cleanup' EXIT
false
---- stdout
cleanup
---- status
1

#### EXIT trap's exit overrides the status
trap 'exit 5' EXIT
exit 1
---- status
5

#### exit without an operand in the EXIT trap uses the status before the trap
# reason: XCU exit — in a trap action the last command is the one before the action
trap 'false; exit' EXIT
(exit 4)
---- status
4

#### exit without an operand in a function called from the EXIT trap
f() { false; exit; }
trap 'f' EXIT
(exit 3)
---- status
3

#### exit without an operand in a signal trap uses the status before the trap
# reason: XCU exit — kill $$ (status 0) ran just before the action, not the (exit 9) inside it
trap '(exit 9); exit' USR1
(exit 4)
kill -USR1 $$
echo not reached
---- status
0

#### exit in a subshell inside a trap action uses the subshell's own status
# reason: XCU exit — that exit ends the subshell, not the trap action
# dash: differs — dash's subshell inherits the trap's saved status and exits 4
trap '(false; exit); echo "subshell $?"' EXIT
(exit 4)
---- stdout
subshell 1
---- status
4

#### an expansion error in the EXIT trap ends the action and the shell
trap 'echo "in trap $?"; unset u; echo ${u?unset}; echo not reached' EXIT
exit 4
---- stdout
in trap 4
---- stderr-matches
u
---- status
2

#### a special builtin error in the EXIT trap
trap 'shift 5; echo not reached' EXIT
echo main
---- stdout
main
---- stderr-matches
shift: can't shift that many
---- status
2

#### return in a signal trap action returns from the function it interrupted
trap 'return 7' USR1
f() { kill -USR1 $$; echo never; }
f
echo "status $?"
---- stdout
status 7

#### a signal trap is taken when the command completes, inside the function that ran it
# reason: XCU 2.11 — the action runs after the foreground command completes, not after the function
f() {
  trap 'echo "trap sees $1"' USR1
  kill -USR1 $$
  echo "f continues"
}
f farg
g() { kill -USR1 $$; }
g garg
---- stdout
trap sees farg
f continues
trap sees garg

#### break in a signal trap action leaves the loop it interrupted
trap 'break' USR1
for i in 1 2 3; do kill -USR1 $$; echo never; done
echo "i=$i"
---- stdout
i=1

#### trap on a signal sent with kill $$
trap 'echo got USR1' USR1
kill -USR1 $$
echo after
---- stdout
got USR1
after

#### trap by signal number
trap 'echo got TERM' 15
kill -TERM $$
echo after
---- stdout
got TERM
after

#### trap with SIG prefix
trap 'echo got HUP' SIGHUP 2>/dev/null || trap 'echo got HUP' HUP
kill -HUP $$
---- stdout
got HUP

#### untrapped TERM kills the shell with 128+15
kill -TERM $$
echo not reached
---- status
143

#### ignored signal with an empty action
trap '' USR1
kill -USR1 $$
echo survived
---- stdout
survived

#### reset a trap with -
trap 'echo trapped' USR1
trap - USR1
kill -USR1 $$
echo not reached
---- status
138

#### trap action sees the current state
x=1
trap 'echo "x=$x"' USR1
x=2
kill -USR1 $$
---- stdout
x=2

#### trap action preserves $?
trap 'false' USR1
true
kill -USR1 $$
echo $?
---- stdout
0

#### trap listing without arguments
trap 'echo hi' USR1
trap
---- stdout
trap -- 'echo hi' USR1

#### trap -p lists in reusable form
# reason: XCU trap (POSIX.1-2024) — trap -p writes commands that restore the traps
# dash: differs — dash 0.5.12 predates trap -p
trap 'echo x' INT
trap -p INT
---- stdout
trap -- 'echo x' INT

#### trap output can be saved and restored
# reason: XCU trap — a $(trap) need not reset the traps, so `saved=$(trap)` works
# dash: differs — dash resets traps in $(trap); bash, ksh and yash keep them, and vsh follows
trap 'echo restored' USR1
saved=$(trap)
trap - USR1
eval "$saved"
kill -USR1 $$
---- stdout
restored

#### traps are reset in a subshell
# reason: XCU 2.12 — a subshell sets caught signals back to their default action
trap 'echo parent' USR1
(sh -c 'kill -USR1 $PPID'; echo survived)
echo "subshell status $?"
---- stdout
subshell status 138
---- stderr-matches
User defined signal 1

#### a signal sent to the shell while a subshell runs is the shell's, acted on afterwards
# reason: XCU 2.12, 2.11 — the subshell has the default action; a kill of the shell's process ID ($$) does not reach it, and the trap runs once it is over; a kill of the subshell's ($PPID of its child) ends it
trap 'echo trapped' USR1
(kill -USR1 $$; echo "still here"); echo "status $?"
x=$(kill -USR1 $$; echo "in subst"); echo "[$x] $?"
f() { echo "in f"; }
(f; sh -c 'kill -USR1 $PPID'; echo "not reached"); echo "status $?"
trap 'echo term; exit 5' TERM
(echo a; kill -TERM $$; echo "after kill"); echo "not reached $?"
---- stdout
still here
trapped
status 0
trapped
[in subst] 0
in f
status 138
a
after kill
term
---- status
5
---- stderr-matches
User defined signal 1

#### a subshell's own SIGPIPE ends it silently, and is not the shell's
# reason: XCU 2.12 — the subshell has SIGPIPE's default action, whatever the shell traps
{ trap 'echo piped >&2' PIPE; (while :; do echo y; done); echo "sub $?" >&2; } 2>err | head -1
{ trap 'echo piped >&2' PIPE; f() { while :; do printf 'y\n'; done; }; (f); echo "sub $?" >&2; } 2>>err | head -1
cat err
---- stdout
y
y
sub 141
sub 141

#### a subshell does not run the parent's EXIT trap
trap 'echo parent-exit' EXIT
(echo in-subshell)
---- stdout
in-subshell
parent-exit

#### a subshell in the EXIT trap runs its own EXIT trap
# reason: XCU 2.12 — the subshell is a separate environment whose EXIT trap runs when it ends
trap '(trap "echo inner-exit" EXIT; :)' EXIT
echo main
---- stdout
main
inner-exit

#### a subshell ending in a program in the EXIT trap runs its own EXIT trap
trap '(trap "echo inner-exit" EXIT; /bin/true)' EXIT
echo main
---- stdout
main
inner-exit

#### trap set in a subshell runs there
(trap 'echo sub-exit' EXIT; echo sub)
echo main
---- stdout
sub
sub-exit
main

#### ignored traps stay ignored in a subshell
trap '' USR1
(kill -USR1 $(sh -c 'echo $PPID'); echo survived)
---- stdout
survived

#### command substitution listing traps shows the parent's
# reason: XCU 2.12 — a command substitution of a lone trap command need not reset traps
# dash: differs — dash resets traps in $(trap); bash, ksh and yash keep them, and vsh follows
trap 'echo t' USR2
x=$(trap)
echo "$x"
---- stdout
trap -- 'echo t' USR2

#### trap in a subshell lists the parent's traps until one is set there
# reason: XCU trap (POSIX.1-2024) — with no trap set since entry, a subshell lists the traps of the shell it came from
# dash: differs — dash 0.5.12 lists the subshell's own (reset) traps
trap 'echo t' USR2
trap '' USR1
(trap)
echo --
trap | cat
echo --
(trap 'echo s' HUP; trap)
---- stdout
trap -- '' USR1
trap -- 'echo t' USR2
--
trap -- '' USR1
trap -- 'echo t' USR2
--
trap -- 'echo s' HUP
trap -- '' USR1

#### a subshell that resets a trap lists its own traps
# reason: XCU trap (POSIX.1-2024) — the parent's list is shown only until a trap command with operands runs
trap 'echo t' USR2
(trap - INT; trap; echo end)
---- stdout
end

#### trap -p shows default actions as -
# reason: XCU trap (POSIX.1-2024) — -p lists every condition named, those in the default state as `trap -- - name`
# dash: differs — dash 0.5.12 predates trap -p
trap 'echo x' INT
trap -p HUP INT EXIT
---- stdout
trap -- - HUP
trap -- 'echo x' INT
trap -- - EXIT

#### trap -p without operands lists every condition and can be read back
# reason: XCU trap (POSIX.1-2024) — -p lists all conditions; eval of the list restores them
# dash: differs — dash 0.5.12 predates trap -p
trap 'echo hup' HUP
all=$(trap -p)
printf '%s\n' "$all" | grep -c -e '^trap -- - EXIT$' -e '^trap -- - TERM$' -e "^trap -- 'echo hup' HUP$"
trap 'echo other' HUP
trap 'echo t' TERM
eval "$all"
trap
---- stdout
3
trap -- 'echo hup' HUP

#### a signal ignored on entry is listed as ignored
# reason: XCU trap (POSIX.1-2024) — the list includes signals ignored on entry to a non-interactive shell
# dash: differs — dash 0.5.12 leaves them out and lists a trap it did not install
(trap '' USR1; exec $TEST_SHELL -c 'trap "echo hi" USR1; trap')
---- stdout
trap -- '' USR1

#### a signal ignored on entry stays ignored after trap and trap -
# reason: XCU trap — signals ignored on entry to a non-interactive shell cannot be trapped or reset
(trap '' USR1; exec $TEST_SHELL -c 'trap "echo trapped" USR1; kill -USR1 $$; echo alive
trap - USR1; kill -USR1 $$; echo still alive')
---- stdout
alive
still alive

#### exit without an operand in the EXIT trap keeps the shell's status
# reason: XCU exit — an exit that ends a trap action defaults to $? from before the action
trap 'false; exit' EXIT
exit 3
---- status
3

#### exit without an operand in a signal trap uses the status before the trap
# reason: XCU exit — the last command is the one before the trap action (here kill, status 0)
trap 'false; exit' USR1
kill -USR1 $$
echo not reached
---- status
0

#### exit in a function called from a trap still ends the action
# reason: XCU exit — the exit ends the trap action, so $? from before the action applies
f() { false; exit; }
trap f EXIT
exit 4
---- status
4

#### exit in a subshell of a trap action uses the subshell's status
# reason: XCU exit — that exit ends the subshell, not the trap action
# dash: differs — dash 0.5.12 gives the subshell the status from before the action
trap '(false; exit); echo "sub=$?"' EXIT
exit 3
---- stdout
sub=1
---- status
3

#### return with a status from a trap action ends the function with it
# reason: XCU return — a return in a trap action returns from the interrupted function
trap 'return 7' USR1
f() { kill -USR1 $$; echo not reached; }
f
echo "status $?"
---- stdout
status 7

#### return in a function called from a trap uses that function's status
# reason: XCU return — only a return that ends the trap action uses the status from before it
g() { false; return; }
trap 'g; echo "g=$?"' USR1
kill -USR1 $$
---- stdout
g=1

#### wait is interrupted by a trapped signal from the child it waits for, which then exits
# reason: XCU 2.12 — the signal arrives during the wait; the child's exit just after it does not make the wait a normal return
# dash: differs — dash usually reaps the exited child first and returns 0 (a race: now and then 138); bash, mksh and busybox sh return 138 every time
trap 'echo caught' USR1
for i in 1 2 3 4 5 6; do
  ( sleep 0.05; kill -USR1 $$ ) &
  wait $!
  echo "wait \$! $?"
  ( sleep 0.05; kill -USR1 $$ ) &
  wait
  echo "wait $?"
done > log
sort log | uniq -c | sed 's/^ *//'
---- stdout
12 caught
6 wait $! 138
6 wait 138

#### a CHLD trap does not interrupt wait for the child that raised it
trap 'echo chld' CHLD
sleep 0.1 &
wait
echo "wait $?"
---- stdout
chld
wait 0

#### wait is interrupted by a trapped signal
# reason: XCU 2.12 — a trapped signal makes wait return at once with a status above 128
# The signal is repeated until wait has returned, so the case does not depend on timing.
trap 'echo caught >> log' USR1
sleep 8 &
sleeper=$!
( while [ ! -f stop ]; do kill -USR1 $$; sleep 0.2; done ) &
killer=$!
wait $sleeper
echo "wait returned $?"
: > stop
while kill -0 $killer 2>/dev/null; do wait $killer; done
kill $sleeper
[ -s log ] && echo caught
---- stdout
wait returned 138
caught

#### trap on EXIT inside a function runs at shell exit
f() { trap 'echo from-f' EXIT; }
f
echo end
---- stdout
end
from-f

#### invalid signal name is an error
trap 'echo x' NOSUCHSIGNAL 2>/dev/null
[ $? -ne 0 ] && echo error
---- stdout
error

#### kill -l lists signal names
kill -l | grep -qw HUP && echo ok
---- stdout
ok

#### kill -l with a status gives the name
kill -l 143
---- stdout
TERM

#### kill sends a signal to a background job
sleep 5 &
kill $!
wait $!
echo $?
---- stdout
143
---- stderr-matches
Terminated

#### kill -s names a signal
sleep 5 &
kill -s KILL $!
wait $!
echo $?
---- stdout
137
---- stderr-matches
Killed

#### kill -0 checks a process exists
kill -0 $$ && echo alive
---- stdout
alive

#### INT trap in a script
trap 'echo interrupted; exit 3' INT
kill -INT $$
echo not reached
---- stdout
interrupted
---- status
3

#### a trap caught during a subshell's last command still runs
# reason: XCU 2.11 — the action runs once the foreground command completes, even a last one
(trap 'echo got USR1; exit 3' USR1; sh -c 'kill -USR1 $PPID')
echo status $?
(trap 'echo got USR2' USR2; sh -c 'kill -USR2 $PPID'; false)
echo status $?
---- stdout
got USR1
status 3
got USR2
status 1

#### a trap set in a background group runs when its last command ends
{ trap 'echo got TERM' TERM; sh -c 'kill -TERM $PPID'; } &
wait
echo done $?
---- stdout
got TERM
done 0

#### kill -0 does not find a finished background job
# reason: as dash and bash: builtins in a loop see the job end (the shell reaps it)
mkfifo fifo
(exec 3>fifo; exit 3) &
p=$!
read line <fifo
n=0
while kill -0 $p 2>/dev/null; do
  n=$((n + 1))
  [ $n -ge 50000 ] && break
done
[ $n -lt 50000 ] && echo gone
wait $p
echo status $?
---- stdout
gone
status 3

#### a trapped signal interrupts the shell waiting to open a FIFO, and its action runs at once
# reason: XCU 2.11 — the shell is not waiting for a utility here, so the trap need not wait; bash runs it (the open would otherwise wait for a writer that never comes)
# dash: differs — dash fails the open with EINTR ("Interrupted system call") and exits 2 from `exec` without running the trap
mkfifo p
trap 'echo caught; exit 3' TERM
(sleep 1; kill $$) &
exec 3< p
echo not reached
---- stdout
caught
---- status
3

#### a trap action that does not exit lets the interrupted FIFO open go on
# dash: differs — dash fails the open with EINTR instead of resuming it
mkfifo p
trap 'echo caught' TERM
(sleep 1; kill $$; sleep 1; echo data > p) &
read line < p
echo "read $line"
---- stdout
caught
read data

#### exit in a trap that interrupted a compound command's FIFO redirection sets the shell's status
# reason: XCU 2.11, exit — the status is the one `exit 5` gives, not the failed redirection's 1
mkfifo p
trap 'exit 5' TERM
(sleep 1; kill $$) &
{ echo inside; } > p
echo not reached
---- stderr-any
---- status
5

#### exit in a trap action that runs inside a dot script sets the shell's exit status
# reason: XCU 2.15 exit — the status is exit's operand; the dot script's last command (kill) must not replace it
echo 'kill -USR1 $$' > script.sh
trap 'exit 130' USR1
. ./script.sh
echo not reached
---- status
130

#### exit in a trap action that runs inside eval sets the shell's exit status
trap 'exit 7' USR1
eval 'kill -USR1 $$; echo not reached'
echo not reached either
---- status
7

#### a trap on KILL or STOP is accepted, listed, and has no effect
# reason: XCU trap leaves it undefined; as dash, so `set -e` scripts naming KILL keep running
set -e
trap 'echo caught' TERM KILL
echo "status $?"
trap '' STOP
trap
trap - KILL STOP
trap
---- stdout
status 0
trap -- 'echo caught' KILL
trap -- 'echo caught' TERM
trap -- '' STOP
trap -- 'echo caught' TERM

#### a subshell of an interactive shell dies of SIGTERM
# reason: XCU 2.11 — only the interactive shell itself ignores SIGTERM; a subshell is not interactive
printf '%s\n' '(sh -c "kill -s TERM \$PPID"; echo survived)' 'echo "status $?"' |
    $TEST_SHELL -i 2>/dev/null
---- stdout
status 143

#### trap - INT in a subshell of an interactive shell gives SIGINT its default action
# reason: XCU trap — `trap - INT` resets the action to the default, which ends the subshell
printf '%s\n' '(trap - INT; sh -c "kill -s INT \$PPID"; echo survived)' 'echo "status $?"' |
    $TEST_SHELL -i 2>/dev/null
---- stdout
status 130

#### an interactive shell started with SIGINT ignored passes the ignoring on to commands
# reason: XCU 2.11 — a signal ignored on entry stays ignored for the commands the shell runs
trap '' INT
printf '%s\n' 'sh -c "kill -s INT \$\$; echo survived"' 'echo "status $?"' |
    $TEST_SHELL -i 2>/dev/null
---- stdout
survived
status 0

#### trap - in an interactive shell resets a signal ignored on entry for its commands
# reason: XCU trap — only a non-interactive shell keeps signals ignored on entry; here the reset holds
# dash: differs — dash keeps the signal ignored for the commands it runs
trap '' QUIT
printf '%s\n' 'trap - QUIT' 'sh -c "kill -s QUIT \$\$; echo survived"' 'echo "status $?"' |
    $TEST_SHELL -i 2>/dev/null
---- stdout
status 131

#### an asynchronous subshell may reset or catch the SIGINT it was started ignoring
# reason: XCU 2.11 — "ignored on entry" is about entering a shell, not a subshell (mksh, yash)
# dash: differs — dash keeps SIGINT ignored in the subshell whatever its trap says
ready() { while [ ! -e "$1" ]; do sleep 0.05; done; }
(trap - INT; : >r1; sleep 2; echo survived) & p=$!
ready r1; kill -INT $p; wait $p; echo "reset: $?"
(trap 'echo caught; exit 7' INT; : >r2; sleep 2 & wait) & p=$!
ready r2; kill -INT $p; wait $p; echo "caught: $?"
(: >r3; sleep 1; echo "still ignored") & p=$!
ready r3; kill -INT $p; wait $p; echo "plain: $?"
---- stdout
reset: 130
caught
caught: 7
still ignored
plain: 0
