# A script-heavy workload with no external command: functions, eval of generated code,
# $(...) of shell code, `while read` loops over here-documents, case, and string and
# arithmetic work, in the proportions of a configure script or a build helper.
# usage: script_heavy.sh PASSES RESULT_FILE
# Writes a checksum of everything it computed to RESULT_FILE: bench/run-all compares it
# across shells, so a shell that skips or miscomputes work is caught. Arithmetic stays below
# 2^31 (mksh's arithmetic is 32-bit).
LC_ALL=C
passes=$1
result=$2
M=1000003
h=7

fold() { # fold NUMBER: folds a number into the checksum h
    h=$(((h * 31 + $1) % M))
}

fold_string() { # fold_string STRING: folds each character's class into h
    s=$1
    while [ -n "$s" ]; do
        rest=${s#?}
        ch=${s%"$rest"}
        case $ch in
            [a-f]) v=1 ;;
            [g-m]) v=2 ;;
            [n-s]) v=3 ;;
            [t-z]) v=4 ;;
            [A-Z]) v=5 ;;
            [0-9]) v=6 ;;
            .) v=7 ;;
            _) v=8 ;;
            *) v=9 ;;
        esac
        h=$(((h * 31 + v) % M))
        s=$rest
    done
}

classify() { # classify NAME: prints the category of a file name
    case $1 in
        *.c | *.h) echo source ;;
        *.sh | *.in) echo script ;;
        [A-Z]*) echo doc ;;
        *[0-9]*) echo numbered ;;
        *) echo other ;;
    esac
}

mangle() { # mangle NAME PASS: prints NAME as an identifier, suffixed with the pass
    m=$1
    while :; do
        case $m in
            *[!A-Za-z0-9_]*)
                left=${m%%[!A-Za-z0-9_]*}
                m=${left}_${m#"$left"?}
                ;;
            *) break ;;
        esac
    done
    echo "${m}_$2"
}

gen_function() { # gen_function NAME WEIGHT: prints the code of a function weigh_NAME
    cat_line="weigh_$1() { w=\$((\$1 * $2 + \${#1})); echo \"\$w\"; }"
    echo "$cat_line"
}

one_pass() { # one_pass P: reads the records of pass P and folds what it finds
    p=$1
    while IFS=: read -r name kind size note; do
        case $name in '#'*) continue ;; esac
        category=$(classify "$name")
        case $kind in
            lib) size=$((size * 2)) ;;
            bin) size=$((size + p)) ;;
            doc) size=$((size / 3 + 1)) ;;
            *) size=$((size + 1)) ;;
        esac
        id=$(mangle "$name" "$p")
        eval "count_$category=\$((\${count_$category:-0} + 1))"
        eval "bytes_$kind=\$((\${bytes_$kind:-0} + size))"
        eval "seen_$id=\$size"
        eval "code=\$(gen_function $category $((size % 13 + 1)))"
        eval "$code"
        weight=$(weigh_$category "$((size % 1000))")
        fold "$weight"
        fold_string "$id:$note"
        eval "fold \"\$seen_$id\""
    done <<EOF
# name:kind:size:note, sizes depending on the pass
main.c:bin:$((p * 3 + 120)):entry point
util.c:lib:$((p + 40)):helpers
util.h:lib:$((p % 7 + 3)):declarations
parse.y:lib:$((p * 5 % 97 + 11)):grammar
lexer.l:lib:$((p * 11 % 89 + 5)):tokens
README:doc:$((p + 900)):read me first
INSTALL:doc:$((p * 2 + 300)):how to build
configure.in:script:$((p * 7 % 61 + 200)):autoconf input
build-aux/install.sh:script:$((p % 5 + 80)):installer
tests/t0001.sh:script:$((p + 1)):first test
tests/t0002.sh:script:$((p + 2)):second test
po/de.po:data:$((p * 13 % 101)):german
po/fr.po:data:$((p * 17 % 103)):french
lib/xmalloc.c:lib:$((p * 19 % 107 + 60)):allocation
lib/hash-2.c:lib:$((p * 23 % 109 + 70)):hash table v2
doc/vsh.1:doc:$((p * 29 % 113 + 400)):manual page
EOF
}

i=0
while [ "$i" -lt "$passes" ]; do
    one_pass "$i"
    i=$((i + 1))
done

# Summaries through here-documents and a read loop over the generated variables.
summary=
for category in source script doc numbered other; do
    eval "n=\${count_$category:-0}"
    summary="$summary $category=$n"
    fold "$n"
done
for kind in bin lib doc script data; do
    eval "n=\${bytes_$kind:-0}"
    summary="$summary $kind=$n"
    fold $((n % M))
done
lines=0
while read -r word rest; do
    lines=$((lines + 1))
    fold_string "$word"
done <<EOF
$(for w in $summary; do echo "$w"; done)
EOF
echo "checksum $h lines $lines$summary" >"$result"
