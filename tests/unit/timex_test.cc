// Table-driven tests of the timex layer: (text, anchor, expected span text, type, value).
// Sentences are invented; anchors are publication dates.
#include "sitrep/timex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

constexpr const char* kPub = "2024-09-14";  // a Saturday, the seed article's date

struct Case {
  const char* text;
  const char* anchor;
  const char* span;  // expected text of one annotation
  const char* type;
  const char* value;
};

// Each case expects an annotation whose span text is `span` (first such) with type and value.
const Case kCases[] = {
    // The seed article's expressions.
    {"The raid took place last month, officials said.", kPub, "last month", "DATE", "2024-08"},
    {"News of the raid first emerged two weeks ago.", kPub, "two weeks ago", "DATE", "2024-W35"},
    {"In August last year the two sides agreed to talks.", kPub, "August last year", "DATE",
     "2023-08"},
    {"The group rose to power in 2014.", kPub, "2014", "DATE", "2014"},
    {"It lost its last territory in March 2019.", kPub, "March 2019", "DATE", "2019-03"},
    {"Forces recently killed a cell member.", kPub, "recently", "DATE", "PAST_REF"},
    // Absolute dates.
    {"The letter was dated 10/06/1971.", kPub, "10/06/1971", "DATE", "1971-10-06"},
    {"The letter was dated 25/06/1971.", kPub, "25/06/1971", "DATE", "1971-06-25"},
    {"The log starts 2020-05-09 at the border.", kPub, "2020-05-09", "DATE", "2020-05-09"},
    {"Fighting resumed on 9 May 2020 near the river.", kPub, "9 May 2020", "DATE", "2020-05-09"},
    {"Fighting resumed on May 9, 2020 near the river.", kPub, "May 9, 2020", "DATE", "2020-05-09"},
    {"Fighting resumed on May 9 near the river.", kPub, "May 9", "DATE", "2024-05-09"},
    {"The convoy left on Jan. 5 under escort.", "2024-03-01", "Jan. 5", "DATE", "2024-01-05"},
    {"The convoy leaves on Jan. 5.", kPub, "Jan. 5", "DATE",
     "2025-01-05"},  // next Jan. within 120 days
    {"The convoy left on Sept. 3.", kPub, "Sept. 3", "DATE", "2024-09-03"},
    {"The talks opened on the 9th of May.", kPub, "9th of May", "DATE", "2024-05-09"},
    {"Shelling intensified in mid-June.", kPub, "mid-June", "DATE", "2024-06"},
    {"The offensive began in early 2023.", kPub, "early 2023", "DATE", "2023"},
    {"The city changed hands several times in the 1990s.", kPub, "the 1990s", "DATE", "199"},
    {"Militias grew in the '90s.", kPub, "the '90s", "DATE", "199"},
    {"The border was drawn in the 19th century.", kPub, "the 19th century", "DATE", "18"},
    {"Since 2016 the army has held the pass.", kPub, "2016", "DATE", "2016"},
    {"Aid fell short in fiscal 2022.", kPub, "fiscal 2022", "DATE", "2022"},
    {"The camp was emptied in December.", "2024-06-14", "December", "DATE", "2023-12"},
    {"A ceasefire is planned for October.", kPub, "October", "DATE", "2024-10"},
    {"The truce was signed in January.", "2024-11-20", "January", "DATE", "2025-01"},
    {"The siege ended in late November 2015.", kPub, "late November 2015", "DATE", "2015-11"},
    {"Rebels entered the town on June 3rd.", kPub, "June 3rd", "DATE", "2024-06-03"},
    {"Villagers fled last April.", kPub, "last April", "DATE", "2024-04"},
    {"Villagers fled last November.", kPub, "last November", "DATE", "2023-11"},
    {"The battle of summer 2014 is remembered.", kPub, "summer 2014", "DATE", "2014-SU"},
    {"Troops withdrew last fall.", kPub, "last fall", "DATE", "2023-FA"},
    // Relative to publication.
    {"Two soldiers were killed today.", kPub, "today", "DATE", "2024-09-14"},
    {"Two soldiers were killed yesterday.", kPub, "yesterday", "DATE", "2024-09-13"},
    {"The vote is tomorrow.", kPub, "tomorrow", "DATE", "2024-09-15"},
    {"Protesters gathered yesterday morning.", kPub, "yesterday morning", "TIME", "2024-09-13TMO"},
    {"Jets struck the camp the night before last.", kPub, "the night before last", "TIME",
     "2024-09-12TNI"},
    {"Gunmen attacked a checkpoint on Monday.", kPub, "Monday", "DATE", "2024-09-09"},
    {"Gunmen attacked a checkpoint on Saturday.", kPub, "Saturday", "DATE", "2024-09-14"},
    {"The envoy will arrive on Monday.", kPub, "Monday", "DATE", "2024-09-16"},
    {"Gunmen attacked a checkpoint last Friday.", kPub, "last Friday", "DATE", "2024-09-13"},
    {"Gunmen attacked a checkpoint last Friday.", "2024-09-18", "last Friday", "DATE",
     "2024-09-13"},
    {"Talks resume next Tuesday.", kPub, "next Tuesday", "DATE", "2024-09-17"},
    {"Clashes broke out Friday night.", kPub, "Friday night", "DATE", "2024-09-13"},
    {"Clashes broke out last week.", kPub, "last week", "DATE", "2024-W36"},
    {"Clashes continued this week.", kPub, "this week", "DATE", "2024-W37"},
    {"Elections are due next month.", kPub, "next month", "DATE", "2024-10"},
    {"Three days ago a drone hit the depot.", kPub, "Three days ago", "DATE", "2024-09-11"},
    {"Five months ago the road reopened.", kPub, "Five months ago", "DATE", "2024-04"},
    {"The group split two years ago.", kPub, "two years ago", "DATE", "2022"},
    {"Raids increased earlier this year.", kPub, "earlier this year", "DATE", "2024"},
    {"Raids increased this year.", kPub, "this year", "DATE", "2024"},
    {"The budget was cut last year.", kPub, "last year", "DATE", "2023"},
    {"Talks are expected next year.", kPub, "next year", "DATE", "2025"},
    {"Strikes hit the port overnight.", kPub, "overnight", "TIME", "2024-09-14TNI"},
    {"Sirens sounded this morning.", kPub, "this morning", "TIME", "2024-09-14TMO"},
    {"Sirens sounded last night.", kPub, "last night", "TIME", "2024-09-13TNI"},
    {"The area is now under army control.", kPub, "now", "DATE", "PRESENT_REF"},
    {"The area is currently under army control.", kPub, "currently", "DATE", "PRESENT_REF"},
    {"Such attacks were rare in the past.", kPub, "the past", "DATE", "PAST_REF"},
    {"Peace may come in the future.", kPub, "the future", "DATE", "FUTURE_REF"},
    {"Violence rose over the past decade.", kPub, "the past decade", "DURATION", "P10Y"},
    {"The weekend saw heavy rain.", kPub, "The weekend", "DATE", "2024-W37-WE"},
    // Narrative anchoring.
    {"On May 26 the rebels attacked. The next day they withdrew.", kPub, "The next day", "DATE",
     "2024-05-27"},
    {"On May 26 the rebels attacked. A week later they withdrew.", kPub, "A week later", "DATE",
     "2024-W22"},
    {"On May 26 the rebels attacked. Two days later they withdrew.", kPub, "Two days later", "DATE",
     "2024-05-28"},
    {"On May 26 the rebels attacked. The previous day was calm.", kPub, "The previous day", "DATE",
     "2024-05-25"},
    {"On March 3, 2021 the town fell. The following day it was retaken.", kPub, "The following day",
     "DATE", "2021-03-04"},
    // Durations.
    {"The siege lasted for three days.", kPub, "three days", "DURATION", "P3D"},
    {"Ten people died in the last 24 hours.", kPub, "the last 24 hours", "DURATION", "PT24H"},
    {"The war has lasted two years.", kPub, "two years", "DURATION", "P2Y"},
    {"The fighting lasted twenty-four hours.", kPub, "twenty-four hours", "DURATION", "PT24H"},
    {"He served a five-year term.", kPub, "five-year", "DURATION", "P5Y"},
    {"The curfew lasted a week.", kPub, "a week", "DURATION", "P1W"},
    {"Displaced families waited for months.", kPub, "months", "DURATION", "PXM"},
    {"The strike lasted 90 minutes.", kPub, "90 minutes", "DURATION", "PT90M"},
    {"Output fell in the first nine months.", kPub, "the first nine months", "DURATION", "P9M"},
    {"The region saw a few days of calm.", kPub, "a few days", "DURATION", "PXD"},
    {"The occupation lasted two decades.", kPub, "two decades", "DURATION", "P20Y"},
    // Sets.
    {"Protesters march every Friday.", kPub, "every Friday", "SET", "XXXX-WXX-5"},
    {"The bulletin is published weekly.", kPub, "weekly", "SET", "P1W"},
    // "annually" is left out (TimeBank rarely tags it: 1 of 6 on timex-dev); "yearly" stays.
    {"The report is updated yearly.", kPub, "yearly", "SET", "P1Y"},
    {"Patrols run daily.", kPub, "daily", "SET", "P1D"},
    {"Markets open on Fridays.", kPub, "Fridays", "SET", "XXXX-WXX-5"},
    {"The group earns $5 million a year.", kPub, "a year", "SET", "P1Y"},
    {"Inspections happen each month.", kPub, "each month", "SET", "P1M"},
    // Times.
    {"The blast came at 5am.", kPub, "5am", "TIME", "2024-09-14T05:00"},
    {"The blast came at 5:30 p.m. near the mosque.", kPub, "5:30 p.m.", "TIME", "2024-09-14T17:30"},
    {"The blast came at noon.", kPub, "noon", "TIME", "2024-09-14T12:00"},
    {"The curfew starts at midnight.", kPub, "midnight", "TIME", "2024-09-14T24:00"},
    {"Troops moved in at dawn.", kPub, "dawn", "TIME", "2024-09-14TMO"},
    {"The raid began at 10 p.m. Wednesday.", kPub, "10 p.m. Wednesday", "TIME", "2024-09-11T22:00"},
    {"The raid began at 0400 GMT.", kPub, "0400 GMT", "TIME", "2024-09-14T04:00"},
    // Quarters.
    {"Revenue fell in the third quarter.", kPub, "the third quarter", "DATE", "2024-Q3"},
    {"Revenue fell in the fourth quarter of 2022.", kPub, "the fourth quarter of 2022", "DATE",
     "2022-Q4"},
    {"Third-quarter losses grew.", kPub, "Third-quarter", "DATE", "2024-Q3"},
    {"Sales rose in the first half.", kPub, "the first half", "DATE", "2024-H1"},
    // Unknown publication date: unresolved parts, never today's date.
    {"Two soldiers were killed yesterday.", "", "yesterday", "DATE", "XXXX-XX-XX"},
    {"The raid took place last month.", "", "last month", "DATE", "XXXX-XX"},
    {"Gunmen attacked on Monday.", "", "Monday", "DATE", "XXXX-WXX-1"},
    {"Fighting resumed on May 9.", "", "May 9", "DATE", "XXXX-05-09"},
    {"It was founded in 2014.", "", "2014", "DATE", "2014"},
    {"News emerged two weeks ago.", "", "two weeks ago", "DATE", "XXXX-WXX"},
    // ISO date-time anchors.
    {"Two soldiers were killed yesterday.", "2024-09-14T08:30:00Z", "yesterday", "DATE",
     "2024-09-13"},
    {"Clashes broke out last week.", "2021-01-02", "last week", "DATE", "2020-W52"},
    // Weekday future cues beyond "will": "set to", "is to", "due to", "planned", "postponed".
    {"Talks are set to resume Monday in the capital.", kPub, "Monday", "DATE", "2024-09-16"},
    {"The envoy is to visit the camp on Tuesday.", kPub, "Tuesday", "DATE", "2024-09-17"},
    {"The team planned to leave the city on Thursday.", kPub, "Thursday", "DATE", "2024-09-19"},
    {"The hearing was postponed until Wednesday.", kPub, "Wednesday", "DATE", "2024-09-18"},
    {"Convoys crossed from the United States Thursday.", kPub, "Thursday", "DATE", "2024-09-12"},
    // Day of month before a colon ("said on Friday, May 9: ...").
    {"The paper wrote in an editorial on Friday, Sept. 13: peace first.", kPub, "Friday, Sept. 13",
     "DATE", "2024-09-13"},
    {"A note dated June 4: all quiet.", kPub, "June 4", "DATE", "2024-06-04"},
    // Spelled-out years and "the year two thousand".
    {"The camp opened in nineteen ninety-six.", kPub, "nineteen ninety-six", "DATE", "1996"},
    {"It was built in January nineteen eighty-two.", kPub, "January nineteen eighty-two", "DATE",
     "1982-01"},
    {"Rebels vowed to win by the year two thousand.", "1998-03-03", "the year two thousand", "DATE",
     "2000"},
    // Holidays: the most recent occurrence, "last"/"next", an explicit year.
    {"The boy was found at sea on Thanksgiving Day.", "2000-01-07", "Thanksgiving Day", "DATE",
     "1999-11-25"},
    {"Shelling resumed on Christmas Eve.", "2024-01-10", "Christmas Eve", "DATE", "2023-12-24"},
    {"Militias clashed last Christmas.", kPub, "last Christmas", "DATE", "2023-12-25"},
    {"A truce is planned for Christmas.", kPub, "Christmas", "DATE", "2024-12-25"},
    {"The market was bombed on Easter 2019.", kPub, "Easter 2019", "DATE", "2019-04-21"},
    {"Prisoners were freed on Good Friday.", "2024-04-10", "Good Friday", "DATE", "2024-03-29"},
    {"Protests marked Labor Day.", kPub, "Labor Day", "DATE", "2024-09-02"},
    // Vague references.
    {"Aid will soon reach the valley.", kPub, "soon", "DATE", "FUTURE_REF"},
    {"No talks are planned for the near future.", kPub, "the near future", "DATE", "FUTURE_REF"},
    {"Attacks have grown in recent weeks.", kPub, "recent weeks", "DURATION", "PXW"},
    {"Attacks have grown in recent months.", kPub, "recent months", "DURATION", "PXM"},
    {"Aqaba is the only outlet now that the border is shut.", kPub, "now", "DATE", "PRESENT_REF"},
    // Reporting periods.
    {"Losses in the latest period were small.", "2024-11-02", "the latest period", "DATE",
     "2024-Q3"},
    {"The firm expects a loss for the full year.", kPub, "the full year", "DATE", "2024"},
    {"Costs will rise through the fiscal year.", kPub, "the fiscal year", "DURATION", "P1Y"},
    {"Raids doubled over the past year.", kPub, "the past year", "DATE", "2023"},
    {"Profit rose, compared with a year-earlier loss.", kPub, "year-earlier", "DATE", "2023"},
    // "the year": the anchor's year, unless it names a reporting period ("the year ended").
    {"Sales were flat for the year, the company said.", kPub, "the year", "DATE", "2024"},
    {"Net income for the year ended June 30 rose.", kPub, "the year", "DURATION", "P1Y"},
    {"Stocks should recover by the end of the year.", kPub, "the end of the year", "DATE", "2024"},
    {"Rains delayed planting earlier in the year.", kPub, "the year", "DATE", "2024"},
    // "that year": the year the narrative last named, not the publication year.
    {"Imports reached $3 million in 1988, a record for that year.", kPub, "that year", "DATE",
     "1988"},
    {"He fled in June 2019 and returned later that year.", kPub, "later that year", "DATE", "2019"},
    {"Talks resume next week; that year matters.", kPub, "that year", "DATE", "2024"},
    // Halves: "2 1/2 years", "an hour and a half".
    {"The siege lasted 2 1/2 years.", kPub, "2 1/2 years", "DURATION", "P2Y6M"},
    {"The flight took 5 1/2 hours.", kPub, "5 1/2 hours", "DURATION", "PT5H30M"},
    {"The talks lasted an hour and a half.", kPub, "an hour and a half", "DURATION", "PT1H30M"},
    {"They marched for three days and a half.", kPub, "three days and a half", "DURATION",
     "P3DT12H"},
    {"Rent rose 2 1/2 percent in two weeks.", kPub, "two weeks", "DURATION", "P2W"},
    // "a year earlier" compares with the last ended quarter named, unless a longer period
    // ("the nine months", "the first half") was named after it.
    {"Net rose in the third quarter. For the nine months, net fell from a year earlier.",
     "2024-11-02", "a year earlier", "DATE", "2023"},
    {"Net rose in the third quarter from $5 million a year earlier.", "2024-11-02",
     "a year earlier", "DATE", "2023-Q3"},
    {"Net rose in the third quarter. A fourth-quarter charge looms. Sales fell from a year ago.",
     "2024-11-02", "a year ago", "DATE", "2023-Q3"},
    {"A fourth-quarter charge looms. Sales in the latest quarter fell.", "2024-11-02",
     "the latest quarter", "DATE", "2024-Q3"},
    // "plan" looks ahead: the next such weekday.
    {"Officials did not plan to move him on Thursday.", kPub, "Thursday", "DATE", "2024-09-19"},
    // ... but a plan in the past perfect looks back from before publication.
    {"The offer was due to expire Friday evening.", kPub, "Friday evening", "DATE",
     "2024-09-20TEV"},
    {"The offer had been due to expire Friday evening.", kPub, "Friday evening", "DATE",
     "2024-09-13TEV"},
    {"The vote had been scheduled for Monday.", kPub, "Monday", "DATE", "2024-09-09"},
    // A clock time reads its tense cue before itself, not before its weekday.
    {"He will leave at 4 in the morning (4 a.m. Monday), aides said.", kPub, "4 a.m. Monday",
     "TIME", "2024-09-16T04:00"},
    {"The convoy left at 4 in the morning.", kPub, "4 in the morning", "TIME", "2024-09-14T04:00"},
    {"Shelling resumed at 3 in the afternoon.", kPub, "3 in the afternoon", "TIME",
     "2024-09-14T15:00"},
    // Durations with a word between count and unit, "at least", "-long" adjectives, "in years".
    {"The truce was extended for two more weeks.", kPub, "two more weeks", "DURATION", "P2W"},
    {"The base lease runs for at least 20 more years.", kPub, "at least 20 more years", "DURATION",
     "P20Y"},
    {"The loan may be extended for an additional year.", kPub, "an additional year", "DURATION",
     "P1Y"},
    {"The index fell for eight trading days.", kPub, "eight trading days", "DURATION", "P8D"},
    {"The ceasefire ended a decades-long feud.", kPub, "decades-long", "DURATION", "PXY"},
    {"Envoys left their third day-long meeting.", kPub, "day-long", "DURATION", "P1D"},
    {"The strike was a week-long protest.", kPub, "week-long", "DURATION", "P1W"},
    {"Aid reached the valley for the first time in years.", kPub, "years", "DURATION", "PXY"},
    // Seasons after a preposition and "the": this year's.
    {"Fighting eased over the summer.", kPub, "the summer", "DATE", "2024-SU"},
    {"Orders recovered from the lows of the early summer.", kPub, "the early summer", "DATE",
     "2024-SU"},
    {"Snow closed the pass in the winter of 1994.", kPub, "the winter of 1994", "DATE", "1994-WI"},
    // Spelled decades: of the publication's century unless still ahead.
    {"Hate groups shrank through the nineties.", "1998-03-03", "the nineties", "DATE", "199"},
    {"Hate groups shrank through the nineties.", kPub, "the nineties", "DATE", "199"},
    {"Raids were common in the early twenties.", kPub, "the early twenties", "DATE", "202"},
    // "fiscal" makes a year of "1989" even before a plural noun.
    {"Sales will top fiscal 2022 sales.", kPub, "fiscal 2022", "DATE", "2022"},
    // A bare day after a day and "and" belongs to its month.
    {"The summit is set for April 24 and 25.", "2024-03-01", "25", "DATE", "2024-04-25"},
    // Halves and quarters without a year.
    {"Losses grew in the last half of 2023.", kPub, "the last half of 2023", "DATE", "2023-H2"},
    {"The firm reported a drop in profit for the fourth quarter.", "2024-01-20",
     "the fourth quarter", "DATE", "2023-Q4"},
    {"The firm expects growth in the second quarter.", "2024-01-20", "the second quarter", "DATE",
     "2024-Q2"},
    // Narrative anchors: the last month named, the last day named.
    {"In March the group got an offer. The following month it was sold.", kPub,
     "The following month", "DATE", "2024-04"},
    {"The index rose Friday, up 4% from the previous Friday.", kPub, "the previous Friday", "DATE",
     "2024-09-06"},
    {"The day before last Tuesday's hearing, he fled.", kPub, "The day before last Tuesday", "DATE",
     "2024-09-09"},
    {"Hearings are set for the week of March 6.", "2000-02-24", "the week of March 6", "DATE",
     "2000-W10"},
    {"He was shot last Oct. 23 at his home.", kPub, "last Oct. 23", "DATE", "2023-10-23"},
    {"Gunmen struck in mid-afternoon yesterday.", kPub, "mid-afternoon yesterday", "TIME",
     "2024-09-13TAF"},
    // "the 1988 quarter", "last year's quarter": the quarter under discussion in that year.
    {"Net rose in the third quarter from $2 million in the 1988 quarter.", "1989-10-30",
     "the 1988 quarter", "DATE", "1988-Q3"},
    {"Net rose in the third quarter. Sales for last year's quarter were flat.", "1989-10-30",
     "last year's quarter", "DATE", "1988-Q3"},
    {"Sales in the current fiscal year will rise.", "1989-11-02", "the current fiscal year", "DATE",
     "1989"},
    // A vague count with "later" is a vague duration ("later" is its signal); with "ago" a past.
    {"Talks stalled. A few days later they resumed.", kPub, "A few days", "DURATION", "PXD"},
    {"The camp was built several years ago.", kPub, "several years ago", "DATE", "PAST_REF"},
    // "the near term", "the short term".
    {"Prices may stay high in the near term.", kPub, "the near term", "DATE", "FUTURE_REF"},
    {"The plan placates holders in the short term.", kPub, "the short term", "DATE", "FUTURE_REF"},
};

