// Calendar arithmetic of the timex resolver: the shortcuts (AddDays within a month, IsoWeek from
// one day number) against the plain day-number round trip they replace.
#include <gtest/gtest.h>

#include "time/calendar.h"

namespace sitrep::timex {
namespace {

// The definition AddDays had before its within-the-month shortcut.
Date AddDaysByDayNumber(const Date& date, long days) {
  if (!date.known()) return date;
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

bool SameDate(const Date& a, const Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

TEST(TimexCalendarTest, AddDaysIsTheDayNumberRoundTrip) {
  const int kYears[] = {-401, -1, 1, 4, 100, 1900, 1999, 2000, 2023, 2024, 2100, 9999};
  const long kOffsets[] = {-400, -366, -60, -31, -29, -28, -8, -7, -1, 0,   1,   2,
                           6,    7,    13,  27,  28,  29,  30, 31, 59, 365, 366, 1000};
  for (int y : kYears) {
    for (int m = 1; m <= 12; ++m) {
      // Days past the month's end too ("February 30" normalizes by the day number).
      for (int d = 1; d <= 33; ++d) {
        const Date date{y, m, d};
        for (long k : kOffsets) {
          const Date got = AddDays(date, k);
          const Date want = AddDaysByDayNumber(date, k);
          EXPECT_TRUE(SameDate(got, want))
              << y << "-" << m << "-" << d << " + " << k << ": " << got.year << "-" << got.month
              << "-" << got.day << " vs " << want.year << "-" << want.month << "-" << want.day;
        }
      }
    }
  }
  // Unknown dates stay as they are.
  EXPECT_TRUE(SameDate(AddDays(Date{2024, 0, 5}, 3), Date{2024, 0, 5}));
  EXPECT_TRUE(SameDate(AddDays(Date{}, 3), Date{}));
}

TEST(TimexCalendarTest, IsoWeekKnownValues) {
  const struct {
    Date date;
    int iso_year, week;
  } kCases[] = {
      {{2024, 9, 14}, 2024, 37}, {{2024, 8, 29}, 2024, 35}, {{2021, 1, 3}, 2020, 53},
      {{2021, 1, 4}, 2021, 1},   {{2019, 12, 30}, 2020, 1}, {{2015, 12, 31}, 2015, 53},
      {{2016, 1, 1}, 2015, 53},  {{2000, 2, 29}, 2000, 9},  {{1970, 1, 1}, 1970, 1},
  };
  for (const auto& c : kCases) {
    int iso_year = 0, week = 0;
    IsoWeek(c.date, &iso_year, &week);
    EXPECT_EQ(iso_year, c.iso_year) << c.date.year << "-" << c.date.month << "-" << c.date.day;
    EXPECT_EQ(week, c.week) << c.date.year << "-" << c.date.month << "-" << c.date.day;
  }
}

// IsoWeek against its definition: the week of the year of the day's Thursday.
TEST(TimexCalendarTest, IsoWeekIsTheThursdaysWeek) {
  for (long days = DaysFromCivil(1995, 12, 1); days <= DaysFromCivil(2030, 1, 31); ++days) {
    const Date date = CivilFromDays(days);
    const Date thursday = CivilFromDays(days - Weekday(date) + 4);
    const long jan1 = DaysFromCivil(thursday.year, 1, 1);
    int iso_year = 0, week = 0;
    IsoWeek(date, &iso_year, &week);
    ASSERT_EQ(iso_year, thursday.year) << days;
    ASSERT_EQ(week, (DaysFromCivil(thursday.year, thursday.month, thursday.day) - jan1) / 7 + 1)
        << days;
  }
}

TEST(TimexCalendarTest, ParseAnchorTakesValidDatePrefixesOnly) {
  const struct {
    const char* text;
    int year, month, day;  // all 0: unknown
  } kCases[] = {
      {"2024-09-14", 2024, 9, 14},
      {"2024-09-14T10:00:00Z", 2024, 9, 14},
      {"1999-12-31 extra", 1999, 12, 31},
      {"2024-02-29", 2024, 2, 29},
      {"0001-01-01", 1, 1, 1},
      {"2023-02-29", 0, 0, 0},
      {"0000-01-01", 0, 0, 0},
      {"2024-13-01", 0, 0, 0},
      {"2024-00-10", 0, 0, 0},
      {"2024-04-31", 0, 0, 0},
      {"2024-9-14", 0, 0, 0},
      {"2024/09/14", 0, 0, 0},
      {"2024-09-1", 0, 0, 0},
      {"2024-09-1x", 0, 0, 0},
      {"20x4-09-14", 0, 0, 0},
      {"", 0, 0, 0},
      {"2024", 0, 0, 0},
      {"September 14, 2024", 0, 0, 0},
  };
  for (const auto& c : kCases) {
    const Date d = ParseAnchor(c.text);
    EXPECT_TRUE(SameDate(d, Date{c.year, c.month, c.day}))
        << c.text << ": " << d.year << "-" << d.month << "-" << d.day;
  }
}

}  // namespace
}  // namespace sitrep::timex
