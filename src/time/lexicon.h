// Small word tables for the timex grammar. Lookups take lowercased ASCII words.
#pragma once

#include <cstddef>
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

// IsTimeWord and, in one lookup, whether a match may begin at the word: a time word, or a word
// the matchers accept before one ("the", "last", "about", "every", holiday first words...).
// Returns a mask of kTimeWord and kStarter (0 for most words).
enum : int { kTimeWord = 1, kStarter = 2 };
int ClassifyTimeWord(std::string_view word);
// The same for the n-byte lowercase word at p, where 16 bytes from p are readable (LexTimex pads
// its lowered copy): a word-sized load instead of a copy.
int ClassifyTimeWordPadded(const char* p, size_t n);

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
