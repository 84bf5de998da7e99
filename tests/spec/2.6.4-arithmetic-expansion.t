XCU 2.6.4 Arithmetic Expansion.

#### basic operators
echo $((1 + 2)) $((7 - 10)) $((6 * 7)) $((17 / 5)) $((17 % 5))
---- stdout
3 -3 42 3 2

#### division truncates toward zero
echo $((-7 / 2)) $((-7 % 2)) $((7 / -2))
---- stdout
-3 -1 -3

#### precedence: multiplication before addition
echo $((2 + 3 * 4)) $(( (2 + 3) * 4 ))
---- stdout
14 20

#### unary operators
echo $((-5)) $((+5)) $((!0)) $((!7)) $((~0))
---- stdout
-5 5 1 0 -1

#### comparison operators give 0 or 1
echo $((1 < 2)) $((2 < 1)) $((2 <= 2)) $((3 > 2)) $((3 >= 4)) $((5 == 5)) $((5 != 5))
---- stdout
1 0 1 1 0 1 0

#### bitwise operators
echo $((12 & 10)) $((12 | 10)) $((12 ^ 10)) $((1 << 4)) $((256 >> 2))
---- stdout
8 14 6 16 64

#### logical operators
echo $((1 && 0)) $((1 && 2)) $((0 || 0)) $((0 || 3))
---- stdout
0 1 0 1

#### logical operators short-circuit
x=0
: $((0 && (x = 1)))
: $((1 || (x = 2)))
echo $x
---- stdout
0

#### conditional operator
echo $((1 ? 10 : 20)) $((0 ? 10 : 20))
---- stdout
10 20

#### conditional evaluates only the chosen branch
x=0
: $((1 ? 5 : (x = 9)))
echo $x
---- stdout
0

#### variables by name with and without $
a=6 b=7
echo $((a * b)) $(($a * $b))
---- stdout
42 42

#### unset variable is zero
unset z
echo $((z + 1))
---- stdout
1

#### variable holding an expression-looking number
n=010
echo $((n + 0))
---- stdout
8

#### octal and hex constants
echo $((010)) $((0x10)) $((0XfF))
---- stdout
8 16 255

#### assignment operators
x=10
echo $((x += 5)) $((x -= 3)) $((x *= 2)) $((x /= 4)) $((x %= 4)) $x
---- stdout
15 12 24 6 2 2

#### shift and bitwise assignment operators
x=1
echo $((x <<= 3)) $((x >>= 1)) $((x |= 1)) $((x &= 6)) $((x ^= 7))
---- stdout
8 4 5 4 3

#### plain assignment sets the variable
: $((y = 3 * 3))
echo $y
---- stdout
9

#### 64-bit arithmetic
echo $((9223372036854775807)) $((4294967296 * 2147483647))
---- stdout
9223372036854775807 9223372032559808512
---- status
0

#### products beyond 32 bits
echo $((4294967296 * 4))
echo $((1 << 40))
---- stdout
17179869184
1099511627776

#### division by zero is an error
echo $((1 / 0))
echo not reached
---- stderr-matches
division by
---- status
nonzero

#### modulo by zero is an error
(echo $((5 % 0))) 2>/dev/null
[ $? -ne 0 ] && echo error
---- stdout
error

#### syntax error in arithmetic fails the shell
echo $((1 +))
echo not reached
---- stderr-matches
"1 +"
---- status
nonzero

#### nested parentheses and spaces
echo $(( ( (1 + 2) * (3 + 4) ) ))
---- stdout
21

#### arithmetic inside double quotes
echo "$((3 * 3))"
---- stdout
9

#### parameter expansion inside arithmetic
x=4
echo $((${x} * 2)) $((${unset_var:-3} + 1))
---- stdout
8 4

#### command substitution inside arithmetic
echo $(( $(echo 5) + 1 ))
---- stdout
6

#### result is not field split or globbed when quoted
echo "$((1+1))x"
---- stdout
2x

#### negative numbers and subtraction
echo $((3 - -2)) $((- 3 - 2))
---- stdout
5 -5

#### conditional operator nests to the right
echo $((0 ? 1 : 0 ? 2 : 3))
---- stdout
3

#### assignment result is the new value
x=1
echo $(( (x = 5) + 1 )) $x
---- stdout
6 5

#### variable with leading spaces is a number
x=' 12'
echo $((x + 1))
---- stdout
13

#### division by zero in a pipeline stage fails that stage, not the shell
# reason: XCU 2.9.2 — each command of a multi-command pipeline runs in a subshell
echo $((1/0)) | cat
echo "first $?"
true | env true $((2/0))
echo "last $?"
---- stdout
first 0
last 2
---- stderr-matches
division by zero

#### invalid number in an asynchronous list fails the job, not the shell
x=abc
env true $((x)) &
wait $!
echo "job $?"
---- stdout
job 2
---- stderr-matches
abc

#### division by zero in an external command's $(...) fails the substitution only
x=$(env echo $((1/0)))
echo "after $? [$x]"
---- stdout
after 2 []
---- stderr-matches
division by zero

#### <<= and >>= in a pipeline stage assign only in that subshell
x=1 y=8
echo $((x<<=2)) $((y>>=1)) | cat
env echo $((x<<=3)) | cat
echo $x $y
---- stdout
4 4
8
1 8

#### an assignment that reaches arithmetic through a parameter stays in the subshell
# reason: XCU 2.12 — a command substitution and an asynchronous list run in subshell environments, so what their expansions assign is not seen by the shell
z='w+=1' w=5
r=$(echo $(( $z )))
echo "w=$w r=$r"
/bin/echo $(( $z )) >out &
wait
echo "w=$w out=$(cat out)"
x='y=3'
echo a | echo $(( $x ))
echo "y=${y-unset}"
---- stdout
w=5 r=6
w=5 out=6
3
y=unset

#### an arithmetic error in the redirection of a subshell's command ends only that command
# reason: XCU 2.8.1, 2.12 — the expansion error happens in the pipeline command's, command substitution's or asynchronous list's subshell, which alone exits
echo x | cat > f$((1/0)) 2>/dev/null
echo "after the pipeline $?"
out=$(cat < g$((1/0))) 2>/dev/null
echo "after \$(...) $?"
/bin/echo > h$((1/0)) 2>/dev/null &
wait
echo "after the background command"
---- stdout
after the pipeline 2
after $(...) 2
after the background command
---- stderr-matches
division by zero

#### an arithmetic error in a background command names that command's line
printf 'true\n/bin/echo $((1/0)) &\nwait\n' >bg.sh
$TEST_SHELL bg.sh 2>&1 | sed -n 's/.*bg\.sh: *\([0-9]*\):.*/line \1/p'
---- stdout
line 2

#### LINENO is a value in arithmetic, also under set -u
# reason: XCU 2.6.4 — a variable name in an expression is replaced by its value, as in $LINENO
# dash: differs — dash leaves LINENO empty in a script read from a file
echo $LINENO $((LINENO))
set -u
echo $((LINENO > 0)) $((LINENO + 1))
---- stdout
1 1
1 4
