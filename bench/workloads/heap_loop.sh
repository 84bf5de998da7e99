# The shell's own heap grown by a real variable (a file read into it), then $2 runs of an
# external no-op. $1: the file ("" for none).
if [ -n "$1" ]; then
    big=$(cat "$1")
fi
i=0
while [ "$i" -lt "$2" ]; do
    /bin/true
    i=$((i + 1))
done
