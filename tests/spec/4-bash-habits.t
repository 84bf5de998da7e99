Extensions for bash users' day-one habits (issue 12): source, pushd/popd/dirs, type -a/-t/-p,
read -p, RANDOM, SECONDS, help, disown and wait -n. None changes what a POSIX script means;
dash has none of them, so most cases record that dash differs.

#### source runs a file in the current shell with arguments
# dash: differs — dash has no source builtin
printf 'x=inside; echo "args: $*"\n' > f.sh
set -- outer
source ./f.sh a b
echo "$x $*"
---- stdout
args: a b
inside outer

#### source of a missing file fails as . does
# reason: errors as `.` gives them: a non-interactive shell exits with status 2
# dash: differs — dash has no source builtin (127, and the script goes on)
source ./no-such-file
echo not reached
---- status
2
---- stderr-matches
no-such-file

#### source is a regular builtin: a function of that name comes first
source() { echo "function got $1"; }
source x
---- stdout
function got x

#### pushd, dirs and popd print the stack with ~ for HOME
# dash: differs — dash has no directory stack
mkdir -p a/b
cd "$HOME"
pushd a
pushd b
dirs
dirs -v
dirs -p
dirs +1
dirs -0
popd
echo "${PWD#"$HOME"}"
popd
popd
echo "status $?"
---- stdout
~/a ~
~/a/b ~/a ~
~/a/b ~/a ~
 0  ~/a/b
 1  ~/a
 2  ~
~/a/b
~/a
~
~/a
~
~/a ~
/a
~
status 1
---- stderr-matches
directory stack empty

#### pushd without operand swaps, +N rotates, -l spells HOME out, -c clears
# dash: differs — dash has no directory stack
mkdir a b
cd "$HOME"
pushd a >/dev/null
pushd ../b >/dev/null
dirs
pushd >/dev/null
dirs
echo "${PWD#"$HOME"}"
pushd +2 >/dev/null
dirs
dirs -l | sed "s|$HOME|H|g"
popd +1 >/dev/null
dirs
dirs -c
dirs
pushd +3
echo "status $?"
---- stdout
~/b ~/a ~
~/a ~/b ~
/a
~ ~/a ~/b
H H/a H/b
~ ~/b
~
status 1
---- stderr-matches
directory stack index out of range

#### pushd with two operands is a usage error from the builtin table
# dash: differs — dash has no pushd
pushd a b
echo "status $?"
---- stdout
status 2
---- stderr-matches
usage: pushd [dir | +N | -N]

#### type -a lists every meaning and every PATH match, -t names the kind
# dash: differs — dash's type takes no options
mkdir d1 d2
printf '#!/bin/sh\n' > d1/tool
cp d1/tool d2/tool
chmod +x d1/tool d2/tool
PATH=d1:d2:$PATH
# The function comes first: the alias would be expanded in its definition.
tool() { :; }
alias tool=true
type -a tool
type -t -a tool
type -t if export cd
echo ---
type -p tool
echo "alias first: status $?"
type -P tool
unalias tool
unset -f tool
type -p tool
type -p cd
echo "builtin: status $?"
---- stdout
tool is an alias for true
tool is a shell function
tool is d1/tool
tool is d2/tool
alias
function
file
file
keyword
builtin
builtin
---
alias first: status 0
d1/tool
d1/tool
builtin: status 0

#### type -t, -p and -a for a name not found: status 1, only -a says so
# dash: differs — dash's type takes no options
type -t no-such-command
echo "t $?"
type -p no-such-command
echo "p $?"
type -a no-such-command 2>err
echo "a $?"
grep -c 'not found' err
---- stdout
t 1
p 1
a 1
1

#### read -p writes no prompt when standard input is not a terminal
echo hello | { read -p 'Name? ' name 2>err; echo "got $name"; }
wc -c < err
---- stdout
got hello
0

#### RANDOM is in 0..32767, and a seed gives a repeatable sequence
# dash: differs — dash has no RANDOM
i=0
while [ $i -lt 300 ]; do
    r=$RANDOM
    case $r in ''|*[!0-9]*) echo "not a number: $r";; esac
    if [ "$r" -lt 0 ] || [ "$r" -gt 32767 ]; then echo "out of range: $r"; fi
    i=$((i + 1))
