Shell invocation (XCU sh): -c with a name and arguments, -s, script arguments.

#### -c runs a command string
$TEST_SHELL -c 'echo from -c'
---- stdout
from -c

#### -c with a name sets $0 and arguments
$TEST_SHELL -c 'echo "$0|$1|$2|$#"' myname a b
---- stdout
myname|a|b|2

#### -c without a name leaves $0 as the shell
$TEST_SHELL -c 'echo $#'
---- stdout
0

#### -c exit status
$TEST_SHELL -c 'exit 9'
echo $?
---- stdout
9

#### -c status of the last command
$TEST_SHELL -c 'false'
echo $?
---- stdout
1

#### -c with a syntax error exits 2
$TEST_SHELL -c 'if' 2>/dev/null
echo $?
---- stdout
2

#### -s reads commands from stdin with arguments
echo 'echo "$1 $2 $#"' | $TEST_SHELL -s first second
---- stdout
first second 2

#### commands from stdin without -s
echo 'echo piped' | $TEST_SHELL
---- stdout
piped

#### script file with arguments
printf 'echo "$0 $1 $2 $#"\n' > s.sh
$TEST_SHELL s.sh a 'b c'
---- stdout
s.sh a b c 2

#### script's $@ keeps arguments
printf 'printf "[%%s]" "$@"; echo\n' > s.sh
$TEST_SHELL s.sh 'x y' '' z
---- stdout
[x y][][z]

#### missing script file exits 127
# reason: XCU sh EXIT STATUS — 127 when a command_file could not be found
# dash: differs — dash exits 2; bash, ksh and yash give 127 as POSIX says
$TEST_SHELL ./no-such-script.sh 2>/dev/null
echo $?
---- stdout
127

#### option letters on the command line
$TEST_SHELL -f -c 'echo *'
---- stdout
*

#### -e on the command line
$TEST_SHELL -e -c 'false; echo not reached'
echo $?
---- stdout
1

#### -o option on the command line
$TEST_SHELL -o noglob -c 'echo *'
---- stdout
*

#### -- ends options
printf 'echo "$1"\n' > -s.sh
$TEST_SHELL -- -s.sh arg
---- stdout
arg

#### a lone - before the command string of -c is ignored
# reason: XCU sh — a single hyphen-minus is the first operand and is then ignored
$TEST_SHELL -c - 'echo "ran as $0 with $#"' name one two
---- stdout
ran as name with 2

#### a lone - as the only operand reads commands from standard input
# reason: XCU sh — a single hyphen-minus is the first operand and is then ignored
echo 'echo from stdin' | $TEST_SHELL -
echo 'echo "args $#: $1"' | $TEST_SHELL -s - first
---- stdout
from stdin
args 1: first

#### child shell inherits exported variables only
export EXP=1
LOCAL=2
$TEST_SHELL -c 'echo "${EXP-} ${LOCAL-unset}"'
---- stdout
1 unset

#### a command run from a stdin script reads the rest of stdin
# reason: XCU sh INPUT FILES — stdin must point just past the command line the shell read
# dash: differs — dash reads a piped script in blocks; bash, ksh and yash read it by line
printf 'read x\nline-for-read\necho "got $x"\n' | $TEST_SHELL
---- stdout
got line-for-read

#### a command run from a script in a file on stdin reads the rest of the file
# reason: XCU sh INPUT FILES — stdin must point just past the command line the shell read
# dash: differs — dash reads its input in blocks from a file too
printf 'read x\nline-for-read\necho "got $x"\ncat\nfor cat\n' > s
$TEST_SHELL < s
---- stdout
got line-for-read
for cat

#### a program run from a piped script reads exactly the bytes after its command line
# dash: differs — dash reads a piped script in blocks
printf 'dd bs=1 count=4 2>/dev/null\nabc\necho "[done]"\n' | $TEST_SHELL
---- stdout
abc
[done]

#### a command after a many-line compound command finds its input just after that command
# reason: XCU sh INPUT FILES; vsh reads the lines of one command from one look at the input
# dash: differs — dash reads its input in blocks
printf 'if true; then\n  x=1\nfi\nread line; echo "got $line"\ndata-line\nwhile read l; do\n  case $l in stop) break;; esac\n  echo "l=$l"\ndone\none\ntwo\nstop\necho "end $x"\n' > s
cat s | $TEST_SHELL
$TEST_SHELL < s
---- stdout
got data-line
l=one
l=two
end 1
got data-line
l=one
l=two
end 1

