#include "actor/phrase_trie.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sitrep/text.h"
#include "util/prefetch.h"

namespace sitrep::actor {

namespace {

// Possessive: "'s" or "’s" (U+2019 is E2 80 99) at the end is not part of the key.
std::string_view WithoutPossessive(std::string_view token) {
  if (token.size() > 2 && (token.back() == 's' || token.back() == 'S')) {
    std::string_view head = token.substr(0, token.size() - 1);
    if (head.back() == '\'') {
      token = head.substr(0, head.size() - 1);
    } else if (head.size() > 3 && head.substr(head.size() - 3) == "\xE2\x80\x99") {
      token = head.substr(0, head.size() - 3);
    }
  }
  return token;
}

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The bytes of `w` with A-Z lower-cased, eight at a time (every other byte kept).
constexpr uint64_t LowerAscii8(uint64_t w) {
  const uint64_t low7 = w & ~kHighBits;                    // no carry between bytes below
  const uint64_t from_a = low7 + (0x80 - 'A') * kOnes;     // high bit: byte >= 'A'
  const uint64_t past_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit: byte > 'Z'
  return w | (((from_a ^ past_z) & ~w & kHighBits) >> 2);
}

// KeyHash in steps: the length, then each eight-byte chunk (little-endian, zero-padded). Each
// chunk is multiplied and its high half folded into its low half (the slot index reads the low
// bits, the root filter and the tag the high ones). No finishing round after the last chunk: its
// multiply per token of every document cost more than the probes it saved.
constexpr uint64_t HashStart(size_t length) { return length * 0x9e3779b97f4a7c15ull; }
constexpr uint64_t HashChunk(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * 0xd6e8feb86659fd93ull;
  return h ^ (h >> 32);
}

// Writes the key of `token` at `out` (room for token.size() bytes); returns its length and
// sets `*hash` to its PhraseTrie::KeyHash.
size_t WriteTokenKey(std::string_view token, char* out, uint64_t* hash) {
  token = WithoutPossessive(token);
  size_t n = 0;
  for (char c : token) {
    if (c == '.') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out[n++] = c;
  }
  *hash = PhraseTrie::KeyHash(std::string_view(out, n));
  return n;
}

// The key of a one-byte token, by its byte: the byte lower-cased (a period's key is empty, and
// the byte written for it is not counted), and the key's hash. Tables: half the tokens of a text
// are one byte (punctuation, "a"), and lower-casing and hashing each cost some forty
// instructions.
constexpr std::array<char, 256> kOneByteKey = [] {
  std::array<char, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<char>(LowerAscii8(static_cast<uint64_t>(b)));
  return t;
}();
constexpr std::array<uint64_t, 256> kOneByteHash = [] {
  std::array<uint64_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    t[b] = b == '.' ? HashStart(0) : HashChunk(HashStart(1), LowerAscii8(b));
  }
  return t;
}();

#if defined(__SSE2__)
// 16 bytes 0xFF, then 16 bytes 0: 16 bytes loaded at kKeepWindow + 16 - n keep the low n bytes.
alignas(32) constexpr unsigned char kKeepWindow[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

// The key of a token of up to 16 bytes with no period and no possessive, which is its bytes
// lower-cased: written at `out` as one 16-byte block (room for 16 bytes), its hash returned.
// `src` must be readable for 16 bytes; false (nothing done) for any other token. One SSE2
// register holds the token: the byte tests and lower-casing of two scalar words cost about
// twice the instructions. Tokens of one byte too, and no branch on the token's size or last
// bytes: a key table for one-byte tokens and tests of the size and of a possessive's bytes
// were branches taken one way or the other from token to token.
bool WriteShortTokenKey(const char* src, size_t size, char* out, uint64_t* hash) {
  if (size - 1 >= 16) return false;  // (0 bytes wraps around)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src));
  v = _mm_and_si128(v, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepWindow + 16 - size)));
  // A period anywhere, or an "s"/"S" last after an apostrophe (' or the last byte of ’) that
  // is not the first byte (MayEndInPossessive): the bytes are not the key.
  const unsigned dots =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('.'))));
  const unsigned esses = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('s'))));
  const unsigned apostrophes = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0x99))))));
  const unsigned possessive = esses & ((apostrophes & ~1u) << 1) & (1u << (size - 1));
  if ((dots | possessive) != 0) return false;
  // A-Z moved to -128..-103 (signed), where no other byte lands: those bytes get 0x20.
  const __m128i moved = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'A')));
  const __m128i upper = _mm_cmplt_epi8(moved, _mm_set1_epi8(static_cast<char>(0x80 + 26)));
  v = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
  const uint64_t lo = static_cast<uint64_t>(_mm_cvtsi128_si64(v));
  const uint64_t hi = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)));
  // Both hashes, the one of the size taken (KeyHash: one chunk up to 8 bytes, two past).
  const uint64_t one_chunk = HashChunk(HashStart(size), lo);
  const uint64_t two_chunks = HashChunk(one_chunk, hi);
  *hash = size <= 8 ? one_chunk : two_chunks;
  return true;
}
#else
// True when a token of `size` bytes at `src` ends in a possessive "'s" or "’s" (E2 80 99 73):
// WithoutPossessive decides its key.
inline bool MayEndInPossessive(const char* src, size_t size) {
  return size > 2 && (src[size - 1] == 's' || src[size - 1] == 'S') &&
         (src[size - 2] == '\'' || src[size - 2] == '\x99');
}

