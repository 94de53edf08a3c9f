#include "time/lexer.h"

#include <array>
#include <bit>
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

constexpr bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

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
};

// The byte classes of 64 bytes, before the end of the text is applied (LowerAndMask).
struct RawMasks {
  uint64_t letter, digit, space, high;
};

// Lowercases the 64 bytes at `src` into `low` and classes them (the classes of the lowered
// bytes). Signed compares: bytes >= 0x80 are negative and fall
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
  }
  return r;
}

#endif

RawMasks RawMasksScalar(const char* src, char* low) {
  RawMasks r{};
  for (size_t k = 0; k < 64; ++k) {
    unsigned char c = static_cast<unsigned char>(src[k]);
    const uint64_t bit = uint64_t{1} << k;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    low[k] = static_cast<char>(c);
    if (c >= 'a' && c <= 'z') r.letter |= bit;
    if (IsDigit(c)) r.digit |= bit;
    if (c == ' ' || (c >= 9 && c <= 13 && c != '\n')) r.space |= bit;
    if (c >= 0x80) r.high |= bit;
  }
  return r;
}

// The best level the CPU runs: 3 AVX-512 (F, BW, VBMI, VBMI2) on top of 2, 2 AVX2 (with BMI1/2
// and POPCNT), 1 SSE2, 0 scalar.
int BestSimdLevel() {
#if defined(SITREP_TIMEX_AVX2)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt")) {
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2")) {
      return 3;
    }
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
// its end; a wide mark's first byte becomes its ASCII stand-in) and returns their masks; `text`
// is the original.
[[gnu::always_inline]] inline BlockMasks LowerAndMask(std::string_view text, char* low, size_t o,
                                                      int level) {
  const size_t left = text.size() - o;
  const char* src = text.data() + o;
  const uint64_t valid = left >= 64 ? ~uint64_t{0} : (uint64_t{1} << left) - 1;
  // The last block: the text is not padded, its copy is.
  alignas(32) char tail[64];
  if (left < 64) {
    std::memset(tail, 0, sizeof tail);
    std::memcpy(tail, src, left);
    src = tail;
  }
  RawMasks r;
#if defined(SITREP_TIMEX_AVX2)
  if (level >= 2) {
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
  BlockMasks m;
  m.word = r.letter;
  m.digit = r.digit & valid;
  m.space = r.space & valid;
  m.wide = 0;
  uint64_t high = r.high & valid;
  const uint64_t other = valid & ~(r.letter | r.digit | r.space | high);
  // Non-ASCII bytes are word bytes, except the three bytes of a wide punctuation mark.
  while (high != 0) {
    size_t k = static_cast<size_t>(__builtin_ctzll(high));
    high &= high - 1;
    size_t q = o + k;
    if (const char ch = WidePunct(text, q)) {
      m.wide |= uint64_t{1} << k;
      low[q] = ch;  // the mark's ASCII stand-in (LexTimex)
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

// Writes base + the index of each set bit of s, in order, from out[0] on; returns the count.
size_t Flatten(uint32_t* out, uint64_t s, uint32_t base) {
  size_t n = 0;
  for (; s != 0; s &= s - 1) out[n++] = base + static_cast<uint32_t>(__builtin_ctzll(s));
  return n;
}

#if defined(SITREP_TIMEX_AVX2)
// The same for `count` set bits (SIMD level 2), writing up to three entries past them too (the
// caller leaves room): four entries per round without a test each (tzcnt gives 64 for an empty
// rest).
__attribute__((target("bmi,popcnt"))) inline void FlattenBmi(uint32_t* out, uint64_t s,
                                                              uint32_t base) {
  while (s != 0) {
    out[0] = base + static_cast<uint32_t>(_tzcnt_u64(s));
    s = _blsr_u64(s);
    out[1] = base + static_cast<uint32_t>(_tzcnt_u64(s));
    s = _blsr_u64(s);
    out[2] = base + static_cast<uint32_t>(_tzcnt_u64(s));
    s = _blsr_u64(s);
    out[3] = base + static_cast<uint32_t>(_tzcnt_u64(s));
    s = _blsr_u64(s);
    out += 4;
  }
}

// Stores the sixteen bytes widened to 32 bits, plus base, at out (the zero-masking forms: GCC 12
// warns about the undefined source of the plain ones).
__attribute__((target("avx512f"))) inline void StoreWidened(uint32_t* out, __m128i sixteen,
                                                             __m512i base) {
  _mm512_storeu_si512(out, _mm512_add_epi32(_mm512_maskz_cvtepu8_epi32(0xFFFF, sixteen), base));
}

// The same with AVX-512 (SIMD level 3): the set bits' indexes packed by one byte compression,
// then widened and stored sixteen at a time: always 32 (a branch on more than 16, taken for about
// one block in five, mispredicts), more only for more than 32 set bits; up to 31 entries past
// them (the caller leaves room). No chain of bit clears.
__attribute__((target("avx512f,avx512bw,avx512vbmi2,popcnt"))) inline void FlattenVbmi2(
    uint32_t* out, uint64_t s, uint32_t base) {
  const __m512i iota = _mm512_set_epi8(
      63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41,
      40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18,
      17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i at = _mm512_maskz_compress_epi8(s, iota);
  const __m512i vbase = _mm512_set1_epi32(static_cast<int>(base));
  const int n = __builtin_popcountll(s);
  StoreWidened(out, _mm512_maskz_extracti32x4_epi32(0xF, at, 0), vbase);
  StoreWidened(out + 16, _mm512_maskz_extracti32x4_epi32(0xF, at, 1), vbase);
  if (n > 32) [[unlikely]] {
    StoreWidened(out + 32, _mm512_maskz_extracti32x4_epi32(0xF, at, 2), vbase);
    if (n > 48) StoreWidened(out + 48, _mm512_maskz_extracti32x4_epi32(0xF, at, 3), vbase);
  }
}
#endif

// Flatten at SIMD level 2 (kBmi) or 3 (kVbmi2 too): returns the count of set bits.
template <bool kBmi, bool kVbmi2>
[[gnu::always_inline]] inline size_t FlattenAt(uint32_t* out, uint64_t s, uint32_t base) {
#if defined(SITREP_TIMEX_AVX2)
  if constexpr (kVbmi2) {
    FlattenVbmi2(out, s, base);
    return static_cast<size_t>(__builtin_popcountll(s));
  } else if constexpr (kBmi) {
    FlattenBmi(out, s, base);
    return static_cast<size_t>(__builtin_popcountll(s));
  }
#endif
  return Flatten(out, s, base);
}

// Pass 4 of LexInto: the classes, numbers and index ids of the listed words (`look`, `looks`
// of them) of `t`, whose text is in `low`; lists the time words in `hot_word` and returns their
// count. Its own function: the lookup's constants and pointers then stay in registers. With a
// sealed table the lookup has no branch: a word longer than any key (16 bytes) is looked up as
// the empty key, which no word has (FindPaddedSealed gives 0 for it).
[[gnu::noinline]] size_t ClassifyListedSealed(const WordClassTable& table, const char* low,
                                              TokenTable* t, const uint32_t* look, size_t looks,
                                              uint32_t* hot_word) {
  const uint32_t* const begin = t->begin.data();
  const uint32_t* const end = t->end.data();
  TokenTable::Reading* const reading = t->reading.data();
  size_t hot_ws = 0;
  static_assert(std::endian::native == std::endian::little && sizeof(TokenTable::Reading) == 4 &&
                std::is_trivially_copyable_v<TokenTable::Reading> &&
                offsetof(TokenTable::Reading, cls) == 0 &&
                offsetof(TokenTable::Reading, number) == 1 &&
                offsetof(TokenTable::Reading, word) == 2);
  for (size_t q = 0; q < looks; ++q) {
    const uint32_t at = look[q];
    const size_t n = end[at] - begin[at];
    // cls | number << 8 | id << 16: the Reading's bytes.
    const uint32_t packed = table.FindPaddedSealedPacked(low + begin[at], n > 16 ? 0 : n);
    std::memcpy(&reading[at], &packed, sizeof packed);
    hot_word[hot_ws] = at;
    hot_ws += (packed & kTimeWord) != 0;
  }
  return hot_ws;
}

// The same with a table that is not sealed (the probing lookup).
size_t ClassifyListed(const WordClassTable& table, const char* low, TokenTable* t,
                      const uint32_t* look, size_t looks, uint32_t* hot_word) {
  size_t hot_ws = 0;
  for (size_t q = 0; q < looks; ++q) {
    const uint32_t at = look[q];
    uint8_t number, id;
    const int cls =
        ClassifyTimeWordPadded(table, low + t->begin[at], t->end[at] - t->begin[at], &number, &id);
    t->reading[at] = {static_cast<uint8_t>(cls), number, id};
    hot_word[hot_ws] = at;
    hot_ws += (cls & kTimeWord) != 0;
  }
  return hot_ws;
}

// Pass 3 of LexInto for tokens [from, to): their first bytes into `first`; lists (in `look`
// from `looks` on; returns the new count) the words whose length and first two letters some
// word of the table has (MayBeKey, about a third of a news text's words), every word when the
// table is not sealed.
size_t ListWords(const WordClassTable& table, bool sealed, const char* low, const uint32_t* begin,
                 const uint32_t* end, size_t from, size_t to, uint8_t* first, uint32_t* look,
                 size_t looks) {
  for (size_t k = from; k < to; ++k) {
    const uint32_t pos = begin[k];
    const uint8_t c = static_cast<uint8_t>(low[pos]);
    first[k] = c;
    // Appended without a branch: a branch on the shape mispredicts on every few words.
    look[looks] = static_cast<uint32_t>(k);
    looks += IsWordStart(c) && (!sealed || table.MayBeKey(low + pos, end[k] - pos));
  }
  return looks;
}

#if defined(SITREP_TIMEX_AVX2)
// The token indexes 0..7 of each 8-bit mask, in order (ListWordsAvx2 appends them).
constexpr auto kSetBitIndexes = [] {
  std::array<std::array<uint8_t, 8>, 256> table{};
  for (size_t m = 0; m < 256; ++m) {
    size_t n = 0;
    for (uint8_t bit = 0; bit < 8; ++bit) {
      if (m >> bit & 1) table[m][n++] = bit;
    }
  }
  return table;
}();

// ListWords with a sealed table, eight tokens at a time (SIMD level 2): their first two bytes
// and MayBeKey's table entries gathered, the word test and the length bit in vector lanes.
// `low` holds 4 readable bytes from each token's begin.
__attribute__((target("avx2,bmi,bmi2,popcnt"))) inline size_t ListWordsAvx2(
    const WordClassTable& table, const char* low, const uint32_t* begin, const uint32_t* end,
    size_t count, uint8_t* first_of, uint32_t* look) {
  // The low byte of each 32-bit lane to the lane's first four bytes, then both lanes' to the
  // first eight.
  const __m256i low_bytes = _mm256_setr_epi8(
      0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      0, 4, 8, 12, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
  const __m256i two_lanes = _mm256_setr_epi32(0, 4, 0, 0, 0, 0, 0, 0);
  const __m256i pair_bits = _mm256_set1_epi32(WordClassTable::kPairBits);
  const __m256i byte = _mm256_set1_epi32(0xFF), fifteen = _mm256_set1_epi32(15);
  const __m256i before_a = _mm256_set1_epi32('a' - 1), after_z = _mm256_set1_epi32('z' + 1);
  const __m256i ascii_end = _mm256_set1_epi32(0x7F);
  const int* const shapes = reinterpret_cast<const int*>(table.key_shapes());
  size_t looks = 0, k = 0;
  for (; k + 8 <= count; k += 8) {
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(begin + k));
    const __m256i e = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(end + k));
    const __m256i two = _mm256_i32gather_epi32(reinterpret_cast<const int*>(low), b, 1);
    const __m256i first = _mm256_and_si256(two, byte);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(first_of + k),
                     _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(
                         _mm256_shuffle_epi8(two, low_bytes), two_lanes)));
    const __m256i word = _mm256_or_si256(
        _mm256_and_si256(_mm256_cmpgt_epi32(first, before_a), _mm256_cmpgt_epi32(after_z, first)),
        _mm256_cmpgt_epi32(first, ascii_end));
    const __m256i shape = _mm256_i32gather_epi32(shapes, _mm256_and_si256(two, pair_bits), 2);
    const __m256i length = _mm256_and_si256(_mm256_sub_epi32(e, b), fifteen);
    // Bit 0 of the shape entry shifted by the length, moved to the sign bit.
    const __m256i hit = _mm256_slli_epi32(_mm256_srlv_epi32(shape, length), 31);
    const unsigned mask = static_cast<unsigned>(
        _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_and_si256(hit, word))));
    const __m256i at = _mm256_add_epi32(
        _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(
            kSetBitIndexes[mask].data()))),
        _mm256_set1_epi32(static_cast<int>(k)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(look + looks), at);
    looks += static_cast<size_t>(__builtin_popcount(mask));
  }
  return ListWords(table, true, low, begin, end, k, count, first_of, look, looks);
}

