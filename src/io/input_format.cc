#include "io/input_format.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "io/buffered_input.h"
#include "io/jsonl_reader.h"
#include "io/warc_reader.h"
#include "sitrep/utf8.h"

namespace sitrep::io {
namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string LowerExtension(std::string_view name) {
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// "a/b.txt.gz" -> "b.txt": compression is found by magic bytes, so its suffix says nothing.
std::string_view WithoutCompressionSuffix(std::string_view name) {
  name = BaseName(name);
  std::string ext = LowerExtension(name);
  if (ext == "gz" || ext == "gzip" || ext == "zst" || ext == "zstd") {
    name = name.substr(0, name.find_last_of('.'));
  }
  return name;
}

// Binary data (images, executables, UTF-16) is not an article: too many control bytes or
// invalid UTF-8 sequences in the first 4 KiB.
bool LooksBinary(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, 4096);
  size_t suspicious = RepairUtf8(sample).invalid_sequences;
  for (unsigned char c : sample) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f) {
      ++suspicious;
    }
  }
  return suspicious * 10 > sample.size();
}

// A whole file (or stdin) as one text or HTML record.
class WholeFileReader : public RecordReader {
 public:
  WholeFileReader(std::unique_ptr<BufferedInput> input, std::string source, bool is_html,
                  const ReadOptions& options)
      : input_(std::move(input)), source_(std::move(source)), is_html_(is_html),
        options_(options) {}

  std::optional<ReadItem> Next() override {
    if (done_) return std::nullopt;
    done_ = true;
    ReadItem item;
    RawRecord& record = item.record;
    record.source = source_;
    record.line = 1;
    record.id = source_ == "-" ? "stdin" : IdFromName(source_);
    record.is_html = is_html_;
    // One byte over the limit is enough to know; the rest is never read.
    input_->Read(options_.max_record_bytes + 1, &record.payload);
    if (record.payload.size() > options_.max_record_bytes) {
      record.payload.clear();
      item.status = Status(ErrorCode::kTooLarge, "file larger than max_record_bytes (" +
                                                     std::to_string(options_.max_record_bytes) +
                                                     ")");
    } else if (!input_->status().ok()) {
      record.payload.clear();
      item.status = input_->status();
    } else if (record.payload.find_first_not_of(" \t\r\n") == std::string::npos) {
      item.status = Status(ErrorCode::kParse, "empty file");
    } else if (LooksBinary(record.payload)) {
      record.payload.clear();
      item.status = Status(ErrorCode::kUnsupported, "binary data, not text or HTML");
    }
    return item;
  }

 private:
  std::unique_ptr<BufferedInput> input_;
  std::string source_;
  bool is_html_;
  ReadOptions options_;
  bool done_ = false;
};

class ErrorReader : public RecordReader {
 public:
  explicit ErrorReader(ReadItem item) : item_(std::move(item)) {}
  std::optional<ReadItem> Next() override {
    std::optional<ReadItem> out = std::move(item_);
    item_.reset();
    return out;
  }

 private:
  std::optional<ReadItem> item_;
};

}  // namespace

Format DetectFormat(std::string_view name, std::string_view head) {
  std::string ext = LowerExtension(WithoutCompressionSuffix(name));
  if (ext == "jsonl" || ext == "json" || ext == "ndjson") return Format::kJsonl;
  if (ext == "warc") return Format::kWarc;
  if (ext == "txt") return Format::kText;
  if (ext == "html" || ext == "htm") return Format::kHtml;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (head.starts_with("WARC/1.")) return Format::kWarc;
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '{') return Format::kJsonl;
  if (first != std::string_view::npos && head[first] == '<') return Format::kHtml;
  return Format::kText;
}

std::string IdFromName(std::string_view name) {
  std::string_view base = WithoutCompressionSuffix(name);
  size_t dot = base.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

std::unique_ptr<RecordReader> MakeStreamReader(std::unique_ptr<ByteSource> raw, std::string name,
                                               const ReadOptions& options) {
  Result<std::unique_ptr<ByteSource>> decoded = DecodeSource(std::move(raw));
  if (!decoded.ok()) {
    ReadItem item;
    item.record.source = name;
    item.status = decoded.status();
    return MakeErrorReader(std::move(item));
  }
  auto input = std::make_unique<BufferedInput>(std::move(decoded).value());
  switch (DetectFormat(name == "-" ? "" : name, input->Peek(64))) {
    case Format::kJsonl:
      return MakeJsonlReader(std::move(input), std::move(name), options);
    case Format::kWarc:
      return MakeWarcReader(std::move(input), std::move(name), options);
    case Format::kText:
      return std::make_unique<WholeFileReader>(std::move(input), std::move(name), false, options);
    case Format::kHtml:
      return std::make_unique<WholeFileReader>(std::move(input), std::move(name), true, options);
  }
  return nullptr;
}

std::unique_ptr<RecordReader> MakeErrorReader(ReadItem item) {
  return std::make_unique<ErrorReader>(std::move(item));
}

}  // namespace sitrep::io
