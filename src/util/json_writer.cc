#include "sitrep/json_writer.h"

#include <cmath>
#include <cstdio>

#include "sitrep/utf8.h"

namespace sitrep {

void AppendJsonString(std::string_view value, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < value.size()) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
          if (c < 0x20) {
            out->append("\\u00");
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 15]);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    // Copy a whole valid multi-byte sequence; anything else becomes U+FFFD.
    size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 0;
    if (len > 0 && i + len <= value.size() && IsValidUtf8(value.substr(i, len))) {
      out->append(value.substr(i, len));
      i += len;
    } else {
      out->append("\xEF\xBF\xBD");
      ++i;
    }
  }
  out->push_back('"');
}

void JsonWriter::Separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (need_comma_) out_->push_back(',');
}

JsonWriter& JsonWriter::BeginObject() {
  Separator();
  out_->push_back('{');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  out_->push_back('}');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Separator();
  out_->push_back('[');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  out_->push_back(']');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
  Separator();
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
  Separator();
  AppendJsonString(value, out_);
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Int(int64_t value) {
  Separator();
  out_->append(std::to_string(value));
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Double(double value) {
  Separator();
  if (!std::isfinite(value)) {
    out_->append("null");
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    out_->append(buf);
  }
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Bool(bool value) {
  Separator();
  out_->append(value ? "true" : "false");
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Null() {
  Separator();
  out_->append("null");
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separator();
  out_->append(json);
  need_comma_ = true;
  return *this;
}

}  // namespace sitrep