// The first three lowered bytes of the tokens whose starts are set in `start`, in order, from
// first[0], second[0] and third[0] on (64 bytes stored at each: the caller leaves room, and the
// next block writes over the rest). `block` is the block's lowered text, `next` the next 64
// bytes (NULs after the text's last block): the bytes one and two on are taken from them by
// permutes, not loaded at block + 1 and + 2 (which would wait for the stores just made).
__attribute__((target("avx512f,avx512bw,avx512vbmi,avx512vbmi2"))) inline void StoreFirstBytes(
    __m512i block, __m512i next, uint64_t start, uint8_t* first, uint8_t* second, uint8_t* third) {
  // Byte k of the 128 bytes of block and next, from k = 1 and from k = 2 on.
  const __m512i one_on = _mm512_set_epi8(
      64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42,
      41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
      18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
  const __m512i two_on = _mm512_add_epi8(one_on, _mm512_set1_epi8(1));
  _mm512_storeu_si512(first, _mm512_maskz_compress_epi8(start, block));
  _mm512_storeu_si512(
      second, _mm512_maskz_compress_epi8(start, _mm512_permutex2var_epi8(block, one_on, next)));
  _mm512_storeu_si512(
      third, _mm512_maskz_compress_epi8(start, _mm512_permutex2var_epi8(block, two_on, next)));
}

// ListWords with a sealed table at SIMD level 3: the words that pass the table's KeyFilter, 64
// tokens at a time from the columns StoreFirstBytes filled (`first_of` is the table's) and the
// tokens' lengths, with byte permutes (no gather; fewer words to look up than MayBeKey leaves).
// The columns are read masked past the count.
__attribute__((
    target("avx2,bmi,bmi2,popcnt,avx512f,avx512bw,avx512vbmi,avx512vbmi2"))) inline size_t
ListWordsVbmi2(const WordClassTable& table, const uint32_t* begin, const uint32_t* end,
               size_t count, const uint8_t* first_of, const uint8_t* second_of,
               const uint8_t* third_of, TokenTable::Reading* reading, uint32_t* look) {
  const WordClassTable::KeyFilter& filter = table.key_filter();
  // The readings of "the", "a", "an" and "at" (two lookups in five in news text), which their
  // bytes and length settle: stored here for every token, not looked up (zero when one is a time
  // word, which must be listed, or no key).
  static const auto kSettled = [&table] {
    std::array<uint32_t, 4> packed{};
    const std::string_view words[] = {"the", "a", "an", "at"};
    for (size_t w = 0; w < packed.size(); ++w) {
      char padded[16] = {};
      words[w].copy(padded, words[w].size());
      packed[w] = table.FindPaddedSealedPacked(padded, words[w].size());
      if (packed[w] & kTimeWord) packed[w] = 0;
    }
    return packed;
  }();
  const __m512i the_reading = _mm512_set1_epi32(static_cast<int>(kSettled[0]));
  const __m512i a_reading = _mm512_set1_epi32(static_cast<int>(kSettled[1]));
  const __m512i an_reading = _mm512_set1_epi32(static_cast<int>(kSettled[2]));
  const __m512i at_reading = _mm512_set1_epi32(static_cast<int>(kSettled[3]));
  __m512i mix[3][4];
  for (int h = 0; h < 3; ++h) {
    for (int in = 0; in < 4; ++in) mix[h][in] = _mm512_load_si512(filter.mix[h][in]);
  }
  const __m512i half0_low = _mm512_load_si512(filter.half[0]);
  const __m512i half0_high = _mm512_load_si512(filter.half[0] + 64);
  const __m512i half1_low = _mm512_load_si512(filter.half[1]);
  const __m512i half1_high = _mm512_load_si512(filter.half[1] + 64);
  // Byte k of each 16-byte lane: the bit k of a byte (k < 8).
  const __m512i bit_of = _mm512_maskz_broadcast_i32x4(
      0xFFFF, _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0));
  const __m512i five_bits = _mm512_set1_epi8(31), seven = _mm512_set1_epi8(7);
  const __m512i letters = _mm512_set1_epi8(25), a = _mm512_set1_epi8('a');
  const __m512i high = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i two = _mm512_set1_epi8(2), three = _mm512_set1_epi8(3);
  const __m512i max_length = _mm512_set1_epi32(255);
  // Byte i (and i + 32) of a permute of two 16-lane vectors: the low byte of lane i % 32 of
  // their 32.
  static constexpr auto kLowBytes = [] {
    std::array<uint8_t, 64> index{};
    for (size_t i = 0; i < 64; ++i) index[i] = static_cast<uint8_t>(4 * (i % 32));
    return index;
  }();
  const __m512i low_bytes = _mm512_loadu_si512(kLowBytes.data());
  size_t looks = 0;
  for (size_t k = 0; k < count; k += 64) {
    const size_t left = count - k;
    const __mmask64 valid = left >= 64 ? ~__mmask64{0} : (__mmask64{1} << left) - 1;
    const __m512i f = _mm512_maskz_loadu_epi8(valid, first_of + k);
    // The lengths, capped at 255, 16 tokens a quarter; their low bytes gathered by two byte
    // permutes (quarters 0-1 to bytes 0-31, 2-3 to bytes 32-63) and a blend: fewer shuffles than
    // a narrowing per quarter (the loop's shuffle port is its busiest).
    __m512i n[4];
    for (int q = 0; q < 4; ++q) {
      const __mmask16 part = static_cast<__mmask16>(valid >> (16 * q));
      n[q] = _mm512_maskz_min_epu32(
          0xFFFF,
          _mm512_sub_epi32(_mm512_maskz_loadu_epi32(part, end + k + 16 * q),
                           _mm512_maskz_loadu_epi32(part, begin + k + 16 * q)),
          max_length);
    }
    const __m512i length =
        _mm512_mask_blend_epi64(0xF0, _mm512_permutex2var_epi8(n[0], low_bytes, n[1]),
                                _mm512_permutex2var_epi8(n[2], low_bytes, n[3]));
    const __mmask64 word = (_mm512_cmple_epu8_mask(_mm512_sub_epi8(f, a), letters) |
                            _mm512_cmpge_epu8_mask(f, high)) &
                           valid;
    const __m512i c0 = _mm512_and_si512(f, five_bits);
    // The second and third bytes count only inside the word (0 else, as the filter was built).
    const __m512i s = _mm512_maskz_loadu_epi8(_mm512_cmpge_epu8_mask(length, two) & valid,
                                              second_of + k);
    const __m512i t = _mm512_maskz_loadu_epi8(_mm512_cmpge_epu8_mask(length, three) & valid,
                                              third_of + k);
    const __m512i c1 = _mm512_and_si512(s, five_bits);
    const __m512i c2 = _mm512_and_si512(t, five_bits);
    // The settled words, and every reading of the 64 tokens (theirs, else zero).
    const __mmask64 first_a = _mm512_cmpeq_epi8_mask(f, _mm512_set1_epi8('a'));
    const __mmask64 is_a = first_a & _mm512_cmpeq_epi8_mask(length, _mm512_set1_epi8(1)) & valid;
    const __mmask64 two_long = _mm512_cmpeq_epi8_mask(length, two) & first_a;
    const __mmask64 is_an = two_long & _mm512_cmpeq_epi8_mask(s, _mm512_set1_epi8('n'));
    const __mmask64 is_at = two_long & _mm512_cmpeq_epi8_mask(s, _mm512_set1_epi8('t'));
    const __mmask64 is_the = _mm512_cmpeq_epi8_mask(length, three) &
                             _mm512_cmpeq_epi8_mask(f, _mm512_set1_epi8('t')) &
                             _mm512_cmpeq_epi8_mask(s, _mm512_set1_epi8('h')) &
                             _mm512_cmpeq_epi8_mask(t, _mm512_set1_epi8('e'));
    for (int q = 0; q < 4; ++q) {
      const auto part = [q](__mmask64 m) { return static_cast<__mmask16>(m >> (16 * q)); };
      __m512i r = _mm512_maskz_mov_epi32(part(is_the), the_reading);
      r = _mm512_mask_mov_epi32(r, part(is_a), a_reading);
      r = _mm512_mask_mov_epi32(r, part(is_an), an_reading);
      r = _mm512_mask_mov_epi32(r, part(is_at), at_reading);
      _mm512_storeu_si512(reading + k + 16 * q, r);
    }
    const __mmask64 settled = is_the | is_a | is_an | is_at;
    const __m512i n5 = _mm512_and_si512(length, five_bits);
    // The three hashes: the four inputs' table bytes XORed (0x96: a ^ b ^ c).
    const __mmask64 all = ~__mmask64{0};
    __m512i h[3];
    for (int j = 0; j < 3; ++j) {
      h[j] = _mm512_ternarylogic_epi32(_mm512_maskz_permutexvar_epi8(all, c0, mix[j][0]),
                                       _mm512_maskz_permutexvar_epi8(all, c1, mix[j][1]),
                                       _mm512_maskz_permutexvar_epi8(all, c2, mix[j][2]), 0x96);
      h[j] = _mm512_xor_si512(h[j], _mm512_maskz_permutexvar_epi8(all, n5, mix[j][3]));
    }
    // Bytes of the two halves (7-bit indexes: bit 6 picks the table's high 64 bytes), and the
    // bits hash 1 picks in them.
    const __m512i byte0 = _mm512_permutex2var_epi8(half0_low, h[0], half0_high);
    const __m512i byte1 = _mm512_permutex2var_epi8(half1_low, h[2], half1_high);
    const __m512i bit0 = _mm512_shuffle_epi8(bit_of, _mm512_and_si512(h[1], seven));
    const __m512i bit1 =
        _mm512_shuffle_epi8(bit_of, _mm512_and_si512(_mm512_srli_epi16(h[1], 3), seven));
    const __mmask64 hit = _mm512_mask_test_epi8_mask(
        _mm512_mask_test_epi8_mask(word & ~settled, byte0, bit0), byte1, bit1);
    looks += FlattenAt<true, true>(look + looks, hit, static_cast<uint32_t>(k));
  }
  return looks;
}

