// The world gazetteer: countries, first- and second-level divisions and populated places from
// GeoNames / Natural Earth, compiled by `sitrep-compile-gazetteer` (data/gazetteer/*.tsv) into a
// versioned blob that is mmapped read-only.
//
//   auto gaz = sitrep::Gazetteer::Open("build/data/gazetteer.bin");
//   if (!gaz.ok()) return gaz.status();               // corrupt / truncated / wrong version
//   for (sitrep::GeoEntry e : (*gaz)->Lookup("Al Fallūjah"))
//     printf("%s, %s (%s) %.3f %.3f\n", e.name().data(), e.admin1_name().data(),
//            e.country_iso3().data(), e.lat(), e.lon());
//   std::optional<sitrep::GeoEntry> iraq = (*gaz)->CountryByDemonym("Iraqi");
//
// Names are matched on folded keys (FoldName below). Candidates come back in a fixed order:
// countries, then admin1, admin2, places; within a kind by population, descending, and between
// places of equal population those filed under a second-level division first. Choosing among
// them (context, hierarchy) is the resolver's job, not the gazetteer's.
//
// Thread-safe: a Gazetteer is immutable after Open; share it via the shared_ptr.
// Every string_view returned points into the blob and lives as long as the Gazetteer.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.h"

namespace sitrep {

// --- Name folding (used by the compiler for keys and by every query) ---------------------------

// Version of the folding rules; stored in the blob, which is refused when it differs, because
// keys folded by other rules would silently stop matching.
inline constexpr uint32_t kFoldVersion = 1;

// Returns the lookup key of a place name:
//  - lowercase; Latin-1, Latin Extended-A/B and Latin Extended Additional letters lose their
//    diacritics (ā ḥ ṣ ḍ ṭ ẓ é ç ş → a h s d t z e c s; ß → ss, æ → ae); combining marks dropped;
//  - apostrophes and ayn/hamza marks (' ` ’ ‘ ʿ ʾ ʼ ´) are dropped: "Ma'rib" → "marib";
//  - a period after a single letter is dropped ("U.S." → "us"), other punctuation, hyphens and
//    whitespace become one space; leading/trailing spaces trimmed;
//  - Arabic article words (al el ad ash as at az an ar ath adh ed es et ez en er ud ul) are
//    dropped when another word follows: "Al-Fallūjah" → "fallujah",
//    "Deir ez-Zor" → "deir zor", "An Najaf" → "najaf";
//  - other scripts (Cyrillic, Arabic...) pass through unchanged; invalid UTF-8 becomes a space.
std::string FoldName(std::string_view name);

// True when `lower` (a lower-case word) is one of the article words FoldName drops before
// another word ("es" of "Dar es Salaam", "at" of "Bir at Tutah").
bool IsFoldedArticle(std::string_view lower);

// Returns the loose key of a folded key: spaces removed, q → k, dj → j, ph → f, a trailing "h"
// after a vowel dropped per word, doubled letters collapsed, and every run of vowels (a e i o u,
// and y except word-initially) collapsed to "a". "fallujah"/"falluja" → "falaja";
// "fasher"/"fashir" → "fashar"; "dawlat abad"/"dowlatabad" → "dawlatabad". Used by LookupLoose
// as a fallback; expect more false candidates than from Lookup.
std::string LooseKey(std::string_view folded);

// --- Entries --------------------------------------------------------------------------------------

enum class GeoKind : uint8_t { kCountry = 1, kAdmin1 = 2, kAdmin2 = 3, kPlace = 4 };
const char* GeoKindName(GeoKind kind);  // "country", "admin1", "admin2", "place"

using GeoId = uint32_t;  // index of an entry in one blob; not stable across builds
inline constexpr GeoId kNoGeoId = 0xFFFFFFFFu;

class Gazetteer;
namespace gazetteer_format {
struct EntryRec;
}  // namespace gazetteer_format

// A cheap view of one entry (a pointer and an index); valid while its Gazetteer lives.
class GeoEntry {
 public:
  GeoId id() const { return id_; }
  GeoKind kind() const;  // from the id's range (entries are ordered by kind): no record read
  std::string_view name() const;        // "Al Fallūjah"
  std::string_view ascii_name() const;  // "Al Fallujah"
  // Admin code: "IQ" (country ISO2), "IQ.01" (admin1), "IQ.01.99455" (admin2); "" for places.
  std::string_view code() const;
  char feature_class() const;              // 'A' or 'P' (GeoNames)
  std::string_view feature_code() const;   // "PCLI", "ADM1", "ADM2", "PPLA2", "PPLC"...
  uint32_t geonameid() const;              // 0 when unknown
  bool has_coordinates() const;
  double lat() const;  // NaN when unknown
  double lon() const;
  uint64_t population() const;

