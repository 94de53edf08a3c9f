// Temporal expressions (the `timex` layer): spans of `Document::text` with a TIMEX3 type and
// value, resolved against `Document::published`.
//
//   sitrep::Document doc;
//   doc.text = "Troops withdrew last month.";
//   doc.published = "2024-09-14";
//   sitrep::AnnotateTimex(doc);
//   // doc.timex[0]: span of "last month", type kDate, value "2024-08"

#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/span.h"

namespace sitrep {

struct Document;
class Stage;

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

struct Timex {
  Span span;  // byte range into Document::text
  TimexType type = TimexType::kDate;
  // TIMEX3 value: "2024-08-29", "2024-08", "2024-W35", "2024", "199" (the 1990s), "P3D", "PT24H",
  // "PRESENT_REF", "XXXX-08", "2024-08-29T05:00", "XXXX-WXX-5" (every Friday). Parts that need
  // an unknown publication date stay X ("XXXX-XX-XX" for "yesterday"), never today's date.
  std::string value;
  bool operator==(const Timex&) const = default;
};


// Returns "DATE", "TIME", "DURATION" or "SET".
const char* TimexTypeName(TimexType type);

// Returns the temporal expressions of `text` in text order, non-overlapping. `anchor` is the
// publication date ("YYYY-MM-DD" or an ISO date-time; empty when unknown). "the next day" and
// "a week later" resolve against the last full date mentioned before them. Thread-safe; linear.
std::vector<Timex> FindTimex(std::string_view text, std::string_view anchor);

// Replaces doc.timex with FindTimex(doc.text, doc.published). Does not need doc.tokens.
void AnnotateTimex(Document& doc);

// The "timex" pipeline stage: runs AnnotateTimex.
std::unique_ptr<Stage> MakeTimexStage();

// The date of one event, in both coding schemes.
//
//   doc.published = "2024-09-14";  // doc.text, sentences and timex filled
//   EventDate d = ResolveEventDate(doc, 0);  // sentence 0: "The raid took place last month."
//   // d.date_start "2024-08-01", d.date_end "2024-08-31", d.event_date "2024-08-15",
//   // d.time_precision 3, d.date_prec 4, d.evidence = span of "last month"
//
// Ranges by TIMEX3 value (event_date is the ACLED mid-point: "coded to the middle"; for an even
// number of days the earlier middle day):
//   day "2024-08-29" (or a time on it)  → that day;             time_precision 1, date_prec 1
//   weekend "2024-W35-WE"               → Saturday..Sunday;     2, 2 (a 2–6 day span)
//   week "2024-W35"                     → Monday..Sunday;       2, 3 (mid-point: Thursday)
//   month "2024-08"                     → 1st..last day;        3, 4 (mid-point: the 15th or 16th)
//   quarter/half/season "2024-Q3", "2024-H1", "2024-SU" → its months; 3, 5
//   year "2024"                         → Jan 1..Dec 31;        3, 5 (mid-point: July 2, July 1
//                                         in leap years)
//   PAST_REF ("recently")               → the 30 days before publication, published−30 ..
//                                         published−1; 3, 4: a month-long window (UCDP 4 is "a
//                                         known month"; 5 would claim only the year is known)
//   partly unknown ("XXXX-XX-XX", "2024-WXX") → all dates null, precisions 0.
// Fallback when nothing dates the event: the publication day (date_start = date_end =
// event_date = published), the convention ACLED and UCDP coders apply to an undated report,
// with time_precision 2 and date_prec 2 and from_fallback true: the text did not state the day,
// so the precisions do not claim it. Without a publication date: nulls.
struct EventDate {
  std::optional<std::string> date_start;  // "YYYY-MM-DD", earliest possible day
  std::optional<std::string> date_end;    // latest possible day
  std::optional<std::string> event_date;  // ACLED's single date (mid-point of the range)
  int time_precision = 0;  // ACLED 1 day, 2 week / range of days, 3 month or vaguer; 0 unknown
  int date_prec = 0;       // UCDP 1 day, 2 a 2–6 day span, 3 week, 4 month, 5 year; 0 unknown
  Span evidence;           // the governing timex span; empty for the fallback
  bool from_fallback = false;
  bool operator==(const EventDate&) const = default;
};

// Returns the date range of a TIMEX3 value per the table above, or nullopt when the value does
// not date an event (a duration, a set, PRESENT_REF/FUTURE_REF, a decade) or cannot be parsed.
// An unresolved value ("XXXX-XX-XX") gives an EventDate with null dates and precisions 0.
// `published` is needed only for PAST_REF.
std::optional<EventDate> EventDateOfValue(std::string_view value, std::string_view published);

// The date of the event told in sentence `sentence` of `doc` (which needs `text`, `sentences`,
// `paragraphs` and `timex`; `published` for relative values and the fallback). The governing
// expression is the most specific dating expression of that sentence (day > weekend/recent
// window > week > month > quarter/season/half > year; the first one on ties), else of the
// nearest preceding sentence of the same paragraph that has one (a headline: of the lead after
// it); else the fallback. Not dating the event, so skipped: durations and sets, PRESENT_REF,
// FUTURE_REF, decades, PAST_REF ("recently" says only that the event is before publication),
// expressions after publication, datelines and bylines ("SANAA, Aug. 10 (Xinhua) --"), bounds
// of a period ("since 2014", "until Monday", "as of Monday", "from May to June", "between March
// and May"). A day said of a report ("officials said Tuesday") is used only when nothing else
// dates the sentence, as the report day with the fallback's precisions (2, 2). "in the past 24
// hours" / "over the last two days" is the window that ends at the sentence's report day (else
// publication): 24 hours or 2 days → the day before and that day. An out-of-range index gives
// the fallback. Thread-safe.
EventDate ResolveEventDate(const Document& doc, size_t sentence);

// The date of an event told in several sentences (indices into doc.sentences; the first is where
// it is first told): the first sentence's own dating expression, else the first of the other
// sentences dated at most to a month, else ResolveEventDate(doc, sentences[0])'s scope and
// fallback rules. Empty: the fallback.
EventDate ResolveEventDate(const Document& doc, std::span<const uint32_t> sentences);

}  // namespace sitrep
