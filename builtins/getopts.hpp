// getopts keeps, between calls, its position inside a group of options such as "-abc".
// That position belongs to the current value of OPTIND: the shell calls reset_getopts when a
// script assigns OPTIND (XCU getopts: "OPTIND=1" starts a new scan).
#pragma once

namespace vsh {

class Shell;

void reset_getopts(Shell& sh);

}  // namespace vsh
