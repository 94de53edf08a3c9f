// Reading the eval files: JSON Lines, plain or gzip (zlib reads both), lines of any length, and
// small accessors over simdjson DOM objects that treat a missing key, a null and a wrong type
// alike.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "sitrep/result.h"

namespace sitrep::eval {

class JsonlFile {
 public:
  // Opens `path` (gzip or plain). kNotFound / kIo when it cannot be opened.
  static Result<std::unique_ptr<JsonlFile>> Open(const std::string& path);
  ~JsonlFile();
  JsonlFile(const JsonlFile&) = delete;
  JsonlFile& operator=(const JsonlFile&) = delete;

  // Reads the next non-blank line (without the newline) into *line. Returns false at the end or
  // on a read error (then status() says which).
  bool Next(std::string* line);
  const Status& status() const { return status_; }
  uint64_t line_number() const { return line_number_; }

 private:
  explicit JsonlFile(void* gz, std::string path) : gz_(gz), path_(std::move(path)) {}
  void* gz_;  // gzFile
  std::string path_;
  Status status_;
  uint64_t line_number_ = 0;
};

using JsonObject = simdjson::dom::object;

std::optional<std::string_view> GetString(const JsonObject& obj, std::string_view key);
// A number of any JSON numeric type (or a numeric string such as "4314550").
std::optional<double> GetNumber(const JsonObject& obj, std::string_view key);
std::optional<int64_t> GetInt(const JsonObject& obj, std::string_view key);
std::optional<bool> GetBool(const JsonObject& obj, std::string_view key);
std::optional<JsonObject> GetObject(const JsonObject& obj, std::string_view key);
std::optional<simdjson::dom::array> GetArray(const JsonObject& obj, std::string_view key);
// A string or an integer rendered as a string ("id": 17 → "17"); empty when absent.
std::string ElementAsIdString(simdjson::dom::element element);
std::string GetIdString(const JsonObject& obj, std::string_view key);

}  // namespace sitrep::eval
