// The timex lexer's fast path against its byte-at-a-time reference (identical tokens and
// lowered copy), the sealed word index against the plain lookup, and the number formatting
// that replaced snprintf. Inputs are invented sentences and byte patterns.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/timex.h"
#include "time/calendar.h"
#include "time/lexer.h"
#include "time/lexicon.h"

namespace sitrep::timex {
namespace {

std::string Describe(const Tok& t) {
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "[%u,%u) kind %d glued %d cap %d ch %d digits %d cls %d starter %d cand %d num %d "
                "number %d",
                t.begin, t.end, t.kind, t.glued, t.cap, t.ch, t.digits, t.cls, t.starter,
                t.candidate, t.num, t.number);
  return buf;
}

// The first got.size() tokens agree with the reference's, field by field.
void ExpectTokensAsReference(std::span<const Tok> got, std::span<const Tok> ref,
                             std::string_view text) {
  ASSERT_EQ(got.size(), ref.size()) << "text: " << text;
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(got[i], ref[i]) << "token " << i << ": " << Describe(got[i]) << " vs "
                              << Describe(ref[i]) << "\ntext: " << text;
  }
}

// The candidate list the scanner walks: exactly the candidate tokens, in order.
std::vector<uint32_t> CandidateIndices(const std::vector<Tok>& ref) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < ref.size(); ++i) {
    if (ref[i].candidate) out.push_back(static_cast<uint32_t>(i));
  }
  return out;
}

// LexTimex and LexTimexReference give the same tokens and the same lowered text.
void ExpectSameAsReference(std::string_view text) {
  std::string fast_low, ref_low;
  std::vector<Tok> fast, ref;
  LexTimex(text, &fast_low, &fast);
  LexTimexReference(text, &ref_low, &ref);
  ASSERT_NO_FATAL_FAILURE(ExpectTokensAsReference(fast, ref, text));
  ASSERT_GE(fast_low.size(), text.size() + kLoweredPadding);
  EXPECT_EQ(std::string_view(fast_low).substr(0, text.size() + kLoweredPadding),
            std::string_view(ref_low).substr(0, text.size() + kLoweredPadding));
  std::vector<uint32_t> listed;
  LexTimex(text, &fast_low, &fast, &listed);
  EXPECT_EQ(listed, CandidateIndices(ref)) << "text: " << text;
  // The time-word list the scanner's gate walks: exactly the time-word tokens, in order, then
  // UINT32_MAX.
  TokenTable table;
  LexTimexInto(text, &fast_low, &table);
  std::vector<uint32_t> expected;
  for (size_t i = 0; i < ref.size(); ++i) {
    if (ref[i].cls & kTimeWord) expected.push_back(static_cast<uint32_t>(i));
  }
  expected.push_back(UINT32_MAX);
  ASSERT_EQ(table.count, ref.size()) << "text: " << text;
  ASSERT_GE(table.time_words.size(), expected.size()) << "text: " << text;
  table.time_words.resize(expected.size());
  EXPECT_EQ(table.time_words, expected) << "text: " << text;
  // The reference scanner's table of the reference tokens reads back as them.
  TokenTable of_ref;
  TokenTableOf(ref, ref_low, &of_ref);
  ASSERT_EQ(of_ref.count, ref.size());
  for (size_t i = 0; i < ref.size(); ++i) {
    Tok back = of_ref.At(text, i);
    back.candidate = ref[i].candidate;
    ASSERT_EQ(back, ref[i]) << "token " << i << ": " << Describe(back) << "\ntext: " << text;
  }
}

