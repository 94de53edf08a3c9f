#include "time/lexicon.h"

#include <iterator>
#include <unordered_set>

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

int MonthNumber(std::string_view word, bool* abbrev) {
  *abbrev = false;
  if (int m = Lookup(kMonths, word)) return m;
  if (int m = Lookup(kMonthAbbrevs, word)) {
    *abbrev = true;
    return m;
  }
  return 0;
}

int WeekdayNumber(std::string_view word, bool* plural) {
  *plural = false;
  if (int d = Lookup(kWeekdays, word)) return d;
  if (word.size() > 1 && word.back() == 's') {
    if (int d = Lookup(kWeekdays, word.substr(0, word.size() - 1))) {
      *plural = true;
      return d;
    }
  }
  return 0;
}

int SmallNumberWord(std::string_view word) {
  if (word == "dozen") return 0;
  return Lookup(kNumbers, word);
}

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

bool IsTimeWord(std::string_view word) {
  // Built once (thread-safe static initialization), then a hash lookup per token.
  // A bit per (first byte, last byte, length) present: most tokens are rejected without hashing.
  struct Words {
    std::unordered_set<std::string_view> set;
    uint64_t filter[128] = {};
    static size_t Bit(std::string_view w) {
      return (static_cast<unsigned char>(w[0]) * 131u + static_cast<unsigned char>(w.back()) * 17u +
              w.size()) & 8191u;
    }
    bool Has(std::string_view w) const {
      if (!w.empty() && ((filter[Bit(w) >> 6] >> (Bit(w) & 63)) & 1u) == 0) return false;
      return set.count(w) != 0;
    }
  };
  static const Words* const kWords = [] {
    auto* words = new Words;
    auto* set = &words->set;
    *set = {
        // day parts, clock words, relative days
        "today", "yesterday", "tomorrow", "tonight", "overnight", "night", "nights", "morning",
        "mornings", "afternoon", "evening", "evenings", "noon", "midday", "midnight", "dawn",
        "daybreak", "dusk", "nightfall", "weekend", "weekends", "am", "pm",
        // reference words and periods
        "now", "currently", "presently", "nowadays", "current", "recently", "lately", "recent",
        "soon", "past", "future", "present", "period", "season", "half", "fiscal", "ago",
        "later", "earlier",
        // units
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
        "weeks", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades",
        "century", "centuries",
        // seasons
        "spring", "summer", "fall", "autumn", "winter",
        // sets
        "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly",
        // number words not in the number table
        "hundred", "thousand", "couple", "few", "several", "dozen", "hundreds", "thousands",
        // holidays whose names hold no other time word
        "christmas", "thanksgiving", "easter", "halloween"};
    for (const Entry& e : kMonths) set->insert(e.word);
    for (const Entry& e : kMonthAbbrevs) set->insert(e.word);
    for (const Entry& e : kWeekdays) set->insert(e.word);
    for (const Entry& e : kNumbers) set->insert(e.word);
    for (const Entry& e : kOrdinals) set->insert(e.word);
    for (std::string_view w : *set) {
      if (!w.empty()) words->filter[Words::Bit(w) >> 6] |= uint64_t{1} << (Words::Bit(w) & 63);
    }
    return words;
  }();
  if (word.size() > 12) return false;
  if (kWords->Has(word)) return true;
  // Plural weekdays: "mondays".
  return word.size() > 6 && word.back() == 's' && kWords->Has(word.substr(0, word.size() - 1)) &&
         word.find("day") != std::string_view::npos;
}

std::string_view SeasonCode(std::string_view word) {
  if (word == "spring") return "SP";
  if (word == "summer") return "SU";
  if (word == "fall" || word == "autumn") return "FA";
  if (word == "winter") return "WI";
  return {};
}

}  // namespace sitrep::timex
