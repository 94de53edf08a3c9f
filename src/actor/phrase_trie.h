// A trie over token keys (lower-cased tokens, see TokenKey) for longest-match phrase lookup.
// Used by the actor and trigger lexicons. Immutable after building; lookups are thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::actor {

// The lookup key of a token: ASCII lower-cased, periods dropped ("U.S." → "us"), a possessive
// "'s" / "’s" stripped ("Iraq's" → "iraq"). Other bytes pass through.
std::string TokenKey(std::string_view token);

// Readable bytes after each key of a TokenKeys and of a PhraseTrie: a key of up to 16 bytes is
// compared as two eight-byte words, masked to its length.
inline constexpr size_t kKeyPadding = 8;

// Whether the `size` bytes at `a` and `b` are equal; both are keys followed by kKeyPadding
// readable bytes (whose values do not matter).
inline bool SamePaddedKey(const char* a, const char* b, size_t size) {
  if (size > 16) return std::memcmp(a, b, size) == 0;
  uint64_t a0, b0;
  std::memcpy(&a0, a, 8);
  std::memcpy(&b0, b, 8);
  if (size <= 8) {
    const uint64_t mask = size == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * size)) - 1;
    return ((a0 ^ b0) & mask) == 0;
  }
  uint64_t a1, b1;
  std::memcpy(&a1, a + 8, 8);
  std::memcpy(&b1, b + 8, 8);
  const uint64_t mask = size == 16 ? ~uint64_t{0} : (uint64_t{1} << (8 * (size - 8))) - 1;
  return a0 == b0 && ((a1 ^ b1) & mask) == 0;
}

// Appends TokenKey(token) to `out`.
void AppendTokenKey(std::string_view token, std::string* out);

// The TokenKey of every token of a document, in one buffer: a string per token costs a copy
// each and an allocation for long ones, at every stage that matches phrases.
class TokenKeys {
 public:
  TokenKeys() = default;
  explicit TokenKeys(const Document& doc) { Assign(doc); }
  // The keys of `doc`, in the buffers of the keys held before (no allocation once they are
  // large enough: a stage keeps one TokenKeys per thread for all the documents it reads).
  void Assign(const Document& doc);
  // Each key is followed by at least kKeyPadding readable bytes (PhraseTrie compares keys a
  // word at a time).
  std::string_view operator[](size_t i) const {
    return std::string_view(text_.data() + begin_[i], begin_[i + 1] - begin_[i]);
  }
  // PhraseTrie::KeyHash of key i.
  uint64_t hash(size_t i) const { return hashes_[i]; }
  // The hashes of all the keys, in token order.
  const uint64_t* hashes() const { return hashes_.data(); }
  size_t size() const { return begin_.empty() ? 0 : begin_.size() - 1; }

 private:
  std::string text_;             // the keys, then kKeyPadding bytes (16 while they are written)
  std::vector<uint32_t> begin_;  // token i's key is text_[begin_[i], begin_[i + 1])
  std::vector<uint64_t> hashes_;
};

// The keys of a phrase, tokenized like document text.
std::vector<std::string> PhraseKeys(std::string_view phrase);

// True when `phrase` is an acronym that must match in capitals: at most 5 letters once periods,
// digits and hyphens are dropped, and no lower-case letter ("IS", "U.S.", "M23", "ISIS-K").
bool IsCaseSensitiveAlias(std::string_view phrase);

// True for a one-word alias that begins with a capital and has another capital after a lower-case
// letter ("LeT", "JeM", "FAMa"): its lower-case spelling is a common word ("let"), so the text
// must write a capital after the first letter too ("LeT", "LET").
bool IsInnerCapitalAlias(std::string_view phrase);

// True when `surface` has an ASCII capital after its first byte.
bool HasInnerCapital(std::string_view surface);

// True when `surface` has no ASCII lower-case letter (ignoring a possessive "'s").
bool HasNoLowercase(std::string_view surface);

