XCU 2.6.6 Pathname Expansion and 2.14 Pattern Matching Notation.

#### star matches names in sorted order
touch b a c
echo *
---- stdout
a b c

#### question mark matches one character
touch a1 a22 b1
echo a?
---- stdout
a1

#### bracket expression
touch a1 a2 a3 b1
echo a[12]
---- stdout
a1 a2

#### bracket range
touch x1 x5 x9
echo x[1-5]
---- stdout
x1 x5

#### bracket negation with !
touch a1 a2 a3
echo a[!2]
---- stdout
a1 a3

#### character class
touch f1 fa fB
echo f[[:digit:]] f[[:upper:]] f[[:lower:]]
---- stdout
f1 fB fa

#### dot-files are not matched by star
touch .hidden visible
echo *
---- stdout
visible

#### explicit leading dot matches dot-files
touch .hidden visible
echo .h*
---- stdout
.hidden

#### no match leaves the word unchanged
echo nothing*here
---- stdout
nothing*here

#### quoted metacharacters do not glob
touch ab
echo "a"* 'a*' a\*
---- stdout
ab a* a*

#### slash must be matched explicitly
mkdir d
touch d/f
echo */f
echo *f
---- stdout
d/f
*f

#### glob in a directory component
mkdir d1 d2
touch d1/x d2/x
echo d*/x
---- stdout
d1/x d2/x

#### set -f disables pathname expansion
touch a
set -f
echo *
set +f
echo *
---- stdout
*
a

#### glob from a variable expansion
touch one two
p='o*'
echo $p "$p"
---- stdout
one o*

#### glob results are not split again
touch 'a b'
for f in a*; do echo "[$f]"; done
---- stdout
[a b]

#### right bracket first in a bracket expression
touch ']' a b
echo []a]
---- stdout
] a

#### bracket with no closing is literal
touch '[a'
echo [a
---- stdout
[a

#### star does not match dot-dot entries
touch .x
echo .*  | tr ' ' '\n' | grep -v '^\.\.\?$'
---- stdout
.x

#### pattern matching in case uses the same notation
for w in abc a.c x; do
  case $w in a?c) echo "$w 3";; [!a]*) echo "$w not-a";; esac
done
---- stdout
abc 3
a.c 3
x not-a

#### case pattern with character class
case 7 in [[:digit:]]) echo digit;; esac
---- stdout
digit

#### backslash in a pattern quotes the next character
touch 'a*'  ab
echo a\*
---- stdout
a*

#### glob with no match in a for loop keeps the word
for f in *.none; do echo "$f"; done
---- stdout
*.none

#### star in the middle of a name
touch pre-mid-post pre-post other
echo pre*post
---- stdout
pre-mid-post pre-post

#### backslash from an expansion quotes the next pattern character
# reason: XCU 2.14.1 — a backslash escapes the next character; dash, bash and yash agree
touch 'a*b' ab
x='a\*'
printf '[%s]' $x*; echo
---- stdout
[a*b]

#### backslash from an expansion stays when no pattern character is active
touch 'x*y'
x='x\*y' y='a\b'
printf '[%s]' $x $y; echo
---- stdout
[x\*y][a\b]

#### escaped backslash from an expansion matches a backslash
touch 'a\b' ab
x='a\\?'
printf '[%s]' $x; echo
---- stdout
[a\b]

#### backslash from an expansion in a case pattern
p='a\*'
case 'a*' in $p) echo star;; *) echo no;; esac
case 'ab' in $p) echo ab;; *) echo no;; esac
---- stdout
star
no

#### backslash from an expansion in ${x#pattern}
v='a*b' p='\*'
echo ${v#a$p} ${v%$p*}
---- stdout
b a

#### quoted ! or ^ at the start of a bracket expression is a member
# reason: XCU 2.14.1 — a quoted character in a pattern matches itself
for s in '!' '^' a b; do
  case $s in ["!"a]) printf '%s:1 ' "$s";; esac
  case $s in [\^a]) printf '%s:2 ' "$s";; esac
done
echo
---- stdout
!:1 ^:2 a:1 a:2 

#### quoted - in a bracket expression is no range
for s in a b c -; do case $s in [a"-"c]) printf '%s ' "$s";; esac; done
echo
---- stdout
a c - 

#### quoted ! in a bracket expression in pathname expansion
touch '!x' ax bx
echo [\!a]x
---- stdout
!x ax

#### quoted colon does not open a character class
for s in a ':' 'a]'; do case $s in [[":"alpha:]]) printf '<%s>' "$s";; esac; done
echo
---- stdout
<a]>
