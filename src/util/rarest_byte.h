// Where a search for a word in English text looks first (its rarest byte), and the
// case-insensitive search built on it.
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

// Whether `text` holds `lower` (lower-case ASCII) in any ASCII case, without lower-casing `text`:
// memchr (string_view::find) for the needle's rarest byte in both cases, the whole needle
// compared at each hit. The document-wide prechecks of rules that look for a phrase sentence by
// sentence (a sentence cannot hold what the text does not).
inline bool ContainsLowerAscii(std::string_view text, std::string_view lower) {
  if (lower.empty()) return true;
  if (text.size() < lower.size()) return false;
  const size_t pivot = RarestByte(lower);
  const char c = lower[pivot];
  const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  const size_t last = text.size() - lower.size() + pivot;  // last position of the pivot
  for (char form : {c, upper}) {
    for (size_t at = text.find(form, pivot); at != std::string_view::npos && at <= last;
         at = text.find(form, at + 1)) {
      size_t i = 0;  // the whole needle, lower-cased byte by byte
      for (const char* p = text.data() + at - pivot; i < lower.size(); ++i) {
        const char b = p[i];
        if ((b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b) != lower[i]) break;
      }
      if (i == lower.size()) return true;
    }
    if (upper == c) break;
  }
  return false;
}

}  // namespace sitrep::util
