// Tokenizer: table of cases, kinds, the ASCII class table, and a differential test against a
// slow code-point reference on random text.
#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "sitrep/text.h"
#include "sitrep/utf8.h"
#include "text/char_class.h"

namespace sitrep {
namespace {

// Tokens joined by '|'.
std::string Toks(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out += text.substr(t.span.begin, t.span.size());
  }
  return out;
}

struct SplitCase {
  const char* text;
  const char* tokens;
};

const SplitCase kSplitCases[] = {
    {"", ""},
    {"   \n\t ", ""},
    {"Abd-al-Jalil", "Abd-al-Jalil"},
    {"spokesman al-Issawi said", "spokesman|al-Issawi|said"},
    {"the U.S. said", "the|U.S.|said"},
    {"the U.N.", "the|U.N."},
    {"U.S.A. and e.g. i.e.", "U.S.A.|and|e.g.|i.e."},
    {"U.S.-led coalition", "U.S.-led|coalition"},
    {"the U.S.'s role", "the|U.S.'s|role"},
    {"U.S.Army", "U.S.|Army"},
    {"2,500 people", "2,500|people"},
    {"1,000,000", "1,000,000"},
    {"5,6,7", "5|,|6|,|7"},
    {"2,5000", "2|,|5000"},
    {"2.5 km", "2.5|km"},
    {"1.2.3", "1.2.3"},
    {"on 10/06/1971.", "on|10/06/1971|."},
    {"at 10:30 local", "at|10:30|local"},
    {"10-12 killed", "10-12|killed"},
    {"at 5am", "at|5am"},
    {"the 15th brigade", "the|15th|brigade"},
    {"M23 rebels", "M23|rebels"},
    {"an F-16 jet", "an|F-16|jet"},
    {"don't", "don't"},
    {"Iraq\u2019s army", "Iraq\u2019s|army"},
    {"Iraq's army", "Iraq's|army"},
    {"soldiers' barracks", "soldiers|'|barracks"},
    {"'90s", "'|90s"},
    {"$5 million", "$|5|million"},
    {"50% of", "50|%|of"},
    {"killed 25.", "killed|25|."},
    {"John F. Kennedy", "John|F|.|Kennedy"},
    {"Gen. Smith", "Gen|.|Smith"},
    {"wait...", "wait|..."},
    {"what?!", "what|?!"},
    {"Why? No!", "Why|?|No|!"},
    {"a -- b", "a|--|b"},
    {"-5", "-|5"},
    {"end-", "end|-"},
    {"a - b", "a|-|b"},
    {"\u201CGo.\u201D", "\u201C|Go|.|\u201D"},
    {"wait\u2026", "wait|\u2026"},
    {"east\u2014west", "east|\u2014|west"},
    {"10\u201312", "10|\u2013|12"},
    {"al\u2010Issawi", "al\u2010Issawi"},
    {"two\u00A0words", "two|words"},
    {"(Reuters)", "(|Reuters|)"},
    {"said: \"go\"", "said|:|\"|go|\""},
    {"Bogot\u00E1 and K\u00F6ln", "Bogot\u00E1|and|K\u00F6ln"},
    {"\u0627\u0644\u0645\u0648\u0635\u0644\u060C x",
     "\u0627\u0644\u0645\u0648\u0635\u0644|\u060C|x"},
    {"\u0663\u0665", "\u0663\u0665"},
    {"Qu\uFFFDbec", "Qu\uFFFDbec"},
    {"a\u200Bb", "a|b"},
    {"caf\xC3", "caf\xC3"},  // truncated sequence stays inside the word
    {"x\x01y", "x|y"},
    {"AT&T", "AT|&|T"},
    {"#1 @home", "#|1|@|home"},
    {"\u20AC5", "\u20AC|5"},
    {"I.", "I|."},
    {"a.b.c.", "a.b.c."},
    {"end.The", "end|.|The"},
    {"rock'n'roll", "rock'n'roll"},
};

TEST(TokenizerTest, Splits) {
  for (const SplitCase& c : kSplitCases) {
    EXPECT_EQ(Toks(c.text), c.tokens) << "input: " << c.text;
  }
}

struct KindCase {
  const char* text;
  TokenKind kind;
};

const KindCase kKindCases[] = {
    {"al-Issawi", TokenKind::kWord},   {"U.S.", TokenKind::kWord},
    {"don't", TokenKind::kWord},       {"2,500", TokenKind::kNumber},
    {"2.5", TokenKind::kNumber},       {"10/06/1971", TokenKind::kNumber},
    {"10-12", TokenKind::kNumber},     {"5am", TokenKind::kAlnum},
    {"15th", TokenKind::kAlnum},       {"M23", TokenKind::kAlnum},
    {"F-16", TokenKind::kAlnum},       {".", TokenKind::kPunct},
    {"...", TokenKind::kPunct},        {"\u201C", TokenKind::kPunct},
    {"\u2014", TokenKind::kPunct},     {"(", TokenKind::kPunct},
    {"$", TokenKind::kSymbol},         {"%", TokenKind::kSymbol},
    {"\u20AC", TokenKind::kSymbol},    {"\u0661\u0662", TokenKind::kNumber},
    {"Bogot\u00E1", TokenKind::kWord}, {"'", TokenKind::kPunct},
};

TEST(TokenizerTest, Kinds) {
  for (const KindCase& c : kKindCases) {
    std::vector<Token> tokens;
    Tokenize(c.text, &tokens);
    ASSERT_EQ(tokens.size(), 1u) << c.text;
    EXPECT_EQ(tokens[0].kind, c.kind) << c.text;
  }
}

TEST(TokenizerTest, AppendsToExistingTokens) {
  std::vector<Token> tokens = {{{0, 1}, TokenKind::kWord}};
  Tokenize("a b", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[2].span, (Span{2, 3}));
}

// The ASCII table agrees with a plain description of the classes.
TEST(TokenizerTest, AsciiTableMatchesDescription) {
  using text_internal::Cc;
  for (int c = 0; c < 128; ++c) {
    Cc want = Cc::kSymbol;
    if (c <= ' ' || c == 127)
      want = Cc::kSpace;
    else if (std::isalpha(c))
      want = Cc::kLetter;
    else if (std::isdigit(c))
      want = Cc::kDigit;
    else if (c == '-')
      want = Cc::kHyphen;
    else if (c == '\'')
      want = Cc::kApostrophe;
    else if (c == '.')
      want = Cc::kPeriod;
    else if (c == ',')
      want = Cc::kComma;
    else if (c == '/' || c == ':')
      want = Cc::kDigitJoin;
    else if (c == '!' || c == '?')
      want = Cc::kBang;
    else if (std::string_view("\"()[]{};`").find(static_cast<char>(c)) != std::string_view::npos)
      want = Cc::kPunct;
    EXPECT_EQ(text_internal::kAsciiClass[c], want) << c;
  }
}

using text_internal::Cc;

struct CodePointCase {
  char32_t cp;
  Cc cls;
};

TEST(TokenizerTest, NonAsciiClasses) {
  const CodePointCase cases[] = {
      {0x00A0, Cc::kSpace},   {0x0085, Cc::kSpace},  {0x00E9, Cc::kLetter},
      {0x00AB, Cc::kPunct},   {0x00A3, Cc::kSymbol}, {0x00D7, Cc::kSymbol},
      {0x0627, Cc::kLetter},  {0x0663, Cc::kDigit},  {0x060C, Cc::kPunct},
      {0x0416, Cc::kLetter},  {0x2002, Cc::kSpace},  {0x200B, Cc::kSpace},
      {0x200D, Cc::kLetter},  {0x2010, Cc::kHyphen}, {0x2013, Cc::kPunct},
      {0x2014, Cc::kPunct},   {0x2018, Cc::kPunct},  {0x2019, Cc::kApostrophe},
      {0x201C, Cc::kPunct},   {0x201D, Cc::kPunct},  {0x2022, Cc::kPunct},
      {0x2026, Cc::kPunct},   {0x2028, Cc::kSpace},  {0x202F, Cc::kSpace},
      {0x2030, Cc::kSymbol},  {0x20AC, Cc::kSymbol}, {0x2192, Cc::kSymbol},
      {0x3000, Cc::kSpace},   {0x3002, Cc::kPunct},  {0x4E00, Cc::kLetter},
      {0xFEFF, Cc::kSpace},   {0xFFFD, Cc::kLetter}, {0x1F600, Cc::kSymbol},
      {0x10400, Cc::kLetter},
  };
  for (const CodePointCase& c : cases) {
    EXPECT_EQ(text_internal::ClassifyCodePoint(c.cp), c.cls) << std::hex << uint32_t{c.cp};
    std::string s;
    AppendUtf8(c.cp, &s);
    size_t len = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    EXPECT_EQ(text_internal::ClassAt(p, s.size(), 0, &len), c.cls);
    EXPECT_EQ(len, s.size());
  }
}

// The fast tokenizer checked against a slow reference that works on decoded code points.
struct Cp {
  char32_t cp;
  Cc cls;
  uint32_t begin, end;
};

bool Alnum(Cc c) { return c == Cc::kLetter || c == Cc::kDigit; }

// The rules of tokenizer.cc, restated one code point at a time. Input must be valid UTF-8.
std::vector<Token> ReferenceTokenize(std::string_view text) {
  std::vector<Cp> cps;
  for (size_t i = 0; i < text.size();) {
    int len;
    char32_t cp = DecodeUtf8(text, i, &len);
    Cc cls = cp < 128 ? text_internal::kAsciiClass[cp] : text_internal::ClassifyCodePoint(cp);
    cps.push_back({cp, cls, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
    i += len;
  }
  const size_t n = cps.size();
  const auto cls = [&](size_t i) { return i < n ? cps[i].cls : Cc::kSpace; };
  const auto cp = [&](size_t i) { return i < n ? cps[i].cp : U' '; };
  std::vector<Token> out;
  size_t i = 0;
  while (i < n) {
    if (cls(i) == Cc::kSpace) {
      ++i;
      continue;
    }
    const size_t b = i;
    TokenKind kind = TokenKind::kPunct;
    if (Alnum(cls(i))) {
      size_t seg = i;
      bool dotted = false;
      for (;;) {
        while (Alnum(cls(i))) ++i;
        const Cc last = cls(i - 1);
        const bool single_letter = i - seg == 1 && last == Cc::kLetter;
        const Cc next = cls(i + 1);
        bool join = false;
        if (cls(i) == Cc::kHyphen)
          join = Alnum(next);
        else if (cls(i) == Cc::kApostrophe)
          join = next == Cc::kLetter;
        else if (cp(i) == '.' && last == Cc::kDigit)
          join = next == Cc::kDigit;
        else if (cp(i) == '.' && single_letter && next == Cc::kLetter && !Alnum(cls(i + 2)))
          join = dotted = true;
        else if (cp(i) == '.' && single_letter && dotted) {
          ++i;  // final period of "U.S."
          dotted = false;
          join = (cls(i) == Cc::kHyphen && Alnum(cls(i + 1))) ||
                 (cls(i) == Cc::kApostrophe && cls(i + 1) == Cc::kLetter);
          if (!join) break;
        } else if (cp(i) == ',' && last == Cc::kDigit) {
          join = true;
          for (size_t k = 1; k <= 3; ++k) join = join && cp(i + k) >= '0' && cp(i + k) <= '9';
          join = join && cls(i + 4) != Cc::kDigit;
        } else if ((cp(i) == '/' || cp(i) == ':') && last == Cc::kDigit) {
          join = next == Cc::kDigit;
        }
        if (!join) break;
        seg = ++i;
      }
      bool letter = false, digit = false;
      for (size_t k = b; k < i; ++k) {
        letter |= cls(k) == Cc::kLetter;
        digit |= cls(k) == Cc::kDigit;
      }
      kind = letter ? (digit ? TokenKind::kAlnum : TokenKind::kWord) : TokenKind::kNumber;
    } else if (cp(i) == '.' || cp(i) == '!' || cp(i) == '?') {
      while (cp(i) == '.' || cp(i) == '!' || cp(i) == '?') ++i;
    } else if (cp(i) == '-') {
      while (cp(i) == '-') ++i;
    } else {
      if (cls(i) == Cc::kSymbol) kind = TokenKind::kSymbol;
      ++i;
    }
    out.push_back({{cps[b].begin, cps[i - 1].end}, kind});
  }
  return out;
}

// Pieces that exercise every rule when glued at random.
const char* const kPieces[] = {"a",      "B",      "x",      "U",      "S",      "1",      "7",
                               "0",      ".",      ".",      ",",      "-",      "-",      "'",
                               "/",      ":",      " ",      " ",      "\n",     "!",      "?",
                               "$",      "%",      "(",      ")",      "\"",     "\u2019", "\u201C",
                               "\u201D", "\u2014", "\u2026", "\u00A0", "\u00E9", "\u0663", "\u2010",
                               "\uFFFD", "\u060C", "\u3002", "Gen",    "No",     "The"};

// Short pieces dense in joiners, so rare shapes ("1,5000", "a.b.", "U.S.-x") come up often.
const char* const kDensePieces[] = {"a", "U", "1",      "50", "500", "2500", ".",      ",",
                                    "-", "'", "\u2019", "/",  ":",   " ",    "\u00E9", "?"};

std::string RandomText(std::mt19937& rng, size_t max_pieces) {
  std::uniform_int_distribution<size_t> count(0, max_pieces);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<size_t> dense(0, std::size(kDensePieces) - 1);
  const bool use_dense = count(rng) % 2 == 0;
  std::string s;
  for (size_t k = count(rng); k > 0; --k)
    s += use_dense ? kDensePieces[dense(rng)] : kPieces[pick(rng)];
  return s;
}

TEST(TokenizerReferenceTest, MatchesReferenceOnRandomText) {
  std::mt19937 rng(20240611);
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string text = RandomText(rng, 30);
    std::vector<Token> fast;
    Tokenize(text, &fast);
    ASSERT_EQ(fast, ReferenceTokenize(text)) << "input: " << text;
  }
}

}  // namespace
}  // namespace sitrep
