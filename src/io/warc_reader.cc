#include "io/warc_reader.h"

#include <algorithm>
#include <cctype>

#include "io/http_payload.h"

namespace sitrep::io {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderLines = 1024;

bool IsVersionLine(std::string_view line) {
  return line.starts_with("WARC/1.0") || line.starts_with("WARC/1.1");
}

// True when `tail` could be the start of a version line cut short by the end of a block.
bool CouldBeVersionLine(std::string_view tail) {
  if (IsVersionLine(tail)) return true;
  return !tail.empty() && tail.size() < 8 && (std::string_view("WARC/1.0").starts_with(tail) ||
                             std::string_view("WARC/1.1").starts_with(tail));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct WarcHeader {
  std::string type, record_id, target_uri;
  uint64_t content_length = 0;
  bool has_length = false;
};

class WarcReader : public RecordReader {
 public:
  WarcReader(std::unique_ptr<BufferedInput> input, std::string source, const ReadOptions& options)
      : input_(std::move(input)), source_(std::move(source)), options_(options) {}

  std::optional<ReadItem> Next() override {
    while (!done_) {
      ReadItem item;
      item.record.source = source_;
      if (!have_version_ && !FindVersionLine(&item)) {
        if (!item.status.ok()) return item;
        continue;
      }
      have_version_ = false;
      item.record.line = ++record_number_;
      if (ReadRecord(&item)) return item;
    }
    return std::nullopt;
  }

 private:
  // Reads to the next version line. False with an error in `item` when something else came
  // first (then resynchronises), false with OK status at the end.
  bool FindVersionLine(ReadItem* item) {
    BufferedInput::Line got;
    while ((got = input_->ReadLine(kMaxHeaderLine, &line_)) == BufferedInput::Line::kOk &&
           Trim(line_).empty()) {
    }
    if (got == BufferedInput::Line::kEnd) {
      done_ = true;
      return false;
    }
    if (got == BufferedInput::Line::kError) {
      Fail(item, input_->status());
      return false;
    }
    if (IsVersionLine(line_)) return true;
    item->record.line = record_number_ + 1;
    Resync();
    Fail(item, Status(ErrorCode::kParse, "expected a WARC/1.0 or WARC/1.1 record header"));
    return false;
  }

  // Skips lines up to the next version line, which then starts the next record.
  void Resync() {
    while (true) {
      BufferedInput::Line got = input_->ReadLine(kMaxHeaderLine, &line_);
      if (got == BufferedInput::Line::kEnd || got == BufferedInput::Line::kError) return;
      if (IsVersionLine(line_)) {
        have_version_ = true;
        return;
      }
    }
  }

  // Records the error for `item`; returns true, "return this item".
  bool Fail(ReadItem* item, Status status) {
    item->status = std::move(status);
    if (!input_->status().ok()) done_ = true;  // a broken stream has nothing more to give
    return true;
  }

  // Parses header lines up to the blank line.
  Status ReadHeader(WarcHeader* header) {
    for (size_t n = 0; n < kMaxHeaderLines; ++n) {
      BufferedInput::Line got = input_->ReadLine(kMaxHeaderLine, &line_);
      if (got == BufferedInput::Line::kError) return input_->status();
      if (got == BufferedInput::Line::kEnd) return Status(ErrorCode::kParse, "WARC header cut off");
      if (got == BufferedInput::Line::kTooLong) {
        return Status(ErrorCode::kParse, "WARC header line too long");
      }
      std::string_view line = Trim(line_);
      if (line.empty()) {
        if (!header->has_length) return Status(ErrorCode::kParse, "WARC header has no Content-Length");
        return Status::Ok();
      }
      if (IsVersionLine(line_)) {  // a new record began before this header ended
        have_version_ = true;
        return Status(ErrorCode::kParse, "WARC header cut off by the next record");
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view name = Trim(line.substr(0, colon)), value = Trim(line.substr(colon + 1));
      if (EqualsIgnoreCase(name, "Content-Length")) {
        if (value.empty() || value.size() > 18 ||
            value.find_first_not_of("0123456789") != std::string_view::npos) {
          return Status(ErrorCode::kParse, "bad WARC Content-Length");
        }
        header->content_length = std::stoull(std::string(value));
        header->has_length = true;
      } else if (EqualsIgnoreCase(name, "WARC-Type")) {
        header->type = value;
      } else if (EqualsIgnoreCase(name, "WARC-Record-ID")) {
        if (value.starts_with('<') && value.ends_with('>')) value = value.substr(1, value.size() - 2);
        header->record_id = value;
      } else if (EqualsIgnoreCase(name, "WARC-Target-URI")) {
        header->target_uri = value;
      }
    }
    return Status(ErrorCode::kParse, "WARC header has too many lines");
  }

  // Reads one record after its version line. True when `item` is to be returned.
  bool ReadRecord(ReadItem* item) {
    WarcHeader header;
    Status status = ReadHeader(&header);
    item->record.id = header.record_id;
    item->record.url = header.target_uri;
    if (!status.ok()) {
      if (!have_version_) Resync();
      return Fail(item, std::move(status));
    }
    const bool response = header.type == "response";
    if (header.content_length > options_.max_record_bytes) {
      // Not buffered; and since the length may be a lie, find the next record by its header.
      Resync();
      if (!response) return false;
      return Fail(item, Status(ErrorCode::kTooLarge,
                               "WARC record of " + std::to_string(header.content_length) +
                                   " bytes exceeds max_record_bytes"));
    }
    std::string block;
    input_->Read(header.content_length, &block);
    if (!EndsAtBoundary(block.size() == header.content_length)) {
      return Fail(item, Desync(block, header.content_length));
    }
    if (!response) return false;
    if (item->record.id.empty()) {
      item->record.id = source_ + "#" + std::to_string(record_number_);
      item->record.warnings.push_back("WARC record has no WARC-Record-ID");
    }
    Result<bool> body = ExtractHttpBody(block, options_.max_record_bytes, &item->record);
    if (!body.ok()) return Fail(item, body.status());
    return *body;
  }

  // Consumes the "\r\n\r\n" after a block. False when the block did not end at a record
  // boundary, i.e. Content-Length lied.
  bool EndsAtBoundary(bool complete) {
    if (!complete) return false;
    std::string_view next = input_->Peek(4);
    if (next.empty()) return true;  // the last record may lack its trailer
    if (next.starts_with("\r\n\r\n")) return input_->Skip(4) == 4;
    if (next.starts_with("\n\n")) return input_->Skip(2) == 2;
    return false;
  }

  // After a lying Content-Length: gives back the bytes of a next record swallowed by a block
  // that was too long, then resynchronises. Returns the error for the damaged record.
  Status Desync(const std::string& block, uint64_t length) {
    if (!input_->status().ok()) return input_->status();
    for (size_t k = block.find('\n'); k != std::string::npos; k = block.find('\n', k + 1)) {
      if (CouldBeVersionLine(std::string_view(block).substr(k + 1))) {
        input_->Unread(std::string_view(block).substr(k + 1));
        Resync();
        return Status(ErrorCode::kParse, "WARC Content-Length " + std::to_string(length) +
                                             " runs into the next record");
      }
    }
    Resync();
    if (block.size() < length) {
      return Status(ErrorCode::kParse, "WARC Content-Length " + std::to_string(length) +
                                           " runs past the end of the input");
    }
    return Status(ErrorCode::kParse, "WARC Content-Length " + std::to_string(length) +
                                         " does not end at a record boundary (too short?)");
  }

  std::unique_ptr<BufferedInput> input_;
  std::string source_;
  ReadOptions options_;
  std::string line_;
  uint64_t record_number_ = 0;
  bool have_version_ = false, done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> MakeWarcReader(std::unique_ptr<BufferedInput> input,
                                             std::string source, const ReadOptions& options) {
  return std::make_unique<WarcReader>(std::move(input), std::move(source), options);
}

}  // namespace sitrep::io
