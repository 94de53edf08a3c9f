// FindTimex's fast path (matchers chosen by the candidate's first word, word readings by the
// index of the time-word table) against FindTimexReference (every matcher at every candidate,
// readings by string): the same spans, types and values. Inputs are invented sentences and
// deterministic mixes of every word of the time-word table.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/timex.h"
#include "time/lexicon.h"
#include "time/scanner.h"

namespace sitrep::timex {
namespace {

std::string Show(const std::vector<Timex>& found, std::string_view text) {
  std::string out;
  for (const Timex& t : found) {
    // Appends one by one (GCC 12 warns falsely on "[" + std::string(...) with -Wrestrict).
    out += '[';
    out += text.substr(t.span.begin, t.span.end - t.span.begin);
    out += "] ";
    out += TimexTypeName(t.type);
    out += ' ';
    out += t.value;
    out += '\n';
  }
  return out;
}

void ExpectSameAsReference(std::string_view text, std::string_view anchor) {
  std::vector<Timex> fast = FindTimex(text, anchor);
  std::vector<Timex> ref = FindTimexReference(text, anchor);
  bool same = fast.size() == ref.size();
  for (size_t k = 0; same && k < fast.size(); ++k) {
    same = fast[k].span.begin == ref[k].span.begin && fast[k].span.end == ref[k].span.end &&
           fast[k].type == ref[k].type && fast[k].value == ref[k].value;
  }
  EXPECT_TRUE(same) << "text: " << text << "\nanchor: " << anchor << "\nfast:\n"
                    << Show(fast, text) << "reference:\n"
                    << Show(ref, text);
}

TEST(TimexDispatchTest, SentencesMatchReference) {
  const char* kTexts[] = {
      "Gunmen attacked a police checkpoint on Monday near the town, killing three officers.",
      "The convoy left at 5:30 p.m. on Jan. 5, 2024 and was hit about 40 km north at 0500 GMT.",
      "In the '90s, twenty-four soldiers died; the 1990s were calm and the 20th century was not.",
      "Mondays and Tuesdays the market closes; Christmas Eve and New Year's Day too.",
      "He said last month that two weeks ago, in mid-June, the talks began; a year earlier too.",
      "The third quarter, third-quarter profit, the fourth quarter of 2023, the first half, Q3.",
      "Every Friday, each day, daily, twice a week, $5 million a year, every other month.",
      "For three days, the last 24 hours, a five-year plan, the first nine months, for years.",
      "Now, the talks resume; currently, recently, soon, in the near future, the past.",
      "The day before yesterday, the night before last, the day after Christmas, overnight.",
      "Nineteen ninety-six, two thousand and one, the nineties, fiscal 1989, calendar 2020.",
      "At noon Friday, at dawn, midnight Tuesday, 10 p.m. Wednesday, at 4 in the morning.",
      "The following week, the previous Friday, that year, the same day, the week of March 6.",
      "Late last year, early this month, later that day, the end of the year, mid-1996.",
      "In the summer of 1994, last fall, this past spring, over the winter, the early summer.",
      "A few days later, several years ago, more than a decade, up to 30 days, at least a week.",
      "The year-earlier quarter, the latest period, last year's quarter, the 1988 quarter.",
      "May 24 and 25, April 3 or 4, Theresa May said, June Carter sang, in May the vote.",
      "The Sunday Times, Friday Prayers, the Easter egg hunt, a Christmas tree, Labor Day 2019.",
      "10/06/1971, 1971-10-06, 6/10/71, 2,500 troops, 2.5 percent, 1990 levels, Room 2014.",
      // Numbers and articles whose next token decides whether any matcher runs.
      "Police said 12 people died at 4 in the morning, 5 o'clock, 5 p.m. and 7 pm on 9 of May.",
      "The 9th of May, the 3rd quarter, 2 1/2 years, 8 trading days, 2 additional years, 10-day.",
      "A week, an hour and a half, a couple of days, an additional year, a 12-year-old, a-year.",
      "At least 30 days, at most a week, at present, at the end of the year, the turn of 1990.",
      "The near term, the short term, the beginning of March, the middle of 2019, the start.",
      "It rose 5% to 24, then 31; May 24 and 25 and April 3. He said 12. The 15 were freed.",
      // Gated matchers with their word far from the candidate (Scanner::GateAt's reach).
      "The fiscal nineteen ninety-six third-quarter results; the 1988 fourth quarter of 1989.",
      "This year's first half, last year's quarter, the year-earlier period, the year-ago rise.",
      "About twenty-four more weeks ago, more than a couple of days later, some 2 1/2 years.",
      "Up to a hundred additional days, at least twenty-five trading days, 2 1/2-year terms.",
      "The end of the last past March, the 9th of May, early the previous Friday, mid-June.",
      "At the end of the coming spring, the early summer, this past fiscal year, the weekend.",
      "Early mid-afternoon yesterday, late this evening, earlier tonight, later that night.",
      "The 1st half, 4th-quarter profit, 19th-century walls, the 21st century, 3 quarters.",
      // Benign sentences: candidates whose gated matchers have no word in reach.
      "The quarterback said the half-time show was about as long as the last one, at best.",
      "Some 40 of the 300 delegates left early; the other 260 stayed in the hall until late.",
      "A dozen of the 12 boats were lost, several more sank, and the rest came back at night.",
  };
  const char* kAnchors[] = {"2024-09-14", "1998-01-08", "", "2000-02-29"};
  for (const char* anchor : kAnchors) {
    for (const char* text : kTexts) ExpectSameAsReference(text, anchor);
  }
}

// Every word of the time-word table, capitalized or not, in deterministic random company: a
// matcher missing from a word's dispatch bits would lose a match the reference finds.
TEST(TimexDispatchTest, EveryTableWordMatchesReference) {
  const WordClassTable& table = TimeWordClasses();
  ASSERT_TRUE(table.sealed());
  std::vector<std::string> pieces;
  for (size_t id = 1; id < table.WordCount(); ++id) {
    std::string w = table.WordAt(id);
    ASSERT_FALSE(w.empty());
    pieces.push_back(w);
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    pieces.push_back(w);
  }
  const char* kOthers[] = {
      "5",     "12",     "30",         "1998",     "2019",  "'",    "-",    ".",       ",",
      "s",     ":",      "/",          "of",       "and",   "than", "to",   "said",    "in",
      "on",    "2",      "4",          "st",       "th",    "$",    "\n",   "Eve",     "Day",
      "'s",    "Sunday", "old",        "long",     "least", "will", "from", "ended",   "o",
      "p",     "people", "additional", "trading",  "end",   "near", "most", "million", "percent",
      "short", "turn",   "clock",      "9th",      "1/2",   "0500", "24",   "31",      "3rd",
      "%",     "extra",  "business",   "beginning"};
  for (const char* o : kOthers) pieces.push_back(o);
  uint32_t state = 2024;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return state >> 16;
  };
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    size_t count = 2 + next() % 9;
    for (size_t k = 0; k < count; ++k) {
      const std::string& piece = pieces[next() % pieces.size()];
      // Glue punctuation and suffixes now and then ("mid-June", "1990s", "5:30").
      if (!text.empty() && next() % 4 != 0) text += ' ';
      text += piece;
    }
    ExpectSameAsReference(text, round % 3 == 0 ? "" : "2024-09-14");
    if (HasFailure()) break;
  }
}

