// AnnotateQuantities: two passes over each sentence's tokens, no regular expressions.
//
// Pass 1 (quantities): at each token, an optional qualifier ("at least") or "between", then a
// number expression (numbers.h). Its kind comes from the tokens beside it: "$" or "dollars" →
// money, "%" → percent, "years old"/"aged" → age, a month name → date part, a unit → time,
// duration or measure, a bare 1900–2100 → year, else count. "15th"/"the third" → ordinal.
//
// Pass 2 (casualty frames): each count is tried, in order, as
//   passive   COUNT [victims] [and COUNT [victims]] [in PLACE] [aux...] FATE   "5 soldiers were killed"
//   active    FATE [another] COUNT [victims]                                  "killing 5 soldiers"
//   toll      TOLL [rose to|stood at|...] COUNT                                "the toll rose to 20"
//   subtotal  including COUNT [victims] / COUNT of them [victims]             (fate of the previous frame)
// plus "a/an VICTIM" as 1 when bound to a fate, and negations ("no casualties", "no one was
// hurt") as frames of 0. The lexicon (data/casualty_lexicon.tsv) says which phrase is a fate and
// in which position (P after the count, A before, N noun after, O "deaths of"). After a sentence,
// later frames of one fate that add up exactly to an earlier frame are marked as its subtotals
// ("seven were injured, five in the raid and two from falls"); counts of soldiers or troops that
// no fate binds become troop strengths.
#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <string>

#include "quantity/lexicon.h"
#include "quantity/numbers.h"
#include "sitrep/pipeline.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"
#include "util/word_set.h"

namespace sitrep {
namespace {

using quantity::LexEntry;
using quantity::Lexicon;
using quantity::NumberMatch;
using quantity::TokenTexts;
namespace q = quantity;

// Equality by size and first byte before memcmp: these sets are scanned at most tokens.
template <size_t N>
bool In(std::string_view w, const std::array<std::string_view, N>& set) {
  for (const std::string_view s : set) {
    if (s.size() == w.size() &&
        (s.empty() || (s[0] == w[0] && std::memcmp(s.data(), w.data(), s.size()) == 0))) {
      return true;
    }
  }
  return false;
}

// Words that end a victim phrase.
constexpr std::array<std::string_view, 65> kStopWords = {
    "in", "at", "on", "near", "during", "after", "before", "when", "while", "as", "by", "from",
    "for", "with", "without", "and", "or", "but", "the", "a", "an", "this", "that", "these",
    "those", "who", "which", "whose", "where", "since", "into", "across", "against", "inside",
    "outside", "including", "among", "said", "according", "to", "than", "he", "she", "they",
    "it", "we", "his", "her", "their", "its", "there", "not", "no", "also", "following", "amid",
    "if", "because", "until", "between", "under", "over", "along", "alongside", "together"};
// Asked at most tokens of every victim phrase and list: a hash set, not a scan of 65 words.
bool IsStopWord(std::string_view w) {
  static const util::WordSet set(kStopWords);
  return set.Has(w);
}
constexpr std::array<std::string_view, 12> kPrepositions = {
    "in",     "from",   "at",     "near", "on",        "inside",
    "aboard", "during", "across", "of",   "belonging", "for"};
constexpr std::array<std::string_view, 16> kActiveFillers = {
    "another", "additional", "further", "an", "a", "the", "all", "only", "some", "its", "at",
    "between", "his", "her", "their", "remaining"};
constexpr std::array<std::string_view, 20> kTollFillers = {
    "to", "at", "of", "now", "stood", "stands", "stand", "has", "have", "had", "is", "was",
    "officially", "further", "the", "in", "attack", "has been", "put", "as"};
constexpr std::array<std::string_view, 14> kOrdinalWords = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "fifteenth", "twentieth"};
constexpr std::array<std::string_view, 10> kNegModifiers = {
    "reported", "immediate", "further", "other", "serious", "major", "human", "known",
    "confirmed", "immediately"};

struct Np {
  size_t end = 0;
  Span victims;
  Span group;
  VictimCategory category = VictimCategory::kUnknown;
  VictimCategory group_category = VictimCategory::kUnknown;
  bool has_victim = false;
  bool has_object = false;
  bool of_them = false;
};

struct Candidate {
  size_t begin, end;  // token range of the number expression (with qualifier)
  int32_t quantity;   // index into doc.quantities
};

// Per-document buffers, one set per thread, reused from document to document: their capacity
// only grows, so a document allocates none of them.
struct Scratch {
  std::string lower;
  TokenTexts t;
  std::vector<Candidate> cands;
  std::vector<size_t> order, parts;  // Finish, MarkSubtotals
  std::vector<int32_t> remap;
  std::vector<Quantity> sorted;
  std::vector<uint8_t> rare;  // RareWord bits per token
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

class Annotator {
 public:
  explicit Annotator(Document& doc, Scratch& scratch = ThreadScratch())
      : doc_(doc),
        lex_(Lexicon::Get()),
        tok_(doc.tokens),
        scratch_(scratch),
        lower_(scratch.lower),
        t_(scratch.t),
        cands_(scratch.cands),
        rare_(scratch.rare) {
    lower_.assign(doc.text);
    for (char& c : lower_) {  // branch-free, so it vectorizes
      c = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
    }
    t_.lower.clear();
    t_.lower.reserve(tok_.size());
    rare_.clear();
    rare_.reserve(tok_.size());
    for (const Token& tk : tok_) {
      t_.lower.push_back(std::string_view(lower_).substr(tk.span.begin, tk.span.size()));
      rare_.push_back(RareWordBits(t_.lower.back()));
      doc_rare_ |= rare_.back();
    }
    lex_.Prepare(&t_);
    q::PrepareNumbers(lex_, tok_, doc_.text, &t_);
  }

  // Words that some passes look for in a sentence and act only at; most sentences have none
  // of them, and then those passes are skipped. Kept per token, so that a long text pays for a
  // pass only in the sentences that have its word.
  enum RareWord : uint8_t {
    kDead = 1,
    kLeft = 2,  // "left", "leaving"
    kBody = 4,
    kDeath = 8,
    kBodies = 16,
    kSuicide = 32,
    kAddition = 64,
    kThemselves = 128,
  };
  static uint8_t RareWordBits(std::string_view w) {
    switch (w.size()) {
      case 4: return w == "dead" ? kDead : w == "left" ? kLeft : w == "body" ? kBody : 0;
      case 5: return w == "death" ? kDeath : 0;
      case 6: return w == "bodies" ? kBodies : 0;
      case 7:
        return w == "suicide" ? kSuicide : w == "leaving" ? kLeft : w == "besides" ? kAddition : 0;
      case 8: return w == "addition" ? kAddition : 0;
      case 10: return w == "themselves" ? kThemselves : 0;
      default: return 0;
    }
  }
  // The RareWord bits of tokens [b, e).
  uint8_t RareWordsIn(size_t b, size_t e) const {
    if (doc_rare_ == 0) return 0;
    uint8_t bits = 0;
    for (size_t i = b; i < e; ++i) bits |= rare_[i];
    return bits;
  }

  void Run() {
    doc_.quantities.clear();
    doc_.casualties.clear();
    for (size_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sent = doc_.sentences[s];
      const size_t b = std::min<size_t>(sent.token_begin, tok_.size());
      const size_t e = std::min<size_t>(sent.token_end, tok_.size());
      if (b >= e) continue;
      cands_.clear();
      const size_t first_q = doc_.quantities.size();
      const size_t first_f = doc_.casualties.size();
      Quantities(b, e);
      Frames(static_cast<uint32_t>(s), b, e);
      Finish(first_q, first_f);
    }
    DropCountedSuicideAttackers();
  }

 private:
  // Past the last token reads as an empty word, which matches nothing: lookahead near the end of
  // a text needs no bounds check of its own.
  std::string_view W(size_t i) const {
    return i < t_.lower.size() ? std::string_view(t_.lower[i]) : std::string_view();
  }
  std::string_view Raw(size_t i) const {
    return std::string_view(doc_.text).substr(tok_[i].span.begin, tok_[i].span.size());
  }
  Span TokSpan(size_t b, size_t e) const { return {tok_[b].span.begin, tok_[e - 1].span.end}; }
  bool IsWordish(size_t i) const {
    return tok_[i].kind == TokenKind::kWord || tok_[i].kind == TokenKind::kAlnum;
  }
  const LexEntry* MatchAt(size_t i, size_t e, uint32_t mask, size_t* len) const {
    return lex_.Match(t_, i, e, mask, len);
  }

  // ---- pass 1: quantities ----

  QuantityKind KindOf(size_t b, size_t start, const NumberMatch& n, size_t e, size_t* end) {
    *end = n.end;
    if (n.has_slash) return QuantityKind::kDatePart;
    if (n.has_colon) return QuantityKind::kTime;
    const std::string_view prev = start > b ? W(start - 1) : std::string_view();
    if (prev == "$" || prev == "€" || prev == "£" || prev == "us$" || prev == "usd" ||
        prev == "rs" || prev == "rs.") {
      return QuantityKind::kMoney;
    }
    if (prev == "aged" || prev == "age" || prev == "ages") return QuantityKind::kAge;
    size_t len = 0;
    if (n.end < e) {
      const std::string_view next = W(n.end);
      if ((next == "years" || next == "year") && n.end + 1 < e && W(n.end + 1) == "old") {
        return QuantityKind::kAge;
      }
      if (next.find("year-old") != std::string_view::npos ||
          next.find("years-old") != std::string_view::npos) {
        return QuantityKind::kAge;
      }
      if (const LexEntry* u = MatchAt(n.end, e, q::kUnit, &len); u != nullptr) {
        if (u->unit == QuantityKind::kMoney || u->unit == QuantityKind::kPercent) {
          *end = n.end + len;
        }
        return u->unit;
      }
      if (const LexEntry* m = lex_.WordAt(t_, n.end); m != nullptr && (m->classes & q::kMonth) != 0 &&
                                               n.value >= 1 && n.value <= 31 && n.digits) {
        return QuantityKind::kDatePart;
      }
    }
    if (start > b && n.digits && n.value >= 1 && n.value <= 31) {
      if (const LexEntry* m = lex_.WordAt(t_, start - 1); m != nullptr && (m->classes & q::kMonth) != 0) {
        return QuantityKind::kDatePart;
      }
    }
    // Military clock times: "at 0720", "around 1730", "between 0930 and 1010" (a count would
    // have its victims right after it: "around 1500 people").
    if (n.plain_int && W(start).size() == 4 && n.value % 100 < 60 && n.value / 100 < 24 &&
        (n.end >= e || MatchAt(n.end, e, q::kVictim, &len) == nullptr)) {
      static constexpr std::array<std::string_view, 6> kClockBefore = {
          "at", "around", "about", "approximately", "roughly", "between"};
      if (W(start)[0] == '0' || (start > b && In(prev, kClockBefore)) ||
          (n.end < e && (W(n.end) == "hours" || W(n.end) == "hrs" || W(n.end) == "hrs."))) {
        return QuantityKind::kTime;
      }
    }
    if (n.plain_int && n.value >= 1900 && n.value <= 2100 && W(start).size() == 4) {
      const LexEntry* next = n.end < e ? MatchAt(n.end, e, q::kVictim, &len) : nullptr;
      if (next == nullptr) return QuantityKind::kYear;
    }
    return QuantityKind::kCount;
  }

  void Quantities(size_t b, size_t e) {
    size_t i = b;
    while (i < e) {
      // Most tokens start no number, qualifier or "between": only the other readings apply.
      if ((t_.number[i] & q::kQuantityStart) == 0) {
        if (tok_[i].kind == TokenKind::kAlnum || MayBeOrdinal(W(i))) Other(b, i, e);
        ++i;
        continue;
      }
      size_t start = i, k = i, len = 0;
      Qualifier qual = Qualifier::kExact;
      NumberMatch n;
      bool found = false;
      if (W(i) == "between" && q::ScanNumber(lex_, t_, tok_, i + 1, e, &n) && n.end + 1 < e &&
          W(n.end) == "and") {
        NumberMatch hi;
        if (q::ScanNumber(lex_, t_, tok_, n.end + 1, e, &hi) && hi.value > n.value) {
          n.high = hi.high;
          n.end = hi.end;
          found = true;
          k = i + 1;  // the kind is read from the first number ("between 0930 and 1010")
        }
      }
      if (!found) {
        if (const LexEntry* qe = MatchAt(i, e, q::kQualifierWord, &len); qe != nullptr) {
          if (q::ScanNumber(lex_, t_, tok_, i + len, e, &n)) {
            qual = qe->qualifier;
            k = i + len;
            found = true;
          }
        }
      }
      if (!found) {
        // "no one" is a negation, not a count.
        found = !(W(k) == "one" && k > b && W(k - 1) == "no") &&
                q::ScanNumber(lex_, t_, tok_, k, e, &n);
      }
      if (found) {
        size_t end = n.end;
        const QuantityKind kind = KindOf(b, k, n, e, &end);
        if (kind == QuantityKind::kMoney && start > b && n.end > k && W(start - 1).size() <= 3 &&
            tok_[start - 1].kind == TokenKind::kSymbol) {
          --start;  // "$5 million"
        }
        if (n.vague && qual == Qualifier::kExact) qual = Qualifier::kVague;
        Quantity qt{TokSpan(start, end), n.value, n.high, qual, n.vague, kind};
        if (kind == QuantityKind::kCount) {
          cands_.push_back({start, end, static_cast<int32_t>(doc_.quantities.size())});
        }
        doc_.quantities.push_back(qt);
        i = std::max(end, i + 1);
        continue;
      }
      Other(b, i, e);
      ++i;
    }
  }

  // Every ordinal word has 5 to 9 letters and ends in "t", "d" or "h": a test before the list.
  static bool MayBeOrdinal(std::string_view w) {
    return w.size() >= 5 && w.size() <= 9 && (w.back() == 'h' || w.back() == 't' || w.back() == 'd');
  }

  // Ordinals, ages and times written as one alnum token, and "the third".
  void Other(size_t b, size_t i, size_t e) {
    const std::string_view w = W(i);
    if (tok_[i].kind == TokenKind::kAlnum && !w.empty() && w[0] >= '0' && w[0] <= '9') {
      size_t d = 0;
      int64_t v = 0;
      while (d < w.size() && w[d] >= '0' && w[d] <= '9') {
        v = std::min<int64_t>(v * 10 + (w[d] - '0'), q::kMaxValue);
        ++d;
      }
      const std::string_view rest = w.substr(d);
      QuantityKind kind;
      if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
        kind = QuantityKind::kOrdinal;
      } else if (rest.find("year-old") != std::string_view::npos ||
                 rest.find("years-old") != std::string_view::npos ||
                 rest.find("yr-old") != std::string_view::npos) {
        kind = QuantityKind::kAge;
      } else if (rest == "am" || rest == "pm" || rest == "hrs" || rest == "h") {
        kind = QuantityKind::kTime;
      } else if (rest == "km" || rest == "mm" || rest == "kg" || rest == "m" || rest == "cm") {
        kind = QuantityKind::kMeasure;
      } else {
        return;
      }
      doc_.quantities.push_back({tok_[i].span, v, v, Qualifier::kExact, false, kind});
      return;
    }
    if (i > b && i + 1 < e && MayBeOrdinal(w) && In(w, kOrdinalWords)) {
      const std::string_view p = W(i - 1);
      if (p == "the" || p == "a" || p == "its" || p == "their" || p == "his" || p == "her") {
        const int64_t v = static_cast<int64_t>(
            std::find(kOrdinalWords.begin(), kOrdinalWords.end(), w) - kOrdinalWords.begin() + 1);
        const int64_t value = v <= 12 ? v : (v == 13 ? 15 : 20);
        doc_.quantities.push_back(
            {tok_[i].span, value, value, Qualifier::kExact, false, QuantityKind::kOrdinal});
      }
    }
  }

  // ---- pass 2: frames ----

  Np ScanNp(size_t i, size_t e) const {
    Np np;
    np.end = i;
    size_t free_words = 0, last = i, victim_end = i;
    size_t k = i;
    while (k < e && k < i + 7) {
      const std::string_view w = W(k);
      size_t len = 0;
      if (w == "of" && k + 1 < e && (W(k + 1) == "them" || W(k + 1) == "whom")) {
        np.of_them = k == i;
        k += 2;
        last = k;
        continue;
      }
      if (w == "of" && k + 2 < e && k > i &&
          (W(k + 1) == "the" || W(k + 1) == "their" || W(k + 1) == "those" || W(k + 1) == "a" ||
           W(k + 1) == "an")) {
        k += 2;
        continue;
      }
      if (w == "of" && k == i && k + 2 < e &&
          (W(k + 1) == "the" || W(k + 1) == "their" || W(k + 1) == "those")) {
        k += 2;  // "one of the soldiers"
        // "2 of the 4 attackers": the whole is read like a word number ("two of the four").
        if (k + 1 < e && tok_[k].kind == TokenKind::kNumber) ++k;
        last = k;  // "eight of the hostages were killed": the fate noun comes next
        continue;
      }
      if (MatchAt(k, e, q::kFate | q::kAux | q::kToll, &len) != nullptr) break;
      // "Six United States (US) soldiers": an abbreviation in parentheses inside the phrase
      // (a parenthesis with numbers is a breakdown, read by Passive).
      if (w == "(" && k > i) {
        size_t close = 0;
        for (size_t m = k + 1; m < e && m < k + 8; ++m) {
          if (W(m) == ")") {
            close = m;
            break;
          }
          NumberMatch n;
          if (tok_[m].kind == TokenKind::kNumber || q::ScanNumber(lex_, t_, tok_, m, e, &n)) break;
        }
        if (close != 0) {
          k = close + 1;
          last = k;
          continue;
        }
      }
      if (const LexEntry* en = MatchAt(k, e, q::kVictim | q::kGroup | q::kNationality, &len);
          en != nullptr) {
        // "IS", "US" only when written in capitals.
        const bool short_group = (en->classes & (q::kVictim | q::kNationality)) == 0 &&
                                 len == 1 && w.size() <= 3 && Raw(k) == w;
        if (!short_group) {
          size_t next_len = 0;
          const bool modifier = (en->classes & q::kGroup) != 0 && k + len < e &&
                                MatchAt(k + len, e, q::kVictim, &next_len) != nullptr;
          if ((en->classes & q::kVictim) != 0 && !modifier) {
            np.category = en->victim;
            np.has_victim = true;
            victim_end = k + len;
          } else if ((en->classes & (q::kGroup | q::kNationality)) != 0) {
            if (np.group.empty()) np.group = TokSpan(k, k + len);
            if ((en->classes & q::kGroup) != 0) np.group_category = en->group;
          }
          k += len;
          last = k;
          continue;
        }
      }
      if (MatchAt(k, e, q::kObject | q::kUnit, &len) != nullptr) {
        size_t vl = 0;
        size_t m = k + len;  // "United States (US) soldiers": past an abbreviation
        if (m < e && W(m) == "(") {
          for (size_t c = m + 1; c < e && c < m + 5; ++c) {
            if (W(c) == ")") {
              m = c + 1;
              break;
            }
          }
        }
        if (m < e && MatchAt(m, e, q::kVictim, &vl) != nullptr) {
          k += len;  // "livestock traders", "cattle herders": a modifier of the victims
          last = k;
          continue;
        }
        // "seven bombers driving cars": the thing belongs to a phrase after the victims.
        if (np.has_victim && victim_end < k) {
          last = victim_end;
          break;
        }
        np.has_object = true;
        k += len;
        last = k;
        break;
      }
      if (!IsWordish(k) || IsStopWord(w) || free_words >= 3) break;
      ++free_words;
      ++k;
      last = k;
    }
    np.end = last;
    if (last > i) np.victims = TokSpan(i, last);
    // The group names the side: "a senior Islamic State commander" is non-state even though
    // "commander" alone would be state forces (civilians stay civilians).
    if (np.group_category != VictimCategory::kUnknown &&
        (!np.has_victim || np.category != VictimCategory::kCivilians)) {
      np.category = np.group_category;
    }
    return np;
  }

  // Aux words ("were", "reportedly") then a fate at `k`: the verb of a passive.
  bool FateFollows(size_t k, size_t e) const {
    size_t len = 0;
    for (int n = 0; n < 4 && k < e; ++n) {
      if (const LexEntry* f = MatchAt(k, e, q::kFate, &len); f != nullptr) {
        return (f->roles & q::kAfter) != 0;
      }
      if (MatchAt(k, e, q::kAux, &len) == nullptr) return false;
      k += len;
    }
    return false;
  }

  // A victim noun ends at token `k`, or a count a few words before it: the end of a counted or
  // named victim phrase.
  bool VictimEndsAt(size_t k) const {
    size_t len = 0;
    if (lex_.MatchEndingAt(t_, k >= 3 ? k - 3 : 0, k, q::kVictim, &len) != nullptr) return true;
    return std::any_of(cands_.begin(), cands_.end(),
                       [k](const Candidate& c) { return c.end <= k + 1 && c.end + 7 > k; });
  }

  // "killed and wounded" then a count (not "killed and wounded in the attack"): two verbs,
  // the second with an object of its own.
  bool SplitFates(size_t k, size_t e) const {
    NumberMatch n;
    return k < e && q::ScanNumber(lex_, t_, tok_, k, e, &n);
  }

