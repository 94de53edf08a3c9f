// Event dates: from the timex layer to ACLED/UCDP date fields.
//
// Which expression governs an event's sentence: news lead sentences carry the date of what they
// report ("Gunmen killed five people on Monday"), later sentences inherit the date of the
// nearest dated sentence before them in the same paragraph ("The attackers fled. Police arrived
// an hour later."). Within a sentence, the most specific dating expression wins over vaguer
// background ("Militants, active in the area since 2014, attacked the post on Monday"). The
// ranges per TIMEX3 value and the publication fallback are documented in sitrep/timex.h.
#include <algorithm>
#include <initializer_list>
#include <span>
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

// A range of days before it is written out: Parse and the choice among a sentence's
// expressions work on these, and only the chosen one is formatted.
struct DayRange {
  bool resolved = false;  // false: a date nobody resolved (an EventDate of nulls)
  Date first, last;
  int time_precision = 0;
  int date_prec = 0;
};

DayRange Range(Date first, Date last, int time_precision, int date_prec) {
  return DayRange{true, first, last, time_precision, date_prec};
}

EventDate Written(const DayRange& range) {
  EventDate out;
  if (!range.resolved) return out;
  out.date_start = timex::FormatDay(range.first);
  const Date& f = range.first;
  const Date& l = range.last;
  if (f.year == l.year && f.month == l.month && f.day == l.day) {  // one day, the usual range
    out.date_end = out.date_start;
    out.event_date = out.date_start;
  } else {
    out.date_end = timex::FormatDay(l);
    long a = DayNumber(f), b = DayNumber(l);
    out.event_date = timex::FormatDay(timex::CivilFromDays(a + (b - a) / 2));
  }
  out.time_precision = range.time_precision;
  out.date_prec = range.date_prec;
  return out;
}

Date MonthEnd(int year, int month) { return Date{year, month, timex::DaysInMonth(year, month)}; }

