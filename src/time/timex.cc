// The timex grammar: a hand-written scanner over LexTimex tokens.
//
// Design. At every token the scanner tries a handful of pattern matchers (numeric dates, month
// dates, years/decades, weekdays, relative periods, "N units ago/later", durations, sets, clock
// times, quarters, reference words such as "now"/"recently") and keeps the longest match; the
// scan then resumes after it, so output spans never overlap. Each matcher resolves its value at
// once against two anchors:
//   - `dct_`, the publication date: "yesterday", "last month", "two weeks ago", weekdays;
//   - `ref_`, the narrative anchor: the last full date mentioned (initially `dct_`), for "the
//     next day", "a week later", "the previous day", bare clock times.
// Unknown anchors give X parts ("XXXX-XX-XX"), never the current date.
//
// Decisions (documented in the tests as well):
//   - "10/06/1971" is month/day/year (US order) unless the first number is > 12.
//   - A weekday alone is the anchor day itself if it matches, else the most recent such day
//     before the anchor (past-tense news narration), unless the nearest tense cue of the clause
//     looks ahead ("will", "scheduled", "expected", "planned", "postponed", "set to", "is to",
//     "due to", "as soon as") which selects the next such day. "last Friday" is always before,
//     "next Friday" always after. Tried and dropped (worse on timex-dev): "would", "until" and
//     any "to"-infinitive as cues; the same tense cues for month names.
//   - Holidays (table in lexicon.cc: Christmas, Thanksgiving, Easter-based, ...) resolve like
//     weekdays: the most recent occurrence, the next one with a future cue, "last"/"next", or an
//     explicit year ("Easter 2019").
//   - Spelled-out years ("nineteen ninety-six", "two thousand") are years wherever digits are.
//   - Vague words: "recently", "soon" (not "as soon as"), "now" (also "now that"), "the near
//     future"; "in recent weeks/months/days" are vague durations (PXW...). Bare "recent",
//     "future" (adjective) and "previously" are not tagged: on timex-dev TimeBank tags them in
//     fewer than a third of their uses.
//   - "the past year" is the previous calendar year (DATE); "the full year" the anchor's year;
//     "the fiscal year" a one-year duration; "the latest period" the latest quarter.
//   - Speed: matchers run only at tokens where a match can begin (a number, "'", a time word or
//     a kStarter word of lexicon.cc) with a number or a time word within the next six tokens;
//     every pattern has one there. A matcher that accepts a new first word must add it to
//     kStarters.
//   - "N weeks ago" is the ISO week containing anchor − 7N days ("two weeks ago" from
//     2024-09-14 → 2024-W35); days → a date, months → YYYY-MM, years → YYYY.
//   - A month (or month and day) without a year is its most recent occurrence up to the anchor,
//     unless the next one is at most 120 days ahead ("January" in a November article);
//     "last April" is the most recent April strictly before the anchor's month.
//   - Years 1900–2099 stand alone as dates unless they look like amounts ("$1990", "1990 people"
//     is not excluded — see TODO); other 4-digit years need a date word before them.
//   - Narrative anchors beyond `ref_`: "the following month" counts from the last month a value
//     named ("In March ... The following month" → April), "the previous Friday" from the last
//     day named, a bare "25" after "April 24 and" is in April.
//   - A quarter without a year that starts more than 120 days after publication is last year's
//     ("the fourth quarter" in January); "the 1988 quarter" is the quarter under discussion.
//   - "the summer" is a season only after a preposition ("in/over/into the summer"), this year's;
//     "the nineties" is the publication's century unless that decade is still ahead.
//   - A future cue in the past perfect ("had been due to expire Friday") looks back.
#include "sitrep/timex.h"

#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sitrep/pipeline.h"
#include "time/calendar.h"
#include "time/lexer.h"
#include "time/lexicon.h"
#include "time/scanner.h"

namespace sitrep {
namespace timex {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// A word of at most 16 bytes as two little-endian 8-byte words, zero-padded, and its length:
// a token is compared with a list of such words by three integer compares each
// (Scanner::PackedLow), not by a memcmp call per word of the list's length.
struct PackedWord {
  uint64_t a = 0, b = 0;
  size_t n = 0;
  bool operator==(const PackedWord&) const = default;
};
static_assert(std::endian::native == std::endian::little);
constexpr PackedWord Pack(std::string_view w) {
  PackedWord p;
  p.n = w.size();
  for (size_t k = 0; k < w.size() && k < 16; ++k) {
    (k < 8 ? p.a : p.b) |= uint64_t{static_cast<uint8_t>(w[k])} << (8 * (k % 8));
  }
  return p;
}
template <size_t N>
constexpr std::array<PackedWord, N> PackAll(const std::string_view (&words)[N]) {
  std::array<PackedWord, N> packed{};
  for (size_t k = 0; k < N; ++k) packed[k] = Pack(words[k]);
  return packed;
}
template <size_t N>
bool IsOneOf(const PackedWord& w, const std::array<PackedWord, N>& list) {
  for (const PackedWord& x : list) {
    if (x == w) return true;
  }
  return false;
}

// Length and first letter of each word of some lists, one bit each: most words are none of the
// lists' words, and one bit test rules them out before any compare.
struct WordShapes {
  std::array<uint32_t, 16> bits{};
  template <size_t N>
  constexpr WordShapes& Add(const std::string_view (&words)[N]) {
    for (std::string_view x : words) bits[x.size()] |= uint32_t{1} << (x[0] & 31);
    return *this;
  }
  // False when no word of the lists has `size` bytes and first byte `first` (any case).
  bool MayBe(size_t size, char first) const {
    return size < bits.size() && (bits[size] >> (first & 31) & 1) != 0;
  }
};

// A timex value while the matchers build it, in place: one copy into the Timex at the end
// instead of std::string temporaries, appends and moves per part (each a memcpy call for these
// short strings). The longest value the matchers build is 18 bytes (a duration of an int count
// with a half unit: "PT" + 11 + "S" + "30S"; a clock time is 16).
class ValueText {
 public:
  static constexpr size_t kCapacity = 47;
  ValueText& operator=(std::string_view s) {
    n_ = 0;
    return *this += s;
  }
  ValueText& operator+=(std::string_view s) {
    std::memcpy(chars() + n_, s.data(), s.size());
    n_ += static_cast<uint8_t>(s.size());
    return *this;
  }
  // FormatDay(d), FormatMonth(year, month), FormatYear(year), FormatWeek(d).
  ValueText& SetDay(const Date& d) { return Set(PutDay(chars(), d)); }
  ValueText& SetMonth(int year, int month) { return Set(PutMonth(chars(), year, month)); }
  ValueText& SetYear(int year) { return Set(PutYear(chars(), year)); }
  ValueText& SetWeek(const Date& d) { return Set(PutWeek(chars(), d)); }
  // Appends Num(v, width).
  ValueText& AppendNum(int v, int width = 0) { return Set(PutPadded(chars() + n_, v, width)); }
  size_t size() const { return n_; }
  std::string_view view() const { return {data(), n_}; }
  const char* data() const { return reinterpret_cast<const char*>(buf_); }
  // Replaces the empty string *out by the value. A short value (most) is copied as a whole
  // 15-byte string built in place and cut to size: fixed-size copies the compiler inlines,
  // where assign() (like a move of a short string) calls memcpy for its variable length.
  void CopyTo(std::string* out) const {
    if (n_ <= 15) {
      std::destroy_at(out);  // empty: nothing to free
      std::construct_at(out, data(), size_t{15});
      out->erase(n_);
    } else {
      out->assign(data(), n_);
    }
  }

