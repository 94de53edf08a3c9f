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
};

// Every timex match holds a number or a time word within its first kCandidateWindow tokens.
constexpr size_t kCandidateWindow = 6;

// Tokenizes `text`; `lowered` receives the ASCII-lowercased copy of `text` (the same byte
// offsets as the tokens' begin/end; 16 NUL bytes follow the text in it). Linear time; never reads past
// `text`.
void LexTimex(std::string_view text, std::string* lowered, std::vector<Tok>* out);

}  // namespace sitrep::timex
