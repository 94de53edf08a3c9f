// A string view compared with a string literal, inline.
#pragma once

#include <cstddef>
#include <string_view>

namespace sitrep {

// `text == "word"` for a view and a literal: the literal's length is known, so the bytes are
// compared inline (a load or two) where std::string_view's == calls compare() and memcmp out
// of line. The event stages compare words with literals over a million times per pass over the
// eval texts. (For literals only: an array is taken as its bytes before the final NUL.)
template <size_t N>
inline bool operator==(std::string_view text, const char (&literal)[N]) {
  return text.size() == N - 1 && __builtin_memcmp(text.data(), literal, N - 1) == 0;
}

}  // namespace sitrep
