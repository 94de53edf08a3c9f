// The HTTP response inside a WARC response record: status line, headers, chunked transfer
// coding and gzip/deflate content coding.
#pragma once

#include <cstddef>
#include <string_view>

#include "sitrep/record.h"
#include "sitrep/result.h"

namespace sitrep::io {

// Sets record->payload and record->is_html from the HTTP message in `block`. Returns false
// (nothing to read) when `block` is not HTTP, the status is not 2xx, or the Content-Type is
// not text (images, PDFs...). text/plain gives a text record; other text types give HTML.
// Errors: malformed headers or chunking, unsupported or broken content coding, a decoded body
// over `max_bytes`.
Result<bool> ExtractHttpBody(std::string_view block, size_t max_bytes, RawRecord* record);

// Undoes `Transfer-Encoding: chunked`.
Result<std::string> Dechunk(std::string_view body, size_t max_bytes);

}  // namespace sitrep::io
