#include "time/lexer.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

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

// Is a wide punctuation mark (WidePunct) at `pos`?
bool IsWidePunct(std::string_view text, size_t pos) { return WidePunct(text, pos) != 0; }

// Bit masks of one 64-byte block (bit k = byte o + k), bytes at and after the end of the text
// all clear.
struct BlockMasks {
  uint64_t word;   // bytes of word tokens: ASCII letters and non-ASCII bytes outside wide marks
  uint64_t digit;  // ASCII digits
  uint64_t space;  // whitespace between tokens (' ', \t, \r, \f, \v; not \n)
  uint64_t wide;   // first bytes of wide punctuation marks (3 bytes each)
  uint64_t single; // one-byte punctuation tokens, '\n' included
  uint64_t upper;  // ASCII capitals (of the original text)
};

// The byte classes of 64 bytes, before the end of the text is applied (LowerAndMask).
struct RawMasks {
  uint64_t letter, digit, space, high, upper;
};

// Lowercases the 64 bytes at `src` into `low` and classes them (the classes of the lowered
// bytes; `upper` of the original ones). Signed compares: bytes >= 0x80 are negative and fall
// in none of the ASCII ranges.
#if defined(__SSE2__)
RawMasks RawMasksSse2(const char* src, char* low) {
  RawMasks r{};
  const __m128i A1 = _mm_set1_epi8('A' - 1), Z1 = _mm_set1_epi8('Z' + 1);
  const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
  const __m128i d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
  const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n');
  const __m128i c8 = _mm_set1_epi8(8), c14 = _mm_set1_epi8(14), bit5 = _mm_set1_epi8(0x20);
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 16 * k));
    __m128i u = _mm_and_si128(_mm_cmpgt_epi8(v, A1), _mm_cmplt_epi8(v, Z1));
    v = _mm_add_epi8(v, _mm_and_si128(u, bit5));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(low + 16 * k), v);
    __m128i l = _mm_and_si128(_mm_cmpgt_epi8(v, a1), _mm_cmplt_epi8(v, z1));
    __m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9));
    __m128i ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v, nl),
                                   _mm_and_si128(_mm_cmpgt_epi8(v, c8), _mm_cmplt_epi8(v, c14)));
    __m128i s = _mm_or_si128(_mm_cmpeq_epi8(v, sp), ctl);
    const int shift = 16 * k;
    r.letter |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(l))) << shift;
    r.digit |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(d))) << shift;
    r.space |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(s))) << shift;
    r.high |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v))) << shift;
    r.upper |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(u))) << shift;
  }
  return r;
}
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SITREP_TIMEX_AVX2 1
// The same 32 bytes at a time, for CPUs that have AVX2 (checked at run time: the build
// targets plain x86-64).
__attribute__((target("avx2"))) inline RawMasks RawMasksAvx2(const char* src, char* low) {
  RawMasks r{};
  const __m256i A1 = _mm256_set1_epi8('A' - 1), Z1 = _mm256_set1_epi8('Z' + 1);
  const __m256i a1 = _mm256_set1_epi8('a' - 1), z1 = _mm256_set1_epi8('z' + 1);
  const __m256i d0 = _mm256_set1_epi8('0' - 1), d9 = _mm256_set1_epi8('9' + 1);
  const __m256i sp = _mm256_set1_epi8(' '), nl = _mm256_set1_epi8('\n');
  const __m256i c8 = _mm256_set1_epi8(8), c14 = _mm256_set1_epi8(14);
  const __m256i bit5 = _mm256_set1_epi8(0x20);
  for (int k = 0; k < 2; ++k) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 32 * k));
    __m256i u = _mm256_and_si256(_mm256_cmpgt_epi8(v, A1), _mm256_cmpgt_epi8(Z1, v));
    v = _mm256_add_epi8(v, _mm256_and_si256(u, bit5));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(low + 32 * k), v);
    __m256i l = _mm256_and_si256(_mm256_cmpgt_epi8(v, a1), _mm256_cmpgt_epi8(z1, v));
    __m256i d = _mm256_and_si256(_mm256_cmpgt_epi8(v, d0), _mm256_cmpgt_epi8(d9, v));
    __m256i ctl = _mm256_andnot_si256(
        _mm256_cmpeq_epi8(v, nl),
        _mm256_and_si256(_mm256_cmpgt_epi8(v, c8), _mm256_cmpgt_epi8(c14, v)));
    __m256i s = _mm256_or_si256(_mm256_cmpeq_epi8(v, sp), ctl);
    const int shift = 32 * k;
    r.letter |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(l))) << shift;
    r.digit |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(d))) << shift;
    r.space |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(s))) << shift;
    r.high |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(v))) << shift;
    r.upper |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(u))) << shift;
  }
  return r;
}
#endif

