// Tokenizer: one left-to-right pass over the bytes with a table lookup per ASCII byte.
//
// A word-like token is a run of letters/digits ("segments") glued by joiners that only count
// between the right neighbours:
//   - hyphen      before a letter/digit            "Abd-al-Jalil" "F-16" "10-12" "U.S.-led"
//   - apostrophe  before a letter                  "don't" "Iraq’s" (possessives stay attached)
//   - '.'         digit.digit                      "2.5"
//   - '.'         single letter . single letter    "U.S." "e.g." (plus the final period)
//   - ','         digit,ddd (exactly three digits)  "2,500" but "5,6"
//   - '/' ':'     digit/digit                      "10/06/1971" "10:30"
// Kind: letters only = word, digits only = number, both = alnum. Runs of . ! ? and runs of
// '-' are one punct token ("...", "?!", "--"); every other character is its own token.
#include <cstdint>

#include "sitrep/text.h"
#include "text/char_class.h"

namespace sitrep {
namespace {

using text_internal::Cc;
using text_internal::ClassAt;

bool IsAlnum(Cc c) { return c == Cc::kLetter || c == Cc::kDigit; }

struct Scanner {
  const unsigned char* p;
  size_t n;

  Cc At(size_t i, size_t* len) const {
    if (i >= n) {
      *len = 0;
      return Cc::kSpace;
    }
    return ClassAt(p, n, i, len);
  }

  // True when the three bytes at i are digits and the byte after them is not.
  bool ThreeDigitsAt(size_t i) const {
    size_t len;
    for (size_t k = 0; k < 3; ++k) {
      if (At(i + k, &len) != Cc::kDigit || len != 1) return false;
    }
    return At(i + 3, &len) != Cc::kDigit;
  }

  // Scans a word-like token starting at alnum `i`; returns its end and sets *kind.
  size_t Word(size_t i, TokenKind* kind) const {
    bool has_letter = false, has_digit = false;
    bool dotted = false;   // inside an "U.S."-style abbreviation
    Cc last = Cc::kSpace;  // class of the last code point taken
    size_t seg_count = 0;  // code points in the current segment
    for (;;) {
      size_t len;
      for (Cc c = At(i, &len); IsAlnum(c); c = At(i, &len)) {
        (c == Cc::kLetter ? has_letter : has_digit) = true;
        last = c;
        ++seg_count;
        i += len;
      }
      size_t jlen, nlen;
      const Cc joiner = At(i, &jlen);
      const size_t k = i + jlen;
      const Cc next = At(k, &nlen);
      bool join = false;
      size_t resume = k;  // where the next segment starts when joining
      switch (joiner) {
        case Cc::kHyphen:
          join = IsAlnum(next);
          break;
        case Cc::kApostrophe:
          join = next == Cc::kLetter;
          break;
        case Cc::kPeriod:
          if (last == Cc::kDigit && next == Cc::kDigit) {
            join = true;
          } else if (last == Cc::kLetter && seg_count == 1) {
            size_t alen;
            if (next == Cc::kLetter && !IsAlnum(At(k + nlen, &alen))) {
              join = dotted = true;
            } else if (dotted) {
              // The final period of "U.S." belongs to the token; only a hyphen or an
              // apostrophe may continue it ("U.S.-led", "U.S.'s").
              i = k;
              dotted = false;
              const Cc after = next;
              const Cc after2 = At(k + nlen, &alen);
              join = (after == Cc::kHyphen && IsAlnum(after2)) ||
                     (after == Cc::kApostrophe && after2 == Cc::kLetter);
              resume = k + nlen;
            }
          }
          break;
        case Cc::kComma:
          join = last == Cc::kDigit && ThreeDigitsAt(k);
          break;
        case Cc::kDigitJoin:
          join = last == Cc::kDigit && next == Cc::kDigit;
          break;
        default:
          break;
      }
      if (!join) break;
      i = resume;
      seg_count = 0;
    }
    *kind = has_letter ? (has_digit ? TokenKind::kAlnum : TokenKind::kWord) : TokenKind::kNumber;
    return i;
  }
};

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) {
  const Scanner s{reinterpret_cast<const unsigned char*>(text.data()), text.size()};
  const unsigned char* p = s.p;
  const size_t n = s.n;
  size_t i = 0;
  while (i < n) {
    size_t len;
    const Cc c = ClassAt(p, n, i, &len);
    if (c == Cc::kSpace) {
      i += len;
      continue;
    }
    const size_t begin = i;
    TokenKind kind = TokenKind::kPunct;
    if (IsAlnum(c)) {
      i = s.Word(i, &kind);
    } else if (c == Cc::kPeriod || c == Cc::kBang) {
      do ++i;
      while (i < n && (p[i] == '.' || p[i] == '!' || p[i] == '?'));
    } else if (p[i] == '-') {
      do ++i;
      while (i < n && p[i] == '-');
    } else {
      i += len;
      if (c == Cc::kSymbol) kind = TokenKind::kSymbol;
    }
    out->push_back({{static_cast<uint32_t>(begin), static_cast<uint32_t>(i)}, kind});
  }
}

}  // namespace sitrep
