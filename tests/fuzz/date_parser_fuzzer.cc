// libFuzzer target for the timex scanner: any bytes, repaired to UTF-8, must annotate without
// crashing or hanging, and every span must be in bounds, non-empty, ordered and disjoint.
// The first line of the input (up to 32 bytes) is used as the publication date, so resolution
// against odd anchors ("9999-12-31", "0001-01-01", garbage) is exercised as well. Event dates
// are then resolved for every sentence and for all sentences at once (ResolveEventDate), which
// must give either no dates or all three, with precisions in range. The fast timex lexer must
// give the same tokens as its byte-at-a-time reference at every SIMD width the CPU has, on the
// raw bytes and on the repaired text, and FindTimex the same timex as FindTimexReference (the
// scanner's full path).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/pipeline.h"
#include "sitrep/text.h"
#include "sitrep/timex.h"
#include "sitrep/utf8.h"
#include "time/lexer.h"
#include "time/scanner.h"

namespace {

void CheckLexerAt(std::string_view text, const std::vector<sitrep::timex::Tok>& ref,
                  const std::string& ref_low) {
  thread_local std::string fast_low;
  thread_local std::vector<sitrep::timex::Tok> fast;
  thread_local std::vector<uint32_t> listed;
  sitrep::timex::LexTimex(text, &fast_low, &fast, &listed);
  size_t n = text.size() + sitrep::timex::kLoweredPadding;
  if (fast != ref || fast_low.size() < n || fast_low.compare(0, n, ref_low, 0, n) != 0) {
    std::abort();
  }
  // The candidate list the scanner walks: exactly the candidate tokens, in order.
  size_t next = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    if (!ref[i].candidate) continue;
    if (next >= listed.size() || listed[next] != i) std::abort();
    ++next;
  }
  if (next != listed.size()) std::abort();
}

// At every byte-classing width the CPU has (AVX2, SSE2, one byte at a time).
void CheckLexer(std::string_view text) {
  thread_local std::string ref_low;
  thread_local std::vector<sitrep::timex::Tok> ref;
  sitrep::timex::LexTimexReference(text, &ref_low, &ref);
  static const int best = sitrep::timex::LexTimexSimdLevel();
  for (int level = 0; level <= best; ++level) {
    sitrep::timex::SetLexTimexSimdLevel(level);
    CheckLexerAt(text, ref, ref_low);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view anchor;
  size_t newline = bytes.find('\n');
  if (newline != std::string_view::npos && newline <= 32) {
    anchor = bytes.substr(0, newline);
    bytes.remove_prefix(newline + 1);
  }
  CheckLexer(bytes);
  sitrep::Utf8Repair repaired = sitrep::RepairUtf8(bytes);
  CheckLexer(repaired.text);
  std::vector<sitrep::Timex> found = sitrep::FindTimex(repaired.text, anchor);
  // The fast path (matchers dispatched by the candidate's word, readings by word index) must
  // give what the full path gives.
  std::vector<sitrep::Timex> reference = sitrep::timex::FindTimexReference(repaired.text, anchor);
  if (reference.size() != found.size()) std::abort();
  for (size_t k = 0; k < found.size(); ++k) {
    if (found[k].span.begin != reference[k].span.begin ||
        found[k].span.end != reference[k].span.end || found[k].type != reference[k].type ||
        found[k].value != reference[k].value) {
      std::abort();
    }
  }
  uint32_t prev_end = 0;
  for (const sitrep::Timex& t : found) {
    if (t.span.begin >= t.span.end || t.span.end > repaired.text.size() ||
        t.span.begin < prev_end || t.value.empty()) {
      std::abort();
    }
    prev_end = t.span.end;
  }

  sitrep::Document doc;
  doc.text = std::move(repaired.text);
  doc.published = std::string(anchor);
  sitrep::Segment(doc);
  sitrep::AnnotateTimex(doc);
  std::vector<uint32_t> all;
  auto check = [&doc](const sitrep::EventDate& d) {
    const bool any = d.date_start.has_value();
    if (d.date_end.has_value() != any || d.event_date.has_value() != any ||
        d.time_precision < 0 || d.time_precision > 3 || d.date_prec < 0 || d.date_prec > 5 ||
        d.evidence.end > doc.text.size() || d.evidence.begin > d.evidence.end) {
      std::abort();
    }
  };
  for (uint32_t s = 0; s < doc.sentences.size() && s < 64; ++s) {
    check(sitrep::ResolveEventDate(doc, static_cast<size_t>(s)));
    all.push_back(s);
  }
  check(sitrep::ResolveEventDate(doc, all));
  return 0;
}
