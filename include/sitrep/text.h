// Segmentation: paragraphs, tokens and sentences as byte ranges into UTF-8 text.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/document.h"

namespace sitrep {

// Appends the tokens of `text` to `out`. Keeps "Abd-al-Jalil", "al-Issawi", "U.S.", "2,500",
// "2.5", "10/06/1971", "10-12", "5am", "15th", "M23", "F-16", "don't" as single tokens;
// "$5 million" is "$" "5" "million". Possessives stay attached: "Iraq's" and "Iraq’s" are one
// kWord token (a trailing apostrophe, "soldiers'", is a separate punct token). Non-ASCII code
// points are letters except known punctuation and spaces (curly quotes, dashes, "…", NBSP).
// Whitespace and control characters never appear inside a token. Malformed UTF-8 is tolerated
// (a boundary never splits a lead byte from its continuation bytes). The rules are spelled
// out at the top of src/text/tokenizer.cc. Thread-safe; linear time; never reads past `text`.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Splits into sentences using the tokens of the same text. Handles abbreviations ("U.S.",
// "Gen.", "Lt. Col.", "No. 5"), initials, decimal points, closing quotes/brackets after the
// period, and line breaks that end headlines or list items without a period: a '\n' (or '\r')
// always ends a sentence. A sentence-final abbreviation that is not a title ("in the U.S. The
// talks") ends a sentence only when the next word is a common sentence starter ("The", "He",
// "But", ...); titles ("Gen.", "Dr.") never do. Every token belongs to exactly one sentence;
// spans run from the first token's begin to the last token's end. Rules: sentence_splitter.cc.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* out);

// Paragraphs: maximal runs between '\n', trimmed, empty ones dropped.
void SplitParagraphs(std::string_view text, std::vector<Span>* out);

// Fills doc.paragraphs, doc.tokens and doc.sentences from doc.text (replacing what was there).
void Segment(Document& doc);

}  // namespace sitrep
