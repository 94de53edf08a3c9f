// Event dates: from the timex layer to ACLED/UCDP date fields.
//
// Which expression governs an event's sentence: news lead sentences carry the date of what they
// report ("Gunmen killed five people on Monday"), later sentences inherit the date of the
// nearest dated sentence before them in the same paragraph ("The attackers fled. Police arrived
// an hour later."). Within a sentence, the most specific dating expression wins over vaguer
// background ("Militants, active in the area since 2014, attacked the post on Monday"). The
// ranges per TIMEX3 value and the publication fallback are documented in sitrep/timex.h.
#include <string>

#include "sitrep/pipeline.h"
#include "sitrep/timex.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

using timex::Date;

// Specificity rank of a range (lower is more specific).
enum Rank { kDay = 0, kWeekend, kWeek, kMonth, kPeriod, kYear, kPastRef, kUnresolved, kNone };

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

long DayNumber(const Date& d) { return timex::DaysFromCivil(d.year, d.month, d.day); }

EventDate Range(Date first, Date last, int time_precision, int date_prec) {
  EventDate out;
  out.date_start = timex::FormatDay(first);
  out.date_end = timex::FormatDay(last);
  long a = DayNumber(first), b = DayNumber(last);
  out.event_date = timex::FormatDay(timex::CivilFromDays(a + (b - a) / 2));
  out.time_precision = time_precision;
  out.date_prec = date_prec;
  return out;
}

Date MonthEnd(int year, int month) { return Date{year, month, timex::DaysInMonth(year, month)}; }

// Parses `value` into a range and its rank; kNone when it does not date an event.
Rank Parse(std::string_view value, std::string_view published, EventDate* out) {
  if (value == "PAST_REF") {
    Date pub = timex::ParseAnchor(published);
    if (!pub.known()) {
      *out = EventDate{};
      return kUnresolved;
    }
    *out = Range(timex::AddDays(pub, -30), timex::AddDays(pub, -1), 3, 4);
    return kPastRef;
  }
  if (value.size() < 4) return kNone;  // decades "199", centuries "19"
  int year;
  if (!Digits(value, 0, 4, &year) || year < 1) {
    // "XXXX-XX-XX", "XXXX-08": a date whose year is unknown.
    if (value.substr(0, 4) == "XXXX" && (value.size() == 4 || value[4] == '-') &&
        value.find("WXX-") == std::string_view::npos) {  // "XXXX-WXX-5" is a set
      *out = EventDate{};
      return kUnresolved;
    }
    return kNone;
  }
  std::string_view rest = value.substr(4);
  if (rest.empty()) {
    *out = Range(Date{year, 1, 1}, Date{year, 12, 31}, 3, 5);
    return kYear;
  }
  if (rest[0] != '-') return kNone;
  rest.remove_prefix(1);
  int month, day, week, n;
  if (Digits(rest, 0, 2, &month) && month >= 1 && month <= 12) {
    if (rest.size() == 2) {
      *out = Range(Date{year, month, 1}, MonthEnd(year, month), 3, 4);
      return kMonth;
    }
    if (rest.size() >= 5 && rest[2] == '-' && Digits(rest, 3, 2, &day)) {
      if (!timex::IsValidDate(year, month, day)) return kNone;
      if (rest.size() > 5 && rest[5] != 'T') return kNone;
      *out = Range(Date{year, month, day}, Date{year, month, day}, 1, 1);
      return kDay;
    }
    if (rest.size() >= 3 && rest.substr(2, 3) == "-XX") {
      *out = EventDate{};  // "2024-08-XX": a day of a known month that nobody resolved
      return kUnresolved;
    }
    return kNone;
  }
  if (rest.size() >= 3 && rest[0] == 'W' && Digits(rest, 1, 2, &week) && week >= 1 && week <= 53) {
    // Monday of ISO week 1 is the Monday of the week holding January 4.
    Date jan4{year, 1, 4};
    Date monday = timex::AddDays(jan4, 1 - timex::Weekday(jan4) + 7L * (week - 1));
    if (rest.size() == 3) {
      *out = Range(monday, timex::AddDays(monday, 6), 2, 3);
      return kWeek;
    }
    if (rest.substr(3) == "-WE") {
      *out = Range(timex::AddDays(monday, 5), timex::AddDays(monday, 6), 2, 2);
      return kWeekend;
    }
    return kNone;
  }
  if (rest == "WXX" || rest == "XX" || rest == "QX" || rest == "XX-XX") {
    *out = EventDate{};
    return kUnresolved;
  }
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H') && Digits(rest, 1, 1, &n)) {
    int months = rest[0] == 'Q' ? 3 : 6;
    if (n < 1 || n > 12 / months) return kNone;
    int first = (n - 1) * months + 1;
    *out = Range(Date{year, first, 1}, MonthEnd(year, first + months - 1), 3, 5);
    return kPeriod;
  }
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
    // Meteorological seasons; winter runs December..February of the next year.
    int first = rest == "SP" ? 3 : rest == "SU" ? 6 : rest == "FA" ? 9 : 12;
    Date last = first == 12 ? MonthEnd(year + 1, 2) : MonthEnd(year, first + 2);
    *out = Range(Date{year, first, 1}, last, 3, 5);
    return kPeriod;
  }
  return kNone;
}

