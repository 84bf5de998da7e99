/* The floor under the script workloads: the process work a workload cannot avoid, done by a
   small C program with no interpreter at all. Run beside the shells in the same hyperfine
   run, it shows how close to dash any shell could possibly get on this machine: when the
   floor itself is above a target ratio, the target cannot be met here.

     floor loop N     N times: vfork, exec /bin/true, wait          (loop_true.sh)
     floor subst N    N times: pipe, vfork, exec /bin/echo hi, read the pipe to its end,
                      wait                                          (subst_external.sh)
     floor pipeline N N times: /bin/echo hi | /bin/cat | /bin/cat >/dev/null, each stage
                      vforked, then the three waited for            (pipelines.sh)
     floor pipeline-async N
                      the same pipelines, but the shell is not held up while a stage execs:
                      each stage is a clone(CLONE_VM) child on its own stack that the parent
                      does not wait for until all three run (what a shell could gain from a
                      non-blocking spawn; the floor row is the better of the two)
     floor -c TEXT    stands in for SHELL=... in the make build whose tools are /bin/true:
                      execs /bin/true at once (a shell with no start-up cost that replaces
                      itself with the recipe's one command)

   Built static (gcc -static -O2) so its own start-up is as small as a process's can be. */
#define _GNU_SOURCE /* pipe2, clone */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void run_true(void) {
    char *argv[] = {"/bin/true", NULL};
    pid_t pid = vfork();
    if (pid == 0) {
        execve(argv[0], argv, environ);
        _exit(127);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
        perror("floor: /bin/true");
        exit(1);
    }
}

static void run_echo(void) {
    char *argv[] = {"/bin/echo", "hi", NULL};
    int fds[2];
    if (pipe(fds) != 0) {
        perror("floor: pipe");
        exit(1);
    }
    pid_t pid = vfork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execve(argv[0], argv, environ);
        _exit(127);
    }
    close(fds[1]);
    char buf[64];
    size_t got = 0;
    ssize_t n;
    while ((n = read(fds[0], buf + got, sizeof buf - got)) > 0) got += (size_t)n;
    close(fds[0]);
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0 || got != 3 ||
        memcmp(buf, "hi\n", 3) != 0) {
        fprintf(stderr, "floor: /bin/echo hi failed\n");
        exit(1);
    }
}

/* One stage: stdin from `in`, stdout to `out` (the pipe ends are close-on-exec). */
static pid_t spawn_stage(char **argv, int in, int out) {
    pid_t pid = vfork();
    if (pid == 0) {
        if (in != 0) dup2(in, 0);
        if (out != 1) dup2(out, 1);
        execve(argv[0], argv, environ);
        _exit(127);
    }
    return pid;
}

static int devnull = -1;

/* Waits for the three stages of a pipeline; any failure ends the benchmark. */
static void wait_stages(const pid_t pids[3]) {
    for (int i = 0; i < 3; ++i) {
        int status;
        if (pids[i] < 0 || waitpid(pids[i], &status, 0) != pids[i] || status != 0) {
            fprintf(stderr, "floor: pipeline stage %d failed\n", i + 1);
            exit(1);
        }
    }
}

static void run_pipeline(void) {
    char *echo[] = {"/bin/echo", "hi", NULL};
    char *cat[] = {"/bin/cat", NULL};
    int first[2], second[2];
    if (pipe2(first, O_CLOEXEC) != 0 || pipe2(second, O_CLOEXEC) != 0) {
        perror("floor: pipe");
        exit(1);
    }
    pid_t pids[3];
    pids[0] = spawn_stage(echo, 0, first[1]);
    close(first[1]);
    pids[1] = spawn_stage(cat, first[0], second[1]);
    close(first[0]);
    close(second[1]);
    pids[2] = spawn_stage(cat, second[0], devnull);
    close(second[0]);
    wait_stages(pids);
}

/* pipeline-async: the child runs on its own stack in the parent's memory, and the parent goes
   on at once. The child makes raw system calls only (errno is shared), reads its stage from
   `stages`, which the parent leaves alone until it has reaped all three, and has its own copy
   of the descriptor table (no CLONE_FILES), so the parent closes the pipe ends at once. */
struct async_stage {
    char **argv;
    int in, out;
    char *stack;
};
static struct async_stage stages[3];
enum { kStackSize = 64 * 1024 };

static int async_child(void *arg) {
    struct async_stage *st = arg;
    if (st->in != 0) syscall(SYS_dup2, st->in, 0);
    if (st->out != 1) syscall(SYS_dup2, st->out, 1);
    syscall(SYS_execve, st->argv[0], st->argv, environ);
    syscall(SYS_exit, 127);
    return 0;
}

static void run_pipeline_async(void) {
    static char *echo[] = {"/bin/echo", "hi", NULL};
    static char *cat[] = {"/bin/cat", NULL};
    int first[2], second[2];
    if (pipe2(first, O_CLOEXEC) != 0 || pipe2(second, O_CLOEXEC) != 0) {
        perror("floor: pipe");
        exit(1);
    }
    stages[0] = (struct async_stage){echo, 0, first[1], stages[0].stack};
    stages[1] = (struct async_stage){cat, first[0], second[1], stages[1].stack};
    stages[2] = (struct async_stage){cat, second[0], devnull, stages[2].stack};
    pid_t pids[3];
    for (int i = 0; i < 3; ++i)
        pids[i] = clone(async_child, stages[i].stack + kStackSize, CLONE_VM | SIGCHLD, &stages[i]);
    close(first[0]);
    close(first[1]);
    close(second[0]);
    close(second[1]);
    wait_stages(pids);
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "-c") == 0) {
        char *tool[] = {"/bin/true", NULL};
        execve(tool[0], tool, environ);
        return 127;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: floor loop|subst|pipeline|pipeline-async N | floor -c TEXT\n");
        return 2;
    }
    long n = atol(argv[2]);
    void (*one)(void) = strcmp(argv[1], "loop") == 0       ? run_true
                        : strcmp(argv[1], "subst") == 0    ? run_echo
                        : strcmp(argv[1], "pipeline") == 0 ? run_pipeline
                        : strcmp(argv[1], "pipeline-async") == 0 ? run_pipeline_async
                                                           : NULL;
    for (int i = 0; i < 3; ++i) {
        stages[i].stack = mmap(NULL, kStackSize, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
        if (stages[i].stack == MAP_FAILED) {
            perror("floor: mmap");
            return 1;
        }
    }
    devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (one == NULL) {
        fprintf(stderr, "floor: unknown workload %s\n", argv[1]);
        return 2;
    }
    for (long i = 0; i < n; ++i) one();
    return 0;
}
