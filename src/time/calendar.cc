#include "time/calendar.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <string>

namespace sitrep::timex {

int Weekday(const Date& date) {
  long days = DaysFromCivil(date.year, date.month, date.day);
  long w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Date AddDays(const Date& date, long days) {
  if (!date.known()) return date;
  // Within the month (most offsets the scanner adds: a week or less) the day number moves by
  // `days` alone (DaysFromCivil is linear in the day): no conversion there and back.
  if (const long day = date.day + days; day >= 1 && day <= DaysInMonth(date.year, date.month)) {
    return Date{date.year, date.month, static_cast<int>(day)};
  }
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

Date AddMonths(const Date& date, int months) {
  if (date.year == 0 || date.month == 0) return date;
  long index = static_cast<long>(date.year) * 12 + (date.month - 1) + months;
  Date out;
  out.year = static_cast<int>(index / 12);
  out.month = static_cast<int>(index % 12) + 1;
  out.day = date.day;
  if (out.day > DaysInMonth(out.year, out.month)) out.day = DaysInMonth(out.year, out.month);
  return out;
}

void IsoWeek(const Date& date, int* iso_year, int* week) {
  // The ISO week belongs to the year of its Thursday.
  const long days = DaysFromCivil(date.year, date.month, date.day);
  long w = (days + 3) % 7;  // as Weekday, from the day number already at hand
  if (w < 0) w += 7;
  const long thursday_days = days - (w + 1) + 4;
  const Date thursday = CivilFromDays(thursday_days);
  const long jan1 = DaysFromCivil(thursday.year, 1, 1);
  *iso_year = thursday.year;
  // thursday_days is DaysFromCivil(thursday): CivilFromDays inverts it.
  *week = static_cast<int>((thursday_days - jan1) / 7 + 1);
}

Date ParseAnchor(std::string_view text) {
  // One length test, then the eight digits and the two dashes of "YYYY-MM-DD".
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return Date{};
  int digit[10];
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    const unsigned v = static_cast<unsigned char>(text[i]) - unsigned{'0'};
    if (v > 9) return Date{};
    digit[i] = static_cast<int>(v);
  }
  const int y = digit[0] * 1000 + digit[1] * 100 + digit[2] * 10 + digit[3];
  const int m = digit[5] * 10 + digit[6];
  const int day = digit[8] * 10 + digit[9];
  if (!IsValidDate(y, m, day)) return Date{};
  return Date{y, m, day};
}

void AppendPadded(std::string* out, int v, int width) {
  // PutPadded writes at most max(11, width) bytes.
  char small[32];
  std::string large;
  char* buf = small;
  if (width > static_cast<int>(sizeof small)) {
    large.resize(static_cast<size_t>(width));
    buf = large.data();
  }
  out->append(buf, PutPadded(buf, v, width));
}

char* PutPadded(char* p, int v, int width) {
  char buf[12];
  char* end = buf + sizeof buf;
  char* q = end;
  unsigned u = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  do {
    *--q = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  long pad = width - (end - q) - (v < 0 ? 1 : 0);
  if (v < 0) *p++ = '-';
  for (; pad > 0; --pad) *p++ = '0';
  for (; q != end; ++q) *p++ = *q;
  return p;
}

namespace {
// "00".."99": two digits per lookup instead of a division and a remainder per digit.
constexpr auto kTwoDigits = [] {
  std::array<char, 200> t{};
  for (int v = 0; v < 100; ++v) {
    t[2 * v] = static_cast<char>('0' + v / 10);
    t[2 * v + 1] = static_cast<char>('0' + v % 10);
  }
  return t;
}();
void PutTwoDigits(char* p, int v) { std::memcpy(p, &kTwoDigits[2 * v], 2); }
// The 4-character year field at p: "XXXX" outside 1..9999, else zero-padded digits.
void PutYearField(char* p, int year) {
  if (year <= 0 || year > 9999) {
    std::memcpy(p, "XXXX", 4);
    return;
  }
  PutTwoDigits(p, year / 100);
  PutTwoDigits(p + 2, year % 100);
}
// "-MM"/"-DD" at p for 1..max, else "-XX".
void PutTwo(char* p, int v, int max) {
  p[0] = '-';
  if (v >= 1 && v <= max) {
    PutTwoDigits(p + 1, v);
  } else {
    p[1] = p[2] = 'X';
  }
}
}  // namespace

// Written into a fixed buffer and copied once (values are built for every timex; the string
// appends cost more than the digits).
std::string FormatYear(int year) {
  char buf[4];
  PutYearField(buf, year);
  return std::string(buf, sizeof buf);
}

std::string FormatMonth(int year, int month) {
  char buf[7];
  PutMonth(buf, year, month);
  return std::string(buf, sizeof buf);
}

std::string FormatDay(const Date& date) {
  char buf[10];
  PutDay(buf, date);
  return std::string(buf, sizeof buf);
}

std::string FormatWeek(const Date& date) {
  char buf[24];
  return std::string(buf, PutWeek(buf, date));
}

char* PutYear(char* p, int year) {
  PutYearField(p, year);
  return p + 4;
}

char* PutMonth(char* p, int year, int month) {
  PutYearField(p, year);
  PutTwo(p + 4, month, 12);
  return p + 7;
}

char* PutDay(char* p, const Date& date) {
  PutYearField(p, date.year);
  PutTwo(p + 4, date.month, 12);
  PutTwo(p + 7, date.day, 31);
  return p + 10;
}

char* PutWeek(char* p, const Date& date) {
  if (!date.known()) {
    if (date.year) {
      p = PutYear(p, date.year);
    } else {
      std::memcpy(p, "XXXX", 4);
      p += 4;
    }
    std::memcpy(p, "-WXX", 4);
    return p + 4;
  }
  int iso_year, week;
  IsoWeek(date, &iso_year, &week);
  p = PutPadded(p, iso_year, 4);
  *p++ = '-';
  *p++ = 'W';
  return PutPadded(p, week, 2);
}

Date EasterSunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, month, day};
}

Date NthWeekday(int year, int month, int nth, int weekday) {
  if (nth == -1) {
    Date last{year, month, DaysInMonth(year, month)};
    return AddDays(last, -((Weekday(last) - weekday + 7) % 7));
  }
  Date first{year, month, 1};
  Date d = AddDays(first, (weekday - Weekday(first) + 7) % 7 + 7L * (nth - 1));
  if (d.month != month) return Date{};
  return d;
}

}  // namespace sitrep::timex
