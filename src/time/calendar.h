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

// Days since 1970-01-01 of a valid date, and back. Inline: the scanner converts a few dates
// per timex, and the calls cost as much as the arithmetic.
// Day counting by 400-year eras with March as the first month, so the leap day ends a year.
// Linear in `day` for any day (AddDays relies on it).
inline long DaysFromCivil(int year, int month, int day) {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
inline Date CivilFromDays(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}
// 0 for a month outside 1..12.
inline int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}
inline bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

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
// The same strings written at p, for values built in a fixed buffer (no std::string per part):
// each returns the end of what it wrote. PutDay writes 10 bytes, PutMonth 7, PutYear 4,
// PutWeek at most 16 and PutPadded at most max(11, width).
char* PutDay(char* p, const Date& date);
char* PutMonth(char* p, int year, int month);
char* PutYear(char* p, int year);
char* PutWeek(char* p, const Date& date);
char* PutPadded(char* p, int v, int width);

}  // namespace sitrep::timex
