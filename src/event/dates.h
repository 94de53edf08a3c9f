// TIMEX3 date values as day ranges: used to tell whether two mentions can be one incident, and
// as the event-date fallback until the time layer provides one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitrep::event {

enum class DateGrain { kDay, kWeek, kMonth, kYear };

struct DayRange {
  long first = 0, last = 0;  // days since 1970-01-01, inclusive
  DateGrain grain = DateGrain::kDay;
};

// "2024-08-29" (a time after it is ignored), "2024-W35", "2024-08", "2024"; nullopt for
// anything else (durations, PAST_REF, values with X).
std::optional<DayRange> ParseDateValue(std::string_view value);

// "YYYY-MM-DD" of a day number.
std::string FormatDayNumber(long day);
// The year of a day number (the first four digits of FormatDayNumber for years 1-9999).
int YearOfDayNumber(long day);

// True when both dates are known (parsed by ParseDateValue) and their ranges do not overlap.
bool RangesConflict(const std::optional<DayRange>& a, const std::optional<DayRange>& b);

}  // namespace sitrep::event
