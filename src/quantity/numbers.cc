#include "quantity/numbers.h"

#include <algorithm>

namespace sitrep::quantity {
namespace {

int64_t SatMul(int64_t a, int64_t b) {
  if (a == 0 || b == 0) return 0;
  if (a > kMaxValue / b) return kMaxValue;
  return std::min(a * b, kMaxValue);
}

int64_t SatAdd(int64_t a, int64_t b) { return std::min(kMaxValue, a + std::min(b, kMaxValue)); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "2,500" / "2.5" / "007": value × scale, rounding a fraction down. False on anything else.
bool ParseOne(std::string_view s, int64_t scale, int64_t* out) {
  if (s.empty() || !IsDigit(s[0])) return false;
  int64_t whole = 0;
  size_t i = 0;
  for (; i < s.size() && (IsDigit(s[i]) || s[i] == ','); ++i) {
    if (s[i] != ',') whole = SatAdd(SatMul(whole, 10), s[i] - '0');
  }
  int64_t frac = 0, denom = 1;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && IsDigit(s[i]); ++i) {
      if (denom < 1'000'000'000) {
        frac = frac * 10 + (s[i] - '0');
        denom *= 10;
      }
    }
  }
  if (i != s.size()) return false;
  *out = SatAdd(SatMul(whole, scale), SatMul(frac, scale) / denom);
  return true;
}

// Word-number value of a single (hyphen-free) word: "seven" 7, "twenty" 20; -1 if none.
int64_t WordValue(const Lexicon& lex, std::string_view w) {
  const LexEntry* e = lex.Word(w);
  return (e != nullptr && (e->classes & kNumber) != 0) ? e->number : -1;
}

// "twenty-five" → 25, "seventy" → 70; -1 if the token is not a word number.
int64_t CompoundValue(const Lexicon& lex, std::string_view w) {
  const size_t dash = w.find('-');
  if (dash == std::string_view::npos) return WordValue(lex, w);
  if (w.substr(dash + 1) == "dozen") {  // "two-dozen"
    const int64_t n = WordValue(lex, w.substr(0, dash));
    return n >= 1 && n <= 12 ? n * 12 : -1;
  }
  const int64_t tens = WordValue(lex, w.substr(0, dash));
  const int64_t unit = WordValue(lex, w.substr(dash + 1));
  if (tens < 20 || tens > 90 || tens % 10 != 0 || unit < 1 || unit > 9) return -1;
  return tens + unit;
}

// CompoundValue of token `i`, a hyphen-free word read from its prepared slot.
int64_t CompoundValueAt(const Lexicon& lex, const TokenTexts& t, size_t i) {
  if (t.lower[i].find('-') != std::string_view::npos) return CompoundValue(lex, t.lower[i]);
  const LexEntry* e = lex.WordAt(t, i);
  return (e != nullptr && (e->classes & kNumber) != 0) ? e->number : -1;
}

}  // namespace

bool ParseDigits(std::string_view s, int64_t scale, NumberMatch* out) {
  if (s.empty() || !IsDigit(s[0])) return false;
  out->digits = true;
  out->plain_int = std::all_of(s.begin(), s.end(), IsDigit);
  if (s.find('/') != std::string_view::npos || s.find(':') != std::string_view::npos) {
    out->has_slash = s.find('/') != std::string_view::npos;
    out->has_colon = !out->has_slash;
    int64_t v = 0;
    for (size_t i = 0; i < s.size() && IsDigit(s[i]); ++i) v = SatAdd(SatMul(v, 10), s[i] - '0');
    out->value = out->high = v;
    return true;
  }
  const size_t dash = s.find('-');
  if (dash != std::string_view::npos) {
    int64_t lo = 0, hi = 0;
    if (!ParseOne(s.substr(0, dash), scale, &lo) || !ParseOne(s.substr(dash + 1), scale, &hi)) {
      return false;
    }
    out->value = std::min(lo, hi);
    out->high = std::max(lo, hi);
    return true;
  }
  int64_t v = 0;
  if (!ParseOne(s, scale, &v)) return false;
  out->value = out->high = v;
  return true;
}

