// Feeds arbitrary bytes to the JSON Lines reader (also through the gzip/zstd sniffing, since
// compression is detected by magic bytes). A small record limit exercises the over-limit path.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sitrep/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::ReadOptions options;
  options.max_record_bytes = 4096;
  auto reader = sitrep::OpenBuffer(std::string(reinterpret_cast<const char*>(data), size),
                                   "fuzz.jsonl", options);
  size_t items = 0;
  while (std::optional<sitrep::ReadItem> item = reader->Next()) {
    // Every item either succeeded with a record or carries a message; no item is unbounded.
    if (!item->status.ok() && item->status.message().empty()) __builtin_trap();
    if (item->record.payload.size() > options.max_record_bytes) __builtin_trap();
    // Each item takes at least one input line; a compressed input may expand ~1000x.
    if (++items > 1024 * (size + 1)) __builtin_trap();
  }
  return 0;
}
