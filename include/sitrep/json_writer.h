// A small streaming JSON writer for JSONL output: escapes strings, repairs nothing (callers pass
// valid UTF-8; invalid bytes are escaped as U+FFFD so output is always valid JSON).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  // Convenience: Key(k).String(v) etc.
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, uint32_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, double value) { return Key(key).Double(value); }
  JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }

 private:
  void Separator();
  std::string* out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

// Is `value` written between the quotes of a JSON string as it is (printable ASCII other than
// '"' and '\\')?
bool IsJsonVerbatim(std::string_view value);

// Appends `value` as a quoted JSON string.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace sitrep