// The value of the n-digit number at p (1 <= n <= 9; 16 readable bytes): its first (up to)
// eight digits combined in one word (SWAR), without a loop over the digits.
inline int DigitsValue(const char* p, size_t n) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  const size_t m = n < 8 ? n : 8;
  // The digits' values moved to the top bytes; the bytes after them (and the borrows of those
  // under '0') shift out, zeros (leading zeros) shift in.
  x = (x - 0x3030303030303030ULL) << (8 * (8 - m));
  x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFULL;
  x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFULL;
  x = (x * 10000 + (x >> 32)) & 0xFFFFFFFFULL;
  const int v = static_cast<int>(x);
  return n == 9 ? v * 10 + (p[8] - '0') : v;
}

// Numbers and starters at SIMD level 3, 64 tokens at a time by their first bytes and readings
// (`first` and `reading` readable 64 entries past the count): each number's digit count and
// value (-1 over 9 digits), the starters (a number, "'", a word with a class) as bits by token
// index in `starter`, and the hot tokens (a number with a value, a time word) as bits in `hot`
// (from the readings: no bit set per time word in memory, each waiting for the one before), for
// the first `groups` 64-token groups (count <= 64 * groups). `low` is the lowered text.
__attribute__((target("avx2,bmi,bmi2,popcnt,avx512f,avx512bw"))) inline void NumbersVbmi2(
    const char* low, const uint32_t* begin, const uint32_t* end, const uint8_t* first,
    const TokenTable::Reading* reading, size_t count, size_t groups, uint8_t* digits, int32_t* num,
    uint64_t* starter, uint64_t* hot) {
  const __m512i zero = _mm512_set1_epi8('0'), nine = _mm512_set1_epi8(9);
  const __m512i apostrophe = _mm512_set1_epi8('\''), cls = _mm512_set1_epi32(0xFF);
  const __m512i time_word = _mm512_set1_epi32(kTimeWord);
  for (size_t g = 0; g < groups; ++g) {
    const size_t left = count - g * 64;
    const uint64_t valid = left >= 64 ? ~uint64_t{0} : (uint64_t{1} << left) - 1;
    const __m512i f = _mm512_loadu_si512(first + g * 64);
    const uint64_t number = _mm512_cmple_epu8_mask(_mm512_sub_epi8(f, zero), nine) & valid;
    uint64_t word = 0, time = 0;
    for (int q = 0; q < 4; ++q) {
      const __m512i r = _mm512_loadu_si512(reading + g * 64 + 16 * q);
      word |= static_cast<uint64_t>(_mm512_test_epi32_mask(r, cls)) << (16 * q);
      time |= static_cast<uint64_t>(_mm512_test_epi32_mask(r, time_word)) << (16 * q);
    }
    starter[g] = (number | _mm512_cmpeq_epi8_mask(f, apostrophe) | word) & valid;
    uint64_t hot_numbers = 0;
    for (uint64_t s = number; s != 0; s &= s - 1) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(s));
      const size_t at = g * 64 + bit;
      const size_t n = end[at] - begin[at];
      digits[at] = static_cast<uint8_t>(n > 255 ? 255 : n);
      const int v = n <= 9 ? DigitsValue(low + begin[at], n) : -1;
      num[at] = v;
      hot_numbers |= uint64_t{v >= 0} << bit;
    }
    hot[g] = (time & valid) | hot_numbers;
  }
}
#endif