// Which tokens may start a phrase, from the keys' hashes (TokenKeys::hash, PhraseTrie::KeyHash):
// a phrase of one key where the token's key may be that key, a longer one where the token's key
// and the next one's may be its first two. A token that passes neither test starts no phrase.
// Most tokens that start a phrase's first key ("the", "in", "was", "to" open a few phrases
// each) start none of its phrases, being followed by another word: the trie's first step for
// them, and the second that fails, are skipped.
class PhraseStarts {
 public:
  PhraseStarts() : one_(kWords, 0), two_(kWords, 0) {}
  // Records a phrase of one key of hash `hash`.
  void AddOne(uint64_t hash) { Set(one_, OneBit(hash)); }
  // Records a longer phrase whose first two keys hash to `hash` and `next`.
  void AddPair(uint64_t hash, uint64_t next) { Set(two_, TwoBit(hash, next)); }
  // Whether a phrase may start at a token of key hash `hash` followed by a token (in its
  // sentence) of key hash `next`.
  bool MayStart(uint64_t hash, uint64_t next) const {
    return (Bit(one_, OneBit(hash)) | Bit(two_, TwoBit(hash, next))) != 0;
  }
  // Whether a phrase may start at a token of key hash `hash` that ends its sentence.
  bool MayStartLast(uint64_t hash) const { return Bit(one_, OneBit(hash)) != 0; }

