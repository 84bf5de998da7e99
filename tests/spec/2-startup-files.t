Start-up files (man vsh, STARTUP FILES): a login shell (-l, or an argv[0] that starts with
'-') reads /etc/profile and ~/.profile, even with -c or a script; a shell that is not
interactive reads no rc file, neither ~/.vshrc nor $ENV. HOME is the case's own directory.
The machine's /etc/profile may change PATH, so these cases use builtins only after it.

#### -c reads neither ~/.profile nor ~/.vshrc
echo 'echo profile' > .profile
echo 'echo rc' > .vshrc
$TEST_SHELL -c 'echo cmd'
---- stdout
cmd

#### -l -c reads ~/.profile before the command string, and no rc file
# reason: as dash, which reads the profiles in every login shell
echo 'from_profile=yes' > .profile
echo 'echo rc' > .vshrc
$TEST_SHELL -l -c 'echo "profile:$from_profile"'
---- stdout
profile:yes

#### a login shell reading a script reads ~/.profile first
echo 'echo profile' > .profile
echo 'echo script "$0"' > s.sh
$TEST_SHELL -l s.sh
---- stdout
profile
script s.sh

#### argv[0] with a leading dash makes a login shell, and $0 keeps it
# reason: login(1) and sshd start a login shell as "-sh"; $0 shows that, as in bash and dash
echo 'echo profile' > .profile
ln -s "$TEST_SHELL" ./-lsh
PATH=.:$PATH -lsh -c 'echo "$0"'
---- stdout
profile
-lsh

#### a non-interactive shell ignores ENV
echo 'echo from-env' > "$PWD/envfile"
ENV=$PWD/envfile $TEST_SHELL -c 'echo cmd'
---- stdout
cmd

#### $- gains no letter in a login shell
$TEST_SHELL -l -c 'case $- in *l*) echo l;; *) echo none;; esac'
---- stdout
none

#### --noprofile: a login shell without the profiles
# dash: differs — dash has no long options
echo 'echo profile' > .profile
$TEST_SHELL -l --noprofile -c 'echo cmd'
---- stdout
cmd

#### an error in ~/.profile is reported with file and line, and the rest runs
# dash: differs — dash exits 2 at an error in a profile of a non-interactive login shell; vsh goes on, so a mistake there cannot lock anyone out
printf 'x=1\nfi\necho "after $x"\n' > .profile
$TEST_SHELL -l -c 'echo cmd'
---- stdout
after 1
cmd
---- stderr-matches
.profile:2: syntax error

#### exit in ~/.profile ends the login shell
printf 'exit 6\necho no\n' > .profile
$TEST_SHELL -l -c 'echo no'
echo "status $?"
---- stdout
status 6

#### logout outside a login shell is an error with status 1
# dash: differs — dash has no logout (bash does, with this status)
logout
echo "status $?"
---- stdout
status 1
---- stderr-matches
logout: not login shell

#### logout ends a login shell with its status
# dash: differs — dash has no logout
$TEST_SHELL -l -c 'logout 4; echo no'
echo "status $?"
---- stdout
status 4

#### -n in a non-interactive login shell runs nothing from the profiles
echo 'echo profile' > .profile
echo 'echo script' > s.sh
$TEST_SHELL -n -l s.sh
echo "status $?"
---- stdout
status 0
