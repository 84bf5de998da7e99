# 2,000 three-stage pipelines of external commands: three spawns, two pipes, three waits each.
i=0
while [ "$i" -lt 2000 ]; do
    /bin/echo hi | /bin/cat | /bin/cat >/dev/null
    i=$((i + 1))
done