 private:
  static constexpr int kBits = 16;  // bits of hash per test: 8 KB a table, about 1% passed in vain
  static constexpr size_t kWords = (size_t{1} << kBits) / 64;
  // The top bits of a key hash (its best mixed ones); of the pair, the next key's top bits with
  // the first key's mixed in.
  static size_t OneBit(uint64_t hash) { return hash >> (64 - kBits); }
  static size_t TwoBit(uint64_t hash, uint64_t next) {
    return (hash * 0x9e3779b97f4a7c15ull + next) >> (64 - kBits);
  }
  static void Set(std::vector<uint64_t>& table, size_t bit) {
    table[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  static uint64_t Bit(const std::vector<uint64_t>& table, size_t bit) {
    return (table[bit / 64] >> (bit % 64)) & 1;
  }
  std::vector<uint64_t> one_;  // bits of the one-key phrases' keys
  std::vector<uint64_t> two_;  // bits of the longer phrases' first two keys
};

class PhraseTrie {
 public:
  PhraseTrie();
  static constexpr int32_t kRoot = 0;

  // Adds `keys` → `value`. Empty phrases are ignored; so are phrases with a key longer than
  // kMaxKeyBytes and values past the kMaxValues-th of one phrase (no lexicon comes near: an
  // edge holds the key's length and the number of values in 16 bits each).
  static constexpr size_t kMaxKeyBytes = UINT16_MAX;
  static constexpr size_t kMaxValues = UINT16_MAX;
  void Add(const std::vector<std::string>& keys, uint32_t value);
  // The child of `node` under `key`, or -1.
  int32_t Child(int32_t node, std::string_view key) const {
    const Edge* e = FindEdge(EdgeHash(node, KeyHash(key)), node, key);
    return e != nullptr ? e->child : -1;
  }
  // The same for token `i` of `keys` (its KeyHash computed once per token for every node
  // asked).
  int32_t Child(int32_t node, const TokenKeys& keys, size_t i) const {
    const Edge* e = TokenEdge(node, keys, i);
    return e != nullptr ? e->child : -1;
  }
  // A step by a token: the child (-1 for none) and its values (Values(node)).
  struct Step {
    int32_t node = -1;
    std::span<const uint32_t> values;
  };
  // Child(node, keys, i) with the child's values, both read from the edge (the values looked up
  // by node after the step were another cache miss; so was the run of values_ the edge
  // pointed to, and most nodes with values have one, held in the edge itself).
  Step StepTo(int32_t node, const TokenKeys& keys, size_t i) const {
    const Edge* e = TokenEdge(node, keys, i);
    if (e == nullptr) return {};
    // (A select without a branch measured no faster, for 3M more instructions.)
    const uint32_t* const values = e->value_count == 1 ? &e->values : values_.data() + e->values;
    return {e->child, std::span<const uint32_t>(values, e->value_count)};
  }
  // The first token from `i` on (before `end`; `end` when none) whose key may step from the
  // root: Child(kRoot, keys, t) is -1 for every token passed over, whose hash no root edge
  // shares 16 bits with (root_filter_). Most tokens start no phrase: the stages pass over them
  // in this tight loop, with the filter in registers, instead of a lookup each among the stores
  // of their loop.
  size_t NextFromRoot(const TokenKeys& keys, size_t i, size_t end) const {
    const uint64_t* const hashes = keys.hashes();
    const uint64_t* const filter = root_filter_.data();
    while (i < end && !InRootFilter(filter, EdgeHash(kRoot, hashes[i]))) ++i;
    return i;
  }
  // The first token from `i` on (before `end`; `end` when none) where a phrase may start, one
  // that ends before `end`: none starts at a token passed over. Stricter than NextFromRoot: a
  // token with a root step also passes when it opens only longer phrases and the token after it
  // continues none of them ("the" before "village": "the army" is a phrase, "the" alone is
  // not): starts() tells, at the tokens NextFromRoot stops at.
  size_t NextPhraseStart(const TokenKeys& keys, size_t i, size_t end) const {
    const uint64_t* const hashes = keys.hashes();
    for (;; ++i) {
      i = NextFromRoot(keys, i, end);
      if (i == end) return end;
      if (i + 1 < end ? starts_.MayStart(hashes[i], hashes[i + 1])
                      : starts_.MayStartLast(hashes[i])) {
        return i;
      }
    }
  }
  // Which tokens may start a phrase of the trie.
  const PhraseStarts& starts() const { return starts_; }
  // A hash of the key's bytes, eight at a time (TokenKeys computes the same while folding).
  static uint64_t KeyHash(std::string_view key);
  // The values added at `node`, in the order added.
  std::span<const uint32_t> Values(int32_t node) const { return RunValues(runs_[node]); }
  // Nodes are numbered 0 (kRoot) to num_nodes() - 1.
  size_t num_nodes() const { return runs_.size(); }

 private:
  // The values of the run at values_[run]: its count, then the values.
  std::span<const uint32_t> RunValues(uint32_t run) const {
    return std::span<const uint32_t>(values_.data() + run + 1, values_[run]);
  }
  // Every edge (parent node, key) → child in one open-addressing table: a lookup is one hash
  // and usually one key compare (per-node hash maps cost a scan or a rehash of the key each).
  // A step reads one edge, in one half of a cache line: a key of up to 16 bytes and the child's
  // values (one value, or where they are) are held in the edge itself (the lookups of a
  // document's tokens missed the cache at the edge, then again at its key in keys_ and at the
  // child's values by node).
  struct alignas(32) Edge {
    // A key of up to 16 bytes, zero-padded; for a longer key (compared in keys_), its offset
    // in keys_ as a uint32_t.
    char key[16] = {};
    int32_t parent = -1;  // -1: empty slot
    int32_t child = -1;
    uint16_t key_len = 0;
    uint16_t value_count = 0;  // the child's number of values
    // The child's value when it has one, else the index in values_ of its first (runs_[child]
    // + 1).
    uint32_t values = 0;
  };
  static_assert(sizeof(Edge) == 32);
  // The bytes of the edge's key, followed by at least kKeyPadding readable bytes.
  const char* StoredKey(const Edge& e) const {
    if (e.key_len <= sizeof(e.key)) return e.key;
    uint32_t begin;
    std::memcpy(&begin, e.key, sizeof(begin));
    return keys_.data() + begin;
  }
  // The edge from `node` by token `i` of `keys`, or null. Inline: the stages ask it at every
  // token, and most tokens are no key: the first probe of the tag array ends the lookup, and
  // the key is read only at an edge whose tag matches.
  const Edge* TokenEdge(int32_t node, const TokenKeys& keys, size_t i) const {
    const uint64_t hash = EdgeHash(node, keys.hash(i));
    const uint8_t* const tags = tags_.data();
    const size_t mask = mask_;
    size_t s = hash & mask;
    // The first probe apart: most lookups end at an empty slot there, before the tag is made.
    if (tags[s] == 0) return nullptr;
    const uint8_t tag = EdgeTag(hash);
    for (;; s = (s + 1) & mask) {
      const uint8_t t = tags[s];
      if (t == 0) return nullptr;
      if (t != tag) continue;
      const Edge& e = edges_[s];
      if (e.parent != node) continue;
      const std::string_view key = keys[i];
      if (e.key_len == key.size() && SamePaddedKey(StoredKey(e), key.data(), key.size())) {
        return &e;
      }
    }
  }
  // The key's hash (well mixed already) with the node: the root's edges hash as their keys.
  static uint64_t EdgeHash(int32_t node, uint64_t key_hash) {
    return key_hash ^ (static_cast<uint64_t>(node) * 0x9e3779b97f4a7c15ull);
  }
  static uint8_t EdgeTag(uint64_t hash) { return static_cast<uint8_t>(hash >> 56) | 1u; }
  // A bit per value of bits 32-47 of an edge hash, set by the root's edges: a token whose bit
  // is clear takes no step from the root. (The slot index takes the low bits and the tag the
  // top ones: these say apart tokens those do not.)
  static constexpr size_t kRootFilterBits = size_t{1} << 16;
  static size_t RootFilterBit(uint64_t hash) { return (hash >> 32) & (kRootFilterBits - 1); }
  static bool InRootFilter(const uint64_t* filter, uint64_t hash) {
    const size_t bit = RootFilterBit(hash);
    return ((filter[bit / 64] >> (bit % 64)) & 1) != 0;
  }
  // The slot of the edge (node, key), or -1.
  ptrdiff_t FindSlot(uint64_t hash, int32_t node, std::string_view key) const;
  const Edge* FindEdge(uint64_t hash, int32_t node, std::string_view key) const {
    const ptrdiff_t slot = FindSlot(hash, node, key);
    return slot >= 0 ? &edges_[static_cast<size_t>(slot)] : nullptr;
  }
  size_t InsertEdge(const Edge& edge, uint64_t hash);  // returns its slot

  // Per node, its run of values in values_: the count, then the values in the order added.
  // values_[0] is the empty run of the nodes without values; a node given another value after
  // other nodes had theirs has its run copied to the end, the old one left unused.
  std::vector<uint32_t> runs_;
  std::vector<uint32_t> values_;
  std::vector<Edge> edges_;  // power-of-two size, at most a quarter full
  size_t mask_ = 0;          // edges_.size() - 1
  // Per edge slot: 0 when empty, else EdgeTag(hash). Probes scan this array, small enough to
  // stay in the L1 cache, and read an edge only on a matching tag (most tokens are no key).
  // A byte per slot: seven bits of hash leave one probe of an occupied slot in 128 to read an
  // edge in vain, and the arrays take half the cache two bytes took.
  std::vector<uint8_t> tags_;
  size_t num_edges_ = 0;
  std::string keys_;  // the edges' keys, then kKeyPadding bytes
  std::vector<uint64_t> root_filter_;  // kRootFilterBits bits (RootFilterBit of the root edges)
  PhraseStarts starts_;                // of the phrases added
};

// TokenKeys of `doc` in a buffer of the calling thread kept for the next call: the actor and
// trigger stages ask in turn for the same document, whose keys are then built once (the text
// and tokens are compared with those the keys were built from). Valid until the next call.
const TokenKeys& ThreadTokenKeys(const Document& doc);

// Whether `a` and `b` are the same tokens, compared as bytes: true only when they are equal (a
// false answer may still be for equal tokens, whose padding bytes differ).
bool SameTokens(std::span<const Token> a, std::span<const Token> b);

// Splits `line` at tabs.
std::vector<std::string_view> SplitTabs(std::string_view line);
// Splits at '|', trimming spaces; drops empty parts.
std::vector<std::string_view> SplitBars(std::string_view field);
// Calls `fn(fields)` for each non-empty, non-comment ('#') line of a TSV text.
template <typename Fn>
void ForEachTsvRow(std::string_view tsv, Fn fn) {
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(SplitTabs(line));
  }
}

}  // namespace sitrep::actor