  // Hierarchy (empty strings when the level is unknown). For a country, country_* describe
  // itself; for an admin1, admin1_* describe itself.
  std::string_view country_iso2() const;
  std::string_view country_iso3() const;
  std::string_view country_name() const;
  std::string_view admin1_code() const;
  std::string_view admin1_name() const;
  std::string_view admin2_name() const;
  GeoId country_id() const;  // kNoGeoId when none
  GeoId admin1_id() const;
  GeoId admin2_id() const;

  bool operator==(const GeoEntry& other) const { return gaz_ == other.gaz_ && id_ == other.id_; }

 private:
  friend class Gazetteer;
  GeoEntry(const Gazetteer* gaz, GeoId id) : gaz_(gaz), id_(id) {}
  const gazetteer_format::EntryRec& rec() const;
  const Gazetteer* gaz_;
  GeoId id_;
};

// --- The gazetteer --------------------------------------------------------------------------------

namespace gazetteer_format {
struct Header;
struct CountryRec;
struct KeyRec;

// The blob's string references and entry records (layout in src/geo/gazetteer_format.h). Private
// to the gazetteer; declared here only so that GeoEntry's accessors inline (the resolver reads
// them for every candidate entry).
struct StrRef {
  uint32_t off;
  uint32_t len;
};

struct EntryRec {
  StrRef name;
  StrRef ascii_name;
  StrRef code;
  uint32_t geonameid;
  uint32_t population;  // saturated at 2^32-1
  float lat;            // NaN when unknown
  float lon;
  uint32_t country;  // GeoId or kNoGeoId
  uint32_t admin1;
  uint32_t admin2;
  uint8_t kind;  // GeoKind
  char feature_class;
  char feature_code[6];  // NUL-padded
  uint32_t reserved;
};
static_assert(sizeof(EntryRec) == 64);
}  // namespace gazetteer_format

class Gazetteer {
 public:
  struct Stats {
    uint32_t format_version = 0;
    uint64_t blob_bytes = 0;
    uint32_t countries = 0, admin1 = 0, admin2 = 0, places = 0;
    uint32_t keys = 0, loose_keys = 0, demonyms = 0;
  };

  // Maps the blob at `path` and validates it (magic "SRGZ", format and fold versions, size,
  // checksum, every offset and index). A damaged or mismatched blob yields kCorrupt or
  // kUnsupported with a message naming the problem; it never crashes.
  static Result<std::shared_ptr<const Gazetteer>> Open(const std::string& path);
  // Same validation over an in-memory blob (copied).
  static Result<std::shared_ptr<const Gazetteer>> OpenBuffer(std::string_view bytes);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Returns every entry one of whose names folds like `name` (empty when none).
  std::vector<GeoEntry> Lookup(std::string_view name) const;
  // As Lookup, on LooseKey(FoldName(name)); a fallback for spelling variants.
  std::vector<GeoEntry> LookupLoose(std::string_view name) const;
  // Allocation-free forms for the recognizer: `key` must already be FoldName / LooseKey output.
  std::span<const GeoId> FindFolded(std::string_view key) const;
  std::span<const GeoId> FindLoose(std::string_view loose_key) const;
  // For a span that FindFolded(key) returned: per entry, 1 when the entry's own name or ASCII
  // name folds to `key`, 0 when only an alternate name does. Empty for any other span.
  std::span<const uint8_t> OwnNameFlags(std::span<const GeoId> ids) const;
  // True when some folded key starts with `folded_prefix` (grow a multi-word candidate only
  // while this holds: "deir" → "deir zor").
  bool HasFoldedPrefix(std::string_view folded_prefix) const;
  // The same answer by a binary search over the sorted keys (the reference for the word-prefix
  // index HasFoldedPrefix uses for prefixes ending in a space).
  bool HasFoldedPrefixBySearch(std::string_view folded_prefix) const;
  // HasFoldedPrefix(folded + " "), without building that string.
  bool HasFoldedWordPrefix(std::string_view folded) const;
  // The countries whose demonym folds to `key` (FoldName output), as CountriesByDemonym.
  std::span<const GeoId> FindDemonymFolded(std::string_view key) const;

