XCU 2.9.1 Simple Commands: assignments, command search and execution.

#### assignment before an external command is exported to it only
x=outer
x=inner sh -c 'echo $x'
echo $x
---- stdout
inner
outer

#### assignment before an external does not stay in the shell
unset y
y=tmp env >/dev/null
echo "[${y-unset}]"
---- stdout
[unset]

#### assignment before a special builtin persists
# reason: XCU 2.14 — assignments before special built-ins affect the current environment
unset z
z=kept :
echo "[$z]"
---- stdout
[kept]

#### assignment before a regular builtin does not persist
# reason: XCU 2.9.1.2 — only special built-ins keep the assignment
unset z
z=gone true
echo "[${z-unset}]"
---- stdout
[unset]

#### assignment before a function is visible inside it
f() { echo "in f: $v"; }
v=fn f
---- stdout
in f: fn

#### redirections are performed before assignments are expanded
# reason: XCU 2.9.1.1 — step 3 (redirections) comes before step 4 (assignment expansion)
x=$(echo builtin >&2) true 2>f1
x=$(echo external >&2) /bin/sh -c : 2>f2
g() { :; }
x=$(echo function >&2) g 2>f3
cat f1 f2 f3
---- stdout
builtin
external
function

#### without a command name, redirections are performed before assignments are expanded
# reason: XCU 2.9.1.1 — the order of steps 3 and 4 holds when no command name results
x=$(echo seen-in-file >&2) 2>f
echo "[$x]"
cat f
---- stdout
[]
seen-in-file

#### a failed redirection leaves an assignment-only command's variables unassigned
# reason: XCU 2.9.1.1 — the redirection, done first, fails and the command ends there
y=old
y=new 2>/dev/null >nonexistent/f
[ $? -gt 0 ] && echo failed
echo "y=$y"
---- stdout
failed
y=old
---- stderr-any

#### the trace of an assignment-only command goes to the shell's standard error
# reason: XCU 2.14 set -x — the trace is written before the command's own redirections
set -x
z=$(echo a) 2>/dev/null
set +x
---- stderr-matches
z=a

#### assignments before a name trace to the shell's standard error
set -x
v=$(echo b) : 2>/dev/null
set +x
---- stderr-matches
v=b :

#### assignments are done left to right
a=1 b=$a
echo $b
---- stdout
1

#### assignments before a command see the earlier ones
# reason: as in dash and bash, each prefix assignment is expanded after the ones before it
a=old b=old
a=new b=$a sh -c 'echo external $a $b'
f() { echo function $a $b; }
a=new b=$a f
a=new b=$a eval 'echo special $a $b'
a=old b=old
a=new b=$a command eval 'echo regular $a $b'
echo after $a $b
---- stdout
external new new
function new new
special new new
regular new new
after old old

#### assignments before a command see the earlier ones in a pipeline, $(...) and &
# reason: the parent expands these commands' words for the child; the order is the same
a=old b=old
a=new b=$a sh -c 'echo stage $a $b' | cat
echo "$(a=new b=$a sh -c 'echo substitution $a $b')"
a=new b=$a sh -c 'echo background $a $b' &
wait
echo after $a $b
---- stdout
stage new new
substitution new new
background new new
after old old

#### a readonly earlier assignment before a command is an error
readonly r=1
r=2 s=$r sh -c 'echo ran'
echo not reached
---- stdout
---- stderr-matches
r: is read only
---- status
nonzero

#### assignment before exec without a command is not exported
# reason: as dash: the variable is set in the shell, and only exec with a command exports it
unset a
a=b exec 3>&1
echo "shell: $a"
env | grep '^a=' || echo "not in the environment"
---- stdout
shell: b
not in the environment

#### assignment-only command sets variables
x=1 y=2
echo $x$y
---- stdout
12

#### assignment with a command substitution status
x=$(false)
echo $?
x=$(true)
echo $?
---- stdout
1
0

#### words after expansion to nothing leave no command
e=
$e
echo "status $?"
---- stdout
status 0

#### expansion to nothing with an assignment
e=
x=set $e
echo $x
---- stdout
set

#### first word from an expansion is the command
cmd='echo expanded'
$cmd word
---- stdout
expanded word

#### search: function before external
ls() { echo "function ls"; }
ls
---- stdout
function ls

#### search: slash in the name bypasses PATH
mkdir bin
printf '#!/bin/sh\necho local\n' > bin/tool
chmod +x bin/tool
bin/tool
./bin/tool
---- stdout
local
local

