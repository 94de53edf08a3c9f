// Sentence splitter over tokens. A sentence ends after token k when
//   1. a line break ('\n' or '\r') lies between token k and k+1 (headlines, list items), or
//   2. token k is terminal (". ! ? … 。 ؟ ۔" runs, or a dotted word like "U.S."), optionally
//      followed by closing quotes/brackets glued to it, then whitespace, and the next token
//      does not start with a lowercase ASCII letter or , ; : ) ] } — and the period is not an
//      abbreviation's:
//      - titles and "never final" abbreviations (Gen. Lt. Col. Mr. Dr. e.g. i.e. vs. approx.):
//        never a boundary;
//      - "No. Art. Vol. Fig. p. pp.": a boundary unless a number follows ("No. 5");
//      - other abbreviations (U.S. U.N. a.m. Jan. Inc. Jr. St.) and single capital initials
//        ("John F. Kennedy", the "W." of "D-W. Va."): a boundary only when the next word is a
//        common sentence starter
//        ("in the U.S. The ..." splits; "U.S. Army" does not).
#include <algorithm>
#include <array>
#include <string_view>

#include "sitrep/text.h"

namespace sitrep {
namespace {

enum class Abbrev { kNone, kNever, kBeforeNumber, kStarterRule };

constexpr std::array<std::string_view, 44> kNeverFinal = {
    "Mr",  "Mrs", "Ms",   "Dr",   "Gen",  "Lt",    "Col",    "Sgt",  "Capt",   "Maj",    "Cpl",
    "Pvt", "Adm", "Brig", "Cmdr", "Cdr",  "Gov",   "Sen",    "Rep",  "Rev",    "Prof",   "Pres",
    "Hon", "Fr",  "Insp", "Supt", "Det",  "Lieut", "Messrs", "Mme",  "approx", "Approx", "vs",
    "v",   "cf",  "viz",  "incl", "e.g.", "i.e.",  "E.g.",   "I.e.", "Sec",    "Gens",   "Cols"};
constexpr std::array<std::string_view, 7> kBeforeNumber = {"No",  "Nos", "Art", "Vol",
                                                           "Fig", "p",   "pp"};
constexpr std::array<std::string_view, 25> kStarterRule = {
    "Jan", "Feb", "Mar",  "Apr",  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Ltd", "Co",  "Corp", "Bros", "Jr",  "Sr",  "St",  "Mt",  "Ft",   "etc", "est", "Ave"};
// Capitalized words that commonly open a sentence but rarely follow an abbreviation mid-sentence.
constexpr std::array<std::string_view, 52> kStarters = {
    "The",      "A",         "An",      "He",        "She",     "It",    "They", "We",
    "I",        "You",       "His",     "Her",       "Its",     "Their", "Our",  "This",
    "That",     "These",     "Those",   "There",     "Here",    "But",   "And",  "Or",
    "Yet",      "So",        "However", "Meanwhile", "Also",    "In",    "On",   "At",
    "After",    "Before",    "During",  "Since",     "When",    "While", "If",   "As",
    "Although", "Some",      "Many",    "Most",      "Several", "Both",  "All",  "Earlier",
    "Later",    "Officials", "Police",  "Witnesses"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

Abbrev Classify(std::string_view word) {
  if (Contains(kNeverFinal, word)) return Abbrev::kNever;
  if (Contains(kBeforeNumber, word)) return Abbrev::kBeforeNumber;
  if (Contains(kStarterRule, word)) return Abbrev::kStarterRule;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return Abbrev::kStarterRule;
  // "D-W. Va.", "R-N. J.": a party letter and a state's first initial, an initial like "F.".
  if (word.size() >= 3 && word[word.size() - 2] == '-' && word.back() >= 'A' &&
      word.back() <= 'Z') {
    return Abbrev::kStarterRule;
  }
  if (word.size() >= 2 && word.back() == '.') return Abbrev::kStarterRule;  // "U.S.", "a.m."
  return Abbrev::kNone;
}

bool IsTerminal(std::string_view tok, TokenKind kind) {
  if (kind == TokenKind::kWord) return tok.size() >= 2 && tok.back() == '.';
  if (kind != TokenKind::kPunct) return false;
  const char c = tok[0];
  if (c == '.' || c == '!' || c == '?') return true;
  return tok == "\u2026" || tok == "\u3002" || tok == "\u061F" || tok == "\u06D4" ||
         tok == "\uFF01" || tok == "\uFF1F" || tok == "\uFF0E" || tok == "\u0964";
}

bool IsCloser(std::string_view tok) {
  return tok == "\"" || tok == "'" || tok == ")" || tok == "]" || tok == "}" || tok == "\u201D" ||
         tok == "\u2019" || tok == "\u00BB" || tok == "\u203A";
}

bool IsOpener(std::string_view tok) {
  return tok == "\"" || tok == "'" || tok == "(" || tok == "[" || tok == "\u201C" ||
         tok == "\u2018" || tok == "\u00AB";
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  std::string_view Text(size_t k) const {
    return text_.substr(tokens_[k].span.begin, tokens_[k].span.size());
  }

  bool LineBreakAfter(size_t k) const {
    for (uint32_t i = tokens_[k].span.end; i < tokens_[k + 1].span.begin; ++i) {
      if (text_[i] == '\n' || text_[i] == '\r') return true;
    }
    return false;
  }

  bool NextIsStarter(size_t next) const {
    while (next + 1 < tokens_.size() && IsOpener(Text(next))) ++next;
    return Contains(kStarters, Text(next));
  }

  // Token `k` is terminal and `next` (> k) follows whitespace: does a sentence end at k?
  bool EndsAt(size_t k, size_t next) const {
    const std::string_view nt = Text(next);
    const char c = nt[0];
    if (c >= 'a' && c <= 'z') return false;
    if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}') return false;
    std::string_view word;
    if (tokens_[k].kind == TokenKind::kWord) {
      word = Text(k);  // dotted abbreviation such as "U.S."
    } else if (Text(k) == "." && k > 0 && tokens_[k - 1].span.end == tokens_[k].span.begin &&
               tokens_[k - 1].kind == TokenKind::kWord) {
      word = Text(k - 1);
    }
    switch (Classify(word)) {
      case Abbrev::kNone:
        return true;
      case Abbrev::kNever:
        return false;
      case Abbrev::kBeforeNumber:
        return !(c >= '0' && c <= '9');
      case Abbrev::kStarterRule:
        return NextIsStarter(next);
    }
    return true;
  }

  void Run(std::vector<Sentence>* out) const {
    const size_t n = tokens_.size();
    size_t start = 0;
    for (size_t k = 0; k < n; ++k) {
      bool end = k + 1 == n || LineBreakAfter(k);
      if (!end && IsTerminal(Text(k), tokens_[k].kind)) {
        size_t m = k;  // absorb closing quotes/brackets glued to the terminal
        while (m + 1 < n && tokens_[m + 1].span.begin == tokens_[m].span.end &&
               IsCloser(Text(m + 1))) {
          ++m;
        }
        if (m + 1 == n || (tokens_[m + 1].span.begin > tokens_[m].span.end && EndsAt(k, m + 1))) {
          k = m;
          end = true;
        }
      }
      if (!end) continue;
      out->push_back({{tokens_[start].span.begin, tokens_[k].span.end},
                      static_cast<uint32_t>(start),
                      static_cast<uint32_t>(k + 1)});
      start = k + 1;
    }
  }

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
};

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* out) {
  Splitter(text, tokens).Run(out);
}

}  // namespace sitrep
