Regular built-in utilities: alias/unalias (see 2.3), cd command false true getopts hash kill
pwd read type ulimit umask wait echo printf test [ local jobs.

#### true and false
true; echo $?
false; echo $?
---- stdout
0
1

#### cd to a directory and back with cd -
mkdir a
start=$PWD
cd a
cd - > /dev/null
[ "$PWD" = "$start" ] && echo back
---- stdout
back

#### cd - prints the new directory
mkdir a
cd a
cd - | sed "s|^$OLDPWD\$|printed old|"
---- stdout
printed old

#### cd with no argument goes HOME
mkdir h
HOME=$PWD/h
cd
[ "$PWD" = "$HOME" ] && echo home
---- stdout
home

#### cd to a missing directory fails and keeps PWD
here=$PWD
cd /no/such/dir 2>/dev/null
[ $? -ne 0 ] && [ "$PWD" = "$here" ] && echo kept
---- stdout
kept

#### cd -P resolves symlinks, cd -L keeps them
mkdir real
ln -s real link
base=$(pwd -P)
cd -L link; [ "$PWD" = "$base/link" ] && echo logical
cd ..
cd -P link; [ "$PWD" = "$base/real" ] && echo physical
---- stdout
logical
physical

#### cd .. in logical mode goes up the symlink path
mkdir -p real/sub
ln -s real/sub link
base=$PWD
cd link
cd ..
[ "$PWD" = "$base" ] && echo logical-parent
---- stdout
logical-parent

#### CDPATH is searched and the result printed
mkdir -p base/target
CDPATH=$PWD/base
cd target | sed "s|.*/base/target\$|printed|"
---- stdout
printed

#### pwd prints the working directory
mkdir d
cd d
[ "$(pwd)" = "$PWD" ] && echo same
---- stdout
same

#### pwd -P resolves symlinks
mkdir real
ln -s real link
cd link
[ "$(pwd -P)" = "$(cd -P . && pwd)" ] && echo physical
case $(pwd -L) in */link) echo logical;; esac
---- stdout
physical
logical

#### pwd and cd in a directory that was removed keep using its recorded name
# reason: XCU pwd -L, cd — PWD still names the (unlinked) current directory; dash, bash agree
mkdir gone
cd gone
rmdir ../gone
pwd | sed 's|.*/gone$|PWD recorded|'
echo "status $?"
cd /
echo "$OLDPWD" | sed 's|.*/gone$|OLDPWD is the removed directory|'
---- stdout
PWD recorded
status 0
OLDPWD is the removed directory

#### read splits into variables
echo 'a b c d' | { read x y z; echo "$x|$y|$z"; }
---- stdout
a|b|c d

#### read strips leading and trailing IFS whitespace
printf '   padded   \n' | { read x; echo "[$x]"; }
---- stdout
[padded]

#### read with backslash continuation
printf 'one \\\ntwo\n' | { read x; echo "[$x]"; }
---- stdout
[one two]

#### read -r keeps backslashes
printf 'a\\b\n' | { read -r x; printf '[%s]\n' "$x"; }
printf 'a\\b\n' | { read x; printf '[%s]\n' "$x"; }
---- stdout
[a\b]
[ab]

#### read at end of file returns non-zero but sets the variable
printf 'partial' | { read x; echo "$? [$x]"; }
---- stdout
1 [partial]

#### read with fewer fields empties the rest
echo one | { read a b; echo "[$a][$b]"; }
---- stdout
[one][]

#### read from the case's stdin
read line
echo "<$line>"
read line
echo "<$line>"
---- stdin
first line
second line
---- stdout
<first line>
<second line>

#### read -d with an empty delimiter reads to NUL
# reason: XCU read (POSIX.1-2024) — -d delim
# dash: differs — dash 0.5.12 predates read -d
printf 'a\nb\0c' | { read -d '' x; printf '[%s]\n' "$x"; }
---- stdout
[a
b]

#### read with IFS set to non-whitespace
echo 'a:b:c' | { IFS=: read x y; echo "$x|$y"; }
---- stdout
a|b:c