  // Past a group's name between a victim phrase and its verb, from token `j`: capitalized
  // words, parentheses, hyphens and a few lower-case words ("belonging to", "of the"), with
  // at least one capitalized word or parenthesis and up to 18 tokens. Returns the token after
  // it when an aux or fate word follows, else `j`.
  [[gnu::noinline]] size_t PastName(size_t j, size_t e) const {
    static constexpr std::array<std::string_view, 9> kInName = {
        "of", "the", "for", "de", "del", "la", "al", "-", "'s"};
    // Most counts have no fate word after them at all: skip the token walk below.
    if (!HasFateWord(j, std::min(e, j + 19))) return j;
    size_t lower_words = 0, len = 0;
    int depth = 0;
    bool named = false;
    for (size_t k = j; k < e && k < j + 18; ++k) {
      const std::string_view w = W(k);
      if (w == "to" && k > j && W(k - 1) == "belonging") continue;
      if (MatchAt(k, e, q::kAux | q::kFate, &len) != nullptr) return named && k > j ? k : j;
      // (not out of a parenthesis the count stands in: "(among them 4 women) were killed")
      if (w == "(" || w == ")") {
        depth += w == "(" ? 1 : -1;
        if (depth < 0) return j;
        named = true;
        continue;
      }
      if (In(w, kInName)) continue;
      if (!IsWordish(k)) return j;
      const std::string_view raw = Raw(k);
      if (raw[0] >= 'A' && raw[0] <= 'Z') {
        named = true;
        continue;
      }
      // "and" only inside a name ("Security and Intelligence Services").
      const auto capital = [&](size_t m) {
        return IsWordish(m) && Raw(m)[0] >= 'A' && Raw(m)[0] <= 'Z';
      };
      if (w == "and" && k > 0 && k + 1 < e && capital(k - 1) && capital(k + 1)) continue;
      NumberMatch n;
      if (IsStopWord(w) || ++lower_words > 3 || q::ScanNumber(lex_, t_, tok_, k, e, &n)) {
        return j;
      }
    }
    return j;
  }

  // "identified and", "bound, blindfolded and": passive participles before the last verb of
  // a list, from token `j`. Returns the token after the list's "and", or `j` when none.
  [[gnu::noinline]] size_t PastParticiples(size_t j, size_t e) const {
    static constexpr std::array<std::string_view, 8> kIrregular = {
        "shot", "beaten", "taken", "hit", "struck", "caught", "found", "bound"};
    size_t k = j;
    for (int n = 0; n < 3 && k + 1 < e; ++n) {
      const std::string_view w = W(k);
      size_t len = 0;
      if (!IsWordish(k) || !((w.size() > 4 && w.ends_with("ed")) || In(w, kIrregular)) ||
          MatchAt(k, e, q::kFate | q::kAux, &len) != nullptr) {
        return j;
      }
      if (W(k + 1) == "and") return k + 2;
      if (W(k + 1) == "," && W(k + 2) == "and") return k + 3;
      if (W(k + 1) != ",") return j;
      k += 2;
    }
    return j;
  }

  // "and later killed", ", and then died" after a fate that is not a death, from token `k`:
  // the token of the death (its length in *len), or 0. An injury turns into a death only
  // after "later"/"subsequently" ("were wounded and later died").
  [[gnu::noinline]] size_t DeathAfter(size_t k, size_t e, Fate first, size_t* len) const {
    if (W(k) == ",") ++k;
    if (W(k) != "and") return 0;
    ++k;
    bool later = false;
    for (int n = 0; n < 3 && k < e; ++n) {
      const std::string_view w = W(k);
      if (w != "later" && w != "then" && w != "subsequently" && w != "eventually" &&
          w != "were" && w != "was" && w != "allegedly" && w != "reportedly") {
        break;
      }
      later |= w == "later" || w == "subsequently" || w == "eventually";
      ++k;
    }
    const LexEntry* f = MatchAt(k, e, q::kFate, len);
    if (f == nullptr || f->fate != Fate::kKilled || (f->roles & q::kAfter) == 0) return 0;
    if (first == Fate::kInjured && !later) return 0;
    return k;
  }

  struct FateHit {
    const LexEntry* entry = nullptr;
    size_t begin = 0, end = 0;
  };

  // The last word of a span of the text ("people" of "Afghan people").
  std::string_view LastWord(Span s) const {
    if (s.end <= s.begin || s.end > doc_.text.size()) return {};
    const std::string_view v = std::string_view(doc_.text).substr(s.begin, s.end - s.begin);
    const size_t sp = v.find_last_of(' ');
    return sp == std::string_view::npos ? v : v.substr(sp + 1);
  }

  // An "and" in tokens [from, to): the commas before it separate the items of a list.
  bool InnerList(size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k) {
      if (W(k) == "and") return true;
    }
    return false;
  }

  // COUNT [victims] ... FATE. Returns the fate after the victims, or none.
  // `count_begin`: the first token of the count when known (a list item takes no apposition).
  FateHit Passive(size_t from, size_t e, const Np& np, size_t count_begin = 0) const {
    size_t j = np.end;
    const std::string_view head = np.end > from ? W(np.end - 1) : std::string_view();
    const bool plural_head = head.ends_with("s") || head.ends_with("men") || head == "people" ||
                             head == "children" || head == "police" || head == "personnel";
    size_t lb = count_begin;  // back over "the", "all": "including all three attackers"
    while (lb > 1 && (W(lb - 1) == "the" || W(lb - 1) == "all" || W(lb - 1) == "both")) --lb;
    // A comma makes a list item only after another victim phrase ("3 soldiers, 2 civilians"),
    // not after an opening adverbial ("On Tuesday, two officers, A and B, were killed").
    const bool list_item =
        count_begin > 0 && lb > 0 &&
        (W(lb - 1) == "and" || W(lb - 1) == "including" ||
         (W(lb - 1) == "," && lb > 1 && VictimEndsAt(lb - 2)));
    int hopped = 0;
    // "5 civilians (2 men and 3 women) were killed": skip the parenthesis.
    if (j < e && W(j) == "(") {
      for (size_t k = j + 1; k < e && k < j + 16; ++k) {
        if (W(k) == ")") {
          j = k + 1;
          break;
        }
      }
    }
    // "5 soldiers and 3 civilians were killed"
    for (int hops = 0; hops < 4 && j + 1 < e; ++hops) {
      const bool as_well_as = j + 3 < e && W(j) == "as" && W(j + 1) == "well" && W(j + 2) == "as";
      if (!as_well_as && W(j) != "and" && W(j) != ",") break;
      NumberMatch n;
      size_t k = as_well_as ? j + 3 : j + 1, len = 0;
      if (W(j) == "," && W(k) == "and" && k + 1 < e) ++k;  // "A, B, and C"
      if (MatchAt(k, e, q::kQualifierWord, &len) != nullptr) k += len;
      if (k >= e) break;  // "94, approx" at the end of the text
      // "two officers and the two bombers were killed": a definite count is one more item.
      if (W(k) == "the" && W(k - 1) == "and" && k + 1 < e &&
          q::ScanNumber(lex_, t_, tok_, k + 1, e, &n)) {
        ++k;
      }
      if (!q::ScanNumber(lex_, t_, tok_, k, e, &n)) {
        // "two assailants and a policeman were wounded": "a" + a victim is one more, as is
        // "the" + a singular one ("four passengers and the bomber were killed").
        const bool definite = W(k) == "the";
        if ((W(k) != "a" && W(k) != "an" && !definite) || W(k - 1) != "and") break;
        const Np one = ScanNp(k + 1, e);
        if (!one.has_victim || one.has_object) break;
        if (definite && (one.end <= k + 1 || !SingularHead(one.end - 1))) break;
        j = one.end;
        ++hopped;
        continue;
      }
      const size_t item_end = ScanNp(n.end, e).end;
      // "Two civilians, one a teacher and the other a student, were killed": a bare number
      // after a comma that no list separator or verb follows starts an apposition.
      if (W(j) == "," && item_end == n.end && W(item_end) != "," && W(item_end) != "and" &&
          !FateFollows(item_end, e)) {
        break;
      }
      j = item_end;
      ++hopped;
    }
    // "eight people, including two assailants, were killed"
    // "eight people including two nationals were killed"
    if (j + 1 < e) {
      const bool comma = W(j) == ",";
      size_t len = 0;
      if (lex_.Match(t_, j + (comma ? 1 : 0), e, q::kSubtotal, &len) != nullptr) {
        // The subtotal may hold commas of its own ("including Smith, the mayor, were
        // killed"): the comma followed by an aux or fate word ends it, else the first comma.
        size_t first_comma = 0;
        for (size_t k = j + (comma ? 1 : 0) + len; k < e && k < j + 30; ++k) {
          size_t al = 0;
          if (comma && W(k) == ",") {
            if (first_comma == 0) first_comma = k + 1;
            if (k + 1 < e && MatchAt(k + 1, e, q::kAux | q::kFate, &al) != nullptr) {
              first_comma = k + 1;
              break;
            }
            continue;
          }
          // "including a leader, and seized ...": a verb of its own, not the passive's.
          if (!comma && W(k - 1) == "and" && W(k - 2) == ",") break;
          if (!comma && (MatchAt(k, e, q::kAux | q::kFate, &al) != nullptr)) {
            j = k;
            break;
          }
          // "Twelve civilians, including eight minors were killed": no closing comma (the
          // commas of a list inside are no close: "including a guard, a driver and a cook").
          if (comma && (first_comma == 0 || (W(k - 1) != "," && InnerList(first_comma, k))) &&
              FateFollows(k, e)) {
            j = k;
            first_comma = 0;
            break;
          }
        }
        if (comma && first_comma != 0) j = first_comma;
      }
    }
    // "12 soldiers and volunteer fighters were killed": victims joined without a count.
    if (j + 1 < e && W(j) == "and" && plural_head) {
      const Np more = ScanNp(j + 1, e);
      bool counted = false;
      for (size_t k = j + 1; k < more.end && !counted; ++k) {
        NumberMatch n;
        counted = q::ScanNumber(lex_, t_, tok_, k, more.end, &n);
      }
      if (more.has_victim && !more.has_object && !counted && FateFollows(more.end, e)) {
        j = more.end;
      }
    }
    static constexpr std::array<std::string_view, 7> kBe = {"was", "were", "are", "is",
                                                            "have", "has", "had"};
    // "18 people, a police officer and 17 assailants, were killed": the list closes.
    if (j + 1 < e && W(j) == "," && hopped > 0 && !list_item && In(W(j + 1), kBe) &&
        FateFollows(j + 1, e)) {
      ++j;
    }
    // An apposition or relative clause between commas: "Two police officers, the chief and
    // his deputy, were killed", "Two workers, who were asleep, were killed".
    if (j + 2 < e && j > from && W(j) == "," && !list_item) {
      for (size_t k = j + 1; k < e && k < j + 20; ++k) {
        const std::string_view w = W(k);
        if (w == ";" || w == ":" || w == "(" || w == "\"") break;
        size_t fl = 0;
        if (const LexEntry* f = MatchAt(k, e, q::kFate, &fl);
            f != nullptr && (f->roles & q::kAfter) != 0) {
          break;
        }
        // The verb after the closing comma is passive: "were killed", "died" (not "then
        // killed ...", a verb of the subject before the first comma).
        if (w == "," && k + 1 < e && FateFollows(k + 1, e)) {
          const LexEntry* f = MatchAt(k + 1, e, q::kFate, &fl);
          if (In(W(k + 1), kBe) || (f != nullptr && (f->roles & q::kBefore) == 0)) j = k + 1;
          break;
        }
      }
    }
    // A relative clause without commas that places the victims or says what they were doing:
    // "five assailants that were in the car were killed", "two men who were riding a
    // motorcycle were shot dead" (not "women who were also workers of ...").
    if (j + 3 < e && j > from && (W(j) == "that" || W(j) == "who") &&
        (W(j + 1) == "were" || W(j + 1) == "was") &&
        (In(W(j + 2), kPrepositions) || (W(j + 2).size() > 5 && W(j + 2).ends_with("ing")))) {
      for (size_t k = j + 2; k < e && k < j + 12; ++k) {
        size_t fl = 0;
        if (!IsWordish(k) || MatchAt(k, e, q::kFate, &fl) != nullptr) break;
        if ((W(k) == "were" || W(k) == "was") && FateFollows(k, e)) {
          j = k;
          break;
        }
      }
    }
    const size_t before_phrase = j;  // for PastName below
    // "three soldiers in the convoy were killed"
    // "two officers protecting the convoy were killed": a participle phrase too.
    // "11 people besides the assailant were killed": the assailant is counted apart (the
    // victims' phrase took "besides" for one of its words).
    if (j > from + 1 && W(j - 1) == "besides") --j;
    const auto participle = [&](size_t k) { return W(k).size() > 5 && W(k).ends_with("ing"); };
    if (j < e && j > from &&
        (In(W(j), kPrepositions) || W(j) == "besides" || participle(j) || participle(j - 1))) {
      // A participle phrase may be longer ("officials traveling to a seminar in the city").
      size_t reach = participle(j) || participle(j - 1) ? 8 : 5;
      for (size_t k = j + 1; k < e && k < j + reach; ++k) {
        size_t len = 0;
        if (MatchAt(k, e, q::kAux | q::kFate, &len) != nullptr) {
          j = k;
          break;
        }
        // A group's name does not count against the reach: "seven militants of the National
        // Socialist Council of Nagaland (NSCN) were killed".
        const bool paren = W(k) == "(" || W(k) == ")";
        if ((!IsWordish(k) && !paren) || W(k) == "before" || W(k) == "after" ||
            W(k) == "when" || W(k) == "while") {
          break;
        }
        if (reach < 16 && (paren || (Raw(k)[0] >= 'A' && Raw(k)[0] <= 'Z'))) ++reach;
      }
    }
    bool aux = false;
    size_t len = 0;
    const auto aux_run = [&] {
      while (j < e && MatchAt(j, e, q::kAux, &len) != nullptr) {
        // An aux word that is also a fate ("dead" no; "reported" yes) is taken as aux first.
        if (MatchAt(j, e, q::kFate, &len) != nullptr) break;
        MatchAt(j, e, q::kAux, &len);
        j += len;
        aux = true;
      }
    };
    aux_run();
    const LexEntry* f = MatchAt(j, e, q::kFate, &len);
    // "were identified and killed", "were bound, blindfolded and executed": participles
    // joined to the fate share its subject.
    if (f == nullptr && aux) {
      const size_t k = PastParticiples(j, e);
      const LexEntry* g = k != j ? MatchAt(k, e, q::kFate, &len) : nullptr;
      if (g != nullptr && (g->roles & q::kAfter) != 0) {
        j = k;
        f = g;
      }
    }
    // "seven militants of the Kandor Liberation Front-North were killed": a name too long for
    // the reaches above between the victims and the verb.
    if (f == nullptr && before_phrase > from) {
      const size_t k = PastName(before_phrase, e);
      if (k != before_phrase) {
        j = k;
        aux = false;
        aux_run();
        f = MatchAt(j, e, q::kFate, &len);
      }
    }
    if (f == nullptr) return {};
    // "were abducted and later killed", "was wounded and later died": the death ends the
    // story and is the fate of the count.
    if (f->fate != Fate::kKilled && f->fate != Fate::kCasualties) {
      size_t kl = 0;
      const size_t k = DeathAfter(j + len, e, f->fate, &kl);
      if (k != 0) {
        j = k;
        len = kl;
        f = MatchAt(j, e, q::kFate, &len);
      }
    }
    // "7 people were killed and wounded 80 others": the second verb has a count of its own.
    if (f->fate == Fate::kCasualties && len == 3 && W(j + 1) == "and" && SplitFates(j + len, e)) {
      f = MatchAt(j, j + 1, q::kFate, &len);
      if (f == nullptr) return {};
    }
    // "several fighting for their lives", "fled for their lives": no one died.
    if (W(j) == "lives" && j >= from + 2 && W(j - 2) == "for") return {};
    // "eight of the hostages were killed", "two prisoners died": the noun names the victims
    // and the verb after it is their fate.
    if ((f->roles & q::kAfter) == 0 && !aux && FateFollows(j + len, e)) {
      j += len;
      while (j < e && MatchAt(j, e, q::kFate, &len) == nullptr &&
             MatchAt(j, e, q::kAux, &len) != nullptr) {
        j += len;
        aux = true;
      }
      f = MatchAt(j, e, q::kFate, &len);
      if (f == nullptr) return {};
    }
    const bool after = (f->roles & q::kAfter) != 0;
    const bool noun = (f->roles & q::kNounAfter) != 0 && !aux;
    if (!after && !noun) return {};
    if (!aux && (f->roles & q::kBefore) != 0 && j + len < e) {
      // "3 gunmen killed 5 soldiers": the verb has an object, so it is active.
      const size_t o = j + len;
      NumberMatch n;
      size_t vl = 0;
      if (q::ScanNumber(lex_, t_, tok_, o, e, &n) || W(o) == "a" || W(o) == "an" ||
          W(o) == "the" || W(o) == "two" || MatchAt(o, e, q::kVictim, &vl) != nullptr ||
          W(o) == "him" || W(o) == "her" || W(o) == "them" || W(o) == "his" ||
          (IsNameWord(o) && NameRun(o, e) > o)) {  // "two gunmen shot and killed Ann Roe"
        return {};
      }
    }
    return {f, j, j + len};
  }

  static constexpr std::array<std::string_view, 16> kIntentVerbs = {
      "plot",    "plotted", "plotting",  "plan",     "planned", "planning", "threatened", "threatening",
      "vowed",   "vowing",  "attempted", "attempting", "tried", "trying",   "intended",   "conspired"};

  // FATE [filler] COUNT, or TOLL ... COUNT. `start` is the first token of the count.
  FateHit Active(size_t b, size_t start, bool* update) const {
    *update = false;
    if (start <= b) return {};
    size_t k = start - 1;
    for (int n = 0; n < 2 && k > b && In(W(k), kActiveFillers); ++n) --k;
    // "killed, with handguns, the commander", "killed with pistols, an official": the weapon
    // between the verb and its object.
    // ("They were killed with machetes, a witness said": not after a passive.)
    bool weapon = false;
    if (k > b + 2 && W(k) == ",") {
      for (size_t m = k - 1; m > b && m + 5 > k && IsWordish(m); --m) {
        if (W(m) != "with") continue;
        if (m + 1 < k) {
          k = W(m - 1) == "," && m > b + 1 ? m - 2 : m - 1;
          weapon = true;
        }
        break;
      }
    }
    // "The minister was killed, as were two bodyguards": the fate of the clause before, its
    // verb standing in "were" (the evidence; "killed" stays the minister's own).
    if (k >= b + 3 && (W(k) == "were" || W(k) == "was") && W(k - 1) == "as" && W(k - 2) == ",") {
      size_t len = 0;
      if (const LexEntry* f = lex_.MatchEndingAt(t_, b, k - 3, q::kFate, &len);
          f != nullptr && (f->roles & q::kAfter) != 0) {
        return {f, k, k + 1};
      }
    }
    // "killing himself and 3 others", "killing him and four others"
    if (k > b + 1 && W(k) == "and" &&
        (W(k - 1) == "himself" || W(k - 1) == "herself" || W(k - 1) == "themselves" ||
         W(k - 1) == "him" || W(k - 1) == "her")) {
      k -= 2;
    }
    size_t len = 0;
    if (const LexEntry* f = lex_.MatchEndingAt(t_, b, k, q::kFate, &len);
        f != nullptr && (f->roles & (q::kBefore | q::kNounOf)) != 0) {
      if (weapon && k + 1 - len > b) {
        const std::string_view aux = W(k - len);
        if (aux == "was" || aux == "were" || aux == "been" || aux == "being" || aux == "be" ||
            aux == "is" || aux == "are") {
          return {};
        }
      }
      // "plotting to kill four people", "threatened to kill 20 hostages": an intention (not
      // "proceeded to kill", "used rifles to kill").
      if (k + 1 - len > b + 1 && W(k - len) == "to" && In(W(k - len - 1), kIntentVerbs)) {
        return {};
      }
      // "were killed and wounded 80 others": after a passive, the count is the last verb's.
      if (f->fate == Fate::kCasualties && len == 3 && k >= b + 3 && W(k - 1) == "and" &&
          (W(k - 3) == "were" || W(k - 3) == "was" || W(k - 3) == "been")) {
        if (const LexEntry* last = lex_.MatchEndingAt(t_, k, k, q::kFate, &len);
            last != nullptr && (last->roles & q::kBefore) != 0) {
          return {last, k, k + 1};
        }
      }
      return {f, k + 1 - len, k + 1};
    }
    // Toll: "the death toll rose to 20", "bringing the toll to 20".
    k = start - 1;
    for (size_t m = k + 1; m-- > b && m + 15 > k;) {
      if (const LexEntry* tl = lex_.MatchEndingAt(t_, b, m, q::kToll, &len); tl != nullptr) {
        bool ok = true;
        for (size_t x = m + 1; x <= k; ++x) {
          size_t ul = 0;
          if (MatchAt(x, x + 1, q::kUpdate, &ul) != nullptr) {
            *update = true;
          } else if ((W(x) == "from" || W(x) == "after" || W(x) == "in") && x + 1 <= k) {
            // "the death toll from the blast rose to 20": skip the phrase up to the verb.
            size_t y = x + 1;
            // "the death toll from Friday's shelling of the city rose to 4"
            while (y <= k && y < x + 9 && (IsWordish(y) || W(y) == "'s" || W(y) == "'") &&
                   MatchAt(y, y + 1, q::kUpdate, &ul) == nullptr) {
              ++y;
            }
            if (y <= k && MatchAt(y, y + 1, q::kUpdate, &ul) != nullptr) {
              x = y - 1;
            } else if (!In(W(x), kTollFillers)) {
              ok = false;
              break;
            }
          } else if (!In(W(x), kTollFillers) && MatchAt(x, x + 1, q::kAux, &ul) == nullptr) {
            ok = false;
            break;
          }
        }
        if (m > b) {
          size_t ul = 0;
          if (MatchAt(m - len, m - len + 1, q::kUpdate, &ul) != nullptr) *update = true;
          for (size_t x = m + 1 - len; x-- > b && x + 4 > m - len;) {
            if (MatchAt(x, x + 1, q::kUpdate, &ul) != nullptr) *update = true;
          }
        }
        if (tl->roles & q::kTollIsUpdate) *update = true;
        if (ok) return {tl, m + 1 - len, m + 1};
        break;
      }
      if (!IsWordish(m) && W(m) != "," && W(m) != "'s" && W(m) != "'") break;
    }
    *update = false;
    return {};
  }