done
RANDOM=42
x="$RANDOM $RANDOM $RANDOM $RANDOM"
RANDOM=42
y="$RANDOM $RANDOM $RANDOM $RANDOM"
[ "$x" = "$y" ] && echo repeatable
RANDOM=43
z="$RANDOM $RANDOM $RANDOM $RANDOM"
[ "$x" != "$z" ] && echo another-seed-another-sequence
set -- $x
[ "$1 $1 $1 $1" != "$x" ] && echo varies
---- stdout
repeatable
another-seed-another-sequence
varies

#### unset RANDOM removes its meaning
# dash: differs — dash has no RANDOM
unset RANDOM
echo "[$RANDOM]"
RANDOM=7
echo "$RANDOM $RANDOM"
---- stdout
[]
7 7

#### two command substitutions read different RANDOM values
# reason: each subshell seeds again, as bash, or $(...) would repeat the parent's next value
# dash: differs — dash has no RANDOM
n=0
for i in 1 2 3 4 5; do
    [ "$(echo $RANDOM)" != "$(echo $RANDOM)" ] && n=$((n + 1))
done
[ $n -ge 4 ] && echo differ
---- stdout
differ

#### a command substitution leaves the shell's RANDOM sequence as it was
# reason: a subshell's RANDOM is its own, seeded afresh (bash too): reading or seeding it in $(...) neither repeats nor advances the shell's sequence, even with no child process
# dash: differs — dash has no RANDOM
RANDOM=42
first="$RANDOM $RANDOM"
RANDOM=42
x=$(echo $RANDOM)
y=$(RANDOM=42; echo $RANDOM)
again="$RANDOM $RANDOM"
[ "$first" = "$again" ] && echo kept
[ "$x" != "${first%% *}" ] && echo "reseeded inside"
[ "$y" = "${first%% *}" ] && echo "seeded inside"
---- stdout
kept
reseeded inside
seeded inside

#### SECONDS counts from start-up, and an assignment sets the count
# dash: differs — dash has no SECONDS
[ "$SECONDS" -le 1 ] && echo near-zero
SECONDS=100
[ "$SECONDS" -ge 100 ] && [ "$SECONDS" -le 101 ] && echo from-100
SECONDS=0
sleep 1
[ "$SECONDS" -ge 1 ] && [ "$SECONDS" -le 2 ] && echo counts
unset SECONDS
echo "[$SECONDS]"
---- stdout
near-zero
from-100
counts
[]

#### help prints the table's synopsis of the builtins named or matched
# dash: differs — dash has no help builtin
help cd
help 'p*d'
help no-such-builtin
echo "status $?"
[ "$(help | wc -l)" -gt 40 ] && echo all
---- stdout
cd [-L|-P] [dir]
popd [+N | -N]
pushd [dir | +N | -N]
pwd [-L|-P]
status 1
all
---- stderr-matches
no help topics match

#### disown removes a job from the table; wait no longer knows it
# dash: differs — dash has no disown
sleep 5 &
pid=$!
disown
jobs
wait $pid
echo "wait $?"
kill $pid
disown %1
echo "disown $?"
---- stdout
wait 127
disown 1
---- stderr-matches
no such job

#### disown -h and -a
# dash: differs — dash has no disown
sleep 5 &
sleep 5 &
disown -h %1
jobs | wc -l
disown -a
jobs | wc -l
---- stdout
2
0

#### wait -n returns the status of the next job to finish, 127 when none is left
# dash: differs — dash's wait has no -n
sleep 1 &
(exit 3) &
wait -n
echo "first $?"
wait -n
echo "second $?"
wait -n
echo "none $?"
---- stdout
first 3
second 0
none 127

#### wait -n with job operands waits for one of those only
# dash: differs — dash's wait has no -n
sleep 1 &
(exit 4) &
(sleep 0.3; exit 5) &
wait -n %1 %3
echo "got $?"
---- stdout
got 5
