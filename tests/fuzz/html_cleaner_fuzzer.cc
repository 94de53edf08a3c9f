// libFuzzer target: CleanHtml on arbitrary bytes (through MakeDocument, so UTF-8 repair and the
// offset-map composition run too). Checks that every clean-text offset maps inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sitrep/clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  sitrep::RawRecord record;
  record.payload.assign(reinterpret_cast<const char*>(data), size);
  record.is_html = size == 0 || data[0] != 'T';  // 'T'-prefixed inputs exercise StripSiteJunk
  sitrep::Result<sitrep::Document> doc = sitrep::MakeDocument(record);
  if (!doc.ok()) return 0;
  for (uint32_t i = 0; i <= doc->text.size(); i += 7) {
    if (doc->to_source.ToSource(i) > size) std::abort();
  }
  return 0;
}
