XCU set: -e with its exceptions, -u -x -v -n -f -C -a.

#### set -e exits on a failing command
set -e
echo before
false
echo not reached
---- stdout
before
---- status
1

#### set -e keeps the failing command's status
set -e
sh -c 'exit 7'
---- status
7

#### set -e ignores the if condition
set -e
if false; then echo no; fi
echo survived
---- stdout
survived

#### set -e ignores while and until conditions
set -e
while false; do :; done
until true; do :; done
echo survived
---- stdout
survived

#### set -e ignores all but the last command of && and ||
set -e
false && echo no
false || true
echo survived
---- stdout
survived

#### set -e exits when the last command of an and-or list fails
set -e
true && false
echo not reached
---- status
1

#### set -e ignores a bang pipeline
set -e
! true
echo survived
---- stdout
survived

#### set -e exits on a failing pipeline
set -e
true | false
echo not reached
---- status
1

#### set -e in a subshell exits the subshell, and the failure propagates
set -e
(false; echo not reached)
echo not reached either
---- status
1

#### set -e: failing subshell inside if condition is ignored
set -e
if (false); then :; fi
echo survived
---- stdout
survived

#### set -e stays ignored inside a subshell of an if condition
# reason: XCU set -e — ignored in the whole compound list after `if`, subshells in it included
set -e
if (echo one; false; echo two); then echo three; fi
echo four
---- stdout
one
two
three
four

#### set -e stays ignored inside a subshell left of || and under !
set -e
(echo one; false; echo two) || echo not printed
! (echo three; false; echo four)
(echo five; false; echo six) && echo seven
echo eight
---- stdout
one
two
three
four
five
six
seven
eight

#### set -e stays ignored in the stages of a pipeline in an if condition
set -e
f() { echo one; false; echo two; }
if { echo three; false; echo four; } | cat; then echo five; fi
if f | cat; then echo six; fi
! { false; echo seven; } | cat
echo eight
---- stdout
three
four
five
one
two
six
seven
eight

#### set -e still exits a subshell or stage outside an ignored context
set -e
{ false; echo not printed; } | cat
(false; echo not printed either)
echo not reached
---- status
1

#### set -e: the exception covers commands inside a function called in a condition
# reason: XCU set -e — the condition's context is inherited by everything it runs
set -e
f() { false; echo "in f"; }
if f; then echo ok; fi
---- stdout
in f
ok

#### set -e: the exception covers commands inside a subshell in a condition
# reason: XCU set -e — ignored while the compound list after `if` runs, the subshell included
set -e
if (false; echo inside); then echo then; fi
---- stdout
inside
then

#### set -e: the exception covers a subshell to the left of || and after !
set -e
(false; echo left) || echo not run
! (false; echo negated)
echo survived
---- stdout
left
negated
survived

#### set -e: the exception covers pipeline stages that run shell code
set -e
f() { false; echo "in f"; }
if true | { false; echo stage; }; then echo then; fi
if f | cat; then echo ok; fi
---- stdout
stage
then
in f
ok

#### set -e set again inside an ignored subshell stays ignored
# reason: XCU set -e — -e is ignored for the whole compound list, even where it is set anew
set -e
if (set -e; false; echo still); then echo then; fi
---- stdout
still
then

#### set -e: the exception covers the commands eval runs in a condition
# reason: XCU set -e — eval's commands are part of the condition's compound list
set -e
if eval 'false; echo in-eval'; then echo then; fi
eval 'false; echo left' || echo not run
! eval 'false; echo negated'
eval 'false; echo not reached'
---- stdout
in-eval
then
left
negated
---- status
1

#### set -e: the exception covers a dot script run in a condition
# reason: XCU set -e — the dot script's commands are part of the condition's compound list
# dash: differs — dash 0.5.12 lets -e apply inside a dot script even in a condition
echo 'false; echo in-dot' > d.sh
set -e
if . ./d.sh; then echo then; fi
---- stdout
in-dot
then

#### set -e: function failing outside a condition exits
set -e
f() { false; echo "in f"; }
f
echo not reached
---- status
1

#### set -e: compound command returning non-zero from an ignored context
# reason: XCU set -e — a compound command whose status comes from an ignored && is not fatal
set -e
{ false && true; }
echo survived
---- stdout
survived

#### set -e: a failed redirection on a compound command exits
# reason: XCU 2.8.1 — the compound command fails (non-zero), and set -e applies to it
set -e
trap 'echo "exit trap"' EXIT
{ echo not printed; } > out < missing
echo not reached
---- stdout
exit trap
---- stderr-matches
cannot open missing
---- status
nonzero

#### set -e: a failed redirection on a loop or if exits, unless it is tested
set -e
for i in 1; do :; done < missing || echo tested
if true; then :; fi < missing
echo not reached
---- stdout
tested
---- stderr-matches
cannot open missing
---- status
nonzero

#### set -e: command substitution failure in an assignment exits
set -e
x=$(false)
echo not reached
---- status
1

#### set -e: failure in a command substitution argument does not exit
set -e
echo "$(false)ok"
---- stdout
ok

#### set +e turns it off
set -e
set +e
false
echo survived
---- stdout
survived

#### set -o errexit is the same as -e
set -o errexit
false
echo not reached
---- status
1

