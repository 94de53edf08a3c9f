#include "sitrep/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "sitrep/utf8.h"

namespace sitrep {

namespace {

// Bytes a JSON string carries as they are: printable ASCII other than '"' and '\\'.
constexpr std::array<bool, 256> kVerbatim = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// Length of the leading run of verbatim bytes of `value`: eight bytes at a time while every
// byte of the word is verbatim (most keys and values are plain ASCII), then byte by byte.
size_t VerbatimPrefix(std::string_view value) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const char* data = value.data();
  const size_t n = value.size();
  size_t run = 0;
  for (; run + 8 <= n; run += 8) {
    uint64_t v;
    std::memcpy(&v, data + run, 8);
    const uint64_t quote = v ^ (kOnes * '"'), backslash = v ^ (kOnes * '\\');
    // High bit set in some byte iff a byte is < 0x20, >= 0x80, '"' or '\\' (exact as a
    // whole-word test: borrows only flag bytes above one that is flagged already).
    const uint64_t special = ((v - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes)) &
                             ~(v & kHigh) & kHigh;
    if ((special | (v & kHigh)) != 0) break;
  }
  while (run < n && kVerbatim[static_cast<unsigned char>(data[run])]) ++run;
  return run;
}

// Keys and values up to this many bytes are built on the stack and appended in one call.
constexpr size_t kSmall = 120;

// Appends `before`, then `value` quoted, then `after` (0 for none): the punctuation and a value
// of up to kSmall bytes in one append (field names and most values need no escape, and one
// append is far cheaper than four); a longer value by itself between them.
void AppendQuotedVerbatim(char before, std::string_view value, char after, std::string* out) {
  char buf[kSmall + 4];
  char* p = buf;
  *p = before;
  p += before != 0;
  *p++ = '"';
  if (value.size() > kSmall) {
    out->append(buf, static_cast<size_t>(p - buf));
    out->append(value);
    p = buf;
  } else if (!value.empty()) {  // an empty view's data() may be null, which memcpy may not take
    std::memcpy(p, value.data(), value.size());
    p += value.size();
  }
  *p++ = '"';
  *p = after;
  p += after != 0;
  out->append(buf, static_cast<size_t>(p - buf));
}

}  // namespace

bool IsJsonVerbatim(std::string_view value) { return VerbatimPrefix(value) == value.size(); }

void AppendJsonString(std::string_view value, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t i = VerbatimPrefix(value);
  if (i == value.size()) {
    AppendQuotedVerbatim(0, value, 0, out);
    return;
  }
  out->push_back('"');
  out->append(value.data(), i);
  while (i < value.size()) {
    // Most text is plain ASCII: copy each run of it in one append.
    const size_t run = VerbatimPrefix(value.substr(i));
    out->append(value.data() + i, run);
    i += run;
    if (i == value.size()) break;
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
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
  const char comma = !after_key_ && need_comma_ ? ',' : 0;
  if (VerbatimPrefix(key) == key.size()) {
    AppendQuotedVerbatim(comma, key, ':', out_);
  } else {
    if (comma != 0) out_->push_back(comma);
    AppendJsonString(key, out_);
    out_->push_back(':');
  }
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
  const char comma = !after_key_ && need_comma_ ? ',' : 0;
  after_key_ = false;
  if (VerbatimPrefix(value) == value.size()) {
    AppendQuotedVerbatim(comma, value, 0, out_);
  } else {
    if (comma != 0) out_->push_back(comma);
    AppendJsonString(value, out_);
  }
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Int(int64_t value) {
  // The separator and the digits in one append.
  char buf[24];
  buf[0] = ',';
  const size_t from = !after_key_ && need_comma_ ? 0 : 1;
  after_key_ = false;
  const auto end = std::to_chars(buf + 1, buf + sizeof buf, value).ptr;
  out_->append(buf + from, end);
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Double(double value) {
  Separator();
  if (!std::isfinite(value)) {
    out_->append("null");
  } else {
    // printf's "%.10g" (the standard defines to_chars with a precision by it), without
    // printf's format parsing and locale.
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 10).ptr;
    out_->append(buf, end);
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
