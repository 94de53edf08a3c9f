#include "trigger/historical.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

namespace sitrep::trigger {
namespace {

// ASCII lower case of `w` into `buf` (the program runs in the "C" locale, where tolower maps
// only A-Z); empty when `w` is longer than N, which no word compared with here is.
template <size_t N>
std::string_view LowerInto(std::string_view w, char (&buf)[N]) {
  if (w.size() > N) return {};
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return std::string_view(buf, w.size());
}

// Bit c - 'A' for each capital letter c in `letters`.
constexpr uint32_t CapitalBits(std::string_view letters) {
  uint32_t bits = 0;
  for (char c : letters) bits |= 1u << (c - 'A');
  return bits;
}

// Could `word` be a month name: 3 to 10 bytes starting with a capital some month begins with?
// One bit test rejects most words before MonthNumber's compares.
inline bool MayBeMonth(std::string_view word) {
  constexpr uint32_t kMonthInitials = CapitalBits("ADFJMNOS");
  const unsigned first = static_cast<unsigned char>(word.empty() ? 0 : word[0]) - 'A';
  return word.size() >= 3 && word.size() <= 10 && first < 26 && (kMonthInitials >> first & 1);
}

int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!MayBeMonth(word)) return 0;
  char buf[10];  // "september."
  std::string_view lower = LowerInto(word, buf);
  if (lower.empty()) return 0;
  if (lower.back() == '.') lower.remove_suffix(1);
  static constexpr std::string_view kFull[] = {"january", "february", "march",     "april",
                                               "may",     "june",     "july",      "august",
                                               "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (lower == kFull[m] || lower == kMonths[m] || (m == 8 && lower == "sept")) return m + 1;
  }
  return 0;
}

// Weight of one date relative to the publication date.
float Weigh(YearMonth date, YearMonth pub) {
  if (!date.known() || !pub.known()) return 0;
  if (date.month == 0) {
    if (date.year < pub.year) return 1;
    return 0;
  }
  int pub_month = pub.month == 0 ? 12 : pub.month;
  int before = (pub.year * 12 + pub_month) - (date.year * 12 + date.month);
  if (before >= 10) return 1;
  if (before >= 0 && before <= 2) return -0.6f;
  return 0;
}

bool IsClauseWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "who",       "whom",         "which",        "whose",      "since",    "following",
      "over",      "about",        "against",      "involved",   "demanding", "anniversary",
      "commemorate", "commemorating", "commemoration", "memory",  "marking",  "for"};
  // The letters the words begin with, either case (a c d f i m o s w), and their lengths (3 to
  // 13): most words fail these before being lower-cased and compared.
  constexpr uint32_t kInitials = CapitalBits("ACDFIMOSW");
  const unsigned first = static_cast<unsigned char>(w.empty() ? 0 : w[0] & ~0x20) - 'A';
  if (w.size() < 3 || w.size() > 13 || first >= 26 || !(kInitials >> first & 1)) return false;
  char buf[13];  // "commemorating"
  const std::string_view lower = LowerInto(w, buf);
  if (lower.empty()) return false;
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

}  // namespace

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAsciiByte(c);
  return out;
}

