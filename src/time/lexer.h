// Word/number/punctuation tokens for the timex scanner. Deliberately independent of the
// segmenter in src/text: the timex grammar wants "5am" as 5 + "am", "mid-June" as mid - June,
// and "a.m." as a . m . — and it must not shift when the segmenter's rules change.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::timex {

struct Tok {
  enum Kind : uint8_t { kWord, kNum, kPunct };
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = kWord;
  bool glued = false;    // no whitespace between the previous token and this one
  bool cap = false;      // word starting with an ASCII capital
  char ch = 0;           // kPunct: the ASCII char ('\'' for ’ ‘, '-' for – —, '\n' for breaks)
  uint8_t digits = 0;    // kNum: number of digits
  uint8_t cls = 0;       // kWord: ClassifyTimeWord(low)
  bool starter = false;  // a match may begin here: a number, "'", a time word or kStarter word
  bool candidate = false;  // starter with a number or time word within kCandidateWindow tokens
  int num = -1;          // kNum: value, -1 when more than 9 digits
  uint8_t number = 0;    // kWord time word: SmallNumberWord(low) ("twenty" → 20), else 0
  uint8_t word = 0;      // kWord: TimeWordClasses().WordId(low), 0 for other words
  bool operator==(const Tok&) const = default;
};

// Every timex match holds a number or a time word within its first kCandidateWindow tokens.
constexpr size_t kCandidateWindow = 6;

// Bytes of NUL padding LexTimex leaves after the text in `lowered` (word-sized loads at the
// last word, whole 64-byte blocks at the end).
constexpr size_t kLoweredPadding = 64;

// Tokenizes `text`; `lowered` receives the ASCII-lowercased copy of `text` (the same byte
// offsets as the tokens' begin/end; kLoweredPadding NUL bytes follow the text in it, and it is
// never shrunk: bytes after the padding may be left from a longer earlier text). Linear
// time; never reads past `text`. Finds token boundaries 64 bytes at a time with bit masks.
// `candidates`, when given, receives the indexes of the candidate tokens in increasing order.
void LexTimex(std::string_view text, std::string* lowered, std::vector<Tok>* out,
              std::vector<uint32_t>* candidates = nullptr);

// LexTimex into `slots`, which only grows (no slot is constructed again for a shorter text):
// returns the token count; the first that many slots are the tokens. `time_words`, when given,
// receives the indexes of the time-word tokens (Tok::cls has kTimeWord) in increasing order,
// then UINT32_MAX; it only grows, so entries after UINT32_MAX are left from earlier texts.
size_t LexTimexInto(std::string_view text, std::string* lowered, std::vector<Tok>* slots,
                    std::vector<uint32_t>* candidates = nullptr,
                    std::vector<uint32_t>* time_words = nullptr);

// The vector width LexTimex classifies bytes with: 2 AVX2 (when the CPU has it with BMI1/2 and
// POPCNT, checked at run time; the whole lexer is then compiled for them), 1 SSE2, 0 one byte
// at a time. Every level gives the same tokens.
int LexTimexSimdLevel();
// For tests: selects a level (clamped to 0..the best the CPU has); returns the previous one.
// Not thread-safe: call it before lexing on other threads.
int SetLexTimexSimdLevel(int level);

// The byte-at-a-time tokenizer LexTimex replaced: the same tokens, kept as the reference the
// tests and the timex fuzzer compare LexTimex with.
void LexTimexReference(std::string_view text, std::string* lowered, std::vector<Tok>* out);

}  // namespace sitrep::timex