  GeoEntry Entry(GeoId id) const { return GeoEntry(this, id); }  // id < size()
  // A hint that the entries `ids` are read next: fetches their records into the cache, so the
  // misses overlap instead of coming one by one. No effect on any answer; ids >= size() ignored.
  void PrefetchEntries(std::span<const GeoId> ids) const;
  // A hint that FindFolded(k) and HasFoldedPrefix(k + " ") are asked next for each folded key k
  // of `keys`, and FindLoose(LooseKey(k)) for those k that are not keys: fetches their index
  // slots, key records and key strings in a few rounds over the whole batch, so the cache misses
  // of the lookups overlap instead of coming one by one. No effect on any answer.
  // When `loose` is given (as many strings as `keys`), loose[i] receives LooseKey(keys[i]) for
  // the keys whose loose form was fetched, and is cleared for the others.
  // When `answers` is given (as many as `keys`), it also receives each key's lookups, so that
  // the caller need not ask them again (the reference answers are FindFolded etc., see
  // FoldedAnswer); a key's loose answer is filled exactly when loose[i] is handed back, which it
  // is then for every key that is not a name key. The answers are the probes' own: they neither
  // read nor fill the lookup memo.
  struct FoldedAnswer {
    std::span<const GeoId> ids;    // FindFolded(k)
    std::span<const GeoId> loose;  // FindLoose(loose[i]) when loose[i] was handed back, else empty
    bool word_prefix = false;      // HasFoldedWordPrefix(k)
    std::span<const GeoId> demonyms;  // FindDemonymFolded(k)
  };
  void PrefetchFolded(std::span<const std::string> keys, std::span<std::string> loose = {},
                      std::span<FoldedAnswer> answers = {}) const;
  uint32_t size() const;

  std::optional<GeoEntry> CountryByIso2(std::string_view iso2) const;  // "IQ", case-insensitive
  std::optional<GeoEntry> CountryByIso3(std::string_view iso3) const;  // "IRQ"
  // "Iraqi", "U.S.", "Burkinabè"; when shared ("Congolese") the most populous country.
  std::optional<GeoEntry> CountryByDemonym(std::string_view demonym) const;
  std::vector<GeoEntry> CountriesByDemonym(std::string_view demonym) const;
  std::optional<GeoEntry> Admin1ByCode(std::string_view code) const;  // "IQ.01"
  std::optional<GeoEntry> Admin2ByCode(std::string_view code) const;  // "AF.30.1605"
  std::optional<GeoEntry> CountryOf(const GeoEntry& entry) const;
  std::optional<GeoEntry> Admin1Of(const GeoEntry& entry) const;
  std::optional<GeoEntry> Admin2Of(const GeoEntry& entry) const;

  Stats stats() const;
  // A number unique to this opened blob (never reused in the process): callers that memoize
  // answers across documents tag them with it.
  uint64_t serial() const { return serial_; }

 private:
  friend class GeoEntry;
  GeoKind KindOf(GeoId id) const {
    return id < num_countries_   ? GeoKind::kCountry
           : id < admin2_begin_  ? GeoKind::kAdmin1
           : id < places_begin_  ? GeoKind::kAdmin2
                                 : GeoKind::kPlace;
  }
  std::string_view Str(uint32_t off, uint32_t len) const {
    return std::string_view(strings_ + off, len);
  }
  // An open-addressing hash index over a sorted key section, stored in the blob (layout and
  // build in geo/gazetteer_format.h): exact lookups cost one hash and usually one string compare
  // instead of a binary search over the mapped keys.
  using KeyIndex = std::span<const uint64_t>;
  struct Storage;
  Gazetteer() = default;
  static Result<std::shared_ptr<const Gazetteer>> Validate(std::unique_ptr<Storage> storage);
  std::span<const GeoId> FindIn(const gazetteer_format::KeyRec* keys, uint32_t num_keys,
                                const GeoId* postings, const KeyIndex& index,
                                std::string_view key) const;
  const gazetteer_format::KeyRec* FindRec(const gazetteer_format::KeyRec* keys,
                                          const KeyIndex& index,
                                          std::string_view key) const;
  // FindRec with the key's KeyHash `hash` known.
  const gazetteer_format::KeyRec* FindRecHashed(const gazetteer_format::KeyRec* keys,
                                                const KeyIndex& index, std::string_view key,
                                                uint64_t hash) const;
  const gazetteer_format::KeyRec* ProbeRec(const gazetteer_format::KeyRec* keys,
                                           const KeyIndex& index,
                                           std::string_view key, uint64_t hash) const;
  // The memo section number of a key section (see FindRec).
  uint64_t SectionOf(const gazetteer_format::KeyRec* keys) const {
    return keys == keys_ ? 1 : keys == prefix_keys_ ? 2 : keys == loose_keys_ ? 3 : 4;
  }
  std::optional<GeoEntry> ByCode(uint32_t begin, uint32_t end, std::string_view code) const;
  void BuildIsoIndexes();

