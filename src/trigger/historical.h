// Date evidence for the historical flag (see sitrep/triggers.h for the whole rule).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/document.h"

namespace sitrep::trigger {

struct YearMonth {
  int year = 0;
  int month = 0;  // 1–12, 0 when unknown
  bool known() const { return year > 0; }
};

// The year and month of "YYYY", "YYYY-MM", "YYYY-MM-DD..." (timex values, publication dates);
// unknown for anything else ("XXXX-08", "PRESENT_REF", "").
YearMonth ParseYearMonth(std::string_view value);

// `text` with A-Z lower-cased and every other byte kept (std::tolower in the "C" locale).
std::string LowerAscii(std::string_view text);
inline char LowerAsciiByte(char c) {  // branch-free, so that loops over it vectorize
  return static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
}

// The date weight of sentence `s`: +1 when it names a date about a year or more before `pub`
// (a year with no month: any earlier year; with a month: ten months or more before),
// -0.6 when it names a date within two months of `pub` (or a timex PRESENT_REF), else 0. A
// recent date outweighs an old one in the same sentence (-1.1: it also cancels a habitual cue).
// Looks at year numbers in the tokens (with a month name just before) and at doc.timex.
// With `cue_end` (a token index inside `s`), an old date after the cue that a clause word
// separates from it is about something else and does not count: "marched to the grave of a
// journalist who was killed in 1998", "demanding the release of a general arrested since 2015".
// With `cue_begin` too, a date written as a possessive ("last year's mutinies") counts only
// for the cue it dates (PossessiveDatesCue).
// Whether a date written as a possessive before token `noun` ("last year's mutinies") dates the
// cue that begins at token `cue_begin`: the cue begins at the noun, or one word later when that
// word is no cue itself (`word_before_cue_is_plain`: "last year's deadly attack").
inline bool PossessiveDatesCue(uint32_t noun, uint32_t cue_begin, bool word_before_cue_is_plain) {
  return cue_begin == noun || (cue_begin == noun + 1 && word_before_cue_is_plain);
}

float DateHistoryWeight(const Document& doc, const Sentence& s, YearMonth pub,
                        uint32_t cue_end = UINT32_MAX, uint32_t cue_begin = UINT32_MAX,
                        bool word_before_cue_is_plain = false);

}  // namespace sitrep::trigger
