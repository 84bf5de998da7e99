XCU 2.9.4 Compound Commands: grouping, for, case, if, while, until.

#### subshell does not change the shell
x=1
(x=2; echo "in $x")
echo "out $x"
---- stdout
in 2
out 1

#### subshell cd does not change the directory
mkdir d
(cd d)
[ -d d ] && ls -d d
---- stdout
d

#### subshell exit status
(exit 3)
echo $?
---- stdout
3

#### exit in a subshell leaves only the subshell
(exit 1; echo no)
echo yes
---- stdout
yes

#### a ( ) run in the shell and one that must fork agree
# reason: XCU 2.9.4.1 — the same subshell environment whatever runs it; the `: </dev/null` that starts each second ( ) makes it fork
x=1 n=0
f() { x=$1; export EXP=$1; echo "f $x $#"; }
same() { [ "$1" = "$2" ] && echo "$3: $1" || echo "$3 differs: $1 / $2"; }
a=$( (x=2; echo "in $x"); echo "out $x $?" ); b=$( (: </dev/null; x=2; echo "in $x"); echo "out $x $?" ); same "$a" "$b" vars
a=$( (exit 3; echo no); echo "$?" ); b=$( (: </dev/null; exit 3; echo no); echo "$?" ); same "$a" "$b" exit
a=$( (f p q; echo "$EXP"; /usr/bin/env | grep '^EXP='); echo "after ${EXP-unset} $x" ); b=$( (: </dev/null; f p q; echo "$EXP"; /usr/bin/env | grep '^EXP='); echo "after ${EXP-unset} $x" ); same "$a" "$b" program
a=$( (echo a; /bin/echo b; echo c | cat; echo d) ); b=$( (: </dev/null; echo a; /bin/echo b; echo c | cat; echo d) ); same "$a" "$b" order
a=$( (set -e; false; echo no) ; echo "$?" ); b=$( (: </dev/null; set -e; false; echo no) ; echo "$?" ); same "$a" "$b" set-e
a=$(set -e; (false; echo still) && echo and; echo "$?" ); b=$(set -e; (: </dev/null; false; echo still) && echo and; echo "$?" ); same "$a" "$b" set-e-and
a=$(set -e; (false); echo "not reached"); b=$(set -e; (: </dev/null; false); echo "not reached"); same "$a|$?" "$b|$?" set-e-subshell
a=$( ( (x=3; exit 5); echo "inner $? $x") ); b=$( (: </dev/null; (x=3; exit 5); echo "inner $? $x") ); same "$a" "$b" nested
a=$( (eval 'x=4; echo "eval $x"'); echo "$x" ); b=$( (: </dev/null; eval 'x=4; echo "eval $x"'); echo "$x" ); same "$a" "$b" eval
echo "after: x=$x n=$n EXP=${EXP-unset}"
---- stdout
vars: in 2
out 1 0
exit: 3
program: f p 2
p
EXP=p
after unset 1
order: a
b
c
d
set-e: 1
set-e-and: still
and
0
set-e-subshell: |1
nested: inner 5 1
eval: eval 4
1
after: x=1 n=0 EXP=unset

#### a ( ) of one command known once expanded: ( "$@" ), (eval "$code")
# reason: XCU 2.9.4.1, 2.14 eval — expanded before it is known whether the body needs a child; the words are expanded once, errors are reported once
set -u
m() { ( eval "case \${1:-} in ($2) :;; (*) false;; esac" ) && echo "$1 matches $2" || echo "$1 does not match $2"; }
m abc 'a*'; m abc 'b*'
v=orig
set -- eval 'v=changed; echo "in: $v"'
( "$@" ); echo "out: $v"
code='cd / && pwd'
(eval "$code"); pwd | sed "s|^$PWD\$|unchanged|"
(eval 'if') 2>&1 | grep -c 'expecting "then"'
(eval "echo \$nope") 2>&1 | grep -c nope
was=${LC_ALL-unset}; (eval "export LC_ALL=POSIX; echo \${LC_ALL}"); [ "${LC_ALL-unset}" = "$was" ] && echo "LC_ALL as it was"
echo done
---- stdout
abc matches a*
abc does not match b*
in: changed
out: orig
/
unchanged
1
1
POSIX
LC_ALL as it was
done

#### brace group runs in the current shell
x=1
{ x=2; }
echo $x
---- stdout
2

#### brace group needs the terminator
{ echo a; echo b
}
---- stdout
a
b

#### nested subshells
( (echo deep) )
---- stdout
deep

#### for over words
for i in a b c; do echo $i; done
---- stdout
a
b
c

#### for without in uses "$@"
set -- 'x y' z
for i; do echo "[$i]"; done
---- stdout
[x y]
[z]

#### for with in and no words runs nothing
for i in; do echo never; done
echo "status $?"
---- stdout
status 0

#### for variable keeps the last value
for i in 1 2 3; do :; done
echo $i
---- stdout
3

#### for with a newline before do
for i in a b
do
  echo $i
done
---- stdout
a
b

