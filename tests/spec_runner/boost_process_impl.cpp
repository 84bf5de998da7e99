// Boost.Process v2 compiled once, here (BOOST_PROCESS_V2_SEPARATE_COMPILATION is set for the
// target).  Boost 1.81's header-only mode leaves process_environment::on_setup undefined
// (impl/environment.ipp is only pulled in by src.hpp), so separate compilation is the mode
// that links.
#include "tests/spec_runner/boost_process_prelude.hpp"

#include <boost/process/v2/src.hpp>
