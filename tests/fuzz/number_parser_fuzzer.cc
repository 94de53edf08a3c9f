// Repairs arbitrary bytes, then runs the number parser on them and the quantities stage on them
// as a document; checks spans stay in bounds and frames point at real quantities, and that the
// number scanner's per-token rejection bits agree with a full scan at every token.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "quantity/lexicon.h"
#include "quantity/numbers.h"

#include "sitrep/pipeline.h"
#include "sitrep/quantity.h"
#include "sitrep/text.h"
#include "sitrep/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool InBounds(sitrep::Span s, size_t n) { return s.begin <= s.end && s.end <= n; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  sitrep::Utf8Repair repair = sitrep::RepairUtf8(raw);
  if (const auto v = sitrep::ParseNumber(repair.text); v.has_value()) {
    Check(v->value >= 0 && v->high >= v->value);
  }
  sitrep::Document doc;
  doc.text = std::move(repair.text);
  sitrep::AnnotateQuantities(doc);
  const size_t n = doc.text.size();
  for (const sitrep::Quantity& q : doc.quantities) {
    Check(InBounds(q.span, n) && !q.span.empty() && q.value >= 0 && q.high >= q.value);
  }
  for (const sitrep::CasualtyFrame& f : doc.casualties) {
    Check(InBounds(f.span, n) && InBounds(f.count_span, n) && InBounds(f.fate_span, n) &&
          InBounds(f.victims, n) && InBounds(f.group, n));
    Check(f.sentence < doc.sentences.size());
    Check(f.quantity < static_cast<int32_t>(doc.quantities.size()));
    Check(!f.negated || f.value == 0);
  }
  // Fast path (PrepareNumbers' bits) against the reference (every bit set: every token is
  // scanned and every word looked up).
  namespace q = sitrep::quantity;
  const q::Lexicon& lex = q::Lexicon::Get();
  std::string lower = doc.text;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  q::TokenTexts t;
  for (const sitrep::Token& tk : doc.tokens) {
    t.lower.push_back(std::string_view(lower).substr(tk.span.begin, tk.span.size()));
  }
  lex.Prepare(&t);
  q::PrepareNumbers(lex, doc.tokens, lower, &t);
  q::TokenTexts all = t;
  std::fill(all.number.begin(), all.number.end(), static_cast<uint8_t>(0xff));
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    q::NumberMatch fast, full;
    const bool a = q::ScanNumber(lex, t, doc.tokens, i, doc.tokens.size(), &fast);
    const bool b = q::ScanNumber(lex, all, doc.tokens, i, doc.tokens.size(), &full);
    Check(a == b && fast.end == full.end && fast.value == full.value && fast.high == full.high &&
          fast.vague == full.vague && fast.digits == full.digits &&
          fast.has_slash == full.has_slash && fast.has_colon == full.has_colon &&
          fast.plain_int == full.plain_int);
  }
  return 0;
}
