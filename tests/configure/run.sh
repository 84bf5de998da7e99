#!/bin/sh
# Runs our own Autoconf/Automake configure script under a reference shell (dash) and under
# the shell under test, each in a fresh copy of the same directory, and requires the same
# results: the files config.status writes (config.h, Makefile, probe-settings.txt) and
# configure's own output, with the shell's path written as @SHELL@.  config.status itself is
# not compared: Autoconf rewrites $LINENO into literal numbers in it when the shell lacks
# LINENO (Debian's dash does), so it legitimately differs.  The shell under test must also
# exit 0 and build the probe with `make` (whose recipes it runs).
#
# usage: run.sh SHELL_UNDER_TEST [REFERENCE_SHELL]
# Exit status: 0 identical, 1 different or failed, 77 skipped (autoreconf not installed).
set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 SHELL_UNDER_TEST [REFERENCE_SHELL]" >&2
    exit 2
fi
shell_under_test=$1
reference_shell=${2:-/bin/dash}

for tool in autoreconf automake make cc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (the setup script installs autoconf and automake)"
        exit 77
    fi
done

source_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/vsh-configure.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

# A hang in the shell under test must end in a clear failure, not in the ctest timeout.
step_timeout=${VSH_CONFIGURE_STEP_TIMEOUT:-240}
limited() {
    if command -v timeout >/dev/null 2>&1; then
        timeout -k 5 "$step_timeout" "$@"
    else
        "$@"
    fi
}

# The generated configure is made once, so both shells run the very same script.
mkdir "$work/pristine"
cp "$source_dir/configure.ac" "$source_dir/Makefile.am" "$source_dir/probe.c" \
    "$source_dir/probe-settings.txt.in" "$work/pristine/" || exit 1
if ! (cd "$work/pristine" && autoreconf -i) > "$work/autoreconf.log" 2>&1; then
    echo "FAIL: autoreconf -i failed:"
    cat "$work/autoreconf.log"
    exit 1
fi

compared_files="config.h Makefile probe-settings.txt configure.out make.out"

# run_configure NAME SHELL: configures and builds in $work/tree (the same path for both
# shells, so absolute paths in the outputs agree) and keeps the results in $work/NAME.
run_configure() {
    name=$1
    shell=$2
    rm -rf "$work/tree"
    cp -R "$work/pristine" "$work/tree"
    (
        cd "$work/tree" || exit 1
        CONFIG_SHELL=$shell limited $shell ./configure --enable-fancy --with-greeting=hi \
            > configure.out 2>&1 < /dev/null
        status=$?
        [ "$status" -eq 124 ] && echo "(configure timed out after ${step_timeout}s)" >> configure.out
        echo "$status" > configure.status
        [ "$status" -eq 0 ] || exit "$status"
        { limited make SHELL="$shell" && ./probe; } > make.out 2>&1 < /dev/null
        echo "$?" > make.status
    )
    mkdir "$work/$name"
    for file in $compared_files configure.status make.status; do
        if [ -f "$work/tree/$file" ]; then
            sed "s|$shell|@SHELL@|g" "$work/tree/$file" > "$work/$name/$file"
        fi
    done
    cp "$work/tree/config.log" "$work/$name/config.log" 2>/dev/null
}

run_configure reference "$reference_shell"
run_configure under_test "$shell_under_test"

failed=0
reference_status=$(cat "$work/reference/configure.status" 2>/dev/null || echo missing)
if [ "$reference_status" != 0 ]; then
    echo "FAIL: configure under the reference shell $reference_shell exited $reference_status"
    failed=1
fi
status=$(cat "$work/under_test/configure.status" 2>/dev/null || echo missing)
if [ "$status" != 0 ]; then
    echo "FAIL: configure under $shell_under_test exited $status; end of its output:"
    tail -n 20 "$work/under_test/configure.out" 2>/dev/null
    echo "--- end of config.log:"
    tail -n 30 "$work/under_test/config.log" 2>/dev/null
    failed=1
fi
make_status=$(cat "$work/under_test/make.status" 2>/dev/null || echo missing)
if [ "$status" = 0 ] && [ "$make_status" != 0 ]; then
    echo "FAIL: make with SHELL=$shell_under_test exited $make_status"
    failed=1
fi
for file in $compared_files; do
    if ! diff -u "$work/reference/$file" "$work/under_test/$file" \
        --label "$file (reference: $reference_shell)" \
        --label "$file (under test: $shell_under_test)"; then
        failed=1
    fi
done

if [ "$failed" -eq 0 ]; then
    echo "PASS: configure under $shell_under_test matches $reference_shell"
    exit 0
fi
exit 1
