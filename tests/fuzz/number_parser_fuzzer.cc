// Repairs arbitrary bytes, then runs the number parser on them and the quantities stage on them
// as a document; checks spans stay in bounds and frames point at real quantities.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

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
  return 0;
}
