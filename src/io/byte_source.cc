#include "io/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sitrep::io {
namespace {

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string path) : fd_(fd), owned_(owned), path_(std::move(path)) {}
  ~FdSource() override {
    if (owned_) close(fd_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    while (true) {
      ssize_t k = read(fd_, buf, n);
      if (k >= 0) return static_cast<size_t>(k);
      if (errno == EINTR) continue;
      status_ = Status(ErrorCode::kIo, "read " + path_ + ": " + std::strerror(errno));
      return status_;
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string path_;
  Status status_;
};

// Replays bytes already taken from `rest` (to sniff magic) before reading on from it.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return rest_->Read(buf, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

}  // namespace

std::unique_ptr<ByteSource> MakeGzipSource(std::unique_ptr<ByteSource> in);
std::unique_ptr<ByteSource> MakeZstdSource(std::unique_ptr<ByteSource> in);

std::unique_ptr<ByteSource> MakeMemorySource(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FdSource(0, false, "stdin"));
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status(ErrorCode::kIo, "open " + path + ": " + std::strerror(errno));
  return std::unique_ptr<ByteSource>(new FdSource(fd, true, path));
}

Result<std::unique_ptr<ByteSource>> DecodeSource(std::unique_ptr<ByteSource> raw) {
  // Read the 4 magic bytes; a short read (pipe) is not the end, so keep going.
  std::string head(4, '\0');
  size_t have = 0;
  while (have < head.size()) {
    Result<size_t> k = raw->Read(head.data() + have, head.size() - have);
    if (!k.ok()) return k.status();
    if (*k == 0) break;
    have += *k;
  }
  head.resize(have);
  const bool gzip = have >= 2 && head[0] == '\x1f' && head[1] == '\x8b';
  const bool zstd = head == std::string_view("\x28\xb5\x2f\xfd", 4);
  auto source = std::make_unique<PrefixedSource>(std::move(head), std::move(raw));
  if (gzip) return MakeGzipSource(std::move(source));
  if (zstd) return MakeZstdSource(std::move(source));
  return std::unique_ptr<ByteSource>(std::move(source));
}

}  // namespace sitrep::io
