XCU 2.7 Redirection.

#### output redirection creates and truncates
echo first > f
echo second > f
cat f
---- stdout
second

#### append redirection
echo one > f
echo two >> f
cat f
---- stdout
one
two

#### input redirection
printf 'line\n' > f
read x < f
echo $x
---- stdout
line

#### read-write redirection opens without truncating
echo abc > f
cat <> f
---- stdout
abc

#### read-write redirection creates the file
: <> newfile
[ -f newfile ] && echo created
---- stdout
created

#### IO number selects the descriptor
echo err 1>&2 2>f
cat f
{ echo to-stderr >&2; } 2>g
cat g
---- stdout
to-stderr
---- stderr-matches
err

#### duplicate output descriptor
{ echo out; echo err >&2; } > f 2>&1
cat f
---- stdout
out
err

#### order of redirections matters
{ echo err >&2; } 2>&1 > f
echo "[$(cat f)]"
---- stdout
err
[]

#### order: 2>&1 after > f sends both to the file
sh_err() { echo err >&2; }
sh_err > f 2>&1
cat f
---- stdout
err

#### closing a descriptor with >&-
(echo closed >&-) 2>/dev/null
echo $?
---- stdout
1

#### closing stdin with <&-
(cat <&-) 2>/dev/null
[ $? -ne 0 ] && echo failed
---- stdout
failed

#### duplicating input with <&
echo data > f
exec 3< f
cat <&3
exec 3<&-
---- stdout
data

#### noclobber refuses to overwrite
echo old > f
set -C
(echo new > f) 2>/dev/null
[ $? -ne 0 ] && echo refused
cat f
---- stdout
refused
old

#### >| overrides noclobber
echo old > f
set -C
echo new >| f
cat f
---- stdout
new

#### noclobber still allows appending and /dev/null
set -C
echo a >> g
echo b >> g
echo x > /dev/null
cat g
---- stdout
a
b

#### noclobber allows creating a new file
set -C
echo fresh > newf
cat newf
---- stdout
fresh

#### redirection on a builtin is undone afterwards
echo to-file > f
echo to-stdout
cat f
---- stdout
to-stdout
to-file

#### redirection on a function call is undone afterwards
f() { echo in-function; }
f > out
echo after
cat out
---- stdout
after
in-function

#### redirection on a compound command
{ echo a; echo b; } > f
while read l; do echo "got $l"; done < f
---- stdout
got a
got b

#### exec with redirections only changes the shell's descriptors
exec 3>&1
exec > f
echo hidden
exec 1>&3 3>&-
echo shown
cat f
---- stdout
shown
hidden

#### exec opens a descriptor for later commands
exec 4> f
echo via-4 >&4
exec 4>&-
cat f
---- stdout
via-4

#### redirection target is expanded
name=out
echo x > "$name.txt"
cat out.txt
---- stdout
x

#### redirection target is not field split
name='a b'
echo x > $name
cat 'a b'
---- stdout
x

#### redirection to a missing directory fails the command only
echo x > nodir/f
[ $? -ne 0 ] && echo failed
---- stdout
failed
---- stderr-matches
cannot create nodir/f

#### redirection error on a special builtin exits the shell
# reason: XCU 2.8.1 — a redirection error with a special builtin is fatal
: > nodir/f
echo not reached
---- stderr-matches
cannot create nodir/f
---- status
nonzero

#### input from a missing file fails
cat < missing 2>/dev/null
[ $? -ne 0 ] && echo failed
---- stdout
failed
---- stderr-matches
cannot open missing

#### redirection before the command name
> f echo before
cat f
---- stdout
before

#### redirection in the middle of arguments
echo a > f b
cat f
---- stdout
a b

#### several redirections of one descriptor: last wins
echo x > a > b
echo "[$(cat a)] [$(cat b)]"
---- stdout
[] [x]

#### here-string style via here-doc on a descriptor
cat 3<<EOF <&3
three
EOF
---- stdout
three

#### redirection with a descriptor above 2
{ echo on-five >&5; } 5> f
cat f
---- stdout
on-five

#### dup of a closed descriptor is an error
echo x >&7
[ $? -ne 0 ] && echo failed
---- stdout
failed
---- stderr-matches
7

#### dup of a descriptor closed by an earlier redirection of the same command
# reason: XCU 2.7 — redirections are evaluated from beginning to end
exec 3>f
echo builtin 3>&- >&3 || echo builtin failed
cat /dev/null 3>&- <&3 || echo external failed
{ echo compound; } 3>&- >&3 || echo compound failed
cat f
---- stdout
builtin failed
external failed
compound failed
---- stderr-matches
3: bad file descriptor