 private:
  char* chars() { return reinterpret_cast<char*>(buf_); }
  ValueText& Set(const char* end) {
    n_ = static_cast<uint8_t>(end - data());
    return *this;
  }
  // Bytes past n_ are left as they are (a Match is built per nested try: no clearing), copied
  // with the value and by CopyTo, never read: unsigned char, whose indeterminate values may be
  // copied.
  unsigned char buf_[kCapacity];
  uint8_t n_ = 0;
};

// A matcher's result (Scanner::CopyAllButValue copies every field but the value, Tries::Reset
// sets them to these defaults: keep both in step).
struct Match {
  size_t begin = 0;  // token range [begin, end)
  size_t end = 0;
  TimexType type = TimexType::kDate;
  ValueText value;
  Date day;             // set when the value is one full day: becomes the narrative anchor
  int quarter_year = 0; // set when the value is a quarter: "a year earlier" refers to it
  int quarter = 0;
};

std::string Num(int v, int width = 0) {
  std::string out;
  AppendPadded(&out, v, width);
  return out;
}

// The duration value of n units (n < 0: an unknown count, "X") into *v: "PT5H", "P3D", "P20Y"
// (two decades).
void SetDuration(ValueText* v, int n, Unit unit) {
  std::string_view prefix = "P", suffix = "Y";
  int factor = 1;
  switch (unit) {
    case Unit::kSecond:
      prefix = "PT", suffix = "S";
      break;
    case Unit::kMinute:
      prefix = "PT", suffix = "M";
      break;
    case Unit::kHour:
      prefix = "PT", suffix = "H";
      break;
    case Unit::kDay:
      suffix = "D";
      break;
    case Unit::kWeek:
      suffix = "W";
      break;
    case Unit::kMonth:
      suffix = "M";
      break;
    case Unit::kQuarter:
      suffix = "Q";
      break;
    case Unit::kYear:
      break;
    case Unit::kDecade:
      factor = 10;
      break;
    case Unit::kCentury:
      factor = 100;
      break;
    case Unit::kNone:
      *v = "PX";
      return;
  }
  *v = prefix;
  if (n < 0) {
    *v += "X";
  } else {
    v->AppendNum(n * factor);
  }
  *v += suffix;
}

// What half of `unit` adds to a duration value ("PT5H" + "30M"); empty when the value has no
// smaller unit to say it with.
std::string_view HalfUnit(Unit unit) {
  switch (unit) {
    case Unit::kYear: return "6M";
    case Unit::kDay: return "T12H";
    case Unit::kHour: return "30M";
    case Unit::kMinute: return "30S";
    default: return {};
  }
}

// A reporting period longer than a quarter: "the nine months" (P9M), "six months", "the first
// half" (YYYY-H1).
bool IsLongerPeriod(TimexType type, std::string_view value) {
  if (type == TimexType::kDuration) return value == "P6M" || value == "P9M";
  return value.size() == 7 && value[4] == '-' && value[5] == 'H';
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

bool IsDayPartWord(std::string_view w, std::string_view* code) {
  if (w == "morning") *code = "TMO";
  else if (w == "afternoon") *code = "TAF";
  else if (w == "evening") *code = "TEV";
  else if (w == "night") *code = "TNI";
  else return false;
  return true;
}

// Buffers a thread reuses from one FindTimex call to the next (no allocation per document once
// they have grown to the largest text).
struct ScanBuffers {
  std::string lowered;
  TokenTable table;
  std::vector<Tok> toks;  // the reference lexer's tokens
  std::vector<uint8_t> gate;  // Scanner::gate_
};

// The matchers of Scanner::TryAll, one bit each (TryAll fixes the order they are tried in); the
// gated ones (kGatedMatchers) in the low byte, so that GateAt's table holds one byte a token.
enum MatcherBit : uint16_t {
  kMonthDate = 1 << 0,
  kRelativeDay = 1 << 1,
  kWeekdayDate = 1 << 2,
  kRelativePeriod = 1 << 3,
  kAgoLater = 1 << 4,
  kDuration = 1 << 5,
  kQuarterExpr = 1 << 6,
  kNumericDate = 1 << 7,
  kYearDate = 1 << 8,
  kSetExpr = 1 << 9,
  kClockTime = 1 << 10,
  kRefWord = 1 << 11,
  kHolidayDate = 1 << 12,
  kAllMatchers = (1 << 13) - 1,
};
// Matchers that succeed only with a word of a particular kind within their first few tokens
// (their reach, kReach): Scanner::Run skips them at a candidate without such a time word
// near it (WordFacts::enables).
constexpr uint16_t kGatedMatchers = kMonthDate | kRelativeDay | kWeekdayDate | kRelativePeriod |
                                    kAgoLater | kDuration | kQuarterExpr;
static_assert(kGatedMatchers <= 0xFF, "GateAt's table entries are bytes");
// The reach of each gated matcher: the farthest token after the first, counted from the
// matcher's skips, where its word can stand (each with a margin over the count in brackets):
//   MonthDate      a month             12  (SkipMods 3, last/next/this + past/coming 2, or a
//                                            day 2 + "of" 1: 8)
//   RelativeDay    today, yesterday,    6  (early 1, mid- 2, last/this/the 1: 4)
//                  tomorrow, tonight,
//                  overnight, night,
//                  morning, afternoon,
//                  evening or day
//   WeekdayDate    a weekday            8  (early 1, the previous 2 or last + past/coming 2: 4)
//   RelativePeriod a unit, season, or   12  (SkipMods 3, the 1, early/late 1, last 1,
//                  "weekend"                past/coming 1, fiscal 1: 8)
//   AgoLater       a unit              10  (more than 2, a count of at most 4 tokens: 6)
//   Duration       a unit              14  (the + past or more than 2, a count 4, "1/2" 3,
//                                            more/additional 1, "-" 1: 11)
//   QuarterExpr    quarter/half/period 22  (the 1, year-earlier 3, this year's 4, fiscal 1, a
//                                            spelled year 4, 's 2, an ordinal 2, "-" 1: 18),
//                  or "year" at most 1 token on ("the year-earlier": WordFacts::enables_near)
struct Reach {
  uint16_t matcher;
  size_t reach;
};
constexpr Reach kReach[] = {{kMonthDate, 12},  {kRelativeDay, 6}, {kWeekdayDate, 8},
                            {kAgoLater, 10},  {kDuration, 14},   {kRelativePeriod, 12},
                            {kQuarterExpr, 22}};
constexpr size_t kGateWindow = 23;  // one more than the longest reach
// Scanner::BuildGate ORs a word's spread into the table in whole aligned 16-entry (16-byte)
// chunks: kGateChunks of them cover kGateWindow entries from any offset in a chunk. (Unaligned
// ORs of nearby words' spreads overlap the previous word's stores in part, and such a load
// waits for them instead of taking their bytes forwarded.)
constexpr size_t kGateChunk = 16;
constexpr size_t kGateChunks = (kGateWindow + kGateChunk - 1) / kGateChunk + 1;
// The gated matchers whose reach from a candidate covers a word `d` tokens on.
constexpr auto kGateWithin = [] {
  std::array<uint16_t, kGateWindow> within{};
  for (size_t d = 0; d < kGateWindow; ++d) {
    for (const Reach& r : kReach) {
      if (d <= r.reach) within[d] |= r.matcher;
    }
  }
  return within;
}();

// Matchers that may begin at a number, and at "'" ("'90s").
constexpr uint16_t kNumberMatchers =
    kNumericDate | kMonthDate | kYearDate | kAgoLater | kDuration | kClockTime | kQuarterExpr;
constexpr uint16_t kApostropheMatchers = kYearDate | kQuarterExpr;

// True when x is one of `words` (the short lists of the matcher tables below).
bool IsOneOf(std::string_view x, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), x) != words.end();
}

// A word Duration accepts between a count and its unit: "two more weeks", "five trading days".
bool IsCountToUnitWord(std::string_view x) {
  return IsOneOf(x, {"more", "additional", "extra", "trading", "business", "working"});
}

// The matchers that may accept the word `w` as the first token of a match, read off their
// first tests (each matcher's comment names its shapes). A superset is harmless (the matcher
// fails at once); a missing bit loses matches, which timex_dispatch_test and the timex fuzzer
// catch by comparing with FindTimexReference (every matcher at every candidate).
uint16_t MatchersForWord(std::string_view w) {
  bool abbrev, plural;
  const bool mods = IsOneOf(w, {"early", "late", "mid", "earlier", "later"});  // SkipMods and the like
  const bool number_word = SmallNumberWord(w) != 0;
  // Number(): the words a count may begin with.
  const bool count = number_word || IsOneOf(w, {"a", "an", "several", "few", "many", "some", "couple",
                                        "dozen", "hundreds", "thousands"});
  bool weekday_plural;
  const bool weekday = WeekdayNumber(w, &weekday_plural) != 0;
  uint16_t m = 0;
  if (mods || MonthNumber(w, &abbrev) || IsOneOf(w, {"the", "last", "next", "this"})) m |= kMonthDate;
  if (mods || number_word || IsOneOf(w, {"the", "fiscal", "calendar", "year"})) m |= kYearDate;
  if (mods || IsOneOf(w, {"today", "yesterday", "tomorrow", "tonight", "overnight", "last", "this", "the",
                  "morning", "afternoon", "evening", "night"})) {
    m |= kRelativeDay;
  }
  if (mods || (weekday && !weekday_plural) ||
      IsOneOf(w, {"the", "last", "next", "this", "past", "coming"})) {
    m |= kWeekdayDate;
  }
  if (mods || !SeasonCode(w).empty() ||
      IsOneOf(w, {"the", "last", "past", "previous", "preceding", "this", "current", "next", "coming",
          "following", "same", "that"})) {
    m |= kRelativePeriod;
  }
  if (count || IsOneOf(w, {"about", "nearly", "almost", "some", "roughly", "around", "just", "only",
                   "over", "more", "less"})) {
    m |= kAgoLater;
  }
  if (weekday || IsOneOf(w, {"daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly",
                     "every", "each", "a", "per", "an"})) {
    m |= kSetExpr;
  }
  if (count || UnitWord(w, &plural) != Unit::kNone ||
      IsOneOf(w, {"the", "past", "last", "next", "first", "coming", "previous", "following", "final",
          "remaining", "latest", "preceding", "about", "nearly", "almost", "roughly", "around",
          "some", "over", "more", "less", "up", "at"})) {
    m |= kDuration;
  }
  if (IsOneOf(w, {"noon", "midday", "midnight", "dawn", "daybreak", "dusk", "nightfall"})) m |= kClockTime;
  if (number_word || OrdinalWord(w) || IsOneOf(w, {"the", "year", "this", "last", "next", "fiscal"})) {
    m |= kQuarterExpr;
  }
  if (IsOneOf(w, {"now", "currently", "presently", "nowadays", "current", "recently", "lately", "recent",
          "soon", "the", "at", "these"})) {
    m |= kRefWord;
  }
  bool holiday = IsOneOf(w, {"last", "next", "this"});
  size_t count_h;
  const Holiday* holidays = Holidays(&count_h);
  for (size_t h = 0; h < count_h; ++h) {
    if (holidays[h].words.substr(0, holidays[h].words.find(' ')) == w) holiday = true;
  }
  if (holiday) m |= kHolidayDate;
  return m;
}

// The matchers that may accept "the" followed by the word x, read off their tests after "the"
// (MatchersForWord gives "the" these eight): a superset is harmless, a missing bit loses
// matches (timex_dispatch_test compares "the" before every word of the index and the listed
// words outside it with FindTimexReference).
uint16_t MatchersAfterThe(std::string_view x) {
  // SkipMods: "the end of", "the turn of" (MonthDate, RelativePeriod and YearDate go on after).
  const bool end_of = IsOneOf(x, {"end", "beginning", "start", "middle", "turn"});
  const bool number_word = SmallNumberWord(x) != 0;  // counts, spelled years
  uint16_t m = 0;
  if (end_of) m |= kMonthDate | kRelativePeriod | kYearDate;
  if (IsOneOf(x, {"day", "night"})) m |= kRelativeDay;  // "the day before", "the night before last"
  if (IsOneOf(x, {"previous", "following"})) m |= kWeekdayDate;
  if (!SeasonCode(x).empty() ||
      IsOneOf(x, {"early", "late", "week", "last", "past", "previous", "preceding", "this", "current",
          "next", "coming", "following", "same", "that", "weekend"})) {
    m |= kRelativePeriod;
  }
  if (number_word || IsOneOf(x, {"past", "last", "next", "first", "coming", "previous", "following",
                         "final", "remaining", "latest", "preceding", "full", "fiscal", "year"})) {
    m |= kDuration;
  }
  // YearDate: SkipMods after "the", "fiscal"/"calendar"/"year", a spelled decade ("the
  // nineties": a time word ending in "ies"), a spelled year.
  if (number_word ||
      IsOneOf(x, {"early", "late", "mid", "earlier", "later", "the", "fiscal", "calendar", "year"}) ||
      (x.size() > 5 && x.substr(x.size() - 3) == "ies")) {
    m |= kYearDate;
  }
  if (number_word || OrdinalWord(x) ||
      IsOneOf(x, {"year", "this", "last", "next", "fiscal", "latest", "current", "recent", "same",
          "quarter"})) {
    m |= kQuarterExpr;
  }
  if (IsOneOf(x, {"near", "short", "future", "past"})) m |= kRefWord;
  return m;
}
// The matchers among NumericDate, MonthDate, AgoLater, Duration and ClockTime that may accept a
// number followed by the word x, read off their tests after a number (YearDate and QuarterExpr,
// which take a bare year, are not narrowed): a day before a month, "of" or an ordinal suffix
// ("9 May", "9 of May", "9th"), a count before a unit or a word between count and unit ("two
// more weeks"), a clock time before "am", "p.m.", "o'clock", "in the morning" or a zone.
uint16_t MatchersAfterNumber(std::string_view x) {
  bool abbrev, plural;
  uint16_t m = 0;
  if (MonthNumber(x, &abbrev) || IsOneOf(x, {"of", "st", "nd", "rd", "th"})) m |= kMonthDate;
  if (UnitWord(x, &plural) != Unit::kNone) m |= kAgoLater | kDuration;
  if (IsCountToUnitWord(x)) m |= kDuration;
  if (IsOneOf(x, {"am", "pm", "a", "p", "o", "in", "gmt", "utc", "hrs", "hours", "local"})) {
    m |= kClockTime;
  }
  return m;
}
// After a number: another number ("2 1/2 years"), "/" and "-" (numeric dates, "five-year"),
// ":" (clock times).
constexpr uint16_t kAfterNumberNumber = kDuration;
constexpr uint16_t kAfterNumberSlash = kNumericDate;
constexpr uint16_t kAfterNumberHyphen = kNumericDate | kDuration;
constexpr uint16_t kAfterNumberColon = kClockTime;

// The matchers that may accept "a"/"an" (AgoLater, Duration, SetExpr: "a year ago", "a
// three-day visit", "a few days", "twice a week") or "at" (Duration, RefWord: "at least a week",
// "at present") followed by the word x, read off their tests after those words.
uint16_t MatchersAfterArticle(std::string_view x) {
  bool plural;
  const bool unit = UnitWord(x, &plural) != Unit::kNone;
  uint16_t m = 0;
  // Number(): "a couple of", "a few", "a dozen", "a hundred", "a thousand" before the unit.
  if (unit || IsOneOf(x, {"couple", "few", "dozen", "hundred", "thousand"})) m |= kAgoLater | kDuration;
  if (IsCountToUnitWord(x)) m |= kDuration;
  if (unit) m |= kSetExpr;  // "$5 million a year"
  return m;
}
uint16_t MatchersAfterAt(std::string_view x) {
  if (x == "least" || x == "most") return kDuration;
  if (x == "present") return kRefWord;
  return 0;
}
// The matchers a number word ("two", "twenty") begins for being one, YearDate and QuarterExpr
// (a spelled year), AgoLater and Duration (a count), that may accept it followed by the word x:
// "thousand" or a tens word for a year ("two thousand", "nineteen ninety"), a unit, "hundred" or
// another number word for a count ("twenty four years"), Duration also "more", "trading"...
constexpr uint16_t kNumberWordMatchers = kYearDate | kQuarterExpr | kAgoLater | kDuration;
uint16_t MatchersAfterNumberWord(std::string_view x) {
  bool plural;
  uint16_t m = 0;
  if (x == "thousand" || IsTensWord(x)) m |= kYearDate | kQuarterExpr;
  if (UnitWord(x, &plural) != Unit::kNone || x == "hundred" || SmallNumberWord(x) != 0) {
    m |= kAgoLater | kDuration;
  }
  if (IsCountToUnitWord(x)) m |= kDuration;
  return m;
}
// After a number word: "-" ("twenty-four", "five-year").
constexpr uint16_t kAfterNumberWordHyphen = kAgoLater | kDuration;

// After "a"/"an": "-" (Duration's hyphen: "a -year" reads as a count of one); nothing else that
// is no word, and nothing but words after "at".
constexpr uint16_t kAfterArticleHyphen = kDuration;

// After "the": a number (a year, a count, "the 3rd quarter") and "'" ("the '90s").
constexpr uint16_t kAfterTheNumber = kYearDate | kDuration | kQuarterExpr;
constexpr uint16_t kAfterTheApostrophe = kYearDate | kQuarterExpr;

enum : uint8_t { kLeadNone, kLeadThe, kLeadArticle, kLeadAt, kLeadNumberWord };

// The words the MatchersAfter* functions name one by one, for words outside the time-word index
// (Scanner::AfterThe...): every month, weekday, unit, number, season and ordinal word is in the
// index (timex_dispatch_test), so a word outside it that is none of these gets no matcher, and
// its length and first letter rule most such words out before any compare.
constexpr std::string_view kListedAfterThe[] = {
    "end",       "beginning", "start",  "middle",  "turn", "day",     "night",     "previous",
    "following", "early",     "late",   "week",    "last", "past",    "preceding", "this",
    "current",   "next",      "coming", "same",    "that", "weekend", "first",     "final",
    "remaining", "latest",    "full",   "fiscal",  "year", "mid",     "earlier",   "later",
    "the",       "calendar",  "recent", "quarter", "near", "short",   "future"};
constexpr std::string_view kListedAfterNumber[] = {
    "of", "st", "nd", "rd", "th", "more", "additional", "extra", "trading", "business", "working",
    "am", "pm", "a",  "p",  "o",  "in",   "gmt",        "utc",   "hrs",     "hours",    "local"};
constexpr std::string_view kListedAfterArticle[] = {"couple",   "few",      "dozen",      "hundred",
                                                    "thousand", "more",     "additional", "extra",
                                                    "trading",  "business", "working"};
constexpr std::string_view kListedAfterAt[] = {"least", "most", "present"};
constexpr std::string_view kListedAfterNumberWord[] = {
    "thousand", "hundred", "more", "additional", "extra", "trading", "business", "working"};

// Facts about each word of the sealed time-word index (by TokenTable::word), looked up once: the
// matchers a candidate word may begin, and its month, weekday and unit readings. Index 0 (no
// word of the index) may begin any matcher and has no reading.
struct WordFacts {
  uint16_t matchers = kAllMatchers;
  // "the", "a"/"an", "at": the matchers that may run depend on the word after it
  // (MatchersAfterThe, MatchersAfterArticle, MatchersAfterAt).
  uint8_t lead = kLeadNone;
  // MatchersAfterThe, MatchersAfterNumber, MatchersAfterArticle and MatchersAfterAt of this
  // word.
  uint16_t after_the = kAllMatchers;
  uint16_t after_number = kAllMatchers;
  uint16_t after_article = kAllMatchers;
  uint16_t after_at = kAllMatchers;
  uint16_t after_number_word = kAllMatchers;
  // The gated matchers (kGatedMatchers) this word lets run at a candidate within their reach
  // before it, and those it lets run at a candidate at most one token before it.
  uint16_t enables = 0;
  uint16_t enables_near = 0;
  uint8_t month = 0;
  bool month_abbrev = false;
  uint8_t weekday = 0;
  bool weekday_plural = false;
  Unit unit = Unit::kNone;
  bool unit_plural = false;
};

// A word's `enables` and `enables_near` spread over the candidates before it, for
// Scanner::BuildGate: entry t is for the candidate kGateWindow - 1 - t tokens before it (the
// last entry, the token after the word, is zero), stored from entry kGateChunk on, zeros before
// and after, so that the spread shifted by o < kGateChunk entries is the array from
// kGateChunk - o. Apart from WordFacts (64 bytes each): the candidates' tests and the matchers
// read those, and they stay small.
using GateSpread = std::array<uint8_t, kGateChunk + kGateChunk * kGateChunks>;

const WordFacts* TimeWordFacts() {
  static const std::vector<WordFacts> kFacts = [] {
    const WordClassTable& table = TimeWordClasses();
    std::vector<WordFacts> facts(table.WordCount());
    for (size_t id = 1; id < facts.size(); ++id) {
      std::string w = table.WordAt(id);
      WordFacts& f = facts[id];
      f.matchers = MatchersForWord(w);
      f.lead = w == "the"                ? kLeadThe
               : w == "a" || w == "an"   ? kLeadArticle
               : w == "at"               ? kLeadAt
               : SmallNumberWord(w) != 0 ? kLeadNumberWord
                                         : kLeadNone;
      f.after_the = MatchersAfterThe(w);
      f.after_number = MatchersAfterNumber(w);
      f.after_article = MatchersAfterArticle(w);
      f.after_at = MatchersAfterAt(w);
      f.after_number_word = MatchersAfterNumberWord(w);
      f.month = static_cast<uint8_t>(MonthNumber(w, &f.month_abbrev));
      f.weekday = static_cast<uint8_t>(WeekdayNumber(w, &f.weekday_plural));
      f.unit = UnitWord(w, &f.unit_plural);
      if (f.month) f.enables |= kMonthDate;
      if (f.weekday) f.enables |= kWeekdayDate;
      if (f.unit != Unit::kNone) f.enables |= kDuration | kAgoLater | kRelativePeriod;
      if (!SeasonCode(w).empty() || w == "weekend") f.enables |= kRelativePeriod;
      if (w == "quarter" || w == "half" || w == "period") f.enables |= kQuarterExpr;
      if (w == "year") f.enables_near |= kQuarterExpr;
      if (w == "today" || w == "yesterday" || w == "tomorrow" || w == "tonight" ||
          w == "overnight" || w == "night" || w == "morning" || w == "afternoon" ||
          w == "evening" || w == "day") {
        f.enables |= kRelativeDay;
      }
    }
    return facts;
  }();
  return kFacts.data();
}

// The GateSpread of each word of the sealed index (by TokenTable::word).
const GateSpread* TimeWordGates() {
  static const std::vector<GateSpread> kGates = [] {
    const WordFacts* facts = TimeWordFacts();
    std::vector<GateSpread> gates(TimeWordClasses().WordCount());
    for (size_t id = 0; id < gates.size(); ++id) {
      const WordFacts& f = facts[id];
      for (size_t d = 0; d < kGateWindow; ++d) {
        gates[id][kGateChunk + kGateWindow - 1 - d] =
            static_cast<uint8_t>((f.enables & kGateWithin[d]) | (d <= 1 ? f.enables_near : 0));
      }
    }
    return gates;
  }();
  return kGates.data();
}

class Scanner {
 public:
  // `reference`: the full path FindTimexReference takes (the byte-at-a-time lexer, every
  // matcher at every candidate, word readings by string), which the fast path must equal.
  Scanner(std::string_view text, std::string_view anchor, ScanBuffers* buffers,
          bool reference = false)
      : text_(text), lowered_(buffers->lowered) {
    dct_ = ParseAnchor(anchor);
    ref_ = dct_;
    ref_year_ = dct_.year;
    if (dct_.known()) {
      ref_month_ = Date{dct_.year, dct_.month, 1};
      dct_days_ = DaysFromCivil(dct_.year, dct_.month, dct_.day);
      dct_month_days_ = DaysInMonth(dct_.year, dct_.month);
    }
    if (reference) {
      LexTimexReference(text, &lowered_, &buffers->toks);
      TokenTableOf(buffers->toks, lowered_, &buffers->table);
    } else {
      LexTimexInto(text, &lowered_, &buffers->table);
    }
    // Word facts by index only when every time word has one (a sealed table).
    facts_ = !reference && TimeWordClasses().sealed() ? TimeWordFacts() : nullptr;
    const TokenTable& t = buffers->table;
    n_ = t.count;
    begin_ = t.begin.data();
    first_ = t.first.data();
    end_ = t.end.data();
    reading_ = t.reading.data();
    num_ = t.num.data();
    digits_ = t.digits.data();
    candidates_ = t.candidates();
    time_words_ = t.time_words.data();
    low_ = lowered_.data();
    if (facts_) {
      gates_ = TimeWordGates();
      BuildGate(&buffers->gate);
    }
  }

