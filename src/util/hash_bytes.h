// A fast 64-bit hash of a byte string, eight bytes at a time, for in-memory tables only (no
// hash is stored, so it may change from version to version).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sitrep {

inline uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, bytes.data() + i, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  // The last 0 to 7 bytes as a little-endian number (what a memcpy of them into a zeroed word
  // gives), from loads of known size: a memcpy of a variable size is a library call.
  uint64_t tail = 0;
  const size_t rest = bytes.size() - i;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + i;
  if (rest >= 4) {  // two four-byte loads that overlap when rest < 8
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + rest - 4, 4);
    tail = lo | uint64_t{hi} << (8 * (rest - 4));
  } else if (rest > 0) {  // bytes 0, rest / 2 and rest - 1 cover 1 to 3 bytes
    tail = uint64_t{p[0]} | uint64_t{p[rest / 2]} << (8 * (rest / 2)) |
           uint64_t{p[rest - 1]} << (8 * (rest - 1));
  }
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 29);
}

// memcmp(a, b, n) == 0 for short strings (the keys of in-memory tables), inline: word loads
// (overlapping at the end) instead of a library call per compare.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8) {
      if (load8(a + i) != load8(b + i)) return false;
    }
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace sitrep