#### read from a file leaves the offset right after the line
# reason: XCU read — the next command starts where read stopped, so a file is read by block and the excess given back
printf 'one\ntwo\nthree\nfour\n' > f
{ read a; read b; cat; } < f
echo "[$a][$b]"
---- stdout
three
four
[one][two]

#### read from a pipe leaves the rest of the pipe for the next command
printf 'one\ntwo\nthree\n' | { read a; cat; echo "[$a]"; }
---- stdout
two
three
[one]

#### read from a pipe gets a line that arrives in pieces
{ printf 'ab'; sleep 0.2; printf 'c\nrest\n'; } | { read x; echo "[$x]"; cat; }
---- stdout
[abc]
rest

#### read of a line longer than a pipe's buffer, from a pipe and from a file
s=x; i=0
while [ $i -lt 14 ]; do s=$s$s; i=$((i + 1)); done
{ echo "$s"; echo next; } | { read a; echo ${#a}; cat; }
{ echo "$s"; echo next; } > f
{ read a; echo ${#a}; cat; } < f
---- stdout
16384
next
16384
next

#### read with a backslash-newline continuation from a pipe leaves the line after it
printf 'a\\\nb\nc\n' | { read x; echo "[$x]"; cat; }
---- stdout
[ab]
c

#### read -d from a pipe stops at the delimiter
# dash: differs — dash 0.5.12 predates read -d
printf 'a,b\nc\n' | { read -d , x; echo "[$x]"; cat; }
---- stdout
[a]
b
c

#### a subshell and a command substitution reading the shell's pipe between two reads
printf 'a\nb\nc\nd\n' | {
    read x
    (read y; echo "subshell [$y]")
    z=$(read l; echo "$l")
    read w
    echo "[$x][$z][$w]"
}
---- stdout
subshell [b]
[a][c][d]

#### read in a loop from a pipe, with a program reading the same pipe in the body
# reason: XCU read — each command in the body sees the input right after the line read took
printf '1\nA\n2\nB\n' | while read n; do
    dd bs=1 count=2 2>/dev/null
    echo "<$n>"
done
---- stdout
A
<1>
B
<2>

#### read from a pipe after descriptors 10 and up were redirected
# reason: the shell's own descriptors (10 and up) move out of the way of a script's redirections
# dash: differs — dash takes only single-digit descriptors in redirections
printf 'a\nb\nc\n' | {
    read x
    exec 10>&1 11>&1 12>&1 13>&1
    read y
    echo "ten" >&10
    exec 10>&- 11>&- 12>&- 13>&-
    read z
    echo "[$x][$y][$z]"
}
---- stdout
ten
[a][b][c]

#### read in a dot script reads the shell's standard input
printf 'read x\necho "[$x]"\n' > d
printf 'l1\nl2\n' | { . ./d; cat; }
---- stdout
[l1]
l2

#### getopts parses options
set -- -a -b value arg
while getopts ab: opt; do
  case $opt in
    a) echo "flag a";;
    b) echo "b=$OPTARG";;
  esac
done
shift $((OPTIND - 1))
echo "rest: $*"
---- stdout
flag a
b=value
rest: arg

#### getopts with grouped options
set -- -xy -z
while getopts xyz opt; do echo $opt; done
echo "OPTIND=$OPTIND"
---- stdout
x
y
z
OPTIND=3

#### getopts unknown option gives ?
set -- -q
getopts a opt 2>/dev/null
echo "$opt"
---- stdout
?

#### getopts silent mode puts the option in OPTARG
set -- -q
getopts :a opt
echo "$opt $OPTARG"
---- stdout
? q

#### getopts missing argument in silent mode gives :
set -- -b
getopts :b: opt
echo "$opt $OPTARG"
---- stdout
: b

#### getopts stops at --
set -- -a -- -b
while getopts ab opt; do echo $opt; done
echo $OPTIND
---- stdout
a
3

#### getopts stops at a non-option
set -- -a file -b
while getopts ab opt; do echo $opt; done
echo $OPTIND
---- stdout
a
2

#### getopts with explicit arguments
while getopts n: opt -n 5; do echo "$opt=$OPTARG"; done
---- stdout
n=5

#### OPTIND reset to 1 restarts parsing
set -- -a
getopts a opt; echo $opt
OPTIND=1
getopts a opt; echo $opt
---- stdout
a
a

#### getopts attached option argument
set -- -ofile
getopts o: opt
echo "$opt $OPTARG"
---- stdout
o file

#### getopts with a bad variable name still consumes the option, then fails
set -- -c foo -h
getopts hc: bad-name
echo "status $? OPTARG=$OPTARG OPTIND=$OPTIND"
---- stdout
status 2 OPTARG=foo OPTIND=3
---- stderr-matches
getopts: bad-name: bad variable name

#### getopts at the end sets OPTIND to $# + 1 even after set -- shortened the parameters
# reason: XCU getopts — at the end, OPTIND is the first operand's index, or $# + 1 if none
set -- -a -b x
while getopts ab opt; do :; done
echo $OPTIND
set --
getopts ab opt; echo "$? $OPTIND $opt"
set -- -b
getopts ab opt; echo "$? $OPTIND $opt"
---- stdout
3
1 1 ?
0 2 b

#### type names builtins and functions
f() { :; }
type f | grep -q function && echo function
type cd | grep -q builtin && echo builtin
type if | grep -q -e reserved -e keyword && echo reserved
---- stdout
function
builtin
reserved

#### type of a missing command fails
type no_such_command_xyz > /dev/null 2>&1
[ $? -ne 0 ] && echo missing
---- stdout
missing

#### hash a command and hash -r
hash sh
hash -r
echo $?
---- stdout
0

#### umask sets and prints the mask
umask 027
umask
---- stdout
0027

#### umask -S prints symbolically
umask 022
umask -S
---- stdout
u=rwx,g=rx,o=rx

#### umask symbolic setting
umask 000
umask g-w,o-w
umask
---- stdout
0022

#### ulimit prints a limit
ulimit -n | grep -q '^[0-9]*$\|^unlimited$' && echo ok
---- stdout
ok

#### ulimit -f sets the file size limit in a subshell
(ulimit -f 100; ulimit -f)
---- stdout
100

#### ulimit -H -S together set both limits
# reason: XCU ulimit — -H sets the hard limit and -S the soft one; given both, both are set
# dash: differs — in dash the last of -H and -S wins, so -S -H 100 sets only the hard limit, below the soft one (EINVAL)
(
  ulimit -S -H -t 100
  echo "status $?"
  ulimit -S -t
  ulimit -H -t
)
---- stdout
status 0
100
100

#### ulimit -a refuses an operand instead of dropping it
before=$(ulimit -f)
ulimit -a 100 >/dev/null
echo "status $?"
[ "$(ulimit -f)" = "$before" ] && echo unchanged
ulimit -a | grep -q . && echo listed
---- stdout
status 2
unchanged
listed
---- stderr-matches
ulimit: too many arguments

#### wait with no operands waits for all
(sleep 0.1; echo a > fa) &
(sleep 0.1; echo b > fb) &
wait
echo $?
cat fa fb
---- stdout
0
a
b

#### wait in a subshell that is the script's last command does not see the parent's jobs
# reason: XCU wait — the parent's asynchronous lists are not children of the subshell: 127
$TEST_SHELL -c 'sh -c "exit 5" & p=$!; (wait $p)' 2>/dev/null
echo $?
---- stdout
127

#### wait in a subshell ending a script file does not see the parent's jobs
# reason: XCU wait — the parent's asynchronous lists are not children of the subshell: 127
printf '%s\n' 'sh -c "exit 5" & p=$!' '(wait $p)' >script
$TEST_SHELL script 2>/dev/null
echo $?
---- stdout
127

#### wait for an unknown pid returns 127
wait 99999999 2>/dev/null
echo $?
---- stdout
127

#### wait returns the last waited job's status
sh -c 'exit 3' & p1=$!
sh -c 'exit 4' & p2=$!
wait $p1 $p2
echo $?
---- stdout
4

#### jobs marks the current job + and the previous one -, in POSIX's form
# reason: XCU jobs STDOUT: "[%d] %c %s %s\n"; -l puts the process group before the state
# dash: differs — without job control dash keeps no command text for the jobs it lists
sleep 5 &
sleep 5 &
jobs > list
grep -c '^\[1\] - Running  *sleep 5$' list
grep -c '^\[2\] + Running  *sleep 5$' list
jobs -l | grep -c '^\[2\] + [0-9][0-9]* Running  *sleep 5$'
kill %1 %2
---- stdout
1
1
1

#### jobs lists background jobs
sleep 5 &
jobs > list
grep -c '^\[1\] *[+ ] *Running' list
kill $!
---- stdout
1

#### jobs -p prints process ids
sleep 5 &
jobs -p > list
[ "$(cat list)" = "$!" ] && echo pid
kill $!
---- stdout
pid

#### jobs with operands lists only the jobs named
# reason: XCU jobs — with job_id operands, only those jobs are reported
# dash: differs — without job control dash keeps no command text for the jobs it lists
sleep 5 &
first=$!
sleep 5 &
jobs %1 > list
grep -c 'sleep 5$' list
grep -c '^\[1\]' list
[ "$(jobs -p -- %1)" = "$first" ] && echo pid
kill %1 %2
---- stdout
1
1
pid

#### jobs with an unknown job fails
# reason: XCU jobs EXIT STATUS — >0 when an error occurred
jobs %7
[ $? -ne 0 ] && echo failed
---- stdout
failed
---- stderr-matches
%7

#### a job id prefix or text that matches two jobs is an error, not a guess
# reason: XBD 3.182 job ID — %string and %?string name one job; dash, bash and mksh refuse an ambiguous one
# dash: differs — without job control dash keeps no command text, so nothing matches at all
sleep 5 &
sleep 6 &
jobs %sleep > out 2>err || echo prefix fails
jobs %?leep > out 2>err || echo text fails
grep -c ambiguous err
jobs %?6 | grep -c 'sleep 6$'
kill %1 %2
---- stdout
prefix fails
text fails
1
1

#### kill %job fails when every process of the job has ended
# reason: XCU kill EXIT STATUS — 0 only if a matching process was found for each operand
true &
pid=$!
until grep -q '^[0-9]* ([^)]*) Z' /proc/$pid/stat 2>/dev/null || [ ! -e /proc/$pid ]; do :; done
kill %1 2>/dev/null
echo status $?
---- stdout
status 1

#### jobs shows a command's words quoted so that they read back
# reason: XCU jobs — the command is shown as given to the shell; `sh -c sleep 5` would be another command
# dash: differs — without job control dash keeps no command text for the jobs it lists
sh -c 'sleep 5; exit 3' &
jobs | grep -c "Running  *sh -c 'sleep 5; exit 3'\$"
jobs %?'exit 3' | grep -c '^\[1\]'
kill %1
---- stdout
1
1

#### type and getopts discard a first --
# reason: XCU 1.4 — a utility without options still takes -- as a first argument to discard
# dash: differs — dash's type looks up "--", and its getopts takes "--" as the optstring
type -- true
getopts -- a: opt -a value
echo "$opt $OPTARG"
---- stdout
true is a shell builtin
a value

#### hash, kill -l and jobs accept --
hash -- sh && echo hashed
kill -l -- 15
jobs -- && echo jobs
---- stdout
hashed
TERM
jobs

#### echo without options
echo a b  c
---- stdout
a b c

#### echo with no arguments prints a newline
echo
echo x
---- stdout

x

#### printf reuses the format for extra arguments
printf '%s-' a b c; echo
---- stdout
a-b-c-

#### printf numeric conversions
printf '%d %i %o %x %X %u\n' 42 -7 8 255 255 3
---- stdout
42 -7 10 ff FF 3

#### printf width and precision
printf '[%5s][%-5s][%.2s][%05d]\n' ab ab abcdef 42
---- stdout
[   ab][ab   ][ab][00042]

#### printf %b expands escapes in the argument
printf '%b\n' 'a\tb' 'c\\d'
---- stdout
a	b
c\d

#### printf escapes in the format
printf 'a\tb\\c\101\n'
---- stdout
a	b\cA

#### printf %c and %%
printf '%c%%\n' xyz
---- stdout
x%

#### printf character constant argument
printf '%d\n' "'A"
---- stdout
65

#### printf missing arguments are empty or zero
printf '[%s][%d]\n'
---- stdout
[][0]

#### printf %n$ names the operand and each reuse counts past the highest one named
# reason: XCU printf (POSIX.1-2024) — numbered conversions %n$ and *m$, as in ksh93
# dash: differs — dash 0.5.12 has no numbered conversions ("%2$: invalid directive")
printf '%2$s %1$s|' a b c d e
echo
printf '%1$s=%1$d ' 7 8
echo
printf '%2$*1$d|%3$.*1$s|\n' 3 5 abcdef
printf '%3$s|\n' a
---- stdout
b a|d c| e|
7=7 8=8 
  5|abc|
|

#### printf with a width or precision too large for C's printf stops with an error
# reason: dash — the conversion fails ("xvsnprintf failed"), output stops, status 2; the shell goes on
printf 'a%99999999999s|\n' x 2>/dev/null
echo " status $?"
printf '%.99999999999d|\n' 1 2>/dev/null
echo "status $?"
---- stdout
a status 2
status 2

#### printf invalid number is an error but prints
printf '%d\n' abc 2>/dev/null
[ $? -ne 0 ] && echo error
---- stdout
0
error

#### test string comparisons
test abc = abc && echo eq
test abc != abd && echo ne
test -n x && echo nonempty
test -z '' && echo empty
---- stdout
eq
ne
nonempty
empty

#### test integer comparisons
[ 3 -eq 3 ] && echo eq
[ 3 -ne 4 ] && echo ne
[ 2 -lt 10 ] && echo lt
[ 10 -gt 2 ] && echo gt
[ 2 -le 2 ] && echo le
[ 3 -ge 4 ] || echo not-ge
---- stdout
eq
ne
lt
gt
le
not-ge

#### test file operators
touch file
mkdir dir
ln -s file link
[ -e file ] && echo exists
[ -f file ] && echo regular
[ -d dir ] && echo directory
[ -h link ] && echo symlink
[ -L link ] && echo symlink-L
[ -s file ] || echo empty
echo x > file
[ -s file ] && echo non-empty
[ -r file ] && [ -w file ] && echo rw
---- stdout
exists
regular
directory
symlink
symlink-L
empty
non-empty
rw

#### test -k, -O and -G
# reason: not POSIX, but dash, bash, mksh and yash have them: sticky bit, owner and group
touch plain sticky
chmod +t sticky
[ -k sticky ] && echo sticky
[ -k plain ] || echo not-sticky
[ -O plain ] && [ -G plain ] && echo mine
[ -O missing ] || echo missing
---- stdout
sticky
not-sticky
mine
missing

#### test -x on an executable
printf '#!/bin/sh\n' > s
chmod +x s
[ -x s ] && echo executable
---- stdout
executable

#### test with one argument is true when non-empty
[ x ] && echo one-arg
[ '' ] || echo empty-arg
---- stdout
one-arg
empty-arg

#### test negation and grouping
[ ! -e missing ] && echo negated
[ \( 1 -eq 1 \) ] && echo grouped
---- stdout
negated
grouped

#### test -a and -o
[ 1 -eq 1 -a 2 -eq 2 ] && echo and
[ 1 -eq 2 -o 2 -eq 2 ] && echo or
---- stdout
and
or

#### test with no arguments is false
test
echo $?
---- stdout
1

#### [ without ] is an error
[ 1 -eq 1 2>/dev/null
[ $? -gt 1 ] && echo error
---- stdout
error

#### test -t on a non-terminal
[ -t 0 ] || echo not-a-tty
---- stdout
not-a-tty

#### test -nt and -ot
touch -t 202001010000 old
touch -t 202101010000 new
[ new -nt old ] && echo newer
[ old -ot new ] && echo older
---- stdout
newer
older

#### test -nt and -ot against a missing file, and -ef
# reason: XCU test (POSIX.1-2024) — an existing file is newer than one that cannot be resolved
# dash: differs — dash 0.5.12 is false whenever either file is missing
touch file
ln file hard
[ file -nt missing ] && echo newer-than-missing
[ missing -ot file ] && echo missing-older
[ missing -nt file ] || echo missing-not-newer
[ file -ef hard ] && echo same
[ file -ef missing ] || echo not-same
---- stdout
newer-than-missing
missing-older
missing-not-newer
same
not-same

#### test string < and >
# reason: XCU test (POSIX.1-2024) — < and > compare strings in the collation order
[ a \< b ] && echo less
[ b \> a ] && echo greater
---- stdout
less
greater

#### command -p searches the standard path but leaves PATH alone
# reason: XCU command — -p changes only the search; the utility's environment is the shell's
PATH=/nowhere:$PATH
command -p sh -c 'echo "$PATH"'
PATH=/nowhere
command -p sh -c 'echo "$PATH"'
command -p -v sh >/dev/null && echo found
command -p no-such-utility 2>/dev/null
echo "status $?"
---- stdout
/nowhere:/usr/bin:/bin
/nowhere
found
status 127

#### command with -v on a reserved word
command -v if
---- stdout
if

#### cd -P -e changes directory with status 0; a failed cd is status 2
# reason: XCU cd (POSIX.1-2024): status 1 is kept for -P -e when PWD cannot be found, so errors are >1
# dash: differs: dash 0.5.12 predates POSIX.1-2024 and has no cd -e
mkdir -p real/sub
ln -s real/sub link
cd -P -e link && echo "status $? ${PWD##*/}"
cd -e /no/such/dir 2>/dev/null
echo "missing $?"
---- stdout
status 0 sub
missing 2

#### command -v writes a name with a slash, or one found through a relative PATH, as absolute
# reason: XCU command, STDOUT — utilities and command_names including a slash are absolute pathnames
# dash: differs — dash 0.5.12 writes the name as given
mkdir sub
printf '#!/bin/sh\n' > sub/tool
chmod +x sub/tool
here=$(pwd)
[ "$(command -v ./sub/tool)" = "$here/sub/tool" ] && echo dot-slash
[ "$(command -v sub/tool)" = "$here/sub/tool" ] && echo relative
[ "$(PATH=sub:$PATH command -v tool)" = "$here/sub/tool" ] && echo relative-path
command -v /bin/sh
---- stdout
dot-slash
relative
relative-path
/bin/sh

#### echo and printf say why a write failed
# reason: XCU echo, printf — a write error is the utility's failure; bash names the cause
# dash: differs — dash says "I/O error" whatever the cause
echo hi >/dev/full; echo "echo=$?"
printf x >/dev/full; echo "printf=$?"
---- stdout
echo=1
printf=1
---- stderr-matches
echo: write error: No space left on device
printf: write error: No space left on device

#### command -v of a directory is not a command
# reason: XCU command -v — a directory is not an executable utility
# dash: differs — dash names the directory with status 0
mkdir -p d/cat
command -v d/cat || echo "not a command"
type d/cat >/dev/null 2>&1 || echo "type agrees"
---- stdout
not a command
type agrees

#### printf's 'c operand is the character's value in the current locale
# reason: XCU printf — "the numeric value in the underlying codeset of the character"
# dash: differs — dash gives the first byte's value
LC_ALL=C.UTF-8
printf '%d %d %x\n' "'μ" "'a" "'€"
LC_ALL=C
printf '%d\n' "'μ"
---- stdout
956 97 20ac
206
