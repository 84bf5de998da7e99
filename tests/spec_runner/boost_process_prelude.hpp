// Include before any Boost.Process v2 header.  Boost 1.81's Process v2 names boost::optional
// and boost's type traits unqualified and only gets them through Boost.Filesystem's headers;
// with BOOST_PROCESS_USE_STD_FS (so no Boost library needs linking) those headers are
// skipped, so the ones it relies on are included here.
#pragma once

#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
