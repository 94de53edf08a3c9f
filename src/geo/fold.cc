// Name folding for gazetteer keys; the rules are documented in sitrep/gazetteer.h. Compiler and
// queries share this code, and the blob records kFoldVersion, so keys cannot drift apart.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

#include "geo/fold_tables.inc"

// Decodes one UTF-8 code point at s[i]; returns 0xFFFFFFFF (and advances one byte) when invalid.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  int len = (b0 >= 0xF0 && b0 < 0xF5) ? 4 : (b0 >= 0xE0) && b0 < 0xF0 ? 3 : (b0 >= 0xC2 && b0 < 0xE0) ? 2 : 0;
  if (len == 0 || i + len > s.size()) { ++i; return 0xFFFFFFFFu; }
  uint32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<uint8_t>(s[i + k]);
    if ((b & 0xC0) != 0x80) { ++i; return 0xFFFFFFFFu; }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFFFFFFu; }
  i += len;
  return cp;
}

bool IsDroppedMark(uint32_t cp) {
  switch (cp) {
    case '\'': case '`': case 0xB4: case 0x2018: case 0x2019: case 0x201B: case 0x2032:
    case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD: case 0x02BE: case 0x02BF: case 0x02C8:
      return true;
    default:
      return (cp >= 0x300 && cp <= 0x36F);  // combining diacritics
  }
}

constexpr std::array<std::string_view, 19> kArticles = {"al", "el", "ad",  "ash", "as", "at", "az",
                                                        "an", "ar", "ath", "adh", "ed", "es", "et",
                                                        "ez", "en", "er",  "ud",  "ul"};
static_assert(std::all_of(kArticles.begin(), kArticles.end(),
                          [](std::string_view a) {
                            return (a.size() == 2 || a.size() == 3) &&
                                   (a[0] == 'a' || a[0] == 'e' || a[0] == 'u');
                          }),
              "IsArticle's first test must pass every article");

bool IsArticle(std::string_view w) {
  // Most words are longer or start otherwise: no compare for them.
  if (w.size() < 2 || w.size() > 3 || (w[0] != 'a' && w[0] != 'e' && w[0] != 'u')) return false;
  for (std::string_view a : kArticles) {
    if (a.size() == w.size() && a[0] == w[0] && a[1] == w[1] && (a.size() == 2 || a[2] == w[2])) {
      return true;
    }
  }
  return false;
}

// Pass 2 of FoldName: drop article words that have a word after them. In place: `s` holds single
// spaces between non-empty words (none leading or trailing), and what is kept only moves left.
void DropArticles(std::string& s) {
  if (s.find(' ') == std::string::npos) return;  // one word: it is the last, always kept
  size_t out = 0;
  for (size_t r = 0; r < s.size();) {
    const size_t sp = s.find(' ', r);
    const size_t end = sp == std::string::npos ? s.size() : sp;
    const bool last = sp == std::string::npos;
    if (last || !IsArticle(std::string_view(s).substr(r, end - r))) {
      if (out > 0) s[out++] = ' ';
      std::memmove(&s[out], &s[r], end - r);  // out <= r: the kept text only moves left
      out += end - r;
    }
    r = last ? s.size() : sp + 1;
  }
  s.resize(out);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

std::string FoldName(std::string_view name) {
  // Most names asked about are one plain ASCII word ("Baghdad", "Monday"): the passes below
  // only lower-case it (no separator, no mark, and a last word is never an article dropped).
  bool plain = !name.empty();
  // Several such words joined by single spaces ("Deir Hafer", a candidate's two words): pass 1
  // below would only lower-case them too, so it is skipped; articles still drop in pass 2.
  bool spaced = !name.empty() && name.front() != ' ' && name.back() != ' ';
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      plain = false;
      if (c != ' ' || i == 0 || name[i - 1] == ' ') {
        spaced = false;
        break;
      }
    }
  }
  if (plain || spaced) {
    std::string s(name);
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    if (plain) return s;
    DropArticles(s);
    return s;
  }
  // Pass 1: map code points to lowercase ASCII letters / digits / pass-through bytes, with ' '
  // as the only separator.
  std::string s;
  s.reserve(name.size());
  size_t word_len = 0;  // letters in the current word, for the "U.S." rule
  auto sep = [&] { if (!s.empty() && s.back() != ' ') s.push_back(' '); word_len = 0; };
  for (size_t i = 0; i < name.size();) {
    const size_t start = i;
    const uint32_t cp = NextCodePoint(name, i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') { s.push_back(static_cast<char>(c + 32)); ++word_len; }
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { s.push_back(c); ++word_len; }
      else if (IsDroppedMark(cp)) {}
      else if (c == '.' && word_len == 1) {}
      else sep();
      continue;
    }
    if (IsDroppedMark(cp)) continue;
    const char* mapped = nullptr;
    if (cp >= kFoldLatin00C0Begin && cp < kFoldLatin00C0End) mapped = kFoldLatin00C0 + 2 * (cp - kFoldLatin00C0Begin);
    else if (cp >= kFoldLatin1E00Begin && cp < kFoldLatin1E00End) mapped = kFoldLatin1E00 + 2 * (cp - kFoldLatin1E00Begin);
    if (mapped != nullptr && mapped[0] != ' ') {
      s.push_back(mapped[0]);
      if (mapped[1] != ' ') s.push_back(mapped[1]);
      ++word_len;
    } else if (cp == 0xFFFFFFFFu || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) ||
               (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || cp == 0x3000) {
      sep();  // invalid byte, NBSP, general punctuation (dashes, spaces), Latin-1 symbols
    } else if (mapped != nullptr) {
      sep();  // a Latin-range code point with no letter (e.g. a click letter)
    } else {
      s.append(name.substr(start, i - start));  // other scripts pass through
      ++word_len;
    }
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  DropArticles(s);
  return s;
}

std::string LooseKey(std::string_view folded) {
  // Written in place (the key is never longer than `folded`): `n` bytes of `out` are the key.
  std::string out(folded.size(), '\0');
  size_t n = 0;
  size_t word_start = 0;  // position in `out` where the current word began
  bool at_word_start = true;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == ' ') { at_word_start = true; continue; }
    const bool word_end = (i + 1 == folded.size() || folded[i + 1] == ' ');
    if (at_word_start) word_start = n;
    if (c == 'q') c = 'k';
    if (c == 'd' && i + 1 < folded.size() && folded[i + 1] == 'j') continue;  // dj → j
    if (c == 'p' && i + 1 < folded.size() && folded[i + 1] == 'h') { c = 'f'; ++i; }
    // Trailing "h" after a vowel: "fallujah" → "falluja".
    if (c == 'h' && word_end && n > word_start && IsVowel(out[n - 1]) && out[n - 1] != 'y') {
      at_word_start = false;
      continue;
    }
    const bool vowel = IsVowel(c) && !(c == 'y' && at_word_start);
    if (vowel) c = 'a';
    if (n > 0 && out[n - 1] == c) {
      at_word_start = false;
      continue;  // collapses vowel runs and doubled letters (also across the removed space)
    }
    out[n++] = c;
    at_word_start = false;
  }
  out.resize(n);
  return out;
}

bool IsFoldedArticle(std::string_view lower) { return IsArticle(lower); }

}  // namespace sitrep