RawMasks RawMasksScalar(const char* src, char* low) {
  RawMasks r{};
  for (size_t k = 0; k < 64; ++k) {
    unsigned char c = static_cast<unsigned char>(src[k]);
    const uint64_t bit = uint64_t{1} << k;
    if (c >= 'A' && c <= 'Z') {
      r.upper |= bit;
      c = static_cast<unsigned char>(c + 32);
    }
    low[k] = static_cast<char>(c);
    if (c >= 'a' && c <= 'z') r.letter |= bit;
    if (IsDigit(c)) r.digit |= bit;
    if (c == ' ' || (c >= 9 && c <= 13 && c != '\n')) r.space |= bit;
    if (c >= 0x80) r.high |= bit;
  }
  return r;
}

// The best level the CPU runs: 2 AVX2 (with BMI1/2 and POPCNT), 1 SSE2, 0 scalar.
int BestSimdLevel() {
#if defined(SITREP_TIMEX_AVX2)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt")) {
    return 2;
  }
#endif
#if defined(__SSE2__)
  return 1;
#else
  return 0;
#endif
}

int& SimdLevel() {
  static int level = BestSimdLevel();
  return level;
}

// Lowercases the 64 bytes of the text from o into `low + o` (the text's bytes, then NULs past
// its end) and returns their masks; `text` is the original.
[[gnu::always_inline]] inline BlockMasks LowerAndMask(std::string_view text, char* low, size_t o,
                                                     int level) {
  const size_t left = text.size() - o;
  const char* src = text.data() + o;
  // The last block: the text is not padded, its copy is.
  alignas(32) char tail[64];
  if (left < 64) {
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, src, left);
    src = tail;
  }
  RawMasks r;
#if defined(SITREP_TIMEX_AVX2)
  if (level == 2) {
    r = RawMasksAvx2(src, low + o);
  } else
#endif
#if defined(__SSE2__)
  if (level >= 1) {
    r = RawMasksSse2(src, low + o);
  } else
#endif
  {
    r = RawMasksScalar(src, low + o);
  }
  const uint64_t valid = left >= 64 ? ~uint64_t{0} : (uint64_t{1} << left) - 1;
  BlockMasks m;
  m.word = r.letter;
  m.digit = r.digit & valid;
  m.space = r.space & valid;
  m.upper = r.upper;
  m.wide = 0;
  uint64_t high = r.high & valid;
  const uint64_t other = valid & ~(r.letter | r.digit | r.space | high);
  // Non-ASCII bytes are word bytes, except the three bytes of a wide punctuation mark.
  while (high != 0) {
    size_t k = static_cast<size_t>(__builtin_ctzll(high));
    high &= high - 1;
    size_t q = o + k;
    if (IsWidePunct(text, q)) {
      m.wide |= uint64_t{1} << k;
    } else if (!(q >= 1 && IsWidePunct(text, q - 1)) && !(q >= 2 && IsWidePunct(text, q - 2))) {
      m.word |= uint64_t{1} << k;
    }
  }
  m.single = other;
  return m;
}

// Set bits of v (SWAR: without -mpopcnt __builtin_popcountll is a library call).
size_t PopCount(uint64_t v) {
  v = v - ((v >> 1) & 0x5555555555555555ULL);
  v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
  v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<size_t>((v * 0x0101010101010101ULL) >> 56);
}

// Index of the first clear bit at or after `pos` in the bit array `bits` (which ends with a
// zero word).
size_t NextClear(const uint64_t* bits, size_t pos) {
  size_t w = pos >> 6;
  uint64_t rest = ~bits[w] & (~uint64_t{0} << (pos & 63));
  while (rest == 0) rest = ~bits[++w];
  return (w << 6) + static_cast<size_t>(__builtin_ctzll(rest));
}

// Pass 3 of LexInto: the classes, numbers and index ids of the listed words (`look`, `looks`
// of them) of `toks`, whose text is in `low`; lists the time words in `hot_word` and returns
// their count. Its own function: the lookup's constants and pointers then stay in registers.
// With a sealed table the lookup has no branch: a word longer than any key (16 bytes) is looked
// up as the empty key, which no word has (FindPaddedSealed gives 0 for it).
[[gnu::noinline]] size_t ClassifyListedSealed(const WordClassTable& table, const char* low,
                                              Tok* toks, const uint32_t* look, size_t looks,
                                              uint32_t* hot_word) {
  size_t hot_ws = 0;
  for (size_t q = 0; q < looks; ++q) {
    const uint32_t at = look[q];
    Tok& t = toks[at];
    const size_t n = t.end - t.begin;
    uint8_t number, id;
    const int cls = table.FindPaddedSealed(low + t.begin, n > 16 ? 0 : n, &number, &id);
    t.cls = static_cast<uint8_t>(cls);
    t.starter = cls != 0;
    t.number = number;
    t.word = id;
    hot_word[hot_ws] = at;
    hot_ws += (cls & kTimeWord) != 0;
  }
  return hot_ws;
}

