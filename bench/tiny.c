/* The smallest program worth spawning: a static binary (gcc -static -O2) that exits at once,
   so a spawn+wait measures process creation, exec and teardown, not the dynamic loader. */
int main(void) { return 0; }
