// WARC 1.0 / 1.1 archives: one text or HTML record per HTTP `response` record.
#pragma once

#include <memory>
#include <string>

#include "io/buffered_input.h"
#include "sitrep/reader.h"

namespace sitrep::io {

// Reads response records from `input` (already decompressed; .warc.gz members are just a gzip
// stream). Other record types are skipped. A record whose Content-Length does not land on a
// record boundary is reported, and reading resumes at the next "WARC/1.0" or "WARC/1.1" line.
std::unique_ptr<RecordReader> MakeWarcReader(std::unique_ptr<BufferedInput> input,
                                             std::string source, const ReadOptions& options);

}  // namespace sitrep::io
