// Byte streams under the readers: files, stdin, memory, and transparent gzip/zstd decoding.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "sitrep/result.h"

namespace sitrep::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` (> 0) bytes into `buf`; 0 means the end. After an error, returns it again.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

std::unique_ptr<ByteSource> MakeMemorySource(std::string bytes);

// Opens `path` for reading; "-" is stdin.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// Returns a source of the decoded bytes when `raw` starts with gzip or zstd magic, else `raw`
// itself (with nothing consumed). gzip may have several members, zstd several frames; a stream
// that ends early yields what it decoded and then a kCorrupt "truncated ..." error.
Result<std::unique_ptr<ByteSource>> DecodeSource(std::unique_ptr<ByteSource> raw);

// Inflates a whole gzip or zlib buffer (HTTP Content-Encoding), refusing output over `max_bytes`.
Result<std::string> InflateBuffer(std::string_view bytes, size_t max_bytes);

}  // namespace sitrep::io
