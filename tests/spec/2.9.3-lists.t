XCU 2.9.3 Lists: sequential, asynchronous, AND and OR.

#### semicolon runs in sequence
echo a; echo b
---- stdout
a
b

#### and-list runs the second on success
true && echo yes
false && echo no
echo end
---- stdout
yes
end

#### or-list runs the second on failure
false || echo yes
true || echo no
echo end
---- stdout
yes
end

#### and-or lists are left-associative with equal precedence
false && echo a || echo b
true || echo c && echo d
---- stdout
b
d

#### status of an and-or list is the last command run
false && true
echo $?
false || false
echo $?
---- stdout
1
1

#### newline after && and ||
true &&
echo after-and
false ||
echo after-or
---- stdout
after-and
after-or

#### asynchronous command and wait
echo bg > f &
wait
cat f
---- stdout
bg

#### asynchronous list status is 0
false &
echo $?
---- stdout
0

#### wait returns the background job's status
(exit 7) &
wait $!
echo $?
---- stdout
7

#### background job stdin is /dev/null when job control is off
# reason: XCU 2.9.3.1 — without job control, an asynchronous list's stdin is /dev/null
echo input | { cat & wait; }
echo done
---- stdout
done

#### $! after a background pipeline is its last command's pid
# reason: XCU 2.5.2 — for a pipeline, $! is the process ID of the last command in it
: | sh -c 'echo $$ >lastpid' &
last=$!
wait
[ "$(cat lastpid)" = "$last" ] && echo last stage
---- stdout
last stage

#### wait $! for a background pipeline gives the pipeline's status
sleep 0.1 | sh -c 'exit 6' &
wait $!
echo $?
: | nosuchcommand_zz 2>/dev/null &
wait $!
echo $?
---- stdout
6
127

#### kill %1 reaches every command of a background pipeline
# reason: XCU kill — %job names the whole job; the shell must not be left waiting for a stage
# dash: differs: without job control dash's kill %1 signals a process group that does not exist
sleep 30 | sleep 30 &
kill %1
wait
echo waited
---- stdout
waited

#### a background command ignores SIGINT when job control is off
# reason: XCU 2.11 — without job control, an asynchronous list inherits SIGINT and SIGQUIT ignored
sh -c 'kill -INT $$; echo survived' &
wait
trap 'echo trapped' INT
sh -c 'kill -INT $$; echo survived a trap' &
wait
{ kill -INT $(exec sh -c 'echo $PPID'); echo subshell survived; } &
wait
f() { sh -c 'kill -QUIT $$; echo stage survived'; }
f | cat &
wait
---- stdout
survived
survived a trap
subshell survived
stage survived

#### a background pipeline reads /dev/null and ignores SIGINT when job control is off
# reason: XCU 2.9.3.1 and 2.11 — the asynchronous list's stdin is /dev/null; SIGINT and SIGQUIT are ignored
echo input | { cat | cat & wait; }
sh -c 'kill -INT $$; echo survived' | cat &
wait
---- stdout
survived

#### several background jobs
(echo a > fa) & (echo b > fb) &
wait
cat fa fb
---- stdout
a
b

#### background job with && inside
true && echo both > f &
wait
cat f
---- stdout
both

#### ampersand separates like semicolon
echo x > f & echo y
wait
cat f
---- stdout
y
x

#### an asynchronous command's words are expanded once, and a $(...) in them does not block the shell
# reason: XCU 2.9.3.1 — the asynchronous list runs while the shell goes on
: > count
echo "$(echo x >> count; echo bg)" > out &
wait
cat out
wc -l < count | tr -d ' '
( echo "$(sleep 1; echo late)" ) &
echo first
wait
---- stdout
bg
1
first
late

#### an asynchronous command that cannot run still sets $! and wait gives 127 or 126
# reason: XCU 2.9.3.1 — $! is set for every asynchronous list; XCU 2.8.2 — 127 not found, 126 not executable
no_such_command_here 2>/dev/null &
[ -n "$!" ] && echo pid set
wait $!
echo not found $?
printf 'data\n' > plain
chmod -x plain
./plain 2>/dev/null &
wait $!
echo not executable $?
---- stdout
pid set
not found 127
not executable 126
