// The allocator this process runs on, for `sitrep --version`.
#pragma once

#include <string>

namespace sitrep::cli {

// "mimalloc 2.0.9" when the build links mimalloc (SITREP_MIMALLOC) and malloc really is
// mimalloc's; "system malloc" otherwise.
std::string AllocatorName();

}  // namespace sitrep::cli
