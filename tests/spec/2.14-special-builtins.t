XCU 2.15 Special Built-In Utilities: : . break continue eval exec exit export readonly
return set shift times trap unset.  (break, continue, return, exit, set and trap have more
cases in their own files.)

#### colon does nothing and succeeds
false
:
echo $?
: ignored arguments $(echo expanded >&2) 2>/dev/null
---- stdout
0
---- stderr-matches
expanded

#### colon expands its arguments
: ${x=assigned}
echo $x
---- stdout
assigned

#### dot runs a file in the current shell
echo 'v=from-dot; echo sourced' > lib.sh
. ./lib.sh
echo $v
---- stdout
sourced
from-dot

#### dot searches PATH for a name without a slash
mkdir lib
echo 'echo found-in-path' > lib/inc.sh
PATH=$PWD/lib:$PATH
. inc.sh
---- stdout
found-in-path

#### dot status is the last command's
echo 'false' > f.sh
. ./f.sh
echo $?
---- stdout
1

#### dot of a missing file is fatal in a script
. ./missing.sh
echo not reached
---- stderr-matches
missing.sh
---- status
nonzero

#### dot of a missing file exits with status 2
# reason: XCU dot — a non-interactive shell aborts; the status is dash's, as POSIX gives none
$TEST_SHELL -c '. ./missing.sh; echo not reached'
echo "missing $?"
$TEST_SHELL -c '. no-such-file-in-path; echo not reached'
echo "path $?"
---- stdout
missing 2
path 2
---- stderr-matches
missing.sh

#### return from a dot script
printf 'echo one\nreturn 3\necho two\n' > r.sh
. ./r.sh
echo "status $?"
---- stdout
one
status 3

#### eval concatenates its arguments
eval 'x=1;' 'echo $x'
---- stdout
1

#### eval re-parses expansions
cmd='echo a; echo b'
eval "$cmd"
---- stdout
a
b

#### eval with no arguments returns 0
false
eval
echo $?
---- stdout
0

#### eval status is the command's
eval false
echo $?
---- stdout
1

#### $? inside eval's text is the status from before eval
# reason: XCU 2.5.2 — $? is the last pipeline's status; eval has not finished yet
false
eval 'echo "first $?"'
(exit 7)
eval 'x=$?;' 'echo "second $x"'
(exit 3)
eval 'false;' 'echo "after $?"'
---- stdout
first 1
second 7
after 1

#### eval of blank text after a failure returns 0
false
eval '  ' ''
echo $?
---- stdout
0

#### $? at the top of a dot script is the status from before the dot
# reason: XCU 2.5.2 — the script runs in the current environment, $? untouched
printf 'echo "in $?"\n(exit 4)\n' > s.sh
(exit 6)
. ./s.sh
echo "out $?"
: > empty.sh
false
. ./empty.sh
echo "empty $?"
---- stdout
in 6
out 4
empty 0

#### eval can define functions and variables
eval 'f() { echo dyn; }; y=2'
f; echo $y
---- stdout
dyn
2

#### exec replaces the shell
exec sh -c 'echo replaced'
echo not reached
---- stdout
replaced

#### exec of a missing command exits 127
exec no_such_command_xyz 2>/dev/null
echo not reached
---- status
127

#### exec with no command keeps redirections
exec 3>f
echo kept >&3
cat f
---- stdout
kept

#### exec -- with no command keeps redirections too
# reason: XCU 1.4 — "--" only ends the options; exec still has no command operand
# dash: differs — dash 0.5.12 looks for a command named "--" and exits 127
exec -- 3>f
echo kept >&3
cat f
---- stdout
kept

#### command exec with no command keeps redirections, like exec
# reason: XCU command — command only suppresses the special-builtin error behaviour; exec still applies
command exec 3>f
echo kept >&3
command echo temporary 4>g
echo not kept >&4 || echo fd 4 closed again
cat f g
---- stdout
temporary
fd 4 closed again
kept
---- stderr-matches
4: bad file descriptor

#### command exec with a failing redirection does not exit the shell
# reason: XCU 2.8.1 — command makes exec a regular builtin, whose redirection error is not fatal
command exec 8<missing-file || echo failed
echo still here
---- stdout
failed
still here
---- stderr-matches
cannot open missing-file

#### exec passes argv and environment
x=1 exec sh -c 'echo "$x $0 $1"' zero one
---- stdout
1 zero one

#### exit runs the EXIT trap
trap 'echo trapped' EXIT
exit 3
---- stdout
trapped
---- status
3

#### exit in a subshell
(exit 9)
echo $?
---- stdout
9

#### export makes a variable visible to children
export A=1
B=2; export B
sh -c 'echo $A $B'
---- stdout
1 2

#### export -p lists in reusable form
export Z='a b'
export -p | grep '^export Z=' > line
Z=
. ./line
echo "$Z"
---- stdout
a b

#### export without a value marks an unset name
export later
later=now
sh -c 'echo $later'
---- stdout
now

#### readonly prevents assignment
readonly r=1
(r=2) 2>/dev/null
[ $? -ne 0 ] && echo refused
echo $r
---- stdout
refused
1

#### readonly prevents unset
readonly r=1
(unset r) 2>/dev/null
[ $? -ne 0 ] && echo refused
echo $r
---- stdout
refused
1

#### readonly -p lists
readonly R='x y'
readonly -p | grep '^readonly R=' > line
$TEST_SHELL -c '. ./line; echo "$R"'
---- stdout
x y

#### set -- replaces positional parameters
set -- a b c
echo $# $2
set --
echo $#
---- stdout
3 b
0

#### set skips a lone + among the options instead of taking it as the first operand
set a
set +
echo "$# $*"
set + -x x y
echo "$# $* [$-]"
set -- +
echo "$# $*"
---- stdout
1 a
2 x y [x]
1 +
---- stderr-matches
+ echo

