XCU 2.9.3 Lists: sequential, asynchronous, AND and OR.

#### semicolon runs in sequence
echo a; echo b
---- stdout
a
b

#### and-list runs the second on success
true && echo yes
false && echo no
echo end
---- stdout
yes
end

#### or-list runs the second on failure
false || echo yes
true || echo no
echo end
---- stdout
yes
end

#### and-or lists are left-associative with equal precedence
false && echo a || echo b
true || echo c && echo d
---- stdout
b
d

#### status of an and-or list is the last command run
false && true
echo $?
false || false
echo $?
---- stdout
1
1

#### newline after && and ||
true &&
echo after-and
false ||
echo after-or
---- stdout
after-and
after-or

#### asynchronous command and wait
echo bg > f &
wait
cat f
---- stdout
bg

#### asynchronous list status is 0
false &
echo $?
---- stdout
0

#### wait returns the background job's status
(exit 7) &
wait $!
echo $?
---- stdout
7

#### background job stdin is /dev/null when job control is off
# reason: XCU 2.9.3.1 — without job control, an asynchronous list's stdin is /dev/null
echo input | { cat & wait; }
echo done
---- stdout
done

#### several background jobs
(echo a > fa) & (echo b > fb) &
wait
cat fa fb
---- stdout
a
b

#### background job with && inside
true && echo both > f &
wait
cat f
---- stdout
both

#### ampersand separates like semicolon
echo x > f & echo y
wait
cat f
---- stdout
y
x

#### an asynchronous command's words are expanded once, and a $(...) in them does not block the shell
# reason: XCU 2.9.3.1 — the asynchronous list runs while the shell goes on
: > count
echo "$(echo x >> count; echo bg)" > out &
wait
cat out
wc -l < count | tr -d ' '
( echo "$(sleep 1; echo late)" ) &
echo first
wait
---- stdout
bg
1
first
late