#### a redirection that fails for want of descriptors says so
# reason: XCU 2.8.1 — a redirection error is reported; with ulimit -n 5 vsh cannot keep its copies
# dash: differs — dash cannot save the descriptor either ("1: Invalid argument"), runs echo with standard output closed and prints no status line
(
  ulimit -n 5
  echo a > f
  echo "status $?"
  cat <<EOF
x
EOF
  echo "status $?"
)
---- stdout
status 1
status 1
---- stderr-matches
cannot create f
cannot create here-document

#### pipeline stage redirections
echo data | cat > f
cat f
---- stdout
data

#### redirection of a subshell
(echo sub; echo err >&2) > f 2>&1
cat f
---- stdout
sub
err

#### redirection on while loop output
i=0
while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done > f
cat f
---- stdout
0
1
2

#### variables set in a redirected loop persist
# reason: XCU 2.9.4 — a redirected compound command is not a subshell
i=0
while [ $i -lt 3 ]; do i=$((i+1)); done > /dev/null
echo $i
---- stdout
3

#### a redirected file gets mode 0666 minus umask
umask 022
: > f
ls -l f | cut -c1-10
---- stdout
-rw-r--r--

#### many commands with redirections, pipes and substitutions leak no descriptor and leave no zombie
# reason: every descriptor the shell opens for itself is close-on-exec and closed again, and every child is reaped; the shell counts its own descriptors (a child listing them would race with the shell closing a pipe end)
before=0; for f in /proc/$$/fd/*; do before=$((before + 1)); done
i=0
while [ $i -lt 100 ]; do
    /bin/true </dev/null >/dev/null 2>&1 3</dev/null
    x=$(/bin/echo hi)
    /bin/true | /bin/true
    /bin/true &
    i=$((i + 1))
done
wait
after=0; for f in /proc/$$/fd/*; do after=$((after + 1)); done
[ "$before" = "$after" ] && echo "descriptors unchanged"
ps -o stat= --ppid $$ | grep -c Z || :
---- stdout
descriptors unchanged
0

#### /dev/stdout after an earlier redirection names the new standard output
# reason: XCU 2.7 — redirections are done in order, so 2>/dev/stdout follows >f
sh -c 'echo to-err >&2' >f 2>/dev/stdout
{ echo to-err2 >&2; } >g 2>/dev/stdout
echo files:
cat f g
---- stdout
files:
to-err
to-err2

#### /dev/stdout and /dev/stdin in a pipeline name the pipe
# reason: XCU 2.9.2 — the pipe is connected before the command's own redirections
/bin/echo one >/dev/stdout | sed 's/^/got /'
echo two | cat </dev/stdin | sed 's/^/got /'
x=$(/bin/echo three >/dev/stdout)
echo "substituted [$x]"
/bin/echo four >/dev/fd/1 | sed 's/^/got /'
---- stdout
got one
got two
substituted [three]
got four

#### a background command reading a FIFO does not stop the shell, which opens the writing end next
# reason: XCU 2.9.3.1 — the asynchronous list's redirections are performed in its own process; opening a FIFO blocks until the other end is opened
mkfifo p
head -c 3 < p &
echo abcdef > p
wait
echo
echo done
---- stdout
abc
done

#### a background command writing a FIFO does not stop the shell, which reads it next
mkfifo p
echo from-writer > p &
cat < p
wait
---- stdout
from-writer

#### a pipeline stage opening a FIFO does not keep the other stages from starting
# reason: XCU 2.9.2 — each stage is its own process, so the stage that writes the FIFO starts while the reader waits for it
mkfifo p
cat < p | tr a-z A-Z &
/bin/echo data > p
wait
---- stdout
DATA

#### an external command with a FIFO redirection in the middle of a script gets its status
mkfifo p
{ sleep 1; echo late; } > p &
cat < p
echo "status $?"
cat < p 2>/dev/null >/dev/null & sleep 1; : > p
wait $!
echo "reader $?"
---- stdout
late
status 0
reader 0

#### a background job blocked opening a FIFO can be killed
mkfifo p
cat < p &
kill $!
wait $!
echo "status $?"
---- stdout
status 143
---- stderr-matches
Terminated

#### a redirection that cannot save the shell's descriptor leaves it as it was
# reason: XCU 2.7 — a redirection that fails fails its command; the shell's own output goes on
# dash: differs — dash loses its standard output in some of these
ulimit -n 24
for top in 13 14 15 16 17 18 19 20 21 22 23; do
    "$TEST_SHELL" -c "i=3; while [ \$i -le $top ]; do eval \"exec \$i</dev/null\" 2>/dev/null; i=\$((i+1)); done; echo a >/dev/null; echo alive; echo x | cat | cat >/dev/null; echo alive" 2>/dev/null
done | sort | uniq -c | tr -s ' '
---- stdout
 22 alive
