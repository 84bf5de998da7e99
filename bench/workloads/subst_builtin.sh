# 2,000 command substitutions of a builtin: a shell that runs them in-process creates nothing.
i=0
while [ "$i" -lt 2000 ]; do
    x=$(echo hi)
    i=$((i + 1))
done