TEST(TimexLexerTest, SentencesMatchReference) {
  const char* kTexts[] = {
      "",
      "a",
      "5",
      "\n",
      "Gunmen attacked a police checkpoint on Monday near the town, killing three officers.",
      "The convoy left at 5:30 p.m. on Jan. 5, 2024 and was hit about 40 km north at 0500 GMT.",
      "In the '90s, twenty-four soldiers died; 1,234,567,890,123 dinars were paid on 10/06/1971.",
      "Mondays and Tuesdays the market closes; Christmas Eve and New Year's Day too.",
      "He said “last month” – no — it was ‘two weeks ago’ in mid-June…",
      "À Kidal, le 3 mai — no. the café in Gao was hit. Ürümqi, Şırnak; 東京 2024年",
      "tabs\tand\rcarriage\fform\vvertical  spaces   and\n\nnew lines",
      "UPPER CASE YESTERDAY and MiXeD cAsE Thirty-First",
      "a 12-year-old, five years old, $1990, #2014, 2.5%, 9-10, 3rd, 21st-century",
      // Words and numbers that cross the 64-byte blocks of the fast path.
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh",
      "123456789012345678901234567890123456789012345678901234567890123456789012345678901234",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
      "yesterday",
      // MayBeKey reads the length modulo 16: words 16 bytes longer than a key, with its first
      // two letters, pass it and must still be no time words ("monday" + 16, "year" + 16, "a" +
      // 16), nor words of 16 bytes.
      "Mondaymondaymondaymond yearyearyearyearyear aaaaaaaaaaaaaaaaa Mon yearsyearsyearsy",
      // Numbers of every digit count up to and past the nine a value is read for, leading
      // zeros, and digits right after a number's end.
      "1 12 123 1234 12345 123456 1234567 12345678 123456789 1234567890 12345678901 0 09 007 "
      "000000001 999999999 99999999 9999999999 98765432-1 87654321.5 7654321x 123456789'",
  };
  for (const char* text : kTexts) ExpectSameAsReference(text);
}

TEST(TimexLexerTest, OddBytesMatchReference) {
  // NUL bytes, lone and cut-off wide marks (E2 80 at the very end), invalid UTF-8, a wide
  // mark straddling a 64-byte block boundary.
  std::vector<std::string> texts;
  texts.push_back(std::string("a\0b 5\0\0 x", 9));
  texts.push_back("dash\xE2\x80");
  texts.push_back("dash\xE2");
  texts.push_back("end\xE2\x80\x94");
  texts.push_back("\xE2\x80\x99s \xE2\x80\x98quoted\xE2\x80\x99 \xE2\x80\x9C\xE2\x80\x9D");
  texts.push_back("bad \xFF\xFE utf8 \xC3 \x80\x80 word\xE2\xE2\x80\x99s");
  for (size_t shift = 58; shift < 66; ++shift) {
    texts.push_back(std::string(shift, 'q') + "\xE2\x80\x94" + "next 12 days");
    texts.push_back(std::string(shift, '7') + "\xE2\x80\x99" + "90s");
    texts.push_back(std::string(shift, ' ') + "today\xC3\xA9" + std::string(shift, 'z'));
  }
  for (const std::string& text : texts) ExpectSameAsReference(text);
}

// Words and numbers that end at, cross or fill 64-byte blocks (one to three of them), glued to
// each other or to punctuation at the boundary: their ends at every SIMD level.
TEST(TimexLexerTest, TokensAcrossBlocksMatchReference) {
  std::vector<std::string> texts;
  for (size_t lead = 0; lead < 4; ++lead) {
    for (size_t length : {62, 63, 64, 65, 127, 128, 129, 191, 192, 200}) {
      const std::string pad(lead == 0 ? 0 : lead * 20 + 3, ' ');
      texts.push_back(pad + std::string(length, 'w') + " 12 June");
      texts.push_back(pad + std::string(length, '9') + "am June 5");
      texts.push_back(pad + std::string(length - 1, 'x') + "7-" + std::string(length, 'y'));
      texts.push_back(pad + std::string(length, 'M') + ".");
      texts.push_back(pad + std::string(length, '4'));
    }
  }
  const int best = LexTimexSimdLevel();
  for (int level = 0; level <= best; ++level) {
    SetLexTimexSimdLevel(level);
    for (const std::string& text : texts) {
      ExpectSameAsReference(text);
      if (HasFailure()) break;
    }
  }
  SetLexTimexSimdLevel(best);
}

