// A fixed list of short words as a small open-addressing hash set. Word lists are consulted for
// nearly every token in recognition, person and casualty passes, where a linear scan of string
// compares costs more than the pass itself. Built once (function-local static), read-only after.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace sitrep::util {

namespace word_set_detail {

// a == b for short words, inline (a library memcmp per probe costs more than the hash).
inline bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
// The length and the first and last two bytes: the lists are short, a collision costs a probe.
inline size_t WordHash(std::string_view w) {
  const auto b = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(w[i])); };
  const size_t n = w.size();
  if (n == 0) return 0;
  uint64_t h = n | b(0) << 8 | b(n - 1) << 16 | b(n > 1 ? 1 : 0) << 24 | b(n > 1 ? n - 2 : 0) << 32;
  h *= 0x9e3779b97f4a7c15ull;
  return static_cast<size_t>(h >> 40);
}

}  // namespace word_set_detail

class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::array<std::string_view, N>& words) {
    Build(words.data(), N);
  }
  template <size_t N>
  explicit WordSet(const std::string_view (&words)[N]) {
    Build(words, N);
  }

  // Exact, case-sensitive membership; the empty word is never a member.
  bool Has(std::string_view w) const {
    if (w.size() < min_len_ || w.size() > max_len_ || w.empty()) return false;
    // Most words asked about start with a byte no word of the list starts with.
    if ((first_[static_cast<unsigned char>(w[0]) >> 6] >> (w[0] & 63) & 1) == 0) return false;
    for (size_t h = word_set_detail::WordHash(w) & mask_; !slots_[h].empty(); h = (h + 1) & mask_) {
      if (word_set_detail::SameWord(slots_[h], w)) return true;
    }
    return false;
  }

 private:
  void Build(const std::string_view* words, size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    slots_.resize(cap);
    mask_ = cap - 1;
    for (size_t i = 0; i < n; ++i) {
      const std::string_view w = words[i];
      if (w.empty()) continue;
      min_len_ = std::min(min_len_, w.size());
      max_len_ = std::max(max_len_, w.size());
      first_[static_cast<unsigned char>(w[0]) >> 6] |= uint64_t{1} << (w[0] & 63);
      size_t h = word_set_detail::WordHash(w) & mask_;
      while (!slots_[h].empty() && slots_[h] != w) h = (h + 1) & mask_;
      slots_[h] = w;
    }
  }
  std::vector<std::string_view> slots_;
  size_t mask_ = 0;
  size_t min_len_ = static_cast<size_t>(-1), max_len_ = 0;
  uint64_t first_[4] = {0, 0, 0, 0};  // first bytes of the words, as a 256-bit set
};

// Several fixed word lists in one table: each word maps to the OR of the bits of the lists that
// hold it (0: none), so a word tested against many lists costs one lookup. Built once, read-only
// after.
class WordBits {
 public:
  struct List {
    std::span<const std::string_view> words;
    uint32_t bit;
  };
  explicit WordBits(std::initializer_list<List> lists) {
    size_t n = 0;
    for (const List& l : lists) n += l.words.size();
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    slots_.resize(cap);
    mask_ = cap - 1;
    for (const List& l : lists) {
      for (const std::string_view w : l.words) {
        if (w.empty()) continue;
        min_len_ = std::min(min_len_, w.size());
        max_len_ = std::max(max_len_, w.size());
        size_t h = word_set_detail::WordHash(w) & mask_;
        while (!slots_[h].word.empty() && slots_[h].word != w) h = (h + 1) & mask_;
        slots_[h].word = w;
        slots_[h].bits |= l.bit;
      }
    }
  }

  // The bits of the lists holding `w` exactly (case-sensitive); 0 for the empty word.
  uint32_t Of(std::string_view w) const {
    if (w.size() < min_len_ || w.size() > max_len_) return 0;
    for (size_t h = word_set_detail::WordHash(w) & mask_; !slots_[h].word.empty();
         h = (h + 1) & mask_) {
      if (word_set_detail::SameWord(slots_[h].word, w)) return slots_[h].bits;
    }
    return 0;
  }

 private:
  struct Slot {
    std::string_view word;
    uint32_t bits = 0;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t min_len_ = static_cast<size_t>(-1), max_len_ = 0;
};

}  // namespace sitrep::util