// "the", "a"/"an", "at" and a number run only the matchers that can take the word after them
// (MatchersAfterThe, MatchersAfterArticle, MatchersAfterAt, MatchersAfterNumber): each lead before
// every word of the index and the words the rules list outside it (and a few others), followed
// by endings the matchers look for.
TEST(TimexDispatchTest, EveryWordAfterALeadMatchesReference) {
  const WordClassTable& table = TimeWordClasses();
  ASSERT_TRUE(table.sealed());
  std::vector<std::string> seconds;
  for (size_t id = 1; id < table.WordCount(); ++id) seconds.push_back(table.WordAt(id));
  const char* kOthers[] = {
      "of",      "o",       "in",        "p",      "additional", "extra",  "trading", "business",
      "working", "end",     "beginning", "start",  "middle",     "turn",   "near",    "short",
      "least",   "most",    "full",      "5",      "12",         "1998",   "3rd",     "'",
      "-",       "/",       ":",         "people", "nineties",   "am",     "pm",      "gmt",
      "utc",     "hrs",     "local",     "st",     "th",         "nd",     "rd",      "1",
      "2",       "30",      ",",         ".",      "present",    "couple", "few",     "dozen",
      "hundred", "thousand"};
  for (const char* o : kOthers) seconds.push_back(o);
  const char* kLeads[] = {
      "the ",      "The ",  "in the ",          "the the ",  "5 ",  "24 ", "9",       "at 4 ",
      "0500 ",     "1998 ", "April 24 and 25 ", "2 ",        "12",  "31 ", "twenty ", "a ",
      "A ",        "an ",   "$5 million a ",    "twice a ",  "at ", "At ", "two ",    "Two ",
      "nineteen ", "one ",  "ninety ",          "about two "};
  const char* kEndings[] = {"",
                            " year",
                            " of 2020",
                            " of May",
                            " of the year",
                            " quarter",
                            "-quarter profit",
                            " half of 1989",
                            " Friday",
                            " day",
                            " days",
                            " before yesterday",
                            " before last",
                            " after Christmas",
                            " future",
                            " term",
                            " week of March 6",
                            " summer",
                            " year's quarter",
                            "s",
                            " century",
                            "-earlier quarter",
                            " ninety-six",
                            " thousand",
                            " - year",
                            " 90s",
                            "/06/1971",
                            "-10-06",
                            ":30 p.m.",
                            " the morning",
                            ". m. Friday",
                            "'clock",
                            " 2/2 years",
                            " ago",
                            " later",
                            " GMT",
                            " time",
                            " of days",
                            "-long feud",
                            " days later",
                            " a week",
                            " day"};
  for (const std::string& second : seconds) {
    for (const char* lead : kLeads) {
      for (const char* ending : kEndings) {
        ExpectSameAsReference(std::string("It came ") + lead + second + ending + " then.",
                              "2024-09-14");
        if (HasFailure()) return;
      }
    }
  }
}

