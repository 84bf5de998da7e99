fc: the history list of an interactive shell (XCU fc).  Each case starts `$TEST_SHELL -i` with
its commands on standard input (not a terminal: no line editing, but the history list and fc
work as on a terminal).  Prompts go to standard error, which is not compared.  Debian's dash
is built without history and has no fc, so every case says `# dash: differs`.

#### fc -l lists the earlier commands, numbered, without itself
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
echo a
echo b
fc -l
EOF
---- stdout
a
b
1	echo a
2	echo b

#### the fc -l line is entered after it runs
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
echo a
fc -l
fc -l -1
EOF
---- stdout
a
1	echo a
2	fc -l

#### fc -l with a range, in reverse, and with -n
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
: one
: two
: three
fc -l 1 2
fc -l 3 2
fc -lr 1 2
fc -ln 2 2
EOF
---- stdout
1	: one
2	: two
3	: three
2	: two
2	: two
1	: one
	: two

#### fc -l clamps numbers beyond the list and finds commands by their start
# reason: XCU fc: a range naming numbers not in the list is not an error
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
echo first
: second
fc -l 1 99
fc -l ech 1
EOF
---- stdout
first
1	echo first
2	: second
1	echo first

#### a multi-line command is listed with its further lines after a tab
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
for i in 1 2
do :
done
fc -l
EOF
---- stdout
1	for i in 1 2
	do :
	done

#### fc -l with no match is an error and the shell goes on
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>err <<'EOF'
echo a
fc -l nosuch
echo status $?
EOF
grep -c nosuch err
---- stdout
a
status 1
1

#### fc -s re-runs the previous command in the current shell
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
n=0
n=$((n + 1))
fc -s
fc -s
echo $n
EOF
---- stdout
3

#### fc -s old=new first substitutes the first occurrence
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
echo aa aa
: other
fc -s a=b echo
EOF
---- stdout
aa aa
ba aa

#### fc -s shows the command on stderr and enters it instead of itself
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>err <<'EOF'
echo hi
fc -s hi=ho
fc -l
EOF
grep -c 'echo ho$' err
---- stdout
hi
ho
1	echo hi
2	echo ho
1

#### redirections on fc apply to the command it runs
# reason: XCU fc: redirections used with fc affect the command that results
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
echo captured
fc -s >out
EOF
cat out
---- stdout
captured
captured

#### fc runs FCEDIT on the commands and then runs what it wrote
# dash: differs: no fc (Debian's dash has no history)
printf '#!/bin/sh\nsed "s/one/two/" "$1" >"$1.new" && mv "$1.new" "$1"\n' >edit.sh
chmod +x edit.sh
HISTFILE= FCEDIT=$PWD/edit.sh $TEST_SHELL -i 2>/dev/null <<'EOF'
echo one
fc
fc -l
EOF
---- stdout
one
two
1	echo one
2	echo two

#### fc -e names the editor; a failing editor runs nothing and enters nothing
# reason: XCU fc: a non-zero editor status suppresses the entry and the re-execution
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
echo one
fc -e false
echo status $?
fc -l
EOF
---- stdout
one
status 1
1	echo one
2	echo status $?

#### HISTFILE keeps the list for the next shell, multi-line commands whole
# dash: differs: no fc (Debian's dash has no history)
HISTFILE=$PWD/hist $TEST_SHELL -i 2>/dev/null <<'EOF'
echo saved
if true
then :
fi
EOF
HISTFILE=$PWD/hist $TEST_SHELL -i 2>/dev/null <<'EOF'
fc -l
EOF
---- stdout
saved
1	echo saved
2	if true
	then :
	fi

#### HISTSIZE limits the list, and numbers go on rising
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= HISTSIZE=2 $TEST_SHELL -i 2>/dev/null <<'EOF'
: a
: b
: c
fc -l
EOF
---- stdout
2	: b
3	: c

#### fc with an unknown option is a usage error
# dash: differs: no fc (Debian's dash has no history)
HISTFILE= $TEST_SHELL -i 2>/dev/null <<'EOF'
fc -z
echo status $?
EOF
---- stdout
status 2
