// Small word tables for the timex grammar. Lookups take lowercased ASCII words.
#pragma once

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

}  // namespace sitrep::timex