#### a command on the line that opens a compound command reads after the whole command
# dash: differs — dash reads its input in blocks
printf 'read a; if true\nthen echo "[$a]"; fi\nline-for-read\necho after\n' | $TEST_SHELL
---- stdout
[line-for-read]
after

#### a syntax error in a piped script leaves the input just after the line that has it
# dash: differs — dash reads its input in blocks
{ printf 'echo one\nif then\nnot-read\n' | { $TEST_SHELL; cat; }; } 2>/dev/null
---- stdout
one
not-read

#### a piped script with a line longer than a pipe's buffer
# dash: differs — dash reads a piped script in blocks, so read finds nothing left
s=x; i=0
while [ $i -lt 14 ]; do s=$s$s; i=$((i + 1)); done
{ echo "x=$s"; echo 'echo ${#x}'; echo 'read y'; echo after; echo 'echo "[$y]"'; } | $TEST_SHELL
---- stdout
16384
[after]

#### diagnostics for commands from stdin name stdin and the line
# dash: differs — dash prints its $0 and the line ("dash: 2: ..."); vsh keeps its "vsh: name:line:" form with "stdin" as the name, not the shell's own path
printf 'echo first\nshift 5\n' | $TEST_SHELL
echo "status $?"
---- stdout
first
status 2
---- stderr-matches
vsh: stdin:2: shift

#### -c command string with several lines
$TEST_SHELL -c 'echo one
echo two'
---- stdout
one
two

#### -x on the command line traces
$TEST_SHELL -x -c 'echo hi' 2>err
grep -c 'echo hi' err
---- stdout
hi
1

#### $- includes s when reading commands from stdin
echo 'case $- in *s*) echo has-s;; *) echo no-s;; esac' | $TEST_SHELL -s
---- stdout
has-s

#### -i applies together with -c
# reason: XCU sh — -i makes the shell interactive whatever the source of commands
$TEST_SHELL -ci 'case $- in *i*) echo interactive;; *) echo not;; esac' 2>/dev/null
$TEST_SHELL -i -c 'case $- in *i*) echo interactive;; *) echo not;; esac' 2>/dev/null
---- stdout
interactive
interactive

#### -i applies to a script file too
# reason: XCU sh — -i makes the shell interactive whatever the source of commands
# dash: differs — dash 0.5.12 ignores -i when it is given a script operand
printf '%s\n' 'case $- in *i*) echo interactive;; *) echo not;; esac' > s.sh
$TEST_SHELL -i s.sh 2>/dev/null
---- stdout
interactive

#### an error in an interactive script or -c string ends only its complete command
# reason: XCU 2.8.1 — an interactive shell does not exit on a special builtin or assignment error
# dash: differs — dash 0.5.12 treats -i -c and -i with a script as non-interactive on errors
printf '%s\n' 'readonly x=1' 'x=2' 'echo after-assignment' 'unset x; echo same-line' 'echo after-unset' > s.sh
$TEST_SHELL -i s.sh 2>/dev/null
echo "status $?"
$TEST_SHELL -i -c 'readonly y=1; unset y; echo same-line
echo next-line' 2>/dev/null
---- stdout
after-assignment
after-unset
status 0
next-line

#### an interactive -c shell ignores SIGTERM
# reason: XCU sh — an interactive shell ignores SIGTERM
$TEST_SHELL -ci 'kill -TERM $$; echo survived' 2>/dev/null
echo "status $?"
---- stdout
survived
status 0

#### -s with -- and arguments, and other options beside it
echo 'echo "$#:$1:$2"; case $- in *e*s*|*s*e*) echo es;; esac' | $TEST_SHELL -s -e -- -x b
---- stdout
2:-x:b
es

#### NUL bytes in a script file are dropped
# reason: a script with NULs is not a text file (XCU sh leaves it unspecified); dash drops them
printf 'echo one\n\0\0\nec\0ho two\n' > s
$TEST_SHELL s
echo "status $?"
---- stdout
one
two
status 0

#### NUL bytes in a script read from standard input are dropped
printf 'echo one\n\0\nec\0ho two\n' > s
$TEST_SHELL < s
cat s | $TEST_SHELL
---- stdout
one
two
one
two

#### a shell started without PATH sets it, unexported, to the path it searches
# reason: XCU 2.9.1.4 leaves the search without PATH to the implementation; as dash and bash, the shell sets PATH to it so `PATH=$PATH:dir` keeps the standard directories
env -i "$TEST_SHELL" -c '
case :$PATH: in *:/usr/bin:*) echo has /usr/bin ;; esac
env | grep -c "^PATH="
PATH=$PATH:/nonexistent
ls -d / && echo found ls'
---- stdout
has /usr/bin
0
/
found ls
