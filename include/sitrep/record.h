// Input records as read, before cleaning (contract §1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/result.h"

namespace sitrep {

struct RawRecord {
  std::string id;
  bool id_is_number = false;
  std::string url;
  std::string title;
  std::string published;  // as given; may be empty
  std::string payload;    // the `text` or the `html`
  bool is_html = false;

  // Where it came from, for messages and reject entries.
  std::string source;     // file path, "-" for stdin
  uint64_t line = 0;      // 1-based line (JSONL) or record number (WARC, files); 0 if n/a

  // Problems the reader repaired rather than rejected, e.g. invalid UTF-8 replaced by U+FFFD.
  std::vector<std::string> warnings;
};

// One item from a reader: a record, or the error that made one unreadable. `record` carries
// whatever identity was recoverable (id, source, line) even when `status` is an error.
struct ReadItem {
  RawRecord record;
  Status status;
  // A JSON line not parsed yet (ReadOptions::defer_parse; CompleteRead parses it). `record`
  // then holds only source and line.
  std::string unparsed;
};

}  // namespace sitrep