  std::vector<Timex> Run() {
    std::vector<Timex> out;
    // News texts hold about one timex per five candidates: one allocation instead of the
    // vector's growth steps (each moving the values) in most documents.
    out.reserve(candidates_.size() / 4 + 1);
    // Matchers run only at candidates (TokenTable::candidates, listed by the lexer in
    // order): every match begins at a number, "'", a time word or one of the few words matchers
    // accept before one ("the", "last", "about"...; kStarter in lexicon.cc), and holds a number
    // or time word within its first kCandidateWindow tokens. Most tokens of a news text are
    // never visited.
    size_t i = 0;
    // One pair of slots for the whole scan (Tries::Reset), not two Matches built and destroyed
    // per candidate that runs a matcher.
    Tries tries;
    for (uint32_t c : candidates_) {
      if (c < i) continue;  // inside the last match
      i = c;
      // Most candidates run no matcher at all (MatchersAt): no Match is built for them.
      uint16_t run = MatchersAt(i);
      // GateAt clears gated matchers only.
      if (run & kGatedMatchers) run &= GateAt(i);
      if (run == 0) {
        ++i;
        continue;
      }
      tries.Reset();
      TryAll(i, run, &tries);
      if (tries.best == nullptr || tries.best->end <= i) {
        ++i;
        continue;
      }
      Match& best = *tries.best;
      // Built in place: the value's one copy.
      Timex& t = out.emplace_back();
      t.span = {begin_[best.begin], end_[best.end - 1]};
      t.type = best.type;
      best.value.CopyTo(&t.value);
      if (best.day.known()) {
        ref_ = best.day;
        last_day_ = best.day;
        last_day_end_ = best.end;
      }
      if (const std::string& v = out.back().value;
          v.size() >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1' && v[6] >= '0' &&
          v[6] <= '9' && (best.type == TimexType::kDate || best.type == TimexType::kTime) &&
          IsDigits(std::string_view(v).substr(0, 4))) {
        ref_month_ =
            Date{(v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0'),
                 (v[5] - '0') * 10 + (v[6] - '0'), 1};
      }
      if ((best.type == TimexType::kDate || best.type == TimexType::kTime) &&
          out.back().value.size() >= 4 &&
          IsDigits(std::string_view(out.back().value).substr(0, 4))) {
        // The four leading digits (checked above), as atoi would read them.
        const std::string& v = out.back().value;
        ref_year_ = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
      }
      if (best.quarter && QuarterEnded(best.quarter_year, best.quarter)) {
        last_quarter_year_ = best.quarter_year;
        last_quarter_ = best.quarter;
        longer_period_ = false;
      } else if (IsLongerPeriod(best.type, out.back().value)) {
        longer_period_ = true;
      }
      i = best.end;
    }
    return out;
  }

 private:
  // Has the quarter ended by publication? A quarter still running or ahead ("a fourth-quarter
  // charge" in an October report) is no reference for "the latest quarter" or "a year ago".
  bool QuarterEnded(int year, int quarter) const {
    if (dct_.year == 0) return true;
    return year * 4 + quarter - 1 < dct_.year * 4 + (dct_.month - 1) / 3;
  }

  // ---- token predicates ----
  size_t n() const { return n_; }
  // Token i's first lowered byte: its kind, and a punctuation token's char (TokenTable).
  uint8_t First(size_t i) const { return first_[i]; }
  bool Word(size_t i) const { return i < n() && IsWordStart(First(i)); }
  // Token i's readings (class, number word, index id; zero but at words).
  const TokenTable::Reading& ReadingOf(size_t i) const { return reading_[i]; }
  // Token i (< n()) is a number, a word starting with an ASCII capital.
  bool NumTok(size_t i) const { return IsNumberStart(First(i)); }
  bool Cap(size_t i) const { return static_cast<uint8_t>(text_[begin_[i]] - 'A') < 26; }
  // The lowercased text of a token.
  std::string_view LowOf(size_t i) const {
    return std::string_view(low_ + begin_[i], end_[i] - begin_[i]);
  }
  bool W(size_t i, std::string_view w) const { return Word(i) && LowOf(i) == w; }
  // Low(i) packed (Pack); a text longer than 16 bytes as length alone, which no packed list
  // word has. The lowered copy is padded: 16 bytes are readable at any token.
  PackedWord PackedLow(size_t i) const {
    if (!Word(i)) return PackedWord{};
    PackedWord p;
    p.n = end_[i] - begin_[i];
    if (p.n > 16) return p;
    std::memcpy(&p.a, low_ + begin_[i], 8);
    std::memcpy(&p.b, low_ + begin_[i] + 8, 8);
    p.a &= p.n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * p.n)) - 1;
    p.b &= p.n >= 16 ? ~uint64_t{0} : p.n <= 8 ? 0 : (uint64_t{1} << (8 * (p.n - 8))) - 1;
    return p;
  }
  // False when token i is no word of the lists behind `shapes` (by its length and first byte);
  // a word that passes still needs the compare.
  bool MayBeOneOf(size_t i, const WordShapes& shapes) const {
    return Word(i) && shapes.MayBe(end_[i] - begin_[i], low_[begin_[i]]);
  }
  // The same for a literal: inlined to a length test and a fixed-size compare (the matchers
  // make thousands of these per document).
  template <size_t N>
  [[gnu::always_inline]] bool W(size_t i, const char (&w)[N]) const {
    if (i >= n()) return false;
    // The kind last: most tokens fail on the length or the bytes.
    return end_[i] - begin_[i] == N - 1 && std::memcmp(low_ + begin_[i], w, N - 1) == 0 &&
           IsWordStart(First(i));
  }
  // `c` is ASCII punctuation: no word or number begins with it (TokenTable::first).
  bool P(size_t i, char c) const { return i < n() && First(i) == static_cast<uint8_t>(c); }
  bool IsNum(size_t i) const { return i < n() && NumTok(i) && num_[i] >= 0; }
  std::string_view Low(size_t i) const { return Word(i) ? LowOf(i) : std::string_view(); }
  // UnitWord(Low(i), plural), MonthNumber(Low(i), abbrev), WeekdayNumber(Low(i), plural): by
  // the word's index on the fast path (every month, weekday and unit word is in the index).
  Unit UnitOf(size_t i, bool* plural) const {
    if (!facts_) return UnitWord(Low(i), plural);
    const WordFacts& f = facts_[Word(i) ? ReadingOf(i).word : 0];
    *plural = f.unit_plural;
    return f.unit;
  }
  int MonthOf(size_t i, bool* abbrev) const {
    if (!facts_) return MonthNumber(Low(i), abbrev);
    const WordFacts& f = facts_[Word(i) ? ReadingOf(i).word : 0];
    *abbrev = f.month_abbrev;
    return f.month;
  }
  int WeekdayOf(size_t i, bool* plural) const {
    if (!facts_) return WeekdayNumber(Low(i), plural);
    const WordFacts& f = facts_[Word(i) ? ReadingOf(i).word : 0];
    *plural = f.weekday_plural;
    return f.weekday;
  }
  // SmallNumberWord(Low(i)), looked up by the lexer.
  int NumWord(size_t i) const { return Word(i) ? ReadingOf(i).number : 0; }
  static bool IsTens(int v) { return v >= 20 && v % 10 == 0; }
  // Skips a "." glued to token i-1 (abbreviations: "Sept.", "a.m.").
  size_t SkipDot(size_t i) const { return P(i, '.') && Glued(i) ? i + 1 : i; }
  // No whitespace between token i and the one before it.
  bool Glued(size_t i) const { return i < n() && i > 0 && end_[i - 1] == begin_[i]; }

  // The matches at one candidate. The matchers write into `current`; a better match stays
  // where it is (`best`), and the matchers go on in the other slot with a copy of its fields
  // but the value (CopyAllButValue), so that each starts from the fields it would have in one
  // slot. The value needs no copy: every matcher sets it before it succeeds, none reads it
  // before.
  struct Tries {
    Match slot[2];
    Match* current = &slot[0];
    Match* best = nullptr;  // in the other slot than `current`
    // Back to a new Tries but for the values, which no matcher reads before it sets them.
    void Reset() {
      for (Match& m : slot) {
        m.begin = 0;
        m.end = 0;
        m.type = TimexType::kDate;
        m.day = Date();
        m.quarter_year = 0;
        m.quarter = 0;
      }
      current = &slot[0];
      best = nullptr;
    }
  };
  static void CopyAllButValue(const Match& from, Match* to) {
    to->begin = from.begin;
    to->end = from.end;
    to->type = from.type;
    to->day = from.day;
    to->quarter_year = from.quarter_year;
    to->quarter = from.quarter;
  }
  // Keeps the current match when it is longer, or as long and earlier, than the best one.
  void Consider(Tries* tries) const {
    const Match& m = *tries->current;
    const Match* best = tries->best;
    if (best == nullptr || m.end > best->end || (m.end == best->end && m.begin < best->begin)) {
      Match* next = tries->current == &tries->slot[0] ? &tries->slot[1] : &tries->slot[0];
      CopyAllButValue(m, next);
      tries->best = tries->current;
      tries->current = next;
    }
  }

  // The matchers that may begin at candidate token i (all of them on the reference path).
  uint16_t MatchersAt(size_t i) const {
    if (!facts_) return kAllMatchers;
    if (NumTok(i)) {
      // Only a year (4 digits) or the day in "April 24 and 25" (CoordinatedDay, in MonthDate)
      // can end a match at a number: every other reading needs a particular token after it
      // (MatchersAfterNumber).
      const uint16_t by_next = AfterNumber(i + 1) | (last_day_end_ + 1 == i ? kMonthDate : 0);
      // Other numbers begin a year or a quarter only with a word glued on ("20th century",
      // "3rd quarter").
      if (digits_[i] == 4 || (Word(i + 1) && Glued(i + 1))) {
        return kNumberMatchers & (by_next | kYearDate | kQuarterExpr);
      }
      return kNumberMatchers & by_next;
    }
    if (!IsWordStart(First(i))) {
      // "'" begins only a two-digit year ("'90s"): a possessive "'s" runs nothing.
      if (First(i) != '\'') return kAllMatchers;
      return i + 1 < n() && NumTok(i + 1) ? kApostropheMatchers : 0;
    }
    const WordFacts& f = facts_[ReadingOf(i).word];
    // "the" begins eight matchers, "a"/"an" and "at" a few: each needs particular words after
    // them (most of their candidates are rejected by that word alone).
    switch (f.lead) {
      case kLeadThe:
        return f.matchers & AfterThe(i + 1);
      case kLeadArticle:
        return f.matchers & AfterArticle(i + 1);
      case kLeadAt:
        return f.matchers & AfterAt(i + 1);
      case kLeadNumberWord:
        return f.matchers & (AfterNumberWord(i + 1) | ~kNumberWordMatchers);
      default:
        return f.matchers;
    }
  }

  // The matchers a candidate at token i may run as far as its time words go: the gated ones
  // (kGatedMatchers) whose word stands within their reach (all on the reference path), read
  // off BuildGate's table (a loop over the time words near each candidate mispredicts its exit).
  uint16_t GateAt(size_t i) const {
    if (!facts_) return kAllMatchers;
    // "April 24 and 25" (CoordinatedDay) holds no month.
    const uint16_t coordinated = last_day_end_ + 1 == i ? kMonthDate : 0;
    return static_cast<uint16_t>(~kGatedMatchers | gate_[i + kGateWindow - 1] | coordinated);
  }

  // Fills GateAt's table: the gated matchers each token's time words let run there, at entry
  // token + kGateWindow - 1 (the words spread back over the window before them, from the front
  // padding on; every entry is zeroed first). A fixed loop per time word, without branches.
  void BuildGate(std::vector<uint8_t>* gate) {
    // Whole chunks from the one holding the last word's entry; the data is 16-byte aligned
    // (operator new), so chunk starts are.
    const size_t size = n_ + kGateChunk * kGateChunks;
    if (gate->size() < size) gate->resize(size);
    uint8_t* const g = gate->data();
    std::memset(g, 0, size);
    for (const uint32_t* h = time_words_; *h != UINT32_MAX; ++h) {
      const GateSpread& spread = gates_[ReadingOf(*h).word];
      // Entry *h + t is the candidate kGateWindow - 1 - t tokens before the word: the chunks
      // from the one holding entry *h get the spread shifted by the entry's place in it.
      const size_t shift = *h % kGateChunk;
      OrChunks(g + (*h - shift), spread.data() + (kGateChunk - shift));
    }
    gate_ = g;
  }
  static void OrChunks(uint8_t* __restrict to, const uint8_t* __restrict from) {
    for (size_t t = 0; t < kGateChunk * kGateChunks; ++t) to[t] |= from[t];
  }

  // The matchers a lead lets run before word k, by the word's facts (every indexed word), else
  // for the few listed words outside the index by string (kByString), else none.
  template <uint16_t WordFacts::*kField, const auto& kListed, uint16_t (*kByString)(std::string_view)>
  [[gnu::always_inline]] uint16_t ByWord(size_t k) const {
    const uint8_t id = ReadingOf(k).word;
    if (id) return facts_[id].*kField;
    static constexpr WordShapes kShapes = WordShapes().Add(kListed);
    return MayBeOneOf(k, kShapes) ? kByString(LowOf(k)) : 0;
  }

  // MatchersAfterNumber of token k (none past the end).
  uint16_t AfterNumber(size_t k) const {
    if (k >= n()) return 0;
    if (NumTok(k)) return kAfterNumberNumber;
    if (!IsWordStart(First(k))) {
      switch (First(k)) {
        case '/':
          return kAfterNumberSlash;
        case '-':
          return kAfterNumberHyphen;
        case ':':
          return kAfterNumberColon;
        default:
          return 0;
      }
    }
    // (Outside the index only listed words count: "of", "p", "o", glued suffixes.)
    return ByWord<&WordFacts::after_number, kListedAfterNumber, MatchersAfterNumber>(k);
  }

  // MatchersAfterArticle and MatchersAfterAt of token k (none past the end).
  uint16_t AfterArticle(size_t k) const {
    if (k >= n()) return 0;
    if (!IsWordStart(First(k))) return First(k) == '-' ? kAfterArticleHyphen : 0;
    return ByWord<&WordFacts::after_article, kListedAfterArticle, MatchersAfterArticle>(k);
  }
  uint16_t AfterNumberWord(size_t k) const {
    if (k >= n()) return 0;
    if (!IsWordStart(First(k))) return First(k) == '-' ? kAfterNumberWordHyphen : 0;
    return ByWord<&WordFacts::after_number_word, kListedAfterNumberWord, MatchersAfterNumberWord>(k);
  }
  uint16_t AfterAt(size_t k) const {
    if (k >= n() || !IsWordStart(First(k))) return 0;
    return ByWord<&WordFacts::after_at, kListedAfterAt, MatchersAfterAt>(k);
  }

