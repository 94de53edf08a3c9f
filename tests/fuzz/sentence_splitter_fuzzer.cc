// Repairs arbitrary bytes, segments them, and checks the segmentation invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/text.h"
#include "sitrep/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsContinuation(const std::string& s, uint32_t pos) {
  return pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  sitrep::Utf8Repair repair = sitrep::RepairUtf8(raw);
  Check(sitrep::IsValidUtf8(repair.text));
  for (uint32_t pos = 0; pos <= repair.text.size(); ++pos) {
    Check(repair.to_source.ToSource(pos) <= size);
  }

  sitrep::Document doc;
  doc.text = std::move(repair.text);
  sitrep::Segment(doc);
  const std::string& text = doc.text;

  uint32_t prev_end = 0;
  for (const sitrep::Token& t : doc.tokens) {
    Check(prev_end <= t.span.begin && t.span.begin < t.span.end && t.span.end <= text.size());
    Check(!IsContinuation(text, t.span.begin) && !IsContinuation(text, t.span.end));
    prev_end = t.span.end;
  }
  uint32_t next = 0;
  for (const sitrep::Sentence& s : doc.sentences) {
    Check(s.token_begin == next && s.token_begin < s.token_end && s.token_end <= doc.tokens.size());
    Check(s.span.begin == doc.tokens[s.token_begin].span.begin &&
          s.span.end == doc.tokens[s.token_end - 1].span.end);
    for (uint32_t i = s.span.begin; i < s.span.end; ++i) Check(text[i] != '\n');
    next = s.token_end;
  }
  Check(next == doc.tokens.size());
  prev_end = 0;
  for (const sitrep::Span& p : doc.paragraphs) {
    Check(prev_end <= p.begin && p.begin < p.end && p.end <= text.size());
    prev_end = p.end;
  }

  // Tokenizing raw (unrepaired) bytes must stay in bounds too.
  std::vector<sitrep::Token> raw_tokens;
  sitrep::Tokenize(raw, &raw_tokens);
  for (const sitrep::Token& t : raw_tokens) Check(t.span.end <= size);
  std::vector<sitrep::Sentence> raw_sentences;
  sitrep::SplitSentences(raw, raw_tokens, &raw_sentences);
  return 0;
}
