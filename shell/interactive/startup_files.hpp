// The files a shell reads before its first command: the profiles of a login shell and the rc
// file of an interactive one (man vsh, STARTUP FILES). Nothing here runs for `vsh -c` or a
// script unless the command line made it a login shell, so scripts pay nothing for it.
#pragma once

namespace vsh {

class Shell;

// A login shell's profiles, in this order, each only if it can be read: /etc/profile, then
// $HOME/.profile (HOME as /etc/profile left it), as dash reads them. Does nothing unless
// sh.startup says login, or when it says --noprofile. An error in a file is reported as
// "vsh: FILE:LINE: ..." and the rest of the file still runs; `exit` in one exits the shell.
void read_profile_files(Shell& sh);

// An interactive shell's rc file: $ENV (parameter-expanded; used only if the result is an
// absolute path) when ENV is set, even to the empty string, and otherwise $HOME/.vshrc unless
// --norc was given. Errors are handled as in the profiles.
void read_rc_file(Shell& sh);

}  // namespace vsh