TEST(TimexLexerTest, GeneratedTextsMatchReference) {
  // Deterministic mixes of fragments that exercise every token kind and both sides of every
  // 64-byte boundary.
  const char* kPieces[] = {"the ", "last ", "week", " ", "\n", "5", "1999", "'", "-", ".", ",",
                           "Monday", "mondays ", "\xE2\x80\x93", "\xE2\x80\x99", "\xC3\xA9",
                           "\t", "am", "A.M.", "twenty", "-four ", "ago", "\x01", "%", "$"};
  uint32_t state = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    size_t pieces = 1 + round % 97;
    for (size_t k = 0; k < pieces; ++k) {
      state = state * 1103515245u + 12345u;
      text += kPieces[(state >> 16) % std::size(kPieces)];
    }
    ExpectSameAsReference(text);
  }
}

// Every byte-classing width (AVX2 where the CPU has it, SSE2, one byte at a time) gives the
// reference's tokens: texts of every token kind, capitals and wide marks on both sides of the
// 64-byte blocks, and texts ending at every offset of a block (the last block is copied).
TEST(TimexLexerTest, EverySimdLevelMatchesReference) {
  const char* kPieces[] = {"The ", "LAST ", "week", " ", "\n", "5", "1999", "'", "-", ".", ",",
                           "Monday", "MONDAYS ", "\xE2\x80\x93", "\xE2\x80\x99", "\xC3\xA9",
                           "\t", "Am", "A.M.", "Twenty", "-four ", "ago", "\x01", "%", "Z",
                           "@", "[", "`", "{", "\x7F", "\xFF", "\r\v\f", "Q"};
  std::vector<std::string> texts;
  uint32_t state = 777;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const size_t pieces = 1 + round % 131;
    for (size_t k = 0; k < pieces; ++k) {
      state = state * 1103515245u + 12345u;
      text += kPieces[(state >> 16) % std::size(kPieces)];
    }
    texts.push_back(text);
  }
  // Cycled with its terminating NUL, so texts also hold a zero byte.
  static constexpr char kCycle[] = "Ab 9,\xE2\x80\x94x";
  for (size_t size = 0; size <= 130; ++size) {
    std::string text;
    for (size_t k = 0; k < size; ++k) text += kCycle[k % sizeof(kCycle)];
    texts.push_back(text);
  }
  const int best = LexTimexSimdLevel();
  for (int level = 0; level <= best; ++level) {
    SetLexTimexSimdLevel(level);
    ASSERT_EQ(LexTimexSimdLevel(), level);
    for (const std::string& text : texts) {
      ExpectSameAsReference(text);
      if (HasFailure()) break;
    }
  }
  SetLexTimexSimdLevel(best);
  EXPECT_EQ(LexTimexSimdLevel(), best);
}

// LexTimex writes every field of the token slots it reuses and keeps the lowered buffer's
// padding: a short text after a long one in the same buffers lexes as it does alone.
TEST(TimexLexerTest, ReusedBuffersMatchReference) {
  const char* kTexts[] = {
      "Mondays and Tuesdays the market closes; twenty-four soldiers died on 10/06/1971 at 5am.",
      "A 'quote' \xE2\x80\x94 and 2024\n",
      "yesterday",
      "x",
      "",
      "In the '90s, MiXeD cAsE Thirty-First, 1,234,567,890,123 dinars, \xC3\xA9t\xC3\xA9 week",
      "5",
  };
  std::string fast_low, ref_low;
  std::vector<Tok> fast, ref;
  std::vector<uint32_t> listed;
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* text : kTexts) {
      LexTimex(text, &fast_low, &fast, &listed);
      LexTimexReference(text, &ref_low, &ref);
      ASSERT_NO_FATAL_FAILURE(ExpectTokensAsReference(fast, ref, text));
      size_t n = std::string_view(text).size() + kLoweredPadding;
      ASSERT_GE(fast_low.size(), n);
      EXPECT_EQ(fast_low.compare(0, n, ref_low, 0, n), 0) << text;
      EXPECT_EQ(listed, CandidateIndices(ref)) << text;
    }
  }
}