#### search: PATH order
mkdir p1 p2
printf '#!/bin/sh\necho one\n' > p1/t
printf '#!/bin/sh\necho two\n' > p2/t
chmod +x p1/t p2/t
PATH=$PWD/p1:$PWD/p2:$PATH t
PATH=$PWD/p2:$PWD/p1:$PATH t
---- stdout
one
two

#### search: non-executable earlier in PATH is skipped
mkdir p1 p2
printf '#!/bin/sh\necho one\n' > p1/t
printf '#!/bin/sh\necho two\n' > p2/t
chmod +x p2/t
PATH=$PWD/p1:$PWD/p2:$PATH t
---- stdout
two

#### search: assignment to PATH before the command is used for the search
mkdir p
printf '#!/bin/sh\necho found\n' > p/onlyhere
chmod +x p/onlyhere
PATH=$PWD/p:$PATH onlyhere
---- stdout
found

#### command runs the utility, not the function
echo() { printf 'function\n'; }
command echo utility
---- stdout
utility

#### command -v names a builtin, a function and a path
f() { :; }
command -v cd
command -v f
command -v sh
---- stdout
cd
f
/usr/bin/sh

#### command -v names an alias in reusable form
alias ll='ls -l'
command -v ll
---- stdout
alias ll='ls -l'

#### command -V describes
command -V true | grep -q builtin && echo ok
---- stdout
ok

#### command makes a special builtin not exit the shell on error
command set -o no_such_option 2>/dev/null
echo survived
---- stdout
survived

#### command prevents assignments from persisting for special builtins
unset q
q=1 command :
echo "[${q-unset}]"
---- stdout
[unset]

#### command -p uses the default PATH
PATH=/nowhere
command -p sh -c 'echo default path'
---- stdout
default path

#### argument zero of an external is the command name
printf '#!/bin/sh\necho "$0"\n' > me
chmod +x me
./me
---- stdout
./me

#### external gets the exported environment
export EXPORTED=yes
NOT_EXPORTED=no
sh -c 'echo "${EXPORTED-} ${NOT_EXPORTED-unset}"'
---- stdout
yes unset

#### hash remembers nothing needed for correctness
hash -r
sh -c 'echo ok'
---- stdout
ok

#### a remembered command that was removed is searched for again in PATH
# reason: XCU 2.9.1.4 — if the remembered location fails, the shell repeats the search
# dash: differs — dash keeps the stale location and reports "not found"
mkdir first second
PATH=$PWD/first:$PWD/second:$PATH
printf '#!/bin/sh\necho from second\n' >second/tool_vsh
chmod +x second/tool_vsh
tool_vsh
printf '#!/bin/sh\necho from first\n' >first/tool_vsh
chmod +x first/tool_vsh
rm second/tool_vsh
tool_vsh
echo "status $?"
---- stdout
from second
from first
status 0

#### a remembered command that lost its execute permission is searched for again
# reason: XCU 2.9.1.4 — if the remembered location fails, the shell repeats the search
mkdir first second
PATH=$PWD/first:$PWD/second:$PATH
printf '#!/bin/sh\necho from first\n' >first/tool_vsh
printf '#!/bin/sh\necho from second\n' >second/tool_vsh
chmod +x first/tool_vsh second/tool_vsh
tool_vsh
chmod -x first/tool_vsh
tool_vsh
---- stdout
from first
from second

#### redirection-only command creates the file
> created
[ -f created ] && echo yes
---- stdout
yes

#### a command with only assignments returns 0 normally
false
x=1
echo $?
---- stdout
0

#### external command status passes through
sh -c 'exit 42'
echo $?
---- stdout
42

#### "not found" goes where the command's standard error is redirected
# reason: XCU 2.9.1.6 — the diagnostic belongs to the command; its redirections apply to it
nonexistent_command_vsh 2>/dev/null
echo "status $?"
nonexistent_command_vsh 2>&1 | sed 's/.*not found.*/seen in the pipe/'
---- stdout
status 127
seen in the pipe

#### a file with the ELF magic that cannot be executed is not run as a script
# reason: XCU 2.9.1.6 — the shell may refuse a file that is not text; an ELF header never is
printf '\177ELF\necho ran-as-script\n' >elfish
chmod +x elfish
./elfish
echo "status=$?"
---- stdout
status=126
---- stderr-matches
Exec format error