#### for over a glob
touch f1 f2
for f in f*; do echo $f; done
---- stdout
f1
f2

#### for loop status is the last body command's
for i in 1; do false; done
echo $?
---- stdout
1

#### case matches the first pattern
case abc in a*) echo first;; *c) echo second;; esac
---- stdout
first

#### case with alternatives
case two in one|two|three) echo matched;; esac
---- stdout
matched

#### case with no match returns 0
false
case x in y) echo no;; esac
echo $?
---- stdout
0

#### case with ;& falls through
# reason: XCU 2.9.4.3 (POSIX.1-2024) — ;& continues into the next clause's body
# dash: differs — dash 0.5.12 predates POSIX.1-2024 fallthrough
case a in a) echo one;& b) echo two;; c) echo three;; esac
---- stdout
one
two

#### a program in a body that falls through is not the script's last command
# reason: XCU 2.9.4.3 (POSIX.1-2024) — the next body still runs after it, so the shell may not replace itself with the program
# dash: differs — dash 0.5.12 predates POSIX.1-2024 fallthrough
case a in a) /bin/echo one;& b) /bin/echo two;& c) echo three;; esac
---- stdout
one
two
three

#### case word is expanded, pattern is expanded
w=hello
p='h*'
case $w in $p) echo pattern-var;; esac
---- stdout
pattern-var

#### quoted pattern matches literally
case 'a*' in "a*") echo literal;; esac
case abc in "a*") echo wrong;; *) echo no-glob;; esac
---- stdout
literal
no-glob

#### case last clause may omit ;;
case x in x) echo last
esac
---- stdout
last

#### case pattern with leading parenthesis
case y in (y) echo paren;; esac
---- stdout
paren

#### case empty word matches empty pattern
e=
case $e in '') echo empty;; esac
---- stdout
empty

#### case status is the body's
case a in a) false;; esac
echo $?
---- stdout
1

#### case on multiple lines
case b in
  a)
    echo a
    ;;
  b)
    echo b
    ;;
esac
---- stdout
b

#### if then
if true; then echo yes; fi
---- stdout
yes

#### if else
if false; then echo yes; else echo no; fi
---- stdout
no

#### elif chain
x=2
if [ $x = 1 ]; then echo one
elif [ $x = 2 ]; then echo two
else echo other
fi
---- stdout
two

#### if with no branch taken is 0
false
if false; then :; fi
echo $?
---- stdout
0

#### if status is the branch's last command
if true; then sh -c 'exit 4'; fi
echo $?
---- stdout
4

#### if condition may be a list
if false; true; then echo last-counts; fi
---- stdout
last-counts

#### while loop
i=0
while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done
---- stdout
0
1
2

#### while that never runs returns 0
false
while false; do :; done
echo $?
---- stdout
0

#### until loop
i=0
until [ $i -ge 2 ]; do echo $i; i=$((i + 1)); done
---- stdout
0
1

#### while reading lines
printf 'a b\nc\n' > f
while read first rest; do echo "$first|$rest"; done < f
---- stdout
a|b
c|

#### break leaves the loop
for i in 1 2 3; do
  [ $i = 2 ] && break
  echo $i
done
---- stdout
1

#### continue skips to the next iteration
for i in 1 2 3; do
  [ $i = 2 ] && continue
  echo $i
done
---- stdout
1
3

#### break 2 leaves two loops
for i in a b; do
  for j in 1 2; do
    [ $j = 2 ] && break 2
    echo $i$j
  done
done
echo out
---- stdout
a1
out

#### continue 2 continues the outer loop
for i in a b; do
  for j in 1 2; do
    [ $j = 2 ] && continue 2
    echo $i$j
  done
  echo never
done
---- stdout
a1
b1

#### break larger than the nesting leaves all loops
for i in 1 2; do
  for j in 1 2; do break 5; done
  echo never
done
echo done
---- stdout
done

#### break inside while in a function
f() {
  while true; do
    break
  done
  echo after-loop
}
f
---- stdout
after-loop

#### break and continue run by eval act on the enclosing loop
# reason: XCU eval — the words are run as a command in the current environment
for i in 1 2 3; do
  eval continue
  echo never
done
for i in 1 2; do
  for j in a b; do eval 'break 2'; echo never; done
  echo never
done
echo "$i$j"
---- stdout
1a

#### break in a dot script acts on the loop around the dot command
printf 'break\n' > leave
for i in 1 2; do . ./leave; echo never; done
echo "i=$i"
---- stdout
i=1

#### loop status after break is 0
for i in 1; do false; break; done
echo $?
---- stdout
0

#### nested compound commands
for i in 1 2; do
  if [ $i = 1 ]; then
    case $i in 1) echo "one";; esac
  else
    while :; do echo "two"; break; done
  fi
done
---- stdout
one
two

#### reserved words on separate lines
if
true
then
echo yes
fi
---- stdout
yes

#### subshell with redirections and background
(echo a; echo b) > f &
wait
cat f
---- stdout
a
b
