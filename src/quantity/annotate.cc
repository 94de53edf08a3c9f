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
#include <string>

#include "quantity/lexicon.h"
#include "quantity/numbers.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

using quantity::LexEntry;
using quantity::Lexicon;
using quantity::NumberMatch;
using quantity::TokenTexts;
namespace q = quantity;

template <size_t N>
bool In(std::string_view w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Words that end a victim phrase.
constexpr std::array<std::string_view, 62> kStopWords = {
    "in", "at", "on", "near", "during", "after", "before", "when", "while", "as", "by", "from",
    "for", "with", "without", "and", "or", "but", "the", "a", "an", "this", "that", "these",
    "those", "who", "which", "whose", "where", "since", "into", "across", "against", "inside",
    "outside", "including", "among", "said", "according", "to", "than", "he", "she", "they",
    "it", "we", "his", "her", "their", "its", "there", "not", "no", "also", "following", "amid",
    "if", "because", "until", "between", "under", "over"};
constexpr std::array<std::string_view, 9> kPrepositions = {
    "in", "from", "at", "near", "on", "inside", "aboard", "during", "across"};
constexpr std::array<std::string_view, 11> kActiveFillers = {
    "another", "additional", "further", "an", "a", "the", "all", "only", "some", "its", "at"};
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

class Annotator {
 public:
  explicit Annotator(Document& doc)
      : doc_(doc), lex_(Lexicon::Get()), tok_(doc.tokens), lower_(doc.text) {
    for (char& c : lower_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    t_.lower.reserve(tok_.size());
    for (const Token& tk : tok_) {
      t_.lower.push_back(std::string_view(lower_).substr(tk.span.begin, tk.span.size()));
    }
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
  }

 private:
  std::string_view W(size_t i) const { return t_.lower[i]; }
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
      if (const LexEntry* m = lex_.Word(next); m != nullptr && (m->classes & q::kMonth) != 0 &&
                                               n.value >= 1 && n.value <= 31 && n.digits) {
        return QuantityKind::kDatePart;
      }
    }
    if (start > b && n.digits && n.value >= 1 && n.value <= 31) {
      if (const LexEntry* m = lex_.Word(prev); m != nullptr && (m->classes & q::kMonth) != 0) {
        return QuantityKind::kDatePart;
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
    if (i > b && i + 1 < e && In(w, kOrdinalWords)) {
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
    size_t free_words = 0, last = i;
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
        continue;
      }
      if (MatchAt(k, e, q::kFate | q::kAux | q::kToll, &len) != nullptr) break;
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
        np.has_object = true;
        k += len;
        last = k;
        break;
      }
      if (!IsWordish(k) || In(w, kStopWords) || free_words >= 3) break;
      ++free_words;
      ++k;
      last = k;
    }
    np.end = last;
    if (last > i) np.victims = TokSpan(i, last);
    if (!np.has_victim && np.group_category != VictimCategory::kUnknown) {
      np.category = np.group_category;
    }
    return np;
  }

  struct FateHit {
    const LexEntry* entry = nullptr;
    size_t begin = 0, end = 0;
  };

  // COUNT [victims] ... FATE. Returns the fate after the victims, or none.
  FateHit Passive(size_t from, size_t e, const Np& np) const {
    size_t j = np.end;
    // "5 soldiers and 3 civilians were killed"
    for (int hops = 0; hops < 4 && j + 1 < e && (W(j) == "and" || W(j) == ","); ++hops) {
      NumberMatch n;
      size_t k = j + 1, len = 0;
      if (W(j) == "," && W(k) == "and" && k + 1 < e) ++k;  // "A, B, and C"
      if (MatchAt(k, e, q::kQualifierWord, &len) != nullptr) k += len;
      if (!q::ScanNumber(lex_, t_, tok_, k, e, &n)) break;
      j = ScanNp(n.end, e).end;
    }
    // "eight people, including two assailants, were killed"
    // "eight people including two nationals were killed"
    if (j + 1 < e) {
      const bool comma = W(j) == ",";
      size_t len = 0;
      if (lex_.Match(t_, j + (comma ? 1 : 0), e, q::kSubtotal, &len) != nullptr) {
        for (size_t k = j + (comma ? 1 : 0) + len; k < e && k < j + 14; ++k) {
          size_t al = 0;
          if (comma && W(k) == ",") {
            j = k + 1;
            break;
          }
          if (!comma && (MatchAt(k, e, q::kAux | q::kFate, &al) != nullptr)) {
            j = k;
            break;
          }
        }
      }
    }
    // "three soldiers in the convoy were killed"
    if (j < e && In(W(j), kPrepositions) && j > from) {
      for (size_t k = j + 1; k < e && k < j + 5; ++k) {
        size_t len = 0;
        if (MatchAt(k, e, q::kAux | q::kFate, &len) != nullptr) {
          j = k;
          break;
        }
        if (!IsWordish(k)) break;
      }
    }
    bool aux = false;
    size_t len = 0;
    while (j < e && MatchAt(j, e, q::kAux, &len) != nullptr) {
      // An aux word that is also a fate ("dead" no; "reported" yes) is taken as aux first.
      if (MatchAt(j, e, q::kFate, &len) != nullptr) break;
      MatchAt(j, e, q::kAux, &len);
      j += len;
      aux = true;
    }
    const LexEntry* f = MatchAt(j, e, q::kFate, &len);
    if (f == nullptr) return {};
    const bool after = (f->roles & q::kAfter) != 0;
    const bool noun = (f->roles & q::kNounAfter) != 0 && !aux;
    if (!after && !noun) return {};
    if (!aux && (f->roles & q::kBefore) != 0 && j + len < e) {
      // "3 gunmen killed 5 soldiers": the verb has an object, so it is active.
      const size_t o = j + len;
      NumberMatch n;
      size_t vl = 0;
      if (q::ScanNumber(lex_, t_, tok_, o, e, &n) || W(o) == "a" || W(o) == "an" ||
          W(o) == "the" || W(o) == "two" || MatchAt(o, e, q::kVictim, &vl) != nullptr) {
        return {};
      }
    }
    return {f, j, j + len};
  }

  // FATE [filler] COUNT, or TOLL ... COUNT. `start` is the first token of the count.
  FateHit Active(size_t b, size_t start, bool* update) const {
    *update = false;
    if (start <= b) return {};
    size_t k = start - 1;
    for (int n = 0; n < 2 && k > b && In(W(k), kActiveFillers); ++n) --k;
    // "killing himself and 3 others"
    if (k > b + 1 && W(k) == "and" &&
        (W(k - 1) == "himself" || W(k - 1) == "herself" || W(k - 1) == "themselves")) {
      k -= 2;
    }
    size_t len = 0;
    if (const LexEntry* f = lex_.MatchEndingAt(t_, b, k, q::kFate, &len);
        f != nullptr && (f->roles & (q::kBefore | q::kNounOf)) != 0) {
      return {f, k + 1 - len, k + 1};
    }
    // Toll: "the death toll rose to 20", "bringing the toll to 20".
    k = start - 1;
    for (size_t m = k + 1; m-- > b && m + 7 > k;) {
      if (const LexEntry* tl = lex_.MatchEndingAt(t_, b, m, q::kToll, &len); tl != nullptr) {
        bool ok = true;
        for (size_t x = m + 1; x <= k; ++x) {
          size_t ul = 0;
          if (MatchAt(x, x + 1, q::kUpdate, &ul) != nullptr) {
            *update = true;
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
      if (!IsWordish(m) && W(m) != ",") break;
    }
    *update = false;
    return {};
  }

  bool SubtotalBefore(size_t b, size_t start) const {
    if (start <= b) return false;
    size_t k = start - 1;
    size_t len = 0;
    if (W(k) == "the" && k > b) --k;
    return lex_.MatchEndingAt(t_, b, k, q::kSubtotal, &len) != nullptr;
  }

  void AddFrame(uint32_t sentence, size_t cb, size_t ce, const Quantity& qt, int32_t qi,
                const Np& np, const FateHit& f, Fate fate, bool update, bool subtotal) {
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

  void Frames(uint32_t sentence, size_t b, size_t e) {
    const size_t first_frame = doc_.casualties.size();
    std::vector<bool> used(cands_.size(), false);
    size_t active_np_end = 0;  // token after the victims of the last active frame
    for (size_t c = 0; c < cands_.size(); ++c) {
      const Candidate cd = cands_[c];
      const Quantity qt = doc_.quantities[cd.quantity];
      const Np np = ScanNp(cd.end, e);
      if (np.has_object) continue;
      const bool subtotal = SubtotalBefore(b, cd.begin);
      bool update = false;
      FateHit f = Passive(cd.end, e, np);
      // "executed 6 prisoners": the verb before wins over a fate noun after.
      if (f.entry == nullptr || (f.entry->roles & q::kAfter) == 0) {
        const FateHit a = Active(b, cd.begin, &update);
        if (a.entry != nullptr) f = a;
      }
      if (f.entry != nullptr) {
        if (f.begin < cd.begin && (f.entry->roles & q::kBefore) != 0) active_np_end = np.end;
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, f, f.entry->fate, update,
                 subtotal);
        used[c] = true;
        continue;
      }
      const bool has_prev = doc_.casualties.size() > first_frame;
      // "killing 5 soldiers and 3 civilians": shares the verb of the previous frame.
      if (has_prev && cd.begin > b && active_np_end == cd.begin - 1 &&
          (W(cd.begin - 1) == "and" || W(cd.begin - 1) == ",")) {
        const CasualtyFrame prev = doc_.casualties.back();
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, {}, prev.fate, false, false);
        doc_.casualties.back().fate_span = prev.fate_span;
        active_np_end = np.end;
        used[c] = true;
        continue;
      }
      const std::string_view before = cd.begin > b ? W(cd.begin - 1) : std::string_view();
      const bool listed = before == ":" ||
                          (before == "and" && has_prev && doc_.casualties.back().is_subtotal);
      if (has_prev && (subtotal || np.of_them || listed)) {
        const Fate fate = doc_.casualties.back().fate;
        AddFrame(sentence, cd.begin, cd.end, qt, cd.quantity, np, {}, fate, false, true);
        used[c] = true;
        continue;
      }
      if (np.category == VictimCategory::kStateForces && np.has_victim &&
          qt.kind == QuantityKind::kCount) {
        doc_.quantities[cd.quantity].kind = QuantityKind::kTroopStrength;
      }
    }
    Articles(sentence, b, e);
    Negations(sentence, b, e);
    Singulars(sentence, b, e, first_frame);
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
      if (w == "himself" || w == "herself") {
        // "blew himself up", "detonated herself"
        if (i > b && (W(i - 1) == "blew" || W(i - 1) == "blows" || W(i - 1) == "blown" ||
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
        if (i > b) {
          if (const LexEntry* f = lex_.MatchEndingAt(t_, b, i - 1, q::kFate, &len);
              f != nullptr && (f->roles & q::kBefore) != 0) {
            const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
            Np np;
            np.victims = tok_[i].span;
            AddFrame(sentence, i, i + 1, qt, -1, np, {f, i - len, i}, f->fate, false, false);
            doc_.casualties.back().self_inflicted = true;
          }
        }
        continue;
      }
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
      if (prev == "who" || prev == "which" || prev == "that" || prev == "it" || prev == "there") {
        continue;
      }
      const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
      AddFrame(sentence, i, i + 1, qt, -1, Np{}, {f, j, j + len}, f->fate, false, false);
      doc_.casualties.back().count_span = {};
      doc_.casualties.back().span = {tok_[i - 1].span.begin, tok_[j + len - 1].span.end};
      i = j + len - 1;
    }
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
    for (size_t i = b; i + 1 < e; ++i) {
      if (W(i) == "him" || W(i) == "her") {  // "killing him"
        size_t len = 0;
        const LexEntry* f = i > b ? lex_.MatchEndingAt(t_, b, i - 1, q::kFate, &len) : nullptr;
        if (f != nullptr && (f->roles & q::kBefore) != 0) {
          const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
          Np np;
          np.victims = tok_[i].span;
          AddFrame(sentence, i, i + 1, qt, -1, np, {f, i - len, i}, f->fate, false, false);
        }
        continue;
      }
      const bool definite = W(i) == "the";
      if (W(i) != "a" && W(i) != "an" && W(i) != "another" && !definite) continue;
      if (InQuantity(i)) continue;  // "a dozen", "a number of"
      const Np np = ScanNp(i + 1, e);
      if (!np.has_victim || np.has_object) continue;
      bool update = false;
      if (definite) {
        // "killed the driver": one person, but only after an active verb and a singular noun.
        const std::string_view head = W(np.end - 1);
        if (head.ends_with("s") || head == "men" || head == "women" || head == "people" ||
            head == "children" || head == "police" || head == "personnel") {
          continue;
        }
        const FateHit a = Active(b, i, &update);
        if (a.entry == nullptr || update || (a.entry->roles & q::kBefore) == 0) continue;
        const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
        AddFrame(sentence, i, i + 1, qt, -1, np, a, a.entry->fate, false, false);
        doc_.casualties.back().count_span = {};
        continue;
      }
      FateHit f = Passive(i + 1, e, np);
      if (f.entry == nullptr) {
        f = Active(b, i, &update);
        if (f.entry != nullptr && (f.entry->roles & (q::kBefore | q::kNounOf)) == 0) f = {};
      }
      if (f.entry == nullptr || update) continue;
      const Quantity qt{tok_[i].span, 1, 1, Qualifier::kExact, false, QuantityKind::kCount};
      doc_.quantities.push_back(qt);
      AddFrame(sentence, i, i + 1, qt, static_cast<int32_t>(doc_.quantities.size() - 1), np, f,
               f.entry->fate, false, SubtotalBefore(b, i));
      i = np.end > i ? np.end - 1 : i;
    }
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
      std::vector<size_t> parts;
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
    if (qs.size() - first_q > 1) {
      std::vector<size_t> order(qs.size() - first_q);
      for (size_t k = 0; k < order.size(); ++k) order[k] = first_q + k;
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return qs[x].span.begin < qs[y].span.begin;
      });
      std::vector<int32_t> remap(qs.size() - first_q);
      std::vector<Quantity> sorted;
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
    std::stable_sort(doc_.casualties.begin() + static_cast<ptrdiff_t>(first_f),
                     doc_.casualties.end(), [](const CasualtyFrame& x, const CasualtyFrame& y) {
                       return Anchor(x) < Anchor(y);
                     });
    MarkSubtotals(first_f);
  }

  Document& doc_;
  const Lexicon& lex_;
  const std::vector<Token>& tok_;
  std::string lower_;
  TokenTexts t_;
  std::vector<Candidate> cands_;
};

}  // namespace

void AnnotateQuantities(Document& doc) {
  if (doc.sentences.empty() || doc.tokens.empty()) Segment(doc);
  Annotator(doc).Run();
}

}  // namespace sitrep
