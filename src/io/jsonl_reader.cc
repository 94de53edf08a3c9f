#include "io/jsonl_reader.h"

#include <simdjson.h>

#include "sitrep/utf8.h"

namespace sitrep::io {
namespace {

namespace dom = simdjson::dom;

Status ParseError(std::string message) { return Status(ErrorCode::kParse, std::move(message)); }

// Escapes raw control bytes inside JSON strings (\u00XX) — sloppy writers leave tabs and NULs
// unescaped, and the value is still recoverable. Returns how many were escaped.
size_t EscapeControlsInStrings(std::string* line) {
  std::string out;
  out.reserve(line->size() + 16);
  bool in_string = false, escaped = false;
  size_t count = 0;
  for (char c : *line) {
    const auto u = static_cast<unsigned char>(c);
    if (in_string && !escaped && u < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
      ++count;
      continue;
    }
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    }
    out += c;
  }
  *line = std::move(out);
  return count;
}

// Copies an optional string field; absent and null leave `out` empty.
Status GetString(dom::object object, const char* key, std::string* out, bool* present) {
  *present = false;
  dom::element value;
  if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) return Status::Ok();
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return ParseError(std::string("field \"") + key + "\" must be a string");
  }
  out->assign(text);
  *present = true;
  return Status::Ok();
}

Status GetId(dom::object object, RawRecord* record) {
  dom::element value;
  if (object.at_key("id").get(value) != simdjson::SUCCESS || value.is_null()) {
    return ParseError("missing \"id\"");
  }
  switch (value.type()) {
    case dom::element_type::STRING:
      record->id.assign(value.get_string().value_unsafe());
      if (record->id.empty()) return ParseError("\"id\" is empty");
      return Status::Ok();
    case dom::element_type::INT64:
      record->id = std::to_string(value.get_int64().value_unsafe());
      record->id_is_number = true;
      return Status::Ok();
    case dom::element_type::UINT64:
      record->id = std::to_string(value.get_uint64().value_unsafe());
      record->id_is_number = true;
      return Status::Ok();
    default:
      return ParseError("\"id\" must be a string or an integer");
  }
}

Status ReadFields(dom::object object, RawRecord* record) {
  SITREP_RETURN_IF_ERROR(GetId(object, record));
  bool has_text = false, has_html = false, present = false;
  std::string text, html;
  SITREP_RETURN_IF_ERROR(GetString(object, "text", &text, &has_text));
  SITREP_RETURN_IF_ERROR(GetString(object, "html", &html, &has_html));
  if (has_text == has_html) {
    return ParseError(has_text ? "both \"text\" and \"html\" given; need exactly one"
                               : "neither \"text\" nor \"html\" given; need exactly one");
  }
  record->is_html = has_html;
  record->payload = has_html ? std::move(html) : std::move(text);
  SITREP_RETURN_IF_ERROR(GetString(object, "url", &record->url, &present));
  SITREP_RETURN_IF_ERROR(GetString(object, "title", &record->title, &present));
  SITREP_RETURN_IF_ERROR(GetString(object, "published", &record->published, &present));
  return Status::Ok();
}

// For a line the DOM parser refused: reads "id" with On-Demand, which parses only as far as
// it needs, so an id before the damage still names the rejected record.
void SalvageId(const std::string& line, RawRecord* record) {
  thread_local simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  simdjson::padded_string_view view(line.data(), line.size(), line.capacity());
  if (parser.iterate(view).get(doc) != simdjson::SUCCESS) return;
  simdjson::ondemand::value id;
  if (doc.find_field("id").get(id) != simdjson::SUCCESS) return;
  std::string_view text;
  int64_t number = 0;
  if (id.get_string().get(text) == simdjson::SUCCESS) {
    record->id.assign(text);
  } else if (id.get_int64().get(number) == simdjson::SUCCESS) {
    record->id = std::to_string(number);
    record->id_is_number = true;
  }
}

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<BufferedInput> input, std::string source, const ReadOptions& options)
      : input_(std::move(input)), source_(std::move(source)), options_(options) {}

  std::optional<ReadItem> Next() override {
    while (!done_) {
      BufferedInput::Line got = input_->ReadLine(options_.max_record_bytes, &line_);
      if (got == BufferedInput::Line::kEnd) break;
      ReadItem item;
      item.record.source = source_;
      item.record.line = ++line_number_;
      if (got == BufferedInput::Line::kError) {
        done_ = true;
        item.status = input_->status();
        return item;
      }
      if (got == BufferedInput::Line::kTooLong) {
        item.status = Status(ErrorCode::kTooLarge,
                             "line longer than max_record_bytes (" +
                                 std::to_string(options_.max_record_bytes) + ")");
        return item;
      }
      // A UTF-8 byte order mark on the first line is an encoding artefact, not content.
      if (line_number_ == 1 && line_.starts_with("\xEF\xBB\xBF")) line_.erase(0, 3);
      if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (options_.defer_parse) {
        item.unparsed = std::move(line_);
        line_ = std::string();
        return item;
      }
      ParseJsonLine(&line_, &item);
      return item;
    }
    done_ = true;
    return std::nullopt;
  }

 private:
  std::unique_ptr<BufferedInput> input_;
  std::string source_;
  ReadOptions options_;
  std::string line_;
  uint64_t line_number_ = 0;
  bool done_ = false;
};

}  // namespace

void ParseJsonLine(std::string* line, ReadItem* item) {
  // One parser per thread: its buffers are reused line after line.
  thread_local dom::parser parser;
  dom::element root;
  simdjson::error_code error = simdjson::SUCCESS;
  bool repaired_utf8 = false, escaped = false;
  while (true) {
    line->reserve(line->size() + simdjson::SIMDJSON_PADDING);
    error = parser.parse(line->data(), line->size(), false).get(root);
    if (error == simdjson::UTF8_ERROR && !repaired_utf8) {
      Utf8Repair repair = RepairUtf8(*line);
      *line = std::move(repair.text);
      item->record.warnings.push_back("invalid UTF-8 replaced with U+FFFD (" +
                                      std::to_string(repair.invalid_sequences) + " sequences)");
      repaired_utf8 = true;
    } else if (error == simdjson::UNESCAPED_CHARS && !escaped) {
      size_t n = EscapeControlsInStrings(line);
      item->record.warnings.push_back("unescaped control characters in strings escaped (" +
                                      std::to_string(n) + ")");
      escaped = true;
    } else {
      break;
    }
  }
  dom::object object;
  if (error != simdjson::SUCCESS) {
    item->status = ParseError(std::string("malformed JSON: ") + simdjson::error_message(error));
    SalvageId(*line, &item->record);
  } else if (root.get_object().get(object) != simdjson::SUCCESS) {
    item->status = ParseError("line is not a JSON object");
  } else {
    item->status = ReadFields(object, &item->record);
  }
  // A huge line grows the parser; give that memory back rather than keep it for the thread.
  if (parser.capacity() > (16u << 20)) parser = dom::parser();
}

}  // namespace sitrep::io

namespace sitrep {

void CompleteRead(ReadItem* item) {
  if (item->unparsed.empty()) return;
  std::string line = std::move(item->unparsed);
  item->unparsed = std::string();
  io::ParseJsonLine(&line, item);
}

}  // namespace sitrep

namespace sitrep::io {

std::unique_ptr<RecordReader> MakeJsonlReader(std::unique_ptr<BufferedInput> input,
                                              std::string source, const ReadOptions& options) {
  return std::make_unique<JsonlReader>(std::move(input), std::move(source), options);
}

}  // namespace sitrep::io