// True when a byte of `w` is `c`.
inline bool HasByte(uint64_t w, char c) {
  const uint64_t x = w ^ (static_cast<unsigned char>(c) * kOnes);
  return ((x - kOnes) & ~x & kHighBits) != 0;
}

// The key of a token of up to 16 bytes with no period and no possessive, which is its bytes
// lower-cased: written at `out` as whole words (room for 16 bytes), its hash returned.
// `src` must be readable for 16 bytes; false (nothing done) for any other token.
bool WriteShortTokenKey(const char* src, size_t size, char* out, uint64_t* hash) {
  if (size == 0 || size > 16 || MayEndInPossessive(src, size)) return false;
  // The low `n` bytes of a word (a table: a variable shift and a subtraction cost more).
  static constexpr std::array<uint64_t, 9> kLowBytes = [] {
    std::array<uint64_t, 9> t{};
    for (size_t n = 0; n < 8; ++n) t[n] = (uint64_t{1} << (8 * n)) - 1;
    t[8] = ~uint64_t{0};
    return t;
  }();
  uint64_t lo;
  std::memcpy(&lo, src, 8);
  if (size <= 8) {  // most tokens: one word
    lo &= kLowBytes[size];
    if (HasByte(lo, '.')) return false;
    lo = LowerAscii8(lo);
    std::memcpy(out, &lo, 8);
    *hash = HashChunk(HashStart(size), lo);
    return true;
  }
  uint64_t hi;
  std::memcpy(&hi, src + 8, 8);
  hi &= kLowBytes[size - 8];
  if (HasByte(lo, '.') || HasByte(hi, '.')) return false;
  lo = LowerAscii8(lo);
  hi = LowerAscii8(hi);
  std::memcpy(out, &lo, 8);
  std::memcpy(out + 8, &hi, 8);
  *hash = HashChunk(HashChunk(HashStart(size), lo), hi);
  return true;
}

#endif

}  // namespace

void AppendTokenKey(std::string_view token, std::string* out) {
  const size_t n = out->size();
  out->resize(n + token.size());
  uint64_t hash = 0;
  out->resize(n + WriteTokenKey(token, out->data() + n, &hash));
}

std::string TokenKey(std::string_view token) {
  std::string key;
  AppendTokenKey(token, &key);
  return key;
}