// LexTimexInto only grows its table's columns (the scanner's per-thread buffers): after a longer
// text, the first `count` rows are exactly the shorter text's tokens (readings zero but at
// words, numbers' values at numbers) and the candidate list is its.
TEST(TimexLexerTest, GrowOnlySlotsMatchReference) {
  const char* kTexts[] = {
      "Mondays and Tuesdays the market closes; twenty-four soldiers died on 10/06/1971 at 5am, "
      "officials said on Friday, two weeks ago, in the '90s and last month.",
      "yesterday",
      "",
      "A 'quote' \xE2\x80\x94 and 2024\n",
      "x",
      "The third quarter of 2023, the first half, at least 30 days, Christmas Eve.",
  };
  std::string low, ref_low;
  std::vector<Tok> ref;
  TokenTable table;
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* text : kTexts) {
      LexTimexInto(text, &low, &table);
      LexTimexReference(text, &ref_low, &ref);
      ASSERT_EQ(table.count, ref.size()) << text;
      std::vector<Tok> rows;
      for (size_t i = 0; i < table.count; ++i) rows.push_back(table.At(text, i));
      for (uint32_t c : table.candidates()) rows[c].candidate = true;
      ASSERT_NO_FATAL_FAILURE(ExpectTokensAsReference(rows, ref, text));
      for (size_t i = 0; i < table.count; ++i) {
        const TokenTable::Reading r = table.reading[i];
        EXPECT_EQ(r.cls, ref[i].cls) << text;
        EXPECT_EQ(r.number, ref[i].number) << text;
        EXPECT_EQ(r.word, ref[i].word) << text;
      }
      EXPECT_EQ(std::vector<uint32_t>(table.candidates().begin(), table.candidates().end()),
                CandidateIndices(ref))
          << text;
    }
  }
}

TEST(TimexLexerTest, SealedIndexAgreesWithLookup) {
  const WordClassTable& table = TimeWordClasses();
  // Over 255 time and starter words the lexer falls back to the slower probing lookup.
  EXPECT_TRUE(table.sealed());
  const char* kWords[] = {"today", "yesterday", "january", "sept", "monday", "twenty", "ninety",
                          "dozen", "first", "the", "a", "about", "every", "good", "christmas",
                          "hundreds", "centuries", "officials", "said", "troops", "x",
                          "abcdefghijklmnop", "nineteenth", "weeks", "quarters",
                          // plurals the index derives, and shapes it must not
                          "mondays", "sundays", "yesterdays", "middays", "daybreaks", "mondayss",
                          "holidays", "todays", "nights", "days", "decadess", "centurys"};
  for (const char* w : kWords) {
    char padded[32] = {};
    std::string_view word(w);
    word.copy(padded, word.size());
    uint8_t number = 0;
    // The index holds the whole class: the time word's kStarter and the derived plurals.
    EXPECT_EQ(table.FindPaddedSealed(padded, word.size(), &number), ClassifyTimeWord(word)) << w;
    EXPECT_EQ(number, table.Number(word)) << w;
    // The packed lookup the lexer takes: the same three answers in one word.
    const uint32_t packed = table.FindPaddedSealedPacked(padded, word.size());
    EXPECT_EQ(packed & 0xFF, static_cast<uint32_t>(ClassifyTimeWord(word))) << w;
    EXPECT_EQ(packed >> 8 & 0xFF, static_cast<uint32_t>(table.Number(word))) << w;
    EXPECT_EQ(packed >> 16, table.WordId(word)) << w;
  }
}

// A word filter of the lexer: every key of the index (derived plurals included) must pass it,
// whatever bytes follow the key in the text (one, or two alike); at most three of a dozen
// common other words may.
template <typename MayPass>
void ExpectFilterPassesEveryKey(const WordClassTable& table, MayPass may_pass) {
  ASSERT_TRUE(table.sealed());
  ASSERT_GT(table.WordCount(), 100u);
  const char kAfter[] = {' ', '.', '5', '\0', '\xE2', '\'', '-', '\n'};
  for (size_t id = 1; id < table.WordCount(); ++id) {
    const std::string word = table.WordAt(id);
    ASSERT_FALSE(word.empty()) << id;
    for (char after : kAfter) {
      char padded[32] = {};
      word.copy(padded, word.size());
      padded[word.size()] = padded[word.size() + 1] = after;
      EXPECT_TRUE(may_pass(padded, word.size())) << word << " then " << int{after};
    }
  }
  size_t passed = 0;
  const char* kOthers[] = {"officials", "troops", "killed", "police", "government", "said",
                           "village", "attack", "rebels", "province", "xylophone", "q"};
  for (const char* w : kOthers) {
    char padded[32] = {};
    std::string_view(w).copy(padded, 31);
    passed += may_pass(padded, std::string_view(w).size());
  }
  EXPECT_LE(passed, 3u);
}

