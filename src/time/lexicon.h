// Small word tables for the timex grammar. Lookups take lowercased ASCII words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sitrep::timex {

// "january".."december", "jan".."dec", "sept" → 1..12; 0 otherwise. *abbrev is set for the short
// forms (which need a following "." or number to count).
int MonthNumber(std::string_view word, bool* abbrev);
// "monday".."sunday" → 1..7 (ISO), 0 otherwise; *plural for "mondays".
int WeekdayNumber(std::string_view word, bool* plural);
// "one".."nineteen", "twenty".."ninety" → value; 0 otherwise.
int SmallNumberWord(std::string_view word);
// Tens words only ("twenty".."ninety").
bool IsTensWord(std::string_view word);
// "first".."fourth" → 1..4, "1st".."4th" handled by the caller; 0 otherwise.
int OrdinalWord(std::string_view word);

enum class Unit { kNone, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear, kDecade,
                  kCentury };
// "day"/"days" → kDay ...; *plural set for plural forms.
Unit UnitWord(std::string_view word, bool* plural);

// Season codes: "spring" → "SP", "summer" → "SU", "fall"/"autumn" → "FA", "winter" → "WI".
std::string_view SeasonCode(std::string_view word);

// True for words that can take part in a temporal expression (months, weekdays, units, number
// words, day parts, reference words such as "now"/"recently", holiday names). The scanner runs
// its matchers only near such words or numbers.
bool IsTimeWord(std::string_view word);

enum : int { kTimeWord = 1, kStarter = 2 };

// Open-addressing table of lowercase words up to 16 bytes, packed into two integers: one
// multiply-hash and one or two probes per token instead of a std::string hash and compare.
class WordClassTable {
 public:
  void Add(std::string_view word, int cls, int number = 0) {
    uint64_t a, b;
    if (!Pack(word, &a, &b)) return;
    SetShape(word.size(), word);
    // ClassifyTimeWordPadded also classes the plural of a time word ("mondays").
    if (cls & kTimeWord) SetShape(word.size() + 1, word);
    uint64_t full = FullHash(a, b);
    size_t bit = static_cast<size_t>(full) & (kFilterBits - 1);
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    for (size_t h = Slot0(full);; h = (h + 1) & (kSlots - 1)) {
      Slot& s = slots_[h];
      if (s.cls == 0 || (s.a == a && s.b == b)) {
        s.a = a;
        s.b = b;
        s.cls |= static_cast<uint8_t>(cls);
        if (number) s.number = static_cast<uint8_t>(number);
        return;
      }
    }
  }
  int Find(std::string_view word) const {
    uint64_t a, b;
    if (!Pack(word, &a, &b)) return 0;
    const Slot* s = FindPacked(a, b);
    return s ? s->cls : 0;
  }
  // The number word's value ("one" → 1, "ninety" → 90), else 0.
  int Number(std::string_view word) const {
    uint64_t a, b;
    if (!Pack(word, &a, &b)) return 0;
    const Slot* s = FindPacked(a, b);
    return s ? s->number : 0;
  }
  // Builds the collision-free index behind FindPaddedSealed. Call once, after the last Add.
  // Leaves the table unsealed when it holds more words (with the derived plurals) than the
  // index can (255).
  void Seal();
  bool sealed() const { return sealed_; }
  // ClassifyTimeWord without branches on the word: the masked 16-byte key, one hash, one slot
  // of a collision-free index (Seal) and one key compare. Needs Seal() first. `p` has 16
  // readable bytes; n is 0..16 (0, the empty key, is no word:
  // all results 0). *number as Number().
  // *id receives the word's number in the index (WordId), 0 when it is no word of the table.
  int FindPaddedSealed(const char* p, size_t n, uint8_t* number, uint8_t* id) const {
    const uint32_t packed = FindPaddedSealedPacked(p, n);
    *number = static_cast<uint8_t>(packed >> 8);
    *id = static_cast<uint8_t>(packed >> 16);
    return static_cast<int>(packed & 0xFF);
  }
  // The three results at once: cls | number << 8 | id << 16 (all zero for no word).
  uint32_t FindPaddedSealedPacked(const char* p, size_t n) const {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    a &= kLowMask[n];
    b &= kHighMask[n];
    const Key& k = keys_[index_[SealedSlot(a, b, seed_)]];
    // All ones on a hit, else zero, from the compare's flag (no branch: hits and misses
    // alternate).
    const uint64_t diff = (k.a ^ a) | (k.b ^ b);
    return k.packed & (0 - static_cast<uint32_t>(diff == 0));
  }
  int FindPaddedSealed(const char* p, size_t n, uint8_t* number) const {
    uint8_t id;
    return FindPaddedSealed(p, n, number, &id);
  }
  // The word's number in the sealed index (1..WordCount() - 1; derived plurals included), 0 for
  // other words and when the table is not sealed. Lets the grammar keep facts per word in
  // small arrays instead of comparing strings.
  size_t WordId(std::string_view word) const {
    uint64_t a, b;
    if (!sealed_ || !Pack(word, &a, &b)) return 0;
    size_t slot = index_[SealedSlot(a, b, seed_)];
    return keys_[slot].a == a && keys_[slot].b == b ? slot : 0;
  }
  // One more than the highest WordId (1 when not sealed).
  size_t WordCount() const { return sealed_ ? word_count_ : 1; }
  // The word with that WordId (empty for 0).
  std::string WordAt(size_t id) const {
    if (id == 0 || id >= WordCount()) return {};
    char buf[17] = {};
    std::memcpy(buf, &keys_[id].a, 8);
    std::memcpy(buf + 8, &keys_[id].b, 8);
    return std::string(buf);
  }