void TokenKeys::Assign(const Document& doc) {
  // Plain pointers: the key writes go through char*, which may alias any member, so the
  // compiler would reload every vector's bounds after each write.
  const Token* const tokens = doc.tokens.data();
  const size_t count = doc.tokens.size();
  const char* const text = doc.text.data();
  const size_t text_size = doc.text.size();
  // The document's tokens, text and sentences are asked from memory at once: this is the first
  // stage to read them since the stages before, and the loops below waited on their lines in
  // turn (the text's, key after key); the actor and trigger stages read them next.
  constexpr size_t kAhead = 4096;
  util::PrefetchLines(tokens, count * sizeof(Token), kAhead);
  util::PrefetchLines(text, text_size, kAhead);
  util::PrefetchLines(doc.sentences.data(), doc.sentences.size() * sizeof(Sentence), kAhead);
  // A key is never longer than its token; 16 bytes of room past the last for whole-word writes.
  size_t room = 16;
  for (size_t i = 0; i < count; ++i) room += tokens[i].span.size();
  text_.resize(room);
  begin_.resize(count + 1);
  hashes_.resize(count);
  char* const out = text_.data();
  uint32_t* const begin = begin_.data();
  uint64_t* const hashes = hashes_.data();
  size_t n = 0;
  begin[0] = 0;
  for (size_t i = 0; i < count; ++i) {
    const Span span = tokens[i].span;
    if (span.begin + 16 <= text_size &&
        WriteShortTokenKey(text + span.begin, span.size(), out + n, &hashes[i])) {
      n += span.size();  // most tokens
    } else if (span.size() == 1) {
      // One byte: a period (whose key is empty), or a byte near the end of the text.
      const unsigned char c = static_cast<unsigned char>(text[span.begin]);
      out[n] = kOneByteKey[c];
      n += c != '.';
      hashes[i] = kOneByteHash[c];
    } else {
      n += WriteTokenKey(std::string_view(text + span.begin, span.size()), out + n, &hashes[i]);
    }
    begin[i + 1] = static_cast<uint32_t>(n);
  }
  text_.resize(n + kKeyPadding);  // (room >= n + 16)
}

bool SameTokens(std::span<const Token> a, std::span<const Token> b) {
  // Equal bytes are equal tokens. Unequal bytes may still be equal tokens (their padding can
  // differ): then the keys are only built again. A compare of every field cost ten times more.
  static_assert(std::is_trivially_copyable_v<Token>);
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size_bytes()) == 0);
}

const TokenKeys& ThreadTokenKeys(const Document& doc) {
  struct Cache {
    bool valid = false;
    std::string text;  // what `keys` were built from
    std::vector<Token> tokens;
    TokenKeys keys;
  };
  thread_local Cache cache;
  if (!cache.valid || cache.text != doc.text || !SameTokens(cache.tokens, doc.tokens)) {
    cache.valid = false;
    cache.keys.Assign(doc);
    cache.text.assign(doc.text);
    cache.tokens.assign(doc.tokens.begin(), doc.tokens.end());
    cache.valid = true;
  }
  return cache.keys;
}

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  std::vector<Token> tokens;
  Tokenize(phrase, &tokens);
  std::vector<std::string> keys;
  for (const Token& t : tokens) {
    std::string key = TokenKey(phrase.substr(t.span.begin, t.span.size()));
    if (!key.empty()) keys.push_back(std::move(key));
  }
  return keys;
}

bool IsCaseSensitiveAlias(std::string_view phrase) {
  int letters = 0;
  for (char c : phrase) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == ' ') return false;
  }
  return letters > 0 && letters <= 5;
}

bool IsInnerCapitalAlias(std::string_view phrase) {
  if (phrase.empty() || phrase[0] < 'A' || phrase[0] > 'Z') return false;
  bool lower_seen = false;
  for (char c : phrase) {
    if (c == ' ' || c == '-') return false;
    if (c >= 'a' && c <= 'z') lower_seen = true;
    if (c >= 'A' && c <= 'Z' && lower_seen) return true;
  }
  return false;
}

bool HasInnerCapital(std::string_view surface) {
  for (size_t i = 1; i < surface.size(); ++i) {
    if (surface[i] >= 'A' && surface[i] <= 'Z') return true;
  }
  return false;
}

bool HasNoLowercase(std::string_view surface) {
  if (surface.size() > 2 && surface.back() == 's' &&
      (surface[surface.size() - 2] == '\'' || surface[surface.size() - 2] == '\x99')) {
    surface.remove_suffix(1);
  }
  for (char c : surface) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

uint64_t PhraseTrie::KeyHash(std::string_view key) {
  uint64_t h = HashStart(key.size());
  for (size_t i = 0; i < key.size(); i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, key.data() + i, std::min<size_t>(8, key.size() - i));
    h = HashChunk(h, chunk);
  }
  return h;
}

