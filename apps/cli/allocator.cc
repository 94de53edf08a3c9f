#include "allocator.h"

#include <fmt/format.h>

#include <cstdlib>

#ifdef SITREP_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace sitrep::cli {

std::string AllocatorName() {
#ifdef SITREP_WITH_MIMALLOC
  // Linked is not enough: malloc must resolve to mimalloc's, which a block from the C allocator
  // living in a mimalloc heap shows.
  void* block = std::calloc(1, 64);
  const bool redirected = mi_is_in_heap_region(block);
  std::free(block);
  const int v = mi_version();  // 209 for 2.0.9
  if (redirected) return fmt::format("mimalloc {}.{}.{}", v / 100, v / 10 % 10, v % 10);
  return fmt::format("system malloc (mimalloc {}.{}.{} linked, not in use)", v / 100,
                     v / 10 % 10, v % 10);
#else
  return "system malloc";
#endif
}

}  // namespace sitrep::cli
