XCU 2.6.3 Command Substitution.

#### $(...) substitutes output
echo "[$(echo hi)]"
---- stdout
[hi]

#### backquotes substitute output
echo "[`echo hi`]"
---- stdout
[hi]

#### all trailing newlines are removed
x=$(printf 'a\n\n\n')
echo "[$x]"
---- stdout
[a]

#### inner newlines are kept
x=$(printf 'a\n\nb\n')
echo "$x"
---- stdout
a

b

#### leading newlines are kept
x=$(printf '\n\na')
echo "[$x]"
---- stdout
[

a]

#### nested $(...)
echo $(echo a $(echo b $(echo c)))
---- stdout
a b c

#### nested backquotes need escaping
echo `echo a \`echo b\``
---- stdout
a b

#### unquoted substitution is field split
set -- $(echo 'a  b   c')
echo $#
---- stdout
3

#### quoted substitution is one field
set -- "$(echo 'a  b')"
echo $#
---- stdout
1

#### unquoted substitution is pathname expanded
touch x1 x2
echo $(echo 'x*')
---- stdout
x1 x2

#### status of an assignment-only command is the substitution's
x=$(exit 3)
echo $?
---- stdout
3

#### substitution runs in a subshell environment
x=outer
y=$(x=inner; echo $x)
echo $x $y
---- stdout
outer inner

#### cd in a substitution does not affect the shell
here=$PWD
mkdir d
y=$(cd d; pwd)
[ "$PWD" = "$here" ] && echo unchanged
---- stdout
unchanged

#### case with unbalanced parenthesis inside $(...)
x=$(case a in a) echo matched;; esac)
echo $x
---- stdout
matched

#### case with a leading parenthesis inside $(...)
x=$(case b in (b) echo yes;; esac)
echo $x
---- stdout
yes

#### here-document inside $(...)
x=$(cat <<EOF
from heredoc
EOF
)
echo "$x"
---- stdout
from heredoc

#### comment with a parenthesis inside $(...)
x=$(echo a # not a ) close
)
echo $x
---- stdout
a

#### single-quoted parenthesis inside $(...)
x=$(echo ')')
echo $x
---- stdout
)

#### backslash in backquotes escapes $ ` and \ only
x=`printf '%s\n' '\$a'`
echo "$x"
---- stdout
$a

#### double-quoted string in $(...) inside double quotes
echo "$(echo "inner quoted")"
---- stdout
inner quoted

#### empty substitution makes no field unquoted
set -- $(true) a
echo $#
---- stdout
1

#### substitution output with a tab
x=$(printf 'tab\there')
printf '%s\n' "$x"
---- stdout
tab	here

#### $( ( subshell ) ) is not arithmetic
x=$( (echo sub) )
echo $x
---- stdout
sub

#### exit status of a command with a substitution is the command's
true $(false)
echo $?
---- stdout
0

#### long output is captured whole
x=$(i=0; while [ $i -lt 2000 ]; do echo line$i; i=$((i+1)); done)
printf '%s\n' "$x" | wc -l | tr -d ' '
printf '%s\n' "$x" | tail -n 1
---- stdout
2000
line1999

#### stderr is not captured
x=$(echo out; echo err >&2) 2>/dev/null
echo $x
---- stdout
out

#### substitution sees current variables and functions
f() { echo "func $1"; }
v=val
echo "$(f $v)"
---- stdout
func val

#### exit inside a substitution leaves only the subshell
x=$(echo before; exit 5; echo after)
echo "$? $x"
---- stdout
5 before

#### null bytes in the output are dropped
# reason: XCU 2.6.3 leaves them unspecified; dash, bash and mksh drop them
x=$(printf 'a\000b\000')
echo "${#x} $x"
---- stdout
2 ab

#### a command substitution in a pipeline's command reads that command's standard input
# reason: XCU 2.9.2, 2.12 — each command of a pipeline expands its words in its own environment, whose standard input is already the pipe
printf 'from the pipe\n' | echo "got: $(cat)"
printf 'second\nthird\n' | printf '%s\n' "$(head -n 1)"
printf 'v\n' | X=$(cat) env | grep '^X='
---- stdin
from the shell
---- stdout
got: from the pipe
second
X=v

#### a command substitution in a pipeline command's redirections reads the pipe too
# reason: XCU 2.9.2, 2.12 — redirections, here-document bodies included, are expanded in the command's own environment, after the pipe is its standard input
printf 'name\n' | /bin/echo written > "$(cat)"
cat name
printf 'piped\n' | cat <<END
[$(cat)]
END
---- stdin
from the shell
---- stdout
written
[piped]

