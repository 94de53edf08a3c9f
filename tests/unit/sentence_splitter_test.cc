// Sentence splitting, paragraphs and Segment: case tables plus invariants on random and garbage
// input (sentences partition the tokens, never cross a line break).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "sitrep/text.h"
#include "sitrep/utf8.h"

namespace sitrep {
namespace {

// Sentences joined by '|'.
std::string Sents(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(text, tokens, &sentences);
  std::string out;
  for (const Sentence& s : sentences) {
    if (!out.empty()) out += '|';
    out += text.substr(s.span.begin, s.span.size());
  }
  return out;
}

struct Case {
  const char* text;
  const char* sentences;
};

const Case kCases[] = {
    {"", ""},
    {"  \n ", ""},
    {"One. Two.", "One.|Two."},
    {"  Leading space.  ", "Leading space."},
    {"No period at end", "No period at end"},
    {"Rebels attacked. Five died! Why? Nobody knows.",
     "Rebels attacked.|Five died!|Why?|Nobody knows."},
    // Abbreviations and titles.
    {"The U.S. military said. It left.", "The U.S. military said.|It left."},
    {"The U.N. envoy arrived.", "The U.N. envoy arrived."},
    {"Gen. Smith spoke.", "Gen. Smith spoke."},
    {"Lt. Col. Ahmed Ali said.", "Lt. Col. Ahmed Ali said."},
    {"Col. Ruiz and Sgt. Diaz left.", "Col. Ruiz and Sgt. Diaz left."},
    {"Mr. Jones and Dr. Amin met.", "Mr. Jones and Dr. Amin met."},
    {"They met at St. Mary church.", "They met at St. Mary church."},
    {"He lives on Main St. The house burned.", "He lives on Main St.|The house burned."},
    {"Resolution No. 5 passed.", "Resolution No. 5 passed."},
    {"The answer was No. Then he left.", "The answer was No.|Then he left."},
    {"On Jan. 5 troops moved.", "On Jan. 5 troops moved."},
    {"Since Feb. Many fled.", "Since Feb.|Many fled."},
    {"It killed approx. 40 people.", "It killed approx. 40 people."},
    {"Cities, e.g. Goma, fell.", "Cities, e.g. Goma, fell."},
    {"Towns, i.e. Bunia. The", "Towns, i.e. Bunia.|The"},
    {"Army vs. rebels.", "Army vs. rebels."},
    {"Army vs. Rebels FC.", "Army vs. Rebels FC."},
    // The sentence-final abbreviation rule.
    {"He flew to the U.S. The talks failed.", "He flew to the U.S.|The talks failed."},
    {"He flew to the U.S. Army base.", "He flew to the U.S. Army base."},
    {"It began at 5 a.m. Monday.", "It began at 5 a.m. Monday."},
    {"It began at 5 a.m. Police said.", "It began at 5 a.m.|Police said."},
    {"It began at 5 a.m. They fled.", "It began at 5 a.m.|They fled."},
    {"He left the U.S. \"We won,\" he said.", "He left the U.S.|\"We won,\" he said."},
    // Initials.
    {"John F. Kennedy was shot.", "John F. Kennedy was shot."},
    {"J. R. Smith spoke.", "J. R. Smith spoke."},
    {"He took Plan B. The plan failed.", "He took Plan B.|The plan failed."},
    // A party letter and a state's initials ("D-W. Va.") end no sentence; a starter still does.
    {"Sen. Jay Rockefeller, D-W. Va., said so.", "Sen. Jay Rockefeller, D-W. Va., said so."},
    {"Rep. Nick Rahall, D-W. Va. chairs it.", "Rep. Nick Rahall, D-W. Va. chairs it."},
    {"The vote went to R-N. H. Smith instead.", "The vote went to R-N. H. Smith instead."},
    {"He backed Plan-B. The plan failed.", "He backed Plan-B.|The plan failed."},
    {"It was made by Wal-Mart. Sales rose.", "It was made by Wal-Mart.|Sales rose."},
    // Numbers and ellipses.
    {"Growth was 2.5 percent. Prices rose.", "Growth was 2.5 percent.|Prices rose."},
    {"He died in 1971. His son lived.", "He died in 1971.|His son lived."},
    {"They waited... and then fled.", "They waited... and then fled."},
    {"They waited... Then they fled.", "They waited...|Then they fled."},
    {"They waited\u2026 Then they fled.", "They waited\u2026|Then they fled."},
    // Closing quotes and brackets.
    {"He said \"go.\" Then he left.", "He said \"go.\"|Then he left."},
    {"He said \u201Cgo.\u201D Then he left.", "He said \u201Cgo.\u201D|Then he left."},
    {"(He left.) Then rain.", "(He left.)|Then rain."},
    {"\"Why?\" he asked.", "\"Why?\" he asked."},
    {"\"Stop!\" she said.", "\"Stop!\" she said."},
    {"Really?! Yes.", "Really?!|Yes."},
    // Lowercase and continuation punctuation never start a sentence.
    {"The toll rose to 5. officials said", "The toll rose to 5. officials said"},
    {"Wait. , then", "Wait. , then"},
    // No whitespace after the period: not a boundary.
    {"end.The next", "end.The next"},
    // Line breaks always end a sentence.
    {"Headline without period\nBody text. More text.",
     "Headline without period|Body text.|More text."},
    {"- item one\n- item two", "- item one|- item two"},
    {"Gen.\nSmith", "Gen.|Smith"},
    {"a\r\nb", "a|b"},
    {"First para.\n\nSecond para.", "First para.|Second para."},
    // Other scripts.
    {"\u0642\u062A\u0644\u061F \u0646\u0639\u0645.",
     "\u0642\u062A\u0644\u061F|\u0646\u0639\u0645."},
    {"\u4E00\u3002 \u4E8C", "\u4E00\u3002|\u4E8C"},
};

TEST(SentenceSplitterTest, Cases) {
  for (const Case& c : kCases) EXPECT_EQ(Sents(c.text), c.sentences) << "input: " << c.text;
}

TEST(SentenceSplitterTest, TokenRanges) {
  const std::string text = "Rebels attacked Goma. Five died.";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(text, tokens, &sentences);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], (Sentence{{0, 21}, 0, 4}));
  EXPECT_EQ(sentences[1], (Sentence{{22, 32}, 4, 7}));
}