  // The active verb (killed, wounded) that a list ending before `last` is the object of:
  // back over determiners, names, victims and separators, with at least one comma.
  FateHit ListVerb(size_t b, size_t last) const {
    bool comma = false;
    for (size_t k = last, n = 0; k-- > b && n < 14; ++n) {
      size_t len = 0;
      if (const LexEntry* f = lex_.MatchEndingAt(t_, b, k, q::kFate, &len); f != nullptr) {
        // "one assailant killed, and two ... wounded": a verb before a comma is not active.
        if ((f->roles & q::kBefore) == 0 || !comma || k + 1 == last || W(k + 1) == "," ||
            Intended(b, k + 1 - len)) {
          return {};
        }
        return {f, k + 1 - len, k + 1};
      }
      const std::string_view w = W(k);
      if (w == ",") {
        comma = true;
        continue;
      }
      if (w == "his" || w == "her" || w == "their" || w == "a" || w == "an" || w == "the" ||
          w == "and") {
        continue;
      }
      NumberMatch num;
      if (!IsWordish(k) || IsStopWord(w) || q::ScanNumber(lex_, t_, tok_, k, last, &num)) {
        return {};
      }
    }
    return {};
  }

  bool SubtotalBefore(size_t b, size_t start) const {
    if (start <= b) return false;
    size_t k = start - 1;
    size_t len = 0;
    if (W(k) == "the" && k > b) --k;
    return lex_.MatchEndingAt(t_, b, k, q::kSubtotal, &len) != nullptr;
  }

  // Out of line: inlined into AddUncountedFrame it used up GCC's growth budget for this file,
  // and string compares elsewhere went out of line (+1.8% instructions for the stage).
  [[gnu::noinline]] void AddFrame(uint32_t sentence, size_t cb, size_t ce, const Quantity& qt,
                                  int32_t qi, const Np& np, const FateHit& f, Fate fate,
                                  bool update, bool subtotal) {
    CasualtyFrame fr;
    fr.count_span = TokSpan(cb, ce);
    Span all = fr.count_span;
    if (f.entry != nullptr) {
      fr.fate_span = TokSpan(f.begin, f.end);
      all.begin = std::min(all.begin, fr.fate_span.begin);
      all.end = std::max(all.end, fr.fate_span.end);
    }
    if (!np.victims.empty()) {
      fr.victims = np.victims;
      all.end = std::max(all.end, np.victims.end);
    }
    fr.span = all;
    fr.group = np.group;
    fr.value = qt.value;
    fr.low = qt.value;
    fr.high = qt.high;
    // "the couple", "a married couple": one victim phrase, two people ("a couple of" is a
    // number of its own).
    if (qt.value == 1 && qt.high == 1 && np.victims.size() >= 6) {
      const std::string_view v =
          std::string_view(lower_).substr(np.victims.begin, np.victims.size());
      if (v.ends_with("couple")) fr.value = fr.low = fr.high = 2;
    }
    fr.qualifier = qt.qualifier;
    fr.vague = qt.vague;
    fr.fate = fate;
    fr.category = np.category;
    fr.is_update = update;
    fr.is_subtotal = subtotal;
    fr.sentence = sentence;
    fr.quantity = qi;
    doc_.casualties.push_back(fr);
  }

  // A frame whose number no count token states ("the guard was killed", "blew himself up"):
  // `n` people over tokens [cb, ce), which give its default span but no count span. Returns
  // the frame for the caller's own spans and flags.
  CasualtyFrame& AddUncountedFrame(uint32_t sentence, size_t cb, size_t ce, int64_t n,
                                   const Np& np, const FateHit& f, Fate fate) {
    const Quantity qt{TokSpan(cb, ce), n, n, Qualifier::kExact, false, QuantityKind::kCount};
    AddFrame(sentence, cb, ce, qt, -1, np, f, fate, false, false);
    CasualtyFrame& fr = doc_.casualties.back();
    fr.count_span = {};
    return fr;
  }

