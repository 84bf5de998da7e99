XCU 2.5 Parameters and Variables: positional, special, and shell variables.

#### positional parameters from set --
set -- a b c
echo $1 $2 $3 $#
---- stdout
a b c 3

#### positional parameter beyond 9 needs braces
set -- 1 2 3 4 5 6 7 8 9 ten eleven
echo ${10} ${11} $10
---- stdout
ten eleven 10

#### unset positional parameter is empty
set -- a
echo "[$2]"
---- stdout
[]

#### $# counts parameters
set -- a '' 'b c'
echo $#
---- stdout
3

#### $? is the last status
false
echo $?
true
echo $?
(exit 42)
echo $?
---- stdout
1
0
42

#### $$ is the shell's pid, same in a subshell
a=$$
b=$(echo $$)
[ "$a" = "$b" ] && echo same
---- stdout
same

#### $! is the pid of the last background job
sleep 0 &
pid=$!
wait $pid
echo $?
case $pid in ''|*[!0-9]*) echo bad;; *) echo number;; esac
---- stdout
0
number

#### $0 is the script path
case $0 in */case.sh) echo script;; *) echo "other: $0";; esac
---- stdout
script

#### $- holds the option letters
set -f
case $- in *f*) echo has-f;; esac
set +f
case $- in *f*) echo still;; *) echo gone;; esac
---- stdout
has-f
gone

#### $- holds s when commands come from standard input
# reason: XCU sh — -s is assumed without operands, and $- shows implied options too
echo 'case $- in *s*) echo has-s;; *) echo "no s: $-";; esac' | $TEST_SHELL
---- stdout
has-s

#### "$@" keeps each parameter a field
set -- 'a b' c ''
printf '[%s]' "$@"; echo
---- stdout
[a b][c][]

#### "$@" with no parameters expands to nothing
set --
printf '[%s]' x "$@" y; echo
---- stdout
[x][y]

#### "$@" joined with text on each side
set -- a b
printf '[%s]' "x$@y"; echo
---- stdout
[xa][by]

#### "$@" with no parameters inside text leaves the text
set --
printf '[%s]' "x$@y"; echo
---- stdout
[xy]

#### "$*" joins with the first character of IFS
set -- a b c
IFS=:
echo "$*"
---- stdout
a:b:c

#### "$*" joins with space when IFS is unset
set -- a b c
unset IFS
echo "$*"
---- stdout
a b c

#### "$*" joins with nothing when IFS is empty
set -- a b c
IFS=
echo "$*"
---- stdout
abc

#### "$*" with no parameters is one empty field
set --
printf '[%s]' "$*"; echo
---- stdout
[]

#### unquoted $* splits each parameter
set -- 'a b' c
printf '[%s]' $*; echo
---- stdout
[a][b][c]

#### unquoted $@ drops empty parameters
set -- a '' b
printf '[%s]' $@; echo
---- stdout
[a][b]

#### unquoted $* with empty IFS keeps parameters apart
# reason: XCU 2.5.2 — with IFS null, $* still expands to separate fields
set -- 'a b' c
IFS=
printf '[%s]' $*; echo
---- stdout
[a b][c]

#### "${@}" is the same as "$@"
set -- 'x y' z
printf '[%s]' "${@}"; echo
---- stdout
[x y][z]

#### $@ in an assignment joins with spaces
set -- a b c
x=$@
echo "$x"
---- stdout
a b c

#### $* in an assignment joins with the first character of IFS
# reason: XCU 2.5.2 — where no field splitting is done, $* is joined as "$*" is
set -- a b c
IFS=:
x=$*
IFS=
y=$*
echo "$x" "$y"
---- stdout
a:b:c abc

#### $* in a here-document with empty IFS joins with nothing
set -- a b
IFS=
cat <<EOF
[$*]
EOF
---- stdout
[ab]

#### unquoted $* as a case pattern joins with the first character of IFS
set -- a b
IFS=:
case a:b in $*) echo joined;; *) echo apart;; esac
---- stdout
joined

#### "$@""$@" with no parameters is no field
set --
printf '[%s]' x "$@""$@" y; echo
---- stdout
[x][y]

#### "${x-"$@"}" with no parameters is one empty field
set --
printf '[%s]' "${x-"$@"}"; echo
printf '[%s]' x ${x-"$@"} y; echo
---- stdout
[]
[x][y]