  // False when no word of the table (nor the plural of a time word) has the length and first
  // two letters of the n-byte word at p (1..16 bytes; p[1] readable): most words of a text are
  // rejected by one bit, before any hashing.
  bool MayHold(const char* p, size_t n) const {
    size_t bit = ShapeBit(n, p[0], n > 1 ? p[1] : 0);
    return shapes_[bit / 64] >> (bit % 64) & 1;
  }
  // MayHold for the sealed index, cheaper: false when no key of the index (derived plurals
  // included) has the low five bits of the word's first two bytes and its length modulo 16.
  // One masked 16-bit load indexes the table (the two bytes' bits stay where the load puts
  // them). `p` has 2 readable bytes: for a one-byte word the second is the byte after it, which
  // one-byte keys ignore. Any n (other words may pass: the lookup rejects them). Needs Seal().
  bool MayBeKey(const char* p, size_t n) const {
    uint16_t two;
    std::memcpy(&two, p, 2);
    return lengths_[two & kPairBits] >> (n & 15) & 1;
  }
  // MayBeKey's table, for a vectorized MayBeKey: entry `two & kPairBits` (two: the word's first
  // two bytes as a little-endian 16-bit load) has bit n % 16 set when a key of n bytes starts
  // so. Readable as 32-bit words at every entry (one entry of padding).
  const uint16_t* key_shapes() const { return lengths_; }
  static constexpr uint16_t kPairBits = 0x1F1F;