// Below SIMD level 3 the lexer looks up only the words MayBeKey lets through.
TEST(TimexLexerTest, MayBeKeyPassesEveryIndexedWord) {
  const WordClassTable& table = TimeWordClasses();
  ExpectFilterPassesEveryKey(table, [&table](const char* padded, size_t size) {
    return table.MayBeKey(padded, size);
  });
}

// At SIMD level 3 it looks up only the words the KeyFilter lets through.
TEST(TimexLexerTest, KeyFilterPassesEveryIndexedWord) {
  const WordClassTable& table = TimeWordClasses();
  ExpectFilterPassesEveryKey(table, [&table](const char* padded, size_t size) {
    return table.MayPassKeyFilter(padded, size);
  });
}

// Every key of the index, capitalized or not, in the text with the bytes that may follow it, at
// every SIMD level: the lexer's word filters (MayBeKey, the KeyFilter) let each through, so its
// readings are the reference's.
TEST(TimexLexerTest, EveryIndexedWordIsReadAtEveryLevel) {
  const WordClassTable& table = TimeWordClasses();
  ASSERT_TRUE(table.sealed());
  const char* kAfter[] = {" ", ". ", "5 ", "' ", "- ", "\n", "\xE2\x80\x94", ",", "s "};
  std::string text;
  for (size_t id = 1; id < table.WordCount(); ++id) {
    std::string word = table.WordAt(id);
    text += word;
    text += kAfter[id % std::size(kAfter)];
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    text += word;
    text += kAfter[(id + 1) % std::size(kAfter)];
  }
  // Near the words level 3 settles by their bytes and length ("the", "a", "an", "at").
  text += "Then the theme: a an at ate ant At An A THE thE th\xC3\xA9 a\xC3\xA9 an\xC3\xA9 "
          "atom than tha. aa at5 the'";
  const int best = LexTimexSimdLevel();
  for (int level = 0; level <= best; ++level) {
    SetLexTimexSimdLevel(level);
    ExpectSameAsReference(text);
    // And each word at the very end of a text (the last, partly filled block).
    for (size_t id = 1; id < table.WordCount() && !HasFailure(); ++id) {
      ExpectSameAsReference("In " + table.WordAt(id));
    }
  }
  SetLexTimexSimdLevel(best);
}

// HolidayDate skips words the lexer did not class: every holiday name must begin with a time
// word or kStarter word.
TEST(TimexLexerTest, HolidayNamesBeginWithClassedWords) {
  size_t count = 0;
  const Holiday* holidays = Holidays(&count);
  ASSERT_GT(count, 0u);
  for (size_t h = 0; h < count; ++h) {
    std::string_view words = holidays[h].words;
    std::string_view first = words.substr(0, words.find(' '));
    EXPECT_NE(ClassifyTimeWord(first), 0) << words;
  }
}

// HolidayDate tries only the names whose first word is the token's: every name of the table is
// still found whole, with a year after it ("Christmas Eve 2019", "Valentine's Day 2019").
TEST(TimexLexerTest, EveryHolidayNameIsFound) {
  size_t count = 0;
  const Holiday* holidays = Holidays(&count);
  for (size_t h = 0; h < count; ++h) {
    std::string name;
    std::string_view words = holidays[h].words;
    while (!words.empty()) {
      size_t sp = words.find(' ');
      std::string piece(words.substr(0, sp));
      words = sp == std::string_view::npos ? std::string_view() : words.substr(sp + 1);
      if (piece == "'s") {
        name += "'s";
        continue;
      }
      if (!name.empty()) name += ' ';
      piece[0] = static_cast<char>(piece[0] - 'a' + 'A');
      name += piece;
    }
    std::string text = "The offensive began on " + name + " 2019, officials said.";
    std::vector<Timex> found = FindTimex(text, "2024-09-14");
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.end - found[0].span.begin),
              name + " 2019")
        << text;
    EXPECT_EQ(found[0].value.substr(0, 5), "2019-") << text;
  }
}