#### a substitution whose process a signal killed is reported on stderr
# reason: as dash: the shell waits for it as for a foreground command; the status is 128 plus the signal
exec 2>err
a=$(sh -c 'kill -TERM $$')
echo "status $?"
b=$(echo out; exec sh -c 'kill -HUP $$')
echo "status $? $b"
f() { exec sh -c 'kill -USR1 $$'; }
c=$(f)
echo "status $?"
d=$(sh -c 'kill -INT $$')
echo "status $?"
exec 2>&1
cat err
---- stdout
status 143
status 129 out
status 138
status 130
Terminated
Hangup
User defined signal 1

#### a command of redirections alone in $(...) still performs them
# Words that expand to nothing leave a command with no name: its redirections are still made
# (XCU 2.9.1.1), in the substitution's child as anywhere else.
empty=
x=$($empty >made)
test -f made && echo made
---- stdout
made

#### an expansion that fails in $(...) fails the substitution only
x=$(echo $((1/0)))
echo "status $?"
---- stdout
status 2
---- stderr-any

#### a function's variable changes in $(...) do not reach the shell
# reason: XCU 2.6.3, 2.13 — the substitution's commands run in a subshell environment, whatever
# process runs them: assignments, ${x=}, $((x=)), for, unset and export all stay inside
keep=kept gone=here num=1
export ex=outer
f() {
    keep=changed new=made
    : "${dflt=set}" $((num = num + 41))
    for loopvar in a b; do :; done
    unset gone
    export ex=inner plain=exported
    echo "$keep $new $dflt $num $loopvar ${gone-unset} $ex"
}
out=$(f)
echo "$out"
echo "$keep ${new-unset} ${dflt-unset} $num ${loopvar-unset} $gone $ex ${plain-unset}"
sh -c 'echo "child sees ex=$ex plain=${plain-unset}"'
---- stdout
changed made set 42 b unset inner
kept unset unset 1 unset here outer unset
child sees ex=outer plain=unset

#### local, return, break and continue in a function called from $(...)
f() {
    local l=inner
    n=0
    while :; do
        n=$((n + 1))
        [ "$n" -lt 3 ] && continue
        break
    done
    echo "$l $n"
    return 4
}
l=outer
x=$(f; echo "after $?")
echo "$? [$x] $l ${n-unset}"
---- stdout
0 [inner 3
after 4] outer unset

#### exit, an expansion error and set -e in a function end only the substitution
quit() { echo partial; exit "$1"; echo never; }
x=$(quit 7)
echo "exit: $? [$x]"
need() { echo "${1?missing}"; echo never; }
x=$(need)
echo "error: $? [$x]"
strict() { false; echo never; }
set -e
x=$(strict) || echo "set -e: $? [$x]"
set +e
readonly fixed=1
x=$(fixed=2; echo never)
echo "readonly: $? [$x] $fixed"
echo still here
---- stdout
exit: 7 [partial]
error: 2 []
set -e: 1 []
readonly: 2 [] 1
still here
---- stderr-matches
missing
fixed

#### IFS and PATH changed in $(...) are the shell's again afterwards
v="a b"
x=$(IFS=:; PATH=/nowhere; echo "$v")
for w in $v; do echo "[$w]"; done
echo "$x"
ls -d . >/dev/null && echo found ls
---- stdout
[a]
[b]
a b
found ls

#### a recursive function in nested $(...)
count() {
    if [ "$1" -gt 0 ]; then
        echo "$1 $(count $(($1 - 1)))"
    else
        echo done
    fi
}
echo "$(count 4)"
---- stdout
4 3 2 1 done

#### $(...) uses the function as defined when it runs
f() { echo first; }
a=$(f)
f() { cd / && pwd; }
b=$(f)
g() { f; }
c=$(g)
unset -f f
f() { echo third; }
d=$(g)
echo "$a $b $c $d"
pwd | grep -q '^/$' || echo "cwd kept"
---- stdout
first / / third
cwd kept