std::string Describe(const std::vector<Timex>& found, const std::string& text) {
  std::string out;
  for (const Timex& t : found) {
    out += "[" + text.substr(t.span.begin, t.span.size()) + "|" + TimexTypeName(t.type) + "|" +
           t.value + "] ";
  }
  return out;
}

TEST(TimexTest, Table) {
  for (const Case& c : kCases) {
    std::string text = c.text;
    std::vector<Timex> found = FindTimex(text, c.anchor);
    const Timex* hit = nullptr;
    for (const Timex& t : found) {
      if (text.substr(t.span.begin, t.span.size()) == c.span) {
        hit = &t;
        break;
      }
    }
    ASSERT_NE(hit, nullptr) << c.text << " anchor=" << c.anchor << " want [" << c.span
                            << "] got " << Describe(found, text);
    EXPECT_STREQ(TimexTypeName(hit->type), c.type) << c.text;
    EXPECT_EQ(hit->value, c.value) << c.text << " anchor=" << c.anchor;
  }
}

TEST(TimexTest, TableHasEnoughCases) { EXPECT_GE(std::size(kCases), 80u); }

// Texts that must yield no temporal expression at all.
const char* const kNothing[] = {
    "Officials say the toll may be higher.",
    "The march ended peacefully at the square.",
    "Protesters will march on the capital.",
    "A report in the Sunday Times said the plan was leaked.",
    "The army deployed 2000 troops to the border.",
    "The unit captured 1,994 rifles.",
    "Room 2014 of the hotel was hit.",
    "Theresa May spoke to reporters.",
    "The victims included a 12-year-old boy.",
    "He paid $1990 for the car.",
    "It was their second attack on the base.",
    "About a quarter of the population fled.",
    "Score was 3-2 after extra time.",
    "The figure rose 2.5 percent.",
    "May God protect them, he said.",
    "They decorated a Christmas tree in the camp.",
    "Rent rose 2 1/2 percent.",
    "Now, officials say the toll may be higher.",
    "He paused. Now, the others spoke.",
    // Fractions, titles and idioms with time words.
    "The militia holds about three-quarters of the province.",
    "The minister spoke on \"This Week\" about the raid.",
    "He told ''60 Minutes'' he was innocent.",
    "For the people of the city, high noon has come.",
    "They argued about the future of the talks.",
    "The fall of the city shocked the region.",
    "The spring offensive failed.",
    "The short-term loan was repaid.",
    "The quarter-to-quarter comparison was weak.",
    "They set up a joint venture called Orion 1980, making parts.",
    "",
};

