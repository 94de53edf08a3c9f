// A trie over token keys (lower-cased tokens, see TokenKey) for longest-match phrase lookup.
// Used by the actor and trigger lexicons. Immutable after building; lookups are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/document.h"

namespace sitrep::actor {

// The lookup key of a token: ASCII lower-cased, periods dropped ("U.S." → "us"), a possessive
// "'s" / "’s" stripped ("Iraq's" → "iraq"). Other bytes pass through.
std::string TokenKey(std::string_view token);

// The keys of a phrase, tokenized like document text.
std::vector<std::string> PhraseKeys(std::string_view phrase);

// True when `phrase` is an acronym that must match in capitals: at most 5 letters once periods,
// digits and hyphens are dropped, and no lower-case letter ("IS", "U.S.", "M23", "ISIS-K").
bool IsCaseSensitiveAlias(std::string_view phrase);

// True when `surface` has no ASCII lower-case letter (ignoring a possessive "'s").
bool HasNoLowercase(std::string_view surface);

class PhraseTrie {
 public:
  PhraseTrie() : nodes_(1) {}
  static constexpr int32_t kRoot = 0;

  // Adds `keys` → `value`. Empty phrases are ignored.
  void Add(const std::vector<std::string>& keys, uint32_t value);
  // The child of `node` under `key`, or -1.
  int32_t Child(int32_t node, std::string_view key) const;
  const std::vector<uint32_t>& Values(int32_t node) const { return nodes_[node].values; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Node {
    std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> children;
    std::vector<uint32_t> values;
  };
  std::vector<Node> nodes_;
};

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
