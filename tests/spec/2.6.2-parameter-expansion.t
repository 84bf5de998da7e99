XCU 2.6.2 Parameter Expansion: every ${} form, with and without the colon.

#### ${x:-word} with x unset, empty, set
unset x; echo "${x:-d}"
x=; echo "${x:-d}"
x=v; echo "${x:-d}"
---- stdout
d
d
v

#### ${x-word} with x unset, empty, set
unset x; echo "[${x-d}]"
x=; echo "[${x-d}]"
x=v; echo "[${x-d}]"
---- stdout
[d]
[]
[v]

#### ${x:=word} assigns when unset or empty
unset x; echo "${x:=a}" "$x"
x=; echo "${x:=b}" "$x"
x=v; echo "${x:=c}" "$x"
---- stdout
a a
b b
v v

#### ${x=word} assigns only when unset
unset x; echo "${x=a}" "$x"
x=; echo "[${x=b}]" "[$x]"
---- stdout
a a
[] []

#### ${x:?word} fails when unset or empty
x=
(: "${x:?is empty}") 2>/dev/null
[ $? -ne 0 ] && echo failed
x=v
echo "${x:?never}"
---- stdout
failed
v

#### ${x:?word} writes word to stderr and exits a non-interactive shell
unset x
echo "${x:?custom message}"
echo not reached
---- stderr-matches
custom message
---- status
nonzero

#### ${x?word} fails only when unset
x=
echo "[${x?unset}]"
unset x
(echo "${x?unset}") 2>/dev/null || echo failed
---- stdout
[]
failed

#### ${x:?} with no word gives a default message
unset x
(echo "${x:?}") 2>/dev/null
[ $? -ne 0 ] && echo failed
---- stdout
failed

#### ${x:+word} with x unset, empty, set
unset x; echo "[${x:+alt}]"
x=; echo "[${x:+alt}]"
x=v; echo "[${x:+alt}]"
---- stdout
[]
[]
[alt]

#### ${x+word} with x unset, empty, set
unset x; echo "[${x+alt}]"
x=; echo "[${x+alt}]"
x=v; echo "[${x+alt}]"
---- stdout
[]
[alt]
[alt]

#### ${#x} is the length
x=hello; echo ${#x}
x=; echo ${#x}
unset x; echo ${#x}
---- stdout
5
0
0

#### ${#} is the number of parameters
set -- a b c
echo ${#}
---- stdout
3

#### ${x%word} removes the smallest suffix
x=file.tar.gz
echo ${x%.*}
---- stdout
file.tar

#### ${x%%word} removes the largest suffix
x=file.tar.gz
echo ${x%%.*}
---- stdout
file

#### ${x#word} removes the smallest prefix
x=/usr/local/bin
echo ${x#*/}
---- stdout
usr/local/bin

#### ${x##word} removes the largest prefix
x=/usr/local/bin
echo ${x##*/}
---- stdout
bin

#### pattern removal with no match leaves the value
x=abc
echo ${x%z} ${x#z} ${x%%z} ${x##z}
---- stdout
abc abc abc abc

#### pattern removal with bracket expressions
x=abc123
echo ${x%%[0-9]*} ${x##*[a-z]}
---- stdout
abc 123

#### quoted pattern is literal
x='a*b*c'
echo "${x#"a*"}" ${x%'*c'}
---- stdout
b*c a*b

#### pattern from a variable is a pattern when unquoted
x=abcabc
p='b*'
echo ${x%$p} "${x%"$p"}"
---- stdout
abca abcabc

#### word in ${x:-word} is expanded
y=inner
unset x
echo ${x:-$y} ${x:-$(echo cmd)} ${x:-$((1+1))}
---- stdout
inner cmd 2

#### word is not expanded when not used
x=set
echo ${x:-$(echo side >&2; echo unused)}
---- stdout
set

#### unquoted ${x:-a b} is split
unset x
set -- ${x:-a b}
echo $#
---- stdout
2

#### quoted "${x:-a b}" stays one field
unset x
set -- "${x:-a b}"
echo $#
---- stdout
1

#### ${x=word} assignment takes the quoted word
unset x
: "${x=a  b}"
echo "$x"
---- stdout
a  b

#### ${1:-default} on positional parameters
set --
echo ${1:-none}
set -- given
echo ${1:-none}
---- stdout
none
given

#### cannot assign to a positional parameter with ${1=x}
set --
(: ${1=x}) 2>/dev/null
[ $? -ne 0 ] && echo error
---- stdout
error

#### braces delimit the name
x=a
echo ${x}b $xb.
---- stdout
ab .

#### nested expansion in word
unset a b
c=deep
echo ${a:-${b:-$c}}
---- stdout
deep

#### single quotes inside ${x:-'...'} outside double quotes
unset x
echo ${x:-'a  b'}
---- stdout
a  b

#### ${x#*} removes nothing; ${x##*} removes everything
x=abc
echo "[${x#*}]" "[${x##*}]"
---- stdout
[abc] []

#### suffix removal with ? pattern
x=abcd
echo ${x%?} ${x%??}
---- stdout
abc ab

#### right brace inside quoted word
unset x
echo "${x:-a}b}"
---- stdout
ab}

#### ${x:-} with empty word
unset x
echo "[${x:-}]"
---- stdout
[]

#### special parameters in ${}
set -- a b
echo ${#} ${1} ${@} ${*}
---- stdout
2 a a b a b

#### ${10} needs braces, checked with default
set -- 1 2 3 4 5 6 7 8 9
echo ${10:-ten}
---- stdout
ten

#### $@ in ${x:-"$@"} keeps fields
set -- 'a b' c
unset x
printf '[%s]' ${x:-"$@"}; echo
---- stdout
[a b][c]

#### a bad substitution fails when expanded, not when parsed
# reason: dash and bash parse ${x!y} and fail only when it is expanded
if false; then echo ${x//a/b}; fi
echo reached
echo ${x!y}
echo not reached
---- stdout
reached
---- stderr-matches
bad substitution
---- status
nonzero

#### assigning LC_ALL changes what ${#x} and ? count as a character
# reason: XCU 2.5.3 — LC_CTYPE (or LC_ALL over it) decides how bytes form characters
# dash: differs — dash has no multibyte support and always counts bytes
x=$(printf 'h\303\251')
LC_ALL=C.UTF-8
echo ${#x} ${x#h?}
case $x in h?) echo one;; *) echo other;; esac
LC_ALL=C
echo ${#x}
case $x in h?) echo one;; h??) echo two;; esac
unset LC_ALL
LC_CTYPE=C.UTF-8 LANG=C
echo ${#x}
---- stdout
2
one
3
two
2

#### ${x=} and ${x?} in the redirections of a subshell's command act in the subshell
# reason: XCU 2.12 — pipeline commands, command substitutions and asynchronous lists run in subshell environments: their assignments are lost and their expansion errors end only them
echo x | cat > ${v=file1}
echo "v=${v-unset}"
/bin/echo bg > ${b=file2} &
wait
echo "b=${b-unset}"
cat <<END | cat
${h=here}
END
echo "h=${h-unset}"
out=$(cat < ${nope?unset}) 2>/dev/null
echo "after \$(...) $?"
echo x | cat < ${nope?unset} 2>/dev/null
echo "after the pipeline $?"
cat file1 file2
---- stdout
v=unset
b=unset
here
h=unset
after $(...) 2
after the pipeline 2
x
bg
---- stderr-matches
nope: unset