#### "$@" next to '' with no parameters is one empty field
set --
printf '[%s]' "$@"''; echo
---- stdout
[]

#### shift moves parameters
set -- a b c
shift
echo $# $1
shift 2
echo $#
---- stdout
2 b
0

#### function has its own positional parameters
f() { echo "$# $1"; }
set -- outer1 outer2
f inner
echo "$# $1"
---- stdout
1 inner
2 outer1

#### variable assignment and use
name=value
echo $name ${name}
---- stdout
value value

#### assignment value is not field split
x='a   b'
y=$x
echo "$y"
---- stdout
a   b

#### assignment value is not pathname expanded
touch f1 f2
x=f*
echo "$x"
---- stdout
f*

#### LINENO is the current line
# reason: XCU 2.5.3 — LINENO is set before each command
# dash: differs — Debian builds dash without LINENO support
echo $LINENO

echo $LINENO
---- stdout
1
3

#### LINENO in a background command is that command's line
# reason: XCU 2.5.3 — LINENO is set before each command, an asynchronous one too
# dash: differs — Debian builds dash without LINENO support
true
/bin/echo $LINENO &
wait
---- stdout
2

#### LINENO inside a function
# dash: differs — Debian builds dash without LINENO support
f() {
    echo $LINENO
}
f
---- stdout
2

#### LINENO in a command substitution on a later line
# dash: differs — Debian builds dash without LINENO support
x=$(
/bin/echo $LINENO)
echo $x
---- stdout
2

#### PPID is the parent of the shell
echo $PPID | grep -q '^[0-9][0-9]*$' && echo ok
---- stdout
ok

#### PPID is not changed in a subshell
a=$PPID
b=$( (echo $PPID) )
[ "$a" = "$b" ] && echo same
---- stdout
same

#### PWD is set at start-up
[ "$PWD" = "$(pwd)" ] && echo ok
---- stdout
ok

#### cd sets PWD and OLDPWD
start=$PWD
mkdir sub
cd sub
[ "$PWD" = "$start/sub" ] && echo pwd
[ "$OLDPWD" = "$start" ] && echo oldpwd
---- stdout
pwd
oldpwd

#### PWD set at start-up is exported
# reason: XCU 2.5.3 — the shell sets PWD; the harness starts it without PWD in the environment
env | grep '^PWD=' | sed 's|=.*|=set|'
---- stdout
PWD=set

#### cd exports PWD and OLDPWD even after they were unset
# reason: XCU cd — cd sets the PWD and OLDPWD environment variables
mkdir sub
unset PWD OLDPWD
cd sub
env | grep PWD= | sed 's|=.*|=set|' | sort
---- stdout
OLDPWD=set
PWD=set

#### PS1, PS2 and PS4 have their defaults in a non-interactive shell
# reason: XCU 2.5.3 — default PS1 "$ " (another value for privileged users), PS2 "> ", PS4 "+ "
case $PS1 in '$ '|'# ') echo ps1 ;; esac
echo "[$PS2][$PS4]"
set | grep -c '^PS[124]='
---- stdout
ps1
[> ][+ ]
3

#### an inherited PS1 is kept
PS1='in> ' $TEST_SHELL -c 'echo "$PS1"'
---- stdout
in> 

#### OPTIND starts at 1
echo $OPTIND
---- stdout
1

#### IFS default splits on space tab newline
x='a	b
c d'
set -- $x
echo $#
---- stdout
4

#### unset variable is empty
unset nothing
echo "[$nothing]"
---- stdout
[]

#### variable names may contain digits and underscores
a_1=x _b=y
echo $a_1$_b
---- stdout
xy

#### $10 is $1 followed by 0
set -- one
echo $10
---- stdout
one0

#### an inherited PWD with a dot-dot component is replaced by the physical directory
# reason: XCU 2.5.3 PWD — a value from the environment containing dot or dot-dot is not used; PWD is what pwd -P prints
# dash: differs — dash 0.5.12 keeps any inherited PWD that names the current directory
mkdir real
ln -s real link
base=$(pwd -P)
cd link
PWD=$base/real/../link "$TEST_SHELL" -c 'echo "${PWD#"$1"}"; p=$(pwd); echo "${p#"$1"}"' sh "$base"
PWD=$base/link "$TEST_SHELL" -c 'echo "${PWD#"$1"}"' sh "$base"
---- stdout
/real
/real
/link
