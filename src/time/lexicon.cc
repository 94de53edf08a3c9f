#include "time/lexicon.h"

#include <algorithm>
#include <bit>
#include <string_view>
#include <cstdint>
#include <vector>
#include <cstring>
#include <iterator>

namespace sitrep::timex {
namespace {

struct Entry {
  std::string_view word;
  int value;
};

template <size_t N>
int Lookup(const Entry (&table)[N], std::string_view word) {
  for (const Entry& e : table) {
    if (e.word == word) return e.value;
  }
  return 0;
}

constexpr Entry kMonths[] = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},   {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}};
constexpr Entry kMonthAbbrevs[] = {
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
    {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
constexpr Entry kWeekdays[] = {{"monday", 1}, {"tuesday", 2},  {"wednesday", 3}, {"thursday", 4},
                               {"friday", 5}, {"saturday", 6}, {"sunday", 7}};
constexpr Entry kNumbers[] = {
    {"one", 1},       {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},   {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},   {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},   {"ninety", 90},    {"dozen", 12}};
constexpr Entry kOrdinals[] = {{"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}};

}  // namespace

namespace {

// Quick rejections before the table scans: the first letters and lengths the tables hold.
bool MaybeMonth(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (w[0]) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': return true;
    default: return false;
  }
}
bool MaybeWeekday(std::string_view w) {
  if (w.size() < 6 || w.size() > 10) return false;
  switch (w[0]) {
    case 'm': case 't': case 'w': case 'f': case 's': return true;
    default: return false;
  }
}
bool MaybeUnit(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  switch (w[0]) {
    case 's': case 'm': case 'h': case 'd': case 'w': case 'q': case 'y': case 'c': return true;
    default: return false;
  }
}

}  // namespace

int MonthNumber(std::string_view word, bool* abbrev) {
  *abbrev = false;
  if (!MaybeMonth(word)) return 0;
  if (int m = Lookup(kMonths, word)) return m;
  if (int m = Lookup(kMonthAbbrevs, word)) {
    *abbrev = true;
    return m;
  }
  return 0;
}

int WeekdayNumber(std::string_view word, bool* plural) {
  *plural = false;
  if (!MaybeWeekday(word)) return 0;
  if (int d = Lookup(kWeekdays, word)) return d;
  if (word.size() > 1 && word.back() == 's') {
    if (int d = Lookup(kWeekdays, word.substr(0, word.size() - 1))) {
      *plural = true;
      return d;
    }
  }
  return 0;
}

int SmallNumberWord(std::string_view word) { return TimeWordClasses().Number(word); }

bool IsTensWord(std::string_view word) {
  int v = SmallNumberWord(word);
  return v >= 20 && v % 10 == 0;
}

int OrdinalWord(std::string_view word) { return Lookup(kOrdinals, word); }

Unit UnitWord(std::string_view word, bool* plural) {
  struct U {
    std::string_view singular, plural;
    Unit unit;
  };
  static constexpr U kUnits[] = {
      {"second", "seconds", Unit::kSecond}, {"minute", "minutes", Unit::kMinute},
      {"hour", "hours", Unit::kHour},       {"day", "days", Unit::kDay},
      {"week", "weeks", Unit::kWeek},       {"month", "months", Unit::kMonth},
      {"quarter", "quarters", Unit::kQuarter}, {"year", "years", Unit::kYear},
      {"decade", "decades", Unit::kDecade}, {"century", "centuries", Unit::kCentury}};
  if (!MaybeUnit(word)) {
    *plural = false;
    return Unit::kNone;
  }
  for (const U& u : kUnits) {
    if (word == u.singular) {
      *plural = false;
      return u.unit;
    }
    if (word == u.plural) {
      *plural = true;
      return u.unit;
    }
  }
  *plural = false;
  return Unit::kNone;
}

const Holiday* Holidays(size_t* count) {
  // US and Christian calendar holidays that news dates events by. Lunar and Islamic calendar
  // holidays (Ramadan, Eid, Nowruz varies little but is not fixed) are left out: they need a
  // calendar table per year.
  static constexpr Holiday kHolidays[] = {
      {"new year 's day", 1, 1, 0, 0, 0},      {"new year 's eve", 12, 31, 0, 0, 0},
      {"christmas day", 12, 25, 0, 0, 0},      {"christmas eve", 12, 24, 0, 0, 0},
      {"boxing day", 12, 26, 0, 0, 0},         {"thanksgiving day", 11, 0, 4, 4, 0},
      {"independence day", 7, 4, 0, 0, 0},     {"valentine 's day", 2, 14, 0, 0, 0},
      {"memorial day", 5, 0, -1, 1, 0},        {"labor day", 9, 0, 1, 1, 0},
      {"veterans day", 11, 11, 0, 0, 0},       {"easter sunday", 0, 0, 0, 0, 0},
      {"good friday", 0, 0, 0, 0, -2},         {"easter monday", 0, 0, 0, 0, 1},
      {"christmas", 12, 25, 0, 0, 0},          {"thanksgiving", 11, 0, 4, 4, 0},
      {"halloween", 10, 31, 0, 0, 0},          {"easter", 0, 0, 0, 0, 0},
  };
  *count = std::size(kHolidays);
  return kHolidays;
}

const WordClassTable& TimeWordClasses() {
  // Built once (thread-safe static initialization).
  static const WordClassTable* const kTable = [] {
    auto* t = new WordClassTable;
    static constexpr std::string_view kTimeWords[] = {
        // day parts, clock words, relative days
        "today", "yesterday", "tomorrow", "tonight", "overnight", "night", "nights", "morning",
        "mornings", "afternoon", "evening", "evenings", "noon", "midday", "midnight", "dawn",
        "daybreak", "dusk", "nightfall", "weekend", "weekends", "am", "pm",
        // reference words and periods
        "now", "currently", "presently", "nowadays", "current", "recently", "lately", "recent",
        "soon", "past", "future", "present", "period", "season", "half", "fiscal", "ago", "later",
        "earlier", "term",
        // units
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
        "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century",
        "centuries",
        // seasons
        "spring", "summer", "fall", "autumn", "winter",
        // sets
        "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly",
        // number words not in the number table
        "hundred", "thousand", "couple", "few", "several", "dozen", "hundreds", "thousands",
        // spelled decades ("the nineties")
        "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
        "nineties",
        // holidays whose names hold no other time word
        "christmas", "thanksgiving", "easter", "halloween"};
    for (std::string_view w : kTimeWords) t->Add(w, kTimeWord);
    for (const Entry& e : kMonths) t->Add(e.word, kTimeWord);
    for (const Entry& e : kMonthAbbrevs) t->Add(e.word, kTimeWord);
    for (const Entry& e : kWeekdays) t->Add(e.word, kTimeWord);
    for (const Entry& e : kNumbers) t->Add(e.word, kTimeWord, e.word == "dozen" ? 0 : e.value);
    for (const Entry& e : kOrdinals) t->Add(e.word, kTimeWord);
    // Words a matcher accepts at the start of a match before its time word or number (read off
    // the matchers in timex.cc: modifiers, relative words, approximators, articles, set words,
    // holiday first words). A matcher that learns a new first word must add it here.
    static constexpr std::string_view kStarters[] = {
        "the",       "a",       "an",           "early",     "late",      "mid",    "earlier",
        "later",     "last",    "next",         "this",      "past",      "coming", "previous",
        "preceding", "current", "following",    "same",      "that",      "about",  "nearly",
        "almost",    "some",    "roughly",      "around",    "just",      "only",   "over",
        "more",      "less",    "many",         "up",        "every",     "each",   "per",
        "at",        "these",   "calendar",     "final",     "remaining", "latest", "full",
        "new",       "boxing",  "independence", "valentine", "memorial",  "labor",  "veterans",
        "good"};
    for (std::string_view w : kStarters) t->Add(w, kStarter);
    t->Seal();
    return t;
  }();
  return *kTable;
}

void WordClassTable::Seal() {
  // The index holds each word's whole ClassifyTimeWord class, so that the lexer's lookup needs
  // no test after it: a time word is a starter too, and the plurals WithPlural (lexicon.cc)
  // derives ("mondays": a time word of 6 to 11 bytes holding "day", plus "s") are keys of
  // their own.
  std::vector<Key> words;
  for (const Slot& s : slots_) {
    if (s.cls == 0) continue;
    int cls = s.cls & kTimeWord ? s.cls | kStarter : s.cls;
    words.push_back(Key{s.a, s.b, static_cast<uint8_t>(cls), s.number});
  }
  const size_t explicit_words = words.size();
  for (size_t k = 0; k < explicit_words; ++k) {
    if (!(words[k].cls & kTimeWord)) continue;
    char buf[17] = {};
    std::memcpy(buf, &words[k].a, 8);
    std::memcpy(buf + 8, &words[k].b, 8);
    std::string_view stem(buf);
    if (stem.size() < 6 || stem.size() > 11) continue;
    buf[stem.size()] = 's';
    std::string_view plural(buf, stem.size() + 1);
    if (plural.find("day") == std::string_view::npos) continue;
    uint64_t a, b;
    Pack(plural, &a, &b);
    auto same = [&](const Key& w) { return w.a == a && w.b == b; };
    auto it = std::find_if(words.begin(), words.end(), same);
    if (it == words.end()) it = words.insert(words.end(), Key{a, b, 0, 0});
    it->cls |= kTimeWord | kStarter;
  }
  // More words than the index holds: stay with the probing lookup (slower, same answers).
  if (words.size() + 1 > std::size(keys_)) return;
  size_t count = 1;
  for (const Key& w : words) keys_[count++] = w;
  // The first seed that gives every word its own slot (a few dozen tries for ~250 words in
  // 8192 slots); deterministic. Collisions are found by sorting the slots, so a try costs
  // O(words log words), not a pass over the index.
  std::vector<uint16_t> slots(count - 1);
  for (uint64_t attempt = 1; attempt <= 100000; ++attempt) {
    const uint64_t seed = attempt * 0x9E3779B97F4A7C15ULL | 1;  // odd multipliers
    for (size_t k = 1; k < count; ++k) {
      slots[k - 1] = static_cast<uint16_t>(SealedSlot(keys_[k].a, keys_[k].b, seed));
    }
    std::sort(slots.begin(), slots.end());
    if (std::adjacent_find(slots.begin(), slots.end()) != slots.end()) continue;
    std::memset(index_, 0, sizeof index_);
    for (size_t k = 1; k < count; ++k) {
      index_[SealedSlot(keys_[k].a, keys_[k].b, seed)] = static_cast<uint8_t>(k);
    }
    seed_ = seed;
    sealed_ = true;
    word_count_ = count;
    BuildKeyFilter();
    for (size_t k = 1; k < count; ++k) {
      keys_[k].packed = keys_[k].cls | uint32_t{keys_[k].number} << 8 | uint32_t(k) << 16;
      char buf[17] = {};
      std::memcpy(buf, &keys_[k].a, 8);
      std::memcpy(buf + 8, &keys_[k].b, 8);
      const size_t n = std::strlen(buf);
      const size_t c0 = static_cast<unsigned char>(buf[0]) & 31u;
      for (size_t c1 = 0; c1 < 32; ++c1) {
        if (n == 1 || c1 == (static_cast<unsigned char>(buf[1]) & 31u)) {
          lengths_[c1 << 8 | c0] |= static_cast<uint16_t>(1u << (n & 15));
        }
      }
    }
    return;
  }
}

void WordClassTable::BuildKeyFilter() {
  // The keys' filter inputs (MayPassKeyFilter's).
  struct Input {
    uint8_t c0, c1, c2, length;
  };
  std::vector<Input> inputs;
  for (size_t k = 1; k < word_count_; ++k) {
    char buf[17] = {};
    std::memcpy(buf, &keys_[k].a, 8);
    std::memcpy(buf + 8, &keys_[k].b, 8);
    const size_t n = std::strlen(buf);
    inputs.push_back({static_cast<uint8_t>(buf[0]), static_cast<uint8_t>(n >= 2 ? buf[1] : 0),
                      static_cast<uint8_t>(n >= 3 ? buf[2] : 0), static_cast<uint8_t>(n)});
  }
  // Random tables from a fixed generator (splitmix64): of the first 32 seeds, the one whose
  // keys set the fewest bits (fewer set bits, fewer other words passing); deterministic.
  KeyFilter best{};
  int best_bits = 1 << 30;
  for (uint64_t seed = 1; seed <= 32; ++seed) {
    KeyFilter f{};
    uint64_t state = seed * 0x9E3779B97F4A7C15ULL;
    for (auto& hash : f.mix) {
      for (auto& input : hash) {
        for (size_t v = 0; v < 32; ++v) {
          state += 0x9E3779B97F4A7C15ULL;
          uint64_t z = state;
          z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
          z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
          input[v] = input[v + 32] = static_cast<uint8_t>(z ^ (z >> 31));
        }
      }
    }
    for (const Input& in : inputs) {
      uint8_t h[3];
      for (int j = 0; j < 3; ++j) {
        h[j] = f.mix[j][0][in.c0 & 31] ^ f.mix[j][1][in.c1 & 31] ^ f.mix[j][2][in.c2 & 31] ^
               f.mix[j][3][in.length & 31];
      }
      f.half[0][h[0] & 127] |= static_cast<uint8_t>(1u << (h[1] & 7));
      f.half[1][h[2] & 127] |= static_cast<uint8_t>(1u << (h[1] >> 3 & 7));
    }
    int bits = 0;
    for (const auto& half : f.half) {
      for (uint8_t byte : half) bits += std::popcount(byte);
    }
    if (bits < best_bits) {
      best_bits = bits;
      best = f;
    }
  }
  key_filter_ = best;
}

namespace {
int WithPlural(const WordClassTable& table, std::string_view word, int cls) {
  if (cls & kTimeWord) return cls | kStarter;
  // Plural weekdays: "mondays".
  if (word.size() > 6 && word.size() <= 12 && word.back() == 's' &&
      (table.Find(word.substr(0, word.size() - 1)) & kTimeWord) &&
      word.find("day") != std::string_view::npos) {
    return cls | kTimeWord | kStarter;
  }
  return cls;
}
}  // namespace

int ClassifyTimeWord(std::string_view word) {
  const WordClassTable& table = TimeWordClasses();
  return WithPlural(table, word, table.Find(word));
}

int ClassifyPluralTimeWord(const WordClassTable& table, std::string_view word, int cls) {
  return WithPlural(table, word, cls);
}

bool IsTimeWord(std::string_view word) {
  if (word.size() > 12) return false;
  return (ClassifyTimeWord(word) & kTimeWord) != 0;
}

std::string_view SeasonCode(std::string_view word) {
  if (word == "spring") return "SP";
  if (word == "summer") return "SU";
  if (word == "fall" || word == "autumn") return "FA";
  if (word == "winter") return "WI";
  return {};
}

}  // namespace sitrep::timex
