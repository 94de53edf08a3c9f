#include "eval/gold_io.h"

#include <zlib.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>

namespace sitrep::eval {

Result<std::unique_ptr<JsonlFile>> JsonlFile::Open(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status(ErrorCode::kNotFound, "no such file: " + path);
  }
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) {
    return Status(ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno));
  }
  gzbuffer(gz, 1 << 17);
  return std::unique_ptr<JsonlFile>(new JsonlFile(gz, path));
}

JsonlFile::~JsonlFile() { gzclose(static_cast<gzFile>(gz_)); }

bool JsonlFile::Next(std::string* line) {
  gzFile gz = static_cast<gzFile>(gz_);
  char buf[1 << 16];
  while (true) {
    line->clear();
    bool got_any = false;
    while (true) {
      if (gzgets(gz, buf, sizeof buf) == nullptr) {
        int err = 0;
        const char* msg = gzerror(gz, &err);
        if (err != Z_OK && err != Z_STREAM_END) {
          status_ = Status(ErrorCode::kCorrupt, path_ + ": " + (msg ? msg : "read error"));
          return false;
        }
        break;
      }
      got_any = true;
      size_t n = std::strlen(buf);
      line->append(buf, n);
      if (n > 0 && buf[n - 1] == '\n') break;
    }
    if (!got_any) return false;
    ++line_number_;
    while (!line->empty() && (line->back() == '\n' || line->back() == '\r')) line->pop_back();
    if (line->find_first_not_of(" \t") != std::string::npos) return true;
  }
}

std::optional<std::string_view> GetString(const JsonObject& obj, std::string_view key) {
  std::string_view value;
  if (obj[key].get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<double> GetNumber(const JsonObject& obj, std::string_view key) {
  simdjson::dom::element element;
  if (obj[key].get(element) != simdjson::SUCCESS) return std::nullopt;
  double d;
  int64_t i;
  uint64_t u;
  if (element.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  if (element.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  if (element.get_double().get(d) == simdjson::SUCCESS) return d;
  std::string_view s;
  if (element.get_string().get(s) == simdjson::SUCCESS && !s.empty()) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size()) return v;
  }
  return std::nullopt;
}

std::optional<int64_t> GetInt(const JsonObject& obj, std::string_view key) {
  std::optional<double> d = GetNumber(obj, key);
  if (!d) return std::nullopt;
  return static_cast<int64_t>(*d);
}

std::optional<bool> GetBool(const JsonObject& obj, std::string_view key) {
  bool b;
  if (obj[key].get_bool().get(b) != simdjson::SUCCESS) return std::nullopt;
  return b;
}

std::optional<JsonObject> GetObject(const JsonObject& obj, std::string_view key) {
  JsonObject value;
  if (obj[key].get_object().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<simdjson::dom::array> GetArray(const JsonObject& obj, std::string_view key) {
  simdjson::dom::array value;
  if (obj[key].get_array().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::string ElementAsIdString(simdjson::dom::element element) {
  std::string_view s;
  if (element.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  int64_t i;
  if (element.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
  uint64_t u;
  if (element.get_uint64().get(u) == simdjson::SUCCESS) return std::to_string(u);
  return "";
}

std::string GetIdString(const JsonObject& obj, std::string_view key) {
  simdjson::dom::element element;
  if (obj[key].get(element) != simdjson::SUCCESS) return "";
  return ElementAsIdString(element);
}

}  // namespace sitrep::eval