namespace {

bool Scan(const Lexicon& lex, const TokenTexts& t, const std::vector<Token>& tokens, size_t i,
          size_t end, bool allow_range, NumberMatch* out) {
  *out = NumberMatch();
  if (i >= end || (t.number[i] & kNumberStart) == 0) return false;
  const std::string_view w = t.lower[i];
  size_t len = 0;
  size_t j = i;
  auto scale_at = [&](size_t k) -> int64_t {
    if (k >= end) return 1;
    const LexEntry* e = lex.WordAt(t, k);
    return (e != nullptr && (e->classes & kScale) != 0) ? e->number : 1;
  };
  if (tokens[i].kind == TokenKind::kNumber) {
    const int64_t scale = scale_at(i + 1);
    if (!ParseDigits(w, scale, out)) return false;
    j = i + 1 + (scale > 1 ? 1 : 0);
  } else if (const LexEntry* v = lex.Match(t, i, end, kVagueAmount, &len); v != nullptr) {
    // "dozens", "tens of thousands", "hundreds of".
    out->vague = true;
    out->value = v->number;
    j = i + len;
    size_t len2 = 0;
    if (const LexEntry* v2 = lex.Match(t, j, end, kVagueAmount | kScale, &len2);
        v2 != nullptr && t.lower[j - 1] == "of" && v2->number >= 1000) {
      out->value = SatMul(out->value, v2->number);
      j += len2;
      if (j < end && t.lower[j] == "of") ++j;
    } else if (v2 != nullptr && v2->number >= 100 && out->value < 100) {
      // "several hundred(s)", "a few thousand": the amount is the scale's ("hundreds" = 100).
      out->value = v2->number;
      j += len2;
      if (j < end && t.lower[j] == "of") ++j;
    }
    out->high = out->value;
  } else if (const LexEntry* m = lex.Match(t, i, end, kNumber, &len); m != nullptr && len > 1) {
    // Multi-word fixed amounts: "a dozen", "a couple of", "half a dozen".
    out->value = m->number;
    j = i + len;
    const int64_t scale = scale_at(j);
    if (scale > 1) {
      out->value = SatMul(out->value, scale);
      ++j;
    }
    out->high = out->value;
  } else {
    // Word numbers: total/current accumulation over "three hundred and twenty-five thousand".
    int64_t total = 0, current = 0;
    bool any = false;
    int last = 0;  // 0 none, 1 unit/teen, 2 tens, 3 hundred, 4 big scale
    while (j < end) {
      const std::string_view tok = t.lower[j];
      // Only a word token can be a word number: skip the lookup for the others.
      const int64_t v = tokens[j].kind == TokenKind::kWord && (t.number[j] & kWordValue) != 0
                            ? CompoundValueAt(lex, t, j)
                            : int64_t{-1};
      if (v >= 0) {
        const bool is_tens = v >= 20 && v % 10 == 0 && v < 100 && tok.find('-') == tok.npos;
        if (last == 1 || (last == 2 && (is_tens || v >= 10))) break;
        if (v == 12 && tok == "dozen") {
          current = SatMul(current == 0 ? 1 : current, 12);
          last = 4;
        } else {
          current = SatAdd(current, v);
          last = is_tens ? 2 : 1;
        }
        any = true;
        ++j;
        continue;
      }
      const int64_t sc = scale_at(j);
      if (any && sc > 1 && last != 4 && !(last == 3 && sc == 100)) {
        if (sc == 100) {
          current = SatMul(current == 0 ? 1 : current, 100);
          last = 3;
        } else {
          total = SatAdd(total, SatMul(current == 0 ? 1 : current, sc));
          current = 0;
          last = 4;
        }
        ++j;
        continue;
      }
      // "one hundred and twenty"
      if (any && tok == "and" && (last == 3 || last == 4) && j + 1 < end &&
          (t.number[j + 1] & kWordValue) != 0 && CompoundValueAt(lex, t, j + 1) >= 0 &&
          CompoundValueAt(lex, t, j + 1) < 100) {
        last = 0;
        ++j;
        continue;
      }
      break;
    }
    if (!any) return false;
    out->value = out->high = SatAdd(total, current);
  }
  // Ranges: "10 to 12", "two or three", "10 - 12".
  if (allow_range && !out->vague && !out->has_slash && !out->has_colon && j + 1 < end) {
    const std::string_view sep = t.lower[j];
    if (sep == "to" || sep == "or" || sep == "-" || sep == "–") {
      NumberMatch hi;
      if (Scan(lex, t, tokens, j + 1, end, false, &hi) && !hi.vague && !hi.has_slash &&
          !hi.has_colon && hi.value > out->value && hi.digits == out->digits) {
        out->high = hi.high;
        j = hi.end;
      }
    }
  }
  out->end = j;
  return true;
}

}  // namespace

bool ScanNumberFrom(const Lexicon& lex, const TokenTexts& t, const std::vector<Token>& tokens,
                    size_t i, size_t end, NumberMatch* out) {
  return Scan(lex, t, tokens, i, end, true, out);
}

void PrepareNumbers(const Lexicon& lex, const std::vector<Token>& tokens, std::string_view text,
                    TokenTexts* t) {
  const size_t n = std::min(tokens.size(), t->lower.size());
  t->number.assign(t->lower.size(), 0);
  // `hyphen` is the first ASCII hyphen of the text at or after `from`: hyphens are rare, so the
  // text is searched about once per hyphen (tokens come in text order) instead of every token.
  size_t from = 0, hyphen = text.find('-');
  for (size_t i = 0; i < t->lower.size(); ++i) {
    // The value CompoundValueAt gives, without its search for a hyphen.
    int64_t v = -1;
    bool has_hyphen = false;
    if (i < n) {
      const Span sp = tokens[i].span;
      if (sp.begin < from || hyphen < sp.begin) {
        from = sp.begin;
        hyphen = text.find('-', from);
      }
      has_hyphen = hyphen < sp.end;
    } else {
      has_hyphen = t->lower[i].find('-') != std::string_view::npos;
    }
    if (has_hyphen) {
      v = CompoundValue(lex, t->lower[i]);
    } else if (const LexEntry* e = lex.WordAt(*t, i); e != nullptr && (e->classes & kNumber) != 0) {
      v = e->number;
    }
    const LexSlot* s = t->slot[i];
    const bool word = i < n && tokens[i].kind == TokenKind::kWord;
    const bool start = (i < n && tokens[i].kind == TokenKind::kNumber) ||
                       (s != nullptr && (s->first_classes & (kNumber | kVagueAmount)) != 0) ||
                       (word && v >= 0);
    const bool quantity = start ||
                          (s != nullptr && (s->first_classes & kQualifierWord) != 0) ||
                          t->lower[i] == "between";
    t->number[i] = static_cast<uint8_t>((v >= 0 ? kWordValue : 0) | (start ? kNumberStart : 0) |
                                        (quantity ? kQuantityStart : 0));
  }
}

}  // namespace sitrep::quantity
