#include "actor/phrase_trie.h"

#include <algorithm>

#include "sitrep/text.h"

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

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// Writes the key of `token` at `out` (room for token.size() bytes); returns its length and
// sets `*hash` to its PhraseTrie::KeyHash.
size_t WriteTokenKey(std::string_view token, char* out, uint64_t* hash) {
  token = WithoutPossessive(token);
  size_t n = 0;
  uint64_t h = kFnvOffset;
  for (char c : token) {
    if (c == '.') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out[n++] = c;
    h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  }
  *hash = h;
  return n;
}

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
  size_t room = 0;
  for (const Token& t : doc.tokens) room += t.span.size();
  text_.resize(room);  // a key is never longer than its token
  begin_.resize(doc.tokens.size() + 1);
  begin_[0] = 0;
  hashes_.resize(doc.tokens.size());
  size_t n = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    n += WriteTokenKey(doc.Slice(doc.tokens[i].span), text_.data() + n, &hashes_[i]);
    begin_[i + 1] = static_cast<uint32_t>(n);
  }
  text_.resize(n);
}

const TokenKeys& ThreadTokenKeys(const Document& doc) {
  struct Cache {
    bool valid = false;
    std::string text;  // what `keys` were built from
    std::vector<Token> tokens;
    TokenKeys keys;
  };
  thread_local Cache cache;
  if (!cache.valid || cache.text != doc.text || cache.tokens != doc.tokens) {
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
  uint64_t h = kFnvOffset;
  for (unsigned char c : key) h = (h ^ c) * kFnvPrime;
  return h;
}

uint64_t PhraseTrie::EdgeHash(int32_t node, uint64_t key_hash) {
  // The key's hash mixed with the node (splitmix64's finalizer).
  uint64_t h = key_hash ^ (static_cast<uint64_t>(node) * 0x9e3779b97f4a7c15ull);
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

namespace {
inline uint16_t EdgeTag(uint64_t hash) { return static_cast<uint16_t>(hash >> 48) | 1u; }
}  // namespace

const PhraseTrie::Edge* PhraseTrie::FindEdge(uint64_t hash, int32_t node,
                                             std::string_view key) const {
  if (edges_.empty()) return nullptr;
  const size_t mask = edges_.size() - 1;
  const uint16_t tag = EdgeTag(hash);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    if (tags_[i] == 0) return nullptr;
    if (tags_[i] != tag) continue;
    const Edge& e = edges_[i];
    if (e.hash == hash && e.parent == node && e.key_len == key.size() &&
        std::string_view(keys_).substr(e.key_begin, e.key_len) == key) {
      return &e;
    }
  }
}

void PhraseTrie::InsertEdge(const Edge& edge) {
  const size_t mask = edges_.size() - 1;
  size_t i = edge.hash & mask;
  while (edges_[i].parent >= 0) i = (i + 1) & mask;
  edges_[i] = edge;
  tags_[i] = EdgeTag(edge.hash);
}

void PhraseTrie::Add(const std::vector<std::string>& keys, uint32_t value) {
  if (keys.empty()) return;
  int32_t node = kRoot;
  for (const std::string& key : keys) {
    const uint64_t hash = EdgeHash(node, KeyHash(key));
    if (const Edge* e = FindEdge(hash, node, key)) {
      node = e->child;
      continue;
    }
    if ((num_edges_ + 1) * 2 > edges_.size()) {
      std::vector<Edge> old(std::max<size_t>(64, edges_.size() * 2));
      old.swap(edges_);
      tags_.assign(edges_.size(), 0);
      for (const Edge& e : old) {
        if (e.parent >= 0) InsertEdge(e);
      }
    }
    Edge edge;
    edge.hash = hash;
    edge.parent = node;
    edge.child = static_cast<int32_t>(nodes_.size());
    edge.key_begin = static_cast<uint32_t>(keys_.size());
    edge.key_len = static_cast<uint32_t>(key.size());
    keys_ += key;
    InsertEdge(edge);
    ++num_edges_;
    nodes_.emplace_back();
    node = edge.child;
  }
  nodes_[node].values.push_back(value);
}

int32_t PhraseTrie::Child(int32_t node, std::string_view key, uint64_t key_hash) const {
  const Edge* e = FindEdge(EdgeHash(node, key_hash), node, key);
  return e == nullptr ? -1 : e->child;
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