struct ParagraphCase {
  const char* text;
  std::vector<Span> paragraphs;
};

TEST(SentenceSplitterTest, Paragraphs) {
  const ParagraphCase cases[] = {
      {"", {}},
      {"\n\n", {}},
      {"one", {{0, 3}}},
      {" one \n two\n", {{1, 4}, {7, 10}}},
      {"a\n \t\nb", {{0, 1}, {5, 6}}},
      {"\u00A0a\u00A0\nb\r", {{2, 3}, {6, 7}}},
      {"\u3000", {}},
      {"x\xC2", {{0, 2}}},  // a truncated sequence is not space
  };
  for (const ParagraphCase& c : cases) {
    std::vector<Span> got;
    SplitParagraphs(c.text, &got);
    EXPECT_EQ(got, c.paragraphs) << "input: " << c.text;
  }
}

TEST(SentenceSplitterTest, SegmentReplacesColumns) {
  Document doc;
  doc.text = "Title\nGen. Smith said. Rebels fled.";
  doc.tokens.push_back({{0, 1}, TokenKind::kWord});
  doc.sentences.push_back({});
  Segment(doc);
  EXPECT_EQ(doc.paragraphs, (std::vector<Span>{{0, 5}, {6, 35}}));
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.Slice(doc.sentences[1].span), "Gen. Smith said.");
  EXPECT_EQ(doc.sentences.back().token_end, doc.tokens.size());
}

// Sentences partition the tokens in order, each inside one paragraph.
void CheckInvariants(std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  Segment(doc);
  uint32_t next = 0;
  size_t para = 0;
  for (const Sentence& s : doc.sentences) {
    ASSERT_EQ(s.token_begin, next);
    ASSERT_LT(s.token_begin, s.token_end);
    ASSERT_EQ(s.span.begin, doc.tokens[s.token_begin].span.begin);
    ASSERT_EQ(s.span.end, doc.tokens[s.token_end - 1].span.end);
    while (para < doc.paragraphs.size() && doc.paragraphs[para].end < s.span.end) ++para;
    ASSERT_LT(para, doc.paragraphs.size());
    ASSERT_LE(doc.paragraphs[para].begin, s.span.begin);
    next = s.token_end;
  }
  ASSERT_EQ(next, doc.tokens.size());
  for (size_t k = 1; k < doc.paragraphs.size(); ++k) {
    ASSERT_LT(doc.paragraphs[k - 1].end, doc.paragraphs[k].begin);
  }
}

const char* const kPieces[] = {"a",      "B",      "The", "U",  "S",  "1",     ".",
                               ".",      " ",      " ",   "\n", "!",  "?",     "\"",
                               ")",      "(",      "Gen", "No", "St", "e.g.",  "\u201D",
                               "\u2026", "\u00A0", "\r",  ",",  "-",  "\u3002"};

TEST(SentenceSplitterTest, InvariantsOnRandomText) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<size_t> count(0, 60), pick(0, std::size(kPieces) - 1);
  for (int iter = 0; iter < 10000; ++iter) {
    std::string text;
    for (size_t k = count(rng); k > 0; --k) text += kPieces[pick(rng)];
    CheckInvariants(text);
  }
}

TEST(SentenceSplitterTest, InvariantsOnGarbageBytes) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string raw;
    for (int k = len(rng); k > 0; --k) raw += static_cast<char>(byte(rng));
    CheckInvariants(raw);
    CheckInvariants(RepairUtf8(raw).text);
  }
}

}  // namespace
}  // namespace sitrep
