// Private to the places layer: the recognizer's candidates, handed to the resolver.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/place_lexicon.h"
#include "sitrep/pipeline.h"
#include "sitrep/places.h"

namespace sitrep::places_internal {

// `w` equals the literal: a size test and a compare of known length, inlined (a string_view's
// == calls compare for each of the many word tests of recognition).
template <size_t N>
[[gnu::always_inline]] inline bool Eq(std::string_view w, const char (&lit)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

// `w` ends with the literal: as Eq, a size test and a compare of known length, inlined
// (string_view's ends_with of a C string is a call, with a strlen).
template <size_t N>
[[gnu::always_inline]] inline bool EndsWithLit(std::string_view w, const char (&lit)[N]) {
  return w.size() >= N - 1 && std::memcmp(w.data() + w.size() - (N - 1), lit, N - 1) == 0;
}

// What a word right after (or "X of" right before) the name says about the entry's level.
enum class TypeHint : uint8_t { kNone, kAdmin1, kAdmin2, kPlace, kCountry };

struct Candidate {
  Span span;                  // the whole mention, direction word included
  uint32_t sentence = 0;      // index into doc.sentences
  uint32_t tok_begin = 0, tok_end = 0;  // tokens of the name itself
  std::string key;            // folded name
  std::span<const GeoId> ids;  // gazetteer entries the name folds to (may be empty)
  GeoId demonym_country = kNoGeoId;  // set for demonyms ("Iraqi")
  // FindDemonymFolded(key), when recognition had it at hand (a one-word name).
  std::optional<std::span<const GeoId>> key_demonyms;
  TypeHint type = TypeHint::kNone;
  int cue = 0;                // 0 none, 1 a locative preposition, 2 "near"/"town of"/a type word
  bool near = false;          // "near X", "outside X", "10 km north of X"
  // "near the X camp", "attacked X": a cue only for a name one country holds, in a document
  // that names no other country or that one foremost
  bool weak_cue = false;
  bool relative = false;      // "eastern X", "the north of X"
  bool country_ref = false;   // "the north of the country": no name, the document's country
  bool metonymic = false;     // followed by a speech verb: "Washington said"
  bool institution_field = false;  // "the Ministry of Justice": the field of an office
  bool village = false;  // "the village of X", "X village": the text calls it a village
  bool sentence_initial = false;
  bool name_neighbour = false;  // a capitalized non-place word right after: part of a name
  bool prev_name = false;     // a capitalized non-place word right before: "Michael Jordan"
  bool person = false;        // the name is used for a person elsewhere in the document
  bool firm_prep = false;     // "in X", "at X": a preposition that rarely takes a person
  bool loose = false;         // found by LooseKey only ("Bossaso" for "Bosaso")
  GeoId forced = kNoGeoId;    // the entry is known already ("Decatur, Ala." → Alabama)
  const WorldRegion* region = nullptr;  // "Middle East": not in the gazetteer
  bool all_caps = false;
  bool dateline = false;      // "NEW YORK (AP) —": the city a story was filed from
  bool modifier = false;      // "Mansfield Police": a place naming a local institution
  int container = -1;         // index of the candidate in "X, Y" / "X (Y)" that contains this one
  // "Ramos Mejia (Buenos Aires)": in a bracket right after a name, where that place lies, as
  // coders write a division
  bool bracket_after_name = false;
};

// FoldName(name) when that is `lower` itself (`name` with its ASCII letters lower-cased, as the
// recognizer keeps the text): words of ASCII letters and digits joined by single spaces, none but
// the last an article FoldName drops ("deir hafer", not "al qaim"). Empty otherwise.
std::optional<std::string_view> FoldedAsLowered(std::string_view name, std::string_view lower);

// Finds candidate mentions in text order (non-overlapping) and puts them in `out` (cleared
// first). Recognition only: acceptance needs document context and is decided by Resolve.
// `marked_words` gets, in order, the tokens its scans look at: every word or alnum token that
// starts with a capital (ASCII or not), and the Arabic articles ("al", "al-Qaim").
void Recognize(const Document& doc, const Gazetteer& gaz, std::vector<Candidate>& out,
               std::vector<uint32_t>& marked_words);

// Picks one entry per candidate, drops unsupported ones, and returns the mentions.
std::vector<PlaceMention> Resolve(const Document& doc, const Gazetteer& gaz,
                                  std::vector<Candidate>& candidates);

// Test hook: while on, the resolver also answers each document-context query (country shares,
// admin1 shares and support) by its slow reference definition, the recognizer checks its memo of
// capitalized words against fresh folds and lookups, and both count the answers of their fast
// paths that differ. Off by default.
void SetReferenceChecks(bool on);
uint64_t ReferenceChecksCompared();
uint64_t ReferenceChecksMismatched();
// For the recognizer's fast paths: whether the checks are on, and counting one comparison.
// Cold: the compiler moves the paths that reach it (the checks, off outside tests) out of the
// hot code, which then takes fewer instruction-cache lines.
bool ReferenceChecksOn();
[[gnu::cold]] void CountReferenceCheck(bool same);

}  // namespace sitrep::places_internal
