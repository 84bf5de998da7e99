The harness itself: how a case runs.

#### the script runs in an empty working directory that is also HOME
ls -A
[ "$PWD" = "$HOME" ] && echo same
---- stdout
same
---- status
0

#### stdin is /dev/null unless given
read line
echo "status $?"
---- stdout
status 1

#### stdin section feeds the script
read line
echo "got $line"
---- stdin
hello
---- stdout
got hello

#### exit status is compared
exit 3
---- status
3