  std::unique_ptr<Storage> storage_;
  uint64_t serial_ = 0;  // unique per opened blob: tags this gazetteer's lookups in the memo
  const uint8_t* base_ = nullptr;
  const gazetteer_format::Header* header_ = nullptr;
  const char* strings_ = nullptr;
  uint64_t strings_size_ = 0;
  const gazetteer_format::EntryRec* entries_ = nullptr;
  const gazetteer_format::CountryRec* countries_ = nullptr;
  const gazetteer_format::KeyRec* keys_ = nullptr;
  const GeoId* postings_ = nullptr;
  const gazetteer_format::KeyRec* loose_keys_ = nullptr;
  const GeoId* loose_postings_ = nullptr;
  const gazetteer_format::KeyRec* demonym_keys_ = nullptr;
  const GeoId* demonym_postings_ = nullptr;
  const uint8_t* posting_flags_ = nullptr;  // parallel to postings_
  uint32_t num_postings_ = 0;
  const gazetteer_format::KeyRec* prefix_keys_ = nullptr;  // word prefixes of keys_
  uint32_t num_prefix_keys_ = 0;
  KeyIndex prefix_key_index_;
  uint32_t num_entries_ = 0, num_countries_ = 0, num_admin1_ = 0, num_admin2_ = 0;
  uint32_t admin2_begin_ = 0, places_begin_ = 0;  // first ids of the admin2 and place ranges
  // Country entry + 1 by ISO2 / ISO3 letters (A-Z only; 0: none), built at open, so the per
  // document country lookups are one array read instead of a search over the country records.
  std::vector<uint16_t> iso2_index_, iso3_index_;
  uint32_t num_keys_ = 0, num_loose_keys_ = 0, num_demonym_keys_ = 0;
  KeyIndex key_index_, loose_key_index_, demonym_key_index_;
  // keys_ by their first two bytes (a missing byte counts as 0): keys [start[b], start[b + 1])
  // begin with the two bytes b, so HasFoldedPrefix searches one bucket instead of every key.
  const uint32_t* key_prefix_start_ = nullptr;
};

inline GeoKind GeoEntry::kind() const { return gaz_->KindOf(id_); }

// The record accessors, inline: the resolver reads several fields of every candidate entry.
inline const gazetteer_format::EntryRec& GeoEntry::rec() const { return gaz_->entries_[id_]; }
inline std::string_view GeoEntry::name() const { return gaz_->Str(rec().name.off, rec().name.len); }
inline std::string_view GeoEntry::ascii_name() const {
  return gaz_->Str(rec().ascii_name.off, rec().ascii_name.len);
}
inline std::string_view GeoEntry::code() const { return gaz_->Str(rec().code.off, rec().code.len); }
inline char GeoEntry::feature_class() const { return rec().feature_class; }
inline std::string_view GeoEntry::feature_code() const {
  const char* fc = rec().feature_code;
  size_t len = 0;
  while (len < sizeof(rec().feature_code) && fc[len] != '\0') ++len;
  return std::string_view(fc, len);
}
inline uint32_t GeoEntry::geonameid() const { return rec().geonameid; }
inline bool GeoEntry::has_coordinates() const {
  return !std::isnan(rec().lat) && !std::isnan(rec().lon);
}
inline double GeoEntry::lat() const { return rec().lat; }
inline double GeoEntry::lon() const { return rec().lon; }
inline uint64_t GeoEntry::population() const { return rec().population; }
inline GeoId GeoEntry::country_id() const {
  return kind() == GeoKind::kCountry ? id_ : rec().country;
}
inline GeoId GeoEntry::admin1_id() const { return kind() == GeoKind::kAdmin1 ? id_ : rec().admin1; }
inline GeoId GeoEntry::admin2_id() const { return kind() == GeoKind::kAdmin2 ? id_ : rec().admin2; }

}  // namespace sitrep