// Sets the first `count` readings to zero; with kAvx2 32 bytes a store (memset's string store
// for larger sizes counts one instruction a byte under callgrind, and fill_n stores one at a
// time).
template <bool kAvx2>
[[gnu::always_inline]] inline void ZeroReadings(TokenTable::Reading* readings, size_t count);

#if defined(SITREP_TIMEX_AVX2)
__attribute__((target("avx2"))) inline void ZeroReadingsAvx2(TokenTable::Reading* readings,
                                                             size_t count) {
  char* const p = reinterpret_cast<char*>(readings);
  const size_t bytes = count * sizeof(TokenTable::Reading);
  size_t q = 0;
  for (; q + 32 <= bytes; q += 32) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(p + q), _mm256_setzero_si256());
  }
  std::memset(p + q, 0, bytes - q);
}
#endif

template <bool kAvx2>
inline void ZeroReadings(TokenTable::Reading* readings, size_t count) {
  if (count == 0) return;  // the column may be unallocated (a text of whitespace alone)
#if defined(SITREP_TIMEX_AVX2)
  if constexpr (kAvx2) return ZeroReadingsAvx2(readings, count);
#endif
  std::memset(static_cast<void*>(readings), 0, count * sizeof(TokenTable::Reading));
}

// The resize of GrowTo, out of line: the buffers reach the largest text's size after a few
// documents, and the test then stays inline (a call per column and document otherwise).
template <typename T>
[[gnu::noinline]] void Grow(std::vector<T>* v, size_t n) {
  v->resize(n);
}

