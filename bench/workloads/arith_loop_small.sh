# 20,000 (for callgrind) iterations of arithmetic and `[`: the interpreter alone, no process is created.
i=0
n=0
while [ "$i" -lt 20000 ]; do
    if [ $((i % 7)) -eq 3 ]; then
        n=$((n + i * 2))
    fi
    i=$((i + 1))
done
