XCU 2.6.1 Tilde Expansion.

#### tilde alone is HOME
[ ~ = "$HOME" ] && echo ok
---- stdout
ok

#### tilde with a path
[ ~/x = "$HOME/x" ] && echo ok
---- stdout
ok

#### quoted tilde is literal
echo "~" '~' \~
---- stdout
~ ~ ~

#### tilde in the middle of a word is literal
echo a~
---- stdout
a~

#### tilde follows HOME changes
HOME=/some/where
echo ~
---- stdout
/some/where

#### tilde after = in an assignment
HOME=/h
x=~/dir
echo $x
---- stdout
/h/dir

#### tilde after : in an assignment
HOME=/h
PATH_LIKE=/a:~/b:~
echo $PATH_LIKE
---- stdout
/a:/h/b:/h

#### tilde-user for root
echo ~root
---- stdout
/root

#### unknown user leaves the word
echo ~no_such_user_here
---- stdout
~no_such_user_here

#### tilde result is not field split
HOME='/a b'
set -- ~
echo $#
---- stdout
1

#### tilde in ${x:-~}
HOME=/h
unset u
echo ${u:-~}
---- stdout
/h

#### tilde in the pattern of a double-quoted ${x#~}
# reason: XCU 2.6.2 — the pattern word gets tilde expansion, and the double quotes around the expansion do not quote the pattern
HOME=/h
x=/h/a
echo "${x#~}" "${x#~/}" ${x#~}
y='~/z'
echo "${y#"~"}"
unset u
echo "${u:-~}"
---- stdout
/a a /a
/z
~

#### tilde with an empty HOME is no field
# reason: XCU 2.6.5 — an empty expansion of an unquoted word is removed
HOME=
set -- ~
echo $#
printf '[%s]' ~/x; echo
---- stdout
0
[/x]

#### tilde in an assignment argument of export and readonly
# reason: XCU 2.9.1.1 — such arguments of a declaration utility expand as assignments
HOME=/h
export a=~/x b=x:~:~/y
readonly c=~
echo $a $b $c
---- stdout
/h/x x:/h:/h/y /h

#### tilde in an assignment argument of command export
HOME=/h
command export a=~
echo $a
---- stdout
/h

#### tilde in an assignment argument of a declaration utility named by an expansion
# reason: XCU 2.9.1.1 — once the expanded command name is a declaration utility, its NAME=word arguments expand as assignments, tildes after '=' and ':' included
HOME=/h
e=export
$e a=~/x b=x:~:~/y
echo $a $b
---- stdout
/h/x x:/h:/h/y

#### quoted tilde in an export argument stays
HOME=/h
export a="~" b=\~ c=~"/x"
echo $a $b $c
---- stdout
~ ~ ~/x

#### no tilde expansion after = in an ordinary argument
HOME=/h
echo a=~ b=x:~
---- stdout
a=~ b=x:~

#### tilde in a trimming pattern is expanded inside double quotes too
# reason: XCU 2.2.3 — double quotes have no effect on a ${x#word} pattern, which gets tilde expansion (2.6.2)
HOME=/home/someone
p=/home/someone/docs
echo "${p#~}" "${p#~/}" "${p%~/docs}|"
echo "${p#\~}" "${p#'~'}"
---- stdout
/docs docs |
/home/someone/docs /home/someone/docs
