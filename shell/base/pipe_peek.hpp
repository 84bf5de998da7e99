// Reading a line from a pipe without taking more than the line, in a few system calls.
//
// A shell reading its commands from a pipe, and the read builtin, must leave every byte after
// the line they read for the next command (XCU sh INPUT FILES, XCU read). Reading a pipe one
// byte at a time does that at the price of a system call per byte. Linux's tee(2) copies what
// a pipe holds into another pipe without consuming it: the copy shows where the delimiter is,
// and one read(2) of exactly that many bytes then takes the line and nothing after it. Three
// system calls a line, whatever its length.
//
// The private pipe the copy goes through belongs to one process: a forked shell must call
// forget_pipe_peek_after_fork() before it reads (fork_shell does), or parent and child could
// take each other's copies.
//
// This folder is the base layer: it includes nothing else of the shell.
#pragma once

#include <sys/types.h>

#include <cstddef>

namespace vsh {

// Reads from the pipe `fd` into `buffer`, at most `size` bytes, and never past the first
// `delimiter`. Blocks until at least one byte is there. Returns how many bytes it read, 0 at
// end of file, or -1 with errno set (EINTR when a signal interrupted it, as read(2) does).
// Returns -1 with errno EINVAL, having read nothing, when `fd` is not a pipe or the system
// cannot peek (no tee(2), no descriptor left): the caller then reads one byte at a time.
// Bytes another process takes from the pipe at the same moment can make it read past the
// delimiter (two readers sharing a pipe with byte reads fare no better).
ssize_t read_pipe_through(int fd, char* buffer, std::size_t size, char delimiter);

// Copies into `buffer` what the pipe `fd` holds, at most `size` bytes (and at most 16 KiB),
// without taking it from the pipe. Blocks, returns and fails as read_pipe_through does. The
// bytes stay in the pipe until someone reads them: the caller that reads them itself later
// must be sure that nobody else did in between.
ssize_t peek_pipe(int fd, char* buffer, std::size_t size);

// In a newly forked child: drops the parent's private pipe; the next read makes its own.
void forget_pipe_peek_after_fork();

// Before a redirection takes the descriptor `fd` (`exec 10>file`, `exec 10>&-`): if the
// private pipe is there, it is closed, and the next read makes a new one elsewhere.
void release_pipe_peek_fd(int fd);

}  // namespace vsh
