// UTF-8 validation and repair that keeps the way back to the original bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/document.h"

namespace sitrep {

struct Utf8Repair {
  std::string text;          // valid UTF-8, NUL bytes removed, invalid sequences → U+FFFD
  OffsetMap to_source;       // text byte -> input byte
  uint32_t invalid_sequences = 0;
  uint32_t nul_bytes = 0;
  bool changed() const { return invalid_sequences + nul_bytes > 0; }
};

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Returns `bytes` as valid UTF-8 without NULs. Each maximal invalid subpart becomes one U+FFFD
// (the WHATWG/Unicode "substitution of maximal subparts" practice).
Utf8Repair RepairUtf8(std::string_view bytes);

// Decodes the code point at `pos` (which must be valid UTF-8); sets *len to its byte length.
char32_t DecodeUtf8(std::string_view text, size_t pos, int* len);
// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace sitrep