  // MatchersAfterThe of token k (none past the end).
  uint16_t AfterThe(size_t k) const {
    if (k >= n()) return 0;
    if (NumTok(k)) return kAfterTheNumber;
    if (!IsWordStart(First(k))) return First(k) == '\'' ? kAfterTheApostrophe : 0;
    // (Outside the index only listed words count: "end", "near".)
    return ByWord<&WordFacts::after_the, kListedAfterThe, MatchersAfterThe>(k);
  }

  // `run`: MatchersAt(i). Only the matchers whose first tests the token can pass run
  // (MatchersForWord, MatchersAfterThe and the like); the others would return false before touching
  // `m`, so the result is the same.
  void TryAll(size_t i, uint16_t run, Tries* tries) {
    // Matchers that may start with "the"/modifiers try at i; all of them reject a bare "the".
    if ((run & kNumericDate) && NumericDate(i, tries->current)) Consider(tries);
    if ((run & kMonthDate) && MonthDate(i, tries->current)) Consider(tries);
    if ((run & kYearDate) && YearDate(i, tries->current)) Consider(tries);
    if ((run & kRelativeDay) && RelativeDay(i, tries->current)) Consider(tries);
    if ((run & kWeekdayDate) && WeekdayDate(i, tries->current)) Consider(tries);
    if ((run & kRelativePeriod) && RelativePeriod(i, tries->current)) Consider(tries);
    if ((run & kAgoLater) && AgoLater(i, tries->current)) Consider(tries);
    // SetExpr before Duration: "$5 million a year".
    if ((run & kSetExpr) && SetExpr(i, tries->current)) Consider(tries);
    if ((run & kDuration) && Duration(i, tries->current)) Consider(tries);
    if ((run & kClockTime) && ClockTime(i, tries->current)) Consider(tries);
    if ((run & kQuarterExpr) && QuarterExpr(i, tries->current)) Consider(tries);
    if ((run & kRefWord) && RefWord(i, tries->current)) Consider(tries);
    if ((run & kHolidayDate) && HolidayDate(i, tries->current)) Consider(tries);
  }

  // ---- shared sub-parsers ----

  // A cardinal: digits, number words ("twenty-four", "a hundred"), "a"/"an" when allowed,
  // vague quantities ("several", "a few") as -1. Returns the index after it or kNone.
  size_t Number(size_t i, bool allow_article, int* value) const {
    if (IsNum(i)) {
      if (digits_[i] > 6) return kNone;
      // "2,500" and "2.5" are not counts of time units we handle.
      if ((P(i + 1, ',') || P(i + 1, '.')) && Glued(i + 1) && IsNum(i + 2) && Glued(i + 2)) {
        return kNone;
      }
      *value = num_[i];
      return i + 1;
    }
    if (!Word(i)) return kNone;
    std::string_view w = Low(i);
    if (w == "a" || w == "an") {
      if (!allow_article) return kNone;
      if (W(i + 1, "couple") && W(i + 2, "of")) { *value = 2; return i + 3; }
      if (W(i + 1, "few")) { *value = -1; return i + 2; }
      if (W(i + 1, "dozen")) { *value = 12; return i + 2; }
      if (W(i + 1, "hundred")) { *value = 100; return i + 2; }
      if (W(i + 1, "thousand")) { *value = 1000; return i + 2; }
      *value = 1;
      return i + 1;
    }
    if (w == "several" || w == "few" || w == "many" || w == "some") {
      *value = -1;
      return i + 1;
    }
    if (w == "couple" && W(i + 1, "of")) { *value = 2; return i + 2; }
    if (w == "dozen") { *value = 12; return i + 1; }
    if (w == "hundreds" || w == "thousands") { *value = -1; return i + 1; }
    int v = NumWord(i);
    if (v == 0) return kNone;
    size_t j = i + 1;
    if (IsTens(v)) {
      size_t k = j;
      if (P(k, '-') && Glued(k)) ++k;
      int ones = NumWord(k);
      if (ones > 0 && ones < 10) {
        v += ones;
        j = k + 1;
      }
    }
    if (v < 10 && W(j, "hundred")) {
      v *= 100;
      ++j;
    }
    *value = v;
    return j;
  }

  // A day of month: 1..31, optionally "1st"/"2nd"/"3rd"/"9th". Returns index after or kNone.
  size_t DayOfMonth(size_t i, int* day) const {
    if (!IsNum(i) || digits_[i] > 2 || num_[i] < 1 || num_[i] > 31) return kNone;
    size_t j = i + 1;
    if (Word(j) && Glued(j)) {
      std::string_view s = Low(j);
      if (s != "st" && s != "nd" && s != "rd" && s != "th") return kNone;
      ++j;
    }
    // "May 9:30", "9%", "9-10" are not days.
    if (Glued(j) && ((P(j, ':') && IsNum(j + 1) && Glued(j + 1)) || P(j, '%') || IsNum(j))) {
      return kNone;
    }
    if (Glued(j) && (P(j, '.') || P(j, ',')) && IsNum(j + 1) && Glued(j + 1)) return kNone;
    *day = num_[i];
    return j;
  }

  // A 4-digit year 1000..2999 (or 2-digit with apostrophe, "'98"). Returns index after or kNone.
  size_t Year(size_t i, int* year) const {
    if (size_t e = SpelledYear(i, year); e != kNone) return e;
    if (P(i, '\'') && IsNum(i + 1) && Glued(i + 1) && digits_[i + 1] == 2) {
      if (Word(i + 2) && Glued(i + 2) && Low(i + 2) != "s") return kNone;
      int yy = num_[i + 1];
      *year = CenturyFor(yy) + yy;
      return i + 2;
    }
    if (!IsNum(i) || digits_[i] != 4 || num_[i] < 1000 || num_[i] > 2999) {
      return kNone;
    }
    size_t j = i + 1;
    if (Glued(j) && (IsNum(j) || P(j, '%') || (Word(j) && Low(j) != "s"))) return kNone;
    if (Glued(j) && (P(j, ',') || P(j, '.')) && IsNum(j + 1) && Glued(j + 1)) return kNone;
    if (i > 0 && Glued(i) && (P(i - 1, '$') || P(i - 1, ',') || P(i - 1, '.') || P(i - 1, '#'))) {
      return kNone;
    }
    *year = num_[i];
    return j;
  }

  // "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand and one".
  size_t SpelledYear(size_t i, int* year) const {
    std::string_view w = Low(i);
    if (w == "two" && W(i + 1, "thousand")) {
      size_t j = i + 2;
      size_t k = W(j, "and") ? j + 1 : j;
      int ones = NumWord(k);
      bool unit_after = Word(k + 1) && UnitOf(k + 1, &plural_) != Unit::kNone;
      if (ones > 0 && ones < 20 && !unit_after) {
        *year = 2000 + ones;
        return k + 1;
      }
      // "two thousand years" is a duration.
      if (Word(j) && UnitOf(j, &plural_) != Unit::kNone) return kNone;
      *year = 2000;
      return j;
    }
    int century = NumWord(i);
    if (century < 10 || century > 20 || !IsTens(NumWord(i + 1))) return kNone;
    int tens = NumWord(i + 1);
    size_t j = i + 2;
    int ones = 0;
    if (P(j, '-') && Glued(j) && Glued(j + 1)) {
      ones = NumWord(j + 1);
      if (ones < 1 || ones > 9) return kNone;
      j += 2;
    }
    *year = century * 100 + tens + ones;
    return j;
  }

  int CenturyFor(int yy) const {
    if (dct_.year >= 2000 && yy <= dct_.year % 100 + 10) return 2000;
    return 1900;
  }

  // Modifiers that do not change a TIMEX3 value: "early", "late", "mid-", "the end of"...
  size_t SkipMods(size_t i) const {
    size_t j = i;
    // Every modifier below is a kStarter word: others return at once.
    if (!Word(j) || ReadingOf(j).cls == 0) return j;
    if (W(j, "the") && (W(j + 1, "end") || W(j + 1, "beginning") || W(j + 1, "start") ||
                        W(j + 1, "middle") || W(j + 1, "turn")) && W(j + 2, "of")) {
      return j + 3;
    }
    if ((W(j, "early") || W(j, "late") || W(j, "mid") || W(j, "earlier") || W(j, "later")) &&
        !(P(j + 1, '.') || P(j + 1, ','))) {
      ++j;
      if (P(j, '-')) ++j;
      return j;
    }
    return j;
  }

  // Does the nearest tense cue before token i (within its clause) point to the future? "he will
  // visit on Friday", "as early as Tuesday" do; "Cuba predicted Wednesday", "said Friday" do not.
  bool FutureClause(size_t i) const { return TenseCue(tense_at_ != kNone ? tense_at_ : i) > 0; }

  // +1 when the nearest tense cue before token i (within its clause) points to the future, -1
  // when it is a past form ("said", "was", "-ed"), 0 when there is none.
  int TenseCue(size_t i) const {
    for (size_t k = i, steps = 0; k > 0 && steps < 10; --k, ++steps) {
      size_t t = k - 1;
      if (P(t, '!') || P(t, '?') || P(t, '\n') || P(t, ';') || P(t, '"')) break;
      if (P(t, '.') && !(t > 0 && Word(t - 1) && end_[t - 1] - begin_[t - 1] <= 4 && Cap(t - 1))) {
        break;
      }
      static constexpr std::string_view kFutureWords[] = {
          "will",     "shall",   "ll",    "scheduled", "upcoming", "postponed",
          "expected", "planned", "plans", "plan",      "planning"};
      static constexpr std::string_view kPastWords[] = {"said", "told", "was", "were", "did"};
      static constexpr auto kFuture = PackAll(kFutureWords);
      static constexpr auto kPast = PackAll(kPastWords);
      static constexpr std::string_view kOtherCues[] = {"soon", "early", "to"};
      // Most words of the clause are none of the cues tested below (their shape rules them out)
      // and need only the "-ed" test (numbers and other marks none).
      static constexpr WordShapes kCueShapes =
          WordShapes().Add(kFutureWords).Add(kPastWords).Add(kOtherCues);
      if (!Word(t)) continue;
      if (const size_t n = end_[t] - begin_[t]; !kCueShapes.MayBe(n, low_[begin_[t]])) {
        // Only the "-ed" test below can hold.
        if (n > 4 && low_[end_[t] - 2] == 'e' && low_[end_[t] - 1] == 'd' && !Cap(t)) return -1;
        continue;
      }
      const PackedWord w = PackedLow(t);  // Low(t)
      if (IsOneOf(w, kFuture) ||
          ((w == Pack("soon") || w == Pack("early")) && W(t - 1, "as") && t > 0)) {
        return PastPerfectBefore(t) ? -1 : 1;
      }
      // "set to resume Monday", "is to resume trading Tuesday", "due to arrive Friday".
      if (w == Pack("to") && t > 0 &&
          (W(t - 1, "set") || W(t - 1, "due") || W(t - 1, "is") || W(t - 1, "are"))) {
        return t > 1 && PastPerfectBefore(t - 1) ? -1 : 1;
      }
      // w.n > 4: a word, and its last two bytes end it in the lowered copy.
      if (IsOneOf(w, kPast) ||
          (w.n > 4 && low_[end_[t] - 2] == 'e' && low_[end_[t] - 1] == 'd' && !Cap(t))) {
        return -1;
      }
    }
    return 0;
  }

  // "had been scheduled", "had been due": a plan seen from the past ("the offer had been due to
  // expire Friday" speaks of the Friday before publication).
  bool PastPerfectBefore(size_t t) const {
    if (t >= 2 && W(t - 1, "been") && W(t - 2, "had")) return true;
    return t >= 1 && W(t - 1, "had");
  }

  // ---- value helpers ----
  // AddDays(dct_, days) and Weekday(dct_) from dct_days_.
  Date DctPlus(long days) const {
    if (!dct_.known()) return dct_;
    // Within the publication's month (most offsets: a week or less) without a conversion.
    if (const long day = dct_.day + days; day >= 1 && day <= dct_month_days_) {
      return Date{dct_.year, dct_.month, static_cast<int>(day)};
    }
    return CivilFromDays(dct_days_ + days);
  }
  int DctWeekday() const {
    long w = (dct_days_ + 3) % 7;  // as Weekday: 1970-01-01 was a Thursday
    if (w < 0) w += 7;
    return static_cast<int>(w) + 1;
  }
  // News narrates the past: a month (and day) without a year is its most recent occurrence up
  // to the anchor, unless its next occurrence is at most four months ahead ("January" in a
  // November article is the coming January).
  int YearOfPublication(int month, int day) const {
    if (dct_.year == 0) return 0;
    auto days = [&](int y) {
      int d = day ? (day > DaysInMonth(y, month) ? DaysInMonth(y, month) : day) : 1;
      return DaysFromCivil(y, month, d);
    };
    const long anchor = dct_days_;
    // days(dct_.year) <= anchor, compared within the year (day clamped as days() does).
    const int d =
        day ? (day > DaysInMonth(dct_.year, month) ? DaysInMonth(dct_.year, month) : day) : 1;
    const bool by_anchor = month < dct_.month || (month == dct_.month && d <= dct_.day);
    int past = by_anchor ? dct_.year : dct_.year - 1;
    if (days(past + 1) - anchor <= 120) return past + 1;
    return past;
  }

  // m's value is the day d (FormatDay), which becomes the narrative anchor when known.
  static void SetDayValue(const Date& d, Match* m) {
    if (d.known()) m->day = d;
    m->value.SetDay(d);
  }

  // ---- matchers ----

  // "10/06/1971", "6/10/71", "1971-10-06".
  bool NumericDate(size_t i, Match* m) const {
    if (!IsNum(i) || (i > 0 && Glued(i) && (P(i - 1, '/') || P(i - 1, '-') || IsNum(i - 1)))) {
      return false;
    }
    for (char sep : {'/', '-'}) {
      if (!(P(i + 1, sep) && Glued(i + 1) && IsNum(i + 2) && Glued(i + 2) && P(i + 3, sep) &&
            Glued(i + 3) && IsNum(i + 4) && Glued(i + 4))) {
        continue;
      }
      if (Glued(i + 5) && (IsNum(i + 5) || P(i + 5, sep) || Word(i + 5))) return false;
      int a = num_[i], b = num_[i + 2], c = num_[i + 4];
      int y, mo, d;
      if (digits_[i] == 4) {
        y = a, mo = b, d = c;
      } else if (digits_[i + 4] == 4 || digits_[i + 4] == 2) {
        y = digits_[i + 4] == 2 ? CenturyFor(c) + c : c;
        if (a > 12) {
          d = a, mo = b;
        } else {
          mo = a, d = b;
        }
      } else {
        return false;
      }
      if (!IsValidDate(y, mo, d)) return false;
      m->begin = i;
      m->end = i + 5;
      m->type = TimexType::kDate;
      SetDayValue(Date{y, mo, d}, m);
      return true;
    }
    return false;
  }

  // Month at i (with "Sept." dot); returns index after or kNone.
  size_t MonthAt(size_t i, int* month, bool* risky) const {
    if (!Word(i)) return kNone;
    bool abbrev;
    int mo = MonthOf(i, &abbrev);
    if (!mo) return kNone;
    size_t j = i + 1;
    if (abbrev) {
      if (!Cap(i)) return kNone;
      if (P(j, '.') && Glued(j)) ++j;
      else if (!IsNum(j)) return kNone;
    }
    *risky = (mo == 5 || mo == 3) && !abbrev;
    *month = mo;
    return j;
  }

