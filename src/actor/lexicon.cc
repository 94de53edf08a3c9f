// The actor lexicon. Its sources are data/actors/{groups,generic,force_words,modifiers,
// demonyms}.tsv, compiled in as raw string literals (src/actor/*_tsv.inc; actors_test checks they
// match the TSVs) so the library works from any working directory. After editing a TSV, from the
// repository root:
//   for f in groups generic force_words modifiers demonyms; do { echo 'R"sitrep_lexicon(';
//   cat data/actors/$f.tsv; echo ')sitrep_lexicon"'; } >src/actor/${f}_tsv.inc; done
// TODO(build): generate the .inc files from the TSVs in CMake instead.
#include "actor/lexicon.h"

#include <charconv>

namespace sitrep::actor {
namespace {

constexpr std::string_view kGroupsTsv =
#include "actor/groups_tsv.inc"
    ;
constexpr std::string_view kGenericTsv =
#include "actor/generic_tsv.inc"
    ;
constexpr std::string_view kForceWordsTsv =
#include "actor/force_words_tsv.inc"
    ;
constexpr std::string_view kModifiersTsv =
#include "actor/modifiers_tsv.inc"
    ;
constexpr std::string_view kDemonymsTsv =
#include "actor/demonyms_tsv.inc"
    ;

int ParseInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Adds `alias` and, when it has hyphens, its spaced and joined spellings.
void AddAlias(Lexicon& lex, std::string_view alias, const Entry& entry) {
  Entry e = entry;
  e.case_sensitive = IsCaseSensitiveAlias(alias);
  e.inner_capital = IsInnerCapitalAlias(alias);
  uint32_t id = static_cast<uint32_t>(lex.entries.size());
  lex.entries.push_back(e);
  std::vector<std::string> keys = PhraseKeys(alias);
  lex.trie.Add(keys, id);
  if (alias.find('-') != std::string_view::npos) {
    std::string spaced(alias), joined;
    for (char& c : spaced) {
      if (c == '-') c = ' ';
    }
    for (char c : alias) {
      if (c != '-') joined.push_back(c);
    }
    std::vector<std::string> spaced_keys = PhraseKeys(spaced);
    std::vector<std::string> joined_keys = PhraseKeys(joined);
    if (spaced_keys != keys) lex.trie.Add(spaced_keys, id);
    if (joined_keys != keys && joined_keys != spaced_keys) lex.trie.Add(joined_keys, id);
  }
}

Lexicon Build() {
  Lexicon lex;
  ForEachTsvRow(kDemonymsTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 4) return;
    Country& c = lex.countries.emplace_back();
    c.name = std::string(f[0]);
    c.iso3 = std::string(f[1]);
    c.takes_the = f[2] == "the";
    const std::string of = std::string(" of ") + (c.takes_the ? "the " : "") + c.name;
    c.military_forces_of = "Military Forces" + of;
    c.police_forces_of = "Police Forces" + of;
    Entry e;
    e.kind = EntryKind::kCountry;
    e.iso3 = std::string(f[1]);
    for (std::string_view alias : SplitBars(f[3])) AddAlias(lex, alias, e);
  });
  ForEachTsvRow(kGroupsTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return;
    Entry e;
    e.kind = EntryKind::kGroup;
    e.actor = std::string(f[0]);
    e.inter = ParseInt(f[2]);
    if (f.size() > 3) e.iso3 = std::string(f[3]);
    AddAlias(lex, f[0], e);
    for (std::string_view alias : SplitBars(f[1])) AddAlias(lex, alias, e);
  });
  ForEachTsvRow(kGenericTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return;
    Entry e;
    e.kind = EntryKind::kGeneric;
    e.actor = std::string(f[1]);
    e.inter = ParseInt(f[2]);
    AddAlias(lex, f[0], e);
  });
  ForEachTsvRow(kForceWordsTsv, [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return;
    Entry e;
    e.kind = EntryKind::kForce;
    e.inter = 1;
    e.police = f[1] == "police";
    e.bare = f[2] == "1";
    e.actor = e.police ? "Police Forces" : "Military Forces";
    if (f.size() > 3 && !f[3].empty()) {
      e.branch = lex.FindBranch(e.police, f[3]);
      if (e.branch < 0) {
        e.branch = static_cast<int>(lex.branches.size());
        lex.branches.push_back({e.police, std::string(f[3])});
      }
    }
    AddAlias(lex, f[0], e);
  });
  for (Country& c : lex.countries) {
    for (const ForceBranch& b : lex.branches) {
      c.branch_forces_of.push_back((b.police ? c.police_forces_of : c.military_forces_of) + " " +
                                   b.name);
    }
  }
  ForEachTsvRow(kModifiersTsv, [&](const std::vector<std::string_view>& f) {
    Entry e;
    e.kind = EntryKind::kModifier;
    AddAlias(lex, f[0], e);
  });
  lex.IndexCountries();
  return lex;
}

}  // namespace

int Lexicon::FindBranch(bool police, std::string_view name) const {
  for (size_t i = 0; i < branches.size(); ++i) {
    if (branches[i].police == police && branches[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Slot of a three-capital code ("IRQ") in Lexicon::iso3_index; -1 for any other string.
int Iso3Slot(std::string_view iso3) {
  if (iso3.size() != 3) return -1;
  int slot = 0;
  for (char c : iso3) {
    if (c < 'A' || c > 'Z') return -1;
    slot = slot * 26 + (c - 'A');
  }
  return slot;
}

}  // namespace

void Lexicon::IndexCountries() {
  iso3_index.assign(26 * 26 * 26, 0);
  for (size_t i = 0; i < countries.size() && i + 1 <= UINT16_MAX; ++i) {
    const int slot = Iso3Slot(countries[i].iso3);
    if (slot >= 0 && iso3_index[slot] == 0) iso3_index[slot] = static_cast<uint16_t>(i + 1);
  }
}

const Country* Lexicon::FindCountry(std::string_view iso3) const {
  const int slot = Iso3Slot(iso3);
  if (slot >= 0 && !iso3_index.empty() && countries.size() < UINT16_MAX) {
    const uint16_t k = iso3_index[slot];
    return k == 0 ? nullptr : &countries[k - 1];
  }
  for (const Country& c : countries) {
    if (c.iso3 == iso3) return &c;
  }
  return nullptr;
}

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = new Lexicon(Build());
  return *lexicon;
}

std::string_view EmbeddedTsv(std::string_view file_name) {
  if (file_name == "groups.tsv") return kGroupsTsv;
  if (file_name == "generic.tsv") return kGenericTsv;
  if (file_name == "force_words.tsv") return kForceWordsTsv;
  if (file_name == "modifiers.tsv") return kModifiersTsv;
  if (file_name == "demonyms.tsv") return kDemonymsTsv;
  return {};
}

}  // namespace sitrep::actor