// The same with a table that is not sealed (the probing lookup).
size_t ClassifyListed(const WordClassTable& table, const char* low, Tok* toks,
                      const uint32_t* look, size_t looks, uint32_t* hot_word) {
  size_t hot_ws = 0;
  for (size_t q = 0; q < looks; ++q) {
    Tok& t = toks[look[q]];
    uint8_t number, id;
    const int cls = ClassifyTimeWordPadded(table, low + t.begin, t.end - t.begin, &number, &id);
    t.cls = static_cast<uint8_t>(cls);
    t.starter = cls != 0;
    t.number = number;
    t.word = id;
    hot_word[hot_ws] = look[q];
    hot_ws += (cls & kTimeWord) != 0;
  }
  return hot_ws;
}

// LexTimexInto at SIMD level `level`; inlined into one copy per instruction set (LexTimexInto).
[[gnu::always_inline]] inline size_t LexInto(std::string_view text, std::string* lowered,
                                            std::vector<Tok>* slots,
                                            std::vector<uint32_t>* candidates,
                                            std::vector<uint32_t>* time_words, int level) {
  const size_t size = text.size();
  // Grows only when a longer text comes and never shrinks (the buffers live across calls), so
  // no zero-filling of the buffer per call; bytes after the padding are left from earlier texts.
  if (lowered->size() < size + kLoweredPadding) lowered->resize(size + kLoweredPadding);
  char* p = lowered->data();
  const char* src = text.data();
  if (candidates) candidates->clear();
  thread_local std::vector<uint32_t> own_time_words;
  std::vector<uint32_t>& hot_words = time_words ? *time_words : own_time_words;
  if (size == 0) {
    std::memset(p, 0, kLoweredPadding);
    if (hot_words.empty()) hot_words.resize(1);
    hot_words[0] = UINT32_MAX;
    return 0;
  }

  // Pass 1: the lowercased copy, and masks of word and digit bytes, token starts, glued token
  // starts (no whitespace before them) and capitals, per 64-byte block; the token count.
  thread_local std::vector<uint64_t> word_bits, digit_bits, starts, glued_bits, upper_bits;
  const size_t blocks = (size + 63) / 64;
  word_bits.resize(blocks + 1);
  digit_bits.resize(blocks + 1);
  starts.resize(blocks);
  glued_bits.resize(blocks);
  upper_bits.resize(blocks);
  uint64_t carry_word = 0, carry_digit = 0;
  uint64_t carry_space = 1;  // the first token is never glued
  size_t count = 0;
  for (size_t b = 0; b < blocks; ++b) {
    BlockMasks m = LowerAndMask(text, p, b * 64, level);
    word_bits[b] = m.word;
    upper_bits[b] = m.upper;
    digit_bits[b] = m.digit;
    const uint64_t start = (m.word & ~(m.word << 1 | carry_word)) |
                           (m.digit & ~(m.digit << 1 | carry_digit)) | m.wide | m.single;
    starts[b] = start;
    // The byte before a token is whitespace or the previous token's last byte.
    glued_bits[b] = start & ~(m.space << 1 | carry_space);
    count += PopCount(start);
    carry_word = m.word >> 63;
    carry_digit = m.digit >> 63;
    carry_space = m.space >> 63;
  }
  word_bits[blocks] = digit_bits[blocks] = 0;
  // The last block wrote NULs up to its end; the padding goes on to size + kLoweredPadding.
  std::memset(p + size, 0, kLoweredPadding);

  // Pass 2: one token per start, written in place (every field: the slots keep the last
  // document's tokens; a Tok built on the stack and copied in stalls on store forwarding).
  // Grown only: slots made for an earlier, longer text are reused without being constructed
  // again. Words are not looked up here: those whose length and first two letters some word of
  // the table has (MayHold, about a third of a news text's words) are listed, without a branch,
  // for pass 3; the others keep class 0. Numbers that can make a match hot are listed too.
  if (slots->size() < count) slots->resize(count);
  Tok* const toks = slots->data();
  // The fields after `end` of a word before its lookup and of a punctuation mark before its
  // char: copied in two 8-byte moves instead of written one by one (the slots hold the last
  // document's tokens, so every field is written).
  static_assert(std::is_trivially_copyable_v<Tok> && offsetof(Tok, kind) == 8 &&
                sizeof(Tok) == 24);
  constexpr size_t kTailOffset = offsetof(Tok, kind), kTailSize = sizeof(Tok) - kTailOffset;
  static const auto kTails = [] {
    std::array<std::array<char, kTailSize>, 2> tails{};
    Tok word_tok;  // kWord; not glued, no capital, no class, no number (-1), no candidate
    word_tok.kind = Tok::kWord;
    Tok punct_tok;
    punct_tok.kind = Tok::kPunct;
    std::memcpy(tails[0].data(), reinterpret_cast<const char*>(&word_tok) + kTailOffset, kTailSize);
    std::memcpy(tails[1].data(), reinterpret_cast<const char*>(&punct_tok) + kTailOffset,
                kTailSize);
    return tails;
  }();
  const char* const kWordTail = kTails[0].data();
  const char* const kPunctTail = kTails[1].data();
  const WordClassTable& table = TimeWordClasses();
  const bool sealed = table.sealed();
  thread_local std::vector<uint32_t> lookups, hot_numbers;
  if (lookups.size() < count + 1) {
    lookups.resize(count + 1);
    hot_numbers.resize(count + 1);
  }
  if (hot_words.size() < count + 1) hot_words.resize(count + 1);
  uint32_t* const look = lookups.data();
  uint32_t* const hot_num = hot_numbers.data();
  size_t looks = 0, hot_nums = 0;
  size_t k = 0;
  for (size_t b = 0; b < blocks; ++b) {
    const uint64_t word = word_bits[b], digit = digit_bits[b], glued = glued_bits[b];
    const uint64_t upper = upper_bits[b];
    for (uint64_t s = starts[b]; s != 0; s &= s - 1, ++k) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(s));
      const size_t pos = b * 64 + bit;
      Tok& t = toks[k];
      t.begin = static_cast<uint32_t>(pos);
      const bool is_glued = (glued >> bit & 1) != 0;
      if (word >> bit & 1) {
        // The word ends at the first non-word byte, most often in the same block.
        const uint64_t rest = ~word & (~uint64_t{0} << bit);
        const size_t end = rest != 0 ? b * 64 + static_cast<size_t>(__builtin_ctzll(rest))
                                     : NextClear(word_bits.data(), (b + 1) * 64);
        t.end = static_cast<uint32_t>(end);
        std::memcpy(reinterpret_cast<char*>(&t) + kTailOffset, kWordTail, kTailSize);
        t.glued = is_glued;
        t.cap = (upper >> bit & 1) != 0;
        // Appended without a branch: a branch on the shape mispredicts on every few words
        // (measured: -13% documents/s). Without a sealed table every word is listed below.
        look[looks] = static_cast<uint32_t>(k);
        looks += table.MayBeKey(p + pos, end - pos);
      } else {
        if (digit >> bit & 1) {
          const uint64_t rest = ~digit & (~uint64_t{0} << bit);
          const size_t end = rest != 0 ? b * 64 + static_cast<size_t>(__builtin_ctzll(rest))
                                       : NextClear(digit_bits.data(), (b + 1) * 64);
          const size_t n = end - pos;
          t.kind = Tok::kNum;
          t.glued = is_glued;
          t.cap = false;
          t.candidate = false;
          t.cls = 0;
          t.number = 0;
          t.word = 0;
          t.end = static_cast<uint32_t>(end);
          t.ch = 0;
          t.digits = static_cast<uint8_t>(n > 255 ? 255 : n);
          int v = -1;
          if (n <= 9) {
            v = 0;
            for (size_t q = pos; q < end; ++q) v = v * 10 + (src[q] - '0');
          }
          t.num = v;
          t.starter = true;
          hot_num[hot_nums] = static_cast<uint32_t>(k);
          hot_nums += v >= 0;
        } else {
          // One-byte punctuation (ASCII), and wide marks (3 bytes, the only punctuation that
          // begins with a byte >= 0x80).
          const bool wide = static_cast<unsigned char>(src[pos]) >= 0x80;
          const char ch = wide ? WidePunct(text, pos) : src[pos];
          t.end = static_cast<uint32_t>(pos + (wide ? 3 : 1));
          std::memcpy(reinterpret_cast<char*>(&t) + kTailOffset, kPunctTail, kTailSize);
          t.glued = is_glued;
          t.ch = ch;
          t.starter = ch == '\'';
        }
      }
    }
  }

  if (!sealed) {
    looks = 0;
    for (size_t q = 0; q < count; ++q) {
      look[looks] = static_cast<uint32_t>(q);
      looks += toks[q].kind == Tok::kWord;
    }
  }

  // Pass 3: the listed words' classes, numbers and index ids; time words are hot.
  uint32_t* const hot_word = hot_words.data();
  const size_t hot_ws = sealed ? ClassifyListedSealed(table, p, toks, look, looks, hot_word)
                               : ClassifyListed(table, p, toks, look, looks, hot_word);

  // Pass 4: the hot tokens (numbers and time words) in text order, merged from the two lists;
  // the starters among each and the kCandidateWindow - 1 tokens before it are candidates.
  // Tokens up to the previous hot token were marked by it or an earlier one: a window starts
  // after them (hot tokens come in clusters: "on Jan. 5, 2024").
  hot_num[hot_nums] = hot_word[hot_ws] = UINT32_MAX;
  // Each token is visited once (the windows do not overlap), so the list stays sorted; it is
  // appended to without a branch, in a buffer that only grows, then copied out.
  thread_local std::vector<uint32_t> listed;
  if (listed.size() < count) listed.resize(count);
  uint32_t* const cand = listed.data();
  size_t cands = 0;
  size_t marked = 0;  // tokens before this are marked
  for (size_t a = 0, w = 0; a < hot_nums || w < hot_ws;) {
    const size_t h = hot_num[a] < hot_word[w] ? hot_num[a++] : hot_word[w++];
    const size_t window = h + 1 >= kCandidateWindow ? h + 1 - kCandidateWindow : 0;
    const size_t from = window > marked ? window : marked;
    marked = h + 1;
    for (size_t j = from; j <= h; ++j) {
      const bool starter = toks[j].starter;
      toks[j].candidate = starter;
      cand[cands] = static_cast<uint32_t>(j);
      cands += starter;
    }
  }
  if (candidates) candidates->assign(cand, cand + cands);
  return count;
}


