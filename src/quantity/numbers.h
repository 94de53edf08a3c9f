// Number expressions over tokens: digits ("2,500", "2.5 million", "10-12"), words ("twenty-five",
// "one hundred and twenty", "a dozen"), vague amounts ("dozens", "tens of thousands") and ranges
// ("10 to 12", "two or three"). Qualifiers and kinds are decided by the caller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "quantity/lexicon.h"

namespace sitrep::quantity {

// Values saturate here, so no input can overflow.
constexpr int64_t kMaxValue = 1'000'000'000'000'000;

struct NumberMatch {
  size_t end = 0;  // one past the last token used
  int64_t value = 0;
  int64_t high = 0;
  bool vague = false;
  bool digits = false;     // written with digits
  bool has_slash = false;  // "10/06/1971": a date, not a count
  bool has_colon = false;  // "10:30": a time
  bool plain_int = false;  // digits only, no separators ("2014", not "2,014")
};

// Parses a digit token ("2,500", "2.5", "10-12", "10/06/1971"). With `scale` > 1 multiplies
// (2.5 × 1,000,000). False when `s` is not digits with separators.
bool ParseDigits(std::string_view s, int64_t scale, NumberMatch* out);

// TokenTexts::number bits of one token.
enum NumberBits : uint8_t {
  kWordValue = 1,    // a word number alone or hyphenated ("seven", "twenty-five", "two-dozen")
  kNumberStart = 2,  // a number expression may start here: digits, a word number, or the first
                     // word of a lexicon number or vague amount ("a dozen", "tens of")
  kQuantityStart = 4,  // kNumberStart, the first word of a qualifier ("at least"), or "between"
};

// Fills t->number from t->slot (Lexicon::Prepare first) and the tokens of `text` (their spans
// index it). Every TokenTexts passed to ScanNumber must be prepared.
void PrepareNumbers(const Lexicon& lex, const std::vector<Token>& tokens, std::string_view text,
                    TokenTexts* t);

// ScanNumber past its first-token test.
bool ScanNumberFrom(const Lexicon& lex, const TokenTexts& t, const std::vector<Token>& tokens,
                    size_t i, size_t end, NumberMatch* out);

// Scans the number expression starting at token `i` of [i, end); false when none starts there.
// Called at nearly every token: the common rejection is inline.
inline bool ScanNumber(const Lexicon& lex, const TokenTexts& t, const std::vector<Token>& tokens,
                       size_t i, size_t end, NumberMatch* out) {
  if (i >= end || (t.number[i] & kNumberStart) == 0) {
    *out = NumberMatch();
    return false;
  }
  return ScanNumberFrom(lex, t, tokens, i, end, out);
}

}  // namespace sitrep::quantity
