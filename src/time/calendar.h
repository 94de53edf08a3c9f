// Proleptic Gregorian calendar arithmetic for the timex resolver: day numbers, weekdays, ISO
// weeks and TIMEX3 value formatting. Year 0 means "unknown" and formats as X.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::timex {

struct Date {
  int year = 0;   // 0: unknown
  int month = 0;  // 1..12, 0: unknown
  int day = 0;    // 1..31, 0: unknown
  bool known() const { return year != 0 && month != 0 && day != 0; }
};

// Days since 1970-01-01 of a valid date, and back.
long DaysFromCivil(int year, int month, int day);
Date CivilFromDays(long days);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// 1 = Monday ... 7 = Sunday (ISO 8601).
int Weekday(const Date& date);
Date AddDays(const Date& date, long days);
// Adds months, clamping the day to the target month's length.
Date AddMonths(const Date& date, int months);

// Easter Sunday of `year` (Gregorian computus).
Date EasterSunday(int year);
// The nth (1..5) `weekday` (1 = Monday) of the month, or the last one for nth = -1; unknown
// Date when it does not exist.
Date NthWeekday(int year, int month, int nth, int weekday);

// ISO 8601 week: sets *iso_year and *week.
void IsoWeek(const Date& date, int* iso_year, int* week);

// Parses "YYYY-MM-DD" with anything after it (a time, a zone); returns an unknown Date if the
// prefix is not a valid date.
Date ParseAnchor(std::string_view text);

// TIMEX3 strings; unknown parts become X: "2024-08-29", "XXXX-XX-XX", "2024-08", "2024",
// "2024-W35".
// Appends v as printf("%0*d", width, v) would, without the format parser (values are built
// for every timex).
void AppendPadded(std::string* out, int v, int width);
std::string FormatDay(const Date& date);
std::string FormatMonth(int year, int month);
std::string FormatYear(int year);
std::string FormatWeek(const Date& date);

}  // namespace sitrep::timex
