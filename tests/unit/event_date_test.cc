// Table-driven tests of event dates (ResolveEventDate, EventDateOfValue): which expression
// governs an event's sentence and the ACLED/UCDP ranges and precisions it resolves to.
// Sentences are invented; 2024-09-14 (a Saturday) is the seed article's publication date.
#include <gtest/gtest.h>

#include <string>

#include "sitrep/pipeline.h"
#include "sitrep/document.h"
#include "sitrep/text.h"
#include "sitrep/timex.h"

namespace sitrep {
namespace {

constexpr const char* kPub = "2024-09-14";

struct Case {
  const char* text;
  const char* published;
  size_t sentence;       // the event's sentence
  const char* start;     // nullptr: null
  const char* end;
  const char* event;
  int time_precision;
  int date_prec;
  bool fallback;
  const char* evidence;  // text of the governing span ("" for none)
};

const Case kCases[] = {
    // The seed check.
    {"Troops raided a hideout last month.", kPub, 0, "2024-08-01", "2024-08-31", "2024-08-16", 3,
     4, false, "last month"},
    // Days.
    {"On 9 May 2020, clashes erupted near the river.", kPub, 0, "2020-05-09", "2020-05-09",
     "2020-05-09", 1, 1, false, "9 May 2020"},
    {"Gunmen killed two farmers yesterday.", kPub, 0, "2024-09-13", "2024-09-13", "2024-09-13", 1,
     1, false, "yesterday"},
    {"Gunmen attacked a checkpoint on Monday.", kPub, 0, "2024-09-09", "2024-09-09", "2024-09-09",
     1, 1, false, "Monday"},
    {"The blast came at 5:30 p.m. on Thursday.", kPub, 0, "2024-09-12", "2024-09-12",
     "2024-09-12", 1, 1, false, "5:30 p.m. on Thursday"},
    {"Protesters gathered yesterday morning.", kPub, 0, "2024-09-13", "2024-09-13", "2024-09-13",
     1, 1, false, "yesterday morning"},
    {"Fighting resumed on 2020-05-09.", kPub, 0, "2020-05-09", "2020-05-09", "2020-05-09", 1, 1,
     false, "2020-05-09"},
    // Weeks and weekends: Monday..Sunday, mid-point Thursday.
    {"Clashes broke out last week.", kPub, 0, "2024-09-02", "2024-09-08", "2024-09-05", 2, 3,
     false, "last week"},
    {"News of the raid emerged two weeks ago.", kPub, 0, "2024-08-26", "2024-09-01", "2024-08-29",
     2, 3, false, "two weeks ago"},
    {"Shops were looted over the weekend.", kPub, 0, "2024-09-14", "2024-09-15", "2024-09-14", 2,
     2, false, "the weekend"},
    // Months: first..last day, mid-point.
    {"The siege ended in March 2019.", kPub, 0, "2019-03-01", "2019-03-31", "2019-03-16", 3, 4,
     false, "March 2019"},
    {"The camp was shelled in mid-June.", kPub, 0, "2024-06-01", "2024-06-30", "2024-06-15", 3, 4,
     false, "mid-June"},
    {"Villagers fled in February 2024.", kPub, 0, "2024-02-01", "2024-02-29", "2024-02-15", 3, 4,
     false, "February 2024"},
    // Quarters, seasons, years.
    {"Attacks doubled in the second quarter.", kPub, 0, "2024-04-01", "2024-06-30", "2024-05-16",
     3, 5, false, "the second quarter"},
    {"The battle of summer 2014 is remembered.", kPub, 0, "2014-06-01", "2014-08-31",
     "2014-07-16", 3, 5, false, "summer 2014"},
    {"The town fell in 2014.", kPub, 0, "2014-01-01", "2014-12-31", "2014-07-02", 3, 5, false,
     "2014"},
    // PAST_REF says only that the event is before publication: the fallback.
    {"Forces recently killed a cell member in the east.", kPub, 0, "2024-09-14", "2024-09-14",
     "2024-09-14", 2, 2, true, ""},
    // The most specific expression of the sentence wins; durations and sets are skipped.
    {"Militants active since 2014 attacked the post on Monday.", kPub, 0, "2024-09-09",
     "2024-09-09", "2024-09-09", 1, 1, false, "Monday"},
    {"After three days of fighting, the town fell last month.", kPub, 0, "2024-08-01",
     "2024-08-31", "2024-08-16", 3, 4, false, "last month"},
    {"Patrols now run every Friday and the army holds the pass.", kPub, 0, "2024-09-14",
     "2024-09-14", "2024-09-14", 2, 2, true, ""},
    // Inherited from the nearest preceding dated sentence of the same paragraph.
    {"On Tuesday rebels entered the town. Two soldiers were killed.", kPub, 1, "2024-09-10",
     "2024-09-10", "2024-09-10", 1, 1, false, "Tuesday"},
    {"In 2019 the group split. On Tuesday it struck a base. Five soldiers died.", kPub, 2,
     "2024-09-10", "2024-09-10", "2024-09-10", 1, 1, false, "Tuesday"},
    // A new paragraph ends the scope: the undated second paragraph takes the fallback.
    {"Rebels took the town on Tuesday.\nElsewhere, two soldiers were killed by a mine.\nMore.",
     kPub, 1, "2024-09-14", "2024-09-14", "2024-09-14", 2, 2, true, ""},
    // A headline is dated by the lead paragraph after it.
    {"Gunmen kill five in market attack\nGunmen killed five traders on Thursday, police said.",
     kPub, 0, "2024-09-12", "2024-09-12", "2024-09-12", 1, 1, false, "Thursday"},
    // Fallback: the publication day, flagged, with precisions that do not claim the day.
    {"Two soldiers were killed by a mine.", kPub, 0, "2024-09-14", "2024-09-14", "2024-09-14", 2, 2,
     true, ""},
    {"Two soldiers were killed by a mine.", "", 0, nullptr, nullptr, nullptr, 0, 0, true, ""},
    {"Two soldiers were killed by a mine.", kPub, 7, "2024-09-14", "2024-09-14", "2024-09-14", 2,
     2, true, ""},
    // Datelines and bylines are the report's date, not the event's.
    {"KABUL, Sept. 14 (Reuters) -- Gunmen killed two guards on Thursday.", kPub, 0, "2024-09-12",
     "2024-09-12", "2024-09-12", 1, 1, false, "Thursday"},
    {"By Staff Reporter 14 September 2024\nTwo guards were killed by a mine.", kPub, 0,
     "2024-09-14", "2024-09-14", "2024-09-14", 2, 2, true, ""},
    // A day said of a report yields to the event's day; alone, it is the report day with low
    // precision.
    {"Gunmen killed two guards on Wednesday, police said Friday.", kPub, 0, "2024-09-11",
     "2024-09-11", "2024-09-11", 1, 1, false, "Wednesday"},
    {"Five soldiers were killed in the ambush, officials said on Friday.", kPub, 0, "2024-09-13",
     "2024-09-13", "2024-09-13", 2, 2, false, "Friday"},
    {"Five soldiers were killed, a commander told reporters on Friday.", kPub, 0, "2024-09-13",
     "2024-09-13", "2024-09-13", 2, 2, false, "Friday"},
    {"It was reported that on 12 September 2024 troops shelled the village.", kPub, 0,
     "2024-09-12", "2024-09-12", "2024-09-12", 1, 1, false, "12 September 2024"},
    // A recent window ends at the report day (else at publication).
    {"Airstrikes killed 40 fighters in the past 24 hours, a military source said on Friday.", kPub,
     0, "2024-09-12", "2024-09-13", "2024-09-12", 2, 2, false, "the past 24 hours"},
    {"Clashes over the last three days killed 12 people.", kPub, 0, "2024-09-12", "2024-09-14",
     "2024-09-13", 2, 2, false, "the last three days"},
    {"Two days of fierce clashes have killed 30 fighters, officials said on Friday.", kPub, 0,
     "2024-09-12", "2024-09-13", "2024-09-12", 2, 2, false, "Two days"},
    // Bounds of a period and dates after publication do not date the event.
    {"Militants have killed 300 people since 2014.", kPub, 0, "2024-09-14", "2024-09-14",
     "2024-09-14", 2, 2, true, ""},
    // A possessive date inside the sentence dates the noun after it, not the event; opening the
    // sentence it dates the subject, which the verb tells of.
    {"Relatives protested outside the court after last year's mutinies.", kPub, 0, "2024-09-14",
     "2024-09-14", "2024-09-14", 2, 2, true, ""},
    {"Relatives protested on Monday after last month\u2019s arrests.", kPub, 0, "2024-09-09",
     "2024-09-09", "2024-09-09", 1, 1, false, "Monday"},
    {"Last month's raid killed ten soldiers.", kPub, 0, "2024-08-01", "2024-08-31", "2024-08-16",
     3, 4, false, "Last month"},
    // Regression: "since the beginning of the year" is a bound too (the modifiers belong to the
    // expression, so "since" is seen before it).
    {"Students clashed with police over a lack of teachers since the beginning of the year.",
     kPub, 0, "2024-09-14", "2024-09-14", "2024-09-14", 2, 2, true, ""},
    {"The group says it killed 100 soldiers between March and May.", kPub, 0, "2024-09-14",
     "2024-09-14", "2024-09-14", 2, 2, true, ""},
    {"As of Friday, the attacks had killed 40 people.", kPub, 0, "2024-09-14", "2024-09-14",
     "2024-09-14", 2, 2, true, ""},
    {"Gunmen attacked the post ahead of elections in November 2024.", kPub, 0, "2024-09-14",
     "2024-09-14", "2024-09-14", 2, 2, true, ""},
    {"Jets struck the camp the night before last.", kPub, 0, "2024-09-12", "2024-09-12",
     "2024-09-12", 1, 1, false, "the night before last"},
    // Unresolved values: nulls, not the fallback.
    {"Two soldiers were killed yesterday.", "", 0, nullptr, nullptr, nullptr, 0, 0, false,
     "yesterday"},
    {"The raid took place last month.", "", 0, nullptr, nullptr, nullptr, 0, 0, false,
     "last month"},
    // Narrative anchor: "the next day" after a full date.
    {"On May 26, 2024 troops arrived. The next day a bomb exploded.", kPub, 1, "2024-05-27",
     "2024-05-27", "2024-05-27", 1, 1, false, "The next day"},
    // ISO date-time publication.
    {"Gunmen killed two farmers yesterday.", "2024-09-14T08:30:00Z", 0, "2024-09-13",
     "2024-09-13", "2024-09-13", 1, 1, false, "yesterday"},
};

std::string Show(const std::optional<std::string>& s) { return s ? *s : "null"; }

TEST(EventDateTest, Table) {
  for (const Case& c : kCases) {
    Document doc;
    doc.text = c.text;
    doc.published = c.published;
    Segment(doc);
    AnnotateTimex(doc);
    EventDate d = ResolveEventDate(doc, c.sentence);
    SCOPED_TRACE(std::string(c.text) + " | published=" + c.published);
    EXPECT_EQ(Show(d.date_start), c.start ? c.start : "null");
    EXPECT_EQ(Show(d.date_end), c.end ? c.end : "null");
    EXPECT_EQ(Show(d.event_date), c.event ? c.event : "null");
    EXPECT_EQ(d.time_precision, c.time_precision);
    EXPECT_EQ(d.date_prec, c.date_prec);
    EXPECT_EQ(d.from_fallback, c.fallback);
    EXPECT_EQ(doc.Slice(d.evidence), c.evidence);
  }
}

// An event told in several sentences: the first sentence's own date, else the first of the
// others dated at most to a month.
TEST(EventDateTest, SeveralSentences) {
  Document doc;
  doc.text = "Two soldiers were killed near the base. In 2019 the base was built. The raid came on "
             "Tuesday.";
  doc.published = kPub;
  Segment(doc);
  AnnotateTimex(doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  const uint32_t order[] = {0, 1, 2};
  EventDate d = ResolveEventDate(doc, order);
  EXPECT_EQ(Show(d.date_start), "2024-09-10");
  EXPECT_EQ(doc.Slice(d.evidence), "Tuesday");
  const uint32_t first_dated[] = {2, 0};
  EXPECT_EQ(Show(ResolveEventDate(doc, first_dated).date_start), "2024-09-10");
  EXPECT_TRUE(ResolveEventDate(doc, std::span<const uint32_t>()).from_fallback);
}

// Each sentence's own expressions, found from its start in the text-ordered timex list: not
// those of the sentences before or after it, whichever sentence is asked first.
TEST(EventDateTest, EachSentenceReadsItsOwnExpressions) {
  Document doc;
  doc.text = "Rebels shelled the town on 3 May 2021. Troops withdrew in June 2022. A bridge was "
             "blown up on Friday, and the road closed last week. Aid arrived. Looters struck in "
             "2023.";
  doc.published = kPub;
  Segment(doc);
  AnnotateTimex(doc);
  ASSERT_EQ(doc.sentences.size(), 5u);
  struct Want {
    uint32_t sentence;
    const char* start;
    const char* end;
    const char* evidence;
  };
  const Want wants[] = {{4, "2023-01-01", "2023-12-31", "2023"},
                        {2, "2024-09-13", "2024-09-13", "Friday"},
                        {0, "2021-05-03", "2021-05-03", "3 May 2021"},
                        {1, "2022-06-01", "2022-06-30", "June 2022"},
                        // undated: the nearest dated sentence before it in the paragraph
                        {3, "2024-09-13", "2024-09-13", "Friday"}};
  for (const Want& w : wants) {
    SCOPED_TRACE(w.sentence);
    const EventDate d = ResolveEventDate(doc, w.sentence);
    EXPECT_EQ(Show(d.date_start), w.start);
    EXPECT_EQ(Show(d.date_end), w.end);
    EXPECT_EQ(doc.Slice(d.evidence), w.evidence);
  }
}

TEST(EventDateTest, TableHasEnoughCases) { EXPECT_GE(std::size(kCases), 25u); }

struct ValueCase {
  const char* value;
  const char* start;  // nullptr: the value does not date an event (nullopt)
  const char* end;
  const char* event;
  int time_precision;
  int date_prec;
};

const ValueCase kValues[] = {
    {"2024-08-29", "2024-08-29", "2024-08-29", "2024-08-29", 1, 1},
    {"2024-08-29T05:00", "2024-08-29", "2024-08-29", "2024-08-29", 1, 1},
    {"2024-08-29TNI", "2024-08-29", "2024-08-29", "2024-08-29", 1, 1},
    {"2024-W35", "2024-08-26", "2024-09-01", "2024-08-29", 2, 3},
    {"2021-W01", "2021-01-04", "2021-01-10", "2021-01-07", 2, 3},
    {"2020-W53", "2020-12-28", "2021-01-03", "2020-12-31", 2, 3},
    {"2024-W35-WE", "2024-08-31", "2024-09-01", "2024-08-31", 2, 2},
    {"2024-09", "2024-09-01", "2024-09-30", "2024-09-15", 3, 4},
    {"2024-Q4", "2024-10-01", "2024-12-31", "2024-11-15", 3, 5},
    {"2024-H2", "2024-07-01", "2024-12-31", "2024-09-30", 3, 5},
    {"2023-WI", "2023-12-01", "2024-02-29", "2024-01-15", 3, 5},
    {"2023", "2023-01-01", "2023-12-31", "2023-07-02", 3, 5},
    {"PAST_REF", "2024-08-15", "2024-09-13", "2024-08-29", 3, 4},
    {"P3D", nullptr, nullptr, nullptr, 0, 0},
    {"XXXX-WXX-5", nullptr, nullptr, nullptr, 0, 0},
    {"PRESENT_REF", nullptr, nullptr, nullptr, 0, 0},
    {"FUTURE_REF", nullptr, nullptr, nullptr, 0, 0},
    {"199", nullptr, nullptr, nullptr, 0, 0},
    {"2024-13", nullptr, nullptr, nullptr, 0, 0},
    {"2024-02-30", nullptr, nullptr, nullptr, 0, 0},
};

TEST(EventDateTest, Values) {
  for (const ValueCase& c : kValues) {
    std::optional<EventDate> d = EventDateOfValue(c.value, kPub);
    SCOPED_TRACE(c.value);
    if (!c.start) {
      EXPECT_FALSE(d.has_value());
      continue;
    }
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(Show(d->date_start), c.start);
    EXPECT_EQ(Show(d->date_end), c.end);
    EXPECT_EQ(Show(d->event_date), c.event);
    EXPECT_EQ(d->time_precision, c.time_precision);
    EXPECT_EQ(d->date_prec, c.date_prec);
    EXPECT_FALSE(d->from_fallback);
  }
}

TEST(EventDateTest, UnresolvedValuesGiveNulls) {
  for (const char* value : {"XXXX-XX-XX", "XXXX-08", "2024-WXX", "XXXX", "2024-08-XX"}) {
    std::optional<EventDate> d = EventDateOfValue(value, kPub);
    ASSERT_TRUE(d.has_value()) << value;
    EXPECT_FALSE(d->date_start.has_value()) << value;
    EXPECT_FALSE(d->event_date.has_value()) << value;
    EXPECT_EQ(d->time_precision, 0) << value;
  }
  std::optional<EventDate> d = EventDateOfValue("PAST_REF", "");
  ASSERT_TRUE(d.has_value());
  EXPECT_FALSE(d->event_date.has_value());
}

}  // namespace
}  // namespace sitrep
