// Where a search for a word in English text looks first: its rarest byte.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sitrep::util {

// How rare a byte is in English text (higher = rarer): spaces commonest, other non-letters
// next, then letters in their frequency order, either case. Made at compile time (a table
// built at first use is guarded, and every call paid the check).
inline constexpr std::array<uint8_t, 256> kByteRarity = [] {
  std::array<uint8_t, 256> r{};
  r.fill(1);
  r[' '] = 0;
  constexpr std::string_view kByFrequency = "etaoinshrdlcumwfgypbvkjxqz";
  for (size_t i = 0; i < kByFrequency.size(); ++i) {
    r[static_cast<unsigned char>(kByFrequency[i])] = static_cast<uint8_t>(2 + i);
    r[static_cast<unsigned char>(kByFrequency[i] - 0x20)] = static_cast<uint8_t>(2 + i);
  }
  return r;
}();

// The index of the rarest byte of `word` (the first of equally rare ones; 0 when empty).
inline size_t RarestByte(std::string_view word) {
  size_t pivot = 0;
  uint8_t rarest = word.empty() ? 0 : kByteRarity[static_cast<unsigned char>(word[0])];
  for (size_t i = 1; i < word.size(); ++i) {
    const uint8_t r = kByteRarity[static_cast<unsigned char>(word[i])];
    if (r > rarest) {  // strict: the first of equally rare bytes
      rarest = r;
      pivot = i;
    }
  }
  return pivot;
}

}  // namespace sitrep::util
