// The casualty lexicon is data/casualty_lexicon.tsv, compiled in as a raw string literal
// (casualty_lexicon_tsv.inc; quantity_test checks it matches the TSV). After editing the TSV,
// from the repository root:
//   { echo 'R"sitrep_lexicon('; cat data/casualty_lexicon.tsv; echo ')sitrep_lexicon"'; } >FILE
// with FILE = src/quantity/casualty_lexicon_tsv.inc.
// TODO(build): generate the .inc from the TSV in CMake instead.
#include "quantity/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "util/hash_bytes.h"

namespace sitrep::quantity {
namespace {

constexpr std::string_view kLexiconTsv =
#include "quantity/casualty_lexicon_tsv.inc"
    ;

bool ParseCategory(std::string_view s, VictimCategory* out) {
  if (s == "civilians") *out = VictimCategory::kCivilians;
  else if (s == "state_forces") *out = VictimCategory::kStateForces;
  else if (s == "non_state") *out = VictimCategory::kNonState;
  else if (s == "unknown") *out = VictimCategory::kUnknown;
  else return false;
  return true;
}

bool ParseFate(std::string_view s, Fate* out) {
  if (s == "killed") *out = Fate::kKilled;
  else if (s == "injured") *out = Fate::kInjured;
  else if (s == "detained") *out = Fate::kDetained;
  else if (s == "abducted") *out = Fate::kAbducted;
  else if (s == "missing") *out = Fate::kMissing;
  else if (s == "casualties") *out = Fate::kCasualties;
  else return false;
  return true;
}

// Applies one TSV line's class/value to `e`; false when malformed.
bool Apply(std::string_view cls, std::string_view value, LexEntry* e) {  // NOLINT
  auto number = [&](uint32_t bit) {
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || ptr != value.data() + value.size()) return false;
    e->number = v;
    e->classes |= bit;
    return true;
  };
  if (cls == "number") return number(kNumber);
  if (cls == "scale") return number(kScale);
  if (cls == "vague") return number(kVagueAmount);
  if (cls == "qualifier") {
    if (value == "at_least") e->qualifier = Qualifier::kAtLeast;
    else if (value == "more_than") e->qualifier = Qualifier::kMoreThan;
    else if (value == "at_most") e->qualifier = Qualifier::kAtMost;
    else if (value == "about") e->qualifier = Qualifier::kAbout;
    else if (value == "nearly") e->qualifier = Qualifier::kNearly;
    else if (value == "vague") e->qualifier = Qualifier::kVague;
    else return false;
    e->classes |= kQualifierWord;
    return true;
  }
  if (cls == "fate") {
    const size_t slash = value.find('/');
    if (slash == std::string_view::npos || !ParseFate(value.substr(0, slash), &e->fate)) {
      return false;
    }
    for (char c : value.substr(slash + 1)) {
      switch (c) {
        case 'P': e->roles |= kAfter; break;
        case 'A': e->roles |= kBefore; break;
        case 'N': e->roles |= kNounAfter; break;
        case 'O': e->roles |= kNounOf; break;
        default: return false;
      }
    }
    e->classes |= kFate;
    return true;
  }
  if (cls == "victim") {
    e->classes |= kVictim;
    return ParseCategory(value, &e->victim);
  }
  if (cls == "group") {
    e->classes |= kGroup;
    return ParseCategory(value, &e->group);
  }
  if (cls == "nationality") {
    e->classes |= kNationality;
    return true;
  }
  if (cls == "unit") {
    if (value == "money") e->unit = QuantityKind::kMoney;
    else if (value == "percent") e->unit = QuantityKind::kPercent;
    else if (value == "time") e->unit = QuantityKind::kTime;
    else if (value == "duration") e->unit = QuantityKind::kDuration;
    else if (value == "measure") e->unit = QuantityKind::kMeasure;
    else return false;
    e->classes |= kUnit;
    return true;
  }
  if (cls == "toll") {
    e->classes |= kToll;
    if (value.ends_with("/U")) {
      e->roles |= kTollIsUpdate;
      value.remove_suffix(2);
    }
    return ParseFate(value, &e->fate);
  }
  const std::pair<std::string_view, uint32_t> kFlags[] = {
      {"month", kMonth}, {"update", kUpdate}, {"subtotal", kSubtotal}, {"aux", kAux},
      {"object", kObject}};
  for (const auto& [name, bit] : kFlags) {
    if (cls == name) {
      e->classes |= bit;
      return true;
    }
  }
  return false;
}

}  // namespace

