// Segmentation: paragraphs, tokens and sentences as byte ranges into UTF-8 text.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep {

// Appends the tokens of `text` to `out`. Keeps "Abd-al-Jalil", "al-Issawi", "U.S.", "2,500",
// "2.5", "10/06/1971", "5am", "15th" as single tokens; "$5 million" is "$" "5" "million".
// Thread-safe; linear time; never reads past `text`.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Splits into sentences using the tokens of the same text. Handles abbreviations ("U.S.",
// "Gen.", "Lt. Col.", "No. 5"), initials, decimal points, closing quotes/brackets after the
// period, and line breaks that end headlines or list items without a period.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* out);

// Paragraphs: maximal runs between '\n', trimmed, empty ones dropped.
void SplitParagraphs(std::string_view text, std::vector<Span>* out);

// Fills doc.paragraphs, doc.tokens and doc.sentences from doc.text (replacing what was there).
void Segment(Document& doc);

}  // namespace sitrep
