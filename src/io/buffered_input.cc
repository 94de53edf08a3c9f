#include "io/buffered_input.h"

#include <algorithm>
#include <cstring>

namespace sitrep::io {
namespace {
constexpr size_t kChunk = 64 << 10;
}  // namespace

bool BufferedInput::Fill() {
  if (eof_ || !status_.ok()) return false;
  // Drop consumed bytes first so the buffer stays about one chunk, whatever the input size.
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  Result<size_t> k = source_->Read(buffer_.data() + old, kChunk);
  buffer_.resize(old + (k.ok() ? *k : 0));
  if (!k.ok()) {
    status_ = k.status();
    return false;
  }
  if (*k == 0) eof_ = true;
  return *k > 0;
}

std::string_view BufferedInput::Peek(size_t n) {
  while (available() < n && Fill()) {
  }
  return std::string_view(buffer_).substr(pos_, std::min(n, available()));
}

BufferedInput::Line BufferedInput::ReadLine(size_t max, std::string* line) {
  line->clear();
  bool consumed = false, too_long = false;
  while (true) {
    std::string_view rest = std::string_view(buffer_).substr(pos_);
    size_t nl = rest.find('\n');
    std::string_view piece = rest.substr(0, nl);
    if (!piece.empty() || nl != std::string_view::npos) consumed = true;
    size_t room = max - line->size();
    if (piece.size() > room) too_long = true;
    line->append(piece.substr(0, std::min(piece.size(), room)));
    if (nl != std::string_view::npos) {
      pos_ += nl + 1;
      break;
    }
    pos_ = buffer_.size();
    if (!Fill()) {
      if (!status_.ok()) {
        line->clear();
        return Line::kError;
      }
      if (!consumed) return Line::kEnd;
      break;
    }
  }
  return too_long ? Line::kTooLong : Line::kOk;
}

size_t BufferedInput::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (available() == 0 && !Fill()) break;
    size_t k = std::min(n - done, available());
    out->append(buffer_, pos_, k);
    pos_ += k;
    done += k;
  }
  return done;
}

uint64_t BufferedInput::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (available() == 0 && !Fill()) break;
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, available()));
    pos_ += k;
    done += k;
  }
  return done;
}

void BufferedInput::Unread(std::string_view bytes) {
  buffer_.erase(0, pos_);
  buffer_.insert(0, bytes);
  pos_ = 0;
}

}  // namespace sitrep::io