  // The word filter of the lexer at SIMD level 3, finer than MayBeKey and read with byte
  // permutes instead of a gather: a word passes both halves of a two-table Bloom filter over
  // (its first three bytes, its length) when it may be a key (every key passes; about one word
  // in five of a news text does, against three in ten for MayBeKey). Three tabulation hashes
  // (each input's low five bits index a table of random bytes; the four entries are XORed)
  // give the byte and the bit of each half. Built by Seal().
  struct KeyFilter {
    // mix[h][input][v]: input 0..3 = first byte, second byte (0 for one-byte words), third byte
    // (0 below three bytes), length (capped at 255); v = the input's low five bits (entries
    // 32..63 repeat 0..31, for 64-byte permutes).
    alignas(64) uint8_t mix[3][4][64];
    // half[t][hash & 127] bit: hash 0 (table 0) or 2 (table 1) gives the byte; hash 1 the bit,
    // its bits 0-2 for table 0 and 3-5 for table 1.
    alignas(64) uint8_t half[2][128];
  };
  const KeyFilter& key_filter() const { return key_filter_; }
  // The KeyFilter test for the n-byte word at p (n >= 1; 3 readable bytes). Needs Seal().
  bool MayPassKeyFilter(const char* p, size_t n) const {
    const uint8_t c1 = n >= 2 ? static_cast<uint8_t>(p[1]) : 0;
    const uint8_t c2 = n >= 3 ? static_cast<uint8_t>(p[2]) : 0;
    const uint8_t length = static_cast<uint8_t>(n > 255 ? 255 : n);
    return KeyFilterHit(key_filter_, static_cast<uint8_t>(p[0]), c1, c2, length);
  }
  static bool KeyFilterHit(const KeyFilter& f, uint8_t c0, uint8_t c1, uint8_t c2,
                           uint8_t length) {
    uint8_t h[3];
    for (int j = 0; j < 3; ++j) {
      h[j] = f.mix[j][0][c0 & 31] ^ f.mix[j][1][c1 & 31] ^ f.mix[j][2][c2 & 31] ^
             f.mix[j][3][length & 31];
    }
    return (f.half[0][h[0] & 127] >> (h[1] & 7) & 1) &&
           (f.half[1][h[2] & 127] >> (h[1] >> 3 & 7) & 1);
  }
  // `p` has 16 readable bytes; the word is its first n (1..16). *number receives the number
  // word's value (as Number()).
  int FindPadded(const char* p, size_t n, uint8_t* number) const {
    const Slot* s = FindPaddedSlot(p, n);
    *number = s ? s->number : 0;
    return s ? s->cls : 0;
  }
  int FindPadded(const char* p, size_t n) const {
    const Slot* s = FindPaddedSlot(p, n);
    return s ? s->cls : 0;
  }

 private:
  struct Slot;
  void BuildKeyFilter();  // Seal()'s KeyFilter, from keys_
  const Slot* FindPaddedSlot(const char* p, size_t n) const {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    if (n < 8) {
      a &= (uint64_t{1} << (8 * n)) - 1;
      b = 0;
    } else if (n == 8) {
      b = 0;
    } else if (n < 16) {
      b &= (uint64_t{1} << (8 * (n - 8))) - 1;
    }
    return FindPacked(a, b);
  }

  struct Slot {
    uint64_t a = 0, b = 0;
    uint8_t cls = 0;
    uint8_t number = 0;
  };
  const Slot* FindPacked(uint64_t a, uint64_t b) const {
    uint64_t full = FullHash(a, b);
    size_t bit = static_cast<size_t>(full) & (kFilterBits - 1);
    // Most words of a text are no time word: one bit of a 512-byte filter rejects them.
    if (!(filter_[bit / 64] >> (bit % 64) & 1)) return nullptr;
    for (size_t h = Slot0(full);; h = (h + 1) & (kSlots - 1)) {
      const Slot& s = slots_[h];
      if (s.cls == 0) return nullptr;
      if (s.a == a && s.b == b) return &s;
    }
  }