YearMonth ParseYearMonth(std::string_view value) {
  YearMonth ym;
  if (value.size() < 4) return ym;
  for (int i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return ym;
  }
  ym.year =
      (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  if (value.size() >= 7 && value[4] == '-' && std::isdigit(static_cast<unsigned char>(value[5])) &&
      std::isdigit(static_cast<unsigned char>(value[6]))) {
    int m = (value[5] - '0') * 10 + (value[6] - '0');
    if (m >= 1 && m <= 12) ym.month = m;
  }
  return ym;
}

namespace {

// "2000 protesters, including...", "about 2000 people": a four-digit number that opens the
// sentence or follows an approximation word, before a lower-case word, counts people; it is no
// year ("the 2014 insurrection", "in 2012 demonstrated" are).
bool IsHeadcount(const Document& doc, const Sentence& s, uint32_t t) {
  if (t + 1 >= s.token_end || doc.tokens[t + 1].kind != TokenKind::kWord) return false;
  const std::string_view next = doc.Slice(doc.tokens[t + 1].span);
  if (next.empty() || next[0] < 'a' || next[0] > 'z') return false;
  if (t == s.token_begin) return true;
  static constexpr std::string_view kApproximations[] = {
      "about", "around", "some", "nearly", "almost", "approximately", "over", "than", "least"};
  std::string before(doc.Slice(doc.tokens[t - 1].span));
  for (char& c : before) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return std::find(std::begin(kApproximations), std::end(kApproximations), before) !=
         std::end(kApproximations);
}

}  // namespace

float DateHistoryWeight(const Document& doc, const Sentence& s, YearMonth pub, uint32_t cue_end,
                        uint32_t cue_begin, bool word_before_cue_is_plain) {
  if (!pub.known()) return 0;
  float best_pos = 0, best_neg = 0;
  // The first clause word after the cue: old dates past it belong to another clause.
  uint32_t clause = UINT32_MAX;
  for (uint32_t t = std::max(cue_end, s.token_begin); t < s.token_end && cue_end != UINT32_MAX;
       ++t) {
    if (IsClauseWord(doc.Slice(doc.tokens[t].span))) {
      clause = doc.tokens[t].span.begin;
      break;
    }
  }
  auto take_at = [&](float w, uint32_t at) {
    if (w > 0 && at > clause) return;
    best_pos = std::max(best_pos, w);
    best_neg = std::min(best_neg, w);
  };
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    const Token& tok = doc.tokens[t];
    std::string_view text = doc.Slice(tok.span);
    // A month with a day and no year ("On May 9,") is in the publication year.
    // (MayBeMonth inline first: most tokens are no month.)
    if (int m = MayBeMonth(text) ? MonthNumber(text) : 0;
        m != 0 && text != "May" && text != "March") {
      bool day = (t > s.token_begin && doc.tokens[t - 1].kind == TokenKind::kNumber) ||
                 (t + 1 < s.token_end && doc.tokens[t + 1].kind == TokenKind::kNumber &&
                  doc.tokens[t + 1].span.size() <= 2);
      bool year = false;
      for (uint32_t k = t + 1; k < std::min(t + 4, s.token_end); ++k) {
        year = year || (doc.tokens[k].kind == TokenKind::kNumber && doc.tokens[k].span.size() == 4);
      }
      if (day && !year) take_at(Weigh({pub.year, m}, pub), tok.span.begin);
    }
    if (tok.kind != TokenKind::kNumber || tok.span.size() != 4) continue;
    YearMonth ym = ParseYearMonth(text);
    if (ym.year < 1900 || ym.year > 2100) continue;
    if (IsHeadcount(doc, s, t)) continue;
    for (uint32_t back = 1; back <= 3 && t >= s.token_begin + back; ++back) {
      int m = MonthNumber(doc.Slice(doc.tokens[t - back].span));
      if (m != 0) {
        ym.month = m;
        break;
      }
    }
    take_at(Weigh(ym, pub), tok.span.begin);
  }
  // From the sentence's first temporal expression on.
  for (const Timex& x : doc.TimexFrom(s.span.begin)) {
    if (x.span.begin > s.span.end) break;
    if (x.span.end > s.span.end) continue;
    if (x.type != TimexType::kDate) continue;
    if (x.value == "PRESENT_REF") {
      take_at(-0.6f, x.span.begin);
      continue;
    }
    // "after last year's mutinies": a possessive date dates the noun after it, not the sentence
    // (PossessiveDatesCue). Opening the sentence, it dates its subject, which the verbs tell of
    // ("Last year's attack killed ten soldiers").
    const std::string_view after = std::string_view(doc.text).substr(x.span.end);
    if (cue_begin != UINT32_MAX && x.span.begin > s.span.begin &&
        (after.starts_with("'s") || after.starts_with("\u2019s"))) {
      const auto noun = static_cast<uint32_t>(
          doc.FirstTokenFrom(x.span.end + (after[0] == '\'' ? 2 : 4)) - doc.tokens.begin());
      if (!PossessiveDatesCue(noun, cue_begin, word_before_cue_is_plain)) continue;
    }
    take_at(Weigh(ParseYearMonth(x.value), pub), x.span.begin);
  }
  // An explicit recent date makes the sentence news even when it also names an old one
  // ("On 28 January, teachers protested against an accord signed in 2018").
  if (best_neg < 0) return best_neg - (best_pos > 0 ? 0.5f : 0.0f);
  return best_pos;
}

}  // namespace sitrep::trigger
