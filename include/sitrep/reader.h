// Readers: JSON Lines, .txt, .html, directories, stdin, gzip/zstd, WARC 1.0/1.1 responses.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/record.h"
#include "sitrep/result.h"

namespace sitrep {

struct ReadOptions {
  // Records (a JSONL line, a file, a WARC payload) larger than this are rejected, not loaded.
  uint64_t max_record_bytes = 64ull << 20;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Returns the next record or per-record error; nullopt at the end of all inputs. Never throws;
  // a damaged input yields error items and reading moves on to what can still be read.
  virtual std::optional<ReadItem> Next() = 0;
};

// Opens inputs in order. Each path is a file (format by content: gzip/zstd magic, WARC header,
// JSON Lines; else by extension .txt/.html/.htm), a directory (its files, sorted, recursively),
// or "-" for stdin. An empty list means stdin. Fails only when a path does not exist.
Result<std::unique_ptr<RecordReader>> OpenInputs(const std::vector<std::string>& paths,
                                                 const ReadOptions& options = {});

}  // namespace sitrep