template <typename T>
[[gnu::always_inline]] inline void GrowTo(std::vector<T>* v, size_t n) {
  if (v->size() < n) [[unlikely]] Grow(v, n);
}

// The classes of the ASCII bytes (WalkVbmi2): letters, digits, and one-byte punctuation (all
// but whitespace between tokens: ' ', \t, \v, \f, \r; not \n); and the bytes lowercased.
constexpr uint8_t kLetterClass = 1, kDigitClass = 2, kMarkClass = 4;
alignas(64) constexpr auto kAsciiClass = [] {
  std::array<uint8_t, 128> table{};
  for (int c = 0; c < 128; ++c) {
    if (IsAsciiAlpha(static_cast<unsigned char>(c))) {
      table[c] = kLetterClass;
    } else if (IsDigit(static_cast<unsigned char>(c))) {
      table[c] = kDigitClass;
    } else if (!(c == ' ' || (c >= 9 && c <= 13 && c != '\n'))) {
      table[c] = kMarkClass;  // a one-byte punctuation token ('\n' and NUL included)
    }
  }
  return table;
}();
alignas(64) constexpr auto kAsciiLower = [] {
  std::array<uint8_t, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return table;
}();

#if defined(SITREP_TIMEX_AVX2)
// Passes 1 and 2 of LexInto at SIMD level 3 (see there): the lowered copy into `low`, the
// tokens' begin and end offsets and first three lowered bytes (StoreFirstBytes); returns the
// token count. Each lowered block stays in a register for the first bytes of the block before
// it (no load of what was just stored), and only the text's last block is loaded masked. The
// ends are listed with their block, not one behind: a word or number at byte 63 is taken to end
// there, and its end written over by the next block's first when that block goes on with it
// (fewer values live from one block to the next).
__attribute__((
    target("avx2,bmi,bmi2,popcnt,avx512f,avx512bw,avx512vbmi,avx512vbmi2"))) inline size_t