// The fast path reads month, weekday and unit words by their index: every such word has one.
TEST(TimexDispatchTest, ReadingWordsAreIndexed) {
  const WordClassTable& table = TimeWordClasses();
  const char* kWords[] = {
      "january", "february",  "march",    "april",    "may",      "june",       "july",
      "august",  "september", "october",  "november", "december", "jan",        "feb",
      "mar",     "apr",       "jun",      "jul",      "aug",      "sep",        "sept",
      "oct",     "nov",       "dec",      "monday",   "tuesday",  "wednesday",  "thursday",
      "friday",  "saturday",  "sunday",   "mondays",  "tuesdays", "wednesdays", "thursdays",
      "fridays", "saturdays", "sundays",  "second",   "seconds",  "minute",     "minutes",
      "hour",    "hours",     "day",      "days",     "week",     "weeks",      "month",
      "months",  "quarter",   "quarters", "year",     "years",    "decade",     "decades",
      "century", "centuries"};
  for (const char* w : kWords) EXPECT_NE(table.WordId(w), 0u) << w;
  // The MatchersAfter* rules test these by kind (number, season, ordinal), not by listing them:
  // Scanner::AfterThe and the like give a word outside the index nothing unless it is listed.
  const char* kKinds[] = {"one",      "two",      "three",   "four",    "five",      "six",
                          "seven",    "eight",    "nine",    "ten",     "eleven",    "twelve",
                          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                          "nineteen", "twenty",   "thirty",  "forty",   "fifty",     "sixty",
                          "seventy",  "eighty",   "ninety",  "spring",  "summer",    "fall",
                          "autumn",   "winter",   "first",   "second",  "third",     "fourth"};
  for (const char* w : kKinds) EXPECT_NE(table.WordId(w), 0u) << w;
  EXPECT_EQ(table.WordId("officials"), 0u);
  EXPECT_EQ(table.WordId(""), 0u);
  for (size_t id = 1; id < table.WordCount(); ++id) EXPECT_EQ(table.WordId(table.WordAt(id)), id);
}

}  // namespace
}  // namespace sitrep::timex
