// JSON Lines records (contract §1): one object per line, read with simdjson.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "io/buffered_input.h"
#include "sitrep/reader.h"

namespace sitrep::io {

// Parses one JSON line into `item` (id, text|html, url, title, published). Bytes that make
// simdjson refuse the line — invalid UTF-8, raw control characters inside strings — are
// repaired and the line retried, with a warning on the record. `line` may be modified.
void ParseJsonLine(std::string* line, ReadItem* item);

// Reads `input` line by line; never holds more than one line (≤ max_record_bytes).
std::unique_ptr<RecordReader> MakeJsonlReader(std::unique_ptr<BufferedInput> input,
                                              std::string source, const ReadOptions& options);

}  // namespace sitrep::io
