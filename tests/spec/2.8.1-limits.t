Limits a shell meets in real use: the stack (`ulimit -s`), runaway recursion, memory
(`ulimit -v`) and a history file that cannot grow. XCU 2.8.1 makes each an error that ends
the command (and a non-interactive shell) with a message: never a crash, a hang or an abort.

Cases that need `ulimit -v` first check that the shell starts at all under the limit: a
sanitizer build reserves terabytes of address space and cannot, and then the case prints the
expected lines unchecked (the Release run checks them).

#### nesting the parser allows still fits a small stack, or is a syntax error
# reason: XCU 2.8.1 — a construct too deep for the stack is refused with a message and status 2
# dash: differs — dash crashes (SIGSEGV) on several of these with a 256 KiB stack
rep() { r=; i=0; while [ "$i" -lt "$2" ]; do r=$r$1; i=$((i + 1)); done; }
deep() {
    rep "$1" 999; open=$r; rep "$3" 999
    printf '%s%s%s%s%s\n' "$5" "$open" "$2" "$r" "$6" > "$4.sh"
}
deep '(' ':' ')' paren
deep '{ ' ':' '; }' brace
deep 'echo $(' 'echo x' ')' cmdsub
deep 'if ' 'true' '; then :; fi' if
deep 'case x in x) ' ':' ';; esac' case
deep '${x:-' 'y' '}' param 'echo '
deep '(' '1' ')' arith 'echo $((' '))'
deep 'until ' 'true' '; do :; done' until
for stack in 8192 512 256; do
    for kind in paren brace cmdsub if case param arith until; do
        (ulimit -s "$stack"; "$TEST_SHELL" "$kind.sh") >/dev/null 2>err
        status=$?
        case $status in
        0) ;;
        2) grep -q 'too deep' err || echo "$stack $kind: status 2 without the message" ;;
        *) echo "$stack $kind: status $status" ;;
        esac
    done
done
echo done
---- stdout
done

#### runaway recursion ends the script with a message, whatever the stack
# reason: XCU 2.8.1 — dash stops functions at a fixed depth; vsh follows the stack it has
# dash: differs — dash reports eval, dot and trap recursion only through its function limit, and crashes on some
echo '. ./self.sh' > self.sh
for stack in 8192 512 256; do
    for script in 'f() { f; }; f' 'f() { eval f; }; f' '. ./self.sh' \
        'trap "kill -USR1 \$\$" USR1; kill -USR1 $$' 'f() { g; }; g() { f; }; f'; do
        (ulimit -s "$stack"; "$TEST_SHELL" -c "$script; echo not reached") >out 2>err
        status=$?
        [ "$status" = 2 ] || echo "$stack [$script]: status $status"
        [ -s out ] && echo "$stack [$script]: went on: $(cat out)"
        grep -q 'recursion too deep' err || echo "$stack [$script]: no message: $(head -c 200 err)"
    done
done
echo done
---- stdout
done

#### recursion through subshells and command substitutions ends too
# dash: differs — dash's fixed function limit
(ulimit -s 512; "$TEST_SHELL" -c 'f() { x=$(f); }; f; echo "status $?"') 2>err
(ulimit -s 512; "$TEST_SHELL" -c 'f() { (f); }; f; echo "status $?"') 2>>err
grep -c 'recursion too deep' err | sed 's/^[1-9][0-9]*$/reported/'
---- stdout
status 2
status 2
reported

#### a lower ulimit -s set by the script itself is followed
# dash: differs — dash's fixed function limit (1000) is below this
"$TEST_SHELL" -c 'f() { f; }; ulimit -s 1024; f' 2>err
echo "status $?"
grep -o 'ulimit -s [0-9]* KiB' err
---- stdout
status 2
ulimit -s 1024 KiB

#### an interactive shell goes on after runaway recursion
# dash: differs — dash's message
printf 'f() { f; }; f\necho "after $?"\n' | "$TEST_SHELL" -i 2>err
grep -c 'recursion too deep' err
---- stdout
after 2
1

#### running out of memory ends the command with a message, never an abort
# reason: XCU 2.8.1 — an error ends a script with a message and a non-zero status
# dash: differs — dash dies of SIGSEGV or "Out of space" differently
if (ulimit -v 100000; "$TEST_SHELL" -c :) 2>/dev/null; then
    for script in 'x=$(head -c 300000000 /dev/zero | tr "\0" a)' \
        'f() { yes; }; x=$(f)' 'x=$(yes)' 'x=a; while :; do x=$x$x; done' \
        'x=a; while :; do x="$x$x"; y=${#x}; done'; do
        (ulimit -v 100000; "$TEST_SHELL" -c "$script; echo not reached") >out 2>err
        status=$?
        [ "$status" = 2 ] || echo "[$script]: status $status"
        [ -s out ] && echo "[$script]: went on"
        grep -q 'out of memory' err || echo "[$script]: $(head -c 200 err)"
    done
    # An interactive shell reports it and reads the next command.
    printf 'x=$(yes)\necho "after $?"\n' | (ulimit -v 100000; "$TEST_SHELL" -i 2>/dev/null)
else
    echo 'after 2'
fi
---- stdout
after 2

#### a command substitution that runs out of memory leaves no child and no descriptor
# dash: differs — dash has no /proc listing of its own here, and dies differently
if (ulimit -v 100000; "$TEST_SHELL" -c :) 2>/dev/null; then
    # The listing waits until the shell is done starting it (its own spawn's descriptors).
    fds='/bin/sh -c "sleep 0.2; ls /proc/\$PPID/fd"'
    printf '%s\n' "$fds >a" 'x=$(yes)' "$fds >b" 'x=$(f() { yes; }; f)' "$fds >c" \
        'x=$(yes | cat)' "$fds >d" 'cmp -s a b && cmp -s b c && cmp -s c d && echo same fds' \
        'ps -o stat= --ppid $$ | grep -c Z || :' |
        (ulimit -v 100000; "$TEST_SHELL" -i 2>/dev/null)
else
    echo same fds; echo 0
fi
---- stdout
same fds
0

#### a history file that is not a regular file is neither read nor written
# dash: differs — dash has no history file
printf 'echo hi\n' | HISTFILE=/dev/zero "$TEST_SHELL" -i 2>err
echo "zero $?"
printf 'echo hi\n' | HISTFILE=/dev/full "$TEST_SHELL" -i 2>>err
echo "full $?"
grep -c vsh err || :
---- stdout
hi
zero 0
hi
full 0
0

#### a history file is never cut when the disk is full
# reason: the trim writes a new file and renames it; a write that fails leaves the old whole
# dash: differs — dash has no history file
i=0
while [ "$i" -lt 500 ]; do printf '#1700000000\necho command number %s\n' "$i"; i=$((i + 1)); done > hist
cp hist before
trap '' XFSZ
# 4 blocks of 512 bytes: the 100 entries kept (3.5 kB) cannot be written (EFBIG), like ENOSPC.
printf 'echo new\n' | (ulimit -f 4; HISTFILE=hist HISTFILESIZE=100 "$TEST_SHELL" -i 2>err >/dev/null)
cmp -s hist before && echo intact
grep -c 'history file hist: cannot trim it' err
ls
# With room, the trim keeps the newest 100 and the new command.
printf 'echo new\n' | HISTFILE=hist HISTFILESIZE=100 "$TEST_SHELL" -i >/dev/null 2>&1
grep -c '^echo command' hist
tail -n 1 hist
---- stdout
intact
1
before
err
hist
99
echo new