// Parses `value` into a range and its rank; kNone when it does not date an event.
Rank Parse(std::string_view value, std::string_view published, DayRange* out) {
  if (value == "PAST_REF") {
    Date pub = timex::ParseAnchor(published);
    if (!pub.known()) {
      *out = DayRange{};
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
      *out = DayRange{};
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
      *out = DayRange{};  // "2024-08-XX": a day of a known month that nobody resolved
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
    *out = DayRange{};
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

// No dating expression: the report's own day, the convention ACLED and UCDP coders apply to an
// undated report. Precisions 2/2 and from_fallback say that the text did not state the day.
EventDate Fallback(std::string_view published) {
  Date pub = timex::ParseAnchor(published);
  EventDate out;
  if (pub.known()) out = Written(Range(pub, pub, 2, 2));
  out.from_fallback = true;
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
}

// The up to `n` words just before `pos` inside [floor, pos), nearest first, lower-cased; the
// walk stops at punctuation (a comma ends a clause).
int WordsBefore(std::string_view text, size_t floor, size_t pos, std::string* words, int n) {
  int got = 0;
  while (got < n) {
    while (pos > floor && IsSpace(text[pos - 1])) --pos;
    size_t end = pos;
    while (pos > floor && IsWordByte(text[pos - 1])) --pos;
    if (pos == end) break;
    words[got].assign(text.substr(pos, end - pos));
    for (char& c : words[got]) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    ++got;
  }
  return got;
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (w == s) return true;
  }
  return false;
}

bool IsReportVerb(std::string_view w) {
  return OneOf(w, {"said", "says", "say", "told", "reported", "reports", "announced", "added",
                   "stated", "confirmed", "tweeted", "statement", "briefing", "interview",
                   "conference"});
}

// What an expression says about the event of its sentence.
enum class Role {
  kDates,    // it dates the event
  kReport,   // the day something was said ("officials said Tuesday"): the event is on or
             // shortly before it
  kIgnore,   // a dateline or byline, a bound of a period ("since 2014", "as of Monday"), or
             // an expression that cannot date a reported event
};

Role RoleOf(const Document& doc, const Timex& t, Span sentence) {
  std::string_view text = doc.text;
  std::string w[3];
  int n = WordsBefore(text, sentence.begin, t.span.begin, w, 3);
  // Bounds of a period: the event is not at them.
  if (n >= 1 && OneOf(w[0], {"since", "until", "till", "through", "by"})) return Role::kIgnore;
  if (n >= 2 && w[0] == "of" && w[1] == "as") return Role::kIgnore;
  // "between March and May": a period, not a date of the event.
  if (n >= 1 && w[0] == "between") return Role::kIgnore;
  if (n >= 2 && w[0] == "and" && (w[1] == "between" || (n >= 3 && w[2] == "between"))) {
    return Role::kIgnore;
  }
  if (n >= 1 && w[0] == "from") {
    std::string_view rest = text.substr(t.span.end, sentence.end - t.span.end).substr(0, 40);
    if (rest.find(" to ") != std::string_view::npos ||
        rest.find(" until ") != std::string_view::npos) {
      return Role::kIgnore;
    }
  }
  // "protested following last year's mutinies": a possessive date inside the sentence dates
  // the noun after it, not the sentence's event (opening it, it dates the subject: "Monday's
  // attack killed ten").
  if (n >= 1) {
    const std::string_view rest = text.substr(t.span.end, 4);
    if (rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s")) return Role::kIgnore;
  }
  // Dateline "SANAA, Aug. 10 (Xinhua) --" and byline "By The Irrawaddy 12 April 2021".
  size_t after = t.span.end;
  while (after < sentence.end && IsSpace(text[after])) ++after;
  if (after < sentence.end && text[after] == '(') {
    size_t close = text.find(')', after);
    if (close != std::string_view::npos && close < sentence.end && close - after < 40) {
      after = close + 1;
      while (after < sentence.end && IsSpace(text[after])) ++after;
    }
  }
  std::string_view tail = text.substr(after, std::min<size_t>(3, sentence.end - after));
  if (t.span.begin - sentence.begin < 48 &&
      (tail.starts_with("--") || tail.starts_with("\xE2\x80\x93") ||
       tail.starts_with("\xE2\x80\x94") || tail.starts_with("- "))) {
    return Role::kIgnore;
  }
  if (after >= sentence.end && text.substr(sentence.begin, 3) == "By ") return Role::kIgnore;
  // "said Tuesday", "said on Tuesday", "said late Tuesday", "told Reuters on Tuesday".
  if (n >= 1 && IsReportVerb(w[0])) return Role::kReport;
  if (n >= 2 && OneOf(w[0], {"on", "late", "early"}) && IsReportVerb(w[1])) return Role::kReport;
  if (n >= 3 && w[0] == "on" && w[2] == "told") return Role::kReport;
  return Role::kDates;
}

// "in the past 24 hours", "over the last two days": a window that ends at `anchor`. With
// `of_report`, also "two days of clashes ..., officials said Tuesday": days of fighting up to
// the report day.
bool RecentWindow(const Document& doc, const Timex& t, Span sentence, Date anchor, bool of_report,
                  EventDate* out) {
  if (t.type != TimexType::kDuration || !anchor.known()) return false;
  std::string_view v = t.value;
  bool hours = v.starts_with("PT") && v.ends_with("H");
  bool days = !hours && v.starts_with("P") && v.ends_with("D");
  if (!hours && !days) return false;
  int amount = 0;
  const size_t digits = v.size() - (hours ? 3 : 2);
  if (digits == 0 || digits > 4 || !Digits(v, hours ? 2 : 1, digits, &amount) || amount < 1) {
    return false;
  }
  long back = hours ? (amount + 23) / 24 : amount - 1;
  if (back < 1 || back > 6) return false;
  std::string lower(doc.Slice(t.span));
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::string w[2];
  int n = WordsBefore(doc.text, sentence.begin, t.span.begin, w, 2);
  bool recent = lower.starts_with("the past") || lower.starts_with("the last") ||
                lower.starts_with("past ") || lower.starts_with("last ") ||
                (n >= 1 && OneOf(w[0], {"past", "last"}));
  if (!recent && of_report && days) {
    size_t after = t.span.end;
    while (after < sentence.end && IsSpace(doc.text[after])) ++after;
    recent = doc.Slice(Span{static_cast<uint32_t>(after), sentence.end}).starts_with("of ");
  }
  if (!recent) return false;
  *out = Written(Range(timex::AddDays(anchor, -back), anchor, 2, back + 1 >= 7 ? 3 : 2));
  out->evidence = t.span;
  return true;
}

// The dating expressions of one sentence: the best one that dates its event (lowest rank, first
// on ties), and the best report date. Expressions after publication cannot date a reported
// event; PAST_REF ("recently") says no more than that the event is before publication.
struct SentenceDates {
  Rank rank = kNone;
  EventDate date;
  Rank report_rank = kNone;
  EventDate report;
};

// The day a written date_start reads back as: a day outside the calendar (year 0, from week 1
// of year 1) reads back unknown.
Date ReadBack(const Date& day) {
  return timex::IsValidDate(day.year, day.month, day.day) ? day : Date{};
}

SentenceDates DatesOf(const Document& doc, size_t sentence) {
  SentenceDates out;
  const Span s = doc.sentences[sentence].span;
  const Date pub = timex::ParseAnchor(doc.published);
  const long pub_day = pub.known() ? DayNumber(pub) : 0;
  bool window = false;
  DayRange date, report;
  Span date_evidence, report_evidence;
  // From the sentence's first temporal expression on.
  const std::span<const Timex> in_sentence = doc.TimexFrom(s.begin);
  for (const Timex& t : in_sentence) {
    if (t.span.end > s.end) break;
    if (t.type == TimexType::kDuration) {
      window = true;
      continue;
    }
    if (t.type == TimexType::kSet) continue;
    DayRange candidate;
    Rank rank = Parse(t.value, doc.published, &candidate);
    if (rank == kNone || rank == kPastRef) continue;
    if (candidate.resolved && pub.known() && DayNumber(ReadBack(candidate.first)) > pub_day) {
      continue;
    }
    Role role = RoleOf(doc, t, s);
    if (role == Role::kIgnore) continue;
    if (role == Role::kReport) {
      if (rank < out.report_rank) {
        out.report_rank = rank;
        report = candidate;
        report_evidence = t.span;
      }
    } else if (rank < out.rank) {
      out.rank = rank;
      date = candidate;
      date_evidence = t.span;
    }
  }
  if (out.rank != kNone) {
    out.date = Written(date);
    out.date.evidence = date_evidence;
  }
  if (out.report_rank != kNone) {
    out.report = Written(report);
    out.report.evidence = report_evidence;
  }
  if (window && out.rank > kDay) {
    // A recent window ends at the report day of the sentence, else at publication.
    Date anchor = pub;
    if (out.report_rank == kDay) anchor = timex::ParseAnchor(*out.report.date_start);
    for (const Timex& t : in_sentence) {
      if (t.span.end > s.end) break;
      EventDate w;
      if (RecentWindow(doc, t, s, anchor, out.rank == kNone && out.report_rank == kDay, &w)) {
        out.rank = kWeekend;
        out.date = w;
        break;
      }
    }
  }
  return out;
}

// A report date alone: coded, like an undated report, to the day of the report, with the
// precisions of a day the text did not state.
EventDate FromReport(const SentenceDates& d) {
  EventDate out = d.report;
  if (d.report_rank == kDay) {
    out.time_precision = 2;
    out.date_prec = 2;
  }
  return out;
}

}  // namespace

std::optional<EventDate> EventDateOfValue(std::string_view value, std::string_view published) {
  DayRange range;
  if (Parse(value, published, &range) == kNone) return std::nullopt;
  return Written(range);
}

EventDate ResolveEventDate(const Document& doc, size_t sentence) {
  const uint32_t one = static_cast<uint32_t>(sentence);
  if (sentence >= doc.sentences.size()) return Fallback(doc.published);
  return ResolveEventDate(doc, std::span<const uint32_t>(&one, 1));
}

EventDate ResolveEventDate(const Document& doc, std::span<const uint32_t> sentences) {
  if (sentences.empty() || sentences[0] >= doc.sentences.size()) return Fallback(doc.published);
  const uint32_t sentence = sentences[0];
  const Span s = doc.sentences[sentence].span;
  SentenceDates first = DatesOf(doc, sentence);
  if (first.rank != kNone) return first.date;
  // The day it was reported, in the sentence that first tells the event.
  if (first.report_rank != kNone) return FromReport(first);
  // Other sentences that tell the same event, at most month-specific (a year or a season in a
  // later sentence is background more often than the event's date).
  SentenceDates reported = first;
  for (size_t i = 1; i < sentences.size(); ++i) {
    if (sentences[i] == sentence || sentences[i] >= doc.sentences.size()) continue;
    SentenceDates other = DatesOf(doc, sentences[i]);
    if (other.rank <= kMonth) return other.date;
    if (reported.report_rank == kNone) reported = other;
  }
  if (reported.report_rank != kNone) return FromReport(reported);
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
    SentenceDates d = DatesOf(doc, k);
    if (d.rank != kNone) return d.date;
    if (d.report_rank != kNone) return FromReport(d);
  }
  // A headline (or lede) is dated by the article's lead: the sentences after it up to the end
  // of the paragraph that follows it ("Gunmen kill five in X" / "... on Monday, police said.").
  if (!doc.paragraphs.empty() && s.begin < doc.paragraphs[0].end) {
    // The lead is the first paragraph after the headline that reads as prose, past bylines
    // and "Updated: ..." lines.
    uint32_t lead_end = doc.paragraphs[0].end;
    for (size_t p = 1; p < doc.paragraphs.size() && p <= 4; ++p) {
      lead_end = doc.paragraphs[p].end;
      if (doc.paragraphs[p].end - doc.paragraphs[p].begin >= 80) break;
    }
    for (size_t k = sentence + 1; k < doc.sentences.size(); ++k) {
      Span next = doc.sentences[k].span;
      if (next.begin >= lead_end) break;
      SentenceDates d = DatesOf(doc, k);
      if (d.rank != kNone) return d.date;
      if (d.report_rank != kNone) return FromReport(d);
    }
  }
  return Fallback(doc.published);
}

}  // namespace sitrep