#### set without arguments lists variables in reusable form
myvar='a b'
set | grep '^myvar='
---- stdout
myvar='a b'

#### set -o lists options
set -o | grep -q noglob && echo listed
---- stdout
listed

#### set +o prints commands that restore options
set -f
restore=$(set +o)
set +f
eval "$restore"
case $- in *f*) echo restored;; esac
---- stdout
restored

#### shift with a count
set -- a b c d
shift 3
echo $1
---- stdout
d

#### shift past the end fails
set -- a
(shift 2) 2>/dev/null
[ $? -ne 0 ] && echo failed
echo $#
---- stdout
failed
1

#### times prints two lines of times
times | wc -l | tr -d ' '
---- stdout
2

#### times format
times | head -n 1 | grep -q '^[0-9]*m[0-9.]*s [0-9]*m[0-9.]*s$' && echo ok
---- stdout
ok

#### unset a variable
x=1
unset x
echo "[${x-unset}]"
---- stdout
[unset]

#### unset -v a variable
x=1
unset -v x
echo "[${x-unset}]"
---- stdout
[unset]

#### unset a name that is not set succeeds
unset never_set_anywhere
echo $?
---- stdout
0

#### unset removes from the environment
export E=1
unset E
sh -c 'echo "[${E-gone}]"'
---- stdout
[gone]

#### unset of a readonly variable exits a script
# reason: XCU 2.8.1 — an error in a special built-in exits a non-interactive shell; unset cannot unset a read-only variable
readonly r=1
unset r
echo not reached
---- stderr-matches
unset: r: is read only
---- status
nonzero

#### unset of a readonly variable through command only fails
# reason: XCU 2.15 — command removes the special-builtin property, so the error does not exit
readonly r=1
command unset r 2>/dev/null
[ $? -ne 0 ] && echo failed
echo "$r"
---- stdout
failed
1

#### unset of an invalid name is an error
# reason: XCU 2.8.1 — a special built-in error exits a non-interactive shell
unset 'a-b'
echo not reached
---- stderr-matches
a-b
---- status
nonzero

#### unset takes grouped options, the last one wins
x=1
f() { echo f; }
unset -fv x
unset -vf f
echo "[${x-unset}]"
command -v f >/dev/null || echo no-f
---- stdout
[unset]
no-f

#### assignment before a special builtin persists after it
x=before
x=after :
echo $x
---- stdout
after

#### special builtin error in a subshell exits only the subshell
(shift 5; echo no) 2>/dev/null
echo yes
---- stdout
yes

#### break outside a loop is harmless
# reason: XCU break — with no enclosing loop the behaviour is unspecified; dash ignores it
break 2>/dev/null
echo after
---- stdout
after

#### continue in a while loop re-tests the condition
i=0
while [ $i -lt 3 ]; do
  i=$((i + 1))
  [ $i = 2 ] && continue
  echo $i
done
---- stdout
1
3

#### return outside a function or dot script is an error
# reason: XCU return — unspecified outside a function; dash exits the script with the status
echo before
return 3 2>/dev/null
echo after
---- stdout
before
---- status
3

#### trap with no action lists nothing when no traps are set
trap
echo done
---- stdout
done

#### the last command of an eval is not exec'd over the rest of the shell
# reason: eval runs in the current shell; what follows it must still run (ldd relies on this)
out=$(eval '/bin/echo one'; echo two)
echo "$out"
eval '/bin/echo three'
echo four
---- stdout
one
two
three
four

#### a syntax error in eval's text says it came from eval
# reason: XCU 2.8.1 — the diagnostic should let the user find the error; the text is eval's
echo before
eval 'echo ('
echo not reached
---- stdout
before
---- stderr-matches
eval: syntax error
---- status
2

#### exit in a loop condition keeps its status
# reason: XCU exit — the shell exits with n; the loop around it does not replace it
while exit 3; do :; done
echo not reached
---- status
3

#### exit under ! keeps its status
! exit 4
---- status
4

#### exit in a subshell's until condition after continue
e=
(until test "$e" && exit 5; false; do e=1; continue; done)
echo status $?
---- stdout
status 5

#### return in a loop condition sets the function's status
f() { while return 2; do :; done; }
f
echo while $?
g() { until return 3; do :; done; }
g
echo until $?
h() { ! return 4; }
h
echo not $?
k() { if return 5; then :; fi; }
k
echo if $?
---- stdout
while 2
until 3
not 4
if 5

#### a builtin run through command reports a write error in its status
# reason: XCU 1.4 — a utility that cannot write its output fails; command does not hide that
command times >/dev/full
echo "times $?"
command pwd >/dev/full
echo "pwd $?"
command export -p >/dev/full
echo "export $?"
---- stdout
times 1
pwd 1
export 1
---- stderr-matches
times

#### break n in a subshell counts only the loops inside the subshell
# reason: XCU break — a loop encloses break only when both run in the same execution environment
# dash: differs — dash 0.5.12 lets the loops outside the subshell count, so break 2 ends it
for x in a b; do
  (for y in c d; do break 2; done; echo "after inner $x")
done
for x in 1 2; do
  (while :; do break 3; done; echo "done $x") | cat
done
---- stdout
after inner a
after inner b
done 1
done 2

#### trap with an unknown option is a usage error, never an action
# reason: XCU 2.8.1 — a special builtin's usage error exits a non-interactive shell
# dash: differs — dash takes -x as the action and runs it at exit
trap -x EXIT
echo not reached
---- stderr-matches
trap
---- status
2

#### an action that starts with a dash still needs --
trap -- '-' EXIT 2>/dev/null
trap -- 'echo bye' EXIT
echo hi
---- stdout
hi
bye
