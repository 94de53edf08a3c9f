// Span: the byte range every annotation is made of.
#pragma once

#include <cstdint>

namespace sitrep {

// A half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool operator==(const Span&) const = default;
};

}  // namespace sitrep
