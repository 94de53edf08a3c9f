// On-disk layout of the gazetteer blob (data/gazetteer.bin), shared by the compiler
// (tools/gazetteer/compile_gazetteer.cc) and the loader (gazetteer.cc). Little-endian, every
// section 8-byte aligned (the compiler puts entries on a 64-byte boundary: one cache line per
// record; readers need only 8), all offsets from the start of the blob.
//
//   Header | strings | entries | countries | keys | postings | loose keys | loose postings |
//          demonym keys | demonym postings | posting flags | prefix keys
//
// Entries are ordered: countries (by ISO2), admin1 (by code), admin2 (by code), places (by
// geonameid), so a kind is an index range and codes binary-search. A key section is sorted by
// key bytes; each key owns a run of GeoIds in its postings section. Posting flags: one byte per
// name posting, 1 when the entry's own name or ASCII name folds to the key (0: only an alternate
// name does), so the resolver need not fold entry names at run time. Prefix keys: every distinct
// string p such that some name key begins with p + " " (KeyRecs without postings whose strings
// are prefixes of the keys' own strings), so HasFoldedPrefix("deir ") is one hash lookup instead
// of a binary search. Bump kFormatVersion on any change here.
#pragma once

#include <cstdint>
#include <cstring>

#include "sitrep/gazetteer.h"

namespace sitrep::gazetteer_format {

inline constexpr char kMagic[4] = {'S', 'R', 'G', 'Z'};
inline constexpr uint32_t kFormatVersion = 2;  // 2: posting flags, prefix keys

enum SectionId : uint32_t {
  kStrings = 0,
  kEntries,
  kCountries,
  kKeys,
  kPostings,
  kLooseKeys,
  kLoosePostings,
  kDemonymKeys,
  kDemonymPostings,
  kPostingFlags,
  kPrefixKeys,
  kNumSections,
};

struct SectionDesc {
  uint64_t offset;
  uint64_t size;
};

struct Header {
  char magic[4];
  uint32_t format_version;
  uint32_t header_size;   // sizeof(Header)
  uint32_t fold_version;  // sitrep::kFoldVersion at compile time
  uint64_t blob_size;     // whole file
  uint64_t checksum;      // Checksum() of bytes [header_size, blob_size)
  uint32_t num_countries, num_admin1, num_admin2, num_places;
  SectionDesc sections[kNumSections];
};

// StrRef and EntryRec (the entry records) are declared in sitrep/gazetteer.h, so that
// GeoEntry's accessors inline.

struct CountryRec {
  uint32_t entry;  // == its index
  char iso2[2];
  char iso3[3];
  char continent[2];
  char reserved;
  StrRef capital;
};
static_assert(sizeof(CountryRec) == 20);

struct KeyRec {
  StrRef key;
  uint32_t postings_begin;
  uint32_t postings_count;
};
static_assert(sizeof(KeyRec) == 16);

// Four-lane FNV-1a-style hash over little-endian 64-bit words (fast enough to verify ~100 MB
// within the open budget); the tail is hashed byte by byte.
inline uint64_t Checksum(const uint8_t* data, uint64_t size) {
  constexpr uint64_t kBasis = 0xcbf29ce484222325ull, kPrime = 0x100000001b3ull;
  uint64_t h[4] = {kBasis, kBasis ^ 1, kBasis ^ 2, kBasis ^ 3};
  uint64_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int lane = 0; lane < 4; ++lane) {
      uint64_t w;
      std::memcpy(&w, data + i + 8 * lane, 8);
      h[lane] = (h[lane] ^ w) * kPrime;
      h[lane] ^= h[lane] >> 31;
    }
  }
  uint64_t r = kBasis;
  for (; i < size; ++i) r = (r ^ data[i]) * kPrime;
  for (uint64_t lane : h) r = (r ^ lane) * kPrime;
  return r ^ size;
}

}  // namespace sitrep::gazetteer_format
