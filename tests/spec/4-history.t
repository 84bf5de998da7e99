history: `!` history expansion happens only in an interactive shell, and the history builtin
(a bash extension).  Interactive cases start `$TEST_SHELL -i` with commands on standard input
and empty prompts; Debian's dash has no history, so those cases say `# dash: differs`.

#### a script never expands !
echo one
echo !! !$ !1 !-1 !echo
x=!!; echo "$x"
---- stdout
one
!! !$ !1 !-1 !echo
!!

#### a -c string never expands !
$TEST_SHELL -c 'echo a; echo !!; ^a^b' 2>/dev/null
echo "status $?"
---- stdout
a
!!
status 127

#### eval and dot files in an interactive shell do not expand !
# dash: differs: no history expansion (Debian's dash has no history)
printf 'echo dot !!\n' > dotfile
PS1= PS2= HISTFILE= $TEST_SHELL -i 2>/dev/null <<'END'
echo first
eval 'echo eval !!'
. ./dotfile
END
---- stdout
first
eval !!
dot !!

#### the expanded line is shown on stderr, then run, and it is what history keeps
# dash: differs: no history expansion (Debian's dash has no history)
PS1= PS2= HISTFILE= $TEST_SHELL -i 2>err <<'END'
echo alpha beta
!!
echo !$ !^
^beta^gamma
fc -l
END
cat err
---- stdout
alpha beta
alpha beta
beta alpha
gamma alpha
1	echo alpha beta
2	echo alpha beta
3	echo beta alpha
4	echo gamma alpha
echo alpha beta
echo beta alpha
echo gamma alpha

#### an event not found is an error and the line does not run
# dash: differs: no history expansion (Debian's dash has no history)
PS1= PS2= HISTFILE= $TEST_SHELL -i <<'END'
echo one
echo !nothere; echo ran
echo after
END
---- stdout
one
after
---- stderr-matches
!nothere: event not found

#### ! before a blank, =, ( or the end, after $, and inside single quotes stays
PS1= PS2= HISTFILE= $TEST_SHELL -i 2>/dev/null <<'END'
echo one
echo '!!' "wow!" x!=y !
if ! false; then echo negated; fi
: & wait; [ -n "$!" ] && echo pid
END
---- stdout
one
!! wow! x!=y !
negated
pid

#### set +H turns history expansion off
# dash: differs: no history expansion (Debian's dash has no history)
PS1= PS2= HISTFILE= $TEST_SHELL -i 2>/dev/null <<'END'
echo one
set +H
echo !!
set -o | grep histexpand
END
---- stdout
one
!!
histexpand      off

#### history lists the commands, history N the last N, history -c empties the list
# dash: differs: no history builtin
PS1= PS2= HISTFILE= $TEST_SHELL -i 2>/dev/null <<'END'
echo a
echo b
history
history 2
history -c
history
END
---- stdout
a
b
    1  echo a
    2  echo b
    2  echo b
    3  history
    1  history -c

#### HISTCONTROL=ignoreboth leaves out blank-led and repeated commands
# dash: differs: no history builtin
PS1= PS2= HISTFILE= HISTCONTROL=ignoreboth $TEST_SHELL -i 2>/dev/null <<'END'
echo a
echo a
 echo hidden
echo b
history
END
---- stdout
a
a
hidden
b
    1  echo a
    2  echo b

#### HISTCONTROL=ignorespace and ignoredups one at a time
# dash: differs: no history builtin
PS1= PS2= HISTFILE= HISTCONTROL=ignorespace $TEST_SHELL -i 2>/dev/null <<'END'
echo a
echo a
 echo hidden
history
END
PS1= PS2= HISTFILE= HISTCONTROL=ignoredups $TEST_SHELL -i 2>/dev/null <<'END'
 echo c
echo d
echo d
history
END
---- stdout
a
a
hidden
    1  echo a
    2  echo a
c
d
d
    1   echo c
    2  echo d

#### history rejects a non-number and an unknown option
# dash: differs: no history builtin
PS1= PS2= HISTFILE= $TEST_SHELL -i 2>/dev/null <<'END'
history x
echo "status $?"
history -z
echo "status $?"
END
---- stdout
status 1
status 2

#### every command is appended to HISTFILE, multi-line ones whole, and HISTFILESIZE trims it
# dash: differs: no history file (Debian's dash has no history)
PS1= PS2= HISTFILE=$PWD/hist HISTFILESIZE=2 $TEST_SHELL -i 2>/dev/null <<'END'
echo one
for w in a b
do echo $w
done
echo two
END
grep -v '^#' hist
ls -l hist | cut -c1-10
---- stdout
one
a
b
two
for w in a b
do echo $w
done
echo two
-rw-------

#### HISTSIZE=0 keeps no history, in the list or the file
# dash: differs: no history builtin
PS1= PS2= HISTFILE=$PWD/hist HISTSIZE=0 $TEST_SHELL -i 2>/dev/null <<'END'
echo one
history
END
[ -s hist ] && echo "file has lines"
echo done
---- stdout
one
done

#### +H on the command line keeps history expansion off in an interactive shell
# reason: an option given on the command line wins over the interactive default
# dash: differs — dash has no history expansion
printf 'echo one\necho !!\nset -o | grep histexpand\n' | $TEST_SHELL -i +H 2>/dev/null
---- stdout
one
!!
histexpand      off
