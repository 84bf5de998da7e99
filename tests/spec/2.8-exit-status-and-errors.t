XCU 2.8 Exit Status and Errors.

#### command not found is 127
no_such_command_xyz 2>/dev/null
echo $?
---- stdout
127

#### command not found names the command on stderr
no_such_command_xyz
---- stderr-matches
no_such_command_xyz
---- status
127

#### found but not executable is 126
printf 'echo hi\n' > script
chmod 644 script
./script 2>/dev/null
echo $?
---- stdout
126

#### a directory is not executable: 126
mkdir dir
./dir 2>/dev/null
echo $?
---- stdout
126

#### executable without #! runs as a shell script
# reason: XCU 2.9.1.4 — ENOEXEC means the shell runs the file as a script
printf 'echo from-script "$1"\n' > script
chmod 755 script
./script arg
---- stdout
from-script arg

#### an executable binary the system cannot run is not run as a script: 126
# reason: XCU 2.9.1.4 — a file that is not text may be refused (error message, status 126)
printf '\177ELF\000\001echo ran as a script\n' > prog
chmod 755 prog
./prog
echo "status $?"
---- stdout
status 126
---- stderr-matches
prog

#### exit status of a signal death is 128 plus the signal
sh -c 'kill -9 $$'
echo $?
---- stdout
137
---- stderr-matches
Killed

#### a subshell killed by a signal: 128 plus the signal, reported on stderr
(kill -TERM $(exec sh -c 'echo $PPID'); echo not reached)
echo "status $?"
---- stdout
status 143
---- stderr-matches
Terminated

#### shell killed by a signal
kill -TERM $$
echo not reached
---- status
143

#### exit with a value
exit 7
---- status
7

#### exit without a value uses the last status
false
exit
---- status
1

#### script's status is its last command's
false
---- status
1

#### syntax error exits with 2
# reason: XCU 2.10 — commands are parsed one complete command at a time, so `before` runs
echo before
if then fi
echo after
---- stdout
before
---- stderr-matches
syntax error
---- status
2

#### syntax error: unexpected token
echo a ;;
---- stderr-matches
syntax error
---- status
2

#### syntax error: unclosed quote
echo 'unterminated
---- stderr-matches
syntax error
---- status
2

#### syntax error: missing done
while true; do echo x
---- stderr-matches
syntax error
---- status
2

#### syntax error is found before running the line's commands
# reason: XCU 2.10 — the complete command is parsed before it runs
echo first
echo second; fi
---- stdout
first
---- stderr-matches
syntax error
---- status
2

#### syntax error in eval fails the (sub)shell with 2
(eval 'if') 2>/dev/null
echo "status $?"
---- stdout
status 2

#### special builtin error exits a non-interactive shell
# reason: XCU 2.8.1 — special built-in utility error is fatal
set -o no_such_option 2>/dev/null
echo not reached
---- status
nonzero

#### regular builtin error does not exit the shell
cd /no/such/dir 2>/dev/null
[ $? -ne 0 ] && echo still here
---- stdout
still here

#### variable assignment error on a readonly variable exits the shell
readonly r=1
r=2
echo not reached
---- stderr-matches
r: is read only
---- status
nonzero

#### readonly variable assigned before an external command exits the shell
# reason: XCU 2.9.1 — the assignment is an error even though it only reaches the program's environment
readonly r=1
r=2 ls /dev/null
echo not reached
---- stderr-matches
r
---- status
2

#### readonly assignment before an external fails only the subshell, job or pipeline stage
readonly r=1
(r=2 ls /dev/null; echo not reached); echo "subshell $?"
r=2 ls /dev/null & wait $!; echo "job $?"
x=$(r=2 ls /dev/null; echo not reached); echo "substitution $? $x"
r=2 ls /dev/null | cat
echo "pipeline $?"
---- stdout
subshell 2
job 2
substitution 2 
pipeline 0
---- stderr-matches
r: is read only

#### expansion error in a non-interactive shell exits
unset u
echo ${u?gone}
echo not reached
---- stderr-matches
u: gone
---- status
nonzero

#### command not found does not exit the shell
no_such_command_xyz 2>/dev/null
echo continues
---- stdout
continues

#### status of a pipeline with a missing command
no_such_command_xyz 2>/dev/null | cat
echo $?
true | no_such_command_xyz 2>/dev/null
echo $?
---- stdout
0
127

#### status is at most 255
exit 256
---- status
0

#### command -v on a missing command is non-zero
command -v no_such_command_xyz
[ $? -ne 0 ] && echo not found
---- stdout
not found

#### an error in a command substitution names the substitution's line
echo \
  $(nosuch_in_substitution) done
---- stdout
done
---- stderr-matches
2: nosuch_in_substitution

#### an expansion error in the words of for names the line
# reason: XCU 2.8.1 — a diagnostic from a script says where it happened
:
for i in a ${unset_in_for?}; do echo $i; done
---- stderr-matches
2: unset_in_for
---- status
2

#### an expansion error in a case subject names the line
echo first
case ${unset_in_case?} in *) ;; esac
---- stdout
first
---- stderr-matches
2: unset_in_case
---- status
2

#### a for loop run as a background job names the line of its error
:
for i in ${unset_in_job?}; do :; done &
wait
---- stderr-matches
2: unset_in_job

#### a case pattern's expansion error names the pattern's line
# dash: differs — dash names the line of the case keyword
case x in
  y) ;;
  ${unset_in_pattern?}) ;;
esac
---- stderr-matches
3: unset_in_pattern
---- status
2

#### a construct cut off by end of input names what it expected
echo before
if true; then
---- stdout
before
---- stderr-matches
expecting "fi"
---- status
2

#### a child that cannot be created is reported, with a failure status
# reason: XCU 2.8.1 — an error creating a process is a failure, never an empty success
# dash: differs — dash's ulimit has no -u (and dash exits at the first failed fork)
# (cd in f, in the second $(...) and in the ( ) makes them need a child: a body of builtins
# that change nothing, or only variables, runs in the shell with no process.)
script='ulimit -u 1; f() { cd / && echo hi; }; x=$(f); echo "subst=$? [$x]"; x=$(cd / && exit 3); echo "exit=$?"; f | cat; echo "stage=$?"; /bin/echo x | f; echo "last=$?"; (cd / && echo sub); echo "sub=$?"'
if [ "$(id -u)" = 0 ]; then
    # root is not held by RLIMIT_NPROC: run as nobody.
    cd / && setpriv --reuid=65534 --regid=65534 --clear-groups "$TEST_SHELL" -c "$script" 2>/dev/null
else
    "$TEST_SHELL" -c "$script" 2>/dev/null
fi
---- stdout
subst=2 []
exit=2
stage=126
last=2
sub=2