WalkVbmi2(std::string_view text, char* low, uint32_t* begin, uint32_t* end, uint8_t* first,
          uint8_t* second, uint8_t* third) {
  const size_t size = text.size();
  const size_t blocks = (size + 63) / 64;
  const char* const src = text.data();
  const __m512i lower_low = _mm512_load_si512(kAsciiLower.data());
  const __m512i lower_high = _mm512_load_si512(kAsciiLower.data() + 64);
  const __m512i class_low = _mm512_load_si512(kAsciiClass.data());
  const __m512i class_high = _mm512_load_si512(kAsciiClass.data() + 64);
  const __m512i letter_bit = _mm512_set1_epi8(kLetterClass);
  const __m512i digit_bit = _mm512_set1_epi8(kDigitClass);
  const __m512i mark_bit = _mm512_set1_epi8(kMarkClass);
  uint64_t carry_word = 0, carry_digit = 0, carry_wide = 0;
  // The previous block's starts and lowered bytes.
  uint64_t last_start = 0;
  __m512i last_low = _mm512_setzero_si512();
  size_t last_before = 0;  // the tokens before the previous block
  size_t count = 0, ends = 0;
  for (size_t b = 0; b < blocks; ++b) {
    const size_t o = b * 64;
    const size_t left = size - o;
    const __mmask64 valid = left >= 64 ? ~__mmask64{0} : (__mmask64{1} << left) - 1;
    const __m512i v =
        left >= 64 ? _mm512_loadu_si512(src + o) : _mm512_maskz_loadu_epi8(valid, src + o);
    // The ASCII bytes lowered and classed by two 128-byte table lookups (permutes on their low
    // seven bits); bytes >= 0x80 are kept and fall in no class.
    uint64_t high = _mm512_movepi8_mask(v);
    const __mmask64 ascii = ~high;
    __m512i lowered = _mm512_mask2_permutex2var_epi8(lower_low, v, ascii, lower_high);
    _mm512_storeu_si512(low + o, lowered);
    const __m512i cls = _mm512_permutex2var_epi8(class_low, v, class_high);
    const __mmask64 letter = _mm512_mask_test_epi8_mask(ascii, cls, letter_bit);
    const __mmask64 digit = _mm512_mask_test_epi8_mask(ascii, cls, digit_bit);
    const uint64_t single = _mm512_mask_test_epi8_mask(ascii & valid, cls, mark_bit);
    uint64_t word = letter, wide = 0;
    if (high != 0) [[unlikely]] {
      // Non-ASCII bytes are word bytes, except the three bytes of a wide punctuation mark.
      while (high != 0) {
        const size_t k = static_cast<size_t>(_tzcnt_u64(high));
        high = _blsr_u64(high);
        const size_t q = o + k;
        if (const char ch = WidePunct(text, q)) {
          wide |= uint64_t{1} << k;
          low[q] = ch;  // the mark's ASCII stand-in (LexTimex)
        } else if (!(q >= 1 && IsWidePunct(text, q - 1)) && !(q >= 2 && IsWidePunct(text, q - 2))) {
          word |= uint64_t{1} << k;
        }
      }
      if (wide != 0) lowered = _mm512_loadu_si512(low + o);
    }
    if (b > 0) {
      // The first bytes of the previous block's tokens.
      StoreFirstBytes(last_low, lowered, last_start, first + last_before, second + last_before,
                      third + last_before);
    }
    // The last bytes of the tokens: of words and numbers (at byte 63 when it is a word's or a
    // number's: taken back below when the next block goes on with it), one-byte marks, and the
    // third byte of a wide one (maybe in the next block). Its end is one after.
    const uint64_t last =
        (word & ~(word >> 1)) | (digit & ~(digit >> 1)) | single | wide << 2 | carry_wide;
    carry_wide = wide >> 62;
    ends -= (carry_word & word) | (carry_digit & digit);  // the previous block's byte 63 went on
    ends += FlattenAt<true, true>(end + ends, last, static_cast<uint32_t>(o + 1));
    const uint64_t start =
        (word & ~(word << 1 | carry_word)) | (digit & ~(digit << 1 | carry_digit)) | wide | single;
    last_before = count;
    count += FlattenAt<true, true>(begin + count, start, static_cast<uint32_t>(o));
    carry_word = word >> 63;
    carry_digit = digit >> 63;
    last_start = start;
    last_low = lowered;
  }
  // The last block's first bytes (NULs after it); the padding after the text.
  StoreFirstBytes(last_low, _mm512_setzero_si512(), last_start, first + last_before,
                  second + last_before, third + last_before);
  std::memset(low + size, 0, kLoweredPadding);
  return count;
}
#endif

