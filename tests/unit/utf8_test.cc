// UTF-8 validation, repair (maximal subparts → U+FFFD, NULs dropped) and the offsets back.
#include "sitrep/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace sitrep {
namespace {

using namespace std::string_literals;

struct ValidCase {
  std::string bytes;
  bool valid;
};

TEST(Utf8Test, IsValidUtf8) {
  const ValidCase cases[] = {
      {"", true},
      {"plain ascii", true},
      {"a\0b"s, true},  // NUL is well-formed; repair removes it separately
      {"\xC3\xA9", true},
      {"\xE2\x80\x99", true},
      {"\xF0\x9F\x98\x80", true},
      {"\xF4\x8F\xBF\xBF", true},  // U+10FFFF
      {"\xEF\xBF\xBD", true},
      {"\xC0\x80", false},          // overlong NUL
      {"\xC1\xBF", false},          // overlong
      {"\xE0\x80\xAF", false},      // overlong
      {"\xF0\x80\x80\xAF", false},  // overlong
      {"\xED\xA0\x80", false},      // surrogate D800
      {"\xED\xBF\xBF", false},      // surrogate DFFF
      {"\xF4\x90\x80\x80", false},  // > U+10FFFF
      {"\xF5\x80\x80\x80", false},
      {"\xFF", false},
      {"\x80", false},  // lone continuation
      {"\xC3", false},  // truncated
      {"\xE2\x80", false},
      {"0123456789abcdef\xC3", false},  // after the 8-byte ASCII fast path
      {"0123456789abcdef\xC3\xA9", true},
  };
  for (const ValidCase& c : cases) EXPECT_EQ(IsValidUtf8(c.bytes), c.valid) << c.bytes;
}

struct RepairCase {
  std::string bytes;
  std::string text;
  uint32_t invalid;
  uint32_t nuls;
};

const std::string kR = "\xEF\xBF\xBD";  // U+FFFD

TEST(Utf8Test, RepairUtf8) {
  const RepairCase cases[] = {
      {"", "", 0, 0},
      {"caf\xC3\xA9", "caf\xC3\xA9", 0, 0},
      {"a\xFF"
       "b",
       "a" + kR + "b", 1, 0},
      {"\x80\x80", kR + kR, 2, 0},
      {"a\0b\0"s, "ab", 0, 2},
      {"\0\0\0"s, "", 0, 3},
      {"\xF0\x9F\x98", kR, 1, 0},  // truncated: one maximal subpart
      {"\xF0\x9F\x98x", kR + "x", 1, 0},
      {"\xE2\x82"
       "abc",
       kR + "abc", 1, 0},
      {"\xC0\xAF", kR + kR, 2, 0},  // overlong: each byte alone
      {"\xE0\x80\x80", kR + kR + kR, 3, 0},
      {"\xED\xA0\x80", kR + kR + kR, 3, 0},  // surrogate
      {"\xF4\x90\x80\x80", kR + kR + kR + kR, 4, 0},
      {"\xC3\0"s, kR, 1, 1},       // NUL cuts a sequence
      {"\xEF\xBF\xBD", kR, 0, 0},  // a real U+FFFD is kept, not counted
  };
  for (const RepairCase& c : cases) {
    Utf8Repair r = RepairUtf8(c.bytes);
    EXPECT_EQ(r.text, c.text) << c.bytes;
    EXPECT_EQ(r.invalid_sequences, c.invalid) << c.bytes;
    EXPECT_EQ(r.nul_bytes, c.nuls) << c.bytes;
    EXPECT_EQ(r.changed(), c.invalid + c.nuls > 0);
    EXPECT_TRUE(IsValidUtf8(r.text));
  }
}

TEST(Utf8Test, RepairOffsetsPointAtTheInput) {
  const std::string in =
      "ab\xFF"
      "cd\0e\xE2\x82"
      "f"s;
  Utf8Repair r = RepairUtf8(in);
  ASSERT_EQ(r.text, "ab" + kR + "cde" + kR + "f");
  const uint64_t want[] = {0, 1, 2, 2, 2, 3, 4, 6, 7, 7, 7, 9, 10};
  for (uint32_t pos = 0; pos <= r.text.size(); ++pos) {
    EXPECT_EQ(r.to_source.ToSource(pos), want[pos]) << pos;
  }
}

// Every output byte maps to an input byte equal to it, or lies in a U+FFFD made from an
// invalid input position; offsets never decrease and stay in bounds.
TEST(Utf8Test, RepairOffsetsOnGarbage) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 40);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string in;
    for (int k = len(rng); k > 0; --k)
      in += static_cast<char>(byte(rng) & (iter % 2 ? 0xFF : 0xC7));
    Utf8Repair r = RepairUtf8(in);
    ASSERT_TRUE(IsValidUtf8(r.text));
    ASSERT_EQ(r.text.find('\0'), std::string::npos);
    uint64_t prev = 0;
    for (uint32_t pos = 0; pos < r.text.size(); ++pos) {
      const uint64_t src = r.to_source.ToSource(pos);
      ASSERT_LT(src, in.size());
      ASSERT_LE(prev, src);
      prev = src;
      if (in[src] != r.text[pos]) {
        const size_t fffd = r.text.rfind(kR, pos);
        ASSERT_TRUE(fffd != std::string::npos && pos < fffd + 3) << pos;
        ASSERT_FALSE(IsValidUtf8(in.substr(src, 1)) && in[src] != '\0');
      }
    }
    if (!in.empty() && in.back() != '\0' && IsValidUtf8(in)) {
      ASSERT_EQ(r.to_source.ToSource(r.text.size()), in.size());
    }
  }
}

TEST(Utf8Test, EncodeDecodeRoundTrip) {
  const char32_t cps[] = {0x0,    0x41,   0x7F,   0x80,   0xE9,    0x7FF,   0x800,   0x2019,
                          0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  for (char32_t cp : cps) {
    std::string s;
    AppendUtf8(cp, &s);
    int len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(static_cast<size_t>(len), s.size());
    EXPECT_TRUE(IsValidUtf8(s));
  }
}

TEST(Utf8Test, AppendReplacesUnencodable) {
  for (char32_t cp : {char32_t{0xD800}, char32_t{0xDFFF}, char32_t{0x110000}}) {
    std::string s;
    AppendUtf8(cp, &s);
    EXPECT_EQ(s, kR) << static_cast<uint32_t>(cp);
  }
}

}  // namespace
}  // namespace sitrep
