XCU 2.3 Token Recognition, 2.3.1 Alias Substitution, 2.4 Reserved Words.

#### comment runs to the end of the line
echo a # b c
echo d#e
---- stdout
a
d#e

#### hash inside a word does not start a comment
echo x#y '#z' \#w
---- stdout
x#y #z #w

#### operators need no blanks around them
echo a;echo b&&echo c||echo d
---- stdout
a
b
c

#### longest operator is recognised
true&&echo and
false||echo or
---- stdout
and
or

#### redirection operator splits a word
echo hi>out; cat out
---- stdout
hi

#### digits before a redirection form an IO number
echo x 2>/dev/null 1>out; cat out
---- stdout
x

#### digits separated from the operator are a word
echo 2 >out; cat out
---- stdout
2

#### blank lines and leading blanks are ignored
   
	echo   spaced    out   
---- stdout
spaced out

#### dollar followed by a non-name is literal
echo $ a$ "$"
---- stdout
$ a$ $

#### reserved word only in command position
echo if then else fi do done
---- stdout
if then else fi do done

#### reserved word after a semicolon is recognised
if true; then echo yes; fi
---- stdout
yes

#### braces are reserved words, not operators
{ echo a; }
---- stdout
a

#### brace needs a delimiter to be reserved
# reason: XCU 2.4 — `{echo` is a plain word, a command that is not found
{true 2>/dev/null
echo $?
---- stdout
127

#### close brace after a word is an argument
echo }
---- stdout
}

#### reserved word after assignment is an argument
x=1 if 2>/dev/null
echo $?
---- stdout
127

#### bang as a reserved word
! false
echo $?
---- stdout
0

#### in is reserved only in its place
for in in in; do echo $in; done
---- stdout
in

#### case pattern may look like a reserved word
case fi in fi) echo matched;; esac
---- stdout
matched

#### alias replaces a command word
alias say='echo said'
say hello
---- stdout
said hello

#### alias ending in a blank makes the next word eligible
alias run='command '
alias greet='echo hi'
run greet there
---- stdout
hi there

#### a blank-ended alias with several words makes the word after its text eligible
# reason: XCU 2.3.1 — the word checked is the one following the alias text, not the alias's second word
alias say='echo one ' obj='two'
say obj
---- stdout
one two

#### a word made eligible by a blank-ended alias is substituted even if spelt like a reserved word
# reason: XCU 2.3.1, 2.4 — an argument is not a reserved word, so its alias applies
alias say='echo ' fi='substituted'
say fi
---- stdout
substituted

#### the command name after an assignment is substituted even if spelt like a reserved word
# reason: XCU 2.4 — a word after a prefix assignment is not reserved; 2.3.1 applies to it
alias if='echo alias'
v=1 if word
if true; then echo reserved; fi
---- stdout
alias word
reserved

#### alias is not expanded in argument position
alias greet='echo hi'
echo greet
---- stdout
greet

#### quoted alias name is not expanded
alias greet='echo hi'
'greet' 2>/dev/null
echo $?
---- stdout
127

#### alias defined on a line applies to the next line
alias lateral='echo later'
lateral
---- stdout
later

#### recursive alias is expanded once
alias echo='echo wrapped'
echo x
---- stdout
wrapped x

#### alias may contain operators
alias both='echo one; echo two'
both
---- stdout
one
two

#### alias whose value starts with a newline
# reason: XCU 2.3.1 — the value replaces the word and is read as shell input: an empty line, then a command
alias nl='
echo after the newline'
nl
{ nl; }
if nl
then echo then; fi
---- stdout
after the newline
after the newline
after the newline
then

#### alias to a reserved word start
alias begin='{'
begin echo grouped; }
---- stdout
grouped

#### an alias with an empty value alone on a line is a blank line
# reason: XCU 2.3.1 — the alias's value replaces the word, leaving nothing before the newline
set -e
alias empty=''
empty
echo after
echo x; empty
{ empty
echo in-braces; }
---- stdout
after
x
in-braces

#### an empty alias on the line after && or | leaves the command to the next line
alias empty=''
true &&
empty
echo and-ok
echo piped |
empty
cat
---- stdout
and-ok
piped

#### an empty alias at the end of the input
alias empty=''
echo before
empty
---- stdout
before

#### unalias removes an alias
alias greet='echo hi'
unalias greet
greet 2>/dev/null
echo $?
---- stdout
127

#### alias with no operands lists aliases in reusable form
alias aa='echo x'
alias
---- stdout
aa='echo x'

#### alias NAME prints one alias
alias bb='b c'
alias bb
---- stdout
bb='b c'

#### alias of an unknown name fails
alias nosuchalias 2>/dev/null
echo $?
---- stdout
1

#### alias =value defines nothing and fails as an unknown name
# reason: XCU alias — an operand is name=value only with a name; dash and bash report "=x" not found
alias =x 2>/dev/null
echo "status $?"
alias
---- stdout
status 1

#### unalias -a removes all
alias a1=x a2=y
unalias -a
alias
echo done
---- stdout
done

#### a blank-ended alias makes the next word an alias candidate in any grammar position
# reason: XCU 2.3.1 — the next word after an alias whose value ends in a blank is checked too
alias f='for ' v='i' I='in ' one='1 2' D='do ' c='case ' s='x ' e='echo '
eval 'f v I one; D echo "[$i]"; done'
eval 'c s in x) echo case-x;; esac'
eval 'e e hi'
---- stdout
[1]
[2]
case-x
echo hi

#### a blank-ended alias can give a here-document its delimiter
alias h='cat << ' d='END'
eval 'h d
body
END
echo after'
---- stdout
body
after

#### an alias in a command substitution of a here-document keeps the delimiter line
# reason: XCU 2.7.4 — the body ends at the delimiter whatever the aliases inside it expand to
alias e='echo x'
eval 'cat <<EOF; cat <<E2
$(e y) $(e z)
EOF
$(e 2)
E2
echo done'
---- stdout
x y x z
x 2
done
