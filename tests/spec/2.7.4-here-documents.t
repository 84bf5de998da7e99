XCU 2.7.4 Here-Document.

#### unquoted delimiter expands the body
x=world
cat <<EOF
hello $x $(echo cmd) $((1+2))
EOF
---- stdout
hello world cmd 3

#### quoted delimiter keeps the body literal
x=world
cat <<'EOF'
hello $x $(echo cmd) \$
EOF
---- stdout
hello $x $(echo cmd) \$

#### partly quoted delimiter counts as quoted
x=v
cat <<E"O"F
$x
EOF
---- stdout
$x

#### backslash-quoted delimiter counts as quoted
x=v
cat <<\EOF
$x
EOF
---- stdout
$x

#### backslash inside a double-quoted delimiter keeps its meaning there
# reason: XCU 2.2.3 — in double quotes a backslash only escapes $ ` " \ and newline
cat <<"\end"
one
end
\end
cat <<"a\\b"
two
a\b
cat <<"c\$d"
three
c$d
echo done
---- stdout
one
end
two
three
done

#### a dollar-single-quoted delimiter ends at the line its escapes stand for
# reason: XCU 2.2.4, 2.7.4 — the delimiter is the word after quote removal, and $'a\tb' stands for a, a tab, b
# dash: differs — dash 0.5.12 has no $'...'
x=v
printf 'cat <<$%sa\\tb%s\n$x\na\\tb\na\tb\necho done\n' "'" "'" >script
$TEST_SHELL script
---- stdout
$x
a\tb
done

#### a dollar-single-quoted part in a delimiter joins the other parts
# dash: differs — dash 0.5.12 has no $'...'
cat <<E$'\x4f'"F"
$HOME
EOF
echo done
---- stdout
$HOME
done

#### backslash in an unquoted body escapes $ ` \ and newline only
cat <<EOF
\$x \`y\` \\ \a "q"
a\
b
EOF
---- stdout
$x `y` \ \a "q"
ab

#### double quotes in an unquoted body are literal
x=v
cat <<EOF
"$x" '$x'
EOF
---- stdout
"v" 'v'

#### two here-documents on one line
cat <<A; cat <<B
first
A
second
B
---- stdout
first
second

#### two here-documents on one command
cat <<A 3<<B
for-stdin
A
for-three
B
---- stdout
for-stdin

#### here-document on a descriptor
cat 0<<EOF
zero
EOF
---- stdout
zero

#### here-document into a loop
while read line; do echo "<$line>"; done <<EOF
a
b
EOF
---- stdout
<a>
<b>

#### delimiter must be alone on its line
cat <<EOF
EOF not yet
 EOF
EOF
---- stdout
EOF not yet
 EOF

#### empty here-document
cat <<EOF
EOF
echo after
---- stdout
after

#### here-document in a function body is re-expanded each call
f() {
cat <<EOF
value=$v
EOF
}
v=1; f
v=2; f
---- stdout
value=1
value=2

#### here-document in a pipeline
cat <<EOF | tr a-z A-Z
shout
EOF
---- stdout
SHOUT

#### here-document body with a command continuing after
cat <<EOF && echo next
body
EOF
---- stdout
body
next

#### here-document in a compound command
if true; then
  cat <<EOF
inside if
EOF
fi
---- stdout
inside if

#### parameter expansion with special characters in the body
set -- 'a b' c
cat <<EOF
$# $1 ${2}
EOF
---- stdout
2 a b c

#### here-document keeps leading spaces
cat <<EOF
   three spaces
EOF
---- stdout
   three spaces
#### <<- strips leading tabs
cat <<-EOF
	indented
		double
	EOF
---- stdout
indented
double

#### <<- strips tabs from the delimiter line only when tabs
cat <<-END
	  spaced
	END
echo done
---- stdout
  spaced
done

#### <<- with an IO number
cat 3<<-EOF <&3
	three
	EOF
---- stdout
three

#### <<- with a quoted delimiter keeps the body literal but strips tabs
x=v
cat <<-"EOF"
	$x
	EOF
---- stdout
$x

#### a newline inside a command substitution does not start the body
# reason: XCU 2.7.4 — the body starts after the next newline token; a newline within $(...) belongs to the substitution
cat <<EOF; echo $(echo one
echo two)
body
EOF
---- stdout
body
one two

#### a here-document inside a command substitution on a line with a pending one
cat <<OUTER; echo $(cat <<INNER
inner
INNER
) after
outer
OUTER
---- stdout
outer
inner after

#### <<- does not strip tabs from a line joined by backslash-newline
# reason: XCU 2.7.4 — after line joining, those tabs are not at the start of an input line
printf 'cat <<-END\na\\\n\tb\n\tEND\n' >script
$TEST_SHELL script | od -An -c | tr -s ' '
---- stdout
 a \t b \n

#### backslash-double-quote in backquotes in a body loses its backslash
# reason: XCU 2.7.4 — '"' is special within `` in a here-document, as within double quotes
cat <<EOF
[`printf '%s' \"a\"`] \"b\"
EOF
---- stdout
[a] \"b\"

#### a here-document opened inside a here-document delimiter does not outlive it
# reason: XCU 2.7.4 — the delimiter is taken as written; a <<x inside it has no body (this crashed the shell, even under -n)
# dash: differs — dash rejects a "(" in a here-document delimiter as a syntax error
printf 'cat <<$(cat <<x)\nhello\n$(cat <<x)\necho after\n' >script
$TEST_SHELL -n script; echo "n=$?"
$TEST_SHELL script; echo "run=$?"
printf ': <<$(: <<a; : <<b)\n$(: <<a; : <<b)\n' | $TEST_SHELL; echo "stdin=$?"
printf 'cat <<${v:-$(cat <<x)}\nv\n${v:-$(cat <<x)}\n' >script2
$TEST_SHELL script2; echo "param=$?"
eval 'cat <<"$(cat <<x)"
quoted
$(cat <<x)'
---- stdout
n=0
hello
after
run=0
stdin=0
v
param=0
quoted

#### read from a here-document leaves the rest of it for the next command
{ read a; cat; echo "[$a]"; } <<EOF
first
second
third
EOF
---- stdout
second
third
[first]

#### read from a here-document larger than a pipe's buffer leaves the rest for the next command
s=x; i=0
while [ $i -lt 13 ]; do s=$s$s; i=$((i + 1)); done
{ read a; echo ${#a}; cat; } <<EOF
$s
second
EOF
---- stdout
8192
second
