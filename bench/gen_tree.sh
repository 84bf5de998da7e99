#!/bin/sh
# Generates a libc-style source tree for the make benchmark: N tiny C files and a Makefile
# with one recipe line per file. The recipe has shell syntax on purpose (`;`, a redirection),
# as real build systems' recipes do: GNU make execs a plain recipe line directly and only
# starts $(SHELL) for lines that need a shell.
# usage: gen_tree.sh DIR [N]
set -eu
dir=$1
n=${2:-400}
rm -rf "$dir"
mkdir -p "$dir/src"
i=0
while [ "$i" -lt "$n" ]; do
    cat >"$dir/src/f_$i.c" <<C
#include <stddef.h>
size_t vsh_bench_f_$i(const char *s, size_t limit)
{
	size_t n = 0;
	while (n < limit && s[n] != '\0') n++;
	return n ^ (size_t)$i;
}
C
    i=$((i + 1))
done
cat >"$dir/Makefile" <<'MK'
CC ?= cc
AR ?= ar
CFLAGS = -O2 -pipe
SRCS := $(wildcard src/*.c)
OBJS := $(SRCS:src/%.c=obj/%.o)

lib.a: $(OBJS)
	@echo "  AR $@" >/dev/null; $(AR) rcs $@ $(OBJS)

obj/%.o: src/%.c | obj
	@echo "  CC $@" >/dev/null; $(CC) $(CFLAGS) -c -o $@ $<

obj:
	@mkdir -p obj

clean:
	rm -rf obj lib.a
MK