EventDate Fallback(std::string_view published) {
  Date pub = timex::ParseAnchor(published);
  EventDate out;
  if (pub.known()) {
    out = Range(timex::AddDays(pub, -1), pub, 2, 2);
    out.event_date = timex::FormatDay(pub);
  }
  out.from_fallback = true;
  return out;
}

// The best dating expression inside [begin, end): lowest rank, first on ties.
bool BestIn(const Document& doc, uint32_t begin, uint32_t end, EventDate* out) {
  Rank best = kNone;
  for (const Timex& t : doc.timex) {
    if (t.span.begin < begin || t.span.end > end) continue;
    if (t.type == TimexType::kDuration || t.type == TimexType::kSet) continue;
    EventDate candidate;
    Rank rank = Parse(t.value, doc.published, &candidate);
    if (rank < best) {
      best = rank;
      *out = candidate;
      out->evidence = t.span;
    }
  }
  return best != kNone;
}

}  // namespace

std::optional<EventDate> EventDateOfValue(std::string_view value, std::string_view published) {
  EventDate out;
  if (Parse(value, published, &out) == kNone) return std::nullopt;
  return out;
}

EventDate ResolveEventDate(const Document& doc, size_t sentence) {
  if (sentence >= doc.sentences.size()) return Fallback(doc.published);
  Span s = doc.sentences[sentence].span;
  EventDate out;
  if (BestIn(doc, s.begin, s.end, &out)) return out;
  // The paragraph holding the sentence bounds the scope of earlier dates.
  uint32_t paragraph_begin = 0;
  for (const Span& p : doc.paragraphs) {
    if (p.begin <= s.begin && s.begin < p.end) {
      paragraph_begin = p.begin;
      break;
    }
  }
  for (size_t k = sentence; k-- > 0;) {
    Span prev = doc.sentences[k].span;
    if (prev.begin < paragraph_begin) break;
    if (BestIn(doc, prev.begin, prev.end, &out)) return out;
  }
  // A headline (or lede) is dated by the article's lead: the sentences after it up to the end
  // of the paragraph that follows it ("Gunmen kill five in X" / "... on Monday, police said.").
  if (!doc.paragraphs.empty() && s.begin < doc.paragraphs[0].end) {
    uint32_t lead_end = doc.paragraphs.size() > 1 ? doc.paragraphs[1].end : doc.paragraphs[0].end;
    for (size_t k = sentence + 1; k < doc.sentences.size(); ++k) {
      Span next = doc.sentences[k].span;
      if (next.begin >= lead_end) break;
      if (BestIn(doc, next.begin, next.end, &out)) return out;
    }
  }
  return Fallback(doc.published);
}

}  // namespace sitrep
