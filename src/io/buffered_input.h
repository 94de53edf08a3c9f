// A read buffer over a ByteSource with bounded line reads, so no line or record is ever held
// beyond the caller's size limit.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/byte_source.h"
#include "sitrep/result.h"

namespace sitrep::io {

class BufferedInput {
 public:
  explicit BufferedInput(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

  // Returns up to `n` bytes without consuming them; fewer only at the end or on an error.
  std::string_view Peek(size_t n);

  enum class Line { kOk, kTooLong, kEnd, kError };
  // Replaces `*line` with the bytes up to the next '\n' (consumed, not stored). A last line
  // without '\n' is kOk. A line over `max` bytes is consumed to its end but only its first
  // `max` bytes are kept: kTooLong. kEnd: nothing left. kError: see status(); a partial line
  // read before the error is dropped.
  Line ReadLine(size_t max, std::string* line);

  // Appends up to `n` bytes to `*out`; returns how many (fewer only at the end or an error).
  size_t Read(size_t n, std::string* out);
  // Consumes up to `n` bytes without keeping them; returns how many.
  uint64_t Skip(uint64_t n);
  // Puts `bytes` back in front of the unread input.
  void Unread(std::string_view bytes);

  // The source's error, once one happened; it ends the input.
  const Status& status() const { return status_; }

 private:
  // Reads more from the source; false at the end or on an error.
  bool Fill();
  size_t available() const { return buffer_.size() - pos_; }

  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  Status status_;
};

}  // namespace sitrep::io