  // True when a token of [b, e) ends a fate or toll phrase of the lexicon: a Match or
  // MatchEndingAt of those classes inside the sentence needs one (its phrase's last word).
  bool HasFateWord(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i) {
      const quantity::LexSlot* s = t_.slot[i];
      if (s != nullptr && (s->last_classes & (q::kFate | q::kToll)) != 0) {
        return true;
      }
    }
    return false;
  }

  void Frames(uint32_t sentence, size_t b, size_t e) {
    const size_t first_frame = doc_.casualties.size();
    // Passive and Active read a fate or toll phrase of the sentence; without one (dates,
    // money, troop counts) they find nothing, so they are not called.
    const bool fate_word = HasFateWord(b, e);
    const uint8_t rare = RareWordsIn(b, e);
    size_t active_np_end = 0;  // token after the victims of the last active frame
    for (size_t c = 0; c < cands_.size(); ++c) {
      const Candidate cd = cands_[c];
      const Quantity qt = doc_.quantities[cd.quantity];
      const Np np = ScanNp(cd.end, e);
      if (np.has_object) continue;
      // "two of the four attackers were killed": "four" counts the group, not the dead.
      if (c > 0 && cd.begin >= b + 2 && W(cd.begin - 1) == "the" && W(cd.begin - 2) == "of" &&
          cands_[c - 1].end + 2 == cd.begin) {
        continue;
      }
      const bool subtotal = SubtotalBefore(b, cd.begin);
      if (DiedOfWounds(sentence, cd, e)) continue;
      bool update = false;
      FateHit f = fate_word ? Passive(cd.end, e, np, cd.begin) : FateHit{};
      // "executed 6 prisoners": the verb before wins over a fate noun after.
      if (fate_word && (f.entry == nullptr || (f.entry->roles & q::kAfter) == 0)) {
        const FateHit a = Active(b, cd.begin, &update);
        if (a.entry != nullptr) f = a;
      }
      if (f.entry != nullptr) {
        if (f.begin < cd.begin && (f.entry->roles & q::kBefore) != 0) active_np_end = np.end;
        // "including 12 boys, two girls, and two teachers were wounded": every item listed
        // after a subtotal of the same verb is a part too.
        // (The whole the parts belong to is a frame of that verb as well.)
        bool part = subtotal || Partitive(cd, f, first_frame);
        const std::string_view sep = cd.begin > b ? W(cd.begin - 1) : std::string_view();
        if (!part && (sep == "," || sep == "and")) {
          const uint32_t verb = tok_[f.begin].span.begin;
          bool parts_seen = false;
          for (size_t k = doc_.casualties.size(); k-- > first_frame;) {
            const CasualtyFrame& fr = doc_.casualties[k];
            if (fr.fate_span.begin != verb) break;
            if (!fr.is_subtotal) {
              // ... of the whole's side: "21 militants, including 2 commanders and 4
              // soldiers" lists soldiers beside the militants (people of any side are parts).
              const std::string_view head = LastWord(fr.victims);
              part = parts_seen && (fr.category == np.category || head == "people" ||
                                    head == "persons" || head == "individuals" ||
                                    fr.category == VictimCategory::kUnknown);
              break;
            }
            parts_seen = true;
          }
        }
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, f, f.entry->fate, update,
                 part);
        // "police forces, who killed the two assailants": the attackers, named back by a
        // definite perpetrator noun after the verb, died themselves (not one of the victims'
        // counts, which an implicit victim would be part of).
        if (f.begin < cd.begin && cd.begin > b && W(cd.begin - 1) == "the" &&
            f.entry->fate == Fate::kKilled && np.end > cd.end && IsPerpetratorNoun(W(np.end - 1))) {
          doc_.casualties.back().self_inflicted = true;
        }
        if ((f.entry->roles & q::kTollIsUpdate) != 0) SplitAcross(cd.end, e);
        continue;
      }
      const bool has_prev = doc_.casualties.size() > first_frame;
      // "killing 5 soldiers and 3 civilians": shares the verb of the previous frame.
      size_t after_np = active_np_end;  // "killing 3 fighters (VDP) and 11 civilians"
      if (after_np > 0 && after_np < cd.begin && W(after_np) == "(") {
        for (size_t k = after_np + 1; k < cd.begin && k < after_np + 8; ++k) {
          if (W(k) == ")") {
            after_np = k + 1;
            break;
          }
        }
      }
      // "..., and 2 sons", "along with 4 relatives", "in addition to 3 guards"; a bare number
      // after a comma is a part ("killing 21 people, 17 instantly").
      size_t joint = 0;
      if (after_np > 0 && after_np < cd.begin) {
        const size_t gap = cd.begin - after_np;
        const std::string_view w1 = W(after_np);
        const std::string_view w2 = gap > 1 ? W(after_np + 1) : std::string_view();
        const std::string_view w3 = gap > 2 ? W(after_np + 2) : std::string_view();
        if (gap == 1 && (w1 == "and" || (w1 == "," && np.has_victim))) joint = 1;
        if (gap == 2 && ((w1 == "," && w2 == "and") || (w1 == "along" && w2 == "with") ||
                         (w1 == "together" && w2 == "with"))) {
          joint = 2;
        }
        if (gap == 3 && ((w1 == "in" && w2 == "addition" && w3 == "to") ||
                         (w1 == "as" && w2 == "well" && w3 == "as"))) {
          joint = 3;
        }
        if (joint > 1 && !np.has_victim) joint = 0;
      }
      if (has_prev && cd.begin > b && joint > 0) {
        const CasualtyFrame prev = doc_.casualties.back();
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, {}, prev.fate, false, false);
        doc_.casualties.back().fate_span = prev.fate_span;
        active_np_end = np.end;
        continue;
      }
      // "The gunmen shot 12 men and wounded another three": "shot" set against a wounding is
      // a killing.
      if (np.has_victim && cd.begin > b && W(cd.begin - 1) == "shot" && np.end + 1 < e &&
          W(np.end) == "and") {
        size_t wl = 0;
        const LexEntry* w = MatchAt(np.end + 1, e, q::kFate, &wl);
        if (w != nullptr && w->fate == Fate::kInjured && (w->roles & q::kBefore) != 0) {
          AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np,
                   {w, cd.begin - 1, cd.begin}, Fate::kKilled, false, false);
          active_np_end = np.end;
          continue;
        }
      }
      // "killed a police officer, his wife, and two sons": the last item of a list of
      // objects of an active verb (the items before are read later, by Articles/Names).
      if (fate_word && np.has_victim && cd.begin > b + 2 && W(cd.begin - 1) == "and") {
        const FateHit lv = ListVerb(b, cd.begin - 1);
        if (lv.entry != nullptr) {
          AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, lv, lv.entry->fate, false,
                   false);
          continue;
        }
      }
      const std::string_view before = cd.begin > b ? W(cd.begin - 1) : std::string_view();
      const bool listed = before == ":" ||
                          (before == "and" && has_prev && doc_.casualties.back().is_subtotal);
      if (has_prev && (subtotal || np.of_them || listed)) {
        const Fate fate = doc_.casualties.back().fate;
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, {}, fate, false, true);
        continue;
      }
      if (np.category == VictimCategory::kStateForces && np.has_victim &&
          qt.kind == QuantityKind::kCount) {
        doc_.quantities[cd.quantity].kind = QuantityKind::kTroopStrength;
      }
    }
    // Articles, Negations, Perpetrators, Names and Coordinated add a frame only on a fate (or
    // toll) phrase of the sentence; many sentences have none, and these passes are a large
    // share of the time.
    if (fate_word) {
      Articles(sentence, b, e);
      Negations(sentence, b, e);
      Perpetrators(sentence, b, e, first_frame);
    }
    if (rare & kThemselves) Themselves(sentence, b, e);
    Singulars(sentence, b, e, first_frame);
    DropBodiesOfCounted(first_frame);
    if (fate_word) {
      Names(sentence, b, e, first_frame);
      Coordinated(sentence, b, e, first_frame);
    }
    ListContinuation(sentence, b, e, first_frame);
    if (fate_word) {
      AppositionList(sentence, b, e, first_frame);
      ObjectAppositionList(sentence, b, e, first_frame);
      if (rare & kBody) DropBodiesOfCounted(first_frame);  // ("killed Ann Roe, found her body")
    }
    if (rare & kDeath) ToDeath(sentence, b, e, first_frame);
    if ((rare & (kDead | kLeft)) == (kDead | kLeft)) LeftDead(sentence, b, e, first_frame);
    if (rare & kAddition) InAdditionTo(sentence, b, e, first_frame);
    if (rare & kSuicide) SuicideAttackers(sentence, b, e, first_frame);
  }

  // "Five soldiers were wounded. Two of the wounded were flown out": a count of some of the
  // people an earlier count of the same fate holds ("of the wounded", "of those killed") names
  // part of that set, not more victims. Without an earlier count it is a lower bound and adds.
  bool Partitive(const Candidate& cd, const FateHit& f, size_t first_frame) const {
    const size_t k = cd.end;
    if (k + 2 > f.begin || f.begin > k + 3 || W(k) != "of") return false;
    const std::string_view det = W(k + 1);
    if (det != "the" && det != "those" && det != "these") return false;
    if (f.begin == k + 3 && W(k + 2) != "people") return false;  // "of the people killed"
    const int64_t value = doc_.quantities[cd.quantity].value;
    for (size_t i = 0; i < first_frame && i < doc_.casualties.size(); ++i) {
      const CasualtyFrame& fr = doc_.casualties[i];
      if (!fr.negated && !fr.is_subtotal && fr.fate == f.entry->fate && fr.value > value) {
        return true;
      }
    }
    return false;
  }

  // "One of the injured later died", "two of the wounded students succumbed to their
  // injuries": deaths among people counted as injured (the event moves them from the injured
  // to the dead; the span keeps "of the injured" to say so). Adds the frame, returns true.
  bool DiedOfWounds(uint32_t sentence, const Candidate& cd, size_t e) {
    size_t k = cd.end;
    if (k + 3 >= e || W(k) != "of" || W(k + 1) != "the" ||
        (W(k + 2) != "injured" && W(k + 2) != "wounded")) {
      return false;
    }
    static constexpr std::array<std::string_view, 6> kAdverbs = {
        "later", "subsequently", "eventually", "also", "then", "reportedly"};
    k += 3;
    if (k < e && IsWordish(k) && !In(W(k), kAdverbs) && W(k) != "died" && W(k) != "succumbed") {
      ++k;  // "of the injured students"
    }
    while (k < e && In(W(k), kAdverbs)) ++k;
    if (k >= e || (W(k) != "died" && W(k) != "succumbed")) return false;
    size_t len = 0;
    const LexEntry* f = MatchAt(k, e, q::kFate, &len);
    if (f == nullptr || f->fate != Fate::kKilled) return false;
    Np np;
    np.victims = TokSpan(cd.end, k);
    AddFrame(sentence, cd.begin, cd.end, doc_.quantities[cd.quantity], cd.quantity, np,
             {f, k, k + len}, Fate::kKilled, false, false);
    return true;
  }

  // "The assailant was also killed", "the suicide bomber died": the perpetrator's own death,
  // which adds to the victims' count.
  // "Three assailants opened fire ... The assailants were killed": the attackers counted
  // earlier in the text. Returns that count (0 when none) for a plural perpetrator noun at `i`.
  int64_t EarlierPerpetratorCount(size_t i) const {
    for (size_t k = i; k-- > 0 && k + 400 > i;) {
      if (!IsPerpetratorNoun(W(k)) || !(W(k).ends_with("s") || W(k) == "gunmen")) continue;
      size_t c = k;
      if (c > 0 && W(c - 1) == "suicide") --c;
      if (c == 0) continue;
      const uint32_t end = tok_[c - 1].span.end;
      for (size_t q = doc_.quantities.size(); q-- > 0;) {
        const Quantity& qt = doc_.quantities[q];
        if (qt.span.end < end) break;
        if (qt.span.end == end && qt.kind == QuantityKind::kCount && !qt.vague && qt.value >= 2 &&
            qt.value == qt.high && qt.value <= 20) {
          return qt.value;
        }
      }
    }
    return 0;
  }

  void Perpetrators(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (size_t i = b + 1; i + 1 < e; ++i) {
      const std::string_view w = W(i);
      if (!IsPerpetratorNoun(w)) {  // both readings below need one
        if (W(i + 1) == "were" && W(i - 1) == "the") DefinitePlural(sentence, b, e, first_frame, i);
        if ((rare_[i] & kBodies) && W(i + 1) == "of" && W(i + 2) == "the") {
          BodiesOfEarlier(sentence, e, first_frame, i);
        }
        continue;
      }
      if ((w.ends_with("s") || w == "gunmen") && W(i - 1) == "the" &&
          (i - 1 == b || W(i - 2) == "," || W(i - 2) == ";")) {
        PluralPerpetrators(sentence, e, first_frame, i);
        continue;
      }
      // "All of the assailants were killed", "all attackers had been killed".
      if ((w.ends_with("s") || w == "gunmen") && AllBefore(b, i)) {
        PluralPerpetrators(sentence, e, first_frame, i);
        continue;
      }
      if (w.ends_with("s") || w == "gunmen") continue;
      size_t d = i - 1;
      if (W(d) == "suicide" && d > b) --d;
      // one adjective: "The Afghan attacker was also killed"
      // (not an ordinal: "a second bomber" is usually one of attackers counted elsewhere)
      if (W(d) != "the" && W(d) != "a" && W(d) != "an" && d > b && IsWordish(d) &&
          !IsStopWord(W(d)) && !In(W(d), kOrdinalWords) && W(d) != "other" &&
          (W(d - 1) == "the" || W(d - 1) == "a" || W(d - 1) == "an")) {
        --d;
      }
      if (W(d) != "the" && W(d) != "a" && W(d) != "an") continue;
      size_t j = AfterApposition(i + 1, e), len = 0;
      while (j < e && MatchAt(j, e, q::kAux, &len) != nullptr &&
             MatchAt(j, e, q::kFate, &len) == nullptr) {
        j += len;
      }
      const LexEntry* f = MatchAt(j, e, q::kFate, &len);
      if (f == nullptr || (f->roles & q::kAfter) == 0 || f->fate != Fate::kKilled) continue;
      if (j + len < e) {  // "the assailant killed two guards": active, not his death
        const size_t o = j + len;
        NumberMatch n;
        size_t vl = 0;
        if (q::ScanNumber(lex_, t_, tok_, o, e, &n) || W(o) == "a" || W(o) == "an" ||
            W(o) == "the" || W(o) == "his" || W(o) == "her" || W(o) == "him" ||
            W(o) == "himself" || W(o) == "herself" ||
            IsNameWord(o) || MatchAt(o, e, q::kVictim, &vl) != nullptr) {
          continue;
        }
      }
      bool marked = false;
      for (size_t k = first_frame; k < doc_.casualties.size(); ++k) {
        CasualtyFrame& fr = doc_.casualties[k];
        if (fr.fate_span.begin == tok_[j].span.begin) {
          if (fr.victims.end == tok_[i].span.end && fr.value == 1) fr.self_inflicted = true;
          marked = true;
        }
      }
      if (marked) continue;
      Np np;
      np.victims = TokSpan(d + 1, i + 1);
      np.category = VictimCategory::kNonState;
      AddUncountedFrame(sentence, d, d + 1, 1, np, {f, j, j + len}, f->fate).self_inflicted = true;
    }
  }

  // The token after an apposition that opens at token `j` (", identified as Fadi al-Qunbar,",
  // ", named as X,", ", aged 25,", ", 25,"), or `j` itself when none does.
  size_t AfterApposition(size_t j, size_t e) const {
    if (j + 2 >= e || W(j) != ",") return j;
    const std::string_view first = W(j + 1);
    const bool age = !first.empty() && first.size() <= 3 &&
                     std::all_of(first.begin(), first.end(),
                                 [](char c) { return c >= '0' && c <= '9'; });
    if (first != "identified" && first != "named" && first != "aged" && !age) return j;
    for (size_t k = j + 2; k < e && k < j + 14; ++k) {
      if (W(k) == ",") return k + 1;
      if (W(k) == ";" || W(k) == "." || W(k) == "(" || W(k) == ")") break;
    }
    return j;
  }

  // A passive opened at token *j ("were [later] killed") read up to its fate: the killing
  // entry, with *j and *len on the fate's tokens, or nullptr when the fate is no killing
  // read after its subject or an earlier frame already used it.
  const LexEntry* PassiveKilling(size_t e, size_t first_frame, size_t* j, size_t* len) {
    while (*j < e && MatchAt(*j, e, q::kAux, len) != nullptr &&
           MatchAt(*j, e, q::kFate, len) == nullptr) {
      *j += *len;
    }
    const LexEntry* f = MatchAt(*j, e, q::kFate, len);
    if (f == nullptr || (f->roles & q::kAfter) == 0 || f->fate != Fate::kKilled ||
        FateUsed(first_frame, *j)) {
      return nullptr;
    }
    return f;
  }

  // The count written before an earlier mention of the plural victim noun `noun` (the count
  // right before it or one or two words before: "two police officers"), searching back from
  // token `i` over up to 300 tokens; 0 when none.
  int64_t EarlierCount(std::string_view noun, size_t i) const {
    int64_t n = 0;
    for (size_t k = i - 1; k-- > 0 && k + 300 > i && n == 0;) {
      if (W(k) != noun || k == 0) continue;
      // the count right before the noun or one or two words before it ("two police officers")
      const uint32_t lo = tok_[k >= 3 ? k - 3 : 0].span.end, hi = tok_[k - 1].span.end;
      for (size_t qi = doc_.quantities.size(); qi-- > 0;) {
        const Quantity& qt = doc_.quantities[qi];
        if (qt.span.end < lo) break;
        // (a count of soldiers that no fate bound became a troop strength)
        if (qt.span.end <= hi &&
            (qt.kind == QuantityKind::kCount || qt.kind == QuantityKind::kTroopStrength) &&
            !qt.vague && qt.value >= 2 && qt.value == qt.high && qt.value <= 50) {
          n = qt.value;
          break;
        }
      }
    }
    return n;
  }

  // "Gunmen abducted two police officers. The bodies of the officers were found later": the
  // dead are the people counted before the same noun, when no death of theirs is counted yet.
  [[gnu::noinline]] void BodiesOfEarlier(uint32_t sentence, size_t e, size_t first_frame,
                                         size_t i) {
    size_t noun = i + 3;
    if (noun + 1 < e && !IsStopWord(W(noun)) && IsWordish(noun + 1) && W(noun + 1).ends_with("s") &&
        !IsStopWord(W(noun + 1))) {
      ++noun;  // one adjective: "the bodies of the abducted officers"
    }
    size_t len = 0;
    if (noun >= e || !W(noun).ends_with("s") || W(noun) == "victims" ||
        MatchAt(noun, noun + 1, q::kVictim, &len) == nullptr) {
      return;
    }
    for (size_t k = first_frame; k < doc_.casualties.size(); ++k) {
      const Span sp = doc_.casualties[k].span;
      if (sp.begin < tok_[noun].span.end && sp.end > tok_[i].span.begin) return;
    }
    const int64_t n = EarlierCount(W(noun), i);
    if (n < 2) return;
    for (size_t k = 0; k < first_frame; ++k) {  // their deaths counted already
      const CasualtyFrame& f = doc_.casualties[k];
      if (f.fate == Fate::kKilled && !f.negated && f.value >= n) return;
    }
    CasualtyFrame& fr = AddUncountedFrame(sentence, i, i + 1, n, ScanNp(noun, e),
                                          {nullptr, i, i + 1}, Fate::kKilled);
    fr.fate_span = TokSpan(i, i + 1);
    fr.span = TokSpan(i - 1, noun + 1);
  }

  // "Gunmen fired on two police officers. The officers were killed.": a plural victim noun
  // opening a passive takes the count written before the same noun earlier in the text.
  // Called from Perpetrators' walk (one pass over the sentence for both) at a token `i` that
  // is no perpetrator noun. Kept out of line: the walk runs at every token, this rarely.
  [[gnu::noinline]] void DefinitePlural(uint32_t sentence, size_t b, size_t e, size_t first_frame,
                                        size_t i) {
    if (W(i + 1) != "were" || W(i - 1) != "the" ||
        (i - 1 != b && W(i - 2) != "," && W(i - 2) != ";")) {
      return;
    }
    const std::string_view noun = W(i);
    size_t len = 0;
    if (!noun.ends_with("s") || noun == "victims" ||
        MatchAt(i, i + 1, q::kVictim, &len) == nullptr) {
      return;
    }
    size_t j = i + 1;
    const LexEntry* f = PassiveKilling(e, first_frame, &j, &len);
    if (f == nullptr) return;
    const int64_t n = EarlierCount(noun, i);
    if (n < 2) return;
    AddUncountedFrame(sentence, i - 1, i, n, ScanNp(i, e), {f, j, j + len}, f->fate).span =
        TokSpan(i - 1, j + len);
  }

  // "all the", "all of the" or "all" right before token `i` (the passive after it makes the
  // phrase a subject).
  bool AllBefore(size_t b, size_t i) const {
    size_t k = i - 1;
    if (W(k) == "the" && k > b) --k;
    if (W(k) == "of" && k > b) --k;
    return W(k) == "all";
  }

  // "The assailants were killed by police" after "Three assailants attacked ...": 3.
  void PluralPerpetrators(uint32_t sentence, size_t e, size_t first_frame, size_t i) {
    size_t j = i + 1, len = 0;
    // "had been killed" (not "had killed": the verb of the perpetrators)
    if (j + 1 < e && (W(j) == "had" || W(j) == "have") && W(j + 1) == "been") ++j;
    if (j >= e || (W(j) != "were" && W(j) != "been")) return;
    const LexEntry* f = PassiveKilling(e, first_frame, &j, &len);
    if (f == nullptr) return;
    AddEarlierPerpetrators(sentence, i, {f, j, j + len}, f->fate);
  }

  // The attackers counted earlier in the text as the dead of the definite plural perpetrator
  // noun at `noun` ("the assailants"), with no count span of their own. False when no earlier
  // count of two or more exists.
  bool AddEarlierPerpetrators(uint32_t sentence, size_t noun, const FateHit& hit, Fate fate) {
    const int64_t n = EarlierPerpetratorCount(noun - 1);
    if (n < 2) return false;
    Np np;
    np.victims = tok_[noun].span;
    np.category = VictimCategory::kNonState;
    AddUncountedFrame(sentence, noun - 1, noun, n, np, hit, fate).self_inflicted = true;
    return true;
  }

  // "two Palestinians blew themselves up": the count is the attackers' own deaths.
  void Themselves(uint32_t sentence, size_t b, size_t e) {
    for (size_t i = b + 2; i < e; ++i) {
      if (W(i) != "themselves") continue;
      const std::string_view v = W(i - 1);
      if (v == "killing") {
        DefiniteKilledThemselves(sentence, b, i);
        continue;
      }
      if (v != "blew" && v != "detonated" && v != "exploded" && v != "immolated") continue;
      for (const Candidate& cd : cands_) {
        if (cd.end >= i) break;
        const Np np = ScanNp(cd.end, i - 1);
        if (np.end != i - 1 || (!np.has_victim && np.group.empty())) continue;
        bool used = false;
        const uint32_t at = tok_[cd.begin].span.begin;
        for (const CasualtyFrame& fr : doc_.casualties) {
          if (fr.count_span.begin == at && !fr.count_span.empty()) used = true;
        }
        if (used) continue;
        const Quantity qt = doc_.quantities[cd.quantity];
        const size_t fe = i + 1 < e && W(i + 1) == "up" ? i + 2 : i + 1;
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, {nullptr, i - 1, fe},
                 Fate::kKilled, false, false);
        doc_.casualties.back().fate_span = TokSpan(i - 1, fe);
        doc_.casualties.back().span = TokSpan(cd.begin, fe);
        doc_.casualties.back().self_inflicted = true;
      }
    }
  }

  // "Two suicide bombers were spotted. The bombers detonated, killing themselves": the count
  // written before the same attackers, when this sentence counts them nowhere else.
  [[gnu::noinline]] void DefiniteKilledThemselves(uint32_t sentence, size_t b, size_t i) {
    for (size_t f = 0; f < doc_.casualties.size(); ++f) {
      if (doc_.casualties[f].sentence == sentence && doc_.casualties[f].self_inflicted) return;
    }
    for (size_t k = b + 1; k + 1 < i; ++k) {
      if (W(k - 1) != "the" || !IsPerpetratorNoun(W(k)) ||
          !(W(k).ends_with("s") || W(k) == "gunmen")) {
        continue;
      }
      if (AddEarlierPerpetrators(sentence, k, {nullptr, i - 1, i + 1}, Fate::kKilled)) {
        doc_.casualties.back().fate_span = TokSpan(i - 1, i + 1);
      }
      return;
    }
  }

  // "A suicide bomber detonated his vest", "two suicide bombers attacked": a suicide attack
  // that took place kills its attackers, who count among the dead (GTD, ACLED and UCDP all
  // count them) unless the text already counts them ("blew himself up", "including the
  // bomber") or the attack failed. One frame per sentence; across sentences such frames are
  // alternatives.
  void SuicideAttackers(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
      if (doc_.casualties[f].self_inflicted) return;
    }
    static constexpr std::array<std::string_view, 8> kVehicle = {
        "car", "truck", "vehicle", "motorcycle", "motorbike", "bike", "van", "tractor"};
    static constexpr std::array<std::string_view, 10> kAttacker = {
        "bomber", "bombers", "attacker", "attackers", "assailant", "assailants", "cadre",
        "cadres", "militant", "militants"};
    static constexpr std::array<std::string_view, 22> kActed = {
        "detonated", "detonating", "exploded", "blew", "self-detonated", "rammed", "ramming",
        "drove", "driving", "struck", "attacked", "targeted", "targeting", "killed", "killing",
        "triggered", "hit", "stormed", "set", "carried", "launched", "wounding"};
    static constexpr std::array<std::string_view, 16> kFailed = {
        "failed", "attempted", "attempting", "tried", "foiled", "thwarted", "arrested",
        "detained", "captured", "apprehended", "defused", "intercepted", "would-be", "prevented",
        "could", "identified"};
    for (size_t i = b; i + 1 < e; ++i) {
      if (W(i) != "suicide") continue;
      size_t h = i + 1;
      if (In(W(h), kVehicle) && h + 1 < e) ++h;
      if (!In(W(h), kAttacker)) continue;
      const bool plural = W(h).ends_with("s");
      // The count before: "a", "the", "one", "two", "a female" (up to two adjectives).
      int64_t n = 0;
      size_t begin = i;
      for (size_t k = i, adjectives = 0; k-- > b && adjectives <= 2;) {
        const std::string_view w = W(k);
        if (w == "a" || w == "an" || w == "the" || w == "one") {
          n = w == "the" && plural ? 0 : 1;
          begin = k;
          break;
        }
        if (w == "of" && k > b && (W(k - 1) == "one" || W(k - 1) == "two")) {
          n = W(k - 1) == "one" ? 1 : 2;  // "one of two suicide bombers"
          begin = k - 1;
          break;
        }
        bool counted = false;
        for (const Candidate& c : cands_) {
          if (c.end == k + 1 && !doc_.quantities[c.quantity].vague) {
            n = doc_.quantities[c.quantity].high;
            begin = c.begin;
            counted = true;
          }
        }
        if (counted || !IsWordish(k) || IsStopWord(w)) break;
        ++adjectives;
      }
      if (n <= 0 || (n == 1 && plural) || n > 20) continue;
      // Killed by others ("security forces killed seven suicide bombers"): already a frame.
      bool framed = false;
      for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
        const Span v = doc_.casualties[f].victims;
        framed |= v.begin <= tok_[h].span.begin && tok_[h].span.end <= v.end;
      }
      if (framed) return;
      bool acted = begin > b && (W(begin - 1) == "by" || (begin > b + 1 && W(begin - 2) == "by"));
      for (size_t k = h + 1; k < e && !acted; ++k) acted = In(W(k), kActed);
      if (!acted) continue;
      for (size_t k = b; k < e; ++k) {
        if (In(W(k), kFailed)) return;
      }
      // "killing 15 people, including the bomber": the attackers are inside a count.
      for (size_t k = 0; k + 1 < tok_.size(); ++k) {
        if (t_.lower[k] != "including" && t_.lower[k] != "among") continue;
        if (k > 0 && (t_.lower[k - 1] == "not" || t_.lower[k - 1] == "excluding")) continue;
        for (size_t m = k + 1; m < tok_.size() && m < k + 8; ++m) {
          if (IsPerpetratorNoun(t_.lower[m]) || t_.lower[m] == "attackers") return;
        }
      }
      Np np;
      np.victims = TokSpan(i, h + 1);
      np.category = VictimCategory::kNonState;
      CasualtyFrame& fr = AddUncountedFrame(sentence, begin, h + 1, n, np, {nullptr, i, h + 1},
                                            Fate::kKilled);
      fr.fate_span = TokSpan(i, i + 1);
      fr.self_inflicted = true;
      return;
    }
  }

  // A suicide attack's implicit attackers (SuicideAttackers) are dropped when another frame
  // of the document counts attackers: "The two assailants were killed", "In addition to the
  // bomber", "blew himself up".
  void DropCountedSuicideAttackers() {
    auto implicit = [&](const CasualtyFrame& f) {
      return f.self_inflicted && f.fate_span.size() == 7 &&
             std::string_view(lower_).substr(f.fate_span.begin, 7) == "suicide";
    };
    // Nothing to drop: skip the scans of the whole text below.
    if (std::none_of(doc_.casualties.begin(), doc_.casualties.end(), implicit)) return;
    bool counted = false;
    // The attack did not take place as a suicide: "the device failed to detonate", "In
    // addition to the assailant, three people were injured".
    static constexpr std::string_view kNoSuicide[] = {
        "failed to detonate", "failed to explode", "did not detonate", "did not explode",
        "partially detonated", "in addition to the assailant, ", "in addition to the bomber, "};
    for (std::string_view w : kNoSuicide) {
      const size_t at = lower_.find(w);
      if (at == std::string::npos) continue;
      if (!w.starts_with("in addition")) {
        counted = true;
        continue;
      }
      // ... only when the sentence's fate is an injury
      const size_t stop = lower_.find('.', at);
      const std::string_view rest = std::string_view(lower_).substr(
          at, stop == std::string::npos ? std::string::npos : stop - at);
      if (rest.find("injured") != std::string_view::npos &&
          rest.find("killed") == std::string_view::npos) {
        counted = true;
      }
    }
    for (const CasualtyFrame& f : doc_.casualties) {
      if (implicit(f) || f.negated || f.fate != Fate::kKilled) continue;
      if (f.self_inflicted) counted = true;
      // "the bomber was fired on and killed", "The attacker and six soldiers were killed" (a
      // frame with no victims phrase; its first word, or its second after a determiner)
      if (f.victims.empty() && f.quantity < 0) {
        std::string_view lead = std::string_view(lower_).substr(f.span.begin, f.span.size());
        if (lead.starts_with("the ")) lead.remove_prefix(4);
        const size_t sp = lead.find(' ');
        if (IsPerpetratorNoun(lead.substr(0, sp))) counted = true;
      }
      if (f.victims.empty()) continue;
      std::string_view v = std::string_view(lower_).substr(f.victims.begin, f.victims.size());
      if (const size_t sp = v.find_last_of(' '); sp != std::string_view::npos) v = v.substr(sp + 1);
      if (IsPerpetratorNoun(v) || v == "hijackers" || v == "hijacker") counted = true;
    }
    if (counted) std::erase_if(doc_.casualties, implicit);
  }

  // "attempted to kill", "plotted to kill", "kill": an intention, not a death.
  bool Intended(size_t b, size_t fate_begin) const {
    if (W(fate_begin) == "kill") return true;
    return fate_begin > b && W(fate_begin - 1) == "to";
  }

  // A perpetrator noun: "assailant", "suicide bomber", "gunmen".
  bool IsPerpetratorNoun(std::string_view w) const {
    static constexpr std::array<std::string_view, 14> kPerp = {
        "assailant", "assailants", "attacker", "attackers", "bomber", "bombers", "perpetrator",
        "perpetrators", "gunman", "gunmen", "militant", "militants", "terrorist", "terrorists"};
    // Most words are none of these: reject by length and first letter before the scan.
    if (w.size() < 6 || w.size() > 12) return false;
    const unsigned first = static_cast<unsigned char>(w[0]) - 'a';
    constexpr uint32_t kFirst = (1u << ('a' - 'a')) | (1u << ('b' - 'a')) | (1u << ('p' - 'a')) |
                                (1u << ('g' - 'a')) | (1u << ('m' - 'a')) | (1u << ('t' - 'a'));
    if (first >= 26 || ((kFirst >> first) & 1u) == 0) return false;
    return In(w, kPerp);
  }

  // A capitalized word that can be part of a person's name (not a known victim, group,
  // nationality, number or month word).
  bool IsNameWord(size_t i) const {
    if (tok_[i].kind != TokenKind::kWord && tok_[i].kind != TokenKind::kAlnum) return false;
    const std::string_view raw = Raw(i);
    if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z') return false;
    static constexpr std::array<std::string_view, 12> kNotNames = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "the", "a", "an", "no", "i"};
    if (In(W(i), kNotNames)) return false;
    size_t len = 0;
    return MatchAt(i, i + 1,
                   q::kVictim | q::kGroup | q::kNationality | q::kNumber | q::kMonth |
                       q::kVagueAmount | q::kQualifierWord | q::kFate | q::kAux,
                   &len) == nullptr;
  }

  // A hyphenated rank whose first part the lexicon knows as a victim ("Lieutenant-Brigadier",
  // "Major-General").
  bool IsCompoundRank(size_t i) const {
    const std::string_view w = W(i);
    const size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    const LexEntry* en = lex_.Word(w.substr(0, dash));
    return en != nullptr && (en->classes & q::kVictim) != 0;
  }

  // The end of a run of name words from `i` ("Nuradin Abdullahi Aweys"); `i` when none.
  size_t NameRun(size_t i, size_t e) const {
    size_t j = i;
    while (j < e && j < i + 5 && IsNameWord(j)) ++j;
    return j;
  }

  // "shot and killed Nuradin Aweys", "killed Smith and Jones": one per name.
  void Names(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (size_t i = b; i < e; ++i) {
      size_t len = 0;
      const LexEntry* f = MatchAt(i, e, q::kFate, &len);
      if (f == nullptr) continue;
      const size_t fate_end = i + len;
      size_t fe = fate_end;
      // ("the death of Ann Roe" is left out: "protested over the death of Ann Roe" is mostly
      // a past death.)
      if ((f->roles & q::kBefore) == 0 || f->fate != Fate::kKilled ||
          FateUsed(first_frame, i) || fe >= e || Intended(b, i)) {
        i = fe - 1;
        continue;
      }
      // "shot and killed, Al Poe, a teacher": a comma before a name set off by commas.
      if (fe + 3 < e && W(fe) == "," && NameRun(fe + 1, e) >= fe + 3 &&
          W(NameRun(fe + 1, e)) == ",") {
        ++fe;
      }
      size_t t = fe;  // capitalized titles or units before the name: "Army Corporal"
      while (t < e && t < fe + 3 && !IsNameWord(t) && IsWordish(t) && !Raw(t).empty() &&
             Raw(t)[0] >= 'A' && Raw(t)[0] <= 'Z' && W(t) != "the" && W(t) != "a" &&
             W(t) != "an") {
        ++t;
      }
      size_t j = t > fe ? NameRun(t, e) : NameRun(fe, e);
      if (t > fe && j == t) j = fe;
      if (t == fe && j == fe) {
        // "killed farm owner Ann Roe", "killed police major Ann Roe": lower-case role words
        // before a full name.
        size_t r = fe;
        while (r < e && r < fe + 3 && IsWordish(r) && !Raw(r).empty() && Raw(r)[0] >= 'a' &&
               Raw(r)[0] <= 'z' && !IsStopWord(W(r)) && !InQuantity(r)) {
          ++r;
        }
        if (r > fe && NameRun(r, e) >= r + 2) j = NameRun(r, e);
      }
      size_t tl = 0;
      if (j == fe || (j < e && MatchAt(j, j + 1, q::kVictim, &tl) != nullptr)) {
        // "killed Brigadier General Al Poe", "killed Forest guard Al Poe": a title with a
        // rank or role word the lexicon knows, capitalized or not, before a full name.
        bool role = false;
        for (size_t r = fe; r < e && r < fe + 3 && IsWordish(r) && !IsStopWord(W(r)) &&
                            !InQuantity(r);
             ++r) {
          size_t vl = 0;
          role |= MatchAt(r, r + 1, q::kVictim, &vl) != nullptr;
          if (role && NameRun(r + 1, e) >= r + 3) {
            j = NameRun(r + 1, e);
            break;
          }
        }
      }
      if (j == fe) {
        i = fe - 1;
        continue;
      }
      int64_t count = 1;
      size_t last = j;
      for (int hops = 0; hops < 4 && j + 1 < e; ++hops) {
        size_t k = j;
        if (W(k) == ",") ++k;
        if (k < e && W(k) == "and") ++k;
        if (k == j || k >= e) break;
        const size_t r = NameRun(k, e);
        if (r == k) break;
        // "killed Lieutenant-Brigadier, Khudhier Kadhim": a compound rank alone before the
        // comma is the title of the name after it, not another person.
        const bool title = hops == 0 && W(j) == "," && (j - 1 == fe || !IsNameWord(j - 2)) &&
                           IsCompoundRank(j - 1);
        if (!title) ++count;
        j = last = r;
      }
      // "killed Tutsi civilians", "killed Smith's son": not a list of names.
      size_t vl = 0;
      if (last < e && (W(last) == "'s" || W(last) == "'" ||
                       MatchAt(last, e, q::kVictim | q::kObject, &vl) != nullptr)) {
        i = last - 1;
        continue;
      }
      // No victims phrase: names say nothing of the side, so the count is a report of the
      // total that brackets counts of other sentences instead of adding to them.
      AddUncountedFrame(sentence, fe, last, count, Np{}, {f, i, fate_end}, f->fate).span =
          TokSpan(i, last);
      i = last - 1;
    }
  }

  // One conjunct of a list ending at token `last` (inclusive), read backwards: a name ("Rick
  // Best"), a determiner phrase with a singular victim noun ("a soldier", "his relative",
  // "both assailants" = 2) or a bare singular victim noun after a determiner phrase ("a
  // soldier and military officer"). Sets *begin and *value; false when none.
  bool ConjunctBack(size_t b, size_t last, bool allow_bare, size_t* begin, int64_t* value,
                    bool* perpetrator) const {
    *value = 1;
    *perpetrator = false;
    if (IsNameWord(last)) {
      size_t s = last;
      while (s > b && s + 5 > last && IsNameWord(s - 1)) --s;
      if (s > b && (W(s - 1) == "the" || W(s - 1) == "a" || W(s - 1) == "an")) return false;
      *begin = s;
      return true;
    }
    if (!IsWordish(last)) return false;
    const std::string_view head = W(last);
    size_t len = 0;
    const LexEntry* v = MatchAt(last, last + 1, q::kVictim, &len);
    if (v == nullptr) {
      size_t s2 = 0;
      // multi-word victims ending here ("police officer")
      for (size_t s = last; s + 3 > last && s > b; --s) {
        if (MatchAt(s, last + 1, q::kVictim, &len) != nullptr && s + len == last + 1) {
          v = MatchAt(s, last + 1, q::kVictim, &len);
          s2 = s;
          break;
        }
      }
      if (v == nullptr) return false;
      (void)s2;
    }
    const bool plural = head.ends_with("s") || head.ends_with("men") ||
                        head == "people" || head == "children" || head == "police" ||
                        head == "personnel";
    *perpetrator = IsPerpetratorNoun(head);
    for (size_t s = last; s-- > b && s + 5 > last;) {
      const std::string_view w = W(s);
      // "Roe's driver": a name's possessive is a determiner too.
      const bool possessive = !plural && s + 1 == last && w.size() > 2 && w.ends_with("'s") &&
                              IsNameWord(s);
      if (w == "a" || w == "an" || w == "his" || w == "her" || w == "their" || w == "the" ||
          w == "one" || w == "both" || possessive) {
        if (w == "both") {
          if (!plural) return false;
          *value = 2;
        } else if (plural) {
          return false;
        }
        *begin = s;
        return true;
      }
      if (w == "and" || w == "," || !IsWordish(s) || IsStopWord(w)) {
        if (allow_bare && !plural && s < last) {
          *begin = s + 1;
          return true;
        }
        return false;
      }
    }
    return false;
  }

  // "Colon and his driver were killed", "A rabbi, a civilian, and both assailants were
  // killed", "a farmer and his brother were killed": one frame counting the conjuncts.
  void Coordinated(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (size_t i = b + 1; i < e; ++i) {
      if (W(i) != "were") continue;
      size_t j = i + 1, len = 0;
      while (j < e && MatchAt(j, e, q::kAux, &len) != nullptr &&
             MatchAt(j, e, q::kFate, &len) == nullptr) {
        j += len;
      }
      const LexEntry* f = MatchAt(j, e, q::kFate, &len);
      if (f == nullptr || (f->roles & q::kAfter) == 0) continue;
      size_t p = i - 1;
      // "The commissioner and two bodyguards were killed": the counted list before the verb
      // is framed already; the conjuncts before it, joined by "and", are more of its victims.
      const bool counted_tail = FateUsed(first_frame, j);
      // "Ann Roe, his two wives and a son were killed": a conjunct joined to the counted list
      // by a comma alone, which must then open the sentence (not "In Kabul, two soldiers").
      bool comma_join = false;
      if (counted_tail) {
        size_t c = CountedListStart(first_frame, b, i, j);
        // a possessive before the count is part of its item: "and his two sons"
        if (c > b + 1 && (W(c - 1) == "his" || W(c - 1) == "her" || W(c - 1) == "their")) --c;
        if (c <= b + 1 || (W(c - 1) != "and" && W(c - 1) != ",")) continue;
        // (not before "a colonel": "Ann Roe, a colonel, and one other" is an apposition)
        comma_join = W(c - 1) == ",";
        if (comma_join && (W(c) == "a" || W(c) == "an")) continue;
        p = c - 2;
      }
      // "A student and a guard in the vicinity of the school were killed": the place after
      // the list is no conjunct.
      bool pp = false;
      if (!counted_tail) {
        for (size_t m = p; m > b + 2 && m + 9 > p; --m) {
          if (!IsWordish(m) || W(m) == "and") break;
          if (W(m) == "in" || W(m) == "at" || W(m) == "near" || W(m) == "inside") {
            p = m - 1;
            pp = true;
            break;
          }
        }
      }
      if (W(p) == "," && p > b) --p;
      if (!counted_tail && RelativeAfterAnd(sentence, b, p, i, j, len, f)) continue;
      int64_t total = 0;
      int conjuncts = 0;
      bool saw_and = counted_tail, ok = true, last_and = counted_tail;
      size_t begin = p, end = p + 1;
      for (int n = 0; n < 6; ++n) {
        size_t s = 0;
        int64_t v = 0;
        bool perp = false;
        bool found = ConjunctBack(b, p, false, &s, &v, &perp);
        if (!found && counted_tail && n == 0) found = SubjectNounBack(b, p, &s);
        if (found && counted_tail && (Framed(first_frame, s, p) || !ConjunctStarts(b, s))) {
          found = false;
        }
        if (found && comma_join && n == 0 &&
            (s != b || IsStopWord(W(s)) || (s == p && SentenceAdverb(W(s))))) {
          found = false;
        }
        // "The chief of public order and an associate", "the driver of Dost Coach and a
        // guard": a singular conjunct whose noun an "of" phrase follows (not "the village of
        // Xyz": no victim noun before "of").
        if (!found && (n > 0 || counted_tail)) {
          for (size_t o = p; o > b + 1 && o + 5 > p; --o) {
            if (W(o) == "of") {
              found = ConjunctBack(b, o - 1, false, &s, &v, &perp) && v == 1 && !perp &&
                      !IsNameWord(o - 1) && ConjunctStarts(b, s) &&
                      (!counted_tail || !Framed(first_frame, s, p));
              break;
            }
            if (!IsWordish(o) || W(o) == "and") break;
          }
        }
        if (!found && n == 0 && !counted_tail) {
          // "a soldier and military officer": a bare noun after "and"
          found = ConjunctBack(b, p, true, &s, &v, &perp) && s > b + 1 && W(s - 1) == "and";
        }
        if (!found) {
          if (last_and) ok = false;  // the "and" joins something else
          break;
        }
        // "Ann Roe and Jane Doe, both teachers, were killed": an apposition that restates the
        // list before it, not more people.
        if (n == 0 && !counted_tail && W(s) == "both" && s > b + 2 && W(s - 1) == ",") {
          p = s - 2;
          continue;
        }
        total += v;
        ++conjuncts;
        begin = s;
        if (s <= b + 1) break;
        size_t k = s - 1;
        last_and = W(k) == "and";
        if (last_and) {
          saw_and = true;
          if (k > b && W(k - 1) == ",") --k;
        } else if (W(k) != ",") {
          break;
        }
        if (k == b) break;
        p = k - 1;
      }
      if (!ok || !saw_and || conjuncts < (counted_tail ? 1 : 2) || (pp && begin != b)) continue;
      if (counted_tail) {
        // Only the uncounted conjuncts; the frame's span stays before the counted list so
        // that aggregation reads it as listed beside that count.
        AddUncountedFrame(sentence, begin, end, total, Np{}, {f, j, j + len}, f->fate).span =
            TokSpan(begin, end);
        continue;
      }
      // No victims phrase: a report of the total, as for names.
      AddUncountedFrame(sentence, begin, i, total, Np{}, {f, j, j + len}, f->fate).span =
          TokSpan(begin, j + len);
    }
  }

  // A subject list with appositions before a passive killing or "died": "Ann Roe, a teacher,
  // and her son were killed" (2), "A guard, Al Poe, and two other officers were killed" (3),
  // "Two soldiers, Sgt Ann Roe and Cpl Al Poe, and a civilian died" (3), "Ann Roe and Al Poe,
  // both teachers, were killed" (2), "an officer identified as Al Poe and a woman" (2). A name
  // and a role phrase joined by a bare comma are one person; names right after a count that
  // they restate add nothing. The list must read cleanly from the start of the clause (after
  // openers such as "On Monday,"), else the other readings stand. The frames this verb had in
  // the list give way to one frame of the total.
  enum class Seg : uint8_t { kName, kRole, kCounted, kBoth, kIdent, kAge };
  struct ListSeg {
    Seg kind;
    int64_t value;
    bool comma_only;   // joined to the segment before by a bare comma (no "and")
    bool after_comma;  // a comma before it (", and" too)
    bool ident;        // a role with a name: "an officer identified as Al Poe"
    bool relative = false;  // "his son": someone else than the name before it
    bool ends_name = false;  // "two leaders Ann Roe": names follow the count's noun
    bool proper_of = false;  // "an employee of the Ministry of Trade": "and Industry" follows
  };

  // Classifies tokens [s, t) as one segment of a subject list; false when it is none.
  bool ClassifySeg(size_t s, size_t t, bool first, ListSeg* out) const {
    static constexpr std::array<std::string_view, 26> kNotInSubject = {
        "said", "says", "who",   "whom",  "which",     "that",   "was",   "were",  "is",
        "are",  "had",  "has",   "have",  "been",      "when",   "while", "after", "before",
        "by",   "if",   "where", "since", "including", "among",  "but",   "namely"};
    if (s >= t || t - s > 14) return false;
    size_t len = 0;
    for (size_t k = s; k < t; ++k) {
      if (In(W(k), kNotInSubject)) return false;
    }
    // (the lexicon lookups, dearer, run only for a segment that reads as an item)
    if (!ClassifyItem(s, t, first, out)) return false;
    for (size_t k = s; k < t; ++k) {
      if (MatchAt(k, t, q::kFate, &len) != nullptr) return false;
    }
    return true;
  }

  bool ClassifyItem(size_t s, size_t t, bool first, ListSeg* out) const {
    static constexpr std::array<std::string_view, 10> kDeterminers = {
        "a", "an", "the", "his", "her", "their", "its", "another", "one", "both"};
    size_t len = 0;
    // "identified as Al Poe", "also known as Al Poe": a name for the segment before.
    if (W(s) == "identified" || W(s) == "known" || (W(s) == "also" && W(s + 1) == "known")) {
      *out = {Seg::kIdent, 0, false, false, false};
      return !first;
    }
    if ((t == s + 1 && tok_[s].kind == TokenKind::kNumber) ||
        (W(s) == "(" && t <= s + 3 && tok_[s + 1].kind == TokenKind::kNumber)) {
      // an age: "Ann Roe, 45, and", "Ann Roe, (45)"
      *out = {Seg::kAge, 0, false, false, false};
      return !first;
    }
    if (W(s) == "both") {
      *out = {Seg::kBoth, 2, false, false, false};
      return true;
    }
    // A count: "two other police officers", "at least two relatives", "three of his guards".
    for (const Candidate& c : cands_) {
      if (c.begin < s || c.begin > s + 2 || c.end > t) continue;
      const Quantity& q = doc_.quantities[c.quantity];
      // (a count of soldiers that no fate bound yet reads as a troop strength)
      if (q.vague || q.value < 1 || q.value > 50 ||
          (q.kind != QuantityKind::kCount && q.kind != QuantityKind::kTroopStrength)) {
        return false;
      }
      *out = {Seg::kCounted, q.value, false, false, false};
      size_t te = t;  // before a trailing "(52)"
      if (W(te - 1) == ")" && te >= s + 4 && W(te - 3) == "(") te -= 3;
      out->ends_name = te > c.end + 1 && IsNameWord(te - 1) && IsNameWord(te - 2);
      for (size_t k = s; k < t; ++k) out->proper_of |= W(k) == "of";
      out->proper_of &= !Raw(t - 1).empty() && Raw(t - 1)[0] >= 'A' && Raw(t - 1)[0] <= 'Z';
      return true;
    }
    // "identified as"/"named" inside a role ends the phrase: "an officer identified as Al Poe".
    size_t end = t;
    for (size_t k = s + 1; k < t; ++k) {
      if (W(k) == "identified" || W(k) == "named" || W(k) == "known") {
        end = k;
        break;
      }
    }
    // A name: capitalized words (titles included), "al-" names and initials.
    bool all_caps = true, any_name = false;
    for (size_t k = s; k < end; ++k) {
      const std::string_view raw = Raw(k);
      const bool cap = !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z';
      const bool particle = W(k).starts_with("al-") || W(k) == "bin" || W(k) == "de" ||
                            W(k) == "." || W(k) == "-";
      if (!cap && !particle) all_caps = false;
      if (cap && W(k) != "the" && !W(k).ends_with("'s") && IsNameWord(k)) any_name = true;
      // "al-Fahal" alone is a name too
      if (W(k).starts_with("al-") && raw.size() > 3 && raw[3] >= 'A' && raw[3] <= 'Z') {
        any_name = true;
      }
      if (W(k) == "the" || W(k) == "a" || W(k) == "an") all_caps = false;
    }
    if (all_caps && any_name && end - s <= 6) {
      *out = {Seg::kName, 1, false, false, end < t};
      return true;
    }
    // A role: a determiner phrase, a name's possessive, a title with "of", or (inside the
    // list) a bare lower-case noun phrase ("head of the union").
    const std::string_view w0 = W(s);
    const std::string_view raw0 = Raw(s);
    const bool lower0 = !raw0.empty() && raw0[0] >= 'a' && raw0[0] <= 'z';
    // (a lower-case start is a known victim noun or a title with "of": not "escaped the
    // attack unharmed"; "one a teacher and the other a student" splits a count, no list)
    const bool role_start =
        In(w0, kDeterminers) || (w0.ends_with("'s") && IsNameWord(s)) ||
        (s + 1 < end && W(s + 1) == "of") ||
        (lower0 && !first && MatchAt(s, end, q::kVictim, &len) != nullptr);
    if (!role_start || (w0 == "one" && (W(s + 1) == "a" || W(s + 1) == "an")) ||
        (w0 == "the" && W(s + 1) == "other")) {
      return false;
    }
    // Its head: the last word before a preposition, outside parentheses.
    size_t head = s;
    int depth = 0;
    for (size_t k = s; k < end; ++k) {
      if (W(k) == "(") ++depth;
      if (W(k) == ")") { --depth; continue; }
      if (depth > 0) continue;
      if (k > s && In(W(k), kPrepositions)) break;
      if (IsWordish(k)) head = k;
    }
    const std::string_view h = W(head);
    // A clause, not a noun phrase: "a storage containing explosives detonated at ...".
    for (size_t k = s + 2; k < head; ++k) {
      if (W(k).ends_with("ing") || W(k).ends_with("ed")) return false;
    }
    const bool plural = (h.ends_with("s") && !h.ends_with("ss") && !h.ends_with("'s")) ||
                        h.ends_with("men") || h == "people" || h == "children" ||
                        h == "police" || h == "personnel";
    if (plural) return false;  // "the villagers": a group of unknown size
    *out = {Seg::kRole, 1, false, false, end < t};
    out->relative = w0 == "his" || w0 == "her" || w0 == "their";
    for (size_t k = s; k < t; ++k) out->proper_of |= W(k) == "of";
    out->proper_of &= !Raw(t - 1).empty() && Raw(t - 1)[0] >= 'A' && Raw(t - 1)[0] <= 'Z';
    return true;
  }

  // A list that names attackers ("the bomber and Ann Roe") says so in its victims, so that a
  // suicide attack's implicit attackers are not counted twice.
  Np ListedAttackers(size_t s, size_t t) const {
    Np np;
    for (size_t k = s; k < t; ++k) {
      if (IsPerpetratorNoun(W(k))) np.victims = tok_[k].span;
    }
    return np;
  }

  // The split of a list into items (AppositionList, ObjectAppositionList): each item's token
  // range, and whether only a comma (comma_only) or a comma at all (after_comma) came before it.
  void ClearListItems() {
    list_spans_.clear();
    list_comma_only_.clear();
    list_after_comma_.clear();
  }
  // Closes the item [start, k) with the separators seen since the last one, and resets them.
  void PushListItem(size_t start, size_t k, bool* sep_comma, bool* sep_and) {
    list_spans_.push_back({start, k});
    list_comma_only_.push_back(*sep_comma && !*sep_and);
    list_after_comma_.push_back(*sep_comma);
    *sep_comma = *sep_and = false;
  }

  // The number of people in a classified list (see AppositionList); *apposition when a name,
  // role, count or "both" restates another item. `closing_comma`: a comma ends the list.
  void SumList(std::vector<ListSeg>& segs, bool closing_comma, int64_t* total,
               bool* apposition) const {
    // An age between commas leaves the items around it joined by that comma.
    for (size_t n = 1; n < segs.size(); ++n) {
      if (segs[n].kind != Seg::kAge) continue;
      *apposition = true;
      if (n + 1 < segs.size() && segs[n].comma_only) {
        segs[n + 1].comma_only = segs[n + 1].comma_only && segs[n].comma_only;
      }
      segs.erase(segs.begin() + static_cast<std::ptrdiff_t>(n));
      --n;
    }
    for (size_t n = 0; n < segs.size(); ++n) {
      const ListSeg& sg = segs[n];
      if (sg.kind == Seg::kIdent) {
        *apposition = true;
        continue;
      }
      *apposition |= sg.ident;
      // "of the Ministry of Trade and Industry": the name goes on after "and".
      if (sg.proper_of && n + 1 < segs.size() && segs[n + 1].kind == Seg::kName &&
          !segs[n + 1].after_comma) {
        *total += sg.value;
        *apposition = true;
        ++n;
        continue;
      }
      // "two leaders Ann Roe and Al Poe": the names after the count restate it.
      if (sg.kind == Seg::kCounted && sg.ends_name) {
        *total += sg.value;
        *apposition = true;
        for (int64_t k = 1; k < sg.value && n + 1 < segs.size() &&
                            segs[n + 1].kind == Seg::kName;
             ++k) {
          ++n;
        }
        continue;
      }
      const bool next_comma = n + 1 < segs.size() && segs[n + 1].comma_only;
      if ((sg.kind == Seg::kName || sg.kind == Seg::kRole) && next_comma &&
          (segs[n + 1].kind == Seg::kName || segs[n + 1].kind == Seg::kRole) &&
          segs[n + 1].kind != sg.kind && !segs[n + 1].relative) {
        *total += 1;  // "Ann Roe, a teacher" / "a guard, Al Poe"
        *apposition = true;
        ++n;
        // "Ann Roe, the mayor of Xyz, Abc Province": places after the role's "of".
        const bool places = segs[n].proper_of;
        while (places && n + 1 < segs.size() && segs[n + 1].kind == Seg::kName &&
               segs[n + 1].comma_only) {
          ++n;
        }
        // "Ann Roe, a teacher and activist": a role after "and" alone is still hers.
        while (n + 1 < segs.size() && segs[n + 1].kind == Seg::kRole &&
               !segs[n + 1].after_comma && !segs[n + 1].relative) {
          ++n;
        }
        continue;
      }
      if (sg.kind == Seg::kCounted && next_comma) {
        // "Two soldiers, Ann Roe and Al Poe, and ...", "two officers, the chief and his
        // deputy,": names or roles restating the count, closed by a comma.
        size_t m = n + 1;
        int64_t names = 0;
        while (m < segs.size() && names < sg.value &&
               (segs[m].kind == Seg::kName || segs[m].kind == Seg::kRole)) {
          ++names;
          ++m;
        }
        const bool closed = m == segs.size() ? closing_comma : segs[m].after_comma;
        if (names == sg.value && names >= 2 && closed) {
          *total += sg.value;
          *apposition = true;
          n = m - 1;
          continue;
        }
      }
      if (sg.kind == Seg::kBoth && sg.comma_only && n >= 2 && segs[n - 1].kind == Seg::kName &&
          segs[n - 2].kind == Seg::kName && !segs[n - 1].comma_only) {
        *apposition = true;  // "Ann Roe and Al Poe, both teachers,"
        continue;
      }
      // "Ann Roe and Al Poe, two members of the party,": a count restating the names.
      if (sg.kind == Seg::kCounted && sg.comma_only && sg.value >= 2 &&
          n >= static_cast<size_t>(sg.value) && !segs[n - 1].comma_only) {
        bool names = true;
        for (size_t m = n - static_cast<size_t>(sg.value); m < n; ++m) {
          names &= segs[m].kind == Seg::kName;
        }
        if (names) {
          *apposition = true;
          continue;
        }
      }
      *total += sg.value;
    }
  }

  // The same for the objects of an active killing: "shot and killed Ann Roe, the mayor, and
  // her driver" (2), "killed imam, Al Poe, chief, Bo Lee, and a guard" (3), "killed the chief
  // and four of his associates" (5), "killed Al Poe, the mayor, along with two guards" (3).
  // The list ends at a preposition, a verb ("and wounding ..."), or the sentence's end.
  [[gnu::noinline]] void ObjectAppositionList(uint32_t sentence, size_t b, size_t e,
                                              size_t first_frame) {
    static constexpr std::array<std::string_view, 22> kListEnd = {
        "in",     "at",     "on",     "near",   "as",     "while",  "when",  "after",
        "before", "with",   "using",  "during", "inside", "outside", "from", "for",
        "by",     "who",    "which",  "whom",   "between", "because"};
    // Only the verbs that a frame of this sentence already reads ("killed Ann Roe" by Names,
    // "killing the chief" by Articles): one lexicon lookup per such verb, not per token.
    size_t verbs[8];
    size_t nverbs = 0;
    for (size_t m = first_frame; m < doc_.casualties.size() && nverbs < 8; ++m) {
      const CasualtyFrame& fr = doc_.casualties[m];
      // (an active verb comes before its objects)
      if (fr.negated || fr.fate != Fate::kKilled || fr.fate_span.empty() ||
          fr.fate_span.begin > fr.span.begin) {
        continue;
      }
      const size_t at = TokenAt(b, e, fr.fate_span.begin);
      if (at < e && std::find(verbs, verbs + nverbs, at) == verbs + nverbs) verbs[nverbs++] = at;
    }
    std::sort(verbs, verbs + nverbs);
    for (size_t vi = 0; vi < nverbs; ++vi) {
      const size_t i = verbs[vi];
      size_t len = 0;
      const LexEntry* f = MatchAt(i, e, q::kFate, &len);
      if (f == nullptr) continue;
      const size_t fe = i + len;
      if (f->fate != Fate::kKilled || (f->roles & q::kBefore) == 0 || fe >= e ||
          Intended(b, i)) {
        continue;
      }
      const auto& spans = list_spans_;
      const auto& comma_only = list_comma_only_;
      const auto& after_comma = list_after_comma_;
      ClearListItems();
      size_t start = fe, k = fe;
      bool sep_comma = false, sep_and = false;
      int depth = 0;
      for (; k <= e; ++k) {
        std::string_view w = k < e ? W(k) : std::string_view(".");
        if (w == "(") ++depth;
        if (w == ")") --depth;
        if (depth > 0) continue;
        const bool along = w == "along" && W(k + 1) == "with";
        const bool end = k == e || w == "." || (In(w, kListEnd) && k > start) ||
                         (k == start && (w.ends_with("ing") || w.ends_with("ed") ||
                                         MatchAt(k, e, q::kFate, &len)));
        if (!end && w != "," && w != "and" && w != ";" && !along) continue;
        if (k > start) {
          PushListItem(start, k, &sep_comma, &sep_and);
        }
        if (end) break;
        if (w == ",") sep_comma = true;
        if (w == "and" || w == ";" || along) sep_and = true;
        if (along) ++k;
        start = k + 1;
      }
      const size_t list_end = spans.empty() ? fe : spans.back().second;
      if (spans.size() < 2 || spans.size() > 10) {
        continue;
      }
      auto& segs = list_segs_;
      segs.clear();
      bool bad = false;
      for (size_t n = 0; n < spans.size() && !bad; ++n) {
        ListSeg sg{};
        bad = !ClassifySeg(spans[n].first, spans[n].second, false, &sg) ||
              (n == 0 && (sg.kind == Seg::kIdent || sg.kind == Seg::kAge));
        sg.comma_only = n > 0 && comma_only[n];
        sg.after_comma = n > 0 && after_comma[n];
        segs.push_back(sg);
      }
      if (bad) {
        continue;
      }
      const bool uncounted = std::any_of(segs.begin(), segs.end(), [](const ListSeg& sg) {
        return sg.kind != Seg::kCounted;
      });
      const bool pair = segs.size() == 2 && !segs[1].after_comma && uncounted;
      const size_t nsegs = segs.size();
      int64_t total = 0;
      bool apposition = false;
      // "killing the two inspectors, Ann Roe and Al Poe." : names that end the sentence (or
      // a comma) after a count restate it.
      const bool closing = k >= e || W(k) == "." || (k > fe && W(k - 1) == ",");
      SumList(segs, closing, &total, &apposition);
      if (total < 2 || (!apposition && !pair && (nsegs < 3 || !uncounted))) {
        continue;
      }
      const uint32_t verb = tok_[i].span.begin;
      const uint32_t lo = tok_[fe].span.begin, hi = tok_[list_end - 1].span.end;
      auto mine = [&](const CasualtyFrame& fr) {
        return fr.sentence == sentence && !fr.negated && fr.fate == Fate::kKilled &&
               (fr.fate_span.begin == verb || (fr.span.begin >= lo && fr.span.begin < hi) ||
                (fr.count_span.begin >= lo && fr.count_span.begin < hi));
      };
      int64_t framed = 0;
      bool self = false;  // an attacker's own death keeps its frame
      for (size_t m = first_frame; m < doc_.casualties.size(); ++m) {
        const CasualtyFrame& fr = doc_.casualties[m];
        if (mine(fr) && !fr.is_subtotal) framed += fr.value;
        self |= mine(fr) && fr.self_inflicted;
      }
      if (self) {
        continue;
      }
      // (a pair of two items is read only when the frames missed one of them)
      if (framed == total || (pair && !apposition && framed > total)) {
        continue;
      }
      std::erase_if(doc_.casualties, mine);
      AddUncountedFrame(sentence, fe, list_end, total, ListedAttackers(fe, list_end), {f, i, fe},
                        f->fate)
          .span = TokSpan(i, list_end);
    }
  }

  [[gnu::noinline]] void AppositionList(uint32_t sentence, size_t b, size_t e,
                                        size_t first_frame) {
    for (size_t i = b + 2; i < e; ++i) {
      size_t j = i, len = 0;
      if (W(i) == "were") {
        j = i + 1;
        while (j < e && MatchAt(j, e, q::kAux, &len) != nullptr &&
               MatchAt(j, e, q::kFate, &len) == nullptr) {
          j += len;
        }
      } else if (W(i) != "died") {
        continue;
      }
      const LexEntry* f = MatchAt(j, e, q::kFate, &len);
      if (f == nullptr || f->fate != Fate::kKilled || (f->roles & q::kAfter) == 0) continue;
      // The clause before the verb: from the sentence start or the last ";" / ":".
      size_t s0 = b;
      // No comma (nor "identified as"): no apposition, and short lists keep their readings.
      bool comma = false;
      for (size_t k = b; k < i; ++k) {
        if (W(k) == ";" || W(k) == ":") {
          s0 = k + 1;
          comma = false;
        }
        comma |= W(k) == "," || W(k) == "identified" || W(k) == "named";
      }
      if (!comma) continue;
      // Split at top-level "," and "and".
      const auto& spans = list_spans_;
      const auto& comma_only = list_comma_only_;
      const auto& after_comma = list_after_comma_;
      ClearListItems();
      size_t start = s0;
      bool sep_comma = false, sep_and = false;
      int depth = 0;
      bool bad = false;
      for (size_t k = s0; k <= i; ++k) {
        const std::string_view w = k < i ? W(k) : std::string_view(",");
        if (w == "(") ++depth;
        if (w == ")") --depth;
        if (depth > 0 || (w != "," && w != "and")) continue;
        if (k > start) {
          PushListItem(start, k, &sep_comma, &sep_and);
        } else if (k == start && w == "and" && spans.empty()) {
          bad = true;
        }
        (w == "," ? sep_comma : sep_and) = true;
        start = k + 1;
      }
      if (bad || spans.size() < 2 || spans.size() > 10) continue;
      // Openers: "On Monday,", "In Kabul,", "However,".
      static constexpr std::array<std::string_view, 12> kOpeners = {
          "on", "in", "at", "during", "near", "when", "after", "while", "as", "according",
          "meanwhile", "however"};
      size_t first = 0;
      bool opener = false;
      while (first + 1 < spans.size() && comma_only[first + 1] &&
             (In(W(spans[first].first), kOpeners) || SentenceAdverb(W(spans[first].first)) ||
              tok_[spans[first].first].kind == TokenKind::kNumber)) {
        ++first;
        opener = true;
      }
      // "In Ghazni, Afghanistan, two soldiers ...": names right after an opener are places.
      ListSeg probe{};
      while (opener && first + 1 < spans.size() && comma_only[first + 1] &&
             ClassifySeg(spans[first].first, spans[first].second, true, &probe) &&
             probe.kind == Seg::kName) {
        ++first;
      }
      auto& segs = list_segs_;
      segs.clear();
      bool pp_closes = false;
      for (size_t n = first; n < spans.size() && !bad; ++n) {
        ListSeg sg{};
        // A prepositional phrase after an item: "from the 6th Battalion".
        const size_t s1 = spans[n].first;
        if (n > first && In(W(s1), kPrepositions) &&
            !(W(s1) == "at" && (W(s1 + 1) == "least" || W(s1 + 1) == "most"))) {
          // ("Two soldiers, Ann Roe and Al Poe, from the 6th Battalion were killed": the
          // comma before the phrase closes the names.)
          if (n + 1 == spans.size() && after_comma[n]) pp_closes = true;
          continue;
        }
        if (!ClassifySeg(spans[n].first, spans[n].second, n == first, &sg)) {
          bad = true;
          break;
        }
        sg.comma_only = n > first && comma_only[n];
        sg.after_comma = n > first && after_comma[n];
        segs.push_back(sg);
      }
      if (bad || segs.size() < 2) continue;
      // (a list of counts alone keeps its frames, and their victims' sides)
      const bool uncounted = std::any_of(segs.begin(), segs.end(), [](const ListSeg& sg) {
        return sg.kind != Seg::kCounted;
      });
      const size_t nsegs = segs.size();
      int64_t total = 0;
      bool apposition = false;
      SumList(segs, W(i - 1) == "," || pp_closes, &total, &apposition);
      if (!apposition && (nsegs < 3 || !uncounted)) continue;
      if (total < 2) continue;
      // The frames of this verb, and those inside the list, give way (unless they already
      // add up to the total: they keep their victims' sides then).
      const uint32_t list_begin = tok_[spans[first].first].span.begin;
      const uint32_t verb = tok_[j].span.begin;
      auto mine = [&](const CasualtyFrame& fr) {
        return fr.sentence == sentence && !fr.negated && fr.fate == Fate::kKilled &&
               (fr.fate_span.begin == verb ||
                (fr.span.begin >= list_begin && fr.span.begin < tok_[i].span.begin));
      };
      int64_t framed = 0;
      bool self = false;  // an attacker's own death keeps its frame
      for (size_t k = first_frame; k < doc_.casualties.size(); ++k) {
        const CasualtyFrame& fr = doc_.casualties[k];
        if (mine(fr) && !fr.is_subtotal) framed += fr.value;
        self |= mine(fr) && fr.self_inflicted;
      }
      if (framed == total || self) {
        i = j + len - 1;
        continue;
      }
      std::erase_if(doc_.casualties, mine);
      const size_t lb = spans[first].first;
      AddUncountedFrame(sentence, lb, i, total, ListedAttackers(lb, i), {f, j, j + len}, f->fate)
          .span = TokSpan(lb, j + len);
      i = j + len - 1;
    }
  }

  // "Additionally,", "Overall,", "Meanwhile,": a capitalized opener that is no name.
  static bool SentenceAdverb(std::string_view w) {
    static constexpr std::array<std::string_view, 14> kAdverbs = {
        "however", "meanwhile", "overall", "later",   "earlier", "moreover",  "furthermore",
        "then",    "finally",   "also",    "instead", "still",   "afterwards", "thereafter"};
    return w.ends_with("ly") || In(w, kAdverbs);
  }

  // "Aoun, the prison director, and his relative were killed", "An official of the office and
  // his wife were killed": a relative ("his wife") joined to whoever stands before "and" (one
  // person: the possessive points back to them) makes two. `p`: the last token of the list.
  bool RelativeAfterAnd(uint32_t sentence, size_t b, size_t p, size_t were, size_t j, size_t len,
                        const LexEntry* f) {
    size_t s = 0;
    int64_t v = 0;
    bool perp = false;
    if (!ConjunctBack(b, p, false, &s, &v, &perp) || v != 1) return false;
    if (W(s) != "his" && W(s) != "her") return false;
    if (s < b + 2 || W(s - 1) != "and") return false;
    size_t l = s - 2;  // the last token of the left conjunct
    if (W(l) == "," && l > b) --l;
    const std::string_view left = W(l);
    // The left side is one person: a name, a singular noun, or an apposition's end.
    const bool one = IsNameWord(l) || ((IsWordish(l) || left == ")") && !left.ends_with("s") &&
                                       !left.ends_with("men") && !IsStopWord(left));
    if (!one || InQuantity(l)) return false;
    size_t start = l;  // back to the start of the clause, for the evidence
    while (start > b && W(start - 1) != ";" && start + 25 > l) --start;
    AddUncountedFrame(sentence, start, were, 2, Np{}, {f, j, j + len}, f->fate).span =
        TokSpan(start, j + len);
    return true;
  }

  // The first token of the earliest frame of this sentence whose fate is the verb at `j`
  // (the start of a counted list "two guards and a driver were killed"); 0 when none.
  size_t CountedListStart(size_t first_frame, size_t b, size_t were, size_t j) const {
    uint32_t head = 0;
    bool any = false;
    for (size_t k = first_frame; k < doc_.casualties.size(); ++k) {
      const CasualtyFrame& fr = doc_.casualties[k];
      if (fr.negated || fr.fate_span.begin != tok_[j].span.begin) continue;
      if (!any || fr.span.begin < head) head = fr.span.begin;
      any = true;
    }
    if (!any) return 0;
    for (size_t c = were; c-- > b;) {
      if (tok_[c].span.begin == head) return c;
      if (tok_[c].span.begin < head) break;
    }
    return 0;
  }

  // True when a frame of this sentence already starts inside tokens [s, p].
  bool Framed(size_t first_frame, size_t s, size_t p) const {
    for (size_t k = first_frame; k < doc_.casualties.size(); ++k) {
      const uint32_t at = doc_.casualties[k].span.begin;
      if (at >= tok_[s].span.begin && at < tok_[p].span.end) return true;
    }
    return false;
  }

  // "The commissioner", "the former district chief" opening the sentence: a singular noun
  // phrase the lexicon need not know, as the first subject of a passive list. Sets *begin.
  bool SubjectNounBack(size_t b, size_t last, size_t* begin) const {
    const std::string_view head = W(last);
    if (!IsWordish(last) || Raw(last).empty() || Raw(last)[0] < 'a' || Raw(last)[0] > 'z' ||
        head.ends_with("s") || head.ends_with("men") || IsStopWord(head)) {
      return false;
    }
    for (size_t s = last; s-- > b && s + 4 > last;) {
      const std::string_view w = W(s);
      if (w == "the" || w == "his" || w == "her") {
        if (s != b && W(s - 1) != ",") return false;
        *begin = s;
        return true;
      }
      if (!IsWordish(s) || IsStopWord(w) || IsNameWord(s)) return false;
    }
    return false;
  }

  // A conjunct of a subject list starts the sentence or follows a separator ("On Monday, Ann
  // Roe and two guards"), not a preposition ("the village of Xyz and two soldiers").
  bool ConjunctStarts(size_t b, size_t s) const {
    if (s == b) return true;
    const std::string_view w = W(s - 1);
    // A capitalized title before a name: "Vice Mayor Ann Roe".
    if (IsWordish(s - 1) && !Raw(s - 1).empty() && Raw(s - 1)[0] >= 'A' && Raw(s - 1)[0] <= 'Z') {
      return true;
    }
    return w == "," || w == "and" || w == ";" || w == ":" || w == "that" || w == "the" ||
           w == "a" || w == "an" || w == "his" || w == "her" || w == "their";
  }

  // An aux or fate word right after a list item: the item is the subject of a clause of its
  // own ("and his child was wounded").
  bool FollowedByVerb(size_t k, size_t e) const {
    size_t len = 0;
    return k < e && MatchAt(k, e, q::kAux | q::kFate, &len) != nullptr;
  }

  // The token index whose span begins at `pos` (or the first after it), from `b`.
  size_t TokenAt(size_t b, size_t e, uint32_t pos) const {
    size_t k = b;
    while (k < e && tok_[k].span.begin < pos) ++k;
    return k;
  }

  // "killing mayor Ann Roe and four others", "shot dead a party leader, two guards, and a
  // police officer", "killing six workers and a driver": items listed after an object of an
  // active verb share its verb. Repeats until no item is added.
  void ListContinuation(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (int round = 0; round < 6; ++round) {
      bool added = false;
      const size_t n = doc_.casualties.size();
      for (size_t fi = first_frame; fi < n && !added; ++fi) {
        const CasualtyFrame fr = doc_.casualties[fi];
        if (fr.negated || fr.is_subtotal || fr.self_inflicted || fr.fate_span.empty()) continue;
        // Active: the fate before the victims.
        const uint32_t obj = !fr.count_span.empty() ? fr.count_span.begin
                             : !fr.victims.empty()  ? fr.victims.begin
                                                    : fr.span.begin + 1;
        const uint32_t end = std::max(fr.span.end, fr.victims.end);
        size_t k = TokenAt(b, e, end);
        if (k >= e) continue;
        // A passive verb takes only "along with": "X was killed along with his son".
        const size_t kk = k < e && W(k) == "," ? k + 1 : k;
        const bool along = kk + 1 < e && (W(kk) == "along" || W(kk) == "together") &&
                           W(kk + 1) == "with";
        if (fr.fate_span.begin >= obj && !along) continue;
        // the joiner: "and", ", and", ",", "along with", "as well as"
        size_t j = k;
        if (W(j) == ",") ++j;
        if (j < e && W(j) == "and") ++j;
        else if (j + 1 < e && W(j) == "along" && W(j + 1) == "with") j += 2;
        else if (j + 2 < e && W(j) == "as" && W(j + 1) == "well" && W(j + 2) == "as") j += 3;
        else if (j + 2 < e && W(j) == "in" && W(j + 1) == "addition" && W(j + 2) == "to") j += 3;
        if (j == k || j >= e) continue;
        // "killed Ann Roe, an activist", "killed Ann Roe and Al Poe, two members of ...": after
        // a comma alone an item is an apposition unless the object was counted, the item is
        // someone's relative ("killed Ann Roe, her husband, and ..."), or a counted item that
        // the list goes on after ("killed Ann Roe, two guards, and two civilians").
        const bool comma_only = j == k + 1 && W(k) == ",";
        const bool possessive = W(j) == "his" || W(j) == "her" || W(j) == "their";
        if (comma_only && fr.victims.empty() && !possessive && !ListGoesOn(j, e)) continue;
        // "his two sons": a counted item after a possessive.
        const size_t counted_at =
            possessive && j + 1 < e && InQuantity(j + 1) ? j + 1 : j;
        const uint32_t at = tok_[j].span.begin, at2 = tok_[counted_at].span.begin;
        bool taken = false;
        for (size_t g = first_frame; g < doc_.casualties.size(); ++g) {
          const CasualtyFrame& o = doc_.casualties[g];
          const uint32_t o_end = std::max(o.span.end, o.victims.end);
          taken |= (o.span.begin <= at && at < o_end) || (o.span.begin <= at2 && at2 < o_end);
        }
        if (taken) continue;
        const FateHit hit{nullptr, TokenAt(b, e, fr.fate_span.begin),
                          TokenAt(b, e, fr.fate_span.end)};
        // a counted item
        for (const Candidate& cd : cands_) {
          if (cd.begin != counted_at) continue;
          const Quantity qt = doc_.quantities[cd.quantity];
          if (qt.kind != QuantityKind::kCount && qt.kind != QuantityKind::kTroopStrength) break;
          // "four of his associates", "two of their children": the victims after the
          // possessive.
          const bool of_own = cd.end + 2 < e && W(cd.end) == "of" &&
                              (W(cd.end + 1) == "his" || W(cd.end + 1) == "her" ||
                               W(cd.end + 1) == "their");
          const Np np = ScanNp(of_own ? cd.end + 2 : cd.end, e);
          if (np.has_object || (!np.has_victim && W(cd.end) != "others" && W(cd.end) != "more") ||
              FollowedByVerb(np.end, e)) {
            break;
          }
          doc_.quantities[cd.quantity].kind = QuantityKind::kCount;
          AddFrame(sentence, cd.begin, cd.end, doc_.quantities[cd.quantity], cd.quantity, np,
                   hit, fr.fate, false, false);
          doc_.casualties.back().fate_span = fr.fate_span;
          added = true;
          break;
        }
        if (added) break;
        // "a police officer", "his driver"
        const std::string_view d = W(j);
        // (After a comma, a singular item cannot restate a plural count: "killing nine
        // soldiers, a police officer, and ..." lists one more.)
        // "the mayor" too, when the item ends there ("killed two guards and the police
        // said" is no item).
        const bool counted_obj = !fr.count_span.empty() && fr.value > 1 && !fr.vague;
        if ((d == "a" || d == "an" || d == "his" || d == "her" || d == "their" ||
             d == "the") &&
            j + 1 < e && !InQuantity(j) && !InQuantity(j + 1) &&
            (!comma_only || counted_obj || possessive)) {
          const Np np = ScanNp(j + 1, e);
          const std::string_view head = np.end > j + 1 ? W(np.end - 1) : std::string_view();
          if (np.has_victim && !np.has_object && !head.ends_with("s") && !head.ends_with("men") &&
              !FollowedByVerb(np.end, e) && (d != "the" || ItemEnds(np.end, e))) {
            AddUncountedFrame(sentence, j, j + 1, 1, np, hit, fr.fate).fate_span = fr.fate_span;
            added = true;
          }
        }
      }
      if (!added) return;
    }
  }

  // A counted item at `j` after which the list goes on with another item (not a verb:
  // "killed Ann Roe and Al Poe, two members of the party, and wounded ...").
  bool ListGoesOn(size_t j, size_t e) const {
    if (!InQuantity(j)) return false;
    size_t k = ScanNp(j, e).end;
    for (const Candidate& cd : cands_) {
      if (cd.begin == j) k = ScanNp(cd.end, e).end;
    }
    if (k >= e || (W(k) != "," && W(k) != "and")) return false;
    if (W(k) == ",") ++k;
    if (k < e && W(k) == "and") ++k;
    return k < e && !FollowedByVerb(k, e) && !IsStopWord(W(k));
  }

  // A list item ends at token `k`: a separator, the sentence's end or a preposition.
  bool ItemEnds(size_t k, size_t e) const {
    if (k >= e) return true;
    const std::string_view w = W(k);
    return w == "," || w == "and" || w == "." || w == ";" || w == "in" || w == "on" ||
           w == "at" || w == "near" || w == "while" || w == "when" || w == "during";
  }

  // The quantities of the sentence that opens at token `b`: the last ones found, since every
  // earlier sentence's lie before it. Scans read these, not the whole document's so far (which
  // made a long text's cost grow with the square of its length).
  std::span<const Quantity> SentenceQuantities(size_t b) const {
    const std::vector<Quantity>& qs = doc_.quantities;
    size_t k = qs.size();
    while (k > 0 && qs[k - 1].span.begin >= tok_[b].span.begin) --k;
    return std::span<const Quantity>(qs).subspan(k);
  }

  // "Roe's", "Roe\u2019s" (the curly apostrophe in UTF-8).
  static bool EndsPossessive(std::string_view w) {
    return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
  }

  // Token `k` is part of an age ("a 16-year-old", "a 16 year old") among `sentence_quantities`.
  bool InAge(size_t k, std::span<const Quantity> sentence_quantities) const {
    for (const Quantity& qt : sentence_quantities) {
      if (qt.kind == QuantityKind::kAge && qt.span.begin <= tok_[k].span.begin &&
          tok_[k].span.end <= qt.span.end) {
        return true;
      }
    }
    return false;
  }

  // "The attack left a teenager, the mayor's grandson, dead", "left Roe's son and his
  // granddaughter dead": one death per conjunct joined by "and" (comma-only parts restate
  // the person before them). Counted objects ("left two soldiers dead") are read elsewhere.
  void LeftDead(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    static constexpr std::array<std::string_view, 6> kObjectDeterminers = {
        "a", "an", "the", "his", "her", "its"};
    const std::span<const Quantity> quantities = SentenceQuantities(b);
    for (size_t i = b + 1; i + 2 < e; ++i) {
      if (W(i) != "left" && W(i) != "leaving") continue;
      size_t d = i + 1;
      while (d < e && d < i + 16 && W(d) != "dead") ++d;
      if (d >= e || W(d) != "dead" || d == i + 1) continue;
      for (const Quantity& qt : quantities) {
        if (qt.kind == QuantityKind::kCount && qt.span.begin >= tok_[i].span.end &&
            qt.span.end <= tok_[d].span.begin) {
          return;
        }
      }
      for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
        const Span sp = doc_.casualties[f].span;
        if (sp.begin < tok_[d].span.end && sp.end > tok_[i].span.begin) return;
      }
      int64_t n = 0;
      bool ok = true, item_start = true;
      // Each conjunct names a person: a victim noun ("a policeman", "her nephew"), a name or an
      // age ("a 17 year old"); "left the phone network dead" counts nobody.
      bool person = false;
      size_t len = 0;
      for (size_t k = i + 1; k < d && ok; ++k) {
        const std::string_view w = W(k);
        if (w == "and") {
          ok = person;
          item_start = true;
          person = false;
          continue;
        }
        if (w == ",") continue;
        person = person || IsNameWord(k) || InAge(k, quantities) ||
                 MatchAt(k, d, q::kVictim, &len) != nullptr;
        if (item_start) {
          // a singular determiner phrase or a name opens each conjunct
          const bool det = In(w, kObjectDeterminers) || (EndsPossessive(w) && IsNameWord(k));
          if (!det && !IsNameWord(k)) ok = false;
          ++n;
          item_start = false;
        }
        // (not "left the scene after shooting ...": no clause inside the object)
        if (!IsWordish(k) && w != "'s" && w != "-" && !InAge(k, quantities)) ok = false;
        if (IsStopWord(w) && !In(w, kObjectDeterminers)) ok = false;
        if (w.ends_with("ing")) ok = false;
      }
      ok = ok && person;
      // The last word before "dead" (or before the comma of an apposition) must be singular.
      size_t h = d - 1;
      if (W(h) == "," && h > i + 1) --h;
      const std::string_view head = W(h);
      if (!ok || n == 0 || n > 6 || (head.ends_with("s") && !head.ends_with("'s")) ||
          head.ends_with("men") || head == "people" || head == "children") {
        continue;
      }
      CasualtyFrame& frame =
          AddUncountedFrame(sentence, i + 1, d, n, Np{}, {nullptr, d, d + 1}, Fate::kKilled);
      frame.fate_span = TokSpan(d, d + 1);
      frame.span = TokSpan(i, d + 1);
      i = d;
    }
  }

  // "stoned a civilian to death", "hacked them to death", "beat two men to death": a verb, its
  // object, then "to death".
  void ToDeath(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    static constexpr std::array<std::string_view, 6> kNotKilling = {
        "sentenced", "condemned", "threatened", "frightened", "scared", "bored"};
    for (size_t k = b + 2; k + 1 < e; ++k) {
      if (W(k) != "to" || W(k + 1) != "death") continue;
      bool covered = false;
      for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
        const Span sp = doc_.casualties[f].span;
        covered |= sp.begin <= tok_[k].span.begin && tok_[k + 1].span.end <= sp.end;
        covered |= doc_.casualties[f].fate_span.end == tok_[k + 1].span.end;
      }
      if (covered) continue;
      int64_t value = 0;
      size_t obj = k - 1;  // first token of the object
      const std::string_view o = W(k - 1);
      if (o == "him" || o == "her") {
        value = 1;
      } else if (o == "them") {
        for (size_t c = cands_.size(); c-- > 0 && value == 0;) {
          if (cands_[c].end > k - 1) continue;
          if (ScanNp(cands_[c].end, e).has_victim) value = doc_.quantities[cands_[c].quantity].high;
        }
      } else {
        for (const Candidate& cd : cands_) {
          if (cd.end < k && ScanNp(cd.end, e).end == k && !doc_.quantities[cd.quantity].vague) {
            value = doc_.quantities[cd.quantity].high;
            obj = cd.begin;
          }
        }
        // "A mob beat Zada to death": a person's name (of up to three words).
        if (value == 0 && IsNameWord(k - 1)) {
          size_t s = k - 1;
          while (s > b + 1 && s + 3 > k && IsNameWord(s - 1)) --s;
          value = 1;
          obj = s;
        }
        for (size_t d = k - 1; value == 0 && d > b && d + 6 > k; --d) {
          const std::string_view w = W(d);
          if (w != "a" && w != "an" && w != "the" && w != "his" && w != "her") continue;
          const std::string_view head = W(k - 1);
          if (ScanNp(d + 1, e).end != k || head.ends_with("s") || head.ends_with("men")) break;
          value = 1;
          obj = d;
        }
      }
      if (value <= 0 || obj <= b) continue;
      const size_t v = obj - 1;
      if (!IsWordish(v) || IsStopWord(W(v)) || In(W(v), kNotKilling)) continue;
      CasualtyFrame& fr =
          AddUncountedFrame(sentence, obj, k, value, Np{}, {nullptr, k, k + 2}, Fate::kKilled);
      fr.fate_span = TokSpan(k, k + 2);
      fr.span = TokSpan(v, k + 2);
    }
  }

  // "In addition to the assailant, three people were killed", "11 people besides the assailant
  // were killed": the perpetrator died too.
  void InAdditionTo(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (size_t i = b; i + 1 < e; ++i) {
      const bool besides = W(i) == "besides";
      if (!besides && (i + 3 >= e || W(i) != "in" || W(i + 1) != "addition" || W(i + 2) != "to")) {
        continue;
      }
      size_t k = besides ? i + 1 : i + 3;
      if (W(k) == "the" || W(k) == "a" || W(k) == "an" || W(k) == "their") ++k;
      int64_t value = 1;
      NumberMatch n;
      if (k < e && q::ScanNumber(lex_, t_, tok_, k, e, &n)) {
        // "in addition to the two bombers, 5 people were killed": "two bombers" has a frame.
        bool framed = false;
        for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
          if (doc_.casualties[f].count_span.begin == tok_[k].span.begin) framed = true;
        }
        if (framed) continue;
        value = n.value;
        k = n.end;
      }
      if (k < e && W(k) == "suicide") ++k;
      if (k >= e || !IsPerpetratorNoun(W(k))) continue;
      const bool plural = W(k).ends_with("s") || W(k) == "gunmen";
      // "Four suicide bombers raided the camp. In addition to the bombers, ...": the count
      // written before the same attackers.
      // (Not for a figure shared "across both attacks": aggregation leaves the attackers of
      // such a sentence out, and the implicit attackers of the suicide attack stay.)
      if (plural && value == 1 && n.end != k) {
        bool shared = false;
        for (size_t m = k + 1; m < e && !shared; ++m) shared = W(m) == "across";
        if (!shared) value = EarlierPerpetratorCount(k);
      }
      if (plural && value < 2) continue;
      // The fate of the first frame after the phrase (of the frame around it for "besides").
      const CasualtyFrame* next = nullptr;
      for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
        const CasualtyFrame& fr = doc_.casualties[f];
        if (besides && !fr.negated && fr.span.begin < tok_[i].span.begin &&
            fr.span.end > tok_[k].span.end) {
          next = &fr;
          break;
        }
        if (fr.span.begin > tok_[k].span.begin && !fr.negated &&
            (next == nullptr || fr.span.begin < next->span.begin)) {
          next = &fr;
        }
      }
      if (next == nullptr || next->fate != Fate::kKilled) continue;
      Np np;
      np.victims = tok_[k].span;
      np.category = VictimCategory::kNonState;
      const Span fate_span = next->fate_span;  // before the push may move `next`
      CasualtyFrame& fr = AddUncountedFrame(sentence, i, k + 1, value, np, {}, Fate::kKilled);
      fr.fate_span = fate_span;
      fr.self_inflicted = true;
    }
  }

  // "Fatalities coded as 10 and split between 2 events": the figure is shared out, so this
  // event's part is 10 / 2 (the frame's value is the part).
  void SplitAcross(size_t from, size_t e) {
    for (size_t k = from; k < e && k < from + 10; ++k) {
      const std::string_view w = W(k);
      if (w != "split" && w != "spread" && w != "divided" && w != "shared") continue;
      for (size_t m = k + 1; m < e && m < k + 5; ++m) {
        NumberMatch n;
        if (!q::ScanNumber(lex_, t_, tok_, m, e, &n)) continue;
        if (n.value > 1 && n.value < 100 && !n.vague) {
          CasualtyFrame& fr = doc_.casualties.back();
          fr.value /= n.value;
          fr.low /= n.value;
          fr.high /= n.value;
        }
        return;
      }
      return;
    }
  }

  bool FateUsed(size_t first_frame, size_t fb) const {
    for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
      if (doc_.casualties[f].fate_span.begin == tok_[fb].span.begin) return true;
    }
    return false;
  }

  // "Torres was killed", "he was shot dead", "killing himself": one person, no count written.
  void Singulars(uint32_t sentence, size_t b, size_t e, size_t first_frame) {
    for (size_t i = b; i < e; ++i) {
      size_t len = 0;
      const std::string_view w = W(i);
      // Only "himself"/"herself", "died", "succumbed", "body", "his"/"her" and "was" start a
      // reading below.
      if ((w.size() != 3 && w.size() != 4 && w.size() != 7 && w.size() != 9) ||
          (w[0] != 'h' && w[0] != 'd' && w[0] != 's' && w[0] != 'b' && w[0] != 'w')) {
        continue;
      }
      if (w == "himself" || w == "herself") {
        // "blew himself up", "detonated herself"
        if (i > b && (W(i - 1) == "blew" || W(i - 1) == "blows" || W(i - 1) == "blown" ||
                      W(i - 1) == "blowing" || W(i - 1) == "detonating" ||
                      W(i - 1) == "detonated" || W(i - 1) == "exploded" ||
                      W(i - 1) == "immolated")) {
          const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
          Np np;
          np.victims = tok_[i].span;
          const size_t fe = i + 1 < e && W(i + 1) == "up" ? i + 2 : i + 1;
          AddFrame(sentence, i, i + 1, qt, -1, np, {nullptr, i - 1, fe}, Fate::kKilled, false,
                   false);
          doc_.casualties.back().fate_span = TokSpan(i - 1, fe);
          doc_.casualties.back().span = TokSpan(i - 1, fe);
          doc_.casualties.back().self_inflicted = true;
          continue;
        }
        // "killing himself", "killing only himself"
        const size_t v = i > b + 1 && W(i - 1) == "only" ? i - 1 : i;
        if (v > b) {
          if (const LexEntry* f = lex_.MatchEndingAt(t_, b, v - 1, q::kFate, &len);
              f != nullptr && (f->roles & q::kBefore) != 0) {
            const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
            Np np;
            np.victims = tok_[i].span;
            AddFrame(sentence, i, i + 1, qt, -1, np, {f, v - len, v}, f->fate, false, false);
            doc_.casualties.back().self_inflicted = true;
          }
        }
        continue;
      }
      if (IntransitiveDeath(sentence, b, e, first_frame, i) || FoundBody(sentence, b, e, first_frame, i)) {
        continue;
      }
      // "causing his immediate death", "resulting in her death": one death.
      if ((w == "his" || w == "her") && i > b && i + 1 < e) {
        size_t d = i + 1;
        if (W(d) == "immediate" || W(d) == "instant" || W(d) == "instantaneous") ++d;
        const std::string_view v = W(i - 1);
        const bool cause = v == "causing" || v == "caused" || v == "in" || v == "to";
        if (cause && d < e && W(d) == "death" && !FateUsed(first_frame, d) &&
            (v != "in" || (i >= b + 2 && (W(i - 2) == "resulting" || W(i - 2) == "resulted"))) &&
            (v != "to" || (i >= b + 2 && (W(i - 2) == "led" || W(i - 2) == "leading")))) {
          CasualtyFrame& fr =
              AddUncountedFrame(sentence, i, i + 1, 1, Np{}, {nullptr, d, d + 1}, Fate::kKilled);
          fr.fate_span = TokSpan(d, d + 1);
          fr.span = TokSpan(i - 1, d + 1);
          continue;
        }
      }
      if ((w == "his" || w == "her") && EllipticPassive(sentence, b, e, first_frame, i)) continue;
      if (w != "was" || i == b) continue;
      size_t j = i + 1;
      while (j < e && MatchAt(j, e, q::kAux, &len) != nullptr &&
             MatchAt(j, e, q::kFate, &len) == nullptr) {
        j += len;
      }
      // "was knifed and killed", "was shot in the head and killed"
      const LexEntry* f = MatchAt(j, e, q::kFate, &len);
      for (size_t k = j; f == nullptr && k < e && k < j + 6 && IsWordish(k); ++k) {
        if (W(k) == "and" && k + 1 < e) {
          f = MatchAt(k + 1, e, q::kFate, &len);
          j = k + 1;
        }
      }
      if (f == nullptr || (f->roles & q::kAfter) == 0 || FateUsed(first_frame, j)) continue;
      const std::string_view prev = W(i - 1);
      // "Ann Roe, who was killed, ...": a named person's death.
      const bool named_who = prev == "who" && i >= b + 3 && W(i - 2) == "," && IsNameWord(i - 3);
      if ((prev == "who" && !named_who) || prev == "which" || prev == "that" || prev == "it" ||
          prev == "there") {
        continue;
      }
      if (ThingSubject(b, i)) continue;
      // ("the couple was killed": two people.)
      const int64_t n = prev == "couple" && !InQuantity(i - 1) ? 2 : 1;
      AddUncountedFrame(sentence, i, i + 1, n, Np{}, {f, j, j + len}, f->fate).span =
          TokSpan(i - 1, j + len);
      i = j + len - 1;
    }
  }

  // "The governor was injured, his bodyguard killed": after a passive with "was", a second
  // subject (a possessive and a singular victim noun, one adjective between at most) with its
  // own fate and the "was" left out. Adds the frame; false when the words at `i` are none.
  [[gnu::noinline]] bool EllipticPassive(uint32_t sentence, size_t b, size_t e, size_t first_frame,
                                         size_t i) {
    if (i < b + 3 || (W(i - 1) != "," && W(i - 1) != "and")) return false;
    bool was = false;
    for (size_t m = b; m + 1 < i && !was; ++m) was = W(m) == "was";
    if (!was) return false;
    size_t len = 0;
    size_t noun = i + 1;
    if (noun + 1 < e && MatchAt(noun, noun + 1, q::kVictim, &len) == nullptr) ++noun;
    if (noun + 1 >= e) return false;
    const LexEntry* v = MatchAt(noun, noun + 1, q::kVictim, &len);
    const std::string_view head = W(noun);
    if (v == nullptr || head.ends_with("s") || head.ends_with("men")) return false;
    const LexEntry* f = MatchAt(noun + 1, e, q::kFate, &len);
    if (f == nullptr || (f->roles & q::kAfter) == 0 || FateUsed(first_frame, noun + 1)) {
      return false;
    }
    Np np;
    np.victims = TokSpan(i, noun + 1);
    np.category = v->victim;
    np.has_victim = true;
    AddUncountedFrame(sentence, i, i + 1, 1, np, {f, noun + 1, noun + 1 + len}, f->fate).span =
        TokSpan(i, noun + 1 + len);
    return true;
  }

  // "The deal was killed", "a protest was held", "a vehicle was seized": the subject before
  // "was" (token `k`) ends in a thing, and its clause names no person ("the driver of the
  // bus", "a man aboard a motorbike" and "a recruiter armed with a grenade" are people).
  bool ThingSubject(size_t b, size_t k) const {
    size_t len = 1;
    if (k <= b || (!lex_.IsThing(W(k - 1)) &&
                   lex_.MatchEndingAt(t_, k >= b + 4 ? k - 4 : b, k - 1, q::kObject, &len) ==
                       nullptr)) {
      return false;
    }
    for (size_t s = k - len; s-- > b;) {
      const std::string_view w = W(s);
      if (w == "," || w == ";" || w == ":" || w == "that" || w == "which" || w == "who" ||
          w == "and" || w == "but" || w == "(" || w == "\"") {
        break;
      }
      if (IsNameWord(s) || w == "he" || w == "she" || MatchAt(s, s + 1, q::kVictim, &len) != nullptr ||
          PersonSuffix(w)) {
        return false;
      }
    }
    return true;
  }

  // A lower-case agent noun the victim lexicon need not know: "recruiter", "governor",
  // "motorcyclist", "detainee".
  static bool PersonSuffix(std::string_view w) {
    static constexpr std::array<std::string_view, 9> kSuffixes = {"er", "or", "ist", "ee", "ian",
                                                                   "ant", "ent", "man", "ive"};
    if (w.size() < 5) return false;
    return std::any_of(kSuffixes.begin(), kSuffixes.end(),
                       [w](std::string_view x) { return w.ends_with(x); });
  }

  // True when the token before `k` (back over "later", "also" ...) ends a singular subject:
  // a name ("McColgan"), "he"/"she", or a determiner phrase with a singular victim noun ("the
  // guard"); a comma clause right before is skipped ("The doctor, who was shot, died").
  bool SingularSubjectBefore(size_t b, size_t k) const {
    static constexpr std::array<std::string_view, 9> kAdverbs = {
        "later", "also", "subsequently", "eventually", "reportedly", "then", "instantly",
        "immediately", "allegedly"};
    while (k > b && In(W(k - 1), kAdverbs)) --k;
    if (k > b + 2 && W(k - 1) == ",") {
      size_t c = k - 2;
      while (c > b && c + 16 > k && W(c) != ",") --c;
      if (W(c) != "," || c + 16 <= k) return false;
      k = c;
    }
    if (k <= b) return false;
    const size_t p = k - 1;
    if (W(p) == "he" || W(p) == "she") return true;
    // "Six officers were killed and another died later of his wounds": one more person.
    if (W(p) == "another" && p > b && (W(p - 1) == "and" || W(p - 1) == ",")) return true;
    // "killing one on the spot, while the other died in hospital": the second of a pair
    // whose first the sentence named with "one".
    if (W(p) == "other" && p > b && W(p - 1) == "the") {
      for (size_t m = b; m + 1 < p; ++m) {
        if (W(m) == "one") return true;
      }
      return false;
    }
    if (IsNameWord(p)) {
      size_t s = p;
      while (s > b && s + 5 > p && IsNameWord(s - 1)) --s;
      return s == b || (W(s - 1) != "the" && W(s - 1) != "a" && W(s - 1) != "an" &&
                        W(s - 1) != "of" && W(s - 1) != "in" && W(s - 1) != "at");
    }
    size_t s = 0;
    int64_t v = 0;
    bool perp = false;
    return ConjunctBack(b, p, false, &s, &v, &perp) && v == 1 && W(s) != "a" && W(s) != "an" &&
           W(s) != "one";
  }

  // "The policeman was shot twice, and later died", "a teacher was injured and later
  // succumbed", "was rushed to hospital but died": a second verb of a singular passive subject (one "was", no "were").
  bool SecondVerbOfSingular(size_t b, size_t k) const {
    static constexpr std::array<std::string_view, 4> kAdverbs = {"later", "subsequently",
                                                                 "eventually", "then"};
    while (k > b && In(W(k - 1), kAdverbs)) --k;
    // ("was rushed to hospital but died": "but" joins the second verb too)
    if (k <= b + 1 || (W(k - 1) != "and" && W(k - 1) != "but")) return false;
    bool was = false;
    for (size_t m = b; m + 1 < k; ++m) {
      if (W(m) == "were" || W(m) == "are" || W(m) == "have") return false;
      if (W(m) == "was") was = true;
    }
    return was;
  }

  // "McColgan died later that day", "the guard died on Friday", "he succumbed to his
  // injuries": one death with no count and no aux. Adds the frame and returns true.
  bool IntransitiveDeath(uint32_t sentence, size_t b, size_t e, size_t first_frame, size_t i) {
    if (i == b || (W(i) != "died" && W(i) != "succumbed")) return false;
    size_t len = 0;
    const LexEntry* f = MatchAt(i, e, q::kFate, &len);
    if (f == nullptr || f->fate != Fate::kKilled || FateUsed(first_frame, i)) return false;
    if (!SingularSubjectBefore(b, i) && !SecondVerbOfSingular(b, i)) return false;
    AddUncountedFrame(sentence, i, i + 1, 1, Np{}, {f, i, i + len}, f->fate).span =
        TokSpan(i - 1, i + len);
    // "the other" of a pair is of the same kind as the "one" before it.
    if (W(i - 1) == "other") {
      for (size_t k = doc_.casualties.size() - 1; k-- > first_frame;) {
        if (doc_.casualties[k].value == 1 && !doc_.casualties[k].negated) {
          doc_.casualties.back().category = doc_.casualties[k].category;
          doc_.casualties.back().victims = doc_.casualties[k].victims;
          doc_.casualties.back().group = doc_.casualties[k].group;
          break;
        }
      }
    }
    return true;
  }

  // "his body was found after he was shot and killed": the body is the dead of another frame
  // of the sentence.
  void DropBodiesOfCounted(size_t first_frame) {
    auto body = [&](const CasualtyFrame& f) {
      if (f.quantity >= 0 || !f.victims.empty() || f.fate != Fate::kKilled || f.negated ||
          !f.count_span.empty() || f.span.size() == 0) {
        return false;
      }
      // The word "body" (not "bodyguard"): FoundBody's frames, passive or active.
      const std::string_view t = std::string_view(lower_).substr(f.span.begin, f.span.size());
      const size_t at = t.find("body");
      return at != std::string_view::npos && (at + 4 == t.size() || t[at + 4] == ' ');
    };
    bool other = false;
    for (size_t k = first_frame; k < doc_.casualties.size(); ++k) {
      const CasualtyFrame& f = doc_.casualties[k];
      other |= f.fate == Fate::kKilled && !f.negated && !body(f);
    }
    if (!other) return;
    doc_.casualties.erase(
        std::remove_if(doc_.casualties.begin() + static_cast<ptrdiff_t>(first_frame),
                       doc_.casualties.end(), body),
        doc_.casualties.end());
  }

  // "His body was found", "the body of Ann Roe was recovered": one dead.
  bool FoundBody(uint32_t sentence, size_t b, size_t e, size_t first_frame, size_t i) {
    if (W(i) != "body" || i == b) return false;
    // "his body of work", "a body of water": the collective sense of "body of" is no corpse.
    static constexpr std::array<std::string_view, 14> kCollective = {
        "work", "works", "water", "evidence", "knowledge", "research", "literature", "law",
        "opinion", "thought", "data", "writing", "music", "scholarship"};
    if (W(i + 1) == "of" && In(W(i + 2), kCollective)) return false;
    size_t d = i - 1;
    static constexpr std::array<std::string_view, 6> kFound = {
        "found", "recovered", "discovered", "dumped", "retrieved", "identified"};
    // "Roe's body was found": a possessive name is the determiner.
    const bool possessive = IsNameWord(d) && EndsPossessive(W(d));
    if (!possessive) {
      for (int adj = 0; adj < 2 && d > b && W(d) != "his" && W(d) != "her" && W(d) != "the";
           ++adj) {
        if (!IsWordish(d) || IsStopWord(W(d))) return false;
        --d;
      }
      if (W(d) != "his" && W(d) != "her" && W(d) != "the") return false;
    }
    // "police found his body", "recovered the body of Ann Roe": the active form (not "the body
    // of the car": "the body" needs "of" and a name after it).
    if (d > b && In(W(d - 1), kFound) && W(d - 1) != "identified" && W(d - 1) != "dumped" &&
        (W(d) != "the" || (i + 2 < e && W(i + 1) == "of" && IsNameWord(i + 2)))) {
      for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
        const Span sp = doc_.casualties[f].span;
        if (sp.end > tok_[d - 1].span.begin && sp.begin < tok_[i].span.end) return false;
      }
      CasualtyFrame& fr =
          AddUncountedFrame(sentence, i, i + 1, 1, Np{}, {nullptr, d - 1, d}, Fate::kKilled);
      fr.fate_span = TokSpan(d - 1, d);
      fr.span = TokSpan(d - 1, i + 1);
      return true;
    }
    for (size_t k = i + 1; k + 1 < e && k < i + 14; ++k) {
      if (W(k) == "were" || W(k) == "bodies") return false;
      if (W(k) != "was" && W(k) != "had") continue;
      size_t m = k + 1;
      if (W(m) == "been" || W(m) == "later" || W(m) == "also") ++m;
      if (m >= e || !In(W(m), kFound)) return false;
      for (size_t f = first_frame; f < doc_.casualties.size(); ++f) {
        const Span sp = doc_.casualties[f].span;
        if (sp.begin < tok_[k].span.begin && sp.end > tok_[d].span.begin) return false;
      }
      // No victims phrase: the body is one of the victims counted elsewhere, if any.
      CasualtyFrame& fr =
          AddUncountedFrame(sentence, i, i + 1, 1, Np{}, {nullptr, m, m + 1}, Fate::kKilled);
      fr.fate_span = TokSpan(m, m + 1);
      fr.span = TokSpan(d, m + 1);
      return true;
    }
    return false;
  }

  bool InQuantity(size_t i) const {
    const uint32_t pos = tok_[i].span.begin;
    for (const Candidate& c : cands_) {
      if (c.begin <= i && i < c.end) return true;
    }
    for (size_t k = doc_.quantities.size(); k-- > 0;) {
      const Span sp = doc_.quantities[k].span;
      if (sp.end <= pos) break;
      if (sp.begin <= pos) return true;
    }
    return false;
  }

  // "a soldier was killed", "killed a policeman": 1.
  void Articles(uint32_t sentence, size_t b, size_t e) {
    // The last frame of an active verb ("killing a policeman") and the token after its
    // victims: "a home guard" / "his son" / "the driver" listed right after share its verb.
    FateHit last_hit;
    size_t last_end = 0;
    for (size_t i = b; i + 1 < e; ++i) {
      if (last_hit.entry != nullptr && i > last_end && last_end > b) {
        bool only_separators = true;
        for (size_t k = last_end; k < i; ++k) {
          if (W(k) != "," && W(k) != "and") only_separators = false;
        }
        const std::string_view d = W(i);
        if (only_separators && (d == "a" || d == "an" || d == "his" || d == "her" ||
                                d == "their" || d == "the") && !InQuantity(i)) {
          const Np np = ScanNp(i + 1, e);
          const std::string_view head = np.end > i + 1 ? W(np.end - 1) : std::string_view();
          const bool plural = head.ends_with("s") || head.ends_with("men") ||
                              head == "people" || head == "children" || head == "police" ||
                              head == "personnel";
          // ("and his son was wounded": the subject of a clause of its own.)
          if (np.has_victim && !np.has_object && !plural && !FollowedByVerb(np.end, e)) {
            AddUncountedFrame(sentence, i, i + 1, 1, np, last_hit, last_hit.entry->fate);
            last_end = np.end;
            i = np.end - 1;
            continue;
          }
        }
      }
      // Only "them", "him"/"her", "the"/"his"/"their" and "a"/"an"/"another" start a reading
      // below.
      if (W(i).empty() || (W(i)[0] != 't' && W(i)[0] != 'h' && W(i)[0] != 'a')) continue;
      if (W(i) == "them" && i > b) {  // "abducted two farmers and killed them"
        size_t len = 0;
        const LexEntry* f = lex_.MatchEndingAt(t_, b, i - 1, q::kFate, &len);
        bool used = false;
        for (const CasualtyFrame& fr : doc_.casualties) {
          if (f != nullptr && fr.fate_span.begin == tok_[i - len].span.begin) used = true;
        }
        if (f != nullptr && (f->roles & q::kBefore) != 0 && f->fate == Fate::kKilled && !used &&
            !Intended(b, i - len)) {
          // "killing them both": two, whatever was counted before.
          if (i + 1 < e && W(i + 1) == "both") {
            Np np;
            np.victims = TokSpan(i, i + 2);
            AddUncountedFrame(sentence, i, i + 2, 2, np, {f, i - len, i}, f->fate);
            continue;
          }
          for (size_t c = cands_.size(); c-- > 0;) {
            if (cands_[c].end > i - len) continue;
            const Np np = ScanNp(cands_[c].end, e);
            if (!np.has_victim) continue;
            const Quantity qt = doc_.quantities[cands_[c].quantity];
            AddFrame(sentence, i, i + 1, qt, cands_[c].quantity, np, {f, i - len, i}, f->fate,
                     false, false);
            break;
          }
        }
        continue;
      }
      if (W(i) == "him" || W(i) == "her") {  // "killing him"
        size_t len = 0;
        const LexEntry* f = i > b ? lex_.MatchEndingAt(t_, b, i - 1, q::kFate, &len) : nullptr;
        if (f != nullptr && (f->roles & q::kBefore) != 0) {
          const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
          Np np;
          np.victims = tok_[i].span;
          AddFrame(sentence, i, i + 1, qt, -1, np, {f, i - len, i}, f->fate, false, false);
          last_hit = {f, i - len, i};
          last_end = i + 1;
        }
        continue;
      }
      // "killed the driver", "killing his wife": a definite singular object.
      const bool definite =
          W(i) == "the" || ((W(i) == "his" || W(i) == "her" || W(i) == "their") && i > b);
      if (W(i) != "a" && W(i) != "an" && W(i) != "another" && !definite) continue;
      if (InQuantity(i)) continue;  // "a dozen", "a number of"
      // "another three men": the count after it makes the frame, not "another" itself.
      if (W(i) == "another" && i + 1 < e && InQuantity(i + 1)) continue;
      const Np np = ScanNp(i + 1, e);
      // ("killing the former senator": a singular noun the lexicon need not know.)
      if (!np.has_victim && !np.has_object && W(i) != "another" && np.end > i + 1 &&
          (!definite || SingularHead(np.end - 1)) && GenericObject(b, i, np, sentence)) {
        if (definite) {
          last_hit = ActiveHitBefore(b, i);
          last_end = np.end;
        }
        continue;
      }
      if (!np.has_victim || np.has_object) continue;
      bool update = false;
      if (definite) {
        // "killed the driver": one person, but only after an active verb and a singular noun.
        const std::string_view head = W(np.end - 1);
        if (head.ends_with("s") || head.ends_with("men") || head == "people" ||
            head == "children" || head == "police" || head == "personnel") {
          continue;
        }
        // "four passengers and the bomber were killed": the last item of a counted passive
        // list (Passive hops over it from the count before).
        if (W(i) == "the" && i > b + 1 && W(i - 1) == "and") {
          const FateHit p = Passive(i + 1, e, np, i);
          bool counted = false;  // the verb is a number's before ("the driver and the
                                 // bomber were wounded" is read as a conjunct pair)
          for (const CasualtyFrame& fr : doc_.casualties) {
            counted |= p.entry != nullptr && fr.quantity >= 0 &&
                       fr.fate_span.begin == tok_[p.begin].span.begin &&
                       fr.count_span.end <= tok_[i].span.begin;
          }
          if (p.entry != nullptr && (p.entry->roles & q::kAfter) != 0 && counted) {
            AddUncountedFrame(sentence, i, i + 1, 1, np, p, p.entry->fate);
            continue;
          }
        }
        const FateHit a = Active(b, i, &update);
        if (a.entry == nullptr || update || (a.entry->roles & q::kBefore) == 0) continue;
        AddUncountedFrame(sentence, i, i + 1, 1, np, a, a.entry->fate);
        last_hit = a;
        last_end = np.end;
        continue;
      }
      // "attempting to target a crowd of civilians was killed", "to detonate at an outpost
      // was killed": the object of an infinitive or a preposition is not the subject of the
      // passive.
      static constexpr std::array<std::string_view, 11> kObjectOf = {
          "at",      "on",     "into",    "near", "toward", "towards",
          "against", "inside", "outside", "to",   "of"};
      const bool infinitive_object =
          (i > b && In(W(i - 1), kObjectOf)) ||
          (i >= b + 2 && W(i - 2) == "to" && IsWordish(i - 1) && !Raw(i - 1).empty() &&
           Raw(i - 1)[0] >= 'a');
      FateHit f = infinitive_object ? FateHit{} : Passive(i + 1, e, np, i);
      if (f.entry == nullptr) {
        f = Active(b, i, &update);
        if (f.entry != nullptr && (f.entry->roles & (q::kBefore | q::kNounOf)) == 0) f = {};
      }
      if (f.entry == nullptr || update) continue;
      // "a family of six": the family's size is the count.
      if (W(i) == "a" && i + 3 < e && W(i + 1) == "family" && W(i + 2) == "of") {
        const Candidate* size = nullptr;
        for (const Candidate& c : cands_) {
          if (c.begin == i + 3) size = &c;
        }
        // ("A family of four was killed": the count already made the frame; it names them.)
        CasualtyFrame* made = nullptr;
        for (CasualtyFrame& fr : doc_.casualties) {
          if (size != nullptr && fr.quantity == size->quantity) made = &fr;
        }
        if (made != nullptr) {
          if (made->category == VictimCategory::kUnknown) made->category = np.category;
          i = std::max(np.end, size->end) - 1;
          continue;
        }
        if (size != nullptr && doc_.quantities[size->quantity].kind == QuantityKind::kCount) {
          AddFrame(sentence, size->begin, size->end, doc_.quantities[size->quantity],
                   size->quantity, np, f, f.entry->fate, false, SubtotalBefore(b, i));
          if (f.begin < i && (f.entry->roles & q::kBefore) != 0) {
            last_hit = f;
            last_end = std::max(np.end, size->end);
          }
          i = std::max(np.end, size->end) - 1;
          continue;
        }
      }
      const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
      doc_.quantities.push_back(qt);
      AddFrame(sentence, i, i + 1, qt, static_cast<int32_t>(doc_.quantities.size() - 1), np, f,
               f.entry->fate, false, SubtotalBefore(b, i));
      if (f.begin < i && (f.entry->roles & q::kBefore) != 0) {
        last_hit = f;
        last_end = np.end;
      }
      i = np.end > i ? np.end - 1 : i;
    }
  }

  // A lower-case singular noun ("senator", not "villagers" or "police").
  bool SingularHead(size_t k) const {
    const std::string_view h = W(k);
    return IsWordish(k) && !Raw(k).empty() && Raw(k)[0] >= 'a' && Raw(k)[0] <= 'z' &&
           !h.ends_with("s") && !h.ends_with("men") && h != "people" && h != "police" &&
           h != "children" && h != "personnel";
  }

  // The active fate verb ending right before token `i`, as a FateHit (empty when none).
  FateHit ActiveHitBefore(size_t b, size_t i) const {
    size_t len = 0;
    const LexEntry* f = i > b ? lex_.MatchEndingAt(t_, b, i - 1, q::kFate, &len) : nullptr;
    if (f == nullptr) return {};
    return {f, i - len, i};
  }

  // "militants killed a presumed cattle thief", "killing a merchant": an active killing verb
  // right before "a/an" makes the noun phrase one victim even when the lexicon does not know
  // the noun. Adds the frame and returns true.
  bool GenericObject(size_t b, size_t i, const Np& np, uint32_t sentence) {
    if (i <= b) return false;
    size_t len = 0;
    const LexEntry* f = lex_.MatchEndingAt(t_, b, i - 1, q::kFate, &len);
    if (f == nullptr || (f->roles & q::kBefore) == 0 || f->fate != Fate::kKilled ||
        Intended(b, i - len)) {
      return false;
    }
    // "Republicans killed the bill", "killing the deal": a thing is no victim (the head
    // stands before an "of" phrase: "the owner of the house" is a person).
    size_t head_end = i + 1;
    while (head_end < np.end && W(head_end) != "of") ++head_end;
    if (head_end > i + 1 && lex_.IsThing(W(head_end - 1))) return false;
    for (size_t k = i + 1; k < np.end; ++k) {
      NumberMatch n;
      if (q::ScanNumber(lex_, t_, tok_, k, np.end, &n) || W(k) == "total" || W(k) == "number" ||
          W(k) == "day" || W(k) == "week" || W(k) == "month" || W(k) == "year") {
        return false;
      }
    }
    const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
    doc_.quantities.push_back(qt);
    AddFrame(sentence, i, i + 1, qt, static_cast<int32_t>(doc_.quantities.size() - 1), np,
             {f, i - len, i}, f->fate, false, SubtotalBefore(b, i));
    return true;
  }

  void AddNegated(uint32_t sentence, size_t nb, const FateHit& f, const Np& np) {
    CasualtyFrame fr;
    fr.fate_span = TokSpan(f.begin, f.end);
    fr.span = {tok_[nb].span.begin, std::max(fr.fate_span.end, tok_[nb].span.end)};
    fr.victims = np.victims;
    fr.group = np.group;
    fr.category = np.category;
    fr.fate = f.entry->fate;
    fr.negated = true;
    fr.sentence = sentence;
    doc_.casualties.push_back(fr);
  }

  // "no casualties", "no one was hurt", "nobody was killed", "without any injuries".
  void Negations(uint32_t sentence, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      const std::string_view w = W(i);
      // Only "no", "nobody", "none", "without", "zero" and "any" start a negation.
      if (w.empty() || (w[0] != 'n' && w[0] != 'w' && w[0] != 'z' && w[0] != 'a')) continue;
      bool neg = w == "no" || w == "nobody" || w == "none" || w == "without" || w == "zero";
      if (w == "any") {
        for (size_t k = i; k-- > b && k + 5 > i;) {
          if (W(k) == "not" || W(k) == "n't" || W(k) == "never" || W(k) == "without" ||
              W(k).ends_with("n't")) {
            neg = true;
          }
        }
      }
      if (!neg) continue;
      size_t j = i + 1;
      if (j < e && W(j) == "any") ++j;
      while (j < e && In(W(j), kNegModifiers)) ++j;
      size_t len = 0;
      const LexEntry* f = MatchAt(j, e, q::kFate, &len);
      if (f != nullptr && (f->roles & (q::kNounAfter | q::kNounOf)) != 0) {
        AddNegated(sentence, i, {f, j, j + len}, Np{});
        // "no deaths or injuries"
        size_t k = j + len;
        if (k + 1 < e && (W(k) == "or" || W(k) == "and")) {
          size_t len2 = 0;
          if (const LexEntry* f2 = MatchAt(k + 1, e, q::kFate, &len2);
              f2 != nullptr && (f2->roles & (q::kNounAfter | q::kNounOf)) != 0) {
            AddNegated(sentence, i, {f2, k + 1, k + 1 + len2}, Np{});
          }
        }
        i = k - 1;
        continue;
      }
      // "no one was hurt", "nobody was killed", "no civilians were harmed"
      Np np;
      np.end = j;
      if (w == "no" && j < e && W(j) == "one") {
        np.end = j + 1 + (j + 1 < e && W(j + 1) == "else" ? 1 : 0);
      } else if (w == "no") {
        np = ScanNp(j, e);
        if (!np.has_victim) continue;
      }
      const FateHit fh = Passive(i + 1, e, np);
      if (fh.entry != nullptr && (fh.entry->roles & q::kAfter) != 0) {
        AddNegated(sentence, i, fh, np);
        i = fh.end - 1;
      }
    }
  }

  // Later frames of one fate that add up to an earlier frame of the sentence are its parts.
  void MarkSubtotals(size_t first) {
    auto& fr = doc_.casualties;
    for (size_t a = first; a < fr.size(); ++a) {
      if (fr[a].negated || fr[a].is_subtotal || fr[a].value <= 0) continue;
      int64_t sum = 0;
      std::vector<size_t>& parts = scratch_.parts;
      parts.clear();
      for (size_t k = a + 1; k < fr.size(); ++k) {
        if (fr[k].fate != fr[a].fate || fr[k].negated || fr[k].is_update) continue;
        sum += fr[k].value;
        parts.push_back(k);
        if (sum >= fr[a].value) break;
      }
      if (sum == fr[a].value && parts.size() >= 2) {
        for (size_t k : parts) fr[k].is_subtotal = true;
      }
    }
  }

  static uint32_t Anchor(const CasualtyFrame& f) {
    return f.count_span.empty() ? f.span.begin : f.count_span.begin;
  }

  // Sorts the sentence's quantities by position (articles were appended last) and frames too.
  void Finish(size_t first_q, size_t first_f) {
    auto& qs = doc_.quantities;
    // Most sentences are in order already; a stable sort would leave them as they are.
    const auto by_begin = [](const Quantity& x, const Quantity& y) {
      return x.span.begin < y.span.begin;
    };
    if (qs.size() - first_q > 1 &&
        !std::is_sorted(qs.begin() + static_cast<ptrdiff_t>(first_q), qs.end(), by_begin)) {
      std::vector<size_t>& order = scratch_.order;
      order.resize(qs.size() - first_q);
      for (size_t k = 0; k < order.size(); ++k) order[k] = first_q + k;
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return qs[x].span.begin < qs[y].span.begin;
      });
      std::vector<int32_t>& remap = scratch_.remap;
      remap.assign(qs.size() - first_q, 0);
      std::vector<Quantity>& sorted = scratch_.sorted;
      sorted.clear();
      sorted.reserve(order.size());
      for (size_t k = 0; k < order.size(); ++k) {
        remap[order[k] - first_q] = static_cast<int32_t>(first_q + k);
        sorted.push_back(qs[order[k]]);
      }
      std::copy(sorted.begin(), sorted.end(), qs.begin() + static_cast<ptrdiff_t>(first_q));
      for (size_t f = first_f; f < doc_.casualties.size(); ++f) {
        int32_t& qi = doc_.casualties[f].quantity;
        if (qi >= 0) qi = remap[static_cast<size_t>(qi) - first_q];
      }
    }
    const auto by_anchor = [](const CasualtyFrame& x, const CasualtyFrame& y) {
      return Anchor(x) < Anchor(y);
    };
    const auto frames = doc_.casualties.begin() + static_cast<ptrdiff_t>(first_f);
    if (!std::is_sorted(frames, doc_.casualties.end(), by_anchor)) {
      std::stable_sort(frames, doc_.casualties.end(), by_anchor);
    }
    MarkSubtotals(first_f);
  }

  Document& doc_;
  const Lexicon& lex_;
  const std::vector<Token>& tok_;
  Scratch& scratch_;
  std::string& lower_;
  TokenTexts& t_;
  std::vector<Candidate>& cands_;
  std::vector<uint8_t>& rare_;  // RareWord bits per token
  uint8_t doc_rare_ = 0;        // and of the whole document
  // Scratch of the list readings (AppositionList, ObjectAppositionList), reused per sentence.
  std::vector<std::pair<size_t, size_t>> list_spans_;
  std::vector<bool> list_comma_only_, list_after_comma_;
  std::vector<ListSeg> list_segs_;
};

}  // namespace

void AnnotateQuantities(Document& doc) {
  if (doc.sentences.empty() || doc.tokens.empty()) Segment(doc);
  Annotator(doc).Run();
}

}  // namespace sitrep