#if defined(SITREP_TIMEX_AVX2)
// The same compiled for CPUs with AVX2, BMI1/2 and POPCNT (SIMD level 2): shifts by a token's
// bit without the count register, set-bit clears and counts in one instruction each.
__attribute__((target("avx2,bmi,bmi2,popcnt"))) size_t LexIntoHaswell(
    std::string_view text, std::string* lowered, std::vector<Tok>* slots,
    std::vector<uint32_t>* candidates, std::vector<uint32_t>* time_words) {
  return LexInto(text, lowered, slots, candidates, time_words, 2);
}
#endif

size_t LexIntoGeneric(std::string_view text, std::string* lowered, std::vector<Tok>* slots,
                      std::vector<uint32_t>* candidates, std::vector<uint32_t>* time_words,
                      int level) {
  return LexInto(text, lowered, slots, candidates, time_words, level);
}

}  // namespace

int LexTimexSimdLevel() { return SimdLevel(); }

int SetLexTimexSimdLevel(int level) {
  const int previous = SimdLevel();
  const int best = BestSimdLevel();
  SimdLevel() = level < 0 ? 0 : level > best ? best : level;
  return previous;
}

void LexTimex(std::string_view text, std::string* lowered, std::vector<Tok>* out,
              std::vector<uint32_t>* candidates) {
  out->resize(LexTimexInto(text, lowered, out, candidates));
}

size_t LexTimexInto(std::string_view text, std::string* lowered, std::vector<Tok>* slots,
                    std::vector<uint32_t>* candidates, std::vector<uint32_t>* time_words) {
  const int level = SimdLevel();
#if defined(SITREP_TIMEX_AVX2)
  if (level == 2) return LexIntoHaswell(text, lowered, slots, candidates, time_words);
#endif
  return LexIntoGeneric(text, lowered, slots, candidates, time_words, level);
}

void LexTimexReference(std::string_view text, std::string* lowered, std::vector<Tok>* out) {
  lowered->assign(text);
  // Branch-free so that the compiler vectorizes it.
  char* p = lowered->data();
  for (size_t k = 0, n = lowered->size(); k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(p[k]);
    p[k] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
  lowered->append(kLoweredPadding, '\0');
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
      std::string_view word = low.substr(t.begin, t.end - t.begin);
      if (!word.empty() && word.size() <= 16) {
        t.cls = static_cast<uint8_t>(ClassifyPluralTimeWord(table, word, table.Find(word)));
        t.number = static_cast<uint8_t>(SmallNumberWord(word));
        t.word = static_cast<uint8_t>(table.WordId(word));
      }
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
