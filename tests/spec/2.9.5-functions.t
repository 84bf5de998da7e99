XCU 2.9.5 Function Definition Command.

#### define and call
greet() { echo "hello $1"; }
greet world
---- stdout
hello world

#### function positional parameters are restored
f() { set -- changed; echo $1; }
set -- original
f
echo $1
---- stdout
changed
original

#### $# and $@ in a function
f() { echo $#; printf '[%s]' "$@"; echo; }
f 'a b' c
---- stdout
2
[a b][c]

#### $0 is not changed by a function call
f() { case $0 in */case.sh) echo script;; *) echo "changed to $0";; esac; }
f
---- stdout
script

#### return sets the status
f() { return 3; }
f
echo $?
---- stdout
3

#### return without a value uses the last status
f() { false; return; }
f
echo $?
---- stdout
1

#### status without return is the last command's
f() { true; false; }
f
echo $?
---- stdout
1

#### return leaves the function early
f() { echo a; return; echo b; }
f
---- stdout
a

#### return inside a loop in a function
f() {
  for i in 1 2 3; do
    [ $i = 2 ] && return 5
    echo $i
  done
}
f
echo $?
---- stdout
1
5

#### recursion
fact() {
  if [ $1 -le 1 ]; then echo 1; return; fi
  echo $(( $1 * $(fact $(($1 - 1))) ))
}
fact 10
---- stdout
3628800

#### deep-ish recursion with variables
count() { [ $1 -gt 0 ] && count $(($1 - 1)); n=$1; }
count 100
echo $n
---- stdout
100

#### variables are global unless local
f() { v=set-in-f; }
f
echo $v
---- stdout
set-in-f

#### redefinition replaces the function
f() { echo one; }
f() { echo two; }
f
---- stdout
two

#### body may be any compound command
f() ( echo subshell body; x=changed )
x=orig
f
echo $x
---- stdout
subshell body
orig

#### body as if command
f() if [ "$1" = y ]; then echo yes; else echo no; fi
f y
f n
---- stdout
yes
no

#### redirection on the definition applies at each call
f() { echo into-file; } > out
f
echo second >> out
f
cat out
---- stdout
into-file

#### redirection on the definition is expanded at call time
f() { echo data; } > "$target"
target=t1; f
target=t2; f
cat t1 t2
---- stdout
data
data

#### function name can be used before definition only after definition runs
g 2>/dev/null || echo undefined
g() { echo defined; }
g
---- stdout
undefined
defined

#### unset -f removes a function
f() { echo f; }
unset -f f
f 2>/dev/null
echo $?
---- stdout
127

#### function defined inside a function
outer() { inner() { echo inner; }; }
outer
inner
---- stdout
inner

#### definition status is 0
false
f() { :; }
echo $?
---- stdout
0

#### function called from a pipeline and substitution
f() { echo "x$1"; }
echo "$(f 1)"
f 2 | cat
---- stdout
x1
x2

#### exit in a function leaves the shell
f() { exit 4; }
f
echo not reached
---- status
4

#### function name with underscores and digits
my_func2() { echo ok; }
my_func2
---- stdout
ok

#### function definition on several lines
f()
{
  echo multi
}
f
---- stdout
multi

#### local variable scope
# reason: not POSIX; dash, bash, ksh93 (typeset) and mksh give a function its own copy
f() { local v=inner; echo $v; }
v=outer
f
echo $v
---- stdout
inner
outer

#### local without a value keeps the variable unset until assigned, scoped
# reason: dash semantics: `local v` without a value keeps the outer value visible
v=outer
f() { local v; echo "[$v]"; v=changed; }
f
echo $v
---- stdout
[outer]
outer

#### local is visible in called functions
g() { echo "g sees $v"; }
f() { local v=dynamic; g; }
f
---- stdout
g sees dynamic
