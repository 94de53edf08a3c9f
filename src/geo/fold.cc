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

}  // namespace

std::string FoldName(std::string_view name) {
  // Most names asked about are one plain ASCII word ("Baghdad", "Monday"): the passes below
  // only lower-case it (no separator, no mark, and a last word is never an article dropped).
  // Several such words joined by single spaces ("Deir Hafer", a candidate's two words): pass 1
  // below would only lower-case them too, so it is skipped; articles still drop in pass 2.
  // Both are recognized while the copy is lower-cased, in one pass over the bytes.
  if (!name.empty() && name.front() != ' ' && name.back() != ' ') {
    std::string s(name);
    bool plain = true, spaced = true;
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c >= 'A' && c <= 'Z') {
        s[i] = static_cast<char>(c + 32);
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        plain = false;
        if (c != ' ' || s[i - 1] == ' ') {  // (i > 0: the name does not start with a space)
          spaced = false;
          break;
        }
      }
    }
    if (plain) return s;
    if (spaced) {
      DropArticles(s);
      return s;
    }
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

// LooseKey's classes of bytes: most bytes (consonants, digits, other scripts' bytes) are kept as
// written; the others have a rule each.
enum LooseClass : uint8_t {
  kLooseKept,
  kLooseSpace,
  kLooseVowel,
  kLooseY,
  kLooseQ,
  kLooseD,
  kLooseP,
  kLooseH
};
constexpr std::array<uint8_t, 256> kLooseClasses = [] {
  std::array<uint8_t, 256> classes{};
  classes[' '] = kLooseSpace;
  for (char c : {'a', 'e', 'i', 'o', 'u'}) classes[static_cast<unsigned char>(c)] = kLooseVowel;
  classes['y'] = kLooseY;
  classes['q'] = kLooseQ;
  classes['d'] = kLooseD;
  classes['p'] = kLooseP;
  classes['h'] = kLooseH;
  return classes;
}();

// The key's byte for each byte whose rule does not look at its neighbours (kept, a vowel, "q"),
// 0 for the others (a space, "y", "d", "p", "h", and NUL): one load and a test for most bytes.
constexpr std::array<char, 256> kLooseMapped = [] {
  std::array<char, 256> mapped{};
  for (int c = 1; c < 256; ++c) {
    switch (kLooseClasses[c]) {
      case kLooseKept:
        mapped[c] = static_cast<char>(c);
        break;
      case kLooseVowel:
        mapped[c] = 'a';
        break;
      case kLooseQ:
        mapped[c] = 'k';
        break;
      default:
        break;
    }
  }
  return mapped;
}();

std::string LooseKey(std::string_view folded) {
  // Written in place (the key is never longer than `folded`): `n` bytes of `out` are the key.
  std::string out(folded.size(), '\0');
  char* const o = out.data();
  const char* const f = folded.data();
  const size_t size = folded.size();
  size_t n = 0;
  size_t word_start = 0;  // position in `out` where the current word began
  bool at_word_start = true;
  for (size_t i = 0; i < size; ++i) {
    char c = f[i];
    if (const char m = kLooseMapped[static_cast<unsigned char>(c)]; m != 0) {
      // The switch's kept, vowel and "q" cases, then the collapse below.
      if (at_word_start) {
        word_start = n;
        at_word_start = false;
      }
      if (n == 0 || o[n - 1] != m) o[n++] = m;
      continue;
    }
    const uint8_t cls = kLooseClasses[static_cast<unsigned char>(c)];
    if (at_word_start && cls != kLooseSpace) word_start = n;
    switch (cls) {
      case kLooseKept:
        break;
      case kLooseSpace:
        at_word_start = true;
        continue;
      case kLooseVowel:  // every vowel is "a"
        c = 'a';
        break;
      case kLooseY:
        if (!at_word_start) c = 'a';  // a vowel but at a word's start ("Yemen")
        break;
      case kLooseQ:
        c = 'k';
        break;
      case kLooseD:
        if (i + 1 < size && f[i + 1] == 'j') continue;  // dj → j
        break;
      case kLooseP:
        if (i + 1 < size && f[i + 1] == 'h') {  // ph → f
          c = 'f';
          ++i;
        }
        break;
      case kLooseH:
        // Trailing "h" after a vowel: "fallujah" → "falluja". (The key's vowels are all "a"
        // but a word's first "y".)
        if ((i + 1 == size || f[i + 1] == ' ') && n > word_start && o[n - 1] == 'a') {
          at_word_start = false;
          continue;
        }
        break;
    }
    at_word_start = false;
    // Collapses vowel runs and doubled letters (also across the removed space).
    if (n > 0 && o[n - 1] == c) continue;
    o[n++] = c;
  }
  out.resize(n);
  return out;
}

bool IsFoldedArticle(std::string_view lower) { return IsArticle(lower); }

}  // namespace sitrep
