// The one object every pipeline stage reads and writes: clean UTF-8 text, the way back to the
// original bytes, and annotation columns. Annotations are byte ranges into `text`, never copies.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/actors.h"
#include "sitrep/event.h"
#include "sitrep/places.h"
#include "sitrep/quantity.h"
#include "sitrep/span.h"
#include "sitrep/timex.h"
#include "sitrep/triggers.h"

namespace sitrep {

// Maps byte offsets of a derived text (clean text) back to byte offsets of the source bytes it was
// made from (the record's raw text or HTML). Built from pieces in increasing order; positions
// between pieces (inserted separators such as '\n' between paragraphs) map to the start of the
// next piece.
class OffsetMap {
 public:
  struct Piece {
    uint32_t derived_begin;
    uint64_t source_begin;
    uint32_t length;
    bool operator==(const Piece&) const = default;
  };

  // The identity map over `length` bytes.
  static OffsetMap Identity(uint32_t length);

  // Appends a run of `length` bytes copied verbatim from `source_begin`. Adjacent contiguous runs
  // are coalesced.
  void AddCopy(uint32_t derived_begin, uint64_t source_begin, uint32_t length);
  // Records that derived bytes from `derived_begin` were produced from (not copied from) source
  // bytes starting at `source_begin` — a decoded entity, a repaired byte. Maps its whole range
  // to that one source position.
  void AddReplacement(uint32_t derived_begin, uint32_t derived_length, uint64_t source_begin);

  // Returns the source offset of derived byte `pos` (pos may equal the derived length).
  uint64_t ToSource(uint32_t pos) const;
  const std::vector<Piece>& pieces() const { return pieces_; }
  bool empty() const { return pieces_.empty(); }

  // Composes: `this` maps A→B and `inner` maps B→C; returns A→C.
  OffsetMap Then(const OffsetMap& inner) const;

 private:
  std::vector<Piece> pieces_;
};

enum class TokenKind : uint8_t {
  kWord,         // letters, with inner hyphens/apostrophes/periods: "al-Issawi", "U.S.", "don't"
  kNumber,       // digits with separators: "2,500", "2.5", "10/06/1971", "10-12"
  kAlnum,        // mixed letters and digits: "5am", "15th", "M23", "F-16"
  kPunct,        // . , ; : ! ? quotes brackets dashes
  kSymbol,       // $ % & @ # and other symbols
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  bool operator==(const Token&) const = default;
};

struct Sentence {
  Span span;               // trimmed of surrounding whitespace
  uint32_t token_begin = 0;  // index range into Document::tokens
  uint32_t token_end = 0;
  bool operator==(const Sentence&) const = default;
};

struct Document {
  // Identity and metadata, echoed from the input record.
  std::string id;
  bool id_is_number = false;  // echo an integer id back as an integer
  std::string url;
  std::string title;
  std::string published;      // "YYYY-MM-DD" or ISO date-time as given; empty when unknown

  // Clean UTF-8 text that every offset refers to.
  std::string text;
  // text byte -> byte of the record's original payload (raw `text` or `html`).
  OffsetMap to_source;
  // Things worth telling the user that did not stop processing ("repaired 3 invalid UTF-8
  // sequences", "removed 2 NUL bytes").
  std::vector<std::string> warnings;

  // Annotation columns, filled by stages in pipeline order.
  std::vector<Span> paragraphs;  // '\n'-separated blocks of `text`
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Written by the event stages (once they exist): the document's events, offsets into `text`.
  std::vector<Event> events;
  std::vector<Timex> timex;  // temporal expressions (sitrep/timex.h), filled by the "timex" stage
  // Number expressions and casualty frames (sitrep/quantity.h), filled by the "quantities" stage.
  std::vector<Quantity> quantities;
  std::vector<CasualtyFrame> casualties;
  // Actor mentions (sitrep/actors.h), filled by the "actors" stage.
  std::vector<ActorMention> actors;
  // Event triggers (sitrep/triggers.h), filled by the "triggers" stage.
  std::vector<TriggerMention> triggers;
  // Place mentions (sitrep/places.h), filled by the "places" stage.
  std::vector<PlaceMention> places;

  // The first token that starts at or after byte `pos` (tokens are in text order). Looked for
  // first a few tokens forwards or backwards from where an even spread of the tokens over the
  // text puts it (callers mostly ask about a mention's neighbours in short texts, where that
  // guess is close), then by binary search in the part left. (One direction, decided by the
  // token at the guess: the walk needs no step count and no check of its answer after.)
  std::vector<Token>::const_iterator FirstTokenFrom(uint32_t pos) const {
    auto starts_before = [](const Token& t, uint32_t p) { return t.span.begin < p; };
    const size_t n = tokens.size();
    if (n == 0 || text.empty()) {
      return std::lower_bound(tokens.begin(), tokens.end(), pos, starts_before);
    }
    const Token* const t = tokens.data();
    constexpr size_t kSteps = 8;
    size_t i = std::min<size_t>(static_cast<uint64_t>(pos) * n / text.size(), n);
    if (i < n && t[i].span.begin < pos) {
      // The answer lies after the guess.
      const size_t hi = std::min(n, i + 1 + kSteps);
      ++i;
      while (i < hi && t[i].span.begin < pos) ++i;
      if (i < hi || i == n) return tokens.begin() + static_cast<std::ptrdiff_t>(i);
      return std::lower_bound(tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.end(), pos,
                              starts_before);
    }
    // The answer is the guess or before it.
    const size_t lo = i > kSteps ? i - kSteps : 0;
    while (i > lo && t[i - 1].span.begin >= pos) --i;
    if (i == 0 || t[i - 1].span.begin < pos) return tokens.begin() + static_cast<std::ptrdiff_t>(i);
    return std::lower_bound(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(i), pos,
                            starts_before);
  }

  // The temporal expressions from the first that starts at or after byte `pos` to the last (they
  // are in text order).
  std::span<const Timex> TimexFrom(uint32_t pos) const {
    auto it = std::lower_bound(timex.begin(), timex.end(), pos,
                               [](const Timex& t, uint32_t p) { return t.span.begin < p; });
    return {it, timex.end()};
  }

  std::string_view Slice(Span span) const {
    return std::string_view(text).substr(span.begin, span.end - span.begin);
  }
};

}  // namespace sitrep
