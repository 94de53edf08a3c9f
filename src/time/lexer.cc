#include "time/lexer.h"

#include <cstdint>
#include <cstring>

#include "time/lexicon.h"

namespace sitrep::timex {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Returns the ASCII stand-in for the 3-byte punctuation we care about at `pos`, or 0.
char WidePunct(std::string_view text, size_t pos) {
  if (pos + 2 >= text.size() || static_cast<unsigned char>(text[pos]) != 0xE2 ||
      static_cast<unsigned char>(text[pos + 1]) != 0x80) {
    return 0;
  }
  unsigned char c = static_cast<unsigned char>(text[pos + 2]);
  if (c == 0x98 || c == 0x99) return '\'';
  if (c == 0x93 || c == 0x94 || c == 0x90 || c == 0x91) return '-';
  if (c == 0x9C || c == 0x9D) return '"';
  return 0;
}

}  // namespace

void LexTimex(std::string_view text, std::string* lowered, std::vector<Tok>* out) {
  lowered->assign(text);
  // Branch-free so that the compiler vectorizes it.
  char* p = lowered->data();
  for (size_t k = 0, n = lowered->size(); k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(p[k]);
    p[k] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
  // Padding for ClassifyTimeWordPadded's 16-byte loads at the last word.
  lowered->append(16, '\0');
  std::string_view low(*lowered);
  const WordClassTable& table = TimeWordClasses();
  out->clear();
  size_t i = 0;
  uint32_t prev_end = UINT32_MAX;
  auto push = [&](Tok t) {
    t.glued = t.begin == prev_end;
    prev_end = t.end;
    bool hot;
    if (t.kind == Tok::kWord) {
      t.starter = t.cls != 0;
      hot = (t.cls & kTimeWord) != 0;
    } else if (t.kind == Tok::kNum) {
      t.starter = true;
      hot = t.num >= 0;
    } else {
      t.starter = t.ch == '\'';
      hot = false;
    }
    out->push_back(t);
    if (hot) {
      // The starters among this token and the kCandidateWindow - 1 before it are candidates.
      size_t k = out->size();
      size_t from = k >= kCandidateWindow ? k - kCandidateWindow : 0;
      for (size_t j = from; j < k; ++j) (*out)[j].candidate = (*out)[j].starter;
    }
  };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      Tok t;
      t.kind = Tok::kPunct;
      t.ch = '\n';
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + 1);
      push(t);
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      Tok t;
      t.kind = Tok::kNum;
      t.begin = static_cast<uint32_t>(i);
      long long v = 0;
      size_t n = 0;
      while (i < text.size() && IsDigit(static_cast<unsigned char>(text[i]))) {
        if (n < 18) v = v * 10 + (text[i] - '0');
        ++n;
        ++i;
      }
      t.end = static_cast<uint32_t>(i);
      t.digits = static_cast<uint8_t>(n > 255 ? 255 : n);
      t.num = n <= 9 ? static_cast<int>(v) : -1;
      push(t);
      continue;
    }
    if (char wide = WidePunct(text, i)) {
      Tok t;
      t.kind = Tok::kPunct;
      t.ch = wide;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + 3);
      push(t);
      i += 3;
      continue;
    }
    if (IsAsciiAlpha(c) || c >= 0x80) {
      Tok t;
      t.kind = Tok::kWord;
      t.begin = static_cast<uint32_t>(i);
      t.cap = c >= 'A' && c <= 'Z';
      while (i < text.size()) {
        // Eight bytes at a time while they are ASCII (the lowered copy is padded): the first
        // byte that is no letter ends the word.
        uint64_t v;
        std::memcpy(&v, low.data() + i, 8);
        if ((v & kHighBits) == 0) {
          uint64_t l = v | 0x2020202020202020ULL;
          uint64_t ge_a = l + 0x1F1F1F1F1F1F1F1FULL;  // high bit: byte >= 'a'
          uint64_t gt_z = l + 0x0505050505050505ULL;  // high bit: byte > 'z'
          uint64_t other = ~(ge_a & ~gt_z) & kHighBits;
          if (other != 0) {
            i += static_cast<size_t>(__builtin_ctzll(other)) / 8;
            if (i > text.size()) i = text.size();
            break;
          }
          i += 8;
          continue;
        }
        unsigned char d = static_cast<unsigned char>(text[i]);
        if (IsAsciiAlpha(d)) {
          ++i;
          continue;
        }
        if (d < 0x80 || WidePunct(text, i)) break;
        ++i;
      }
      if (i > text.size()) i = text.size();
      t.end = static_cast<uint32_t>(i);
      t.cls = static_cast<uint8_t>(
          ClassifyTimeWordPadded(table, low.data() + t.begin, t.end - t.begin));
      push(t);
      continue;
    }
    Tok t;
    t.kind = Tok::kPunct;
    t.ch = static_cast<char>(c);
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + 1);
    push(t);
    ++i;
  }
}

}  // namespace sitrep::timex
