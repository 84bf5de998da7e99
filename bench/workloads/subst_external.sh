# 2,000 command substitutions whose body is one external command.
i=0
while [ "$i" -lt 2000 ]; do
    x=$(/bin/echo hi)
    i=$((i + 1))
done