  static constexpr size_t kSlots = 1024;  // under a third full
  // Words hold no NUL bytes, so zero padding keeps packed keys of different lengths apart.
  static bool Pack(std::string_view w, uint64_t* a, uint64_t* b) {
    if (w.empty() || w.size() > 16) return false;
    char buf[16] = {};
    std::memcpy(buf, w.data(), w.size());
    std::memcpy(a, buf, 8);
    std::memcpy(b, buf + 8, 8);
    return true;
  }
  static uint64_t FullHash(uint64_t a, uint64_t b) {
    uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 29);
  }
  static size_t Slot0(uint64_t full) { return static_cast<size_t>(full >> 54) & (kSlots - 1); }
  static constexpr size_t kFilterBits = 4096;
  // Length (1..17) and the low five bits of the first two bytes (the second 0 for one-byte
  // words): 32 x 32 bits per length.
  static size_t ShapeBit(size_t n, char c0, char c1) {
    return n << 10 | static_cast<size_t>(c0 & 31) << 5 | static_cast<size_t>(c1 & 31);
  }
  void SetShape(size_t n, std::string_view w) {
    if (n == 0 || n > 17) return;
    size_t bit = ShapeBit(n, w[0], n > 1 ? w[1] : 0);
    shapes_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  uint64_t filter_[kFilterBits / 64] = {};
  uint64_t shapes_[(18 << 10) / 64] = {};

  // The sealed index: index_[SealedSlot(key)] is the key's position in keys_ (0: no word, an
  // all-zero key that no word packs to).
  struct Key {
    uint64_t a = 0, b = 0;
    uint8_t cls = 0;
    uint8_t number = 0;
    uint32_t packed = 0;  // cls | number << 8 | the key's index << 16 (Seal)
  };
  static constexpr int kIndexBits = 13;
  // `seed` is an odd multiplier (Seal): two independent multiplies and an add, no more (the
  // seed search makes up for the weak mixing).
  static size_t SealedSlot(uint64_t a, uint64_t b, uint64_t seed) {
    uint64_t h = a * seed + b * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<size_t>(h >> (64 - kIndexBits));
  }
  // Byte masks for a word of n bytes (0..16) in the two halves of its key.
  static constexpr auto kLowMask = [] {
    struct {
      uint64_t v[17];
      constexpr uint64_t operator[](size_t n) const { return v[n]; }
    } m{};
    for (size_t n = 0; n <= 16; ++n) m.v[n] = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
    return m;
  }();
  static constexpr auto kHighMask = [] {
    struct {
      uint64_t v[17];
      constexpr uint64_t operator[](size_t n) const { return v[n]; }
    } m{};
    for (size_t n = 0; n <= 16; ++n) {
      m.v[n] = n <= 8 ? 0 : n >= 16 ? ~uint64_t{0} : (uint64_t{1} << (8 * (n - 8))) - 1;
    }
    return m;
  }();
  uint64_t seed_ = 0;
  bool sealed_ = false;
  size_t word_count_ = 1;  // keys_ in use, the empty key 0 included
  uint8_t index_[size_t{1} << kIndexBits] = {};
  // By the low five bits of a key's first two bytes, as a little-endian 16-bit load holds them
  // (the first byte's in bits 0-4, the second's in bits 8-12): bit n % 16 is set when a key of
  // n bytes starts so (MayBeKey; a one-byte key sets its bit under every second byte).
  uint16_t lengths_[kPairBits + 2] = {};
  KeyFilter key_filter_{};
  Key keys_[256];
  Slot slots_[kSlots];
};

// The table of time words (kTimeWord) and starter words (kStarter) behind ClassifyTimeWord.
const WordClassTable& TimeWordClasses();

// IsTimeWord and, in one lookup, whether a match may begin at the word: a time word, or a word
// the matchers accept before one ("the", "last", "about", "every", holiday first words...).
// Returns a mask of kTimeWord and kStarter (0 for most words).
int ClassifyTimeWord(std::string_view word);
// The same for the n-byte lowercase word at p, where 16 bytes from p are readable (LexTimex pads
// its lowered copy): a word-sized load instead of a copy.
int ClassifyPluralTimeWord(const WordClassTable& table, std::string_view word, int cls);
inline int ClassifyTimeWordPadded(const WordClassTable& table, const char* p, size_t n,
                                   uint8_t* number, uint8_t* id) {
  *number = 0;
  *id = 0;
  if (n == 0 || n > 16) return 0;
  // The sealed index holds the whole class, plurals included (Seal): no test after the lookup,
  // whose result arrives late (the branches on it mispredicted on every few words).
  if (table.sealed()) return table.FindPaddedSealed(p, n, number, id);
  int cls = table.FindPadded(p, n, number);
  if (cls & kTimeWord) return cls | kStarter;
  // Plural time words ("mondays"): only shapes that a plural of a time word has.
  if (n > 6 && n <= 12 && p[n - 1] == 's' && table.MayHold(p, n)) {
    return ClassifyPluralTimeWord(table, {p, n}, cls);
  }
  return cls;
}

// A holiday with a rule for its date in a given year.
struct Holiday {
  std::string_view words;  // lowercase, space-separated, apostrophes as "'": "new year 's day"
  int month;               // 0 for Easter-based holidays
  int day;                 // fixed day of month, or 0
  int nth;                 // with weekday: 1..4 = nth such weekday of the month, -1 = last
  int weekday;             // 1..7 (ISO) or 0
  int easter_offset;       // days from Easter Sunday (month == 0)
};
// The holiday table, longest names first so that a prefix scan finds "christmas eve" before
// "christmas".
const Holiday* Holidays(size_t* count);

}  // namespace sitrep::timex
