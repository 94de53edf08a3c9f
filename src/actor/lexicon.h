// The actor lexicon: data/actors/*.tsv compiled into the library, parsed once on first use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actor/phrase_trie.h"

namespace sitrep::actor {

enum class EntryKind : uint8_t {
  kGroup,     // a named organization: groups.tsv
  kGeneric,   // a class of actors: generic.tsv
  kCountry,   // a country name or demonym: demonyms.tsv
  kForce,     // a state-force word: force_words.tsv
  kModifier,  // a word allowed between a demonym and a force word: modifiers.tsv
};

struct Country {
  std::string name;  // ACLED spelling, "United States"
  std::string iso3;
  bool takes_the = false;
  // "Military Forces of [the] <name>", "Police Forces of [the] <name>": the names actor mentions
  // of this country's forces view, made once here.
  std::string military_forces_of;
  std::string police_forces_of;
  // "<forces of> <Branch>" for each of Lexicon::branches, in its order: "Police Forces of Burkina
  // Faso Gendarmerie".
  std::vector<std::string> branch_forces_of;
};

// A branch of a country's forces named by force_words.tsv ("Gendarmerie" of the police).
struct ForceBranch {
  bool police = false;
  std::string name;
};

struct Entry {
  EntryKind kind = EntryKind::kGroup;
  bool case_sensitive = false;  // acronym: matches only without lower-case letters
  bool inner_capital = false;   // "LeT", "JeM": matches only with a capital after the first letter
  std::string actor;            // kGroup / kGeneric: the actor name
  int inter = 0;
  std::string iso3;             // kGroup: the group's country; kCountry: the country
  bool police = false;          // kForce: "Police Forces of X" instead of "Military Forces of X"
  bool bare = false;            // kForce: a mention without a country
  int branch = -1;              // kForce: index into Lexicon::branches, -1 for none
};

struct Lexicon {
  PhraseTrie trie;
  std::vector<Entry> entries;
  std::vector<Country> countries;
  std::vector<ForceBranch> branches;

  // The name of a country's forces: the branch's (`branch` >= 0) or the plain military/police.
  std::string_view ForcesOf(const Country& c, bool police, int branch) const {
    if (branch >= 0) return c.branch_forces_of[static_cast<size_t>(branch)];
    return police ? c.police_forces_of : c.military_forces_of;
  }
  // The index of the branch `name` of the police or military, or -1.
  int FindBranch(bool police, std::string_view name) const;

  // The country of `iso3`, or nullptr.
  const Country* FindCountry(std::string_view iso3) const;
  // Index into `countries` + 1 (0: none) of the first country of each three-capital code:
  // FindCountry is asked at every event role and actor mention, a scan of ~250 codes each.
  std::vector<uint16_t> iso3_index;
  void IndexCountries();
};

// The compiled-in lexicon. Thread-safe.
const Lexicon& GetLexicon();

// The embedded TSV texts, for the test that checks they match data/actors/.
std::string_view EmbeddedTsv(std::string_view file_name);

}  // namespace sitrep::actor