PhraseTrie::PhraseTrie()
    : runs_(1, 0),
      values_(1, 0),
      edges_(64),
      mask_(63),
      tags_(64, 0),
      keys_(kKeyPadding, '\0'),
      root_filter_(kRootFilterBits / 64, 0) {}

ptrdiff_t PhraseTrie::FindSlot(uint64_t hash, int32_t node, std::string_view key) const {
  const uint8_t tag = EdgeTag(hash);
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    if (tags_[i] == 0) return -1;
    if (tags_[i] != tag) continue;
    const Edge& e = edges_[i];
    if (e.parent == node && e.key_len == key.size() &&
        std::string_view(StoredKey(e), e.key_len) == key) {
      return static_cast<ptrdiff_t>(i);
    }
  }
}

size_t PhraseTrie::InsertEdge(const Edge& edge, uint64_t hash) {
  size_t i = hash & mask_;
  while (edges_[i].parent >= 0) i = (i + 1) & mask_;
  edges_[i] = edge;
  tags_[i] = EdgeTag(hash);
  return i;
}

void PhraseTrie::Add(const std::vector<std::string>& keys, uint32_t value) {
  if (keys.empty()) return;
  for (const std::string& key : keys) {
    if (key.size() > kMaxKeyBytes) return;
  }
  if (keys.size() == 1) {
    starts_.AddOne(KeyHash(keys[0]));
  } else {
    starts_.AddPair(KeyHash(keys[0]), KeyHash(keys[1]));
  }
  int32_t node = kRoot;
  size_t slot = 0;  // of the edge into `node`
  for (const std::string& key : keys) {
    const uint64_t hash = EdgeHash(node, KeyHash(key));
    if (const ptrdiff_t found = FindSlot(hash, node, key); found >= 0) {
      slot = static_cast<size_t>(found);
      node = edges_[slot].child;
      continue;
    }
    if ((num_edges_ + 1) * 4 > edges_.size()) {
      std::vector<Edge> old(edges_.size() * 2);
      old.swap(edges_);
      mask_ = edges_.size() - 1;
      tags_.assign(edges_.size(), 0);
      for (const Edge& e : old) {
        if (e.parent < 0) continue;
        const std::string_view k(StoredKey(e), e.key_len);
        InsertEdge(e, EdgeHash(e.parent, KeyHash(k)));
      }
    }
    Edge edge;
    edge.parent = node;
    edge.child = static_cast<int32_t>(runs_.size());
    keys_.resize(keys_.size() - kKeyPadding);  // the padding after the last key
    const uint32_t key_begin = static_cast<uint32_t>(keys_.size());
    edge.key_len = static_cast<uint16_t>(key.size());
    if (key.size() <= sizeof(edge.key)) {
      std::memcpy(edge.key, key.data(), key.size());
    } else {
      std::memcpy(edge.key, &key_begin, sizeof(key_begin));
    }
    keys_ += key;
    keys_.append(kKeyPadding, '\0');
    slot = InsertEdge(edge, hash);
    if (node == kRoot) {
      const size_t bit = RootFilterBit(hash);
      root_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    ++num_edges_;
    runs_.push_back(0);  // the empty run
    node = edge.child;
  }
  // The node's run stays whole: copied to the end first unless it is there already.
  uint32_t run = runs_[static_cast<size_t>(node)];
  const uint32_t count = values_[run];
  if (count == kMaxValues) return;
  if (run == 0 || run + 1 + count != values_.size()) {
    const uint32_t moved = static_cast<uint32_t>(values_.size());
    values_.push_back(count);
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t v = values_[run + 1 + k];
      values_.push_back(v);
    }
    run = moved;
    runs_[static_cast<size_t>(node)] = run;
  }
  values_.push_back(value);
  ++values_[run];
  Edge& into = edges_[slot];
  into.value_count = static_cast<uint16_t>(values_[run]);
  into.values = into.value_count == 1 ? value : run + 1;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(pos));
      return out;
    }
    out.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

std::vector<std::string_view> SplitBars(std::string_view field) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= field.size()) {
    size_t bar = field.find('|', pos);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view part = field.substr(pos, bar - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.push_back(part);
    pos = bar + 1;
  }
  return out;
}

}  // namespace sitrep::actor