// LexTimexInto at SIMD level `level` (kBmi: the CPU has BMI1/2 and POPCNT, level 2 and up;
// kVbmi2: AVX-512 too, level 3); inlined into one copy per instruction set (LexTimexInto).
template <bool kBmi, bool kVbmi2 = false>
[[gnu::always_inline]] inline void LexInto(std::string_view text, std::string* lowered,
                                           TokenTable* t, int level) {
  const size_t size = text.size();
  // Grows only when a longer text comes and never shrinks (the buffers live across calls), so
  // no zero-filling of the buffer per call; bytes after the padding are left from earlier texts.
  if (lowered->size() < size + kLoweredPadding) lowered->resize(size + kLoweredPadding);
  char* p = lowered->data();
  const char* src = text.data();
  t->candidate_count = 0;
  t->count = 0;
  if (size == 0) {
    std::memset(p, 0, kLoweredPadding);
    GrowTo(&t->time_words, 1);
    t->time_words[0] = UINT32_MAX;
    return;
  }
  // With POPCNT (the AVX2 copy) the builtin is one instruction; else a library call.
  auto pop = [](uint64_t v) -> size_t {
    return kBmi ? static_cast<size_t>(__builtin_popcountll(v)) : PopCount(v);
  };

  // Passes 1 and 2 in one walk over the 64-byte blocks: the lowercased copy, masks of word and
  // digit bytes, token starts and one-byte and wide punctuation per block; each token's begin
  // offset, in token order, and the count of tokens before each block. A block's ends (the
  // bytes after the tokens' last bytes, in token order those of the tokens in order) follow one
  // block behind: they need the next block's masks (level 3: WalkVbmi2).
  thread_local std::vector<uint64_t> digit_bits, starts;
  thread_local std::vector<uint32_t> before;
  const size_t blocks = (size + 63) / 64;
  // Grown only (every entry used is written below): no zero-filling after a shorter text.
  // Level 3 reads the numbers' values without them (NumbersVbmi2).
  if constexpr (!kVbmi2) {
    GrowTo(&digit_bits, blocks + 1);
    GrowTo(&starts, blocks);
    GrowTo(&before, blocks + 1);
  }
  // At most one token per byte, and room for the entries FlattenAt writes past the count (31 at
  // level 3) and the 64 bytes StoreFirstBytes stores.
  GrowTo(&t->begin, size + 32);
  GrowTo(&t->end, size + 32);
  GrowTo(&t->first, size + 64);
  thread_local std::vector<uint8_t> seconds, thirds;
  if constexpr (kVbmi2) {
    GrowTo(&seconds, size + 64);
    GrowTo(&thirds, size + 64);
  }
  uint32_t* const begin = t->begin.data();
  uint32_t* const end = t->end.data();
  uint8_t* const first = t->first.data();
  uint8_t* const second = seconds.data();
  uint8_t* const third = thirds.data();
  size_t count = 0;
#if defined(SITREP_TIMEX_AVX2)
  if constexpr (kVbmi2) {
    count = WalkVbmi2(text, p, begin, end, first, second, third);
  } else
#endif
  {
    uint64_t carry_word = 0, carry_digit = 0, carry_wide = 0;
    // The previous block's word and digit bytes, punctuation ends and starts.
    uint64_t last_word = 0, last_digit = 0, last_marks = 0;
    size_t ends = 0;
    // One round more than blocks: the last finishes the last block (no bytes after it).
    for (size_t b = 0; b <= blocks; ++b) {
      BlockMasks m{};
      if (b < blocks) {
        m = LowerAndMask(text, p, b * 64, level);
      } else {
        // The last block wrote NULs up to its end; the padding goes on to size +
        // kLoweredPadding.
        std::memset(p + size, 0, kLoweredPadding);
      }
      if (b > 0) {
        // The ends of the previous block.
        const size_t a = b - 1;
        const uint64_t last = (last_word & ~(last_word >> 1 | m.word << 63)) |
                              (last_digit & ~(last_digit >> 1 | m.digit << 63)) | last_marks;
        ends += FlattenAt<kBmi, false>(end + ends, last, static_cast<uint32_t>(a * 64 + 1));
      }
      if (b == blocks) break;
      digit_bits[b] = m.digit;
      // The bytes that end a punctuation token: one-byte marks, and the third byte of a wide
      // one (maybe in the next block).
      last_marks = m.single | m.wide << 2 | carry_wide;
      carry_wide = m.wide >> 62;
      const uint64_t start = (m.word & ~(m.word << 1 | carry_word)) |
                             (m.digit & ~(m.digit << 1 | carry_digit)) | m.wide | m.single;
      starts[b] = start;
      before[b] = static_cast<uint32_t>(count);
      count += FlattenAt<kBmi, false>(begin + count, start, static_cast<uint32_t>(b * 64));
      carry_word = m.word >> 63;
      carry_digit = m.digit >> 63;
      last_word = m.word;
      last_digit = m.digit;
    }
    before[blocks] = static_cast<uint32_t>(count);
    digit_bits[blocks] = 0;
  }
  t->count = count;

  // Pass 3: the words to look up (ListWords); numbers' values (by block: about one token in
  // thirty), those that can make a match hot listed (their token indexes from their offsets:
  // the tokens before the block and those of the block before the offset).
  const WordClassTable& table = TimeWordClasses();
  const bool sealed = table.sealed();
  thread_local std::vector<uint32_t> lookups, hot_numbers;
  GrowTo(&lookups, count + 32);
  GrowTo(&hot_numbers, count + 1);
  GrowTo(&t->time_words, count + 1);
  GrowTo(&t->reading, count + 64);  // NumbersVbmi2 reads 64 at a time
  GrowTo(&t->num, count);
  GrowTo(&t->digits, count);
  uint32_t* const look = lookups.data();
  size_t looks;
#if defined(SITREP_TIMEX_AVX2)
  if constexpr (kVbmi2) {
    looks = sealed ? ListWordsVbmi2(table, begin, end, count, first, second, third,
                                    t->reading.data(), look)
                   : ListWords(table, sealed, p, begin, end, 0, count, first, look, 0);
  } else if constexpr (kBmi) {
    looks = sealed ? ListWordsAvx2(table, p, begin, end, count, first, look)
                   : ListWords(table, sealed, p, begin, end, 0, count, first, look, 0);
  } else
#endif
  {
    looks = ListWords(table, sealed, p, begin, end, 0, count, first, look, 0);
  }
  uint32_t* const hot_num = hot_numbers.data();
  int32_t* const num = t->num.data();
  uint8_t* const digits = t->digits.data();
  size_t hot_nums = 0;
  // At level 3 the numbers are read after pass 4 (NumbersVbmi2).
  for (size_t b = 0; !kVbmi2 && b < blocks; ++b) {
    const uint64_t start = starts[b], digit = digit_bits[b];
    for (uint64_t s = start & digit; s != 0; s &= s - 1) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(s));
      const size_t pos = b * 64 + bit;
      const size_t at = before[b] + pop(start & ((uint64_t{1} << bit) - 1));
      const size_t n = end[at] - pos;
      digits[at] = static_cast<uint8_t>(n > 255 ? 255 : n);
      int v = -1;
      if (n <= 9) {
        v = 0;
        for (size_t q = pos; q < pos + n; ++q) v = v * 10 + (src[q] - '0');
      }
      num[at] = v;
      hot_num[hot_nums] = static_cast<uint32_t>(at);
      hot_nums += v >= 0;
    }
  }

  // Pass 4: the listed words' classes, numbers and index ids (the others' are zero); time words
  // are hot.
  // (ListWordsVbmi2 has written every reading: zero, or a settled word's.)
  if (!(kVbmi2 && sealed)) ZeroReadings<kBmi>(t->reading.data(), count);
  uint32_t* const hot_word = t->time_words.data();
  const size_t hot_ws = sealed ? ClassifyListedSealed(table, p, t, look, looks, hot_word)
                               : ClassifyListed(table, p, t, look, looks, hot_word);

  // Pass 5: the starters (a number, "'", a word with a class) among each hot token (a number
  // or a time word) and the kCandidateWindow - 1 tokens before it are candidates. The hot
  // tokens as bits by token index, each spread over its window by shifts: one walk over the
  // covered tokens in order, without a merge of the two lists or a loop per window (whose
  // exits mispredict).
  static_assert(kCandidateWindow <= 64);
  hot_word[hot_ws] = UINT32_MAX;  // the end of TokenTable::time_words
  const size_t hot_words = count / 64 + 1;
  thread_local std::vector<uint64_t> hot_bits;
  GrowTo(&hot_bits, hot_words + 1);
  uint64_t* const hot = hot_bits.data();
  if constexpr (kVbmi2) {
    hot[hot_words] = 0;  // (NumbersVbmi2 sets the others)
  } else {
    std::memset(hot, 0, (hot_words + 1) * sizeof(uint64_t));
    for (size_t w = 0; w < hot_ws; ++w) hot[hot_word[w] / 64] |= uint64_t{1} << (hot_word[w] % 64);
  }
  // The list is appended to without a branch, in slots that only grow (room for the entries
  // FlattenAt writes past the count).
  GrowTo(&t->candidate_slots, count + 64);
  uint32_t* const cand = t->candidate_slots.data();
  size_t cands = 0;