  // "April 24 and 25", "May 3 or 4": a bare day right after a day and "and"/"or" is in the same
  // month.
  bool CoordinatedDay(size_t i, Match* m) const {
    if (!IsNum(i) || i < 1 || last_day_end_ + 1 != i || !(W(i - 1, "and") || W(i - 1, "or"))) {
      return false;
    }
    int day;
    size_t e = DayOfMonth(i, &day);
    if (e == kNone || day <= last_day_.day) return false;
    // "May 24 and 25 people", "May 24 and 25 April": not a day of that month.
    if (Word(e) && !(W(e, "in") || W(e, "at") || W(e, "on") || W(e, "when") || W(e, "and"))) {
      return false;
    }
    if (!IsValidDate(last_day_.year, last_day_.month, day)) return false;
    m->begin = i;
    m->end = e;
    m->type = TimexType::kDate;
    SetDayValue(Date{last_day_.year, last_day_.month, day}, m);
    return true;
  }

  // "9 May 2020", "May 9", "May 9, 2020", "March 2019", "mid-June", "last April",
  // "August last year", "the 9th of May".
  bool MonthDate(size_t i, Match* m) const {
    if (last_day_end_ + 1 == i && CoordinatedDay(i, m)) return true;
    size_t j = SkipMods(i);
    int rel = 0;  // -1 last, +1 next, 2 this
    bool has_rel = false;
    if (W(j, "last") || W(j, "next") || W(j, "this")) {
      rel = W(j, "last") ? -1 : W(j, "next") ? 1 : 2;
      has_rel = true;
      ++j;
      if (W(j, "past") || W(j, "coming")) ++j;
    }
    int day = 0, month = 0, year = 0;
    bool risky = false;
    size_t k = kNone;
    // Day first: "9 May", "9th of May".
    if (!has_rel && IsNum(j)) {
      size_t d_end = DayOfMonth(j, &day);
      if (d_end != kNone) {
        size_t mpos = W(d_end, "of") ? d_end + 1 : d_end;
        size_t mend = MonthAt(mpos, &month, &risky);
        if (mend != kNone && Cap(mpos)) {
          k = mend;
          risky = false;
        } else {
          day = 0;
        }
      }
    }
    if (k == kNone) {
      k = MonthAt(j, &month, &risky);
      if (k == kNone) return false;
      bool cap = Cap(j);
      // Month day.
      int d2 = 0;
      // "last Oct. 23" names a day too; "next March 3 ..." is rarer than a count after it.
      size_t dend = has_rel && rel != -1 ? kNone : DayOfMonth(k, &d2);
      if (dend != kNone && !(IsNum(k) && digits_[k] == 4)) {
        day = d2;
        k = dend;
      } else if (!cap) {
        return false;
      }
    }
    // Year: ", 2020", "2020", "of 2020", "last year".
    size_t after = k;
    size_t yk = P(after, ',') ? after + 1 : after;
    if (W(yk, "of") && !day) ++yk;
    int y = 0;
    size_t yend = Year(yk, &y);
    if (yend != kNone && !has_rel) {
      year = y;
      k = yend;
    } else if (!has_rel && (W(k, "last") || W(k, "this") || W(k, "next")) && W(k + 1, "year") &&
               !(Word(k + 2) && Low(k + 2) == "s")) {
      if (dct_.year) year = dct_.year + (W(k, "last") ? -1 : W(k, "next") ? 1 : 0);
      else year = -1;
      k += 2;
    }
    bool modified = j != i || has_rel;
    if (risky && !day && !year && !modified) {
      // "May" and "March" alone must follow a date preposition: "in May", "since March".
      std::string_view prev = i > 0 ? Low(i - 1) : std::string_view();
      bool ok = Cap(j) &&
                (prev == "in" || prev == "since" || prev == "until" || prev == "till" ||
                 prev == "by" || prev == "during" || prev == "from" || prev == "through" ||
                 prev == "before" || prev == "after" || prev == "of" || prev == "and" ||
                 prev == "to" || prev == "between" || prev == "early" || prev == "late");
      if (!ok) return false;
      // "in May 's" and names: a capitalized word right after ("May Day", "March Madness").
      if (Word(k) && Cap(k)) return false;
    }
    if (risky && !day && !year && modified && !Cap(j)) return false;
    if (!day && !year && !modified && (P(k, '\'') || (Word(k) && Cap(k)))) {
      // "June Carter", "August Wilson": a month name as a first name.
      if (!(P(k, '\'') && W(k + 1, "s"))) return false;
    }
    if (i > 0 && !modified && !day && !year && Word(i - 1) && Cap(i - 1) && !Glued(i) &&
        i >= 1 && !(i >= 2 && (P(i - 2, '.') || P(i - 2, '\n')))) {
      // "Theresa May", "Prime Minister April": preceded by a capitalized word mid-sentence.
      std::string_view prev = Low(i - 1);
      if (prev != "in" && prev != "since" && prev != "until" && prev != "by" && prev != "of" &&
          prev != "on" && prev != "last" && prev != "next" && prev != "this") {
        return false;
      }
    }
    if (year == 0) {
      if (dct_.year == 0) year = -1;
      else if (rel == -1) year = month < dct_.month ? dct_.year : dct_.year - 1;
      else if (rel == 1) year = month > dct_.month ? dct_.year : dct_.year + 1;
      else if (rel == 2) year = dct_.year;
      else year = YearOfPublication(month, day);
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    if (day) {
      if (year > 0 && !IsValidDate(year, month, day)) return false;
      if (year > 0) {
        SetDayValue(Date{year, month, day}, m);
      } else {
        m->value = "XXXX-" + Num(month, 2) + "-" + Num(day, 2);
      }
    } else {
      m->value.SetMonth(year > 0 ? year : 0, month);
    }
    return true;
  }

  // "2014", "in 2014", "fiscal 1989", "mid-1996", "the 1990s", "the '90s", "early 2023",
  // "the 20th century", "the winter of 1994" (seasons are in RelativePeriod).
  bool YearDate(size_t i, Match* m) const {
    size_t j = SkipMods(i);
    bool the = false;
    if (W(j, "the")) {
      the = true;
      ++j;
      size_t k2 = SkipMods(j);
      j = k2;
    }
    if (the && j > i + 1 && W(j, "year") && dct_.year &&
        !(P(j + 1, '-') || W(j + 1, "s") || W(j + 1, "ended") || W(j + 1, "ending") ||
          Year(j + 1, &year_scratch_) != kNone)) {
      // "the end of the year", "early in the year": the anchor's year, modifiers in the span.
      m->begin = i;
      m->end = j + 1;
      m->type = TimexType::kDate;
      m->value.SetYear(dct_.year);
      return true;
    }
    bool fiscal = false;
    if (W(j, "fiscal") || W(j, "calendar")) {
      fiscal = true;
      ++j;
      if (W(j, "year")) ++j;
    } else if (W(j, "year") && (!the || Year(j + 1, &year_scratch_) != kNone)) {
      ++j;
    }
    // Spelled decades: "the nineties", "the early eighties" — of the publication's century
    // unless that decade is still ahead ("the nineties" in 2024 are the 1990s).
    if (the && !fiscal && Word(j) && (ReadingOf(j).cls & kTimeWord) &&
        low_[end_[j] - 1] == 's' && Low(j).size() > 5 &&
        Low(j).substr(Low(j).size() - 3) == "ies") {
      std::string tens_word(Low(j).substr(0, Low(j).size() - 3));
      tens_word += 'y';
      int tens = SmallNumberWord(tens_word);
      if (IsTens(tens)) {
        int century = 19;
        if (dct_.year) century = dct_.year / 100 - (tens > dct_.year % 100 ? 1 : 0);
        m->begin = i;
        m->end = j + 1;
        m->type = TimexType::kDate;
        m->value = Num(century * 10 + tens / 10, 3);
        return true;
      }
    }
    // Centuries: "the 20th century", "the nineteenth century".
    if (IsNum(j) && digits_[j] <= 2 && Word(j + 1) && Glued(j + 1) &&
        (W(j + 1, "th") || W(j + 1, "st") || W(j + 1, "nd") || W(j + 1, "rd")) &&
        (W(j + 2, "century") || (P(j + 2, '-') && W(j + 3, "century")))) {
      int c = num_[j];
      if (c < 1 || c > 30) return false;
      m->begin = i;
      m->end = P(j + 2, '-') ? j + 4 : j + 3;
      m->type = TimexType::kDate;
      m->value = Num(c - 1, 2);
      return true;
    }
    int year = 0;
    size_t k = Year(j, &year);
    if (k == kNone) return false;
    bool apostrophe = P(j, '\'');
    // Decade: "1990s", "'90s".
    if (W(k, "s") && Glued(k)) {
      if (year % 10 != 0) return false;
      m->begin = i;
      m->end = k + 1;
      m->type = TimexType::kDate;
      m->value = Num(year / 10, 3);
      return true;
    }
    if (apostrophe && !the && j == i) return false;
    if (the && !fiscal && j == i + 1 && !W(k, "period") && !W(k, "season")) {
      // "the 1990 budget": the year belongs to a noun phrase; tag just the year below.
      return false;
    }
    bool context = j != i || fiscal;
    if (!context && i > 0) {
      static constexpr std::string_view kPrev[] = {
          "in", "since", "until", "till", "by", "of", "from", "to", "through", "during",
          "before", "after", "between", "and", "or", "around", "circa", "year", "early", "late",
          "mid", "end", "summer", "spring", "winter", "autumn", "fall", "season", "throughout",
          "for", "as", "than", "on", "last", "january", "february", "april", "june", "july",
          "august", "september", "october", "november", "december", "march", "may"};
      static constexpr auto kPrevPacked = PackAll(kPrev);
      // (Most words before a bare year are none of these: their shape rules them out.)
      static constexpr WordShapes kPrevShapes = WordShapes().Add(kPrev);
      if (MayBeOneOf(i - 1, kPrevShapes) && IsOneOf(PackedLow(i - 1), kPrevPacked)) context = true;
      if (P(i - 1, '(') || P(i - 1, '-') || P(i - 1, ',')) context = true;
    }
    if (!context) {
      if (year < 1900 || year > 2099) return false;
      // "Orion 1980", "Windows 2000": a capitalized word mid-sentence before a bare year names
      // something.
      if (i >= 2 && Word(i - 1) && Cap(i - 1) && !Glued(i - 1) &&
          !(P(i - 2, '.') || P(i - 2, '\n') || P(i - 2, '"') || P(i - 2, '?') || P(i - 2, '!'))) {
        return false;
      }
      // Numbers that label things: "$1990", "Room 2014", "Flight 1990", "Resolution 2334".
      static constexpr std::string_view kLabels[] = {
          "no", "number", "room", "flight", "route", "highway", "resolution", "article", "page",
          "unit", "apartment", "building", "bus", "train", "model", "code", "item", "line"};
      static constexpr auto kLabelsPacked = PackAll(kLabels);
      static constexpr WordShapes kLabelShapes = WordShapes().Add(kLabels);
      if (i > 0 && P(i - 1, '$')) return false;
      if (i > 0 && MayBeOneOf(i - 1, kLabelShapes) && IsOneOf(PackedLow(i - 1), kLabelsPacked)) {
        return false;
      }
    }
    if (Word(k) && !P(k, '\'') && !fiscal) {
      // "2000 troops", "1990 levels" (amounts, not dates) — a plural noun right after; "fiscal
      // 1989 sales" is a year.
      std::string_view next = Low(k);
      if (next.size() > 3 && next.back() == 's' && next != "was" && next != "has" &&
          next != "is" && !Cap(k)) {
        return false;
      }
    }
    if (W(k, "period")) ++k;
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    m->value.SetYear(year);
    return true;
  }

  // "today", "yesterday morning", "tomorrow", "tonight", "last night", "this morning",
  // "overnight", "the day before yesterday", "the night before last".
  bool RelativeDay(size_t i, Match* m) const {
    size_t j = i;
    if (W(j, "early") || W(j, "late") || W(j, "earlier") || W(j, "later")) ++j;
    if (W(j, "mid") && P(j + 1, '-')) j += 2;
    std::string_view w = Low(j);
    std::string part;
    long offset = 0;
    bool time = false;
    size_t k = j + 1;
    if (w == "today") {
      offset = 0;
    } else if (w == "yesterday") {
      offset = -1;
    } else if (w == "tomorrow") {
      offset = 1;
    } else if (w == "tonight") {
      part = "TNI";
      time = true;
    } else if (w == "overnight") {
      Date d = ref_;
      m->begin = i;
      m->end = k;
      m->type = TimexType::kTime;
      m->value.SetDay(d) += "TNI";
      return true;
    } else if (w == "last" && W(j + 1, "night")) {
      offset = -1;
      part = "TNI";
      time = true;
      k = j + 2;
    } else if ((w == "this" || w == "mid" || w == "early" || w == "late") &&
               (W(j + 1, "morning") || W(j + 1, "afternoon") || W(j + 1, "evening"))) {
      std::string_view code;
      IsDayPartWord(Low(j + 1), &code);
      part = code;
      time = true;
      k = j + 2;
    } else if (w == "the" && W(j + 1, "day") && (W(j + 2, "before") || W(j + 2, "after")) &&
               (W(j + 3, "yesterday") || W(j + 3, "tomorrow"))) {
      offset = W(j + 3, "yesterday") ? -2 : 2;
      k = j + 4;
    } else if (w == "the" && W(j + 1, "day") && (W(j + 2, "before") || W(j + 2, "after"))) {
      return DayOffDate(i, j, m);
    } else if (std::string_view code;
               Word(j + 1) && (ReadingOf(j + 1).cls & kTimeWord) &&
               (W(j + 1, "yesterday") || W(j + 1, "today") || W(j + 1, "tomorrow")) &&
               IsDayPartWord(w, &code)) {
      // "mid-afternoon yesterday", "late morning today".
      offset = W(j + 1, "yesterday") ? -1 : W(j + 1, "tomorrow") ? 1 : 0;
      part = code;
      time = true;
      k = j + 2;
    } else if (w == "the" && W(j + 1, "night") && W(j + 2, "before") && W(j + 3, "last")) {
      offset = -2;  // "the night before last": the night that began two days ago
      part = "TNI";
      time = true;
      k = j + 4;
    } else {
      return false;
    }
    if (part.empty() && Word(k)) {
      std::string_view code;
      if (IsDayPartWord(Low(k), &code)) {
        part = code;
        time = true;
        ++k;
      }
    }
    Date d = DctPlus(offset);
    m->begin = i;
    m->end = k;
    m->type = time ? TimexType::kTime : TimexType::kDate;
    if (part.empty()) {
      SetDayValue(d, m);
    } else {
      m->value.SetDay(d) += part;
    }
    if (!part.empty() && d.known()) m->day = d;
    return true;
  }

  // "the day before last Tuesday's hearing", "the day after Christmas": one day off a date (j at
  // "the").
  [[gnu::noinline]] bool DayOffDate(size_t i, size_t j, Match* m) const {
    Match dm;
    size_t d = j + 3;
    if (!((WeekdayDate(d, &dm) || MonthDate(d, &dm) || HolidayDate(d, &dm)) && dm.begin == d &&
          dm.day.known() && dm.value.size() == 10)) {
      return false;
    }
    Date day = AddDays(dm.day, W(j + 2, "before") ? -1 : 1);
    m->begin = i;
    m->end = dm.end;
    m->type = TimexType::kDate;
    SetDayValue(day, m);
    return true;
  }

  // "Friday", "on Monday" (span without "on"), "last Friday", "Friday night", "next Monday".
  bool WeekdayDate(size_t i, Match* m) const {
    size_t j = i;
    int rel = 0;
    bool narrative = false;
    if (W(j, "early") || W(j, "late") || W(j, "earlier") || W(j, "later")) ++j;
    if (W(j, "the") && (W(j + 1, "previous") || W(j + 1, "following"))) {
      // "the previous Friday": the Friday before the day the narrative is at.
      rel = W(j + 1, "previous") ? -1 : 1;
      narrative = true;
      j += 2;
    } else if (W(j, "last") || W(j, "next") || W(j, "this") || W(j, "past") || W(j, "coming")) {
      rel = W(j, "next") || W(j, "coming") ? 1 : W(j, "this") ? 2 : -1;
      ++j;
      if (W(j, "past")) { rel = -1; ++j; }
      if (W(j, "coming")) { rel = 1; ++j; }
    }
    if (!Word(j) || !Cap(j)) return false;
    bool plural;
    int wd = WeekdayOf(j, &plural);
    if (!wd || plural) return false;
    size_t k = j + 1;
    // "Sunday Times", "Friday Prayers" headline-style names: a capitalized word that is no
    // month or day part.
    if (Word(k) && Cap(k) && !Glued(k)) {
      bool abbrev;
      std::string_view code;
      if (!MonthOf(k, &abbrev) && !IsDayPartWord(Low(k), &code)) {
        static constexpr std::string_view kNames[] = {"times", "telegraph", "mirror", "express",
                                                      "herald", "post", "mail", "tribune",
                                                      "observer", "independent", "star", "sport",
                                                      "night", "school", "prayers", "league"};
        for (std::string_view name : kNames) {
          if (Low(k) == name) return false;
        }
      }
    }
    // "Friday, May 9" — the month date is the value.
    size_t c = P(k, ',') ? k + 1 : k;
    Match md;
    if (MonthDate(c, &md) && md.day.known()) {
      *m = md;
      m->begin = i;
      return true;
    }
    std::string part;
    std::string_view code;
    if (Word(k) && IsDayPartWord(Low(k), &code)) {
      part = code;
      ++k;
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    const Date& base = narrative ? ref_ : dct_;
    if (!base.known()) {
      m->value = "XXXX-WXX-" + Num(wd) + part;
      return true;
    }
    int today = narrative ? Weekday(base) : DctWeekday();
    long back = (today - wd + 7) % 7;     // days back to the most recent such day (0: today)
    long ahead = (wd - today + 7) % 7;    // days ahead to the next such day (0: today)
    long offset;
    if (rel == -1) offset = back == 0 ? -7 : -back;
    else if (rel == 1) offset = ahead == 0 ? 7 : ahead;
    else if (rel == 2) offset = back <= ahead ? -back : ahead;
    else if (back == 0) offset = 0;
    else offset = FutureClause(j) ? ahead : -back;
    Date d = narrative ? AddDays(base, offset) : DctPlus(offset);
    // "Friday evening" → "…TEV"; "Friday night"/"Friday morning" keep their span but take the
    // value of the day, as TimeBank mostly does (measured on timex-dev: the part codes lose).
    m->value.SetDay(d);
    if (part == "TEV") m->value += part;
    m->day = d;
    return true;
  }

  // "This Week" (a television show), "''60 Minutes''": a capitalized unit right after an opening
  // quote mark is a title.
  bool QuotedTitle(size_t i, size_t u) const {
    return i > 0 && (P(i - 1, '"') || P(i - 1, '\'')) && Word(u) && Cap(u) &&
           (IsNum(i) || (Word(i) && Cap(i)));
  }

  // "in the summer", "over the winter", "of the early spring": a preposition before "the" makes a
  // season word a time ("the fall of the city" and "the spring offensive" have none).
  bool SeasonPreposition(size_t i) const {
    if (i == 0) return false;
    static constexpr std::string_view kPreps[] = {
        "in", "into",  "over", "during", "through", "throughout", "until", "till",
        "by", "since", "for",  "of",     "from",    "before",     "after"};
    std::string_view prev = Low(i - 1);
    for (std::string_view p : kPreps) {
      if (prev == p) return true;
    }
    return false;
  }

  // "last week", "this year", "next month", "the previous day", "the next day", "the following
  // week", "earlier this month", "last fall", "this summer", "the weekend", "last decade".
  bool RelativePeriod(size_t i, Match* m) const {
    size_t j = SkipMods(i);
    bool the = false;
    if (W(j, "the")) {
      the = true;
      ++j;
    }
    // "the early summer", "the late fall".
    if (the && (W(j, "early") || W(j, "late")) && !SeasonCode(Low(j + 1)).empty()) ++j;
    if (the && W(j, "week") && W(j + 1, "of")) {
      // "the week of March 6": the week holding that day.
      Match dm;
      if (!(MonthDate(j + 2, &dm) && dm.begin == j + 2 && dm.day.known() &&
            dm.value.size() == 10)) {
        return false;
      }
      m->begin = i;
      m->end = dm.end;
      m->type = TimexType::kDate;
      m->value.SetWeek(dm.day);
      return true;
    }
    std::string_view r = Low(j);
    int rel;
    bool narrative = false;
    if (r == "last" || r == "past") rel = -1;
    else if (r == "previous" || r == "preceding") { rel = -1; narrative = the; }
    else if (r == "this" || r == "current") rel = 0;
    else if (r == "next" || r == "coming") { rel = 1; narrative = the && r == "next"; }
    else if (r == "following" || r == "same") { rel = r == "same" ? 0 : 1; narrative = true; }
    else if (r == "that" || r == "that's") { rel = 0; narrative = true; }
    else if (the && (r == "weekend")) rel = -2;
    else if (SeasonCode(r).empty())
      return false;
    else if (W(j + 1, "of") || Year(j + 1, &rel) != kNone)
      rel = 3;
    else if (the && SeasonPreposition(i))
      rel = 4;
    else return false;
    size_t u = rel == -2 || rel >= 3 ? j : j + 1;
    if (rel < 3 && rel != -2 && (W(u, "past") || W(u, "coming"))) ++u;  // "this past spring"
    if (rel < 3 && rel != -2 && W(u, "fiscal") && W(u + 1, "year"))
      ++u;                  // "the current fiscal year"
    if (rel == 4) rel = 0;  // "in the summer": this year's, like "this summer"
    bool plural;
    Unit unit = UnitOf(u, &plural);
    std::string_view season = SeasonCode(Low(u));
    bool weekend = W(u, "weekend");
    if (plural) return false;
    if (unit == Unit::kNone && season.empty() && !weekend) return false;
    if (unit == Unit::kSecond || unit == Unit::kMinute || unit == Unit::kHour) return false;
    if (QuotedTitle(i, u)) return false;
    size_t k = u + 1;
    // "the past year" names the previous calendar year (TimeBank DATE); "the past decade",
    // "the past month", "the next week" read as durations.
    if (the && (r == "past" || r == "last") && !narrative && dct_.year && unit == Unit::kYear &&
        !W(k, "or")) {
      m->begin = i;
      m->end = k;
      m->type = TimexType::kDate;
      m->value.SetYear(dct_.year - 1);
      return true;
    }
    if (the && (r == "past" || r == "last" || (r == "next" && unit != Unit::kDay) ||
                r == "coming") && unit != Unit::kNone) {
      m->begin = i;
      m->end = k;
      m->type = TimexType::kDuration;
      SetDuration(&m->value, 1, unit);
      return true;
    }
    if (r == "that" || r == "that's") {
      if (unit != Unit::kDay && unit != Unit::kYear && unit != Unit::kMonth && unit != Unit::kWeek) {
        return false;
      }
    }
    if (r == "same" && !the) return false;
    if (the && rel == 0 && r == "this") return false;
    Date base = narrative ? ref_ : dct_;
    if (rel == 3) {
      // "summer of 2014", "winter 1994".
      size_t yk = W(u + 1, "of") ? u + 2 : u + 1;
      int year;
      size_t ye = Year(yk, &year);
      if (ye == kNone) return false;
      m->begin = i;
      m->end = ye;
      m->type = TimexType::kDate;
      m->value.SetYear(year) += "-";
      m->value += season;
      return true;
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    if (rel == -2) {
      // "the weekend": the most recent weekend (this one on a Saturday or Sunday).
      if (!base.known()) { m->value = "XXXX-WXX-WE"; return true; }
      int wd = Weekday(base);
      Date d = wd >= 6 ? base : AddDays(base, -wd);
      m->value.SetWeek(d) += "-WE";
      return true;
    }
    if (!season.empty()) {
      if (base.year == 0) { m->value = "XXXX-" + std::string(season); return true; }
      int start = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
      int y = base.year;
      if (rel == -1) {
        // The most recent season of that name that has ended.
        int end_month = start + 2;
        y = end_month < base.month ? base.year : base.year - 1;
        if (start == 12) y = base.month >= 3 ? base.year - 1 : base.year - 2;
      } else if (rel == 1) {
        y = start > base.month ? base.year : base.year + 1;
      } else if (start == 12 && base.month <= 2) {
        y = base.year - 1;
      }
      m->value.SetYear(y) += "-";
      m->value += season;
      return true;
    }
    if (weekend) {
      if (!base.known()) { m->value = "XXXX-WXX-WE"; return true; }
      Date d = AddDays(base, rel * 7);
      m->value.SetWeek(d) += "-WE";
      return true;
    }
    switch (unit) {
      case Unit::kDay: {
        if (!narrative && !(r == "same" || r == "previous" || r == "following")) return false;
        Date d = AddDays(base, rel);
        SetDayValue(d, m);
        return true;
      }
      case Unit::kWeek:
        if (base.known()) {
          m->value.SetWeek(AddDays(base, 7 * rel));
        } else {
          m->value = "XXXX-WXX";
        }
        return true;
      case Unit::kMonth: {
        // "In March, ... The following month": the month the narrative last named.
        if (narrative && ref_month_.known()) base = ref_month_;
        if (base.year == 0) { m->value = "XXXX-XX"; return true; }
        Date d = AddMonths(base, rel);
        m->value.SetMonth(d.year, d.month);
        return true;
      }
      case Unit::kQuarter: {
        if (base.year == 0) { m->value = "XXXX-QX"; return true; }
        int q = (base.month - 1) / 3 + rel;
        int y = base.year;
        if (q < 0) { q += 4; --y; }
        if (q > 3) { q -= 4; ++y; }
        m->value.SetYear(y) += "-Q";
        m->value.AppendNum(q + 1);
        m->quarter_year = y;
        m->quarter = q + 1;
        return true;
      }
      case Unit::kYear: {
        // "that year", "later that year": the year the narrative last named.
        int y = r == "that" || r == "that's" ? ref_year_ : base.year;
        if (y) {
          m->value.SetYear(y + rel);
        } else {
          m->value = "XXXX";
        }
        return true;
      }
      case Unit::kDecade:
        m->value = base.year ? Num(base.year / 10 + rel, 3) : "XXX";
        return true;
      case Unit::kCentury:
        m->value = base.year ? Num(base.year / 100 + rel, 2) : "XX";
        return true;
      default:
        return false;
    }
  }

  // "two weeks ago", "three days later", "a year earlier", "about five years ago".
  bool AgoLater(size_t i, Match* m) const {
    size_t j = i;
    if (W(j, "about") || W(j, "nearly") || W(j, "almost") || W(j, "some") || W(j, "roughly") ||
        W(j, "around") || W(j, "just") || W(j, "only") || W(j, "over")) {
      ++j;
    } else if ((W(j, "more") || W(j, "less")) && W(j + 1, "than")) {
      j += 2;
    }
    int count;
    size_t u = Number(j, true, &count);
    if (u == kNone) return false;
    if (P(u, '-')) return false;
    bool plural;
    Unit unit = UnitOf(u, &plural);
    if (unit == Unit::kNone) return false;
    size_t k = u + 1;
    bool ago = W(k, "ago") || (W(k, "from") && W(k + 1, "now"));
    bool later = W(k, "later") || W(k, "earlier") || W(k, "before") || W(k, "after");
    if (!ago && !later) return false;
    int sign = W(k, "ago") || W(k, "earlier") || W(k, "before") ? -1 : 1;
    if ((W(k, "before") || W(k, "after")) && !(P(k + 1, '.') || P(k + 1, ',') || P(k + 1, ';') ||
                                                k + 1 >= n())) {
      return false;  // "two days after the attack": the anchor is an event; Duration tags it
    }
    size_t end = W(k, "from") ? k + 2 : k + 1;
    Date base = ago ? dct_ : ref_;
    m->begin = i;
    m->end = end;
    m->type = TimexType::kDate;
    if (count < 0) {
      if (!ago) {
        // "a few days later": TimeML tags the vague length, "later" is its signal.
        m->end = u + 1;
        m->type = TimexType::kDuration;
        SetDuration(&m->value, -1, unit);
        return true;
      }
      m->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
      return true;
    }
    long delta = static_cast<long>(count) * sign;
    // "a year earlier" next to a quarter compares with that quarter a year before.
    if (unit == Unit::kYear && count == 1 && last_quarter_ && !longer_period_) {
      m->value.SetYear(last_quarter_year_ - 1) += "-Q";
      m->value.AppendNum(last_quarter_);
      return true;
    }
    switch (unit) {
      case Unit::kSecond:
      case Unit::kMinute:
      case Unit::kHour:
      case Unit::kDay: {
        long days = unit == Unit::kDay ? delta : 0;
        Date d = AddDays(base, days);
        SetDayValue(d, m);
        return true;
      }
      case Unit::kWeek:
        if (base.known()) {
          m->value.SetWeek(AddDays(base, 7 * delta));
        } else {
          m->value = "XXXX-WXX";
        }
        return true;
      case Unit::kMonth: {
        if (!base.known()) { m->value = "XXXX-XX"; return true; }
        Date d = AddMonths(base, static_cast<int>(delta));
        m->value.SetMonth(d.year, d.month);
        return true;
      }
      case Unit::kQuarter: {
        if (!base.known()) { m->value = "XXXX-QX"; return true; }
        long q = base.year * 4L + (base.month - 1) / 3 + delta;
        m->value = FormatYear(static_cast<int>(q / 4)) + "-Q" + Num(static_cast<int>(q % 4) + 1);
        return true;
      }
      case Unit::kYear:
        if (base.year) {
          m->value.SetYear(base.year + static_cast<int>(delta));
        } else {
          m->value = "XXXX";
        }
        return true;
      case Unit::kDecade:
        if (base.year) {
          m->value.SetYear(base.year + static_cast<int>(delta) * 10);
        } else {
          m->value = "XXXX";
        }
        return true;
      case Unit::kCentury:
        m->value = base.year ? Num((base.year + static_cast<int>(delta) * 100) / 100, 2) : "XX";
        return true;
      case Unit::kNone:
        break;
    }
    return false;
  }

  // "for three days" (span "three days"), "the last 24 hours", "two years", "a five-year plan"
  // ("five-year"), "the first nine months", "for years", "several weeks".
  bool Duration(size_t i, Match* m) const {
    size_t j = i;
    bool the = false;
    int count;
    if (W(j, "the")) {
      the = true;
      ++j;
    }
    if (W(j, "past") || W(j, "last") || W(j, "next") || W(j, "first") || W(j, "coming") ||
        W(j, "previous") || W(j, "following") || W(j, "final") || W(j, "remaining") ||
        W(j, "latest") || W(j, "preceding")) {
      ++j;
    } else if (the && (W(j, "full") || W(j, "fiscal")) && W(j + 1, "year") &&
               !(P(j + 2, '-') || W(j + 2, "s") || W(j + 2, "ended") || W(j + 2, "ending") ||
                 Year(j + 2, &count) != kNone)) {
      // "for the full year" is the current year; "the fiscal year" the period reported on.
      m->begin = i;
      m->end = j + 2;
      if (W(j, "full") && dct_.year) {
        m->type = TimexType::kDate;
        m->value.SetYear(dct_.year);
      } else {
        m->type = TimexType::kDuration;
        m->value = "P1Y";
      }
      return true;
    } else if (the && W(j, "year") && !(P(j + 1, '-') || W(j + 1, "s") || Year(j + 1, &count) != kNone)) {
      // "the year ended Sept. 30" is a reporting period, a one-year duration; otherwise "the
      // year" ("for the year", "by the end of the year", "earlier in the year") is the
      // anchor's year.
      m->begin = i;
      m->end = j + 1;
      if (W(j + 1, "ended") || W(j + 1, "ending") || dct_.year == 0) {
        m->type = TimexType::kDuration;
        m->value = "P1Y";
      } else {
        m->type = TimexType::kDate;
        m->value.SetYear(dct_.year);
      }
      return true;
    } else if (the && !(IsNum(j) || NumWord(j))) {
      return false;
    }
    if (!the && j == i) {
      if (W(j, "about") || W(j, "nearly") || W(j, "almost") || W(j, "roughly") ||
          W(j, "around") || W(j, "some") || W(j, "over")) {
        if (!(W(j, "some") && UnitOf(j + 1, &the) != Unit::kNone)) ++j;
      } else if ((W(j, "more") || W(j, "less")) && W(j + 1, "than")) {
        j += 2;
      } else if (W(j, "up") && W(j + 1, "to")) {
        j += 2;
      } else if (W(j, "at") && (W(j + 1, "least") || W(j + 1, "most"))) {
        j += 2;  // "at least 30 days": TimeBank keeps the qualifier in the span
      }
    }
    size_t u = Number(j, true, &count);
    bool bare = false;
    if (u == kNone) {
      // Only "day-long" and "for years" shapes are left: a time word with a hyphen after or a
      // preposition before.
      if (j != i || !(ReadingOf(i).cls & kTimeWord) ||
          !(P(i + 1, '-') ||
            (i > 0 && (W(i - 1, "for") || W(i - 1, "within") || W(i - 1, "in"))))) {
        return false;
      }
      bool plural;
      Unit unit = UnitOf(i, &plural);
      if (unit == Unit::kNone || unit == Unit::kQuarter) return false;
      // "a decades-long feud", "a day-long meeting": the unit as an adjective of length.
      if (P(i + 1, '-') && Glued(i + 1) && W(i + 2, "long") && Glued(i + 2)) {
        m->begin = i;
        m->end = i + 3;
        m->type = TimexType::kDuration;
        SetDuration(&m->value, plural ? -1 : 1, unit);
        return true;
      }
      // "for years", "for months", "the first time in years": vague durations.
      if (i > 0 && (W(i - 1, "for") || W(i - 1, "within") || W(i - 1, "in"))) {
        if (!plural || unit == Unit::kSecond) return false;
        if (W(i - 1, "in") && unit != Unit::kYear && unit != Unit::kDecade) return false;
        m->begin = i;
        m->end = i + 1;
        m->type = TimexType::kDuration;
        SetDuration(&m->value, -1, unit);
        return true;
      }
      return false;
    }
    (void)bare;
    // "2 1/2 years": the count and a half.
    bool half = false;
    if (IsNum(j) && IsNum(u) && num_[u] == 1 && P(u + 1, '/') && Glued(u + 1) &&
        IsNum(u + 2) && Glued(u + 2) && num_[u + 2] == 2 && Word(u + 3)) {
      bool pl;
      if (!HalfUnit(UnitOf(u + 3, &pl)).empty()) {
        half = true;
        u += 3;
      }
    }
    // "two more weeks", "an additional year", "eight trading days": a word between the count
    // and its unit that does not change the length.
    if (Word(u) && !(ReadingOf(u).cls & kTimeWord) && Word(u + 1) &&
        (ReadingOf(u + 1).cls & kTimeWord) && (W(u, "more") || W(u, "additional") || W(u, "extra") ||
         ((W(u, "trading") || W(u, "business") || W(u, "working")) &&
          (W(u + 1, "day") || W(u + 1, "days")))) &&
        UnitOf(u + 1, &plural_) != Unit::kNone) {
      ++u;
    }
    bool hyphen = false;
    if (P(u, '-') && Glued(u) && Glued(u + 1)) {
      hyphen = true;
      ++u;
    }
    bool plural;
    Unit unit = UnitOf(u, &plural);
    if (unit == Unit::kNone || QuotedTitle(i, u)) return false;
    bool article = W(j, "a") || W(j, "an");
    if (article && unit == Unit::kSecond && !plural) return false;  // "a second attack"
    if (article && unit == Unit::kQuarter) return false;             // "a quarter of"
    if (P(u + 1, '-') && Glued(u + 1) && (W(u + 2, "earlier") || W(u + 2, "ago"))) return false;
    if (W(j, "some") && !plural) return false;
    if (!plural && !hyphen && count > 1 && !IsNum(j) && unit == Unit::kSecond) return false;
    if (unit == Unit::kQuarter && !plural && !hyphen) return false;
    if (count == 1 && plural) return false;
    size_t k = u + 1;
    // Ages: "a 12-year-old", "five years old".
    if ((P(k, '-') && W(k + 1, "old")) || W(k, "old")) return false;
    // "three-quarters of the food", "two quarters of the vote": fractions, not periods.
    if (unit == Unit::kQuarter && count > 0 && W(k, "of") &&
        (hyphen || W(k + 1, "the") || W(k + 1, "its") || W(k + 1, "their") || W(k + 1, "all"))) {
      return false;
    }
    // "a 90-minute-long speech"; in "a week-long strike" the span is "week-long" (tried at
    // "week").
    if (P(k, '-') && Glued(k) && W(k + 1, "long") && Glued(k + 1)) {
      if (article) return false;
      k += 2;
    }
    if (IsNum(j) && i > 0 && P(i - 1, '$')) return false;
    // "an hour and a half": half of the unit more, where a smaller unit can say it.
    if (!half && W(k, "and") && W(k + 1, "a") && W(k + 2, "half") && count > 0 &&
        !HalfUnit(unit).empty()) {
      half = true;
      k += 3;
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDuration;
    SetDuration(&m->value, count, unit);
    if (half && count >= 0) m->value += HalfUnit(unit);
    return true;
  }

  // "every Friday", "each day", "daily", "weekly", "annually", "on Fridays", "a year" after an
  // amount ("$5 million a year").
  bool SetExpr(size_t i, Match* m) const {
    std::string_view w = Low(i);
    static constexpr struct {
      std::string_view word, value;
    } kAdverbs[] = {{"daily", "P1D"},     {"weekly", "P1W"},   {"monthly", "P1M"},
                    {"yearly", "P1Y"},    {"hourly", "PT1H"},
                    {"nightly", "P1D"},   {"biweekly", "P2W"}};
    for (const auto& a : kAdverbs) {
      if (w == a.word) {
        m->begin = i;
        m->end = i + 1;
        m->type = TimexType::kSet;
        m->value = a.value;
        return true;
      }
    }
    if (w == "every" || w == "each") {
      size_t j = i + 1;
      if (W(j, "other")) ++j;
      bool plural;
      int wd = Word(j) ? WeekdayOf(j, &plural) : 0;
      if (wd && !plural) {
        m->begin = i;
        m->end = j + 1;
        m->type = TimexType::kSet;
        m->value = "XXXX-WXX-";
        m->value.AppendNum(wd);
        std::string_view code;
        if (Word(j + 1) && IsDayPartWord(Low(j + 1), &code)) {
          m->value += code;
          ++m->end;
        }
        return true;
      }
      int count = 1;
      size_t u = j;
      size_t after_num = Number(j, false, &count);
      if (after_num != kNone && count > 1) u = after_num;
      Unit unit = UnitOf(u, &plural);
      std::string_view code;
      if (unit == Unit::kNone && Word(u) && IsDayPartWord(Low(u), &code)) {
        m->begin = i;
        m->end = u + 1;
        m->type = TimexType::kSet;
        m->value = "XXXX-XX-XX" + std::string(code);
        return true;
      }
      if (unit == Unit::kNone) return false;
      m->begin = i;
      m->end = u + 1;
      m->type = TimexType::kSet;
      SetDuration(&m->value, count * (W(i + 1, "other") ? 2 : 1), unit);
      return true;
    }
    // "on Fridays", "Tuesday nights".
    if (Word(i) && Cap(i)) {
      bool plural;
      int wd = WeekdayOf(i, &plural);
      std::string_view code;
      bool nights = W(i + 1, "nights") || W(i + 1, "mornings") || W(i + 1, "evenings");
      if (wd && (plural || nights)) {
        m->begin = i;
        m->end = i + 1;
        m->type = TimexType::kSet;
        m->value = "XXXX-WXX-";
        m->value.AppendNum(wd);
        if (nights) {
          std::string_view part = Low(i + 1);
          IsDayPartWord(part.substr(0, part.size() - 1), &code);
          m->value += code;
          m->end = i + 2;
        }
        return true;
      }
    }
    // "$5 million a year", "twice a week", "10 percent a year", "per day".
    if ((w == "a" || w == "per" || w == "an") && i > 0) {
      bool plural;
      Unit unit = UnitOf(i + 1, &plural);
      if (unit == Unit::kNone || plural || unit == Unit::kQuarter) return false;
      std::string_view prev = Low(i - 1);
      bool amount = IsNum(i - 1) || prev == "million" || prev == "billion" || prev == "percent" ||
                    prev == "times" || prev == "once" || prev == "twice" || prev == "thousand" ||
                    prev == "dollars" || prev == "hundred" || w == "per";
      if (!amount) return false;
      m->begin = i;
      m->end = i + 2;
      m->type = TimexType::kSet;
      SetDuration(&m->value, 1, unit);
      return true;
    }
    return false;
  }

  // "5am", "5:30 p.m.", "10 p.m. Wednesday", "noon", "midnight Friday", "at dawn", "0500 GMT".
  bool ClockTime(size_t i, Match* m) const {
    int hour = -1, minute = 0;
    size_t k;
    std::string part;
    if (W(i, "noon") || W(i, "midday") || W(i, "midnight")) {
      if (W(i, "noon") && i > 0 && W(i - 1, "high")) return false;  // "High Noon", the idiom
      hour = W(i, "midnight") ? 24 : 12;
      k = i + 1;
    } else if ((W(i, "dawn") || W(i, "daybreak") || W(i, "dusk") || W(i, "nightfall")) &&
               i > 0 && (W(i - 1, "at") || W(i - 1, "before") || W(i - 1, "after") ||
                         W(i - 1, "by") || W(i - 1, "until"))) {
      part = W(i, "dawn") || W(i, "daybreak") ? "TMO" : "TEV";
      k = i + 1;
    } else if (IsNum(i) && digits_[i] <= 2 && num_[i] <= 24) {
      if (i > 0 && Glued(i) && (P(i - 1, ':') || P(i - 1, '.') || IsNum(i - 1))) return false;
      hour = num_[i];
      k = i + 1;
      bool colon = false;
      if (P(k, ':') && Glued(k) && IsNum(k + 1) && Glued(k + 1) && digits_[k + 1] == 2 &&
          num_[k + 1] < 60) {
        minute = num_[k + 1];
        k += 2;
        colon = true;
      }
      // am / pm / a.m. / p.m. / o'clock
      bool pm = false, am = false;
      if (W(k, "am") || W(k, "pm")) {
        pm = W(k, "pm");
        am = !pm;
        ++k;
      } else if ((W(k, "a") || W(k, "p")) && P(k + 1, '.') && Glued(k + 1) && W(k + 2, "m") &&
                 Glued(k + 2)) {
        pm = W(k, "p");
        am = !pm;
        k += 3;
        if (P(k, '.') && Glued(k)) ++k;
      } else if (W(k, "o") && P(k + 1, '\'') && W(k + 2, "clock")) {
        k += 3;
      } else if (W(k, "in") && W(k + 1, "the") &&
                 (W(k + 2, "morning") || W(k + 2, "afternoon") || W(k + 2, "evening")) && i > 0 &&
                 (W(i - 1, "at") || W(i - 1, "around") || W(i - 1, "by") || W(i - 1, "until") ||
                  W(i - 1, "after") || W(i - 1, "before"))) {
        // "at 4 in the morning", "at 3 in the afternoon".
        pm = !W(k + 2, "morning");
        am = !pm;
        k += 3;
      } else if (colon && i > 0 &&
                 (W(i - 1, "at") || W(i - 1, "around") || W(i - 1, "by") || W(i - 1, "until") ||
                  W(i - 1, "from") || W(i - 1, "after") || W(i - 1, "before")) &&
                 hour <= 23) {
        // "at 15:30"
      } else {
        return false;
      }
      if ((am || pm) && (hour < 1 || hour > 12)) return false;
      if (pm && hour < 12) hour += 12;
      if (am && hour == 12) hour = 0;
    } else if (IsNum(i) && digits_[i] == 4 && (W(i + 1, "gmt") || W(i + 1, "utc") ||
                                                    W(i + 1, "hrs") || W(i + 1, "hours") ||
                                                    (W(i + 1, "local") && W(i + 2, "time")))) {
      hour = num_[i] / 100;
      minute = num_[i] % 100;
      if (hour > 24 || minute > 59 || !(W(i + 1, "gmt") || W(i + 1, "utc") || W(i + 1, "local"))) {
        return false;
      }
      k = i + 1;
    } else {
      return false;
    }
    // Time zone.
    if (W(k, "gmt") || W(k, "utc") || W(k, "est") || W(k, "edt") || W(k, "cst") ||
        W(k, "pst") || W(k, "cet") || W(k, "bst")) {
      ++k;
    } else if (W(k, "local") && W(k + 1, "time")) {
      k += 2;
    }
    // Day: "Wednesday", "today", "yesterday", "on Friday", ", Nov. 6".
    Date day = ref_;
    size_t d = k;
    if (P(d, ',')) ++d;
    if (W(d, "on")) ++d;
    Match dm;
    if (W(d, "today") || W(d, "yesterday") || W(d, "tomorrow") || W(d, "tonight")) {
      day = DctPlus(W(d, "yesterday") ? -1 : W(d, "tomorrow") ? 1 : 0);
      k = d + 1;
    } else if (d < n()) {
      // The tense cue of "will leave at 4 a.m. Thursday" is read before the clock time.
      tense_at_ = i;
      bool dated = WeekdayDate(d, &dm) || MonthDate(d, &dm);
      tense_at_ = kNone;
      if (dated && dm.day.known() && dm.value.view().find('T') == std::string_view::npos &&
          dm.begin == d) {
        day = dm.day;
        k = dm.end;
      }
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kTime;
    m->value.SetDay(day);
    if (!part.empty()) {
      m->value += part;
    } else {
      m->value += "T";
      m->value.AppendNum(hour, 2) += ":";
      m->value.AppendNum(minute, 2);
    }
    return true;
  }

  // "the third quarter", "third-quarter", "the fourth quarter of 2023", "the first half",
  // "the quarter", "the year-earlier quarter", "Q3".
  bool QuarterExpr(size_t i, Match* m) {
    size_t j = i;
    bool the = false;
    if (W(j, "the")) {
      the = true;
      ++j;
    }
    bool year_ago = false;
    int explicit_year = 0;
    if (W(j, "year") && P(j + 1, '-') && (W(j + 2, "earlier") || W(j + 2, "ago"))) {
      year_ago = true;
      j += 3;
    }
    if ((W(j, "this") || W(j, "last") || W(j, "next")) && W(j + 1, "year") && P(j + 2, '\'') &&
        W(j + 3, "s")) {
      explicit_year = dct_.year ? dct_.year + (W(j, "last") ? -1 : W(j, "next") ? 1 : 0) : -1;
      j += 4;
    }
    if (W(j, "fiscal")) ++j;
    int y2;
    size_t ye = Year(j, &y2);
    if (ye != kNone && P(ye, '\'') && W(ye + 1, "s")) ye += 2;
    if (ye != kNone && (W(ye, "first") || W(ye, "second") || W(ye, "third") || W(ye, "fourth") ||
                        (the && W(ye, "quarter") && !P(ye + 1, '-')))) {
      explicit_year = y2;
      j = ye;
    }
    int q = 0;
    bool half = false;
    bool latest = false;
    size_t u;
    int ord = OrdinalWord(Low(j));
    if (the && W(j, "last") && W(j + 1, "half") && W(j + 2, "of") &&
        Year(j + 3, &year_scratch_) != kNone) {
      ord = 2;  // "the last half of 1989"
    }
    if (ord) {
      u = j + 1;
    } else if (IsNum(j) && num_[j] >= 1 && num_[j] <= 4 && Word(j + 1) &&
               Glued(j + 1)) {
      ord = num_[j];
      u = j + 2;
    } else if (explicit_year > 0 && W(j, "quarter") && !P(j + 1, '-')) {
      // "the 1988 quarter", "last year's quarter": the quarter under discussion, in that year.
      latest = true;
      u = j;
    } else if (the &&
               (W(j, "latest") || W(j, "current") || W(j, "recent") || W(j, "same") ||
                W(j, "quarter")) &&
               !(W(j, "quarter") && P(j + 1, '-'))) {
      latest = true;
      u = W(j, "quarter") ? j : j + 1;
    } else if (year_ago) {
      latest = true;
      u = j;
    } else {
      return false;
    }
    if (P(u, '-') && Glued(u)) ++u;
    if (W(u, "quarter")) {
      q = ord;
    } else if (W(u, "half") && ord >= 1 && ord <= 2) {
      half = true;
      q = ord;
    } else if (!ord && W(u, "period") && (year_ago || W(j, "latest"))) {
      // "the latest period" in earnings reports is the latest quarter.
      latest = true;
    } else if (year_ago && !ord && j == u) {
      // bare "year-earlier"/"year-ago" adjective: the prior-year period.
      m->begin = i + (the ? 1 : 0);
      m->end = u;
      m->type = TimexType::kDate;
      if (last_quarter_ && !longer_period_) {
        m->value.SetYear(last_quarter_year_ - 1) += "-Q";
        m->value.AppendNum(last_quarter_);
      } else {
        if (dct_.year) {
          m->value.SetYear(dct_.year - 1);
        } else {
          m->value = "XXXX";
        }
      }
      if (the) --m->begin;
      return true;
    } else {
      return false;
    }
    if (ord > 4) return false;
    size_t k = u + 1;
    int year = explicit_year;
    if (!year) {
      if (W(k, "of") || P(k, ',')) {
        int yy;
        size_t e = Year(k + 1, &yy);
        if (e != kNone) {
          year = yy;
          k = e;
        } else if ((W(k + 1, "this") || W(k + 1, "last") || W(k + 1, "next")) &&
                   W(k + 2, "year")) {
          year = dct_.year ? dct_.year + (W(k + 1, "last") ? -1 : W(k + 1, "next") ? 1 : 0) : -1;
          k += 3;
        }
      }
    }
    // Built in m's value (no return before the match).
    ValueText& value = m->value;
    if (latest) {
      if (dct_.year == 0 && !last_quarter_) {
        value = "XXXX-QX";
      } else {
        int yq = last_quarter_year_, qq = last_quarter_;
        if (!qq) {
          // The last completed quarter before publication.
          qq = (dct_.month - 1) / 3;
          yq = dct_.year;
          if (qq == 0) { qq = 4; --yq; }
        }
        if (year_ago) --yq;
        if (explicit_year > 0) yq = explicit_year;
        value.SetYear(yq) += "-Q";
        value.AppendNum(qq);
        q = qq;
        year = yq;
      }
    } else {
      if (!year && dct_.year && !half) {
        // A quarter that starts more than four months after publication is last year's: "the
        // fourth quarter" in a January report; "the second quarter" then is the coming one.
        long start = DaysFromCivil(dct_.year, 3 * q - 2, 1);
        year = start - dct_days_ > 120 ? dct_.year - 1
                                                                            : dct_.year;
      }
      if (!year) year = dct_.year ? dct_.year : -1;
      if (year_ago && year > 0) --year;
      value.SetYear(year > 0 ? year : 0) += half ? "-H" : "-Q";
      value.AppendNum(q);
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    if (!half && q && year > 0 && !year_ago) {
      m->quarter = q;
      m->quarter_year = year;
    }
    return true;
  }

  // Matches the holiday name `words` at token i; returns the index after it or kNone.
  size_t HolidayName(size_t i, std::string_view words) const {
    size_t k = i;
    while (!words.empty()) {
      size_t sp = words.find(' ');
      std::string_view piece = words.substr(0, sp);
      words = sp == std::string_view::npos ? std::string_view() : words.substr(sp + 1);
      if (piece == "'s") {
        if (!(P(k, '\'') && W(k + 1, "s"))) return kNone;
        k += 2;
      } else {
        if (!W(k, piece)) return kNone;
        ++k;
      }
    }
    return k;
  }

  static Date HolidayIn(const Holiday& h, int year) {
    if (h.month == 0) return AddDays(EasterSunday(year), h.easter_offset);
    if (h.day) return Date{year, h.month, h.day};
    return NthWeekday(year, h.month, h.nth, h.weekday);
  }

  // "Thanksgiving Day", "Christmas", "last Christmas", "Easter 1998", "New Year's Eve".
  bool HolidayDate(size_t i, Match* m) const {
    size_t j = i;
    int rel = 0;
    if (W(j, "last") || W(j, "next") || W(j, "this")) {
      rel = W(j, "last") ? -1 : W(j, "next") ? 1 : 2;
      ++j;
    }
    // Every holiday name begins with a time word or kStarter word (timex_lexer_test checks).
    if (!Word(j) || !Cap(j) || ReadingOf(j).cls == 0) return false;
    size_t count;
    const Holiday* table = Holidays(&count);
    // The first word of each name, split once: most words tried here ("The", "Friday") begin
    // no name, and HolidayName would split every name to find out.
    static const std::vector<std::string_view> kFirstWords = [] {
      size_t n;
      const Holiday* names = Holidays(&n);
      std::vector<std::string_view> first;
      for (size_t h = 0; h < n; ++h) {
        first.push_back(names[h].words.substr(0, names[h].words.find(' ')));
      }
      return first;
    }();
    const std::string_view first = Low(j);
    const Holiday* found = nullptr;
    size_t k = kNone;
    for (size_t h = 0; h < count && !found; ++h) {
      if (kFirstWords[h] != first) continue;
      k = HolidayName(j, table[h].words);
      if (k != kNone) found = &table[h];
    }
    if (!found) return false;
    // "Christmas tree", "Easter egg": a lowercase noun right after the name is a compound.
    if (Word(k) && !Cap(k) && (Low(k) == "tree" || Low(k) == "egg" || Low(k) == "eggs" ||
                                      Low(k) == "card" || Low(k) == "cards" ||
                                      Low(k) == "island" || Low(k) == "dinner")) {
      return false;
    }
    int year = 0;
    size_t yk = W(k, "of") || P(k, ',') ? k + 1 : k;
    size_t ye = rel == 0 ? Year(yk, &year) : kNone;
    Date d;
    if (ye != kNone) {
      d = HolidayIn(*found, year);
      k = ye;
    } else if (dct_.known()) {
      const long anchor = dct_days_;
      Date prev = HolidayIn(*found, dct_.year);
      if (!prev.known() || DaysFromCivil(prev.year, prev.month, prev.day) > anchor) {
        prev = HolidayIn(*found, dct_.year - 1);
      }
      Date next = HolidayIn(*found, dct_.year);
      if (!next.known() || DaysFromCivil(next.year, next.month, next.day) < anchor) {
        next = HolidayIn(*found, dct_.year + 1);
      }
      bool same_day = prev.known() && DaysFromCivil(prev.year, prev.month, prev.day) == anchor;
      if (rel == -1) {
        d = same_day ? HolidayIn(*found, dct_.year - 1) : prev;
      } else if (rel == 1) {
        d = same_day ? HolidayIn(*found, dct_.year + 1) : next;
      } else if (rel == 2) {
        d = HolidayIn(*found, dct_.year);
      } else {
        d = FutureClause(j) ? next : prev;
      }
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    if (d.known()) {
      SetDayValue(d, m);
    } else if (found->month && found->day) {
      m->value = "XXXX-" + Num(found->month, 2) + "-" + Num(found->day, 2);
    } else {
      m->value = "XXXX-XX-XX";
    }
    return true;
  }

  // "now", "currently", "recently", "the past", "the future", "soon", "in recent years".
  bool RefWord(size_t i, Match* m) const {
    std::string_view w = Low(i);
    std::string_view value;
    size_t k = i + 1;
    if (w == "now" || w == "currently" || w == "presently" || w == "nowadays") {
      if (w == "now" && i > 0 && P(i - 1, '-')) return false;
      // "Now, ..." opening a sentence is a discourse marker, not a time.
      if (w == "now" && P(i + 1, ',') &&
          (i == 0 || P(i - 1, '.') || P(i - 1, '\n') || P(i - 1, '!') || P(i - 1, '?') ||
           P(i - 1, '"'))) {
        return false;
      }
      value = "PRESENT_REF";
    } else if (w == "current" && !W(i + 1, "account") && !W(i + 1, "accounts") &&
               !W(i + 1, "affairs") && !W(i + 1, "events") && !(i > 0 && W(i - 1, "electric"))) {
      value = "PRESENT_REF";
    } else if (w == "recently" || w == "lately") {
      value = "PAST_REF";
    } else if (w == "recent" && (W(i + 1, "years") || W(i + 1, "decades"))) {
      ++k;
      value = "PAST_REF";
    } else if (w == "recent" && (W(i + 1, "months") || W(i + 1, "weeks") || W(i + 1, "days"))) {
      // "in recent weeks": TimeBank reads these as vague durations.
      bool plural;
      m->begin = i;
      m->end = i + 2;
      m->type = TimexType::kDuration;
      SetDuration(&m->value, -1, UnitOf(i + 1, &plural));
      return true;
    } else if (w == "soon" && i > 0 && !W(i - 1, "as") && !W(i - 1, "was") && !W(i - 1, "were") &&
               !W(i - 1, "had") && !W(i - 1, "been") && !W(i + 1, "after") &&
               !W(i + 1, "afterwards") && !W(i + 1, "thereafter")) {
      // "will soon move", "strike again soon". Bare adjectives "recent"/"future" and the adverb
      // "previously" are left out: TimeBank tags them too rarely to pay off.
      value = "FUTURE_REF";
    } else if (w == "the" && W(i + 1, "near") && W(i + 2, "future")) {
      value = "FUTURE_REF";
      k = i + 3;
    } else if (w == "the" && (W(i + 1, "near") || W(i + 1, "short")) && W(i + 2, "term") &&
               !P(i + 3, '-')) {
      // "in the near term", "over the short term" (TimeML: FUTURE_REF).
      value = "FUTURE_REF";
      k = i + 3;
    } else if (w == "the" && W(i + 1, "future") && (W(i + 2, "of") || (i > 0 && W(i - 1, "to")))) {
      // "the future of the talks", "an approach to the future": the noun, not a time.
      return false;
    } else if (w == "the" && (W(i + 1, "past") || W(i + 1, "future")) && !IsNum(i + 2) &&
               !NumWord(i + 2) && !W(i + 2, "few") && !W(i + 2, "several") &&
               UnitOf(i + 2, &plural_) == Unit::kNone && SeasonCode(Low(i + 2)).empty() &&
               !W(i + 2, "weekend")) {
      value = W(i + 1, "past") ? "PAST_REF" : "FUTURE_REF";
      k = i + 2;
    } else if (w == "at" && W(i + 1, "present")) {
      value = "PRESENT_REF";
      k = i + 2;
    } else if (w == "these" && W(i + 1, "days")) {
      value = "PRESENT_REF";
      k = i + 2;
    } else {
      return false;
    }
    m->begin = i;
    m->end = k;
    m->type = TimexType::kDate;
    m->value = value;
    return true;
  }

  std::string_view text_;
  std::string& lowered_;
  const WordFacts* facts_ = nullptr;  // by TokenTable::word; null on the reference path
  const GateSpread* gates_ = nullptr;  // the same (with facts_)
  // The columns of the TokenTable (the scanner's buffers).
  size_t n_ = 0;
  const uint32_t* begin_ = nullptr;
  const uint8_t* first_ = nullptr;
  const uint32_t* end_ = nullptr;
  const TokenTable::Reading* reading_ = nullptr;
  const int32_t* num_ = nullptr;
  const uint8_t* digits_ = nullptr;
  std::span<const uint32_t> candidates_;  // indexes of the candidate tokens, in order
  const uint32_t* time_words_ = nullptr;  // indexes of the time-word tokens, then UINT32_MAX
  const uint8_t* gate_ = nullptr;         // GateAt's table (BuildGate), fast path only
  const char* low_ = nullptr;  // lowered_.data()
  Date dct_;
  long dct_days_ = 0;  // DaysFromCivil of dct_ when it is known: the matchers count from it often
  int dct_month_days_ = 0;  // DaysInMonth of dct_ when it is known (DctPlus)
  Date ref_;
  Date ref_month_;               // the last month a DATE/TIME value named (day 1), initially dct_'s
  size_t last_day_end_ = kNone;  // token after the last one-day value, and that day
  Date last_day_;
  int ref_year_ = 0;  // the year of the last DATE/TIME value with one (initially dct_'s)
  int last_quarter_year_ = 0;
  int last_quarter_ = 0;
  // The last reporting period named after the last quarter is longer ("the nine months", "the
  // first half"): "a year earlier" then compares with the year, not with that quarter.
  bool longer_period_ = false;
  mutable bool plural_ = false;  // scratch for UnitWord in conditions
  // Where FutureClause looks back from while a clock time resolves its weekday (kNone: the
  // weekday itself).
  mutable size_t tense_at_ = kNone;
  mutable int year_scratch_ = 0;
};

class TimexStage final : public Stage {
 public:
  std::string_view name() const override { return "timex"; }
  Status Run(Document& doc) const override {
    AnnotateTimex(doc);
    return Status::Ok();
  }
};

}  // namespace
}  // namespace timex

const char* TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::vector<Timex> FindTimex(std::string_view text, std::string_view anchor) {
  thread_local timex::ScanBuffers buffers;
  timex::Scanner scanner(text, anchor, &buffers);
  return scanner.Run();
}

namespace timex {
std::vector<Timex> FindTimexReference(std::string_view text, std::string_view anchor) {
  ScanBuffers buffers;
  Scanner scanner(text, anchor, &buffers, /*reference=*/true);
  return scanner.Run();
}
}  // namespace timex

void AnnotateTimex(Document& doc) { doc.timex = FindTimex(doc.text, doc.published); }

std::unique_ptr<Stage> MakeTimexStage() { return std::make_unique<timex::TimexStage>(); }

}  // namespace sitrep
