// How a stored event's JSON values become Event fields: the same conversions for the full
// event JSON (event_json_read.cc) and for the slim `extra` column (event_row.cc), so the two
// read a value alike (an integer written as a double, a missing key, a null).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::store {

inline std::string StrOf(simdjson::dom::element e) {
  std::string_view v;
  return e.get_string().get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
}
inline std::optional<std::string> OptStrOf(simdjson::dom::element e) {
  std::string_view v;
  if (e.get_string().get(v) != simdjson::SUCCESS) return std::nullopt;
  return std::string(v);
}
inline int64_t IntOf(simdjson::dom::element e, int64_t fallback) {
  int64_t i;
  if (e.get_int64().get(i) == simdjson::SUCCESS) return i;
  uint64_t u;
  if (e.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<int64_t>(u);
  double d;
  if (e.get_double().get(d) == simdjson::SUCCESS) return static_cast<int64_t>(d);
  return fallback;
}
inline std::optional<double> OptDoubleOf(simdjson::dom::element e) {
  if (e.is_null()) return std::nullopt;
  double d;
  if (e.get_double().get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (e.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  return std::nullopt;
}
inline std::vector<std::string> StrArrayOf(simdjson::dom::element e) {
  std::vector<std::string> out;
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element x : a) {
    std::string_view v;
    if (x.get_string().get(v) == simdjson::SUCCESS) out.emplace_back(v);
  }
  return out;
}

}  // namespace sitrep::store