#### set -u fails on an unset variable
set -u
echo "${undefined_thing}"
echo not reached
---- stderr-matches
undefined_thing: parameter not set
---- status
nonzero

#### set -u allows ${x-default} and $@
set -u
echo "${undefined_thing-default}" "$@" "$#"
---- stdout
default 0

#### set -u does not apply to a set but empty variable
set -u
e=
echo "[$e]"
---- stdout
[]

#### set -x traces to stderr with PS4
set -x
echo traced
set +x
---- stdout
traced
---- stderr-matches
+ echo traced

#### set -x output goes to stderr only
set -x
echo visible 2>/dev/null
---- stdout
visible
---- stderr-matches
+ echo visible

#### set -x shows expanded words
x=value
set -x
echo $x 2>/dev/null
---- stdout
value
---- stderr-matches
echo value

#### set -x traces external commands of pipelines, substitutions and async lists
# reason: XCU set -x — a trace for each command, however the shell starts it
( set -x; { echo piped; } 2>/dev/null | tr p q ) 2>&1
( set -x; : $(tr s z </dev/null) ) 2>&1
( set -x; sleep 0 & ) 2>&1 | cat
---- stdout
+ tr p q
qiqed
+ tr s z
+ :
+ sleep 0

#### set -x leaves words unquoted when they read back as themselves
( set -x; printf %s x >/dev/null; : a=b x,y a:b % ] x~ x# '[' ) 2>&1
( set -x; v=%s w=x~ ) 2>&1
---- stdout
+ printf %s x
+ : a=b x,y a:b % ] x~ x# [
+ v=%s w=x~

#### set -x quotes words that would not read back as themselves
# dash: differs — dash 0.5.12 never quotes traced words
( set -x; : 'a b' '' '*' '$x' '#x' '~x' "it's" '[a]' ) 2>&1
( set -x; v='a b' w=a:~x ) 2>&1
( set -x; 'a=b' 2>/dev/null; 'if' 2>/dev/null; : ) 2>&1
---- stdout
+ : 'a b' '' '*' '$x' '#x' '~x' 'it'\''s' '[a]'
+ v='a b' w='a:~x'
+ 'a=b'
+ 'if'
+ :

#### set -x uses PS4
PS4='TRACE: '
set -x
: marker
---- stderr-matches
TRACE: : marker

#### set -x decodes bash's prompt escapes in PS4, before parameter expansion
# dash: differs — dash shows PS4's backslashes as written; vsh decodes bash's escapes as bash does
mkdir 'a$b' && cd 'a$b' || exit
x=X
PS4='[\W|\101|\\|$x] '
set -x
: marker
---- stderr-matches
[a$b|A|\|X] : marker

#### set -x with PS4 unset writes no prefix
# reason: XCU 2.5.3 — "+ " is PS4's initial value; an unset PS4 expands to nothing
( unset PS4; set -x; : marker ) 2>&1
---- stdout
: marker

#### set -v echoes input lines
set -v
echo verbose
---- stdout
verbose
---- stderr-matches
echo verbose

#### set -n reads without executing
set -n
echo not run
---- status
0

#### set -n stops the rest of its own line and function
# reason: as dash, bash and ksh93: the option takes effect for the next command run
echo before; set -n; echo not run on the line
---- stdout
before

#### set -n in a function stops the caller too
trap 'echo no exit trap' EXIT
f() { set -n; echo not run in f; }
f; echo not run after f
---- stdout
---- status
0

#### set -n still detects syntax errors
set -n
if then
---- stderr-matches
syntax error
---- status
2

#### set -f disables globbing
touch a b
set -f
echo *
---- stdout
*

#### set -o noglob is the same as -f
touch a
set -o noglob
echo *
---- stdout
*

#### set -C noclobber
echo 1 > f
set -C
(echo 2 > f) 2>/dev/null || echo refused
cat f
---- stdout
refused
1

#### set -a exports assignments
set -a
auto=exported
sh -c 'echo $auto'
---- stdout
exported

#### set +a stops exporting
set -a
set +a
manual=not
sh -c 'echo "[${manual-unset}]"'
---- stdout
[unset]

#### options show in $-
set -a -f -u
case $- in *a*) echo a;; esac
case $- in *f*) echo f;; esac
case $- in *u*) echo u;; esac
---- stdout
a
f
u

#### set -o with a long name
set -o nounset
case $- in *u*) echo on;; esac
set +o nounset
case $- in *u*) echo still;; *) echo off;; esac
---- stdout
on
off

#### set -e does not apply to the condition of elif
set -e
if false; then :; elif false; then :; else echo else; fi
---- stdout
else

#### set -e with a failing command in a pipeline's non-last stage
set -e
false | true
echo survived
---- stdout
survived

#### set -e and eval
set -e
eval false
echo not reached
---- status
1

#### set -e: failing command after || in a loop body is fatal
set -e
for i in 1; do false || false; done
echo not reached
---- status
1

#### set -h locates a function's utilities when it is defined
# reason: XCU set -h — utilities invoked by functions are located and remembered at definition
# dash: differs — dash rejects -h as an illegal option
set -h
f() { ls; if true; then cat </dev/null | wc -l; fi; "quoted"; echo hi; }
hash | sed 's,.*/,,' | sort
set +h
g() { tr; }
hash | grep -c '/tr$' || :
---- stdout
cat
ls
wc
0
