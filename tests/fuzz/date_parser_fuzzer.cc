// libFuzzer target for the timex scanner: any bytes, repaired to UTF-8, must annotate without
// crashing or hanging, and every span must be in bounds, non-empty, ordered and disjoint.
// The first line of the input (up to 32 bytes) is used as the publication date, so resolution
// against odd anchors ("9999-12-31", "0001-01-01", garbage) is exercised as well.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/pipeline.h"
#include "sitrep/timex.h"
#include "sitrep/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view anchor;
  size_t newline = bytes.find('\n');
  if (newline != std::string_view::npos && newline <= 32) {
    anchor = bytes.substr(0, newline);
    bytes.remove_prefix(newline + 1);
  }
  sitrep::Utf8Repair repaired = sitrep::RepairUtf8(bytes);
  std::vector<sitrep::Timex> found = sitrep::FindTimex(repaired.text, anchor);
  uint32_t prev_end = 0;
  for (const sitrep::Timex& t : found) {
    if (t.span.begin >= t.span.end || t.span.end > repaired.text.size() ||
        t.span.begin < prev_end || t.value.empty()) {
      std::abort();
    }
    prev_end = t.span.end;
  }
  return 0;
}
