// Asking for a table's first cache lines ahead of the loop that reads them: a stage that comes to
// a document's columns after other stages ran over the batch finds them out of the cache.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace sitrep::util {

// Asks for the cache lines of the first min(`size`, `max_bytes`) bytes at `data` (past a few
// KB the hardware prefetcher has seen the stream, and more would evict the lines asked first).
inline void PrefetchLines(const void* data, size_t size, size_t max_bytes) {
  constexpr uintptr_t kLine = 64;
  const uintptr_t first = reinterpret_cast<uintptr_t>(data) & ~(kLine - 1);
  const uintptr_t end = reinterpret_cast<uintptr_t>(data) + std::min(size, max_bytes);
  for (uintptr_t line = first; line < end; line += kLine) {
    __builtin_prefetch(reinterpret_cast<const void*>(line));
  }
}

}  // namespace sitrep::util