Lexicon Lexicon::Parse(std::string_view tsv, int* bad_lines) {
  Lexicon lex;
  *bad_lines = 0;
  while (!tsv.empty()) {
    const size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || t1 == 0) {
      ++*bad_lines;
      continue;
    }
    const std::string phrase(line.substr(0, t1));
    if (line.substr(t1 + 1, t2 - t1 - 1) == "thing") {
      lex.things_.push_back(phrase);
      continue;
    }
    LexEntry& e = lex.entries_[phrase];
    if (!Apply(line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1), &e)) ++*bad_lines;
    const uint8_t words =
        static_cast<uint8_t>(1 + std::count(phrase.begin(), phrase.end(), ' '));
    const std::string first = phrase.substr(0, phrase.find(' '));
    const std::string last = phrase.substr(phrase.rfind(' ') + 1);
    uint8_t& f = lex.max_len_first_[first];
    f = std::max(f, words);
    uint8_t& l = lex.max_len_last_[last];
    l = std::max(l, words);
  }
  std::sort(lex.things_.begin(), lex.things_.end());
  lex.Freeze();
  return lex;
}

namespace {

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// One 64×64→128-bit multiply, folded: the mixing step of the hashes below.
inline uint64_t Mix(uint64_t a, uint64_t b) {
  const unsigned __int128 m = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

// Hash of one word: its length and its first and last eight bytes (the whole word up to 16
// bytes), read as whole words instead of byte by byte; longer words that differ only in the
// middle share a hash and are told apart by the key compare. No byte outside the word is read.
inline uint64_t WordHash(std::string_view w) {
  const size_t n = w.size();
  const char* p = w.data();
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = Load64(p);
    b = Load64(p + n - 8);
  } else if (n >= 4) {
    a = Load32(p);
    b = Load32(p + n - 4);
  } else if (n > 0) {
    a = static_cast<unsigned char>(p[0]) | static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
  }
  return Mix(a ^ 0xa0761d6478bd642full, b ^ 0xe7037ed1a0b428dbull ^ (n << 56) ^ n);
}

// The hash of a phrase extended by one more word (whose WordHash is `word`).
inline uint64_t Extend(uint64_t phrase, uint64_t word) {
  return Mix(phrase ^ 0x8ebc6af09c88c6e3ull, word ^ 0x589965cc75374cc3ull);
}

// Hash of a key: its space-separated words folded in order, as a phrase of tokens is hashed.
uint64_t KeyHash(std::string_view key) {
  size_t sp = key.find(' ');
  uint64_t h = WordHash(key.substr(0, sp));
  while (sp != std::string_view::npos) {
    const size_t from = sp + 1;
    sp = key.find(' ', from);
    h = Extend(h, WordHash(key.substr(from, sp == std::string_view::npos ? sp : sp - from)));
  }
  return h;
}

// Hash of t.lower[i, i + len) joined by single spaces (the form of the lexicon's keys).
inline uint64_t HashPhrase(const TokenTexts& t, size_t i, size_t len) {
  uint64_t h = t.hash[i];
  for (size_t k = i + 1; k < i + len; ++k) h = Extend(h, t.hash[k]);
  return h;
}

// 16 bits of a key's hash, for Lexicon::filter_ (bits the slot index and tag use less).
inline size_t FilterIndex(uint64_t h) { return static_cast<size_t>(h >> 8) & 0xffff; }

inline uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }

inline size_t SlotIndex(uint64_t h, size_t mask) {
  return static_cast<size_t>((h ^ (h >> 29)) * 0x9e3779b97f4a7c15ull >> 17) & mask;
}

}  // namespace

void Lexicon::Freeze() {
  size_t keys = entries_.size() + max_len_first_.size() + max_len_last_.size();
  size_t size = 16;
  while (size < keys * 2) size *= 2;
  slots_.assign(size, Slot());
  keys_.clear();
  auto slot_for = [this](const std::string& key) -> Slot& {
    const uint64_t h = KeyHash(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = SlotIndex(h, mask);; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        s.used = true;
        s.hash = h;
        s.key_begin = static_cast<uint32_t>(keys_.size());
        s.key_len = static_cast<uint32_t>(key.size());
        keys_ += key;
        return s;
      }
      if (s.hash == h && std::string_view(keys_).substr(s.key_begin, s.key_len) == key) return s;
    }
  };
  for (const auto& [key, entry] : entries_) slot_for(key).entry = &entry;
  for (const auto& [key, n] : max_len_first_) slot_for(key).max_len_first = n;
  for (const auto& [key, n] : max_len_last_) slot_for(key).max_len_last = n;
  for (const auto& [key, entry] : entries_) {
    slot_for(key.substr(0, key.find(' '))).first_classes |= entry.classes;
    slot_for(key.substr(key.rfind(' ') + 1)).last_classes |= entry.classes;
  }
  tags_.assign(slots_.size(), 0);
  filter_.assign(0x10000 / 64, 0);
  for (size_t k = 0; k < slots_.size(); ++k) {
    if (!slots_[k].used) continue;
    tags_[k] = Tag(slots_[k].hash);
    const size_t f = FilterIndex(slots_[k].hash);
    filter_[f >> 6] |= uint64_t{1} << (f & 63);
  }
}

