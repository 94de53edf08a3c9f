#include "sitrep/text.h"
#include "text/char_class.h"

namespace sitrep {
namespace {

using text_internal::Cc;
using text_internal::ClassAt;

// Start of the code point that ends at `end` (> begin), found by skipping continuation bytes.
size_t LastCodePoint(const unsigned char* p, size_t begin, size_t end) {
  size_t s = end - 1;
  while (s > begin && end - s < 4 && (p[s] & 0xC0) == 0x80) --s;
  return s;
}

}  // namespace

void SplitParagraphs(std::string_view text, std::vector<Span>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t line = 0;
  while (line < n) {
    size_t stop = line;
    while (stop < n && p[stop] != '\n') ++stop;
    // Trim with the tokenizer's notion of space (NBSP, U+2028 ...), so paragraphs and tokens agree.
    size_t b = line, e = stop, len;
    while (b < e && ClassAt(p, e, b, &len) == Cc::kSpace) b += len;
    while (e > b) {
      const size_t s = LastCodePoint(p, b, e);
      if (ClassAt(p, e, s, &len) != Cc::kSpace || s + len != e) break;
      e = s;
    }
    if (b < e) out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    line = stop + 1;
  }
}

void Segment(Document& doc) {
  doc.paragraphs.clear();
  doc.tokens.clear();
  doc.sentences.clear();
  SplitParagraphs(doc.text, &doc.paragraphs);
  doc.tokens.reserve(doc.text.size() / 5 + 1);
  Tokenize(doc.text, &doc.tokens);
  SplitSentences(doc.text, doc.tokens, &doc.sentences);
}

}  // namespace sitrep
