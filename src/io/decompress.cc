// Streaming gzip (zlib) and zstd decoders behind ByteSource. Both decode one chunk at a time
// so multi-GB archives never sit in memory, and both turn an early end of input into an error
// after the bytes decoded so far, never a hang.
#include <zlib.h>
#include <zstd.h>

#include <memory>
#include <vector>

#include "io/byte_source.h"

namespace sitrep::io {
namespace {

constexpr size_t kChunk = 64 << 10;

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> in) : in_(std::move(in)), buf_(kChunk) {
    // 16 + MAX_WBITS: gzip wrapper only. 32 + MAX_WBITS would also accept zlib.
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
      status_ = Status(ErrorCode::kInternal, "inflateInit2 failed");
    }
  }
  ~GzipSource() override { inflateEnd(&zs_); }

  Result<size_t> Read(char* out, size_t n) override {
    if (!status_.ok()) return status_;
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt want = zs_.avail_out;
    while (zs_.avail_out == want && !finished_) {
      if (zs_.avail_in == 0 && !in_eof_) {
        Result<size_t> k = in_->Read(buf_.data(), buf_.size());
        if (!k.ok()) {
          status_ = k.status();
          break;
        }
        if (*k == 0) in_eof_ = true;
        zs_.next_in = reinterpret_cast<Bytef*>(buf_.data());
        zs_.avail_in = static_cast<uInt>(*k);
        continue;
      }
      if (member_done_) {
        // Concatenated members (and .warc.gz, one member per record) continue the stream.
        if (zs_.avail_in == 0) {
          finished_ = true;
          break;
        }
        inflateReset(&zs_);
        member_done_ = false;
      }
      if (zs_.avail_in == 0) {  // input over, member not finished
        status_ = Status(ErrorCode::kCorrupt, "truncated gzip stream");
        break;
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        status_ = Status(ErrorCode::kCorrupt,
                         std::string("corrupt gzip stream: ") + (zs_.msg ? zs_.msg : "error"));
        break;
      }
    }
    size_t produced = want - zs_.avail_out;
    if (produced > 0) return produced;
    if (!status_.ok()) return status_;
    return size_t{0};
  }

 private:
  std::unique_ptr<ByteSource> in_;
  std::vector<char> buf_;
  z_stream zs_{};
  bool in_eof_ = false, member_done_ = false, finished_ = false;
  Status status_;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> in)
      : src_(std::move(in)), buf_(ZSTD_DStreamInSize()), dctx_(ZSTD_createDCtx()) {
    if (dctx_ == nullptr) status_ = Status(ErrorCode::kInternal, "ZSTD_createDCtx failed");
  }
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }

  Result<size_t> Read(char* out, size_t n) override {
    if (!status_.ok()) return status_;
    ZSTD_outBuffer ob{out, n, 0};
    while (ob.pos == 0) {
      if (in_.pos == in_.size && !in_eof_) {
        Result<size_t> k = src_->Read(buf_.data(), buf_.size());
        if (!k.ok()) {
          status_ = k.status();
          break;
        }
        if (*k == 0) in_eof_ = true;
        in_ = ZSTD_inBuffer{buf_.data(), *k, 0};
        continue;
      }
      const bool at_eof = in_.pos == in_.size && in_eof_;
      if (at_eof && frame_done_) break;
      size_t rc = ZSTD_decompressStream(dctx_, &ob, &in_);
      if (ZSTD_isError(rc)) {
        status_ = Status(ErrorCode::kCorrupt,
                         std::string("corrupt zstd stream: ") + ZSTD_getErrorName(rc));
        break;
      }
      frame_done_ = rc == 0;
      if (at_eof && ob.pos == 0 && !frame_done_) {
        status_ = Status(ErrorCode::kCorrupt, "truncated zstd stream");
        break;
      }
    }
    if (ob.pos > 0) return ob.pos;
    if (!status_.ok()) return status_;
    return size_t{0};
  }

 private:
  std::unique_ptr<ByteSource> src_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  std::vector<char> buf_;
  ZSTD_DCtx* dctx_;
  bool in_eof_ = false, frame_done_ = false;
  Status status_;
};

}  // namespace

std::unique_ptr<ByteSource> MakeGzipSource(std::unique_ptr<ByteSource> in) {
  return std::make_unique<GzipSource>(std::move(in));
}

std::unique_ptr<ByteSource> MakeZstdSource(std::unique_ptr<ByteSource> in) {
  return std::make_unique<ZstdSource>(std::move(in));
}

Result<std::string> InflateBuffer(std::string_view bytes, size_t max_bytes) {
  z_stream zs{};
  // 32 + MAX_WBITS: gzip or zlib header, detected by zlib.
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) {
    return Status(ErrorCode::kInternal, "inflateInit2 failed");
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char chunk[kChunk];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof(chunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(chunk, sizeof(chunk) - zs.avail_out);
    if (out.size() > max_bytes) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  if (rc == Z_STREAM_END) return out;
  if (out.size() > max_bytes) return Status(ErrorCode::kTooLarge, "inflated body exceeds limit");
  if (rc == Z_BUF_ERROR) return Status(ErrorCode::kCorrupt, "truncated gzip body");
  return Status(ErrorCode::kCorrupt, "corrupt gzip body");
}

}  // namespace sitrep::io