void Lexicon::Prepare(TokenTexts* t) const {
  const size_t n = t->lower.size();
  t->slot.resize(n);
  t->hash.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t h = WordHash(t->lower[i]);
    t->hash[i] = h;
    t->slot[i] = LookupWord(h, t->lower[i]);
  }
}

template <typename KeyMatches>
const Lexicon::Slot* Lexicon::Probe(uint64_t hash, KeyMatches key_matches) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = Tag(hash);
  for (size_t k = SlotIndex(hash, mask);; k = (k + 1) & mask) {
    if (tags_[k] == 0) return nullptr;
    if (tags_[k] != tag) continue;
    const Slot& s = slots_[k];
    if (s.hash == hash && key_matches(s)) return &s;
  }
}

const Lexicon::Slot* Lexicon::Lookup(uint64_t hash, const TokenTexts& t, size_t i,
                                     size_t len) const {
  return Probe(hash, [&](const Slot& s) {
    // Compare the key with the tokens and their separating spaces.
    const char* key = keys_.data() + s.key_begin;
    size_t left = s.key_len;
    bool same = true;
    for (size_t w = i; w < i + len && same; ++w) {
      if (w > i) {
        if (left == 0 || *key != ' ') {
          same = false;
          break;
        }
        ++key;
        --left;
      }
      const std::string_view word = t.lower[w];
      if (word.size() > left || std::memcmp(key, word.data(), word.size()) != 0) same = false;
      key += word.size();
      left -= std::min(left, word.size());
    }
    return same && left == 0;
  });
}

inline const Lexicon::Slot* Lexicon::LookupWord(uint64_t hash, std::string_view word) const {
  const size_t f = FilterIndex(hash);
  if ((filter_[f >> 6] >> (f & 63) & 1) == 0) return nullptr;
  return Probe(hash, [&](const Slot& s) {
    return s.key_len == word.size() &&
           SameBytes(keys_.data() + s.key_begin, word.data(), word.size());
  });
}

const Lexicon::Slot* Lexicon::LookupWord(std::string_view word) const {
  return LookupWord(WordHash(word), word);
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* const kLexicon = [] {
    int bad = 0;
    return new Lexicon(Parse(kLexiconTsv, &bad));
  }();
  return *kLexicon;
}

const LexEntry* Lexicon::Word(std::string_view word) const {
  const Slot* s = LookupWord(word);
  return s == nullptr ? nullptr : s->entry;
}

const LexEntry* Lexicon::MatchFrom(const Slot* first, const TokenTexts& t, size_t i, size_t end,
                                   uint32_t mask, size_t* len) const {
  // A phrase of n tokens can be a key only when its last token ends some phrase of `mask`
  // (tokens hold no space, so the key's last word is that token): most lengths are ruled
  // out without hashing or probing.
  const auto may_end = [&](size_t n) {
    const Slot* s = t.slot[i + n - 1];
    return s != nullptr && (s->last_classes & mask) != 0;
  };
  size_t longest = std::min<size_t>(first->max_len_first, end - i);
  while (longest > 1 && !may_end(longest)) --longest;
  // Hashes of the phrases t.lower[i, i + n) for n = 1..longest, in one pass.
  uint64_t hashes[256];
  hashes[0] = first->hash;
  for (size_t n = 1; n < longest; ++n) hashes[n] = Extend(hashes[n - 1], t.hash[i + n]);
  for (size_t n = longest; n >= 1; --n) {
    if (n > 1 && !may_end(n)) continue;
    const Slot* s = n == 1 ? first : Lookup(hashes[n - 1], t, i, n);
    const LexEntry* e = s == nullptr ? nullptr : s->entry;
    if (e != nullptr && (e->classes & mask) != 0) {
      *len = n;
      return e;
    }
  }
  return nullptr;
}

const LexEntry* Lexicon::MatchEndingFrom(const Slot* final_word, const TokenTexts& t,
                                         size_t begin, size_t last, uint32_t mask,
                                         size_t* len) const {
  for (size_t n = std::min<size_t>(final_word->max_len_last, last - begin + 1); n >= 1; --n) {
    // (the same test on the phrase's first token as in MatchFrom)
    if (n > 1) {
      const Slot* f = t.slot[last + 1 - n];
      if (f == nullptr || (f->first_classes & mask) == 0) continue;
    }
    const Slot* s =
        n == 1 ? final_word : Lookup(HashPhrase(t, last + 1 - n, n), t, last + 1 - n, n);
    const LexEntry* e = s == nullptr ? nullptr : s->entry;
    if (e != nullptr && (e->classes & mask) != 0) {
      *len = n;
      return e;
    }
  }
  return nullptr;
}

}  // namespace sitrep::quantity
