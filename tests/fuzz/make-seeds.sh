#!/bin/sh
# Writes the seed inputs of the fuzz targets into OUT/TARGET/ (OUT is usually build-fuzz/seeds):
#   fuzz_parse    the script of every case in tests/spec/*.t, one file each
#   fuzz_expand   the same scripts, each after a first byte that sets the target's scene
#                 (options, IFS, locale: its low six bits, see fuzz_expand.cpp), varied from
#                 case to case so that every scene has seeds
#   fuzz_arith    the expression inside every $((...)) of those scripts
#   fuzz_timelog  the hand-written logs in tests/fuzz/seeds/fuzz_timelog/
# Seeds are made from the spec cases when the fuzzers run, so they follow the suite and no
# corpus is committed. Usage: tests/fuzz/make-seeds.sh OUT
set -eu
out=${1:?usage: make-seeds.sh OUT}
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$out"
mkdir -p "$out/fuzz_parse" "$out/fuzz_expand" "$out/fuzz_arith" "$out/fuzz_timelog"
cp "$here"/seeds/fuzz_timelog/* "$out/fuzz_timelog/"

for t in "$here"/../spec/*.t; do
    # A case's script: the lines after its "#### name" line up to its first "---- " section.
    awk -v out="$out" -v base="$(basename "$t" .t)" '
        function finish() {
            if (n == 0) return
            name = sprintf("%s-%03d", base, n)
            printf "%s", script > (out "/fuzz_parse/" name)
            close(out "/fuzz_parse/" name)
            # The scene byte: 64 + 0..63, printable, its low bits counting up case by case.
            printf "%c%s", 64 + n % 64, script > (out "/fuzz_expand/" name)
            close(out "/fuzz_expand/" name)
            arith(script, name)
        }
        # Every $((...)) expression with its parentheses balanced, one file each.
        function arith(text, name,    i, k, c, rest, depth, expr, count, file) {
            count = 0
            while ((i = index(text, "$((")) > 0) {
                rest = substr(text, i + 3); depth = 2; expr = ""
                for (k = 1; k <= length(rest) && depth > 0; k++) {
                    c = substr(rest, k, 1)
                    if (c == "(") depth++
                    else if (c == ")") depth--
                    if (depth >= 2) expr = expr c
                }
                if (depth == 0) {
                    file = sprintf("%s/fuzz_arith/%s-%02d", out, name, ++count)
                    printf "%s", expr > file
                    close(file)
                }
                text = substr(rest, k)
            }
        }
        /^#### / { finish(); n++; script = ""; inscript = 1; next }
        /^---- / { inscript = 0; next }
        inscript && n > 0 { script = script $0 "\n" }
        END { finish() }
    ' "$t"
done