// The quick rejections in front of the month, weekday and unit tables keep every entry.
TEST(TimexLexerTest, WordTablesKeepTheirEntries) {
  const struct {
    const char* word;
    int month;
    bool abbrev;
  } kMonths[] = {{"january", 1, false}, {"may", 5, false}, {"september", 9, false},
                 {"sept", 9, true},     {"dec", 12, true}, {"june", 6, false},
                 {"mayor", 0, false},   {"", 0, false},    {"x", 0, false}};
  for (const auto& c : kMonths) {
    bool abbrev = true;
    EXPECT_EQ(MonthNumber(c.word, &abbrev), c.month) << c.word;
    EXPECT_EQ(abbrev, c.abbrev) << c.word;
  }
  const struct {
    const char* word;
    int day;
    bool plural;
  } kDays[] = {{"monday", 1, false}, {"wednesdays", 3, true}, {"sundays", 7, true},
               {"friday", 5, false}, {"fridge", 0, false},    {"s", 0, false}};
  for (const auto& c : kDays) {
    bool plural = true;
    EXPECT_EQ(WeekdayNumber(c.word, &plural), c.day) << c.word;
    EXPECT_EQ(plural, c.plural) << c.word;
  }
  const struct {
    const char* word;
    Unit unit;
    bool plural;
  } kUnits[] = {{"day", Unit::kDay, false},        {"centuries", Unit::kCentury, true},
                {"quarters", Unit::kQuarter, true}, {"hour", Unit::kHour, false},
                {"months", Unit::kMonth, true},     {"daily", Unit::kNone, false},
                {"", Unit::kNone, false}};
  for (const auto& c : kUnits) {
    bool plural = true;
    EXPECT_EQ(UnitWord(c.word, &plural), c.unit) << c.word;
    EXPECT_EQ(plural, c.plural) << c.word;
  }
}

TEST(TimexLexerTest, AppendPaddedIsPrintf) {
  const struct {
    int v, width;
  } kCases[] = {{0, 0}, {7, 0}, {7, 2}, {12, 2}, {123, 2}, {5, 4}, {2024, 4}, {12345, 4},
                {-1, 3}, {-5, 2}, {-123, 2}, {-7, 0}, {0, 3}, {2147483647, 4}, {-2147483647, 4},
                {42, 40}, {-42, 40}};  // wider than AppendPadded's stack buffer
  for (const auto& c : kCases) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%0*d", c.width, c.v);
    std::string out = "x";
    AppendPadded(&out, c.v, c.width);
    EXPECT_EQ(out, std::string("x") + buf) << c.v << " width " << c.width;
  }
}

// FormatYear/FormatMonth/FormatDay write their digits into a fixed buffer: the same strings as
// the printf-style padding, "X" parts out of range.
TEST(TimexLexerTest, FormatsMatchPrintf) {
  auto year = [](int y) {
    if (y <= 0 || y > 9999) return std::string("XXXX");
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", y);
    return std::string(buf);
  };
  auto two = [](int v, int max) {
    if (v < 1 || v > max) return std::string("-XX");
    char buf[16];
    std::snprintf(buf, sizeof buf, "-%02d", v);
    return std::string(buf);
  };
  const int kYears[] = {-5, 0, 1, 9, 10, 99, 100, 999, 1000, 1998, 2024, 9999, 10000, 123456};
  const int kParts[] = {-1, 0, 1, 2, 9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 99, 100};
  for (int y : kYears) {
    EXPECT_EQ(FormatYear(y), year(y)) << y;
    for (int m : kParts) {
      EXPECT_EQ(FormatMonth(y, m), year(y) + two(m, 12)) << y << " " << m;
      for (int d : kParts) {
        EXPECT_EQ(FormatDay(Date{y, m, d}), year(y) + two(m, 12) + two(d, 31))
            << y << " " << m << " " << d;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep::timex
