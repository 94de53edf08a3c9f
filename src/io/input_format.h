// Picks the reader for one input: decodes gzip/zstd, then decides the format by file name,
// else by the first bytes.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "io/byte_source.h"
#include "sitrep/reader.h"

namespace sitrep::io {

enum class Format { kJsonl, kWarc, kText, kHtml };

// `name` without directories or compression suffix decides when its extension is known
// (.jsonl/.json/.ndjson, .warc, .txt, .html/.htm); else the decoded first bytes `head` do.
Format DetectFormat(std::string_view name, std::string_view head);

// The id of a whole-file record: the file name without directories and extensions.
std::string IdFromName(std::string_view name);

// Reads one input. `name` is its path (or the name given to OpenBuffer), also the `source` of
// its records. Errors opening or reading it come out as items, never as a failure here.
std::unique_ptr<RecordReader> MakeStreamReader(std::unique_ptr<ByteSource> raw, std::string name,
                                               const ReadOptions& options);

// A reader that yields `item` once.
std::unique_ptr<RecordReader> MakeErrorReader(ReadItem item);

}  // namespace sitrep::io
