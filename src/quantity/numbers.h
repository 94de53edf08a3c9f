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

// Scans the number expression starting at token `i` of [i, end); false when none starts there.
bool ScanNumber(const Lexicon& lex, const TokenTexts& t, const std::vector<Token>& tokens,
                size_t i, size_t end, NumberMatch* out);

}  // namespace sitrep::quantity