TEST(TimexTest, NoFalsePositives) {
  for (const char* text : kNothing) {
    std::vector<Timex> found = FindTimex(text, kPub);
    EXPECT_TRUE(found.empty()) << text << " got " << Describe(found, text);
  }
}

TEST(TimexTest, SpansAreOrderedAndDisjoint) {
  std::string text =
      "On May 26, 2024 at 5:30 p.m. rebels attacked. The next day, and every Friday since, "
      "protests followed for three days; now the town is calm after two weeks ago’s raid.";
  std::vector<Timex> found = FindTimex(text, kPub);
  ASSERT_GE(found.size(), 5u) << Describe(found, text);
  for (size_t i = 0; i < found.size(); ++i) {
    EXPECT_LT(found[i].span.begin, found[i].span.end);
    EXPECT_LE(found[i].span.end, text.size());
    if (i > 0) {
      EXPECT_LE(found[i - 1].span.end, found[i].span.begin);
    }
  }
}

TEST(TimexTest, NonAsciiTextKeepsByteOffsets) {
  std::string text = "À Kidal, le 3 mai — no. “Last month” the café in Gao was hit.";
  std::vector<Timex> found = FindTimex(text, kPub);
  ASSERT_EQ(found.size(), 1u) << Describe(found, text);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "Last month");
  EXPECT_EQ(found[0].value, "2024-08");
}

TEST(TimexTest, AnnotateUsesPublishedAndStageRuns) {
  Document doc;
  doc.text = "The raid took place last month.";
  doc.published = kPub;
  std::unique_ptr<Stage> stage = MakeTimexStage();
  EXPECT_EQ(stage->name(), "timex");
  ASSERT_TRUE(stage->Run(doc).ok());
  ASSERT_EQ(doc.timex.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.timex[0].span), "last month");
  EXPECT_EQ(doc.timex[0].value, "2024-08");
  EXPECT_EQ(doc.timex[0].type, TimexType::kDate);
}

}  // namespace
}  // namespace sitrep
