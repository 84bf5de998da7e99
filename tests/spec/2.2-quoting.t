XCU 2.2 Quoting, and 2.6.7 Quote Removal.

#### backslash quotes the next character
echo \$HOME \"a\" \\ \'b\'
---- stdout
$HOME "a" \ 'b'

#### backslash-newline is a line continuation
echo ab\
cd
---- stdout
abcd

#### backslash-newline inside a word joins tokens
ec\
ho joined
---- stdout
joined

#### backslash quotes an operator character
echo a\;b a\|b a\&b a\>b
---- stdout
a;b a|b a&b a>b

#### backslash quotes a blank, keeping one field
set -- a\ b c
echo $#
---- stdout
2

#### single quotes keep everything literal
printf '%s\n' '$HOME `x` \n "q"'
---- stdout
$HOME `x` \n "q"

#### backslash inside single quotes is literal
printf '%s\n' 'a\'
---- stdout
a\

#### single quotes keep newlines
printf '%s\n' 'one
two'
---- stdout
one
two

#### empty single quotes make an empty argument
set -- '' ''
echo $#
---- stdout
2

#### double quotes allow parameter expansion
x=value
echo "x is $x"
---- stdout
x is value

#### double quotes allow command substitution
echo "a $(echo b) `echo c`"
---- stdout
a b c

#### double quotes allow arithmetic expansion
echo "$((2 + 3))"
---- stdout
5

#### backslash in double quotes escapes only $ ` " \ newline
# reason: XCU 2.2.3 — other backslashes are kept
printf '%s\n' "\$ \` \" \\ \a \n"
---- stdout
$ ` " \ \a \n

#### backslash-newline in double quotes is removed
echo "ab\
cd"
---- stdout
abcd

#### double quotes prevent field splitting
x='a   b'
printf '[%s]\n' "$x"
---- stdout
[a   b]

#### double quotes prevent pathname expansion
touch afile
echo "a*"
---- stdout
a*

#### single quote inside double quotes is literal
echo "it's"
---- stdout
it's

#### adjacent quoted parts form one word
printf '[%s]\n' 'a'"b"c\ d
---- stdout
[abc d]

#### quoted reserved word is not reserved
'if' 2>/dev/null
echo $?
---- stdout
127

#### empty double quotes make an empty argument
set -- "" a
echo $#
---- stdout
2

#### an unquoted empty expansion makes no argument
empty=
set -- $empty a
echo $#
---- stdout
1

#### quote removal leaves results of expansion alone
# reason: XCU 2.6.7 — only quotes in the original word are removed
x='"quoted"'
echo $x
---- stdout
"quoted"

#### backslash from an expansion is not a quote
x='a\b'
printf '%s\n' "$x" $x
---- stdout
a\b
a\b

#### dollar-single-quote: escapes
# reason: XCU 2.2.4 (POSIX.1-2024) — $'...' is dollar-single-quotes
# dash: differs — dash 0.5.12 predates POSIX.1-2024 and has no $'...'
printf '%s|' $'a\tb' $'c\nd' $'\x41\101' $'\\' $'\''
echo
---- stdout
a	b|c
d|AA|\|'|

#### dollar-single-quote: \e \a and control characters
# dash: differs — dash 0.5.12 has no $'...'
printf '%s' $'\e' $'\cA' | od -An -tx1 | tr -d ' '
---- stdout
1b01

#### dollar-single-quote: \u and \U follow the locale's character set
# dash: differs — dash 0.5.12 has no $'...'
LC_ALL=C.UTF-8 $TEST_SHELL -c "printf '%s' \$'\\u00e9\\U0001F600\\u41'" | od -An -tx1 | tr -d ' '
LC_ALL=C $TEST_SHELL -c "printf '%s|' \$'\\u00e9' \$'\\u41'"
echo
---- stdout
c3a9f09f988041
\u00E9|A|

#### dollar-single-quote inside double quotes is not special
x=1
echo "$'x'"
---- stdout
$'x'

#### dollar-single-quote joined with other quoting
# dash: differs — dash 0.5.12 has no $'...'
echo a$'\x62'"c"
---- stdout
abc
