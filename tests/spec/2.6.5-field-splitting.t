XCU 2.6.5 Field Splitting.

#### default IFS collapses runs of whitespace
x='  a   b  '
printf '[%s]' $x; echo
---- stdout
[a][b]

#### non-whitespace IFS delimits each field
IFS=:
x='a::b:'
printf '[%s]' $x; echo
---- stdout
[a][][b]

#### leading non-whitespace delimiter makes an empty first field
IFS=:
x=':a'
printf '[%s]' $x; echo
---- stdout
[][a]

#### trailing non-whitespace delimiter does not add a field
IFS=:
x='a:'
printf '[%s]' $x; echo
---- stdout
[a]

#### whitespace around a non-whitespace delimiter is part of it
IFS=' :'
x='a : b  c'
printf '[%s]' $x; echo
---- stdout
[a][b][c]

#### two non-whitespace delimiters with whitespace between
IFS=' :'
x='a : : b'
printf '[%s]' $x; echo
---- stdout
[a][][b]

#### empty IFS disables splitting
IFS=
x='a b:c'
printf '[%s]' $x; echo
---- stdout
[a b:c]

#### unset IFS splits like the default
unset IFS
x='a	b
c'
printf '[%s]' $x; echo
---- stdout
[a][b][c]

#### empty expansion unquoted vanishes
e=
printf '[%s]' a $e b; echo
---- stdout
[a][b]

#### expansion of only delimiters vanishes
IFS=:
x=':'
set -- $x
echo $#
---- stdout
1

#### only the results of expansions are split
IFS=:
x=a:b
printf '[%s]' c:d $x; echo
---- stdout
[c:d][a][b]

#### split parts join with adjacent text
x='a b'
printf '[%s]' pre${x}post; echo
---- stdout
[prea][bpost]

#### IFS with a letter
IFS=x
v=axbxc
printf '[%s]' $v; echo
---- stdout
[a][b][c]

#### command substitution results are split by IFS
IFS=,
printf '[%s]' $(echo 'a,b,,c'); echo
---- stdout
[a][b][][c]

#### arithmetic results are split too
IFS=1
printf '[%s]' $((515)); echo
---- stdout
[5][5]

#### IFS assignment before a command does not affect that command's own expansion
x='a:b'
IFS=: printf '[%s]' $x; echo
---- stdout
[a:b]

#### for loop over a split variable
list='one two  three'
for w in $list; do echo $w; done
---- stdout
one
two
three

#### read uses IFS
IFS=: read a b c <<EOF
1:2:3:4
EOF
echo "$a|$b|$c"
---- stdout
1|2|3:4

#### quoted empty string survives while unquoted one does not
e=
set -- "$e" $e
echo $#
---- stdout
1

#### tab-only IFS
IFS='	'
x='a b	c'
printf '[%s]' $x; echo
---- stdout
[a b][c]

#### assignment argument of command export is not split
# reason: XCU 2.9.1.1 — `command` keeps export a declaration utility
x='a  b'
command export y=$x
echo "$y"
---- stdout
a  b

#### export named by an expansion still takes unsplit assignment arguments
# reason: XCU 2.9.1.1 — the command name is the first field after expansion; a declaration utility found there expands its NAME=word arguments as assignments
words='a  b  c'
e=export r=readonly
$e x=$words
$r y=$words
echo "[$x] [$y]"
---- stdout
[a  b  c] [a  b  c]

#### command and export both from one expansion keep the declaration
words='p  q'
cmd='command export'
$cmd x=$words other=$words
echo "[$x] [$other]"
c=command e=export
$c $e y=$words
echo "[$y]"
---- stdout
[p  q] [p  q]
[p  q]

#### export in a pipeline or a command substitution takes unsplit assignment arguments
# reason: XCU 2.9.1.1 — a declaration utility's NAME=word arguments are not split, wherever the command runs
w='a  1=b'
export x=$w 2>&1 | cat
readonly y=$w 2>&1 | cat
out=$(export z=$w 2>&1)
echo "[$out]"
---- stdout
[]

#### a dynamic command name that is not a declaration utility still splits
words='a  b'
e=echo
$e x=$words
c=command
$c echo y=$words
---- stdout
x=a b
y=a b

#### a multibyte IFS character splits at whole characters
# reason: XCU 2.6.5 — IFS holds characters; in UTF-8 é must not split at a byte of ã
# dash: differs — dash has no multibyte support and splits at single bytes
LC_ALL=C.UTF-8
IFS=$(printf '\303\251')
x=$(printf 'a\303\243b\303\251c')
set -- $x
echo $#
IFS=
printf '%s\n' "$1" | od -An -tx1 | tr -d ' '
---- stdout
2
61c3a3620a

#### "$*" joins with a whole multibyte first character of IFS
# dash: differs — dash has no multibyte support and joins with the first byte
LC_ALL=C.UTF-8
set -- a b
IFS=$(printf '\303\251x')
printf '%s\n' "$*" | od -An -tx1 | tr -d ' '
---- stdout
61c3a9620a
