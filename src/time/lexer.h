// Word/number/punctuation tokens for the timex scanner. Deliberately independent of the
// segmenter in src/text: the timex grammar wants "5am" as 5 + "am", "mid-June" as mid - June,
// and "a.m." as a . m . — and it must not shift when the segmenter's rules change.
#pragma once

#include <cstdint>
#include <span>
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
// offsets as the tokens' begin/end; the first byte of a wide punctuation mark replaced by its
// ASCII stand-in, Tok::ch, so that every token's kind and punctuation char show in its first
// lowered byte; kLoweredPadding NUL bytes follow the text in it, and it is never shrunk: bytes
// after the padding may be left from a longer earlier text). Linear
// time; never reads past `text`. Finds token boundaries 64 bytes at a time with bit masks.
// `candidates`, when given, receives the indexes of the candidate tokens in increasing order.
void LexTimex(std::string_view text, std::string* lowered, std::vector<Tok>* out,
              std::vector<uint32_t>* candidates = nullptr);

// The tokens of one text as columns, filled by LexTimexInto. The scanner reads few fields of
// few tokens (about 26 of 434 per news document): the lexer stores per token its offsets, its
// first lowered byte (its kind, and a punctuation token's char) and (in bulk) zero readings;
// glued and capital follow from the offsets and the text, and only the words that may be time
// or starter words are looked up, only numbers' values parsed. The columns only grow (reused
// from one text to the next); entries past `count` are left from earlier texts.
struct TokenTable {
  size_t count = 0;
  std::vector<uint32_t> begin, end;  // byte offsets
  // The first byte in the lowered copy: a word's (IsWordStart), a number's (IsNumberStart), or
  // a punctuation token's char (Tok::ch).
  std::vector<uint8_t> first;
  // Words: ClassifyTimeWord, SmallNumberWord and WordId of the lowered word (in one store);
  // zero for other tokens.
  struct alignas(4) Reading {
    uint8_t cls, number, word;
  };
  std::vector<Reading> reading;
  // Numbers: value (-1 over 9 digits) and digit count; left from earlier texts at other tokens.
  std::vector<int32_t> num;
  std::vector<uint8_t> digits;
  // The candidate tokens, in increasing order: the first candidate_count entries of
  // candidate_slots, which only grows (the lexer lists them into it in place, not into a
  // buffer then copied: the copy's loads would span the listing's stores and wait for them).
  std::vector<uint32_t> candidate_slots;
  size_t candidate_count = 0;
  std::span<const uint32_t> candidates() const { return {candidate_slots.data(), candidate_count}; }
  std::vector<uint32_t> time_words;  // the time-word tokens (kTimeWord), then UINT32_MAX

  // Token k of `text` as a Tok (`candidate` false: they are listed).
  Tok At(std::string_view text, size_t k) const;
};

// Is the lowered byte c the first of a word token (a letter or a byte >= 0x80: a wide mark
// begins with its ASCII stand-in in the lowered copy), of a number token? Else c begins a
// punctuation token and is its char.
inline bool IsWordStart(uint8_t c) { return static_cast<uint8_t>(c - 'a') < 26 || c >= 0x80; }
inline bool IsNumberStart(uint8_t c) { return static_cast<uint8_t>(c - '0') < 10; }

// Tokenizes `text` into `table` (as LexTimex; the same lowered copy).
void LexTimexInto(std::string_view text, std::string* lowered, TokenTable* table);

// The columns of `toks`, lexed from `lowered` (candidates from Tok::candidate): the reference
// scanner's table.
void TokenTableOf(const std::vector<Tok>& toks, std::string_view lowered, TokenTable* table);

// The vector width LexTimex classifies bytes with: 2 AVX2 (when the CPU has it with BMI1/2 and
// POPCNT, checked at run time; the whole lexer is then compiled for them), 3 the same with
// AVX-512 F, BW, VBMI and VBMI2 (token offsets by byte compression, the words to look up by
// byte permutes; callgrind's CPU has none, so profiles run level 2), 1 SSE2, 0 one byte at a
// time. Every level gives the same tokens.
int LexTimexSimdLevel();
// For tests: selects a level (clamped to 0..the best the CPU has); returns the previous one.
// Not thread-safe: call it before lexing on other threads.
int SetLexTimexSimdLevel(int level);

// The byte-at-a-time tokenizer LexTimex replaced: the same tokens, kept as the reference the
// tests and the timex fuzzer compare LexTimex with.
void LexTimexReference(std::string_view text, std::string* lowered, std::vector<Tok>* out);

}  // namespace sitrep::timex