#if defined(SITREP_TIMEX_AVX2)
  if constexpr (kVbmi2) {
    // Level 3: the numbers here, and the candidates as the starters' bits among the covered.
    thread_local std::vector<uint64_t> starter_bits;
    GrowTo(&starter_bits, hot_words);
    uint64_t* const starter = starter_bits.data();
    NumbersVbmi2(p, begin, end, first, t->reading.data(), count, hot_words, digits, num, starter,
                 hot);
    for (size_t w = 0; w < hot_words; ++w) {
      uint64_t cover = hot[w];
      for (size_t d = 1; d < kCandidateWindow; ++d) cover |= hot[w] >> d | hot[w + 1] << (64 - d);
      cands +=
          FlattenAt<kBmi, kVbmi2>(cand + cands, cover & starter[w], static_cast<uint32_t>(w * 64));
    }
  } else
#endif
  {
    for (size_t a = 0; a < hot_nums; ++a) {
      hot[hot_num[a] / 64] |= uint64_t{1} << (hot_num[a] % 64);
    }
    const TokenTable::Reading* const reading = t->reading.data();
    for (size_t w = 0; w < hot_words; ++w) {
      // Token j is covered when one of j .. j + kCandidateWindow - 1 is hot.
      uint64_t cover = hot[w];
      for (size_t d = 1; d < kCandidateWindow; ++d) cover |= hot[w] >> d | hot[w + 1] << (64 - d);
      for (; cover != 0; cover &= cover - 1) {
        const size_t j = w * 64 + static_cast<size_t>(__builtin_ctzll(cover));
        const uint8_t c = first[j];
        const bool starter = (reading[j].cls != 0) | IsNumberStart(c) | (c == '\'');
        cand[cands] = static_cast<uint32_t>(j);
        cands += starter;
      }
    }
  }
  t->candidate_count = cands;
}

#if defined(SITREP_TIMEX_AVX2)
// The same compiled for CPUs with AVX2, BMI1/2 and POPCNT (SIMD level 2): shifts by a token's
// bit without the count register, set-bit clears and counts in one instruction each.
__attribute__((target("avx2,bmi,bmi2,popcnt"))) void LexIntoHaswell(std::string_view text,
                                                                    std::string* lowered,
                                                                    TokenTable* t) {
  LexInto<true>(text, lowered, t, 2);
}

// The same for CPUs with AVX-512 F, BW, VBMI and VBMI2 as well (SIMD level 3): token offsets
// written by byte compression.
__attribute__((target("avx2,bmi,bmi2,popcnt,avx512f,avx512bw,avx512vbmi,avx512vbmi2"))) void
LexIntoAvx512(std::string_view text, std::string* lowered, TokenTable* t) {
  LexInto<true, true>(text, lowered, t, 3);
}
#endif

void LexIntoGeneric(std::string_view text, std::string* lowered, TokenTable* t, int level) {
  LexInto<false>(text, lowered, t, level);
}

}  // namespace

int LexTimexSimdLevel() { return SimdLevel(); }

int SetLexTimexSimdLevel(int level) {
  const int previous = SimdLevel();
  const int best = BestSimdLevel();
  SimdLevel() = level < 0 ? 0 : level > best ? best : level;
  return previous;
}

void LexTimexInto(std::string_view text, std::string* lowered, TokenTable* table) {
  const int level = SimdLevel();
#if defined(SITREP_TIMEX_AVX2)
  if (level == 3) return LexIntoAvx512(text, lowered, table);
  if (level == 2) return LexIntoHaswell(text, lowered, table);
#endif
  LexIntoGeneric(text, lowered, table, level);
}

Tok TokenTable::At(std::string_view text, size_t k) const {
  Tok t;
  t.begin = begin[k];
  t.end = end[k];
  t.glued = k > 0 && end[k - 1] == t.begin;
  const uint8_t c = first[k];
  if (IsNumberStart(c)) {
    t.kind = Tok::kNum;
    t.digits = digits[k];
    t.num = num[k];
    t.starter = true;
  } else if (IsWordStart(c)) {
    t.kind = Tok::kWord;
    t.cap = static_cast<uint8_t>(text[t.begin] - 'A') < 26;
    t.cls = reading[k].cls;
    t.number = reading[k].number;
    t.word = reading[k].word;
    t.starter = t.cls != 0;
  } else {
    t.kind = Tok::kPunct;
    t.ch = static_cast<char>(c);
    t.starter = t.ch == '\'';
  }
  return t;
}

void LexTimex(std::string_view text, std::string* lowered, std::vector<Tok>* out,
              std::vector<uint32_t>* candidates) {
  thread_local TokenTable table;
  LexTimexInto(text, lowered, &table);
  out->resize(table.count);
  for (size_t k = 0; k < table.count; ++k) (*out)[k] = table.At(text, k);
  for (uint32_t c : table.candidates()) (*out)[c].candidate = true;
  if (candidates) candidates->assign(table.candidates().begin(), table.candidates().end());
}

void TokenTableOf(const std::vector<Tok>& toks, std::string_view lowered, TokenTable* table) {
  const size_t count = toks.size();
  table->count = count;
  table->begin.assign(count, 0);
  table->end.assign(count, 0);
  table->first.assign(count, 0);
  table->reading.assign(count, {});
  table->num.assign(count, -1);
  table->digits.assign(count, 0);
  table->candidate_slots.clear();
  table->time_words.clear();
  for (size_t k = 0; k < count; ++k) {
    const Tok& t = toks[k];
    table->begin[k] = t.begin;
    table->end[k] = t.end;
    table->first[k] = static_cast<uint8_t>(lowered[t.begin]);
    table->reading[k] = {t.cls, t.number, t.word};
    table->num[k] = t.num;
    table->digits[k] = t.digits;
    if (t.candidate) table->candidate_slots.push_back(static_cast<uint32_t>(k));
    if (t.cls & kTimeWord) table->time_words.push_back(static_cast<uint32_t>(k));
  }
  table->time_words.push_back(UINT32_MAX);
  table->candidate_count = table->candidate_slots.size();
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
      (*lowered)[i] = wide;  // the lowered copy holds the mark's ASCII stand-in
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
