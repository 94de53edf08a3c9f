// The casualty lexicon (data/casualty_lexicon.tsv, compiled in): phrases of lower-case tokens with
// the classes the quantities stage needs. Built once, shared read-only across threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::quantity {

enum LexClass : uint32_t {
  kNumber = 1u << 0,
  kScale = 1u << 1,
  kVagueAmount = 1u << 2,
  kQualifierWord = 1u << 3,
  kFate = 1u << 4,
  kVictim = 1u << 5,
  kGroup = 1u << 6,
  kNationality = 1u << 7,
  kUnit = 1u << 8,
  kMonth = 1u << 9,
  kToll = 1u << 10,
  kUpdate = 1u << 11,
  kSubtotal = 1u << 12,
  kAux = 1u << 13,
  kObject = 1u << 14,
};

// Fate roles: where the fate phrase stands relative to the count.
enum FateRole : uint8_t {
  kAfter = 1,         // P: "N were killed", "N died", "N dead"
  kBefore = 2,        // A: "killed N", "killing N"
  kNounAfter = 4,     // N: "N deaths", "N bodies"
  kNounOf = 8,        // O: "the deaths of N"
  kTollIsUpdate = 16, // toll value /U: the number after it supersedes ("fatalities coded as 3")
};

struct LexEntry {
  uint32_t classes = 0;
  int64_t number = 0;       // kNumber, kScale, kVagueAmount
  Qualifier qualifier = Qualifier::kExact;
  Fate fate = Fate::kKilled;  // kFate, kToll
  uint8_t roles = 0;          // kFate
  VictimCategory victim = VictimCategory::kUnknown;  // kVictim
  VictimCategory group = VictimCategory::kUnknown;   // kGroup
  QuantityKind unit = QuantityKind::kCount;          // kUnit
};

// One key of the lexicon's hash table (a phrase, or a first or last word of phrases).
struct LexSlot {
  uint64_t hash = 0;
  const LexEntry* entry = nullptr;  // the key's own entry, if it is a phrase of the lexicon
  uint32_t key_begin = 0;           // into Lexicon::keys_
  uint32_t key_len = 0;
  uint32_t first_classes = 0;  // union of the classes of the phrases starting with this word
  uint32_t last_classes = 0;   // same for the phrases ending with it
  uint8_t max_len_first = 0;   // longest phrase (in tokens) starting with this word
  uint8_t max_len_last = 0;    // longest phrase ending with this word
  bool used = false;
};

// Lower-cased token texts of one document, for phrase lookups.
struct TokenTexts {
  std::vector<std::string_view> lower;  // one per Document::tokens entry
  // Lexicon::Prepare: each token's own slot (nullptr when the word is no key), so the many
  // lookups at one token hash and compare it once per document.
  std::vector<const LexSlot*> slot;
  // Each token's word hash (Lexicon::Prepare), from which phrase hashes are folded.
  std::vector<uint64_t> hash;
  // quantity::PrepareNumbers: per token, what the number scanner may find there (NumberBits),
  // so most tokens are rejected without a lookup. ScanNumber needs it; Match* do not.
  std::vector<uint8_t> number;
};

class Lexicon {
 public:
  // Returns the shared lexicon (parsed on first use).
  static const Lexicon& Get();
  // Parses TSV text; bad lines are skipped and counted in *bad_lines.
  static Lexicon Parse(std::string_view tsv, int* bad_lines);

  // The longest phrase starting at token `i` (tokens [i, end)) whose entry has any class in
  // `mask`; sets *len to its token count. nullptr when none.
  const LexEntry* Match(const TokenTexts& t, size_t i, size_t end, uint32_t mask,
                        size_t* len) const {
    // Most calls fail on the first word's slot; that test is inline.
    if (i >= end) return nullptr;
    const Slot* first = t.slot[i];
    if (first == nullptr || (first->first_classes & mask) == 0) return nullptr;
    return MatchFrom(first, t, i, end, mask, len);
  }
  // The longest phrase ending at token `last` (not before `begin`) with a class in `mask`.
  const LexEntry* MatchEndingAt(const TokenTexts& t, size_t begin, size_t last, uint32_t mask,
                                size_t* len) const {
    if (last < begin) return nullptr;
    const Slot* final_word = t.slot[last];
    if (final_word == nullptr || (final_word->last_classes & mask) == 0) return nullptr;
    return MatchEndingFrom(final_word, t, begin, last, mask, len);
  }
  // Single-token lookup.
  const LexEntry* Word(std::string_view word) const;
  // The same for token `i` of prepared texts.
  const LexEntry* WordAt(const TokenTexts& t, size_t i) const {
    const LexSlot* s = t.slot[i];
    return s == nullptr ? nullptr : s->entry;
  }
  // Fills t->slot and t->hash from t->lower; every TokenTexts passed to Match* must be prepared.
  void Prepare(TokenTexts* t) const;
  // True for a word of class `thing` ("deal", "protest", "vehicle"). Kept out of the match
  // tables: only two rare readings ask, and every token of every text looks those tables up.
  bool IsThing(std::string_view word) const {
    return std::binary_search(things_.begin(), things_.end(), word);
  }
  size_t size() const { return entries_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // One open-addressing slot per distinct key (phrase, first word or last word), so a lookup
  // hashes the tokens in place: no joined string, one probe sequence (the hot path of the
  // quantities stage).
  using Slot = LexSlot;
  const LexEntry* MatchFrom(const Slot* first, const TokenTexts& t, size_t i, size_t end,
                            uint32_t mask, size_t* len) const;
  const LexEntry* MatchEndingFrom(const Slot* final_word, const TokenTexts& t, size_t begin,
                                  size_t last, uint32_t mask, size_t* len) const;
  void Freeze();
  // The slot of the phrase t.lower[i, i + len) joined by single spaces, whose hash is `hash`.
  const Slot* Lookup(uint64_t hash, const TokenTexts& t, size_t i, size_t len) const;
  const Slot* LookupWord(std::string_view word) const;
  // The slot of `word` whose WordHash is `hash`, or null.
  const Slot* LookupWord(uint64_t hash, std::string_view word) const;
  // Linear probe from `hash`: the first slot with that hash whose key `key_matches`, or null.
  template <typename KeyMatches>
  const Slot* Probe(uint64_t hash, KeyMatches key_matches) const;

  std::unordered_map<std::string, LexEntry, Hash, std::equal_to<>> entries_;
  // First word → longest phrase (in tokens) starting with it; last word → same for endings.
  // These two only feed Freeze.
  std::unordered_map<std::string, uint8_t, Hash, std::equal_to<>> max_len_first_;
  std::unordered_map<std::string, uint8_t, Hash, std::equal_to<>> max_len_last_;
  std::vector<std::string> things_;  // sorted
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  // Per slot: 0 when unused, else Tag(hash). Probes scan this small array (it stays in the L1
  // cache) and read a slot only when its tag matches.
  std::vector<uint32_t> tags_;
  std::string keys_;
  // One bit per FilterIndex of every key's hash: most tokens are no key, and this rejects them
  // without a probe (set in Freeze, so it has no false negatives).
  std::vector<uint64_t> filter_;
};

}  // namespace sitrep::quantity
