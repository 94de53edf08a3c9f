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
  // JSON Lines records come back unparsed (ReadItem::unparsed holds the line) for CompleteRead
  // to finish, on any thread: a caller with worker threads keeps parsing off its reading loop.
  // Other formats ignore it. The items are the same once completed.
  bool defer_parse = false;
};

// Finishes an item read with ReadOptions::defer_parse: parses its line into `record` and
// `status` exactly as a reader without the option would have. Does nothing to other items.
void CompleteRead(ReadItem* item);

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Returns the next record or per-record error; nullopt at the end of all inputs. Never throws;
  // a damaged input yields error items and reading moves on to what can still be read.
  virtual std::optional<ReadItem> Next() = 0;
};

// Opens inputs in order. Each path is a file, a directory (its files, sorted by path,
// recursively, hidden ones skipped) or "-" for stdin. An empty list means stdin. Fails only when
// a path does not exist. Per file: gzip/zstd are detected by magic bytes and decoded as a
// stream; then the extension decides (.jsonl/.json/.ndjson, .warc, .txt, .html/.htm, after
// dropping .gz/.zst), else the content does ("{" JSON Lines, "WARC/1." WARC, "<" HTML, text).
Result<std::unique_ptr<RecordReader>> OpenInputs(const std::vector<std::string>& paths,
                                                 const ReadOptions& options = {});

// Reads `bytes` exactly as OpenInputs would read a file called `name` (which sets `source` and,
// for .txt/.html, the id). For tests and fuzzers.
std::unique_ptr<RecordReader> OpenBuffer(std::string bytes, std::string name,
                                         const ReadOptions& options = {});

}  // namespace sitrep
