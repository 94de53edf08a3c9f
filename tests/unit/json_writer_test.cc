// The JSON writer: string escaping (table rows), the run-copying fast path against a simple
// byte-by-byte reference on random byte strings, and the writer's separators and numbers.
#include "sitrep/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include "sitrep/utf8.h"

namespace sitrep {
namespace {

// The reference: one byte at a time, the same escapes and the same U+FFFD rule.
std::string ReferenceJsonString(std::string_view value) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < value.size();) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20) out += std::string("\\u00") + kHex[c >> 4] + kHex[c & 15];
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 0;
    if (len > 0 && i + len <= value.size() && IsValidUtf8(value.substr(i, len))) {
      out += value.substr(i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out + "\"";
}

std::string Quoted(std::string_view value) {
  std::string out;
  AppendJsonString(value, &out);
  return out;
}

TEST(JsonWriterTest, EscapesStrings) {
  struct Row {
    std::string_view in;
    std::string_view want;
  };
  const Row rows[] = {
      {"", "\"\""},
      {"plain text", "\"plain text\""},
      {"say \"no\"", "\"say \\\"no\\\"\""},
      {"a\\b", "\"a\\\\b\""},
      {"line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\""},
      {std::string_view("\x01\x1f", 2), "\"\\u0001\\u001f\""},
      {std::string_view("nul\0byte", 8), "\"nul\\u0000byte\""},
      {"Fallūjah — “quoted”", "\"Fallūjah — “quoted”\""},
      {"emoji \xF0\x9F\x98\x80 end", "\"emoji \xF0\x9F\x98\x80 end\""},
      // A lone continuation byte, a truncated sequence, an overlong form: each byte is U+FFFD.
      {"a\x80z", "\"a\xEF\xBF\xBDz\""},
      {"cut \xE2\x80", "\"cut \xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"DEL \x7f kept", "\"DEL \x7f kept\""},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(Quoted(row.in), row.want) << row.in;
    EXPECT_EQ(Quoted(row.in), ReferenceJsonString(row.in)) << row.in;
  }
}

// Random strings drawn from bytes that exercise every branch: plain ASCII, the escaped
// characters, controls, UTF-8 lead and continuation bytes, invalid bytes.
TEST(JsonWriterTest, RunCopyMatchesReference) {
  std::mt19937 rng(20261127);
  static const char kAlphabet[] =
      "abcXYZ 019.,\"\\\n\r\t\x01\x1f\x7f"
      "\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80\x80\xBF\xC0\xFF";
  const std::string_view alphabet(kAlphabet, sizeof kAlphabet - 1);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> length(0, 64);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const size_t len = length(rng);
    for (size_t i = 0; i < len; ++i) s += alphabet[pick(rng)];
    ASSERT_EQ(Quoted(s), ReferenceJsonString(s)) << n;
  }
}

// IsJsonVerbatim reads eight bytes at a time: one byte that needs escaping (or is not ASCII) at
// every offset of strings of every length up to 40, against the byte-by-byte test.
TEST(JsonWriterTest, VerbatimTestMatchesByteByByte) {
  auto reference = [](std::string_view s) {
    for (unsigned char c : s) {
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
    }
    return true;
  };
  const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' ', '!', '#', '[', ']',
                           '\x80', '\xC3', '\xFF', '\0'};
  for (size_t len = 0; len <= 40; ++len) {
    const std::string plain(len, 'q');
    EXPECT_TRUE(IsJsonVerbatim(plain)) << len;
    for (size_t at = 0; at < len; ++at) {
      for (char c : specials) {
        std::string s = plain;
        s[at] = c;
        ASSERT_EQ(IsJsonVerbatim(s), reference(s)) << len << " " << at << " " << int(c);
        ASSERT_EQ(Quoted(s), ReferenceJsonString(s)) << len << " " << at << " " << int(c);
      }
    }
  }
}

// Doubles as printf's "%.10g" would write them: coordinates, confidences, integers, tiny and
// huge magnitudes, and random bit patterns.
TEST(JsonWriterTest, DoubleMatchesPrintf) {
  auto printf_g = [](double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return std::string(buf);
  };
  auto written = [](double v) {
    std::string out;
    JsonWriter(&out).Double(v);
    return out;
  };
  const double rows[] = {0.0, -0.0, 1.0, -1.0, 0.5, 33.3128, 44.3615, -70.6591, 0.85, 0.1,
                         1e-5, 1.5e-7, 123456789.0, 1234567890.0, 12345678901.0, 1e21, 5e-324,
                         std::numeric_limits<double>::max(), 2.0 / 3.0};
  for (double v : rows) EXPECT_EQ(written(v), printf_g(v)) << v;
  EXPECT_EQ(written(std::nan("")), "null");
  EXPECT_EQ(written(std::numeric_limits<double>::infinity()), "null");
  std::mt19937_64 rng(1127);
  std::uniform_real_distribution<double> coordinate(-180.0, 180.0);
  for (int n = 0; n < 20000; ++n) {
    const double c = coordinate(rng);
    ASSERT_EQ(written(c), printf_g(c)) << n;
    uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    ASSERT_EQ(written(v), printf_g(v)) << n;
  }
}

TEST(JsonWriterTest, WritesSeparatorsAndNumbers) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject()
      .Field("n", int64_t{-9223372036854775807 - 1})
      .Field("u", uint32_t{4294967295u})
      .Field("x", 0.5)
      .Field("ok", true)
      .Key("list")
      .BeginArray()
      .Int(0)
      .String("a")
      .Null()
      .EndArray()
      .Key("we\"ird")
      .String("")
      .EndObject();
  EXPECT_EQ(out,
            "{\"n\":-9223372036854775808,\"u\":4294967295,\"x\":0.5,\"ok\":true,"
            "\"list\":[0,\"a\",null],\"we\\\"ird\":\"\"}");
}

}  // namespace
}  // namespace sitrep
