// Character classes for segmentation: a 256-entry table for ASCII bytes and a small decoder for
// the few non-ASCII code points that are not letters (curly quotes, dashes, NBSP, ...). Every
// other non-ASCII code point is a letter, so names in any script stay whole.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace sitrep::text_internal {

enum class Cc : uint8_t {
  kSpace,  // whitespace, control characters, invisible format characters
  kLetter,
  kDigit,
  kPunct,       // punctuation with no joining role: quotes, brackets, ; and dashes
  kSymbol,      // $ % & @ # + = ...
  kHyphen,      // '-' U+2010 U+2011: joins "al-Issawi", "F-16", "10-12"
  kApostrophe,  // '\'' U+2019: joins "don't", "Iraq's"
  kPeriod,      // '.': joins "2.5", "U.S."
  kComma,       // ',': joins "2,500"
  kDigitJoin,   // '/' ':': join digits "10/06/1971", "10:30"
  kBang,        // '!' '?': merge with '.' into runs like "?!" and "..."
};

inline constexpr std::array<Cc, 128> kAsciiClass = [] {
  std::array<Cc, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Cc k = Cc::kSymbol;
    if (c <= ' ' || c == 0x7F)
      k = Cc::kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      k = Cc::kLetter;
    else if (c >= '0' && c <= '9')
      k = Cc::kDigit;
    t[c] = k;
  }
  for (char c : {'"', '(', ')', '[', ']', '{', '}', ';', '`'}) t[c] = Cc::kPunct;
  t['-'] = Cc::kHyphen;
  t['\''] = Cc::kApostrophe;
  t['.'] = Cc::kPeriod;
  t[','] = Cc::kComma;
  t['/'] = Cc::kDigitJoin;
  t[':'] = Cc::kDigitJoin;
  t['!'] = Cc::kBang;
  t['?'] = Cc::kBang;
  return t;
}();

// Class of a decoded non-ASCII code point. Out of line: rare in English news.
Cc ClassifyCodePoint(char32_t cp);

// Class of a non-ASCII sequence starting at p[i] (p[i] >= 0x80); sets *len to its byte length,
// which is ≥ 1 and never reaches past n. Malformed sequences are letters of the bytes that
// look like one sequence, so a boundary never falls between a lead byte and its continuations.
Cc ClassifyNonAscii(const unsigned char* p, size_t n, size_t i, size_t* len);

// Class of the code point at p[i] (i < n); sets *len to its byte length.
inline Cc ClassAt(const unsigned char* p, size_t n, size_t i, size_t* len) {
  if (p[i] < 0x80) {
    *len = 1;
    return kAsciiClass[p[i]];
  }
  return ClassifyNonAscii(p, n, i, len);
}

}  // namespace sitrep::text_internal