#### a $(...) run in the shell and one that must fork agree
# reason: XCU 2.6.3 — the same subshell semantics whatever runs it; the redirection in each second $(...) makes it fork
x=1 n=0
f1() { x=2; echo "$x"; }
f2() { for i in a b c; do [ "$i" = b ] && continue; echo "$i"; done; echo "i=$i"; }
f3() { local x=9; shift; echo "$# $* $x"; return 3; }
f4() { while :; do n=$((n + 1)); [ "$n" -ge 2 ] && break; done; echo "n=$n"; exit 4; }
f5() { echo "${unset_var=dflt} $unset_var"; unset x; echo "x=${x-gone}"; }
f6() { echo "$?"; false; }
f7() { echo "$(echo in $(echo deeper))"; }
f8() { case $1 in a*) echo A ;; *) echo other ;; esac; [ -n "$2" ] || exit 6; }
f9() { export EXP=1; echo "${EXP}"; }
same() { [ "$1" = "$2" ] && echo "$3: $1" || echo "$3 differs: $1 / $2"; }
a=$(f1); s=$?; b=$(f1 </dev/null); same "$s [$a]" "$? [$b]" f1
a=$(f2); s=$?; b=$(f2 </dev/null); same "$s [$a]" "$? [$b]" f2
a=$(f3 p q r); s=$?; b=$(f3 p q r </dev/null); same "$s [$a]" "$? [$b]" f3
a=$(f4); s=$?; b=$(f4 </dev/null); same "$s [$a]" "$? [$b]" f4
a=$(f5); s=$?; b=$(f5 </dev/null); same "$s [$a]" "$? [$b]" f5
false; a=$(f6); s=$?; false; b=$(f6 </dev/null); same "$s [$a]" "$? [$b]" f6
a=$(f7); s=$?; b=$(f7 </dev/null); same "$s [$a]" "$? [$b]" f7
a=$(f8 abc); s=$?; b=$(f8 abc </dev/null); same "$s [$a]" "$? [$b]" f8a
a=$(f8 xyz 1); s=$?; b=$(f8 xyz 1 </dev/null); same "$s [$a]" "$? [$b]" f8b
a=$(f9); s=$?; b=$(f9 </dev/null); same "$s [$a]" "$? [$b]" f9
a=$(exit 300); s=$?; b=$(exit 300 </dev/null); same "$s [$a]" "$? [$b]" exit300
echo "after: x=$x n=$n i=${i-unset} unset_var=${unset_var-unset} EXP=${EXP-unset}"
---- stdout
f1: 0 [2]
f2: 0 [a
c
i=c]
f3: 3 [2 q r 9]
f4: 4 [n=2]
f5: 0 [dflt dflt
x=gone]
f6: 1 [1]
f7: 0 [in deeper]
f8a: 6 [A]
f8b: 0 [other]
f9: 0 [1]
exit300: 44 []
after: x=1 n=0 i=unset unset_var=unset EXP=unset

#### a $(...) whose command name is an expansion is still a subshell
# reason: XCU 2.6.3 — the name is known only once the words are expanded; what it names then decides nothing about the isolation
check_a() { echo "A:$1"; x=changed; }
check_b() { cd / && echo "B:$(pwd)"; }
x=orig
for k in a b; do r=$(check_$k "$k"); echo "$? $r x=$x"; done
f=exit; r=$($f 3); echo "dyn exit $?"
u=unset; y=1; r=$($u y); echo "y=$y"
u2="unset -f"; r=$($u2 check_a); check_a z; echo "x=$x"
n=break; r=$($n); echo "break $?"
t=true; r=$(X=5 $t); echo "X=${X-unset}"
e=echo; r=$($e hi >/dev/null); echo "[$r]"
---- stdout
0 A:a x=orig
0 B:/ x=orig
dyn exit 3
y=1
A:z
x=changed
break 0
X=unset
[]

#### a pipeline in $(...): its output, its status, and the stages' own
# reason: XCU 2.6.3, 2.9.2 — the substitution's status is the pipeline's (its last stage's), whether or not a shell runs between (vsh starts the stages itself)
x=$(echo abc | tr a-z A-Z); echo "[$x] $?"
x=$(printf '3\n1\n2\n' | sort | head -2); echo "[$x] $?"
x=$(true | false); echo "false last: $?"
x=$(false | true); echo "true last: $?"
x=$(echo | nosuchcommand-here 2>/dev/null); echo "not found: $?"
v=1; f() { while read -r l; do v=2; echo "f:$l:$v"; done; }
x=$(printf 'a\nb\n' | f | tr : -); echo "[$x] v=$v"
x=$(echo | { read -r _; exit 7; } | cat); echo "middle: $?"
x=$(echo in | { cat; echo more; }); echo "[$x]"
x=$(sh -c 'kill -TERM $$' | cat); echo "killed first stage: $?"
---- stdout
[ABC] 0
[1
2] 0
false last: 1
true last: 0
not found: 127
[f-a-2
f-b-2] v=1
middle: 0
[in
more]
killed first stage: 0
---- stderr-matches
Terminated
