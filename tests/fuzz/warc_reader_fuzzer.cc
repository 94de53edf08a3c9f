// Feeds arbitrary bytes to the WARC reader: headers, lying Content-Lengths, HTTP payloads,
// chunking, gzip bodies and per-record gzip members.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sitrep/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::ReadOptions options;
  options.max_record_bytes = 1 << 16;
  auto reader = sitrep::OpenBuffer(std::string(reinterpret_cast<const char*>(data), size),
                                   "fuzz.warc", options);
  size_t items = 0;
  while (std::optional<sitrep::ReadItem> item = reader->Next()) {
    if (!item->status.ok() && item->status.message().empty()) __builtin_trap();
    if (item->record.payload.size() > options.max_record_bytes) __builtin_trap();
    if (++items > 1024 * (size + 1)) __builtin_trap();  // a loop, even allowing for gzip
  }
  return 0;
}
