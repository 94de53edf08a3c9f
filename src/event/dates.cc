#include "event/dates.h"

#include <charconv>

#include "time/calendar.h"

namespace sitrep::event {
namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::optional<DayRange> ParseDateValue(std::string_view v) {
  int year = 0, month = 0, day = 0, week = 0;
  if (v.size() < 4 || !ParseInt(v.substr(0, 4), &year) || year < 1) return std::nullopt;
  if (v.size() == 4) {
    return DayRange{timex::DaysFromCivil(year, 1, 1), timex::DaysFromCivil(year, 12, 31),
                    DateGrain::kYear};
  }
  if (v[4] != '-' || v.size() < 7) return std::nullopt;
  if (v[5] == 'W') {
    if (v.size() != 8 || !ParseInt(v.substr(6, 2), &week) || week < 1 || week > 53) {
      return std::nullopt;
    }
    // ISO week 1 holds January 4; its Monday starts the week-year.
    const long jan4 = timex::DaysFromCivil(year, 1, 4);
    const int jan4_weekday = timex::Weekday(timex::CivilFromDays(jan4));
    const long monday = jan4 - (jan4_weekday - 1) + 7L * (week - 1);
    return DayRange{monday, monday + 6, DateGrain::kWeek};
  }
  if (!ParseInt(v.substr(5, 2), &month) || month < 1 || month > 12) return std::nullopt;
  if (v.size() == 7) {
    return DayRange{timex::DaysFromCivil(year, month, 1),
                    timex::DaysFromCivil(year, month, timex::DaysInMonth(year, month)),
                    DateGrain::kMonth};
  }
  if (v.size() < 10 || v[7] != '-' || !ParseInt(v.substr(8, 2), &day) ||
      !timex::IsValidDate(year, month, day)) {
    return std::nullopt;
  }
  if (v.size() > 10 && v[10] != 'T') return std::nullopt;
  const long d = timex::DaysFromCivil(year, month, day);
  return DayRange{d, d, DateGrain::kDay};
}

std::string FormatDayNumber(long day) { return timex::FormatDay(timex::CivilFromDays(day)); }

int YearOfDayNumber(long day) { return timex::CivilFromDays(day).year; }

bool RangesConflict(const std::optional<DayRange>& a, const std::optional<DayRange>& b) {
  return a && b && (a->last < b->first || b->last < a->first);
}

}  // namespace sitrep::event
